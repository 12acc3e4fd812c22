"""How bearer secrets (sessions, API tokens, report follow-up tokens) are stored: their sha256."""

from __future__ import annotations

import hashlib


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
