"""Shared parts of the derivation searches: the sample they look at, the candidates they
propose, and the outcome a candidate has once it has seen every row of the batch.

Each search (dependence, identifiers in clear, formulas, published schemes) looks at a
sample of rows and proposes candidates. A candidate then observes every row of the batch,
column by column, and decides at the end whether the whole batch confirms it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SEPARATORS = str.maketrans("", "", " :-._/")
HEX = frozenset("0123456789abcdef")
MAX_EXAMPLES = 5


def norm(value: str) -> str:
    """An identifier without separators, in lower case."""
    return value.translate(SEPARATORS).lower()


@dataclass
class Sample:
    """Rows for a search: passwords and the identifier and public columns, column-wise."""

    passwords: list[str]
    rows: list[int]  # 1-based row numbers
    columns: dict[str, list[str]]  # column name -> values, identifiers then public columns
    roles: dict[str, str]  # column name -> serial | mac | imei | id | ssid
    public: frozenset[str] = frozenset()  # names of broadcast columns (SSID)
    constants: tuple[str, ...] = ()  # public strings (brand, model) a formula may use

    def __len__(self) -> int:
        return len(self.passwords)

    def identifier_names(self) -> list[str]:
        return [c for c in self.columns if c not in self.public]

    def serial_name(self) -> str | None:
        """The column that orders units: the serial, else the first identifier."""
        for name, role in self.roles.items():
            if role == "serial":
                return name
        ids = self.identifier_names()
        return ids[0] if ids else None


@dataclass
class Shown:
    """An example row of a finding (the password is masked when reported)."""

    row: int
    password: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class Outcome:
    """A confirmed derivation: what it is, how many units, the evidence."""

    kind: str  # finding kind code
    message: str
    units: int
    rows: int
    details: dict[str, Any] = field(default_factory=dict)
    examples: list[Shown] = field(default_factory=list)
    columns: tuple[str, ...] = ()  # the identifier columns it rests on


class Candidate:
    """A derivation proposed by a search; `observe` sees every row, `outcome` decides."""

    key: tuple[Any, ...] = ()
    tests: int = 1  # candidates confirmed together (for a multiple-testing correction)

    def observe(self, passwords: Sequence[str], columns: Mapping[str, Sequence[str]], first: int) -> None:
        raise NotImplementedError

    def outcome(self, sampled: int) -> Outcome | None:
        raise NotImplementedError


class RowRule(Candidate):
    """A candidate that says, row by row, whether the password follows it.

    Confirmed when it explains at least `min_units` rows and `min_share` of the rows where
    its inputs are present.
    """

    inputs: tuple[str, ...] = ()
    min_share: float = 0.001
    min_units: int = 3

    def __init__(self) -> None:
        self.matches = 0
        self.present = 0
        self.examples: list[Shown] = []

    def match(self, password: str, values: tuple[str, ...]) -> bool | None:
        """True or False; None when the row lacks the inputs."""
        raise NotImplementedError

    def observe(self, passwords: Sequence[str], columns: Mapping[str, Sequence[str]], first: int) -> None:
        cols = [columns[c] for c in self.inputs]
        match = self.match
        for i, pw in enumerate(passwords):
            values = tuple(c[i] for c in cols)
            got = match(pw, values)
            if got is None:
                continue
            self.present += 1
            if got:
                self.matches += 1
                if len(self.examples) < MAX_EXAMPLES:
                    self.examples.append(Shown(first + i, pw, dict(zip(self.inputs, values, strict=True))))

    def confirmed(self) -> bool:
        return self.matches >= max(self.min_units, self.min_share * self.present)


def share(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    pct = 100.0 * part / whole
    return "<0.01%" if 0 < pct < 0.01 else f"{pct:.2f}%"
