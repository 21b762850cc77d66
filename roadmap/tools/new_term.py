#!/usr/bin/env python3
"""Scaffold a new glossary term: data/glossary/<id>.md with every field.

    make new-term ID=label-smoothing
    .venv/bin/python -m roadmap.tools.new_term label-smoothing [--title "Early stopping"]

The file it writes does not build until you fill in the empty fields (the
build says which one is missing), so a half-written term cannot slip through.
It refuses an id that is not lower-case-with-hyphens, an id whose file exists,
and an id that is already a name (title or alias) of another term.
Exit status: 0 created, 1 refused, 2 bad usage.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from roadmap.build import ROOT
from roadmap.errors import DataError
from roadmap.files import load_front_matter
from roadmap.model.base import is_id
from roadmap.model.glossary import load_categories, normalise, resolve

TEMPLATE = """\
---
# yaml-language-server: $schema=../../schemas/term.schema.json
# A glossary term: one file per term. Fill in every empty field, write the
# definition after the closing '---', then preview with `make serve`.
# CONTRIBUTING.md ("Add or fix a glossary term") explains each field.
# These comment lines can stay or go: the build ignores them.
#
# id: the file name without .md, lower-case words joined by hyphens.
# Never rename it once merged: links from pages and other terms use it.
id: {id}
# title: the name as the glossary shows it, in sentence case.
title: {title}
# short: ONE plain sentence of at most 200 characters, ending with a full stop.
# It is the tooltip on every link to this term: no Markdown, links or HTML.
# Keep the double quotes (the sentence may contain a colon).
short: ""
# aliases: other names readers use: abbreviations, other spellings, irregular
# plurals. term("...") finds the term by its id, title or any alias.
aliases: []
# category: exactly one of: {categories}
# (the ids in data/glossary-categories.yml).
category: ""
# related: ids of other terms (file names in data/glossary/) to read next,
# for example [overfitting, regularisation]. Each must exist.
related: []
# sources: where a reader can check the definition. url is optional and must
# be https. For example:
#   - title: "Author, Book or page title (year)"
#     url: https://example.org/page
sources: []
# After the closing line below: the full definition in Markdown, two sentences
# or more, in your own words. No raw HTML and no {{{{ or {{% in glossary data.
---
"""


def title_from_id(term_id: str) -> str:
    """early-stopping -> Early stopping (a starting point; edit as needed)."""
    words = term_id.split("-")
    return " ".join([words[0].capitalize(), *words[1:]])


def existing_names(root: Path) -> dict[str, str]:
    """Every id, title and alias of the existing terms -> its term id.

    Read leniently (no validation), so a half-written term elsewhere in the
    glossary does not stop the check.
    """
    names: dict[str, str] = {}
    for path in sorted((root / "data" / "glossary").glob("*.md")):
        try:
            fields, _ = load_front_matter(path, path.name)
        except DataError:
            fields = {}
        aliases = fields.get("aliases") if isinstance(fields.get("aliases"), list) else []
        for name in (path.stem, path.stem.replace("-", " "), fields.get("title"), *aliases):
            if isinstance(name, str) and name.strip():
                names.setdefault(normalise(name), path.stem)
    return names


def refusal(root: Path, term_id: str) -> str | None:
    """Why this id cannot be created, or None if it can."""
    if not is_id(term_id):
        return (f"'{term_id}' is not a valid term id: use lower-case words and digits joined by "
                "single hyphens, such as 'label-smoothing'")
    path = root / "data" / "glossary" / f"{term_id}.md"
    if path.exists():
        return (f"data/glossary/{term_id}.md already exists: edit that file to correct the term, "
                "or choose another id")
    owner = resolve(term_id.replace("-", " "), existing_names(root))
    if owner is not None:
        return (f"'{term_id}' is already a name of the term '{owner}' (data/glossary/{owner}.md): "
                "correct or extend that entry, or choose another id")
    return None


def scaffold(root: Path, term_id: str, title: str | None = None) -> Path:
    categories = load_categories(root / "data" / "glossary-categories.yml")
    text = TEMPLATE.format(id=term_id, title=title or title_from_id(term_id),
                           categories=", ".join(c.id for c in categories))
    path = root / "data" / "glossary" / f"{term_id}.md"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create data/glossary/<id>.md for a new glossary term.")
    parser.add_argument("id", nargs="?", default="", help="the new term's id, such as label-smoothing")
    parser.add_argument("--title", help="the title as shown (default: from the id, in sentence case)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)  # for the tests
    args = parser.parse_args(argv)
    if not args.id:
        print("error: give the new term's id, for example: make new-term ID=label-smoothing", file=sys.stderr)
        return 2
    reason = refusal(args.root, args.id)
    if reason:
        print(f"error: {reason}", file=sys.stderr)
        return 1
    try:
        path = scaffold(args.root, args.id, args.title)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    shown = path.relative_to(args.root).as_posix()
    print(f"Created {shown}\n"
          "Next:\n"
          f"  1. Fill in 'short', 'category' and the rest in {shown} (the comments say how),\n"
          "     and write the definition after the closing '---'.\n"
          f"  2. make serve, open the address it prints and go to glossary/{args.id}/\n"
          f"  3. Link the term where a page first mentions it: {{{{ term(\"{title_from_id(args.id).lower()}\") }}}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
