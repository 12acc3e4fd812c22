"""The relevant maximum (Act s.38), the daily cap (s.36(5)) and the s.37 factors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from psti.enforcement.penalty import AccountingPeriod, PenaltyRefused, calculate, relevant_maximum

FACTORS = {"effects-of-breach": "exposed 10,000 homes", "remedy-or-mitigation": "patch shipped late"}
TEN_M = Decimal("10000000.00")


def year(qwr: str, start: str = "2025-01-01", end: str = "2025-12-31") -> AccountingPeriod:
    return AccountingPeriod(dt.date.fromisoformat(start), dt.date.fromisoformat(end), Decimal(qwr))


def test_no_accounting_period_is_ten_million() -> None:
    cap = relevant_maximum(None)
    assert cap.relevant_maximum_gbp == TEN_M and "s.38(5)" in cap.basis


def test_cap_boundary_at_250_million_revenue() -> None:
    # 4% of £250m is exactly £10m: either limb gives the same maximum
    assert relevant_maximum(year("250000000")).relevant_maximum_gbp == TEN_M
    assert relevant_maximum(year("250000025")).relevant_maximum_gbp == Decimal("10000001.00")
    assert relevant_maximum(year("249999999")).relevant_maximum_gbp == TEN_M


def test_fixed_penalty_at_the_cap_allowed_and_a_penny_over_refused() -> None:
    p = year("1000000000")  # 4% = £40m
    assert calculate("40000000", period=p, factors=FACTORS).cap.relevant_maximum_gbp == Decimal("40000000.00")
    with pytest.raises(PenaltyRefused, match=r"above the relevant maximum £40,000,000.00"):
        calculate("40000000.01", period=p, factors=FACTORS)
    assert calculate("10000000", period=None, factors=FACTORS).fixed_gbp == TEN_M
    with pytest.raises(PenaltyRefused, match="s.38"):
        calculate("10000000.01", period=None, factors=FACTORS)


def test_short_period_is_increased_to_twelve_months() -> None:
    # six months (181 days in 2025) of £500m revenue -> annualised 500m * 365/181
    cap = relevant_maximum(year("500000000", "2025-01-01", "2025-06-30"))
    assert cap.qwr_annualised_gbp == (Decimal(500_000_000) * 365 / 181).quantize(Decimal("0.01"))
    assert "increased" in cap.basis
    assert cap.relevant_maximum_gbp > Decimal("40000000")


def test_long_period_is_reduced_and_leap_year_twelve_months_is_366_days() -> None:
    cap = relevant_maximum(year("730000000", "2025-01-01", "2026-12-31"))  # 730 days
    assert cap.qwr_annualised_gbp == Decimal("365000000.00") and "reduced" in cap.basis
    leap = relevant_maximum(year("300000000", "2028-01-01", "2028-12-31"))  # 366 days, 12 months
    assert leap.qwr_annualised_gbp == Decimal("300000000.00") and leap.basis.startswith("12-month")


def test_daily_penalty_cap_and_exclusion_from_maximum() -> None:
    c = calculate("10000000", period=None, factors=FACTORS, daily_gbp="20000")
    assert c.daily_gbp == Decimal("20000.00") and "disregarded" in c.notes[0]
    with pytest.raises(PenaltyRefused, match=r"daily penalty £20,000.01 is above £20,000"):
        calculate("1000", period=None, factors=FACTORS, daily_gbp="20000.01")


def test_factors_required_by_s37() -> None:
    with pytest.raises(PenaltyRefused, match="remedy-or-mitigation.*s.37"):
        calculate("1000", period=None, factors={"effects-of-breach": "x"})


def test_bad_amounts_refused() -> None:
    for bad in ("-5", "ten", "NaN"):
        with pytest.raises(PenaltyRefused):
            calculate(bad, period=None, factors=FACTORS)
    with pytest.raises(PenaltyRefused, match="specified amount"):
        calculate("0", period=None, factors=FACTORS)
    with pytest.raises(PenaltyRefused, match="before it starts"):
        relevant_maximum(year("1", "2025-12-31", "2025-01-01"))
