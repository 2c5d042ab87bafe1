"""The TCO deliverable's tables, sentences and sections, built from a
:class:`~crmwb.tco.model.TcoComparison`. The notebook calls one function per section."""

from __future__ import annotations

import math

from crmwb.deliver.views import (
    Bullets,
    Chart,
    Column,
    Context,
    KeyFigure,
    KeyFigures,
    Kind,
    ReportHeader,
    Section,
    Table,
    Text,
    section,
    sheet_name,
)
from crmwb.tco import charts
from crmwb.tco.charts import month_ordinal
from crmwb.tco.model import CONVENTIONS, Basis, Category, TcoComparison
from crmwb.workbook.choices import choice_label


def period_labels(study: TcoComparison, ctx: Context) -> list[str]:
    """``Initial (t=0)``, ``Year 1`` ... ``Year n``."""
    years = range(1, study.settings.horizon_years + 1)
    return [ctx.t("tco.period.initial")] + [ctx.t("tco.period.year", year=y) for y in years]


def year_ordinal(year: int, ctx: Context) -> str:
    """The ``year``-th year, the language's way: « 4e année », « 1re année », "year 4"."""
    return ctx.t("tco.year_first") if year == 1 else ctx.t("tco.year_nth", n=year)


def conclusion(study: TcoComparison, ctx: Context) -> Text:
    """What the numbers say, in three or four sentences a steering committee can read."""
    s = study.settings
    cheapest, dearest = study.cheapest, study.dearest
    sentences: list[str] = []
    if len(study.options) == 1:
        return Text(tuple(_single_option(study, ctx)), css_class="conclusion")
    if math.isclose(cheapest.total, dearest.total, abs_tol=0.5):
        sentences.append(
            ctx.t("tco.conclusion.equal", horizon=s.horizon_years, total=ctx.money(cheapest.total))
        )
    else:
        sentences.append(
            ctx.t(
                "tco.conclusion.cheapest",
                horizon=s.horizon_years,
                cheapest=cheapest.option,
                dearest=dearest.option,
                cheapest_total=ctx.money(cheapest.total),
                dearest_total=ctx.money(dearest.total),
                gap=ctx.money(study.gap),
                gap_pct=ctx.percent(study.gap / dearest.total),
            )
        )
        crossing = study.headline_break_even
        if crossing is not None:
            sentences.append(
                ctx.t(
                    "tco.conclusion.break_even",
                    cheaper=crossing.now_dearer,
                    dearer=crossing.now_cheaper,
                    year=year_ordinal(crossing.year, ctx),
                    month=month_ordinal(crossing.month, ctx),
                )
            )
        else:
            sentences.append(ctx.t("tco.conclusion.no_break_even", cheapest=cheapest.option))
        if s.discount_rate > 0:
            pv_first = study.cheapest_present_value
            pv_other = max(study.options, key=lambda o: o.present_value)
            key = (
                "tco.conclusion.present_value"
                if pv_first.option == cheapest.option
                else "tco.conclusion.present_value_reverses"
            )
            sentences.append(
                ctx.t(
                    key,
                    rate=ctx.percent(s.discount_rate, decimals=1),
                    gap=ctx.money(pv_other.present_value - pv_first.present_value),
                    cheapest=pv_first.option,
                    cheapest_pv=ctx.money(pv_first.present_value),
                    dearest_pv=ctx.money(pv_other.present_value),
                )
            )
        if cheapest.cost_per_user_per_month is not None and dearest.cost_per_user_per_month:
            sentences.append(
                ctx.tn(
                    "tco.conclusion.per_user",
                    s.users,
                    users=s.users,
                    cheapest=cheapest.option,
                    dearest=dearest.option,
                    cheapest_pupm=ctx.money(cheapest.cost_per_user_per_month, cents=True),
                    dearest_pupm=ctx.money(dearest.cost_per_user_per_month, cents=True),
                )
            )
    return Text(tuple(sentences), css_class="conclusion")


def _single_option(study: TcoComparison, ctx: Context) -> list[str]:
    """One option costed: its cost, in present value and per user, and why there is no
    comparison nor break-even."""
    s, option = study.settings, study.options[0]
    sentences = [
        ctx.t(
            "tco.conclusion.single",
            option=option.option,
            horizon=s.horizon_years,
            total=ctx.money(option.total),
        )
    ]
    if s.discount_rate > 0:
        sentences.append(
            ctx.t(
                "tco.conclusion.single_pv",
                rate=ctx.percent(s.discount_rate, decimals=1),
                pv=ctx.money(option.present_value),
            )
        )
    if option.cost_per_user_per_month is not None:
        sentences.append(
            ctx.tn(
                "tco.conclusion.single_per_user",
                s.users,
                users=s.users,
                pupm=ctx.money(option.cost_per_user_per_month, cents=True),
            )
        )
    return sentences


def key_figures(study: TcoComparison, ctx: Context) -> KeyFigures:
    """Each option's total over the horizon (the cheapest highlighted), and the break-even."""
    horizon = study.settings.horizon_years
    cheapest = study.cheapest.option if len(study.options) > 1 else None
    figures = [
        KeyFigure(
            o.option,
            ctx.money(o.total),
            ctx.t("tco.figure.over_horizon", horizon=horizon),
            highlight=o.option == cheapest,
        )
        for o in study.options
    ]
    crossing = study.headline_break_even
    if crossing is not None:
        figures.append(
            KeyFigure(
                ctx.t("tco.figure.break_even"),
                month_ordinal(crossing.month, ctx),
                ctx.t(
                    "tco.figure.during_year",
                    year=year_ordinal(crossing.year, ctx),
                    option=crossing.now_dearer,
                ),
            )
        )
    elif cheapest is not None and study.gap >= 0.5:
        figures.append(
            KeyFigure(
                ctx.t("tco.figure.break_even"),
                ctx.t("tco.figure.no_break_even"),
                ctx.t("tco.figure.cheapest_throughout", option=cheapest),
            )
        )
    return KeyFigures(tuple(figures))


def indicators(study: TcoComparison, ctx: Context) -> Table:
    """One column per option: total, present value, one-off and recurring, per user per month."""
    rate = ctx.percent(study.settings.discount_rate, decimals=1)
    rows: list[tuple[object, ...]] = [
        (ctx.t("tco.ind.total"), *(o.total for o in study.options)),
        (ctx.t("tco.ind.one_off"), *(o.one_off_total for o in study.options)),
        (ctx.t("tco.ind.recurring"), *(o.recurring_total for o in study.options)),
    ]
    if study.settings.discount_rate:  # else the present value is the total, said once
        rows.append(
            (ctx.t("tco.ind.present_value", rate=rate), *(o.present_value for o in study.options))
        )
    row_kinds: tuple[tuple[int, Kind], ...] = ()
    if study.settings.users:
        rows.append(
            (ctx.t("tco.ind.per_user_month"), *(o.cost_per_user_per_month for o in study.options))
        )
        row_kinds = ((len(rows) - 1, "money_cents"),)
    columns = (Column(ctx.t("tco.ind.option")), *(Column(o.option, "money") for o in study.options))
    return Table(
        sheet_name(ctx.t("tco.section.indicators")),
        columns,
        tuple(rows),
        ctx,
        frozenset({0}),
        row_kinds=row_kinds,
    )


def yearly_table(study: TcoComparison, ctx: Context) -> Table:
    """Periods as rows; for each option its cost in the period and its cumulative cost."""
    columns = [Column(ctx.t("tco.period"))]
    for o in study.options:
        columns.append(Column(ctx.t("tco.yearly_of", option=o.option), "money"))
        columns.append(Column(ctx.t("tco.cumulative_of", option=o.option), "money"))
    rows: list[tuple[object, ...]] = []
    for t, label in enumerate(period_labels(study, ctx)):
        values: list[object] = [label]
        for o in study.options:
            values += [o.per_period[t], o.cumulative[t]]
        rows.append(tuple(values))
    total: list[object] = [ctx.t("tco.total")]
    pv: list[object] = [ctx.t("tco.present_value")]
    for o in study.options:
        total += [o.total, None]
        pv += [o.present_value, None]
    rows.append(tuple(total))
    if study.settings.discount_rate:  # else the present value is the total, said once
        rows.append(tuple(pv))
    return Table(
        sheet_name(ctx.t("tco.section.yearly")),
        tuple(columns),
        tuple(rows),
        ctx,
        frozenset(range(study.settings.periods, len(rows))),  # the totals
    )


def category_table(study: TcoComparison, ctx: Context) -> Table:
    """Total over the horizon by category (rows) and option (columns)."""
    rows = []
    for category in _categories(study):
        values = [
            math.fsum(o.by_category[category]) if category in o.by_category else 0.0
            for o in study.options
        ]
        rows.append((choice_label(category, ctx.lang), *values))
    rows.append((ctx.t("tco.total"), *(o.total for o in study.options)))
    columns = (Column(ctx.t("tco.category")), *(Column(o.option, "money") for o in study.options))
    return Table(
        sheet_name(ctx.t("tco.section.by_category")),
        columns,
        tuple(rows),
        ctx,
        frozenset({len(rows) - 1}),
    )


def assumptions(study: TcoComparison, ctx: Context) -> Table:
    s = study.settings
    rows: tuple[tuple[object, ...], ...] = (
        (ctx.t("tco.horizon_years"), s.horizon_years),
        (ctx.t("tco.discount_rate"), s.discount_rate),
        (ctx.t("tco.users"), s.users),
        (ctx.t("tco.contacts"), s.contacts),
        (ctx.t("tco.escalation"), s.escalation),
        (ctx.t("about.currency"), ctx.currency),
    )
    columns = (Column(ctx.t("tco.assumption")), Column(ctx.t("tco.value"), "integer"))
    return Table(
        sheet_name(ctx.t("tco.section.assumptions")),
        columns,
        rows,
        ctx,
        row_kinds=((1, "percent"), (4, "percent")),
    )


def cost_lines(study: TcoComparison, ctx: Context, option: str | None = None) -> Table:
    """The cost lines as entered, with their total over the horizon: every option's (for
    Excel), or one option's (for the report, where a table per option reads better)."""
    shown = [o for o in study.options if option is None or o.option == option]
    columns = [
        Column(ctx.t("tco.col.category")),
        Column(ctx.t("tco.col.description")),
        Column(ctx.t("tco.col.frequency")),
        Column(ctx.t("tco.col.basis")),
        Column(ctx.t("tco.col.unit_price"), "money_cents"),
        Column(ctx.t("tco.col.quantity"), "number"),
        Column(ctx.t("tco.years_of_line")),
        Column(ctx.t("tco.line_total"), "money"),
    ]
    if option is None:
        columns.insert(0, Column(ctx.t("tco.col.option")))
    rows = []
    for costs in shown:
        for lc in costs.lines:
            line = lc.line
            price: object = line.unit_price
            if line.basis is Basis.PERCENT_OF_LICENCE and line.rate is not None:
                price = ctx.percent(line.rate)
            row: tuple[object, ...] = (
                choice_label(line.category, ctx.lang),
                line.description,
                choice_label(line.frequency, ctx.lang),
                choice_label(line.basis, ctx.lang),
                price,
                None if line.basis is Basis.PERCENT_OF_LICENCE else lc.quantity,
                _years(lc.per_period, ctx),
                lc.total,
            )
            rows.append((line.option, *row) if option is None else row)
    return Table(
        sheet_name(ctx.t("tco.section.cost_lines")),
        tuple(columns),
        tuple(rows),
        ctx,
        caption=option or "",
    )


def cost_lines_by_option(study: TcoComparison, ctx: Context) -> list[Table]:
    return [cost_lines(study, ctx, o.option) for o in study.options]


def conventions(study: TcoComparison, ctx: Context) -> Bullets:
    """How the figures are computed, in the client's language (every report states them)."""
    s = study.settings
    values = {
        "horizon": s.horizon_years,
        "currency": ctx.currency,
        "escalation": ctx.percent(s.escalation, decimals=1),
        "rate": ctx.percent(s.discount_rate, decimals=1),
    }
    keys = list(CONVENTIONS)
    if not s.discount_rate:
        keys[keys.index("discounting")] = "no_discounting"
    if len(study.options) == 1:
        keys.remove("break_even")
    return Bullets(tuple(ctx.t(f"tco.convention.{key}", **values) for key in keys))


def cost_lines_data(study: TcoComparison, ctx: Context) -> Table:
    """Every option's cost lines as data, for Excel: one kind per column (the unit price and
    the "% of licence" rate in columns of their own; the first and last year paid as numbers,
    0 for the initial period)."""
    columns = (
        Column(ctx.t("tco.col.option")),
        Column(ctx.t("tco.col.category")),
        Column(ctx.t("tco.col.description")),
        Column(ctx.t("tco.col.frequency")),
        Column(ctx.t("tco.col.basis")),
        Column(ctx.t("tco.col.unit_price"), "money_cents"),
        Column(ctx.t("tco.col.rate"), "percent"),
        Column(ctx.t("tco.col.quantity"), "number"),
        Column(ctx.t("tco.col.first_paid"), "integer"),
        Column(ctx.t("tco.col.last_paid"), "integer"),
        Column(ctx.t("tco.line_total"), "money"),
    )
    rows = []
    for costs in study.options:
        for lc in costs.lines:
            line = lc.line
            share = line.basis is Basis.PERCENT_OF_LICENCE
            paid = [t for t, amount in enumerate(lc.per_period) if amount]
            rows.append(
                (
                    line.option,
                    choice_label(line.category, ctx.lang),
                    line.description,
                    choice_label(line.frequency, ctx.lang),
                    choice_label(line.basis, ctx.lang),
                    None if share else line.unit_price,
                    line.rate if share else None,
                    None if share else lc.quantity,
                    paid[0] if paid else None,
                    paid[-1] if paid else None,
                    lc.total,
                )
            )
    return Table(sheet_name(ctx.t("tco.section.cost_lines")), columns, tuple(rows), ctx)


def assumptions_data(study: TcoComparison, ctx: Context) -> Table:
    """The assumptions as data, for Excel: one column each (years, rates as percentages,
    counts), one row."""
    s = study.settings
    columns = (
        Column(ctx.t("tco.horizon_years"), "integer"),
        Column(ctx.t("tco.discount_rate"), "percent"),
        Column(ctx.t("tco.users"), "integer"),
        Column(ctx.t("tco.contacts"), "integer"),
        Column(ctx.t("tco.escalation"), "percent"),
        Column(ctx.t("about.currency")),
    )
    row = (s.horizon_years, s.discount_rate, s.users, s.contacts, s.escalation, ctx.currency)
    return Table(sheet_name(ctx.t("tco.section.assumptions")), columns, (row,), ctx)


def break_even_table(study: TcoComparison, ctx: Context) -> Table | None:
    """Every crossing of two options' cumulative costs, as data (None when none crosses)."""
    if not study.break_evens:
        return None
    columns = (
        Column(ctx.t("tco.col.now_dearer")),
        Column(ctx.t("tco.col.now_cheaper")),
        Column(ctx.t("tco.col.break_even_month"), "integer"),
        Column(ctx.t("tco.col.break_even_year"), "integer"),
        Column(ctx.t("tco.col.break_even_months"), "number"),
        Column(ctx.t("tco.col.break_even_cost"), "money"),
    )
    rows = tuple(
        (be.now_dearer, be.now_cheaper, be.month, be.year, round(be.months, 1), be.cumulative_cost)
        for be in study.break_evens
    )
    return Table(sheet_name(ctx.t("tco.sheet.break_evens")), columns, rows, ctx)


def excel_tables(study: TcoComparison, ctx: Context) -> list[Table]:
    """The tables of the TCO Excel deliverable, in sheet order (the conventions go to its
    « Lisez-moi » sheet: see :func:`conventions`)."""
    tables = [
        indicators(study, ctx),
        yearly_table(study, ctx),
        category_table(study, ctx),
        cost_lines_data(study, ctx),
        assumptions_data(study, ctx),
    ]
    crossings = break_even_table(study, ctx)
    if crossings is not None:
        tables.append(crossings)
    return tables


# --- the report's sections -------------------------------------------------------------------


def header(study: TcoComparison, ctx: Context) -> ReportHeader:
    horizon = study.settings.horizon_years
    if len(study.options) == 1:
        subtitle = ctx.t("tco.subtitle_single", option=study.options[0].option, horizon=horizon)
    else:
        subtitle = ctx.t("tco.subtitle", horizon=horizon)
    return ReportHeader(ctx.t("tco.title"), subtitle, ctx)


def summary_section(study: TcoComparison, ctx: Context) -> Section:
    return section(
        ctx.t("tco.section.summary"),
        key_figures(study, ctx),
        conclusion(study, ctx),
        indicators(study, ctx),
    )


def cumulative_section(study: TcoComparison, ctx: Context) -> Section:
    title = ctx.t("tco.section.cumulative_chart")
    figure = charts.cumulative_cost(study, ctx)
    return section(title, Chart.of(figure, title, ctx), keep_together=True)


def yearly_section(study: TcoComparison, ctx: Context) -> Section:
    return section(ctx.t("tco.section.yearly"), yearly_table(study, ctx))


def category_section(study: TcoComparison, ctx: Context) -> Section:
    title = ctx.t("tco.section.by_category")
    figure = charts.cost_by_category(study, ctx)
    return section(
        title, Chart.of(figure, title, ctx), category_table(study, ctx), keep_together=True
    )


def assumptions_section(study: TcoComparison, ctx: Context) -> Section:
    return section(
        ctx.t("tco.section.assumptions"),
        assumptions(study, ctx),
        *cost_lines_by_option(study, ctx),
    )


def conventions_section(study: TcoComparison, ctx: Context) -> Section:
    return section(ctx.t("tco.section.conventions"), conventions(study, ctx))


def summary_parts(study: TcoComparison, ctx: Context) -> tuple[KeyFigures, Text]:
    """What the pack's executive summary takes from this report."""
    return key_figures(study, ctx), conclusion(study, ctx)


def _categories(study: TcoComparison) -> list[Category]:
    seen: dict[Category, None] = {}
    for o in study.options:
        for category in o.by_category:
            seen.setdefault(category, None)
    return list(seen)


def _years(per_period: tuple[float, ...], ctx: Context) -> str:
    """When a line is paid: "t=0", "3", "1 to 5"."""
    paid = [t for t, amount in enumerate(per_period) if amount]
    if not paid:
        return ""
    names = [ctx.t("tco.range.initial") if t == 0 else str(t) for t in (paid[0], paid[-1])]
    if paid[0] == paid[-1]:
        return names[0]
    return ctx.t("tco.range.years", first=names[0], last=names[1])
