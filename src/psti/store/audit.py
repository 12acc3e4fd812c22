"""The append-only, hash-chained audit log.

Each event's hash is sha256 over the previous hash and the event's canonical JSON, so
changing, deleting or reordering any event breaks every later hash (`verify_chain`).
Appends lock the single `audit_head` row, which keeps the chain linear under
concurrent writers on PostgreSQL; SQLite serialises writers anyway. Database triggers
(see the core migration) refuse UPDATE and DELETE on `audit_event`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from psti.store.models import AuditEvent, AuditHead, utcnow

GENESIS = "0" * 64


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
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_id=0, last_hash=GENESIS)
        session.add(head)
        session.flush()
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
    )
    session.add(event)
    head.last_id = event_id
    head.last_hash = digest
    session.flush()
    return event


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    first_bad: int | None = None
    reason: str = ""


def verify_chain(session: Session, batch: int = 5000) -> ChainCheck:
    """Recompute every hash in order; report the first event that does not match."""
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
                return ChainCheck(False, count, expected_id, f"event {expected_id} is missing")
            if ev.prev_hash != prev:
                return ChainCheck(False, count, ev.id, "previous-hash link broken")
            at = ev.at if ev.at.tzinfo else ev.at.replace(tzinfo=dt.UTC)
            digest = chain_hash(
                prev,
                _canonical(ev.id, at, ev.actor, ev.organisation_id, ev.action, ev.target, ev.details or {}),
            )
            if digest != ev.hash:
                return ChainCheck(False, count, ev.id, "content does not match its hash")
            prev = ev.hash
            expected_id += 1
            count += 1
            last_id = ev.id
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_id != last_id or head.last_hash != prev):
        return ChainCheck(False, count, last_id + 1, "events after the last one stored were removed")
    return ChainCheck(True, count)
