"""The registry's file store, as the routes and the worker use it (it lives in `psti.registry.blobs`)."""

from __future__ import annotations

from psti.registry.blobs import BlobStore, safe_filename

__all__ = ["BlobStore", "safe_filename"]
