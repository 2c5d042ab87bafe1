"""The data map drawn: systems in three layers, left to right (sources, hubs, activation), the
flows between them as arrows (DOMAIN.md §5), legible once printed.

Each system is a box with its whole name (wrapped, never cut), its type and, when short, its
owner; systems holding personal data carry a small "PD" badge, systems the caller flags
(single points of failure ...) a thick red border. Each flow is an arrow labelled with its data
objects (the first one or two, whole, then "+n") and, on small maps, its frequency;
personal-data flows are purple and thicker, manual flows dashed and orange. Cycles are drawn as
two arrows. A legend sits under the map.

Printed, no text of a map is smaller than :data:`MIN_FONT_PT` once the picture is fitted to the
width of an A4 portrait page (:data:`PAGE_WIDTH`). :func:`flow_map_drawings` draws the whole
map when it holds at that size; else an overview without the flows' names, then the map in two
halves (sources to hubs, hubs to activation), each flow named on one of them; a half too full to
name its flows draws them unnamed and says so (the flow inventory has them all).
:func:`smallest_text_pt` measures a drawing the way the page will print it.

Two engines draw the same map: Graphviz's ``dot`` when it is installed (it routes the arrows
around the boxes and keeps the labels apart), else a layered matplotlib layout (columns per
layer, systems ordered by the barycentre heuristic to reduce crossings, arrows as curves from
port to port). Both return SVG no larger than the page. A failing or slow ``dot`` falls back to
matplotlib, never to an error.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise
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

from crmwb.dataflow.model import DataMap, Flow, Method, Role, System, SystemType
from crmwb.deliver.charts import INK, PALETTE
from crmwb.deliver.views import Chart, Context, Section, section

Engine = Literal["auto", "dot", "matplotlib"]

LAYERS: tuple[Role, ...] = (Role.SOURCE, Role.HUB, Role.ACTIVATION)
FLOW_COLOUR = "#8497B0"
FLOW_TEXT = "#44546A"
PD_COLOUR = PALETTE[3]  # purple
MANUAL_COLOUR = PALETTE[1]  # orange: a warning, and apart from the purple in lightness too
ALERT = "#C00000"
NAME_COLOUR = PALETTE[0]
MUTED = "#595959"
BOX_EDGE = "#8497B0"
LAYER_FILL = "#F3F6FA"
LAYER_EDGE = "#D9D9D9"
FONT = "DejaVu Sans"

PAGE_WIDTH = 17 / 2.54
"""Inches: the width a map may take on the page, A4 portrait between its margins (17 cm,
rounded down from the stylesheet's 178 mm); a wider picture is shrunk to it, its text with it."""
PAGE_HEIGHT = 9.2
"""Inches: what is left of an A4 page under a section heading."""
MIN_FONT_PT = 7.0
"""Points: the smallest text a printed map may hold."""
DOT_TIMEOUT = 20.0
"""Seconds given to ``dot`` before falling back to matplotlib."""
_MANY_FLOWS = 30
"""More flows than this make a dense map (see ``_Map.dense``)."""

_log = logging.getLogger(__name__)

# --- what both engines draw -----------------------------------------------------------------


@dataclass(frozen=True)
class _Box:
    name: str
    layer: int
    title: str
    details: tuple[str, ...]
    personal: bool
    flagged: bool


@dataclass(frozen=True)
class _Edge:
    index: int
    """The flow's index on the Flows sheet (the same in every drawing of the map)."""
    source: int
    target: int
    label: tuple[str, ...]
    personal: bool
    manual: bool

    @property
    def colour(self) -> str:
        return MANUAL_COLOUR if self.manual else PD_COLOUR if self.personal else FLOW_COLOUR

    @property
    def text_colour(self) -> str:
        return MANUAL_COLOUR if self.manual else PD_COLOUR if self.personal else FLOW_TEXT


@dataclass(frozen=True)
class _Map:
    boxes: tuple[_Box, ...]
    edges: tuple[_Edge, ...]
    dense: bool
    """Many systems in a layer (more than 9) or many flows: boxes with their names only, flows
    named by their first data object only."""
    labels: bool
    """Whether the flows are named on the arrows."""
    details: bool
    """Whether the boxes give the systems' type and owner (not on the overview, whose names
    are a size smaller)."""
    layer_names: tuple[str, ...]
    legend: tuple[tuple[str, str], ...]
    """(kind, label): kind is one of flow, pd_flow, manual, pd_system, flagged."""
    badge: str
    note: str
    """A line under the legend ("": none): why the flows are not named."""
    some_labels: str
    """The line the matplotlib engine adds when it has no room for some of the flows' names."""


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _clean(text: str) -> str:
    """``text`` on one line: control characters and line breaks become spaces (no-break spaces
    stay: French typography puts them before « : »)."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", _CONTROL.sub(" ", text)).strip()


def _lines(text: str, width: int) -> tuple[str, ...]:
    """``text`` wrapped at word breaks in lines of ``width`` characters, all of it: a word
    longer than a line is split."""
    return tuple(textwrap.wrap(text, width, break_on_hyphens=False)) or ("",)


def _cleaned(objects: Sequence[str]) -> list[str]:
    return [o for o in (_clean(x) for x in objects) if o]


def _objects(flow: Flow, dense: bool) -> str:
    """The flow's data objects, briefly: the first one or two, whole, then "+n"."""
    names = _cleaned(flow.data_objects)
    keep = 1 if dense else 2
    text = ", ".join(names[:keep])
    if len(names) > keep:
        text += f" +{len(names) - keep}"
    return text


def _prepare(
    data_map: DataMap,
    ctx: Context,
    highlight: Collection[str],
    *,
    labels: bool = True,
    details: bool = True,
    note: str = "",
    indexes: Sequence[int] = (),
) -> _Map:
    """What to draw of ``data_map``: every system and flow; the flows named when ``labels``,
    the boxes with their type and owner when ``details``; ``note`` under the legend.
    ``indexes``: the flows' indexes on the whole map's Flows sheet, for a half of it."""
    systems = data_map.systems
    flows = data_map.flows
    per_layer = [sum(1 for s in systems if s.role == role) for role in LAYERS]
    dense = max(per_layer, default=0) > 9 or len(flows) > _MANY_FLOWS
    flagged = set(highlight)
    boxes = tuple(_box(s, ctx, dense, s.name in flagged, details) for s in systems)
    index = {s.name: i for i, s in enumerate(systems)}
    edges = []
    more = False
    for i, flow in enumerate(flows):
        label = [_objects(flow, dense)]
        more = more or (labels and len(_cleaned(flow.data_objects)) > (1 if dense else 2))
        if not dense:
            label.append(ctx.t(f"fm.freq.{flow.frequency.value}"))
        edges.append(
            _Edge(
                indexes[i] if indexes else i,
                index[flow.source],
                index[flow.target],
                tuple(x for x in label if x) if labels else (),
                flow.personal_data,
                flow.method == Method.MANUAL,
            )
        )
    legend = [("flow", ctx.t("fm.legend.flow"))]
    if any(e.personal for e in edges):
        legend.append(("pd_flow", ctx.t("fm.legend.pd_flow")))
    if any(e.manual for e in edges):
        legend.append(("manual", ctx.t("fm.legend.manual")))
    if any(b.personal for b in boxes):
        legend.append(("pd_system", ctx.t("fm.legend.pd_system")))
    if any(b.flagged for b in boxes):
        legend.append(("flagged", ctx.t("fm.legend.flagged")))
    if more and not note:
        note = ctx.t("fm.note.more")
    return _Map(
        boxes,
        tuple(edges),
        dense,
        labels,
        details,
        tuple(ctx.t(f"fm.layer.{role.value}") for role in LAYERS),
        tuple(legend),
        ctx.t("fm.badge.pd"),
        note,
        ctx.t("fm.note.some_labels"),
    )


def _box(system: System, ctx: Context, dense: bool, flagged: bool, details: bool) -> _Box:
    """A system's box: its name, then (``details`` and not ``dense``: a map that many systems
    would push off the page) its type and its owner, when they are short."""
    lines = []
    details = details and not dense
    if details and system.type != SystemType.OTHER:
        kind = ctx.t(f"fm.type.{system.type.value}")
        if kind.casefold() not in system.name.casefold():  # not "CRM" under "CRM"
            lines.append(kind)
    owner = _clean(system.owner)
    if details and owner:
        line = ctx.t("fm.owner", owner=owner)
        if len(line) <= 24:
            lines.append(line)
    return _Box(
        system.name,
        LAYERS.index(system.role),
        _clean(system.name),
        tuple(lines),
        system.personal_data,
        flagged,
    )


_Half = tuple[DataMap, tuple[int, ...]]
"""A part of the map, and its flows' indexes on the whole map's Flows sheet."""


def _halves(data_map: DataMap) -> tuple[_Half, _Half] | None:
    """The map in two halves, each flow on one of them: the sources and the hubs with the flows
    between them; the hubs and the activation systems (with any source feeding one directly)
    with the flows in and out of activation. None when one half would have no flow."""
    active = {s.name for s in data_map.systems if s.role is Role.ACTIVATION}
    second = [i for i, f in enumerate(data_map.flows) if {f.source, f.target} & active]
    first = [i for i in range(len(data_map.flows)) if i not in second]
    if not first or not second:
        return None
    linked = {end for i in second for end in (data_map.flows[i].source, data_map.flows[i].target)}

    def half(systems: Sequence[System], indexes: list[int]) -> _Half:
        return DataMap(tuple(systems), tuple(data_map.flows[i] for i in indexes)), tuple(indexes)

    return (
        half([s for s in data_map.systems if s.role is not Role.ACTIVATION], first),
        half(
            [s for s in data_map.systems if s.role is not Role.SOURCE or s.name in linked],
            second,
        ),
    )


# --- Graphviz ---------------------------------------------------------------------------------


def has_dot() -> bool:
    """Whether Graphviz's ``dot`` is on the PATH."""
    return shutil.which("dot") is not None


def _html(text: str) -> str:
    """``text`` escaped for a Graphviz HTML-like label: on one line, no markup."""
    return (
        _clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def _dot_badge(badge: str, filler: bool = True) -> str:
    """The personal-data badge: a small rounded purple cell, with a filler row under it so that
    a taller neighbouring cell does not stretch it."""
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{8 + 6 * len(badge)}" HEIGHT="12"'
        f' BGCOLOR="{PD_COLOUR}" STYLE="rounded">'
        f'<FONT POINT-SIZE="{MIN_FONT_PT:g}" COLOR="white"><B>{_html(badge)}</B></FONT></TD></TR>'
        + ("<TR><TD></TD></TR>" if filler else "")
        + "</TABLE>"
    )


def _node_label(box: _Box, badge: str, size: int = 9) -> str:
    title = '<BR ALIGN="LEFT"/>'.join(_html(line) for line in _lines(box.title, 18))
    cells = (
        f'<TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{size}" COLOR="{NAME_COLOUR}">'
        f"<B>{title}</B></FONT></TD>"
    )
    if box.personal:
        cells += f'<TD ALIGN="RIGHT" VALIGN="TOP">{_dot_badge(badge)}</TD>'
    rows = [f"<TR>{cells}</TR>"]
    span = ' COLSPAN="2"' if box.personal else ""
    rows.extend(
        f'<TR><TD ALIGN="LEFT"{span}><FONT POINT-SIZE="{MIN_FONT_PT:g}" COLOR="{MUTED}">'
        f"{_html(line)}</FONT>"
        "</TD></TR>"
        for line in box.details
    )
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )


def _edge_label(edge: _Edge) -> str:
    if not edge.label:
        return ""
    size = f"{MIN_FONT_PT:g}"
    objects = "<BR/>".join(_html(x) for x in _lines(edge.label[0], 16))
    parts = [f'<FONT POINT-SIZE="{size}" COLOR="{edge.text_colour}">{objects}</FONT>']
    parts.extend(
        f'<FONT POINT-SIZE="{size}" COLOR="{MUTED}"><I>{_html(x)}</I></FONT>'
        for x in edge.label[1:]
    )
    return "<" + "<BR/>".join(parts) + ">"


def _legend_label(m: _Map) -> str:
    """The legend, as an HTML-like table: a swatch and a label per entry."""
    cells = []
    for kind, label in m.legend:
        if kind == "pd_system":
            swatch = _dot_badge(m.badge, filler=False)
        elif kind == "flagged":
            swatch = (
                '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
                f'<TD FIXEDSIZE="TRUE" WIDTH="22" HEIGHT="11" BORDER="2" COLOR="{ALERT}"'
                ' STYLE="rounded"></TD></TR></TABLE>'
            )
        else:
            colour, glyph = {
                "flow": (FLOW_COLOUR, "———▸"),
                "pd_flow": (PD_COLOUR, "<B>━━━▸</B>"),
                "manual": (MANUAL_COLOUR, "– – –▸"),
            }[kind]
            swatch = f'<FONT COLOR="{colour}" POINT-SIZE="9">{glyph}</FONT>'
        cells.append(
            f'<TD ALIGN="RIGHT">{swatch}</TD>'
            f'<TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{INK}">{_html(label)}</FONT></TD>'
        )
    per_row = 2  # three would make the legend wider than a half of the map
    rows = [
        "<TR>" + "".join(cells[i : i + per_row]) + "</TR>" for i in range(0, len(cells), per_row)
    ]
    if m.note:
        note = "<BR/>".join(_html(line) for line in _lines(m.note, 90))
        rows.append(
            f'<TR><TD COLSPAN="{2 * per_row}"><FONT POINT-SIZE="{MIN_FONT_PT:g}" COLOR="{MUTED}">'
            f"<I>{note}</I></FONT></TD></TR>"
        )
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )


def dot_source(data_map: DataMap, ctx: Context, highlight: Collection[str] = ()) -> str:
    """The map as Graphviz DOT text. Nodes are named ``n0``, ``n1`` ... and every piece of client
    text is in an escaped HTML-like label, so no name can add attributes or break the syntax."""
    m = _prepare(data_map, ctx, highlight)
    return _dot(m)


def _dot(m: _Map) -> str:
    nodesep = 0.06 if m.dense else 0.2
    ranksep = 0.2 if m.labels else 0.25  # without labels, room for the arrows
    margin = "0.08,0.04"
    lines = [
        "digraph flow_map {",
        f"  graph [rankdir=LR, newrank=true, splines=true, nodesep={nodesep}, ranksep={ranksep},"
        f' fontname="{FONT}", size="{PAGE_WIDTH:.2f},{PAGE_HEIGHT:g}", pad=0.1,'
        f" labelloc=b, labeljust=c, forcelabels=true, label={_legend_label(m)}];",
        f'  node [shape=box, style="rounded,filled", fillcolor=white, color="{BOX_EDGE}",'
        f' penwidth=1, fontname="{FONT}", margin="{margin}", height=0.3, width=0.8];',
        f'  edge [fontname="{FONT}", color="{FLOW_COLOUR}", arrowsize=0.6, penwidth=1];',
    ]
    firsts: list[int] = []
    for layer, name in enumerate(m.layer_names):
        members = [i for i, b in enumerate(m.boxes) if b.layer == layer]
        if not members:
            continue
        firsts.append(members[0])
        lines.append(f"  subgraph cluster_{LAYERS[layer].value} {{")
        lines.append(
            f'    label=<<B>{_html(name)}</B>>; fontsize=10; fontcolor="{NAME_COLOUR}";'
            f' style="rounded,filled"; fillcolor="{LAYER_FILL}"; color="{LAYER_EDGE}"; margin=8;'
            " labelloc=t;"
        )
        lines.append("    { rank=same; " + " ".join(f"n{i};" for i in members) + " }")
        for i in members:
            box = m.boxes[i]
            extra = f', color="{ALERT}", penwidth=3' if box.flagged else ""
            label = _node_label(box, m.badge, 9 if m.details else 8)
            lines.append(f"    n{i} [label={label}{extra}];")
        lines.append("  }")
    # Keep the layers in order even when no flow links two of them.
    lines.extend(f"  n{a} -> n{b} [style=invis, weight=0];" for a, b in pairwise(firsts))
    for edge in m.edges:
        attrs = []
        tail, head = edge.source, edge.target
        if m.boxes[tail].layer > m.boxes[head].layer:
            # Laid out left to right like the others, the arrowhead at its (left) target.
            tail, head = head, tail
            attrs.append("dir=back")
        label = _edge_label(edge)
        if label:
            flat = m.boxes[edge.source].layer == m.boxes[edge.target].layer
            attrs.append(f"{'xlabel' if flat else 'label'}={label}")
        if edge.colour != FLOW_COLOUR:
            attrs.append(f'color="{edge.colour}"')
        if edge.personal:
            attrs.append("penwidth=1.8")
        if edge.manual:
            attrs.append("style=dashed")
        lines.append(f"  n{tail} -> n{head} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _run_dot(source: str) -> bytes | None:
    """``dot -Tsvg`` on ``source``, or None (logged) when it is missing, fails or is too slow."""
    path = shutil.which("dot")
    if path is None:
        return None
    try:
        done = subprocess.run(
            [path, "-Tsvg"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=DOT_TIMEOUT,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        _log.warning("dot failed, drawing the flow map with matplotlib: %s", error)
        return None
    if b"<svg" not in done.stdout:
        _log.warning("dot returned no SVG, drawing the flow map with matplotlib")
        return None
    return done.stdout


# --- matplotlib -------------------------------------------------------------------------------

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


def _order(m: _Map, columns: list[list[int]]) -> list[list[int]]:
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


def _layout(m: _Map, measure: Callable[[str], float]) -> _Layout:
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
    notes = (len(_lines(m.note, _NOTE_WIDTH)) if m.note else 0) + (1 if m.labels else 0)
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
    return _figure(_prepare(data_map, ctx, highlight, labels=labels, details=details))[0]


def _figure(m: _Map) -> tuple[Figure, int]:
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
            "\n".join([*_lines(e.label[0], 16), *e.label[1:]]),
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
        lines = [line for note in notes for line in _lines(note, _NOTE_WIDTH)]
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


def _draw_box(
    ax: Axes, index: int, b: _Box, title: tuple[str, ...], p: _Placed, badge: str
) -> None:
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


def _text_height(title: tuple[str, ...], b: _Box) -> float:
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


def _legend(ax: Axes, m: _Map, x: float, top: float) -> None:
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


def _mpl_svg(figure: Figure) -> bytes:
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


# --- measured as printed ----------------------------------------------------------------------

_SCALE = re.compile(r"scale\(\s*([-+0-9.eE]+)")
_STYLE_SIZE = re.compile(r"font-size:\s*([0-9.]+)")
_LENGTH = re.compile(r"\s*([0-9.]+)\s*(pt|px|in|cm|mm)?\s*$")
_POINTS = {"pt": 1.0, None: 1.0, "px": 0.75, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}


def _points(length: str | None) -> float | None:
    found = _LENGTH.match(length or "")
    return float(found[1]) * _POINTS[found[2]] if found else None


def smallest_text_pt(svg: bytes) -> float | None:
    """The size in points of the smallest text of ``svg`` once printed: each text's font size
    times the picture's own scales (a ``scale()`` transform on the way to it, the ratio of the
    picture's width in points to its viewBox) and the page's (a picture wider than
    :data:`PAGE_WIDTH` or taller than :data:`PAGE_HEIGHT` is shrunk to fit). None: no text."""
    root = ET.fromstring(svg)
    width, height = _points(root.get("width")), _points(root.get("height"))
    if width is None or height is None:
        return None
    view = (root.get("viewBox") or "").replace(",", " ").split()
    unit = width / float(view[2]) if len(view) == 4 and float(view[2]) > 0 else 1.0
    page = min(1.0, PAGE_WIDTH * 72 / width, PAGE_HEIGHT * 72 / height)
    sizes: list[float] = []

    def walk(element: ET.Element, scale: float) -> None:
        found = _SCALE.search(element.get("transform", ""))
        scale *= float(found[1]) if found else 1.0
        if element.tag.rsplit("}", 1)[-1] == "text" and "".join(element.itertext()).strip():
            style = _STYLE_SIZE.search(element.get("style", ""))
            size = element.get("font-size") or (style[1] if style else None)
            if size is not None:
                sizes.append(float(size) * scale)
        for child in element:
            walk(child, scale)

    walk(root, unit * page)
    return min(sizes, default=None)


def legible(svg: bytes) -> bool:
    """Whether no text of ``svg`` prints smaller than :data:`MIN_FONT_PT`."""
    smallest = smallest_text_pt(svg)
    return smallest is None or smallest >= MIN_FONT_PT * 0.995  # dot rounds its size to the point


# --- the public entry points ------------------------------------------------------------------

MapPart = Literal["whole", "overview", "upstream", "downstream"]
"""What a drawing shows: the whole map, its overview without the flows' names, or one of its
halves (sources to hubs, hubs to activation)."""


@dataclass(frozen=True)
class MapDrawing:
    """One picture of the map for the deliverable."""

    part: MapPart
    svg: bytes
    systems: tuple[str, ...]
    """The systems drawn, in the order of the Systems sheet."""
    flows: tuple[int, ...]
    """The flows drawn, as indexes on the Flows sheet."""
    named: bool
    """Whether the flows are named on their arrows."""
    layers: tuple[Role, ...]
    """The layers drawn, left to right."""


def _draw(m: _Map, engine: Engine) -> tuple[bytes, bool]:
    """``m`` as SVG, and whether every flow it names found room on the picture."""
    if engine != "matplotlib":
        svg = _run_dot(_dot(m))
        if svg is not None:
            return svg, True
    figure, dropped = _figure(m)
    return _mpl_svg(figure), dropped == 0


def flow_map_drawings(
    data_map: DataMap,
    ctx: Context,
    *,
    highlight: Collection[str] = (),
    engine: Engine = "auto",
) -> tuple[MapDrawing, ...]:
    """The map as the deliverable prints it, every text at least :data:`MIN_FONT_PT` on the
    page: the whole map when it holds at that size with every flow named; else the overview
    (names of the systems, arrows unnamed) when it holds, then the two halves (sources to hubs,
    hubs to activation) with their flows named, or unnamed when a half does not hold with them.
    A map that cannot be halved (no flow in or out of activation, or only such flows) is drawn
    whole, its flows unnamed if need be. ``highlight``: the systems to flag (single points of
    failure ...); ``engine``: as :func:`flow_map_svg`."""

    def drawing(
        part: MapPart,
        dm: DataMap,
        indexes: Sequence[int],
        *,
        labels: bool = True,
        details: bool = True,
        note: str = "",
    ) -> tuple[MapDrawing, bool, bool]:
        """The drawing, whether it is legible, and whether it names every flow it should."""
        m = _prepare(dm, ctx, highlight, labels=labels, details=details, note=note, indexes=indexes)
        svg, complete = _draw(m, engine)
        return (
            MapDrawing(
                part,
                svg,
                tuple(s.name for s in dm.systems),
                tuple(indexes) if indexes else tuple(range(len(dm.flows))),
                m.labels and bool(m.edges),
                tuple(role for role in LAYERS if any(s.role is role for s in dm.systems)),
            ),
            legible(svg),
            complete,
        )

    whole, fits, complete = drawing("whole", data_map, ())
    if (fits and complete) or not data_map.flows:
        return (whole,)
    halves = _halves(data_map)
    if halves is None:
        if fits:  # every flow it has room for named, the others said to be in the inventory
            return (whole,)
        note = ctx.t("fm.note.no_labels")
        return (drawing("whole", data_map, (), labels=False, note=note)[0],)
    out: list[MapDrawing] = []
    overview, fits, _complete = drawing(
        "overview", data_map, (), labels=False, details=False, note=ctx.t("fm.note.overview")
    )
    if fits:
        out.append(overview)
    parts: tuple[MapPart, MapPart] = ("upstream", "downstream")
    for part, (half, indexes) in zip(parts, halves, strict=True):
        named, fits, _complete = drawing(part, half, indexes)
        if not fits:
            note = ctx.t("fm.note.no_labels")
            named = drawing(part, half, indexes, labels=False, note=note)[0]
        out.append(named)
    return tuple(out)


def flow_map_svg(
    data_map: DataMap,
    ctx: Context,
    *,
    highlight: Collection[str] = (),
    engine: Engine = "auto",
) -> bytes:
    """The whole map as SVG, every flow named: drawn by Graphviz's ``dot`` when it is installed
    (``engine`` "auto" or "dot"), else, or when ``dot`` fails or times out, by matplotlib.
    ``highlight``: the systems to flag with a thick red border (single points of failure ...).
    The deliverable takes :func:`flow_map_drawings`, legible once printed."""
    return _draw(_prepare(data_map, ctx, highlight), engine)[0]


def _alt(data_map: DataMap, drawing: MapDrawing, ctx: Context) -> str:
    flows = [data_map.flows[i] for i in drawing.flows]
    manual = sum(1 for f in flows if f.method == Method.MANUAL)
    systems = len(drawing.systems)
    return ctx.t(
        "fm.alt",
        systems=ctx.tn("audit.count.systems", systems, count=systems),
        flows=ctx.tn("audit.count.flows", len(flows), count=len(flows)),
        pd=sum(1 for f in flows if f.personal_data),
        manual=ctx.tn("fm.alt.manual", manual, count=manual),
    )


def map_sections(
    data_map: DataMap, ctx: Context, highlight: Collection[str] = (), *, engine: Engine = "auto"
) -> tuple[Section, ...]:
    """The map for the deliverable: a section per drawing of :func:`flow_map_drawings`, each
    kept on one page under its title (the whole map or its overview under « The data-flow
    map », a half under the names of its layers)."""
    sections = []
    for drawing in flow_map_drawings(data_map, ctx, highlight=highlight, engine=engine):
        if drawing.part in ("whole", "overview"):
            title = ctx.t("audit.section.map")
        else:
            title = ctx.t(
                "fm.title.part",
                layers=" → ".join(ctx.t(f"fm.layer.{role.value}") for role in drawing.layers),
            )
        chart = Chart(drawing.svg, _alt(data_map, drawing, ctx))
        sections.append(section(title, chart, keep_together=True))
    return tuple(sections)
