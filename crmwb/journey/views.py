"""The journey map deliverable's tables and sentences, built from :mod:`crmwb.journey.model`
results."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from matplotlib.figure import Figure

from crmwb.core import i18n
from crmwb.core.i18n import plural_count
from crmwb.deliver.pack import save_summary
from crmwb.deliver.report import save_tables
from crmwb.deliver.views import (
    Bullets,
    Chart,
    Column,
    Context,
    KeyFigure,
    KeyFigures,
    Part,
    ReportHeader,
    Section,
    Sections,
    Table,
    Text,
    section,
)
from crmwb.journey import charts as journey_charts
from crmwb.journey.model import (
    ALL_SEGMENTS,
    DEFAULT_RULE,
    CoverageGap,
    ImportancePerformance,
    Journey,
    MomentOfTruth,
    MomentRule,
    PathMetrics,
    Perception,
    Quadrant,
    Touchpoint,
    coverage_gaps,
    emotion_curves,
    grid,
    importance_performance,
    journey_counts,
    journey_order,
    missing_collection_points,
    moments_of_truth,
    path_metrics,
    perception_by_stage,
)


def perception(value: Perception, ctx: Context) -> str:
    """A perception in the client's language."""
    return ctx.t(f"jc.perception.{value.value}")


def _segment(name: str, ctx: Context) -> str:
    return ctx.t("journey.all_segments") if name == ALL_SEGMENTS else name


def _emotion(value: float | None, ctx: Context) -> str:
    """An emotion score with its sign, as the emotion chart writes it: « +1 », « −0,7 »."""
    if value is None:
        return "–"
    text = i18n.number(abs(value), ctx.lang, decimals=0 if float(value).is_integer() else 1)
    if text.strip("0.,") == "":  # 0, or a mean that rounds to 0
        return text
    return ("+" if value > 0 else "−") + text


def count(noun: str, number: int, ctx: Context) -> str:
    """« 7 étapes », « 1 canal »: ``journey.count.<noun>``, agreeing with ``number``."""
    return ctx.tn(f"journey.count.{noun}", number, number=i18n.number(number, ctx.lang))


def subtitle(journey: Journey, ctx: Context) -> str:
    """« 7 stages, 6 channels, 16 touchpoints and 2 personas »."""
    return journey_counts(journey).text(ctx.lang)


def key_figures(
    journey: Journey,
    moments: Sequence[MomentOfTruth],
    paths: Sequence[PathMetrics],
    ctx: Context,
) -> KeyFigures:
    to_fix = [m for m in moments if m.to_fix]
    missing = missing_collection_points(journey)
    omnichannel = [p for p in paths if p.omnichannel]
    mean = sum(p.channel_switches for p in paths) / len(paths) if paths else 0.0
    switches = round(mean) if round(mean, 1) == round(mean) else round(mean, 1)
    shown = i18n.number(switches, ctx.lang, decimals=0 if float(switches).is_integer() else 1)
    figures = [
        KeyFigure(
            ctx.t("journey.figure.touchpoints"),
            i18n.number(len(journey.touchpoints), ctx.lang),
            ctx.t(
                "journey.figure.grid",
                stages=count("stages", len(journey.stages), ctx),
                channels=count("channels", len(journey.channels), ctx),
            ),
        ),
        KeyFigure(
            ctx.t("journey.figure.moments"),
            i18n.number(len(moments), ctx.lang),
            ctx.t("journey.figure.to_fix", count=len(to_fix))
            if moments
            else ctx.t("journey.figure.no_moment"),
            highlight=bool(to_fix),
        ),
    ]
    if paths:  # no persona path: no "0 / 0", the summary says why
        figures.append(
            KeyFigure(
                ctx.t("journey.figure.omnichannel"),
                f"{i18n.number(len(omnichannel), ctx.lang)} / {i18n.number(len(paths), ctx.lang)}",
                ctx.tn("journey.figure.switches", plural_count(switches, ctx.lang), switches=shown),
            )
        )
    if journey.touchpoints:
        figures.append(
            KeyFigure(
                ctx.t("journey.figure.collection"),
                i18n.number(len(missing), ctx.lang),
                ctx.tn("journey.figure.collection_note", len(missing)),
            )
        )
    return KeyFigures(tuple(figures))


def summary(
    journey: Journey,
    moments: Sequence[MomentOfTruth],
    quadrants: ImportancePerformance,
    paths: Sequence[PathMetrics],
    gaps: Sequence[CoverageGap],
    ctx: Context,
) -> Text:
    """The executive summary, written from the numbers."""
    if not journey.touchpoints:
        return Text((ctx.t("journey.summary.no_touchpoint"),))
    paragraphs = []
    to_fix = [m for m in moments if m.to_fix]
    if not moments:
        paragraphs.append(ctx.t("journey.summary.no_moment"))
    elif not to_fix:
        paragraphs.append(
            ctx.t("journey.summary.moments_none", moments=count("moments", len(moments), ctx))
        )
    else:
        paragraphs.append(
            ctx.tn(
                "journey.summary.moments",
                len(to_fix),
                moments=count("moments", len(moments), ctx),
                to_fix=i18n.number(len(to_fix), ctx.lang),
            )
        )
    if to_fix:
        top = to_fix[0]
        paragraphs.append(
            ctx.t(
                "journey.summary.top",
                id=top.touchpoint.id,
                description=top.touchpoint.description,
                stage=top.touchpoint.stage,
                channel=top.touchpoint.channel,
                perception=perception(top.touchpoint.perception, ctx).lower(),
                importance=top.touchpoint.importance,
                score=top.score,
            )
        )
    concentrate = quadrants.in_quadrant(Quadrant.CONCENTRATE_HERE)
    if concentrate:
        paragraphs.append(
            ctx.tn(
                "journey.summary.concentrate",
                len(concentrate),
                count=len(concentrate),
                ids=", ".join(concentrate),
            )
        )
    if paths:
        omni = sum(p.omnichannel for p in paths)
        if omni:
            paragraphs.append(ctx.tn("journey.summary.paths", omni, omni=omni, paths=len(paths)))
        else:
            paragraphs.append(ctx.t("journey.summary.paths_none"))
    elif journey.personas:
        paragraphs.append(ctx.t("journey.summary.no_path"))
    else:
        paragraphs.append(ctx.t("journey.summary.no_persona"))
    if gaps:
        paragraphs.append(ctx.tn("journey.summary.gaps", len(gaps), count=len(gaps)))

    missing = missing_collection_points(journey)
    if missing:
        paragraphs.append(ctx.tn("journey.summary.collection", len(missing), count=len(missing)))
    return Text(tuple(paragraphs))


def grid_table(journey: Journey, ctx: Context) -> Table:
    """The map as a table: channels as rows, stages as columns, touchpoint IDs in the cells."""
    g = grid(journey)
    rows = tuple(
        (
            channel,
            *(", ".join(tp.id for tp in g.cell(stage, channel)) for stage in g.stages),
        )
        for channel in g.channels
    )
    columns = (Column(ctx.t("journey.col.channel")), *(Column(s) for s in g.stages))
    return Table(ctx.t("journey.sheet.grid"), columns, rows, ctx)


def touchpoints_table(journey: Journey, ctx: Context, moment_ids: set[str]) -> Table:
    """Every touchpoint, in journey order, with its qualification."""
    rows = tuple(
        (
            tp.id,
            tp.stage,
            tp.channel,
            tp.description,
            _segment(tp.segment, ctx),
            perception(tp.perception, ctx),
            tp.emotion,
            tp.importance,
            tp.performance,
            ctx.t("journey.yes") if tp.id in moment_ids else ctx.t("journey.no"),
            tp.data_collected,
            tp.collection_point,
            tp.owner,
        )
        for tp in journey_order(journey)
    )
    columns = (
        Column(ctx.t("journey.col.id")),
        Column(ctx.t("journey.col.stage")),
        Column(ctx.t("journey.col.channel")),
        Column(ctx.t("journey.col.touchpoint")),
        Column(ctx.t("journey.col.segment")),
        Column(ctx.t("journey.col.perception")),
        Column(ctx.t("journey.col.emotion"), "integer"),
        Column(ctx.t("journey.col.importance"), "integer"),
        Column(ctx.t("journey.col.performance"), "integer"),
        Column(ctx.t("journey.col.moment")),
        Column(ctx.t("journey.col.data")),
        Column(ctx.t("journey.col.collection_point")),
        Column(ctx.t("journey.col.owner")),
    )
    return Table(ctx.t("journey.sheet.touchpoints"), columns, rows, ctx)


def moments_table(
    moments: Sequence[MomentOfTruth], ctx: Context, *, for_print: bool = False
) -> Table:
    """The moments of truth, ranked, those to fix in bold. ``for_print`` puts the stage and
    channel in one column and leaves the status to the bold (A4 width); Excel keeps them apart."""
    where = ctx.t("journey.col.where")
    if for_print:
        columns: tuple[Column, ...] = (
            Column("#", "integer"),
            Column(ctx.t("journey.col.id")),
            Column(ctx.t("journey.col.touchpoint")),
            Column(where),
            Column(ctx.t("journey.col.perception")),
            Column(ctx.t("journey.col.importance_short"), "integer"),
            Column(ctx.t("journey.col.performance_short"), "integer"),
            Column(ctx.t("journey.col.score"), "integer"),
        )
        rows: tuple[tuple[object, ...], ...] = tuple(
            (
                m.rank,
                m.touchpoint.id,
                m.touchpoint.description,
                f"{m.touchpoint.stage} · {m.touchpoint.channel}",
                perception(m.touchpoint.perception, ctx),
                m.touchpoint.importance,
                m.touchpoint.performance,
                m.score,
            )
            for m in moments
        )
    else:
        columns = (
            Column("#", "integer"),
            Column(ctx.t("journey.col.id")),
            Column(ctx.t("journey.col.stage")),
            Column(ctx.t("journey.col.channel")),
            Column(ctx.t("journey.col.touchpoint")),
            Column(ctx.t("journey.col.perception")),
            Column(ctx.t("journey.col.importance"), "integer"),
            Column(ctx.t("journey.col.performance"), "integer"),
            Column(ctx.t("journey.col.score"), "integer"),
            Column(ctx.t("journey.col.status")),
        )
        rows = tuple(
            (
                m.rank,
                m.touchpoint.id,
                m.touchpoint.stage,
                m.touchpoint.channel,
                m.touchpoint.description,
                perception(m.touchpoint.perception, ctx),
                m.touchpoint.importance,
                m.touchpoint.performance,
                m.score,
                ctx.t("journey.to_fix") if m.to_fix else ctx.t("journey.to_keep"),
            )
            for m in moments
        )
    return Table(
        ctx.t("journey.sheet.moments"),
        columns,
        rows,
        ctx,
        strong_rows=frozenset(i for i, m in enumerate(moments) if m.to_fix),
        note=ctx.t("journey.rule.bold_to_fix") if for_print else "",
    )


def moment_rule(rule: MomentRule, ctx: Context) -> Text:
    """How the moments of truth are chosen and ranked, under the table."""
    weights = {p: rule.weights[p] for p in Perception}
    return Text(
        (
            ctx.t(
                "journey.rule.moments",
                min_importance=rule.min_importance,
                satisfaction=weights[Perception.SATISFACTION],
                friction=weights[Perception.FRICTION],
                disappointment=weights[Perception.DISAPPOINTMENT],
            ),
        ),
        css_class="note",
    )


QUADRANT_LABELS = {
    Quadrant.CONCENTRATE_HERE: "jc.ip.concentrate",
    Quadrant.KEEP_UP_THE_GOOD_WORK: "jc.ip.keep_up",
    Quadrant.LOW_PRIORITY: "jc.ip.low_priority",
    Quadrant.POSSIBLE_OVERKILL: "jc.ip.overkill",
}


def quadrant_label(quadrant: Quadrant, ctx: Context) -> str:
    """A quadrant's name, as the chart writes it."""
    return ctx.t(QUADRANT_LABELS[quadrant])


def quadrants_table(
    ip: ImportancePerformance,
    journey: Journey,
    ctx: Context,
    only: Quadrant | None = None,
) -> Table:
    """Touchpoints by importance-performance quadrant, "concentrate here" first (``only``: the
    touchpoints of one quadrant, as the report shows them)."""
    order = list(Quadrant)
    points = sorted(
        (p for p in ip.points if only is None or p.quadrant is only),
        key=lambda p: (order.index(p.quadrant), -p.importance, p.performance, p.id),
    )
    rows = tuple(
        (
            *(() if only else (quadrant_label(p.quadrant, ctx),)),
            p.id,
            journey.touchpoint(p.id).description,
            p.importance,
            p.performance,
        )
        for p in points
    )
    columns = (
        *(() if only else (Column(ctx.t("journey.col.quadrant")),)),
        Column(ctx.t("journey.col.id")),
        Column(ctx.t("journey.col.touchpoint")),
        Column(ctx.t("journey.col.importance"), "integer"),
        Column(ctx.t("journey.col.performance"), "integer"),
    )
    return Table(
        ctx.t("journey.sheet.quadrants"),
        columns,
        rows,
        ctx,
        strong_rows=frozenset(
            i
            for i, p in enumerate(points)
            if only is None and p.quadrant is Quadrant.CONCENTRATE_HERE
        ),
    )


def crosshair_note(ip: ImportancePerformance, ctx: Context) -> Text:
    importance, performance = ip.importance, ip.performance
    key = "journey.rule.crosshair_mean" if ip.method == "mean" else "journey.rule.crosshair_mid"
    note = ctx.t(
        key,
        importance=i18n.number(importance, ctx.lang, decimals=2),
        performance=i18n.number(performance, ctx.lang, decimals=2),
    )
    return Text((note,), css_class="note")


def paths_table(paths: Sequence[PathMetrics], ctx: Context, *, for_print: bool = True) -> Table:
    """One row per persona's path: steps, channels, switches, backtracks, emotion (the
    personas' segments are in the list above it). ``for_print`` writes the mean emotion with
    its sign (« +0,5 »), as the emotion chart does; Excel keeps it a number."""
    rows = tuple(
        (
            p.persona,
            len(p.steps),
            len(p.channels),
            p.channel_switches,
            p.backtracks,
            _emotion(p.mean_emotion, ctx)
            if for_print
            else (None if p.mean_emotion is None else round(p.mean_emotion, 2)),
            "" if p.lowest_point is None else p.lowest_point.id,
            ", ".join(p.skipped_stages),
        )
        for p in paths
    )
    columns = (
        Column(ctx.t("journey.col.persona")),
        Column(ctx.t("journey.col.steps"), "integer"),
        Column(ctx.t("journey.col.channels"), "integer"),
        Column(ctx.t("journey.col.switches"), "integer"),
        Column(ctx.t("journey.col.backtracks"), "integer"),
        Column(ctx.t("journey.col.mean_emotion"), "text" if for_print else "number"),
        Column(ctx.t("journey.col.lowest")),
        Column(ctx.t("journey.col.skipped")),
    )
    return Table(ctx.t("journey.sheet.paths"), columns, rows, ctx)


def path_steps(path: PathMetrics, ctx: Context) -> Bullets:
    """A persona's path step by step, for the page of its chart."""
    return Bullets(
        tuple(
            f"{i}. "
            + ctx.t(
                "journey.path_step",
                id=tp.id,
                description=tp.description,
                stage=tp.stage,
                channel=tp.channel,
                perception=perception(tp.perception, ctx).lower(),
                emotion=_emotion(tp.emotion, ctx),
            )
            for i, tp in enumerate(path.steps, start=1)
        )
    )


def personas_text(journey: Journey, ctx: Context) -> Bullets:
    return Bullets(
        tuple(
            ctx.t(
                "journey.persona_line",
                name=p.name,
                segment=_segment(p.segment, ctx),
                description=p.description,
            )
            if p.description
            else ctx.t("journey.persona_line.short", name=p.name, segment=_segment(p.segment, ctx))
            for p in journey.personas
        )
    )


def gaps_view(
    gaps: Sequence[CoverageGap], ctx: Context, journey: Journey | None = None
) -> Table | Text:
    """The coverage gaps, or a sentence saying there is none (or, when ``journey`` declares no
    segment, that there was nothing to check)."""
    if journey is not None and not journey.segments:
        return Text((ctx.t("journey.no_segment"),))
    if not gaps:
        return Text((ctx.t("journey.no_gap"),))
    return gaps_table(gaps, ctx)


def gaps_table(gaps: Sequence[CoverageGap], ctx: Context) -> Table:
    rows = tuple((_segment(g.segment, ctx), g.stage, ", ".join(g.channels)) for g in gaps)
    columns = (
        Column(ctx.t("journey.col.segment")),
        Column(ctx.t("journey.col.stage")),
        Column(ctx.t("journey.col.segment_channels")),
    )
    return Table(ctx.t("journey.sheet.gaps"), columns, rows, ctx, note=ctx.t("journey.rule.gaps"))


def collection_table(journey: Journey, ctx: Context) -> Table:
    """Touchpoints with no collection point: those that collect data first (the worst case)."""
    missing = missing_collection_points(journey)
    collecting = [tp for tp in missing if tp.data_collected.strip()]
    others = [tp for tp in missing if not tp.data_collected.strip()]

    def row(tp: Touchpoint) -> tuple[object, ...]:
        return (
            tp.id,
            tp.stage,
            tp.channel,
            tp.description,
            tp.data_collected or ctx.t("journey.nothing_stated"),
            tp.owner,
        )

    rows = tuple(row(tp) for tp in (*collecting, *others))
    columns = (
        Column(ctx.t("journey.col.id")),
        Column(ctx.t("journey.col.stage")),
        Column(ctx.t("journey.col.channel")),
        Column(ctx.t("journey.col.touchpoint")),
        Column(ctx.t("journey.col.data")),
        Column(ctx.t("journey.col.owner")),
    )
    return Table(
        ctx.t("journey.sheet.collection"),
        columns,
        rows,
        ctx,
        strong_rows=frozenset(range(len(collecting))),
        note=ctx.t("journey.rule.collection"),
    )


def perception_table(journey: Journey, ctx: Context) -> Table:
    """How many touchpoints of each perception, stage by stage."""
    mix = perception_by_stage(journey)
    rows = tuple(
        (stage, *(counts[p] for p in Perception), sum(counts.values()))
        for stage, counts in mix.items()
    )
    totals = (
        *(sum(counts[p] for counts in mix.values()) for p in Perception),
        len(journey.touchpoints),
    )
    columns = (
        Column(ctx.t("journey.col.stage")),
        *(Column(perception(p, ctx), "integer") for p in Perception),
        Column(ctx.t("journey.col.total"), "integer"),
    )
    all_rows = (*rows, (ctx.t("journey.col.total"), *totals))
    return Table(
        ctx.t("journey.sheet.perception"),
        columns,
        all_rows,
        ctx,
        strong_rows=frozenset({len(rows)}),
    )


def excel_tables(
    journey: Journey,
    moments: Sequence[MomentOfTruth],
    ip: ImportancePerformance,
    paths: Sequence[PathMetrics],
    gaps: Sequence[CoverageGap],
    ctx: Context,
) -> list[Table]:
    """The Excel deliverable's sheets, as data (numbers as numbers); a table with no row is
    left out (the report says why in a sentence)."""
    moment_ids = {m.touchpoint.id for m in moments}
    tables = [
        grid_table(journey, ctx),
        touchpoints_table(journey, ctx, moment_ids),
        moments_table(moments, ctx),
        quadrants_table(ip, journey, ctx),
        paths_table(paths, ctx, for_print=False),
        gaps_table(gaps, ctx),
        collection_table(journey, ctx),
        perception_table(journey, ctx) if journey.touchpoints else None,
    ]
    return [table for table in tables if table is not None and table.rows]


def conventions(report: JourneyReport) -> tuple[str, ...]:
    """The calculation conventions of the journey map, for the Excel deliverable's « Lisez-moi »
    sheet: the scales, the moments of truth's rule, the crosshair, the path metrics, the
    coverage gaps."""
    ctx = report.ctx
    return (
        ctx.t("journey.rule.scales"),
        *moment_rule(report.rule, ctx).paragraphs,
        crosshair_note(report.ip, ctx).paragraphs[0],
        ctx.t("journey.rule.paths"),
        ctx.t("journey.rule.gaps"),
    )


# --- the report, section by section (the notebook calls one function per section) -----------


@dataclass(frozen=True)
class JourneyReport:
    """Everything the journey map deliverable shows, computed once from the journey: the moments
    of truth (by ``rule``), the importance-performance analysis, the persona paths' metrics
    and the coverage gaps, for one reader (``ctx``)."""

    journey: Journey
    ctx: Context
    rule: MomentRule
    moments: tuple[MomentOfTruth, ...]
    ip: ImportancePerformance
    paths: tuple[PathMetrics, ...]
    gaps: tuple[CoverageGap, ...]

    @property
    def moment_ids(self) -> tuple[str, ...]:
        """The moments of truth's touchpoint ids, ranked: the ones the charts ring."""
        return tuple(m.touchpoint.id for m in self.moments)


def analyse(
    journey: Journey,
    ctx: Context,
    *,
    min_importance: int = DEFAULT_RULE.min_importance,
    crosshair: Literal["mean", "midpoint"] = "mean",
) -> JourneyReport:
    """The journey map's analyses (:mod:`crmwb.journey.model`) with the notebook's parameters."""
    rule = MomentRule(min_importance=min_importance)
    return JourneyReport(
        journey=journey,
        ctx=ctx,
        rule=rule,
        moments=moments_of_truth(journey, rule),
        ip=importance_performance(journey, crosshair),
        paths=path_metrics(journey),
        gaps=coverage_gaps(journey),
    )


def header(report: JourneyReport) -> ReportHeader:
    ctx = report.ctx
    return ReportHeader(ctx.t("journey.title"), subtitle(report.journey, ctx), ctx)


def summary_parts(report: JourneyReport) -> tuple[KeyFigures, Text]:
    """The summary the report opens with and the pack shows: key figures and sentences."""
    r = report
    return (
        key_figures(r.journey, r.moments, r.paths, r.ctx),
        summary(r.journey, r.moments, r.ip, r.paths, r.gaps, r.ctx),
    )


def summary_section(report: JourneyReport) -> Section:
    return section(report.ctx.t("journey.section.summary"), *summary_parts(report))


def _no_touchpoint(ctx: Context) -> Text:
    return Text((ctx.t("journey.empty.touchpoints"),))


def grid_chart(report: JourneyReport) -> Figure | None:
    """The journey map drawn (the moments of truth ringed), None while it has no touchpoint:
    the notebook shows it (:func:`grid_section`) and saves it for the deck."""
    r = report
    if not r.journey.touchpoints:
        return None
    return journey_charts.journey_grid(r.journey, r.ctx, r.moment_ids)


def grid_section(report: JourneyReport, chart: Figure | None = None) -> Section:
    """The journey map as a chart (``chart``: :func:`grid_chart`'s, drawn here when not
    given), a sentence while the map has no touchpoint."""
    r, ctx = report, report.ctx
    if not r.journey.touchpoints:
        return section(ctx.t("journey.section.grid"), _no_touchpoint(ctx))
    if chart is None:
        chart = journey_charts.journey_grid(r.journey, ctx, r.moment_ids)
    return section(
        ctx.t("journey.section.grid"),
        Chart.of(chart, ctx.t("journey.chart.grid_alt"), ctx),
        keep_together=True,
    )


def moments_section(report: JourneyReport) -> Section:
    """The moments of truth, ranked, with their rule (or a sentence: none reaches it)."""
    r, ctx = report, report.ctx
    if not r.journey.touchpoints:
        return section(ctx.t("journey.section.moments"), _no_touchpoint(ctx))
    table: Table | Text = (
        moments_table(r.moments, ctx, for_print=True)
        if r.moments
        else Text((ctx.t("journey.summary.no_moment"),))
    )
    return section(ctx.t("journey.section.moments"), table, moment_rule(r.rule, ctx))


def concentrate_view(ip: ImportancePerformance, journey: Journey, ctx: Context) -> Table | Text:
    """The touchpoints to concentrate on (important, poorly performed), or a sentence."""
    if not ip.in_quadrant(Quadrant.CONCENTRATE_HERE):
        return Text((ctx.t("journey.no_concentrate"),))
    return quadrants_table(ip, journey, ctx, only=Quadrant.CONCENTRATE_HERE)


def quadrants_section(report: JourneyReport) -> Section:
    """The importance-performance chart, its crosshair and the "concentrate here" touchpoints;
    a sentence while no touchpoint has a performance score."""
    r, ctx = report, report.ctx
    title = ctx.t("journey.section.quadrants")
    if not r.journey.touchpoints:
        return section(title, _no_touchpoint(ctx))
    if not r.ip.points:
        return section(title, Text((ctx.t("journey.empty.rated"),)))
    chart = journey_charts.importance_performance(r.journey, r.ip, ctx, r.moment_ids)
    return section(
        title,
        Chart.of(chart, title, ctx),
        crosshair_note(r.ip, ctx),
        concentrate_view(r.ip, r.journey, ctx),
    )


def personas_section(report: JourneyReport) -> Section:
    """The personas, their paths' metrics and emotion curves; sentences when there is no
    persona, or no path yet."""
    r, ctx = report, report.ctx
    title = ctx.t("journey.section.personas")
    if not r.journey.personas:
        return section(title, Text((ctx.t("journey.empty.personas"),)))
    parts: list[Part] = [personas_text(r.journey, ctx)]
    if not r.paths:
        parts.append(Text((ctx.t("journey.empty.paths"),)))
        return section(title, *parts)
    parts.append(paths_table(r.paths, ctx))
    curves = drawn_curves(r.journey)
    if curves:
        chart = journey_charts.emotion_curves(r.journey.stage_names, curves, ctx)
        parts.append(Chart.of(chart, ctx.t("journey.section.emotions"), ctx))
    return section(title, *parts)


def drawn_curves(journey: Journey) -> dict[str, tuple[float | None, ...]]:
    """The emotion curves the personas section draws: each persona's with an emotion at one
    stage at least (:func:`crmwb.journey.model.emotion_curves`)."""
    return {
        persona: values
        for persona, values in emotion_curves(journey).items()
        if any(v is not None for v in values)
    }


def path_sections(report: JourneyReport) -> Sections:
    """One section per persona's path (with at least one step): the path on the map, then
    its steps."""
    r, ctx = report, report.ctx
    out = []
    for path, metrics in zip(r.journey.paths, r.paths, strict=True):
        if not path.touchpoints:
            continue
        title = ctx.t("journey.section.path_of", persona=path.persona)
        chart = journey_charts.persona_path(r.journey, path, ctx, r.moment_ids)
        out.append(
            section(
                title, Chart.of(chart, title, ctx), path_steps(metrics, ctx), keep_together=True
            )
        )
    return Sections(tuple(out))


def gaps_section(report: JourneyReport) -> Section:
    r = report
    return section(r.ctx.t("journey.section.gaps"), gaps_view(r.gaps, r.ctx, r.journey))


def collection_view(journey: Journey, ctx: Context) -> Table | Text:
    """The touchpoints with no collection point, or a sentence."""
    if not journey.touchpoints:
        return _no_touchpoint(ctx)
    if not missing_collection_points(journey):
        return Text((ctx.t("journey.no_missing_collection"),))
    return collection_table(journey, ctx)


def collection_section(report: JourneyReport) -> Section:
    r = report
    return section(r.ctx.t("journey.section.collection"), collection_view(r.journey, r.ctx))


def perception_section(report: JourneyReport) -> Section:
    r, ctx = report, report.ctx
    view = perception_table(r.journey, ctx) if r.journey.touchpoints else _no_touchpoint(ctx)
    return section(ctx.t("journey.section.perception"), view)


def save(report: JourneyReport, output_dir: str | os.PathLike[str] | None) -> None:
    """The Excel deliverable (with its conventions) and the summary for the pack; nothing
    without an output folder (a notebook run in JupyterLab)."""
    r = report
    save_tables(
        output_dir,
        "journey_mapping",
        excel_tables(r.journey, r.moments, r.ip, r.paths, r.gaps, r.ctx),
        r.ctx.lang,
        conventions=conventions(r),
    )
    save_summary(output_dir, "journey_mapping", *summary_parts(r))
