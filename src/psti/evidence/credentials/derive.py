"""Derivation of passwords from identifiers (serial, MAC, IMEI, SSID…).

We try a family of transformations of each identifier on a sample of rows, keep the ones
that explain a real share of that sample (hypotheses), then count how many rows of the
whole batch each hypothesis explains. Matching is case-insensitive and ignores
separators, so case changes and `AA:BB` versus `aabb` are covered by every transformation.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Characters people put between groups of an identifier: removed before comparing.
_SEPARATORS = str.maketrans("", "", " :-._/")
_HEX = frozenset("0123456789abcdef")

MIN_FRAGMENT = 6  # shortest identifier fragment that counts inside a longer password
MIN_TRUNCATED = 4  # shortest password that counts as a truncation of a derived string
MAX_OFFSET = 1_000_000


def norm(value: str) -> str:
    return value.translate(_SEPARATORS).lower()


def _hash(name: str) -> Callable[[str], str]:
    def f(v: str) -> str:
        return hashlib.new(name, v.encode("utf-8")).hexdigest()

    return f


def _hash_b64(name: str) -> Callable[[str], str]:
    def f(v: str) -> str:
        return base64.b64encode(hashlib.new(name, v.encode("utf-8")).digest()).decode().lower()

    return f


def _compose(outer: Callable[[str], str], inner: Callable[[str], str]) -> Callable[[str], str]:
    return lambda v: outer(inner(v))


def _forms() -> dict[str, Callable[[str], str]]:
    """name -> transformation of an identifier as given, returning lower-case text."""
    forms: dict[str, Callable[[str], str]] = {
        "value": norm,
        "reversed(value)": lambda v: norm(v)[::-1],
        "hex(value)": lambda v: v.encode("utf-8").hex(),
        "base64(value)": lambda v: base64.b64encode(v.encode("utf-8")).decode().lower(),
        "base64(value without separators)": lambda v: (
            base64.b64encode(v.translate(_SEPARATORS).encode()).decode().lower()
        ),
        "crc32(value)": lambda v: f"{zlib.crc32(v.encode('utf-8')):08x}",
        "crc32(value) decimal": lambda v: str(zlib.crc32(v.encode("utf-8"))),
    }
    for h in ("md5", "sha1", "sha256"):
        hx, hb = _hash(h), _hash_b64(h)
        forms[f"{h}(value)"] = hx
        forms[f"{h}(value lower-case, no separators)"] = _compose(hx, norm)
        forms[f"{h}(value upper-case, no separators)"] = _compose(hx, lambda v: norm(v).upper())
        forms[f"base64({h}(value))"] = hb
    return forms


FORMS = _forms()
_EMBEDDABLE = ("value", "reversed(value)")  # forms whose fragments may appear inside a longer password


def relate(p: str, c: str, form: str) -> tuple[str, int] | None:
    """How lower-case password `p` relates to derived string `c`, most specific first."""
    if not c:
        return None
    if p == c:
        return ("equal", 0)
    lp = len(p)
    if lp >= MIN_TRUNCATED:
        if c.startswith(p):
            return ("prefix", 0)
        if c.endswith(p):
            return ("suffix", 0)
    if lp >= MIN_FRAGMENT and p in c:
        return ("within", 0)
    if form in _EMBEDDABLE and len(c) >= MIN_FRAGMENT:
        for k in range(min(len(c), lp), MIN_FRAGMENT - 1, -1):
            if c[-k:] in p:
                return ("contains-end", k)
            if c[:k] in p:
                return ("contains-start", k)
    return None


RELATION_TEXT = {
    "equal": "equals {form}",
    "prefix": "is the first characters of {form}",
    "suffix": "is the last characters of {form}",
    "within": "is a substring of {form}",
    "contains-end": "contains the last {k} characters of {form}",
    "contains-start": "contains the first {k} characters of {form}",
    "offset-dec": "is the trailing digits of the {col} plus {k}",
    "offset-hex": "is the trailing hex digits of the {col} plus {k}",
}


_RANK = {"equal": 0, "offset-dec": 1, "offset-hex": 1, "prefix": 2, "suffix": 2, "within": 3,
         "contains-end": 4, "contains-start": 4}  # fmt: skip


@dataclass(frozen=True)
class Hypothesis:
    """`password <relation> form(identifier column)`; for offsets, k is the offset."""

    column: int  # index into the row's identifier (or public) tuple
    column_name: str
    role: str
    form: str
    relation: str
    k: int = 0
    public: bool = False  # derived from a broadcast value (SSID): public information

    def describe(self) -> str:
        form = self.form.replace("value", f"the {self.column_name}")
        return "password " + RELATION_TEXT[self.relation].format(form=form, k=self.k, col=self.column_name)

    def matcher(self) -> Callable[[str, str], bool]:
        """A fast test (lower-case password, identifier value) -> matches."""
        rel, k = self.relation, self.k
        if rel in ("offset-dec", "offset-hex"):
            base = 10 if rel == "offset-dec" else 16

            def off(p: str, v: str) -> bool:
                got = _offset(p, v, base)
                return got is not None and got == k

            return off
        f = FORMS[self.form]
        if rel == "equal":
            return lambda p, v: p == f(v)
        if rel == "prefix":
            return lambda p, v: len(p) >= MIN_TRUNCATED and f(v).startswith(p)
        if rel == "suffix":
            return lambda p, v: len(p) >= MIN_TRUNCATED and f(v).endswith(p)
        if rel == "within":
            return lambda p, v: len(p) >= MIN_FRAGMENT and p in f(v)
        if rel == "contains-end":
            return lambda p, v: (c := f(v)) != "" and len(c) >= k and c[-k:] in p
        return lambda p, v: (c := f(v)) != "" and len(c) >= k and c[:k] in p


def _offset(p: str, v: str, base: int) -> int | None:
    """password - trailing digits of the identifier, for numeric passwords; None if n/a."""
    lp = len(p)
    if lp < MIN_TRUNCATED:
        return None
    if base == 10:
        if not p.isdigit():
            return None
        digits = "".join(ch for ch in v if ch.isdigit())
    else:
        if not _HEX.issuperset(p) or p.isdigit():
            return None
        digits = norm(v)
        if not _HEX.issuperset(digits):
            return None
    if len(digits) < lp or lp > 18:
        return None
    return int(p, base) - int(digits[-lp:], base)


@dataclass(frozen=True)
class Source:
    """An identifier-like column as the hypothesis search sees it."""

    column: int
    name: str
    role: str
    public: bool


def find_hypotheses(
    sample: Sequence[tuple[str, tuple[str, ...]]],
    sources: Sequence[Source],
    *,
    min_share: float = 0.05,
    min_rows: int = 3,
) -> list[Hypothesis]:
    """Transformations that explain at least `min_share` of the sample rows (and `min_rows`).

    `sample` holds (lower-case password, values of the sources in order).
    """
    counts: Counter[tuple[int, str, str, int]] = Counter()
    rows_of: dict[tuple[int, str, str, int], list[int]] = {}
    present = [0] * len(sources)

    def hit(key: tuple[int, str, str, int], ri: int) -> None:
        counts[key] += 1
        rows_of.setdefault(key, []).append(ri)

    for ri, (p, values) in enumerate(sample):
        for si, v in enumerate(values):
            if len(v) < 3:
                continue
            present[si] += 1
            for name, f in FORMS.items():
                r = relate(p, f(v), name)
                if r is not None:
                    hit((si, name, r[0], r[1]), ri)
            for rel, base in (("offset-dec", 10), ("offset-hex", 16)):
                d = _offset(p, v, base)
                if d is not None and d != 0 and abs(d) <= MAX_OFFSET:
                    hit((si, "value", rel, d), ri)
    out: list[Hypothesis] = []
    per_source: Counter[int] = Counter()
    seen: set[tuple[int, tuple[int, ...]]] = set()
    # most rows first; among equals, the most specific relation, then the simpler transformation
    order = {name: i for i, name in enumerate(FORMS)}
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], _RANK[kv[0][2]], order.get(kv[0][1], 0))):
        si, form, rel, k = key
        need = max(min_rows, int(min_share * present[si] + 0.999))
        if n < need or per_source[si] >= 3:
            continue
        explained = (si, tuple(rows_of[key]))
        if explained in seen:
            continue  # another transformation already explains exactly these rows
        seen.add(explained)
        per_source[si] += 1
        s = sources[si]
        out.append(Hypothesis(si, s.name, s.role, form, rel, k, s.public))
    return out
