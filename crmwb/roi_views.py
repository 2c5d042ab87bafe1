"""The ROI deliverable's tables and sentences, built from :mod:`crmwb.roi` results."""

from __future__ import annotations

from crmwb import i18n
from crmwb.errors import render
from crmwb.roi import (
    IrrStatus,
    MonteCarloResult,
    RoiAnalysis,
    RoiResult,
    Scenario,
    Tornado,
)
from crmwb.views import Bullets, Column, Context, KeyFigure, KeyFigures, Table, Text, sheet_name

ROW_KEYS = {
    "costs": "roi.row.costs",
    "benefits": "roi.row.benefits",
    "net": "roi.row.net",
    "cumulative": "roi.row.cumulative",
}


def input_label(name: str, ctx: Context) -> str:
    """A lever input's label in the client's language (``minutes_a_day`` -> « Minutes gagnées
    par jour », "Minutes saved a day")."""
    return ctx.t(f"roi.input.{name}")


def _label(label: object, ctx: Context) -> str:
    """A lever's or a cost line's label in the client's language: a message (« Conduite du
    changement »), or the client's own name."""
    return render(label, ctx.lang)


def _months(value: float | None, ctx: Context) -> str:
    if value is None:
        return ctx.t("roi.figure.never")
    return ctx.t("roi.figure.months", months=i18n.number(value, ctx.lang, decimals=1))


def key_figures(analysis: RoiAnalysis, risk: MonteCarloResult | None, ctx: Context) -> KeyFigures:
    adjusted, unadjusted = analysis.risk_adjusted, analysis.unadjusted
    figures = [
        KeyFigure(
            ctx.t("roi.figure.npv"),
            ctx.money(adjusted.npv),
            ctx.t("roi.figure.unadjusted", value=ctx.money(unadjusted.npv)),
            highlight=adjusted.npv > 0,
        ),
        KeyFigure(
            ctx.t("roi.figure.roi"),
            "–" if adjusted.roi is None else ctx.percent(adjusted.roi),
            ctx.t(
                "roi.figure.unadjusted",
                value="–" if unadjusted.roi is None else ctx.percent(unadjusted.roi),
            ),
        ),
        KeyFigure(
            ctx.t("roi.figure.payback"),
            _months(adjusted.payback_months, ctx),
            ctx.t(
                "roi.figure.discounted_payback",
                value=_months(adjusted.discounted_payback_months, ctx),
            ),
        ),
    ]
    if risk is not None:
        figures.append(
            KeyFigure(
                ctx.t("roi.figure.p_positive"),
                ctx.percent(risk.probability_positive),
                ctx.t("roi.figure.draws", draws=i18n.number(risk.iterations, ctx.lang)),
            )
        )
    return KeyFigures(tuple(figures))


def summary(
    analysis: RoiAnalysis,
    risk: MonteCarloResult | None,
    drivers: Tornado | None,
    break_even: float | None,
    ctx: Context,
) -> Text:
    """The executive summary, written from the numbers."""
    adjusted, unadjusted = analysis.risk_adjusted, analysis.unadjusted
    horizon = analysis.case.settings.horizon_years
    sentences = []
    if adjusted.npv > 0 and adjusted.roi is not None:
        sentences.append(
            ctx.t(
                "roi.text.npv",
                horizon=horizon,
                npv=ctx.money(adjusted.npv),
                unadjusted=ctx.money(unadjusted.npv),
                roi=ctx.percent(adjusted.roi),
                multiple=ctx.money(1 + adjusted.roi, cents=True),
            )
        )
    else:
        sentences.append(
            ctx.t(
                "roi.text.negative",
                horizon=horizon,
                npv=ctx.money(adjusted.npv),
                unadjusted=ctx.money(unadjusted.npv),
            )
        )
    if adjusted.payback_months is not None:
        sentences.append(
            ctx.t(
                "roi.text.payback",
                months=i18n.number(adjusted.payback_months, ctx.lang, decimals=1),
                discounted=_months(adjusted.discounted_payback_months, ctx),
            )
        )
    if adjusted.irr.status is IrrStatus.DEFINED and adjusted.irr.rate is not None:
        sentences.append(ctx.t("roi.text.irr", irr=ctx.percent(adjusted.irr.rate, decimals=1)))
    elif adjusted.irr.status is IrrStatus.NOT_UNIQUE:
        sentences.append(ctx.t("roi.text.irr_not_unique"))
    if risk is not None and risk.npv.p90 - risk.npv.p10 >= 0.5:  # else nothing is uncertain
        sentences.append(
            ctx.t(
                "roi.text.monte_carlo",
                draws=i18n.number(risk.iterations, ctx.lang),
                p10=ctx.money(risk.npv.p10),
                p50=ctx.money(risk.npv.p50),
                p90=ctx.money(risk.npv.p90),
                share=ctx.percent(risk.probability_positive),
            )
        )
    if break_even is not None and 0 < break_even <= 1:
        sentences.append(ctx.t("roi.text.break_even", share=ctx.percent(break_even)))
    if drivers is not None and drivers.bars:
        top = drivers.bars[0]
        sentences.append(
            ctx.t(
                "roi.text.top_driver",
                input=input_label(top.input, ctx),
                lever=top.lever,
                low=ctx.money(top.npv_at_low),
                high=ctx.money(top.npv_at_high),
            )
        )
    return Text(tuple(sentences), css_class="conclusion")


def cash_flow_table(result: RoiResult, ctx: Context) -> Table:
    """Periods as rows (Initial, Year 1..n, Total, Present value); costs, benefits, net and
    cumulative as columns (a print-friendly transposition of the TEI table)."""
    table = result.table
    rows_by_key = {row.label: row for row in table.rows}
    keys = [k for k in ("costs", "benefits", "net", "cumulative") if k in rows_by_key]
    labels = [render(period, ctx.lang) for period in table.periods]
    rows: list[tuple[object, ...]] = []
    for t, label in enumerate(labels):
        rows.append((label, *(rows_by_key[k].per_period[t] for k in keys)))
    rows.append((ctx.t("tco.total"), *(rows_by_key[k].total for k in keys)))
    rows.append((ctx.t("tco.present_value"), *(rows_by_key[k].present_value for k in keys)))
    columns = (Column(ctx.t("tco.period")), *(Column(ctx.t(ROW_KEYS[k]), "money") for k in keys))
    n = len(rows)
    return Table(
        sheet_name(ctx.t("roi.section.cash_flow")),
        columns,
        tuple(rows),
        ctx,
        frozenset({n - 2, n - 1}),
    )


def lines_table(result: RoiResult, ctx: Context) -> Table:
    """Each benefit lever and cost line: total over the horizon and present value."""
    rows = [
        (_label(row.label, ctx), ctx.t("roi.row.benefits"), row.total, row.present_value)
        for row in result.table.benefit_lines
    ]
    rows += [
        (_label(row.label, ctx), ctx.t("roi.row.costs"), row.total, row.present_value)
        for row in result.table.cost_lines
    ]
    columns = (
        Column(ctx.t("roi.col.line")),
        Column(ctx.t("roi.col.type")),
        Column(ctx.t("tco.total"), "money"),
        Column(ctx.t("tco.present_value"), "money"),
    )
    return Table(sheet_name(ctx.t("roi.sheet.lines")), columns, tuple(rows), ctx)


def _tenths(months: float | None) -> float | None:
    """Months to a tenth, as every payback is written (« 33,8 mois »)."""
    return None if months is None else round(months, 1)


def scenarios_table(scenarios: tuple[Scenario, ...], ctx: Context) -> Table:
    rows = tuple(
        (
            ctx.t(f"roi.scenario.{s.name}"),
            s.result.npv,
            s.result.roi,
            _tenths(s.result.payback_months),
        )
        for s in scenarios
    )
    columns = (
        Column(ctx.t("roi.col.scenario")),
        Column(ctx.t("roi.col.npv"), "money"),
        Column(ctx.t("roi.col.roi"), "percent"),
        Column(ctx.t("roi.col.payback"), "number"),
    )
    return Table(sheet_name(ctx.t("roi.section.uncertainty")), columns, rows, ctx)


def qualitative(analysis: RoiAnalysis, ctx: Context | None = None) -> Bullets:
    """The qualitative benefits, each with its description (``ctx``: the client's language;
    without it, the language of the client's workbook is not known and English is used)."""
    lang = ctx.lang if ctx is not None else i18n.SOURCE_LANG
    return Bullets(
        tuple(
            i18n.t("roi.qualitative.item", lang, name=q.name, description=q.description)
            if q.description
            else q.name
            for q in analysis.qualitative
        )
    )


def conventions(analysis: RoiAnalysis, seed: int, ctx: Context) -> Bullets:
    rate = ctx.percent(analysis.case.settings.discount_rate, decimals=1)
    keys = (
        "initial_period",
        "gross_margin",
        "ramp_up",
        "risk_adjustment",
        "payback",
        "formulas",
        "uncertainty",
    )
    return Bullets(tuple(ctx.t(f"roi.convention.{k}", rate=rate, seed=seed) for k in keys))


def excel_tables(
    analysis: RoiAnalysis, scenarios: tuple[Scenario, ...], ctx: Context
) -> list[Table]:
    return [
        cash_flow_tei(analysis.risk_adjusted, ctx),
        adjusted_side_by_side(analysis, ctx),
        lines_table(analysis.risk_adjusted, ctx),
        scenarios_table(scenarios, ctx),
    ]


def adjusted_side_by_side(analysis: RoiAnalysis, ctx: Context) -> Table:
    """Unadjusted and risk-adjusted results side by side: NPV, ROI, paybacks, IRR."""

    def irr(result: RoiResult) -> object:
        return result.irr.rate if result.irr.status is IrrStatus.DEFINED else "–"

    results = (analysis.unadjusted, analysis.risk_adjusted)
    rows: tuple[tuple[object, ...], ...] = (
        (ctx.t("roi.col.npv"), *(r.npv for r in results)),
        (ctx.t("roi.col.roi"), *(r.roi for r in results)),
        (ctx.t("roi.figure.payback"), *(_months(r.payback_months, ctx) for r in results)),
        (
            ctx.t("roi.row.discounted_payback"),
            *(_months(r.discounted_payback_months, ctx) for r in results),
        ),
        (ctx.t("roi.row.irr"), *(irr(r) for r in results)),
    )
    columns = (
        Column(""),
        Column(ctx.t("roi.col.unadjusted"), "money"),
        Column(ctx.t("roi.col.adjusted"), "money"),
    )
    return Table(
        sheet_name(ctx.t("roi.section.adjusted")),
        columns,
        rows,
        ctx,
        row_kinds=((1, "percent"), (4, "percent")),
    )


def payback_convention(ctx: Context) -> Text:
    """The payback convention, to print right under the payback figure."""
    return Text((ctx.t("roi.convention.payback"),), css_class="table-note")


def cash_flow_tei(result: RoiResult, ctx: Context) -> Table:
    """The cash-flow table in the TEI layout (rows costs, benefits, net, cumulative; columns
    Initial, Year 1..n, Total, Present value), for the Excel deliverable."""
    table = result.table
    columns = (
        Column(ctx.t("roi.col.line")),
        *(Column(render(column, ctx.lang), "money") for column in table.columns),
    )
    rows = tuple(
        (label, *row.per_period, row.total, row.present_value)
        for label, row in (
            *((ctx.t(ROW_KEYS[str(row.label)]), row) for row in table.rows),
            *((_label(row.label, ctx), row) for row in (*table.benefit_lines, *table.cost_lines)),
        )
    )
    return Table(
        sheet_name(ctx.t("roi.section.cash_flow")),
        columns,
        rows,
        ctx,
        frozenset(range(len(table.rows))),
    )


def no_ranges(ctx: Context) -> Text:
    """What the uncertainty section says when no input is a range: three equal scenarios, an
    empty tornado and a one-bar distribution would only puzzle the reader."""
    return Text((ctx.t("roi.text.no_ranges"),))
