"""Vendor comparison, how far the winner can be trusted: where the evaluators disagree most,
how far each criterion's weight can move before the weighted-sum winner changes, and how often
each vendor ranks first when the weights are drawn at random around the chosen ones.

Pure: a :class:`~crmwb.vendors.model.ScoreSheet` in; spreads, weight thresholds and Monte Carlo
probabilities out."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from crmwb.core.errors import InputError, msg
from crmwb.vendors.model import TIE_TOLERANCE, Measure, ScoreSheet, shown_number
from crmwb.vendors.ranking import (
    FloatArray,
    rescaled_matrix,
    vendors_to_rank,
    weight_vector,
    weighted_sum,
)

_EPS = 1e-12


# --- evaluators ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvaluatorSpread:
    """The evaluators' scores of one vendor on one criterion (those who scored)."""

    vendor: str
    criterion: str
    scores: Mapping[str, float]
    minimum: float
    maximum: float
    mean: float

    @property
    def spread(self) -> float:
        """Maximum - minimum, in points of the scale."""
        return self.maximum - self.minimum


def evaluator_spreads(sheet: ScoreSheet) -> tuple[EvaluatorSpread, ...]:
    """Min, max and mean across evaluators of every scored vendor x criterion cell, in the
    sheet's order (vendor by vendor)."""
    spreads = []
    for vendor in sheet.vendor_names:
        for criterion in sheet.criterion_names:
            scored = {
                e: v for e, v in sheet.evaluator_scores(vendor, criterion).items() if v is not None
            }
            if scored:
                spreads.append(
                    EvaluatorSpread(
                        vendor,
                        criterion,
                        scored,
                        min(scored.values()),
                        max(scored.values()),
                        math.fsum(scored.values()) / len(scored),
                    )
                )
    return tuple(spreads)


def largest_spreads(sheet: ScoreSheet, count: int = 5) -> tuple[EvaluatorSpread, ...]:
    """The ``count`` cells where the evaluators disagree most (score criteria only: amounts are
    facts, not judgements), largest spread first; cells where they agree are left out."""
    disagreements = [
        s
        for s in evaluator_spreads(sheet)
        if sheet.criterion(s.criterion).measure is Measure.SCORE and s.spread > TIE_TOLERANCE
    ]
    disagreements.sort(key=lambda s: -s.spread)  # stable: ties keep the sheet's order
    return tuple(disagreements[:count])


# --- sensitivity of the winner to one weight -------------------------------------------------


@dataclass(frozen=True)
class WeightThreshold:
    """A weight for one criterion at which another vendor catches up with the winner (any
    move past it makes ``new_winner`` first). ``change`` is ``new_weight - current weight`` in
    weight units (0.05 = 5 points), ``relative_change`` the same as a fraction of the current
    weight (None when it is 0). ``weights`` is the whole weight vector at the threshold, the
    other criteria rescaled proportionally."""

    new_weight: float
    change: float
    relative_change: float | None
    new_winner: str
    weights: Mapping[str, float]


@dataclass(frozen=True)
class CriterionSensitivity:
    """How far one criterion's weight can move before the weighted-sum winner changes, upwards
    and downwards (None: no weight up to 1, or down to 0, changes it)."""

    criterion: str
    current_weight: float
    winner: str
    increase: WeightThreshold | None
    decrease: WeightThreshold | None

    @property
    def nearest(self) -> WeightThreshold | None:
        """The smallest change that changes the winner, or None: "never"."""
        options = [t for t in (self.increase, self.decrease) if t is not None]
        return min(options, key=lambda t: abs(t.change)) if options else None

    @property
    def never(self) -> bool:
        return self.increase is None and self.decrease is None


def weight_sensitivity(
    sheet: ScoreSheet, vendors: Sequence[str] | None = None
) -> tuple[CriterionSensitivity, ...]:
    """For each criterion k, the smallest change of its weight ``w_k`` that makes another
    vendor rank first in the weighted sum, the other weights rescaled proportionally so the
    sum stays 1: ``w_j' = w_j * (1 - w_k') / (1 - w_k)``.

    Under this rescaling each vendor's score is linear in ``t = w_k'``:
    ``S_i(t) = t * r_ik + (1 - t) * B_ik`` with ``B_ik = (S_i - w_k * r_ik) / (1 - w_k)``
    (its score on the other criteria, renormalised), so the weight where vendor i catches up
    with the winner W is solved exactly: ``D(t) = S_W(t) - S_i(t)`` is linear, with
    ``D(0) = B_Wk - B_ik`` and ``D(1) = r_Wk - r_ik``, and vanishes at
    ``t = D(0) / (D(0) - D(1))``. The winner changes on the way up only if some vendor beats it
    with all the weight on k (``D(1) < 0``), on the way down only if some vendor beats it with
    none (``D(0) < 0``); otherwise "never". When ``w_k = 1`` the proportional rule is undefined
    and the other criteria share ``1 - t`` equally.

    The idea (the smallest weight change that reverses the ranking, and the most critical
    criterion as the one needing the smallest change) is from E. Triantaphyllou and A.
    Sánchez (1997), "A sensitivity analysis approach for some deterministic multi-criteria
    decision-making methods", Decision Sciences 28(1), 151-194.
    """
    names = vendors_to_rank(sheet, vendors)
    rescaled = rescaled_matrix(sheet, names)
    weights = weight_vector(sheet)
    winner = names.index(weighted_sum(sheet, names).winner)
    return tuple(
        _criterion_sensitivity(sheet, names, rescaled, weights, winner, k)
        for k in range(len(sheet.criteria))
    )


def _criterion_sensitivity(
    sheet: ScoreSheet,
    names: Sequence[str],
    rescaled: FloatArray,
    weights: FloatArray,
    winner: int,
    k: int,
) -> CriterionSensitivity:
    name = sheet.criteria[k].name
    current = float(weights[k])
    n_vendors, n_criteria = rescaled.shape
    if n_vendors == 1 or n_criteria == 1:
        return CriterionSensitivity(name, current, names[winner], None, None)
    others = [j for j in range(n_criteria) if j != k]
    if 1 - current > _EPS:
        base = (rescaled @ weights - current * rescaled[:, k]) / (1 - current)
    else:
        base = rescaled[:, others].mean(axis=1)
    at_zero = base[winner] - base  # D(0) for each vendor
    at_one = rescaled[winner, k] - rescaled[:, k]  # D(1)
    up: tuple[float, float, int] | None = None  # (weight, slope, vendor)
    down: tuple[float, float, int] | None = None
    for i in range(n_vendors):
        if i == winner:
            continue
        a, b = float(at_zero[i]), float(at_one[i])
        if b < -_EPS:
            t = min(max(a / (a - b), current), 1.0) if a - b > 0 else current
            if up is None or (t, b) < up[:2]:
                up = (t, b, i)
        if a < -_EPS:
            t = max(min(a / (a - b), current), 0.0) if a - b < 0 else current
            if down is None or (-t, a) < (-down[0], down[1]):
                down = (t, a, i)

    def threshold(found: tuple[float, float, int] | None) -> WeightThreshold | None:
        if found is None:
            return None
        t, _, i = found
        new_weights = _moved_weights(sheet, k, t)
        return WeightThreshold(
            new_weight=t,
            change=t - current,
            relative_change=(t - current) / current if current > 0 else None,
            new_winner=names[i],
            weights=new_weights,
        )

    return CriterionSensitivity(name, current, names[winner], threshold(up), threshold(down))


def _moved_weights(sheet: ScoreSheet, k: int, t: float) -> dict[str, float]:
    current = sheet.criteria[k].weight
    moved: dict[str, float] = {}
    n_others = len(sheet.criteria) - 1
    for j, c in enumerate(sheet.criteria):
        if j == k:
            moved[c.name] = t
        elif 1 - current > _EPS:
            moved[c.name] = c.weight * (1 - t) / (1 - current)
        else:
            moved[c.name] = (1 - t) / n_others
    return moved


# --- Monte Carlo on the weights --------------------------------------------------------------


@dataclass(frozen=True)
class MonteCarloResult:
    """How often each vendor ranks first when the weights vary around the chosen ones.

    ``probability_first`` sums to 1 (a draw where k vendors tie for first counts 1/k for each);
    ``mean_rank`` is the average rank (1 best); ``rank_probabilities[v][r - 1]`` the share of
    draws where ``v`` ranks r (tied vendors share the better rank).
    """

    draws: int
    concentration: float
    seed: int | None
    probability_first: Mapping[str, float]
    mean_rank: Mapping[str, float]
    rank_probabilities: Mapping[str, tuple[float, ...]]


def monte_carlo_weights(
    sheet: ScoreSheet,
    vendors: Sequence[str] | None = None,
    *,
    draws: int = 10_000,
    concentration: float = 100.0,
    seed: int | None = 0,
) -> MonteCarloResult:
    """Draw weight vectors from a Dirichlet distribution centred on the sheet's weights
    (``alpha = concentration x weights``: the mean is the chosen weights, the larger the
    concentration the closer the draws stay to them; each weight's standard deviation is
    ``sqrt(w (1 - w) / (concentration + 1))``), score the vendors with each (one matrix
    product, draws x criteria times criteria x vendors) and count the ranks.

    Criteria weighing 0 stay at 0. Reproducible: the same ``seed`` gives the same result
    (``numpy.random.default_rng(seed)``).

    >>> from crmwb.vendors.model import Criterion, Direction, MarketType, Vendor, scores_from_table
    >>> crit = (Criterion("Features", "f", Direction.BENEFIT, 0.5),
    ...         Criterion("Support", "s", Direction.BENEFIT, 0.5))
    >>> vend = (Vendor("A", MarketType.ECOSYSTEM), Vendor("B", MarketType.INTERMEDIATE))
    >>> sheet = ScoreSheet(crit, vend, scores_from_table(
    ...     {"A": {"Features": 5, "Support": 4}, "B": {"Features": 2, "Support": 1}}), (0, 5))
    >>> monte_carlo_weights(sheet, draws=1000, seed=1).probability_first
    {'A': 1.0, 'B': 0.0}
    """
    if draws < 1:
        raise InputError(msg("vc.err.draws"), found=str(draws))
    if not (math.isfinite(concentration) and concentration > 0):
        raise InputError(msg("vc.err.concentration"), found=shown_number(concentration))
    names = vendors_to_rank(sheet, vendors)
    rescaled = rescaled_matrix(sheet, names)
    weights = weight_vector(sheet)
    positive = weights > 0
    rng = np.random.default_rng(seed)
    drawn = np.zeros((draws, weights.size))
    drawn[:, positive] = rng.dirichlet(concentration * weights[positive], size=draws)
    scores = drawn @ rescaled.T  # draws x vendors
    # rank = 1 + number of vendors strictly better (ties share the better rank)
    better = scores[:, np.newaxis, :] > scores[:, :, np.newaxis] + TIE_TOLERANCE
    ranks = 1 + better.sum(axis=2)
    first = (ranks == 1).astype(float)
    share_first = first / first.sum(axis=1, keepdims=True)
    n_vendors = len(names)
    rank_share = np.stack([(ranks == r).mean(axis=0) for r in range(1, n_vendors + 1)], axis=1)
    return MonteCarloResult(
        draws=draws,
        concentration=float(concentration),
        seed=seed,
        probability_first=dict(zip(names, share_first.mean(axis=0).tolist(), strict=True)),
        mean_rank=dict(zip(names, ranks.mean(axis=0).tolist(), strict=True)),
        rank_probabilities={name: tuple(rank_share[i].tolist()) for i, name in enumerate(names)},
    )
