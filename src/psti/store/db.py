"""Engines, sessions and the migration runner.

`open_database(url)` gives an engine with the pragmas SQLite needs for a multi-threaded
server (WAL, foreign keys, busy timeout); `upgrade(engine)` brings the schema to every
head (`alembic upgrade heads`). Every branch lives in `migrations/versions/`: `core` (the
registry, `models.py`) and `enforcement` (the case tables of `enforcement.py`, which depend on `core`).
"""

from __future__ import annotations

import contextvars
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from psti.errors import PstiError

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(PstiError):
    """The database URL is wrong or the database cannot be reached."""


def default_url(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(data_dir / 'psti.sqlite3').resolve()}"


def normalise_url(url: str) -> str:
    """Accept plain postgresql:// URLs and use the psycopg 3 driver for them."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# SQLite: write transactions start with BEGIN IMMEDIATE, so two writers queue on the busy
# timeout instead of failing when one upgrades a read lock; reads (GET pages, look-ups)
# run inside `reading()` and use a plain deferred BEGIN, so they never block each other.
_immediate: contextvars.ContextVar[bool] = contextvars.ContextVar("psti_sqlite_immediate", default=True)


@contextmanager
def reading() -> Iterator[None]:
    previous = _immediate.get()
    _immediate.set(False)  # set/restore, not reset: streamed responses resume in another context
    try:
        yield
    finally:
        _immediate.set(previous)


def private_sqlite_file(url: str) -> None:
    """Create the SQLite file readable by its owner only (0600), or make an existing one so.

    SQLite gives its -wal and -shm files the database file's mode, so they follow.
    """
    parsed = make_url(url)
    path = parsed.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    p = Path(path).expanduser()
    try:
        if p.exists():
            if p.stat().st_mode & 0o077:
                p.chmod(0o600)
        elif p.parent.is_dir():
            os.close(os.open(p, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError:
        return  # not ours to change (a read-only copy): SQLite reports what matters when opening


@contextmanager
def single_reads(engine: Engine) -> Iterator[Connection]:
    """A connection for answers that are one SELECT each (the public look-up).

    One statement is consistent on its own, so PostgreSQL runs it in autocommit: no BEGIN
    and ROLLBACK round trips around it (a third of a look-up's time). On SQLite a statement
    run on the driver's cursor (`psti.store.direct`, as the look-ups are) takes its own read
    snapshot with no BEGIN; one run through SQLAlchemy gets the usual deferred BEGIN.
    """
    with reading(), engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT")
        yield conn


def open_database(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        private_sqlite_file(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()
            dbapi_conn.isolation_level = None  # SQLAlchemy's begin event below issues BEGIN

        @event.listens_for(engine, "begin")
        def _begin(conn):  # type: ignore[no-untyped-def]
            conn.exec_driver_sql("BEGIN IMMEDIATE" if _immediate.get() else "BEGIN")

        return engine
    if url.startswith("postgresql"):
        # No pre-ping (a round trip per request); recycle instead, and errors surface as 500s once.
        return create_engine(url, pool_size=10, max_overflow=20, pool_recycle=1800)
    raise DatabaseError(f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://…")


def alembic_config(engine: Engine, extra_locations: list[Path] | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    locations = [MIGRATIONS / "versions", *(extra_locations or [])]
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_path_separator", "os")
    cfg.set_main_option("version_locations", os.pathsep.join(str(p) for p in dict.fromkeys(locations)))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, extra_locations: list[Path] | None = None) -> None:
    """Apply every migration branch (`alembic upgrade heads`): `core`, `enforcement` and any extra."""
    cfg = alembic_config(engine, extra_locations)
    _repair_version_table(engine, cfg)
    command.upgrade(cfg, "heads")


def _repair_version_table(engine: Engine, cfg: Config) -> None:
    """Bring version tables written by earlier layouts of the migrations in line with today's.

    Before `enf0001` depended on `c0001` the two were independent branches, so a database
    migrated then records both; Alembic now refuses that as overlapping, so the implied row
    goes. Older still, `psti case` migrated the enforcement tables alone: such a database
    records `enf0001` without the core tables, which are then created before going on.
    """
    if not inspect(engine).has_table("alembic_version"):
        return
    script = ScriptDirectory.from_config(cfg)
    known = {r.revision for r in script.walk_revisions()}
    with engine.begin() as conn:
        rows = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars()) & known
        implied = {
            r
            for other in rows
            for r in rows - {other}
            if r in {x.revision for x in script.iterate_revisions(other, "base")}
        }
        for r in implied:
            conn.execute(text("DELETE FROM alembic_version WHERE version_num = :r"), {"r": r})
    if "enf0001" in rows and not inspect(engine).has_table("audit_event"):
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM alembic_version WHERE version_num = 'enf0001'"))
        command.upgrade(cfg, "c0001")
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'enf0001' WHERE version_num = 'c0001'"))


def current_heads(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def applied_revisions(engine: Engine, extra_locations: list[Path] | None = None) -> set[str]:
    """Every revision the database is at or past, dependencies included.

    Alembic records only the heads it reached: `enf0001` depends on `c0001`, so a fully
    migrated database lists `enf0001` alone; compare this set with the script's instead.
    """
    script = ScriptDirectory.from_config(alembic_config(engine, extra_locations))
    heads = tuple(current_heads(engine))
    return {r.revision for r in script.iterate_revisions(heads, "base")} if heads else set()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error: no partial writes."""
    with factory() as session, session.begin():
        yield session
