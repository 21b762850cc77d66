"""The built site in a real Chromium: reading path, privacy, phone layout."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from pages import PAGES, built_urls, url_path

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def title_of(page) -> str:
    """The page's h1 without the permalink sign."""
    return page.locator("article h1").first.inner_text().rstrip("¶").strip()


def watch(page, base_url):
    """Record requests that leave the site's origin, and console errors."""
    seen = {"foreign": [], "errors": []}
    origin = urlparse(base_url).netloc

    def on_request(request):
        url = urlparse(request.url)
        if url.scheme not in ("data", "blob") and url.netloc != origin:
            seen["foreign"].append(request.url)

    page.on("request", on_request)
    page.on("console", lambda msg: msg.type == "error" and seen["errors"].append(msg.text))
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    return seen


def test_reader_follows_the_nav_from_home_to_a_skill_page(page, base_url):
    seen = watch(page, base_url)
    page.goto(base_url)
    assert title_of(page) == "The ML Engineer Roadmap"
    # navigation.prune folds the other sections: the home page's nav links the
    # Skills section, whose page opens its list of skills.
    nav = page.locator("nav.md-nav--primary")
    nav.get_by_role("link", name="Skills", exact=True).first.click()
    page.wait_for_url("**/skills/")
    nav.get_by_role("link", name="Probability and statistics", exact=True).first.click()
    page.wait_for_url("**/skills/probability-and-statistics/")
    # Instant navigation swaps the content in after the URL changes.
    page.locator("article h1", has_text="Probability and statistics").wait_for()
    assert title_of(page) == "Probability and statistics"
    assert page.get_by_role("heading", name="What to learn").is_visible()
    assert page.locator("article").inner_text().count(" ") > 400
    assert seen["foreign"] == [], seen["foreign"]
    assert seen["errors"] == [], seen["errors"]


def test_every_page_loads_with_no_foreign_request_and_no_console_error(page, base_url, site):
    """Privacy: every built page (the nav's, generated ones, 404), then search,
    the palette toggle, the glossary filter and a term tooltip in use: no
    request or websocket leaves the served origin and no cookie is set."""
    seen = watch(page, base_url)
    page.on("websocket", lambda ws: seen["foreign"].append(ws.url))
    urls = built_urls(site)
    assert len(urls) >= len(PAGES) + 1
    for url in urls:
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    page.goto(base_url)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("model")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    page.goto(base_url + "glossary/")
    page.locator("#glossary-filter-input").press_sequentially("loss")
    page.goto(base_url + "skills/probability-and-statistics/")
    page.locator("article a.glossary-term").first.hover()
    page.wait_for_load_state("networkidle")
    assert seen["foreign"] == [], seen["foreign"]
    assert seen["errors"] == [], seen["errors"]
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


def test_the_privacy_watch_catches_a_foreign_request_and_a_cookie(page, base_url):
    """The check above can fail: a foreign image and a cookie are both seen."""
    seen = watch(page, base_url)
    page.route("https://tracker.invalid/**", lambda route: route.abort())
    page.goto(base_url + "about/")
    page.evaluate("""() => { document.cookie = "id=1; path=/";
        const img = document.createElement("img"); img.src = "https://tracker.invalid/p.gif";
        document.body.append(img); }""")
    page.wait_for_timeout(200)
    assert seen["foreign"] == ["https://tracker.invalid/p.gif"]
    assert [c["name"] for c in page.context.cookies()] == ["id"]


@pytest.mark.parametrize("src", [src for src, _ in PAGES])
def test_phone_viewport_has_no_horizontal_scroll(browser, base_url, src):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + url_path(src))
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"{src} is {overflow}px wider than a 360px screen"


def test_dark_mode_toggle_switches_the_palette(page, base_url):
    page.goto(base_url)
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}
