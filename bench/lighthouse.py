"""Lighthouse scores with the mobile preset, median of N runs per page.

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
from .served import PAGES

BENCH_DIR = Path(__file__).resolve().parent
CATEGORIES = tuple(LIGHTHOUSE)   # the categories measured are the ones with a budget
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def installed_version() -> str:
    package = BENCH_DIR / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.exists() else "not installed"


def ensure_lighthouse() -> Path:
    """`npm ci` in bench/ when node_modules is missing or older than the lock."""
    binary = BENCH_DIR / "node_modules" / ".bin" / "lighthouse"
    stamp = BENCH_DIR / "node_modules" / ".bench-installed"
    lock = BENCH_DIR / "package-lock.json"
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise SystemExit("Lighthouse needs node (>= 18.20) and npm: `apt-get install nodejs npm`, "
                         "or leave it out with --only build,scale,weight,preview")
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime or not binary.exists():
        log("lighthouse: npm ci in bench/ (no install scripts, no browser download)")
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=BENCH_DIR, check=True)
        stamp.touch()
    return binary


def chrome_for_lighthouse() -> str:
    path = find_chromium()
    if path:
        return path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        return p.chromium.executable_path


def bench_lighthouse(base_url: str, runs: int) -> list[dict]:
    binary = ensure_lighthouse()
    env = {**os.environ, "CHROME_PATH": chrome_for_lighthouse()}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in PAGES:
            scores: dict[str, list[int]] = {c: [] for c in CATEGORIES}
            metrics: dict[str, list[float]] = {}
            failing: set[str] = set()
            for run in range(runs):
                report = Path(tmp) / f"{label}-{run}.json"
                subprocess.run(
                    [str(binary), base_url + path, "--quiet", "--output=json", f"--output-path={report}",
                     "--form-factor=mobile", "--chrome-flags=--headless --no-sandbox",
                     f"--only-categories={','.join(CATEGORIES)}"],
                    env=env, check=True, timeout=240, stdout=subprocess.DEVNULL,
                )
                data = json.loads(report.read_text(encoding="utf-8"))
                for category in CATEGORIES:
                    scores[category].append(round(data["categories"][category]["score"] * 100))
                for audit in METRICS:
                    metrics.setdefault(audit, []).append(data["audits"][audit]["numericValue"])
                failing |= {
                    f"{cat}: {ref['id']}" for cat in ("accessibility", "best-practices", "seo")
                    for ref in data["categories"][cat]["auditRefs"]
                    if ref["weight"] > 0 and data["audits"][ref["id"]]["score"] is not None
                    and data["audits"][ref["id"]]["score"] < 1
                }
            log(f"lighthouse {label}: {', '.join(f'{c} {statistics.median(v):.0f}' for c, v in scores.items())}")
            rows.append({
                "page": label, "path": "/" + path, "runs": runs,
                **{c: int(statistics.median(v)) for c, v in scores.items()},
                "all": scores,
                "metrics_ms": {k: round(statistics.median(v), 1) for k, v in metrics.items()},
                "failing_audits": sorted(failing),
            })
    return rows
