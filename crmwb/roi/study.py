"""The ROI study: the results of :mod:`crmwb.roi.model` with their uncertainty, the conservative,
expected and optimistic scenarios, the tornado of the inputs' swings, the seeded Monte Carlo of
the NPV and the break-even realisation, every figure risk-adjusted by default (the headline's
basis); :func:`roi_study` gives them all at once."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from crmwb.core.uncertainty import Percentiles, Pert, Seed, percentiles, sample_perts
from crmwb.roi.levers import FloatArray, Point
from crmwb.roi.model import (
    RoiAnalysis,
    RoiCase,
    RoiResult,
    analyse_roi,
    lever_values_at,
    present_value,
    roi_result,
)

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
        Scenario(name, point, roi_result(case, lever_values_at(case, point), risk_adjusted))
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
    base_values = lever_values_at(case)
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

    >>> from crmwb.roi.levers import DiscountControl
    >>> from crmwb.roi.model import CostItem, RoiSettings
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

    >>> from crmwb.roi.levers import DiscountControl
    >>> from crmwb.roi.model import CostItem, RoiSettings
    >>> case = RoiCase(RoiSettings(1, 0.0), levers=(DiscountControl(
    ...     discounted_revenue=1000, average_discount_rate=1, share_avoided=1),),
    ...     costs=(CostItem("Set-up", (600, 0)),))
    >>> break_even_realisation(case)  # 600 / 1000
    0.6
    """
    weights, pv_costs = _npv_weights(case, risk_adjusted)
    pv_benefits = float(lever_values_at(case) @ weights)
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

    >>> from crmwb.roi.levers import DiscountControl
    >>> from crmwb.roi.model import CostItem, RoiSettings
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
