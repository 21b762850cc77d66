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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `import macros`, as mkdocs-macros does

from macros.errors import DataError  # noqa: E402
from macros.site_data import load_site_data  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check data/ without building the site.")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    args = parser.parse_args(argv)
    try:
        site = load_site_data(args.root, args.root / "docs")
    except DataError as error:
        print(f"Project data is invalid.\n{error}", file=sys.stderr)
        return 1
    print(f"Data OK: {len(site.glossary.terms)} glossary terms, {len(site.skills)} skills, "
          f"{len(site.responsibilities)} responsibilities, {len(site.figures)} figures.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
