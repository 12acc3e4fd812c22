"""Examine one firmware image: extract it, scan its files, check its password hashes.

This is the work of the firmware collector before any finding is written. While the
extractor (a separate process) unpacks the image, a thread prepares what the file
checks need (the compiled triggers, the password corpus, the image's digest).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psti.corpus import Candidate, load_corpus
from psti.evidence.firmware.tree import FileTree
from psti.evidence.interface import ProgressFn, sha256_file

if TYPE_CHECKING:  # the file checks are imported while the extractor runs
    from psti.evidence.firmware.crack import CrackResult
    from psti.evidence.firmware.extract import Extraction
    from psti.evidence.firmware.scan import TreeScan


@dataclass
class ScanOptions:
    keep: bool = False
    workers: int | None = None
    crack_deadline_s: float = 300.0
    factory_provisioned: bool | None = None
    product_words: tuple[str, ...] = ()  # product name, model, brand, manufacturer (public)
    mask_secrets: bool = False  # show passwords masked (ab****yz) in findings
    limits: Any = None  # psti.evidence.firmware.extract.Limits


@dataclass
class ImageScan:
    """Everything found in one image, for the collector, the CLI and the benchmarks."""

    image: Path
    evidence_id: str
    scan: TreeScan = field(default_factory=lambda: _empty_scan())
    cracked: dict[str, CrackResult] = field(default_factory=dict)
    problems: list[tuple[str, str, str | None]] = field(default_factory=list)  # kind, message, path
    roots: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    public: dict[str, str] = field(default_factory=dict)  # guesses from public names -> origin
    sha256: str | None = None  # of the image file, if computed while it was extracted


def _empty_scan() -> TreeScan:
    from psti.evidence.firmware.scan import TreeScan

    return TreeScan()


# --- extraction ---------------------------------------------------------------------


def _extract(
    image: Path,
    work_dir: Path,
    opts: ScanOptions,
    progress: ProgressFn,
) -> tuple[list[FileTree], Extraction]:
    from psti.evidence.firmware.extract import Limits, extract_image

    ex = extract_image(image, work_dir, opts.limits or Limits(), progress=progress)
    roots = list(ex.roots)
    trees = []
    for r in roots:
        label = "" if len(roots) == 1 or r == ex.root else "/" + r.relative_to(ex.root).as_posix()
        trees.append(FileTree(r, label=label))
    if not trees and image.is_file():
        trees.append(FileTree(image.parent, only=image))
    return trees, ex


# --- the scan -----------------------------------------------------------------------


def examine(image: Path, work_dir: Path, opts: ScanOptions, progress: ProgressFn, evidence_id: str) -> ImageScan:
    work_dir.mkdir(parents=True, exist_ok=True)
    digest: list[str] = []
    failed: list[BaseException] = []

    def prepare() -> None:  # while the extractor runs: what does not depend on its output
        try:
            import psti.evidence.firmware.crack
            import psti.evidence.firmware.scan  # noqa: F401
            from psti.evidence.firmware.triggers import prepare

            prepare()  # compiled once here, inherited by the processes that scan files
            corpus = load_corpus()
            corpus.candidates()
            corpus.pairs()
            corpus.known_passwords()
            if image.is_file():
                digest.append(sha256_file(image))
        except BaseException as e:  # raised in the caller's thread below
            failed.append(e)

    preparing = threading.Thread(target=prepare, name="psti-fw-prepare", daemon=True)
    preparing.start()
    try:
        trees, extracted = _extract(image, work_dir, opts, progress)
    finally:
        preparing.join()
    if failed:
        raise failed[0]
    from psti.evidence.firmware.crack import crack
    from psti.evidence.firmware.hashes import COST
    from psti.evidence.firmware.scan import scan_tree

    out = ImageScan(image, evidence_id, problems=[(p.kind, p.message, p.path) for p in extracted.problems],
                    roots=[str(r) for r in extracted.roots], formats=list(extracted.formats),
                    sha256=digest[0] if digest else None)
    corpus = load_corpus()
    known = corpus.known_passwords()
    for tree in trees:
        part = scan_tree(tree, known, lambda d, t: progress("scanning files", d, t), opts.workers,
                         pairs=corpus.pairs())
        _merge(out.scan, part)
    candidates = corpus.candidates()
    pairs = corpus.pairs()
    rank = {c.password: i for i, c in enumerate(candidates)}
    public = public_guesses(out.scan.identity, opts.product_words)
    out.public = {c.password: c.origin for c in public}
    targets = []
    for c in out.scan.credentials:
        if c.form == "hash" and c.hash_type in COST:
            # account-name guesses, the most common defaults, then this user's listed defaults
            first = [Candidate(w, "the account name") for w in _account_guesses(c.account)]
            first += public
            first += [Candidate(v, f"a string in the image ({where})") for v, where in out.scan.harvested.items()]
            first += candidates[:24]
            listed = sorted(pairs.get(c.account or "", ()), key=lambda p: rank.get(p, len(rank)))
            first += [Candidate(p, f"default-credential corpus, listed for user {c.account!r}") for p in listed[:200]]
            targets.append((c.secret, c.hash_type, first))
    out.cracked = crack(
        targets,
        candidates,
        workers=opts.workers,
        deadline_s=opts.crack_deadline_s,
        progress=lambda d, t: progress("checking hashes", d, t),
    )
    return out


PUBLIC_ORIGIN = "public information"


def product_words(declaration: Any) -> tuple[str, ...]:
    """The public names in a declaration: product name, model, brand, manufacturers."""
    p = declaration.product
    words = [p.name, p.model, p.brand or "", *(m.name for m in declaration.manufacturer)]
    return tuple(w for w in words if w)


def public_guesses(identity: dict[str, str], product_words: tuple[str, ...]) -> list[Candidate]:
    """Passwords built from what anyone can read off the product: its names, plus the
    usual suffixes. A password among them is based on public information (1(3)(b))."""
    sources = dict(identity)
    for w in product_words:
        for part in {w, *w.split()}:
            if 3 <= len(part) <= 32:
                sources.setdefault(part, "the product declaration")
    out: dict[str, str] = {}
    for word, where in sources.items():
        for base in {word, word.lower(), word.upper(), word.capitalize(), word.replace(" ", "")}:
            for suffix in ("", "1", "123", "1234", "!", "@123", "2024", "2025", "admin"):
                out.setdefault(base + suffix, f"{PUBLIC_ORIGIN}: {word!r} from {where}")
    return [Candidate(p, origin) for p, origin in list(out.items())[:400]]


def _account_guesses(account: str | None) -> list[str]:
    if not account:
        return []
    a = account.lower()
    return [account, a, a + a, a + "123", a + "1234", a[::-1], a + "!", a.capitalize() + "1"]


def _merge(into: TreeScan, part: TreeScan) -> None:
    into.files += part.files
    into.bytes += part.bytes
    into.credentials += part.credentials
    into.observations += part.observations
    into.keys += part.keys
    into.generations += part.generations
    into.services.merge(part.services)
    into.accounts.update(part.accounts)
    into.truncated = into.truncated or part.truncated
    for word, where in part.identity.items():
        into.identity.setdefault(word, where)
    for value, where in part.harvested.items():
        into.harvested.setdefault(value, where)
