"""The case workflow as data: states, transitions, time limits, notices, penalties.

Read from `regime/data/enforcement/uk-psti-case-workflow.toml` (a subfolder, so the
regime loader, which reads only `data/*.toml`, does not see it). Time limits prefer
the regime's `power` items: when the regime view has an item `power` whose `limits`
carry `key`, that number wins over the fallback `days` in the workflow file.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from psti.enforcement.calendar import first_day_after_period, period_last_day
from psti.enforcement.machine import GUARDS  # guards live beside the code that checks them
from psti.errors import RegimeError, UsageError
from psti.regime import Item, library

WORKFLOW_ENV = "PSTI_CASE_WORKFLOW"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Header(_Strict):
    id: str
    regime: str
    version: str
    title: str
    citation: str
    initial: str
    draft: str
    working_day_calendar: str = "uk-any"


class State(_Strict):
    id: str
    title: str
    text: str = ""
    terminal: bool = False


class Transition(_Strict):
    id: str
    from_: tuple[str, ...] = Field(alias="from", min_length=1)
    to: str
    title: str
    citation: str
    guards: tuple[str, ...] = ()
    on: tuple[str, ...] = ()  # events that apply this transition automatically


class Limit(_Strict):
    id: str
    power: str  # regime item id whose `limits[key]` overrides `days`
    key: str
    days: int = Field(ge=1)
    count: Literal["beginning-with", "after"] = "beginning-with"
    unit: Literal["days", "working-days"] = "days"
    kind: Literal["not-before", "by"]
    urgent_bypass: bool = False
    citation: str


class RequiredContent(_Strict):
    field: str
    heading: str
    citation: str
    # "act": the Act requires it; "policy": psti asks for more than the Act does
    basis: Literal["act", "policy"] = "act"


class Condition(_Strict):
    field: str
    text: str
    citation: str


class NoticeKind(_Strict):
    kind: str
    title: str
    template: str
    citation: str
    intent_limit: str | None = None
    appeal_limit: str | None = None
    response_limit: str | None = None
    enforcement_notice: bool = False
    one_per_breach: bool = False
    one_per_breach_citation: str = ""
    required: tuple[RequiredContent, ...] = ()
    conditions: tuple[Condition, ...] = ()


class PenaltyRules(_Strict):
    fixed_minimum_cap_gbp: Decimal
    revenue_share: Decimal
    daily_max_gbp: Decimal
    power: str
    citation: str
    required_factors: tuple[str, ...]
    factors_citation: str


class AppealRules(_Strict):
    court: str
    grounds: tuple[str, ...]
    grounds_citation: str
    outcomes: tuple[str, ...]
    outcomes_citation: str
    suspensive: bool
    suspensive_citation: str


class Workflow(_Strict):
    workflow: Header
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    limits: tuple[Limit, ...]
    penalty: PenaltyRules
    notices: tuple[NoticeKind, ...]
    appeals: AppealRules

    @model_validator(mode="after")
    def _consistent(self) -> Workflow:
        states = {s.id for s in self.states}
        problems: list[str] = []
        for sid in (self.workflow.initial, self.workflow.draft):
            if sid not in states:
                problems.append(f"workflow names unknown state {sid!r}")
        ids: set[str] = set()
        for t in self.transitions:
            if t.id in ids:
                problems.append(f"transition {t.id!r} appears twice")
            ids.add(t.id)
            for s in (*t.from_, t.to):
                if s not in states:
                    problems.append(f"transition {t.id!r} names unknown state {s!r}")
            for g in t.guards:
                if g not in GUARDS:
                    problems.append(f"transition {t.id!r} names unknown guard {g!r}")
        limit_ids = {lim.id for lim in self.limits}
        for n in self.notices:
            for ref in (n.intent_limit, n.appeal_limit, n.response_limit):
                if ref and ref not in limit_ids:
                    problems.append(f"notice {n.kind!r} names unknown limit {ref!r}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # ---- look-ups ----

    def state(self, sid: str) -> State:
        for s in self.states:
            if s.id == sid:
                return s
        raise RegimeError(f"workflow {self.workflow.id} has no state {sid!r}")

    def transition(self, tid: str) -> Transition | None:
        return next((t for t in self.transitions if t.id == tid), None)

    def transitions_from(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.from_]

    def limit(self, lid: str) -> Limit:
        for lim in self.limits:
            if lim.id == lid:
                return lim
        raise RegimeError(f"workflow {self.workflow.id} has no limit {lid!r}")

    def notice_kind(self, kind: str) -> NoticeKind:
        for n in self.notices:
            if n.kind == kind:
                return n
        known = ", ".join(n.kind for n in self.notices)
        raise UsageError(f"unknown notice kind {kind!r}; known kinds: {known}")


def default_path() -> Path:
    env = os.environ.get(WORKFLOW_ENV)
    if env:
        return Path(env)
    return Path(str(resources.files("psti.regime") / "data" / "enforcement" / "uk-psti-case-workflow.toml"))


def _format(err: ValidationError) -> str:
    out = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"])
        out.append(f"{loc}: {e['msg']}" if loc else e["msg"])
    return "; ".join(out)


def load_workflow(path: Path | None = None) -> Workflow:
    path = path or default_path()
    return _load(path.resolve())


@functools.cache
def _load(path: Path) -> Workflow:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise RegimeError(f"{path}: cannot read case workflow: {e.strerror or e}") from e
    except tomllib.TOMLDecodeError as e:
        raise RegimeError(f"{path}: malformed TOML: {e}") from e
    try:
        return Workflow.model_validate(raw)
    except ValidationError as e:
        raise RegimeError(f"{path}: case workflow fails validation: {_format(e)}") from e


# ---- limits, preferring the regime data ----------------------------------------------


class ResolvedLimit(_Strict):
    limit: Limit
    days: int
    source: str  # "regime:<item id>" or "workflow"
    citation: str


def limit_date(r: ResolvedLimit, start: dt.date, calendar: str = "uk-any", days: int | None = None) -> dt.date:
    """Apply a limit from `start`: the period's last day ("by") or the first day after it
    ("not-before"), counted as the data says (days or working days, beginning with or after)."""
    n = days if days is not None else r.days
    fn = first_day_after_period if r.limit.kind == "not-before" else period_last_day
    return fn(start, n, count=r.limit.count, unit=r.limit.unit, calendar=calendar)


def resolve_limit(wf: Workflow, lid: str, on: dt.date | None = None) -> ResolvedLimit:
    """A time limit, from the regime's power item when it has the number, else the workflow."""
    lim = wf.limit(lid)
    item = _regime_power(wf.workflow.regime, lim.power, on)
    if item is not None and lim.key in item.limits:
        value = item.limits[lim.key]
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return ResolvedLimit(limit=lim, days=value, source=f"regime:{item.id}", citation=item.citation)
    return ResolvedLimit(limit=lim, days=lim.days, source="workflow", citation=lim.citation)


def regime_number(wf: Workflow, power: str, key: str, fallback: Decimal, on: dt.date | None = None) -> Decimal:
    item = _regime_power(wf.workflow.regime, power, on)
    if item is not None and key in item.limits:
        try:
            return Decimal(str(item.limits[key]))
        except ArithmeticError:
            return fallback
    return fallback


def _regime_power(regime: str, item_id: str, on: dt.date | None) -> Item | None:
    """The regime item, or None while the regime data has no such item (or no regime)."""
    try:
        view = library().view(regime, on)
    except RegimeError:
        return None
    item = view.items.get(item_id)
    return item if item is not None and item.kind == "power" else None
