"""The project plan and governance deliverables' tables, sentences and KPI chart."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import write_workbook_file

from crmwb.core.i18n import Lang, t
from crmwb.deliver.views import Context, Text
from crmwb.project import charts as project_charts
from crmwb.project import views as project_views
from crmwb.project.governance import (
    Action,
    KpiTrack,
    actions_progress,
    check_raci,
    is_seed_raci,
    seed_raci,
)
from crmwb.project.planning import DEFAULT_PLAN, is_default_plan, schedule
from crmwb.project.planning_sheets import ProjectPlanInputs, read_project_plan
from crmwb.project.raci_sheet import read_raci
from crmwb.project.steering_sheets import SteeringInputs
from crmwb.workbook.about import About
from crmwb.workbook.reader import read_workbook

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
    # planned on 1 February, not done on 20 February: 19 days late; the date stays a date
    assert late.rows == (("Welcome scenario", "Welcome", dt.date(2025, 2, 1), 19),)
    assert "1 February 2025" in late._repr_html_()
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
    from crmwb.project.governance import check_raci

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


# --- the template's starter content is labelled; nothing tracked is a sentence ----------------


def blank_workbook(folder: Path, lang: Lang, start: dt.date | None = None) -> Path:
    """The blank template in ``lang``, with a start date typed in when given."""
    path = folder / "workbook.xlsx"
    write_workbook_file(path, lang, About("Maison Dupont", lang, "EUR"))
    if start is not None:
        wb = load_workbook(path)
        wb[t("sheet.project_plan", lang)]["B4"] = start
        wb.save(path)
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_templates_starter_raci_and_plan_are_recognised_until_edited(
    tmp_path: Path, lang: Lang
) -> None:
    path = blank_workbook(tmp_path, lang, dt.date(2026, 9, 1))
    reader = read_workbook(path)
    assert is_seed_raci(read_raci(reader))
    assert is_default_plan(read_project_plan(reader).phases)
    wb = load_workbook(path)
    wb[t("sheet.raci", lang)]["C6"] = "C"  # the first task's Marketing cell: R -> C
    wb[t("sheet.project_plan", lang)]["B9"] = 2  # the first phase: 1.5 -> 2 months
    wb.save(path)
    reader = read_workbook(path)
    assert not is_seed_raci(read_raci(reader))
    assert not is_default_plan(read_project_plan(reader).phases)


def test_a_blank_clients_governance_says_its_raci_is_the_templates_and_nothing_is_tracked(
    tmp_path: Path,
) -> None:
    ctx = Context("Maison Dupont", "fr")
    reader = read_workbook(blank_workbook(tmp_path, "fr"))
    report = project_views.read_governance(reader, ctx, today=dt.date(2026, 12, 1))
    assert report.seed_raci and report.steering is None
    summary = project_views.governance_summary_section(report).parts
    # one key figure (the RACI's points to review); no « 0 écart à discuter » when nothing is
    # compared: a sentence says nothing is tracked yet
    assert [f.label for f in summary[0].figures] == [ctx.t("governance.section.raci_findings")]
    assert summary[1] == Text((ctx.t("governance.no_steering"),))
    raci = project_views.raci_section(report).parts
    assert raci[0] == Text((ctx.t("governance.seed_raci"),), css_class="note")
    assert ctx.t("governance.seed_raci") in project_views.governance_conventions(report)
    assert project_views.copil_sections(report).sections == ()


def test_a_project_plan_still_the_templates_says_so(tmp_path: Path) -> None:
    ctx = Context("Maison Dupont", "en")
    reader = read_workbook(blank_workbook(tmp_path, "en", dt.date(2026, 9, 1)))
    report = project_views.analyse_plan(read_project_plan(reader), ctx, dt.date(2026, 10, 1))
    assert report.seed
    summary = project_views.plan_summary_section(report).parts[1]
    assert summary.paragraphs[-1] == ctx.t("project.seed_plan")
    # no step of the checklist has a status yet: the table says it is the typical list
    checklist = project_views.checklist_section(report).parts[0]
    assert checklist.note == ctx.t("project.rule.checklist_blank") and len(checklist.rows) == 17


def test_tracking_without_a_project_plan_and_nothing_late_are_sentences() -> None:
    ctx = Context("C", "en")
    track = KpiTrack("Welcome", "Sales", "business", "sales", {dt.date(2026, 3, 1): 10})
    steering = SteeringInputs(tracks=(track,))
    report = project_views.analyse_governance(seed_raci("en"), ctx, steering=steering)
    assert report.untracked_steering and report.steering is None
    assert project_views.governance_summary_section(report).parts[1] == Text(
        (ctx.t("governance.untracked_steering"),)
    )
    progress = actions_progress([], dt.date(2026, 3, 20))
    assert project_views.late_actions_view(progress, ctx) == Text(
        (ctx.t("governance.no_late_action", date="20 March 2026"),)
    )
    # a target but no actual by the committee's date: no KPI row, a sentence
    assert project_views.kpi_view([track], ctx, dt.date(2026, 3, 20)) == Text(
        (ctx.t("governance.no_kpi_month"),)
    )


def test_the_project_and_governance_excel_are_data(tmp_path: Path) -> None:
    ctx = Context("C", "fr")
    plan = ProjectPlanInputs(DEFAULT_PLAN, dt.date(2026, 9, 1), dt.date(2026, 11, 23))
    report = project_views.analyse_plan(plan, ctx)
    project_views.save_plan(report, tmp_path)
    wb = load_workbook(tmp_path / "project_plan.xlsx")
    phases = wb[ctx.t("project.sheet.phases")]
    first = next(phases.iter_rows(min_row=2, values_only=True))
    # the relationship plan: 46 days from 1 September 2026, its last day 16 October
    assert first[2:5] == (dt.datetime(2026, 9, 1), dt.datetime(2026, 10, 16), 46)
    copil = wb[ctx.t("project.sheet.milestones")]
    dates = [r[1] for r in copil.iter_rows(min_row=2, values_only=True)]
    assert dates == [dt.datetime.combine(d, dt.time()) for d in report.plan.steering_committees]
    readme = [c.value for row in wb.worksheets[0].iter_rows() for c in row]
    assert ctx.t("project.rule.calendar") in readme

    jan, feb = dt.date(2026, 9, 1), dt.date(2026, 10, 1)
    track = KpiTrack("Bienvenue", "Ventes", "business", "ventes", {jan: 100, feb: 120}, {jan: 90})
    late = Action("Série de bienvenue", "Bienvenue", dt.date(2026, 10, 1))
    governance = project_views.analyse_governance(
        seed_raci("fr"),
        ctx,
        plan=plan,
        steering=SteeringInputs(tracks=(track,), actions=(late,)),
    )
    project_views.save_governance(governance, tmp_path)
    wb = load_workbook(tmp_path / "governance.xlsx")
    kpis = wb[ctx.t("governance.sheet.kpis")]
    # September, the last month with an actual by 23 November: 90 against 100, −10 %
    assert next(kpis.iter_rows(min_row=2, values_only=True))[3:] == (
        dt.datetime(2026, 9, 1),
        100,
        90,
        -0.1,
    )
    actions = wb[ctx.t("governance.sheet.late")]
    assert next(actions.iter_rows(min_row=2, values_only=True)) == (
        "Série de bienvenue",
        "Bienvenue",
        dt.datetime(2026, 10, 1),
        53,
    )
    for ws in wb.worksheets[1:]:
        assert ws.max_row > 1 and all(c.value for c in ws[1]), ws.title


def test_the_raci_findings_are_a_numbered_sheet_the_headline_counts() -> None:
    ctx = Context("C", "fr")
    raci = seed_raci("fr")
    table = project_views.raci_findings_table(raci, ctx)
    # DOMAIN.md: 7 tasks with no A and 3 management tasks with neither R nor A
    assert [row[0] for row in table.rows] == list(range(1, 11))
    figures = project_views.governance_key_figures(raci, check_raci(raci), (), START, ctx)
    assert figures.figures[0].value == str(len(table.rows)) == "10"
    assert table.rows[-1][1:3] == ("Management", "Charte graphique des e-mails")
    assert table.rows[-1][3].startswith("Personne ne porte la tâche")
