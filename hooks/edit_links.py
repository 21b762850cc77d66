"""MkDocs hook: edit and view buttons that open the file really holding a page's text.

`edit_source: ../CONTRIBUTING.md` in a page's front matter (a path relative
to the page's source file, like a link) sends its buttons to that file.
"""
from __future__ import annotations

from urllib.parse import urljoin


def on_page_context(context, page, config, nav):
    source = page.meta.get("edit_source")
    if source and page.edit_url:
        page.edit_url = urljoin(page.edit_url, source)
    return context
