"""The relationship plan's chart (DOMAIN.md §2): the marketing-pressure calendar, messages per
contact segment by segment and week or month, the cells over their cap flagged; in the house
style of :mod:`crmwb.deliver.charts`, every label in the client's language."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from typing import Literal

from matplotlib.artist import Artist
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.transforms import Transform

from crmwb.core import i18n
from crmwb.deliver.charts import ALERT, INK, MUTED
from crmwb.deliver.views import Context
from crmwb.journey.model import ALL_SEGMENTS
from crmwb.plan.pressure import PressureCalendar, PressureCell

PRESSURE_COLOURS = LinearSegmentedColormap.from_list(
    "crmwb_pressure", ["#F4F8FC", "#C6DBEF", "#6BAED6", "#2B6CB0", "#1F3864"]
)


def _number(value: float, ctx: Context) -> str:
    return i18n.number(value, ctx.lang, decimals=0 if float(value).is_integer() else 1)


def _tick(value: float, ctx: Context) -> str:
    """A tick of a colour scale as typed, with the locale's decimal sign: 0,25, 1, 1,5."""
    return i18n.decimal(round(value, 4) + 0.0, ctx.lang)


def _cap_text(cells: Sequence[PressureCell], period: str, ctx: Context) -> str:
    caps = sorted({c.cap for c in cells if c.cap is not None})
    if not caps:
        return ctx.t("jc.pressure.no_cap")
    text = _number(caps[0], ctx)
    if len(caps) > 1:
        text += f"–{_number(caps[-1], ctx)}"
    return ctx.t(f"jc.pressure.cap_{period}", cap=text)


def _period_labels(starts: Sequence[dt.date], period: str, ctx: Context) -> list[tuple[int, str]]:
    """(column, label): every month, at its first week for weekly columns, the year shown
    on the first label and on each January. A first month with too few weeks to hold its
    label is left unlabelled."""
    firsts = [
        i
        for i, start in enumerate(starts)
        if period == "month" or i == 0 or starts[i - 1].month != start.month
    ]
    if period == "week" and len(firsts) > 1 and firsts[1] - firsts[0] < 3:
        firsts = firsts[1:]
    out: list[tuple[int, str]] = []
    for i in firsts:
        start = starts[i]
        pattern = "MMM y" if not out or start.month == 1 else "MMM"
        out.append((i, i18n.date_pattern(start, pattern, ctx.lang)))
    return out


class _OverCapKey(Artist):
    """The legend's key for a cell over its cap: the cell's red frame and dot."""


class _OverCapKeyHandler(HandlerBase):
    def create_artists(
        self,
        legend: Legend,
        orig_handle: Artist,
        xdescent: float,
        ydescent: float,
        width: float,
        height: float,
        fontsize: float,
        trans: Transform,
    ) -> list[Artist]:
        side = height * 1.5
        x = -xdescent + (width - side) / 2
        y = -ydescent + (height - side) / 2
        frame = Rectangle((x, y), side, side, facecolor="#C6DBEF", edgecolor=ALERT, linewidth=1.6)
        frame.set_transform(trans)
        dot = Line2D(
            [x + side / 2],
            [y + side / 2],
            linestyle="",
            marker="o",
            markersize=3.5,
            color=ALERT,
            transform=trans,
        )
        return [frame, dot]


def pressure_totals(
    calendar: PressureCalendar, period: Literal["week", "month"] = "week"
) -> dict[str, list[float]]:
    """Segment by segment (in the calendar's order), the messages per contact of each week or
    month: the numbers :func:`pressure_calendar` shades and writes in its cells, and the
    relationship plan's monthly tables print."""
    starts = calendar.weeks if period == "week" else calendar.months
    cells = calendar.weekly if period == "week" else calendar.monthly
    return {s: [cells[s, start].total for start in starts] for s in calendar.segments}


def pressure_calendar(
    calendar: PressureCalendar, ctx: Context, period: Literal["week", "month"] = "week"
) -> Figure:
    """Messages per contact, segment by segment (rows) and week or month (columns), darker
    for more, the number written in the cell when it fits; a cell over its segment's cap
    framed in red with a red dot; each segment's cap under its name."""
    starts = calendar.weeks if period == "week" else calendar.months
    cells = calendar.weekly if period == "week" else calendar.monthly
    segments = calendar.segments
    names = [
        ctx.t("journey.all_segments")
        if s == ALL_SEGMENTS
        else textwrap.shorten(s, 24, placeholder="…")
        for s in segments
    ]
    caps = [_cap_text([cells[s, d] for d in starts], period, ctx) for s in segments]
    longest = max((len(x) for x in [*names, *caps]), default=6)
    left, right, top, bottom = max(1.0, 0.07 * longest + 0.25), 0.2, 0.2, 0.95
    n = max(len(starts), 1)
    column = min(0.6, (10.0 - left - right) / n)
    row = 0.42
    aw, ah = column * n, row * max(len(segments), 1)
    width, height = left + aw + right, top + ah + bottom
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((left / width, bottom / height, aw / width, ah / height))
    ax.set_xlim(0, n)
    ax.set_ylim(len(segments), 0)
    shown = [cells[s, d] for s in segments for d in starts]
    totals = pressure_totals(calendar, period)
    everything = [t for row in totals.values() for t in row]
    norm = Normalize(0, max([1.0, *everything, *(c.cap or 0 for c in shown)]))
    decimals = 0 if all(float(t).is_integer() for t in everything) else 1
    size = 7.0

    def value(total: float) -> str:
        return i18n.number(total, ctx.lang, decimals=decimals)

    widest = max((len(value(t)) for t in everything), default=1)
    show_values = widest * 0.6 * size <= column * 72 - 4
    for j, segment in enumerate(segments):
        for i, start in enumerate(starts):
            cell, total = cells[segment, start], totals[segment][i]
            shade = norm(total)
            ax.add_patch(
                Rectangle((i, j), 1, 1, facecolor=PRESSURE_COLOURS(shade), edgecolor="white", lw=1)
            )
            if show_values and total > 0:
                ax.text(
                    i + 0.5,
                    j + 0.54,
                    value(total),
                    ha="center",
                    va="center_baseline",
                    fontsize=size,
                    color="white" if shade > 0.6 else INK,
                )
            if cell.over_cap:
                inset = 0.07
                for colour, lw, gid in (("white", 3.2, None), (ALERT, 1.6, "over-cap")):
                    frame = Rectangle(
                        (i + inset, j + inset),
                        1 - 2 * inset,
                        1 - 2 * inset,
                        facecolor="none",
                        edgecolor=colour,
                        linewidth=lw,
                        zorder=3,
                    )
                    frame.set_gid(gid)
                    ax.add_patch(frame)
                dot = (i + 0.5, j + 0.5) if not show_values else (i + 0.84, j + 0.22)
                ax.plot(
                    [dot[0]],
                    [dot[1]],
                    linestyle="",
                    marker="o",
                    markersize=3.5 if not show_values else 3,
                    color=ALERT,
                    markeredgecolor="white",
                    markeredgewidth=0.5,
                    zorder=4,
                )
        x = -0.12 / column
        ax.text(x, j + 0.5, names[j], ha="right", va="bottom", fontsize=8.5, color=INK)
        ax.text(x, j + 0.54, caps[j], ha="right", va="top", fontsize=7.5, color=MUTED)
    labels = _period_labels(starts, period, ctx)
    if period == "week":
        ax.set_xticks([i for i, _ in labels])
        ax.set_xticklabels([label for _, label in labels], ha="left", fontsize=8)
        ax.tick_params(axis="x", length=4, color=MUTED, pad=2)
    else:
        ax.set_xticks([i + 0.5 for i, _ in labels])
        ax.set_xticklabels([label for _, label in labels], fontsize=8)
        ax.tick_params(axis="x", length=0)
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    # The colour scale and the over-cap key, side by side under the map.
    bar_width = min(3.2, max(aw * 0.45, 1.6))
    cax = fig.add_axes((left / width, 0.25 / height, bar_width / width, 0.11 / height))
    bar = fig.colorbar(ScalarMappable(norm, PRESSURE_COLOURS), cax=cax, orientation="horizontal")
    bar.outline.set_visible(False)
    bar.ax.tick_params(labelsize=7.5, length=2, color=MUTED)
    bar.ax.xaxis.set_major_formatter(lambda v, _pos: _tick(v, ctx))
    bar.set_label(ctx.t(f"jc.pressure.scale_{period}"), fontsize=8, color=INK, labelpad=3)
    bar.ax.xaxis.set_label_position("top")
    fig.legend(
        [_OverCapKey()],
        [ctx.t("jc.pressure.over_cap")],
        handler_map={_OverCapKey: _OverCapKeyHandler()},
        loc="center left",
        bbox_to_anchor=((left + bar_width + 0.4) / width, 0.31 / height),
        frameon=False,
        fontsize=8,
    )
    return fig
