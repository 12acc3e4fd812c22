"""Sealing both logs with the log key when a database is opened for writing."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from psti.store import anchor, audit, caselog, logkey
from psti.store.caselog import seal_case_log
from psti.store.logkey import LogKey, LogKeyError

log = logging.getLogger(__name__)


def _behind(
    key: LogKey, which: str, head: anchor.Head | None, hashes_of: Callable[[list[int]], dict[int, str]]
) -> list[tuple[str, str]]:
    """Whether the database's log is behind (or beside) the newest head anchored for it."""
    latest = anchor.latest(key, which)
    if latest is None or head is None:
        return []
    if head.count < latest.count:
        return [(which, f"database has {head.count} entries, anchor records {latest.count}: rolled back?")]
    if hashes_of([latest.count]).get(latest.count) != latest.hash:
        return [(which, f"entry {latest.count} differs from the one anchored: restored from an older copy?")]
    return []


def seal_logs(engine: Engine, factory: sessionmaker[Session], key: LogKey) -> None:
    """Use `key` for this engine's logs and seal their heads if they are not yet.

    Raises LogKeyError when a log is sealed with another key, so a server started with the
    wrong key stops at once with the reason instead of failing on its first write.
    """
    logkey.attach(engine, key)
    with factory() as s, s.begin():
        audit.seal(s, key)
        heads = [audit.current_head(s)]
        behind = _behind(key, "audit", heads[0], lambda ids: audit.stored_hashes(s, ids))
        if inspect(s.connection()).has_table("enf_log_head"):
            seal_case_log(s, key)
            heads.append(caselog.current_head(s))
            behind += _behind(key, "case", heads[1], lambda ids: caselog.stored_hashes(s, ids))
    for problem in behind:  # said loudly; `psti audit verify` / `psti case verify-log` exit 1 on it
        log.error("%s log: %s", problem[0], problem[1])
    # Anchor the heads as they are now (a database from before anchors were kept starts its
    # anchor here); an anchor file that cannot be written stops the start with the reason.
    try:
        anchor.append(key, [h for h in heads if h is not None])
    except OSError as e:
        raise LogKeyError(
            f"log anchor {anchor.path_for(key)}: cannot write it ({e.strerror}); name a writable file "
            f"with ${anchor.ENV}"
        ) from None
