"""The statement of compliance (Act s.9, REGS reg 7 and Sch 4).

The fields a statement must carry come from the regime data: every item of kind
`statement-field`, whose `source` names the declaration field(s) that supply it.
Source grammar: comma-separated paths that must all be present; `a|b` means either
will do; a trailing `?` marks a path that is needed only where applicable
("where applicable" in Sch 4 para 1(1)(b) and 1(2)). Nothing about which fields exist
is hard-coded here, so an amendment to Sch 4 is a data change.

A statement is issued only from an assessment with no fail or needs-evidence verdict,
unless it is a draft. Each refusal is its own small check below (`_refuse_*`), and the
support period it gives is the one correct on first supply
(`support_period_at_first_supply`). Its JSON body carries the sha256 of the assessment it
rests on and is signed with Ed25519 over canonical JSON (see `signing`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from psti import strictjson
from psti.declaration import Declaration, LoadedDeclaration, SupportPeriod, locate
from psti.documents import signing
from psti.enforcement.calendar import period_last_day
from psti.errors import InputError, Problem, PstiError
from psti.inputfile import read_regular
from psti.model import Assessment, Verdict
from psti.regime import Item, RegimeView, library

STATEMENT_SCHEMA: Literal["psti.statement/1"] = "psti.statement/1"
RETENTION_YEARS = 10  # REGS reg 8(a): ten years from issue, or the support period if longer
BLOCKING = (Verdict.FAIL, Verdict.NEEDS_EVIDENCE)
# Sch 4 para 1(1)(f) and (g) each name two things; regime data may name only the first
# as the source, so the second is required with it.
COMPANIONS = {"statement.signatory": ("statement.function",), "statement.place": ("statement.date",)}
# Declaration sections needed only when a requirement is met through Schedule 2.
SCHEDULE_2_ONLY = ("deemed_compliance.",)
MAX_STATEMENT_BYTES = 2 * 1024 * 1024
STATEMENT_DUTY = "PSTI-ACT-s9"  # the duty Schedule 2A routes are deemed to satisfy


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PartyOut(_Model):
    name: str
    address: str
    country: str | None = None


class ProductOut(_Model):
    name: str
    type: str
    model: str
    brand: str | None = None
    batches: tuple[str, ...] = ()
    serial_ranges: tuple[str, ...] = ()


class StandardOut(_Model):
    id: str
    version: str
    date: dt.date
    provisions: tuple[str, ...] = ()

    def describe(self) -> str:
        text = f"{self.id} {self.version} ({self.date.isoformat()})"
        return text + (f", provisions {', '.join(self.provisions)}" if self.provisions else "")


class RequirementOut(_Model):
    id: str
    title: str
    citation: str
    verdict: Verdict
    route: str  # the item id of the route relied on
    route_kind: Literal["schedule-1", "schedule-2", "none"]
    route_title: str


class FieldOut(_Model):
    """One Schedule 4 field as the regime names it, with the value the statement gives."""

    id: str
    title: str
    citation: str
    source: str
    value: str


class AssessmentRef(_Model):
    sha256: str  # of the assessment's canonical JSON
    schema_: str = Field(alias="schema")
    assessed_on: dt.date
    overall: Verdict
    tool_version: str
    regime_versions: tuple[str, ...]
    file: str | None = None  # name of the copy written beside the statement

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class BundleRef(_Model):
    """The evidence bundle (`psti bundle`) the statement's assessment can be re-run from."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")  # of the .pstib file
    file: str | None = None  # its name, when kept beside the statement


class StatementBody(_Model):
    """Everything that is signed."""

    schema_: Literal["psti.statement/1"] = Field(default=STATEMENT_SCHEMA, alias="schema")
    id: str
    draft: bool
    regime: str
    regime_versions: tuple[str, ...]
    issued_on: dt.date
    place: str | None
    product: ProductOut
    manufacturers: tuple[PartyOut, ...] = Field(min_length=1)
    authorised_representatives: tuple[PartyOut, ...] = ()
    prepared_by: str
    compliance_declaration: str
    requirements: tuple[RequirementOut, ...]
    support_period_end: dt.date | None
    support_period_text: str | None = None
    standards: tuple[StandardOut, ...] = ()
    signatory_name: str | None
    signatory_function: str | None
    online_url: str | None = None
    retention_until: dt.date
    # Schedule 2A: set when a current label already meets the statement duty (reg 4A)
    statement_duty_deemed_met: str | None = None
    assessment: AssessmentRef
    declaration_sha256: str | None = None
    fields: tuple[FieldOut, ...]
    # Added after psti.statement/1 was first issued: absent (not null) when there is no bundle,
    # so statements without one read and verify exactly as before.
    bundle: BundleRef | None = Field(default=None, exclude_if=lambda v: v is None)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Signature(_Model):
    algorithm: Literal["Ed25519"]
    key_id: str
    public_key: str
    value: str


class SignedStatement(_Model):
    statement: StatementBody
    signature: Signature | None = None

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False) + "\n"

    def body_dict(self) -> dict[str, Any]:
        return self.statement.model_dump(mode="json", by_alias=True)

    @property
    def sha256(self) -> str:
        return signing.sha256_hex(signing.canonical_json(self.body_dict()))


class StatementRefused(PstiError):
    """The assessment does not support a statement of compliance."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# --------------------------------------------------------------------------- helpers


def assessment_sha256(assessment: Assessment) -> str:
    return signing.sha256_hex(signing.canonical_json(assessment.model_dump(mode="json", by_alias=True)))


def retention_until(issued_on: dt.date, support_end: dt.date | None) -> dt.date:
    """REGS reg 8: keep the statement for whichever is longer of (a) "a period of 10 years
    beginning with the date on which the statement of compliance was issued" (so issued on
    1 March 2026, kept until 29 February 2036) and (b) the support period it sets out."""
    ten = period_last_day(issued_on, RETENTION_YEARS, count="beginning-with", unit="years")
    return max(ten, support_end) if support_end else ten


def statement_fields(view: RegimeView) -> list[Item]:
    items = view.of_kind("statement-field")
    return sorted(items, key=lambda i: _natural(i.id))


def _natural(text: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


@dataclass(frozen=True)
class _Path:
    alternatives: tuple[str, ...]
    optional: bool


def parse_source(source: str) -> list[_Path]:
    out = []
    for part in source.split(","):
        part = part.strip()
        if not part:
            continue
        optional = part.endswith("?")
        alts = tuple(a.strip() for a in part.rstrip("?").split("|") if a.strip())
        out.append(_Path(alts, optional))
    return out


_MISSING = object()


def resolve(data: Any, dotted: str) -> Any:
    """Follow a dotted path through a dumped declaration; lists fan out."""
    cur = data
    for name in dotted.split("."):
        if isinstance(cur, list | tuple):
            vals = [resolve(c, name) for c in cur]
            return [v for v in vals if v is not _MISSING]
        if not isinstance(cur, dict) or name not in cur:
            return _MISSING
        cur = cur[name]
    return cur


def _known_path(dotted: str) -> bool:
    """Is `dotted` a field of the declaration schema at all? (Catches regime-data typos.)"""
    model: Any = Declaration
    for name in dotted.split("."):
        fields = getattr(model, "model_fields", None)
        if fields is None:
            return False
        by_alias = {(f.alias or n): f for n, f in fields.items()}
        f = fields.get(name) or by_alias.get(name)
        if f is None:
            return False
        model = _inner_model(f.annotation)
    return True


def _inner_model(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", ())
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for a in args:
        m = _inner_model(a)
        if m is not None:
            return m
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _malformed(path: str, value: Any) -> str | None:
    """Why a present value is not well-formed, or None."""
    if isinstance(value, str):
        if not value.strip():
            return "is blank"
        if _CONTROL.search(value):
            return "contains control characters"
        if path.endswith("url") and not re.match(r"^https://[^\s/]+\.[^\s]+$", value):
            return f"is not an https:// URL ({value!r})"
        return None
    if isinstance(value, dict):
        if {"name", "address"} <= set(value):
            for k in ("name", "address"):
                why = _malformed(k, value[k])
                if why:
                    return f"{k} {why}"
        return None
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            why = _malformed(path, v)
            if why:
                return f"[{i}] {why}"
    return None


def _empty(value: Any) -> bool:
    return value is _MISSING or value is None or value == [] or value == () or value == {}


def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(_show(v) for v in value)
    if isinstance(value, dict):
        if "name" in value and "address" in value:
            return f"{value['name']}, {value['address']}"
        if "first" in value and "last" in value:
            return f"serial numbers {value['first']} to {value['last']}"
        if {"id", "version", "date"} <= set(value):
            return f"{value['id']} {value['version']} ({value['date']})"
        return ", ".join(f"{k}: {_show(v)}" for k, v in value.items() if not _empty(v))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class FieldCheck:
    item: Item
    value: str
    problems: tuple[tuple[str, str], ...]  # (declaration path, what is wrong)


def check_fields(
    declaration: Declaration,
    fields: Iterable[Item],
    issued_on: dt.date,
    relies_on_schedule_2: bool = False,
    support_end: dt.date | None = None,
) -> list[FieldCheck]:
    """Resolve every statement field against the declaration; say what is missing or malformed.

    `support_end` is the defined support period the statement gives (the one correct on first
    supply, see `support_period_at_first_supply`): a field whose source is
    `support_period.end_date` shows it, so the field table says what the statement says."""
    data = declaration.model_dump(mode="json", by_alias=True)
    data.setdefault("statement", {})
    if not data["statement"].get("date"):
        data["statement"]["date"] = issued_on.isoformat()  # the date of issue is today's
    if support_end is not None:
        data.setdefault("support_period", {})["end_date"] = support_end.isoformat()
    out = []
    for item in fields:
        assert item.source is not None  # the regime model enforces it for statement fields
        shown: list[str] = []
        problems: list[tuple[str, str]] = []
        paths = parse_source(item.source)
        for path in list(paths):
            for a in path.alternatives:
                extra = [_Path((c,), path.optional) for c in COMPANIONS.get(a, ())]
                paths += [e for e in extra if e.alternatives not in [q.alternatives for q in paths]]
        for path in paths:
            unknown = [a for a in path.alternatives if not _known_path(a)]
            if unknown:
                problems.append(
                    (
                        "",
                        f"regime data names unknown declaration field {', '.join(unknown)} as the source of {item.id}",
                    )
                )
                continue
            optional = path.optional or (
                not relies_on_schedule_2 and all(a.startswith(SCHEDULE_2_ONLY) for a in path.alternatives)
            )
            found = [(a, resolve(data, a)) for a in path.alternatives]
            present = [(a, v) for a, v in found if not _empty(v)]
            if not present:
                if not optional:
                    names = " or ".join(f"`{a}`" for a in path.alternatives)
                    problems.append((path.alternatives[0], f"missing: set {names} in the declaration"))
                continue
            for a, v in present:
                why = _malformed(a, v)
                if why:
                    problems.append((a, f"`{a}` {why}"))
                else:
                    shown.append(_show(v))
        out.append(FieldCheck(item, "; ".join(x for x in shown if x), tuple(problems)))
    return out


# --------------------------------------------------------------------------- building


def blockers(assessment: Assessment) -> list[str]:
    """Requirements (or provisions) whose verdict forbids issuing, described for a person."""
    out = []
    for req in assessment.requirements:
        if req.verdict in BLOCKING:
            out.append(f"{req.requirement} ({req.title}): {req.verdict.value} — {req.reason}")
    if not assessment.requirements:
        for pv in assessment.provisions:
            if pv.verdict in BLOCKING:
                out.append(f"{pv.provision} ({pv.title}): {pv.verdict.value} — {pv.reason}")
    if not out and not assessment.requirements and assessment.overall in BLOCKING:
        out.append(f"overall verdict: {assessment.overall.value}")
    return out


RouteKind = Literal["schedule-1", "schedule-2", "none"]


def _route_of(req: Any) -> tuple[str, RouteKind, str]:
    """The route a requirement is met by: Schedule 1 itself first, then a Schedule 2 condition."""
    wanted = (Verdict.PASS,) if req.verdict is not Verdict.NOT_APPLICABLE else (Verdict.NOT_APPLICABLE,)
    for route in req.routes:
        if route.verdict in wanted:
            kind: RouteKind = "schedule-1" if route.route == req.requirement else "schedule-2"
            return route.route, kind, route.title
    return req.requirement, "none", ""


def _compliance_text(reqs: list[RequirementOut], names: str) -> str:
    sch1 = [r.id for r in reqs if r.route_kind == "schedule-1"]
    sch2 = [r for r in reqs if r.route_kind == "schedule-2"]
    parts = []
    if sch1 or not sch2:
        parts.append(
            "has complied with the applicable security requirements in Schedule 1 to the "
            "Product Security and Telecommunications Infrastructure (Security Requirements for "
            "Relevant Connectable Products) Regulations 2023" + (f" ({', '.join(sch1)})" if sch1 else "")
        )
    if sch2:
        conds = ", ".join(f"{r.route} for {r.id}" for r in sch2)
        parts.append(
            "has complied with the conditions in Schedule 2 to those Regulations under which it "
            f"is treated as complying with the security requirements ({conds})"
        )
    return f"In the opinion of {names}, the manufacturer " + "; and ".join(parts) + "."


def _party(p: Any) -> PartyOut:
    return PartyOut(name=p.name.strip(), address=p.address.strip(), country=p.country)


@dataclass(frozen=True)
class SupportAtFirstSupply:
    """Sch 4 para 1(1)(e): the defined support period correct when the manufacturer first
    supplied the product, or why the declaration cannot say which it was."""

    end_date: dt.date | None
    problem: tuple[str, str] | None = None  # (declaration path, what to answer)


def support_period_at_first_supply(sp: SupportPeriod) -> SupportAtFirstSupply:
    """The end date in force on `first_supplied`: of the end dates published on or before
    that day, the one published last. Without a record of when each end date was published,
    an extended period cannot be placed, and the question is asked instead of guessing."""
    if sp.end_date is None:
        return SupportAtFirstSupply(None)  # reported as a missing field
    dated = {h.end_date for h in sp.history}
    if not sp.history:
        if not sp.previous_end_dates:
            return SupportAtFirstSupply(sp.end_date)  # never changed: the current one
        return SupportAtFirstSupply(None, (
            "support_period.history",
            f"earlier end dates ({', '.join(d.isoformat() for d in sp.previous_end_dates)}) are listed "
            "without the day each was published, so the period correct on first supply cannot be told: "
            "record every published end date with its publication date in `support_period.history` "
            "(end_date, published_on)"))
    undated = [d for d in (sp.end_date, *sp.previous_end_dates) if d not in dated]
    if undated:
        return SupportAtFirstSupply(None, (
            "support_period.history",
            f"end date(s) {', '.join(d.isoformat() for d in undated)} are not in `support_period.history`: "
            "add each with the day it was published (published_on)"))
    if sp.first_supplied is None:
        return SupportAtFirstSupply(None, (
            "support_period.first_supplied",
            "missing: set `support_period.first_supplied`, the day the manufacturer first supplied the "
            "product; the statement gives the defined support period correct on that day"))
    by_then = [h for h in sp.history if h.published_on <= sp.first_supplied]
    if not by_then:
        return SupportAtFirstSupply(None, (
            "support_period.history",
            f"no end date in `support_period.history` was published on or before first supply "
            f"({sp.first_supplied.isoformat()}); give the end date published by then with its published_on"))
    return SupportAtFirstSupply(max(by_then, key=lambda h: (h.published_on, h.end_date)).end_date)


def statement_duty_deemed_met(decl: Declaration, view: RegimeView, on: dt.date) -> str | None:
    """Schedule 2A (reg 4A): a current label the regime recognises stands in for the statement.
    Says so, for a label holder who issues one anyway; None when no such label is held."""
    routes = [r for r in view.of_kind("deemed-route") if r.label and r.satisfies == STATEMENT_DUTY]
    held = [
        (route, label)
        for route in sorted(routes, key=lambda r: r.id)
        for label in decl.deemed_compliance.labels
        if label.scheme == route.label and label.expires >= on
    ]
    if not held:
        return None
    labels = "; ".join(f"{label.scheme} label {label.id}, unexpired until {label.expires.isoformat()}"
                       for _, label in held)
    citations = "; ".join(dict.fromkeys(route.citation for route, _ in held))
    return (f"While the product holds a current label ({labels}) the manufacturer is treated as having "
            "complied with the duty to have it accompanied by a statement of compliance (Act s.9(2); "
            f"{citations}). This statement is issued in addition; records under Act s.12 are still kept.")


def _fields_or_refuse(view: RegimeView, issued_on: dt.date) -> list[Item]:
    fields = statement_fields(view)
    if not fields:
        raise PstiError(
            f"regime {view.regime} on {issued_on} defines no statement-of-compliance fields "
            "(items of kind 'statement-field'); cannot issue a statement under it"
        )
    return fields


def _refuse_other_declaration(loaded: LoadedDeclaration, assessment: Assessment) -> None:
    if assessment.product.declaration_sha256 and assessment.product.declaration_sha256 != loaded.sha256:
        raise InputError(
            [
                Problem(
                    "the assessment was made from a different version of this declaration "
                    f"(sha256 {assessment.product.declaration_sha256[:12]}…, file is {loaded.sha256[:12]}…); "
                    "assess it again",
                    file=str(loaded.path),
                )
            ],
            summary="statement of compliance not issued",
        )


NO_STATEMENT_SCOPES = ("out-of-scope", "excepted", "not-in-force")


def refusal_reason(assessment: Assessment) -> str:
    """Why the assessment does not support a statement of compliance, or "" when it does:
    the rule `build_statement` applies (scope, then blocking verdicts), for other issuers
    such as the registry."""
    if assessment.scope.outcome in NO_STATEMENT_SCOPES:
        outcome = assessment.scope.outcome
        return f"the product is {outcome} ({assessment.scope.summary}); the regime asks for no statement"
    return "; ".join(blockers(assessment))


def _refuse_out_of_scope(assessment: Assessment, draft: bool) -> None:
    if not draft and assessment.scope.outcome in NO_STATEMENT_SCOPES:
        raise PstiError(
            f"statement of compliance not issued: the product is {assessment.scope.outcome} "
            f"({assessment.scope.summary}); the regime asks for no statement. "
            "Use --draft for a copy anyway."
        )


def _requirements_out(assessment: Assessment) -> list[RequirementOut]:
    out = []
    for r in assessment.requirements:
        route, kind, route_title = _route_of(r)
        out.append(RequirementOut(id=r.requirement, title=r.title, citation=r.citation, verdict=r.verdict,
                                  route=route, route_kind=kind, route_title=route_title))
    return out


def _refuse_field_problems(loaded: LoadedDeclaration, problems: list[tuple[Item, str, str]]) -> None:
    """Every Schedule 4 field problem at once, each with the declaration line it concerns."""
    if not problems:
        return
    try:
        text = loaded.path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    listed = [
        Problem(
            f"Schedule 4 field {item.id} ({item.title}; {item.citation}) {what}",
            path=path,
            file=str(loaded.path),
            line=locate(text, tuple(path.split("."))) if text and path else None,
        )
        for item, path, what in problems
    ]
    raise InputError(
        listed,
        summary="statement of compliance not issued: Schedule 4 fields are missing or wrong",
    )


def _schedule_4_problems(
    fields: list[Item], checks: list[FieldCheck], support: SupportAtFirstSupply
) -> list[tuple[Item, str, str]]:
    """Each field's problems, and the support period's under the field that gives it."""
    problems = [(c.item, path, what) for c in checks for path, what in c.problems]
    if support.problem:
        item = next((f for f in fields if f.source and "support_period.end_date" in f.source), fields[0])
        problems.append((item, *support.problem))
    return problems


def _prepared_by(makers: tuple[PartyOut, ...]) -> str:
    names = " and ".join(m.name for m in makers)
    plural = "s" if len(makers) > 1 else ""
    return f"This statement of compliance is prepared by or on behalf of {names}, the manufacturer{plural}."


def _refuse_blockers(assessment: Assessment) -> None:
    bad = blockers(assessment)
    if not bad:
        return
    failed = any(r.verdict is Verdict.FAIL for r in assessment.requirements) or assessment.overall is Verdict.FAIL
    raise StatementRefused(
        "statement of compliance not issued: the assessment does not support it:\n  - "
        + "\n  - ".join(bad)
        + "\n(use --draft for a copy watermarked DRAFT)",
        exit_code=1 if failed else 3,
    )


def _retention(loaded: LoadedDeclaration, issued_on: dt.date, support_end: dt.date | None) -> dt.date:
    try:
        return retention_until(issued_on, support_end)
    except PstiError as e:
        raise InputError(
            [Problem(f"cannot keep the statement for REGS reg 8: {e}", path="statement.date", file=str(loaded.path))],
            summary="statement of compliance not issued",
        ) from None


def _product_out(decl: Declaration) -> ProductOut:
    prod = decl.product
    return ProductOut(
        name=prod.name,
        type=prod.type,
        model=prod.model,
        brand=prod.brand,
        batches=prod.batches,
        serial_ranges=tuple(f"{r.first} to {r.last}" for r in prod.serial_ranges),
    )


def _assessment_ref(assessment: Assessment, sha256: str, file: str | None) -> AssessmentRef:
    return AssessmentRef(
        sha256=sha256,
        schema=assessment.schema_,
        assessed_on=assessment.assessed_on,
        overall=assessment.overall,
        tool_version=assessment.tool_version,
        regime_versions=assessment.regime_versions,
        file=file,
    )


def build_statement(
    loaded: LoadedDeclaration,
    assessment: Assessment,
    *,
    view: RegimeView | None = None,
    issued_on: dt.date | None = None,
    draft: bool = False,
    assessment_file: str | None = None,
    bundle: BundleRef | None = None,
) -> StatementBody:
    """Check everything Schedule 4 needs and build the statement body, or say why not."""
    decl = loaded.declaration
    issued_on = decl.statement.date or issued_on or dt.date.today()
    view = view or library().view(assessment.regime, issued_on)
    fields = _fields_or_refuse(view, issued_on)
    _refuse_other_declaration(loaded, assessment)
    _refuse_out_of_scope(assessment, draft)
    reqs = _requirements_out(assessment)
    support = support_period_at_first_supply(decl.support_period)
    checks = check_fields(decl, fields, issued_on, relies_on_schedule_2=any(r.route_kind == "schedule-2" for r in reqs),
                          support_end=support.end_date)
    _refuse_field_problems(loaded, _schedule_4_problems(fields, checks, support))
    if not draft:
        _refuse_blockers(assessment)
    makers = tuple(_party(p) for p in decl.manufacturer)
    names = " and ".join(m.name for m in makers)
    ah = assessment_sha256(assessment)
    prepared_by = _prepared_by(makers)
    compliance = _compliance_text(reqs, names)
    generated = dict(zip(GENERATED, (prepared_by, compliance), strict=True))
    return StatementBody(
        id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"psti:statement:{loaded.sha256}:{ah}:{issued_on}:{draft}")),
        draft=draft,
        regime=view.regime,
        regime_versions=view.versions(),
        issued_on=issued_on,
        place=(decl.statement.place or "").strip() or None,
        product=_product_out(decl),
        manufacturers=makers,
        authorised_representatives=tuple(_party(a) for a in decl.authorised_representative),
        prepared_by=prepared_by,
        compliance_declaration=compliance,
        requirements=tuple(reqs),
        support_period_end=support.end_date,
        support_period_text=decl.support_period.statement,
        standards=tuple(StandardOut(id=s.id, version=s.version, date=s.date, provisions=s.provisions)
                        for s in decl.deemed_compliance.standards),
        signatory_name=decl.statement.signatory,
        signatory_function=decl.statement.function,
        online_url=decl.statement.online_url,
        retention_until=_retention(loaded, issued_on, support.end_date),
        statement_duty_deemed_met=statement_duty_deemed_met(decl, view, issued_on),
        assessment=_assessment_ref(assessment, ah, assessment_file),
        declaration_sha256=loaded.sha256,
        fields=tuple(
            FieldOut(id=c.item.id, title=c.item.title, citation=c.item.citation, source=c.item.source or "",
                     value=_field_value(c, generated))
            for c in checks
        ),
        bundle=bundle,
    )


# Fields whose content is a declaration the statement itself makes (stable Sch 4 ids).
GENERATED = ("PSTI-S4-1.1.c", "PSTI-S4-1.1.d")


def _field_value(check: FieldCheck, generated: dict[str, str]) -> str:
    if check.item.id in generated:
        return generated[check.item.id]
    # Every path optional and none given: the field does not apply to this product.
    return check.value or "not applicable"


def sign_statement(body: StatementBody, key: Ed25519PrivateKey | None) -> SignedStatement:
    if key is None:
        return SignedStatement(statement=body)
    sig = signing.sign(key, body.model_dump(mode="json", by_alias=True))
    return SignedStatement(statement=body, signature=Signature.model_validate(sig))


# --------------------------------------------------------------------------- verifying


@dataclass
class Verification:
    ok: bool
    checks: list[tuple[str, bool, str]]  # (what, passed, detail)
    statement: SignedStatement | None = None

    def add(self, what: str, passed: bool, detail: str = "") -> None:
        self.checks.append((what, passed, detail))
        if not passed:
            self.ok = False


def read_statement_json(path: Path) -> dict[str, Any]:
    """A statement file as JSON with one meaning: duplicate keys, NaN, lone surrogates and
    absurd nesting or numbers are refused, so what is verified is what any reader sees."""
    try:
        data = strictjson.loads(read_regular(path, MAX_STATEMENT_BYTES))
    except OSError as e:
        raise InputError(
            [Problem(f"cannot read: {e.strerror or e}", file=str(path))], "cannot read statement"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError, strictjson.JsonLimitError) as e:
        raise InputError([Problem(f"not JSON psti reads: {e}", file=str(path))], "cannot read statement") from None
    if not isinstance(data, dict):
        raise InputError([Problem("not a JSON object", file=str(path))], "cannot read statement")
    return data


def verify_statement(
    data: dict[str, Any],
    *,
    public_key: Ed25519PublicKey | None = None,
    assessment_bytes: bytes | None = None,
    view: RegimeView | None = None,
    bundle_sha256: str | None = None,
) -> Verification:
    """Check structure, required fields, signature and (when given) the assessment hash and
    the sha256 of the bundle file the statement names."""
    v = Verification(ok=True, checks=[])
    body_raw = data.get("statement")
    if not isinstance(body_raw, dict):
        v.add("structure", False, "no 'statement' object")
        return v
    if body_raw.get("schema") != STATEMENT_SCHEMA:
        v.add("schema", False, f"schema is {body_raw.get('schema')!r}, expected {STATEMENT_SCHEMA!r}")
        return v
    try:
        st = SignedStatement.model_validate(data)
    except ValidationError as e:
        errs = "; ".join(f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}" for err in e.errors()[:20])
        v.add("structure", False, errs)
        return v
    v.statement = st
    v.add("structure", True, STATEMENT_SCHEMA)
    body = st.statement
    # Signature over exactly the body as it stands in the file.
    if st.signature is None:
        v.add("signature", False, "the statement is not signed")
    else:
        try:
            embedded = signing.public_key_from_b64(st.signature.public_key)
        except PstiError as e:
            v.add("signature", False, str(e))
            embedded = None
        if embedded is not None:
            if signing.fingerprint(embedded) != st.signature.key_id:
                v.add("key id", False, "signature.key_id does not match signature.public_key")
            key = public_key or embedded
            if public_key is not None and signing.fingerprint(public_key) != signing.fingerprint(embedded):
                v.add(
                    "signer",
                    False,
                    f"signed by {st.signature.key_id}, not by the key given ({signing.fingerprint(public_key)})",
                )
            good = signing.check_signature(key, body_raw, st.signature.value)
            v.add(
                "signature",
                good,
                f"Ed25519 by {st.signature.key_id}"
                if good
                else "does not match the statement: it was altered after signing, or signed by another key",
            )
            if public_key is None and good:
                v.add(
                    "signer",
                    True,
                    "key taken from the file itself: compare "
                    f"{st.signature.key_id} with the manufacturer's published key, or pass --public-key",
                )
            elif public_key is not None and good:
                v.add("signer", True, "matches the public key given")
    # Required fields: every field the regime demanded on the issue date, each with a value.
    missing = [f.id for f in body.fields if not f.value.strip()]
    if view is not None:
        wanted = {i.id for i in statement_fields(view)}
        absent = sorted(wanted - {f.id for f in body.fields})
        if absent:
            missing += absent
    v.add(
        "required fields",
        not missing,
        "all present" if not missing else "missing: " + ", ".join(missing),
    )
    if body.issued_on.year > dt.MAXYEAR - RETENTION_YEARS:
        # the retention date would fall beyond the calendar: no real statement is dated so
        v.add("issued on", False, f"issued_on {body.issued_on} is not a plausible issue date")
    else:
        try:
            if body.retention_until < retention_until(body.issued_on, body.support_period_end):
                v.add("retention", False, "retention_until is earlier than REGS reg 8 allows")
        except PstiError as e:
            v.add("retention", False, str(e))
    if assessment_bytes is not None:
        try:
            a = Assessment.model_validate_json(assessment_bytes)
            got = assessment_sha256(a)
            v.add(
                "assessment hash",
                got == body.assessment.sha256,
                f"sha256 {got}"
                + ("" if got == body.assessment.sha256 else f" but the statement names {body.assessment.sha256}"),
            )
        except ValidationError as e:
            v.add(
                "assessment hash",
                False,
                f"the assessment file is not a valid assessment ({e.error_count()} errors)",
            )
    if bundle_sha256 is not None:
        named = body.bundle.sha256 if body.bundle else None
        v.add("bundle hash", bundle_sha256 == named,
              f"sha256 {bundle_sha256}" + ("" if bundle_sha256 == named else
                                          f" but the statement names {named or 'no bundle'}"))
    if body.draft:
        v.add("issued", False, "this is a DRAFT, not a statement of compliance")
    return v


def statement_json_schema() -> dict[str, Any]:
    """JSON Schema of a statement file (psti.statement/1), for other tools to check against."""
    schema = SignedStatement.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://psti.dev/schema/statement-1.json"
    schema["title"] = "psti statement of compliance (psti.statement/1)"
    return schema
