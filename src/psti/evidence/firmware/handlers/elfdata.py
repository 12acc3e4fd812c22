"""The read-only data of an ELF program: where its string constants are.

Only the section (or, in a stripped program without section headers, segment) table is
read; a damaged or truncated header gives no ranges rather than an error.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

_SHF_WRITE, _SHF_ALLOC, _SHF_EXECINSTR = 0x1, 0x2, 0x4
_PF_X, _PF_W = 0x1, 0x2
_PT_LOAD, _SHT_PROGBITS = 1, 1


class Header(NamedTuple):
    """The fields of an ELF file header that locate its program and section tables."""

    wide: bool  # ELF64
    end: str  # struct byte order: "<" or ">"
    phoff: int
    shoff: int
    phentsize: int
    phnum: int
    shentsize: int
    shnum: int
    shstrndx: int


def header(data: bytes) -> Header | None:
    """The file header, or None when `data` is not a 32- or 64-bit ELF file of either byte
    order (raises struct.error only if it is cut inside the header's first 64 bytes)."""
    if len(data) < 52 or not data.startswith(b"\x7fELF") or data[4] not in (1, 2) or data[5] not in (1, 2):
        return None
    wide, end = data[4] == 2, "<" if data[5] == 1 else ">"
    if wide:
        phoff, shoff = struct.unpack_from(end + "QQ", data, 32)
        rest = struct.unpack_from(end + "HHHHH", data, 54)
    else:
        phoff, shoff = struct.unpack_from(end + "II", data, 28)
        rest = struct.unpack_from(end + "HHHHH", data, 42)
    return Header(wide, end, phoff, shoff, *rest)


def readonly_ranges(data: bytes) -> list[tuple[int, int]]:
    """File ranges (start, end) of allocated, read-only, non-code sections; the
    read-only loadable segments when there is no section table."""
    try:
        h = header(data)
        if h is None:
            return []
        out = _sections(data, h.end, h.wide, h.shoff, h.shentsize, h.shnum, h.shstrndx)
        return out or _segments(data, h.end, h.wide, h.phoff, h.phentsize, h.phnum)
    except struct.error:
        return []


def _clip(data: bytes, start: int, size: int) -> tuple[int, int] | None:
    if start >= len(data) or size <= 0:
        return None
    return start, min(len(data), start + size)


def _section(data: bytes, end: str, wide: bool, at: int) -> tuple[int, int, int, int, int]:
    """name offset, type, flags, file offset, size of the section header at `at`."""
    if wide:
        name, stype, flags, _addr, offset, length = struct.unpack_from(end + "IIQQQQ", data, at)
    else:
        name, stype, flags, _addr, offset, length = struct.unpack_from(end + "IIIIII", data, at)
    return name, stype, flags, offset, length


def _sections(data: bytes, end: str, wide: bool, off: int, size: int, n: int, names_at: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if off == 0 or size < (64 if wide else 40) or n > 4096:
        return out
    names = b""
    if names_at < n:
        _, _, _, noff, nlen = _section(data, end, wide, off + names_at * size)
        names = data[noff : noff + min(nlen, 1 << 16)]
    for i in range(n):
        name, stype, flags, offset, length = _section(data, end, wide, off + i * size)
        readonly = stype == _SHT_PROGBITS and flags & _SHF_ALLOC and not flags & (_SHF_WRITE | _SHF_EXECINSTR)
        label = names[name : names.find(b"\0", name)] if name < len(names) else b""
        # unwinding tables and notes hold no string constants; unnamed sections are kept
        if label.startswith((b".eh_frame", b".gcc_except", b".note", b".interp", b".gnu")):
            continue
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
