"""Small pure helpers for turning data into safe Markdown."""
from __future__ import annotations

import html
import posixpath
import re

# Python-Markdown's escapable characters that could start emphasis, code, a
# link, an attr_list (`{ ... }`), a list (`- `, `1. `), a rule (`---`) or end
# a table cell (`|`); a backslash makes them show literally.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!.|-])")
_LINE_START_SPECIALS = ("?", ":", "=", "~")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HTTPS_URL = re.compile(r"^https://[^\s<>\"'()\[\]{}\\`]+$")


def md_text(value: object) -> str:
    """Plain text -> Markdown that renders as exactly that text.

    HTML is escaped (`<script>` shows as text, creates no element) and
    Markdown, attr_list and Jinja punctuation is backslash-escaped.
    """
    text = " ".join(str(value).split())
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    text = html.escape(text, quote=True)
    # Block markers with no backslash escape (`???` details, `: ` definition,
    # `===` heading underline, `~~~` fence) only act at the start of a line.
    return f"&#{ord(text[0])};{text[1:]}" if text[:1] in _LINE_START_SPECIALS else text


def md_title(value: object) -> str:
    """Plain text -> the quoted title of a Markdown link: `"..."`.

    The title becomes an HTML attribute (and Material's tooltip); quotes,
    angle brackets, ampersands, backslashes and backticks are turned into
    entities.
    """
    text = " ".join(str(value).split())
    # Backslashes and backticks would be read as Markdown escapes and code
    # spans inside the title (code spans are parsed before links).
    return '"' + html.escape(text, quote=True).replace("\\", "&#92;").replace("`", "&#96;") + '"'


def is_id(value: object) -> bool:
    """An id is lower-case words joined by single hyphens: `k-nearest-neighbours`."""
    return isinstance(value, str) and bool(_ID.match(value))


def is_https_url(value: object) -> bool:
    """An https URL with no character that could break out of a Markdown link."""
    return isinstance(value, str) and bool(_HTTPS_URL.match(value))


def relative_link(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """Relative link from one docs source file to another, as Markdown expects.

    >>> relative_link("skills/programming.md", "glossary.md", "python")
    '../glossary.md#python'
    """
    start = posixpath.dirname(from_src) or "."
    target = posixpath.relpath(to_src, start)
    if to_src == from_src:
        target = posixpath.basename(to_src)
    return f"{target}#{anchor}" if anchor else target


def page_url(src: str) -> str:
    """Directory-style URL of a docs page: 'skills/programming.md' -> 'skills/programming/'."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


def relative_url(from_src: str, to_src: str) -> str:
    """URL of one page relative to another, for links in raw HTML, which MkDocs does not rewrite."""
    start = page_url(from_src) or "."
    target = page_url(to_src) or "."
    rel = posixpath.relpath(target, start)
    return "./" if rel == "." else rel + "/"
