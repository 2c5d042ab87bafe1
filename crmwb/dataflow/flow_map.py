"""The data map drawn: systems in three layers, left to right (sources, hubs, activation), the
flows between them as arrows (DOMAIN.md §5), legible once printed.

Each system is a box with its whole name (wrapped, never cut), its type and, when short, its
owner; systems holding personal data carry a small "PD" badge, systems the caller flags
(single points of failure ...) a thick red border. Each flow is an arrow labelled with its data
objects (the first one or two, whole, then "+n") and, on small maps, its frequency;
personal-data flows are purple and thicker, manual flows dashed and orange. Cycles are drawn as
two arrows. A legend sits under the map.

Printed, no text of a map is smaller than :data:`~crmwb.dataflow.map_content.MIN_FONT_PT` once
the picture is fitted to the width of an A4 portrait page
(:data:`~crmwb.dataflow.map_content.PAGE_WIDTH`). :func:`flow_map_drawings` draws the whole
map when it holds at that size; else an overview without the flows' names, then the map in two
halves (sources to hubs, hubs to activation), each flow named on one of them; a half too full to
name its flows draws them unnamed and says so (the flow inventory has them all).
:func:`smallest_text_pt` measures a drawing the way the page will print it.

Two engines draw the same map: Graphviz's ``dot`` when it is installed (it routes the arrows
around the boxes and keeps the labels apart), else a layered matplotlib layout (columns per
layer, systems ordered by the barycentre heuristic to reduce crossings, arrows as curves from
port to port). Both return SVG no larger than the page. A failing or slow ``dot`` falls back to
matplotlib, never to an error.

This module holds the entry points and the measure of a drawing as printed; what both engines
draw is :mod:`.map_content`'s, the engines :mod:`.map_dot` and :mod:`.map_matplotlib`.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal

from crmwb.dataflow.map_content import (
    LAYERS,
    MIN_FONT_PT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    DrawnMap,
    map_halves,
    prepare_map,
)
from crmwb.dataflow.map_dot import dot_text, run_dot
from crmwb.dataflow.map_matplotlib import figure_svg, map_figure
from crmwb.dataflow.model import DataMap, Method, Role
from crmwb.deliver.views import Chart, Context, Section, section

Engine = Literal["auto", "dot", "matplotlib"]


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
    drawn: DrawnMap | None = field(default=None, compare=False, repr=False)
    """What was drawn (:func:`drawing_png` draws it again as a picture)."""


def _draw(m: DrawnMap, engine: Engine) -> tuple[bytes, bool]:
    """``m`` as SVG, and whether every flow it names found room on the picture."""
    if engine != "matplotlib":
        svg = run_dot(dot_text(m))
        if svg is not None:
            return svg, True
    figure, dropped = map_figure(m)
    return figure_svg(figure), dropped == 0


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
        m = prepare_map(
            dm, ctx, highlight, labels=labels, details=details, note=note, indexes=indexes
        )
        svg, complete = _draw(m, engine)
        return (
            MapDrawing(
                part,
                svg,
                tuple(s.name for s in dm.systems),
                tuple(indexes) if indexes else tuple(range(len(dm.flows))),
                m.labels and bool(m.edges),
                tuple(role for role in LAYERS if any(s.role is role for s in dm.systems)),
                m,
            ),
            legible(svg),
            complete,
        )

    whole, fits, complete = drawing("whole", data_map, ())
    if (fits and complete) or not data_map.flows:
        return (whole,)
    halves = map_halves(data_map)
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


def drawing_png(drawing: MapDrawing, *, engine: Engine = "auto", dpi: int = 200) -> bytes:
    """``drawing`` as a PNG picture at ``dpi`` (for the deck, which takes no SVG): drawn again
    from what it drew, by ``dot`` as its SVG was (``engine``: as :func:`flow_map_svg`), else by
    matplotlib."""
    if drawing.drawn is None:
        raise ValueError("a map drawing made elsewhere than flow_map_drawings has no source")
    if engine != "matplotlib":
        png = run_dot(dot_text(drawing.drawn), png_dpi=dpi)
        if png is not None:
            return png
    figure, _dropped = map_figure(drawing.drawn)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


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
    return _draw(prepare_map(data_map, ctx, highlight), engine)[0]


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
