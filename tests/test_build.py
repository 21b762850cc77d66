"""The strict build: every page exists, is in the nav, in reading order."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from conftest import ROOT
from pages import PAGES, SKILL_PAGES, page_soup, url_path

SECTIONS = ("What it is", "Why an ML engineer needs it", "What to learn", "How to practise",
            "Self-check", "Related skills and responsibilities", "Sources and further reading")


def test_strict_build_passes_without_warnings(build):
    assert "WARNING" not in build.output, build.output


def resolved(src: str, href: str) -> str:
    """A link on the page built from `src` as a URL path under the site root."""
    return urljoin("http://site/" + url_path(src), href).removeprefix("http://site/").split("#")[0]


def src_of(path: str) -> str | None:
    return next((src for src, _ in PAGES if url_path(src) == path), None)


def nav_paths(site, src: str) -> list[str]:
    """The pages the primary nav of a page links to, in order (navigation.prune
    keeps only the part of the nav around the page, so each page shows its own
    section open and the others folded)."""
    page = page_soup(site, src)
    paths = [resolved(src, a["href"]) for a in page.select("nav.md-nav--primary a.md-nav__link[href]")
             if not a["href"].startswith("#")]
    return list(dict.fromkeys(paths))


def test_built_nav_lists_every_page_in_reading_order(site):
    """Reading order as a reader meets it: from the home page, "Next" in the
    footer leads through every page of the nav in the order mkdocs.yml and
    the skills' data give (the skill pages are added from data in learning order)."""
    order, src = [], "index.md"
    while src is not None and url_path(src) not in order:
        order.append(url_path(src))
        following = page_soup(site, src).select_one("a.md-footer__link--next[href]")
        src = src_of(resolved(src, following["href"])) if following else None
    assert order == [url_path(src) for src, _ in PAGES]


def test_skill_pages_follow_the_learning_order_from_data(site):
    from roadmap.model.skills import load_skills

    skills = load_skills(ROOT)
    in_nav = [p for p in nav_paths(site, "skills/index.md") if p.startswith("skills/") and p != "skills/"]
    assert in_nav == [url_path(s.page) for s in skills]


def test_every_page_is_in_the_nav_and_reachable_from_the_home_page_through_it(site):
    for src, _ in PAGES:
        active = page_soup(site, src).select("nav.md-nav--primary a.md-nav__link--active[href]")
        assert any(resolved(src, a["href"]) == url_path(src) for a in active), f"{src}: not marked in its own nav"
    # Following nav links only, page by page, from the home page.
    reached, queue = {url_path("index.md")}, ["index.md"]
    while queue:
        for path in nav_paths(site, queue.pop()):
            if path not in reached and src_of(path):
                reached.add(path)
                queue.append(src_of(path))
    missing = [src for src, _ in PAGES if url_path(src) not in reached]
    assert not missing, f"not reachable from the home page through the nav: {missing}"


def test_every_page_is_built_with_a_title_and_description(site):
    for src, _ in PAGES:
        page = page_soup(site, src)
        assert page.find("h1"), f"{src} has no h1"
        description = page.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 40, f"{src} has no meta description"


def own_prose_words(article) -> int:
    """Words of the page's own prose, as the skill-page standard counts them: not
    code, tables, generated lists (checklist, quiz, resources), the related
    skills or the sources."""
    for el in article.select("pre, table, .skill-checklist, .quiz, .resource-list, .md-source-file, "
                             ".headerlink, script"):
        el.decompose()
    related = next((h for h in article.find_all("h2") if h.get("id") == "related"), None)
    if related is not None:
        for el in list(related.find_all_next()):
            el.decompose()
        related.decompose()
    prose = " ".join(el.get_text(" ") for el in article.select("p, li, dd, dt, blockquote, summary"))
    return len(re.findall(r"[A-Za-z][A-Za-z'-]*", prose))


def test_skill_pages_have_every_section_and_real_prose(site):
    for src in SKILL_PAGES:
        page = page_soup(site, src)
        headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2")]
        for section in SECTIONS:
            assert section in headings, f"{src} lacks the section '{section}' (has {headings})"
        words = own_prose_words(page.select_one("article"))
        assert words >= 2000, f"{src} has {words} words of its own prose, fewer than the standard's 2,000"


def test_skill_pages_show_a_checklist_a_scored_quiz_and_typed_resources(site):
    for src in SKILL_PAGES:
        article = page_soup(site, src).select_one("article")
        assert len(article.select("ul.skill-checklist > li[data-key]")) >= 8, f"{src}: fewer than 8 checklist items"
        questions = article.select(".quiz .quiz__question")
        choice = article.select(".quiz .quiz__question--choice")
        assert len(questions) >= 5 and len(choice) >= 3, f"{src}: {len(questions)} questions, {len(choice)} choice"
        for question in choice:
            options = question.select("input[type=radio]")
            assert 3 <= len(options) <= 5 and question.find("legend"), f"{src}: a question lacks options or a legend"
            assert len(question.select(".quiz__explanations li[data-correct]")) == 1
            assert len(question.select(".quiz__explanations li")) == len(options), f"{src}: an option lacks a why"
        resources = article.select(".resource-list > li.resource")
        assert len(resources) >= 5, f"{src}: {len(resources)} resources"
        for resource in resources:
            badges = resource.select_one(".resource__badges").get_text(" ", strip=True)
            assert re.search(r"\b(Book|Course|Documentation|Video|Paper|Article|Tool)\b", badges), badges
            assert re.search(r"\b(Free|Paid)\b", badges), badges
            assert resource.select_one("a.resource__title")["href"].startswith("https://")


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
