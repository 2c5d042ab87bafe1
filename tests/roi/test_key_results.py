"""The ROI's key results as data, on the worked case (tests/worked_cases.py, roi.py's
docstring): benefits 10 000 then 20 000 a year, costs 20 000 then 2 000 a year, 3 years at 10 %.
Net -20 000, 8 000, 18 000, 18 000: NPV 15 672, ROI 0.628, payback 20 months. And, on both
examples, the summary's sentences and the series of the charts, read back from the figures
the report draws."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest
from chart_artists import bar_heights, points, tick_labels
from worked_cases import WORKED

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.views import Context
from crmwb.roi import charts as roi_charts
from crmwb.roi import views as roi_views
from crmwb.roi.key_results import key_results
from crmwb.roi.model import CostItem, RoiCase
from crmwb.roi.study import RoiStudy, roi_study
from crmwb.run.clients import load_client


def ctx(lang: str) -> Context:
    return Context("Client", lang, "EUR")


@pytest.fixture(scope="module")
def study():
    return roi_study(WORKED, 2_000, seed=1)


def test_npv_roi_payback_and_irr_of_the_worked_case(study):
    results = key_results(study, ctx("en"))
    got = {f.key: f.value for f in results.figures}
    # no risk adjustment in the worked case: the headline is the unadjusted result
    assert got["roi.npv"] == pytest.approx(15_672, abs=1)
    assert got["roi.npv.unadjusted"] == pytest.approx(15_672, abs=1)
    # ROI = NPV / PV costs = 15 672 / (20 000 + 2 000 x 2.486852) = 15 672 / 24 973.70 = 0.628
    assert got["roi.roi"] == pytest.approx(0.628, abs=0.001)
    # cumulative -20 000, -12 000, 6 000: 12 x (1 + 12 000 / 18 000) = 20 months
    assert got["roi.payback"] == 20.0
    assert got["roi.payback.discounted"] > 20.0  # discounted flows pay back later
    # the IRR discounts the net flows to zero
    irr = got["roi.irr"]
    net = (-20_000, 8_000, 18_000, 18_000)
    assert sum(v / (1 + irr) ** t for t, v in enumerate(net)) == pytest.approx(0, abs=0.01)
    assert 0 < got["roi.p_positive"] <= 1  # minutes saved range from 10 to 25: a band
    units = {f.key: (f.unit, f.better) for f in results.figures}
    assert units["roi.npv"] == ("EUR", "higher") and units["roi.roi"] == ("%", "higher")
    assert units["roi.payback"] == ("months", "lower")
    (verdict,) = results.recommendations
    assert (verdict.key, verdict.id) == ("roi.verdict", "creates_value")


def test_a_project_that_does_not_pay_back_says_so_and_has_no_payback_nor_irr():
    # -20 000, +10 000, +20 000, -40 000: the net flow changes sign twice (tests/roi/test_views.py)
    never = dataclasses.replace(WORKED, costs=(CostItem("Big", (20_000, 0, 0, 60_000)),))
    results = key_results(roi_study(never, 500, seed=1), ctx("en"))
    got = {f.key: f.value for f in results.figures}
    assert got["roi.npv"] < 0 and got["roi.payback"] is None and "roi.irr" not in got
    assert results.recommendations[0].id == "no_payback"


def test_without_benefit_only_the_costs():
    costs_only = RoiCase(WORKED.settings, levers=(), costs=WORKED.costs)
    results = key_results(roi_study(costs_only, 100, seed=1), ctx("en"))
    got = {f.key: f.value for f in results.figures}
    # 20 000 + 2 000 x (1/1.1 + 1/1.21 + 1/1.331) = 24 973.70; undiscounted 26 000
    assert got == pytest.approx({"roi.pv_costs": 24_973.70, "roi.total_costs": 26_000}, abs=0.01)
    assert results.recommendations == ()


def test_the_same_keys_values_and_ids_in_french_and_english(study):
    fr, en = key_results(study, ctx("fr")), key_results(study, ctx("en"))
    assert [(f.key, f.value) for f in fr.figures] == [(f.key, f.value) for f in en.figures]
    assert [(r.key, r.id) for r in fr.recommendations] == [
        (r.key, r.id) for r in en.recommendations
    ]
    assert fr.figure("roi.npv").label == "VAN (ajustée du risque)"
    assert fr.recommendations[0].label == "Le projet est-il rentable\u202f?"


# --- the conclusion and the charts ------------------------------------------------------------


def example(slug: str) -> tuple[RoiStudy, Context]:
    client = load_client(EXAMPLES_DIR / slug)
    return roi_study(client.roi_case(), 2_000, seed=1), Context.of(client.about, None)


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_conclusion_is_the_summary_s_sentences(slug):
    study, ctx_ = example(slug)
    _figures, text = roi_views.summary_parts(study, ctx_)
    assert key_results(study, ctx_).conclusion == text.paragraphs
    assert any("**" in sentence for sentence in text.paragraphs)


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_charts_series_are_what_the_report_draws(slug):
    study, ctx_ = example(slug)
    waterfall, cumulative = key_results(study, ctx_).charts
    # the waterfall: a bar per step, then the total's, their heights the series (the steps'
    # names under them, wrapped as the chart wraps them)
    figure = roi_charts.roi_waterfall(study.headline, ctx_)
    ax = figure.axes[0]
    assert (waterfall.kind, waterfall.total) == ("waterfall", True)
    (series,) = waterfall.series
    # (a floating bar's height is drawn as its top - its bottom: equal to a millionth)
    assert series.values == pytest.approx(bar_heights(ax), abs=1e-6)
    assert tick_labels(figure, ax) == [
        *(textwrap.fill(c, 16) for c in waterfall.categories[:-1]),
        waterfall.categories[-1],
    ]
    assert waterfall.y_title == ax.get_ylabel()
    # its total is the steps' sum: the NPV the summary gives
    assert series.values[-1] == pytest.approx(sum(series.values[:-1]))
    assert series.values[-1] == pytest.approx(study.headline.npv)
    # the cumulative cash flow: the line's points after its start at 0, at each year's tick
    figure = roi_charts.roi_cumulative(study.headline, ctx_)
    ax = figure.axes[0]
    (line,) = ax.get_lines()[:1]
    drawn = points(line)
    assert drawn[0] == (0.0, 0.0)
    assert list(cumulative.series[0].values) == [y for _, y in drawn[1:]]
    assert list(cumulative.categories) == [str(int(x)) for x, _ in drawn[1:]]
    assert list(cumulative.categories) == tick_labels(figure, ax)
    assert (cumulative.x_title, cumulative.y_title) == (ax.get_xlabel(), ax.get_ylabel())


def test_numbers_a_consultant_recomputes_on_the_worked_case(study):
    waterfall, cumulative = key_results(study, ctx("en")).charts
    # net -20 000, 8 000, 18 000, 18 000: cumulative -20 000, -12 000, 6 000, 24 000
    assert cumulative.series[0].values == pytest.approx((-20_000, -12_000, 6_000, 24_000))
    assert cumulative.categories == ("0", "1", "2", "3")
    # present values at 10 %: benefits 10 000 / 1.1 + 20 000 / 1.21 + 20 000 / 1.331
    # = 40 646.13; costs 20 000 + 2 000 x 2.486852 = 24 973.70; net gain 15 672.43
    (series,) = waterfall.series
    assert waterfall.categories[-2:] == ("Costs (PV)", "Net gain (PV)")
    assert sum(series.values[:-2]) == pytest.approx(40_646.13, abs=0.01)
    assert series.values[-2] == pytest.approx(-24_973.70, abs=0.01)
    assert series.values[-1] == pytest.approx(15_672.43, abs=0.01)


def test_no_chart_without_a_benefit():
    costs_only = RoiCase(WORKED.settings, levers=(), costs=WORKED.costs)
    results = key_results(roi_study(costs_only, 100, seed=1), ctx("en"))
    assert results.charts == ()
    assert (
        results.conclusion
        == roi_views.summary(roi_study(costs_only, 100, seed=1), ctx("en")).paragraphs
    )
