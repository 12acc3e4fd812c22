"""A bounded search for the formula behind the passwords.

Inputs are built from the identifier columns and the public strings: each column as written,
without separators in lower or upper case, reversed, its last 4/6/8 characters, a MAC in
colon or dash notation; and concatenations of two columns, or of a column and a public
string (brand, model), joined by nothing, '-', '_', ':' or a space. Each input goes through
no hash, MD5, SHA-1, SHA-224, SHA-256, SHA-512 or CRC-32, then hex, base32, base64
(standard and URL-safe) or decimal, and the password must be one window of the result
(the same offset on every row). The search runs on a few rows, keeps what matches, checks
it on a larger sample, and stops after a fixed amount of work; every formula it proposes is then
counted over the whole batch.

When a formula is found, the broadcast SSID is checked against the same digest: an SSID and
a password cut from one unkeyed digest of an identifier give the password away (1.3.b).
"""

from __future__ import annotations

import base64
import hashlib
import string
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import permutations

from psti.evidence.credentials.candidates import Outcome, RowRule, Sample, norm, share

Form = Callable[[str], str]
_SEPS = ("", "-", "_", ":", " ")


def _mac_sep(sep: str, upper: bool) -> Form:
    def f(v: str) -> str:
        n = norm(v)
        n = n.upper() if upper else n
        return sep.join(n[i : i + 2] for i in range(0, len(n), 2)) if len(n) == 12 else n

    return f


def single_forms(role: str) -> dict[str, Form]:
    """Simple transforms of one column's value."""
    forms: dict[str, Form] = {
        "{c}": lambda v: v,
        "lower({c})": lambda v: norm(v),
        "upper({c})": lambda v: norm(v).upper(),
        "reversed({c})": lambda v: norm(v)[::-1],
        "last6({c})": lambda v: norm(v)[-6:],
        "last8({c})": lambda v: norm(v)[-8:],
        "upper(last6({c}))": lambda v: norm(v)[-6:].upper(),
        "upper(last8({c}))": lambda v: norm(v)[-8:].upper(),
        "last4({c})": lambda v: norm(v)[-4:],
    }
    if role == "mac":
        forms["colon-upper({c})"] = _mac_sep(":", True)
        forms["colon-lower({c})"] = _mac_sep(":", False)
        forms["dash-upper({c})"] = _mac_sep("-", True)
    return forms


_CANONICAL = ("{c}", "lower({c})", "upper({c})")


def _digest(name: str) -> Callable[[bytes], bytes]:
    if name == "none":
        return lambda b: b
    if name == "crc32":
        return lambda b: zlib.crc32(b).to_bytes(4, "big")
    return lambda b: hashlib.new(name, b).digest()


HASHES = ("none", "md5", "sha1", "sha224", "sha256", "sha512", "crc32")


ENCODERS: dict[str, Callable[[bytes], str]] = {
    "hex": lambda d: d.hex(),
    "base32": lambda d: base64.b32encode(d).decode().rstrip("=").lower(),
    "base64": lambda d: base64.b64encode(d).decode().rstrip("="),
    "base64url": lambda d: base64.urlsafe_b64encode(d).decode().rstrip("="),
    "decimal": lambda d: str(int.from_bytes(d, "big")) if d else "",
    "text": lambda d: d.decode("utf-8", "replace"),
}


def _encodings(d: bytes, hash_name: str) -> dict[str, str]:
    return {k: f(d) for k, f in ENCODERS.items() if k != "text" or hash_name == "none"}


_B64 = frozenset(string.ascii_lowercase + string.digits + "+/-_")
_ALPHABETS: dict[str, frozenset[str] | None] = {  # characters an encoding can produce (lower case)
    "hex": frozenset("0123456789abcdef"),
    "base32": frozenset(string.ascii_lowercase + "234567"),
    "base64": _B64,
    "base64url": _B64,
    "decimal": frozenset(string.digits),
    "text": None,
}
_CASELESS = frozenset({"hex", "base32", "decimal", "text"})


def _find(p: str, enc: str, value: str) -> tuple[int, str] | None:
    """Offset of the password in the encoded string (from the start; or from the end when it
    ends there), or None."""
    hay, needle = (value, p) if enc not in _CASELESS else (value.lower(), p.lower())
    i = hay.find(needle)
    if i < 0:
        return None
    if i + len(needle) == len(hay) and i != 0:
        return (0, "end")
    return (i, "start")


@dataclass(frozen=True)
class Formula:
    inputs: tuple[str, ...]  # columns used
    template: str  # e.g. "lower({serial})-{mac}"
    parts: tuple[tuple[str, str | None], ...]  # (form name with {c}, column or None for a constant)
    sep: str
    hash: str
    encoding: str
    offset: int
    anchor: str  # start | end

    def build(self, values: tuple[str, ...], forms: dict[str, dict[str, Form]]) -> str:
        out = []
        vi = 0
        for form, column in self.parts:
            if column is None:
                out.append(form)
            else:
                out.append(forms[column][form](values[vi]))
                vi += 1
        return self.sep.join(out)

    def describe(self) -> str:
        h = "" if self.hash == "none" else f"{self.hash.upper().replace('SHA', 'SHA-')}("
        inner = self.template
        body = f"{h}{inner}{')' if h else ''}"
        enc = {
            "hex": "hex",
            "base32": "base32",
            "base64": "base64",
            "base64url": "URL-safe base64",
            "decimal": "decimal",
            "text": "text",
        }[self.encoding]
        where = (
            f"characters from offset {self.offset}"
            if self.anchor == "start" and self.offset
            else "the first characters"
            if self.anchor == "start"
            else "the last characters"
        )
        return f"{where} of {enc} of {body}" if self.encoding != "text" or h else f"{where} of {body}"


class FormulaRule(RowRule):
    def __init__(self, formula: Formula, forms: dict[str, dict[str, Form]], ssid: str | None) -> None:
        super().__init__()
        self.f, self.forms, self.ssid = formula, forms, ssid
        self.inputs = formula.inputs + ((ssid,) if ssid else ())
        self.key = ("formula", formula)
        self.digest = _digest(formula.hash)
        self.encode = ENCODERS[formula.encoding]
        self.same_source = 0

    def _encoded(self, values: tuple[str, ...]) -> str:
        f = self.f
        return self.encode(self.digest(f.build(values, self.forms).encode()))

    def match(self, password: str, values: tuple[str, ...]) -> bool | None:
        f = self.f
        ids = values[: len(f.inputs)]
        if not all(ids):
            return None
        enc = self._encoded(ids)
        lp = len(password)
        window = enc[f.offset : f.offset + lp] if f.anchor == "start" else enc[len(enc) - lp :]
        hit = window.lower() == password.lower() if f.encoding in _CASELESS else window == password
        if hit and self.ssid:
            self.same_source += int(_ssid_window(values[-1], enc, f.encoding))
        return hit

    def outcome(self, sampled: int) -> Outcome | None:
        if not self.confirmed():
            return None
        f = self.f
        unkeyed = f.hash != "none"
        msg = (
            f"password is {f.describe()} for {self.matches:,} of {self.present:,} units "
            f"({share(self.matches, self.present)})."
            + (" An unkeyed hash is not keyed hashing: anyone with the identifier can compute it." if unkeyed else "")
        )
        same = self.ssid is not None and self.same_source >= max(3, 0.5 * self.matches)
        outcomes_kind = "PWB-FORMULA"
        details = {
            "formula": f.describe(),
            "columns": list(f.inputs),
            "hash": f.hash,
            "encoding": f.encoding,
            "offset": f.offset,
            "anchor": f.anchor,
            "separator": f.sep,
        }
        if same:
            outcomes_kind = "PWB-SAME-SOURCE"
            msg += (
                f" The broadcast SSID ({self.ssid}) is another window of the same digest for "
                f"{self.same_source:,} of them: the public SSID and the password come from one unkeyed "
                "digest of the identifier."
            )
            details["ssid_column"] = self.ssid
            details["ssid_units"] = self.same_source
        return Outcome(outcomes_kind, msg, self.matches, self.present, details, self.examples, f.inputs)


def _ssid_window(ssid: str, enc: str, encoding: str) -> bool:
    """The SSID's variable part (its last 4+ characters after a separator or prefix) is in the digest."""
    tail = ssid.replace("_", "-").rsplit("-", 1)[-1]
    tail = tail[-8:] if len(tail) > 8 else tail
    if len(tail) < 4:
        return False
    return (tail.lower() in enc.lower()) if encoding in _CASELESS else tail in enc


@dataclass
class SearchStats:
    formulas_tried: int = 0
    rows_tried: int = 0
    seconds: float = 0.0
    truncated: bool = False


def candidates(
    sample: Sample,
) -> tuple[list[tuple[str, tuple[tuple[str, str | None], ...], str]], dict[str, dict[str, Form]]]:
    """Every input construction: (template, parts, separator), and each column's forms."""
    cols = sample.identifier_names() or list(sample.columns)
    forms = {c: single_forms(sample.roles.get(c, "id")) for c in sample.columns}
    out: list[tuple[str, tuple[tuple[str, str | None], ...], str]] = []
    for c in cols:
        for name in forms[c]:
            out.append((name.replace("{c}", c), ((name, c),), ""))
    for a, b in permutations(cols, 2):
        for fa in _CANONICAL:
            for fb in _CANONICAL:
                for sep in _SEPS:
                    out.append((fa.replace("{c}", a) + sep + fb.replace("{c}", b), ((fa, a), (fb, b)), sep))
    for const in sample.constants:
        for k in (const, const.lower(), const.upper()):
            for c in cols:
                for fc in _CANONICAL:
                    for sep in ("", "-", "_"):
                        out.append((k + sep + fc.replace("{c}", c), ((k, None), (fc, c)), sep))
                        out.append((fc.replace("{c}", c) + sep + k, ((fc, c), (k, None)), sep))
    return out, forms


def search(sample: Sample, max_checks: int = 20_000, min_share: float = 0.05) -> tuple[list[FormulaRule], SearchStats]:
    """Formulas reproducing the password on the first rows, then on up to 200 rows.

    The work is bounded by counting, not by the clock, so the same batch gives the same
    findings on any machine under any load: every candidate on the first four rows, then
    the candidates kept on further rows until `max_checks` candidate checks are spent.
    """
    stats = SearchStats()
    t0 = time.process_time()
    usable = [i for i, p in enumerate(sample.passwords) if len(p) >= 6][:200]
    if len(usable) < 3 or not sample.columns:
        return [], stats
    cands, forms = candidates(sample)
    hashes = {h: _digest(h) for h in HASHES}
    ssid = next(iter(c for c in sample.columns if c in sample.public), None)

    def hits(i: int, only: set[tuple[int, str, str, int, str]] | None) -> set[tuple[int, str, str, int, str]]:
        p = sample.passwords[i]
        encs = [e for e, alphabet in _ALPHABETS.items() if alphabet is None or alphabet.issuperset(p.lower())]
        wanted = None if only is None else {k[0] for k in only}
        found: set[tuple[int, str, str, int, str]] = set()
        for ci, (_, parts, sep) in enumerate(cands):
            if wanted is not None and ci not in wanted:
                continue
            vals = []
            for form, col in parts:
                if col is None:
                    vals.append(form)
                else:
                    v = sample.columns[col][i]
                    if not v:
                        break
                    vals.append(forms[col][form](v))
            else:
                raw = sep.join(vals).encode()
                for h, fn in hashes.items():
                    d = fn(raw)
                    for enc in encs:
                        if enc == "text" and h != "none":
                            continue
                        got = _find(p, enc, ENCODERS[enc](d))
                        if got is not None:
                            found.add((ci, h, enc, *got))
        return found

    # stage 1: the first rows; a formula must hold on two of them at the same window
    first = usable[:4]
    tally: dict[tuple[int, str, str, int, str], int] = {}
    for i in first:
        stats.rows_tried += 1
        for k in hits(i, None):
            tally[k] = tally.get(k, 0) + 1
    stats.formulas_tried = len(cands) * len(HASHES)
    keep = {k for k, c in tally.items() if c >= 2}
    if not keep:
        stats.seconds = time.process_time() - t0
        return [], stats
    # stage 2: the rest of the sample rows, only for what stage 1 kept
    checks = 0
    for i in usable[4:]:
        if checks + len(keep) > max_checks:
            stats.truncated = True
            break
        checks += len(keep)
        stats.rows_tried += 1
        for k in hits(i, keep):
            if k in keep:
                tally[k] += 1
    rows = stats.rows_tried
    good = sorted((k for k in keep if tally[k] >= max(3, min_share * rows)), key=lambda k: (-tally[k], k))
    rules: list[FormulaRule] = []
    seen_cols: set[tuple[int, str]] = set()
    for ci, h, enc, off, anchor in good:
        template, parts, sep = cands[ci]
        if (ci, h) in seen_cols:
            continue  # one encoding/window per input and hash: the most frequent
        seen_cols.add((ci, h))
        inputs = tuple(c for _, c in parts if c is not None)
        rules.append(FormulaRule(Formula(inputs, template, parts, sep, h, enc, off, anchor), forms, ssid))
        if len(rules) >= 3:
            break
    stats.seconds = time.process_time() - t0
    return rules, stats
