"""mkdocs-macros entry point: load and validate the data once, register macros.

The logic lives in the sibling modules (pure functions the tests import);
this file only wires them to the pages. Macros available in Markdown:

    term(text, label=None)        link a glossary term, with its tooltip
    skill_checklist(skill_id)     a skill's "what to learn" list
    skill_relations(skill_id)     prerequisites, next skills, responsibilities, key terms
    responsibility_skills(id)     the skills a responsibility draws on
    skills_overview()             the skills in learning order
    roadmap()                     the learning-path diagram and progress panel
    figure(figure_id)             one dated figure's value
    figures_table()               all dated figures with sources and years
    glossary()                    the whole glossary page body
    whole_guide()                 every page and the glossary, for printing
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import print_guide, views
from .errors import DataError
from .render import make_environment
from .safety import check_pages
from .site_data import GLOSSARY_PAGE, load_site_data

# Pages left out of the printable guide: it is the guide itself, and
# contributing is about the repository rather than the subject.
NOT_PRINTED = {"print.md", "contributing.md", GLOSSARY_PAGE}


def define_env(env) -> None:
    docs_dir = Path(env.conf["docs_dir"])
    problems = check_pages(docs_dir)  # Jinja escapes, '{#' in headings, empty pages
    if problems:
        raise PluginError("Page sources are unsafe or broken.\n" + "\n".join(map(str, problems)))
    try:
        site = load_site_data(Path(env.project_dir), docs_dir)
    except DataError as error:
        raise PluginError(f"The build cannot start: fix this first.\n{error}") from None
    templates = make_environment()
    env.site_data = site

    def page() -> str:
        return env.page.file.src_uri

    @env.macro
    def term(text: str, label: str | None = None) -> str:
        return views.term_link(site, page(), text, label)

    @env.macro
    def skill_checklist(skill_id: str) -> str:
        return views.skill_checklist(site, templates, page(), skill_id)

    @env.macro
    def skill_relations(skill_id: str) -> str:
        return views.skill_relations(site, templates, page(), skill_id)

    @env.macro
    def responsibility_skills(responsibility_id: str) -> str:
        return views.responsibility_skills(site, templates, page(), responsibility_id)

    @env.macro
    def skills_overview() -> str:
        return views.skills_overview(site, templates, page())

    @env.macro
    def roadmap() -> str:
        return views.roadmap(site, templates, page())

    @env.macro
    def figure(figure_id: str) -> str:
        return views.figure_value(site, page(), figure_id)

    @env.macro
    def figures_table() -> str:
        return views.figures_table(site, templates)

    @env.macro
    def glossary() -> str:
        return views.glossary_page(site, templates, page())

    @env.macro
    def whole_guide() -> str:
        here = page()
        parts = []
        for src in print_guide.nav_sources(env.conf["nav"]):
            if src == here or src in NOT_PRINTED:
                continue
            markdown = (docs_dir / src).read_text(encoding="utf-8")
            parts.append(env.render(print_guide.printable(markdown, src, here), force_rendering=True))
        parts.append(views.glossary_print(site, templates))
        return "\n\n".join(parts)
