"""The audit log and its hash-chain check.

JSON routes under `/api/v1` (in the OpenAPI document) and the HTML pages over the same calls.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from psti.service import accounts
from psti.service.deps import render, tx
from psti.store import anchor, audit, logkey
from psti.store import db as store_db
from psti.store.models import Organisation

api = APIRouter(prefix="/api/v1")
pages = APIRouter(include_in_schema=False)


@api.get("/audit", tags=["audit"])
def audit_log(
    request: Request,
    organisation_id: int | None = None,
    limit: int = Query(200, ge=1, le=1000),
    before: int | None = None,
) -> list[dict[str, Any]]:
    with tx(request) as ctx:
        return [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "organisation_id": e.organisation_id,
                "action": e.action,
                "target": e.target,
                "details": e.details,
                "hash": e.hash,
                "prev_hash": e.prev_hash,
            }
            for e in accounts.audit_events(ctx, organisation_id, limit, before)
        ]


def _verified(request: Request) -> tuple[audit.ChainCheck, anchor.Check | None]:
    """The chain, then the heads anchored outside the database (a restored older copy passes
    the chain check). Read in a transaction of its own that starts after the anchor's extent
    is taken, so heads other workers anchor meanwhile are not mistaken for a rollback."""
    with store_db.reading(), request.app.state.psti.factory() as db:
        key = logkey.for_session(db)
        upto = anchor.extent(key)
        chain = audit.verify_chain(db)
        return chain, audit.check_anchor(db, key, chain.events, upto=upto) if chain.ok else None


@api.get("/audit/verify", tags=["audit"])
def audit_verify(request: Request) -> dict[str, Any]:
    with tx(request) as ctx:
        ctx.who.require("enforcement", "admin", "manufacturer", "importer", "distributor")
    res, anchored = _verified(request)
    return {
        "ok": res.ok and not (anchored and anchored.problems),
        "events": res.events,
        "first_bad": res.first_bad,
        "reason": res.reason,
        "sealed_from": res.sealed_from,
        "key_id": res.key_id,
        "anchor": None
        if anchored is None
        else {"problems": anchored.problems, "anchored_events": anchored.anchored, "lines": anchored.lines},
    }


@pages.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, organisation_id: int | None = None) -> HTMLResponse:
    with tx(request) as ctx:
        events = accounts.audit_events(ctx, organisation_id)
        chain, anchored = _verified(request) if ctx.who.role == "enforcement" else (None, None)
        orgs = (
            ctx.db.execute(select(Organisation).order_by(Organisation.name)).scalars().all()
            if ctx.who.role == "enforcement"
            else []
        )
        return render(
            request,
            "audit.html",
            ctx,
            events=events,
            chain=chain,
            anchor_problems=anchored.problems if anchored else [],
            orgs=orgs,
            organisation_id=organisation_id,
        )
