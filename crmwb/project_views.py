"""The project plan and governance deliverables' tables and sentences, from
:mod:`crmwb.planning` and :mod:`crmwb.governance` results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from crmwb import i18n
from crmwb.governance import (
    ActionsProgress,
    GovernanceFinding,
    KpiTrack,
    Raci,
    Role,
    check_raci,
    finding_text,
    load_share,
    team_load,
)
from crmwb.planning import CHECKLIST, Schedule, batch_label, phase_label
from crmwb.project_sheets import StepProgress, StepStatus
from crmwb.views import Bullets, Column, Context, KeyFigure, KeyFigures, Table, Text


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
            _date(p.start, ctx),
            _date(p.last_day, ctx),
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
        Column(ctx.t("project.col.start")),
        Column(ctx.t("project.col.end")),
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
    rows = tuple((ctx.t("project.copil"), _date(d, ctx)) for d in plan.steering_committees)
    return Table(
        ctx.t("project.sheet.milestones"),
        (Column(ctx.t("project.col.milestone")), Column(ctx.t("project.col.date"))),
        rows,
        ctx,
        note=ctx.t("project.rule.milestones", points=len(plan.operational_points)),
    )


def checklist_table(progress: Sequence[StepProgress], ctx: Context) -> Table:
    """The 17-step deployment checklist (seed 004) with each step's status and date (a step
    not on the Checklist sheet is to do)."""
    from crmwb.workbook import choice_label

    by_number = {step.number: step for step in progress}
    rows = []
    for step in CHECKLIST:
        state = by_number.get(step.number, StepProgress(step.number))
        rows.append(
            (
                step.number,
                step.title(ctx.lang),
                phase_label(step.phase, ctx.lang),
                choice_label(state.status, ctx.lang),
                _date(state.date, ctx) if state.date else "",
            )
        )
    columns = (
        Column("#", "integer"),
        Column(ctx.t("project.col.step")),
        Column(ctx.t("project.col.phase")),
        Column(ctx.t("project.col.status")),
        Column(ctx.t("project.col.date")),
    )
    return Table(
        ctx.t("project.sheet.checklist"),
        columns,
        tuple(rows),
        ctx,
        strong_rows=frozenset(
            i
            for i, step in enumerate(CHECKLIST)
            if by_number.get(step.number) is not None
            and by_number[step.number].status is StepStatus.IN_PROGRESS
        ),
    )


# --- governance --------------------------------------------------------------------------------


def governance_key_figures(
    raci: Raci,
    raci_findings: Sequence[GovernanceFinding],
    gaps: Sequence[GovernanceFinding],
    as_of: dt.date,
    ctx: Context,
) -> KeyFigures:
    """The governance report's headline: the RACI's points to review (over how many tasks and
    teams) and the gaps to discuss at the steering committee of ``as_of``."""
    tasks, teams = len(raci.tasks), len(raci.teams)
    return KeyFigures(
        (
            KeyFigure(
                ctx.t("governance.section.raci_findings"),
                i18n.number(len(raci_findings), ctx.lang),
                ctx.t(
                    "governance.figure.raci_note",
                    tasks=ctx.tn(
                        "governance.count.tasks", tasks, number=i18n.number(tasks, ctx.lang)
                    ),
                    teams=ctx.tn(
                        "governance.count.teams", teams, number=i18n.number(teams, ctx.lang)
                    ),
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
    )


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


def kpi_table(tracks: Sequence[KpiTrack], ctx: Context, as_of: dt.date) -> Table:
    """Each KPI's latest month up to ``as_of``: target, actual, gap."""
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
                _month(last, ctx),
                target,
                actual,
                (actual - target) / target if target else None,
            )
        )
    columns = (
        Column(ctx.t("governance.col.programme")),
        Column(ctx.t("governance.col.kpi")),
        Column(ctx.t("governance.col.kind")),
        Column(ctx.t("governance.col.month")),
        Column(ctx.t("governance.col.target"), "number"),
        Column(ctx.t("governance.col.actual"), "number"),
        Column(ctx.t("governance.col.gap"), "percent"),
    )
    return Table(ctx.t("governance.sheet.kpis"), columns, tuple(rows), ctx)


def _month(day: dt.date, ctx: Context) -> str:

    return i18n.date_pattern(day, "MMMM y", ctx.lang)


def actions_table(progress: ActionsProgress, ctx: Context) -> Table:
    rows = tuple(
        (action.name, action.programme, _date(action.planned, ctx), days)
        for action, days in progress.late
    )
    columns = (
        Column(ctx.t("governance.col.action")),
        Column(ctx.t("governance.col.programme")),
        Column(ctx.t("governance.col.planned")),
        Column(ctx.t("governance.col.days_late"), "integer"),
    )
    return Table(ctx.t("governance.sheet.late"), columns, rows, ctx)


def gaps_list(findings: Sequence[GovernanceFinding], ctx: Context) -> Bullets:
    if not findings:
        return Bullets((ctx.t("governance.no_gap"),))
    return Bullets(tuple(finding_text(f, ctx.lang) for f in findings))
