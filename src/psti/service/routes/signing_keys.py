"""Organisations' signing keys: register, list, retire (rotation), revoke; rotate the key the registry holds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import Field

from psti.registry import keys
from psti.service.deps import check_csrf, read_session, redirect, render, tx
from psti.service.routes.shapes import StrictModel
from psti.store.models import Organisation

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


@api.get(
    "/manufacturers/{slug}/keys",
    tags=["public"],
    summary="A manufacturer's registered public signing keys, with when each was in force",
)
def published_keys(request: Request, slug: str) -> list[dict[str, Any]]:
    with read_session(request) as db:
        return [keys.key_json(k) for k in keys.published_keys(db, slug)]


@pages.get("/manage/keys", response_class=HTMLResponse)
def keys_page(request: Request) -> HTMLResponse:
    with tx(request) as ctx:
        rows = keys.list_keys(ctx)
        org = ctx.db.get(Organisation, ctx.who.organisation_id)
        return render(request, "keys.html", ctx, keys=rows, org_name=org.name if org else "")


@pages.post("/manage/keys")
def register_key_page(
    request: Request,
    csrf_token: str = Form(""),
    public_key: str = Form(""),
    label: str = Form(""),
    valid_from: str = Form(""),
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        keys.register_key(ctx, {"public_key": public_key, "label": label, "valid_from": valid_from})
    return redirect("/manage/keys")


@pages.post("/manage/keys/rotate")
def rotate_page(request: Request, csrf_token: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        keys.rotate_held_key(ctx, ctx.settings.key_encryption_key)
    return redirect("/manage/keys")


@pages.post("/manage/keys/{key_id}/retire")
def retire_page(request: Request, key_id: int, csrf_token: str = Form("")) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        keys.retire_key(ctx, key_id)
    return redirect("/manage/keys")


@pages.post("/manage/keys/{key_id}/revoke")
def revoke_page(
    request: Request, key_id: int, csrf_token: str = Form(""), reason: str = Form(""), since: str = Form("")
) -> Response:
    with tx(request) as ctx:
        check_csrf(request, ctx, csrf_token, page=True)
        keys.revoke_key(ctx, key_id, reason, since)
    return redirect("/manage/keys")
