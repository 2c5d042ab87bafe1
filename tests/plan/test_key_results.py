"""The relationship plan's key results as data, on tests/journey/test_views.py's plan and
journey: Welcome (KPI "Open rate", not a business KPI), Loyalty (three objectives, a business
KPI), three campaigns in the week of 4 January 2027 where the Web segment gets 3 messages
against a cap of 2."""

from __future__ import annotations

import datetime as dt

from crmwb.deliver.results import items
from crmwb.deliver.views import Context
from crmwb.journey.model import Channel, Journey, Perception, Segment, Stage, Touchpoint
from crmwb.plan import views as plan_views
from crmwb.plan.key_results import key_results
from crmwb.plan.model import Campaign, Conventions, PressureCap, Programme, RelationshipPlan

S, F, D = Perception.SATISFACTION, Perception.FRICTION, Perception.DISAPPOINTMENT
JOURNEY = Journey(
    stages=(Stage("Discovery"), Stage("Purchase"), Stage("Delivery")),
    channels=(Channel("Web site"), Channel("Store")),
    touchpoints=(
        Touchpoint("T01", "Discovery", "Web site", "Search results", S, 1, 3, 4),
        Touchpoint("T02", "Purchase", "Web site", "Checkout", F, -1, 5, 2),
        Touchpoint("T03", "Purchase", "Store", "Till", S, 1, 4, 4, collection_point="POS"),
        Touchpoint("T04", "Delivery", "Web site", "Slot changed", D, -2, 5, 1, segment="Web"),
    ),
    segments=(Segment("Web", channels=("Web site",)), Segment("Shop", channels=("Store",))),
)
PLAN = RelationshipPlan(
    programmes=(
        Programme("Welcome", ("Activate",), "Open rate", touchpoints=("T02",)),
        Programme("Loyalty", ("Retain", "Grow", "Upsell"), "Repeat purchase rate"),
    ),
    campaigns=(
        Campaign("Sale", "Loyalty", dt.date(2027, 1, 4)),
        Campaign("Sale reminder", "Loyalty", dt.date(2027, 1, 6)),
        Campaign("Sale last day", "Welcome", dt.date(2027, 1, 8), segment="Web"),
    ),
    conventions=Conventions(12, 24, caps=(PressureCap("all", per_week=2),)),
)


def results(lang: str):
    return key_results(plan_views.analyse(PLAN, JOURNEY, Context("Client", lang)))


def test_counts_and_findings_with_their_checks_ids():
    en = results("en")
    report = plan_views.analyse(PLAN, JOURNEY, Context("Client", "en"))
    warnings = [f for f in report.findings if f.severity == "warning"]
    got = {f.key: f.value for f in en.figures}
    assert got["plan.programmes"] == 2 and got["plan.campaigns"] == 3 and got["plan.scenarios"] == 0
    assert got["plan.business_kpis"] == 1  # Loyalty's repeat purchase rate; an open rate is not
    assert got["plan.weeks_over_cap"] == 1  # the week of 4 January 2027 (Web: 3 > 2)
    assert got["plan.findings"] == len(warnings)
    assert got["plan.findings"] + got["plan.infos"] == len(report.findings)
    ids = [i.id for i in items(en, "findings")]
    assert len(ids) == len(set(ids)) == len(report.findings)
    # the rules test_views.py asserts, each with its subject
    assert {
        "too_many_objectives/loyalty",
        "not_business_kpi/welcome",
        "moment_not_addressed/t04",
        "pressure_over_cap/web",
    } <= set(ids)
    loyalty = next(i for i in items(en, "findings") if i.id == "too_many_objectives/loyalty")
    assert "Loyalty" in loyalty.label and loyalty.detail == "To fix"


def test_the_same_keys_values_and_ids_in_french_and_english():
    fr, en = results("fr"), results("en")
    assert [(f.key, f.value) for f in fr.figures] == [(f.key, f.value) for f in en.figures]
    assert [i.id for i in items(fr, "findings")] == [i.id for i in items(en, "findings")]
    assert fr.figure("plan.campaigns").label == "Campagnes"
