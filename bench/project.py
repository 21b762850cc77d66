"""Copies of the project, to build or grow without touching the working tree."""
from __future__ import annotations

import shutil
from pathlib import Path

from roadmap.build import ROOT

# What a build of the site reads; everything else stays behind.
PROJECT_FILES = ("mkdocs.yml", "CONTRIBUTING.md", "docs", "data", "roadmap", "macros", "hooks", "overrides")


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A copy of what the site is built from (config, pages, data, code, theme overrides)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest
