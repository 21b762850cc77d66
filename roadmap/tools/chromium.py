#!/usr/bin/env python3
"""Where the project finds Chromium, and how it starts it. One place for the
tests (tests/conftest.py), the benchmark (bench/) and the set-up script
(scripts/ensure-chromium.sh).

    python -m roadmap.tools.chromium    prints the Chromium to use; exit 1 if none

$CHROMIUM_PATH wins; then a system Chromium or Chrome. None found means
Playwright's own browser (`playwright install chromium`), if installed.
"""
from __future__ import annotations

import os
import sys

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# Headless and quiet: without the background-networking flags Chromium keeps
# trying to reach Google's hosts, which this machine's closed network refuses.
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), *CANDIDATES):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def launch_args() -> dict:
    """Keyword arguments for Playwright's `chromium.launch`."""
    path = find_chromium()
    return {"args": ARGS, **({"executable_path": path} if path else {})}


if __name__ == "__main__":
    found = find_chromium()
    if found:
        print(found)
    sys.exit(0 if found else 1)
