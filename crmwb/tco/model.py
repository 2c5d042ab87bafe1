"""Total cost of ownership of CRM options (licence vs SaaS, or any number of options).

Pure: cost lines and settings in, yearly costs, totals, present values and break-even points out.
No file, no printing, no plotting.

Conventions (stated in every deliverable, see :data:`CONVENTIONS`):

* **Money** is in the client's currency, excluding VAT, as positive amounts (a cost is positive).
* **Periods**: index 0 is the *initial period* (t=0: set-up costs paid when the project starts);
  indexes 1..n are the years of the horizon. One horizon for all options.
* **Payment timing**: one-off costs are paid at the start of the period they are dated in;
  recurring costs (monthly or yearly prices) are paid over each year from their start year to
  their end year (the horizon by default).
* **Escalation**: prices are quoted for the initial period and year 1; a cost in year t >= 1 is
  multiplied by ``(1 + escalation) ** (t - 1)``.
* **Present value**: the initial period is not discounted; year t is discounted at its end,
  ``1 / (1 + rate) ** t`` (numpy-financial's ``npv`` convention: first value at t=0).
* **Break-even** (monthly accrual): within a year, recurring costs accrue evenly month by month,
  one-off costs fall at the start of the year; the break-even is the first moment one option's
  cumulative cost passes the other's.

The seed example (DOMAIN.md §4): licence 3 000 for 4 users, maintenance 20 %/year, 6 000 of
services in the initial period, against SaaS at 60 per user per month plus 2 000 of services.

>>> settings = TcoSettings(horizon_years=7, discount_rate=0.0, users=4)
>>> lines = [
...     CostLine("Licence", Category.LICENCE, Frequency.ONE_OFF, Basis.FLAT, 3000),
...     CostLine("Licence", Category.MAINTENANCE, Frequency.YEARLY, Basis.PERCENT_OF_LICENCE,
...              rate=0.20),
...     CostLine("Licence", Category.IMPLEMENTATION, Frequency.ONE_OFF, Basis.FLAT, 6000),
...     CostLine("SaaS", Category.SUBSCRIPTION, Frequency.MONTHLY, Basis.PER_USER, 60),
...     CostLine("SaaS", Category.IMPLEMENTATION, Frequency.ONE_OFF, Basis.FLAT, 2000),
... ]
>>> study = compare_options(lines, settings)
>>> [round(o.total) for o in study.options]
[13200, 22160]
>>> study.cheapest.option, round(study.gap)
('Licence', 8960)
>>> be = study.break_evens[0]
>>> be.year, be.month, be.now_dearer
(4, 37, 'SaaS')
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy_financial as npf

from crmwb.core.errors import InputError, Number, Quoted, msg

MIN_HORIZON_YEARS = 3
MAX_HORIZON_YEARS = 10
MONTHS_PER_YEAR = 12


class Category(StrEnum):
    """What a cost line pays for (the seeds' list of often badly anticipated costs)."""

    LICENCE = "licence"
    SUBSCRIPTION = "subscription"
    MAINTENANCE = "maintenance"
    IMPLEMENTATION = "implementation"
    MIGRATION = "migration"
    TRAINING = "training"
    HARDWARE = "hardware"
    CONSULTING = "consulting"
    CUSTOM_DEVELOPMENT = "custom_development"
    INTERNAL_STAFF = "internal_staff"
    OTHER = "other"


class Frequency(StrEnum):
    """How often a cost is paid: once, or every month / every year of its span."""

    ONE_OFF = "one_off"
    MONTHLY = "monthly"
    YEARLY = "yearly"

    @property
    def payments_per_year(self) -> int:
        return {"one_off": 1, "monthly": MONTHS_PER_YEAR, "yearly": 1}[self.value]


class Basis(StrEnum):
    """What the unit price multiplies."""

    FLAT = "flat"
    PER_USER = "per_user"
    PER_CONTACT = "per_contact"
    PER_DAY = "per_day"
    PERCENT_OF_LICENCE = "percent_of_licence"


@dataclass(frozen=True)
class TcoSettings:
    """Assumptions shared by every option of one comparison.

    ``discount_rate`` and ``escalation`` are fractions (0.08 for 8 %). ``users`` and
    ``contacts`` are the default quantities of per-user and per-contact lines.
    """

    horizon_years: int
    discount_rate: float = 0.0
    users: int = 0
    contacts: int = 0
    escalation: float = 0.0

    def __post_init__(self) -> None:
        if not MIN_HORIZON_YEARS <= self.horizon_years <= MAX_HORIZON_YEARS:
            raise InputError(
                msg("tco.err.horizon", min=MIN_HORIZON_YEARS, max=MAX_HORIZON_YEARS),
                found=msg(
                    "tco.err.found.years", count=self.horizon_years, years=self.horizon_years
                ),
            )
        if not 0 <= self.discount_rate < 1:
            raise InputError(msg("tco.err.discount_rate"), found=Number(self.discount_rate))
        if self.users < 0 or self.contacts < 0:
            raise InputError(
                msg("tco.err.users_contacts"), found=Number(min(self.users, self.contacts))
            )
        if not -1 < self.escalation < 1:
            raise InputError(msg("tco.err.escalation"), found=Number(self.escalation))

    @property
    def periods(self) -> int:
        """Number of periods: the initial period plus one per year."""
        return self.horizon_years + 1


@dataclass(frozen=True)
class CostLine:
    """One cost of one option.

    ``unit_price`` is per unit of ``basis`` and per payment (per month for a monthly line).
    ``quantity`` overrides the default quantity (settings' users or contacts; 1 for a flat
    line); it is required for a per-day line (the number of days). ``rate`` is the fraction of
    the option's licence cost for a ``PERCENT_OF_LICENCE`` line (maintenance). ``start_year``
    is the period of a one-off cost, or the first year of a recurring one (0 = initial period);
    ``end_year`` the last year of a recurring cost (the horizon by default). ``escalation``
    overrides the settings' annual escalation for this line. ``source`` says where the line
    came from (``TCO!A12``), for traceability.
    """

    option: str
    category: Category
    frequency: Frequency
    basis: Basis
    unit_price: float = 0.0
    quantity: float | None = None
    rate: float | None = None
    start_year: int | None = None
    end_year: int | None = None
    escalation: float | None = None
    description: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        sheet, _, cell = self.source.rpartition("!")
        where = {"sheet": sheet or self.source or None, "cell": cell if sheet else None}
        if self.unit_price < 0 or (self.quantity is not None and self.quantity < 0):
            raise InputError(
                msg("tco.err.line_price_quantity"),
                found=Number(min(self.unit_price, self.quantity or 0.0)),
                **where,
            )
        if self.basis is Basis.PERCENT_OF_LICENCE and self.rate is None:
            raise InputError(msg("tco.err.line_rate"), **where)
        if self.basis is Basis.PER_DAY and self.quantity is None:
            raise InputError(msg("tco.err.line_days"), **where)

    @property
    def first_period(self) -> int:
        """The first period the line is paid in: one-off lines default to the initial period,
        recurring lines to year 1."""
        if self.start_year is not None:
            return self.start_year
        return 0 if self.frequency is Frequency.ONE_OFF else 1


@dataclass(frozen=True)
class LineCosts:
    """The cost of one line in each period (index 0 = initial period)."""

    line: CostLine
    quantity: float
    per_period: tuple[float, ...]

    @property
    def total(self) -> float:
        return math.fsum(self.per_period)


@dataclass(frozen=True)
class OptionCosts:
    """Everything one option costs over the horizon. Periods: index 0 = initial, then years."""

    option: str
    lines: tuple[LineCosts, ...]
    per_period: tuple[float, ...]
    cumulative: tuple[float, ...]
    by_category: Mapping[Category, tuple[float, ...]]
    total: float
    present_value: float
    cost_per_user_per_month: float | None

    @property
    def one_off_total(self) -> float:
        return math.fsum(lc.total for lc in self.lines if lc.line.frequency is Frequency.ONE_OFF)

    @property
    def recurring_total(self) -> float:
        return self.total - self.one_off_total


@dataclass(frozen=True)
class BreakEven:
    """The moment ``now_dearer``'s cumulative cost passes ``now_cheaper``'s.

    ``months`` is the exact moment in months from the start of year 1 (monthly accrual);
    ``month`` the 1-based month during which it happens, ``year`` the 1-based year. A crossing
    caused by a one-off cost at the start of year t happens in month ``12 * (t - 1) + 1``.
    """

    now_dearer: str
    now_cheaper: str
    months: float
    month: int
    year: int
    cumulative_cost: float
    """Cumulative cost of the option that becomes the cheaper one, at the crossing."""


@dataclass(frozen=True)
class TcoComparison:
    """The result of :func:`compare_options`: options in the order they were given."""

    settings: TcoSettings
    options: tuple[OptionCosts, ...]
    break_evens: tuple[BreakEven, ...] = field(default=())

    @property
    def cheapest(self) -> OptionCosts:
        """The option with the lowest undiscounted total over the horizon."""
        return min(self.options, key=lambda o: o.total)

    @property
    def dearest(self) -> OptionCosts:
        return max(self.options, key=lambda o: o.total)

    @property
    def gap(self) -> float:
        """Undiscounted total of the dearest option minus the cheapest's."""
        return self.dearest.total - self.cheapest.total

    @property
    def cheapest_present_value(self) -> OptionCosts:
        return min(self.options, key=lambda o: o.present_value)

    @property
    def headline_break_even(self) -> BreakEven | None:
        """The first crossing between the cheapest and the dearest option (the one a steering
        committee asks about), or None when their curves do not cross."""
        pair = {self.cheapest.option, self.dearest.option}
        return next(
            (be for be in self.break_evens if {be.now_dearer, be.now_cheaper} == pair), None
        )

    def option(self, name: str) -> OptionCosts:
        for costs in self.options:
            if costs.option == name:
                return costs
        raise KeyError(name)


def line_costs(
    line: CostLine, settings: TcoSettings, licences: Sequence[LineCosts] = ()
) -> LineCosts:
    """Spread one cost line over the periods of the horizon.

    ``licences`` are the option's licence lines, already costed: the base of a
    ``PERCENT_OF_LICENCE`` line (see :func:`licence_held`).

    >>> s = TcoSettings(horizon_years=3, users=4)
    >>> line_costs(CostLine("SaaS", Category.SUBSCRIPTION, Frequency.MONTHLY, Basis.PER_USER,
    ...                     60), s).per_period
    (0.0, 2880.0, 2880.0, 2880.0)
    >>> costs = line_costs(CostLine("SaaS", Category.SUBSCRIPTION, Frequency.YEARLY, Basis.FLAT,
    ...                             1000, escalation=0.10), s)
    >>> [round(amount, 2) for amount in costs.per_period]
    [0.0, 1000.0, 1100.0, 1210.0]
    """
    quantity = _quantity(line, settings)
    escalation = settings.escalation if line.escalation is None else line.escalation
    first = line.first_period
    if line.frequency is Frequency.ONE_OFF:
        years = range(first, first + 1)
    else:
        last = settings.horizon_years if line.end_year is None else line.end_year
        years = range(first, last + 1)
    per_period = [0.0] * settings.periods
    for t in years:
        if not 0 <= t <= settings.horizon_years:
            continue
        if line.basis is Basis.PERCENT_OF_LICENCE:
            assert line.rate is not None  # checked in CostLine
            amount = line.rate * licence_held(licences, t, escalation)
        else:
            growth = (1 + escalation) ** (t - 1) if t >= 1 else 1.0
            amount = line.unit_price * quantity * growth
        per_period[t] = amount * line.frequency.payments_per_year
    return LineCosts(line=line, quantity=quantity, per_period=tuple(per_period))


def licence_held(licences: Sequence[LineCosts], t: int, escalation: float) -> float:
    """The licence value a "% of licence" cost (maintenance) applies to in period ``t``.

    A licence bought once counts from the period it is paid in, at the price paid, indexed by
    ``escalation`` (the "% of licence" line's) from its purchase year on (year 1 for a licence
    bought in the initial period); a licence paid every year counts for that year's amount.

    >>> s = TcoSettings(horizon_years=4)
    >>> bought = [line_costs(CostLine("A", Category.LICENCE, Frequency.ONE_OFF, Basis.FLAT, 3000),
    ...                      s),
    ...           line_costs(CostLine("A", Category.LICENCE, Frequency.ONE_OFF, Basis.FLAT, 1000,
    ...                               start_year=3), s)]
    >>> [licence_held(bought, t, 0.0) for t in range(5)]
    [3000.0, 3000.0, 3000.0, 4000.0, 4000.0]
    >>> yearly = [line_costs(CostLine("A", Category.LICENCE, Frequency.YEARLY, Basis.FLAT, 1000),
    ...                      s)]
    >>> [licence_held(yearly, t, 0.0) for t in range(5)]
    [0.0, 1000.0, 1000.0, 1000.0, 1000.0]
    """
    held = 0.0
    for lc in licences:
        if lc.line.frequency is Frequency.ONE_OFF:
            for paid_in, amount in enumerate(lc.per_period[: t + 1]):
                if amount:
                    indexed = (1 + escalation) ** (t - max(paid_in, 1)) if t >= 1 else 1.0
                    held += amount * indexed
        else:
            held += lc.per_period[t]
    return held


def option_costs(option: str, lines: Sequence[CostLine], settings: TcoSettings) -> OptionCosts:
    """Cost of one option: its lines spread over the horizon, totals and present value."""
    own = [line for line in lines if line.option == option]
    if not own:
        raise InputError(msg("tco.err.option_lines", option=Quoted(option)))
    licences = [line_costs(line, settings) for line in own if line.category is Category.LICENCE]
    costed = tuple(line_costs(line, settings, licences) for line in own)
    return _option_from_costed(option, costed, settings)


ScheduleRow = (
    tuple[Category, str, Sequence[float]] | tuple[Category, str, Sequence[float], Frequency]
)
"""One explicit cost schedule: category, description, the amount of every period (index 0 =
initial period, then years 1..n), and optionally its frequency (recurring by default)."""


def option_from_schedules(
    option: str, schedules: Sequence[ScheduleRow], settings: TcoSettings
) -> OptionCosts:
    """Cost of one option whose amounts per period are already known (a vendor's pricing
    turned into yearly costs, for instance), with the same totals, present value and timing as
    :func:`option_costs`.

    Each schedule is ``(category, description, amounts)`` or ``(category, description, amounts,
    frequency)``, with one amount >= 0 per period (``settings.periods`` of them). The frequency
    only says when the money goes out within a year, for the break-even: ``Frequency.ONE_OFF``
    amounts fall at the start of their period, recurring ones (the default, shown as
    ``Frequency.YEARLY``) accrue evenly over the year. Amounts are taken as they are: no
    escalation is applied. Each schedule becomes a flat :class:`CostLine` (unit price 0,
    quantity 1) carrying its category and description, with its amounts in ``per_period``.

    The seed example (DOMAIN.md §4), as schedules over 3 years:

    >>> s = TcoSettings(horizon_years=3, users=4)
    >>> saas = option_from_schedules("SaaS", [
    ...     (Category.SUBSCRIPTION, "60 per user per month", [0, 2880, 2880, 2880]),
    ...     (Category.IMPLEMENTATION, "Services", [2000, 0, 0, 0], Frequency.ONE_OFF),
    ... ], s)
    >>> saas.per_period, saas.total, saas.one_off_total
    ((2000.0, 2880.0, 2880.0, 2880.0), 10640.0, 2000.0)
    """
    if not schedules:
        raise InputError(msg("tco.err.option_schedules", option=Quoted(option)))
    costed: list[LineCosts] = []
    for row in schedules:
        match row:
            case (category, description, amounts):
                frequency = Frequency.YEARLY
            case (category, description, amounts, frequency):
                pass
            case _:
                raise InputError(msg("tco.err.schedule"), found=repr(row))
        per_period = tuple(float(amount) for amount in amounts)
        if len(per_period) != settings.periods:
            raise InputError(
                msg(
                    "tco.err.schedule_amounts",
                    count=settings.horizon_years,
                    periods=settings.periods,
                    years=settings.horizon_years,
                    description=Quoted(description),
                    option=Quoted(option),
                ),
                found=msg("tco.err.found.amounts", count=len(per_period), amounts=len(per_period)),
            )
        if not all(math.isfinite(amount) and amount >= 0 for amount in per_period):
            raise InputError(
                msg(
                    "tco.err.schedule_negative",
                    description=Quoted(description),
                    option=Quoted(option),
                ),
                found=next(
                    repr(amount) if not math.isfinite(amount) else Number(amount)
                    for amount in per_period
                    if not (math.isfinite(amount) and amount >= 0)
                ),
            )
        line = CostLine(option, category, frequency, Basis.FLAT, description=description)
        costed.append(LineCosts(line=line, quantity=1.0, per_period=per_period))
    return _option_from_costed(option, tuple(costed), settings)


def compare_options(lines: Iterable[CostLine], settings: TcoSettings) -> TcoComparison:
    """Cost every option found in ``lines`` (in order of first appearance) on one horizon,
    and find the break-even between each pair of options."""
    lines = list(lines)
    names = list(dict.fromkeys(line.option for line in lines))
    if not names:
        raise InputError(msg("tco.err.no_line"))
    return compare_option_costs([option_costs(name, lines, settings) for name in names], settings)


def compare_option_costs(options: Sequence[OptionCosts], settings: TcoSettings) -> TcoComparison:
    """Compare options already costed on the horizon of ``settings`` (by :func:`option_costs`
    or :func:`option_from_schedules`), in the order given, with the break-even between each
    pair of options.

    >>> s = TcoSettings(horizon_years=3)
    >>> a = option_from_schedules("A", [(Category.SUBSCRIPTION, "", [0, 100, 100, 100])], s)
    >>> b = option_from_schedules(
    ...     "B", [(Category.LICENCE, "", [140, 0, 0, 0], Frequency.ONE_OFF)], s)
    >>> study = compare_option_costs([a, b], s)
    >>> be = study.break_evens[0]  # A passes 140 after 140 / (100 / 12) = 16.8 months
    >>> study.cheapest.option, be.now_dearer, round(be.months, 1), be.month
    ('B', 'A', 16.8, 17)
    """
    options = tuple(options)
    if not options:
        raise InputError(msg("tco.err.no_option"))
    seen: set[str] = set()
    for costs in options:
        if costs.option in seen:
            raise InputError(
                msg("tco.err.option_names"),
                found=msg("tco.err.found.twice", option=Quoted(costs.option)),
            )
        seen.add(costs.option)
        if len(costs.per_period) != settings.periods:
            raise InputError(
                msg(
                    "tco.err.one_horizon",
                    count=settings.horizon_years,
                    years=settings.horizon_years,
                ),
                found=msg(
                    "tco.err.found.option_years",
                    count=len(costs.per_period) - 1,
                    option=Quoted(costs.option),
                    years=len(costs.per_period) - 1,
                ),
            )
    break_evens = tuple(
        be
        for i, first in enumerate(options)
        for second in options[i + 1 :]
        for be in break_even_points(first, second)
    )
    return TcoComparison(settings=settings, options=options, break_evens=break_evens)


def _option_from_costed(
    option: str, costed: tuple[LineCosts, ...], settings: TcoSettings
) -> OptionCosts:
    """Totals, cumulative costs, categories and present value of lines already costed."""
    per_period = tuple(
        math.fsum(lc.per_period[t] for lc in costed) for t in range(settings.periods)
    )
    cumulative = tuple(_running_sum(per_period))
    by_category: dict[Category, tuple[float, ...]] = {}
    for category in Category:
        rows = [lc.per_period for lc in costed if lc.line.category is category]
        if rows:
            by_category[category] = tuple(math.fsum(col) for col in zip(*rows, strict=True))
    total = cumulative[-1]
    user_months = settings.users * settings.horizon_years * MONTHS_PER_YEAR
    return OptionCosts(
        option=option,
        lines=costed,
        per_period=per_period,
        cumulative=cumulative,
        by_category=by_category,
        total=total,
        present_value=present_value(per_period, settings.discount_rate),
        cost_per_user_per_month=total / user_months if user_months else None,
    )


def present_value(per_period: Sequence[float], rate: float) -> float:
    """Present value of costs per period, the first one at t=0 (not discounted).

    >>> round(present_value([1000, 1100, 1210], 0.10), 2)
    3000.0
    """
    return float(npf.npv(rate, list(per_period)))


def break_even_points(a: OptionCosts, b: OptionCosts) -> list[BreakEven]:
    """Every moment the cumulative costs of ``a`` and ``b`` cross, under monthly accrual.

    Cumulative costs are compared from the end of the initial period: one-off costs of year t
    land at its start, recurring costs accrue evenly over its 12 months. A crossing is a
    strict change of which option is dearer (touching without passing is not a crossing).
    """
    one_off_a, recurring_a = _split_timing(a)
    one_off_b, recurring_b = _split_timing(b)
    diff = a.per_period[0] - b.per_period[0]  # > 0: a is dearer so far
    sign = _sign(diff)
    points: list[BreakEven] = []

    def record(months: float, month: int, year: int, new_sign: int) -> None:
        dearer, cheaper = (a, b) if new_sign > 0 else (b, a)
        amount = cumulative_at(cheaper, months)
        points.append(BreakEven(dearer.option, cheaper.option, months, month, year, amount))

    horizon = len(a.per_period) - 1
    for year in range(1, horizon + 1):
        start = MONTHS_PER_YEAR * (year - 1)
        diff += one_off_a[year] - one_off_b[year]
        new_sign = _sign(diff)
        if new_sign and sign and new_sign != sign:
            record(float(start), start + 1, year, new_sign)
        if new_sign:
            sign = new_sign
        slope = (recurring_a[year] - recurring_b[year]) / MONTHS_PER_YEAR
        end_diff = diff + slope * MONTHS_PER_YEAR
        end_sign = _sign(end_diff)
        if sign and end_sign and end_sign != sign:
            months = start + (-diff / slope)
            # the instant k (months) is in month k + 1, as a one-off at the start of a year
            month = min(start + MONTHS_PER_YEAR, math.floor(months + 1e-9) + 1)
            record(months, month, year, end_sign)
        if end_sign:
            sign = end_sign
        diff = end_diff
    return points


def accrual_path(costs: OptionCosts) -> list[tuple[float, float]]:
    """The cumulative cost as a path of (years from the start of year 1, amount) points under
    monthly accrual: a vertical step for one-off costs at the start of a year, a straight line
    for recurring costs within it.

    >>> s = TcoSettings(horizon_years=3, users=1)
    >>> lines = [CostLine("A", Category.IMPLEMENTATION, Frequency.ONE_OFF, Basis.FLAT, 100),
    ...          CostLine("A", Category.SUBSCRIPTION, Frequency.YEARLY, Basis.FLAT, 10)]
    >>> accrual_path(option_costs("A", lines, s))
    [(0.0, 0.0), (0.0, 100.0), (0.0, 100.0), (1.0, 110.0), (1.0, 110.0), (2.0, 120.0), (2.0, 120.0),
     (3.0, 130.0)]
    """
    one_off, recurring = _split_timing(costs)
    total = one_off[0]
    path = [(0.0, 0.0), (0.0, total)]
    for year in range(1, len(costs.per_period)):
        total += one_off[year]
        path.append((float(year - 1), total))
        total += recurring[year]
        path.append((float(year), total))
    return path


def cumulative_at(costs: OptionCosts, months: float) -> float:
    """Cumulative cost ``months`` after the start of year 1, under monthly accrual
    (one-off costs of a year included from its first instant)."""
    one_off, recurring = _split_timing(costs)
    horizon = len(costs.per_period) - 1
    year = min(max(int(months // MONTHS_PER_YEAR) + 1, 1), horizon)
    done = math.fsum(costs.per_period[:year]) + one_off[year]
    into_year = min(max(months - MONTHS_PER_YEAR * (year - 1), 0.0), MONTHS_PER_YEAR)
    return done + recurring[year] * into_year / MONTHS_PER_YEAR


def _split_timing(costs: OptionCosts) -> tuple[list[float], list[float]]:
    """Per period: what falls at its start (one-off) and what accrues over it (recurring)."""
    one_off = [0.0] * len(costs.per_period)
    recurring = [0.0] * len(costs.per_period)
    for lc in costs.lines:
        target = one_off if lc.line.frequency is Frequency.ONE_OFF else recurring
        for t, amount in enumerate(lc.per_period):
            target[t] += amount
    # Recurring costs dated in the initial period (start_year=0) are paid up front.
    one_off[0] += recurring[0]
    recurring[0] = 0.0
    return one_off, recurring


def _quantity(line: CostLine, settings: TcoSettings) -> float:
    if line.quantity is not None:
        return line.quantity
    if line.basis is Basis.PER_USER:
        return float(settings.users)
    if line.basis is Basis.PER_CONTACT:
        return float(settings.contacts)
    return 1.0


def _running_sum(values: Iterable[float]) -> Iterable[float]:
    seen: list[float] = []
    for value in values:
        seen.append(value)
        yield math.fsum(seen)


def _sign(value: float, tolerance: float = 1e-9) -> int:
    if value > tolerance:
        return 1
    if value < -tolerance:
        return -1
    return 0


CONVENTIONS: tuple[str, ...] = (
    "initial_period",
    "payment_timing",
    "escalation",
    "discounting",
    "break_even",
)
"""Keys of the conventions every TCO deliverable states (labels in :mod:`crmwb.core.i18n`)."""
