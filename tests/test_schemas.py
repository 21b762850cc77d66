"""The published JSON Schemas (schemas/) are the build's own models, up to
date, and every data file in the repository passes them."""
from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import ROOT

from roadmap.files import load_front_matter, load_yaml
from roadmap.tools import schemas as tool

SCHEMAS = ROOT / "schemas"


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def test_the_published_schemas_are_up_to_date():
    assert tool.main(["--check"]) == 0, "run: python -m roadmap.tools.schemas"
    assert set(tool.schemas()) == {p.name for p in SCHEMAS.glob("*.schema.json")}


@pytest.mark.parametrize("name", sorted(tool.schemas()))
def test_each_schema_is_valid_json_schema_and_closed(name):
    published = schema(name)
    jsonschema.Draft202012Validator.check_schema(published)
    target = published.get("items", published)
    if "$ref" in target:
        target = published["$defs"][target["$ref"].rsplit("/", 1)[1]]
    assert target.get("additionalProperties") is False, f"{name}: unknown keys must be refused"


def data_files():
    for path in sorted((ROOT / "data" / "glossary").glob("*.md")):
        yield "term.schema.json", load_front_matter(path, path.name)[0], path.name
    for path in sorted((ROOT / "data" / "skills").glob("*.yml")):
        yield "skill.schema.json", load_yaml(path, path.name), path.name
    for path in sorted((ROOT / "data" / "projects").glob("*.yml")):
        yield "project.schema.json", load_yaml(path, path.name), path.name
    for name, file in (("figures.schema.json", "figures.yml"), ("responsibilities.schema.json", "responsibilities.yml"),
                       ("glossary-categories.schema.json", "glossary-categories.yml")):
        yield name, load_yaml(ROOT / "data" / file, file), file


def test_every_data_file_passes_its_published_schema():
    checked = 0
    for name, data, file in data_files():
        errors = list(jsonschema.Draft202012Validator(schema(name)).iter_errors(data))
        assert not errors, f"{file}: {errors[0].message}"
        checked += 1
    assert checked > 100


def test_a_data_file_names_its_schema_for_editors():
    for path in [*(ROOT / "data" / "glossary").glob("*.md"), *(ROOT / "data" / "skills").glob("*.yml"),
                 *(ROOT / "data" / "projects").glob("*.yml"), ROOT / "data" / "figures.yml"]:
        head = path.read_text(encoding="utf-8")[:200]
        assert "# yaml-language-server: $schema=" in head, path.name
        target = head.split("$schema=", 1)[1].split()[0]
        assert (path.parent / target).resolve().is_file(), f"{path.name}: {target} does not exist"
