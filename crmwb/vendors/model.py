"""Vendor comparison: score CRM vendors on weighted criteria, rank them two ways, and measure
how robust the ranking is.

Pure: criteria, vendors, scores and use-case coverage in; rankings, contributions, knock-outs,
coverage rates, weight thresholds and Monte Carlo probabilities out. No file, no printing, no
plotting.

Conventions (to state in every deliverable):

* **Weights** are fractions (0.30, not 30) summing to 1 within :data:`WEIGHT_TOLERANCE`.
  Computing or normalising them (AHP, points to share...) is the caller's job: this module
  refuses weights that do not sum to 1. :func:`with_weights` puts already-computed global
  weights (a mapping criterion -> weight) on the criteria.
* **Scores** are on one declared scale ``(low, high)`` for the whole sheet (0-5, 1-10...).
  With several evaluators, the score used is the mean of those who scored; their spread
  (min, max) is reported, never used in the ranking.
* **Amounts**: a criterion can be measured as an amount in its own unit instead of a score
  (``Measure.AMOUNT``): the price, the TCO from :mod:`crmwb.tco.model`, a number of references.
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
* **Missing scores**: every vendor needs a score on every criterion from every evaluator who
  scored that criterion; a hole is an :class:`~crmwb.core.errors.InputError`, never a silent zero.
  A score can be marked *not evaluated* explicitly (``value=None``). A vendor x criterion cell
  that no evaluator scored makes the vendor **excluded from the ranking** with the reason
  ``NOT_EVALUATED``, like a knock-out: inventing a value (the scale's minimum) would rank it on
  a number nobody gave, and dropping the criterion for it alone would rank vendors on different
  weights. When only some evaluators scored a cell, the mean of those who did is used.
* **Knock-outs** exclude a vendor before any ranking: a mean score below a benefit criterion's
  ``knock_out_minimum``, a mean score or amount above a cost criterion's ``knock_out_maximum``
  (a budget ceiling), or a must-have use case not covered. A value equal to the threshold
  passes. All rankings are computed over the vendors left (pass ``vendors=`` to choose).
* **Ranks**: 1 is the best; values within :data:`TIE_TOLERANCE` share a rank (1, 1, 3); tied
  vendors keep the sheet's order in the ranking, and the winner is the first of the ranking.

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

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Generic, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from crmwb.core.errors import InputError, Msg, Number, Quoted, msg

FloatArray = npt.NDArray[np.float64]
_T = TypeVar("_T")

WEIGHT_TOLERANCE = 1e-6
"""How far from 1 the sum of the weights may be (rounding of weights computed elsewhere)."""

TIE_TOLERANCE = 1e-9
"""Scores or closeness values closer than this are ties; a knock-out threshold is missed by
more than this."""

_EPS = 1e-12


class Direction(StrEnum):
    """Whether more is better (benefit: features, support) or less is (cost: price, TCO)."""

    BENEFIT = "benefit"
    COST = "cost"


class Measure(StrEnum):
    """How a criterion is measured: a score on the sheet's scale, or an amount in its own unit
    (a price, a TCO, a number of references) that must be >= 0 (> 0 for a cost)."""

    SCORE = "score"
    AMOUNT = "amount"


class MarketType(StrEnum):
    """The CRM market segments of DOMAIN.md §3."""

    ECOSYSTEM = "ecosystem"
    """Broad, costly, needs an integrator (Salesforce, Microsoft Dynamics)."""
    INTERMEDIATE = "intermediate"
    """Marketing CRMs (Splio, Selligent)."""
    CAMPAIGN_MANAGER = "campaign_manager"
    """E-mail and campaign tools (Brevo, formerly Sendinblue)."""


class Coverage(StrEnum):
    """How a vendor covers a functional use case of the relationship plan."""

    NATIVE = "native"
    CONFIGURATION = "configuration"
    CUSTOM_DEVELOPMENT = "custom_development"
    NOT_COVERED = "not_covered"


COVERAGE_VALUES: Mapping[Coverage, float] = MappingProxyType(
    {
        Coverage.NATIVE: 1.0,
        Coverage.CONFIGURATION: 0.75,
        Coverage.CUSTOM_DEVELOPMENT: 0.4,
        Coverage.NOT_COVERED: 0.0,
    }
)
"""The share of a use case's value a coverage level delivers. A **convention**, not a law:
native 1, configuration 0.75 (set-up effort, still standard), custom development 0.4 (it works,
at a cost: 700-1 000 EUR a day, and it must be maintained), not covered 0. The consultant can
pass another mapping to :func:`functional_coverage`."""


class ExclusionReason(StrEnum):
    """Why a vendor is left out of the ranking."""

    NOT_EVALUATED = "not_evaluated"
    BELOW_MINIMUM = "below_minimum"
    ABOVE_MAXIMUM = "above_maximum"
    NOT_COVERED = "not_covered"


# --- inputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    """One comparison criterion.

    ``group`` gathers criteria for the charts (functional, cost, service...). ``weight`` is
    the criterion's global weight, a fraction. ``knock_out_minimum`` (benefit criteria) and
    ``knock_out_maximum`` (cost criteria) exclude a vendor whose mean score, or amount, is
    below / above them.

    >>> try:
    ...     Criterion("Price", "cost", Direction.COST, 30)
    ... except InputError as exc:
    ...     print(exc.message("en"))
    a weight between 0 and 1 for criterion 'Price'; found 30 (weights are fractions: 0.30 for 30%)
    """

    name: str
    group: str
    direction: Direction
    weight: float
    knock_out_minimum: float | None = None
    knock_out_maximum: float | None = None
    measure: Measure = Measure.SCORE

    def __post_init__(self) -> None:
        name = Quoted(self.name)
        if not self.name.strip():
            raise InputError(msg("vc.err.criterion_name"), found=msg("vc.err.found.empty_name"))
        if not (math.isfinite(self.weight) and 0 <= self.weight <= 1):
            hint = msg("vc.err.hint.fractions") if 1 < self.weight <= 100 else None
            raise InputError(msg("vc.err.weight", criterion=name), found=_g(self.weight), hint=hint)
        for threshold in (self.knock_out_minimum, self.knock_out_maximum):
            if threshold is not None and not math.isfinite(threshold):
                raise InputError(
                    msg("vc.err.finite_threshold", criterion=name), found=repr(threshold)
                )
        if self.direction is Direction.COST and self.knock_out_minimum is not None:
            raise InputError(
                msg("criteria.err.minimum_on_cost", criterion=name),
                found=msg("vc.err.found.minimum", value=_g(self.knock_out_minimum)),
                hint=msg("vc.err.hint.minimum_on_cost"),
            )
        if self.direction is Direction.BENEFIT and self.knock_out_maximum is not None:
            raise InputError(
                msg("criteria.err.maximum_on_benefit", criterion=name),
                found=msg("vc.err.found.maximum", value=_g(self.knock_out_maximum)),
                hint=msg("vc.err.hint.maximum_on_benefit"),
            )

    @property
    def knock_out(self) -> bool:
        """Whether the criterion can exclude a vendor."""
        return self.knock_out_minimum is not None or self.knock_out_maximum is not None


@dataclass(frozen=True)
class Vendor:
    """A CRM vendor (or product) in the comparison."""

    name: str
    market_type: MarketType

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InputError(msg("vc.err.vendor_name"), found=msg("vc.err.found.empty_name"))


@dataclass(frozen=True)
class Score:
    """One evaluator's score of one vendor on one criterion.

    ``value`` is on the sheet's scale (an amount for an amount criterion), or ``None`` for
    "not evaluated" on purpose. ``evaluator`` is empty when there is one score per cell.
    ``source`` says where the value came from (``Scores!D7``), for error messages.
    """

    vendor: str
    criterion: str
    value: float | None
    evaluator: str = ""
    source: str = ""


@dataclass(frozen=True)
class ScoreSheet:
    """Vendors x criteria x evaluators scores on a declared scale, validated on creation.

    Raises :class:`~crmwb.core.errors.InputError` for a bad scale, no vendor or criterion, duplicate
    vendor or criterion names, weights not summing to 1, a knock-out threshold off the scale, a
    score for an unknown vendor or criterion, a score given twice, a score off the scale (or an
    amount <= 0 for a cost amount, < 0 for a benefit amount), and a missing score.
    """

    criteria: tuple[Criterion, ...]
    vendors: tuple[Vendor, ...]
    scores: tuple[Score, ...]
    scale: tuple[float, float]
    _cells: Mapping[tuple[str, str], Mapping[str, float | None]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "vendors", tuple(self.vendors))
        object.__setattr__(self, "scores", tuple(self.scores))
        low, high = _check_scale(self.scale)
        object.__setattr__(self, "scale", (low, high))
        if not self.criteria:
            raise InputError(msg("weights.err.no_criteria"))
        if not self.vendors:
            raise InputError(msg("vc.err.no_vendor"))
        _check_unique([v.name for v in self.vendors], "vendor")
        _check_unique([c.name for c in self.criteria], "criterion")
        _check_weight_sum({c.name: c.weight for c in self.criteria})
        for c in self.criteria:
            if c.measure is Measure.SCORE:
                for threshold in (c.knock_out_minimum, c.knock_out_maximum):
                    if threshold is not None and not low <= threshold <= high:
                        raise InputError(
                            msg(
                                "criteria.err.threshold_scale",
                                low=_g(low),
                                high=_g(high),
                                criterion=Quoted(c.name),
                            ),
                            found=_g(threshold),
                        )
        object.__setattr__(self, "_cells", self._collect_cells())

    def _collect_cells(self) -> dict[tuple[str, str], dict[str, float | None]]:
        vendor_names = [v.name for v in self.vendors]
        by_name = {c.name: c for c in self.criteria}
        cells: dict[tuple[str, str], dict[str, float | None]] = {}
        for score in self.scores:
            sheet, at = _source(score.source)
            if score.vendor not in vendor_names:
                raise InputError(
                    msg("vc.err.score_vendor"),
                    found=Quoted(score.vendor),
                    hint=_did_you_mean(score.vendor, vendor_names),
                    sheet=sheet,
                    cell=at,
                )
            criterion = by_name.get(score.criterion)
            if criterion is None:
                raise InputError(
                    msg("vc.err.score_criterion"),
                    found=Quoted(score.criterion),
                    hint=_did_you_mean(score.criterion, list(by_name)),
                    sheet=sheet,
                    cell=at,
                )
            if score.value is not None:
                self._check_value(criterion, score)
            cell = cells.setdefault((score.vendor, score.criterion), {})
            if score.evaluator in cell:
                vendor, name = Quoted(score.vendor), Quoted(score.criterion)
                raise InputError(
                    msg("vc.err.one_score"),
                    found=msg(
                        "vc.err.found.two_scores_by",
                        vendor=vendor,
                        criterion=name,
                        evaluator=Quoted(score.evaluator),
                    )
                    if score.evaluator
                    else msg("vc.err.found.two_scores", vendor=vendor, criterion=name),
                    sheet=sheet,
                    cell=at,
                )
            cell[score.evaluator] = None if score.value is None else float(score.value)
        missing: list[Msg] = []
        for c in self.criteria:
            evaluators = list(
                dict.fromkeys(e for v in vendor_names for e in cells.get((v, c.name), {}))
            )
            for v in vendor_names:
                cell = cells.get((v, c.name), {})
                vendor, name = Quoted(v), Quoted(c.name)
                if not cell:
                    missing.append(msg("vc.err.found.on", vendor=vendor, criterion=name))
                missing.extend(
                    msg("vc.err.found.on_by", vendor=vendor, criterion=name, evaluator=Quoted(e))
                    for e in evaluators
                    if e not in cell
                )
        if missing:
            found = msg("vc.err.found.no_score", scores=tuple(missing[:3]))
            if missing[3:]:
                found = msg(
                    "vc.err.found.no_score_more", scores=tuple(missing[:3]), missing=len(missing)
                )
            raise InputError(
                msg("vc.err.missing_score"), found=found, hint=msg("vc.err.hint.missing_score")
            )
        return cells

    def _check_value(self, criterion: Criterion, score: Score) -> None:
        assert score.value is not None
        value = score.value
        low, high = self.scale
        sheet, at = _source(score.source)
        vendor, name = Quoted(score.vendor), Quoted(score.criterion)
        if criterion.measure is Measure.SCORE:
            if not (math.isfinite(value) and low <= value <= high):
                raise InputError(
                    msg("vc.err.score_between", low=_g(low), high=_g(high)),
                    found=msg(
                        "vc.err.found.score_of", value=_g(value), vendor=vendor, criterion=name
                    ),
                    sheet=sheet,
                    cell=at,
                )
        elif criterion.direction is Direction.COST:
            if not (math.isfinite(value) and value > 0):
                raise InputError(
                    msg("vc.err.cost_amount", criterion=name),
                    found=msg("vc.err.found.amount_of", value=_g(value), vendor=vendor),
                    sheet=sheet,
                    cell=at,
                )
        elif not (math.isfinite(value) and value >= 0):
            raise InputError(
                msg("vc.err.amount", criterion=name),
                found=msg("vc.err.found.amount_of", value=_g(value), vendor=vendor),
                sheet=sheet,
                cell=at,
            )

    @property
    def vendor_names(self) -> tuple[str, ...]:
        return tuple(v.name for v in self.vendors)

    @property
    def criterion_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.criteria)

    @property
    def weights(self) -> dict[str, float]:
        """Criterion -> weight, in the sheet's order."""
        return {c.name: c.weight for c in self.criteria}

    def criterion(self, name: str) -> Criterion:
        for c in self.criteria:
            if c.name == name:
                return c
        raise KeyError(name)

    def evaluator_scores(self, vendor: str, criterion: str) -> Mapping[str, float | None]:
        """Evaluator -> score (None: not evaluated) of one vendor on one criterion."""
        return self._cells[(vendor, criterion)]

    def mean(self, vendor: str, criterion: str) -> float | None:
        """The score used: the mean of the evaluators who scored, None if nobody did."""
        values = [v for v in self._cells[(vendor, criterion)].values() if v is not None]
        return math.fsum(values) / len(values) if values else None

    @property
    def not_evaluated(self) -> tuple[tuple[str, str], ...]:
        """(vendor, criterion) cells nobody scored, in the sheet's order."""
        return tuple(
            (v, c)
            for v in self.vendor_names
            for c in self.criterion_names
            if self.mean(v, c) is None
        )

    def reweighted(self, weights: Mapping[str, float]) -> ScoreSheet:
        """The same sheet with other global weights (see :func:`with_weights`)."""
        return replace(self, criteria=with_weights(self.criteria, weights))


def with_weights(
    criteria: Iterable[Criterion], weights: Mapping[str, float]
) -> tuple[Criterion, ...]:
    """Put already-computed global weights (AHP...) on the criteria.

    ``weights`` must name every criterion, and only them, and sum to 1.

    >>> crit = [Criterion("Features", "f", Direction.BENEFIT, 0.5),
    ...         Criterion("Price", "c", Direction.COST, 0.5)]
    >>> [c.weight for c in with_weights(crit, {"Features": 0.7, "Price": 0.3})]
    [0.7, 0.3]
    >>> with_weights(crit, {"Features": 0.7, "Price": 0.2})
    Traceback (most recent call last):
    ...
    crmwb.core.errors.InputError: des poids dont la somme vaut 1\u202f; \
trouvé\u00a0: une somme de 0,9 \
(ramenez-les à une somme de 1\u00a0: divisez chaque poids par leur somme)
    """
    criteria = tuple(criteria)
    names = [c.name for c in criteria]
    unknown = [name for name in weights if name not in names]
    if unknown:
        raise InputError(
            msg("vc.err.weights_of_sheet"),
            found=msg("vc.err.found.unknown_weight", criterion=Quoted(unknown[0])),
            hint=_did_you_mean(unknown[0], names),
        )
    missing = [name for name in names if name not in weights]
    if missing:
        raise InputError(
            msg("vc.err.weight_each"),
            found=msg("weights.err.found.none_for", names=Quoted(missing[0])),
        )
    _check_weight_sum(weights)
    return tuple(replace(c, weight=float(weights[c.name])) for c in criteria)


def scores_from_table(
    table: Mapping[str, Mapping[str, float | Sequence[float | None] | None]],
    evaluators: Sequence[str] = (),
) -> tuple[Score, ...]:
    """Score records from a nested table ``vendor -> criterion -> score``.

    A cell is a number (one score), ``None`` (not evaluated) or a sequence with one score per
    evaluator, named by ``evaluators`` (or "evaluator 1", "evaluator 2"... by default).

    >>> scores_from_table({"Alpha": {"Price": 3, "Support": [2, None]}}, ["Ann", "Bob"])
    ... # doctest: +NORMALIZE_WHITESPACE
    (Score(vendor='Alpha', criterion='Price', value=3.0, evaluator='', source=''),
     Score(vendor='Alpha', criterion='Support', value=2.0, evaluator='Ann', source=''),
     Score(vendor='Alpha', criterion='Support', value=None, evaluator='Bob', source=''))
    """
    records: list[Score] = []
    for vendor, row in table.items():
        for criterion, cell in row.items():
            if cell is None or isinstance(cell, int | float):
                value = None if cell is None else float(cell)
                records.append(Score(vendor, criterion, value))
                continue
            who, what = Quoted(vendor), Quoted(criterion)
            if isinstance(cell, str):
                raise InputError(
                    msg("vc.err.number_on", vendor=who, criterion=what), found=repr(cell)
                )
            values = list(cell)
            if evaluators and len(evaluators) != len(values):
                raise InputError(
                    msg(
                        "vc.err.score_per_evaluator",
                        evaluators=len(evaluators),
                        vendor=who,
                        criterion=what,
                    ),
                    found=msg("vc.err.found.scores", count=len(values), number=len(values)),
                )
            names = list(evaluators) or [f"evaluator {i + 1}" for i in range(len(values))]
            for name, item in zip(names, values, strict=True):
                records.append(
                    Score(vendor, criterion, None if item is None else float(item), name)
                )
    return tuple(records)


# --- knock-outs and coverage -----------------------------------------------------------------


@dataclass(frozen=True)
class UseCase:
    """A functional use case of the relationship plan (welcome scenario, reactivation...).

    ``priority`` is a positive weight (1-3, or any weight); ``must_have`` makes it a
    knock-out: a vendor that does not cover it is excluded.
    """

    name: str
    priority: float
    must_have: bool = False

    def __post_init__(self) -> None:
        if not (math.isfinite(self.priority) and self.priority > 0):
            raise InputError(
                msg("vc.err.priority", use_case=Quoted(self.name)), found=_g(self.priority)
            )


@dataclass(frozen=True)
class CoverageSheet:
    """How each vendor covers each use case: ``levels[vendor][use case]``.

    Levels may be given as :class:`Coverage` or as their values ("native"...).
    """

    use_cases: tuple[UseCase, ...]
    levels: Mapping[str, Mapping[str, Coverage]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "use_cases", tuple(self.use_cases))
        if not self.use_cases:
            raise InputError(msg("vc.err.no_use_case"))
        names = [u.name for u in self.use_cases]
        _check_unique(names, "use_case")
        levels: dict[str, dict[str, Coverage]] = {}
        for vendor, row in self.levels.items():
            for use_case in row:
                if use_case not in names:
                    raise InputError(
                        msg("vc.err.coverage_use_case", vendor=Quoted(vendor)),
                        found=Quoted(use_case),
                        hint=_did_you_mean(use_case, names),
                    )
            missing = [name for name in names if name not in row]
            if missing:
                raise InputError(
                    msg("vc.err.coverage_each", vendor=Quoted(vendor)),
                    found=msg("weights.err.found.none_for", names=Quoted(missing[0])),
                )
            levels[vendor] = {name: _coverage(row[name], vendor, name) for name in names}
        if not levels:
            raise InputError(msg("vc.err.no_coverage"))
        object.__setattr__(self, "levels", levels)

    @property
    def vendor_names(self) -> tuple[str, ...]:
        return tuple(self.levels)


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
                found=msg("err.found.none") if value is None else _g(value),
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
    names = _resolve_vendors(sheet, vendors)
    rescaled = _rescaled_matrix(sheet, names)
    weights = _weight_vector(sheet)
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
    names = _resolve_vendors(sheet, vendors)
    raw = _raw_matrix(sheet, names)
    norms = np.sqrt((raw**2).sum(axis=0))
    normalised = np.divide(raw, norms, out=np.zeros_like(raw), where=norms > 0)
    weighted = normalised * _weight_vector(sheet)
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
    names = _resolve_vendors(sheet, vendors)
    rescaled = _rescaled_matrix(sheet, names)
    weights = _weight_vector(sheet)
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
        raise InputError(msg("vc.err.concentration"), found=_g(concentration))
    names = _resolve_vendors(sheet, vendors)
    rescaled = _rescaled_matrix(sheet, names)
    weights = _weight_vector(sheet)
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


# --- everything at once ----------------------------------------------------------------------


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
        raise _all_excluded(sheet)
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


# --- helpers ---------------------------------------------------------------------------------


def _check_scale(scale: Sequence[float]) -> tuple[float, float]:
    if len(scale) != 2:
        raise InputError(msg("vc.err.scale"), found=repr(scale))
    low, high = float(scale[0]), float(scale[1])
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise InputError(
            msg("vc.err.scale_order"), found=msg("vc.err.found.scale", low=_g(low), high=_g(high))
        )
    return low, high


def _check_unique(names: Sequence[str], what: str) -> None:
    """``what``: ``vendor``, ``criterion`` or ``use_case``."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise InputError(
                msg(f"vs.err.unique.{what}"),
                found=msg("pairwise.err.found.twice", name=Quoted(name)),
            )
        seen.add(name)


def _check_weight_sum(weights: Mapping[str, float]) -> None:
    total = math.fsum(weights.values())
    if abs(total - 1) > WEIGHT_TOLERANCE:
        hint = (
            msg("vc.err.hint.fractions")
            if abs(total - 100) < 100 * WEIGHT_TOLERANCE
            else msg("vc.err.hint.normalise")
        )
        raise InputError(
            msg("vc.err.weight_sum"), found=msg("weights.err.found.sum", total=_g(total)), hint=hint
        )


def _did_you_mean(name: str, choices: Sequence[str]) -> Msg | None:
    close = difflib.get_close_matches(name, choices, n=1)
    return msg("err.hint.did_you_mean", name=close[0]) if close else None


def _coverage(level: Coverage | str, vendor: str, use_case: str) -> Coverage:
    try:
        return Coverage(level)
    except ValueError:
        raise InputError(
            msg(
                "vc.err.coverage_level",
                levels=tuple(Quoted(c.value) for c in Coverage),
                vendor=Quoted(vendor),
                use_case=Quoted(use_case),
            ),
            found=repr(level),
        ) from None


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


def _all_excluded(sheet: ScoreSheet) -> InputError:
    return InputError(
        msg("vc.err.none_left"),
        found=msg("vc.err.found.all_excluded", count=len(sheet.vendors), number=len(sheet.vendors)),
        hint=msg("vc.err.hint.knock_outs"),
    )


def _resolve_vendors(sheet: ScoreSheet, vendors: Sequence[str] | None) -> tuple[str, ...]:
    if vendors is None:
        names = remaining_vendors(sheet, knock_outs(sheet))
        if not names:
            raise _all_excluded(sheet)
        return names
    names = tuple(vendors)
    if not names:
        raise InputError(msg("vc.err.none_to_rank"))
    _check_unique(names, "vendor")
    for name in names:
        if name not in sheet.vendor_names:
            raise InputError(
                msg("vc.err.vendors_of_sheet"),
                found=Quoted(name),
                hint=_did_you_mean(name, sheet.vendor_names),
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


def _g(value: float) -> Number:
    """A number as ``{:g}`` writes it (6 significant digits), with the reader's decimal sign."""
    return Number(float(f"{value:g}"))


def _source(source: str) -> tuple[str | None, str | None]:
    """(sheet, cell) of a score's ``source`` (``Scores!D7``); a source that names no cell is
    taken for the place as a whole."""
    if "!" in source:
        sheet, cell = source.rsplit("!", 1)
        return sheet, cell
    return (source or None), None


def _weight_vector(sheet: ScoreSheet) -> FloatArray:
    return np.array([c.weight for c in sheet.criteria], dtype=np.float64)


def _raw_matrix(sheet: ScoreSheet, names: Sequence[str]) -> FloatArray:
    """Vendors x criteria mean scores (or amounts); the vendors are all evaluated."""
    rows = []
    for vendor in names:
        row = []
        for criterion in sheet.criterion_names:
            value = sheet.mean(vendor, criterion)
            assert value is not None  # checked by _resolve_vendors
            row.append(value)
        rows.append(row)
    return np.array(rows, dtype=np.float64)


def _rescaled_matrix(sheet: ScoreSheet, names: Sequence[str]) -> FloatArray:
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
