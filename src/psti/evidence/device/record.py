"""The probe record: JSON Lines, one event a line, flushed as it happens.

The first line says what was asked (schema `psti.probe/1`, targets, options, the
operator's reason for any public address); then one line per interface found and per
attempt (time, interface, account, password, source, outcome, transcript); the last line
is the summary. Secrets are shown: the credentials tried are published defaults. An
interrupted run still leaves valid lines, and its last line says it was interrupted.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from pathlib import Path
from typing import IO, Any

from psti import __version__
from psti.errors import ArtefactError, UsageError

SCHEMA = "psti.probe/1"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class ProbeRecord:
    def __init__(self, path: Path | None):
        self.path = path
        self._file: IO[str] | None = None
        self.events: list[dict[str, Any]] = []
        self._lock = threading.Lock()  # interfaces are probed side by side
        if path is not None:
            if not path.parent.is_dir():
                raise UsageError(f"{path.parent}: no such directory for the probe record")
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            self._file = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, event: str, **data: Any) -> dict[str, Any]:
        entry = {"event": event, "at": _now(), **data}
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
        with self._lock:
            self.events.append(entry)
            if self._file is not None:
                self._file.write(line)
                self._file.flush()
        return entry

    def start(self, **data: Any) -> None:
        self.write("start", schema=SCHEMA, tool_version=__version__, **data)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def read_record(path: Path) -> list[dict[str, Any]]:
    """Events of a saved record; a cut-off last line (an interrupted write) is dropped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ArtefactError(f"{path}: cannot read the probe record ({exc})") from None
    events = []
    for n, line in enumerate(lines, 1):
        try:
            events.append(json.loads(line))
        except ValueError:
            if n == len(lines):
                break
            raise ArtefactError(f"{path}, line {n}: not a JSON line of a probe record") from None
    if not events or events[0].get("schema") != SCHEMA:
        raise ArtefactError(f"{path}: not a psti probe record (first line must have schema {SCHEMA})")
    return events
