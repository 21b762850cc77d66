"""`python -m bench`: run the sections asked for, print the table, write the JSON."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import bench
from roadmap.build import ROOT

from . import budgets, report
from .builds import add_marginal, bench_build, bench_scale
from .lighthouse import bench_lighthouse
from .log import log
from .machine import machine, machine_line, wait_for_quiet
from .preview import bench_preview
from .served import served_site
from .weight import bench_weight

RESULTS = ROOT / "bench-results" / "bench.json"
SECTIONS = ("build", "scale", "weight", "lighthouse", "preview")


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=bench.__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--runs", type=int,
                        help="builds of each side at each size (default 5 at 1x and 3 at 10x and 100x; quick 3 and 1)")
    parser.add_argument("--only", help=f"comma-separated sections of {', '.join(SECTIONS)}")
    parser.add_argument("--json", type=Path, default=RESULTS, help="where to write the results")
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                        help="before each section, wait up to SECONDS for the load average to drop below 1")
    return parser


def sections_of(only: str | None) -> list[str]:
    """The sections `--only` names (all of them without it), in the order given."""
    return [s.strip() for s in (only or ",".join(SECTIONS)).split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    cli = parser()
    args = cli.parse_args(argv)
    sections = sections_of(args.only)
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        cli.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    runs = args.runs or (3 if args.quick else 5)
    scale_runs = args.runs or (1 if args.quick else 3)
    results: dict[str, Any] = {"quick": args.quick, "machine": machine()}
    load_before = results["machine"]["load_average_1min"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        load_average = results["load_average"] = {}

        def start(section: str) -> bool:
            if section not in sections:
                return False
            if args.wait_quiet:
                wait_for_quiet(args.wait_quiet)
            load_average[section] = round(os.getloadavg()[0], 2)
            return True

        if start("build"):
            results["build"] = bench_build(work, runs)
        if start("scale"):
            results["scale"] = bench_scale(work, scale_runs)
        add_marginal(budgets.size_rows(results))
        if start("weight"):
            log("weight: first visits in Chromium")
            with served_site(work / "weight-site") as server:
                results["weight"] = bench_weight(server)
        if start("lighthouse"):
            with served_site(work / "lighthouse-site") as server:
                results["lighthouse"] = bench_lighthouse(server.url, 1 if args.quick else 3)
        if start("preview"):
            results["preview"] = bench_preview(work, 3 if args.quick else 5)
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["machine"] = machine()  # after npm ci, so the Lighthouse version is known
    results["machine"]["load_average_1min"] = [load_before, results["machine"]["load_average_1min"]]
    results["budgets"] = budgets.evaluate(results)
    results["table"] = report.format_table(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    loads = ", ".join(f"{k} {v}" for k, v in results.get("load_average", {}).items())
    print(f"\nBenchmark, {machine_line(results['machine'])}"
          + (f"; load average at the start of each section: {loads}" if loads else "") + "\n")
    print(results["table"])
    print(f"\n{report.verdict(results)}; took {results['seconds']:.0f} s; JSON in {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
