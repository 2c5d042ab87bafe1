"""Return on investment of a CRM project, the way a CFO will check it.

Pure: benefit levers (:mod:`.levers`), costs and settings in; cash-flow tables, ROI, NPV,
payback and IRR out (the scenarios, tornado, Monte Carlo and break-even realisation are
:mod:`.study`'s). No file, no printing, no plotting. The method follows Forrester's Total
Economic Impact (TEI): costs and benefits per period, an undiscounted initial period, risk
adjustment per line, present values at a discount rate (10 % by default), ROI, NPV and payback.

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

>>> from crmwb.roi.levers import TimeSaved
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
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy_financial as npf

from crmwb.core.errors import InputError, Msg, Number, Percent, Quoted, Text, msg
from crmwb.core.i18n import SOURCE_LANG
from crmwb.roi.levers import (
    Axis,
    FloatArray,
    Lever,
    Point,
    QualitativeBenefit,
    check_number,
    check_rate,
    percent_hint,
)
from crmwb.tco.model import MAX_HORIZON_YEARS, MONTHS_PER_YEAR, OptionCosts

DEFAULT_DISCOUNT_RATE = 0.10
"""Forrester TEI's default discount rate."""

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


class IrrStatus(StrEnum):
    """Whether the internal rate of return is a meaningful number."""

    DEFINED = "defined"
    NOT_UNIQUE = "not_unique"
    """The net cash flow changes sign more than once: several rates may give NPV = 0."""
    UNDEFINED = "undefined"
    """The net cash flow never changes sign (or no rate solves NPV = 0)."""


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
            check_number(amount, what)
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
    check_number(value, what)
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
        check_number(self.discount_rate, rate)
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
                hint=percent_hint(self.discount_rate) if self.discount_rate <= 100 else None,
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

    def lever_present_values(self) -> tuple[float, ...]:
        """Each lever's benefits in present value, risk-adjusted, in the case's order: they add
        up to the risk-adjusted present value of the benefits."""
        lines = self.unadjusted.table.benefit_lines  # one per lever, as the sheet gives it
        return tuple(
            (line.present_value or 0.0) * (1 - lever.risk_adjustment)
            for lever, line in zip(self.case.levers, lines, strict=True)
        )


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


def roi_result(case: RoiCase, lever_values: FloatArray, risk_adjusted: bool) -> RoiResult:
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


def lever_values_at(case: RoiCase, point: Point = "most_likely") -> FloatArray:
    """Each lever's yearly value at full realisation, its inputs at their ``point`` value."""
    return np.array(
        [lever.value_of(lever.inputs_at(point)) for lever in case.levers], dtype=np.float64
    ).reshape(len(case.levers))


def analyse_roi(case: RoiCase) -> RoiAnalysis:
    """Unadjusted and risk-adjusted results of ``case`` (inputs at their most likely value)."""
    values = lever_values_at(case)
    return RoiAnalysis(case, roi_result(case, values, False), roi_result(case, values, True))
