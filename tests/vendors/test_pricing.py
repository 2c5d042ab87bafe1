"""Vendor pricing (crmwb.vendors: pricing, costs, tco_risk), schedules in the TCO (crmwb.tco.model)
and the Monte Carlo, against numbers a consultant can recompute by hand.

Periods: index 0 is the initial period, then years 1..n. Contact-tier prices are per contact
per month (x 12 for the year) and the tier reached prices the WHOLE base; tiers never come
down. Users are whole seats (rounded up).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from messages import raises_en

from crmwb.core.errors import InputError, render
from crmwb.core.uncertainty import Pert
from crmwb.tco.model import (
    Basis,
    Category,
    CostLine,
    Frequency,
    TcoSettings,
    compare_option_costs,
    compare_options,
    option_costs,
    option_from_schedules,
)
from crmwb.vendors.costs import (
    CostSchedule,
    HiddenCostKind,
    VendorCosts,
    compare_vendor_costs,
    compare_vendors,
    vendor_costs,
)
from crmwb.vendors.pricing import (
    ContactPricing,
    Edition,
    LicencePurchase,
    MessagePricing,
    MinimumCommitment,
    Module,
    OneOffService,
    PricePeriod,
    StoragePricing,
    Tier,
    UserPricing,
    VendorPricing,
    Volume,
    Volumes,
)
from crmwb.vendors.tco_risk import simulate

K = HiddenCostKind
S3 = TcoSettings(horizon_years=3)
TIERS = (Tier(10_000, 0.05), Tier(50_000, 0.04))  # per contact per month


def rounded(values, digits=6):
    return [round(v, digits) for v in values]


def contacts_vendor(volume: Volume, tiers=TIERS, **kwargs) -> VendorCosts:
    pricing = VendorPricing("V", contacts=ContactPricing(tiers), **kwargs)
    return vendor_costs(pricing, S3, Volumes(contacts=volume))


def flags(costs: VendorCosts):
    return [(h.kind, h.year, round(h.amount, 6)) for h in costs.hidden_costs]


def schedule(amounts, uncertainty=None, **kwargs) -> CostSchedule:
    return CostSchedule(
        Category.SUBSCRIPTION, "Subscription", amounts, uncertainty=uncertainty, **kwargs
    )


# --- 1. the seed example (DOMAIN.md §4) through the pricing API ---------------------------


def seed_pricings():
    licence = VendorPricing(
        "Licence",
        licences=(LicencePurchase(3000, maintenance_rate=0.20),),
        services=(OneOffService("Services, training, hardware", 6000),),
    )
    saas = VendorPricing(
        "SaaS",
        users=UserPricing((Edition("Standard", 60),)),
        services=(OneOffService("Services and training", 2000),),
    )
    return [licence, saas]


def test_seed_example_totals_on_seven_years():
    study = compare_vendors(seed_pricings(), TcoSettings(horizon_years=7, users=4))
    licence, saas = study.comparison.options
    # licence: 3 000 + 6 000 in the initial period, then 20 % x 3 000 = 600 a year:
    # 9 000 + 7 x 600 = 13 200
    assert licence.per_period == (9000, 600, 600, 600, 600, 600, 600, 600)
    assert licence.total == pytest.approx(13_200)
    assert licence.one_off_total == pytest.approx(9_000)
    # SaaS: 2 000, then 60 x 4 users x 12 months = 2 880 a year: 2 000 + 7 x 2 880 = 22 160
    assert saas.per_period == (2000, 2880, 2880, 2880, 2880, 2880, 2880, 2880)
    assert saas.total == pytest.approx(22_160)
    # 22 160 - 13 200 = 8 960
    assert study.comparison.cheapest.option == "Licence"
    assert study.comparison.gap == pytest.approx(8_960)
    # end of year 3: SaaS 2 000 + 3 x 2 880 = 10 640 < licence 9 000 + 3 x 600 = 10 800;
    # end of year 4: SaaS 13 520 > licence 11 400: SaaS becomes dearer during year 4, when
    # 2 000 + 240 m = 9 000 + 50 m, m = 7 000 / 190 = 36.84 months: month 37
    be = study.comparison.headline_break_even
    assert (be.now_dearer, be.now_cheaper, be.year, be.month) == ("SaaS", "Licence", 4, 37)
    assert be.months == pytest.approx(7000 / 190)
    # cost per user per month: 13 200 / (4 x 7 x 12) = 39.29
    assert licence.cost_per_user_per_month == pytest.approx(13_200 / 336)


def test_seed_example_on_six_years():
    study = compare_vendors(seed_pricings(), TcoSettings(horizon_years=6, users=4))
    # licence 9 000 + 6 x 600 = 12 600; SaaS 2 000 + 6 x 2 880 = 19 280
    assert [o.total for o in study.comparison.options] == pytest.approx([12_600, 19_280])


def test_schedules_give_the_same_comparison_as_cost_lines():
    settings = TcoSettings(horizon_years=7, discount_rate=0.08, users=4)
    lines = [
        CostLine("Licence", Category.LICENCE, Frequency.ONE_OFF, Basis.FLAT, 3000),
        CostLine(
            "Licence", Category.MAINTENANCE, Frequency.YEARLY, Basis.PERCENT_OF_LICENCE, rate=0.2
        ),
        CostLine("Licence", Category.IMPLEMENTATION, Frequency.ONE_OFF, Basis.FLAT, 6000),
        CostLine("SaaS", Category.SUBSCRIPTION, Frequency.MONTHLY, Basis.PER_USER, 60),
        CostLine("SaaS", Category.IMPLEMENTATION, Frequency.ONE_OFF, Basis.FLAT, 2000),
    ]
    from_lines = compare_options(lines, settings)
    from_pricing = compare_vendors(seed_pricings(), settings).comparison
    for a, b in zip(from_lines.options, from_pricing.options, strict=True):
        assert a.option == b.option
        assert b.per_period == pytest.approx(a.per_period)
        assert b.present_value == pytest.approx(a.present_value)
        assert list(b.by_category) == list(a.by_category)
        for category, amounts in a.by_category.items():
            assert b.by_category[category] == pytest.approx(amounts)
        assert b.one_off_total == pytest.approx(a.one_off_total)
    assert [(x.year, x.month, x.now_dearer) for x in from_pricing.break_evens] == [
        (x.year, x.month, x.now_dearer) for x in from_lines.break_evens
    ]


# --- 2. the two new TCO functions --------------------------------------------------------


def test_option_from_schedules_by_hand():
    s = TcoSettings(horizon_years=3, users=2)
    option = option_from_schedules(
        "A",
        [
            (Category.SUBSCRIPTION, "Subscription", [0, 1200, 1200, 1200]),
            (Category.MIGRATION, "Migration", [5000, 0, 0, 0], Frequency.ONE_OFF),
        ],
        s,
    )
    # 5 000 + 3 x 1 200 = 8 600; per user per month 8 600 / (2 x 3 x 12) = 119.44
    assert option.total == pytest.approx(8600)
    assert option.cumulative == (5000, 6200, 7400, 8600)
    assert option.by_category[Category.MIGRATION] == (5000, 0, 0, 0)
    assert option.one_off_total == 5000
    assert option.recurring_total == 3600
    assert option.cost_per_user_per_month == pytest.approx(8600 / 72)
    assert [lc.line.description for lc in option.lines] == ["Subscription", "Migration"]


def test_option_from_schedules_bad_input():
    with raises_en("4 amounts") as err:
        option_from_schedules("A", [(Category.OTHER, "x", [1, 2, 3])], S3)
    assert render(err.value.found, "en") == "3 amounts"
    with raises_en("amounts >= 0"):
        option_from_schedules("A", [(Category.OTHER, "x", [0, -1, 0, 0])], S3)
    with raises_en("at least one cost schedule"):
        option_from_schedules("A", [], S3)
    with raises_en("a schedule"):
        option_from_schedules("A", [(Category.OTHER, "x")], S3)  # type: ignore[list-item]


def test_compare_option_costs_checks_names_and_horizon():
    a = option_from_schedules("A", [(Category.OTHER, "x", [0, 1, 1, 1])], S3)
    with raises_en("different names"):
        compare_option_costs([a, a], S3)
    with raises_en("one horizon"):
        compare_option_costs([a], TcoSettings(horizon_years=4))
    with raises_en("at least one option"):
        compare_option_costs([], S3)


def test_compare_option_costs_equals_compare_options():
    settings = TcoSettings(horizon_years=5, users=3, discount_rate=0.05)
    lines = [
        CostLine("A", Category.SUBSCRIPTION, Frequency.MONTHLY, Basis.PER_USER, 50),
        CostLine("B", Category.LICENCE, Frequency.ONE_OFF, Basis.FLAT, 4000),
    ]
    options = [option_costs(name, lines, settings) for name in ("A", "B")]
    assert compare_option_costs(options, settings) == compare_options(lines, settings)


# --- 3. contact tiers --------------------------------------------------------------------


def test_contact_tiers_across_a_boundary():
    costs = contacts_vendor(Volume(9_000, growth=0.20))
    assert rounded(costs.per_period) == [
        0,
        5_400,  # year 1: 9 000 x 0.05 x 12
        5_184,  # year 2: 10 800 > 10 000, the whole base at 0.04: 10 800 x 0.04 x 12
        6_220.8,  # year 3: 12 960 x 0.04 x 12
    ]
    # the jump, year 2: 10 800 x (0.04 - 0.05) x 12 = -1 296 (a saving: cheaper per contact)
    assert flags(costs) == [(K.TIER_JUMP, 2, -1_296)]
    jump = costs.hidden_costs[0]
    assert (jump.volume, jump.limit) == (pytest.approx(10_800), 10_000)


def test_a_tier_bound_is_included():
    costs = contacts_vendor(Volume(10_000))
    # 10 000 contacts are in the "up to 10 000" tier: 10 000 x 0.05 x 12 = 6 000
    assert rounded(costs.per_period) == [0, 6_000, 6_000, 6_000]
    assert costs.hidden_costs == ()


def test_tiers_do_not_come_down_when_contacts_fall():
    costs = contacts_vendor(Volume.series(9_000, 10_800, 8_000))
    # year 3: 8 000 contacts, but the 0.04 tier reached in year 2 is kept: 8 000 x 0.04 x 12
    assert rounded(costs.per_period) == [0, 5_400, 5_184, 3_840]
    # kept: 3 840 - 8 000 x 0.05 x 12 = 3 840 - 4 800 = -960
    assert flags(costs) == [(K.TIER_JUMP, 2, -1_296), (K.TIER_KEPT, 3, -960)]


def test_package_tiers_jump_and_stay_up():
    packages = (Tier(10_000, 0, flat_price=300), Tier(50_000, 0, flat_price=900))
    costs = contacts_vendor(Volume.series(9_000, 12_000, 8_000), tiers=packages)
    # 300 x 12 = 3 600; then 900 x 12 = 10 800, kept in year 3 although 8 000 <= 10 000
    assert rounded(costs.per_period) == [0, 3_600, 10_800, 10_800]
    # the jump and the kept tier each cost (900 - 300) x 12 = 7 200
    assert flags(costs) == [(K.TIER_JUMP, 2, 7_200), (K.TIER_KEPT, 3, 7_200)]


def test_contact_prices_per_year():
    pricing = ContactPricing((Tier(None, 0.60),), per=PricePeriod.YEAR)
    costs = vendor_costs(VendorPricing("V", contacts=pricing), S3, Volumes(contacts=Volume(1000)))
    # 1 000 x 0.60 = 600 a year
    assert rounded(costs.per_period) == [0, 600, 600, 600]


@pytest.mark.parametrize(
    "tiers",
    [
        (Tier(50_000, 0.04), Tier(10_000, 0.05)),  # decreasing
        (Tier(10_000, 0.05), Tier(10_000, 0.04)),  # equal
        (Tier(None, 0.05), Tier(10_000, 0.04)),  # an unlimited tier before another
        (Tier(0, 0.05),),  # a bound of 0
        (),
    ],
)
def test_tiers_must_be_strictly_increasing(tiers):
    with raises_en("contact tier"):
        ContactPricing(tiers)


def test_volume_above_the_last_tier_is_an_input_error():
    with raises_en("a tier for 60,000 contacts in year 1") as err:
        contacts_vendor(Volume(60_000))
    assert "up_to=None" in render(err.value.hint, "en")


def test_messages_per_thousand_tiered():
    tiers = (Tier(1_000_000, 1.00), Tier(None, 0.80))  # per thousand messages, messages a year
    pricing = VendorPricing("V", messages=MessagePricing(tiers))
    costs = vendor_costs(pricing, S3, Volumes(messages=Volume(900_000, 0.20)))
    assert rounded(costs.per_period) == [
        0,
        900,  # 900 000 / 1 000 x 1.00
        864,  # 1 080 000 > 1 000 000: 1 080 x 0.80
        1_036.8,  # 1 296 000 / 1 000 x 0.80
    ]
    assert flags(costs) == [(K.TIER_JUMP, 2, -216)]  # 1 080 x (0.80 - 1.00)


# --- 4. editions per user ----------------------------------------------------------------

EDITIONS = (Edition("Essentials", 25, max_users=10), Edition("Pro", 40, max_users=50))


def test_users_above_the_edition_maximum_force_the_next_edition():
    pricing = VendorPricing("V", users=UserPricing(EDITIONS, "Essentials"))
    costs = vendor_costs(pricing, S3, Volumes(users=Volume(8, growth=0.20)))
    assert rounded(costs.per_period) == [
        0,
        2_400,  # 8 users x 25 x 12
        3_000,  # 8 x 1.2 = 9.6 -> 10 seats, still Essentials: 10 x 25 x 12
        5_760,  # 9.6 x 1.2 = 11.52 -> 12 seats > 10: Pro forced, 12 x 40 x 12
    ]
    # the hidden cost of year 3: 12 x (40 - 25) x 12 = 2 160
    assert flags(costs) == [(K.FORCED_EDITION, 3, 2_160)]
    forced = costs.hidden_costs[0]
    assert (forced.volume, forced.limit) == (12, 10)
    assert (forced.unit, forced.editions) == ("users", ("Essentials", "Pro"))


def test_editions_follow_the_users_back_down():
    pricing = VendorPricing("V", users=UserPricing(EDITIONS))
    costs = vendor_costs(pricing, S3, Volumes(users=Volume.series(12, 9, 9)))
    # 12 x 40 x 12 = 5 760 (Pro forced), then 9 x 25 x 12 = 2 700 (Essentials again)
    assert rounded(costs.per_period) == [0, 5_760, 2_700, 2_700]
    assert flags(costs) == [(K.FORCED_EDITION, 1, 2_160)]


def test_users_are_whole_seats_rounded_up():
    pricing = VendorPricing("V", users=UserPricing((Edition("Standard", 60),)))
    costs = vendor_costs(pricing, S3, Volumes(users=Volume(4, growth=0.10)))
    # 4 users; 4.4 -> 5 seats; 4.84 -> 5 seats: 4 x 720 = 2 880, 5 x 720 = 3 600
    assert rounded(costs.per_period) == [0, 2_880, 3_600, 3_600]


def test_no_edition_for_the_users_is_an_input_error():
    pricing = VendorPricing("V", users=UserPricing(EDITIONS))
    with raises_en("an edition for 60 users in year 1"):
        vendor_costs(pricing, S3, Volumes(users=Volume(60)))


def test_editions_must_be_in_order():
    with raises_en("strictly increasing"):
        UserPricing((Edition("Pro", 40, 50), Edition("Essentials", 25, 10)))
    with raises_en("strictly increasing"):
        UserPricing((Edition("Unlimited", 90), Edition("Essentials", 25, 10)))
    with raises_en("chosen edition"):
        UserPricing(EDITIONS, chosen="Enterprise")
    # several unlimited editions at the end are fine (Salesforce-like price lists)
    UserPricing((Edition("Starter", 25, 10), Edition("Pro", 80), Edition("Enterprise", 165)))


# --- 5. minimum commitment, storage, modules, licences, services, escalation --------------


def test_minimum_commitment_pays_the_larger_of_usage_and_minimum():
    costs = contacts_vendor(
        Volume(5_000, growth=0.20),
        tiers=(Tier(None, 0.05),),
        minimum=MinimumCommitment(4_000),
    )
    # usage: 5 000 x 0.05 x 12 = 3 000; 6 000 x 0.6 = 3 600; 7 200 x 0.6 = 4 320
    # paid: max(usage, 4 000) = 4 000, 4 000, 4 320
    assert rounded(costs.per_period) == [0, 4_000, 4_000, 4_320]
    top_up = costs.minimum_top_up
    assert top_up is not None
    assert rounded(top_up.per_period) == [0, 1_000, 400, 0]
    assert flags(costs) == [(K.MINIMUM_COMMITMENT, 1, 1_000), (K.MINIMUM_COMMITMENT, 2, 400)]


def test_minimum_commitment_within_its_years_only():
    costs = contacts_vendor(
        Volume(5_000), tiers=(Tier(None, 0.05),), minimum=MinimumCommitment(4_000, last_year=2)
    )
    # 3 000 of usage; minimum 4 000 in years 1 and 2 only
    assert rounded(costs.per_period) == [0, 4_000, 4_000, 3_000]


def test_storage_overage():
    storage = StoragePricing(included_gb=10, price_per_gb=5)  # per GB per month
    pricing = VendorPricing("V", storage=storage)
    costs = vendor_costs(pricing, S3, Volumes(storage_gb=Volume(8, growth=0.5)))
    assert rounded(costs.per_period) == [
        0,
        0,  # 8 GB <= 10 included
        120,  # 12 GB: (12 - 10) x 5 x 12
        480,  # 18 GB: (18 - 10) x 5 x 12
    ]
    assert flags(costs) == [(K.STORAGE_OVERAGE, 2, 120), (K.STORAGE_OVERAGE, 3, 480)]


def test_storage_included_per_user():
    storage = StoragePricing(included_gb=10, price_per_gb=5, included_per_user_gb=1)
    pricing = VendorPricing("V", storage=storage)
    volumes = Volumes(users=Volume(4), storage_gb=Volume(8, growth=0.5))
    costs = vendor_costs(pricing, S3, volumes)
    # included 10 + 4 x 1 = 14 GB: year 3, (18 - 14) x 5 x 12 = 240
    assert rounded(costs.per_period) == [0, 0, 0, 240]


def test_modules_flat_per_month_or_year():
    pricing = VendorPricing(
        "V",
        modules=(
            Module("Loyalty", 100, start_year=2),  # 100 a month from year 2
            Module("Scoring", 500, per=PricePeriod.YEAR),  # 500 a year
        ),
    )
    costs = vendor_costs(pricing, S3)
    # 500; 1 200 + 500; 1 200 + 500
    assert rounded(costs.per_period) == [0, 500, 1_700, 1_700]


def test_licence_bought_later_with_maintenance_and_escalation():
    settings = TcoSettings(horizon_years=4, escalation=0.10)
    pricing = VendorPricing("V", licences=(LicencePurchase(1000, 0.20, year=2),))
    costs = vendor_costs(pricing, settings)
    licence, maintenance = costs.schedules
    # bought in year 2 at 1 000 x 1.10 = 1 100
    assert rounded(licence.per_period) == [0, 0, 1_100, 0, 0]
    # 20 % of the licence held, indexed from its purchase year: 220, 242, 266.2
    assert rounded(maintenance.per_period) == [0, 0, 220, 242, 266.2]
    assert licence.driver == maintenance.driver != ""


def test_escalation_of_the_settings_or_the_vendor():
    users = UserPricing((Edition("Standard", 60),))
    settings = TcoSettings(horizon_years=3, users=4, escalation=0.03)
    costs = vendor_costs(VendorPricing("V", users=users), settings)
    # 2 880; 2 880 x 1.03 = 2 966.4; 2 880 x 1.03^2 = 3 055.392
    assert rounded(costs.per_period) == [0, 2_880, 2_966.4, 3_055.392]
    own = vendor_costs(VendorPricing("V", users=users, escalation=0.0), settings)
    assert rounded(own.per_period) == [0, 2_880, 2_880, 2_880]


def test_service_with_a_three_point_estimate():
    service = OneOffService("Migration", Pert(10_000, 15_000, 30_000), Category.MIGRATION)
    costs = vendor_costs(VendorPricing("V", services=(service,)), S3)
    (migration,) = costs.schedules
    # the TCO takes the most likely amount, in the initial period
    assert migration.per_period == (15_000, 0, 0, 0)
    assert migration.frequency is Frequency.ONE_OFF
    assert migration.category is Category.MIGRATION
    # the range as a multiplier: 10 000 / 15 000 = 0.667, 1, 30 000 / 15 000 = 2
    assert migration.uncertainty == Pert(10_000 / 15_000, 1.0, 2.0)


def test_hidden_costs_listed_for_a_report():
    settings = TcoSettings(horizon_years=3)
    volumes = Volumes(users=Volume(8, 0.2), contacts=Volume(9_000, 0.2), storage_gb=Volume(12))
    study = compare_vendors(
        [
            VendorPricing("A", users=UserPricing(EDITIONS)),
            VendorPricing("B", contacts=ContactPricing(TIERS), storage=StoragePricing(10, 5)),
        ],
        settings,
        volumes,
    )
    assert [(vendor, h.kind, h.year) for vendor, h in study.hidden_costs] == [
        ("A", K.FORCED_EDITION, 3),
        ("B", K.STORAGE_OVERAGE, 1),  # (12 - 10) x 5 x 12 = 120 every year
        ("B", K.TIER_JUMP, 2),
        ("B", K.STORAGE_OVERAGE, 2),
        ("B", K.STORAGE_OVERAGE, 3),
    ]
    assert study.vendor("B").total == pytest.approx(5_400 + 5_184 + 6_220.8 + 3 * 120)


# --- 6. bad input ------------------------------------------------------------------------


def test_rates_given_as_percents_are_input_errors():
    with pytest.raises(InputError) as err:
        Volume(9_000, growth=20)
    assert render(err.value.hint, "en") == "20% is 0.2"
    assert render(err.value.hint, "fr") == "20\u00a0% s'écrit 0,2"
    with raises_en("maintenance rate"):
        LicencePurchase(3000, maintenance_rate=20)
    with raises_en("escalation"):
        VendorPricing("V", escalation=3)


def test_other_bad_pricing_inputs():
    with raises_en("a volume for year 3"):
        contacts_vendor(Volume.series(1, 2))
    with raises_en("between 0 and 3"):
        vendor_costs(VendorPricing("V", services=(OneOffService("x", 1, year=4),)), S3)
    with raises_en("at least one priced item"):
        vendor_costs(VendorPricing("V"), S3)
    with raises_en("price or amount >= 0"):
        Edition("E", -1)
    with raises_en("most likely amount > 0"):
        OneOffService("x", Pert(0, 0, 100))
    with raises_en(r"Pert\(low, 1.0, high\)"):
        schedule((0, 1, 1, 1), uncertainty=Pert(0.9, 1.1, 1.5))
    with raises_en("one horizon"):
        VendorCosts("V", (schedule((0, 1, 1, 1)), schedule((0, 1, 1))))
    with raises_en("same uncertainty"):
        VendorCosts(
            "V",
            (
                schedule((0, 1, 1, 1), Pert(0.5, 1, 2), driver="d"),
                schedule((0, 1, 1, 1), Pert(0.9, 1, 2), driver="d"),
            ),
        )


# --- 7. Monte Carlo ----------------------------------------------------------------------


def test_a_dominating_vendor_is_always_the_cheapest():
    cheap = VendorCosts("Cheap", (schedule((0, 100, 100, 100), Pert(0.8, 1.0, 1.2)),))
    dear = VendorCosts("Dear", (schedule((0, 1000, 1000, 1000), Pert(0.9, 1.0, 1.1)),))
    result = simulate([dear, cheap], S3, draws=10_000, seed=3)
    # Cheap costs at most 300 x 1.2 = 360, Dear at least 3 000 x 0.9 = 2 700: in every draw
    assert result.vendor("Cheap").p_cheapest == 1.0
    assert result.vendor("Dear").p_cheapest == 0.0
    assert result.vendor("Cheap").p_cheapest_present_value == 1.0
    assert result.most_often_cheapest.vendor == "Cheap"
    assert 240 <= result.vendor("Cheap").total.p10 <= result.vendor("Cheap").total.p90 <= 360


def test_probabilities_sum_to_one():
    vendors = [
        VendorCosts("A", (schedule((0, 100, 100, 100), Pert(0.5, 1.0, 2.0)),)),
        VendorCosts("B", (schedule((0, 110, 110, 110), Pert(0.7, 1.0, 1.4)),)),
        VendorCosts("C", (schedule((300, 0, 0, 0), Pert(0.9, 1.0, 1.2)),)),
    ]
    result = simulate(vendors, S3, draws=50_000, seed=8)
    shares = [r.p_cheapest for r in result.vendors]
    assert math.fsum(shares) == pytest.approx(1.0, abs=1e-12)
    assert all(0 < p < 1 for p in shares)
    assert math.fsum(r.p_cheapest_present_value for r in result.vendors) == pytest.approx(1.0)


def test_ties_are_split_equally():
    same = (schedule((0, 100, 100, 100)),)
    vendors = [
        VendorCosts("A", same),
        VendorCosts("B", same),
        VendorCosts("C", (schedule((0, 200, 0, 0)),)),
    ]
    result = simulate(vendors, S3, draws=100, seed=0)
    # A and B cost 300 in every draw, C only 200: C always
    assert [r.p_cheapest for r in result.vendors] == [0.0, 0.0, 1.0]
    tied = simulate(vendors[:2], S3, draws=100, seed=0)
    assert [r.p_cheapest for r in tied.vendors] == [0.5, 0.5]


def test_a_certain_vendor_has_its_tco_in_every_draw():
    settings = TcoSettings(horizon_years=7, discount_rate=0.08, users=4)
    study = compare_vendors(seed_pricings(), settings)
    result = simulate(study.vendors, settings, draws=1_000, seed=1)
    for risk, option in zip(result.vendors, study.comparison.options, strict=True):
        assert risk.total.p10 == risk.total.p90 == pytest.approx(option.total)
        assert risk.present_value.p50 == pytest.approx(option.present_value)
        assert risk.cumulative.p10 == pytest.approx(option.cumulative)
        assert risk.cumulative.p90 == pytest.approx(option.cumulative)
    assert result.vendor("Licence").p_cheapest == 1.0


def test_mean_total_close_to_the_pert_mean():
    risky = VendorCosts("Risky", (schedule((0, 90, 90, 90), Pert(0.5, 1.0, 2.0)),))
    result = simulate([risky], S3, draws=200_000, seed=4)
    # mean = 270 x (0.5 + 4 + 2) / 6 = 292.5; sd = 270 x sqrt((1.0833 - 0.5)(2 - 1.0833) / 7)
    # = 74.6; standard error 74.6 / sqrt(200 000) = 0.17; 5 SE < 0.9
    assert result.vendor("Risky").mean_total == pytest.approx(292.5, abs=0.9)
    # one draw per schedule, applied to every year: the cumulative bands are the total's,
    # scaled: at the end of year 1 a third of the total
    bands = result.vendor("Risky").cumulative
    assert bands.p90[1] * 3 == pytest.approx(bands.p90[3])
    assert all(a <= b <= c for a, b, c in zip(bands.p10, bands.p50, bands.p90, strict=True))


def test_minimum_commitment_is_applied_in_each_draw():
    usage = schedule((0, 1000, 1000, 1000), Pert(0.5, 1.0, 1.5), counts_toward_minimum=True)
    vendor = VendorCosts("V", (usage,), minimum_spend=(0, 1000, 1000, 1000))
    result = simulate([vendor], S3, draws=20_000, seed=5)
    risk = result.vendor("V")
    # each year max(1 000 x m, 1 000) >= 1 000: never below 3 000 in total
    assert risk.total.p10 >= 3_000 - 1e-9
    # and the low half of m is cut: the mean is 3 x 1 000 x E[max(m, 1)] > 3 000 x E[m] = 3 000
    assert risk.mean_total > 3_050


def test_a_licence_and_its_maintenance_share_their_draw():
    licence = LicencePurchase(3000, 0.20, uncertainty=Pert(0.5, 1.0, 1.5))
    costs = vendor_costs(VendorPricing("V", licences=(licence,)), S3)
    result = simulate([costs], S3, draws=20_000, seed=6)
    bands = result.vendor("V").cumulative
    # one multiplier m for both: cumulative 3 000 m at t=0, 3 000 m + 3 x 600 m = 4 800 m at
    # t=3, so every percentile scales by 4 800 / 3 000 = 1.6
    assert bands.p10[3] / bands.p10[0] == pytest.approx(1.6)
    assert bands.p90[3] / bands.p90[0] == pytest.approx(1.6)


def test_monte_carlo_is_reproducible_and_vendor_streams_are_independent():
    a = VendorCosts("A", (schedule((0, 100, 100, 100), Pert(0.5, 1.0, 2.0)),))
    b = VendorCosts("B", (schedule((0, 110, 110, 110), Pert(0.7, 1.0, 1.4)),))
    first = simulate([a, b], S3, draws=5_000, seed=9)
    assert simulate([a, b], S3, draws=5_000, seed=9) == first
    assert simulate([a, b], S3, draws=5_000, seed=10) != first
    # changing B's schedules does not change A's draws
    b2 = VendorCosts("B", (schedule((0, 50, 50, 50), Pert(0.7, 1.0, 1.4)), *b.schedules))
    other = simulate([a, b2], S3, draws=5_000, seed=9)
    assert other.vendor("A").total == first.vendor("A").total
    assert simulate([a], S3, draws=5_000, seed=np.random.default_rng(9)).seed is None


def test_monte_carlo_bad_input():
    a = VendorCosts("A", (schedule((0, 1, 1, 1)),))
    with raises_en("number of draws"):
        simulate([a], S3, draws=0)
    with raises_en("different names"):
        simulate([a, a], S3)
    with raises_en("one horizon"):
        simulate([a], TcoSettings(horizon_years=4))
    with raises_en("at least one vendor"):
        simulate([], S3)


def test_explicit_vendor_costs_compare_as_tco_options():
    a = VendorCosts("A", (schedule((0, 100, 100, 100)),))
    b = VendorCosts(
        "B", (CostSchedule(Category.LICENCE, "Licence", (250, 0, 0, 0), Frequency.ONE_OFF),)
    )
    comparison = compare_vendor_costs([a, b], S3)
    # A reaches 250 after 2.5 years = 30 months: month 31 (the instant 30 is in month 31)
    assert comparison.cheapest.option == "B"
    assert [(x.now_dearer, x.month) for x in comparison.break_evens] == [("A", 31)]
