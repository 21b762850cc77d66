"""Timed builds: the real site against its baseline (build cost), and the
synthetic corpora (scale).

Every build is the project's strict build (`roadmap.build.COMMAND`) in a new
process, cold, so its wall time and its own peak RSS (from wait4) are
measured alone.
"""
from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from roadmap.build import COMMAND, ROOT

from .baseline import make_baseline
from .corpus import generate_corpus
from .log import log

# Synthetic sizes: (label, terms, pages). 1x is today's site as it is.
SIZES = [("1x", None, None), ("10x", 600, 200), ("100x", 2000, 1000)]


@dataclass
class BuildRun:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str
    internal_seconds: float | None = None   # what MkDocs itself reports


def mkdocs_env(extra: dict | None = None) -> dict:
    """The environment of the project's builds (as roadmap.build.strict_build sets it)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def timed_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> BuildRun:
    """A cold strict build in a new process: wall time and its own peak RSS."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, *COMMAND, "--site-dir", str(site_dir)],
            cwd=project, env=mkdocs_env(extra_env), stdout=out, stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    match = re.search(r"Documentation built in ([\d.]+) seconds", output)
    return BuildRun(seconds, usage.ru_maxrss / 1024, proc.returncode, output,
                    float(match.group(1)) if match else None)


def checked(run, what: str):
    """The build (a BuildRun or roadmap.build.Build), or an error with the end of its output."""
    if run.returncode != 0:
        raise RuntimeError(f"{what}: strict build failed:\n{run.output[-3000:]}")
    return run


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_build(work: Path, runs: int) -> dict:
    real = ROOT  # the working tree itself: a git checkout, as the hooks expect
    log("build: rendering the baseline pages (plain Markdown, no macros)")
    base = make_baseline(real, work / "baseline")
    real_runs, base_runs = [], []
    for i in range(runs):  # interleaved, so drift in the machine hits both sides
        real_runs.append(checked(timed_build(real, work / "real-site"), "real site"))
        base_runs.append(checked(timed_build(base, work / "baseline-site"), "baseline"))
        log(f"build {i + 1}/{runs}: real {real_runs[-1].seconds:.2f} s, plain {base_runs[-1].seconds:.2f} s")
    real_s = statistics.median(r.seconds for r in real_runs)
    base_s = statistics.median(r.seconds for r in base_runs)
    return {
        "runs": runs,
        "real_s": real_s,
        "baseline_s": base_s,
        "real_internal_s": statistics.median(r.internal_seconds or 0 for r in real_runs),
        "baseline_internal_s": statistics.median(r.internal_seconds or 0 for r in base_runs),
        "real_all_s": [round(r.seconds, 3) for r in real_runs],
        "baseline_all_s": [round(r.seconds, 3) for r in base_runs],
        "ratio": real_s / base_s,
        "overhead_pct": (real_s / base_s - 1) * 100,
    }


def bench_scale(work: Path, runs: int) -> list[dict]:
    rows = []
    for label, terms, pages in SIZES:
        project = work / f"corpus-{label}"
        counts = generate_corpus(project, terms, pages)
        log(f"scale {label}: {counts['terms']} terms, {counts['pages']} pages")
        results = []
        for _ in range(runs):
            results.append(checked(timed_build(project, work / f"corpus-{label}-site"), f"corpus {label}"))
            log(f"scale {label}: {results[-1].seconds:.2f} s, {results[-1].peak_rss_mb:.0f} MB")
        site = work / f"corpus-{label}-site"
        index = site / "search" / "search_index.json"
        seconds = statistics.median(r.seconds for r in results)
        rows.append({
            "size": label, **counts, "runs": runs,
            "build_s": seconds,
            "internal_s": statistics.median(r.internal_seconds or 0 for r in results),
            "per_page_ms": seconds / counts["pages"] * 1000,
            "peak_rss_mb": max(r.peak_rss_mb for r in results),
            "site_mb": dir_size(site) / 1e6,
            "search_index_mb": index.stat().st_size / 1e6,
            "glossary_html_mb": (site / "glossary" / "index.html").stat().st_size / 1e6,
        })
        shutil.rmtree(project)
        shutil.rmtree(site)
    add_marginal(rows)
    return rows


def add_marginal(rows: list[dict]) -> None:
    """Milliseconds each added page cost, from the previous size to this one."""
    for before, row in zip(rows, rows[1:], strict=False):
        added = row["pages"] - before["pages"]
        row["marginal_ms_per_page"] = (row["build_s"] - before["build_s"]) / added * 1000 if added else None
