"""A skill's self-check quiz: multiple-choice questions scored in the browser,
open questions with a worked answer. Everything is readable without JavaScript."""
from __future__ import annotations

from ..render import Context


def skill_quiz(ctx: Context, skill_id: str) -> str:
    skill = ctx.data.skill(skill_id, ctx.file)
    return ctx.template("quiz.html.j2", skill=skill, questions=skill.questions, printing=ctx.printing)
