"""The learning-path diagram (`roadmap` macro): a layered layout of the
skills, computed as pure data and drawn by `roadmap.svg.j2`.

The path is drawn in bands, one per stage (foundations, core ML, production,
frontier), each under its title. Within a band a skill sits one row below
its deepest prerequisite of the same band, and within a row skills are
ordered by where their prerequisites are, so edges cross as little as they
can. Edges run from each prerequisite to the skill that needs it. The
template draws the result as inline SVG, each node an HTML link in a
foreignObject. Sizes are in SVG user units; the viewBox is narrow enough
that text stays legible on a 360 px phone.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ..model.skills import STAGE_TITLES, STAGES, Skill
from ..render import Context

WIDTH = 340          # viewBox width
MARGIN = 14          # left/right space, where long edges run
GAP_X = 12           # between nodes in one row
ROW_GAP = 40         # between rows (room for arrows)
LINE_HEIGHT = 17
NODE_PAD = 12
SINGLE_WIDTH = 230   # a node alone in its row
CHAR_WIDTH = 7.6     # average glyph width at the diagram's font size
BAND_TITLE = 26      # height of a stage's title above its rows


@dataclass(frozen=True)
class Node:
    skill: Skill
    step: int            # position in learning order, from 1
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    d: str               # SVG path data


@dataclass(frozen=True)
class Band:
    stage: str
    title: str
    y: float             # where the title's baseline sits


@dataclass(frozen=True)
class Diagram:
    width: int
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    bands: tuple[Band, ...] = ()


def depths(skills: list[Skill]) -> dict[str, int]:
    """Row of each skill, counted over the whole path: each stage starts below
    the one before, and within a stage a skill is one row below its deepest
    prerequisite of the same stage (0 for the first row of the path).

    `skills` must be in learning order (prerequisites first), as load_skills gives.
    """
    by_id = {s.id: s for s in skills}
    local: dict[str, int] = {}
    for skill in skills:
        same = [local[p] for p in skill.prerequisites if by_id[p].stage == skill.stage]
        local[skill.id] = 1 + max(same, default=-1)
    depth: dict[str, int] = {}
    offset = 0
    for stage in STAGES:
        members = [s for s in skills if s.stage == stage]
        for skill in members:
            depth[skill.id] = offset + local[skill.id]
        if members:
            offset += 1 + max(local[s.id] for s in members)
    return depth


def wrap(title: str, width: float) -> tuple[str, ...]:
    return tuple(textwrap.wrap(title, max(8, int((width - 2 * NODE_PAD) / CHAR_WIDTH))))


def _edge_path(a: Node, b: Node, row_span: int, outer: dict[str, tuple[bool, bool]]) -> str:
    """SVG path data from prerequisite a to skill b.

    Adjacent rows: a curve from a's bottom to b's top. Rows apart: down the
    nearer side margin, clear of the rows between; it leaves a by its side if
    a is the outermost node of its row on that side (else from its bottom,
    through the gap under its row) and enters b the same way.
    """
    if row_span == 1:
        y1, y2 = a.bottom, b.y - 4
        mid = (y1 + y2) / 2
        return f"M{a.cx:.1f},{y1:.1f} C{a.cx:.1f},{mid:.1f} {b.cx:.1f},{mid:.1f} {b.cx:.1f},{y2:.1f}"
    left = a.cx <= WIDTH / 2
    side = MARGIN / 2 if left else WIDTH - MARGIN / 2
    a_outer = outer[a.skill.id][0 if left else 1]
    b_outer = outer[b.skill.id][0 if left else 1]
    if a_outer:
        start = f"M{(a.x if left else a.x + a.width):.1f},{a.y + a.height / 2:.1f} H{side:.1f}"
    else:
        below = a.bottom + ROW_GAP * 0.35
        start = f"M{a.cx:.1f},{a.bottom:.1f} V{below:.1f} H{side:.1f}"
    if b_outer:
        end = f"V{b.y + b.height / 2:.1f} H{(b.x - 4) if left else (b.x + b.width + 4):.1f}"
    else:
        above = b.y - ROW_GAP * 0.35
        end = f"V{above:.1f} H{b.cx:.1f} V{b.y - 4:.1f}"
    return f"{start} {end}"


def layout(skills: list[Skill]) -> Diagram:
    depth = depths(skills)
    rows: dict[int, list[Skill]] = {}
    for skill in skills:
        rows.setdefault(depth[skill.id], []).append(skill)
    step = {s.id: i for i, s in enumerate(skills, start=1)}
    nodes: dict[str, Node] = {}
    bands: list[Band] = []
    y = 4.0
    for row in sorted(rows):
        members = rows[row]
        if not bands or bands[-1].stage != members[0].stage:
            stage = members[0].stage
            bands.append(Band(stage, STAGE_TITLES[stage], y + BAND_TITLE - 8))
            y += BAND_TITLE

        def barycentre(skill: Skill) -> float:
            placed = [nodes[p].cx for p in skill.prerequisites if p in nodes]
            return sum(placed) / len(placed) if placed else WIDTH / 2

        members = sorted(members, key=lambda s: (barycentre(s), step[s.id]))
        n = len(members)
        width = SINGLE_WIDTH if n == 1 else (WIDTH - 2 * MARGIN - (n - 1) * GAP_X) / n
        wrapped = [wrap(f"{step[s.id]}. {s.title}", width) for s in members]
        height = NODE_PAD * 2 + LINE_HEIGHT * (max(len(w) for w in wrapped) + 1)
        x = (WIDTH - width) / 2 if n == 1 else MARGIN
        for skill, lines in zip(members, wrapped, strict=True):
            nodes[skill.id] = Node(skill, step[skill.id], x, y, width, height, lines)
            x += width + GAP_X
        y += height + ROW_GAP
    outer: dict[str, tuple[bool, bool]] = {}
    for members in rows.values():
        xs = [nodes[m.id].x for m in members]
        for m in members:
            outer[m.id] = (nodes[m.id].x == min(xs), nodes[m.id].x == max(xs))
    edges = tuple(
        Edge(p, s.id, _edge_path(nodes[p], nodes[s.id], depth[s.id] - depth[p], outer))
        for s in skills for p in s.prerequisites
    )
    return Diagram(WIDTH, round(y - ROW_GAP + 8, 1), tuple(nodes[s.id] for s in skills), edges, tuple(bands))


def roadmap(ctx: Context) -> str:
    """The learning-path diagram with the reader's progress panel."""
    skills = ctx.data.skills()
    return ctx.template(
        "roadmap.svg.j2",
        diagram=layout(skills),
        urls={s.id: ctx.url(s.page) for s in skills},
        titles={s.id: s.title for s in skills},
        stage_titles=STAGE_TITLES,
    )
