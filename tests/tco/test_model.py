"""TCO arithmetic (crmwb.tco.model) against numbers a consultant can recompute by hand.

Pure domain: no file is read or written here. Every expected number has its hand computation
next to it. Period 0 is the initial period (set-up costs), periods 1..n are the years.
"""

from __future__ import annotations

import pytest

from crmwb.core.errors import InputError
from crmwb.tco.model import (
    Basis,
    Category,
    CostLine,
    Frequency,
    TcoSettings,
    accrual_path,
    break_even_points,
    compare_options,
    cumulative_at,
    line_costs,
    option_costs,
    present_value,
)

C, F, B = Category, Frequency, Basis


# --- helpers -------------------------------------------------------------------------------


def seed_lines() -> list[CostLine]:
    """DOMAIN.md §4: licence 3 000 for 4 users + 20 % maintenance + 6 000 of services,
    against SaaS at 60 per user per month + 2 000 of services."""
    return [
        CostLine("Licence", C.LICENCE, F.ONE_OFF, B.FLAT, 3000),
        CostLine("Licence", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE, rate=0.20),
        CostLine("Licence", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 6000),
        CostLine("SaaS", C.SUBSCRIPTION, F.MONTHLY, B.PER_USER, 60),
        CostLine("SaaS", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 2000),
    ]


def seed(horizon: int = 7, rate: float = 0.0):
    return compare_options(
        seed_lines(), TcoSettings(horizon_years=horizon, discount_rate=rate, users=4)
    )


def yearly(price: float, **kwargs) -> CostLine:
    return CostLine("A", C.SUBSCRIPTION, F.YEARLY, B.FLAT, price, **kwargs)


def one_off(price: float, **kwargs) -> CostLine:
    return CostLine("A", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, price, **kwargs)


def periods(line: CostLine, settings: TcoSettings, licence_base: float = 0.0) -> list[float]:
    return [round(x, 6) for x in line_costs(line, settings, licence_base).per_period]


# --- 1. the seed example (DOMAIN.md §4) ----------------------------------------------------


def test_seed_totals_on_seven_years():
    study = seed(7)
    # licence: 3 000 + 6 000 + 7 x 600 = 13 200
    assert study.option("Licence").total == pytest.approx(13_200)
    # SaaS: 2 000 + 7 x (60 x 4 x 12 = 2 880) = 2 000 + 20 160 = 22 160
    assert study.option("SaaS").total == pytest.approx(22_160)
    assert study.cheapest.option == "Licence"
    # 22 160 - 13 200 = 8 960
    assert study.gap == pytest.approx(8_960)


def test_seed_totals_on_six_years():
    study = seed(6)
    # licence: 3 000 + 6 000 + 6 x 600 = 12 600
    assert study.option("Licence").total == pytest.approx(12_600)
    # SaaS: 2 000 + 6 x 2 880 = 19 280
    assert study.option("SaaS").total == pytest.approx(19_280)


def test_seed_yearly_costs():
    study = seed(7)
    # initial period: 3 000 + 6 000 = 9 000; then 20 % x 3 000 = 600 a year
    assert study.option("Licence").per_period == pytest.approx([9000] + [600] * 7)
    # initial period: 2 000; then 60 x 4 users x 12 months = 2 880 a year
    assert study.option("SaaS").per_period == pytest.approx([2000] + [2880] * 7)


def test_seed_cumulative_end_of_year_3_and_4():
    study = seed(7)
    licence, saas = study.option("Licence"), study.option("SaaS")
    # end of year 3: SaaS 2 000 + 3 x 2 880 = 10 640; licence 9 000 + 3 x 600 = 10 800
    assert saas.cumulative[3] == pytest.approx(10_640)
    assert licence.cumulative[3] == pytest.approx(10_800)
    # end of year 4: SaaS 2 000 + 4 x 2 880 = 13 520; licence 9 000 + 4 x 600 = 11 400
    assert saas.cumulative[4] == pytest.approx(13_520)
    assert licence.cumulative[4] == pytest.approx(11_400)


def test_seed_break_even_during_year_4_month_37():
    (be,) = seed(7).break_evens
    assert (be.now_dearer, be.now_cheaper) == ("SaaS", "Licence")
    # start of year 1: licence 9 000 vs SaaS 2 000, licence dearer by 7 000;
    # the gap closes by (2 880 - 600) / 12 = 190 a month; end of year 3 it is 160 (10 800 -
    # 10 640), so the crossing is at 36 + 160/190 = 36.842 months (= 7 000 / 190)
    assert be.months == pytest.approx(36 + 160 / 190)
    assert be.month == 37  # 36.84 falls in the 37th month
    assert be.year == 4  # months 37..48 are year 4
    # licence at the crossing: 10 800 + 600/12 x 160/190 = 10 800 + 42.105 = 10 842.105
    assert be.cumulative_cost == pytest.approx(10_800 + 50 * 160 / 190)


def test_seed_cost_per_user_per_month():
    study = seed(7)
    # 13 200 / (4 users x 84 months = 336) = 39.2857...
    assert study.option("Licence").cost_per_user_per_month == pytest.approx(39.2857, abs=1e-4)
    # 22 160 / 336 = 65.952...
    assert study.option("SaaS").cost_per_user_per_month == pytest.approx(65.9524, abs=1e-4)


def test_cost_per_user_per_month_is_none_without_users():
    costs = option_costs("A", [yearly(1000)], TcoSettings(horizon_years=3, users=0))
    assert costs.cost_per_user_per_month is None


def test_seed_one_off_and_recurring_split():
    licence = seed(7).option("Licence")
    # one-off: 3 000 + 6 000 = 9 000; recurring: 7 x 600 = 4 200
    assert licence.one_off_total == pytest.approx(9_000)
    assert licence.recurring_total == pytest.approx(4_200)


def test_seed_by_category():
    licence = seed(7).option("Licence")
    # licence 3 000 at t=0 only; maintenance 600 in years 1..7
    assert licence.by_category[C.LICENCE] == pytest.approx([3000] + [0] * 7)
    assert licence.by_category[C.MAINTENANCE] == pytest.approx([0] + [600] * 7)
    assert C.SUBSCRIPTION not in licence.by_category


# --- 2. escalation -------------------------------------------------------------------------


def test_line_escalation_compounds_from_year_2():
    settings = TcoSettings(horizon_years=3)
    # 1 000; 1 000 x 1.1 = 1 100; 1 000 x 1.1^2 = 1 210
    assert periods(yearly(1000, escalation=0.10), settings) == [0, 1000, 1100, 1210]


def test_default_escalation_from_settings_applies_when_line_has_none():
    settings = TcoSettings(horizon_years=3, escalation=0.10)
    # same as above, the 10 % coming from the settings: 1 000, 1 100, 1 210
    assert periods(yearly(1000), settings) == [0, 1000, 1100, 1210]


def test_line_escalation_overrides_settings():
    settings = TcoSettings(horizon_years=3, escalation=0.10)
    # line says 5 %: 1 000, 1 050, 1 000 x 1.05^2 = 1 102.5
    assert periods(yearly(1000, escalation=0.05), settings) == [0, 1000, 1050, 1102.5]
    # line says 0 % (a fixed-price contract): 0 overrides the settings' 10 %, not "empty"
    assert periods(yearly(1000, escalation=0.0), settings) == [0, 1000, 1000, 1000]


def test_monthly_line_escalates_by_year():
    settings = TcoSettings(horizon_years=3, users=4, escalation=0.05)
    line = CostLine("SaaS", C.SUBSCRIPTION, F.MONTHLY, B.PER_USER, 60)
    # 60 x 4 x 12 = 2 880; 2 880 x 1.05 = 3 024; 2 880 x 1.05^2 = 3 175.2
    assert periods(line, settings) == [0, 2880, 3024, 3175.2]


def test_one_off_in_later_year_is_escalated():
    settings = TcoSettings(horizon_years=4, escalation=0.10)
    # year 3: 1 000 x 1.1^(3-1) = 1 210
    assert periods(one_off(1000, start_year=3), settings) == [0, 0, 0, 1210, 0]
    # year 1: 1 000 x 1.1^0 = 1 000 (year-1 prices)
    assert periods(one_off(1000, start_year=1), settings) == [0, 1000, 0, 0, 0]


def test_initial_period_is_never_escalated():
    settings = TcoSettings(horizon_years=3, escalation=0.10)
    # a one-off at t=0: 1 000, not 1 000 / 1.1
    assert periods(one_off(1000), settings) == [1000, 0, 0, 0]
    # a recurring line starting at t=0: 1 000 at t=0, 1 000 in year 1, 1 100 in year 2 ...
    assert periods(yearly(1000, start_year=0), settings) == [1000, 1000, 1100, 1210]


# --- 3. pricing bases ----------------------------------------------------------------------


def test_per_user_takes_users_from_settings():
    settings = TcoSettings(horizon_years=3, users=4)
    line = CostLine("SaaS", C.SUBSCRIPTION, F.MONTHLY, B.PER_USER, 60)
    costs = line_costs(line, settings)
    assert costs.quantity == 4
    # 60 x 4 users x 12 months = 2 880 a year
    assert costs.per_period == pytest.approx([0, 2880, 2880, 2880])


def test_per_user_quantity_on_the_line_overrides_settings():
    settings = TcoSettings(horizon_years=3, users=4)
    line = CostLine("SaaS", C.SUBSCRIPTION, F.MONTHLY, B.PER_USER, 60, quantity=10)
    # only 10 users on this edition: 60 x 10 x 12 = 7 200 a year
    assert periods(line, settings) == [0, 7200, 7200, 7200]


def test_per_contact_takes_contacts_from_settings():
    settings = TcoSettings(horizon_years=3, contacts=180_000)
    line = CostLine("SaaS", C.SUBSCRIPTION, F.YEARLY, B.PER_CONTACT, 0.10)
    # 180 000 contacts x 0.10 = 18 000 a year
    assert periods(line, settings) == [0, 18_000, 18_000, 18_000]


def test_per_day_is_days_times_day_rate():
    settings = TcoSettings(horizon_years=3)
    line = CostLine("A", C.CUSTOM_DEVELOPMENT, F.ONE_OFF, B.PER_DAY, 850, quantity=30)
    # 30 days x 850 = 25 500, at t=0
    assert periods(line, settings) == [25_500, 0, 0, 0]


def test_flat_line_quantity_defaults_to_one():
    settings = TcoSettings(horizon_years=3, users=4, contacts=100)
    costs = line_costs(one_off(6000), settings)
    # a flat 6 000 is 6 000, not multiplied by users or contacts
    assert costs.quantity == 1
    assert costs.per_period == pytest.approx([6000, 0, 0, 0])


def test_percent_of_licence_maintenance_flat_licence():
    settings = TcoSettings(horizon_years=3)
    lines = [
        CostLine("A", C.LICENCE, F.ONE_OFF, B.FLAT, 3000),
        CostLine("A", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE, rate=0.20),
    ]
    costs = option_costs("A", lines, settings)
    # 20 % x 3 000 = 600 a year
    assert costs.lines[1].per_period == pytest.approx([0, 600, 600, 600])


def test_percent_of_licence_maintenance_per_user_licence():
    settings = TcoSettings(horizon_years=3, users=40)
    lines = [
        CostLine("A", C.LICENCE, F.ONE_OFF, B.PER_USER, 1450),
        CostLine("A", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE, rate=0.20),
    ]
    costs = option_costs("A", lines, settings)
    # licence 40 x 1 450 = 58 000 at t=0; maintenance 20 % x 58 000 = 11 600 a year
    assert costs.lines[0].per_period == pytest.approx([58_000, 0, 0, 0])
    assert costs.lines[1].per_period == pytest.approx([0, 11_600, 11_600, 11_600])
    # 58 000 + 3 x 11 600 = 92 800
    assert costs.total == pytest.approx(92_800)


def test_percent_of_licence_uses_only_its_own_options_licence():
    settings = TcoSettings(horizon_years=3)
    lines = [
        CostLine("A", C.LICENCE, F.ONE_OFF, B.FLAT, 3000),
        CostLine("A", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE, rate=0.20),
        CostLine("B", C.LICENCE, F.ONE_OFF, B.FLAT, 10_000),
    ]
    study = compare_options(lines, settings)
    # A's maintenance is 20 % x 3 000 = 600, B's 10 000 does not count
    assert study.option("A").lines[1].per_period == pytest.approx([0, 600, 600, 600])


def test_maintenance_counts_a_licence_from_the_year_it_is_bought():
    settings = TcoSettings(horizon_years=4, escalation=0.10)
    lines = [
        CostLine("A", C.LICENCE, F.ONE_OFF, B.FLAT, 3000),
        CostLine("A", C.LICENCE, F.ONE_OFF, B.FLAT, 1000, start_year=3),
        CostLine("A", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE, rate=0.20),
    ]
    maintenance = option_costs("A", lines, settings).lines[2].per_period
    # years 1-2: 20 % x 3 000 indexed from year 1: 600, 660;
    # the extra licence is paid in year 3 at 1 000 x 1.1^2 = 1 210, indexed from year 3:
    # year 3: 20 % x (3 000 x 1.1^2 + 1 210) = 20 % x 4 840 = 968
    # year 4: 20 % x (3 000 x 1.1^3 + 1 210 x 1.1) = 20 % x 5 324 = 1 064.80
    assert maintenance == pytest.approx([0, 600, 660, 968, 1064.80])


def test_maintenance_of_a_yearly_licence_is_a_share_of_that_years_fee():
    settings = TcoSettings(horizon_years=3)
    lines = [
        CostLine("A", C.LICENCE, F.YEARLY, B.FLAT, 1000),
        CostLine("A", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE, rate=0.20),
    ]
    # 20 % x 1 000 = 200 a year, not 20 % of the 3-year total
    assert option_costs("A", lines, settings).lines[1].per_period == pytest.approx(
        [0, 200, 200, 200]
    )


# --- 4. present value ----------------------------------------------------------------------


def test_present_value_of_escalated_costs_at_10_percent():
    # 1 000 + 1 100 / 1.1 + 1 210 / 1.1^2 = 1 000 + 1 000 + 1 000 = 3 000
    assert present_value([1000, 1100, 1210], 0.10) == pytest.approx(3000)


def test_present_value_does_not_discount_initial_period():
    # 500 at t=0 stays 500; 1 100 in year 1 is worth 1 100 / 1.1 = 1 000
    assert present_value([500, 1100], 0.10) == pytest.approx(1500)
    # at 0 % the present value is the plain total: 500 + 1 100 = 1 600
    assert present_value([500, 1100], 0.0) == pytest.approx(1600)


def test_seed_saas_present_value_at_8_percent():
    study = seed(7, rate=0.08)
    # annuity factor (1 - 1.08^-7) / 0.08: 1.08^7 = 1.713824, 1/1.713824 = 0.583490,
    # (1 - 0.583490) / 0.08 = 0.416510 / 0.08 = 5.206370
    # SaaS: 2 000 + 2 880 x 5.206370 = 2 000 + 14 994.35 = 16 994.35
    assert study.option("SaaS").present_value == pytest.approx(16_994.35, abs=0.01)
    # licence: 9 000 + 600 x 5.206370 = 9 000 + 3 123.82 = 12 123.82
    assert study.option("Licence").present_value == pytest.approx(12_123.82, abs=0.01)
    # the discount rate changes present values, not totals: still 22 160
    assert study.option("SaaS").total == pytest.approx(22_160)


def test_cheapest_present_value():
    study = seed(7, rate=0.08)
    # 12 123.82 (licence) < 16 994.35 (SaaS)
    assert study.cheapest_present_value.option == "Licence"


# --- 5. start and end years ----------------------------------------------------------------


def test_recurring_line_from_year_2_to_4():
    settings = TcoSettings(horizon_years=5)
    # 1 000 in years 2, 3 and 4 only; total 3 x 1 000 = 3 000
    costs = line_costs(yearly(1000, start_year=2, end_year=4), settings)
    assert costs.per_period == pytest.approx([0, 0, 1000, 1000, 1000, 0])
    assert costs.total == pytest.approx(3000)


def test_one_off_in_year_3_lands_in_year_3():
    settings = TcoSettings(horizon_years=5)
    assert periods(one_off(15_000, start_year=3), settings) == [0, 0, 0, 15_000, 0, 0]


def test_recurring_line_defaults_to_year_1_to_horizon():
    settings = TcoSettings(horizon_years=4)
    # 1 000 in years 1..4, nothing in the initial period: 4 x 1 000 = 4 000
    costs = line_costs(yearly(1000), settings)
    assert costs.per_period == pytest.approx([0, 1000, 1000, 1000, 1000])
    assert costs.total == pytest.approx(4000)


def test_escalated_line_from_year_2_to_4():
    settings = TcoSettings(horizon_years=5, escalation=0.10)
    # escalation counts from year 1 prices, whatever the start year:
    # year 2: 1 000 x 1.1 = 1 100; year 3: 1 210; year 4: 1 000 x 1.1^3 = 1 331
    expected = [0, 0, 1100, 1210, 1331, 0]
    assert periods(yearly(1000, start_year=2, end_year=4), settings) == expected


# --- 6. break-even edge cases --------------------------------------------------------------


def two_options_with_upgrade() -> list[CostLine]:
    """A is cheaper until a 3 000 upgrade at the start of year 3 makes it dearer.

    A: 1 000 at t=0 + 1 000 a year; B: 2 000 at t=0 + 1 000 a year.
    End of year 2: A 1 000 + 2 x 1 000 = 3 000, B 2 000 + 2 x 1 000 = 4 000.
    Start of year 3: A 3 000 + 3 000 = 6 000 > B 4 000.
    """
    return [
        CostLine("A", C.LICENCE, F.ONE_OFF, B.FLAT, 1000),
        CostLine("A", C.MAINTENANCE, F.YEARLY, B.FLAT, 1000),
        CostLine("A", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 3000, start_year=3),
        CostLine("B", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 2000),
        CostLine("B", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 1000),
    ]


def test_no_break_even_when_one_option_is_cheaper_throughout():
    lines = [
        CostLine("A", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 1000),
        CostLine("A", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 100),
        CostLine("B", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 2000),
        CostLine("B", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 200),
    ]
    # A: 1 000 + 100 t, B: 2 000 + 200 t: B dearer at every moment
    study = compare_options(lines, TcoSettings(horizon_years=5))
    assert study.break_evens == ()


def test_touching_without_passing_is_not_a_break_even():
    lines = [
        CostLine("A", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 2000),
        CostLine("A", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 1000),
        CostLine("B", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 1000),
        CostLine("B", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 1000),
        CostLine("B", C.TRAINING, F.ONE_OFF, B.FLAT, 1000, start_year=3),
    ]
    # A is dearer by 1 000 until B's 1 000 of training at the start of year 3 makes them
    # equal (A: 2 000 + 2 x 1 000 = 4 000; B: 1 000 + 2 x 1 000 + 1 000 = 4 000), and they
    # stay equal: B never passes A
    study = compare_options(lines, TcoSettings(horizon_years=5))
    assert study.option("A").total == pytest.approx(study.option("B").total)  # 7 000 each
    assert study.break_evens == ()


def test_break_even_caused_by_a_one_off_at_the_start_of_year_3():
    study = compare_options(two_options_with_upgrade(), TcoSettings(horizon_years=5))
    (be,) = study.break_evens
    assert (be.now_dearer, be.now_cheaper) == ("A", "B")
    # the upgrade lands at the start of year 3: 24 months after the start of year 1,
    # reported as month 12 x (3 - 1) + 1 = 25, year 3
    assert be.months == pytest.approx(24)
    assert be.month == 25
    assert be.year == 3
    # B at that moment: 2 000 + 2 x 1 000 = 4 000
    assert be.cumulative_cost == pytest.approx(4000)


def test_break_even_does_not_depend_on_the_order_of_options():
    lines = two_options_with_upgrade()
    settings = TcoSettings(horizon_years=5)
    forward = compare_options(lines, settings)
    backward = compare_options(list(reversed(lines)), settings)
    assert [o.option for o in backward.options] == ["B", "A"]
    assert backward.break_evens == forward.break_evens
    assert len(forward.break_evens) == 1


def test_seed_break_even_does_not_depend_on_the_order_of_options():
    settings = TcoSettings(horizon_years=7, users=4)
    saas_first = compare_options(list(reversed(seed_lines())), settings)
    (be,) = saas_first.break_evens
    # same as with the licence first: SaaS dearer from 36 + 160/190 months, month 37, year 4
    assert (be.now_dearer, be.now_cheaper, be.month, be.year) == ("SaaS", "Licence", 37, 4)
    assert be.months == pytest.approx(36 + 160 / 190)
    study = seed(7)
    licence, saas = study.option("Licence"), study.option("SaaS")
    assert break_even_points(saas, licence) == break_even_points(licence, saas)


def test_break_even_in_the_middle_of_a_month_is_that_month():
    lines = [
        CostLine("A", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 1200),
        CostLine("B", C.LICENCE, F.ONE_OFF, B.FLAT, 1050),
    ]
    # A accrues 1 200 / 12 = 100 a month from 0; B is 1 050 from the start:
    # A passes B at 1 050 / 100 = 10.5 months, during month 11 of year 1
    (be,) = compare_options(lines, TcoSettings(horizon_years=3)).break_evens
    assert (be.now_dearer, be.months, be.month, be.year) == ("A", pytest.approx(10.5), 11, 1)


def test_break_even_exactly_at_a_month_boundary_is_the_following_month():
    lines = [
        CostLine("A", C.SUBSCRIPTION, F.YEARLY, B.FLAT, 1200),
        CostLine("B", C.LICENCE, F.ONE_OFF, B.FLAT, 1000),
    ]
    # A accrues 100 a month; equal to B's 1 000 at exactly 1 000 / 100 = 10 months, A dearer
    # right after: during month 11 (as a one-off at instant 24 is "month 25")
    (be,) = compare_options(lines, TcoSettings(horizon_years=3)).break_evens
    assert be.months == pytest.approx(10)
    assert be.month == 11


# --- 7. bad domain input -------------------------------------------------------------------


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize("horizon", [0, 2, 11, 50])
def test_horizon_out_of_range_is_refused(horizon):
    with pytest.raises(InputError) as info:
        TcoSettings(horizon_years=horizon)
    assert info.value.message("en").startswith(
        f"a horizon between 3 and 10 years; found {horizon} year"
    )
    # not in a workbook: the default language, French (« 0 an », « 50 ans »)
    assert plain(str(info.value)).startswith("un horizon compris entre 3 et 10 ans ; trouvé : ")
    assert f"{horizon} an" in str(info.value).replace("\u00a0", " ")


@pytest.mark.parametrize("horizon", [3, 10])
def test_horizon_bounds_are_accepted(horizon):
    assert TcoSettings(horizon_years=horizon).periods == horizon + 1  # initial + n years


def test_percent_of_licence_line_without_rate_is_refused():
    with pytest.raises(InputError) as info:
        CostLine("A", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE)
    assert info.value.message("en") == (
        "a rate (fraction of the licence cost) for a % of licence line"
    )
    assert plain(str(info.value)) == (
        "un taux (fraction du coût de la licence) pour une ligne en % de la licence"
    )


def test_per_day_line_without_quantity_is_refused():
    with pytest.raises(InputError) as info:
        CostLine("A", C.CONSULTING, F.ONE_OFF, B.PER_DAY, 950)
    assert info.value.message("en") == "a number of days for a per-day line"


def test_negative_price_is_refused():
    with pytest.raises(InputError) as info:
        CostLine("A", C.LICENCE, F.ONE_OFF, B.FLAT, -3000)
    assert info.value.message("en") == "a price and quantity >= 0; found -3,000"
    assert plain(str(info.value)) == "un prix et une quantité ≥ 0 ; trouvé : -3 000"


def test_negative_quantity_is_refused():
    with pytest.raises(InputError) as info:
        CostLine("A", C.CONSULTING, F.ONE_OFF, B.PER_DAY, 950, quantity=-1)
    assert info.value.message("en") == "a price and quantity >= 0; found -1"


def test_error_names_the_source_of_the_line():
    with pytest.raises(InputError) as info:
        CostLine("A", C.LICENCE, F.ONE_OFF, B.FLAT, -1, source="TCO!A12")
    assert (info.value.sheet, info.value.cell) == ("TCO", "A12")
    assert info.value.message("en") == "TCO!A12: a price and quantity >= 0; found -1"


@pytest.mark.parametrize(("rate", "shown"), [(-0.01, "-0.01"), (1.0, "1"), (8.0, "8")])
def test_discount_rate_out_of_range_is_refused(rate, shown):
    with pytest.raises(InputError) as info:
        TcoSettings(horizon_years=5, discount_rate=rate)
    assert info.value.message("en") == (
        f"a discount rate between 0 and 1, as a fraction (0.08 for 8%); found {shown}"
    )
    assert plain(str(info.value)).startswith("un taux d'actualisation compris entre 0 et 1")


def test_no_cost_line_is_refused():
    with pytest.raises(InputError):
        compare_options([], TcoSettings(horizon_years=5))


# --- 8. accrual path and cumulative cost at a moment ---------------------------------------


def test_accrual_path_ends_of_years_match_yearly_cumulative():
    licence = seed(7).option("Licence")
    path = accrual_path(licence)
    # path: (0, 0), (0, initial), then per year (start, after one-offs), (end, after recurring)
    assert path[0] == (0.0, 0.0)
    for year in range(0, 8):
        x, amount = path[2 * year + 1]
        assert x == year
        # e.g. end of year 3: 9 000 + 3 x 600 = 10 800
        assert amount == pytest.approx(licence.cumulative[year])
    assert path[-1] == (7.0, pytest.approx(13_200))  # 9 000 + 7 x 600


def test_cumulative_at_year_ends_matches_yearly_cumulative():
    for costs in seed(7).options:
        for year in range(0, 8):
            # e.g. SaaS at month 36: 2 000 + 3 x 2 880 = 10 640
            assert cumulative_at(costs, 12 * year) == pytest.approx(costs.cumulative[year])


def test_cumulative_at_mid_year_accrues_by_months():
    study = seed(7)
    # 18 months: licence 9 000 + 1.5 x 600 = 9 900; SaaS 2 000 + 1.5 x 2 880 = 6 320
    assert cumulative_at(study.option("Licence"), 18) == pytest.approx(9_900)
    assert cumulative_at(study.option("SaaS"), 18) == pytest.approx(6_320)


def test_one_off_shows_as_a_step_in_the_accrual_path():
    settings = TcoSettings(horizon_years=5)
    a = compare_options(two_options_with_upgrade(), settings).option("A")
    path = accrual_path(a)
    # end of year 2: 1 000 + 2 x 1 000 = 3 000; start of year 3, after the upgrade: 6 000
    assert path[5] == (2.0, pytest.approx(3000))
    assert path[6] == (2.0, pytest.approx(6000))
    assert a.cumulative[2] == pytest.approx(3000)
    # the upgrade is paid at the first instant of year 3 (month 24): 3 000 + 3 000 = 6 000
    assert cumulative_at(a, 24) == pytest.approx(6000)
    # just before, 23.5 months: 1 000 + 1 000 + 1 000 x 11.5/12 = 2 958.33
    assert cumulative_at(a, 23.5) == pytest.approx(1000 + 1000 + 1000 * 11.5 / 12)
    # end of the horizon: 1 000 + 3 000 + 5 x 1 000 = 9 000
    assert cumulative_at(a, 60) == pytest.approx(a.total) == pytest.approx(9000)


def test_break_even_cumulative_cost_is_cumulative_at_the_crossing():
    study = seed(7)
    (be,) = study.break_evens
    licence, saas = study.option("Licence"), study.option("SaaS")
    # at the crossing both options cost the same: 10 842.105
    assert cumulative_at(licence, be.months) == pytest.approx(be.cumulative_cost)
    assert cumulative_at(saas, be.months) == pytest.approx(be.cumulative_cost)
