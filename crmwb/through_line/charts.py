"""The through-line as a diagram: four columns — the moments of truth to fix, the plan's
programmes, the use cases (with their ID), the ROI's levers (with their risk-adjusted value) —
and a line for each link between them (a programme addressing a moment, a use case serving a
programme, a lever coming from a programme or a use case). What a broken link touches is drawn
in the alert colour: a moment no programme addresses, a programme without a use case, a
business KPI or a lever, a use case outside the plan, not covered by the recommended vendor, or
whose data is missing or fed by hand, a lever tied to no programme.

The layout (:func:`chain_diagram`) is pure and is what the drawing (:func:`chain_chart`) draws:
the tests read the figure's texts and lines back against it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from matplotlib.figure import Figure

from crmwb.deliver.charts import ALERT, INK, MUTED, PALETTE, new_figure
from crmwb.deliver.views import Context
from crmwb.through_line.model import ThroughLine

COLUMNS = ("moment", "programmes", "use_cases", "levers")
"""The diagram's columns, left to right (their titles: ``through_line.chart.<column>``)."""

SOUND, BROKEN = PALETTE[0], ALERT


@dataclass(frozen=True)
class Node:
    """A box of the diagram: its column (0 to 3), its row from the top, its label and whether
    a broken link touches it."""

    column: int
    row: int
    label: str
    broken: bool


@dataclass(frozen=True)
class ChainDiagram:
    """The diagram's boxes by column and the links between them (pairs of node indexes, left
    box first), each link once."""

    nodes: tuple[Node, ...]
    links: tuple[tuple[int, int], ...]

    @property
    def rows(self) -> int:
        """The rows of the longest column."""
        return max((n.row + 1 for n in self.nodes), default=0)


def chain_diagram(line: ThroughLine, ctx: Context | None = None) -> ChainDiagram:
    """The diagram of ``line``: the moments of truth to fix (rank order), every programme (plan
    order), every use case (the chain's order, « UC-05 Relance… »), every ROI lever (the ROI
    sheet's order, its value written with ``ctx``, its name alone without one); a line from a
    moment to each programme addressing it, from a programme to each of its use cases, from a
    programme or a use case to each lever coming from it."""
    broken = {(b.kind, b.subject) for b in line.broken}
    subjects = {subject for _, subject in broken}
    nodes: list[Node] = []
    index: dict[tuple[int, str], int] = {}

    def add(column: int, key: str, label: str, is_broken: bool) -> None:
        row = sum(1 for n in nodes if n.column == column)
        index[column, key] = len(nodes)
        nodes.append(Node(column, row, label, is_broken))

    for m in line.moments:
        add(0, m.touchpoint, m.touchpoint, ("moment_not_addressed", m.touchpoint) in broken)
    for p in line.programmes:
        add(1, p.name, p.name, p.name in subjects)
    for u in line.use_cases:
        add(2, u.name, u.label, u.name in subjects)
    for lever in line.levers:
        label = lever.name
        if ctx is not None:
            label = ctx.t(
                "through_line.chain.lever", lever=lever.name, value=ctx.money(lever.value)
            )
        add(3, lever.name, label, ("lever_without_programme", lever.name) in broken)
    links: list[tuple[int, int]] = []
    for m in line.moments:
        links += [(index[0, m.touchpoint], index[1, p.name]) for p in m.programmes]
    for p in line.programmes:
        links += [(index[1, p.name], index[2, u.name]) for u in p.use_cases]
    for lever in line.levers:
        if lever.programme is not None:
            links.append((index[1, lever.programme], index[3, lever.name]))
        elif lever.use_case is not None:
            links.append((index[2, lever.use_case], index[3, lever.name]))
    return ChainDiagram(tuple(nodes), tuple(dict.fromkeys(links)))


PAGE_INCHES = 7.5
"""The figure's width: a page's in print, so that the labels print at their size."""
LABEL_CHARACTERS = 24
"""A box's label is wrapped at this width: four columns fit a page's width."""
LINE_INCHES = 0.14
"""Height of a line of a label (7-point type), to which a row adds its box's padding."""


def chain_chart(line: ThroughLine, ctx: Context) -> Figure:
    """The diagram drawn: a column per stage of the chain, a box per item (its label inside,
    in the alert colour when a broken link touches it), a line per link from box to box, the
    columns' titles on top and the legend at the bottom."""
    diagram = chain_diagram(line, ctx)
    rows = max(diagram.rows, 1)
    columns = len(COLUMNS) if line.levers else len(COLUMNS) - 1
    labels = [textwrap.fill(n.label, LABEL_CHARACTERS) for n in diagram.nodes]
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    figure = new_figure(PAGE_INCHES, 1.0 + rows * (lines * LINE_INCHES + 0.14))
    ax = figure.add_subplot()
    ax.set_xlim(-0.5, columns - 0.5)
    ax.set_ylim(rows + 0.4, -1.0)
    ax.axis("off")
    for column, key in enumerate(COLUMNS[:columns]):
        title = textwrap.fill(ctx.t(f"through_line.chart.{key}"), LABEL_CHARACTERS)
        ax.text(column, -0.8, title, ha="center", va="bottom", weight="bold", fontsize=8)
    for left, right in diagram.links:  # centre to centre, under the boxes
        a, b = diagram.nodes[left], diagram.nodes[right]
        ax.plot([a.column, b.column], [a.row, b.row], color=MUTED, lw=0.8, zorder=1)
    for node, label in zip(diagram.nodes, labels, strict=True):
        colour = BROKEN if node.broken else SOUND
        ax.text(
            node.column,
            node.row,
            label,
            ha="center",
            va="center",
            fontsize=7,
            linespacing=1.1,
            color=colour,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": colour, "lw": 1},
        )
    ax.text(
        (columns - 1) / 2,
        rows + 0.1,
        ctx.t("through_line.chart.legend"),
        ha="center",
        va="top",
        fontsize=7,
        color=INK,
    )
    return figure
