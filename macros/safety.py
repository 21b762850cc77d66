"""Checks on page sources before any page is rendered (called by define_env).

The pages are Jinja templates, and Jinja is not sandboxed here: an expression
such as `{{ term.__globals__ }}` reaches Python's internals at build time. A
page only needs to call the site's macros, so anything that reaches further is
rejected with the file, the line and the fix. The same pass catches two
mistakes that otherwise fail late or silently: `{#` in a heading (it opens a
Jinja comment) and a page with nothing in it.

Everything here is pure: text in, a list of problems out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Jinja tags: {{ ... }} and {% ... %} (possibly over several lines).
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")

# What a page may read from `config` (the site settings, no plugin objects).
CONFIG_FIELDS = ("site_name", "site_url", "site_description", "site_author",
                 "repo_url", "repo_name", "copyright", "extra")

# (pattern, what it is). Dunders and `mro` are looked for everywhere in a tag,
# string literals included (`attr('__globals__')`); the rest in the code only.
_IN_TAG = [
    (re.compile(r"__\w*"), "a double-underscore name: it reaches Python internals"),
    (re.compile(r"\bmro\b"), "'mro': it walks Python's class hierarchy"),
]
_IN_CODE = [
    (re.compile(r"\b(?:os|sys|subprocess|builtins|importlib|shutil|socket|pathlib|posix|io)\s*\."),
     "a Python module"),
    (re.compile(r"\b(?:import|getattr|setattr|delattr|eval|exec|compile|open|globals|locals|vars|"
                r"breakpoint)\s*\("),
     "a Python built-in"),
    (re.compile(r"\b(?:f|gi|cr|ag|tb)_(?:globals|builtins|locals|frame|back|code)\b"),
     "a frame or generator internal"),
    (re.compile(r"\|\s*attr\b|\battr\s*\("), "the 'attr' filter: it looks attributes up by a built string"),
    (re.compile(r"\b(?:plugin|environment|context|macros_info)\b"),
     "the macros plugin's internals (plugin, environment, context, macros_info)"),
    (re.compile(r"\bconfig\s*(?:\.\s*|\[\s*)(?!(?:" + "|".join(CONFIG_FIELDS) + r")\b)"),
     "the build configuration beyond the site settings (config.plugins, config.theme, ...)"),
    (re.compile(r"\[[^\]]*(?:~|\+|\*|%|\|)[^\]]*\]"), "a subscript built from strings or filters"),
]

FIX_ESCAPE = ("pages may only call the site's macros (term, figure, skill_checklist, ...) and read "
              f"plain values such as page.title or config.site_name ({', '.join(CONFIG_FIELDS)}); "
              "remove the expression, or if it is meant as text wrap it in {% raw %}...{% endraw %}")
FIX_HEADING = ("'{#' opens a Jinja comment: write the heading id with a space, '## Title { #my-id }', "
               "or wrap the text in {% raw %}...{% endraw %}")
FIX_EMPTY = ("write the page (a '# Title' and at least a paragraph), or delete the file and its "
             "entry under 'nav:' in mkdocs.yml")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    entry: str
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}: entry '{self.entry}': {self.problem}\n  Fix: {self.fix}"


def _blank(match: re.Match) -> str:
    """Replace a region by spaces and newlines, so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _short(tag: str, limit: int = 80) -> str:
    flat = " ".join(tag.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def jinja_escapes(text: str, file: str) -> list[Problem]:
    """Jinja expressions in a page source that reach beyond the macros."""
    source = _RAW.sub(_blank, text)
    problems = []
    for tag in _TAG.finditer(source):
        code = _STRING.sub("''", tag.group(0))
        found = [(p.search(tag.group(0)), what) for p, what in _IN_TAG]
        found += [(p.search(code), what) for p, what in _IN_CODE]
        for match, what in found:
            if match:
                problems.append(Problem(
                    file, _line_of(source, tag.start()), _short(tag.group(0)),
                    f"the expression uses '{match.group(0).strip()}', {what}", FIX_ESCAPE))
                break
    return problems


def comment_in_headings(text: str, file: str) -> list[Problem]:
    """Headings holding `{#` (a Jinja comment opener), outside raw blocks."""
    source = _RAW.sub(_blank, text)
    problems = []
    for number, line in enumerate(source.splitlines(), start=1):
        if _HEADING.match(line) and "{#" in line and "#}" not in line[line.index("{#"):]:
            problems.append(Problem(file, number, line.strip(), "the heading contains '{#'", FIX_HEADING))
    return problems


def is_empty_page(text: str) -> bool:
    """True when a page holds nothing besides front matter, comments and blanks."""
    body = _FRONT_MATTER.sub("", text.lstrip("\ufeff"), count=1)
    return not _HTML_COMMENT.sub("", body).strip()


def check_page(text: str, file: str) -> list[Problem]:
    if is_empty_page(text):
        return [Problem(file, None, file, "the page has no content besides its front matter", FIX_EMPTY)]
    return jinja_escapes(text, file) + comment_in_headings(text, file)


def check_pages(docs_dir: Path, display_prefix: str = "docs/") -> list[Problem]:
    """Every problem in every Markdown page under docs_dir, in path order."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        display = display_prefix + path.relative_to(docs_dir).as_posix()
        problems += check_page(path.read_text(encoding="utf-8"), display)
    return problems
