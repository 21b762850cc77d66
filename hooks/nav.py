"""MkDocs hook: the Skills section of the nav, in learning order, from data/skills.

mkdocs.yml lists only the overview page there; adding a skill file adds its
page to the nav in the right place (`roadmap.navigation`).
"""
from __future__ import annotations

from roadmap.errors import DataError
from roadmap.navigation import with_skills
from roadmap.state import as_plugin_error, build_for


def on_config(config):
    data = build_for(config).data
    try:
        config.nav = with_skills(config.nav, data.skills())
    except DataError as error:
        raise as_plugin_error(error) from None
    return config
