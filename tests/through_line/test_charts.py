"""The through-line's diagram: its layout from the chain (Northwind, English), and the figure
drawing exactly that layout (its boxes' texts and colours, its lines, read back)."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.charts import ALERT
from crmwb.deliver.views import Context
from crmwb.through_line.charts import chain_chart, chain_diagram
from crmwb.through_line.reading import read_through_line
from crmwb.workbook.reader import read_workbook


@pytest.fixture(scope="module")
def northwind():
    return read_through_line(read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx"))


EN = Context("Northwind Home Retail", "en")


def test_the_layout_follows_the_chain(northwind):
    diagram = chain_diagram(northwind, EN)
    columns = [[n.label for n in diagram.nodes if n.column == c] for c in range(4)]
    assert columns[0] == [m.touchpoint for m in northwind.moments]  # the 10 moments to fix
    assert columns[1] == [p.name for p in northwind.programmes]  # the 10 programmes
    # the one list, UC-01 to UC-10 with their IDs, then the data audit's use case not on it
    assert len(columns[2]) == 11 and columns[2][10] == "Post-purchase NPS survey"
    assert columns[2][4] == "UC-05 Reactivation of inactive clients"
    # the 6 levers with their risk-adjusted value (test_model.py)
    assert columns[3][0] == "Win-back of dormant clients (€187,440)"
    assert len(columns[3]) == 6
    names = {i: n.label for i, n in enumerate(diagram.nodes)}
    links = {(names[a], names[b]) for a, b in diagram.links}
    # T15 is addressed by Welcome and Loyalty club (test_model.py); Welcome runs UC-01
    assert {
        ("T15", "Welcome"),
        ("T15", "Loyalty club"),
        ("Welcome", "UC-01 Welcome series"),
    } <= links
    # a lever to the programme or the use case it comes from: Win-back from UC-05, Loyalty
    # programme follow-up from the Loyalty club; the NPAI lever from nothing
    assert {
        ("UC-05 Reactivation of inactive clients", "Win-back of dormant clients (€187,440)"),
        ("Loyalty club", "Loyalty programme follow-up (€196,016)"),
    } <= links
    assert not any(b.startswith("Catalogue mailings") for _, b in links)
    # one line per programme addressing a moment, per use case serving a programme, per lever
    # tied to the chain (5 of the 6)
    expected = sum(len(m.programmes) for m in northwind.moments) + sum(
        len(p.use_cases) for p in northwind.programmes
    )
    assert len(diagram.links) == expected + 5
    broken = {n.label for n in diagram.nodes if n.broken}
    assert {
        "T28",
        "T06",
        "Birthday",
        "UC-04 Abandoned basket reminder",
        "UC-09 Trade account follow-up calls",
        "Catalogue mailings not returned (NPAI) (€86,355)",
    } <= broken
    assert "T15" not in broken and "UC-01 Welcome series" not in broken
    assert "Win-back of dormant clients (€187,440)" not in broken


def test_the_figure_draws_the_layout(northwind):
    diagram = chain_diagram(northwind, EN)
    figure = chain_chart(northwind, EN)
    (ax,) = figure.axes
    # a programme and a use case may share a name: boxes compared with their places; a long
    # label is wrapped on several lines
    boxes = sorted(
        (t.get_text().replace("\n", " "), t.get_position(), to_hex(t.get_color()) == ALERT.lower())
        for t in ax.texts
        if t.get_bbox_patch() is not None
    )
    assert boxes == sorted((n.label, (n.column, n.row), n.broken) for n in diagram.nodes)
    assert len(ax.lines) == len(diagram.links)
    drawn = {(tuple(line.get_xdata()), tuple(line.get_ydata())) for line in ax.lines}
    nodes = diagram.nodes
    assert drawn == {
        ((nodes[a].column, nodes[b].column), (nodes[a].row, nodes[b].row)) for a, b in diagram.links
    }
