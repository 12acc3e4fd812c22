"""Opening the case store: database URL, default location, migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from psti.errors import PstiError, UsageError

DATA_DIR_ENV = "PSTI_DATA_DIR"
DATABASE_ENV = "PSTI_DATABASE_URL"
MIGRATIONS = Path(__file__).with_name("migrations")
BRANCH = "enforcement"


class StoreError(PstiError):
    """The case database cannot be opened or migrated."""


def data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env).expanduser() if env else Path.home() / ".local" / "share" / "psti"


def default_url() -> str:
    env = os.environ.get(DATABASE_ENV)
    if env:
        return env
    return f"sqlite:///{data_dir() / 'psti.sqlite3'}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(url: str | None = None) -> Engine:
    url = url or default_url()
    try:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
    except (ArgumentError, ImportError) as e:
        raise UsageError(f"--database {url!r}: not a usable database URL ({e})") from None
    except OSError as e:
        raise StoreError(f"--database {url!r}: cannot create its folder: {e}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _core_migrations() -> Path | None:
    """The shared migrations folder (branch `core`), once the store package ships one."""
    import psti.store

    folder = Path(psti.store.__file__).with_name("migrations")
    return folder if (folder / "env.py").is_file() else None


def migrate(engine: Engine) -> None:
    """Bring the enforcement tables to the newest revision of the `enforcement` branch.

    With the shared `psti/store/migrations` present, both branches run from its
    environment in one version table (`alembic upgrade heads`); until then this package's
    own environment runs the `enforcement` branch alone. The revision ids are the same
    either way, so a database migrated before the shared folder existed stays valid.
    """
    from alembic import command
    from alembic.config import Config

    core = _core_migrations()
    cfg = Config()
    try:
        if core is not None:
            cfg.set_main_option("script_location", str(core))
            cfg.set_main_option("version_path_separator", "os")
            cfg.set_main_option(
                "version_locations", os.pathsep.join([str(core / "versions"), str(MIGRATIONS / "versions")])
            )
            cfg.attributes["engine"] = engine
            command.upgrade(cfg, "heads")
            return
        cfg.set_main_option("script_location", str(MIGRATIONS))
        # configparser treats '%' as interpolation: escape it (URL-encoded passwords, options)
        url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
        cfg.set_main_option("sqlalchemy.url", url)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, f"{BRANCH}@head")
    except OperationalError as e:
        raise StoreError(f"cannot open or migrate the case database {engine.url!r}: {e.orig}") from None


@contextmanager
def open_session(url: str | None = None, *, migrate_first: bool = True) -> Iterator[Session]:
    engine = make_engine(url)
    try:
        if migrate_first:
            migrate(engine)
        factory = sessionmaker(engine, expire_on_commit=False)
        with factory() as session:
            yield session
    finally:
        engine.dispose()
