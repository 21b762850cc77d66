"""MkDocs hook: a page for every glossary term, glossary/<id>/, from its data file.

No page is written by hand: each is generated from data/glossary/<id>.md
by `roadmap.views.glossary.term_page`, added to the build as a MkDocs file
(so its links are checked, it is searched and listed in the sitemap), and
dated by the files it read. Its edit button opens the term's data file.
"""
from __future__ import annotations

from mkdocs.structure.files import File, Files

from roadmap.errors import DataError
from roadmap.state import as_plugin_error, build_for
from roadmap.views.glossary import term_page, term_src


def on_files(files: Files, config) -> Files:
    state = build_for(config)
    try:
        for term in state.data.terms():
            src = term_src(term.id)
            page = state.renderer.generate(src, term.file, term_page, term.id)
            files.append(File.generated(config, src, content=page.text))
    except DataError as error:
        raise as_plugin_error(error) from None
    state.use_files(files)
    return files
