"""The project plan as a Gantt chart (DOMAIN.md §6), in the house style of
:mod:`crmwb.deliver.charts`.

One bar per phase in schedule order, coloured by batch, the critical path outlined in red, each
phase's slack as a dotted line after its bar, dependency arrows, the quarterly steering
committees (diamonds) and the fortnightly operational points (ticks) on two rows above the
phases, an optional "today" line, months on the x axis in the client's language.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from crmwb.core import i18n
from crmwb.deliver.charts import GRID, INK, PALETTE
from crmwb.deliver.views import Context
from crmwb.project.governance import DEFAULT_TOLERANCE, KpiTrack, is_behind
from crmwb.project.planning import Schedule, add_months, batch_label, phase_label

CRITICAL = "#C00000"
BEHIND = "#C00000"
"""A KPI behind its target: the same red as the critical path."""
MUTED = "#7F7F7F"
BATCH_COLOURS = (
    PALETTE[0],
    PALETTE[5],
    PALETTE[2],
    PALETTE[4],
    PALETTE[3],
    PALETTE[6],
    PALETTE[1],
)
"""Navy, mid blue, green, gold, purple, brown, orange: the critical red stays apart."""

_ROW = 0.34  # inches per row, at least (more when a phase name wraps on several lines)
_BAR = 0.56  # bar height, in rows
_LABEL_WIDTH = 30  # characters before a phase name wraps


def _month_ticks(start: dt.date, end: dt.date) -> list[dt.date]:
    first = dt.date(start.year, start.month, 1)
    if first < start:
        first = add_months(first, 1)
    ticks = []
    day = first
    while day <= end:
        ticks.append(day)
        day = add_months(day, 1)
    return ticks


def _month_label(day: dt.date, ctx: Context, with_year: bool) -> str:
    month = i18n.date_pattern(day, "MMM", ctx.lang)
    return f"{month}\n{day.year}" if with_year else month


def _short_date(day: dt.date, ctx: Context) -> str:
    """« 1er déc. », « 17 mars »: a day and its month, the pattern a message of each language
    (``planning.gantt.date``, ``.first`` for the 1st, which French writes « 1er »)."""
    key = "planning.gantt.date.first" if day.day == 1 else "planning.gantt.date"
    pattern = ctx.t(key) if ctx.lang != i18n.PSEUDO else i18n.t(key, i18n.SOURCE_LANG)
    return i18n.date_pattern(day, pattern, ctx.lang)


def gantt(
    schedule: Schedule,
    ctx: Context,
    *,
    today: dt.date | None = None,
    arrows: bool = True,
) -> Figure:
    """The schedule as a Gantt chart, A4-portrait wide (7.5 in), one row per phase.

    Bars run from a phase's start to its ``finish`` (the day after its last day), so a
    successor's bar starts exactly where its predecessor's ends. The text after each bar is
    its duration in days and its owner. ``today`` draws a dashed vertical line when it falls
    within the project; ``arrows`` draws the dependencies.
    """
    phases = schedule.phases
    rows = len(phases) + 2  # two milestone rows on top
    names = [textwrap.fill(phase_label(p.name, ctx.lang), _LABEL_WIDTH) for p in phases]
    lines = max((n.count("\n") + 1 for n in names), default=1)
    height = 1.25 + max(_ROW, 0.13 * lines + 0.1) * rows
    fig = Figure(figsize=(7.5, height), layout="constrained")
    ax = fig.add_subplot()

    span = max(schedule.duration_days, 1)

    def x_of(day: dt.date) -> float:
        # Days since the project start: the x axis counts days, its ticks are set by hand.
        return float((day - schedule.start).days)

    x0, x1 = x_of(schedule.start), x_of(schedule.end)
    ax.set_xlim(x0 - 0.02 * span, x1 + 0.13 * span)
    ax.set_ylim(rows - 0.4, -0.75)

    batches: list[str] = []
    for item in phases:
        if item.phase.batch not in batches:
            batches.append(item.phase.batch)
    colour = {b: BATCH_COLOURS[i % len(BATCH_COLOURS)] for i, b in enumerate(batches)}

    row_of = {item.name: i + 2 for i, item in enumerate(phases)}
    half = _BAR / 2
    for item in phases:
        y = row_of[item.name]
        bars = ax.barh(
            y,
            item.phase.duration_days,
            left=x_of(item.start),
            height=_BAR,
            color=colour[item.phase.batch],
            edgecolor=CRITICAL if item.critical else "none",
            linewidth=1.8 if item.critical else 0,
            zorder=3,
        )
        bars.patches[0].set_gid(f"phase-{item.name}")
        end_x = x_of(item.finish)
        if item.slack_days:
            slack_end = x_of(item.latest_finish)
            ax.plot(
                [end_x, slack_end],
                [y, y],
                color=MUTED,
                linestyle=(0, (1, 1.5)),
                linewidth=1.2,
                zorder=2,
                gid=f"slack-{item.name}",
            )
            ax.plot([slack_end], [y], marker="|", markersize=7, color=MUTED, zorder=2)
            end_x = slack_end
        note = ctx.t("planning.gantt.days", n=i18n.number(item.phase.duration_days, ctx.lang))
        if item.phase.owner:
            note += f" · {item.phase.owner}"
        ax.text(
            end_x + 0.008 * span,
            y,
            note,
            ha="left",
            va="center_baseline",
            fontsize=7.5,
            color=INK,
            zorder=4,
        )

    if arrows:
        for item in phases:
            for dep in item.phase.depends_on:
                before = schedule.phase(dep)
                ax.annotate(
                    "",
                    xy=(x_of(item.start), row_of[item.name] - half),
                    xytext=(x_of(before.finish), row_of[dep] + half),
                    arrowprops={
                        "arrowstyle": "-|>,head_length=0.35,head_width=0.18",
                        "color": MUTED,
                        "linewidth": 0.8,
                        "shrinkA": 0,
                        "shrinkB": 0,
                        "connectionstyle": "angle,angleA=0,angleB=90,rad=0",
                    },
                    zorder=2.5,
                )

    # The governance rows: steering committees (diamonds, dated) and operational points.
    copil = [x_of(d) for d in schedule.steering_committees]
    ax.plot(
        copil,
        [0] * len(copil),
        linestyle="",
        marker="D",
        markersize=6.5,
        color=PALETTE[0],
        markeredgecolor="white",
        markeredgewidth=0.6,
        zorder=4,
    )
    room = 0.1 * span  # about the width of "22 sept." at 7 pt on a 7.5 in chart
    for i, (day, x) in enumerate(zip(schedule.steering_committees, copil, strict=True)):
        # The date to the right of its diamond, or to the left when the next one is too close.
        right = i == len(copil) - 1 or copil[i + 1] - x >= room
        ax.text(
            x + (0.012 if right else -0.012) * span,
            0,
            _short_date(day, ctx),
            ha="left" if right else "right",
            va="center_baseline",
            fontsize=7,
            color=INK,
        )
    ops = [x_of(d) for d in schedule.operational_points]
    ax.plot(
        ops,
        [1] * len(ops),
        linestyle="",
        marker="|",
        markersize=7,
        markeredgewidth=1.3,
        color=MUTED,
        zorder=4,
    )
    ax.axhline(1.55, color=GRID, linewidth=0.8)

    if today is not None and schedule.start <= today <= schedule.end:
        ax.axvline(x_of(today), color=CRITICAL, linestyle="--", linewidth=1.1, zorder=5).set_gid(
            "today"
        )
        ax.text(
            x_of(today),
            -0.72,
            ctx.t("planning.gantt.today"),
            ha="center",
            va="bottom",
            fontsize=7.5,
            color=CRITICAL,
            fontweight="bold",
        )

    # Axes: months below, phase names on the left.
    ticks = _month_ticks(schedule.start, schedule.end)
    step = 1 if len(ticks) <= 13 else 2 if len(ticks) <= 25 else 3
    shown = ticks[::step]
    ax.set_xticks([x_of(d) for d in ticks], minor=True)
    ax.set_xticks([x_of(d) for d in shown])
    ax.set_xticklabels(
        [_month_label(d, ctx, i == 0 or d.month <= step) for i, d in enumerate(shown)],
        fontsize=8,
    )
    ax.tick_params(axis="x", which="both", length=3, color=GRID)
    ax.grid(axis="x", which="both", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    labels = [ctx.t("planning.gantt.copil_row"), ctx.t("planning.gantt.ops_row")]
    labels += names
    ax.set_yticks(range(rows))
    ax.set_yticklabels(labels, fontsize=8.5)
    for tick in ax.get_yticklabels()[:2]:
        tick.set_color(MUTED)
        tick.set_fontstyle("italic")
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)

    handles: list[Artist] = [
        Patch(facecolor=colour[b], label=batch_label(b, ctx.lang)) for b in batches
    ]
    handles.append(
        Patch(
            facecolor="white",
            edgecolor=CRITICAL,
            linewidth=1.8,
            label=ctx.t("planning.gantt.critical"),
        )
    )
    if any(p.slack_days for p in phases):
        handles.append(
            Line2D(
                [],
                [],
                color=MUTED,
                linestyle=(0, (1, 1.5)),
                linewidth=1.2,
                label=ctx.t("planning.gantt.slack"),
            )
        )
    handles.append(
        Line2D(
            [],
            [],
            linestyle="",
            marker="D",
            markersize=6,
            color=PALETTE[0],
            label=ctx.t("planning.gantt.copil"),
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            linestyle="",
            marker="|",
            markersize=7,
            markeredgewidth=1.3,
            color=MUTED,
            label=ctx.t("planning.gantt.ops"),
        )
    )
    if today is not None and schedule.start <= today <= schedule.end:
        handles.append(
            Line2D([], [], color=CRITICAL, linestyle="--", label=ctx.t("planning.gantt.today"))
        )
    fig.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False, fontsize=8)
    return fig


def kpi_months(
    track: KpiTrack, as_of: dt.date
) -> tuple[list[dt.date], list[float], list[float | None]]:
    """A KPI's months with a target (in order), its target and its actual in each (None: none
    typed, or after ``as_of``): the line and the bars of its :func:`kpi_tracking` panel."""
    months = sorted(track.targets)
    actuals = [None if m > as_of else track.actuals.get(m) for m in months]
    return months, [track.targets[m] for m in months], actuals


def kpi_title(track: KpiTrack) -> str:
    """« Welcome — First-purchase rate at 60 days »: a KPI's panel title, whole."""
    return f"{track.programme} — {track.kpi}"


def kpi_month_labels(months: Sequence[dt.date], ctx: Context) -> list[str]:
    """A KPI panel's months as its axis writes them (« sept. 2026 », « oct. »), on one line."""
    return [
        _month_label(m, ctx, i == 0 or m.month == 1).replace("\n", " ")
        for i, m in enumerate(months)
    ]


def kpi_tracking(
    tracks: Sequence[KpiTrack],
    ctx: Context,
    as_of: dt.date,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Figure:
    """Planned vs actual, one small panel per KPI that has targets (in the order given): the
    monthly targets as a dashed line, the actuals up to ``as_of`` as bars at their month, red
    where the KPI is behind its target by more than ``tolerance`` (the steering committee's
    rule, :func:`crmwb.project.governance.is_behind`, lower-is-better KPIs included)."""
    shown = [t for t in tracks if t.targets]
    columns = 2 if len(shown) > 1 else 1
    rows = max(1, -(-len(shown) // columns))
    fig = Figure(figsize=(7.5, 2.1 * rows + 0.3), layout="constrained")
    for index, track in enumerate(shown):
        ax = fig.add_subplot(rows, columns, index + 1)
        months, targets, actuals = kpi_months(track, as_of)
        xs = range(len(months))
        ax.plot(
            xs,
            targets,
            color=INK,
            linestyle="--",
            linewidth=1.2,
            label=ctx.t("governance.col.target"),
            gid="target",
        )
        for x, month, actual in zip(xs, months, actuals, strict=True):
            if actual is None:
                continue
            behind = is_behind(track.targets[month], actual, track.direction, tolerance)
            bar = ax.bar(x, actual, width=0.6, color=BEHIND if behind else PALETTE[0])
            bar.patches[0].set_gid(f"actual-{month.isoformat()}")
        ax.set_xticks(list(xs))
        ax.set_xticklabels(
            [_month_label(m, ctx, i == 0 or m.month == 1) for i, m in enumerate(months)],
            fontsize=7,
        )
        ax.set_title(textwrap.shorten(kpi_title(track), 60, placeholder="…"), fontsize=8.5)
        # The values as typed (2,5, 7,5, 10), in the client's locale.
        ax.yaxis.set_major_formatter(
            FuncFormatter(lambda v, _pos: i18n.decimal(round(v, 6) + 0.0, ctx.lang))
        )
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", labelsize=7)
    handles = [
        Line2D([], [], color=INK, linestyle="--", label=ctx.t("governance.col.target")),
        Patch(color=PALETTE[0], label=ctx.t("governance.col.actual")),
        Patch(
            color=BEHIND,
            label=ctx.t("governance.chart.behind", tolerance=ctx.percent(tolerance)),
        ),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=3, frameon=False, fontsize=8)
    return fig
