"""What every operation needs: the session, who asks, the settings and the file store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from psti.service.auth import Principal
from psti.service.blobs import BlobStore
from psti.service.settings import Settings
from psti.store import audit


@dataclass
class Ctx:
    db: Session
    who: Principal
    settings: Settings
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
