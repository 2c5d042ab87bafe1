"""The vendor comparison's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.vendors.results.VendorAnalysis` the report shows: the recommended vendor, each
ranked vendor's weighted score and TCO, the winner's robustness, the ranking, the shortlist and
the vendors excluded with their reason; the recommendation as the summary says it and the
series of its charts (:func:`chart_data`). (``vendors.results`` is the comparison end to end.)"""

from __future__ import annotations

from crmwb.deliver.result_items import conclusion_of, label_of, slug, unique_ids
from crmwb.deliver.results import (
    ChartData,
    Figure,
    Item,
    ItemList,
    Recommendation,
    Results,
    Series,
)
from crmwb.deliver.views import Context
from crmwb.vendors.charts import score_segments, value_points
from crmwb.vendors.results import VendorAnalysis
from crmwb.vendors.views import (
    exclusion_reason,
    is_ranking,
    listed_vendors,
    summary,
    value_totals,
    weights_can_move,
)

ANALYSIS = "vendor_comparison"

MOST_VENDORS = 10
"""Vendors a chart of the deck shows at most: the best ranked (its ``note`` says so)."""


def key_results(analysis: VendorAnalysis, ctx: Context) -> Results:
    """The recommendation ``vendors.recommended`` (id: the vendor's name as an id, « sage-crm »);
    per ranked vendor ``vendors.score.<id>`` (weighted score out of 1, as the ranking table) and,
    when priced, ``vendors.tco.<id>`` (most likely TCO over the horizon); ``vendors.robustness``
    (the winner's share of first places under the weight draws, when the weights can move); the
    lists ``ranking`` (detail: the rank, ties sharing it), ``shortlist`` and ``excluded`` (detail:
    the reason, as the report writes it; a vendor knocked out twice
    is listed twice, ``<id>~2``)."""
    comparison = analysis.comparison
    ranking = comparison.weighted_sum
    winner = ranking.winner
    single = listed_vendors(comparison) == 1
    recommended = Recommendation(
        "vendors.recommended",
        ctx.t("vc.figure.single" if single else "vc.figure.winner"),
        winner,
        slug(winner),
    )
    figures = [
        Figure(
            f"vendors.score.{slug(vendor)}",
            label_of(ctx.t("vc.col.score"), vendor, ctx),
            ranking.vendor(vendor).score,
            "score",
            "higher",
        )
        for vendor in ranking.ranking
    ]
    totals = analysis.tco_totals
    figures += [
        Figure(
            f"vendors.tco.{slug(vendor)}",
            label_of(ctx.t("vc.col.tco"), vendor, ctx),
            totals[vendor],
            "EUR",
            "lower",
        )
        for vendor in (*ranking.ranking, *comparison.excluded_vendors)
        if vendor in totals
    ]
    mc = comparison.monte_carlo
    if mc is not None and weights_can_move(comparison):
        figures.append(
            Figure(
                "vendors.robustness",
                ctx.t("vc.figure.robustness"),
                mc.probability_first[winner],
                "%",
                "higher",
            )
        )
    lists = (
        ItemList(
            "ranking",
            ctx.t("vc.section.ranking"),
            tuple(Item(slug(v), v, str(ranking.ranks[v])) for v in ranking.ranking),
        ),
        ItemList(
            "shortlist",
            ctx.t("vc.figure.shortlist"),
            tuple(Item(slug(v), v) for v in comparison.shortlist),
        ),
        ItemList(
            "excluded",
            ctx.t("vc.result.excluded"),
            tuple(
                Item(id_, e.vendor, exclusion_reason(e, ctx))
                for id_, e in zip(
                    unique_ids([slug(e.vendor) for e in comparison.exclusions]),
                    comparison.exclusions,
                    strict=True,
                )
            ),
        ),
    )
    return Results(
        ANALYSIS,
        ctx.lang,
        tuple(figures),
        (recommended,),
        lists,
        conclusion=conclusion_of(*summary(analysis, ctx)),
        charts=chart_data(analysis, ctx),
    )


def chart_data(analysis: VendorAnalysis, ctx: Context) -> tuple[ChartData, ...]:
    """The report's charts as data, as it draws them (none with one vendor left: the report
    ranks nothing): ``vendors.scores``, each vendor's weighted score stacked by criterion group,
    best first (stacked bars: :func:`~crmwb.vendors.charts.weighted_scores`'s bars); with two
    priced vendors or more, ``vendors.value``, each vendor's weighted score against its TCO
    (scatter, a series per vendor named after it: :func:`~crmwb.vendors.charts.value_map`'s
    points). Each keeps the :data:`MOST_VENDORS` best ranked, its ``note`` saying so (« Éditeurs
    1 à 10 sur 30 »)."""
    comparison = analysis.comparison
    if not is_ranking(comparison):
        return ()
    ranking = comparison.weighted_sum
    vendors, segments = score_segments(ranking)
    kept = min(len(vendors), MOST_VENDORS)
    scores = ChartData(
        "vendors.scores",
        ctx.t("vc.section.ranking"),
        "stacked_bar",
        tuple(vendors[:kept]),
        tuple(Series(group, tuple(values[:kept])) for group, values in segments),
        "score",
        y_title=ctx.t("vc.chart.score_axis"),
        note=_part(kept, len(vendors), ctx),
    )
    totals = value_totals(analysis)
    if analysis.tco is None or len(totals) < 2:
        return (scores,)
    priced, xs, ys = value_points(ranking, totals)
    kept = min(len(priced), MOST_VENDORS)
    value = ChartData(
        "vendors.value",
        ctx.t("vc.section.value"),
        "scatter",
        series=tuple(
            Series(vendor, (y,), x=(x,))
            for vendor, x, y in zip(priced[:kept], xs[:kept], ys[:kept], strict=True)
        ),
        unit="score",
        x_unit="EUR",
        x_title=ctx.t("vc.chart.tco_axis"),
        y_title=ctx.t("vc.chart.score_axis"),
        note=_part(kept, len(priced), ctx),
    )
    return scores, value


def _part(kept: int, count: int, ctx: Context) -> str:
    """« Éditeurs 1 à 10 sur 30 » when a chart keeps ``kept`` of ``count`` vendors; "" when it
    keeps them all."""
    return ctx.t("vc.part", first=1, last=kept, count=count) if kept < count else ""
