"""Page facts: each page source read and parsed once, before anything renders.

Pages are Jinja templates, but a page may only *call the site's macros with
literal arguments*: `{{ term("overfitting") }}`, `{{ skill_quiz("mathematics") }}`.
Each page is parsed with Jinja's own parser and its syntax tree is checked
against that allowlist (`registry.MACROS`): no variables, attribute access,
subscripts, filters, tests, `set`, loops or includes, so a page can never
reach a Python object at build time. `{% raw %}...{% endraw %}` and
`{# comments #}` stay allowed.

The same parse gives everything else the build needs to know about a page
before rendering: its title, its front matter, the macro calls (for dates and
"used on" lists), the files it includes, and its body split into text and
calls, which `render_parts` turns into Markdown for any page context.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from .errors import DataError
from .files import parse_yaml, read_text, split_front_matter

# pymdownx.snippets includes, `--8<-- "CONTRIBUTING.md"` (relative to the project root).
_SNIPPET = re.compile(r"^-{1,}8<-{1,}[ \t]+([\"'])([^\"']+)\1[ \t]*$", re.MULTILINE)
_H1 = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)

# The lexer and parser the macros plugin uses (Jinja's defaults).
_JINJA = jinja2.Environment(autoescape=False)

FIX_HEADING = ("'{#' opens a Jinja comment: write the heading id with a space, '## Title { #my-id }', "
               "or wrap the text in {% raw %}...{% endraw %}")
FIX_EMPTY = ("write the page (a '# Title' and at least a paragraph), or delete the file and its "
             "entry under 'nav:' in mkdocs.yml")
FIX_SYNTAX = ("the page has '{{', '{%' or '{#' that is not a complete macro call: close it, or wrap "
              "the text in {% raw %}...{% endraw %}")


@dataclass(frozen=True)
class Call:
    """One macro call on a page: `{{ name(args, key=value) }}`, all literals."""

    name: str
    args: tuple[Any, ...]
    kwargs: tuple[tuple[str, Any], ...]
    line: int                          # line in the page's file
    in_comment: bool = False           # inside an HTML comment: its output never shows

    @property
    def first(self) -> Any:
        return self.args[0] if self.args else None


@dataclass(frozen=True)
class PageSource:
    src: str                           # path under docs/: "skills/programming.md"
    file: str                          # path in the repository: "docs/skills/programming.md"
    meta: dict[str, Any]               # front matter
    title: str                         # the H1, or the path when there is none
    parts: tuple[str | Call, ...]      # the body: text and macro calls, in order
    snippets: tuple[str, ...]          # files it includes with --8<--

    @property
    def calls(self) -> list[Call]:
        return [p for p in self.parts if isinstance(p, Call)]


# -- The allowlist ------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    name: str
    types: tuple[type, ...] = (str,)
    required: bool = True


def _expression(source_line: str) -> str:
    tags = _TAG.findall(source_line)
    text = tags[0] if tags else source_line.strip()
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:77] + "..."


def _describe(node: nodes.Node) -> str:
    kinds = {nodes.Getattr: "attribute access ('.')", nodes.Getitem: "a subscript ('[...]')",
             nodes.Filter: "a filter ('|')", nodes.Test: "a test ('is')", nodes.Concat: "string building ('~')",
             nodes.CondExpr: "a conditional expression", nodes.Assign: "'set'", nodes.AssignBlock: "'set'",
             nodes.For: "a loop ('for')", nodes.If: "'if'", nodes.Macro: "a template macro",
             nodes.Include: "'include'", nodes.Import: "'import'", nodes.FromImport: "'import'",
             nodes.Extends: "'extends'", nodes.Block: "'block'", nodes.With: "'with'",
             nodes.CallBlock: "'call'", nodes.FilterBlock: "'filter'"}
    for kind, name in kinds.items():
        if isinstance(node, kind):
            return name
    return f"a {type(node).__name__} expression"


def _literal(node: nodes.Node) -> tuple[bool, Any]:
    if isinstance(node, nodes.Const) and (node.value is None or isinstance(node.value, str | int | float | bool)):
        return True, node.value
    if isinstance(node, nodes.Neg) and isinstance(node.node, nodes.Const) and isinstance(node.node.value, int):
        return True, -node.node.value
    return False, None


def check_call(call: nodes.Call, macros: dict[str, tuple[Param, ...]], where: Callable) -> Call:
    """A Jinja call node -> a Call, or a DataError saying what is not allowed."""
    if not isinstance(call.node, nodes.Name):
        raise where(f"the expression calls {_describe(call.node)}; pages may only call the site's macros by name")
    name = call.node.name
    if name not in macros:
        close = difflib.get_close_matches(name, list(macros), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise where(f"'{name}' is not one of the site's macros",
                    f"{hint}the macros are: {', '.join(sorted(macros))} (listed in roadmap/registry.py)")
    params = macros[name]
    if call.dyn_args is not None or call.dyn_kwargs is not None:
        raise where(f"{name}() is called with *args or **kwargs", "pass each argument as a literal")
    args, kwargs = [], []
    for arg in call.args:
        ok, value = _literal(arg)
        if not ok:
            raise where(f"an argument of {name}() is {_describe(arg)}, not a literal",
                        'pass a quoted string or a number, e.g. term("overfitting")')
        args.append(value)
    for keyword in call.kwargs:
        ok, value = _literal(keyword.value)
        if not ok:
            raise where(f"the argument '{keyword.key}' of {name}() is {_describe(keyword.value)}, not a literal",
                        'pass a quoted string or a number')
        kwargs.append((keyword.key, value))
    signature = ", ".join(p.name if p.required else f"{p.name}=..." for p in params)
    usage = f"call it as {name}({signature})"
    if len(args) > len(params):
        raise where(f"{name}() takes at most {len(params)} argument(s), {len(args)} given", usage)
    bound: dict[str, Any] = dict(zip((p.name for p in params), args, strict=False))
    for key, value in kwargs:
        if key not in {p.name for p in params} or key in bound:
            raise where(f"{name}() got an unexpected or repeated argument '{key}'", usage)
        bound[key] = value
    for param in params:
        if param.name not in bound:
            if param.required:
                raise where(f"{name}() is missing its argument '{param.name}'", usage)
            continue
        value = bound[param.name]
        if not isinstance(value, param.types) or isinstance(value, bool) and bool not in param.types:
            wanted = " or ".join(t.__name__ for t in param.types).replace("str", "a quoted string")
            raise where(f"the argument '{param.name}' of {name}() must be {wanted}, not {value!r}", usage)
    return Call(name, tuple(args), tuple(kwargs), 0)


def parse_template(body: str, file: str, first_line: int, macros: dict[str, tuple[Param, ...]]
                   ) -> tuple[str | Call, ...]:
    """A page body -> its text and macro calls, or a DataError naming the line and the fix."""
    lines = body.splitlines()

    def error_at(lineno: int):
        def where(problem: str, fix: str = "pages may only call the site's macros (listed in "
                  "roadmap/registry.py) with literal arguments; to show braces as text, wrap them in "
                  "{% raw %}...{% endraw %}") -> DataError:
            source = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
            return DataError(file, _expression(source), problem, fix, line=first_line + lineno - 1)
        return where

    try:
        tree = _JINJA.parse(body)
    except jinja2.TemplateSyntaxError as error:
        fix = FIX_HEADING if "comment" in str(error.message) else FIX_SYNTAX
        raise error_at(error.lineno or 1)(f"template syntax error: {error.message}", fix) from None
    parts: list[str | Call] = []
    in_comment = False  # inside <!-- ... --> of the page's text
    for statement in tree.body:
        where = error_at(statement.lineno)
        if not isinstance(statement, nodes.Output):
            raise where(f"the page uses {_describe(statement)}, which pages may not use")
        for node in statement.nodes:
            where = error_at(node.lineno)
            if isinstance(node, nodes.TemplateData):
                parts.append(node.data)
                opened, closed = node.data.rfind("<!--"), node.data.rfind("-->")
                if opened != -1 or closed != -1:
                    in_comment = opened > closed
            elif isinstance(node, nodes.Name):
                raise where(f"'{node.name}' is undefined: pages can use only the site's macros",
                            f"check the spelling of '{node.name}': pages can call only the site's macros, listed "
                            "in roadmap/registry.py; to show braces as text, wrap them in {% raw %}...{% endraw %}")
            elif isinstance(node, nodes.Call):
                call = check_call(node, macros, where)
                parts.append(Call(call.name, call.args, call.kwargs, first_line + node.lineno - 1, in_comment))
            else:
                raise where(f"the expression uses {_describe(node)}, which pages may not use")
    return tuple(parts)


# -- Pages ------------------------------------------------------------------------------------

def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def check_headings(body: str, file: str, first_line: int) -> None:
    """A heading holding `{#` (a Jinja comment opener) outside raw blocks."""
    source = _RAW.sub(_blank, body)
    for number, line in enumerate(source.splitlines(), start=first_line):
        if _HEADING.match(line) and "{#" in line and "#}" not in line[line.index("{#"):]:
            raise DataError(file, line.strip(), "the heading contains '{#'", FIX_HEADING, line=number)


def page_title(body: str, fallback: str) -> str:
    match = _H1.search(body)
    return match.group(1).strip() if match else fallback


def split_page(text: str, file: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, line of the body's first line), as MkDocs splits a page."""
    parts = split_front_matter(text)
    if parts is None:
        return {}, text, 1
    meta = parse_yaml(parts.fields, file, line_offset=1) or {}
    if not isinstance(meta, dict):
        raise DataError(file, None, "the front matter is not a mapping of fields",
                        "write the fields as 'name: value' lines, e.g. description: ...")
    body = parts.body.lstrip("\n")  # MkDocs drops the blank lines after the front matter
    skipped = len(parts.body) - len(body)
    return meta, body, parts.body_line + skipped


def parse_page(text: str, src: str, macros: dict[str, tuple[Param, ...]], file: str | None = None) -> PageSource:
    file = file or f"docs/{src}"
    meta, body, first_line = split_page(text, file)
    if not _HTML_COMMENT.sub("", body).strip():
        raise DataError(file, file, "the page has no content besides its front matter", FIX_EMPTY)
    check_headings(body, file, first_line)
    parts = parse_template(body, file, first_line, macros)
    return PageSource(src=src, file=file, meta=meta, title=page_title(body, src), parts=parts,
                      snippets=tuple(m.group(2) for m in _SNIPPET.finditer(body)))


def read_pages(docs_dir: Path, macros: dict[str, tuple[Param, ...]], docs_prefix: str = "docs/"
               ) -> dict[str, PageSource]:
    """docs source path -> its parsed page, for every Markdown file under docs_dir."""
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        file = docs_prefix + src
        pages[src] = parse_page(read_text(path, file), src, macros, file)
    return pages


def render_parts(parts: Iterable[str | Call], call: Callable[[Call], str]) -> str:
    """The page body as Markdown: its text, with each macro call replaced by its output.

    For pages that pass the allowlist this is exactly what Jinja renders
    (tests/test_pages.py compares the two on every page).
    """
    return "".join(part if isinstance(part, str) else call(part) for part in parts)
