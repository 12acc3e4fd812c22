"""RFC 9116 (security.txt) parser and validator.

`parse_security_txt(content, now=...)` checks the whole format: required Contact and
Expires, the RFC 3339 date and its distance from `now`, URI schemes of every URI field,
Canonical against where the file was fetched from, Preferred-Languages tags, CSAF,
field and line syntax, charset and line endings, the OpenPGP cleartext-signature
framing, and unknown (or misspelt) fields. Every problem is an `Issue` with a stable
code (the finding kinds in `kinds.py`) and a line number. Signature *verification*
lives in `pgp.py`; this module only reports the framing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from psti.evidence.web.pagetext import clip

Severity = Literal["error", "warning", "info"]

MAX_SECURITY_TXT_BYTES = 32 * 1024  # RFC 9116 files are small; a larger one is not a security.txt

KNOWN_FIELDS = {
    "acknowledgments": "Acknowledgments",
    "canonical": "Canonical",
    "contact": "Contact",
    "encryption": "Encryption",
    "expires": "Expires",
    "hiring": "Hiring",
    "policy": "Policy",
    "preferred-languages": "Preferred-Languages",
    "csaf": "CSAF",  # registered in the IANA security.txt field registry by CSAF 2.0
}
URI_FIELDS = ("acknowledgments", "canonical", "contact", "encryption", "hiring", "policy", "csaf")
_MISSPELLINGS = {
    "acknowledgements": "acknowledgments",
    "acknowledgement": "acknowledgments",
    "acknowledgment": "acknowledgments",
    "contacts": "contact",
    "expire": "expires",
    "expiry": "expires",
    "expiration": "expires",
    "preferred-language": "preferred-languages",
    "preferred-langauges": "preferred-languages",
    "preferred_languages": "preferred-languages",
    "encrypt": "encryption",
    "canonical-url": "canonical",
    "policies": "policy",
}
# RFC 3339 section 5.6 date-time
_RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
# RFC 5322 field-name: printable US-ASCII except ":"
_FIELD_NAME = re.compile(r"^[\x21-\x39\x3b-\x7e]+$")
# RFC 5646 language tag. Primary subtags of 4-8 letters are well-formed but none is
# registered, so they are refused ("english", "german" are common mistakes).
_LANG = re.compile(
    r"^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|\d{3}))?"
    r"(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z\d]{1,8})+)?"
    r"|[Xx](?:-[A-Za-z\d]{1,8})+|i-[A-Za-z]{2,8}|en-GB-oed)$"
)
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")
_CONTACT_SCHEMES = ("mailto", "https", "tel")
_HTTPS_HOST = re.compile(r"^https://[^/?#@\s]+", re.I)
_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s/]+\.[^@\s/]+$")

SIG_BEGIN = "-----BEGIN PGP SIGNED MESSAGE-----"
SIG_BLOCK_BEGIN = "-----BEGIN PGP SIGNATURE-----"
SIG_BLOCK_END = "-----END PGP SIGNATURE-----"


@dataclass(frozen=True)
class Issue:
    code: str  # finding-kind code, e.g. SECTXT-EXPIRED
    severity: Severity
    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # as written
    key: str  # lower-cased
    value: str
    line: int


@dataclass
class SecurityTxt:
    fields: list[Field] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    signed: bool = False
    expires: dt.datetime | None = None
    source_url: str | None = None

    def values(self, key: str) -> list[str]:
        return [f.value for f in self.fields if f.key == key]

    @property
    def contacts(self) -> list[str]:
        return self.values("contact")

    @property
    def policies(self) -> list[str]:
        return self.values("policy")

    @property
    def canonical(self) -> list[str]:
        return self.values("canonical")

    @property
    def preferred_languages(self) -> list[str]:
        vals = self.values("preferred-languages")
        return [t.strip() for t in vals[0].split(",")] if vals else []

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def codes(self, severity: Severity | None = None) -> set[str]:
        return {i.code for i in self.issues if severity is None or i.severity == severity}


class _Checker:
    def __init__(self, source_url: str | None, now: dt.datetime) -> None:
        self.result = SecurityTxt(source_url=source_url)
        self.now = now

    def add(self, code: str, severity: Severity, message: str, line: int | None = None) -> None:
        self.result.issues.append(Issue(code, severity, message, line))


def parse_security_txt(
    content: bytes,
    *,
    now: dt.datetime,
    source_url: str | None = None,
    also_matches: tuple[str, ...] = (),
    content_type: str | None = None,
) -> SecurityTxt:
    """Parse and validate a security.txt file.

    `now` is the time Expires is judged against (explicit so results are reproducible).
    `source_url` (and `also_matches`, e.g. the first URL of a redirect chain) is where the
    file was fetched from, for the Canonical check; `content_type` is the HTTP header
    when the file was fetched, for the media-type and charset checks.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    c = _Checker(source_url, now)
    if b"\x00" in content[:4096]:
        c.add("SECTXT-NOT-TEXT", "error", "binary content (NUL bytes): not a text file")
        return c.result
    if content_type is not None:
        _check_content_type(c, content_type)
    if len(content) > MAX_SECURITY_TXT_BYTES:
        c.add(
            "SECTXT-TOO-LARGE",
            "error",
            f"{len(content):,} bytes; a security.txt over {MAX_SECURITY_TXT_BYTES:,} bytes is not examined",
        )
        return c.result
    text = _decode(c, content)
    if text is None:
        return c.result
    lines = _split_lines(c, text)
    _parse_lines(c, lines)
    _check_fields(c, source_url, also_matches)
    return c.result


def _check_content_type(c: _Checker, content_type: str) -> None:
    media, _, params = content_type.partition(";")
    if media.strip().lower() != "text/plain":
        c.add(
            "SECTXT-CONTENT-TYPE",
            "error",
            f"served as {content_type or 'no Content-Type'!r}; RFC 9116 s.3 requires text/plain; charset=utf-8",
        )
        return
    charset = None
    for part in params.split(";"):
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    if charset is None:
        c.add("SECTXT-CHARSET", "error", "Content-Type has no charset; RFC 9116 s.3 requires charset=utf-8")
    elif charset not in ("utf-8", "utf8"):
        c.add("SECTXT-CHARSET", "error", f"charset is {charset!r}; RFC 9116 s.3 requires utf-8")


def _decode(c: _Checker, content: bytes) -> str | None:
    if content.startswith(b"\xef\xbb\xbf"):
        c.add("SECTXT-CHARSET", "error", "starts with a byte-order mark; RFC 9116 requires UTF-8 without BOM", 1)
        content = content[3:]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as e:
        line = content[: e.start].count(b"\n") + 1
        c.add("SECTXT-CHARSET", "error", f"not valid UTF-8 (byte {e.start})", line)
        return content.decode("utf-8", errors="replace")


def _split_lines(c: _Checker, text: str) -> list[str]:
    """Split on LF, checking endings: CRLF or LF (RFC 9116 eol), final newline present."""
    if not text:
        return []
    lines = text.split("\n")
    tail = lines.pop()  # what follows the last LF: empty when the file ends with a line break
    terminated = len(lines)
    if tail:
        c.add(
            "SECTXT-LINE-ENDINGS",
            "error",
            "the last line does not end with a line break (RFC 9116 s.4: every line ends with CRLF or LF)",
            terminated + 1,
        )
        lines.append(tail)
    if "\r" not in text:
        return lines
    crlf = 0
    for i, line in enumerate(lines):
        if line.endswith("\r"):
            line = lines[i] = line[:-1]
            crlf += i < terminated
        if "\r" in line:
            c.add("SECTXT-LINE-ENDINGS", "error", "a bare carriage return inside a line", i + 1)
    if 0 < crlf < terminated:
        c.add(
            "SECTXT-LINE-ENDINGS",
            "warning",
            f"mixed line endings ({crlf} CRLF, {terminated - crlf} LF); allowed, but usually an editing accident",
        )
    return lines


_HASH_HEADER = re.compile(r"^Hash: ?[A-Za-z0-9, ]+$")


def _parse_lines(c: _Checker, lines: list[str]) -> None:
    state = "body"  # body | armor-headers | signature | after
    sig_header_line = None
    for n, line in enumerate(lines, start=1):
        if state == "body":
            first = line[:1]
            if first == "" or first == "#":
                continue  # blank line or comment: the common case, kept cheap
            if first not in ("-", " ", "\t"):
                _parse_line(c, line, n)
                continue
        elif state == "signature":
            if line.strip() == SIG_BLOCK_END:
                state = "after"
            continue
        elif state == "armor-headers":
            if line.strip() == "":
                state = "body"
            elif not _HASH_HEADER.match(line):
                c.add("SECTXT-SIGNATURE-FORMAT", "error", f"unexpected armor header {line!r}", n)
            continue
        else:  # after the signature
            if line.strip():
                c.add("SECTXT-SIGNATURE-FORMAT", "error", "content after the end of the PGP signature", n)
            continue
        stripped = line.strip()
        if stripped == SIG_BEGIN:
            if c.result.signed or n != 1:
                c.add(
                    "SECTXT-SIGNATURE-FORMAT",
                    "error",
                    "a signed security.txt must start with '-----BEGIN PGP SIGNED MESSAGE-----' on line 1",
                    n,
                )
            c.result.signed = True
            sig_header_line = n
            state = "armor-headers"
            continue
        if c.result.signed and stripped == SIG_BLOCK_BEGIN:
            state = "signature"
            continue
        if line.startswith(("-----BEGIN PGP", "-----END PGP")):
            c.add("SECTXT-SIGNATURE-FORMAT", "error", f"stray PGP armor line {stripped!r}", n)
            continue
        if c.result.signed and line.startswith("- "):
            line = line[2:]  # dash-escaped (RFC 4880 s.7.1)
        _parse_line(c, line, n)
    if c.result.signed and state in ("armor-headers", "body"):
        c.add(
            "SECTXT-SIGNATURE-FORMAT",
            "error",
            "signed message has no '-----BEGIN PGP SIGNATURE-----' block",
            sig_header_line,
        )
    elif state == "signature":
        c.add("SECTXT-SIGNATURE-FORMAT", "error", "PGP signature block is not terminated", len(lines))


_WELL_FORMED = re.compile(r"([\x21-\x39\x3b-\x7e]+): ([^ \t].*)")


def _parse_line(c: _Checker, line: str, n: int) -> None:
    m = _WELL_FORMED.fullmatch(line.rstrip(" \t"))
    if m is not None:  # the common, well-formed field line
        name = m.group(1)
        c.result.fields.append(Field(name, name.lower(), m.group(2), n))
        return
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        if line.startswith((" ", "\t")) and stripped.startswith("#"):
            c.add("SECTXT-SYNTAX", "warning", "comment does not start in the first column", n)
        return
    if ":" not in line:
        c.add(
            "SECTXT-SYNTAX",
            "error",
            f"not a field ('Name: value'), comment or blank line: {clip(line, 80)!r}",
            n,
        )
        return
    name, _, rest = line.partition(":")
    if name != name.strip():
        c.add("SECTXT-SYNTAX", "error", f"whitespace around the field name {name.strip()!r}", n)
        name = name.strip()
    if not name or not _FIELD_NAME.match(name):
        c.add("SECTXT-SYNTAX", "error", f"invalid field name {clip(name, 80)!r} (RFC 5322 field-name)", n)
        return
    if not rest.startswith(" "):
        c.add("SECTXT-SYNTAX", "error", f"{name}: the colon must be followed by one space", n)
    elif rest.startswith("  ") or rest.startswith(" \t"):
        c.add("SECTXT-SYNTAX", "warning", f"{name}: more than one space after the colon", n)
    value = rest.strip()
    if not value:
        c.add("SECTXT-SYNTAX", "error", f"{name}: empty value", n)
        return
    c.result.fields.append(Field(name=name, key=name.lower(), value=value, line=n))


def _check_fields(c: _Checker, source_url: str | None, also_matches: tuple[str, ...]) -> None:
    r = c.result
    by_key: dict[str, list[Field]] = {}
    for f in r.fields:
        by_key.setdefault(f.key, []).append(f)
        if f.key in URI_FIELDS:
            _check_uri_field(c, f)
        elif f.key == "expires":
            _check_expires(c, f)
        elif f.key == "preferred-languages":
            _check_languages(c, f)
        elif f.key in _MISSPELLINGS:
            right = KNOWN_FIELDS[_MISSPELLINGS[f.key]]
            c.add(
                "SECTXT-MISSPELT-FIELD",
                "warning",
                f"unknown field {f.name!r}: did you mean {right!r}? It is ignored by readers",
                f.line,
            )
        elif f.key == "hash" and r.signed:
            pass
        else:
            c.add("SECTXT-UNKNOWN-FIELD", "info", f"field {f.name!r} is not defined by RFC 9116", f.line)

    if not by_key.get("contact"):
        c.add("SECTXT-NO-CONTACT", "error", "no Contact field; RFC 9116 s.2.5.3 requires at least one")
    expires = by_key.get("expires", [])
    if not expires:
        c.add("SECTXT-NO-EXPIRES", "error", "no Expires field; RFC 9116 s.2.5.5 requires exactly one")
    elif len(expires) > 1:
        c.add(
            "SECTXT-MULTIPLE-EXPIRES",
            "error",
            f"Expires appears {len(expires)} times (lines {', '.join(str(f.line) for f in expires)}); "
            "exactly one is allowed",
            expires[1].line,
        )
    langs = by_key.get("preferred-languages", [])
    if len(langs) > 1:
        c.add("SECTXT-BAD-LANGUAGES", "error", "Preferred-Languages must not appear more than once", langs[1].line)

    canon = by_key.get("canonical", [])
    if source_url and canon:
        wanted = {_norm_url(u) for u in (source_url, *also_matches)}
        if not any(_norm_url(f.value) in wanted for f in canon):
            c.add(
                "SECTXT-CANONICAL-MISMATCH",
                "error",
                f"fetched from {source_url}, but Canonical lists only "
                + ", ".join(f.value for f in canon)
                + " (RFC 9116 s.2.5.2)",
                canon[0].line,
            )
    if r.signed and not canon:
        c.add("SECTXT-NO-CANONICAL", "warning", "signed but without a Canonical field (RFC 9116 s.2.5.2 SHOULD)")
    if not r.signed:
        c.add("SECTXT-NOT-SIGNED", "info", "not digitally signed (RFC 9116 s.2.3 recommends an OpenPGP signature)")


# Values that pass every check below: https with a host, or a plain mailto: address.
_PLAINLY_GOOD = re.compile(
    r"https://[^/?#@\s,<>\"{}|\\^`]+(?:[/?#][^\s,<>\"{}|\\^`]*)?|mailto:[^@\s/:,]+@[^@\s/,]+\.[^@\s/,?]+"
)


def _check_uri_field(c: _Checker, f: Field) -> None:
    v = f.value
    if f.key != "csaf" and _PLAINLY_GOOD.fullmatch(v):
        return
    if f.key == "contact" and _EMAIL.match(v):
        c.add("SECTXT-CONTACT-NOT-URI", "error", f"Contact {v!r} is an e-mail address without 'mailto:'", f.line)
        return
    if not _URI.match(v):
        what = "contains spaces or commas" if (" " in v or "," in v) else "is not a URI"
        c.add("SECTXT-BAD-URI", "error", f"{f.name} value {clip(v, 80)!r} {what} (one URI per field)", f.line)
        return
    scheme = v.split(":", 1)[0].lower()
    if scheme == "http":
        c.add("SECTXT-INSECURE-URI", "error", f"{f.name} uses http://; web URIs must begin with https://", f.line)
        return
    if scheme == "https" and not _HTTPS_HOST.match(v):
        c.add("SECTXT-BAD-URI", "error", f"{f.name} value {clip(v, 80)!r} has no host", f.line)
        return
    if scheme == "mailto":
        addr = v[7:]
        if addr.startswith("//") or not _EMAIL.match(addr.split("?", 1)[0]):
            c.add("SECTXT-BAD-URI", "error", f"{f.name} {v!r} is not a valid mailto: URI", f.line)
            return
    if f.key == "contact" and scheme not in _CONTACT_SCHEMES:
        c.add(
            "SECTXT-UNUSUAL-URI",
            "warning",
            f"Contact scheme {scheme!r}; reporters expect mailto:, https: or tel:",
            f.line,
        )
    if f.key == "encryption" and scheme not in ("https", "openpgp4fpr", "dns"):
        c.add(
            "SECTXT-UNUSUAL-URI",
            "warning",
            f"Encryption scheme {scheme!r}; expected https:, openpgp4fpr: or dns:",
            f.line,
        )
    if f.key == "csaf" and scheme != "https":
        c.add("SECTXT-BAD-CSAF", "error", f"CSAF must be an https:// URI, not {scheme}:", f.line)
        return
    if f.key == "csaf" and not urlsplit(v).path.endswith("/provider-metadata.json"):
        c.add(
            "SECTXT-BAD-CSAF",
            "error",
            f"CSAF must point to a provider-metadata.json (CSAF 2.0 s.7.1.8), not {v!r}",
            f.line,
        )


def _check_expires(c: _Checker, f: Field) -> None:
    m = _RFC3339.match(f.value)
    when = None
    if m:
        try:
            when = dt.datetime.fromisoformat(f.value.upper().replace("Z", "+00:00"))
        except ValueError:
            when = None
    if when is None:
        c.add(
            "SECTXT-BAD-EXPIRES",
            "error",
            f"Expires {f.value!r} is not an RFC 3339 date-time such as 2027-01-31T23:59:59Z",
            f.line,
        )
        return
    if c.result.expires is None:
        c.result.expires = when
    if when <= c.now:
        c.add(
            "SECTXT-EXPIRED",
            "error",
            f"expired on {when.isoformat()} ({(c.now - when).days} days before {c.now.date().isoformat()})",
            f.line,
        )
    elif when > _add_year(c.now):
        c.add(
            "SECTXT-LONG-EXPIRY",
            "warning",
            f"Expires {when.date().isoformat()} is more than a year ahead (RFC 9116 s.2.5.5 recommends less)",
            f.line,
        )


def _check_languages(c: _Checker, f: Field) -> None:
    tags = [t.strip() for t in f.value.split(",")]
    bad = [t for t in tags if not _LANG.match(t)]
    if bad:
        c.add(
            "SECTXT-BAD-LANGUAGES",
            "error",
            f"Preferred-Languages has values that are not RFC 5646 tags: {', '.join(repr(b) for b in bad)}",
            f.line,
        )


def _add_year(now: dt.datetime) -> dt.datetime:
    try:
        return now.replace(year=now.year + 1)
    except ValueError:  # 29 February
        return now.replace(year=now.year + 1, day=28)


def _norm_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    default = {"https": 443, "http": 80}.get(parts.scheme.lower())
    netloc = host if port in (None, default) else f"{host}:{port}"
    return f"{parts.scheme.lower()}://{netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")


def signed_message_text(content: bytes) -> bool:
    """Whether the bytes look like an OpenPGP cleartext-signed message."""
    return content.lstrip(b"\xef\xbb\xbf").startswith(SIG_BEGIN.encode())
