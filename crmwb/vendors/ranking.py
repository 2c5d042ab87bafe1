"""Vendor comparison, the rankings: the knock-outs, the use cases' coverage rates, the weighted
sum and its shortlist, TOPSIS, and how far the two rankings agree.

Pure: a :class:`~crmwb.vendors.model.ScoreSheet` (and a coverage sheet) in; exclusions,
coverage rates, scores, contributions and ranks out.

Conventions (to state in every deliverable, with the inputs' own in :mod:`.model`):

* **Rescaling for the weighted sum** (to 0..1, 1 is best):

  - a score x: ``(x - low) / (high - low)`` for a benefit criterion, ``1 -`` that for a cost
    criterion. The absolute scale counts: a price scored 0/5 gets 1, whoever else competes;
  - an amount x: ``min / x`` for a cost (the cheapest vendor gets 1, one twice as dear 0.5;
    amounts must be > 0) and ``x / max`` for a benefit (0 for every vendor when all are 0),
    over the vendors being ranked: it depends on who is still in the race.

* **TOPSIS** (Hwang & Yoon, 1981) works on the raw values (mean scores, amounts):
  vector normalisation ``x_ij / sqrt(sum_i x_ij**2)``, so unlike the weighted sum it depends on
  the scale's origin (0-5 and 1-6 do not give the same closeness). A column of zeros counts as
  0 for every vendor. When every vendor is identical the closeness is 0.5 for all.
* **Knock-outs** exclude a vendor before any ranking: a mean score below a benefit criterion's
  ``knock_out_minimum``, a mean score or amount above a cost criterion's ``knock_out_maximum``
  (a budget ceiling), or a must-have use case not covered. A value equal to the threshold
  passes. All rankings are computed over the vendors left (pass ``vendors=`` to choose).
* **Ranks**: 1 is the best; values within :data:`TIE_TOLERANCE` share a rank (1, 1, 3); tied
  vendors keep the sheet's order in the ranking, and the winner is the first of the ranking.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from crmwb.core.errors import InputError, Quoted, msg
from crmwb.vendors.model import (
    COVERAGE_VALUES,
    TIE_TOLERANCE,
    Coverage,
    CoverageSheet,
    Direction,
    Measure,
    ScoreSheet,
    check_unique,
    did_you_mean,
    shown_number,
)

FloatArray = npt.NDArray[np.float64]
_T = TypeVar("_T")


class ExclusionReason(StrEnum):
    """Why a vendor is left out of the ranking."""

    NOT_EVALUATED = "not_evaluated"
    BELOW_MINIMUM = "below_minimum"
    ABOVE_MAXIMUM = "above_maximum"
    NOT_COVERED = "not_covered"


# --- knock-outs and coverage -----------------------------------------------------------------


@dataclass(frozen=True)
class Exclusion:
    """Why one vendor is left out of the ranking (one row per failed condition).

    ``criterion`` is set for a score reason, ``use_case`` for ``NOT_COVERED``; ``score`` is
    the mean score (or amount) and ``threshold`` the minimum or maximum it missed.
    """

    vendor: str
    reason: ExclusionReason
    criterion: str | None = None
    use_case: str | None = None
    score: float | None = None
    threshold: float | None = None


def knock_outs(sheet: ScoreSheet, coverage: CoverageSheet | None = None) -> tuple[Exclusion, ...]:
    """Every reason to exclude a vendor, vendor by vendor in the sheet's order: cells not
    evaluated, knock-out thresholds missed, must-have use cases not covered.

    >>> from crmwb.vendors.model import Criterion, Direction, MarketType, Vendor, scores_from_table
    >>> crit = (Criterion("Support", "s", Direction.BENEFIT, 0.6, knock_out_minimum=2),
    ...         Criterion("Price", "c", Direction.COST, 0.4, knock_out_maximum=4))
    >>> vend = (Vendor("A", MarketType.ECOSYSTEM), Vendor("B", MarketType.INTERMEDIATE))
    >>> sheet = ScoreSheet(crit, vend, scores_from_table(
    ...     {"A": {"Support": 1.5, "Price": 2}, "B": {"Support": 4, "Price": None}}), (0, 5))
    >>> for e in knock_outs(sheet):
    ...     print(e.vendor, e.reason.value, e.criterion, e.score, e.threshold)
    A below_minimum Support 1.5 2.0
    B not_evaluated Price None None
    """
    if coverage is not None:
        _check_same_vendors(sheet, coverage)
    exclusions: list[Exclusion] = []
    for vendor in sheet.vendor_names:
        for c in sheet.criteria:
            value = sheet.mean(vendor, c.name)
            if value is None:
                exclusions.append(Exclusion(vendor, ExclusionReason.NOT_EVALUATED, c.name))
            elif c.knock_out_minimum is not None and value < c.knock_out_minimum - TIE_TOLERANCE:
                exclusions.append(
                    Exclusion(
                        vendor,
                        ExclusionReason.BELOW_MINIMUM,
                        c.name,
                        score=value,
                        threshold=float(c.knock_out_minimum),
                    )
                )
            elif c.knock_out_maximum is not None and value > c.knock_out_maximum + TIE_TOLERANCE:
                exclusions.append(
                    Exclusion(
                        vendor,
                        ExclusionReason.ABOVE_MAXIMUM,
                        c.name,
                        score=value,
                        threshold=float(c.knock_out_maximum),
                    )
                )
        if coverage is not None:
            for use_case in coverage.use_cases:
                level = coverage.levels[vendor][use_case.name]
                if use_case.must_have and level is Coverage.NOT_COVERED:
                    exclusions.append(
                        Exclusion(vendor, ExclusionReason.NOT_COVERED, use_case=use_case.name)
                    )
    return tuple(exclusions)


def remaining_vendors(sheet: ScoreSheet, exclusions: Iterable[Exclusion]) -> tuple[str, ...]:
    """The vendors of the sheet not excluded, in the sheet's order."""
    out = {e.vendor for e in exclusions}
    return tuple(v for v in sheet.vendor_names if v not in out)


@dataclass(frozen=True)
class VendorCoverage:
    """Functional coverage of one vendor: ``rate`` is a fraction (0.85 for 85 %)."""

    vendor: str
    rate: float
    levels: Mapping[str, Coverage]

    @property
    def not_covered(self) -> tuple[str, ...]:
        return tuple(name for name, level in self.levels.items() if level is Coverage.NOT_COVERED)


def functional_coverage(
    coverage: CoverageSheet, values: Mapping[Coverage, float] = COVERAGE_VALUES
) -> tuple[VendorCoverage, ...]:
    """Per vendor: sum over use cases of priority x coverage value, over the sum of priorities.

    ``values`` gives each level's value in [0, 1] (default :data:`COVERAGE_VALUES`, a
    convention the consultant can change).

    >>> from crmwb.vendors.model import UseCase
    >>> cov = CoverageSheet((UseCase("Welcome", 3), UseCase("Reactivation", 1)),
    ...                     {"A": {"Welcome": "native", "Reactivation": "custom_development"}})
    >>> functional_coverage(cov)[0].rate  # (3 x 1 + 1 x 0.4) / 4
    0.85
    """
    for level in Coverage:
        value = values.get(level)
        if value is None or not (math.isfinite(value) and 0 <= value <= 1):
            raise InputError(
                msg("vc.err.coverage_value", level=Quoted(msg(f"coverage.{level.value}"))),
                found=msg("err.found.none") if value is None else shown_number(value),
            )
    total = math.fsum(u.priority for u in coverage.use_cases)
    return tuple(
        VendorCoverage(
            vendor,
            math.fsum(u.priority * values[levels[u.name]] for u in coverage.use_cases) / total,
            dict(levels),
        )
        for vendor, levels in coverage.levels.items()
    )


# --- weighted sum ----------------------------------------------------------------------------


@dataclass(frozen=True)
class VendorScore:
    """One vendor in the weighted sum.

    ``rescaled`` holds its 0..1 value per criterion, ``contributions`` weight x rescaled per
    criterion (they add up to ``score``: the stacked bar), ``group_contributions`` the same
    summed per criterion group.
    """

    vendor: str
    score: float
    rank: int
    rescaled: Mapping[str, float]
    contributions: Mapping[str, float]
    group_contributions: Mapping[str, float]


class _Ranked(Protocol):
    @property
    def vendor(self) -> str: ...

    @property
    def rank(self) -> int: ...


_R = TypeVar("_R", bound=_Ranked)


class _Ranking(Generic[_R]):
    """What a ranking result answers, whatever the method: ``vendors`` best first."""

    vendors: tuple[_R, ...]

    @property
    def ranking(self) -> tuple[str, ...]:
        return tuple(v.vendor for v in self.vendors)

    @property
    def winner(self) -> str:
        return self.vendors[0].vendor

    @property
    def ranks(self) -> dict[str, int]:
        return {v.vendor: v.rank for v in self.vendors}

    def vendor(self, name: str) -> _R:
        for v in self.vendors:
            if v.vendor == name:
                return v
        raise KeyError(name)


@dataclass(frozen=True)
class WeightedSumResult(_Ranking[VendorScore]):
    """The weighted-sum ranking, best vendor first."""

    vendors: tuple[VendorScore, ...]

    @property
    def scores(self) -> dict[str, float]:
        return {v.vendor: v.score for v in self.vendors}


def weighted_sum(sheet: ScoreSheet, vendors: Sequence[str] | None = None) -> WeightedSumResult:
    """Rank ``vendors`` (default: those left after :func:`knock_outs`) by the weighted sum of
    their rescaled values (see the module's conventions)."""
    names = vendors_to_rank(sheet, vendors)
    rescaled = rescaled_matrix(sheet, names)
    weights = weight_vector(sheet)
    contributions = rescaled * weights
    scores = contributions.sum(axis=1)
    ranks = _competition_ranks(scores)
    criteria = sheet.criterion_names
    groups = list(dict.fromkeys(c.group for c in sheet.criteria))
    results = []
    for i, name in enumerate(names):
        by_group = dict.fromkeys(groups, 0.0)
        for j, c in enumerate(sheet.criteria):
            by_group[c.group] += float(contributions[i, j])
        results.append(
            VendorScore(
                vendor=name,
                score=float(scores[i]),
                rank=ranks[i],
                rescaled=dict(zip(criteria, rescaled[i].tolist(), strict=True)),
                contributions=dict(zip(criteria, contributions[i].tolist(), strict=True)),
                group_contributions=by_group,
            )
        )
    return WeightedSumResult(tuple(_in_rank_order(results, ranks)))


def shortlist(ranking: WeightedSumResult, size: int = 3) -> tuple[str, ...]:
    """The best ``size`` vendors of a ranking (made after knock-outs), best first; vendors tied
    with the last one kept are kept too, so the list can be longer than ``size``.

    >>> r = WeightedSumResult(tuple(VendorScore(n, s, k, {}, {}, {}) for n, s, k in
    ...     [("A", 0.9, 1), ("B", 0.8, 2), ("C", 0.8, 2), ("D", 0.5, 4)]))
    >>> shortlist(r, 2)
    ('A', 'B', 'C')
    """
    if size < 1:
        raise InputError(msg("vc.err.shortlist"), found=str(size))
    if size >= len(ranking.vendors):
        return ranking.ranking
    last_rank = ranking.vendors[size - 1].rank
    return tuple(v.vendor for v in ranking.vendors if v.rank <= last_rank)


# --- TOPSIS ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TopsisScore:
    """One vendor in TOPSIS: ``closeness`` = d- / (d+ + d-), 1 at the ideal, 0 at the
    anti-ideal. ``weighted_normalised`` is its point in the weighted normalised space."""

    vendor: str
    closeness: float
    rank: int
    distance_to_ideal: float
    distance_to_anti_ideal: float
    weighted_normalised: Mapping[str, float]


@dataclass(frozen=True)
class TopsisResult(_Ranking[TopsisScore]):
    """The TOPSIS ranking, best vendor first, with the ideal and anti-ideal vectors (weighted
    normalised values, per criterion)."""

    vendors: tuple[TopsisScore, ...]
    ideal: Mapping[str, float]
    anti_ideal: Mapping[str, float]

    @property
    def closeness(self) -> dict[str, float]:
        return {v.vendor: v.closeness for v in self.vendors}


def topsis(sheet: ScoreSheet, vendors: Sequence[str] | None = None) -> TopsisResult:
    """Rank ``vendors`` (default: those left after :func:`knock_outs`) by TOPSIS (Hwang &
    Yoon, 1981): vector normalisation ``x_ij / sqrt(sum_i x_ij**2)`` of the raw values, times
    the weights; ideal = best of each column (max for benefit, min for cost criteria),
    anti-ideal = worst; Euclidean distances d+ (to the ideal) and d- (to the anti-ideal);
    closeness ``d- / (d+ + d-)``, the higher the better."""
    names = vendors_to_rank(sheet, vendors)
    raw = _raw_matrix(sheet, names)
    norms = np.sqrt((raw**2).sum(axis=0))
    normalised = np.divide(raw, norms, out=np.zeros_like(raw), where=norms > 0)
    weighted = normalised * weight_vector(sheet)
    cost = np.array([c.direction is Direction.COST for c in sheet.criteria])
    ideal = np.where(cost, weighted.min(axis=0), weighted.max(axis=0))
    anti_ideal = np.where(cost, weighted.max(axis=0), weighted.min(axis=0))
    d_plus = np.sqrt(((weighted - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((weighted - anti_ideal) ** 2).sum(axis=1))
    total = d_plus + d_minus
    closeness = np.divide(d_minus, total, out=np.full_like(total, 0.5), where=total > 0)
    ranks = _competition_ranks(closeness)
    criteria = sheet.criterion_names
    results = [
        TopsisScore(
            vendor=name,
            closeness=float(closeness[i]),
            rank=ranks[i],
            distance_to_ideal=float(d_plus[i]),
            distance_to_anti_ideal=float(d_minus[i]),
            weighted_normalised=dict(zip(criteria, weighted[i].tolist(), strict=True)),
        )
        for i, name in enumerate(names)
    ]
    return TopsisResult(
        vendors=tuple(_in_rank_order(results, ranks)),
        ideal=dict(zip(criteria, ideal.tolist(), strict=True)),
        anti_ideal=dict(zip(criteria, anti_ideal.tolist(), strict=True)),
    )


# --- agreement between the two methods -------------------------------------------------------


@dataclass(frozen=True)
class RankingAgreement:
    """How far TOPSIS agrees with the weighted sum: Kendall's tau-b between the two rankings
    (1 same order, -1 reversed; NaN when undefined) and whether the winner is the same."""

    kendall_tau: float
    same_winner: bool
    weighted_sum_winner: str
    topsis_winner: str


def kendall_tau(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    """Kendall's tau-b between two rankings of the same items (ranks, or scores: only the order
    counts, both must point the same way), ties allowed:
    ``(concordant - discordant) / sqrt((n0 - ties_first) * (n0 - ties_second))`` over the
    ``n0 = n(n-1)/2`` pairs. NaN when one ranking is all ties or has fewer than 2 items.

    >>> kendall_tau({"A": 1, "B": 2, "C": 3}, {"A": 1, "B": 3, "C": 2})  # (2 - 1) / 3
    0.3333333333333333
    """
    if set(first) != set(second):
        raise InputError(
            msg("vc.err.same_items"),
            found=msg(
                "vc.err.found.only_one",
                items=tuple(Quoted(item) for item in sorted(set(first) ^ set(second))),
            ),
        )
    items = list(first)
    concordant = discordant = ties_first = ties_second = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            x = _sign(first[a] - first[b])
            y = _sign(second[a] - second[b])
            if x == 0:
                ties_first += 1
            if y == 0:
                ties_second += 1
            if x * y > 0:
                concordant += 1
            elif x * y < 0:
                discordant += 1
    pairs = len(items) * (len(items) - 1) // 2
    denominator = math.sqrt((pairs - ties_first) * (pairs - ties_second))
    return (concordant - discordant) / denominator if denominator else math.nan


def ranking_agreement(ranking: WeightedSumResult, second: TopsisResult) -> RankingAgreement:
    """Compare the weighted-sum ranking with TOPSIS's on the same vendors."""
    return RankingAgreement(
        kendall_tau=kendall_tau(
            {k: float(v) for k, v in ranking.ranks.items()},
            {k: float(v) for k, v in second.ranks.items()},
        ),
        same_winner=ranking.winner == second.winner,
        weighted_sum_winner=ranking.winner,
        topsis_winner=second.winner,
    )


# --- helpers ---------------------------------------------------------------------------------


def _check_same_vendors(sheet: ScoreSheet, coverage: CoverageSheet) -> None:
    missing = [v for v in sheet.vendor_names if v not in coverage.levels]
    extra = [v for v in coverage.vendor_names if v not in sheet.vendor_names]
    if missing or extra:
        found = (
            msg("vc.err.found.no_coverage", vendor=Quoted(missing[0]))
            if missing
            else msg("vc.err.found.unknown_vendor", vendor=Quoted(extra[0]))
        )
        raise InputError(msg("vc.err.same_vendors"), found=found)


def all_excluded_error(sheet: ScoreSheet) -> InputError:
    """The error when the knock-outs leave no vendor to rank."""
    return InputError(
        msg("vc.err.none_left"),
        found=msg("vc.err.found.all_excluded", count=len(sheet.vendors), number=len(sheet.vendors)),
        hint=msg("vc.err.hint.knock_outs"),
    )


def vendors_to_rank(sheet: ScoreSheet, vendors: Sequence[str] | None) -> tuple[str, ...]:
    """The vendors a ranking ranks: ``vendors``, checked (known, distinct, evaluated on every
    criterion), or by default those left after :func:`knock_outs`."""
    if vendors is None:
        names = remaining_vendors(sheet, knock_outs(sheet))
        if not names:
            raise all_excluded_error(sheet)
        return names
    names = tuple(vendors)
    if not names:
        raise InputError(msg("vc.err.none_to_rank"))
    check_unique(names, "vendor")
    for name in names:
        if name not in sheet.vendor_names:
            raise InputError(
                msg("vc.err.vendors_of_sheet"),
                found=Quoted(name),
                hint=did_you_mean(name, sheet.vendor_names),
            )
        for criterion in sheet.criterion_names:
            if sheet.mean(name, criterion) is None:
                raise InputError(
                    msg("vc.err.evaluated"),
                    found=msg(
                        "vc.err.found.not_evaluated",
                        vendor=Quoted(name),
                        criterion=Quoted(criterion),
                    ),
                    hint=msg("vc.err.hint.leave_out"),
                )
    return names


def weight_vector(sheet: ScoreSheet) -> FloatArray:
    """The criteria's weights, in the sheet's order."""
    return np.array([c.weight for c in sheet.criteria], dtype=np.float64)


def _raw_matrix(sheet: ScoreSheet, names: Sequence[str]) -> FloatArray:
    """Vendors x criteria mean scores (or amounts); the vendors are all evaluated."""
    rows = []
    for vendor in names:
        row = []
        for criterion in sheet.criterion_names:
            value = sheet.mean(vendor, criterion)
            assert value is not None  # checked by vendors_to_rank
            row.append(value)
        rows.append(row)
    return np.array(rows, dtype=np.float64)


def rescaled_matrix(sheet: ScoreSheet, names: Sequence[str]) -> FloatArray:
    """Vendors x criteria values on 0..1, 1 the best (see the module's conventions)."""
    raw = _raw_matrix(sheet, names)
    low, high = sheet.scale
    out = np.empty_like(raw)
    for j, c in enumerate(sheet.criteria):
        column = raw[:, j]
        if c.measure is Measure.SCORE:
            share = (column - low) / (high - low)
            out[:, j] = 1 - share if c.direction is Direction.COST else share
        elif c.direction is Direction.COST:
            out[:, j] = column.min() / column
        else:
            top = column.max()
            out[:, j] = column / top if top > 0 else 0.0
    return out


def _competition_ranks(values: FloatArray) -> list[int]:
    """1 + the number of values strictly greater (beyond the tie tolerance)."""
    return [int(1 + np.sum(values > value + TIE_TOLERANCE)) for value in values]


def _in_rank_order(items: Sequence[_T], ranks: Sequence[int]) -> list[_T]:
    order = sorted(range(len(items)), key=lambda i: (ranks[i], i))
    return [items[i] for i in order]


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)
