"""Baseline A: the same pages as static Markdown, built with plain Material.

MkDocs' own events run up to the nav (config, files, nav), so the project's
machinery does exactly what it does in a real build: the macros plugin and
the hooks load the data, generate the term pages and the JSON files, and
render every page's macro calls (term mentions become the static links the
project renders them to). Those pages replace the sources, the generated
ones become ordinary files, the nav is written out in full (the skill pages
the project's hook adds), and the macros plugin and every hook under hooks/
(the project's machinery) leave the config. Same pages, same theme, same
Markdown extensions, same nav.

`up_to_the_nav` and `write_plain_project` are shared with baseline B
(bench/plain.py), which renders the same pages another way.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import get_navigation
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.structure.files import get_files, set_exclusions

from roadmap.files import split_front_matter
from roadmap.render import Renderer
from roadmap.state import BuildState, build_for

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


@dataclass
class Loaded:
    """A project taken through MkDocs' events up to the nav."""
    state: BuildState
    nav: list                      # the nav in full (with the skill pages the project's hook adds)
    data_files: dict[str, str]     # generated files that are not pages (glossary.json, ...) -> content
    docs: Path


def up_to_the_nav(project: Path) -> Loaded:
    config = load_mkdocs_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    set_exclusions(files, config)   # as `mkdocs build` does: the generated term pages are not_in_nav
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)
    data = {f.src_uri: f.content_string for f in files if f.generated_by and not f.src_uri.endswith(".md")}
    return Loaded(build_for(config), config.nav, data, Path(config.docs_dir))


def with_front_matter(loaded: Loaded, src: str, body: str) -> str:
    """A page's rendered body under the front matter of its source, as written."""
    front = split_front_matter((loaded.docs / src).read_text(encoding="utf-8"))
    return f"---\n{front.fields}---\n\n{body}" if front else body


def rendered_pages(loaded: Loaded, renderer: Renderer) -> dict[str, str]:
    """docs path -> every hand-written page with its calls rendered by `renderer`."""
    return {src: with_front_matter(loaded, src, renderer.render_page(src).text)
            for src in loaded.state.data.page_sources()}


def write_plain_project(dest: Path, files: dict[str, str], nav: list) -> None:
    """Write the pages and files into dest/docs and configure dest for plain Material."""
    docs = dest / "docs"
    for src, text in files.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    config = baseline_config(load_config(dest / "mkdocs.yml"))
    config["nav"] = nav
    dump_config(config, dest / "mkdocs.yml")
    leftovers = [p for p in docs.rglob("*.md")
                 if "{{" in (text := p.read_text(encoding="utf-8")) and "render_macros: false" not in text]
    if leftovers:
        raise RuntimeError(f"baseline pages still call macros: {leftovers}")


def make_baseline(real: Path, dest: Path) -> Path:
    """Baseline A: a copy of `real` whose pages are static Markdown, configured for plain Material."""
    copy_project(dest, real)
    loaded = up_to_the_nav(dest)
    renderer = loaded.state.renderer
    pages = rendered_pages(loaded, renderer)
    generated = {src: page.text for src, page in renderer.generated.items()}
    write_plain_project(dest, {**pages, **generated, **loaded.data_files}, loaded.nav)
    return dest
