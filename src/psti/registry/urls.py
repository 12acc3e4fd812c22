"""Web addresses the registry stores and shows as links: http(s) with a host, nothing else.

A stored `javascript:` or `data:` address would run in a visitor's browser when they follow
the link on a public page, so it is refused where it comes in, with the field named.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from psti.registry.errors import Invalid


def is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and not any(c.isspace() for c in value)


def stored_url(value: object, field: str, limit: int = 1000, *, required: bool = False) -> str:
    """The address, stripped; "" when empty and not required; Invalid when not an http(s) address."""
    text = "" if value is None else str(value).strip()
    if not text and not required:
        return ""
    if len(text) > limit:
        raise Invalid(f"{field} is too long", [{"field": field, "message": f"at most {limit} characters"}])
    if not is_web_url(text):
        raise Invalid(
            f"{field} must be a web address starting with https:// or http://",
            [{"field": field, "message": "not an http(s) address"}],
        )
    return text
