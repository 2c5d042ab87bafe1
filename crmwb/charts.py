"""Matplotlib figures, one function per chart, each returning a Figure (never shown here).

Figures are built with the object API (no pyplot state), so nothing is drawn twice in a notebook
and nothing needs a display. Labels come from the caller's :class:`~crmwb.views.Context`.
"""

from __future__ import annotations

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from crmwb.tco import TcoComparison, accrual_path
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
            ctx.t("tco.chart.break_even", month=be.month),
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


def cost_by_category(study: TcoComparison, ctx: Context) -> Figure:
    """One horizontal bar per option, stacked by cost category (totals over the horizon)."""
    categories = list(dict.fromkeys(c for o in study.options for c in o.by_category))
    fig = _figure(height=1.6 + 0.5 * len(study.options) + 0.2 * (len(categories) // 4))
    ax = fig.add_subplot()
    names = [o.option for o in study.options]
    left = [0.0] * len(study.options)
    for colour, category in zip(CATEGORY_COLOURS * 2, categories, strict=False):
        widths = [sum(o.by_category.get(category, ())) for o in study.options]
        ax.barh(
            names,
            widths,
            left=left,
            color=colour,
            label=choice_label(category, ctx.lang),
            height=0.55,
            edgecolor="white",
            linewidth=0.8,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    for y, total in enumerate(left):
        ax.annotate(
            ctx.money(total),
            xy=(total, y),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
            fontweight="bold",
            color=INK,
        )
    ax.invert_yaxis()
    ax.set_xlim(0, max(left) * 1.18 if max(left) > 0 else 1)
    ax.xaxis.set_major_formatter(_money_axis(ctx))
    ax.set_xlabel(
        ctx.t("tco.chart.total_y", horizon=study.settings.horizon_years, currency=ctx.currency)
    )
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(loc="outside lower center", ncols=min(4, len(categories)), frameon=False, fontsize=8)
    return fig
