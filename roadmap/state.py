"""One build's state, shared by the macros plugin and the hooks.

`build_for(config)` is the one way in. The first caller of a build (the
macros plugin's `define_env`, in its `on_config`) loads and validates the
data; every later caller of the same build (`hooks/*.py`) gets the same
object back. Under `mkdocs serve` each rebuild brings a new config object,
so the data is loaded again and edits are seen.

A DataError while loading becomes a PluginError: MkDocs prints the message
(file, entry, fix) and stops, with no traceback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .errors import DataError
from .render import Renderer
from .site import SiteData, load_site
from .urls import Links


@dataclass
class BuildState:
    config: Any                      # the MkDocsConfig of this build
    root: Path                       # the project folder (where mkdocs.yml is)
    data: SiteData                   # everything loaded and validated
    renderer: Renderer
    dates: dict[str, date] = field(default_factory=dict)   # page source -> last-updated date
    sources: dict[str, frozenset[str]] = field(default_factory=dict)   # page source -> files its text read

    def use_files(self, files) -> None:
        """Give the renderer MkDocs' files, so views can resolve URLs."""
        if self.renderer.links is None or self.renderer.links.files is not files:
            self.renderer.links = Links(files, self.config.site_url or "")


_current: BuildState | None = None


def build_for(config) -> BuildState:
    """The state of the build `config` belongs to; loads the data on first use."""
    global _current
    if _current is None or _current.config is not config:
        root = Path(config.config_file_path).parent
        try:
            data = load_site(root, Path(config.docs_dir), config.nav)
        except DataError as error:
            raise PluginError(f"The build cannot start: fix this first.\n{error}") from None
        _current = BuildState(config, root, data, Renderer(data))
    return _current


def as_plugin_error(error: DataError) -> PluginError:
    return PluginError(f"The build stopped: fix this first.\n{error}")


def sandboxed(env):
    """A copy of a Jinja environment that renders in Jinja's sandbox.

    The macros plugin offers no setting for this, so `hooks/safety.py`
    replaces the plugin's environment with this copy once it is made.
    Pages pass the parser's allowlist before they get here; the sandbox is
    the second wall, refusing the attribute walk an escape would need.
    """
    from jinja2.sandbox import SandboxedEnvironment

    copy = SandboxedEnvironment(
        loader=env.loader, undefined=env.undefined, autoescape=env.autoescape,
        block_start_string=env.block_start_string, block_end_string=env.block_end_string,
        variable_start_string=env.variable_start_string, variable_end_string=env.variable_end_string,
        comment_start_string=env.comment_start_string, comment_end_string=env.comment_end_string,
        trim_blocks=env.trim_blocks, lstrip_blocks=env.lstrip_blocks,
        keep_trailing_newline=env.keep_trailing_newline, extensions=list(env.extensions),
    )
    copy.globals.update(env.globals)
    copy.filters.update(env.filters)
    copy.tests.update(env.tests)
    return copy
