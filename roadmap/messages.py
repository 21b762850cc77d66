"""Fixes for MkDocs' own build messages.

MkDocs' warnings (a broken link, a missing anchor, a page left out of the
nav) and the macros plugin's Jinja errors name the file and the problem but
not the fix; `fix_for` finds the fix for one, and `hooks/guard.py` adds it to
every such message as a "Fix:" line.
"""
from __future__ import annotations

import re

# The loggers whose messages get a fix: MkDocs' pages and nav (each named
# after its module) and the macros plugin's.
MODULE_LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")
PLUGIN_LOGGERS = ("mkdocs.plugins.mkdocs_macros.util",)


def logger_names() -> list[str]:
    """The loggers as the running generator names them. A fork that serves the
    mkdocs modules under its own package (ProperDocs: `mkdocs.structure.pages`
    is `properdocs.structure.pages`) logs under that package's name, as the
    exit trial found (docs/decisions/0001-after-material.md)."""
    import importlib

    modules = (name for module in MODULE_LOGGERS for name in (importlib.import_module(module).__name__, module))
    return [*dict.fromkeys(modules), *PLUGIN_LOGGERS]


FIXES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"contains a link '[^']*', but the doc '[^']*' does not contain an anchor"),
     "use an anchor that exists on the target page: a heading's id is its text in lower case "
     "with hyphens, or set one with '## Heading {{ #my-id }}'; or drop the '#...' part"),
    (re.compile(r"contains a link '[^']*', but the target is not found among documentation files"),
     "point the link at an existing page, as a path relative to this page ending in .md "
     "(e.g. '../glossary.md'), or create the missing page and add it to 'nav:' in mkdocs.yml"),
    (re.compile(r"contains an absolute link|contains an unrecognized relative link"),
     "link to pages by their path relative to this page, ending in .md (e.g. 'skills/index.md')"),
    (re.compile(r"exist in the docs directory, but are not included in the \"nav\""),
     "add each page listed above to 'nav:' in mkdocs.yml, where it belongs in the reading order, "
     "or delete the file if it is not meant to be published"),
    (re.compile(r"UndefinedError_?: '?(?P<name>[^' ]+)'? is undefined|'(?P<name2>[^']+)' is undefined"),
     "check the spelling of '{name}': pages can call only the site's macros, listed in "
     "roadmap/registry.py; "
     "to show braces as text, wrap them in {{% raw %}}...{{% endraw %}}"),
    (re.compile(r"Missing end of comment tag"),
     "'{{#' opens a Jinja comment: write a heading id with a space, '## Title {{ #my-id }}', "
     "or wrap the text in {{% raw %}}...{{% endraw %}}"),
    (re.compile(r"Macro Syntax Error"),
     "the page has '{{{{', '{{%' or '{{#' that is not a complete Jinja tag: close it, or wrap "
     "the text in {{% raw %}}...{{% endraw %}}"),
]


def fix_for(message: str) -> str | None:
    """The fix to add to a build message, or None when it needs none."""
    if "\n  Fix: " in message or "\nFix: " in message:
        return None  # already says what to do (the macros' own DataError)
    for pattern, fix in FIXES:
        match = pattern.search(message)
        if match:
            names = {k: v for k, v in match.groupdict().items() if v}
            return fix.format(name=names.get("name") or names.get("name2") or "")
    return None
