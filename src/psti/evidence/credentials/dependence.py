"""Dependence of password characters on identifier characters, whatever the formula.

For each password position (left-aligned) and each character of each identifier column
(right-aligned: the last character, the one before it, …; also the decimal digits of a
MAC's last 4 or 6 hex digits, and a decimal serial's digits as hex), we build the
contingency table of (identifier character, password character) over the sample and
compute the mutual information with a G-test. A derivation shows up as dependence even
when the formula is unknown: `X = K ^ S10` in a vendor scheme leaves the password
character restricted by the MAC's last digit.

Calibration. For a keyed (HMAC) or random generator the password is independent of every
identifier character, so the G statistic follows a chi-square law. A pair counts only when

- its p-value is below 0.001 divided by the number of pairs tested (Bonferroni), and
- its mutual information, less the chance level (df / 2n ln 2), is at least 0.1 bit,

and the table is not too sparse (at least 5 rows per cell on average; password characters
are grouped into fewer classes when needed). The 0.1 bit is about 25 standard deviations
of the null at the default sample size. The few pairs found are then counted again over
every row of the batch and must pass the same test there.

For numeric passwords, the password as a number is also compared with each identifier as
a number (Spearman rank correlation): `PIN = MAC mod 10^7` shows as a rank correlation
near 1 whatever the file order.
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from psti.evidence.credentials.candidates import HEX, SEPARATORS, Candidate, Outcome, Sample, Shown, norm
from psti.evidence.credentials.stats import chi2_sf, entropy_bits

ALPHA = 0.001
MIN_BITS = 0.1  # mutual information above chance that a confirmed pair must reach
MAX_POSITIONS = 32
_WIDTH = 24  # identifier characters considered, from the end
_CODES = 256  # characters above are folded into one code
_LN2 = math.log(2)


_NON_DIGITS = str.maketrans("", "", string.ascii_letters + string.punctuation + " ")


def _last_hex(n: str, k: int) -> str:
    tail = n[-k:]
    if len(tail) < k or not HEX.issuperset(tail):
        return ""
    return str(int(tail, 16)).rjust(k + 2, "0")


def _digits_hex(v: str) -> str:
    d = v.translate(_NON_DIGITS)
    if len(d) < 6 or not d.isascii() or not d.isdigit():
        return ""
    return f"{int(d[-15:]):x}"


def _form_values(values: Sequence[str], form: str) -> list[str]:
    if form == "character":
        return [v.translate(SEPARATORS).lower() for v in values]
    if form.startswith("last"):
        k = int(form.split()[1])
        return [_last_hex(n, k) for n in (v.translate(SEPARATORS).lower() for v in values)]
    return [_digits_hex(v) for v in values]  # "digits as hex"


def _matrix(strings: Sequence[str], width: int, right: bool) -> np.ndarray:
    """(rows, width) character codes, 0 where a string is shorter; right-aligned or left."""
    # NumPy's fixed-width strings pad with NUL and cut what is longer, in C; reversing first
    # keeps the last characters of right-aligned values
    arr = np.array([s[::-1] for s in strings] if right else strings, dtype=f"<U{width}")
    codes = arr.view(np.uint32).reshape(len(strings), width) if len(strings) else np.zeros((0, width), np.uint32)
    if right:
        codes = codes[:, ::-1]
    return np.minimum(codes, _CODES - 1).astype(np.int64)


_cache: dict[tuple[int, str], np.ndarray] = {}


def _chunk_matrix(values: Sequence[str], form: str, right: bool) -> np.ndarray:
    """The character matrix of one column of the current chunk, built once for all candidates."""
    key = (id(values), form)
    got = _cache.get(key)
    if got is None or got.shape[0] != len(values):
        if len(_cache) > 16:
            _cache.clear()
        strings = values if form == "password" else _form_values(values, form)
        got = _cache[key] = _matrix(strings, MAX_POSITIONS if form == "password" else _WIDTH, right)
    return got


def clear_cache() -> None:
    _cache.clear()


def _forms(sample: Sample, column: str) -> list[str]:
    """The character forms of a column: as written; a MAC's last hex digits as decimal; the
    digits of a mostly decimal identifier as hex."""
    vals = [norm(v) for v in sample.columns[column][:200]]
    forms = ["character"]
    macs = sum(len(v) == 12 and HEX.issuperset(v) and not v.isdigit() for v in vals)
    if sample.roles.get(column) == "mac" or macs >= 0.9 * max(1, len(vals)):
        forms += ["last 4 hex digits as decimal", "last 6 hex digits as decimal"]
    elif sum(sum(ch.isdigit() for ch in v) >= max(6, 0.7 * len(v)) for v in vals) >= 0.9 * max(1, len(vals)):
        forms.append("digits as hex")
    return forms


@dataclass(frozen=True)
class Feature:
    column: str
    form: str
    index: int  # 1 = last character of the form

    def describe(self) -> str:
        place = "last character" if self.index == 1 else f"character {self.index} from the end"
        form = "" if self.form == "character" else f" ({self.form})"
        return f"{self.column}{form} {place}"


def g_test(table: np.ndarray, floor: float | None = None) -> tuple[float, int, float, int]:
    """(mutual information in bits, df, p-value, rows) of a contingency table. With `floor`,
    the p-value is only computed when the information above chance reaches it (else 1)."""
    t = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0].astype(np.float64)
    n = float(t.sum())
    if t.shape[0] < 2 or t.shape[1] < 2 or n == 0:
        return 0.0, 0, 1.0, int(n)
    expected = t.sum(axis=1, keepdims=True) * t.sum(axis=0, keepdims=True) / n
    nz = t > 0
    g = 2.0 * float((t[nz] * np.log(t[nz] / expected[nz])).sum())
    df = (t.shape[0] - 1) * (t.shape[1] - 1)
    mi = g / (2.0 * n * _LN2)
    if floor is not None and mi - df / (2.0 * n * _LN2) < floor:
        return mi, df, 1.0, int(n)
    return mi, df, chi2_sf(g, df), int(n)


def _table(f: np.ndarray, p: np.ndarray, buckets: int) -> np.ndarray:
    ok = (f > 0) & (p > 0)
    return np.bincount(f[ok] * buckets + p[ok] % buckets, minlength=_CODES * buckets).reshape(_CODES, buckets)


class PairCandidate(Candidate):
    """One (identifier character, password position) pair, counted over every row."""

    def __init__(
        self, feature: Feature, position: int, buckets: int, public: bool, sample_bits: float, sample_rows: int
    ) -> None:
        self.feature, self.position, self.buckets, self.public = feature, position, buckets, public
        self.sample_bits, self.sample_rows = sample_bits, sample_rows
        self.key = ("dependence", feature, position)
        self.table = np.zeros((_CODES, buckets), dtype=np.int64)
        self.examples: list[Shown] = []
        self.tests = 1  # set by the scan: the number of pairs confirmed together

    def observe(self, passwords: Sequence[str], columns: Mapping[str, Sequence[str]], first: int) -> None:
        f = _chunk_matrix(columns[self.feature.column], self.feature.form, True)[:, _WIDTH - self.feature.index]
        p = _chunk_matrix(passwords, "password", False)[:, self.position]
        self.table += _table(f, p, self.buckets)
        if len(self.examples) < 3:
            for i in range(min(3 - len(self.examples), len(passwords))):
                self.examples.append(
                    Shown(first + i, passwords[i], {self.feature.column: columns[self.feature.column][i]})
                )

    def stats(self) -> tuple[float, float, float, int, int]:
        """(bits above chance, password character entropy, p-value, rows, df)."""
        mi, df, pv, n = g_test(self.table)
        h = entropy_bits(self.table.sum(axis=0))
        return mi - df / (2.0 * max(n, 1) * _LN2), h, pv, n, df

    def outcome(self, sampled: int) -> Outcome | None:
        bits, h, pv, n, _ = self.stats()
        if pv >= ALPHA / max(1, self.tests) or bits < MIN_BITS:
            return None
        kind = "PWB-PUBLIC-DEPENDENCE" if self.public else "PWB-DEPENDENCE"
        return Outcome(kind, "", n, n, {"pairs": [self.pair(bits, h, pv, n)]}, self.examples, (self.feature.column,))

    def pair(self, bits: float, h: float, pv: float, n: int) -> dict[str, object]:
        return {
            "password_position": self.position + 1,
            "column": self.feature.column,
            "identifier": self.feature.describe(),
            "bits": round(bits, 3),
            "password_bits": round(h, 3),
            "share_of_entropy": round(bits / h, 3) if h > 0 else 0.0,
            "determined": bool(h > 0 and bits >= 0.9 * h),
            "p_value": pv,
            "rows": n,
            "sample_bits": round(self.sample_bits, 3),
            "sample_rows": self.sample_rows,
        }


def _number(v: str) -> int | None:
    n = norm(v)
    if len(n) >= 4 and HEX.issuperset(n) and not n.isdigit():
        return int(n[-12:], 16)
    d = "".join(ch for ch in n if ch.isdigit())
    return int(d[-15:]) if len(d) >= 4 else None


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    if x.size < 10:
        return 0.0
    rx = np.argsort(np.argsort(x, kind="stable"), kind="stable").astype(np.float64)
    ry = np.argsort(np.argsort(y, kind="stable"), kind="stable").astype(np.float64)
    rx -= rx.mean()
    ry -= ry.mean()
    den = math.sqrt(float((rx * rx).sum() * (ry * ry).sum()))
    return float((rx * ry).sum() / den) if den else 0.0


def _normal_sf(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2.0))


class NumberCandidate(Candidate):
    """The password as a number against an identifier as a number (rank correlation)."""

    def __init__(self, column: str, public: bool, sample_rho: float, sample_rows: int) -> None:
        self.column, self.public, self.sample_rho, self.sample_rows = column, public, sample_rho, sample_rows
        self.key = ("number", column)
        self.xs: list[np.ndarray] = []
        self.ys: list[np.ndarray] = []
        self.examples: list[Shown] = []
        self.tests = 1

    def observe(self, passwords: Sequence[str], columns: Mapping[str, Sequence[str]], first: int) -> None:
        xs, ys = [], []
        for i, (p, v) in enumerate(zip(passwords, columns[self.column], strict=True)):
            y = _number(v)
            if p.isdigit() and 4 <= len(p) <= 18 and y is not None:
                xs.append(int(p))
                ys.append(y)
                if len(self.examples) < 3:
                    self.examples.append(Shown(first + i, p, {self.column: v}))
        self.xs.append(np.array(xs, dtype=np.int64))
        self.ys.append(np.array(ys, dtype=np.int64))

    def outcome(self, sampled: int) -> Outcome | None:
        x = np.concatenate(self.xs) if self.xs else np.zeros(0, dtype=np.int64)
        y = np.concatenate(self.ys) if self.ys else np.zeros(0, dtype=np.int64)
        rho = _spearman(x, y)
        pv = _normal_sf(abs(rho) * math.sqrt(max(0, x.size - 1))) * 2
        if abs(rho) < 0.5 or pv >= ALPHA / max(1, self.tests):
            return None
        kind = "PWB-PUBLIC-DEPENDENCE" if self.public else "PWB-DEPENDENCE"
        pair = {
            "password_position": "the password as a number",
            "column": self.column,
            "identifier": f"{self.column} as a number",
            "spearman": round(rho, 4),
            "p_value": pv,
            "rows": int(x.size),
            "sample_spearman": round(self.sample_rho, 4),
            "sample_rows": self.sample_rows,
        }
        return Outcome(kind, "", int(x.size), int(x.size), {"pairs": [pair]}, self.examples, (self.column,))


@dataclass
class SearchStats:
    tests: int = 0
    rows: int = 0
    pairs_found: int = 0


def search(sample: Sample, max_rows: int = 8192) -> tuple[list[Candidate], SearchStats]:
    """Pairs whose dependence is significant and material on the sample."""
    n = min(len(sample), max_rows)
    stats = SearchStats(rows=n)
    if n < 200:
        return [], stats
    pws = sample.passwords[:n]
    lengths = np.fromiter(map(len, pws), dtype=np.int64, count=n)
    width = int(min(MAX_POSITIONS, np.percentile(lengths, 90))) if n else 0
    if width == 0:
        return [], stats
    pm = _matrix(pws, width, False)
    positions: list[tuple[int, np.ndarray, np.ndarray, int]] = []  # position, rows present, codes, kinds
    for j in range(width):
        col = pm[:, j]
        ok = col > 0
        if int(ok.sum()) >= 100:
            _, inv = np.unique(col[ok], return_inverse=True)
            if int(inv.max()) >= 1:
                positions.append((j, ok, inv, int(inv.max()) + 1))
    features: list[tuple[Feature, np.ndarray, np.ndarray, int]] = []
    for column in sample.columns:
        for form in _forms(sample, column):
            fm = _matrix(_form_values(sample.columns[column][:n], form), _WIDTH, True)
            for k in range(_WIDTH):
                f = fm[:, _WIDTH - 1 - k]
                ok = f > 0
                if int(ok.sum()) >= 100:
                    _, inv = np.unique(f[ok], return_inverse=True)
                    if int(inv.max()) >= 1:
                        full = np.full(n, -1, dtype=np.int64)
                        full[ok] = inv
                        features.append((Feature(column, form, k + 1), ok, full, int(inv.max()) + 1))
    found: list[tuple[float, PairCandidate | NumberCandidate]] = []
    tests = len(features) * len(positions)
    numeric = sum(p.isdigit() and 4 <= len(p) <= 18 for p in pws) >= 0.9 * n
    tests += len(sample.columns) if numeric else 0
    stats.tests = tests
    for j, pok, pinv, kp in positions:
        for feat, fok, finv, kf in features:
            both = fok[pok]
            f = finv[pok][both]
            p = pinv[both]
            if kf * kp * 5 <= f.size:
                buckets = kp  # enough rows: keep every character apart
            else:
                buckets = f.size // (5 * kf)  # group password characters so cells hold 5 rows on average
                if buckets < 2:
                    continue
                p = p % buckets
            table = np.bincount(f * buckets + p, minlength=kf * buckets).reshape(kf, buckets)
            mi, df, pv, rows = g_test(table, MIN_BITS)
            bits = mi - df / (2.0 * max(rows, 1) * _LN2)
            if pv < ALPHA / max(1, tests) and bits >= MIN_BITS:
                public = feat.column in sample.public
                cb = _CODES if buckets == kp else buckets
                found.append((bits, PairCandidate(feat, j, cb, public, bits, rows)))
    if numeric:
        for column in sample.columns:
            xs, ys = [], []
            for p, v in zip(pws, sample.columns[column][:n], strict=True):
                y = _number(v)
                if p.isdigit() and 4 <= len(p) <= 18 and y is not None:
                    xs.append(int(p))
                    ys.append(y)
            rho = _spearman(np.array(xs, dtype=np.int64), np.array(ys, dtype=np.int64))
            pv = _normal_sf(abs(rho) * math.sqrt(max(0, len(xs) - 1))) * 2
            if abs(rho) >= 0.5 and pv < ALPHA / max(1, tests):
                found.append((abs(rho) * 8, NumberCandidate(column, column in sample.public, rho, len(xs))))
    found.sort(key=lambda t: -t[0])
    # the strongest pair per password position and identifier column, up to 8, from at most two
    # identifier forms: confirming reads each form from every row, so fewer forms cost less
    out: list[Candidate] = []
    used: set[tuple[str, int]] = set()
    sources: set[tuple[str, str]] = set()
    for _, c in found:
        slot = (c.feature.column, c.position) if isinstance(c, PairCandidate) else (c.column, -1)
        source = (c.feature.column, c.feature.form) if isinstance(c, PairCandidate) else (c.column, "number")
        if slot in used or (source not in sources and len(sources) >= 2):
            continue
        used.add(slot)
        sources.add(source)
        out.append(c)
        if len(out) >= 8:
            break
    for chosen in out:
        chosen.tests = len(out)
    stats.pairs_found = len(found)
    return out, stats


def merge(outcomes: list[Outcome], sampled: int) -> list[Outcome]:
    """One finding per kind, listing every confirmed pair, the strongest first."""
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault(o.kind, []).append(o)
    out = []
    for kind, os in groups.items():
        pairs = [p for o in os for p in o.details["pairs"]]
        pairs.sort(key=lambda p: -float(p.get("bits", 8 * abs(float(p.get("spearman", 0))))))  # type: ignore[arg-type]
        cols = tuple(dict.fromkeys(str(p["column"]) for p in pairs))
        rows = max(o.rows for o in os)
        parts = []
        for p in pairs[:6]:
            if "spearman" in p:
                parts.append(f"the password as a number follows the {p['identifier']} (Spearman {p['spearman']:+.2f})")
            else:
                verb = "is determined by" if p["determined"] else "depends on"
                parts.append(
                    f"password character {p['password_position']} {verb} the {p['identifier']} "
                    f"({p['bits']:.2f} of {p['password_bits']:.2f} bits)"
                )
        more = f"; {len(pairs) - 6} more pairs" if len(pairs) > 6 else ""
        what = "public column" if kind == "PWB-PUBLIC-DEPENDENCE" else "identifier"
        msg = (
            f"Over {rows:,} units, {'; '.join(parts)}{more}. Knowing the {what} {', '.join(cols)} narrows "
            f"down the password: it is derived from it without a key (search on {sampled:,} sampled rows, "
            "confirmed on every row)."
        )
        examples = [e for o in os for e in o.examples][:5]
        out.append(Outcome(kind, msg, rows, rows, {"pairs": pairs, "sampled_rows": sampled}, examples, cols))
    return out
