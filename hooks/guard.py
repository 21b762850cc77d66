"""MkDocs hook: a failed build is obvious and leaves nothing behind.

- MkDocs' own warnings (a broken link, a missing anchor, a page left out of
  the nav) and the macros plugin's Jinja errors name the file and the problem
  but not the fix: a logging filter adds a "Fix:" line to each of them.
- A failed `mkdocs build` leaves no site behind: the output directory is
  emptied, so nothing half-built (or left from an older build) can be
  published by mistake. That holds even when mkdocs.yml itself is invalid:
  MkDocs imports this module while it validates the config, before it could
  stop, so the old site is emptied right here, at import. `make build` also
  builds into a temporary directory and moves it into place only on
  success. `mkdocs serve` is left alone.
"""
from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

from roadmap.build import looks_like_a_built_site, requested_site_dir
from roadmap.messages import fix_for, logger_names


class AddFix(logging.Filter):
    """Append '  Fix: ...' to warnings and errors that lack one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            message = record.getMessage()
            fix = fix_for(message)
            if fix:
                record.msg, record.args = f"{message}\n  Fix: {fix}", ()
        return True


_state = {"command": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    for name in logger_names():
        logger = logging.getLogger(name)
        if not any(isinstance(f, AddFix) for f in logger.filters):
            logger.addFilter(AddFix())


def empty_directory(path: Path) -> None:
    """Remove everything in path (the folder itself stays)."""
    if path.is_dir():
        for child in path.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()


def _empty_the_old_site_first() -> None:
    """A build starts with no old site in its output folder, whatever happens next."""
    site_dir = requested_site_dir(sys.argv, Path.cwd())
    if site_dir is not None and looks_like_a_built_site(site_dir):
        empty_directory(site_dir)
        logging.getLogger("mkdocs").info(f"Emptied the old site in {site_dir} before building.")


_empty_the_old_site_first()


def on_build_error(error: Exception) -> None:
    """After any failed `mkdocs build`, leave no site that looks good."""
    if _state["command"] == "serve":
        return
    site_dir = _state.get("site_dir")
    if site_dir:
        empty_directory(Path(site_dir))
        logging.getLogger("mkdocs").error(
            f"The build failed: {site_dir} was emptied so no half-built site is left behind.")


@event_priority(100)  # before the macros plugin, whose on_config can fail
def on_config(config):
    _state["site_dir"] = config.site_dir
    return config
