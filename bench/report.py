"""The one table of the benchmark (Markdown), with the budgets' limits and statuses."""
from __future__ import annotations

from . import budgets

Row = tuple[str, str, str, str, str]


def table_rows(results: dict) -> list[Row]:
    """(area, measure, result, budget, status) rows of the one table."""
    rows: list[Row] = []
    evaluated = {b["budget"]: b for b in results.get("budgets") or budgets.evaluate(results)}

    def budget_cells(budget: budgets.Budget, **fields) -> tuple[str, str]:
        b = evaluated.get(budget.title(**fields))
        return (b["limit"], b["status"]) if b else ("", "")

    build = results.get("build")
    if build:
        rows.append(("Build", f"Real site, cold strict build (median of {build['runs']})",
                     f"{build['real_s']:.2f} s", "", ""))
        rows.append(("Build", "Same pages, plain Material, no macros or glossary",
                     f"{build['baseline_s']:.2f} s", "", ""))
        rows.append(("Build", "Macros and glossary overhead (ratio)",
                     f"{build['ratio']:.3f} ({budgets.OVERHEAD.shown(build['overhead_pct'])})",
                     *budget_cells(budgets.OVERHEAD)))
    scale = results.get("scale")
    if scale:
        for row in scale:
            marginal = row.get("marginal_ms_per_page")
            rows.append((
                f"Scale {row['size']}", f"{row['terms']:,} terms, {row['pages']:,} pages",
                f"{row['build_s']:.1f} s build, {row['per_page_ms']:.0f} ms/page"
                + (f" ({marginal:.0f} ms per added page)" if marginal else "") + ", "
                f"{row['peak_rss_mb']:.0f} MB peak RSS, site {row['site_mb']:.1f} MB, "
                f"search index {row['search_index_mb']:.2f} MB", "", ""))
        smallest, largest = budgets.scale_ends(scale)
        ends = {"largest": largest["size"], "smallest": smallest["size"]}
        rows.append(("Scale", f"Per-page time, {largest['size']} / {smallest['size']}",
                     evaluated[budgets.SCALE.title(**ends)]["shown"], *budget_cells(budgets.SCALE, **ends)))
    for row in results.get("weight") or []:
        parts = ", ".join(f"{kind} {v['gzip'] / 1000:.1f}" for kind, v in sorted(row["by_type"].items()))
        index = row["by_type"].get("search index", {}).get("gzip", 0) / 1000
        rows.append(("Weight", f"First visit, {row['page']} ({row['path']}), {row['requests']} requests",
                     f"{row['raw_kb']:.1f} kB raw, {row['gzip_kb']:.1f} kB gzip ({parts}); "
                     f"{row['gzip_kb'] - index:.1f} kB gzip without the search index",
                     *budget_cells(budgets.weight_budget(row["page"]), page=row["page"])))
    for row in results.get("lighthouse") or []:
        names = [b.title(page=row["page"]) for b in budgets.LIGHTHOUSE.values()]
        statuses = [evaluated[n]["status"] for n in names if n in evaluated]
        rows.append(("Lighthouse", f"{row['page']} ({row['path']}), mobile",
                     " / ".join(str(row[c]) for c in budgets.LIGHTHOUSE) + " (perf / a11y / best practices / SEO)",
                     budgets.lighthouse_limit_text(), budgets.status(all(s == "PASS" for s in statuses))))
    preview = results.get("preview")
    if preview:
        for kind, what in (("page", "a page"), ("term", "a glossary term")):
            rows.append(("Live preview", f"Save {what} -> rebuilt page (median of {preview['runs']})",
                         f"{preview[f'{kind}_s']:.2f} s", *budget_cells(budgets.PREVIEW, kind=kind)))
    return rows


def format_table(results: dict) -> str:
    header = ("Area", "Measure", "Result", "Budget", "Status")
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table_rows(results)]
    return "\n".join(lines)


def verdict(results: dict) -> str:
    """How many budgets hold: "13 of 19 budgets hold"."""
    rows = results["budgets"]
    return f"{sum(b['status'] == 'PASS' for b in rows)} of {len(rows)} budgets hold"
