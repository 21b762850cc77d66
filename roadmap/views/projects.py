"""Portfolio projects: the Projects page, by stage of the path."""
from __future__ import annotations

from itertools import groupby

from ..model.skills import STAGE_TITLES
from ..render import Context


def projects_index(ctx: Context) -> str:
    projects = ctx.data.projects()
    skills = {s.id: s for s in ctx.data.skills()}
    stages = [(stage, STAGE_TITLES[stage], list(group)) for stage, group in groupby(projects, key=lambda p: p.stage)]
    return ctx.template("projects_index.md.j2", stages=stages, skills=skills,
                        urls={s: ctx.url(skill.page) for s, skill in skills.items()})
