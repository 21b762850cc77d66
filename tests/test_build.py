"""The strict build: every page exists, is in the nav, in reading order."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup
from conftest import ROOT
from pages import PAGES, SKILL_PAGES, page_soup, url_path

SECTIONS = ("What it is", "Why an ML engineer needs it", "What to learn", "How to practise",
            "Self-check", "Related skills and responsibilities")


def test_strict_build_passes_without_warnings(build):
    assert "WARNING" not in build.output, build.output


def test_built_nav_lists_every_page_in_reading_order(site):
    """The nav as readers see it (skill pages are added from data in learning order)."""
    home = page_soup(site, "index.md")
    order = []
    for a in home.select("nav.md-nav--primary a.md-nav__link[href]"):
        if a["href"].startswith("#"):
            continue  # the current page's table of contents, folded into the nav
        href = a["href"].removeprefix("./").rstrip("/")
        href = "" if href == "." else href
        if href not in order:
            order.append(href)
    expected = [url_path(src).rstrip("/") for src, _ in PAGES]
    assert order == expected


def test_skill_pages_follow_the_learning_order_from_data(site):
    from macros.skills import load_skills

    skills = load_skills(ROOT)
    home = page_soup(site, "index.md")
    hrefs = [a["href"] for a in home.select("nav.md-nav--primary a.md-nav__link[href^='skills/']")]
    in_nav = list(dict.fromkeys(h.rstrip("/") for h in hrefs if h.rstrip("/") != "skills"))
    assert in_nav == [s.page.removesuffix(".md") for s in skills]


def test_every_page_is_built_with_a_title_and_description(site):
    for src, _ in PAGES:
        page = page_soup(site, src)
        assert page.find("h1"), f"{src} has no h1"
        description = page.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 40, f"{src} has no meta description"


def test_every_page_is_reachable_from_the_home_page_nav(site):
    home = page_soup(site, "index.md")
    nav_links = {a["href"].rstrip("/") for a in home.select("nav.md-nav--primary a[href]")}
    for src, _ in PAGES[1:]:
        target = url_path(src).rstrip("/")
        # Sections with an index page link to it as the section itself.
        assert target in nav_links or f"./{target}" in nav_links, f"{src} missing from the nav"


def test_skill_pages_have_every_section_and_real_prose(site):
    for src in SKILL_PAGES:
        page = page_soup(site, src)
        headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2")]
        for section in SECTIONS:
            assert section in headings, f"{src} lacks the section '{section}' (has {headings})"
        prose = " ".join(p.get_text(" ") for p in page.select("article p, article li"))
        words = len(re.findall(r"[A-Za-z][A-Za-z'-]*", prose))
        assert words >= 400, f"{src} has {words} words of prose, fewer than 400"
        questions = page.select("article details.question")
        assert 3 <= len(questions) <= 5, f"{src} has {len(questions)} self-check questions"


def test_pages_have_previous_and_next_links(site):
    page = page_soup(site, "skills/programming.md")
    footer = page.select_one("nav.md-footer__inner")
    assert footer and footer.select_one("a.md-footer__link--prev") and footer.select_one("a.md-footer__link--next")


def test_no_page_loads_google_fonts_or_any_third_party_asset(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path
        page = BeautifulSoup(html, "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for el in page.find_all(tag):
                url = el.get(attr) or ""
                rel = el.get("rel") or []
                if tag == "link" and "stylesheet" not in rel and "preload" not in rel:
                    continue
                assert not url.startswith(("http://", "https://", "//")), f"{path}: {tag} loads {url}"
