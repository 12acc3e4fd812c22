"""`psti serve --workers N`: several server processes on one listening socket.

The parent opens the database once (migrations, sealing the logs, the first administrator)
and then starts N uvicorn processes (spawned, so each builds its own app, engine and
background-job thread). They share only the database: jobs are claimed with a conditional
UPDATE, so each runs once whichever process takes it, and a process that dies leaves its
job to be resumed by another once its heartbeat goes stale.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from psti.service.settings import Settings

SETTINGS_ENV = "PSTI_SERVE_SETTINGS"
_PATHS = ("data_dir", "log_key_file")


def export_settings(settings: Settings) -> None:
    """Hand the settings to the worker processes through their environment (readable only
    by the service's own account). The first administrator's password is left out: the
    parent creates that account before they start."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(settings):
        v = getattr(settings, f.name)
        if f.name == "bootstrap_admin":
            continue
        if isinstance(v, Path):
            v = str(v)
        elif isinstance(v, bytes):  # the key-encryption key: children inherit it as their parent had it
            v = {"hex": v.hex()}
        values[f.name] = v
    os.environ[SETTINGS_ENV] = json.dumps(values)


def app_from_env() -> FastAPI:
    """The app of one worker process, from the settings its parent exported."""
    from psti.service.app import create_app
    from psti.service.settings import Settings

    values = json.loads(os.environ[SETTINGS_ENV])
    kinds = {f.name for f in dataclasses.fields(Settings)}
    kwargs: dict[str, Any] = {}
    for name, v in values.items():
        if name not in kinds:
            continue
        if name in _PATHS and v is not None:
            v = Path(v)
        elif isinstance(v, dict) and set(v) == {"hex"}:
            v = bytes.fromhex(v["hex"])
        elif isinstance(v, list):
            v = tuple(v)
        kwargs[name] = v
    app = create_app(Settings(**kwargs))
    gc.freeze()  # as in the single-process server: start-up objects stay out of collections
    return app


def run_workers(settings: Settings, sock: socket.socket, workers: int) -> None:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    export_settings(settings)
    config = uvicorn.Config(
        "psti.service.workers:app_from_env",
        factory=True,
        workers=workers,
        log_level="warning",
        access_log=False,
        proxy_headers=bool(settings.trusted_proxies),  # X-Forwarded-For only from --trusted-proxy
        forwarded_allow_ips=list(settings.trusted_proxies),
    )
    Multiprocess(config, sockets=[sock]).run()
