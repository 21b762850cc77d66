"""Unit tests of the glossary logic and of the two escaping helpers.

Lookups run against the real data in data/glossary; the escaping helpers are
checked property-based: whatever the string, the Markdown they produce,
rendered with the site's own Markdown extensions, shows exactly that text and
creates no element or attribute of its own.
"""
from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from roadmap.errors import DataError
from roadmap.exports import glossary_records
from roadmap.markup import md_text, md_title
from roadmap.model.glossary import Category, Glossary, Term, load_glossary, resolve, singular_forms
from roadmap.pages import parse_page
from roadmap.registry import SIGNATURES
from roadmap.site import SiteData
from roadmap.urls import Links, md_link


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(ROOT)


def make_term(term_id: str, title: str, aliases=(), related=(), category="data") -> Term:
    return Term.model_construct(id=term_id, title=title, short=f"The short definition of {title}.",
                                body="One sentence. Two sentences.", body_html="<p>One sentence. Two sentences.</p>",
                                example=None, example_html="", category=category, aliases=tuple(aliases),
                                related=tuple(related), sources=(), file=f"data/glossary/{term_id}.md")


def small_glossary() -> Glossary:
    terms = [
        make_term("overfitting", "Overfitting", aliases=["overfit"], related=["model"]),
        make_term("model", "Model", aliases=["ML model"]),
        make_term("k-nearest-neighbours", "k-nearest neighbours", aliases=["k-NN", "nearest neighbour"]),
        make_term("probability", "Probability"),
        make_term("api", "API", aliases=["application programming interface"], category="engineering"),
    ]
    return Glossary({t.id: t for t in terms}, [Category(id="data", title="Data"),
                                               Category(id="engineering", title="Eng")])


# --------------------------------------------------------------------------
# Lookup: case, aliases, plurals, unknown terms
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["overfitting", "Overfitting", "OVERFITTING", "  overFitting ", "over-fitting",
                                  "overfit"])
def test_lookup_ignores_case_and_surrounding_space_and_knows_aliases(glossary, text):
    assert glossary.lookup(text, "index.md").id == "overfitting"


@pytest.mark.parametrize("text, term_id", [
    ("k-NN", "k-nearest-neighbours"),
    ("kNN", "k-nearest-neighbours"),
    ("K-nn", "k-nearest-neighbours"),
    ("nearest neighbour", "k-nearest-neighbours"),
    ("k nearest neighbours", "k-nearest-neighbours"),  # the id with spaces
    ("SSE", "sum-of-squared-errors"),
    ("residual sum of squares", "sum-of-squared-errors"),
    ("MSE", "mean-squared-error"),
])
def test_lookup_by_alias_or_id(glossary, text, term_id):
    assert glossary.lookup(text, "index.md").id == term_id


@pytest.mark.parametrize("text, term_id", [
    ("models", "model"),
    ("Models", "model"),
    ("hyperparameters", "hyperparameter"),
    ("Hyperparameters", "hyperparameter"),
    ("nearest neighbours", "k-nearest-neighbours"),  # plural of the alias "nearest neighbour"
    ("k-NNs", "k-nearest-neighbours"),
    ("features", "feature"),
    ("probabilities", "probability"),  # -ies -> -y
])
def test_lookup_by_regular_plural(glossary, text, term_id):
    assert glossary.lookup(text, "index.md").id == term_id


def test_lookup_of_unknown_term_names_page_term_and_close_suggestion(glossary):
    with pytest.raises(DataError) as caught:
        glossary.lookup("overfiting", "skills/data-modelling-and-evaluation.md")
    error = caught.value
    message = str(error)
    assert error.file == "skills/data-modelling-and-evaluation.md"
    assert error.entry == "overfiting"
    assert message.startswith("skills/data-modelling-and-evaluation.md: entry 'overfiting': ")
    assert "unknown glossary term 'overfiting'" in message
    assert "Fix: did you mean 'Overfitting' (id overfitting)" in message


@pytest.mark.parametrize("typo, title", [
    ("hyperparamter", "Hyperparameter"),
    ("k-nearest neighbour", "k-nearest neighbours"),
    ("crossvalidation", "Cross-validation"),
])
def test_the_first_suggestion_is_the_closest_term(glossary, typo, title):
    with pytest.raises(DataError, match=f"did you mean '{title}'"):
        glossary.lookup(typo, "index.md")


def test_unknown_term_with_nothing_close_says_so(glossary):
    with pytest.raises(DataError) as caught:
        glossary.lookup("qqqqzzzzxxxx", "who-hires.md")
    assert "who-hires.md: entry 'qqqqzzzzxxxx'" in str(caught.value)
    assert "no known term is close" in str(caught.value)
    assert "did you mean" not in str(caught.value)


def test_lookup_without_a_page_still_names_something(glossary):
    with pytest.raises(DataError, match=r"^\(page\): entry 'nonsense-term-xyz'"):
        glossary.lookup("nonsense-term-xyz")


def test_an_exact_name_wins_over_a_plural_reading():
    terms = [make_term("bias", "Bias"), make_term("bia", "Bia")]
    small = Glossary({t.id: t for t in terms}, [Category(id="data", title="Data")])
    assert small.lookup("bias").id == "bias"
    assert small.lookup("Bias").id == "bias"
    assert resolve("bias", small.keys) == "bias"
    assert resolve("nothing", small.keys) is None


def test_resolve_normalises_inner_whitespace_and_curly_apostrophes(glossary):
    assert resolve("Bayes\u2019   rule", glossary.keys) == "bayes-theorem"
    assert resolve("k-nearest\n neighbours", glossary.keys) == "k-nearest-neighbours"


# --------------------------------------------------------------------------
# singular_forms, relative_link
# --------------------------------------------------------------------------

@pytest.mark.parametrize("word, singular", [
    ("models", "model"),
    ("tries", "try"),
    ("probabilities", "probability"),
    ("boxes", "box"),
    ("matches", "match"),
    ("nearest neighbours", "nearest neighbour"),
])
def test_singular_forms_include_the_regular_singular(word, singular):
    assert singular in singular_forms(word)


@pytest.mark.parametrize("word", ["class", "loss", "is", "as", "s", "", "model", "data"])
def test_singular_forms_of_words_that_are_not_plurals(word):
    assert singular_forms(word) == []


def test_a_plural_finds_its_term_and_a_short_word_is_not_mistaken_for_one():
    small = small_glossary()
    assert small.lookup("probabilities").id == "probability"
    assert small.lookup("APIs").id == "api"
    with pytest.raises(DataError):
        small.lookup("ies")


@pytest.mark.parametrize("from_src, to_src, anchor, expected", [
    ("skills/programming.md", "glossary.md", "python", "../glossary.md#python"),
    ("index.md", "glossary.md", "model", "glossary.md#model"),
    ("glossary.md", "glossary.md", "model", "glossary.md#model"),
    ("glossary.md", "skills/programming.md", None, "skills/programming.md"),
    ("skills/index.md", "skills/programming.md", None, "programming.md"),
    ("skills/programming.md", "skills/index.md", None, "index.md"),
    ("skills/programming.md", "skills/programming.md", "x", "programming.md#x"),
    ("a/b/c.md", "d/e.md", None, "../../d/e.md"),
    ("skills/index.md", "responsibilities.md", "ship-models", "../responsibilities.md#ship-models"),
])
def test_md_link(from_src, to_src, anchor, expected):
    assert md_link(from_src, to_src, anchor) == expected


# --------------------------------------------------------------------------
# Usage ("used on"), read from the parsed pages, and glossary.json's records
# --------------------------------------------------------------------------

def small_site(pages: dict[str, str]) -> SiteData:
    parsed = {src: parse_page("# T\n\n" + text + "\n", src, SIGNATURES) for src, text in pages.items()}
    return SiteData(small_glossary(), [], [], {}, parsed)


def test_calls_are_found_by_the_parser_whatever_their_quoting():
    data = small_site({"a.md": 'A {{ term("model") }} and {{ term(\'k-NN\', "nearest neighbours") }}.\n'
                                '{{term( "Overfitting" )}} then {{ term(\'API\') }}'})
    assert [c.first for c in data.page("a.md").calls] == ["model", "k-NN", "Overfitting", "API"]


def test_usage_maps_each_term_to_the_sorted_pages_that_call_it():
    data = small_site({
        "b.md": '{{ term("models") }} {{ term("Model") }} {{ term("k-NN") }}',
        "a.md": '{{ term("ML model", "the model") }}',
        "skills/c.md": "{{ term('nearest neighbours') }} {{ term('API') }}",
        "d.md": "No terms here, but the word term and term() appear.",
        "e.md": '{# {{ term("probability") }} #} <!-- {{ term("overfit") }} -->\n'
                '{% raw %}Write {{ term("overfitting") }} to link a term.{% endraw %}',
    })
    assert data.pages_using("model") == ["a.md", "b.md"]
    assert data.pages_using("k-nearest-neighbours") == ["b.md", "skills/c.md"]
    assert data.pages_using("api") == ["skills/c.md"]
    assert data.pages_using("probability") == data.pages_using("overfitting") == []


def test_usage_stops_on_an_unknown_term_naming_its_page():
    with pytest.raises(DataError) as error:
        small_site({"a.md": '{{ term("model") }}', "skills/b.md": '{{ term("modle") }}'})
    assert str(error.value).startswith("docs/skills/b.md: entry 'modle': unknown glossary term 'modle'")
    assert "did you mean" in str(error.value)


def links_for(site_url: str) -> Links:
    sources = ["glossary.md", *(f"glossary/{t.id}.md" for t in small_glossary().terms.values())]
    return Links(Files([File(src, "/docs", "/site", use_directory_urls=True) for src in sources]), site_url)


def test_export_records_one_per_term_in_title_order():
    data = small_site({})
    records = glossary_records(data, links_for("https://example.org/site/"))
    assert [r["title"] for r in records] == ["API", "k-nearest neighbours", "Model", "Overfitting", "Probability"]
    by_id = {r["id"]: r for r in records}
    assert by_id["overfitting"] == {
        "id": "overfitting", "title": "Overfitting", "short": "The short definition of Overfitting.",
        "aliases": ["overfit"], "category": "data", "related": ["model"],
        "url": "https://example.org/site/glossary/overfitting/",
    }
    assert by_id["api"]["category"] == "engineering"
    assert glossary_records(data, links_for(""))[0]["url"] == "glossary/api/"


def test_data_error_message_names_file_entry_problem_and_fix():
    error = DataError("data/glossary/x.md", "x", "something is wrong", "do this")
    assert str(error) == "data/glossary/x.md: entry 'x': something is wrong\n  Fix: do this"
    assert str(DataError("data/figures.yml", None, "bad", "fix it")) == "data/figures.yml: bad\n  Fix: fix it"


# --------------------------------------------------------------------------
# md_text and md_title: property-based, rendered with the site's extensions
# --------------------------------------------------------------------------

def site_markdown_config():
    """The site's Markdown extensions and their settings, as MkDocs resolves them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


EXTENSIONS, EXTENSION_CONFIGS = site_markdown_config()
_MD = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def render(source: str) -> BeautifulSoup:
    _MD.reset()
    return BeautifulSoup(_MD.convert(source), "html.parser")


def normalised(text: str) -> str:
    return " ".join(text.split())


def test_the_site_extensions_are_really_loaded():
    """Guard for the properties below: attr_list, tables, details... are active."""
    assert {"attr_list", "md_in_html", "tables", "pymdownx.details", "footnotes", "abbr"} <= set(EXTENSIONS)
    assert render("x\n{: onclick=alert(1) }").p.get("onclick") == "alert(1)"
    assert render("??? note\n    hidden").find("details")
    assert render("a | b\n--|--\n1 | 2").find("table")


# Pieces of Markdown, HTML and Jinja syntax that a naive escaper lets through;
# mixed with arbitrary text so that Hypothesis combines them freely.
NASTY = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><b>', "'", '"', "&", "&amp;", "&lt;", "&#60;",
    "*", "**", "_", "`", "``", "[", "]", "(", ")", "[x](javascript:alert(1))", "![i](x.png)", "<https://e.org>",
    "{", "}", "{: onclick=alert(1) }", "{ .cls #id }", "{{ x }}", "{% if %}", "{#", "#", "## ", "- ", "+ ", "* ",
    "1. ", "2019. ", "---", "***", "___", "> ", ">", "<", "???", "??? note", "???+ note", "!!! note", "!!!",
    "~~~", "```", "|", " | ", ":", ": ", "[^1]", "*[HTML]: x", "[TOC]", "\\", "\\*", "    ", "\t", "\n", "\n\n",
    "=", "===", '--8<-- "README.md"', "<!-- c -->", "<div markdown>", "</p>", "\u00a0", "\u2028", "x", "word", "1",
]
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))  # no surrogates, no control characters
TEXT = st.one_of(
    st.text(PRINTABLE | st.sampled_from(" \t\n\r"), max_size=40),
    st.lists(st.sampled_from(NASTY) | st.text(PRINTABLE, max_size=3), max_size=8).map("".join),
)
# Really arbitrary: control characters too (Markdown drops STX/ETX, its own placeholders).
ANY_TEXT = st.one_of(st.text(max_size=40), TEXT)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_only_paragraphs_with_text(soup: BeautifulSoup, expected: str) -> None:
    elements = soup.find_all(True)
    assert {el.name for el in elements} <= {"p"}, soup
    assert all(el.attrs == {} for el in elements), soup
    assert soup.get_text() == expected, soup


# Where a macro's output can land: alone, on the line right after some text
# (setext underlines), after a blank line (definition lists).
CONTEXTS = ["", "Line before.\n", "Paragraph before.\n\n"]


@PROPERTY
@given(TEXT)
@example("- a list item")
@example("1. an ordered item")
@example("2019. A year")
@example("---")
@example("===")
@example(": a definition")
@example("??? note")
@example("~~~")
@example("| a | b |")
@example('--8<-- "README.md"')
@example("<script>alert(1)</script>")
@example('x {: onclick="alert(1)" }')
@example("[x](javascript:alert(1)){: onclick=alert(1) }")
def test_md_text_renders_as_exactly_the_text_and_creates_no_element(text):
    for before in CONTEXTS:
        expected = (before.rstrip("\n") + "\n" if before else "") + normalised(text)
        assert_only_paragraphs_with_text(render(before + md_text(text)), expected.rstrip("\n"))


@PROPERTY
@given(ANY_TEXT)
@example("\x02wzxhzdk:0\x03")
@example("\x02klzzwxh:0\x03")
def test_md_text_creates_no_element_even_with_control_characters(text):
    for before in CONTEXTS:
        soup = render("<div>kept</div>\n\n" + before + md_text(text))  # something in Markdown's HTML stash
        assert [el.name for el in soup.find_all(True)][:1] == ["div"], soup
        assert {el.name for el in soup.find_all(True)[1:]} <= {"p"}, soup
        assert all(el.attrs == {} for el in soup.find_all(True)), soup


@PROPERTY
@given(TEXT.filter(lambda s: s.split()))
def test_md_text_inside_a_paragraph_bold_text_and_a_heading(text):
    expected = normalised(text)
    soup = render(f"Before {md_text(text)} after.")
    assert_only_paragraphs_with_text(soup, f"Before {expected} after.")

    soup = render(f"**{md_text(text)}**")  # as the glossary shows a short definition
    assert [el.name for el in soup.find_all(True)] == ["p", "strong"], soup
    assert soup.strong.attrs == {} and soup.get_text() == expected

    soup = render(f"### {md_text(text)} {{ #entry-id }}")  # as the glossary heads an entry
    assert [el.name for el in soup.find_all(True)] == ["h3", "a"], soup  # the toc permalink
    assert soup.h3.attrs == {"id": "entry-id"}
    assert soup.h3.get_text() == expected + "¶"


@PROPERTY
@given(TEXT.filter(lambda s: s.split()))
def test_md_text_in_a_table_cell_stays_in_its_cell(text):
    soup = render(f"| A | B |\n| - | - |\n| {md_text(text)} | z |\n")
    cells = soup.select("tbody td")
    assert [c.get_text() for c in cells] == [normalised(text), "z"], soup
    assert all(el.name in ("table", "thead", "tbody", "tr", "th", "td") for el in soup.find_all(True)), soup


def link(title_text: str) -> str:
    return f'[x](https://example.org/glossary/#id {md_title(title_text)}){{ .glossary-term }}'


def assert_single_term_link(soup: BeautifulSoup) -> None:
    assert [el.name for el in soup.find_all(True)] == ["p", "a"], soup
    assert soup.p.attrs == {}
    assert set(soup.a.attrs) == {"href", "title", "class"}, soup.a.attrs
    assert soup.a["class"] == ["glossary-term"]
    assert soup.a["href"] == "https://example.org/glossary/#id"
    assert soup.get_text() == "x"


@PROPERTY
@given(TEXT)
@example('"><script>alert(1)</script>')
@example('" onmouseover="alert(1)')
@example('x") {: onclick=alert(1) } (')
@example("\\")
@example("it's &amp; &lt;b&gt;")
def test_md_title_round_trips_exactly_as_the_title_attribute(text):
    assume("<" not in text and ">" not in text)  # refused: see test_md_title_refuses_angle_brackets
    soup = render(link(text))
    assert_single_term_link(soup)
    assert soup.a["title"] == normalised(text)


@PROPERTY
@given(ANY_TEXT)
def test_md_title_creates_no_element_or_attribute_even_with_control_characters(text):
    assume("<" not in text and ">" not in text)
    assert_single_term_link(render(link(text)))


def test_md_title_refuses_angle_brackets():
    """Material's tooltip shows a title's decoded value as HTML: no escaping makes '<' safe there."""
    for text in ('"><script>alert(1)</script>', "1 < 2", "a > b", "&lt;b&gt; is fine but <b> is not"):
        with pytest.raises(ValueError, match="a tooltip cannot hold"):
            md_title(text)


def test_md_title_is_one_quoted_string():
    assert md_title('say "hi" & bye\\') == '"say &quot;hi&quot; &amp; bye&#92;"'
    assert md_title("  two\n  lines ") == '"two lines"'
