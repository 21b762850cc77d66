"""The data the site publishes as files: `glossary.json`."""
from __future__ import annotations

import json

from .site import SiteData
from .urls import Links

GLOSSARY_JSON = "glossary.json"


def glossary_records(data: SiteData, links: Links) -> list[dict]:
    """One record per term, in title order, with the URL of its own page."""
    from .views.glossary import term_src

    return [
        {"id": t.id, "title": t.title, "short": t.short, "aliases": list(t.aliases),
         "category": t.category, "related": list(t.related), "url": links.absolute_url(term_src(t.id))}
        for t in data.terms()
    ]


def glossary_json(data: SiteData, links: Links) -> str:
    return json.dumps({"terms": glossary_records(data, links)}, indent=2, ensure_ascii=False) + "\n"


# -- roadmap.json: the learning path as data ---------------------------------------------

ROADMAP_JSON = "roadmap.json"
ROADMAP_FORMAT = "ml-engineer-roadmap/roadmap"
ROADMAP_VERSION = 1


def roadmap_record(data: SiteData, links: Links) -> dict:
    """The path as data: skills in learning order, projects, responsibilities.

    Its shape is documented in CONTRIBUTING.md ("roadmap.json"); `version`
    goes up whenever a field changes meaning or disappears.
    """
    from .site import PROJECTS_PAGE, RESPONSIBILITIES_PAGE

    projects_url = links.absolute_url(PROJECTS_PAGE)
    responsibilities_url = links.absolute_url(RESPONSIBILITIES_PAGE)
    return {
        "format": ROADMAP_FORMAT,
        "version": ROADMAP_VERSION,
        "skills": [
            {
                "id": s.id, "title": s.title, "url": links.absolute_url(s.page), "stage": s.stage,
                "summary": s.summary, "prerequisites": list(s.prerequisites),
                "checklist": [{"key": i.key, "text": i.text} for i in s.checklist],
                "resources": [{"title": r.title, "by": r.by, "url": r.url, "type": r.type, "free": r.free,
                               "level": r.level, "note": r.note} for r in s.resources],
                "quiz": {"questions": len(s.quiz), "multiple_choice": sum(q.kind == "choice" for q in s.quiz),
                         "open": sum(q.kind == "open" for q in s.quiz)},
            }
            for s in data.skills()
        ],
        "projects": [
            {"id": p.id, "title": p.title, "url": f"{projects_url}#{p.id}", "stage": p.stage, "skills": list(p.skills),
             "data": {k: v for k, v in dict(p.data).items() if v is not None},
             "milestones": list(p.milestones), "done_when": list(p.done_when)}
            for p in data.projects()
        ],
        "responsibilities": [
            {"id": r.id, "title": r.title, "url": f"{responsibilities_url}#{r.id}", "skills": list(r.skills)}
            for r in data.responsibilities()
        ],
    }


def roadmap_json(data: SiteData, links: Links) -> str:
    return json.dumps(roadmap_record(data, links), indent=2, ensure_ascii=False) + "\n"
