"""Registry errors: each maps to one HTTP status with a message and optional per-field problems."""

from __future__ import annotations

import datetime as dt
from typing import Any


class ServiceError(Exception):
    status = 400

    def __init__(self, message: str, problems: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"error": self.message}
        if self.problems:
            body["problems"] = self.problems
        return body


class BadRequest(ServiceError):
    status = 400


class Unauthorised(ServiceError):
    status = 401


class Forbidden(ServiceError):
    status = 403


class NotFound(ServiceError):
    status = 404


class Conflict(ServiceError):
    status = 409


class TooLarge(ServiceError):
    status = 413


class Invalid(ServiceError):
    status = 422


class TooManyRequests(ServiceError):
    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def date_field(value: Any, field: str) -> dt.date:
    """A date given in a request (YYYY-MM-DD), or Invalid naming the field."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise Invalid(f"{field} is not a date", [{"field": field, "message": "give a date as YYYY-MM-DD"}]) from None
