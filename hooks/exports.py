"""MkDocs hook: publish the site's data as files of the site (`glossary.json`, `roadmap.json`).

As real MkDocs files they are served by `mkdocs serve`, listed in the build,
and links to them from pages are checked like any other.
"""
from __future__ import annotations

from mkdocs.structure.files import File, Files

from roadmap.exports import GLOSSARY_JSON, ROADMAP_JSON, glossary_json, roadmap_json
from roadmap.state import build_for


def on_files(files: Files, config) -> Files:
    state = build_for(config)
    state.use_files(files)
    links = state.renderer.links
    files.append(File.generated(config, GLOSSARY_JSON, content=glossary_json(state.data, links)))
    files.append(File.generated(config, ROADMAP_JSON, content=roadmap_json(state.data, links)))
    return files
