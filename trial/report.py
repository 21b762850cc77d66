"""The trial's printed report: one table, then what each route showed."""
from __future__ import annotations

from .routes import RouteResult

COLUMNS = ("route", "build", "pages", "article text same/differs/missing", "tests passed/failed/skipped")


def table_row(route: RouteResult) -> tuple[str, ...]:
    build = "passed" if route.passed else ("not run" if route.build is None else "FAILED")
    if route.error and route.build is None:
        build = "not run"
    pages = str(route.build.pages) if route.build is not None else "-"
    text = "-"
    if route.comparison is not None:
        c = route.comparison
        text = f"{c.identical}/{c.differing}/{c.missing}"
        if route.checked:
            text += " (of a later step)"
    tests = "-" if route.tests is None else f"{route.tests.passed}/{route.tests.failed + route.tests.errors}/" \
                                           f"{route.tests.skipped}"
    return (route.key, build, pages, text, tests)


def table(routes: list[RouteResult]) -> str:
    """The results as an aligned plain-text table."""
    rows = [COLUMNS, *(table_row(r) for r in routes)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def details(route: RouteResult) -> str:
    out = [f"== {route.title}"]
    if route.error:
        out.append(f"  not measured: {route.error}")
    for step in route.steps:
        b = step.build
        state = f"passed, {b.pages} pages" if b.passed else "FAILED"
        out.append(f"  step: {step.what}{' [' + '; '.join(step.adaptations) + ']' if step.adaptations else ''}: "
                   f"{state} ({b.seconds:.1f} s)")
        out += [f"      {line}" for line in b.first_errors(3)]
    if route.build is not None and not route.steps:
        b = route.build
        warnings = b.first_errors(3)
        if b.passed:
            out.append(f"  build: passed in {b.seconds:.1f} s, {b.pages} pages"
                       f"{', warnings: ' + str(len(warnings)) if warnings else ', no warnings'}")
        else:
            out.append(f"  build: FAILED after {b.seconds:.1f} s; first error lines:")
        out += [f"      {line}" for line in warnings]
    if route.comparison is not None:
        of = f" ({route.checked})" if route.checked else ""
        out.append(f"  article text vs the real build{of}: {route.comparison.line()}")
        if route.comparison_without_dates is not None:
            out.append(f"    without the page-date line: {route.comparison_without_dates.line()}")
        if route.comparison_core is not None:
            out.append(f"    without the page-date line and the tag list: {route.comparison_core.line()}")
        shown = route.comparison_core or route.comparison_without_dates
        for page, where in list(shown.examples.items())[:3]:
            out.append(f"    e.g. {page} {where}")
    if route.checks:
        out.append(f"  what works{' (' + route.checked + ')' if route.checked else ''}:")
        out += [f"    {c.mark():6}  {c.area:22} {c.detail}" for c in route.checks]
    out += [f"    {c.mark():6}  {c.area:22} {c.detail}" for c in route.strictness]
    if route.tests is not None:
        t = route.tests
        out.append(f"  site-level tests against its output: {t.line()} ({t.deselected} deselected: they never "
                   f"look at the built site){' [' + t.summary + ']' if t.summary else ''}")
        out += [f"    FAILED {name}" for name in t.failures[:12]]
        if len(t.failures) > 12:
            out.append(f"    ... and {len(t.failures) - 12} more (see the JSON)")
    out += [f"  note: {note}" for note in route.notes]
    return "\n".join(out)


def report(routes: list[RouteResult], header: list[str]) -> str:
    return "\n".join([*header, "", table(routes), "", *(details(r) + "\n" for r in routes)]).rstrip() + "\n"
