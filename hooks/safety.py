"""MkDocs hook: what is rendered is safe.

- The macros plugin renders pages with Jinja in its sandbox
  (`roadmap.state.sandboxed`): the plugin has no setting for it, so its
  environment is swapped here, right after the plugin made it. Pages have
  already passed the parser's allowlist (`roadmap.pages`).
- Every page's rendered HTML is checked against the page allowlist
  (`roadmap.markup.check_page_html`): a tag, an attribute or a URL scheme
  that is not known to be safe stops the build, naming the page.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from roadmap.markup import page_html_problems
from roadmap.state import sandboxed


@event_priority(-100)  # after the macros plugin has built its environment
def on_config(config):
    plugin = config.plugins["macros"]
    plugin._env = sandboxed(plugin.env)
    return config


def on_page_content(html, page, config, files):
    problems = page_html_problems(html)
    if problems:
        raise PluginError(
            f"docs/{page.file.src_uri}: the rendered page holds HTML that is not allowed: {'; '.join(problems)}\n"
            "  Fix: remove it; pages may use Markdown, the theme's features and the HTML listed in "
            "roadmap/markup.py (PAGE_ALLOWLIST), and no scripts, event handlers, frames or outside images")
    return html
