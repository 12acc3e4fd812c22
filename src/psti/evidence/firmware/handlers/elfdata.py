"""The read-only data of an ELF program: where its string constants are.

Only the section (or, in a stripped program without section headers, segment) table is
read; a damaged or truncated header gives no ranges rather than an error.
"""

from __future__ import annotations

import struct

_SHF_WRITE, _SHF_ALLOC, _SHF_EXECINSTR = 0x1, 0x2, 0x4
_PF_X, _PF_W = 0x1, 0x2
_PT_LOAD, _SHT_PROGBITS = 1, 1


def readonly_ranges(data: bytes) -> list[tuple[int, int]]:
    """File ranges (start, end) of allocated, read-only, non-code sections; the
    read-only loadable segments when there is no section table."""
    if len(data) < 52 or not data.startswith(b"\x7fELF") or data[4] not in (1, 2) or data[5] not in (1, 2):
        return []
    wide, end = data[4] == 2, "<" if data[5] == 1 else ">"
    try:
        if wide:
            phoff, shoff = struct.unpack_from(end + "QQ", data, 32)
            phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", data, 54)
        else:
            phoff, shoff = struct.unpack_from(end + "II", data, 28)
            phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", data, 42)
        out = _sections(data, end, wide, shoff, shentsize, shnum)
        return out or _segments(data, end, wide, phoff, phentsize, phnum)
    except struct.error:
        return []


def _clip(data: bytes, start: int, size: int) -> tuple[int, int] | None:
    if start >= len(data) or size <= 0:
        return None
    return start, min(len(data), start + size)


def _sections(data: bytes, end: str, wide: bool, off: int, size: int, n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if off == 0 or size < (64 if wide else 40) or n > 4096:
        return out
    for i in range(n):
        at = off + i * size
        if wide:
            _name, stype, flags, _addr, offset, length = struct.unpack_from(end + "IIQQQQ", data, at)
        else:
            _name, stype, flags, _addr, offset, length = struct.unpack_from(end + "IIIIII", data, at)
        readonly = stype == _SHT_PROGBITS and flags & _SHF_ALLOC and not flags & (_SHF_WRITE | _SHF_EXECINSTR)
        if readonly and (r := _clip(data, offset, length)):
            out.append(r)
    return out


def _segments(data: bytes, end: str, wide: bool, off: int, size: int, n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if off == 0 or size < (56 if wide else 32) or n > 4096:
        return out
    for i in range(n):
        at = off + i * size
        if wide:
            ptype, flags, offset, _v, _p, filesz = struct.unpack_from(end + "IIQQQQ", data, at)
        else:
            ptype, offset, _v, _p, filesz, _m, flags = struct.unpack_from(end + "IIIIIII", data, at)
        if ptype == _PT_LOAD and not flags & _PF_W and (r := _clip(data, offset, filesz)):
            out.append(r)
    return out
