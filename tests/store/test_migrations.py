"""Migrations run up from an empty database to every head, and match the models exactly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from psti.store.base import Base
from psti.store.db import alembic_config, current_heads, open_database, upgrade


def test_upgrade_heads_from_empty_creates_every_table(database_url: str) -> None:
    engine = open_database(database_url)
    assert inspect(engine).get_table_names() == []
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    script = ScriptDirectory.from_config(alembic_config(engine))
    assert current_heads(engine) == set(script.get_heads())
    upgrade(engine)  # idempotent: a second run changes nothing
    assert current_heads(engine) == set(script.get_heads())
    engine.dispose()


def test_models_and_migrations_agree(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
    assert diff == [], f"models differ from the migrations: {diff}"


def test_core_branch_label_is_the_root_others_build_on(engine) -> None:  # type: ignore[no-untyped-def]
    script = ScriptDirectory.from_config(alembic_config(engine))
    bases = [script.get_revision(b) for b in script.get_bases()]
    core = [r for r in bases if "core" in r.branch_labels]
    assert len(core) == 1 and core[0].revision == "c0001"
