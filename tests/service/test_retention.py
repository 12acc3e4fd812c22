"""Registry records are kept for the period the regulations give, counted as they count it."""

from __future__ import annotations

import datetime as dt

from psti.registry.products import ten_years_beginning_with


def test_ten_years_beginning_with_the_issue_date_ends_the_day_before_the_anniversary() -> None:
    # REGS reg 8(a): "a period of 10 years beginning with the date on which the statement ... was issued"
    assert ten_years_beginning_with(dt.date(2026, 3, 1)) == dt.date(2036, 2, 29)
