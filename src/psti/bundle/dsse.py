"""The bundle's attestation: an in-toto Statement v1 in a DSSE envelope, signed with Ed25519.

DSSE (secure-systems-lab/dsse, protocol v1) signs the pre-authentication encoding

    PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body

(LEN: the byte length in ASCII decimal), so the payload type is part of what is signed.
The envelope is `{"payloadType", "payload" (base64), "signatures": [{"keyid", "sig"}]}`,
the form supply-chain tools (in-toto, cosign, sigstore) read. The payload is an in-toto
Statement v1: the subjects are the bundled artefacts by SHA-256, the predicate holds the
assessment and the bundle manifest. The key id is psti's fingerprint of the key
(`sha256:` + hex of the raw public key), the same name statements of compliance give it.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from psti import strictjson
from psti.documents import signing

PAYLOAD_TYPE = "application/vnd.in-toto+json"
STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://psti.dev/attestation/assessment-bundle/v1"


def pae(payload_type: str, payload: bytes) -> bytes:
    """The bytes a DSSE signature covers."""
    t = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


def statement(subjects: list[dict[str, Any]], predicate: dict[str, Any]) -> dict[str, Any]:
    return {"_type": STATEMENT_TYPE, "subject": subjects, "predicateType": PREDICATE_TYPE, "predicate": predicate}


def envelope(key: Ed25519PrivateKey, payload: bytes, payload_type: str = PAYLOAD_TYPE) -> dict[str, Any]:
    sig = key.sign(pae(payload_type, payload))
    return {
        "payloadType": payload_type,
        "payload": base64.b64encode(payload).decode("ascii"),
        "signatures": [{"keyid": signing.fingerprint(key.public_key()), "sig": base64.b64encode(sig).decode("ascii")}],
    }


class EnvelopeError(ValueError):
    """The envelope or its payload is not what a bundle carries."""


@dataclass(frozen=True)
class Opened:
    """An envelope whose signature was checked against `public_key`."""

    payload: bytes  # exactly the bytes the signature covers
    statement: dict[str, Any]
    key_id: str
    signed: bool  # a signature by `public_key` verified


def _b64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise EnvelopeError(f"{what} is not a base64 string")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise EnvelopeError(f"{what} is not valid base64") from None


def open_envelope(data: Any, public_key: Ed25519PublicKey) -> Opened:
    """Check the envelope's shape and its signature by `public_key`; decode the payload once
    and return those bytes (never re-read after checking)."""
    if not isinstance(data, dict) or set(data) - {"payloadType", "payload", "signatures"}:
        raise EnvelopeError("not a DSSE envelope (payloadType, payload, signatures)")
    ptype = data.get("payloadType")
    if ptype != PAYLOAD_TYPE:
        raise EnvelopeError(f"payloadType is {ptype!r}; a bundle's is {PAYLOAD_TYPE!r}")
    payload = _b64(data.get("payload"), "payload")
    sigs = data.get("signatures")
    if not isinstance(sigs, list) or not sigs:
        raise EnvelopeError("the envelope has no signatures")
    wanted = signing.fingerprint(public_key)
    signed = False
    for entry in sigs:
        if not isinstance(entry, dict) or not isinstance(entry.get("sig"), str):
            raise EnvelopeError("a signature entry is not {keyid, sig}")
        try:
            public_key.verify(_b64(entry["sig"], "signatures[].sig"), pae(ptype, payload))
            signed = True
            break
        except InvalidSignature:
            continue
    try:
        st = strictjson.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError, strictjson.JsonLimitError) as e:
        raise EnvelopeError(f"the payload is not JSON psti reads: {e}") from None
    if not isinstance(st, dict) or st.get("_type") != STATEMENT_TYPE:
        raise EnvelopeError(f"the payload is not an in-toto Statement v1 (_type {STATEMENT_TYPE})")
    if st.get("predicateType") != PREDICATE_TYPE:
        raise EnvelopeError(f"predicateType is {st.get('predicateType')!r}; psti reads {PREDICATE_TYPE!r}")
    if not isinstance(st.get("predicate"), dict) or not isinstance(st.get("subject"), list):
        raise EnvelopeError("the statement has no predicate object or subject list")
    return Opened(payload, st, wanted, signed)


def embedded_key(data: Any) -> Ed25519PublicKey | None:
    """The signer's public key as the payload names it (predicate.bundle.signer.public_key),
    read before checking so that the check can use it; None when absent."""
    try:
        payload = _b64(data["payload"], "payload")
        st = strictjson.loads(payload)
        text = st["predicate"]["bundle"]["signer"]["public_key"]
    except (KeyError, TypeError, EnvelopeError, UnicodeDecodeError, json.JSONDecodeError, strictjson.JsonLimitError):
        return None
    try:
        return signing.public_key_from_b64(text)
    except Exception:
        return None
