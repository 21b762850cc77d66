"""mkdocs.yml: load and dump without losing tags (!ENV, !relative, !!python/name:...)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Tagged:
    """A YAML node with a tag we don't interpret, dumped back unchanged."""
    tag: str
    value: Any


class _ConfigLoader(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node, prefix: str) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        value: Any = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return Tagged(prefix + suffix, value)


_ConfigLoader.add_multi_constructor("!", functools.partial(_construct_tagged, prefix="!"))
_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", functools.partial(_construct_tagged, prefix="tag:yaml.org,2002:python/"))


class _ConfigDumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_ConfigDumper.add_representer(Tagged, _represent_tagged)


def load_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - safe subclass


def dump_config(config: dict, path: Path) -> None:
    path.write_text(yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


def plugin_name(item: Any) -> str:
    """`- search` or `- search: {...}` under plugins: -> "search"."""
    return item if isinstance(item, str) else next(iter(item))
