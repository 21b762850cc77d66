"""Content checks: spelling, YAML, Python and Markdown lint, the article's
facts with their sources, and no sentence copied from the article.

Each linter is the one installed in the project's virtual environment, run
with the project's own settings: pyproject.toml ([tool.codespell],
[tool.ruff]), .codespell-words, .yamllint.yml and .pymarkdown.yml.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from roadmap.tools import fingerprint as article_fingerprint

BIN = Path(sys.executable).parent  # .venv/bin when run by `make test`
ARTICLE = Path(os.environ.get("SOURCE_ARTICLE", ROOT.parent / "shared" / "source" / "article.txt"))


def run_tool(*args: str) -> subprocess.CompletedProcess:
    tool = BIN / args[0]
    assert tool.exists(), f"{tool} is missing: run `make test` (it installs the locked tools into .venv)"
    return subprocess.run([str(tool), *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300)


def existing(*names: str) -> list[str]:
    return [n for n in names if (ROOT / n).exists()]


# -- Linters ----------------------------------------------------------------------

def test_spelling_codespell():
    result = run_tool("codespell", *existing("docs", "data", "roadmap", "macros", "hooks", "overrides", "README.md",
                                             "CONTRIBUTING.md"))
    print(result.stdout + result.stderr or "codespell: no misspelling found")
    assert result.returncode == 0, (
        "codespell found misspellings (fix them, or add a real word to .codespell-words):\n"
        + result.stdout + result.stderr)


def test_yaml_lint_of_data_and_mkdocs_yml():
    result = run_tool("yamllint", "--strict", "-c", ".yamllint.yml", "data", "mkdocs.yml")
    print(result.stdout + result.stderr or "yamllint: data/ and mkdocs.yml are clean")
    assert result.returncode == 0, "yamllint (settings in .yamllint.yml):\n" + result.stdout + result.stderr


def test_python_lint_ruff():
    result = run_tool("ruff", "check", "--no-cache", "roadmap", "macros", "hooks", "bench", "tests")
    print(result.stdout + result.stderr)
    assert result.returncode == 0, "ruff (settings in pyproject.toml):\n" + result.stdout + result.stderr


def test_javascript_lint_eslint():
    eslint = ROOT / "node_modules" / ".bin" / "eslint"
    assert eslint.exists(), "node_modules/.bin/eslint is missing: run `make test` (npm ci from package-lock.json)"
    result = subprocess.run([str(eslint), "--max-warnings", "0", "."], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    print(result.stdout + result.stderr or "eslint: the site's JavaScript is clean")
    assert result.returncode == 0, "eslint (settings in eslint.config.js):\n" + result.stdout + result.stderr


def test_markdown_lint_pymarkdown():
    result = run_tool("pymarkdown", "--config", ".pymarkdown.yml", "scan", "-r",
                      *existing("docs", "README.md", "CONTRIBUTING.md"))
    print(result.stdout + result.stderr or "pymarkdown: docs/ is clean")
    assert result.returncode == 0, "pymarkdown (settings in .pymarkdown.yml):\n" + result.stdout + result.stderr


# -- The article's facts stay, with their sources ------------------------------------

def article_text(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.select_one("article").get_text(" ").split())


def test_salary_figures_keep_their_source_year_and_warning(site):
    text = article_text(site, "salaries-and-trends")
    for fact in ("344%", "$146,085", "$112,448", "2019", "Indeed"):
        assert fact in text, f"salaries-and-trends lost {fact!r}"
    assert re.search(r"\bthese are 2019 figures\b|(?<!up)dated\b|\bas history\b", text, re.I), \
        "the salaries page no longer says its figures are dated"
    assert "The Best Jobs in the U.S.: 2019" in text, "the Indeed report is no longer named"
    soup = BeautifulSoup((site / "salaries-and-trends" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    assert any("globalspec.com" in h for h in hrefs), "the report's coverage is no longer linked as the source"


def test_who_hires_names_the_articles_employers(site):
    text = article_text(site, "who-hires")
    for name in ("Apple", "Uber", "Salesforce"):
        assert name in text, f"who-hires no longer names {name}"
    assert "Meta" in text or "Facebook" in text, "who-hires no longer names Meta/Facebook"


# -- No sentence copied from the article -------------------------------------------
# The repository keeps a fingerprint of the article (hashes of its ten-word runs),
# so this check runs in any clone; where the article itself is at hand, the
# fingerprint is checked against it too.

def test_copy_check_finds_a_copied_run():
    source = "The quick brown fox jumps over the lazy dog and then runs far away home."
    hashes = article_fingerprint.fingerprint(source)
    found = article_fingerprint.copied_runs(hashes, "Intro: the quick brown fox jumps over the lazy dog and then runs.")
    assert found == ["the quick brown fox jumps over the lazy dog and then runs"]
    assert article_fingerprint.copied_runs(hashes, "the quick brown fox jumps over the lazy dog") == []  # 9 words


def test_the_fingerprint_matches_the_article_when_it_is_at_hand():
    if not ARTICLE.is_file():
        # Outside this workplace (a fork's CI) the article is not published with
        # the repository; the copy check below still runs on the fingerprint.
        pytest.skip(f"source article not found at {ARTICLE}; set SOURCE_ARTICLE to check the fingerprint")
    expected = article_fingerprint.fingerprint(ARTICLE.read_text(encoding="utf-8"))
    assert article_fingerprint.read_fingerprint() == expected, (
        "data/article-fingerprint.txt is stale: run python -m roadmap.tools.fingerprint " + str(ARTICLE))


def test_no_run_of_ten_words_is_copied_from_the_article():
    hashes = article_fingerprint.read_fingerprint()
    assert len(hashes) > 500
    files = sorted(p for folder in ("docs", "data", "roadmap", "macros", "hooks", "overrides")
                   for p in (ROOT / folder).rglob("*")
                   if p.is_file() and p.suffix in {".md", ".yml", ".yaml", ".txt", ".j2", ".html", ".py"}
                   and p.name != "article-fingerprint.txt")
    files.append(ROOT / "README.md")
    assert len(files) > 50
    copied = [f"{p.relative_to(ROOT)}: {len(run.split())} words: \"{run}\""
              for p in files for run in article_fingerprint.copied_runs(hashes, p.read_text(encoding="utf-8"))]
    print(f"copy check: {len(files)} files, {len(copied)} runs of {article_fingerprint.RUN}+ words from the article")
    assert not copied, "rewrite these in your own words:\n" + "\n".join(copied)
