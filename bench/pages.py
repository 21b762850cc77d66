"""The pages the weight and Lighthouse sections visit: (label, URL path)."""
from __future__ import annotations

from pathlib import Path

from roadmap.build import ROOT
from roadmap.site import load_site

HOME = ("home", "")
SKILL = ("skill", "skills/programming/")
GLOSSARY = ("glossary index", "glossary/")
TERM = ("term", "glossary/overfitting/")
RESOURCES = ("resources", "resources/")
PROJECTS = ("projects", "projects/")
HEAVIEST_SKILL = "heaviest skill"

LIGHTHOUSE_PAGES = [HOME, SKILL, GLOSSARY, TERM, RESOURCES, PROJECTS]


def page_url(src: str) -> str:
    """The URL path of a docs page (use_directory_urls): "skills/mlops.md" -> "skills/mlops/"."""
    return src.removesuffix(".md") + "/"


def skill_paths(root: Path = ROOT) -> list[str]:
    """The URL path of every skill's page, from the skills' data."""
    return [page_url(skill.page) for skill in load_site(root, root / "docs").skills()]


def heaviest(sizes: dict[str, int]) -> str:
    """The path whose HTML is largest (the first in path order on a tie)."""
    return max(sorted(sizes), key=lambda path: sizes[path])


def html_sizes(site: Path, paths: list[str]) -> dict[str, int]:
    return {path: (site / path / "index.html").stat().st_size for path in paths}


def weight_pages(site: Path) -> list[tuple[str, str]]:
    """Home, a skill page, the heaviest skill page (by its HTML in `site`), the glossary index, a term page."""
    return [HOME, SKILL, (HEAVIEST_SKILL, heaviest(html_sizes(site, skill_paths()))), GLOSSARY, TERM]
