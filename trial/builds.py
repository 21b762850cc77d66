"""Running one build of the site with one generator, and reading its result."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from . import BUILD_EPOCH

# How each generator is asked for a strict build into `site` (an absolute path;
# Zensical takes no output option and writes site_dir, `site/` in the project).
COMMANDS = {
    "mkdocs": ("-m", "mkdocs", "build", "--strict", "--site-dir", "{site}"),
    "properdocs": ("-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", "{site}"),
    "zensical": ("-m", "zensical", "build", "-f", "mkdocs.yml", "--strict", "--clean"),
}


@dataclass
class BuildResult:
    generator: str
    returncode: int
    output: str
    seconds: float
    site: Path

    @property
    def passed(self) -> bool:
        return self.returncode == 0

    @property
    def pages(self) -> int:
        return sum(1 for _ in self.site.rglob("*.html")) if self.site.is_dir() else 0

    def first_errors(self, n: int = 5) -> list[str]:
        return first_error_lines(self.output, n) if not self.passed else warning_lines(self.output, n)

    def as_dict(self) -> dict:
        return {"generator": self.generator, "passed": self.passed, "returncode": self.returncode,
                "seconds": round(self.seconds, 1), "pages": self.pages, "first_errors": self.first_errors(),
                "warnings": len(warning_lines(self.output, 10_000))}


_ERROR = re.compile(r"^(ERROR|CRITICAL)\b|^Error\b|^Aborted\b|^\w*(Error|Exception)\b:|^RuntimeError|^\s*Fix:")
_WARNING = re.compile(r"^WARNING\b|^Warning\b|\bwarning:", re.IGNORECASE)
_LOCATION = re.compile(r"^\s*╭─\[\s*(.+?)\s*\]")     # Zensical names the file and line under a warning
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def plain(output: str) -> str:
    """Output without terminal colours (Zensical colours its diagnostics)."""
    return _ANSI.sub("", output)


def diagnostics(output: str) -> list[str]:
    """The warning and error lines, in order, each with the place it names
    on the line after it (Zensical's `╭─[ page.md:27:143 ]`), if any."""
    found: list[str] = []
    for line in plain(output).splitlines():
        place = _LOCATION.match(line)
        if place and found:
            found[-1] += f" ({place.group(1)})"
        elif _ERROR.search(line) or _WARNING.search(line):
            found.append(line.rstrip())
    return found


def first_error_lines(output: str, n: int = 5) -> list[str]:
    """The first n distinct warning or error lines of a failed build's output
    (its last lines, when nothing looks like either)."""
    found = list(dict.fromkeys(diagnostics(output)))
    lines = [line.rstrip() for line in plain(output).splitlines() if line.strip()]
    return (found or lines[-n:])[:n]


def warning_lines(output: str, n: int = 5) -> list[str]:
    return list(dict.fromkeys(line for line in diagnostics(output) if _WARNING.search(line)))[:n]


def build_env(project: Path, extra: dict | None = None) -> dict:
    """The build's environment: the tests' pinned build date, no bytecode
    written, and the project's own code importable (it is not installed in
    the scratch venvs, and must be the snapshot's, not the working tree's)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL", "EDIT_URI")}
    return {**env, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(project), "NO_COLOR": "1", **(extra or {})}


def run_build(generator: str, python: str, project: Path, site: Path | None = None,
              timeout: float = 900, strict: bool = True) -> BuildResult:
    """One strict build of `project` by `generator`, run with `python` (strict=False
    drops --strict: the config's own `strict:` still counts)."""
    if generator == "zensical":
        site = project / "site"
    assert site is not None
    shutil.rmtree(site, ignore_errors=True)
    command = [python, *(part.format(site=site) for part in COMMANDS[generator] if strict or part != "--strict")]
    started = time.perf_counter()
    try:
        proc = subprocess.run(command, cwd=project, env=build_env(project), capture_output=True, text=True,
                              timeout=timeout, check=False)
        code, output = proc.returncode, plain(proc.stdout + proc.stderr)
    except subprocess.TimeoutExpired:
        code, output = -1, f"Error: the build took longer than {timeout:.0f} s and was stopped"
    return BuildResult(generator, code, output, time.perf_counter() - started, site)
