"""Learning resources: a skill's list, and the Resources page with every one."""
from __future__ import annotations

from ..model.resources import LEVELS, TYPE_TITLES, TYPES
from ..render import Context


def skill_resources(ctx: Context, skill_id: str) -> str:
    """A skill's learning resources, each with its type, level and a "free" label."""
    skill = ctx.data.skill(skill_id, ctx.file)
    return ctx.template("resources.html.j2", rows=[(skill, r) for r in skill.resources], type_titles=TYPE_TITLES,
                        show_skill=False)


def resources_index(ctx: Context) -> str:
    """Every resource of the guide, with the filter's controls (skill, type, free or paid)."""
    skills = ctx.data.skills()
    rows = [(skill, resource) for skill in skills for resource in skill.resources]
    return ctx.template("resources_index.html.j2", rows=rows, skills=[s for s in skills if s.resources],
                        types=[t for t in TYPES if any(r.type == t for _, r in rows)], type_titles=TYPE_TITLES,
                        levels=LEVELS, urls={s.id: ctx.url(s.page) for s in skills}, show_skill=True)
