"""The house style of every chart and the pieces the capabilities' charts share: the palette,
the ink and grid colours, matplotlib's settings (set once, on import), a new figure of the house
size, a money axis, a label cut to fit, horizontal stacked bars with their totals.

Figures are built with the object API (no pyplot state), so nothing is drawn twice in a notebook
and nothing needs a display. Labels come from the caller's :class:`~crmwb.deliver.views.Context`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from crmwb.deliver.views import Context

PALETTE = ("#1F3864", "#C55A11", "#548235", "#7030A0", "#BF9000", "#2E75B6", "#833C0B")
CATEGORY_COLOURS = (
    "#1F3864",
    "#2E75B6",
    "#9DC3E6",
    "#C55A11",
    "#F4B183",
    "#548235",
    "#A9D18E",
    "#7030A0",
    "#BF9000",
    "#7F7F7F",
    "#D9D9D9",
)
INK = "#262626"
GRID = "#D9D9D9"
ALERT = "#C00000"
"""What needs the reader's attention (a cell over its cap, a quadrant to work on)."""
MUTED = "#7F7F7F"
"""What is said in passing (a cap under a name, a reference line)."""

matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.edgecolor": GRID,
        "axes.labelcolor": INK,
        "axes.titleweight": "bold",
        "xtick.color": INK,
        "ytick.color": INK,
        "svg.fonttype": "none",  # text stays text: lighter SVG, faster PDF, searchable
        "svg.hashsalt": "crmwb",
    }
)


def new_figure(width: float = 7.5, height: float = 3.6) -> Figure:
    """A new figure, ``width`` x ``height`` inches, laid out by matplotlib's constrained layout."""
    return Figure(figsize=(width, height), layout="constrained")


def shorten(text: str, width: int) -> str:
    """``text`` cut at a word to fit ``width`` characters, an ellipsis marking the cut."""
    return textwrap.shorten(text, width, placeholder=" …")


def money_axis(ctx: Context) -> FuncFormatter:
    """An axis formatter writing amounts in the client's currency and language."""
    return FuncFormatter(lambda value, _pos: ctx.money(value))


def stacked_bars(
    names: Sequence[str],
    segments: Sequence[tuple[str, Sequence[float]]],
    total_text: Callable[[float], str],
    height: float,
) -> tuple[Figure, Any, list[float]]:
    """Horizontal bars, one per name (first on top), stacked by segment (label, widths), each
    total written at the end of its bar, the legend below. Returns the figure, its axes and
    the totals, for the caller's axis labels and limits."""
    fig = new_figure(height=height)
    ax = fig.add_subplot()
    left = [0.0] * len(names)
    for colour, (label, widths) in zip(CATEGORY_COLOURS * 2, segments, strict=False):
        ax.barh(
            names,
            widths,
            left=left,
            color=colour,
            label=label,
            height=0.55,
            edgecolor="white",
            linewidth=0.8,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    for y, total in enumerate(left):
        ax.annotate(
            total_text(total),
            xy=(total, y),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
            fontweight="bold",
            color=INK,
        )
    ax.invert_yaxis()
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(loc="outside lower center", ncols=min(4, len(segments)), frameon=False, fontsize=8)
    return fig, ax, left
