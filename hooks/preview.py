"""MkDocs hook: `make serve` rebuilds only the pages an edit changed.

`make serve` runs `mkdocs serve --dirty`, so MkDocs builds a page only when
its file reports a change. Here every page's file answers from what the
page was made of (roadmap/preview.py decides); Material's search index,
which under --dirty expects one page per rebuild, is merged for every
rebuilt page. Under `mkdocs build` (and `mkdocs serve` without --dirty)
this hook does nothing.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from roadmap import preview
from roadmap.state import build_for

log = logging.getLogger("mkdocs.hooks.preview")
DIRTY_NOTICE = "A 'dirty' build is being performed"
_build: dict = {"active": False}


class HideDirtyNotice(logging.Filter):
    """MkDocs warns that --dirty leaves navigation stale; this hook rebuilds
    every page when the nav could change, so the warning (fatal under
    strict) does not apply."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (_build["active"] and record.getMessage().startswith(DIRTY_NOTICE))


def on_startup(command: str, dirty: bool) -> None:
    _build["active"] = command == "serve" and dirty
    preview.forget()
    builder_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, HideDirtyNotice) for f in builder_log.filters):
        builder_log.addFilter(HideDirtyNotice())


def watched(config) -> list[Path]:
    paths = [Path(config.docs_dir), Path(config.config_file_path), *(Path(p) for p in config.watch)]
    if config.theme.custom_dir:
        paths.append(Path(config.theme.custom_dir))
    return paths


def on_config(config):
    if _build["active"]:   # what the files are as this build begins
        _build["files"] = preview.snapshot(Path(config.config_file_path).parent, watched(config))
    return config


def _search_plugin(config):
    from material.plugins.search.plugin import SearchPlugin

    return next((p for p in config.plugins.values() if isinstance(p, SearchPlugin)), None)


def on_pre_build(config) -> None:
    if not _build["active"]:
        return
    search = _search_plugin(config)
    previous = search.search_index_prev if search else None
    _build["previous_entries"] = list(previous.entries) if previous else None
    _build["entries"] = search.search_index.entries if search else None   # filled as pages build


@event_priority(-100)  # after hooks/dates.py has recorded what every page read
def on_nav(nav, config, files):
    if not _build["active"]:
        return nav
    state = build_for(config)
    last = preview.last_build()
    changed = preview.changed_files(last.files, _build["files"]) if last else set()
    pages = list(files.documentation_pages())
    titles = {f.src_uri: preview.title_lines(f.content_string) for f in pages}
    waits = frozenset(src for src in state.sources if src not in state.renderer.generated
                      and any(call.name == "whole_guide" for call in state.data.page(src).calls))
    plan = preview.plan(changed, state.sources, titles, last, waits)
    built: set[str] = set()
    for file in pages:
        rebuild = plan.everything or file.src_uri in plan.pages or not Path(file.abs_dest_path).exists()
        if rebuild:
            built.add(file.url)
        file.is_modified = (lambda answer: lambda: answer)(rebuild)
    _build.update(plan=plan, titles=titles, built=built)
    if plan.everything:
        log.info(f"Preview: building every page ({plan.reason}).")
    else:
        log.info(f"Preview: {plan.reason} changed; rebuilding {len(built)} of {len(pages)} pages.")
        for src in sorted(plan.waiting):
            log.info(f"Preview: {src} (the whole guide) keeps its last full build's text until the next "
                     "full rebuild (restart `make serve`, or `make build`).")
    return nav


def on_env(env, config, files):
    if _build["active"]:
        env.bytecode_cache = preview.THEME_TEMPLATES
    return env


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config) -> None:
    if not _build["active"]:
        return
    plan, previous = _build["plan"], _build["previous_entries"]
    search = _search_plugin(config)
    if search is not None and previous is not None and not plan.everything:
        kept = [e for e in previous if e["location"].split("#")[0] not in _build["built"]]
        search.search_index.entries = kept + list(_build["entries"])
        data = search.search_index.generate_search_index(None)
        (Path(config.site_dir) / "search" / "search_index.json").write_text(data, encoding="utf-8")
        search.search_index_prev = search.search_index
    state = build_for(config)
    preview.remember(_build["files"], frozenset(state.sources), _build["titles"])
