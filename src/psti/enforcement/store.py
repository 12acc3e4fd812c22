"""Opening the case store: database URL, default location, migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session

from psti.errors import PstiError, UsageError
from psti.files import data_dir
from psti.store import db as store_db
from psti.store.db import DatabaseError, open_database, session_factory, upgrade

DATABASE_ENV = "PSTI_DATABASE_URL"
BRANCH = "enforcement"


class StoreError(PstiError):
    """The case database cannot be opened or migrated."""


def default_url() -> str:
    """$PSTI_DATABASE_URL, else the registry's own default database (`psti.store.db`)."""
    env = os.environ.get(DATABASE_ENV)
    if env:
        return env
    return store_db.default_url(data_dir())


def make_engine(url: str | None = None) -> Engine:
    """The engine for the case database, opened as the registry service opens its own."""
    try:
        url = url or default_url()
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
        return open_database(url)
    except (ArgumentError, ImportError, DatabaseError) as e:
        raise UsageError(f"--database {url!r}: not a usable database URL ({e})") from None
    except OSError as e:
        raise StoreError(f"--database {url!r}: cannot create its folder: {e}") from None


def migrate(engine: Engine) -> None:
    """Bring the database to every migration head (`alembic upgrade heads`).

    The enforcement tables are the `enforcement` branch of the shared migrations in
    `psti/store/migrations` (it depends on `core`, whose audit log case events go to), so
    the CLI's case database and the registry service's database are one schema.
    """
    try:
        upgrade(engine)
    except OperationalError as e:
        raise StoreError(f"cannot open or migrate the case database {engine.url!r}: {e.orig}") from None


@contextmanager
def open_session(url: str | None = None, *, migrate_first: bool = True) -> Iterator[Session]:
    engine = make_engine(url)
    try:
        if migrate_first:
            migrate(engine)
        factory = session_factory(engine)
        with factory() as session:
            yield session
    finally:
        engine.dispose()
