"""Portfolio projects: one file per project in `data/projects/<id>.yml`.

A project belongs to one stage of the path and exercises named skills. It
states its data (a public data set with its licence, or data the learner
makes), milestones in order, "done when" criteria a reviewer can check, and
what to show an employer.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import model_validator

from ..errors import DataError
from ..files import data_files, load_yaml
from .base import HttpsUrl, Id, Schema, Title, entry_of, invalid, seq, text, validate
from .skills import Stage

PROJECTS_FOLDER = "data/projects/"
Step = text(500)


class ProjectData(Schema):
    """Where the data comes from: a public data set (name, url, licence) or data the learner makes."""

    missing_fix: ClassVar[str] = ("name the public data set with its url and licence, or say how the learner "
                                  "makes the data under 'generated'")

    name: text(160) | None = None
    url: HttpsUrl | None = None
    licence: text(400) | None = None
    generated: text(600) | None = None

    @model_validator(mode="after")
    def _one_source(self) -> ProjectData:
        public = (self.name, self.url, self.licence)
        if self.generated is not None and any(public):
            raise invalid("'data' gives both a public data set and generated data",
                          "keep one: 'name', 'url' and 'licence', or 'generated'")
        if self.generated is None and not all(public):
            raise invalid("'data' names a public data set without all of 'name', 'url' and 'licence'",
                          "give the data set's name, its https url and its licence as the publisher states it")
        return self


class ProjectFields(Schema):
    missing_fix: ClassVar[str] = "add '{name}: ...' (see CONTRIBUTING.md, 'Add a portfolio project')"

    id: Id
    title: Title
    stage: Stage
    skills: seq(Id, min_length=1, max_length=8)
    goal: text(2500, one_line=False)
    data: ProjectData
    milestones: seq(Step, min_length=3, max_length=8)
    done_when: seq(Step, min_length=3, max_length=8)
    show: text(1500, one_line=False)


class Project(ProjectFields):
    goal_html: str
    file: str


def load_projects(root: Path, skill_ids: set[str]) -> list[Project]:
    """Every project under root/data/projects, validated, sorted by stage then title."""
    from ..markup import render_data_markdown
    from .skills import STAGES

    folder = root / PROJECTS_FOLDER
    if not folder.exists():
        return []
    projects = []
    for path, display in data_files(folder, PROJECTS_FOLDER, ".yml"):
        raw = load_yaml(path, display)
        entry = entry_of(raw, path.stem)
        checked = validate(ProjectFields, raw, display, entry)
        if checked.id != path.stem:
            raise DataError(display, entry, f"id '{checked.id}' must match the file name",
                            f"set id: {path.stem}, or rename the file to {checked.id}.yml")
        for skill_id in checked.skills:
            if skill_id not in skill_ids:
                raise DataError(display, entry, f"skill '{skill_id}' is not a known skill",
                                f"use one of: {', '.join(sorted(skill_ids))}")
        goal_html = render_data_markdown(checked.goal, display, entry, "the goal")
        projects.append(Project.model_construct(**dict(checked), goal_html=goal_html, file=display))
    return sorted(projects, key=lambda p: (STAGES.index(p.stage), p.title.lower()))
