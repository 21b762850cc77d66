"""Live preview: seconds from saving a page or a term to the rebuilt page in `mkdocs serve`.

At the site's real size (a copy of the project) and on the 10x synthetic
corpus (bench/corpus.py), each served with live reload; each run appends a
marker to a page (or a term's definition) and polls the page showing it
every 50 ms until the marker shows.
"""
from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from roadmap.preview import SERVE

from .builds import SIZES, mkdocs_env
from .corpus import generate_corpus
from .log import log
from .project import copy_project

PREVIEW_SIZES = [size for size in SIZES if size[0] in ("1x", "10x")]

# What is edited, and the page that must show the edit: (file in the project, URL path, edit).
TARGETS = {
    "page": ("docs/who-hires.md", "who-hires/",
             lambda text, token: text.rstrip() + f"\n\nPreview marker {token}.\n"),
    "term": ("data/glossary/overfitting.md", "glossary/overfitting/",
             lambda text, token: text.rstrip() + f" Preview marker {token}.\n"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 30) -> str:
    """The page's text, or "" for an error status or no answer."""
    return fetch_final(url, timeout)[1]


def fetch_final(url: str, timeout: float = 30) -> tuple[str, str]:
    """(URL after redirects, text); text is "" for an error status or no answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.geturl(), response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return url, ""


def wait_for(url: str, token: str, timeout: float) -> float | None:
    """Seconds until the page at url contains token, polling every 50 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if token in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def bench_preview(work: Path, runs: int) -> list[dict]:
    """One row per size: the median seconds of `runs` saves of a page and of a term."""
    rows = []
    for label, terms, pages in PREVIEW_SIZES:
        project = work / f"preview-{label}"
        if terms is None:
            copy_project(project)
        else:
            generate_corpus(project, terms, pages)
        log(f"preview {label}: starting mkdocs serve")
        rows.append({"size": label, **preview(project, runs, label)})
    return rows


# What the live-reload server logs once a rebuild is over, whether it worked or
# not. (Not MkDocs' "Documentation built in": in one run here that line was
# missing from the log after 2 of 7 rebuilds that had finished.)
REBUILD_OVER = ("Reloading browsers", "An error happened during the rebuild")


def builds_done(serve_log: Path) -> int:
    """How many rebuilds `mkdocs serve` has finished so far, from its log."""
    text = serve_log.read_text(encoding="utf-8", errors="replace")
    return sum(text.count(line) for line in REBUILD_OVER)


def wait_for_build(serve_log: Path, before: int, timeout: float = 900) -> None:
    """Until a build after the `before`-th has finished, so the next save starts on a quiet server."""
    deadline = time.monotonic() + timeout
    while builds_done(serve_log) <= before and time.monotonic() < deadline:
        time.sleep(0.1)


def preview(project: Path, runs: int, label: str) -> dict:
    """Saves under `mkdocs serve` of the project, each timed until it shows."""
    port = free_port()
    root_url = f"http://127.0.0.1:{port}/"
    serve_log = project.parent / f"{project.name}-serve.log"
    with serve_log.open("a", encoding="utf-8") as out:
        # `mkdocs serve` mounts the site under site_url's path: serve it at the root.
        proc = subprocess.Popen(
            [sys.executable, *SERVE, "-a", f"127.0.0.1:{port}"],   # as `make serve` runs it
            cwd=project, env=mkdocs_env({"SITE_URL": root_url}), stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        if wait_for(root_url, "</html>", 900) is None:
            raise RuntimeError(f"mkdocs serve did not start:\n{serve_log.read_text()[-3000:]}")
        base_url = fetch_final(root_url)[0]  # where the home page ended up
        if not base_url.endswith("/"):
            base_url += "/"
        time.sleep(1.5)  # let the file watcher take its first snapshot
        result: dict[str, Any] = {"runs": runs}
        for kind, (file, url_path, edit) in TARGETS.items():
            path = project / file
            original = path.read_text(encoding="utf-8")
            times = []
            for run in range(runs):
                token = f"bench{kind}{run}x{int(time.time() * 1000)}"
                before = builds_done(serve_log)
                path.write_text(edit(original, token), encoding="utf-8")
                seconds = wait_for(base_url + url_path, token, 600)
                if seconds is None:
                    raise RuntimeError(f"preview {label}: the {kind} edit never showed up at {url_path}")
                times.append(seconds)
                log(f"preview {label} {kind} {run + 1}/{runs}: {seconds:.2f} s")
                wait_for_build(serve_log, before)
                time.sleep(0.5)
            before = builds_done(serve_log)
            path.write_text(original, encoding="utf-8")
            wait_for_build(serve_log, before)  # the restoring rebuild, before the next kind
            time.sleep(0.5)
            result[f"{kind}_s"] = statistics.median(times)
            result[f"{kind}_all_s"] = [round(t, 3) for t in times]
        return result
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
