"""Signing keys bound to organisations, and the private keys the registry holds sealed.

An organisation registers the public keys it signs statements with. A statement is valid in
the registry only when the key that signed it is registered by an organisation the statement
names as manufacturer (or authorised representative), and was in force on the statement's
date of issue: on or after `valid_from`, not after `retired_at`, before `revoked_at`.
A key nobody registered, or one registered by another organisation, makes the statement
not valid here, however good the signature.

The registry also signs statements itself, from its own assessment of a product's
declaration (`psti.registry.products.publish_statement`); those private keys are sealed
with AES-256-GCM under the key-encryption key the service is started with
(`--key-encryption-key-file` or PSTI_KEY_ENCRYPTION_KEY), which is never written to the
database. Without it the service still verifies and serves statements; only signing stops,
with a message saying how to give the key.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.orm import Session

from psti.documents import signing
from psti.errors import PstiError
from psti.registry.context import Ctx
from psti.registry.errors import Conflict, Invalid, NotFound, ServiceError, date_field
from psti.registry.statements import VerifyResult
from psti.store.models import Organisation, OrganisationKey, SigningKey, utcnow

KEK_ENV = "PSTI_KEY_ENCRYPTION_KEY"
KEK_OPTION = "--key-encryption-key-file"
_NONCE = 12


class KeyEncryptionKeyError(PstiError):
    """The key-encryption key is missing or not 32 bytes in base64 or hex."""


class NoKeyEncryptionKey(ServiceError):
    """Signing needs the key-encryption key and the service was started without one."""

    status = 503


# --- the key-encryption key and sealed private keys -----------------------------------


def parse_kek(text: str, where: str) -> bytes:
    """32 bytes given as 64 hex digits or base64 (what `openssl rand -base64 32` prints)."""
    value = text.strip()
    raw: bytes | None = None
    if re.fullmatch(r"[0-9a-fA-F]{64}", value):
        raw = bytes.fromhex(value)
    else:
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raw = None
    if raw is None or len(raw) != 32:
        raise KeyEncryptionKeyError(
            f"{where}: the key-encryption key must be 32 random bytes written as base64 or 64 hex digits "
            "(make one with `openssl rand -base64 32`)"
        )
    return raw


def load_kek(path: Path | None) -> bytes | None:
    """The key from `path`, else from PSTI_KEY_ENCRYPTION_KEY, else None."""
    if path is not None:
        try:
            text = path.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as e:
            raise KeyEncryptionKeyError(f"{KEK_OPTION} {path}: cannot read it ({e})") from None
        return parse_kek(text, f"{KEK_OPTION} {path}")
    env = os.environ.get(KEK_ENV)
    return parse_kek(env, KEK_ENV) if env else None


def _kek(ctx_kek: bytes | None) -> bytes:
    if ctx_kek is None:
        raise NoKeyEncryptionKey(
            "the registry cannot sign: it was started without a key-encryption key for the private keys "
            f"it holds (start it with {KEK_OPTION} FILE or set {KEK_ENV})"
        )
    return ctx_kek


def seal(kek: bytes, private_raw: bytes, fingerprint: str) -> bytes:
    nonce = os.urandom(_NONCE)
    return nonce + AESGCM(kek).encrypt(nonce, private_raw, fingerprint.encode())


def unseal(kek: bytes, sealed: bytes, fingerprint: str) -> bytes:
    try:
        return AESGCM(kek).decrypt(sealed[:_NONCE], sealed[_NONCE:], fingerprint.encode())
    except InvalidTag:
        raise NoKeyEncryptionKey(
            f"the private key {fingerprint} cannot be unsealed: the service was started with a different "
            "key-encryption key than the one it was sealed with"
        ) from None


def seal_plaintext_keys(db: Session, kek: bytes) -> int:
    """Seal private keys stored before sealing existed; called at start-up with the key."""
    count = 0
    for key in db.execute(select(SigningKey).where(SigningKey.sealed.is_(False))).scalars():
        key.private_key = seal(kek, bytes(key.private_key), key.key_id)
        key.sealed = True
        count += 1
    return count


def _held_fingerprint(key: SigningKey) -> str:
    return signing.fingerprint(Ed25519PublicKey.from_public_bytes(bytes(key.public_key)))


def held_key(ctx: Ctx, org_id: int, kek: bytes | None) -> tuple[Ed25519PrivateKey, OrganisationKey]:
    """The registry-held key that signs for `org_id` today, made (and registered) on first use."""
    key = (
        ctx.db.execute(
            select(SigningKey)
            .where(SigningKey.organisation_id == org_id, SigningKey.retired_at.is_(None))
            .order_by(SigningKey.id.desc())
        )
        .scalars()
        .first()
    )
    secret = _kek(kek)
    if key is None:
        private = Ed25519PrivateKey.generate()
        pub = private.public_key()
        fp = signing.fingerprint(pub)
        raw = private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        key = SigningKey(
            organisation_id=org_id,
            key_id=fp,
            public_key=pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
            private_key=seal(secret, raw, fp),
            sealed=True,
        )
        ctx.db.add(key)
        ctx.db.add(
            OrganisationKey(
                organisation_id=org_id,
                fingerprint=fp,
                public_key=key.public_key,
                label="held by the registry",
                held_by_registry=True,
                valid_from=dt.date.today(),
                created_by=ctx.who.user_id,
            )
        )
        ctx.db.flush()
        ctx.audit("signing_key.create", f"key:{fp}", org_id, held_by_registry=True)
    raw_private = unseal(secret, bytes(key.private_key), key.key_id) if key.sealed else bytes(key.private_key)
    fp = _held_fingerprint(key)
    registered = _registered(ctx.db, fp)
    if registered is None:  # a key made before keys were registered: register it from the day it was made
        made = key.created_at.date() if key.created_at else dt.date.today()
        registered = OrganisationKey(
            organisation_id=org_id,
            fingerprint=fp,
            public_key=bytes(key.public_key),
            label="held by the registry",
            held_by_registry=True,
            valid_from=made,
        )
        ctx.db.add(registered)
        ctx.db.flush()
    return Ed25519PrivateKey.from_private_bytes(raw_private), registered


def _registered(db: Session, fingerprint: str) -> OrganisationKey | None:
    return db.execute(select(OrganisationKey).where(OrganisationKey.fingerprint == fingerprint)).scalar_one_or_none()


# --- registering, listing, rotating, revoking -----------------------------------------


def _public_key(text: str) -> Ed25519PublicKey:
    value = text.strip()
    if not value:
        raise Invalid("give the public key", [{"field": "public_key", "message": "required"}])
    if "PRIVATE KEY" in value:
        raise Invalid(
            "that is a private key: register only the public key (the .pub file)",
            [{"field": "public_key", "message": "a private key was given; never send it"}],
        )
    try:
        if value.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(value.encode())
            if not isinstance(key, Ed25519PublicKey):
                raise ValueError("not an Ed25519 key")
            return key
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(value, validate=True))
    except (ValueError, TypeError, UnsupportedAlgorithm) as e:
        raise Invalid(
            f"not an Ed25519 public key ({str(e).splitlines()[0][:120]})",
            [{"field": "public_key", "message": "a PEM public key (`psti keys new` writes one) or 32 bytes in base64"}],
        ) from None


def _day(value: Any, field: str, default: dt.date) -> dt.date:
    return default if value in (None, "") else date_field(value, field)


def register_key(ctx: Ctx, data: dict[str, Any]) -> OrganisationKey:
    """Register a public key for the caller's organisation.

    `valid_from` defaults to today; an earlier day says since when the organisation has
    signed with the key (statements it already issued); it may not be in the future."""
    org = ctx.who.require_org("manufacturer")
    pub = _public_key(str(data.get("public_key") or ""))
    fp = signing.fingerprint(pub)
    today = dt.date.today()
    valid_from = _day(data.get("valid_from"), "valid_from", today)
    if valid_from > today:
        raise Invalid("valid_from may not be in the future", [{"field": "valid_from", "message": "today or earlier"}])
    existing = _registered(ctx.db, fp)
    if existing is not None:
        # Another organisation's key is reported as a plain conflict: nothing about its owner.
        raise Conflict(f"the key {fp} is already registered")
    row = OrganisationKey(
        organisation_id=org,
        fingerprint=fp,
        public_key=pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
        label=str(data.get("label") or "")[:100],
        held_by_registry=False,
        valid_from=valid_from,
        created_by=ctx.who.user_id,
    )
    ctx.db.add(row)
    ctx.db.flush()
    ctx.audit("signing_key.register", f"key:{fp}", org, valid_from=valid_from, label=row.label)
    return row


def list_keys(ctx: Ctx) -> list[OrganisationKey]:
    org = ctx.who.require_org("manufacturer")
    return list(
        ctx.db.execute(
            select(OrganisationKey).where(OrganisationKey.organisation_id == org).order_by(OrganisationKey.id)
        ).scalars()
    )


def published_keys(db: Session, slug: str) -> list[OrganisationKey]:
    """A manufacturer's registered public keys, for anyone checking its statements themselves."""
    org = db.execute(select(Organisation).where(Organisation.slug == slug)).scalar_one_or_none()
    if org is None or org.kind != "manufacturer":
        raise NotFound(f"no manufacturer {slug!r}")
    return list(
        db.execute(
            select(OrganisationKey).where(OrganisationKey.organisation_id == org.id).order_by(OrganisationKey.id)
        ).scalars()
    )


def own_key(ctx: Ctx, key_id: int) -> OrganisationKey:
    org = ctx.who.require_org("manufacturer")
    key = ctx.db.get(OrganisationKey, key_id)
    if key is None or key.organisation_id != org:
        raise NotFound(f"no key {key_id} in your organisation")
    return key


def retire_key(ctx: Ctx, key_id: int) -> OrganisationKey:
    """Rotation: the key signs nothing from tomorrow; what it signed until today stays valid."""
    key = own_key(ctx, key_id)
    if key.revoked_at is not None or key.retired_at is not None:
        raise Conflict(f"the key {key.fingerprint} is already {'revoked' if key.revoked_at else 'retired'}")
    key.retired_at = dt.date.today()
    _retire_held(ctx.db, key)
    ctx.audit("signing_key.retire", f"key:{key.fingerprint}", key.organisation_id)
    return key


def revoke_key(ctx: Ctx, key_id: int, reason: str, since: Any = None) -> OrganisationKey:
    """Compromise or withdrawal: statements dated on or after `since` (default today) are no longer valid."""
    key = own_key(ctx, key_id)
    if key.revoked_at is not None:
        raise Conflict(f"the key {key.fingerprint} is already revoked")
    why = str(reason or "").strip()
    if not why:
        raise Invalid("say why the key is revoked", [{"field": "reason", "message": "required"}])
    key.revoked_at = _day(since, "since", dt.date.today())
    key.revoked_reason = why[:2000]
    _retire_held(ctx.db, key)
    ctx.audit("signing_key.revoke", f"key:{key.fingerprint}", key.organisation_id, since=key.revoked_at, reason=why)
    return key


def rotate_held_key(ctx: Ctx, kek: bytes | None) -> OrganisationKey:
    """Retire the registry-held key of the caller's organisation and make a new one."""
    org = ctx.who.require_org("manufacturer")
    _kek(kek)
    for key in ctx.db.execute(
        select(OrganisationKey).where(
            OrganisationKey.organisation_id == org,
            OrganisationKey.held_by_registry.is_(True),
            OrganisationKey.retired_at.is_(None),
            OrganisationKey.revoked_at.is_(None),
        )
    ).scalars():
        key.retired_at = dt.date.today()
        _retire_held(ctx.db, key)
        ctx.audit("signing_key.retire", f"key:{key.fingerprint}", org)
    _, new = held_key(ctx, org, kek)
    return new


def _retire_held(db: Session, key: OrganisationKey) -> None:
    if key.held_by_registry:
        for held in db.execute(select(SigningKey).where(SigningKey.organisation_id == key.organisation_id)).scalars():
            if held.retired_at is None and _held_fingerprint(held) == key.fingerprint:
                held.retired_at = utcnow()


def key_json(key: OrganisationKey) -> dict[str, Any]:
    return {
        "id": key.id,
        "fingerprint": key.fingerprint,
        "public_key": base64.b64encode(bytes(key.public_key)).decode("ascii"),
        "label": key.label,
        "held_by_registry": key.held_by_registry,
        "valid_from": key.valid_from.isoformat(),
        "retired_at": key.retired_at.isoformat() if key.retired_at else None,
        "revoked_at": key.revoked_at.isoformat() if key.revoked_at else None,
        "revoked_reason": key.revoked_reason or None,
    }


# --- binding a signature to an organisation -------------------------------------------


def _name(text: str) -> str:
    return " ".join(text.split()).casefold()


def same_organisation(a: str, b: str) -> bool:
    return bool(a.strip()) and _name(a) == _name(b)


@dataclass(frozen=True)
class Binding:
    """Whether the registry accepts a verified statement, and whose key signed it."""

    valid: bool
    reason: str
    key_status: str  # registered | unknown | not-yet-valid | retired | revoked | wrong-organisation
    key: OrganisationKey | None = None
    organisation: Organisation | None = None

    def signer_json(self) -> dict[str, Any] | None:
        if self.key is None or self.organisation is None:
            return None
        return {
            "organisation": self.organisation.name,
            "slug": self.organisation.slug,
            "fingerprint": self.key.fingerprint,
            "held_by_registry": self.key.held_by_registry,
        }


def in_force(key: OrganisationKey, on: dt.date) -> str:
    """'registered' when the key was in force on `on`, else why not."""
    if on < key.valid_from:
        return "not-yet-valid"
    if key.revoked_at is not None and on >= key.revoked_at:
        return "revoked"
    if key.retired_at is not None and on > key.retired_at:
        return "retired"
    return "registered"


def bind(db: Session, res: VerifyResult) -> Binding:
    """The registry's rule for a statement whose signature verified (see the module's doc)."""
    if not res.valid:
        return Binding(False, res.reason, "unknown")
    fp = signing.fingerprint(Ed25519PublicKey.from_public_bytes(res.public_key))
    key = _registered(db, fp)
    if key is None:
        return Binding(
            False,
            f"the signature is valid but the key {fp} is not registered by any organisation in this registry",
            "unknown",
        )
    org = key.organisation
    named = [p["name"] for p in res.manufacturers]
    reps = [p["name"] for p in res.representatives]
    if not any(same_organisation(org.name, n) for n in [*named, *reps]):
        return Binding(
            False,
            f"signed with a key registered by {org.name}, which the statement does not name as manufacturer "
            f"(it names {', '.join(named) or 'nobody'})",
            "wrong-organisation",
            key,
            org,
        )
    if res.issued_on is None:
        return Binding(False, "the statement gives no date of issue to check its key against", "unknown", key, org)
    status = in_force(key, res.issued_on)
    if status != "registered":
        when = {
            "not-yet-valid": f"registered from {key.valid_from.isoformat()}",
            "revoked": f"revoked from {key.revoked_at.isoformat() if key.revoked_at else ''} ({key.revoked_reason})",
            "retired": f"retired after {key.retired_at.isoformat() if key.retired_at else ''}",
        }[status]
        return Binding(
            False,
            f"signed with {org.name}'s key {fp}, which was not in force on the date of issue "
            f"{res.issued_on.isoformat()}: {when}",
            status,
            key,
            org,
        )
    return Binding(True, f"signed with a key registered by {org.name}", "registered", key, org)
