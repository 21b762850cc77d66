"""The baseline: the real site's pages as plain Markdown, built with plain Material.

MkDocs' own events run up to the nav (config, files, nav), so the project's
machinery does exactly what it does in a real build: the macros plugin and
the hooks load the data, generate the term pages and the JSON files, and
render every page's macro calls (term mentions become the static Markdown
links the project renders them to). Those pages replace the sources, the
generated ones become ordinary files, the nav is written out in full (the
skill pages the project's hook adds), and the macros plugin and every hook
under hooks/ (the project's machinery) leave the config. Same pages, same
theme, same Markdown extensions, same nav.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import get_navigation
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.structure.files import get_files

from roadmap.files import split_front_matter
from roadmap.state import build_for

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


def rendered_project(project: Path) -> tuple[dict[str, str], list, dict[str, str]]:
    """(docs path -> Markdown as rendered, front matter kept, for every page,
    generated ones included; the full nav; generated data files -> content)."""
    config = load_mkdocs_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)
    state = build_for(config)
    docs = Path(config.docs_dir)
    pages = {}
    for src in state.data.page_sources():
        front = split_front_matter((docs / src).read_text(encoding="utf-8"))
        body = state.renderer.render_page(src).text
        pages[src] = f"---\n{front.fields}---\n\n{body}" if front else body
    for src, generated in state.renderer.generated.items():
        pages[src] = generated.text
    data = {f.src_uri: f.content_string for f in files if f.generated_by and not f.src_uri.endswith(".md")}
    return pages, config.nav, data


def make_baseline(real: Path, dest: Path) -> Path:
    """A copy of `real` whose pages are plain Markdown, configured for plain Material."""
    copy_project(dest, real)
    pages, nav, data = rendered_project(dest)
    docs = dest / "docs"
    for src, text in {**pages, **data}.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    config = baseline_config(load_config(dest / "mkdocs.yml"))
    config["nav"] = nav
    dump_config(config, dest / "mkdocs.yml")
    texts = {p: p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    leftovers = [p for p, text in texts.items() if "{{" in text and "render_macros: false" not in text]
    if leftovers:
        raise RuntimeError(f"baseline pages still call macros: {leftovers}")
    return dest
