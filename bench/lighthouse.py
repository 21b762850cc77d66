"""Lighthouse scores with the mobile preset on every page type: the median of
N runs per page and the spread (lowest to highest) of each score.

Lighthouse is the npm package pinned in bench/package-lock.json, installed
into bench/node_modules with `npm ci --ignore-scripts` (no install scripts,
no browser download); it drives the system Chromium (roadmap.tools.chromium).
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from roadmap.tools.chromium import find_chromium

from .budgets import LIGHTHOUSE
from .log import log
from .pages import LIGHTHOUSE_PAGES

BENCH_DIR = Path(__file__).resolve().parent
CATEGORIES = tuple(LIGHTHOUSE)   # the categories measured are the ones with a budget
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def installed_version() -> str:
    package = BENCH_DIR / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.exists() else "not installed"


def installed_as_locked() -> bool:
    """node_modules holds what package-lock.json pins (npm's own record of the
    installed tree, node_modules/.package-lock.json, lists the same packages).
    Compared by content, not by date: a fresh checkout's lock is always newer."""
    installed = BENCH_DIR / "node_modules" / ".package-lock.json"
    if not installed.exists():
        return False
    locked = json.loads((BENCH_DIR / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    present = json.loads(installed.read_text(encoding="utf-8"))["packages"]
    return {k: v for k, v in locked.items() if k} == present


def ensure_lighthouse() -> Path:
    """`npm ci` in bench/ when node_modules does not hold what the lock pins."""
    binary = BENCH_DIR / "node_modules" / ".bin" / "lighthouse"
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise SystemExit("Lighthouse needs node (>= 18.20) and npm: `apt-get install nodejs npm`, "
                         "or leave it out with --only build,scale,weight,preview")
    if not binary.exists() or not installed_as_locked():
        log("lighthouse: npm ci in bench/ (no install scripts, no browser download)")
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=BENCH_DIR, check=True)
    return binary


def chrome_for_lighthouse() -> str:
    path = find_chromium()
    if path:
        return path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        return p.chromium.executable_path


def summarise(scores: dict[str, list[float]]) -> dict:
    """Each category's median over the runs, and its spread: [lowest, highest]."""
    return {
        "median": {c: statistics.median(v) for c, v in scores.items()},
        "spread": {c: [min(v), max(v)] for c, v in scores.items()},
    }


def lighthouse_run(binary: Path, env: dict, url: str, report: Path) -> dict:
    subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
         "--form-factor=mobile", "--chrome-flags=--headless --no-sandbox",
         f"--only-categories={','.join(CATEGORIES)}"],
        env=env, check=True, timeout=240, stdout=subprocess.DEVNULL,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def failing_audits(data: dict) -> set[str]:
    """The weighted audits below full marks, outside performance."""
    return {
        f"{cat}: {ref['id']}" for cat in CATEGORIES if cat != "performance"
        for ref in data["categories"][cat]["auditRefs"]
        if ref["weight"] > 0 and data["audits"][ref["id"]]["score"] is not None
        and data["audits"][ref["id"]]["score"] < 1
    }


def bench_lighthouse(base_url: str, runs: int) -> list[dict]:
    binary = ensure_lighthouse()
    env = {**os.environ, "CHROME_PATH": chrome_for_lighthouse()}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in LIGHTHOUSE_PAGES:
            scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
            metrics: dict[str, list[float]] = {}
            failing: set[str] = set()
            for run in range(runs):
                data = lighthouse_run(binary, env, base_url + path, Path(tmp) / f"{run}.json")
                for category in CATEGORIES:
                    scores[category].append(round(data["categories"][category]["score"] * 100))
                for audit in METRICS:
                    metrics.setdefault(audit, []).append(data["audits"][audit]["numericValue"])
                failing |= failing_audits(data)
            summed = summarise(scores)
            log(f"lighthouse {label}: " + ", ".join(
                f"{c} {summed['median'][c]:g} ({lo:g}-{hi:g})" for c, (lo, hi) in summed["spread"].items()))
            rows.append({
                "page": label, "path": "/" + path, "runs": runs,
                **summed["median"],
                "spread": summed["spread"],
                "all": scores,
                "metrics_ms": {k: round(statistics.median(v), 1) for k, v in metrics.items()},
                "failing_audits": sorted(failing),
            })
    return rows
