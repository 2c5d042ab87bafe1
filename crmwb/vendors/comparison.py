"""Vendor comparison, the whole of it at once: knock out, rank the vendors left both ways,
compare the rankings, shortlist, and test the winner's robustness (:func:`compare_vendors`).

The inputs are :mod:`.model`'s, the rankings :mod:`.ranking`'s, the robustness tests
:mod:`.robustness`'s; their conventions are stated there.

>>> from crmwb.vendors.model import Criterion, Direction, MarketType, ScoreSheet, Vendor
>>> from crmwb.vendors.model import scores_from_table
>>> from crmwb.vendors.ranking import ranking_agreement, topsis, weighted_sum
>>> from crmwb.vendors.robustness import weight_sensitivity
>>> criteria = (
...     Criterion("Features", "functional", Direction.BENEFIT, 0.5),
...     Criterion("Price", "cost", Direction.COST, 0.3),
...     Criterion("Support", "service", Direction.BENEFIT, 0.2),
... )
>>> vendors = (Vendor("Alpha", MarketType.ECOSYSTEM), Vendor("Beta", MarketType.INTERMEDIATE),
...            Vendor("Gamma", MarketType.CAMPAIGN_MANAGER))
>>> table = {"Alpha": {"Features": 4, "Price": 3, "Support": 2},
...          "Beta": {"Features": 3, "Price": 1, "Support": 4},
...          "Gamma": {"Features": 5, "Price": 5, "Support": 4}}
>>> sheet = ScoreSheet(criteria, vendors, scores_from_table(table), scale=(0, 5))
>>> ranking = weighted_sum(sheet)
>>> [(v.vendor, round(v.score, 2)) for v in ranking.vendors]
[('Beta', 0.7), ('Gamma', 0.66), ('Alpha', 0.6)]
>>> second = topsis(sheet)   # Gamma's price weighs more once vector-normalised
>>> [(v.vendor, round(v.closeness, 4)) for v in second.vendors]
[('Beta', 0.6016), ('Alpha', 0.4681), ('Gamma', 0.4353)]
>>> agreement = ranking_agreement(ranking, second)
>>> round(agreement.kendall_tau, 4), agreement.same_winner   # pairs: 2 agree, 1 not
(0.3333, True)
>>> features = weight_sensitivity(sheet)[0].nearest
>>> round(features.new_weight, 4), features.new_winner   # Features from 0.50 to 6/11
(0.5455, 'Gamma')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from crmwb.vendors.model import COVERAGE_VALUES, Coverage, CoverageSheet, ScoreSheet
from crmwb.vendors.ranking import (
    Exclusion,
    RankingAgreement,
    TopsisResult,
    VendorCoverage,
    WeightedSumResult,
    all_excluded_error,
    functional_coverage,
    knock_outs,
    ranking_agreement,
    remaining_vendors,
    shortlist,
    topsis,
    weighted_sum,
)
from crmwb.vendors.robustness import (
    CriterionSensitivity,
    EvaluatorSpread,
    MonteCarloResult,
    largest_spreads,
    monte_carlo_weights,
    weight_sensitivity,
)


@dataclass(frozen=True)
class VendorComparison:
    """The whole comparison: knock-outs, both rankings of the vendors left, their agreement,
    functional coverage (all vendors, empty without a coverage sheet), the shortlist, the
    weight thresholds, the largest evaluator spreads and the Monte Carlo result."""

    exclusions: tuple[Exclusion, ...]
    ranked_vendors: tuple[str, ...]
    weighted_sum: WeightedSumResult
    topsis: TopsisResult
    agreement: RankingAgreement
    coverage: tuple[VendorCoverage, ...]
    shortlist: tuple[str, ...]
    sensitivity: tuple[CriterionSensitivity, ...]
    largest_spreads: tuple[EvaluatorSpread, ...]
    monte_carlo: MonteCarloResult | None

    @property
    def excluded_vendors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.vendor for e in self.exclusions))

    @property
    def most_critical(self) -> CriterionSensitivity | None:
        """The criterion whose weight needs the smallest change to change the winner (None
        when no weight change does)."""
        movable = [s for s in self.sensitivity if s.nearest is not None]
        return min(movable, key=lambda s: abs(s.nearest.change) if s.nearest else 1.0, default=None)


def compare_vendors(
    sheet: ScoreSheet,
    coverage: CoverageSheet | None = None,
    *,
    shortlist_size: int = 3,
    coverage_values: Mapping[Coverage, float] = COVERAGE_VALUES,
    draws: int = 10_000,
    concentration: float = 100.0,
    seed: int | None = 0,
) -> VendorComparison:
    """Knock out, then rank the vendors left both ways, compare the rankings, shortlist, and
    test the winner's robustness (``draws=0`` skips the Monte Carlo)."""
    exclusions = knock_outs(sheet, coverage)
    names = remaining_vendors(sheet, exclusions)
    if not names:
        raise all_excluded_error(sheet)
    ranking = weighted_sum(sheet, names)
    second = topsis(sheet, names)
    return VendorComparison(
        exclusions=exclusions,
        ranked_vendors=names,
        weighted_sum=ranking,
        topsis=second,
        agreement=ranking_agreement(ranking, second),
        coverage=functional_coverage(coverage, coverage_values) if coverage else (),
        shortlist=shortlist(ranking, shortlist_size),
        sensitivity=weight_sensitivity(sheet, names),
        largest_spreads=largest_spreads(sheet),
        monte_carlo=(
            monte_carlo_weights(sheet, names, draws=draws, concentration=concentration, seed=seed)
            if draws
            else None
        ),
    )
