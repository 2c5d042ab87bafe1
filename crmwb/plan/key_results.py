"""The relationship plan's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.plan.views.PlanReport` the report shows: its counts (programmes, scenarios,
campaigns, business KPIs, points to fix and for information, weeks over a cap) and its
findings, with the ids their checks give them (rule and subject); the summary's conclusion and
the marketing pressure month by month (:func:`chart_data`)."""

from __future__ import annotations

from crmwb.deliver.result_items import conclusion_of, finding_items
from crmwb.deliver.results import ChartData, Figure, ItemList, Results, Series
from crmwb.plan.charts import pressure_totals
from crmwb.plan.checks import finding_text
from crmwb.plan.kpis import assess_kpi
from crmwb.plan.views import PlanReport, month_labels, segment_name, summary_parts

ANALYSIS = "relationship_plan"


def key_results(report: PlanReport) -> Results:
    """Counts ``plan.programmes``, ``plan.scenarios``, ``plan.campaigns``,
    ``plan.business_kpis``, ``plan.findings`` (to fix), ``plan.infos`` and, when the plan has
    campaigns, ``plan.weeks_over_cap``; the list ``findings`` (id ``<rule>/<subject>``, e.g.
    ``too_many_objectives/loyalty``; label: the finding as the report writes it; detail: its
    severity)."""
    r, ctx = report, report.ctx
    plan = r.plan
    warnings = [f for f in r.findings if f.severity == "warning"]
    business = sum(assess_kpi(p.kpi).kind == "business" for p in plan.programmes)
    figures = [
        Figure("plan.programmes", ctx.t("plan.figure.programmes"), len(plan.programmes), "count"),
        Figure("plan.scenarios", ctx.t("plan.result.scenarios"), len(plan.scenarios), "count"),
        Figure("plan.campaigns", ctx.t("plan.result.campaigns"), len(plan.campaigns), "count"),
        Figure(
            "plan.business_kpis", ctx.t("plan.figure.business_kpis"), business, "count", "higher"
        ),
        Figure("plan.findings", ctx.t("plan.figure.findings"), len(warnings), "count", "lower"),
        Figure("plan.infos", ctx.t("plan.result.infos"), len(r.findings) - len(warnings), "count"),
    ]
    if r.pressure is not None:
        weeks = {cell.start for cell in r.pressure.weekly.values() if cell.over_cap}
        figures.append(
            Figure(
                "plan.weeks_over_cap", ctx.t("plan.figure.weeks_over"), len(weeks), "count", "lower"
            )
        )
    findings = ItemList(
        "findings",
        ctx.t("plan.section.findings"),
        finding_items(r.findings, [finding_text(f, ctx.lang) for f in r.findings], ctx),
    )
    return Results(
        ANALYSIS,
        ctx.lang,
        tuple(figures),
        lists=(findings,),
        conclusion=conclusion_of(*summary_parts(report)),
        charts=chart_data(report),
    )


def chart_data(report: PlanReport) -> tuple[ChartData, ...]:
    """``plan.pressure``: the messages per contact each segment receives month by month
    (columns, a series per segment), the numbers of the report's monthly tables and of the
    pressure calendar by month (:func:`~crmwb.plan.charts.pressure_totals`); none without a
    campaign (the report draws no calendar)."""
    r, ctx = report, report.ctx
    if r.pressure is None:
        return ()
    totals = pressure_totals(r.pressure, "month")
    return (
        ChartData(
            "plan.pressure",
            ctx.t("plan.sheet.pressure_months"),
            "column",
            tuple(month_labels(r.pressure.months, ctx)),
            tuple(Series(segment_name(s, ctx), tuple(totals[s])) for s in r.pressure.segments),
            "ratio",
            y_title=ctx.t("jc.pressure.scale_month"),
        ),
    )
