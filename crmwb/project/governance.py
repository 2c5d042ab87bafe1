"""Project governance: the RACI between teams and the steering committee's follow-up
(DOMAIN.md §6, seeds 000, 002 and 003).

**RACI.** For each task of the CRM run, each team is R (does the task and answers for it), A
(approves), C (consulted) or I (informed), or not involved. A cell holds **one letter**, or
``R/A`` (``A/R`` is read the same way) for a team that both does and approves the task; any
other combination is an :class:`~crmwb.core.errors.InputError`. :func:`check_raci` applies the
classic rules, each a finding, not an error:

- ``no_accountable``: the task has an R but no A;
- ``several_accountable``: two teams or more are A (the finding names them);
- ``no_responsible``: the task has an A but no R;
- ``nobody_owns``: the task has neither R nor A (it replaces the two findings above, so a task
  is never reported three times).

:data:`SEED_RACI` is seed 002's example, the template a consultant starts from; its own matrix
breaks the rules (ten tasks without A, three of them management tasks without R either).

**Steering committee (CoPil).** Quarterly, it reviews what is done, in place and planned, the
performance of campaigns and scenarios against their targets, planned vs done, and the next
steps (seed 000); seed 003 adds adoption (usage, fill rates of records). :func:`kpi_gaps`,
:func:`actions_progress` and :func:`adoption_summary` compute each part, :func:`steering_gaps`
lists what to discuss as findings with messages in French and English.

This module is pure: no file, no workbook.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, TypeAlias

from crmwb.core.errors import InputError, Msg, Number, Quoted, Text, WrittenDate, msg
from crmwb.core.i18n import LANGUAGES, Lang, date_pattern, has_message, number, percent, t, tn
from crmwb.core.i18n import date as long_date
from crmwb.plan.checks import LabelKey

Severity = Literal["warning", "info"]

DEFAULT_TEAMS: tuple[str, ...] = ("Marketing", "CRM", "Data")
"""Seed 002's three teams; others (an editorial team, external providers) can be added."""

DEFAULT_TOLERANCE = 0.1
"""A KPI is behind target when it misses it by more than 10 % of the target (a convention)."""

DEFAULT_FILL_THRESHOLD = 0.8
"""A field filled in fewer than 80 % of the records is reported (a convention)."""

DEFAULT_MIN_ACTIVE_SHARE = 0.5
"""Fewer than half of the licensed users active in a month is low adoption (a convention, not
from the seeds: set it with the client)."""


# --- findings ----------------------------------------------------------------------------


class Share(float):
    """A fraction shown as a percentage by :func:`finding_text`; equal to the plain float."""

    __slots__ = ()


class Month(dt.date):
    """A month (its first day) shown as ``mars 2026`` / ``March 2026``; equal to the date."""

    __slots__ = ()


@dataclass(frozen=True)
class Quantity:
    """A number with its unit (``1 200 ventes``), as :func:`finding_text` writes it."""

    value: float
    unit: str = ""


@dataclass(frozen=True)
class GovernanceFinding:
    """Something to look at in the governance. ``rule`` names the check (its message is the
    label ``governance.finding.<rule>``), ``subject`` what it is about (a task, a KPI, an
    action, a field; empty for the tool as a whole), ``values`` the placeholders of its
    message."""

    rule: str
    subject: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    severity: Severity = "warning"

    @property
    def key(self) -> str:
        """The i18n key of the message."""
        return f"governance.finding.{self.rule}"


RaciFinding: TypeAlias = GovernanceFinding
"""A finding of :func:`check_raci` (same shape as the steering committee's)."""


PLURAL_COUNTS = {"action_late": "days"}
"""The value whose count chooses the plural form of a finding's message, by rule."""


def finding_text(finding: GovernanceFinding, lang: Lang) -> str:
    """The finding's message in ``lang``: label ``governance.finding.<rule>`` with the subject
    and values written for a reader (labels, percentages, months, dates, numbers).

    >>> finding_text(GovernanceFinding("no_responsible", "Brief", {"group": "G"}), "en")
    "Task 'Brief' (G) has no responsible team (R): no team is in charge of doing it."
    """
    values = {name: _render(value, lang) for name, value in finding.values.items()}
    subject = _render(finding.subject, lang)
    if finding.rule in PLURAL_COUNTS:
        count = finding.values[PLURAL_COUNTS[finding.rule]]
        assert isinstance(count, int)
        return tn(finding.key, count, lang, subject=subject, **values)
    return t(finding.key, lang, subject=subject, **values)


def _render(value: object, lang: Lang) -> str:
    if isinstance(value, LabelKey):
        return t(value, lang)
    if isinstance(value, Share):
        return percent(value, lang)
    if isinstance(value, Month):
        return date_pattern(value, "LLLL y", lang)
    if isinstance(value, Quantity):
        if value.unit.strip() == "%":  # a rate typed in percent: « 9,1 % », "9.1%"
            whole = round(value.value, 1) == round(value.value)
            return percent(value.value / 100, lang, decimals=0 if whole else 1)
        amount = _render(value.value, lang)
        return f"{amount}\u00a0{value.unit}" if value.unit else amount
    if isinstance(value, tuple):
        return ", ".join(_render(item, lang) for item in value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, float):
        whole = round(value, 1) == round(value)
        return number(value, lang, decimals=0 if whole else 1)
    if isinstance(value, dt.date):
        return long_date(value, lang)
    return str(value)


# --- RACI --------------------------------------------------------------------------------


class Role(StrEnum):
    """A team's part in a task."""

    RESPONSIBLE = "R"  # does the task and answers for it
    ACCOUNTABLE = "A"  # approves it
    CONSULTED = "C"
    INFORMED = "I"


_CELLS: dict[str, frozenset[Role]] = {
    "": frozenset(),
    "-": frozenset(),
    "R": frozenset({Role.RESPONSIBLE}),
    "A": frozenset({Role.ACCOUNTABLE}),
    "C": frozenset({Role.CONSULTED}),
    "I": frozenset({Role.INFORMED}),
    "R/A": frozenset({Role.RESPONSIBLE, Role.ACCOUNTABLE}),
    "A/R": frozenset({Role.RESPONSIBLE, Role.ACCOUNTABLE}),
}


@dataclass(frozen=True)
class RaciTask:
    """One line of the RACI: ``roles`` maps a team to its cell (``R``, ``A``, ``C``, ``I``,
    ``R/A``, or empty / ``-`` when the team is not involved; case and spaces ignored). Teams
    not listed are not involved. ``group`` and ``task`` are texts, or :class:`LabelKey` for
    the seed's labels."""

    group: str
    task: str
    roles: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        parsed: dict[str, str] = {}
        for team, cell in self.roles.items():
            code = str(cell).replace(" ", "").upper()
            if code not in _CELLS:
                raise InputError(
                    msg("governance.err.cell", team=Quoted(team), task=Quoted(_name(self.task))),
                    found=Quoted(str(cell)),
                    hint=msg("governance.err.hint.one_letter"),
                )
            if _CELLS[code]:
                parsed[team] = "R/A" if code == "A/R" else code
        object.__setattr__(self, "roles", parsed)

    def roles_of(self, team: str) -> frozenset[Role]:
        """The roles ``team`` holds on this task (empty when not involved)."""
        return _CELLS[self.roles.get(team, "")]

    def teams_with(self, role: Role, teams: Sequence[str]) -> tuple[str, ...]:
        """The teams among ``teams`` (in that order) that hold ``role``."""
        return tuple(team for team in teams if role in self.roles_of(team))


@dataclass(frozen=True)
class Raci:
    """A RACI matrix: the teams (columns) and the tasks (lines). A task naming a team that is
    not in ``teams`` is an :class:`~crmwb.core.errors.InputError` naming both."""

    tasks: tuple[RaciTask, ...]
    teams: tuple[str, ...] = DEFAULT_TEAMS

    def __post_init__(self) -> None:
        object.__setattr__(self, "tasks", tuple(self.tasks))
        object.__setattr__(self, "teams", tuple(self.teams))
        teams = tuple(Quoted(team) for team in self.teams)
        if len(set(self.teams)) != len(self.teams):
            raise InputError(
                msg("governance.err.teams_once"),
                found=msg("governance.err.found.teams", names=teams),
            )
        known = set(self.teams)
        for task in self.tasks:
            for team in task.roles:
                if team not in known:
                    raise InputError(
                        msg(
                            "governance.err.task_teams",
                            task=Quoted(_name(task.task)),
                            teams=teams,
                        ),
                        found=msg("governance.err.found.team", team=Quoted(team)),
                        hint=msg("governance.err.hint.add_team"),
                    )


def check_raci(raci: Raci) -> tuple[RaciFinding, ...]:
    """The RACI's findings, task by task in the matrix's order (rules in the module's doc)."""
    findings: list[RaciFinding] = []
    for task in raci.tasks:
        subject = task.task
        accountable = task.teams_with(Role.ACCOUNTABLE, raci.teams)
        responsible = task.teams_with(Role.RESPONSIBLE, raci.teams)
        base = {"group": task.group}
        if not accountable and not responsible:
            findings.append(GovernanceFinding("nobody_owns", subject, base))
            continue
        if not accountable:
            findings.append(GovernanceFinding("no_accountable", subject, base))
        elif len(accountable) > 1:
            values = {**base, "count": len(accountable), "teams": accountable}
            findings.append(GovernanceFinding("several_accountable", subject, values))
        if not responsible:
            findings.append(GovernanceFinding("no_responsible", subject, base))
    return tuple(findings)


def team_load(raci: Raci) -> dict[str, dict[Role, int]]:
    """For each team, how many tasks it holds in each role (every role listed, zero included;
    an ``R/A`` cell counts once as R and once as A)."""
    load = {team: dict.fromkeys(Role, 0) for team in raci.teams}
    for task in raci.tasks:
        for team in raci.teams:
            for role in task.roles_of(team):
                load[team][role] += 1
    return load


def load_share(raci: Raci) -> dict[str, float]:
    """The load indicator: for each team, the share of the tasks it does or approves (R or A,
    a task counted once). 0.0 for every team of an empty RACI."""
    total = len(raci.tasks)
    owning = {Role.RESPONSIBLE, Role.ACCOUNTABLE}
    return {
        team: (
            sum(1 for task in raci.tasks if task.roles_of(team) & owning) / total if total else 0.0
        )
        for team in raci.teams
    }


def _seed(group: str, task: str, marketing: str, crm: str, data: str) -> RaciTask:
    return RaciTask(
        LabelKey(f"governance.group.{group}"),
        LabelKey(f"governance.task.{task}"),
        {"Marketing": marketing, "CRM": crm, "Data": data},
    )


SEED_RACI = Raci(
    (
        _seed("strategy", "objectives", "R", "I", "I"),
        _seed("strategy", "segments", "R", "C", "I"),
        _seed("strategy", "pressure", "R", "C", "I"),
        _seed("strategy", "calendar", "R", "C", "I"),
        _seed("campaigns", "brief", "R", "C", "I"),
        _seed("campaigns", "data_available", "I", "R", "A"),
        _seed("campaigns", "create_email", "R", "A", "I"),
        _seed("campaigns", "targeting", "R", "A", "I"),
        _seed("campaigns", "approve_proof", "R", "A", "I"),
        _seed("campaigns", "check_sent", "I", "R", "A"),
        _seed("analysis", "follow_up", "R", "I", "I"),
        _seed("analysis", "deliverability", "I", "R", "A"),
        _seed("analysis", "statistics", "R", "A", "I"),
        _seed("analysis", "decide", "R", "A", "I"),
        _seed("review", "dashboard_needs", "R", "A", "C"),
        _seed("review", "build_dashboards", "A", "C", "R"),
        _seed("review", "data_quality", "C", "R", "A"),
        _seed("review", "quarterly", "R", "C", "I"),
        _seed("management", "purpose", "C", "C", "C"),
        _seed("management", "editorial_charter", "I", "I", "I"),
        _seed("management", "graphic_charter", "C", "C", "I"),
        _seed("management", "tool_training", "A", "R", "I"),
        _seed("management", "data_model_training", "A", "R", "I"),
    ),
    DEFAULT_TEAMS,
)
"""Seed 002's example RACI (an e-mail campaign run 100 % by Marketing): 23 tasks in 5 groups,
task and group names as :class:`LabelKey` (see :func:`seed_raci` for plain texts)."""


def team_label(team: str, lang: Lang) -> str:
    """The name of one of the guide's teams (:data:`DEFAULT_TEAMS`) in ``lang``; any other team
    name as it is (client data)."""
    key = f"governance.team.{team.casefold()}"
    return t(key, lang) if team in DEFAULT_TEAMS and has_message(key) else team


def seed_raci(lang: Lang = "fr") -> Raci:
    """:data:`SEED_RACI` with its group, task and team names written in ``lang`` (the template
    the consultant edits)."""
    return Raci(
        tuple(
            RaciTask(
                t(task.group, lang),
                t(task.task, lang),
                {team_label(team, lang): role for team, role in task.roles.items()},
            )
            for task in SEED_RACI.tasks
        ),
        tuple(team_label(team, lang) for team in SEED_RACI.teams),
    )


def is_seed_raci(raci: Raci) -> bool:
    """Whether ``raci`` is still the template's starter example: :func:`seed_raci` in one of
    the languages a template is written in (same teams, same tasks in the same order, same
    cells). Such a matrix is the guide's example, not the client's: the report says so, and a
    workbook whose RACI is the seed and that tracks nothing has no governance of its own yet.

    >>> is_seed_raci(seed_raci("en")), is_seed_raci(Raci(seed_raci("fr").tasks[:3]))
    (True, False)
    """
    return any(raci == seed_raci(lang) for lang in LANGUAGES)


# --- steering committee: KPIs ----------------------------------------------------------------

KpiKindName = Literal["business", "operational"]
Direction = Literal["higher", "lower"]


def _name(text: str) -> Text:
    """A task's or a group's name for a message: its label when it is one of the seed's."""
    return msg(text) if isinstance(text, LabelKey) else text


def _month_name(value: dt.date) -> WrittenDate:
    return WrittenDate(value, month=True)


def _kpi_value(kpi: str, what: str) -> Msg:
    """« KPI 'Sales', target »: what a KPI's value is, in an error."""
    return msg(
        "governance.err.what.kpi_value", kpi=Quoted(kpi), value=msg(f"governance.err.what.{what}")
    )


def _check_month(value: dt.date, what: Text) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime) or value.day != 1:
        raise InputError(msg("governance.err.month", what=what), found=str(value))


def _check_finite(value: float, what: Text) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(msg("governance.err.finite", what=what), found=str(value))


@dataclass(frozen=True)
class KpiTrack:
    """A KPI followed month by month: ``targets`` and ``actuals`` map a month (its first day)
    to the month's value. Both must use the same convention: the month's own figure (monthly)
    or a running total (cumulative, ``cumulative=True``); :func:`kpi_gaps` compares each month
    as given and does not accumulate. ``direction`` says whether higher or lower is better (a
    churn rate, an unsubscribe rate: lower)."""

    programme: str
    kpi: str
    kind: KpiKindName
    unit: str
    targets: Mapping[dt.date, float] = field(default_factory=dict, hash=False)
    actuals: Mapping[dt.date, float] = field(default_factory=dict, hash=False)
    direction: Direction = "higher"
    cumulative: bool = False

    def __post_init__(self) -> None:
        kpi = Quoted(self.kpi)
        if self.kind not in ("business", "operational"):
            raise InputError(msg("governance.err.kind", kpi=kpi), found=Quoted(str(self.kind)))
        if self.direction not in ("higher", "lower"):
            raise InputError(
                msg("governance.err.direction", kpi=kpi), found=Quoted(str(self.direction))
            )
        for what, values in (("target", self.targets), ("actual", self.actuals)):
            for month, value in values.items():
                _check_month(month, _kpi_value(self.kpi, what))
                _check_finite(
                    value,
                    msg(
                        "governance.err.what.for_month",
                        what=_kpi_value(self.kpi, what),
                        month=_month_name(month),
                    ),
                )


@dataclass(frozen=True)
class KpiGap:
    """A month where a KPI misses its target by more than the tolerance. ``gap`` is the miss
    as a share of the target (0.25: 25 % short of it, or over it when lower is better); None
    when the target is 0."""

    programme: str
    kpi: str
    month: dt.date
    target: float
    actual: float
    unit: str
    gap: float | None


def _month_start(value: dt.date) -> dt.date:
    return value.replace(day=1)


def is_behind(
    target: float, actual: float, direction: Direction, tolerance: float = DEFAULT_TOLERANCE
) -> bool:
    """Whether ``actual`` misses ``target`` by more than ``tolerance`` × |target| (higher is
    better: below target − margin; lower is better: above target + margin).

    >>> is_behind(100, 89, "higher"), is_behind(100, 90, "higher"), is_behind(50, 56, "lower")
    (True, False, True)
    """
    margin = tolerance * abs(target)
    if direction == "higher":
        return actual < target - margin
    return actual > target + margin


def kpi_gaps(
    tracks: Iterable[KpiTrack],
    *,
    plan_start: dt.date,
    plan_end: dt.date,
    tolerance: float = DEFAULT_TOLERANCE,
) -> tuple[KpiGap, ...]:
    """The months where a KPI misses its target by more than ``tolerance`` × |target|
    (higher is better: actual below target − margin; lower is better: above target + margin),
    by track then month. Only months with both a target and an actual are compared.

    A target or an actual for a month outside the plan (from ``plan_start``'s month to
    ``plan_end``) is an :class:`~crmwb.core.errors.InputError` naming the KPI and the month.
    """
    if not 0 <= tolerance < 1:
        raise InputError(msg("governance.err.tolerance"), found=Number(tolerance))
    if plan_end < plan_start:
        raise InputError(
            msg("governance.err.plan_end"),
            found=msg(
                "governance.err.found.from_to",
                start=WrittenDate(plan_start),
                end=WrittenDate(plan_end),
            ),
        )
    first = _month_start(plan_start)
    gaps: list[KpiGap] = []
    for track in tracks:
        for what, values in (("target", track.targets), ("actual", track.actuals)):
            for month in sorted(values):
                if not first <= month <= plan_end:
                    raise InputError(
                        msg(
                            "governance.err.month_in_plan",
                            kpi=Quoted(track.kpi),
                            programme=track.programme,
                            value=msg(f"governance.err.what.{what}"),
                            start=_month_name(first),
                            end=_month_name(plan_end),
                        ),
                        found=msg("governance.err.found.month", month=_month_name(month)),
                    )
        for month in sorted(set(track.targets) & set(track.actuals)):
            target, actual = track.targets[month], track.actuals[month]
            if is_behind(target, actual, track.direction, tolerance):
                miss = target - actual if track.direction == "higher" else actual - target
                gap = miss / abs(target) if target else None
                gaps.append(
                    KpiGap(track.programme, track.kpi, month, target, actual, track.unit, gap)
                )
    return tuple(gaps)


# --- steering committee: actions -------------------------------------------------------------


class ActionStatus(StrEnum):
    """Where an action stands, as the CoPil reviews it (done / in place / planned)."""

    PLANNED = "planned"
    IN_PLACE = "in_place"
    DONE = "done"


@dataclass(frozen=True)
class Action:
    """An action of the plan (a campaign, a scenario, a set-up task). ``status`` defaults to
    done when ``done`` is given, planned otherwise; a done date with another status, or the
    done status without a date, is an :class:`~crmwb.core.errors.InputError`."""

    name: str
    programme: str
    planned: dt.date
    done: dt.date | None = None
    status: ActionStatus | None = None

    def __post_init__(self) -> None:
        status = self.status
        if status is None:
            status = ActionStatus.DONE if self.done is not None else ActionStatus.PLANNED
        status = ActionStatus(status)
        if (status is ActionStatus.DONE) != (self.done is not None):
            raise InputError(
                msg(
                    "governance.err.action_done",
                    name=Quoted(self.name),
                    done=Quoted(msg("action_status.done")),
                ),
                found=msg(
                    "governance.err.found.status",
                    status=Quoted(msg(f"action_status.{status.value}")),
                    done=WrittenDate(self.done) if self.done else msg("err.found.none"),
                ),
            )
        object.__setattr__(self, "status", status)


@dataclass(frozen=True)
class ActionsProgress:
    """Planned vs done as of a date. ``late`` are the actions planned strictly before
    ``as_of`` and not done by then (an action due on ``as_of`` is not late yet), with their
    days of delay; ``done_early`` / ``done_late`` the actions done by ``as_of`` before / after
    their planned date; ``by_status`` counts the statuses as entered (done / in place /
    planned); ``completion`` is done by date over planned by date (None when nothing was
    planned by then)."""

    as_of: dt.date
    planned_by_date: int
    done_by_date: int
    late: tuple[tuple[Action, int], ...]
    done_early: tuple[Action, ...]
    done_late: tuple[Action, ...]
    by_status: Mapping[ActionStatus, int]

    @property
    def completion(self) -> float | None:
        if not self.planned_by_date:
            return None
        return self.done_by_date / self.planned_by_date


def actions_progress(actions: Iterable[Action], as_of: dt.date) -> ActionsProgress:
    """Planned vs done as of ``as_of`` (see :class:`ActionsProgress`). An action done after
    ``as_of`` counts as not done yet (looking back at an earlier committee)."""
    items = sorted(actions, key=lambda action: (action.planned, action.name))
    done = [a for a in items if a.done is not None and a.done <= as_of]
    done_ids = {id(a) for a in done}
    late = tuple(
        (a, (as_of - a.planned).days) for a in items if a.planned < as_of and id(a) not in done_ids
    )
    by_status = dict.fromkeys(ActionStatus, 0)
    for action in items:
        assert action.status is not None  # set by __post_init__
        by_status[action.status] += 1
    return ActionsProgress(
        as_of=as_of,
        planned_by_date=sum(1 for a in items if a.planned <= as_of),
        done_by_date=len(done),
        late=late,
        done_early=tuple(a for a in done if a.done is not None and a.done < a.planned),
        done_late=tuple(a for a in done if a.done is not None and a.done > a.planned),
        by_status=by_status,
    )


# --- steering committee: adoption ------------------------------------------------------------


@dataclass(frozen=True)
class Adoption:
    """The tool's use in a month (seed 003): users active among those with a licence, and the
    fill rate of the tracked fields of the records (0 to 1)."""

    month: dt.date
    active_users: int
    licensed_users: int
    fill_rates: Mapping[str, float] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        _check_month(self.month, msg("governance.err.what.adoption"))
        where = msg("governance.err.what.adoption_of", month=_month_name(self.month))
        if self.licensed_users <= 0:
            raise InputError(
                msg("governance.err.licensed", where=where), found=str(self.licensed_users)
            )
        if not 0 <= self.active_users <= self.licensed_users:
            raise InputError(
                msg("governance.err.active", where=where, licensed=self.licensed_users),
                found=str(self.active_users),
            )
        for name, rate in self.fill_rates.items():
            _check_finite(
                rate, msg("governance.err.what.fill_rate_of", where=where, name=Quoted(name))
            )
            if not 0 <= rate <= 1:
                raise InputError(
                    msg("governance.err.fill_rate", where=where, name=Quoted(name)),
                    found=Number(rate),
                )

    @property
    def active_share(self) -> float:
        """Active users over licensed users."""
        return self.active_users / self.licensed_users


@dataclass(frozen=True)
class AdoptionSummary:
    """Adoption over the months given, in month order. ``trend`` is the latest active share
    minus the first (in share points: -0.1 is ten points lost); ``falling`` says whether the
    latest share is below the previous month's; ``low_fields`` the fields of the latest month
    filled below the threshold, lowest first."""

    months: tuple[dt.date, ...]
    active_shares: tuple[float, ...]
    trend: float
    falling: bool
    threshold: float
    low_fields: tuple[tuple[str, float], ...]

    @property
    def latest_share(self) -> float:
        return self.active_shares[-1]


def adoption_summary(
    adoptions: Iterable[Adoption], *, fill_threshold: float = DEFAULT_FILL_THRESHOLD
) -> AdoptionSummary:
    """Summarise the adoption months (at least one; each month once)."""
    items = sorted(adoptions, key=lambda item: item.month)
    if not items:
        raise InputError(msg("governance.err.adoption_months"), found=msg("err.found.none"))
    months = [item.month for item in items]
    if len(set(months)) != len(months):
        duplicate = next(m for m in months if months.count(m) > 1)
        raise InputError(
            msg("governance.err.adoption_once"),
            found=msg("journey.err.found.twice", name=_month_name(duplicate)),
        )
    if not 0 < fill_threshold <= 1:
        raise InputError(msg("governance.err.threshold"), found=Number(fill_threshold))
    shares = tuple(item.active_share for item in items)
    latest = items[-1]
    low = sorted(
        ((name, rate) for name, rate in latest.fill_rates.items() if rate < fill_threshold),
        key=lambda pair: (pair[1], pair[0]),
    )
    return AdoptionSummary(
        months=tuple(months),
        active_shares=shares,
        trend=shares[-1] - shares[0],
        falling=len(shares) > 1 and shares[-1] < shares[-2],
        threshold=fill_threshold,
        low_fields=tuple(low),
    )


# --- steering committee: the gaps to discuss -------------------------------------------------


def steering_gaps(
    *,
    as_of: dt.date,
    plan_start: dt.date,
    plan_end: dt.date,
    tracks: Iterable[KpiTrack] = (),
    actions: Iterable[Action] = (),
    adoptions: Iterable[Adoption] = (),
    tolerance: float = DEFAULT_TOLERANCE,
    fill_threshold: float = DEFAULT_FILL_THRESHOLD,
    min_active_share: float = DEFAULT_MIN_ACTIVE_SHARE,
) -> tuple[GovernanceFinding, ...]:
    """The gaps to discuss at the CoPil, in this order:

    - ``kpi_behind_target``: one per KPI behind target in at least one month up to ``as_of``
      (how many months of how many compared, and the latest gap);
    - ``action_late``: one per action planned before ``as_of`` and not done by then;
    - ``adoption_low``: the latest month's active share is below ``min_active_share``;
    - ``adoption_falling``: it is below the previous month's;
    - ``fill_rate_low``: one per field of the latest month filled below ``fill_threshold``.
    """
    findings: list[GovernanceFinding] = []
    track_list = list(tracks)
    gaps = kpi_gaps(track_list, plan_start=plan_start, plan_end=plan_end, tolerance=tolerance)
    for track in track_list:
        mine = [g for g in gaps if g.kpi == track.kpi and g.programme == track.programme]
        mine = [g for g in mine if g.month <= as_of]
        if not mine:
            continue
        compared = sum(1 for m in set(track.targets) & set(track.actuals) if m <= as_of)
        last = mine[-1]
        values: dict[str, object] = {
            "programme": track.programme,
            "behind": len(mine),
            "compared": compared,
            "month": Month(last.month.year, last.month.month, 1),
            "actual": Quantity(last.actual, track.unit),
            "target": Quantity(last.target, track.unit),
            "gap": Share(last.gap) if last.gap is not None else "-",
        }
        findings.append(GovernanceFinding("kpi_behind_target", track.kpi, values))
    for action, days in actions_progress(actions, as_of).late:
        values = {"programme": action.programme, "planned": action.planned}
        values |= {"as_of": as_of, "days": days}
        findings.append(GovernanceFinding("action_late", action.name, values))
    adoption_list = list(adoptions)
    if adoption_list:
        summary = adoption_summary(adoption_list, fill_threshold=fill_threshold)
        latest = max(adoption_list, key=lambda item: item.month)
        month = Month(latest.month.year, latest.month.month, 1)
        if summary.latest_share < min_active_share:
            values = {
                "month": month,
                "share": Share(summary.latest_share),
                "active": latest.active_users,
                "licensed": latest.licensed_users,
                "min": Share(min_active_share),
            }
            findings.append(GovernanceFinding("adoption_low", "", values))
        if summary.falling:
            previous = summary.months[-2]
            values = {
                "month": month,
                "latest": Share(summary.latest_share),
                "previous": Share(summary.active_shares[-2]),
                "previous_month": Month(previous.year, previous.month, 1),
            }
            findings.append(GovernanceFinding("adoption_falling", "", values))
        for name, rate in summary.low_fields:
            values = {"month": month, "rate": Share(rate), "threshold": Share(fill_threshold)}
            findings.append(GovernanceFinding("fill_rate_low", name, values))
    return tuple(findings)
