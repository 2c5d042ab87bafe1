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


def test_the_layout_follows_the_chain(northwind):
    diagram = chain_diagram(northwind)
    columns = [[n.label for n in diagram.nodes if n.column == c] for c in range(3)]
    assert columns[0] == [m.touchpoint for m in northwind.moments]  # the 10 moments to fix
    assert columns[1] == [p.name for p in northwind.programmes]  # the 10 programmes
    assert len(columns[2]) == 10  # the one list: UC-01 to UC-10
    names = {i: n.label for i, n in enumerate(diagram.nodes)}
    links = {(names[a], names[b]) for a, b in diagram.links}
    # T15 is addressed by Welcome and Loyalty club (test_model.py); Welcome runs Welcome series
    assert {("T15", "Welcome"), ("T15", "Loyalty club"), ("Welcome", "Welcome series")} <= links
    # one line per programme addressing a moment, per use case serving a programme
    expected = sum(len(m.programmes) for m in northwind.moments) + sum(
        len(p.use_cases) for p in northwind.programmes
    )
    assert len(diagram.links) == expected
    broken = {n.label for n in diagram.nodes if n.broken}
    assert {
        "T28",
        "T06",
        "Birthday",
        "Abandoned basket reminder",
        "Trade account follow-up calls",
    } <= (broken)
    assert "T15" not in broken and "Welcome series" not in broken


def test_the_figure_draws_the_layout(northwind):
    diagram = chain_diagram(northwind)
    figure = chain_chart(northwind, Context("Northwind Home Retail", "en"))
    (ax,) = figure.axes
    # a programme and a use case may share a name: boxes compared with their places
    boxes = sorted(
        (t.get_text(), t.get_position(), to_hex(t.get_color()) == ALERT.lower())
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
