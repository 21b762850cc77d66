"""What every data schema shares: strictness, field types, and errors that
name the file, the entry and the fix.

Each data type is a pydantic model (`roadmap/model/<type>.py`) built on
`Schema`: unknown keys are refused (with "did you mean"), types are strict
(no text where a number belongs, no `yes` for true), every string is
bounded and holds no control or invisible characters. `validate(Model, raw,
file, entry)` turns pydantic's errors into one `DataError`.

The same models are published as JSON Schema files (`schemas/`), so editors
check a file while it is being written.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from ..errors import DataError

# -- Field types ------------------------------------------------------------------

def invalid(problem: str, fix: str) -> PydanticCustomError:
    """The error a validator raises: the problem and the fix, word for word."""
    return PydanticCustomError("invalid", problem, {"fix": fix})



ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
HTTPS_PATTERN = r"^https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[^\s<>\"'()\[\]{}\\`^|]*)?$"

# Characters text may hold: letters, marks, numbers, punctuation, symbols and
# spaces (Unicode categories L, M, N, P, S, Zs), plus newline and tab. Control,
# format (zero-width, bidirectional overrides), private-use and unassigned
# characters are refused: they hide text or make two names look identical.
_ALLOWED_CATEGORIES = ("L", "M", "N", "P", "S")


def _visible_text(value: str) -> str:
    for index, char in enumerate(value):
        category = unicodedata.category(char)
        if char in "\n\t" or category == "Zs" or category[0] in _ALLOWED_CATEGORIES:
            continue
        name = unicodedata.name(char, "unnamed")
        raise invalid(f"the text {value[:40]!r} holds an invisible or control character ({name}, "
                      f"U+{ord(char):04X}) at position {index + 1}",
                      "delete the character (retype the text around it if you cannot see it)")
    return value


def visible_text(value: str, file: str, entry: str | None, what: str) -> str:
    """The same check for text read outside a schema (a term's body): a DataError."""
    try:
        return _visible_text(value)
    except PydanticCustomError as error:
        raise DataError(file, entry, f"{what}: {error.message()}", error.context["fix"]) from None


def _one_line(value: str) -> str:
    return " ".join(value.split())


def text(max_length: int, *, min_length: int = 1, one_line: bool = True):
    """A bounded string of visible characters (whitespace folded when one_line)."""
    validators = [AfterValidator(_visible_text)]
    if one_line:
        validators.append(AfterValidator(_one_line))
    return Annotated[str, StringConstraints(min_length=min_length, max_length=max_length, strip_whitespace=True),
                     *validators]


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
HttpsUrl = Annotated[str, StringConstraints(pattern=HTTPS_PATTERN, max_length=500)]
Title = text(120)
Line = text(300)          # one line of plain text
Paragraph = text(1500)    # a paragraph of plain text
MarkdownText = text(6000, one_line=False)  # Markdown, checked again once rendered (roadmap.markup)
Year = Annotated[int, Field(ge=1900, le=2100)]


def is_id(value: object) -> bool:
    """An id is lower-case words joined by single hyphens: `k-nearest-neighbours`."""
    return isinstance(value, str) and bool(re.match(ID_PATTERN, value))


class Schema(BaseModel):
    """Base of every data schema: strict, closed, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=True,
                              hide_input_in_errors=True, json_schema_mode_override="validation")


M = TypeVar("M", bound=BaseModel)

# -- Errors -----------------------------------------------------------------------------

_TYPE_NAMES = {"string_type": "text", "int_type": "a whole number", "bool_type": "true or false",
               "list_type": "a list", "dict_type": "a mapping of fields", "model_type": "a mapping of fields",
               "float_type": "a number", "tuple_type": "a list", "literal_error": "one of the allowed values"}


def _location(loc: tuple, raw: Any) -> str:
    """pydantic's error location as a path a contributor can find: checklist[2].key."""
    parts = []
    node = raw
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
            entry = node[item] if isinstance(node, list) and item < len(node) else None
            label = entry.get("key") or entry.get("id") if isinstance(entry, dict) else None
            if isinstance(label, str):
                parts[-1] = f"[{item}] ({label})"
            node = entry
        else:
            parts.append(("." if parts else "") + str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return "".join(parts)


def _yaml_hint(value: Any) -> str:
    if value is None:
        return " (YAML read it as null, from an empty value, ~, null or NULL: quote it if it is text)"
    if isinstance(value, bool):
        return " (YAML read it as true/false: quote it if it is text)"
    if isinstance(value, int | float):
        return f" (YAML read it as the number {value}: quote it if it is text)"
    if hasattr(value, "isoformat"):
        return " (YAML read it as a date: quote it)"
    if isinstance(value, list):
        return " (it is a list: write one value, or quote it)"
    if isinstance(value, dict):
        return " (YAML read 'a: b' in it as a field and its value: put the text in double quotes)"
    return ""


def _value_at(raw: Any, loc: tuple) -> Any:
    node = raw
    for item in loc:
        try:
            node = node[item]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _is_string_list(model: type[BaseModel], loc: tuple) -> bool:
    """Whether the field at loc (a list field, or an item of one) holds strings."""
    field_loc = tuple(x for x in loc if not isinstance(x, int))
    parent = _model_at(model, field_loc[:-1])
    info = parent.model_fields.get(field_loc[-1]) if parent is not None and field_loc else None
    if info is None:
        return False
    item = (getattr(info.annotation, "__args__", None) or (None,))[0]
    while hasattr(item, "__origin__") and getattr(item, "__metadata__", None) is not None:
        item = item.__origin__
    return item is str


def describe(error: dict, model: type[BaseModel], raw: Any) -> tuple[str, str]:
    """(problem, fix) for one pydantic error."""
    loc = tuple(error["loc"])
    where = _location(loc, raw) or "the file"
    kind = error["type"]
    value = _value_at(raw, loc)
    name = str(loc[-1]) if loc else ""
    if kind == "invalid":  # raised by a validator with its own problem and fix (see `invalid`)
        return error["msg"], error["ctx"]["fix"]
    in_list = len(loc) > 1 and isinstance(loc[-1], int)
    if in_list and kind == "string_too_short" or kind in ("list_type", "tuple_type") and _is_string_list(model, loc):
        field = _location(loc[:-1], raw) if in_list else where
        return (f"'{field}' must be a list of non-empty strings",
                f"write it as {loc[-2] if in_list else name}: [first, second] or {loc[-2] if in_list else name}: []")
    blank = value is None or isinstance(value, str) and not value.strip()
    if kind == "missing" or kind in ("string_too_short", "string_pattern_mismatch") and blank:
        fix = getattr(model, "missing_fix", "add '{name}: ...' (see CONTRIBUTING.md for its shape)")
        return f"required field '{where}' is missing or empty", fix.format(name=name)
    if kind in _TYPE_NAMES:
        expected = _TYPE_NAMES[kind]
        if kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", expected)
            return (f"'{where}' must be one of {expected}, not {value!r}", f"use one of {expected}")
        if kind in ("list_type", "tuple_type"):
            return (f"'{where}' must be a list{_yaml_hint(value)}",
                    f"write it as {name}: [first, second] or {name}: []")
        shown = name if not isinstance(name, int) and not str(name).isdigit() else where
        return (f"'{where}' must be {expected}{_yaml_hint(value)}", f"write '{shown}' as {expected}")
    if kind == "string_too_long":
        limit = error["ctx"]["max_length"]
        size = f"{len(value)} characters" if isinstance(value, str) else "too long"
        fixes = getattr(model, "length_fixes", {})
        return (f"'{where}' is {size}, over the limit of {limit}",
                fixes.get(name, "shorten it; put the detail in the longer text (the body or the page)"))
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        if pattern == ID_PATTERN:
            return (f"{where} '{value}' is not lower-case words joined by hyphens",
                    "use an id like 'k-nearest-neighbours': letters a-z, digits and single hyphens")
        if pattern == HTTPS_PATTERN:
            return (f"{where} '{value}' is not a plain https address",
                    "use an https:// address without spaces, quotes or brackets")
        return (f"'{where}' has the wrong form", f"match the pattern {pattern}")
    if kind in ("too_short", "too_long"):
        ctx = error.get("ctx", {})
        return (f"'{where}' has {ctx.get('actual_length')} items; {error['msg'].split(',')[0].lower()}",
                "add or remove items to fit")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return (f"'{where}' is out of range: {error['msg'].lower()}", "use a value in the range")
    message = error["msg"].removeprefix("Value error, ")
    return (f"'{where}' {message}" if loc else message, _fix_from(message))


def _fix_from(message: str) -> str:
    return "correct the value (see CONTRIBUTING.md for the field's rules)"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The (nested) model at a location."""
    current: Any = model
    for item in loc:
        if isinstance(item, int):
            continue
        info = current.model_fields.get(item) if isinstance(current, type) else None
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names of the (nested) model at a location."""
    found = _model_at(model, loc)
    return [n for n in found.model_fields if not n.startswith("_")] if found else []


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside an annotation such as tuple[Option, ...] or Option | None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validate(model: type[M], raw: Any, file: str, entry: str | None = None, context: dict | None = None) -> M:
    """raw data -> a validated model, or a DataError naming file, entry and fix."""
    if not isinstance(raw, dict):
        what = "empty" if raw is None else f"a {type(raw).__name__}"
        raise DataError(file, entry, f"expected a mapping of fields, found {what}",
                        "write the entry as 'name: value' lines")
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as error:
        errors = sorted(error.errors(include_url=False), key=lambda e: (e["type"] != "extra_forbidden",))
        unknown = [e for e in errors if e["type"] == "extra_forbidden"]
        if unknown:
            problem, fix = unknown_fields(unknown, model, raw)
            raise DataError(file, entry, problem, fix) from None
        problem, fix = describe(errors[0], model, raw)
        raise DataError(file, entry, problem, fix, more=len(errors) - 1) from None


def unknown_fields(errors: list[dict], model: type[BaseModel], raw: Any) -> tuple[str, str]:
    """One message for every unknown key of an entry, each with its "did you mean"."""
    names = sorted(_location(tuple(e["loc"]), raw) for e in errors)
    allowed = _fields_at(model, tuple(errors[0]["loc"])[:-1])
    hints = []
    for e in errors:
        close = difflib.get_close_matches(str(e["loc"][-1]), allowed, n=1, cutoff=0.6)
        if close:
            hints.append(f"'{e['loc'][-1]}' -> '{close[0]}'")
    hint = f"did you mean {', '.join(hints)}? " if hints else ""
    return f"unknown field(s) {', '.join(names)}", f"{hint}use only {', '.join(sorted(allowed))}"


def entry_of(raw: Any, fallback: str) -> str:
    """The id (or key) that names an entry in messages, before it is validated."""
    if isinstance(raw, dict):
        for name in ("id", "key"):
            value = raw.get(name)
            if isinstance(value, str) and value.strip() and len(value) <= 80:
                return value.strip()
    return fallback


def _none_is_empty(value: Any) -> Any:
    return () if value is None else value


def seq(item: Any, *, max_length: int = 50, min_length: int = 0):
    """A YAML list of items, kept as a tuple (the items themselves stay strict).

    A key left empty (`aliases:`) means no items, as `aliases: []` does."""
    return Annotated[tuple[item, ...], BeforeValidator(_none_is_empty), Strict(False),
                     Field(min_length=min_length, max_length=max_length)]
