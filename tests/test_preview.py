"""The live preview rebuilds only what an edit changed, and what it shows is
what a full build shows (roadmap/preview.py, hooks/preview.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench.project import copy_project
from roadmap.preview import SERVE, LastBuild, changed_files, plan, snapshot, title_lines

PAGE = "docs/who-hires.md"
TERM = "data/glossary/overfitting.md"
SOURCES = {
    "who-hires.md": frozenset({PAGE}),
    "skills/deep-learning.md": frozenset({"docs/skills/deep-learning.md", TERM, "data/glossary/dropout.md"}),
    "glossary.md": frozenset({"docs/glossary.md", "data/glossary/"}),
    "glossary/overfitting.md": frozenset({TERM}),
}
TITLES = {src: f"# {src}" for src in SOURCES}
LAST = LastBuild({}, frozenset(SOURCES), dict(TITLES))


# -- Which pages a change rebuilds ------------------------------------------------

def test_the_first_build_builds_everything():
    assert plan(set(), SOURCES, TITLES, None).everything


def test_an_edited_page_rebuilds_that_page_only():
    result = plan({PAGE}, SOURCES, TITLES, LAST)
    assert not result.everything
    assert result.pages == {"who-hires.md"}


def test_an_edited_term_rebuilds_every_page_that_shows_it():
    result = plan({TERM}, SOURCES, TITLES, LAST)
    assert not result.everything
    # the skill page reads the file, the index reads its folder, the term page is made of it
    assert result.pages == {"skills/deep-learning.md", "glossary.md", "glossary/overfitting.md"}


def test_the_whole_guide_waits_for_a_full_rebuild_and_the_plan_says_so():
    sources = {**SOURCES, "print.md": frozenset({"docs/print.md", PAGE, TERM})}
    titles = {**TITLES, "print.md": "# print"}
    last = LastBuild({}, frozenset(sources), titles)
    result = plan({PAGE}, sources, titles, last, waits=frozenset({"print.md"}))
    assert result.pages == {"who-hires.md"}
    assert result.waiting == {"print.md"}
    assert plan({PAGE}, sources, titles, None, waits=frozenset({"print.md"})).everything


def test_a_file_under_a_folder_a_page_read_rebuilds_that_page():
    result = plan({"data/glossary/new-term.md"}, SOURCES, TITLES, LAST)
    assert result.pages == {"glossary.md"}


@pytest.mark.parametrize("path", ["mkdocs.yml", "overrides/main.html", "roadmap/views/glossary.py",
                                  "hooks/dates.py", "CONTRIBUTING.md"])
def test_a_change_no_page_records_rebuilds_everything(path):
    result = plan({PAGE, path}, SOURCES, TITLES, LAST)
    assert result.everything
    assert path in result.reason


def test_a_page_added_or_removed_rebuilds_everything():
    added = {**SOURCES, "new.md": frozenset({"docs/new.md"})}
    assert plan({"docs/new.md"}, added, {**TITLES, "new.md": "# New"}, LAST).everything
    removed = dict(list(SOURCES.items())[1:])
    assert plan(set(), removed, TITLES, LAST).everything


def test_a_new_title_rebuilds_everything_because_other_pages_show_it_in_their_nav():
    retitled = {**TITLES, "who-hires.md": "# Who hires ML engineers"}
    result = plan({PAGE}, SOURCES, retitled, LAST)
    assert result.everything
    assert "who-hires.md" in result.reason


def test_a_file_changed_when_its_time_differs_either_way_or_it_came_or_went(tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / "docs" / name).write_text(name, encoding="utf-8")
    before = snapshot(tmp_path, [tmp_path / "docs"])
    assert changed_files(before, snapshot(tmp_path, [tmp_path / "docs"])) == set()
    a, b = tmp_path / "docs" / "a.md", tmp_path / "docs" / "b.md"
    os.utime(a, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns + 1_000_000))   # newer
    os.utime(b, ns=(b.stat().st_atime_ns, b.stat().st_mtime_ns - 86_400 * 10**9))  # older (a checkout)
    (tmp_path / "docs" / "c.md").unlink()
    (tmp_path / "docs" / "d.md").write_text("new", encoding="utf-8")
    assert changed_files(before, snapshot(tmp_path, [tmp_path / "docs"])) == {
        "docs/a.md", "docs/b.md", "docs/c.md", "docs/d.md"}


def test_title_lines_are_the_title_field_and_the_first_heading():
    text = "---\ntitle: Hiring\nsearch: x\n---\n\n# Who hires\n\nText # not a heading\n\n## Later\n\n# Second\n"
    assert title_lines(text) == "title: Hiring\n# Who hires"
    assert title_lines("No heading here.\n") == ""


def test_make_serve_and_the_benchmark_run_the_same_preview_command():
    makefile = (Path(__file__).parents[1] / "Makefile").read_text(encoding="utf-8")
    assert "-m roadmap.preview" in makefile
    assert "--dirty" in SERVE
    bench_preview = (Path(__file__).parents[1] / "bench" / "preview.py").read_text(encoding="utf-8")
    assert "*SERVE" in bench_preview


# -- A preview after edits shows what a full build shows ------------------------------

SITE_URL = "http://127.0.0.1:8000/"
EPOCH = "1798761600"   # 2027-01-01: the copy is not a git repository, so pages take this date

# Two builds as `mkdocs serve --dirty` makes them (one startup, a new config per
# build), with an edit to a page and to a term in between; prints each build's log.
PREVIEW_DRIVER = textwrap.dedent("""
    import io, logging, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, site = Path(sys.argv[1]), sys.argv[2]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)

    def config():
        c = load_config(str(project / "mkdocs.yml"), site_dir=site)
        c.site_url = "%(url)s"
        return c

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, serve_url="%(url)s", dirty=True)
    print("BUILD 1", stream.getvalue().count("Preview: building every page"))

    for name, marker in (("%(page)s", "Preview marker page"), ("%(term)s", "Preview marker term")):
        path = project / name
        path.write_text(path.read_text(encoding="utf-8").rstrip() + " " + marker + ".\\n", encoding="utf-8")
    stream.truncate(0); stream.seek(0)
    build(config(), serve_url="%(url)s", dirty=True)
    print("BUILD 2", [l for l in stream.getvalue().splitlines() if l.startswith("Preview:")])
    print("ERRORS", [l for l in stream.getvalue().splitlines() if "WARNING" in l or "ERROR" in l])
""") % {"url": SITE_URL, "page": PAGE, "term": TERM}


def html_files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def search_docs(site: Path) -> list[tuple]:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return sorted(tuple(sorted((k, json.dumps(v)) for k, v in doc.items())) for doc in docs)


@pytest.fixture(scope="module")
def preview_and_full(tmp_path_factory):
    work = tmp_path_factory.mktemp("preview")
    project = copy_project(work / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "SITE_URL": SITE_URL}
    run = subprocess.run([sys.executable, "-c", PREVIEW_DRIVER, str(project), str(work / "preview")],
                         cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    full = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(work / "full")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert full.returncode == 0, full.stderr[-3000:]
    return run.stdout, work / "preview", work / "full"


def test_the_second_preview_build_rebuilds_only_the_pages_the_edits_touch(preview_and_full):
    log, _, full = preview_and_full
    assert "BUILD 1 1" in log    # the first build built every page
    assert "ERRORS []" in log
    second = next(line for line in log.splitlines() if line.startswith("BUILD 2"))
    assert PAGE in second and TERM in second
    rebuilt = int(second.split("rebuilding ")[1].split(" of ")[0])
    total = len(list(full.rglob("index.html")))
    assert 3 <= rebuilt < total / 10, second   # the page, the term's page, pages showing the term


def test_every_page_of_the_preview_but_the_whole_guide_is_the_page_a_full_build_makes(preview_and_full):
    log, preview, full = preview_and_full
    previewed, built = html_files(preview), html_files(full)
    assert previewed.keys() == built.keys()
    different = sorted(name for name in built if previewed[name] != built[name])
    assert different == ["print/index.html"]
    # the whole guide says in the log that it waits, and shows the last full build's text
    assert "print.md (the whole guide) keeps its last full build's text" in log
    assert "Preview marker" not in previewed["print/index.html"]
    assert "Preview marker page" in built["print/index.html"]
    assert "Preview marker page" in built["who-hires/index.html"]
    assert "Preview marker term" in built["glossary/overfitting/index.html"]


def test_the_preview_search_index_holds_every_page_once_as_a_full_build_does(preview_and_full):
    _, preview, full = preview_and_full
    assert search_docs(preview) == search_docs(full)
