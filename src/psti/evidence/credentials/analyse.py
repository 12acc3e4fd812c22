"""One streaming pass over a password batch, then whole-batch statistics.

Rows arrive in chunks and most work is vectorised per chunk (C-level maps over the
strings, NumPy over their code points). Per row we keep only compact numbers: a 64-bit
hash of the password, and for the decimal and hex counter readings a template hash, a
number and a digit count, plus the length (about 50 bytes a row). Beyond that, a bounded
reservoir sample and bounded example lists. Everything else is counted as we go.
Duplicates and counters are then found exactly with NumPy over the compact arrays.
"""

from __future__ import annotations

import math
import operator
import random
import re
import string
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
from zxcvbn_rs_py import zxcvbn

from psti.evidence.credentials.derive import Hypothesis, Source, find_hypotheses
from psti.evidence.credentials.derived import DerivationScan, DerivedReport
from psti.evidence.credentials.reader import BatchReader, Chunk, ColumnMap, ReaderOptions, Row
from psti.evidence.credentials.stats import chi2_uniform, entropy_bits
from psti.evidence.credentials.wordlists import common_passwords, dictionary_words

ProgressFn = Callable[[str, float, float | None], None]

_LEET = str.maketrans({"4": "a", "@": "a", "3": "e", "0": "o", "1": "i", "!": "i", "5": "s", "$": "s", "7": "t"})
_DECORATION = string.digits + string.punctuation + " "
_PUBLIC_NORM = str.maketrans("4@305$", "aaeoss")
# byte tables: bytes.translate over a whole chunk is ~50x faster than str.translate per row
_LEET_B = bytes.maketrans(b"4@301!57$", b"aaeoiists")
_PUBLIC_B = bytes.maketrans(b"4@305$", b"aaeoss")
_MAX_POS = 64  # positions beyond this are not tested per position
_OTHER = 128  # bucket for non-ASCII characters in per-position counts
MAX_STRIDE = 1000  # a counter steps by at most this much
MIN_STEPS = 4  # and takes at least this many equal steps (five units in a row)


@dataclass
class Policy:
    """Thresholds. Defaults are documented in docs/password-batches.md."""

    min_length: int = 8
    min_score: int = 3  # zxcvbn score a sampled password must reach
    max_weak_share: float = 0.01  # share of the sample allowed below it (random strings' rare low scores)
    min_entropy_bits: float = 40.0
    sample_size: int = 500  # rows searched for derivations (first rows, then a reservoir)
    strength_sample: int = 1000  # rows scored by zxcvbn
    alpha: float = 0.001  # family-wise significance for the per-position chi-square tests
    min_share: float = 0.05  # share of the sample a derivation must explain to be confirmed
    confirm_share: float = 0.001  # share of the batch a confirmed derivation must explain
    bias_loss: float = 0.10  # share of entropy lost to bias that makes a generator weak
    max_examples: int = 5
    seed: int = 20231007


@dataclass
class PublicInfo:
    """Public strings (vendor, model, product name, SSID parts) and where each comes from."""

    tokens: dict[str, str] = field(default_factory=dict)  # normalised token -> source field
    originals: dict[str, str] = field(default_factory=dict)  # normalised token -> as written

    @classmethod
    def from_strings(cls, items: list[tuple[str, str]]) -> PublicInfo:
        """(source, text) pairs: each text, without separators, and its words are tokens."""
        stop = {"ltd", "limited", "inc", "gmbh", "corp", "corporation", "company", "the", "and", "plc", "llc"}
        out = cls()

        def add(original: str, source: str) -> None:
            key = original.translate(_PUBLIC_NORM)
            if key not in out.tokens:
                out.tokens[key] = source
                out.originals[key] = original

        for source, text in items:
            if not text:
                continue
            whole = re.sub(r"[^0-9a-z]+", "", text.lower())
            if len(whole) >= 3:
                add(whole, source)
            for word in re.split(r"[^0-9a-zA-Z]+", text.lower()):
                long_enough = len(word) >= 4 or (len(word) == 3 and any(ch.isdigit() for ch in word))
                if long_enough and word not in stop:
                    add(word, source)
        return out


@dataclass
class Example:
    row: int
    detail: str = ""
    values: dict[str, str] = field(default_factory=dict)
    password: str | None = None  # filled after the pass


@dataclass
class Tally:
    count: int = 0
    examples: list[Example] = field(default_factory=list)

    def add(self, ex: Example, limit: int) -> None:
        self.count += 1
        if len(self.examples) < limit:
            self.examples.append(ex)


@dataclass
class DuplicateResult:
    units: int = 0  # rows whose password another row also has
    shared_passwords: int = 0  # distinct passwords used more than once
    largest: int = 0
    groups: list[list[Example]] = field(default_factory=list)


@dataclass
class CounterGroup:
    kind: str  # decimal | hex
    units: int
    stride: int  # 0: no regular step, but the passwords differ only in a few characters
    stride_share: float  # share of gaps between sorted values equal to the stride
    row_order_share: float  # share of consecutive rows (file order) stepping by the stride
    first: int
    last: int
    examples: list[Example]
    varying: int = 0  # number characters that change between the passwords of the group
    serial_column: str | None = None
    serial_step: int = 0  # most common step of the number between units with consecutive serials
    serial_share: float = 0.0  # share of consecutive-serial pairs taking that step
    values: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, dtype=np.int64))
    rows: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, dtype=np.int64))  # 0-based


@dataclass
class Derivation:
    hypothesis: Hypothesis
    matches: int
    rows_with_value: int
    examples: list[Example]


@dataclass
class PublicMatch:
    token: str
    source: str
    matches: int
    expected: float
    examples: list[Example]


@dataclass
class PositionBias:
    length: int
    position: int  # 1-based
    p_value: float
    loss_bits: float


@dataclass
class BatchReport:
    path: Path
    fmt: str
    columns: ColumnMap
    rows: int
    policy: Policy
    lengths: Counter[int]
    duplicates: DuplicateResult
    counters: list[CounterGroup]
    derivations: list[Derivation]
    equal_identifier: dict[str, Tally]
    public_matches: list[PublicMatch]
    public_tokens: dict[str, str]
    empty: Tally
    short: Tally
    common: Tally
    dictionary: Tally
    strength_sampled: int
    weak: Tally
    entropy_bits: float
    uniform_bits: float
    fixed_length: int | None
    bias: list[PositionBias]
    tests_run: int
    alphabet: dict[str, int] = field(default_factory=dict)  # character class -> symbols used
    passes: int = 1
    derived: DerivedReport | None = None  # dependence, identifiers in clear, formulas, schemes

    @property
    def counter_units(self) -> int:
        return sum(g.units for g in self.counters)


class _Shapes:
    """Vectorised per-chunk work on passwords of one length: counter keys and values,
    per-position character counts."""

    _rng = np.random.default_rng(0x5EED)
    MULT = (_rng.integers(1, 2**62, size=_MAX_POS + 2, dtype=np.int64) * 2 + 1).astype(np.uint64)
    P10 = 10 ** np.arange(18, dtype=np.int64)
    P16 = 16 ** np.arange(15, dtype=np.int64)

    @classmethod
    def keys_values(
        cls, codes: np.ndarray, is_num: np.ndarray, digit: np.ndarray, base: str
    ) -> tuple[np.ndarray, np.ndarray]:
        """Template key (the password with its number characters blanked) and the number they spell."""
        m, length = codes.shape
        cap, pw = (18, cls.P10) if base == "dec" else (15, cls.P16)
        templ = np.where(is_num, 0, codes + 1).astype(np.uint64)
        with np.errstate(over="ignore"):
            key = (templ * cls.MULT[:length]).sum(axis=1, dtype=np.uint64) + cls.MULT[-1] * np.uint64(length)
        key = key.view(np.int64) | 1
        after = np.cumsum(is_num[:, ::-1], axis=1)[:, ::-1] - is_num  # number chars to the right
        use = is_num & (after < cap)
        val = np.where(use, digit * pw[np.minimum(after, cap - 1)], 0).sum(axis=1, dtype=np.int64)
        return key, val


@dataclass
class _Words:
    """The word lists and public tokens every chunk is checked against."""

    common: frozenset[str]
    wordish: frozenset[str]  # common passwords and dictionary words of 5+ letters
    tokens: list[tuple[str, bool]]  # public token, whether it is a dictionary word

    @classmethod
    def load(cls, public: PublicInfo) -> _Words:
        common = common_passwords()
        words = dictionary_words()
        return cls(common, common | {w for w in words if len(w) >= 5},
                   [(t, t in words) for t in public.tokens])


@dataclass
class _Shape:
    """Per-row compact numbers for the duplicate and counter searches, chunk by chunk."""

    hashes: list[np.ndarray] = field(default_factory=list)
    lens: list[np.ndarray] = field(default_factory=list)
    dec_key: list[np.ndarray] = field(default_factory=list)
    dec_value: list[np.ndarray] = field(default_factory=list)
    dec_digits: list[np.ndarray] = field(default_factory=list)
    hex_key: list[np.ndarray] = field(default_factory=list)
    hex_value: list[np.ndarray] = field(default_factory=list)
    hex_digits: list[np.ndarray] = field(default_factory=list)
    lengths: Counter[int] = field(default_factory=Counter)
    pos_counts: dict[int, np.ndarray] = field(default_factory=dict)


@dataclass
class _Guessable:
    empty: Tally = field(default_factory=Tally)
    short: Tally = field(default_factory=Tally)
    common: Tally = field(default_factory=Tally)
    dictionary: Tally = field(default_factory=Tally)


@dataclass
class _Samples:
    """The first rows (for the derivation search) and a reservoir sample over the batch."""

    rng: random.Random
    size: int  # of the reservoir
    sample_size: int
    reservoir: list[Row] = field(default_factory=list)
    sample: list[Row] = field(default_factory=list)
    weight: float = 0.0
    next_row: int = 0

    def __post_init__(self) -> None:
        self.weight = math.exp(math.log(self.rng.random()) / self.size)
        self.next_row = self.size + int(math.log(self.rng.random()) / math.log(1 - self.weight))


@dataclass
class _Derivations:
    """Derivation hypotheses found in the sample and their running counts over the batch."""

    sources: list[Source] = field(default_factory=list)
    hypotheses: list[Hypothesis] | None = None  # None until the sample is complete
    states: list[_HypState] = field(default_factory=list)


def analyse_batch(
    path: Path,
    options: ReaderOptions | None = None,
    public: PublicInfo | None = None,
    policy: Policy | None = None,
    progress: ProgressFn | None = None,
) -> BatchReport:
    """Analyse one batch file. Raises InputError for unreadable input."""
    options = options or ReaderOptions()
    public = public or PublicInfo()
    policy = policy or Policy()
    prog = progress or (lambda d, c, t: None)
    limit = policy.max_examples
    reader = BatchReader(path, options)
    words = _Words.load(public)
    shape, guess = _Shape(), _Guessable()
    pub_tally: dict[str, Tally] = {t: Tally() for t in public.tokens}
    equal_id: dict[str, Tally] = {}
    id_names: tuple[str, ...] = ()
    samples = _Samples(random.Random(policy.seed), max(policy.sample_size, policy.strength_sample),
                       policy.sample_size)
    derive = _Derivations()
    scan = DerivationScan(list(public.originals.values())[:4], seed=policy.seed)
    n = 0
    for chunk in reader.chunks():
        if n == 0:
            cols = reader.columns
            assert cols is not None
            derive.sources = _sources(cols)
            id_names = tuple(c.name for c in cols.identifiers)
            equal_id = {name: Tally() for name in id_names}
        pws = chunk.passwords
        lens = np.fromiter(map(len, pws), dtype=np.int32, count=len(pws))
        lows = list(map(str.lower, pws))
        _add_shapes(shape, pws, lens)
        _check_guessable(guess, words, chunk, lows, lens, policy)
        _check_public(pub_tally, words, chunk, lows, limit)
        _check_equal_identifiers(equal_id, id_names, chunk, lows, limit)
        _take_samples(samples, chunk, n)
        _confirm_derivations(derive, samples, chunk, lows, policy)
        scan.feed(chunk, cols)
        n += len(pws)
        prog("reading batch", n, None)
    if derive.hypotheses is None:
        _start_confirming(derive, samples.sample, policy)
    cols = reader.columns
    assert cols is not None
    prog("reading batch", n, n)
    passes = 1 + _look_again(derive, samples.reservoir, n, path, options, policy)
    derivations = [
        Derivation(st.hypothesis, st.count, st.present, st.examples)
        for st in derive.states
        if st.count >= max(3, policy.confirm_share * st.present)
    ]
    derivations.sort(key=lambda d: -d.matches)

    # whole-batch statistics
    duplicates = _duplicates(_join(shape.hashes), limit)
    counters = _counter_groups(shape, n, limit)
    h_bits, u_bits, fixed, bias, tests = _position_stats(shape.pos_counts, shape.lengths, n, policy)
    weak, sampled = _strength(samples.reservoir[: policy.strength_sample], public, cols, policy)
    derived = scan.finish(path, options)
    report = BatchReport(
        path=path,
        fmt=reader.fmt or "csv",
        columns=cols,
        rows=n,
        policy=policy,
        lengths=shape.lengths,
        duplicates=duplicates,
        counters=counters,
        derivations=derivations,
        equal_identifier=equal_id,
        public_matches=_public_matches(pub_tally, public, shape.lengths, n, h_bits),
        public_tokens={public.originals.get(k, k): v for k, v in public.tokens.items()},
        empty=guess.empty,
        short=guess.short,
        common=guess.common,
        dictionary=guess.dictionary,
        strength_sampled=sampled,
        weak=weak,
        entropy_bits=h_bits,
        uniform_bits=u_bits,
        fixed_length=fixed,
        bias=bias,
        tests_run=tests,
        alphabet=_alphabet(shape.pos_counts),
        passes=passes + derived.passes - 1,
        derived=derived,
    )
    _fill_passwords(report, options, samples.reservoir)
    return report


def _sources(cols: ColumnMap) -> list[Source]:
    sources = [Source(i, c.name, c.role, False) for i, c in enumerate(cols.identifiers)]
    return sources + [Source(len(sources) + i, c.name, c.role, True) for i, c in enumerate(cols.public)]


def _add_shapes(shape: _Shape, pws: list[str], lens: np.ndarray) -> None:
    """Hashes, lengths, counter readings and per-position counts, vectorised per length."""
    m = len(pws)
    shape.hashes.append(np.fromiter(map(hash, pws), dtype=np.int64, count=m))
    shape.lengths.update(lens.tolist())
    kd, vd, kh, vh = (np.zeros(m, dtype=np.int64) for _ in range(4))
    nd, nh = np.zeros(m, dtype=np.int8), np.zeros(m, dtype=np.int8)
    for length, idx, strs in _by_length(pws, lens):
        if length == 0 or length > _MAX_POS:
            continue
        codes = np.frombuffer("".join(strs).encode("utf-32-le"), dtype=np.uint32).reshape(-1, length)
        codes = codes.astype(np.int64)
        _add_positions(shape.pos_counts, length, codes)
        is_dig = (codes >= 48) & (codes <= 57)
        has_dig = is_dig.any(axis=1)
        k, v = _Shapes.keys_values(codes, is_dig, codes - 48, "dec")
        sel = idx if idx is not None else slice(None)
        kd[sel] = np.where(has_dig, k, 0)
        nd[sel] = np.minimum(is_dig.sum(axis=1), 127)
        vd[sel] = v
        low = np.where((codes >= 65) & (codes <= 90), codes + 32, codes)
        is_af = (low >= 97) & (low <= 102)
        is_hex = is_dig | is_af
        ok = has_dig & is_af.any(axis=1)
        if ok.any():
            hexval = np.where(is_dig, codes - 48, low - 87)
            k, v = _Shapes.keys_values(low, is_hex, hexval, "hex")
            kh[sel] = np.where(ok, k, 0)
            nh[sel] = np.minimum(is_hex.sum(axis=1), 127)
            vh[sel] = v
    shape.dec_key.append(kd)
    shape.dec_digits.append(nd)
    shape.hex_digits.append(nh)
    shape.lens.append(lens)
    shape.dec_value.append(vd)
    shape.hex_key.append(kh)
    shape.hex_value.append(vh)


def _check_guessable(
    guess: _Guessable, words: _Words, chunk: Chunk, lows: list[str], lens: np.ndarray, policy: Policy
) -> None:
    """Short, common, and decorated dictionary-word passwords in one chunk."""
    pws, first, limit, min_len = chunk.passwords, chunk.start, policy.max_examples, policy.min_length
    if int(lens.min()) < min_len:
        for i in np.flatnonzero(lens < min_len).tolist():
            (guess.empty if lens[i] == 0 else guess.short).add(Example(first + i, password=pws[i]), limit)
    common = words.common
    hits = common.intersection(lows)
    if hits:
        for i, p in enumerate(lows):
            if p in hits:
                guess.common.add(Example(first + i, password=pws[i]), limit)
    bases = list(map(str.strip, lows, repeat(_DECORATION)))
    leet = _translate_all(bases, _LEET_B, _LEET)
    hits = words.wordish.intersection(leet)
    if hits:
        for i, b in enumerate(leet):
            if (
                b in hits
                and len(bases[i]) >= 4
                and lens[i] - len(bases[i]) <= 4
                and lows[i] not in common
                and (b in common or len(b) >= 5)
            ):
                guess.dictionary.add(Example(first + i, detail=b, password=pws[i]), limit)


def _check_public(
    pub_tally: dict[str, Tally], words: _Words, chunk: Chunk, lows: list[str], limit: int
) -> None:
    """Passwords containing a public token (a dictionary word only when it is most of the password)."""
    if not words.tokens:
        return
    joined = _translate_joined(lows, _PUBLIC_B, _PUBLIC_NORM)
    pubs: list[str] | None = None
    for tok, is_word in words.tokens:
        if tok in joined:
            pubs = pubs or list(map(str.translate, lows, repeat(_PUBLIC_NORM)))
            for i, pn in enumerate(pubs):
                if tok in pn and (not is_word or 2 * len(tok) >= len(pn)):
                    pub_tally[tok].add(Example(chunk.start + i, password=chunk.passwords[i]), limit)


def _check_equal_identifiers(
    equal_id: dict[str, Tally], id_names: tuple[str, ...], chunk: Chunk, lows: list[str], limit: int
) -> None:
    """A password equal to one of the unit's identifiers, however rare."""
    for name, vals in zip(id_names, chunk.ids, strict=True):
        lv = list(map(str.lower, vals))
        seps = [c for c in ":-. " if c in vals[0]]
        nv = list(map(str.lower, _strip_separators(vals, seps))) if seps else lv
        if not any(map(operator.eq, lows, lv)) and not any(map(operator.eq, lows, nv)):
            continue
        for i, p in enumerate(lows):
            if len(p) >= 4 and (p == lv[i] or p == nv[i]):
                equal_id[name].add(Example(chunk.start + i, values={name: vals[i]},
                                           password=chunk.passwords[i]), limit)


def _take_samples(s: _Samples, chunk: Chunk, g0: int) -> None:
    """Fill the first-rows sample and the reservoir (g0: 0-based index of the chunk's first row)."""
    m = len(chunk.passwords)
    n = g0 + m
    if len(s.reservoir) < s.size:
        take = min(m, s.size - len(s.reservoir))
        s.reservoir += [chunk.row(i) for i in range(take)]
    while s.next_row < n:
        s.reservoir[s.rng.randrange(s.size)] = chunk.row(s.next_row - g0)
        s.weight *= math.exp(math.log(s.rng.random()) / s.size)
        s.next_row += int(math.log(s.rng.random()) / math.log(1 - s.weight)) + 1


def _confirm_derivations(
    derive: _Derivations, samples: _Samples, chunk: Chunk, lows: list[str], policy: Policy
) -> None:
    """Search the first rows for derivations once they are in; count them over every later row."""
    m = len(chunk.passwords)
    if derive.hypotheses is None:
        take = min(m, policy.sample_size - len(samples.sample))
        samples.sample += [chunk.row(i) for i in range(take)]
        if len(samples.sample) >= policy.sample_size:
            _start_confirming(derive, samples.sample, policy)
            confirm_from = take
        else:
            confirm_from = m
    else:
        confirm_from = 0
    if derive.states and confirm_from < m:
        all_cols = chunk.ids + chunk.public
        for st in derive.states:
            st.check_columns(chunk.passwords, lows, all_cols, chunk.start, confirm_from, policy.max_examples)


def _start_confirming(derive: _Derivations, sample: list[Row], policy: Policy) -> None:
    derive.hypotheses = find_hypotheses(
        [(r.password.lower(), r.ids + r.public) for r in sample], derive.sources, min_share=policy.min_share
    )
    derive.states.extend(_HypState(h) for h in derive.hypotheses)
    for st in derive.states:
        for r in sample:
            st.check_row(r, policy.max_examples)


def _look_again(
    derive: _Derivations, reservoir: list[Row], n: int, path: Path, options: ReaderOptions, policy: Policy
) -> int:
    """Derivations the start of the file did not show, searched in the reservoir and counted
    in a second pass; the number of extra passes (0 or 1)."""
    if n <= policy.sample_size:
        spread = []  # the sample already was the whole batch
    else:
        spread = sorted(reservoir, key=lambda r: r.number)[:: max(1, len(reservoir) // policy.sample_size)]
    later = find_hypotheses(
        [(r.password.lower(), r.ids + r.public) for r in spread], derive.sources, min_share=policy.min_share
    )
    known = set(derive.hypotheses or ())
    extra = [_HypState(h) for h in later if h not in known]
    if not extra:
        return 0
    for chunk in BatchReader(path, options).chunks():
        lows = list(map(str.lower, chunk.passwords))
        for st in extra:
            st.check_columns(chunk.passwords, lows, chunk.ids + chunk.public, chunk.start, 0, policy.max_examples)
    derive.states += extra
    return 1


def _counter_groups(shape: _Shape, n: int, limit: int) -> list[CounterGroup]:
    """Decimal and hex counters; the reading that explains more units first, the other's
    groups only where they mostly cover other rows."""
    # each per-row array is joined and its parts freed before the next, to keep the peak low
    all_lens = _join(shape.lens)
    dec = _counters(_join(shape.dec_key), _join(shape.dec_value), _join(shape.dec_digits), all_lens,
                    "decimal", limit)
    hexg = _counters(_join(shape.hex_key), _join(shape.hex_value), _join(shape.hex_digits), all_lens,
                     "hex", limit)
    del all_lens

    def reach(gs: list[CounterGroup]) -> tuple[int, int]:
        return sum(g.units for g in gs), -len(gs)  # more units, then fewer sequences

    primary, secondary = (hexg, dec) if reach(hexg) > reach(dec) else (dec, hexg)
    covered = np.zeros(n, dtype=bool)
    for g in primary:
        covered[g.rows] = True
    counters = primary + [g for g in secondary if covered[g.rows].mean() <= 0.5]
    counters.sort(key=lambda g: -g.units)
    return counters


def _public_matches(
    pub_tally: dict[str, Tally], public: PublicInfo, lengths: Counter[int], n: int, h_bits: float
) -> list[PublicMatch]:
    """Each public token found, with how often it would appear by chance."""
    mean_len = sum(k * v for k, v in lengths.items()) / max(n, 1)
    alphabet_bits = h_bits / max(1.0, mean_len)
    out = []
    for tok, tally in pub_tally.items():
        if tally.count == 0:
            continue
        # chance of the token appearing in a random password with this batch's per-character entropy
        p0 = max(0.0, mean_len - len(tok) + 1) * 2.0 ** (-alphabet_bits * len(tok) * 0.8)
        expected = n * min(1.0, p0)
        out.append(PublicMatch(public.originals.get(tok, tok), public.tokens[tok], tally.count, expected,
                               tally.examples))
    return out


@dataclass
class _HypState:
    """Running count of one derivation hypothesis over the batch."""

    hypothesis: Hypothesis
    count: int = 0
    present: int = 0
    examples: list[Example] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.match = self.hypothesis.matcher()

    def check_row(self, r: Row, limit: int) -> None:
        v = (r.ids + r.public)[self.hypothesis.column]
        if len(v) >= 3:
            self.present += 1
            if self.match(r.password.lower(), v):
                self.count += 1
                if len(self.examples) < limit:
                    self.examples.append(
                        Example(r.number, values={self.hypothesis.column_name: v}, password=r.password)
                    )

    def check_columns(
        self, pws: list[str], lows: list[str], cols: list[list[str]], first: int, start: int, limit: int
    ) -> None:
        vals = cols[self.hypothesis.column]
        match = self.match
        for i in range(start, len(lows)):
            v = vals[i]
            if len(v) < 3:
                continue
            self.present += 1
            if match(lows[i], v):
                self.count += 1
                if len(self.examples) < limit:
                    self.examples.append(Example(first + i, values={self.hypothesis.column_name: v}, password=pws[i]))


def _translate_joined(items: list[str], table_b: bytes, table_s: dict[int, Any]) -> str:
    """All items joined by newlines and translated; bytes.translate when the text is ASCII."""
    joined = "\n".join(items)
    try:
        return joined.encode("ascii").translate(table_b).decode("ascii")
    except UnicodeEncodeError:
        return joined.translate(table_s)


def _translate_all(items: list[str], table_b: bytes, table_s: dict[int, Any]) -> list[str]:
    out = _translate_joined(items, table_b, table_s).split("\n")
    if len(out) != len(items):  # a value contains a newline: per item
        return [x.translate(table_s) for x in items]
    return out


def _strip_separators(vals: list[str], seps: list[str]) -> Iterator[str]:
    out: Iterator[str] = iter(vals)
    for sep in seps:
        out = map(str.replace, out, repeat(sep), repeat(""))
    return out


def _join(parts: list[np.ndarray]) -> np.ndarray:
    """Concatenate and empty the list, so the parts can be freed."""
    out = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    parts.clear()
    return out


def _by_length(pws: list[str], lens: np.ndarray) -> Iterator[tuple[int, np.ndarray | None, list[str]]]:
    """(length, row indexes or None for all rows, passwords) per distinct length."""
    lo, hi = int(lens.min()), int(lens.max())
    if lo == hi:
        yield lo, None, pws
        return
    order = np.argsort(lens, kind="stable")
    sorted_lens = lens[order]
    cuts = np.flatnonzero(np.diff(sorted_lens)) + 1
    for part in np.split(order, cuts):
        yield int(lens[part[0]]), part, [pws[i] for i in part.tolist()]


def _add_positions(pos_counts: dict[int, np.ndarray], length: int, codes: np.ndarray) -> None:
    idx = np.minimum(codes, _OTHER) + (np.arange(length, dtype=np.int64) * (_OTHER + 1))[None, :]
    counts = np.bincount(idx.ravel(), minlength=length * (_OTHER + 1)).reshape(length, _OTHER + 1)
    if length in pos_counts:
        pos_counts[length] += counts
    else:
        pos_counts[length] = counts


def _duplicates(h: np.ndarray, limit: int) -> DuplicateResult:
    if h.size < 2:
        return DuplicateResult()
    order = np.argsort(h, kind="stable")
    s = h[order]
    same = s[1:] == s[:-1]
    if not same.any():
        return DuplicateResult()
    starts = np.flatnonzero(np.r_[True, ~same])
    sizes = np.diff(np.r_[starts, s.size])
    multi = sizes > 1
    res = DuplicateResult(units=int(sizes[multi].sum()), shared_passwords=int(multi.sum()), largest=int(sizes.max()))
    # examples: the largest groups first, then the ones that appear earliest in the file
    idx = np.flatnonzero(multi)
    pick = idx[np.lexsort((order[starts[idx]], -sizes[idx]))][:limit]
    for gi in pick:
        rows = np.sort(order[starts[gi] : starts[gi] + sizes[gi]])[:3]
        res.groups.append([Example(int(r) + 1, detail=f"{int(sizes[gi])} units") for r in rows])
    return res


def _counters(
    t: np.ndarray, v: np.ndarray, nchars: np.ndarray, lens: np.ndarray, kind: str, limit: int
) -> list[CounterGroup]:
    """Groups of passwords that share a template (the text around their number characters).

    A group is a counter when its numbers step by a small constant stride (sorted, so the
    file order does not matter), or, per the statutory definition of an incremental
    counter (Sch 1 para 1(5)), when many passwords are identical except for a few characters.
    """
    rows = np.flatnonzero(t != 0)
    if rows.size < 5:
        return []
    n = t.size
    tt, vv = t[rows], v[rows]
    order = np.lexsort((vv, tt))
    tt, vv, rows = tt[order], vv[order], rows[order]
    starts = np.flatnonzero(np.r_[True, tt[1:] != tt[:-1]])
    sizes = np.diff(np.r_[starts, tt.size])
    many = max(5, int(0.01 * n))
    out: list[CounterGroup] = []
    for s, size in zip(starts[sizes >= 5], sizes[sizes >= 5], strict=True):
        vals = vv[s : s + size]
        grows = rows[s : s + size]
        uniq = np.unique(vals)
        stride, share = 0, 0.0
        if uniq.size >= 5 and uniq.size >= 0.9 * size:
            gaps = np.diff(uniq)
            g_vals, g_counts = np.unique(gaps, return_counts=True)
            best = int(np.argmax(g_counts))
            stride, share = int(g_vals[best]), float(g_counts[best] / gaps.size)
            if g_counts[best] < MIN_STEPS:
                share = 0.0  # two or three equal gaps among random numbers happen by chance
        varying = int(nchars[grows[0]])
        fixed = int(lens[grows[0]]) - varying
        if share < 0.5 or stride > MAX_STRIDE:
            if not (size >= many and varying <= 6 and fixed >= varying):
                continue
            stride, share = 0, 0.0  # a few changing characters, no regular step
        by_row = np.argsort(grows, kind="stable")
        in_order = vals[by_row]
        deltas = np.diff(in_order)
        adjacent = np.diff(grows[by_row]) == 1
        row_share = float(((deltas == stride) & adjacent).sum() / max(1, deltas.size)) if stride else 0.0
        ex_rows = grows[by_row][:limit]
        out.append(
            CounterGroup(
                kind=kind,
                units=int(size),
                stride=stride,
                stride_share=share,
                row_order_share=row_share,
                first=int(uniq[0]),
                last=int(uniq[-1]),
                examples=[Example(int(r) + 1) for r in ex_rows],
                varying=varying,
                values=vals,
                rows=grows,
            )
        )
    out.sort(key=lambda g: -g.units)
    return out


def _position_stats(
    pos_counts: dict[int, np.ndarray], lengths: Counter[int], n: int, policy: Policy
) -> tuple[float, float, int | None, list[PositionBias], int]:
    """Entropy upper bound of the generator and per-position chi-square tests.

    The sum of per-position entropies (plus the entropy of the length) bounds the joint
    entropy from above, so a low value proves a weak generator. Chi-square tests are run
    per (length, position) with enough rows, Bonferroni-corrected for their number.
    """
    if n == 0:
        return 0.0, 0.0, None, [], 0
    len_counts = np.array(list(lengths.values()), dtype=np.float64)
    h_total = entropy_bits(len_counts) if len(lengths) > 1 else 0.0
    u_total = 0.0
    tests: list[tuple[int, int, np.ndarray]] = []
    for length, counts in pos_counts.items():
        w = lengths[length] / n
        for p in range(length):
            c = counts[p]
            h_total += w * entropy_bits(c)
            k = int((c > 0).sum())
            u_total += w * (math.log2(k) if k > 1 else 0.0)
            if k > 1 and lengths[length] >= 5 * k:
                tests.append((length, p, c))
    # lengths longer than tracked count as their full uniform bound (cannot prove weakness)
    for length, count in lengths.items():
        if length > _MAX_POS:
            h_total += count / n * length * 6.0
            u_total += count / n * length * 6.0
    fixed = max(lengths, key=lambda k: lengths[k]) if lengths else None
    if fixed is not None and lengths[fixed] < 0.99 * n:
        fixed = None
    bias: list[PositionBias] = []
    m = max(1, len(tests))
    for length, p, c in tests:
        _, _, pv = chi2_uniform(c)
        if pv < policy.alpha / m:
            k = int((c > 0).sum())
            bias.append(PositionBias(length, p + 1, pv, math.log2(k) - entropy_bits(c)))
    return h_total, u_total, fixed, bias, len(tests)


def _alphabet(pos_counts: dict[int, np.ndarray]) -> dict[str, int]:
    """Symbols used, by class (ASCII lower, upper, digit, other printable; non-ASCII as one)."""
    if not pos_counts:
        return {}
    used = np.zeros(_OTHER + 1, dtype=bool)
    for counts in pos_counts.values():
        used |= counts.sum(axis=0) > 0
    codes = np.flatnonzero(used)
    out = {
        "lower": int(((codes >= 97) & (codes <= 122)).sum()),
        "upper": int(((codes >= 65) & (codes <= 90)).sum()),
        "digit": int(((codes >= 48) & (codes <= 57)).sum()),
        "symbol": int(
            (
                (codes < 128)
                & ~((codes >= 97) & (codes <= 122))
                & ~((codes >= 65) & (codes <= 90))
                & ~((codes >= 48) & (codes <= 57))
            ).sum()
        ),
        "non-ascii": int(used[_OTHER]),
    }
    return {k: v for k, v in out.items() if v}


def _strength(rows: list[Row], public: PublicInfo, cols: ColumnMap, policy: Policy) -> tuple[Tally, int]:
    """zxcvbn scores of a random sample of rows (user inputs: public strings and identifiers)."""
    weak = Tally()
    inputs = list(public.originals.values()) or list(public.tokens)
    rows = sorted(rows, key=lambda r: r.number)
    for r in rows:
        pw = r.password
        if not pw or len(pw) > 100:
            continue
        try:
            res = zxcvbn(pw, inputs + [v for v in (*r.ids, *r.public) if v])
        except Exception:  # the estimator rejects odd input: treat as unscored
            continue
        score = int(res.score)
        if score < policy.min_score:
            warning = res.feedback.warning if res.feedback is not None else None
            detail = f"zxcvbn score {score}, about 10^{res.guesses_log10:.1f} guesses"
            if warning:
                detail += f": {warning}"
            weak.add(Example(r.number, detail=detail), policy.max_examples)
    return weak, len(rows)


def _all_examples(report: BatchReport) -> list[Example]:
    out: list[Example] = []
    for g in report.duplicates.groups:
        out += g
    for c in report.counters:
        out += c.examples
    for d in report.derivations:
        out += d.examples
    for t in report.equal_identifier.values():
        out += t.examples
    for p in report.public_matches:
        out += p.examples
    for t in (report.empty, report.short, report.common, report.dictionary, report.weak):
        out += t.examples
    return out


def _serial_index(cols: ColumnMap) -> int | None:
    """The identifier column that orders units: the serial, else the first identifier."""
    for i, c in enumerate(cols.identifiers):
        if c.role == "serial":
            return i
    return 0 if cols.identifiers else None


def _digits_value(text: str) -> int:
    digits = "".join(ch for ch in text if ch.isdigit())[-18:]
    return int(digits) if digits else -1


def _fill_passwords(report: BatchReport, options: ReaderOptions, reservoir: list[Row]) -> None:
    """Attach each example's password (masked later), and for counters read the serial of
    each unit in them to measure the step between consecutive serials. Re-reads the file
    only when needed, and only up to the last row needed."""
    examples = _all_examples(report)
    known = {r.number: r.password for r in reservoir}
    for e in examples:
        if e.password is not None:
            known[e.row] = e.password
    wanted = {e.row for e in examples if e.row not in known}
    si = _serial_index(report.columns)
    serials: dict[int, int] = {}  # 0-based row -> number in its serial
    in_counter = np.zeros(report.rows, dtype=bool)
    if report.counters and si is not None:
        for g in report.counters:
            in_counter[g.rows] = True
    need_serials = bool(in_counter.any())
    if wanted or need_serials:
        last = report.rows if need_serials else max(wanted)
        for ch in BatchReader(report.path, options).chunks():
            base = ch.start - 1
            for r in range(ch.start, ch.start + len(ch)):
                if r in wanted:
                    known[r] = ch.passwords[r - ch.start]
            if need_serials and si is not None:
                col = ch.ids[si]
                for i in np.flatnonzero(in_counter[base : base + len(ch)]).tolist():
                    serials[base + i] = _digits_value(col[i])
            if ch.start + len(ch) > last:
                break
    for e in examples:
        e.password = known.get(e.row)
    for g in report.counters:
        if si is not None and g.stride and serials:
            g.serial_step, g.serial_share = _serial_steps(g, serials)
            g.serial_column = report.columns.identifiers[si].name


def _serial_steps(g: CounterGroup, serials: dict[int, int]) -> tuple[int, float]:
    """Most common step of the password number between units with consecutive serials."""
    rows = g.rows
    sv = np.array([serials.get(int(r), -1) for r in rows], dtype=np.int64)
    ok = sv >= 0
    if ok.sum() < 2:
        return 0, 0.0
    pv = g.values[ok]
    order = np.argsort(sv[ok], kind="stable")
    dp = np.diff(pv[order])
    ds = np.diff(sv[ok][order])
    consecutive = ds == np.min(ds[ds > 0]) if (ds > 0).any() else np.zeros_like(ds, dtype=bool)
    if not consecutive.any():
        return 0, 0.0
    steps, counts = np.unique(dp[consecutive], return_counts=True)
    best = int(np.argmax(counts))
    return int(steps[best]), float(counts[best] / consecutive.sum())
