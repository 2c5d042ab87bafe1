"""The relationship plan's checks: each expected number is recomputed by hand next to it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from crmwb.core.errors import InputError
from crmwb.core.i18n import LANGUAGES, has_message
from crmwb.deliver.views import Context
from crmwb.journey.model import Channel, Journey, Perception, Segment, Stage, Touchpoint
from crmwb.plan import views as plan_views
from crmwb.plan.checks import (
    LabelKey,
    PlanFinding,
    addressed_touchpoints,
    check_plan,
    finding_subject,
    finding_text,
    finding_title,
)
from crmwb.plan.kpis import KPI_REASONS, assess_kpi
from crmwb.plan.model import (
    Campaign,
    Conventions,
    Family,
    OptIn,
    OptInRule,
    PressureCap,
    Programme,
    RelationshipPlan,
    Scenario,
    Sender,
    programme_summary,
)
from crmwb.plan.pressure import (
    DAYS_PER_MONTH,
    marketing_pressure,
    plan_segments,
    scenario_monthly_rate,
)

D = dt.date

# --- a plan with nothing to report, that each test breaks in one place -----------------------

JOURNEY = Journey(
    stages=(Stage("Purchase"), Stage("Loyalty")),
    channels=(Channel("email"), Channel("store")),
    touchpoints=(
        Touchpoint("T1", "Purchase", "email", "Welcome e-mail", Perception.SATISFACTION, 1, 4),
        Touchpoint("T2", "Loyalty", "email", "Win-back offer", Perception.FRICTION, -1, 5),
        Touchpoint("T3", "Purchase", "store", "Checkout queue", Perception.FRICTION, -2, 5),
    ),
    segments=(Segment("Loyal"), Segment("Inactive")),
)

WELCOME = Programme(
    "Welcome",
    objectives=("Convert new subscribers",),
    kpi="Nombre de premiers achats",
    touchpoints=("T1",),
)
REACTIVATION = Programme(
    "Reactivation",
    objectives=("Reactivate inactive clients", "Raise their average basket"),
    kpi="Nombre de clients réactivés",
    segment="Inactive",
    touchpoints=("T2",),
)
WELCOME_EMAIL = Scenario("Welcome e-mail", "Welcome", "sign-up", "email", monthly_rate=1)
WIN_BACK = Scenario("Win-back", "Reactivation", "90 days without purchase", "email", monthly_rate=1)
SPRING_SALE = Campaign("Spring sale", "Reactivation", D(2027, 3, 10), "Inactive", "email")
CONVENTIONS = Conventions(
    active_months=6,
    inactive_months=12,
    caps=(PressureCap("all", per_week=3, per_month=8),),
    opt_in=(OptInRule("email", OptIn.OPT_IN),),
    senders=(
        Sender(Family.TRANSACTIONAL, "orders@shop.example", "192.0.2.1"),
        Sender(Family.CAMPAIGNS, "news@shop.example", "192.0.2.2"),
        Sender(Family.SCENARIOS, "hello@shop.example", "192.0.2.3"),
    ),
)
CLEAN = RelationshipPlan(
    programmes=(WELCOME, REACTIVATION),
    scenarios=(WELCOME_EMAIL, WIN_BACK),
    campaigns=(SPRING_SALE,),
    conventions=CONVENTIONS,
)


def findings(plan: RelationshipPlan, rule: str, **kwargs: object) -> list[PlanFinding]:
    return [f for f in check_plan(plan, **kwargs) if f.rule == rule]  # type: ignore[arg-type]


def replace(plan: RelationshipPlan, **changes: object) -> RelationshipPlan:
    return dataclasses.replace(plan, **changes)  # type: ignore[arg-type]


def with_conventions(plan: RelationshipPlan, **changes: object) -> RelationshipPlan:
    return replace(plan, conventions=dataclasses.replace(plan.conventions, **changes))  # type: ignore[arg-type]


def test_the_clean_plan_has_nothing_to_report() -> None:
    # Pressure: rows Loyal, Inactive (the journey's); week of 2027-03-08 for Inactive: 1 campaign
    # + (1 welcome for 'all' + 1 win-back) x 12 / 52 = 1.46 <= 3; March: 1 + 2 = 3 <= 8.
    assert check_plan(CLEAN, JOURNEY, moments=("T1", "T2")) == ()
    assert check_plan(CLEAN) == ()


# --- programmes --------------------------------------------------------------------------------


def test_three_objectives_are_a_finding_not_an_exception() -> None:
    three = dataclasses.replace(WELCOME, objectives=("a", "b", "c"))
    plan = replace(CLEAN, programmes=(three, REACTIVATION))
    assert findings(plan, "too_many_objectives") == [
        PlanFinding("too_many_objectives", "Welcome", {"count": 3, "max": 2})
    ]
    # Reactivation has exactly two: fine.
    assert findings(CLEAN, "too_many_objectives") == []


def test_no_objective() -> None:
    none = dataclasses.replace(WELCOME, objectives=())
    plan = replace(CLEAN, programmes=(none, REACTIVATION))
    assert [f.subject for f in findings(plan, "no_objective")] == ["Welcome"]
    assert findings(CLEAN, "no_objective") == []


def test_no_kpi() -> None:
    blank = dataclasses.replace(WELCOME, kpi="  ")
    plan = replace(CLEAN, programmes=(blank, REACTIVATION))
    assert [f.subject for f in findings(plan, "no_kpi")] == ["Welcome"]
    assert findings(plan, "not_business_kpi") == findings(plan, "unrecognised_kpi") == []
    assert findings(CLEAN, "no_kpi") == []


def test_not_business_kpi_gives_the_reason() -> None:
    opens = dataclasses.replace(WELCOME, kpi="Taux d'ouverture")
    deployed = dataclasses.replace(REACTIVATION, kpi="X scénarios déployés")
    plan = replace(CLEAN, programmes=(opens, deployed))
    assert findings(plan, "not_business_kpi") == [
        PlanFinding(
            "not_business_kpi",
            "Welcome",
            {"kpi": "Taux d'ouverture", "reason": "plan.kpi_reason.open_rate"},
        ),
        PlanFinding(
            "not_business_kpi",
            "Reactivation",
            {"kpi": "X scénarios déployés", "reason": "plan.kpi_reason.operational"},
        ),
    ]
    assert findings(CLEAN, "not_business_kpi") == []


def test_unrecognised_kpi_is_an_info() -> None:
    vague = dataclasses.replace(WELCOME, kpi="Engagement")
    plan = replace(CLEAN, programmes=(vague, REACTIVATION))
    assert findings(plan, "unrecognised_kpi") == [
        PlanFinding("unrecognised_kpi", "Welcome", {"kpi": "Engagement"}, "info")
    ]
    assert findings(CLEAN, "unrecognised_kpi") == []


def test_programme_without_action() -> None:
    idle = Programme("Birthday", ("Delight",), "Ventes additionnelles")
    plan = replace(CLEAN, programmes=(WELCOME, REACTIVATION, idle))
    assert [f.subject for f in findings(plan, "programme_without_action")] == ["Birthday"]
    # Welcome has only a scenario, Reactivation a scenario and a campaign: both are driven.
    assert findings(CLEAN, "programme_without_action") == []


def test_unknown_touchpoint_needs_a_journey() -> None:
    typo = dataclasses.replace(WELCOME, touchpoints=("T1", "T9"))
    sale = dataclasses.replace(SPRING_SALE, touchpoints=("T8",))
    plan = replace(CLEAN, programmes=(typo, REACTIVATION), campaigns=(sale,))
    assert findings(plan, "unknown_touchpoint", journey=JOURNEY) == [
        PlanFinding(
            "unknown_touchpoint", "Welcome", {"what": "plan.what.programme", "touchpoint": "T9"}
        ),
        PlanFinding(
            "unknown_touchpoint", "Spring sale", {"what": "plan.what.campaign", "touchpoint": "T8"}
        ),
    ]
    assert findings(plan, "unknown_touchpoint") == []  # no journey: nothing to compare with
    assert findings(CLEAN, "unknown_touchpoint", journey=JOURNEY) == []


def test_unknown_segment_needs_the_journeys_segments() -> None:
    vip = dataclasses.replace(SPRING_SALE, segment="VIP")
    newbies = dataclasses.replace(WELCOME_EMAIL, segment="Newbies")
    caps = (*CONVENTIONS.caps, PressureCap("Gold", per_week=1))
    plan = with_conventions(
        replace(CLEAN, campaigns=(vip,), scenarios=(newbies, WIN_BACK)), caps=caps
    )
    found = findings(plan, "unknown_segment", journey=JOURNEY)
    assert [(f.subject, f.values["what"], f.values["segment"]) for f in found] == [
        ("Welcome e-mail", "plan.what.scenario", "Newbies"),
        ("Spring sale", "plan.what.campaign", "VIP"),
        ("Gold", "plan.what.cap", "Gold"),
    ]
    no_segments = dataclasses.replace(JOURNEY, segments=())
    assert findings(plan, "unknown_segment", journey=no_segments) == []
    # WIN_BACK has no segment of its own: its programme's ("Inactive") is known.
    assert findings(CLEAN, "unknown_segment", journey=JOURNEY) == []


def test_scenario_without_estimate_is_an_info() -> None:
    guess = dataclasses.replace(WIN_BACK, monthly_rate=None)
    plan = replace(CLEAN, scenarios=(WELCOME_EMAIL, guess))
    assert findings(plan, "scenario_without_estimate") == [
        PlanFinding("scenario_without_estimate", "Win-back", severity="info")
    ]
    assert findings(CLEAN, "scenario_without_estimate") == []


# --- moments of truth ----------------------------------------------------------------------------


def test_moment_not_addressed() -> None:
    assert findings(CLEAN, "moment_not_addressed", moments=("T1", "T3", "T2", "T3")) == [
        PlanFinding("moment_not_addressed", "T3")
    ]
    # A campaign listing T3 addresses it too.
    sale = dataclasses.replace(SPRING_SALE, touchpoints=("T3",))
    plan = replace(CLEAN, campaigns=(sale,))
    assert findings(plan, "moment_not_addressed", moments=("T1", "T2", "T3")) == []
    assert addressed_touchpoints(plan) == ("T1", "T2", "T3")


# --- conventions ----------------------------------------------------------------------------


def test_inactive_before_active() -> None:
    plan = with_conventions(CLEAN, active_months=12, inactive_months=6)
    assert findings(plan, "inactive_before_active") == [
        PlanFinding("inactive_before_active", "", {"active": 12, "inactive": 6})
    ]
    same = with_conventions(CLEAN, active_months=12, inactive_months=12)
    assert findings(same, "inactive_before_active") == []
    unknown = with_conventions(CLEAN, active_months=12, inactive_months=None)
    assert findings(unknown, "inactive_before_active") == []


def test_no_pressure_cap() -> None:
    # Rows: the journey's Loyal and Inactive. No 'all' cap, a cap of Inactive's own only.
    only_inactive = with_conventions(CLEAN, caps=(PressureCap("Inactive", per_week=2),))
    assert findings(only_inactive, "no_pressure_cap", journey=JOURNEY) == [
        PlanFinding("no_pressure_cap", "Loyal")
    ]
    no_caps = with_conventions(CLEAN, caps=())
    assert [f.subject for f in findings(no_caps, "no_pressure_cap")] == ["Inactive"]
    # No campaign: the rule does not apply.
    assert findings(replace(no_caps, campaigns=()), "no_pressure_cap") == []
    assert findings(CLEAN, "no_pressure_cap", journey=JOURNEY) == []  # the 'all' cap


def test_channel_without_opt_in_rule() -> None:
    sms = Scenario("Cart reminder", "Welcome", "cart abandoned", "SMS", monthly_rate=0.5)
    post = dataclasses.replace(SPRING_SALE, channel="Postal mail")
    shout = dataclasses.replace(SPRING_SALE, name="Flash", channel=" EMAIL ")
    plan = replace(CLEAN, scenarios=(*CLEAN.scenarios, sms), campaigns=(post, shout))
    # "EMAIL" is the 'email' rule whatever the case and spaces.
    assert [f.subject for f in findings(plan, "channel_without_opt_in_rule")] == [
        "SMS",
        "Postal mail",
    ]
    assert findings(CLEAN, "channel_without_opt_in_rule") == []


def test_family_without_sender() -> None:
    plan = with_conventions(CLEAN, senders=())
    assert findings(plan, "family_without_sender") == [
        PlanFinding(
            "family_without_sender", "transactional", {"family": "plan.family.transactional"}
        ),
        PlanFinding("family_without_sender", "campaigns", {"family": "plan.family.campaigns"}),
        PlanFinding("family_without_sender", "scenarios", {"family": "plan.family.scenarios"}),
    ]
    # Scenarios only: no campaign sender needed; transactional always.
    scenarios_only = replace(plan, campaigns=())
    assert [f.subject for f in findings(scenarios_only, "family_without_sender")] == [
        "transactional",
        "scenarios",
    ]
    assert findings(CLEAN, "family_without_sender") == []


def test_shared_ip() -> None:
    senders = (
        Sender(Family.TRANSACTIONAL, "orders@shop.example", "192.0.2.1"),
        Sender(Family.CAMPAIGNS, "news@shop.example", " 192.0.2.1 "),
        Sender(Family.SCENARIOS, "hello@shop.example", "192.0.2.3"),
    )
    plan = with_conventions(CLEAN, senders=senders)
    assert findings(plan, "shared_ip") == [
        PlanFinding(
            "shared_ip", "transactional", {"ip": "192.0.2.1", "family": "plan.family.campaigns"}
        )
    ]
    assert "confirmations de commande" in finding_text(findings(plan, "shared_ip")[0], "fr")
    # Campaigns and scenarios may share theirs: only transactional messages must stand apart.
    apart = (senders[0], Sender(Family.CAMPAIGNS, "a@x", "10.0.0.1"), senders[2])
    apart = (*apart, Sender(Family.SCENARIOS, "b@x", "10.0.0.1"))
    assert findings(with_conventions(CLEAN, senders=apart), "shared_ip") == []
    no_ip = tuple(dataclasses.replace(s, ip="") for s in senders)
    assert findings(with_conventions(CLEAN, senders=no_ip), "shared_ip") == []


# --- the order and the messages -----------------------------------------------------------


def broken_plan() -> RelationshipPlan:
    """A plan that breaks every rule at least once."""
    return RelationshipPlan(
        programmes=(
            Programme("Loyalty", ("a", "b", "c"), "Taux d'ouverture", "VIP", ("T9",)),
            Programme("Birthday", (), ""),
            Programme("Fans", ("Grow",), "Engagement"),
        ),
        scenarios=(Scenario("Birthday mail", "Loyalty", "birthday", "SMS", touchpoints=("T8",)),),
        campaigns=(
            Campaign("Sale 1", "Loyalty", D(2027, 1, 18), "all", "email"),
            Campaign("Sale 2", "Loyalty", D(2027, 1, 19), "all", "email"),
        ),
        conventions=Conventions(
            active_months=12,
            inactive_months=6,
            caps=(PressureCap("VIP", per_week=1),),
            senders=(
                Sender(Family.TRANSACTIONAL, "o@x", "10.0.0.1"),
                Sender(Family.CAMPAIGNS, "c@x", "10.0.0.1"),
            ),
        ),
    )


def test_findings_come_in_a_stable_order() -> None:
    result = check_plan(broken_plan(), JOURNEY, moments=("T1",))
    assert [(f.rule, f.subject) for f in result] == [
        # programme Loyalty, then its scenario, then its campaigns
        ("too_many_objectives", "Loyalty"),
        ("not_business_kpi", "Loyalty"),
        ("unknown_segment", "Loyalty"),
        ("unknown_touchpoint", "Loyalty"),
        ("unknown_touchpoint", "Birthday mail"),
        ("scenario_without_estimate", "Birthday mail"),
        # programme Birthday
        ("no_objective", "Birthday"),
        ("no_kpi", "Birthday"),
        ("programme_without_action", "Birthday"),
        # programme Fans
        ("unrecognised_kpi", "Fans"),
        ("programme_without_action", "Fans"),
        # moments
        ("moment_not_addressed", "T1"),
        # pressure: rows Loyal, Inactive (journey), VIP (plan); 2 campaigns for 'all' in the
        # week of 2027-01-18 -> VIP 2 > its cap of 1; Loyal and Inactive have no cap.
        ("pressure_over_cap", "VIP"),
        # conventions
        ("inactive_before_active", ""),
        ("unknown_segment", "VIP"),
        ("no_pressure_cap", "Loyal"),
        ("no_pressure_cap", "Inactive"),
        ("channel_without_opt_in_rule", "SMS"),
        ("channel_without_opt_in_rule", "email"),
        ("family_without_sender", "scenarios"),
        ("shared_ip", "transactional"),
    ]
    assert {f.severity for f in result if f.rule.endswith(("_estimate", "unrecognised_kpi"))} == {
        "info"
    }
    assert result == check_plan(broken_plan(), JOURNEY, moments=("T1",))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_finding_has_a_message(lang: str) -> None:
    for finding in check_plan(broken_plan(), JOURNEY, moments=("T1",)):
        text = finding_text(finding, lang)  # type: ignore[arg-type]
        assert "{" not in text and "plan." not in text, text


def test_finding_text_writes_dates_numbers_and_labels() -> None:
    finding = PlanFinding(
        "pressure_over_cap",
        "Loyal",
        {
            "period": LabelKey("plan.period.week"),
            "count": 2,
            "periods": 3,
            "start": D(2027, 1, 25),
            "total": 4.230769,
            "cap": 3,
        },
    )
    assert finding_text(finding, "fr") == (
        "Segment «\u202fLoyal\u202f»\u00a0: la pression hebdomadaire dépasse le plafond "
        "2\u00a0semaines sur 3\u202f; la période la plus chargée commence le 25 janvier 2027, "
        "avec 4,2 messages pour un plafond de 3."
    )
    assert finding_text(finding, "en") == (
        "Segment 'Loyal': weekly pressure over the cap in 2 weeks out of 3; the busiest period "
        "starts on 25 January 2027, with 4.2 messages for a cap of 3."
    )
    # one month out of two, for every segment (no segment named): the reserved "all" is not
    # shown as such, and each noun agrees with its number
    month = PlanFinding(
        "pressure_over_cap",
        "all",
        {
            "period": LabelKey("plan.period.month"),
            "count": 1,
            "periods": 2,
            "start": D(2027, 1, 1),
            "total": 1.5,
            "cap": 1,
        },
    )
    assert finding_text(month, "fr") == (
        "Tous segments confondus, la pression mensuelle dépasse le plafond 1\u00a0mois sur 2"
        "\u202f; la période la plus chargée commence le 1er janvier 2027, avec 1,5 message pour "
        "un plafond de 1."
    )
    assert finding_text(month, "en") == (
        "Every segment: monthly pressure over the cap in 1 month out of 2; the busiest period "
        "starts on 1 January 2027, with 1.5 messages for a cap of 1."
    )
    assert finding_subject(month, "fr") == "Tous"
    assert finding_title(month, "fr") == "Pression marketing au-delà du plafond"
    reason = PlanFinding(
        "not_business_kpi", "W", {"kpi": "CTR", "reason": LabelKey("plan.kpi_reason.click_rate")}
    )
    assert "Un clic montre un intérêt, pas un achat" in finding_text(reason, "fr")


def test_every_rule_and_reason_has_both_languages() -> None:
    rules = {
        "too_many_objectives", "no_objective", "no_kpi", "not_business_kpi", "unrecognised_kpi",
        "programme_without_action", "moment_not_addressed", "unknown_touchpoint",
        "unknown_segment", "scenario_without_estimate", "pressure_over_cap",
        "inactive_before_active", "no_pressure_cap", "channel_without_opt_in_rule",
        "family_without_sender", "shared_ip",
    }  # fmt: skip
    keys = [f"plan.finding.{r}" for r in rules] + [f"plan.kpi_reason.{r}" for r in KPI_REASONS]
    keys += [f"plan.finding_title.{r}" for r in rules]  # the Rule column of the findings sheet
    for key in keys:
        assert has_message(key), key
    assert LabelKey("plan.period.week") == "plan.period.week"


# --- KPIs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kpi",
    [
        "Nombre de clients réactivés",
        "NOMBRE DE CLIENTS RÉACTIVÉS",
        "CA additionnel",
        "Chiffre d'affaires incrémental",
        "Ventes additionnelles générées par la campagne",
        "Panier moyen",
        "Taux de rétention à 12 mois",
        "Churn rate",
        "Taux de réachat",
        "Repeat purchase rate",
        "Customer lifetime value",
        "NPS",
        "Marge brute",
        "Number of orders",
        "Upsell %",
        "Cross-sell revenue",
        "Conversion rate",
        "Ventes click and collect",  # a way to buy, not a click
    ],
)
def test_business_kpis(kpi: str) -> None:
    assert assess_kpi(kpi).kind == "business"
    assert assess_kpi(kpi).reason is None


@pytest.mark.parametrize(
    ("kpi", "reason"),
    [
        ("Taux d'ouverture", "open_rate"),
        ("TAUX D’OUVERTURE", "open_rate"),  # typographic apostrophe, capitals
        ("Open rate", "open_rate"),
        ("Taux de clic", "click_rate"),
        ("CTR", "click_rate"),
        ("Click-through rate", "click_rate"),
        ("Délivrabilité", "deliverability"),
        ("Bounce rate", "bounce"),
        ("Taux de désabonnement", "unsubscribe"),
        ("Désinscriptions", "unsubscribe"),
        ("Impressions", "impressions"),
        ("Portée des publications", "reach"),
        ("Pages vues", "page_views"),
        ("Nombre d'abonnés Instagram", "social_audience"),
        ("Likes", "social_audience"),
        ("Nombre d'e-mails envoyés", "send_volume"),
        ("Volume d'envoi", "send_volume"),
        ("Messages sent", "send_volume"),
    ],
)
def test_not_business_kpis(kpi: str, reason: str) -> None:
    assert assess_kpi(kpi).kind == "not_business"
    assert assess_kpi(kpi).reason == f"plan.kpi_reason.{reason}"


@pytest.mark.parametrize(
    ("kpi", "reason"),
    [
        ("Open rate of the sales newsletter", "open_rate"),
        ("Taux d'ouverture de la newsletter des ventes privées", "open_rate"),
        ("CA généré par les clics", "click_rate"),
    ],
)
def test_not_business_wins_over_business(kpi: str, reason: str) -> None:
    assert assess_kpi(kpi).kind == "not_business"
    assert assess_kpi(kpi).reason == f"plan.kpi_reason.{reason}"


@pytest.mark.parametrize(
    "kpi", ["X scénarios déployés", "Scenarios deployed", "Campaigns launched", "5 scénarios",
            "Nombre de campagnes lancées"]
)  # fmt: skip
def test_operational_kpis(kpi: str) -> None:
    assert assess_kpi(kpi).kind == "operational"
    assert assess_kpi(kpi).reason == "plan.kpi_reason.operational"
    # A business word makes it a business KPI: "sales from the scenarios deployed".
    assert assess_kpi("Ventes des " + kpi).kind == "business"


@pytest.mark.parametrize("kpi", ["", "   ", "Engagement", "Bien-être des équipes"])
def test_unknown_kpis(kpi: str) -> None:
    assert assess_kpi(kpi).kind == "unknown"
    assert assess_kpi(kpi).reason is None


# --- marketing pressure ----------------------------------------------------------------------


def pressure_plan(
    campaigns: tuple[Campaign, ...],
    scenarios: tuple[Scenario, ...] = (),
    caps: tuple[PressureCap, ...] = (),
    segment: str = "all",
) -> RelationshipPlan:
    return RelationshipPlan(
        programmes=(Programme("P", ("o",), "Ventes", segment),),
        scenarios=scenarios,
        campaigns=campaigns,
        conventions=Conventions(caps=caps),
    )


def send(day: dt.date, segment: str = "all") -> Campaign:
    return Campaign(f"{segment} {day}", "P", day, segment, "email")


def test_all_campaigns_reach_every_segment_named_ones_only_theirs() -> None:
    w03 = D(2027, 1, 18)  # Monday of ISO week 2027-W03
    plan = pressure_plan(
        (
            send(D(2027, 1, 5)),  # week 2027-W01, January
            send(w03),
            send(D(2027, 1, 19)),
            send(D(2027, 1, 24)),  # Sunday: still W03
            send(D(2027, 1, 20), "Loyal"),
        ),
        caps=(PressureCap("all", per_week=3, per_month=4),),
    )
    pressure = marketing_pressure(plan, ["New"])
    assert pressure.segments == ("New", "Loyal")  # the given, then the plan's
    assert pressure.weeks == (D(2027, 1, 4), D(2027, 1, 11), w03)
    assert pressure.months == (D(2027, 1, 1),)
    # 3 campaigns for 'all' + 1 for 'Loyal' in ISO week 2027-W03 -> Loyal gets 4 > cap 3
    assert pressure.weekly["Loyal", w03].campaigns == 4
    assert pressure.weekly["Loyal", w03].over_cap
    # New gets only the 3 for 'all': not over a cap of 3.
    assert pressure.weekly["New", w03].campaigns == 3
    assert not pressure.weekly["New", w03].over_cap
    assert pressure.weekly["New", D(2027, 1, 11)].campaigns == 0
    # January: 4 for 'all' + 1 for Loyal -> Loyal 5 > 4; New 4, not over 4.
    assert pressure.monthly["Loyal", D(2027, 1, 1)].total == 5
    assert pressure.monthly["New", D(2027, 1, 1)].total == 4
    assert pressure.over_caps() == [
        pressure.weekly["Loyal", w03],
        pressure.monthly["Loyal", D(2027, 1, 1)],
    ]


def test_iso_weeks_across_the_year_boundary() -> None:
    assert D(2026, 12, 28).isocalendar()[:2] == (2026, 53)
    plan = pressure_plan((send(D(2026, 12, 28)), send(D(2027, 1, 3)), send(D(2027, 1, 4))))
    pressure = marketing_pressure(plan)
    assert pressure.segments == ("all",)  # no named segment anywhere
    # 2027-01-03 (Sunday) is in 2026-W53 with the 28th; 2027-01-04 starts 2027-W01.
    assert pressure.weeks == (D(2026, 12, 28), D(2027, 1, 4))
    assert pressure.weekly["all", D(2026, 12, 28)].campaigns == 2
    assert pressure.weekly["all", D(2027, 1, 4)].campaigns == 1
    # Months: December 1 campaign, January 2.
    assert pressure.months == (D(2026, 12, 1), D(2027, 1, 1))
    assert pressure.monthly["all", D(2026, 12, 1)].campaigns == 1
    assert pressure.monthly["all", D(2027, 1, 1)].campaigns == 2


def test_scenario_estimates_with_and_without_a_cap() -> None:
    free = Scenario("Browse", "P", "product viewed", "email", monthly_rate=4)
    capped = dataclasses.replace(free, cap_days=14)
    loose = Scenario("Cart", "P", "cart", "email", monthly_rate=2, cap_days=7)
    assert scenario_monthly_rate(free) == 4
    # one message every 14 days: at most 30.4375 / 14 = 2.174 a month < 4
    assert scenario_monthly_rate(capped) == pytest.approx(30.4375 / 14)
    assert DAYS_PER_MONTH == 30.4375
    # 30.4375 / 7 = 4.35 > 2: the cap does not bind.
    assert scenario_monthly_rate(loose) == 2
    assert scenario_monthly_rate(dataclasses.replace(free, monthly_rate=None)) is None

    plan = pressure_plan((send(D(2027, 2, 10)),), scenarios=(free, loose))
    pressure = marketing_pressure(plan)
    week, month = D(2027, 2, 8), D(2027, 2, 1)
    # month: 4 + 2 = 6 from scenarios; week: 6 x 12 / 52 = 1.3846
    assert pressure.monthly["all", month].scenarios == 6
    assert pressure.monthly["all", month].total == 7
    assert pressure.weekly["all", week].scenarios == pytest.approx(6 * 12 / 52)
    assert pressure.weekly["all", week].total == pytest.approx(1 + 1.3846, abs=1e-4)

    capped_plan = pressure_plan((send(D(2027, 2, 10)),), scenarios=(capped,))
    assert marketing_pressure(capped_plan).monthly["all", month].scenarios == pytest.approx(
        2.1741, abs=1e-4
    )


def test_scenarios_go_to_their_segment_or_everywhere() -> None:
    everyone = Scenario("Newsletter", "P", "weekly", "email", monthly_rate=4, segment="all")
    loyal = Scenario("VIP club", "P", "tier reached", "email", monthly_rate=1, segment="Loyal")
    own = Scenario("Welcome", "P", "sign-up", "email", monthly_rate=2)  # programme's: "New"
    plan = pressure_plan((send(D(2027, 2, 10)),), (everyone, loyal, own), segment="New")
    pressure = marketing_pressure(plan)
    assert pressure.segments == ("New", "Loyal")
    month = D(2027, 2, 1)
    assert pressure.monthly["New", month].scenarios == 6  # 4 (all) + 2 (its programme's)
    assert pressure.monthly["Loyal", month].scenarios == 5  # 4 (all) + 1
    unestimated = Scenario("Birthday", "P", "birthday", "email", segment="Loyal")
    plan = pressure_plan((send(D(2027, 2, 10)),), (everyone, loyal, unestimated), segment="New")
    assert marketing_pressure(plan).monthly["Loyal", month].scenarios == 5  # + 0


def test_caps_fall_back_to_all() -> None:
    caps = (PressureCap("all", per_week=3, per_month=10), PressureCap("Loyal", per_week=5))
    plan = pressure_plan((send(D(2027, 2, 10)),), caps=caps)
    pressure = marketing_pressure(plan, ["Loyal", "New"])
    week, month = D(2027, 2, 8), D(2027, 2, 1)
    assert pressure.weekly["New", week].cap == 3  # no cap of its own: the 'all' cap
    assert pressure.monthly["New", month].cap == 10
    assert pressure.weekly["Loyal", week].cap == 5  # its own cap...
    assert pressure.monthly["Loyal", month].cap is None  # ...wholly: it sets no monthly cap
    assert plan.conventions.cap_for("Other") == caps[0]
    uncapped = pressure_plan((send(D(2027, 2, 10)),), caps=(PressureCap("Loyal", per_week=5),))
    assert marketing_pressure(uncapped, ["New"]).weekly["New", week].cap is None


def test_start_and_end() -> None:
    plan = pressure_plan((send(D(2027, 1, 10)), send(D(2027, 3, 10)), send(D(2027, 3, 31))))
    pressure = marketing_pressure(plan, start=D(2027, 1, 31), end=D(2027, 3, 30))
    # Months January (from the 31st) to March; weeks from Monday 2027-01-25 to Monday 03-29.
    assert pressure.months == (D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 1))
    assert pressure.weeks[0] == D(2027, 1, 25) and pressure.weeks[-1] == D(2027, 3, 29)
    assert len(pressure.weeks) == 10  # (03-29 - 01-25) = 63 days = 9 weeks, + 1
    # The 10 January and 31 March campaigns are outside: March keeps only the 10th.
    assert pressure.monthly["all", D(2027, 1, 1)].campaigns == 0
    assert pressure.monthly["all", D(2027, 3, 1)].campaigns == 1
    assert pressure.weekly["all", D(2027, 3, 29)].campaigns == 0

    scenarios_only = pressure_plan((), (Scenario("S", "P", "t", "email", monthly_rate=2),))
    calendar = marketing_pressure(scenarios_only, start=D(2027, 1, 1), end=D(2027, 1, 31))
    assert calendar.monthly["all", D(2027, 1, 1)].total == 2
    with pytest.raises(InputError):
        marketing_pressure(scenarios_only)
    with pytest.raises(InputError):
        marketing_pressure(scenarios_only, start=D(2027, 1, 1))
    with pytest.raises(InputError):
        marketing_pressure(plan, start=D(2027, 3, 1), end=D(2027, 2, 1))


def test_segments_rows() -> None:
    plan = RelationshipPlan(
        programmes=(Programme("P", segment="Inactive"), Programme("Q")),
        scenarios=(Scenario("S", "Q", "t", "email", segment="Loyal"),),
        campaigns=(send(D(2027, 1, 4), "VIP"), Campaign("C", "Q", D(2027, 1, 4))),
        conventions=Conventions(caps=(PressureCap("Gold", per_week=1), PressureCap("all"))),
    )
    assert plan_segments(plan) == ("Inactive", "Loyal", "VIP", "Gold")
    rows = marketing_pressure(plan, ["all", "New", "Loyal"]).segments
    assert rows == ("New", "Loyal", "Inactive", "VIP", "Gold")


def test_pressure_over_cap_summarises_each_segment_and_period_kind() -> None:
    campaigns = (
        *(send(D(2027, 1, d)) for d in (18, 19, 20)),  # week of 01-18: 3 > 2, excess 1
        *(send(D(2027, 1, d)) for d in (25, 26, 27, 28)),  # week of 01-25: 4 > 2, excess 2
        send(D(2027, 2, 1)),  # week of 02-01: 1
    )
    plan = pressure_plan(campaigns, caps=(PressureCap("all", per_week=2, per_month=5),))
    week = PlanFinding(
        "pressure_over_cap",
        "all",
        {
            "period": "plan.period.week",
            "count": 2,
            "periods": 3,
            "start": D(2027, 1, 25),
            "total": 4,
            "cap": 2,
        },
    )
    # January: 7 > 5; February: 1.
    month = PlanFinding(
        "pressure_over_cap",
        "all",
        {
            "period": "plan.period.month",
            "count": 1,
            "periods": 2,
            "start": D(2027, 1, 1),
            "total": 7,
            "cap": 5,
        },
    )
    assert findings(plan, "pressure_over_cap") == [week, month]
    # A given calendar is used as is: from 01-25 only, one week over.
    pressure = marketing_pressure(plan, start=D(2027, 1, 25), end=D(2027, 1, 31))
    given = findings(plan, "pressure_over_cap", pressure=pressure)
    assert [(f.values["count"], f.values["periods"]) for f in given] == [(1, 1)]


def test_the_busiest_period_is_the_earliest_on_a_tie() -> None:
    campaigns = (*(send(D(2027, 1, d)) for d in (4, 5)), *(send(D(2027, 1, d)) for d in (11, 12)))
    plan = pressure_plan(campaigns, caps=(PressureCap("all", per_week=1),))
    (finding,) = findings(plan, "pressure_over_cap")
    assert finding.values["start"] == D(2027, 1, 4)  # 2 > 1 both weeks: the first one


# --- summary --------------------------------------------------------------------------------------


def test_programme_summary() -> None:
    sms = Scenario("Cart", "Reactivation", "cart", "SMS", touchpoints=("T3", "T2"))
    plan = replace(CLEAN, scenarios=(*CLEAN.scenarios, sms))
    welcome, reactivation = programme_summary(plan)
    assert (welcome.scenarios, welcome.campaigns, welcome.channels) == (1, 0, ("email",))
    assert welcome.touchpoints == ("T1",)
    assert welcome.kpi_kind == "business"
    assert (reactivation.objectives, reactivation.scenarios, reactivation.campaigns) == (2, 2, 1)
    assert reactivation.channels == ("email", "SMS")  # scenarios first, each once
    assert reactivation.touchpoints == ("T2", "T3")  # its own, then its actions', each once
    assert reactivation.segment == "Inactive"
    opens = replace(CLEAN, programmes=(dataclasses.replace(WELCOME, kpi="CTR"), REACTIVATION))
    assert programme_summary(opens)[0].kpi_kind == "not_business"


# --- the deliverable's words (plan_views) ------------------------------------------------------


def test_the_findings_sheet_names_each_rule_and_subject_in_the_clients_language() -> None:
    table = plan_views.findings_table(
        check_plan(broken_plan(), JOURNEY, moments=("T1",)), Context("C", "fr")
    )
    rows = {(row[1], row[2]) for row in table.rows}
    assert ("Plus de deux objectifs", "Loyalty") in rows  # not "too_many_objectives"
    assert ("Pas d'expéditeur", "scénarios") in rows  # the family, not "scenarios"
    assert ("IP d'envoi partagée avec le marketing", "messages transactionnels") in rows
    assert not any("_" in title for title, _ in rows)


def test_every_segment_is_never_shown_as_all() -> None:
    sale = Campaign("Sale", "Welcome", D(2027, 3, 10))  # to every customer
    plan = replace(CLEAN, programmes=(WELCOME,), scenarios=(WELCOME_EMAIL,), campaigns=(sale,))
    no_cap = findings(with_conventions(plan, caps=()), "no_pressure_cap")
    assert [(f.subject, finding_subject(f, "fr")) for f in no_cap] == [("all", "Tous")]
    assert finding_text(no_cap[0], "fr") == (
        "Aucun plafond de pression marketing n'est fixé\u00a0: rien ne limite le nombre de "
        "messages qu'un contact reçoit."
    )


def test_plan_sentences_agree_with_their_numbers() -> None:
    fr, en = Context("C", "fr"), Context("C", "en")
    one = replace(CLEAN, programmes=(WELCOME,), scenarios=(WELCOME_EMAIL,), campaigns=())
    assert plan_views.subtitle(one, fr) == "1 programme, 1 scénario et aucune campagne"
    assert plan_views.subtitle(CLEAN, en) == (
        "2 programmes, 2 scenarios and 1 campaign, from 10 March 2027 to 10 March 2027"
    )
    figures = plan_views.key_figures(CLEAN, (), None, fr).figures
    assert figures[0].note == "2 scénarios et 1 campagne"
    assert figures[1].note == "et aucune remarque pour information"
    assert plan_views.count("messages", 1.5, fr) == "1,5 message"
    assert plan_views.count("messages", 1.5, en) == "1.5 messages"


def test_the_conventions_table_says_what_inactive_means() -> None:
    rows = dict(plan_views.conventions_table(CLEAN, Context("C", "fr")).rows)
    assert rows["Client actif"] == "au moins un achat sur 6\u00a0mois glissants"
    assert rows["Client inactif"] == "aucun achat depuis 12\u00a0mois"
    assert rows["Pression marketing\u00a0: tous les segments"] == (
        "au plus 3 messages par semaine et 8 par mois"
    )
    assert rows["Expéditeur des campagnes"] == "news@shop.example (IP\u00a0: 192.0.2.2)"
