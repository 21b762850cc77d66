"""`python -m trial`: build the site every way, print the report, write the JSON if asked."""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

import trial
from roadmap.build import ROOT

from . import PROPERDOCS, ZENSICAL
from .log import log
from .project import snapshot
from .report import report
from .routes import ROUTES, Trial
from .venvs import locked_versions


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(prog="python -m trial", description=trial.__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--json", type=Path, help="also write the results here as JSON (default: print only)")
    cli.add_argument("--only", help=f"comma-separated routes of {', '.join(ROUTES)} (the control always runs)")
    cli.add_argument("--no-tests", action="store_true", help="skip running the site-level tests on each output")
    cli.add_argument("--keep", type=Path, metavar="DIR",
                     help="work in DIR (new or empty) and keep it: venvs, copies, sites (default: a temporary folder)")
    return cli


def routes_of(only: str | None) -> list[str]:
    """The routes to run, in trial order; the control first, always (every route is measured against it)."""
    asked = [r.strip() for r in (only or ",".join(ROUTES)).split(",") if r.strip()]
    return ["control", *(r for r in ROUTES if r in asked and r != "control")]


def header() -> list[str]:
    locked = locked_versions(ROOT / "requirements.txt")
    return [f"The exit trial, {date.today().isoformat()}, Python {platform.python_version()}",
            f"Locked (requirements.txt, installed with --require-hashes): MkDocs {locked.get('mkdocs')}, "
            f"Material {locked.get('mkdocs-material')}, mkdocs-macros-plugin {locked.get('mkdocs-macros-plugin')}",
            f"Tried from PyPI without hashes: ProperDocs {PROPERDOCS}, Zensical {' or '.join(ZENSICAL)} "
            "(the first that installs) and their own dependencies",
            "Every route is measured against the control (the real build, from the same snapshot of the project)."]


def main(argv: list[str] | None = None) -> int:
    cli = parser()
    args = cli.parse_args(argv)
    unknown = {r.strip() for r in (args.only or "").split(",") if r.strip()} - set(ROUTES)
    if unknown:
        cli.error(f"unknown route(s): {', '.join(sorted(unknown))}")
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        cli.error(f"--keep {args.keep}: the folder is not empty")
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="trial-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        log(f"working in {work}")
        project = snapshot(work / "project")
        run = Trial(work, project, project / "requirements.txt", run_tests=not args.no_tests)
        results = []
        for key in routes_of(args.only):
            results.append(ROUTES[key](run))
            if key == "control" and run.real_site is None:
                break
        head = header()
        if run.zensical_refused:
            head.append("Zensical versions that did not install here: " + "; ".join(run.zensical_refused))
        text = report(results, head)
        sys.stdout.write(text)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"header": head, "zensical": run.zensical,
                                             "zensical_refused": run.zensical_refused,
                                             "routes": [r.as_dict() for r in results]}, indent=2) + "\n",
                                 encoding="utf-8")
            log(f"results written to {args.json}")
        return 0 if results and results[0].passed else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
