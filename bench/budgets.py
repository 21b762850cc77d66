"""The budgets of issue 7, each written once: what it limits, the limit and its unit.

Budgets are reported, never asserted: `evaluate(results)` gives one PASS/FAIL
row per budget that applies to the sections that ran, and the table
(`report`) takes its limits and statuses from those rows. kB = 1,000 bytes.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass, replace
from typing import Any

_COMPARE = {"<=": operator.le, "<": operator.lt, ">=": operator.ge}


def status(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


@dataclass(frozen=True)
class Budget:
    name: str          # the row's name; {fields} are filled in per row
    compare: str       # "<=", "<" or ">=": how a measured value must compare with the limit
    limit: float
    unit: str          # "%", "x", "kB", "s", or "" for a score
    precision: str     # format spec of a measured value ("+.1f"); "" writes it as it is

    def title(self, **fields: Any) -> str:
        return self.name.format(**fields)

    def quantity(self, value: float, spec: str) -> str:
        space = "" if self.unit in ("", "x") else " "
        return f"{value:{spec}}{space}{self.unit}"

    @property
    def limit_text(self) -> str:
        """The limit as the table shows it: "<= 100 kB"."""
        return f"{self.compare} {self.quantity(self.limit, 'g')}"

    def shown(self, measured: float) -> str:
        return self.quantity(measured, self.precision)

    def holds(self, measured: float) -> bool:
        return _COMPARE[self.compare](measured, self.limit)

    def row(self, measured: float, **fields: Any) -> dict:
        return {"budget": self.title(**fields), "measured": measured, "shown": self.shown(measured),
                "limit": self.limit_text, "status": status(self.holds(measured))}


OVERHEAD = Budget("Macros and glossary overhead over plain Material", "<=", 15.0, "%", "+.1f")
SCALE = Budget("Per-page build time, {largest} / {smallest}", "<=", 1.5, "x", ".2f")
WEIGHT = Budget("First visit, {page} page (gzip, incl. search index)", "<=", 100.0, "kB", ".1f")
WEIGHT_BY_PAGE = {"glossary": replace(WEIGHT, limit=150.0)}   # every other page: WEIGHT
LIGHTHOUSE = {
    category: Budget(f"Lighthouse mobile {category}, {{page}} page", ">=", minimum, "", "")
    for category, minimum in (("performance", 98), ("accessibility", 100), ("best-practices", 100), ("seo", 100))
}
PREVIEW = Budget("Live preview after saving a {kind}", "<", 2.0, "s", ".2f")
PREVIEW_KINDS = ("page", "term")


def weight_budget(page: str) -> Budget:
    return WEIGHT_BY_PAGE.get(page, WEIGHT)


def lighthouse_limit_text() -> str:
    """Every Lighthouse limit in one cell, in category order: ">= 98 / 100 / 100 / 100"."""
    compare = {b.compare for b in LIGHTHOUSE.values()}.pop()
    return f"{compare} " + " / ".join(f"{b.limit:g}" for b in LIGHTHOUSE.values())


def scale_ends(scale: list[dict]) -> tuple[dict, dict]:
    """(smallest, largest) size of the scale section, by pages."""
    return min(scale, key=lambda r: r["pages"]), max(scale, key=lambda r: r["pages"])


def applicable(results: dict) -> list[tuple[Budget, float, dict]]:
    """(budget, measured value, name fields) for each budget the results can be held to."""
    found: list[tuple[Budget, float, dict]] = []
    build = results.get("build")
    if build:
        found.append((OVERHEAD, build["overhead_pct"], {}))
    scale = results.get("scale")
    if scale:
        smallest, largest = scale_ends(scale)
        found.append((SCALE, largest["per_page_ms"] / smallest["per_page_ms"],
                      {"largest": largest["size"], "smallest": smallest["size"]}))
    for row in results.get("weight") or []:
        found.append((weight_budget(row["page"]), row["gzip_kb"], {"page": row["page"]}))
    for row in results.get("lighthouse") or []:
        found += [(budget, row[category], {"page": row["page"]}) for category, budget in LIGHTHOUSE.items()]
    preview = results.get("preview")
    if preview:
        found += [(PREVIEW, preview[f"{kind}_s"], {"kind": kind}) for kind in PREVIEW_KINDS]
    return found


def evaluate(results: dict) -> list[dict]:
    """One row per budget: its name, the measured value, the limit and PASS/FAIL."""
    return [budget.row(measured, **fields) for budget, measured, fields in applicable(results)]
