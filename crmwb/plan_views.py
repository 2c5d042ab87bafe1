"""The relationship-plan deliverable's tables and sentences, built from :mod:`crmwb.plan`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from crmwb import i18n, views
from crmwb.journey import ALL_SEGMENTS, MomentOfTruth
from crmwb.plan import (
    Family,
    PlanFinding,
    PressureCalendar,
    PressureCell,
    ProgrammeSummary,
    RelationshipPlan,
    assess_kpi,
    finding_subject,
    finding_text,
    finding_title,
    plural_count,
    scenario_monthly_rate,
)
from crmwb.views import Bullets, Column, Context, KeyFigure, KeyFigures, Table, Text


def _segment(name: str, ctx: Context) -> str:
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


def _pressure_summary(pressure: PressureCalendar, ctx: Context) -> str:
    """The busiest week over its cap (else the busiest month), or that none is."""
    weekly = set(pressure.weekly.values())
    over = pressure.over_caps()
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
                    _segment(s.segment, ctx),
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
                    _segment(s.segment, ctx),
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
    """Each programme's main KPI, its kind, and why it is not a business KPI when it is not."""
    rows = []
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
    columns = (
        Column(ctx.t("plan.col.programme")),
        Column(ctx.t("plan.col.kpi")),
        Column(ctx.t("plan.col.kpi_kind")),
        Column(ctx.t("plan.col.why")),
    )
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


def monthly_table(pressure: PressureCalendar, ctx: Context) -> Table:
    """Messages per contact per month, segment by segment, with the cap."""
    rows = []
    for segment in pressure.segments:
        cells = [pressure.monthly[segment, m] for m in pressure.months]
        cap = cells[0].cap if cells else None
        rows.append((_segment(segment, ctx), cap, *(c.total for c in cells)))
    columns = (
        Column(ctx.t("plan.col.segment")),
        Column(ctx.t("plan.col.cap_month"), "number"),
        *(
            Column(_month_label(m, ctx, i == 0 or m.month == 1), "number")
            for i, m in enumerate(pressure.months)
        ),
    )
    return Table(
        ctx.t("plan.sheet.pressure_months"),
        columns,
        tuple(rows),
        ctx,
        note=ctx.t("plan.rule.pressure"),
    )


def over_cap_table(pressure: PressureCalendar, ctx: Context) -> Table | Text:
    """Every week and month over its cap, or a sentence saying there is none."""
    if not pressure.over_caps():
        return Text((ctx.t("plan.summary.pressure_ok"),))
    weekly = set(pressure.weekly.values())

    def row(cell: PressureCell) -> tuple[object, ...]:
        period = ctx.t("plan.col.week") if cell in weekly else ctx.t("plan.col.month")
        return (
            _segment(cell.segment, ctx),
            period,
            i18n.date(cell.start, ctx.lang),
            cell.campaigns,
            cell.scenarios,
            cell.total,
            cell.cap,
        )

    columns = (
        Column(ctx.t("plan.col.segment")),
        Column(ctx.t("plan.col.period")),
        Column(ctx.t("plan.col.starting")),
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
            _segment(plan.segment_of(s), ctx),
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
            i18n.date(c.date, ctx.lang),
            c.name,
            c.programme,
            _segment(c.segment, ctx),
            c.channel,
        )
        for c in sorted(plan.campaigns, key=lambda c: c.date)
    )
    columns = (
        Column(ctx.t("plan.col.date")),
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
    tables = [
        programmes_table(plan, summaries, ctx),
        findings_table(findings, ctx),
        kpi_table(plan, ctx),
    ]
    if moments:
        tables.append(moments_table(plan, moments, ctx))
    if pressure is not None:
        tables += [weekly_table(pressure, ctx), monthly_table(pressure, ctx)]
    tables += [scenarios_table(plan, ctx), campaigns_table(plan, ctx), conventions_table(plan, ctx)]
    return tables


def weekly_table(pressure: PressureCalendar, ctx: Context) -> Table:
    """Messages per contact per ISO week (weeks as rows: 53 columns would not print)."""
    rows = tuple(
        (
            i18n.date(week, ctx.lang),
            *(pressure.weekly[s, week].total for s in pressure.segments),
        )
        for week in pressure.weeks
    )
    columns = (
        Column(ctx.t("plan.col.week_of")),
        *(Column(_segment(s, ctx), "number") for s in pressure.segments),
    )
    return Table(ctx.t("plan.sheet.pressure_weeks"), columns, rows, ctx)
