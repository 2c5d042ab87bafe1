"""Matplotlib figures, one function per chart, each returning a Figure (never shown here).

Figures are built with the object API (no pyplot state), so nothing is drawn twice in a notebook
and nothing needs a display. Labels come from the caller's :class:`~crmwb.views.Context`.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from crmwb import i18n
from crmwb.pricing import MonteCarloResult as PricingMonteCarlo
from crmwb.pricing import VendorStudy
from crmwb.roi import MonteCarloResult as RoiMonteCarlo
from crmwb.roi import RoiResult, Tornado
from crmwb.roi_views import input_label
from crmwb.tco import TcoComparison, accrual_path
from crmwb.tco_views import month_ordinal
from crmwb.vendors import Coverage, CoverageSheet, VendorComparison, WeightedSumResult
from crmwb.views import Context
from crmwb.workbook import choice_label

PALETTE = ("#1F3864", "#C55A11", "#548235", "#7030A0", "#BF9000", "#2E75B6", "#833C0B")
CATEGORY_COLOURS = (
    "#1F3864",
    "#2E75B6",
    "#9DC3E6",
    "#C55A11",
    "#F4B183",
    "#548235",
    "#A9D18E",
    "#7030A0",
    "#BF9000",
    "#7F7F7F",
    "#D9D9D9",
)
INK = "#262626"
GRID = "#D9D9D9"

matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.edgecolor": GRID,
        "axes.labelcolor": INK,
        "axes.titleweight": "bold",
        "xtick.color": INK,
        "ytick.color": INK,
        "svg.fonttype": "none",  # text stays text: lighter SVG, faster PDF, searchable
        "svg.hashsalt": "crmwb",
    }
)


def _figure(width: float = 7.5, height: float = 3.6) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _shorten(text: str, width: int) -> str:
    """``text`` cut at a word to fit ``width`` characters, an ellipsis marking the cut."""
    return textwrap.shorten(text, width, placeholder=" …")


def _money_axis(ctx: Context) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: ctx.money(value))


def cumulative_cost(study: TcoComparison, ctx: Context) -> Figure:
    """Cumulative cost of each option over the horizon (monthly accrual), with the break-even
    between the cheapest and the dearest option marked."""
    fig = _figure()
    ax = fig.add_subplot()
    for colour, option in zip(PALETTE * 3, study.options, strict=False):
        xs, ys = zip(*accrual_path(option), strict=True)
        ax.plot(xs, ys, color=colour, linewidth=2.2, label=option.option)
        ax.annotate(
            f"{option.option}\n{ctx.money(option.total)}",
            xy=(xs[-1], ys[-1]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
            color=colour,
            fontweight="bold",
        )
    be = study.headline_break_even
    if be is not None:
        x = be.months / 12
        ax.axvline(x, color="#7F7F7F", linestyle=":", linewidth=1)
        ax.plot([x], [be.cumulative_cost], marker="o", markersize=7, color="#C00000", zorder=5)
        ax.annotate(
            ctx.t("tco.chart.break_even", month=month_ordinal(be.month, ctx)),
            xy=(x, be.cumulative_cost),
            xytext=(-10, 18),
            textcoords="offset points",
            ha="right",
            fontsize=8.5,
            color="#C00000",
            arrowprops={"arrowstyle": "-", "color": "#C00000", "linewidth": 0.8},
        )
    horizon = study.settings.horizon_years
    ax.set_xlim(0, horizon)
    ax.set_xticks(range(horizon + 1))
    ax.set_xlabel(ctx.t("tco.chart.years_x"))
    ax.set_ylabel(ctx.t("tco.chart.cumulative_y", currency=ctx.currency))
    ax.yaxis.set_major_formatter(_money_axis(ctx))
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", frameon=False)
    return fig


def _stacked_bars(
    names: Sequence[str],
    segments: Sequence[tuple[str, Sequence[float]]],
    total_text: Callable[[float], str],
    height: float,
) -> tuple[Figure, Any, list[float]]:
    """Horizontal bars, one per name (first on top), stacked by segment (label, widths), each
    total written at the end of its bar, the legend below. Returns the figure, its axes and
    the totals, for the caller's axis labels and limits."""
    fig = _figure(height=height)
    ax = fig.add_subplot()
    left = [0.0] * len(names)
    for colour, (label, widths) in zip(CATEGORY_COLOURS * 2, segments, strict=False):
        ax.barh(
            names,
            widths,
            left=left,
            color=colour,
            label=label,
            height=0.55,
            edgecolor="white",
            linewidth=0.8,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    for y, total in enumerate(left):
        ax.annotate(
            total_text(total),
            xy=(total, y),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
            fontweight="bold",
            color=INK,
        )
    ax.invert_yaxis()
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(loc="outside lower center", ncols=min(4, len(segments)), frameon=False, fontsize=8)
    return fig, ax, left


def cost_by_category(study: TcoComparison, ctx: Context) -> Figure:
    """One horizontal bar per option, stacked by cost category (totals over the horizon)."""
    categories = list(dict.fromkeys(c for o in study.options for c in o.by_category))
    segments = [
        (choice_label(c, ctx.lang), [sum(o.by_category.get(c, ())) for o in study.options])
        for c in categories
    ]
    fig, ax, totals = _stacked_bars(
        [o.option for o in study.options],
        segments,
        ctx.money,
        height=1.6 + 0.5 * len(study.options) + 0.2 * (len(categories) // 4),
    )
    ax.set_xlim(0, max(totals) * 1.18 if max(totals) > 0 else 1)
    ax.xaxis.set_major_formatter(_money_axis(ctx))
    ax.set_xlabel(
        ctx.t("tco.chart.total_y", horizon=study.settings.horizon_years, currency=ctx.currency)
    )
    return fig


# --- vendor comparison -----------------------------------------------------------------------


def weighted_scores(ranking: WeightedSumResult, ctx: Context) -> Figure:
    """One horizontal bar per vendor (best on top), stacked by criterion group: how each group
    contributes to the weighted score."""
    vendors = list(ranking.ranking)
    groups = list(dict.fromkeys(g for v in ranking.vendors for g in v.group_contributions))
    segments = [
        (g, [ranking.vendor(v).group_contributions.get(g, 0.0) for v in vendors]) for g in groups
    ]
    fig, ax, _ = _stacked_bars(
        vendors,
        segments,
        lambda total: i18n.number(total, ctx.lang, decimals=2),
        height=1.4 + 0.45 * len(vendors),
    )
    ax.set_xlim(0, 1.08)
    ax.set_xlabel(ctx.t("vc.chart.score_axis"))
    return fig


def shortlist_radar(ranking: WeightedSumResult, vendors: Sequence[str], ctx: Context) -> Figure:
    """The shortlisted vendors' rescaled scores (0 to 1, 1 the best) on every criterion."""
    criteria = list(ranking.vendor(vendors[0]).rescaled)
    angles = [2 * math.pi * i / len(criteria) for i in range(len(criteria))]
    fig = Figure(figsize=(7.5, 5.2), layout="constrained")
    ax = fig.add_subplot(projection="polar")
    for colour, vendor in zip(PALETTE * 2, vendors, strict=False):
        values = [ranking.vendor(vendor).rescaled[c] for c in criteria]
        ax.plot([*angles, angles[0]], [*values, values[0]], color=colour, linewidth=2, label=vendor)
        ax.fill([*angles, angles[0]], [*values, values[0]], color=colour, alpha=0.08)
    ax.set_xticks(angles)
    ax.set_xticklabels([textwrap.fill(c, 16) for c in criteria], fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_yticks([0.25, 0.5, 0.75, 1.0])
    ax.set_yticklabels([])
    ax.grid(color=GRID, linewidth=0.6)
    ax.spines["polar"].set_color(GRID)
    ax.legend(loc="upper left", bbox_to_anchor=(1.08, 1.0), frameon=False, fontsize=8.5)
    return fig


COVERAGE_COLOURS = {
    Coverage.NATIVE: "#548235",
    Coverage.CONFIGURATION: "#A9D18E",
    Coverage.CUSTOM_DEVELOPMENT: "#F4B183",
    Coverage.NOT_COVERED: "#C00000",
}


def coverage_matrix(coverage: CoverageSheet, vendors: Sequence[str], ctx: Context) -> Figure:
    """Use cases (rows) x vendors (columns), each cell coloured by how the vendor covers it."""
    from matplotlib.patches import Patch, Rectangle

    use_cases = coverage.use_cases
    fig = _figure(height=1.3 + 0.32 * len(use_cases))
    ax = fig.add_subplot()
    for row, use_case in enumerate(use_cases):
        for col, vendor in enumerate(vendors):
            level = coverage.levels[vendor][use_case.name]
            ax.add_patch(Rectangle((col, row), 0.96, 0.9, color=COVERAGE_COLOURS[level]))
    ax.set_xlim(0, len(vendors))
    ax.set_ylim(len(use_cases), 0)
    ax.set_xticks([i + 0.48 for i in range(len(vendors))])
    ax.set_xticklabels([textwrap.fill(v, 14) for v in vendors], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks([i + 0.45 for i in range(len(use_cases))])
    ax.set_yticklabels([_shorten(u.name, 40) for u in use_cases], fontsize=8)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    handles = [
        Patch(color=c, label=ctx.t(f"vc.coverage.{level.value}"))
        for level, c in COVERAGE_COLOURS.items()
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=4, frameon=False, fontsize=8)
    return fig


def weight_sensitivity(comparison: VendorComparison, ctx: Context) -> Figure:
    """For each criterion, its current weight and the nearest weight that changes the winner
    (arrow, labelled with the new winner); criteria that never change it are greyed."""
    items = sorted(
        comparison.sensitivity,
        key=lambda s: abs(s.nearest.change) if s.nearest is not None else 2.0,
    )
    fig = _figure(height=1.2 + 0.34 * len(items))
    ax = fig.add_subplot()
    for y, s in enumerate(items):
        ax.plot([s.current_weight], [y], marker="o", color=PALETTE[0], markersize=6, zorder=3)
        nearest = s.nearest
        if nearest is None:
            ax.annotate(
                ctx.t("vc.never"),
                xy=(s.current_weight, y),
                xytext=(8, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                color="#7F7F7F",
            )
            continue
        ax.annotate(
            "",
            xy=(nearest.new_weight, y),
            xytext=(s.current_weight, y),
            arrowprops={"arrowstyle": "->", "color": PALETTE[1], "linewidth": 1.4},
        )
        ax.annotate(
            nearest.new_winner,
            xy=(max(nearest.new_weight, s.current_weight), y),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=PALETTE[1],
        )
    ax.set_yticks(range(len(items)))
    ax.set_yticklabels([_shorten(s.criterion, 34) for s in items], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: ctx.percent(v)))
    ax.set_xlabel(ctx.t("vc.chart.weight_axis"))
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def vendor_tco_bands(study: VendorStudy, risk: PricingMonteCarlo, ctx: Context) -> Figure:
    """Cumulative TCO of each vendor (most likely, line) with its P10-P90 band (shaded), by
    end of year (0 = project start)."""
    fig = _figure(height=4.0)
    ax = fig.add_subplot()
    periods = range(len(study.comparison.options[0].cumulative))
    for colour, option in zip(PALETTE * 3, study.comparison.options, strict=False):
        band = risk.vendor(option.option).cumulative
        ax.fill_between(periods, band.p10, band.p90, color=colour, alpha=0.12, linewidth=0)
        ax.plot(periods, option.cumulative, color=colour, linewidth=2, label=option.option)
    ax.set_xlim(0, len(periods) - 1)
    ax.set_xticks(list(periods))
    ax.set_xlabel(ctx.t("tco.chart.years_x"))
    ax.set_ylabel(ctx.t("tco.chart.cumulative_y", currency=ctx.currency))
    ax.yaxis.set_major_formatter(_money_axis(ctx))
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    return fig


def value_map(ranking: WeightedSumResult, totals: Mapping[str, float], ctx: Context) -> Figure:
    """Weighted score (up is better) against TCO over the horizon (left is cheaper): the
    vendors to the upper left give the most for the money."""
    fig = _figure(height=4.2)
    ax = fig.add_subplot()
    vendors = [v for v in ranking.ranking if v in totals]
    xs = [totals[v] for v in vendors]
    ys = [ranking.vendor(v).score for v in vendors]
    for colour, vendor, x, y in zip(PALETTE * 3, vendors, xs, ys, strict=False):
        ax.scatter([x], [y], s=80, color=colour, zorder=3)
        ax.annotate(
            _shorten(vendor, 30),
            xy=(x, y),
            xytext=(7, 4),
            textcoords="offset points",
            fontsize=8.5,
            color=INK,
        )
    if len(xs) > 1:
        ax.axvline(sum(xs) / len(xs), color=GRID, linestyle="--", linewidth=1)
        ax.axhline(sum(ys) / len(ys), color=GRID, linestyle="--", linewidth=1)
    ax.xaxis.set_major_formatter(_money_axis(ctx))
    ax.set_xlabel(ctx.t("vc.chart.tco_axis"))
    ax.set_ylabel(ctx.t("vc.chart.score_axis"))
    span = max(xs) - min(xs) if xs else 1
    ax.set_xlim(min(xs) - 0.08 * span, max(xs) + 0.25 * span)
    ax.grid(color=GRID, linewidth=0.5)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


# --- ROI -------------------------------------------------------------------------------------


def roi_waterfall(result: RoiResult, rate: float, ctx: Context) -> Figure:
    """Present value of the benefits axis by axis, minus the costs, to the net gain (NPV)."""
    factors = [(1 + rate) ** -t for t in range(len(result.table.periods))]
    steps = [
        (ctx.t(f"roi.axis.{axis.value}"), sum(v * f for v, f in zip(values, factors, strict=True)))
        for axis, values in result.benefits_by_axis.items()
    ]
    steps = [(label, value) for label, value in steps if abs(value) > 0.5]
    steps.append((ctx.t("roi.chart.costs"), -result.pv_costs))
    fig = _figure(height=3.6)
    ax = fig.add_subplot()
    level = 0.0
    for i, (_label, value) in enumerate(steps):
        colour = PALETTE[2] if value >= 0 else "#C00000"
        ax.bar(i, value, bottom=level, color=colour, width=0.6)
        ax.annotate(
            ctx.money(value),
            xy=(i, level + value / 2),
            ha="center",
            va="center",
            fontsize=8,
            color="white",
            fontweight="bold",
        )
        level += value
    ax.bar(len(steps), level, color=PALETTE[0], width=0.6)
    ax.annotate(
        ctx.money(level),
        xy=(len(steps), level),
        xytext=(0, 4 if level >= 0 else -12),
        textcoords="offset points",
        ha="center",
        fontsize=8.5,
        fontweight="bold",
        color=INK,
    )
    labels = [textwrap.fill(label, 16) for label, _ in steps] + [ctx.t("roi.chart.total")]
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, fontsize=8)
    ax.axhline(0, color=INK, linewidth=0.8)
    ax.margins(y=0.12)
    ax.yaxis.set_major_formatter(_money_axis(ctx))
    ax.set_ylabel(ctx.t("roi.chart.amount", currency=ctx.currency))
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def roi_cumulative(result: RoiResult, ctx: Context) -> Figure:
    """Cumulative net cash flow (flows of a year accruing evenly), with the payback marked."""
    net = result.table.row("net").per_period
    xs, ys, total = [0.0, 0.0], [0.0, net[0]], net[0]
    for year, flow in enumerate(net[1:], start=1):
        total += flow
        xs.append(float(year))
        ys.append(total)
    fig = _figure(height=3.4)
    ax = fig.add_subplot()
    ax.plot(xs, ys, color=PALETTE[0], linewidth=2.2)
    ax.fill_between(
        xs, ys, 0, where=[y < 0 for y in ys], color="#C00000", alpha=0.08, interpolate=True
    )
    ax.fill_between(
        xs, ys, 0, where=[y >= 0 for y in ys], color=PALETTE[2], alpha=0.12, interpolate=True
    )
    ax.axhline(0, color=INK, linewidth=0.8)
    if result.payback_months is not None:
        x = result.payback_months / 12
        ax.axvline(x, color="#7F7F7F", linestyle=":", linewidth=1)
        ax.plot([x], [0], marker="o", color="#C00000", markersize=7, zorder=5)
        ax.annotate(
            ctx.t(
                "roi.chart.payback",
                months=i18n.number(result.payback_months, ctx.lang, decimals=1),
            ),
            xy=(x, 0),
            xytext=(8, 12),
            textcoords="offset points",
            fontsize=8.5,
            color="#C00000",
        )
    ax.set_xlim(0, len(net) - 1)
    ax.set_xticks(range(len(net)))
    ax.set_xlabel(ctx.t("tco.chart.years_x"))
    ax.set_ylabel(ctx.t("roi.chart.cumulative_y", currency=ctx.currency))
    ax.yaxis.set_major_formatter(_money_axis(ctx))
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def roi_tornado(tornado: Tornado, ctx: Context, most: int = 10) -> Figure:
    """NPV when each input goes to its low or its high value (others at their most likely),
    widest swing on top, around the base NPV."""
    bars = tornado.bars[:most]
    fig = _figure(height=1.2 + 0.45 * max(len(bars), 1))
    ax = fig.add_subplot()
    base = tornado.base_npv
    for y, bar in enumerate(bars):
        for value, colour in ((bar.npv_at_low, "#C55A11"), (bar.npv_at_high, PALETTE[2])):
            ax.barh(y, value - base, left=base, color=colour, height=0.6)
    ax.axvline(base, color=INK, linewidth=0.8)
    if not bars:  # every input certain: say so rather than draw an empty chart
        ax.annotate(
            ctx.t("roi.chart.no_range"),
            xy=(0.5, 0.5),
            xycoords="axes fraction",
            ha="center",
            va="center",
            fontsize=9,
            color="#7F7F7F",
        )
    ax.set_yticks(range(len(bars)))
    labels = [
        ctx.t("roi.chart.tornado_bar", input=input_label(b.input, ctx), lever=b.lever) for b in bars
    ]
    ax.set_yticklabels([textwrap.fill(_shorten(label, 80), 40) for label in labels], fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_money_axis(ctx))
    ax.set_xlabel(ctx.t("roi.chart.npv_x", currency=ctx.currency))
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def npv_distribution(risk: RoiMonteCarlo, ctx: Context) -> Figure:
    """Histogram of the Monte Carlo NPVs, P10 / P50 / P90 and zero marked."""
    fig = _figure(height=3.0)
    ax = fig.add_subplot()
    ax.hist(risk.npv_draws, bins=60, color=PALETTE[5], alpha=0.85)
    for value, label in ((risk.npv.p10, "P10"), (risk.npv.p50, "P50"), (risk.npv.p90, "P90")):
        ax.axvline(value, color=INK, linestyle="--", linewidth=0.8)
        ax.annotate(
            label,
            xy=(value, 1),
            xycoords=("data", "axes fraction"),
            xytext=(3, -12),
            textcoords="offset points",
            fontsize=8,
        )
    ax.axvline(0, color="#C00000", linewidth=1.2)
    ax.xaxis.set_major_formatter(_money_axis(ctx))
    ax.set_xlabel(ctx.t("roi.chart.npv_x", currency=ctx.currency))
    ax.set_ylabel(ctx.t("roi.chart.draws_y"))
    ax.spines[["top", "right"]].set_visible(False)
    return fig
