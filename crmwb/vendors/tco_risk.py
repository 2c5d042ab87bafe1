"""Vendor pricing, the Monte Carlo of the vendors' TCO: each uncertain cost schedule drawn again
and again, P10 / P50 / P90 of each vendor's total, its cumulative cost by period and the
probability that it is the cheapest.

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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crmwb.core.errors import InputError, Quoted, msg
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
from crmwb.tco.model import TcoSettings
from crmwb.vendors.costs import VendorCosts

_TIE_TOLERANCE = 1e-9  # relative: totals this close are a tie for the cheapest


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
    values follow :func:`crmwb.tco.model.present_value` (period 0 not discounted). A vendor without
    uncertainty has the same total in every draw. Ties for the cheapest (totals within a
    relative 1e-9) are split equally, so the probabilities sum to 1.

    >>> from crmwb.tco.model import Category
    >>> from crmwb.vendors.costs import CostSchedule
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
