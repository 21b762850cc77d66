"""The "last updated" date of each page: from git history, else the build date.

A page's date is the newest commit date among its own source file and the
data files its macros render (the glossary page changes when a term file in
`data/glossary/` changes, a skill page when `data/skills/<id>.yml` does).
Outside a git checkout (a tarball, a copy, git missing) or for a file git does
not know yet (a new, uncommitted page) the build date stands in, which honours
SOURCE_DATE_EPOCH. In a shallow clone every file carries the date of the one
commit fetched: the workflows check out with `fetch-depth: 0` for that reason.

Pure functions (paths and text in, dates out), used by `macros/hooks.py`.
"""
from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")

# Macros that render data files: macro name -> the paths they read.
MACRO_SOURCES = {
    "glossary": ("data/glossary", "data/glossary-categories.yml"),
    "skills_overview": ("data/skills",),
    "responsibility_skills": ("data/responsibilities.yml",),
    "figure": ("data/figures.yml",),
    "figures_table": ("data/figures.yml",),
}
# Macros that render one skill: data/skills/<first argument>.yml.
SKILL_MACROS = ("skill_checklist", "skill_relations")
_MACRO_CALL = re.compile(r"\b([a-z_]+)\(\s*(?:([\"'])([^\"']*)\2)?")
# pymdownx.snippets includes, `--8<-- "CONTRIBUTING.md"` (relative to the project root).
_SNIPPET = re.compile(r"^-{1,}8<-{1,}[ \t]+([\"'])([^\"']+)\1[ \t]*$", re.MULTILINE)
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


def page_sources(src_uri: str, markdown: str, docs_dir: str = "docs") -> list[str]:
    """The page's own file, then the files it includes and the data its macros read."""
    sources = [f"{docs_dir}/{src_uri}"]
    sources += [m.group(2) for m in _SNIPPET.finditer(markdown)]
    for match in _MACRO_CALL.finditer(markdown):
        name, argument = match.group(1), match.group(3)
        if name in MACRO_SOURCES:
            paths = MACRO_SOURCES[name]
        elif name in SKILL_MACROS and argument:
            paths = (f"data/skills/{argument}.yml",)
        else:
            continue
        sources += [p for p in paths if p not in sources]
    return sources


def newest(path: str, dates: dict[str, date]) -> date | None:
    """Newest date of a file, or of any file under a folder."""
    prefix = path.rstrip("/") + "/"
    found = [d for p, d in dates.items() if p == path or p.startswith(prefix)]
    return max(found) if found else None


def last_updated(sources: list[str], dates: dict[str, date], fallback: date) -> date:
    """The newest date among a page's sources; the fallback when git does not
    know the page's own file (no git, or a page not committed yet)."""
    if not sources or newest(sources[0], dates) is None:
        return fallback
    return max(d for d in (newest(s, dates) for s in sources) if d is not None)


def display_date(day: date) -> str:
    """25 November 2026 (British order, no leading zero)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def revision_html(day: date) -> str:
    """What Material shows in the page footer for `page.meta.revision_date`."""
    from .render import make_environment

    template = make_environment().get_template("revision_date.html.j2")
    return template.render(day=day, shown=display_date(day)).strip()
