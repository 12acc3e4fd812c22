"""User names and passwords written into URLs (`scheme://user:password@host`), in text
files and in the strings of binaries."""

from __future__ import annotations

import re

from psti.evidence.firmware.handlers import Found, Handler
from psti.evidence.firmware.handlers.common import PLACEHOLDERS, credential, is_doc, plausible
from psti.evidence.firmware.model import Credential

# Anchored on the literal "://"; the scheme is read backwards from there.
URL_CREDS = re.compile(rb"://([A-Za-z0-9._~-]{1,64}):([^\s@/'\"<>]{1,64})@([A-Za-z0-9.-]+)")
_SCHEME = re.compile(rb"([a-z][a-z0-9+.-]{1,10})$")


def scan_urls(path: str, data: bytes, line_numbers: bool) -> list[Credential]:
    out: list[Credential] = []
    if is_doc(path) or b"://" not in data:
        return out
    for m in URL_CREDS.finditer(data):
        scheme_m = _SCHEME.search(data, max(0, m.start() - 11), m.start())
        if scheme_m is None:
            continue
        scheme = scheme_m.group(1).decode()
        user, pw = m.group(1).decode("ascii", "replace"), m.group(2).decode("ascii", "replace")
        if not plausible(pw) or user.lower() in PLACEHOLDERS or "%" in pw:
            continue
        line = data.count(b"\n", 0, scheme_m.start()) + 1 if line_numbers else None
        c = credential("url", path, pw, line=line, offset=None if line_numbers else scheme_m.start(),
                       account=user, interface=f"{scheme} client",
                       context=scheme + m.group(0).decode("ascii", "replace"))
        c.form, c.hash_type = "plaintext", None
        out.append(c)
    return out


HANDLER = Handler(
    name="url-credentials",
    kind="FW-URL-CREDENTIALS",
    sources=("url",),
    reads="every text file and every binary with '://' in it, except documentation",
    precision="user and password must be literal (no %s, variables or placeholders)",
    claims=lambda f: b"://" in f.data,
    scan=lambda f: Found(credentials=scan_urls(f.rel, f.data, line_numbers=f.text is not None)),
)
