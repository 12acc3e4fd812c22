"""UK bank holidays by rule, working days, and the Act's period arithmetic.

Regular holidays are computed for any year (Easter from the Gregorian computus,
first/last Mondays, substitute days when a fixed-date holiday falls at a weekend);
one-off changes by proclamation are data (`regime/data/enforcement/uk-bank-holidays.toml`).

Act s.50(9): a working day is any day other than a Saturday, a Sunday, Christmas Day,
Good Friday or a bank holiday "in any part of the United Kingdom", so the default
calendar for service is the union of the three jurisdictions (`uk-any`).
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from dateutil.easter import easter
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from psti.errors import RegimeError, UsageError

Jurisdiction = Literal["england-and-wales", "scotland", "northern-ireland"]
JURISDICTIONS: tuple[Jurisdiction, ...] = ("england-and-wales", "scotland", "northern-ireland")
CALENDARS = (*JURISDICTIONS, "uk-any")
LONDON = ZoneInfo("Europe/London")


# ---- one-off changes as data -------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class _Header(_Strict):
    id: str
    citation: str


class Moved(_Strict):
    name: str
    from_: dt.date = Field(alias="from")
    to: dt.date
    jurisdictions: tuple[Jurisdiction, ...]
    why: str = ""


class Extra(_Strict):
    name: str
    date: dt.date
    jurisdictions: tuple[Jurisdiction, ...]
    why: str = ""


class HolidayFile(_Strict):
    calendar: _Header
    moved: tuple[Moved, ...] = ()
    extra: tuple[Extra, ...] = ()


def _default_holiday_file() -> Path:
    return Path(str(resources.files("psti.regime") / "data" / "enforcement" / "uk-bank-holidays.toml"))


@functools.cache
def load_holiday_file(path: Path | None = None) -> HolidayFile:
    path = path or _default_holiday_file()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return HolidayFile.model_validate(raw)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise RegimeError(f"{path}: cannot read bank holiday data: {e}") from e
    except ValidationError as e:
        raise RegimeError(f"{path}: bank holiday data fails validation: {e}") from e


# ---- rules ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Holiday:
    date: dt.date
    name: str
    jurisdiction: Jurisdiction


def _first_monday(year: int, month: int) -> dt.date:
    d = dt.date(year, month, 1)
    return d + dt.timedelta(days=(7 - d.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - dt.timedelta(days=1)
    return d - dt.timedelta(days=d.weekday())


def _with_substitutes(fixed: list[tuple[str, dt.date]]) -> list[tuple[str, dt.date]]:
    """Move weekend holidays to the next weekday not already a holiday, in date order."""
    taken = {d for _, d in fixed if d.weekday() < 5}
    out = [(n, d) for n, d in fixed if d.weekday() < 5]
    for name, d in sorted((x for x in fixed if x[1].weekday() >= 5), key=lambda x: x[1]):
        sub = d
        while sub.weekday() >= 5 or sub in taken:
            sub += dt.timedelta(days=1)
        taken.add(sub)
        out.append((f"{name} (substitute day)", sub))
    return out


def _rule_holidays(year: int, j: Jurisdiction) -> list[tuple[str, dt.date]]:
    e = easter(year)
    days: list[tuple[str, dt.date]] = [("New Year's Day", dt.date(year, 1, 1))]
    if j == "scotland":
        days.append(("2nd January", dt.date(year, 1, 2)))
    if j == "northern-ireland":
        days.append(("St Patrick's Day", dt.date(year, 3, 17)))
        days.append(("Battle of the Boyne (Orangemen's Day)", dt.date(year, 7, 12)))
    if j == "scotland" and year >= 2007:  # St Andrew's Day Bank Holiday (Scotland) Act 2007
        days.append(("St Andrew's Day", dt.date(year, 11, 30)))
    days += [("Christmas Day", dt.date(year, 12, 25)), ("Boxing Day", dt.date(year, 12, 26))]
    out = _with_substitutes(days)
    out.append(("Good Friday", e - dt.timedelta(days=2)))
    if j != "scotland":
        out.append(("Easter Monday", e + dt.timedelta(days=1)))
    if year >= 1978:
        out.append(("Early May bank holiday", _first_monday(year, 5)))
    out.append(("Spring bank holiday", _last_monday(year, 5)))
    if j == "scotland":
        out.append(("Summer bank holiday", _first_monday(year, 8)))
    else:
        out.append(("Summer bank holiday", _last_monday(year, 8)))
    return out


@functools.cache
def holidays(year: int, jurisdiction: Jurisdiction) -> tuple[Holiday, ...]:
    """Every bank and public holiday of one jurisdiction in a year, with one-offs applied."""
    data = load_holiday_file()
    entries = _rule_holidays(year, jurisdiction)
    for m in data.moved:
        if m.from_.year == year and jurisdiction in m.jurisdictions:
            entries = [(n, d) for n, d in entries if d != m.from_]
            entries.append((m.name, m.to))
    for x in data.extra:
        if x.date.year == year and jurisdiction in x.jurisdictions:
            entries.append((x.name, x.date))
    return tuple(sorted((Holiday(d, n, jurisdiction) for n, d in entries), key=lambda h: h.date))


def holiday_dates(year: int, calendar: str = "uk-any") -> dict[dt.date, list[Holiday]]:
    if calendar not in CALENDARS:
        raise UsageError(f"unknown calendar {calendar!r}; choose one of {', '.join(CALENDARS)}")
    js: Iterable[Jurisdiction] = JURISDICTIONS if calendar == "uk-any" else (calendar,)  # type: ignore[assignment]
    out: dict[dt.date, list[Holiday]] = {}
    for j in js:
        for h in holidays(year, j):
            out.setdefault(h.date, []).append(h)
    return out


# ---- working days --------------------------------------------------------------------


def is_working_day(day: dt.date, calendar: str = "uk-any") -> bool:
    return day.weekday() < 5 and day not in holiday_dates(day.year, calendar)


def next_working_day(day: dt.date, calendar: str = "uk-any") -> dt.date:
    """The first working day strictly after `day`."""
    d = day + dt.timedelta(days=1)
    while not is_working_day(d, calendar):
        d += dt.timedelta(days=1)
    return d


def add_working_days(day: dt.date, n: int, calendar: str = "uk-any") -> dt.date:
    """The n-th working day after `day` (n >= 0; n == 0 returns `day`)."""
    if n < 0:
        raise UsageError("a number of working days cannot be negative")
    d = day
    for _ in range(n):
        d = next_working_day(d, calendar)
    return d


# ---- the Act's periods -------------------------------------------------------------

Count = Literal["beginning-with", "after"]
Unit = Literal["days", "working-days", "years"]


def _anniversary(start: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February falls on 1 March in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        if start.year + years > dt.MAXYEAR:
            raise UsageError(
                f"a period of {years} years beginning with {start.isoformat()} runs past the last date "
                f"this calendar can hold ({dt.date.max.isoformat()}); check the date"
            ) from None
        return dt.date(start.year + years, 3, 1)


def period_last_day(
    start: dt.date,
    n: int,
    *,
    count: Count = "beginning-with",
    unit: Unit = "days",
    calendar: str = "uk-any",
) -> dt.date:
    """The last day of a period of n days (or working days, or years) from `start`.

    "the period of N days beginning with the day on which ..." includes the start day,
    so its last day is start + N - 1; "N days after" ends on start + N.
    """
    if n < 1:
        raise UsageError("a period must be at least one day long")
    if unit == "years":
        # "a period of 10 years beginning with" a day ends the day before its tenth anniversary
        end = _anniversary(start, n)
        return end - dt.timedelta(days=1) if count == "beginning-with" else end
    if unit == "days":
        return start + dt.timedelta(days=n - 1 if count == "beginning-with" else n)
    if count == "beginning-with":
        first = start if is_working_day(start, calendar) else next_working_day(start, calendar)
        return add_working_days(first, n - 1, calendar)
    return add_working_days(start, n, calendar)


def first_day_after_period(
    start: dt.date,
    n: int,
    *,
    count: Count = "beginning-with",
    unit: Unit = "days",
    calendar: str = "uk-any",
) -> dt.date:
    """The earliest day on which something may be done 'not until the end of' the period."""
    return period_last_day(start, n, count=count, unit=unit, calendar=calendar) + dt.timedelta(days=1)


ServiceMethod = Literal["hand", "leave", "post", "electronic"]


@dataclass(frozen=True)
class Service:
    sent_at: dt.datetime
    method: ServiceMethod
    given_at: dt.datetime
    basis: str


def deemed_given(sent_at: dt.datetime, method: ServiceMethod, calendar: str = "uk-any") -> Service:
    """When a notice is treated as given (Act s.50).

    Electronic: 09:00 on the working day immediately following the day it was sent
    (s.50(8)). By hand or left at the proper address: when handed or left. By post:
    Interpretation Act 1978 s.7 ("when it would be delivered in the ordinary course of
    post"); this tool presumes the second working day after posting (the first-class
    convention of CPR 6.26), which the recorded delivery date may displace.
    """
    local = sent_at.astimezone(LONDON) if sent_at.tzinfo else sent_at.replace(tzinfo=LONDON)
    if method == "electronic":
        day = next_working_day(local.date(), calendar)
        given = dt.datetime.combine(day, dt.time(9, 0), tzinfo=LONDON)
        basis = "Act s.50(8): 09:00 on the next working day after sending"
    elif method == "post":
        day = add_working_days(local.date(), 2, calendar)
        given = dt.datetime.combine(day, dt.time(9, 0), tzinfo=LONDON)
        basis = (
            "Act s.50(1)(c), Interpretation Act 1978 s.7: presumed delivered on the "
            "second working day after posting, unless the contrary is shown"
        )
    elif method in ("hand", "leave"):
        given = local
        basis = "Act s.50(1)(a)-(b): given when handed over or left at the proper address"
    else:
        raise UsageError(f"unknown service method {method!r}; use hand, leave, post or electronic")
    return Service(sent_at=local, method=method, given_at=given, basis=basis)
