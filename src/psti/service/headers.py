"""Security headers on every response, as a plain ASGI middleware.

Every response gets `X-Content-Type-Options: nosniff` and `Referrer-Policy: same-origin`;
HTML pages also get `X-Frame-Options: DENY` and a Content-Security-Policy that allows only
the service's own scripts, styles and images. A header the route set itself is kept.

It edits the `http.response.start` message in passing, so it adds no task, stream or
thread per request (Starlette's `@app.middleware("http")` runs each response through a
task and a memory stream: a measurable share of a look-up's time).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALWAYS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"))
HTML = (
    (b"x-frame-options", b"DENY"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
    ),
)


def with_security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The response headers with the security headers added where the route set none."""
    present = {k.lower() for k, _ in headers}
    is_html = any(k.lower() == b"content-type" and v.lower().startswith(b"text/html") for k, v in headers)
    extra = [(k, v) for k, v in (ALWAYS + HTML if is_html else ALWAYS) if k not in present]
    return [*headers, *extra] if extra else headers


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = with_security_headers(list(message.get("headers", ())))
            await send(message)

        await self.app(scope, receive, send_with_headers)
