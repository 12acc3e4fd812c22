"""Service errors: the registry library's errors, each mapped to one HTTP status by `app.py`."""

from __future__ import annotations

from psti.registry.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    ServiceError,
    TooLarge,
    TooManyRequests,
    Unauthorised,
)

__all__ = [
    "BadRequest",
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "ServiceError",
    "TooLarge",
    "TooManyRequests",
    "Unauthorised",
]
