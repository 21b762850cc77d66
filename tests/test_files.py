"""Reading files (roadmap/files.py): strict YAML 1.2 and every file fault as a
DataError naming the file and the fix, never a traceback."""
from __future__ import annotations

import os
import re

import pytest

from roadmap.errors import DataError
from roadmap.files import data_files, load_front_matter, load_yaml, parse_yaml, read_text


def test_yaml_1_2_keeps_yes_on_and_clock_times_as_text():
    data = parse_yaml("a: yes\nb: on\nc: 1:30\nd: no\ne: true\nf: 12\n", "x.yml")
    assert data == {"a": "yes", "b": "on", "c": "1:30", "d": "no", "e": True, "f": 12}


def test_a_key_written_twice_is_an_error_naming_the_line():
    with pytest.raises(DataError) as error:
        parse_yaml("id: a\ntitle: A\ntitle: B\n", "data/figures.yml")
    assert str(error.value).startswith("data/figures.yml: a key is written twice at line 3")
    assert "Fix: keep one of the two lines" in str(error.value)


def test_refuses_python_objects():
    with pytest.raises(DataError, match="malformed YAML"):
        parse_yaml("!!python/object/apply:os.system ['true']\n", "x.yml")


def test_front_matter_error_names_the_line(tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("---\nid: broken\ntitle: [unclosed\nshort: x\n---\nBody.\n")
    with pytest.raises(DataError) as error:
        load_front_matter(path, "data/glossary/broken.md")
    assert str(error.value).startswith("data/glossary/broken.md: malformed YAML at line 4")


def test_yaml_file_error_names_the_line(tmp_path):
    path = tmp_path / "figures.yml"
    path.write_text("- id: a\n  label: b: c\n")
    with pytest.raises(DataError, match=r"data/figures.yml: malformed YAML at line 2, column"):
        load_yaml(path, "data/figures.yml")


def faults(tmp_path):
    """(path, display, expected problem, expected fix) for each way a file can be unreadable."""
    missing = tmp_path / "missing.yml"
    folder = tmp_path / "folder.md"
    folder.mkdir()
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"---\nid: caf\xe9\n---\n")
    cases = [
        (missing, "the file does not exist", "create data/x"),
        (folder, "this is a folder, not a file", "rename or remove the folder"),
        (loop, "the file cannot be read (", "replace the link"),
        (dangling, "the file does not exist", "create data/x"),
        (latin, "the file is not valid UTF-8 (byte 11, line 2)", "save the file as UTF-8"),
    ]
    if os.geteuid() != 0:  # root reads any file, whatever its mode
        locked = tmp_path / "locked.md"
        locked.write_text("x")
        locked.chmod(0)
        cases.append((locked, "permission denied", "chmod a+r"))
    return cases


def test_every_file_fault_is_a_data_error_with_a_fix(tmp_path):
    for path, problem, fix in faults(tmp_path):
        with pytest.raises(DataError) as error:
            read_text(path, "data/x")
        message = str(error.value)
        assert message.startswith("data/x: "), message
        assert problem in message, message
        assert re.search(r"\n  Fix: .*" + re.escape(fix), message), message


def test_a_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff---\nid: x\n---\nBody.\n".encode())
    assert load_front_matter(path, "x.md") == ({"id": "x"}, "Body.")


def test_a_data_folder_skips_editor_files_and_refuses_anything_else(tmp_path):
    folder = tmp_path / "glossary"
    folder.mkdir()
    for name in ("b.md", "a.md", ".#a.md", "a.md~", ".a.md.swp", "#a.md#"):
        (folder / name).write_text("x")
    assert [d for _, d in data_files(folder, "data/glossary/", ".md")] == ["data/glossary/a.md", "data/glossary/b.md"]
    (folder / "notes.txt").write_text("x")
    with pytest.raises(DataError, match=r"data/glossary/notes.txt: this folder holds only \.md files"):
        data_files(folder, "data/glossary/", ".md")
    with pytest.raises(DataError, match="data/nothing/: the folder does not exist"):
        data_files(tmp_path / "nothing", "data/nothing/", ".md")
