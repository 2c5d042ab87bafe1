"""The through-line as a diagram: three columns — the moments of truth to fix, the plan's
programmes, the use cases — and a line for each link between them (a programme addressing a
moment, a use case serving a programme). What a broken link touches is drawn in the alert
colour: a moment no programme addresses, a programme without a use case or a business KPI, a
use case outside the plan, not covered by the recommended vendor, or whose data is missing or
fed by hand.

The layout (:func:`chain_diagram`) is pure and is what the drawing (:func:`chain_chart`) draws:
the tests read the figure's texts and lines back against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.figure import Figure

from crmwb.deliver.charts import ALERT, INK, MUTED, PALETTE, new_figure
from crmwb.deliver.views import Context
from crmwb.through_line.model import ThroughLine

COLUMNS = ("moment", "programmes", "use_cases")
"""The diagram's columns, left to right (their titles: ``through_line.col.<column>``)."""

SOUND, BROKEN = PALETTE[0], ALERT


@dataclass(frozen=True)
class Node:
    """A box of the diagram: its column (0, 1, 2), its row from the top, its label and whether
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


def chain_diagram(line: ThroughLine) -> ChainDiagram:
    """The diagram of ``line``: the moments of truth to fix (rank order), every programme (plan
    order), every use case (the chain's order); a line from a moment to each programme
    addressing it, from a programme to each of its use cases."""
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
        add(2, u.name, u.name, u.name in subjects)
    links: list[tuple[int, int]] = []
    for m in line.moments:
        links += [(index[0, m.touchpoint], index[1, p.name]) for p in m.programmes]
    for p in line.programmes:
        links += [(index[1, p.name], index[2, u.name]) for u in p.use_cases]
    return ChainDiagram(tuple(nodes), tuple(dict.fromkeys(links)))


ROW_INCHES = 0.3
"""Height of a row of boxes: a 14-row column is about 5 inches, a page's width in print."""


def chain_chart(line: ThroughLine, ctx: Context) -> Figure:
    """The diagram drawn: a column per stage of the chain, a box per item (its label inside,
    in the alert colour when a broken link touches it), a line per link from box to box, the
    columns' titles on top and the legend at the bottom."""
    diagram = chain_diagram(line)
    rows = max(diagram.rows, 1)
    figure = new_figure(10, 1.2 + rows * ROW_INCHES)
    ax = figure.add_subplot()
    ax.set_xlim(-0.5, 2.5)
    ax.set_ylim(rows + 0.4, -1.0)
    ax.axis("off")
    for column, key in enumerate(COLUMNS):
        ax.text(column, -0.8, ctx.t(f"through_line.col.{key}"), ha="center", weight="bold")
    for left, right in diagram.links:  # centre to centre, under the boxes
        a, b = diagram.nodes[left], diagram.nodes[right]
        ax.plot([a.column, b.column], [a.row, b.row], color=MUTED, lw=0.8, zorder=1)
    for node in diagram.nodes:
        colour = BROKEN if node.broken else SOUND
        ax.text(
            node.column,
            node.row,
            node.label,
            ha="center",
            va="center",
            fontsize=7.5,
            color=colour,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": colour, "lw": 1},
        )
    ax.text(
        1,
        rows + 0.1,
        ctx.t("through_line.chart.legend"),
        ha="center",
        fontsize=7.5,
        color=INK,
    )
    return figure
