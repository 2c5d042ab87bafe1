"""The relationship plan's key results as data, on tests/journey/test_views.py's plan and
journey: Welcome (KPI "Open rate", not a business KPI), Loyalty (three objectives, a business
KPI), three campaigns in the week of 4 January 2027 where the Web segment gets 3 messages
against a cap of 2. And, on both examples, the summary's sentences and the pressure by month,
against the monthly tables and the calendar by month."""

from __future__ import annotations

import datetime as dt

import pytest

from crmwb.core import i18n
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.results import items
from crmwb.deliver.views import Context
from crmwb.journey.model import Channel, Journey, Perception, Segment, Stage, Touchpoint
from crmwb.plan import charts as plan_charts
from crmwb.plan import views as plan_views
from crmwb.plan.key_results import key_results
from crmwb.plan.model import Campaign, Conventions, PressureCap, Programme, RelationshipPlan
from crmwb.plan.views import PlanReport
from crmwb.run.clients import load_client

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


# --- the conclusion and the chart -------------------------------------------------------------


def example(slug: str) -> PlanReport:
    client = load_client(EXAMPLES_DIR / slug)
    ctx = Context.of(client.about, None)
    return plan_views.analyse(client.relationship_plan(), client.journey(), ctx)


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_conclusion_is_the_summary_s_sentences(slug):
    report = example(slug)
    _figures, text = plan_views.summary_parts(report)
    assert key_results(report).conclusion == text.paragraphs
    assert any("**" in sentence for sentence in text.paragraphs)


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_pressure_by_month_is_what_the_report_shows(slug):
    report = example(slug)
    assert report.pressure is not None
    (pressure,) = key_results(report).charts
    assert (pressure.key, pressure.kind, pressure.unit) == ("plan.pressure", "column", "ratio")
    # the monthly tables the report prints, their months side by side: a row per segment
    tables = plan_views.monthly_tables(report.pressure, report.ctx)
    first = 2 if tables[0].columns[1].title == report.ctx.t("plan.col.cap_month") else 1
    months = [c.title for t in tables for c in t.columns[first:]]
    rows = [
        [row[0], *(v for t in tables for v in t.rows[k][first:])]
        for k, row in enumerate(tables[0].rows)
    ]
    # (a printed table gives the year on its first month, the chart's one axis on its first and
    # on January)
    assert list(pressure.categories) == plan_views.month_labels(report.pressure.months, report.ctx)
    assert all(m.startswith(c) for m, c in zip(months, pressure.categories, strict=True))
    assert [[s.name, *s.values] for s in pressure.series] == rows
    # the calendar by month writes the same numbers in its cells, a row per segment
    figure = plan_charts.pressure_calendar(report.pressure, report.ctx, period="month")
    written = {
        (round(t.get_position()[0] - 0.5), round(t.get_position()[1] - 0.54)): t.get_text()
        for t in figure.axes[0].texts
        if t.get_position()[0] >= 0
    }
    decimals = 0 if all(float(v).is_integer() for s in pressure.series for v in s.values) else 1
    for j, series in enumerate(pressure.series):
        for i, value in enumerate(series.values):
            if value:  # an empty cell writes nothing
                assert written[i, j] == i18n.number(value, report.ctx.lang, decimals=decimals)


def test_the_pressure_a_consultant_recomputes():
    (pressure,) = results("en").charts
    # January 2027: Sale and Sale reminder go to every segment, Sale last day to Web only:
    # 3 messages per Web contact, 2 per Shop contact
    assert pressure.categories == ("Jan 2027",)
    assert [(s.name, s.values) for s in pressure.series] == [("Web", (3,)), ("Shop", (2,))]
    assert pressure.y_title == "Messages per contact per month"
