"""Dated figures: one value in running text, or the table of all of them."""
from __future__ import annotations

from ..markup import md_text
from ..render import Context


def figure(ctx: Context, figure_id: str) -> str:
    return md_text(ctx.data.figure(figure_id, ctx.file).value)


def figures_table(ctx: Context) -> str:
    return ctx.template("figures_table.md.j2", figures=ctx.data.figures())
