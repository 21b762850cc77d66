"""The whole guide on one page: complete, in reading order, and printable."""
from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from pages import PAGES, page_soup

from roadmap.model.glossary import load_glossary
from roadmap.navigation import nav_sources
from roadmap.views.print_guide import expand_collapsed, rebase_target

PRINTED = [src for src, _ in PAGES if src not in ("glossary.md", "contributing.md")]


def article(site, src):
    return page_soup(site, src).select_one("article")


def heading(h) -> str:
    return h.get_text(strip=True).rstrip("¶")


def test_every_page_is_printed_in_reading_order_then_the_glossary(site):
    printed = [heading(h) for h in article(site, "print.md").find_all("h1")][1:]
    expected = [heading(article(site, src).find("h1")) for src in PRINTED] + ["Glossary"]
    assert printed == expected


def test_the_printed_glossary_defines_every_term(site):
    terms = load_glossary(ROOT).sorted_terms()
    titles = [dt.get_text(" ", strip=True) for dt in article(site, "print.md").select("dl > dt")]
    assert len(titles) == len(terms)
    for title, term in zip(titles, terms, strict=True):
        assert title.startswith(term.title)


def test_self_check_answers_are_expanded_for_print(site):
    details = article(site, "print.md").select("details")
    assert details and all(d.has_attr("open") for d in details)


def test_the_print_page_is_not_in_search_and_is_linked_from_home(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert not any(doc["location"].startswith("print/") for doc in index["docs"])
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    assert home.select_one('article a[href="print/"]') is not None


@pytest.mark.parametrize(("target", "src", "expected"), [
    ("programming.md", "skills/index.md", "skills/programming.md"),
    ("../responsibilities.md#design-ml-systems", "skills/programming.md", "responsibilities.md#design-ml-systems"),
    ("#error-measures", "skills/data-modelling-and-evaluation.md",
     "skills/data-modelling-and-evaluation.md#error-measures"),
    ("https://example.org/a", "skills/programming.md", "https://example.org/a"),
])
def test_links_are_rebased_to_keep_pointing_at_the_real_pages(target, src, expected):
    assert rebase_target(target, src, "print.md") == expected


def test_helpers_expand_answers_and_read_the_nav():
    assert expand_collapsed('??? question "Q?"\n    A.\n') == '???+ question "Q?"\n    A.\n'
    assert nav_sources([{"A": "a.md"}, {"B": ["b/index.md", {"C": "b/c.md"}]}]) == ["a.md", "b/index.md", "b/c.md"]


@pytest.mark.browser
def test_print_media_hides_navigation_and_shows_external_addresses(page, base_url):
    page.goto(base_url + "print/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    own = page.locator("article a.glossary-term").first
    external = page.locator('article a[href^="https://"]:not([data-own-link])').first
    after = "el => getComputedStyle(el, '::after').content"
    assert own.evaluate(after) in ("none", "normal")
    assert external.evaluate(after).startswith('" (')
