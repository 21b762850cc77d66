"""Reading the project's files: text, strict YAML and front matter.

Every way a file can be unreadable (missing, a directory, a symlink loop,
no permission, not UTF-8) becomes a `DataError` naming the file and the fix,
never a traceback. YAML is read as YAML 1.2 by ruamel.yaml: `yes`, `on` and
`1:30` stay text, and a key written twice is an error instead of silently
keeping the last value. The schemas (`roadmap.model`) then check types
strictly, so a number or a date where text belongs is refused too.

This is the one front-matter parser of the project: term files and pages
both go through `split_front_matter`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import DataError

_YAML = YAML(typ="safe")  # C parser where ruamel.yaml.clib is installed; YAML 1.2 rules
_FENCE = re.compile(r"^---[ \t]*$")
# What an editor leaves beside the file it edits: not data, never read.
EDITOR_ARTEFACTS = re.compile(r"^(?:\.#.*|#.*#|\..*\.sw[a-p]|.*~)$")

FIX_ENCODING = "save the file as UTF-8 (most editors: 'Save with encoding' > UTF-8)"


def read_text(path: Path, display: str) -> str:
    """The file's text; any reason it cannot be read is a DataError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(display, None, "the file does not exist",
                        f"create {display} (see CONTRIBUTING.md for its shape) or restore it from git") from None
    except IsADirectoryError:
        raise DataError(display, None, "this is a folder, not a file",
                        "rename or remove the folder: only files may have this name") from None
    except PermissionError:
        raise DataError(display, None, "the file cannot be read (permission denied)",
                        f"make it readable: chmod a+r {display}") from None
    except OSError as error:  # a symlink loop, a dangling link, an I/O error
        raise DataError(display, None, f"the file cannot be read ({error.strerror or error})",
                        "replace the link or file with a regular file") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(display, None, f"the file is not valid UTF-8 (byte {error.start}, line {line})",
                        FIX_ENCODING) from None
    # A byte-order mark is harmless: drop it rather than let it into the data.
    return text.removeprefix("\ufeff")


def parse_yaml(text: str, display: str, line_offset: int = 0) -> Any:
    """YAML 1.2 text -> Python data; a syntax error or a repeated key names its line."""
    try:
        return _YAML.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + line_offset) if mark else None
        where = f" at line {line}, column {mark.column + 1}" if mark else ""
        problem = " ".join(str(error.problem or error.context or error).split())
        if "duplicate key" in problem:
            raise DataError(display, None, f"a key is written twice{where}: {problem}",
                            "keep one of the two lines: YAML would silently use the last one") from None
        raise DataError(display, None, f"malformed YAML{where}: {problem}",
                        "check indentation, quote values that contain ': ' or start with a special "
                        "character, and close every bracket and quote") from None
    except YAMLError as error:
        detail = " ".join(str(error).split()).replace('in "<unicode string>", ', "")
        if "control characters are not allowed" in detail or "unacceptable character" in detail:
            raise DataError(display, None, f"the file holds a control character: {detail}",
                            "delete the character (retype the text around it if you cannot see it)") from None
        raise DataError(display, None, f"malformed YAML: {detail}", "check the file's YAML syntax") from None


def load_yaml(path: Path, display: str) -> Any:
    return parse_yaml(read_text(path, display), display)


@dataclass(frozen=True)
class FrontMatterText:
    fields: str        # the YAML between the fences ("" when there is none)
    body: str          # everything after the closing fence
    body_line: int     # 1-based line of the body's first line in the file


def split_front_matter(text: str) -> FrontMatterText | None:
    """`---` YAML `---` then the body; None when the text has no front matter.

    A front matter that is opened but never closed is None too: the caller
    decides whether that is an error (term files) or plain text (pages).
    """
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return None
    for i in range(1, len(lines)):
        if _FENCE.match(lines[i].rstrip("\r\n")):
            return FrontMatterText("".join(lines[1:i]), "".join(lines[i + 1:]), i + 2)
    return None


def load_front_matter(path: Path, display: str) -> tuple[dict[str, Any], str]:
    """A `---` front-matter file -> (fields, Markdown body)."""
    text = read_text(path, display)
    parts = split_front_matter(text)
    if parts is None:
        if text.lstrip().startswith("---"):
            raise DataError(display, None, "the front matter is never closed",
                            "add a line '---' after the YAML fields")
        raise DataError(display, None, "the file does not start with a '---' front-matter line",
                        "begin the file with '---', the YAML fields, then '---' and the definition")
    fields = parse_yaml(parts.fields, display, line_offset=1) or {}
    if not isinstance(fields, dict):
        raise DataError(display, None, "the front matter is not a mapping of fields",
                        "write the fields as 'name: value' lines")
    return fields, parts.body.strip()


def data_files(folder: Path, display_folder: str, suffix: str) -> list[tuple[Path, str]]:
    """The data files of one folder (one entry per file), sorted by name.

    Editor lock and backup files are skipped; anything else whose name is
    not `<id><suffix>` is an error, so nothing is silently left out.
    """
    if not folder.is_dir():
        raise DataError(display_folder, None, "the folder does not exist",
                        f"create {display_folder} with one <id>{suffix} file per entry")
    found = []
    for path in sorted(folder.iterdir()):
        if EDITOR_ARTEFACTS.match(path.name):
            continue
        display = f"{display_folder}{path.name}"
        if not path.name.endswith(suffix):
            raise DataError(display, None, f"this folder holds only {suffix} files",
                            f"move the file elsewhere, or name it <id>{suffix}")
        found.append((path, display))
    return found
