"""MkDocs hook: edit and view buttons that open the file really holding a page's text.

`edit_source: ../CONTRIBUTING.md` in a page's front matter (a path relative
to the page's source file, like a link) sends its buttons to that file. A
generated page (a term's page, glossary/<id>/) has no file of its own in
docs/, so MkDocs gives it no edit address: it gets one here, from the same
repo_url and edit_uri, pointing at its data file.
"""
from __future__ import annotations

from urllib.parse import urljoin


def on_page_context(context, page, config, nav):
    source = page.meta.get("edit_source")
    if not source:
        return context
    edit_url = page.edit_url
    if not edit_url and config.repo_url and config.edit_uri:
        edit_url = urljoin(urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri), page.file.src_uri)
    if edit_url:
        page.edit_url = urljoin(edit_url, source)
    return context
