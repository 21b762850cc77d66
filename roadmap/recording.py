"""Which files a piece of output was made from, recorded while it is made.

`SiteData`'s accessors call `record(file)` for every data file they hand
out; `with recording() as reads:` collects them. Recordings nest: a page that
renders other pages (the printable guide) collects everything they read.
Because data is only reachable through those accessors, a new macro cannot
forget to declare what it reads: the recording *is* the declaration.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_active: ContextVar[tuple[set[str], ...]] = ContextVar("roadmap_reads", default=())


def covers(read: str, path: str) -> bool:
    """A recorded read covers `path` when it is that file or a folder above it."""
    return path == read or path.startswith(read.rstrip("/") + "/")


def record(*files: str) -> None:
    """Note that the output being made depends on these files (repository paths)."""
    for reads in _active.get():
        reads.update(files)


@contextmanager
def recording() -> Iterator[set[str]]:
    reads: set[str] = set()
    token = _active.set((*_active.get(), reads))
    try:
        yield reads
    finally:
        _active.reset(token)
