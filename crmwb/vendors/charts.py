"""The vendor comparison's charts: the weighted scores by criterion group, the shortlist's
radar, the use cases' coverage matrix, the weights' sensitivity, the vendors' TCO with its
P10-P90 band and the value map (score against TCO); every vendor named the same way in all of
them (:func:`vendor_label`)."""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from crmwb.core import i18n
from crmwb.deliver.charts import GRID, INK, PALETTE, money_axis, new_figure, shorten, stacked_bars
from crmwb.deliver.views import Context
from crmwb.vendors.comparison import VendorComparison
from crmwb.vendors.costs import VendorStudy
from crmwb.vendors.model import Coverage, CoverageSheet
from crmwb.vendors.ranking import WeightedSumResult
from crmwb.vendors.tco_risk import MonteCarloResult as PricingMonteCarlo

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
        return f"{first}\n{shorten(rest, width)}"
    return f"{first}\n… {' '.join(tail)}"


def weighted_scores(ranking: WeightedSumResult, ctx: Context) -> Figure:
    """One horizontal bar per vendor (best on top), stacked by criterion group: how each group
    contributes to the weighted score."""
    vendors, segments = score_segments(ranking)
    many = len(vendors) > MANY_VENDORS
    pitch = 0.3 if many else 0.45  # inches per bar: two lines of 7.5 pt fit in 0.3
    fig, ax, _ = stacked_bars(
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


def score_segments(
    ranking: WeightedSumResult,
) -> tuple[list[str], list[tuple[str, list[float]]]]:
    """The vendors in ranking order and the criterion groups, each with every vendor's
    contribution to its weighted score: the bars and segments :func:`weighted_scores` stacks."""
    vendors = list(ranking.ranking)
    groups = list(dict.fromkeys(g for v in ranking.vendors for g in v.group_contributions))
    segments = [
        (g, [ranking.vendor(v).group_contributions.get(g, 0.0) for v in vendors]) for g in groups
    ]
    return vendors, segments


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
    fig = new_figure(width=width, height=1.5 + 0.34 * len(use_cases))
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
        wrapped = [*wrapped[: lines - 1], shorten(" ".join(wrapped[lines - 1 :]), width)]
    return "\n".join(wrapped) or text


def weight_sensitivity(comparison: VendorComparison, ctx: Context) -> Figure:
    """For each criterion (the most sensitive on top), its current weight (dot) and the
    nearest weight that changes the winner (arrow head, labelled with the new winner);
    criteria whose weight never changes the winner say so in grey."""
    items = sorted(
        comparison.sensitivity,
        key=lambda s: abs(s.nearest.change) if s.nearest is not None else 2.0,
    )
    fig = new_figure(height=1.2 + 0.38 * len(items))
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
    ax.set_yticklabels([shorten(s.criterion, 34) for s in items], fontsize=8)
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
    fig = new_figure(height=4.2)
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
    ax.yaxis.set_major_formatter(money_axis(ctx))
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
    fig = new_figure(height=4.2)
    ax = fig.add_subplot()
    vendors, xs, ys = value_points(ranking, totals)
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
    ax.xaxis.set_major_formatter(money_axis(ctx))
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


def value_points(
    ranking: WeightedSumResult, totals: Mapping[str, float]
) -> tuple[list[str], list[float], list[float]]:
    """The ranked vendors with a TCO (in ranking order), their TCO and their weighted score:
    the points of :func:`value_map`."""
    vendors = [v for v in ranking.ranking if v in totals]
    return vendors, [totals[v] for v in vendors], [ranking.vendor(v).score for v in vendors]


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
