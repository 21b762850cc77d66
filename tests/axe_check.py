"""axe-core in Chromium, with the project's rules: WCAG 2.1 A and AA, plus the
dialog-name rule (a dialog needs a name). Shared by the browser tests."""
from __future__ import annotations

import json

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {"aria-dialog-name": {"enabled": True}},  # best practice, but a dialog needs a name
    "resultTypes": ["violations"],
}


def start_axe(axe: Axe, page) -> None:
    """Start axe on a page without waiting for it (two tabs run at once)."""
    page.evaluate(axe.axe_script)
    page.evaluate(f"() => {{ window.__axeRun = axe.run(document, {json.dumps(AXE_OPTIONS)}); }}")


def finish_axe(page) -> list[str]:
    """Wait for the axe run started on page; its violations as readable lines."""
    results = page.evaluate("window.__axeRun")
    lines = []
    for v in results["violations"]:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return lines


def violations(axe: Axe, page) -> list[str]:
    start_axe(axe, page)
    return finish_axe(page)
