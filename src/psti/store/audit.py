"""The append-only, hash-chained, sealed audit log.

Each event's hash is sha256 over the previous hash and the event's canonical JSON, so
changing, deleting or reordering any event breaks every later hash. Each event also
carries a seal, an HMAC of its hash under the log key (`psti.store.logkey`, kept outside
the database), and the single `audit_head` row records the newest event with a seal of its
own. With write access to the database alone one can rewrite rows and recompute hashes but
not the seals, so `verify_chain` names the first event changed, and a deleted tail shows
as a head the remaining events do not reach. Appends lock the head row, which keeps the
chain linear under concurrent writers on PostgreSQL; SQLite serialises writers anyway.
Database triggers refuse UPDATE and DELETE on `audit_event`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from psti.store import anchor, logkey
from psti.store.logkey import LogKey, LogKeyError
from psti.store.models import AuditEvent, AuditHead, utcnow

GENESIS = "0" * 64
EVENT_LABEL = "psti-audit-event"
HEAD_LABEL = "psti-audit-head"


def _canonical(
    event_id: int,
    at: dt.datetime,
    actor: str,
    organisation_id: int | None,
    action: str,
    target: str,
    details: dict[str, Any],
) -> bytes:
    body = {
        "id": event_id,
        "at": at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "actor": actor,
        "organisation_id": organisation_id,
        "action": action,
        "target": target,
        "details": details,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode()


def chain_hash(prev_hash: str, canonical: bytes) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical).hexdigest()


def head_seal(key: LogKey, head: AuditHead) -> str:
    return key.mac(HEAD_LABEL, head.keyed_from, head.last_id, head.last_hash)


def _locked_head(session: Session) -> AuditHead:
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_id=0, last_hash=GENESIS, keyed_from=0, key_id="", mac="")
        session.add(head)
        session.flush()
    return head


def _check_key(head: AuditHead, key: LogKey) -> None:
    if head.mac and head.key_id != key.key_id:
        raise LogKeyError(
            f"the audit log is sealed with log key {head.key_id}, but the key given ({key.path}) is "
            f"{key.key_id}: start with the key the log was sealed with (--log-key or ${logkey.KEY_ENV})"
        )


def seal(session: Session, key: LogKey | None = None) -> AuditHead:
    """Seal the head with this key if it is not sealed yet (a new or upgraded database).

    Refuses a key other than the one the log is sealed with, so a lost or swapped key is
    reported at start-up rather than breaking the log later.
    """
    key = key or logkey.for_session(session)
    head = _locked_head(session)
    _check_key(head, key)
    if not head.mac:
        head.keyed_from = head.last_id + 1
        head.key_id = key.key_id
        head.mac = head_seal(key, head)
        session.flush()
    return head


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    target: str,
    organisation_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event inside the caller's transaction (so it commits or rolls back with it)."""
    key = logkey.for_session(session)
    head = seal(session, key)
    details = json.loads(json.dumps(details or {}, default=str))
    at = utcnow()
    event_id = head.last_id + 1
    digest = chain_hash(head.last_hash, _canonical(event_id, at, actor, organisation_id, action, target, details))
    event = AuditEvent(
        id=event_id,
        at=at,
        actor=actor,
        organisation_id=organisation_id,
        action=action,
        target=target,
        details=details,
        prev_hash=head.last_hash,
        hash=digest,
        mac=key.mac(EVENT_LABEL, event_id, digest),
    )
    session.add(event)
    head.last_id = event_id
    head.last_hash = digest
    head.mac = head_seal(key, head)
    session.flush()
    anchor.mark(session, "audit", key)
    return event


@anchor.head_reader("audit")
def current_head(session: Session) -> anchor.Head | None:
    head = session.get(AuditHead, 1)
    return None if head is None else anchor.Head("audit", head.last_id, head.last_hash)


def stored_hashes(session: Session, ids: list[int]) -> dict[int, str]:
    rows = session.execute(select(AuditEvent.id, AuditEvent.hash).where(AuditEvent.id.in_(ids))).all()
    return {int(i): str(h) for i, h in rows}


def check_anchor(
    session: Session, key: LogKey, events: int, path: Path | None = None, upto: int | None = None
) -> anchor.Check:
    """The verified log of `events` events against the heads anchored outside the database
    (up to `upto` bytes of the anchor file: see `anchor.check`)."""
    return anchor.check(key, "audit", events, lambda ids: stored_hashes(session, ids), path=path, upto=upto)


def record_apart(factory: sessionmaker[Session], **event: Any) -> None:
    """Append a security event in a transaction of its own, committed whatever the request
    it came from does (a refused sign-in is logged although its request rolls back).

    Call it outside any open write transaction: on SQLite a second writer would wait for
    the first.
    """
    with factory() as s, s.begin():
        record(s, **event)


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    first_bad: int | None = None
    reason: str = ""
    sealed_from: int | None = None
    key_id: str = ""


def verify_chain(session: Session, key: LogKey | None = None, batch: int = 5000) -> ChainCheck:
    """Recompute every hash and seal in order; report the first event that does not match,
    then check the sealed head against the last event."""
    if key is None:
        key = logkey.for_session(session)
    head = session.get(AuditHead, 1)
    sealed_from = head.keyed_from if head is not None and head.mac else None
    key_id = head.key_id if head is not None else ""

    def bad(count: int, event_id: int, reason: str) -> ChainCheck:
        return ChainCheck(False, count, event_id, reason, sealed_from, key_id)

    if head is not None and head.mac and head.key_id != key.key_id:
        return bad(0, 1, f"the log is sealed with key {head.key_id}; the key given is {key.key_id}")
    prev = GENESIS
    expected_id = 1
    count = 0
    last_id = 0
    while True:
        rows = (
            session.execute(select(AuditEvent).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch))
            .scalars()
            .all()
        )
        if not rows:
            break
        for ev in rows:
            if ev.id != expected_id:
                return bad(count, expected_id, f"event {expected_id} is missing")
            if ev.prev_hash != prev:
                return bad(count, ev.id, f"event {ev.id}: previous-hash link broken")
            at = ev.at if ev.at.tzinfo else ev.at.replace(tzinfo=dt.UTC)
            digest = chain_hash(
                prev,
                _canonical(ev.id, at, ev.actor, ev.organisation_id, ev.action, ev.target, ev.details or {}),
            )
            if digest != ev.hash:
                return bad(count, ev.id, f"event {ev.id}: content does not match its hash")
            if (
                sealed_from is not None
                and ev.id >= sealed_from
                and not key.matches(ev.mac, EVENT_LABEL, ev.id, ev.hash)
            ):
                return bad(count, ev.id, f"event {ev.id}: its seal does not match (rewritten without the log key)")
            prev = ev.hash
            expected_id += 1
            count += 1
            last_id = ev.id
    if head is None or not head.mac:
        if count:
            return bad(count, 1, "the log head is not sealed (it was never sealed, or its seal was removed)")
        return ChainCheck(True, 0, sealed_from=sealed_from, key_id=key_id)
    if not key.matches(head.mac, HEAD_LABEL, head.keyed_from, head.last_id, head.last_hash):
        return bad(count, head.last_id, "the log head's seal does not match (rewritten without the log key)")
    if head.last_id > last_id:
        return bad(
            count,
            last_id + 1,
            f"event {last_id + 1} is missing: the sealed head records {head.last_id} events (removed from the end)",
        )
    if head.last_id != last_id or head.last_hash != prev:
        return bad(count, head.last_id + 1, f"events after {head.last_id} are not covered by the sealed head")
    return ChainCheck(True, count, sealed_from=sealed_from, key_id=key_id)
