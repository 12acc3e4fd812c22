"""Evaluation: derived per-device password batches must fail, keyed and random ones must pass.

    python bench/creds_derivations.py [--rows 5000] [--only NAME] [--million] [--without-derivations]

Every batch is generated here, from the generators documented below, with units unlike the
test fixtures' (another OUI, serial format, MAC stride and IMEI allocation; some files
shuffled). Derived batches use published vendor schemes (implemented independently below
from their public descriptions, not with psti's own code) and variations of them. Each
batch goes through `analyse_batch`, `batch_result` and the assessment engine; the script
prints the verdict per Schedule 1 sub-paragraph and the finding kinds that fail.

Targets: every derived batch fails 1.3.a, 1.3.b or 1.3.c with a finding that names the
scheme, the formula or the dependence; no keyed or random control fails anything.

`--without-derivations` runs the same set with the derivation searches switched off (the
checks as they were before them). `--million` times the analysis of 1,000,000 rows (a good
batch and a derived one) in a fresh process and prints the time each derivation check took.
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import hashlib
import hmac
import json
import random
import secrets
import string
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SUBPARAS = ("PSTI-S1-1.2", "PSTI-S1-1.3.a", "PSTI-S1-1.3.b", "PSTI-S1-1.3.c", "PSTI-S1-1.3.d")
DERIVATION = ("PSTI-S1-1.3.a", "PSTI-S1-1.3.b", "PSTI-S1-1.3.c")
NAMING = {
    "PWB-DEPENDENCE",
    "PWB-PUBLIC-DEPENDENCE",
    "PWB-IDENTIFIER-IN-CLEAR",
    "PWB-PUBLIC-IN-CLEAR",
    "PWB-CHECK-DIGIT-COUNTER",
    "PWB-HIDDEN-COUNTER",
    "PWB-FORMULA",
    "PWB-SAME-SOURCE",
    "PWB-PUBLISHED-SCHEME",
    "PWB-IDENTIFIER-DERIVED",
    "PWB-PUBLIC-INFO",
    "PWB-COUNTER",
}
ALNUM = string.ascii_letters + string.digits


@dataclass(frozen=True)
class Unit:
    index: int
    serial: str
    mac: str  # AA:BB:CC:DD:EE:FF
    imei: str
    ssid: str


def _luhn(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _wps_check(body7: str) -> str:
    acc = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body7)))
    return str((10 - acc % 10) % 10)


def make_units(n: int, seed: int, thomson: bool = False) -> list[Unit]:
    """A production run: MACs from a random start in the 00:26:5A block with stride 2 (one
    address for Wi-Fi, one for Ethernet), serials 'GB' + year/week + sequence (or Thomson
    style CP YYWW PP XXX), IMEIs from TAC 86753109 with their Luhn digit, and an SSID
    from a random suffix."""
    rng = random.Random(seed)
    base = 0x00265A000000 + rng.randrange(0, 0x800000) * 2
    out = []
    for i in range(n):
        m = base + 2 * i
        mac = ":".join(f"{(m >> s) & 0xFF:02X}" for s in range(40, -8, -8))
        if thomson:
            x = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(3))
            serial = f"CP{8 + i % 3:02d}{1 + i % 52:02d}{rng.choice(['JT', 'KQ', 'AB'])}{x}"
        else:
            serial = f"GB24{10 + i // 50000:02d}-{seed % 97:02d}{i:07d}"
        body = f"86753109{(seed * 7919 + i) % 10**6:06d}"
        out.append(
            Unit(
                i, serial, mac, body + _luhn(body), "HOME-" + "".join(rng.choice("0123456789ABCDEF") for _ in range(5))
            )
        )
    return out


def mac12(u: Unit) -> str:
    return u.mac.replace(":", "")


# -- published schemes, written from their public descriptions --------------------------------


def easybox(u: Unit) -> tuple[str, str, str]:
    """Arcadyan EasyBox (Zebradem wiki, 2012; patent DE102007047320A1): the last two MAC bytes
    in decimal (5 digits S6..S10) and their hex digits M9..M12; K1 = S7+S8+M11+M12, K2 =
    M9+M10+S9+S10 (mod 16); key X1 Y1 Z1 X2 Y2 Z2 X3 Y3 Z3. Returns (WPA key, WPS PIN, SSID)."""
    m = mac12(u)
    s = [int(c) for c in f"{int(m[8:], 16):05d}"]
    h = [int(c, 16) for c in m[8:]]
    k1 = (s[1] + s[2] + h[2] + h[3]) % 16
    k2 = (h[0] + h[1] + s[3] + s[4]) % 16
    key = [k1 ^ s[4], k2 ^ h[1], h[2] ^ s[4], k1 ^ s[3], k2 ^ h[2], h[3] ^ s[3], k1 ^ s[2], k2 ^ h[3], k1 ^ k2]
    pin7 = int(
        "".join(f"{v:X}" for v in [k1 ^ s[4], k1 ^ s[3], k2 ^ h[1], k2 ^ h[2], h[2] ^ s[4], h[3] ^ s[3], k1 ^ s[2]]), 16
    )
    pin = f"{pin7 % 10**7:07d}"
    return "".join(f"{v:X}" for v in key), pin + _wps_check(pin), "EasyBox-" + m[6:10] + str(s[0]) + str(s[4])


def wps_nic(u: Unit, bits: int = 24, offset: int = 0) -> str:
    """ComputePIN (2012): the MAC's last `bits` bits mod 10^7, then the WPS check digit."""
    pin = f"{(int(mac12(u), 16) + offset) % (1 << bits) % 10**7:07d}"
    return pin + _wps_check(pin)


def dlink(u: Unit) -> str:
    """D-Link (/dev/ttyS0, 2014): NIC XOR 0x55AA55, its low nibble spread over the five nibbles
    above it, mod 10^7, forced to 7 digits, then the WPS check digit."""
    v = int(mac12(u)[6:], 16) ^ 0x55AA55
    lo = v & 15
    v ^= sum(lo << s for s in (4, 8, 12, 16, 20))
    v %= 10**7
    if v < 10**6:
        v += (v % 9) * 10**6 + 10**6
    return f"{v:07d}" + _wps_check(f"{v:07d}")


def thomson(u: Unit) -> tuple[str, str]:
    """Thomson/SpeedTouch (stkeys, 2008): SHA-1 of CP+YYWW+hex(XXX); key = first 5 bytes,
    SSID = 'SpeedTouch' + last 3 bytes."""
    d = hashlib.sha1(("CP" + u.serial[2:6] + u.serial[8:11].encode().hex().upper()).encode()).hexdigest().upper()
    return d[:10], "SpeedTouch" + d[-6:]


# -- generators: (name, password, ssid or None, thomson-style serials, shuffle) -----------------

Gen = Callable[[Unit], str]
SECRET = secrets.token_bytes(32)


def _sumxor(u: Unit) -> str:
    """Variation: 12 characters, each the sum of two MAC nibbles XOR a third, into a 32-symbol alphabet."""
    h = [int(c, 16) for c in mac12(u)]
    alpha = "abcdefghjkmnpqrstuvwxyz23456789Q"
    return "".join(alpha[((h[11 - i % 6] + h[10 - (i * 5) % 6]) ^ h[6 + i % 6]) % 32] for i in range(12))


def _subst(u: Unit) -> str:
    """Variation of a published charset scheme: MAC nibbles re-ordered and mapped through a
    fixed 16-letter charset, then 4 random letters."""
    m = mac12(u)
    cs = "ZXQWRTYPLKJHGFDS"
    order = (11, 7, 9, 6, 10, 8, 5, 4)
    return "".join(cs[int(m[i], 16)] for i in order) + "".join(secrets.choice(ALNUM) for _ in range(4))


def _hidden_counter(u: Unit) -> str:
    """Variation: a counter of the unit's sequence number in positions 3, 6, 9, 12; random letters elsewhere."""
    digits = f"{500000 + u.index * 3:06d}"[-4:]
    chars = [secrets.choice(string.ascii_letters) for _ in range(14)]
    for pos, d in zip((2, 5, 8, 11), digits, strict=True):
        chars[pos] = d
    return "".join(chars)


def _imei_luhn(u: Unit) -> str:
    """Variation: the IMEI's last 9 digits plus 7, with a Luhn check digit."""
    body = f"{(int(u.imei[-10:-1]) + 7) % 10**9:09d}"
    return body + _luhn(body)


DERIVED: list[tuple[str, Gen, Callable[[Unit], str] | None, bool, bool]] = [
    ("easybox-wpa (published)", lambda u: easybox(u)[0], lambda u: easybox(u)[2], False, False),
    ("easybox-wps (published)", lambda u: easybox(u)[1], None, False, True),
    ("wps-nic-24 (published)", lambda u: wps_nic(u), None, False, True),
    ("wps-nic-32, WAN MAC+1 (published)", lambda u: wps_nic(u, 32, 1), None, False, False),
    ("dlink-wps (published)", dlink, None, False, False),
    ("thomson-speedtouch (published)", lambda u: thomson(u)[0], lambda u: thomson(u)[1], True, True),
    ("sum/xor of MAC nibbles (variation)", _sumxor, None, False, False),
    ("charset substitution of MAC + 4 random (variation)", _subst, None, False, True),
    (
        "SHA-1(serial '_' lower mac) hex upper 16 (variation)",
        lambda u: hashlib.sha1(f"{u.serial}_{mac12(u).lower()}".encode()).hexdigest().upper()[:16],
        None,
        False,
        False,
    ),
    (
        "base32(MD5(lower serial reversed)) 20 (variation)",
        lambda u: base64.b32encode(hashlib.md5(u.serial.lower().replace("-", "")[::-1].encode()).digest()).decode()[
            :20
        ],
        None,
        False,
        True,
    ),
    (
        "CRC-32(MAC) hex + serial last 4 (issue example)",
        lambda u: f"{zlib.crc32(u.mac.encode()):08X}" + u.serial[-4:],
        None,
        False,
        False,
    ),
    (
        "SSID and password from one SHA-256 of the serial (variation)",
        lambda u: hashlib.sha256(u.serial.upper().encode()).hexdigest()[:16],
        lambda u: "NET-" + hashlib.sha256(u.serial.upper().encode()).hexdigest()[-6:].upper(),
        False,
        True,
    ),
    ("IMEI + 7 with Luhn digit (variation)", _imei_luhn, None, False, True),
    ("hidden counter in positions 3,6,9,12 (variation)", _hidden_counter, None, False, True),
    (
        "random 10 + SSID suffix (variation)",
        lambda u: "".join(secrets.choice(ALNUM) for _ in range(10)) + u.ssid[-5:].lower(),
        lambda u: u.ssid,
        False,
        False,
    ),
    (
        "decimal (NIC * 7 + 12345) mod 10^10 (variation)",
        lambda u: f"{(int(mac12(u)[6:], 16) * 7 + 12345) % 10**10:010d}",
        None,
        False,
        True,
    ),
]


def _hm(msg: str, alg: str = "sha256") -> bytes:
    return hmac.new(SECRET, msg.encode(), alg).digest()


CONTROLS: list[tuple[str, Gen]] = [
    ("HMAC-SHA256(serial) hex 16", lambda u: _hm(u.serial).hex()[:16]),
    ("HMAC-SHA256(serial) hex 24", lambda u: _hm(u.serial).hex()[:24]),
    ("HMAC-SHA256(serial) base32 16", lambda u: base64.b32encode(_hm(u.serial)).decode()[:16]),
    ("HMAC-SHA256(serial) base64url 14", lambda u: base64.urlsafe_b64encode(_hm(u.serial)).decode()[:14]),
    ("HMAC-SHA256(mac) hex 16", lambda u: _hm(u.mac).hex()[:16]),
    ("HMAC-SHA256(mac) base32 lower 20", lambda u: base64.b32encode(_hm(mac12(u))).decode().lower()[:20]),
    ("HMAC-SHA512(serial+mac) hex 20", lambda u: _hm(u.serial + u.mac, "sha512").hex()[:20]),
    ("HMAC-SHA256(imei) decimal 16", lambda u: str(int.from_bytes(_hm(u.imei), "big"))[:16]),
    ("HMAC-SHA1(serial) hex upper 16", lambda u: _hm(u.serial, "sha1").hex().upper()[:16]),
    ("HMAC-SHA256(serial) alnum 12", lambda u: "".join(ALNUM[b % 62] for b in _hm(u.serial)[:12])),
    ("HMAC-SHA256(ssid+serial) base64 16", lambda u: base64.b64encode(_hm(u.ssid + u.serial)).decode()[:16]),
    (
        "HMAC-SHA256(serial) base32 groups 4x5",
        lambda u: "-".join(base64.b32encode(_hm(u.serial)).decode()[i : i + 5] for i in (0, 5, 10, 15)),
    ),
    ("token_urlsafe(12)", lambda u: secrets.token_urlsafe(12)),
    ("token_hex(8)", lambda u: secrets.token_hex(8)),
    ("random alnum 12", lambda u: "".join(secrets.choice(ALNUM) for _ in range(12))),
    ("random alnum 16", lambda u: "".join(secrets.choice(ALNUM) for _ in range(16))),
    (
        "random lower+digits 14",
        lambda u: "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(14)),
    ),
    ("random 16 digits", lambda u: "".join(secrets.choice(string.digits) for _ in range(16))),
    ("random upper hex 16", lambda u: secrets.token_hex(8).upper()),
    ("random base32 16", lambda u: base64.b32encode(secrets.token_bytes(10)).decode()),
    (
        "random printable 12",
        lambda u: "".join(secrets.choice(string.ascii_letters + string.digits + "!#%+-=?@") for _ in range(12)),
    ),
    (
        "random xxxx-xxxx-xxxx",
        lambda u: "-".join(
            "".join(secrets.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(4)) for _ in range(3)
        ),
    ),
    ("random 6 words", lambda u: ".".join(secrets.choice(_WORDS) for _ in range(6))),
    ("random alnum 12 (shuffled file)", lambda u: "".join(secrets.choice(ALNUM) for _ in range(12))),
]

_WORDS = sorted(
    {
        w
        for w in __import__("psti.evidence.credentials.wordlists", fromlist=["x"]).dictionary_words()
        if 4 <= len(w) <= 7
    }
)


# -- running -----------------------------------------------------------------------------------


def write(path: Path, units: list[Unit], pw: Gen, ssid: Callable[[Unit], str] | None, shuffle: bool) -> None:
    rows = [(u.serial, u.mac, u.imei, (ssid(u) if ssid else None), pw(u)) for u in units]
    if shuffle:
        random.Random(5).shuffle(rows)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["serial_number", "wifi_mac", "imei", *(["ssid"] if ssid else []), "wifi_password"])
        for s, m, i, sd, p in rows:
            w.writerow([s, m, i, *([sd] if ssid else []), p])


def assess(path: Path) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, float], float]:
    from psti.assess import assess_evidence
    from psti.evidence.credentials import PublicInfo, analyse_batch, batch_result
    from psti.model import ProductRef

    pub = PublicInfo.from_strings([("product.brand", "Northwind"), ("product.model", "NW-R7")])
    t = time.perf_counter()
    report = analyse_batch(path, public=pub)
    result = batch_result(report, "batch")
    secs = time.perf_counter() - t
    a = assess_evidence(
        result, ProductRef(name="router", model="NW-R7", manufacturer="Northwind"), on=dt.date(2026, 6, 1)
    )
    verdicts = {p.provision: p.verdict.value for p in a.provisions if p.provision in SUBPARAS}
    fails = [(f.kind, f.message) for f in a.findings if f.effect.value == "fail"]
    seconds = report.derived.seconds if report.derived else {}
    return verdicts, fails, seconds, secs


def evaluate(rows: int, only: str | None) -> int:
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        print(f"derived batches ({rows:,} rows each): must fail 1.3.a/b/c with the derivation named")
        for k, (name, pw, ssid, thom, shuffle) in enumerate(DERIVED):
            if only and only not in name:
                continue
            path = Path(tmp) / f"d{k}.csv"
            write(path, make_units(rows, 100 + k, thom), pw, ssid, shuffle)
            verdicts, fails, _, secs = assess(path)
            failed = [p[8:] for p in DERIVATION if verdicts.get(p) == "fail"]
            named = sorted({kd for kd, _ in fails if kd in NAMING})
            ok = bool(failed) and bool(named)
            bad += not ok
            print(
                f"  {'ok ' if ok else 'MISS'} {name:58s} fails {','.join(failed) or '-':12s} "
                f"{secs:5.1f}s  {' '.join(named)}"
            )
        print(f"controls ({rows:,} rows each): must not fail anything")
        for k, (name, pw) in enumerate(CONTROLS):
            if only and only not in name:
                continue
            path = Path(tmp) / f"c{k}.csv"
            write(path, make_units(rows, 300 + k), pw, (lambda u: u.ssid) if k % 3 == 0 else None, "shuffled" in name)
            verdicts, fails, _, secs = assess(path)
            ok = not fails
            bad += not ok
            print(f"  {'ok ' if ok else 'FAIL'} {name:58s} {secs:5.1f}s  {' '.join(kd for kd, _ in fails)}")
            for kd, msg in fails:
                print(f"       {kd}: {msg[:200]}")
    print("all as expected" if bad == 0 else f"{bad} unexpected results")
    return 1 if bad else 0


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from psti.evidence.credentials import PublicInfo, analyse_batch
t = time.perf_counter()
r = analyse_batch(Path(sys.argv[1]), public=PublicInfo.from_strings([("product.brand", "Northwind")]))
out = {"seconds": time.perf_counter() - t, "derived": r.derived.seconds, "found": [o.kind for o in r.derived.outcomes],
       "passes": r.passes}
ru = resource.getrusage(resource.RUSAGE_SELF)
out["cpu_seconds"] = ru.ru_utime + ru.ru_stime
# VmHWM is this process image's own peak; ru_maxrss would include the parent's memory before exec
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]
out["peak_mib"] = int(hwm[0].split()[1]) / 1024 if hwm else ru.ru_maxrss / 1024
print(json.dumps(out))
"""


def million(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, pw in (
            ("token_urlsafe(12)", lambda u: secrets.token_urlsafe(12)),
            ("EasyBox WPA key", lambda u: easybox(u)[0]),
        ):
            path = Path(tmp) / "m.csv"
            t = time.perf_counter()
            write(path, make_units(rows, 7), pw, None, False)
            print(f"{name}: generated {rows:,} rows in {time.perf_counter() - t:.1f} s")
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            print(
                f"  analysis wall {r['seconds']:.2f} s, cpu {r['cpu_seconds']:.2f} s, peak {r['peak_mib']:.0f} MiB, "
                f"reads {r['passes']}, found {r['found']}"
            )
            print("  derivation checks (s): " + ", ".join(f"{k} {v:.2f}" for k, v in r["derived"].items()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--only")
    ap.add_argument("--million", action="store_true")
    ap.add_argument("--without-derivations", action="store_true", help="the batch checks as they were before")
    args = ap.parse_args()
    if args.without_derivations:
        from psti.evidence.credentials import derived

        derived.DerivationScan.feed = lambda self, chunk, columns: None  # type: ignore[method-assign]
    if args.million:
        million(1_000_000 if args.rows == 5000 else args.rows)
        return
    sys.exit(evaluate(args.rows, args.only))


if __name__ == "__main__":
    main()
