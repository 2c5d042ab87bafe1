"""The project plan's and the governance's key results as data (:mod:`crmwb.deliver.results`),
from the :class:`~crmwb.project.views.ProjectReport` and
:class:`~crmwb.project.views.GovernanceReport` their reports show, with their summaries'
sentences and the series of their charts (:func:`plan_charts`, :func:`governance_charts`)."""

from __future__ import annotations

import datetime as dt

from crmwb.deliver.result_items import conclusion_of, finding_items, slug, stable_id, unique_ids
from crmwb.deliver.results import ChartData, Figure, Item, ItemList, Results, Series
from crmwb.project.charts import kpi_month_labels, kpi_months, kpi_title
from crmwb.project.governance import finding_text
from crmwb.project.planning import CHECKLIST, phase_label
from crmwb.project.planning_sheets import StepProgress
from crmwb.project.views import (
    GovernanceReport,
    ProjectReport,
    governance_summary_parts,
    plan_summary_parts,
)
from crmwb.workbook.choices import choice_label

PLAN = "project_plan"
GOVERNANCE = "governance"

GANTT_IMAGE = f"{PLAN}.gantt"
"""The Gantt chart's picture for the deck: ``results/project_plan.gantt.png``."""

MOST_KPIS = 3
"""KPI panels the deck takes at most, in the report's order (each chart's ``note`` says so)."""


def plan_results(report: ProjectReport, gantt_image: str = "") -> Results:
    """``project.start`` and ``project.end`` (the last day, ISO text ``2027-06-16``),
    ``project.duration_days``, ``project.duration_months`` (months of 30.4375 days, as the
    report), ``project.phases``, ``project.critical_phases``, ``project.steering_committees``;
    the lists ``critical_path`` (the phases in order, id: the phase's name as typed, as an id),
    ``checklist`` (the 17 steps, id ``step-<n>``, detail: the status) and ``findings``
    (``seed_plan`` when the phases are still the template's typical plan, as the report says).
    ``gantt_image``: the Gantt chart's picture the notebook saved (:data:`GANTT_IMAGE`)."""
    r, ctx = report, report.ctx
    plan = r.plan
    figures = (
        Figure("project.start", ctx.t("project.result.start"), plan.start.isoformat()),
        Figure(
            "project.end",
            ctx.t("project.figure.end"),
            (plan.end - dt.timedelta(days=1)).isoformat(),
        ),
        Figure(
            "project.duration_days",
            ctx.t("project.result.duration_days"),
            plan.duration_days,
            "days",
            "lower",
        ),
        Figure(
            "project.duration_months",
            ctx.t("project.figure.duration"),
            round(plan.duration_months, 1),
            "months",
            "lower",
        ),
        Figure("project.phases", ctx.t("project.sheet.phases"), len(plan.phases), "count"),
        Figure(
            "project.critical_phases",
            ctx.t("project.result.critical_phases"),
            len(plan.critical_path),
            "count",
        ),
        Figure(
            "project.steering_committees",
            ctx.t("project.figure.copil"),
            len(plan.steering_committees),
            "count",
        ),
    )
    ids = unique_ids([slug(name) for name in plan.critical_path])
    critical = ItemList(
        "critical_path",
        ctx.t("project.result.critical_path"),
        tuple(
            Item(id_, phase_label(name, ctx.lang))
            for id_, name in zip(ids, plan.critical_path, strict=True)
        ),
    )
    by_number = {step.number: step for step in r.inputs.checklist}
    checklist = ItemList(
        "checklist",
        ctx.t("project.section.checklist"),
        tuple(
            Item(
                f"step-{step.number}",
                step.title(ctx.lang),
                choice_label(
                    by_number.get(step.number, StepProgress(step.number)).status, ctx.lang
                ),
            )
            for step in CHECKLIST
        ),
    )
    seed = (Item("seed_plan", ctx.t("project.seed_plan")),) if r.seed else ()
    findings = ItemList("findings", ctx.t("project.result.findings"), seed)
    return Results(
        PLAN,
        ctx.lang,
        figures,
        lists=(critical, checklist, findings),
        conclusion=conclusion_of(*plan_summary_parts(report)),
        charts=plan_charts(report, gantt_image),
    )


def plan_charts(report: ProjectReport, gantt_image: str = "") -> tuple[ChartData, ...]:
    """``project.gantt``, the Gantt chart as the report draws it (an image: ``gantt_image``,
    when saved); ``project.phases``, each phase's duration then its slack, in days (stacked
    bars, the phases in the schedule's order): the lengths of the Gantt's bars and of the
    dotted lines after them."""
    r, ctx = report, report.ctx
    charts: list[ChartData] = []
    if gantt_image:
        charts.append(
            ChartData("project.gantt", ctx.t("project.section.gantt"), "image", image=gantt_image)
        )
    phases = r.plan.phases
    charts.append(
        ChartData(
            "project.phases",
            ctx.t("project.section.phases"),
            "stacked_bar",
            tuple(phase_label(p.name, ctx.lang) for p in phases),
            (
                Series(ctx.t("project.col.days"), tuple(p.phase.duration_days for p in phases)),
                Series(ctx.t("project.col.slack"), tuple(p.slack_days for p in phases)),
            ),
            "days",
            x_title=ctx.t("project.col.phase"),
        )
    )
    return tuple(charts)


def governance_results(report: GovernanceReport) -> Results:
    """``governance.tasks``, ``governance.teams``, ``governance.raci_findings`` and, when the
    steering committee's follow-up is computed, ``governance.gaps``, ``governance.kpis``
    (tracked), ``governance.kpis_behind`` and ``governance.late_actions``; the list
    ``findings``: the RACI's checks then the gaps to discuss (id ``<rule>/<subject>``, e.g.
    ``no_accountable/write-the-brief``)."""
    r, ctx = report, report.ctx
    figures = [
        Figure("governance.tasks", ctx.t("governance.result.tasks"), len(r.raci.tasks), "count"),
        Figure("governance.teams", ctx.t("governance.result.teams"), len(r.raci.teams), "count"),
        Figure(
            "governance.raci_findings",
            ctx.t("governance.section.raci_findings"),
            len(r.raci_findings),
            "count",
            "lower",
        ),
    ]
    if r.steering is not None and r.progress is not None:
        figures += [
            Figure(
                "governance.gaps", ctx.t("governance.section.gaps"), len(r.gaps), "count", "lower"
            ),
            Figure(
                "governance.kpis", ctx.t("governance.result.kpis"), len(r.steering.tracks), "count"
            ),
            Figure(
                "governance.kpis_behind",
                ctx.t("governance.result.kpis_behind"),
                sum(g.rule == "kpi_behind_target" for g in r.gaps),
                "count",
                "lower",
            ),
            Figure(
                "governance.late_actions",
                ctx.t("governance.sheet.late"),
                len(r.progress.late),
                "count",
                "lower",
            ),
        ]
    findings = (*r.raci_findings, *r.gaps)
    texts = [finding_text(f, ctx.lang) for f in findings]
    listed = ItemList(
        "findings", ctx.t("governance.result.findings"), finding_items(findings, texts, ctx)
    )
    return Results(
        GOVERNANCE,
        ctx.lang,
        tuple(figures),
        lists=(listed,),
        conclusion=conclusion_of(*governance_summary_parts(report)),
        charts=governance_charts(report),
    )


def governance_charts(report: GovernanceReport) -> tuple[ChartData, ...]:
    """``governance.kpi.<id>`` (id: the programme and the KPI as ids), one per KPI the
    report's follow-up chart draws (those with targets, in its order, :data:`MOST_KPIS` at
    most): its target and its actual month by month up to the committee's date (columns,
    None where no actual is typed yet), the panel's line and bars
    (:func:`~crmwb.project.charts.kpi_months`); the values as typed, the KPI's unit as typed
    the values' axis title. None without a follow-up."""
    r, ctx = report, report.ctx
    if r.steering is None or r.progress is None:
        return ()
    shown = [t for t in r.steering.tracks if t.targets]
    kept = shown[:MOST_KPIS]
    note = ctx.t("governance.chart.part", shown=len(kept), count=len(shown))
    ids = unique_ids([stable_id(t.programme, t.kpi) for t in kept])
    charts = []
    for id_, track in zip(ids, kept, strict=True):
        months, targets, actuals = kpi_months(track, r.as_of)
        charts.append(
            ChartData(
                f"governance.kpi.{id_}",
                kpi_title(track),
                "column",
                tuple(kpi_month_labels(months, ctx)),
                (
                    Series(ctx.t("governance.col.target"), tuple(targets)),
                    Series(ctx.t("governance.col.actual"), tuple(actuals)),
                ),
                "",
                x_title=ctx.t("governance.col.month"),
                y_title=track.unit,
                note=note if len(kept) < len(shown) else "",
            )
        )
    return tuple(charts)
