"""Migrations run up from an empty database to every head, and match the models exactly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from psti.store.base import Base
from psti.store.db import alembic_config, applied_revisions, current_heads, open_database, upgrade


def test_upgrade_heads_from_empty_creates_every_table(database_url: str) -> None:
    engine = open_database(database_url)
    assert inspect(engine).get_table_names() == []
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert _core_tables() <= tables
    assert _enforcement_tables() <= tables
    script = ScriptDirectory.from_config(alembic_config(engine))
    everything = {r.revision for r in script.walk_revisions()}
    assert applied_revisions(engine) == everything
    before = current_heads(engine)
    upgrade(engine)  # idempotent: a second run changes nothing
    assert current_heads(engine) == before and applied_revisions(engine) == everything
    engine.dispose()


def test_models_and_migrations_agree(engine) -> None:  # type: ignore[no-untyped-def]
    ours = _core_tables() | _enforcement_tables() | {"advisory_details"}

    def only_ours(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table is None or table in ours

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False, "include_object": only_ours})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"models differ from the migrations: {diff}"


def _core_tables() -> set[str]:
    """The tables this branch owns (other packages may register theirs on the same Base)."""
    import psti.store.models as m

    return {
        cls.__tablename__
        for cls in vars(m).values()
        if isinstance(cls, type) and hasattr(cls, "__tablename__") and cls.__module__ == m.__name__
    }


def _enforcement_tables() -> set[str]:
    import psti.store.enforcement as t

    tables = {
        cls.__tablename__
        for cls in vars(t).values()
        if isinstance(cls, type) and hasattr(cls, "__tablename__") and cls.__module__ == t.__name__
    }
    assert tables and all(name.startswith("enf_") for name in tables)
    return tables


def test_enforcement_branch_sits_beside_core_and_depends_on_it(engine) -> None:  # type: ignore[no-untyped-def]
    script = ScriptDirectory.from_config(alembic_config(engine))
    enf = script.get_revision("enforcement@head")
    assert enf is not None
    base = enf
    while base.down_revision:  # the branch's first revision carries the label and the dependency
        base = script.get_revision(base.down_revision)
    assert "enforcement" in base.branch_labels
    assert "c0001" in (base.dependencies if isinstance(base.dependencies, tuple) else (base.dependencies,))
    assert {"c0001", enf.revision} <= applied_revisions(engine)  # `engine` is migrated by upgrade()


def test_core_branch_label_is_the_root_others_build_on(engine) -> None:  # type: ignore[no-untyped-def]
    script = ScriptDirectory.from_config(alembic_config(engine))
    bases = [script.get_revision(b) for b in script.get_bases()]
    core = [r for r in bases if "core" in r.branch_labels]
    assert len(core) == 1 and core[0].revision == "c0001"


BRANCH_REVISION = '''
"""a second branch, as the enforcement tables are"""
import sqlalchemy as sa
from alembic import op

revision = "x0001"
down_revision = None
branch_labels = ("other",)
depends_on = None  # an independent branch in the same version table


def upgrade() -> None:
    op.create_table("x_demo", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("x_demo")
'''


def test_upgrade_applies_every_branch_head(database_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "x0001_other.py").write_text(BRANCH_REVISION)
    engine = open_database(database_url)
    upgrade(engine, [versions])
    assert {"c0001", "x0001", "enf0001"} <= applied_revisions(engine, [versions])
    assert {"x_demo", "product", "audit_event"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_databases_migrated_by_earlier_layouts_upgrade(database_url: str) -> None:
    """Both branches recorded side by side (before enf0001 depended on core), or enforcement alone."""
    from sqlalchemy import text

    engine = open_database(database_url)
    upgrade(engine)
    with engine.begin() as conn:  # as the earlier, independent branches left it
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('c0001')"))
    upgrade(engine)
    assert current_heads(engine) == _script_heads(engine)
    engine.dispose()


def _script_heads(engine) -> set[str]:  # type: ignore[no-untyped-def]
    """Every head of the migration scripts (the newest enforcement and core revisions)."""
    return set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())


def test_an_enforcement_only_database_gains_the_core_tables(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    engine = open_database(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    # what the enforcement package's own Alembic environment used to leave: its tables alone
    Base.metadata.create_all(engine, tables=[Base.metadata.tables[t] for t in _enforcement_tables()])
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE enf_log_head"))  # added by enf0002, after that layout
        conn.execute(text("ALTER TABLE enf_events DROP COLUMN mac"))
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('enf0001')"))
    upgrade(engine)
    assert _core_tables() | _enforcement_tables() <= set(inspect(engine).get_table_names())
    assert current_heads(engine) == _script_heads(engine)
    engine.dispose()
