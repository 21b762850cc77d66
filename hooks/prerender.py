"""MkDocs hook: pages that need no template engine skip it.

Every page's macro calls were evaluated before rendering began
(hooks/dates.py, through roadmap.render.Renderer). A page that calls nothing,
or only `term` (the commonest call by far), gets that text directly and is
marked `render_macros: false`, so the macros plugin does not compile it as a
Jinja template; pages that call other macros are rendered by the plugin
(in Jinja's sandbox) as before, from the same cached outputs. For pages that
pass the allowlist both give the same text (tests/test_pages.py).
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from roadmap.state import build_for

DIRECT = {"term"}  # macros whose pages need no template engine


@event_priority(50)  # before the macros plugin renders the page
def on_page_markdown(markdown, page, config, files):
    state = build_for(config)
    if page.file.src_uri in state.renderer.generated:
        return markdown  # a term's page: plain Markdown, render_macros is already off
    source = state.data.page(page.file.src_uri)
    if all(call.name in DIRECT for call in source.calls):
        page.meta["render_macros"] = False
        return state.renderer.render_page(page.file.src_uri).text
    return markdown
