"""The flow map: DOT text escapes client text, both engines draw every system, the legend, the
cycles and the manual flows, and a missing, failing or slow ``dot`` falls back to matplotlib."""

from __future__ import annotations

import random
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from crmwb import flow_map as fm
from crmwb.dataflow import DataMap, Flow, FlowFrequency, Method, Role, System, SystemType
from crmwb.i18n import Lang, t
from crmwb.views import Chart, Context

LANGS: tuple[Lang, ...] = ("fr", "en")
ENGINES = ("dot", "matplotlib")
needs_dot = pytest.mark.skipif(not fm.has_dot(), reason="Graphviz's dot is not installed")


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
    if engine == "dot" and not fm.has_dot():
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
    dot = fm.dot_source(data_map, ctx())
    assert "&quot;EU&quot;" in dot
    assert "&lt;b&gt;x&lt;/b&gt;" in dot
    assert "&amp;" in dot
    assert '"EU"' not in dot and "<b>" not in dot and "<script>" not in dot
    assert fm._html('a "b"\n<c>\r\td') == "a &quot;b&quot; &lt;c&gt; d"  # one line
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
    dot = fm.dot_source(data_map, ctx(), highlight=["CRM"])
    assert "rankdir=LR" in dot
    for role in ("source", "hub", "activation"):
        assert f"subgraph cluster_{role}" in dot
        assert t(f"fm.layer.{role}", "en") in dot
    assert dot.count("rank=same") == 3
    assert 'fontname="DejaVu Sans"' in dot
    crm = next(line for line in dot.splitlines() if line.strip().startswith("n2 [label="))
    assert f'color="{fm.ALERT}"' in crm and "penwidth=3" in crm
    pd_edge = next(line for line in edge_lines(dot) if line.strip().startswith("n0 -> n2"))
    assert fm.PD_COLOUR in pd_edge and "penwidth=1.8" in pd_edge


def test_manual_flows_are_dashed_in_dot() -> None:
    data_map = small_map()
    lines = edge_lines(fm.dot_source(data_map, ctx()))
    assert len(lines) == len(data_map.flows)
    for flow, line in zip(data_map.flows, lines, strict=True):
        assert ("style=dashed" in line) == (flow.method == Method.MANUAL)
        if flow.method == Method.MANUAL:
            assert fm.MANUAL_COLOUR in line


def test_a_cycle_is_two_dot_edges() -> None:
    lines = edge_lines(fm.dot_source(small_map(), ctx()))
    crm_brevo = [line for line in lines if line.strip().startswith("n2 -> n3")]
    # Brevo -> CRM is laid out left to right too, its arrowhead drawn at the CRM end.
    assert len(crm_brevo) == 2
    assert sum("dir=back" in line for line in crm_brevo) == 1


def test_dense_dot_maps_drop_the_flow_names_and_say_so() -> None:
    dot = fm.dot_source(big_map(), ctx())
    assert all("label=" not in line for line in edge_lines(dot))
    assert fm._html(t("fm.note.no_labels", "en")) in dot
    small = fm.dot_source(small_map(), ctx())
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
    assert float(height[1]) <= fm.MAX_HEIGHT * 72 + 1  # fits an A4 page
    if engine == "dot":
        assert svg.count(b'class="node"') == 40
        assert svg.count(b'class="edge"') >= 80


# --- matplotlib -------------------------------------------------------------------------------


def arrows(data_map: DataMap, **kwargs: object) -> dict[int, FancyArrowPatch]:
    fig = fm.flow_map_figure(data_map, ctx(), **kwargs)  # type: ignore[arg-type]
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
    layout = fm._layout(fm._prepare(small_map(), ctx(), ()), lambda text: 0.07 * len(text))
    there, back = layout.paths[2], layout.paths[3]
    assert there[0][0] < there[-1][0] and back[0][0] > back[-1][0]
    for t_ in (0.1, 0.5, 0.9):
        assert abs(fm._point(there, t_)[1] - fm._point(back, 1 - t_)[1]) > 0.03  # apart


def test_a_flow_within_a_layer_and_a_self_loop_are_drawn() -> None:
    data_map = DataMap(
        (System("POS"), System("ERP"), System("CRM", role=Role.HUB)),
        (Flow("POS", "ERP", ("sales",)), Flow("ERP", "POS", ("prices",)), Flow("CRM", "CRM", ())),
    )
    drawn = arrows(data_map)
    assert sorted(drawn) == [0, 1, 2]
    assert "sales" in svg_texts(render(data_map, "matplotlib"))


def test_highlighted_systems_get_a_red_border_in_matplotlib() -> None:
    fig = fm.flow_map_figure(small_map(), ctx(), highlight=["CRM"])
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
    m = fm._prepare(data_map, ctx(), ())
    columns = fm._order(m, [[0, 1], [2, 3]])
    assert columns in ([[0, 1], [3, 2]], [[1, 0], [2, 3]])


def test_long_names_are_wrapped_and_cut() -> None:
    name = "A very long system name that goes on and on and on for ever"
    data_map = DataMap((System(name),))
    text = svg_texts(render(data_map, "matplotlib"))
    assert "…" in text and name not in text
    dot = fm.dot_source(data_map, ctx())
    assert '<BR ALIGN="LEFT"/>' in dot and "…" in dot


# --- engines and fallbacks --------------------------------------------------------------------


def is_matplotlib(svg: bytes) -> bool:
    return b"Matplotlib" in svg and b"graphviz" not in svg.lower()


def is_graphviz(svg: bytes) -> bool:
    return b"Generated by graphviz" in svg and b"Matplotlib" not in svg


def test_fallback_when_dot_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fm.shutil, "which", lambda _name: None)

    def no_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("dot must not run")

    monkeypatch.setattr(fm.subprocess, "run", no_run)
    assert not fm.has_dot()
    for engine in ("auto", "dot"):
        assert is_matplotlib(fm.flow_map_svg(small_map(), ctx(), engine=engine))  # type: ignore[arg-type]


def test_matplotlib_engine_never_runs_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("dot must not run")

    monkeypatch.setattr(fm.subprocess, "run", no_run)
    assert is_matplotlib(fm.flow_map_svg(small_map(), ctx(), engine="matplotlib"))


def test_dot_timeout_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fm.shutil, "which", lambda _name: "/usr/bin/dot")

    def slow(*args: object, **kwargs: object) -> None:
        assert kwargs.get("timeout") == fm.DOT_TIMEOUT
        raise subprocess.TimeoutExpired("dot", fm.DOT_TIMEOUT)

    monkeypatch.setattr(fm.subprocess, "run", slow)
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
    monkeypatch.setattr(fm.shutil, "which", lambda _name: str(fake))
    assert is_matplotlib(fm.flow_map_svg(small_map(), ctx()))


def test_a_missing_dot_binary_falls_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fm.shutil, "which", lambda _name: str(tmp_path / "gone"))
    assert is_matplotlib(fm.flow_map_svg(small_map(), ctx()))


@needs_dot
def test_dot_is_used_when_installed() -> None:
    svg = fm.flow_map_svg(small_map(), ctx())
    assert is_graphviz(svg)
    assert b'font-family="DejaVu Sans' in svg


def test_map_chart() -> None:
    chart = fm.map_chart(small_map(), ctx("fr"), highlight=["CRM"])
    assert isinstance(chart, Chart)
    assert b"<svg" in chart.svg
    assert chart.alt == (
        "Cartographie des flux de données\u00a0: 5 systèmes, 5 flux, dont 3 de "
        "données personnelles et 1 manuel."
    )
    assert fm.map_chart(small_map(), ctx("en")).alt == (
        "Data-flow map: 5 systems, 5 flows, 3 of them carrying personal data and 1 manual."
    )
    assert "<img" in chart._repr_html_()
