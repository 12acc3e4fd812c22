"""Headers for files the service sends back as downloads."""

from __future__ import annotations

from urllib.parse import quote


def content_disposition(filename: str, kind: str = "attachment") -> str:
    """A Content-Disposition value for any file name (RFC 6266 with RFC 5987 encoding).

    `filename` is an ASCII stand-in for old clients; `filename*` carries the real name
    in UTF-8, percent-encoded, so a name in any script is sent intact and the header
    stays Latin-1 as HTTP requires.
    """
    fallback = "".join(c if (c.isascii() and (c.isalnum() or c in "._- ")) else "_" for c in filename) or "download"
    encoded = quote(filename, safe="")
    value = f'{kind}; filename="{fallback}"'
    return value if encoded == fallback else f"{value}; filename*=UTF-8''{encoded}"
