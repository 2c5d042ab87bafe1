"""The vendor comparison's Excel deliverable: its tables as data, one type per column, each
captioned with what it holds, and the calculation conventions for its « Lisez-moi » sheet."""

from __future__ import annotations

from dataclasses import replace

from crmwb.deliver.views import (
    Column,
    Context,
    Table,
    sheet_name,
)
from crmwb.vendors.comparison import VendorComparison
from crmwb.vendors.model import COVERAGE_VALUES, Coverage, Measure, ScoreSheet
from crmwb.vendors.results import VendorAnalysis
from crmwb.vendors.robustness import evaluator_spreads
from crmwb.vendors.tco_views import hidden_costs_table, tco_table
from crmwb.vendors.views import (
    count_text,
    coverage_table,
    is_ranking,
    ranking_table,
    sensitivity_table,
    topsis_table,
    vendor_order,
    weights_can_move,
    weights_table,
)


def excel_tables(analysis: VendorAnalysis, ctx: Context) -> list[Table]:
    """The tables of the vendor comparison's Excel deliverable, in sheet order, as data: one
    type per column (scores, amounts, weights as numbers, shares as fractions), every header
    filled, each captioned with what it holds (for the « Lisez-moi » sheet)."""
    sheet, comparison = analysis.sheet, analysis.comparison
    tables = [
        _captioned(ranking_table(comparison, ctx), "vc.about.ranking", ctx),
        _captioned(weights_table(sheet, ctx), "vc.about.weights", ctx),
        scores_data(sheet, comparison, ctx),
    ]
    amounts = amounts_data(sheet, comparison, ctx)
    if amounts is not None:
        tables.append(amounts)
    if weights_can_move(comparison):
        tables.append(_captioned(sensitivity_table(comparison, ctx), "vc.about.sensitivity", ctx))
    if is_ranking(comparison):
        tables.append(topsis_table(comparison, ctx))
    coverage = analysis.inputs.coverage
    if coverage is not None and coverage.use_cases:
        tables.append(
            _captioned(
                coverage_table(coverage, vendor_order(comparison), ctx), "vc.about.coverage", ctx
            )
        )
    if analysis.tco is not None:
        tables.append(
            _captioned(tco_table(analysis.tco, analysis.tco_risk, ctx), "vc.about.tco", ctx)
        )
        if analysis.tco.hidden_costs:
            hidden = hidden_costs_table(analysis.tco, ctx, data=True)
            tables.append(_captioned(hidden, "vc.about.hidden", ctx))
    return tables


def _captioned(table: Table, key: str, ctx: Context) -> Table:
    return replace(table, caption=ctx.t(key))


def scores_data(sheet: ScoreSheet, comparison: VendorComparison, ctx: Context) -> Table:
    """One row per criterion scored and vendor (ranking order, excluded vendors last): the
    mean score; with several evaluators, the lowest and the highest score and how many
    scored, each in its own column."""
    several = len({s.evaluator for s in sheet.scores}) > 1
    spreads = {(s.vendor, s.criterion): s for s in evaluator_spreads(sheet)}
    rows = []
    for criterion in sheet.criteria:
        if criterion.measure is not Measure.SCORE:
            continue
        for vendor in vendor_order(comparison):
            spread = spreads.get((vendor, criterion.name))
            row: list[object] = [criterion.name, vendor, None if spread is None else spread.mean]
            if several:
                row += (
                    [None, None, 0]
                    if spread is None
                    else [spread.minimum, spread.maximum, len(spread.scores)]
                )
            rows.append(tuple(row))
    columns = [
        Column(ctx.t("vc.col.criterion")),
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.mean_score" if several else "vc.col.score_value"), "number"),
    ]
    if several:
        columns += [
            Column(ctx.t("vc.col.lowest_score"), "number"),
            Column(ctx.t("vc.col.highest_score"), "number"),
            Column(ctx.t("vc.col.evaluators"), "integer"),
        ]
    return Table(
        sheet_name(ctx.t("vc.section.scores")),
        tuple(columns),
        tuple(rows),
        ctx,
        caption=ctx.t("vc.about.scores" if several else "vc.about.scores_one"),
    )


def amounts_data(sheet: ScoreSheet, comparison: VendorComparison, ctx: Context) -> Table | None:
    """One row per criterion measured by an amount (the TCO, a price) and vendor; None when
    every criterion is a score."""
    rows = tuple(
        (criterion.name, vendor, sheet.mean(vendor, criterion.name))
        for criterion in sheet.criteria
        if criterion.measure is Measure.AMOUNT
        for vendor in vendor_order(comparison)
    )
    if not rows:
        return None
    columns = (
        Column(ctx.t("vc.col.criterion")),
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.amount"), "money"),
    )
    return Table(
        sheet_name(ctx.t("vc.sheet.amounts")), columns, rows, ctx, caption=ctx.t("vc.about.amounts")
    )


def conventions(analysis: VendorAnalysis, ctx: Context) -> tuple[str, ...]:
    """The calculation conventions, for the Excel deliverable's « Lisez-moi » sheet."""
    comparison = analysis.comparison
    items = [ctx.t("vc.method.rescale"), ctx.t("vc.method.evaluators")]
    if is_ranking(comparison):
        items.append(ctx.t("vc.method.topsis"))
        if weights_can_move(comparison):
            items.append(ctx.t("vc.method.sensitivity"))
            mc = comparison.monte_carlo
            if mc is not None:
                items.append(
                    ctx.t("vc.method.dirichlet", draws=count_text(mc.draws, ctx), seed=mc.seed)
                )
    if analysis.inputs.coverage is not None and analysis.inputs.coverage.use_cases:
        items.append(
            ctx.t(
                "vc.method.coverage",
                **{
                    level.value: ctx.percent(COVERAGE_VALUES[level])
                    for level in Coverage  # native, configuration, custom_development, ...
                },
            )
        )
    if analysis.tco is not None:
        settings = analysis.tco.comparison.settings
        items.append(
            ctx.tn("vc.method.tco", settings.horizon_years, horizon=settings.horizon_years)
        )
        if settings.discount_rate:
            rate = ctx.percent(settings.discount_rate, decimals=1)
            items.append(ctx.t("vc.method.tco_discount", rate=rate))
        if analysis.tco_risk is not None:
            items.append(
                ctx.t(
                    "vc.method.tco_risk",
                    draws=count_text(analysis.tco_risk.draws, ctx),
                    seed=analysis.tco_risk.seed,
                )
            )
    return tuple(items)
