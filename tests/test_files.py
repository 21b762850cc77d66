"""macros/datafiles.py reads YAML with libyaml's parser where PyYAML has it
(a build-time fix from the benchmark, issue 7): still safe, same data, and a
syntax error still names the file and the line."""
from __future__ import annotations

import re

import pytest
import yaml

from macros import datafiles
from macros.errors import DataError


def test_uses_the_c_parser_when_available():
    if yaml.__with_libyaml__:
        assert datafiles.SAFE_LOADER is yaml.CSafeLoader
    else:
        assert datafiles.SAFE_LOADER is yaml.SafeLoader
    assert issubclass(datafiles.SAFE_LOADER, yaml.constructor.SafeConstructor)


def test_parses_like_safe_load():
    text = "id: x\nyear: 2019\nlist: [a, b]\ndate: 2020-01-02\nflag: yes\nnothing: ~\n"
    assert datafiles.safe_load(text) == yaml.safe_load(text)


def test_refuses_python_objects():
    with pytest.raises(yaml.YAMLError):
        datafiles.safe_load("!!python/object/apply:os.system ['true']\n")


def test_front_matter_error_names_the_line(tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("---\nid: broken\ntitle: [unclosed\nshort: x\n---\nBody.\n")
    with pytest.raises(DataError) as error:
        datafiles.load_front_matter(path, "data/glossary/broken.md")
    assert "data/glossary/broken.md" in str(error.value)
    assert re.search(r"malformed YAML at line 4, column 6", str(error.value))


def test_yaml_file_error_names_the_line(tmp_path):
    path = tmp_path / "figures.yml"
    path.write_text("- id: a\n  label: b: c\n")
    with pytest.raises(DataError, match=r"data/figures.yml: malformed YAML at line 2, column"):
        datafiles.load_yaml(path, "data/figures.yml")
