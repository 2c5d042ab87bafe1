"""The vendor comparison deliverable's tables and sentences, built from a
:class:`~crmwb.vendors.VendorComparison` and its :class:`~crmwb.vendors.ScoreSheet`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crmwb import i18n
from crmwb.errors import Written, render
from crmwb.pricing import HiddenCost, VendorStudy
from crmwb.pricing import MonteCarloResult as PricingMonteCarlo
from crmwb.vendor_sheets import GROUPS_SCOPE
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

TIE_TOLERANCE = 1e-9
"""Relative: two totals this close are a tie for the cheapest."""


def _score(value: float, ctx: Context) -> str:
    return i18n.number(value, ctx.lang, decimals=2)


def _weight(value: float, ctx: Context) -> str:
    """A weight as the tables show it: one decimal under 10 % (5,7 %), none above (23 %)."""
    return ctx.percent(value, decimals=1 if value and abs(value) < 0.1 else 0)


def _and(items: Sequence[str], ctx: Context) -> str:
    """``A``, ``A and B``, ``A, B and C`` in the client's language."""
    if len(items) < 2:
        return "".join(items)
    return ctx.t("vc.list.and", items=", ".join(items[:-1]), last=items[-1])


def subtitle(sheet: ScoreSheet, weighting: str, ctx: Context) -> str:
    """« 5 éditeurs, 10 critères, pondération directe »: what was compared, and how weighted
    (``weighting``: ``direct`` or ``ahp``)."""
    return ctx.t(
        "vc.subtitle",
        vendors=ctx.tn("vc.subtitle.vendors", len(sheet.vendors), count=len(sheet.vendors)),
        criteria=ctx.tn("vc.subtitle.criteria", len(sheet.criteria), count=len(sheet.criteria)),
        method=ctx.t(f"vc.method.{weighting}"),
    )


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
            down = critical.nearest.new_weight < critical.current_weight
            sentences.append(
                ctx.t(
                    "vc.rec.critical_down" if down else "vc.rec.critical",
                    criterion=critical.criterion,
                    current=_weight(critical.current_weight, ctx),
                    flip=_weight(critical.nearest.new_weight, ctx),
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
            "vc.ahp.consistency_groups" if scope == GROUPS_SCOPE else "vc.ahp.consistency",
            scope=scope,
            cr=_score(result.consistency_ratio, ctx),
            verdict=ctx.t(verdict),
            threshold=_score(0.10, ctx),
            ri=_score(result.random_index, ctx),
            count=n,
        )
        if result.warning:
            line = ctx.t("vc.ahp.with_warning", line=line, warning=render(result.warning, ctx.lang))
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
    if tco is not None and tco.hidden_costs:
        tables.append(hidden_costs_table(tco, ctx))
    return tables


def notes(
    warnings: Sequence[object], notice: Written | str | None, ctx: Context | None = None
) -> Bullets:
    """The doubts raised while reading the workbook (shown to the consultant, and in the
    report so the client sees what was assumed), in ``ctx``'s language (without it, each in
    the workbook's), each after the sheet and cell it is about; never the consultant's file
    path."""
    lang = ctx.lang if ctx is not None else None
    own = next((str(w.lang) for w in warnings if hasattr(w, "lang")), i18n.DEFAULT_LANG)
    items: list[str] = []
    for warning in warnings:
        text = getattr(warning, "text", None)
        items.append(text(lang, with_file=False) if callable(text) else str(warning))
    if notice:
        items.insert(0, render(notice, lang or own))
    return Bullets(tuple(items))


def tco_text(study: VendorStudy, risk: PricingMonteCarlo, ctx: Context) -> Text:
    """Which vendor is the cheapest over the horizon (every vendor tied for it), and how often
    it stays so with the uncertain prices drawn at random."""
    comparison = study.comparison
    horizon = comparison.settings.horizon_years
    best = comparison.cheapest.total
    tied = [
        o.option
        for o in comparison.options
        if abs(o.total - best) <= TIE_TOLERANCE * max(abs(best), 1.0)
    ]
    names = [f"**{name}**" for name in tied]
    values = {"horizon": horizon, "cheapest_total": ctx.money(best)}
    if len(tied) == 1:
        first = ctx.tn("vc.tco.cheapest", horizon, cheapest=names[0], **values)
    else:
        first = ctx.tn("vc.tco.cheapest_tied", horizon, vendors=_and(names, ctx), **values)
    certain = all(
        abs(r.total.p90 - r.total.p10) <= TIE_TOLERANCE * max(abs(r.total.p50), 1.0)
        for r in risk.vendors
    )
    if certain:
        second = ctx.t("vc.tco.certain")
    else:
        share = ctx.percent(sum(risk.vendor(name).p_cheapest for name in tied))
        key = "vc.tco.risk" if len(tied) == 1 else "vc.tco.risk_tied"
        second = ctx.t(key, draws=_count(risk.draws, ctx), share=share)
    return Text((f"{first} {second}",))


def tco_table(study: VendorStudy, risk: PricingMonteCarlo, ctx: Context) -> Table:
    """Per vendor: the most likely TCO over the horizon, its present value, P10 / P50 / P90
    and the probability of being the cheapest (cheapest first)."""
    rows: list[tuple[object, ...]] = []
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
    discount_rate = study.comparison.settings.discount_rate
    rate = ctx.percent(discount_rate, decimals=1)
    columns = [
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.tco"), "money"),
        Column(ctx.t("tco.ind.present_value", rate=rate), "money"),
        Column(ctx.t("vc.col.p10"), "money"),
        Column(ctx.t("vc.col.p50"), "money"),
        Column(ctx.t("vc.col.p90"), "money"),
        Column(ctx.t("vc.col.p_cheapest"), "percent"),
    ]
    if not discount_rate:  # no discounting: the present value is the total, said once
        del columns[2]
        rows = [row[:2] + row[3:] for row in rows]
    return Table(sheet_name(ctx.t("vc.sheet.tco")), tuple(columns), tuple(rows), ctx)


def hidden_costs(study: VendorStudy, ctx: Context) -> Table | Text:
    """The hidden costs the price lists hold (forced editions, tier jumps, overages, minimum
    commitments), vendor by vendor and year by year: what happens, why, and what it costs
    more that year (less, when the rule works for the client); a sentence when there is
    none."""
    if not study.hidden_costs:
        return Text((ctx.t("vc.hidden.none"),))
    return hidden_costs_table(study, ctx)


def hidden_costs_table(study: VendorStudy, ctx: Context) -> Table:
    """The hidden costs, one row per vendor, year and kind (see :func:`hidden_costs`)."""
    rows = tuple(
        (
            vendor,
            cost.year,
            ctx.t(f"vc.hidden.{cost.kind.value}"),
            hidden_cost_detail(cost, ctx),
            cost.amount,
        )
        for vendor, cost in study.hidden_costs
    )
    columns = (
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.year"), "integer"),
        Column(ctx.t("vc.col.hidden_cost")),
        Column(ctx.t("vc.col.detail")),
        Column(ctx.t("vc.col.extra_cost"), "money"),
    )
    title = ctx.t("vc.hidden.title")
    return Table(sheet_name(title), columns, rows, ctx, caption=title)


def hidden_cost_detail(cost: HiddenCost, ctx: Context) -> str:
    """Why a hidden cost happens, with its numbers in the client's way: « 49 utilisateurs pour
    47 autorisés par l'édition Enterprise : édition Unlimited imposée »."""
    kind = cost.kind.value
    if cost.unit == "money":
        return ctx.t(
            f"vc.hidden.detail.{kind}",
            usage=ctx.money(cost.volume),
            minimum=ctx.money(cost.limit),
        )
    if cost.unit == "gb":
        return ctx.t(
            f"vc.hidden.detail.{kind}",
            stored=i18n.decimal(round(cost.volume, 1), ctx.lang),
            included=i18n.decimal(round(cost.limit, 1), ctx.lang),
        )
    volume = round(cost.volume)
    values: dict[str, object] = {
        "count": i18n.number(volume, ctx.lang),
        "limit": i18n.number(cost.limit, ctx.lang),
    }
    if cost.editions is not None:
        values["edition"], values["forced"] = cost.editions
    return ctx.tn(f"vc.hidden.detail.{kind}.{cost.unit}", volume, **values)


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
    return Table(
        sheet_name(ctx.t("vc.sheet.topsis")), columns, rows, ctx, caption=ctx.t("vc.section.topsis")
    )
