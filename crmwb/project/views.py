"""The project plan and governance deliverables' tables and sentences, from
:mod:`crmwb.project.planning` and :mod:`crmwb.project.governance` results."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from crmwb.core import i18n
from crmwb.deliver.pack import save_summary
from crmwb.deliver.report import save_tables
from crmwb.deliver.views import (
    Bullets,
    Chart,
    Column,
    Context,
    KeyFigure,
    KeyFigures,
    ReportHeader,
    Section,
    Sections,
    Table,
    Text,
    section,
)
from crmwb.plan.checks import LabelKey
from crmwb.project import charts as project_charts
from crmwb.project.governance import (
    DEFAULT_TOLERANCE,
    ActionsProgress,
    GovernanceFinding,
    KpiTrack,
    Raci,
    Role,
    actions_progress,
    check_raci,
    finding_text,
    is_seed_raci,
    load_share,
    steering_gaps,
    team_load,
)
from crmwb.project.planning import (
    CHECKLIST,
    Schedule,
    batch_label,
    is_default_plan,
    phase_label,
    schedule,
)
from crmwb.project.planning_sheets import (
    ProjectPlanInputs,
    StepProgress,
    StepStatus,
    has_project_plan,
    read_project_plan,
)
from crmwb.project.raci_sheet import read_raci
from crmwb.project.steering_sheets import SteeringInputs, has_steering, read_steering

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from crmwb.workbook.reader import WorkbookReader


def _date(day: dt.date, ctx: Context) -> str:
    return i18n.date(day, ctx.lang)


def plan_subtitle(plan: Schedule, ctx: Context) -> str:
    """« 6 phases, du 1er septembre 2026 au 16 juin 2027 »: the report's subtitle."""
    return ctx.tn(
        "project.subtitle.phases",
        len(plan.phases),
        count=len(plan.phases),
        start=_date(plan.start, ctx),
        end=_date(plan.end - dt.timedelta(days=1), ctx),
    )


# --- the plan ----------------------------------------------------------------------------------


def plan_key_figures(plan: Schedule, ctx: Context, as_of: dt.date | None = None) -> KeyFigures:
    figures = [
        KeyFigure(
            ctx.t("project.figure.end"),
            _date(plan.end - dt.timedelta(days=1), ctx),
            ctx.t("project.figure.start", start=_date(plan.start, ctx)),
            highlight=True,
        ),
        KeyFigure(
            ctx.t("project.figure.duration"),
            ctx.t(
                "project.figure.months",
                months=i18n.number(plan.duration_months, ctx.lang, decimals=1),
            ),
            ctx.tn("project.figure.phases", len(plan.phases), count=len(plan.phases)),
        ),
        KeyFigure(
            ctx.t("project.figure.copil"),
            i18n.number(len(plan.steering_committees), ctx.lang),
            ctx.tn(
                "project.figure.points",
                len(plan.operational_points),
                count=len(plan.operational_points),
            ),
        ),
    ]
    if as_of is not None and plan.start <= as_of < plan.end:
        running = [
            phase_label(p.name, ctx.lang) for p in plan.phases if p.start <= as_of < p.finish
        ]
        if len(running) > 1:  # the names under the count: a key figure holds a short value
            value = ctx.tn("project.figure.phases", len(running), count=len(running))
            note = ctx.t("project.figure.now_phases", phases=", ".join(running))
        else:
            value, note = (running[0] if running else "–"), ctx.t("project.figure.now_note")
        figures.append(KeyFigure(ctx.t("project.figure.now", date=_date(as_of, ctx)), value, note))
    return KeyFigures(tuple(figures))


def plan_summary(plan: Schedule, ctx: Context) -> Text:
    critical = ", ".join(phase_label(n, ctx.lang) for n in plan.critical_path)
    paragraphs = [
        ctx.t(
            "project.summary.dates",
            start=_date(plan.start, ctx),
            end=_date(plan.end - dt.timedelta(days=1), ctx),
            months=i18n.number(plan.duration_months, ctx.lang, decimals=1),
        ),
        ctx.t("project.summary.critical", phases=critical),
    ]
    slack = [p for p in plan.phases if p.slack_days > 0]
    if slack:
        paragraphs.append(
            ctx.tn(
                "project.summary.slack",
                len(slack),
                count=len(slack),
                phases=", ".join(
                    ctx.tn(
                        "project.summary.slack_phase",
                        p.slack_days,
                        phase=phase_label(p.name, ctx.lang),
                        days=i18n.number(p.slack_days, ctx.lang),
                    )
                    for p in slack
                ),
            )
        )
    return Text(tuple(paragraphs))


def phases_table(plan: Schedule, ctx: Context) -> Table:
    rows = tuple(
        (
            phase_label(p.name, ctx.lang),
            batch_label(p.phase.batch, ctx.lang),
            p.start,
            p.last_day,
            p.phase.duration_days,
            p.slack_days,
            ", ".join(phase_label(d, ctx.lang) for d in p.phase.depends_on),
            p.phase.owner,
        )
        for p in plan.phases
    )
    columns = (
        Column(ctx.t("project.col.phase")),
        Column(ctx.t("project.col.batch")),
        Column(ctx.t("project.col.start"), "date"),
        Column(ctx.t("project.col.end"), "date"),
        Column(ctx.t("project.col.days"), "integer"),
        Column(ctx.t("project.col.slack"), "integer"),
        Column(ctx.t("project.col.after")),
        Column(ctx.t("project.col.owner")),
    )
    return Table(
        ctx.t("project.sheet.phases"),
        columns,
        rows,
        ctx,
        strong_rows=frozenset(i for i, p in enumerate(plan.phases) if p.critical),
        note=ctx.t("project.rule.dates"),
    )


def milestones_table(plan: Schedule, ctx: Context) -> Table:
    rows = tuple((ctx.t("project.copil"), d) for d in plan.steering_committees)
    return Table(
        ctx.t("project.sheet.milestones"),
        (Column(ctx.t("project.col.milestone")), Column(ctx.t("project.col.date"), "date")),
        rows,
        ctx,
        note=ctx.t("project.rule.milestones", points=len(plan.operational_points)),
    )


def checklist_table(progress: Sequence[StepProgress], ctx: Context) -> Table:
    """The 17-step deployment checklist (seed 004) with each step's status and date (a step
    not on the Checklist sheet is to do; no date column when no step has a date), the steps
    in progress in bold."""
    from crmwb.workbook.choices import choice_label

    by_number = {step.number: step for step in progress}
    rows: list[tuple[object, ...]] = []
    for step in CHECKLIST:
        state = by_number.get(step.number, StepProgress(step.number))
        rows.append(
            (
                step.number,
                step.title(ctx.lang),
                phase_label(step.phase, ctx.lang),
                choice_label(state.status, ctx.lang),
                state.date,
            )
        )
    columns: tuple[Column, ...] = (
        Column("#", "integer"),
        Column(ctx.t("project.col.step")),
        Column(ctx.t("project.col.phase")),
        Column(ctx.t("project.col.status")),
        Column(ctx.t("project.col.date"), "date"),
    )
    if not any(state.date for state in progress):  # no date typed: no empty date column
        columns, rows = columns[:-1], [row[:-1] for row in rows]
    in_progress = frozenset(
        i
        for i, step in enumerate(CHECKLIST)
        if by_number.get(step.number) is not None
        and by_number[step.number].status is StepStatus.IN_PROGRESS
    )
    if not progress:
        note = ctx.t("project.rule.checklist_blank")
    else:
        note = ctx.t("project.rule.checklist_bold") if in_progress else ""
    return Table(
        ctx.t("project.sheet.checklist"),
        columns,
        tuple(rows),
        ctx,
        note=note,
        strong_rows=in_progress,
    )


# --- governance --------------------------------------------------------------------------------


def governance_key_figures(
    raci: Raci,
    raci_findings: Sequence[GovernanceFinding],
    gaps: Sequence[GovernanceFinding],
    as_of: dt.date,
    ctx: Context,
    *,
    steering: bool = True,
) -> KeyFigures:
    """The governance report's headline: the RACI's points to review (over how many tasks and
    teams) and, when something is tracked (``steering``), the gaps to discuss at the steering
    committee of ``as_of`` (no "0 gaps" when nothing was compared)."""
    tasks, teams = len(raci.tasks), len(raci.teams)
    figures = (
        KeyFigure(
            ctx.t("governance.section.raci_findings"),
            i18n.number(len(raci_findings), ctx.lang),
            ctx.t(
                "governance.figure.raci_note",
                tasks=ctx.tn("governance.count.tasks", tasks, number=i18n.number(tasks, ctx.lang)),
                teams=ctx.tn("governance.count.teams", teams, number=i18n.number(teams, ctx.lang)),
            ),
            highlight=bool(raci_findings),
        ),
        KeyFigure(
            ctx.t("governance.section.gaps"),
            i18n.number(len(gaps), ctx.lang),
            ctx.t("governance.figure.as_of", date=_date(as_of, ctx)),
            highlight=bool(gaps),
        ),
    )
    return KeyFigures(figures if steering else figures[:1])


def raci_table(raci: Raci, ctx: Context) -> Table:
    """The matrix as the client reads it, tasks with a finding in bold."""
    flagged = {f.subject for f in check_raci(raci)}
    rows = tuple(
        (task.group, task.task, *(task.roles.get(team, "") for team in raci.teams))
        for task in raci.tasks
    )
    columns = (
        Column(ctx.t("governance.col.group")),
        Column(ctx.t("governance.col.task")),
        *(Column(team) for team in raci.teams),
    )
    return Table(
        ctx.t("governance.sheet.raci"),
        columns,
        rows,
        ctx,
        strong_rows=frozenset(i for i, task in enumerate(raci.tasks) if task.task in flagged),
        note=ctx.t("governance.rule.raci"),
    )


def raci_findings(raci: Raci, ctx: Context) -> Bullets:
    findings = check_raci(raci)
    if not findings:
        return Bullets((ctx.t("governance.no_finding"),))
    return Bullets(tuple(finding_text(f, ctx.lang) for f in findings))


def raci_findings_table(raci: Raci, ctx: Context) -> Table:
    """The RACI's points to review, numbered, for Excel: the task's area and name, and what to
    fix (one row per finding, in the matrix's order)."""
    rows = tuple(
        (
            number,
            _text(finding.values.get("group", ""), ctx),
            _text(finding.subject, ctx),
            finding_text(finding, ctx.lang),
        )
        for number, finding in enumerate(check_raci(raci), start=1)
    )
    columns = (
        Column("#", "integer"),
        Column(ctx.t("governance.col.group")),
        Column(ctx.t("governance.col.task")),
        Column(ctx.t("governance.col.finding")),
    )
    return Table(
        ctx.t("governance.sheet.raci_findings"),
        columns,
        rows,
        ctx,
        note=ctx.t("governance.rule.raci_checks"),
    )


def _text(value: object, ctx: Context) -> str:
    """A task's or a group's name as the reader reads it (the seed's are catalog labels)."""
    return ctx.t(value) if isinstance(value, LabelKey) else str(value)


def load_table(raci: Raci, ctx: Context) -> Table:
    loads, shares = team_load(raci), load_share(raci)
    rows = tuple((team, *(loads[team][role] for role in Role), shares[team]) for team in raci.teams)
    columns = (
        Column(ctx.t("governance.col.team")),
        *(Column(role.value, "integer") for role in Role),
        Column(ctx.t("governance.col.share"), "percent"),
    )
    return Table(
        ctx.t("governance.sheet.load"), columns, rows, ctx, note=ctx.t("governance.rule.load")
    )


def kpi_table(
    tracks: Sequence[KpiTrack], ctx: Context, as_of: dt.date, *, for_print: bool = True
) -> Table:
    """Each KPI's latest month up to ``as_of``: target, actual, gap (actual − target, as a
    share of the target; none when the target is 0). ``for_print`` writes the month in words
    (« février 2025 »); Excel gets its first day, a real date."""
    rows = []
    for track in tracks:
        months = sorted(m for m in track.actuals if m <= as_of and m in track.targets)
        if not months:
            continue
        last = months[-1]
        target, actual = track.targets[last], track.actuals[last]
        rows.append(
            (
                track.programme,
                track.kpi,
                ctx.t(f"governance.kind.{track.kind}"),
                _month(last, ctx) if for_print else last,
                target,
                actual,
                (actual - target) / target if target else None,
            )
        )
    columns = (
        Column(ctx.t("governance.col.programme")),
        Column(ctx.t("governance.col.kpi")),
        Column(ctx.t("governance.col.kind")),
        Column(ctx.t("governance.col.month"), "text" if for_print else "date"),
        Column(ctx.t("governance.col.target"), "number"),
        Column(ctx.t("governance.col.actual"), "number"),
        Column(ctx.t("governance.col.gap"), "percent"),
    )
    return Table(ctx.t("governance.sheet.kpis"), columns, tuple(rows), ctx)


def _month(day: dt.date, ctx: Context) -> str:
    return i18n.date_pattern(day, "MMMM y", ctx.lang)


def actions_table(progress: ActionsProgress, ctx: Context) -> Table:
    rows = tuple(
        (action.name, action.programme, action.planned, days) for action, days in progress.late
    )
    columns = (
        Column(ctx.t("governance.col.action")),
        Column(ctx.t("governance.col.programme")),
        Column(ctx.t("governance.col.planned"), "date"),
        Column(ctx.t("governance.col.days_late"), "integer"),
    )
    return Table(ctx.t("governance.sheet.late"), columns, rows, ctx)


def gaps_list(findings: Sequence[GovernanceFinding], ctx: Context) -> Bullets:
    if not findings:
        return Bullets((ctx.t("governance.no_gap"),))
    return Bullets(tuple(finding_text(f, ctx.lang) for f in findings))


def late_actions_view(progress: ActionsProgress, ctx: Context) -> Table | Text:
    """The actions late as of the committee's date, or a sentence saying none is."""
    if not progress.late:
        return Text((ctx.t("governance.no_late_action", date=_date(progress.as_of, ctx)),))
    return actions_table(progress, ctx)


def kpi_view(tracks: Sequence[KpiTrack], ctx: Context, as_of: dt.date) -> Table | Text:
    """The KPIs' latest month against target, or a sentence when no KPI has a target and an
    actual for the same month by ``as_of``."""
    table = kpi_table(tracks, ctx, as_of)
    return table if table.rows else Text((ctx.t("governance.no_kpi_month"),))


# --- the project plan report, section by section -----------------------------------------------


@dataclass(frozen=True)
class ProjectReport:
    """Everything the project plan's report shows: the schedule from the workbook's phases and
    start, the reference date (``as_of``), the checklist, and whether the phases are still the
    template's typical plan (``seed``: the report says so)."""

    inputs: ProjectPlanInputs
    plan: Schedule
    as_of: dt.date
    ctx: Context
    seed: bool


def analyse_plan(
    inputs: ProjectPlanInputs, ctx: Context, today: dt.date | None = None
) -> ProjectReport:
    """The schedule (:func:`crmwb.project.planning.schedule`) of the Project plan sheet; the
    reference date is the sheet's, else ``today`` (else the day of the run)."""
    return ProjectReport(
        inputs=inputs,
        plan=schedule(inputs.phases, inputs.start),
        as_of=inputs.as_of or today or dt.date.today(),
        ctx=ctx,
        seed=is_default_plan(inputs.phases),
    )


def plan_header(report: ProjectReport) -> ReportHeader:
    ctx = report.ctx
    return ReportHeader(ctx.t("project.title"), plan_subtitle(report.plan, ctx), ctx)


def plan_summary_parts(report: ProjectReport) -> tuple[KeyFigures, Text]:
    """The summary the plan's report opens with and the pack shows (the typical plan said)."""
    r = report
    text = plan_summary(r.plan, r.ctx)
    if r.seed:
        text = Text((*text.paragraphs, r.ctx.t("project.seed_plan")))
    return plan_key_figures(r.plan, r.ctx, r.as_of), text


def plan_summary_section(report: ProjectReport) -> Section:
    return section(report.ctx.t("project.section.summary"), *plan_summary_parts(report))


def gantt_chart(report: ProjectReport) -> Figure:
    """The schedule as a Gantt chart, today marked: the notebook shows it
    (:func:`gantt_section`) and saves it for the deck."""
    return project_charts.gantt(report.plan, report.ctx, today=report.as_of)


def gantt_section(report: ProjectReport, chart: Figure | None = None) -> Section:
    """The Gantt chart (``chart``: :func:`gantt_chart`'s, drawn here when not given)."""
    r, ctx = report, report.ctx
    title = ctx.t("project.section.gantt")
    if chart is None:
        chart = gantt_chart(r)
    return section(title, Chart.of(chart, title, ctx), keep_together=True)


def phases_section(report: ProjectReport) -> Section:
    r = report
    return section(r.ctx.t("project.section.phases"), phases_table(r.plan, r.ctx))


def milestones_section(report: ProjectReport) -> Section:
    r = report
    return section(r.ctx.t("project.section.milestones"), milestones_table(r.plan, r.ctx))


def checklist_section(report: ProjectReport) -> Section:
    r = report
    return section(r.ctx.t("project.section.checklist"), checklist_table(r.inputs.checklist, r.ctx))


def plan_conventions(report: ProjectReport) -> tuple[str, ...]:
    """The project plan's calculation conventions, for the « Lisez-moi » sheet."""
    ctx = report.ctx
    seed = (ctx.t("project.seed_plan"),) if report.seed else ()
    return (
        ctx.t("project.rule.calendar"),
        ctx.t("project.rule.milestones", points=len(report.plan.operational_points)),
        *seed,
    )


def save_plan(report: ProjectReport, output_dir: str | os.PathLike[str] | None) -> None:
    """The Excel deliverable (with its conventions) and the summary for the pack; nothing
    without an output folder (a notebook run in JupyterLab)."""
    r = report
    tables = [
        phases_table(r.plan, r.ctx),
        milestones_table(r.plan, r.ctx),
        checklist_table(r.inputs.checklist, r.ctx),
    ]
    save_tables(output_dir, "project_plan", tables, r.ctx.lang, conventions=plan_conventions(r))
    save_summary(output_dir, "project_plan", *plan_summary_parts(r))


# --- the governance report, section by section -------------------------------------------------


@dataclass(frozen=True)
class GovernanceReport:
    """Everything the governance report shows: the RACI and its findings (``seed_raci``: the
    matrix is still the template's example, and the report says so), and, when the workbook
    tracks something and has a project plan, the steering committee's follow-up as of
    ``as_of``: the KPIs, the actions' progress and the gaps to discuss (``tolerance``: a KPI is
    behind when it misses its target by more than this share). ``untracked_steering``: the
    workbook tracks KPIs, actions or adoption but has no project plan to date them against."""

    raci: Raci
    raci_findings: tuple[GovernanceFinding, ...]
    as_of: dt.date
    ctx: Context
    tolerance: float = DEFAULT_TOLERANCE
    steering: SteeringInputs | None = None
    progress: ActionsProgress | None = None
    gaps: tuple[GovernanceFinding, ...] = ()
    seed_raci: bool = False
    untracked_steering: bool = False


def analyse_governance(
    raci: Raci,
    ctx: Context,
    *,
    plan: ProjectPlanInputs | None = None,
    steering: SteeringInputs | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    today: dt.date | None = None,
) -> GovernanceReport:
    """The RACI's checks and, when the workbook has a project plan and tracks something, the
    steering committee's gaps (:func:`crmwb.project.governance.steering_gaps`) as of the plan's
    reference date (else ``today``, else the day of the run)."""
    as_of = (plan.as_of if plan else None) or today or dt.date.today()
    base = GovernanceReport(
        raci=raci,
        raci_findings=check_raci(raci),
        as_of=as_of,
        ctx=ctx,
        tolerance=tolerance,
        seed_raci=is_seed_raci(raci),
        untracked_steering=steering is not None and plan is None,
    )
    if plan is None or steering is None:
        return base
    scheduled = schedule(plan.phases, plan.start)
    gaps = steering_gaps(
        as_of=as_of,
        plan_start=scheduled.start,
        plan_end=scheduled.end,
        tracks=steering.tracks,
        actions=steering.actions,
        adoptions=steering.adoptions,
        tolerance=tolerance,
    )
    return replace(
        base, steering=steering, progress=actions_progress(steering.actions, as_of), gaps=gaps
    )


def read_governance(
    reader: WorkbookReader,
    ctx: Context,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    today: dt.date | None = None,
) -> GovernanceReport:
    """:func:`analyse_governance` on a client's workbook: its RACI, its project plan and its
    KPI tracking, Actions and Adoption sheets when filled."""
    plan = read_project_plan(reader) if has_project_plan(reader) else None
    steering = read_steering(reader) if has_steering(reader) else None
    return analyse_governance(
        read_raci(reader), ctx, plan=plan, steering=steering, tolerance=tolerance, today=today
    )


def governance_header(report: GovernanceReport) -> ReportHeader:
    ctx = report.ctx
    subtitle = ctx.t("governance.subtitle", date=_date(report.as_of, ctx))
    return ReportHeader(ctx.t("governance.title"), subtitle, ctx)


def governance_summary_parts(report: GovernanceReport) -> tuple[KeyFigures, Bullets | Text]:
    """The summary the governance report opens with and the pack shows: key figures, then the
    gaps to discuss (or why there is no follow-up)."""
    r, ctx = report, report.ctx
    figures = governance_key_figures(
        r.raci, r.raci_findings, r.gaps, r.as_of, ctx, steering=r.steering is not None
    )
    if r.steering is not None:
        return figures, gaps_list(r.gaps, ctx)
    key = "governance.untracked_steering" if r.untracked_steering else "governance.no_steering"
    return figures, Text((ctx.t(key),))


def governance_summary_section(report: GovernanceReport) -> Section:
    r = report
    return section(r.ctx.t("project.section.summary"), *governance_summary_parts(r))


def raci_section(report: GovernanceReport) -> Section:
    """The matrix (labelled when it is still the template's example) and its findings."""
    r, ctx = report, report.ctx
    seed = (Text((ctx.t("governance.seed_raci"),), css_class="note"),) if r.seed_raci else ()
    return section(
        ctx.t("governance.section.raci"),
        *seed,
        raci_table(r.raci, ctx),
        raci_findings(r.raci, ctx),
    )


def load_section(report: GovernanceReport) -> Section:
    return section(report.ctx.t("governance.section.load"), load_table(report.raci, report.ctx))


def kpi_chart_view(report: GovernanceReport) -> Chart | Text:
    """The KPIs' targets and actuals as a chart, or a sentence when no KPI has a target."""
    r, ctx = report, report.ctx
    tracks = r.steering.tracks if r.steering else ()
    if not any(track.targets for track in tracks):
        return Text((ctx.t("governance.no_kpi"),))
    chart = project_charts.kpi_tracking(tracks, ctx, r.as_of, r.tolerance)
    return Chart.of(chart, ctx.t("governance.chart.kpi_alt"), ctx)


def copil_sections(report: GovernanceReport) -> Sections:
    """The steering committee's follow-up (KPIs, late actions), when something is tracked."""
    r, ctx = report, report.ctx
    if r.steering is None or r.progress is None:
        return Sections(())
    tracks = r.steering.tracks
    return Sections(
        (
            section(
                ctx.t("governance.section.copil"),
                kpi_chart_view(r),
                kpi_view(tracks, ctx, r.as_of),
                late_actions_view(r.progress, ctx),
            ),
        )
    )


def governance_conventions(report: GovernanceReport) -> tuple[str, ...]:
    """The governance's conventions, for the « Lisez-moi » sheet."""
    r, ctx = report, report.ctx
    seed = (ctx.t("governance.seed_raci"),) if r.seed_raci else ()
    follow_up = (
        (ctx.t("governance.rule.tolerance", tolerance=ctx.percent(r.tolerance)),)
        if r.steering is not None
        else ()
    )
    return (ctx.t("governance.rule.raci_checks"), ctx.t("governance.rule.load"), *seed, *follow_up)


def governance_tables(report: GovernanceReport) -> list[Table]:
    """The Excel deliverable's sheets (a table with no row left out)."""
    r, ctx = report, report.ctx
    tables = [raci_table(r.raci, ctx), raci_findings_table(r.raci, ctx), load_table(r.raci, ctx)]
    if r.steering is not None and r.progress is not None:
        tables += [
            kpi_table(r.steering.tracks, ctx, r.as_of, for_print=False),
            actions_table(r.progress, ctx),
        ]
    return [table for table in tables if table.rows]


def save_governance(report: GovernanceReport, output_dir: str | os.PathLike[str] | None) -> None:
    """The Excel deliverable (with its conventions) and the summary for the pack; nothing
    without an output folder (a notebook run in JupyterLab)."""
    r = report
    save_tables(
        output_dir,
        "governance",
        governance_tables(r),
        r.ctx.lang,
        conventions=governance_conventions(r),
    )
    save_summary(output_dir, "governance", *governance_summary_parts(r))
