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


def test_a_form_products_statement_from_before_is_kept_served_and_not_called_assessed(tmp_path: Path) -> None:
    """Earlier versions signed statements for products registered by form, with no assessment.
    After the upgrade they are served byte for byte, still valid (the organisation's held key),
    and the public record and verify say they did not come from a registry assessment."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    document, _ = _old_registry(url)
    engine = open_database(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO product (id, public_id, organisation_id, name, model, type, brand, category, "
                "declaration_toml, support_end, created_at) VALUES "
                "(1, 'oldproduct0000000000000000000001', 1, 'Old Camera', 'OLD-1', 'camera', '', '', NULL, "
                "'2031-01-01', :t)"
            ),
            {"t": dt.datetime(2026, 5, 1, tzinfo=dt.UTC)},
        )
        conn.execute(
            text(
                "INSERT INTO statement (id, public_id, product_id, organisation_id, document, sha256, support_end, "
                "issued_on, retain_until, status, withdrawn_reason, created_at) VALUES "
                "(1, 'oldstatement00000000000000000001', 1, 1, :doc, :sha, '2031-01-01', '2026-05-01', "
                "'2036-04-30', 'published', '', :t)"
            ),
            {"doc": document, "sha": hashlib.sha256(document).hexdigest(), "t": dt.datetime(2026, 5, 1, tzinfo=dt.UTC)},
        )
    engine.dispose()
    app = create_app(make_settings(tmp_path, url, start_worker=False))
    try:
        with TestClient(app) as client:
            served = client.get("/api/v1/statements/oldstatement00000000000000000001")
            shown = client.get("/api/v1/public/products/oldproduct0000000000000000000001").json()
            result = client.post("/api/v1/statements/verify", content=served.content).json()
        assert served.status_code == 200 and served.content == document
        assert shown["statement"]["id"] == "oldstatement00000000000000000001"
        assert shown["statement"]["status"] == "published" and shown["statement"]["from_registry_assessment"] is False
        assert result["valid"] is True and result["signed_by"]["held_by_registry"] is True
        assert result["provenance"]["from_registry_assessment"] is False
        assert "without an assessment" in result["provenance"]["note"]
    finally:
        app.state.psti.engine.dispose()
