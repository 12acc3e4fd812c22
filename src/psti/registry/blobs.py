"""Uploaded files, stored content-addressed under the data directory and never executed.

Names come only from the sha256, so an uploaded name can never choose where a file goes;
the original file name is kept in the database and sent back as an attachment.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from psti.registry.errors import TooLarge
from psti.store.models import Blob


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256")
        return self.root / sha256[:2] / sha256

    def put(self, session: Session, data: bytes, limit: int) -> Blob:
        if len(data) > limit:
            raise TooLarge(f"file is {len(data):,} bytes; the limit is {limit:,}")
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".up.")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        blob = session.execute(select(Blob).where(Blob.sha256 == digest)).scalar_one_or_none()
        if blob is None:
            blob = Blob(sha256=digest, size=len(data))
            session.add(blob)
            session.flush()
        return blob

    def read(self, blob: Blob) -> bytes:
        return self.path(blob.sha256).read_bytes()


def safe_filename(name: str | None) -> str:
    base = os.path.basename((name or "upload").replace("\\", "/")).strip() or "upload"
    cleaned = "".join(c if (c.isalnum() or c in "._- ") else "_" for c in base)
    return cleaned[:200] or "upload"
