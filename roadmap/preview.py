"""The live preview rebuilds only the pages an edit changed (`make serve`).

`make serve` runs `mkdocs serve --dirty`: MkDocs then builds a page only
when its file says it was modified. hooks/preview.py answers that question
for every page from what the page was made of (the files its text read,
recorded by `roadmap.recording` for the dates): a page is rebuilt when one
of those files changed since the last build that succeeded (by comparing
each file's modification time with the one that build saw). Anything else
that changed (the config, templates, overrides, the project's code), a page
added or removed, a page whose title changed (other pages show it in their
nav), or a failed last build means everything is rebuilt, as without
--dirty.

One page waits: the printable whole guide (the page calling `whole_guide`)
is every page at once, and rebuilding it took about 1.3 s of a 2.6 s
rebuild here. Between full rebuilds it keeps the text of the last one, and
the log says so after each edit; `make build` always builds it. `mkdocs build` never takes this path.

The rule is pure: `plan()` takes what changed and what each page read, and
says which pages to build. tests/test_preview.py checks that a preview
after an edit gives the same pages as a full build.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache

from .recording import covers

# The preview's command (`make serve`, and the benchmark's preview section).
SERVE = ("-m", "mkdocs", "serve", "--livereload", "--dirty")

# Folders whose files pages record as read: an edit there rebuilds the pages
# that read the file. An edit anywhere else that the preview watches
# rebuilds everything.
TRACKED = ("docs/", "data/")


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per `mkdocs serve` instead of once
    per rebuild (Jinja checks each template's source before reusing it)."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


THEME_TEMPLATES = CompiledTemplates()


@dataclass(frozen=True)
class LastBuild:
    files: dict[str, int]        # every watched file -> its modification time (ns) when that build began
    pages: frozenset[str]        # the docs source paths it built
    titles: dict[str, str] = field(default_factory=dict)   # page -> its title lines (title_lines)


_last: LastBuild | None = None   # kept across the rebuilds of one `mkdocs serve`


def last_build() -> LastBuild | None:
    return _last


def remember(files: dict[str, int], pages: frozenset[str], titles: dict[str, str]) -> None:
    """After a successful build: the next one compares against this."""
    global _last
    _last = LastBuild(files, pages, titles)


def forget() -> None:
    global _last
    _last = None


def snapshot(root: Path, watched: list[Path]) -> dict[str, int]:
    """Every file under `watched`, project-relative (posix), with its modification time.

    Compared file by file with the last build's snapshot, never with the
    clock: a file counts as changed when its time differs in either
    direction (a checkout can set an older one), or it appeared or went."""
    files = {}
    top_root = root.resolve()
    for top in watched:
        paths = [top] if top.is_file() else (Path(d) / f for d, _, fs in os.walk(top) for f in fs)
        for path in paths:
            try:
                files[path.resolve().relative_to(top_root).as_posix()] = path.stat().st_mtime_ns
            except (OSError, ValueError):   # gone meanwhile, or outside the project: counts as changed
                files[str(path)] = -1
    return files


def changed_files(before: dict[str, int], now: dict[str, int]) -> set[str]:
    """The files whose modification time differs, or that only one snapshot has."""
    return {path for path in before.keys() | now.keys() if before.get(path) != now.get(path) or now[path] < 0}


_TITLE_LINES = re.compile(r"^(?:title:.*|#[ \t].*)$", re.MULTILINE)


def title_lines(text: str) -> str:
    """The lines a page's title can come from (a `title:` field, the first `# ` heading)."""
    found = _TITLE_LINES.findall(text)
    fields = [line for line in found if line.startswith("title:")]
    headings = [line for line in found if line.startswith("#")]
    return "\n".join(fields[:1] + headings[:1])


@dataclass(frozen=True)
class Plan:
    everything: bool                 # build every page
    reason: str                      # why, for the log
    pages: frozenset[str] = frozenset()   # otherwise: the pages to build
    waiting: frozenset[str] = frozenset()  # and the pages an edit touched that wait for a full rebuild


def plan(changed: set[str], sources: dict[str, frozenset[str]], titles: dict[str, str],
         last: LastBuild | None, waits: frozenset[str] = frozenset()) -> Plan:
    """Which pages to build, given the changed files and what each page read.

    `sources` maps every page of this build to the files its text was made
    of (its own file included); `titles` maps each page to its title lines;
    `waits` names the pages rebuilt only by a full rebuild."""
    if last is None:
        return Plan(True, "first build of the preview")
    if frozenset(sources) != last.pages:
        return Plan(True, "a page was added or removed")
    untracked = sorted(path for path in changed if not path.startswith(TRACKED))
    if untracked:
        return Plan(True, f"{untracked[0]} changed")
    retitled = sorted(src for src, lines in titles.items() if last.titles.get(src) != lines)
    if retitled:
        return Plan(True, f"the title of {retitled[0]} changed")
    touched = frozenset(src for src, read in sources.items() if any(covers(r, path) for r in read for path in changed))
    shown = sorted(changed)
    named = ", ".join(shown[:3]) + (f" and {len(shown) - 3} more" if len(shown) > 3 else "")
    return Plan(False, named or "nothing", touched - waits, touched & waits)


def main(argv: list[str] | None = None) -> None:
    """`python -m roadmap.preview [mkdocs serve options]`: the live preview."""
    args = sys.argv[1:] if argv is None else argv
    os.execv(sys.executable, [sys.executable, *SERVE, *args])


if __name__ == "__main__":
    main()
