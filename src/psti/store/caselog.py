"""The case log's chain: each `enf_events` entry's hash covers its content and the previous
entry's hash; each entry and the head (`enf_log_head`) carry seals, HMACs under the log key
kept outside the database (`psti.store.logkey`), so rewriting entries or cutting the end
off with write access to the database alone is found by `verify_case_log`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from psti.store import anchor, logkey
from psti.store.enforcement import Event, LogHead
from psti.store.logkey import LogKey, LogKeyError

GENESIS = "0" * 64
EVENT_LABEL = "psti-case-event"
HEAD_LABEL = "psti-case-head"


def aware(t: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything is stored in UTC."""
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def hash_event(prev: str, body: dict[str, Any]) -> str:
    payload = json.dumps({"prev": prev, **body}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def event_body(e: Event) -> dict[str, Any]:
    return {
        "case_id": e.case_id,
        "at": aware(e.at).isoformat(),
        "who": e.who,
        "action": e.action,
        "from_state": e.from_state,
        "to_state": e.to_state,
        "why": e.why,
        "evidence": list(e.evidence or []),
        "details": e.details or {},
    }


def head_seal(key: LogKey, head: LogHead) -> str:
    return key.mac(HEAD_LABEL, head.keyed_from, head.last_id, head.last_hash)


def seal_case_log(session: Session, key: LogKey) -> LogHead:
    """The locked log head, sealed with this key from the next entry on if it was not yet.

    A key other than the one the log is sealed with is refused, so a lost or swapped key
    is reported before anything is written.
    """
    head = session.scalars(select(LogHead).where(LogHead.id == 1).with_for_update()).first()
    if head is None:
        head = LogHead(id=1, last_id=0, last_hash=GENESIS, keyed_from=0, key_id="", mac="")
        session.add(head)
        session.flush()
    if head.mac and head.key_id != key.key_id:
        raise LogKeyError(
            f"the case log is sealed with log key {head.key_id}, but the key given ({key.path}) is "
            f"{key.key_id}: use the key the log was sealed with (--log-key or ${logkey.KEY_ENV})"
        )
    if not head.mac:
        head.keyed_from = head.last_id + 1
        head.key_id = key.key_id
        head.mac = head_seal(key, head)
        session.flush()
    anchor.mark(session, "case", key)  # appends follow; the head is anchored after the commit
    return head


@anchor.head_reader("case")
def current_head(session: Session) -> anchor.Head | None:
    head = session.get(LogHead, 1)
    return None if head is None else anchor.Head("case", head.last_id, head.last_hash)


def stored_hashes(session: Session, ids: list[int]) -> dict[int, str]:
    rows = session.execute(select(Event.id, Event.hash).where(Event.id.in_(ids))).all()
    return {int(i): str(h) for i, h in rows}


def check_anchor(
    session: Session, key: LogKey, path: Path | None = None, upto: int | None = None
) -> anchor.Check:
    """The (verified) case log against the heads anchored outside the database (up to `upto`
    bytes of the anchor file: see `anchor.check`)."""
    head = session.get(LogHead, 1)
    count = head.last_id if head is not None else 0
    return anchor.check(
        key, "case", count, lambda ids: stored_hashes(session, ids), noun="entries", path=path, upto=upto
    )


def verify_case_log(session: Session, key: LogKey) -> list[str]:
    problems: list[str] = []
    head = session.get(LogHead, 1)
    sealed = head is not None and bool(head.mac)
    if sealed and head is not None and head.key_id != key.key_id:
        return [f"the case log is sealed with key {head.key_id}; the key given ({key.path}) is {key.key_id}"]
    prev = GENESIS
    last_id = 0
    for e in session.scalars(select(Event).order_by(Event.id)):
        if e.prev_hash != prev:
            problems.append(f"event {e.id}: previous-hash link broken (entry removed or reordered)")
        if hash_event(e.prev_hash, event_body(e)) != e.hash:
            problems.append(f"event {e.id}: content does not match its hash (entry altered)")
        if (
            sealed
            and head is not None
            and e.id >= head.keyed_from
            and not key.matches(e.mac, EVENT_LABEL, e.id, e.hash)
        ):
            problems.append(f"event {e.id}: its seal does not match (written or rewritten without the log key)")
        prev, last_id = e.hash, e.id
    if head is None or not head.mac:
        if last_id:
            problems.append("the case log head is not sealed (never sealed, or its seal was removed)")
        return problems
    if not key.matches(head.mac, HEAD_LABEL, head.keyed_from, head.last_id, head.last_hash):
        problems.append("the case log head's seal does not match (rewritten without the log key)")
    elif head.last_id > last_id:
        problems.append(
            f"event {last_id + 1}: missing: the sealed head records entries up to {head.last_id} "
            "(entries removed from the end)"
        )
    elif head.last_id != last_id or head.last_hash != prev:
        problems.append(f"event {head.last_id + 1}: not covered by the sealed head (entries added or replaced)")
    return problems
