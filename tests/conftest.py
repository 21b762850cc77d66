"""Shared fixtures: one strict build per test run, served over HTTP, and the
Chromium that the browser tests drive.

The build goes into a temporary directory (never the working tree's site/);
a local HTTP server on 127.0.0.1 serves it from inside the test process.

ROADMAP_TEST_SITE=<folder> makes the session's `build` and `site` that
already built folder instead (the exit trial, `python -m trial`, runs the
site-level tests against another generator's output this way);
ROADMAP_TEST_SITE_LOG=<file> then names that build's log, which
test_build checks for warnings. Unset, the session builds as always.
"""
from __future__ import annotations

import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from roadmap.build import ROOT, Build, strict_build
from roadmap.tools import chromium  # where Chromium is, how to start it

# The date the test builds are made on (SOURCE_DATE_EPOCH): long after any
# commit, so no test can pass only on the day it was written. Pages known to
# git show their git date; a page git does not know shows this one.
BUILD_DAY = "2099-12-31"
BUILD_EPOCH = "4102358400"


def run_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> Build:
    """The project's strict build (roadmap.build) with the build date pinned."""
    return strict_build(project, site_dir, {"SOURCE_DATE_EPOCH": BUILD_EPOCH, **(extra_env or {})})


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


def given_site(environ=os.environ) -> Build | None:
    """The built site ROADMAP_TEST_SITE names (with its log, if given), or None."""
    folder = environ.get("ROADMAP_TEST_SITE")
    if not folder:
        return None
    site = Path(folder).resolve()
    assert (site / "index.html").is_file(), f"ROADMAP_TEST_SITE={folder}: no built site there"
    log = environ.get("ROADMAP_TEST_SITE_LOG")
    return Build(0, Path(log).read_text(encoding="utf-8") if log else "", site)


@pytest.fixture(scope="session")
def build(tmp_path_factory, server) -> Build:
    given = given_site()
    if given is not None:
        return given
    result = run_build(ROOT, tmp_path_factory.mktemp("build") / "site", {"SITE_URL": server.url})
    assert result.returncode == 0, f"strict build failed:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


def copy_project(dest: Path) -> Path:
    """A copy of the project's source (no venv, no build output) to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "CONTRIBUTING.md", "docs", "data", "roadmap", "macros", "hooks", "overrides"):
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
