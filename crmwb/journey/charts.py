"""Charts of the customer journey (DOMAIN.md §1).

The journey map (stages x channels, one marker per touchpoint), a persona's path on it, the
personas' emotion curves and the importance-performance matrix. Each function takes the domain
objects (or plain values) and returns a matplotlib Figure in the house style of
:mod:`crmwb.deliver.charts`, every label in the client's language.

The grid charts are laid out in inches, not left to the layout engine: a touchpoint marker
has a fixed size in points, so the room each cell needs is known and the figure is sized to
it. :func:`grid_layout` is the one place that decides where a touchpoint sits, so the map and
the persona paths put it at the same spot.
"""

from __future__ import annotations

import math
import textwrap
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Transform

from crmwb.core.errors import InputError, Quoted, msg
from crmwb.deliver.charts import ALERT, GRID, INK, MUTED, PALETTE
from crmwb.deliver.views import Context
from crmwb.journey.model import (
    SCALE,
    ImportancePerformance,
    Journey,
    Path,
    Perception,
    Touchpoint,
)

PERCEPTION_COLOURS: dict[Perception, str] = {
    Perception.SATISFACTION: "#1B9E77",  # bluish green
    Perception.FRICTION: "#E6A117",  # amber, lighter than the two others
    Perception.DISAPPOINTMENT: "#B2182B",  # dark red
}
"""Green / amber / red, apart in lightness too, so they stay apart for colour-blind readers."""
MOMENT_RING = "#111111"

# Touchpoint markers, in points (diameter) and inches (pitch between two markers of a cell).
_D_MIN = 16.0
_D_MAX = 24.0
_PITCH = 0.37
_ID_SIZE = 6.3
_RING = 2.4
_PT = 1 / 72


def _diameter(importance: int) -> float:
    low, high = SCALE
    return _D_MIN + (_D_MAX - _D_MIN) * (importance - low) / (high - low)


def _text_colour(fill: str) -> str:
    """White on dark fills, ink on light ones (relative luminance)."""
    r, g, b = to_rgb(fill)
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else INK


# --- the journey grid ------------------------------------------------------------------------


@dataclass(frozen=True)
class GridLayout:
    """Where everything of a journey map goes, in inches from the grid's top left corner
    (y downwards): column ``i`` spans ``[i * column_width, (i + 1) * column_width]``, row ``j``
    spans ``[row_tops[j], row_tops[j] + row_heights[j]]``; ``positions`` maps a touchpoint id
    to the centre of its marker; ``left`` and ``top`` are the margins the row and column
    names need."""

    column_width: float
    row_tops: tuple[float, ...]
    row_heights: tuple[float, ...]
    positions: dict[str, tuple[float, float]]
    stage_labels: tuple[str, ...]
    channel_labels: tuple[str, ...]
    left: float
    top: float

    @property
    def width(self) -> float:
        return self.column_width * len(self.stage_labels)

    @property
    def height(self) -> float:
        return sum(self.row_heights)


def _slots(count: int, per_row: int) -> list[tuple[int, int, int]]:
    """(row, column, items in that row) for ``count`` markers, at most ``per_row`` a row,
    rows balanced (4 -> 2 + 2, 5 -> 3 + 2)."""
    rows = math.ceil(count / per_row)
    cols = math.ceil(count / rows)
    out = []
    for i in range(count):
        row, col = divmod(i, cols)
        out.append((row, col, min(cols, count - row * cols)))
    return out


def grid_layout(journey: Journey, width: float = 10.0) -> GridLayout:
    """The layout of ``journey``'s map on a figure about ``width`` inches wide: stage
    columns of equal width (at most 1.8 in), touchpoints of a cell side by side, then on more
    rows when the cell is too narrow, each channel row as high as its fullest cell needs."""
    stages = journey.stage_names
    channels = journey.channel_names
    channel_labels = tuple(textwrap.fill(c, 16, break_on_hyphens=False) for c in channels)
    longest = max((len(line) for c in channel_labels for line in c.split("\n")), default=4)
    left = max(0.9, 0.068 * longest + 0.25)
    n = max(len(stages), 1)
    # At most 1.8 in a column, unless the figure would be narrower than 6.5 in (its legend).
    column_width = min(max(1.8, (6.5 - left - 0.15) / n), (width - left - 0.15) / n)
    per_row = 1
    while per_row * _PITCH + _D_MAX * _PT + 0.06 <= column_width:
        per_row += 1
    wrap = max(8, int(column_width * 72 / (0.62 * 8.5)))
    stage_labels = tuple(textwrap.fill(s, wrap, break_on_hyphens=False) for s in stages)
    lines = max((label.count("\n") + 1 for label in stage_labels), default=1)
    top = 0.16 + 0.16 * lines

    cells: dict[tuple[int, int], list[Touchpoint]] = defaultdict(list)
    col_of = {s: i for i, s in enumerate(stages)}
    row_of = {c: j for j, c in enumerate(channels)}
    for tp in journey.touchpoints:
        cells[col_of[tp.stage], row_of[tp.channel]].append(tp)
    marker_rows = [1] * len(channels)
    for (_col, row), tps in cells.items():
        marker_rows[row] = max(marker_rows[row], math.ceil(len(tps) / per_row))
    row_heights = tuple(k * _PITCH + 0.15 for k in marker_rows)
    row_tops = tuple(sum(row_heights[:j]) for j in range(len(channels)))

    positions: dict[str, tuple[float, float]] = {}
    for (col, row), tps in cells.items():
        cx = (col + 0.5) * column_width
        cy = row_tops[row] + row_heights[row] / 2
        rows = math.ceil(len(tps) / per_row)
        for tp, (r, c, in_row) in zip(tps, _slots(len(tps), per_row), strict=True):
            positions[tp.id] = (
                cx + (c - (in_row - 1) / 2) * _PITCH,
                cy + (r - (rows - 1) / 2) * _PITCH,
            )
    return GridLayout(
        column_width, row_tops, row_heights, positions, stage_labels, channel_labels, left, top
    )


def _grid_figure(layout: GridLayout) -> tuple[Figure, Axes]:
    """A figure holding the grid: data units are inches, y downwards. :func:`_finish_grid`
    sizes it once the legend is known."""
    fig = Figure(figsize=(layout.left + layout.width + 0.15, 6.0))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, layout.width)
    ax.set_ylim(layout.height, 0)
    ax.set_axis_off()
    return fig, ax


def _draw_cells(ax: Axes, layout: GridLayout) -> None:
    """Light cell lines, every other stage column tinted, the stage and channel names."""
    for i, label in enumerate(layout.stage_labels):
        x = i * layout.column_width
        if i % 2 == 0:
            ax.add_patch(
                Rectangle(
                    (x, 0),
                    layout.column_width,
                    layout.height,
                    facecolor="#F5F7FA",
                    edgecolor="none",
                    zorder=0,
                )
            )
        ax.text(
            x + layout.column_width / 2,
            -0.08,
            label,
            ha="center",
            va="baseline",
            fontsize=8.5,
            fontweight="bold",
            color=INK,
            linespacing=1.1,
        )
    for j, label in enumerate(layout.channel_labels):
        ax.text(
            -0.1,
            layout.row_tops[j] + layout.row_heights[j] / 2,
            label,
            ha="right",
            va="center",
            fontsize=8.5,
            color=INK,
            linespacing=1.1,
        )
    for i in range(len(layout.stage_labels) + 1):
        x = i * layout.column_width
        ax.plot([x, x], [0, layout.height], color=GRID, linewidth=0.6, zorder=0.5)
    for y in [*layout.row_tops, layout.height]:
        ax.plot([0, layout.width], [y, y], color=GRID, linewidth=0.6, zorder=0.5)


def _draw_touchpoint(
    ax: Axes,
    tp: Touchpoint,
    xy: tuple[float, float],
    moment: bool,
    alpha: float = 1.0,
    gid: str | None = None,
) -> None:
    fill = PERCEPTION_COLOURS[tp.perception]
    marker = ax.scatter(
        [xy[0]],
        [xy[1]],
        s=_diameter(tp.importance) ** 2,
        color=fill,
        alpha=alpha,
        edgecolors=MOMENT_RING if moment else "white",
        linewidths=_RING if moment else 0.8,
        zorder=3,
    )
    if gid is not None:
        marker.set_gid(gid)
    ax.text(
        xy[0],
        xy[1],
        tp.id,
        ha="center",
        va="center_baseline",
        fontsize=_ID_SIZE,
        color=_text_colour(fill) if alpha == 1.0 else MUTED,
        alpha=1.0 if alpha == 1.0 else 0.8,
        zorder=4,
    )


class _SizeKey(Artist):
    """The legend's importance key: circles sized as on the map, numbered."""


class _SizeKeyHandler(HandlerBase):
    def create_artists(
        self,
        legend: Legend,
        orig_handle: object,
        xdescent: float,
        ydescent: float,
        width: float,
        height: float,
        fontsize: float,
        trans: Transform,
    ) -> list[Artist]:
        artists: list[Artist] = []
        x = -xdescent
        y = height / 2 - ydescent
        for importance in _KEY_IMPORTANCES:
            d = _diameter(importance)
            x += d / 2
            artists.append(
                Line2D(
                    [x],
                    [y],
                    linestyle="",
                    marker="o",
                    markersize=d,
                    markerfacecolor="#D0D0D0",
                    markeredgecolor="white",
                    transform=trans,
                )
            )
            artists.append(
                Text(
                    x,
                    y,
                    str(importance),
                    ha="center",
                    va="center_baseline",
                    fontsize=_ID_SIZE,
                    color=INK,
                    transform=trans,
                )
            )
            x += d / 2 + 3
        return artists


_KEY_IMPORTANCES = (1, 3, 5)
_KEY_LENGTH = (sum(_diameter(i) for i in _KEY_IMPORTANCES) + 3 * (len(_KEY_IMPORTANCES) - 1)) / 8


def _legend_handles(ctx: Context) -> tuple[list[Artist], list[str]]:
    """Perception colours, importance sizes (one entry, small to large) and the moment ring."""
    handles: list[Artist] = [
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=_diameter(3) * 0.75,
            markerfacecolor=colour,
            markeredgecolor="white",
        )
        for colour in PERCEPTION_COLOURS.values()
    ]
    labels = [ctx.t(f"jc.perception.{p.value}") for p in PERCEPTION_COLOURS]
    handles.append(_SizeKey())
    labels.append(ctx.t("jc.legend.importance"))
    handles.append(
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=_diameter(3) * 0.75,
            markerfacecolor="white",
            markeredgecolor=MOMENT_RING,
            markeredgewidth=_RING,
        )
    )
    labels.append(ctx.t("jc.legend.moment"))
    return handles, labels


def _legend_block(
    fig: Figure,
    groups: Sequence[tuple[Sequence[Artist], Sequence[str], float, float]],
    room: float,
) -> tuple[list[Legend], list[tuple[float, float]], float, float]:
    """Legends for ``groups`` (handles, labels, handle length and height), side by side when
    they fit in ``room`` inches, else one under the other, a group on as few balanced rows as
    fit. Returns the legends, their offsets (x from the block's centre line, y down from its
    top, inches) and the block's width and height."""
    gap = 0.35
    legends: list[Legend] = []
    sizes: list[tuple[float, float]] = []
    for handles, labels, handle_length, handle_height in groups:
        n = len(handles)
        for ncols in sorted({math.ceil(n / rows) for rows in range(1, n + 1)}, reverse=True):
            legend = fig.legend(
                handles,
                labels,
                loc="upper left",
                ncols=ncols,
                frameon=False,
                fontsize=8,
                handler_map={_SizeKey: _SizeKeyHandler()},
                handlelength=handle_length,
                handleheight=handle_height,
                columnspacing=1.5,
                borderaxespad=0,
                borderpad=0,
            )
            box = legend.get_window_extent()
            size = (box.width / fig.dpi, box.height / fig.dpi)
            if size[0] <= room or ncols == 1:
                break
            legend.remove()
        legends.append(legend)
        sizes.append(size)
    total = sum(w for w, _ in sizes) + gap * (len(sizes) - 1)
    if total <= room:
        x = -total / 2
        offsets = []
        for w, _h in sizes:
            offsets.append((x, 0.0))
            x += w + gap
        return legends, offsets, total, max(h for _w, h in sizes)
    offsets, y = [], 0.0
    for w, h in sizes:
        offsets.append((-w / 2, y))
        y += h + 0.08
    return legends, offsets, max(w for w, _h in sizes), y - 0.08


def _finish_grid(
    fig: Figure,
    ax: Axes,
    layout: GridLayout,
    ctx: Context,
    title: str | None = None,
    steps: Line2D | None = None,
) -> None:
    """The legend under the grid, the optional title above it, and the figure sized to hold
    them all."""
    handles, labels = _legend_handles(ctx)
    sizes = (handles.pop(3), labels.pop(3))
    if steps is not None:
        handles.append(steps)
        labels.append(ctx.t("jc.path.steps"))
    width = layout.left + layout.width + 0.15
    legends, offsets, legend_width, legend_height = _legend_block(
        fig,
        [(handles, labels, 1.6, 1.6), ([sizes[0]], [sizes[1]], _KEY_LENGTH, _D_MAX / 8)],
        width - 0.3,
    )
    title_room = 0.42 if title else 0.0
    bottom = legend_height + 0.25
    height = title_room + layout.top + layout.height + bottom
    fig.set_size_inches(width, height)
    ax.set_position(
        (layout.left / width, bottom / height, layout.width / width, layout.height / height)
    )
    # Centred under the grid, or as near as the figure's edges allow.
    half = legend_width / 2
    centre = min(max(layout.left + layout.width / 2, half + 0.1), width - half - 0.1)
    for legend, (dx, dy) in zip(legends, offsets, strict=True):
        legend.set_bbox_to_anchor(((centre + dx) / width, (bottom - 0.15 - dy) / height))
    if title:
        fig.text(
            layout.left / width,
            1 - 0.1 / height,
            title,
            ha="left",
            va="top",
            fontsize=11,
            fontweight="bold",
            color=INK,
        )


def journey_grid(journey: Journey, ctx: Context, moments: Collection[str] = ()) -> Figure:
    """The journey map: stages as columns, channels as rows, one marker per touchpoint in its
    cell, coloured by the customer's perception, sized by importance, labelled with its id;
    the moments of truth (``moments``: touchpoint ids) ringed in black."""
    layout = grid_layout(journey)
    fig, ax = _grid_figure(layout)
    _draw_cells(ax, layout)
    for tp in journey.touchpoints:
        _draw_touchpoint(
            ax, tp, layout.positions[tp.id], tp.id in moments, gid=f"touchpoint-{tp.id}"
        )
    _finish_grid(fig, ax, layout, ctx)
    return fig


def persona_path(
    journey: Journey, path: Path, ctx: Context, moments: Collection[str] = ()
) -> Figure:
    """A persona's path on the journey map: the map faded, the persona's touchpoints drawn
    strongly and numbered in path order, arrows from each to the next (a change of channel
    is a vertical move)."""
    known = {tp.id for tp in journey.touchpoints}
    for id in path.touchpoints:
        if id not in known:
            raise InputError(
                msg("journey.err.path_touchpoints", persona=Quoted(path.persona)),
                found=Quoted(id),
            )
    layout = grid_layout(journey)
    fig, ax = _grid_figure(layout)
    _draw_cells(ax, layout)
    on_path = set(path.touchpoints)
    for tp in journey.touchpoints:
        if tp.id not in on_path:
            _draw_touchpoint(ax, tp, layout.positions[tp.id], tp.id in moments, alpha=0.22)
    for tp in journey.touchpoints:
        if tp.id in on_path:
            _draw_touchpoint(ax, tp, layout.positions[tp.id], tp.id in moments, gid=f"path-{tp.id}")
    arrow_colour = PALETTE[0]
    for a, b in zip(path.touchpoints, path.touchpoints[1:], strict=False):
        if a == b:
            continue
        (xa, ya), (xb, yb) = layout.positions[a], layout.positions[b]
        ra = _diameter(journey.touchpoint(a).importance) / 2 + 2.5
        rb = _diameter(journey.touchpoint(b).importance) / 2 + 2.5
        ax.add_patch(
            FancyArrowPatch(
                (xa, ya),
                (xb, yb),
                arrowstyle="-|>",
                mutation_scale=9,
                shrinkA=ra,
                shrinkB=rb,
                connectionstyle="arc3,rad=0.12",
                color=arrow_colour,
                linewidth=1.4,
                zorder=2.5,
            )
        )
    steps: dict[str, list[int]] = defaultdict(list)
    for number, id in enumerate(path.touchpoints, start=1):
        steps[id].append(number)
    for id, numbers in steps.items():
        x, y = layout.positions[id]
        r = _diameter(journey.touchpoint(id).importance) / 2 * _PT
        ax.annotate(
            ", ".join(str(n) for n in numbers),
            xy=(x - r * 0.72, y - r * 0.72),
            ha="center",
            va="center",
            fontsize=7,
            fontweight="bold",
            color="white",
            bbox={
                "boxstyle": "circle,pad=0.18" if len(numbers) == 1 else "round,pad=0.18",
                "facecolor": arrow_colour,
                "edgecolor": "white",
                "linewidth": 0.6,
            },
            zorder=5,
        )
    step_handle = Line2D(
        [],
        [],
        color=arrow_colour,
        linewidth=1.4,
        marker=">",
        markersize=5,
        markevery=[1],
    )
    _finish_grid(fig, ax, layout, ctx, ctx.t("jc.path.title", persona=path.persona), step_handle)
    return fig


# --- emotion curves --------------------------------------------------------------------------

_MARKERS = ("o", "s", "D", "^", "v", "P", "X")


def emotion_curves(
    stages: Sequence[str], curves: Mapping[str, Sequence[float | None]], ctx: Context
) -> Figure:
    """Each persona's emotion (-2 to +2) stage by stage, a gap where a stage has no value;
    the positive half tinted green, the negative half red."""
    for persona, values in curves.items():
        if len(values) != len(stages):
            raise InputError(
                msg("journey.err.emotion_per_stage", stages=len(stages), persona=Quoted(persona)),
                found=str(len(values)),
            )
    fig = Figure(figsize=(8.5, 3.8), layout="constrained")
    ax = fig.add_subplot()
    n = len(stages)
    ax.axhspan(0, 2.5, color=PERCEPTION_COLOURS[Perception.SATISFACTION], alpha=0.07, lw=0)
    ax.axhspan(-2.5, 0, color=PERCEPTION_COLOURS[Perception.DISAPPOINTMENT], alpha=0.06, lw=0)
    ax.axhline(0, color=INK, linewidth=0.8, zorder=1)
    count = len(curves)
    for k, (persona, values) in enumerate(curves.items()):
        dodge = (k - (count - 1) / 2) * min(0.07, 0.3 / max(count, 1))
        xs = [i + dodge for i in range(n)]
        ys = [math.nan if v is None else float(v) for v in values]
        ax.plot(
            xs,
            ys,
            color=PALETTE[k % len(PALETTE)],
            linewidth=2,
            marker=_MARKERS[k % len(_MARKERS)],
            markersize=6,
            markeredgecolor="white",
            markeredgewidth=0.8,
            label=persona,
            zorder=3,
        )
    ax.set_xticks(range(n))
    ax.set_xticklabels([textwrap.fill(s, 14) for s in stages], fontsize=8.5)
    ax.set_xlim(-0.4, n - 0.6)
    ax.set_ylim(-2.5, 2.5)
    ax.set_yticks([-2, -1, 0, 1, 2])
    ax.set_yticklabels(["−2", "−1", "0", "+1", "+2"])
    ax.set_ylabel(ctx.t("jc.emotion.axis"))
    ax.tick_params(length=0)
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if curves:
        fig.legend(loc="outside lower center", ncols=min(count, 5), frameon=False, fontsize=8.5)
    return fig


# --- importance-performance ------------------------------------------------------------------

_IP_MARKER = 17.0  # points
_IP_PITCH = 20.5  # points between two markers of a cluster
_IP_AXES = (6.2, 4.6)  # inches
_IP_LIMITS = (0.3, 5.7)


def ip_positions(ip: ImportancePerformance) -> dict[str, tuple[float, float]]:
    """Where each rated touchpoint of ``ip`` is drawn, as (x, y) = (performance, importance):
    alone, at its coordinates; sharing them with others, in a small grid centred on them
    (deterministic, in journey order), so no point hides another. A cluster is then moved, if
    need be, so that every point of it sits on its own side of the crosshair (a point on a line
    counts as high, as in :func:`crmwb.journey.model.quadrant_of`): the chart never shows a point in
    another quadrant than the table."""
    span = _IP_LIMITS[1] - _IP_LIMITS[0]
    dx = _IP_PITCH / 72 / _IP_AXES[0] * span
    dy = _IP_PITCH / 72 / _IP_AXES[1] * span
    # A marker wholly on its side of a line: its centre a radius (and a point) away from it.
    margin_x = (_IP_MARKER / 2 + 1) / 72 / _IP_AXES[0] * span
    margin_y = (_IP_MARKER / 2 + 1) / 72 / _IP_AXES[1] * span
    groups: dict[tuple[float, float], list[str]] = defaultdict(list)
    for point in ip.points:
        groups[float(point.performance), float(point.importance)].append(point.id)
    out: dict[str, tuple[float, float]] = {}
    for (x, y), ids in groups.items():
        n = len(ids)
        cols = max(math.ceil(math.sqrt(n)), math.ceil(n / 3))
        rows = math.ceil(n / cols)
        spots = [
            (x + (c - (in_row - 1) / 2) * dx, y - (r - (rows - 1) / 2) * dy)
            for r, c, in_row in _slots(n, cols)
        ]
        shift_x = _onto_side(x, [sx for sx, _ in spots], ip.performance, margin_x)
        shift_y = _onto_side(y, [sy for _, sy in spots], ip.importance, margin_y)
        for id, (sx, sy) in zip(ids, spots, strict=True):
            out[id] = (sx + shift_x, sy + shift_y)
    return out


def _onto_side(value: float, drawn: Sequence[float], line: float, margin: float) -> float:
    """How far to move the points ``drawn`` for ``value`` so that they all sit on its side of
    ``line`` (``value >= line``: on or above it, drawn at least ``margin`` above)."""
    if value >= line:
        return max(0.0, line + margin - min(drawn))
    return min(0.0, line - margin - max(drawn))


def importance_performance(
    journey: Journey,
    ip: ImportancePerformance,
    ctx: Context,
    highlight: Collection[str] = (),
    highlight_label: str | None = None,
) -> Figure:
    """Martilla & James's importance-performance matrix of ``ip`` (from
    :func:`crmwb.journey.model.importance_performance`): each rated touchpoint at (performance,
    importance), coloured by its perception in ``journey``; the crosshair's vertical line at
    ``ip.performance``, its horizontal line at ``ip.importance``, splitting the four quadrants,
    named in their corners, "concentrate here" (high importance, low performance) tinted;
    ``highlight`` ids ringed (labelled ``highlight_label``, by default the moments of truth).
    The touchpoints with no performance score are listed under the chart."""
    omitted = list(ip.unrated)
    left, right, bottom, top = 0.75, 0.2, 0.95 + (0.22 if omitted else 0), 0.15
    aw, ah = _IP_AXES
    width, height = left + aw + right, bottom + ah + top
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((left / width, bottom / height, aw / width, ah / height))
    low, high = _IP_LIMITS
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    performance, importance = ip.performance, ip.importance
    zone = Rectangle(
        (low, importance),
        performance - low,
        high - importance,
        facecolor=ALERT,
        alpha=0.05,
        edgecolor="none",
        zorder=0,
    )
    zone.set_gid("concentrate-here")
    ax.add_patch(zone)
    ax.axvline(performance, color=MUTED, linestyle="--", linewidth=1, zorder=1).set_gid(
        "crosshair-performance"
    )
    ax.axhline(importance, color=MUTED, linestyle="--", linewidth=1, zorder=1).set_gid(
        "crosshair-importance"
    )
    corners = (
        ("jc.ip.concentrate", 0.015, 0.985, "left", "top", ALERT),
        ("jc.ip.keep_up", 0.985, 0.985, "right", "top", MUTED),
        ("jc.ip.low_priority", 0.015, 0.015, "left", "bottom", MUTED),
        ("jc.ip.overkill", 0.985, 0.015, "right", "bottom", MUTED),
    )
    for key, x, y, ha, va, colour in corners:
        ax.text(
            x,
            y,
            ctx.t(key),
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize=8.5,
            fontweight="bold",
            color=colour,
        )
    positions = ip_positions(ip)
    for point in ip.points:
        tp = journey.touchpoint(point.id)
        x, y = positions[tp.id]
        fill = PERCEPTION_COLOURS[tp.perception]
        ringed = tp.id in highlight
        marker = ax.scatter(
            [x],
            [y],
            s=_IP_MARKER**2,
            color=fill,
            edgecolors=MOMENT_RING if ringed else "white",
            linewidths=_RING if ringed else 0.8,
            zorder=3,
        )
        marker.set_gid(f"touchpoint-{tp.id}")
        ax.text(
            x,
            y,
            tp.id,
            ha="center",
            va="center_baseline",
            fontsize=_ID_SIZE,
            color=_text_colour(fill),
            zorder=4,
        )
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(ctx.t("jc.ip.performance_axis"))
    ax.set_ylabel(ctx.t("jc.ip.importance_axis"))
    ax.grid(color=GRID, linewidth=0.5, zorder=0)
    ax.set_axisbelow(True)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_color(GRID)
    handles, labels = _legend_handles(ctx)
    del handles[3], labels[3]  # no size scale: importance is the y axis here
    if highlight_label is not None:
        labels[-1] = highlight_label
    if not highlight:
        del handles[-1], labels[-1]
    fig.legend(
        handles,
        labels,
        loc="lower center",
        bbox_to_anchor=((left + aw / 2) / width, (0.08 + (0.22 if omitted else 0)) / height),
        ncols=len(handles),
        frameon=False,
        fontsize=8,
    )
    if omitted:
        fig.text(
            left / width,
            0.1 / height,
            ctx.t("jc.ip.omitted", ids=", ".join(omitted)),
            ha="left",
            va="bottom",
            fontsize=8,
            color=MUTED,
        )
    return fig
