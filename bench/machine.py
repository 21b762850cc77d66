"""What the benchmark ran on (versions, cores, load), and waiting for a quiet machine."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import subprocess
import time
from importlib.metadata import version
from pathlib import Path

from roadmap.tools.chromium import find_chromium

from .lighthouse import installed_version
from .log import log


def _version(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unavailable"


def machine() -> dict:
    mem_kb = 0
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    chromium = find_chromium()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "nproc": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "chromium": _version([chromium, "--version"]) if chromium else "Playwright's Chromium",
        "node": _version(["node", "--version"]),
        "lighthouse": installed_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "mkdocs-macros-plugin": version("mkdocs-macros-plugin"),
    }


def machine_line(info: dict) -> str:
    load = info.get("load_average_1min")
    load_text = f", load average {load[0]} -> {load[1]}" if isinstance(load, list) else ""
    return (f"{info['date']}; {info['nproc']} cores, {info['ram_gib']} GiB RAM{load_text}, {info['os']}; "
            f"Python {info['python']}; {info['chromium']}; node {info['node']}, Lighthouse {info['lighthouse']}; "
            f"mkdocs {info['mkdocs']}, Material {info['mkdocs-material']}, "
            f"macros {info['mkdocs-macros-plugin']}")


def wait_for_quiet(max_wait: float, threshold: float = 1.0) -> None:
    """On a shared machine, wait (at most max_wait s) until the 1-minute load
    average drops below threshold, so other work skews the timings less."""
    deadline = time.monotonic() + max_wait
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        log(f"waiting for a quieter machine (load average {os.getloadavg()[0]:.1f})")
        time.sleep(15)
