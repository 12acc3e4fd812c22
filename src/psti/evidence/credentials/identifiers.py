"""Identifiers in clear, and counters that carry a check digit or hide among random characters.

- **Runs in clear.** Any run of 3+ characters of an identifier (serial, MAC in any format,
  IMEI, SSID, model column), in any case, reversed, or converted between hex and decimal
  (the last 4-12 hex digits of a MAC as a decimal number; the digits of a serial as hex),
  that appears in the passwords at a consistent position. The rate is compared with the
  same count after pairing each password with another unit's identifier, so characters
  every unit shares (a fixed serial prefix) do not count: only the unit's own do.
- **Check-digit counters.** Numeric passwords whose last digit is a check digit (Luhn,
  WPS/EAN, mod-11, digit sum) far more often than the 1 in 10 of chance; the digits before
  it are then tested as a counter over the whole batch (constant stride once sorted).
- **Hidden counters.** In serial order (or file order), a password position that steps
  by a constant amount from one unit to the next is the low digit of a counter; positions
  that mostly stay the same are its higher digits, wherever they sit in the password.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from psti.evidence.credentials.candidates import HEX, Candidate, Outcome, RowRule, Sample, Shown, norm, share
from psti.evidence.credentials.checkdigits import CHECKS, valid

MIN_RUN = 3
_SEARCH_ROWS = 1000
MAX_STRIDE = 1000


# -- runs in clear -----------------------------------------------------------------------


def variants(value: str) -> dict[str, str]:
    """Forms an identifier may take inside a password (all lower case)."""
    v = norm(value)
    out = {"as written": v, "reversed": v[::-1]}
    if len(v) >= 4 and HEX.issuperset(v) and not v.isdigit():
        for k in (4, 6, 8, 12):
            if len(v) >= k:
                out[f"last {k} hex digits as decimal"] = str(int(v[-k:], 16))
    digits = "".join(ch for ch in v if ch.isdigit())
    if len(digits) >= 6:
        out["its digits as hex"] = f"{int(digits[-15:]):x}"
    return out


def variant(value: str, name: str) -> str | None:
    """One of `variants(value)`, computed alone (the confirmation calls it on every row)."""
    v = norm(value)
    if name == "as written":
        return v
    if name == "reversed":
        return v[::-1]
    if name.startswith("last "):
        k = int(name.split()[1])
        ok = len(v) >= k and HEX.issuperset(v) and not v.isdigit()
        return str(int(v[-k:], 16)) if ok else None
    digits = "".join(ch for ch in v if ch.isdigit())
    return f"{int(digits[-15:]):x}" if len(digits) >= 6 else None


Key = tuple[str, str, int, int, str]  # column, variant, identifier offset from end, password offset, anchor


def _trigram_keys(p: str, forms: Mapping[str, Mapping[str, str]]) -> set[Key]:
    grams: dict[str, list[int]] = {}
    for b in range(len(p) - MIN_RUN + 1):
        grams.setdefault(p[b : b + MIN_RUN], []).append(b)
    keys: set[Key] = set()
    if not grams:
        return keys
    lp = len(p)
    for col, named in forms.items():
        for name, s in named.items():
            ls = len(s)
            for a in range(ls - MIN_RUN + 1):
                for b in grams.get(s[a : a + MIN_RUN], ()):
                    keys.add((col, name, a - ls, b, "start"))
                    keys.add((col, name, a - ls, b - lp, "end"))
    return keys


class RunRule(RowRule):
    """Password characters [b, b+k) equal identifier-form characters [a, a+k) (a from the end)."""

    def __init__(self, column: str, variant: str, a: int, b: int, anchor: str, length: int, public: bool) -> None:
        super().__init__()
        self.column, self.variant, self.a, self.b, self.anchor, self.length = column, variant, a, b, anchor, length
        self.public = public
        self.inputs = (column,)
        self.key = ("run", column, variant, a, b, anchor)
        self.sample_count = 0

    def match(self, password: str, values: tuple[str, ...]) -> bool | None:
        s = variant(values[0], self.variant)
        if not s or len(s) < -self.a:
            return None
        p = password.lower()
        b = self.b if self.anchor == "start" else len(p) + self.b
        if b < 0 or b + self.length > len(p):
            return False
        a = len(s) + self.a
        return p[b : b + self.length] == s[a : a + self.length]

    def describe(self) -> str:
        pos = (
            f"characters {self.b + 1}-{self.b + self.length}"
            if self.anchor == "start"
            else f"the {self.length} characters ending {-self.b - self.length} from the end"
            if self.b + self.length < 0
            else f"the last {self.length} characters"
        )
        end = -self.a - self.length
        where = f"ending {end} from its end" if end else "at its end"
        form = "" if self.variant == "as written" else f" ({self.variant})"
        return f"password {pos} are {self.length} characters of the {self.column}{form}, {where}"

    def outcome(self, sampled: int) -> Outcome | None:
        if not self.confirmed():
            return None
        kind = "PWB-PUBLIC-IN-CLEAR" if self.public else "PWB-IDENTIFIER-IN-CLEAR"
        return Outcome(
            kind,
            f"{self.describe()}, for {self.matches:,} of {self.present:,} units ({share(self.matches, self.present)}).",
            self.matches,
            self.present,
            {
                "column": self.column,
                "form": self.variant,
                "length": self.length,
                "identifier_offset_from_end": -self.a,
                "password_offset": self.b,
                "anchor": self.anchor,
            },
            self.examples,
            (self.column,),
        )


def search_runs(sample: Sample, min_share: float = 0.05, seed: int = 1) -> list[RunRule]:
    n = min(len(sample), _SEARCH_ROWS)
    cols = list(sample.columns)
    if n < 10 or not cols:
        return []
    perm = list(range(n))
    random.Random(seed).shuffle(perm)
    forms = [{c: variants(sample.columns[c][i]) for c in cols} for i in range(n)]
    real: Counter[Key] = Counter()
    control: Counter[Key] = Counter()
    for i in range(n):
        p = sample.passwords[i].lower()
        if len(p) < MIN_RUN:
            continue
        real.update(_trigram_keys(p, forms[i]))
        control.update(_trigram_keys(p, forms[perm[i]]))
    need = max(5, min_share * n)
    strong = {k: c for k, c in real.items() if c >= need and c >= 10 * max(1, control.get(k, 0))}
    if not strong:
        return []
    # a run grows from its most frequent trigram along one diagonal while the next trigram
    # holds on (nearly) as many rows: a chance character at its edge does not lengthen it
    rules: list[RunRule] = []
    used: set[Key] = set()
    for key, count in sorted(strong.items(), key=lambda kv: (-kv[1], kv[0])):
        if key in used:
            continue
        col, name, a, b, anchor = key
        lo = hi = 0
        while (k := (col, name, a + hi + 1, b + hi + 1, anchor)) in strong and strong[k] >= 0.8 * count:
            hi += 1
        while (k := (col, name, a + lo - 1, b + lo - 1, anchor)) in strong and strong[k] >= 0.8 * count:
            lo -= 1
        for d in range(lo, hi + 1):
            used.add((col, name, a + d, b + d, anchor))
            used.add((col, name, a + d, b + d, "end" if anchor == "start" else "start"))
        rules.append(RunRule(col, name, a + lo, b + lo, anchor, MIN_RUN + hi - lo, col in sample.public))
        rules[-1].sample_count = count
    best = max(r.sample_count for r in rules)
    rules = [r for r in rules if r.sample_count >= 0.5 * best]
    rules.sort(key=lambda r: (-r.sample_count, -r.length, r.anchor != "start"))
    out: list[RunRule] = []
    taken: set[tuple[str, int, int]] = set()
    for r in rules:
        ident = (r.column, r.a, r.length)
        if ident not in taken:  # a fixed-length batch gives the same run from both ends: keep one
            taken.add(ident)
            out.append(r)
    return out[:6]


# -- counters ------------------------------------------------------------------------------


class NumberCounter(Candidate):
    """Collects a number read from every password and tests it as a counter over the batch."""

    def __init__(
        self,
        reader: Callable[[str], int | None],
        what: str,
        key: tuple[object, ...],
        kind: str,
        extra: dict[str, object],
    ) -> None:
        self.read, self.what, self.key, self.kind, self.extra = reader, what, key, kind, extra
        self.values: list[np.ndarray] = []
        self.rows = 0
        self.examples: list[Shown] = []

    def observe(self, passwords: Sequence[str], columns: Mapping[str, Sequence[str]], first: int) -> None:
        vals = [self.read(p) for p in passwords]
        got = [v for v in vals if v is not None]
        self.rows += len(passwords)
        self.values.append(np.array(got, dtype=np.int64))
        if len(self.examples) < 5:
            for i, v in enumerate(vals):
                if v is not None and len(self.examples) < 5:
                    self.examples.append(Shown(first + i, passwords[i]))

    def outcome(self, sampled: int) -> Outcome | None:
        vals = np.concatenate(self.values) if self.values else np.zeros(0, dtype=np.int64)
        if vals.size < 5:
            return None
        uniq = np.unique(vals)
        if uniq.size < 5 or uniq.size < 0.9 * vals.size:
            return None
        gaps = np.diff(uniq)
        g, c = np.unique(gaps, return_counts=True)
        best = int(np.argmax(c))
        stride, steps = int(g[best]), int(c[best])
        if steps < 4 or steps < 0.5 * gaps.size or stride > MAX_STRIDE:
            return None
        units = int(vals.size)
        return Outcome(
            self.kind,
            f"{units:,} of {self.rows:,} units ({share(units, self.rows)}) have passwords whose {self.what} "
            f"runs {int(uniq[0]):,}..{int(uniq[-1]):,} in steps of {stride} ({steps / gaps.size:.0%} of sorted gaps).",
            units,
            self.rows,
            {
                "stride": stride,
                "stride_share": round(steps / gaps.size, 4),
                "first": int(uniq[0]),
                "last": int(uniq[-1]),
                **self.extra,
            },
            self.examples,
        )


def _check_reader(check: Callable[[str], int | None]) -> Callable[[str], int | None]:
    def read(p: str) -> int | None:
        return int(p[:-1]) if valid(p, check) and len(p) <= 19 else None

    return read


def search_check_digits(sample: Sample) -> list[NumberCounter]:
    """Numeric passwords ending in a check digit: a counter test on the digits before it."""
    pws = [p for p in sample.passwords[:_SEARCH_ROWS] if p.isdigit() and len(p) >= 4]
    if len(pws) < 20 or len(pws) < 0.5 * min(len(sample), _SEARCH_ROWS):
        return []
    out = []
    for name, check in CHECKS.items():
        ok = sum(valid(p, check) for p in pws)
        if ok >= 0.9 * len(pws):
            out.append(
                NumberCounter(
                    _check_reader(check),
                    f"digits before the {name} check digit",
                    ("check-counter", name),
                    "PWB-CHECK-DIGIT-COUNTER",
                    {"check_digit": name, "check_digit_share": round(ok / len(pws), 4)},
                )
            )
            break  # WPS and Luhn rarely agree; the first that holds names the scheme
    return out


def _order(sample: Sample, n: int) -> tuple[list[int], str]:
    """Sample rows in serial order (by the serial's digits, then its text), else in file order."""
    col = sample.serial_name()
    if col is None:
        return list(range(n)), "file order"
    vals = sample.columns[col][:n]

    def key(i: int) -> tuple[int, str]:
        digits = "".join(ch for ch in vals[i] if ch.isdigit())[-18:]
        return (int(digits) if digits else -1, vals[i])

    return sorted(range(n), key=key), f"{col} order"


def search_hidden_counters(sample: Sample) -> list[NumberCounter]:
    """Password positions that step by a constant from one unit to the next (a counter's low
    digit), and the positions that mostly stay put (its higher digits)."""
    n = min(len(sample), 4 * _SEARCH_ROWS)
    if n < 50:
        return []
    lengths = Counter(len(p) for p in sample.passwords[:n])
    length, count = lengths.most_common(1)[0]
    if count < 0.9 * n or length < 4:
        return []
    out: list[NumberCounter] = []
    for order, label in (_order(sample, n), (list(range(n)), "file order")):
        rows = [i for i in order if len(sample.passwords[i]) == length]
        codes = np.frombuffer("".join(sample.passwords[i] for i in rows).encode("utf-32-le"), dtype=np.uint32)
        codes = codes.reshape(-1, length).astype(np.int64)
        deltas = np.diff(codes, axis=0)
        low: list[tuple[int, int]] = []  # (position, step)
        high: list[tuple[int, float]] = []  # (position, share of steps that leave it unchanged)
        for j in range(length):
            distinct = np.unique(codes[:, j]).size
            if distinct < 3:
                continue
            d, c = np.unique(deltas[:, j], return_counts=True)
            best = int(np.argmax(c))
            top = c[best] / deltas.shape[0]
            if top >= 0.5 and d[best] != 0:
                low.append((j, int(d[best])))
            elif top >= 0.5 and d[best] == 0:
                high.append((j, float(top)))
        if not low:
            continue
        pos_low, step = low[0]
        digits = [j for j, _ in sorted(high, key=lambda t: -t[1])] + [pos_low]  # most significant first
        is_dec = all(chr(int(ch)).isdigit() for j in digits for ch in np.unique(codes[:, j]))
        base = 10 if is_dec else 16
        positions = tuple(digits)

        def read(p: str, positions: tuple[int, ...] = positions, base: int = base, length: int = length) -> int | None:
            if len(p) != length:
                return None
            try:
                return int("".join(p[j] for j in positions), base)
            except ValueError:
                return None

        shown = ", ".join(str(j + 1) for j in sorted(positions))
        out.append(
            NumberCounter(
                read,
                f"characters at positions {shown} (read as a {'decimal' if base == 10 else 'hex'} "
                f"number, found stepping by {step} in {label})",
                ("hidden-counter", positions),
                "PWB-HIDDEN-COUNTER",
                {"positions": [j + 1 for j in sorted(positions)], "order": label},
            )
        )
        break
    return out
