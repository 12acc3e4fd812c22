"""Alembic environment for the enforcement tables (branch label `enforcement`).

Kept beside the enforcement package until the shared `psti/store/migrations` (branch
label `core`) is on main; the revision has no dependency on `core`, so it can move
there unchanged.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

import psti.enforcement.tables  # noqa: F401  (registers the tables on Base.metadata)
from psti.store.base import Base

config = context.config
target_metadata = Base.metadata


def _include(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # Only our tables: other packages' tables are migrated by their own branches.
    return not (type_ == "table" and not str(name).startswith("enf_"))


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        include_object=_include,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is None:
        connectable = engine_from_config(
            config.get_section(config.config_ini_section, {}),
            prefix="sqlalchemy.",
            poolclass=pool.NullPool,
        )
        with connectable.connect() as connection:
            _run(connection)
    else:
        _run(connectable)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=_include,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
