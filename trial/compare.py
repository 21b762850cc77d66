"""Two built sites, page by page: is the text of each page's <article> the same?

Pure functions of two folders (no build, no network), so the tests can feed
them two small hand-written sites.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup


def normalise(text: str) -> str:
    """Whitespace runs become one space; leading and trailing space goes."""
    return " ".join(text.split())


_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL | re.IGNORECASE)

# The page-date line under the content (Material's revision footer): left out
# by the second comparison, since dates are checked on their own.
PAGE_DATE = ".md-source-file"
# The page's tags, which Zensical lists above the content even with no tags
# plugin (Material shows none): left out by the third comparison.
TAGS = "nav.md-tags"


def article_text(html: str, ignore: tuple[str, ...] = ()) -> str | None:
    """The normalised text of the page's first <article> (less the elements the
    CSS selectors in `ignore` match), or None if it has none."""
    found = _ARTICLE.search(html)     # parse the article alone: a page's nav is most of its HTML
    if found is None:
        return None
    article = BeautifulSoup(found.group(0), "html.parser").find("article")
    for selector in ignore:
        for element in article.select(selector):
            element.decompose()
    return normalise(article.get_text(" "))


def html_pages(site: Path) -> dict[str, Path]:
    """Every HTML file of a built site, by its path under the site ('about/index.html')."""
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


def first_difference(a: str, b: str, width: int = 60) -> str:
    """Where two texts first part, with a little of each side from there."""
    i = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(0, i - 20)
    return f"at character {i}: {a[start:i + width]!r} / {b[start:i + width]!r}"


@dataclass
class Comparison:
    identical: int = 0
    differing: int = 0
    missing: int = 0                 # pages of the real build the other one lacks
    extra: int = 0                   # pages only the other build has
    differing_pages: list[str] = field(default_factory=list)
    missing_pages: list[str] = field(default_factory=list)
    examples: dict[str, str] = field(default_factory=dict)   # page -> first difference (a few)

    @property
    def total(self) -> int:
        return self.identical + self.differing + self.missing

    def line(self) -> str:
        return f"{self.identical} identical, {self.differing} differing, {self.missing} missing (of {self.total})"

    def as_dict(self) -> dict:
        return {"identical": self.identical, "differing": self.differing, "missing": self.missing,
                "extra": self.extra, "differing_pages": self.differing_pages,
                "missing_pages": self.missing_pages, "examples": self.examples}


def compare_sites(real: Path, other: Path, examples: int = 5, ignore: tuple[str, ...] = ()) -> Comparison:
    """Page by page, the <article> text of `other` against `real` (whitespace
    normalised; elements matching the `ignore` selectors left out on both sides).

    A page with no <article> in either build counts as identical when both
    lack it, and as differing when only one has it.
    """
    result = Comparison()
    ours, theirs = site_texts(real, ignore), site_texts(other, ignore)
    for page, a in ours.items():
        if page not in theirs:
            result.missing += 1
            result.missing_pages.append(page)
            continue
        b = theirs[page]
        if a == b:
            result.identical += 1
            continue
        result.differing += 1
        result.differing_pages.append(page)
        if len(result.examples) < examples:
            result.examples[page] = first_difference(a or "(no article)", b or "(no article)")
    result.extra = len(set(theirs) - set(ours))
    return result


def site_texts(site: Path, ignore: tuple[str, ...] = ()) -> dict[str, str | None]:
    """page -> its article text, read once per build (the real build is compared with every route)."""
    pages = html_pages(site)
    stamp = max((p.stat().st_mtime_ns for p in pages.values()), default=0)
    return _site_texts(str(site), tuple(ignore), stamp, len(pages))


@functools.lru_cache(maxsize=16)
def _site_texts(site: str, ignore: tuple[str, ...], stamp: int, count: int) -> dict[str, str | None]:
    pages = html_pages(Path(site))
    return {page: article_text(path.read_text(encoding="utf-8"), ignore) for page, path in pages.items()}
