"""The Jinja environment for macros/templates: data in, Markdown/HTML out.

Templates get two escaping filters: `md_text` for plain text placed in
Markdown, `md_title` for a link title; `e` (HTML escape) for text placed
in raw HTML. Undefined names are errors, not empty strings.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from .text import md_text, md_title, relative_link

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=4)
def make_environment(folder: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; templates escape explicitly
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_text"] = md_text
    env.filters["md_title"] = md_title
    env.globals["relative_link"] = relative_link
    env.globals["zip"] = zip
    return env
