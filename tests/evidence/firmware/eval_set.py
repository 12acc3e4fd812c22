"""The real-firmware evaluation set (bench/data/fw-eval): per-handler precision and recall.

Every sample is a real file (from shared/data/firmware, from this machine's Debian
packages, or a short excerpt kept in the repository with its provenance) placed at its
path inside an otherwise empty image. The key says which credentials it holds (the
handler expected to find each) or that it holds none. A credential found that is not in
the key counts against the handler that reported it.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from psti.corpus import load_corpus
from psti.evidence.firmware.collector import ScanOptions, scan_image
from psti.evidence.firmware.examine import examine
from psti.evidence.firmware.hashes import identify, verify
from psti.evidence.firmware.model import Credential
from psti.evidence.firmware.scan import scan_tree
from psti.evidence.firmware.tree import FileTree
from psti.model import Effect

REPO = Path(__file__).resolve().parents[3]
SET = REPO / "bench" / "data" / "fw-eval"
KEY = SET / "KEY.csv"
PLAINTEXTS = SET / "PLAINTEXTS.csv"  # hash -> plaintext, recomputed on every run
HELD_OUT = SET / "held-out.txt"  # samples of the second collection round
EMPTY = "(empty)"


class AnswerKeyError(ValueError):
    """The answer key contradicts itself: a keyed plaintext does not hash to the keyed hash."""


@dataclass
class Row:
    sample: str
    source: str
    inside: str
    expect: str
    handler: str
    account: str
    secret: str


@dataclass
class HandlerScore:
    tp: int = 0  # keyed to this handler and found (by it or by another handler)
    fp: int = 0  # reported by this handler, not in the key
    fn: int = 0  # keyed to this handler and not found
    hits: int = 0  # reported by this handler and in the key

    @property
    def precision(self) -> float | None:
        return self.hits / (self.hits + self.fp) if self.hits + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Score:
    handlers: dict[str, HandlerScore] = field(default_factory=lambda: defaultdict(HandlerScore))
    samples: int = 0
    negatives: int = 0
    skipped: list[str] = field(default_factory=list)  # samples whose file is not on this machine
    missed: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)  # keyed credentials found by another handler
    false: list[str] = field(default_factory=list)  # credentials found that the key does not hold
    negative_fails: list[str] = field(default_factory=list)  # failing findings on negative samples
    hashes: int = 0  # keyed hashes
    hashes_verified: int = 0  # of which the key holds a plaintext that recomputes to the hash
    cracked: int = 0  # of the verified ones, plaintexts psti's own cracking recovered
    not_cracked: list[str] = field(default_factory=list)

    @property
    def positives(self) -> int:
        return sum(h.tp + h.fn for h in self.handlers.values())

    @property
    def found(self) -> int:
        return sum(h.tp for h in self.handlers.values())


def read_key(path: Path = KEY) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Row(r["sample"], r["source"], r["inside"], r["expect"], r["handler"], r["account"], r["secret"])
                for r in csv.DictReader(f)]


def read_plaintexts(path: Path = PLAINTEXTS) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as f:
        return {r["hash"]: r["plaintext"] for r in csv.DictReader(f)}


def held_out(path: Path = HELD_OUT) -> set[str]:
    return {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}


def verify_key(rows: list[Row], plaintexts: dict[str, str]) -> dict[str, str]:
    """Recompute every keyed hash from its keyed plaintext; raise if one does not match.
    Returns the verified hash -> plaintext pairs."""
    keyed = {r.secret for r in rows if r.expect == "credential" and r.secret and identify(r.secret)}
    bad = [h for h in plaintexts if h not in keyed]
    if bad:
        raise AnswerKeyError(f"{PLAINTEXTS}: plaintexts for hashes the key does not hold: {bad}")
    for h, word in plaintexts.items():
        kind = identify(h)
        if kind is None or not verify(word, h, kind):
            raise AnswerKeyError(f"{PLAINTEXTS}: {word!r} does not hash to {h} ({kind})")
    return dict(plaintexts)


def resolve(source: str, shared: Path | None) -> Path | None:
    where, _, rest = source.partition(":")
    if where == "shared":
        p = shared / rest if shared is not None else None
    elif where == "system":
        p = Path(rest)
    elif where == "repo":
        p = SET / rest
    else:
        raise ValueError(f"{KEY}: unknown source {source!r} (shared:, system: or repo:)")
    return p if p is not None and p.is_file() else None


def _matches(row: Row, c: Credential) -> bool:
    if row.account and c.account != row.account:
        return False
    if not row.secret:  # the key names the account only (a hash in binary junk)
        return c.form == "hash"
    return c.form == "empty" if row.secret == EMPTY else c.secret == row.secret


def evaluate(shared: Path | None, full_scan_negatives: bool = True, only: set[str] | None = None,
             crack: bool = False) -> Score:
    """Score the handlers on the set (or on the samples in `only`). With `crack`, each sample
    holding a keyed hash with a verified plaintext is also examined whole, and psti's own
    cracking is scored against the key."""
    score = Score()
    corpus = load_corpus()
    known, pairs = corpus.known_passwords(), corpus.pairs()
    rows_all = read_key()
    verified = verify_key(rows_all, read_plaintexts())
    by_sample: dict[str, list[Row]] = defaultdict(list)
    for row in rows_all:
        if only is None or row.sample in only:
            by_sample[row.sample].append(row)
    with tempfile.TemporaryDirectory(prefix="psti-fw-eval-") as tmp:
        for sample, rows in by_sample.items():
            placed = {(r.source, r.inside) for r in rows}  # a sample may need several files
            sources = {inside: resolve(source, shared) for source, inside in placed}
            if None in sources.values():
                score.skipped.append(sample)
                continue
            score.samples += 1
            root = Path(tmp) / sample / "root"
            for inside, src in sources.items():
                dest = root / inside.lstrip("/")
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)  # type: ignore[arg-type]
            found = scan_tree(FileTree(root), known, workers=1, pairs=pairs).credentials
            expected = [r for r in rows if r.expect == "credential"]
            keyed_hashes = {r.secret for r in expected if r.secret and identify(r.secret)}
            score.hashes += len(keyed_hashes)
            score.hashes_verified += len(keyed_hashes & verified.keys())
            if crack and keyed_hashes & verified.keys():
                image = examine(root, Path(tmp) / sample / "crack", ScanOptions(crack_deadline_s=60, workers=1),
                                lambda *_: None, sample)
                for h in sorted(keyed_hashes & verified.keys()):
                    got = image.cracked.get(h)
                    if got is not None and got.plaintext == verified[h]:
                        score.cracked += 1
                    else:
                        score.not_cracked.append(f"{sample}: {h} ({verified[h]!r})")
            used: set[int] = set()
            for r in expected:
                hit = next((i for i, c in enumerate(found) if i not in used and _matches(r, c)), None)
                if hit is None:
                    score.handlers[r.handler].fn += 1
                    score.missed.append(f"{sample}: {r.handler} {r.account or '?'}:{r.secret}")
                else:
                    used.add(hit)
                    score.handlers[r.handler].tp += 1
                    score.handlers[found[hit].handler or "?"].hits += 1
                    by = found[hit].handler or "?"
                    if by != r.handler:
                        score.elsewhere.append(f"{sample}: {r.handler} {r.account or '?'} found by {by}")
            for i, c in enumerate(found):
                if i not in used:
                    score.handlers[c.handler or "?"].fp += 1
                    score.false.append(f"{sample}: {c.handler} {c.account}:{c.secret} at {c.path}:{c.line or c.offset}")
            if not expected:  # a negative: nothing keyed in any of its files
                score.negatives += 1
                if full_scan_negatives:
                    result = scan_image(root, Path(tmp) / sample / "work", ScanOptions(crack_deadline_s=5, workers=1))
                    score.negative_fails += [f"{sample}: {f.kind} {f.message}" for f in result.findings
                                             if f.effect is Effect.FAIL]
    return score
