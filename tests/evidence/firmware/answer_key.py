"""Score the firmware collector against shared/data/firmware/KNOWN_CREDENTIALS.csv.

Used by the accuracy test and by bench/firmware_accuracy.py (which prints the figures
quoted in docs/fw-creds.md). The whole folder is scanned as one tree, as a user would.
"""

from __future__ import annotations

import csv
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from psti.evidence.firmware.collector import ScanOptions, scan_image
from psti.model import Effect, Finding

NEGATIVE_FILES = (
    "fact_core_users_and_passwords/passwd_FP_test",
    "esp8266_vendor_at_firmware/Ai-Thinker_ESP8266_DOUT_8Mbit_v1.5.4.1-a_20171130.bin",
)


@dataclass
class Score:
    rows: int = 0
    detected: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    with_plaintext: int = 0
    recovered: list[str] = field(default_factory=list)
    negative_fails: list[str] = field(default_factory=list)  # FAIL on a known-negative file/account
    unexpected_fails: list[str] = field(default_factory=list)  # FAIL on nothing in the key
    findings: list[Finding] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return len(self.detected) / self.rows if self.rows else 0.0


def _files(spec: str, data: Path) -> list[str]:
    out = []
    for part in spec.split(","):
        part = part.strip()
        folder = part.rsplit("/", 1)[0] if "/" in part else ""
        pattern = part if "/" in part else f"{folder}/{part}"
        if "/" not in part and out:
            pattern = out[0].rsplit("/", 1)[0] + "/" + part
        matches = sorted(
            "/" + p.relative_to(data).as_posix()
            for p in data.rglob("*")
            if p.is_file() and fnmatch.fnmatch(p.relative_to(data).as_posix(), pattern)
        )
        out += [m.lstrip("/") for m in matches]
    return ["/" + o for o in out]


def evaluate(data: Path, work: Path, opts: ScanOptions | None = None) -> Score:
    result = scan_image(data, work, opts or ScanOptions(crack_deadline_s=120))
    score = Score(findings=result.findings)
    by_path: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_path.setdefault(f.location.path or "", []).append(f)
    explained: set[int] = set()
    with (data / "KNOWN_CREDENTIALS.csv").open(newline="") as fh:
        for row in csv.DictReader(fh):
            paths = _files(row["file"], data)
            label = f"{row['file']}:{row['account']}"
            account = row["account"]
            ctype = row["credential_type"]
            found = [f for p in paths for f in by_path.get(p, [])]
            if ctype.startswith("locked") or account == "n/a" or row["file"].endswith("passwd_FP_test"):
                named = {a for a in account.split("/")} if ctype.startswith("locked") else None
                bad = [
                    f for f in found if f.effect is Effect.FAIL and (named is None or f.details.get("account") in named)
                ]
                score.negative_fails += [f"{f.location.path}: {f.message}" for f in bad]
                explained.update(id(f) for f in bad)
                continue
            score.rows += 1
            accounts = {a.strip() for a in account.replace("+", "/").split("/")}

            def relevant(f: Finding, accounts: set[str] = accounts, wildcard: bool = account.startswith("(")) -> bool:
                return f.details.get("account") in accounts or wildcard

            hits = [f for f in found if relevant(f) and f.effect in (Effect.FAIL, Effect.INFO)]
            explained.update(id(f) for f in hits)
            (score.detected if hits else score.missed).append(label)
            plaintexts = {p.strip() for p in row["plaintext"].split("/")}
            if row["plaintext"] and not row["plaintext"].startswith(("(", "n/a")):
                score.with_plaintext += 1
                got = {str(f.details.get("plaintext")) for f in hits} | {f.details.get("value", "") for f in hits}
                got |= {f.message.split("'")[1] for f in hits if f.kind == "FW-BINARY-PASSWORD" and "'" in f.message}
                if plaintexts & got:
                    score.recovered.append(label)
    for f in result.findings:
        if f.effect is Effect.FAIL and id(f) not in explained:
            score.unexpected_fails.append(f"{f.kind} {f.location.path}: {f.message[:100]}")
    return score
