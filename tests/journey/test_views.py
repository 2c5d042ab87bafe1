"""The journey map and relationship-plan deliverables' tables and sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path as FilePath

import pytest
from openpyxl import load_workbook

from crmwb.deliver.views import Bullets, Chart, Context, KeyFigures, Table, Text
from crmwb.journey import views as journey_views
from crmwb.journey.model import (
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
from crmwb.plan import views as plan_views
from crmwb.plan.checks import check_plan
from crmwb.plan.model import (
    Campaign,
    Conventions,
    PressureCap,
    Programme,
    RelationshipPlan,
    programme_summary,
)
from crmwb.plan.pressure import marketing_pressure

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


# --- degenerate cases: sentences, never a header-only table, never "0 / 0" ------------------


def parts_of(*sections: object) -> list[object]:
    """Every part of ``sections`` (Section or Sections), in order."""
    out: list[object] = []
    for s in sections:
        for one in getattr(s, "sections", (s,)):
            out.extend(one.parts)  # type: ignore[attr-defined]
    return out


def journey_sections(report: journey_views.JourneyReport) -> list[object]:
    return parts_of(
        journey_views.summary_section(report),
        journey_views.grid_section(report),
        journey_views.moments_section(report),
        journey_views.quadrants_section(report),
        journey_views.personas_section(report),
        journey_views.path_sections(report),
        journey_views.gaps_section(report),
        journey_views.collection_section(report),
        journey_views.perception_section(report),
    )


def assert_readable(parts: list[object]) -> None:
    """No table without a row, no key figure reading « 0 / 0 »."""
    for part in parts:
        if isinstance(part, Table):
            assert part.rows, part.name
        if isinstance(part, KeyFigures):
            for figure in part.figures:
                assert not figure.value.endswith("/ 0"), figure


def texts(parts: list[object]) -> list[str]:
    return [p for part in parts if isinstance(part, Text) for p in part.paragraphs]


def test_a_journey_without_personas_says_so_instead_of_empty_tables() -> None:
    ctx = Context("Client", "fr")
    j = dataclasses.replace(_journey(), personas=(), paths=())
    report = journey_views.analyse(j, ctx)
    parts = journey_sections(report)
    assert_readable(parts)
    said = texts(parts)
    assert ctx.t("journey.empty.personas") in said
    assert ctx.t("journey.summary.no_persona") in said
    assert not any(isinstance(p, Chart) for p in parts_of(journey_views.personas_section(report)))
    # the key figures: touchpoints, moments, collection points; no omnichannel "0 / 0"
    labels = [f.label for f in journey_views.key_figures(j, report.moments, (), ctx).figures]
    assert ctx.t("journey.figure.omnichannel") not in labels
    assert journey_views.path_sections(report).sections == ()


def test_personas_without_paths_are_listed_and_their_paths_awaited() -> None:
    ctx = Context("Client", "en")
    j = dataclasses.replace(_journey(), paths=())
    section = journey_views.personas_section(journey_views.analyse(j, ctx))
    assert isinstance(section.parts[0], Bullets)
    assert section.parts[1] == Text((ctx.t("journey.empty.paths"),))
    assert len(section.parts) == 2  # no paths table, no empty emotion chart


def test_a_map_with_no_touchpoint_yet_is_sentences_only() -> None:
    ctx = Context("Client", "fr")
    j = Journey((Stage("Découverte"), Stage("Achat")), (Channel("Web"),))
    report = journey_views.analyse(j, ctx)
    parts = journey_sections(report)
    assert_readable(parts)
    assert not any(isinstance(p, (Chart, Table)) for p in parts)
    assert ctx.t("journey.summary.no_touchpoint") in texts(parts)
    assert journey_views.excel_tables(j, (), report.ip, (), (), ctx) == [
        journey_views.grid_table(j, ctx)
    ]


def test_unrated_touchpoints_no_concentrate_quadrant_and_no_segment_are_sentences() -> None:
    ctx = Context("Client", "en")
    unrated = tuple(dataclasses.replace(tp, performance=None) for tp in _journey().touchpoints)
    j = dataclasses.replace(_journey(), touchpoints=unrated, segments=(), personas=(), paths=())
    report = journey_views.analyse(j, ctx)
    assert journey_views.quadrants_section(report).parts == (Text((ctx.t("journey.empty.rated"),)),)
    assert journey_views.gaps_section(report).parts == (Text((ctx.t("journey.no_segment"),)),)
    # every touchpoint well performed: nothing to concentrate on
    good = tuple(dataclasses.replace(tp, performance=5) for tp in _journey().touchpoints)
    report = journey_views.analyse(dataclasses.replace(_journey(), touchpoints=good), ctx)
    view = journey_views.concentrate_view(report.ip, report.journey, ctx)
    assert view == Text((ctx.t("journey.no_concentrate"),))


def test_the_journey_excel_is_data(tmp_path: FilePath) -> None:
    ctx = Context("Client", "fr")
    report = journey_views.analyse(_journey(), ctx)
    journey_views.save(report, tmp_path)
    wb = load_workbook(tmp_path / "journey_mapping.xlsx")
    readme = wb.worksheets[0]
    assert readme.title == ctx.t("report.readme.sheet")
    written = [c.value for row in readme.iter_rows() for c in row if isinstance(c.value, str)]
    for convention in journey_views.conventions(report):
        assert convention in written
    for ws in wb.worksheets[1:]:
        headers = [c.value for c in ws[1]]
        assert all(isinstance(h, str) and h.strip() for h in headers), ws.title
        assert ws.max_row > 1, ws.title  # no header-only sheet
    touchpoints = wb[ctx.t("journey.sheet.touchpoints")]
    column = {c.value: i for i, c in enumerate(touchpoints[1])}
    rows = list(touchpoints.iter_rows(min_row=2, values_only=True))
    # emotions as numbers (T04: −2), « Oui » / « Non » for the moments of truth
    assert [r[column[ctx.t("journey.col.emotion")]] for r in rows] == [1, -1, 1, -2]
    assert {r[column[ctx.t("journey.col.moment")]] for r in rows} == {"Oui", "Non"}
    paths = wb[ctx.t("journey.sheet.paths")]
    # Anna: T01 (+1), T02 (−1), T03 (+1): mean emotion 1/3, a number
    assert paths.cell(row=2, column=6).value == pytest.approx(0.33)


# --- the relationship plan ------------------------------------------------------------------


def test_a_plan_without_campaign_scenario_or_journey_says_so(tmp_path: FilePath) -> None:
    ctx = Context("Client", "fr")
    plan = RelationshipPlan(programmes=(Programme("Bienvenue", ("Activer",), "Ventes"),))
    report = plan_views.analyse(plan, None, ctx)
    assert report.pressure is None
    sections = [
        plan_views.summary_section(report),
        plan_views.programmes_section(report),
        plan_views.findings_section(report),
        plan_views.kpis_section(report),
        plan_views.moments_section(report),
        plan_views.pressure_section(report),
        plan_views.scenarios_section(report),
        plan_views.campaigns_section(report),
        plan_views.conventions_section(report),
    ]
    parts = parts_of(*sections)
    assert_readable(parts)
    said = texts(parts)
    for key in ("plan.no_journey", "plan.no_campaign_pressure", "plan.no_scenario"):
        assert ctx.t(key) in said
    assert ctx.t("plan.no_campaign") in said
    plan_views.save(report, tmp_path)
    wb = load_workbook(tmp_path / "relationship_plan.xlsx")
    assert all(ws.max_row > 1 for ws in wb.worksheets[1:])
    assert ctx.t("plan.sheet.campaigns") not in wb.sheetnames


def _year_plan(months: int) -> RelationshipPlan:
    """One campaign on the 15th of each of ``months`` months from January 2027."""
    campaigns = tuple(
        Campaign(f"C{i}", "Fidélité", dt.date(2027 + i // 12, i % 12 + 1, 15))
        for i in range(months)
    )
    return RelationshipPlan(
        programmes=(Programme("Fidélité", ("Retenir",), "Rachat"),),
        campaigns=campaigns,
        conventions=Conventions(caps=(PressureCap("all", per_month=1),)),
    )


@pytest.mark.parametrize(("months", "sizes"), [(5, [5]), (12, [6, 6]), (13, [5, 5, 3])])
def test_the_monthly_pressure_prints_in_tables_of_six_months_at_most(
    months: int, sizes: list[int]
) -> None:
    ctx = Context("Client", "fr")
    pressure = marketing_pressure(_year_plan(months), [])
    tables = plan_views.monthly_tables(pressure, ctx)
    assert [len(t.columns) - 2 for t in tables] == sizes  # segment and cap first
    # every month once, in order, each table's first month with its year
    shown = [c.title for t in tables for c in t.columns[2:]]
    assert len(shown) == months == len(pressure.months)
    for table in tables:
        assert table.columns[2].title[-4:].isdigit()
    assert [t.note != "" for t in tables] == [False] * (len(tables) - 1) + [True]
    # the values: one campaign a month, for « Tous »
    assert all(t.rows[0][2:] == (1,) * (len(t.columns) - 2) for t in tables)


def test_the_plan_excel_is_data(tmp_path: FilePath) -> None:
    ctx = Context("Client", "en")
    j, plan = _journey(), _plan()
    report = plan_views.analyse(plan, j, ctx)
    plan_views.save(report, tmp_path)
    wb = load_workbook(tmp_path / "relationship_plan.xlsx")
    campaigns = wb[ctx.t("plan.sheet.campaigns")]
    dates = [row[0] for row in campaigns.iter_rows(min_row=2, values_only=True)]
    assert dates == [
        dt.datetime(2027, 1, 4),
        dt.datetime(2027, 1, 6),
        dt.datetime(2027, 1, 8),
    ]  # real dates, in date order
    weeks = wb[ctx.t("plan.sheet.pressure_weeks")]
    header = [c.value for c in weeks[1]]
    assert header == [
        ctx.t(key)
        for key in (
            "plan.col.segment",
            "plan.col.week_of",
            "plan.col.campaign_messages",
            "plan.col.scenario_messages",
            "plan.col.total",
            "plan.col.cap_week",
            "plan.col.over_cap",
        )
    ]
    rows = list(weeks.iter_rows(min_row=2, values_only=True))
    # week of 4 January 2027: 2 campaigns for all + 1 for Web -> Web gets 3 > cap 2
    web = next(r for r in rows if r[0] == "Web")
    assert web[1:] == (dt.datetime(2027, 1, 4), 3, 0, 3, 2, "Yes")
    assert all(isinstance(r[1], dt.datetime) for r in rows)
    over = wb[ctx.t("plan.sheet.over_cap")] if ctx.t("plan.sheet.over_cap") in wb else None
    assert over is None  # the over-cap list is the report's; Excel filters the pressure sheets
