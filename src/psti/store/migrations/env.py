"""Alembic environment: uses the engine handed over by psti.store.db, or $PSTI_DATABASE_URL."""

from __future__ import annotations

import os

from alembic import context

import psti.store.advisories  # noqa: F401  (the `advisories` branch's table)
import psti.store.enforcement  # noqa: F401  (the `enforcement` branch's tables)
import psti.store.models  # noqa: F401  (registers every table on Base.metadata)
from psti.store.base import Base
from psti.store.db import open_database

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url") or os.environ.get("PSTI_DATABASE_URL")
        if not url:
            raise RuntimeError("set PSTI_DATABASE_URL or sqlalchemy.url")
        engine = open_database(url)
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
