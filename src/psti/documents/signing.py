"""Ed25519 signing of documents over canonical JSON.

Canonical JSON here: keys sorted, no insignificant whitespace, UTF-8, no ASCII
escaping, no NaN or infinities. Documents are read with `psti.strictjson` (duplicate keys
and lone surrogates refused), so one file has one body and one canonical form.
It is what gets hashed and signed, so a signature survives re-indenting.
Keys are PEM files: PKCS#8 private keys (optionally encrypted) and
SubjectPublicKeyInfo public keys, which `openssl` reads too.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, rsa, x448, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from psti.errors import PstiError
from psti.files import write_atomically

ALGORITHM = "Ed25519"
MAX_KEY_BYTES = 64 * 1024  # a PEM key is a few hundred bytes; refuse anything absurd


class KeyFileError(PstiError):
    """A key file cannot be read or is not an Ed25519 key."""


def canonical_json(obj: Any) -> bytes:
    """ValueError for what has no canonical form: NaN or infinities, lone surrogates."""
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")  # UnicodeEncodeError (a ValueError) on a lone surrogate


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """A short, stable name for a key: sha256 of the raw 32-byte public key."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "sha256:" + sha256_hex(raw)


def public_key_b64(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


@dataclass(frozen=True)
class KeyPair:
    private_pem: bytes
    public_pem: bytes
    fingerprint: str


def new_key(passphrase: bytes | None = None) -> KeyPair:
    key = Ed25519PrivateKey.generate()
    enc: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return KeyPair(private_pem, public_pem, fingerprint(key.public_key()))


def write_key_pair(pair: KeyPair, private_path: Path) -> Path:
    """Write the private key (mode 0600, never over an existing file) and `<name>.pub`."""
    public_path = private_path.with_name(private_path.name + ".pub")
    for p in (private_path, public_path):
        if p.exists():
            raise KeyFileError(f"{p}: already exists; refusing to overwrite a key")
    for p, data, private in ((private_path, pair.private_pem, True), (public_path, pair.public_pem, False)):
        try:
            write_atomically(p, data, private=private, overwrite=False)
        except FileExistsError:
            raise KeyFileError(f"{p}: already exists; refusing to overwrite a key") from None
    return public_path


def _read_key_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_KEY_BYTES:
            raise KeyFileError(f"{path}: too large to be a key file ({path.stat().st_size} bytes)")
        return path.read_bytes()
    except OSError as e:
        raise KeyFileError(f"{path}: cannot read key file: {e.strerror or e}") from None


def load_private_key(path: Path, passphrase: bytes | None = None) -> Ed25519PrivateKey:
    data = _read_key_file(path)
    if b"PUBLIC KEY" in data and b"PRIVATE KEY" not in data:
        raise KeyFileError(f"{path}: is a public key; signing needs the private key (`psti keys new`)")
    try:
        key = serialization.load_pem_private_key(data, password=passphrase)
    except TypeError:
        if passphrase is None:
            raise KeyFileError(
                f"{path}: the private key is encrypted; set PSTI_KEY_PASSPHRASE to its passphrase"
            ) from None
        raise KeyFileError(f"{path}: the private key is not encrypted; unset PSTI_KEY_PASSPHRASE") from None
    except (ValueError, UnsupportedAlgorithm) as e:
        why = "wrong passphrase, or " if passphrase else ""
        raise KeyFileError(f"{path}: not a readable PEM private key ({why}{_short(e)})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(
            f"{path}: is {_key_type(key)} key; statements are signed with Ed25519 keys (make one with `psti keys new`)"
        )
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    data = _read_key_file(path)
    try:
        if b"PRIVATE KEY" in data:
            raise KeyFileError(f"{path}: is a private key; give the public key (.pub) to verify")
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm) as e:
        raise KeyFileError(f"{path}: not a readable PEM public key ({_short(e)})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"{path}: is {_key_type(key)} key; an Ed25519 public key is needed")
    return key


def public_key_from_b64(text: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(text, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError) as e:
        raise PstiError(f"signature.public_key is not a base64 Ed25519 public key ({_short(e)})") from None


def sign(key: Ed25519PrivateKey, body: Any) -> dict[str, str]:
    """Sign the canonical JSON of `body`; the result goes beside the body in the document."""
    pub = key.public_key()
    return {
        "algorithm": ALGORITHM,
        "key_id": fingerprint(pub),
        "public_key": public_key_b64(pub),
        "value": base64.b64encode(key.sign(canonical_json(body))).decode("ascii"),
    }


def check_signature(public_key: Ed25519PublicKey, body: Any, signature_b64: str) -> bool:
    try:
        sig = base64.b64decode(signature_b64, validate=True)
    except (ValueError, TypeError):
        return False
    try:
        public_key.verify(sig, canonical_json(body))
    except (InvalidSignature, ValueError):  # ValueError: no canonical form, so nothing was signed
        return False
    return True


def _key_type(key: object) -> str:
    """'an RSA', 'an EC', … for messages."""
    kinds = (
        ((rsa.RSAPrivateKey, rsa.RSAPublicKey), "an RSA"),
        ((ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey), "an EC"),
        ((dsa.DSAPrivateKey, dsa.DSAPublicKey), "a DSA"),
        ((ed448.Ed448PrivateKey, ed448.Ed448PublicKey), "an Ed448"),
        ((x25519.X25519PrivateKey, x25519.X25519PublicKey), "an X25519"),
        ((x448.X448PrivateKey, x448.X448PublicKey), "an X448"),
    )
    for types, name in kinds:
        if isinstance(key, types):
            return name
    return f"a {type(key).__name__}"


def _short(e: Exception) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text[:160]
