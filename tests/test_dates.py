"""Last-updated dates: one date per page, from git, on any day.

Every test build pins SOURCE_DATE_EPOCH to 2099-12-31 (conftest.BUILD_DAY),
long after any commit: a date that came from the clock instead of git shows
up as that day. The git-history tests make their own repository, with
commits on chosen days, so they do not depend on this checkout's history.
"""
from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BUILD_DAY, ROOT, copy_project, run_build

from roadmap.dates import display_date, newest, page_date, parse_git_log

_LOC = re.compile(r"<loc>(.*?)</loc>\s*(?:<lastmod>(\d{4}-\d\d-\d\d)</lastmod>)?")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def shown_dates(site: Path) -> dict[str, str]:
    """URL path of every built page with a last-updated line -> the date it shows."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        time = soup(path).select_one("article .md-source-file time[datetime]")
        if time is not None:
            found[path.relative_to(site).as_posix().removesuffix("index.html")] = time["datetime"]
    return found


def sitemap_dates(site: Path) -> dict[str, str | None]:
    entries = dict(_LOC.findall((site / "sitemap.xml").read_text(encoding="utf-8")))
    home = min(entries, key=len)
    return {url.removeprefix(home): day or None for url, day in entries.items()}


def git(repo: Path, *args: str, day: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    proc = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always", *args],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


# -- The site under test (the session build) -------------------------------------------

def test_every_page_shows_the_same_date_as_its_sitemap_entry(site):
    shown, listed = shown_dates(site), sitemap_dates(site)
    assert len(shown) >= 15
    for url, day in shown.items():
        assert url in listed, f"{url or '/'} is not in the sitemap"
        assert listed[url] == day, f"{url or '/'}: the page shows {day}, the sitemap says {listed[url]}"
    assert set(listed) == set(shown), "every sitemap entry is a page that shows its date"


def test_committed_pages_show_a_git_date_not_the_build_date(site):
    """In a git checkout, a committed page's date is a commit's date: never
    the pinned build day, never before its own file's last commit, never after
    the newest commit."""
    proc = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs"], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip("not a git checkout: every page shows the build date (tested in test_contributing.py)")
    head = proc.stdout.strip()
    shown = shown_dates(site)
    checked = 0
    for src in ("index.md", "who-hires.md", "glossary.md", "skills/programming.md"):
        own = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", f"docs/{src}"],
                             capture_output=True, text=True).stdout.strip()
        status = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", f"docs/{src}"],
                                capture_output=True, text=True).stdout.strip()
        if not own or status:
            continue  # new or edited in this working tree: it shows the build date by design
        url = "" if src == "index.md" else src.removesuffix(".md") + "/"
        assert shown[url] != BUILD_DAY, src
        assert own <= shown[url] <= head, f"{src}: {shown[url]} is outside {own}..{head}"
        checked += 1
    assert checked or subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"],
                                     capture_output=True, text=True).stdout, "no committed page was checked"


# -- A history made for the test ------------------------------------------------------------

@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """A copy of the project committed on 2020-02-03; then who-hires.md edited
    on 2021-05-06; then overfitting's short definition edited on 2022-08-09.
    Built under a clock set years later. Returns (site before the term edit,
    site after, the new short definition, the repository)."""
    root = tmp_path_factory.mktemp("history")
    origin = copy_project(root / "origin")
    git(origin, "init", "-q")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "first", day="2020-02-03")
    page = origin / "docs" / "who-hires.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added in 2021.\n", encoding="utf-8")
    git(origin, "commit", "-q", "-am", "edit a page", day="2021-05-06")
    ceiling = {"GIT_CEILING_DIRECTORIES": str(root)}
    before = run_build(origin, root / "before", ceiling)
    assert before.returncode == 0, before.output

    term = origin / "data" / "glossary" / "overfitting.md"
    text = term.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    old_short = yaml.safe_load(front)["short"]
    new_short = "A model fits the noise of its training data as well as the signal, written for the dates test."
    term.write_text(text.replace(old_short, new_short), encoding="utf-8")
    git(origin, "commit", "-q", "-am", "reword a term", day="2022-08-09")
    after = run_build(origin, root / "after", ceiling)
    assert after.returncode == 0, after.output
    return before.site, after.site, new_short, origin


def test_dates_are_git_dates_long_after_the_last_commit(history):
    before, _, _, _ = history
    shown = shown_dates(before)
    assert shown[""] == "2020-02-03"
    assert shown["who-hires/"] == "2021-05-06"
    assert BUILD_DAY not in shown.values(), "a page fell back to the build date in a full git history"
    assert set(shown.values()) <= {"2020-02-03", "2021-05-06"}
    listed = sitemap_dates(before)
    for url, day in shown.items():
        assert listed[url] == day, url


def test_a_term_edit_moves_exactly_the_pages_that_show_the_term(history):
    before, after, new_short, _ = history
    old, new = shown_dates(before), shown_dates(after)
    assert set(old) == set(new)
    # The oracle: where the new sentence appears in a page's content (as text
    # or as a tooltip), independent of how the build tracks its sources.
    showing = {url for url in new
               if new_short in str((after / url / "index.html").read_text(encoding="utf-8").split("<article", 1)[-1]
                                   .split("</article>", 1)[0]).replace("&#x27;", "'")}
    assert {"glossary/", "skills/data-modelling-and-evaluation/"} <= showing, showing
    moved = {url for url in new if new[url] != old[url]}
    assert moved == showing, f"moved but not showing: {moved - showing}; showing but not moved: {showing - moved}"
    assert all(new[url] == "2022-08-09" for url in moved)
    listed = sitemap_dates(after)
    for url, day in new.items():
        assert listed[url] == day, url


def test_a_shallow_clone_dates_every_page_with_its_one_commit(tmp_path, history):
    origin = history[3]
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow))
    built = run_build(shallow, tmp_path / "site", {"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert built.returncode == 0, built.output
    assert set(shown_dates(built.site).values()) == {"2022-08-09"}  # hence fetch-depth: 0 in CI


# -- The pure parts -----------------------------------------------------------------------------

def test_parse_git_log_keeps_the_newest_date_of_each_file():
    log = "\x002021-05-06\n\ndata/glossary/a.md\n\x002020-02-03\n\ndocs/x.md\ndata/glossary/a.md\n"
    assert parse_git_log(log) == {"data/glossary/a.md": date(2021, 5, 6), "docs/x.md": date(2020, 2, 3)}


def test_page_date_takes_the_newest_source_and_falls_back_for_unknown_pages():
    dates = {"docs/a.md": date(2020, 1, 1), "data/glossary/b.md": date(2022, 3, 4)}
    fallback = date(2099, 12, 31)
    assert page_date("docs/a.md", ["data/glossary/b.md"], dates, fallback) == date(2022, 3, 4)
    assert page_date("docs/a.md", ["data/figures.yml"], dates, fallback) == date(2020, 1, 1)
    assert page_date("docs/new.md", ["data/glossary/b.md"], dates, fallback) == fallback
    assert page_date("docs/a.md", [], {}, fallback) == fallback
    assert newest("data/glossary", dates) == date(2022, 3, 4)
    assert display_date(date(2026, 11, 5)) == "5 November 2026"
