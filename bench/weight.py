"""Weight of a first visit: every byte Chromium downloads for a page, cache empty.

Playwright records the responses; the server's own log fills in what the
search worker fetched (it may not surface as a page response). Each file is
counted raw and gzip, by type.
"""
from __future__ import annotations

import contextlib
import mimetypes
import time

from roadmap.tools import chromium
from roadmap.tools.serve import SiteServer, compressible, gzip_bytes

from .served import PAGES


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


def bench_weight(server: SiteServer) -> list[dict]:
    from playwright.sync_api import sync_playwright

    site, base_url = server.directory, server.url
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(**chromium.launch_args())
        for label, path in PAGES:
            context = browser.new_context()  # empty cache: a first visit
            seen: dict[str, tuple[str, int]] = {}

            def record(response, seen=seen):
                if response.url in seen or not response.url.startswith(base_url):
                    return
                with contextlib.suppress(Exception):
                    seen[response.url] = (response.headers.get("content-type", ""), len(response.body()))

            context.on("response", record)
            page = context.new_page()
            server.requests.clear()
            page.goto(base_url + path, wait_until="networkidle")
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and not any(
                    r.path.endswith("search_index.json") for r in server.requests):
                page.wait_for_timeout(100)
            page.wait_for_timeout(500)
            # The search worker's fetch may not surface as a page response:
            # the server's own log of this visit fills any gap.
            from_log = []
            for served in list(server.requests):
                url = base_url + served.path.lstrip("/")
                if url not in seen and served.status == 200:
                    ctype = mimetypes.guess_type(served.path.split("?")[0])[0] or "application/octet-stream"
                    seen[url] = (ctype, served.size)
                    from_log.append(served.path)
            context.close()
            totals: dict[str, dict[str, int]] = {}
            for url, (ctype, raw) in seen.items():
                local = site / url[len(base_url):].split("?")[0]
                if local.is_dir() or url[len(base_url):] == "":
                    local = local / "index.html"
                body = local.read_bytes() if local.is_file() else b""
                kind = classify(url, ctype)
                bucket = totals.setdefault(kind, {"raw": 0, "gzip": 0, "requests": 0})
                bucket["raw"] += raw
                bucket["gzip"] += gzip_size(body, ctype) if body else raw
                bucket["requests"] += 1
            rows.append({
                "page": label, "path": "/" + path,
                "raw_kb": sum(b["raw"] for b in totals.values()) / 1000,
                "gzip_kb": sum(b["gzip"] for b in totals.values()) / 1000,
                "requests": sum(b["requests"] for b in totals.values()),
                "by_type": totals,
                "urls": sorted(u[len(base_url) - 1:] for u in seen),
                "seen_only_by_server": sorted(from_log),
            })
        browser.close()
    return rows
