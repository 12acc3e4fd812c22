"""The monetary penalty calculator (Act ss.36-38), from the workflow/regime numbers.

The relevant maximum for one breach is the greater of £10 million and 4% of the
person's qualifying worldwide revenue (QWR) for its most recent complete accounting
period, the QWR pro-rated to 12 months when the period is not 12 months long, and
£10 million when the person has no accounting period (s.38(1), (4), (5)). A daily
penalty of at most £20,000 may be added; it does not count towards the maximum
(s.36(5)-(6)). The amount must be appropriate and proportionate, taking into account
the effects of the breach and any remedy or mitigation (s.37): those factors are
recorded with the calculation and are required.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from dateutil.relativedelta import relativedelta

from psti.enforcement.workflow import Workflow, load_workflow, regime_number
from psti.errors import PstiError

PENNY = Decimal("0.01")


class PenaltyRefused(PstiError):
    """A penalty the Act does not allow: above the maximum, or without the s.37 factors."""


@dataclass(frozen=True)
class AccountingPeriod:
    start: dt.date
    end: dt.date  # inclusive
    qwr_gbp: Decimal
    estimated: bool = False  # s.38(2): first accounting period not yet ended

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def twelve_month_days(self) -> int:
        return ((self.start + relativedelta(years=1)) - self.start).days


@dataclass(frozen=True)
class Factor:
    id: str
    text: str


@dataclass(frozen=True)
class Cap:
    relevant_maximum_gbp: Decimal
    fixed_floor_gbp: Decimal
    revenue_share: Decimal
    qwr_annualised_gbp: Decimal | None
    basis: str
    daily_max_gbp: Decimal
    citation: str


@dataclass(frozen=True)
class PenaltyCalculation:
    fixed_gbp: Decimal
    daily_gbp: Decimal
    cap: Cap
    factors: tuple[Factor, ...]
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        return _jsonable(d)  # type: ignore[return-value]


def _jsonable(o: object) -> object:
    if isinstance(o, Decimal):
        return str(o)
    if isinstance(o, dict):
        return {k: _jsonable(v) for k, v in o.items()}
    if isinstance(o, list | tuple):
        return [_jsonable(v) for v in o]
    return o


def money(value: str | int | Decimal, what: str = "amount") -> Decimal:
    """A sum of money in pounds from user input: non-negative, to the penny."""
    try:
        d = Decimal(str(value).replace(",", "").replace("£", "").strip())
    except InvalidOperation:
        raise PenaltyRefused(f"{what}: {value!r} is not an amount of money in pounds") from None
    if not d.is_finite() or d < 0:
        raise PenaltyRefused(f"{what}: {value!r} must be a non-negative amount in pounds")
    return d.quantize(PENNY, rounding=ROUND_HALF_UP)


def relevant_maximum(period: AccountingPeriod | None, wf: Workflow | None = None, on: dt.date | None = None) -> Cap:
    """The s.38 relevant maximum for one breach."""
    wf = wf or load_workflow()
    rules = wf.penalty
    floor = regime_number(wf, rules.power, "cap_gbp", rules.fixed_minimum_cap_gbp, on).quantize(PENNY)
    share = regime_number(wf, rules.power, "cap_revenue_fraction", rules.revenue_share, on)
    daily = regime_number(wf, "PSTI-ACT-s36", "daily_max_gbp", rules.daily_max_gbp, on).quantize(PENNY)
    if period is None:
        return Cap(
            floor,
            floor,
            share,
            None,
            "no accounting period: £10 million (s.38(5))",
            daily,
            rules.citation,
        )
    if period.end < period.start:
        raise PenaltyRefused(f"accounting period ends ({period.end}) before it starts ({period.start})")
    qwr = money(period.qwr_gbp, "qualifying worldwide revenue")
    twelve = period.twelve_month_days
    if period.days == twelve:
        annual = qwr
        basis = "12-month accounting period"
    else:
        annual = (qwr * Decimal(twelve) / Decimal(period.days)).quantize(PENNY, rounding=ROUND_HALF_UP)
        direction = "increased" if period.days < twelve else "reduced"
        basis = (
            f"{period.days}-day accounting period: QWR proportionately {direction} to 12 months "
            f"({twelve} days) (s.38(4))"
        )
    if period.estimated:
        basis += "; QWR estimated by the Secretary of State, first period not ended (s.38(2))"
    share_amount = (annual * share).quantize(PENNY, rounding=ROUND_HALF_UP)
    maximum = max(floor, share_amount)
    which = "4% of QWR" if share_amount > floor else "£10 million"
    return Cap(maximum, floor, share, annual, f"{basis}; the greater is {which}", daily, rules.citation)


def calculate(
    fixed_gbp: str | Decimal,
    *,
    period: AccountingPeriod | None,
    factors: dict[str, str],
    daily_gbp: str | Decimal = "0",
    wf: Workflow | None = None,
    on: dt.date | None = None,
) -> PenaltyCalculation:
    """Check a proposed penalty against the maximum and the s.37 factors; refuse if it fails."""
    wf = wf or load_workflow()
    fixed = money(fixed_gbp, "fixed penalty")
    daily = money(daily_gbp, "daily penalty")
    cap = relevant_maximum(period, wf, on)
    problems: list[str] = []
    if fixed > cap.relevant_maximum_gbp:
        problems.append(
            f"fixed penalty £{fixed:,} is above the relevant maximum £{cap.relevant_maximum_gbp:,} "
            f"({cap.basis}; {cap.citation})"
        )
    if daily > cap.daily_max_gbp:
        problems.append(f"daily penalty £{daily:,} is above £{cap.daily_max_gbp:,} a day (Act s.36(5))")
    if fixed == 0:
        problems.append("a penalty notice must require payment of a specified amount (Act s.36(2))")
    missing = [f for f in wf.penalty.required_factors if not (factors.get(f) or "").strip()]
    if missing:
        problems.append(
            f"matters not recorded: {', '.join(missing)} (the Secretary of State must take them into "
            f"account, {wf.penalty.factors_citation})"
        )
    if problems:
        raise PenaltyRefused("penalty refused: " + "; ".join(problems))
    notes = ("daily penalties are disregarded for the maximum (Act s.36(6))",) if daily else ()
    return PenaltyCalculation(
        fixed_gbp=fixed,
        daily_gbp=daily,
        cap=cap,
        factors=tuple(Factor(k, v.strip()) for k, v in factors.items() if v and v.strip()),
        notes=notes,
    )
