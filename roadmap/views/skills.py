"""The skills' views: checklist, place on the path, overview, and the skills
a responsibility draws on."""
from __future__ import annotations

from ..render import Context
from ..site import PROJECTS_PAGE, RESPONSIBILITIES_PAGE
from .glossary import term_src


def skill_checklist(ctx: Context, skill_id: str) -> str:
    """"What to learn": the skill's checklist (progress.js adds the checkboxes)."""
    return ctx.template("skill_checklist.html.j2", skill=ctx.data.skill(skill_id, ctx.file))


def skill_relations(ctx: Context, skill_id: str) -> str:
    """Prerequisites, next skills, responsibilities and key terms of a skill."""
    skill = ctx.data.skill(skill_id, ctx.file)
    return ctx.template(
        "skill_relations.md.j2",
        prerequisites=[ctx.data.skill(i) for i in skill.prerequisites],
        leads_to=ctx.data.leads_to(skill.id),
        responsibilities=[r for r in ctx.data.responsibilities() if skill.id in r.skills],
        responsibilities_page=RESPONSIBILITIES_PAGE,
        term_src=term_src,
        key_terms=ctx.data.terms_on(skill.page),
        projects=ctx.data.projects_for(skill.id),
        projects_page=PROJECTS_PAGE,
    )


def responsibility_skills(ctx: Context, responsibility_id: str) -> str:
    responsibility = ctx.data.responsibility(responsibility_id, ctx.file)
    return ctx.template("responsibility_skills.md.j2", skills=[ctx.data.skill(i) for i in responsibility.skills])


def skills_overview(ctx: Context) -> str:
    skills = ctx.data.skills()
    return ctx.template("skills_overview.md.j2", skills=skills, by_id={s.id: s for s in skills})
