"""The parts of the benchmark (the bench/ package, `make bench`) that are not timed.

Nothing here is timed: the synthetic corpus is valid project data at a small
size and the same for the same seed; baseline A is the real pages as static
Markdown with the project's machinery dropped from the config; baseline B
replaces every term mention by its visible text and links no term page;
mkdocs.yml survives a round trip with its tags; each budget is written once
and every PASS/FAIL follows from it; the build cost table puts the project
and both baselines side by side; the heaviest skill page is the largest;
Lighthouse runs give a median and a spread; and the static server gzips
like a host.
"""
from __future__ import annotations

import gzip
import json
import re
import urllib.error
import urllib.request
from dataclasses import replace
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config as mkdocs_load_config

from bench import budgets, lighthouse
from bench.__main__ import SECTIONS, sections_of
from bench.baseline import baseline_config, make_baseline
from bench.builds import add_marginal, html_pages
from bench.corpus import generate_corpus, nav_sections, synthetic_page
from bench.lighthouse import summarise
from bench.machine import machine_line
from bench.mkdocs_yml import dump_config, load_config, plugin_name
from bench.pages import LIGHTHOUSE_PAGES, heaviest, page_url, skill_paths, weight_pages
from bench.plain import is_term_page, make_plain, plain_glossary, term_page_links, unlink_term_pages, visible_text
from bench.project import PROJECT_FILES, copy_project
from bench.report import format_table, spread_text, table_rows
from bench.weight import classify, gzip_size
from roadmap.build import ROOT, strict_build
from roadmap.files import split_front_matter
from roadmap.markup import md_text
from roadmap.model.glossary import resolve
from roadmap.navigation import with_skills
from roadmap.pages import Call, parse_page
from roadmap.registry import SIGNATURES
from roadmap.site import load_site
from roadmap.tools.serve import SiteServer

# -- copies and the synthetic corpus ------------------------------------------------

# Sizes a little above the real site's, whatever it holds today.
REAL_TERMS = len(list((ROOT / "data" / "glossary").glob("*.md")))
REAL_PAGES = len(list((ROOT / "docs").rglob("*.md")))
TERMS, PAGES = REAL_TERMS + 40, REAL_PAGES + 13


def test_copy_holds_what_a_build_reads(tmp_path):
    dest = copy_project(tmp_path / "copy")
    assert sorted(p.name for p in dest.iterdir()) == sorted(n for n in PROJECT_FILES if (ROOT / n).exists())
    assert not list(dest.rglob("__pycache__"))
    assert (dest / "docs" / "index.md").read_bytes() == (ROOT / "docs" / "index.md").read_bytes()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    dest = tmp_path_factory.mktemp("corpus") / "project"
    counts = generate_corpus(dest, terms=TERMS, pages=PAGES)
    return dest, counts


def test_corpus_has_the_requested_size(corpus):
    dest, counts = corpus
    assert counts["terms"] == TERMS == len(list((dest / "data" / "glossary").glob("*.md")))
    assert counts["pages"] == PAGES == len(list((dest / "docs").rglob("*.md")))
    assert counts["synthetic_terms"] == 40
    assert counts["synthetic_pages"] == 13


def test_corpus_passes_the_project_validation(corpus):
    """The generated term files and pages load through the project's own loaders."""
    dest, _ = corpus
    site = load_site(dest, dest / "docs")
    terms = site.terms()
    assert len(terms) == TERMS
    ids = {t.id for t in terms}
    synthetic = [t for t in terms if "-syn-" in t.id]
    assert synthetic and all(set(t.related) <= ids for t in synthetic)
    assert any(t.related for t in synthetic)
    # Every term() call on a generated page names a known term (by id, title, alias or plural).
    generated = sorted((dest / "docs" / "generated").rglob("*.md"))
    assert generated
    keys = site.glossary_keys()
    calls = [call for path in generated
             for call in parse_page(path.read_text(), path.relative_to(dest / "docs").as_posix(), SIGNATURES).calls
             if call.name == "term"]
    assert len(calls) >= 10 * len(generated)
    assert all(resolve(call.first, keys) for call in calls)
    # ... and the usage scan sees the generated pages.
    assert any(src.startswith("generated/") for t in terms for src in site.pages_using(t.id))


def test_corpus_config_lists_the_generated_pages_and_keeps_its_tags(corpus):
    dest, _ = corpus
    text = (dest / "mkdocs.yml").read_text()
    assert "!ENV" in text
    config = mkdocs_load_config(str(dest / "mkdocs.yml"))
    listed = re.findall(r"generated/\S+\.md", str(config["nav"]))
    on_disk = sorted(p.relative_to(dest / "docs").as_posix() for p in (dest / "docs" / "generated").rglob("*.md"))
    assert sorted(listed) == on_disk
    assert config["site_url"].startswith("http")  # the !ENV tag survived the rewrite


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*") if p.is_file()}


def test_corpus_is_deterministic(tmp_path):
    a = generate_corpus(tmp_path / "a", terms=REAL_TERMS + 10, pages=REAL_PAGES + 3, seed=3)
    b = generate_corpus(tmp_path / "b", terms=REAL_TERMS + 10, pages=REAL_PAGES + 3, seed=3)
    assert a == b
    for folder in ("data/glossary", "docs"):
        assert _files(tmp_path / "a" / folder) == _files(tmp_path / "b" / folder)
    assert (tmp_path / "a" / "mkdocs.yml").read_text() == (tmp_path / "b" / "mkdocs.yml").read_text()


def test_another_seed_gives_another_corpus(tmp_path):
    generate_corpus(tmp_path / "a", terms=REAL_TERMS + 10, pages=REAL_PAGES + 3, seed=3)
    generate_corpus(tmp_path / "b", terms=REAL_TERMS + 10, pages=REAL_PAGES + 3, seed=4)
    assert _files(tmp_path / "a" / "docs" / "generated") != _files(tmp_path / "b" / "docs" / "generated")


def test_synthetic_page_has_the_requested_term_calls():
    import random

    ids = [f"t{i}" for i in range(40)]
    names = {i: [f"name of {i}"] for i in ids}
    page = synthetic_page(1, random.Random(1), ids, names, calls=12, sections=5)
    assert page.startswith("# Synthetic page 1\n")
    assert page.count("{{ term(") == 12
    assert page.count("\n## Section ") == 5
    assert page == synthetic_page(1, random.Random(1), ids, names, calls=12, sections=5)


def test_nav_sections_of_fifty():
    pages = [f"p{i}.md" for i in range(120)]
    sections = nav_sections(pages)
    assert [next(iter(s)) for s in sections] == ["Generated 01", "Generated 02", "Generated 03"]
    assert [len(next(iter(s.values()))) for s in sections] == [50, 50, 20]
    assert [p for s in sections for p in next(iter(s.values()))] == pages


# -- mkdocs.yml handling -------------------------------------------------------------

def test_config_round_trip_keeps_tags(tmp_path):
    source = tmp_path / "in.yml"
    source.write_text(
        "site_url: !ENV [SITE_URL, 'https://example.org/']\n"
        "markdown_extensions:\n"
        "  - pymdownx.snippets:\n"
        "      base_path: [!relative $config_dir]\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    config = load_config(source)
    out = tmp_path / "out.yml"
    dump_config(config, out)
    assert load_config(out) == config
    text = out.read_text()
    assert "!ENV" in text and "!relative" in text and "!!python/name:material.extensions.emoji.twemoji" in text


# -- baseline A: the same pages as static Markdown ---------------------------------------

def test_baseline_config_drops_only_the_project_machinery():
    config = {
        "plugins": [{"search": {"separator": "x"}}, {"macros": {"module_name": "macros"}}, "tags"],
        "hooks": ["hooks/guard.py", "hooks/nav.py", "other/hook.py"],
        "theme": {"name": "material"},
        "markdown_extensions": ["toc"],
        "nav": [{"Home": "index.md"}],
    }
    base = baseline_config(config)
    assert [plugin_name(p) for p in base["plugins"]] == ["search", "tags"]
    assert base["hooks"] == ["other/hook.py"]
    for key in ("theme", "markdown_extensions", "nav"):
        assert base[key] == config[key]
    assert "hooks" not in baseline_config({"plugins": ["macros"], "hooks": ["hooks/guard.py"]})
    assert plugin_name("macros") == "macros"
    assert config["plugins"][1] == {"macros": {"module_name": "macros"}}  # input untouched
    assert len(config["hooks"]) == 3


REAL_SOURCES = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))


@pytest.fixture(scope="module")
def site_data():
    return load_site(ROOT, ROOT / "docs")


@pytest.fixture(scope="module")
def term_ids(site_data):
    return {t.id for t in site_data.terms()}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    return make_baseline(ROOT, tmp_path_factory.mktemp("baseline") / "project")


def test_baseline_config_is_plain_material_with_the_same_theme_extensions_and_nav(baseline, site_data):
    real, base = load_config(ROOT / "mkdocs.yml"), load_config(baseline / "mkdocs.yml")
    assert "macros" in [plugin_name(p) for p in real["plugins"]] and real["hooks"]
    assert "macros" not in [plugin_name(p) for p in base["plugins"]]
    assert "hooks" not in base  # every hook of the project is under hooks/
    for key in ("theme", "markdown_extensions", "extra_css", "extra_javascript", "not_in_nav"):
        assert base[key] == real[key], key
    # The nav in full: the skill pages the project's hook adds are written out.
    assert base["nav"] == with_skills(real["nav"], site_data.skills())
    assert all(f"'{s.page}'" in str(base["nav"]) for s in site_data.skills())


# A term mention as the project renders it: an inline link to the term's page.
_TERM_LINK = re.compile(r'<a class="glossary-term" href="(?:\.\./)*glossary/[^"/]+/" title="[^"]*">')


def test_baseline_pages_are_plain_markdown_with_static_term_links(baseline, site_data):
    docs = baseline / "docs"
    term_pages = sorted(f"glossary/{t.id}.md" for t in site_data.terms())
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == sorted(REAL_SOURCES + term_pages)
    for src in term_pages:  # the generated term pages, as plain files
        text = (docs / src).read_text()
        assert "render_macros: false" in text and split_front_matter(text).body.lstrip().startswith("# "), src
    for src in REAL_SOURCES:
        text = (docs / src).read_text()
        assert "{{" not in text and "{%" not in text, src
        # Front matter as written in the source.
        original = split_front_matter((ROOT / "docs" / src).read_text())
        kept = split_front_matter(text)
        assert (kept.fields if kept else None) == (original.fields if original else None), src
        # Each term mention is the static link the project renders it to.
        terms = [c for c in site_data.page(src).calls if c.name == "term" and not c.in_comment]
        if terms:
            assert len(_TERM_LINK.findall(text)) >= len(terms), src
    glossary = json.loads((docs / "glossary.json").read_text())
    assert len(glossary["terms"]) == len(site_data.terms())
    assert json.loads((docs / "roadmap.json").read_text())["skills"]


def test_baseline_builds_strictly(baseline, tmp_path):
    result = strict_build(baseline, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    assert (tmp_path / "site" / "glossary" / "index.html").is_file()
    assert (tmp_path / "site" / "glossary" / "overfitting" / "index.html").is_file()
    assert (tmp_path / "site" / "glossary.json").is_file()
    assert "[macros]" not in result.output


# -- baseline B: plain Material with plain-text mentions -----------------------------------

def _term_call(*args, **kwargs) -> Call:
    return Call("term", args, tuple(kwargs.items()), line=1)


@pytest.mark.parametrize(("call", "shown"), [
    (_term_call("overfitting"), "overfitting"),
    (_term_call("overfitting", "overfit models"), "overfit models"),
    (_term_call("overfitting", label="overfit models"), "overfit models"),
    (_term_call("k-NN"), "k-NN"),
    (_term_call("a<b>", "x & y"), "x &amp; y"),   # escaped as term() escapes what it shows
])
def test_a_mention_becomes_its_visible_text(call, shown):
    assert visible_text(call) == shown


@pytest.mark.parametrize(("target", "is_term"), [
    ("glossary/overfitting.md", True),
    ("../glossary/overfitting.md", True),
    ("../glossary/overfitting.md#example", True),
    ("glossary/overfitting/", True),
    ("../../glossary/overfitting/index.html", True),
    ("glossary.md", False),
    ("../glossary.md#letter-o", False),
    ("glossary/", False),
    ("glossary.json", False),
    ("glossary/not-a-term.md", False),
    ("skills/overfitting.md", False),
    ("https://example.org/glossary/overfitting/", True),
])
def test_what_counts_as_a_link_to_a_term_page(target, is_term):
    assert is_term_page(target, {"overfitting", "underfitting"}) is is_term


def test_links_to_term_pages_become_their_text_and_other_links_stay():
    ids = {"overfitting", "underfitting"}
    markdown = ('**Key terms on this page:** [Overfitting](../glossary/overfitting.md "A model learns noise"), '
                '[Under\\[fitting\\]](../glossary/underfitting.md), [the glossary](../glossary.md), '
                '[Programming](programming.md "Skill")')
    plain = unlink_term_pages(markdown, ids)
    assert plain == ('**Key terms on this page:** Overfitting, Under\\[fitting\\], [the glossary](../glossary.md), '
                     '[Programming](programming.md "Skill")')
    assert term_page_links(markdown, ids) == ["../glossary/overfitting.md", "../glossary/underfitting.md"]
    assert term_page_links(plain, ids) == []
    assert term_page_links('<a class="glossary-term" href="../glossary/overfitting/">x</a>', ids) == [
        "../glossary/overfitting/"]


def test_the_plain_glossary_is_every_term_as_text_by_letter():
    terms = [SimpleNamespace(title="Accuracy", short="The share [of] correct predictions."),
             SimpleNamespace(title="A/B test", short="An experiment."),
             SimpleNamespace(title="Bias", short="Error from *simple* models.")]
    text = plain_glossary(terms)
    assert text.splitlines() == [
        "## A", "",
        "- Accuracy: The share \\[of\\] correct predictions\\.",
        "- A/B test: An experiment\\.", "",
        "## B", "",
        "- Bias: Error from \\*simple\\* models\\."]
    assert "](" not in text and "href" not in text


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    return make_plain(ROOT, tmp_path_factory.mktemp("plain") / "project")


def test_plain_baseline_has_only_the_hand_written_pages_and_baseline_a_config(plain, baseline):
    docs = plain / "docs"
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == REAL_SOURCES  # no term pages
    assert not (docs / "glossary").exists()
    # Same theme, Markdown extensions, assets and nav; no macros plugin, no hooks.
    assert load_config(plain / "mkdocs.yml") == load_config(baseline / "mkdocs.yml")


def test_plain_baseline_replaces_every_mention_and_links_no_term_page(plain, site_data, term_ids):
    for src in REAL_SOURCES:
        text = (plain / "docs" / src).read_text()
        assert "{{" not in text and "{%" not in text, src
        assert 'class="glossary-term"' not in text, src
        assert term_page_links(text, term_ids) == [], src
        for call in site_data.page(src).calls:
            if call.name == "term" and not call.in_comment:
                assert visible_text(call) in text, (src, call)
        original = split_front_matter((ROOT / "docs" / src).read_text())
        kept = split_front_matter(text)
        assert (kept.fields if kept else None) == (original.fields if original else None), src
    # The glossary page lists every term as plain text.
    glossary = (plain / "docs" / "glossary.md").read_text()
    assert all(f"- {md_text(t.title)}: {md_text(t.short)}" in glossary for t in site_data.terms())


def test_plain_baseline_builds_strictly_with_no_term_page(plain, tmp_path, term_ids):
    site = tmp_path / "site"
    result = strict_build(plain, site)
    assert result.returncode == 0, result.output[-3000:]
    assert (site / "glossary" / "index.html").is_file()
    assert not [p for p in (site / "glossary").iterdir() if p.is_dir()]   # no glossary/<id>/
    hrefs = [h for page in site.rglob("*.html") for h in re.findall(r'href="([^"]*)"', page.read_text())]
    assert hrefs and not [h for h in hrefs if is_term_page(h, term_ids)]
    assert html_pages(site) == len(REAL_SOURCES)


# -- budgets and the tables ------------------------------------------------------------------

def _side(build_s: float, pages: int, marginal: float | None = None) -> dict:
    side = {"build_s": build_s, "all_s": [build_s], "internal_s": build_s, "pages": pages,
            "peak_rss_mb": 100 + pages / 10, "site_mb": pages / 20, "search_index_mb": pages / 1000}
    if marginal is not None:
        side["marginal_ms_per_page"] = marginal
    return side


def _size(size: str, terms: int, pages: int, a_s: float, overhead: float, vs_plain: float,
          marginal: float | None) -> dict:
    """A size row: baseline A takes a_s, the project `overhead` % more, B the project's time / vs_plain;
    the project's cost per added page is `marginal` times A's (10 ms)."""
    project_s = a_s * (1 + overhead / 100)
    built = terms + pages
    return {
        "size": size, "source": "real site" if size == "1x" else "synthetic", "terms": terms, "pages": pages,
        "runs": 3,
        "project": _side(project_s, built, None if marginal is None else 10.0 * marginal),
        "baseline_a": _side(a_s, built, None if marginal is None else 10.0),
        "baseline_b": _side(project_s / vs_plain, pages, None if marginal is None else 8.0),
        "ratio_a": 1 + overhead / 100, "overhead_a_pct": overhead, "ratio_b": vs_plain,
    }


def _visit(page: str, path: str, gzip_kb: float, index: bool = False) -> dict:
    by_type = {"html": {"raw": 1000, "gzip": 500, "requests": 1}, "js": {"raw": 9000, "gzip": 3000, "requests": 2}}
    if index:
        by_type["search index"] = {"raw": 1_500_000, "gzip": 440_000, "requests": 1}
    return {"page": page, "path": path, "requests": 10, "raw_kb": gzip_kb * 4, "gzip_kb": gzip_kb,
            "by_type": by_type, "search_index_requested": index}


def _lighthouse(page: str, path: str, perf: float, a11y: float) -> dict:
    return {"page": page, "path": path, "runs": 3, "performance": perf, "accessibility": a11y,
            "best-practices": 100, "seo": 100,
            "spread": {"performance": [perf - 2, perf], "accessibility": [a11y, a11y],
                       "best-practices": [100, 100], "seo": [100, 100]}}


def results(overhead=(10.0, 10.0, 10.0), vs_plain=1.4, marginal=(1.2, 1.1), home_kb=90.0, heavy_kb=95.0,
            glossary_kb=99.0, index_first=False, index_after=True, perf=99, a11y=100,
            preview_1x=(1.2, 1.4), preview_10x=(2.5, 2.9)) -> dict:
    return {
        "build": [_size("1x", 309, 26, 10.0, overhead[0], 1.6, None)],
        "scale": [_size("10x", 600, 200, 20.0, overhead[1], 1.5, marginal[0]),
                  _size("100x", 2000, 1000, 60.0, overhead[2], vs_plain, marginal[1])],
        "weight": {
            "first_visits": [
                _visit("home", "/", home_kb, index=index_first), _visit("skill", "/skills/programming/", 80.0),
                _visit("heaviest skill", "/skills/deep-learning/", heavy_kb),
                _visit("glossary index", "/glossary/", glossary_kb), _visit("term", "/glossary/overfitting/", 70.0)],
            "search": {**_visit("home, search started", "/", 530.0, index=index_after), "query": "overfitting"},
            "search_index": {"path": "/search/search_index.json", "raw_kb": 1549.7, "gzip_kb": 441.6,
                             "requested_on_first_visit": ["home"] if index_first else []},
        },
        "lighthouse": [_lighthouse("home", "/", perf, a11y), _lighthouse("term", "/glossary/overfitting/", 99, 100)],
        "preview": [{"size": "1x", "runs": 3, "page_s": preview_1x[0], "term_s": preview_1x[1]},
                    {"size": "10x", "runs": 3, "page_s": preview_10x[0], "term_s": preview_10x[1]}],
    }


def statuses(res: dict) -> dict[str, str]:
    return {b["budget"]: b["status"] for b in budgets.evaluate(res)}


def test_all_budgets_pass_within_limits():
    got = statuses(results())
    # build: overhead at 3 sizes, vs B at 100x, per added page at 10x and 100x; weight: 5 pages and the
    # search index twice; Lighthouse: 2 pages x 4 categories; preview: 2 sizes x 2 kinds.
    assert len(got) == (3 + 1 + 2) + (5 + 2) + 2 * 4 + 2 * 2
    assert set(got.values()) == {"PASS"}


@pytest.mark.parametrize(("kwargs", "failing"), [
    ({"overhead": (15.1, 10.0, 10.0)}, "Build overhead, project vs baseline A, 1x"),
    ({"overhead": (10.0, 10.0, 15.1)}, "Build overhead, project vs baseline A, 100x"),
    ({"vs_plain": 1.51}, "Build time, project / baseline B, 100x"),
    ({"marginal": (1.51, 1.0)}, "Cost per added page, project / baseline A, 10x"),
    ({"marginal": (1.0, 1.51)}, "Cost per added page, project / baseline A, 100x"),
    ({"home_kb": 100.1}, "First visit, home page (gzip)"),
    ({"heavy_kb": 100.1}, "First visit, heaviest skill page (gzip)"),
    ({"glossary_kb": 100.1}, "First visit, glossary index page (gzip)"),   # no separate glossary budget
    ({"index_first": True}, "First visits (of 5) that request the search index"),
    ({"index_after": False}, "Search started on the home page: search index requests"),
    ({"perf": 97}, "Lighthouse mobile performance, home page"),
    ({"a11y": 99}, "Lighthouse mobile accessibility, home page"),
    ({"preview_1x": (1.5, 1.0)}, "Live preview after saving a page, 1x"),
    ({"preview_10x": (1.0, 3.0)}, "Live preview after saving a term, 10x"),
])
def test_each_budget_fails_just_past_its_limit(kwargs, failing):
    got = statuses(results(**kwargs))
    assert got.pop(failing) == "FAIL"
    assert set(got.values()) == {"PASS"}


def test_budgets_at_the_limit_pass():
    got = statuses(results(overhead=(15.0, 15.0, 15.0), vs_plain=1.5, marginal=(1.5, 1.5), home_kb=100.0,
                           heavy_kb=100.0, glossary_kb=100.0, perf=98))
    assert set(got.values()) == {"PASS"}


def test_vs_plain_applies_at_100x_only_and_per_page_cost_where_there_is_a_previous_size():
    res = results(vs_plain=3.0)
    res["build"][0]["ratio_b"] = res["scale"][0]["ratio_b"] = 3.0
    got = statuses(res)
    assert [name for name in got if "baseline B" in name] == ["Build time, project / baseline B, 100x"]
    assert [name for name in got if "per added page" in name] == [
        "Cost per added page, project / baseline A, 10x", "Cost per added page, project / baseline A, 100x"]
    assert statuses({"build": res["build"]}) == {"Build overhead, project vs baseline A, 1x": "PASS"}


def test_sections_not_run_have_no_budget_rows():
    assert budgets.evaluate({}) == []
    only_preview = {"preview": results()["preview"]}
    assert [b["budget"] for b in budgets.evaluate(only_preview)] == [
        "Live preview after saving a page, 1x", "Live preview after saving a term, 1x",
        "Live preview after saving a page, 10x", "Live preview after saving a term, 10x"]


def test_each_budget_is_written_once_with_its_limit_and_unit():
    assert budgets.OVERHEAD.limit_text == "<= 15 %"
    assert budgets.VS_PLAIN.limit_text == "<= 1.5x"
    assert budgets.MARGINAL.limit_text == "<= 1.5x"
    assert budgets.WEIGHT.limit_text == "<= 100 kB"
    assert budgets.INDEX_ON_FIRST_VISIT.limit_text == "<= 0"
    assert budgets.INDEX_AFTER_SEARCH.limit_text == ">= 1"
    assert [b.limit_text for b in budgets.LIGHTHOUSE.values()] == [">= 98", ">= 100", ">= 100", ">= 100"]
    assert budgets.lighthouse_limit_text() == ">= 98 / 100 / 100 / 100"
    assert {size: b.limit_text for size, b in budgets.PREVIEW.items()} == {"1x": "< 1.5 s", "10x": "< 3 s"}
    assert budgets.OVERHEAD.shown(10.0) == "+10.0 %"
    assert budgets.VS_PLAIN.shown(4 / 3) == "1.33x"
    assert budgets.WEIGHT.shown(90.04) == "90.0 kB"
    assert budgets.LIGHTHOUSE["seo"].shown(100) == "100"
    assert budgets.LIGHTHOUSE["performance"].shown(97.5) == "97.5"
    assert budgets.PREVIEW["1x"].shown(1.2) == "1.20 s"


@pytest.mark.parametrize(("compare", "below", "at", "above"), [
    ("<=", True, True, False), ("<", True, False, False), (">=", False, True, True)])
def test_a_budget_holds_by_its_comparison(compare, below, at, above):
    budget = budgets.Budget("x", compare, 2.0, "s", ".2f")
    assert (budget.holds(1.99), budget.holds(2.0), budget.holds(2.01)) == (below, at, above)


@pytest.mark.parametrize("kwargs", [{}, {"overhead": (30.0, 5.0, 40.0), "vs_plain": 2.0, "home_kb": 180.0,
                                         "index_first": True, "perf": 90, "preview_10x": (4.0, 3.5)}])
def test_each_row_follows_from_its_budget(kwargs):
    res = results(**kwargs)
    rows = budgets.evaluate(res)
    found = budgets.applicable(res)
    assert len(rows) == len(found)
    for row, (budget, measured, fields) in zip(rows, found, strict=True):
        assert row == {"budget": budget.title(**fields), "measured": measured, "shown": budget.shown(measured),
                       "limit": budget.limit_text, "status": "PASS" if budget.holds(measured) else "FAIL"}
    # The main table's budget cells are those rows' limits and statuses.
    cells = {(r[3], r[4]) for r in table_rows({**res, "budgets": rows}) if r[3]}
    assert {(r["limit"], r["status"]) for r in rows if not r["budget"].startswith("Lighthouse")} <= cells


def test_changing_a_limit_in_one_place_changes_the_rows_and_the_table(monkeypatch):
    monkeypatch.setitem(budgets.PREVIEW, "1x", replace(budgets.PREVIEW["1x"], limit=1.3))
    monkeypatch.setitem(budgets.LIGHTHOUSE, "performance", replace(budgets.LIGHTHOUSE["performance"], limit=100))
    monkeypatch.setattr(budgets, "OVERHEAD", replace(budgets.OVERHEAD, limit=5.0))
    res = results()
    got = statuses(res)
    assert got["Live preview after saving a term, 1x"] == "FAIL"
    assert got["Lighthouse mobile performance, home page"] == "FAIL"
    assert got["Build overhead, project vs baseline A, 100x"] == "FAIL"
    table = format_table(res)
    assert "| 1x: save a glossary term -> rebuilt page (median of 3) | 1.40 s | < 1.3 s | FAIL |" in table
    assert "| 1.20 s | < 1.3 s | PASS |" in table
    assert "| >= 100 / 100 / 100 / 100 | FAIL |" in table
    assert "| Build overhead, project vs baseline A, 10x | +10.0 % | <= 5 % | FAIL |" in table


def _tables(text: str) -> list[list[str]]:
    """The Markdown tables of the output, each as its lines."""
    return [[line for line in block.splitlines()] for block in text.split("\n\n") if block.startswith("| ")]


def test_build_cost_table_puts_the_three_sides_of_each_size_side_by_side():
    table = format_table(results())
    build, main = _tables(table)
    assert build[0] == ("| Size | Terms | Pages built (project / A / B) | Build s, median (project / A / B) "
                        "| project / A | project / B | ms per added page (project / A / B) "
                        "| Peak RSS MB (project / A / B) | Site MB (project / A / B) |")
    assert [line.split(" | ")[0] for line in build[2:]] == [
        "| 1x (real site, 3 runs)", "| 10x (synthetic, 3 runs)", "| 100x (synthetic, 3 runs)"]
    assert build[2] == ("| 1x (real site, 3 runs) | 309 | 335 / 335 / 26 | 11.00 / 10.00 / 6.88 | 1.10x (+10.0 %) "
                        "| 1.60x | – / – / – | 134 / 134 / 103 | 16.8 / 16.8 / 1.3 |")
    assert build[3].split(" | ")[6] == "12.0 / 10.0 / 8.0"   # ms per added page: project, A, B
    # The legend says what each side is, baseline A and baseline B by name.
    legend = table.split("\n\n")[0]
    assert legend.startswith("Build cost, each size built three ways")
    assert "A = baseline A, the same pages as static Markdown" in legend
    assert "B = baseline B, plain Material with plain-text mentions" in legend
    # The budgets say which baseline each figure is held against.
    assert "| Build | Build overhead, project vs baseline A, 1x | +10.0 % | <= 15 % | PASS |" in main
    assert "| Build | Build time, project / baseline B, 100x | 1.40x | <= 1.5x | PASS |" in main
    assert ("| Build | Cost per added page, project / baseline A, 10x | 1.20x "
            "(12.0 / 10.0 / 8.0 ms per added page, project / A / B) | <= 1.5x | PASS |") in main


def test_tables_are_markdown_with_every_area():
    res = results(home_kb=180.0, index_first=True)
    res["budgets"] = budgets.evaluate(res)
    table = format_table(res)
    tables = _tables(table)
    assert len(tables) == 2
    for lines in tables:
        assert all(line.startswith("| ") and line.endswith(" |") for line in lines)
        assert len({line.count(" | ") for line in lines}) == 1  # same number of columns everywhere
    main = tables[1]
    for area in ("Build", "Weight", "Lighthouse", "Live preview"):
        assert any(line.startswith(f"| {area} |") for line in main), area
    home = next(line for line in main if "First visit, home" in line)
    assert home.endswith("| <= 100 kB | FAIL |")
    assert any(line.startswith("| Weight | First visit, heaviest skill (/skills/deep-learning/)") for line in main)
    assert "| Search index (/search/search_index.json), the real site | 1549.7 kB raw, 441.6 kB gzip |  |  |" in table
    assert "| First visits (of 5) that request the search index | 1 (home) | <= 0 | FAIL |" in table
    assert "| Search started on the home page: search index requests | 1 | >= 1 | PASS |" in table
    assert "search index 440.0" in next(line for line in main if "after starting a search" in line)
    assert ("| Lighthouse | home (/), mobile, median of 3 | 99 / 100 / 100 / 100 (perf / a11y / best practices / "
            "SEO); spread 97-99 / 100 / 100 / 100 | >= 98 / 100 / 100 / 100 | PASS |") in table
    assert "| Live preview | 10x: save a page -> rebuilt page (median of 3) | 2.50 s | < 3 s | PASS |" in table


def test_only_some_sizes_give_the_rows_they_can():
    res = results()
    del res["build"]
    build, _ = _tables(format_table(res))
    assert len(build) == 2 + 2
    assert statuses({"scale": res["scale"]}).keys() >= {"Build overhead, project vs baseline A, 10x"}


def test_marginal_cost_per_added_page_of_each_side():
    def row(project, a, b):
        return {"project": {"pages": project[0], "build_s": project[1]},
                "baseline_a": {"pages": a[0], "build_s": a[1]}, "baseline_b": {"pages": b[0], "build_s": b[1]}}

    rows = [row((335, 10.0), (335, 9.0), (26, 6.0)), row((800, 19.3), (800, 17.4), (200, 9.48)),
            row((3000, 63.3), (3000, 55.9), (1000, 21.48))]
    add_marginal(rows)
    assert all("marginal_ms_per_page" not in side for side in rows[0].values())
    assert rows[1]["project"]["marginal_ms_per_page"] == pytest.approx(20.0)
    assert rows[1]["baseline_a"]["marginal_ms_per_page"] == pytest.approx(8.4 / 465 * 1000)
    assert rows[1]["baseline_b"]["marginal_ms_per_page"] == pytest.approx(20.0)   # B's own pages: 174 added
    assert rows[2]["project"]["marginal_ms_per_page"] == pytest.approx(20.0)
    assert rows[2]["baseline_b"]["marginal_ms_per_page"] == pytest.approx(15.0)


def test_pages_built_counts_html_pages_but_not_the_404(tmp_path):
    for page in ("index.html", "404.html", "a/index.html", "a/b/index.html", "a/style.css"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("x")
    assert html_pages(tmp_path) == 3


# -- weight and Lighthouse: the pages, the heaviest skill page, median and spread -------------

def test_the_heaviest_page_is_the_largest_html_first_in_path_order_on_a_tie():
    assert heaviest({"skills/a/": 10, "skills/c/": 30, "skills/b/": 30}) == "skills/b/"
    assert heaviest({"skills/only/": 1}) == "skills/only/"


def test_weight_pages_pick_the_heaviest_skill_page_from_the_built_site(tmp_path, site_data):
    paths = skill_paths()
    assert paths == [page_url(s.page) for s in site_data.skills()] and "skills/programming/" in paths
    for i, path in enumerate(paths):
        (tmp_path / path).mkdir(parents=True)
        (tmp_path / path / "index.html").write_text("x" * (100 + (500 if path == paths[-1] else i)))
    assert weight_pages(tmp_path) == [("home", ""), ("skill", "skills/programming/"), ("heaviest skill", paths[-1]),
                                      ("glossary index", "glossary/"), ("term", "glossary/overfitting/")]


def test_lighthouse_visits_every_page_type():
    assert [label for label, _ in LIGHTHOUSE_PAGES] == [
        "home", "skill", "glossary index", "term", "resources", "projects"]
    assert [path for _, path in LIGHTHOUSE_PAGES] == [
        "", "skills/programming/", "glossary/", "glossary/overfitting/", "resources/", "projects/"]


def test_lighthouse_median_and_spread_of_the_runs():
    summary = summarise({"performance": [97, 99, 98], "seo": [100, 100, 100], "accessibility": [96, 100]})
    assert summary["median"] == {"performance": 98, "seo": 100, "accessibility": 98}
    assert summary["spread"] == {"performance": [97, 99], "seo": [100, 100], "accessibility": [96, 100]}
    row = {"performance": 98, "accessibility": 98, "best-practices": 100, "seo": 100,
           "spread": {**summary["spread"], "best-practices": [100, 100]}}
    assert spread_text(row) == "97-99 / 96-100 / 100 / 100"


def test_lighthouse_is_reinstalled_only_when_the_tree_differs_from_the_lock(tmp_path, monkeypatch):
    monkeypatch.setattr(lighthouse, "BENCH_DIR", tmp_path)
    packages = {"": {"name": "bench"}, "node_modules/lighthouse": {"version": "12.8.2"}}
    (tmp_path / "package-lock.json").write_text(json.dumps({"packages": packages}))
    assert not lighthouse.installed_as_locked()           # nothing installed
    (tmp_path / "node_modules").mkdir()
    installed = tmp_path / "node_modules" / ".package-lock.json"
    installed.write_text(json.dumps({"packages": {"node_modules/lighthouse": {"version": "12.8.2"}}}))
    assert lighthouse.installed_as_locked()               # whatever the files' dates
    installed.write_text(json.dumps({"packages": {"node_modules/lighthouse": {"version": "12.0.0"}}}))
    assert not lighthouse.installed_as_locked()


@pytest.mark.parametrize(("url", "ctype", "kind"), [
    ("http://h/search/search_index.json", "application/json", "search index"),
    ("http://h/", "text/html; charset=utf-8", "html"),
    ("http://h/assets/stylesheets/main.css", "text/css", "css"),
    ("http://h/assets/javascripts/bundle.js", "text/javascript", "js"),
    ("http://h/assets/images/favicon.png", "image/png", "images"),
    ("http://h/fonts/a.woff2", "application/octet-stream", "fonts"),
    ("http://h/sitemap.xml", "application/xml", "other"),
])
def test_classify(url, ctype, kind):
    assert classify(url, ctype) == kind


def test_gzip_size_only_compresses_text():
    body = b"a" * 10_000
    assert gzip_size(body, "text/html") < 200
    assert gzip_size(body, "image/png") == 10_000


def test_machine_line():
    info = {"date": "2026-12-01 10:00 UTC", "nproc": 2, "ram_gib": 23.5, "load_average_1min": [0.5, 0.9],
            "os": "Linux", "python": "3.11.7", "chromium": "Chromium 1", "node": "v20", "lighthouse": "12.8.2",
            "mkdocs": "1.6.1", "mkdocs-material": "9.8.2", "mkdocs-macros-plugin": "1.5.0"}
    assert machine_line(info) == (
        "2026-12-01 10:00 UTC; 2 cores, 23.5 GiB RAM, load average 0.5 -> 0.9, Linux; Python 3.11.7; "
        "Chromium 1; node v20, Lighthouse 12.8.2; mkdocs 1.6.1, Material 9.8.2, macros 1.5.0")


def test_sections_of_the_command_line():
    assert sections_of(None) == list(SECTIONS)
    assert sections_of(" weight, build ,") == ["weight", "build"]


# -- the static server (roadmap/tools/serve.py) ---------------------------------------------

def _get(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read(), response.geturl()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read(), url


@pytest.fixture
def served(tmp_path):
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "index.html").write_text("<html>home " + "x" * 2000 + "</html>")
    (site / "page" / "index.html").write_text("<html>page</html>")
    (site / "404.html").write_text("<html>not here</html>")
    (site / "logo.png").write_bytes(b"\x89PNG" + b"\0" * 500)
    with SiteServer(site, gzip=True) as server:
        yield server


def test_server_gzips_text_when_accepted(served):
    assert served.url.startswith("http://127.0.0.1:") and not served.url.endswith(":0/")
    status, headers, body, _ = _get(served.url)
    assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body).startswith(b"<html>home")
    status, headers, body, _ = _get(served.url, gzip_ok=False)
    assert headers["Content-Encoding"] is None and body.startswith(b"<html>home")
    status, headers, body, _ = _get(served.url + "logo.png")
    assert headers["Content-Encoding"] is None and len(body) == 504
    size = (served.directory / "index.html").stat().st_size
    assert served.requests[0].path == "/" and served.requests[0].size == size > served.requests[0].sent


def test_server_redirects_folders_and_serves_the_sites_404(served):
    status, _, body, final = _get(served.url + "page", gzip_ok=False)
    assert status == 200 and final == served.url + "page/" and body == b"<html>page</html>"
    status, _, body, _ = _get(served.url + "missing/", gzip_ok=False)
    assert status == 404 and body == b"<html>not here</html>"
    assert [(r.path, r.status) for r in served.requests] == [("/page/", 200), ("/missing/", 404)]


def test_server_without_gzip_sends_files_as_they_are(tmp_path):
    (tmp_path / "index.html").write_text("<html>" + "x" * 2000 + "</html>")
    with SiteServer(tmp_path) as server:
        status, headers, body, _ = _get(server.url)
    assert status == 200 and headers["Content-Encoding"] is None and len(body) == 2013


def test_a_rebuild_counts_as_done_once_the_server_says_it_is_over(tmp_path):
    from bench.preview import builds_done

    log = tmp_path / "serve.log"
    log.write_text("INFO - Building documentation...\nINFO - Documentation built in 6.5 seconds\n"
                   "INFO - [18:32:31] Detected file changes\nINFO - Building documentation...\n"
                   "INFO - [18:32:32] Reloading browsers\nINFO - [18:32:33] Detected file changes\n"
                   "ERROR - An error happened during the rebuild. The server will appear stuck\n", encoding="utf-8")
    assert builds_done(log) == 2   # the first build is before serving; each rebuild ends in one of the two
