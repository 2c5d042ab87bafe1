"""The ROI deliverable's tables, sentences and sections, built from a
:class:`~crmwb.roi.study.RoiStudy` (every figure on the headline's basis: risk-adjusted).

The notebook calls one function per section; a section with nothing to show returns None (a
project without a quantified benefit has no waterfall, no payback curve and no uncertainty to
draw: the summary says why)."""

from __future__ import annotations

import math

from crmwb.core import i18n
from crmwb.core.errors import render
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
    Table,
    Text,
    section,
    sheet_name,
)
from crmwb.roi import charts
from crmwb.roi.levers import input_label
from crmwb.roi.model import IrrStatus, RoiAnalysis, RoiResult
from crmwb.roi.study import MonteCarloResult, RoiStudy, Scenario, Tornado

ROW_KEYS = {
    "costs": "roi.row.costs",
    "benefits": "roi.row.benefits",
    "net": "roi.row.net",
    "cumulative": "roi.row.cumulative",
}


def _label(label: object, ctx: Context) -> str:
    """A lever's or a cost line's label in the client's language: a message (« Conduite du
    changement »), or the client's own name."""
    return render(label, ctx.lang)


def _months(value: float | None, ctx: Context) -> str:
    if value is None:
        return ctx.t("roi.figure.never")
    return ctx.t("roi.figure.months", months=i18n.number(value, ctx.lang, decimals=1))


def tenths(months: float | None) -> float | None:
    """Months to a tenth, as every payback is written (« 33,8 mois »)."""
    return None if months is None else round(months, 1)


def _rate(value: float, ctx: Context) -> str:
    """A rate as the tables write it (one decimal under 10 %): the text and the tables agree."""
    return ctx.percent(value, decimals=1 if value and abs(value) < 0.1 else 0)


def defined_irr(result: RoiResult) -> float | None:
    """The IRR where the report gives one: only where it is unique (else None)."""
    return result.irr.rate if result.irr.status is IrrStatus.DEFINED else None


# --- the report's parts ----------------------------------------------------------------------


def header(study: RoiStudy, ctx: Context) -> ReportHeader:
    """Title, horizon and discount rate (beside the TCO's when the ROI sheet gives its own)."""
    case = study.case
    rate = ctx.percent(case.settings.discount_rate, decimals=1)
    if case.own_discount_rate and case.tco is not None:
        subtitle = ctx.t(
            "roi.subtitle_own_rate",
            horizon=case.settings.horizon_years,
            rate=rate,
            tco_rate=ctx.percent(case.tco.discount_rate, decimals=1),
        )
    else:
        subtitle = ctx.t("roi.subtitle", horizon=case.settings.horizon_years, rate=rate)
    return ReportHeader(ctx.t("roi.title"), subtitle, ctx)


def key_figures(study: RoiStudy, ctx: Context) -> KeyFigures:
    """The headline figures (risk-adjusted, the unadjusted ones in small); without a benefit,
    the project's cost only."""
    adjusted, unadjusted = study.analysis.risk_adjusted, study.analysis.unadjusted
    horizon = study.case.settings.horizon_years
    if not study.has_benefits:
        return KeyFigures(
            (
                KeyFigure(
                    ctx.t("roi.figure.pv_costs"),
                    ctx.money(adjusted.pv_costs),
                    ctx.t("roi.figure.unadjusted", value=ctx.money(unadjusted.pv_costs)),
                ),
                KeyFigure(
                    ctx.t("roi.figure.total_costs", horizon=horizon),
                    ctx.money(adjusted.table.row("costs").total or 0.0),
                    ctx.t(
                        "roi.figure.unadjusted",
                        value=ctx.money(unadjusted.table.row("costs").total or 0.0),
                    ),
                ),
            )
        )
    figures = [
        KeyFigure(
            ctx.t("roi.figure.npv"),
            ctx.money(adjusted.npv),
            ctx.t("roi.figure.unadjusted", value=ctx.money(unadjusted.npv)),
            highlight=adjusted.npv > 0,
        ),
        KeyFigure(
            ctx.t("roi.figure.roi"),
            "–" if adjusted.roi is None else _rate(adjusted.roi, ctx),
            ctx.t(
                "roi.figure.unadjusted",
                value="–" if unadjusted.roi is None else _rate(unadjusted.roi, ctx),
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
    risk = study.risk
    if risk is not None:
        figures.append(
            KeyFigure(
                ctx.t("roi.figure.p_positive"),
                ctx.percent(risk.probability_positive),
                ctx.t("roi.figure.draws", draws=i18n.number(risk.iterations, ctx.lang)),
            )
        )
    return KeyFigures(tuple(figures))


def summary(study: RoiStudy, ctx: Context) -> Text:
    """The executive summary, written from the numbers."""
    analysis = study.analysis
    adjusted, unadjusted = analysis.risk_adjusted, analysis.unadjusted
    horizon = analysis.case.settings.horizon_years
    if not study.has_benefits:
        sentences = [
            ctx.t(
                "roi.text.no_benefit",
                horizon=horizon,
                costs=ctx.money(adjusted.pv_costs),
                total=ctx.money(adjusted.table.row("costs").total or 0.0),
            )
        ]
        return Text((*sentences, *_rate_sentences(study, ctx)), css_class="conclusion")
    sentences = []
    if adjusted.npv > 0 and adjusted.roi is not None:
        sentences.append(
            ctx.t(
                "roi.text.npv",
                horizon=horizon,
                npv=ctx.money(adjusted.npv),
                unadjusted=ctx.money(unadjusted.npv),
                roi=_rate(adjusted.roi, ctx),
                one=ctx.money(1),
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
    irr = defined_irr(adjusted)
    if irr is not None:
        sentences.append(ctx.t("roi.text.irr", irr=_rate(irr, ctx)))
    elif adjusted.irr.status is IrrStatus.NOT_UNIQUE:
        sentences.append(ctx.t("roi.text.irr_not_unique"))
    risk = study.risk
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
        if not risk.npv.p10 <= adjusted.npv <= risk.npv.p90:
            sentences.append(ctx.t("roi.text.outside_band", npv=ctx.money(adjusted.npv)))
    break_even = study.break_even
    if break_even is not None and 0 < break_even <= 1:
        sentences.append(ctx.t("roi.text.break_even", share=ctx.percent(break_even)))
    drivers = study.tornado
    if drivers is not None and drivers.bars:
        top = drivers.bars[0]
        sentences.append(
            ctx.t(
                "roi.text.top_driver",
                input=input_label(top.input, ctx.lang),
                lever=top.lever,
                low=ctx.money(top.npv_at_low),
                high=ctx.money(top.npv_at_high),
            )
        )
    return Text((*sentences, *_rate_sentences(study, ctx)), css_class="conclusion")


def _rate_sentences(study: RoiStudy, ctx: Context) -> tuple[str, ...]:
    """Why the ROI's present values differ from the TCO report's, when the ROI sheet gives a
    discount rate of its own."""
    case, tco = study.case, study.case.tco
    if tco is None or not case.own_discount_rate:
        return ()
    return (
        ctx.t(
            "roi.text.own_rate",
            rate=ctx.percent(case.settings.discount_rate, decimals=1),
            tco_rate=ctx.percent(tco.discount_rate, decimals=1),
        ),
    )


def tco_reconciliation(study: RoiStudy, ctx: Context) -> Text | None:
    """How the ROI's costs tie to the TCO report: the same option, the same amounts, the present
    value at each rate, and the risk adjustment of the costs as a line of its own."""
    case, tco = study.case, study.case.tco
    if tco is None:
        return None
    result = study.headline
    tco_line = result.table.cost_lines[0]
    key = "roi.text.tco_vendor" if tco.vendor else "roi.text.tco_option"
    horizon = case.settings.horizon_years
    sentences = [ctx.t(key, option=tco.option, horizon=horizon, total=ctx.money(tco.total))]
    rate = ctx.percent(case.settings.discount_rate, decimals=1)
    if case.own_discount_rate and tco_line.present_value is not None:
        sentences.append(
            ctx.t(
                "roi.text.tco_own_rate",
                rate=rate,
                pv=ctx.money(tco_line.present_value),
                tco_pv=ctx.money(tco.present_value),
                tco_rate=ctx.percent(tco.discount_rate, decimals=1),
            )
        )
    elif tco.discount_rate:
        sentences.append(ctx.t("roi.text.tco_pv", rate=rate, pv=ctx.money(tco.present_value)))
    rates = {c.risk_adjustment for c in case.costs if c.risk_adjustment}
    if rates:
        amount = ctx.money(math.fsum(sum(c.per_period) * c.risk_adjustment for c in case.costs))
        if len(rates) == 1:
            (only,) = rates
            sentences.append(ctx.t("roi.text.cost_risk", rate=ctx.percent(only), amount=amount))
        else:
            sentences.append(ctx.t("roi.text.cost_risk_lines", amount=amount))
    return Text((" ".join(sentences),), css_class="table-note")


def summary_section(study: RoiStudy, ctx: Context) -> Section:
    return section(
        ctx.t("roi.section.summary"),
        key_figures(study, ctx),
        *([payback_convention(ctx)] if study.has_benefits else []),
        summary(study, ctx),
    )


def waterfall_section(study: RoiStudy, ctx: Context) -> Section | None:
    """From the benefits to the net gain, in present value (nothing without a benefit)."""
    if not study.has_benefits:
        return None
    title = ctx.t("roi.section.waterfall")
    figure = charts.roi_waterfall(study.headline, ctx)
    return section(title, Chart.of(figure, title, ctx), keep_together=True)


def cash_flow_section(study: RoiStudy, ctx: Context) -> Section:
    parts: list[Part] = []
    if study.has_benefits:
        parts.append(results_table(study.analysis, ctx))
    parts.append(cash_flow_table(study.headline, ctx, benefits=study.has_benefits))
    parts.append(lines_table(study.headline, ctx))
    reconciliation = tco_reconciliation(study, ctx)
    if reconciliation is not None:
        parts.append(reconciliation)
    return section(ctx.t("roi.section.cash_flow"), *parts)


def cumulative_section(study: RoiStudy, ctx: Context) -> Section | None:
    """The cumulative net cash flow and the payback (nothing without a benefit)."""
    if not study.has_benefits:
        return None
    title = ctx.t("roi.section.cumulative")
    figure = charts.roi_cumulative(study.headline, ctx)
    return section(title, Chart.of(figure, title, ctx), keep_together=True)


def uncertainty_section(study: RoiStudy, ctx: Context) -> Section | None:
    """Scenarios, tornado and Monte Carlo band around the headline NPV; a sentence when no input
    is a range; nothing without a benefit (the summary says so)."""
    if not study.has_benefits:
        return None
    title = ctx.t("roi.section.uncertainty")
    if study.scenarios is None or study.tornado is None or study.risk is None:
        return section(title, no_ranges(ctx))
    tornado_chart = charts.roi_tornado(study.tornado, ctx)
    distribution = charts.npv_distribution(study.risk, ctx, headline=study.headline.npv)
    return section(
        title,
        scenarios_table(study.scenarios, ctx),
        Chart.of(tornado_chart, ctx.t("roi.chart.tornado_alt"), ctx),
        Chart.of(distribution, ctx.t("roi.chart.distribution_alt"), ctx),
    )


def qualitative_section(study: RoiStudy, ctx: Context) -> Section | None:
    if not study.analysis.qualitative:
        return None
    return section(ctx.t("roi.section.qualitative"), qualitative(study.analysis, ctx))


def conventions_section(study: RoiStudy, ctx: Context) -> Section:
    return section(ctx.t("roi.section.conventions"), conventions(study, ctx))


def summary_parts(study: RoiStudy, ctx: Context) -> tuple[KeyFigures, Text]:
    """What the pack's executive summary takes from this report."""
    return key_figures(study, ctx), summary(study, ctx)


# --- tables ----------------------------------------------------------------------------------


def cash_flow_table(result: RoiResult, ctx: Context, *, benefits: bool = True) -> Table:
    """Periods as rows (Initial, Year 1..n, Total, Present value); costs, benefits, net and
    cumulative as columns (a print-friendly transposition of the TEI table); the costs alone
    when there is no benefit."""
    table = result.table
    rows_by_key = {row.label: row for row in table.rows}
    wanted = ("costs", "benefits", "net", "cumulative") if benefits else ("costs",)
    keys = [k for k in wanted if k in rows_by_key]
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
    """Each benefit lever and cost line, total over the horizon and present value; in the
    risk-adjusted results, the adjustment of the benefits and of the costs on lines of their
    own (the other lines keep their source's amounts: the TCO option's is the TCO report's)."""
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


def results_table(analysis: RoiAnalysis, ctx: Context) -> Table:
    """Unadjusted and risk-adjusted results side by side, one row each, one kind per column:
    NPV, ROI, paybacks in months (empty: not reached on the horizon), IRR (empty: none or not
    unique). The same table in the report and in Excel."""
    results = (
        (ctx.t("roi.col.unadjusted"), analysis.unadjusted),
        (ctx.t("roi.col.adjusted"), analysis.risk_adjusted),
    )
    rows = tuple(
        (
            label,
            r.npv,
            r.roi,
            tenths(r.payback_months),
            tenths(r.discounted_payback_months),
            defined_irr(r),
        )
        for label, r in results
    )
    notes = []
    if any(r.payback_months is None or r.discounted_payback_months is None for _, r in results):
        notes.append(ctx.t("roi.note.no_payback"))
    if any(defined_irr(r) is None for _, r in results):
        notes.append(ctx.t("roi.note.no_irr"))
    columns = (
        Column(ctx.t("roi.col.results")),
        Column(ctx.t("roi.col.npv"), "money"),
        Column(ctx.t("roi.col.roi"), "percent"),
        Column(ctx.t("roi.col.payback"), "number"),
        Column(ctx.t("roi.col.discounted_payback"), "number"),
        Column(ctx.t("roi.row.irr"), "percent"),
    )
    return Table(sheet_name(ctx.t("roi.sheet.results")), columns, rows, ctx, note=" ".join(notes))


def scenarios_table(scenarios: tuple[Scenario, ...], ctx: Context) -> Table:
    """The conservative, expected and optimistic scenarios (risk-adjusted): NPV, ROI, payback
    in months (empty: not reached)."""
    rows = tuple(
        (
            ctx.t(f"roi.scenario.{s.name}"),
            s.result.npv,
            s.result.roi,
            tenths(s.result.payback_months),
        )
        for s in scenarios
    )
    columns = (
        Column(ctx.t("roi.col.scenario")),
        Column(ctx.t("roi.col.npv"), "money"),
        Column(ctx.t("roi.col.roi"), "percent"),
        Column(ctx.t("roi.col.payback"), "number"),
    )
    never = any(s.result.payback_months is None for s in scenarios)
    return Table(
        sheet_name(ctx.t("roi.sheet.scenarios")),
        columns,
        rows,
        ctx,
        note=ctx.t("roi.note.no_payback") if never else "",
    )


def tornado_table(drivers: Tornado, ctx: Context) -> Table:
    """The tornado as data: each uncertain input, its low and high values and the NPV at each
    (the others at their most likely), widest swing first."""
    rows = tuple(
        (
            input_label(bar.input, ctx.lang),
            bar.lever,
            bar.low,
            bar.high,
            bar.npv_at_low,
            bar.npv_at_high,
            bar.swing,
        )
        for bar in drivers.bars
    )
    columns = (
        Column(ctx.t("roi.col.input")),
        Column(ctx.t("roi.col.lever")),
        Column(ctx.t("roi.col.low"), "number"),
        Column(ctx.t("roi.col.high"), "number"),
        Column(ctx.t("roi.col.npv_at_low"), "money"),
        Column(ctx.t("roi.col.npv_at_high"), "money"),
        Column(ctx.t("roi.col.swing"), "money"),
    )
    return Table(sheet_name(ctx.t("roi.sheet.tornado")), columns, rows, ctx)


def monte_carlo_table(risk: MonteCarloResult, headline: float, ctx: Context) -> Table:
    """The Monte Carlo band as data, one row: draws, seed, P10, P50, P90, mean, probability of
    a positive NPV, and the headline NPV it surrounds."""
    row = (
        risk.iterations,
        risk.seed,
        headline,
        risk.npv.p10,
        risk.npv.p50,
        risk.npv.p90,
        risk.mean_npv,
        risk.probability_positive,
    )
    columns = (
        Column(ctx.t("roi.col.draws"), "integer"),
        Column(ctx.t("roi.col.seed"), "integer"),
        Column(ctx.t("roi.col.headline_npv"), "money"),
        Column(ctx.t("roi.col.p10"), "money"),
        Column(ctx.t("roi.col.p50"), "money"),
        Column(ctx.t("roi.col.p90"), "money"),
        Column(ctx.t("roi.col.mean_npv"), "money"),
        Column(ctx.t("roi.figure.p_positive"), "percent"),
    )
    return Table(sheet_name(ctx.t("roi.sheet.monte_carlo")), columns, (row,), ctx)


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


def qualitative_table(analysis: RoiAnalysis, ctx: Context) -> Table:
    rows = tuple((q.name, q.description) for q in analysis.qualitative)
    columns = (Column(ctx.t("roi.col.benefit")), Column(ctx.t("roi.col.description")))
    return Table(sheet_name(ctx.t("roi.section.qualitative")), columns, rows, ctx)


def conventions(study: RoiStudy, ctx: Context) -> Bullets:
    """How the figures are computed, in the client's language (the report and the Excel's
    « Lisez-moi » sheet state them)."""
    case = study.case
    rate = ctx.percent(case.settings.discount_rate, decimals=1)
    values = {"rate": rate, "seed": study.seed}
    keys: tuple[str, ...] = (
        "initial_period",
        "gross_margin",
        "ramp_up",
        "risk_adjustment",
        "payback",
        "formulas",
    )
    if not study.has_benefits:  # costs only: how they are discounted and adjusted
        keys = ("initial_period", "risk_adjustment")
    items = [ctx.t(f"roi.convention.{k}", **values) for k in keys]
    if case.tco is not None:
        key = "roi.convention.own_rate" if case.own_discount_rate else "roi.convention.tco_rate"
        items.append(
            ctx.t(
                key,
                option=case.tco.option,
                rate=rate,
                tco_rate=ctx.percent(case.tco.discount_rate, decimals=1),
            )
        )
    if study.risk is not None:
        items.append(ctx.t("roi.convention.uncertainty", seed=study.seed))
    return Bullets(tuple(items))


def excel_tables(study: RoiStudy, ctx: Context) -> list[Table]:
    """The tables of the ROI Excel deliverable, in sheet order: numbers as numbers, one kind
    per column (paybacks in months), the uncertainty as data when some input is a range."""
    tables: list[Table] = []
    if study.has_benefits:
        tables.append(results_table(study.analysis, ctx))
    tables += [cash_flow_tei(study.headline, ctx), lines_table(study.headline, ctx)]
    if study.scenarios is not None:
        tables.append(scenarios_table(study.scenarios, ctx))
    if study.tornado is not None and study.tornado.bars:
        tables.append(tornado_table(study.tornado, ctx))
    if study.risk is not None:
        tables.append(monte_carlo_table(study.risk, study.headline.npv, ctx))
    if study.analysis.qualitative:
        tables.append(qualitative_table(study.analysis, ctx))
    return tables


def payback_convention(ctx: Context) -> Text:
    """The payback convention, to print right under the payback figure."""
    return Text((ctx.t("roi.convention.payback"),), css_class="table-note")


def cash_flow_tei(result: RoiResult, ctx: Context) -> Table:
    """The cash-flow table in the TEI layout (rows costs, benefits, net, cumulative, then each
    line; columns Initial, Year 1..n, Total, Present value), for the Excel deliverable."""
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
