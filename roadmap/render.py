"""From the model to page text: the template environment, and the renderer
that evaluates every macro call of every page once per build.

- `templates()` is the Jinja environment of `roadmap/templates/` (the views'
  templates, not the pages): `md_text`/`md_title` filters escape plain text
  for Markdown, `e` escapes it for HTML; undefined names are errors.
- `Renderer` evaluates a page's macro calls (`roadmap.registry`) with the
  page as context, records which files each output read, and caches the
  output, so the macros plugin, the dates and the printable guide all see
  the same text, computed once.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from .markup import md_text, md_title
from .pages import Call, render_parts
from .recording import record, recording
from .site import SiteData
from .urls import Links, md_link

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=2)
def templates(folder: Path = TEMPLATES) -> jinja2.Environment:
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
    return env


@dataclass(frozen=True)
class Context:
    """What a view knows while it renders: the data, and the page it renders for."""

    data: SiteData
    links: Links | None
    src: str                  # docs source path of the page being rendered ("skills/programming.md")
    renderer: Renderer
    printing: bool = False    # rendering for the printable whole guide

    def md_link(self, to_src: str, anchor: str | None = None) -> str:
        return md_link(self.src, to_src, anchor)

    def url(self, to_src: str) -> str:
        if self.links is None:
            raise RuntimeError("URLs are known once MkDocs has listed the site's files (on_files)")
        return self.links.relative_url(self.src, to_src)

    @property
    def file(self) -> str:
        """The page's file, for messages."""
        return f"docs/{self.src}"

    def template(self, name: str, **values: Any) -> str:
        return templates().get_template(name).render(link=self.md_link, **values)


@dataclass
class Rendered:
    text: str
    reads: frozenset[str]


@dataclass(frozen=True)
class Generated:
    """A page the build writes itself (a term's page): its text, the data file
    it stands for (what its edit button opens) and every file it read."""

    text: str
    own_file: str
    reads: frozenset[str]


@dataclass
class Renderer:
    data: SiteData
    links: Links | None = None
    generated: dict[str, Generated] = field(default_factory=dict)   # docs source path -> page
    _cache: dict[tuple, Rendered] = field(default_factory=dict)

    def context(self, page: str, printing: bool = False) -> Context:
        return Context(self.data, self.links, page, self, printing)

    def call(self, page: str, call: Call, printing: bool = False) -> str:
        """The output of one macro call on a page (computed once, then cached)."""
        from .registry import MACROS

        key = (page, call.name, call.args, call.kwargs, printing)
        done = self._cache.get(key)
        if done is None:
            with recording() as reads:
                text = MACROS[call.name].view(self.context(page, printing), *call.args, **dict(call.kwargs))
            done = self._cache[key] = Rendered(text, frozenset(reads))
        record(*done.reads)  # an enclosing recording (a page, the printable guide) reads them too
        return done.text

    def generate(self, src: str, own_file: str, view: Callable[..., str], *args: Any) -> Generated:
        """Make a generated page's Markdown with a view, recording what it read."""
        with recording() as reads:
            record(own_file)
            text = view(self.context(src), *args)
        page = self.generated[src] = Generated(text, own_file, frozenset(reads))
        return page

    def render_page(self, src: str, printing: bool = False) -> Rendered:
        """A page's body with every call replaced by its output, and every file it read."""
        with recording() as reads:
            page = self.data.page(src)
            text = render_parts(page.parts, lambda c: self.call(src, c, printing))
        return Rendered(text, frozenset(reads))
