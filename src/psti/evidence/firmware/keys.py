"""Private keys shipped in the image (PEM, OpenSSH, PKCS#8, Dropbear host keys).

A key in the image is the same on every unit. It is not a password under the PSTI
regulations (Sch 1 para 1(4)(a)), so findings name EN 303 645 5.4-3 only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization

_PEM = re.compile(
    # hand-copied keys sometimes lose a dash; the END line still names the same key type
    rb"-{3,5}BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-{3,5}"
    rb"[\r\n A-Za-z0-9+/=:,\-]{16,16384}?-{3,5}END \1-{3,5}"
)
_DROPBEAR = re.compile(rb"^\x00\x00\x00[\x07\x0b\x13]((ssh-rsa|ssh-dss|ssh-ed25519|ecdsa-sha2-nistp\d{3}))")


@dataclass
class KeyFinding:
    path: str
    offset: int
    label: str  # "RSA PRIVATE KEY", "Dropbear host key (ssh-rsa)", …
    encrypted: bool
    with_certificate: bool
    fingerprint: str  # sha256 of the key block, to spot the same key across images
    detail: str = ""


def _describe(block: bytes) -> str:
    # keys quoted in YAML or source code are indented and padded with blank lines
    block = b"\n".join(line.strip() for line in block.splitlines() if line.strip()) + b"\n"
    try:
        key: object = (
            serialization.load_ssh_private_key(block, password=None)
            if b"OPENSSH" in block[:40]
            else serialization.load_pem_private_key(block, password=None)
        )
        size = getattr(key, "key_size", None)
        name = type(key).__name__.lstrip("_").replace("PrivateKey", "")
        return f"{name} {size}-bit" if size else name
    except Exception:  # encrypted, truncated or an unusual format: the label says enough
        return ""


def scan_keys(path: str, data: bytes) -> list[KeyFinding]:
    out: list[KeyFinding] = []
    if m := _DROPBEAR.match(data):
        out.append(
            KeyFinding(
                path,
                0,
                f"Dropbear host key ({m.group(1).decode()})",
                False,
                False,
                hashlib.sha256(data).hexdigest()[:16],
            )
        )
        return out
    if b"PRIVATE KEY-----" not in data:
        return out
    has_cert = b"-----BEGIN CERTIFICATE-----" in data
    for m in _PEM.finditer(data):
        block = m.group(0)
        encrypted = b"ENCRYPTED" in block[:64] or b"Proc-Type: 4,ENCRYPTED" in block
        out.append(
            KeyFinding(
                path,
                m.start(),
                m.group(1).decode(),
                encrypted,
                has_cert,
                hashlib.sha256(block).hexdigest()[:16],
                "" if encrypted else _describe(block),
            )
        )
    return out
