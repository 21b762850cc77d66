"""The pure parts of the benchmark (scripts/bench.py, `make bench`).

Nothing here is timed: the synthetic corpus is valid project data at a small
size, the baseline config drops exactly the macros machinery, mkdocs.yml
survives a round trip with its tags, and the budgets and the table say
PASS/FAIL where they should.
"""
from __future__ import annotations

import importlib.util
import re
import sys

import pytest
from conftest import ROOT
from mkdocs.config import load_config as mkdocs_load_config

from macros.glossary import TERM_CALL, resolve
from macros.site_data import load_site_data

_spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench"] = bench
_spec.loader.exec_module(bench)


# -- synthetic corpus --------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    dest = tmp_path_factory.mktemp("corpus") / "project"
    counts = bench.generate_corpus(dest, terms=140, pages=30)
    return dest, counts


def test_corpus_has_the_requested_size(corpus):
    dest, counts = corpus
    real_terms = len(list((ROOT / "data" / "glossary").glob("*.md")))
    real_pages = len(list((ROOT / "docs").rglob("*.md")))
    assert counts["terms"] == 140 == len(list((dest / "data" / "glossary").glob("*.md")))
    assert counts["pages"] == 30 == len(list((dest / "docs").rglob("*.md")))
    assert counts["synthetic_terms"] == 140 - real_terms
    assert counts["synthetic_pages"] == 30 - real_pages


def test_corpus_passes_the_project_validation(corpus):
    """The generated term files and pages load through the project's own loaders."""
    dest, _ = corpus
    site = load_site_data(dest, dest / "docs")
    assert len(site.glossary.terms) == 140
    synthetic = [t for t in site.glossary.terms if "-syn-" in t]
    assert synthetic and all(site.glossary.terms[t].related is not None for t in synthetic)
    # Every term() call on a generated page names a known term (by id, title, alias or plural).
    generated = sorted((dest / "docs" / "generated").rglob("*.md"))
    assert generated
    calls = [m.group(2) for page in generated for m in TERM_CALL.finditer(page.read_text())]
    assert len(calls) >= 10 * len(generated)
    assert all(resolve(text, site.glossary.keys) for text in calls)
    # ... and the usage scan sees the generated pages.
    assert any(src.startswith("generated/") for pages in site.usage.values() for src in pages)


def test_corpus_config_lists_the_generated_pages_and_keeps_its_tags(corpus):
    dest, _ = corpus
    text = (dest / "mkdocs.yml").read_text()
    assert "!ENV" in text
    config = mkdocs_load_config(str(dest / "mkdocs.yml"))
    listed = re.findall(r"generated/\S+\.md", str(config["nav"]))
    on_disk = sorted(p.relative_to(dest / "docs").as_posix() for p in (dest / "docs" / "generated").rglob("*.md"))
    assert sorted(listed) == on_disk
    assert config["site_url"].startswith("http")  # the !ENV tag survived the rewrite


def test_corpus_is_deterministic(tmp_path):
    a = bench.generate_corpus(tmp_path / "a", terms=110, pages=17, seed=3)
    b = bench.generate_corpus(tmp_path / "b", terms=110, pages=17, seed=3)
    assert a == b
    for path in (tmp_path / "a" / "data" / "glossary").glob("*-syn-*.md"):
        assert path.read_text() == (tmp_path / "b" / "data" / "glossary" / path.name).read_text()


# -- mkdocs.yml handling -------------------------------------------------------

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
    config = bench.load_config(source)
    out = tmp_path / "out.yml"
    bench.dump_config(config, out)
    assert bench.load_config(out) == config
    text = out.read_text()
    assert "!ENV" in text and "!relative" in text and "!!python/name:material.extensions.emoji.twemoji" in text


def test_baseline_config_drops_only_the_macros_machinery():
    config = {
        "plugins": [{"search": {"separator": "x"}}, {"macros": {"module_name": "macros"}}, "tags"],
        "hooks": ["macros/hooks.py", "macros/build_guard.py", "other/hook.py"],
        "theme": {"name": "material"},
    }
    base = bench.baseline_config(config)
    assert [bench.plugin_name(p) for p in base["plugins"]] == ["search", "tags"]
    assert base["hooks"] == ["other/hook.py"]
    assert base["theme"] == config["theme"]
    assert "hooks" not in bench.baseline_config({"plugins": ["macros"], "hooks": ["macros/hooks.py"]})
    assert bench.plugin_name("macros") == "macros"
    assert config["plugins"][1] == {"macros": {"module_name": "macros"}}  # input untouched


# -- budgets and the table ------------------------------------------------------

def results(overhead=10.0, per_page=(60.0, 20.0), home_kb=90.0, glossary_kb=140.0,
            perf=99, a11y=100, preview=(1.2, 1.4)) -> dict:
    return {
        "build": {"runs": 5, "real_s": 1.0 * (1 + overhead / 100), "baseline_s": 1.0,
                  "ratio": 1 + overhead / 100, "overhead_pct": overhead},
        "scale": [
            {"size": "1x", "terms": 100, "pages": 16, "build_s": 1.0, "per_page_ms": per_page[0],
             "peak_rss_mb": 60, "site_mb": 4, "search_index_mb": 0.3},
            {"size": "100x", "terms": 2000, "pages": 1000, "build_s": 20.0, "per_page_ms": per_page[1],
             "peak_rss_mb": 160, "site_mb": 100, "search_index_mb": 10, "marginal_ms_per_page": 19.3},
        ],
        "weight": [
            {"page": "home", "path": "/", "requests": 10, "raw_kb": 600, "gzip_kb": home_kb,
             "by_type": {"html": {"raw": 1, "gzip": 1, "requests": 1}}},
            {"page": "glossary", "path": "/glossary/", "requests": 10, "raw_kb": 900, "gzip_kb": glossary_kb,
             "by_type": {"html": {"raw": 1, "gzip": 1, "requests": 1}}},
        ],
        "lighthouse": [{"page": "home", "path": "/", "performance": perf, "accessibility": a11y,
                        "best-practices": 100, "seo": 100}],
        "preview": {"runs": 3, "page_s": preview[0], "term_s": preview[1]},
    }


def statuses(res: dict) -> dict[str, str]:
    return {b["budget"]: b["status"] for b in bench.evaluate_budgets(res)}


def test_all_budgets_pass_within_limits():
    got = statuses(results())
    assert len(got) == 1 + 1 + 2 + 4 + 2
    assert set(got.values()) == {"PASS"}


@pytest.mark.parametrize(("kwargs", "failing"), [
    ({"overhead": 15.1}, "Macros and glossary overhead over plain Material"),
    ({"per_page": (20.0, 30.1)}, "Per-page build time, 100x / 1x"),
    ({"home_kb": 100.1}, "First visit, home page (gzip, incl. search index)"),
    ({"glossary_kb": 150.1}, "First visit, glossary page (gzip, incl. search index)"),
    ({"perf": 97}, "Lighthouse mobile performance, home page"),
    ({"a11y": 99}, "Lighthouse mobile accessibility, home page"),
    ({"preview": (2.0, 1.0)}, "Live preview after saving a page"),
    ({"preview": (1.0, 2.5)}, "Live preview after saving a term"),
])
def test_each_budget_fails_just_past_its_limit(kwargs, failing):
    got = statuses(results(**kwargs))
    assert got.pop(failing) == "FAIL"
    assert set(got.values()) == {"PASS"}


def test_budgets_at_the_limit_pass():
    got = statuses(results(overhead=15.0, per_page=(20.0, 30.0), home_kb=100.0, glossary_kb=150.0, perf=98))
    assert set(got.values()) == {"PASS"}


def test_sections_not_run_have_no_budget_rows():
    assert bench.evaluate_budgets({}) == []
    only_preview = {"preview": results()["preview"]}
    assert [b["budget"] for b in bench.evaluate_budgets(only_preview)] == [
        "Live preview after saving a page", "Live preview after saving a term"]


def test_table_is_one_markdown_table_with_every_area():
    res = results(home_kb=180.0)
    res["budgets"] = bench.evaluate_budgets(res)
    table = bench.format_table(res)
    lines = table.splitlines()
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines)
    assert len({line.count(" | ") for line in lines}) == 1  # same number of columns everywhere
    for area in ("Build", "Scale 1x", "Scale 100x", "Weight", "Lighthouse", "Live preview"):
        assert any(line.startswith(f"| {area} |") for line in lines), area
    home = next(line for line in lines if "First visit, home" in line)
    assert home.endswith("| <= 100 kB | FAIL |")
    assert "19 ms per added page" in table


def test_marginal_cost_per_added_page():
    rows = [{"pages": 16, "build_s": 1.0}, {"pages": 200, "build_s": 4.68}, {"pages": 1000, "build_s": 18.68}]
    bench.add_marginal(rows)
    assert "marginal_ms_per_page" not in rows[0]
    assert rows[1]["marginal_ms_per_page"] == pytest.approx(20.0)
    assert rows[2]["marginal_ms_per_page"] == pytest.approx(17.5)


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
    assert bench.classify(url, ctype) == kind


def test_gzip_size_only_compresses_text():
    body = b"a" * 10_000
    assert bench.gzip_size(body, "text/html") < 200
    assert bench.gzip_size(body, "image/png") == 10_000
