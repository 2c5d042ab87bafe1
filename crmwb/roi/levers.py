"""The ROI's benefit levers: each a small formula of named inputs (a number or a three-point
estimate) giving a yearly value at full realisation, on one of the seeds' three axes; the
benefits listed without a number; the checks of their inputs and the inputs' labels in the
reader's language.

Pure: no file, no printing, no plotting. The conventions are :mod:`crmwb.roi.model`'s.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import ClassVar, Literal

import numpy as np
from numpy.typing import NDArray

from crmwb.core.errors import InputError, Msg, Number, Quoted, Text, msg
from crmwb.core.i18n import Lang, t
from crmwb.core.uncertainty import Pert

PAPER_MAILING_UNIT_COST = 1.50
"""Cost of one paper mailing (print and post), in euros: the seed's figure for the saving per
undeliverable (NPAI) mailing not sent."""

FloatArray = NDArray[np.float64]
Point = Literal["low", "most_likely", "high"]


class Axis(StrEnum):
    """The seeds' three axes of CRM benefits."""

    REVENUE_AND_COSTS = "revenue_and_costs"
    STAFF_EFFICIENCY = "staff_efficiency"
    CUSTOMER_KNOWLEDGE = "customer_knowledge"


# ---------------------------------------------------------------------------------------------
# input checks


def check_rate(value: float, what: Text, *, allow_one: bool = True) -> None:
    """Refuse a fraction outside [0, 1], with a hint when it looks like a percent. ``what``
    names the value (a message, or plain text).

    >>> check_rate(0.25, "reactivation rate")
    >>> try:
    ...     check_rate(25, "reactivation rate")
    ... except InputError as error:
    ...     parts = (error.expected, error.found, error.hint)
    ...     print(*(part.text("en") for part in parts), sep=" | ")
    reactivation rate: a fraction between 0 and 1 | 25 | did you mean 25%? type 25% or 0.25, not 25
    """
    check_number(value, what)
    upper_ok = value <= 1 if allow_one else value < 1
    if value < 0 or not upper_ok:
        raise InputError(
            msg("roi.err.fraction", what=what), found=Number(value), hint=percent_hint(value)
        )


def percent_hint(value: float) -> Msg | None:
    """« did you mean 25%? », for a rate typed as a percent (1 < value <= 100)."""
    if 1 < value <= 100:
        return msg("err.hint.percent", value=Number(value), fraction=Number(value / 100))
    return None


def check_number(value: float, what: Text) -> None:
    """Refuse anything but a finite number; ``what`` names the value."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        found = msg("err.found.text", value=value) if isinstance(value, str) else repr(value)
        raise InputError(msg("roi.err.number", what=what), found=found)
    if not math.isfinite(value):
        raise InputError(msg("roi.err.finite", what=what), found=repr(value))


def _check_ramp_up(ramp_up: Sequence[float], what: Text) -> None:
    if len(ramp_up) == 0:
        raise InputError(msg("roi.err.ramp_up_none", what=what), found=msg("err.found.none"))
    for share in ramp_up:
        check_number(share, what)
        if share > 1:
            raise InputError(
                msg("roi.err.ramp_up_max", what=what),
                found=Number(share),
                hint=percent_hint(share) if share >= 1.5 else msg("roi.err.hint.at_most_100"),
            )
        if share < 0:
            raise InputError(msg("roi.err.ramp_up", what=what), found=Number(share))


def input_message(name: str) -> Msg:
    """A lever input's label (``minutes_a_day`` -> « Minutes gagnées par jour »), as a message."""
    return msg(f"roi.input.{name}")


def input_label(name: str, lang: Lang) -> str:
    """A lever input's label in ``lang`` (``minutes_a_day`` -> "Minutes saved a day")."""
    return t(f"roi.input.{name}", lang)


@dataclass(frozen=True)
class Formula:
    """A lever's formula in words, in the reader's language: its inputs' labels, multiplied."""

    inputs: tuple[str, ...]

    def text(self, lang: Lang) -> str:
        return " × ".join(input_label(name, lang) for name in self.inputs)


# ---------------------------------------------------------------------------------------------
# benefit levers


Input = float | Pert | None
"""A lever input: a number, a three-point estimate (low, most likely, high), or missing."""


@dataclass(frozen=True, kw_only=True)
class Lever:
    """A benefit lever: a small formula of named inputs giving a yearly value at full
    realisation, in the client's currency.

    Common fields: ``name`` (the client's wording; the lever's label by default),
    ``comes_from`` (the programme or use case it comes from), ``ramp_up`` (share realised in
    years 1, 2 ... the last held for later years; full from year 1 by default) and
    ``risk_adjustment`` (fraction the benefit is reduced by in the risk-adjusted results).
    Every other field is an input: a number >= 0 (rates as fractions) or a
    :class:`~crmwb.core.uncertainty.Pert`; a missing input is an :class:`InputError` naming the
    lever and the input.
    """

    LABEL: ClassVar[str] = "lever"
    KIND: ClassVar[str] = ""
    """The lever's kind: its label is the message ``roi_sheet.lever.<KIND>``."""
    AXIS: ClassVar[Axis] = Axis.REVENUE_AND_COSTS
    RATES: ClassVar[frozenset[str]] = frozenset()
    _COMMON: ClassVar[frozenset[str]] = frozenset(
        {"name", "ramp_up", "risk_adjustment", "comes_from"}
    )

    name: str = ""
    ramp_up: tuple[float, ...] = (1.0,)
    risk_adjustment: float = 0.0
    comes_from: str = ""
    """The programme of the relationship plan, or the use case (its ID), the benefit comes
    from, as the ROI sheet writes it (the through-line matches it); empty: not said."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "ramp_up", tuple(self.ramp_up))
        where = msg("roi.err.what.lever", lever=Quoted(self.label))
        for input_name in self.input_names():
            value = getattr(self, input_name)
            if value is None:
                raise InputError(
                    msg("roi.err.input_value", what=where, input=Quoted(input_message(input_name))),
                    found=msg("err.found.none"),
                    hint=self.formula_hint(),
                )
            points = (
                (value.low, value.most_likely, value.high) if isinstance(value, Pert) else (value,)
            )
            for point in points:
                what = msg(
                    "roi.err.what.lever_input",
                    lever=Quoted(self.label),
                    input=Quoted(input_message(input_name)),
                )
                if input_name in self.RATES:
                    check_rate(point, what)
                else:
                    check_number(point, what)
                    if point < 0:
                        raise InputError(
                            msg("roi.err.not_negative", what=what), found=Number(point)
                        )
        _check_ramp_up(self.ramp_up, where)
        check_rate(
            self.risk_adjustment,
            msg("roi.err.what.lever_risk", lever=Quoted(self.label)),
            allow_one=True,
        )

    @property
    def label(self) -> str:
        return self.name or self.LABEL

    @property
    def axis(self) -> Axis:
        return self.AXIS

    @classmethod
    def input_names(cls) -> tuple[str, ...]:
        """The names of the lever's inputs, in formula order."""
        return tuple(f.name for f in fields(cls) if f.name not in cls._COMMON)

    @classmethod
    def formula_text(cls) -> str:
        """The formula in words: the product of the inputs (see each lever's docstring)."""
        return " x ".join(cls.input_names())

    @classmethod
    def kind_message(cls) -> Msg:
        """The lever's kind, in the reader's language (« Temps gagné »)."""
        return msg(f"roi_sheet.lever.{cls.KIND}")

    @classmethod
    def formula_hint(cls) -> Msg:
        """« Time saved: Users × Minutes saved a day × ... », for an error's hint."""
        return msg(
            "roi.err.hint.formula", lever=cls.kind_message(), formula=Formula(cls.input_names())
        )

    def inputs_at(self, point: Point = "most_likely") -> dict[str, float]:
        """Each input's value; a :class:`Pert` input at its low, most likely or high value."""
        values: dict[str, float] = {}
        for input_name in self.input_names():
            value = getattr(self, input_name)
            if isinstance(value, Pert):
                values[input_name] = float(getattr(value, point))
            else:
                values[input_name] = float(value)
        return values

    def uncertain_inputs(self) -> dict[str, Pert]:
        """The inputs given as a range (low < high)."""
        return {
            n: v
            for n in self.input_names()
            if isinstance(v := getattr(self, n), Pert) and not v.is_degenerate
        }

    def value_of(self, inputs: Mapping[str, float | FloatArray]) -> FloatArray:
        """The yearly value for these inputs (numbers or arrays of draws, broadcast)."""
        arrays = {n: np.asarray(inputs[n], dtype=np.float64) for n in self.input_names()}
        return self._formula(arrays)

    def _formula(self, x: Mapping[str, FloatArray]) -> FloatArray:
        value = np.ones((), dtype=np.float64)
        for input_name in self.input_names():
            value = value * x[input_name]
        return value * self._FACTOR

    _FACTOR: ClassVar[float] = 1.0

    @property
    def yearly_value(self) -> float:
        """Yearly value at full realisation, every input at its most likely value."""
        return float(self.value_of(self.inputs_at()))

    def realised_share(self, year: int) -> float:
        """Share of the yearly value realised in ``year`` (1-based; 0 for the initial period).

        >>> lever = DiscountControl(discounted_revenue=1, average_discount_rate=1,
        ...                         share_avoided=1, ramp_up=(0.5, 0.8, 1.0))
        >>> [lever.realised_share(t) for t in range(6)]
        [0.0, 0.5, 0.8, 1.0, 1.0, 1.0]
        """
        if year <= 0:
            return 0.0
        return float(self.ramp_up[min(year, len(self.ramp_up)) - 1])


# Axis 1: revenue and costs ------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ReactivatedDormantClients(Lever):
    """Dormant clients brought back: dormant clients x reactivation rate x average yearly
    basket of a reactivated client x gross margin rate (revenue at gross margin).

    >>> ReactivatedDormantClients(dormant_clients=2000, reactivation_rate=0.05,
    ...                           average_basket=300, gross_margin_rate=0.4).yearly_value
    12000.0
    """

    LABEL = "Reactivated dormant clients"
    KIND = "reactivated_dormant_clients"
    RATES = frozenset({"reactivation_rate", "gross_margin_rate"})
    dormant_clients: Input = None
    reactivation_rate: Input = None
    average_basket: Input = None
    gross_margin_rate: Input = None


@dataclass(frozen=True, kw_only=True)
class HigherAverageBasket(Lever):
    """A higher average basket: orders a year x basket increase per order x gross margin rate.

    >>> HigherAverageBasket(orders_a_year=10_000, basket_increase=5,
    ...                     gross_margin_rate=0.3).yearly_value
    15000.0
    """

    LABEL = "Higher average basket"
    KIND = "higher_average_basket"
    RATES = frozenset({"gross_margin_rate"})
    orders_a_year: Input = None
    basket_increase: Input = None
    gross_margin_rate: Input = None


@dataclass(frozen=True, kw_only=True)
class CrossAndUpSell(Lever):
    """Cross-sell and up-sell: customers x take-up rate x additional revenue per customer
    taking up x gross margin rate.

    >>> CrossAndUpSell(customers=5000, take_up_rate=0.02, additional_revenue=500,
    ...                gross_margin_rate=0.5).yearly_value
    25000.0
    """

    LABEL = "Cross-sell and up-sell"
    KIND = "cross_and_up_sell"
    RATES = frozenset({"take_up_rate", "gross_margin_rate"})
    customers: Input = None
    take_up_rate: Input = None
    additional_revenue: Input = None
    gross_margin_rate: Input = None


@dataclass(frozen=True, kw_only=True)
class LowerAcquisitionCost(Lever):
    """Cheaper acquisition (better targeting): new customers a year x acquisition cost per
    customer x reduction rate of that cost. A saving, counted in full.

    >>> LowerAcquisitionCost(new_customers=400, acquisition_cost=150,
    ...                      cost_reduction_rate=0.1).yearly_value
    6000.0
    """

    LABEL = "Lower acquisition cost"
    KIND = "lower_acquisition_cost"
    RATES = frozenset({"cost_reduction_rate"})
    new_customers: Input = None
    acquisition_cost: Input = None
    cost_reduction_rate: Input = None


@dataclass(frozen=True, kw_only=True)
class UndeliverableMailSavings(Lever):
    """Undeliverable mail (NPAI) not sent: mailings a year x NPAI rate x share avoided x unit
    cost (:data:`PAPER_MAILING_UNIT_COST`, 1.50 a paper mailing, by default). A saving.

    >>> UndeliverableMailSavings(mailings=100_000, npai_rate=0.08,
    ...                          share_avoided=0.75).yearly_value  # x 1.50
    9000.0
    """

    LABEL = "Undeliverable mail (NPAI) savings"
    KIND = "undeliverable_mail_savings"
    RATES = frozenset({"npai_rate", "share_avoided"})
    mailings: Input = None
    npai_rate: Input = None
    share_avoided: Input = None
    unit_cost: Input = PAPER_MAILING_UNIT_COST


@dataclass(frozen=True, kw_only=True)
class DiscountControl(Lever):
    """Discounts approved above a threshold: revenue sold at a discount x average discount
    rate x share of that discount avoided. An avoided discount is price kept at no extra cost
    of sales: counted in full (it is already margin).

    >>> DiscountControl(discounted_revenue=1_000_000, average_discount_rate=0.1,
    ...                 share_avoided=0.2).yearly_value
    20000.0
    """

    LABEL = "Discount control"
    KIND = "discount_control"
    RATES = frozenset({"average_discount_rate", "share_avoided"})
    discounted_revenue: Input = None
    average_discount_rate: Input = None
    share_avoided: Input = None


# Axis 2: staff efficiency -------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class TimeSaved(Lever):
    """Time saved (finding information, data entered once): users x minutes saved a day / 60
    x working days a year x loaded hourly cost x share of the saved time turned productive.

    >>> TimeSaved(users=20, minutes_a_day=30, working_days=210, loaded_hourly_cost=50,
    ...           productive_share=0.5).yearly_value
    52500.0
    """

    LABEL = "Time saved"
    KIND = "time_saved"
    AXIS = Axis.STAFF_EFFICIENCY
    RATES = frozenset({"productive_share"})
    _FACTOR = 1 / 60
    users: Input = None
    minutes_a_day: Input = None
    working_days: Input = None
    loaded_hourly_cost: Input = None
    productive_share: Input = None


@dataclass(frozen=True, kw_only=True)
class AdminTasksAutomated(Lever):
    """Admin tasks automated (activity reports, unsubscribes, forecasts): tasks a year x
    minutes per task / 60 x loaded hourly cost x share automated.

    >>> AdminTasksAutomated(tasks_a_year=6000, minutes_per_task=20, loaded_hourly_cost=45,
    ...                     share_automated=0.5).yearly_value
    45000.0
    """

    LABEL = "Admin tasks automated"
    KIND = "admin_tasks_automated"
    AXIS = Axis.STAFF_EFFICIENCY
    RATES = frozenset({"share_automated"})
    _FACTOR = 1 / 60
    tasks_a_year: Input = None
    minutes_per_task: Input = None
    loaded_hourly_cost: Input = None
    share_automated: Input = None


@dataclass(frozen=True, kw_only=True)
class ShorterSalesCycle(Lever):
    """A shorter sales cycle: deals a year x cycle reduction rate x average deal value x gross
    margin rate. Assumes a cycle shorter by x % lets the same team close x % more deals.

    >>> ShorterSalesCycle(deals_a_year=200, cycle_reduction_rate=0.1, average_deal_value=8000,
    ...                   gross_margin_rate=0.25).yearly_value
    40000.0
    """

    LABEL = "Shorter sales cycle"
    KIND = "shorter_sales_cycle"
    AXIS = Axis.STAFF_EFFICIENCY
    RATES = frozenset({"cycle_reduction_rate", "gross_margin_rate"})
    deals_a_year: Input = None
    cycle_reduction_rate: Input = None
    average_deal_value: Input = None
    gross_margin_rate: Input = None


@dataclass(frozen=True, kw_only=True)
class FirstCallResolution(Lever):
    """More problems solved at the first call or visit (service technicians): service calls a
    year x share of calls no longer needing a second intervention x cost of an intervention.

    >>> FirstCallResolution(service_calls=5000, repeat_avoided_rate=0.06,
    ...                     intervention_cost=120).yearly_value
    36000.0
    """

    LABEL = "First-call resolution"
    KIND = "first_call_resolution"
    AXIS = Axis.STAFF_EFFICIENCY
    RATES = frozenset({"repeat_avoided_rate"})
    service_calls: Input = None
    repeat_avoided_rate: Input = None
    intervention_cost: Input = None


# Axis 3: customer knowledge ------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Retention(Lever):
    """Customers kept (loyalty, listening, satisfaction): customers x churn reduction
    (percentage points, as a fraction) x yearly revenue per customer x gross margin rate.

    >>> Retention(customers=10_000, churn_reduction=0.01, customer_value=400,
    ...           gross_margin_rate=0.35).yearly_value
    14000.0
    """

    LABEL = "Retention"
    KIND = "retention"
    AXIS = Axis.CUSTOMER_KNOWLEDGE
    RATES = frozenset({"churn_reduction", "gross_margin_rate"})
    customers: Input = None
    churn_reduction: Input = None
    customer_value: Input = None
    gross_margin_rate: Input = None


@dataclass(frozen=True)
class QualitativeBenefit:
    """A benefit listed in the report without a number (satisfaction, image, data quality)."""

    name: str
    description: str = ""
    axis: Axis = Axis.CUSTOMER_KNOWLEDGE
