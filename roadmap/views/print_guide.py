"""The whole guide on one page, for printing or saving as PDF.

Each page in reading order, rendered for the print page: its macro calls
are evaluated with the print page as context (so their links are right
there), and the links it writes itself are rebased from its own folder.
Links keep pointing at the real pages, so MkDocs still checks them and no
anchor clashes with another page's; self-check answers print expanded.
"""
from __future__ import annotations

import posixpath
import re

from ..pages import Call
from ..render import Context
from ..site import GLOSSARY_PAGE, PRINT_PAGE
from ..urls import md_link
from .glossary import glossary_print

# Pages left out: the print page itself, contributing (about the repository,
# not the subject), and the glossary page (its definitions print at the end).
NOT_PRINTED = {PRINT_PAGE, "contributing.md", GLOSSARY_PAGE}

# [text](target "title") and [text](target): target without spaces.
_INLINE_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_COLLAPSED = re.compile(r"^(\s*)\?\?\?(\s)", re.MULTILINE)


def rebase_target(target: str, src: str, to_src: str) -> str:
    """A link target written in page `src`, rewritten for page `to_src`."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target):      # https:, mailto:, ...
        return target
    path, _, anchor = target.partition("#")
    full = src if not path else posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
    return md_link(to_src, full, anchor or None)


def rebase_links(markdown: str, src: str, to_src: str) -> str:
    return _INLINE_LINK.sub(lambda m: m.group(1) + rebase_target(m.group(2), src, to_src) + m.group(3), markdown)


def expand_collapsed(markdown: str) -> str:
    """`??? question` blocks become `???+` (open), so answers print."""
    return _COLLAPSED.sub(r"\1???+\2", markdown)


def printable_page(ctx: Context, src: str) -> str:
    """One page's body for the print page: calls rendered there, own links rebased."""
    parts = ctx.data.page(src).parts
    text = "".join(rebase_links(p, src, ctx.src) if not isinstance(p, Call)
                   else ctx.renderer.call(ctx.src, p, printing=True) for p in parts)
    return expand_collapsed(text)


def whole_guide(ctx: Context) -> str:
    """Every page in reading order, then the glossary."""
    parts = [printable_page(ctx, src) for src in ctx.data.reading_order() if src not in NOT_PRINTED]
    parts.append(glossary_print(ctx))
    return "\n\n".join(parts)
