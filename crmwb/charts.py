"""Matplotlib figures, one function per chart, each returning a Figure (never shown here).

Figures are built with the object API (no pyplot state), so nothing is drawn twice in a notebook
and nothing needs a display. Labels come from the caller's :class:`~crmwb.deliver.views.Context`.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from crmwb.core import i18n
from crmwb.deliver.views import Context
from crmwb.roi.model import MonteCarloResult as RoiMonteCarlo
from crmwb.roi.model import RoiResult, Tornado
from crmwb.roi.views import input_label
from crmwb.tco.model import TcoComparison, accrual_path
from crmwb.tco.views import month_ordinal
from crmwb.vendors.model import Coverage, CoverageSheet, VendorComparison, WeightedSumResult
from crmwb.vendors.pricing import MonteCarloResult as PricingMonteCarlo
from crmwb.vendors.pricing import VendorStudy
from crmwb.workbook.choices import choice_label

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

VENDOR_LABEL_WIDTH = 20
"""Characters per line of a vendor's name in a chart."""

VENDOR_LABEL_LINES = 2
"""Lines of a vendor's name in a chart: beyond, its middle words give way to an ellipsis."""

MANY_VENDORS = 12
"""Beyond this many vendors, a bar chart packs its bars closer (and its labels smaller) so
that it stays on one page."""

VALUE_MAP_NAMES = 8
"""Beyond this many vendors, the value map numbers its points with their rank instead of
naming them (the ranking table gives the names)."""


def vendor_label(name: str) -> str:
    """A vendor's name as every vendor chart writes it (bar labels, legends, column heads,
    point labels): on two lines of 20 characters at most; a longer name keeps its first and
    its last words around an ellipsis (where names of one family differ: « … n° 12 »,
    « … Unlimited »), so that 40-character names stay legible, distinct, and named the same
    way in every chart.

    >>> vendor_label("Salesforce Sales + Marketing Cloud")
    'Salesforce Sales +\\nMarketing Cloud'
    >>> vendor_label("Plateforme relationnelle omnicanale n° 12")
    'Plateforme\\n… omnicanale n° 12'
    """
    width, text = VENDOR_LABEL_WIDTH, " ".join(name.split())
    lines = textwrap.wrap(text, width)
    if len(lines) <= VENDOR_LABEL_LINES:
        return "\n".join(lines) or name
    first, rest = lines[0], text[len(lines[0]) :]
    tail: list[str] = []
    for word in reversed(rest.split()):
        if len(" ".join(["…", word, *tail])) > width:
            break
        tail.insert(0, word)
    if not tail:  # one long last word: cut it
        return f"{first}\n{_shorten(rest, width)}"
    return f"{first}\n… {' '.join(tail)}"


def weighted_scores(ranking: WeightedSumResult, ctx: Context) -> Figure:
    """One horizontal bar per vendor (best on top), stacked by criterion group: how each group
    contributes to the weighted score."""
    vendors = list(ranking.ranking)
    groups = list(dict.fromkeys(g for v in ranking.vendors for g in v.group_contributions))
    segments = [
        (g, [ranking.vendor(v).group_contributions.get(g, 0.0) for v in vendors]) for g in groups
    ]
    many = len(vendors) > MANY_VENDORS
    pitch = 0.3 if many else 0.45  # inches per bar: two lines of 7.5 pt fit in 0.3
    fig, ax, _ = _stacked_bars(
        vendors,
        segments,
        lambda total: i18n.number(total, ctx.lang, decimals=2),
        height=1.4 + pitch * len(vendors),
    )
    ax.set_yticks(range(len(vendors)))
    ax.set_yticklabels([vendor_label(v) for v in vendors], fontsize=7.5 if many else 8.5)
    ax.set_xlim(0, 1.08)
    ax.set_xlabel(ctx.t("vc.chart.score_axis"))
    return fig


def shortlist_radar(ranking: WeightedSumResult, vendors: Sequence[str], ctx: Context) -> Figure:
    """The shortlisted vendors' rescaled scores (0 to 1, 1 the best) on every criterion
    (clockwise from the top, in the criteria's order)."""
    criteria = list(ranking.vendor(vendors[0]).rescaled)
    angles = [2 * math.pi * i / len(criteria) for i in range(len(criteria))]
    fig = Figure(figsize=(7.5, 5.2), layout="constrained")
    from matplotlib.projections.polar import PolarAxes

    ax = fig.add_subplot(projection="polar")
    assert isinstance(ax, PolarAxes)
    ax.set_theta_zero_location("N")  # the first criterion on top, the others clockwise
    ax.set_theta_direction(-1)
    for colour, vendor in zip(PALETTE * 2, vendors, strict=False):
        values = [ranking.vendor(vendor).rescaled[c] for c in criteria]
        ax.plot(
            [*angles, angles[0]],
            [*values, values[0]],
            color=colour,
            linewidth=2,
            label=vendor_label(vendor),
        )
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


def coverage_matrix(
    coverage: CoverageSheet, vendors: Sequence[str], ctx: Context, title: str = ""
) -> Figure:
    """Use cases (rows, in the sheet's order) x ``vendors`` (columns, in the order given), each
    cell coloured by how the vendor covers the use case. :func:`coverage_columns` vendors fit
    a page's width: the caller splits a longer list, and gives each part its ``title`` (drawn
    above the matrix, so that it never stands alone at the foot of a page)."""
    from matplotlib.patches import Patch, Rectangle

    use_cases = coverage.use_cases
    # about 1.1 inch a vendor beside the use cases' names: a cell stays a cell with one vendor
    width = min(7.5, 2.4 + 1.1 * max(len(vendors), 2))
    fig = _figure(width=width, height=1.5 + 0.34 * len(use_cases))
    ax = fig.add_subplot()
    for row, use_case in enumerate(use_cases):
        for col, vendor in enumerate(vendors):
            level = coverage.levels[vendor][use_case.name]
            ax.add_patch(Rectangle((col, row), 0.96, 0.9, color=COVERAGE_COLOURS[level]))
    ax.set_xlim(0, max(len(vendors), 1))
    ax.set_ylim(len(use_cases), 0)
    ax.set_xticks([i + 0.48 for i in range(len(vendors))])
    ax.set_xticklabels([vendor_label(v) for v in vendors], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks([i + 0.45 for i in range(len(use_cases))])
    ax.set_yticklabels([_wrapped(u.name, 26, 2) for u in use_cases], fontsize=8)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    handles = [
        Patch(color=c, label=ctx.t(f"vc.coverage.{level.value}"))
        for level, c in COVERAGE_COLOURS.items()
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=4, frameon=False, fontsize=8)
    if title:
        fig.suptitle(title, x=0.02, ha="left", fontsize=9, fontweight="bold", color=INK)
    return fig


COVERAGE_COLUMNS = 5
"""Vendor columns of one coverage matrix at most (fewer when long names would touch)."""

_CHAR = 4.6
"""Width of an average character of 8-point DejaVu Sans, in points (for fitting labels)."""


def coverage_columns(coverage: CoverageSheet, vendors: Sequence[str]) -> int:
    """How many of ``vendors`` one :func:`coverage_matrix` can show side by side (at most
    :data:`COVERAGE_COLUMNS`, at least 2) without two neighbours' names touching, beside the
    use cases' names, on a page's width."""
    names = max(
        (len(line) for u in coverage.use_cases for line in _wrapped(u.name, 26, 2).split("\n")),
        default=0,
    )
    room = 7.5 * 72 - names * _CHAR - 30
    widths = [max(len(line) for line in vendor_label(v).split("\n")) * _CHAR for v in vendors]
    need = max((a + b) / 2 + 8 for a, b in itertools.pairwise(widths)) if len(widths) > 1 else 0
    for columns in range(COVERAGE_COLUMNS, 2, -1):
        if need <= room / columns:
            return columns
    return 2


def _wrapped(text: str, width: int, lines: int) -> str:
    """``text`` on at most ``lines`` lines of ``width`` characters, cut at a word beyond."""
    wrapped = textwrap.wrap(text, width)
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], _shorten(" ".join(wrapped[lines - 1 :]), width)]
    return "\n".join(wrapped) or text


def weight_sensitivity(comparison: VendorComparison, ctx: Context) -> Figure:
    """For each criterion (the most sensitive on top), its current weight (dot) and the
    nearest weight that changes the winner (arrow head, labelled with the new winner);
    criteria whose weight never changes the winner say so in grey."""
    items = sorted(
        comparison.sensitivity,
        key=lambda s: abs(s.nearest.change) if s.nearest is not None else 2.0,
    )
    fig = _figure(height=1.2 + 0.38 * len(items))
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
            vendor_label(nearest.new_winner),
            xy=(max(nearest.new_weight, s.current_weight), y),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=PALETTE[1],
        )
    ax.set_yticks(range(len(items)))
    ax.set_yticklabels([_shorten(s.criterion, 34) for s in items], fontsize=8)
    ax.set_ylim(len(items) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: ctx.percent(v)))
    ax.set_xlabel(ctx.t("vc.chart.weight_axis"))
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def vendor_tco_bands(
    study: VendorStudy,
    risk: PricingMonteCarlo,
    ctx: Context,
    vendors: Sequence[str] | None = None,
) -> Figure:
    """Cumulative TCO of each vendor (most likely, line) with its P10-P90 band (shaded), by
    end of year (0 = project start); ``vendors`` (default: all) are drawn dearest first, so
    the legend (on the right) reads in the order the lines end. Vendors whose costs are the
    same every year share one line, named after all of them, rather than hide one another."""
    shown = None if vendors is None else set(vendors)
    options = [o for o in study.comparison.options if shown is None or o.option in shown]
    options.sort(key=lambda o: -o.total)
    lines: dict[tuple[float, ...], list[str]] = {}
    for option in options:
        band = risk.vendor(option.option).cumulative
        key = tuple(round(x, 2) for x in (*option.cumulative, *band.p10, *band.p90))
        lines.setdefault(key, []).append(option.option)
    fig = _figure(height=4.2)
    ax = fig.add_subplot()
    periods = range(len(study.comparison.options[0].cumulative))
    for colour, members in zip(PALETTE * 3, lines.values(), strict=False):
        option = study.comparison.option(members[0])
        band = risk.vendor(option.option).cumulative
        ax.fill_between(periods, band.p10, band.p90, color=colour, alpha=0.12, linewidth=0)
        ax.plot(
            periods,
            option.cumulative,
            color=colour,
            linewidth=2,
            label="\n".join(vendor_label(m) for m in members),
        )
    ax.set_xlim(0, len(periods) - 1)
    ax.set_xticks(list(periods))
    ax.set_xlabel(ctx.t("tco.chart.years_x"))
    ax.set_ylabel(ctx.t("tco.chart.cumulative_y", currency=ctx.currency))
    ax.yaxis.set_major_formatter(_money_axis(ctx))
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(loc="outside right upper", frameon=False, fontsize=8)
    return fig


def value_map(ranking: WeightedSumResult, totals: Mapping[str, float], ctx: Context) -> Figure:
    """Weighted score (up is better) against TCO over the horizon (left is cheaper) of the
    ranked vendors with a TCO: the vendors to the upper left give the most for the money. The
    dashed lines cross at the mean TCO and the mean score. Points are named (vendors at the
    same point under one label, labels moved around their point so as not to overlap), or
    numbered with their rank beyond :data:`VALUE_MAP_NAMES` vendors."""
    fig = _figure(height=4.2)
    ax = fig.add_subplot()
    vendors = [v for v in ranking.ranking if v in totals]
    xs = [totals[v] for v in vendors]
    ys = [ranking.vendor(v).score for v in vendors]
    by_rank = len(vendors) > VALUE_MAP_NAMES
    points: dict[tuple[float, float], list[str]] = {}
    for i, (vendor, x, y) in enumerate(zip(vendors, xs, ys, strict=True)):
        colour = PALETTE[0] if by_rank else PALETTE[i % len(PALETTE)]
        ax.scatter([x], [y], s=80, color=colour, zorder=3)
        name = str(ranking.vendor(vendor).rank) if by_rank else vendor_label(vendor)
        points.setdefault((x, y), []).append(name)
    if len(xs) > 1:
        ax.axvline(math.fsum(xs) / len(xs), color=GRID, linestyle="--", linewidth=1)
        ax.axhline(math.fsum(ys) / len(ys), color=GRID, linestyle="--", linewidth=1)
    ax.xaxis.set_major_formatter(_money_axis(ctx))
    ax.set_xlabel(ctx.t("vc.chart.tco_axis"))
    ax.set_ylabel(ctx.t("vc.chart.score_axis"))
    if xs:
        x_span = max(xs) - min(xs) or max(abs(max(xs)) * 0.2, 1.0)
        y_span = max(ys) - min(ys) or 0.05
        ax.set_xlim(min(xs) - 0.08 * x_span, max(xs) + 0.25 * x_span)
        ax.set_ylim(min(ys) - 0.1 * y_span, max(ys) + 0.15 * y_span)
    labels = [
        (x, y, ", ".join(names) if by_rank else "\n".join(names))
        for (x, y), names in points.items()
    ]
    for (x, y, text), (dx, dy, ha, va) in zip(
        labels,
        _label_offsets(labels, ax.get_xlim(), ax.get_ylim(), (6.2 * 72, 3.2 * 72)),
        strict=True,
    ):
        ax.annotate(
            text,
            xy=(x, y),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=8.5,
            color=INK,
        )
    ax.grid(color=GRID, linewidth=0.5)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


_LABEL_PLACES = (
    (6, 3, "left", "bottom"),
    (6, -3, "left", "top"),
    (-6, 3, "right", "bottom"),
    (-6, -3, "right", "top"),
)
"""Where a point's label goes, in order of preference: (offset in points, alignment)."""


def _label_offsets(
    labels: Sequence[tuple[float, float, str]],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    size: tuple[float, float],
) -> list[tuple[int, int, str, str]]:
    """For each (x, y, text), the first of :data:`_LABEL_PLACES` whose box (estimated: 5 points
    a character of 8.5 points, 10.5 points a line, on axes of ``size`` points) overlaps no
    label placed before and no point; the first place when every one does."""
    width, height = size

    def to_points(x: float, y: float) -> tuple[float, float]:
        return (
            (x - xlim[0]) / ((xlim[1] - xlim[0]) or 1) * width,
            (y - ylim[0]) / ((ylim[1] - ylim[0]) or 1) * height,
        )

    dots = [to_points(x, y) for x, y, _ in labels]
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for (_, _, text), (px, py) in zip(labels, dots, strict=True):
        lines = text.split("\n")
        w, h = 5.0 * max(len(line) for line in lines), 10.5 * len(lines)
        choice = _LABEL_PLACES[0]
        for place in _LABEL_PLACES:
            dx, dy, ha, va = place
            left = px + dx - (w if ha == "right" else 0)
            bottom = py + dy - (h if va == "top" else 0)
            box = (left, bottom, left + w, bottom + h)
            if not any(_overlap(box, other) for other in placed) and not any(
                box[0] - 4 < qx < box[2] + 4 and box[1] - 4 < qy < box[3] + 4 for qx, qy in dots
            ):
                choice = place
                break
        dx, dy, ha, va = choice
        left = px + dx - (w if ha == "right" else 0)
        bottom = py + dy - (h if va == "top" else 0)
        placed.append((left, bottom, left + w, bottom + h))
        out.append(choice)
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- ROI -------------------------------------------------------------------------------------


def roi_waterfall(result: RoiResult, ctx: Context) -> Figure:
    """Present value of the benefits axis by axis, minus the costs, to the net gain (NPV): the
    model's present values (``pv_by_axis``, ``pv_costs``), so the last bar is the NPV."""
    steps = [
        (ctx.t(f"roi.axis.{axis.value}"), value)
        for axis, value in result.pv_by_axis.items()
        if abs(value) > 0.5
    ]
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
    ax.yaxis.set_major_formatter(_money_axis(ctx))
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
    fig = _figure(height=1.2 + 0.45 * max(len(bars), 1))
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
        ctx.t("roi.chart.tornado_bar", input=input_label(b.input, ctx), lever=b.lever) for b in bars
    ]
    ax.set_yticklabels([textwrap.fill(_shorten(label, 80), 40) for label in labels], fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))  # money ticks need room
    ax.xaxis.set_major_formatter(_money_axis(ctx))
    ax.set_xlabel(ctx.t("roi.chart.npv_x", currency=ctx.currency))
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def npv_distribution(risk: RoiMonteCarlo, ctx: Context, headline: float | None = None) -> Figure:
    """Histogram of the Monte Carlo NPVs with P10 / P50 / P90 marked, the headline NPV (on the
    same basis) and zero when it is within the draws' reach."""
    from matplotlib.lines import Line2D

    fig = _figure(height=3.2)
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
    ax.xaxis.set_major_formatter(_money_axis(ctx))
    ax.set_xlabel(ctx.t("roi.chart.npv_x", currency=ctx.currency))
    ax.set_ylabel(ctx.t("roi.chart.draws_y"))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(
        handles=handles, loc="outside lower center", ncols=len(handles), frameon=False, fontsize=8
    )
    return fig
