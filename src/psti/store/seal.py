"""Sealing both logs with the log key when a database is opened for writing."""

from __future__ import annotations

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from psti.store import anchor, audit, caselog, logkey
from psti.store.caselog import seal_case_log
from psti.store.logkey import LogKey, LogKeyError


def seal_logs(engine: Engine, factory: sessionmaker[Session], key: LogKey) -> None:
    """Use `key` for this engine's logs and seal their heads if they are not yet.

    Raises LogKeyError when a log is sealed with another key, so a server started with the
    wrong key stops at once with the reason instead of failing on its first write.
    """
    logkey.attach(engine, key)
    with factory() as s, s.begin():
        audit.seal(s, key)
        heads = [audit.current_head(s)]
        if inspect(s.connection()).has_table("enf_log_head"):
            seal_case_log(s, key)
            heads.append(caselog.current_head(s))
    # Anchor the heads as they are now (a database from before anchors were kept starts its
    # anchor here); an anchor file that cannot be written stops the start with the reason.
    try:
        anchor.append(key, [h for h in heads if h is not None])
    except OSError as e:
        raise LogKeyError(
            f"log anchor {anchor.path_for(key)}: cannot write it ({e.strerror}); name a writable file "
            f"with ${anchor.ENV}"
        ) from None
