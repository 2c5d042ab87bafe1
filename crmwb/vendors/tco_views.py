"""The vendor comparison deliverable, the vendors' TCO from their price lists: who is cheapest
over the horizon and how surely, the cumulative cost with its P10-P90 band, the table and the
hidden costs the price lists hold (a sentence without a price list)."""

from __future__ import annotations

from crmwb.core import i18n
from crmwb.deliver.charts import PALETTE
from crmwb.deliver.views import (
    Chart,
    Column,
    Context,
    Part,
    Section,
    Table,
    Text,
    section,
    sheet_name,
)
from crmwb.vendors import charts
from crmwb.vendors.costs import HiddenCost, VendorStudy
from crmwb.vendors.results import VendorAnalysis
from crmwb.vendors.tco_risk import MonteCarloResult as PricingMonteCarlo
from crmwb.vendors.views import and_list, bold, count_text, vendor_order

TIE_TOLERANCE = 1e-9
"""Relative: two totals this close are a tie for the cheapest."""

TCO_LINES = len(PALETTE)
"""Vendors the TCO chart draws at most (one colour each): beyond, the shortlist and the
cheapest; the table gives them all."""


def tco_section(analysis: VendorAnalysis, ctx: Context) -> Section:
    """Each priced vendor's TCO over the horizon: who is cheapest and how surely, the
    cumulative cost with its P10-P90 band, the table, the hidden costs; a sentence without a
    price list."""
    title = ctx.t("vc.section.tco")
    study, risk = analysis.tco, analysis.tco_risk
    if study is None:
        return section(title, Text((ctx.t("vc.tco.none"),)))
    parts: list[Part] = [tco_text(study, risk, ctx)]
    unpriced = [v for v in vendor_order(analysis.comparison) if v not in analysis.tco_totals]
    if unpriced:
        parts.append(
            Text((ctx.tn("vc.tco.unpriced", len(unpriced), vendors=and_list(unpriced, ctx)),))
        )
    if risk is not None:
        shown = tco_chart_vendors(analysis)
        if len(shown) < len(study.comparison.options):
            parts.append(Text((ctx.t("vc.tco.chart_subset", count=len(shown)),)))
        parts.append(
            Chart.of(charts.vendor_tco_bands(study, risk, ctx, shown), title, ctx),
        )
    parts.append(tco_table(study, risk, ctx, full=False))
    parts.append(hidden_costs(study, ctx))
    return section(title, *parts)


def tco_chart_vendors(analysis: VendorAnalysis) -> list[str]:
    """The vendors the TCO chart draws: every priced one up to :data:`TCO_LINES`; beyond, the
    shortlisted ones, then the cheapest, up to :data:`TCO_LINES`."""
    totals = analysis.tco_totals
    priced = sorted(totals, key=lambda v: totals[v])
    if len(priced) <= TCO_LINES:
        return priced
    chosen = [v for v in analysis.comparison.shortlist if v in totals][:TCO_LINES]
    chosen += [v for v in priced if v not in chosen][: TCO_LINES - len(chosen)]
    return sorted(chosen, key=lambda v: totals[v])


def tco_text(study: VendorStudy, risk: PricingMonteCarlo | None, ctx: Context) -> Text:
    """Which vendor is the cheapest over the horizon (every vendor tied for it), and how often
    it stays so with the uncertain prices drawn at random; with one vendor priced, its TCO."""
    comparison = study.comparison
    horizon = comparison.settings.horizon_years
    best = comparison.cheapest.total
    values = {"horizon": horizon, "cheapest_total": ctx.money(best)}
    certain = _certain(risk)
    if len(comparison.options) == 1:
        name = comparison.options[0].option
        first = ctx.tn("vc.tco.single", horizon, vendor=f"**{name}**", **values)
        if certain:
            return Text((f"{first} {ctx.t('vc.tco.certain')}",))
        assert risk is not None
        band = risk.vendor(name).total
        second = ctx.t(
            "vc.tco.single_band",
            draws=count_text(risk.draws, ctx),
            p10=ctx.money(band.p10),
            p90=ctx.money(band.p90),
        )
        return Text((f"{first} {second}",))
    tied = [
        o.option
        for o in comparison.options
        if abs(o.total - best) <= TIE_TOLERANCE * max(abs(best), 1.0)
    ]
    names = bold(tied)
    if len(tied) == 1:
        first = ctx.tn("vc.tco.cheapest", horizon, cheapest=names[0], **values)
    else:
        first = ctx.tn("vc.tco.cheapest_tied", horizon, vendors=and_list(names, ctx), **values)
    if certain:
        second = ctx.t("vc.tco.certain")
    else:
        assert risk is not None
        share = ctx.percent(sum(risk.vendor(name).p_cheapest for name in tied))
        key = "vc.tco.risk" if len(tied) == 1 else "vc.tco.risk_tied"
        second = ctx.t(key, draws=count_text(risk.draws, ctx), share=share)
    return Text((f"{first} {second}",))


def _certain(risk: PricingMonteCarlo | None) -> bool:
    return risk is None or all(
        abs(r.total.p90 - r.total.p10) <= TIE_TOLERANCE * max(abs(r.total.p50), 1.0)
        for r in risk.vendors
    )


def tco_table(
    study: VendorStudy, risk: PricingMonteCarlo | None, ctx: Context, *, full: bool = True
) -> Table:
    """Per vendor (cheapest first): the most likely TCO over the horizon, its present value,
    the P10 / P50 / P90 of the Monte Carlo and the probability of being the cheapest. The
    report (``full=False``) leaves out what says nothing: the bands when no price is
    uncertain, the probability with one vendor; neither shows the present value when nothing
    is discounted (it is the total)."""
    options = sorted(study.comparison.options, key=lambda o: o.total)
    discount_rate = study.comparison.settings.discount_rate
    rate = ctx.percent(discount_rate, decimals=1)
    present_value = bool(discount_rate)  # undiscounted, it is the total: said once
    bands = risk is not None and (full or not _certain(risk))
    cheapest = risk is not None and (full or (len(options) > 1 and not _certain(risk)))
    columns = [Column(ctx.t("vc.col.vendor")), Column(ctx.t("vc.col.tco"), "money")]
    if present_value:
        columns.append(Column(ctx.t("tco.ind.present_value", rate=rate), "money"))
    if bands:
        columns += [
            Column(ctx.t("vc.col.p10"), "money"),
            Column(ctx.t("vc.col.p50"), "money"),
            Column(ctx.t("vc.col.p90"), "money"),
        ]
    if cheapest:
        columns.append(Column(ctx.t("vc.col.p_cheapest"), "percent"))
    rows: list[tuple[object, ...]] = []
    for option in options:
        row: list[object] = [option.option, option.total]
        if present_value:
            row.append(option.present_value)
        if risk is not None:
            r = risk.vendor(option.option)
            if bands:
                row += [r.total.p10, r.total.p50, r.total.p90]
            if cheapest:
                row.append(r.p_cheapest)
        rows.append(tuple(row))
    return Table(sheet_name(ctx.t("vc.sheet.tco")), tuple(columns), tuple(rows), ctx)


def hidden_costs(study: VendorStudy, ctx: Context) -> Table | Text:
    """The hidden costs the price lists hold (forced editions, tier jumps, overages, minimum
    commitments), vendor by vendor and year by year: what happens, why, and what it costs
    more that year (less, when the rule works for the client); a sentence when there is
    none."""
    if not study.hidden_costs:
        return Text((ctx.t("vc.hidden.none"),))
    return hidden_costs_table(study, ctx)


def hidden_costs_table(study: VendorStudy, ctx: Context, *, data: bool = False) -> Table:
    """The hidden costs, one row per vendor, year and kind (see :func:`hidden_costs`); with
    ``data`` (the Excel deliverable), the quantity that triggers each, the bound it passes and
    their unit in columns of their own."""
    rows = []
    for vendor, cost in study.hidden_costs:
        row: list[object] = [
            vendor,
            cost.year,
            ctx.t(f"vc.hidden.{cost.kind.value}"),
            hidden_cost_detail(cost, ctx),
        ]
        if data:
            row += [cost.volume, cost.limit, hidden_cost_unit(cost, ctx)]
        row.append(cost.amount)
        rows.append(tuple(row))
    columns = [
        Column(ctx.t("vc.col.vendor")),
        Column(ctx.t("vc.col.year"), "integer"),
        Column(ctx.t("vc.col.hidden_cost")),
        Column(ctx.t("vc.col.detail")),
    ]
    if data:
        columns += [
            Column(ctx.t("vc.col.volume"), "number"),
            Column(ctx.t("vc.col.limit"), "number"),
            Column(ctx.t("vc.col.unit")),
        ]
    columns.append(Column(ctx.t("vc.col.extra_cost"), "money"))
    title = ctx.t("vc.hidden.title")
    return Table(sheet_name(title), tuple(columns), tuple(rows), ctx, caption=title)


def hidden_cost_unit(cost: HiddenCost, ctx: Context) -> str:
    """What a hidden cost's quantity and bound count, in words: users, contacts, messages a
    year, GB, or the currency."""
    if cost.unit == "money":
        return ctx.currency
    return ctx.t(f"vc.unit.{cost.unit}")


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
