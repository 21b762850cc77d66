"""The project's site-level tests against one route's output (ROADMAP_TEST_SITE)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import BUILD_EPOCH

# Every test file; trial.pytest_plugin keeps the tests that check the built site.
MARKERS = "not browser"


@dataclass
class TestRun:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    errors: int = 0
    deselected: int = 0
    failures: list[str] = field(default_factory=list)   # 'tests/x.py::test_y - first line of why'
    returncode: int | None = None
    summary: str = ""

    def line(self) -> str:
        text = f"{self.passed} passed, {self.failed} failed"
        if self.errors:
            text += f", {self.errors} errors"
        return text + f", {self.skipped} skipped"

    def as_dict(self) -> dict:
        return {"passed": self.passed, "failed": self.failed, "skipped": self.skipped, "errors": self.errors,
                "deselected": self.deselected, "failures": self.failures, "summary": self.summary}


_COUNT = re.compile(r"(\d+) (passed|failed|skipped|deselected|errors?|xfailed|xpassed|warnings?)")


def parse_pytest(output: str) -> TestRun:
    """Counts from pytest's closing line, and its FAILED/ERROR lines."""
    run = TestRun()
    closing = [line for line in output.splitlines() if _COUNT.search(line) and (" in " in line or "=" in line)]
    if closing:
        run.summary = closing[-1].strip("= ").strip()
        for number, word in _COUNT.findall(closing[-1]):
            word = "errors" if word.startswith("error") else word
            if hasattr(run, word):
                setattr(run, word, int(number))
    run.failures = [line[len("FAILED "):] if line.startswith("FAILED ") else line
                    for line in output.splitlines() if line.startswith(("FAILED ", "ERROR "))]
    return run


def run_site_tests(project: Path, site: Path, log: Path | None, timeout: float = 1800) -> TestRun:
    """pytest in `project` (the snapshot) with ROADMAP_TEST_SITE=site, by this process's Python (the .venv)."""
    env = {**os.environ, "ROADMAP_TEST_SITE": str(site), "SOURCE_DATE_EPOCH": BUILD_EPOCH,
           "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ROADMAP_TEST_SITE_LOG", None)
    if log is not None:
        env["ROADMAP_TEST_SITE_LOG"] = str(log)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "trial.pytest_plugin",
               "-m", MARKERS, "-o", "addopts=--strict-markers -rfE", "tests"]
    try:
        proc = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        return TestRun(summary=f"stopped after {timeout:.0f} s")
    run = parse_pytest(proc.stdout + proc.stderr)
    run.returncode = proc.returncode
    return run
