"""The responsibilities of the job, in `data/responsibilities.yml`: each
says which skills it draws on; skill pages list theirs from this file."""
from __future__ import annotations

from pathlib import Path

from ..errors import DataError
from ..files import load_yaml
from .base import Id, Schema, Title, entry_of, seq, validate

RESPONSIBILITIES_FILE = "data/responsibilities.yml"


class Responsibility(Schema):
    id: Id
    title: Title
    skills: seq(Id, min_length=1, max_length=12)


def load_responsibilities(root: Path, skill_ids: set[str]) -> list[Responsibility]:
    display = RESPONSIBILITIES_FILE
    raw = load_yaml(root / display, display)
    if not isinstance(raw, list):
        raise DataError(display, None, "expected a list of responsibilities",
                        "write one '- id: ...' item per responsibility")
    result: list[Responsibility] = []
    for number, item in enumerate(raw, start=1):
        entry = entry_of(item, f"item {number}")
        responsibility = validate(Responsibility, item, display, entry)
        if any(r.id == responsibility.id for r in result):
            raise DataError(display, entry, "duplicate id", "give each responsibility its own id")
        for skill_id in responsibility.skills:
            if skill_id not in skill_ids:
                raise DataError(display, entry, f"skill '{skill_id}' is not a known skill",
                                f"use one of: {', '.join(sorted(skill_ids))}")
        result.append(responsibility)
    return result
