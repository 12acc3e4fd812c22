"""Anchoring the logs outside the database, so a whole-database rollback is found.

The seals (`psti.store.logkey`) stop someone who can write the database from rewriting or
cutting the logs, but not from putting back an older copy of the whole database: its
rows, hashes and sealed heads are all genuine, only old. So each time a transaction that
appended to a log commits, its new head (which log, how many entries, the newest hash) is
also appended, with an HMAC under the log key, to an append-only *anchor file* outside the
database: by default beside the log key (`log.key.anchor`), else `--log-anchor FILE` or
`$PSTI_LOG_ANCHOR_FILE`. Writers append under an exclusive file lock and fsync, after the
commit, so several server processes share one file and a line never names an entry the
database does not hold.

`psti audit verify` and `psti case verify-log` then check every anchored head against the
database: fewer entries than anchored means the database was rolled back (or its end cut
off); an anchored entry whose hash differs means it was restored from an older copy and
written to since.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from psti.store.logkey import LogKey

ENV = "PSTI_LOG_ANCHOR_FILE"
LABEL = "psti-log-anchor"
LOGS = ("audit", "case")
_INFO = "psti_anchor"
log = logging.getLogger(__name__)


def default_path(key: LogKey) -> Path:
    """The anchor file for logs sealed with `key`: `$PSTI_LOG_ANCHOR_FILE`, else beside the key."""
    env = os.environ.get(ENV)
    if env:
        return Path(env).expanduser()
    return key.path.with_name(key.path.name + ".anchor")


def path_for(key: LogKey) -> Path:
    return key.anchor if key.anchor is not None else default_path(key)


@dataclass(frozen=True)
class Head:
    log: str  # "audit" or "case"
    count: int  # entries in the log (entries are numbered 1..count)
    hash: str  # the newest entry's hash


def _line(key: LogKey, head: Head) -> bytes:
    at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    mac = key.mac(LABEL, head.log, head.count, head.hash, at, key.key_id)
    body = {"log": head.log, "count": head.count, "hash": head.hash, "at": at, "key_id": key.key_id, "mac": mac}
    return json.dumps(body, separators=(",", ":")).encode() + b"\n"


def append(key: LogKey, heads: Iterable[Head], path: Path | None = None) -> Path:
    """Append these heads to the anchor file (created 0600, even with nothing to append yet),
    under an exclusive lock, fsync'd."""
    path = path or path_for(key)
    data = b"".join(_line(key, h) for h in heads if h.count > 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        if data:
            fcntl.flock(fd, fcntl.LOCK_EX)  # one writer at a time across processes: whole lines
            os.write(fd, data)
            os.fsync(fd)
    finally:
        os.close(fd)  # releases the lock
    if created:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return path


@dataclass(frozen=True)
class Check:
    problems: list[str]
    anchored: int  # the highest count anchored for the log (0 when none)
    lines: int  # anchor lines read for the log


def check(
    key: LogKey,
    which: str,
    db_count: int,
    hashes_of: Callable[[list[int]], dict[int, str]],
    *,
    noun: str = "events",
    path: Path | None = None,
    batch: int = 1000,
    upto: int | None = None,
) -> Check:
    """Compare the database's log with every anchored head of it.

    `db_count` is how many entries the database's (already verified) log holds; `hashes_of`
    gives the stored hash of each entry id asked for. `upto` (from `extent`, taken before the
    database was read) limits the check to the heads anchored by then: a head is anchored only
    after its commit, so a live server's newer heads are never taken for a rollback.
    """
    path = path or path_for(key)
    if not path.exists():
        if db_count == 0:
            return Check([], 0, 0)
        return Check(
            [
                f"no anchor file at {path}: cannot tell whether this database was rolled back. If the "
                "logs were written before anchors were kept (or the file was moved), start one with "
                "`psti audit anchor`; otherwise restore the anchor file from the server"
            ],
            0,
            0,
        )
    problems: list[str] = []
    anchored: dict[int, tuple[str, int]] = {}  # count -> (hash, line number)
    lines = 0
    try:
        with path.open("rb") as f:
            for number, raw in enumerate(_lines(f, upto), 1):
                problem, head = _parse(key, raw)
                if problem:
                    problems.append(f"anchor file {path} line {number}: {problem}")
                    continue
                if head is None or head.log != which:
                    continue
                lines += 1
                seen = anchored.get(head.count)
                if seen and seen[0] != head.hash:
                    problems.append(
                        f"anchor file {path} lines {seen[1]} and {number} record different hashes for "
                        f"{noun[:-1]} {head.count}: the database was restored and written to since"
                    )
                anchored.setdefault(head.count, (head.hash, number))
    except OSError as e:
        return Check([f"anchor file {path}: cannot read it ({e.strerror})"], 0, 0)
    top = max(anchored, default=0)
    if top > db_count:
        problems.append(
            f"database has {db_count} {noun}, anchor records {top}: rolled back or {noun} removed "
            f"(anchor file {path}, line {anchored[top][1]})"
        )
    first = _first_differing(sorted(c for c in anchored if c <= db_count), anchored, hashes_of, batch)
    if first is not None:
        problems.append(
            f"{noun[:-1]} {first} differs from the one anchored (anchor file {path}, line {anchored[first][1]}): "
            "the database was restored from an older copy and written to since"
        )
    return Check(problems, top, lines)


def extent(key: LogKey, path: Path | None = None) -> int | None:
    """How long the anchor file is now (None when there is none): read it before the database."""
    try:
        return (path or path_for(key)).stat().st_size
    except OSError:
        return None


def _lines(f: BinaryIO, upto: int | None) -> Iterator[bytes]:
    """The file's lines, read one at a time (the file grows with every logged transaction);
    with `upto`, only those that end within its first `upto` bytes."""
    if upto is None:
        yield from f
        return
    left = upto
    for raw in f:
        if len(raw) > left or (len(raw) == left and not raw.endswith(b"\n")):
            return  # a line being appended as the extent was taken: after it, so not ours to judge
        left -= len(raw)
        yield raw


def _first_differing(
    ids: list[int],
    anchored: dict[int, tuple[str, int]],
    hashes_of: Callable[[list[int]], dict[int, str]],
    batch: int,
) -> int | None:
    for i in range(0, len(ids), batch):
        chunk = ids[i : i + batch]
        stored = hashes_of(chunk)
        for c in chunk:
            if stored.get(c) != anchored[c][0]:
                return c
    return None


def latest(key: LogKey, which: str, path: Path | None = None) -> Head | None:
    """The anchored head of log `which` with the most entries (lines that fail their check are skipped)."""
    path = path or path_for(key)
    best: Head | None = None
    try:
        with path.open("rb") as f:
            for raw in f:
                _, head = _parse(key, raw)
                if head is not None and head.log == which and (best is None or head.count > best.count):
                    best = head
    except OSError:  # missing or unreadable: the writers and `check` say which
        return None
    return best


def _parse(key: LogKey, raw: bytes) -> tuple[str, Head | None]:
    if not raw.strip():
        return "", None
    if not raw.endswith(b"\n"):
        return "an incomplete line (a write cut short)", None
    try:
        d: dict[str, Any] = json.loads(raw)
        head = Head(str(d["log"]), int(d["count"]), str(d["hash"]))
        at, key_id, mac = str(d["at"]), str(d["key_id"]), str(d["mac"])
    except (ValueError, KeyError, TypeError):
        return "not an anchor line", None
    if key_id != key.key_id:
        return f"written with log key {key_id}, not the key given ({key.key_id})", None
    if not key.matches(mac, LABEL, head.log, head.count, head.hash, at, key_id):
        return "its seal does not match (edited without the log key)", None
    return "", head


# ---- writing after each commit ---------------------------------------------------------------


def mark(session: Session, which: str, key: LogKey) -> None:
    """Note that this transaction appended to log `which`: its head is anchored after the commit."""
    session.info.setdefault(_INFO, {})[which] = key


_head_readers: dict[str, Callable[[Session], Head | None]] = {}


def head_reader(which: str) -> Callable[[Callable[[Session], Head | None]], Callable[[Session], Head | None]]:
    """Register how to read log `which`'s current head in a session (the log modules do)."""

    def register(fn: Callable[[Session], Head | None]) -> Callable[[Session], Head | None]:
        _head_readers[which] = fn
        return fn

    return register


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    marked: dict[str, LogKey] = session.info.get(_INFO) or {}
    if not marked:
        return
    pending: list[tuple[LogKey, Head]] = []
    for which, key in marked.items():
        head = _head_readers[which](session)
        if head is not None:
            pending.append((key, head))
    session.info[_INFO + ".pending"] = pending


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    pending: list[tuple[LogKey, Head]] = session.info.pop(_INFO + ".pending", [])
    session.info.pop(_INFO, None)
    by_path: dict[Path, tuple[LogKey, list[Head]]] = {}
    for key, head in pending:
        by_path.setdefault(path_for(key), (key, []))[1].append(head)
    for path, (key, heads) in by_path.items():
        try:
            append(key, heads, path)
        except OSError as e:  # committed already: say so loudly; the next commit's head covers this one
            log.error("could not append to the log anchor file %s: %s", path, e)


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the outermost transaction ended (committed or rolled back)
        session.info.pop(_INFO, None)
        session.info.pop(_INFO + ".pending", None)
