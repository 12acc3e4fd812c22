"""Hash-checking rate per hash type: psti's process pool vs John the Ripper.

Same hashes (two per type, made with libxcrypt; neither is in the word list, so every
word is tried against both) and the same word list (the top of psti's shipped
common-password list). Rates are guesses per second, wall clock, start-up included.
John is Debian's core 1.9.0 (2 OpenMP threads); it has no native SHA-crypt, so those
run with --format=crypt (libc). Floor: a single-process loop over libc crypt.

    .venv/bin/python bench/fw_hash_rate.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

from psti.corpus import Candidate, load_corpus
from psti.evidence.firmware.crack import LIMITS, crack
from psti.evidence.firmware.hashes import verify

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt

# type: (salt settings, john format, words)
TYPES = {
    "descrypt": (["ab", "cd"], "descrypt", 10_000),
    "md5crypt": (["$1$saltsalt$", "$1$othersal$"], "md5crypt", 5_000),
    "sha256crypt": (["$5$saltsaltsaltsalt$", "$5$othersaltothers$"], "crypt", 1_000),
    "sha512crypt": (["$6$saltsaltsaltsalt$", "$6$othersaltothers$"], "crypt", 1_000),
    "bcrypt": (["$2b$05$abcdefghijklmnopqrstuu", "$2b$05$bbcdefghijklmnopqrstuu"], "bcrypt", 400),
}


def main() -> None:
    words = list(load_corpus().common)
    john = shutil.which("john")
    print(f"{'type':12} {'words':>6} {'floor 1 proc':>13} {'psti pool':>10} {'john':>10} "
          f"{'psti/floor':>10} {'psti/john':>9}")
    for kind, (settings, jformat, n) in TYPES.items():
        wl = words[:n]
        hashes = [crypt.crypt("Not-In-List-" + kind + s[-3:], s) for s in settings]
        guesses = len(wl) * len(hashes)
        # floor: one process, plain loop
        t = time.perf_counter()
        for h in hashes:
            for w in wl[: max(50, n // 10)]:
                verify(w, h, kind)
        floor = len(hashes) * max(50, n // 10) / (time.perf_counter() - t)
        saved = LIMITS.get(kind)
        LIMITS[kind] = None
        t = time.perf_counter()
        res = crack([(h, kind, []) for h in hashes], [Candidate(w, "bench") for w in wl],
                    workers=os.cpu_count(), deadline_s=600)
        pool = guesses / (time.perf_counter() - t)
        LIMITS[kind] = saved
        assert all(r.tried == len(wl) and r.plaintext is None for r in res.values())
        jr = float("nan")
        if john:
            with tempfile.TemporaryDirectory() as d:
                (Path(d) / "w.txt").write_text("\n".join(wl) + "\n")
                (Path(d) / "h.txt").write_text("".join(f"u{i}:{h}\n" for i, h in enumerate(hashes)))
                t = time.perf_counter()
                subprocess.run([john, f"--format={jformat}", f"--wordlist={d}/w.txt",
                                f"{d}/h.txt"], capture_output=True, cwd=d, check=False)
                jr = guesses / (time.perf_counter() - t)
        print(f"{kind:12} {len(wl):>6} {floor:>13,.0f} {pool:>10,.0f} {jr:>10,.0f} "
              f"{pool / floor:>10.2f} {pool / jr:>9.2f}")


if __name__ == "__main__":
    main()
