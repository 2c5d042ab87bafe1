"""The journey map's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.journey.views.JourneyReport` the report shows: its counts (touchpoints, pain
points, moments of truth and those to fix, omnichannel paths, touchpoints without a collection
point) and the moments of truth, ranked."""

from __future__ import annotations

from crmwb.deliver.result_items import stable_id, unique_ids
from crmwb.deliver.results import Figure, Item, ItemList, Results
from crmwb.deliver.views import Context
from crmwb.journey.model import MomentOfTruth, Perception, missing_collection_points
from crmwb.journey.views import JourneyReport

ANALYSIS = "journey_mapping"


def key_results(report: JourneyReport) -> Results:
    """Counts ``journey.touchpoints``, ``journey.pain_points`` (friction or disappointment),
    ``journey.moments``, ``journey.moments_to_fix``, ``journey.missing_collection_points`` and,
    with persona paths, ``journey.omnichannel_paths``; the list ``moments_of_truth`` in the
    report's order (id: the stage and the touchpoint's description, or its ID when it has none,
    as ids; detail: to fix / to keep up)."""
    r, ctx = report, report.ctx
    touchpoints = r.journey.touchpoints
    to_fix = [m for m in r.moments if m.to_fix]
    pain = [tp for tp in touchpoints if tp.perception is not Perception.SATISFACTION]
    figures = [
        Figure(
            "journey.touchpoints", ctx.t("journey.figure.touchpoints"), len(touchpoints), "count"
        ),
        Figure(
            "journey.pain_points",
            ctx.t("journey.result.pain_points"),
            len(pain),
            "count",
            "lower",
        ),
        Figure("journey.moments", ctx.t("journey.figure.moments"), len(r.moments), "count"),
        Figure(
            "journey.moments_to_fix",
            ctx.t("journey.result.moments_to_fix"),
            len(to_fix),
            "count",
            "lower",
        ),
        Figure(
            "journey.missing_collection_points",
            ctx.t("journey.figure.collection"),
            len(missing_collection_points(r.journey)),
            "count",
            "lower",
        ),
    ]
    if r.paths:
        figures.append(
            Figure(
                "journey.omnichannel_paths",
                ctx.t("journey.figure.omnichannel"),
                sum(p.omnichannel for p in r.paths),
                "count",
            )
        )
    moments = ItemList(
        "moments_of_truth",
        ctx.t("journey.section.moments"),
        _moment_items(r.moments, ctx),
    )
    return Results(ANALYSIS, ctx.lang, tuple(figures), lists=(moments,))


def moment_id(moment: MomentOfTruth) -> str:
    """A moment of truth's id: its stage and its touchpoint's description as ids (« achat/
    paiement-en-ligne »), the touchpoint's ID when it has no description."""
    tp = moment.touchpoint
    return stable_id(tp.stage, tp.description.strip() or tp.id)


def _moment_items(moments: tuple[MomentOfTruth, ...], ctx: Context) -> tuple[Item, ...]:
    ids = unique_ids([moment_id(m) for m in moments])
    return tuple(
        Item(
            id_,
            f"{m.touchpoint.description or m.touchpoint.id} ({m.touchpoint.stage} · "
            f"{m.touchpoint.channel})",
            ctx.t("journey.to_fix") if m.to_fix else ctx.t("journey.to_keep"),
        )
        for id_, m in zip(ids, moments, strict=True)
    )
