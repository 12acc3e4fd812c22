"""Small statistics: chi-square tail probability and entropy estimates (no SciPy needed)."""

from __future__ import annotations

import math

import numpy as np


def _gammainc_lower_series(a: float, x: float) -> float:
    """Regularised lower incomplete gamma P(a, x) by its series (x < a + 1)."""
    term = 1.0 / a
    total = term
    n = a
    for _ in range(10_000):
        n += 1.0
        term *= x / n
        total += term
        if abs(term) < abs(total) * 1e-15:
            break
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _gammainc_upper_cf(a: float, x: float) -> float:
    """Regularised upper incomplete gamma Q(a, x) by Lentz's continued fraction (x >= a + 1)."""
    tiny = 1e-300
    b = x + 1.0 - a
    c = 1.0 / tiny
    d = 1.0 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return math.exp(-x + a * math.log(x) - math.lgamma(a)) * h


def chi2_sf(stat: float, df: int) -> float:
    """P(X >= stat) for X ~ chi-square with df degrees of freedom."""
    if df <= 0:
        return 1.0
    if stat <= 0:
        return 1.0
    a, x = df / 2.0, stat / 2.0
    if x < a + 1.0:
        return max(0.0, 1.0 - _gammainc_lower_series(a, x))
    return _gammainc_upper_cf(a, x)


def chi2_uniform(counts: np.ndarray) -> tuple[float, int, float]:
    """Chi-square test of uniformity over the symbols that occur: (statistic, df, p-value)."""
    observed = counts[counts > 0].astype(np.float64)
    k = observed.size
    if k < 2:
        return 0.0, 0, 1.0
    expected = observed.sum() / k
    stat = float(((observed - expected) ** 2).sum() / expected)
    return stat, k - 1, chi2_sf(stat, k - 1)


def entropy_bits(counts: np.ndarray) -> float:
    """Shannon entropy (bits) of a count vector, with the Miller-Madow bias correction."""
    observed = counts[counts > 0].astype(np.float64)
    n = observed.sum()
    if n <= 0:
        return 0.0
    p = observed / n
    h = float(-(p * np.log2(p)).sum())
    return h + (observed.size - 1) / (2.0 * n * math.log(2)) if observed.size > 1 else h
