"""Links between pages, resolved by MkDocs, never rebuilt from strings.

- In Markdown, a page links another by its source path relative to itself
  (`../glossary.md#overfitting`): MkDocs turns it into a URL and checks that
  the page and the anchor exist. `md_link` computes that relative path.
- In raw HTML (which MkDocs does not rewrite) and in the published JSON,
  the URL comes from MkDocs' own `Files` (`File.url`), so it is right
  whatever `use_directory_urls` says. `Links` wraps them.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url


def md_link(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """Relative link from one docs source file to another, as Markdown expects.

    >>> md_link("skills/programming.md", "glossary.md", "python")
    '../glossary.md#python'
    """
    if to_src == from_src:
        target = posixpath.basename(to_src)
    else:
        target = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{target}#{anchor}" if anchor else target


@dataclass(frozen=True)
class Links:
    """URLs of the site's pages, from MkDocs' files of this build."""

    files: Files
    site_url: str = ""

    def url(self, src: str) -> str:
        """The page's URL relative to the site root ('' for the home page)."""
        file = self.files.get_file_from_path(src)
        if file is None:
            raise KeyError(f"no page or file '{src}' in this build")
        return file.url

    def relative_url(self, from_src: str, to_src: str) -> str:
        """URL of one page relative to another, for links in raw HTML."""
        return get_relative_url(self.url(to_src), self.url(from_src))

    def absolute_url(self, src: str) -> str:
        """The page's full URL under site_url (or its site-relative URL when site_url is not set)."""
        base = self.site_url.rstrip("/")
        return f"{base}/{self.url(src)}" if base else self.url(src)
