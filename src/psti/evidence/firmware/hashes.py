"""Recognise password-hash formats and verify a candidate against one.

libc crypt (libxcrypt) verifies DES, MD5-crypt, SHA-256/512-crypt, bcrypt and
yescrypt; Apache apr1, {SHA}, {SSHA} and mosquitto's formats are done here in Python.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
import warnings

if sys.version_info >= (3, 13):  # pragma: no cover - exercised on 3.13+ only
    from crypt_r import crypt as _crypt
else:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from crypt import crypt as _crypt

_B64 = r"[./0-9A-Za-z]"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("md5crypt", re.compile(rf"^\$1\${_B64}{{0,8}}\${_B64}{{22}}$")),
    ("apr1", re.compile(rf"^\$apr1\${_B64}{{0,8}}\${_B64}{{22}}$")),
    ("sha256crypt", re.compile(rf"^\$5\$(rounds=\d+\$)?{_B64}{{0,16}}\${_B64}{{43}}$")),
    ("sha512crypt", re.compile(rf"^\$6\$(rounds=\d+\$)?{_B64}{{0,16}}\${_B64}{{86}}$")),
    ("mosquitto-sha512", re.compile(r"^\$6\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]{86}==$")),
    ("mosquitto-pbkdf2", re.compile(r"^\$7\$\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$")),
    ("bcrypt", re.compile(rf"^\$2[abxy]?\$\d\d\${_B64}{{53}}$")),
    ("yescrypt", re.compile(rf"^\$y\${_B64}+\${_B64}*\${_B64}{{43}}$")),
    ("sha1-b64", re.compile(r"^\{SHA\}[A-Za-z0-9+/]{27}=$")),
    ("ssha", re.compile(r"^\{SSHA\}[A-Za-z0-9+/]{32,}={0,2}$")),
    ("descrypt", re.compile(rf"^{_B64}{{13}}$")),
)
CRYPT_TYPES = {"md5crypt", "sha256crypt", "sha512crypt", "bcrypt", "yescrypt", "descrypt"}
# Relative cost of one guess, to size candidate lists (md5crypt = 1).
COST = {
    "descrypt": 0.05,
    "sha1-b64": 0.01,
    "ssha": 0.01,
    "mosquitto-sha512": 0.01,
    "md5crypt": 1,
    "apr1": 5,
    "sha256crypt": 13,
    "sha512crypt": 10,
    "mosquitto-pbkdf2": 20,
    "bcrypt": 16,
    "yescrypt": 25,
}


def identify(value: str) -> str | None:
    """The hash type of a password field, or None if it is not a recognised hash."""
    for name, rx in PATTERNS:
        if rx.match(value):
            if name == "descrypt" and (value.isalpha() or value.isdigit() or value.islower()):
                return None  # 13 letters is a word, not a DES hash
            return name
    return None


def bcrypt_cost(value: str) -> int:
    return int(value.split("$")[2])


def verify(word: str, value: str, kind: str) -> bool:
    if kind in CRYPT_TYPES:
        try:
            return _crypt(word, value) == value
        except (OSError, ValueError):
            return False
    if kind == "apr1":
        salt = value.split("$")[2]
        return apr1(word, salt) == value
    if kind == "sha1-b64":
        return base64.b64encode(hashlib.sha1(word.encode()).digest()).decode() == value[5:]
    if kind == "ssha":
        raw = base64.b64decode(value[6:])
        return hashlib.sha1(word.encode() + raw[20:]).digest() == raw[:20]
    if kind == "mosquitto-sha512":
        _, _, salt_b64, digest_b64 = value.split("$")
        h = hashlib.sha512(word.encode() + base64.b64decode(salt_b64)).digest()
        return base64.b64encode(h).decode() == digest_b64
    if kind == "mosquitto-pbkdf2":
        _, _, rounds, salt_b64, digest_b64 = value.split("$")
        h = hashlib.pbkdf2_hmac("sha512", word.encode(), base64.b64decode(salt_b64), int(rounds))
        return base64.b64encode(h).decode() == digest_b64
    return False


_ITOA = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def apr1(word: str, salt: str) -> str:
    """Apache's MD5 variant of md5crypt (magic "$apr1$"); libxcrypt lacks it."""
    pw, s, magic = word.encode(), salt[:8].encode(), b"$apr1$"
    alt = hashlib.md5(pw + s + pw).digest()
    ctx = hashlib.md5(pw + magic + s)
    n = len(pw)
    while n > 0:
        ctx.update(alt[: min(16, n)])
        n -= 16
    i = len(pw)
    while i:
        ctx.update(b"\0" if i & 1 else pw[:1])
        i >>= 1
    final = ctx.digest()
    for r in range(1000):
        c = hashlib.md5()
        c.update(pw if r & 1 else final)
        if r % 3:
            c.update(s)
        if r % 7:
            c.update(pw)
        c.update(final if r & 1 else pw)
        final = c.digest()
    out: str = ""
    for a, b, c3 in ((0, 6, 12), (1, 7, 13), (2, 8, 14), (3, 9, 15), (4, 10, 5)):
        v = (final[a] << 16) | (final[b] << 8) | final[c3]
        for _ in range(4):
            out += _ITOA[v & 0x3F]
            v >>= 6
    v = final[11]
    for _ in range(2):
        out += _ITOA[v & 0x3F]
        v >>= 6
    return f"$apr1${salt[:8]}${out}"
