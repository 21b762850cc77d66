"""The one error type the data loaders raise.

Every message names the file, the entry, the problem and the fix, so a
contributor reading a failed CI log knows exactly what to change.
"""
from __future__ import annotations


class DataError(Exception):
    """Bad project data (glossary, skills, figures) or a bad macro call."""

    def __init__(self, file: str, entry: str | None, problem: str, fix: str):
        self.file = file
        self.entry = entry
        self.problem = problem
        self.fix = fix
        where = f"{file}: entry '{entry}'" if entry else file
        super().__init__(f"{where}: {problem}\n  Fix: {fix}")
