"""The strict build: the one way the project runs `mkdocs build`.

The Makefile (`make build`, `make links`), the tests, the benchmark and the
link checker all build through `strict_build`, so the command and its
settings are written once. Never add -q or -v: -q hides the warnings
--strict must fail on, -v skips the anchor check.

    python -m roadmap.build [--site-dir site]

builds into a temporary directory and moves the result into place only on
success; a failed build removes the old site, so nothing half-built or stale
is ever left to publish.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent   # the project folder (where mkdocs.yml is)
COMMAND = ("-m", "mkdocs", "build", "--strict")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def strict_build(project: Path, site_dir: Path, extra_env: dict | None = None, timeout: float = 900,
                 python: str = sys.executable) -> Build:
    """`mkdocs build --strict` of a project into site_dir (no -q, no -v)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    proc = subprocess.run([python, *COMMAND, "--site-dir", str(site_dir)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)
    return Build(proc.returncode, proc.stdout + proc.stderr, site_dir)


def build_into_place(project: Path, site_dir: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        result = strict_build(project, Path(tmp) / "site")
        sys.stderr.write(result.output)
        if result.returncode != 0:
            shutil.rmtree(site_dir, ignore_errors=True)
            print(f"Build failed: {site_dir.name}/ removed, nothing half-built is left.", file=sys.stderr)
            return 1
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.move(str(result.site), site_dir)
    print(f"Site built in {site_dir.name}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Strict build of the site, moved into place only on success.")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    return build_into_place(Path.cwd(), args.site_dir.resolve())


if __name__ == "__main__":
    sys.exit(main())


# -- Before MkDocs has a config: the output folder of a `mkdocs build` -----------------

def _option(argv: list[str], short: str, long: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg in (short, long) and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(long + "="):
            return arg.split("=", 1)[1]
        if arg.startswith(short) and len(arg) > len(short) and not arg.startswith("--"):
            return arg[len(short):]
    return None


def requested_site_dir(argv: list[str], cwd: Path) -> Path | None:
    """Where `mkdocs build` (as invoked by argv) will write the site, read from
    the command line and mkdocs.yml before MkDocs validates anything; None when
    this is not a build, or the folder is not plainly given."""
    command = next((a for a in argv[1:] if not a.startswith("-")), None)
    if command not in ("build", "gh-deploy"):
        return None
    chosen = _option(argv, "-d", "--site-dir")
    if chosen:
        return (cwd / chosen).resolve()
    config = Path(_option(argv, "-f", "--config-file") or "mkdocs.yml")
    config = config if config.is_absolute() else cwd / config
    try:
        text = config.read_text(encoding="utf-8")
    except OSError:
        return None
    import re

    match = re.search(r"^site_dir:\s*(\S+)\s*$", text, re.MULTILINE)
    value = match.group(1).strip("'\"") if match else "site"
    if value.startswith("!"):
        return None  # set from the environment: MkDocs resolves it, on_config below catches it
    return (config.parent / value).resolve()


def looks_like_a_built_site(path: Path) -> bool:
    """True for a folder holding a MkDocs build (and nothing that is a source)."""
    if not path.is_dir() or (path / "mkdocs.yml").exists() or (path / "docs").exists():
        return False
    return (path / "sitemap.xml").exists() or (path / "404.html").exists() or (path / "index.html").exists()
