"""The data-flow map, what both engines draw of it: a box per system in its layer (sources, hubs,
activation), an arrow per flow with its label, the legend and its note, the map's halves; the
colours, the font and the page they draw for (:data:`PAGE_WIDTH`, :data:`MIN_FONT_PT`).
Graphviz draws it in :mod:`.map_dot`, matplotlib in :mod:`.map_matplotlib`; :mod:`.flow_map`
chooses."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from crmwb.dataflow.model import DataMap, Flow, Method, Role, System, SystemType
from crmwb.deliver.charts import PALETTE
from crmwb.deliver.views import Context

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
_MANY_FLOWS = 30
"""More flows than this make a dense map (see ``DrawnMap.dense``)."""


@dataclass(frozen=True)
class Box:
    """A system's box: its name, its layer (0 sources, 1 hubs, 2 activation), its title and
    detail lines, whether it holds personal data and whether the caller flags it."""

    name: str
    layer: int
    title: str
    details: tuple[str, ...]
    personal: bool
    flagged: bool


@dataclass(frozen=True)
class Edge:
    """A flow's arrow, from box ``source`` to box ``target``, with its label lines."""

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
class DrawnMap:
    """What an engine draws of a map: the boxes, the arrows, the layers' names, the legend and
    the words it needs, as :func:`prepare_map` chose them."""

    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
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


def one_line(text: str) -> str:
    """``text`` on one line: control characters and line breaks become spaces (no-break spaces
    stay: French typography puts them before « : »)."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", _CONTROL.sub(" ", text)).strip()


def wrapped_lines(text: str, width: int) -> tuple[str, ...]:
    """``text`` wrapped at word breaks in lines of ``width`` characters, all of it: a word
    longer than a line is split."""
    return tuple(textwrap.wrap(text, width, break_on_hyphens=False)) or ("",)


def _cleaned(objects: Sequence[str]) -> list[str]:
    return [o for o in (one_line(x) for x in objects) if o]


def _objects(flow: Flow, dense: bool) -> str:
    """The flow's data objects, briefly: the first one or two, whole, then "+n"."""
    names = _cleaned(flow.data_objects)
    keep = 1 if dense else 2
    text = ", ".join(names[:keep])
    if len(names) > keep:
        text += f" +{len(names) - keep}"
    return text


def prepare_map(
    data_map: DataMap,
    ctx: Context,
    highlight: Collection[str],
    *,
    labels: bool = True,
    details: bool = True,
    note: str = "",
    indexes: Sequence[int] = (),
) -> DrawnMap:
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
            Edge(
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
    return DrawnMap(
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


def _box(system: System, ctx: Context, dense: bool, flagged: bool, details: bool) -> Box:
    """A system's box: its name, then (``details`` and not ``dense``: a map that many systems
    would push off the page) its type and its owner, when they are short."""
    lines = []
    details = details and not dense
    if details and system.type != SystemType.OTHER:
        kind = ctx.t(f"fm.type.{system.type.value}")
        if kind.casefold() not in system.name.casefold():  # not "CRM" under "CRM"
            lines.append(kind)
    owner = one_line(system.owner)
    if details and owner:
        line = ctx.t("fm.owner", owner=owner)
        if len(line) <= 24:
            lines.append(line)
    return Box(
        system.name,
        LAYERS.index(system.role),
        one_line(system.name),
        tuple(lines),
        system.personal_data,
        flagged,
    )


MapHalf = tuple[DataMap, tuple[int, ...]]
"""A part of the map, and its flows' indexes on the whole map's Flows sheet."""


def map_halves(data_map: DataMap) -> tuple[MapHalf, MapHalf] | None:
    """The map in two halves, each flow on one of them: the sources and the hubs with the flows
    between them; the hubs and the activation systems (with any source feeding one directly)
    with the flows in and out of activation. None when one half would have no flow."""
    active = {s.name for s in data_map.systems if s.role is Role.ACTIVATION}
    second = [i for i, f in enumerate(data_map.flows) if {f.source, f.target} & active]
    first = [i for i in range(len(data_map.flows)) if i not in second]
    if not first or not second:
        return None
    linked = {end for i in second for end in (data_map.flows[i].source, data_map.flows[i].target)}

    def half(systems: Sequence[System], indexes: list[int]) -> MapHalf:
        return DataMap(tuple(systems), tuple(data_map.flows[i] for i in indexes)), tuple(indexes)

    return (
        half([s for s in data_map.systems if s.role is not Role.ACTIVATION], first),
        half(
            [s for s in data_map.systems if s.role is not Role.SOURCE or s.name in linked],
            second,
        ),
    )
