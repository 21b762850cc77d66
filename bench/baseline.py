"""The baseline: the real site's pages as plain Markdown, built with plain Material.

Each page's macro calls are rendered by the project's own renderer
(`roadmap.render.Renderer.render_page`, with MkDocs' Files for URLs), which
is what the macros plugin puts on the page in a real build: term mentions
become the static Markdown links the project renders them to. Those pages
replace the sources; the nav is written out in full (the skill pages the
project's hook adds), glossary.json becomes a static file, and the macros
plugin and every hook under hooks/ (the project's machinery) leave the
config. Same pages, same theme, same Markdown extensions, same nav.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.structure.files import get_files

from roadmap.exports import GLOSSARY_JSON, glossary_json
from roadmap.files import split_front_matter
from roadmap.navigation import with_skills
from roadmap.render import Renderer
from roadmap.site import load_site
from roadmap.urls import Links

from .mkdocs_yml import dump_config, load_config, plugin_name
from .project import copy_project

MACROS_PLUGIN = "macros"
PROJECT_HOOKS = "hooks/"   # the project's hooks; any other hook stays


def baseline_config(config: dict) -> dict:
    """The same config with plain Material: no macros plugin, no hooks from hooks/."""
    config = dict(config)
    config["plugins"] = [p for p in config.get("plugins", []) if plugin_name(p) != MACROS_PLUGIN]
    hooks = [h for h in config.get("hooks", []) if not str(h).startswith(PROJECT_HOOKS)]
    if hooks:
        config["hooks"] = hooks
    else:
        config.pop("hooks", None)
    return config


def rendered_project(project: Path) -> tuple[dict[str, str], list, str]:
    """(page source -> Markdown as rendered, front matter kept; the full nav; glossary.json)."""
    config = load_mkdocs_config(str(project / "mkdocs.yml"))
    docs = Path(config.docs_dir)
    site = load_site(Path(config.config_file_path).parent, docs, config.nav)
    links = Links(get_files(config), config.site_url or "")
    renderer = Renderer(site, links)
    pages = {}
    for src in site.page_sources():
        front = split_front_matter((docs / src).read_text(encoding="utf-8"))
        body = renderer.render_page(src).text
        pages[src] = f"---\n{front.fields}---\n\n{body}" if front else body
    return pages, with_skills(config.nav, site.skills()), glossary_json(site, links)


def make_baseline(real: Path, dest: Path) -> Path:
    """A copy of `real` whose pages are plain Markdown, configured for plain Material."""
    copy_project(dest, real)
    pages, nav, glossary = rendered_project(dest)
    docs = dest / "docs"
    for src, text in pages.items():
        (docs / src).write_text(text, encoding="utf-8")
    (docs / GLOSSARY_JSON).write_text(glossary, encoding="utf-8")
    config = baseline_config(load_config(dest / "mkdocs.yml"))
    config["nav"] = nav
    dump_config(config, dest / "mkdocs.yml")
    leftovers = [p for p in docs.rglob("*.md") if "{{" in p.read_text(encoding="utf-8")]
    if leftovers:
        raise RuntimeError(f"baseline pages still call macros: {leftovers}")
    return dest
