"""The data-flow map drawn by Graphviz's ``dot``: the map (:mod:`.map_content`) as DOT text, every
piece of client text in an escaped HTML-like label, and ``dot`` run on it within
:data:`DOT_TIMEOUT` (None when it is missing, fails or is too slow: the caller falls back to
matplotlib)."""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Collection
from itertools import pairwise

from crmwb.dataflow.map_content import (
    ALERT,
    BOX_EDGE,
    FLOW_COLOUR,
    FONT,
    LAYER_EDGE,
    LAYER_FILL,
    LAYERS,
    MANUAL_COLOUR,
    MIN_FONT_PT,
    MUTED,
    NAME_COLOUR,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PD_COLOUR,
    Box,
    DrawnMap,
    Edge,
    one_line,
    prepare_map,
    wrapped_lines,
)
from crmwb.dataflow.model import DataMap
from crmwb.deliver.charts import INK
from crmwb.deliver.views import Context

DOT_TIMEOUT = 20.0
"""Seconds given to ``dot`` before falling back to matplotlib."""

_log = logging.getLogger(__name__)


def has_dot() -> bool:
    """Whether Graphviz's ``dot`` is on the PATH."""
    return shutil.which("dot") is not None


def _html(text: str) -> str:
    """``text`` escaped for a Graphviz HTML-like label: on one line, no markup."""
    return (
        one_line(text)
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


def _node_label(box: Box, badge: str, size: int = 9) -> str:
    title = '<BR ALIGN="LEFT"/>'.join(_html(line) for line in wrapped_lines(box.title, 18))
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


def _edge_label(edge: Edge) -> str:
    if not edge.label:
        return ""
    size = f"{MIN_FONT_PT:g}"
    objects = "<BR/>".join(_html(x) for x in wrapped_lines(edge.label[0], 16))
    parts = [f'<FONT POINT-SIZE="{size}" COLOR="{edge.text_colour}">{objects}</FONT>']
    parts.extend(
        f'<FONT POINT-SIZE="{size}" COLOR="{MUTED}"><I>{_html(x)}</I></FONT>'
        for x in edge.label[1:]
    )
    return "<" + "<BR/>".join(parts) + ">"


def _legend_label(m: DrawnMap) -> str:
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
        note = "<BR/>".join(_html(line) for line in wrapped_lines(m.note, 90))
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
    m = prepare_map(data_map, ctx, highlight)
    return dot_text(m)


def dot_text(m: DrawnMap) -> str:
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


def run_dot(source: str, *, png_dpi: int | None = None) -> bytes | None:
    """``dot -Tsvg`` on ``source`` (with ``png_dpi``: ``dot -Tpng`` at that resolution), or
    None (logged) when it is missing, fails or is too slow."""
    path = shutil.which("dot")
    if path is None:
        return None
    arguments = [path, "-Tsvg"] if png_dpi is None else [path, "-Tpng", f"-Gdpi={png_dpi}"]
    try:
        done = subprocess.run(
            arguments,
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=DOT_TIMEOUT,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        _log.warning("dot failed, drawing the flow map with matplotlib: %s", error)
        return None
    picture = b"<svg" in done.stdout if png_dpi is None else done.stdout.startswith(PNG_SIGNATURE)
    if not picture:
        _log.warning("dot returned no picture, drawing the flow map with matplotlib")
        return None
    return done.stdout


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
"""The first bytes of a PNG file."""
