"""Every code block on the site runs, and the output it shows is what it prints.

- Python and SQL blocks run, page by page, in a fresh process
  (tests/codeblocks.py says how); what a block prints must equal the Output
  block that follows it, and a block that prints must be followed by one.
- Excerpts of framework code (PyTorch, an API client, a Dockerfile) carry the
  title "Excerpt: not run by the tests" and link the official tutorial that
  runs them.
- The contributing guide's blocks are checked for what they are: YAML and
  term files against the schemas, macro calls against the page parser, and
  every `make` command against the Makefile.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from codeblocks import EXCERPT, OUTPUT_TITLE, blocks
from conftest import ROOT

from roadmap.files import parse_yaml, split_front_matter
from roadmap.model.base import validate
from roadmap.model.glossary import TermFields
from roadmap.model.skills import ChecklistItem
from roadmap.pages import parse_page
from roadmap.registry import SIGNATURES

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md"))
RUNNABLE = ("python", "sql")
KNOWN = {*RUNNABLE, "text", "console", "sh", "markdown", "yaml", "dockerfile", "json"}
CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def page_blocks(rel: str):
    return blocks((ROOT / rel).read_text(encoding="utf-8"))


def test_the_site_has_code_and_every_block_is_of_a_known_kind():
    found = [(rel, b) for rel in [*PAGES, "CONTRIBUTING.md"] for b in page_blocks(rel)]
    assert sum(b.lang == "python" and EXCERPT not in b.title for _, b in found) >= 80
    assert sum(b.lang == "sql" for _, b in found) >= 5
    for rel, block in found:
        assert block.lang in KNOWN, f"{rel}, line {block.line}: a ```{block.lang} block; give it a known language"
        if block.lang not in (*RUNNABLE, "text") and rel != "CONTRIBUTING.md":
            assert EXCERPT in block.title, (f"{rel}, line {block.line}: a ```{block.lang} block on a page runs "
                                            f"nowhere; title it \"{EXCERPT}\" and link the tutorial that runs it")


@pytest.mark.parametrize("rel", [r for r in PAGES if any(b.lang in RUNNABLE for b in page_blocks(r))])
def test_every_code_block_of_a_page_runs_and_prints_what_it_shows(rel):
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "codeblocks.py"), str(ROOT / rel)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    print(proc.stdout[-2000:])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ran = int(re.search(r": (\d+) blocks run, 0 problems", proc.stdout).group(1))
    assert ran == sum(b.lang in RUNNABLE and EXCERPT not in b.title for b in page_blocks(rel))


def test_every_output_block_follows_code_that_runs():
    for rel in PAGES:
        found = page_blocks(rel)
        for i, block in enumerate(found):
            if block.title == OUTPUT_TITLE:
                assert i and found[i - 1].lang in RUNNABLE and EXCERPT not in found[i - 1].title, (
                    f"{rel}, line {block.line}: an Output block with no code that runs before it")


# -- The contributing guide -----------------------------------------------------------------

def contributing(lang: str):
    return [b for b in blocks(CONTRIBUTING.read_text(encoding="utf-8")) if b.lang == lang]


def test_the_guides_yaml_is_valid_data():
    for block in contributing("yaml"):
        data = parse_yaml(block.code, f"CONTRIBUTING.md, line {block.line}")
        for item in data["checklist"]:
            validate(ChecklistItem, item, "CONTRIBUTING.md", item.get("key"))


def test_the_guides_markdown_is_a_valid_term_file_or_a_valid_page():
    kinds = []
    for block in contributing("markdown"):
        parts = split_front_matter(block.code)
        if parts is not None:
            fields = parse_yaml(parts.fields, "CONTRIBUTING.md")
            validate(TermFields, fields, "CONTRIBUTING.md", fields["id"], {"categories": None})
            kinds.append("term")
        else:
            parse_page("# Example\n\n" + block.code, "example.md", SIGNATURES)
            kinds.append("page")
    assert set(kinds) == {"term", "page"}


def test_every_make_command_in_the_guide_is_a_real_target():
    commands = [line[2:].strip() for lang in ("console", "sh") for block in contributing(lang)
                for line in block.code.splitlines() if line.startswith("$ ") or lang == "sh" and line.strip()]
    makes = [c.split("#")[0].strip() for c in commands if c.split("#")[0].strip().startswith("make ")]
    assert len(makes) >= 5
    for command in makes:
        proc = subprocess.run(["make", "--no-print-directory", "-n", "-o", ".venv/.installed",
                               *command.split()[1:]], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, f"`{command}` in CONTRIBUTING.md is not a working make command: {proc.stderr}"
