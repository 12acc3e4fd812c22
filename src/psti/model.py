"""The assessment data model: evidence, findings, verdicts.

These pydantic models are the boundary between collectors, the engine, renderers,
the store and the service. The JSON form of `Assessment` is versioned by
`ASSESSMENT_SCHEMA`; a change that breaks readers bumps the version.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from psti.kinds import FindingKind, kind_by_code

ASSESSMENT_SCHEMA: Literal["psti.assessment/1"] = "psti.assessment/1"


# Lone surrogates: what `os.fsdecode` (surrogateescape) makes of the bytes of a file name
# that is not UTF-8. They cannot be written as UTF-8, so JSON, SARIF, HTML and the terminal
# would all fail on them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape carries it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` made writable as UTF-8: each byte of a name that was not UTF-8 becomes `\\xNN`.

    File names from an image are data: `/etc/p\\xffw` in a report says which file it was
    (a name that already holds a backslash followed by x and two hex digits reads the same).
    """
    if text.isascii():
        return text
    return _SURROGATE.sub(_escape_surrogate, text)


def _printable_data(value: Any) -> Any:
    """`printable` applied to every string (keys too) inside details and attributes."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {_printable_data(k): _printable_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable_data(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_printable_data(v) for v in value)
    return value


Text = Annotated[str, AfterValidator(printable)]
"""Free text that may come from the examined input (file names, page text): always writable."""
Data = Annotated[dict[str, Any], AfterValidator(_printable_data)]


class Verdict(str, enum.Enum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not-applicable"
    NEEDS_EVIDENCE = "needs-evidence"


class Effect(str, enum.Enum):
    """What a finding says about the provisions it names."""

    PASS = "pass"  # evidence that the provision is met
    FAIL = "fail"  # evidence that the provision is not met
    NEEDS_EVIDENCE = "needs-evidence"  # evidence was expected but could not be obtained or is inconclusive
    NOT_APPLICABLE = "not-applicable"  # the provision does not apply to this product
    INFO = "info"  # worth knowing, no bearing on the verdict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Frozen):
    """Where in an evidence item a finding was made. Fill what applies."""

    evidence: Text | None = None  # Evidence.id
    path: Text | None = None  # file inside an image, or a file on disk
    line: int | None = None
    column: int | None = None  # 1-based, with line (a declaration field)
    offset: int | None = None
    url: Text | None = None
    row: int | None = None  # row of a batch file (1-based, header excluded)
    field: Text | None = None  # declaration field path

    def describe(self) -> str:
        parts: list[str] = []
        if self.url:
            parts.append(self.url)
        if self.path:
            parts.append(self.path)
        if self.field:
            parts.append(self.field)
        if self.line is not None:
            parts.append(f"line {self.line}" + (f", column {self.column}" if self.column is not None else ""))
        if self.offset is not None:
            parts.append(f"offset {self.offset:#x}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        return ", ".join(parts)


class Evidence(_Frozen):
    """One thing examined: a declaration, a firmware image, a batch file, a fetched page."""

    id: Text
    kind: str  # declaration | firmware | password-batch | security-txt | web-page | support-period | …
    source: Text  # path or URL as given
    sha256: str | None = None
    size: int | None = None
    captured_at: dt.datetime | None = None
    collector: str
    summary: Text = ""
    attributes: Data = Field(default_factory=dict)


class Finding(_Frozen):
    """An observation by a collector that bears on one or more provisions."""

    kind: str  # stable finding-kind code, documented in docs/findings/
    provisions: tuple[str, ...]
    effect: Effect
    message: Text
    collector: str
    location: Location = Field(default_factory=Location)
    details: Data = Field(default_factory=dict)
    remediation: Text | None = None


# Effects that call for action: the finding carries its kind's how-to-fix text.
_ACTIONABLE = (Effect.FAIL, Effect.NEEDS_EVIDENCE)


def make_finding(
    kind: FindingKind | str,
    effect: Effect,
    message: str,
    *,
    collector: str,
    location: Location | None = None,
    provisions: tuple[str, ...] | None = None,
    details: Mapping[str, Any] | None = None,
    remediation: str | None = None,
) -> Finding:
    """The one way collectors make a finding.

    Provisions default to the kind's. Remediation defaults to the kind's how-to-fix
    text when the finding calls for action (fail, needs evidence) and is absent
    otherwise. Details drop None values and give dates in ISO form, so every finding
    serialises the same way whichever collector made it.
    """
    k = kind if isinstance(kind, FindingKind) else kind_by_code(kind)
    return Finding(
        kind=k.code,
        provisions=k.provisions if provisions is None else provisions,
        effect=effect,
        message=message,
        collector=collector,
        location=location or Location(),
        details={key: (v.isoformat() if isinstance(v, dt.date) else v)
                 for key, v in (details or {}).items() if v is not None},
        remediation=remediation if remediation is not None else (
            k.how_to_fix if effect in _ACTIONABLE else None),
    )


class ProvisionVerdict(_Frozen):
    """The decision on one provision, with the findings it rests on."""

    provision: str
    title: str
    citation: str
    verdict: Verdict
    reason: str
    findings: tuple[int, ...] = ()  # indexes into Assessment.findings


class RouteVerdict(_Frozen):
    """One route to meeting a requirement: Schedule 1 itself or a Schedule 2 condition."""

    route: str  # item id of the route (the requirement itself, or a deemed-compliance condition)
    title: str
    citation: str
    verdict: Verdict
    reason: str
    provisions: tuple[str, ...] = ()


class RequirementVerdict(_Frozen):
    """The decision on one top-level requirement, combining its routes."""

    requirement: str
    title: str
    citation: str
    verdict: Verdict
    reason: str
    routes: tuple[RouteVerdict, ...] = ()


class ScopeDecision(_Frozen):
    """Whether the regime applies to the product, with reasons and open questions."""

    outcome: str  # in-scope | out-of-scope | excepted | undetermined | not-in-force
    summary: str
    reasons: tuple[ScopeReason, ...] = ()
    questions: tuple[str, ...] = ()


class ScopeReason(_Frozen):
    text: str
    citation: str
    item: str | None = None


# What callers wrote for a model or manufacturer nobody gave; stored as "" (not known).
_NOT_GIVEN = ("-", "(not declared)")


def _known(value: str) -> str:
    return "" if value.strip() in _NOT_GIVEN else value


class ProductRef(_Frozen):
    """The product assessed. An empty model or manufacturer means it was not given (a
    scan of a firmware image alone names the product after the image)."""

    name: Text
    model: Annotated[Text, AfterValidator(_known)] = ""
    manufacturer: Annotated[Text, AfterValidator(_known)] = ""
    declaration: Text | None = None
    declaration_sha256: str | None = None

    def describe(self) -> str:
        """"name (model) — manufacturer", leaving out what is not known."""
        text = self.name
        if self.model and self.model != self.name:
            text += f" ({self.model})"
        if self.manufacturer:
            text += f" — {self.manufacturer}"
        return text


class Assessment(BaseModel):
    """A complete assessment. Renderers read this; they never recompute it."""

    model_config = ConfigDict(extra="forbid")

    # Literal, so the JSON Schema pins it (`const`) and another version is refused on load.
    schema_: Literal["psti.assessment/1"] = Field(default=ASSESSMENT_SCHEMA, alias="schema")
    tool_version: str
    regime: str
    regime_versions: tuple[str, ...]
    assessed_on: dt.date
    product: ProductRef
    scope: ScopeDecision
    overall: Verdict
    requirements: tuple[RequirementVerdict, ...] = ()
    provisions: tuple[ProvisionVerdict, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    findings: tuple[Finding, ...] = ()
    # The documentation of every finding kind used above, as SARIF's driver.rules:
    # renderers explain findings from here and never look kinds up themselves.
    kinds: tuple[FindingKind, ...] = ()

    def kind(self, code: str) -> FindingKind | None:
        return next((k for k in self.kinds if k.code == code), None)

    def exit_code(self) -> int:
        return exit_code_for(self.overall)

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)


def exit_code_for(verdict: Verdict) -> int:
    """Exit codes for pipelines: 0 compliant, 1 non-compliant, 3 needs evidence."""
    return {
        Verdict.PASS: 0,
        Verdict.NOT_APPLICABLE: 0,
        Verdict.FAIL: 1,
        Verdict.NEEDS_EVIDENCE: 3,
    }[verdict]


ScopeDecision.model_rebuild()
