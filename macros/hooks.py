"""MkDocs hooks (see `hooks:` in mkdocs.yml): build events the macros can't reach.

Loaded by MkDocs as a plain module, not as part of the `macros` package;
it reads the data the macros plugin already loaded instead of loading it again.
"""
from __future__ import annotations

import json

from mkdocs.structure.files import File, Files

GLOSSARY_JSON = "glossary.json"
SKILLS_INDEX = "skills/index.md"


def skills_nav(skills) -> list:
    """The Skills section of the nav: the overview, then each skill in learning order."""
    return [SKILLS_INDEX, *({s.title: s.page} for s in skills)]


def _fill_skills_section(nav: list, skills) -> bool:
    for item in nav:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list):
                    if SKILLS_INDEX in children:
                        children[:] = skills_nav(skills)
                        return True
                    if _fill_skills_section(children, skills):
                        return True
    return False


def on_config(config):
    """Order the Skills section of the nav from data/skills (learning order).

    mkdocs.yml lists only the overview page there; adding a skill file adds
    its page to the nav in the right place.
    """
    from mkdocs.exceptions import PluginError

    site = config.plugins["macros"].site_data
    if not _fill_skills_section(config.nav or [], site.skills):
        raise PluginError(f"mkdocs.yml: the nav has no section containing '{SKILLS_INDEX}'.\n"
                          f"  Fix: keep a '- Skills:' section that lists {SKILLS_INDEX}; "
                          "the skill pages are added from data/skills/.")
    return config


def on_files(files: Files, config) -> Files:
    """Publish the glossary as data, `glossary.json`, as a file of the site.

    As a real MkDocs file it is served by `mkdocs serve` and links to it from
    pages are checked like any other.
    """
    from macros.glossary import export_records  # loaded by the macros plugin by now
    from macros.site_data import GLOSSARY_PAGE

    site = config.plugins["macros"].site_data
    site_url = (config.site_url or "").rstrip("/")
    glossary_path = GLOSSARY_PAGE.removesuffix(".md") + "/"
    glossary_url = f"{site_url}/{glossary_path}" if site_url else glossary_path
    records = export_records(site.glossary, glossary_url)
    content = json.dumps({"terms": records}, indent=2, ensure_ascii=False) + "\n"
    files.append(File.generated(config, GLOSSARY_JSON, content=content))
    return files


# -- Last-updated date of each page (see macros/updated.py) --------------------
_git_dates: dict = {}


def on_pre_build(config) -> None:
    """Read the git history once per build (and per rebuild under `mkdocs serve`)."""
    from pathlib import Path

    from macros.updated import git_dates

    _git_dates.clear()
    _git_dates.update(git_dates(Path(config.config_file_path).parent))


def on_nav(nav, config, files):
    """Date every page before anything is rendered.

    MkDocs renders sitemap.xml before the pages, so a date set while a page
    renders would never reach the sitemap; `page.update_date` set here is the
    one date the sitemap and the page footer both show.
    """
    from pathlib import Path

    from mkdocs.utils import get_build_datetime

    from macros.updated import last_updated, page_sources

    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    docs = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else str(docs_dir)
    fallback = get_build_datetime().date()
    for file in files.documentation_pages():
        if file.page is None:
            continue
        sources = page_sources(file.src_uri, file.content_string, docs)
        file.page.update_date = last_updated(sources, _git_dates, fallback).isoformat()
    return nav


def on_page_context(context, page, config, nav):
    """Show the date set in on_nav under the content (Material renders `revision_date`)."""
    from datetime import date

    from macros.updated import revision_html

    page.meta["revision_date"] = revision_html(date.fromisoformat(page.update_date))
    _point_edit_url_at_real_source(page)
    return context


def _point_edit_url_at_real_source(page) -> None:
    """`edit_source: ../CONTRIBUTING.md` in a page's front matter (a path
    relative to the page's source file, like a link) sends its edit and
    view buttons to the file that really holds its text."""
    from urllib.parse import urljoin

    source = page.meta.get("edit_source")
    if source and page.edit_url:
        page.edit_url = urljoin(page.edit_url, source)
