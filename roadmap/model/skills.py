"""The learning path: one skill per file in `data/skills/<id>.yml`.

A skill has a title, a page, a stage of the path, prerequisites and a "what
to learn" checklist whose item keys are stable (readers' progress is kept
under them). `load_skills` validates every file and returns the skills in
learning order: prerequisites first, then the lower `order`.
"""
from __future__ import annotations

import difflib
import heapq
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, ValidationInfo, field_validator

from ..errors import DataError
from ..files import data_files, load_yaml
from .base import Id, Paragraph, Schema, entry_of, invalid, seq, text, validate
from .quizzes import Question, RenderedQuestion, render_question
from .resources import Resource

SKILLS_FOLDER = "data/skills/"
CHECKLIST_TEXT_MAX = 160
STAGES = ("foundations", "core", "production", "frontier")
Stage = Literal["foundations", "core", "production", "frontier"]
STAGE_TITLES = {"foundations": "Foundations", "core": "Core machine learning",
                "production": "Production", "frontier": "Frontier"}

# Checklist items are shown as plain text: Markdown would show as written.
_MARKUP = re.compile(r"[<>`{}]|\*\*|\]\(")
_NAV_UNSAFE = re.compile(r"[<>&{}`]")


def _plain(value: str) -> str:
    if _MARKUP.search(value):
        raise invalid(f"checklist item '{value[:40]}' contains markup (< > ` {{ }}, ** or a link)",
                      "keep each item one plain sentence; put explanations on the skill page")
    return value


def _nav_safe(value: str) -> str:
    # The title becomes a nav entry, and MkDocs and Material render nav
    # titles as HTML (unescaped, and `striptags` in <title>).
    if _NAV_UNSAFE.search(value):
        raise invalid("the title contains one of < > & { } ` (it is shown in the nav as HTML)",
                      "write the title as plain words, e.g. 'and' instead of '&'")
    return value


class ChecklistItem(Schema):
    key: Id
    text: Annotated[text(CHECKLIST_TEXT_MAX), AfterValidator(_plain)]


class SkillFields(Schema):
    """The fields of `data/skills/<id>.yml`."""

    id: Id
    title: Annotated[text(80), AfterValidator(_nav_safe)]
    page: str
    stage: Stage
    order: int
    summary: Paragraph
    prerequisites: seq(Id, max_length=10) = ()
    checklist: seq(ChecklistItem, min_length=1, max_length=40)
    resources: seq(Resource, max_length=30) = ()
    quiz: seq(Question, max_length=30) = ()

    @field_validator("page")
    @classmethod
    def _page_exists(cls, value: str, info: ValidationInfo) -> str:
        if not re.fullmatch(r"skills/[a-z0-9-]+\.md", value):
            raise invalid(f"'page' ({value!r}) is not a page path", "write it as skills/<id>.md")
        docs_dir = (info.context or {}).get("docs_dir")
        if docs_dir is not None and not (Path(docs_dir) / value).is_file():
            raise invalid(f"page '{value}' does not exist under docs/",
                          f"create docs/{value}, or point 'page' at the skill's existing page")
        return value

    @field_validator("checklist")
    @classmethod
    def _unique_keys(cls, items: tuple[ChecklistItem, ...]) -> tuple[ChecklistItem, ...]:
        keys = [i.key for i in items]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise invalid(f"checklist key(s) {', '.join(duplicates)} used twice",
                          "give every item its own key; never reuse or rename a key (readers' progress is "
                          "stored under it)")
        return items


    @field_validator("resources")
    @classmethod
    def _unique_urls(cls, items: tuple[Resource, ...]) -> tuple[Resource, ...]:
        seen: set[str] = set()
        for item in items:
            if item.url in seen:
                raise invalid(f"the resource url {item.url} is listed twice", "list each resource once")
            seen.add(item.url)
        return items

    @field_validator("quiz")
    @classmethod
    def _unique_questions(cls, items: tuple[Question, ...]) -> tuple[Question, ...]:
        keys = [q.key for q in items]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise invalid(f"quiz key(s) {', '.join(duplicates)} used twice",
                          "give every question its own key; never reuse or rename one (scores are stored under it)")
        return items


class Skill(SkillFields):
    file: str = ""     # data/skills/<id>.yml
    questions: tuple[RenderedQuestion, ...] = ()   # the quiz, rendered and checked


def parse_skill(raw: object, display: str, stem: str, docs_dir: Path | None = None) -> Skill:
    entry = entry_of(raw, stem)
    checked = validate(SkillFields, raw, display, entry, {"docs_dir": docs_dir})
    if checked.id != stem:
        raise DataError(display, entry, f"id '{checked.id}' must match the file name",
                        f"set id: {stem}, or rename the file to {checked.id}.yml")
    questions = tuple(render_question(q, display, entry) for q in checked.quiz)
    return Skill.model_construct(**dict(checked), file=display, questions=questions)


def find_cycle(graph: dict[str, tuple[str, ...]]) -> list[str] | None:
    """A prerequisite cycle as a path [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def learning_order(skills: list[Skill]) -> list[Skill]:
    """Prerequisites first; among skills that are ready, the earlier stage, then the lower `order`."""
    by_id = {s.id: s for s in skills}
    for skill in skills:
        for pre in skill.prerequisites:
            if pre not in by_id:
                close = difflib.get_close_matches(pre, sorted(by_id), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise DataError(skill.file, skill.id, f"prerequisite '{pre}' is not a known skill",
                                f"{hint}use the id of a file in data/skills/ (known: {', '.join(sorted(by_id))})")
    for skill in skills:
        for pre in skill.prerequisites:
            if STAGES.index(by_id[pre].stage) > STAGES.index(skill.stage):
                raise DataError(skill.file, skill.id,
                                f"prerequisite '{pre}' is in a later stage ({by_id[pre].stage}) than this skill "
                                f"({skill.stage})", "move one of the two skills to another stage, or drop the "
                                "prerequisite: a stage builds only on itself and the stages before it")
    cycle = find_cycle({s.id: s.prerequisites for s in skills})
    if cycle:
        raise DataError(by_id[cycle[0]].file, cycle[0],
                        f"prerequisites form a cycle: {' -> '.join(cycle)}",
                        "remove one of these prerequisites so the path has a beginning")
    waiting = {s.id: set(s.prerequisites) for s in skills}
    rank = {s.id: (STAGES.index(s.stage), s.order) for s in skills}
    ready = [(rank[s.id], s.id) for s in skills if not s.prerequisites]
    heapq.heapify(ready)
    ordered: list[Skill] = []
    while ready:
        _, skill_id = heapq.heappop(ready)
        ordered.append(by_id[skill_id])
        for other, pres in waiting.items():
            if skill_id in pres:
                pres.discard(skill_id)
                if not pres:
                    heapq.heappush(ready, (rank[other], other))
    return ordered


def leads_to(skills: list[Skill]) -> dict[str, list[str]]:
    """skill id -> ids of the skills that list it as a prerequisite."""
    result: dict[str, list[str]] = {s.id: [] for s in skills}
    for skill in skills:
        for pre in skill.prerequisites:
            result[pre].append(skill.id)
    return result


def load_skills(root: Path, docs_dir: Path | None = None) -> list[Skill]:
    """All skills under root/data/skills, validated, in learning order."""
    skills = [parse_skill(load_yaml(path, display), display, path.stem, docs_dir)
              for path, display in data_files(root / SKILLS_FOLDER, SKILLS_FOLDER, ".yml")]
    if not skills:
        raise DataError(SKILLS_FOLDER, None, "no skill files found", "add data/skills/<id>.yml files")
    return learning_order(skills)
