"""What every registry operation needs: the session, who asks, the limits and the file store.

The caller and the settings are described by what the registry reads of them, so the
service (a signed-in user, its settings) and the command line (an offline check) can
both pass their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session

from psti.registry.blobs import BlobStore
from psti.store import audit


class Caller(Protocol):
    """Who is asking; `require`/`require_org` raise Unauthorised or Forbidden."""

    @property
    def user_id(self) -> int | None: ...
    @property
    def role(self) -> str: ...
    @property
    def organisation_id(self) -> int | None: ...
    @property
    def actor(self) -> str: ...
    def require(self, *roles: str) -> Any: ...
    def require_org(self, *roles: str) -> int: ...


class Limits(Protocol):
    """The settings registry operations read."""

    public_url: str
    max_upload_bytes: int
    max_attachment_bytes: int
    max_catalogue_rows: int
    ends_soon_days: int
    key_encryption_key: bytes | None


@dataclass
class Ctx:
    db: Session
    who: Caller
    settings: Limits
    blobs: BlobStore

    def audit(self, event: str, target: str, organisation_id: int | None, **details: Any) -> None:
        audit.record(
            self.db,
            actor=self.who.actor,
            action=event,
            target=target,
            organisation_id=organisation_id,
            details=details,
        )
