"""Chi-square tail probabilities and entropy estimates against known values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from psti.evidence.credentials.stats import chi2_sf, chi2_uniform, entropy_bits


@pytest.mark.parametrize(
    ("x", "df", "p"),
    [(3.841459, 1, 0.05), (18.307038, 10, 0.05), (0.0, 5, 1.0), (124.342, 100, 0.05), (2.0, 2, math.exp(-1))],
)
def test_chi2_sf_matches_tables(x: float, df: int, p: float) -> None:
    assert chi2_sf(x, df) == pytest.approx(p, rel=2e-3, abs=1e-12)


def test_chi2_uniform_detects_bias_and_accepts_uniform() -> None:
    rng = np.random.default_rng(1)
    uniform = np.bincount(rng.integers(0, 62, 100_000), minlength=128)
    assert chi2_uniform(uniform)[2] > 1e-4
    biased = uniform.copy()
    biased[0] += 2000
    assert chi2_uniform(biased)[2] < 1e-20


def test_entropy_bits() -> None:
    assert entropy_bits(np.array([1000] * 64)) == pytest.approx(6.0, abs=0.01)
    assert entropy_bits(np.array([5, 0, 0])) == 0.0
