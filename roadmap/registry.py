"""The macros pages may call: the one list, with each macro's arguments.

A page may call these, and only these, with literal arguments (checked when
the page is parsed, `roadmap.pages`). Each is answered by a view function
`view(ctx, *arguments)`. To add a macro: write its view in roadmap/views/,
its template in roadmap/templates/, and add one line here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .pages import Param
from .views import figures, glossary, learning_path, print_guide, projects, quiz, resources, skills


@dataclass(frozen=True)
class Macro:
    name: str
    view: Callable[..., str]
    params: tuple[Param, ...]
    doc: str


_TEXT = Param("text")
_OPTIONAL_LABEL = Param("label", (str,), required=False)

MACROS: dict[str, Macro] = {m.name: m for m in (
    Macro("term", glossary.term, (_TEXT, _OPTIONAL_LABEL),
          "link a glossary term (by id, title or alias), with its definition as tooltip"),
    Macro("glossary", glossary.glossary, (), "the glossary page's list of terms"),
    Macro("skill_checklist", skills.skill_checklist, (Param("skill_id"),), "a skill's 'what to learn' checklist"),
    Macro("skill_relations", skills.skill_relations, (Param("skill_id"),),
          "a skill's prerequisites, next skills, responsibilities and key terms"),
    Macro("responsibility_skills", skills.responsibility_skills, (Param("responsibility_id"),),
          "the skills a responsibility draws on"),
    Macro("skills_overview", skills.skills_overview, (), "the table of skills in learning order"),
    Macro("skill_resources", resources.skill_resources, (Param("skill_id"),),
          "a skill's learning resources, typed, with a free or paid label"),
    Macro("resources_index", resources.resources_index, (), "every resource of the guide, with the filter"),
    Macro("skill_quiz", quiz.skill_quiz, (Param("skill_id"),), "a skill's self-check quiz, scored in the browser"),
    Macro("projects_index", projects.projects_index, (), "every portfolio project, by stage of the path"),
    Macro("roadmap", learning_path.roadmap, (), "the learning-path diagram and the progress panel"),
    Macro("figure", figures.figure, (Param("figure_id"),), "one dated figure's value"),
    Macro("figures_table", figures.figures_table, (), "every dated figure with its year and source"),
    Macro("whole_guide", print_guide.whole_guide, (), "every page and the glossary, for printing"),
)}

# name -> parameters: what the page parser checks calls against.
SIGNATURES = {name: macro.params for name, macro in MACROS.items()}
