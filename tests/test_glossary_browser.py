"""The glossary as a reader uses it, in Chromium: tooltips, site search, the filter."""
from __future__ import annotations

import re

import pytest
from conftest import ROOT
from playwright.sync_api import expect

from roadmap.model.glossary import load_glossary

pytestmark = pytest.mark.browser

TERMS = load_glossary(ROOT).terms


def visible_entries(page) -> int:
    return page.locator("article .glossary-entry:visible").count()


@pytest.mark.parametrize("path, term_id", [
    ("skills/data-modelling-and-evaluation/", "overfitting"),
    ("skills/programming/", "python"),
])
def test_hovering_a_term_shows_its_short_definition_as_a_tooltip(page, base_url, path, term_id):
    page.goto(base_url + path)
    link = page.locator(f"article a.glossary-term[href$='glossary/#{term_id}']").first
    link.scroll_into_view_if_needed()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_count(0)
    link.hover()
    expect(tooltip).to_be_visible(timeout=5000)  # Material fades it in
    expect(tooltip).to_have_text(TERMS[term_id].short)
    # It is this link's tooltip, announced to screen readers.
    described = link.get_attribute("aria-describedby")
    assert described and page.locator(f"[id='{described}']").get_attribute("role") == "tooltip"
    expect(page.locator(f"[id='{described}']")).to_have_class(re.compile(r"\bmd-tooltip2--active\b"))
    # Moving away hides it again.
    page.locator("article h1").hover()
    expect(tooltip).to_have_count(0, timeout=5000)


@pytest.mark.parametrize("query, term_id", [
    ("hyperparameter", "hyperparameter"),          # the title
    ("k-NN", "k-nearest-neighbours"),              # an alias with a hyphen
    ("SSE", "sum-of-squared-errors"),              # an abbreviation alias
])
def test_site_search_finds_a_glossary_entry_and_lands_on_it(page, base_url, query, term_id):
    page.goto(base_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)
    result = page.locator(f".md-search-result a.md-search-result__link[href*='glossary/'][href$='#{term_id}']")
    expect(result.first).to_be_visible(timeout=10000)
    expect(result.first).to_contain_text(TERMS[term_id].title)
    result.first.click()
    page.wait_for_url(re.compile(rf"/glossary/(\?[^#]*)?#{re.escape(term_id)}$"))
    heading = page.locator(f"article h3[id='{term_id}']")
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text(TERMS[term_id].title)


def test_the_glossary_filter_narrows_and_restores_the_list(page, base_url):
    page.goto(base_url + "glossary/")
    box = page.locator(".glossary-filter")
    expect(box).to_be_visible()  # hidden in the HTML, shown by the script
    status = page.locator("#glossary-filter-status")
    total = len(TERMS)
    expect(status).to_have_text(f"{total} terms.")
    assert visible_entries(page) == total

    field = page.get_by_label("Filter the glossary")
    field.click()
    field.press_sequentially("k-NN", delay=40)
    expect(status).to_have_text(f"1 of {total} terms match \u201ck-NN\u201d.")
    assert visible_entries(page) == 1
    expect(page.locator("article h3[id='k-nearest-neighbours']")).to_be_visible()
    expect(page.locator("article h3[id='overfitting']")).to_be_hidden()
    expect(page.locator("article h2#letter-k")).to_be_visible()
    expect(page.locator("article h2#letter-o")).to_be_hidden()  # letters with no match are hidden

    field.fill("")
    expect(status).to_have_text(f"{total} terms.")
    assert visible_entries(page) == total
    expect(page.locator("article h3[id='overfitting']")).to_be_visible()


def test_the_glossary_filter_matches_titles_aliases_and_categories(page, base_url):
    page.goto(base_url + "glossary/")
    field = page.get_by_label("Filter the glossary")
    status = page.locator("#glossary-filter-status")
    total = len(TERMS)

    in_category = [t for t in TERMS.values() if t.category == "career"]
    field.click()
    field.press_sequentially("roles and career", delay=20)
    expect(status).to_have_text(f"{len(in_category)} of {total} terms match \u201croles and career\u201d.")
    assert visible_entries(page) == len(in_category)
    for term in in_category:
        expect(page.locator(f"article h3[id='{term.id}']")).to_be_visible()

    field.fill("")
    field.press_sequentially("SSE", delay=40)  # an alias, in upper case
    expect(status).to_contain_text(f"of {total} terms match \u201cSSE\u201d.")
    expect(page.locator("article h3[id='sum-of-squared-errors']")).to_be_visible()

    field.fill("")
    field.press_sequentially("no such term at all", delay=10)
    expect(status).to_have_text(f"0 of {total} terms match \u201cno such term at all\u201d.")
    assert visible_entries(page) == 0
