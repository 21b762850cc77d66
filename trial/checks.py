"""What of the site works in another build: each area checked against the real build.

Pure functions of two built folders (the real build and the route's), each
returning one `Check`: works (True), breaks (False) or not measurable here
(None), with the numbers behind it.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from .compare import _ARTICLE, html_pages

TERM_PAGE = re.compile(r"^glossary/[^/]+/index\.html$")
HOME, SKILL = "index.html", "skills/programming/index.html"


@dataclass
class Check:
    area: str
    ok: bool | None
    detail: str

    def mark(self) -> str:
        return {True: "works", False: "BREAKS", None: "n/a"}[self.ok]

    def as_dict(self) -> dict:
        return {"area": self.area, "ok": self.ok, "detail": self.detail}


def _soup(site: Path, page: str) -> BeautifulSoup | None:
    path = site / page
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") if path.is_file() else None


def _config_json(soup: BeautifulSoup | None) -> dict:
    script = soup.find("script", id="__config") if soup else None
    try:
        return json.loads(script.string) if script and script.string else {}
    except json.JSONDecodeError:
        return {}


def _count(part: int, whole: int) -> str:
    return f"{part}/{whole}"


# -- Config and nav ------------------------------------------------------------

def check_config(real: Path, other: Path) -> Check:
    """The config's visible settings: site name, language, canonical URL, repository link."""
    a, b = _soup(real, HOME), _soup(other, HOME)
    if b is None:
        return Check("config", False, "no home page built")

    def facts(s):
        canonical = s.find("link", rel="canonical")
        repo = s.select_one("a.md-source")
        return {"title": s.title.get_text(strip=True) if s.title else None,
                "lang": s.html.get("lang") if s.html else None,
                "canonical": canonical.get("href") if canonical else None,
                "repo": repo.get("href") if repo else None, "copyright": _copyright(s)}
    fa, fb = facts(a), facts(b)
    differ = [k for k in fa if fa[k] != fb[k]]
    if not differ:
        return Check("config", True, "site name, language, canonical URL, repository link and copyright as in "
                     "the real build")
    return Check("config", False, "differs: " + ", ".join(f"{k} {fa[k]!r} -> {fb[k]!r}" for k in differ))


def _copyright(soup: BeautifulSoup) -> str | None:
    """The footer's copyright line, less the generator's "Made with ..." notice."""
    node = soup.select_one(".md-copyright")
    return None if node is None else re.sub(r"\s*Made with .*$", "", " ".join(node.get_text(" ").split()))


def nav_links(soup: BeautifulSoup | None) -> list[str]:
    """The primary nav's page links in order (the current page's own toc left out)."""
    order: list[str] = []
    for a in (soup.select("nav.md-nav--primary a.md-nav__link[href]") if soup else []):
        href = a["href"]
        if href.startswith("#"):
            continue
        href = href.removeprefix("./").rstrip("/")
        href = "" if href == "." else href
        if href not in order:
            order.append(href)
    return order


def check_nav(real: Path, other: Path) -> Check:
    a, b = nav_links(_soup(real, HOME)), nav_links(_soup(other, HOME))
    if a == b:
        return Check("nav", True, f"{len(b)} pages in the real order, the skill pages included")
    missing = [h for h in a if h not in b]
    return Check("nav", False, f"{len(b)} of {len(a)} pages; missing {missing[:5]}" if missing
                 else f"same {len(a)} pages in another order")


# -- Theme ---------------------------------------------------------------------

# Feature -> what it puts on a skill page.
FEATURE_MARKS = {
    "navigation.footer": "a.md-footer__link",
    "navigation.path": "nav.md-path",
    "navigation.top": "button.md-top",
    "content.action.edit": "a.md-content__button[rel=edit]",
    "content.action.view": "a.md-content__button[title*=source], a.md-content__button[title*=View]",
    "palette toggle": "form[data-md-component=palette]",
    "search box": "[data-md-component=search]",
    "toc permalinks": "a.headerlink",
}


def check_theme(real: Path, other: Path) -> Check:
    a, b = _soup(real, SKILL), _soup(other, SKILL)
    if b is None:
        return Check("theme features", False, f"{SKILL} not built")
    features_a, features_b = _config_json(a).get("features", []), _config_json(b).get("features", [])
    lost = [name for name, css in FEATURE_MARKS.items() if a.select(css) and not b.select(css)]
    lost_features = [f for f in features_a if f not in features_b]
    ok = not lost and not lost_features
    detail = (f"{len(features_b)}/{len(features_a)} features enabled; "
              f"{len(FEATURE_MARKS) - len(lost)}/{len(FEATURE_MARKS)} of their marks on a skill page")
    if lost or lost_features:
        detail += f"; missing {lost + lost_features}"
    if any("/modern/" in (link.get("href") or "") for link in b.select("link[rel=stylesheet]")):
        detail += "; Zensical's 'modern' look, not Material's"
    return Check("theme features", ok, detail)


def check_overrides(real: Path, other: Path) -> Check:
    """overrides/partials: search.html names the search dialog; source.html drops
    data-md-component="source" (no GitHub API call)."""
    pages = html_pages(other)
    named = sum(1 for p in pages.values() if 'role="dialog" aria-label=' in p.read_text(encoding="utf-8"))
    calls = sum(1 for p in pages.values() if 'data-md-component="source"' in p.read_text(encoding="utf-8"))
    ok = named == len(pages) and calls == 0 and bool(pages)
    return Check("overrides/ partials", ok, f"search dialog named on {_count(named, len(pages))} pages; "
                 f"repository link fetching GitHub's API on {calls} pages")


# -- The project's machinery: hooks, macros --------------------------------------

def term_pages(site: Path) -> set[str]:
    return {p for p in html_pages(site) if TERM_PAGE.match(p)}


def _same_file(real: Path, other: Path, name: str) -> str:
    if not (other / name).is_file():
        return "missing"
    return "identical" if (real / name).read_bytes() == (other / name).read_bytes() else "differs"


def check_hooks(real: Path, other: Path) -> Check:
    """What the hooks leave in the output: term pages (term_pages.py), the
    JSON files (exports.py), the skill pages in the nav (nav.py), page dates
    (dates.py) and edit links (edit_links.py); guard.py and safety.py leave
    nothing to see in a good build."""
    terms_a, terms_b = term_pages(real), term_pages(other)
    exports = {name: _same_file(real, other, name) for name in ("glossary.json", "roadmap.json")}
    skills_a = [h for h in nav_links(_soup(real, HOME)) if h.startswith("skills/")]
    skills_b = [h for h in nav_links(_soup(other, HOME)) if h.startswith("skills/")]
    dated = page_dates(other)
    ok = terms_a == terms_b and set(exports.values()) == {"identical"} and skills_a == skills_b and bool(dated)
    return Check("hooks (their output)", ok,
                 f"term pages {_count(len(terms_a & terms_b), len(terms_a))}; "
                 + ", ".join(f"{k} {v}" for k, v in exports.items())
                 + f"; skill pages in the nav {_count(len(set(skills_a) & set(skills_b)), len(skills_a))}; "
                 f"pages with a date {len(dated)}")


_JINJA = re.compile(r"\{\{|\{%")


@functools.lru_cache(maxsize=8)
def _article_facts(site: str, stamp: int) -> dict[str, tuple[bool, int]]:
    """page -> (its article shows Jinja syntax, its term links with a tooltip); parsed once per build."""
    facts = {}
    for page, path in html_pages(Path(site)).items():
        found = _ARTICLE.search(path.read_text(encoding="utf-8"))
        article = BeautifulSoup(found.group(0), "html.parser").find("article") if found else None
        if article is not None:
            facts[page] = (bool(_JINJA.search(article.get_text(" "))), len(article.select("a[title][href*=glossary]")))
    return facts


def article_facts(site: Path) -> dict[str, tuple[bool, int]]:
    home = site / HOME
    return _article_facts(str(site), home.stat().st_mtime_ns if home.exists() else 0)


def check_macros(real: Path, other: Path) -> Check:
    """Pages showing {{ ... }} or {% ... %} that the real build renders, and
    term links with their definition as the tooltip, against the real build."""
    a, b = article_facts(real), article_facts(other)
    raw = [page for page, (jinja, _) in b.items() if jinja and not a.get(page, (False, 0))[0]]
    titled_a, titled_b = sum(n for _, n in a.values()), sum(n for _, n in b.values())
    ok = not raw and titled_a == titled_b
    return Check("macros (their output)", ok, f"{len(raw)} pages show raw {{{{ }}}} or {{% %}}"
                 f"{' (' + ', '.join(raw[:3]) + ')' if raw else ''}; term links with a tooltip "
                 f"{_count(titled_b, titled_a)}")


# -- Search, sitemap, edit links, dates -----------------------------------------

def search_index(site: Path) -> tuple[str, dict] | tuple[None, None]:
    """(file, content) of the search index: Material's search/search_index.json or Zensical's search.json."""
    for name in ("search/search_index.json", "search.json"):
        if (site / name).is_file():
            return name, json.loads((site / name).read_text(encoding="utf-8"))
    return None, None


def _entries(index: dict) -> list[dict]:
    return index.get("docs") or index.get("items") or []


def check_search(real: Path, other: Path) -> Check:
    name_a, a = search_index(real)
    name_b, b = search_index(other)
    if b is None:
        return Check("search", False, "no search index built")
    pages_a = {e.get("location", "").split("#")[0] for e in _entries(a)}
    pages_b = {e.get("location", "").split("#")[0] for e in _entries(b)}
    same_separator = a.get("config", {}).get("separator") == b.get("config", {}).get("separator")
    tags_a = sum(1 for e in _entries(a) if e.get("tags"))
    tags_b = sum(1 for e in _entries(b) if e.get("tags"))
    ok = same_separator and pages_a == pages_b and tags_b >= tags_a
    return Check("search", ok, f"{name_b}: {len(_entries(b))} entries ({len(_entries(a))} in the real "
                 f"{name_a}), pages {_count(len(pages_a & pages_b), len(pages_a))}"
                 f"{', ' + str(len(pages_b - pages_a)) + ' more' if pages_b - pages_a else ''}; "
                 f"separator {'kept' if same_separator else 'lost'}; entries with term names as tags "
                 f"{tags_b} ({tags_a} real)")


def sitemap(site: Path) -> dict[str, str | None]:
    """loc -> lastmod of sitemap.xml (None where it has no lastmod)."""
    path = site / "sitemap.xml"
    if not path.is_file():
        return {}
    found = {}
    for url in re.findall(r"<url>(.*?)</url>", path.read_text(encoding="utf-8"), re.DOTALL):
        loc, lastmod = re.search(r"<loc>\s*(.*?)\s*</loc>", url), re.search(r"<lastmod>\s*(.*?)\s*</lastmod>", url)
        if loc:
            found[loc.group(1)] = lastmod.group(1) if lastmod else None
    return found


def check_sitemap(real: Path, other: Path) -> Check:
    a, b = sitemap(real), sitemap(other)
    if not b:
        return Check("sitemap", False, "no sitemap.xml")
    same_lastmod = sum(1 for loc, day in a.items() if loc in b and b[loc] == day)
    ok = set(a) == set(b) and same_lastmod == len(a)
    gz = "" if (real / "sitemap.xml.gz").is_file() == (other / "sitemap.xml.gz").is_file() else \
        "; sitemap.xml.gz " + ("missing" if (real / "sitemap.xml.gz").is_file() else "added")
    return Check("sitemap", ok, f"{_count(len(set(a) & set(b)), len(a))} URLs; lastmod as in the real build "
                 f"{_count(same_lastmod, len(a))}{gz}")


def first_match_per_page(site: Path, pattern: re.Pattern) -> dict[str, str]:
    """page -> the first group of the pattern's first match in it (pages without one left out)."""
    found = {}
    for page, path in html_pages(site).items():
        match = pattern.search(path.read_text(encoding="utf-8"))
        if match:
            found[page] = match.group(1)
    return found


_EDIT_LINK = re.compile(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit"')
_PAGE_DATE = re.compile(r'class="md-source-file__fact".*?<time datetime="([^"]+)"', re.DOTALL)


def edit_links(site: Path) -> dict[str, str]:
    """page -> its edit button's address."""
    return first_match_per_page(site, _EDIT_LINK)


def check_edit_links(real: Path, other: Path) -> Check:
    a, b = edit_links(real), edit_links(other)
    same = sum(1 for page, url in a.items() if b.get(page) == url)
    wrong = [page for page, url in a.items() if page in b and b[page] != url]
    return Check("edit links", same == len(a), f"{_count(same, len(a))} pages edit the file the real build "
                 f"points at{'; e.g. ' + wrong[0] + ' -> ' + b[wrong[0]] if wrong else ''}")


def page_dates(site: Path) -> dict[str, str]:
    """page -> the date its footer shows (<time datetime> in the revision line)."""
    return first_match_per_page(site, _PAGE_DATE)


def check_dates(real: Path, other: Path) -> Check:
    a, b = page_dates(real), page_dates(other)
    same = sum(1 for page, day in a.items() if b.get(page) == day)
    return Check("page dates", same == len(a) and bool(a), f"{_count(same, len(a))} pages show the real build's "
                 f"date ({len(b)} show any date)")


CHECKS = (check_config, check_nav, check_theme, check_overrides, check_hooks, check_macros, check_search,
          check_edit_links, check_sitemap, check_dates)


def check_all(real: Path, other: Path) -> list[Check]:
    return [check(real, other) for check in CHECKS]
