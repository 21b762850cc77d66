"""MkDocs hook: every page's last-updated date, computed before anything renders.

MkDocs renders sitemap.xml before the pages, so a date set while a page
renders would never reach the sitemap. Here, once the nav exists, every
page's macro calls are evaluated (the output is cached for the macros
plugin), recording which files each page's text was made from; the page's
date is the newest git date among them (`roadmap.dates`). That one date is
`page.update_date`, which the sitemap shows as <lastmod> and the footer
(`revision_date`, below) shows under the content.
"""
from __future__ import annotations

from datetime import date

from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from roadmap.dates import git_dates, page_date, revision_html
from roadmap.errors import DataError
from roadmap.state import as_plugin_error, build_for


def on_nav(nav, config, files):
    state = build_for(config)
    state.use_files(files)
    history = git_dates(state.root)
    fallback = get_build_datetime().date()
    for file in files.documentation_pages():
        if file.page is None:  # built but not in the nav (print.md): MkDocs would make its Page later
            Page(None, file, config)
        generated = state.renderer.generated.get(file.src_uri)
        if generated is not None:  # a term's page: dated by its data file and what it shows
            own, reads = generated.own_file, generated.reads
        else:
            try:
                reads = state.renderer.render_page(file.src_uri).reads
            except DataError as error:
                raise as_plugin_error(error) from None
            own = state.data.page(file.src_uri).file
        state.sources[file.src_uri] = frozenset({own, *reads})
        day = page_date(own, reads, history, fallback)
        state.dates[file.src_uri] = day
        file.page.update_date = day.isoformat()
    return nav


def on_page_context(context, page, config, nav):
    page.meta["revision_date"] = revision_html(date.fromisoformat(page.update_date))
    return context
