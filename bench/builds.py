"""Timed builds at 1x (the real site, the `build` section), 10x and 100x
(synthetic corpora, the `scale` section), each size built three ways from the
same pages: the project, baseline A and baseline B (bench/variants.py).

Every build is the project's strict build (`roadmap.build.COMMAND`) in a new
process, cold, so its wall time and its own peak RSS (from wait4) are
measured alone. The three sides are built in turn within each run, so drift
in the machine hits all three.
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
from .plain import make_plain
from .variants import PLAIN, PROJECT, SHORT, STATIC, VARIANTS

# (label, terms, pages): 1x is the real site as it is (None keeps today's size).
SIZES = [("1x", None, None), ("10x", 600, 200), ("100x", 2000, 1000)]
REAL_SIZE, SCALE_SIZES = SIZES[0], SIZES[1:]


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


def html_pages(site: Path) -> int:
    """Pages a build wrote: its HTML files, the 404 page aside."""
    return sum(1 for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html")


def source_counts(project: Path) -> dict:
    """Glossary terms and hand-written pages of a project."""
    return {"terms": len(list((project / "data" / "glossary").glob("*.md"))),
            "pages": len(list((project / "docs").rglob("*.md")))}


def summary(runs: list[BuildRun], site: Path) -> dict:
    """One side at one size: median seconds, own peak RSS, what it wrote."""
    index = site / "search" / "search_index.json"
    return {
        "build_s": statistics.median(r.seconds for r in runs),
        "all_s": [round(r.seconds, 3) for r in runs],
        "internal_s": statistics.median(r.internal_seconds or 0 for r in runs),
        "peak_rss_mb": max(r.peak_rss_mb for r in runs),
        "pages": html_pages(site),
        "site_mb": dir_size(site) / 1e6,
        "search_index_mb": index.stat().st_size / 1e6 if index.exists() else 0.0,
    }


def bench_size(label: str, source: str, project: Path, work: Path, runs: int) -> dict:
    """The project at `project` built `runs` times each way; copies and sites go to work."""
    log(f"{label}: writing baseline A (static Markdown) and baseline B (plain-text mentions)")
    projects = {PROJECT: project, STATIC: make_baseline(project, work / f"{label}-a"),
                PLAIN: make_plain(project, work / f"{label}-b")}
    sites = {v: work / f"{label}-{SHORT[v]}-site" for v in VARIANTS}
    done: dict[str, list[BuildRun]] = {v: [] for v in VARIANTS}
    for i in range(runs):
        for variant in VARIANTS:
            done[variant].append(checked(timed_build(projects[variant], sites[variant]), f"{label} {variant}"))
        log(f"{label} build {i + 1}/{runs}: " + ", ".join(
            f"{SHORT[v]} {done[v][-1].seconds:.2f} s" for v in VARIANTS))
    sides = {v: summary(done[v], sites[v]) for v in VARIANTS}
    for variant in VARIANTS:
        shutil.rmtree(sites[variant])
        if variant != PROJECT:
            shutil.rmtree(projects[variant])
    ratio_a = sides[PROJECT]["build_s"] / sides[STATIC]["build_s"]
    return {
        "size": label, "source": source, **source_counts(project), "runs": runs, **sides,
        "ratio_a": ratio_a,
        "overhead_a_pct": (ratio_a - 1) * 100,
        "ratio_b": sides[PROJECT]["build_s"] / sides[PLAIN]["build_s"],
    }


def bench_build(work: Path, runs: int) -> list[dict]:
    """1x: the real site (the working tree itself, a git checkout, as the hooks expect)."""
    return [bench_size(REAL_SIZE[0], "real site", ROOT, work, runs)]


def bench_scale(work: Path, runs: int) -> list[dict]:
    """10x and 100x: seeded synthetic corpora in the project's own data format."""
    rows = []
    for label, terms, pages in SCALE_SIZES:
        project = work / f"corpus-{label}"
        counts = generate_corpus(project, terms, pages)
        log(f"{label}: {counts['terms']} terms, {counts['pages']} pages")
        rows.append(bench_size(label, "synthetic", project, work, runs))
        shutil.rmtree(project)
    return rows


def add_marginal(rows: list[dict]) -> None:
    """Milliseconds each page added from the previous size cost, for each side
    (pages it built: baseline B builds no term pages)."""
    for before, row in zip(rows, rows[1:], strict=False):
        for variant in VARIANTS:
            if variant not in row or variant not in before:
                continue
            added = row[variant]["pages"] - before[variant]["pages"]
            seconds = row[variant]["build_s"] - before[variant]["build_s"]
            row[variant]["marginal_ms_per_page"] = seconds / added * 1000 if added else None
