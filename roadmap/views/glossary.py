"""The glossary's views: a term mention (`term`), the glossary index, each
term's own page, and the printable glossary."""
from __future__ import annotations

import html
import re
from itertools import groupby

from ..markup import md_title
from ..model.glossary import Term
from ..render import Context
from ..site import GLOSSARY_PAGE

TERMS_FOLDER = "glossary"
# How site search splits text into words (mkdocs.yml, plugins: search: separator).
_SEARCH_SEPARATOR = re.compile(r"[\s\-,:!=\[\]()\"`/]+|\.(?!\d)")


def term_src(term_id: str) -> str:
    """The docs source path of a term's own page (generated, see hooks/term_pages.py)."""
    return f"{TERMS_FOLDER}/{term_id}.md"


def term(ctx: Context, text: str, label: str | None = None) -> str:
    """A link to a term's own page, its short definition as tooltip.

    The commonest macro by far (thousands of calls on a large site), so it is
    one f-string rather than a template, and inline HTML rather than a
    Markdown link, which MkDocs would resolve, validate and rewrite one by
    one. The address comes from MkDocs' own list of files (every term has a
    generated page, so it exists); the tooltip text holds no '<' or '>'
    (md_title refuses them) and is escaped like any attribute.
    """
    found = ctx.data.term(text, ctx.file)
    href = html.escape(ctx.url(term_src(found.id)), quote=True)
    title = md_title(found.short)[1:-1]  # an escaped attribute value, without its quotes
    shown = html.escape(label or text, quote=False)
    return f'<a class="glossary-term" href="{href}" title="{title}">{shown}</a>'


def glossary(ctx: Context) -> str:
    """The glossary index: every term with its short definition, by letter, then by category."""
    terms = ctx.data.terms()
    letters = [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: t.title[0].upper())]
    categories = [(c, [t for t in terms if t.category == c.id]) for c in ctx.data.categories()]
    return ctx.template(
        "glossary_index.md.j2",
        letters=letters,
        categories=[(c, ts) for c, ts in categories if ts],
        category_titles={c.id: c.title for c, _ in categories},
        urls={t.id: ctx.url(term_src(t.id)) for t in terms},
    )


_TITLE_WORD = re.compile(r"[\s\-/]+")


def _is_subsequence(letters: str, of: str) -> bool:
    rest = iter(of)
    return all(letter in rest for letter in letters)


def stands_for(alias: str, title: str) -> bool:
    """Whether an alias is the title's abbreviation: one word with two capitals
    or more, whose capitals are, in order and starting with the first, the
    title's word initials (SGD, TTFT, SSE) or the title's own capitals (TF
    for TensorFlow). "LAG" for "Window function" or "VCS" for "Version
    control" are other names, not abbreviations, and are not shown as one."""
    capitals = "".join(c for c in alias if c.isupper()).lower()
    if " " in alias or len(alias) > 6 or len(capitals) < 2 or alias.lower() in title.lower():
        return False
    initials = "".join(word[0] for word in _TITLE_WORD.split(title) if word).lower()
    own_capitals = "".join(c for c in title if c.isupper()).lower()
    return any(candidate[:1] == capitals[:1] and _is_subsequence(capitals, candidate)
               for candidate in (initials, own_capitals))


def abbreviation(term: Term) -> str | None:
    """The term's abbreviation, if an alias is one (PCA, RAG, LoRA): shown after the title."""
    return next((alias for alias in term.aliases if stands_for(alias, term.title)), None)


def plural(word: str) -> str:
    """The regular English plural of a word (of a name's last word)."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def search_names(term: Term) -> list[str]:
    """The names site search weighs highest for a term's page: its title and its
    one-word aliases (abbreviations, other spellings), with their plurals.

    Longer aliases stay in the page's text: as tags, a word they share with
    other terms' names ("LoRA" in "quantised LoRA") would outrank the term
    that is called just that.
    """
    names = [term.title, *(a for a in term.aliases if " " not in a.strip())]
    plurals = [plural(n) for n in names if n[-1:].isalpha() and not n.isupper()]
    # One tag per distinct word: a word repeated across names would count
    # again and again ("ROC" in "ROC AUC" and "AUC-ROC").
    words = [w.lower() for name in names + plurals for w in _SEARCH_SEPARATOR.split(name) if w]
    return list(dict.fromkeys(words))


def term_page(ctx: Context, term_id: str) -> str:
    """A term's own page: definition, example, aliases, category, related terms,
    the pages that use it and its sources."""
    found: Term = ctx.data.term(term_id, ctx.file)
    category = next(c for c in ctx.data.categories() if c.id == found.category)
    return ctx.template(
        "term_page.md.j2",
        term=found,
        abbreviation=abbreviation(found),
        names=search_names(found),
        category=category,
        related=[ctx.data.term(r) for r in found.related],
        used_on=[(src, ctx.data.page_title(src)) for src in ctx.data.pages_using(found.id)],
        glossary_page=GLOSSARY_PAGE,
    )


def glossary_print(ctx: Context) -> str:
    """Every term's definition, for the printable whole guide."""
    return ctx.template("glossary_print.md.j2", terms=ctx.data.terms())
