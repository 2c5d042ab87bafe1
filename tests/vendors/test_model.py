"""Vendor comparison (crmwb.vendors: model, ranking, robustness, comparison) against numbers a
consultant can recompute by hand, or published ones.

Pure domain: no file is read or written here. Every expected number has its computation (or
its source) next to it. Scores are on a 0-5 scale unless a test says otherwise; weights are
fractions summing to 1.
"""

from __future__ import annotations

import dataclasses
import math

import pytest
from messages import raises_en

from crmwb.core.errors import render
from crmwb.vendors.comparison import compare_vendors
from crmwb.vendors.model import (
    COVERAGE_VALUES,
    Coverage,
    CoverageSheet,
    Criterion,
    Direction,
    MarketType,
    Measure,
    Score,
    ScoreSheet,
    UseCase,
    Vendor,
    scores_from_table,
    with_weights,
)
from crmwb.vendors.ranking import (
    ExclusionReason,
    VendorScore,
    WeightedSumResult,
    functional_coverage,
    kendall_tau,
    knock_outs,
    ranking_agreement,
    remaining_vendors,
    shortlist,
    topsis,
    weighted_sum,
)
from crmwb.vendors.robustness import (
    evaluator_spreads,
    largest_spreads,
    monte_carlo_weights,
    weight_sensitivity,
)

BENEFIT, COST = Direction.BENEFIT, Direction.COST
AMOUNT = Measure.AMOUNT


# --- helpers -------------------------------------------------------------------------------


def vendors(*names: str) -> tuple[Vendor, ...]:
    return tuple(Vendor(name, MarketType.INTERMEDIATE) for name in names)


def sheet_of(criteria, table, scale=(0, 5), evaluators=()) -> ScoreSheet:
    return ScoreSheet(tuple(criteria), vendors(*table), scores_from_table(table, evaluators), scale)


def hand_sheet(features=0.5, price=0.3, support=0.2) -> ScoreSheet:
    """The 3 vendors x 3 criteria example worked by hand below (scale 0-5).

    Features: benefit, Price: cost (scored, 5 = dearest), Support: benefit.
    """
    criteria = (
        Criterion("Features", "functional", BENEFIT, features),
        Criterion("Price", "cost", COST, price),
        Criterion("Support", "service", BENEFIT, support),
    )
    table = {
        "Alpha": {"Features": 4, "Price": 3, "Support": 2},
        "Beta": {"Features": 3, "Price": 1, "Support": 4},
        "Gamma": {"Features": 5, "Price": 5, "Support": 4},
    }
    return sheet_of(criteria, table)


def two_vendor_sheet() -> ScoreSheet:
    """A: Features 5, Price 3; B: Features 3, Price 1; weights 0.6 / 0.4 (scale 0-5)."""
    criteria = (
        Criterion("Features", "functional", BENEFIT, 0.6),
        Criterion("Price", "cost", COST, 0.4),
    )
    return sheet_of(criteria, {"A": {"Features": 5, "Price": 3}, "B": {"Features": 3, "Price": 1}})


def winner_at(sheet: ScoreSheet, weights) -> str:
    return weighted_sum(sheet.reweighted(weights)).winner


def nudged(weights, criterion: str, delta: float):
    """The weights with ``criterion`` moved by ``delta``, the others rescaled proportionally."""
    current = weights[criterion]
    return {
        name: current + delta if name == criterion else w * (1 - current - delta) / (1 - current)
        for name, w in weights.items()
    }


# --- 1. weighted sum -----------------------------------------------------------------------


def test_weighted_sum_by_hand():
    result = weighted_sum(hand_sheet())
    # rescaled on 0-5: Features x/5, Price (cost) 1 - x/5, Support x/5
    #   Alpha: 4/5 = 0.8, 1 - 3/5 = 0.4, 2/5 = 0.4
    #   Beta:  3/5 = 0.6, 1 - 1/5 = 0.8, 4/5 = 0.8
    #   Gamma: 5/5 = 1.0, 1 - 5/5 = 0.0, 4/5 = 0.8
    assert result.vendor("Alpha").rescaled == pytest.approx(
        {"Features": 0.8, "Price": 0.4, "Support": 0.4}
    )
    assert result.vendor("Gamma").rescaled == pytest.approx(
        {"Features": 1.0, "Price": 0.0, "Support": 0.8}
    )
    # Alpha: 0.5 x 0.8 + 0.3 x 0.4 + 0.2 x 0.4 = 0.40 + 0.12 + 0.08 = 0.60
    # Beta:  0.5 x 0.6 + 0.3 x 0.8 + 0.2 x 0.8 = 0.30 + 0.24 + 0.16 = 0.70
    # Gamma: 0.5 x 1.0 + 0.3 x 0.0 + 0.2 x 0.8 = 0.50 + 0.00 + 0.16 = 0.66
    assert result.scores == pytest.approx({"Alpha": 0.60, "Beta": 0.70, "Gamma": 0.66})
    assert result.ranking == ("Beta", "Gamma", "Alpha")
    assert result.ranks == {"Beta": 1, "Gamma": 2, "Alpha": 3}
    assert result.winner == "Beta"


def test_contributions_add_up_to_the_score_for_the_stacked_bar():
    beta = weighted_sum(hand_sheet()).vendor("Beta")
    # 0.30 + 0.24 + 0.16 = 0.70
    assert beta.contributions == pytest.approx({"Features": 0.30, "Price": 0.24, "Support": 0.16})
    assert math.fsum(beta.contributions.values()) == pytest.approx(beta.score)
    # one criterion per group here: the groups carry the same numbers
    assert beta.group_contributions == pytest.approx(
        {"functional": 0.30, "cost": 0.24, "service": 0.16}
    )


def test_group_contributions_sum_criteria_of_a_group():
    criteria = (
        Criterion("Scenarios", "functional", BENEFIT, 0.3),
        Criterion("Segmentation", "functional", BENEFIT, 0.3),
        Criterion("Support", "service", BENEFIT, 0.4),
    )
    sheet = sheet_of(criteria, {"A": {"Scenarios": 5, "Segmentation": 2.5, "Support": 0}})
    # functional: 0.3 x 1 + 0.3 x 0.5 = 0.45; service: 0.4 x 0 = 0
    assert weighted_sum(sheet).vendor("A").group_contributions == pytest.approx(
        {"functional": 0.45, "service": 0.0}
    )


def test_ties_share_a_rank_and_keep_the_sheet_order():
    criteria = (Criterion("Features", "f", BENEFIT, 1.0),)
    sheet = sheet_of(criteria, {"A": {"Features": 3}, "B": {"Features": 4}, "C": {"Features": 4}})
    result = weighted_sum(sheet)
    # B and C both 4/5 = 0.8: rank 1 each, A (0.6) rank 3; B before C as on the sheet
    assert result.ranking == ("B", "C", "A")
    assert result.ranks == {"B": 1, "C": 1, "A": 3}


# --- 2. cost criteria, both methods --------------------------------------------------------


def test_scored_cost_criterion_is_one_minus_rescaled_on_a_1_to_10_scale():
    criteria = (Criterion("Price", "cost", COST, 1.0),)
    sheet = sheet_of(criteria, {"A": {"Price": 1}, "B": {"Price": 7}, "C": {"Price": 10}}, (1, 10))
    # 1 - (x - 1) / 9: A 1 - 0 = 1; B 1 - 6/9 = 0.3333; C 1 - 9/9 = 0
    assert weighted_sum(sheet).scores == pytest.approx({"A": 1.0, "B": 1 / 3, "C": 0.0})


def test_price_as_amounts_uses_min_over_x():
    criteria = (
        Criterion("TCO", "cost", COST, 0.5, measure=AMOUNT),
        Criterion("References", "service", BENEFIT, 0.5, measure=AMOUNT),
    )
    table = {
        "A": {"TCO": 100_000, "References": 40},
        "B": {"TCO": 200_000, "References": 10},
        "C": {"TCO": 400_000, "References": 0},
    }
    result = weighted_sum(sheet_of(criteria, table))
    # TCO min/x: 100k/100k = 1, 100k/200k = 0.5, 100k/400k = 0.25
    # References x/max: 40/40 = 1, 10/40 = 0.25, 0/40 = 0
    assert result.vendor("B").rescaled == pytest.approx({"TCO": 0.5, "References": 0.25})
    assert result.vendor("C").rescaled == pytest.approx({"TCO": 0.25, "References": 0.0})
    # A: 0.5 + 0.5 = 1; B: 0.25 + 0.125 = 0.375; C: 0.125 + 0 = 0.125
    assert result.scores == pytest.approx({"A": 1.0, "B": 0.375, "C": 0.125})


def test_benefit_amounts_all_zero_count_zero():
    criteria = (
        Criterion("References", "s", BENEFIT, 0.5, measure=AMOUNT),
        Criterion("Features", "f", BENEFIT, 0.5),
    )
    table = {"A": {"References": 0, "Features": 5}, "B": {"References": 0, "Features": 0}}
    # References: no maximum to divide by: 0 for both; A = 0.5 x 1 = 0.5
    assert weighted_sum(sheet_of(criteria, table)).scores == pytest.approx({"A": 0.5, "B": 0.0})


def test_cost_criterion_in_topsis_prefers_the_smallest_amount():
    criteria = (Criterion("TCO", "cost", COST, 1.0, measure=AMOUNT),)
    sheet = sheet_of(criteria, {"A": {"TCO": 100}, "B": {"TCO": 200}, "C": {"TCO": 400}})
    result = topsis(sheet)
    # norm = sqrt(100² + 200² + 400²) = sqrt(210 000) = 458.2576; weighted = x / norm
    norm = math.sqrt(210_000)
    # cost: ideal = the minimum (100 / norm), anti-ideal = the maximum (400 / norm)
    assert result.ideal["TCO"] == pytest.approx(100 / norm)
    assert result.anti_ideal["TCO"] == pytest.approx(400 / norm)
    # A sits on the ideal: closeness 1; C on the anti-ideal: 0;
    # B: d+ = 100 / norm, d- = 200 / norm, closeness = 200 / 300 = 0.6667
    assert result.closeness == pytest.approx({"A": 1.0, "B": 2 / 3, "C": 0.0})
    assert result.ranking == ("A", "B", "C")


def test_turning_a_cost_into_a_benefit_reverses_both_rankings():
    table = {"A": {"Price": 1}, "B": {"Price": 3}, "C": {"Price": 4}}
    as_cost = sheet_of([Criterion("Price", "c", COST, 1.0)], table)
    as_benefit = sheet_of([Criterion("Price", "c", BENEFIT, 1.0)], table)
    assert weighted_sum(as_cost).ranking == ("A", "B", "C")
    assert topsis(as_cost).ranking == ("A", "B", "C")
    assert weighted_sum(as_benefit).ranking == ("C", "B", "A")
    assert topsis(as_benefit).ranking == ("C", "B", "A")


# --- 3. TOPSIS -----------------------------------------------------------------------------


def test_topsis_by_hand():
    result = topsis(hand_sheet())
    # column norms: Features sqrt(4² + 3² + 5²) = sqrt(50); Price sqrt(3² + 1² + 5²) = sqrt(35);
    # Support sqrt(2² + 4² + 4²) = 6. Weighted normalised v = w x / norm.
    f, p, s = math.sqrt(50), math.sqrt(35), 6.0
    # ideal: Features max 0.5 x 5/sqrt50 = 0.35355, Price (cost) min 0.3 x 1/sqrt35 = 0.05071,
    # Support max 0.2 x 4/6 = 0.13333; anti-ideal: 0.5 x 3/sqrt50, 0.3 x 5/sqrt35, 0.2 x 2/6
    assert result.ideal == pytest.approx(
        {"Features": 0.5 * 5 / f, "Price": 0.3 * 1 / p, "Support": 0.2 * 4 / s}
    )
    assert result.anti_ideal == pytest.approx(
        {"Features": 0.5 * 3 / f, "Price": 0.3 * 5 / p, "Support": 0.2 * 2 / s}
    )
    assert result.ideal["Features"] == pytest.approx(0.35355, abs=1e-5)
    assert result.ideal["Price"] == pytest.approx(0.05071, abs=1e-5)
    # Alpha (4, 3, 2):
    #   d+² = 0.25 x 1²/50 + 0.09 x 2²/35 + 0.04 x 2²/36 = 0.005 + 0.0102857 + 0.0044444
    #       = 0.0197302 -> d+ = 0.140464
    #   d-² = 0.25 x 1²/50 + 0.09 x 2²/35 + 0 = 0.0152857 -> d- = 0.123636
    #   C = 0.123636 / (0.140464 + 0.123636) = 0.4681
    alpha = result.vendor("Alpha")
    assert alpha.distance_to_ideal == pytest.approx(0.140464, abs=1e-6)
    assert alpha.distance_to_anti_ideal == pytest.approx(0.123636, abs=1e-6)
    # Beta (3, 1, 4):
    #   d+² = 0.25 x 2²/50 + 0 + 0 = 0.02 -> 0.141421
    #   d-² = 0 + 0.09 x 4²/35 + 0.04 x 2²/36 = 0.0411429 + 0.0044444 = 0.0455873 -> 0.213512
    #   C = 0.213512 / 0.354933 = 0.6016
    # Gamma (5, 5, 4):
    #   d+² = 0 + 0.09 x 4²/35 + 0 = 0.0411429 -> 0.202837
    #   d-² = 0.25 x 2²/50 + 0 + 0.04 x 2²/36 = 0.0244444 -> 0.156347
    #   C = 0.156347 / 0.359184 = 0.4353
    assert result.closeness["Alpha"] == pytest.approx(0.4681, abs=1e-4)
    assert result.closeness["Beta"] == pytest.approx(0.6016, abs=1e-4)
    assert result.closeness["Gamma"] == pytest.approx(0.4353, abs=1e-4)
    # TOPSIS puts Alpha before Gamma, the weighted sum the other way round
    assert result.ranking == ("Beta", "Alpha", "Gamma")


def test_topsis_ideal_vectors_match_a_published_example():
    # R package MCDA (Bigaret, Hodgett, Meyer, Mironova, Olteanu), help page of TOPSIS():
    # Corsa / Clio / Fiesta, weights 0.35 0.25 0.25 0.15, criteria "min max max max";
    # its example states the ideal and anti-ideal solutions printed below.
    criteria = (
        Criterion("Price", "cost", COST, 0.35, measure=AMOUNT),
        Criterion("Economy", "running", BENEFIT, 0.25, measure=AMOUNT),
        Criterion("Aesthetics", "look", BENEFIT, 0.25),
        Criterion("Boot", "space", BENEFIT, 0.15, measure=AMOUNT),
    )
    table = {
        "Corsa": {"Price": 5490, "Economy": 51.4, "Aesthetics": 8.5, "Boot": 285},
        "Clio": {"Price": 6500, "Economy": 70.6, "Aesthetics": 7, "Boot": 288},
        "Fiesta": {
            "Price": 6489,
            "Economy": 54.3,
            "Aesthetics": 7.5,
            "Boot": 290,
        },
    }
    result = topsis(sheet_of(criteria, table, scale=(0, 10)))
    names = [c.name for c in criteria]
    published_ideal = [0.179573776, 0.171636015, 0.159499658, 0.087302767]
    published_anti_ideal = [0.212610118, 0.124958799, 0.131352659, 0.085797547]
    assert [result.ideal[n] for n in names] == pytest.approx(published_ideal, abs=1e-8)
    assert [result.anti_ideal[n] for n in names] == pytest.approx(published_anti_ideal, abs=1e-8)


def test_topsis_all_vendors_identical_gives_one_half():
    criteria = (Criterion("Features", "f", BENEFIT, 0.5), Criterion("Price", "c", COST, 0.5))
    row = {"Features": 3, "Price": 2}
    result = topsis(sheet_of(criteria, {"A": row, "B": row}))
    # ideal = anti-ideal: d+ = d- = 0, the 0/0 closeness is set to 0.5 (a tie)
    assert result.closeness == {"A": 0.5, "B": 0.5}
    assert result.ranks == {"A": 1, "B": 1}


def test_topsis_column_of_zeros_counts_for_nothing():
    criteria = (Criterion("Features", "f", BENEFIT, 0.5), Criterion("Support", "s", BENEFIT, 0.5))
    table = {"A": {"Features": 5, "Support": 0}, "B": {"Features": 1, "Support": 0}}
    result = topsis(sheet_of(criteria, table))
    # Support: norm 0, normalised 0 for both; A is the ideal, B the anti-ideal
    assert result.closeness == pytest.approx({"A": 1.0, "B": 0.0})


# --- 4. agreement between the methods ------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ([1, 2, 3], [1, 2, 3], 1.0),  # same order: 3 concordant pairs, 3/3
        ([1, 2, 3], [3, 2, 1], -1.0),  # reversed: 3 discordant pairs, -3/3
        ([1, 2, 3], [1, 3, 2], 1 / 3),  # one swap: (2 concordant - 1 discordant) / 3
        ([1, 2, 3, 4], [2, 1, 4, 3], 1 / 3),  # A-B and C-D swapped: (4 - 2) / 6
        ([1, 2, 3, 4], [4, 3, 2, 1], -1.0),  # reversed: -6/6
        # tau-b with a tie in the first ranking (A, B tied): pair AB tied, AC and BC
        # concordant: 2 / sqrt((3 - 1) x (3 - 0)) = 2 / sqrt(6) = 0.8165
        ([1, 1, 3], [1, 2, 3], 2 / math.sqrt(6)),
    ],
)
def test_kendall_tau_on_small_rankings(first, second, expected):
    items = "ABCD"[: len(first)]
    tau = kendall_tau(dict(zip(items, first, strict=True)), dict(zip(items, second, strict=True)))
    assert tau == pytest.approx(expected)


def test_kendall_tau_undefined_when_one_ranking_is_all_ties():
    assert math.isnan(kendall_tau({"A": 1, "B": 1}, {"A": 1, "B": 2}))
    assert math.isnan(kendall_tau({"A": 1}, {"A": 1}))


def test_kendall_tau_needs_the_same_items():
    with raises_en("same items"):
        kendall_tau({"A": 1, "B": 2}, {"A": 1, "C": 2})


def test_agreement_on_the_hand_example():
    sheet = hand_sheet()
    agreement = ranking_agreement(weighted_sum(sheet), topsis(sheet))
    # weighted sum Beta > Gamma > Alpha, TOPSIS Beta > Alpha > Gamma:
    # Beta-Gamma and Beta-Alpha agree, Gamma-Alpha does not: (2 - 1) / 3
    assert agreement.kendall_tau == pytest.approx(1 / 3)
    assert agreement.same_winner
    assert (agreement.weighted_sum_winner, agreement.topsis_winner) == ("Beta", "Beta")


def test_agreement_reports_a_different_winner():
    criteria = (Criterion("Features", "f", BENEFIT, 0.5), Criterion("Support", "s", BENEFIT, 0.5))
    table = {"A": {"Features": 5, "Support": 1}, "B": {"Features": 3, "Support": 2}}
    sheet = sheet_of(criteria, table)
    ws, tp = weighted_sum(sheet), topsis(sheet)
    # weighted sum: A = 0.5 x 5/5 + 0.5 x 1/5 = 0.6 > B = 0.5 x 3/5 + 0.5 x 2/5 = 0.5
    assert ws.winner == "A"
    # TOPSIS, 2 vendors: each is the ideal where it is better. Features: 0.5 x (5 - 3) /
    # sqrt(34) = 0.171499 in A's favour; Support: 0.5 x (2 - 1) / sqrt(5) = 0.223607 in B's.
    # C_A = 0.171499 / (0.171499 + 0.223607) = 0.4341, C_B = 0.5659: B wins
    assert tp.closeness == pytest.approx({"A": 0.4341, "B": 0.5659}, abs=1e-4)
    agreement = ranking_agreement(ws, tp)
    assert not agreement.same_winner
    assert (agreement.weighted_sum_winner, agreement.topsis_winner) == ("A", "B")
    assert agreement.kendall_tau == -1.0  # the one pair is reversed


# --- 5. evaluators -------------------------------------------------------------------------


def evaluator_sheet() -> ScoreSheet:
    criteria = (
        Criterion("Features", "functional", BENEFIT, 0.6),
        Criterion("TCO", "cost", COST, 0.4, measure=AMOUNT),
    )
    scores = (
        # Features by three evaluators, TCO once per vendor (an amount, no evaluator)
        *(Score("A", "Features", v, e) for v, e in [(4, "Ann"), (2, "Bob"), (3, "Cy")]),
        *(Score("B", "Features", v, e) for v, e in [(5, "Ann"), (4, "Bob"), (None, "Cy")]),
        Score("A", "TCO", 10_000),
        Score("B", "TCO", 25_000),
    )
    return ScoreSheet(criteria, vendors("A", "B"), scores, (0, 5))


def test_the_mean_of_the_evaluators_is_the_score_used():
    sheet = evaluator_sheet()
    # A: (4 + 2 + 3) / 3 = 3; B: Cy did not evaluate, (5 + 4) / 2 = 4.5
    assert sheet.mean("A", "Features") == pytest.approx(3.0)
    assert sheet.mean("B", "Features") == pytest.approx(4.5)
    # A: 0.6 x 3/5 + 0.4 x 10 000/10 000 = 0.36 + 0.40 = 0.76
    # B: 0.6 x 4.5/5 + 0.4 x 10 000/25 000 = 0.54 + 0.16 = 0.70
    assert weighted_sum(sheet).scores == pytest.approx({"A": 0.76, "B": 0.70})


def test_evaluator_spread_min_max_mean():
    spreads = {(s.vendor, s.criterion): s for s in evaluator_spreads(evaluator_sheet())}
    a = spreads[("A", "Features")]
    # A: scores 4, 2, 3 -> min 2, max 4, mean 3, spread 2
    assert (a.minimum, a.maximum, a.mean, a.spread) == (2.0, 4.0, 3.0, 2.0)
    assert a.scores == {"Ann": 4.0, "Bob": 2.0, "Cy": 3.0}
    b = spreads[("B", "Features")]
    # B: 5, 4 (Cy did not evaluate) -> min 4, max 5, mean 4.5, spread 1
    assert (b.minimum, b.maximum, b.mean, b.spread) == (4.0, 5.0, 4.5, 1.0)


def test_largest_spreads_first_and_only_disagreements_on_scores():
    largest = largest_spreads(evaluator_sheet())
    # A/Features spread 2, then B/Features spread 1; TCO is an amount (and has one value)
    assert [(s.vendor, s.criterion, s.spread) for s in largest] == [
        ("A", "Features", 2.0),
        ("B", "Features", 1.0),
    ]
    assert len(largest_spreads(evaluator_sheet(), count=1)) == 1
    # one evaluator everywhere: nobody disagrees
    assert largest_spreads(hand_sheet()) == ()


# --- 6. knock-outs -------------------------------------------------------------------------


def knock_out_sheet() -> ScoreSheet:
    criteria = (
        Criterion("Features", "functional", BENEFIT, 0.4, knock_out_minimum=2),
        Criterion("TCO", "cost", COST, 0.4, knock_out_maximum=50_000, measure=AMOUNT),
        Criterion("Support", "service", BENEFIT, 0.2),
    )
    table = {
        "A": {"Features": 4, "TCO": 40_000, "Support": 3},
        "B": {"Features": 1.5, "TCO": 30_000, "Support": 4},  # below the minimum
        "C": {"Features": 3, "TCO": 60_000, "Support": 5},  # above the budget ceiling
        "D": {"Features": 3, "TCO": 45_000, "Support": None},  # not evaluated
        "E": {"Features": 3, "TCO": 45_000, "Support": 2},  # must-have use case not covered
        "F": {"Features": 2, "TCO": 50_000, "Support": 2},  # exactly on both thresholds
    }
    return sheet_of(criteria, table)


def knock_out_coverage() -> CoverageSheet:
    n, c, d, x = "native", "configuration", "custom_development", "not_covered"
    use_cases = (
        UseCase("Welcome", 3, must_have=True),
        UseCase("Reactivation", 2),
        UseCase("Birthday", 1),
    )
    levels = {
        "A": {"Welcome": n, "Reactivation": c, "Birthday": x},
        "B": {"Welcome": d, "Reactivation": d, "Birthday": n},
        "C": {"Welcome": n, "Reactivation": n, "Birthday": n},
        "D": {"Welcome": c, "Reactivation": c, "Birthday": c},
        "E": {"Welcome": x, "Reactivation": n, "Birthday": n},
        "F": {"Welcome": n, "Reactivation": x, "Birthday": d},
    }
    return CoverageSheet(use_cases, levels)


def test_knock_outs_with_their_reasons():
    exclusions = knock_outs(knock_out_sheet(), knock_out_coverage())
    rows = [(e.vendor, e.reason, e.criterion, e.use_case, e.score, e.threshold) for e in exclusions]
    assert rows == [
        ("B", ExclusionReason.BELOW_MINIMUM, "Features", None, 1.5, 2.0),  # 1.5 < 2
        ("C", ExclusionReason.ABOVE_MAXIMUM, "TCO", None, 60_000.0, 50_000.0),  # 60k > 50k
        ("D", ExclusionReason.NOT_EVALUATED, "Support", None, None, None),
        ("E", ExclusionReason.NOT_COVERED, None, "Welcome", None, None),
    ]
    # F sits exactly on the minimum (2) and on the ceiling (50 000): a threshold met passes
    assert remaining_vendors(knock_out_sheet(), exclusions) == ("A", "F")


def test_rankings_are_made_after_the_knock_outs():
    sheet = knock_out_sheet()
    # without the coverage sheet, E stays in: B, C and D are out
    assert weighted_sum(sheet).ranking == ("A", "E", "F")
    comparison = compare_vendors(sheet, knock_out_coverage(), draws=0)
    assert comparison.excluded_vendors == ("B", "C", "D", "E")
    assert comparison.ranked_vendors == ("A", "F")
    # TCO min/x over A and F only: A 40k/40k = 1, F 40k/50k = 0.8
    # A: 0.4 x 4/5 + 0.4 x 1 + 0.2 x 3/5 = 0.32 + 0.40 + 0.12 = 0.84
    # F: 0.4 x 2/5 + 0.4 x 0.8 + 0.2 x 2/5 = 0.16 + 0.32 + 0.08 = 0.56
    assert comparison.weighted_sum.scores == pytest.approx({"A": 0.84, "F": 0.56})
    assert comparison.topsis.ranking == ("A", "F")
    assert comparison.monte_carlo is None


def test_knock_out_on_the_mean_of_the_evaluators():
    criteria = (Criterion("Support", "s", BENEFIT, 1.0, knock_out_minimum=3),)
    table = {"A": {"Support": [4, 1]}, "B": {"Support": [3, 3]}}
    # A: (4 + 1) / 2 = 2.5 < 3: out, although one evaluator gave 4; B: 3 passes
    (exclusion,) = knock_outs(sheet_of(criteria, table, evaluators=["Ann", "Bob"]))
    assert (exclusion.vendor, exclusion.score) == ("A", 2.5)


def test_a_vendor_nobody_evaluated_on_a_criterion_cannot_be_ranked_explicitly():
    sheet = knock_out_sheet()
    with raises_en("'D' not evaluated on 'Support'"):
        weighted_sum(sheet, ["A", "D"])
    # a knocked-out vendor that was evaluated can be scored on request (greyed in a chart)
    assert weighted_sum(sheet, ["A", "B"]).ranking == ("A", "B")


def test_everyone_knocked_out_is_an_error():
    criteria = (Criterion("Support", "s", BENEFIT, 1.0, knock_out_minimum=4),)
    sheet = sheet_of(criteria, {"A": {"Support": 1}, "B": {"Support": 2}})
    with raises_en("at least one vendor left"):
        compare_vendors(sheet)
    with raises_en("at least one vendor left"):
        weighted_sum(sheet)


# --- 7. functional coverage ----------------------------------------------------------------


def test_functional_coverage_by_hand():
    rates = {c.vendor: c.rate for c in functional_coverage(knock_out_coverage())}
    # priorities 3 + 2 + 1 = 6; native 1, configuration 0.75, custom 0.4, not covered 0
    assert rates == pytest.approx(
        {
            "A": (3 * 1 + 2 * 0.75 + 1 * 0) / 6,  # 4.5 / 6 = 0.75
            "B": (3 * 0.4 + 2 * 0.4 + 1 * 1) / 6,  # 3.0 / 6 = 0.5
            "C": 1.0,  # all native
            "D": 0.75,  # all configuration
            "E": (0 + 2 + 1) / 6,  # 0.5
            "F": (3 + 0 + 0.4) / 6,  # 3.4 / 6 = 0.5667
        }
    )
    assert rates["A"] == pytest.approx(0.75)
    a = functional_coverage(knock_out_coverage())[0]
    assert a.not_covered == ("Birthday",)
    assert a.levels["Reactivation"] is Coverage.CONFIGURATION


def test_coverage_values_are_a_convention_the_consultant_can_change():
    assert dict(COVERAGE_VALUES) == {
        Coverage.NATIVE: 1.0,
        Coverage.CONFIGURATION: 0.75,
        Coverage.CUSTOM_DEVELOPMENT: 0.4,
        Coverage.NOT_COVERED: 0.0,
    }
    stricter = {
        Coverage.NATIVE: 1.0,
        Coverage.CONFIGURATION: 0.5,
        Coverage.CUSTOM_DEVELOPMENT: 0.25,
        Coverage.NOT_COVERED: 0.0,
    }
    rates = {c.vendor: c.rate for c in functional_coverage(knock_out_coverage(), stricter)}
    # A: (3 x 1 + 2 x 0.5 + 0) / 6 = 4/6; B: (3 x 0.25 + 2 x 0.25 + 1) / 6 = 2.25/6 = 0.375
    assert rates["A"] == pytest.approx(4 / 6)
    assert rates["B"] == pytest.approx(0.375)


def test_coverage_values_must_cover_every_level_between_0_and_1():
    with raises_en("coverage level 'Configuration'; found none"):
        functional_coverage(knock_out_coverage(), {Coverage.NATIVE: 1.0})
    bad = dict(COVERAGE_VALUES) | {Coverage.CONFIGURATION: 75}
    with raises_en("between 0 and 1"):
        functional_coverage(knock_out_coverage(), bad)


def test_coverage_sheet_checks_its_levels_and_use_cases():
    use_cases = (UseCase("Welcome", 1), UseCase("Birthday", 1))
    with raises_en("coverage level"):
        CoverageSheet(use_cases, {"A": {"Welcome": "partly", "Birthday": "native"}})
    with raises_en("none for 'Birthday'"):
        CoverageSheet(use_cases, {"A": {"Welcome": "native"}})
    with raises_en("did you mean 'Birthday'"):
        CoverageSheet(use_cases, {"A": {"Welcome": "native", "Birthdy": "native"}})
    with raises_en("unique use case"):
        CoverageSheet((UseCase("Welcome", 1), UseCase("Welcome", 2)), {})
    with raises_en("priority > 0"):
        UseCase("Welcome", 0)


def test_coverage_must_match_the_score_sheet_vendors():
    coverage = CoverageSheet((UseCase("Welcome", 1),), {"Alpha": {"Welcome": "native"}})
    with raises_en("no coverage for 'Beta'"):
        knock_outs(hand_sheet(), coverage)


# --- 8. shortlist --------------------------------------------------------------------------


def test_shortlist_takes_the_top_vendors():
    ranking = weighted_sum(hand_sheet())  # Beta 0.70, Gamma 0.66, Alpha 0.60
    assert shortlist(ranking, 2) == ("Beta", "Gamma")
    assert shortlist(ranking, 3) == ("Beta", "Gamma", "Alpha")
    assert shortlist(ranking, 4) == ("Beta", "Gamma", "Alpha")  # fewer vendors than asked


def test_shortlist_keeps_vendors_tied_at_the_cut():
    ranking = WeightedSumResult(
        tuple(
            VendorScore(name, score, rank, {}, {}, {})
            for name, score, rank in [("A", 0.9, 1), ("B", 0.8, 2), ("C", 0.8, 2), ("D", 0.5, 4)]
        )
    )
    # B and C tie for the 2nd place: a shortlist of 2 keeps both
    assert shortlist(ranking, 2) == ("A", "B", "C")
    assert shortlist(ranking, 3) == ("A", "B", "C")
    with raises_en("at least 1"):
        shortlist(ranking, 0)


def test_shortlist_is_made_after_the_knock_outs():
    comparison = compare_vendors(knock_out_sheet(), knock_out_coverage(), shortlist_size=3)
    assert comparison.shortlist == ("A", "F")  # only two vendors survive


# --- 9. sensitivity of the winner to each weight -------------------------------------------


def test_sensitivity_two_vendors_by_hand():
    sheet = two_vendor_sheet()
    # rescaled: A Features 1, Price 1 - 3/5 = 0.4; B Features 0.6, Price 1 - 1/5 = 0.8
    # A = 0.6 x 1 + 0.4 x 0.4 = 0.76 > B = 0.6 x 0.6 + 0.4 x 0.8 = 0.68
    features, price = weight_sensitivity(sheet)
    assert features.winner == "A"
    # Features weight t, Price 1 - t: A(t) = t + 0.4 (1 - t), B(t) = 0.6 t + 0.8 (1 - t);
    # equal when 0.4 + 0.6 t = 0.8 - 0.2 t, t = 0.5: down from 0.6 to 0.5, B wins below
    assert features.increase is None  # at t = 1, A (1) still beats B (0.6)
    assert features.decrease is not None
    assert features.decrease.new_weight == pytest.approx(0.5)
    assert features.decrease.change == pytest.approx(-0.1)  # 10 points
    assert features.decrease.relative_change == pytest.approx(-1 / 6)  # -0.1 / 0.6
    assert features.decrease.new_winner == "B"
    assert features.decrease.weights == pytest.approx({"Features": 0.5, "Price": 0.5})
    # Price weight t: A(t) = 0.4 t + (1 - t), B(t) = 0.8 t + 0.6 (1 - t): equal at t = 0.5,
    # up from 0.4 to 0.5
    assert price.decrease is None
    assert price.nearest is price.increase
    assert price.nearest is not None
    assert price.nearest.new_weight == pytest.approx(0.5)
    assert price.nearest.change == pytest.approx(0.1)
    assert price.nearest.new_winner == "B"


def test_sensitivity_three_vendors_by_hand():
    sheet = hand_sheet()
    features, price, support = weight_sensitivity(sheet)
    # Winner Beta (0.70). Features weight t, the others times (1 - t) / 0.5:
    #   B_ik = (S_i - 0.5 r_ik) / 0.5: Alpha (0.60 - 0.40)/0.5 = 0.40, Beta (0.70 - 0.30)/0.5
    #   = 0.80, Gamma (0.66 - 0.50)/0.5 = 0.32
    #   Alpha(t) = 0.8 t + 0.4 (1 - t), Beta(t) = 0.6 t + 0.8 (1 - t), Gamma(t) = t + 0.32 (1 - t)
    #   Beta = Gamma: 0.8 - 0.2 t = 0.32 + 0.68 t -> t = 0.48 / 0.88 = 6/11 = 0.5455
    #   Beta = Alpha: 0.8 - 0.2 t = 0.4 + 0.4 t -> t = 2/3, later than 6/11
    assert features.increase is not None
    assert features.increase.new_weight == pytest.approx(6 / 11)
    assert features.increase.change == pytest.approx(6 / 11 - 0.5)  # +1/22 = +4.5 points
    assert features.increase.relative_change == pytest.approx(1 / 11)
    assert features.increase.new_winner == "Gamma"
    # others rescaled: Price 0.3 x (5/11) / 0.5 = 3/11, Support 0.2 x (5/11) / 0.5 = 2/11
    assert features.increase.weights == pytest.approx(
        {"Features": 6 / 11, "Price": 3 / 11, "Support": 2 / 11}
    )
    assert features.decrease is None  # at t = 0: Beta 0.80 > Alpha 0.40, Gamma 0.32
    # Price weight t: B_ik = (S_i - 0.3 r_ik) / 0.7: Alpha 0.48/0.7, Beta 0.46/0.7, Gamma 0.66/0.7
    #   Beta = Gamma: 0.8 t + (46/70)(1 - t) = (66/70)(1 - t) -> 76 t = 20 -> t = 5/19 = 0.2632
    #   Beta = Alpha: 0.4 t = (2/70)(1 - t) -> t = 1/15, further from 0.3
    assert price.increase is None  # at t = 1: Beta 0.8 > Alpha 0.4 > Gamma 0
    assert price.decrease is not None
    assert price.decrease.new_weight == pytest.approx(5 / 19)
    assert price.decrease.change == pytest.approx(5 / 19 - 0.3)  # -7/190 = -3.7 points
    assert price.decrease.new_winner == "Gamma"
    # Support: "never". At t = 1 Beta (0.8) only ties Gamma (0.8); at t = 0, B_ik =
    # (S_i - 0.2 r_ik) / 0.8: Beta 0.675 > Alpha 0.65 > Gamma 0.625
    assert support.never
    assert support.nearest is None
    # Price needs the smallest change (3.7 points against 4.5 for Features)
    comparison = compare_vendors(sheet, draws=0)
    assert comparison.most_critical is not None
    assert comparison.most_critical.criterion == "Price"


@pytest.mark.parametrize("criterion", ["Features", "Price"])
def test_sensitivity_threshold_is_where_the_winner_changes(criterion):
    sheet = hand_sheet()
    (found,) = [s for s in weight_sensitivity(sheet) if s.criterion == criterion]
    threshold = found.nearest
    assert threshold is not None
    step = 1e-6 if threshold.change > 0 else -1e-6
    # just before the threshold Beta still wins, just past it the new winner does
    assert winner_at(sheet, nudged(sheet.weights, criterion, threshold.change - step)) == "Beta"
    assert winner_at(sheet, nudged(sheet.weights, criterion, threshold.change + step)) == (
        threshold.new_winner
    )


def test_sensitivity_never_when_a_vendor_dominates():
    criteria = (Criterion("Features", "f", BENEFIT, 0.7), Criterion("Price", "c", COST, 0.3))
    table = {"A": {"Features": 5, "Price": 1}, "B": {"Features": 3, "Price": 2}}
    sheet = sheet_of(criteria, table)
    # A is better on both criteria: whatever the weights, A wins
    assert all(s.never for s in weight_sensitivity(sheet))
    assert compare_vendors(sheet, draws=0).most_critical is None


def test_sensitivity_of_a_criterion_holding_all_the_weight():
    criteria = (
        Criterion("Features", "f", BENEFIT, 1.0),
        Criterion("Support", "s", BENEFIT, 0.0),
        Criterion("Price", "c", COST, 0.0),
    )
    table = {
        "A": {"Features": 5, "Support": 0, "Price": 5},
        "B": {"Features": 4, "Support": 5, "Price": 0},
    }
    (features, support, _) = weight_sensitivity(sheet_of(criteria, table))
    # Features at 1: the others share 1 - t equally. A(t) = t, B(t) = 0.8 t + (1 - t) x
    # (1 + 1) / 2 = 1 - 0.2 t; equal at t = 1/1.2 = 5/6
    assert features.decrease is not None
    assert features.decrease.new_weight == pytest.approx(5 / 6)
    assert features.decrease.weights == pytest.approx(
        {"Features": 5 / 6, "Support": 1 / 12, "Price": 1 / 12}
    )
    # Support at 0: A(t) = 0 t + (1 - t), B(t) = t + 0.8 (1 - t): equal at 1 - t = 0.8 + 0.2 t,
    # t = 1/6; a relative change is undefined from 0
    assert support.increase is not None
    assert support.increase.new_weight == pytest.approx(1 / 6)
    assert support.increase.relative_change is None


# --- 10. Monte Carlo on the weights --------------------------------------------------------


def test_monte_carlo_is_reproducible_with_the_same_seed():
    sheet = hand_sheet()
    first = monte_carlo_weights(sheet, draws=2_000, concentration=20, seed=42)
    again = monte_carlo_weights(sheet, draws=2_000, concentration=20, seed=42)
    other = monte_carlo_weights(sheet, draws=2_000, concentration=20, seed=43)
    assert first == again
    assert first.probability_first != other.probability_first


def test_monte_carlo_probabilities_sum_to_one():
    result = monte_carlo_weights(hand_sheet(), draws=5_000, concentration=20, seed=7)
    assert math.fsum(result.probability_first.values()) == pytest.approx(1.0)
    for shares in result.rank_probabilities.values():
        assert math.fsum(shares) == pytest.approx(1.0)
    # each draw hands out ranks 1, 2, 3 (no ties here): mean ranks add up to 6
    assert math.fsum(result.mean_rank.values()) == pytest.approx(6.0)
    # Beta, the winner at the chosen weights, is first most often
    assert max(result.probability_first, key=result.probability_first.__getitem__) == "Beta"


def test_monte_carlo_dominant_vendor_always_first():
    criteria = (Criterion("Features", "f", BENEFIT, 0.5), Criterion("Price", "c", COST, 0.5))
    table = {
        "A": {"Features": 5, "Price": 1},
        "B": {"Features": 3, "Price": 2},
        "C": {"Features": 1, "Price": 4},
    }
    # A beats B and C on every criterion, so on every positive weight vector
    result = monte_carlo_weights(sheet_of(criteria, table), draws=3_000, concentration=2)
    assert result.probability_first == {"A": 1.0, "B": 0.0, "C": 0.0}
    assert result.mean_rank == {"A": 1.0, "B": 2.0, "C": 3.0}
    assert result.rank_probabilities["A"] == (1.0, 0.0, 0.0)


def test_monte_carlo_tied_vendors_split_the_first_place():
    criteria = (Criterion("Features", "f", BENEFIT, 0.5), Criterion("Price", "c", COST, 0.5))
    same = {"Features": 4, "Price": 2}
    table = {"A": same, "B": same, "C": {"Features": 1, "Price": 5}}
    result = monte_carlo_weights(sheet_of(criteria, table), draws=1_000)
    # A and B are identical, so tied first in every draw: half a win each
    assert result.probability_first == {"A": 0.5, "B": 0.5, "C": 0.0}
    # tied vendors share the better rank
    assert result.mean_rank == {"A": 1.0, "B": 1.0, "C": 3.0}


def test_monte_carlo_symmetric_vendors_share_the_first_place():
    criteria = (
        Criterion("Features", "f", BENEFIT, 0.5),
        Criterion("Support", "s", BENEFIT, 0.5),
        Criterion("Integration", "i", BENEFIT, 0.0),  # weight 0: never drawn
    )
    table = {
        "A": {"Features": 5, "Support": 0, "Integration": 0},
        "B": {"Features": 0, "Support": 5, "Integration": 5},
    }
    result = monte_carlo_weights(sheet_of(criteria, table), draws=10_000, seed=3)
    # A wins when w_Features > w_Support: probability 1/2 by symmetry of Dirichlet(50, 50);
    # 10 000 draws: standard error 0.005, tolerance 6 standard errors. Had Integration been
    # drawn, B would win more often.
    assert result.probability_first["A"] == pytest.approx(0.5, abs=0.03)


def test_monte_carlo_concentrated_draws_follow_the_weighted_sum():
    # concentration 10^6: each weight moves by about sqrt(0.25 / 10^6) = 0.0005, far less than
    # the 0.037 the Price weight needs to change the winner (see the sensitivity test)
    result = monte_carlo_weights(hand_sheet(), draws=1_000, concentration=1e6)
    assert result.probability_first["Beta"] == 1.0


def test_monte_carlo_bad_parameters():
    with raises_en("at least one draw"):
        monte_carlo_weights(hand_sheet(), draws=0)
    with raises_en("concentration > 0"):
        monte_carlo_weights(hand_sheet(), concentration=0)


def test_compare_vendors_runs_the_monte_carlo_seeded():
    first = compare_vendors(hand_sheet(), draws=500, seed=5).monte_carlo
    assert first is not None
    assert first == compare_vendors(hand_sheet(), draws=500, seed=5).monte_carlo
    assert first.draws == 500


# --- weights from elsewhere (AHP) ----------------------------------------------------------


def test_global_weights_from_a_mapping():
    sheet = hand_sheet().reweighted({"Features": 0.2, "Price": 0.6, "Support": 0.2})
    # Alpha 0.2 x 0.8 + 0.6 x 0.4 + 0.2 x 0.4 = 0.16 + 0.24 + 0.08 = 0.48
    # Beta  0.2 x 0.6 + 0.6 x 0.8 + 0.2 x 0.8 = 0.12 + 0.48 + 0.16 = 0.76
    # Gamma 0.2 x 1.0 + 0.6 x 0.0 + 0.2 x 0.8 = 0.20 + 0.00 + 0.16 = 0.36
    assert weighted_sum(sheet).scores == pytest.approx({"Alpha": 0.48, "Beta": 0.76, "Gamma": 0.36})


def test_global_weights_must_name_every_criterion():
    criteria = hand_sheet().criteria
    with raises_en("none for 'Support'"):
        with_weights(criteria, {"Features": 0.5, "Price": 0.5})
    with raises_en("did you mean 'Price'"):
        with_weights(criteria, {"Features": 0.5, "Prices": 0.3, "Support": 0.2})


# --- bad input -----------------------------------------------------------------------------


def test_score_outside_the_scale():
    table = {"A": {"Features": 6}}  # 6 on a 0-5 scale
    with raises_en("a score between 0 and 5") as caught:
        sheet_of([Criterion("Features", "f", BENEFIT, 1.0)], table)
    assert render(caught.value.found, "en") == "6 for 'A' on 'Features'"
    # no language of its own: written in the reader's (French by default)
    assert str(caught.value) == (
        "une note comprise entre 0 et 5\u202f; trouvé\u00a0: 6 pour «\u202fA\u202f» "
        "sur «\u202fFeatures\u202f»"
    )


def test_score_outside_the_scale_names_its_cell():
    criteria = (Criterion("Features", "f", BENEFIT, 1.0),)
    scores = (Score("A", "Features", 0, source="Scores!C4"),)
    with raises_en(r"^Scores!C4: a score between 1 and 10; found 0 for 'A'") as caught:
        ScoreSheet(criteria, vendors("A"), scores, (1, 10))
    assert (caught.value.sheet, caught.value.cell) == ("Scores", "C4")


def test_missing_score():
    criteria = (Criterion("Features", "f", BENEFIT, 0.5), Criterion("Price", "c", COST, 0.5))
    table = {"A": {"Features": 3, "Price": 2}, "B": {"Features": 4}}
    with raises_en("no score for 'B' on 'Price'") as caught:
        sheet_of(criteria, table)
    assert "not evaluated" in render(caught.value.hint, "en")


def test_missing_score_of_one_evaluator():
    criteria = (Criterion("Features", "f", BENEFIT, 1.0),)
    scores = (
        Score("A", "Features", 3, "Ann"),
        Score("A", "Features", 4, "Bob"),
        Score("B", "Features", 2, "Ann"),  # Bob forgot B
    )
    with raises_en("no score for 'B' on 'Features' by 'Bob'"):
        ScoreSheet(criteria, vendors("A", "B"), scores, (0, 5))


def test_not_evaluated_explicitly_excludes_the_vendor_instead_of_failing():
    criteria = (Criterion("Features", "f", BENEFIT, 0.5), Criterion("Price", "c", COST, 0.5))
    table = {"A": {"Features": 3, "Price": 2}, "B": {"Features": 4, "Price": None}}
    sheet = sheet_of(criteria, table)
    assert sheet.not_evaluated == (("B", "Price"),)
    (exclusion,) = knock_outs(sheet)
    assert (exclusion.vendor, exclusion.reason) == ("B", ExclusionReason.NOT_EVALUATED)
    assert weighted_sum(sheet).ranking == ("A",)


def test_duplicate_vendor():
    criteria = (Criterion("Features", "f", BENEFIT, 1.0),)
    twice = (Vendor("Brevo", MarketType.CAMPAIGN_MANAGER), Vendor("Brevo", MarketType.ECOSYSTEM))
    with raises_en("unique vendor names; found 'Brevo' twice"):
        ScoreSheet(criteria, twice, (Score("Brevo", "Features", 3),), (0, 5))


def test_duplicate_criterion_and_duplicate_score():
    features = Criterion("Features", "f", BENEFIT, 0.5)
    with raises_en("unique criterion names"):
        ScoreSheet((features, features), vendors("A"), (), (0, 5))
    with raises_en("two scores of 'A' on 'Features'"):
        ScoreSheet(
            (dataclasses.replace(features, weight=1.0),),
            vendors("A"),
            (Score("A", "Features", 3), Score("A", "Features", 4)),
            (0, 5),
        )


def test_weights_not_summing_to_one():
    with raises_en(r"weights summing to 1; found a sum of 0\.9") as caught:
        hand_sheet(features=0.4)  # 0.4 + 0.3 + 0.2 = 0.9
    assert "normalise" in render(caught.value.hint, "en")
    assert str(caught.value) == (
        "des poids dont la somme vaut 1\u202f; trouvé\u00a0: une somme de 0,9 (ramenez-les à une "
        "somme de 1\u00a0: divisez chaque poids par leur somme)"
    )
    # rounding of weights computed elsewhere is tolerated (1e-6)
    assert hand_sheet(features=0.5 + 1e-9).weights["Features"] == pytest.approx(0.5)


def test_weights_in_percent():
    with raises_en("a weight between 0 and 1") as caught:
        Criterion("Price", "c", COST, 30)
    assert "fractions" in render(caught.value.hint, "en")


def test_unknown_vendor_or_criterion_in_the_scores():
    criteria = (Criterion("Features", "f", BENEFIT, 1.0),)
    with raises_en("did you mean 'Selligent'"):
        ScoreSheet(criteria, vendors("Selligent"), (Score("Seligent", "Features", 3),), (0, 5))
    with raises_en("did you mean 'Features'"):
        ScoreSheet(criteria, vendors("A"), (Score("A", "Feature", 3),), (0, 5))


def test_amounts_must_be_positive_for_a_cost():
    criteria = (Criterion("TCO", "c", COST, 1.0, measure=AMOUNT),)
    with raises_en("an amount > 0"):
        sheet_of(criteria, {"A": {"TCO": 0}})
    # an amount is not held to the score scale
    assert sheet_of(criteria, {"A": {"TCO": 50_000}}).mean("A", "TCO") == 50_000


def test_knock_out_thresholds_must_fit_the_direction_and_the_scale():
    with raises_en("knock_out_maximum"):
        Criterion("Price", "c", COST, 1.0, knock_out_minimum=2)
    with raises_en("knock_out_minimum"):
        Criterion("Features", "f", BENEFIT, 1.0, knock_out_maximum=2)
    with raises_en("on the scale 0-5"):
        sheet_of(
            [Criterion("Features", "f", BENEFIT, 1.0, knock_out_minimum=7)],
            {"A": {"Features": 3}},
        )


def test_bad_scale():
    with raises_en("low < high"):
        sheet_of([Criterion("Features", "f", BENEFIT, 1.0)], {"A": {"Features": 3}}, (5, 0))


def test_scores_from_table_checks_the_evaluators():
    with raises_en("one score per evaluator"):
        scores_from_table({"A": {"Features": [3, 4]}}, ["Ann"])
    with raises_en("a number"):
        scores_from_table({"A": {"Features": "4"}})  # type: ignore[dict-item]
