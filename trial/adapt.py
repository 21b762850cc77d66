"""The smallest changes to mkdocs.yml that Zensical needs, as text edits.

Each is a pure function of the config's text and says what it changed, so
the report lists exactly what had to give. They apply to scratch copies only.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Adaptation:
    name: str
    why: str
    edit: Callable[[str], str]

    def apply(self, text: str) -> tuple[str, bool]:
        changed = self.edit(text)
        return changed, changed != text


def _relative_tag(text: str) -> str:
    # `base_path: [!relative $config_dir]` (and the baseline's `- !relative '$config_dir'`)
    return re.sub(r"!relative\s+(['\"]?)\$config_dir\1", '"."', text)


def _without_plugin(name: str) -> Callable[[str], str]:
    """Remove `- name` or `- name:` with its indented settings from the plugins list."""
    entry = re.compile(rf"(?m)^( *)- {re.escape(name)}(:[^\n]*)?\n(?:\1 {{2,}}[^\n]*\n)*")

    def edit(text: str) -> str:
        block = re.search(r"(?ms)^plugins:[^\n]*\n(.*?)(?=^\S|\Z)", text)
        if block is None:
            return text
        return text[:block.start(1)] + entry.sub("", block.group(1)) + text[block.end(1):]
    return edit


RELATIVE_TAG = Adaptation(
    "snippets base_path without !relative",
    "Zensical's YAML loader knows !ENV but not MkDocs' !relative tag; '.' is the same folder when the "
    "build runs from the project folder, as every build of this project does",
    _relative_tag)

def _classic(text: str) -> str:
    if re.search(r"(?m)^\s+variant:", text):
        return text
    return re.sub(r"(?m)^(theme:\n( +)name: material\n)", r"\1\2variant: classic\n", text, count=1)


CLASSIC = Adaptation(
    "theme variant classic",
    "Zensical's default look is its 'modern' one; 'classic' keeps Material's (MkDocs and Material ignore it)",
    _classic)

NO_MACROS = Adaptation(
    "macros plugin removed",
    "to see what Zensical does with the rest (the hooks, the theme) once the macros are out of the way",
    _without_plugin("macros"))

NOT_STRICT = Adaptation(
    "strict: false (and no --strict)",
    "so that the build finishes and its output can be looked at, warnings and all",
    lambda text: re.sub(r"(?m)^strict: true\b", "strict: false", text))

# What route 2 needs before Zensical reads the config at all (the tag), and
# to look like the site does today (the variant); route 3's baseline config
# needs the same.
FOR_ZENSICAL = (RELATIVE_TAG, CLASSIC)


def adapt(text: str, adaptations: tuple[Adaptation, ...]) -> tuple[str, list[str]]:
    """The text with each adaptation applied, and the names of those that changed it."""
    applied = []
    for adaptation in adaptations:
        text, changed = adaptation.apply(text)
        if changed:
            applied.append(adaptation.name)
    return text, applied
