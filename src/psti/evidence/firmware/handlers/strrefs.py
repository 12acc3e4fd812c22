"""Does a function refer to one of a set of strings? Answered from its bytes, without
disassembling it, so that only functions that use a credential word are walked.

Each architecture puts a string's address into a register in a few fixed encodings:
x86-64 `lea reg, [rip+disp32]` (and `mov r32, imm32` in programs that are not
position-independent), AArch64 `adrp` + `add #imm12`, ARM32 a literal-pool word holding
the address (or its distance from the `add rN, pc, rN` that uses it), MIPS `addiu` with
the address's low 16 bits. The test may say yes for a function that does not use the
string (then it is walked for nothing); it does not say no for one that does in these
encodings.
"""

from __future__ import annotations

import re
import struct
from bisect import bisect_right
from collections.abc import Callable

from psti.evidence.firmware.handlers.elfcode import Image
from psti.evidence.firmware.handlers.elfdata import readonly_ranges

Ranges = list[tuple[int, int]]  # sorted (start, end) virtual addresses of the strings

_X86_REF = re.compile(rb"[\x48\x4c]\x8d[\x05\x0d\x15\x1d\x25\x2d\x35\x3d](....)|[\xb8-\xbf](....)", re.S)


def string_ranges(img: Image, pattern: re.Pattern[bytes], extra: Callable[[str], bool] | None = None) -> Ranges:
    """Address ranges of the strings in read-only data that match pattern (a lower-case
    pattern, matched against the lower-cased data) or, for strings of 12+ characters of
    the Base64 alphabet, `extra`."""
    out: Ranges = []
    for lo_off, hi_off in readonly_ranges(img.data):
        vaddr = _vaddr(img, lo_off)
        if vaddr is None:
            continue
        data = img.data[lo_off:hi_off]
        for m in pattern.finditer(data.lower()):
            lo = data.rfind(b"\0", max(0, m.start() - 96), m.start())
            hi = data.find(b"\0", m.end(), m.end() + 96)
            if lo != -1 and hi != -1:
                out.append((vaddr + lo + 1, vaddr + hi))
        if extra is not None:
            for m in re.finditer(rb"(?<=\0)[A-Za-z0-9+/= ]{12,96}(?=\0)", data):
                if extra(m.group().decode("ascii")):
                    out.append((vaddr + m.start(), vaddr + m.end()))
    return sorted(set(out))


def _vaddr(img: Image, offset: int) -> int | None:
    for s in img.segments:
        if s.offset <= offset < s.offset + s.size:
            return s.vaddr + offset - s.offset
    return None


class Refs:
    """The strings' addresses in the forms the per-function test looks for."""

    def __init__(self, ranges: Ranges, arch: str) -> None:
        self.ranges = ranges
        addrs = [a for lo, hi in ranges for a in range(lo, hi)] if arch in ("mips", "aarch64") else []
        self.low16 = {a & 0xFFFF for a in addrs}
        self.pages: dict[int, set[int]] = {}
        for a in addrs:
            self.pages.setdefault(a & ~0xFFF, set()).add(a & 0xFFF)


def _inside(ranges: Ranges, addr: int) -> bool:
    i = bisect_right(ranges, (addr, 1 << 64)) - 1
    return i >= 0 and ranges[i][0] <= addr < ranges[i][1]


def _overlaps(ranges: Ranges, lo: int, hi: int) -> bool:
    i = bisect_right(ranges, (lo, 1 << 64)) - 1
    i = max(i, 0)
    while i < len(ranges) and ranges[i][0] < hi:
        if ranges[i][1] > lo:
            return True
        i += 1
    return False


def refers(img: Image, start: int, end: int, refs: Refs) -> bool:
    """Might the function [start, end) put the address of one of the strings in a register?"""
    ranges = refs.ranges
    if not ranges:
        return False
    off = img.offset_of(start, end - start)
    if off is None:
        return True
    code = img.data[off : off + end - start]
    if img.arch == "x86-64":
        for m in _X86_REF.finditer(code):
            if m.group(1) is not None:
                target = start + m.start() + 7 + int.from_bytes(m.group(1), "little", signed=True)
            else:
                target = int.from_bytes(m.group(2), "little")
            if _inside(ranges, target):
                return True
        return False
    words = struct.unpack_from(f"{'>' if img.big_endian else '<'}{len(code) // 4}I", code)
    if img.arch == "mips":
        lows = {w & 0xFFFF for w in words if w >> 26 in (0x09, 0x0D)}  # addiu, ori
        return not lows.isdisjoint(refs.low16)
    if img.arch == "arm":
        for w in words:
            if _inside(ranges, w) or _overlaps(ranges, (w + start + 8) & 0xFFFFFFFF, (w + end + 8) & 0xFFFFFFFF):
                return True
        return False
    pages = {_adrp(start + 4 * i, w) for i, w in enumerate(words) if w & 0x9F000000 == 0x90000000}
    imms = {(w >> 10) & 0xFFF for w in words if w & 0xFFC00000 == 0x91000000}
    return any(not imms.isdisjoint(refs.pages.get(p, ())) for p in pages)


def _adrp(at: int, w: int) -> int:
    imm = ((w >> 29) & 3) | (((w >> 5) & 0x7FFFF) << 2)
    if imm & (1 << 20):
        imm -= 1 << 21
    return (at & ~0xFFF) + (imm << 12)
