"""The whole guide on one page, for printing or saving as PDF.

Each page's Markdown is included in reading order with its links rebased:
links keep pointing at the real pages (so MkDocs still checks them and no
anchor clashes with another page's), and self-check answers are expanded.
"""
from __future__ import annotations

import posixpath
import re

from .text import relative_link

# [text](target "title") and [text](target): target without spaces.
_INLINE_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_COLLAPSED = re.compile(r"^(\s*)\?\?\?(\s)", re.MULTILINE)


def nav_sources(nav: list) -> list[str]:
    """Docs source paths in nav order."""
    found: list[str] = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_sources(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def strip_front_matter(markdown: str) -> str:
    return _FRONT_MATTER.sub("", markdown, count=1)


def rebase_target(target: str, src: str, to_src: str) -> str:
    """A link target written in page `src`, rewritten for page `to_src`."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target):      # https:, mailto:, ...
        return target
    path, _, anchor = target.partition("#")
    full = src if not path else posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
    return relative_link(to_src, full, anchor or None)


def rebase_links(markdown: str, src: str, to_src: str) -> str:
    return _INLINE_LINK.sub(lambda m: m.group(1) + rebase_target(m.group(2), src, to_src) + m.group(3), markdown)


def expand_collapsed(markdown: str) -> str:
    """`??? question` blocks become `???+` (open), so answers print."""
    return _COLLAPSED.sub(r"\1???+\2", markdown)


def printable(markdown: str, src: str, to_src: str) -> str:
    return expand_collapsed(rebase_links(strip_front_matter(markdown), src, to_src))
