"""Site search loads only when the reader starts one, and then works as
before, first keystroke included (overrides/assets/javascripts/lazy-search.js)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

INDEX = re.compile(r"/search/search_index\.json")
WORKER = re.compile(r"/workers/search\.[^/]*\.js")


def watch(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def searched(seen: list[str]) -> tuple[bool, bool]:
    return any(INDEX.search(u) for u in seen), any(WORKER.search(u) for u in seen)


@pytest.mark.parametrize("path", ["", "skills/programming/", "glossary/", "glossary/overfitting/"])
def test_a_first_visit_fetches_neither_the_index_nor_the_worker(page, base_url, path):
    seen = watch(page)
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert searched(seen) == (False, False), [u for u in seen if "search" in u]


def test_the_first_keystrokes_typed_while_the_index_loads_are_not_lost(page, base_url):
    seen = watch(page)
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("overfitting", delay=1)  # typed at once, before the index can arrive
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"glossary/overfitting/"), timeout=10000)
    assert searched(seen) == (True, True)
    assert box.input_value() == "overfitting"


@pytest.mark.parametrize("key", ["/", "s"])
def test_a_search_shortcut_starts_loading_and_opens_search(page, base_url, key):
    seen = watch(page)
    page.goto(base_url + "about/")
    page.wait_for_load_state("networkidle")
    page.locator("article h1").click()  # the focus is on the page, not in a field
    page.keyboard.press(key)
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("glossary", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    assert searched(seen) == (True, True)


def test_a_deep_link_to_a_search_still_shows_its_results(page, base_url):
    page.goto(base_url + "?q=regularisation")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    expect(page.locator(".md-search__input")).to_have_value("regularisation")


def test_search_keeps_working_after_instant_navigation(page, base_url):
    page.goto(base_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("dropout", delay=10)
    page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    page.wait_for_url(re.compile(r"glossary/dropout/"))
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("")
    page.locator(".md-search__input").press_sequentially("softmax", delay=10)
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"glossary/softmax/"), timeout=10000)
