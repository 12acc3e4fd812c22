"""What a probe finds and does: services, credentials, attempts."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any

from psti.evidence.firmware.model import mask


class Outcome(str, enum.Enum):
    SUCCESS = "success"  # the device accepted the credential
    FAILURE = "failure"  # the device refused it
    LOCKOUT = "lockout"  # the device shows signs of locking the account or throttling
    ERROR = "error"  # no answer we can read: reset, time-out, TLS error


@dataclass(frozen=True)
class LoginForm:
    """An HTML login form: where it posts and what it sends."""

    action: str
    method: str
    user_field: str | None
    password_field: str
    hidden: tuple[tuple[str, str], ...] = ()


@dataclass
class Service:
    """One network login surface of the device."""

    address: str
    port: int
    protocol: str  # ssh | telnet | ftp | http | https | mqtt | rtsp
    auth: str = "unknown"  # password | basic | digest | form | none | unknown
    banner: str = ""
    path: str = "/"
    realm: str | None = None
    form: LoginForm | None = None
    fingerprint: tuple[str, ...] = ()  # vendor/model words from banners, headers, descriptions
    # For form logins: what a refusal looks like here (status, redirect, asks for a password
    # again), learnt from one random password at discovery.
    refusal: tuple[int, str, bool] | None = None

    @property
    def name(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        path = self.path if self.protocol in ("http", "https", "rtsp") else ""
        return f"{self.protocol}://{host}:{self.port}{path}"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["name"] = self.name
        return out


@dataclass(frozen=True)
class Credential:
    user: str
    password: str
    source: str  # "firmware: etc/shadow line 1", "corpus: seclists (vendor hikvision)", …
    # Show the password masked in transcripts, records and summaries (`--mask-secrets`);
    # what is sent to the device is always `password`.
    masked: bool = field(default=False, compare=False)

    @property
    def shown(self) -> str:
        """The password as the record and the terminal show it."""
        return mask(self.password) if self.masked and self.password else self.password


@dataclass
class Attempt:
    outcome: Outcome
    detail: str = ""
    transcript: list[str] = field(default_factory=list)


@dataclass
class ServiceResult:
    """What happened on one interface."""

    service: Service
    status: str = "probed"  # probed | no-password | locked-out | unreachable | error | interrupted
    detail: str = ""
    attempts: int = 0
    logins: list[tuple[Credential, Attempt]] = field(default_factory=list)
