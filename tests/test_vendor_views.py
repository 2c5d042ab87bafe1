"""What the vendor comparison deliverable says, on a small example computed by hand.

Three vendors, two benefit criteria scored 0-5 (rescaled x / 5), weights 0.6 / 0.4:
  A: features 5, support 1 -> 0.6 x 1.0 + 0.4 x 0.2 = 0.68
  B: features 3, support 3 -> 0.6 x 0.6 + 0.4 x 0.6 = 0.60
  C: features 1, support 5 -> 0.6 x 0.2 + 0.4 x 1.0 = 0.52
With t the weight of Features (Support 1 - t): A = 0.2 + 0.8 t, B = 0.6, C = 1 - 0.8 t;
A stays first while t >= 0.5, where all three tie: the winner changes 10 points away, Features
down from 60 % to 50 % or, the same thing with two criteria, Support up from 40 % to 50 %.
"""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from crmwb import charts, vendor_views
from crmwb.vendors import (
    CoverageSheet,
    Criterion,
    Direction,
    MarketType,
    ScoreSheet,
    UseCase,
    Vendor,
    compare_vendors,
    scores_from_table,
)
from crmwb.views import Context

CRITERIA = (
    Criterion("Features", "Functional", Direction.BENEFIT, 0.6),
    Criterion("Support", "Service", Direction.BENEFIT, 0.4),
)
VENDORS = (
    Vendor("A", MarketType.ECOSYSTEM),
    Vendor("B", MarketType.INTERMEDIATE),
    Vendor("C", MarketType.CAMPAIGN_MANAGER),
)
TABLE = {
    "A": {"Features": 5, "Support": 1},
    "B": {"Features": 3, "Support": 3},
    "C": {"Features": 1, "Support": 5},
}


@pytest.fixture
def comparison():
    sheet = ScoreSheet(CRITERIA, VENDORS, scores_from_table(TABLE), (0, 5))
    coverage = CoverageSheet(
        (UseCase("Welcome", 2), UseCase("Reactivation", 1)),
        {
            "A": {"Welcome": "native", "Reactivation": "not_covered"},
            "B": {"Welcome": "configuration", "Reactivation": "native"},
            "C": {"Welcome": "native", "Reactivation": "native"},
        },
    )
    return sheet, coverage, compare_vendors(sheet, coverage, draws=2000, seed=7)


def ctx(lang: str) -> Context:
    return Context("Client", lang, "EUR")  # type: ignore[arg-type]


def test_recommendation_names_the_winner_and_the_runner_up(comparison):
    _, _, result = comparison
    text = vendor_views.recommendation(result, ctx("en")).paragraphs
    # A 0.68, B 0.60 (see the module docstring)
    assert (
        text[0]
        == "**A** ranks first with a weighted score of 0.68 out of 1, ahead of **B** (0.60)."
    )
    # the nearest weight change: 10 points (see the module docstring)
    assert text[-1] in (
        "The most sensitive criterion is 'Features': its weight would have to go from 60% to"
        " 50% for **B** to win.",
        "The most sensitive criterion is 'Support': its weight would have to go from 40% to"
        " 50% for **B** to win.",
    )


def test_ranking_table_and_coverage(comparison):
    _, _, result = comparison
    table = vendor_views.ranking_table(result, ctx("en"))
    assert [row[0] for row in table.rows] == ["A", "B", "C"]
    assert [row[1] for row in table.rows] == [0.68, 0.6, 0.52]
    # coverage: (priority x value) / sum of priorities, native 1, configuration 0.75, not 0:
    # A (2 x 1 + 1 x 0) / 3 = 0.667; B (2 x 0.75 + 1) / 3 = 0.833; C 1.0
    assert [round(row[-1], 3) for row in table.rows] == [0.667, 0.833, 1.0]


def test_french_labels(comparison):
    _, _, result = comparison
    figures = vendor_views.key_figures(result, ctx("fr")).figures
    assert figures[0].label == "Éditeur recommandé" and figures[0].value == "A"
    html = vendor_views.sensitivity_table(result, ctx("fr"))._repr_html_()
    assert "jamais" in html or "Features" in html


def test_charts_are_figures(comparison):
    _, coverage, result = comparison
    ranking = result.weighted_sum
    figures = [
        charts.weighted_scores(ranking, ctx("en")),
        charts.shortlist_radar(ranking, result.shortlist, ctx("en")),
        charts.coverage_matrix(coverage, ranking.ranking, ctx("en")),
        charts.weight_sensitivity(result, ctx("en")),
    ]
    assert all(isinstance(f, Figure) for f in figures)
    # the stacked bars add up to each vendor's weighted score
    bars = figures[0].axes[0].patches
    widths_a = [p.get_width() for p in bars if abs(p.get_y() + p.get_height() / 2) < 1e-9]
    assert sum(widths_a) == pytest.approx(0.68)
