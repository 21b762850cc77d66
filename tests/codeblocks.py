"""Run the code blocks of a Markdown page and compare what they print with
the output the page shows.

Rules (the same ones the test suite applies to every page of the site):

- ```python blocks run in page order, in one namespace per page, in a fresh
  temporary working directory. What a block prints (stdout) must equal the
  ```text title="Output" block that immediately follows it; a block that
  prints something must be followed by such a block.
- ```sql blocks run in page order against one in-memory SQLite database per
  page. Each statement that returns rows prints a header line of column names
  and one line per row, values joined by " | " (NULL for None); result sets are
  separated by a blank line. The output is compared in the same way.
- A block whose title contains "not run by the tests" is an excerpt: it is
  not run, and the page must link an official tutorial that runs it within
  the same section (a Markdown link to https:// before or after it).
- Fences may be indented (inside admonitions, details or list items).

Usage: python tests/codeblocks.py page.md [more.md ...]   (what tests/test_code_blocks.py runs)
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import sqlite3
import sys
import tempfile
import types
from dataclasses import dataclass
from pathlib import Path

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
TITLE = re.compile(r"""title=(["'])(?P<title>.*?)\1""")
EXCERPT = "not run by the tests"
OUTPUT_TITLE = "Output"


@dataclass
class Block:
    lang: str
    title: str
    code: str
    line: int        # 1-based line of the opening fence
    end_line: int    # 1-based line of the closing fence


def blocks(markdown: str) -> list[Block]:
    """Every fenced code block of a Markdown text, in order."""
    lines = markdown.splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence, info = match.group("indent"), match.group("fence"), match.group("info").strip()
        lang = info.split()[0].lstrip(".{").rstrip("}") if info else ""
        title_match = TITLE.search(info)
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            closing = lines[j].strip()
            if closing.startswith(fence[0] * len(fence)) and set(closing) == {fence[0]}:
                break
            body.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        found.append(Block(lang, title_match.group("title") if title_match else "", "\n".join(body) + "\n",
                           i + 1, j + 1))
        i = j + 1
    return found


def sql_output(connection: sqlite3.Connection, script: str) -> str:
    """Run each statement of script; print every result set."""
    out: list[str] = []
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            cursor = connection.execute(statement)
            if cursor.description is not None:
                rows = cursor.fetchall()
                if out:
                    out.append("")
                out.append(" | ".join(d[0] for d in cursor.description))
                out.extend(" | ".join("NULL" if v is None else str(v) for v in row) for row in rows)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]}")
    return "\n".join(out) + ("\n" if out else "")


@dataclass
class Problem:
    line: int
    message: str


def check_page(markdown: str) -> tuple[int, list[Problem]]:
    """Run the page's blocks; (number of blocks run, problems)."""
    found = blocks(markdown)
    problems: list[Problem] = []
    module = types.ModuleType("page_code")  # a real module, so dataclasses and pickle work
    sys.modules[module.__name__] = module
    namespace = module.__dict__
    connection = sqlite3.connect(":memory:")
    ran = 0
    lines = markdown.splitlines()
    old_cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)
        try:
            for index, block in enumerate(found):
                if block.title == OUTPUT_TITLE:
                    previous = found[index - 1] if index else None
                    if previous is None or previous.lang not in ("python", "sql") or EXCERPT in previous.title:
                        problems.append(Problem(block.line, "an Output block must follow a python or sql block"))
                    continue
                if EXCERPT in block.title:
                    start = max(0, block.line - 12)
                    around = "\n".join(lines[start:block.end_line + 12])
                    if "](https://" not in around and "<https://" not in around:
                        problems.append(Problem(block.line, "an excerpt must link the official tutorial that runs "
                                                            "it, next to the block"))
                    continue
                if block.lang not in ("python", "sql"):
                    continue
                ran += 1
                stdout = io.StringIO()
                try:
                    with contextlib.redirect_stdout(stdout):
                        if block.lang == "python":
                            exec(compile(block.code, f"<block at line {block.line}>", "exec"), namespace)  # noqa: S102
                        else:
                            print(sql_output(connection, block.code), end="")
                except Exception as error:  # noqa: BLE001 - report any failure of page code
                    problems.append(Problem(block.line, f"{type(error).__name__}: {error}"))
                    continue
                printed = stdout.getvalue()
                following = found[index + 1] if index + 1 < len(found) else None
                shown = following.code if following and following.title == OUTPUT_TITLE else None
                if shown is None:
                    if printed:
                        problems.append(Problem(block.line, "the block prints output but no Output block follows "
                                                            f"it; it printed:\n{printed}"))
                elif printed.rstrip("\n") != shown.rstrip("\n"):
                    problems.append(Problem(block.line, f"the Output block shows:\n{shown}\nbut the block "
                                                        f"printed:\n{printed}"))
        finally:
            os.chdir(old_cwd)
            connection.close()
            sys.modules.pop(module.__name__, None)
    return ran, problems


def main(paths: list[str]) -> int:
    failed = 0
    for path in paths:
        ran, problems = check_page(Path(path).read_text(encoding="utf-8"))
        for problem in problems:
            print(f"{path}, line {problem.line}: {problem.message}")
        print(f"{path}: {ran} blocks run, {len(problems)} problems")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
