"""The vendor comparison deliverable, built from a :class:`~crmwb.vendors.results.VendorAnalysis`:
one function per section of the report (its sentences, tables and charts, and what it says
instead when there is nothing to show: one vendor, one criterion, no use case), and the small
formats the other sections share. The vendors' TCO section is :mod:`.tco_views`'s, the tables of
the Excel deliverable and their conventions :mod:`.excel`'s.

The notebook calls one function per section; everything it shows is decided here, where it
is tested.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from crmwb.core import i18n
from crmwb.core.errors import Written, render
from crmwb.deliver.views import (
    Bullets,
    Chart,
    Column,
    Context,
    KeyFigure,
    KeyFigures,
    Kind,
    Part,
    ReportHeader,
    Section,
    Table,
    Text,
    section,
    sheet_name,
)
from crmwb.vendors import charts
from crmwb.vendors.comparison import VendorComparison
from crmwb.vendors.model import Coverage, CoverageSheet, Measure, ScoreSheet
from crmwb.vendors.ranking import Exclusion
from crmwb.vendors.results import VendorAnalysis
from crmwb.vendors.sheet_layout import GROUPS_SCOPE
from crmwb.vendors.weights import AhpResult

ROBUST_SHARE = 0.75
"""Share of weight draws a winner must keep to be called robust."""

VENDORS_PER_TABLE = 5
"""Vendor columns in one scores table: a longer list is split into several, so that
40-character names stay legible on a page's width."""

RADAR_CRITERIA = 3
"""Criteria a profile (radar) needs: with fewer, it is a line or a point."""


# --- what the comparison allows --------------------------------------------------------------


def listed_vendors(comparison: VendorComparison) -> int:
    """How many vendors the workbook lists (ranked or excluded)."""
    return len(comparison.ranked_vendors) + len(comparison.excluded_vendors)


def is_ranking(comparison: VendorComparison) -> bool:
    """Whether there is a ranking to speak of: two vendors or more left after the knock-outs."""
    return len(comparison.ranked_vendors) > 1


def weighted_criteria(comparison: VendorComparison) -> int:
    """How many criteria weigh something (a single one leaves no trade-off to test)."""
    return sum(1 for s in comparison.sensitivity if s.current_weight > 0)


def weights_can_move(comparison: VendorComparison) -> bool:
    """Whether moving the weights can change anything: two vendors ranked, two criteria
    weighted."""
    return is_ranking(comparison) and weighted_criteria(comparison) > 1


# --- small formats ---------------------------------------------------------------------------


def _score(value: float, ctx: Context) -> str:
    return i18n.number(value, ctx.lang, decimals=2)


def _weight(value: float, ctx: Context) -> str:
    """A weight as the tables show it: one decimal under 10 % (5,7 %), none above (23 %)."""
    return ctx.percent(value, decimals=1 if value and abs(value) < 0.1 else 0)


def count_text(value: int, ctx: Context) -> str:
    """A count with the client's digit grouping (« 10 000 » draws)."""
    return i18n.number(value, ctx.lang)


def and_list(items: Sequence[str], ctx: Context) -> str:
    """``A``, ``A and B``, ``A, B and C`` in the client's language."""
    if len(items) < 2:
        return "".join(items)
    return ctx.t("vc.list.and", items=", ".join(items[:-1]), last=items[-1])


def bold(names: Sequence[str]) -> list[str]:
    """The names in bold, as the sentences name the vendors they are about."""
    return [f"**{name}**" for name in names]


def _chunks(items: Sequence[str], size: int) -> list[list[str]]:
    """``items`` in consecutive groups of at most ``size``, as even as possible (6 -> 3 + 3)."""
    if not items:
        return []
    count = math.ceil(len(items) / size)
    base, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + base + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def _part_caption(chunk: Sequence[str], first: int, total: int, ctx: Context) -> str:
    """« Éditeurs 6 à 10 sur 30 » above one of several tables or charts."""
    return ctx.t("vc.part", first=first, last=first + len(chunk) - 1, count=total)


# --- the report, section by section ----------------------------------------------------------


def header(analysis: VendorAnalysis, ctx: Context) -> ReportHeader:
    """The report's title, with what was compared and how it was weighted."""
    return ReportHeader(
        ctx.t("vc.title"), subtitle(analysis.sheet, analysis.inputs.weighting, ctx), ctx
    )


def subtitle(sheet: ScoreSheet, weighting: str, ctx: Context) -> str:
    """« 5 éditeurs, 10 critères, pondération directe »: what was compared, and how weighted
    (``weighting``: ``direct`` or ``ahp``)."""
    return ctx.t(
        "vc.subtitle",
        vendors=ctx.tn("vc.subtitle.vendors", len(sheet.vendors), count=len(sheet.vendors)),
        criteria=ctx.tn("vc.subtitle.criteria", len(sheet.criteria), count=len(sheet.criteria)),
        method=ctx.t(f"vc.method.{weighting}"),
    )


def recommendation_section(analysis: VendorAnalysis, ctx: Context) -> Section:
    """The key figures and the recommendation, written from the numbers."""
    comparison = analysis.comparison
    return section(
        ctx.t("vc.section.recommendation"),
        key_figures(comparison, ctx),
        recommendation(comparison, ctx),
    )


def key_figures(comparison: VendorComparison, ctx: Context) -> KeyFigures:
    """The recommended vendor, how robust it is, whether TOPSIS agrees, the shortlist; with a
    single vendor, only that vendor and its score."""
    ranking = comparison.weighted_sum
    winner = ranking.winner
    single = listed_vendors(comparison) == 1
    score = _score(ranking.vendor(winner).score, ctx)
    tied = _tied_first(comparison)
    note = (
        ctx.t("vc.figure.winner_note_tied", score=score, others=and_list(tied[1:], ctx))
        if len(tied) > 1
        else ctx.t("vc.figure.winner_note", score=score)
    )
    figures = [
        KeyFigure(
            ctx.t("vc.figure.single" if single else "vc.figure.winner"),
            winner,
            note,
            highlight=True,
        )
    ]
    if not is_ranking(comparison):
        return KeyFigures(tuple(figures))
    mc = comparison.monte_carlo
    if mc is not None and weights_can_move(comparison):
        figures.append(
            KeyFigure(
                ctx.t("vc.figure.robustness"),
                ctx.percent(mc.probability_first[winner]),
                ctx.t(
                    "vc.figure.robustness_note",
                    share=ctx.percent(mc.probability_first[winner]),
                    draws=count_text(mc.draws, ctx),
                ),
            )
        )
    agreement = comparison.agreement
    tau = agreement.kendall_tau
    figures.append(
        KeyFigure(
            ctx.t("vc.figure.agreement"),
            ctx.t("vc.figure.agrees" if agreement.same_winner else "vc.figure.disagrees"),
            ctx.t("vc.figure.agreement_note", tau=_score(tau, ctx))
            if math.isfinite(tau)
            else ctx.t("vc.figure.agreement_note_tied"),
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
    """The recommendation, written from the numbers, saying how robust it is (or, with one
    vendor left, that there is nothing to rank)."""
    ranking = comparison.weighted_sum
    order = ranking.ranking
    winner = order[0]
    sentences: list[str] = []
    if len(order) == 1:
        score = _score(ranking.vendor(winner).score, ctx)
        if listed_vendors(comparison) == 1:
            sentences.append(ctx.t("vc.rec.single", winner=winner, score=score))
        else:
            sentences.append(ctx.t("vc.rec.alone", winner=winner, score=score))
    else:
        second = order[1]
        tied = _tied_first(comparison)
        if len(tied) > 1:
            sentences.append(
                ctx.t(
                    "vc.rec.tied",
                    vendors=and_list(bold(tied), ctx),
                    score=_score(ranking.vendor(winner).score, ctx),
                )
            )
        else:
            sentences.append(
                ctx.t(
                    "vc.rec.winner",
                    winner=winner,
                    score=_score(ranking.vendor(winner).score, ctx),
                    second=second,
                    second_score=_score(ranking.vendor(second).score, ctx),
                )
            )
        agreement = comparison.agreement
        tau = agreement.kendall_tau
        if agreement.same_winner:
            sentences.append(
                ctx.t("vc.rec.topsis_agrees", tau=_score(tau, ctx))
                if math.isfinite(tau)
                else ctx.t("vc.rec.topsis_agrees_tied")
            )
        else:
            sentences.append(
                ctx.t(
                    "vc.rec.topsis_disagrees",
                    topsis_winner=agreement.topsis_winner,
                    tau=_score(tau, ctx) if math.isfinite(tau) else "–",
                )
            )
        mc = comparison.monte_carlo
        if not weights_can_move(comparison):
            sentences.append(ctx.t("vc.rec.single_criterion"))
        else:
            if mc is not None:
                share = mc.probability_first[winner]
                runner = max(
                    (v for v in order if v != winner), key=lambda v: mc.probability_first[v]
                )
                key = "vc.rec.robust" if share >= ROBUST_SHARE else "vc.rec.fragile"
                sentences.append(
                    ctx.t(
                        key,
                        winner=winner,
                        draws=count_text(mc.draws, ctx),
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
    for exclusion in comparison.exclusions:
        sentences.append(
            ctx.t(
                "vc.rec.excluded", vendor=exclusion.vendor, reason=exclusion_reason(exclusion, ctx)
            )
        )
    return Text(tuple(sentences), css_class="conclusion")


def _tied_first(comparison: VendorComparison) -> list[str]:
    """The vendors sharing the first rank of the weighted sum (the winner first)."""
    ranking = comparison.weighted_sum
    return [v for v in ranking.ranking if ranking.ranks[v] == 1]


def exclusion_reason(exclusion: Exclusion, ctx: Context) -> str:
    values: dict[str, object] = {
        "criterion": exclusion.criterion or "",
        "use_case": exclusion.use_case or "",
        "score": "" if exclusion.score is None else _score(exclusion.score, ctx),
        "threshold": "" if exclusion.threshold is None else _score(exclusion.threshold, ctx),
    }
    return ctx.t(f"vc.exclusion.{exclusion.reason.value}", **values)


def ranking_section(analysis: VendorAnalysis, ctx: Context) -> Section:
    """The weighted scores, stacked by criterion group, and the ranking table; with one vendor
    left, a sentence saying there is no ranking (nor profile, nor sensitivity)."""
    comparison = analysis.comparison
    title = ctx.t("vc.section.ranking")
    if not is_ranking(comparison):
        key = "vc.ranking.single" if listed_vendors(comparison) == 1 else "vc.ranking.alone"
        return section(title, Text((ctx.t(key, vendor=comparison.weighted_sum.winner),)))
    return section(
        title,
        Chart.of(charts.weighted_scores(comparison.weighted_sum, ctx), title, ctx),
        ranking_table(comparison, ctx),
    )


def ranking_table(comparison: VendorComparison, ctx: Context) -> Table:
    """Vendors in weighted-sum order: score, rank, TOPSIS, probability of ranking first (when
    the weights can move: two criteria weighted), functional coverage (with use cases)."""
    ranking, topsis = comparison.weighted_sum, comparison.topsis
    mc = comparison.monte_carlo if weights_can_move(comparison) else None
    coverage = {c.vendor: c.rate for c in comparison.coverage}
    columns = [
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.score"), "number", decimals=2),
        Column(ctx.t("vc.col.rank"), "integer"),
        Column(ctx.t("vc.col.topsis"), "number", decimals=2),
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


def shortlist_section(analysis: VendorAnalysis, ctx: Context) -> Section | None:
    """The shortlisted vendors' profile (radar) over the criteria; a sentence with fewer than
    three criteria; nothing with one vendor (the ranking section says so)."""
    comparison = analysis.comparison
    if not is_ranking(comparison):
        return None
    title = ctx.t("vc.section.shortlist")
    criteria = len(analysis.sheet.criteria)
    if criteria < RADAR_CRITERIA:
        return section(
            title, Text((ctx.tn("vc.shortlist.few_criteria", criteria, count=criteria),))
        )
    return section(
        title,
        Chart.of(
            charts.shortlist_radar(comparison.weighted_sum, comparison.shortlist, ctx), title, ctx
        ),
    )


def weights_section(analysis: VendorAnalysis, ctx: Context) -> Section:
    """The criteria and their weights, the AHP consistency, and the doubts raised while
    reading the workbook."""
    inputs = analysis.inputs
    parts: list[Part] = [weights_table(analysis.sheet, ctx)]
    ahp = consistency(inputs.ahp or {}, ctx)
    if ahp.items:
        parts.append(ahp)
    doubts = notes(inputs.warnings, inputs.normalisation_notice, ctx)
    if doubts.items:
        parts.append(doubts)
    return section(ctx.t("vc.section.weights"), *parts)


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


def vendor_order(comparison: VendorComparison) -> list[str]:
    """The vendors as the tables list them: ranking order, then the excluded ones."""
    return list(comparison.weighted_sum.ranking) + list(comparison.excluded_vendors)


def scores_section(analysis: VendorAnalysis, ctx: Context) -> Section:
    """The mean score of each vendor on each criterion (five vendors a table), then the
    scores the evaluators disagree most on, with their lowest and highest."""
    sheet, comparison = analysis.sheet, analysis.comparison
    parts: list[Part] = list(scores_tables(sheet, comparison, ctx))
    if comparison.largest_spreads:
        parts.append(Text((ctx.t("vc.spread.intro"),)))
        parts.append(spreads_table(comparison, ctx))
    return section(ctx.t("vc.section.scores"), *parts)


def scores_tables(sheet: ScoreSheet, comparison: VendorComparison, ctx: Context) -> list[Table]:
    """Criteria (rows) x vendors (columns, in ranking order, excluded ones last): the mean
    score, or the amount for a criterion measured by an amount; :data:`VENDORS_PER_TABLE`
    vendors a table, each captioned with the vendors it holds when there are several."""
    vendors = vendor_order(comparison)
    chunks = _chunks(vendors, VENDORS_PER_TABLE)
    money: Kind = "money"  # the kind of a whole row measured by an amount
    row_kinds = tuple(
        (i, money) for i, c in enumerate(sheet.criteria) if c.measure is Measure.AMOUNT
    )
    tables, first = [], 1
    for chunk in chunks:
        rows = []
        for criterion in sheet.criteria:
            row: list[object] = [criterion.name]
            for vendor in chunk:
                mean = sheet.mean(vendor, criterion.name)
                row.append(ctx.t("vc.not_evaluated") if mean is None else mean)
            rows.append(tuple(row))
        columns = (Column(ctx.t("vc.col.criterion")), *(Column(v, "number") for v in chunk))
        caption = _part_caption(chunk, first, len(vendors), ctx) if len(chunks) > 1 else ""
        tables.append(
            Table(
                sheet_name(ctx.t("vc.section.scores")),
                columns,
                tuple(rows),
                ctx,
                caption=caption,
                row_kinds=row_kinds,
            )
        )
        first += len(chunk)
    return tables


def spreads_table(comparison: VendorComparison, ctx: Context) -> Table:
    """The scores the evaluators disagree most on: vendor, criterion, mean, lowest, highest."""
    rows = tuple(
        (s.vendor, s.criterion, s.mean, s.minimum, s.maximum) for s in comparison.largest_spreads
    )
    columns = (
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.criterion")),
        Column(ctx.t("vc.col.mean_score"), "number"),
        Column(ctx.t("vc.col.lowest_score"), "number"),
        Column(ctx.t("vc.col.highest_score"), "number"),
    )
    return Table(sheet_name(ctx.t("vc.col.spread")), columns, rows, ctx)


def coverage_section(analysis: VendorAnalysis, ctx: Context) -> Section:
    """How each vendor covers the use cases (five vendors a chart at most, fewer when their
    names are long); a sentence without use cases."""
    title = ctx.t("vc.section.coverage")
    coverage = analysis.inputs.coverage
    if coverage is None or not coverage.use_cases:
        return section(title, Text((ctx.t("vc.coverage.none"),)))
    vendors = vendor_order(analysis.comparison)
    chunks = _chunks(vendors, charts.coverage_columns(coverage, vendors))
    parts: list[Part] = []
    first = 1
    for chunk in chunks:
        part = _part_caption(chunk, first, len(vendors), ctx) if len(chunks) > 1 else ""
        figure = charts.coverage_matrix(coverage, chunk, ctx, part)
        parts.append(Chart.of(figure, part or title, ctx))
        first += len(chunk)
    return section(title, *parts)


def coverage_table(coverage: CoverageSheet, vendors: Sequence[str], ctx: Context) -> Table:
    """Use cases (rows) x vendors: how each vendor covers each use case."""
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


def sensitivity_section(analysis: VendorAnalysis, ctx: Context) -> Section | None:
    """For each criterion, the weight that would change the winner (chart and table); a
    sentence with a single weighted criterion; nothing with one vendor (the ranking section
    says so)."""
    comparison = analysis.comparison
    if not is_ranking(comparison):
        return None
    title = ctx.t("vc.section.sensitivity")
    if not weights_can_move(comparison):
        return section(title, Text((ctx.t("vc.sensitivity.single_criterion"),)))
    return section(
        title,
        Chart.of(charts.weight_sensitivity(comparison, ctx), title, ctx),
        sensitivity_table(comparison, ctx),
    )


def sensitivity_table(comparison: VendorComparison, ctx: Context) -> Table:
    """For each criterion (the most sensitive first), the nearest weight that would change the
    winner, the change in points and the new winner; for a criterion whose weight never
    changes the winner, no weight and « none, whatever its weight »."""
    rows: list[tuple[object, ...]] = []
    for s in sorted(
        comparison.sensitivity,
        key=lambda s: abs(s.nearest.change) if s.nearest is not None else 2.0,
    ):
        nearest = s.nearest
        if nearest is None:
            rows.append((s.criterion, s.current_weight, None, None, ctx.t("vc.never_winner")))
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


def value_section(analysis: VendorAnalysis, ctx: Context) -> Section | None:
    """The value map (weighted score against TCO) of the ranked vendors with a price list; a
    sentence with fewer than two of them; nothing without a price list (the TCO section says
    so) or with one vendor left (the ranking section says there is nothing to compare)."""
    if analysis.tco is None or not is_ranking(analysis.comparison):
        return None
    title = ctx.t("vc.section.value")
    ranking = analysis.comparison.weighted_sum
    totals = value_totals(analysis)
    if len(totals) < 2:
        return section(title, Text((ctx.t("vc.value.too_few"),)))
    parts: list[Part] = [Chart.of(charts.value_map(ranking, totals, ctx), title, ctx)]
    if len(totals) > charts.VALUE_MAP_NAMES:
        parts.append(Text((ctx.t("vc.value.by_rank"),)))
    return section(title, *parts)


def value_totals(analysis: VendorAnalysis) -> dict[str, float]:
    """The TCO of each ranked vendor with a price list: what the value map places (it is drawn
    with two of them or more)."""
    ranking = analysis.comparison.weighted_sum
    return {v: t for v, t in analysis.tco_totals.items() if v in ranking.ranking}


def method_section(analysis: VendorAnalysis, ctx: Context) -> Section:
    """How the comparison was computed, and TOPSIS's ideal and anti-ideal solutions."""
    parts: list[Part] = [method(analysis.comparison, ctx)]
    if is_ranking(analysis.comparison):
        parts.append(topsis_table(analysis.comparison, ctx))
    return section(ctx.t("vc.section.method"), *parts)


def method(comparison: VendorComparison, ctx: Context) -> Text:
    """The method in one paragraph: rescaling and weighted sum, then (with a ranking) TOPSIS
    and the robustness tests."""
    sentences = [ctx.t("vc.method.rescale")]
    if is_ranking(comparison):
        sentences.append(ctx.t("vc.method.topsis"))
        if weights_can_move(comparison):
            sentences.append(ctx.t("vc.method.sensitivity"))
            mc = comparison.monte_carlo
            if mc is not None:
                sentences.append(
                    ctx.t("vc.method.dirichlet", draws=count_text(mc.draws, ctx), seed=mc.seed)
                )
    return Text((" ".join(sentences),))


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
        Column(ctx.t("vc.col.ideal"), "number", decimals=2),
        Column(ctx.t("vc.col.anti_ideal"), "number", decimals=2),
    )
    return Table(
        sheet_name(ctx.t("vc.sheet.topsis")), columns, rows, ctx, caption=ctx.t("vc.section.topsis")
    )


def summary(analysis: VendorAnalysis, ctx: Context) -> tuple[Part, ...]:
    """What the pack's executive summary shows of the comparison."""
    return (key_figures(analysis.comparison, ctx), recommendation(analysis.comparison, ctx))
