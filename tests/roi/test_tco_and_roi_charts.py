"""The TCO and ROI charts draw their model's numbers: each test reads the drawn artists back (line
vertices, bar rectangles, marker positions, labels, colours) and compares them with the values the
package computed (crmwb.tco.model, crmwb.roi.model), never with re-typed numbers, except where a
number is published or recomputable by hand, and then the comment says where it comes from.

Worked examples: the seed's TCO (DOMAIN.md §4: licence 13 200 against SaaS 22 160 over 7 years,
SaaS dearer from month 37) and roi.py's module example (one lever worth 20 000 a year, half in
year 1, costs 20 000 then 2 000 a year, 3 years at 10 %: NPV 15 672, payback 20 months)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from worked_cases import SEED, WORKED

from crmwb.core.uncertainty import Pert
from crmwb.deliver.charts import PALETTE
from crmwb.deliver.views import Context
from crmwb.roi import charts as roi_charts
from crmwb.roi.levers import Axis, DiscountControl, TimeSaved
from crmwb.roi.model import CostItem, RoiCase, RoiSettings, analyse_roi
from crmwb.roi.study import monte_carlo, tornado
from crmwb.tco import charts as tco_charts
from crmwb.tco.model import (
    Basis,
    Category,
    CostLine,
    Frequency,
    TcoComparison,
    TcoSettings,
    accrual_path,
    compare_options,
    cumulative_at,
)
from crmwb.workbook.choices import choice_label

C, F, B = Category, Frequency, Basis
THREE = [
    *SEED,
    CostLine("Hybrid", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 1500),
    CostLine("Hybrid", C.TRAINING, F.ONE_OFF, B.FLAT, 4000, start_year=2),
    CostLine("Hybrid", C.HARDWARE, F.ONE_OFF, B.FLAT, 2500),
]
EN = Context("Client", "en", "EUR")
FR = Context("Client", "fr", "EUR")

THREE_AXES = RoiCase(
    RoiSettings(horizon_years=4, discount_rate=0.08),
    levers=(
        DiscountControl(
            name="Discounts",
            discounted_revenue=Pert(80_000, 100_000, 130_000),
            average_discount_rate=0.1,
            share_avoided=Pert(0.2, 0.3, 0.5),
            risk_adjustment=0.2,
        ),
        TimeSaved(
            name="Search",
            users=10,
            minutes_a_day=Pert(5, 10, 20),
            working_days=200,
            loaded_hourly_cost=40,
            productive_share=0.5,
            ramp_up=(0.5, 1.0),
        ),
    ),
    costs=(CostItem("Set-up", (9_000, 1_000, 1_000, 1_000, 1_000), risk_adjustment=0.1),),
)


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def seed(users: int = 4) -> TcoComparison:
    return compare_options(SEED, TcoSettings(horizon_years=7, users=users))


def curve(line: Line2D) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in line.get_xydata()]  # type: ignore[union-attr]


def points(values: object) -> object:
    """(x, y) pairs flattened, for ``pytest.approx`` (which compares flat sequences)."""
    return pytest.approx([float(v) for pair in values for v in pair])  # type: ignore[attr-defined]


def flat(values: list[tuple[float, float]]) -> list[float]:
    return [v for pair in values for v in pair]


def y_at(line: Line2D, x: float) -> float:
    """The drawn polyline's height at ``x`` (its last vertex at ``x`` for a vertical step)."""
    xs, ys = np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)
    return float(np.interp(x, xs, ys))


def vlines(ax) -> list[float]:  # type: ignore[no-untyped-def]
    """The x of every vertical rule (axvline) of ``ax``."""
    found = []
    for line in ax.lines:
        xs = list(line.get_xdata())
        if len(xs) == 2 and xs[0] == xs[1] and line.get_transform() is not ax.transData:
            found.append(float(xs[0]))
    return found


def bars(ax) -> list[Rectangle]:  # type: ignore[no-untyped-def]
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def colour(artist) -> str:  # type: ignore[no-untyped-def]
    if isinstance(artist, Line2D):
        return to_hex(artist.get_color())
    return to_hex(artist.get_facecolor())


def legend_colours(fig: Figure) -> dict[str, str]:
    legend = fig.legends[0] if fig.legends else fig.axes[0].get_legend()
    handles = legend.legend_handles
    return {
        text.get_text(): colour(handle)
        for text, handle in zip(legend.get_texts(), handles, strict=True)
    }


# --- cumulative_cost ------------------------------------------------------------------------


@pytest.mark.parametrize("lines", [SEED, THREE], ids=["seed", "three options"])
def test_cumulative_cost_draws_each_option_s_accrual_path_in_its_legend_colour(lines):
    study = compare_options(lines, TcoSettings(horizon_years=7, users=4))
    fig = tco_charts.cumulative_cost(study, EN)
    ax = fig.axes[0]
    drawn = [line for line in ax.lines if line.get_label() in {o.option for o in study.options}]
    assert [line.get_label() for line in drawn] == [o.option for o in study.options]
    for line, option in zip(drawn, study.options, strict=True):
        assert flat(curve(line)) == points(accrual_path(option))
        # the curve ends at the option's total, as its label says
        assert curve(line)[-1] == pytest.approx((7, option.total))
        end = next(
            t for t in ax.texts if t.get_text() == f"{option.option}\n{EN.money(option.total)}"
        )
        assert end.xy == pytest.approx((7, option.total))
        assert to_hex(end.get_color()) == colour(line)
    assert legend_colours(fig) == {line.get_label(): colour(line) for line in drawn}


def test_cumulative_cost_marks_the_break_even_where_the_curves_cross():
    study = seed()
    ax = tco_charts.cumulative_cost(study, FR).axes[0]
    be = study.headline_break_even
    assert be is not None
    # DOMAIN.md §4: SaaS passes the licence during month 37 (36 + 160 / 190 months)
    assert be.months == pytest.approx(36 + 160 / 190) and be.month == 37
    x = be.months / 12
    (marker,) = [line for line in ax.lines if len(line.get_xdata()) == 1]
    assert flat(curve(marker)) == points([(x, be.cumulative_cost)])
    # the marker sits on both drawn curves, at the model's cumulative costs at that moment
    for option in study.options:
        line = next(li for li in ax.lines if li.get_label() == option.option)
        assert y_at(line, x) == pytest.approx(cumulative_at(option, be.months))
        assert y_at(line, x) == pytest.approx(be.cumulative_cost)
    assert vlines(ax) == pytest.approx([x])
    assert "Point de bascule\u00a0: 37e mois" in [t.get_text() for t in ax.texts]


def test_cumulative_cost_without_a_crossing_marks_none():
    lines = [
        CostLine("A", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 100),
        CostLine("B", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 200),
    ]
    study = compare_options(lines, TcoSettings(horizon_years=3))
    ax = tco_charts.cumulative_cost(study, EN).axes[0]
    assert vlines(ax) == [] and all(len(line.get_xdata()) > 1 for line in ax.lines)
    assert not any("Break-even" in t.get_text() for t in ax.texts)


# --- cost_by_category -----------------------------------------------------------------------


@pytest.mark.parametrize("lines", [SEED, THREE], ids=["seed", "three options"])
def test_cost_by_category_stacks_each_option_s_category_totals(lines):
    study = compare_options(lines, TcoSettings(horizon_years=7, users=4))
    fig = tco_charts.cost_by_category(study, EN)
    ax = fig.axes[0]
    categories = list(dict.fromkeys(c for o in study.options for c in o.by_category))
    rectangles = bars(ax)
    assert len(rectangles) == len(categories) * len(study.options)
    legend = legend_colours(fig)
    assert list(legend) == [choice_label(c, "en") for c in categories]
    for k, category in enumerate(categories):
        row = rectangles[k * len(study.options) : (k + 1) * len(study.options)]
        for i, (bar, option) in enumerate(zip(row, study.options, strict=True)):
            # its width is the category's total, it starts where the previous ones end
            width = math.fsum(option.by_category.get(category, ()))
            left = math.fsum(math.fsum(option.by_category.get(c, ())) for c in categories[:k])
            assert bar.get_width() == pytest.approx(width), (category, option.option)
            assert bar.get_x() == pytest.approx(left), (category, option.option)
            assert bar.get_y() + bar.get_height() / 2 == pytest.approx(i)
            assert colour(bar) == legend[choice_label(category, "en")]
    # each bar ends at the option's total, written there; the first option on top
    assert [t.get_text() for t in ax.get_yticklabels()] == [o.option for o in study.options]
    assert ax.yaxis_inverted()
    for i, option in enumerate(study.options):
        label = next(t for t in ax.texts if t.get_text() == EN.money(option.total))
        assert label.xy == pytest.approx((option.total, i))


def test_cost_by_category_on_the_seed_gives_the_guide_s_totals():
    # DOMAIN.md §4: licence 3 000 + 7 x 600 maintenance + 6 000 services = 13 200;
    # SaaS 2 000 services + 7 x 2 880 = 22 160
    ax = tco_charts.cost_by_category(seed(), FR).axes[0]
    widths = {(round(b.get_y() + b.get_height() / 2), round(b.get_width())) for b in bars(ax)}
    assert {(0, 3000), (0, 4200), (0, 6000), (1, 2000), (1, 20160)} <= widths
    assert {plain(t.get_text()) for t in ax.texts} == {"13 200 €", "22 160 €"}


# --- roi_waterfall --------------------------------------------------------------------------


@pytest.mark.parametrize("case", [WORKED, THREE_AXES], ids=["worked", "two axes"])
def test_the_waterfall_steps_are_the_present_values_and_end_at_the_npv(case):
    result = analyse_roi(case).risk_adjusted
    fig = roi_charts.roi_waterfall(result, EN)
    ax = fig.axes[0]
    steps = [(axis, pv) for axis, pv in result.pv_by_axis.items() if abs(pv) > 0.5]
    expected = [pv for _, pv in steps] + [-result.pv_costs]
    rectangles = bars(ax)
    assert len(rectangles) == len(expected) + 1
    level = 0.0
    for i, (bar, value) in enumerate(zip(rectangles, expected, strict=False)):
        # each step starts where the previous one ended, its height the model's value
        assert bar.get_x() + bar.get_width() / 2 == pytest.approx(i)
        assert bar.get_y() == pytest.approx(level)
        assert bar.get_height() == pytest.approx(value)
        assert colour(bar) == (PALETTE[2] if value >= 0 else "#c00000").lower()
        level += value
    total = rectangles[-1]
    assert (total.get_y(), total.get_height()) == pytest.approx((0, result.npv))
    # each step named after its axis (wrapped on two lines at most), then costs and net gain
    labels = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    assert labels[:-2] == [EN.t(f"roi.axis.{axis.value}") for axis, _ in steps]
    assert labels[-2:] == [EN.t("roi.chart.costs"), EN.t("roi.chart.total")]
    assert EN.money(result.npv) in [t.get_text() for t in ax.texts]


def test_the_worked_waterfall_is_discounted():
    result = analyse_roi(WORKED).unadjusted
    ax = roi_charts.roi_waterfall(result, EN).axes[0]
    efficiency, costs, total = bars(ax)
    # roi.py's docstring: benefits 10 000, 20 000, 20 000 and costs 20 000 + 3 x 2 000, at 10 %
    assert efficiency.get_height() == pytest.approx(10_000 / 1.1 + 20_000 / 1.21 + 20_000 / 1.331)
    assert costs.get_height() == pytest.approx(-(20_000 + 2_000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331)))
    assert round(total.get_height()) == 15_672
    assert result.pv_by_axis[Axis.STAFF_EFFICIENCY] == pytest.approx(efficiency.get_height())


# --- roi_cumulative -------------------------------------------------------------------------


@pytest.mark.parametrize("case", [WORKED, THREE_AXES], ids=["worked", "two axes"])
def test_the_cumulative_cash_flow_is_the_model_s_and_crosses_zero_at_the_payback(case):
    result = analyse_roi(case).risk_adjusted
    ax = roi_charts.roi_cumulative(result, FR).axes[0]
    cumulative = result.table.row("cumulative").per_period
    (flow,) = [line for line in ax.lines if len(line.get_xdata()) > 2]
    # from 0, down to the initial period's flow at t=0, then each year's end
    assert flat(curve(flow)) == points(
        [(0, 0), (0, cumulative[0]), *((t, cumulative[t]) for t in range(1, len(cumulative)))]
    )
    assert result.payback_months is not None
    x = result.payback_months / 12
    (marker,) = [line for line in ax.lines if len(line.get_xdata()) == 1]
    assert flat(curve(marker)) == points([(x, 0)])
    assert y_at(flow, x) == pytest.approx(0, abs=1e-6 * abs(cumulative[0]))
    assert vlines(ax) == pytest.approx([x])
    months = f"{result.payback_months:.1f}".replace(".", ",")
    assert f"Délai de récupération\u00a0: {months}\u00a0mois" in [t.get_text() for t in ax.texts]


def test_the_worked_payback_is_at_20_months():
    # roi.py's docstring: cumulative -20 000, -12 000, 6 000, 24 000: 12 x (1 + 12 000 / 18 000)
    ax = roi_charts.roi_cumulative(analyse_roi(WORKED).unadjusted, EN).axes[0]
    (marker,) = [line for line in ax.lines if len(line.get_xdata()) == 1]
    assert flat(curve(marker)) == points([(20 / 12, 0)])
    assert "Payback: 20.0 months" in [t.get_text() for t in ax.texts]


def test_no_payback_no_marker():
    never = RoiCase(WORKED.settings, WORKED.levers, (CostItem("Big", (90_000, 0, 0, 0)),))
    ax = roi_charts.roi_cumulative(analyse_roi(never).risk_adjusted, EN).axes[0]
    assert vlines(ax) == [] and all(len(line.get_xdata()) > 1 for line in ax.lines)


# --- roi_tornado ----------------------------------------------------------------------------


def test_the_tornado_bars_go_from_the_base_to_the_npv_at_each_end():
    drivers = tornado(THREE_AXES)
    fig = roi_charts.roi_tornado(drivers, EN)
    ax = fig.axes[0]
    rectangles = bars(ax)
    assert len(rectangles) == 2 * len(drivers.bars) == 2 * 3  # three inputs given as ranges
    legend = legend_colours(fig)
    low_colour, high_colour = legend[EN.t("roi.chart.at_low")], legend[EN.t("roi.chart.at_high")]
    assert low_colour != high_colour
    for y, bar in enumerate(drivers.bars):
        low, high = rectangles[2 * y], rectangles[2 * y + 1]
        for drawn, npv, wanted in (
            (low, bar.npv_at_low, low_colour),
            (high, bar.npv_at_high, high_colour),
        ):
            assert drawn.get_x() == pytest.approx(drivers.base_npv)
            assert drawn.get_x() + drawn.get_width() == pytest.approx(npv)
            assert drawn.get_y() + drawn.get_height() / 2 == pytest.approx(y)
            assert colour(drawn) == wanted
    # widest swing on top, labelled input (lever)
    assert ax.yaxis_inverted()
    swings = [
        abs(r2.get_width() - r1.get_width())
        for r1, r2 in zip(rectangles[::2], rectangles[1::2], strict=True)
    ]
    assert swings == sorted(swings, reverse=True)
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert labels == [f"{EN.t('roi.input.' + b.input)} ({b.lever})" for b in drivers.bars]
    assert vlines(ax) == pytest.approx([drivers.base_npv])
    # the base is the headline: risk-adjusted, like the report's NPV
    assert drivers.base_npv == pytest.approx(analyse_roi(THREE_AXES).risk_adjusted.npv)


def test_a_tornado_without_ranges_says_so():
    certain = RoiCase(
        WORKED.settings,
        levers=(TimeSaved(name="Search", **{**WORKED.levers[0].inputs_at(), "ramp_up": (1.0,)}),),
        costs=WORKED.costs,
    )
    drivers = tornado(certain)
    assert drivers.bars == ()
    ax = roi_charts.roi_tornado(drivers, FR).axes[0]
    assert bars(ax) == []
    assert [t.get_text() for t in ax.texts] == [
        "Aucune hypothèse n'est donnée en fourchette (valeurs basse et haute)\u00a0: la VAN ne"
        " varie pas."
    ]


# --- npv_distribution -----------------------------------------------------------------------


def test_the_histogram_counts_every_draw_and_marks_p10_p50_p90_and_the_headline():
    risk = monte_carlo(THREE_AXES, 5_000, seed=7)
    headline = analyse_roi(THREE_AXES).risk_adjusted.npv
    fig = roi_charts.npv_distribution(risk, EN, headline=headline)
    ax = fig.axes[0]
    rectangles = bars(ax)
    # every draw in one bar, the bars spanning the draws
    assert sum(r.get_height() for r in rectangles) == risk.iterations
    assert rectangles[0].get_x() == pytest.approx(float(risk.npv_draws.min()))
    right = rectangles[-1].get_x() + rectangles[-1].get_width()
    assert right == pytest.approx(float(risk.npv_draws.max()))
    counts, _ = np.histogram(risk.npv_draws, bins=len(rectangles))
    assert [r.get_height() for r in rectangles] == counts.tolist()
    # P10 / P50 / P90: a rule and its label at the model's percentile, in that order
    labels = {t.get_text(): t.xy[0] for t in ax.texts}
    assert [labels["P10"], labels["P50"], labels["P90"]] == pytest.approx(
        [risk.npv.p10, risk.npv.p50, risk.npv.p90]
    )
    assert labels["P10"] < labels["P50"] < labels["P90"]
    rules = vlines(ax)
    for value in (risk.npv.p10, risk.npv.p50, risk.npv.p90, headline):
        assert any(x == pytest.approx(value) for x in rules)
    # the headline in its own colour, named in the legend, inside its band
    headline_rule = next(line for line in ax.lines if list(line.get_xdata())[:1] == [headline])
    assert legend_colours(fig)[EN.t("roi.chart.headline")] == colour(headline_rule)
    assert risk.npv.p10 <= headline <= risk.npv.p90


def test_the_histogram_marks_zero_only_within_the_draws_reach():
    risk = monte_carlo(THREE_AXES, 2_000, seed=7)
    low, high = float(risk.npv_draws.min()), float(risk.npv_draws.max())
    ax = roi_charts.npv_distribution(risk, EN).axes[0]
    near = low - 0.1 * (high - low) <= 0 <= high + 0.1 * (high - low)
    assert (0.0 in vlines(ax)) == near
    losing = RoiCase(
        THREE_AXES.settings,
        THREE_AXES.levers,
        (CostItem("Set-up", (25_000, 0, 0, 0, 0)),),
    )
    risk = monte_carlo(losing, 2_000, seed=7)
    assert 0 < risk.probability_positive < 1  # zero is among the draws: it is marked
    assert 0.0 in vlines(roi_charts.npv_distribution(risk, EN).axes[0])
