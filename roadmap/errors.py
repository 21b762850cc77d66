"""The one error type of the project.

Every message names the file, the entry, the problem and the fix, so a
contributor reading a failed CI log knows exactly what to change. Loaders,
schemas, the page checks and the macros all raise it; the build turns it
into a clean failure (no traceback) in `macros/__init__.py` and `hooks/`.
"""
from __future__ import annotations


class DataError(Exception):
    """Bad project data (glossary, skills, figures, ...), a bad page or a bad macro call."""

    def __init__(self, file: str, entry: str | None, problem: str, fix: str, line: int | None = None,
                 more: int = 0):
        self.file = file
        self.entry = entry
        self.problem = problem
        self.fix = fix
        self.line = line
        where = f"{file}, line {line}" if line else file
        where = f"{where}: entry '{entry}'" if entry else where
        message = f"{where}: {problem}\n  Fix: {fix}"
        if more:
            message += f"\n  (this entry has {more} more problem{'s' if more > 1 else ''}: the next build names it)"
        super().__init__(message)
