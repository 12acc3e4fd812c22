"""Check password hashes against the default-credential corpus on every core.

libc crypt holds the GIL, so the work goes to a process pool: the candidate list is
cut into chunks, each (hash, chunk) is a task, and a hash stops being tried as soon
as one chunk finds it. Slow hash types get fewer candidates (most likely first) and
a global deadline bounds the whole run.
"""

from __future__ import annotations

import concurrent.futures as cf
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from psti.corpus import Candidate
from psti.evidence.firmware.hashes import COST, bcrypt_cost, verify
from psti.parallel import available_cores, process_pool

CHUNK = 1024  # words per task for a hash as slow as md5crypt; faster types get bigger chunks
QUICK = 32  # first guesses per hash tried before any pool is started
SERIAL_WORK = 4_000  # below this many md5crypt-equivalents, a pool costs more than it saves
# Candidates tried per hash type (most likely first); None = the whole list.
LIMITS: dict[str, int | None] = {
    "descrypt": None,
    "md5crypt": None,
    "apr1": None,
    "sha1-b64": None,
    "ssha": None,
    "mosquitto-sha512": None,
    "sha256crypt": None,
    "sha512crypt": None,
    "htdigest": 0,
    "mosquitto-pbkdf2": 2000,
    "yescrypt": 1500,
    "bcrypt": 3000,
}


@dataclass
class CrackResult:
    value: str
    kind: str
    plaintext: str | None = None
    origin: str | None = None
    tried: int = 0
    planned: int = 0

    @property
    def complete(self) -> bool:
        return self.plaintext is not None or self.tried >= self.planned


def _check(kind: str, value: str, words: list[str]) -> int:
    for i, w in enumerate(words):
        if verify(w, value, kind):
            return i
    return -1


def plan(kind: str, value: str, candidates: list[Candidate], first: list[Candidate]) -> list[Candidate]:
    """The candidates to try for one hash: account-specific guesses, then the corpus."""
    limit = LIMITS.get(kind, 0)
    if kind == "bcrypt" and limit:
        limit = max(100, limit >> max(0, bcrypt_cost(value) - 5))
    seen: set[str] = set()
    out = []
    for c in [*first, *candidates]:
        if c.password not in seen:
            seen.add(c.password)
            out.append(c)
    return out if limit is None else out[:limit]


def crack(
    targets: Iterable[tuple[str, str, list[Candidate]]],
    candidates: list[Candidate],
    *,
    workers: int | None = None,
    deadline_s: float = 300.0,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, CrackResult]:
    """targets: (hash value, hash type, account-specific first guesses). Results by value."""
    results: dict[str, CrackResult] = {}
    tasks: list[tuple[str, list[Candidate], int]] = []
    for value, kind, first in targets:
        if value in results:
            continue
        words = plan(kind, value, candidates, first)
        results[value] = CrackResult(value, kind, planned=len(words))
        size = min(16_384, max(32, int(CHUNK / COST.get(kind, 1))))
        for start in range(0, len(words), size):
            tasks.append((value, words[start : start + size], start))
    if not tasks:
        return results
    # The likeliest guesses first, in this process: most default passwords are found here
    # and the pool is never started.
    quick: list[tuple[str, list[Candidate], int]] = []
    for value, chunk, start in tasks:
        if start == 0:
            r = results[value]
            head, tail = chunk[:QUICK], chunk[QUICK:]
            _record(r, head, _check(r.kind, value, [c.password for c in head]))
            if tail and r.plaintext is None:
                quick.append((value, tail, QUICK))
        elif results[value].plaintext is None:
            quick.append((value, chunk, start))
    tasks = quick
    if not tasks:
        return results
    workers = workers or available_cores()
    stop_at = time.monotonic() + deadline_s
    done = 0
    total = len(tasks)
    work = sum(len(chunk) * COST.get(results[v].kind, 1) for v, chunk, _ in tasks)
    if workers == 1 or total <= 2 or work < SERIAL_WORK:
        for value, chunk, _ in tasks:
            r = results[value]
            if r.plaintext is None and time.monotonic() < stop_at:
                _record(r, chunk, _check(r.kind, value, [c.password for c in chunk]))
            done += 1
            if progress:
                progress(done, total)
        return results
    with process_pool(workers) as pool:
        pending: dict[cf.Future[int], tuple[str, list[Candidate]]] = {}
        it = iter(tasks)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < workers * 3:
                try:
                    value, chunk, _ = next(it)
                except StopIteration:
                    exhausted = True
                    break
                r = results[value]
                if r.plaintext is not None or time.monotonic() > stop_at:
                    done += 1
                    continue
                fut = pool.submit(_check, r.kind, value, [c.password for c in chunk])
                pending[fut] = (value, chunk)
            if not pending:
                break
            finished, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in finished:
                value, chunk = pending.pop(fut)
                if fut.cancelled():
                    continue
                _record(results[value], chunk, fut.result())
                done += 1
                if results[value].plaintext is not None:  # found: drop its queued chunks
                    for other, (v, _) in list(pending.items()):
                        if v == value and other.cancel():
                            pending.pop(other)
                            done += 1
            if progress:
                progress(done, total)
    return results


def _record(r: CrackResult, chunk: list[Candidate], index: int) -> None:
    if index >= 0:
        if r.plaintext is None:
            r.plaintext = chunk[index].password
            r.origin = chunk[index].origin
        r.tried += index + 1
    else:
        r.tried += len(chunk)
