"""Batch generators for the password-batch tests: realistic factory exports, good and bad."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import gzip
import hashlib
import hmac
import json
import random
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from psti.assess import assess_evidence
from psti.evidence.credentials import PublicInfo, analyse_batch, batch_result, public_info
from psti.evidence.credentials.reader import ReaderOptions
from psti.evidence.credentials.wordlists import dictionary_words
from psti.model import Assessment, ProductRef, Verdict

ON = dt.date(2026, 6, 1)
SUBPARAS = ("PSTI-S1-1.2", "PSTI-S1-1.3.a", "PSTI-S1-1.3.b", "PSTI-S1-1.3.c", "PSTI-S1-1.3.d")
ALNUM = string.ascii_letters + string.digits


@dataclass(frozen=True)
class Unit:
    index: int
    serial: str
    mac: str
    imei: str
    ssid: str


def units(n: int, seed: int = 7) -> list[Unit]:
    """Serials and MACs as a factory assigns them (consecutive), IMEIs with a Luhn digit."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        mac = 0x0C8BFD000000 + i * 4  # one block of four addresses per unit
        mac_s = ":".join(f"{(mac >> s) & 0xFF:02X}" for s in range(40, -8, -8))
        body = f"35{209910 + i // 100000:06d}{i % 1000000:06d}"
        imei = body + str(_luhn(body))
        ssid = "ACME-" + "".join(rng.choice("0123456789ABCDEF") for _ in range(4))
        out.append(Unit(i, f"AC2{i + 100000:09d}", mac_s, imei, ssid))
    return out


def _luhn(body: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return (10 - total % 10) % 10


PasswordFn = Callable[[Unit], str]


def write_batch(
    path: Path,
    pw: PasswordFn,
    n: int = 3000,
    *,
    columns: tuple[str, ...] = ("serial", "mac", "imei", "password"),
    shuffle: bool = False,
    fmt: str = "csv",
    compress: bool = False,
    passwords: list[str] | None = None,
) -> Path:
    us = units(n)
    pws = passwords if passwords is not None else [pw(u) for u in us]
    rows = [{"serial": u.serial, "mac": u.mac, "imei": u.imei, "ssid": u.ssid, "password": p}
            for u, p in zip(us, pws, strict=True)]
    if shuffle:
        random.Random(3).shuffle(rows)
    opener = gzip.open if compress else open
    with opener(path, "wt", newline="", encoding="utf-8") as f:  # type: ignore[operator]
        if fmt == "jsonl":
            for r in rows:
                f.write(json.dumps({c: r[c] for c in columns}) + "\n")
        else:
            w = csv.writer(f, delimiter="\t" if fmt == "tsv" else ",")
            w.writerow(columns)
            for r in rows:
                w.writerow([r[c] for c in columns])
    return path


PUBLIC = public_info(
    None,
    [("product.brand", "Acme Home"), ("product.name", "Acme CAM-200 indoor security camera"),
     ("product.model", "CAM-200"), ("manufacturer[0].name", "Acme Home Ltd")],
)


def assess_batch(path: Path, options: ReaderOptions | None = None, public: PublicInfo = PUBLIC,
                 **kw: object) -> Assessment:
    report = analyse_batch(path, options, public, **kw)  # type: ignore[arg-type]
    result = batch_result(report, "password-batch-1")
    return assess_evidence(result, ProductRef(name="p", model="m", manufacturer="x"), on=ON)


def verdicts(a: Assessment) -> dict[str, Verdict]:
    return {p.provision: p.verdict for p in a.provisions if p.provision in SUBPARAS}


def kinds(a: Assessment) -> dict[str, str]:
    return {f.kind: f.effect.value for f in a.findings}


# -- generators ------------------------------------------------------------------------------

KEY = b"factory-secret-key-held-in-an-hsm"


def token(u: Unit) -> str:
    return secrets.token_urlsafe(12)


def hmac_serial(u: Unit) -> str:
    mac = hmac.new(KEY, u.serial.encode(), hashlib.sha256).digest()
    return base64.b32encode(mac).decode().lower()[:16]


_WORDS = sorted(w for w in dictionary_words() if 4 <= len(w) <= 8)


def words(u: Unit) -> str:
    return "-".join(secrets.choice(_WORDS) for _ in range(5))


def sha_serial_8(u: Unit) -> str:
    return hashlib.sha256(u.serial.encode()).hexdigest()[:8]


def mac_suffix(u: Unit) -> str:
    return u.mac.replace(":", "")[-8:].lower()


def password_n(u: Unit) -> str:
    return f"password{u.index + 1}"
