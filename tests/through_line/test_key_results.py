"""The through-line's results as data, for the mission's history, what changed and the deck:
the completeness and its counts, one item per broken link (what to do), the checks' chart. On
Northwind (English): 68 of the 95 links expected are in place, 27 are broken (tests/through_line
/test_model.py lists them)."""

from __future__ import annotations

import pytest

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.views import Context
from crmwb.through_line.key_results import key_results
from crmwb.through_line.reading import read_through_line
from crmwb.through_line.views import summary_parts, what_to_do
from crmwb.workbook.reader import read_workbook


@pytest.fixture(scope="module")
def northwind():
    return read_through_line(read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx"))


def test_the_results_carry_the_completeness_and_every_broken_link(northwind):
    ctx = Context("Northwind Home Retail", "en")
    results = key_results(northwind, ctx)
    values = {f.key: f.value for f in results.figures}
    assert values == {
        "through_line.completeness": pytest.approx(89 / 116),  # tests/through_line/test_model
        "through_line.present": 89,
        "through_line.expected": 116,
        "through_line.broken": 27,
        "through_line.exposed": pytest.approx(543_662, abs=1),  # each lever once, test_model
    }
    (findings,) = results.lists
    assert findings.key == "findings" and len(findings.items) == 27
    first = northwind.broken[0]
    assert findings.items[0].id == f"{first.kind}/{first.subject}"
    assert findings.items[0].label == what_to_do(first, ctx)
    # the summary's own sentences, as the report writes them
    sentences = [
        p for part in summary_parts(northwind, ctx) for p in getattr(part, "paragraphs", ())
    ]
    assert sentences[0] in results.conclusion


def test_the_chart_counts_each_check_s_links_in_place_and_missing(northwind):
    (chart,) = key_results(northwind, Context("Northwind Home Retail", "en")).charts
    in_place, missing = chart.series
    checks = northwind.completeness.checks
    assert in_place.values == tuple(float(c.present) for c in checks)
    assert missing.values == tuple(float(c.expected - c.present) for c in checks)
    # by hand: 8 of the 10 moments to fix are addressed (T28 and T06 are not): 2 missing
    assert (in_place.values[0], missing.values[0]) == (8.0, 2.0)
    assert sum(in_place.values) == 89 and sum(in_place.values) + sum(missing.values) == 116


def test_the_diagram_the_notebook_saved_is_the_decks_picture(northwind):
    ctx = Context("Northwind Home Retail", "en")
    assert [c.kind for c in key_results(northwind, ctx).charts] == ["stacked_bar"]
    _checks, picture = key_results(northwind, ctx, "results/through_line.chain.png").charts
    assert (picture.key, picture.kind, picture.image) == (
        "through_line.chain",
        "image",
        "results/through_line.chain.png",
    )
    assert picture.title == "The chain at a glance"
