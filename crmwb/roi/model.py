"""Return on investment of a CRM project, the way a CFO will check it.

Pure: benefit levers, costs and settings in; cash-flow tables, ROI, NPV, payback, IRR,
scenarios, tornado, Monte Carlo and break-even realisation out. No file, no printing, no
plotting. The method follows Forrester's Total Economic Impact (TEI): costs and benefits per
period, an undiscounted initial period, risk adjustment per line, present values at a discount
rate (10 % by default), ROI, NPV and payback.

Conventions (stated in every deliverable, see :data:`CONVENTIONS`):

* **Money** is in the client's currency, excluding VAT; costs and benefits are positive
  amounts, the net cash flow is benefits - costs.
* **Periods**: index 0 is the *initial period* (t=0, not discounted); indexes 1..n are the
  years of the horizon, each discounted at its end, ``1 / (1 + rate) ** t``
  (numpy-financial's ``npv``: first value at t=0). Benefits start in year 1.
* **Gross margin**: :data:`REVENUE_AT_GROSS_MARGIN`.
* **Ramp-up**: a lever realises ``ramp_up[t - 1]`` of its yearly value in year t, the last
  share held for later years.
* **Risk adjustment**: a benefit line is reduced by its ``risk_adjustment`` (0.2 = 20 %), a
  cost line increased by its own; unadjusted and risk-adjusted results are both given.
* **ROI** = (PV benefits - PV costs) / PV costs; **NPV** = PV benefits - PV costs.
* **Payback**: :data:`PAYBACK_CONVENTION`.
* **IRR**: numpy-financial's ``irr`` when the net cash flow changes sign exactly once; with
  several sign changes the IRR is not unique and no number is given.
* **Uncertainty**: an input given as a :class:`~crmwb.core.uncertainty.Pert` (low, most likely,
  high) counts at its most likely value in the deterministic figures; every lever's value
  rises with each of its inputs (each formula is a product), so the conservative scenario
  takes every low, the optimistic every high. Scenarios, tornado, Monte Carlo and the
  break-even realisation work on the risk-adjusted figures by default, the basis of the
  headline figures, so the headline NPV and its P10-P90 band are on one basis; pass
  ``risk_adjusted=False`` for the unadjusted ones.
* **One set of assumptions**: the ROI takes the horizon, the discount rate (unless the ROI
  sheet gives another one) and the costs of the chosen TCO option as the TCO report computes
  them (:class:`TcoBasis`); in the risk-adjusted results, the adjustment of the costs and of
  the benefits is a line of its own, so every other line reconciles with its source.

The seeds' definition (profitability = gains - investment) is
:attr:`RoiResult.gains_minus_investment`, undiscounted.

>>> settings = RoiSettings(horizon_years=3, discount_rate=0.10)
>>> case = RoiCase(
...     settings,
...     levers=(TimeSaved(name="Finding information", users=20, minutes_a_day=15,
...                       working_days=200, loaded_hourly_cost=40, productive_share=0.5,
...                       ramp_up=(0.5, 1.0)),),
...     costs=(CostItem("Licences and services", (20_000, 2_000, 2_000, 2_000)),),
... )
>>> case.levers[0].yearly_value  # 20 x 15 / 60 x 200 x 40 x 0.5
20000.0
>>> result = analyse_roi(case).unadjusted
>>> result.table.row("benefits").per_period
(0.0, 10000.0, 20000.0, 20000.0)
>>> result.table.row("cumulative").per_period
(-20000.0, -12000.0, 6000.0, 24000.0)
>>> round(result.payback_months, 1)  # 12 x (1 + 12 000 / 18 000)
20.0
>>> round(result.npv), round(result.roi, 3)
(15672, 0.628)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import ClassVar, Literal

import numpy as np
import numpy_financial as npf
from numpy.typing import NDArray

from crmwb.core.errors import InputError, Msg, Number, Percent, Quoted, Text, msg
from crmwb.core.i18n import SOURCE_LANG, Lang, t
from crmwb.core.uncertainty import Percentiles, Pert, Seed, percentiles, sample_perts
from crmwb.tco.model import MAX_HORIZON_YEARS, MONTHS_PER_YEAR, OptionCosts

DEFAULT_DISCOUNT_RATE = 0.10
"""Forrester TEI's default discount rate."""

PAPER_MAILING_UNIT_COST = 1.50
"""Cost of one paper mailing (print and post), in euros: the seed's figure for the saving per
undeliverable (NPAI) mailing not sent."""

REVENUE_AT_GROSS_MARGIN = (
    "Revenue benefits count at gross margin, never at revenue: additional revenue is "
    "multiplied by the gross margin rate, since the goods or services sold still cost "
    "something. Cost savings and avoided discounts count in full."
)

PAYBACK_CONVENTION = (
    "The initial period's flow falls at t=0; the flows of year t accrue evenly within the "
    "year. Payback is the moment, in months from t=0, from which the cumulative net cash flow "
    "stays >= 0 to the end of the horizon (interpolated within the year); none if it is still "
    "negative at the end. The discounted payback does the same with each year's flow "
    "discounted at the year end."
)

CONVENTIONS: tuple[str, ...] = (
    "initial_period",
    "discounting",
    "gross_margin",
    "ramp_up",
    "risk_adjustment",
    "payback",
    "irr",
    "uncertainty",
)
"""Keys of the conventions every ROI deliverable states (labels in :mod:`crmwb.core.i18n`)."""

FloatArray = NDArray[np.float64]
Point = Literal["low", "most_likely", "high"]


class Axis(StrEnum):
    """The seeds' three axes of CRM benefits."""

    REVENUE_AND_COSTS = "revenue_and_costs"
    STAFF_EFFICIENCY = "staff_efficiency"
    CUSTOMER_KNOWLEDGE = "customer_knowledge"


class IrrStatus(StrEnum):
    """Whether the internal rate of return is a meaningful number."""

    DEFINED = "defined"
    NOT_UNIQUE = "not_unique"
    """The net cash flow changes sign more than once: several rates may give NPV = 0."""
    UNDEFINED = "undefined"
    """The net cash flow never changes sign (or no rate solves NPV = 0)."""


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
    _check_number(value, what)
    upper_ok = value <= 1 if allow_one else value < 1
    if value < 0 or not upper_ok:
        raise InputError(
            msg("roi.err.fraction", what=what), found=Number(value), hint=_percent_hint(value)
        )


def _percent_hint(value: float) -> Msg | None:
    """« did you mean 25%? », for a rate typed as a percent (1 < value <= 100)."""
    if 1 < value <= 100:
        return msg("err.hint.percent", value=Number(value), fraction=Number(value / 100))
    return None


def _check_number(value: float, what: Text) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        found = msg("err.found.text", value=value) if isinstance(value, str) else repr(value)
        raise InputError(msg("roi.err.number", what=what), found=found)
    if not math.isfinite(value):
        raise InputError(msg("roi.err.finite", what=what), found=repr(value))


def _check_ramp_up(ramp_up: Sequence[float], what: Text) -> None:
    if len(ramp_up) == 0:
        raise InputError(msg("roi.err.ramp_up_none", what=what), found=msg("err.found.none"))
    for share in ramp_up:
        _check_number(share, what)
        if share > 1:
            raise InputError(
                msg("roi.err.ramp_up_max", what=what),
                found=Number(share),
                hint=_percent_hint(share) if share >= 1.5 else msg("roi.err.hint.at_most_100"),
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
    ``ramp_up`` (share realised in years 1, 2 ... the last held for later years; full from
    year 1 by default) and ``risk_adjustment`` (fraction the benefit is reduced by in the
    risk-adjusted results). Every other field is an input: a number >= 0 (rates as fractions)
    or a :class:`~crmwb.core.uncertainty.Pert`; a missing input is an :class:`InputError` naming the
    lever and the input.
    """

    LABEL: ClassVar[str] = "lever"
    KIND: ClassVar[str] = ""
    """The lever's kind: its label is the message ``roi_sheet.lever.<KIND>``."""
    AXIS: ClassVar[Axis] = Axis.REVENUE_AND_COSTS
    RATES: ClassVar[frozenset[str]] = frozenset()
    _COMMON: ClassVar[frozenset[str]] = frozenset({"name", "ramp_up", "risk_adjustment"})

    name: str = ""
    ramp_up: tuple[float, ...] = (1.0,)
    risk_adjustment: float = 0.0

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
                    _check_number(point, what)
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


# ---------------------------------------------------------------------------------------------
# costs


@dataclass(frozen=True)
class CostItem:
    """One cost line, as an amount >= 0 per period (index 0 = initial period, then years),
    increased by ``risk_adjustment`` (0.1 = 10 %) in the risk-adjusted results."""

    name: Text
    """The consultant's name for the cost, or a message (« Conduite du changement »)."""
    per_period: tuple[float, ...]
    risk_adjustment: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "per_period", tuple(float(a) for a in self.per_period))
        what = msg("roi.err.what.cost", cost=Quoted(self.name))
        if not self.per_period:
            raise InputError(msg("roi.err.cost_initial", what=what), found=msg("err.found.none"))
        for amount in self.per_period:
            _check_number(amount, what)
            if amount < 0:
                raise InputError(msg("roi.err.amounts", what=what), found=Number(amount))
        check_rate(self.risk_adjustment, msg("roi.err.what.cost_risk", cost=Quoted(self.name)))

    @classmethod
    def one_off(
        cls,
        name: Text,
        amount: float,
        horizon_years: int,
        *,
        period: int = 0,
        risk_adjustment: float = 0.0,
    ) -> CostItem:
        """A single amount in ``period`` (0 = initial period).

        >>> CostItem.one_off("Change management", 5000, 2).per_period
        (5000.0, 0.0, 0.0)
        """
        if not 0 <= period <= horizon_years:
            raise InputError(
                msg("roi.err.period", cost=Quoted(name), horizon=horizon_years), found=str(period)
            )
        amounts = [0.0] * (horizon_years + 1)
        amounts[period] = amount
        return cls(name, tuple(amounts), risk_adjustment)


def costs_from_tco(option: OptionCosts | None, *, risk_adjustment: float = 0.0) -> CostItem:
    """The costs of the chosen option of the TCO analysis, period by period.

    >>> from crmwb.tco.model import Category, TcoSettings, option_from_schedules
    >>> tco = option_from_schedules(
    ...     "SaaS", [(Category.SUBSCRIPTION, "", [2000, 2880, 2880, 2880])], TcoSettings(3))
    >>> costs_from_tco(tco).per_period
    (2000.0, 2880.0, 2880.0, 2880.0)
    """
    if option is None:
        raise InputError(
            msg("roi.err.tco_option_costs"),
            found=msg("err.found.none"),
            hint=msg("roi.err.hint.tco_first"),
        )
    return CostItem(msg("roi.cost.tco", option=option.option), option.per_period, risk_adjustment)


@dataclass(frozen=True)
class TcoBasis:
    """Where the ROI's main cost line comes from: the chosen option as the TCO report (or the
    vendor comparison, for a priced vendor) computes it, at the TCO sheet's discount rate. The
    ROI's cost line of that option has the same amounts; its present value differs only when
    the ROI sheet gives a discount rate of its own.

    >>> from crmwb.tco.model import Category, TcoSettings, option_from_schedules
    >>> settings = TcoSettings(3, discount_rate=0.10)
    >>> saas = option_from_schedules(
    ...     "SaaS", [(Category.SUBSCRIPTION, "", [2000, 2200, 2420, 2662])], settings)
    >>> basis = TcoBasis.of(saas, settings.discount_rate)
    >>> basis.total, round(basis.present_value)  # 2 000 + 3 x 2 000 discounted
    (9282.0, 8000)
    """

    option: str
    discount_rate: float
    """The TCO sheet's discount rate, at which the TCO report gives ``present_value``."""
    total: float
    """The option's undiscounted total over the horizon, as the TCO report gives it."""
    present_value: float
    vendor: bool = False
    """The option is a vendor of the Pricing sheet (the vendor comparison's TCO)."""

    @classmethod
    def of(cls, option: OptionCosts, discount_rate: float, *, vendor: bool = False) -> TcoBasis:
        return cls(option.option, discount_rate, option.total, option.present_value, vendor)


def project_team_cost(
    days: float,
    day_cost: float,
    horizon_years: int,
    *,
    period: int = 0,
    risk_adjustment: float = 0.0,
) -> CostItem:
    """Internal project team: days x loaded day cost, in ``period`` (the initial one by default).

    >>> project_team_cost(40, 450, 3).per_period  # 40 x 450
    (18000.0, 0.0, 0.0, 0.0)
    """
    _check_non_negative(days, Quoted(msg("roi_sheet.team_days")))
    _check_non_negative(day_cost, Quoted(msg("roi_sheet.day_cost")))
    return CostItem.one_off(
        msg("roi.cost.project_team"),
        days * day_cost,
        horizon_years,
        period=period,
        risk_adjustment=risk_adjustment,
    )


def training_time_cost(
    users: float,
    hours_each: float,
    loaded_hourly_cost: float,
    horizon_years: int,
    *,
    period: int = 0,
    risk_adjustment: float = 0.0,
) -> CostItem:
    """Users' time spent in training: users x hours each x loaded hourly cost.

    >>> training_time_cost(20, 7, 40, 3).per_period  # 20 x 7 x 40
    (5600.0, 0.0, 0.0, 0.0)
    """
    for value, key in (
        (users, "tco.users"),
        (hours_each, "roi_sheet.training_hours"),
        (loaded_hourly_cost, "roi_sheet.hourly_cost"),
    ):
        _check_non_negative(value, Quoted(msg(key)))
    return CostItem.one_off(
        msg("roi.cost.training_time"),
        users * hours_each * loaded_hourly_cost,
        horizon_years,
        period=period,
        risk_adjustment=risk_adjustment,
    )


def _check_non_negative(value: float, what: Text) -> None:
    _check_number(value, what)
    if value < 0:
        raise InputError(msg("roi.err.not_negative", what=what), found=Number(value))


# ---------------------------------------------------------------------------------------------
# the case


@dataclass(frozen=True)
class RoiSettings:
    """Horizon (years after the initial period) and discount rate (a fraction > -1)."""

    horizon_years: int
    discount_rate: float = DEFAULT_DISCOUNT_RATE

    def __post_init__(self) -> None:
        if (
            isinstance(self.horizon_years, bool)
            or not isinstance(self.horizon_years, int)
            or not (1 <= self.horizon_years <= MAX_HORIZON_YEARS)
        ):
            raise InputError(
                msg("tco.err.horizon", min=1, max=MAX_HORIZON_YEARS),
                found=repr(self.horizon_years),
            )
        rate = Quoted(msg("roi_sheet.discount_rate"))
        _check_number(self.discount_rate, rate)
        if self.discount_rate <= -1:
            raise InputError(
                msg("roi.err.discount_above"),
                found=Number(self.discount_rate),
                hint=msg("roi.err.hint.discount_factor"),
            )
        if self.discount_rate >= 1:
            raise InputError(
                msg("roi.err.discount_below"),
                found=Number(self.discount_rate),
                hint=_percent_hint(self.discount_rate) if self.discount_rate <= 100 else None,
            )

    @property
    def periods(self) -> int:
        return self.horizon_years + 1

    def discount_factors(self) -> FloatArray:
        """``1 / (1 + rate) ** t`` for t = 0..n (1 for the initial period).

        >>> RoiSettings(2, 0.10).discount_factors().round(4).tolist()
        [1.0, 0.9091, 0.8264]
        """
        t = np.arange(self.periods, dtype=np.float64)
        factors: FloatArray = (1 + self.discount_rate) ** -t
        return factors


@dataclass(frozen=True)
class RoiCase:
    """Everything an ROI is computed from: settings, benefit levers, cost lines (each over
    the initial period and the horizon's years), and qualitative benefits."""

    settings: RoiSettings
    levers: tuple[Lever, ...]
    costs: tuple[CostItem, ...]
    qualitative: tuple[QualitativeBenefit, ...] = ()
    tco: TcoBasis | None = None
    """The TCO option the first cost line comes from (None: costs given directly)."""

    @property
    def own_discount_rate(self) -> bool:
        """Whether the ROI is discounted at another rate than the TCO report's."""
        return self.tco is not None and not math.isclose(
            self.tco.discount_rate, self.settings.discount_rate, abs_tol=1e-12
        )

    def __post_init__(self) -> None:
        object.__setattr__(self, "levers", tuple(self.levers))
        object.__setattr__(self, "costs", tuple(self.costs))
        object.__setattr__(self, "qualitative", tuple(self.qualitative))
        if not self.costs:
            raise InputError(
                msg("tco.err.no_line"),
                found=msg("err.found.none"),
                hint=msg("roi.err.hint.tco_first"),
            )
        periods = self.settings.periods
        horizon = self.settings.horizon_years
        for cost in self.costs:
            if len(cost.per_period) != periods:
                raise InputError(
                    msg(
                        "roi.err.cost_periods",
                        count=horizon,
                        cost=Quoted(cost.name),
                        periods=periods,
                        years=horizon,
                    ),
                    found=msg(
                        "tco.err.found.amounts",
                        count=len(cost.per_period),
                        amounts=len(cost.per_period),
                    ),
                    hint=msg("roi.err.hint.one_horizon"),
                )
        labels = [lever.label for lever in self.levers]
        if len(set(labels)) != len(labels):
            twice = next(label for label in labels if labels.count(label) > 1)
            raise InputError(
                msg("roi.err.lever_names"),
                found=msg("tco.err.found.twice", option=Quoted(twice)),
            )

    def ramp_matrix(self) -> FloatArray:
        """Share realised of each lever (rows) in each period (columns, 0 in the initial)."""
        return np.array(
            [
                [lever.realised_share(t) for t in range(self.settings.periods)]
                for lever in self.levers
            ],
            dtype=np.float64,
        ).reshape(len(self.levers), self.settings.periods)


# ---------------------------------------------------------------------------------------------
# results


@dataclass(frozen=True)
class CashFlowRow:
    """One row of a cash-flow table: an amount per period, its total and present value
    (``None`` where a total means nothing, as for the cumulative row)."""

    label: Text
    """The row's key (``costs``...), a lever's or a cost's name, or a message (« Conduite du
    changement »)."""
    per_period: tuple[float, ...]
    total: float | None
    present_value: float | None


@dataclass(frozen=True)
class CashFlowTable:
    """Columns: Initial, Year 1..n, then Total and Present value (messages, written in the
    reader's language). Rows: ``costs``, ``benefits``, ``net``, ``cumulative``; plus one row
    per lever and cost line."""

    periods: tuple[Msg, ...]
    rows: tuple[CashFlowRow, ...]
    benefit_lines: tuple[CashFlowRow, ...]
    cost_lines: tuple[CashFlowRow, ...]

    @property
    def columns(self) -> tuple[Msg, ...]:
        return (*self.periods, msg("tco.total"), msg("tco.present_value"))

    def row(self, label: Text) -> CashFlowRow:
        """The row ``label``: a key, a name, a message, or a message's English text."""
        for row in (*self.rows, *self.benefit_lines, *self.cost_lines):
            english = row.label.text(SOURCE_LANG) if isinstance(row.label, Msg) else None
            if row.label == label or english == label:
                return row
        raise KeyError(label)


@dataclass(frozen=True)
class Irr:
    """The internal rate of return, or why there is none (``rate`` is None then)."""

    rate: float | None
    status: IrrStatus
    sign_changes: int


@dataclass(frozen=True)
class RoiResult:
    """The figures of one version of the case (unadjusted or risk-adjusted)."""

    risk_adjusted: bool
    table: CashFlowTable
    benefits_by_axis: Mapping[Axis, tuple[float, ...]]
    """Each axis' benefits per period (risk-adjusted in the risk-adjusted results)."""
    pv_by_axis: Mapping[Axis, float]
    """Each axis' benefits in present value: they add up to ``pv_benefits``."""
    pv_benefits: float
    pv_costs: float
    npv: float
    roi: float | None
    """(PV benefits - PV costs) / PV costs; None when there is no cost."""
    payback_months: float | None
    discounted_payback_months: float | None
    irr: Irr

    @property
    def gains_minus_investment(self) -> float:
        """The seeds' profitability: total benefits - total costs, undiscounted."""
        total = self.table.row("net").total
        assert total is not None
        return total


@dataclass(frozen=True)
class RoiAnalysis:
    """Unadjusted and risk-adjusted results side by side, and the qualitative benefits."""

    case: RoiCase
    unadjusted: RoiResult
    risk_adjusted: RoiResult

    @property
    def qualitative(self) -> tuple[QualitativeBenefit, ...]:
        return self.case.qualitative


def present_value(per_period: Sequence[float], rate: float) -> float:
    """Present value, the first amount at t=0 (not discounted), year t at its end.

    >>> round(present_value([100, 110, 121], 0.10), 6)  # 100 + 110 / 1.1 + 121 / 1.21
    300.0
    """
    return float(npf.npv(rate, list(per_period)))


def payback_months(net: Sequence[float]) -> float | None:
    """Months from t=0 until the cumulative net cash flow turns >= 0 for good
    (:data:`PAYBACK_CONVENTION`); None if it is negative at the end of the horizon.

    >>> payback_months([-100, 40, 80])  # -60 after year 1; 60 / 80 of year 2 = 9 months
    21.0
    >>> payback_months([-100, 40, 40]) is None
    True
    """
    flows = np.asarray(net, dtype=np.float64)
    cumulative = np.cumsum(flows)
    tolerance = 1e-9 * max(1.0, float(np.abs(flows).max(initial=0.0)))  # rounding of sums
    negative = np.flatnonzero(cumulative < -tolerance)
    if negative.size == 0:
        return 0.0
    k = int(negative[-1])
    if k == len(cumulative) - 1:
        return None
    # the cumulative crosses 0 during year k + 1, whose flow accrues evenly
    return MONTHS_PER_YEAR * (k + min(1.0, float(-cumulative[k] / flows[k + 1])))


def discounted_payback_months(net: Sequence[float], rate: float) -> float | None:
    """:func:`payback_months` of the flows discounted at their year end.

    >>> round(discounted_payback_months([-100, 55, 60.5], 0.10), 6)  # 50, 50: end of year 2
    24.0
    """
    factors = (1 + rate) ** -np.arange(len(net), dtype=np.float64)
    return payback_months((np.asarray(net, dtype=np.float64) * factors).tolist())


def sign_changes(values: Sequence[float]) -> int:
    """How often a series changes sign, zeros skipped.

    >>> sign_changes([-100, 0, 50, -10, 60])
    3
    """
    signs = [v > 0 for v in values if v != 0]
    return sum(1 for a, b in itertools.pairwise(signs) if a != b)


def internal_rate_of_return(net: Sequence[float]) -> Irr:
    """numpy-financial's IRR when the net cash flow changes sign exactly once.

    >>> internal_rate_of_return([-100, 110])  # -100 + 110 / (1 + r) = 0: r = 10 %
    Irr(rate=0.1, status=<IrrStatus.DEFINED: 'defined'>, sign_changes=1)
    >>> internal_rate_of_return([-100, 230, -132]).status  # roots 10 % and 20 %
    <IrrStatus.NOT_UNIQUE: 'not_unique'>
    """
    changes = sign_changes(net)
    if changes > 1:
        return Irr(None, IrrStatus.NOT_UNIQUE, changes)
    if changes == 0:
        return Irr(None, IrrStatus.UNDEFINED, changes)
    rate = float(npf.irr(list(net)))
    if not math.isfinite(rate):
        return Irr(None, IrrStatus.UNDEFINED, changes)
    return Irr(round(rate, 12), IrrStatus.DEFINED, changes)


def _row(label: Text, values: FloatArray, factors: FloatArray, totals: bool = True) -> CashFlowRow:
    per_period = tuple(float(v) for v in values)
    if not totals:
        return CashFlowRow(label, per_period, None, None)
    return CashFlowRow(label, per_period, math.fsum(per_period), float(values @ factors))


def _result(case: RoiCase, lever_values: FloatArray, risk_adjusted: bool) -> RoiResult:
    """The figures of ``case`` with each lever's yearly value given (one per lever).

    The benefit and cost lines keep their own amounts (the TCO option's cost line is the TCO
    report's); in the risk-adjusted results, what the adjustment takes from the benefits and
    adds to the costs is a line of its own (:func:`risk_adjustment_lines`)."""
    settings = case.settings
    factors = settings.discount_factors()
    ramp = case.ramp_matrix()
    lever_flows = lever_values[:, None] * ramp
    cost_flows = np.array([c.per_period for c in case.costs], dtype=np.float64)
    keep = np.array([1 - lever.risk_adjustment if risk_adjusted else 1.0 for lever in case.levers])
    more = np.array([1 + c.risk_adjustment if risk_adjusted else 1.0 for c in case.costs])
    adjusted_levers = lever_flows * keep[:, None]
    benefits = adjusted_levers.sum(axis=0)
    costs = (cost_flows * more[:, None]).sum(axis=0)
    net = benefits - costs
    rate = settings.discount_rate
    pv_benefits = present_value(benefits.tolist(), rate)
    pv_costs = present_value(costs.tolist(), rate)
    npv = present_value(net.tolist(), rate)
    periods = (
        msg("tco.period.initial"),
        *(msg("tco.period.year", year=t) for t in range(1, settings.periods)),
    )
    benefit_lines = [
        _row(lever.label, flows, factors)
        for lever, flows in zip(case.levers, lever_flows, strict=True)
    ]
    cost_lines = [
        _row(c.name, flows, factors) for c, flows in zip(case.costs, cost_flows, strict=True)
    ]
    if risk_adjusted:
        taken = benefits - lever_flows.sum(axis=0)
        added = costs - cost_flows.sum(axis=0)
        benefit_label, cost_label = risk_adjustment_lines(case)
        if np.any(taken):
            benefit_lines.append(_row(benefit_label, taken, factors))
        if np.any(added):
            cost_lines.append(_row(cost_label, added, factors))
    table = CashFlowTable(
        periods=periods,
        rows=(
            _row("costs", costs, factors),
            _row("benefits", benefits, factors),
            _row("net", net, factors),
            _row("cumulative", np.cumsum(net), factors, totals=False),
        ),
        benefit_lines=tuple(benefit_lines),
        cost_lines=tuple(cost_lines),
    )
    by_axis = {
        axis: tuple(
            math.fsum(
                float(flows[t])
                for lever, flows in zip(case.levers, adjusted_levers, strict=True)
                if lever.axis is axis
            )
            for t in range(settings.periods)
        )
        for axis in Axis
    }
    net_list = net.tolist()
    return RoiResult(
        risk_adjusted=risk_adjusted,
        table=table,
        benefits_by_axis=by_axis,
        pv_by_axis={axis: present_value(values, rate) for axis, values in by_axis.items()},
        pv_benefits=pv_benefits,
        pv_costs=pv_costs,
        npv=npv,
        roi=(pv_benefits - pv_costs) / pv_costs if pv_costs > 0 else None,
        payback_months=payback_months(net_list),
        discounted_payback_months=discounted_payback_months(net_list, rate),
        irr=internal_rate_of_return(net_list),
    )


def risk_adjustment_lines(case: RoiCase) -> tuple[Msg, Msg]:
    """The labels of the risk adjustment's own lines: what it takes from the benefits, and
    what it adds to the costs (« Ajustement du risque sur les coûts (+10 %) » when every
    adjusted cost line has the same rate)."""
    rates = {c.risk_adjustment for c in case.costs if c.risk_adjustment}
    cost = (
        msg("roi.cost.risk_adjustment", rate=Percent(rates.pop()))
        if len(rates) == 1
        else msg("roi.cost.risk_adjustment_lines")
    )
    return msg("roi.benefit.risk_adjustment"), cost


def _values_at(case: RoiCase, point: Point = "most_likely") -> FloatArray:
    return np.array(
        [lever.value_of(lever.inputs_at(point)) for lever in case.levers], dtype=np.float64
    ).reshape(len(case.levers))


def analyse_roi(case: RoiCase) -> RoiAnalysis:
    """Unadjusted and risk-adjusted results of ``case`` (inputs at their most likely value)."""
    values = _values_at(case)
    return RoiAnalysis(case, _result(case, values, False), _result(case, values, True))


# ---------------------------------------------------------------------------------------------
# uncertainty


def _npv_weights(case: RoiCase, risk_adjusted: bool) -> tuple[FloatArray, float]:
    """NPV is linear in the levers' yearly values: ``NPV = values @ weights - pv_costs``."""
    factors = case.settings.discount_factors()
    keep = np.array(
        [1 - lever.risk_adjustment if risk_adjusted else 1.0 for lever in case.levers],
        dtype=np.float64,
    )
    weights: FloatArray = (case.ramp_matrix() @ factors) * keep
    pv_costs = math.fsum(
        present_value(c.per_period, case.settings.discount_rate)
        * (1 + c.risk_adjustment if risk_adjusted else 1.0)
        for c in case.costs
    )
    return weights, pv_costs


@dataclass(frozen=True)
class Scenario:
    """One scenario: every uncertain input at its low, most likely or high value."""

    name: str
    point: Point
    result: RoiResult


SCENARIOS: tuple[tuple[str, Point], ...] = (
    ("conservative", "low"),
    ("expected", "most_likely"),
    ("optimistic", "high"),
)


def scenarios(case: RoiCase, *, risk_adjusted: bool = True) -> tuple[Scenario, ...]:
    """Conservative, expected and optimistic results side by side (every input at its low,
    most likely and high value: each lever rises with each of its inputs)."""
    return tuple(
        Scenario(name, point, _result(case, _values_at(case, point), risk_adjusted))
        for name, point in SCENARIOS
    )


@dataclass(frozen=True)
class TornadoBar:
    """NPV with one input at its low and at its high value, every other at its most likely."""

    lever: str
    input: str
    low: float
    high: float
    npv_at_low: float
    npv_at_high: float

    @property
    def swing(self) -> float:
        return abs(self.npv_at_high - self.npv_at_low)


@dataclass(frozen=True)
class Tornado:
    """The base NPV (every input at its most likely value) and the bars, widest swing first."""

    base_npv: float
    bars: tuple[TornadoBar, ...]


def tornado(case: RoiCase, *, risk_adjusted: bool = True) -> Tornado:
    """NPV sensitivity to each uncertain input over its low/high range, sorted by swing
    (widest first; ties in the order of the levers and inputs)."""
    weights, pv_costs = _npv_weights(case, risk_adjusted)
    base_values = _values_at(case)
    base_npv = float(base_values @ weights) - pv_costs
    bars: list[TornadoBar] = []
    for i, lever in enumerate(case.levers):
        inputs = lever.inputs_at()
        for input_name, estimate in lever.uncertain_inputs().items():
            npvs = []
            for value in (estimate.low, estimate.high):
                values = base_values.copy()
                values[i] = float(lever.value_of({**inputs, input_name: value}))
                npvs.append(float(values @ weights) - pv_costs)
            bars.append(TornadoBar(lever.label, input_name, estimate.low, estimate.high, *npvs))
    bars.sort(key=lambda bar: -bar.swing)  # stable: ties keep their order
    return Tornado(base_npv, tuple(bars))


@dataclass(frozen=True)
class MonteCarloResult:
    """NPV percentiles and the probability that NPV > 0 over seeded Beta-PERT draws of every
    uncertain input (inputs independent of each other)."""

    iterations: int
    seed: int | None
    npv: Percentiles
    mean_npv: float
    probability_positive: float
    npv_draws: FloatArray = field(repr=False, compare=False)


def has_ranges(case: RoiCase) -> bool:
    """Whether any input of the case is given as a range (low < high): without one, scenarios,
    tornado and Monte Carlo have nothing to show."""
    return any(lever.uncertain_inputs() for lever in case.levers)


def monte_carlo(
    case: RoiCase, iterations: int = 10_000, seed: Seed = 0, *, risk_adjusted: bool = True
) -> MonteCarloResult:
    """Seeded Monte Carlo of the NPV, vectorised: every lever's formula is evaluated on whole
    arrays of draws, then NPV = values @ weights - PV costs (NPV is linear in the values).

    >>> case = RoiCase(RoiSettings(1, 0.0), levers=(DiscountControl(
    ...     discounted_revenue=Pert(900, 1000, 1500), average_discount_rate=1,
    ...     share_avoided=1),), costs=(CostItem("Set-up", (500, 0)),))
    >>> mc = monte_carlo(case, 1000, seed=1)
    >>> mc.probability_positive  # benefits >= 900 > costs 500 in every draw
    1.0
    """
    estimates: list[Pert] = []
    where: list[tuple[int, str]] = []
    for i, lever in enumerate(case.levers):
        for input_name, estimate in lever.uncertain_inputs().items():
            estimates.append(estimate)
            where.append((i, input_name))
    draws = sample_perts(estimates, iterations, seed)
    weights, pv_costs = _npv_weights(case, risk_adjusted)
    npv = np.full(int(iterations), -pv_costs, dtype=np.float64)
    for i, lever in enumerate(case.levers):
        inputs: dict[str, float | FloatArray] = dict(lever.inputs_at())
        for column, (j, input_name) in enumerate(where):
            if j == i:
                inputs[input_name] = draws[:, column]
        npv += lever.value_of(inputs) * weights[i]
    return MonteCarloResult(
        iterations=int(iterations),
        seed=seed if isinstance(seed, int) else None,
        npv=percentiles(npv),
        mean_npv=float(npv.mean()),
        probability_positive=float(np.count_nonzero(npv > 0) / npv.size),
        npv_draws=npv,
    )


def break_even_realisation(case: RoiCase, *, risk_adjusted: bool = True) -> float | None:
    """The share of the expected benefits (every lever, every year) that makes NPV = 0:
    ``PV costs / PV benefits``, exact since NPV is linear in that share. Above 1, the
    expected benefits do not pay back the costs; None when there is no benefit.

    >>> case = RoiCase(RoiSettings(1, 0.0), levers=(DiscountControl(
    ...     discounted_revenue=1000, average_discount_rate=1, share_avoided=1),),
    ...     costs=(CostItem("Set-up", (600, 0)),))
    >>> break_even_realisation(case)  # 600 / 1000
    0.6
    """
    weights, pv_costs = _npv_weights(case, risk_adjusted)
    pv_benefits = float(_values_at(case) @ weights)
    if pv_benefits <= 0:
        return None
    return pv_costs / pv_benefits


# ---------------------------------------------------------------------------------------------
# the whole study


@dataclass(frozen=True)
class RoiStudy:
    """Everything the ROI deliverable shows, on one basis (risk-adjusted): the results side
    by side, and, when some input is a range, the scenarios, the tornado and the Monte Carlo
    band around the headline NPV; the break-even realisation when there is a benefit."""

    analysis: RoiAnalysis
    scenarios: tuple[Scenario, ...] | None
    """None without ranges: the three scenarios would be the same."""
    tornado: Tornado | None
    risk: MonteCarloResult | None
    break_even: float | None
    seed: int

    @property
    def case(self) -> RoiCase:
        return self.analysis.case

    @property
    def headline(self) -> RoiResult:
        """The figures the report leads with: the risk-adjusted ones."""
        return self.analysis.risk_adjusted

    @property
    def has_benefits(self) -> bool:
        """Whether some lever gives a benefit (without one, there is only a cost to show)."""
        return self.analysis.unadjusted.pv_benefits > 0


def roi_study(case: RoiCase, draws: int = 10_000, seed: int = 0) -> RoiStudy:
    """The ROI of ``case`` and its uncertainty, every figure risk-adjusted (the headline's
    basis); the Monte Carlo seeded with ``seed``.

    >>> case = RoiCase(RoiSettings(1, 0.0), levers=(DiscountControl(
    ...     discounted_revenue=Pert(900, 1000, 1500), average_discount_rate=1,
    ...     share_avoided=1, risk_adjustment=0.1),), costs=(CostItem("Set-up", (500, 0)),))
    >>> study = roi_study(case, 1000, seed=1)
    >>> study.headline.npv  # 1 000 x (1 - 10 %) - 500
    400.0
    >>> bool(study.risk.npv.p10 < study.headline.npv < study.risk.npv.p90)
    True
    >>> roi_study(RoiCase(case.settings, (), case.costs)).risk is None  # nothing uncertain
    True
    """
    analysis = analyse_roi(case)
    uncertain = has_ranges(case)
    return RoiStudy(
        analysis=analysis,
        scenarios=scenarios(case) if uncertain else None,
        tornado=tornado(case) if uncertain else None,
        risk=monte_carlo(case, draws, seed) if uncertain else None,
        break_even=break_even_realisation(case),
        seed=seed,
    )
