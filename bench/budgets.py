"""The budgets, each written once: what it limits, the limit and its unit.

Budgets are reported, never asserted: `evaluate(results)` gives one PASS/FAIL
row per budget that applies to the sections that ran, and the table
(`report`) takes its limits and statuses from those rows. kB = 1,000 bytes.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass
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


# Build cost (bench/builds.py; the sides are bench/variants.py).
OVERHEAD = Budget("Build overhead, project vs baseline A, {size}", "<=", 15.0, "%", "+.1f")
VS_PLAIN = Budget("Build time, project / baseline B, {size}", "<=", 1.5, "x", ".2f")
VS_PLAIN_SIZE = "100x"   # the size VS_PLAIN applies at
MARGINAL = Budget("Cost per added page, project / baseline A, {size}", "<=", 1.5, "x", ".2f")
# Weight of a first visit (bench/weight.py), and the search index it must not load.
WEIGHT = Budget("First visit, {page} page (gzip)", "<=", 100.0, "kB", ".1f")
INDEX_ON_FIRST_VISIT = Budget("First visits (of {visits}) that request the search index", "<=", 0, "", "d")
INDEX_AFTER_SEARCH = Budget("Search started on the home page: search index requests", ">=", 1, "", "d")
LIGHTHOUSE = {
    category: Budget(f"Lighthouse mobile {category}, {{page}} page", ">=", minimum, "", "g")
    for category, minimum in (("performance", 98), ("accessibility", 100), ("best-practices", 100), ("seo", 100))
}
PREVIEW = {
    "1x": Budget("Live preview after saving a {kind}, 1x", "<", 1.5, "s", ".2f"),
    "10x": Budget("Live preview after saving a {kind}, 10x", "<", 3.0, "s", ".2f"),
}
PREVIEW_KINDS = ("page", "term")


def lighthouse_limit_text() -> str:
    """Every Lighthouse limit in one cell, in category order: ">= 98 / 100 / 100 / 100"."""
    compare = {b.compare for b in LIGHTHOUSE.values()}.pop()
    return f"{compare} " + " / ".join(f"{b.limit:g}" for b in LIGHTHOUSE.values())


def size_rows(results: dict) -> list[dict]:
    """The build cost rows of every size measured, smallest first (1x from `build`, the rest from `scale`)."""
    return [*(results.get("build") or []), *(results.get("scale") or [])]


def marginal_ratio(row: dict) -> float | None:
    """The project's cost per added page over baseline A's, where both are known."""
    project, static = row["project"].get("marginal_ms_per_page"), row["baseline_a"].get("marginal_ms_per_page")
    return project / static if project is not None and static else None


def applicable(results: dict) -> list[tuple[Budget, float, dict]]:
    """(budget, measured value, name fields) for each budget the results can be held to."""
    found: list[tuple[Budget, float, dict]] = []
    for row in size_rows(results):
        found.append((OVERHEAD, row["overhead_a_pct"], {"size": row["size"]}))
        if row["size"] == VS_PLAIN_SIZE:
            found.append((VS_PLAIN, row["ratio_b"], {"size": row["size"]}))
        ratio = marginal_ratio(row)
        if ratio is not None:
            found.append((MARGINAL, ratio, {"size": row["size"]}))
    weight = results.get("weight")
    if weight:
        visits = weight["first_visits"]
        found += [(WEIGHT, row["gzip_kb"], {"page": row["page"]}) for row in visits]
        found.append((INDEX_ON_FIRST_VISIT, sum(r["search_index_requested"] for r in visits),
                      {"visits": len(visits)}))
        found.append((INDEX_AFTER_SEARCH, int(weight["search"]["search_index_requested"]), {}))
    for row in results.get("lighthouse") or []:
        found += [(budget, row[category], {"page": row["page"]}) for category, budget in LIGHTHOUSE.items()]
    for row in results.get("preview") or []:
        budget = PREVIEW.get(row["size"])
        if budget:
            found += [(budget, row[f"{kind}_s"], {"kind": kind}) for kind in PREVIEW_KINDS]
    return found


def evaluate(results: dict) -> list[dict]:
    """One row per budget: its name, the measured value, the limit and PASS/FAIL."""
    return [budget.row(measured, **fields) for budget, measured, fields in applicable(results)]
