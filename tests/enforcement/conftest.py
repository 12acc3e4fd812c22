from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from psti.enforcement.cases import CaseService, PartyIn
from psti.enforcement.proceedings import NoticeTerms, Serve
from psti.enforcement.store import open_session


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One database migrated by Alembic; each test gets a copy (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "cases.sqlite3"
    with open_session(f"sqlite:///{path}"):
        pass
    return path


@pytest.fixture
def db_url(tmp_path, migrated_template) -> str:
    path = tmp_path / "cases.sqlite3"
    shutil.copyfile(migrated_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def svc(db_url) -> Iterator[CaseService]:
    with open_session(db_url, migrate_first=False) as session:
        yield CaseService(session)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=dt.UTC)


def serve(day: str, method: str = "hand", hour: int = 10) -> Serve:
    return Serve(sent_at=at(day, hour), method=method)  # type: ignore[arg-type]


ACME = PartyIn(name="Acme Devices Ltd", role="manufacturer", address="1 High St, London")
SHOP = PartyIn(name="Gadget Shop Ltd", role="distributor", address="2 Market St, Leeds")

BREACH = "Schedule 1 para 1: universal default password on every unit (Act s.8)"


def new_case(svc: CaseService, *, state: str | None = None) -> str:
    c = svc.open(
        product_name="CamX indoor camera",
        product_model="X1",
        source="researcher",
        allegation="every unit accepts admin/admin",
        who="officer",
        parties=[ACME, SHOP],
    )
    if state in ("investigation", "notice-issued", "penalty"):
        svc.transition(c.reference, "investigate", who="officer", why="credible")
    return c.reference


def compliance_terms(**kw) -> NoticeTerms:
    base = dict(requirement="Give every unit a unique password", comply_within_days=28)
    base.update(kw)
    return NoticeTerms(**base)


def penalty_terms(**kw) -> NoticeTerms:
    base = dict(
        amount_gbp="250000",
        factors={"effects-of-breach": "120,000 units exposed", "remedy-or-mitigation": "none taken"},
        how_to_pay="Bank transfer to the account in the covering letter, quoting the reference",
    )
    base.update(kw)
    return NoticeTerms(**base)


def declaration(
    name: str, *, scheme: str = "unique-per-device", contacts: bool = True, support: bool = True, model: str = "M1"
) -> str:
    """A product declaration (psti.declaration/1) as TOML text."""
    lines = [
        'schema = "psti.declaration/1"',
        "[product]",
        f'name = "{name}"',
        'type = "indoor smart camera"',
        f'model = "{model}"',
        'category = "smart-camera"',
        "[[manufacturer]]",
        'name = "Acme Devices Ltd"',
        'address = "1 High St, London"',
        "[passwords]",
        "used = true",
        f'scheme = "{scheme}"',
        "[reporting]",
    ]
    if contacts:
        lines.append('contacts = ["mailto:security@acme.example"]')
    lines.append("[support_period]")
    if support:
        lines.append("end_date = 2030-12-31")
    return "\n".join(lines) + "\n"
