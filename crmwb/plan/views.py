"""The relationship-plan deliverable's tables and sentences, built from :mod:`crmwb.plan.model`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from crmwb.core import i18n
from crmwb.core.i18n import plural_count
from crmwb.deliver import views
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
    Table,
    Text,
    section,
)
from crmwb.journey.model import (
    ALL_SEGMENTS,
    DEFAULT_RULE,
    Journey,
    MomentOfTruth,
    MomentRule,
    moments_of_truth,
)
from crmwb.plan import charts as plan_charts
from crmwb.plan.checks import PlanFinding, check_plan, finding_subject, finding_text, finding_title
from crmwb.plan.kpis import assess_kpi
from crmwb.plan.model import Family, ProgrammeSummary, RelationshipPlan, programme_summary
from crmwb.plan.pressure import (
    PressureCalendar,
    PressureCell,
    marketing_pressure,
    scenario_monthly_rate,
)


def segment_name(name: str, ctx: Context) -> str:
    """A segment as the report names it (every segment together: « Tous segments »)."""
    return ctx.t("journey.all_segments") if name == ALL_SEGMENTS else name


def _number(value: float, ctx: Context) -> str:
    whole = round(value, 1) == round(value)
    return i18n.number(value, ctx.lang, decimals=0 if whole else 1)


def _shown(value: float) -> float:
    """``value`` as :func:`_number` shows it (for the plural of the noun after it)."""
    return round(value) if round(value, 1) == round(value) else round(value, 1)


def count(key: str, number: float, ctx: Context) -> str:
    """``number`` and its noun, agreeing with it (« 1 scénario », « 7 campagnes », « 2,3
    messages »): the plural message ``plan.count.<key>``, or ``plan.count.<key>.none`` for 0
    when the language says it otherwise (« aucune campagne »)."""
    if number == 0 and i18n.has_message(f"plan.count.{key}.none"):
        return ctx.t(f"plan.count.{key}.none")
    return ctx.tn(
        f"plan.count.{key}", plural_count(_shown(number), ctx.lang), number=_number(number, ctx)
    )


def subtitle(plan: RelationshipPlan, ctx: Context) -> str:
    text = ctx.t(
        "plan.subtitle",
        programmes=count("programmes", len(plan.programmes), ctx),
        scenarios=count("scenarios", len(plan.scenarios), ctx),
        campaigns=count("campaigns", len(plan.campaigns), ctx),
    )
    if plan.campaigns:
        dates = sorted(c.date for c in plan.campaigns)
        text += ctx.t(
            "plan.subtitle.calendar",
            first=i18n.date(dates[0], ctx.lang),
            last=i18n.date(dates[-1], ctx.lang),
        )
    return text


def key_figures(
    plan: RelationshipPlan,
    findings: Sequence[PlanFinding],
    pressure: PressureCalendar | None,
    ctx: Context,
) -> KeyFigures:
    warnings = [f for f in findings if f.severity == "warning"]
    figures = [
        KeyFigure(
            ctx.t("plan.figure.programmes"),
            i18n.number(len(plan.programmes), ctx.lang),
            ctx.t(
                "plan.figure.actions",
                scenarios=count("scenarios", len(plan.scenarios), ctx),
                campaigns=count("campaigns", len(plan.campaigns), ctx),
            ),
        ),
        KeyFigure(
            ctx.t("plan.figure.findings"),
            i18n.number(len(warnings), ctx.lang),
            ctx.t("plan.figure.infos", notes=count("notes", len(findings) - len(warnings), ctx)),
            highlight=bool(warnings),
        ),
    ]
    business = sum(assess_kpi(p.kpi).kind == "business" for p in plan.programmes)
    figures.append(
        KeyFigure(
            ctx.t("plan.figure.business_kpis"),
            _ratio(business, len(plan.programmes), ctx),
            ctx.t("plan.figure.business_kpis_note"),
        )
    )
    if pressure is not None:
        weeks = {cell.start for cell in pressure.weekly.values() if cell.over_cap}
        figures.append(
            KeyFigure(
                ctx.t("plan.figure.weeks_over"),
                _ratio(len(weeks), len(pressure.weeks), ctx),
                ctx.t("plan.figure.weeks_over_note"),
                highlight=bool(weeks),
            )
        )
    return KeyFigures(tuple(figures))


def _ratio(part: int, whole: int, ctx: Context) -> str:
    return f"{i18n.number(part, ctx.lang)} / {i18n.number(whole, ctx.lang)}"


def summary(
    plan: RelationshipPlan,
    findings: Sequence[PlanFinding],
    moments: Sequence[MomentOfTruth],
    pressure: PressureCalendar | None,
    ctx: Context,
) -> Text:
    """The executive summary, written from the numbers."""
    paragraphs = []
    warnings = [f for f in findings if f.severity == "warning"]
    paragraphs.append(
        ctx.tn("plan.summary.findings", len(warnings), count=len(warnings))
        if warnings
        else ctx.t("plan.summary.no_finding")
    )
    by_rule: dict[str, int] = {}
    for finding in warnings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    programmes = [
        ctx.tn(f"plan.summary.{rule}", by_rule[rule], count=by_rule[rule])
        for rule in ("too_many_objectives", "not_business_kpi")
        if by_rule.get(rule)
    ]
    if programmes:
        paragraphs.append(" ".join(programmes))
    to_fix = [m for m in moments if m.to_fix]
    if to_fix:
        addressed = len(to_fix) - by_rule.get("moment_not_addressed", 0)
        if addressed == len(to_fix):
            text = ctx.tn("plan.summary.moments_all", addressed, count=addressed)
        elif not addressed:
            text = ctx.tn("plan.summary.moments_none", len(to_fix), count=len(to_fix))
        else:
            text = ctx.tn("plan.summary.moments", addressed, addressed=addressed, count=len(to_fix))
        paragraphs.append(text)
    if pressure is not None:
        paragraphs.append(_pressure_summary(pressure, ctx))
    return Text(tuple(paragraphs))


def _has_cap(pressure: PressureCalendar) -> bool:
    """Whether any segment has a weekly or monthly cap to compare its pressure with."""
    cells = (*pressure.weekly.values(), *pressure.monthly.values())
    return any(cell.cap is not None for cell in cells)


def _pressure_summary(pressure: PressureCalendar, ctx: Context) -> str:
    """The busiest week over its cap (else the busiest month), that none is, or that there is
    no cap to compare with."""
    weekly = set(pressure.weekly.values())
    over = pressure.over_caps()
    if not _has_cap(pressure):
        return ctx.t("plan.summary.pressure_no_cap")
    if not over:
        return ctx.t("plan.summary.pressure_ok")
    weeks = [cell for cell in over if cell in weekly]
    cells = weeks or over
    worst = max(cells, key=lambda c: (c.total - (c.cap or 0), -c.start.toordinal()))
    key = "plan.summary.pressure" if weeks else "plan.summary.pressure_month"
    if worst.segment == ALL_SEGMENTS:
        key += ".all"
    start = (
        i18n.date(worst.start, ctx.lang)
        if weeks
        else i18n.date_pattern(worst.start, "LLLL y", ctx.lang)
    )
    return ctx.t(
        key,
        segment=worst.segment,
        start=start,
        messages=count("messages_per_contact", worst.total, ctx),
        cap=_number(worst.cap or 0, ctx),
    )


def findings_list(findings: Sequence[PlanFinding], ctx: Context) -> Bullets:
    """The findings, those to fix first, each a sentence."""
    ordered = [f for f in findings if f.severity == "warning"] + [
        f for f in findings if f.severity != "warning"
    ]
    if not ordered:
        return Bullets((ctx.t("plan.summary.no_finding"),))
    return Bullets(
        tuple(
            f"**{ctx.t(f'plan.severity.{f.severity}')}** — {finding_text(f, ctx.lang)}"
            for f in ordered
        )
    )


def findings_table(findings: Sequence[PlanFinding], ctx: Context) -> Table:
    """The findings for Excel: severity, rule (its name in the client's language), subject,
    message."""
    return views.findings_table(
        ctx.t("plan.sheet.findings"),
        [
            (
                f.severity,
                finding_title(f, ctx.lang),
                finding_subject(f, ctx.lang),
                finding_text(f, ctx.lang),
            )
            for f in findings
        ],
        ctx,
    )


def programmes_table(
    plan: RelationshipPlan,
    summaries: Sequence[ProgrammeSummary],
    ctx: Context,
    *,
    for_print: bool = False,
) -> Table:
    """One row per programme: target, objectives, KPI, actions, channels (and, in Excel, the
    KPI's kind and the touchpoints addressed; the report shows those in their own sections)."""
    rows: list[tuple[object, ...]] = []
    for s in summaries:
        objectives = " · ".join(plan.programme(s.name).objectives)
        actions = ", ".join(
            count(key, number, ctx)
            for key, number in (("scenarios", s.scenarios), ("campaigns", s.campaigns))
            if number
        )
        if for_print:
            rows.append(
                (
                    s.name,
                    segment_name(s.segment, ctx),
                    objectives,
                    s.kpi or "–",
                    actions or "–",
                    ", ".join(s.channels),
                )
            )
        else:
            rows.append(
                (
                    s.name,
                    segment_name(s.segment, ctx),
                    objectives,
                    s.kpi,
                    ctx.t(f"plan.kpi_kind.{s.kpi_kind}") if s.kpi.strip() else "–",
                    s.scenarios,
                    s.campaigns,
                    ", ".join(s.channels),
                    ", ".join(s.touchpoints),
                )
            )
    head = (
        Column(ctx.t("plan.col.programme")),
        Column(ctx.t("plan.col.segment")),
        Column(ctx.t("plan.col.objectives")),
        Column(ctx.t("plan.col.kpi")),
    )
    columns = (
        (*head, Column(ctx.t("plan.col.actions")), Column(ctx.t("plan.col.channels")))
        if for_print
        else (
            *head,
            Column(ctx.t("plan.col.kpi_kind")),
            Column(ctx.t("plan.col.scenarios"), "integer"),
            Column(ctx.t("plan.col.campaigns"), "integer"),
            Column(ctx.t("plan.col.channels")),
            Column(ctx.t("plan.col.touchpoints")),
        )
    )
    return Table(ctx.t("plan.sheet.programmes"), columns, tuple(rows), ctx)


def kpi_table(plan: RelationshipPlan, ctx: Context) -> Table:
    """Each programme's main KPI, its kind, and why it is not a business KPI when it is not
    (that column left out when every KPI is one)."""
    rows: list[tuple[object, ...]] = []
    for programme in plan.programmes:
        assessment = assess_kpi(programme.kpi)
        rows.append(
            (
                programme.name,
                programme.kpi or "–",
                ctx.t(f"plan.kpi_kind.{assessment.kind}") if programme.kpi.strip() else "–",
                ctx.t(assessment.reason) if assessment.reason else "",
            )
        )
    columns: tuple[Column, ...] = (
        Column(ctx.t("plan.col.programme")),
        Column(ctx.t("plan.col.kpi")),
        Column(ctx.t("plan.col.kpi_kind")),
        Column(ctx.t("plan.col.why")),
    )
    if not any(row[-1] for row in rows):  # every KPI a business one: no empty "why" column
        columns, rows = columns[:-1], [row[:-1] for row in rows]
    return Table(
        ctx.t("plan.sheet.kpis"),
        columns,
        tuple(rows),
        ctx,
        note=ctx.t("plan.rule.kpis"),
    )


def moments_table(plan: RelationshipPlan, moments: Sequence[MomentOfTruth], ctx: Context) -> Table:
    """The journey's moments of truth and the actions that address them."""
    rows = []
    for m in moments:
        tid = m.touchpoint.id
        by = [
            *(p.name for p in plan.programmes if tid in p.touchpoints),
            *(s.name for s in plan.scenarios if tid in s.touchpoints),
            *(c.name for c in plan.campaigns if tid in c.touchpoints),
        ]
        rows.append(
            (
                m.rank,
                tid,
                m.touchpoint.description,
                ctx.t("journey.to_fix") if m.to_fix else ctx.t("journey.to_keep"),
                ", ".join(dict.fromkeys(by)) or ctx.t("plan.not_addressed"),
            )
        )
    columns = (
        Column("#", "integer"),
        Column(ctx.t("journey.col.id")),
        Column(ctx.t("journey.col.touchpoint")),
        Column(ctx.t("journey.col.status")),
        Column(ctx.t("plan.col.addressed_by")),
    )
    return Table(
        ctx.t("plan.sheet.moments"),
        columns,
        tuple(rows),
        ctx,
        strong_rows=frozenset(
            i
            for i, (m, row) in enumerate(zip(moments, rows, strict=True))
            if m.to_fix and row[-1] == ctx.t("plan.not_addressed")
        ),
        note=ctx.t("plan.rule.moments"),
    )


def _month_label(day: dt.date, ctx: Context, with_year: bool = True) -> str:
    """« janv. 2027 », or « févr. » without its year (the year in full: « janv. 27 » reads
    as a day in French)."""
    return i18n.date_pattern(day, "MMM y" if with_year else "MMM", ctx.lang)


def month_labels(months: Sequence[dt.date], ctx: Context) -> list[str]:
    """Each month as the monthly tables head their columns: « janv. 2027 », « févr. » ..., the
    year on the first month and on each January."""
    return [_month_label(m, ctx, i == 0 or m.month == 1) for i, m in enumerate(months)]


MONTHS_PER_PRINTED_TABLE = 6
"""At most six month columns in a printed table (an A4 page's width, whatever the names)."""


def monthly_tables(pressure: PressureCalendar, ctx: Context) -> tuple[Table, ...]:
    """Messages per contact per month, segment by segment, with the monthly cap (when a
    segment has one), for print:
    the months in as few tables as needed of at most six months each, as even as can be
    (12 months: 6 + 6; 13: 5 + 5 + 3), each month's year shown on its table's first column and
    on January; the counting rule under the last one."""
    months = pressure.months
    count = max(1, -(-len(months) // MONTHS_PER_PRINTED_TABLE))
    size = -(-len(months) // count) if months else 0
    chunks = [months[i : i + size] for i in range(0, len(months), size)] if size else [()]
    capped = any(cell.cap is not None for cell in pressure.monthly.values())
    totals = plan_charts.pressure_totals(pressure, "month")
    tables = []
    for k, chunk in enumerate(chunks):
        first = k * size
        rows = []
        for segment in pressure.segments:
            cap = pressure.monthly[segment, months[0]].cap if months else None
            rows.append(
                (
                    segment_name(segment, ctx),
                    *((cap,) if capped else ()),
                    *totals[segment][first : first + len(chunk)],
                )
            )
        columns = (
            Column(ctx.t("plan.col.segment")),
            *((Column(ctx.t("plan.col.cap_month"), "number"),) if capped else ()),
            *(
                Column(_month_label(m, ctx, i == 0 or m.month == 1), "number")
                for i, m in enumerate(chunk)
            ),
        )
        last = k == len(chunks) - 1
        tables.append(
            Table(
                ctx.t("plan.sheet.pressure_months"),
                columns,
                tuple(rows),
                ctx,
                note=ctx.t("plan.rule.pressure") if last else "",
            )
        )
    return tuple(tables)


def _pressure_rows(
    pressure: PressureCalendar, period: Literal["week", "month"], ctx: Context
) -> tuple[tuple[object, ...], ...]:
    starts = pressure.weeks if period == "week" else pressure.months
    cells = pressure.weekly if period == "week" else pressure.monthly
    yes, no = ctx.t("journey.yes"), ctx.t("journey.no")
    return tuple(
        (
            segment_name(segment, ctx),
            start,
            cell.campaigns,
            round(cell.scenarios, 2),
            round(cell.total, 2),
            cell.cap,
            (yes if cell.over_cap else no) if cell.cap is not None else "",
        )
        for segment in pressure.segments
        for start in starts
        for cell in (cells[segment, start],)
    )


def pressure_table(
    pressure: PressureCalendar, period: Literal["week", "month"], ctx: Context
) -> Table:
    """The marketing pressure as data, for Excel: one row per segment and ISO week (its
    Monday) or month (its first day), a real date, the campaign messages, the scenarios'
    estimate, the total, the cap and whether it is over it (filter on it)."""
    first = "plan.col.week_of" if period == "week" else "plan.col.month"
    cap = "plan.col.cap_week" if period == "week" else "plan.col.cap_month"
    columns = (
        Column(ctx.t("plan.col.segment")),
        Column(ctx.t(first), "date"),
        Column(ctx.t("plan.col.campaign_messages"), "integer"),
        Column(ctx.t("plan.col.scenario_messages"), "number"),
        Column(ctx.t("plan.col.total"), "number"),
        Column(ctx.t(cap), "number"),
        Column(ctx.t("plan.col.over_cap")),
    )
    sheet = "plan.sheet.pressure_weeks" if period == "week" else "plan.sheet.pressure_months"
    return Table(ctx.t(sheet), columns, _pressure_rows(pressure, period, ctx), ctx)


def over_cap_table(pressure: PressureCalendar, ctx: Context) -> Table | Text:
    """Every week and month over its cap, or a sentence saying there is none (or no cap)."""
    if not pressure.over_caps():
        return Text((_pressure_summary(pressure, ctx),))
    weekly = set(pressure.weekly.values())

    def row(cell: PressureCell) -> tuple[object, ...]:
        period = ctx.t("plan.col.week") if cell in weekly else ctx.t("plan.col.month")
        return (
            segment_name(cell.segment, ctx),
            period,
            cell.start,
            cell.campaigns,
            cell.scenarios,
            cell.total,
            cell.cap,
        )

    columns = (
        Column(ctx.t("plan.col.segment")),
        Column(ctx.t("plan.col.period")),
        Column(ctx.t("plan.col.starting"), "date"),
        Column(ctx.t("plan.col.campaign_messages"), "integer"),
        Column(ctx.t("plan.col.scenario_messages"), "number"),
        Column(ctx.t("plan.col.total"), "number"),
        Column(ctx.t("plan.col.cap"), "number"),
    )
    return Table(
        ctx.t("plan.sheet.over_cap"),
        columns,
        tuple(row(c) for c in pressure.over_caps()),
        ctx,
    )


def scenarios_table(plan: RelationshipPlan, ctx: Context) -> Table:
    """The scenarios, programme by programme: trigger, channel, delay, cap and the messages
    per contact per month they add to the pressure (the estimate, capped)."""
    rows = tuple(
        (
            s.name,
            s.programme,
            s.trigger,
            s.channel,
            s.delay_days,
            s.cap_days,
            scenario_monthly_rate(s),
            segment_name(plan.segment_of(s), ctx),
        )
        for p in plan.programmes
        for s in plan.scenarios
        if s.programme == p.name
    )
    columns = (
        Column(ctx.t("plan.col.scenario")),
        Column(ctx.t("plan.col.programme")),
        Column(ctx.t("plan.col.trigger")),
        Column(ctx.t("plan.col.channel")),
        Column(ctx.t("plan.col.delay"), "number"),
        Column(ctx.t("plan.col.cap_days"), "number"),
        Column(ctx.t("plan.col.rate"), "number"),
        Column(ctx.t("plan.col.segment")),
    )
    return Table(
        ctx.t("plan.sheet.scenarios"), columns, rows, ctx, note=ctx.t("plan.rule.scenarios")
    )


def campaigns_table(plan: RelationshipPlan, ctx: Context) -> Table:
    """The campaign calendar, in date order."""
    rows = tuple(
        (
            c.date,
            c.name,
            c.programme,
            segment_name(c.segment, ctx),
            c.channel,
        )
        for c in sorted(plan.campaigns, key=lambda c: c.date)
    )
    columns = (
        Column(ctx.t("plan.col.date"), "date"),
        Column(ctx.t("plan.col.campaign")),
        Column(ctx.t("plan.col.programme")),
        Column(ctx.t("plan.col.segment")),
        Column(ctx.t("plan.col.channel")),
    )
    return Table(ctx.t("plan.sheet.campaigns"), columns, rows, ctx)


def conventions_table(plan: RelationshipPlan, ctx: Context) -> Table:
    """The internal conventions as one two-column table: what is agreed, and the rule."""
    conv = plan.conventions
    rows: list[tuple[object, ...]] = []
    not_set = ctx.t("plan.not_set")
    for label, key, months in (
        ("plan.conv.active", "plan.conv.active_months", conv.active_months),
        ("plan.conv.inactive", "plan.conv.inactive_months", conv.inactive_months),
    ):
        rows.append(
            (
                ctx.t(label),
                ctx.tn(key, months, months=i18n.number(months, ctx.lang))
                if months is not None
                else not_set,
            )
        )
    for cap in conv.caps:
        week = count("messages", cap.per_week, ctx) if cap.per_week is not None else None
        month = count("messages", cap.per_month, ctx) if cap.per_month is not None else None
        if week is not None and month is not None:
            rule = ctx.t("plan.conv.caps", week=week, month=_number(cap.per_month or 0, ctx))
        elif week is not None:
            rule = ctx.t("plan.conv.per_week", week=week)
        elif month is not None:
            rule = ctx.t("plan.conv.per_month", month=month)
        else:
            rule = not_set
        what = (
            ctx.t("plan.conv.cap_all")
            if cap.segment == ALL_SEGMENTS
            else ctx.t("plan.conv.cap", segment=cap.segment)
        )
        rows.append((what, rule))
    for opt_in in conv.opt_in:
        text = ctx.t(f"plan.opt_in.{opt_in.rule.name.lower()}")
        rows.append(
            (
                ctx.t("plan.conv.opt_in", channel=opt_in.channel),
                text + (f" — {opt_in.notes}" if opt_in.notes else ""),
            )
        )
    for family in Family:
        senders = [s for s in conv.senders if s.family is family]
        value = ", ".join(
            ctx.t("plan.conv.sender_ip", address=s.address, ip=s.ip) if s.ip else s.address
            for s in senders
        )
        rows.append(
            (
                ctx.t("plan.conv.sender", family=ctx.t(f"plan.family.{family.value}")),
                value or not_set,
            )
        )
    columns = (Column(ctx.t("plan.col.convention")), Column(ctx.t("plan.col.rule_value")))
    return Table(ctx.t("plan.sheet.conventions"), columns, tuple(rows), ctx)


def excel_tables(
    plan: RelationshipPlan,
    summaries: Sequence[ProgrammeSummary],
    findings: Sequence[PlanFinding],
    moments: Sequence[MomentOfTruth],
    pressure: PressureCalendar | None,
    ctx: Context,
) -> list[Table]:
    """The Excel deliverable's sheets, as data (dates as dates, the pressure one row per
    segment and period); a table with no row is left out."""
    tables = [
        programmes_table(plan, summaries, ctx),
        findings_table(findings, ctx),
        kpi_table(plan, ctx),
        moments_table(plan, moments, ctx),
    ]
    if pressure is not None:
        tables += [pressure_table(pressure, "week", ctx), pressure_table(pressure, "month", ctx)]
    tables += [scenarios_table(plan, ctx), campaigns_table(plan, ctx), conventions_table(plan, ctx)]
    return [table for table in tables if table.rows]


def conventions(report: PlanReport) -> tuple[str, ...]:
    """The calculation conventions of the plan's review, for the Excel deliverable's
    « Lisez-moi » sheet."""
    ctx = report.ctx
    return (
        ctx.t("plan.rule.objectives"),
        ctx.t("plan.rule.kpis"),
        ctx.t("plan.rule.moments_addressed"),
        ctx.t("plan.rule.pressure"),
        ctx.t("plan.rule.scenarios"),
    )


# --- the report, section by section (the notebook calls one function per section) -----------


@dataclass(frozen=True)
class PlanReport:
    """Everything the relationship plan's review shows, computed once: the journey's moments of
    truth (when the workbook has a journey), the marketing pressure (when the plan has
    campaigns: the calendar spans their dates), the findings and the programmes' summary."""

    plan: RelationshipPlan
    journey: Journey | None
    ctx: Context
    moments: tuple[MomentOfTruth, ...]
    pressure: PressureCalendar | None
    findings: tuple[PlanFinding, ...]
    summaries: tuple[ProgrammeSummary, ...]


def analyse(
    plan: RelationshipPlan,
    journey: Journey | None,
    ctx: Context,
    *,
    min_importance: int = DEFAULT_RULE.min_importance,
) -> PlanReport:
    """The plan's checks (:func:`crmwb.plan.checks.check_plan`) against the journey's moments of
    truth to fix (importance ``min_importance`` or more) and its segments."""
    moments = moments_of_truth(journey, MomentRule(min_importance)) if journey else ()
    segments = [s.name for s in journey.segments] if journey else []
    pressure = marketing_pressure(plan, segments) if plan.campaigns else None
    to_fix = [m.touchpoint.id for m in moments if m.to_fix]
    return PlanReport(
        plan=plan,
        journey=journey,
        ctx=ctx,
        moments=moments,
        pressure=pressure,
        findings=check_plan(plan, journey, to_fix, pressure),
        summaries=programme_summary(plan),
    )


def header(report: PlanReport) -> ReportHeader:
    ctx = report.ctx
    return ReportHeader(ctx.t("plan.title"), subtitle(report.plan, ctx), ctx)


def summary_parts(report: PlanReport) -> tuple[KeyFigures, Text]:
    """The summary the report opens with and the pack shows: key figures and sentences."""
    r = report
    return (
        key_figures(r.plan, r.findings, r.pressure, r.ctx),
        summary(r.plan, r.findings, r.moments, r.pressure, r.ctx),
    )


def summary_section(report: PlanReport) -> Section:
    return section(report.ctx.t("plan.section.summary"), *summary_parts(report))


def programmes_section(report: PlanReport) -> Section:
    r = report
    table = programmes_table(r.plan, r.summaries, r.ctx, for_print=True)
    return section(r.ctx.t("plan.section.programmes"), table)


def findings_section(report: PlanReport) -> Section:
    return section(
        report.ctx.t("plan.section.findings"), findings_list(report.findings, report.ctx)
    )


def kpis_section(report: PlanReport) -> Section:
    return section(report.ctx.t("plan.section.kpis"), kpi_table(report.plan, report.ctx))


def moments_section(report: PlanReport) -> Section:
    """The journey's moments of truth and the actions that address them; a sentence when the
    workbook has no journey, or the journey no moment of truth."""
    r, ctx = report, report.ctx
    view: Table | Text
    if r.journey is None:
        view = Text((ctx.t("plan.no_journey"),))
    elif not r.moments:
        view = Text((ctx.t("plan.no_moment"),))
    else:
        view = moments_table(r.plan, r.moments, ctx)
    return section(ctx.t("plan.section.moments"), view)


def pressure_section(report: PlanReport) -> Section:
    """The weekly pressure calendar, the monthly tables and the periods over their cap; a
    sentence when the plan has no campaign (the calendar spans the campaigns' dates)."""
    r, ctx = report, report.ctx
    title = ctx.t("plan.section.pressure")
    if r.pressure is None:
        return section(title, Text((ctx.t("plan.no_campaign_pressure"),)))
    chart = plan_charts.pressure_calendar(r.pressure, ctx)
    return section(
        title,
        Chart.of(chart, ctx.t("plan.chart.pressure_alt"), ctx),
        *monthly_tables(r.pressure, ctx),
        over_cap_table(r.pressure, ctx),
    )


def scenarios_section(report: PlanReport) -> Section:
    ctx = report.ctx
    view: Table | Text = (
        scenarios_table(report.plan, ctx)
        if report.plan.scenarios
        else Text((ctx.t("plan.no_scenario"),))
    )
    return section(ctx.t("plan.section.scenarios"), view)


def campaigns_section(report: PlanReport) -> Section:
    ctx = report.ctx
    view: Table | Text = (
        campaigns_table(report.plan, ctx)
        if report.plan.campaigns
        else Text((ctx.t("plan.no_campaign"),))
    )
    return section(ctx.t("plan.section.campaigns"), view)


def conventions_section(report: PlanReport) -> Section:
    ctx = report.ctx
    return section(ctx.t("plan.section.conventions"), conventions_table(report.plan, ctx))


def save(report: PlanReport, output_dir: str | os.PathLike[str] | None) -> None:
    """The Excel deliverable (with its conventions) and the summary for the pack; nothing
    without an output folder (a notebook run in JupyterLab)."""
    r = report
    save_tables(
        output_dir,
        "relationship_plan",
        excel_tables(r.plan, r.summaries, r.findings, r.moments, r.pressure, r.ctx),
        r.ctx.lang,
        conventions=conventions(r),
    )
    save_summary(output_dir, "relationship_plan", *summary_parts(r))
