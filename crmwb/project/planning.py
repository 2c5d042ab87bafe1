"""The CRM project plan: phases, their schedule, the critical path and the governance rhythm
(DOMAIN.md §6, seeds 001 and 004). Pure: dates in, dates out, nothing drawn or written.

Conventions, chosen so that every date can be checked by hand:

* Durations are whole **calendar days** (no weekends or holidays taken out). :func:`weeks`
  and :func:`months` turn the seeds' "2 weeks" or "3.5 months" into days: a week is 7 days, a
  month is 365.25 / 12 = 30.4375 days, and a fraction of a day is rounded half up, so
  ``months(1.5) == 46`` (45.66), ``months(2) == 61`` (60.88), ``months(3.5) == 107`` (106.53).
* A phase occupies the days ``[start, finish)``: ``finish = start + duration`` is the first
  day *after* it (end exclusive); its last working day is :attr:`ScheduledPhase.last_day`.
  A phase starts on the latest ``finish`` of the phases it depends on (the day after their
  last day), or on the project start when it depends on none. The project ends on the latest
  ``finish`` (exclusive too), so ``end - start`` is the project's length in days.
* Slack = latest start - earliest start, in days, the latest dates coming from a backward pass
  from the project end. The critical path is every phase with zero slack, in schedule order
  (when two chains tie, both are on it).
* Governance (DOMAIN.md §6): a steering committee (CoPil) every 3 calendar months after the
  start (start + 3 months, + 6 months... the day of the month clamped to the month's end),
  strictly before the end, plus a closing one on the end date; an operational point every
  14 days after the start (start + 14, + 28...) strictly before the end. A kick-off is not a
  CoPil here, and an operational point that falls on a CoPil day is kept (both meet).

The default plan is seed 001's table of observed durations, with the dependencies its text
gives: the software choice and the data flows both start from the relationship plan ("à partir
du plan relationnel"), so they run side by side; the set-up waits for both ("une fois la
solution sélectionnée et les flux de données identifiés"); batch 1 follows the set-up and
batch 2 (follow-up and reminder actions) follows batch 1.

>>> plan = schedule(DEFAULT_PLAN, dt.date(2025, 1, 6))
>>> plan.end, plan.duration_days
(datetime.date(2025, 10, 22), 289)
>>> plan.critical_path
('relationship_plan', 'software_choice', 'software_setup', 'use_cases_batch_1',
 'use_cases_batch_2')
>>> plan.phase("data_flows").slack_days
61
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from crmwb.core.errors import InputError, Msg, Quoted, msg
from crmwb.core.i18n import LANGUAGES, Lang, has_message, t

DAYS_PER_WEEK = 7
DAYS_PER_MONTH = 365.25 / 12  # 30.4375
STEERING_EVERY_MONTHS = 3
OPERATIONAL_EVERY_DAYS = 14


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def weeks(count: float) -> int:
    """``count`` weeks in whole calendar days (7 per week, rounded half up): ``weeks(2) == 14``."""
    return _round_half_up(count * DAYS_PER_WEEK)


def months(count: float) -> int:
    """``count`` months in whole calendar days (30.4375 per month, rounded half up):
    ``months(1.5) == 46``, ``months(2) == 61``, ``months(3.5) == 107``."""
    return _round_half_up(count * DAYS_PER_MONTH)


def add_months(day: dt.date, count: int) -> dt.date:
    """``day`` moved ``count`` calendar months on, the day of the month clamped to the month's
    end: 31 January + 1 month = 28 (or 29) February."""
    index = day.year * 12 + day.month - 1 + count
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Phase:
    """One phase of the project: a name (unique in a plan), a duration in calendar days, the
    phases that must finish before it starts, the batch ("lot") it delivers and its owner."""

    name: str
    duration_days: int
    depends_on: tuple[str, ...] = ()
    batch: str = ""
    owner: str = ""

    def __post_init__(self) -> None:
        name = str(self.name).strip()
        if not name:
            raise InputError(msg("planning.err.phase_name"), found=msg("planning.err.found.empty"))
        object.__setattr__(self, "name", name)
        duration = self.duration_days
        if isinstance(duration, bool) or not isinstance(duration, int) or duration <= 0:
            raise InputError(
                msg("planning.err.duration", name=Quoted(name)),
                found=str(duration),
                hint=msg("planning.err.hint.weeks_months"),
            )
        deps = (self.depends_on,) if isinstance(self.depends_on, str) else self.depends_on
        object.__setattr__(self, "depends_on", tuple(str(d).strip() for d in deps))


@dataclass(frozen=True)
class ScheduledPhase:
    """A phase with its dates: it runs on ``[start, finish)``; ``latest_start`` is the latest
    day it can start without delaying the project end, ``slack_days`` the difference."""

    phase: Phase
    start: dt.date
    finish: dt.date
    latest_start: dt.date

    @property
    def name(self) -> str:
        return self.phase.name

    @property
    def last_day(self) -> dt.date:
        """The phase's last day (``finish`` is the day after it)."""
        return self.finish - dt.timedelta(days=1)

    @property
    def latest_finish(self) -> dt.date:
        return self.latest_start + dt.timedelta(days=self.phase.duration_days)

    @property
    def slack_days(self) -> int:
        return (self.latest_start - self.start).days

    @property
    def critical(self) -> bool:
        return self.slack_days == 0


@dataclass(frozen=True)
class Schedule:
    """A plan laid out from ``start``: phases in schedule (topological) order, the exclusive
    ``end``, the critical path and the governance milestones."""

    start: dt.date
    end: dt.date
    phases: tuple[ScheduledPhase, ...]
    critical_path: tuple[str, ...]
    steering_committees: tuple[dt.date, ...]
    operational_points: tuple[dt.date, ...]
    _by_name: dict[str, ScheduledPhase] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_name.update({p.name: p for p in self.phases})

    @property
    def duration_days(self) -> int:
        return (self.end - self.start).days

    @property
    def duration_months(self) -> float:
        """The length in months of 30.4375 days (for "6 to 8 months" comparisons)."""
        return self.duration_days / DAYS_PER_MONTH

    def phase(self, name: str) -> ScheduledPhase:
        try:
            return self._by_name[name]
        except KeyError:
            raise InputError(
                msg("planning.err.phase_of_plan"), found=Quoted(name), hint=_names(self._by_name)
            ) from None


def _names(names: Iterable[str]) -> Msg:
    return msg("planning.err.hint.phases", names=tuple(Quoted(name) for name in names))


def _order(phases: Sequence[Phase]) -> list[Phase]:
    """The phases in topological order, stable (among the phases ready to start, the one given
    first comes first). Raises InputError for a duplicate, an unknown dependency or a cycle."""
    by_name: dict[str, Phase] = {}
    for phase in phases:
        if phase.name in by_name:
            raise InputError(
                msg("planning.err.phase_once"),
                found=msg("planning.err.found.phase_twice", name=Quoted(phase.name)),
            )
        by_name[phase.name] = phase
    for phase in phases:
        for dep in phase.depends_on:
            if dep not in by_name:
                raise InputError(
                    msg("planning.err.dependencies", name=Quoted(phase.name)),
                    found=msg("planning.err.found.unknown_phase", name=Quoted(dep)),
                    hint=_names(by_name),
                )
    done: set[str] = set()
    ordered: list[Phase] = []
    while len(ordered) < len(phases):
        ready = [p for p in phases if p.name not in done and all(d in done for d in p.depends_on)]
        if not ready:
            cycle = dependency_cycle([p for p in phases if p.name not in done])
            raise InputError(
                msg("planning.err.no_cycle"),
                found=msg("planning.err.found.cycle", cycle=" -> ".join(cycle)),
                hint=msg("planning.err.hint.arrow"),
            )
        ordered.append(ready[0])
        done.add(ready[0].name)
    return ordered


def dependency_cycle(blocked: Sequence[Phase]) -> list[str]:
    """One cycle among phases that can never start, as names from predecessor to successor,
    the first name repeated at the end: ``["A", "B", "C", "A"]``."""
    by_name = {p.name: p for p in blocked}
    # Walk back from any blocked phase through a blocked dependency until a name repeats.
    walk = [blocked[0].name]
    while True:
        dep = next(d for d in by_name[walk[-1]].depends_on if d in by_name)
        if dep in walk:
            loop = [*walk[walk.index(dep) :], dep]
            break
        walk.append(dep)
    loop.reverse()  # from "depends on" order to "comes before" order
    # Start the loop at the phase given first in the plan, for a stable message.
    names = loop[:-1]
    first = min(range(len(names)), key=lambda i: [p.name for p in blocked].index(names[i]))
    names = names[first:] + names[:first]
    return [*names, names[0]]


def _every(start: dt.date, end: dt.date, step: int, unit: str) -> list[dt.date]:
    days: list[dt.date] = []
    k = 1
    while True:
        day = (
            add_months(start, step * k) if unit == "months" else start + dt.timedelta(days=step * k)
        )
        if day >= end:
            return days
        days.append(day)
        k += 1


def steering_committees(start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """Quarterly steering committees: start + 3, + 6... months strictly before ``end``, then
    the closing one on ``end``."""
    return (*_every(start, end, STEERING_EVERY_MONTHS, "months"), end)


def operational_points(start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """Operational points every 14 days: start + 14, + 28... strictly before ``end``."""
    return tuple(_every(start, end, OPERATIONAL_EVERY_DAYS, "days"))


def schedule(phases: Sequence[Phase], start: dt.date) -> Schedule:
    """Earliest dates of every phase from ``start``, the project end, each phase's slack and the
    critical path, and the CoPil and operational-point dates (conventions in the module doc)."""
    if not phases:
        raise InputError(msg("planning.err.no_phase"), found=msg("planning.err.found.no_phase"))
    ordered = _order(phases)
    earliest: dict[str, dt.date] = {}
    finish: dict[str, dt.date] = {}
    for phase in ordered:
        begin = max((finish[d] for d in phase.depends_on), default=start)
        earliest[phase.name] = begin
        finish[phase.name] = begin + dt.timedelta(days=phase.duration_days)
    end = max(finish.values())
    successors: dict[str, list[str]] = {p.name: [] for p in ordered}
    for phase in ordered:
        for dep in phase.depends_on:
            successors[dep].append(phase.name)
    latest: dict[str, dt.date] = {}
    for phase in reversed(ordered):
        latest_finish = min((latest[s] for s in successors[phase.name]), default=end)
        latest[phase.name] = latest_finish - dt.timedelta(days=phase.duration_days)
    laid_out = tuple(
        ScheduledPhase(p, earliest[p.name], finish[p.name], latest[p.name]) for p in ordered
    )
    return Schedule(
        start=start,
        end=end,
        phases=laid_out,
        critical_path=tuple(p.name for p in laid_out if p.critical),
        steering_committees=steering_committees(start, end),
        operational_points=operational_points(start, end),
    )


# --- the default plan (seed 001) --------------------------------------------------------------

DEFAULT_PLAN: tuple[Phase, ...] = (
    Phase("relationship_plan", months(1.5), owner="Marketing"),
    Phase("software_choice", months(3.5), ("relationship_plan",), owner="CRM"),
    Phase("data_flows", months(1.5), ("relationship_plan",), owner="Data"),
    Phase("software_setup", months(2), ("software_choice", "data_flows"), owner="CRM"),
    Phase("use_cases_batch_1", months(2), ("software_setup",), batch="1", owner="Marketing"),
    Phase("use_cases_batch_2", weeks(2), ("use_cases_batch_1",), batch="2", owner="Marketing"),
)
"""Seed 001's typical deployment: 46 + 107 (data flows, 46, alongside) + 61 + 61 + 14 = 289
days, about 9.5 months: above the seeds' 6-8 month average (the observed durations add up to
more than the average project), inside their 3-month to 2-year range."""


def default_plan(lang: Lang) -> tuple[Phase, ...]:
    """:data:`DEFAULT_PLAN` as the blank template writes it in ``lang`` (and the workbook reads
    it back): each phase and dependency under its label, the owners under the teams' names."""
    from crmwb.project.governance import team_label

    return tuple(
        Phase(
            phase_label(p.name, lang),
            p.duration_days,
            tuple(phase_label(d, lang) for d in p.depends_on),
            p.batch,
            team_label(p.owner, lang) if p.owner else "",
        )
        for p in DEFAULT_PLAN
    )


def is_default_plan(phases: Sequence[Phase]) -> bool:
    """Whether ``phases`` are still the template's starter plan (:data:`DEFAULT_PLAN`, as
    :func:`default_plan` writes it in one of the templates' languages): the report then says
    that the phases and durations are the typical plan's, to adjust with the client.

    >>> is_default_plan(default_plan("fr")), is_default_plan(default_plan("en")[:5])
    (True, False)
    """
    given = tuple(phases)
    return any(given == default_plan(lang) for lang in LANGUAGES)


def phase_label(name: str, lang: Lang) -> str:
    """The phase's name for a reader: the label ``planning.phase.<name>`` when there is one
    (the default plan's phases), else the name as given."""
    key = f"planning.phase.{name}"
    return t(key, lang) if has_message(key) else name


def batch_label(batch: str, lang: Lang) -> str:
    """A batch for a reader: "" is the common foundation, a bare number ``n`` is "Lot n" /
    "Batch n", anything else is shown as given."""
    if not batch:
        return t("planning.batch.none", lang)
    if batch.isdigit():
        return t("planning.batch", lang, n=batch)
    return batch


# --- the deployment checklist (seed 004) ------------------------------------------------------


@dataclass(frozen=True)
class ChecklistStep:
    """One step of the deployment checklist and the default plan's phase it belongs to."""

    number: int
    phase: str

    def title(self, lang: Lang) -> str:
        return t(f"planning.step.{self.number}", lang)


_STEP_PHASES = (
    "relationship_plan",  # 1 analyse the current situation
    "relationship_plan",  # 2 project goal, scope, written mission, owners, working group
    "relationship_plan",  # 3 needs of the operational staff
    "software_choice",  # 4 market scan, shortlist of 3 or 4
    "software_choice",  # 5 proposals in answer to the call for tenders
    "software_choice",  # 6 needs restated against the objectives
    "software_choice",  # 7 choice, with the provider's set-up schedule
    "software_setup",  # 8 test by a sample of users (beta testers)
    "software_setup",  # 9 progress shared with the whole organisation
    "software_setup",  # 10 the provider finishes the project
    "use_cases_batch_1",  # 11 presentation to the staff
    "use_cases_batch_1",  # 12 user training
    "use_cases_batch_1",  # 13 go-live
    "use_cases_batch_2",  # 14 review one month after
    "use_cases_batch_2",  # 15 optimisation
    "use_cases_batch_2",  # 16 advanced training 1 to 2 months after go-live
    "use_cases_batch_2",  # 17 optimisation again
)

CHECKLIST: tuple[ChecklistStep, ...] = tuple(
    ChecklistStep(number, phase) for number, phase in enumerate(_STEP_PHASES, start=1)
)
"""Seed 004's "17 principales étapes" of a CRM set-up (the seed numbers them 0 to 16; here 1 to
17), each tied to the default plan's phase it falls in. No step is about data flows: the seed's
list predates that phase, which comes from seed 001."""
