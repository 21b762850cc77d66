"""One snapshot of the project for every build of a run, so that all of them
see the same files (other people edit the working tree meanwhile), with the
git history (page dates come from it) and nothing written back."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from roadmap.build import ROOT

# What the builds, the baseline and the tests read.
SNAPSHOT_FILES = ("mkdocs.yml", "CONTRIBUTING.md", "pyproject.toml", "requirements.txt", ".codespell-words",
                  "docs", "data", "roadmap", "macros", "hooks", "overrides", "bench", "tests", "trial")
# What a build of the site alone needs (bench.project.PROJECT_FILES).
SITE_FILES = ("mkdocs.yml", "CONTRIBUTING.md", "docs", "data", "roadmap", "macros", "hooks", "overrides")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules", ".pytest_cache")


def copy_files(src: Path, dest: Path, names: tuple[str, ...]) -> Path:
    """Copy the named files and folders of src over dest (each replaced whole)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in names:
        source, target = src / name, dest / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        if source.is_dir():
            shutil.copytree(source, target, ignore=_IGNORE)
        elif source.exists():
            shutil.copy2(source, target)
    return dest


def snapshot(dest: Path, root: Path = ROOT) -> Path:
    """A clone of the project's history with the working tree's files laid over it."""
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(root), str(dest)], check=True,
                   capture_output=True)
    return copy_files(root, dest, SNAPSHOT_FILES)


def site_copy(src: Path, dest: Path) -> Path:
    """A copy of what the site is built from, without history (for generators that write into it)."""
    return copy_files(src, dest, SITE_FILES)
