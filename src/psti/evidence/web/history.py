"""Local history of published support periods, to detect shortening (Sch 1 para 3(6)).

Kept as one JSON file, `support-periods.json`, under the psti data directory
(`$PSTI_DATA_DIR`, default `~/.local/share/psti`). Written atomically.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from psti.errors import PstiError
from psti.files import data_dir

SCHEMA = "psti.support-history/1"
FILE_NAME = "support-periods.json"


def product_key(manufacturer: str, model: str) -> str:
    """A stable key: lower-case, single spaces, manufacturer and model."""
    norm = lambda s: re.sub(r"\s+", " ", s.strip().lower())  # noqa: E731
    return f"{norm(manufacturer)}|{norm(model)}"


@dataclass(frozen=True)
class Record:
    end_date: dt.date
    source: str
    sha256: str | None
    recorded_at: dt.datetime


class SupportHistory:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (data_dir() / FILE_NAME)

    def _load(self) -> dict[str, list[dict[str, str | None]]]:
        if not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise PstiError(f"{self.path}: cannot read the support-period history: {e}") from None
        if not isinstance(raw, dict) or raw.get("schema") != SCHEMA or not isinstance(raw.get("products"), dict):
            raise PstiError(f"{self.path}: not a psti support-period history (expected schema {SCHEMA})")
        return raw["products"]

    def records(self, key: str) -> list[Record]:
        out = []
        for i, r in enumerate(self._load().get(key, [])):
            try:
                out.append(
                    Record(
                        end_date=dt.date.fromisoformat(str(r["end_date"])),
                        source=str(r.get("source") or ""),
                        sha256=r.get("sha256"),
                        recorded_at=dt.datetime.fromisoformat(str(r["recorded_at"])),
                    )
                )
            except (KeyError, ValueError, TypeError) as e:
                raise PstiError(f"{self.path}: products[{key!r}][{i}] is malformed: {e}") from None
        return out

    def record(self, key: str, end_date: dt.date, source: str, sha256: str | None, when: dt.datetime) -> None:
        """Add a record unless the same end date from the same source is the latest one."""
        products = self._load()
        items = products.setdefault(key, [])
        if items and items[-1].get("end_date") == end_date.isoformat() and items[-1].get("source") == source:
            return
        items.append(
            {"end_date": end_date.isoformat(), "source": source, "sha256": sha256, "recorded_at": when.isoformat()}
        )
        self._write({"schema": SCHEMA, "products": products})

    def _write(self, data: dict[str, object]) -> None:
        from psti.evidence.web.documents import write_atomically

        try:
            write_atomically(self.path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
        except OSError as e:
            raise PstiError(f"{self.path}: cannot write the support-period history: {e.strerror or e}") from None
