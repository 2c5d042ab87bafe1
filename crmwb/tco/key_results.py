"""The TCO's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.tco.model.TcoComparison` the report shows: each option's total over the horizon,
its present value (when the study discounts), its cost per user per month, the cheapest option,
the saving it gives and the break-even month."""

from __future__ import annotations

import math

from crmwb.deliver.result_items import label_of, slug
from crmwb.deliver.results import Figure, Recommendation, Results
from crmwb.deliver.views import Context
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
    return Results(ANALYSIS, ctx.lang, tuple(figures), tuple(recommendations))
