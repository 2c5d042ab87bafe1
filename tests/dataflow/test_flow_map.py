"""The flow map: DOT text escapes client text, both engines draw every system, the legend, the
cycles and the manual flows, and a missing, failing or slow ``dot`` falls back to matplotlib.

Then the map read back from what is drawn, against the data map it comes from: the SVG's nodes
and edges (Graphviz) or the figure's boxes and arrows (matplotlib) are the map's systems and
flows, each styled as the legend says; printed on an A4 page 17 cm wide, no text is smaller than
7 pt, every system's name is whole and inside its box; a map too full for that is drawn as an
overview and two halves that name each flow once."""

from __future__ import annotations

import random
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colors import to_hex
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.text import Text

from crmwb.core.i18n import Lang, t
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.dataflow import flow_map as fm
from crmwb.dataflow import map_content, map_dot, map_matplotlib
from crmwb.dataflow.model import DataMap, Flow, FlowFrequency, Method, Role, System, SystemType
from crmwb.dataflow.sheets import read_data_map
from crmwb.deliver.views import Chart, Context, Section
from crmwb.workbook.reader import read_workbook

LANGS: tuple[Lang, ...] = ("fr", "en")
ENGINES = ("dot", "matplotlib")
needs_dot = pytest.mark.skipif(not map_dot.has_dot(), reason="Graphviz's dot is not installed")


def small_map() -> DataMap:
    systems = (
        System("Shop", SystemType.ECOMMERCE, Role.SOURCE, "Web team", personal_data=True),
        System("ERP", SystemType.ERP, Role.SOURCE, "IT"),
        System("CRM", SystemType.CRM, Role.HUB, "Marketing", personal_data=True),
        System("Brevo", SystemType.EMAILING, Role.ACTIVATION, "Marketing", personal_data=True),
        System("Stores", SystemType.SPREADSHEET, Role.ACTIVATION, "Retail"),
    )
    flows = (
        Flow("Shop", "CRM", ("customers", "orders"), FlowFrequency.REAL_TIME, personal_data=True),
        Flow("ERP", "CRM", ("invoices",), method=Method.FILE),
        Flow("CRM", "Brevo", ("contacts", "segments"), FlowFrequency.HOURLY, personal_data=True),
        Flow("Brevo", "CRM", ("unsubscribes",), personal_data=True),
        Flow("CRM", "Stores", ("VIP lists",), FlowFrequency.MONTHLY, Method.MANUAL),
    )
    return DataMap(systems, flows)


def big_map(systems: int = 40, flows: int = 80, seed: int = 5) -> DataMap:
    rnd = random.Random(seed)
    roles = [Role.SOURCE] * 15 + [Role.HUB] * 7 + [Role.ACTIVATION] * (systems - 22)
    made = tuple(
        System(
            f"System {i:02d}",
            rnd.choice(list(SystemType)),
            roles[i],
            rnd.choice(["IT", "Marketing", ""]),
            rnd.random() < 0.6,
        )
        for i in range(systems)
    )
    names = [s.name for s in made]
    links: list[Flow] = []
    while len(links) < flows:
        a, b = rnd.sample(names, 2)
        links.append(
            Flow(
                a,
                b,
                tuple(rnd.sample(["customers", "orders", "consents", "events", "scores"], 2)),
                rnd.choice(list(FlowFrequency)),
                rnd.choice(list(Method)),
                personal_data=rnd.random() < 0.5,
            )
        )
    return DataMap(made, tuple(links))


def ctx(lang: Lang = "en") -> Context:
    return Context("Client", lang)


def svg_texts(svg: bytes) -> str:
    """All the text of an SVG, its pieces joined by newlines."""
    root = ET.fromstring(svg)
    return "\n".join(
        "".join(el.itertext()) for el in root.iter() if el.tag.endswith("}text") or el.tag == "text"
    )


def render(data_map: DataMap, engine: str, lang: Lang = "en", **kwargs: object) -> bytes:
    if engine == "dot" and not map_dot.has_dot():
        pytest.skip("Graphviz's dot is not installed")
    return fm.flow_map_svg(data_map, ctx(lang), engine=engine, **kwargs)  # type: ignore[arg-type]


def edge_lines(dot: str) -> list[str]:
    return [line for line in dot.splitlines() if "->" in line and "style=invis" not in line]


# --- DOT text ------------------------------------------------------------------------------


def test_dot_escapes_client_text() -> None:
    nasty = 'Shop "EU"\n<b>x</b> & ]; evil [shape=star'
    data_map = DataMap(
        (System(nasty, role=Role.SOURCE, owner='Ann "Ops"'), System("CRM", role=Role.HUB)),
        (Flow(nasty, "CRM", ('orders "all"', "<script>")),),
    )
    dot = map_dot.dot_source(data_map, ctx())
    assert "&quot;EU&quot;" in dot
    assert "&lt;b&gt;x&lt;/b&gt;" in dot
    assert "&amp;" in dot
    assert '"EU"' not in dot and "<b>" not in dot and "<script>" not in dot
    assert map_dot._html('a "b"\n<c>\r\td') == "a &quot;b&quot; &lt;c&gt; d"  # one line
    statements = dot.replace(" -> ", " ").splitlines()
    assert all(line.count("<") == line.count(">") for line in statements)  # markup balanced
    # Client text only ever sits inside <...> labels: outside them, only our own statements.
    outside = re.sub(r"<<.*?>>", "", dot.replace("\n", " "))
    assert "evil" not in outside and "Shop" not in outside


@needs_dot
def test_nasty_names_render_as_text_and_add_nothing() -> None:
    nasty = 'Shop "EU" <b> & ]; evil [shape=star'
    data_map = DataMap(
        (System(nasty, role=Role.SOURCE), System("CRM", role=Role.HUB)),
        (Flow(nasty, "CRM", ("orders",)),),
    )
    svg = fm.flow_map_svg(data_map, ctx(), engine="dot")
    assert is_graphviz(svg)
    assert svg.count(b'class="node"') == 2
    assert "Shop &quot;EU&quot;" not in svg_texts(svg)
    assert 'Shop "EU" <b> & ];' in svg_texts(svg).replace("\n", " ")


def test_dot_layers_clusters_and_styles() -> None:
    data_map = small_map()
    dot = map_dot.dot_source(data_map, ctx(), highlight=["CRM"])
    assert "rankdir=LR" in dot
    for role in ("source", "hub", "activation"):
        assert f"subgraph cluster_{role}" in dot
        assert t(f"fm.layer.{role}", "en") in dot
    assert dot.count("rank=same") == 3
    assert 'fontname="DejaVu Sans"' in dot
    crm = next(line for line in dot.splitlines() if line.strip().startswith("n2 [label="))
    assert f'color="{map_content.ALERT}"' in crm and "penwidth=3" in crm
    # only the highlighted system: Shop and Brevo hold personal data but are not flagged
    nodes = [line.strip() for line in dot.splitlines() if re.match(r"\s*n\d+ \[label=", line)]
    assert len(nodes) == len(data_map.systems)
    assert [map_content.ALERT in line or "penwidth=3" in line for line in nodes] == [
        line.startswith("n2 ") for line in nodes
    ]
    pd_edge = next(line for line in edge_lines(dot) if line.strip().startswith("n0 -> n2"))
    assert map_content.PD_COLOUR in pd_edge and "penwidth=1.8" in pd_edge


def test_manual_flows_are_dashed_in_dot() -> None:
    data_map = small_map()
    lines = edge_lines(map_dot.dot_source(data_map, ctx()))
    assert len(lines) == len(data_map.flows)
    for flow, line in zip(data_map.flows, lines, strict=True):
        assert ("style=dashed" in line) == (flow.method == Method.MANUAL)
        if flow.method == Method.MANUAL:
            assert map_content.MANUAL_COLOUR in line


def test_a_cycle_is_two_dot_edges() -> None:
    lines = edge_lines(map_dot.dot_source(small_map(), ctx()))
    crm_brevo = [line for line in lines if line.strip().startswith("n2 -> n3")]
    # Brevo -> CRM is laid out left to right too, its arrowhead drawn at the CRM end.
    assert len(crm_brevo) == 2
    assert sum("dir=back" in line for line in crm_brevo) == 1


def test_a_map_too_full_to_name_its_flows_says_so() -> None:
    # 40 systems, 80 flows: drawn as an overview and two halves; a half that cannot name its
    # flows at 7 pt draws them unnamed, and says where they are
    for engine in ENGINES:
        if engine == "dot" and not map_dot.has_dot():
            continue
        drawings = fm.flow_map_drawings(big_map(), ctx(), engine=engine)  # type: ignore[arg-type]
        assert {d.part for d in drawings} >= {"upstream", "downstream"}
        unnamed = [d for d in drawings if d.part != "overview" and not d.named]
        assert unnamed, engine
        for d in unnamed:
            assert squeezed(t("fm.note.no_labels", "en")) in squeezed(svg_texts(d.svg))
    small = map_dot.dot_source(small_map(), ctx())
    assert all("label=<" in line for line in edge_lines(small))
    assert "customers, orders" in small.replace("<BR/>", " ")


# --- both engines ----------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_system_and_the_legend_are_drawn(engine: str, lang: Lang) -> None:
    data_map = small_map()
    svg = render(data_map, engine, lang, highlight=["CRM"])
    text = svg_texts(svg)
    for system in data_map.systems:
        assert system.name in text
    for key in ("flow", "pd_flow", "manual", "pd_system", "flagged"):
        assert t(f"fm.legend.{key}", lang) in text
    for role in ("source", "hub", "activation"):
        assert t(f"fm.layer.{role}", lang) in text
    assert t("fm.badge.pd", lang) in text
    assert "VIP lists" in text


@pytest.mark.parametrize("engine", ENGINES)
def test_the_legend_lists_only_what_is_drawn(engine: str) -> None:
    data_map = DataMap(
        (System("A"), System("B", role=Role.HUB)),
        (Flow("A", "B", ("orders",)),),
    )
    text = svg_texts(render(data_map, engine))
    assert t("fm.legend.flow", "en") in text
    for key in ("pd_flow", "manual", "pd_system", "flagged"):
        assert t(f"fm.legend.{key}", "en") not in text


@pytest.mark.parametrize("engine", ENGINES)
def test_an_empty_map_renders(engine: str) -> None:
    svg = render(DataMap(()), engine)
    assert b"<svg" in svg


@pytest.mark.parametrize("engine", ENGINES)
def test_a_big_map_renders(engine: str) -> None:
    data_map = big_map()
    svg = render(data_map, engine)
    height = re.search(rb'<svg[^>]*? height="([0-9.]+)pt"', svg)
    assert height is not None
    assert float(height[1]) <= map_content.PAGE_HEIGHT * 72 + 1  # fits an A4 page
    if engine == "dot":
        assert svg.count(b'class="node"') == 40
        assert svg.count(b'class="edge"') >= 80


# --- matplotlib -------------------------------------------------------------------------------


def arrows(data_map: DataMap, **kwargs: object) -> dict[int, FancyArrowPatch]:
    fig = map_matplotlib.flow_map_figure(data_map, ctx(), **kwargs)  # type: ignore[arg-type]
    found = {}
    for patch in fig.axes[0].patches:
        gid = patch.get_gid()
        if isinstance(patch, FancyArrowPatch) and gid and gid.startswith("flow-"):
            found[int(gid.removeprefix("flow-"))] = patch
    return found


def test_manual_flows_are_dashed_in_matplotlib() -> None:
    data_map = small_map()
    drawn = arrows(data_map)
    assert len(drawn) == len(data_map.flows)
    for i, flow in enumerate(data_map.flows):
        assert drawn[i].get_linestyle() == ("--" if flow.method == Method.MANUAL else "-")
    assert drawn[4].get_edgecolor()[:3] == pytest.approx((0xC5 / 255, 0x5A / 255, 0x11 / 255))
    assert drawn[0].get_linewidth() > drawn[1].get_linewidth()  # personal data: thicker


def test_a_cycle_is_two_separate_arrows_in_matplotlib() -> None:
    assert {2, 3} <= set(arrows(small_map()))  # CRM -> Brevo and back
    layout = map_matplotlib._layout(
        map_content.prepare_map(small_map(), ctx(), ()), lambda text: 0.07 * len(text)
    )
    there, back = layout.paths[2], layout.paths[3]
    assert there[0][0] < there[-1][0] and back[0][0] > back[-1][0]
    for t_ in (0.1, 0.5, 0.9):
        assert (
            abs(map_matplotlib._point(there, t_)[1] - map_matplotlib._point(back, 1 - t_)[1]) > 0.03
        )  # apart


def test_a_flow_within_a_layer_and_a_self_loop_are_drawn() -> None:
    data_map = DataMap(
        (System("POS"), System("ERP"), System("CRM", role=Role.HUB)),
        (Flow("POS", "ERP", ("sales",)), Flow("ERP", "POS", ("prices",)), Flow("CRM", "CRM", ())),
    )
    drawn = arrows(data_map)
    assert sorted(drawn) == [0, 1, 2]
    assert "sales" in svg_texts(render(data_map, "matplotlib"))


def test_highlighted_systems_get_a_red_border_in_matplotlib() -> None:
    fig = map_matplotlib.flow_map_figure(small_map(), ctx(), highlight=["CRM"])
    boxes = [
        p
        for p in fig.axes[0].patches
        if isinstance(p, FancyBboxPatch) and p.get_linewidth() >= 2 and p.get_zorder() == 3
    ]
    assert len(boxes) == 1
    assert boxes[0].get_edgecolor()[:3] == pytest.approx((0xC0 / 255, 0.0, 0.0))


def test_systems_are_ordered_to_cut_crossings() -> None:
    # Listed crosswise: A1 feeds H2, A2 feeds H1; the barycentre order uncrosses them.
    data_map = DataMap(
        (
            System("A1"),
            System("A2"),
            System("H1", role=Role.HUB),
            System("H2", role=Role.HUB),
        ),
        (Flow("A1", "H2", ("x",)), Flow("A2", "H1", ("y",))),
    )
    m = map_content.prepare_map(data_map, ctx(), ())
    columns = map_matplotlib._order(m, [[0, 1], [2, 3]])
    assert columns in ([[0, 1], [3, 2]], [[1, 0], [2, 3]])


def test_long_names_are_wrapped_never_cut() -> None:
    name = "A very long system name that goes on and on and on for ever"
    word = "Supercalifragilisticexpialidocious-platform-2026"  # no break: split where it must
    data_map = DataMap((System(name), System(word)))
    for svg in (render(data_map, "matplotlib"), fm.flow_map_svg(data_map, ctx())):
        text = svg_texts(svg)
        assert "…" not in text
        assert squeezed(name) in squeezed(text) and squeezed(word) in squeezed(text)
    dot = map_dot.dot_source(data_map, ctx())
    assert dot.count('<BR ALIGN="LEFT"/>') >= 3 and "…" not in dot


# --- engines and fallbacks --------------------------------------------------------------------


def is_matplotlib(svg: bytes) -> bool:
    return b"Matplotlib" in svg and b"graphviz" not in svg.lower()


def is_graphviz(svg: bytes) -> bool:
    return b"Generated by graphviz" in svg and b"Matplotlib" not in svg


def test_fallback_when_dot_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(map_dot.shutil, "which", lambda _name: None)

    def no_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("dot must not run")

    monkeypatch.setattr(map_dot.subprocess, "run", no_run)
    assert not map_dot.has_dot()
    for engine in ("auto", "dot"):
        assert is_matplotlib(fm.flow_map_svg(small_map(), ctx(), engine=engine))  # type: ignore[arg-type]


def test_matplotlib_engine_never_runs_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("dot must not run")

    monkeypatch.setattr(map_dot.subprocess, "run", no_run)
    assert is_matplotlib(fm.flow_map_svg(small_map(), ctx(), engine="matplotlib"))


def test_dot_timeout_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(map_dot.shutil, "which", lambda _name: "/usr/bin/dot")

    def slow(*args: object, **kwargs: object) -> None:
        assert kwargs.get("timeout") == map_dot.DOT_TIMEOUT
        raise subprocess.TimeoutExpired("dot", map_dot.DOT_TIMEOUT)

    monkeypatch.setattr(map_dot.subprocess, "run", slow)
    assert is_matplotlib(fm.flow_map_svg(small_map(), ctx()))


@pytest.mark.parametrize(
    "script", ["#!/bin/sh\necho broken >&2\nexit 3\n", "#!/bin/sh\ncat > /dev/null\necho nope\n"]
)
def test_a_failing_dot_falls_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: str
) -> None:
    fake = tmp_path / "dot"
    fake.write_text(script)
    fake.chmod(0o755)
    monkeypatch.setattr(map_dot.shutil, "which", lambda _name: str(fake))
    assert is_matplotlib(fm.flow_map_svg(small_map(), ctx()))


def test_a_missing_dot_binary_falls_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(map_dot.shutil, "which", lambda _name: str(tmp_path / "gone"))
    assert is_matplotlib(fm.flow_map_svg(small_map(), ctx()))


@needs_dot
def test_dot_is_used_when_installed() -> None:
    svg = fm.flow_map_svg(small_map(), ctx())
    assert is_graphviz(svg)
    assert b'font-family="DejaVu Sans' in svg


def test_map_sections_of_a_small_map() -> None:
    (one,) = fm.map_sections(small_map(), ctx("fr"), highlight=["CRM"])
    assert isinstance(one, Section) and one.keep_together
    assert one.title == t("audit.section.map", "fr")
    (chart,) = one.parts
    assert isinstance(chart, Chart)
    assert b"<svg" in chart.svg
    assert chart.alt == (
        "Cartographie des flux de données\u00a0: 5 systèmes, 5 flux, dont 3 de "
        "données personnelles et 1 manuel."
    )
    (english,) = fm.map_sections(small_map(), ctx("en"))
    assert english.parts[0].alt == (  # type: ignore[union-attr]
        "Data-flow map: 5 systems, 5 flows, 3 of them carrying personal data and 1 manual."
    )
    assert "<img" in chart._repr_html_()


def test_map_sections_of_the_example_are_titled_by_their_layers() -> None:
    sections = fm.map_sections(northwind(), ctx("fr"), highlight=["CRM"])
    assert [s.title for s in sections] == [
        "La cartographie des flux",
        "La cartographie des flux\u00a0: Sources → Consolidation",
        "La cartographie des flux\u00a0: Consolidation → Activation",
    ]
    assert all(s.keep_together for s in sections)
    alts = [s.parts[0].alt for s in sections]  # type: ignore[union-attr]
    assert alts[1].startswith("Cartographie des flux de données\u00a0: 9 systèmes, 15 flux")
    assert alts[2].startswith("Cartographie des flux de données\u00a0: 8 systèmes, 10 flux")


# --- the map read back from what is drawn ---------------------------------------------------
#
# Each test below reads the picture (the SVG's elements, or the matplotlib figure's artists)
# and compares it with the data map: nothing is taken from the drawing code's own notes.

PAGE_WIDTH_PT = 17 / 2.54 * 72
"""The width of an A4 portrait page's text, 17 cm: a wider picture is shrunk to it."""
PAGE_HEIGHT_PT = 9.2 * 72
"""What is left of an A4 page (29.7 cm less 3.8 cm of margins, less a heading)."""
SVG = "{http://www.w3.org/2000/svg}"


def northwind() -> DataMap:
    """The English example's map: 15 systems, 25 flows (data/examples/northwind-retail)."""
    return read_data_map(read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx"))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _length(value: str) -> float:
    found = re.fullmatch(r"([0-9.]+)(pt|px)?", value.strip())
    assert found, value
    return float(found[1]) * (0.75 if found[2] == "px" else 1.0)


@dataclass(frozen=True)
class Printed:
    """A text of an SVG: its content, where it is (SVG user units), and its printed size."""

    text: str
    x: float
    y: float
    size: float  # user units
    anchor: str
    bold: bool
    printed_pt: float  # on the page


def printed_texts(svg: bytes) -> list[Printed]:
    """Every non-blank text of ``svg`` with its size once printed: its font size times the
    scale() transforms above it, the ratio of the picture's width (pt) to its viewBox, and the
    page's own shrinking of a picture wider or taller than the page."""
    root = ET.fromstring(svg)
    width, height = _length(root.get("width", "")), _length(root.get("height", ""))
    view = [float(x) for x in root.get("viewBox", "").replace(",", " ").split()]
    unit = width / view[2]
    page = min(1.0, PAGE_WIDTH_PT / width, PAGE_HEIGHT_PT / height)
    found: list[Printed] = []

    def walk(element: ET.Element, scale: float) -> None:
        transform = element.get("transform", "")
        for factor in re.findall(r"scale\(([-0-9.e]+)", transform):
            scale *= float(factor)
        if element.tag == SVG + "text":
            content = "".join(element.itertext())
            style = element.get("style", "")
            size_text = element.get("font-size") or re.search(r"font-size:\s*([0-9.]+)", style)[1]  # type: ignore[index]
            size = float(size_text)
            x, y = element.get("x"), element.get("y")
            if x is None:  # matplotlib: translate(x y)
                x, y = re.search(r"translate\(([-0-9.e]+)[ ,]+([-0-9.e]+)", transform).groups()  # type: ignore[union-attr]
            anchor = (
                element.get("text-anchor")
                or (re.search(r"text-anchor:\s*(\w+)", style) or ["", "start"])[1]
            )
            bold = element.get("font-weight") == "bold" or "font-weight: 700" in style
            if content.strip():
                found.append(
                    Printed(content, float(x), float(y), size, anchor, bold, size * scale)  # type: ignore[arg-type]
                )
        for child in element:
            walk(child, scale)

    walk(root, unit * page)
    return found


@cache
def _renderer() -> RendererAgg:
    return RendererAgg(10, 10, 72)  # 72 dpi: one pixel per point


def text_box(p: Printed) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a text in SVG units (y downwards), measured with the
    font's own metrics (DejaVu Sans, matplotlib's)."""
    prop = FontProperties(
        family=map_content.FONT, size=p.size, weight="bold" if p.bold else "normal"
    )
    width, height, descent = _renderer().get_text_width_height_descent(p.text, prop, False)
    left = {"start": p.x, "middle": p.x - width / 2, "end": p.x - width}[p.anchor]
    return left, p.y - (height - descent), left + width, p.y + descent


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?[0-9]+(?:\.[0-9]+)?(?:e-?[0-9]+)?", text)]


def _bbox(element: ET.Element) -> tuple[float, float, float, float]:
    values = _numbers(element.get("d") or element.get("points") or "")
    xs, ys = values[0::2], values[1::2]
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class DotNode:
    name: str  # n0, n1 ... : the index of the system in the map drawn
    box: tuple[float, float, float, float]
    texts: tuple[Printed, ...]


@dataclass(frozen=True)
class DotEdge:
    tail: str
    head: str  # where its arrowhead is
    colour: str
    width: float
    dashed: bool
    texts: tuple[str, ...]


def _texts_of(group: ET.Element, every: list[Printed]) -> tuple[Printed, ...]:
    mine = {(e.get("x"), e.get("y"), "".join(e.itertext())) for e in group.iter(SVG + "text")}
    return tuple(
        p
        for p in every
        if (f"{p.x:g}", f"{p.y:g}", p.text)
        in {(f"{float(x):g}", f"{float(y):g}", c) for x, y, c in mine if x is not None}
    )


def dot_parts(svg: bytes) -> tuple[dict[str, DotNode], list[DotEdge]]:
    """The nodes and edges of a Graphviz SVG, read from its elements."""
    root = ET.fromstring(svg)
    every = printed_texts(svg)
    nodes: dict[str, DotNode] = {}
    groups = list(root.iter(SVG + "g"))
    for g in groups:
        if g.get("class") == "node":
            title = g.findtext(SVG + "title") or ""
            shapes = [_bbox(e) for e in g if e.tag in (SVG + "path", SVG + "polygon")]
            outline = max(shapes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
            nodes[title] = DotNode(title, outline, _texts_of(g, every))
    edges = []
    for g in groups:
        if g.get("class") == "edge":
            tail, head = (g.findtext(SVG + "title") or "").split("->")
            path = g.find(SVG + "path")
            assert path is not None
            arrow = g.find(SVG + "polygon")
            assert arrow is not None
            ax0, ay0, ax1, ay1 = _bbox(arrow)
            tip = ((ax0 + ax1) / 2, (ay0 + ay1) / 2)

            def distance(node: str, tip: tuple[float, float] = tip) -> float:
                x0, y0, x1, y1 = nodes[node].box
                return max(x0 - tip[0], 0, tip[0] - x1) + max(y0 - tip[1], 0, tip[1] - y1)

            if distance(tail) < distance(head):  # dir=back: the arrowhead is at the tail
                tail, head = head, tail
            edges.append(
                DotEdge(
                    tail,
                    head,
                    (path.get("stroke") or "").lower(),
                    float(path.get("stroke-width", "1")),
                    path.get("stroke-dasharray") is not None,
                    tuple("".join(e.itertext()) for e in g.iter(SVG + "text")),
                )
            )
    return nodes, edges


def expected_style(flow: Flow) -> tuple[str, bool, bool]:
    """(colour, thick, dashed) as the legend says: manual flows orange and dashed, personal-data
    flows purple and thick, the others grey-blue."""
    manual = flow.method == Method.MANUAL
    colour = (
        map_content.MANUAL_COLOUR
        if manual
        else map_content.PD_COLOUR
        if flow.personal_data
        else map_content.FLOW_COLOUR
    )
    return colour.lower(), flow.personal_data, manual


def drawn_systems(nodes: dict[str, DotNode], systems: tuple[str, ...]) -> dict[str, str]:
    """Node name -> the system whose name its bold texts spell (checked to be one of the map's,
    whole)."""
    found = {}
    for node in nodes.values():
        title = " ".join(p.text for p in node.texts if p.bold and p.size > map_content.MIN_FONT_PT)
        match = [s for s in systems if squeezed(s) == squeezed(title)]
        assert match, f"{title!r} is the name of no system"
        found[node.name] = match[0]
    return found


def maps_to_check() -> list[tuple[str, DataMap]]:
    return [("small", small_map()), ("northwind", northwind()), ("medium", big_map(20, 30, 3))]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("which", ["small", "northwind", "medium"])
def test_no_printed_text_under_7_pt(engine: str, which: str) -> None:
    if engine == "dot" and not map_dot.has_dot():
        pytest.skip("Graphviz's dot is not installed")
    data_map = dict(maps_to_check())[which]
    drawings = fm.flow_map_drawings(data_map, ctx("fr"), engine=engine)  # type: ignore[arg-type]
    if which == "small":  # 5 systems, 5 flows: whole, every flow named, and legible so
        assert [(d.part, d.named) for d in drawings] == [("whole", True)]
    for drawing in drawings:
        texts = printed_texts(drawing.svg)
        assert texts
        small = [(p.text, round(p.printed_pt, 2)) for p in texts if p.printed_pt < 7 * 0.995]
        assert not small, f"{drawing.part}: printed under 7 pt: {small[:5]}"
        root = ET.fromstring(drawing.svg)
        assert _length(root.get("width", "")) <= PAGE_WIDTH_PT + 0.5
        assert _length(root.get("height", "")) <= PAGE_HEIGHT_PT + 0.5
        assert fm.legible(drawing.svg)


def test_the_whole_map_printed_in_one_piece_would_be_too_small() -> None:
    """Why the example's map is split: drawn whole with its flows named, it is wider than the
    page and its smallest text would print under 7 pt."""
    if not map_dot.has_dot():
        pytest.skip("Graphviz's dot is not installed")
    whole = fm.flow_map_svg(northwind(), ctx("fr"))
    assert min(p.printed_pt for p in printed_texts(whole)) < 6.5
    parts = [d.part for d in fm.flow_map_drawings(northwind(), ctx("fr"))]
    assert parts == ["overview", "upstream", "downstream"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_halves_name_each_flow_once(engine: str) -> None:
    data_map = northwind()
    if engine == "dot" and not map_dot.has_dot():
        pytest.skip("Graphviz's dot is not installed")
    drawings = fm.flow_map_drawings(data_map, ctx("en"), engine=engine)  # type: ignore[arg-type]
    by_part = {d.part: d for d in drawings}
    assert list(by_part) == ["overview", "upstream", "downstream"]
    every = tuple(range(len(data_map.flows)))
    assert by_part["overview"].flows == every and not by_part["overview"].named
    assert by_part["overview"].systems == tuple(s.name for s in data_map.systems)
    up, down = by_part["upstream"], by_part["downstream"]
    assert up.named and down.named
    assert sorted(up.flows + down.flows) == list(every)  # each flow on one half, once
    active = {s.name for s in data_map.systems if s.role is Role.ACTIVATION}
    for i in every:
        flow = data_map.flows[i]
        assert (i in down.flows) == bool({flow.source, flow.target} & active)
    assert up.layers == (Role.SOURCE, Role.HUB) and down.layers == (Role.HUB, Role.ACTIVATION)
    for drawing in drawings:  # the systems of each half are those its flows link, and the hubs
        linked = {
            e for i in drawing.flows for e in (data_map.flows[i].source, data_map.flows[i].target)
        }
        assert linked <= set(drawing.systems)


@needs_dot
@pytest.mark.parametrize("which", ["small", "northwind", "medium"])
def test_dot_nodes_and_edges_are_the_maps_systems_and_flows(which: str) -> None:
    data_map = dict(maps_to_check())[which]
    for drawing in fm.flow_map_drawings(data_map, ctx("fr"), highlight=["CRM"], engine="dot"):
        nodes, edges = dot_parts(drawing.svg)
        system_of = drawn_systems(nodes, drawing.systems)
        assert sorted(system_of.values()) == sorted(drawing.systems)
        flows = [data_map.flows[i] for i in drawing.flows]
        drawn = Counter(
            (system_of[e.tail], system_of[e.head], e.colour, e.width > 1.5, e.dashed) for e in edges
        )
        expected = Counter((f.source, f.target, *expected_style(f)) for f in flows)
        assert drawn == expected
        if drawing.named:  # each arrow carries its flow's first data object
            for e in edges:
                label = " ".join(e.texts)
                assert any(
                    squeezed(f.data_objects[0]) in squeezed(label)
                    for f in flows
                    if (f.source, f.target) == (system_of[e.tail], system_of[e.head])
                )
        else:
            assert all(not e.texts for e in edges)
        flagged = [n for n in nodes.values() if system_of[n.name] == "CRM"]
        assert len(flagged) <= 1


@needs_dot
@pytest.mark.parametrize("which", ["small", "northwind", "medium"])
def test_dot_names_are_whole_and_inside_their_boxes(which: str) -> None:
    data_map = dict(maps_to_check())[which]
    for drawing in fm.flow_map_drawings(data_map, ctx("fr"), engine="dot"):
        nodes, _edges = dot_parts(drawing.svg)
        drawn_systems(nodes, drawing.systems)  # every name whole
        for node in nodes.values():
            x0, y0, x1, y1 = node.box
            for p in node.texts:
                left, top, right, bottom = text_box(p)
                assert x0 - 0.5 <= left and right <= x1 + 0.5, (p.text, node.box)
                assert y0 - 0.5 <= top and bottom <= y1 + 0.5, (p.text, node.box)
        assert all("…" not in p.text for p in printed_texts(drawing.svg))


def figure_parts(fig: object) -> tuple[dict[int, FancyBboxPatch], dict[int, FancyArrowPatch]]:
    ax = fig.axes[0]  # type: ignore[attr-defined]
    boxes, arrows_ = {}, {}
    for patch in ax.patches:
        gid = patch.get_gid() or ""
        if gid.startswith("system-"):
            boxes[int(gid.removeprefix("system-"))] = patch
        if gid.startswith("flow-"):
            arrows_[int(gid.removeprefix("flow-"))] = patch
    return boxes, arrows_


def _rect(patch: FancyBboxPatch) -> tuple[float, float, float, float]:
    return (
        patch.get_x(),
        patch.get_y(),
        patch.get_x() + patch.get_width(),
        patch.get_y() + patch.get_height(),
    )


def _distance(point: tuple[float, float], rect: tuple[float, float, float, float]) -> float:
    x, y = point
    return max(rect[0] - x, 0, x - rect[2]) + max(rect[1] - y, 0, y - rect[3])


@pytest.mark.parametrize("which", ["small", "northwind", "medium"])
def test_matplotlib_boxes_and_arrows_are_the_maps_systems_and_flows(which: str) -> None:
    data_map = dict(maps_to_check())[which]
    fig = map_matplotlib.flow_map_figure(data_map, ctx("fr"), highlight=["CRM"])
    boxes, drawn = figure_parts(fig)
    assert sorted(boxes) == list(range(len(data_map.systems)))
    assert sorted(drawn) == list(range(len(data_map.flows)))
    names = {i: s.name for i, s in enumerate(data_map.systems)}
    for i, flow in enumerate(data_map.flows):
        arrow = drawn[i]
        path = arrow.get_path()  # the line, then its arrowhead (a second MOVETO)
        line = path.vertices[: list(path.codes[1:]).index(path.MOVETO) + 1]
        head = path.vertices[len(line) : len(line) + 3]
        start, end = tuple(line[0]), tuple(line[-1])
        assert (
            _distance(tuple(head[1]), (end[0] - 0.2, end[1] - 0.2, end[0] + 0.2, end[1] + 0.2)) == 0
        )
        nearest = lambda p: min(boxes, key=lambda j: _distance(p, _rect(boxes[j])))  # noqa: E731
        assert (names[nearest(start)], names[nearest(end)]) == (flow.source, flow.target)
        colour, thick, dashed = expected_style(flow)
        assert to_hex(arrow.get_edgecolor()) == colour
        assert (arrow.get_linestyle() == "--") == dashed
        assert (arrow.get_linewidth() > 1.5) == thick
    for j, box in boxes.items():
        red = to_hex(box.get_edgecolor()) == map_content.ALERT.lower()
        assert red == (names[j] == "CRM")


def test_matplotlib_legend_styles_are_the_arrows() -> None:
    data_map = small_map()
    fig = map_matplotlib.flow_map_figure(data_map, ctx("en"))
    _boxes, drawn = figure_parts(fig)
    legend = fig.axes[0].get_legend()
    keys = {
        text.get_text(): handle
        for text, handle in zip(legend.get_texts(), legend.legend_handles, strict=True)
    }
    for key, kind in (("fm.legend.manual", Method.MANUAL), ("fm.legend.pd_flow", None)):
        handle = keys[t(key, "en")]
        assert isinstance(handle, Line2D)
        for i, flow in enumerate(data_map.flows):
            is_kind = (
                flow.method == Method.MANUAL
                if kind
                else flow.personal_data and flow.method != Method.MANUAL
            )
            if is_kind:
                assert to_hex(drawn[i].get_edgecolor()) == to_hex(handle.get_color())
                assert (drawn[i].get_linestyle() == "--") == (handle.get_linestyle() == "--")


@pytest.mark.parametrize("which", ["small", "northwind", "medium"])
def test_matplotlib_names_are_whole_and_inside_their_boxes(which: str) -> None:
    data_map = dict(maps_to_check())[which]
    for details in (True, False):
        fig = map_matplotlib.flow_map_figure(data_map, ctx("fr"), details=details)
        renderer = FigureCanvasAgg(fig).get_renderer()
        boxes, _drawn = figure_parts(fig)
        texts = [a for a in fig.axes[0].texts if isinstance(a, Text) and a.get_text().strip()]
        assert min(a.get_fontsize() for a in texts) >= 7
        assert fig.get_figwidth() * 72 <= PAGE_WIDTH_PT + 0.5
        for j, box in boxes.items():
            outline = box.get_window_extent(renderer)
            inside = [
                a
                for a in texts
                if _distance(a.get_position(), _rect(box)) == 0 and a.get_zorder() >= 4
            ]
            name = " ".join(
                a.get_text()
                for a in inside
                if a.get_fontweight() == "bold" and a.get_fontsize() > 7
            )
            assert squeezed(name) == squeezed(data_map.systems[j].name)
            for a in inside:
                extent = a.get_window_extent(renderer)
                assert outline.x0 - 0.5 <= extent.x0 and extent.x1 <= outline.x1 + 0.5, a.get_text()
                assert outline.y0 - 0.5 <= extent.y0 and extent.y1 <= outline.y1 + 0.5, a.get_text()


@needs_dot
@pytest.mark.parametrize("which", ["small", "northwind"])
def test_dot_flow_names_cover_no_box(which: str) -> None:
    # Graphviz places the names of flows within a layer (xlabels) as best it can: on the small
    # map and the example's, none lies over a system's box. (On a random map of 15 sources
    # linked to one another, some do: a known limit of dot's xlabels.)
    data_map = dict(maps_to_check())[which]
    for drawing in fm.flow_map_drawings(data_map, ctx("fr"), engine="dot"):
        nodes, _edges = dot_parts(drawing.svg)
        every = printed_texts(drawing.svg)
        for g in ET.fromstring(drawing.svg).iter(SVG + "g"):
            if g.get("class") != "edge":
                continue
            for p in _texts_of(g, every):
                left, top, right, bottom = text_box(p)
                for node in nodes.values():
                    x0, y0, x1, y1 = node.box
                    overlap = left < x1 and x0 < right and top < y1 and y0 < bottom
                    assert not overlap, (drawing.part, p.text, node.name)


@needs_dot
def test_dot_legend_swatches_are_the_arrows_colours() -> None:
    data_map = small_map()  # a plain flow, personal-data flows and a manual one
    svg = fm.flow_map_svg(data_map, ctx("en"))
    nodes, edges = dot_parts(svg)
    system_of = drawn_systems(nodes, tuple(s.name for s in data_map.systems))
    root = ET.fromstring(svg)
    swatches = {
        "".join(e.itertext()): (e.get("fill") or "").lower()
        for e in root.iter(SVG + "text")
        if "▸" in "".join(e.itertext())
    }
    assert set(swatches) == {"———▸", "━━━▸", "– – –▸"}  # plain, personal (thick), manual (dashed)
    for edge in edges:
        flow = next(
            f
            for f in data_map.flows
            if (f.source, f.target) == (system_of[edge.tail], system_of[edge.head])
        )
        glyph = (
            "– – –▸" if flow.method == Method.MANUAL else "━━━▸" if flow.personal_data else "———▸"
        )
        assert edge.colour == swatches[glyph]
        assert edge.dashed == (glyph == "– – –▸")
