"""Service settings, from `psti serve` options or environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from psti import files

DEFAULT_PORT = 8487  # "PSTI" has no port of its own; 8487 is unassigned by IANA.


@dataclass
class Settings:
    data_dir: Path = field(default_factory=files.data_dir)
    database_url: str | None = None
    public_url: str = f"http://127.0.0.1:{DEFAULT_PORT}"
    start_worker: bool = True
    worker_poll_seconds: float = 0.5
    job_stale_seconds: float = float(os.environ.get("PSTI_JOB_STALE_SECONDS", "15"))
    max_upload_bytes: int = 50 * 1024 * 1024  # a multipart upload (plus 1 MiB of envelope)
    max_form_bytes: int = 4 * 1024 * 1024  # any other body: JSON, forms, a statement to verify
    max_attachment_bytes: int = 10 * 1024 * 1024
    max_catalogue_rows: int = 200_000
    login_limit: tuple[int, int] = (10, 60)  # sign-in attempts per seconds, per account from one address
    login_ip_limit: tuple[int, int] = (30, 60)  # sign-in attempts per seconds from one address, any account
    # failed sign-ins per seconds for one account from all addresses, past which it is guarded
    # (psti.service.guessing): only known or clean addresses may then try
    login_guard: tuple[int, int] = (20, 900)
    known_address_days: int = 30  # an address an account signed in from counts as known this long
    report_limit: tuple[int, int] = (5, 60)
    session_hours: int = 12
    secure_cookies: bool = False
    allow_private_urls: bool = False  # URL checks refuse private/loopback addresses unless set
    # internal addresses an operator lets the service fetch all the same (comma-separated in the variable)
    fetch_allow_addresses: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            a.strip() for a in os.environ.get("PSTI_FETCH_ALLOW_ADDRESSES", "").split(",") if a.strip()
        )
    )
    trusted_proxies: tuple[str, ...] = ()  # X-Forwarded-For is believed only from these (--trusted-proxy)
    ends_soon_days: int = 180
    bootstrap_admin: tuple[str, str] | None = None  # (email, password) created if no admin exists
    log_key_file: Path | None = None  # seals the logs; default $PSTI_LOG_KEY_FILE or DATA_DIR/log.key
    # the log heads anchored outside the database; default $PSTI_LOG_ANCHOR_FILE, else beside the key
    log_anchor_file: Path | None = None
    token_days: int = 90  # API tokens expire after this many days unless asked otherwise (max 365)
    # Seals the private keys the registry holds; from --key-encryption-key-file or
    # PSTI_KEY_ENCRYPTION_KEY, never stored in the database (psti.registry.keys).
    key_encryption_key: bytes | None = None
