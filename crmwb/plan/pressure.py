"""The relationship plan's marketing pressure (DOMAIN.md §2): the messages a contact of each
segment receives per ISO week and per calendar month, campaigns counted from their calendar,
scenarios estimated from their monthly rates, each period against the conventions' cap."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from crmwb.core.errors import InputError, msg
from crmwb.journey.model import ALL_SEGMENTS
from crmwb.plan.model import RelationshipPlan, Scenario, unique_in_order

DAYS_PER_MONTH = 365.25 / 12
"""30.4375 days: a frequency cap of one message every ``cap_days`` days allows at most
``DAYS_PER_MONTH / cap_days`` messages a month."""

WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class PressureCell:
    """The messages a contact of ``segment`` receives in one period (an ISO week, starting on
    its Monday, or a calendar month, starting on its 1st): ``campaigns`` counted from the
    campaign calendar, ``scenarios`` estimated from the scenarios' monthly rates, against the
    cap of the conventions (None: no cap)."""

    segment: str
    start: dt.date
    campaigns: int
    scenarios: float
    cap: float | None

    @property
    def total(self) -> float:
        return self.campaigns + self.scenarios

    @property
    def over_cap(self) -> bool:
        return self.cap is not None and self.total > self.cap + 1e-9


@dataclass(frozen=True)
class PressureCalendar:
    """Marketing pressure per segment, per week and per month, over the weeks and months the
    campaign calendar spans (``weeks``: Mondays, ``months``: first days, both in order)."""

    segments: tuple[str, ...]
    weeks: tuple[dt.date, ...]
    months: tuple[dt.date, ...]
    weekly: dict[tuple[str, dt.date], PressureCell]
    monthly: dict[tuple[str, dt.date], PressureCell]

    def over_caps(self) -> list[PressureCell]:
        """Every week and month over its cap, weeks first, in calendar then segment order."""
        return [
            *(
                self.weekly[s, w]
                for w in self.weeks
                for s in self.segments
                if self.weekly[s, w].over_cap
            ),
            *(
                self.monthly[s, m]
                for m in self.months
                for s in self.segments
                if self.monthly[s, m].over_cap
            ),
        ]


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _months(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    month = _first_of_month(first)
    while month <= last:
        yield month
        month = (month + dt.timedelta(days=32)).replace(day=1)


def plan_segments(plan: RelationshipPlan) -> tuple[str, ...]:
    """The segments the plan names, other than :data:`ALL_SEGMENTS`, in the order they first
    appear: programmes, scenarios, campaigns, then the pressure caps."""
    named = [
        *(p.segment for p in plan.programmes),
        *(plan.segment_of(s) for s in plan.scenarios),
        *(c.segment for c in plan.campaigns),
        *(c.segment for c in plan.conventions.caps),
    ]
    return unique_in_order([s for s in named if s != ALL_SEGMENTS])


def scenario_monthly_rate(scenario: Scenario) -> float | None:
    """The messages per contact per month a scenario adds to the pressure: its estimate
    ``monthly_rate``, no more than its frequency cap allows (one message every ``cap_days``
    days is at most 30.4375 / ``cap_days`` a month). None when there is no estimate.

    >>> scenario_monthly_rate(Scenario("Cart", "P", "cart abandoned", "email", monthly_rate=4,
    ...                                cap_days=14))
    2.174107142857143
    """
    if scenario.monthly_rate is None:
        return None
    if scenario.cap_days is None:
        return float(scenario.monthly_rate)
    return min(float(scenario.monthly_rate), DAYS_PER_MONTH / scenario.cap_days)


def marketing_pressure(
    plan: RelationshipPlan,
    segments: Sequence[str] = (),
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> PressureCalendar:
    """The messages a contact of each segment receives per ISO week and per calendar month.

    - Rows: the ``segments`` given, then those the plan names (:func:`plan_segments`), in that
      order, never "all"; a single row "all" when there is none.
    - Periods: the ISO weeks (from their Monday) and the calendar months from ``start`` to
      ``end``, by default from the first to the last campaign date. A plan with no campaign
      needs both ``start`` and ``end`` (:class:`InputError` otherwise). Campaigns outside
      [``start``, ``end``] are ignored, even when their week or month is shown.
    - A campaign counts one message in its segment's row, or in every row when it targets
      "all".
    - A scenario adds its :func:`scenario_monthly_rate` to its segment's row (every row for
      "all"): in full to each month, even a month only partly inside [``start``, ``end``], and
      x 12 / 52 to each week. A scenario with no estimate adds nothing (the checks say so).
    - The cap of a row is the segment's :class:`PressureCap`, else the one on "all", else none:
      its ``per_week`` for weeks, its ``per_month`` for months.
    """
    rows = unique_in_order([s for s in segments if s != ALL_SEGMENTS]) + plan_segments(plan)
    rows = unique_in_order(rows) or (ALL_SEGMENTS,)
    dates = [c.date for c in plan.campaigns]
    if (start is None or end is None) and not dates:
        none = msg("err.found.none")
        raise InputError(
            msg("plan.err.pressure_dates"),
            found=msg(
                "plan.err.found.start_end",
                start=start.isoformat() if start else none,
                end=end.isoformat() if end else none,
            ),
        )
    first = start if start is not None else min(dates)
    last = end if end is not None else max(dates)
    if last < first:
        raise InputError(
            msg("plan.err.pressure_end", start=first.isoformat()), found=last.isoformat()
        )
    weeks = tuple(
        _monday(first) + dt.timedelta(weeks=i)
        for i in range((_monday(last) - _monday(first)).days // 7 + 1)
    )
    months = tuple(_months(first, last))

    per_week: Counter[tuple[str, dt.date]] = Counter()
    per_month: Counter[tuple[str, dt.date]] = Counter()
    for campaign in plan.campaigns:
        if not first <= campaign.date <= last:
            continue
        for row in rows if campaign.segment == ALL_SEGMENTS else (campaign.segment,):
            per_week[row, _monday(campaign.date)] += 1
            per_month[row, _first_of_month(campaign.date)] += 1

    scenario_rate = dict.fromkeys(rows, 0.0)
    for scenario in plan.scenarios:
        rate = scenario_monthly_rate(scenario)
        if rate is None:
            continue
        segment = plan.segment_of(scenario)
        for row in rows if segment == ALL_SEGMENTS else (segment,):
            scenario_rate[row] += rate

    weekly: dict[tuple[str, dt.date], PressureCell] = {}
    monthly: dict[tuple[str, dt.date], PressureCell] = {}
    for row in rows:
        cap = plan.conventions.cap_for(row)
        week_rate = scenario_rate[row] * MONTHS_PER_YEAR / WEEKS_PER_YEAR
        for week in weeks:
            weekly[row, week] = PressureCell(
                row, week, per_week[row, week], week_rate, cap.per_week if cap else None
            )
        for month in months:
            monthly[row, month] = PressureCell(
                row,
                month,
                per_month[row, month],
                scenario_rate[row],
                cap.per_month if cap else None,
            )
    return PressureCalendar(rows, weeks, months, weekly, monthly)
