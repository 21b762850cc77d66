"""The real site as a visitor gets it: built for the URL it is served at, served with gzip.

Material's instant navigation and the sitemap use site_url, so the server is
bound first and the site built for its address, as when deployed.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from roadmap.build import ROOT, strict_build
from roadmap.tools.serve import SiteServer

from .builds import checked


@contextlib.contextmanager
def served_site(site: Path) -> Iterator[SiteServer]:
    """The real site built into `site`, served with gzip while the block runs."""
    with SiteServer(site, gzip=True) as server:
        checked(strict_build(ROOT, site, {"SITE_URL": server.url}), "real site")
        yield server
