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
:mod:`crmwb.journey_sheets`'s job, drawing them :mod:`crmwb.charts`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from crmwb.errors import InputError

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
        if not low <= self.importance <= high:
            raise InputError(
                f"an importance from {low} to {high} for touchpoint {self.id!r}",
                found=repr(self.importance),
            )
        if self.performance is not None and not low <= self.performance <= high:
            raise InputError(
                f"a performance from {low} to {high} for touchpoint {self.id!r}",
                found=repr(self.performance),
            )
        if not EMOTIONS[0] <= self.emotion <= EMOTIONS[1]:
            raise InputError(
                f"an emotion from {EMOTIONS[0]} to +{EMOTIONS[1]} for touchpoint {self.id!r}",
                found=repr(self.emotion),
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
        _unique("touchpoint id", [tp.id for tp in self.touchpoints])
        stages = set(self.stage_names)
        channels = set(self.channel_names)
        segments = {s.name for s in self.segments} | {ALL_SEGMENTS}
        for seg in self.segments:
            _known("channel", seg.channels, channels, f"segment {seg.name!r}")
            _known("stage", seg.stages, stages, f"segment {seg.name!r}")
        for tp in self.touchpoints:
            where = f"touchpoint {tp.id!r}"
            _known("stage", (tp.stage,), stages, where)
            _known("channel", (tp.channel,), channels, where)
            if self.segments:
                _known("segment", (tp.segment,), segments, where)
        personas = {p.name for p in self.personas}
        for persona in self.personas:
            if self.segments:
                _known("segment", (persona.segment,), segments, f"persona {persona.name!r}")
        ids = {tp.id for tp in self.touchpoints}
        for path in self.paths:
            _known("persona", (path.persona,), personas, "a path")
            _known("touchpoint", path.touchpoints, ids, f"the path of {path.persona!r}")
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


def _unique(what: str, names: Sequence[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise InputError(f"each {what} once", found=f"{name!r} twice")
        seen.add(name)


def _known(what: str, names: Sequence[str], known: set[str], where: str) -> None:
    for name in names:
        if name not in known:
            raise InputError(
                f"a known {what} for {where} (one of {', '.join(sorted(known)) or 'none'})",
                found=repr(name),
            )
