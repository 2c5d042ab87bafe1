"""Beta-PERT (crmwb.core.uncertainty) against closed forms a consultant can recompute by hand.

PERT(a, m, b), lambda = 4 (Malcolm et al. 1959; Vose 2008): alpha = 1 + 4 (m - a) / (b - a),
beta = 1 + 4 (b - m) / (b - a), mean (a + 4m + b) / 6, variance (mean - a)(b - mean) / 7.
Statistical tolerances are about 5 standard errors of the estimate, so that a correct sampler
fails about once in a million runs, while a wrong distribution (a triangular one, say) fails.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from messages import raises_en

from crmwb.core.errors import InputError
from crmwb.core.uncertainty import (
    Bands,
    Percentiles,
    Pert,
    _beta_by_table,
    generator,
    percentile_bands,
    percentiles,
    sample_pert,
    sample_perts,
)

N = 200_000

# --- closed forms ------------------------------------------------------------------------


def test_pert_mean_variance_alpha_beta_by_hand():
    p = Pert(10, 20, 60)
    # mean = (10 + 4 x 20 + 60) / 6 = 150 / 6 = 25
    assert p.mean == pytest.approx(25)
    # variance = (25 - 10)(60 - 25) / 7 = 15 x 35 / 7 = 75
    assert p.variance == pytest.approx(75)
    assert p.std == pytest.approx(math.sqrt(75))
    # alpha = 1 + 4 (20 - 10) / (60 - 10) = 1 + 40 / 50 = 1.8
    assert p.alpha == pytest.approx(1.8)
    # beta = 1 + 4 (60 - 20) / (60 - 10) = 1 + 160 / 50 = 4.2
    assert p.beta == pytest.approx(4.2)


def test_pert_variance_is_the_stretched_beta_variance():
    p = Pert(10, 20, 60)
    a, b = p.alpha, p.beta
    # Beta(1.8, 4.2) variance x (60 - 10)^2 = 1.8 x 4.2 / (6^2 x 7) x 2500 = 0.03 x 2500 = 75
    assert a * b / ((a + b) ** 2 * (a + b + 1)) * 50**2 == pytest.approx(p.variance)
    # Beta mean stretched: 10 + 50 x 1.8 / 6 = 10 + 15 = 25
    assert 10 + 50 * a / (a + b) == pytest.approx(p.mean)


def test_pert_is_not_a_triangular():
    # a triangular (10, 20, 60) would have mean (10 + 20 + 60) / 3 = 30, not 25
    assert Pert(10, 20, 60).mean != pytest.approx(30)


def test_modified_pert_shape():
    p = Pert(0, 1, 5, shape=2)
    # mean = (0 + 2 x 1 + 5) / (2 + 2) = 7 / 4 = 1.75
    assert p.mean == pytest.approx(1.75)
    # variance = (1.75 - 0)(5 - 1.75) / (2 + 3) = 1.75 x 3.25 / 5 = 1.1375
    assert p.variance == pytest.approx(1.1375)
    # alpha = 1 + 2 x 1 / 5 = 1.4; beta = 1 + 2 x 4 / 5 = 2.6
    assert (p.alpha, p.beta) == (pytest.approx(1.4), pytest.approx(2.6))


def test_symmetric_pert():
    p = Pert(0, 50, 100)
    # alpha = beta = 1 + 4 x 50 / 100 = 3; mean 50; variance 50 x 50 / 7 = 357.14...
    assert (p.alpha, p.beta, p.mean) == (3, 3, 50)
    assert p.variance == pytest.approx(2500 / 7)


# --- sampling ----------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["table", "numpy"])
def test_sample_mean_and_variance_close_to_theory(method):
    draws = Pert(10, 20, 60).sample(N, seed=2026, method=method)
    # standard error of the mean: sqrt(75 / 200 000) = 0.0194; 5 SE < 0.1
    assert draws.mean() == pytest.approx(25, abs=0.1)
    # Beta(1.8, 4.2) has kurtosis 2.78, so the variance's standard error is
    # 75 x sqrt((2.78 - 1) / 200 000) = 0.224; 5 SE < 1.2
    assert draws.var() == pytest.approx(75, abs=1.2)
    assert draws.min() >= 10
    assert draws.max() <= 60


@pytest.mark.parametrize("method", ["table", "numpy"])
def test_sample_follows_the_beta_distribution_function(method):
    draws = Pert(0, 50, 100).sample(N, seed=5, method=method)
    # Beta(3, 3): F(x) = 10x^3 - 15x^4 + 6x^5; F(0.25) = 0.15625 - 0.05859 + 0.00586 = 0.10352
    # (a triangular (0, 50, 100) would give 0.125). SE = sqrt(0.1035 x 0.8965 / 200 000)
    # = 0.00068; 5 SE = 0.0035
    assert np.mean(draws <= 25) == pytest.approx(0.103515625, abs=0.0035)
    # F(0.5) = 0.5 by symmetry; SE = sqrt(0.25 / 200 000) = 0.0011; 5 SE = 0.0056
    assert np.mean(draws <= 50) == pytest.approx(0.5, abs=0.0056)


@pytest.mark.parametrize(
    ("estimate", "cdf"),
    [
        (Pert(0, 50, 100), lambda x: 10 * x**3 - 15 * x**4 + 6 * x**5),  # Beta(3, 3)
        (Pert(0, 100, 100), lambda x: x**5),  # Beta(5, 1): most likely = high
        (Pert(0, 0, 100), lambda x: 1 - (1 - x) ** 5),  # Beta(1, 5): most likely = low
    ],
)
def test_inverse_transform_is_accurate_to_the_tails(estimate, cdf):
    # Deterministic check of the table sampler: for evenly spread probabilities u (including
    # the first and last cells of the table, u < 1/4096 and u > 4095/4096), the draw x must
    # satisfy F(x) = u, with F the closed-form Beta distribution function.
    u = np.concatenate([np.linspace(1e-7, 1 - 1e-7, 100_001), [1e-6, 1e-5, 1 - 1e-5]])
    alpha, beta = np.array([estimate.alpha]), np.array([estimate.beta])
    x = _beta_by_table(alpha, beta, u.copy()[None, :])[0]
    assert np.abs(cdf(x) - u).max() < 5e-6
    assert np.all(np.diff(x[:100_001]) >= 0)  # increasing: a quantile function


def test_same_seed_same_numbers_different_seeds_differ():
    a = sample_pert([10, 0], [20, 1], [60, 3], 1000, seed=42)
    b = sample_pert([10, 0], [20, 1], [60, 3], 1000, seed=42)
    c = sample_pert([10, 0], [20, 1], [60, 3], 1000, seed=43)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_a_generator_continues_its_stream():
    rng = np.random.default_rng(7)
    first = Pert(0, 1, 2).sample(10, rng)
    second = Pert(0, 1, 2).sample(10, rng)
    assert not np.array_equal(first, second)
    # and the whole stream is reproducible from the seed
    again = np.random.default_rng(7)
    assert np.array_equal(first, Pert(0, 1, 2).sample(10, again))


def test_many_amounts_at_once_shape_and_independent_means():
    estimates = [Pert(10, 20, 60), Pert(0, 50, 100), Pert(1, 1, 1), Pert(0.9, 1.0, 1.3)]
    draws = sample_perts(estimates, N, seed=11)
    assert draws.shape == (N, 4)
    # means: 25; 50; 1; (0.9 + 4 + 1.3) / 6 = 1.0333; 5 SE of each is below the tolerances
    expected = [25, 50, 1, 6.2 / 6]
    tolerances = [0.1, 0.25, 1e-12, 0.001]  # SE: 0.019, 0.042, 0, sqrt(0.0136/N)=0.00026
    for k in range(4):
        assert draws[:, k].mean() == pytest.approx(expected[k], abs=tolerances[k])
    # independent columns: correlation within 5 / sqrt(N) = 0.011
    assert abs(np.corrcoef(draws[:, 0], draws[:, 1])[0, 1]) < 0.011


def test_broadcast_shapes():
    draws = sample_pert(np.zeros((2, 3)), 1.0, 2.0, 5, seed=0)
    assert draws.shape == (5, 2, 3)
    assert sample_pert(0, 1, 2, 7, seed=0).shape == (7,)


# --- degenerate and bad input ------------------------------------------------------------


@pytest.mark.parametrize("method", ["table", "numpy"])
def test_degenerate_estimate_is_a_certain_amount(method):
    p = Pert(5, 5, 5)
    assert p.is_degenerate
    assert (p.mean, p.variance) == (5, 0)
    assert math.isnan(p.alpha) and math.isnan(p.beta)
    assert np.all(p.sample(1000, seed=1, method=method) == 5)
    mixed = sample_perts([Pert(5, 5, 5), Pert(0, 1, 2)], 100, seed=1, method=method)
    assert np.all(mixed[:, 0] == 5)
    assert mixed[:, 1].std() > 0


@pytest.mark.parametrize(
    ("low", "mode", "high"),
    [(30, 20, 60), (10, 70, 60), (10, 20, 5)],
    ids=["low above most likely", "most likely above high", "high below low"],
)
def test_bad_order_is_an_input_error(low, mode, high):
    with pytest.raises(InputError) as err:
        Pert(low, mode, high)
    assert err.value.message("en") == (
        f"low <= most likely <= high; found low {low}, most likely {mode}, high {high}"
    )
    assert str(err.value) == (  # no language of its own: the default, French
        f"minimum ≤ plus probable ≤ maximum\u202f; trouvé\u00a0: minimum {low}, "
        f"plus probable {mode}, maximum {high}"
    )


def test_other_bad_inputs():
    with raises_en("finite numbers"):
        Pert(0, math.nan, 1)
    with raises_en("lambda"):
        Pert(0, 1, 2, shape=0)
    with pytest.raises(InputError) as err:
        sample_pert([0, 30], [1, 20], [2, 60], 10, seed=0)
    assert err.value.message("en").startswith("amount 1: low <= most likely <= high")
    with raises_en("number of draws"):
        sample_pert(0, 1, 2, 0, seed=0)
    with raises_en("sampling method"):
        sample_pert(0, 1, 2, 10, seed=0, method="exact")  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [None, 1.5, True, "42"])
def test_seed_must_be_an_int_or_a_generator(seed):
    with raises_en("integer seed"):
        generator(seed)


# --- percentiles -------------------------------------------------------------------------


def test_percentiles_by_hand():
    # 11 values 1..11: position (11 - 1) x 0.10 = 1 -> 2; x 0.5 = 5 -> 6; x 0.9 = 9 -> 10
    assert percentiles(range(1, 12)) == Percentiles(2.0, 6.0, 10.0)
    # [0, 10]: linear between the two, 1, 5, 9 (Excel's PERCENTILE.INC gives the same)
    assert percentiles([10, 0]) == Percentiles(1.0, 5.0, 9.0)


def test_percentiles_match_numpy_linear_method():
    values = np.random.default_rng(3).normal(size=10_001)
    ours = percentiles(values)
    assert (ours.p10, ours.p50, ours.p90) == pytest.approx(np.percentile(values, [10, 50, 90]))
    table = np.random.default_rng(4).normal(size=(999, 4))
    table[:, 2] = 7.0  # a certain column
    bands = percentile_bands(table)
    expected = np.percentile(table, [10, 50, 90], axis=0)
    for got, want in zip((bands.p10, bands.p50, bands.p90), expected, strict=True):
        assert got == pytest.approx(tuple(want))
    assert bands.p10[2] == bands.p90[2] == 7.0


def test_percentile_bands_by_hand():
    assert percentile_bands([[0, 100], [10, 200]]) == Bands(
        (1.0, 110.0), (5.0, 150.0), (9.0, 190.0)
    )


def test_percentiles_bad_shapes():
    with pytest.raises(InputError):
        percentiles([])
    with pytest.raises(InputError):
        percentiles([[1, 2]])
    with pytest.raises(InputError):
        percentile_bands([1, 2, 3])
