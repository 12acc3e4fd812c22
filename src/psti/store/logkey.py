"""The key that seals the audit log and the case log, kept outside the database.

Each log entry carries an HMAC-SHA256 of its hash, and each log's head (how many entries,
the newest hash, from which entry the log is keyed) carries an HMAC too. Someone who can
write the database but not read this key can rewrite rows and recompute hashes, but cannot
make the MACs match, so `psti audit verify` / `psti case verify-log` name the first entry
they changed, and a deleted tail shows as a head that no longer matches.

The key is a file of at least 32 random bytes: `--log-key FILE` or `$PSTI_LOG_KEY_FILE`,
else `log.key` in the data directory, created (mode 0600) the first time a writer needs it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import weakref
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from psti import files
from psti.errors import UsageError

KEY_ENV = "PSTI_LOG_KEY_FILE"
DEFAULT_NAME = "log.key"
MIN_BYTES = 32


class LogKeyError(UsageError):
    """The log key file is missing, unreadable or too short."""


@dataclass(frozen=True)
class LogKey:
    secret: bytes
    path: Path
    anchor: Path | None = None  # the anchor file (psti.store.anchor); None: the default beside the key

    @property
    def key_id(self) -> str:
        """A public fingerprint: names the key in the head without revealing it."""
        return hashlib.sha256(b"psti-log-key-id\n" + self.secret).hexdigest()[:16]

    def mac(self, *parts: object) -> str:
        msg = "\n".join(str(p) for p in parts).encode()
        return hmac.new(self.secret, msg, hashlib.sha256).hexdigest()

    def matches(self, expected: str, *parts: object) -> bool:
        return hmac.compare_digest(self.mac(*parts), expected or "")


def default_path(data_dir: Path | None = None) -> Path:
    env = os.environ.get(KEY_ENV)
    if env:
        return Path(env).expanduser()
    return (data_dir or files.data_dir()) / DEFAULT_NAME


def create(path: Path) -> LogKey:
    """Write a new random key (0600); refuse to overwrite an existing one.

    Written to a temporary name and linked into place, so a concurrent reader sees either
    no key or the whole key, and of two concurrent creators exactly one wins.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_bytes(MIN_BYTES)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(secret.hex().encode() + b"\n")
            f.flush()
            os.fsync(f.fileno())
        os.link(tmp, path)
    except FileExistsError:
        raise LogKeyError(f"{path}: a log key already exists there; refusing to replace it") from None
    finally:
        tmp.unlink(missing_ok=True)
    return LogKey(secret, path)


def load(path: Path) -> LogKey:
    """Read a key file (hex text or raw bytes), or a clear error naming the file and the fix."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LogKeyError(
            f"log key {path} does not exist: give the key the logs were sealed with "
            f"(--log-key FILE or ${KEY_ENV}), or create a new one with `psti audit new-key {path}`"
        ) from None
    except OSError as e:
        raise LogKeyError(f"log key {path}: cannot read it ({e.strerror})") from None
    text = raw.strip()
    try:
        secret = bytes.fromhex(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        secret = raw
    if len(secret) < MIN_BYTES:
        raise LogKeyError(f"log key {path}: {len(secret)} bytes; a key needs at least {MIN_BYTES} random bytes")
    return LogKey(secret, path)


def load_or_create(path: Path, *, explicit: bool) -> LogKey:
    """An explicitly named key must exist; the default one is created on first use."""
    if explicit or path.exists():
        return load(path)
    try:
        return create(path)
    except LogKeyError:
        return load(path)  # another process created it first


def resolve(
    option: Path | None = None,
    data_dir: Path | None = None,
    *,
    create_default: bool = True,
    anchor: Path | None = None,
) -> LogKey:
    """The key from an option, else the environment, else the data directory's default file;
    `anchor` names its anchor file when not the default (`psti.store.anchor`)."""
    if option is not None:
        key = load(option.expanduser())
    else:
        explicit = bool(os.environ.get(KEY_ENV))
        path = default_path(data_dir)
        key = load(path) if not create_default else load_or_create(path, explicit=explicit)
    return replace(key, anchor=anchor.expanduser()) if anchor is not None else key


# The key each engine's logs are sealed with, set by whoever opens the database (the
# service at start-up, the case CLI); sessions find it through their bind.
_attached: weakref.WeakKeyDictionary[Engine, LogKey] = weakref.WeakKeyDictionary()


def attach(engine: Engine, key: LogKey) -> None:
    _attached[engine] = key


_attach_lock = threading.Lock()


def for_session(session: Session) -> LogKey:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    key = _attached.get(engine)
    if key is None:
        with _attach_lock:
            key = _attached.get(engine)
            if key is None:
                key = _attached[engine] = resolve()
    return key
