"""The site's reading order: the nav of mkdocs.yml with the skill pages
filled in from data.

mkdocs.yml lists only the skills overview under "Skills"; the skill pages
follow it in learning order, so adding a skill file adds its page to the
nav (and to the printable guide) in the right place.
"""
from __future__ import annotations

import copy

from .errors import DataError
from .model.skills import Skill

SKILLS_INDEX = "skills/index.md"


def skills_section(skills: list[Skill]) -> list:
    """The Skills section of the nav: the overview, then each skill in learning order."""
    return [SKILLS_INDEX, *({s.title: s.page} for s in skills)]


def _fill(nav: list, skills: list[Skill]) -> bool:
    for item in nav:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list):
                    if SKILLS_INDEX in children:
                        children[:] = skills_section(skills)
                        return True
                    if _fill(children, skills):
                        return True
    return False


def with_skills(nav: list | None, skills: list[Skill]) -> list:
    """A copy of the nav with the Skills section filled in."""
    filled = copy.deepcopy(nav or [])
    if not _fill(filled, skills):
        raise DataError("mkdocs.yml", "nav", f"the nav has no section containing '{SKILLS_INDEX}'",
                        f"keep a '- Skills:' section that lists {SKILLS_INDEX}; the skill pages are added "
                        "from data/skills/")
    return filled


def nav_sources(nav: list) -> list[str]:
    """Docs source paths in nav order."""
    found: list[str] = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_sources(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found
