"""The ROI's charts: the waterfall from the benefits to the NPV, the cumulative net cash flow
with the payback, the tornado of the inputs' swings and the Monte Carlo NPVs' distribution."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from crmwb.core import i18n
from crmwb.deliver.charts import GRID, INK, PALETTE, money_axis, new_figure, shorten
from crmwb.deliver.views import Context
from crmwb.roi.levers import input_label
from crmwb.roi.model import RoiResult
from crmwb.roi.study import MonteCarloResult, Tornado


def roi_waterfall(result: RoiResult, ctx: Context) -> Figure:
    """Present value of the benefits axis by axis, minus the costs, to the net gain (NPV): the
    model's present values (``pv_by_axis``, ``pv_costs``), so the last bar is the NPV."""
    steps = waterfall_steps(result, ctx)
    fig = new_figure(height=3.6)
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
    ax.yaxis.set_major_formatter(money_axis(ctx))
    ax.set_ylabel(ctx.t("roi.chart.amount", currency=ctx.currency))
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def waterfall_steps(result: RoiResult, ctx: Context) -> list[tuple[str, float]]:
    """The waterfall's steps before its total, named: the present value of the benefits axis by
    axis (those worth half a unit or more), then the costs' (negative). Their sum is the NPV."""
    steps = [
        (ctx.t(f"roi.axis.{axis.value}"), value)
        for axis, value in result.pv_by_axis.items()
        if abs(value) > 0.5
    ]
    steps.append((ctx.t("roi.chart.costs"), -result.pv_costs))
    return steps


def year_end_cash(result: RoiResult) -> list[float]:
    """The cumulative net cash flow at the end of each period (0: once the initial flows are
    paid, then each year): the points :func:`roi_cumulative` joins after its start at 0."""
    ends, total = [], 0.0
    for flow in result.table.row("net").per_period:
        total += flow
        ends.append(total)
    return ends


def roi_cumulative(result: RoiResult, ctx: Context) -> Figure:
    """Cumulative net cash flow (flows of a year accruing evenly), with the payback marked."""
    net = result.table.row("net").per_period
    ends = year_end_cash(result)
    xs = [0.0, *(float(year) for year in range(len(ends)))]
    ys = [0.0, *ends]
    fig = new_figure(height=3.4)
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
        # the curve rises through the payback: its label goes where the curve is not, above
        # on the left (below on the right when the payback comes early)
        early = x < (len(net) - 1) / 3
        ax.annotate(
            ctx.t(
                "roi.chart.payback",
                months=i18n.number(result.payback_months, ctx.lang, decimals=1),
            ),
            xy=(x, 0),
            xytext=(8, -16) if early else (-8, 10),
            textcoords="offset points",
            ha="left" if early else "right",
            fontsize=8.5,
            color="#C00000",
        )
    ax.set_xlim(0, len(net) - 1)
    ax.set_xticks(range(len(net)))
    ax.set_xlabel(ctx.t("tco.chart.years_x"))
    ax.set_ylabel(ctx.t("roi.chart.cumulative_y", currency=ctx.currency))
    ax.yaxis.set_major_formatter(money_axis(ctx))
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


TORNADO_LOW, TORNADO_HIGH = "#C55A11", PALETTE[2]
"""The tornado's colours: the NPV with an input at its low value, at its high value."""
HEADLINE = PALETTE[0]
"""The headline NPV's line on the distribution."""


def roi_tornado(tornado: Tornado, ctx: Context, most: int = 10) -> Figure:
    """NPV when each input goes to its low or its high value (others at their most likely),
    widest swing on top, around the base NPV."""
    bars = tornado.bars[:most]
    fig = new_figure(height=1.2 + 0.45 * max(len(bars), 1))
    ax = fig.add_subplot()
    base = tornado.base_npv
    ends = ((ctx.t("roi.chart.at_low"), TORNADO_LOW), (ctx.t("roi.chart.at_high"), TORNADO_HIGH))
    for y, bar in enumerate(bars):
        for value, (label, colour) in zip((bar.npv_at_low, bar.npv_at_high), ends, strict=True):
            ax.barh(
                y,
                value - base,
                left=base,
                color=colour,
                height=0.6,
                label=label if y == 0 else None,
            )
    ax.axvline(base, color=INK, linewidth=0.8)
    if bars:
        fig.legend(loc="outside lower center", ncols=2, frameon=False, fontsize=8)
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
        ctx.t("roi.chart.tornado_bar", input=input_label(b.input, ctx.lang), lever=b.lever)
        for b in bars
    ]
    ax.set_yticklabels([textwrap.fill(shorten(label, 80), 40) for label in labels], fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))  # money ticks need room
    ax.xaxis.set_major_formatter(money_axis(ctx))
    ax.set_xlabel(ctx.t("roi.chart.npv_x", currency=ctx.currency))
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def npv_distribution(risk: MonteCarloResult, ctx: Context, headline: float | None = None) -> Figure:
    """Histogram of the Monte Carlo NPVs with P10 / P50 / P90 marked, the headline NPV (on the
    same basis) and zero when it is within the draws' reach."""
    from matplotlib.lines import Line2D

    fig = new_figure(height=3.2)
    ax = fig.add_subplot()
    draws = risk.npv_draws
    ax.hist(draws, bins=60, color=PALETTE[5], alpha=0.85)
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
    handles = [Line2D([], [], color=INK, linestyle="--", linewidth=0.8, label="P10 · P50 · P90")]
    if headline is not None:
        ax.axvline(headline, color=HEADLINE, linewidth=2)
        handles.append(
            Line2D([], [], color=HEADLINE, linewidth=2, label=ctx.t("roi.chart.headline"))
        )
    low, high = float(draws.min()), float(draws.max())
    if low - 0.1 * (high - low) <= 0 <= high + 0.1 * (high - low):
        ax.axvline(0, color="#C00000", linewidth=1.2)
        handles.append(
            Line2D([], [], color="#C00000", linewidth=1.2, label=ctx.t("roi.chart.zero"))
        )
    ax.xaxis.set_major_formatter(money_axis(ctx))
    ax.set_xlabel(ctx.t("roi.chart.npv_x", currency=ctx.currency))
    ax.set_ylabel(ctx.t("roi.chart.draws_y"))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(
        handles=handles, loc="outside lower center", ncols=len(handles), frameon=False, fontsize=8
    )
    return fig
