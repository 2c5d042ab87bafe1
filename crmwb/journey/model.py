"""The customer journey: stages x channels, touchpoints, personas and their paths (DOMAIN.md §1).

A journey map is a grid, **stages** as columns (discovery ... loyalty) and **channels** as rows
(web site, store, call centre ...). A stage x channel crossing holds **touchpoints**, each
qualified by the segment it serves (a named segment or :data:`ALL_SEGMENTS`), the customer's
perception (satisfaction / friction / disappointment) with an emotion score from -2 to +2, its
importance in the whole experience (1-5) and how well the client performs it today (1-5), the
data it collects and where (its **collection point**, which feeds the data-flow audit) and who
owns it. **Personas** follow **paths**: ordered touchpoints, often across channels.

This module is pure: the objects below, and the analyses of the journey (the grid, the moments
of truth, importance-performance quadrants, path metrics, emotion curves, coverage gaps,
touchpoints with no collection point). Reading them from the workbook is
:mod:`crmwb.journey.sheets`'s job, drawing them :mod:`crmwb.journey.charts`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise
from types import MappingProxyType
from typing import Literal

from crmwb.core.errors import InputError, Msg, Quoted, msg

ALL_SEGMENTS = "all"
"""The segment of a touchpoint, scenario or campaign that serves every customer."""

SCALE = (1, 5)
"""Importance and performance are scored from 1 (low) to 5 (high)."""
EMOTIONS = (-2, 2)
"""The emotion score runs from -2 (very negative) to +2 (very positive)."""


class Perception(StrEnum):
    """How customers perceive a touchpoint (seed 001)."""

    SATISFACTION = "satisfaction"
    FRICTION = "friction"
    DISAPPOINTMENT = "disappointment"


# --- the journey -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """A column of the map, in journey order (the order of :attr:`Journey.stages`)."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class Channel:
    """A row of the map: a web site, a store, the call centre, e-mail ..."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class Segment:
    """A customer segment, with the channels it uses and the stages it goes through (empty:
    every channel, every stage). Coverage gaps are computed from them."""

    name: str
    description: str = ""
    channels: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Touchpoint:
    """One interaction at a stage on a channel. ``id`` is the consultant's short reference
    (e.g. "T07"), used by paths and by the relationship plan. ``performance`` may be unknown
    (None) before the client's satisfaction data is in."""

    id: str
    stage: str
    channel: str
    description: str
    perception: Perception
    emotion: int
    importance: int
    performance: int | None = None
    segment: str = ALL_SEGMENTS
    data_collected: str = ""
    collection_point: str = ""
    owner: str = ""

    def __post_init__(self) -> None:
        low, high = SCALE
        tp = Quoted(self.id)
        if not low <= self.importance <= high:
            raise InputError(
                msg("journey.err.importance", low=low, high=high, id=tp),
                found=str(self.importance),
            )
        if self.performance is not None and not low <= self.performance <= high:
            raise InputError(
                msg("journey.err.performance", low=low, high=high, id=tp),
                found=str(self.performance),
            )
        if not EMOTIONS[0] <= self.emotion <= EMOTIONS[1]:
            raise InputError(
                msg("journey.err.emotion", low=EMOTIONS[0], high=EMOTIONS[1], id=tp),
                found=str(self.emotion),
            )

    def serves(self, segment: str) -> bool:
        """Whether this touchpoint serves ``segment`` (its own, or every segment)."""
        return self.segment in (ALL_SEGMENTS, segment)


@dataclass(frozen=True)
class Persona:
    """A customer profile of a segment (or of every segment)."""

    name: str
    segment: str = ALL_SEGMENTS
    description: str = ""


@dataclass(frozen=True)
class Path:
    """A persona's path: touchpoint ids in the order the persona meets them."""

    persona: str
    touchpoints: tuple[str, ...]


@dataclass(frozen=True)
class Journey:
    """The whole map. Names are checked to refer to each other (a touchpoint on an unknown
    stage, a path through a touchpoint that does not exist ... raise :class:`InputError`); the
    sheet reader checks the same with the cell named, before building this object."""

    stages: tuple[Stage, ...]
    channels: tuple[Channel, ...]
    touchpoints: tuple[Touchpoint, ...] = ()
    segments: tuple[Segment, ...] = ()
    personas: tuple[Persona, ...] = ()
    paths: tuple[Path, ...] = ()
    _by_id: dict[str, Touchpoint] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _unique("stage", [s.name for s in self.stages])
        _unique("channel", [c.name for c in self.channels])
        _unique("segment", [s.name for s in self.segments])
        _unique("persona", [p.name for p in self.personas])
        _unique("touchpoint_id", [tp.id for tp in self.touchpoints])
        stages = set(self.stage_names)
        channels = set(self.channel_names)
        segments = {s.name for s in self.segments} | {ALL_SEGMENTS}
        for seg in self.segments:
            where = _where("segment", seg.name)
            _known("channel", seg.channels, channels, where)
            _known("stage", seg.stages, stages, where)
        for tp in self.touchpoints:
            where = _where("touchpoint", tp.id)
            _known("stage", (tp.stage,), stages, where)
            _known("channel", (tp.channel,), channels, where)
            if self.segments:
                _known("segment", (tp.segment,), segments, where)
        personas = {p.name for p in self.personas}
        for persona in self.personas:
            if self.segments:
                _known("segment", (persona.segment,), segments, _where("persona", persona.name))
        ids = {tp.id for tp in self.touchpoints}
        with_path: set[str] = set()
        for path in self.paths:
            _known("persona", (path.persona,), personas, msg("journey.err.where.a_path"))
            _known("touchpoint", path.touchpoints, ids, _where("path_of", path.persona))
            if path.persona in with_path:
                raise InputError(
                    msg("journey.err.one_path_each"),
                    found=msg("journey.err.found.twice", name=Quoted(path.persona)),
                )
            with_path.add(path.persona)
        object.__setattr__(self, "_by_id", {tp.id: tp for tp in self.touchpoints})

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    @property
    def channel_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.channels)

    def touchpoint(self, id: str) -> Touchpoint:
        """The touchpoint ``id`` (KeyError if there is none)."""
        return self._by_id[id]


def journey_counts(journey: Journey, *, paths: bool = False) -> Msg:
    """« 7 stages, 6 channels, 16 touchpoints and 2 personas » (and the paths), each noun
    agreeing with its number, as a message (written in the reader's language). No persona yet
    is left out (« 0 persona » reads as a slip; the summary says none is described)."""
    counts = [
        _count("stages", len(journey.stages)),
        _count("channels", len(journey.channels)),
        _count("touchpoints", len(journey.touchpoints)),
    ]
    if journey.personas:
        counts.append(_count("personas", len(journey.personas)))
    if paths and journey.paths:
        counts.append(_count("paths", len(journey.paths)))
    return msg("journey.list", first=tuple(counts[:-1]), last=counts[-1])


def _count(noun: str, number: int) -> Msg:
    """« 3 stages », « 1 stage »: ``journey.count.<noun>``, agreeing with ``number``."""
    return msg(f"journey.count.{noun}", count=number, number=number)


def _what(noun: str) -> Msg:
    """A noun of the journey's errors, without its article (``journey.err.what.<noun>``)."""
    return msg(f"journey.err.what.{noun}")


def _where(what: str, name: str) -> Msg:
    """What a name is checked for: « segment 'VIP' », « the path of 'Claire' »."""
    return msg(f"journey.err.where.{what}", name=Quoted(name))


def _unique(what: str, names: Sequence[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise InputError(
                msg("journey.err.once", what=_what(what)),
                found=msg("journey.err.found.twice", name=Quoted(name)),
            )
        seen.add(name)


def _known(what: str, names: Sequence[str], known: set[str], where: Msg) -> None:
    for name in names:
        if name not in known:
            expected = (
                msg("journey.err.known_for", what=_what(what), where=where, names=_quoted(known))
                if known
                else msg("journey.err.known_for_none", what=_what(what), where=where)
            )
            raise InputError(expected, found=Quoted(name))


def _quoted(names: Sequence[str] | set[str]) -> tuple[Quoted, ...]:
    """Names quoted the reader's way, in sorted order when given as a set (for an error)."""
    return tuple(Quoted(name) for name in (sorted(names) if isinstance(names, set) else names))


def _perception(perception: Perception) -> Msg:
    return msg(f"perception.{perception.value}")


# --- the grid and journey order ----------------------------------------------------------------


def journey_key(journey: Journey) -> Callable[[Touchpoint], tuple[int, int, int]]:
    """The sort key of journey order: by stage (the order of the stages), then by channel (the
    order of the channels), then in the order of the touchpoints sheet."""
    stage_at = {name: i for i, name in enumerate(journey.stage_names)}
    channel_at = {name: i for i, name in enumerate(journey.channel_names)}
    row_at = {tp.id: i for i, tp in enumerate(journey.touchpoints)}

    def key(tp: Touchpoint) -> tuple[int, int, int]:
        return stage_at[tp.stage], channel_at[tp.channel], row_at[tp.id]

    return key


def journey_order(journey: Journey) -> tuple[Touchpoint, ...]:
    """The touchpoints in journey order: stage order, then channel order, then sheet order."""
    return tuple(sorted(journey.touchpoints, key=journey_key(journey)))


@dataclass(frozen=True)
class JourneyGrid:
    """The map as a grid: stages as columns, channels as rows, each crossing holding its
    touchpoints in the order of the touchpoints sheet."""

    stages: tuple[str, ...]
    channels: tuple[str, ...]
    cells: Mapping[tuple[str, str], tuple[Touchpoint, ...]]
    """(stage, channel) -> touchpoints, for every crossing (empty ones included)."""

    def cell(self, stage: str, channel: str) -> tuple[Touchpoint, ...]:
        """The touchpoints at ``stage`` on ``channel``, in sheet order."""
        if stage not in self.stages:
            raise InputError(
                msg("journey.err.stage_of", names=_quoted(self.stages)), found=Quoted(stage)
            )
        if channel not in self.channels:
            raise InputError(
                msg("journey.err.channel_of", names=_quoted(self.channels)),
                found=Quoted(channel),
            )
        return self.cells[stage, channel]

    def count(self, stage: str, channel: str) -> int:
        """How many touchpoints sit at ``stage`` on ``channel``."""
        return len(self.cell(stage, channel))

    @property
    def stage_counts(self) -> dict[str, int]:
        """Touchpoints per stage (column totals), in stage order."""
        return {s: sum(len(self.cells[s, c]) for c in self.channels) for s in self.stages}

    @property
    def channel_counts(self) -> dict[str, int]:
        """Touchpoints per channel (row totals), in channel order."""
        return {c: sum(len(self.cells[s, c]) for s in self.stages) for c in self.channels}

    @property
    def total(self) -> int:
        return sum(len(tps) for tps in self.cells.values())

    @property
    def empty_cells(self) -> tuple[tuple[str, str], ...]:
        """The (stage, channel) crossings with no touchpoint, stage by stage."""
        return tuple((s, c) for s in self.stages for c in self.channels if not self.cells[s, c])


def grid(journey: Journey) -> JourneyGrid:
    """The stage x channel grid of ``journey``.

    >>> j = Journey((Stage("discovery"), Stage("purchase")), (Channel("web"), Channel("store")),
    ...     (Touchpoint("T1", "purchase", "store", "till", Perception.FRICTION, -1, 5),
    ...      Touchpoint("T2", "discovery", "web", "ad", Perception.SATISFACTION, 1, 2)))
    >>> g = grid(j)
    >>> [tp.id for tp in g.cell("purchase", "store")], g.stage_counts, g.empty_cells
    (['T1'], {'discovery': 1, 'purchase': 1}, (('discovery', 'store'), ('purchase', 'web')))
    """
    cells: dict[tuple[str, str], list[Touchpoint]] = {
        (s, c): [] for s in journey.stage_names for c in journey.channel_names
    }
    for tp in journey.touchpoints:
        cells[tp.stage, tp.channel].append(tp)
    return JourneyGrid(
        journey.stage_names,
        journey.channel_names,
        MappingProxyType({k: tuple(v) for k, v in cells.items()}),
    )


# --- moments of truth --------------------------------------------------------------------------

DEFAULT_WEIGHTS: Mapping[Perception, int] = MappingProxyType(
    {Perception.SATISFACTION: 0, Perception.FRICTION: 1, Perception.DISAPPOINTMENT: 2}
)
"""How much each perception calls for action: satisfaction 0, friction 1, disappointment 2."""


@dataclass(frozen=True)
class MomentRule:
    """The rule that picks and ranks the moments of truth.

    A moment of truth is a touchpoint whose importance is at least ``min_importance`` (the
    touchpoints that matter most). Its priority score is its importance times the weight of
    its perception (by default satisfaction 0, friction 1, disappointment 2): an important
    touchpoint that disappoints comes first.

    >>> MomentRule().score(Touchpoint("T1", "s", "c", "", Perception.DISAPPOINTMENT, -2, 5))
    10
    """

    min_importance: int = 4
    weights: Mapping[Perception, int] = field(default_factory=lambda: DEFAULT_WEIGHTS)

    def __post_init__(self) -> None:
        low, high = SCALE
        if not low <= self.min_importance <= high:
            raise InputError(
                msg("journey.err.min_importance", low=low, high=high),
                found=str(self.min_importance),
            )
        expected = msg("journey.err.weights", perceptions=tuple(_perception(p) for p in Perception))
        unknown = [Quoted(str(k)) for k in self.weights if k not in set(Perception)]
        if unknown:
            raise InputError(
                expected, found=msg("journey.err.found.unknown_perception", names=tuple(unknown))
            )
        missing = [_perception(p) for p in Perception if p not in self.weights]
        if missing:
            raise InputError(
                expected, found=msg("journey.err.found.no_weight", names=tuple(missing))
            )
        for perception in Perception:
            weight = self.weights[perception]
            if weight < 0:
                raise InputError(
                    msg("journey.err.weight_min", perception=_perception(perception)),
                    found=str(weight),
                )
        weights = {p: self.weights[p] for p in Perception}
        object.__setattr__(self, "weights", MappingProxyType(weights))

    def is_moment(self, tp: Touchpoint) -> bool:
        """Whether ``tp`` is a moment of truth: importance >= :attr:`min_importance`."""
        return tp.importance >= self.min_importance

    def score(self, tp: Touchpoint) -> int:
        """Priority score: importance x the weight of the touchpoint's perception."""
        return tp.importance * self.weights[tp.perception]


DEFAULT_RULE = MomentRule()
"""Moments of truth: importance >= 4; weights satisfaction 0, friction 1, disappointment 2."""


@dataclass(frozen=True)
class MomentOfTruth:
    """A ranked moment of truth. ``gap`` is importance - performance (None when the
    performance is unknown)."""

    rank: int
    touchpoint: Touchpoint
    score: int
    gap: int | None

    @property
    def to_fix(self) -> bool:
        """True when the score is above 0 (friction or disappointment by default); False for
        a moment that already satisfies: one "to keep up"."""
        return self.score > 0


def moments_of_truth(
    journey: Journey, rule: MomentRule = DEFAULT_RULE
) -> tuple[MomentOfTruth, ...]:
    """The moments of truth of ``journey``, most urgent first (rank 1).

    The rule: a moment of truth is a touchpoint with importance >= ``rule.min_importance``
    (4 by default). Its score is importance x the weight of its perception (satisfaction 0,
    friction 1, disappointment 2 by default). Ranked by score, highest first; on equal scores,
    the larger gap between importance and performance first (a touchpoint whose performance
    is unknown counts as a gap of 0: no evidence of a gap); then the lower emotion first; then
    journey order (stage, channel, sheet). Satisfied moments of truth (score 0) are kept, last:
    they are the ones "to keep up".
    """
    order = journey_key(journey)

    def gap(tp: Touchpoint) -> int | None:
        return None if tp.performance is None else tp.importance - tp.performance

    def key(tp: Touchpoint) -> tuple[int, int, int, tuple[int, int, int]]:
        return -rule.score(tp), -(gap(tp) or 0), tp.emotion, order(tp)

    ranked = sorted((tp for tp in journey.touchpoints if rule.is_moment(tp)), key=key)
    return tuple(
        MomentOfTruth(rank, tp, rule.score(tp), gap(tp)) for rank, tp in enumerate(ranked, 1)
    )


# --- importance-performance analysis -----------------------------------------------------------


class Quadrant(StrEnum):
    """The four quadrants of importance-performance analysis (Martilla & James, 1977)."""

    CONCENTRATE_HERE = "concentrate_here"
    """High importance, low performance: fix these first."""
    KEEP_UP_THE_GOOD_WORK = "keep_up_the_good_work"
    """High importance, high performance."""
    LOW_PRIORITY = "low_priority"
    """Low importance, low performance."""
    POSSIBLE_OVERKILL = "possible_overkill"
    """Low importance, high performance: effort that could go elsewhere."""


MIDPOINT = (SCALE[0] + SCALE[1]) / 2
"""The middle of the 1-5 scale: 3."""


def quadrant_of(importance: float, performance: float, crosshair: tuple[float, float]) -> Quadrant:
    """The quadrant of a point, ``crosshair`` being (importance, performance). A value equal to
    the crosshair counts as high.

    >>> quadrant_of(5, 2, (3, 3)).value, quadrant_of(3, 3, (3, 3)).value
    ('concentrate_here', 'keep_up_the_good_work')
    """
    high_importance = importance >= crosshair[0]
    high_performance = performance >= crosshair[1]
    if high_importance:
        return Quadrant.KEEP_UP_THE_GOOD_WORK if high_performance else Quadrant.CONCENTRATE_HERE
    return Quadrant.POSSIBLE_OVERKILL if high_performance else Quadrant.LOW_PRIORITY


@dataclass(frozen=True)
class IPPoint:
    """One touchpoint on the importance-performance chart (performance on x, importance on
    y)."""

    id: str
    performance: int
    importance: int
    quadrant: Quadrant


@dataclass(frozen=True)
class ImportancePerformance:
    """Importance-performance analysis of the touchpoints that have a performance."""

    method: Literal["mean", "midpoint"]
    importance: float
    """Where the crosshair cuts the importance axis."""
    performance: float
    """Where the crosshair cuts the performance axis."""
    points: tuple[IPPoint, ...]
    """The rated touchpoints, in journey order."""
    unrated: tuple[str, ...]
    """Ids of the touchpoints with no performance yet (not placed), in journey order."""

    @property
    def crosshair(self) -> tuple[float, float]:
        """(importance, performance) of the crosshair."""
        return self.importance, self.performance

    @property
    def quadrants(self) -> dict[str, Quadrant]:
        """Touchpoint id -> quadrant, for the rated touchpoints."""
        return {p.id: p.quadrant for p in self.points}

    def in_quadrant(self, quadrant: Quadrant) -> tuple[str, ...]:
        """Ids of the touchpoints in ``quadrant``, in journey order."""
        return tuple(p.id for p in self.points if p.quadrant is quadrant)


def importance_performance(
    journey: Journey, crosshair: Literal["mean", "midpoint"] = "mean"
) -> ImportancePerformance:
    """Places each touchpoint that has a performance in one of four quadrants (Martilla &
    James, 1977).

    The crosshair: with "mean", the mean importance and the mean performance of the touchpoints
    that have a performance; with "midpoint", 3 and 3 (the middle of the 1-5 scale). When no
    touchpoint has a performance yet, nothing is placed and the crosshair is the midpoint. A
    touchpoint exactly on the crosshair counts as high (importance and/or performance).
    Touchpoints without a performance are listed as unrated, not placed.
    """
    if crosshair not in ("mean", "midpoint"):
        raise InputError(msg("journey.err.crosshair"), found=Quoted(str(crosshair)))
    ordered = journey_order(journey)
    rated = [(tp, tp.performance) for tp in ordered if tp.performance is not None]
    if crosshair == "mean" and rated:
        cross = (
            sum(tp.importance for tp, _ in rated) / len(rated),
            sum(perf for _, perf in rated) / len(rated),
        )
    else:
        cross = (MIDPOINT, MIDPOINT)
    points = tuple(
        IPPoint(tp.id, perf, tp.importance, quadrant_of(tp.importance, perf, cross))
        for tp, perf in rated
    )
    unrated = tuple(tp.id for tp in ordered if tp.performance is None)
    return ImportancePerformance(crosshair, cross[0], cross[1], points, unrated)


# --- paths -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PathMetrics:
    """What a persona's path looks like. A path with no step has no mean emotion and no lowest
    point (None)."""

    persona: str
    steps: tuple[Touchpoint, ...]
    """The touchpoints, in the order the persona meets them."""
    channels: tuple[str, ...]
    """The distinct channels used, in the order first used."""
    channel_switches: int
    """How many times two consecutive steps are on different channels."""
    stages_reached: tuple[str, ...]
    """The stages the path goes through, in journey order."""
    backtracks: int
    """How many steps go back to an earlier stage than the step before."""
    mean_emotion: float | None
    """Mean emotion over the steps (a touchpoint met twice counts twice)."""
    lowest_point: Touchpoint | None
    """The step with the lowest emotion (the first one met on ties)."""
    skipped_stages: tuple[str, ...]
    """The stages of the journey the path never reaches, in journey order."""

    @property
    def omnichannel(self) -> bool:
        """True when the path uses two channels or more."""
        return len(self.channels) >= 2


def path_metrics(journey: Journey) -> tuple[PathMetrics, ...]:
    """One :class:`PathMetrics` per path, in the order of the paths.

    The rules: channels used are the distinct channels, in the order first used; a channel
    switch is two consecutive steps on different channels; a path is omnichannel when it uses
    two channels or more; a backtrack is a step at an earlier stage than the step before it;
    the mean emotion counts a touchpoint met twice twice; the lowest point is the step with
    the lowest emotion, the first one met on ties; the skipped stages are the stages of the
    journey the path never reaches.
    """
    stage_at = {name: i for i, name in enumerate(journey.stage_names)}
    result = []
    for path in journey.paths:
        steps = tuple(journey.touchpoint(i) for i in path.touchpoints)
        channels = tuple(dict.fromkeys(tp.channel for tp in steps))
        pairs = list(pairwise(steps))
        reached = {tp.stage for tp in steps}
        result.append(
            PathMetrics(
                persona=path.persona,
                steps=steps,
                channels=channels,
                channel_switches=sum(a.channel != b.channel for a, b in pairs),
                stages_reached=tuple(s for s in journey.stage_names if s in reached),
                backtracks=sum(stage_at[b.stage] < stage_at[a.stage] for a, b in pairs),
                mean_emotion=sum(tp.emotion for tp in steps) / len(steps) if steps else None,
                lowest_point=min(steps, key=lambda tp: tp.emotion) if steps else None,
                skipped_stages=tuple(s for s in journey.stage_names if s not in reached),
            )
        )
    return tuple(result)


def emotion_curves(journey: Journey) -> dict[str, tuple[float | None, ...]]:
    """Persona -> the emotion curve of their path: one value per stage of the journey (in
    journey order), the mean emotion of the path's steps at that stage, None where the path has
    no step at that stage. Only personas that have a path, in the order of the paths.
    """
    curves: dict[str, tuple[float | None, ...]] = {}
    for path in journey.paths:
        by_stage: dict[str, list[int]] = {}
        for id in path.touchpoints:
            tp = journey.touchpoint(id)
            by_stage.setdefault(tp.stage, []).append(tp.emotion)
        curves[path.persona] = tuple(
            sum(by_stage[s]) / len(by_stage[s]) if s in by_stage else None
            for s in journey.stage_names
        )
    return curves


# --- coverage and collection points ------------------------------------------------------------


@dataclass(frozen=True)
class CoverageGap:
    """A stage where a segment finds no touchpoint on any of the channels it uses."""

    segment: str
    stage: str
    channels: tuple[str, ...]
    """The channels looked at: the segment's, or every channel of the journey."""


def coverage_gaps(journey: Journey) -> tuple[CoverageGap, ...]:
    """The stages where a segment is left without a touchpoint.

    The rule: for each segment declared, at each stage it goes through (its stages, or every
    stage when it lists none), there is a gap when no touchpoint serving it (one of its own or
    one for all customers) sits at that stage on a channel it uses (its channels, or every
    channel when it lists none). When no segment is declared there is no gap to find. Gaps come
    segment by segment (in the order of the segments), stage by stage (journey order).
    """
    gaps = []
    for seg in journey.segments:
        stages = [s for s in journey.stage_names if not seg.stages or s in seg.stages]
        channels = tuple(c for c in journey.channel_names if not seg.channels or c in seg.channels)
        for stage in stages:
            if not any(
                tp.stage == stage and tp.channel in channels and tp.serves(seg.name)
                for tp in journey.touchpoints
            ):
                gaps.append(CoverageGap(seg.name, stage, channels))
    return tuple(gaps)


def missing_collection_points(
    journey: Journey, *, collecting_only: bool = False
) -> tuple[Touchpoint, ...]:
    """The touchpoints whose collection point is blank, in journey order: each one is a hole in
    the data-flow audit. With ``collecting_only``, only the worst case: touchpoints that say
    they collect data (data collected filled in) but not where.
    """
    return tuple(
        tp
        for tp in journey_order(journey)
        if not tp.collection_point.strip() and (not collecting_only or tp.data_collected.strip())
    )


def perception_by_stage(journey: Journey) -> dict[str, dict[Perception, int]]:
    """Stage -> how many touchpoints are perceived with satisfaction, friction,
    disappointment, every stage and every perception present (0 when none), in journey
    order."""
    counts = {s: dict.fromkeys(Perception, 0) for s in journey.stage_names}
    for tp in journey.touchpoints:
        counts[tp.stage][tp.perception] += 1
    return counts
