"""The vendor comparison's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.vendors.results.VendorAnalysis` the report shows: the recommended vendor, each
ranked vendor's weighted score and TCO, the winner's robustness, the ranking, the shortlist and
the vendors excluded with their reason. (``vendors.results`` is the comparison end to end.)"""

from __future__ import annotations

from crmwb.deliver.result_items import label_of, slug, unique_ids
from crmwb.deliver.results import Figure, Item, ItemList, Recommendation, Results
from crmwb.deliver.views import Context
from crmwb.vendors.results import VendorAnalysis
from crmwb.vendors.views import exclusion_reason, listed_vendors, weights_can_move

ANALYSIS = "vendor_comparison"


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
    recommendation = Recommendation(
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
    return Results(ANALYSIS, ctx.lang, tuple(figures), (recommendation,), lists)
