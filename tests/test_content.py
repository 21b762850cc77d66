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

BIN = Path(sys.executable).parent  # .venv/bin when run by `make test`
ARTICLE = Path(os.environ.get("SOURCE_ARTICLE", ROOT.parent / "shared" / "source" / "article.txt"))
COPY_RUN = 10  # words


def run_tool(*args: str) -> subprocess.CompletedProcess:
    tool = BIN / args[0]
    assert tool.exists(), f"{tool} is missing: run `make test` (it installs the locked tools into .venv)"
    return subprocess.run([str(tool), *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300)


def existing(*names: str) -> list[str]:
    return [n for n in names if (ROOT / n).exists()]


# -- Linters ----------------------------------------------------------------------

def test_spelling_codespell():
    result = run_tool("codespell", *existing("docs", "data", "macros", "README.md", "CONTRIBUTING.md"))
    print(result.stdout + result.stderr or "codespell: no misspelling found")
    assert result.returncode == 0, (
        "codespell found misspellings (fix them, or add a real word to .codespell-words):\n"
        + result.stdout + result.stderr)


def test_yaml_lint_of_data_and_mkdocs_yml():
    result = run_tool("yamllint", "--strict", "-c", ".yamllint.yml", "data", "mkdocs.yml")
    print(result.stdout + result.stderr or "yamllint: data/ and mkdocs.yml are clean")
    assert result.returncode == 0, "yamllint (settings in .yamllint.yml):\n" + result.stdout + result.stderr


def test_python_lint_ruff():
    result = run_tool("ruff", "check", "--no-cache", "macros", "scripts", "tests")
    print(result.stdout + result.stderr)
    assert result.returncode == 0, "ruff (settings in pyproject.toml):\n" + result.stdout + result.stderr


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

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def copied_runs(source: list[str], target: list[str], n: int = COPY_RUN) -> list[str]:
    """Each maximal run of n or more words of target that also stands in source."""
    grams = {tuple(source[i:i + n]) for i in range(len(source) - n + 1)}
    found, i = [], 0
    while i <= len(target) - n:
        if tuple(target[i:i + n]) in grams:
            j = i + n
            while j < len(target) and tuple(target[j - n + 1:j + 1]) in grams:
                j += 1
            found.append(" ".join(target[i:j]))
            i = j
        else:
            i += 1
    return found


def test_copy_check_finds_a_copied_run():
    source = words("The quick brown fox jumps over the lazy dog and then runs far away home.")
    target = words("Intro: the quick brown fox jumps over the lazy dog and then runs. End.")
    assert copied_runs(source, target) == ["the quick brown fox jumps over the lazy dog and then runs"]
    assert copied_runs(source, words("the quick brown fox jumps over the lazy dog")) == []  # 9 words


def test_no_run_of_ten_words_is_copied_from_the_article():
    if not ARTICLE.is_file():
        pytest.fail(f"The source article is missing: expected {ARTICLE} (../shared/source/article.txt next to "
                    "the repository, or set SOURCE_ARTICLE=/path/to/article.txt). The copy check needs it.")
    source = words(ARTICLE.read_text(encoding="utf-8"))
    files = sorted(p for folder in ("docs", "data") for p in (ROOT / folder).rglob("*")
                   if p.is_file() and p.suffix in {".md", ".yml", ".yaml", ".txt"})
    assert len(files) > 50
    copied = [f"{p.relative_to(ROOT)}: {len(run.split())} words: \"{run}\""
              for p in files for run in copied_runs(source, words(p.read_text(encoding="utf-8")))]
    print(f"copy check: {len(files)} files, {len(copied)} runs of {COPY_RUN}+ words from the article")
    assert not copied, "rewrite these in your own words:\n" + "\n".join(copied)
