"""Publish the data schemas as JSON Schema files in schemas/, for editors.

    python -m roadmap.tools.schemas           rewrite schemas/*.schema.json
    python -m roadmap.tools.schemas --check   exit 1 if any file is out of date

The schemas are the pydantic models in roadmap/model/ (the build's own
rules); editors that read a `# yaml-language-server: $schema=...` line at the
top of a data file then check it while it is written. tests/test_schemas.py
fails when a model changed and these files were not regenerated.
"""
from __future__ import annotations

import argparse
import json
import sys

from pydantic import TypeAdapter

from roadmap.build import ROOT
from roadmap.model.figures import Figure
from roadmap.model.glossary import Category, TermFields
from roadmap.model.projects import ProjectFields
from roadmap.model.responsibilities import Responsibility
from roadmap.model.skills import SkillFields

SCHEMAS_DIR = ROOT / "schemas"
BASE_URL = "https://ml-engineer-roadmap.github.io/ml-engineer-roadmap/schemas/"


def schemas() -> dict[str, dict]:
    """file name -> JSON Schema, one per kind of data file."""
    found = {
        "term.schema.json": (TermFields, "The front matter of a glossary term, data/glossary/<id>.md"),
        "skill.schema.json": (SkillFields, "A skill of the learning path, data/skills/<id>.yml"),
        "project.schema.json": (ProjectFields, "A portfolio project, data/projects/<id>.yml"),
        "figures.schema.json": (list[Figure], "Dated figures with their sources, data/figures.yml"),
        "responsibilities.schema.json": (list[Responsibility], "The job's responsibilities, data/responsibilities.yml"),
        "glossary-categories.schema.json": (list[Category], "Glossary categories, data/glossary-categories.yml"),
    }
    result = {}
    for name, (model, title) in found.items():
        schema = TypeAdapter(model).json_schema(mode="validation")
        result[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE_URL + name,
                        **schema, "title": title}
    return result


def rendered(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are up to date")
    args = parser.parse_args(argv)
    stale = []
    for name, schema in schemas().items():
        path = SCHEMAS_DIR / name
        text = rendered(schema)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            SCHEMAS_DIR.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run: python -m roadmap.tools.schemas", file=sys.stderr)
        return 1
    print(f"{len(stale)} schema file(s) written" if not args.check else "schemas are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
