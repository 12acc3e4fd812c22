"""What the service accepts before a route sees a request: who is asking, then how much.

An outer ASGI middleware, so nothing below it reads a byte of the body first:

1. **Authentication before the body.** A request that sends a body to a route that
   needs an account must carry a valid session cookie or API token; otherwise it is
   answered 401 at once and the connection closed, so an anonymous client cannot make
   the server receive (and spool) a large upload. The routes open to anonymous callers
   (sign-in, registration, statement verification, vulnerability reports) are listed in
   ANONYMOUS_BODY.
2. **Body limits on every body.** A declared `Content-Length` over the limit is refused
   with 413 before reading; a streamed (chunked) body is counted as it arrives and
   refused with 413 the moment it passes the limit (the connection is then closed, so the
   rest is never received). Multipart uploads may reach the
   upload limit; any other body (JSON, forms) the much smaller form limit.
"""

from __future__ import annotations

import json
import re
from typing import Any

import anyio
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from psti.service import auth
from psti.service.errors import Unauthorised
from psti.service.settings import Settings
from psti.store import db as store_db

ENVELOPE = 1024 * 1024  # room for the multipart boundaries and headers around the files

# Routes that take a body from a caller who is not signed in (method, path pattern).
ANONYMOUS_BODY = tuple(
    re.compile(p)
    for p in (
        r"/api/v1/session",
        r"/api/v1/researchers",
        r"/api/v1/statements/verify",
        r"/api/v1/manufacturers/[^/]+/reports",
        r"/api/v1/reports/[^/]+/(messages|attachments)",
        r"/login",
        r"/register",
        r"/logout",
        r"/report/[^/]+",
        r"/report/track/[^/]+/messages",
    )
)


def body_limit(settings: Settings, content_type: str) -> int:
    if content_type.split(";", 1)[0].strip().lower() == "multipart/form-data":
        return settings.max_upload_bytes + ENVELOPE
    return settings.max_form_bytes


def anonymous_body_allowed(path: str) -> bool:
    return any(p.fullmatch(path) for p in ANONYMOUS_BODY)


class Intake:
    def __init__(self, app: ASGIApp, settings: Settings, factory: sessionmaker[Session]) -> None:
        self.app = app
        self.settings = settings
        self.factory = factory

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        has_body = headers.get("content-length", "0") not in ("", "0") or "transfer-encoding" in headers
        path: str = scope["path"]
        if has_body and not anonymous_body_allowed(path):
            refusal = await anyio.to_thread.run_sync(self._who_refusal, headers)
            if refusal is not None:
                await _refuse(send, path, 401, refusal)
                return
        limit = body_limit(self.settings, headers.get("content-type", ""))
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, path, 413, f"the request is {int(declared):,} bytes; the limit is {limit:,}")
            return
        received = 0
        over = False  # set once the body passed the limit
        answered = False

        async def counted() -> Message:
            # Past the limit the app is told the client left: it stops reading and whatever
            # it answers is replaced with 413 below. Nothing more is read from the socket.
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            nonlocal answered
            if not over:
                await send(message)
            elif not answered and message["type"] == "http.response.start":
                answered = True
                await _refuse(send, path, 413, f"the request body is over the limit of {limit:,} bytes")

        try:
            await self.app(scope, counted if has_body else receive, guarded)
        except Exception:
            if not over:
                raise
        if over and not answered:
            await _refuse(send, path, 413, f"the request body is over the limit of {limit:,} bytes")

    def _who_refusal(self, headers: dict[str, str]) -> str | None:
        """Why the caller may not send a body here, or None when signed in."""
        cookie = _cookie(headers.get("cookie", ""), auth.SESSION_COOKIE)
        authorization = headers.get("authorization")
        if not cookie and not authorization:
            return "sign in first (or send an API token)"
        try:
            with store_db.reading(), self.factory() as db:
                who = auth.resolve(db, cookie, authorization)
        except Unauthorised as e:
            return e.message
        return "sign in first (or send an API token)" if who.anonymous else None


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value or None
    return None


async def _refuse(send: Send, path: str, status: int, message: str) -> None:
    """Answer without reading the body, and close the connection so it is not received."""
    if path.startswith("/api/"):
        body, kind = json.dumps({"error": message}).encode(), b"application/json"
    else:
        body, kind = (message + "\n").encode(), b"text/plain; charset=utf-8"
    headers: list[Any] = [
        (b"content-type", kind),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        (b"x-content-type-options", b"nosniff"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
