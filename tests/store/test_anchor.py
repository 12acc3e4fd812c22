"""The log heads anchored outside the database: putting back an older copy of the whole
database (its sealed heads included) is found by `psti audit verify` and `psti case
verify-log`, by the count and by the hash of the anchored entries."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from psti.cli import app as cli_app
from psti.cli.output import run_guarded
from psti.enforcement.cases import CaseService, PartyIn
from psti.store import anchor, audit, logkey
from psti.store.db import open_database, session_factory, upgrade
from psti.store.seal import seal_logs


def _psti(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["psti", *args])
    code = run_guarded(cli_app)
    out, err = capsys.readouterr()
    return code, out + err


class Db:
    """A registry database, opened as the service opens it, that can be backed up and restored whole."""

    def __init__(self, url: str, key: logkey.LogKey, tmp: Path) -> None:
        self.url, self.key, self.tmp = url, key, tmp
        self.engine: Engine = self._open()

    def _open(self) -> Engine:
        engine = open_database(self.url)
        upgrade(engine)
        seal_logs(engine, session_factory(engine), self.key)
        return engine

    def record(self, n: int, tag: str = "x") -> None:
        factory = session_factory(self.engine)
        for i in range(n):
            with factory() as s, s.begin():
                audit.record(s, actor="user:1:a@example.org", action="thing.change", target=f"{tag}:{i}")

    def open_case(self, who: str = "officer1") -> None:
        with session_factory(self.engine)() as s:
            svc = CaseService(s)
            svc.open(
                product_name="CamX",
                product_model="X1",
                source="public",
                allegation="default password",
                parties=[PartyIn("Acme Devices Ltd", "manufacturer")],
                who=who,
            )

    def backup(self) -> str:
        self.engine.dispose()
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite":
            copy = self.tmp / f"backup-{len(list(self.tmp.glob('backup-*')))}.sqlite3"
            with sqlite3.connect(str(url.database)) as src, sqlite3.connect(copy) as dst:
                src.backup(dst)
            return str(copy)
        name = f"{url.database}_bk{len(self._pg_copies())}"
        self._pg(f'CREATE DATABASE "{name}" TEMPLATE "{url.database}"')
        self.engine = self._open()
        return name

    def restore(self, copy: str) -> None:
        """Put the copy back over the live database (what a restore from backup does)."""
        self.engine.dispose()
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite":
            with sqlite3.connect(copy) as src, sqlite3.connect(str(url.database)) as dst:
                src.backup(dst)
        else:
            self._pg(f'DROP DATABASE "{url.database}" WITH (FORCE)')
            self._pg(f'CREATE DATABASE "{url.database}" TEMPLATE "{copy}"')
        self.engine = self._open()

    def _pg_copies(self) -> list[str]:
        return getattr(self, "_copies", [])

    def _pg(self, sql: str) -> None:
        admin = create_engine(make_url(self.url).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(sql))
        admin.dispose()
        if sql.startswith("CREATE DATABASE") and "_bk" in sql:
            self._copies = [*self._pg_copies(), sql.split('"')[1]]

    def close(self) -> None:
        self.engine.dispose()
        for name in self._pg_copies():
            self._pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    key = logkey.create(tmp_path / "log.key")
    monkeypatch.setenv(logkey.KEY_ENV, str(key.path))
    d = Db(database_url, key, tmp_path)
    yield d
    d.close()


def test_the_anchor_is_private_and_follows_every_commit(db: Db) -> None:
    path = anchor.path_for(db.key)
    assert path == db.key.path.with_name("log.key.anchor")
    db.record(3)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    audit_lines = [x for x in lines if x["log"] == "audit"]
    assert [x["count"] for x in audit_lines][-3:] == [1, 2, 3]
    assert all(x["key_id"] == db.key.key_id for x in lines)
    with session_factory(db.engine)() as s:
        assert audit.check_anchor(s, db.key, 3).problems == []


def test_a_rolled_back_transaction_anchors_nothing(db: Db) -> None:
    db.record(2)
    before = anchor.path_for(db.key).read_bytes()
    factory = session_factory(db.engine)
    with pytest.raises(RuntimeError), factory() as s, s.begin():
        audit.record(s, actor="system", action="thing.change", target="t")
        raise RuntimeError("refused after writing")
    # a savepoint rolled back inside a committed transaction
    with factory() as s, s.begin(), pytest.raises(RuntimeError), s.begin_nested():
        audit.record(s, actor="system", action="thing.change", target="nested")
        raise RuntimeError("refused")
    after = anchor.path_for(db.key).read_bytes()
    new = [json.loads(x) for x in after[len(before) :].splitlines()]
    assert all(x["count"] == 2 for x in new)  # at most the unchanged head again, never 3
    with factory() as s:
        assert audit.check_anchor(s, db.key, 2).problems == []


def test_audit_verify_finds_a_restored_copy(
    db: Db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db.record(5, "before")
    copy = db.backup()
    db.record(7, "after")
    code, out = _psti(monkeypatch, capsys, "audit", "verify", "--database", db.url)
    assert code == 0 and "audit log intact: 12 events" in out and "matches its anchor" in out, out

    db.restore(copy)  # the whole database, sealed head included, as it was at event 5
    code, out = _psti(monkeypatch, capsys, "audit", "verify", "--database", db.url)
    assert code == 1, out
    assert "database has 5 events, anchor records 12: rolled back or events removed" in out

    db.record(9, "forked")  # written to since: now longer than the anchor, but not the same log
    code, out = _psti(monkeypatch, capsys, "audit", "verify", "--database", db.url)
    assert code == 1, out
    assert "event 6 differs from the one anchored" in out and "restored from an older copy" in out


def test_case_verify_log_finds_a_restored_copy(
    db: Db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db.open_case()
    copy = db.backup()
    db.open_case()
    db.open_case()
    code, out = _psti(monkeypatch, capsys, "case", "verify-log", "--database", db.url)
    assert code == 0 and "case log intact" in out, out
    db.restore(copy)
    code, out = _psti(monkeypatch, capsys, "case", "verify-log", "--database", db.url)
    assert code == 1 and "database has 1 entries, anchor records 3: rolled back or entries removed" in out, out
    code, out = _psti(monkeypatch, capsys, "audit", "verify", "--database", db.url)  # its mirror too
    assert code == 1 and "rolled back" in out, out


def test_missing_anchor_is_reported_and_can_be_started(
    db: Db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db.record(3)
    db.engine.dispose()
    path = anchor.path_for(db.key)
    path.rename(path.with_name("moved-away"))
    code, out = _psti(monkeypatch, capsys, "audit", "verify", "--database", db.url)
    assert code == 1 and f"no anchor file at {path}" in out and "psti audit anchor" in out, out
    code, out = _psti(monkeypatch, capsys, "audit", "anchor", "--database", db.url)
    assert code == 0 and "anchored the audit log at entry 3" in out, out
    code, out = _psti(monkeypatch, capsys, "audit", "verify", "--database", db.url)
    assert code == 0 and "matches its anchor" in out, out
    elsewhere = db.tmp / "anchors" / "registry.anchor"  # a configured path
    code, out = _psti(monkeypatch, capsys, "audit", "verify", "--database", db.url, "--log-anchor", str(elsewhere))
    assert code == 1 and f"no anchor file at {elsewhere}" in out


def test_an_edited_anchor_line_is_named(
    db: Db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db.record(4)
    path = anchor.path_for(db.key)
    lines = path.read_text().splitlines()
    last = json.loads(lines[-1])
    last["count"] = 2  # someone hides the newest head by editing it down, without the key
    path.write_text("\n".join([*lines[:-1], json.dumps(last)]) + "\n")
    code, out = _psti(monkeypatch, capsys, "audit", "verify", "--database", db.url)
    assert code == 1 and f"line {len(lines)}: its seal does not match" in out, out


def _append_many(key_path: str, worker: int, n: int) -> None:
    key = logkey.load(Path(key_path))
    for i in range(n):
        anchor.append(key, [anchor.Head("audit", worker * 1000 + i, f"{worker:02d}{i:062d}")])


def test_processes_append_whole_lines(tmp_path: Path) -> None:
    key = logkey.create(tmp_path / "log.key")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(str(key.path), w, 200)) for w in range(1, 5)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    raw = anchor.path_for(key).read_bytes().splitlines(keepends=True)
    assert len(raw) == 800
    seen = set()
    for line in raw:
        problem, head = anchor._parse(key, line)
        assert problem == "" and head is not None
        seen.add(head.count)
    assert len(seen) == 800


def test_an_unwritable_anchor_stops_the_start(tmp_path: Path) -> None:
    key = logkey.create(tmp_path / "log.key")
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the anchor's directory should be")
    engine = open_database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    upgrade(engine)
    with pytest.raises(logkey.LogKeyError, match="log anchor .*cannot write it"):
        seal_logs(engine, session_factory(engine), logkey.resolve(key.path, anchor=blocked / "log.anchor"))
    engine.dispose()


def test_opening_a_rolled_back_database_is_reported(db: Db, caplog: pytest.LogCaptureFixture) -> None:
    db.record(2)
    copy = db.backup()
    db.record(3)
    with caplog.at_level("ERROR", logger="psti.store.seal"):
        db.restore(copy)  # opened as the service opens it: seal_logs
    assert "audit log: database has 2 entries, anchor records 5: rolled back?" in caplog.text
