"""Weights of the vendor-comparison criteria: direct, by AHP pairwise comparisons, hierarchical.

Pure: numbers and names in, weights out. No file, no printing, no plotting.

Three ways a consultant weights the criteria of a vendor comparison (features, price, ease of
use, support, integration):

* **Direct weights** (:func:`normalise_weights`): the client gives a number per criterion
  (0.4 / 0.3 / 0.3, or points out of 100); they are normalised to sum 1, with a notice when
  they did not.
* **AHP pairwise comparisons** (:class:`PairwiseComparisons`, :func:`ahp_weights`): for each
  pair of criteria, how much more important one is than the other on Saaty's 1-9 scale (1 equal,
  3 moderately, 5 strongly, 7 very strongly, 9 extremely more important; 2, 4, 6, 8 in between;
  1/3 when the row criterion is moderately *less* important). Cell ``A/B`` is the value in row
  ``A``, column ``B``: how much more important ``A`` is than ``B``; ``B/A`` is its reciprocal.
  The priorities are the principal right eigenvector (Saaty 1980), with the consistency ratio.
* **Hierarchical weights** (:func:`global_weights`): criteria in groups (functional, cost,
  vendor ...); a group's weight times a criterion's weight within its group gives the
  criterion's global weight.

Consistency (Saaty, T.L. (1980) *The Analytic Hierarchy Process*, McGraw-Hill): with
``lambda_max`` the principal eigenvalue of the ``n x n`` matrix, the consistency index is
``CI = (lambda_max - n) / (n - 1)``, the consistency ratio ``CR = CI / RI(n)`` with ``RI`` the
random index (:data:`RANDOM_INDEX`); ``CR <= 0.10`` is acceptable. When it is not, the
comparisons furthest from the priorities are listed, so the client can revise them first.

>>> direct = normalise_weights({"Features": 40, "Price": 30, "Support": 30})
>>> dict(direct.weights), direct.notice.text("en")
({'Features': 0.4, 'Price': 0.3, 'Support': 0.3}, 'weights summed to 100, normalised to 1')

Features twice as important as price and 6 times as important as support, price 3 times as
important as support: a perfectly consistent matrix, whose priorities are 0.6 / 0.3 / 0.1.

>>> comparisons = PairwiseComparisons.from_upper_triangle(
...     ["Features", "Price", "Support"], [[2, 6], [3]])
>>> comparisons.value("Support", "Price")
0.3333333333333333
>>> result = ahp_weights(comparisons)
>>> {name: round(w, 3) for name, w in result.priorities.items()}
{'Features': 0.6, 'Price': 0.3, 'Support': 0.1}
>>> round(result.lambda_max, 6), round(result.consistency_ratio, 6), result.is_consistent
(3.0, 0.0, True)

Two groups weighted 0.7 / 0.3, the functional group split evenly between two criteria:

>>> global_weights({"Functional": 0.7, "Cost": 0.3},
...                {"Functional": {"Features": 0.5, "Ease of use": 0.5}, "Cost": {"Price": 1.0}})
{'Features': 0.35, 'Ease of use': 0.35, 'Price': 0.3}
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Real
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from crmwb.core import i18n
from crmwb.core.errors import InputError, Msg, Number, Quoted, Text, msg
from crmwb.core.i18n import Lang

SAATY_SCALE_MIN = 1 / 9
"""The smallest value on Saaty's scale: the row criterion is extremely less important."""
SAATY_SCALE_MAX = 9.0
"""The largest value on Saaty's scale: the row criterion is extremely more important."""

CONSISTENCY_THRESHOLD = 0.10
"""Saaty's limit on the consistency ratio: above it, the comparisons should be revised."""

RANDOM_INDEX: Mapping[int, float] = MappingProxyType(
    {
        1: 0.0,
        2: 0.0,
        3: 0.58,
        4: 0.90,
        5: 1.12,
        6: 1.24,
        7: 1.32,
        8: 1.41,
        9: 1.45,
        10: 1.49,
    }
)
"""Saaty's random index RI(n): the mean consistency index of random reciprocal matrices of
order n. Source: Saaty, T.L. (1980) *The Analytic Hierarchy Process*, New York: McGraw-Hill.

Only n = 1..10 is tabulated here. Values for n = 11..15 (1.51, 1.48, 1.56, 1.57, 1.59) circulate
widely in software, but we could not check them against a primary source, so a matrix of more
than 10 criteria is refused: split the criteria into groups, see :func:`global_weights` (Saaty,
1977, *J. Math. Psychology* 15, recalls that the mind compares 7 +/- 2 elements at a time)."""

MAX_CRITERIA = max(RANDOM_INDEX)
"""The largest matrix whose consistency ratio can be computed (see :data:`RANDOM_INDEX`)."""

WEIGHT_SUM_TOLERANCE = 1e-9
"""Direct weights summing to 1 within this tolerance are taken as normalised (no notice)."""

GLOBAL_SUM_TOLERANCE = 1e-6
"""Group and local weights given to :func:`global_weights` must sum to 1 within this."""

RECIPROCITY_TOLERANCE = 0.05
"""How far ``(A/B) * (B/A)`` may be from 1: a reciprocal typed with two decimals (1/8 as 0.13,
1/7 as 0.14) is accepted; 3 and 3 is not. Such a pair keeps its value >= 1 (the judgement on
Saaty's scale) and its other value becomes the exact reciprocal."""

DIAGONAL_TOLERANCE = 1e-9
"""How far a diagonal cell (a criterion compared with itself) may be from 1."""

MOST_INCONSISTENT_SHOWN = 3
"""How many comparisons the inconsistency warning lists."""

Matrix = Sequence[Sequence[Any]] | npt.NDArray[Any]
"""A square matrix of comparisons: nested sequences (rows) or a 2-D numpy array."""


# --- direct weights ------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectWeights:
    """Weights given directly by the client, normalised to sum 1.

    ``weights`` are in the order given; ``original_sum`` is the sum as given (100 for points
    out of 100); ``notice`` says that they were normalised (a message, written in the reader's
    language), or is None when they summed to 1.
    """

    weights: Mapping[str, float]
    original_sum: float
    notice: Msg | None = None


def normalise_weights(weights: Mapping[str, float]) -> DirectWeights:
    """Normalise direct weights to sum 1; say so when they did not.

    Negative, missing or non-numeric weights, and weights that are all zero, are refused.

    >>> normalise_weights({"Features": 0.5, "Price": 0.3, "Support": 0.2}).notice is None
    True
    >>> w = normalise_weights({"Features": 0.5, "Price": 0.4})
    >>> {name: round(x, 4) for name, x in w.weights.items()}, w.notice.text("en")
    ({'Features': 0.5556, 'Price': 0.4444}, 'weights summed to 0.9, normalised to 1')
    >>> w.notice.text("fr").startswith("les poids totalisaient 0,9\u00a0: ils ont été ramenés")
    True
    """
    if not weights:
        raise InputError(msg("weights.err.none"), found=msg("weights.err.found.no_criteria"))
    values: dict[str, float] = {}
    for name, weight in weights.items():
        _check_name(name, "criterion")
        value = _number(weight, msg("weights.err.number_for", name=Quoted(name)))
        if value < 0:
            raise InputError(
                msg("weights.err.weight_min", name=Quoted(name)),
                found=_fmt(value),
                hint=msg("criteria.err.hint.zero_weight"),
            )
        values[name] = value
    total = math.fsum(values.values())
    if total <= 0:
        raise InputError(
            msg("weights.err.positive"),
            found=msg("weights.err.found.all_zero"),
            hint=msg("weights.err.hint.positive"),
        )
    normalised = {name: value / total for name, value in values.items()}
    notice = None
    if abs(total - 1) > WEIGHT_SUM_TOLERANCE:
        notice = msg("weights.notice", total=Number(float(f"{total:.10g}")))
    return DirectWeights(weights=normalised, original_sum=total, notice=notice)


# --- AHP pairwise comparisons --------------------------------------------------------------


@dataclass(frozen=True)
class PairwiseComparisons:
    """A validated square matrix of pairwise comparisons on Saaty's 1-9 scale.

    ``matrix[i][j]`` is how much more important ``criteria[i]`` is than ``criteria[j]``
    (cell ``A/B``). Checked on construction: unique names, one row and one column per
    criterion, 1 on the diagonal, every value between 1/9 and 9, and ``B/A = 1 / (A/B)``
    within :data:`RECIPROCITY_TOLERANCE`; a reciprocal typed with two decimals is replaced by
    the exact one. Build it from a full matrix with :meth:`from_matrix` or from the cells above
    the diagonal with :meth:`from_upper_triangle`.

    >>> PairwiseComparisons.from_matrix(["A", "B"], [[1, 3], [0.33, 1]]).matrix
    ((1.0, 3.0), (0.3333333333333333, 1.0))
    """

    criteria: tuple[str, ...]
    matrix: tuple[tuple[float, ...], ...]

    def __post_init__(self) -> None:
        criteria = _check_criteria(self.criteria)
        rows = _check_shape(criteria, self.matrix)
        values = [
            [_cell(criteria, i, j, v) for j, v in enumerate(row)] for i, row in enumerate(rows)
        ]
        matrix = _check_values(criteria, values)
        # Frozen: store the normalised form (tuples, exact reciprocals) once, at construction.
        object.__setattr__(self, "criteria", criteria)
        object.__setattr__(self, "matrix", matrix)

    @classmethod
    def from_matrix(cls, criteria: Sequence[str], matrix: Matrix) -> PairwiseComparisons:
        """Comparisons from a full square matrix (nested sequences or a 2-D numpy array).

        >>> m = PairwiseComparisons.from_matrix(["A", "B"], np.array([[1, 3], [1 / 3, 1]]))
        >>> m.value("A", "B")
        3.0
        """
        names = _check_criteria(criteria)
        rows = _check_shape(names, matrix)
        return cls(names, tuple(tuple(row) for row in rows))

    @classmethod
    def from_upper_triangle(cls, criteria: Sequence[str], upper: Matrix) -> PairwiseComparisons:
        """Comparisons from the cells above the diagonal; the reciprocals are filled in.

        ``upper`` is either the triangle itself (row ``i`` holds the ``n - 1 - i`` values
        ``A_i/A_i+1 ... A_i/A_n``; the last, empty row may be left out), or a square matrix whose
        cells below the diagonal are empty (None or NaN) and whose diagonal is 1 or empty.

        >>> m = PairwiseComparisons.from_upper_triangle(["A", "B", "C"], [[3, 5], [2]])
        >>> m.matrix[2]
        (0.2, 0.5, 1.0)
        >>> square = [[1, 3, 5], [None, 1, 2], [None, None, 1]]
        >>> PairwiseComparisons.from_upper_triangle(["A", "B", "C"], square) == m
        True
        """
        names = _check_criteria(criteria)
        n = len(names)
        rows = _rows(upper)
        if _is_strict_triangle(rows, n):
            above = [list(row) for row in rows]
        else:
            if len(rows) != n or any(len(row) != n for row in rows):
                raise InputError(
                    msg("weights.err.triangle", n=n, first=n - 1, second=n - 2),
                    found=msg("weights.err.found.rows", sizes=tuple(len(row) for row in rows)),
                )
            above = []
            for i, row in enumerate(rows):
                for j in range(i + 1):
                    value = row[j]
                    if _is_empty(value) or (i == j and _is_one(value)):
                        continue
                    where = "diagonal" if i == j else "below"
                    raise InputError(
                        msg(f"weights.err.triangle_{where}", pair=_pair(names, i, j)),
                        found=_show(value),
                        hint=msg("weights.err.hint.triangle"),
                    )
                above.append(list(row[i + 1 :]))
        full: list[list[float]] = [[1.0] * n for _ in range(n)]
        for i in range(n):
            for k, raw in enumerate(above[i] if i < len(above) else []):
                j = i + 1 + k
                value = _cell(names, i, j, raw)
                _check_on_scale(names, i, j, value)
                full[i][j] = value
                full[j][i] = 1 / value
        return cls(names, tuple(tuple(row) for row in full))

    @property
    def size(self) -> int:
        """The number of criteria compared."""
        return len(self.criteria)

    def value(self, row: str, column: str) -> float:
        """How much more important ``row`` is than ``column`` (cell ``row/column``)."""
        return self.matrix[self._index(row)][self._index(column)]

    def as_array(self) -> npt.NDArray[np.float64]:
        """The matrix as a new numpy array (rows and columns in the order of ``criteria``)."""
        return np.array(self.matrix, dtype=np.float64)

    def _index(self, name: str) -> int:
        try:
            return self.criteria.index(name)
        except ValueError:
            raise KeyError(name) from None


@dataclass(frozen=True)
class Inconsistency:
    """How far one comparison is from the priorities derived from all of them.

    ``entered`` is the value of cell ``row/column`` (``row`` before ``column`` in the order of
    the criteria), ``consistent`` the value that would agree with the priorities
    (``w_row / w_column``), ``deviation`` = ``|ln(entered / consistent)|`` (0 when they agree;
    ln 2 = 0.69 when one is twice the other).
    """

    row: str
    column: str
    entered: float
    consistent: float
    deviation: float

    def describe(self) -> Msg:
        """``"A/B entered 1/6, consistent with the priorities 0.727"``, in the reader's
        language."""
        return msg(
            "weights.inconsistency",
            pair=f"{self.row}/{self.column}",
            entered=_judgement(self.entered),
            consistent=Number(float(f"{self.consistent:.3g}")),
        )


@dataclass(frozen=True)
class AhpResult:
    """Priorities and consistency of one matrix of pairwise comparisons (Saaty's eigenvector
    method).

    ``priorities`` sum to 1, in the order of the criteria. ``consistency_ratio`` is
    ``consistency_index / random_index`` (0 for 1 or 2 criteria, always consistent).
    ``inconsistencies`` ranks every pair above the diagonal, furthest from the priorities
    first. ``warning`` is None when the comparisons are consistent enough
    (CR <= :data:`CONSISTENCY_THRESHOLD`), otherwise a sentence naming the comparisons to
    revise first (a message, written in the reader's language).
    """

    comparisons: PairwiseComparisons
    priorities: Mapping[str, float]
    lambda_max: float
    consistency_index: float
    random_index: float
    consistency_ratio: float
    inconsistencies: tuple[Inconsistency, ...]
    warning: Msg | None = None

    @property
    def is_consistent(self) -> bool:
        """Whether the consistency ratio is within Saaty's 10 % limit."""
        return self.consistency_ratio <= CONSISTENCY_THRESHOLD

    @property
    def most_inconsistent(self) -> tuple[Inconsistency, ...]:
        """The comparisons the warning lists (the furthest from the priorities)."""
        return self.inconsistencies[:MOST_INCONSISTENT_SHOWN]


def ahp_weights(comparisons: PairwiseComparisons) -> AhpResult:
    """Priorities of the criteria by the principal right eigenvector, with the consistency
    ratio.

    ``lambda_max`` is the largest eigenvalue of the matrix (``numpy.linalg.eig``); the
    priorities are its eigenvector, normalised to sum 1.

    >>> m = PairwiseComparisons.from_upper_triangle(["A", "B", "C"], [[2, 6], [1 / 3]])
    >>> r = ahp_weights(m)
    >>> round(r.consistency_ratio, 2), r.is_consistent
    (0.48, False)
    >>> r.warning.text("en").split(":")[0]
    'consistency ratio 0.48 is above 0.10'
    """
    n = comparisons.size
    if n > MAX_CRITERIA:
        raise InputError(
            msg("weights.err.too_many", max=MAX_CRITERIA),
            found=msg("weights.err.found.criteria", count=n, number=n),
            hint=msg("weights.err.hint.groups"),
        )
    matrix = comparisons.as_array()
    eigenvalues, eigenvectors = np.linalg.eig(matrix)
    k = int(np.argmax(eigenvalues.real))
    lambda_max = float(eigenvalues[k].real)
    vector = eigenvectors[:, k].real
    vector = vector / vector.sum()  # Perron vector: one sign, so this makes it positive
    priorities = {name: float(w) for name, w in zip(comparisons.criteria, vector, strict=True)}
    ci = (lambda_max - n) / (n - 1) if n > 1 else 0.0
    if abs(ci) < 1e-12:
        ci = 0.0  # rounding noise of a consistent matrix
    ri = random_index(n)
    cr = ci / ri if ri > 0 else 0.0
    inconsistencies = _rank_inconsistencies(comparisons, vector)
    warning = None
    if cr > CONSISTENCY_THRESHOLD:
        shown: Msg | str = ""
        for item in inconsistencies[:MOST_INCONSISTENT_SHOWN]:  # "A/B ...; A/C ..."
            shown = (
                msg("weights.list", first=shown, second=item.describe())
                if shown
                else item.describe()
            )
        warning = msg(
            "weights.warning",
            ratio=_Decimals(cr, 2),
            threshold=_Decimals(CONSISTENCY_THRESHOLD, 2),
            comparisons=shown,
        )
    return AhpResult(
        comparisons=comparisons,
        priorities=priorities,
        lambda_max=lambda_max,
        consistency_index=ci,
        random_index=ri,
        consistency_ratio=cr,
        inconsistencies=inconsistencies,
        warning=warning,
    )


def random_index(n: int) -> float:
    """Saaty's random index for ``n`` criteria (:data:`RANDOM_INDEX`).

    >>> random_index(3), random_index(10)
    (0.58, 1.49)
    """
    if n not in RANDOM_INDEX:
        raise InputError(
            msg("weights.err.criteria_count", max=MAX_CRITERIA),
            found=str(n),
            hint=msg("weights.err.hint.groups"),
        )
    return RANDOM_INDEX[n]


def _rank_inconsistencies(
    comparisons: PairwiseComparisons, vector: npt.NDArray[np.float64]
) -> tuple[Inconsistency, ...]:
    items: list[Inconsistency] = []
    names = comparisons.criteria
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            entered = comparisons.matrix[i][j]
            consistent = float(vector[i] / vector[j])
            deviation = abs(math.log(entered / consistent))
            items.append(Inconsistency(names[i], names[j], entered, consistent, deviation))
    # Stable sort: equal deviations keep the order of the matrix.
    return tuple(sorted(items, key=lambda item: -item.deviation))


# --- hierarchical weights ------------------------------------------------------------------


def global_weights(
    group_weights: Mapping[str, float], local_weights: Mapping[str, Mapping[str, float]]
) -> dict[str, float]:
    """Global weight of each criterion: its group's weight times its weight within the group.

    ``group_weights`` (direct or AHP) and each group's ``local_weights`` (direct or AHP) must
    each sum to 1 (within :data:`GLOBAL_SUM_TOLERANCE`; normalise them first with
    :func:`normalise_weights`); every group needs its local weights, and a criterion belongs to
    one group only. The result, in the order of the groups then of their criteria, sums to 1.

    >>> weights = global_weights({"Functional": 0.6, "Cost": 0.4},
    ...                          {"Functional": {"Features": 0.75, "Ease of use": 0.25},
    ...                           "Cost": {"Licence": 0.5, "Services": 0.5}})
    >>> {name: round(w, 6) for name, w in weights.items()}
    {'Features': 0.45, 'Ease of use': 0.15, 'Licence': 0.2, 'Services': 0.2}
    """
    groups = _check_sums_to_one(group_weights, msg("weights.what.groups"))
    missing = [group for group in groups if group not in local_weights]
    if missing:
        raise InputError(
            msg("weights.err.local_missing"),
            found=msg("weights.err.found.none_for", names=tuple(Quoted(g) for g in missing)),
        )
    unknown = [group for group in local_weights if group not in groups]
    if unknown:
        raise InputError(
            msg("weights.err.group_missing"),
            found=msg(
                "weights.err.found.unknown_groups",
                count=len(unknown),
                names=tuple(Quoted(g) for g in unknown),
            ),
            hint=msg("weights.err.hint.spelling"),
        )
    result: dict[str, float] = {}
    owner: dict[str, str] = {}
    for group, group_weight in groups.items():
        local = _check_sums_to_one(
            local_weights[group], msg("weights.what.local", group=Quoted(group))
        )
        for criterion, weight in local.items():
            if criterion in owner:
                raise InputError(
                    msg("weights.err.one_group"),
                    found=msg(
                        "weights.err.found.two_groups",
                        criterion=Quoted(criterion),
                        first=Quoted(owner[criterion]),
                        second=Quoted(group),
                    ),
                    hint=msg("weights.err.hint.one_group"),
                )
            owner[criterion] = group
            result[criterion] = group_weight * weight
    return result


def _check_sums_to_one(weights: Mapping[str, float], what: Msg) -> dict[str, float]:
    """Weights checked (names, numbers >= 0, sum 1 within the tolerance), then divided by their
    sum so that rounding does not accumulate. ``what`` names them (the group weights...)."""
    if not weights:
        raise InputError(msg("weights.err.one_in", what=what), found=msg("err.found.none"))
    values: dict[str, float] = {}
    for name, weight in weights.items():
        _check_name(name, "name")
        value = _number(weight, msg("weights.err.number_in", name=Quoted(name), what=what))
        if value < 0:
            raise InputError(
                msg("weights.err.min_in", what=what),
                found=msg("weights.err.found.named", name=Quoted(name), value=_fmt(value)),
            )
        values[name] = value
    total = math.fsum(values.values())
    if abs(total - 1) > GLOBAL_SUM_TOLERANCE:
        raise InputError(
            msg("weights.err.sum_in", what=what),
            found=msg("weights.err.found.sum", total=Number(float(f"{total:.10g}"))),
            hint=msg("weights.err.hint.normalise"),
        )
    return {name: value / total for name, value in values.items()}


# --- checks and formatting -----------------------------------------------------------------


def _check_name(name: object, what: str) -> None:
    """``what``: ``criterion`` or ``name``."""
    if not isinstance(name, str) or not name.strip():
        raise InputError(msg(f"weights.err.empty_{what}"), found=repr(name))


def _check_criteria(criteria: object) -> tuple[str, ...]:
    if isinstance(criteria, str) or not isinstance(criteria, Sequence):
        raise InputError(msg("weights.err.criteria_list"), found=repr(criteria))
    if not criteria:
        raise InputError(msg("weights.err.no_criteria"), found=msg("weights.err.found.no_criteria"))
    for name in criteria:
        _check_name(name, "criterion")
    seen: set[str] = set()
    for name in criteria:
        if name in seen:
            raise InputError(
                msg("vs.err.unique.criterion"),
                found=msg("pairwise.err.found.twice", name=Quoted(name)),
            )
        seen.add(name)
    return tuple(criteria)


def _rows(matrix: object) -> list[Sequence[Any]]:
    """The rows of nested sequences or of a 2-D numpy array (not yet checked for size)."""
    if isinstance(matrix, np.ndarray):
        if matrix.ndim != 2:
            raise InputError(
                msg("weights.err.matrix_2d"),
                found=msg("weights.err.found.shape", shape=str(matrix.shape)),
            )
        return [list(row) for row in matrix.tolist()]
    if isinstance(matrix, str) or not isinstance(matrix, Sequence):
        raise InputError(msg("weights.err.matrix_rows"), found=repr(matrix))
    rows: list[Sequence[Any]] = []
    for number, row in enumerate(matrix, start=1):
        if isinstance(row, str) or not isinstance(row, Sequence | np.ndarray):
            raise InputError(
                msg("weights.err.matrix_rows"),
                found=msg("weights.err.found.row", number=number, row=repr(row)),
            )
        rows.append(list(row))
    return rows


def _check_shape(criteria: tuple[str, ...], matrix: object) -> list[Sequence[Any]]:
    n = len(criteria)
    rows = _rows(matrix)
    expected = msg("weights.err.square", n=n)
    if len(rows) != n:
        raise InputError(expected, found=msg("weights.err.found.rows_for", rows=len(rows), n=n))
    for name, row in zip(criteria, rows, strict=True):
        if len(row) != n:
            raise InputError(
                expected,
                found=msg("weights.err.found.values_in_row", values=len(row), name=Quoted(name)),
            )
    return rows


def _is_strict_triangle(rows: Sequence[Sequence[Any]], n: int) -> bool:
    lengths = [len(row) for row in rows]
    triangle = [n - 1 - i for i in range(n)]
    return lengths in (triangle, triangle[:-1])


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, float | np.floating) and math.isnan(value))


def _is_one(value: object) -> bool:
    return (
        isinstance(value, Real)
        and not isinstance(value, bool)
        and abs(float(value) - 1) <= DIAGONAL_TOLERANCE
    )


def _cell(criteria: tuple[str, ...], i: int, j: int, value: object) -> float:
    where = _pair(criteria, i, j)
    if _is_empty(value):
        raise InputError(msg("weights.err.comparison_at", pair=where), found=msg("err.found.empty"))
    return _number(value, msg("weights.err.number_at", pair=where))


def _number(value: object, expected: Text) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InputError(expected, found=repr(value))
    number = float(value)
    if not math.isfinite(number):
        raise InputError(expected, found=_show(value))
    return number


def _check_on_scale(criteria: tuple[str, ...], i: int, j: int, value: float) -> None:
    lowest = SAATY_SCALE_MIN * (1 - RECIPROCITY_TOLERANCE)  # 1/9 typed as 0.11 is accepted
    if lowest <= value <= SAATY_SCALE_MAX + DIAGONAL_TOLERANCE:
        return
    if value <= 0:
        hint = msg("weights.err.hint.positive_ratio")
    elif value > SAATY_SCALE_MAX:
        hint = msg("weights.err.hint.strongest")
    else:
        hint = msg("weights.err.hint.weakest")
    raise InputError(
        msg("weights.err.saaty_at", pair=_pair(criteria, i, j)),
        found=_judgement(value),
        hint=hint,
    )


def _check_values(
    criteria: tuple[str, ...], values: list[list[float]]
) -> tuple[tuple[float, ...], ...]:
    n = len(criteria)
    for i in range(n):
        if abs(values[i][i] - 1) > DIAGONAL_TOLERANCE:
            raise InputError(
                msg("weights.err.diagonal", name=Quoted(criteria[i])),
                found=_judgement(values[i][i]),
            )
    for i in range(n):
        for j in range(n):
            if i != j:
                _check_on_scale(criteria, i, j, values[i][j])
    for i in range(n):
        for j in range(i + 1, n):
            a, b = values[i][j], values[j][i]
            if abs(a * b - 1) > RECIPROCITY_TOLERANCE:
                # The hint explains reciprocity on the larger of the two judgements.
                first, second = (i, j) if a >= b else (j, i)
                bigger = values[first][second]
                raise InputError(
                    msg(
                        "weights.err.reciprocal",
                        ji=_pair(criteria, j, i),
                        ij=_pair(criteria, i, j),
                    ),
                    found=msg(
                        "weights.err.found.reciprocal",
                        ij=_pair(criteria, i, j),
                        a=_judgement(a),
                        ji=_pair(criteria, j, i),
                        b=_judgement(b),
                    ),
                    hint=msg(
                        "weights.err.hint.reciprocal",
                        first=criteria[first],
                        bigger=_judgement(bigger),
                        second=criteria[second],
                        pair=_pair(criteria, second, first),
                        value=_judgement(1 / bigger),
                    ),
                )
            # Keep the judgement (the value >= 1), make the other its exact reciprocal.
            if a >= b:
                values[j][i] = 1 / a
            else:
                values[i][j] = 1 / b
    return tuple(tuple(row) for row in values)


def _pair(criteria: tuple[str, ...], i: int, j: int) -> str:
    return f"{criteria[i]}/{criteria[j]}"


def _judgement(value: float) -> Text:
    """A value as a consultant types it: 3, 2.5, 1/3 (a reciprocal of a whole number), 0.33;
    with the reader's decimal sign (2,5 in French).

    >>> from crmwb.core.errors import render
    >>> [render(_judgement(v), "fr") for v in (3.0, 1 / 3, 0.33, 2.5)]
    ['3', '1/3', '0,33', '2,5']
    """
    if 0 < value < 1:
        inverse = 1 / value
        if abs(inverse - round(inverse)) <= 1e-9 * inverse:
            return f"1/{round(inverse)}"
    return _fmt(value)


def _fmt(value: float) -> Text:
    """A number with 4 significant digits, written with the reader's decimal sign."""
    shown = float(f"{value:.4g}")
    if not math.isfinite(shown):
        return str(shown)
    return Number(shown)


@dataclass(frozen=True)
class _Decimals:
    """A number with a fixed number of decimals, in the reader's way (0.48, 0,48)."""

    value: float
    decimals: int

    def text(self, lang: Lang) -> str:
        return i18n.number(self.value, lang, decimals=self.decimals)


def _show(value: object) -> Text:
    """A cell's content for an error message: numbers as typed, anything else quoted."""
    if isinstance(value, Real) and not isinstance(value, bool):
        return _judgement(float(value))
    return repr(value)
