"""Bad input: each fault, injected into a temporary copy of the project, stops
the build with a message naming the file, the entry and the fix, and leaves
no site behind (the output directory held an old index.html beforehand).

One test per fault; each build stops within a second or two.
"""
from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, run_build


@dataclass
class Fault:
    inject: Callable[[Path], None]
    expected: list[str]          # all must appear in the build output
    file: str                    # the file the message must name
    entry: str                   # the entry it must name
    fix: str                     # a phrase of the fix it must give


def append(rel: str, text: str) -> Callable[[Path], None]:
    def inject(project: Path) -> None:
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return inject


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def inject(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fault's anchor text is gone from {rel}: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return inject


def write(rel: str, text: str) -> Callable[[Path], None]:
    def inject(project: Path) -> None:
        (project / rel).write_text(text, encoding="utf-8")
    return inject


def add_to_nav(src: str) -> Callable[[Path], None]:
    return replace("mkdocs.yml", "  - Glossary: glossary.md\n", f"  - Glossary: glossary.md\n  - Extra: {src}\n")


def both(*injects: Callable[[Path], None]) -> Callable[[Path], None]:
    def inject(project: Path) -> None:
        for one in injects:
            one(project)
    return inject


def line_of(rel: str, needle: str) -> int:
    """1-based line of the first line containing needle in the real project."""
    lines = (ROOT / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


ABOUT = "docs/about.md"
ABOUT_LINES = len((ROOT / ABOUT).read_text(encoding="utf-8").splitlines())
FIGURE_LINE = line_of("data/figures.yml", "label: Growth in job postings")

FAULTS = {
    "unknown-term": Fault(
        append(ABOUT, '\nSee {{ term("gradient boosted unicorns") }}.\n'),
        ["unknown glossary term 'gradient boosted unicorns'"],
        "about.md", "gradient boosted unicorns", "add the term as data/glossary/<id>.md"),
    "unknown-skill-in-a-macro": Fault(
        append(ABOUT, '\n{{ skill_checklist("programing") }}\n'),
        ["unknown skill 'programing'"],
        "about.md", "programing", "use one of: programming"),
    "unknown-prerequisite": Fault(
        replace("data/skills/mathematics.yml", "prerequisites: []", "prerequisites: [programing]"),
        ["prerequisite 'programing' is not a known skill"],
        "data/skills/mathematics.yml", "mathematics", "did you mean 'programming'?"),
    "malformed-yaml": Fault(
        replace("data/figures.yml", "label: Growth in job postings", "label: [Growth in job postings"),
        [f"malformed YAML at line {FIGURE_LINE + 1}"],
        "data/figures.yml", "data/figures.yml", "close every bracket and quote"),
    "malformed-yaml-in-front-matter": Fault(
        replace("data/glossary/recall.md", "category: evaluation", "category: evaluation: more"),
        [f"malformed YAML at line {line_of('data/glossary/recall.md', 'category: evaluation')}"],
        "data/glossary/recall.md", "data/glossary/recall.md", "quote values that contain ': '"),
    "duplicate-name-alias-clash": Fault(
        replace("data/glossary/recall.md", "aliases: [sensitivity,", "aliases: [precision, sensitivity,"),
        ["the name 'precision' is already used by term 'precision'"],
        "data/glossary/recall.md", "recall", "remove or change this alias"),
    "duplicate-responsibility-id": Fault(
        append("data/responsibilities.yml",
               "- id: design-ml-systems\n  title: Design it again\n  skills: [programming]\n"),
        ["duplicate id"],
        "data/responsibilities.yml", "design-ml-systems", "give each responsibility its own id"),
    "missing-required-field-figure": Fault(
        replace("data/figures.yml", "  note: Base salary only; bonuses and equity are not included.\n", ""),
        ["required field 'note' is missing"],
        "data/figures.yml", "indeed-2019-salary", "every figure needs"),
    "missing-required-field-term": Fault(
        replace("data/glossary/recall.md", "category: evaluation\n", ""),
        ["required field 'category' is missing"],
        "data/glossary/recall.md", "recall", "add 'category: ...' to the front matter"),
    "unknown-related-term": Fault(
        replace("data/glossary/recall.md", "related: [precision,", "related: [precison,"),
        ["related term 'precison' does not exist"],
        "data/glossary/recall.md", "recall", "did you mean 'precision'?"),
    "broken-internal-link": Fault(
        append(ABOUT, "\nSee [the missing page](no-such-page.md).\n"),
        ["contains a link 'no-such-page.md', but the target is not found"],
        "about.md", "no-such-page.md", "point the link at an existing page"),
    "broken-anchor": Fault(
        append(ABOUT, "\nSee [a missing section](glossary.md#no-such-anchor).\n"),
        ["does not contain an anchor '#no-such-anchor'"],
        "about.md", "glossary.md#no-such-anchor", "use an anchor that exists on the target page"),
    "undefined-jinja-variable": Fault(
        append(ABOUT, "\nThe site is called {{ site_nmae }}.\n"),
        ["'site_nmae' is undefined"],
        "about.md", "site_nmae", "check the spelling of 'site_nmae'"),
    "comment-opener-in-a-heading": Fault(
        append(ABOUT, "\n## Extra section {#extra}\n\nText.\n"),
        [f"docs/about.md, line {ABOUT_LINES + 2}: entry '## Extra section {{#extra}}'"],
        "docs/about.md", "## Extra section {#extra}", "'## Title { #my-id }'"),
    "page-not-in-nav": Fault(
        write("docs/extra.md", "# Extra\n\nA page nobody linked.\n"),
        ["are not included in the \"nav\" configuration", "  - extra.md"],
        "extra.md", "extra.md", "add each page listed above to 'nav:' in mkdocs.yml"),
    # Raw HTML in a page, checked on the built page: the fast check once let
    # script and style elements through, since its control stripped them too.
    "script-in-a-page": Fault(
        append(ABOUT, "\n\n<script>alert(1)</script>\n"),
        ["the rendered page holds HTML that is not allowed: a <script> tag"],
        "docs/about.md", "about.md", "remove it; pages may use Markdown"),
    "style-in-a-page": Fault(
        append(ABOUT, "\n\n<style>body { display: none; }</style>\n"),
        ["the rendered page holds HTML that is not allowed: a <style> tag"],
        "docs/about.md", "about.md", "remove it; pages may use Markdown"),
    "empty-page": Fault(
        both(write("docs/extra.md", "---\ndescription: To be written.\n---\n\n"), add_to_nav("extra.md")),
        ["the page has no content besides its front matter"],
        "docs/extra.md", "docs/extra.md", "write the page"),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """One copy of the project; each test copies it again (cheap) and breaks that."""
    return copy_project(tmp_path_factory.mktemp("pristine"))


def fresh_copy(pristine: Path, dest: Path) -> Path:
    import shutil
    shutil.copytree(pristine, dest)
    return dest


@pytest.mark.parametrize("name", FAULTS)
def test_fault_stops_the_build_with_file_entry_and_fix(name, pristine, tmp_path):
    fault = FAULTS[name]
    project = fresh_copy(pristine, tmp_path / "project")
    fault.inject(project)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>an older, good-looking build</p>", encoding="utf-8")
    result = run_build(project, site)
    output = result.output
    assert result.returncode != 0, f"{name}: the build passed\n{output}"
    for text in fault.expected:
        assert text in output, f"{name}: expected {text!r} in\n{output}"
    assert fault.file in output, f"{name}: the message does not name the file {fault.file}\n{output}"
    assert fault.entry in output, f"{name}: the message does not name the entry {fault.entry}\n{output}"
    assert re.search(r"Fix: .*" + re.escape(fault.fix), output), f"{name}: no fix {fault.fix!r} in\n{output}"
    assert not (site / "index.html").exists(), f"{name}: the failed build left an index.html behind"


def test_the_pristine_copy_builds(pristine, tmp_path):
    """The faults above are the only thing wrong with their copies."""
    result = run_build(fresh_copy(pristine, tmp_path / "project"), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / "index.html").is_file()


def test_make_build_moves_the_site_into_place_only_on_success(pristine, tmp_path):
    """`make build` builds in a temporary directory: a good build replaces site/,
    a failed one removes it, so site/ never holds a half-built or stale site."""
    project = fresh_copy(pristine, tmp_path / "project")
    for name in ("Makefile", "requirements.txt"):
        (project / name).write_bytes((ROOT / name).read_bytes())
    (project / ".venv").symlink_to(ROOT / ".venv")
    # -o: treat the venv stamp as up to date; never reinstall into the real venv.
    make = ["make", "--no-print-directory", "-o", ".venv/.installed", "build"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    good = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert good.returncode == 0, good.stdout + good.stderr
    assert (project / "site" / "index.html").is_file()
    FAULTS["unknown-related-term"].inject(project)
    bad = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode != 0
    assert "related term 'precison' does not exist" in bad.stdout + bad.stderr
    assert "site/ removed" in bad.stderr
    assert not (project / "site" / "index.html").exists()
