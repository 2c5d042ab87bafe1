"""Vendor pricing models turned into yearly costs, the vendor TCO, and its Monte Carlo.

Pure: a vendor's price list (editions per user, contact tiers, message tiers, modules, licence
and maintenance, one-off services, storage, minimum commitment) and the client's volumes in;
cost schedules per period, hidden costs, a :class:`~crmwb.tco.TcoComparison` and risk figures
out. No file, no printing, no plotting.

Conventions (on top of :mod:`crmwb.tco.model`'s):

* **Money** in the client's currency, excluding VAT; a cost is positive.
* **Periods**: index 0 is the initial period (t=0), then years 1..n, as in :mod:`crmwb.tco.model`.
  Subscriptions (users, contacts, messages, modules, storage, minimum) are paid in years
  1..n; licences and one-off services in the period they are dated in (initial by default).
* **Escalation**: every price is quoted for the initial period and year 1; in year t >= 1 it
  is multiplied by ``(1 + escalation) ** (t - 1)`` (the vendor's own rate, or the settings').
* **Volumes** are yearly averages: ``year_1 * (1 + growth) ** (t - 1)`` in year t (growth as a
  fraction), or one value per year. Users are whole seats: a fractional number of users is
  rounded up (4.4 users need 5 seats). Contacts, messages and gigabytes are not rounded.
* **Per user**: a price per user per month, by edition. An edition may have a maximum number
  of users; when the users exceed the chosen edition's maximum, the next edition that allows
  them is forced for that year (a *forced edition* hidden cost). Editions follow the users
  each year (back to the chosen one if the users fall again, as at a yearly renewal).
* **Per contact**: tiers by the number of contacts in the base (a tier's bound is included:
  10 000 contacts are in the "up to 10 000" tier). The price of the tier reached applies to the
  WHOLE base (not only to the contacts above the bound), **per contact per month** by default
  (times 12 for the year; ``PricePeriod.YEAR`` for per-year prices), plus the tier's flat
  price if any. Tiers never come down: once reached, a tier is kept for the following years
  even if the contacts fall (*tier jump* the year it is reached, *tier kept* the years after
  when the volume alone would be in a lower tier).
* **Per message**: a price per thousand messages, tiered the same way on the number of
  messages **per year** (flat prices per year).
* **Storage**: the gigabytes stored beyond the included storage (a fixed allowance plus an
  optional allowance per user) cost a price per GB per month (or per year): *storage overage*.
* **Minimum commitment**: a yearly minimum spend on the usage-based subscription (users,
  contacts, messages, modules, storage): the vendor is paid ``max(usage, minimum)``; the
  difference is a *minimum commitment* top-up. The minimum escalates like the prices.
* **Hidden costs** are flagged with the year they happen and their amount that year: the
  extra cost against the situation without the event (for a tier jump, against the tier held
  before; for a tier kept, against the tier of the volume alone). An amount can be negative
  when the rule works for the client (a cheaper price per contact in a higher tier).

**Monte Carlo** (:func:`simulate`): a schedule may carry an uncertainty, a Beta-PERT
multiplier (low, 1, high) of its amounts (:mod:`crmwb.core.uncertainty`); a one-off service may give
its amount as a three-point estimate, turned into such a multiplier. One multiplier is drawn
per schedule and per draw, and applies to all the schedule's periods (an estimate that is off
is off every year); schedules are independent, except those of one vendor sharing a ``driver``
(a licence and its maintenance), which share their draw. The minimum-commitment top-up is
recomputed in each draw from the drawn usage. Results: P10 / P50 / P90 of each vendor's total
(undiscounted and present value), the probability that each vendor is the cheapest (ties
within a relative 1e-9 are split equally between the tied vendors, so the probabilities sum
to 1), and P10 / P50 / P90 bands of the cumulative cost at the end of each period.

The seed example (DOMAIN.md §4): a licence of 3 000 with 20 % maintenance and 6 000 of
services, against SaaS at 60 per user per month for 4 users and 2 000 of services, on 7 years:

>>> settings = TcoSettings(horizon_years=7, users=4)
>>> licence = VendorPricing("Licence", licences=(LicencePurchase(3000, 0.20),),
...                         services=(OneOffService("Services, training, hardware", 6000),))
>>> saas = VendorPricing("SaaS", users=UserPricing((Edition("Standard", 60),)),
...                      services=(OneOffService("Services and training", 2000),))
>>> study = compare_vendors([licence, saas], settings)
>>> [round(o.total) for o in study.comparison.options]
[13200, 22160]
>>> be = study.comparison.headline_break_even
>>> be.now_dearer, be.year, be.month
('SaaS', 4, 37)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from crmwb.core import i18n
from crmwb.core.errors import InputError, Msg, Number, Quoted, msg
from crmwb.core.i18n import Lang
from crmwb.core.uncertainty import (
    Bands,
    Method,
    Percentiles,
    Pert,
    Seed,
    generator,
    percentile_bands,
    percentiles,
    sample_perts,
)
from crmwb.tco.model import (
    Basis,
    Category,
    CostLine,
    Frequency,
    OptionCosts,
    TcoComparison,
    TcoSettings,
    compare_option_costs,
    line_costs,
    option_from_schedules,
)

MONTHS_PER_YEAR = 12
MESSAGES_PER_PRICE_UNIT = 1000
"""Message prices are per thousand messages."""

_SEAT_TOLERANCE = 1e-6  # 10.0000000001 users are 10 seats, not 11
_BOUND_TOLERANCE = 1e-9  # relative: a volume this close to a tier bound is on it
_TIE_TOLERANCE = 1e-9  # relative: totals this close are a tie for the cheapest


class PricePeriod(StrEnum):
    """What a recurring price is quoted per: per month or per year."""

    MONTH = "month"
    YEAR = "year"

    @property
    def per_year(self) -> int:
        return MONTHS_PER_YEAR if self is PricePeriod.MONTH else 1


class HiddenCostKind(StrEnum):
    """The costs the seeds say are badly anticipated in SaaS price lists (DOMAIN.md §4)."""

    FORCED_EDITION = "forced_edition"
    TIER_JUMP = "tier_jump"
    TIER_KEPT = "tier_kept"
    STORAGE_OVERAGE = "storage_overage"
    MINIMUM_COMMITMENT = "minimum_commitment"


@dataclass(frozen=True)
class HiddenCost:
    """One hidden cost of one schedule, in one year.

    ``amount`` is its extra cost that year (negative when the rule works for the client);
    ``volume`` the quantity that triggered it (users, contacts, messages, GB, or the usage spend
    for a minimum commitment) and ``limit`` the bound it is measured against (the edition's
    maximum, the tier bound, the included GB, the minimum). ``unit`` says what they count
    (:data:`HIDDEN_COST_UNITS`); ``editions`` are, for a forced edition, the edition quoted and
    the one forced. The report writes them in the client's language
    (:func:`crmwb.vendors.views.hidden_cost_detail`).
    """

    kind: HiddenCostKind
    year: int
    line: str
    amount: float
    volume: float
    limit: float
    unit: str
    editions: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.unit not in HIDDEN_COST_UNITS:
            raise InputError(
                msg("pricelist.err.unit", units=tuple(Quoted(u) for u in HIDDEN_COST_UNITS)),
                found=repr(self.unit),
            )


HIDDEN_COST_UNITS = ("users", "contacts", "messages", "gb", "money")
"""What a hidden cost's volume and limit count: users, contacts, messages (per year), GB
stored, or money (the usage spend against a minimum commitment)."""


@dataclass(frozen=True)
class CostSchedule:
    """What one cost item of a vendor costs in each period (index 0 = initial period).

    ``frequency`` only says when the money goes out within a year (see
    :func:`crmwb.tco.option_from_schedules`): ``ONE_OFF`` at the start of the period,
    otherwise accrued over the year. ``uncertainty`` is a Beta-PERT multiplier of the amounts
    with most likely value 1 (the amounts are the most likely costs), for instance
    ``Pert(0.9, 1.0, 1.3)``. Schedules of one vendor with the same non-empty ``driver`` share
    their draw in the Monte Carlo (they must carry the same uncertainty).
    ``counts_toward_minimum`` marks the usage a minimum commitment applies to.
    """

    category: Category
    description: str
    per_period: tuple[float, ...]
    frequency: Frequency = Frequency.YEARLY
    uncertainty: Pert | None = None
    counts_toward_minimum: bool = False
    hidden_costs: tuple[HiddenCost, ...] = ()
    driver: str = ""

    def __post_init__(self) -> None:
        amounts = tuple(float(amount) for amount in self.per_period)
        if not amounts or not all(math.isfinite(a) and a >= 0 for a in amounts):
            raise InputError(
                msg("pricelist.err.amounts", what=Quoted(self.description)), found=repr(amounts)
            )
        object.__setattr__(self, "per_period", amounts)
        _check_multiplier(self.uncertainty, Quoted(self.description))

    @property
    def total(self) -> float:
        return math.fsum(self.per_period)


@dataclass(frozen=True)
class VendorCosts:
    """Every cost schedule of one vendor over one horizon, with its hidden costs.

    ``minimum_spend`` is the minimum the vendor is paid in each period on the schedules that
    count toward it (0 where there is none); the top-up it causes is derived
    (:attr:`minimum_top_up`), so that it stays right when the usage is drawn at random.
    """

    vendor: str
    schedules: tuple[CostSchedule, ...]
    minimum_spend: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "schedules", tuple(self.schedules))
        vendor = Quoted(self.vendor)
        if not self.schedules:
            raise InputError(msg("pricelist.err.no_schedule", vendor=vendor))
        lengths = {len(s.per_period) for s in self.schedules}
        if self.minimum_spend is not None:
            minimum = tuple(float(x) for x in self.minimum_spend)
            if not all(math.isfinite(x) and x >= 0 for x in minimum):
                raise InputError(msg("pricelist.err.minimum_spend", vendor=vendor))
            object.__setattr__(self, "minimum_spend", minimum)
            lengths.add(len(minimum))
        if len(lengths) != 1:
            raise InputError(
                msg("pricelist.err.one_horizon", vendor=vendor),
                found=msg("pricelist.err.found.years", years=tuple(sorted(n - 1 for n in lengths))),
            )
        drivers: dict[str, Pert | None] = {}
        for s in self.schedules:
            if s.driver and drivers.setdefault(s.driver, s.uncertainty) != s.uncertainty:
                raise InputError(
                    msg("pricelist.err.driver", driver=Quoted(s.driver), vendor=vendor),
                    found=msg(
                        "pricelist.err.found.and",
                        first=repr(drivers[s.driver]),
                        second=repr(s.uncertainty),
                    ),
                )

    @property
    def periods(self) -> int:
        return len(self.schedules[0].per_period)

    @property
    def minimum_top_up(self) -> CostSchedule | None:
        """What is paid on top of the usage to reach the minimum spend, or None without one."""
        if self.minimum_spend is None:
            return None
        amounts = [0.0] * self.periods
        flags: list[HiddenCost] = []
        for t, minimum in enumerate(self.minimum_spend):
            usage = math.fsum(s.per_period[t] for s in self.schedules if s.counts_toward_minimum)
            if minimum > usage:
                amounts[t] = minimum - usage
                flags.append(
                    HiddenCost(
                        HiddenCostKind.MINIMUM_COMMITMENT,
                        t,
                        _TOP_UP,
                        amounts[t],
                        usage,
                        minimum,
                        "money",
                    )
                )
        return CostSchedule(
            Category.SUBSCRIPTION, _TOP_UP, tuple(amounts), hidden_costs=tuple(flags)
        )

    @property
    def all_schedules(self) -> tuple[CostSchedule, ...]:
        """The schedules, then the minimum-commitment top-up if there is a minimum."""
        top_up = self.minimum_top_up
        return self.schedules if top_up is None else (*self.schedules, top_up)

    @property
    def per_period(self) -> tuple[float, ...]:
        schedules = self.all_schedules
        return tuple(math.fsum(s.per_period[t] for s in schedules) for t in range(self.periods))

    @property
    def total(self) -> float:
        return math.fsum(self.per_period)

    @property
    def hidden_costs(self) -> tuple[HiddenCost, ...]:
        """Every hidden cost of the vendor, by year, then in schedule order."""
        flags = [flag for s in self.all_schedules for flag in s.hidden_costs]
        return tuple(sorted(flags, key=lambda flag: flag.year))

    def option_costs(self, settings: TcoSettings) -> OptionCosts:
        """The vendor as a TCO option (:func:`crmwb.tco.option_from_schedules`)."""
        rows = [(s.category, s.description, s.per_period, s.frequency) for s in self.all_schedules]
        return option_from_schedules(self.vendor, rows, settings)


# --- the client's volumes ----------------------------------------------------------------


@dataclass(frozen=True)
class Volume:
    """A volume per year: ``year_1`` growing by ``growth`` (a fraction) a year, or one value
    per year in ``yearly`` (years 1..n; see :meth:`series`).

    >>> [round(Volume(9000, 0.20).in_year(t)) for t in (1, 2, 3)]
    [9000, 10800, 12960]
    >>> Volume.series(100, 80).in_year(2)
    80.0
    """

    year_1: float = 0.0
    growth: float = 0.0
    yearly: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        if not math.isfinite(self.year_1) or self.year_1 < 0:
            raise InputError(msg("pricelist.err.volume"), found=repr(self.year_1))
        if not (math.isfinite(self.growth) and -1 < self.growth <= 1):
            raise InputError(
                msg("pricelist.err.growth"),
                found=repr(self.growth),
                hint=msg("pricelist.err.hint.fraction", percent=20, fraction=Number(0.2)),
            )
        if self.yearly is not None:
            values = tuple(float(v) for v in self.yearly)
            if not values or not all(math.isfinite(v) and v >= 0 for v in values):
                raise InputError(msg("pricelist.err.volumes"), found=repr(self.yearly))
            object.__setattr__(self, "yearly", values)

    @classmethod
    def series(cls, *values: float) -> Volume:
        """One volume per year, from year 1."""
        if not values:
            raise InputError(msg("pricelist.err.one_volume"))
        return cls(year_1=float(values[0]), yearly=tuple(float(v) for v in values))

    def in_year(self, year: int) -> float:
        """The volume in year ``year`` (>= 1)."""
        if self.yearly is not None:
            if not 1 <= year <= len(self.yearly):
                raise InputError(
                    msg("pricelist.err.volume_for", year=year),
                    found=msg("pricelist.err.found.volumes", last=len(self.yearly)),
                )
            return self.yearly[year - 1]
        return float(self.year_1 * (1 + self.growth) ** (year - 1))


@dataclass(frozen=True)
class Volumes:
    """The client's volumes: CRM users, contacts in the base, messages sent per year, GB
    stored."""

    users: Volume = Volume()
    contacts: Volume = Volume()
    messages: Volume = Volume()
    storage_gb: Volume = Volume()

    @classmethod
    def from_settings(cls, settings: TcoSettings) -> Volumes:
        """The settings' users and contacts, without growth."""
        return cls(users=Volume(settings.users), contacts=Volume(settings.contacts))


# --- pricing models ----------------------------------------------------------------------


@dataclass(frozen=True)
class Edition:
    """A SaaS edition: a price per user per month, and optionally a maximum number of users."""

    name: str
    price_per_user_month: float
    max_users: int | None = None

    def __post_init__(self) -> None:
        _check_price(
            self.price_per_user_month, msg("pricelist.what.edition", name=Quoted(self.name))
        )
        if self.max_users is not None and self.max_users < 1:
            raise InputError(
                msg("pricelist.err.max_users", name=Quoted(self.name)), found=repr(self.max_users)
            )


@dataclass(frozen=True)
class UserPricing:
    """Per user per month, by edition. ``editions`` go from the smallest to the largest: the
    maxima given strictly increase, and editions without a maximum come last. ``chosen`` is the
    edition quoted (the first by default)."""

    editions: tuple[Edition, ...]
    chosen: str | None = None
    uncertainty: Pert | None = None

    def __post_init__(self) -> None:
        if not self.editions:
            raise InputError(msg("pricelist.err.no_edition"))
        names = [e.name for e in self.editions]
        if len(set(names)) != len(names):
            raise InputError(
                msg("pricelist.err.edition_names"),
                found=msg("pricelist.err.found.names", names=tuple(Quoted(n) for n in names)),
            )
        if self.chosen is not None and self.chosen not in names:
            raise InputError(
                msg("pricelist.err.chosen", names=tuple(Quoted(n) for n in names)),
                found=Quoted(self.chosen),
            )
        maxima = [e.max_users for e in self.editions]
        limited = [m for m in maxima if m is not None]
        if maxima[: len(limited)] != limited or any(b <= a for a, b in itertools.pairwise(limited)):
            raise InputError(msg("pricelist.err.editions_order"), found=repr(maxima))
        _check_multiplier(self.uncertainty, msg("pricelist.what.per_user"))

    @property
    def chosen_index(self) -> int:
        if self.chosen is None:
            return 0
        return [e.name for e in self.editions].index(self.chosen)


@dataclass(frozen=True)
class Tier:
    """A price tier: volumes up to ``up_to`` included (None: no limit). ``price`` is per unit
    (per contact per month or year; per thousand messages); ``flat_price`` is added per price
    period (per month or year for contacts, per year for messages)."""

    up_to: float | None
    price: float
    flat_price: float = 0.0

    def __post_init__(self) -> None:
        _check_price(self.price, msg("pricelist.what.tier"))
        _check_price(self.flat_price, msg("pricelist.what.tier"))


@dataclass(frozen=True)
class ContactPricing:
    """Per contact in the base, by tier (whole base at the tier's price; tiers never come
    down). Prices per contact per month unless ``per`` is ``PricePeriod.YEAR``."""

    tiers: tuple[Tier, ...]
    per: PricePeriod = PricePeriod.MONTH
    uncertainty: Pert | None = None

    def __post_init__(self) -> None:
        _check_tiers(self.tiers, "contact")
        _check_multiplier(self.uncertainty, msg("pricelist.what.per_contact"))


@dataclass(frozen=True)
class MessagePricing:
    """Per thousand messages sent, by tier of messages per year (as contacts: the whole volume
    at the tier's price, tiers never come down)."""

    tiers: tuple[Tier, ...]
    uncertainty: Pert | None = None

    def __post_init__(self) -> None:
        _check_tiers(self.tiers, "message")
        _check_multiplier(self.uncertainty, msg("pricelist.what.messages"))


@dataclass(frozen=True)
class Module:
    """An activated module at a flat price per month (or per year), from ``start_year`` to
    ``end_year`` (the horizon by default)."""

    name: str
    price: float
    per: PricePeriod = PricePeriod.MONTH
    start_year: int = 1
    end_year: int | None = None
    uncertainty: Pert | None = None

    def __post_init__(self) -> None:
        module = msg("pricelist.what.module", name=Quoted(self.name))
        _check_price(self.price, module)
        if self.start_year < 1 or (self.end_year is not None and self.end_year < self.start_year):
            raise InputError(
                msg("pricelist.err.module_years", name=Quoted(self.name)),
                found=msg(
                    "pricelist.err.found.years_range",
                    first=self.start_year,
                    last=str(self.end_year),
                ),
            )
        _check_multiplier(self.uncertainty, module)


@dataclass(frozen=True)
class LicencePurchase:
    """A licence bought in period ``year`` (0 = initial period) with a yearly maintenance of
    ``maintenance_rate`` (a fraction) of the licence held, paid every year from year 1 once
    bought (as :func:`crmwb.tco.licence_held`). ``uncertainty`` multiplies the licence and its
    maintenance together (one draw)."""

    amount: float
    maintenance_rate: float = 0.0
    year: int = 0
    description: str = "Licence"
    uncertainty: Pert | None = None

    def __post_init__(self) -> None:
        what = Quoted(self.description)
        _check_price(self.amount, what)
        if not (math.isfinite(self.maintenance_rate) and 0 <= self.maintenance_rate < 1):
            raise InputError(
                msg("pricelist.err.maintenance_rate", what=what),
                found=repr(self.maintenance_rate),
                hint=msg("pricelist.err.hint.fraction", percent=20, fraction=Number(0.2)),
            )
        _check_multiplier(self.uncertainty, what)


@dataclass(frozen=True)
class OneOffService:
    """A one-off cost (implementation, migration, training, AMOA consulting, hardware...) paid
    at the start of period ``year`` (0 = initial period). ``amount`` is a figure, or a
    three-point estimate ``Pert(low, most_likely, high)``: the TCO takes the most likely
    amount, the Monte Carlo the whole range."""

    description: str
    amount: float | Pert
    category: Category = Category.IMPLEMENTATION
    year: int = 0

    def __post_init__(self) -> None:
        what = Quoted(self.description)
        if isinstance(self.amount, Pert):
            if self.amount.low < 0:
                raise InputError(
                    msg("pricelist.err.amounts_of", what=what), found=repr(self.amount.low)
                )
            if self.amount.most_likely <= 0 and not self.amount.is_degenerate:
                raise InputError(
                    msg("pricelist.err.most_likely", what=what),
                    found=repr(self.amount.most_likely),
                    hint=msg("pricelist.err.hint.most_likely"),
                )
        else:
            _check_price(self.amount, what)

    @property
    def most_likely(self) -> float:
        return self.amount.most_likely if isinstance(self.amount, Pert) else float(self.amount)

    @property
    def uncertainty(self) -> Pert | None:
        """The amount's range as a multiplier of the most likely amount."""
        if not isinstance(self.amount, Pert) or self.amount.is_degenerate:
            return None
        ml = self.amount.most_likely
        return Pert(self.amount.low / ml, 1.0, self.amount.high / ml, self.amount.shape)


@dataclass(frozen=True)
class StoragePricing:
    """Storage overage: the GB stored beyond ``included_gb`` (plus ``included_per_user_gb``
    per user) cost ``price_per_gb`` per month (or per year)."""

    included_gb: float
    price_per_gb: float
    per: PricePeriod = PricePeriod.MONTH
    included_per_user_gb: float = 0.0
    uncertainty: Pert | None = None

    def __post_init__(self) -> None:
        _check_price(self.included_gb, msg("pricelist.what.included"))
        _check_price(self.included_per_user_gb, msg("pricelist.what.included_per_user"))
        _check_price(self.price_per_gb, msg("pricelist.what.overage"))
        _check_multiplier(self.uncertainty, msg("pricelist.what.overage"))


@dataclass(frozen=True)
class MinimumCommitment:
    """A minimum yearly spend on the usage-based subscription, from ``first_year`` to
    ``last_year`` (the horizon by default)."""

    amount_per_year: float
    first_year: int = 1
    last_year: int | None = None

    def __post_init__(self) -> None:
        _check_price(self.amount_per_year, msg("pricelist.what.minimum"))
        if self.first_year < 1 or (self.last_year is not None and self.last_year < self.first_year):
            raise InputError(
                msg("pricelist.err.minimum_years"),
                found=msg(
                    "pricelist.err.found.years_range",
                    first=self.first_year,
                    last=str(self.last_year),
                ),
            )


@dataclass(frozen=True)
class VendorPricing:
    """One vendor's price list. ``escalation`` (a fraction) overrides the settings' annual
    price escalation for this vendor."""

    vendor: str
    users: UserPricing | None = None
    contacts: ContactPricing | None = None
    messages: MessagePricing | None = None
    modules: tuple[Module, ...] = ()
    licences: tuple[LicencePurchase, ...] = ()
    services: tuple[OneOffService, ...] = ()
    storage: StoragePricing | None = None
    minimum: MinimumCommitment | None = None
    escalation: float | None = None

    def __post_init__(self) -> None:
        if self.escalation is not None and not (
            math.isfinite(self.escalation) and -1 < self.escalation < 1
        ):
            raise InputError(
                msg("pricelist.err.escalation", vendor=Quoted(self.vendor)),
                found=repr(self.escalation),
                hint=msg("pricelist.err.hint.fraction", percent=3, fraction=Number(0.03)),
            )


# --- from pricing to costs ---------------------------------------------------------------


@dataclass(frozen=True)
class VendorStudy:
    """Every vendor's schedules and the TCO comparison between them, on one horizon."""

    vendors: tuple[VendorCosts, ...]
    comparison: TcoComparison

    @property
    def hidden_costs(self) -> tuple[tuple[str, HiddenCost], ...]:
        """(vendor, hidden cost) for every vendor, by vendor then year."""
        return tuple((v.vendor, flag) for v in self.vendors for flag in v.hidden_costs)

    def vendor(self, name: str) -> VendorCosts:
        for costs in self.vendors:
            if costs.vendor == name:
                return costs
        raise KeyError(name)


def vendor_costs(
    pricing: VendorPricing, settings: TcoSettings, volumes: Volumes | None = None
) -> VendorCosts:
    """A vendor's price list as cost schedules over the horizon of ``settings``.

    ``volumes`` default to the settings' users and contacts, without growth. Schedules come in
    this order: licences (each followed by its maintenance), users, contacts, messages,
    modules, storage, services; the minimum-commitment top-up is derived.

    >>> s = TcoSettings(horizon_years=3)
    >>> tiers = (Tier(10_000, 0.05), Tier(50_000, 0.04))
    >>> costs = vendor_costs(VendorPricing("V", contacts=ContactPricing(tiers)), s,
    ...                      Volumes(contacts=Volume(9_000, 0.20)))
    >>> [round(x, 2) for x in costs.per_period]  # 9 000 x 0.05 x 12; 10 800 x 0.04 x 12 ...
    [0.0, 5400.0, 5184.0, 6220.8]
    >>> [(h.kind.value, h.year, round(h.amount)) for h in costs.hidden_costs]
    [('tier_jump', 2, -1296)]
    """
    volumes = Volumes.from_settings(settings) if volumes is None else volumes
    esc = settings.escalation if pricing.escalation is None else pricing.escalation
    years = range(1, settings.horizon_years + 1)
    # escalation of the prices: 1 in the initial period and year 1, (1 + e) ** (t - 1) after
    price_index = [1.0] + [(1 + esc) ** (t - 1) for t in years]
    seats = [0] + [_seats(volumes.users.in_year(t)) for t in years]
    schedules: list[CostSchedule] = []
    for i, licence in enumerate(pricing.licences):
        schedules += _licence_schedules(pricing.vendor, licence, i, esc, settings)
    if pricing.users is not None:
        schedules.append(_user_schedule(pricing.users, seats, price_index))
    if pricing.contacts is not None:
        c = pricing.contacts
        contacts = [0.0] + [volumes.contacts.in_year(t) for t in years]
        amounts, flags = _tiered(
            c.tiers, contacts, price_index, c.per.per_year, 1, _CONTACTS, "contacts"
        )
        schedules.append(_usage(_CONTACTS, amounts, flags, c.uncertainty))
    if pricing.messages is not None:
        m = pricing.messages
        messages = [0.0] + [volumes.messages.in_year(t) for t in years]
        amounts, flags = _tiered(
            m.tiers, messages, price_index, 1, MESSAGES_PER_PRICE_UNIT, _MESSAGES, "messages"
        )
        schedules.append(_usage(_MESSAGES, amounts, flags, m.uncertainty))
    for module in pricing.modules:
        schedules.append(_module_schedule(pricing.vendor, module, esc, settings))
    if pricing.storage is not None:
        schedules.append(_storage_schedule(pricing.storage, volumes, seats, price_index))
    for service in pricing.services:
        schedules.append(_service_schedule(pricing.vendor, service, esc, settings))
    if not schedules:
        raise InputError(msg("pricelist.err.no_item", vendor=Quoted(pricing.vendor)))
    minimum = None
    if pricing.minimum is not None:
        mc = pricing.minimum
        last = settings.horizon_years if mc.last_year is None else mc.last_year
        minimum = tuple(
            mc.amount_per_year * price_index[t] if mc.first_year <= t <= last else 0.0
            for t in range(settings.periods)
        )
    return VendorCosts(pricing.vendor, tuple(schedules), minimum)


def compare_vendors(
    pricings: Sequence[VendorPricing], settings: TcoSettings, volumes: Volumes | None = None
) -> VendorStudy:
    """Cost every vendor on the same volumes and horizon, and compare them as TCO options
    (:func:`crmwb.tco.compare_option_costs`: totals, present values, break-evens)."""
    costs = tuple(vendor_costs(p, settings, volumes) for p in pricings)
    return VendorStudy(costs, compare_vendor_costs(costs, settings))


def compare_vendor_costs(vendors: Sequence[VendorCosts], settings: TcoSettings) -> TcoComparison:
    """Vendors already costed (or built from explicit schedules), as a TCO comparison."""
    return compare_option_costs([v.option_costs(settings) for v in vendors], settings)


# --- Monte Carlo -------------------------------------------------------------------------


@dataclass(frozen=True)
class VendorRisk:
    """One vendor's Monte Carlo figures. ``cumulative`` has the P10 / P50 / P90 of the
    cumulative cost at the end of each period (index 0 = initial period), for a chart."""

    vendor: str
    total: Percentiles
    present_value: Percentiles
    mean_total: float
    mean_present_value: float
    p_cheapest: float
    """Probability that its undiscounted total is the lowest (ties split equally)."""
    p_cheapest_present_value: float
    cumulative: Bands


@dataclass(frozen=True)
class MonteCarloResult:
    """The vendors' risk figures, in the order given, with the draws and seed that made them."""

    draws: int
    seed: int | None
    vendors: tuple[VendorRisk, ...]

    def vendor(self, name: str) -> VendorRisk:
        for risk in self.vendors:
            if risk.vendor == name:
                return risk
        raise KeyError(name)

    @property
    def most_often_cheapest(self) -> VendorRisk:
        return max(self.vendors, key=lambda r: r.p_cheapest)


def simulate(
    vendors: Sequence[VendorCosts],
    settings: TcoSettings,
    draws: int = 10_000,
    seed: Seed = 0,
    *,
    method: Method = "table",
) -> MonteCarloResult:
    """Draw every uncertain schedule ``draws`` times and summarise each vendor's TCO.

    Each vendor gets its own random stream, spawned from ``seed`` in the order the vendors are
    given: a vendor's draws do not change when another vendor's schedules change. Present
    values follow :func:`crmwb.tco.present_value` (period 0 not discounted). A vendor without
    uncertainty has the same total in every draw. Ties for the cheapest (totals within a
    relative 1e-9) are split equally, so the probabilities sum to 1.

    >>> s = TcoSettings(horizon_years=3)
    >>> sure = VendorCosts("Sure", (CostSchedule(Category.SUBSCRIPTION, "Subscription",
    ...                                          (0, 100, 100, 100)),))
    >>> risky = VendorCosts("Risky", (CostSchedule(Category.SUBSCRIPTION, "Subscription",
    ...     (0, 90, 90, 90), uncertainty=Pert(0.5, 1.0, 2.0)),))
    >>> result = simulate([sure, risky], s, draws=100_000, seed=1)
    >>> result.vendor("Sure").total
    Percentiles(p10=300.0, p50=300.0, p90=300.0)

    Risky's mean total is 270 x (0.5 + 4 x 1 + 2) / 6 = 292.5, with a standard deviation of
    270 x sqrt((1.0833 - 0.5)(2 - 1.0833) / 7) = 74.6, so a standard error of 0.24:

    >>> bool(abs(result.vendor("Risky").mean_total - 292.5) < 1.2)
    True
    >>> round(sum(r.p_cheapest for r in result.vendors), 9)
    1.0
    """
    vendors = tuple(vendors)
    if not vendors:
        raise InputError(msg("pricelist.err.simulate"))
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 1:
        raise InputError(msg("pert.err.draws"), found=repr(draws))
    names = [v.vendor for v in vendors]
    if len(set(names)) != len(names):
        raise InputError(
            msg("pricelist.err.vendor_names"),
            found=msg("pricelist.err.found.names", names=tuple(Quoted(n) for n in names)),
        )
    for v in vendors:
        if v.periods != settings.periods:
            raise InputError(
                msg(
                    "pricelist.err.horizon",
                    count=settings.horizon_years,
                    number=settings.horizon_years,
                ),
                found=msg(
                    "pricelist.err.found.over",
                    vendor=Quoted(v.vendor),
                    count=v.periods - 1,
                    number=v.periods - 1,
                ),
            )
    streams = generator(seed).spawn(len(vendors))
    discount = (1 + settings.discount_rate) ** -np.arange(settings.periods, dtype=np.float64)
    totals = np.empty((len(vendors), draws))
    present_values = np.empty((len(vendors), draws))
    bands: list[Bands] = []
    for j, (vendor, stream) in enumerate(zip(vendors, streams, strict=True)):
        cost = _draw_costs(vendor, draws, stream, method)  # periods x draws
        present_values[j] = discount @ cost
        for t in range(1, settings.periods):  # cumulate in place, period by period
            cost[t] += cost[t - 1]
        totals[j] = cost[-1]
        bands.append(percentile_bands(cost.T))
    p_cheapest = _cheapest_shares(totals)
    p_cheapest_pv = _cheapest_shares(present_values)
    risks = tuple(
        VendorRisk(
            vendor=v.vendor,
            # the total is the cumulative cost at the end of the horizon
            total=Percentiles(bands[j].p10[-1], bands[j].p50[-1], bands[j].p90[-1]),
            present_value=percentiles(present_values[j]),
            mean_total=float(totals[j].mean()),
            mean_present_value=float(present_values[j].mean()),
            p_cheapest=float(p_cheapest[j]),
            p_cheapest_present_value=float(p_cheapest_pv[j]),
            cumulative=bands[j],
        )
        for j, v in enumerate(vendors)
    )
    return MonteCarloResult(
        draws=draws,
        seed=None if isinstance(seed, np.random.Generator) else int(seed),
        vendors=risks,
    )


def _draw_costs(
    vendor: VendorCosts, draws: int, rng: np.random.Generator, method: Method
) -> NDArray[np.float64]:
    """The vendor's cost per period (rows) and draw (columns), minimum top-up included."""
    periods = vendor.periods
    fixed = np.zeros(periods)
    fixed_usage = np.zeros(periods)
    groups: dict[str, int] = {}
    estimates: list[Pert] = []
    rows: list[NDArray[np.float64]] = []
    usage_rows: list[NDArray[np.float64]] = []
    for i, s in enumerate(vendor.schedules):
        amounts = np.asarray(s.per_period)
        usage = amounts if s.counts_toward_minimum else np.zeros(periods)
        if s.uncertainty is None or s.uncertainty.is_degenerate:
            fixed += amounts
            fixed_usage += usage
            continue
        key = f"driver:{s.driver}" if s.driver else f"schedule:{i}"
        if key not in groups:
            groups[key] = len(estimates)
            estimates.append(s.uncertainty)
            rows.append(np.zeros(periods))
            usage_rows.append(np.zeros(periods))
        rows[groups[key]] += amounts
        usage_rows[groups[key]] += usage
    if not estimates:
        cost = np.repeat(fixed[:, None], draws, axis=1)
        if vendor.minimum_spend is not None:
            cost += np.maximum(np.asarray(vendor.minimum_spend) - fixed_usage, 0.0)[:, None]
        return cost
    # one row per estimate, one column per draw (sample_perts returns the transposed view)
    multipliers = np.ascontiguousarray(sample_perts(estimates, draws, rng, method=method).T)
    cost = np.stack(rows, axis=1) @ multipliers
    cost += fixed[:, None]
    if vendor.minimum_spend is not None:
        shortfall = np.stack(usage_rows, axis=1) @ multipliers
        shortfall += fixed_usage[:, None]
        np.subtract(np.asarray(vendor.minimum_spend)[:, None], shortfall, out=shortfall)
        np.maximum(shortfall, 0.0, out=shortfall)
        cost += shortfall
    return cost


def _cheapest_shares(totals: NDArray[np.float64]) -> NDArray[np.float64]:
    """Per vendor (row), the share of draws (columns) where it is the cheapest, ties split."""
    lowest = totals.min(axis=0)
    tied = totals <= lowest + _TIE_TOLERANCE * np.maximum(np.abs(lowest), 1.0)
    shares: NDArray[np.float64] = (tied / tied.sum(axis=0)).mean(axis=1)
    return shares


# --- schedules of each pricing model -----------------------------------------------------

_CONTACTS = "Subscription per contact"
_MESSAGES = "Messages"
_STORAGE = "Storage overage"
_TOP_UP = "Minimum commitment top-up"


def _usage(
    description: str,
    amounts: Sequence[float],
    flags: Sequence[HiddenCost],
    uncertainty: Pert | None,
) -> CostSchedule:
    return CostSchedule(
        Category.SUBSCRIPTION,
        description,
        tuple(amounts),
        uncertainty=uncertainty,
        counts_toward_minimum=True,
        hidden_costs=tuple(flags),
    )


def _user_schedule(
    users: UserPricing, seats: Sequence[int], price_index: Sequence[float]
) -> CostSchedule:
    chosen = users.chosen_index
    base = users.editions[chosen]
    description = f"Subscription per user ({base.name})"
    amounts = [0.0] * len(seats)
    flags: list[HiddenCost] = []
    for t in range(1, len(seats)):
        n = seats[t]
        i = chosen
        while (limit := users.editions[i].max_users) is not None and n > limit:
            i += 1
            if i == len(users.editions):
                raise InputError(
                    msg("pricelist.err.edition_for", users=n, year=t),
                    found=msg(
                        "pricelist.err.found.at_most",
                        count=limit,
                        number=limit,
                        edition=Quoted(users.editions[-1].name),
                    ),
                    hint=msg("pricelist.err.hint.next_edition"),
                )
        edition = users.editions[i]
        yearly = n * MONTHS_PER_YEAR * price_index[t]
        amounts[t] = edition.price_per_user_month * yearly
        if i != chosen:
            flags.append(
                HiddenCost(
                    HiddenCostKind.FORCED_EDITION,
                    t,
                    description,
                    (edition.price_per_user_month - base.price_per_user_month) * yearly,
                    float(n),
                    float(base.max_users or 0),
                    "users",
                    (base.name, edition.name),
                )
            )
    return _usage(description, amounts, flags, users.uncertainty)


def _tiered(
    tiers: Sequence[Tier],
    volume: Sequence[float],
    price_index: Sequence[float],
    periods_per_year: int,
    per_units: int,
    description: str,
    noun: str,
) -> tuple[list[float], list[HiddenCost]]:
    """Yearly cost of a tiered volume (index 0, the initial period, costs nothing): the whole
    volume at the price of the highest tier reached so far. ``noun`` is the volume's unit:
    ``contacts`` or ``messages``."""
    amounts = [0.0] * len(volume)
    flags: list[HiddenCost] = []
    held: int | None = None
    for t in range(1, len(volume)):
        v = volume[t]

        def cost(i: int, v: float = v, t: int = t) -> float:
            tier = tiers[i]
            return (
                (tier.flat_price + tier.price * v / per_units) * periods_per_year * price_index[t]
            )

        own = _tier_of(tiers, v, t, noun)
        if held is None:
            held = own
        elif own > held:
            bound = tiers[held].up_to
            assert bound is not None  # a higher tier exists above it
            flags.append(
                HiddenCost(
                    HiddenCostKind.TIER_JUMP,
                    t,
                    description,
                    cost(own) - cost(held),
                    v,
                    bound,
                    noun,
                )
            )
            held = own
        elif own < held:
            bound = tiers[own].up_to
            assert bound is not None
            flags.append(
                HiddenCost(
                    HiddenCostKind.TIER_KEPT,
                    t,
                    description,
                    cost(held) - cost(own),
                    v,
                    bound,
                    noun,
                )
            )
        amounts[t] = cost(held)
    return amounts, flags


def _tier_of(tiers: Sequence[Tier], volume: float, year: int, noun: str) -> int:
    for i, tier in enumerate(tiers):
        if tier.up_to is None or volume <= tier.up_to * (1 + _BOUND_TOLERANCE):
            return i
    top = tiers[-1].up_to
    raise InputError(
        msg(f"pricelist.err.tier_for_{noun}", volume=_Count(volume), year=year),
        found=msg("pricelist.err.found.tiers_up_to", top=_Count(top or 0)),
        hint=msg("pricelist.err.hint.last_tier"),
    )


def _storage_schedule(
    storage: StoragePricing, volumes: Volumes, seats: Sequence[int], price_index: Sequence[float]
) -> CostSchedule:
    amounts = [0.0] * len(seats)
    flags: list[HiddenCost] = []
    for t in range(1, len(seats)):
        stored = volumes.storage_gb.in_year(t)
        included = storage.included_gb + storage.included_per_user_gb * seats[t]
        over = stored - included
        if over > 0:
            amounts[t] = over * storage.price_per_gb * storage.per.per_year * price_index[t]
            flags.append(
                HiddenCost(
                    HiddenCostKind.STORAGE_OVERAGE,
                    t,
                    _STORAGE,
                    amounts[t],
                    stored,
                    included,
                    "gb",
                )
            )
    return _usage(_STORAGE, amounts, flags, storage.uncertainty)


def _licence_schedules(
    vendor: str, licence: LicencePurchase, index: int, esc: float, settings: TcoSettings
) -> list[CostSchedule]:
    _check_period(licence.year, 0, settings, Quoted(licence.description))
    bought = CostLine(
        vendor,
        Category.LICENCE,
        Frequency.ONE_OFF,
        Basis.FLAT,
        licence.amount,
        start_year=licence.year,
        escalation=esc,
        description=licence.description,
    )
    held = line_costs(bought, settings)
    driver = f"licence {index + 1}"
    schedules = [
        CostSchedule(
            Category.LICENCE,
            licence.description,
            held.per_period,
            Frequency.ONE_OFF,
            licence.uncertainty,
            driver=driver,
        )
    ]
    if licence.maintenance_rate:
        description = f"Maintenance of {licence.description} ({licence.maintenance_rate:.0%})"
        maintenance = CostLine(
            vendor,
            Category.MAINTENANCE,
            Frequency.YEARLY,
            Basis.PERCENT_OF_LICENCE,
            rate=licence.maintenance_rate,
            escalation=esc,
            description=description,
        )
        schedules.append(
            CostSchedule(
                Category.MAINTENANCE,
                description,
                line_costs(maintenance, settings, [held]).per_period,
                Frequency.YEARLY,
                licence.uncertainty,
                driver=driver,
            )
        )
    return schedules


def _module_schedule(
    vendor: str, module: Module, esc: float, settings: TcoSettings
) -> CostSchedule:
    _check_period(
        module.start_year, 1, settings, msg("pricelist.what.module", name=Quoted(module.name))
    )
    frequency = Frequency.MONTHLY if module.per is PricePeriod.MONTH else Frequency.YEARLY
    line = CostLine(
        vendor,
        Category.SUBSCRIPTION,
        frequency,
        Basis.FLAT,
        module.price,
        start_year=module.start_year,
        end_year=module.end_year,
        escalation=esc,
        description=module.name,
    )
    return _usage(
        f"Module {module.name}", line_costs(line, settings).per_period, (), module.uncertainty
    )


def _service_schedule(
    vendor: str, service: OneOffService, esc: float, settings: TcoSettings
) -> CostSchedule:
    _check_period(service.year, 0, settings, Quoted(service.description))
    line = CostLine(
        vendor,
        service.category,
        Frequency.ONE_OFF,
        Basis.FLAT,
        service.most_likely,
        start_year=service.year,
        escalation=esc,
        description=service.description,
    )
    return CostSchedule(
        service.category,
        service.description,
        line_costs(line, settings).per_period,
        Frequency.ONE_OFF,
        service.uncertainty,
    )


# --- checks ------------------------------------------------------------------------------


def _seats(users: float) -> int:
    return max(0, math.ceil(users - _SEAT_TOLERANCE))


def _check_price(value: float, what: Msg | Quoted) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(msg("pricelist.err.number_for", what=what), found=repr(value))
    if value < 0:
        raise InputError(msg("pricelist.err.price_for", what=what), found=repr(value))


def _check_period(year: int, first: int, settings: TcoSettings, what: Msg | Quoted) -> None:
    if not first <= year <= settings.horizon_years:
        raise InputError(
            msg("pricelist.err.year", first=first, horizon=settings.horizon_years, what=what),
            found=repr(year),
        )


def _check_tiers(tiers: Sequence[Tier], noun: str) -> None:
    """``noun``: ``contact`` or ``message``."""
    if not tiers:
        raise InputError(msg(f"pricelist.err.no_{noun}_tier"))
    bounds = [tier.up_to for tier in tiers]
    if any(b is None for b in bounds[:-1]):
        raise InputError(msg(f"pricelist.err.{noun}_bounds"), found=repr(bounds))
    given = [b for b in bounds if b is not None]
    if any(b <= 0 or not math.isfinite(b) for b in given) or any(
        later <= earlier for earlier, later in itertools.pairwise(given)
    ):
        raise InputError(msg(f"pricelist.err.{noun}_increasing"), found=repr(bounds))


def _check_multiplier(uncertainty: Pert | None, what: Msg | Quoted) -> None:
    if uncertainty is None:
        return
    if uncertainty.most_likely != 1 or uncertainty.low < 0:
        raise InputError(
            msg("pricelist.err.multiplier", what=what),
            found=repr(uncertainty),
            hint=msg("pricelist.err.hint.multiplier"),
        )


@dataclass(frozen=True)
class _Count:
    """A volume with the reader's digit grouping: 60,000 or 60 000."""

    value: float

    def text(self, lang: Lang) -> str:
        return i18n.number(self.value, lang)
