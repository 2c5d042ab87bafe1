"""Vendor pricing turned into yearly costs: each item of a price list as a cost schedule over the
horizon, its hidden costs flagged, and the vendors compared as TCO options.

Pure: a vendor's price list and the client's volumes (:mod:`.pricing`) in; cost schedules per
period, hidden costs and a :class:`~crmwb.tco.model.TcoComparison` out. No file, no printing, no
plotting.

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

The seed example (DOMAIN.md §4): a licence of 3 000 with 20 % maintenance and 6 000 of
services, against SaaS at 60 per user per month for 4 users and 2 000 of services, on 7 years:

>>> from crmwb.vendors.pricing import Edition
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

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from crmwb.core import i18n
from crmwb.core.errors import InputError, Msg, Quoted, msg
from crmwb.core.i18n import Lang
from crmwb.core.uncertainty import Pert
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
from crmwb.vendors.pricing import (
    MESSAGES_PER_PRICE_UNIT,
    MONTHS_PER_YEAR,
    LicencePurchase,
    Module,
    OneOffService,
    PricePeriod,
    StoragePricing,
    Tier,
    UserPricing,
    VendorPricing,
    Volumes,
    check_multiplier,
)

_SEAT_TOLERANCE = 1e-6  # 10.0000000001 users are 10 seats, not 11
_BOUND_TOLERANCE = 1e-9  # relative: a volume this close to a tier bound is on it


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
    (:func:`crmwb.vendors.tco_views.hidden_cost_detail`).
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
    :func:`crmwb.tco.model.option_from_schedules`): ``ONE_OFF`` at the start of the period,
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
        check_multiplier(self.uncertainty, Quoted(self.description))

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
        """The vendor as a TCO option (:func:`crmwb.tco.model.option_from_schedules`)."""
        rows = [(s.category, s.description, s.per_period, s.frequency) for s in self.all_schedules]
        return option_from_schedules(self.vendor, rows, settings)


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

    >>> from crmwb.vendors.pricing import ContactPricing, Volume
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
    (:func:`crmwb.tco.model.compare_option_costs`: totals, present values, break-evens)."""
    costs = tuple(vendor_costs(p, settings, volumes) for p in pricings)
    return VendorStudy(costs, compare_vendor_costs(costs, settings))


def compare_vendor_costs(vendors: Sequence[VendorCosts], settings: TcoSettings) -> TcoComparison:
    """Vendors already costed (or built from explicit schedules), as a TCO comparison."""
    return compare_option_costs([v.option_costs(settings) for v in vendors], settings)


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


# --- helpers -----------------------------------------------------------------------------


def _seats(users: float) -> int:
    return max(0, math.ceil(users - _SEAT_TOLERANCE))


def _check_period(year: int, first: int, settings: TcoSettings, what: Msg | Quoted) -> None:
    if not first <= year <= settings.horizon_years:
        raise InputError(
            msg("pricelist.err.year", first=first, horizon=settings.horizon_years, what=what),
            found=repr(year),
        )


@dataclass(frozen=True)
class _Count:
    """A volume with the reader's digit grouping: 60,000 or 60 000."""

    value: float

    def text(self, lang: Lang) -> str:
        return i18n.number(self.value, lang)
