"""Shared fixtures: one strict build per test run, served over HTTP, and the
Chromium that the browser tests drive.

The build goes into a temporary directory (never the working tree's site/);
a local HTTP server on 127.0.0.1 serves it from inside the test process.
"""
from __future__ import annotations

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
sys.path.insert(0, str(ROOT / "scripts"))
import chromium  # noqa: E402  (scripts/chromium.py: where Chromium is, how to start it)


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
def server():
    """A local HTTP server, bound before the build so the build can know its URL.

    Material's instant navigation only takes over links that match site_url,
    so the site under test is built with SITE_URL set to this server's address.
    """
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SiteHandler)
    httpd.site_dir = None
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def build(tmp_path_factory, server) -> Build:
    result = run_build(ROOT, tmp_path_factory.mktemp("build") / "site", {"SITE_URL": server.url})
    assert result.returncode == 0, f"strict build failed:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


def copy_project(dest: Path) -> Path:
    """A copy of the project's source (no venv, no build output) to break on purpose."""
    for name in ("mkdocs.yml", "CONTRIBUTING.md", "docs", "data", "macros", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the directory the server's `site_dir` names, quietly."""

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.site_dir))

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def base_url(site, server) -> str:
    server.site_dir = site
    return server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, **chromium.launch_args()}
