"""What the firmware checks find, before it becomes a Finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Form = Literal["hash", "plaintext", "empty"]


@dataclass
class Credential:
    """A password (hash, plaintext or empty) found in the image, and where."""

    source: str  # shadow, passwd, htpasswd, uci, nvram, hostapd, mosquitto, script, binary, web, …
    path: str  # inside the image
    secret: str
    form: Form
    account: str | None = None
    line: int | None = None
    offset: int | None = None
    hash_type: str | None = None
    interface: str = ""  # what the password opens: console, ssh, telnet, web, wifi, mqtt, …
    login: bool | None = None  # can it be used to log in? None when unknown
    login_reason: str = ""
    context: str = ""  # the line or string it was found in
    handler: str = ""  # the handler that found it (handlers/), "accounts" for passwd/shadow


@dataclass
class Observation:
    """Something that is not itself a password but bears on the verdict."""

    kind: str
    path: str
    message: str
    line: int | None = None
    offset: int | None = None
    details: dict[str, Any] = field(default_factory=dict)


def mask(secret: str) -> str:
    """Show enough of a secret to recognise it in a report, not to reuse it blindly."""
    if len(secret) <= 4:
        return "*" * len(secret)
    return secret[:2] + "*" * (len(secret) - 4) + secret[-2:]
