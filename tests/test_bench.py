"""The parts of the benchmark (the bench/ package, `make bench`) that are not timed.

Nothing here is timed: the synthetic corpus is valid project data at a small
size and the same for the same seed, the baseline is the real pages as plain
Markdown with the project's machinery dropped from the config, mkdocs.yml
survives a round trip with its tags, each budget is written once and every
PASS/FAIL follows from it, the table says PASS/FAIL where it should, and the
static server gzips like a host.
"""
from __future__ import annotations

import gzip
import json
import re
import urllib.error
import urllib.request
from dataclasses import replace

import pytest
from mkdocs.config import load_config as mkdocs_load_config

from bench import budgets
from bench.__main__ import SECTIONS, sections_of
from bench.baseline import baseline_config, make_baseline
from bench.builds import add_marginal
from bench.corpus import generate_corpus, nav_sections, synthetic_page
from bench.machine import machine_line
from bench.mkdocs_yml import dump_config, load_config, plugin_name
from bench.project import PROJECT_FILES, copy_project
from bench.report import format_table, table_rows
from bench.weight import classify, gzip_size
from roadmap.build import ROOT, strict_build
from roadmap.files import split_front_matter
from roadmap.model.glossary import resolve
from roadmap.navigation import with_skills
from roadmap.pages import parse_page
from roadmap.registry import SIGNATURES
from roadmap.site import load_site
from roadmap.tools.serve import SiteServer
from roadmap.urls import md_link

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


# -- the baseline ----------------------------------------------------------------------

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


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    return make_baseline(ROOT, tmp_path_factory.mktemp("baseline") / "project")


def test_baseline_config_is_plain_material_with_the_same_theme_extensions_and_nav(baseline):
    real, base = load_config(ROOT / "mkdocs.yml"), load_config(baseline / "mkdocs.yml")
    assert "macros" in [plugin_name(p) for p in real["plugins"]] and real["hooks"]
    assert "macros" not in [plugin_name(p) for p in base["plugins"]]
    assert "hooks" not in base  # every hook of the project is under hooks/
    for key in ("theme", "markdown_extensions", "extra_css", "extra_javascript", "not_in_nav"):
        assert base[key] == real[key], key
    # The nav in full: the skill pages the project's hook adds are written out.
    site = load_site(ROOT, ROOT / "docs")
    assert base["nav"] == with_skills(real["nav"], site.skills())
    assert all(f"'{s.page}'" in str(base["nav"]) for s in site.skills())


def test_baseline_pages_are_plain_markdown_with_static_term_links(baseline):
    docs = baseline / "docs"
    real = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    site = load_site(ROOT, ROOT / "docs")
    term_pages = sorted(f"glossary/{t.id}.md" for t in site.terms())
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == sorted(real + term_pages)
    for src in term_pages:  # the generated term pages, as plain files
        text = (docs / src).read_text()
        assert "render_macros: false" in text and split_front_matter(text).body.lstrip().startswith("# "), src
    for src in real:
        text = (docs / src).read_text()
        assert "{{" not in text and "{%" not in text, src
        # Front matter as written in the source.
        original = split_front_matter((ROOT / "docs" / src).read_text())
        kept = split_front_matter(text)
        assert (kept.fields if kept else None) == (original.fields if original else None), src
        # Each term mention is the Markdown link the project renders it to.
        terms = [c for c in site.page(src).calls if c.name == "term"]
        if terms and src != "print.md":
            assert f"]({md_link(src, 'glossary/')}" in text and "{ .glossary-term }" in text, src
    glossary = json.loads((docs / "glossary.json").read_text())
    assert len(glossary["terms"]) == len(site.terms())
    assert json.loads((docs / "roadmap.json").read_text())["skills"]


def test_baseline_builds_strictly(baseline, tmp_path):
    result = strict_build(baseline, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    assert (tmp_path / "site" / "glossary" / "index.html").is_file()
    assert (tmp_path / "site" / "glossary.json").is_file()
    assert "[macros]" not in result.output


# -- budgets and the table -------------------------------------------------------------

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
    return {b["budget"]: b["status"] for b in budgets.evaluate(res)}


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
    assert budgets.evaluate({}) == []
    only_preview = {"preview": results()["preview"]}
    assert [b["budget"] for b in budgets.evaluate(only_preview)] == [
        "Live preview after saving a page", "Live preview after saving a term"]


def test_each_budget_is_written_once_with_its_limit_and_unit():
    assert budgets.OVERHEAD.limit_text == "<= 15 %"
    assert budgets.SCALE.limit_text == "<= 1.5x"
    assert budgets.weight_budget("home").limit_text == "<= 100 kB"
    assert budgets.weight_budget("skill") is budgets.WEIGHT
    assert budgets.weight_budget("glossary").limit_text == "<= 150 kB"
    assert [b.limit_text for b in budgets.LIGHTHOUSE.values()] == [">= 98", ">= 100", ">= 100", ">= 100"]
    assert budgets.lighthouse_limit_text() == ">= 98 / 100 / 100 / 100"
    assert budgets.PREVIEW.limit_text == "< 2 s"
    assert budgets.OVERHEAD.shown(10.0) == "+10.0 %"
    assert budgets.SCALE.shown(1 / 3) == "0.33x"
    assert budgets.WEIGHT.shown(90.04) == "90.0 kB"
    assert budgets.LIGHTHOUSE["seo"].shown(100) == "100"
    assert budgets.PREVIEW.shown(1.2) == "1.20 s"


@pytest.mark.parametrize(("compare", "below", "at", "above"), [
    ("<=", True, True, False), ("<", True, False, False), (">=", False, True, True)])
def test_a_budget_holds_by_its_comparison(compare, below, at, above):
    budget = budgets.Budget("x", compare, 2.0, "s", ".2f")
    assert (budget.holds(1.99), budget.holds(2.0), budget.holds(2.01)) == (below, at, above)


@pytest.mark.parametrize("kwargs", [{}, {"overhead": 30.0, "home_kb": 180.0, "perf": 90, "preview": (2.0, 3.0)}])
def test_each_row_follows_from_its_budget(kwargs):
    res = results(**kwargs)
    rows = budgets.evaluate(res)
    found = budgets.applicable(res)
    assert len(rows) == len(found)
    for row, (budget, measured, fields) in zip(rows, found, strict=True):
        assert row == {"budget": budget.title(**fields), "measured": measured, "shown": budget.shown(measured),
                       "limit": budget.limit_text, "status": "PASS" if budget.holds(measured) else "FAIL"}
    # The table's budget cells are those rows' limits and statuses.
    cells = {(r[3], r[4]) for r in table_rows({**res, "budgets": rows}) if r[3]}
    assert {(r["limit"], r["status"]) for r in rows if not r["budget"].startswith("Lighthouse")} <= cells


def test_changing_a_limit_in_one_place_changes_the_rows_and_the_table(monkeypatch):
    monkeypatch.setattr(budgets, "PREVIEW", replace(budgets.PREVIEW, limit=1.3))
    monkeypatch.setitem(budgets.LIGHTHOUSE, "performance", replace(budgets.LIGHTHOUSE["performance"], limit=100))
    res = results()
    assert statuses(res)["Live preview after saving a term"] == "FAIL"
    assert statuses(res)["Lighthouse mobile performance, home page"] == "FAIL"
    table = format_table(res)
    assert "| 1.40 s | < 1.3 s | FAIL |" in table
    assert "| 1.20 s | < 1.3 s | PASS |" in table
    assert "| >= 100 / 100 / 100 / 100 | FAIL |" in table


def test_table_is_one_markdown_table_with_every_area():
    res = results(home_kb=180.0)
    res["budgets"] = budgets.evaluate(res)
    table = format_table(res)
    lines = table.splitlines()
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines)
    assert len({line.count(" | ") for line in lines}) == 1  # same number of columns everywhere
    for area in ("Build", "Scale 1x", "Scale 100x", "Weight", "Lighthouse", "Live preview"):
        assert any(line.startswith(f"| {area} |") for line in lines), area
    home = next(line for line in lines if "First visit, home" in line)
    assert home.endswith("| <= 100 kB | FAIL |")
    assert "19 ms per added page" in table
    assert "| 1.100 (+10.0 %) | <= 15 % | PASS |" in table
    assert "| Per-page time, 100x / 1x | 0.33x | <= 1.5x | PASS |" in table
    assert "99 / 100 / 100 / 100 (perf / a11y / best practices / SEO) | >= 98 / 100 / 100 / 100 | PASS |" in table


def test_marginal_cost_per_added_page():
    rows = [{"pages": 16, "build_s": 1.0}, {"pages": 200, "build_s": 4.68}, {"pages": 1000, "build_s": 18.68}]
    add_marginal(rows)
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
