"""ROI: every expected number is recomputed by hand in the comment next to it."""

from __future__ import annotations

import math

import numpy as np
import pytest

from crmwb.core.errors import InputError
from crmwb.core.uncertainty import Pert
from crmwb.roi.levers import (
    AdminTasksAutomated,
    Axis,
    CrossAndUpSell,
    DiscountControl,
    FirstCallResolution,
    HigherAverageBasket,
    Lever,
    LowerAcquisitionCost,
    QualitativeBenefit,
    ReactivatedDormantClients,
    Retention,
    ShorterSalesCycle,
    TimeSaved,
    UndeliverableMailSavings,
)
from crmwb.roi.model import (
    REVENUE_AT_GROSS_MARGIN,
    CostItem,
    IrrStatus,
    RoiCase,
    RoiSettings,
    TcoBasis,
    analyse_roi,
    costs_from_tco,
    discounted_payback_months,
    internal_rate_of_return,
    payback_months,
    present_value,
    project_team_cost,
    training_time_cost,
)
from crmwb.roi.study import break_even_realisation, monte_carlo, roi_study, scenarios, tornado
from crmwb.tco.model import Category, TcoSettings, option_from_schedules


def amount(value: float | Pert, **common: object) -> DiscountControl:
    """A lever whose yearly value is ``value`` itself (value x 1 x 1)."""
    return DiscountControl(
        discounted_revenue=value, average_discount_rate=1, share_avoided=1, **common
    )


def worked_case(**lever_common: object) -> RoiCase:
    """Benefits 1 210 a year, half in year 1; costs 1 000 initially, 110 and 121 after; 10 %."""
    return RoiCase(
        RoiSettings(horizon_years=2, discount_rate=0.10),
        levers=(amount(1210, name="Benefit", ramp_up=(0.5, 1.0), **lever_common),),
        costs=(CostItem("Costs", (1000, 110, 121)),),
    )


# --- present values, ROI, NPV, payback, IRR ------------------------------------------------------


def test_present_value_with_an_initial_period() -> None:
    # 1000 (t=0, not discounted) + 110 / 1.1 + 121 / 1.21 = 1000 + 100 + 100
    assert present_value([1000, 110, 121], 0.10) == pytest.approx(1200)


def test_cash_flow_table_pv_roi_npv() -> None:
    result = analyse_roi(worked_case()).unadjusted
    table = result.table
    # the columns are messages, written in the reader's language
    assert [column.text("en") for column in table.columns] == [
        "Initial (t=0)",
        "Year 1",
        "Year 2",
        "Total",
        "Present value",
    ]
    assert [column.text("fr") for column in table.columns] == [
        "Période initiale (t=0)",
        "Année 1",
        "Année 2",
        "Total",
        "Valeur actuelle",
    ]
    # benefits: 0 at t=0, 1210 x 0.5 = 605, then 1210
    assert table.row("benefits").per_period == (0, 605, 1210)
    assert table.row("benefits").total == 1815  # 605 + 1210
    # PV benefits = 605 / 1.1 + 1210 / 1.21 = 550 + 1000
    assert result.pv_benefits == pytest.approx(1550)
    assert table.row("benefits").present_value == pytest.approx(1550)
    # PV costs = 1000 + 110 / 1.1 + 121 / 1.21 = 1200
    assert result.pv_costs == pytest.approx(1200)
    # NPV = 1550 - 1200 = 350; ROI = 350 / 1200
    assert result.npv == pytest.approx(350)
    assert result.roi == pytest.approx(350 / 1200)
    # net = (-1000, 605 - 110, 1210 - 121) = (-1000, 495, 1089); cumulative -1000, -505, 584
    assert table.row("net").per_period == (-1000, 495, 1089)
    assert table.row("cumulative").per_period == (-1000, -505, 584)
    assert table.row("cumulative").total is None
    # the seeds' definition: gains - investment = 1815 - (1000 + 110 + 121) = 584
    assert result.gains_minus_investment == pytest.approx(584)
    assert result.benefits_by_axis[Axis.REVENUE_AND_COSTS] == (0, 605, 1210)
    assert result.benefits_by_axis[Axis.STAFF_EFFICIENCY] == (0, 0, 0)


def test_payback_interpolated_undiscounted_and_discounted() -> None:
    result = analyse_roi(worked_case()).unadjusted
    # cumulative -505 at the end of year 1; year 2 brings 1089 evenly:
    # 12 x (1 + 505 / 1089) = 17.5647 months
    assert result.payback_months == pytest.approx(12 * (1 + 505 / 1089))
    # discounted net: -1000, 495 / 1.1 = 450, 1089 / 1.21 = 900; cumulative -1000, -550, 350
    # 12 x (1 + 550 / 900) = 19.333 months
    assert result.discounted_payback_months == pytest.approx(12 * (1 + 550 / 900))


def test_payback_in_the_first_year_and_never() -> None:
    # -120 paid back by 240 a year: 120 / 240 of year 1 = 6 months
    assert payback_months([-120, 240, 240]) == pytest.approx(6)
    # cumulative -100 + 30 + 30 = -40 at the end: never paid back
    assert payback_months([-100, 30, 30]) is None
    # nothing invested: paid back at once
    assert payback_months([0, 10]) == 0
    # cumulative -100, 50, -30, 30: back below 0 at the end of year 2; year 3 brings 60:
    # 12 x (2 + 30 / 60) = 30 months, not the first crossing in year 1 (8 months)
    assert payback_months([-100, 150, -80, 60]) == pytest.approx(30)
    # discounted at 10 %: -100, 55 / 1.1 = 50, 66 / 1.21 = 54.545; 50 / 54.545 of year 2
    assert discounted_payback_months([-100, 55, 66], 0.10) == pytest.approx(
        12 * (1 + 50 / 60 * 1.1)
    )


def test_irr_one_sign_change() -> None:
    # -100 + 110 / (1 + r) = 0  =>  r = 10 %
    irr = internal_rate_of_return([-100, 110])
    assert irr.status is IrrStatus.DEFINED
    assert irr.rate == pytest.approx(0.10)
    # -100 + 60 / (1 + r) + 60 / (1 + r)^2 = 0 => with x = 1 / (1 + r): 60x^2 + 60x - 100 = 0,
    # x = (-60 + sqrt(3600 + 24000)) / 120 = 0.884437..., r = 1 / x - 1 = 13.066 %
    x = (-60 + math.sqrt(3600 + 24000)) / 120
    assert internal_rate_of_return([-100, 60, 60]).rate == pytest.approx(1 / x - 1)
    # the case: NPV at the IRR is 0
    result = analyse_roi(worked_case()).unadjusted
    assert result.irr.rate is not None
    assert present_value(result.table.row("net").per_period, result.irr.rate) == pytest.approx(
        0, abs=1e-6
    )


def test_irr_several_sign_changes_is_flagged_without_a_number() -> None:
    # -100, +230, -132: NPV = 0 at both 10 % and 20 % (-100 (1+r)^2 + 230 (1+r) - 132 = 0)
    irr = internal_rate_of_return([-100, 230, -132])
    assert irr.status is IrrStatus.NOT_UNIQUE
    assert irr.rate is None
    assert irr.sign_changes == 2
    # the same series from a case: benefit 230 in year 1 only (ramp 100 % then 0 %)
    case = RoiCase(
        RoiSettings(2, 0.10),
        levers=(amount(230, ramp_up=(1.0, 0.0)),),
        costs=(CostItem("Costs", (100, 0, 132)),),
    )
    result = analyse_roi(case).unadjusted
    assert result.table.row("net").per_period == (-100, 230, -132)
    assert result.irr.status is IrrStatus.NOT_UNIQUE
    assert result.irr.rate is None


def test_irr_undefined_without_a_sign_change() -> None:
    assert internal_rate_of_return([-100, -10]).status is IrrStatus.UNDEFINED


# --- ramp-up and risk adjustment -----------------------------------------------------------------


def test_ramp_up_last_share_held() -> None:
    case = RoiCase(
        RoiSettings(4, 0.0),
        levers=(amount(1000, ramp_up=(0.5, 0.8)),),
        costs=(CostItem("Costs", (0, 0, 0, 0, 0)),),
    )
    # 1000 x (0, 0.5, 0.8, 0.8 held, 0.8 held)
    benefits = analyse_roi(case).unadjusted.table.row("benefits").per_period
    assert benefits == (0, 500, 800, 800, 800)


def test_risk_adjustment_side_by_side() -> None:
    case = RoiCase(
        RoiSettings(1, 0.0),
        levers=(amount(1000, risk_adjustment=0.2),),
        costs=(CostItem("Costs", (500, 0), risk_adjustment=0.1),),
    )
    analysis = analyse_roi(case)
    # unadjusted: 1000 - 500 = 500; ROI = 500 / 500 = 1
    assert analysis.unadjusted.npv == pytest.approx(500)
    assert analysis.unadjusted.roi == pytest.approx(1.0)
    # adjusted: benefits 1000 x (1 - 0.2) = 800; costs 500 x (1 + 0.1) = 550; NPV 250
    assert analysis.risk_adjusted.table.row("benefits").per_period == (0, 800)
    assert analysis.risk_adjusted.table.row("costs").per_period == pytest.approx((550, 0))
    assert analysis.risk_adjusted.npv == pytest.approx(250)
    assert analysis.risk_adjusted.roi == pytest.approx(250 / 550)
    assert analysis.risk_adjusted.risk_adjusted and not analysis.unadjusted.risk_adjusted


def test_the_risk_adjustment_is_a_line_of_its_own() -> None:
    case = RoiCase(
        RoiSettings(1, 0.0),
        levers=(amount(1000, name="Benefit", risk_adjustment=0.2),),
        costs=(CostItem("Costs", (500, 0), risk_adjustment=0.1),),
    )
    adjusted, unadjusted = analyse_roi(case).risk_adjusted, analyse_roi(case).unadjusted
    table = adjusted.table
    # each line keeps its source's amounts (the TCO option's cost line is the TCO report's)...
    assert table.row("Benefit").per_period == (0, 1000)
    assert table.row("Costs").per_period == (500, 0)
    # ... and the adjustment is a line of its own: -1000 x 20 % = -200, +500 x 10 % = +50
    assert table.row("Risk adjustment of the benefits").per_period == pytest.approx((0, -200))
    assert table.row("Risk adjustment of the costs (+10%)").per_period == pytest.approx((50, 0))
    # the lines add up to the rows: 1000 - 200 = 800 benefits, 500 + 50 = 550 costs
    for lines, key in ((table.benefit_lines, "benefits"), (table.cost_lines, "costs")):
        summed = [math.fsum(column) for column in zip(*(r.per_period for r in lines), strict=True)]
        assert summed == pytest.approx(table.row(key).per_period)
    # the unadjusted results have no adjustment line
    assert [len(unadjusted.table.benefit_lines), len(unadjusted.table.cost_lines)] == [1, 1]


def test_cost_lines_with_different_adjustments_share_one_adjustment_line() -> None:
    case = RoiCase(
        RoiSettings(1, 0.0),
        levers=(amount(1000),),
        costs=(
            CostItem("A", (500, 0), risk_adjustment=0.1),
            CostItem("B", (0, 100), risk_adjustment=0.2),
        ),
    )
    lines = analyse_roi(case).risk_adjusted.table.cost_lines
    # 500 x 10 % = 50 in t=0, 100 x 20 % = 20 in year 1
    assert lines[-1].label.text("en") == "Risk adjustment of the costs"  # type: ignore[union-attr]
    assert lines[-1].per_period == pytest.approx((50, 20))


def test_present_values_by_axis_add_up_to_the_benefits() -> None:
    case = RoiCase(
        RoiSettings(2, 0.10),
        levers=(
            amount(1210, name="Revenue", ramp_up=(0.5, 1.0)),
            TimeSaved(
                users=1,
                minutes_a_day=60,
                working_days=100,
                loaded_hourly_cost=11,
                productive_share=1,
                risk_adjustment=0.5,
            ),
        ),
        costs=(CostItem("Costs", (1000, 0, 0)),),
    )
    result = analyse_roi(case).risk_adjusted
    # revenue: 605 / 1.1 + 1210 / 1.21 = 550 + 1000 = 1550; time saved 1100 x 50 % = 550 a
    # year: 550 / 1.1 + 550 / 1.21 = 500 + 454.55
    assert result.pv_by_axis[Axis.REVENUE_AND_COSTS] == pytest.approx(1550)
    assert result.pv_by_axis[Axis.STAFF_EFFICIENCY] == pytest.approx(500 + 550 / 1.21)
    assert result.pv_by_axis[Axis.CUSTOMER_KNOWLEDGE] == 0
    assert math.fsum(result.pv_by_axis.values()) == pytest.approx(result.pv_benefits)


def test_the_tco_basis_says_whether_the_roi_has_its_own_rate() -> None:
    settings = TcoSettings(3, discount_rate=0.08)
    tco = option_from_schedules(
        "SaaS", [(Category.SUBSCRIPTION, "", [2000, 2880, 2880, 2880])], settings
    )
    basis = TcoBasis.of(tco, settings.discount_rate)
    # 2 000 + 3 x 2 880 = 10 640; PV 2 000 + 2 880 x (1 - 1.08^-3) / 0.08 = 9 422.03
    assert basis.total == pytest.approx(10_640)
    assert basis.present_value == pytest.approx(2000 + 2880 * (1 - 1.08**-3) / 0.08)
    same = RoiCase(RoiSettings(3, 0.08), (amount(5000),), (costs_from_tco(tco),), tco=basis)
    other = RoiCase(RoiSettings(3, 0.10), (amount(5000),), (costs_from_tco(tco),), tco=basis)
    assert not same.own_discount_rate and other.own_discount_rate
    # at the same rate, the ROI's TCO line is the TCO report's, total and present value
    line = analyse_roi(same).unadjusted.table.cost_lines[0]
    assert (line.total, line.present_value) == pytest.approx((basis.total, basis.present_value))


# --- levers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lever", "expected"),
    [
        # 2000 dormant x 5 % x 300 basket x 40 % margin = 12 000
        (
            ReactivatedDormantClients(
                dormant_clients=2000,
                reactivation_rate=0.05,
                average_basket=300,
                gross_margin_rate=0.4,
            ),
            12_000,
        ),
        # 10 000 orders x 5 more per order x 30 % margin = 15 000
        (
            HigherAverageBasket(orders_a_year=10_000, basket_increase=5, gross_margin_rate=0.3),
            15_000,
        ),
        # 5 000 customers x 2 % take up x 500 x 50 % margin = 25 000
        (
            CrossAndUpSell(
                customers=5000, take_up_rate=0.02, additional_revenue=500, gross_margin_rate=0.5
            ),
            25_000,
        ),
        # 400 new customers x 150 each x 10 % cheaper = 6 000
        (
            LowerAcquisitionCost(new_customers=400, acquisition_cost=150, cost_reduction_rate=0.1),
            6_000,
        ),
        # 100 000 mailings x 8 % NPAI x 75 % avoided x 1.50 = 9 000
        (UndeliverableMailSavings(mailings=100_000, npai_rate=0.08, share_avoided=0.75), 9_000),
        # 1 000 000 discounted revenue x 10 % discount x 20 % avoided = 20 000
        (
            DiscountControl(
                discounted_revenue=1_000_000, average_discount_rate=0.1, share_avoided=0.2
            ),
            20_000,
        ),
        # 20 users x 30 min / 60 x 210 days x 50 an hour x 50 % productive = 52 500
        (
            TimeSaved(
                users=20,
                minutes_a_day=30,
                working_days=210,
                loaded_hourly_cost=50,
                productive_share=0.5,
            ),
            52_500,
        ),
        # 6 000 tasks x 20 min / 60 x 45 an hour x 50 % automated = 45 000
        (
            AdminTasksAutomated(
                tasks_a_year=6000, minutes_per_task=20, loaded_hourly_cost=45, share_automated=0.5
            ),
            45_000,
        ),
        # 200 deals x 10 % shorter x 8 000 x 25 % margin = 40 000
        (
            ShorterSalesCycle(
                deals_a_year=200,
                cycle_reduction_rate=0.1,
                average_deal_value=8000,
                gross_margin_rate=0.25,
            ),
            40_000,
        ),
        # 5 000 calls x 6 % repeats avoided x 120 an intervention = 36 000
        (
            FirstCallResolution(
                service_calls=5000, repeat_avoided_rate=0.06, intervention_cost=120
            ),
            36_000,
        ),
        # 10 000 customers x 1 point of churn x 400 a year x 35 % margin = 14 000
        (
            Retention(
                customers=10_000, churn_reduction=0.01, customer_value=400, gross_margin_rate=0.35
            ),
            14_000,
        ),
    ],
)
def test_lever_formulas(lever: Lever, expected: float) -> None:
    assert lever.yearly_value == pytest.approx(expected)


def test_levers_grouped_by_the_three_axes() -> None:
    assert TimeSaved.AXIS is Axis.STAFF_EFFICIENCY
    assert Retention.AXIS is Axis.CUSTOMER_KNOWLEDGE
    assert UndeliverableMailSavings.AXIS is Axis.REVENUE_AND_COSTS
    assert QualitativeBenefit("Better customer knowledge").axis is Axis.CUSTOMER_KNOWLEDGE
    assert "gross margin" in REVENUE_AT_GROSS_MARGIN
    assert "gross margin" in (ReactivatedDormantClients.__doc__ or "")


def test_qualitative_benefits_carried_without_a_number() -> None:
    benefit = QualitativeBenefit("Satisfaction", "Customers heard and answered faster")
    case = RoiCase(
        RoiSettings(1), levers=(), costs=(CostItem("Costs", (10, 0)),), qualitative=(benefit,)
    )
    analysis = analyse_roi(case)
    assert analysis.qualitative == (benefit,)
    assert analysis.unadjusted.pv_benefits == 0


def test_internal_costs() -> None:
    # 40 days x 450 = 18 000 in the initial period
    assert project_team_cost(40, 450, 2).per_period == (18_000, 0, 0)
    # 20 users x 7 hours x 40 = 5 600, in year 1 here
    assert training_time_cost(20, 7, 40, 2, period=1).per_period == (0, 5_600, 0)


def test_costs_from_the_tco_option() -> None:
    tco = option_from_schedules(
        "SaaS", [(Category.SUBSCRIPTION, "", [2000, 2880, 2880, 2880])], TcoSettings(3)
    )
    case = RoiCase(RoiSettings(3, 0.0), levers=(amount(5000),), costs=(costs_from_tco(tco),))
    # 3 x 5000 - (2000 + 3 x 2880) = 15 000 - 10 640 = 4 360
    assert analyse_roi(case).unadjusted.npv == pytest.approx(4360)


# --- uncertainty ---------------------------------------------------------------------------------


def test_break_even_realisation() -> None:
    case = worked_case()
    # PV costs / PV benefits = 1200 / 1550
    share = break_even_realisation(case)
    assert share == pytest.approx(1200 / 1550)
    # check: with the benefits scaled by that share, NPV = 0
    assert share is not None
    scaled = RoiCase(
        case.settings,
        levers=(amount(1210 * share, ramp_up=(0.5, 1.0)),),
        costs=case.costs,
    )
    assert analyse_roi(scaled).unadjusted.npv == pytest.approx(0, abs=1e-9)


def uncertain_case() -> RoiCase:
    # horizon 1 year, no discounting: NPV = A + B - 1000
    return RoiCase(
        RoiSettings(1, 0.0),
        levers=(
            amount(Pert(900, 1000, 1100), name="A"),  # range 200
            amount(Pert(500, 1000, 2000), name="B"),  # range 1500
        ),
        costs=(CostItem("Costs", (1000, 0)),),
    )


def test_scenarios_side_by_side() -> None:
    conservative, expected, optimistic = scenarios(uncertain_case())
    assert conservative.name == "conservative"
    assert conservative.result.npv == pytest.approx(400)  # 900 + 500 - 1000
    assert expected.result.npv == pytest.approx(1000)  # 1000 + 1000 - 1000
    assert optimistic.result.npv == pytest.approx(2100)  # 1100 + 2000 - 1000


def test_tornado_sorted_by_swing() -> None:
    result = tornado(uncertain_case())
    assert result.base_npv == pytest.approx(1000)  # 1000 + 1000 - 1000
    first, second = result.bars
    # B from 500 to 2000 (A at 1000): NPV 500 to 2000, swing 1500
    assert (first.lever, first.input) == ("B", "discounted_revenue")
    assert (first.npv_at_low, first.npv_at_high) == pytest.approx((500, 2000))
    assert first.swing == pytest.approx(1500)
    # A from 900 to 1100 (B at 1000): NPV 900 to 1100, swing 200
    assert second.lever == "A"
    assert second.swing == pytest.approx(200)


def test_monte_carlo_reproducible_with_a_seed() -> None:
    case = uncertain_case()
    first = monte_carlo(case, 5000, seed=11)
    again = monte_carlo(case, 5000, seed=11)
    other = monte_carlo(case, 5000, seed=12)
    assert np.array_equal(first.npv_draws, again.npv_draws)
    assert first.npv == again.npv
    assert not np.array_equal(first.npv_draws, other.npv_draws)
    assert first.npv.p10 <= first.npv.p50 <= first.npv.p90


def test_monte_carlo_always_positive_and_mean() -> None:
    # worst case 900 + 500 - 1000 = 400 > 0 in every draw
    result = monte_carlo(uncertain_case(), 100_000, seed=3)
    assert result.probability_positive == 1.0
    # PERT means: A (900 + 4000 + 1100) / 6 = 1000, B (500 + 4000 + 2000) / 6 = 1083.33;
    # mean NPV = 1000 + 1083.33 - 1000 = 1083.33 (standard error about 1.4)
    assert result.mean_npv == pytest.approx(1000 + 6500 / 6 - 1000, abs=10)


def test_monte_carlo_with_no_uncertain_input_is_the_npv() -> None:
    result = monte_carlo(worked_case(), 10, seed=0)
    assert result.npv.p50 == pytest.approx(350)  # the worked case's NPV
    assert result.probability_positive == 1.0


def test_the_study_puts_the_headline_inside_its_band() -> None:
    case = RoiCase(
        RoiSettings(1, 0.0),
        levers=(
            amount(Pert(900, 1000, 1100), name="A", risk_adjustment=0.2),
            amount(Pert(500, 1000, 2000), name="B", risk_adjustment=0.2),
        ),
        costs=(CostItem("Costs", (1000, 0), risk_adjustment=0.1),),
    )
    study = roi_study(case, 20_000, seed=5)
    # headline, risk-adjusted: (1000 + 1000) x 80 % - 1000 x 110 % = 500
    assert study.headline.npv == pytest.approx(500)
    assert study.risk is not None and study.tornado is not None and study.scenarios is not None
    # the band on the same basis: (A + B) x 0.8 - 1100, each between its low and high
    assert study.risk.npv.p10 <= study.headline.npv <= study.risk.npv.p90
    assert study.tornado.base_npv == pytest.approx(study.headline.npv)
    assert study.scenarios[1].result.npv == pytest.approx(study.headline.npv)
    # the conservative scenario: (900 + 500) x 0.8 - 1100 = 20
    assert study.scenarios[0].result.npv == pytest.approx(20)
    # break-even realisation, adjusted: 1100 / 1600
    assert study.break_even == pytest.approx(1100 / 1600)


def test_a_study_without_ranges_or_benefits_has_nothing_uncertain() -> None:
    certain = roi_study(worked_case())
    assert (certain.scenarios, certain.tornado, certain.risk) == (None, None, None)
    assert certain.has_benefits
    nothing = roi_study(RoiCase(RoiSettings(2, 0.1), (), (CostItem("Costs", (1000, 0, 0)),)))
    assert not nothing.has_benefits and nothing.break_even is None
    # without a benefit the NPV is minus the costs, and nothing pays back
    assert nothing.headline.npv == pytest.approx(-1000)
    assert nothing.headline.payback_months is None


def test_monte_carlo_risk_adjusted() -> None:
    case = RoiCase(
        RoiSettings(1, 0.0),
        levers=(amount(Pert(1000, 1000, 1000), risk_adjustment=0.5),),
        costs=(CostItem("Costs", (600, 0)),),
    )
    # 1000 x (1 - 0.5) - 600 = -100: never positive once adjusted (the default: the basis
    # of the headline figures)
    assert monte_carlo(case, 100, seed=0).probability_positive == 0.0
    assert monte_carlo(case, 100, seed=0, risk_adjusted=False).probability_positive == 1.0


# --- bad input -----------------------------------------------------------------------------------


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_rate_given_as_a_percent_is_refused_with_a_hint() -> None:
    with pytest.raises(InputError) as caught:
        ReactivatedDormantClients(
            name="Dormant",
            dormant_clients=100,
            reactivation_rate=25,
            average_basket=10,
            gross_margin_rate=0.4,
        )
    # the lever by its name, the input by its label, and a hint
    assert caught.value.message("en") == (
        "lever 'Dormant', 'Reactivation rate': a fraction between 0 and 1; found 25"
        " (did you mean 25%? type 25% or 0.25, not 25)"
    )
    assert plain(str(caught.value)) == (
        "levier « Dormant », « Taux de réactivation » : une fraction comprise entre 0 et 1 ;"
        " trouvé : 25 (vouliez-vous dire 25 % ? tapez 25 % ou 0,25, pas 25)"
    )


def test_rate_range_given_as_percents_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        TimeSaved(
            users=1,
            minutes_a_day=1,
            working_days=1,
            loaded_hourly_cost=1,
            productive_share=Pert(0.1, 0.2, 30),
        )
    message = caught.value.message("en")
    assert "'Share of the time saved turned productive'" in message
    assert "found 30 (did you mean 30%? type 30% or 0.3, not 30)" in message


def test_ramp_up_over_100_percent_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        amount(100, ramp_up=(0.5, 1.2))
    assert caught.value.message("en").endswith(
        ": ramp-up shares between 0 and 1 (at most 100% realised); found 1.2"
        " (a lever realises at most 100% of its yearly value)"
    )
    with pytest.raises(InputError) as caught:
        amount(100, ramp_up=(50, 80))
    assert "found 50 (did you mean 50%? type 50% or 0.5, not 50)" in caught.value.message("en")


def test_negative_volume_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        UndeliverableMailSavings(mailings=-5000, npai_rate=0.05, share_avoided=0.5)
    assert caught.value.message("en") == (
        "lever 'Undeliverable mail (NPAI) savings', 'Mailings a year': a number >= 0; found -5,000"
    )
    assert plain(str(caught.value)).endswith(
        "« Envois postaux par an » : un nombre ≥ 0 ; trouvé : -5 000"
    )
    with pytest.raises(InputError) as caught:
        CostItem("Licences", (-1, 0))
    assert caught.value.message("en") == "cost 'Licences': amounts >= 0; found -1"


def test_missing_input_is_named() -> None:
    with pytest.raises(InputError) as caught:
        TimeSaved(
            name="Search time", users=10, minutes_a_day=15, working_days=200, productive_share=0.5
        )
    message = caught.value.message("en")
    assert message.startswith("lever 'Search time': a value for 'Loaded hourly cost'; found none")
    # the hint gives the lever's formula, in words
    assert message.endswith(
        "(Time saved: Users × Minutes saved a day × Working days a year × Loaded hourly cost"
        " × Share of the time saved turned productive)"
    )
    assert "« Coût horaire chargé »" in plain(str(caught.value))


@pytest.mark.parametrize(("rate", "shown"), [(-1.0, "-1"), (-1.5, "-1.5")])
def test_discount_rate_of_minus_100_percent_or_less_is_refused(rate: float, shown: str) -> None:
    with pytest.raises(InputError) as caught:
        RoiSettings(3, rate)
    assert caught.value.message("en").startswith(
        f"a discount rate above -100%; found {shown} (the discount factor"
    )


def test_discount_rate_as_a_percent_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        RoiSettings(3, 10)
    assert caught.value.message("en") == (
        "a discount rate as a fraction below 1; found 10 (did you mean 10%? type 10% or 0.1,"
        " not 10)"
    )


def test_cost_series_of_another_horizon_is_refused() -> None:
    tco = option_from_schedules(
        "Licence", [(Category.LICENCE, "", [3000, 600, 600, 600])], TcoSettings(3)
    )
    with pytest.raises(InputError) as caught:
        RoiCase(RoiSettings(5), levers=(amount(1000),), costs=(costs_from_tco(tco),))
    assert caught.value.message("en") == (
        "cost 'TCO: Licence': 6 amounts (the initial period and 5 years, the benefits' horizon);"
        " found 4 amounts (put the TCO and the ROI on one horizon)"
    )
    assert plain(str(caught.value)).startswith(
        "coût « TCO de l'option Licence » : 6 montants (la période initiale et 5 années"
    )


def test_no_tco_available() -> None:
    with pytest.raises(InputError) as caught:
        costs_from_tco(None)
    assert caught.value.message("en") == (
        "the TCO of the chosen option; found none (run or fill the TCO first)"
    )
