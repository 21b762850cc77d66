"""The benchmark's tables (Markdown): build cost side by side, then every other
measure with the budgets' limits and statuses."""
from __future__ import annotations

from collections.abc import Callable

from . import budgets
from .variants import LEGEND, PLAIN, PROJECT, SHORT, STATIC, VARIANTS

Row = tuple[str, ...]
MISSING = "–"
SIDES = " / ".join(SHORT[v] for v in VARIANTS)   # "project / A / B": the order of every side-by-side cell

BUILD_HEADER = ("Size", "Terms", f"Pages built ({SIDES})", f"Build s, median ({SIDES})",
                f"{SHORT[PROJECT]} / {SHORT[STATIC]}", f"{SHORT[PROJECT]} / {SHORT[PLAIN]}",
                f"ms per added page ({SIDES})", f"Peak RSS MB ({SIDES})", f"Site MB ({SIDES})")
MAIN_HEADER = ("Area", "Measure", "Result", "Budget", "Status")


def sides(row: dict, field: str, spec: str) -> str:
    """One figure of each side, in VARIANTS order: "9.10 / 8.20 / 6.00" ("–" where unknown)."""
    values = [row[v].get(field) for v in VARIANTS]
    return " / ".join(MISSING if value is None else f"{value:{spec}}" for value in values)


def build_rows(results: dict) -> list[Row]:
    """One row per size: the three sides' figures side by side."""
    rows = []
    for row in budgets.size_rows(results):
        rows.append((
            f"{row['size']} ({row['source']}, {row['runs']} run{'s' if row['runs'] != 1 else ''})",
            f"{row['terms']:,}",
            sides(row, "pages", ","),
            sides(row, "build_s", ".2f"),
            f"{row['ratio_a']:.2f}x ({budgets.OVERHEAD.shown(row['overhead_a_pct'])})",
            f"{row['ratio_b']:.2f}x",
            sides(row, "marginal_ms_per_page", ".1f"),
            sides(row, "peak_rss_mb", ".0f"),
            sides(row, "site_mb", ".1f"),
        ))
    return rows


def weight_result(row: dict) -> str:
    parts = ", ".join(f"{kind} {v['gzip'] / 1000:.1f}" for kind, v in sorted(row["by_type"].items()))
    return f"{row['raw_kb']:.1f} kB raw, {row['gzip_kb']:.1f} kB gzip ({parts})"


def spread_text(row: dict) -> str:
    """Each score's lowest to highest over the runs: "97-100 / 100 / 100 / 100"."""
    spread = row.get("spread") or {c: [row[c], row[c]] for c in budgets.LIGHTHOUSE}
    return " / ".join(f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}" for lo, hi in (spread[c] for c in budgets.LIGHTHOUSE))


def table_rows(results: dict) -> list[Row]:
    """(area, measure, result, budget, status) rows of the main table."""
    rows: list[Row] = []
    evaluated = {b["budget"]: b for b in results.get("budgets") or budgets.evaluate(results)}

    def budget_cells(budget: budgets.Budget, **fields) -> tuple[str, str]:
        b = evaluated.get(budget.title(**fields))
        return (b["limit"], b["status"]) if b else ("", "")

    def budget_row(area: str, budget: budgets.Budget, shown: Callable[[dict], str] | None = None, **fields) -> None:
        b = evaluated.get(budget.title(**fields))
        if b:
            rows.append((area, b["budget"], shown(b) if shown else b["shown"], b["limit"], b["status"]))

    for row in budgets.size_rows(results):
        fields = {"size": row["size"]}
        budget_row("Build", budgets.OVERHEAD, **fields)
        budget_row("Build", budgets.VS_PLAIN, **fields)
        budget_row("Build", budgets.MARGINAL, lambda b, row=row: (
            f"{b['shown']} ({sides(row, 'marginal_ms_per_page', '.1f')} ms per added page, {SIDES})"), **fields)
    weight = results.get("weight")
    if weight:
        for row in weight["first_visits"]:
            rows.append(("Weight", f"First visit, {row['page']} ({row['path']}), {row['requests']} requests",
                         weight_result(row), *budget_cells(budgets.WEIGHT, page=row["page"])))
        index = weight["search_index"]
        rows.append(("Weight", f"Search index ({index['path']}), the real site",
                     f"{index['raw_kb']:.1f} kB raw, {index['gzip_kb']:.1f} kB gzip", "", ""))
        requested = index["requested_on_first_visit"]
        budget_row("Weight", budgets.INDEX_ON_FIRST_VISIT,
                   lambda b: f"{b['shown']} ({', '.join(requested) if requested else 'none'})",
                   visits=len(weight["first_visits"]))
        search = weight["search"]
        rows.append(("Weight", f"Home page after starting a search (\"{search['query']}\", until results show), "
                     f"{search['requests']} requests", weight_result(search), "", ""))
        budget_row("Weight", budgets.INDEX_AFTER_SEARCH)
    for row in results.get("lighthouse") or []:
        names = [b.title(page=row["page"]) for b in budgets.LIGHTHOUSE.values()]
        statuses = [evaluated[n]["status"] for n in names if n in evaluated]
        rows.append(("Lighthouse", f"{row['page']} ({row['path']}), mobile, median of {row.get('runs', 1)}",
                     " / ".join(f"{row[c]:g}" for c in budgets.LIGHTHOUSE)
                     + f" (perf / a11y / best practices / SEO); spread {spread_text(row)}",
                     budgets.lighthouse_limit_text(), budgets.status(all(s == "PASS" for s in statuses))))
    for row in results.get("preview") or []:
        budget = budgets.PREVIEW.get(row["size"])
        for kind, what in (("page", "a page"), ("term", "a glossary term")):
            cells = budget_cells(budget, kind=kind) if budget else ("", "")
            rows.append(("Live preview", f"{row['size']}: save {what} -> rebuilt page (median of {row['runs']})",
                         f"{row[f'{kind}_s']:.2f} s", *cells))
    return rows


def markdown_table(header: Row, rows: list[Row]) -> str:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def legend() -> str:
    return "Build cost, each size built three ways from the same pages: " + "; ".join(
        f"{SHORT[v]} = {LEGEND[v]}" for v in VARIANTS) + "."


def format_table(results: dict) -> str:
    """The build cost table (when builds ran), its legend, then the main table."""
    parts = []
    sizes = build_rows(results)
    if sizes:
        parts += [legend(), markdown_table(BUILD_HEADER, sizes)]
    parts.append(markdown_table(MAIN_HEADER, table_rows(results)))
    return "\n\n".join(parts)


def verdict(results: dict) -> str:
    """How many budgets hold: "13 of 19 budgets hold"."""
    rows = results["budgets"]
    return f"{sum(b['status'] == 'PASS' for b in rows)} of {len(rows)} budgets hold"
