"""Dated figures (salaries, rankings) with their sources: `data/figures.yml`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .datafiles import load_yaml
from .errors import DataError
from .text import is_https_url, is_id

FIELDS = ("id", "label", "value", "year", "source", "note")


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    value: str
    year: int
    source: str
    note: str
    source_url: str | None = None


def parse_figures(raw: object, display: str) -> dict[str, Figure]:
    if not isinstance(raw, list):
        raise DataError(display, None, "expected a list of figures", "write one '- id: ...' item per figure")
    figures: dict[str, Figure] = {}
    for item in raw:
        entry = str(item.get("id") if isinstance(item, dict) else item)
        if not isinstance(item, dict):
            raise DataError(display, entry, "a figure must be a mapping of fields", f"give it {', '.join(FIELDS)}")
        for name in FIELDS:
            if item.get(name) in (None, ""):
                raise DataError(display, entry, f"required field '{name}' is missing",
                                "every figure needs its value, the year it describes and its source")
        if not is_id(item["id"]) or item["id"] in figures:
            raise DataError(display, entry, "id is not lower-case-with-hyphens or is used twice",
                            "give each figure its own id")
        if not isinstance(item["year"], int):
            raise DataError(display, entry, "'year' must be a number such as 2019", "write year: 2019")
        url = item.get("source_url")
        if url is not None and not is_https_url(url):
            raise DataError(display, entry, f"source_url '{url}' is not a plain https address",
                            "use an https:// address without spaces, quotes or brackets")
        figures[item["id"]] = Figure(item["id"], str(item["label"]), str(item["value"]), item["year"],
                                     str(item["source"]), str(item["note"]), url)
    return figures


def load_figures(root: Path) -> dict[str, Figure]:
    display = "data/figures.yml"
    return parse_figures(load_yaml(root / "data" / "figures.yml", display), display)
