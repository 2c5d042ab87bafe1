"""The project plan and governance deliverables' tables, sentences and KPI chart."""

from __future__ import annotations

import datetime as dt
import io

from crmwb import project_charts, project_views
from crmwb.governance import Action, KpiTrack, actions_progress, seed_raci
from crmwb.planning import DEFAULT_PLAN, schedule
from crmwb.views import Context

START = dt.date(2025, 1, 6)


def test_plan_figures_and_phases_table():
    ctx = Context("C", "en")
    plan = schedule(DEFAULT_PLAN, START)
    figures = project_views.plan_key_figures(plan, ctx, dt.date(2025, 5, 15))
    # planning's worked example: from 6 January 2025 the default plan ends (exclusive) on
    # 22 October 2025, so its last day is 21 October 2025
    assert figures.figures[0].value == "21 October 2025"
    table = project_views.phases_table(plan, ctx)
    assert len(table.rows) == len(DEFAULT_PLAN)
    critical = {table.rows[i][0] for i in table.strong_rows}
    assert "Data flows" not in critical  # 61 days of slack (planning's worked example)
    # relationship plan 6 Jan + 46 d = 21 Feb; software choice 21 Feb + 107 d = 8 June;
    # data flows 21 Feb + 46 d = 8 April: on 15 May only the software choice is under way
    assert figures.figures[3].value == "CRM software choice"


def test_raci_table_bolds_the_seed_tasks_with_findings():
    ctx = Context("C", "fr")
    raci = seed_raci("fr")
    table = project_views.raci_table(raci, ctx)
    # DOMAIN.md: 7 tasks with no A and 3 management tasks with neither R nor A
    assert len(table.strong_rows) == 10
    assert [c.title for c in table.columns][2:] == ["Marketing", "CRM", "Data"]


def test_kpi_table_late_actions_and_chart():
    ctx = Context("C", "en")
    jan, feb, mar = dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 3, 1)
    track = KpiTrack(
        "Reactivation",
        "Reactivated clients",
        "business",
        "clients",
        targets={jan: 100, feb: 120, mar: 140},
        actuals={jan: 100, feb: 90},
    )
    table = project_views.kpi_table([track], ctx, as_of=dt.date(2025, 2, 20))
    # February is the last month with an actual: 90 against 120, (90 - 120) / 120 = -25 %
    assert table.rows[0][4:] == (120, 90, -0.25)
    progress = actions_progress(
        [Action("Welcome scenario", "Welcome", dt.date(2025, 2, 1))], dt.date(2025, 2, 20)
    )
    late = project_views.actions_table(progress, ctx)
    assert late.rows == (("Welcome scenario", "Welcome", "1 February 2025", 19),)
    svg = io.StringIO()
    project_charts.kpi_tracking([track], ctx, dt.date(2025, 2, 20)).savefig(svg, format="svg")
    assert "Reactivation" in svg.getvalue()


def test_sentences_agree_with_their_numbers_and_name_no_source():
    fr = Context("C", "fr")
    plan = schedule(DEFAULT_PLAN, dt.date(2026, 9, 1))
    assert (
        project_views.plan_subtitle(plan, fr) == "6 phases, du 1er septembre 2026 au 16 juin 2027"
    )
    one = schedule(DEFAULT_PLAN[:1], dt.date(2026, 9, 1))
    assert project_views.plan_subtitle(one, fr).startswith("1 phase, du 1er septembre 2026")
    summary = project_views.plan_summary(plan, fr).paragraphs
    assert "la durée habituelle d'un projet CRM est de 6 à 8\u00a0mois" in summary[0]
    assert "guide" not in " ".join(summary)
    # on 23 November 2026 two phases run side by side: their count, their names under it
    now = project_views.plan_key_figures(plan, fr, dt.date(2026, 11, 23)).figures[3]
    assert (now.value, now.note) == (
        "2 phases",
        "en cours\u00a0: Choix du logiciel CRM, Flux de données",
    )
    # data flows: 61 days of slack (planning's worked example)
    assert summary[2] == ("1 phase dispose d'une marge\u00a0: Flux de données (61\u00a0jours).")


def test_governance_key_figures_say_what_the_numbers_count():
    from crmwb.governance import check_raci

    raci = seed_raci("fr")
    findings = check_raci(raci)
    figures = project_views.governance_key_figures(
        raci, findings, (), dt.date(2026, 11, 23), Context("C", "fr")
    ).figures
    assert (figures[0].value, figures[0].note) == ("10", "sur 23 tâches et 3 équipes")
    assert (figures[1].value, figures[1].note) == ("0", "au 23 novembre 2026")


def test_gantt_dates_write_the_first_of_the_month_as_french_does():
    svg = io.StringIO()
    plan = schedule(DEFAULT_PLAN, dt.date(2026, 9, 1))
    project_charts.gantt(plan, Context("C", "fr")).savefig(svg, format="svg")
    # quarterly steering committees on 1 December, 1 March and 1 June
    assert all(f"1er {month}" in svg.getvalue() for month in ("déc.", "mars", "juin"))
