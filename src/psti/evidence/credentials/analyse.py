"""One streaming pass over a password batch, then whole-batch statistics.

Per row we keep only compact numbers (a 64-bit hash of the password and, for counters, a
template hash and a numeric value: about 40 bytes a row), a bounded reservoir sample and
a bounded number of examples. Everything else is counted as we go. Duplicates and
counters are then found exactly with NumPy over the compact arrays.
"""

from __future__ import annotations

import math
import random
import re
import string
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from psti.evidence.credentials.derive import Hypothesis, Source, find_hypotheses, norm
from psti.evidence.credentials.reader import BatchReader, ColumnMap, ReaderOptions, Row
from psti.evidence.credentials.stats import chi2_uniform, entropy_bits
from psti.evidence.credentials.wordlists import common_passwords, dictionary_words

ProgressFn = Callable[[str, float, float | None], None]

_DEC_TAIL = re.compile(r"(.*\D|)(\d+)(\D*)\Z", re.S)
_HEX_TAIL = re.compile(r"(.*[^0-9a-fA-F]|)([0-9a-fA-F]+)([^0-9a-fA-F]*)\Z", re.S)
_LEET = str.maketrans(
    {"4": "a", "@": "a", "3": "e", "0": "o", "1": "i", "!": "i", "5": "s", "$": "s", "7": "t"}
)
_DECORATION = string.digits + string.punctuation + " "
_PUBLIC_NORM = str.maketrans(
    {**{c: None for c in " -_.:/"}, "4": "a", "@": "a", "3": "e", "0": "o", "5": "s", "$": "s"}
)
_MAX_POS = 64  # positions beyond this are not tested per position
_OTHER = 128  # bucket for non-ASCII characters in per-position counts
_FLUSH = 65_536
MAX_STRIDE = 1000  # a counter steps by at most this much


@dataclass
class Policy:
    """Thresholds. Defaults are documented in docs/password-batches.md."""

    min_length: int = 8
    min_score: int = 3  # zxcvbn score a sampled password must reach
    min_entropy_bits: float = 40.0
    sample_size: int = 2000  # rows searched for derivations
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

    @classmethod
    def from_strings(cls, items: list[tuple[str, str]]) -> PublicInfo:
        stop = {
            "ltd",
            "limited",
            "inc",
            "gmbh",
            "corp",
            "corporation",
            "company",
            "the",
            "and",
            "plc",
            "llc",
        }
        tokens: dict[str, str] = {}
        for source, text in items:
            if not text:
                continue
            whole = text.lower().translate(_PUBLIC_NORM)
            if len(whole) >= 3:
                tokens.setdefault(whole, source)
            for word in re.split(r"[^0-9a-zA-Z]+", text.lower()):
                if len(word) >= 4 or (len(word) == 3 and any(ch.isdigit() for ch in word)):
                    if word not in stop:
                        tokens.setdefault(word.translate(_PUBLIC_NORM), source)
        return cls(tokens)


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
    stride: int
    stride_share: float  # share of gaps between sorted values equal to the stride
    row_order_share: float  # share of consecutive rows (file order) stepping by the stride
    first: int
    last: int
    examples: list[Example]


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
    passes: int = 1

    @property
    def counter_units(self) -> int:
        return sum(g.units for g in self.counters)


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
    rng = random.Random(policy.seed)
    limit = policy.max_examples

    reader = BatchReader(path, options)
    common = common_passwords()
    words = dictionary_words()
    tokens = [(t, t in words) for t in public.tokens]
    pub_tally: dict[str, Tally] = {t: Tally() for t in public.tokens}

    hashes = array("q")
    t_dec, v_dec, t_hex, v_hex = array("q"), array("q"), array("q"), array("q")
    lengths: Counter[int] = Counter()
    pos_counts: dict[int, np.ndarray] = {}
    buckets: dict[int, list[str]] = defaultdict(list)
    empty, short, commons, dicts = Tally(), Tally(), Tally(), Tally()
    equal_id: dict[str, Tally] = {}
    min_len = policy.min_length

    reservoir: list[Row] = []
    res_k = max(policy.sample_size, policy.strength_sample)
    res_w = math.exp(math.log(rng.random()) / res_k)
    res_next = res_k + int(math.log(rng.random()) / math.log(1 - res_w))

    sample: list[Row] = []
    hyps: list[Hypothesis] | None = None
    matchers: list[tuple[int, Callable[[str, str], bool]]] = []
    hyp_counts: list[int] = []
    hyp_present: list[int] = []
    hyp_examples: list[list[Example]] = []
    sources: list[Source] = []
    n_ids = 0
    id_names: tuple[str, ...] = ()

    def flush() -> None:
        for length, pws in buckets.items():
            if not pws:
                continue
            arr = np.frombuffer("".join(pws).encode("utf-32-le"), dtype=np.uint32).reshape(
                len(pws), length
            )
            arr = np.minimum(arr, _OTHER).astype(np.int64)
            idx = arr + (np.arange(length, dtype=np.int64) * (_OTHER + 1))[None, :]
            counts = np.bincount(idx.ravel(), minlength=length * (_OTHER + 1)).reshape(
                length, _OTHER + 1
            )
            if length in pos_counts:
                pos_counts[length] += counts
            else:
                pos_counts[length] = counts
            pws.clear()

    def start_confirming() -> None:
        nonlocal hyps
        hyps = find_hypotheses(
            [(r.password.lower(), r.ids + r.public) for r in sample],
            sources,
            min_share=policy.min_share,
        )
        for h in hyps:
            matchers.append((h.column, h.matcher()))
            hyp_counts.append(0)
            hyp_present.append(0)
            hyp_examples.append([])
        for r in sample:
            confirm(r)

    def confirm(r: Row) -> None:
        vals = r.ids + r.public
        pl = r.password.lower()
        for hi, (si, m) in enumerate(matchers):
            v = vals[si]
            if len(v) < 3:
                continue
            hyp_present[hi] += 1
            if m(pl, v):
                hyp_counts[hi] += 1
                if len(hyp_examples[hi]) < limit:
                    hyp_examples[hi].append(Example(r.number, values={sources[si].name: v}))

    n = 0
    for row in reader.rows():
        if n == 0:
            cols = reader.columns
            assert cols is not None
            sources = [Source(i, c.name, c.role, False) for i, c in enumerate(cols.identifiers)]
            sources += [
                Source(len(sources) + i, c.name, c.role, True) for i, c in enumerate(cols.public)
            ]
            n_ids = len(cols.identifiers)
            id_names = tuple(c.name for c in cols.identifiers)
            equal_id = {name: Tally() for name in id_names}
        n += 1
        pw = row.password
        hashes.append(hash(pw))
        pl = pw.lower()
        length = len(pw)
        lengths[length] += 1

        # counters: template (text around the last number) and the number itself
        m = _DEC_TAIL.match(pw)
        if m is not None:
            run = m.group(2)
            t_dec.append(hash((m.group(1), m.group(3))) or 1)
            v_dec.append(int(run[-18:]))
        else:
            t_dec.append(0)
            v_dec.append(0)
        m = _HEX_TAIL.match(pw)
        if m is not None and not m.group(2).isdigit() and any(c.isdigit() for c in m.group(2)):
            t_hex.append(hash(("x", m.group(1).lower(), m.group(3))) or 1)
            v_hex.append(int(m.group(2)[-15:], 16))
        else:
            t_hex.append(0)
            v_hex.append(0)

        # guessability per row
        if length < min_len:
            (empty if length == 0 else short).add(Example(row.number), limit)
        if pl in common:
            commons.add(Example(row.number), limit)
        else:
            base = pl.strip(_DECORATION)
            if len(base) >= 4 and length - len(base) <= 4:
                base = base.translate(_LEET)
                if base in common or (len(base) >= 5 and base in words):
                    dicts.add(Example(row.number, detail=base), limit)

        # public information
        if tokens:
            pn = pl.translate(_PUBLIC_NORM)
            for tok, is_word in tokens:
                if tok in pn and (not is_word or 2 * len(tok) >= len(pn)):
                    pub_tally[tok].add(Example(row.number), limit)

        # a password equal to one of the unit's identifiers, however rare
        if n_ids and length >= 4:
            for name, v in zip(id_names, row.ids, strict=True):
                if pl == v.lower() or pl == norm(v):
                    equal_id[name].add(Example(row.number, values={name: v}), limit)

        if length <= _MAX_POS:
            buckets[length].append(pw)
        if n % _FLUSH == 0:
            flush()
            prog("reading batch", n, None)

        if n <= res_k:
            reservoir.append(row)
        elif n - 1 == res_next:
            reservoir[rng.randrange(res_k)] = row
            res_w *= math.exp(math.log(rng.random()) / res_k)
            res_next += int(math.log(rng.random()) / math.log(1 - res_w)) + 1

        if hyps is None:
            sample.append(row)
            if len(sample) >= policy.sample_size:
                start_confirming()
        elif matchers:
            confirm(row)
    flush()
    if hyps is None:
        start_confirming()
    cols = reader.columns
    assert cols is not None and hyps is not None
    prog("reading batch", n, n)

    # derivations that the start of the file did not show: look again in the reservoir
    passes = 1
    later = find_hypotheses(
        [(r.password.lower(), r.ids + r.public) for r in reservoir],
        sources,
        min_share=policy.min_share,
    )
    known = set(hyps)
    extra = [h for h in later if h not in known]
    if extra:
        passes += 1
        base_i = len(matchers)
        for h in extra:
            hyps.append(h)
            matchers.append((h.column, h.matcher()))
            hyp_counts.append(0)
            hyp_present.append(0)
            hyp_examples.append([])
        todo = matchers[base_i:]
        for r in BatchReader(path, options).rows():
            vals = r.ids + r.public
            pl = r.password.lower()
            for j, (si, m) in enumerate(todo):
                hi = base_i + j
                v = vals[si]
                if len(v) < 3:
                    continue
                hyp_present[hi] += 1
                if m(pl, v):
                    hyp_counts[hi] += 1
                    if len(hyp_examples[hi]) < limit:
                        hyp_examples[hi].append(Example(r.number, values={sources[si].name: v}))

    derivations = [
        Derivation(h, hyp_counts[i], hyp_present[i], hyp_examples[i])
        for i, h in enumerate(hyps)
        if hyp_counts[i] >= max(3, policy.confirm_share * hyp_present[i])
    ]
    derivations.sort(key=lambda d: -d.matches)

    # whole-batch statistics
    duplicates = _duplicates(np.frombuffer(hashes, dtype=np.int64), limit)
    covered = np.zeros(n, dtype=bool)
    counters = _counters(
        np.frombuffer(t_dec, dtype=np.int64),
        np.frombuffer(v_dec, dtype=np.int64),
        "decimal",
        limit,
        covered,
    )
    counters += _counters(
        np.frombuffer(t_hex, dtype=np.int64),
        np.frombuffer(v_hex, dtype=np.int64),
        "hex",
        limit,
        covered,
    )

    h_bits, u_bits, fixed, bias, tests = _position_stats(pos_counts, lengths, n, policy)
    alphabet_bits = h_bits / max(1.0, sum(k * v for k, v in lengths.items()) / max(n, 1))
    mean_len = sum(k * v for k, v in lengths.items()) / max(n, 1)
    public_matches = []
    for tok, tally in pub_tally.items():
        if tally.count == 0:
            continue
        # chance of the token appearing in a random password with this batch's per-character entropy
        p0 = max(0.0, mean_len - len(tok) + 1) * 2.0 ** (-alphabet_bits * len(tok) * 0.8)
        expected = n * min(1.0, p0)
        public_matches.append(
            PublicMatch(tok, public.tokens[tok], tally.count, expected, tally.examples)
        )

    weak, sampled = _strength(reservoir[: policy.strength_sample], public, cols, policy)

    report = BatchReport(
        path=path,
        fmt=reader.fmt or "csv",
        columns=cols,
        rows=n,
        policy=policy,
        lengths=lengths,
        duplicates=duplicates,
        counters=counters,
        derivations=derivations,
        equal_identifier=equal_id,
        public_matches=public_matches,
        public_tokens=dict(public.tokens),
        empty=empty,
        short=short,
        common=commons,
        dictionary=dicts,
        strength_sampled=sampled,
        weak=weak,
        entropy_bits=h_bits,
        uniform_bits=u_bits,
        fixed_length=fixed,
        bias=bias,
        tests_run=tests,
        passes=passes,
    )
    _fill_passwords(report, options, reservoir)
    return report


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
    res = DuplicateResult(
        units=int(sizes[multi].sum()), shared_passwords=int(multi.sum()), largest=int(sizes.max())
    )
    # examples: the largest groups first, then the ones that appear earliest in the file
    idx = np.flatnonzero(multi)
    pick = idx[np.lexsort((order[starts[idx]], -sizes[idx]))][:limit]
    for gi in pick:
        rows = np.sort(order[starts[gi] : starts[gi] + sizes[gi]])[:3]
        res.groups.append([Example(int(r) + 1, detail=f"{int(sizes[gi])} units") for r in rows])
    return res


def _counters(
    t: np.ndarray, v: np.ndarray, kind: str, limit: int, covered: np.ndarray
) -> list[CounterGroup]:
    """Groups of passwords that share a template and whose numbers step by a small stride.

    Rows already in a reported group (`covered`, updated here) are not reported twice.
    """
    rows = np.flatnonzero(t != 0)
    if rows.size < 5:
        return []
    tt, vv = t[rows], v[rows]
    order = np.lexsort((vv, tt))
    tt, vv, rows = tt[order], vv[order], rows[order]
    starts = np.flatnonzero(np.r_[True, tt[1:] != tt[:-1]])
    sizes = np.diff(np.r_[starts, tt.size])
    out: list[CounterGroup] = []
    for s, size in zip(starts[sizes >= 5], sizes[sizes >= 5], strict=True):
        vals = vv[s : s + size]
        uniq = np.unique(vals)
        if uniq.size < 5 or uniq.size < 0.9 * size:
            continue
        gaps = np.diff(uniq)
        g_vals, g_counts = np.unique(gaps, return_counts=True)
        best = int(np.argmax(g_counts))
        stride, share = int(g_vals[best]), float(g_counts[best] / gaps.size)
        if share < 0.5 or stride > MAX_STRIDE:
            continue
        grows = rows[s : s + size]
        by_row = np.argsort(grows, kind="stable")
        in_order = vals[by_row]
        deltas = np.diff(in_order)
        adjacent = np.diff(grows[by_row]) == 1
        row_share = float(((deltas == stride) & adjacent).sum() / max(1, deltas.size))
        if covered[grows].mean() > 0.5:
            continue  # the same units as a counter already reported
        covered[grows] = True
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


def _strength(
    rows: list[Row], public: PublicInfo, cols: ColumnMap, policy: Policy
) -> tuple[Tally, int]:
    """zxcvbn scores of a random sample of rows (user inputs: public strings and identifiers)."""
    from zxcvbn_rs_py import zxcvbn

    weak = Tally()
    inputs = list(public.tokens)
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


def _fill_passwords(report: BatchReport, options: ReaderOptions, reservoir: list[Row]) -> None:
    """Attach each example's password (masked later); re-reads the file only up to the last row needed."""
    examples = _all_examples(report)
    if not examples:
        return
    known = {r.number: r.password for r in reservoir}
    wanted = {e.row for e in examples if e.row not in known}
    if wanted:
        last = max(wanted)
        for r in BatchReader(report.path, options).rows():
            if r.number in wanted:
                known[r.number] = r.password
            if r.number >= last:
                break
    for e in examples:
        e.password = known.get(e.row)
