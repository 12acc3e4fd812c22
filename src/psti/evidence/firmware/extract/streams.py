"""In-process decompression of single gzip, bzip2, xz and lzma streams, within the limits.

The fast path decompresses these itself (cheaper than starting unblob for each
`.gz`); anything that is not one clean stream is left to unblob.
"""

from __future__ import annotations

import bz2
import lzma
import shutil
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from psti.evidence.firmware.extract.model import LIMIT_REACHED, ExtractionProblem, Limits
from psti.evidence.firmware.extract.tree import relative

CHUNK = 1 << 16
DECOMPRESSORS: dict[str, Callable[[], object]] = {
    "gzip": lambda: zlib.decompressobj(wbits=31),
    "bzip2": bz2.BZ2Decompressor,
    "xz": lambda: lzma.LZMADecompressor(format=lzma.FORMAT_XZ),
    "lzma": lambda: lzma.LZMADecompressor(format=lzma.FORMAT_ALONE),
}
_SUFFIXES = {".gz": "", ".tgz": ".tar", ".bz2": "", ".tbz2": ".tar", ".xz": "", ".txz": ".tar",
             ".lzma": "", ".tlz": ".tar"}


class Budget:
    """The extraction's remaining bytes, files and time, for work done in this process."""

    def __init__(self, limits: Limits, started: float, files: int, total_bytes: int) -> None:
        self.limits, self.started = limits, started
        self.files, self.bytes = files, total_bytes
        self.stopped = False
        self.problems: list[ExtractionProblem] = []

    def exhausted(self) -> bool:
        """True (and the bound reported in self.problems) once a limit is reached."""
        words = None
        if time.monotonic() - self.started > self.limits.max_seconds:
            words = f"extraction took longer than {self.limits.max_seconds:g} s"
        elif self.files >= self.limits.max_files:
            words = f"extracted file count passed {self.limits.max_files:,}"
        elif self.bytes >= self.limits.max_total_bytes:
            words = f"extracted size passed {self.limits.max_total_bytes:,} bytes"
        if words:
            self.stopped = True
            self.problems.append(ExtractionProblem(
                LIMIT_REACHED, f"{words}; extraction stopped, output partial"))
        return words is not None


def _needs_input(d: object) -> bool:
    return bool(getattr(d, "needs_input", True))


def _output_name(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _SUFFIXES and path.stem:
        return path.stem + _SUFFIXES[suffix]
    return path.name + ".uncompressed"


def decompress(path: Path, kind: str, budget: Budget, extract_root: Path) -> Path | Literal[False] | None:
    """Decompress one stream beside path as `<name>_extract/<name without suffix>`.

    Returns the output, None when the data is not one clean stream (unblob should look:
    it may be several streams, data after the end, or damage), or False when a limit cut
    it (reported).
    """
    cap = min(budget.limits.max_file_bytes, budget.limits.max_total_bytes - budget.bytes)
    out_dir = path.parent / f"{path.name}_extract"
    target = out_dir / _output_name(path)
    written = 0
    d = DECOMPRESSORS[kind]()
    clean = False
    try:
        out_dir.mkdir()
    except OSError:
        return None  # the name is taken (by the image's own files): leave it to unblob
    try:
        with path.open("rb") as fi, target.open("xb") as fo:
            data = fi.read(CHUNK)
            while data or not _needs_input(d):
                room = cap - written
                if room <= 0 or time.monotonic() - budget.started > budget.limits.max_seconds:
                    break
                chunk = d.decompress(data, min(CHUNK, room))  # type: ignore[attr-defined]
                fo.write(chunk)
                written += len(chunk)
                if d.eof:  # type: ignore[attr-defined]
                    rest = d.unused_data + fi.read(CHUNK)  # type: ignore[attr-defined]
                    clean = not rest.strip(b"\0") and not fi.read(1)
                    break
                if kind == "gzip":
                    data = d.unconsumed_tail or fi.read(CHUNK)  # type: ignore[attr-defined]
                else:
                    data = fi.read(CHUNK) if _needs_input(d) else b""
    except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError):
        clean = False
    budget.bytes += written
    budget.files += 1
    if not clean and time.monotonic() - budget.started > budget.limits.max_seconds:
        budget.exhausted()  # reports the time bound
        return False
    if written >= cap and not clean:
        budget.problems.append(ExtractionProblem(
            LIMIT_REACHED, f"{kind} output reached the {cap:,}-byte limit and was cut short",
            relative(target, extract_root)))
        return False
    if not clean:
        shutil.rmtree(out_dir, ignore_errors=True)
        budget.files -= 1
        budget.bytes -= written
        return None
    return target
