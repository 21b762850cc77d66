"""mkdocs-macros entry point (`module_name: macros` in mkdocs.yml).

Thin on purpose. The data is loaded and validated by `roadmap.state`, the
macros a page may call are listed in `roadmap.registry`, and their output
comes from the build's `roadmap.render.Renderer`, which evaluated every call
of every page before rendering began (`hooks/dates.py`). This only makes
those macros callable from the pages' `{{ ... }}`.
"""
from __future__ import annotations

from roadmap.pages import Call
from roadmap.registry import MACROS
from roadmap.state import BuildState, build_for


def define_env(env) -> None:
    state = build_for(env.conf)
    for name in MACROS:
        env.macro(_macro(env, state, name), name)


def _macro(env, state: BuildState, name: str):
    def call(*args, **kwargs):
        return state.renderer.call(env.page.file.src_uri, Call(name, args, tuple(kwargs.items()), 0))

    call.__name__ = name
    call.__doc__ = MACROS[name].doc
    return call
