"""A registry from before keys were bound to organisations upgrades without losing a statement:
its held keys become its organisations' registered keys and are sealed at the first start
with a key-encryption key; what they signed stays valid."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path

from alembic import command
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from sqlalchemy import text

from psti.documents.signing import canonical_json
from psti.service.app import create_app
from psti.store.db import alembic_config, open_database
from psti.store.models import OrganisationKey, SigningKey
from tests.service.conftest import make_settings


def _old_registry(url: str) -> tuple[bytes, bytes]:
    """A database at c0001 with one organisation, its plaintext held key and a statement it signed
    (the key id then was the first 16 hex digits of the public key's sha256)."""
    engine = open_database(url)
    command.upgrade(alembic_config(engine), "c0001")
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    body = {
        "product": {"name": "Old Camera", "type": "camera", "model": "OLD-1", "brand": "", "batches": []},
        "manufacturers": [{"name": "Old Maker Ltd", "address": "1 Old Street"}],
        "prepared_by_or_on_behalf_of_manufacturer": True,
        "declaration_of_compliance": {"route": "schedule-1", "text": "…"},
        "defined_support_period": {"end_date": "2031-01-01"},
        "signatory": {"name": "A", "function": "B"},
        "issue": {"place": "Leeds", "date": "2026-05-01"},
    }
    document = json.dumps(
        {
            "schema": "psti.registry-statement/1",
            "statement": body,
            "signature": {
                "algorithm": "Ed25519",
                "key_id": hashlib.sha256(pub).hexdigest()[:16],
                "public_key": base64.b64encode(pub).decode(),
                "value": base64.b64encode(key.sign(canonical_json(body))).decode(),
            },
        }
    ).encode()
    made = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (id, slug, name, kind, address, reporting_contact, policy_url, "
                "acknowledgement_days, status_update_days, created_at) VALUES "
                "(1, 'old', 'Old Maker Ltd', 'manufacturer', '1 Old Street', '', '', 5, 30, :t)"
            ),
            {"t": made},
        )
        conn.execute(
            text(
                "INSERT INTO signing_key (organisation_id, key_id, public_key, private_key, created_at) "
                "VALUES (1, :kid, :pub, :priv, :t)"
            ),
            {"kid": hashlib.sha256(pub).hexdigest()[:16], "pub": pub, "priv": raw, "t": made},
        )
    engine.dispose()
    return document, raw


def test_held_keys_are_registered_and_sealed_and_old_statements_stay_valid(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    document, raw = _old_registry(url)
    app = create_app(make_settings(tmp_path, url, start_worker=False))
    try:
        with TestClient(app) as client:
            result = client.post("/api/v1/statements/verify", content=document).json()
        assert result["valid"] is True, result
        assert result["signed_by"]["organisation"] == "Old Maker Ltd" and result["signed_by"]["held_by_registry"]
        with app.state.psti.factory() as db:
            (held,) = db.query(SigningKey).all()
            (registered,) = db.query(OrganisationKey).all()
            assert held.sealed and raw not in bytes(held.private_key)
            assert registered.valid_from == dt.date(2026, 4, 1) and registered.organisation_id == 1
    finally:
        app.state.psti.engine.dispose()
