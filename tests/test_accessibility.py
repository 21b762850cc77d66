"""Accessibility: axe-core on every built page in both palettes, and the
site's controls operated from the keyboard alone.

axe runs offline (axe-playwright-python ships it) with the WCAG 2.1 A and AA
rules, plus `aria-dialog-name` for the search dialog. No rule is switched
off: what stock Material fails is fixed in overrides/ (a partial for the
search dialog's name, CSS for contrast and link underlines, a small script
for Space on the palette toggle).
"""
from __future__ import annotations

import re

import pytest
from axe_check import finish_axe, start_axe, violations
from axe_playwright_python.sync_playwright import Axe
from pages import PAGES, built_urls, url_path
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PALETTES = {"light": "default", "dark": "slate"}
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
FOCUSED = "document.activeElement"


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def test_every_nav_page_and_the_404_page_are_built(site):
    expected = {url_path(src) for src, _ in PAGES} | {"404.html"}
    assert expected <= set(built_urls(site))


def use_palette(page, scheme: str) -> None:
    """Switch to a palette with the header toggle and check it is active."""
    if page.evaluate(SCHEME) != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function(f"{SCHEME} === '{scheme}'")
    assert page.evaluate(SCHEME) == scheme
    page.wait_for_timeout(50)  # let the colour transition settle before measuring contrast


@pytest.mark.parametrize("palette", PALETTES)
def test_every_built_page_has_no_wcag_violations(page, base_url, site, axe, palette):
    """axe on every page; two tabs take turns so one loads while the other is checked."""
    tabs = [page, page.context.new_page()]
    running: list[tuple[object, str]] = []
    failures = []

    def collect() -> None:
        tab, url = running.pop(0)
        found = finish_axe(tab)
        if found:
            failures.append(f"{url or 'home'} ({palette} palette):\n" + "\n".join(found))
        tabs.append(tab)

    urls = built_urls(site)
    for url in urls:
        if not tabs:
            collect()
        tab = tabs.pop(0)
        tab.goto(base_url + url)
        tab.wait_for_load_state("networkidle")
        use_palette(tab, PALETTES[palette])
        start_axe(axe, tab)
        running.append((tab, url))
    while running:
        collect()
    print(f"axe, {palette} palette: {len(urls)} pages, {len(failures)} with violations")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("palette", PALETTES)
def test_open_search_and_filtered_glossary_have_no_wcag_violations(page, base_url, axe, palette):
    """States a plain page load never shows: the search dialog with results,
    a page opened from a result (highlighted matches), the filtered glossary."""
    page.goto(base_url)
    use_palette(page, PALETTES[palette])
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("overfitting")
    page.wait_for_selector(".md-search-result__item")
    found = violations(axe, page)
    page.goto(base_url + "glossary/?h=overfitting")
    page.wait_for_load_state("networkidle")
    page.locator("#glossary-filter-input").press_sequentially("regular")
    found += violations(axe, page)
    assert not found, f"({palette} palette):\n" + "\n".join(found)


# -- Keyboard -------------------------------------------------------------------

def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching selector has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"{FOCUSED}.matches({selector!r})"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def test_keyboard_reaches_and_operates_site_search(page, base_url):
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    tab_to(page, ".md-search__input")
    page.keyboard.type("overfitting", delay=30)
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item").count() > 0
    page.keyboard.press("ArrowDown")  # into the results
    assert page.evaluate(f"{FOCUSED}.matches('.md-search-result__link')")
    target = page.evaluate(f"{FOCUSED}.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target.split("#")[0] + "*")
    expect(page.locator("article.md-content__inner")).to_contain_text(re.compile("overfitting", re.I))


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_keyboard_switches_the_palette(page, base_url, key):
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    tab_to(page, "form[data-md-component=palette] input")
    before = page.evaluate(SCHEME)
    page.keyboard.press(key)
    page.wait_for_function(f"{SCHEME} !== '{before}'")
    after = page.evaluate(SCHEME)
    assert {before, after} == {"default", "slate"}
    # The focus stays on the toggle, so the same key switches back.
    assert page.evaluate(f"{FOCUSED}.matches('form[data-md-component=palette] input')")
    page.keyboard.press(key)
    page.wait_for_function(f"{SCHEME} === '{before}'")


def test_keyboard_reaches_and_operates_the_glossary_filter(page, base_url):
    page.goto(base_url + "glossary/")
    page.wait_for_load_state("networkidle")
    entries = page.locator("article li[data-filter-item]")
    visible = page.locator("article li[data-filter-item]:visible")
    total = entries.count()
    assert total > 20 and visible.count() == total
    page.wait_for_selector(".glossary-filter:not([hidden])")  # the script has turned the filter on
    # As a keyboard user would: the skip link first, then into the content.
    tab_to(page, "a.md-skip", limit=3)
    page.keyboard.press("Enter")
    tab_to(page, "#glossary-filter-input", limit=15)
    page.keyboard.type("regulari", delay=30)
    page.wait_for_function(f"document.querySelectorAll('article li[data-filter-item]:not([hidden])').length < {total}")
    shown = visible.count()
    assert 0 < shown < total
    for i in range(shown):
        assert "regulari" in visible.nth(i).get_attribute("data-names")
    assert f"{shown} of {total}" in page.locator("#glossary-filter-status").inner_text()
    for _ in range(len("regulari")):
        page.keyboard.press("Backspace")
    page.wait_for_function(f"document.querySelectorAll('article li[data-filter-item]:not([hidden])').length == {total}")


def test_the_search_partial_differs_from_materials_only_by_the_dialog_name():
    """overrides/partials/search.html copies Material's partial to name the
    dialog; after a Material upgrade this says when the copy has drifted."""
    from pathlib import Path

    import material
    from conftest import ROOT

    DIALOG_NAMED = 'role="dialog" aria-label="{{ lang.t(\'search\') }}"'
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")

    def body(text: str) -> str:
        return text.split("-#}", 1)[1].replace(DIALOG_NAMED, 'role="dialog"', 1)

    assert DIALOG_NAMED in ours
    assert body(ours) == body(theirs), "Material's search partial changed: copy it again and re-add aria-label"
