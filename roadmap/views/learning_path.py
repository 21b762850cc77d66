"""The learning-path diagram: a layered layout of the skills, as pure data.

Skills sit in rows by depth (a skill's row is one below its deepest
prerequisite); edges run from each prerequisite to the skill that needs it.
The template `roadmap.svg.j2` draws the result as inline SVG, each node an
HTML link in a foreignObject. Sizes are in SVG user units; the viewBox is
narrow enough that text stays legible on a 360 px phone.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .skills import Skill

WIDTH = 340          # viewBox width
MARGIN = 14          # left/right space, where long edges run
GAP_X = 12           # between nodes in one row
ROW_GAP = 40         # between rows (room for arrows)
LINE_HEIGHT = 17
NODE_PAD = 12
SINGLE_WIDTH = 230   # a node alone in its row
CHAR_WIDTH = 7.6     # average glyph width at the diagram's font size


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
class Diagram:
    width: int
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def depths(skills: list[Skill]) -> dict[str, int]:
    """Row of each skill: 0 without prerequisites, else 1 + deepest prerequisite.

    `skills` must be in learning order (prerequisites first), as load_skills gives.
    """
    depth: dict[str, int] = {}
    for skill in skills:
        depth[skill.id] = 1 + max((depth[p] for p in skill.prerequisites), default=-1)
    return depth


def wrap(title: str, width: float) -> tuple[str, ...]:
    return tuple(textwrap.wrap(title, max(8, int((width - 2 * NODE_PAD) / CHAR_WIDTH))))


def _edge_path(a: Node, b: Node, row_span: int) -> str:
    if row_span == 1:
        y1, y2 = a.bottom, b.y - 4
        mid = (y1 + y2) / 2
        return f"M{a.cx:.1f},{y1:.1f} C{a.cx:.1f},{mid:.1f} {b.cx:.1f},{mid:.1f} {b.cx:.1f},{y2:.1f}"
    # Skipping rows: run down the nearer side margin, clear of the rows between.
    left = a.cx <= WIDTH / 2
    side = MARGIN / 2 if left else WIDTH - MARGIN / 2
    start_x = a.x if left else a.x + a.width
    end_x = (b.x - 4) if left else (b.x + b.width + 4)
    ya, yb = a.y + a.height / 2, b.y + b.height / 2
    return f"M{start_x:.1f},{ya:.1f} H{side:.1f} V{yb:.1f} H{end_x:.1f}"


def layout(skills: list[Skill]) -> Diagram:
    depth = depths(skills)
    rows: dict[int, list[Skill]] = {}
    for skill in skills:
        rows.setdefault(depth[skill.id], []).append(skill)
    step = {s.id: i for i, s in enumerate(skills, start=1)}
    nodes: dict[str, Node] = {}
    y = 4.0
    for row in sorted(rows):
        members = rows[row]
        n = len(members)
        width = SINGLE_WIDTH if n == 1 else (WIDTH - 2 * MARGIN - (n - 1) * GAP_X) / n
        wrapped = [wrap(f"{step[s.id]}. {s.title}", width) for s in members]
        height = NODE_PAD * 2 + LINE_HEIGHT * (max(len(w) for w in wrapped) + 1)
        x = (WIDTH - width) / 2 if n == 1 else MARGIN
        for skill, lines in zip(members, wrapped, strict=True):
            nodes[skill.id] = Node(skill, step[skill.id], x, y, width, height, lines)
            x += width + GAP_X
        y += height + ROW_GAP
    edges = tuple(
        Edge(p, s.id, _edge_path(nodes[p], nodes[s.id], depth[s.id] - depth[p]))
        for s in skills for p in s.prerequisites
    )
    return Diagram(WIDTH, round(y - ROW_GAP + 8, 1), tuple(nodes[s.id] for s in skills), edges)
