"""The learning path: skills (one YAML file each) and responsibilities.

`data/skills/<id>.yml` holds a skill's title, page, summary, prerequisites and
"what to learn" checklist; `data/responsibilities.yml` says which skills each
responsibility draws on. Every cross-link on the site is derived from these
two sources, so no list is kept by hand in two places.
"""
from __future__ import annotations

import difflib
import heapq
import re
from dataclasses import dataclass
from pathlib import Path

from .datafiles import load_yaml
from .errors import DataError
from .text import is_id

CHECKLIST_TEXT_MAX = 160
_MARKUP = re.compile(r"[<>*`\[\]{}]")
_TITLE_UNSAFE = re.compile(r"[<>&{}`]")


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    text: str


@dataclass(frozen=True)
class Skill:
    id: str
    title: str
    page: str
    order: int
    summary: str
    prerequisites: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]
    file: str = ""


@dataclass(frozen=True)
class Responsibility:
    id: str
    title: str
    skills: tuple[str, ...]


def _require(raw: dict, name: str, kind, display: str, entry: str):
    value = raw.get(name)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise DataError(display, entry, f"required field '{name}' is missing or has the wrong type",
                        f"add '{name}: ...' (see the other files in data/skills/ for the shape)")
    return value


def parse_skill(raw: object, display: str, stem: str, docs_dir: Path | None = None) -> Skill:
    if not isinstance(raw, dict):
        raise DataError(display, stem, "the file is not a mapping of fields",
                        "write 'id: ...', 'title: ...' and so on, one per line")
    entry = str(raw.get("id") or stem)
    skill_id = _require(raw, "id", str, display, entry)
    if not is_id(skill_id) or skill_id != stem:
        raise DataError(display, entry, f"id '{skill_id}' must be lower-case-with-hyphens and match the file name",
                        f"set id: {stem}, or rename the file to {skill_id}.yml")
    title = _require(raw, "title", str, display, entry)
    if _TITLE_UNSAFE.search(title):
        # The title becomes a nav entry, and MkDocs and Material render nav
        # titles as HTML (unescaped, and `striptags` in <title>).
        raise DataError(display, entry, "the title contains one of < > & { } ` (it is shown in the nav as HTML)",
                        "write the title as plain words, e.g. 'and' instead of '&'")
    page = _require(raw, "page", str, display, entry)
    if docs_dir is not None and not (docs_dir / page).is_file():
        raise DataError(display, entry, f"page '{page}' does not exist under docs/",
                        f"create docs/{page}, or point 'page' at the skill's existing page")
    order = _require(raw, "order", int, display, entry)
    summary = " ".join(_require(raw, "summary", str, display, entry).split())
    prerequisites = raw.get("prerequisites") or []
    if not isinstance(prerequisites, list) or not all(isinstance(p, str) for p in prerequisites):
        raise DataError(display, entry, "'prerequisites' must be a list of skill ids",
                        "write prerequisites: [programming] or prerequisites: []")
    items = []
    for item in raw.get("checklist") or []:
        if not isinstance(item, dict) or not is_id(item.get("key")) or not isinstance(item.get("text"), str):
            raise DataError(display, entry,
                            f"checklist item {item!r} needs a 'key' (lower-case-with-hyphens) and a 'text'",
                            "write '- key: stable-key' and '  text: One plain sentence.'")
        text = " ".join(item["text"].split())
        if len(text) > CHECKLIST_TEXT_MAX or _MARKUP.search(text):
            raise DataError(display, entry,
                            f"checklist item '{item['key']}' is over {CHECKLIST_TEXT_MAX} characters "
                            "or contains markup",
                            "keep each item one plain sentence; put explanations on the skill page")
        items.append(ChecklistItem(item["key"], text))
    keys = [i.key for i in items]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise DataError(display, entry, f"checklist key(s) {', '.join(duplicates)} used twice",
                        "give every item its own key; never reuse or rename a key "
                        "(readers' progress is stored under it)")
    return Skill(skill_id, title.strip(), page, order, summary, tuple(prerequisites), tuple(items), display)


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
    """Prerequisites first; among skills that are ready, the lower `order` first."""
    by_id = {s.id: s for s in skills}
    for skill in skills:
        for pre in skill.prerequisites:
            if pre not in by_id:
                close = difflib.get_close_matches(pre, sorted(by_id), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise DataError(skill.file, skill.id, f"prerequisite '{pre}' is not a known skill",
                                f"{hint}use the id of a file in data/skills/ (known: {', '.join(sorted(by_id))})")
    cycle = find_cycle({s.id: s.prerequisites for s in skills})
    if cycle:
        raise DataError(by_id[cycle[0]].file, cycle[0],
                        f"prerequisites form a cycle: {' -> '.join(cycle)}",
                        "remove one of these prerequisites so the path has a beginning")
    waiting = {s.id: set(s.prerequisites) for s in skills}
    ready = [(s.order, s.id) for s in skills if not s.prerequisites]
    heapq.heapify(ready)
    ordered: list[Skill] = []
    while ready:
        _, skill_id = heapq.heappop(ready)
        ordered.append(by_id[skill_id])
        for other, pres in waiting.items():
            if skill_id in pres:
                pres.discard(skill_id)
                if not pres:
                    heapq.heappush(ready, (by_id[other].order, other))
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
    skills = []
    for path in sorted((root / "data" / "skills").glob("*.yml")):
        display = f"data/skills/{path.name}"
        skills.append(parse_skill(load_yaml(path, display), display, path.stem, docs_dir))
    if not skills:
        raise DataError("data/skills/", None, "no skill files found", "add data/skills/<id>.yml files")
    return learning_order(skills)


def load_responsibilities(root: Path, skill_ids: set[str]) -> list[Responsibility]:
    display = "data/responsibilities.yml"
    raw = load_yaml(root / "data" / "responsibilities.yml", display)
    if not isinstance(raw, list):
        raise DataError(display, None, "expected a list of responsibilities",
                        "write one '- id: ...' item per responsibility")
    result, seen = [], set()
    for item in raw:
        entry = str(item.get("id") if isinstance(item, dict) else item)
        if not isinstance(item, dict) or not is_id(item.get("id")) or not isinstance(item.get("title"), str):
            raise DataError(display, entry, "a responsibility needs an 'id' (lower-case-with-hyphens) and a 'title'",
                            "give every item 'id', 'title' and 'skills'")
        if item["id"] in seen:
            raise DataError(display, entry, "duplicate id", "give each responsibility its own id")
        seen.add(item["id"])
        skills = item.get("skills") or []
        for skill_id in skills:
            if skill_id not in skill_ids:
                raise DataError(display, entry, f"skill '{skill_id}' is not a known skill",
                                f"use one of: {', '.join(sorted(skill_ids))}")
        if not skills:
            raise DataError(display, entry, "no skills listed", "list the skill ids this responsibility draws on")
        result.append(Responsibility(item["id"], item["title"].strip(), tuple(skills)))
    return result


def responsibilities_for(skill_id: str, responsibilities: list[Responsibility]) -> list[Responsibility]:
    return [r for r in responsibilities if skill_id in r.skills]
