"""Live preview: seconds from saving a page or a term to the rebuilt page in `mkdocs serve`.

A copy of the project is served with live reload; each run appends a
marker to a page (or a term's definition) and polls the page every 50 ms
until the marker shows.
"""
from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from .builds import mkdocs_env
from .log import log
from .project import copy_project

# What is edited, and the page that must show the edit: (file in the project, URL path, edit).
TARGETS = {
    "page": ("docs/who-hires.md", "who-hires/",
             lambda text, token: text.rstrip() + f"\n\nPreview marker {token}.\n"),
    "term": ("data/glossary/overfitting.md", "glossary/",
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


def bench_preview(work: Path, runs: int) -> dict:
    project = copy_project(work / "preview")
    port = free_port()
    root_url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile("w+") as out:
        # `mkdocs serve` mounts the site under site_url's path: serve it at the root.
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=mkdocs_env({"SITE_URL": root_url}), stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            if wait_for(root_url, "</html>", 120) is None:
                out.seek(0)
                raise RuntimeError(f"mkdocs serve did not start:\n{out.read()[-3000:]}")
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
                    path.write_text(edit(original, token), encoding="utf-8")
                    seconds = wait_for(base_url + url_path, token, 60)
                    if seconds is None:
                        raise RuntimeError(f"preview: the {kind} edit never showed up at {url_path}")
                    times.append(seconds)
                    log(f"preview {kind} {run + 1}/{runs}: {seconds:.2f} s")
                    time.sleep(1.0)
                path.write_text(original, encoding="utf-8")
                time.sleep(2.0)  # let the restoring rebuild finish before the next kind
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
