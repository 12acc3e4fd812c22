"""Organisations' signing keys: register, list, retire (rotation), revoke; rotate the key the registry holds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from pydantic import Field

from psti.registry import keys
from psti.service.deps import check_csrf, tx
from psti.service.routes.shapes import StrictModel

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


class KeyIn(StrictModel):
    public_key: str = Field(max_length=4096, description="PEM public key (`psti keys new` writes one) or base64")
    label: str = Field(default="", max_length=100)
    valid_from: dt.date | None = Field(default=None, description="since when the key signs; default today")


class RevokeIn(StrictModel):
    reason: str = Field(max_length=2000)
    since: dt.date | None = Field(default=None, description="statements dated on or after it are invalid")


@api.get("/keys", tags=["keys"], summary="Your organisation's registered signing keys")
def list_keys(request: Request) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [keys.key_json(k) for k in keys.list_keys(ctx)]


@api.post("/keys", tags=["keys"], status_code=201, summary="Register a public signing key")
def register_key(request: Request, body: KeyIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return keys.key_json(keys.register_key(ctx, body.model_dump()))


@api.post("/keys/{key_id}/retire", tags=["keys"], summary="Retire a key (rotation): it signs nothing after today")
def retire_key(request: Request, key_id: int) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return keys.key_json(keys.retire_key(ctx, key_id))


@api.post("/keys/{key_id}/revoke", tags=["keys"], summary="Revoke a key (compromised or withdrawn)")
def revoke_key(request: Request, key_id: int, body: RevokeIn) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return keys.key_json(keys.revoke_key(ctx, key_id, body.reason, body.since))


@api.post("/keys/rotate", tags=["keys"], summary="Replace the key the registry holds for your organisation")
def rotate_held_key(request: Request) -> dict[str, Any]:
    with tx(request) as ctx:
        check_csrf(request, ctx)
        return keys.key_json(keys.rotate_held_key(ctx, ctx.settings.key_encryption_key))
