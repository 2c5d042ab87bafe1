"""What a matplotlib chart actually draws, read back from its artists: the bars of each
``bar``/``barh`` call (by its label), the lines (by their label), the tick labels. The key
results' tests compare the series the deck draws with these."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D


def bar_calls(ax: Axes) -> list[BarContainer]:
    """The bars of each ``bar``/``barh`` call of ``ax``, in the order they were drawn."""
    return [c for c in ax.containers if isinstance(c, BarContainer)]


def bar_widths(ax: Axes) -> dict[str, list[float]]:
    """Horizontal bars: each call's label -> the widths of its bars (first bar first)."""
    return {str(c.get_label()): [p.get_width() for p in c.patches] for c in bar_calls(ax)}


def bar_heights(ax: Axes) -> list[float]:
    """Vertical bars: the height of every bar of ``ax``, in the order they were drawn."""
    return [p.get_height() for c in bar_calls(ax) for p in c.patches]


def points(line: Line2D) -> list[tuple[float, float]]:
    """A line's (x, y) points, as drawn (NaN where it has a gap)."""
    return list(zip(map(float, line.get_xdata()), map(float, line.get_ydata()), strict=True))


def lines(ax: Axes) -> dict[str, list[tuple[float, float]]]:
    """Each labelled line of ``ax`` (a legend's entry) -> its points, as drawn."""
    return {
        str(line.get_label()): points(line)
        for line in ax.get_lines()
        if not str(line.get_label()).startswith("_")
    }


def tick_labels(figure: Figure, ax: Axes, axis: str = "x") -> list[str]:
    """The tick labels of ``ax``'s ``axis`` as drawn (the figure rendered first, so that
    categorical axes have their texts), line breaks kept."""
    FigureCanvasAgg(figure).draw()
    ticks = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_text() for t in ticks]
