"""Weight of a first visit: every byte Chromium downloads for a page, cache empty.

Playwright records the responses; the server's own log fills in what a
worker fetched (it may not surface as a page response). Each file is counted
raw and gzip, by type. The search index is reported on its own: its size,
whether a first visit requested it (it must not: overrides/assets/
javascripts/lazy-search.js holds it back until the reader starts a search),
and the weight of the home page once a search has been started and has
shown results (which must include it).
"""
from __future__ import annotations

import contextlib
import mimetypes

from roadmap.tools import chromium
from roadmap.tools.serve import SiteServer, compressible, gzip_bytes

from .log import log
from .pages import HOME, weight_pages

SEARCH_INDEX = "search/search_index.json"
SEARCH_QUERY = "overfitting"
SETTLE_MS = 2000   # after the network is idle: time for late requests (idle callbacks, workers)


def classify(url: str, content_type: str) -> str:
    path = url.split("?")[0]
    if path.endswith("search_index.json"):
        return "search index"
    if "html" in content_type:
        return "html"
    if "css" in content_type or path.endswith(".css"):
        return "css"
    if "javascript" in content_type or path.endswith(".js"):
        return "js"
    if content_type.startswith("image/"):
        return "images"
    if content_type.startswith("font/") or path.endswith((".woff", ".woff2", ".ttf")):
        return "fonts"
    return "other"


def gzip_size(body: bytes, content_type: str) -> int:
    """Bytes on the wire from a host that gzips text (as the server here does)."""
    return len(gzip_bytes(body)) if compressible(content_type) else len(body)


def requested_index(urls: list[str]) -> bool:
    return any(url.split("?")[0].endswith(SEARCH_INDEX) for url in urls)


def tally(server: SiteServer, label: str, path: str, seen: dict[str, tuple[str, int]], log_paths: list) -> dict:
    """One visit's row: what Playwright saw plus what only the server's log has, by type."""
    site, base_url = server.directory, server.url
    from_log = []
    for served in log_paths:
        url = base_url + served.path.lstrip("/")
        if url not in seen and served.status == 200:
            ctype = mimetypes.guess_type(served.path.split("?")[0])[0] or "application/octet-stream"
            seen[url] = (ctype, served.size)
            from_log.append(served.path)
    totals: dict[str, dict[str, int]] = {}
    for url, (ctype, raw) in seen.items():
        local = site / url[len(base_url):].split("?")[0]
        if local.is_dir() or url[len(base_url):] == "":
            local = local / "index.html"
        body = local.read_bytes() if local.is_file() else b""
        bucket = totals.setdefault(classify(url, ctype), {"raw": 0, "gzip": 0, "requests": 0})
        bucket["raw"] += raw
        bucket["gzip"] += gzip_size(body, ctype) if body else raw
        bucket["requests"] += 1
    urls = sorted(u[len(base_url) - 1:] for u in seen)
    return {
        "page": label, "path": "/" + path,
        "raw_kb": sum(b["raw"] for b in totals.values()) / 1000,
        "gzip_kb": sum(b["gzip"] for b in totals.values()) / 1000,
        "requests": sum(b["requests"] for b in totals.values()),
        "by_type": totals,
        "search_index_requested": requested_index(urls),
        "urls": urls,
        "seen_only_by_server": sorted(from_log),
    }


def visit(browser, server: SiteServer, label: str, path: str, search: str | None = None) -> dict:
    """A first visit (new context: empty cache); with `search`, then a search for it, until results show."""
    context = browser.new_context()
    seen: dict[str, tuple[str, int]] = {}

    def record(response):
        if response.url in seen or not response.url.startswith(server.url):
            return
        with contextlib.suppress(Exception):
            seen[response.url] = (response.headers.get("content-type", ""), len(response.body()))

    context.on("response", record)
    page = context.new_page()
    server.requests.clear()
    page.goto(server.url + path, wait_until="networkidle")
    page.wait_for_timeout(SETTLE_MS)
    if search:
        field = page.locator("input.md-search__input")
        field.click()
        field.press_sequentially(search, delay=50)
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        page.wait_for_timeout(SETTLE_MS)
    served = list(server.requests)
    context.close()
    return tally(server, label, path, seen, served)


def index_size(server: SiteServer) -> dict:
    body = (server.directory / SEARCH_INDEX).read_bytes()
    return {"path": "/" + SEARCH_INDEX, "raw_kb": len(body) / 1000,
            "gzip_kb": gzip_size(body, "application/json") / 1000}


def bench_weight(server: SiteServer) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(**chromium.launch_args())
        first = []
        for label, path in weight_pages(server.directory):
            first.append(visit(browser, server, label, path))
            log(f"weight {label} (/{path}): {first[-1]['gzip_kb']:.1f} kB gzip"
                + (", search index requested" if first[-1]["search_index_requested"] else ""))
        label, path = HOME
        searched = visit(browser, server, f"{label}, search started", path, search=SEARCH_QUERY)
        log(f"weight {label} after a search: {searched['gzip_kb']:.1f} kB gzip")
        browser.close()
    return {
        "first_visits": first,
        "search": {**searched, "query": SEARCH_QUERY},
        "search_index": {**index_size(server),
                         "requested_on_first_visit": [r["page"] for r in first if r["search_index_requested"]]},
    }
