"""What each macro prints: pure functions from site data to Markdown.

Each takes the loaded `SiteData`, the Jinja environment and the source path
of the page being rendered (links are made relative to it, so MkDocs checks
every one of them).
"""
from __future__ import annotations

from itertools import groupby

import jinja2

from .errors import DataError
from .roadmap import layout
from .site_data import GLOSSARY_PAGE, RESPONSIBILITIES_PAGE, SiteData
from .text import md_text, md_title, relative_link, relative_url


def term_link(site: SiteData, page: str, text: str, label: str | None = None) -> str:
    """A Markdown link to a term's glossary entry, its short definition as tooltip."""
    term = site.glossary.lookup(text, f"docs/{page}")
    shown = (label or text).replace("[", "\\[").replace("]", "\\]")
    href = relative_link(page, GLOSSARY_PAGE, term.id)
    return f"[{shown}]({href} {md_title(term.short)}){{ .glossary-term }}"


def _skill_or_error(site: SiteData, page: str, skill_id: str):
    ids = [s.id for s in site.skills]
    if skill_id not in ids:
        raise DataError(page, skill_id, f"unknown skill '{skill_id}'",
                        f"use one of: {', '.join(ids)} (data/skills/)")
    return site.skill(skill_id)


def skill_checklist(site: SiteData, env: jinja2.Environment, page: str, skill_id: str) -> str:
    skill = _skill_or_error(site, page, skill_id)
    if not skill.checklist:
        raise DataError(skill.file, skill.id, "the checklist is empty",
                        "add 'checklist:' items with a stable 'key' and a 'text'")
    return env.get_template("skill_checklist.html.j2").render(skill=skill)


def skill_relations(site: SiteData, env: jinja2.Environment, page: str, skill_id: str) -> str:
    skill = _skill_or_error(site, page, skill_id)
    by_id = {s.id: s for s in site.skills}
    return env.get_template("skill_relations.md.j2").render(
        page=page,
        prerequisites=[by_id[i] for i in skill.prerequisites],
        leads_to=[by_id[i] for i in site.leads_to[skill.id]],
        responsibilities=[r for r in site.responsibilities if skill.id in r.skills],
        responsibilities_page=RESPONSIBILITIES_PAGE,
        glossary_page=GLOSSARY_PAGE,
        key_terms=[site.glossary.terms[i] for i in site.terms_on(skill.page)],
    )


def responsibility_skills(site: SiteData, env: jinja2.Environment, page: str, resp_id: str) -> str:
    match = [r for r in site.responsibilities if r.id == resp_id]
    if not match:
        raise DataError(page, resp_id, f"unknown responsibility '{resp_id}'",
                        f"use one of: {', '.join(r.id for r in site.responsibilities)} (data/responsibilities.yml)")
    by_id = {s.id: s for s in site.skills}
    return env.get_template("responsibility_skills.md.j2").render(
        page=page, skills=[by_id[i] for i in match[0].skills])


def skills_overview(site: SiteData, env: jinja2.Environment, page: str) -> str:
    by_id = {s.id: s for s in site.skills}
    return env.get_template("skills_overview.md.j2").render(page=page, skills=site.skills, by_id=by_id)


def figure_value(site: SiteData, page: str, figure_id: str) -> str:
    if figure_id not in site.figures:
        raise DataError(page, figure_id, f"unknown figure '{figure_id}'",
                        f"use one of: {', '.join(site.figures)} (data/figures.yml)")
    return md_text(site.figures[figure_id].value)


def figures_table(site: SiteData, env: jinja2.Environment) -> str:
    return env.get_template("figures_table.md.j2").render(figures=list(site.figures.values()))


def glossary_page(site: SiteData, env: jinja2.Environment, page: str) -> str:
    terms = site.glossary.sorted_terms()
    letters = [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: t.title[0].upper())]
    categories = [
        (c, [t for t in terms if t.category == c.id]) for c in site.glossary.categories
    ]
    return env.get_template("glossary.md.j2").render(
        page=page,
        letters=letters,
        categories=[(c, ts) for c, ts in categories if ts],
        category_titles={c.id: c.title for c in site.glossary.categories},
        terms=site.glossary.terms,
        usage=site.usage,
        page_titles=site.page_titles,
    )


def roadmap(site: SiteData, env: jinja2.Environment, page: str) -> str:
    """The learning-path diagram with the reader's progress panel."""
    return env.get_template("roadmap.svg.j2").render(
        diagram=layout(site.skills),
        urls={s.id: relative_url(page, s.page) for s in site.skills},
        titles={s.id: s.title for s in site.skills},
    )


def glossary_print(site: SiteData, env: jinja2.Environment) -> str:
    """Every term's definition, for the printable whole guide."""
    return env.get_template("glossary_print.md.j2").render(terms=site.glossary.sorted_terms())
