"""The glossary's views: a term mention (`term`), the glossary page and its
printable version."""
from __future__ import annotations

from itertools import groupby

from ..markup import md_text, md_title
from ..render import Context
from ..site import GLOSSARY_PAGE


def term(ctx: Context, text: str, label: str | None = None) -> str:
    """A Markdown link to a term's glossary entry, its short definition as tooltip.

    The commonest macro by far, so it is one f-string rather than a template.
    """
    found = ctx.data.term(text, ctx.file)
    target = ctx.md_link(GLOSSARY_PAGE, found.id)
    return f"[{md_text(label or text)}]({target} {md_title(found.short)}){{ .glossary-term }}"


def glossary(ctx: Context) -> str:
    """The glossary page: every term by letter, then by category."""
    terms = ctx.data.terms()
    letters = [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: t.title[0].upper())]
    categories = [(c, [t for t in terms if t.category == c.id]) for c in ctx.data.categories()]
    by_id = {t.id: t for t in terms}
    return ctx.template(
        "glossary.md.j2",
        letters=letters,
        categories=[(c, ts) for c, ts in categories if ts],
        category_titles={c.id: c.title for c, _ in categories},
        terms=by_id,
        used_on={t.id: [(src, ctx.data.page_title(src)) for src in ctx.data.pages_using(t.id)] for t in terms},
    )


def glossary_print(ctx: Context) -> str:
    """Every term's definition, for the printable whole guide."""
    return ctx.template("glossary_print.md.j2", terms=ctx.data.terms())
