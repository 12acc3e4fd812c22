"""Bank holidays by rule and the Act's period arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psti.enforcement import calendar as cal
from psti.errors import UsageError

D = dt.date.fromisoformat


def names(year: int, j: str) -> dict[str, str]:
    return {h.date.isoformat(): h.name for h in cal.holidays(year, j)}  # type: ignore[arg-type]


def test_england_2026_matches_published_list() -> None:
    assert sorted(names(2026, "england-and-wales")) == [
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
    ]


def test_christmas_on_saturday_gives_monday_and_tuesday() -> None:
    # 25 Dec 2027 is a Saturday: substitutes on Mon 27 and Tue 28.
    h = names(2027, "england-and-wales")
    assert "2027-12-27" in h and "2027-12-28" in h and "2027-12-25" not in h


def test_christmas_on_sunday_keeps_boxing_day_and_moves_christmas_to_tuesday() -> None:
    h = names(2022, "england-and-wales")
    assert h["2022-12-26"] == "Boxing Day"
    assert h["2022-12-27"].startswith("Christmas Day")


def test_scotland_rules() -> None:
    h = names(2027, "scotland")
    assert "2027-01-04" in h  # 2 January 2027 is a Saturday -> Monday 4th
    assert "2027-08-02" in h  # summer holiday: first Monday of August
    assert "2027-03-29" not in h  # no Easter Monday in Scotland
    assert h["2027-11-30"] == "St Andrew's Day"
    assert "2026-11-30" in names(2026, "scotland")


def test_northern_ireland_rules_and_substitutes() -> None:
    h = names(2026, "northern-ireland")
    assert "2026-03-17" in h  # St Patrick's Day, a Tuesday
    assert "2026-07-13" in h  # 12 July 2026 is a Sunday -> Monday 13th


def test_one_off_holidays_from_data() -> None:
    e = names(2022, "england-and-wales")
    assert "2022-09-19" in e and "2022-06-03" in e and "2022-06-02" in e
    assert "2022-05-30" not in e  # spring holiday moved for the Platinum Jubilee
    assert "2020-05-08" in names(2020, "scotland") and "2020-05-04" not in names(2020, "scotland")


def test_easter_far_future_by_rule() -> None:
    # Easter Sunday 2100 is 28 March: Good Friday 26 March.
    assert "2100-03-26" in names(2100, "england-and-wales")


def test_working_day_is_any_part_of_uk_by_default() -> None:
    # St Patrick's Day is a bank holiday in NI only, but s.50(9) counts any part of the UK.
    assert not cal.is_working_day(D("2026-03-17"))
    assert cal.is_working_day(D("2026-03-17"), "england-and-wales")
    assert not cal.is_working_day(D("2026-03-21"))  # Saturday


def test_electronic_service_next_working_day_at_nine() -> None:
    # Sent Thursday 2 April 2026 at 23:00 UK time: Good Friday, the weekend and Easter Monday
    # are not working days, so it is given at 09:00 on Tuesday 7 April.
    s = cal.deemed_given(dt.datetime(2026, 4, 2, 22, 0, tzinfo=dt.UTC), "electronic")
    assert s.given_at.date() == D("2026-04-07") and s.given_at.hour == 9
    assert "s.50(8)" in s.basis


def test_electronic_service_uses_uk_local_date() -> None:
    # 23:30 UTC on 31 March 2026 is 00:30 BST on 1 April: the sending day is 1 April.
    s = cal.deemed_given(dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC), "electronic")
    assert s.given_at.date() == D("2026-04-02")


def test_electronic_service_over_christmas_and_new_year() -> None:
    s = cal.deemed_given(dt.datetime(2026, 12, 24, 12, tzinfo=dt.UTC), "electronic")
    assert s.given_at.date() == D("2026-12-29")  # 25 (Fri), 26-27 weekend, 28 substitute
    s = cal.deemed_given(dt.datetime(2026, 12, 31, 12, tzinfo=dt.UTC), "electronic")
    # 1 Jan 2027 (Fri) everywhere; 2 Jan is a Saturday, so Scotland's substitute is Monday 4 Jan
    assert s.given_at.date() == D("2027-01-05")


def test_hand_service_is_immediate_and_post_two_working_days() -> None:
    sent = dt.datetime(2026, 5, 22, 10, tzinfo=dt.UTC)  # Friday before the spring bank holiday
    assert cal.deemed_given(sent, "hand").given_at.date() == D("2026-05-22")
    assert cal.deemed_given(sent, "post").given_at.date() == D("2026-05-27")


@pytest.mark.parametrize(
    ("start", "days", "last"),
    [
        ("2026-03-02", 28, "2026-03-29"),  # 28 days beginning with the day given
        ("2028-02-01", 28, "2028-02-28"),  # leap year: February has 29 days
        ("2028-02-15", 28, "2028-03-13"),  # crosses 29 February 2028
        ("2027-02-15", 28, "2027-03-14"),  # same dates, no leap day
        ("2026-12-20", 10, "2026-12-29"),  # calendar days ignore holidays
    ],
)
def test_period_last_day_beginning_with(start: str, days: int, last: str) -> None:
    assert cal.period_last_day(D(start), days) == D(last)


def test_first_day_after_ten_day_period() -> None:
    # "may not give the notice until the end of the period of 10 days beginning with" 2 March
    assert cal.first_day_after_period(D("2026-03-02"), 10) == D("2026-03-12")


def test_working_day_periods_skip_weekends_and_bank_holidays() -> None:
    # 5 working days beginning with Thursday 2 April 2026: 2, 7, 8, 9, 10 April
    assert cal.period_last_day(D("2026-04-02"), 5, unit="working-days") == D("2026-04-10")
    # beginning on a Saturday: the first working day counts as day one
    assert cal.period_last_day(D("2026-04-04"), 1, unit="working-days") == D("2026-04-07")
    assert cal.add_working_days(D("2028-02-25"), 3) == D("2028-03-01")  # Fri + 3 across 29 Feb


def test_bad_arguments_refused() -> None:
    with pytest.raises(UsageError):
        cal.period_last_day(D("2026-01-01"), 0)
    with pytest.raises(UsageError):
        cal.holiday_dates(2026, "wales")
    with pytest.raises(UsageError):
        cal.add_working_days(D("2026-01-01"), -1)


ONE_OFF_YEARS = {1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023}


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2007, max_value=2400).filter(lambda y: y not in ONE_OFF_YEARS))
def test_every_year_has_the_right_number_of_distinct_weekday_holidays(year: int) -> None:
    for j, count in (("england-and-wales", 8), ("scotland", 9), ("northern-ireland", 10)):
        days = [h.date for h in cal.holidays(year, j)]  # type: ignore[arg-type]
        assert len(days) == count and len(set(days)) == count, (year, j, days)
        assert all(d.weekday() < 5 and d.year in (year, year + 1) for d in days), (year, j)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D("2000-01-01"), max_value=D("2100-12-31")), st.integers(1, 40))
def test_working_day_periods_end_on_working_days(start: dt.date, n: int) -> None:
    last = cal.period_last_day(start, n, unit="working-days")
    assert cal.is_working_day(last) and last >= start
    assert cal.next_working_day(start) > start and cal.is_working_day(cal.next_working_day(start))
