"""Pages may only call the site's macros with literal arguments (roadmap/pages.py).

Each page is parsed with Jinja's own parser and its syntax tree is checked
against the allowlist: nothing else a template can do (variables, attributes,
subscripts, filters, `set`, loops) is accepted, so no page can reach a Python
object at build time. The parse is also what the build renders from, so it
must give exactly what Jinja renders: checked on every real page below.
"""
from __future__ import annotations

import jinja2
import pytest
from conftest import ROOT, copy_project, run_build

from roadmap.errors import DataError
from roadmap.messages import fix_for
from roadmap.pages import parse_page, render_parts
from roadmap.registry import SIGNATURES
from roadmap.site import load_site

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
    # Built by string concatenation: no name of a dunder is ever written out.
    "{{ (term|attr('_' ~ '_glob' ~ 'als_' ~ '_'))['o' ~ 's'].popen('id').read() }}",
    "{{ term('x')|safe }}",
    "{{ term('x' ~ 'y') }}",
    "{{ term(page.title) }}",
    "{% set x = 1 %}",
    "{% if true %}x{% endif %}",
    "{% include 'other.md' %}",
    "{% macro m() %}x{% endmacro %}",
    "{{ config.site_name }}",
    "{{ page.title }}",
    "{{ 7*7 }}",
    "{{ term }}",
    "{{ term.__call__('x') }}",
    "{{ term(*['x']) }}",
    "{{ term(**{'text': 'x'}) }}",
    "{{ lipsum() }}",
    "{{ range(10) }}",
]


# Macro misuse: the right name, the wrong arguments.
MISUSE = [
    ("{{ term() }}", "term() is missing its argument 'text'"),
    ("{{ term(42) }}", "the argument 'text' of term() must be a quoted string, not 42"),
    ("{{ term('a', 'b', 'c') }}", "term() takes at most 2 argument(s), 3 given"),
    ("{{ term('a', colour='red') }}", "term() got an unexpected or repeated argument 'colour'"),
    ("{{ term('a', text='b') }}", "term() got an unexpected or repeated argument 'text'"),
    ("{{ skill_checklist(None) }}", "must be a quoted string, not None"),
    ("{{ glossary('x') }}", "glossary() takes at most 0 argument(s), 1 given"),
    ("{{ trem('overfitting') }}", "'trem' is not one of the site's macros"),
]

ALLOWED = [
    '{{ term("overfitting") }}',
    "{{ term('k-NN', 'k-nearest neighbours') }}",
    "{{ term('k-NN', label='k-nearest neighbours') }}",
    '{{ skill_checklist("programming") }}',
    '{{ figure("indeed-2019-salary") }}',
    '{{ term("context window") }} {{ term("OS-level virtualisation") }}',  # words in strings are fine
    "{% raw %}{{ term.__globals__ }} and {{ os.system('x') }}{% endraw %}",
    "Plain prose about os. and config. and __init__ outside any tag.",
    "{# a comment with {{ anything }} #}",
    "{{- term('overfitting') -}}",
]


def parse(source: str):
    return parse_page("# Title\n\nSome text.\n\n" + source + "\n", "page.md", SIGNATURES)


@pytest.mark.parametrize("source", ESCAPES)
def test_anything_but_a_macro_call_is_refused_with_file_line_and_fix(source):
    with pytest.raises(DataError) as error:
        parse(source)
    message = str(error.value)
    line = 6 if source.startswith("{{\n") else 5  # the line of the expression itself
    assert message.startswith(f"docs/page.md, line {line}: entry '"), message
    assert "Fix: " in message


@pytest.mark.parametrize("source, problem", MISUSE)
def test_a_macro_called_wrongly_is_refused_with_its_signature(source, problem):
    with pytest.raises(DataError) as error:
        parse(source)
    message = str(error.value)
    assert message.startswith("docs/page.md, line 5: entry '"), message
    assert problem in message
    assert "Fix: " in message


@pytest.mark.parametrize("source", ALLOWED)
def test_ordinary_macro_calls_and_prose_pass(source):
    parse(source)


def test_calls_are_read_with_their_literal_arguments_and_lines():
    page = parse("{{ term('k-NN', label='nearest') }}\n{% raw %}{{ term('x') }}{% endraw %}\n{{ roadmap() }}")
    assert [(c.name, c.args, c.kwargs, c.line) for c in page.calls] == [
        ("term", ("k-NN",), (("label", "nearest"),), 5), ("roadmap", (), (), 7)]
    commented = parse("<!-- {{ term('kaggle') }} -->\n{{ term('python') }}")
    assert [c.in_comment for c in commented.calls] == [True, False]


def test_rendering_the_parts_is_exactly_what_jinja_renders_on_every_page():
    """The build renders pages from the parse; the macros plugin renders them
    with Jinja. On every real page both give the same text."""
    site = load_site(ROOT, ROOT / "docs")
    calls = []

    def fake(name):
        def call(*args, **kwargs):
            calls.append(name)
            return f"<{name}:{args}:{sorted(kwargs.items())}>"
        return call

    env = jinja2.Environment()
    env.globals.update({name: fake(name) for name in SIGNATURES})
    checked = 0
    for src in site.page_sources():
        page = site.page(src)
        body = (ROOT / page.file).read_text(encoding="utf-8")
        body = body.split("---\n", 2)[2].lstrip("\n") if body.startswith("---\n") else body
        ours = render_parts(page.parts, lambda c: f"<{c.name}:{c.args}:{sorted(c.kwargs)}>")
        assert ours == env.from_string(body).render(), src
        checked += 1
    assert checked >= 15 and calls


def test_comment_opener_in_a_heading_is_caught_with_the_fix():
    with pytest.raises(DataError) as error:
        parse_page("# Title\n\nText.\n\n## Section {#section}\n\n## Fine { #fine }\n", "a.md", SIGNATURES)
    assert "docs/a.md, line 5: entry '## Section {#section}'" in str(error.value)
    assert "'## Title { #my-id }'" in str(error.value)
    parse_page("# T\n\n{% raw %}## Raw {#x}{% endraw %}\n\n## Closed {# a comment #} here\n", "a.md", SIGNATURES)


@pytest.mark.parametrize("text, empty", [
    ("", True),
    ("\n\n   \n", True),
    ("---\ndescription: x\n---\n", True),
    ("---\ndescription: x\n---\n\n<!-- to do -->\n\n", True),
    ("# Title\n", False),
    ("---\ndescription: x\n---\n\nOne line.\n", False),
])
def test_empty_page(text, empty):
    if empty:
        with pytest.raises(DataError, match="no content besides its front matter"):
            parse_page(text, "new.md", SIGNATURES)
    else:
        assert parse_page(text, "new.md", SIGNATURES).parts


def test_a_page_with_a_repeated_front_matter_key_is_refused():
    with pytest.raises(DataError, match="a key is written twice at line 3"):
        parse_page("---\ndescription: a\ndescription: b\n---\n# T\n", "a.md", SIGNATURES)


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
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(8, "Innocent text {{ term.__globals__ }} here.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/about.md, line 9: entry '{{ term.__globals__ }}'" in result.output, result.output
    assert "the expression uses attribute access ('.'), which pages may not use" in result.output
    assert "Fix: pages may only call the site's macros" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_page_payload_reaches_no_python_object_even_if_the_parser_were_bypassed(tmp_path):
    """Defence in depth: the macros plugin renders pages in Jinja's sandbox,
    which refuses the attribute walk an escape needs."""
    from jinja2.sandbox import SandboxedEnvironment

    from roadmap.state import sandboxed

    plugin_env = jinja2.Environment(undefined=jinja2.StrictUndefined)  # on_undefined: strict
    env = sandboxed(plugin_env)
    assert isinstance(env, SandboxedEnvironment)
    env.globals["term"] = lambda text: text
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.from_string("{{ term.__globals__ }}").render()
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.from_string("{{ ''.__class__.__mro__ }}").render()
