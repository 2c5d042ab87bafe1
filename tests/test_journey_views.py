"""The journey map and relationship-plan deliverables' tables and sentences."""

from __future__ import annotations

import datetime as dt

from crmwb import journey_views, plan_views
from crmwb.journey import (
    Channel,
    Journey,
    Path,
    Perception,
    Persona,
    Segment,
    Stage,
    Touchpoint,
    coverage_gaps,
    importance_performance,
    moments_of_truth,
    path_metrics,
)
from crmwb.plan import (
    Campaign,
    Conventions,
    PressureCap,
    Programme,
    RelationshipPlan,
    check_plan,
    marketing_pressure,
    programme_summary,
)
from crmwb.views import Context

S, F, D = Perception.SATISFACTION, Perception.FRICTION, Perception.DISAPPOINTMENT


def _journey() -> Journey:
    return Journey(
        stages=(Stage("Discovery"), Stage("Purchase"), Stage("Delivery")),
        channels=(Channel("Web site"), Channel("Store")),
        touchpoints=(
            Touchpoint("T01", "Discovery", "Web site", "Search <b>results</b>", S, 1, 3, 4),
            Touchpoint(
                "T02", "Purchase", "Web site", "Checkout", F, -1, 5, 2, data_collected="email"
            ),
            Touchpoint("T03", "Purchase", "Store", "Till", S, 1, 4, 4, collection_point="POS"),
            Touchpoint("T04", "Delivery", "Web site", "Slot changed", D, -2, 5, 1, segment="Web"),
        ),
        segments=(Segment("Web", channels=("Web site",)), Segment("Shop", channels=("Store",))),
        personas=(Persona("Anna", "Web"),),
        paths=(Path("Anna", ("T01", "T02", "T03")),),
    )


def test_moments_table_ranks_and_bolds_those_to_fix():
    ctx = Context("Client", "en")
    moments = moments_of_truth(_journey())
    table = journey_views.moments_table(moments, ctx)
    # T04: importance 5 x disappointment 2 = 10; T02: 5 x friction 1 = 5; T03: 4 x 0 = 0
    assert [(row[1], row[8]) for row in table.rows] == [("T04", 10), ("T02", 5), ("T03", 0)]
    assert table.strong_rows == frozenset({0, 1})
    assert [row[-1] for row in table.rows] == ["To fix", "To fix", "To keep up"]


def test_summary_names_the_first_moment_and_client_text_is_escaped():
    ctx = Context("Client", "fr")
    j = _journey()
    moments = moments_of_truth(j)
    text = journey_views.summary(
        j, moments, importance_performance(j), path_metrics(j), coverage_gaps(j), ctx
    )
    html = text._repr_html_()
    assert (
        "Le parcours compte <strong>3 moments de vérité</strong>, dont <strong>2</strong> qui "
        "suscitent aujourd&#x27;hui une friction ou une déception\u00a0: ce sont les priorités "
        "du plan relationnel."
    ) in html
    assert "Le plus urgent est <strong>T04 «\u202fSlot changed\u202f»" in html
    assert "3\u00a0points de contact n&#x27;ont pas de point de collecte" in html
    grid_html = journey_views.touchpoints_table(j, ctx, {"T04"})._repr_html_()
    assert "Search &lt;b&gt;results&lt;/b&gt;" in grid_html and "<b>results" not in grid_html


def test_grid_table_puts_ids_in_their_cells():
    table = journey_views.grid_table(_journey(), Context("Client", "en"))
    assert table.rows == (
        ("Web site", "T01", "T02", "T04"),
        ("Store", "", "T03", ""),
    )


def test_collection_table_lists_those_collecting_data_first():
    table = journey_views.collection_table(_journey(), Context("Client", "en"))
    # T02 collects an email with no collection point (bold); T01 and T04 collect nothing stated
    assert [row[0] for row in table.rows] == ["T02", "T01", "T04"]
    assert table.strong_rows == frozenset({0})


def test_perception_table_totals():
    table = journey_views.perception_table(_journey(), Context("Client", "en"))
    assert table.rows[-1] == ("Total", 2, 1, 1, 4)


def _plan() -> RelationshipPlan:
    return RelationshipPlan(
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


def test_plan_views_state_findings_and_pressure():
    ctx = Context("Client", "en")
    j, plan = _journey(), _plan()
    moments = moments_of_truth(j)
    pressure = marketing_pressure(plan, [s.name for s in j.segments])
    findings = check_plan(plan, j, [m.touchpoint.id for m in moments if m.to_fix], pressure)
    rules = {f.rule for f in findings}
    assert {"too_many_objectives", "not_business_kpi", "moment_not_addressed"} <= rules
    # week of 4 January 2027: 2 campaigns for all + 1 for Web -> Web gets 3 > cap 2
    over = pressure.over_caps()
    assert [(c.segment, c.start, c.total) for c in over] == [("Web", dt.date(2027, 1, 4), 3)]
    summary = plan_views.summary(plan, findings, moments, pressure, ctx)._repr_html_()
    assert "week of 4 January 2027, with 3 messages per contact against a cap of 2" in summary
    table = plan_views.moments_table(plan, moments, ctx)
    assert [(row[1], row[-1]) for row in table.rows] == [
        ("T04", "Not addressed"),
        ("T02", "Welcome"),
        ("T03", "Not addressed"),
    ]
    assert table.strong_rows == frozenset({0})  # T03 is to keep up, not to fix
    programmes = plan_views.programmes_table(plan, programme_summary(plan), ctx)
    assert programmes.rows[0][4] == "Not business" and programmes.rows[1][4] == "Business"
    excel = plan_views.excel_tables(plan, programme_summary(plan), findings, moments, pressure, ctx)
    assert len({t.name for t in excel}) == len(excel)  # one sheet each


def test_counted_nouns_agree_and_personas_elide():
    fr, en = Context("Client", "fr"), Context("Client", "en")
    j = _journey()
    assert journey_views.subtitle(j, fr) == (
        "3 étapes, 2 canaux, 4\u00a0points de contact et 1 persona"
    )
    assert journey_views.subtitle(j, en) == "3 stages, 2 channels, 4 touchpoints and 1 persona"
    figures = journey_views.key_figures(j, moments_of_truth(j), path_metrics(j), fr).figures
    assert figures[0].note == "3 étapes × 2 canaux"
    # Anna's path: web, web, store: 1 channel switch
    assert figures[2].note == "en moyenne 1 changement de canal par parcours"
    assert fr.t("journey.section.path_of", persona="Anna") == "Le parcours d'Anna"
    assert fr.t("journey.section.path_of", persona="Bruno") == "Le parcours de Bruno"
    steps = journey_views.path_steps(path_metrics(j)[0], fr).items
    assert steps[1] == "2. **T02** Checkout — Purchase, Web site (friction, −1)"
    assert journey_views.personas_text(j, fr).items == ("**Anna** (Web)",)
