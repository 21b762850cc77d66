"""The glossary: one file per term in `data/glossary/<id>.md`.

A term file is YAML front matter (the `TermFields` schema) followed by the
long definition in Markdown. The categories the terms are filed under are
in `data/glossary-categories.yml`. `load_glossary` reads and validates both
and checks the rules across terms (unique names, related terms that exist).
`Glossary.lookup` finds a term by any of its names, as `term()` does.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import AfterValidator, ValidationInfo, field_validator

from ..errors import DataError
from ..files import data_files, load_front_matter, load_yaml
from ..markup import render_data_markdown
from .base import HttpsUrl, Id, MarkdownText, Schema, Title, entry_of, invalid, seq, text, validate, visible_text

SHORT_MAX = 200
BODY_MIN_SENTENCES = 2
CATEGORIES_FILE = "data/glossary-categories.yml"
TERMS_FOLDER = "data/glossary/"
# Ids the glossary index uses for itself: a term may not take them.
# ("index" would be glossary/index.md, the index page's own address.)
RESERVED_IDS = re.compile(r"^(?:letter-[a-z0-9]|by-letter|by-category|category-.+|glossary-.+|terms|index)$")

_MARKUP_IN_SHORT = re.compile(r"[<>*`\[\]{}]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|cf|al|approx)\.", re.IGNORECASE)


def count_sentences(value: str) -> int:
    """Sentence ends in text, not counting abbreviations such as 'e.g.'."""
    return len(_SENTENCE_END.findall(_ABBREVIATIONS.sub("", value)))


def _one_sentence(value: str) -> str:
    if _MARKUP_IN_SHORT.search(value):
        raise invalid("'short' contains Markdown, HTML or template characters (< > * ` [ ] { })",
                      "write the short definition as plain text; it is shown as a tooltip")
    if not value.endswith((".", "?", "!")) or count_sentences(value) > 1:
        raise invalid("'short' must be exactly one sentence ending with a full stop",
                      "write one plain sentence; move the rest to the full definition")
    return value


_TAG_LIKE = re.compile(r"<\s*[A-Za-z!/?]|\{[{%#]")


def _no_markup(value: str) -> str:
    # The title is the heading of the term's entry and its page title: shown
    # escaped, but a tag or template syntax in it is a mistake, not a title.
    if _TAG_LIKE.search(value):
        raise invalid(f"the title '{value}' holds markup (an HTML tag or template syntax)",
                      "write the title as plain text")
    return value


def _starts_with_a_letter_or_digit(value: str) -> str:
    if not value[:1].isalnum():
        raise invalid(f"the title '{value}' does not start with a letter or a digit",
                      "start the title with a letter or a digit: its first character files it in the glossary's A-Z")
    return value


class Category(Schema):
    missing_fix: ClassVar[str] = "give every item both 'id' and 'title'"

    id: Id
    title: Title


class Source(Schema):
    title: text(300)
    url: HttpsUrl | None = None


class TermFields(Schema):
    """The front matter of `data/glossary/<id>.md`."""

    missing_fix: ClassVar[str] = "add '{name}: ...' to the front matter (see CONTRIBUTING.md)"
    length_fixes: ClassVar[dict[str, str]] = {
        "short": "shorten it to one sentence; put the detail in the full definition below the front matter"}

    id: Id
    title: Annotated[Title, AfterValidator(_starts_with_a_letter_or_digit), AfterValidator(_no_markup)]
    short: Annotated[text(SHORT_MAX), AfterValidator(_one_sentence)]
    category: Id
    aliases: seq(text(80), max_length=20) = ()
    related: seq(Id, max_length=12) = ()
    sources: seq(Source, max_length=12) = ()
    example: MarkdownText | None = None

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if RESERVED_IDS.match(value):
            raise invalid(f"id '{value}' is one the glossary page uses for its own sections (letters, categories)",
                          "choose a more specific id for the term, e.g. 'letter-a-notation'")
        return value

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("categories")
        if known is not None and value not in known:
            raise invalid(f"unknown category '{value}'", f"use one of: {', '.join(sorted(known))} ({CATEGORIES_FILE})")
        return value

    @field_validator("related")
    @classmethod
    def _related_once(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        term_id = info.data.get("id")
        if term_id in value:
            raise invalid("the term lists itself as related", f"remove '{term_id}' from 'related'")
        if len(set(value)) != len(value):
            raise invalid("'related' lists a term twice", "list each related id once")
        return value


class Term(TermFields):
    """A validated term: its front matter, its body and where it came from."""

    body: str
    body_html: str        # the body rendered and checked against the HTML allowlist
    example_html: str     # likewise the example ("" when there is none)
    file: str             # data/glossary/<id>.md


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

    def lookup(self, name: str, page: str = "") -> Term:
        """Find a term by id, title or alias, any case, singular or plural."""
        term_id = resolve(name, self.keys)
        if term_id is None:
            raise DataError(
                page or "(page)", name, f"unknown glossary term '{name}'",
                suggestion(name, self) + "; or add the term as data/glossary/<id>.md "
                "(see CONTRIBUTING.md)",
            )
        return self.terms[term_id]


# -- Names ------------------------------------------------------------------------

def normalise(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").lower().split())


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


def resolve(name: str, keys: dict[str, str]) -> str | None:
    key = normalise(name)
    if key in keys:
        return keys[key]
    for form in singular_forms(key):
        if form in keys:
            return keys[form]
    return None


def names_of(term: TermFields) -> list[str]:
    """Every name a term answers to: id (also with spaces), title, aliases."""
    return [term.id, term.id.replace("-", " "), term.title, *term.aliases]


def build_keys(terms) -> dict[str, str]:
    keys: dict[str, str] = {}
    for term in terms:
        for name in names_of(term):
            keys.setdefault(normalise(name), term.id)
    return keys


def suggestion(name: str, glossary: Glossary) -> str:
    close = difflib.get_close_matches(normalise(name), list(glossary.keys), n=6, cutoff=0.6)
    ids: list[str] = []
    for key in close:
        if glossary.keys[key] not in ids:
            ids.append(glossary.keys[key])
    if not ids:
        return "no known term is close; check the spelling against the glossary page"
    names = " or ".join(f"'{glossary.terms[i].title}' (id {i})" for i in ids[:3])
    return f"did you mean {names}?"


# -- Loading -----------------------------------------------------------------------

def load_categories(path: Path, display: str = CATEGORIES_FILE) -> list[Category]:
    raw = load_yaml(path, display)
    if not isinstance(raw, list) or not raw:
        raise DataError(display, None, "expected a list of categories",
                        "write one '- id: ...\\n  title: ...' item per category")
    categories = [validate(Category, item, display, entry_of(item, f"item {n}")) for n, item in enumerate(raw, 1)]
    seen: set[str] = set()
    for category in categories:
        if category.id in seen:
            raise DataError(display, category.id, "the category id is used twice", "give each category its own id")
        seen.add(category.id)
    return categories


def parse_term(fields: dict, body: str, display: str, stem: str, category_ids: set[str]) -> Term:
    """One term file's fields and body -> a Term (the rules across terms are in `check_glossary`)."""
    entry = entry_of(fields, stem)
    checked = validate(TermFields, fields, display, entry, {"categories": category_ids})
    if checked.id != stem:
        raise DataError(display, entry, f"id '{checked.id}' does not match the file name '{stem}.md'",
                        f"rename the file to {checked.id}.md or set id: {stem}")
    if not body:
        raise DataError(display, entry, "the full definition (the Markdown after the front matter) is empty",
                        "write two or more sentences after the closing '---'")
    if len(body) > 6000:
        raise DataError(display, entry, f"the full definition is {len(body)} characters, over the limit of 6000",
                        "shorten it: a glossary entry explains one idea; link a page for the rest")
    visible_text(body, display, entry, "the full definition")
    if count_sentences(body) < BODY_MIN_SENTENCES:
        raise DataError(display, entry, "the full definition has fewer than two sentences",
                        "explain the term in two sentences or more")
    body_html = render_data_markdown(body, display, entry, "the full definition")
    example_html = render_data_markdown(checked.example, display, entry, "the example") if checked.example else ""
    return Term.model_construct(**dict(checked), body=body, body_html=body_html, example_html=example_html,
                                file=display)


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
    categories = load_categories(root / CATEGORIES_FILE)
    category_ids = {c.id for c in categories}
    terms = []
    for path, display in data_files(root / TERMS_FOLDER, TERMS_FOLDER, ".md"):
        fields, body = load_front_matter(path, display)
        terms.append(parse_term(fields, body, display, path.stem, category_ids))
    if not terms:
        raise DataError(TERMS_FOLDER, None, "no term files found", "add data/glossary/<id>.md files")
    check_glossary(terms)
    return Glossary({t.id: t for t in terms}, categories)
