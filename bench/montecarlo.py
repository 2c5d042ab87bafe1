"""Benchmark of the vendor comparison's Monte Carlo simulations against plain Python loops.

Two simulations the vendor comparison runs for every client (issue "Vendor comparison"):

1. **Weights**: 10 000 weight vectors drawn from a Dirichlet distribution around the chosen
   weights, 10 vendors scored on 25 criteria with each, counting how often each vendor ranks
   first (``crmwb.vendors.monte_carlo_weights``: one draws x criteria by criteria x vendors
   matrix product).
2. **TCO**: 100 000 draws of 10 vendors' uncertain cost lines (Beta-PERT multipliers, 20 lines a
   vendor) over 7 years, giving P10 / P50 / P90 and the probability that each vendor is the
   cheapest (``crmwb.vendors.tco_risk.simulate``).

3. **ROI**: 100 000 draws of an ROI case with 30 uncertain inputs (Beta-PERT) over 5 years,
   giving NPV P10 / P50 / P90 and the probability that NPV > 0 (``crmwb.roi.monte_carlo``).

Each is compared with the same computation written as plain Python loops (``random`` from the
standard library), on fewer draws, scaled up to the same number of draws. Target: well under a
second each for the vectorised version. A benchmark is not a test: it prints and exits 0.

    .venv/bin/python bench/montecarlo.py [--weight-draws N] [--tco-draws N]
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections.abc import Sequence

import numpy as np

from crmwb.core.uncertainty import Pert
from crmwb.roi.levers import TimeSaved
from crmwb.roi.model import CostItem, RoiCase, RoiSettings
from crmwb.roi.study import monte_carlo as roi_monte_carlo
from crmwb.tco.model import TcoSettings
from crmwb.vendors.costs import vendor_costs
from crmwb.vendors.model import (
    Criterion,
    Direction,
    MarketType,
    ScoreSheet,
    Vendor,
    scores_from_table,
)
from crmwb.vendors.pricing import (
    Edition,
    Module,
    OneOffService,
    UserPricing,
    VendorPricing,
    Volume,
    Volumes,
)
from crmwb.vendors.robustness import monte_carlo_weights
from crmwb.vendors.tco_risk import simulate

VENDORS, CRITERIA, YEARS, LINES = 10, 25, 7, 20


def score_sheet(seed: int = 1) -> ScoreSheet:
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.ones(CRITERIA))
    criteria = tuple(
        Criterion(f"C{j}", f"G{j % 5}", Direction.BENEFIT, float(w)) for j, w in enumerate(weights)
    )
    vendors = tuple(Vendor(f"V{i}", MarketType.INTERMEDIATE) for i in range(VENDORS))
    table = {v.name: {c.name: float(rng.integers(1, 6)) for c in criteria} for v in vendors}
    return ScoreSheet(criteria, vendors, scores_from_table(table), (0, 5))


def python_weights(sheet: ScoreSheet, draws: int, concentration: float = 100.0) -> dict[str, float]:
    """The weight Monte Carlo as plain loops: gamma draws normalised (a Dirichlet draw), then
    each vendor's weighted score, then the winner."""
    rnd = random.Random(0)
    low, high = sheet.scale
    names = sheet.vendor_names
    rescaled = [
        [(sheet.mean(v, c) - low) / (high - low) for c in sheet.criterion_names]  # type: ignore[operator]
        for v in names
    ]
    alphas = [concentration * c.weight for c in sheet.criteria]
    wins = dict.fromkeys(names, 0.0)
    for _ in range(draws):
        gammas = [rnd.gammavariate(a, 1.0) for a in alphas]
        total = sum(gammas)
        weights = [g / total for g in gammas]
        scores = [sum(w * r for w, r in zip(weights, row, strict=True)) for row in rescaled]
        wins[names[scores.index(max(scores))]] += 1
    return {k: v / draws for k, v in wins.items()}


def vendor_pricings() -> list[VendorPricing]:
    pricings = []
    for i in range(VENDORS):
        modules = tuple(
            Module(f"module {j}", 200 + 50 * j + 10 * i, uncertainty=Pert(0.9, 1.0, 1.4))
            for j in range(LINES - 2)
        )
        pricings.append(
            VendorPricing(
                vendor=f"V{i}",
                users=UserPricing((Edition("Pro", 40 + 5 * i),), uncertainty=Pert(0.95, 1.0, 1.2)),
                modules=modules,
                services=(
                    OneOffService("Implementation", Pert(20_000, 30_000 + 2_000 * i, 60_000)),
                ),
            )
        )
    return pricings


def python_tco(lines: Sequence[Sequence[float]], perts: Sequence[Pert], draws: int) -> list[float]:
    """TCO draws as plain loops: one Beta-PERT multiplier per line and draw (betavariate),
    applied to every year of the line."""
    rnd = random.Random(0)
    totals = []
    for _ in range(draws):
        total = 0.0
        for amounts, pert in zip(lines, perts, strict=True):
            m = pert.low + (pert.high - pert.low) * rnd.betavariate(pert.alpha, pert.beta)
            total += m * sum(amounts)
        totals.append(total)
    return totals


def roi_case() -> RoiCase:
    """Ten time-saving levers of three uncertain inputs each: 30 uncertain inputs, 5 years."""
    levers = tuple(
        TimeSaved(
            name=f"Team {i}",
            users=Pert(3 + i, 5 + i, 8 + i),
            minutes_a_day=Pert(10, 20, 40),
            working_days=210,
            loaded_hourly_cost=Pert(35, 45, 60),
            productive_share=0.5,
            ramp_up=(0.5, 0.8, 1.0),
        )
        for i in range(10)
    )
    costs = (CostItem("TCO", (150_000, 40_000, 40_000, 40_000, 40_000, 40_000)),)
    return RoiCase(RoiSettings(horizon_years=5, discount_rate=0.10), levers, costs)


def python_roi(case: RoiCase, draws: int) -> float:
    """The ROI Monte Carlo as plain loops: draw each uncertain input (betavariate), compute
    each lever's yearly value, ramp it up, discount, subtract the PV of costs; P(NPV > 0)."""
    rnd = random.Random(0)
    rate, years = case.settings.discount_rate, case.settings.horizon_years
    pv_costs = sum(
        amount / (1 + rate) ** t for item in case.costs for t, amount in enumerate(item.per_period)
    )
    positive = 0
    for _ in range(draws):
        npv = -pv_costs
        for lever in case.levers:
            value = 1.0
            for name in lever.input_names():
                x = getattr(lever, name)
                if isinstance(x, Pert):
                    x = x.low + (x.high - x.low) * rnd.betavariate(x.alpha, x.beta)
                value *= x
            value /= 60  # TimeSaved: minutes to hours
            for t in range(1, years + 1):
                share = lever.ramp_up[min(t, len(lever.ramp_up)) - 1]
                npv += value * share / (1 + rate) ** t
        positive += npv > 0
    return positive / draws


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weight-draws", type=int, default=10_000)
    parser.add_argument("--tco-draws", type=int, default=100_000)
    parser.add_argument("--roi-draws", type=int, default=100_000)
    args = parser.parse_args(argv)

    sheet = score_sheet()
    monte_carlo_weights(sheet, draws=100, seed=0)  # warm-up (imports, caches)
    start = time.perf_counter()
    monte_carlo_weights(sheet, draws=args.weight_draws, seed=0)
    numpy_weights = time.perf_counter() - start
    sample = max(args.weight_draws // 20, 100)
    start = time.perf_counter()
    python_weights(sheet, sample)
    loop_weights = (time.perf_counter() - start) * args.weight_draws / sample

    settings = TcoSettings(horizon_years=YEARS, discount_rate=0.08, users=40)
    volumes = Volumes(users=Volume(40, growth=0.05))
    costs = [vendor_costs(p, settings, volumes) for p in vendor_pricings()]
    simulate(costs, settings, draws=1_000, seed=0)  # warm-up (the Beta quantile tables)
    start = time.perf_counter()
    simulate(costs, settings, draws=args.tco_draws, seed=0)
    numpy_tco = time.perf_counter() - start
    uncertain = [
        (s.per_period, s.uncertainty)
        for c in costs
        for s in c.all_schedules
        if s.uncertainty is not None
    ]
    sample = max(args.tco_draws // 100, 100)
    start = time.perf_counter()
    python_tco([u[0] for u in uncertain], [u[1] for u in uncertain], sample)  # type: ignore[misc]
    loop_tco = (time.perf_counter() - start) * args.tco_draws / sample

    print("crmwb Monte Carlo benchmark")
    print("===========================")
    print(
        f"weights: {args.weight_draws:,} Dirichlet draws, {VENDORS} vendors x {CRITERIA} criteria"
    )
    print(
        f"  numpy (crmwb.vendors.robustness) {numpy_weights:8.3f} s   target: well under 1 s "
        f"({'met' if numpy_weights < 1 else 'NOT met'})"
    )
    print(
        f"  plain Python loops        {loop_weights:8.3f} s   (timed on {args.weight_draws // 20:,}"
        " draws, scaled)"
    )
    print(f"  ratio                     {loop_weights / numpy_weights:8.1f}x")
    print(
        f"TCO: {args.tco_draws:,} draws, {VENDORS} vendors x {len(uncertain) // VENDORS} uncertain"
        f" lines, {YEARS} years + t=0"
    )
    print(
        f"  numpy (crmwb.vendors.tco_risk)    {numpy_tco:8.3f} s   target: well under 1 s "
        f"({'met' if numpy_tco < 1 else 'NOT met'})"
    )
    print(f"  plain Python loops        {loop_tco:8.3f} s   (timed on {sample:,} draws, scaled)")
    print(f"  ratio                     {loop_tco / numpy_tco:8.1f}x")
    case = roi_case()
    roi_monte_carlo(case, 1_000, seed=0)  # warm-up
    start = time.perf_counter()
    roi_monte_carlo(case, args.roi_draws, seed=0)
    numpy_roi = time.perf_counter() - start
    sample = max(args.roi_draws // 100, 100)
    start = time.perf_counter()
    python_roi(case, sample)
    loop_roi = (time.perf_counter() - start) * args.roi_draws / sample
    print(f"ROI: {args.roi_draws:,} draws, 30 uncertain inputs, 5 years")
    print(
        f"  numpy (crmwb.roi.study)         {numpy_roi:8.3f} s   target: well under 1 s "
        f"({'met' if numpy_roi < 1 else 'NOT met'})"
    )
    print(f"  plain Python loops        {loop_roi:8.3f} s   (timed on {sample:,} draws, scaled)")
    print(f"  ratio                     {loop_roi / numpy_roi:8.1f}x")
    assert math.isfinite(loop_tco)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
