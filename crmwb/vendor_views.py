"""The vendor comparison deliverable's tables and sentences, built from a
:class:`~crmwb.vendors.VendorComparison` and its :class:`~crmwb.vendors.ScoreSheet`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crmwb import i18n
from crmwb.pricing import MonteCarloResult as PricingMonteCarlo
from crmwb.pricing import VendorStudy
from crmwb.vendors import (
    Coverage,
    CoverageSheet,
    Exclusion,
    Measure,
    ScoreSheet,
    VendorComparison,
)
from crmwb.views import Bullets, Column, Context, KeyFigure, KeyFigures, Table, Text, sheet_name
from crmwb.weights import AhpResult

ROBUST_SHARE = 0.75
"""Share of weight draws a winner must keep to be called robust."""


def _score(value: float, ctx: Context) -> str:
    return i18n.number(value, ctx.lang, decimals=2)


def key_figures(comparison: VendorComparison, ctx: Context) -> KeyFigures:
    """The recommended vendor, how robust it is, whether TOPSIS agrees, the shortlist."""
    ranking = comparison.weighted_sum
    winner = ranking.winner
    figures = [
        KeyFigure(
            ctx.t("vc.figure.winner"),
            winner,
            ctx.t("vc.figure.winner_note", score=_score(ranking.vendor(winner).score, ctx)),
            highlight=True,
        )
    ]
    mc = comparison.monte_carlo
    if mc is not None:
        figures.append(
            KeyFigure(
                ctx.t("vc.figure.robustness"),
                ctx.percent(mc.probability_first[winner]),
                ctx.t(
                    "vc.figure.robustness_note",
                    share=ctx.percent(mc.probability_first[winner]),
                    draws=_count(mc.draws, ctx),
                ),
            )
        )
    agreement = comparison.agreement
    figures.append(
        KeyFigure(
            ctx.t("vc.figure.agreement"),
            ctx.t("vc.figure.agrees" if agreement.same_winner else "vc.figure.disagrees"),
            ctx.t("vc.figure.agreement_note", tau=_score(agreement.kendall_tau, ctx)),
        )
    )
    figures.append(
        KeyFigure(
            ctx.t("vc.figure.shortlist"),
            str(len(comparison.shortlist)),
            ", ".join(comparison.shortlist),
        )
    )
    return KeyFigures(tuple(figures))


def recommendation(comparison: VendorComparison, ctx: Context) -> Text:
    """The recommendation, written from the numbers, saying how robust it is."""
    ranking = comparison.weighted_sum
    order = ranking.ranking
    winner = order[0]
    sentences: list[str] = []
    if len(order) > 1:
        second = order[1]
        sentences.append(
            ctx.t(
                "vc.rec.winner",
                winner=winner,
                score=_score(ranking.vendor(winner).score, ctx),
                second=second,
                second_score=_score(ranking.vendor(second).score, ctx),
            )
        )
        tau = _score(comparison.agreement.kendall_tau, ctx)
        if comparison.agreement.same_winner:
            sentences.append(ctx.t("vc.rec.topsis_agrees", tau=tau))
        else:
            sentences.append(
                ctx.t(
                    "vc.rec.topsis_disagrees",
                    topsis_winner=comparison.agreement.topsis_winner,
                    tau=tau,
                )
            )
        mc = comparison.monte_carlo
        if mc is not None:
            share = mc.probability_first[winner]
            runner = max((v for v in order if v != winner), key=lambda v: mc.probability_first[v])
            key = "vc.rec.robust" if share >= ROBUST_SHARE else "vc.rec.fragile"
            sentences.append(
                ctx.t(
                    key,
                    winner=winner,
                    draws=_count(mc.draws, ctx),
                    share=ctx.percent(share),
                    runner=runner,
                    runner_share=ctx.percent(mc.probability_first[runner]),
                )
            )
        critical = comparison.most_critical
        if critical is not None and critical.nearest is not None:
            sentences.append(
                ctx.t(
                    "vc.rec.critical",
                    criterion=critical.criterion,
                    current=ctx.percent(critical.current_weight),
                    flip=ctx.percent(critical.nearest.new_weight),
                    new_winner=critical.nearest.new_winner,
                )
            )
        else:
            sentences.append(ctx.t("vc.rec.no_critical"))
    else:
        sentences.append(ctx.t("vc.rec.alone", winner=winner))
    for exclusion in comparison.exclusions:
        sentences.append(
            ctx.t(
                "vc.rec.excluded", vendor=exclusion.vendor, reason=exclusion_reason(exclusion, ctx)
            )
        )
    return Text(tuple(sentences), css_class="conclusion")


def exclusion_reason(exclusion: Exclusion, ctx: Context) -> str:
    values: dict[str, object] = {
        "criterion": exclusion.criterion or "",
        "use_case": exclusion.use_case or "",
        "score": "" if exclusion.score is None else _score(exclusion.score, ctx),
        "threshold": "" if exclusion.threshold is None else _score(exclusion.threshold, ctx),
    }
    return ctx.t(f"vc.exclusion.{exclusion.reason.value}", **values)


def ranking_table(comparison: VendorComparison, ctx: Context) -> Table:
    """Vendors in weighted-sum order: score, rank, TOPSIS, probability of ranking first,
    functional coverage."""
    ranking, topsis = comparison.weighted_sum, comparison.topsis
    mc = comparison.monte_carlo
    coverage = {c.vendor: c.rate for c in comparison.coverage}
    columns = [
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.score"), "number"),
        Column(ctx.t("vc.col.rank"), "integer"),
        Column(ctx.t("vc.col.topsis"), "number"),
        Column(ctx.t("vc.col.topsis_rank"), "integer"),
    ]
    if mc is not None:
        columns.append(Column(ctx.t("vc.col.p_first"), "percent"))
    if coverage:
        columns.append(Column(ctx.t("vc.col.coverage"), "percent"))
    rows = []
    for vendor in ranking.ranking:
        row: list[object] = [
            vendor,
            round(ranking.vendor(vendor).score, 3),
            ranking.ranks[vendor],
            round(topsis.closeness[vendor], 3),
            topsis.ranks[vendor],
        ]
        if mc is not None:
            row.append(mc.probability_first[vendor])
        if coverage:
            row.append(coverage.get(vendor))
        rows.append(tuple(row))
    return Table(
        sheet_name(ctx.t("vc.section.ranking")), tuple(columns), tuple(rows), ctx, frozenset({0})
    )


def weights_table(sheet: ScoreSheet, ctx: Context) -> Table:
    """Criteria with their group, direction and global weight."""
    rows = tuple(
        (c.group, c.name, ctx.t(f"vc.direction.{c.direction.value}"), c.weight)
        for c in sheet.criteria
    )
    columns = (
        Column(ctx.t("vc.col.group")),
        Column(ctx.t("vc.col.criterion")),
        Column(ctx.t("vc.col.direction")),
        Column(ctx.t("vc.col.weight"), "percent"),
    )
    return Table(sheet_name(ctx.t("vc.section.weights")), columns, rows, ctx)


def consistency(results: Mapping[str, AhpResult], ctx: Context) -> Bullets:
    """One line per AHP comparison matrix: its consistency ratio against Saaty's threshold,
    and the most inconsistent comparisons when it is above."""
    items = []
    for scope, result in results.items():
        n = len(result.comparisons.criteria)
        if n <= 2:
            continue
        verdict = "vc.ahp.consistent" if result.is_consistent else "vc.ahp.inconsistent"
        line = ctx.t(
            "vc.ahp.consistency",
            scope=scope,
            cr=_score(result.consistency_ratio, ctx),
            verdict=ctx.t(verdict),
            ri=_score(result.random_index, ctx),
            n=n,
        )
        if result.warning:
            line += " " + result.warning
        items.append(line)
    return Bullets(tuple(items))


def scores_table(sheet: ScoreSheet, comparison: VendorComparison, ctx: Context) -> Table:
    """Mean score of each vendor on each criterion (vendors in ranking order, excluded ones
    last), with the spread between evaluators where they disagree."""
    vendors = list(comparison.weighted_sum.ranking) + list(comparison.excluded_vendors)
    spreads = {(s.vendor, s.criterion): s for s in comparison.largest_spreads}
    rows = []
    for criterion in sheet.criteria:
        row: list[object] = [criterion.name]
        for vendor in vendors:
            mean = sheet.mean(vendor, criterion.name)
            if mean is None:
                text = "–"
            elif criterion.measure is Measure.AMOUNT:
                text = ctx.money(mean)
            else:
                text = _score(mean, ctx)
            spread = spreads.get((vendor, criterion.name))
            if spread is not None and spread.spread > 0:
                text += f" ({_score(spread.minimum, ctx)}–{_score(spread.maximum, ctx)})"
            row.append(text)
        rows.append(tuple(row))
    columns = (Column(ctx.t("vc.col.criterion")), *(Column(v, "number") for v in vendors))
    return Table(sheet_name(ctx.t("vc.section.scores")), columns, tuple(rows), ctx)


def coverage_table(coverage: CoverageSheet, vendors: Sequence[str], ctx: Context) -> Table:
    rows = []
    for use_case in coverage.use_cases:
        row: list[object] = [use_case.name, use_case.priority]
        for vendor in vendors:
            level: Coverage = coverage.levels[vendor][use_case.name]
            row.append(ctx.t(f"vc.coverage.{level.value}"))
        rows.append(tuple(row))
    columns = (
        Column(ctx.t("vc.col.use_case")),
        Column(ctx.t("vc.col.priority"), "number"),
        *(Column(v) for v in vendors),
    )
    return Table(sheet_name(ctx.t("vc.section.coverage")), columns, tuple(rows), ctx)


def sensitivity_table(comparison: VendorComparison, ctx: Context) -> Table:
    """For each criterion, the weight that would change the winner (the nearest one), or
    "never"."""
    rows: list[tuple[object, ...]] = []
    for s in sorted(
        comparison.sensitivity,
        key=lambda s: abs(s.nearest.change) if s.nearest is not None else 2.0,
    ):
        nearest = s.nearest
        if nearest is None:
            rows.append((s.criterion, s.current_weight, ctx.t("vc.never"), None, "–"))
        else:
            rows.append(
                (
                    s.criterion,
                    s.current_weight,
                    nearest.new_weight,
                    round(nearest.change * 100, 1),
                    nearest.new_winner,
                )
            )
    columns = (
        Column(ctx.t("vc.col.criterion")),
        Column(ctx.t("vc.col.current_weight"), "percent"),
        Column(ctx.t("vc.col.flip_weight"), "percent"),
        Column(ctx.t("vc.col.change"), "number"),
        Column(ctx.t("vc.col.new_winner")),
    )
    return Table(sheet_name(ctx.t("vc.section.sensitivity")), columns, tuple(rows), ctx)


def method(comparison: VendorComparison, ctx: Context) -> Text:
    mc = comparison.monte_carlo
    draws = _count(mc.draws, ctx) if mc is not None else "0"
    seed = mc.seed if mc is not None else "-"
    return Text((ctx.t("vc.method.text", draws=draws, seed=seed),))


def _count(value: int, ctx: Context) -> str:
    return i18n.number(value, ctx.lang)


def excel_tables(
    sheet: ScoreSheet,
    comparison: VendorComparison,
    coverage: CoverageSheet | None,
    ctx: Context,
    tco: VendorStudy | None = None,
    tco_risk: PricingMonteCarlo | None = None,
) -> list[Table]:
    """The tables of the vendor comparison's Excel deliverable, in sheet order."""
    tables = [
        ranking_table(comparison, ctx),
        weights_table(sheet, ctx),
        scores_table(sheet, comparison, ctx),
        sensitivity_table(comparison, ctx),
        topsis_table(comparison, ctx),
    ]
    if coverage is not None:
        vendors = list(comparison.weighted_sum.ranking) + list(comparison.excluded_vendors)
        tables.append(coverage_table(coverage, vendors, ctx))
    if tco is not None and tco_risk is not None:
        tables.append(tco_table(tco, tco_risk, ctx))
    return tables


def notes(warnings: Sequence[object], notice: str | None) -> Bullets:
    """The doubts raised while reading the workbook (shown to the consultant, and in the
    report so the client sees what was assumed)."""
    items = [str(w) for w in warnings]
    if notice:
        items.insert(0, notice)
    return Bullets(tuple(items))


def tco_text(study: VendorStudy, risk: PricingMonteCarlo, ctx: Context) -> Text:
    """Which vendor is the cheapest over the horizon, and how often it stays so."""
    comparison = study.comparison
    cheapest = comparison.cheapest
    return Text(
        (
            ctx.t(
                "vc.tco.text",
                horizon=comparison.settings.horizon_years,
                cheapest=cheapest.option,
                cheapest_total=ctx.money(cheapest.total),
                draws=_count(risk.draws, ctx),
                share=ctx.percent(risk.vendor(cheapest.option).p_cheapest),
            ),
        )
    )


def tco_table(study: VendorStudy, risk: PricingMonteCarlo, ctx: Context) -> Table:
    """Per vendor: the most likely TCO over the horizon, its present value, P10 / P50 / P90
    and the probability of being the cheapest (cheapest first)."""
    rows = []
    for option in sorted(study.comparison.options, key=lambda o: o.total):
        r = risk.vendor(option.option)
        rows.append(
            (
                option.option,
                option.total,
                option.present_value,
                r.total.p10,
                r.total.p50,
                r.total.p90,
                r.p_cheapest,
            )
        )
    rate = ctx.percent(study.comparison.settings.discount_rate, decimals=1)
    columns = (
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.tco"), "money"),
        Column(ctx.t("tco.ind.present_value", rate=rate), "money"),
        Column(ctx.t("vc.col.p10"), "money"),
        Column(ctx.t("vc.col.p50"), "money"),
        Column(ctx.t("vc.col.p90"), "money"),
        Column(ctx.t("vc.col.p_cheapest"), "percent"),
    )
    return Table(sheet_name(ctx.t("vc.section.tco")), columns, tuple(rows), ctx)


def hidden_costs(study: VendorStudy, ctx: Context) -> Bullets:
    """The hidden costs the price lists hold (forced editions, tier jumps, overages, minimum
    commitments), vendor by vendor."""
    return Bullets(
        tuple(
            ctx.t(
                f"vc.hidden.{cost.kind.value}",
                vendor=vendor,
                year=cost.year,
                detail=cost.detail,
            )
            for vendor, cost in study.hidden_costs
        )
    )


def topsis_table(comparison: VendorComparison, ctx: Context) -> Table:
    """TOPSIS' ideal and anti-ideal solutions, criterion by criterion (weighted, vector-normalised
    values: the best and the worst of the vendors ranked)."""
    topsis = comparison.topsis
    rows = tuple(
        (criterion, round(topsis.ideal[criterion], 4), round(topsis.anti_ideal[criterion], 4))
        for criterion in topsis.ideal
    )
    columns = (
        Column(ctx.t("vc.col.criterion")),
        Column(ctx.t("vc.col.ideal"), "number"),
        Column(ctx.t("vc.col.anti_ideal"), "number"),
    )
    return Table(sheet_name("TOPSIS"), columns, rows, ctx, caption="TOPSIS")
