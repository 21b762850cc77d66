"""Glossary validation: one small broken fixture per rule.

Each fixture is a tiny project in tmp_path (data/glossary-categories.yml and a
few term files); `load_glossary` must refuse it with a DataError whose message
names the file, the entry and the fix, as a contributor would read it in CI.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from roadmap.errors import DataError
from roadmap.model.glossary import SHORT_MAX, Glossary, load_glossary

CATEGORIES = [{"id": "data", "title": "Data"}, {"id": "evaluation", "title": "Evaluation"}]
BODY = "The first sentence of the full definition. The second sentence adds detail."


def term_fields(term_id: str, **overrides) -> dict:
    fields = {
        "id": term_id,
        "title": term_id.replace("-", " ").capitalize(),
        "short": f"A plain one-sentence definition of {term_id}.",
        "aliases": [],
        "category": "data",
        "related": [],
        "sources": [{"title": "A book", "url": "https://example.org/book"}],
    }
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not DROP}


DROP = object()  # term_fields(..., title=DROP) leaves the field out


def write_term(root: Path, stem: str, body: str = BODY, raw_front_matter: str | None = None, **overrides) -> Path:
    """data/glossary/<stem>.md with valid fields unless overridden (or raw YAML given)."""
    folder = root / "data" / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    front = raw_front_matter if raw_front_matter is not None else yaml.safe_dump(
        term_fields(stem, **overrides), sort_keys=False, allow_unicode=True)
    path = folder / f"{stem}.md"
    path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    return path


def make_project(root: Path, categories=None) -> Path:
    """A valid two-term glossary: alpha and beta, related to each other."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "glossary-categories.yml").write_text(
        yaml.safe_dump(categories or CATEGORIES, sort_keys=False), encoding="utf-8")
    write_term(root, "alpha", related=["beta"], aliases=["first"])
    write_term(root, "beta", related=["alpha"], category="evaluation")
    return root


@pytest.fixture
def root(tmp_path) -> Path:
    return make_project(tmp_path)


def refused(root: Path, file: str, entry: str | None, *phrases: str) -> str:
    """load_glossary fails, naming file, entry and fix; returns the message."""
    with pytest.raises(DataError) as caught:
        load_glossary(root)
    message = str(caught.value)
    assert caught.value.file == file, message
    assert message.startswith(file), message
    if entry is not None:
        assert caught.value.entry == entry, message
        assert f"{file}: entry '{entry}': " in message, message
    assert "\n  Fix: " in message and caught.value.fix.strip(), message
    for phrase in phrases:
        assert phrase in message, f"{phrase!r} not in {message!r}"
    return message


# --------------------------------------------------------------------------
# The valid fixture loads (so each failure below is the one rule it breaks)
# --------------------------------------------------------------------------

def test_the_valid_minimal_fixture_loads(root):
    glossary = load_glossary(root)
    assert isinstance(glossary, Glossary)
    assert set(glossary.terms) == {"alpha", "beta"}
    alpha = glossary.terms["alpha"]
    assert alpha.title == "Alpha" and alpha.related == ("beta",) and alpha.aliases == ("first",)
    assert alpha.short == "A plain one-sentence definition of alpha."
    assert alpha.body == BODY and alpha.file == "data/glossary/alpha.md"
    assert alpha.sources[0].url == "https://example.org/book"
    assert [c.id for c in glossary.categories] == ["data", "evaluation"]
    assert glossary.lookup("FIRST").id == "alpha"


def test_the_valid_fixture_accepts_the_optional_fields_left_out(root):
    write_term(root, "gamma", aliases=DROP, related=DROP, sources=DROP)
    write_term(root, "delta", aliases=None, related=None, sources=None,
               body="Abbreviations such as e.g. and i.e. do not end a sentence. Code spans may hold `{braces}`.")
    glossary = load_glossary(root)
    assert glossary.terms["gamma"].aliases == () and glossary.terms["delta"].sources == ()


def test_a_short_definition_may_end_with_a_question_mark_and_use_abbreviations(root):
    write_term(root, "gamma", short="Why would a model, e.g. a tree, fit noise?")
    assert load_glossary(root).terms["gamma"].short.endswith("?")


def test_a_short_definition_of_exactly_the_limit_is_accepted(root):
    short = "A" + "a" * (SHORT_MAX - 2) + "."
    write_term(root, "gamma", short=short)
    assert len(load_glossary(root).terms["gamma"].short) == SHORT_MAX


# --------------------------------------------------------------------------
# Names: each name points to one term
# --------------------------------------------------------------------------

def test_alias_shared_by_two_terms(root):
    write_term(root, "alpha", related=["beta"], aliases=["shared name"])
    write_term(root, "beta", related=["alpha"], aliases=["Shared  Name"])
    refused(root, "data/glossary/beta.md", "beta", "the name 'shared name' is already used by term 'alpha'",
            "(data/glossary/alpha.md)", "Fix: remove or change this alias or title")


def test_alias_equal_to_another_terms_title(root):
    write_term(root, "gamma", aliases=["alpha"])  # alpha's title is "Alpha"
    refused(root, "data/glossary/gamma.md", "gamma", "the name 'alpha' is already used by term 'alpha'",
            "Fix: remove or change this alias")


def test_title_equal_to_another_terms_alias(root):
    write_term(root, "gamma", title="First")  # alpha has the alias "first"
    refused(root, "data/glossary/gamma.md", "gamma", "the name 'first' is already used by term 'alpha'")


def test_alias_equal_to_another_terms_id_with_spaces(root):
    write_term(root, "two-words")
    write_term(root, "zeta", aliases=["Two words"])
    refused(root, "data/glossary/zeta.md", "zeta", "the name 'two words' is already used by term 'two-words'")


def test_a_term_may_repeat_its_own_names(root):
    write_term(root, "gamma", title="Gamma", aliases=["gamma", "GAMMA"])
    assert load_glossary(root).lookup("gamma").id == "gamma"


# --------------------------------------------------------------------------
# Required fields, ids, unknown fields
# --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["id", "title", "short", "category"])
def test_missing_required_field(root, name):
    write_term(root, "gamma", **{name: DROP})
    refused(root, "data/glossary/gamma.md", "gamma", f"required field '{name}' is missing or empty",
            f"Fix: add '{name}: ...' to the front matter")


@pytest.mark.parametrize("name", ["title", "short", "category"])
def test_empty_required_field(root, name):
    write_term(root, "gamma", **{name: "   "})
    refused(root, "data/glossary/gamma.md", "gamma", f"required field '{name}' is missing or empty")


def test_id_not_matching_the_file_name(root):
    write_term(root, "gamma", id="delta")
    refused(root, "data/glossary/gamma.md", "delta", "id 'delta' does not match the file name 'gamma.md'",
            "Fix: rename the file to delta.md or set id: gamma")


@pytest.mark.parametrize("bad_id", ["Gamma", "gamma_ray", "gamma--ray", "-gamma", "gamma ray", "gamma-"])
def test_bad_id_format(root, bad_id):
    write_term(root, "gamma", id=bad_id)
    refused(root, "data/glossary/gamma.md", bad_id, f"id '{bad_id}' is not lower-case words joined by hyphens",
            "Fix: use an id like 'k-nearest-neighbours'")


def test_unknown_field(root):
    write_term(root, "gamma", tags=["x"], see_also="alpha")
    refused(root, "data/glossary/gamma.md", "gamma", "unknown field(s) see_also, tags",
            "Fix: use only aliases, category, example, id, related, short, sources, title")


@pytest.mark.parametrize("name", ["aliases", "related"])
def test_list_fields_must_be_lists_of_strings(root, name):
    write_term(root, "gamma", **{name: "alpha"})
    refused(root, "data/glossary/gamma.md", "gamma", f"'{name}' must be a list of non-empty strings",
            f"Fix: write it as {name}: [first, second]")


# --------------------------------------------------------------------------
# Related terms and categories
# --------------------------------------------------------------------------

def test_unknown_related_id_with_a_suggestion(root):
    write_term(root, "gamma", related=["alpah"])
    refused(root, "data/glossary/gamma.md", "gamma", "related term 'alpah' does not exist",
            "Fix: did you mean 'alpha'?", "or add data/glossary/alpah.md")


def test_unknown_related_id_with_nothing_close(root):
    write_term(root, "gamma", related=["zzzzzz"])
    message = refused(root, "data/glossary/gamma.md", "gamma", "related term 'zzzzzz' does not exist")
    assert "did you mean" not in message


def test_self_related(root):
    write_term(root, "gamma", related=["alpha", "gamma"])
    refused(root, "data/glossary/gamma.md", "gamma", "the term lists itself as related",
            "Fix: remove 'gamma' from 'related'")


def test_related_listed_twice(root):
    write_term(root, "gamma", related=["alpha", "alpha"])
    refused(root, "data/glossary/gamma.md", "gamma", "'related' lists a term twice")


def test_unknown_category(root):
    write_term(root, "gamma", category="statistcs")
    refused(root, "data/glossary/gamma.md", "gamma", "unknown category 'statistcs'",
            "Fix: use one of: data, evaluation (data/glossary-categories.yml)")


def test_category_file_with_an_item_without_title(tmp_path):
    make_project(tmp_path, categories=[{"id": "data", "title": "Data"}, {"id": "evaluation"}])
    refused(tmp_path, "data/glossary-categories.yml", "evaluation", "required field 'title' is missing or empty",
            "give every item both")


# --------------------------------------------------------------------------
# The short definition: one plain sentence, at most SHORT_MAX characters
# --------------------------------------------------------------------------

def test_short_over_the_limit(root):
    short = "A long definition " + "that goes on and on " * 10 + "until it ends."
    assert len(short) > SHORT_MAX
    write_term(root, "gamma", short=short)
    refused(root, "data/glossary/gamma.md", "gamma", f"'short' is {len(short)} characters, over the limit of 200",
            "Fix: shorten it to one sentence")


@pytest.mark.parametrize("short", [
    "A *bold* claim.",
    "Uses `code` here.",
    "A [link](https://example.org) here.",
    "An <b>HTML</b> tag.",
    '"><script>alert(1)</script>.',
    "Shows {{ config.site_name }} here.",
    "An attribute list { .cls } here.",
])
def test_short_with_markdown_html_or_jinja(root, short):
    write_term(root, "gamma", short=short)
    refused(root, "data/glossary/gamma.md", "gamma", "'short' contains Markdown, HTML or template characters",
            "Fix: write the short definition as plain text")


@pytest.mark.parametrize("short", ["One sentence. Then another.", "Is it one? No, two.", "No full stop at the end"])
def test_short_that_is_not_exactly_one_sentence(root, short):
    write_term(root, "gamma", short=short)
    refused(root, "data/glossary/gamma.md", "gamma", "'short' must be exactly one sentence ending with a full stop",
            "Fix: write one plain sentence")


# --------------------------------------------------------------------------
# The full definition (the Markdown body)
# --------------------------------------------------------------------------

def test_body_empty(root):
    write_term(root, "gamma", body="   \n")
    refused(root, "data/glossary/gamma.md", "gamma",
            "the full definition (the Markdown after the front matter) is empty", "Fix: write two or more sentences")


def test_body_with_one_sentence(root):
    write_term(root, "gamma", body="Only one sentence, e.g. this one.")
    refused(root, "data/glossary/gamma.md", "gamma", "the full definition has fewer than two sentences",
            "Fix: explain the term in two sentences or more")


@pytest.mark.parametrize("body", [
    "One sentence. <script>alert(1)</script> Two sentences.",
    "One sentence. Two sentences with <img src=x onerror=alert(1)>.",
    "One sentence. Two sentences.\n\n<div markdown>x</div>",
    "One sentence. A comment <!-- hidden --> follows.",
])
def test_body_with_raw_html(root, body):
    """Checked once rendered: what the HTML holds, not what the text looks like."""
    write_term(root, "gamma", body=body)
    refused(root, "data/glossary/gamma.md", "gamma", "the full definition renders to HTML that is not allowed: ",
            "Fix: write plain Markdown: paragraphs, *emphasis*, `code`")


@pytest.mark.parametrize("body", ["One sentence {{ x }}. Two sentences.",
                                  "One sentence. {% if x %}Two sentences. {% endif %}",
                                  "One sentence. Two {# hidden #} sentences."])
def test_body_with_jinja(root, body):
    write_term(root, "gamma", body=body)
    refused(root, "data/glossary/gamma.md", "gamma", "the full definition contains template syntax",
            "Fix: data is not a template")


@pytest.mark.parametrize("body", [
    'One sentence. Two sentences.\n{: onclick="alert(1)" }',
    "One sentence. Two [sentences](https://example.org){ onmouseover=alert(1) }.",
    "One sentence. Two sentences [here](javascript:alert(1)).",
    "One sentence. Two sentences [here][ref].\n\n[ref]: javascript:alert(1)",
    "One sentence. Two sentences [here](data:text/html,x).",
])
def test_body_with_attribute_lists_or_script_links(root, body):
    """attr_list and script URLs are raw HTML by another name."""
    write_term(root, "gamma", body=body)
    message = refused(root, "data/glossary/gamma.md", "gamma", "the full definition renders to HTML that is not "
                      "allowed: ", "attribute lists '{: ...}'")
    assert re.search(r"the attribute 'on\w+' on <\w+>|a link to '(javascript|data):'", message), message


def test_body_may_link_https_but_not_relative_pages(root):
    """A body is rendered on its own, so a relative link would not be resolved by MkDocs: https only."""
    write_term(root, "gamma", body="One [sentence](https://example.org/a). Two sentences.")
    assert load_glossary(root).terms["gamma"].body_html.count('href="https://example.org/a"') == 1
    write_term(root, "gamma", body="One [sentence](https://example.org/a). Two [sentences](../about.md#x).")
    refused(root, "data/glossary/gamma.md", "gamma", "a link to a relative address ('../about.md#x') on <a>")


@pytest.mark.parametrize("title", ["(Gamma) ray", "}{: .x } gamma", "'Gamma'", "-gamma", ".NET"])
def test_title_not_starting_with_a_letter_or_digit(root, title):
    """The first character files the term in the A-Z: '(' gave a dead jump link, '}' a broken build."""
    write_term(root, "gamma", title=title)
    refused(root, "data/glossary/gamma.md", "gamma", f"the title '{title}' does not start with a letter or a digit",
            "Fix: start the title with a letter or a digit")


@pytest.mark.parametrize("title", ["1-hot gamma", "ε-greedy gamma", "k-gamma"])
def test_title_starting_with_any_letter_or_digit(root, title):
    write_term(root, "gamma", title=title)
    assert load_glossary(root).terms["gamma"].title == title


def test_title_with_raw_html(root):
    write_term(root, "gamma", title="Gamma <b>ray</b>")
    refused(root, "data/glossary/gamma.md", "gamma", "the title 'Gamma <b>ray</b>' holds markup",
            "Fix: write the title as plain text")


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://example.org/book", "https://example.org/a b", 'https://e.org/")x',
                                 "javascript:alert(1)", "ftp://example.org"])
def test_source_url_that_is_not_plain_https(root, url):
    write_term(root, "gamma", sources=[{"title": "A book", "url": url}])
    refused(root, "data/glossary/gamma.md", "gamma", f"sources[0].url '{url}' is not a plain https address",
            "Fix: use an https:// address")


def test_source_without_title(root):
    write_term(root, "gamma", sources=[{"url": "https://example.org"}])
    refused(root, "data/glossary/gamma.md", "gamma", "required field 'sources[0].title' is missing or empty")


# --------------------------------------------------------------------------
# Files that are not YAML front matter at all
# --------------------------------------------------------------------------

def test_malformed_yaml_names_the_file_and_line(root):
    write_term(root, "gamma", raw_front_matter=(
        "id: gamma\n"                      # line 2 of the file (line 1 is ---)
        "title: Gamma\n"                   # line 3
        "short: A plain sentence.\n"       # line 4
        "category: data: statistics\n"     # line 5: a second ': '
        "related: []\n"))
    message = refused(root, "data/glossary/gamma.md", None, "malformed YAML at line 5,",
                      "Fix: check indentation, quote values that contain ': '")
    assert message.startswith("data/glossary/gamma.md: malformed YAML at line 5, column 15")


def test_malformed_yaml_line_counts_from_the_top_of_the_file(root):
    write_term(root, "gamma", raw_front_matter="id: gamma\n  title: Gamma\nshort: A sentence.\n")
    refused(root, "data/glossary/gamma.md", None, "malformed YAML at line 3,")


def test_malformed_category_file_names_its_line(root):
    (root / "data" / "glossary-categories.yml").write_text(
        "- id: data\n  title: Data\n- id: evaluation\n  title: Evaluation: metrics\n", encoding="utf-8")
    refused(root, "data/glossary-categories.yml", None, "malformed YAML at line 4,")


def test_file_without_front_matter(root):
    (root / "data" / "glossary" / "gamma.md").write_text("id: gamma\n\nJust text.\n", encoding="utf-8")
    refused(root, "data/glossary/gamma.md", None, "does not start with a '---' front-matter line")


def test_front_matter_never_closed(root):
    (root / "data" / "glossary" / "gamma.md").write_text("---\nid: gamma\ntitle: Gamma\n", encoding="utf-8")
    refused(root, "data/glossary/gamma.md", None, "the front matter is never closed")


def test_front_matter_that_is_not_a_mapping(root):
    write_term(root, "gamma", raw_front_matter="- id: gamma\n- title: Gamma\n")
    refused(root, "data/glossary/gamma.md", None, "the front matter is not a mapping of fields")


def test_no_term_files_at_all(tmp_path):
    make_project(tmp_path)
    for path in (tmp_path / "data" / "glossary").glob("*.md"):
        path.unlink()
    refused(tmp_path, "data/glossary/", None, "no term files found")
