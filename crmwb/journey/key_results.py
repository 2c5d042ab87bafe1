"""The journey map's key results as data (:mod:`crmwb.deliver.results`), from the
:class:`~crmwb.journey.views.JourneyReport` the report shows: its counts (touchpoints, pain
points, moments of truth and those to fix, omnichannel paths, touchpoints without a collection
point) and the moments of truth, ranked; the summary's conclusion and the series of its charts
(:func:`chart_data`)."""

from __future__ import annotations

from crmwb.deliver.result_items import conclusion_of, stable_id, unique_ids
from crmwb.deliver.results import ChartData, Figure, Item, ItemList, Results, Series
from crmwb.deliver.views import Context
from crmwb.journey.model import (
    MomentOfTruth,
    Perception,
    missing_collection_points,
    perception_by_stage,
)
from crmwb.journey.views import JourneyReport, drawn_curves, perception, summary_parts

ANALYSIS = "journey_mapping"

GRID_IMAGE = f"{ANALYSIS}.grid"
"""The journey map's picture for the deck: ``results/journey_mapping.grid.png``."""


def key_results(report: JourneyReport, grid_image: str = "") -> Results:
    """Counts ``journey.touchpoints``, ``journey.pain_points`` (friction or disappointment),
    ``journey.moments``, ``journey.moments_to_fix``, ``journey.missing_collection_points`` and,
    with persona paths, ``journey.omnichannel_paths``; the list ``moments_of_truth`` in the
    report's order (id: the stage and the touchpoint's description, or its ID when it has none,
    as ids; detail: to fix / to keep up). ``grid_image``: the journey map's picture the
    notebook saved (:func:`~crmwb.deliver.results.save_chart_image`, :data:`GRID_IMAGE`)."""
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
    return Results(
        ANALYSIS,
        ctx.lang,
        tuple(figures),
        lists=(moments,),
        conclusion=conclusion_of(*summary_parts(report)),
        charts=chart_data(report, grid_image),
    )


def chart_data(report: JourneyReport, grid_image: str = "") -> tuple[ChartData, ...]:
    """The report's charts as data (none while the map has no touchpoint): ``journey.grid``,
    the journey map as the report draws it (an image: ``grid_image``, when saved);
    ``journey.perception``, how many touchpoints of each perception stage by stage (stacked
    columns: the report's perception table, :func:`~crmwb.journey.model.perception_by_stage`);
    ``journey.emotions``, each persona's emotion stage by stage, None where the path has no
    step (lines: the curves the personas section draws, when it draws them:
    :func:`~crmwb.journey.views.drawn_curves`)."""
    r, ctx = report, report.ctx
    if not r.journey.touchpoints:
        return ()
    charts: list[ChartData] = []
    if grid_image:
        charts.append(
            ChartData("journey.grid", ctx.t("journey.section.grid"), "image", image=grid_image)
        )
    mix = perception_by_stage(r.journey)
    charts.append(
        ChartData(
            "journey.perception",
            ctx.t("journey.section.perception"),
            "stacked_column",
            tuple(mix),
            tuple(
                Series(perception(p, ctx), tuple(counts[p] for counts in mix.values()))
                for p in Perception
            ),
            "count",
            x_title=ctx.t("journey.col.stage"),
        )
    )
    curves = drawn_curves(r.journey) if r.journey.personas and r.paths else {}
    if curves:
        charts.append(
            ChartData(
                "journey.emotions",
                ctx.t("journey.section.emotions"),
                "line",
                tuple(r.journey.stage_names),
                tuple(Series(persona, values) for persona, values in curves.items()),
                "score",
                x_title=ctx.t("journey.col.stage"),
                y_title=ctx.t("jc.emotion.axis"),
            )
        )
    return tuple(charts)


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
