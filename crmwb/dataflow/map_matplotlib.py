"""The data-flow map drawn by matplotlib, when Graphviz is not installed or fails: the systems in
columns per layer, ordered by the barycentre heuristic to reduce crossings, arrows as curves
from port to port, their labels placed where they overlap nothing, the legend under the map;
the figure as SVG no larger than the page."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Transform

from crmwb.dataflow.map_content import (
    ALERT,
    BOX_EDGE,
    FLOW_COLOUR,
    FONT,
    LAYER_EDGE,
    LAYER_FILL,
    MANUAL_COLOUR,
    MIN_FONT_PT,
    MUTED,
    NAME_COLOUR,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PD_COLOUR,
    Box,
    DrawnMap,
    prepare_map,
    wrapped_lines,
)
from crmwb.dataflow.model import DataMap
from crmwb.deliver.charts import INK
from crmwb.deliver.views import Context

_NAME_PT = 8.0
_DETAIL_PT = MIN_FONT_PT
_LABEL_PT = MIN_FONT_PT
_LINE = 1.22 / 72  # inches per point of font size
_PAD = 0.05
_INSET = 0.07
_BADGE_HEIGHT = 0.15
_NOTE = 0.2
_NOTE_WIDTH = 110  # characters on a line under the legend
_BOX_WIDTH = 1.35
_SIDE = 0.3
_HEADER = 0.32
_PORT_PITCH = 0.07


@dataclass
class _Placed:
    x: float  # left
    y: float  # top
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y - self.h

    @property
    def middle(self) -> float:
        return self.y - self.h / 2


def _order(m: DrawnMap, columns: list[list[int]]) -> list[list[int]]:
    """Each column's systems ordered to reduce crossings: a few barycentre sweeps, keeping the
    order with the fewest crossings seen."""
    column_of = {node: c for c, col in enumerate(columns) for node in col}
    neighbours: dict[int, list[int]] = defaultdict(list)
    for e in m.edges:
        if column_of[e.source] != column_of[e.target]:
            neighbours[e.source].append(e.target)
            neighbours[e.target].append(e.source)

    def positions(cols: list[list[int]]) -> dict[int, float]:
        return {n: (i + 0.5) / len(col) for col in cols for i, n in enumerate(col)}

    def crossings(cols: list[list[int]]) -> int:
        pos = positions(cols)
        pairs = [
            (pos[e.source], pos[e.target])
            if column_of[e.source] < column_of[e.target]
            else (pos[e.target], pos[e.source])
            for e in m.edges
            if column_of[e.source] != column_of[e.target]
        ]
        return sum(
            1
            for i, (a1, b1) in enumerate(pairs)
            for a2, b2 in pairs[i + 1 :]
            if (a1 - a2) * (b1 - b2) < 0
        )

    best = [list(col) for col in columns]
    best_count = crossings(best)
    current = [list(col) for col in columns]
    for sweep in range(8):
        order = range(len(current)) if sweep % 2 == 0 else range(len(current) - 1, -1, -1)
        for c in order:
            pos = positions(current)
            keys = {}
            for n in current[c]:
                near = neighbours.get(n, [])
                keys[n] = sum(pos[x] for x in near) / len(near) if near else pos[n]
            current[c] = sorted(current[c], key=lambda n: keys[n])
        count = crossings(current)
        if count < best_count:
            best, best_count = [list(col) for col in current], count
    return best


Point = tuple[float, float]
Rect = tuple[float, float, float, float]
Align = Literal["left", "center", "right"]


def _s_curve(a: Point, b: Point) -> list[Point]:
    """Control and end points of an S curve from ``a`` to ``b``, horizontal at both ends."""
    dx = (b[0] - a[0]) * 0.5
    return [(a[0] + dx, a[1]), (b[0] - dx, b[1]), b]


def _point(points: Sequence[Point], t: float) -> Point:
    """The point at ``t`` (0 to 1, spread evenly over the segments) of a path of cubic Bézier
    segments given as start, (control, control, end)*."""
    segments = (len(points) - 1) // 3
    s = min(int(t * segments), segments - 1)
    u = t * segments - s
    p0, p1, p2, p3 = points[3 * s : 3 * s + 4]
    v = 1 - u
    x = v**3 * p0[0] + 3 * v * v * u * p1[0] + 3 * v * u * u * p2[0] + u**3 * p3[0]
    y = v**3 * p0[1] + 3 * v * v * u * p1[1] + 3 * v * u * u * p2[1] + u**3 * p3[1]
    return x, y


@dataclass
class _Layout:
    """Where everything goes, in inches from the figure's bottom left corner."""

    width: float
    height: float
    legend_top: float
    columns: list[list[int]]
    bands: list[tuple[int, float]]  # (layer, left of its column)
    boxes: dict[int, _Placed]
    titles: dict[int, tuple[str, ...]]
    paths: dict[int, list[Point]]  # edge index -> Bézier points
    loops: set[int]  # edges within a column


def _layout(m: DrawnMap, measure: Callable[[str], float]) -> _Layout:
    layers = sorted({b.layer for b in m.boxes})
    columns = _order(m, [[i for i, b in enumerate(m.boxes) if b.layer == x] for x in layers])
    column_of = {n: c for c, col in enumerate(columns) for n in col}
    row_of = {n: r for col in columns for r, n in enumerate(col)}
    k = len(columns)

    # Which side of which box each end of each flow leaves or enters by: the right side towards
    # the next columns, the left one back; within a column, right going down, left going up.
    ends: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)  # (edge, other end)
    for e in m.edges:
        a, b = column_of[e.source], column_of[e.target]
        down = row_of[e.source] <= row_of[e.target]
        out, into = (
            ("R", "L") if a < b else ("L", "R") if a > b else ("R", "R") if down else ("L", "L")
        )
        ends[e.source, out].append((e.index, e.target))
        ends[e.target, into].append((e.index, e.source))

    # Boxes: as tall as their text, and as the ports on their busiest side need.
    titles: dict[int, tuple[str, ...]] = {}
    heights: dict[int, float] = {}
    for i, box in enumerate(m.boxes):
        room = _BOX_WIDTH - 2 * _INSET
        beside = room - _badge_width(m.badge) - 0.05 if box.personal else room
        titles[i] = _fit(box.title, room, measure, first=beside)
        busiest = max(len(ends.get((i, "L"), [])), len(ends.get((i, "R"), [])))
        heights[i] = max(_text_height(titles[i], box) + 2 * _PAD, (busiest + 1) * _PORT_PITCH)
    width = PAGE_WIDTH
    gap = min(2.2, (width - 2 * _SIDE - k * _BOX_WIDTH) / (k - 1)) if k > 1 else 0.0
    left = (width - k * _BOX_WIDTH - (k - 1) * gap) / 2
    legend_top = 0.1 + 0.2 * ((len(m.legend) + 1) // 2)
    # the lines under the legend: the map's note, and one for flows left unnamed for lack of room
    notes = (len(wrapped_lines(m.note, _NOTE_WIDTH)) if m.note else 0) + (1 if m.labels else 0)
    room = PAGE_HEIGHT - _HEADER - legend_top - 0.4 - notes * _NOTE
    most = max((len(col) for col in columns), default=1)
    stacked = max((sum(heights[n] for n in col) for col in columns), default=0.0)
    vgap = min(0.3, max(0.1, (room - stacked) / max(most - 1, 1)))
    column_heights = [sum(heights[n] for n in col) + vgap * (len(col) - 1) for col in columns]
    body = max(column_heights, default=0.0)
    height = legend_top + 0.2 + body + 0.12 + _HEADER
    top = height - _HEADER - 0.1
    placed: dict[int, _Placed] = {}
    for c, col in enumerate(columns):
        # A column with fewer boxes spreads them over more of the height.
        spread = min(0.8, max(vgap, (body - column_heights[c]) / max(len(col) - 1, 1) + vgap))
        spread = vgap if len(col) < 2 else spread
        y = top - (body - column_heights[c] - spread * (len(col) - 1) + vgap * (len(col) - 1)) / 2
        for n in col:
            placed[n] = _Placed(left + c * (_BOX_WIDTH + gap), y, _BOX_WIDTH, heights[n])
            y -= heights[n] + spread

    # Ports spread along each side, in the order of the other ends (top first), so that the
    # arrows do not cross at the box; the two arrows of a cycle side by side.
    port: dict[tuple[int, int], Point] = {}  # (edge, node) -> point
    for (node, side), items in ends.items():
        p = placed[node]
        items.sort(key=lambda item: (-placed[item[1]].middle, item[0]))
        x = p.x + p.w if side == "R" else p.x
        for j, (index, _other) in enumerate(items):
            port[index, node] = (x, p.y - p.h * (j + 1) / (len(items) + 1))

    # Flows skipping a column pass it in the gap between two boxes nearest their line.
    gaps: dict[int, list[tuple[float, float]]] = {}
    for c, col in enumerate(columns):
        tops = [placed[n].y for n in col]
        bottoms = [placed[n].bottom for n in col]
        gaps[c] = [
            (bottoms[0], top + 0.05),
            *zip(tops[1:], bottoms[:-1], strict=True),
            (legend_top + 0.15, tops[-1]),
        ]
    loads: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for e in m.edges:
        a, b = column_of[e.source], column_of[e.target]
        if abs(a - b) == 2:
            mid = (a + b) // 2
            ideal = (placed[e.source].middle + placed[e.target].middle) / 2

            def cost(g: int, ideal: float = ideal, mid: int = mid) -> float:
                low, high = gaps[mid][g]
                off = abs(min(max(ideal, low), high) - ideal)
                return off + 0.15 * len(loads[mid, g]) - 0.3 * (high - low)

            loads[mid, min(range(len(gaps[mid])), key=cost)].append((ideal, e.index))
    through: dict[int, tuple[int, float]] = {}  # edge -> (column passed, y)
    for (mid, g), passing in loads.items():
        low, high = gaps[mid][g]
        passing.sort(reverse=True)
        for j, (_ideal, index) in enumerate(passing):
            through[index] = (mid, high - (high - low) * (j + 1) / (len(passing) + 1))

    paths: dict[int, list[Point]] = {}
    loops: set[int] = set()
    for e in m.edges:
        p0, p3 = port[e.index, e.source], port[e.index, e.target]
        a, b = column_of[e.source], column_of[e.target]
        if a == b:
            reach = abs(row_of[e.source] - row_of[e.target])
            bulge = min(0.16 + 0.05 * reach, max(gap * 0.35, 0.25))
            bulge = bulge if p0[0] > placed[e.source].x else -bulge
            paths[e.index] = [p0, (p0[0] + bulge, p0[1]), (p3[0] + bulge, p3[1]), p3]
            loops.add(e.index)
        elif e.index in through:
            mid, y = through[e.index]
            x0 = left + mid * (_BOX_WIDTH + gap) - 0.05
            x1 = x0 + _BOX_WIDTH + 0.1
            w_in, w_out = ((x0, y), (x1, y)) if a < b else ((x1, y), (x0, y))
            paths[e.index] = [p0, *_s_curve(p0, w_in), *_s_curve(w_in, w_out), *_s_curve(w_out, p3)]
        else:
            paths[e.index] = [p0, *_s_curve(p0, p3)]
    bands = [(layer, left + c * (_BOX_WIDTH + gap)) for c, layer in enumerate(layers)]
    return _Layout(width, height, legend_top, columns, bands, placed, titles, paths, loops)


def flow_map_figure(
    data_map: DataMap,
    ctx: Context,
    highlight: Collection[str] = (),
    *,
    labels: bool = True,
    details: bool = True,
) -> Figure:
    """The map drawn with matplotlib (the engine used without Graphviz). Each arrow is a
    :class:`~matplotlib.patches.FancyArrowPatch` with the gid ``flow-<index of the flow>``, each
    system's box a :class:`~matplotlib.patches.FancyBboxPatch` with the gid
    ``system-<index of the system>``; ``labels``, ``details``: as :func:`flow_map_drawings`
    draws them."""
    return map_figure(prepare_map(data_map, ctx, highlight, labels=labels, details=details))[0]


def map_figure(m: DrawnMap) -> tuple[Figure, int]:
    """The map drawn, and how many flows it had no room to name."""
    fig = Figure(figsize=(PAGE_WIDTH, PAGE_HEIGHT))
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    bold = FontProperties(family=FONT, size=_NAME_PT, weight="bold")

    def measure(text: str) -> float:
        width, _height, _descent = renderer.get_text_width_height_descent(text, bold, False)
        return float(width) / fig.dpi

    lay = _layout(m, measure)
    fig.set_size_inches(lay.width, lay.height)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, lay.width)
    ax.set_ylim(0, lay.height)
    ax.set_axis_off()

    for layer, x in lay.bands:
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.1, lay.legend_top + 0.05),
                _BOX_WIDTH + 0.2,
                lay.height - lay.legend_top - 0.1,
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor=LAYER_FILL,
                edgecolor=LAYER_EDGE,
                linewidth=0.6,
                zorder=0,
            )
        )
        ax.text(
            x + _BOX_WIDTH / 2,
            lay.height - 0.2,
            m.layer_names[layer],
            ha="center",
            va="center",
            fontsize=9.5,
            fontweight="bold",
            color=NAME_COLOUR,
        )

    for e in m.edges:
        points = lay.paths[e.index]
        arrow = FancyArrowPatch(
            path=Path(points, [Path.MOVETO] + [Path.CURVE4] * (len(points) - 1)),
            arrowstyle="-|>,head_length=0.45,head_width=0.22",
            mutation_scale=10,
            color=e.colour,
            linewidth=1.7 if e.personal else 1.1 if e.manual else 0.9,
            linestyle="--" if e.manual else "-",
            zorder=2,
        )
        arrow.set_gid(f"flow-{e.index}")
        ax.add_patch(arrow)

    for i, box in enumerate(m.boxes):
        _draw_box(ax, i, box, lay.titles[i], lay.boxes[i], m.badge)

    # Labels: nearest the middle of their arrow, a little towards its quieter end (the middle
    # of a flow is often crowded near a hub), where they overlap no box and no other label;
    # beside the arrow for the loops within a column. A label with no room is left out.
    degree = [0] * len(m.boxes)
    for e in m.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    taken = [
        (p.x - 0.03, p.bottom - 0.03, p.x + p.w + 0.03, p.y + 0.03) for p in lay.boxes.values()
    ]
    area = (0.05, lay.legend_top + 0.1, lay.width - 0.05, lay.height - _HEADER)
    reach = (10, 31) if m.dense else (5, 36)  # in 40ths of the arrow
    dropped = 0
    for e in sorted(m.edges, key=lambda e: len(lay.paths[e.index])):
        if not e.label:
            continue
        label = ax.text(
            0,
            0,
            "\n".join([*wrapped_lines(e.label[0], 16), *e.label[1:]]),
            ha="center",
            va="center",
            fontsize=_LABEL_PT,
            color=e.text_colour,
            linespacing=1.05,
            zorder=4,
            bbox={
                "boxstyle": "round,pad=0.12",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.85,
            },
        )
        extent = label.get_window_extent(renderer)
        size = (extent.width / fig.dpi + 0.04, extent.height / fig.dpi + 0.03)
        lean = 0.5 + 0.12 * (
            (degree[e.source] > degree[e.target]) - (degree[e.source] < degree[e.target])
        )
        spots = sorted((x / 40 for x in range(*reach)), key=lambda t: abs(t - lean))
        beside = e.index in lay.loops
        spot = _free_spot(lay.paths[e.index], size, taken, area, spots, beside=beside)
        if spot is None:
            label.remove()
            dropped += 1
            continue
        x, y, ha, rect = spot
        label.set_position((x, y))
        label.set_horizontalalignment(ha)
        taken.append(rect)

    _legend(ax, m, lay.width / 2, lay.legend_top - 0.02)
    notes = [x for x in (m.note, m.some_labels if dropped else "") if x]
    if notes:
        # More lines under the legend (the axes' units stay inches).
        lines = [line for note in notes for line in wrapped_lines(note, _NOTE_WIDTH)]
        below = _NOTE * len(lines)
        fig.set_size_inches(lay.width, lay.height + below)
        ax.set_ylim(-below, lay.height)
        ax.text(
            lay.width / 2,
            -below + 0.06,
            "\n".join(lines),
            ha="center",
            va="bottom",
            fontsize=MIN_FONT_PT,
            fontstyle="italic",
            color=MUTED,
            gid="note",
        )
    return fig, dropped


def _fit(
    text: str, width: float, measure: Callable[[str], float], *, first: float | None = None
) -> tuple[str, ...]:
    """``text`` wrapped at word breaks to lines ``width`` inches wide (the first one ``first``,
    beside the badge) as ``measure`` measures, all of it: a word wider than a line is split
    where it must."""
    out: list[str] = []
    current = ""

    def room() -> float:
        return width if out or first is None else first

    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and measure(trial) > room():
            out.append(current)
            current = word
        else:
            current = trial
        while measure(current) > room() and len(current) > 1:
            limit = room()
            cut = max(
                (n for n in range(1, len(current)) if measure(current[:n]) <= limit), default=1
            )
            out.append(current[:cut])
            current = current[cut:]
    out.append(current)
    return tuple(out)


def _free_spot(
    path: Sequence[Point],
    size: tuple[float, float],
    taken: list[Rect],
    area: Rect,
    spots: Sequence[float],
    *,
    beside: bool,
) -> tuple[float, float, Align, Rect] | None:
    """Where to put a label of ``size`` along ``path``: the first of ``spots`` (fractions of the
    path) where it stays in ``area`` and overlaps nothing ``taken``; centred on the path, or
    ``beside`` it (right or left of the point); failing that, just above or below the path.
    Returns the anchor, alignment and rectangle."""
    w, h = size
    shifts: tuple[tuple[Align, float], ...] = (
        (("left", 0.03), ("right", -0.03)) if beside else (("center", 0.0),)
    )
    for dy in (0.0, h / 2 + 0.02, -h / 2 - 0.02):
        for t in spots:
            x, y = _point(path, t)
            y += dy
            for ha, dx in shifts:
                x_left = x + dx if ha == "left" else x + dx - w if ha == "right" else x - w / 2
                rect = (x_left, y - h / 2, x_left + w, y + h / 2)
                inside = area[0] <= rect[0] and rect[2] <= area[2] and area[1] <= rect[1]
                if inside and rect[3] <= area[3] and not any(_overlap(rect, r) for r in taken):
                    return x + dx, y, ha, rect
    return None


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _badge_width(badge: str) -> float:
    return 0.075 * len(badge) + 0.08


def _draw_box(ax: Axes, index: int, b: Box, title: tuple[str, ...], p: _Placed, badge: str) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (p.x, p.bottom),
            p.w,
            p.h,
            boxstyle="round,pad=0,rounding_size=0.05",
            facecolor="white",
            edgecolor=ALERT if b.flagged else BOX_EDGE,
            linewidth=2.4 if b.flagged else 0.8,
            zorder=3,
        )
    ).set_gid(f"system-{index}")
    text_height = _text_height(title, b)
    top = p.y - (p.h - text_height) / 2
    y = top - (_BADGE_HEIGHT - _NAME_PT * _LINE if b.personal else 0.0) / 2
    ax.text(
        p.x + _INSET,
        y,
        "\n".join(title),
        ha="left",
        va="top",
        fontsize=_NAME_PT,
        fontweight="bold",
        color=NAME_COLOUR,
        linespacing=1.0,
        zorder=4,
    )
    y -= len(title) * _NAME_PT * _LINE
    if b.details:
        ax.text(
            p.x + _INSET,
            y - 0.01,
            "\n".join(b.details),
            ha="left",
            va="top",
            fontsize=_DETAIL_PT,
            color=MUTED,
            linespacing=1.1,
            zorder=4,
        )
    if b.personal:
        # Beside the name's first line, inside the box (the line was wrapped short of it).
        _badge(ax, p.x + p.w - _INSET, top, badge)


def _text_height(title: tuple[str, ...], b: Box) -> float:
    """Inches: the name and detail lines (the badge, beside the first line, a little taller)."""
    lines = len(title) * _NAME_PT * _LINE + len(b.details) * _DETAIL_PT * _LINE
    return lines + (_BADGE_HEIGHT - _NAME_PT * _LINE if b.personal else 0.0)


def _badge(ax: Axes, right: float, top: float, badge: str) -> None:
    w, h = _badge_width(badge), _BADGE_HEIGHT
    ax.add_patch(
        FancyBboxPatch(
            (right - w, top - h),
            w,
            h,
            boxstyle="round,pad=0,rounding_size=0.03",
            facecolor=PD_COLOUR,
            edgecolor="none",
            zorder=4,
        )
    )
    ax.text(
        right - w / 2,
        top - h / 2,
        badge,
        ha="center",
        va="center_baseline",
        fontsize=MIN_FONT_PT,
        fontweight="bold",
        color="white",
        zorder=5,
    )


class _BadgeKey(Artist):
    """The legend's key for the personal-data badge."""

    def __init__(self, badge: str) -> None:
        super().__init__()
        self.badge = badge


class _BadgeKeyHandler(HandlerBase):
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
        badge = orig_handle.badge if isinstance(orig_handle, _BadgeKey) else "PD"
        w, h = 5.5 * len(badge) + 6, 10.0
        x = -xdescent + (width - w) / 2
        y = height / 2 - ydescent
        return [
            FancyBboxPatch(
                (x, y - h / 2),
                w,
                h,
                boxstyle="round,pad=0,rounding_size=2",
                facecolor=PD_COLOUR,
                edgecolor="none",
                transform=trans,
            ),
            Text(
                x + w / 2,
                y,
                badge,
                ha="center",
                va="center",
                fontsize=MIN_FONT_PT,
                fontweight="bold",
                color="white",
                transform=trans,
            ),
        ]


def _legend(ax: Axes, m: DrawnMap, x: float, top: float) -> None:
    handles: list[Artist] = []
    for kind, _label in m.legend:
        if kind == "flow":
            handles.append(Line2D([], [], color=FLOW_COLOUR, linewidth=1.0))
        elif kind == "pd_flow":
            handles.append(Line2D([], [], color=PD_COLOUR, linewidth=1.8))
        elif kind == "manual":
            handles.append(Line2D([], [], color=MANUAL_COLOUR, linewidth=1.2, linestyle="--"))
        elif kind == "pd_system":
            handles.append(_BadgeKey(m.badge))
        else:
            handles.append(Patch(facecolor="white", edgecolor=ALERT, linewidth=2.0))
    ax.legend(
        handles,
        [label for _kind, label in m.legend],
        handler_map={_BadgeKey: _BadgeKeyHandler()},
        loc="upper center",
        bbox_to_anchor=(x, top),
        bbox_transform=ax.transData,
        ncol=min(2, len(handles)),
        frameon=False,
        fontsize=7.5,
        handlelength=2.4,
        columnspacing=1.4,
        labelcolor=INK,
    )


_SVG_SIZE = re.compile(rb'<svg([^>]*?) width="([0-9.]+)pt" height="([0-9.]+)pt"')


def figure_svg(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    # A very full map is drawn taller than a page: shrink the picture (its viewBox is kept).
    found = _SVG_SIZE.search(svg)
    if found and float(found[3]) > PAGE_HEIGHT * 72:
        scale = PAGE_HEIGHT * 72 / float(found[3])
        size = f' width="{float(found[2]) * scale:.1f}pt" height="{PAGE_HEIGHT * 72:.1f}pt"'
        svg = svg[: found.start()] + b"<svg" + found[1] + size.encode() + svg[found.end() :]
    return svg
