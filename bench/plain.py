"""Baseline B: plain Material with plain-text mentions, for peer comparison.

What a site of the same pages costs with no glossary at all, as
glossary plugins (ezglossary and the like) are compared against: the same
hand-written pages as baseline A, rendered by the project's views except
for the glossary. Each term mention is its visible text only (no link), the
glossary page's list of terms is plain text (title and short definition, by
letter), and any other link to a term page (a skill's key terms) is its
text. No term pages are generated and no glossary machinery runs: the
config is baseline A's (no macros plugin, no hooks), so the theme and the
Markdown extensions are the same. The data files pages link to
(glossary.json, roadmap.json) stay, as static files.
"""
from __future__ import annotations

import html
import inspect
import re
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path

from roadmap.markup import md_text
from roadmap.model.glossary import Term
from roadmap.pages import Call
from roadmap.render import Renderer
from roadmap.views.glossary import term as term_view

from .baseline import Loaded, rendered_pages, up_to_the_nav, write_plain_project
from .project import copy_project

# [text](target) and [text](target "title"), the text possibly holding escaped brackets.
_MARKDOWN_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HREF = re.compile(r"""href=["']([^"']*)["']""")
# A target that is a term's own page: glossary/<id>.md, glossary/<id>/ or glossary/<id>/index.html.
_TERM_PAGE = re.compile(r"(?:^|/)glossary/([^/#?]+?)(?:\.md|/|/index\.html)?(?:[#?].*)?$")


def visible_text(call: Call) -> str:
    """What a term() call shows: its label, or the text it names the term by (as term() escapes it)."""
    bound = inspect.signature(term_view).bind(None, *call.args, **dict(call.kwargs))
    return html.escape(bound.arguments.get("label") or bound.arguments["text"], quote=False)


def plain_glossary(terms: Iterable[Term]) -> str:
    """The glossary page's list as plain text: each term's title and short definition, by letter."""
    lines: list[str] = []
    for letter, group in groupby(terms, key=lambda t: t.title[0].upper()):
        lines += [f"## {md_text(letter)}", ""]
        lines += [f"- {md_text(t.title)}: {md_text(t.short)}" for t in group]
        lines.append("")
    return "\n".join(lines)


class PlainMentions(Renderer):
    """The project's renderer, but the glossary's two views write plain text."""

    def call(self, page: str, call: Call, printing: bool = False) -> str:
        if call.name == "term":
            return visible_text(call)
        if call.name == "glossary":
            return plain_glossary(self.data.terms())
        return super().call(page, call, printing)


def is_term_page(target: str, term_ids: set[str]) -> bool:
    match = _TERM_PAGE.search(target)
    return bool(match) and match.group(1) in term_ids


def unlink_term_pages(markdown: str, term_ids: set[str]) -> str:
    """Every Markdown link to a term's page replaced by its text."""
    return _MARKDOWN_LINK.sub(lambda m: m.group(1) if is_term_page(m.group(2), term_ids) else m.group(0), markdown)


def term_page_links(text: str, term_ids: set[str]) -> list[str]:
    """The targets of the Markdown links and HTML hrefs in text that go to a term's page."""
    targets = [m.group(2) for m in _MARKDOWN_LINK.finditer(text)] + _HREF.findall(text)
    return [t for t in targets if is_term_page(t, term_ids)]


def plain_pages(loaded: Loaded) -> dict[str, str]:
    """docs path -> each hand-written page with plain-text mentions and no link to a term page."""
    term_ids = {t.id for t in loaded.state.data.terms()}
    renderer = PlainMentions(loaded.state.data, loaded.state.renderer.links)
    pages = {src: unlink_term_pages(text, term_ids) for src, text in rendered_pages(loaded, renderer).items()}
    left = {src: found for src, text in pages.items() if (found := term_page_links(text, term_ids))}
    if left:
        raise RuntimeError(f"baseline B pages still link to term pages: {left}")
    return pages


def make_plain(real: Path, dest: Path) -> Path:
    """Baseline B: a copy of `real` with plain-text mentions, no term pages, plain Material."""
    copy_project(dest, real)
    loaded = up_to_the_nav(dest)
    write_plain_project(dest, {**plain_pages(loaded), **loaded.data_files}, loaded.nav)
    return dest
