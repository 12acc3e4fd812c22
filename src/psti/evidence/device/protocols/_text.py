"""Reading what devices say: bytes in any encoding, and the words that mean lock-out."""

from __future__ import annotations

import re

LOCKOUT_WORDS = re.compile(
    rb"locked|lockout|lock-out|too many|try again later|temporarily (?:blocked|disabled)|rate limit", re.I
)
FAILURE_WORDS = re.compile(rb"incorrect|invalid|denied|failed|failure|wrong|bad password|unauthori[sz]ed", re.I)


def text(data: bytes, limit: int = 400) -> str:
    """Printable text of a device's answer, whatever its encoding, cut to `limit`."""
    decoded = data.decode("utf-8", "replace") if _utf8(data) else data.decode("latin-1")
    clean = "".join(ch if ch.isprintable() or ch in "\n\t" else "." for ch in decoded)
    return clean[:limit]


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
