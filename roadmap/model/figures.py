"""Dated figures (salaries, rankings) with their sources: `data/figures.yml`.

Pages show a figure through the `figure` and `figures_table` macros, never
by retyping the number, so each figure has one source of truth.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from ..errors import DataError
from ..files import load_yaml
from .base import HttpsUrl, Id, Line, Paragraph, Schema, Year, entry_of, text, validate

FIGURES_FILE = "data/figures.yml"


class Figure(Schema):
    missing_fix: ClassVar[str] = "every figure needs its value, the year it describes and its source"

    id: Id
    label: Line
    value: text(40)
    year: Year
    source: Paragraph
    source_url: HttpsUrl | None = None
    note: Paragraph


def load_figures(root: Path) -> dict[str, Figure]:
    display = FIGURES_FILE
    raw = load_yaml(root / display, display)
    if not isinstance(raw, list):
        raise DataError(display, None, "expected a list of figures", "write one '- id: ...' item per figure")
    figures: dict[str, Figure] = {}
    for number, item in enumerate(raw, start=1):
        entry = entry_of(item, f"item {number}")
        figure = validate(Figure, item, display, entry)
        if figure.id in figures:
            raise DataError(display, entry, "id is used twice", "give each figure its own id")
        figures[figure.id] = figure
    return figures
