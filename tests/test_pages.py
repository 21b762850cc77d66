"""Page Markdown cannot reach into Python through Jinja (macros/safety.py),
and MkDocs' own warnings get a fix added (macros/build_guard.py)."""
from __future__ import annotations

import pytest
from conftest import ROOT, copy_project, run_build

from macros.build_guard import fix_for
from macros.safety import check_page, check_pages, comment_in_headings, is_empty_page, jinja_escapes

ESCAPES = [
    "{{ term.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['__builtins__']['__import__']('os') }}",
    "{{ self._TemplateReference__context }}",
    "{{ x.mro() }}",
    "{{ os.system('id') }}",
    "{% set s = namespace() %}{{ s|attr('_' ~ '_class_' ~ '_') }}",
    "{{ request|attr('application') }}",
    "{{ page[('_' * 2) ~ 'class' ~ ('_' * 2)] }}",
    "{{ config.plugins['macros'].env }}",
    "{{ config['theme'] }}",
    "{{ plugin.env.globals }}",
    "{{ context() }}",
    "{{ macros_info() }}",
    "{{ environment }}",
    "{{ getattr(page, 'file') }}",
    "{{ eval('1') }}",
    "{{ open('/etc/passwd').read() }}",
    "{{ sys.modules }}",
    "{{ gen.gi_frame.f_globals }}",
    "{%- for c in ().__class__.__base__.__subclasses__() %}{% endfor %}",
    "{{\n  term.__globals__\n}}",
]

ALLOWED = [
    '{{ term("overfitting") }}',
    "{{ term('k-NN', 'k-nearest neighbours') }}",
    '{{ skill_checklist("programming") }}',
    '{{ figure("indeed-2019-salary") }}',
    "{{ config.site_name }} {{ config.repo_url }} {{ config.extra.anything }}",
    "{{ page.title }} {{ page.meta.description }}",
    '{{ term("context window") }} {{ term("OS-level virtualisation") }}',  # words in strings are fine
    "{% raw %}{{ term.__globals__ }} and {{ os.system('x') }}{% endraw %}",
    "Plain prose about os. and config. and __init__ outside any tag.",
    "{{ 7*7 }}",
]


@pytest.mark.parametrize("source", ESCAPES)
def test_escapes_are_rejected_with_file_line_and_fix(source):
    text = "# Title\n\nSome text.\n\n" + source + "\n"
    problems = jinja_escapes(text, "docs/page.md")
    assert len(problems) == 1, problems
    message = str(problems[0])
    assert message.startswith("docs/page.md, line 5: entry '")
    assert "Fix: pages may only call the site's macros" in message


@pytest.mark.parametrize("source", ALLOWED)
def test_ordinary_macro_calls_and_prose_pass(source):
    assert jinja_escapes("# Title\n\n" + source + "\n", "docs/page.md") == []


def test_the_real_pages_pass():
    assert check_pages(ROOT / "docs") == []


def test_comment_opener_in_a_heading_is_caught_with_the_fix():
    text = "# Title\n\nText.\n\n## Section {#section}\n\n## Fine { #fine }\n\n{% raw %}## Raw {#x}{% endraw %}\n"
    problems = comment_in_headings(text, "docs/a.md")
    assert [p.line for p in problems] == [5]
    assert "docs/a.md, line 5: entry '## Section {#section}'" in str(problems[0])
    assert "'## Title { #my-id }'" in str(problems[0])
    assert comment_in_headings("## Closed {# a comment #} here\n", "x") == []


@pytest.mark.parametrize("text, empty", [
    ("", True),
    ("\n\n   \n", True),
    ("---\ndescription: x\n---\n", True),
    ("---\ndescription: x\n---\n\n<!-- to do -->\n\n", True),
    ("\ufeff---\ntitle: x\n---\n", True),
    ("# Title\n", False),
    ("---\ndescription: x\n---\n\nOne line.\n", False),
])
def test_empty_page(text, empty):
    assert is_empty_page(text) is empty
    problems = check_page(text, "docs/new.md")
    assert bool(problems and "no content besides its front matter" in problems[0].problem) is empty


@pytest.mark.parametrize("message, expected", [
    ("Doc file 'a.md' contains a link 'b.md', but the target is not found among documentation files.",
     "point the link at an existing page"),
    ("Doc file 'a.md' contains a link 'b.md#x', but the doc 'b.md' does not contain an anchor '#x'.",
     "use an anchor that exists"),
    ('The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - x.md',
     "add each page listed above to 'nav:'"),
    ("ERROR # _Macro Rendering Error_\n_File_: `a.md`\n_UndefinedError_: 'nosuch' is undefined",
     "check the spelling of 'nosuch'"),
    ("_Line 3 in Markdown file:_ **Missing end of comment tag**", "'{#' opens a Jinja comment"),
])
def test_mkdocs_warnings_get_a_fix(message, expected):
    assert expected in fix_for(message)


def test_messages_that_already_have_a_fix_are_left_alone():
    assert fix_for("docs/a.md: entry 'x': unknown glossary term 'x'\n  Fix: did you mean 'y'?") is None
    assert fix_for("Documentation built in 1.2 seconds") is None


def test_a_build_with_an_escape_in_a_page_fails_naming_file_line_and_fix(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(8, "Innocent text {{ term.__globals__ }} here.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/about.md, line 9: entry '{{ term.__globals__ }}'" in result.output, result.output
    assert "'__globals__', a double-underscore name" in result.output
    assert "Fix: pages may only call the site's macros" in result.output
    assert not (tmp_path / "site" / "index.html").exists()
