"""The validated model of the whole site, loaded once per build.

`load_site` reads every data file (through `roadmap.model`) and every page
source (through `roadmap.pages`), checks the rules that span files, and
returns a `SiteData`. Views read data only through `SiteData`'s accessors,
and each accessor records the files it hands out (`roadmap.recording`):
that record is what dates a page.
"""
from __future__ import annotations

from pathlib import Path

from .errors import DataError
from .model.figures import FIGURES_FILE, Figure, load_figures
from .model.glossary import CATEGORIES_FILE, Category, Glossary, Term, load_glossary
from .model.projects import Project, load_projects
from .model.responsibilities import RESPONSIBILITIES_FILE, Responsibility, load_responsibilities
from .model.skills import Skill, leads_to, load_skills
from .navigation import nav_sources, with_skills
from .pages import PageSource, read_pages
from .recording import record

GLOSSARY_PAGE = "glossary.md"
RESPONSIBILITIES_PAGE = "responsibilities.md"
PRINT_PAGE = "print.md"
PROJECTS_PAGE = "projects.md"
RESOURCES_PAGE = "resources.md"


class SiteData:
    """Every fact of the site, behind accessors that record what they hand out."""

    def __init__(self, glossary: Glossary, skills: list[Skill], responsibilities: list[Responsibility],
                 figures: dict[str, Figure], pages: dict[str, PageSource], nav: list | None = None,
                 projects: list[Project] | None = None):
        self._glossary = glossary
        self._skills = skills                      # in learning order
        self._skill_by_id = {s.id: s for s in skills}
        self._leads_to = leads_to(skills)
        self._responsibilities = responsibilities
        self._figures = figures
        self._projects = projects or []
        self._pages = pages
        self._reading_order = nav_sources(with_skills(nav, skills)) if nav is not None else list(pages)
        # term id -> sources of the pages that call term() on it ("used on")
        self._usage: dict[str, list[str]] = {}
        for src, page in pages.items():
            if src == GLOSSARY_PAGE:
                continue
            for call in page.calls:
                if call.name == "term" and not call.in_comment:
                    users = self._usage.setdefault(glossary.lookup(call.first, page.file).id, [])
                    if src not in users:
                        users.append(src)

    # -- Glossary ------------------------------------------------------------------------

    def term(self, name: str, page: str = "") -> Term:
        """The term a name (id, title, alias, plural) points to; unknown names are a DataError."""
        term = self._glossary.lookup(name, page)
        record(term.file)
        return term

    def terms(self) -> list[Term]:
        """Every term, in title order."""
        record(CATEGORIES_FILE, *(t.file for t in self._glossary.terms.values()))
        return self._glossary.sorted_terms()

    def categories(self) -> list[Category]:
        record(CATEGORIES_FILE)
        return list(self._glossary.categories)

    def glossary_keys(self) -> dict[str, str]:
        """Every normalised name -> term id (what site search and term() resolve)."""
        record(*(t.file for t in self._glossary.terms.values()))
        return dict(self._glossary.keys)

    def pages_using(self, term_id: str) -> list[str]:
        """Sources of the pages that link a term with term(), in path order."""
        users = sorted(self._usage.get(term_id, []))
        record(*(self._pages[src].file for src in users))
        return users

    def terms_on(self, src: str) -> list[Term]:
        """The terms a page links with term(), in title order."""
        ids = [i for i, users in self._usage.items() if src in users]
        record(self._pages[src].file, *(self._glossary.terms[i].file for i in ids))
        return sorted((self._glossary.terms[i] for i in ids), key=lambda t: t.title.lower())

    # -- Skills and responsibilities ---------------------------------------------------------

    def skills(self) -> list[Skill]:
        """Every skill, in learning order."""
        record(*(s.file for s in self._skills))
        return list(self._skills)

    def skill(self, skill_id: str, page: str = "") -> Skill:
        skill = self._skill_by_id.get(skill_id)
        if skill is None:
            raise DataError(page or "(page)", skill_id, f"unknown skill '{skill_id}'",
                            f"use one of: {', '.join(self._skill_by_id)} (data/skills/)")
        record(skill.file)
        return skill

    def leads_to(self, skill_id: str) -> list[Skill]:
        """The skills that list this one as a prerequisite (any skill file can add one)."""
        record(*(s.file for s in self._skills))
        return [self._skill_by_id[i] for i in self._leads_to[skill_id]]

    def responsibilities(self) -> list[Responsibility]:
        record(RESPONSIBILITIES_FILE)
        return list(self._responsibilities)

    def responsibility(self, responsibility_id: str, page: str = "") -> Responsibility:
        record(RESPONSIBILITIES_FILE)
        for responsibility in self._responsibilities:
            if responsibility.id == responsibility_id:
                return responsibility
        raise DataError(page or "(page)", responsibility_id, f"unknown responsibility '{responsibility_id}'",
                        f"use one of: {', '.join(r.id for r in self._responsibilities)} ({RESPONSIBILITIES_FILE})")

    # -- Projects ----------------------------------------------------------------------------

    def projects(self) -> list[Project]:
        """Every portfolio project, by stage of the path then title."""
        record(*(p.file for p in self._projects))
        return list(self._projects)

    def projects_for(self, skill_id: str) -> list[Project]:
        """The projects that exercise a skill (any project file can add one)."""
        record(*(p.file for p in self._projects))
        return [p for p in self._projects if skill_id in p.skills]

    # -- Figures ----------------------------------------------------------------------------

    def figure(self, figure_id: str, page: str = "") -> Figure:
        record(FIGURES_FILE)
        if figure_id not in self._figures:
            raise DataError(page or "(page)", figure_id, f"unknown figure '{figure_id}'",
                            f"use one of: {', '.join(self._figures)} ({FIGURES_FILE})")
        return self._figures[figure_id]

    def figures(self) -> list[Figure]:
        record(FIGURES_FILE)
        return list(self._figures.values())

    # -- Pages ---------------------------------------------------------------------------------

    def page(self, src: str) -> PageSource:
        """A page's parsed source (its text reaches whatever renders it)."""
        page = self._pages[src]
        record(page.file, *page.snippets)
        return page

    def page_title(self, src: str) -> str:
        record(self._pages[src].file)
        return self._pages[src].title

    def reading_order(self) -> list[str]:
        """Page sources in nav order, skill pages included (the nav is in mkdocs.yml)."""
        record("mkdocs.yml", *(s.file for s in self._skills))
        return list(self._reading_order)

    def page_sources(self) -> list[str]:
        """Every page source path (no recording: the list itself is not shown)."""
        return list(self._pages)


def load_site(root: Path, docs_dir: Path, nav: list | None = None) -> SiteData:
    """Load and validate everything under root; the first problem is a DataError."""
    from .registry import SIGNATURES  # the macros the pages may call

    glossary = load_glossary(root)
    skills = load_skills(root, docs_dir)
    responsibilities = load_responsibilities(root, {s.id for s in skills})
    figures = load_figures(root)
    projects = load_projects(root, {s.id for s in skills})
    docs_prefix = (docs_dir.relative_to(root).as_posix() + "/") if docs_dir.is_relative_to(root) else "docs/"
    pages = read_pages(docs_dir, SIGNATURES, docs_prefix)
    return SiteData(glossary, skills, responsibilities, figures, pages, nav, projects)
