"""The relationship-marketing plan: programmes, scenarios, campaigns and the internal
conventions (DOMAIN.md §2, seeds 000 and 001).

A plan is a set of **programmes** (welcome, reactivation, loyalty ...), each with at most two
objectives, one main business KPI and a target segment, animated by two kinds of actions:
**scenarios** (automated, triggered by a behaviour or an event, with a delay and a frequency
cap) and **campaigns** (one-off sends on a date). The **conventions** say what "active" and
"inactive" mean, cap the marketing pressure per segment per week and per month, set the opt-in
rule per channel and the sender address and IP per communication family.

This module is pure: the objects below and the overview of the programmes. Telling business
KPIs from the others is :mod:`crmwb.plan.kpis`'s job, the marketing pressure per segment per
week and per month :mod:`crmwb.plan.pressure`'s, the plan checks (programmes with more than two
objectives or no KPI, KPIs that are not business KPIs, moments of truth no action addresses,
the pressure against the caps, convention gaps) :mod:`crmwb.plan.checks`'s. Reading them from
the workbook is :mod:`crmwb.journey.sheets`'s job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from crmwb.core.errors import InputError, Number, Quoted, msg
from crmwb.journey.model import ALL_SEGMENTS
from crmwb.plan.kpis import KpiKind, assess_kpi

MAX_OBJECTIVES = 2
"""Seed 000: "no more than two objectives per relationship programme"."""


class OptIn(StrEnum):
    """The consent a channel requires before a commercial message (GDPR / RGPD, CNIL)."""

    OPT_IN = "opt-in"  # prior, explicit consent
    SOFT_OPT_IN = "soft opt-in"  # existing customers, similar products, easy opt-out
    OPT_OUT = "opt-out"  # allowed until the person objects (postal mail, B2B e-mail)


class Family(StrEnum):
    """Communication families, each with its sender address and IP (seed 000)."""

    TRANSACTIONAL = "transactional"
    CAMPAIGNS = "campaigns"
    SCENARIOS = "scenarios"


@dataclass(frozen=True)
class Programme:
    """A relationship programme. ``objectives`` may hold more than two: the plan checks report
    it (a finding, not an error). ``touchpoints`` are the ids of the journey's touchpoints the
    programme addresses (its moments of truth)."""

    name: str
    objectives: tuple[str, ...] = ()
    kpi: str = ""
    segment: str = ALL_SEGMENTS
    touchpoints: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Scenario:
    """An automated action of a programme: a trigger (an event or a behaviour), a channel, a
    delay after the trigger, and a frequency cap: at most one message per contact every
    ``cap_days`` days (None: no cap). ``monthly_rate`` is the consultant's estimate of the
    messages a contact of the target segment receives from it in a month, before the cap (a
    birthday e-mail: 1/12); None leaves the scenario out of the pressure computation (and the
    checks say so). ``segment`` None means the programme's segment."""

    name: str
    programme: str
    trigger: str
    channel: str
    delay_days: float = 0
    cap_days: float | None = None
    monthly_rate: float | None = None
    segment: str | None = None
    touchpoints: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        name = Quoted(self.name)
        if self.delay_days < 0:
            raise InputError(msg("plan.err.delay", name=name), found=Number(float(self.delay_days)))
        if self.cap_days is not None and self.cap_days <= 0:
            raise InputError(msg("plan.err.cap", name=name), found=Number(float(self.cap_days)))
        if self.monthly_rate is not None and self.monthly_rate < 0:
            raise InputError(
                msg("plan.err.monthly_rate", name=name), found=Number(float(self.monthly_rate))
            )


@dataclass(frozen=True)
class Campaign:
    """A one-off send: one message to every contact of ``segment`` on ``date``."""

    name: str
    programme: str
    date: dt.date
    segment: str = ALL_SEGMENTS
    channel: str = ""
    touchpoints: tuple[str, ...] = ()


@dataclass(frozen=True)
class PressureCap:
    """At most ``per_week`` and ``per_month`` messages to a contact of ``segment`` (None: no
    cap on that period). A cap on :data:`ALL_SEGMENTS` applies to every segment without its
    own."""

    segment: str
    per_week: float | None = None
    per_month: float | None = None


@dataclass(frozen=True)
class OptInRule:
    """The consent rule of a channel."""

    channel: str
    rule: OptIn
    notes: str = ""


@dataclass(frozen=True)
class Sender:
    """The sender address and sending IP (or IP pool) of a communication family."""

    family: Family
    address: str
    ip: str = ""


@dataclass(frozen=True)
class Conventions:
    """The internal conventions: a client is **active** when it bought in the last
    ``active_months`` months, **inactive** after ``inactive_months`` months without a purchase
    (between the two: "at risk"); pressure caps; opt-in rules; senders."""

    active_months: int | None = None
    inactive_months: int | None = None
    caps: tuple[PressureCap, ...] = ()
    opt_in: tuple[OptInRule, ...] = ()
    senders: tuple[Sender, ...] = ()

    def cap_for(self, segment: str) -> PressureCap | None:
        """The pressure cap of ``segment``: its own, else the cap on :data:`ALL_SEGMENTS`, else
        None (the first one when several are given)."""
        own = next((c for c in self.caps if c.segment == segment), None)
        return own or next((c for c in self.caps if c.segment == ALL_SEGMENTS), None)


@dataclass(frozen=True)
class RelationshipPlan:
    """The plan: programmes and their actions, and the conventions."""

    programmes: tuple[Programme, ...]
    scenarios: tuple[Scenario, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    conventions: Conventions = Conventions()

    def __post_init__(self) -> None:
        names = [p.name for p in self.programmes]
        if len(set(names)) != len(names):
            twice = next(n for n in names if names.count(n) > 1)
            raise InputError(
                msg("journey.err.once", what=msg("journey.err.what.programme")),
                found=msg("journey.err.found.twice", name=Quoted(twice)),
            )
        known = set(names)
        actions: list[Scenario | Campaign] = [*self.scenarios, *self.campaigns]
        for action in actions:
            if action.programme not in known:
                raise InputError(
                    msg(
                        "plan.err.known_programme",
                        action=Quoted(action.name),
                        names=tuple(Quoted(name) for name in names),
                    ),
                    found=Quoted(action.programme),
                )

    def programme(self, name: str) -> Programme:
        """The programme ``name`` (KeyError if there is none)."""
        for programme in self.programmes:
            if programme.name == name:
                return programme
        raise KeyError(name)

    def segment_of(self, scenario: Scenario) -> str:
        """The segment a scenario targets: its own, or its programme's."""
        return scenario.segment or self.programme(scenario.programme).segment


# --- programme summary ------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeSummary:
    """One line of the plan's overview: what a programme does, on which channels, for which
    touchpoints, and what kind of KPI follows it."""

    name: str
    segment: str
    objectives: int
    scenarios: int
    campaigns: int
    channels: tuple[str, ...]
    touchpoints: tuple[str, ...]
    kpi: str
    kpi_kind: KpiKind


def programme_summary(plan: RelationshipPlan) -> tuple[ProgrammeSummary, ...]:
    """Per programme, in plan order: its number of objectives, scenarios and campaigns, the
    channels they use (scenarios first, then campaigns, each once), the touchpoints it
    addresses (its own, its scenarios', its campaigns', each once) and its KPI's kind."""
    summaries: list[ProgrammeSummary] = []
    for programme in plan.programmes:
        scenarios = [s for s in plan.scenarios if s.programme == programme.name]
        campaigns = [c for c in plan.campaigns if c.programme == programme.name]
        actions: list[Scenario | Campaign] = [*scenarios, *campaigns]
        summaries.append(
            ProgrammeSummary(
                name=programme.name,
                segment=programme.segment,
                objectives=len(programme.objectives),
                scenarios=len(scenarios),
                campaigns=len(campaigns),
                channels=unique_in_order([a.channel.strip() for a in actions if a.channel.strip()]),
                touchpoints=unique_in_order(
                    [*programme.touchpoints, *(tp for a in actions for tp in a.touchpoints)]
                ),
                kpi=programme.kpi,
                kpi_kind=assess_kpi(programme.kpi).kind,
            )
        )
    return tuple(summaries)


def unique_in_order(names: Sequence[str]) -> tuple[str, ...]:
    """The names in the order they first come, each once."""
    return tuple(dict.fromkeys(names))
