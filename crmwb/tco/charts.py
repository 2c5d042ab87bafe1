"""The TCO's charts: the options' cumulative costs over the horizon with the break-even marked,
and their totals by cost category; and the break-even month in words (:func:`month_ordinal`),
which the chart and the views' sentences write alike.

:func:`category_segments` is the stacked bars' computation: the key results
(:mod:`crmwb.tco.key_results`) give the deck the same series."""

from __future__ import annotations

from matplotlib.figure import Figure

from crmwb.deliver.charts import GRID, PALETTE, money_axis, new_figure, stacked_bars
from crmwb.deliver.views import Context
from crmwb.tco.model import TcoComparison, accrual_path
from crmwb.workbook.choices import choice_label


def month_ordinal(month: int, ctx: Context) -> str:
    """The ``month``-th month, the language's way: « 37e mois », « 1er mois », "month 37"."""
    return ctx.t("tco.month_first") if month == 1 else ctx.t("tco.month_nth", n=month)


def cumulative_cost(study: TcoComparison, ctx: Context) -> Figure:
    """Cumulative cost of each option over the horizon (monthly accrual), with the break-even
    between the cheapest and the dearest option marked."""
    fig = new_figure()
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
    ax.yaxis.set_major_formatter(money_axis(ctx))
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", frameon=False)
    return fig


def cost_by_category(study: TcoComparison, ctx: Context) -> Figure:
    """One horizontal bar per option, stacked by cost category (totals over the horizon)."""
    segments = category_segments(study, ctx)
    fig, ax, totals = stacked_bars(
        [o.option for o in study.options],
        segments,
        ctx.money,
        height=1.6 + 0.5 * len(study.options) + 0.2 * (len(segments) // 4),
    )
    ax.set_xlim(0, max(totals) * 1.18 if max(totals) > 0 else 1)
    ax.xaxis.set_major_formatter(money_axis(ctx))
    ax.set_xlabel(
        ctx.t("tco.chart.total_y", horizon=study.settings.horizon_years, currency=ctx.currency)
    )
    return fig


def category_segments(study: TcoComparison, ctx: Context) -> list[tuple[str, list[float]]]:
    """The cost categories the options use, in the order they come, each with its name and
    every option's total for it over the horizon: the segments of :func:`cost_by_category`."""
    categories = list(dict.fromkeys(c for o in study.options for c in o.by_category))
    return [
        (choice_label(c, ctx.lang), [sum(o.by_category.get(c, ())) for o in study.options])
        for c in categories
    ]
