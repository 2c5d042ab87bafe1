"""Vendor comparison, its inputs: the criteria and their weights, the vendors, the evaluators'
scores on one declared scale and the use cases each vendor covers, all validated on creation.
Knocking vendors out and ranking them is :mod:`.ranking`'s job, testing the winner's robustness
:mod:`.robustness`'s, the whole comparison at once :mod:`.comparison`'s.

Pure: criteria, vendors, scores and use-case coverage in, checked; no file, no printing, no
plotting.

Conventions (to state in every deliverable; the rankings' own are in :mod:`.ranking`):

* **Weights** are fractions (0.30, not 30) summing to 1 within :data:`WEIGHT_TOLERANCE`.
  Computing or normalising them (AHP, points to share...) is the caller's job: this module
  refuses weights that do not sum to 1. :func:`with_weights` puts already-computed global
  weights (a mapping criterion -> weight) on the criteria.
* **Scores** are on one declared scale ``(low, high)`` for the whole sheet (0-5, 1-10...).
  With several evaluators, the score used is the mean of those who scored; their spread
  (min, max) is reported, never used in the ranking.
* **Amounts**: a criterion can be measured as an amount in its own unit instead of a score
  (``Measure.AMOUNT``): the price, the TCO from :mod:`crmwb.tco.model`, a number of references.
* **Missing scores**: every vendor needs a score on every criterion from every evaluator who
  scored that criterion; a hole is an :class:`~crmwb.core.errors.InputError`, never a silent zero.
  A score can be marked *not evaluated* explicitly (``value=None``). A vendor x criterion cell
  that no evaluator scored makes the vendor **excluded from the ranking** with the reason
  ``NOT_EVALUATED``, like a knock-out: inventing a value (the scale's minimum) would rank it on
  a number nobody gave, and dropping the criterion for it alone would rank vendors on different
  weights. When only some evaluators scored a cell, the mean of those who did is used.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from crmwb.core.errors import InputError, Msg, Number, Quoted, msg

WEIGHT_TOLERANCE = 1e-6
"""How far from 1 the sum of the weights may be (rounding of weights computed elsewhere)."""

TIE_TOLERANCE = 1e-9
"""Scores or closeness values closer than this are ties; a knock-out threshold is missed by
more than this."""


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
pass another mapping to :func:`~crmwb.vendors.ranking.functional_coverage`."""


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
            raise InputError(
                msg("vc.err.weight", criterion=name), found=shown_number(self.weight), hint=hint
            )
        for threshold in (self.knock_out_minimum, self.knock_out_maximum):
            if threshold is not None and not math.isfinite(threshold):
                raise InputError(
                    msg("vc.err.finite_threshold", criterion=name), found=repr(threshold)
                )
        if self.direction is Direction.COST and self.knock_out_minimum is not None:
            raise InputError(
                msg("criteria.err.minimum_on_cost", criterion=name),
                found=msg("vc.err.found.minimum", value=shown_number(self.knock_out_minimum)),
                hint=msg("vc.err.hint.minimum_on_cost"),
            )
        if self.direction is Direction.BENEFIT and self.knock_out_maximum is not None:
            raise InputError(
                msg("criteria.err.maximum_on_benefit", criterion=name),
                found=msg("vc.err.found.maximum", value=shown_number(self.knock_out_maximum)),
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
        check_unique([v.name for v in self.vendors], "vendor")
        check_unique([c.name for c in self.criteria], "criterion")
        _check_weight_sum({c.name: c.weight for c in self.criteria})
        for c in self.criteria:
            if c.measure is Measure.SCORE:
                for threshold in (c.knock_out_minimum, c.knock_out_maximum):
                    if threshold is not None and not low <= threshold <= high:
                        raise InputError(
                            msg(
                                "criteria.err.threshold_scale",
                                low=shown_number(low),
                                high=shown_number(high),
                                criterion=Quoted(c.name),
                            ),
                            found=shown_number(threshold),
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
                    hint=did_you_mean(score.vendor, vendor_names),
                    sheet=sheet,
                    cell=at,
                )
            criterion = by_name.get(score.criterion)
            if criterion is None:
                raise InputError(
                    msg("vc.err.score_criterion"),
                    found=Quoted(score.criterion),
                    hint=did_you_mean(score.criterion, list(by_name)),
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
                    msg("vc.err.score_between", low=shown_number(low), high=shown_number(high)),
                    found=msg(
                        "vc.err.found.score_of",
                        value=shown_number(value),
                        vendor=vendor,
                        criterion=name,
                    ),
                    sheet=sheet,
                    cell=at,
                )
        elif criterion.direction is Direction.COST:
            if not (math.isfinite(value) and value > 0):
                raise InputError(
                    msg("vc.err.cost_amount", criterion=name),
                    found=msg("vc.err.found.amount_of", value=shown_number(value), vendor=vendor),
                    sheet=sheet,
                    cell=at,
                )
        elif not (math.isfinite(value) and value >= 0):
            raise InputError(
                msg("vc.err.amount", criterion=name),
                found=msg("vc.err.found.amount_of", value=shown_number(value), vendor=vendor),
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
            hint=did_you_mean(unknown[0], names),
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


# --- use cases and their coverage ------------------------------------------------------------


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
                msg("vc.err.priority", use_case=Quoted(self.name)),
                found=shown_number(self.priority),
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
        check_unique(names, "use_case")
        levels: dict[str, dict[str, Coverage]] = {}
        for vendor, row in self.levels.items():
            for use_case in row:
                if use_case not in names:
                    raise InputError(
                        msg("vc.err.coverage_use_case", vendor=Quoted(vendor)),
                        found=Quoted(use_case),
                        hint=did_you_mean(use_case, names),
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


# --- helpers ---------------------------------------------------------------------------------


def _check_scale(scale: Sequence[float]) -> tuple[float, float]:
    if len(scale) != 2:
        raise InputError(msg("vc.err.scale"), found=repr(scale))
    low, high = float(scale[0]), float(scale[1])
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise InputError(
            msg("vc.err.scale_order"),
            found=msg("vc.err.found.scale", low=shown_number(low), high=shown_number(high)),
        )
    return low, high


def check_unique(names: Sequence[str], what: str) -> None:
    """An error for the first name given twice; ``what``: ``vendor``, ``criterion`` or
    ``use_case``."""
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
            msg("vc.err.weight_sum"),
            found=msg("weights.err.found.sum", total=shown_number(total)),
            hint=hint,
        )


def did_you_mean(name: str, choices: Sequence[str]) -> Msg | None:
    """A hint naming the one of ``choices`` closest to a mistyped ``name``, if one is close."""
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


def shown_number(value: float) -> Number:
    """A number as ``{:g}`` writes it (6 significant digits), with the reader's decimal sign."""
    return Number(float(f"{value:g}"))


def _source(source: str) -> tuple[str | None, str | None]:
    """(sheet, cell) of a score's ``source`` (``Scores!D7``); a source that names no cell is
    taken for the place as a whole."""
    if "!" in source:
        sheet, cell = source.rsplit("!", 1)
        return sheet, cell
    return (source or None), None
