"""The glossary as a reader uses it, in Chromium: tooltips, term pages,
site search, old links, the filter."""
from __future__ import annotations

import re

import pytest
from conftest import ROOT
from playwright.sync_api import expect

from roadmap.model.glossary import load_glossary

pytestmark = pytest.mark.browser

TERMS = load_glossary(ROOT).terms


def visible_entries(page) -> int:
    return page.locator("article li[data-filter-item]:visible").count()


@pytest.mark.parametrize("path, term_id", [
    ("skills/data-modelling-and-evaluation/", "overfitting"),
    ("skills/programming/", "python"),
])
def test_hovering_a_term_shows_its_short_definition_and_the_link_opens_its_page(page, base_url, path, term_id):
    page.goto(base_url + path)
    link = page.locator(f"article a.glossary-term[href$='glossary/{term_id}/']").first
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
    page.locator("article h1").hover()
    expect(tooltip).to_have_count(0, timeout=5000)
    link.click()
    page.wait_for_url(re.compile(rf"/glossary/{re.escape(term_id)}/$"))
    expect(page.locator("article h1")).to_have_text(re.compile(re.escape(TERMS[term_id].title)))


# Titles, aliases, abbreviations, British and American spellings, plurals:
# each query lists the term's own page first among the results.
SEARCHES = [
    ("hyperparameter", "hyperparameter"),                 # a title
    ("overfitting", "overfitting"),
    ("k-NN", "k-nearest-neighbours"),                     # an alias with a hyphen
    ("SSE", "sum-of-squared-errors"),                     # an abbreviation
    ("RAG", "retrieval-augmented-generation"),
    ("LoRA", "lora"),
    ("quantisation", "quantisation"),                     # British spelling
    ("quantization", "quantisation"),                     # American spelling
    ("regularization", "regularisation"),
    ("tokenizer", "tokeniser"),
    ("embeddings", "embedding"),                          # a plural
    ("PCA", "principal-component-analysis"),
    ("SVD", "singular-value-decomposition"),
    ("softmax", "softmax"),
    ("GDPR", "gdpr"),
    ("ROC curve", "roc-curve"),
    ("Parquet", "apache-parquet"),
    ("dropout", "dropout"),
]


@pytest.mark.parametrize("query, term_id", SEARCHES, ids=[q for q, _ in SEARCHES])
def test_site_search_lists_the_terms_page_first_and_lands_on_it(page, base_url, query, term_id):
    page.goto(base_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(first).to_be_visible(timeout=10000)
    href = first.get_attribute("href")
    assert re.search(rf"glossary/{re.escape(term_id)}/(\?[^#]*)?$", href), (
        f"{query!r}: the first result is {href}, not the page of {term_id}")
    expect(first).to_contain_text(TERMS[term_id].title)
    first.click()
    page.wait_for_url(re.compile(rf"/glossary/{re.escape(term_id)}/"))
    expect(page.locator("article.md-content__inner h1")).to_contain_text(TERMS[term_id].title)


@pytest.mark.parametrize("term_id", ["overfitting", "k-nearest-neighbours", "sum-of-squared-errors"])
def test_an_old_link_to_a_glossary_anchor_lands_on_the_terms_page(page, base_url, term_id):
    page.goto(base_url)
    before = page.evaluate("history.length")
    page.goto(f"{base_url}glossary/#{term_id}")
    page.wait_for_url(re.compile(rf"/glossary/{re.escape(term_id)}/$"))
    expect(page.locator("article.md-content__inner h1")).to_contain_text(TERMS[term_id].title)
    # The old address was replaced, not added: one entry for the visit, so
    # Back leaves the glossary. (Counted rather than pressing Back, which
    # now and then left Chromium's context unable to close.)
    assert page.evaluate("history.length") == before + 1


def test_an_old_anchor_still_lands_on_the_entry_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}glossary/#overfitting")
    entry = page.locator("li#overfitting")
    expect(entry).to_be_in_viewport()
    expect(entry.locator("a")).to_have_attribute("href", re.compile(r"overfitting/$"))
    context.close()


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
    expect(page.locator("article li#k-nearest-neighbours")).to_be_visible()
    expect(page.locator("article li#overfitting")).to_be_hidden()
    expect(page.locator("article h2#letter-k")).to_be_visible()
    expect(page.locator("article h2#letter-o")).to_be_hidden()  # letters with no match are hidden

    field.fill("")
    expect(status).to_have_text(f"{total} terms.")
    assert visible_entries(page) == total
    expect(page.locator("article li#overfitting")).to_be_visible()


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
        expect(page.locator(f"article li[id='{term.id}']")).to_be_visible()

    field.fill("")
    field.press_sequentially("SSE", delay=40)  # an alias, in upper case
    expect(status).to_contain_text(f"of {total} terms match \u201cSSE\u201d.")
    expect(page.locator("article li#sum-of-squared-errors")).to_be_visible()

    field.fill("")
    field.press_sequentially("no such term at all", delay=10)
    expect(status).to_have_text(f"0 of {total} terms match \u201cno such term at all\u201d.")
    assert visible_entries(page) == 0


# The index and a few term pages (the longest title, one with an example, one with many
# related terms) at a phone's width and a desktop's, in both palettes, with axe.
SAMPLE_TERMS = sorted({max(TERMS, key=lambda i: len(TERMS[i].title)),
                       next(i for i, t in TERMS.items() if t.example_html),
                       max(TERMS, key=lambda i: len(TERMS[i].related))})


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["glossary/", *(f"glossary/{t}/" for t in SAMPLE_TERMS)])
def test_the_index_and_term_pages_fit_and_pass_axe(browser, base_url, url, width, scheme):
    from axe_check import violations
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + url)
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{url} scrolls sideways at {width}px"
    found = violations(Axe(), page)
    assert not found, f"{url} at {width}px, {scheme}:\n" + "\n".join(found)
    context.close()
