"""The case store on PostgreSQL (set PSTI_TEST_POSTGRES_URL; scripts/start-postgres.sh starts one)."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from psti.enforcement import proceedings as pr
from psti.enforcement.cases import CaseService
from psti.enforcement.store import open_session

from .conftest import ACME, BREACH, compliance_terms, new_case, serve

URL = os.environ.get("PSTI_TEST_POSTGRES_URL", "")
pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not URL, reason="PSTI_TEST_POSTGRES_URL not set")]


@pytest.fixture
def pg_url():
    schema = f"enf_test_{uuid.uuid4().hex[:10]}"
    engine = create_engine(URL)
    with engine.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    sep = "&" if "?" in URL else "?"
    yield f"{URL}{sep}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(text(f'drop schema "{schema}" cascade'))
    engine.dispose()


def test_case_flow_on_postgresql(pg_url) -> None:
    with open_session(pg_url) as session:
        svc = CaseService(session)
        ref = new_case(svc, state="investigation")
        intent = pr.give_intent(
            svc,
            ref,
            kind="compliance",
            to=ACME.name,
            breach=BREACH,
            reasons="r",
            who="officer",
            serve=serve("2026-03-02"),
        )
        n = pr.issue(
            svc,
            ref,
            kind="compliance",
            intent=intent.reference,
            who="officer",
            reasons="r",
            terms=compliance_terms(),
            serve=serve("2026-03-12"),
        )
        a = pr.lodge_appeal(svc, n.reference, lodged_on=dt.date(2026, 4, 1), grounds=["error-of-fact"], who="c")
        pr.decide_appeal(svc, a.id, outcome="cancelled", decided_on=dt.date(2026, 6, 1), who="c")
        assert svc.get(ref).state == "closed"
        assert svc.verify_log() == []
        data = svc.export(today=dt.date(2026, 6, 2))
        assert data["cases"][0]["notices"][0]["status"] == "cancelled"
    with open_session(pg_url) as session:  # migrating again is a no-op
        assert CaseService(session).get(ref).state == "closed"


def test_migration_matches_tables_on_postgresql(pg_url) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import psti.store.enforcement  # noqa: F401
    from psti.store.base import Base

    with open_session(pg_url):
        pass
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        diff = [d for d in compare_metadata(MigrationContext.configure(conn), Base.metadata) if "enf_" in str(d)]
    engine.dispose()
    assert diff == []
