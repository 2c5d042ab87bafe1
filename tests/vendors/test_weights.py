"""Criterion weights (crmwb.vendors.weights) against numbers computable by hand or published.

Every expected number has its source or its hand computation next to it. Cell ``A/B`` is
the value in row A, column B: how much more important A is than B.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from messages import raises_en

from crmwb.core.errors import InputError, render
from crmwb.vendors.weights import (
    CONSISTENCY_THRESHOLD,
    RANDOM_INDEX,
    PairwiseComparisons,
    ahp_weights,
    global_weights,
    normalise_weights,
    random_index,
)

# --- helpers -------------------------------------------------------------------------------


def consistent_matrix(weights: list[float]) -> list[list[float]]:
    """The perfectly consistent matrix of known weights: cell i/j = w_i / w_j."""
    return [[wi / wj for wj in weights] for wi in weights]


def error_text(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    """The error in English (a domain error is written in its reader's language)."""
    return excinfo.value.message("en")


def en(text: object) -> str:
    """A part of an error or a notice, written in English."""
    return render(text, "en") if text is not None else ""


# --- direct weights ------------------------------------------------------------------------


def test_direct_weights_summing_to_one_are_kept_without_notice() -> None:
    result = normalise_weights({"Features": 0.5, "Price": 0.3, "Support": 0.2})
    assert dict(result.weights) == pytest.approx({"Features": 0.5, "Price": 0.3, "Support": 0.2})
    assert result.original_sum == pytest.approx(1.0)
    assert result.notice is None


def test_direct_weights_within_float_rounding_of_one_get_no_notice() -> None:
    # 0.1 + 0.2 + 0.7 is 0.9999999999999999 in floating point: within 1e-9 of 1.
    assert normalise_weights({"A": 0.1, "B": 0.2, "C": 0.7}).notice is None


def test_direct_weights_summing_to_0_9_are_normalised_with_a_notice() -> None:
    result = normalise_weights({"Features": 0.5, "Price": 0.4})
    # By hand: 0.5 / 0.9 = 5/9 = 0.5556, 0.4 / 0.9 = 4/9 = 0.4444.
    assert result.weights["Features"] == pytest.approx(5 / 9)
    assert result.weights["Price"] == pytest.approx(4 / 9)
    assert result.original_sum == pytest.approx(0.9)
    assert en(result.notice) == "weights summed to 0.9, normalised to 1"
    assert render(result.notice, "fr") == (
        "les poids totalisaient 0,9\u00a0: ils ont été ramenés à une somme de 1"
    )


def test_points_out_of_100_are_normalised() -> None:
    result = normalise_weights({"Features": 40, "Price": 35, "Support": 25})
    # By hand: 40/100, 35/100, 25/100.
    assert list(result.weights.values()) == pytest.approx([0.40, 0.35, 0.25])
    assert en(result.notice) == "weights summed to 100, normalised to 1"


def test_a_zero_weight_is_allowed() -> None:
    result = normalise_weights({"Features": 1, "Price": 0})
    assert dict(result.weights) == {"Features": 1.0, "Price": 0.0}


def test_negative_weight_is_refused() -> None:
    with pytest.raises(InputError) as excinfo:
        normalise_weights({"Features": 0.8, "Price": -0.2})
    assert "'Price'" in error_text(excinfo)
    assert en(excinfo.value.found) == "-0.2"
    assert render(excinfo.value.found, "fr") == "-0,2"


def test_all_zero_weights_are_refused() -> None:
    with raises_en("all weights are 0"):
        normalise_weights({"Features": 0, "Price": 0.0})


@pytest.mark.parametrize("bad", [{}, {"Features": math.nan}, {"Features": "high"}, {"": 1.0}])
def test_empty_or_non_numeric_direct_weights_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(InputError):
        normalise_weights(bad)  # type: ignore[arg-type]


# --- AHP: consistent matrices --------------------------------------------------------------


def test_consistent_matrix_gives_back_the_weights_it_was_built_from() -> None:
    # Built from weights 0.6 / 0.3 / 0.1: A/B = 0.6/0.3 = 2, A/C = 0.6/0.1 = 6,
    # B/C = 0.3/0.1 = 3. For a consistent matrix A w = n w (Saaty 1980), so the priorities are
    # exactly w, lambda_max = n = 3, CI = (3 - 3) / 2 = 0 and CR = 0.
    matrix = [[1, 2, 6], [1 / 2, 1, 3], [1 / 6, 1 / 3, 1]]
    result = ahp_weights(PairwiseComparisons.from_matrix(["A", "B", "C"], matrix))
    assert list(result.priorities) == ["A", "B", "C"]
    assert list(result.priorities.values()) == pytest.approx([0.6, 0.3, 0.1], abs=1e-12)
    assert result.lambda_max == pytest.approx(3.0, abs=1e-12)
    assert result.consistency_index == pytest.approx(0.0, abs=1e-12)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-12)
    assert result.random_index == 0.58  # Saaty (1980): RI(3) = 0.58
    assert result.is_consistent
    assert result.warning is None
    # Every comparison agrees with the priorities: deviation |ln(a_ij w_j / w_i)| = 0.
    assert max(item.deviation for item in result.inconsistencies) == pytest.approx(0, abs=1e-12)


def test_consistent_matrix_from_a_numpy_array_and_from_the_upper_triangle_agree() -> None:
    weights = [0.6, 0.3, 0.1]
    from_array = PairwiseComparisons.from_matrix(
        ["A", "B", "C"], np.array(consistent_matrix(weights))
    )
    from_upper = PairwiseComparisons.from_upper_triangle(["A", "B", "C"], [[2, 6], [3]])
    assert from_array.as_array() == pytest.approx(from_upper.as_array())
    assert list(ahp_weights(from_upper).priorities.values()) == pytest.approx(weights)


def test_four_criteria_consistent_matrix() -> None:
    # Weights 0.4 / 0.3 / 0.2 / 0.1 give cells such as A/B = 4/3 (any ratio between 1/9 and 9
    # may be entered, not only whole numbers): priorities = the weights, lambda_max = 4, CR = 0.
    weights = [0.4, 0.3, 0.2, 0.1]
    result = ahp_weights(PairwiseComparisons.from_matrix(list("ABCD"), consistent_matrix(weights)))
    assert list(result.priorities.values()) == pytest.approx(weights, abs=1e-12)
    assert result.lambda_max == pytest.approx(4.0, abs=1e-12)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-12)


def test_two_criteria_are_always_consistent() -> None:
    # A/B = 9: w_A / w_B = 9 and w_A + w_B = 1, so w_A = 0.9, w_B = 0.1; a 2 x 2 reciprocal
    # matrix has lambda_max = 1 + sqrt(9 * 1/9) = 2 = n; RI(2) = 0 and CR is 0 by convention.
    result = ahp_weights(PairwiseComparisons.from_upper_triangle(["A", "B"], [[9]]))
    assert list(result.priorities.values()) == pytest.approx([0.9, 0.1])
    assert result.lambda_max == pytest.approx(2.0)
    assert result.random_index == 0.0
    assert result.consistency_ratio == 0.0
    assert result.is_consistent


def test_one_criterion_gets_all_the_weight() -> None:
    result = ahp_weights(PairwiseComparisons.from_matrix(["A"], [[1]]))
    assert dict(result.priorities) == {"A": pytest.approx(1.0)}
    assert result.consistency_ratio == 0.0
    assert result.inconsistencies == ()


# --- AHP: inconsistent matrices ------------------------------------------------------------

# Saaty, T.L. (1990) "How to make a decision: The Analytic Hierarchy Process", European Journal
# of Operational Research 48(1), 9-26: the house-buying example, pairwise comparisons of the
# eight criteria (size of house, transportation, neighbourhood, age of house, yard space, modern
# facilities, general condition, financing).
SAATY_1990_HOUSE_CRITERIA = [
    "size",
    "transportation",
    "neighbourhood",
    "age",
    "yard space",
    "modern facilities",
    "general condition",
    "financing",
]
SAATY_1990_HOUSE_MATRIX = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
]


def test_saaty_1990_house_example() -> None:
    comparisons = PairwiseComparisons.from_matrix(
        SAATY_1990_HOUSE_CRITERIA, SAATY_1990_HOUSE_MATRIX
    )
    result = ahp_weights(comparisons)
    # Published priority vector (Saaty 1990, house example):
    # 0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333.
    published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
    assert [round(w, 3) for w in result.priorities.values()] == published
    # Published: lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169 (with RI(8) = 1.41).
    assert round(result.lambda_max, 3) == 9.669
    assert round(result.consistency_index, 3) == 0.238
    assert result.random_index == 1.41
    assert round(result.consistency_ratio, 3) == 0.169
    # 0.169 > 0.10: Saaty's limit is exceeded, so the comparisons to revise are listed.
    assert not result.is_consistent
    assert result.warning is not None
    assert en(result.warning).startswith("consistency ratio 0.17 is above 0.10")
    assert render(result.warning, "fr").startswith(
        "le ratio de cohérence 0,17 dépasse 0,10\u00a0: revoyez d'abord"
    )


def test_three_criteria_inconsistent_matrix_by_the_closed_form() -> None:
    # The 0.6 / 0.3 / 0.1 matrix with B/C reversed: A/B = 2, A/C = 6, B/C = 1/3.
    # For a 3 x 3 reciprocal matrix with A/B = a, A/C = b, B/C = c, the principal eigenvector is
    # the vector of row geometric means g = ((ab)^(1/3), (c/a)^(1/3), (1/(bc))^(1/3)) and
    # lambda_max = 1 + r + 1/r with r = (b / (ac))^(1/3) (check: (A g)_1 / g_1 =
    # 1 + (ac/b)^(1/3) + (b/(ac))^(1/3), the same for each row).
    # By hand: g = (12^(1/3), (1/6)^(1/3), (1/2)^(1/3)) = (2.2894, 0.5503, 0.7937), sum 3.6334,
    # priorities = (0.6301, 0.1515, 0.2184); r = 9^(1/3) = 2.0801, lambda_max = 1 + 2.0801 +
    # 0.4807 = 3.5608, CI = 0.5608 / 2 = 0.2804, CR = 0.2804 / 0.58 = 0.4835.
    result = ahp_weights(
        PairwiseComparisons.from_upper_triangle(["A", "B", "C"], [[2, 6], [1 / 3]])
    )
    assert [round(w, 4) for w in result.priorities.values()] == [0.6301, 0.1515, 0.2184]
    assert round(result.lambda_max, 4) == 3.5608
    assert round(result.consistency_index, 4) == 0.2804
    assert round(result.consistency_ratio, 4) == 0.4835
    # For n = 3 every comparison is equally far from the geometric-mean priorities:
    # |ln(a_ij g_j / g_i)| = ln(r) = ln(9) / 3 = 0.7324 for each of the three pairs.
    assert [round(item.deviation, 4) for item in result.inconsistencies] == [0.7324] * 3


def test_reversed_comparison_is_named_as_the_most_inconsistent() -> None:
    # Built from weights 6 : 3 : 2 : 1 (Features, Price, Support, Integration); the consultant
    # typed Features/Integration = 1/6 instead of 6. The control (as built) has CR = 0.
    names = ["Features", "Price", "Support", "Integration"]
    matrix = consistent_matrix([6, 3, 2, 1])
    assert ahp_weights(PairwiseComparisons.from_matrix(names, matrix)).consistency_ratio == (
        pytest.approx(0.0, abs=1e-12)
    )
    matrix[0][3], matrix[3][0] = 1 / 6, 6
    result = ahp_weights(PairwiseComparisons.from_matrix(names, matrix))
    assert result.consistency_ratio > CONSISTENCY_THRESHOLD
    assert not result.is_consistent
    worst = result.most_inconsistent[0]
    assert (worst.row, worst.column) == ("Features", "Integration")
    assert worst.entered == pytest.approx(1 / 6)
    # The value consistent with the priorities is w_Features / w_Integration.
    assert worst.consistent == pytest.approx(
        result.priorities["Features"] / result.priorities["Integration"]
    )
    assert worst.deviation == pytest.approx(abs(math.log((1 / 6) / worst.consistent)))
    assert worst.deviation > result.most_inconsistent[1].deviation
    assert result.warning is not None
    assert "Features/Integration entered 1/6" in en(result.warning)
    assert len(result.most_inconsistent) == 3


def test_reciprocals_typed_with_two_decimals_are_made_exact() -> None:
    # 1/3 typed as 0.33 (3 x 0.33 = 0.99) and 1/9 typed as 0.11 (9 x 0.11 = 0.99): accepted, the
    # judgement >= 1 is kept and the other cell becomes its exact reciprocal.
    comparisons = PairwiseComparisons.from_matrix(
        ["A", "B", "C"], [[1, 3, 9], [0.33, 1, 3], [0.11, 1 / 3, 1]]
    )
    assert comparisons.value("B", "A") == 1 / 3
    assert comparisons.value("C", "A") == 1 / 9
    # A/B = 3, A/C = 9, B/C = 3 is consistent: weights 9 : 3 : 1 = 9/13, 3/13, 1/13.
    result = ahp_weights(comparisons)
    assert list(result.priorities.values()) == pytest.approx([9 / 13, 3 / 13, 1 / 13])
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-12)


# --- random index --------------------------------------------------------------------------


def test_random_index_is_saatys_table() -> None:
    # Saaty, T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill: RI for n = 1..10.
    assert RANDOM_INDEX == {
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
    assert random_index(4) == 0.90
    assert random_index(10) == 1.49


def test_more_than_ten_criteria_are_refused_with_a_hint() -> None:
    names = [f"C{i}" for i in range(1, 12)]
    comparisons = PairwiseComparisons.from_matrix(names, consistent_matrix([1.0] * 11))
    with pytest.raises(InputError) as excinfo:
        ahp_weights(comparisons)
    assert en(excinfo.value.found) == "11 criteria"
    assert render(excinfo.value.found, "fr") == "11 critères"
    assert "global_weights" in en(excinfo.value.hint)
    with pytest.raises(InputError):
        random_index(11)
    with pytest.raises(InputError):
        random_index(0)


# --- AHP: bad input ------------------------------------------------------------------------


def test_non_reciprocal_comparisons_are_refused_naming_both_cells() -> None:
    # Features/Price = 3 and Price/Features = 3: both say "more important", 3 x 3 = 9, not 1.
    matrix = [[1, 3, 5], [3, 1, 2], [1 / 5, 1 / 2, 1]]
    with pytest.raises(InputError) as excinfo:
        PairwiseComparisons.from_matrix(["Features", "Price", "Support"], matrix)
    assert en(excinfo.value.found) == "Features/Price = 3 and Price/Features = 3"
    assert "Price/Features is 1/3" in en(excinfo.value.hint)


def test_reciprocal_with_one_decimal_is_too_far() -> None:
    # 1/3 typed as 0.3: 3 x 0.3 = 0.9, 10 % from 1, beyond the 5 % tolerance.
    with raises_en(re.escape("A/B = 3 and B/A = 0.3")):
        PairwiseComparisons.from_matrix(["A", "B"], [[1, 3], [0.3, 1]])


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "0"), (10, "10"), (1 / 10, "1/10"), (-3, "-3")],
)
def test_values_off_saatys_scale_are_refused(value: float, shown: str) -> None:
    matrix = [[1, value], [1, 1]]
    with pytest.raises(InputError) as excinfo:
        PairwiseComparisons.from_matrix(["Features", "Price"], matrix)
    assert "between 1/9 and 9, at Features/Price" in en(excinfo.value.expected)
    assert en(excinfo.value.found) == shown


@pytest.mark.parametrize("value", [0, 10, 1 / 10])
def test_values_off_saatys_scale_are_refused_in_the_upper_triangle(value: float) -> None:
    with raises_en("at B/C"):
        PairwiseComparisons.from_upper_triangle(["A", "B", "C"], [[2, 3], [value]])


def test_non_square_matrix_is_refused() -> None:
    with raises_en(r"3 x 3.*2 values in the row of 'B'"):
        PairwiseComparisons.from_matrix(["A", "B", "C"], [[1, 2, 3], [1 / 2, 1], [1 / 3, 1, 1]])
    with raises_en("2 rows for 3 criteria"):
        PairwiseComparisons.from_matrix(["A", "B", "C"], [[1, 2, 3], [1 / 2, 1, 1]])
    with raises_en("2 rows for 3 criteria"):
        PairwiseComparisons.from_matrix(["A", "B", "C"], np.ones((2, 3)))
    with raises_en("2-D"):
        PairwiseComparisons.from_matrix(["A", "B", "C"], np.ones(3))


def test_diagonal_not_one_is_refused() -> None:
    with pytest.raises(InputError) as excinfo:
        PairwiseComparisons.from_matrix(["A", "B"], [[1, 3], [1 / 3, 2]])
    assert "'B' compared with itself" in en(excinfo.value.expected)
    assert en(excinfo.value.found) == "2"


def test_empty_or_text_cells_are_refused() -> None:
    with raises_en("at B/A; found an empty cell"):
        PairwiseComparisons.from_matrix(["A", "B"], [[1, 3], [None, 1]])
    with raises_en("at A/B; found 'three'"):
        PairwiseComparisons.from_matrix(["A", "B"], [[1, "three"], [1 / 3, 1]])


def test_duplicate_or_blank_criterion_names_are_refused() -> None:
    with raises_en("'A' twice"):
        PairwiseComparisons.from_matrix(["A", "A"], [[1, 1], [1, 1]])
    with raises_en("non-empty criterion name"):
        PairwiseComparisons.from_matrix(["A", " "], [[1, 1], [1, 1]])
    with raises_en("list of criterion names"):
        PairwiseComparisons.from_matrix("AB", [[1, 1], [1, 1]])


def test_the_constructor_checks_too() -> None:
    with raises_en("A/B = 3 and B/A = 3"):
        PairwiseComparisons(("A", "B"), ((1.0, 3.0), (3.0, 1.0)))


# --- AHP: upper triangle -------------------------------------------------------------------


def test_upper_triangle_fills_the_reciprocals() -> None:
    comparisons = PairwiseComparisons.from_upper_triangle(["A", "B", "C"], [[3, 5], [2], []])
    assert comparisons.matrix == ((1.0, 3.0, 5.0), (1 / 3, 1.0, 2.0), (1 / 5, 1 / 2, 1.0))


def test_upper_triangle_as_a_square_with_empty_cells_below_the_diagonal() -> None:
    nan = math.nan
    square = np.array([[nan, 3, 5], [nan, 1, 2], [nan, nan, nan]])
    comparisons = PairwiseComparisons.from_upper_triangle(["A", "B", "C"], square)
    assert comparisons.value("C", "A") == pytest.approx(1 / 5)
    assert comparisons.value("C", "B") == pytest.approx(1 / 2)


def test_upper_triangle_refuses_values_below_the_diagonal() -> None:
    with raises_en("empty cell below the diagonal at B/A"):
        PairwiseComparisons.from_upper_triangle(
            ["A", "B", "C"], [[1, 3, 5], [3, 1, 2], [None, None, 1]]
        )


def test_upper_triangle_refuses_wrong_lengths() -> None:
    with raises_en("rows of 2, 2 values"):
        PairwiseComparisons.from_upper_triangle(["A", "B", "C"], [[3, 5], [2, 4]])


# --- hierarchical weights ------------------------------------------------------------------


def test_global_weights_are_group_weight_times_local_weight() -> None:
    result = global_weights(
        {"Functional": 0.7, "Cost": 0.3},
        {"Functional": {"Features": 0.5, "Ease of use": 0.5}, "Cost": {"Price": 1.0}},
    )
    # By hand: 0.7 x 0.5 = 0.35, 0.7 x 0.5 = 0.35, 0.3 x 1.0 = 0.3.
    assert list(result) == ["Features", "Ease of use", "Price"]
    assert list(result.values()) == pytest.approx([0.35, 0.35, 0.3])
    assert math.fsum(result.values()) == pytest.approx(1.0)


def test_global_weights_from_ahp_groups_and_direct_local_weights() -> None:
    # Groups by AHP: Functional/Cost = 3 gives 3/4 and 1/4 (w_F / w_C = 3, w_F + w_C = 1).
    groups = ahp_weights(PairwiseComparisons.from_upper_triangle(["Functional", "Cost"], [[3]]))
    # Local weights given as points: 60 / 40 -> 0.6 / 0.4.
    functional = normalise_weights({"Features": 60, "Support": 40})
    result = global_weights(
        groups.priorities, {"Functional": functional.weights, "Cost": {"Price": 1}}
    )
    # By hand: 0.75 x 0.6 = 0.45, 0.75 x 0.4 = 0.30, 0.25 x 1 = 0.25.
    assert list(result.values()) == pytest.approx([0.45, 0.30, 0.25])


def test_every_group_needs_local_weights() -> None:
    with raises_en("none for 'Cost'"):
        global_weights({"Functional": 0.7, "Cost": 0.3}, {"Functional": {"Features": 1.0}})


def test_local_weights_of_an_unknown_group_are_refused() -> None:
    with raises_en("unknown group"):
        global_weights(
            {"Functional": 1.0}, {"Functional": {"Features": 1.0}, "Costs": {"Price": 1.0}}
        )


def test_a_criterion_in_two_groups_is_refused() -> None:
    with raises_en("'Price' in groups 'Cost' and 'Vendor'"):
        global_weights(
            {"Cost": 0.5, "Vendor": 0.5},
            {"Cost": {"Price": 1.0}, "Vendor": {"Support": 0.5, "Price": 0.5}},
        )


def test_weights_not_summing_to_one_are_refused_with_a_hint() -> None:
    with pytest.raises(InputError) as excinfo:
        global_weights({"Functional": 70, "Cost": 30}, {"Functional": {"F": 1}, "Cost": {"P": 1}})
    assert en(excinfo.value.found) == "a sum of 100"
    assert "normalise_weights" in en(excinfo.value.hint)
    with raises_en("local weights of group 'Cost'"):
        global_weights(
            {"Functional": 0.7, "Cost": 0.3}, {"Functional": {"F": 1}, "Cost": {"P": 0.9}}
        )


def test_negative_group_weight_is_refused() -> None:
    with raises_en("weights >= 0"):
        global_weights({"A": 1.2, "B": -0.2}, {"A": {"a": 1}, "B": {"b": 1}})
