"""Telling a security.txt from a disclosure policy page by its content.

A user hands `psti check disclosure` whatever they have: a saved security.txt, a saved
policy page (HTML or Markdown), or a URL of either. Reading a policy page as a
security.txt gives a screen of syntax errors that helps nobody, so the content decides,
and the finding says what the document was taken for and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# RFC 9116 s.2.5 field names, plus the CSAF field registered since
_FIELDS = (
    "contact", "expires", "encryption", "acknowledgments", "acknowledgements", "preferred-languages",
    "canonical", "policy", "hiring", "csaf",
)  # fmt: skip
_FIELD_LINE = re.compile(r"^(" + "|".join(_FIELDS) + r")\s*:", re.I)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|h[1-6]|article|main)\b", re.I)
_SIGNED = b"-----BEGIN PGP SIGNED MESSAGE-----"

Taken = Literal["security-txt", "policy"]


@dataclass(frozen=True)
class Sniffed:
    taken_as: Taken
    why: str


def sniff_disclosure_document(content: bytes, media_type: str = "") -> Sniffed:
    head = content[:65536]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(_SIGNED):
        return Sniffed("security-txt", "an OpenPGP-signed text file")
    if b"\x00" in head[:8192]:
        return Sniffed("security-txt", "binary content (examined as a security.txt, which it cannot be)")
    if media_type in ("text/html", "application/xhtml+xml") or _HTML.search(head[:8192]):
        return Sniffed("policy", "an HTML page")
    text = head.decode("utf-8", errors="replace")
    lines = [ln for ln in (x.strip() for x in text.splitlines()) if ln and not ln.startswith("#")]
    fields = [ln for ln in lines if _FIELD_LINE.match(ln)]
    names = {_FIELD_LINE.match(ln).group(1).lower() for ln in fields}  # type: ignore[union-attr]
    prose = sum(1 for ln in lines if len(ln.split()) >= 6 and not _FIELD_LINE.match(ln))
    if fields and ("expires" in names or prose < 2 or len(fields) >= len(lines) / 2):
        shown = ", ".join(sorted(n.capitalize() for n in names))
        return Sniffed("security-txt", f"{len(fields)} of {len(lines)} lines are security.txt fields ({shown})")
    if prose >= 2:
        return Sniffed("policy", f"text of {prose} prose line(s) and no security.txt Expires field")
    return Sniffed("security-txt", "short text without the shape of a policy page")
