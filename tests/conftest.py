"""Shared fixtures: one strict build per test run, served over HTTP, and the
Chromium that the browser tests drive.

The build goes into a temporary directory (never the working tree's site/);
a local HTTP server on 127.0.0.1 serves it from inside the test process.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `import macros` like mkdocs-macros does

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def run_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> Build:
    """`mkdocs build --strict` of a project into site_dir (no -q, no -v)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site_dir)


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    result = run_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert result.returncode == 0, f"strict build failed:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


def copy_project(dest: Path) -> Path:
    """A copy of the project's source (no venv, no build output) to break on purpose."""
    for name in ("mkdocs.yml", "docs", "data", "macros", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def base_url(site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), *CHROMIUM_CANDIDATES):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None  # fall back to Playwright's own browser, if installed


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    path = find_chromium()
    if path:
        args["executable_path"] = path
    return args
