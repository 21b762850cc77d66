"""Everything the macros need, loaded and validated once per build."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .figures import Figure, load_figures
from .glossary import Glossary, load_glossary, scan_usage
from .skills import Responsibility, Skill, leads_to, load_responsibilities, load_skills

GLOSSARY_PAGE = "glossary.md"
RESPONSIBILITIES_PAGE = "responsibilities.md"
_H1 = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


@dataclass
class SiteData:
    glossary: Glossary
    skills: list[Skill]              # in learning order
    leads_to: dict[str, list[str]]
    responsibilities: list[Responsibility]
    figures: dict[str, Figure]
    usage: dict[str, list[str]]      # term id -> pages that call term() on it
    page_titles: dict[str, str]      # docs source path -> its H1

    def skill(self, skill_id: str) -> Skill:
        return next(s for s in self.skills if s.id == skill_id)

    def terms_on(self, src: str) -> list[str]:
        """Ids of the terms a page links with `term`, in title order."""
        ids = [i for i, pages in self.usage.items() if src in pages]
        return sorted(ids, key=lambda i: self.glossary.terms[i].title.lower())


def read_pages(docs_dir: Path) -> dict[str, str]:
    """docs source path (posix, relative to docs/) -> Markdown source."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs_dir.rglob("*.md"))
    }


def page_title(markdown: str, fallback: str) -> str:
    match = _H1.search(markdown)
    return match.group(1).strip() if match else fallback


def load_site_data(root: Path, docs_dir: Path) -> SiteData:
    glossary = load_glossary(root)
    skills = load_skills(root, docs_dir)
    responsibilities = load_responsibilities(root, {s.id for s in skills})
    pages = read_pages(docs_dir)
    pages.pop(GLOSSARY_PAGE, None)  # "used on" means used outside the glossary
    return SiteData(
        glossary=glossary,
        skills=skills,
        leads_to=leads_to(skills),
        responsibilities=responsibilities,
        figures=load_figures(root),
        usage=scan_usage(pages, glossary),
        page_titles={src: page_title(md, src) for src, md in pages.items()},
    )
