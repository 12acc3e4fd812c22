"""Typed models for regime data files.

A regime (for example `uk-psti`) is a family of instruments. Each instrument is one
TOML file with an effective date: the original law, then each amendment. The view of
a regime on a date merges every instrument in force on that date, in date order:
items with a new id are added, items with an existing id replace the earlier text,
and ids listed in `revokes` are removed. A Minister's change is therefore a new file.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ItemKind = Literal[
    "definition",  # a term that decides scope or meaning
    "requirement",  # a top-level requirement assessed as a whole (e.g. Sch 1 para 1)
    "provision",  # an assessable sub-provision (e.g. Sch 1 para 1(3)(c), EN 303 645 5.1-1)
    "deemed-route",  # a way of being treated as meeting a requirement (Sch 2 conditions)
    "exception",  # an excepted product (Sch 3)
    "statement-field",  # a required field of the statement of compliance (Sch 4)
    "duty",  # a duty of an economic actor
    "power",  # an enforcement power, with its limits
    "date",  # a key date
    "guideline",  # a voluntary guideline (Code of Practice)
]

Actor = Literal[
    "manufacturer",
    "importer",
    "distributor",
    "authorised-representative",
    "enforcement-authority",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactCondition(_Strict):
    """A test on one declaration fact: `equals`, `in`, or `present`."""

    fact: str
    equals: str | int | bool | None = None
    in_: tuple[str | int | bool, ...] | None = Field(default=None, alias="in")
    present: bool | None = None

    @model_validator(mode="after")
    def _one_test(self) -> FactCondition:
        tests = [
            self.equals is not None,
            self.in_ is not None,
            self.present is not None,
        ]
        if sum(tests) != 1:
            raise ValueError("a fact condition needs exactly one of 'equals', 'in' or 'present'")
        return self


class AllOf(_Strict):
    all: tuple[Condition, ...]


class AnyOf(_Strict):
    any: tuple[Condition, ...]


class NotOf(_Strict):
    not_: Condition = Field(alias="not")


Condition = Annotated[FactCondition | AllOf | AnyOf | NotOf, Field(union_mode="left_to_right")]

AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()


class Fact(_Strict):
    """A fact about a product that scope rules test, with the question that settles it."""

    id: str  # dotted path into the declaration, e.g. "product.cellular"
    question: str
    type: Literal["bool", "enum", "str", "date", "list"] = "bool"
    values: tuple[str, ...] = ()
    citation: str = ""


class Item(_Strict):
    """One item of the law or a standard, in our own words, with its citation."""

    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Za-z0-9().]+)+$")
    kind: ItemKind
    title: str
    text: str
    citation: str
    parent: str | None = None
    # requirements: the provisions that make them up; provisions: the requirement they belong to
    provisions: tuple[str, ...] = ()
    requirement: str | None = None
    # voluntary standards: M (shall) or R (should), and the condition that makes it apply
    status: Literal["M", "R"] | None = None
    condition: str | None = None
    applies_when: Condition | None = None
    # exceptions: the product is excepted `when` holds, unless `unless` holds
    when: Condition | None = None
    unless: Condition | None = None
    # deemed-compliance routes
    satisfies: str | None = None
    requires: tuple[str, ...] = ()
    label: str | None = None
    # statement fields: the declaration field that supplies it
    source: str | None = None
    # duties and powers
    actor: Actor | None = None
    limits: dict[str, Any] = Field(default_factory=dict)
    # key dates
    date: dt.date | None = None
    confidence: Literal["V", "S", "M"] = "V"
    why: str = ""
    how_to_fix: str = ""

    @model_validator(mode="after")
    def _kind_fields(self) -> Item:
        if self.kind == "exception" and self.when is None:
            raise ValueError(f"exception {self.id} needs a 'when' condition")
        if self.kind == "deemed-route" and not self.satisfies:
            raise ValueError(f"deemed-route {self.id} needs 'satisfies'")
        if self.kind == "deemed-route" and not (self.requires or self.label):
            raise ValueError(f"deemed-route {self.id} needs 'requires' or 'label'")
        if self.kind == "date" and self.date is None:
            raise ValueError(f"date item {self.id} needs 'date'")
        if self.kind == "statement-field" and not self.source:
            raise ValueError(f"statement-field {self.id} needs 'source' (a declaration field)")
        return self


class Instrument(_Strict):
    """The header of a regime data file."""

    id: str
    regime: str
    title: str
    kind: Literal["law", "voluntary"]
    effective_from: dt.date
    citation: str
    summary: str = ""
    revokes: tuple[str, ...] = ()


class RegimeFile(_Strict):
    """A whole regime data file as written on disk."""

    instrument: Instrument
    facts: tuple[Fact, ...] = ()
    items: tuple[Item, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> RegimeFile:
        seen: set[str] = set()
        for item in self.items:
            if item.id in seen:
                raise ValueError(f"item id {item.id} appears twice in {self.instrument.id}")
            seen.add(item.id)
        return self
