"""The registry's operation context, with the service's own caller and settings."""

from __future__ import annotations

from dataclasses import dataclass

from psti.registry import context
from psti.registry.blobs import BlobStore
from psti.service.auth import Principal
from psti.service.settings import Settings


@dataclass
class Ctx(context.Ctx):
    who: Principal
    settings: Settings
    blobs: BlobStore
