"""Where psti keeps its state, and writing output files so a failure never leaves one half-written."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

# Documents are meant to be published: they get the process umask's usual permissions
# (0644 under umask 022). Private keys stay readable by their owner alone.
PUBLIC_MODE = 0o666
PRIVATE_MODE = 0o600


def data_dir() -> Path:
    """psti's state folder: $PSTI_DATA_DIR, else $XDG_DATA_HOME/psti, else ~/.local/share/psti.

    The registry database, the case database and the support-period history all live
    here, so every command and the service agree on it.
    """
    env = os.environ.get("PSTI_DATA_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "psti"


def write_atomically(path: Path, data: str | bytes, *, private: bool = False, overwrite: bool = True) -> None:
    """Write via a temporary file beside `path`, then move it into place.

    `private` makes the file 0600 whatever the umask (keys); otherwise the umask decides.
    With `overwrite=False` an existing `path` is left alone and FileExistsError raised,
    checked at the moment the file appears, not before.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, fd = _new_temporary(path, PRIVATE_MODE if private else PUBLIC_MODE)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if path exists, unlike a rename
    finally:
        tmp.unlink(missing_ok=True)


def _new_temporary(path: Path, mode: int) -> tuple[Path, int]:
    """A new file beside `path`, opened for writing; `mode` goes through the umask."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
