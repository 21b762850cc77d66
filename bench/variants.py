"""The three ways each size is built, with the names the JSON and the table give them."""
from __future__ import annotations

PROJECT = "project"      # the project's own machinery: macros plugin, hooks/, generated term pages
STATIC = "baseline_a"    # the same pages as static Markdown (bench/baseline.py)
PLAIN = "baseline_b"     # plain Material with plain-text mentions (bench/plain.py)
VARIANTS = (PROJECT, STATIC, PLAIN)

# How the table names each one (short, in headers), and what the legend says it is.
SHORT = {PROJECT: "project", STATIC: "A", PLAIN: "B"}
LEGEND = {
    PROJECT: "the project's own machinery (macros plugin, hooks/, a generated page per term)",
    STATIC: "baseline A, the same pages as static Markdown: every page and every generated page written "
            "out, macros plugin and hooks removed, term mentions as the static links the project renders",
    PLAIN: "baseline B, plain Material with plain-text mentions: each mention is its visible text only, "
           "no term pages, no glossary machinery, the glossary's list as plain text; same theme and "
           "Markdown extensions",
}
