"""The exit trial's pure parts (trial/): comparing two built sites, the checks,
the result table, the options; and ROADMAP_TEST_SITE in tests/conftest.py.
No network, no scratch venvs, no build."""
from __future__ import annotations

import conftest
import pytest

from trial.__main__ import main, parser, routes_of
from trial.adapt import FOR_ZENSICAL, NO_MACROS, adapt
from trial.builds import BuildResult, first_error_lines
from trial.checks import check_dates, check_edit_links, check_sitemap, nav_links, page_dates
from trial.compare import PAGE_DATE, article_text, compare_sites, first_difference
from trial.report import report, table
from trial.routes import RouteResult
from trial.testrun import parse_pytest
from trial.venvs import added_to, without_packages


def page(body: str, extra: str = "") -> str:
    return f"<html><head><title>t</title></head><body><nav>menu</nav><article>{body}</article>{extra}</body></html>"


def site(root, pages: dict[str, str]):
    for rel, html in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html, encoding="utf-8")
    return root


# -- Comparing two built sites ----------------------------------------------------

def test_article_text_is_the_article_alone_with_whitespace_normalised():
    assert article_text(page("<h1>Title</h1>\n\n  <p>Some   text</p>")) == "Title Some text"
    assert article_text("<html><body><p>no article</p></body></html>") is None
    dated = page('<p>Text</p><aside class="md-source-file">Last updated 1 May</aside>')
    assert article_text(dated, ignore=(PAGE_DATE,)) == "Text"


def test_compare_sites_counts_identical_differing_missing_and_extra_pages(tmp_path):
    real = site(tmp_path / "real", {"index.html": page("<p>Home</p>"), "a/index.html": page("<p>Alpha</p>"),
                                    "b/index.html": page("<p>Beta</p>"), "c/index.html": page("<p>Gone</p>")})
    other = site(tmp_path / "other", {"index.html": page("<p>Home</p>", extra="<footer>other theme</footer>"),
                                      "a/index.html": page("<p>Alpha\n   </p>"),
                                      "b/index.html": page("<p>Beta, changed</p>"), "d/index.html": page("new")})
    result = compare_sites(real, other)
    assert (result.identical, result.differing, result.missing, result.extra) == (2, 1, 1, 1)
    assert result.differing_pages == ["b/index.html"] and result.missing_pages == ["c/index.html"]
    assert "Beta" in result.examples["b/index.html"]
    assert result.line() == "2 identical, 1 differing, 1 missing (of 4)"
    assert compare_sites(real, real).line() == "4 identical, 0 differing, 0 missing (of 4)"


def test_first_difference_shows_where_two_texts_part():
    assert first_difference("same start, then A", "same start, then B").startswith("at character 17:")
    assert first_difference("short", "short and longer").startswith("at character 5:")


# -- The checks ------------------------------------------------------------------------

EDIT = '<a href="{}" title="Edit this page" class="md-content__button md-icon" rel="edit">'
DATE = '<span class="md-source-file__fact">Last updated <time datetime="{}">x</time></span>'


def test_edit_links_and_dates_are_compared_page_by_page(tmp_path):
    real = site(tmp_path / "real", {
        "index.html": page(EDIT.format("https://git/edit/docs/index.md") + DATE.format("2026-11-02")),
        "t/index.html": page(EDIT.format("https://git/edit/data/t.md") + DATE.format("2026-10-01"))})
    other = site(tmp_path / "other", {
        "index.html": page(EDIT.format("https://git/edit/docs/index.md")),
        "t/index.html": page(EDIT.format("https://git/edit/docs/t.md"))})
    assert page_dates(real) == {"index.html": "2026-11-02", "t/index.html": "2026-10-01"}
    edits = check_edit_links(real, other)
    assert edits.ok is False and edits.detail.startswith("1/2") and "docs/t.md" in edits.detail
    dates = check_dates(real, other)
    assert dates.ok is False and dates.detail.startswith("0/2")
    assert check_dates(real, real).ok is True and check_edit_links(real, real).ok is True


def test_the_sitemap_check_wants_every_url_and_its_lastmod(tmp_path):
    url = "<url><loc>https://s/{}</loc>{}</url>"
    (tmp_path / "real").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "real" / "sitemap.xml").write_text(
        "<urlset>" + url.format("", "<lastmod>2026-11-02</lastmod>") + url.format("a/", "") + "</urlset>")
    (tmp_path / "other" / "sitemap.xml").write_text(
        "<urlset>" + url.format("", "") + url.format("a/", "") + "</urlset>")
    check = check_sitemap(tmp_path / "real", tmp_path / "other")
    assert check.ok is False and "2/2 URLs" in check.detail and "lastmod as in the real build 1/2" in check.detail
    assert check_sitemap(tmp_path / "real", tmp_path / "missing").ok is False


def test_nav_links_keep_the_order_and_skip_the_pages_own_toc():
    from bs4 import BeautifulSoup

    html = ('<nav class="md-nav md-nav--primary"><a class="md-nav__link" href=".">Home</a>'
            '<a class="md-nav__link" href="#intro">Intro</a><a class="md-nav__link" href="./skills/">S</a>'
            '<a class="md-nav__link" href="skills/">S again</a><a class="md-nav__link" href="about/">A</a></nav>')
    assert nav_links(BeautifulSoup(html, "html.parser")) == ["", "skills", "about"]


# -- Config adaptations, the lock, pytest's and the builds' output ---------------------------

def test_the_zensical_adaptations_replace_the_relative_tag_and_ask_for_the_classic_look():
    text = ("theme:\n  name: material\n  language: en\n"
            "x:\n  - pymdownx.snippets:\n      base_path: [!relative $config_dir]\n")
    assert adapt(text, FOR_ZENSICAL) == (
        text.replace("!relative $config_dir", '"."').replace("material\n", "material\n  variant: classic\n"),
        ["snippets base_path without !relative", "theme variant classic"])
    dumped = "    base_path:\n    - !relative '$config_dir'\n"
    assert adapt(dumped, FOR_ZENSICAL)[0] == '    base_path:\n    - "."\n'
    assert adapt("nothing to do\n", FOR_ZENSICAL) == ("nothing to do\n", [])
    chosen = "theme:\n  name: material\n  variant: modern\n"
    assert adapt(chosen, FOR_ZENSICAL) == (chosen, [])


def test_removing_the_macros_plugin_leaves_the_rest_of_the_config():
    text = ("plugins:\n  - search:\n      separator: x\n  - macros:\n      module_name: macros\n"
            "      on_error_fail: true\n\nhooks:\n  - hooks/nav.py\nwatch:\n  - macros\n")
    out, applied = adapt(text, (NO_MACROS,))
    assert applied == ["macros plugin removed"]
    assert out == "plugins:\n  - search:\n      separator: x\n\nhooks:\n  - hooks/nav.py\nwatch:\n  - macros\n"


LOCK = """\
click==8.5.1 \\
    --hash=sha256:aaa
    # via mkdocs
mkdocs==1.6.1 \\
    --hash=sha256:bbb \\
    --hash=sha256:ccc
    # via
    #   -r requirements.in
    #   mkdocs-material
mkdocs-material==9.8.2 \\
    --hash=sha256:ddd
"""


def test_a_package_leaves_the_hashed_lock_with_its_hashes_and_comments():
    out = without_packages(LOCK, {"MkDocs"})
    assert "mkdocs==" not in out and "bbb" not in out and "ccc" not in out
    assert "click==8.5.1" in out and "aaa" in out and "mkdocs-material==9.8.2" in out and "ddd" in out
    assert added_to({"click": "8.5.1", "mkdocs": "1.6.1"},
                    {"click": "8.5.1", "mkdocs": "1.6.2", "zensical": "0.0.73", "pip": "24"}) == \
        ["mkdocs==1.6.2", "zensical==0.0.73"]


def test_pytest_counts_and_failures_are_read_from_its_output():
    output = ("..F.s\nFAILED tests/test_dates.py::test_x - AssertionError: no date\n"
              "ERROR tests/test_build.py::test_y - boom\n"
              "2 failed, 120 passed, 3 skipped, 588 deselected, 1 error in 31.20s\n")
    run = parse_pytest(output)
    assert (run.passed, run.failed, run.skipped, run.deselected, run.errors) == (120, 2, 3, 588, 1)
    assert run.failures == ["tests/test_dates.py::test_x - AssertionError: no date",
                            "ERROR tests/test_build.py::test_y - boom"]
    assert run.line() == "120 passed, 2 failed, 1 errors, 3 skipped"
    assert parse_pytest("nothing ran").passed == 0


def test_first_error_lines_pick_the_errors_of_a_failed_build():
    output = ("INFO - Building\nWARNING - Doc file 'a.md' contains a link 'x.md'\n  Fix: add x.md\n"
              "Traceback (most recent call last):\n  File ...\nRuntimeError: Python error: no module\n"
              "Aborted with 1 warnings in strict mode!\n")
    assert first_error_lines(output, 3) == ["WARNING - Doc file 'a.md' contains a link 'x.md'", "  Fix: add x.md",
                                            "RuntimeError: Python error: no module"]
    assert first_error_lines("just\nsome\noutput\n", 2) == ["some", "output"]
    zensical = ("Build started\n\x1b[33mWarning:\x1b[0m anchor does not exist\n    ╭─[ next-steps.md:27:143 ]\n"
                "    │\n 27 │ text\nRuntimeError: Aborted because --strict flag is set\n")
    assert first_error_lines(zensical) == ["Warning: anchor does not exist (next-steps.md:27:143)",
                                           "RuntimeError: Aborted because --strict flag is set"]


# -- The result table and the options ---------------------------------------------------

def test_the_table_has_one_row_per_route_and_the_report_says_what_failed(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(page("x"))
    good = RouteResult("properdocs", "Route 1", build=BuildResult("properdocs", 0, "", 7.9, tmp_path / "site"))
    bad = RouteResult("zensical", "Route 2", build=BuildResult("zensical", 1, "Error: no !relative tag", 0.5,
                                                                 tmp_path / "none"))
    skipped = RouteResult("prerendered", "Route 3", error="install failed")
    lines = table([good, bad, skipped]).splitlines()
    assert lines[0].split()[:2] == ["route", "build"] and set(lines[1]) <= {"-", " "}
    assert lines[2].split()[:3] == ["properdocs", "passed", "1"]
    assert lines[3].split()[:3] == ["zensical", "FAILED", "0"]
    assert lines[4].split()[:2] == ["prerendered", "not"]
    text = report([good, bad, skipped], ["header"])
    assert "Error: no !relative tag" in text and "not measured: install failed" in text


def test_the_options():
    args = parser().parse_args(["--json", "out/trial.json", "--only", "zensical", "--no-tests"])
    assert str(args.json) == "out/trial.json" and args.no_tests and args.keep is None
    assert parser().parse_args([]).json is None   # default: print only
    assert routes_of(None) == ["control", "properdocs", "zensical", "prerendered"]
    assert routes_of("prerendered, properdocs") == ["control", "properdocs", "prerendered"]


def test_unknown_routes_and_a_used_keep_folder_are_refused_before_any_work(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--only", "sphinx"])
    assert stop.value.code == 2 and "unknown route(s): sphinx" in capsys.readouterr().err
    (tmp_path / "something").write_text("x")
    with pytest.raises(SystemExit):
        main(["--keep", str(tmp_path)])
    assert "not empty" in capsys.readouterr().err


# -- ROADMAP_TEST_SITE (tests/conftest.py) ------------------------------------------------

class _Factory:
    def __init__(self, path):
        self.path = path

    def mktemp(self, name):
        return self.path


class _Server:
    url = "http://127.0.0.1:1234/"


def test_without_roadmap_test_site_the_session_builds_the_project_as_always(tmp_path, monkeypatch):
    monkeypatch.delenv("ROADMAP_TEST_SITE", raising=False)
    assert conftest.given_site() is None
    calls = []

    def fake_run_build(project, site_dir, extra_env=None):
        calls.append((project, site_dir, extra_env))
        return conftest.Build(0, "built", site_dir)

    monkeypatch.setattr(conftest, "run_build", fake_run_build)
    result = conftest.build.__wrapped__(_Factory(tmp_path), _Server())
    assert calls == [(conftest.ROOT, tmp_path / "site", {"SITE_URL": _Server.url})]
    assert result.output == "built"


def test_roadmap_test_site_points_the_session_at_a_built_folder(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text(page("x"))
    (tmp_path / "build.log").write_text("INFO - built\n")
    monkeypatch.setenv("ROADMAP_TEST_SITE", str(tmp_path))
    monkeypatch.setenv("ROADMAP_TEST_SITE_LOG", str(tmp_path / "build.log"))
    monkeypatch.setattr(conftest, "run_build", lambda *a, **k: pytest.fail("must not build"))
    given = conftest.build.__wrapped__(_Factory(tmp_path / "unused"), _Server())
    assert (given.returncode, given.output, given.site) == (0, "INFO - built\n", tmp_path)
