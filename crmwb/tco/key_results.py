"""The TCO's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.tco.model.TcoComparison` the report shows: each option's total over the horizon,
its present value (when the study discounts), its cost per user per month, the cheapest option,
the saving it gives and the break-even month; the summary's conclusion and the series of its
charts (:func:`chart_data`)."""

from __future__ import annotations

import math

from crmwb.deliver.result_items import conclusion_of, label_of, slug
from crmwb.deliver.results import ChartData, Figure, Recommendation, Results, Series
from crmwb.deliver.views import Context
from crmwb.tco import views
from crmwb.tco.charts import category_segments
from crmwb.tco.model import TcoComparison

ANALYSIS = "tco"


def key_results(study: TcoComparison, ctx: Context) -> Results:
    """Per option (``<id>``: its name as an id, « licence », « saas »): ``tco.total.<id>``,
    ``tco.present_value.<id>`` (with a discount rate), ``tco.per_user_month.<id>`` (with users);
    with two options or more, ``tco.saving`` and ``tco.break_even.month`` (when the cumulative
    costs cross), and the recommendation ``tco.cheapest`` unless the totals are equal (as the
    report's conclusion says)."""
    s = study.settings
    figures: list[Figure] = []
    for o in study.options:
        id_ = slug(o.option)
        figures.append(
            Figure(
                f"tco.total.{id_}",
                label_of(ctx.t("tco.ind.total"), o.option, ctx),
                o.total,
                "EUR",
                "lower",
            )
        )
        if s.discount_rate:  # else the present value is the total (the report says it once)
            rate = ctx.percent(s.discount_rate, decimals=1)
            figures.append(
                Figure(
                    f"tco.present_value.{id_}",
                    label_of(ctx.t("tco.ind.present_value", rate=rate), o.option, ctx),
                    o.present_value,
                    "EUR",
                    "lower",
                )
            )
        if s.users and o.cost_per_user_per_month is not None:
            figures.append(
                Figure(
                    f"tco.per_user_month.{id_}",
                    label_of(ctx.t("tco.ind.per_user_month"), o.option, ctx),
                    o.cost_per_user_per_month,
                    "EUR",
                    "lower",
                )
            )
    recommendations: list[Recommendation] = []
    if len(study.options) > 1:
        cheapest = study.cheapest
        figures.append(
            Figure(
                "tco.saving",
                ctx.t("tco.result.saving", horizon=s.horizon_years),
                study.gap,
                "EUR",
                "higher",
            )
        )
        crossing = study.headline_break_even
        if crossing is not None:
            figures.append(
                Figure(
                    "tco.break_even.month", ctx.t("tco.figure.break_even"), crossing.month, "months"
                )
            )
        if not math.isclose(cheapest.total, study.dearest.total, abs_tol=0.5):
            recommendations.append(
                Recommendation(
                    "tco.cheapest",
                    ctx.t("tco.result.cheapest", horizon=s.horizon_years),
                    cheapest.option,
                    slug(cheapest.option),
                )
            )
    return Results(
        ANALYSIS,
        ctx.lang,
        tuple(figures),
        tuple(recommendations),
        conclusion=conclusion_of(*views.summary_parts(study, ctx)),
        charts=chart_data(study, ctx),
    )


def chart_data(study: TcoComparison, ctx: Context) -> tuple[ChartData, ...]:
    """The report's charts as data: ``tco.cumulative``, each option's cumulative cost at the end
    of each year, the years as :func:`~crmwb.tco.charts.cumulative_cost` ticks them (line): the
    yearly table's cumulative costs, the corners of the path that chart draws (a year's
    recurring costs accrued, the next year's one-off costs not yet come); ``tco.by_category``,
    each option's totals by cost category as :func:`~crmwb.tco.charts.cost_by_category` stacks
    them (stacked bars, same computation); ``tco.yearly``, each option's cost period by period,
    as the yearly table gives it (columns, the table's periods)."""
    s = study.settings
    cumulative = ChartData(
        "tco.cumulative",
        ctx.t("tco.section.cumulative_chart"),
        "line",
        tuple(str(year) for year in range(s.horizon_years + 1)),
        tuple(Series(o.option, tuple(o.cumulative)) for o in study.options),
        "EUR",
        x_title=ctx.t("tco.chart.years_x"),
        y_title=ctx.t("tco.chart.cumulative_y", currency=ctx.currency),
    )
    by_category = ChartData(
        "tco.by_category",
        ctx.t("tco.section.by_category"),
        "stacked_bar",
        tuple(o.option for o in study.options),
        tuple(
            Series(name, tuple(float(v) for v in totals))
            for name, totals in category_segments(study, ctx)
        ),
        "EUR",
        y_title=ctx.t("tco.chart.total_y", horizon=s.horizon_years, currency=ctx.currency),
    )
    yearly = ChartData(
        "tco.yearly",
        ctx.t("tco.chart.yearly"),
        "column",
        tuple(views.period_labels(study, ctx)),
        tuple(Series(o.option, tuple(o.per_period)) for o in study.options),
        "EUR",
    )
    return cumulative, by_category, yearly
