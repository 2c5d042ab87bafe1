"""The ROI's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.roi.study.RoiStudy` the report shows, on its headline basis (risk-adjusted): NPV,
ROI, paybacks, IRR, the probability of a positive NPV, and whether the project pays back, as
the executive summary says it; without a benefit, the project's cost. And the summary's
sentences, and (with a benefit) the series of its charts (:func:`chart_data`)."""

from __future__ import annotations

from crmwb.deliver.result_items import conclusion_of
from crmwb.deliver.results import ChartData, Figure, Recommendation, Results, Series
from crmwb.deliver.views import Context
from crmwb.roi import views
from crmwb.roi.charts import waterfall_steps, year_end_cash
from crmwb.roi.study import RoiStudy
from crmwb.roi.views import defined_irr, tenths

ANALYSIS = "roi"


def key_results(study: RoiStudy, ctx: Context) -> Results:
    """``roi.npv`` (and ``roi.npv.unadjusted``), ``roi.roi`` (a fraction), ``roi.payback`` and
    ``roi.payback.discounted`` (months to a tenth, as the report writes them; None when not
    reached on the horizon), ``roi.irr`` (only where it is unique), ``roi.p_positive`` (with
    ranges), and the verdict ``roi.verdict`` (id ``creates_value`` or ``no_payback``, the
    summary's first sentence); without a benefit, ``roi.pv_costs`` and ``roi.total_costs``."""
    adjusted, unadjusted = study.analysis.risk_adjusted, study.analysis.unadjusted
    horizon = study.case.settings.horizon_years
    if not study.has_benefits:
        figures = (
            Figure("roi.pv_costs", ctx.t("roi.figure.pv_costs"), adjusted.pv_costs, "EUR", "lower"),
            Figure(
                "roi.total_costs",
                ctx.t("roi.figure.total_costs", horizon=horizon),
                adjusted.table.row("costs").total or 0.0,
                "EUR",
                "lower",
            ),
        )
        return Results(
            ANALYSIS, ctx.lang, figures, conclusion=conclusion_of(*views.summary_parts(study, ctx))
        )
    figures_: list[Figure] = [
        Figure("roi.npv", ctx.t("roi.figure.npv"), adjusted.npv, "EUR", "higher"),
        Figure(
            "roi.npv.unadjusted",
            ctx.t("roi.result.npv_unadjusted"),
            unadjusted.npv,
            "EUR",
            "higher",
        ),
        Figure("roi.roi", ctx.t("roi.figure.roi"), adjusted.roi, "%", "higher"),
        Figure(
            "roi.payback",
            ctx.t("roi.col.payback"),
            tenths(adjusted.payback_months),
            "months",
            "lower",
        ),
        Figure(
            "roi.payback.discounted",
            ctx.t("roi.col.discounted_payback"),
            tenths(adjusted.discounted_payback_months),
            "months",
            "lower",
        ),
    ]
    irr = defined_irr(adjusted)
    if irr is not None:
        figures_.append(Figure("roi.irr", ctx.t("roi.row.irr"), irr, "%", "higher"))
    if study.risk is not None:
        figures_.append(
            Figure(
                "roi.p_positive",
                ctx.t("roi.figure.p_positive"),
                study.risk.probability_positive,
                "%",
                "higher",
            )
        )
    pays_back = adjusted.npv > 0 and adjusted.roi is not None  # as the summary's first sentence
    verdict = "creates_value" if pays_back else "no_payback"
    recommendation = Recommendation(
        "roi.verdict", ctx.t("roi.result.verdict"), ctx.t(f"roi.result.{verdict}"), verdict
    )
    return Results(
        ANALYSIS,
        ctx.lang,
        tuple(figures_),
        (recommendation,),
        conclusion=conclusion_of(*views.summary_parts(study, ctx)),
        charts=chart_data(study, ctx),
    )


def chart_data(study: RoiStudy, ctx: Context) -> tuple[ChartData, ...]:
    """The report's charts as data, on the headline basis (none without a benefit: the report
    draws none): ``roi.waterfall``, the present value of the benefits axis by axis, the costs'
    and the net gain (waterfall, the last step the total), the steps of
    :func:`~crmwb.roi.charts.roi_waterfall`; ``roi.cumulative``, the cumulative net cash flow
    at the end of each year (line, the years as the chart ticks them), the points of
    :func:`~crmwb.roi.charts.roi_cumulative`."""
    if not study.has_benefits:
        return ()
    result = study.headline
    steps = waterfall_steps(result, ctx)
    waterfall = ChartData(
        "roi.waterfall",
        ctx.t("roi.section.waterfall"),
        "waterfall",
        (*(label for label, _ in steps), ctx.t("roi.chart.total")),
        (
            Series(
                ctx.t("roi.chart.amount", currency=ctx.currency),
                (*(value for _, value in steps), sum(value for _, value in steps)),
            ),
        ),
        "EUR",
        y_title=ctx.t("roi.chart.amount", currency=ctx.currency),
        total=True,
    )
    ends = year_end_cash(result)
    cumulative = ChartData(
        "roi.cumulative",
        ctx.t("roi.section.cumulative"),
        "line",
        tuple(str(year) for year in range(len(ends))),
        (Series(ctx.t("roi.chart.cumulative_y", currency=ctx.currency), tuple(ends)),),
        "EUR",
        x_title=ctx.t("tco.chart.years_x"),
        y_title=ctx.t("roi.chart.cumulative_y", currency=ctx.currency),
    )
    return waterfall, cumulative
