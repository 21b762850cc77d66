"""The glossary: load term files, validate them, look terms up, scan usage.

One file per term in `data/glossary/<id>.md`: YAML front matter with the
fields below, then the full definition in Markdown. Everything here is pure
(paths in, data or errors out) so the tests can import it directly.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .datafiles import load_front_matter, load_yaml
from .errors import DataError
from .text import is_https_url, is_id

SHORT_MAX = 200
REQUIRED = ("id", "title", "short", "category")
KNOWN_FIELDS = {"id", "title", "short", "aliases", "category", "related", "sources"}
# Raw HTML or template syntax has no place in term data: pages render it.
_HTML = re.compile(r"<\s*[A-Za-z!/?]")
_JINJA = re.compile(r"\{[{%#]")
_MARKUP_IN_SHORT = re.compile(r"[<>*`\[\]{}]")
# Raw HTML by other means: an attr_list (`{: onclick=... }`) sets any attribute,
# a link can carry a `javascript:` URL. Code spans may hold anything.
_CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)
_ATTR_LIST = re.compile(r"\{[^{}\n]*\}")
_NON_HTTPS_LINK = re.compile(r"(?:\]\(|^[ ]{0,3}\[[^\]\n]+\]:)\s*<?\s*(?!https://)[A-Za-z][A-Za-z0-9+.-]*:",
                             re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|cf|al|approx)\.", re.IGNORECASE)
# `{{ term("text") }}` or `{{ term('text', "label") }}` in page sources.
TERM_CALL = re.compile(r"""\bterm\(\s*(["'])(.+?)\1""")
# Parts of a page source that never become links: Jinja comments, raw blocks, HTML comments.
_NOT_RENDERED = re.compile(r"\{#.*?#\}|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}|<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Category:
    id: str
    title: str


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Term:
    id: str
    title: str
    short: str
    body: str
    category: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    file: str = ""


@dataclass
class Glossary:
    terms: dict[str, Term]
    categories: list[Category]
    keys: dict[str, str] = field(default_factory=dict)  # normalised name -> id

    def __post_init__(self) -> None:
        if not self.keys:
            self.keys = build_keys(self.terms.values())

    def sorted_terms(self) -> list[Term]:
        return sorted(self.terms.values(), key=lambda t: normalise(t.title))

    def lookup(self, text: str, page: str = "") -> Term:
        """Find a term by id, title or alias, any case, singular or plural."""
        term_id = resolve(text, self.keys)
        if term_id is None:
            raise DataError(
                page or "(page)", text, f"unknown glossary term '{text}'",
                suggestion(text, self) + "; or add the term as data/glossary/<id>.md "
                "(see CONTRIBUTING.md)",
            )
        return self.terms[term_id]


def normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def singular_forms(word: str) -> list[str]:
    """Candidate singulars of a regular English plural: tries, boxes, models."""
    forms = []
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.append(word[:-1])
    return forms


def resolve(text: str, keys: dict[str, str]) -> str | None:
    key = normalise(text)
    if key in keys:
        return keys[key]
    for form in singular_forms(key):
        if form in keys:
            return keys[form]
    return None


def names_of(term: Term) -> list[str]:
    """Every name a term answers to: id (also with spaces), title, aliases."""
    return [term.id, term.id.replace("-", " "), term.title, *term.aliases]


def build_keys(terms) -> dict[str, str]:
    keys: dict[str, str] = {}
    for term in terms:
        for name in names_of(term):
            keys.setdefault(normalise(name), term.id)
    return keys


def suggestion(text: str, glossary: Glossary) -> str:
    close = difflib.get_close_matches(normalise(text), list(glossary.keys), n=6, cutoff=0.6)
    ids: list[str] = []
    for key in close:
        if glossary.keys[key] not in ids:
            ids.append(glossary.keys[key])
    if not ids:
        return "no known term is close; check the spelling against the glossary page"
    names = " or ".join(f"'{glossary.terms[i].title}' (id {i})" for i in ids[:3])
    return f"did you mean {names}?"


# --------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------

def load_categories(path: Path, display: str) -> list[Category]:
    raw = load_yaml(path, display)
    if not isinstance(raw, list) or not raw:
        raise DataError(display, None, "expected a list of categories",
                        "write one '- id: ...\\n  title: ...' item per category")
    categories = []
    for item in raw:
        if not isinstance(item, dict) or not is_id(item.get("id")) or not item.get("title"):
            raise DataError(display, str(item), "a category needs an id (lower-case-with-hyphens) and a title",
                            "give every item both 'id' and 'title'")
        categories.append(Category(item["id"], str(item["title"])))
    return categories


def _string_list(fields: dict, name: str, display: str, entry: str) -> tuple[str, ...]:
    value = fields.get(name, [])
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(display, entry, f"'{name}' must be a list of non-empty strings",
                        f"write it as {name}: [first, second] or {name}: []")
    return tuple(v.strip() for v in value)


def count_sentences(text: str) -> int:
    """Sentence ends in text, not counting abbreviations such as 'e.g.'."""
    return len(_SENTENCE_END.findall(_ABBREVIATIONS.sub("", text)))


def parse_term(fields: dict, body: str, display: str, stem: str,
               category_ids: set[str]) -> Term:
    """Check one term's own fields (the cross-term rules are in `check_glossary`)."""
    entry = str(fields.get("id") or stem)
    for name in REQUIRED:
        if not isinstance(fields.get(name), str) or not fields[name].strip():
            raise DataError(display, entry, f"required field '{name}' is missing or empty",
                            f"add '{name}: ...' to the front matter (see CONTRIBUTING.md)")
    unknown = sorted(set(fields) - KNOWN_FIELDS)
    if unknown:
        raise DataError(display, entry, f"unknown field(s) {', '.join(unknown)}",
                        f"use only {', '.join(sorted(KNOWN_FIELDS))}")
    term_id = fields["id"].strip()
    if not is_id(term_id):
        raise DataError(display, entry, f"id '{term_id}' is not lower-case words joined by hyphens",
                        "use an id like 'k-nearest-neighbours'")
    if term_id != stem:
        raise DataError(display, entry, f"id '{term_id}' does not match the file name '{stem}.md'",
                        f"rename the file to {term_id}.md or set id: {stem}")
    title = fields["title"].strip()
    if not title[0].isalnum():
        raise DataError(display, entry, f"the title '{title}' does not start with a letter or a digit",
                        "start the title with a letter or a digit: its first character files it in the glossary's A-Z")
    short = " ".join(fields["short"].split())
    if len(short) > SHORT_MAX:
        raise DataError(display, entry, f"'short' is {len(short)} characters, over the limit of {SHORT_MAX}",
                        "shorten it to one sentence; put the detail in the full definition below the front matter")
    if _MARKUP_IN_SHORT.search(short) or _JINJA.search(short):
        raise DataError(display, entry, "'short' contains Markdown, HTML or template characters (< > * ` [ ] { })",
                        "write the short definition as plain text; it is shown as a tooltip")
    if not short.endswith((".", "?", "!")) or count_sentences(short) > 1:
        raise DataError(display, entry, "'short' must be exactly one sentence ending with a full stop",
                        "write one plain sentence; move the rest to the full definition")
    if not body:
        raise DataError(display, entry, "the full definition (the Markdown after the front matter) is empty",
                        "write two or more sentences after the closing '---'")
    if count_sentences(body) < 2:
        raise DataError(display, entry, "the full definition has fewer than two sentences",
                        "explain the term in two sentences or more")
    for name, text in (("title", fields["title"]), ("full definition", body)):
        if _HTML.search(text) or _JINJA.search(text):
            raise DataError(display, entry,
                            f"the {name} contains raw HTML or template syntax ('<tag', '{{{{', '{{%' or '{{#')",
                            "write plain Markdown; raw HTML and Jinja are not allowed in glossary data")
    prose = _CODE_SPAN.sub("", body)
    if _ATTR_LIST.search(prose) or _NON_HTTPS_LINK.search(prose):
        raise DataError(display, entry, "the full definition contains an attribute list '{...}' or a non-https link",
                        "write plain Markdown: no '{: ...}' attributes (put braces in `code`) and link only "
                        "to https:// addresses")
    if fields["category"] not in category_ids:
        raise DataError(display, entry, f"unknown category '{fields['category']}'",
                        f"use one of: {', '.join(sorted(category_ids))} (data/glossary-categories.yml)")
    related = _string_list(fields, "related", display, entry)
    if term_id in related:
        raise DataError(display, entry, "the term lists itself as related", f"remove '{term_id}' from 'related'")
    if len(set(related)) != len(related):
        raise DataError(display, entry, "'related' lists a term twice", "list each related id once")
    sources = []
    for item in fields.get("sources") or []:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            raise DataError(display, entry, "each source needs a 'title'",
                            "write sources as '- title: ...' with an optional 'url: https://...'")
        url = item.get("url")
        if url is not None and not is_https_url(url):
            raise DataError(display, entry, f"source URL '{url}' is not a plain https address",
                            "use an https:// address without spaces, quotes or brackets, "
                            "or drop the url and keep the title")
        sources.append(Source(item["title"], url))
    return Term(
        id=term_id, title=fields["title"].strip(), short=short, body=body,
        category=fields["category"], aliases=_string_list(fields, "aliases", display, entry),
        related=related, sources=tuple(sources), file=display,
    )


def check_glossary(terms: list[Term]) -> None:
    """Rules across terms: unique names, related ids that exist."""
    owner: dict[str, Term] = {}
    for term in terms:
        for name in dict.fromkeys(normalise(n) for n in names_of(term)):
            other = owner.get(name)
            if other is not None and other.id != term.id:
                raise DataError(term.file, term.id,
                                f"the name '{name}' is already used by term '{other.id}' ({other.file})",
                                "remove or change this alias or title so each name points to one term")
            owner[name] = term
    ids = {t.id for t in terms}
    for term in terms:
        for rel in term.related:
            if rel not in ids:
                close = difflib.get_close_matches(rel, sorted(ids - {term.id}), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise DataError(term.file, term.id, f"related term '{rel}' does not exist",
                                f"{hint}use the id of a file in data/glossary/, or add data/glossary/{rel}.md")


def load_glossary(root: Path) -> Glossary:
    """Load `data/glossary/*.md` and `data/glossary-categories.yml` under root."""
    categories = load_categories(root / "data" / "glossary-categories.yml", "data/glossary-categories.yml")
    category_ids = {c.id for c in categories}
    terms = []
    for path in sorted((root / "data" / "glossary").glob("*.md")):
        display = f"data/glossary/{path.name}"
        fields, body = load_front_matter(path, display)
        terms.append(parse_term(fields, body, display, path.stem, category_ids))
    if not terms:
        raise DataError("data/glossary/", None, "no term files found", "add data/glossary/<id>.md files")
    check_glossary(terms)
    return Glossary({t.id: t for t in terms}, categories)


# --------------------------------------------------------------------------
# Usage across the docs, computed from the sources (render order plays no part)
# --------------------------------------------------------------------------

def term_calls(markdown: str) -> list[str]:
    """The first argument of every `term(...)` call a page source renders."""
    return [m.group(2) for m in TERM_CALL.finditer(_NOT_RENDERED.sub("", markdown))]


def scan_usage(pages: dict[str, str], glossary: Glossary) -> dict[str, list[str]]:
    """term id -> sorted source paths of the pages whose Markdown calls `term` on it.

    Read from the sources once at start-up, so the lists are complete whatever
    order pages render in. A call naming no known term stops the build here,
    naming its page (the printable guide renders other pages' calls too, so
    waiting for the render could blame the wrong page).
    """
    usage: dict[str, set[str]] = {}
    for src, markdown in pages.items():
        for text in term_calls(markdown):
            usage.setdefault(glossary.lookup(text, f"docs/{src}").id, set()).add(src)
    return {term_id: sorted(srcs) for term_id, srcs in usage.items()}


def export_records(glossary: Glossary, glossary_url: str) -> list[dict]:
    """The public `glossary.json`: one record per term, in title order."""
    return [
        {
            "id": t.id, "title": t.title, "short": t.short, "aliases": list(t.aliases),
            "category": t.category, "related": list(t.related), "url": f"{glossary_url}#{t.id}",
        }
        for t in glossary.sorted_terms()
    ]
