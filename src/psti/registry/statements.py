"""Signed statements of compliance (Sch 4): build, sign with Ed25519, verify.

`verify_statement(json_bytes)` checks a statement's form and signature, in either format:

- the full statement `psti statement` issues from an assessment (`psti.documents`,
  body schema `psti.statement/1`), verified by `psti.documents.statement.verify_statement`;
- the registry statement below, with the same Ed25519 canonical-JSON signing: the
  service signs it with a key it holds for the organisation, only from its own assessment
  of the product's declaration (recorded as `registry_assessment`), and a manufacturer may
  sign one with its own key and upload it. Statements the registry signed for products
  registered by form, before it required an assessment, stay on record without one:

    {"schema": "psti.registry-statement/1",
     "statement": {...Sch 4 fields...},
     "signature": {"algorithm": "Ed25519", "key_id": "...", "public_key": "<b64>",
                   "value": "<b64 signature over the canonical JSON of 'statement'>"}}

A signature only shows that the holder of a key signed; `psti.registry.keys.bind` then
decides whether the registry accepts it (a key the named manufacturer registered), and
`provenance` says whether the registry signed it and from which of its assessments.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from psti import strictjson
from psti.documents import signing
from psti.documents.statement import verify_statement as documents_verify

STATEMENT_SCHEMA = "psti.registry-statement/1"
DOCUMENTS_SCHEMA = "psti.statement/1"
MAX_STATEMENT_BYTES = 2 * 1024 * 1024  # as psti.documents
REQUIRED = (
    "product",
    "manufacturers",
    "prepared_by_or_on_behalf_of_manufacturer",
    "declaration_of_compliance",
    "defined_support_period",
    "signatory",
    "issue",
)


def build_statement(
    *,
    product: dict[str, Any],
    manufacturers: list[dict[str, str]],
    support_end: dt.date,
    signatory: str,
    function: str,
    place: str,
    issued_on: dt.date,
    route: str = "schedule-1",
    standards: list[dict[str, Any]] | None = None,
    registry_url: str = "",
    representatives: list[dict[str, str]] | None = None,
    assessment: int | None = None,
) -> dict[str, Any]:
    """The Sch 4 para 1 content, one key per lettered item."""
    body: dict[str, Any] = {
        "product": product,  # (a) type and batch
        "manufacturers": manufacturers,  # (b)
        "prepared_by_or_on_behalf_of_manufacturer": True,  # (c)
        "declaration_of_compliance": {  # (d)
            "route": route,
            "text": (
                "In the opinion of the manufacturer, it has complied with the applicable security "
                "requirements in Schedule 1 to the Product Security and Telecommunications "
                "Infrastructure (Security Requirements for Relevant Connectable Products) "
                "Regulations 2023."
                if route == "schedule-1"
                else "In the opinion of the manufacturer, it has complied with the conditions in "
                "Schedule 2 (deemed compliance) to those Regulations."
            ),
        },
        "defined_support_period": {"end_date": support_end.isoformat()},  # (e)
        "signatory": {"name": signatory, "function": function},  # (f)
        "issue": {"place": place, "date": issued_on.isoformat()},  # (g)
    }
    if standards:
        body["standards"] = standards  # para 1(2)
    if registry_url:
        body["registry_url"] = registry_url
    if representatives:
        body["authorised_representatives"] = representatives
    if assessment is not None:
        body["registry_assessment"] = assessment  # the registry assessment it was published from
    return body


def sign_statement(body: dict[str, Any], key: Ed25519PrivateKey) -> bytes:
    """The registry statement document: the body and its Ed25519 signature (`documents.signing`)."""
    doc = {"schema": STATEMENT_SCHEMA, "statement": body, "signature": signing.sign(key, body)}
    return json.dumps(doc, indent=2, ensure_ascii=False).encode() + b"\n"


@dataclass(frozen=True)
class VerifyResult:
    """The form and signature of a statement, and what the registry needs to bind it to a key."""

    valid: bool
    reason: str
    key_id: str = ""
    public_key: bytes = b""
    statement: dict[str, Any] = field(default_factory=dict)
    schema: str = ""
    issued_on: dt.date | None = None
    manufacturers: tuple[dict[str, str], ...] = ()
    representatives: tuple[dict[str, str], ...] = ()

    @property
    def model(self) -> str:
        return str((self.statement.get("product") or {}).get("model") or "")

    @property
    def support_end(self) -> dt.date | None:
        raw = self.statement.get("support_period_end") or (self.statement.get("defined_support_period") or {}).get(
            "end_date"
        )
        try:
            return dt.date.fromisoformat(str(raw))
        except ValueError:
            return None


def _parties(value: Any) -> tuple[dict[str, str], ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        {"name": str(p.get("name") or ""), "address": str(p.get("address") or "")} for p in value if isinstance(p, dict)
    )


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def verify_statement(json_bytes: bytes) -> VerifyResult:
    """Check a signed statement: well-formed, Sch 4 fields present, signature valid."""
    if len(json_bytes) > MAX_STATEMENT_BYTES:
        return VerifyResult(False, f"statement is larger than {MAX_STATEMENT_BYTES // 1048576} MiB")
    try:
        # The strict parser the CLI uses: a duplicate key (which another parser may read the
        # other way), deep nesting or a huge number is refused, not verified.
        doc = strictjson.loads(json_bytes)
    except ValueError as e:  # not UTF-8, not JSON, or past one of strictjson's limits
        return VerifyResult(False, f"not JSON: {e}")
    if not isinstance(doc, dict):
        return VerifyResult(False, "not a JSON object")
    inner = doc.get("statement")
    if isinstance(inner, dict) and inner.get("schema") == DOCUMENTS_SCHEMA:
        return _verify_documents(doc)
    if doc.get("schema") != STATEMENT_SCHEMA:
        return VerifyResult(False, f"not a {DOCUMENTS_SCHEMA} or {STATEMENT_SCHEMA} document")
    body, sig = doc.get("statement"), doc.get("signature")
    if not isinstance(body, dict) or not isinstance(sig, dict):
        return VerifyResult(False, "missing 'statement' or 'signature'")
    missing = [k for k in REQUIRED if k not in body]
    if missing:
        return VerifyResult(False, f"statement lacks Schedule 4 fields: {', '.join(missing)}")
    if sig.get("algorithm") != signing.ALGORITHM:
        return VerifyResult(False, f"unsupported signature algorithm {sig.get('algorithm')!r}")
    try:
        pub = base64.b64decode(str(sig["public_key"]), validate=True)
        key = Ed25519PublicKey.from_public_bytes(pub)
    except (KeyError, ValueError, TypeError):
        return VerifyResult(False, "signature fields are malformed")
    if not signing.check_signature(key, body, str(sig.get("value", ""))):
        return VerifyResult(False, "signature does not match the statement (altered or wrong key)")
    issue = body.get("issue")
    if not isinstance(issue, dict):
        issue = {}
    return VerifyResult(
        True,
        "signature valid",
        str(sig.get("key_id", "")),
        pub,
        body,
        STATEMENT_SCHEMA,
        _date(issue.get("date")),
        _parties(body.get("manufacturers")),
        _parties(body.get("authorised_representatives")),
    )


def _verify_documents(doc: dict[str, Any]) -> VerifyResult:
    """A statement issued by `psti statement`: checked by the documents package itself."""
    v = documents_verify(doc)
    failed = [f"{what}: {detail}" for what, passed, detail in v.checks if not passed]
    if not v.ok or v.statement is None or v.statement.signature is None:
        return VerifyResult(False, "; ".join(failed) or "the statement does not verify")
    sig = v.statement.signature
    body = v.statement.body_dict()
    return VerifyResult(
        True,
        "signature valid (psti statement)",
        sig.key_id,
        base64.b64decode(sig.public_key),
        body,
        DOCUMENTS_SCHEMA,
        v.statement.statement.issued_on,
        _parties(body.get("manufacturers")),
        _parties(body.get("authorised_representatives")),
    )


@dataclass(frozen=True)
class Provenance:
    """Who issued a statement whose key the registry knows: the manufacturer with its own
    key, or the registry with the key it holds for the organisation, from an assessment or
    (statements published before the registry required one) without."""

    held_by_registry: bool
    registry_assessment: int | None
    note: str

    def to_json(self) -> dict[str, Any]:
        return {
            "issued_by": "registry" if self.held_by_registry else "manufacturer",
            "from_registry_assessment": self.registry_assessment is not None,
            "registry_assessment": self.registry_assessment,
            "note": self.note,
        }


def provenance(res: VerifyResult, held_by_registry: bool) -> Provenance:
    """What the registry can say about where a statement came from. `registry_assessment`
    in the body is believed only when the registry's own held key signed it."""
    if not held_by_registry:
        return Provenance(
            False,
            None,
            "signed by the manufacturer (or its representative) with its own registered key; "
            "the registry did not assess the product",
        )
    recorded = res.statement.get("registry_assessment")
    if isinstance(recorded, int) and not isinstance(recorded, bool):
        return Provenance(True, recorded, f"signed by the registry from its assessment {recorded} of the declaration")
    return Provenance(
        True,
        None,
        "signed by the registry without an assessment: published for a product registered by form, "
        "before the registry required its own assessment of a declaration",
    )
