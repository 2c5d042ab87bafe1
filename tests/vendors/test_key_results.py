"""The vendor comparison's key results as data, on tests/vendors/test_views.py's example
computed by hand (two criteria 0.6 / 0.4: A 0.68, B 0.60, C 0.52) and on the Northwind example
(its vendors' TCO, as its report shows them); on both examples, the recommendation as the
summary says it and the series of the charts, read back from the figures the report draws."""

from __future__ import annotations

import dataclasses

import pytest
from chart_artists import bar_widths, tick_labels

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.result_items import slug
from crmwb.deliver.results import items
from crmwb.deliver.views import Context, Text
from crmwb.run.clients import load_client
from crmwb.vendors import charts as vendor_charts
from crmwb.vendors import views as vendor_views
from crmwb.vendors.charts import vendor_label
from crmwb.vendors.comparison import compare_vendors
from crmwb.vendors.key_results import key_results
from crmwb.vendors.model import (
    Criterion,
    Direction,
    MarketType,
    ScoreSheet,
    Vendor,
    scores_from_table,
)
from crmwb.vendors.results import VendorAnalysis, analyse_vendors
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.workbook.reader import read_workbook

CRITERIA = (
    Criterion("Features", "Functional", Direction.BENEFIT, 0.6),
    Criterion("Support", "Service", Direction.BENEFIT, 0.4),
)
VENDORS = (
    Vendor("Ä Corp", MarketType.ECOSYSTEM),
    Vendor("B", MarketType.INTERMEDIATE),
    Vendor("C", MarketType.CAMPAIGN_MANAGER),
)
TABLE = {
    "Ä Corp": {"Features": 5, "Support": 1},
    "B": {"Features": 3, "Support": 3},
    "C": {"Features": 1, "Support": 5},
}


def ctx(lang: str) -> Context:
    return Context("Client", lang, "EUR")


def analysis(criteria=CRITERIA) -> VendorAnalysis:
    sheet = ScoreSheet(criteria, VENDORS, scores_from_table(TABLE), (0, 5))
    comparison = compare_vendors(sheet, None, shortlist_size=2, draws=2000, seed=7)
    return VendorAnalysis(None, sheet, comparison)  # type: ignore[arg-type]  # inputs unused


def test_the_recommended_vendor_the_scores_and_the_ranking():
    results = key_results(analysis(), ctx("en"))
    assert results.analysis == "vendor_comparison"
    (rec,) = results.recommendations
    assert (rec.key, rec.label, rec.value, rec.id) == (
        "vendors.recommended",
        "Recommended vendor",
        "Ä Corp",
        "a-corp",  # the name as an id: accents, case and spaces ignored
    )
    scores = {f.key: f.value for f in results.figures if f.key.startswith("vendors.score.")}
    # A 0.6 x 1.0 + 0.4 x 0.2 = 0.68; B 0.6 x 0.6 + 0.4 x 0.6 = 0.60; C 0.6 x 0.2 + 0.4 = 0.52
    assert scores == pytest.approx(
        {"vendors.score.a-corp": 0.68, "vendors.score.b": 0.60, "vendors.score.c": 0.52}
    )
    assert results.figure("vendors.score.b").label == "Weighted score: B"
    assert [(i.id, i.label, i.detail) for i in items(results, "ranking")] == [
        ("a-corp", "Ä Corp", "1"),
        ("b", "B", "2"),
        ("c", "C", "3"),
    ]
    assert [i.id for i in items(results, "shortlist")] == ["a-corp", "b"]
    assert items(results, "excluded") == ()
    robustness = results.figure("vendors.robustness")
    assert robustness is not None and 0.5 < robustness.value <= 1  # A first in most draws


def test_a_knocked_out_vendor_is_listed_with_its_reason_and_has_no_score():
    # Support at least 2: A (Support 1) is knocked out; B 0.60 then wins
    knock_out = (CRITERIA[0], dataclasses.replace(CRITERIA[1], knock_out_minimum=2))
    results = key_results(analysis(knock_out), ctx("en"))
    assert results.recommendations[0].id == "b"
    assert "vendors.score.a-corp" not in {f.key for f in results.figures}
    (excluded,) = items(results, "excluded")
    assert excluded.id == "a-corp" and "below the minimum" in excluded.detail


@pytest.fixture(scope="module")
def northwind() -> VendorAnalysis:
    inputs = read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx")
    return analyse_vendors(read_vendor_comparison(inputs), draws=1000, tco_draws=1000)


def test_northwind_s_tco_per_vendor_and_the_same_keys_and_ids_in_both_languages(northwind):
    fr, en = key_results(northwind, ctx("fr")), key_results(northwind, ctx("en"))
    tco = {f.key: f.value for f in en.figures if f.key.startswith("vendors.tco.")}
    # the report's TCO table (tests/vendors/test_views.py compares it with tco_totals)
    assert tco == pytest.approx(
        {f"vendors.tco.{slug(name)}": v for name, v in northwind.tco_totals.items()}
    )
    assert "vendors.tco.salesforce-sales-marketing-cloud" in tco  # « Salesforce Sales + ... »
    assert [(f.key, f.value) for f in fr.figures] == [(f.key, f.value) for f in en.figures]
    assert [(r.key, r.id, r.value) for r in fr.recommendations] == [
        (r.key, r.id, r.value) for r in en.recommendations
    ]
    for key in ("ranking", "shortlist", "excluded"):
        assert [i.id for i in items(fr, key)] == [i.id for i in items(en, key)]
    assert fr.recommendations[0].label == "Éditeur recommandé"
    assert [i.label for i in items(en, "ranking")] == list(
        northwind.comparison.weighted_sum.ranking
    )


# --- the conclusion and the charts ------------------------------------------------------------


@pytest.fixture(scope="module")
def lenoir() -> VendorAnalysis:
    client = load_client(EXAMPLES_DIR / "literie-lenoir")
    return analyse_vendors(client.vendor_inputs(), draws=1000, tco_draws=1000)


@pytest.mark.parametrize("example", ["lenoir", "northwind"])
def test_the_conclusion_is_the_recommendation_the_summary_says(example, request):
    analysed = request.getfixturevalue(example)
    lang = "fr" if example == "lenoir" else "en"
    _figures, text = vendor_views.summary(analysed, ctx(lang))
    assert isinstance(text, Text)
    assert key_results(analysed, ctx(lang)).conclusion == text.paragraphs
    assert any("**" in sentence for sentence in text.paragraphs)


def drawn_points(ax) -> list[tuple[float, float]]:
    """The value map's points: one scatter call per vendor, in ranking order."""
    return [tuple(map(float, c.get_offsets()[0])) for c in ax.collections]


@pytest.mark.parametrize("example", ["lenoir", "northwind"])
def test_the_charts_series_are_what_the_report_draws(example, request):
    analysed = request.getfixturevalue(example)
    context = ctx("fr" if example == "lenoir" else "en")
    scores, value = key_results(analysed, context).charts
    ranking = analysed.comparison.weighted_sum
    # the weighted scores: a stacked bar per vendor, best first, a segment per criterion group
    figure = vendor_charts.weighted_scores(ranking, context)
    ax = figure.axes[0]
    drawn = bar_widths(ax)
    assert [s.name for s in scores.series] == list(drawn)
    for series in scores.series:
        assert series.values == pytest.approx(drawn[series.name], abs=1e-9)
    assert [vendor_label(v) for v in scores.categories] == tick_labels(figure, ax, "y")
    assert (scores.kind, scores.note, scores.y_title) == ("stacked_bar", "", ax.get_xlabel())
    # the value map: a point per priced vendor, (its TCO, its score), in ranking order
    totals = vendor_views.value_totals(analysed)
    figure = vendor_charts.value_map(ranking, totals, context)
    ax = figure.axes[0]
    assert [(s.x[0], s.values[0]) for s in value.series] == drawn_points(ax)
    assert [s.name for s in value.series] == [v for v in ranking.ranking if v in totals]
    assert (value.x_title, value.y_title) == (ax.get_xlabel(), ax.get_ylabel())


def test_numbers_a_consultant_recomputes(lenoir):
    (scores,) = key_results(analysis(), ctx("en")).charts  # no price list: no value map
    # Features (group Functional, weight 0.6) and Support (Service, 0.4), the scores out of 5
    # rescaled (5 -> 1.0, 3 -> 0.6, 1 -> 0.2): each group's part of the ranking's 0.68, 0.60, 0.52
    assert scores.categories == ("Ä Corp", "B", "C")
    functional, service = scores.series
    assert functional.name == "Functional" and service.name == "Service"
    assert functional.values == pytest.approx((0.6, 0.36, 0.12))  # 0.6 x 1.0, 0.6, 0.2
    assert service.values == pytest.approx((0.08, 0.24, 0.4))  # 0.4 x 0.2, 0.6, 1.0
    # Literie Lenoir's Sage CRM subscription: 4 users x 30 € a month x 12 x 7 years = 10 080
    _scores, value = key_results(lenoir, ctx("fr")).charts
    sage = next(s for s in value.series if s.name == "Sage CRM (abonnement)")
    assert sage.x == (10_080,)
    assert value.title == "Rapport qualité-prix" and value.kind == "scatter"
    assert (value.unit, value.x_unit) == ("score", "EUR")  # scores up, TCOs in euros across


def test_with_many_vendors_the_chart_keeps_the_ten_best_and_says_so():
    vendors = tuple(Vendor(f"V{n:02}", MarketType.INTERMEDIATE) for n in range(1, 13))
    table = {v.name: {"Features": 1 + n % 5, "Support": 1 + n // 3} for n, v in enumerate(vendors)}
    sheet = ScoreSheet(CRITERIA, vendors, scores_from_table(table), (0, 5))
    comparison = compare_vendors(sheet, None, shortlist_size=3, draws=200, seed=7)
    many = VendorAnalysis(None, sheet, comparison)  # type: ignore[arg-type]  # inputs unused
    (scores,) = key_results(many, ctx("en")).charts  # no price list: no value map
    ranking = comparison.weighted_sum
    assert scores.categories == tuple(ranking.ranking[:10])
    assert scores.note == "Vendors 1 to 10 of 12"
    drawn = bar_widths(vendor_charts.weighted_scores(ranking, ctx("en")).axes[0])
    for series in scores.series:
        assert series.values == pytest.approx(drawn[series.name][:10], abs=1e-9)
