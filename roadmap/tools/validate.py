#!/usr/bin/env python3
"""Load and check the project's data the way the build does, in a second.

    make validate        (also run by pre-commit)

Loads the glossary, the skills, the responsibilities and the figures through
the `macros` package, so the rules are exactly the build's. On bad data it
prints the same message the build would (file, entry, problem, fix) and exits
with status 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from roadmap.build import ROOT
from roadmap.errors import DataError
from roadmap.site import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check data/ without building the site.")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    args = parser.parse_args(argv)
    try:
        site = load_site(args.root, args.root / "docs")
    except DataError as error:
        print(f"Project data is invalid.\n{error}", file=sys.stderr)
        return 1
    print(f"Data OK: {len(site.terms())} glossary terms, {len(site.skills())} skills, "
          f"{len(site.responsibilities())} responsibilities, {len(site.figures())} figures, "
          f"{len(site.page_sources())} pages.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
