"""Vendor pricing, what a vendor charges and for what: its price list (editions per user, contact
tiers, message tiers, modules, licence and maintenance, one-off services, storage, minimum
commitment) and the client's volumes, validated on creation. Turning them into yearly costs and
a TCO is :mod:`.costs`'s job (its conventions say how), their Monte Carlo :mod:`.tco_risk`'s.

Pure: no file, no printing, no plotting.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from crmwb.core.errors import InputError, Msg, Number, Quoted, msg
from crmwb.core.uncertainty import Pert
from crmwb.tco.model import Category, TcoSettings

MONTHS_PER_YEAR = 12
MESSAGES_PER_PRICE_UNIT = 1000
"""Message prices are per thousand messages."""


class PricePeriod(StrEnum):
    """What a recurring price is quoted per: per month or per year."""

    MONTH = "month"
    YEAR = "year"

    @property
    def per_year(self) -> int:
        return MONTHS_PER_YEAR if self is PricePeriod.MONTH else 1


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


# --- price lists -------------------------------------------------------------------------


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
        check_multiplier(self.uncertainty, msg("pricelist.what.per_user"))

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
        check_multiplier(self.uncertainty, msg("pricelist.what.per_contact"))


@dataclass(frozen=True)
class MessagePricing:
    """Per thousand messages sent, by tier of messages per year (as contacts: the whole volume
    at the tier's price, tiers never come down)."""

    tiers: tuple[Tier, ...]
    uncertainty: Pert | None = None

    def __post_init__(self) -> None:
        _check_tiers(self.tiers, "message")
        check_multiplier(self.uncertainty, msg("pricelist.what.messages"))


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
        check_multiplier(self.uncertainty, module)


@dataclass(frozen=True)
class LicencePurchase:
    """A licence bought in period ``year`` (0 = initial period) with a yearly maintenance of
    ``maintenance_rate`` (a fraction) of the licence held, paid every year from year 1 once
    bought (as :func:`crmwb.tco.model.licence_held`). ``uncertainty`` multiplies the licence and its
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
        check_multiplier(self.uncertainty, what)


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
        check_multiplier(self.uncertainty, msg("pricelist.what.overage"))


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


# --- checks ------------------------------------------------------------------------------


def _check_price(value: float, what: Msg | Quoted) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(msg("pricelist.err.number_for", what=what), found=repr(value))
    if value < 0:
        raise InputError(msg("pricelist.err.price_for", what=what), found=repr(value))


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


def check_multiplier(uncertainty: Pert | None, what: Msg | Quoted) -> None:
    if uncertainty is None:
        return
    if uncertainty.most_likely != 1 or uncertainty.low < 0:
        raise InputError(
            msg("pricelist.err.multiplier", what=what),
            found=repr(uncertainty),
            hint=msg("pricelist.err.hint.multiplier"),
        )
