"""Published vendor default-key and default-PIN schemes, tried against every batch.

Each scheme is implemented here from its public description (the `provenance` field says
where it was published). Key-recovery tools ship these schemes, so a batch that follows
one is recoverable from the unit's MAC address or serial number, and often from the
broadcast SSID: it fails para 1(3)(c), and 1(3)(b) when the SSID gives the input away.
The MAC-based schemes are also tried with the MAC one or two addresses away, because
devices often derive from the WAN or LAN address while the label shows another one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from psti.evidence.credentials.candidates import (
    HEX,
    MAX_EXAMPLES,
    SEPARATORS,
    Outcome,
    RowRule,
    Sample,
    Shown,
    norm,
    share,
)
from psti.evidence.credentials.checkdigits import wps

Outputs = dict[str, str]  # variant -> value ("ssid" for the SSID suffix the scheme gives)


@dataclass(frozen=True)
class Scheme:
    code: str
    title: str
    role: str  # the input: "mac" (12 hex digits) or "serial"
    provenance: str
    generate: Callable[[str], Outputs]  # normalised input -> outputs; {} when it does not apply


def _pin(body: int) -> str:
    b = f"{body % 10_000_000:07d}"
    return b + str(wps(b))


def _wps_mac(mac: str) -> Outputs:
    out = {f"last {k * 4} bits": _pin(int(mac[-k:], 16)) for k in range(6, 13)}
    nic = mac[6:]
    out["last 24 bits, bytes reversed"] = _pin(int(nic[4:6] + nic[2:4] + nic[0:2], 16))
    out["last 24 bits, nibbles reversed"] = _pin(int(nic[::-1], 16))
    return out


def _dlink(mac: str) -> Outputs:
    out: Outputs = {}
    for add in (0, 1):
        p = (int(mac[6:], 16) + add) ^ 0x55AA55
        low = p & 0xF
        p ^= (low << 4) | (low << 8) | (low << 12) | (low << 16) | (low << 20)
        p %= 10_000_000
        if p < 1_000_000:
            p += (p % 9) * 1_000_000 + 1_000_000
        out["NIC" if add == 0 else "NIC + 1"] = f"{p:07d}" + str(wps(f"{p:07d}"))
    return out


def _easybox_parts(mac: str) -> tuple[list[int], list[int], int, int]:
    s = [ord(c) - 48 for c in f"{int(mac[8:12], 16):05d}"]  # S6..S10
    m = [int(c, 16) for c in mac[8:12]]  # M9..M12
    k1 = (s[1] + s[2] + m[2] + m[3]) & 0xF
    k2 = (m[0] + m[1] + s[3] + s[4]) & 0xF
    return s, m, k1, k2


def _easybox(mac: str) -> Outputs:
    s, m, k1, k2 = _easybox_parts(mac)
    x = [k1 ^ s[4], k1 ^ s[3], k1 ^ s[2]]
    y = [k2 ^ m[1], k2 ^ m[2], k2 ^ m[3]]
    z = [m[2] ^ s[4], m[3] ^ s[3], k1 ^ k2]
    key = [v for triple in zip(x, y, z, strict=True) for v in triple]  # X1 Y1 Z1 X2 Y2 Z2 X3 Y3 Z3
    pin = [k1 ^ s[4], k1 ^ s[3], k2 ^ m[1], k2 ^ m[2], m[2] ^ s[4], m[3] ^ s[3], k1 ^ s[2]]
    return {
        "WPA key": "".join(f"{x:X}" for x in key),
        "WPS PIN": _pin(int("".join(f"{x:X}" for x in pin), 16)),
        "ssid": mac[6:10].upper() + str(s[0]) + str(s[4]),
    }


_THOMSON = re.compile(r"^CP(\d{2})(\d{2})([0-9A-Z]{2})([0-9A-Z]{3})$")


def _thomson(serial: str) -> Outputs:
    m = _THOMSON.match(re.sub(r"\(.*\)$", "", serial.replace(" ", "").upper()))
    if not m:
        return {}
    yy, ww, _, xxx = m.groups()
    digest = hashlib.sha1(f"CP{yy}{ww}{xxx.encode().hex().upper()}".encode()).hexdigest().upper()
    return {"WPA key": digest[:10], "ssid": digest[-6:]}


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        "wps-mac-nic",
        "WPS PIN from the MAC address's last 24-48 bits mod 10^7, with the WPS checksum",
        "mac",
        "ComputePIN (Zhao Chunsheng, 2012) for Tenda/Cisco-Linksys OUIs C83A35, 00B00C, 081075; the "
        "24- to 48-bit and byte/nibble-reversed variants as listed by the 3WiFi WPS PIN generator.",
        _wps_mac,
    ),
    Scheme(
        "dlink-wps",
        "D-Link WPS PIN from the NIC part of the MAC address (XOR 0x55AA55, nibble spread, mod 10^7)",
        "mac",
        "Craig Heffner, 'Reversing D-Link's WPS Pin Algorithm', /dev/ttyS0 blog, October 2014 "
        "(DIR-810L and related models).",
        _dlink,
    ),
    Scheme(
        "arcadyan-easybox",
        "Arcadyan/Vodafone EasyBox WPA key and WPS PIN from the last two bytes of the MAC address",
        "mac",
        "Arcadyan patent DE102007047320A1; described by the Zebradem wiki 'EasyBox Standard WPA Key' "
        "(March 2012) and the SEC Consult advisory on EasyBox WPS PINs (2013).",
        _easybox,
    ),
    Scheme(
        "thomson-speedtouch",
        "Thomson/SpeedTouch: SSID suffix and WPA key cut from one SHA-1 of the transformed serial",
        "serial",
        "Kevin Devine, stkeys (2008), as described by iTWire ('Every BigPond SpeedTouch router WiFi "
        "password vulnerable') and by Stavros Korokithakis (2010).",
        _thomson,
    ),
)


# -- the MAC schemes over whole chunks (NumPy), for confirming on every row ----------------------


def _mac_int(value: str) -> int:
    v = value.translate(SEPARATORS)
    if len(v) != 12:
        return -1
    try:
        return int(v, 16)
    except ValueError:
        return -1


def _password_int(p: str, fmt: str) -> int:
    if fmt == "pin":
        return int(p) if len(p) == 8 and p.isascii() and p.isdigit() else -2
    if len(p) != 9:
        return -2
    try:
        return int(p, 16)
    except ValueError:
        return -2


def _pin_np(body: np.ndarray) -> np.ndarray:
    """7-digit bodies -> 8-digit PINs (as numbers) with the WPS check digit."""
    acc = np.zeros_like(body)
    for i in range(7):
        acc += ((body // 10**i) % 10) * (3 if i % 2 == 0 else 1)
    return body * 10 + (10 - acc % 10) % 10


Vector = dict[str, tuple[np.ndarray, str]]


def _wps_mac_np(mac: np.ndarray) -> Vector:
    out: Vector = {f"last {k * 4} bits": (_pin_np((mac & ((1 << (4 * k)) - 1)) % 10**7), "pin") for k in range(6, 13)}
    nic = mac & 0xFFFFFF
    rev_bytes = ((nic & 0xFF) << 16) | (nic & 0xFF00) | (nic >> 16)
    rev_nibbles = np.zeros_like(nic)
    for i in range(6):
        rev_nibbles |= ((nic >> (4 * i)) & 0xF) << (4 * (5 - i))
    out["last 24 bits, bytes reversed"] = (_pin_np(rev_bytes % 10**7), "pin")
    out["last 24 bits, nibbles reversed"] = (_pin_np(rev_nibbles % 10**7), "pin")
    return out


def _dlink_np(mac: np.ndarray) -> Vector:
    out: Vector = {}
    for add, name in ((0, "NIC"), (1, "NIC + 1")):
        p = ((mac & 0xFFFFFF) + add) ^ 0x55AA55
        low = p & 0xF
        p = p ^ ((low << 4) | (low << 8) | (low << 12) | (low << 16) | (low << 20))
        p = p % 10_000_000
        p = np.where(p < 1_000_000, p + (p % 9) * 1_000_000 + 1_000_000, p)
        out[name] = (_pin_np(p), "pin")
    return out


def _easybox_np(mac: np.ndarray) -> Vector:
    v = mac & 0xFFFF
    s = [(v // 10 ** (4 - i)) % 10 for i in range(5)]
    m = [(v >> (12 - 4 * i)) & 0xF for i in range(4)]
    k1 = (s[1] + s[2] + m[2] + m[3]) & 0xF
    k2 = (m[0] + m[1] + s[3] + s[4]) & 0xF
    key = [k1 ^ s[4], k2 ^ m[1], m[2] ^ s[4], k1 ^ s[3], k2 ^ m[2], m[3] ^ s[3], k1 ^ s[2], k2 ^ m[3], k1 ^ k2]
    pin = [k1 ^ s[4], k1 ^ s[3], k2 ^ m[1], k2 ^ m[2], m[2] ^ s[4], m[3] ^ s[3], k1 ^ s[2]]
    key_int = np.zeros_like(v)
    for nib in key:
        key_int = (key_int << 4) | nib
    pin_int = np.zeros_like(v)
    for nib in pin:
        pin_int = (pin_int << 4) | nib
    return {"WPA key": (key_int, "hex"), "WPS PIN": (_pin_np(pin_int % 10**7), "pin")}


def _easybox_ssid_hits(mac: np.ndarray, ssids: list[str]) -> int:
    """SSIDs ending in the EasyBox suffix: MAC hex digits 7-10, then decimal digits S6 and S10."""
    v = mac & 0xFFFF
    mid, s6, s10 = ((mac >> 8) & 0xFFFF).tolist(), (v // 10000 % 10).tolist(), (v % 10).tolist()
    return sum(sd.upper().endswith(f"{a:04X}{b}{c}") for sd, a, b, c in zip(ssids, mid, s6, s10, strict=True))


_VECTOR: dict[str, Callable[[np.ndarray], Vector]] = {
    "wps-mac-nic": _wps_mac_np,
    "dlink-wps": _dlink_np,
    "arcadyan-easybox": _easybox_np,
}


def _mac_value(value: str, offset: int) -> str | None:
    v = norm(value)
    if len(v) != 12 or not HEX.issuperset(v):
        return None
    return f"{(int(v, 16) + offset) % (1 << 48):012X}"


def _input(scheme: Scheme, value: str, offset: int) -> str | None:
    return _mac_value(value, offset) if scheme.role == "mac" else value.strip().upper() or None


class SchemeRule(RowRule):
    """The password equals one output of a published scheme computed from one column."""

    def __init__(self, scheme: Scheme, column: str, variant: str, offset: int, ssid: str | None) -> None:
        super().__init__()
        self.scheme, self.column, self.variant, self.offset, self.ssid = scheme, column, variant, offset, ssid
        self.inputs = (column,) + ((ssid,) if ssid else ())
        self.key = ("scheme", scheme.code, column, variant, offset)
        self.ssid_matches = 0

    def match(self, password: str, values: tuple[str, ...]) -> bool | None:
        x = _input(self.scheme, values[0], self.offset)
        if x is None:
            return None
        out = self.scheme.generate(x)
        if not out:
            return None
        got = out.get(self.variant)
        hit = got is not None and password.upper() == got.upper()
        if hit and self.ssid and "ssid" in out and values[1].upper().endswith(out["ssid"].upper()):
            self.ssid_matches += 1
        return hit

    def observe(self, passwords: Sequence[str], columns: Mapping[str, Sequence[str]], first: int) -> None:
        """MAC schemes are computed for a whole chunk with NumPy; the others row by row."""
        vector = _VECTOR.get(self.scheme.code)
        if vector is None:
            super().observe(passwords, columns, first)
            return
        macs = columns[self.column]
        ints = np.fromiter((_mac_int(v) for v in macs), dtype=np.int64, count=len(macs))
        present = ints >= 0
        mac = np.where(present, (ints + self.offset) % (1 << 48), 0)
        expected, fmt = vector(mac)[self.variant]
        got = np.fromiter((_password_int(p, fmt) for p in passwords), dtype=np.int64, count=len(passwords))
        hit = present & (got == expected)
        self.present += int(present.sum())
        self.matches += int(hit.sum())
        rows = np.flatnonzero(hit)
        if self.ssid and rows.size and self.scheme.code == "arcadyan-easybox":
            self.ssid_matches += _easybox_ssid_hits(mac[rows], [columns[self.ssid][i] for i in rows.tolist()])
        for i in rows[: max(0, MAX_EXAMPLES - len(self.examples))].tolist():
            self.examples.append(Shown(first + i, passwords[i], {self.column: macs[i]}))

    def describe(self) -> str:
        shift = f" {'+' if self.offset > 0 else '-'} {abs(self.offset)}" if self.offset else ""
        return f"{self.scheme.title} ({self.variant}; input: the {self.column}{shift})"

    def outcome(self, sampled: int) -> Outcome | None:
        if not self.confirmed():
            return None
        s = self.scheme
        via_ssid = self.ssid is not None and self.ssid_matches >= max(3, 0.5 * self.matches)
        msg = (
            f"{self.matches:,} of {self.present:,} units ({share(self.matches, self.present)}) have the "
            f"password of a published scheme: {self.describe()}. Key-recovery tools compute it from the "
            f"{self.column}."
        )
        if via_ssid:
            msg += (
                f" The broadcast SSID ({self.ssid}) is the same scheme's output for {self.ssid_matches:,} of "
                "them, so the password can be recovered from public information."
            )
        return Outcome(
            "PWB-PUBLISHED-SCHEME",
            msg,
            self.matches,
            self.present,
            {
                "scheme": s.code,
                "variant": self.variant,
                "column": self.column,
                "input_offset": self.offset,
                "provenance": s.provenance,
                "ssid_column": self.ssid if via_ssid else None,
                "ssid_units": self.ssid_matches if via_ssid else None,
                "public": via_ssid,
            },
            self.examples,
            (self.column,),
        )


_OFFSETS = (0, 1, -1, 2, -2)
_SEARCH_ROWS = 1000
_PROBE_ROWS = 100


def search(sample: Sample, min_share: float = 0.05) -> list[SchemeRule]:
    """Schemes whose output equals the password on at least `min_share` of the sample rows.

    A probe of the first rows keeps the search cheap: a scheme that explains 5% of the batch
    misses all of the first 100 rows about once in 170 batches, and the spread sample gets a
    second chance.
    """
    found = _search(sample, min(len(sample), _PROBE_ROWS), 1 / _PROBE_ROWS)
    if not found:
        return []
    probed = {(r.scheme.code, r.column, r.offset) for r in found}
    return _search(sample, min(len(sample), _SEARCH_ROWS), min_share, probed)


def _search(
    sample: Sample, n: int, min_share: float, only: set[tuple[str, str, int]] | None = None
) -> list[SchemeRule]:
    """Per scheme, column and MAC offset (only those in `only`, when given), the variants that
    match at least `min_share` of the first `n` rows."""
    if n == 0:
        return []
    pws = [p.upper() for p in sample.passwords[:n]]
    ssid = next(iter(c for c in sample.columns if c in sample.public), None)
    found: list[SchemeRule] = []
    for scheme in SCHEMES:
        for column in _columns_for(sample, scheme, n):
            values = sample.columns[column][:n]
            for offset in _OFFSETS if scheme.role == "mac" else (0,):
                if only is not None and (scheme.code, column, offset) not in only:
                    continue
                counts: dict[str, int] = {}
                present = 0
                for pw, v in zip(pws, values, strict=True):
                    x = _input(scheme, v, offset)
                    out = scheme.generate(x) if x else {}
                    if not out:
                        continue
                    present += 1
                    for variant, value in out.items():
                        if variant != "ssid" and value.upper() == pw:
                            counts[variant] = counts.get(variant, 0) + 1
                for variant, c in counts.items():
                    if c >= max(1 if min_share * n <= 1 else 3, min_share * present):
                        found.append(SchemeRule(scheme, column, variant, offset, ssid))
                if counts and offset == 0:
                    break  # the label's own address explains it: no need to try neighbours
    return found


def _columns_for(sample: Sample, scheme: Scheme, n: int) -> list[str]:
    """Columns that can feed the scheme: by role, else by shape (12 hex digits for a MAC)."""
    names = sample.identifier_names()
    by_role = [c for c in names if sample.roles.get(c) == scheme.role]
    if by_role or scheme.role != "mac":
        return by_role or (
            [c for c in names if sample.roles.get(c) in ("serial", "id")] if scheme.role == "serial" else []
        )
    out = []
    for c in names:
        vals = sample.columns[c][: min(n, 50)]
        if vals and sum(_mac_value(v, 0) is not None for v in vals) >= 0.9 * len(vals):
            out.append(c)
    return out


def ssid_families(tokens: Mapping[str, str] | Sequence[str]) -> list[str]:
    """Published schemes whose device families' SSID prefixes appear among the public strings."""
    prefixes = {
        "arcadyan-easybox": ("easybox", "arcor", "vodafone"),
        "thomson-speedtouch": ("speedtouch", "thomson", "bigpond", "orange"),
        "dlink-wps": ("dlink",),
    }
    toks = [t.lower() for t in tokens]
    return [code for code, pre in prefixes.items() if any(t.startswith(p) for t in toks for p in pre)]
