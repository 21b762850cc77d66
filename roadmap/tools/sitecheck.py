#!/usr/bin/env python3
"""Check a built site's links on its own, independently of MkDocs.

    python -m roadmap.tools.sitecheck SITE_DIR            internal links and #anchors
    python -m roadmap.tools.sitecheck SITE_DIR --external list every external link

Every href/src in every HTML page that stays on the site must name a file
that exists and, with a #fragment, an element with that id on the target.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup

# Material's own in-page controls use these fragments; they are not anchors.
IGNORED_FRAGMENTS = {"", "__search", "__drawer", "__toc", "__consent", "__palette"}
LINK_ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"))
SITE_ORIGIN = "http://site.invalid/"


@dataclass(frozen=True)
class Link:
    page: str     # path of the page, relative to the site root
    tag: str
    url: str


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def site_base(site: Path) -> str:
    """The address the site is built for (site_url), read off the home page's
    canonical link: pages such as 404.html link with absolute URLs or paths."""
    index = site / "index.html"
    canonical = None
    if index.is_file():
        home = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
        canonical = home.find("link", rel="canonical")
    base = canonical["href"] if canonical else "/"
    return base if base.endswith("/") else base + "/"


def page_url(site: Path, path: Path) -> str:
    return urljoin(SITE_ORIGIN, path.relative_to(site).as_posix())


def resolve(site: Path, page: str, url: str, base: str) -> str:
    """A link as an absolute URL on SITE_ORIGIN; links into the site's own
    address (full URL or absolute path) are mapped onto the built files."""
    base_path = urlparse(base).path
    if base.startswith(("http://", "https://")) and url.startswith(base):
        url = "/" + url[len(base):]
    elif url.startswith(base_path) and not url.startswith("//"):
        url = "/" + url[len(base_path):]
    return urljoin(page_url(site, site / page), url)


def links(site: Path) -> Iterator[Link]:
    for path in html_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(site).as_posix()
        for tag, attr in LINK_ATTRS:
            for el in soup.find_all(tag):
                value = el.get(attr)
                if value:
                    yield Link(rel, tag, value)


def target_file(site: Path, absolute: str) -> Path:
    path = unquote(urlparse(absolute).path)
    file = site / path.lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file


_ids_cache: dict[Path, set[str]] = {}


def ids_in(file: Path) -> set[str]:
    if file not in _ids_cache:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        _ids_cache[file] = {el["id"] for el in soup.find_all(id=True)} | {
            el["name"] for el in soup.find_all("a", attrs={"name": True})}
    return _ids_cache[file]


def is_external(url: str) -> bool:
    return urlparse(url).scheme not in ("", "http") or (
        urlparse(url).scheme == "http" and not url.startswith(SITE_ORIGIN))


def internal_link_errors(site: Path) -> list[str]:
    errors = []
    base = site_base(site)
    for link in links(site):
        absolute = resolve(site, link.page, link.url, base)
        if urlparse(absolute).scheme in ("mailto", "data", "javascript", "tel") or not absolute.startswith(SITE_ORIGIN):
            continue
        address, fragment = urldefrag(absolute)
        file = target_file(site, address)
        if not file.is_file():
            errors.append(f"{link.page}: <{link.tag}> {link.url} -> missing file {file.relative_to(site)}")
            continue
        if (fragment and fragment not in IGNORED_FRAGMENTS and file.suffix == ".html"
                and unquote(fragment) not in ids_in(file)):
            errors.append(f"{link.page}: <{link.tag}> {link.url} -> "
                          f"no element id '{fragment}' in {file.relative_to(site)}")
    return errors


def external_links(site: Path) -> dict[str, list[str]]:
    """external URL -> pages that link to it."""
    found: dict[str, list[str]] = {}
    base = site_base(site)
    for link in links(site):
        absolute = resolve(site, link.page, link.url, base)
        if not absolute.startswith(SITE_ORIGIN) and urlparse(absolute).scheme in ("http", "https"):
            pages = found.setdefault(urldefrag(absolute)[0], [])
            if link.page not in pages:
                pages.append(link.page)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--external", action="store_true", help="list external links instead")
    args = parser.parse_args()
    if args.external:
        for url, pages in sorted(external_links(args.site).items()):
            print(f"{url}  ({len(pages)} page{'s' if len(pages) > 1 else ''})")
        return 0
    errors = internal_link_errors(args.site)
    for error in errors:
        print(error)
    print(f"{len(html_pages(args.site))} pages checked, {len(errors)} broken internal links or anchors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
