#!/usr/bin/env python3
"""Check the site's external links over the network (a scheduled CI job).

    python -m roadmap.tools.external_links              list them (like `make links`)
    python -m roadmap.tools.external_links --online     check them online

Without --site, the site is built fresh (strict) into a temporary directory.
Checking is not part of the offline test suite: it needs the internet, and
the sites it asks can be slow, rate-limit or change under us.

- Cache: a link that answered OK is not asked again for --max-age days
  (.cache/links.json). Failures are never cached: they are asked every run.
- Allowlist: hosts that block automated requests (data/link-allowlist.txt,
  one host per line, `#` comments) are listed but not fetched.
- Retries: a timeout, a dropped connection, a 429 or a 5xx is retried with
  exponential backoff (1 s, 2 s, 4 s, ...; a Retry-After header is honoured
  up to 30 s). HEAD is tried first, then GET if the server refuses HEAD.

Exit status: 0 every checked link works, 1 some are broken, 2 no network
(nothing could be reached at all: the check says so and checks nothing).
"""
from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from roadmap.build import ROOT, strict_build
from roadmap.tools import sitecheck

CACHE = ROOT / ".cache" / "links.json"
ALLOWLIST = ROOT / "data" / "link-allowlist.txt"
USER_AGENT = "ml-engineer-roadmap-linkcheck/1.0 (+https://github.com/ml-engineer-roadmap/ml-engineer-roadmap)"
RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
HEAD_REFUSED = {403, 405, 501}
MAX_RETRY_AFTER = 30.0
EXIT_OK, EXIT_BROKEN, EXIT_NO_NETWORK = 0, 1, 2


@dataclass
class Result:
    url: str
    ok: bool
    status: int | None = None      # HTTP status, None when no answer came
    error: str = ""                # why it failed (no answer, or the status text)
    checked: float = 0.0           # when (seconds since the epoch)
    network_error: bool = False    # the failure was a network-level one


# -- Allowlist and cache (pure) -------------------------------------------------

def parse_allowlist(text: str) -> set[str]:
    """Hosts, one per line; blank lines and `#` comments ignored, case folded."""
    hosts = set()
    for line in text.splitlines():
        host = line.split("#", 1)[0].strip().lower()
        if host:
            hosts.add(host)
    return hosts


def is_allowlisted(url: str, hosts: set[str]) -> bool:
    """True for a URL on an allowlisted host or one of its subdomains."""
    host = (urlparse(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def load_cache(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def fresh_in_cache(url: str, cache: dict[str, dict], now: float, max_age: float) -> bool:
    """A link that answered OK less than max_age seconds ago."""
    entry = cache.get(url)
    return bool(entry and entry.get("ok") and now - float(entry.get("checked", 0)) < max_age)


def updated_cache(cache: dict[str, dict], results: Iterable[Result]) -> dict[str, dict]:
    """The cache with new OK results added and failed links dropped."""
    new = dict(cache)
    for result in results:
        if result.ok:
            new[result.url] = {"ok": True, "status": result.status, "checked": result.checked}
        else:
            new.pop(result.url, None)
    return new


def save_cache(path: Path, cache: dict[str, dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# -- Fetching with retries ------------------------------------------------------

Fetch = Callable[[str, str, float], "tuple[int, dict]"]


def urllib_fetch(url: str, method: str, timeout: float) -> tuple[int, dict]:
    """(status, headers) of one request; HTTP errors are answers, not exceptions."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers or {})


def is_network_error(error: BaseException) -> bool:
    """No answer at all: DNS, refused, unreachable, timeout, dropped."""
    if isinstance(error, urllib.error.URLError):
        error = error.reason if isinstance(error.reason, BaseException) else error
    return isinstance(error, (OSError, socket.timeout, TimeoutError))


def retry_delay(attempt: int, headers: dict, base: float = 1.0) -> float:
    """Backoff before retry number `attempt` (0-based): Retry-After if given, else base * 2**attempt."""
    value = {k.lower(): v for k, v in headers.items()}.get("retry-after")
    if value is not None:
        try:
            return min(max(float(value), 0.0), MAX_RETRY_AFTER)
        except ValueError:
            pass
    return base * (2 ** attempt)


def check_url(url: str, fetch: Fetch = urllib_fetch, retries: int = 3, timeout: float = 15.0,
              sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.time,
              base_delay: float = 1.0) -> Result:
    """One link: HEAD (GET if HEAD is refused), retried with backoff on transient failures."""
    method = "HEAD"
    attempt = 0
    while True:
        headers: dict = {}
        try:
            status, headers = fetch(url, method, timeout)
        except Exception as error:  # noqa: BLE001 - any failure to get an answer
            status, failure = None, error
        else:
            failure = None
            if method == "HEAD" and status in HEAD_REFUSED:
                method = "GET"
                continue
            if status < 400:
                return Result(url, True, status, "", clock())
        transient = failure is not None or status in RETRY_STATUS
        if not transient or attempt >= retries:
            if failure is not None:
                return Result(url, False, None, f"{type(failure).__name__}: {failure}", clock(),
                              network_error=is_network_error(failure))
            return Result(url, False, status, f"HTTP {status}", clock())
        sleep(retry_delay(attempt, headers, base_delay))
        attempt += 1


def network_available(urls: list[str], fetch: Fetch = urllib_fetch, timeout: float = 10.0) -> bool:
    """True if any of (up to) three hosts answers at all, whatever the status."""
    by_host: dict[str, str] = {}
    for url in urls:
        by_host.setdefault(urlparse(url).hostname or "", url)
    for url in list(by_host.values())[:3]:
        try:
            fetch(url, "HEAD", timeout)
            return True
        except Exception as error:  # noqa: BLE001
            if not is_network_error(error):
                return True
    return False


# -- The command ----------------------------------------------------------------

def built_site() -> tuple[Path, tempfile.TemporaryDirectory]:
    """A fresh strict build in a temporary directory (no -q, no -v)."""
    tmp = tempfile.TemporaryDirectory()
    result = strict_build(ROOT, Path(tmp.name) / "site")
    if result.returncode != 0:
        sys.stderr.write(result.output)
        sys.exit(f"The site does not build (exit {result.returncode}); fix that first.")
    return result.site, tmp


def run(links: dict[str, list[str]], *, online: bool, allow: set[str], cache_path: Path,
        max_age: float, retries: int, timeout: float, fetch: Fetch = urllib_fetch,
        sleep: Callable[[float], None] = time.sleep, out=sys.stdout) -> int:
    urls = sorted(links)
    if not online:
        for url in urls:
            print(f"{url}  ({len(links[url])} page{'s' if len(links[url]) > 1 else ''})", file=out)
        print(f"{len(urls)} external links. Add --online to check them over the network.", file=out)
        return EXIT_OK
    now = time.time()
    cache = load_cache(cache_path)
    skipped = [u for u in urls if is_allowlisted(u, allow)]
    cached = [u for u in urls if u not in skipped and fresh_in_cache(u, cache, now, max_age)]
    todo = [u for u in urls if u not in skipped and u not in cached]
    if todo and not network_available(todo, fetch, timeout):
        print("No network: none of the sites could be reached (DNS or connection failed).\n"
              "This check needs internet access and is meant for the scheduled CI job; "
              "the offline test suite (make test) does not run it. Nothing was checked.", file=out)
        return EXIT_NO_NETWORK
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda u: check_url(u, fetch, retries, timeout, sleep), todo))
    save_cache(cache_path, updated_cache(cache, results))
    broken = [r for r in results if not r.ok]
    for r in broken:
        pages = ", ".join(links[r.url])
        print(f"BROKEN {r.url}: {r.error}\n  linked from: {pages}", file=out)
    print(f"{len(urls)} external links: {len(results) - len(broken)} OK, {len(broken)} broken, "
          f"{len(cached)} OK in the cache (under {max_age / 86400:g} days old), "
          f"{len(skipped)} allowlisted and not fetched.", file=out)
    return EXIT_BROKEN if broken else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--online", action="store_true", help="check the links over the network")
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"default {CACHE.relative_to(ROOT)}")
    parser.add_argument("--max-age", type=float, default=7.0, help="days an OK answer stays valid (7)")
    parser.add_argument("--allowlist", type=Path, default=ALLOWLIST,
                        help=f"hosts not fetched (default {ALLOWLIST.relative_to(ROOT)})")
    parser.add_argument("--retries", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=15.0)
    args = parser.parse_args(argv)
    tmp = None
    site = args.site
    if site is None:
        site, tmp = built_site()
    try:
        links = sitecheck.external_links(site)
    finally:
        if tmp is not None:
            tmp.cleanup()
    allow = parse_allowlist(args.allowlist.read_text(encoding="utf-8")) if args.allowlist.is_file() else set()
    return run(links, online=args.online, allow=allow, cache_path=args.cache, max_age=args.max_age * 86400,
               retries=args.retries, timeout=args.timeout)


if __name__ == "__main__":
    sys.exit(main())
