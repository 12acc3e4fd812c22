"""The audit log is hash-chained, append-only in the database, and tampering is detected."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from psti.store import audit, logkey
from psti.store.db import session_factory
from psti.store.models import AuditEvent, AuditHead, Organisation


def _append(factory, n: int) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        with factory() as s, s.begin():
            audit.record(
                s,
                actor="user:1:a@example.org",
                action="thing.change",
                target=f"thing:{i}",
                details={"i": i, "note": "ü"},
            )


def test_chain_verifies_and_links(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    _append(factory, 5)
    with factory() as s:
        check = audit.verify_chain(s)
        events = s.query(AuditEvent).order_by(AuditEvent.id).all()
    assert check.ok and check.events == 5
    assert events[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(events, events[1:], strict=False))


def test_rolled_back_change_leaves_no_audit_event(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    _append(factory, 1)
    with pytest.raises(RuntimeError), factory() as s, s.begin():
        s.add(Organisation(slug="x", name="X", kind="manufacturer"))
        audit.record(s, actor="system", action="organisation.create", target="organisation:x")
        raise RuntimeError("fail after writing")
    with factory() as s:
        assert s.query(AuditEvent).count() == 1
        assert s.query(Organisation).count() == 0
        assert audit.verify_chain(s).ok


@pytest.mark.parametrize("statement", ["UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event"])
def test_database_refuses_update_and_delete(engine, statement: str) -> None:  # type: ignore[no-untyped-def]
    _append(session_factory(engine), 2)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text(statement))


def _drop_guards(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("DROP TRIGGER audit_event_append_only ON audit_event"))
        else:
            conn.execute(text("DROP TRIGGER audit_event_no_update"))
            conn.execute(text("DROP TRIGGER audit_event_no_delete"))


def test_tampering_detected_when_guards_are_bypassed(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    _append(factory, 4)
    _drop_guards(engine)  # someone with database access removes the triggers
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor = 'user:9:mallory@example.org' WHERE id = 2"))
    with factory() as s:
        check = audit.verify_chain(s)
    assert not check.ok and check.first_bad == 2 and "hash" in check.reason


def test_deleting_the_newest_event_is_detected(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    _append(factory, 3)
    _drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE id = 3"))
    with factory() as s:
        check = audit.verify_chain(s)
    assert not check.ok and "removed" in check.reason


def test_concurrent_appends_keep_one_linear_chain(engine) -> None:  # type: ignore[no-untyped-def]
    import threading

    factory = session_factory(engine)
    threads = [threading.Thread(target=_append, args=(factory, 10)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with factory() as s:
        check = audit.verify_chain(s)
    assert check.ok and check.events == 40


def _rewrite_as_an_insider(engine, event_id: int) -> None:  # type: ignore[no-untyped-def]
    """Change one event and recompute every later hash and the head, as someone with write
    access to the database (but not the log key) can."""
    factory = session_factory(engine)
    with factory() as s, s.begin():
        rows = s.query(AuditEvent).order_by(AuditEvent.id).all()
        prev = rows[event_id - 2].hash if event_id > 1 else audit.GENESIS
        for ev in rows[event_id - 1 :]:
            if ev.id == event_id:
                ev.actor = "user:9:mallory@example.org"
            at = ev.at if ev.at.tzinfo else ev.at.replace(tzinfo=dt.UTC)
            ev.prev_hash = prev
            ev.hash = prev = audit.chain_hash(
                prev, audit._canonical(ev.id, at, ev.actor, ev.organisation_id, ev.action, ev.target, ev.details)
            )
        head = s.get(AuditHead, 1)
        assert head is not None
        head.last_hash = prev


def test_rewriting_rows_and_head_without_the_key_is_detected(engine) -> None:  # type: ignore[no-untyped-def]
    _append(session_factory(engine), 5)
    _drop_guards(engine)
    _rewrite_as_an_insider(engine, 3)
    with session_factory(engine)() as s:
        check = audit.verify_chain(s)
    assert not check.ok and check.first_bad == 3 and "seal" in check.reason


def test_stripping_the_seals_is_detected(engine) -> None:  # type: ignore[no-untyped-def]
    _append(session_factory(engine), 3)
    _drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET mac = ''"))
        conn.execute(text("UPDATE audit_head SET mac = '', keyed_from = 0, key_id = ''"))
    with session_factory(engine)() as s:
        check = audit.verify_chain(s)
    assert not check.ok and "not sealed" in check.reason


def test_another_key_is_refused(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _append(session_factory(engine), 2)
    other = logkey.create(tmp_path / "other.key")
    with session_factory(engine)() as s:
        check = audit.verify_chain(s, other)
        assert not check.ok and "sealed with key" in check.reason
        with pytest.raises(logkey.LogKeyError, match="sealed with log key"):
            audit.seal(s, other)


def test_security_event_apart_commits_although_the_request_rolls_back(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    with pytest.raises(RuntimeError), factory() as s, s.begin():
        audit.record(s, actor="anonymous", action="thing.change", target="x")
        raise RuntimeError("the request fails")
    audit.record_apart(factory, actor="anonymous:a@example.org", action="login.fail", target="session")
    with factory() as s:
        assert [e.action for e in s.query(AuditEvent)] == ["login.fail"]
        assert audit.verify_chain(s).ok
