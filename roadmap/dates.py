"""The "last updated" date of each page: from git history, else the build date.

A page's date is the newest commit date among its own source file and every
file its output was made from, as recorded while it rendered
(`roadmap.recording`): the snippets it includes and each data file whose
content reaches its HTML. Site-wide chrome (the nav, the header) does not
count: it is the same on every page. Outside a git checkout (a tarball, a
copy, git missing) or for a file git does not know yet (a new, uncommitted
page) the build date stands in, which honours SOURCE_DATE_EPOCH. In a
shallow clone every file carries the date of the one commit fetched: the
workflows check out with `fetch-depth: 0` for that reason.

Computed once per build, before anything renders (`hooks/dates.py`), so the
page footer and sitemap.xml show the same date.
"""
from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .recording import covers

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
_COMMIT = "\x00"


def parse_git_log(text: str) -> dict[str, date]:
    """Output of `git log --format=%x00%cs --name-only` -> path -> newest date.

    git lists commits newest first, so the first date seen for a path wins.
    """
    dates: dict[str, date] = {}
    current: date | None = None
    for line in text.splitlines():
        if line.startswith(_COMMIT):
            current = date.fromisoformat(line[1:].strip())
        elif line.strip() and current is not None:
            dates.setdefault(line.strip(), current)
    return dates


def git_dates(root: Path) -> dict[str, date]:
    """path (relative to root, posix) -> date of the last commit touching it.

    Empty when root is not in a git checkout or git is not installed: every
    page then falls back to the build date.
    """
    command = ["git", "-c", "core.quotepath=off", "-C", str(root), "log",
               "--format=%x00%cs", "--name-only", "--relative", "--", "."]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if proc.returncode != 0:
        return {}
    return parse_git_log(proc.stdout)


def newest(path: str, dates: dict[str, date]) -> date | None:
    """Newest date of a file, or of any file under a folder."""
    if path in dates:
        return dates[path]
    found = [d for p, d in dates.items() if covers(path, p)]
    return max(found) if found else None


def page_date(own_file: str, reads: Iterable[str], dates: dict[str, date], fallback: date) -> date:
    """The newest git date among a page's file and what it read; the fallback
    when git does not know the page's own file (no git, or not committed yet)."""
    own = newest(own_file, dates)
    if own is None:
        return fallback
    return max([own, *(d for d in (newest(f, dates) for f in reads) if d is not None)])


def display_date(day: date) -> str:
    """25 November 2026 (British order, no leading zero)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def revision_html(day: date) -> str:
    """What Material shows in the page footer for `page.meta.revision_date`."""
    from .render import templates

    return templates().get_template("revision_date.html.j2").render(day=day, shown=display_date(day)).strip()
