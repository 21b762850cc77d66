"""Scratch virtual environments: the locked requirements with their hashes,
plus pinned generators from PyPI without hashes."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .log import log

# pip's notes about this machine's extra local indexes: noise in every report.
_NOISE = re.compile(r"Location '.*' is ignored: it is neither a file nor a directory")
PIP = ("-m", "pip", "--disable-pip-version-check", "--no-input")


def without_packages(lock: str, names: set[str]) -> str:
    """A hashed requirements file less the entries of the named packages
    (each entry is its `name==version \\` line, its hash lines and its comments)."""
    wanted = {canonical(n) for n in names}
    out, skipping = [], False
    for line in lock.splitlines(keepends=True):
        entry = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", line)
        if entry:
            skipping = canonical(entry.group(1)) in wanted
        elif line.strip() and not line[0].isspace():
            skipping = False          # a top-level line that starts no entry (a comment)
        if not skipping:
            out.append(line)
    return "".join(out)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def quiet(output: str) -> str:
    return "\n".join(line for line in output.splitlines() if not _NOISE.search(line))


@dataclass
class Venv:
    path: Path
    unhashed: list[str] = field(default_factory=list)    # what came from PyPI without hashes
    log: list[str] = field(default_factory=list)

    @property
    def python(self) -> str:
        return str(self.path / "bin" / "python")

    def pip(self, *args: str, timeout: float = 1200) -> subprocess.CompletedProcess:
        env = {**os.environ, "PIP_REQUIRE_VIRTUALENV": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        proc = subprocess.run([self.python, *PIP, *args], capture_output=True, text=True,
                              timeout=timeout, check=False, env=env)
        self.log.append(f"$ pip {' '.join(args)}\n{quiet(proc.stdout + proc.stderr)}")
        return proc

    def install_lock(self, lock: Path, exclude: set[str] = frozenset()) -> None:
        """The project's locked requirements, hashes required, nothing resolved beyond them."""
        source = lock
        if exclude:
            source = self.path.parent / f"{self.path.name}-requirements.txt"
            source.write_text(without_packages(lock.read_text(encoding="utf-8"), set(exclude)), encoding="utf-8")
        proc = self.pip("install", "--quiet", "--require-hashes", "--no-deps", "-r", str(source))
        if proc.returncode != 0:
            raise InstallError(f"the locked requirements did not install:\n{quiet(proc.stderr)[-2000:]}")

    def install_pinned(self, *specs: str, deps: bool = True) -> None:
        """Pinned packages from PyPI without hashes (their dependencies too, unless deps=False)."""
        proc = self.pip("install", "--quiet", *(() if deps else ("--no-deps",)), *specs)
        if proc.returncode != 0:
            raise InstallError(f"{' '.join(specs)} did not install:\n{quiet(proc.stderr).strip()[-2000:]}")

    def freeze(self) -> dict[str, str]:
        proc = self.pip("freeze", "--all")
        pins = (line.split("==", 1) for line in proc.stdout.splitlines() if "==" in line)
        return {canonical(name): version for name, version in pins}

    def check(self) -> list[str]:
        """`pip check`: the installed packages' unmet requirements, one a line."""
        proc = self.pip("check")
        return [] if proc.returncode == 0 else quiet(proc.stdout).strip().splitlines()


class InstallError(RuntimeError):
    pass


def make_venv(path: Path) -> Venv:
    log(f"venv: {path.name}")
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True)
    return Venv(path)


def added_to(lock: dict[str, str], installed: dict[str, str]) -> list[str]:
    """Packages installed beyond the lock, or at another version than locked: 'name==version'."""
    return sorted(f"{n}=={v}" for n, v in installed.items() if lock.get(n) != v and n not in ("pip", "setuptools"))


def locked_versions(lock: Path) -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\]+)", lock.read_text(encoding="utf-8"), re.MULTILINE)
    return {canonical(n): v for n, v in pins}
