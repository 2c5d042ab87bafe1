"""The journey and plan charts: each builds for a tiny and a full-size input, in French and in
English, and shows what it should (every touchpoint id, the personas, the moments of truth
ringed, points that share coordinates apart, exactly the over-cap cells flagged)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import pathlib

import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle
from saved_workbooks import write_workbook_file

from crmwb.core.errors import InputError
from crmwb.core.i18n import Lang, t
from crmwb.deliver.views import Context
from crmwb.journey import charts as jc
from crmwb.journey import views as journey_views
from crmwb.journey.model import (
    Channel,
    Journey,
    Path,
    Perception,
    Persona,
    Stage,
    Touchpoint,
    emotion_curves,
    importance_performance,
)
from crmwb.journey.sheets import read_journey
from crmwb.plan import charts as plan_charts
from crmwb.plan.model import (
    Campaign,
    Conventions,
    PressureCap,
    Programme,
    RelationshipPlan,
    Scenario,
)
from crmwb.plan.pressure import PressureCalendar, PressureCell, marketing_pressure

LANGS: tuple[Lang, ...] = ("fr", "en")
STAGES = ("Discovery", "Consideration", "Purchase", "Delivery", "Use", "After-sales", "Loyalty")
CHANNELS = (
    "Web site",
    "Mobile app",
    "Store",
    "Call centre",
    "E-mail",
    "SMS",
    "Social ads",
    "Search engine",
)
PERCEPTIONS = tuple(Perception)


def small_journey() -> Journey:
    tps = (
        Touchpoint("T1", "Achat", "Site web", "", Perception.SATISFACTION, 1, 5, 4),
        Touchpoint("T2", "Livraison", "Magasin", "", Perception.FRICTION, -1, 2),
        Touchpoint("T3", "Achat", "Site web", "", Perception.DISAPPOINTMENT, -2, 3, 4),
    )
    return Journey(
        (Stage("Achat"), Stage("Livraison")),
        (Channel("Site web"), Channel("Magasin")),
        tps,
        personas=(Persona("Anne"),),
        paths=(Path("Anne", ("T1", "T3", "T2")),),
    )


def large_journey() -> Journey:
    """7 stages x 8 channels, 40 touchpoints, five of them in one cell, three personas."""
    cells = [("Purchase", "Web site")] * 5 + [("Consideration", "Web site")] * 4
    cells += list(itertools.islice(itertools.cycle(itertools.product(STAGES, CHANNELS)), 31))
    tps = tuple(
        Touchpoint(
            f"T{i:02d}",
            stage,
            channel,
            "",
            PERCEPTIONS[i % 3],
            i % 5 - 2,
            i % 5 + 1,
            None if i % 9 == 0 else (i * 7) % 5 + 1,
        )
        for i, (stage, channel) in enumerate(cells, start=1)
    )
    personas = (Persona("Sophie"), Persona("Marc"), Persona("Léa"))
    paths = (
        Path("Sophie", ("T10", "T06", "T01", "T02", "T20", "T33")),
        Path("Marc", ("T12", "T07", "T03", "T25")),
        Path("Léa", ("T40", "T06", "T05", "T38", "T39")),
    )
    return Journey(
        tuple(Stage(s) for s in STAGES),
        tuple(Channel(c) for c in CHANNELS),
        tps,
        personas=personas,
        paths=paths,
    )


JOURNEYS = {"small": small_journey, "large": large_journey}


def svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    return buffer.getvalue()


def markers(fig: Figure, prefix: str) -> dict[str, PathCollection]:
    """The touchpoint markers of ``fig`` whose gid starts with ``prefix``, by touchpoint id."""
    out = {}
    for artist in fig.axes[0].collections:
        gid = artist.get_gid()
        if isinstance(artist, PathCollection) and gid and gid.startswith(prefix):
            out[gid.removeprefix(prefix)] = artist
    return out


# --- journey grid ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", JOURNEYS)
def test_journey_grid_shows_every_touchpoint_stage_and_channel(size: str, lang: Lang) -> None:
    journey = JOURNEYS[size]()
    fig = jc.journey_grid(journey, Context("Client", lang), moments={"T1", "T01"})
    text = svg(fig)
    for name in (*journey.stage_names, *journey.channel_names):
        assert all(word in text for word in name.split())
    for tp in journey.touchpoints:
        assert f">{tp.id}<" in text
    for key in ("jc.perception.disappointment", "jc.legend.moment"):
        assert t(key, lang) in text
    assert set(markers(fig, "touchpoint-")) == {tp.id for tp in journey.touchpoints}
    width, height = fig.get_size_inches()
    assert width <= 10.5 and height <= 8


def test_moments_of_truth_are_ringed_and_the_others_are_not() -> None:
    journey = large_journey()
    fig = jc.journey_grid(journey, Context("Client", "en"), moments={"T03", "T17"})
    for id, marker in markers(fig, "touchpoint-").items():
        ringed = marker.get_linewidths()[0] > 2
        dark = max(marker.get_edgecolor()[0][:3]) < 0.2
        assert ringed == dark == (id in {"T03", "T17"}), id


def test_markers_stay_in_their_cell_and_never_overlap() -> None:
    journey = large_journey()
    layout = jc.grid_layout(journey)
    radius = 24 / 72 / 2  # the largest marker, in inches
    for tp in journey.touchpoints:
        x, y = layout.positions[tp.id]
        col = journey.stage_names.index(tp.stage)
        row = journey.channel_names.index(tp.channel)
        left = col * layout.column_width
        top = layout.row_tops[row]
        assert left + radius <= x <= left + layout.column_width - radius
        assert top + radius <= y <= top + layout.row_heights[row] - radius
    for a, b in itertools.combinations(layout.positions.values(), 2):
        assert math.dist(a, b) >= 2 * radius


# --- persona path ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", JOURNEYS)
def test_persona_path_draws_the_persona_on_the_same_grid(size: str, lang: Lang) -> None:
    journey = JOURNEYS[size]()
    ctx = Context("Client", lang)
    grid = markers(jc.journey_grid(journey, ctx), "touchpoint-")
    for path in journey.paths:
        fig = jc.persona_path(journey, path, ctx, moments={"T1", "T06"})
        text = svg(fig)
        assert t("jc.path.title", lang, persona=path.persona) in text
        for tp in journey.touchpoints:
            assert f">{tp.id}<" in text
        strong = markers(fig, "path-")
        assert set(strong) == set(path.touchpoints)
        for id, marker in strong.items():
            assert tuple(marker.get_offsets()[0]) == tuple(grid[id].get_offsets()[0])
        arrows = [p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)]
        assert len(arrows) == len(path.touchpoints) - 1
        steps = [str(n) for n in range(1, len(path.touchpoints) + 1)]
        assert steps == [a.get_text() for a in fig.axes[0].texts if a.get_text() in steps]


def test_a_path_through_an_unknown_touchpoint_is_an_input_error() -> None:
    with pytest.raises(InputError) as info:
        jc.persona_path(small_journey(), Path("Anne", ("T1", "T99")), Context("C", "fr"))
    assert "'T99'" in info.value.message("en")
    assert info.value.message("fr") == (
        "des points de contact de la cartographie sur le parcours de «\u202fAnne\u202f»"
        "\u202f; trouvé\u00a0: «\u202fT99\u202f»"
    )


# --- emotion curves --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_emotion_curves_one_line_per_persona_with_gaps(lang: Lang) -> None:
    curves: dict[str, list[float | None]] = {
        "Sophie": [1, 2, -1, None, 0, 1, 2],
        "Marc": [-2, -1, 0, 1, 1, None, None],
        "Léa": [0, 0, 1, 2, -1, -2, 1],
    }
    fig = jc.emotion_curves(STAGES, curves, Context("Client", lang))
    lines = [line for line in fig.axes[0].get_lines() if line.get_label() in curves]
    assert [line.get_label() for line in lines] == list(curves)
    assert math.isnan(lines[0].get_ydata()[3])  # type: ignore[index]
    text = svg(fig)
    for name in (*curves, *STAGES):
        assert name in text
    assert t("jc.emotion.axis", lang) in text
    small = jc.emotion_curves(["Achat", "Usage"], {"Anne": [None, 1]}, Context("C", lang))
    assert "Anne" in svg(small)


def test_emotion_curves_need_one_value_per_stage() -> None:
    with pytest.raises(InputError):
        jc.emotion_curves(["A", "B"], {"Anne": [1]}, Context("Client", "fr"))


# --- importance-performance ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", JOURNEYS)
def test_importance_performance_names_quadrants_and_points(size: str, lang: Lang) -> None:
    journey = JOURNEYS[size]()
    ip = importance_performance(journey)
    fig = jc.importance_performance(journey, ip, Context("Client", lang), {"T1", "T04"})
    text = svg(fig)
    for key in ("jc.ip.concentrate", "jc.ip.keep_up", "jc.ip.low_priority", "jc.ip.overkill"):
        assert t(key, lang) in text
    scored = {tp.id for tp in journey.touchpoints if tp.performance is not None}
    unscored = [tp.id for tp in journey.touchpoints if tp.performance is None]
    drawn = markers(fig, "touchpoint-")
    assert set(drawn) == scored
    for id in scored:
        assert f">{id}<" in text
    assert t("jc.ip.omitted", lang, ids=", ".join(unscored)) in text
    for id, marker in drawn.items():
        assert (marker.get_linewidths()[0] > 2) == (id in {"T1", "T04"})


def test_points_at_the_same_coordinates_do_not_hide_each_other() -> None:
    tps = (
        *(
            Touchpoint(id, "Achat", "Web", "", Perception.FRICTION, 0, 4, 2)
            for id in ("T03", "T07", "T09", "T11", "T12")
        ),
        Touchpoint("T05", "Achat", "Web", "", Perception.FRICTION, 0, 1, 5),
    )
    journey = Journey((Stage("Achat"),), (Channel("Web"),), tps)
    # the midpoint crosshair (3, 3) leaves both clusters clear of its lines
    ip = importance_performance(journey, "midpoint")
    fig = jc.importance_performance(journey, ip, Context("Client", "en"))
    offsets = {id: tuple(m.get_offsets()[0]) for id, m in markers(fig, "touchpoint-").items()}
    assert len(set(offsets.values())) == len(offsets) == 6
    assert offsets["T05"] == (5.0, 1.0)  # alone: at its coordinates
    cluster = [offsets[id] for id in ("T03", "T07", "T09", "T11", "T12")]
    for x, y in cluster:
        assert abs(x - 2) < 0.4 and abs(y - 4) < 0.4
    for a, b in itertools.combinations(cluster, 2):
        assert math.dist(a, b) > 0.2
    assert offsets == {
        id: tuple(m.get_offsets()[0])
        for id, m in markers(
            jc.importance_performance(journey, ip, Context("Client", "en")), "touchpoint-"
        ).items()
    }  # deterministic


# --- pressure calendar -----------------------------------------------------------------------

WEEKS = (dt.date(2027, 1, 4), dt.date(2027, 1, 11), dt.date(2027, 1, 18))
MONTH = dt.date(2027, 1, 1)


def small_calendar() -> PressureCalendar:
    """Two segments, three weeks: Fidèles over their cap of 2 in week 2 (3 > 2) but not in
    week 3 (exactly 2); Prospects have no cap."""
    weekly = {
        ("Fidèles", WEEKS[0]): PressureCell("Fidèles", WEEKS[0], 1, 0.5, 2),
        ("Fidèles", WEEKS[1]): PressureCell("Fidèles", WEEKS[1], 2, 1.0, 2),
        ("Fidèles", WEEKS[2]): PressureCell("Fidèles", WEEKS[2], 2, 0.0, 2),
        ("Prospects", WEEKS[0]): PressureCell("Prospects", WEEKS[0], 4, 0.0, None),
        ("Prospects", WEEKS[1]): PressureCell("Prospects", WEEKS[1], 0, 0.0, None),
        ("Prospects", WEEKS[2]): PressureCell("Prospects", WEEKS[2], 1, 0.3, None),
    }
    monthly = {
        ("Fidèles", MONTH): PressureCell("Fidèles", MONTH, 5, 1.5, 6),
        ("Prospects", MONTH): PressureCell("Prospects", MONTH, 5, 0.25, None),
    }
    return PressureCalendar(("Fidèles", "Prospects"), WEEKS, (MONTH,), weekly, monthly)


def large_calendar() -> PressureCalendar:
    """53 weeks x 4 segments, from the last Monday of 2026."""
    segments = ("Fidèles", "Occasionnels", "Inactifs", "Prospects")
    caps = {"Fidèles": (3, 10), "Occasionnels": (2, 6), "Inactifs": (1, 3), "Prospects": None}
    weeks = tuple(dt.date(2026, 12, 28) + dt.timedelta(weeks=i) for i in range(53))
    months = tuple(dt.date(2027, m, 1) for m in range(1, 13))
    weekly, monthly = {}, {}
    for k, segment in enumerate(segments):
        cap = caps[segment]
        for i, week in enumerate(weeks):
            campaigns = (i * (k + 3)) % 4
            weekly[segment, week] = PressureCell(
                segment, week, campaigns, 0.3 * k, cap[0] if cap else None
            )
        for month in months:
            cells = [weekly[segment, w] for w in weeks if (w.year, w.month) == (2027, month.month)]
            monthly[segment, month] = PressureCell(
                segment,
                month,
                sum(c.campaigns for c in cells),
                sum(c.scenarios for c in cells),
                cap[1] if cap else None,
            )
    return PressureCalendar(segments, weeks, months, weekly, monthly)


def flagged(fig: Figure) -> set[tuple[int, int]]:
    """(column, row) of every cell framed as over its cap."""
    return {
        (math.floor(p.get_x()), math.floor(p.get_y()))
        for p in fig.axes[0].patches
        if isinstance(p, Rectangle) and p.get_gid() == "over-cap"
    }


def expected(calendar: PressureCalendar, period: str) -> set[tuple[int, int]]:
    starts = calendar.weeks if period == "week" else calendar.months
    cells = calendar.weekly if period == "week" else calendar.monthly
    return {
        (i, j)
        for j, segment in enumerate(calendar.segments)
        for i, start in enumerate(starts)
        if cells[segment, start].cap is not None
        and cells[segment, start].total > (cells[segment, start].cap or 0)
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("period", ["week", "month"])
@pytest.mark.parametrize("calendar", [small_calendar, large_calendar])
def test_pressure_calendar_flags_exactly_the_cells_over_their_cap(
    calendar: object, period: str, lang: Lang
) -> None:
    cal = calendar()  # type: ignore[operator]
    fig = plan_charts.pressure_calendar(cal, Context("Client", lang), period)  # type: ignore[arg-type]
    assert flagged(fig) == expected(cal, period)
    text = svg(fig)
    for segment in cal.segments:
        assert segment in text
    assert t("jc.pressure.over_cap", lang) in text
    assert t("jc.pressure.no_cap", lang) in text
    assert t(f"jc.pressure.scale_{period}", lang) in text
    assert fig.get_size_inches()[0] <= 10.5


def test_the_small_calendar_flags_week_two_only_and_shows_values_and_caps() -> None:
    fig = plan_charts.pressure_calendar(small_calendar(), Context("Client", "fr"))
    assert flagged(fig) == {(1, 0)}  # 3 > 2; week 3 is at the cap, not over it
    texts = [a.get_text() for a in fig.axes[0].texts]
    assert "plafond\u00a0: 2/sem." in texts and "sans plafond" in texts
    assert {"1,5", "3,0", "4,0", "1,3"} <= set(texts)  # one decimal each, French commas
    months = plan_charts.pressure_calendar(small_calendar(), Context("Client", "en"), "month")
    assert flagged(months) == {(0, 0)}  # 6.5 > 6
    assert "cap 6/month" in [a.get_text() for a in months.axes[0].texts]


def test_weekly_columns_are_labelled_by_month() -> None:
    fig = plan_charts.pressure_calendar(large_calendar(), Context("Client", "fr"))
    labels = [label.get_text() for label in fig.axes[0].get_xticklabels()]
    # The week of Monday 28 December 2026 is too short a December to carry a label.
    assert labels[0] == "janv. 2027" and labels[1] == "févr." and len(labels) == 12
    en = plan_charts.pressure_calendar(large_calendar(), Context("Client", "en"))
    assert [label.get_text() for label in en.axes[0].get_xticklabels()][:2] == ["Jan 2027", "Feb"]


def test_each_month_label_stands_at_its_month_s_first_column() -> None:
    """Weekly columns: a month's label ticks the first week starting in that month (the
    calendar's short first December has none); monthly columns: the middle of its column."""
    calendar = large_calendar()
    weekly = plan_charts.pressure_calendar(calendar, Context("Client", "fr")).axes[0]
    months = [(w.year, w.month) for w in calendar.weeks]
    firsts = [i for i in range(1, len(months)) if months[i] != months[i - 1]]
    assert list(weekly.get_xticks()) == firsts  # 4 January 2027, 1 February, ...
    assert calendar.weeks[firsts[0]] == dt.date(2027, 1, 4)
    monthly = plan_charts.pressure_calendar(calendar, Context("Client", "fr"), "month").axes[0]
    assert list(monthly.get_xticks()) == [i + 0.5 for i in range(len(calendar.months))]
    assert monthly.get_xticklabels()[3].get_text() == "avr."


@pytest.mark.parametrize("period", ["week", "month"])
def test_each_over_cap_dot_lies_in_its_framed_cell(period: str) -> None:
    fig = plan_charts.pressure_calendar(large_calendar(), Context("Client", "fr"), period)  # type: ignore[arg-type]
    dots = {
        (math.floor(line.get_xdata()[0]), math.floor(line.get_ydata()[0]))
        for line in fig.axes[0].get_lines()
        if line.get_marker() == "o"
    }
    assert dots and dots == flagged(fig)


def test_every_chart_is_a_figure_with_lines_or_markers() -> None:
    journey = small_journey()
    ctx = Context("Client", "fr")
    figs = [
        jc.journey_grid(journey, ctx),
        jc.persona_path(journey, journey.paths[0], ctx),
        jc.emotion_curves(["Achat"], {"Anne": [1]}, ctx),
        jc.importance_performance(journey, importance_performance(journey), ctx),
        plan_charts.pressure_calendar(small_calendar(), ctx),
    ]
    for fig in figs:
        assert isinstance(fig, Figure)
        assert (
            fig.axes[0].collections
            or any(isinstance(a, Line2D) for a in fig.axes[0].get_lines())
            or fig.axes[0].patches
        )


# --- what each chart draws, read back from its artists and compared with the model ------------


def _label_positions(fig: Figure, names: tuple[str, ...]) -> dict[str, tuple[float, float]]:
    """Where the grid writes each of ``names`` (stage or channel names, wrapped on lines)."""
    found = {}
    for text in fig.axes[0].texts:
        name = " ".join(text.get_text().split())
        if name in names:
            found[name] = text.get_position()
    assert set(found) == set(names)
    return found


def test_the_grid_draws_each_touchpoint_in_its_cell_coloured_and_sized_by_the_model() -> None:
    journey = large_journey()
    fig = jc.journey_grid(journey, Context("Client", "en"))
    stages = _label_positions(fig, journey.stage_names)  # column centres (x)
    channels = _label_positions(fig, journey.channel_names)  # row centres (y)
    drawn = markers(fig, "touchpoint-")
    ids = {(t.get_text(), t.get_position()) for t in fig.axes[0].texts}
    for tp in journey.touchpoints:
        x, y = drawn[tp.id].get_offsets()[0]
        # the nearest column title is the touchpoint's stage, the nearest row title its channel
        assert min(stages, key=lambda s: abs(stages[s][0] - x)) == tp.stage, tp.id
        assert min(channels, key=lambda c: abs(channels[c][1] - y)) == tp.channel, tp.id
        face = drawn[tp.id].get_facecolor()[0]
        assert tuple(face[:3]) == pytest.approx(to_rgb(jc.PERCEPTION_COLOURS[tp.perception]))
        assert (tp.id, (x, y)) in ids  # its id written on it
    # the larger the importance, the larger the marker; equal importance, equal size
    for a, b in itertools.combinations(journey.touchpoints, 2):
        size_a, size_b = drawn[a.id].get_sizes()[0], drawn[b.id].get_sizes()[0]
        assert (size_a < size_b) == (a.importance < b.importance), (a.id, b.id)
        assert (size_a == size_b) == (a.importance == b.importance), (a.id, b.id)


def test_a_persona_path_arrows_each_step_to_the_next_and_numbers_them_in_order() -> None:
    journey = large_journey()
    ctx = Context("Client", "en")
    grid = {
        id: tuple(m.get_offsets()[0])
        for id, m in markers(jc.journey_grid(journey, ctx), "touchpoint-").items()
    }
    for path in journey.paths:
        fig = jc.persona_path(journey, path, ctx)
        arrows = [p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)]
        drawn = [tuple(map(tuple, a._posA_posB)) for a in arrows]  # type: ignore[attr-defined]
        steps = list(itertools.pairwise(path.touchpoints))
        assert drawn == [(grid[a], grid[b]) for a, b in steps if a != b]
        # step n's number sits on the marker of the path's n-th touchpoint
        for n, id in enumerate(path.touchpoints, start=1):
            (badge,) = [t for t in fig.axes[0].texts if str(n) in t.get_text().split(", ")]
            bx, by = badge.xy  # type: ignore[attr-defined]
            assert min(grid, key=lambda k: math.dist(grid[k], (bx, by))) == id, (path.persona, n)


def test_emotion_curves_draw_the_models_curves_at_their_stages() -> None:
    journey = large_journey()
    curves = emotion_curves(journey)  # the model: mean emotion per stage, None where no step
    fig = jc.emotion_curves(journey.stage_names, curves, Context("Client", "fr"))
    lines = {
        line.get_label(): line for line in fig.axes[0].get_lines() if line.get_label() in curves
    }
    assert list(lines) == list(curves)
    for persona, values in curves.items():
        xs, ys = lines[persona].get_xdata(), lines[persona].get_ydata()
        assert [round(float(x)) for x in xs] == list(range(len(journey.stage_names)))
        for value, y in zip(values, ys, strict=True):
            assert math.isnan(y) if value is None else y == pytest.approx(value), persona
    ticks = [" ".join(t.get_text().split()) for t in fig.axes[0].get_xticklabels()]
    assert ticks == list(journey.stage_names)
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == list(curves)


# A journey with one touchpoint in each quadrant, on a crosshair far from the middle of the
# scale, so that swapping its two coordinates would move two of them to other quadrants. By
# hand: importance 5, 5, 3, 3 (mean 4) and performance 1, 3, 1, 3 (mean 2); TU has no score.
QUADRANTS = {
    "TC": (5, 1, "concentrate_here"),
    "TK": (5, 3, "keep_up_the_good_work"),
    "TL": (3, 1, "low_priority"),
    "TO": (3, 3, "possible_overkill"),
}


def quadrant_journey() -> Journey:
    tps = tuple(
        Touchpoint(id, "Achat", "Web", f"Point {id}", PERCEPTIONS[i % 3], 0, imp, perf)
        for i, (id, (imp, perf, _)) in enumerate(QUADRANTS.items())
    )
    unrated = Touchpoint("TU", "Achat", "Web", "Point TU", Perception.FRICTION, 0, 4)
    return Journey((Stage("Achat"),), (Channel("Web"),), (*tps, unrated))


def crosshair(fig: Figure) -> tuple[float, float]:
    """(x of the vertical line, y of the horizontal line) as drawn."""
    lines = {line.get_gid(): line for line in fig.axes[0].get_lines()}
    x = lines["crosshair-performance"].get_xdata()
    y = lines["crosshair-importance"].get_ydata()
    assert x[0] == x[1] and y[0] == y[1]  # type: ignore[index]
    return float(x[0]), float(y[0])  # type: ignore[index]


def test_each_quadrant_holds_its_touchpoint_on_the_chart() -> None:
    journey = quadrant_journey()
    ip = importance_performance(journey)
    assert (ip.importance, ip.performance) == (4, 2)
    assert {p.id: p.quadrant.value for p in ip.points} == {
        id: q for id, (_, _, q) in QUADRANTS.items()
    }
    fig = jc.importance_performance(journey, ip, Context("Client", "fr"))
    vertical, horizontal = crosshair(fig)
    assert (vertical, horizontal) == (ip.performance, ip.importance)  # x: performance
    drawn = markers(fig, "touchpoint-")
    assert set(drawn) == set(QUADRANTS)
    for id, (importance, performance, quadrant) in QUADRANTS.items():
        x, y = drawn[id].get_offsets()[0]
        assert abs(x - performance) < 0.5 and abs(y - importance) < 0.5, id
        high_importance = quadrant in ("concentrate_here", "keep_up_the_good_work")
        high_performance = quadrant in ("keep_up_the_good_work", "possible_overkill")
        assert (y > horizontal) == high_importance, id
        assert (x > vertical) == high_performance, id
    # the tinted zone is "concentrate here": high importance, low performance; its corner
    # (top left) is named so
    (zone,) = [p for p in fig.axes[0].patches if p.get_gid() == "concentrate-here"]
    inside = [
        id
        for id, m in drawn.items()
        if zone.contains_point(fig.axes[0].transData.transform(m.get_offsets()[0]))
    ]
    assert inside == ["TC"]
    corner = {t.get_text(): t.get_position() for t in fig.axes[0].texts}
    assert corner[t("jc.ip.concentrate", "fr")] == (0.015, 0.985)
    assert corner[t("jc.ip.overkill", "fr")] == (0.985, 0.015)
    text = svg(fig)
    assert t("jc.ip.omitted", "fr", ids="TU") in text


def test_each_quadrant_holds_its_touchpoint_in_the_table_read_from_a_workbook(
    tmp_path: pathlib.Path,
) -> None:
    from crmwb.workbook.about import About
    from crmwb.workbook.reader import read_workbook

    path = tmp_path / "workbook.xlsx"
    about = About("Maison Dupont", "fr", "EUR", "Alex", dt.date(2026, 11, 23))
    write_workbook_file(path, "fr", about, journey=quadrant_journey())
    journey = read_journey(read_workbook(path))
    ctx = Context("Maison Dupont", "fr")
    report = journey_views.analyse(journey, ctx)
    table = journey_views.quadrants_table(report.ip, journey, ctx)
    labels = {q.value: journey_views.quadrant_label(q, ctx) for q in report.ip.quadrants.values()}
    assert {row[1]: row[0] for row in table.rows} == {
        id: labels[q] for id, (_, _, q) in QUADRANTS.items()
    }
    # the report's section: the chart with the crosshair where the note says, and only TC in
    # the "concentrate here" table under it
    section = journey_views.quadrants_section(report)
    (only,) = [p for p in section.parts if isinstance(p, journey_views.Table)]
    assert [row[0] for row in only.rows] == ["TC"]
    note = journey_views.crosshair_note(report.ip, ctx).paragraphs[0]
    assert "importance 4,00, performance 2,00" in note
    fig = jc.importance_performance(journey, report.ip, ctx)
    assert crosshair(fig) == (2.0, 4.0)


@pytest.mark.parametrize("method", ["mean", "midpoint"])
def test_a_cluster_next_to_or_on_a_line_is_drawn_wholly_on_its_own_side(method: str) -> None:
    # performance 3 five times and 4 once: mean performance 19 / 6 = 3.17, so the cluster at
    # performance 3 is low; at the midpoint (3), it sits on the line, which counts as high
    tps = [Touchpoint(f"T{i}", "Achat", "Web", "", Perception.FRICTION, 0, 4, 3) for i in range(5)]
    tps.append(Touchpoint("T9", "Achat", "Web", "", Perception.FRICTION, 0, 2, 4))
    journey = Journey((Stage("Achat"),), (Channel("Web"),), tuple(tps))
    ip = importance_performance(journey, method)  # type: ignore[arg-type]
    fig = jc.importance_performance(journey, ip, Context("Client", "en"))
    vertical, horizontal = crosshair(fig)
    radius = 17 / 2 / 72 / 6.2 * 5.4  # a marker's radius, in performance units
    for point in ip.points:
        x, y = markers(fig, "touchpoint-")[point.id].get_offsets()[0]
        high = point.quadrant.value in ("keep_up_the_good_work", "possible_overkill")
        # the whole marker on its side of the vertical line
        assert (x - radius > vertical) if high else (x + radius < vertical), point.id
        assert (y >= horizontal) == (point.importance >= ip.importance)


# --- the pressure calendar, from a plan's computed pressure ----------------------------------


def computed_calendar() -> PressureCalendar:
    """Four weeks of January 2027: the model computes each cell (campaigns counted per ISO
    week, scenarios at their monthly estimate x 12 / 52 a week)."""
    plan = RelationshipPlan(
        programmes=(Programme("Fidélité", ("Retenir",), "Rachat"),),
        scenarios=(Scenario("Anniversaire", "Fidélité", "Anniversaire", "E-mail", monthly_rate=1),),
        campaigns=(
            Campaign("Soldes", "Fidélité", dt.date(2027, 1, 5)),
            Campaign("Soldes J-2", "Fidélité", dt.date(2027, 1, 7), segment="Fidèles"),
            Campaign("Relance", "Fidélité", dt.date(2027, 1, 20), segment="Fidèles"),
            Campaign("Fin", "Fidélité", dt.date(2027, 1, 29)),
        ),
        conventions=Conventions(caps=(PressureCap("Fidèles", per_week=2, per_month=4),)),
    )
    return marketing_pressure(plan, ["Fidèles", "Prospects"])


@pytest.mark.parametrize("period", ["week", "month"])
def test_each_cell_shows_its_own_periods_total_in_its_place(period: str) -> None:
    cal = computed_calendar()
    fig = plan_charts.pressure_calendar(cal, Context("Client", "en"), period)  # type: ignore[arg-type]
    ax = fig.axes[0]
    starts = cal.weeks if period == "week" else cal.months
    cells = cal.weekly if period == "week" else cal.monthly
    shown = {}
    for text in ax.texts:
        x, y = text.get_position()
        if x > 0:  # the cells' numbers (the segments' names are left of the grid)
            shown[math.floor(x), math.floor(y)] = float(text.get_text())
    expected = {
        (i, j): round(cells[s, start].total, 1)
        for j, s in enumerate(cal.segments)
        for i, start in enumerate(starts)
        if cells[s, start].total > 0
    }
    assert shown == expected
    # darker for more: a cell's fill is never lighter than a cell with fewer messages
    fills = {
        (math.floor(p.get_x()), math.floor(p.get_y())): sum(to_rgb(p.get_facecolor()))
        for p in ax.patches
        if isinstance(p, Rectangle) and p.get_gid() is None and p.get_facecolor()[3] > 0
    }
    totals = {
        (i, j): cells[s, start].total
        for j, s in enumerate(cal.segments)
        for i, start in enumerate(starts)
    }
    assert set(fills) == set(totals)
    for a, b in itertools.combinations(totals, 2):
        if totals[a] < totals[b]:
            assert fills[a] > fills[b], (a, b)
    # each row is named after its segment, in the calendar's order
    names = sorted((t.get_position()[1], t.get_text()) for t in ax.texts if t.get_position()[0] < 0)
    assert [name for _, name in names if name in cal.segments] == list(cal.segments)
