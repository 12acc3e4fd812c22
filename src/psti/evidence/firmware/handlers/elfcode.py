"""An ELF program as the comparison analysis needs it: its code, its read-only strings,
where its imported functions are called through, and where its functions start.

Read with struct from the program's headers, loadable segments and dynamic section, so a
stripped program (and one whose section table was removed) is read the same way. Only
dynamically linked programs name the library functions they call; a static program
gives no imports and is not analysed.
"""

from __future__ import annotations

import re
import struct
from bisect import bisect_right
from dataclasses import dataclass, field

from psti.evidence.firmware.handlers.elfdata import header

_PRINTABLE = re.compile(rb"[\x20-\x7e]{1,96}+")


@dataclass
class Segment:
    vaddr: int
    offset: int
    size: int  # bytes present in the file
    executable: bool
    writable: bool


@dataclass
class Image:
    """The parts of one ELF program the analysis reads."""

    data: bytes
    arch: str  # x86-64, mips, arm, aarch64
    big_endian: bool
    wide: bool
    segments: list[Segment]
    slots: dict[int, str] = field(default_factory=dict)  # GOT slot address -> imported function
    stubs: list[tuple[int, int]] = field(default_factory=list)  # PLT ranges (start, end)
    gp: int | None = None  # MIPS: the global pointer's value (GOT + 0x7ff0)
    starts: list[int] = field(default_factory=list)  # known function starts, sorted
    table_starts: set[int] = field(default_factory=set)  # from unwind tables and symbols
    thumb_starts: list[int] | None = None  # for Thumb code, found when first needed
    code: list[tuple[int, int]] = field(default_factory=list)  # executable ranges (vaddr start, end)

    def offset_of(self, addr: int, length: int = 1) -> int | None:
        for s in self.segments:
            if s.vaddr <= addr and addr + length <= s.vaddr + s.size:
                return s.offset + addr - s.vaddr
        return None

    def read(self, addr: int, length: int) -> bytes | None:
        off = self.offset_of(addr, length)
        return None if off is None else self.data[off : off + length]

    def read_upto(self, addr: int, length: int) -> bytes:
        """Up to `length` bytes from addr, as far as the segment holding addr goes."""
        for s in self.segments:
            if s.vaddr <= addr < s.vaddr + s.size:
                off = s.offset + addr - s.vaddr
                return self.data[off : off + min(length, s.vaddr + s.size - addr)]
        return b""

    def word(self, addr: int) -> int | None:
        size = 8 if self.wide else 4
        raw = self.read(addr, size)
        if raw is None:
            return None
        return int.from_bytes(raw, "big" if self.big_endian else "little")

    def string(self, addr: int) -> str | None:
        """The printable NUL-terminated string at addr in read-only, non-code memory."""
        for s in self.segments:
            if s.vaddr <= addr < s.vaddr + s.size:
                if s.writable:
                    return None
                break
        else:
            return None
        off = self.offset_of(addr)
        if off is None or (off > 0 and 0x20 <= self.data[off - 1] <= 0x7E):
            return None  # not the start of a string
        m = _PRINTABLE.match(self.data, off)
        if m is None or self.data[m.end() : m.end() + 1] != b"\0":
            return None
        return m.group().decode("ascii")

    def in_stubs(self, addr: int) -> bool:
        return any(lo <= addr < hi for lo, hi in self.stubs)

    def function_of(self, addr: int, thumb: bool = False) -> tuple[int, int]:
        """The known function start at or before addr and the next start (or the end of
        its code range); Thumb code has its own prologues."""
        lo_code, hi_code = next(((lo, hi) for lo, hi in self.code if lo <= addr < hi), (addr, addr + 4))
        starts = self.starts
        if thumb:
            if self.thumb_starts is None:
                self.thumb_starts = sorted(self.table_starts | thumb_prologues(self))
            starts = self.thumb_starts
        i = bisect_right(starts, addr)
        start = starts[i - 1] if i else lo_code
        end = starts[i] if i < len(starts) else hi_code
        if start not in self.table_starts:  # a guessed prologue: compilers schedule a few loads before it
            start = max(start - 16, starts[i - 2] if i >= 2 else lo_code)
        return max(start, lo_code), min(end, hi_code)


def imported_names(data: bytes, names: tuple[bytes, ...]) -> bool:
    """A cheap look before parsing: does the program's string table name any of them?"""
    return any(b"\0" + n + b"\0" in data for n in names)


_MACHINES = {62: "x86-64", 8: "mips", 40: "arm", 183: "aarch64"}
_PT_LOAD, _PT_DYNAMIC, _PT_GNU_EH_FRAME, _PT_ARM_EXIDX = 1, 2, 0x6474E550, 0x70000001


@dataclass
class _Section:
    name: str
    type: int
    flags: int
    addr: int
    offset: int
    size: int


def load(data: bytes, wanted: frozenset[str]) -> Image | None:
    """The program's image, or None when it is not a dynamically linked program of a
    supported architecture that imports one of the functions in `wanted` (or cannot be read)."""
    try:
        return _load(data, wanted)
    except (struct.error, ValueError, IndexError, OverflowError):
        return None


def _load(data: bytes, wanted: frozenset[str]) -> Image | None:
    h = header(data)
    if h is None:
        return None
    wide, end = h.wide, h.end
    arch = _MACHINES.get(struct.unpack_from(end + "H", data, 18)[0])
    if arch is None or (arch == "mips" and wide):
        return None
    phoff, shoff, phentsize, phnum = h.phoff, h.shoff, h.phentsize, h.phnum
    shentsize, shnum, shstrndx = h.shentsize, h.shnum, h.shstrndx
    headers = []  # (type, flags, offset, vaddr, filesz)
    for i in range(min(phnum, 256)):
        at = phoff + i * phentsize
        if wide:
            ptype, flags, offset, vaddr, _p, filesz = struct.unpack_from(end + "IIQQQQ", data, at)
        else:
            ptype, offset, vaddr, _p, filesz, _m, flags = struct.unpack_from(end + "IIIIIII", data, at)
        headers.append((ptype, flags, offset, vaddr, filesz))
    segs = [Segment(v, o, min(f, max(0, len(data) - o)), bool(fl & 1), bool(fl & 2))
            for t, fl, o, v, f in headers if t == _PT_LOAD]
    img = Image(data, arch, end == ">", wide, segs)
    sections = _sections(data, end, wide, shoff, shentsize, shnum, shstrndx)
    img.code = _code_ranges(sections, img)
    dyn = next((h for h in headers if h[0] == _PT_DYNAMIC), None)
    if dyn is None:
        return None
    _imports(dyn[2], dyn[4], img, wanted)
    if not img.slots:
        return None
    starts: set[int] = set()
    for t, _fl, _o, vaddr, filesz in headers:
        if t == _PT_GNU_EH_FRAME:
            starts |= _eh_frame_hdr(img, vaddr, filesz)
        elif t == _PT_ARM_EXIDX and arch == "arm":
            starts |= _arm_exidx(img, vaddr, filesz)
    img.table_starts = starts | _symbol_starts(data, end, wide, sections)
    if not starts or arch == "arm":  # no unwind table (MIPS, old toolchains; ARM's covers few): prologues too
        starts |= _prologues(img)
    img.starts = sorted(starts | img.table_starts)
    return img


def _sections(data: bytes, end: str, wide: bool, off: int, size: int, n: int, names_at: int) -> list[_Section]:
    if off == 0 or n == 0 or n > 4096 or size < (64 if wide else 40):
        return []
    raw = []
    for i in range(n):
        at = off + i * size
        if wide:
            name, stype, flags, addr, offset, length = struct.unpack_from(end + "IIQQQQ", data, at)
        else:
            name, stype, flags, addr, offset, length = struct.unpack_from(end + "IIIIII", data, at)
        raw.append((name, stype, flags, addr, offset, length))
    names = b""
    if names_at < n:
        names = data[raw[names_at][4] : raw[names_at][4] + min(raw[names_at][5], 1 << 16)]
    out = []
    for name, stype, flags, addr, offset, length in raw:
        label = names[name : names.find(b"\0", name)].decode("ascii", "replace") if name < len(names) else ""
        out.append(_Section(label, stype, flags, addr, offset, length))
    return out


def _code_ranges(sections: list[_Section], img: Image) -> list[tuple[int, int]]:
    """.text-like sections when there is a section table, executable segments otherwise."""
    out: list[tuple[int, int]] = []
    for s in sections:
        if s.flags & 0x4 and s.type == 1 and s.name not in (".init", ".fini"):
            if s.name.startswith((".plt", ".MIPS.stubs", ".iplt")):
                img.stubs.append((s.addr, s.addr + s.size))
            else:
                out.append((s.addr, s.addr + s.size))
    if not sections:
        out = [(s.vaddr, s.vaddr + s.size) for s in img.segments if s.executable]
        img.stubs = list(out)  # stubs are somewhere in the code: resolve any call target
    return sorted(out)


def _symbol_starts(data: bytes, end: str, wide: bool, sections: list[_Section]) -> set[int]:
    """Function symbols of .symtab and .dynsym (a program not stripped, or exported functions)."""
    out: set[int] = set()
    size = 24 if wide else 16
    fmt = end + ("IBBHQQ" if wide else "IIIBBH")
    for s in sections:
        if s.type not in (2, 11) or s.size > 64 << 20:
            continue
        table = data[s.offset : s.offset + s.size]
        for entry in struct.iter_unpack(fmt, table[: len(table) - len(table) % size]):
            info, value = (entry[1], entry[4]) if wide else (entry[3], entry[1])
            if info & 0xF == 2 and value:
                out.add(value & ~1)
    return out


_DT = {"DT_PLTGOT": 3, "DT_STRTAB": 5, "DT_SYMTAB": 6, "DT_RELA": 7, "DT_RELASZ": 8, "DT_STRSZ": 10, "DT_REL": 17,
       "DT_RELSZ": 18, "DT_PLTRELSZ": 2, "DT_PLTREL": 20, "DT_JMPREL": 23, "DT_MIPS_LOCAL_GOTNO": 0x7000000A,
       "DT_MIPS_SYMTABNO": 0x70000011, "DT_MIPS_GOTSYM": 0x70000013}


def _imports(dyn_offset: int, dyn_size: int, img: Image, wanted: frozenset[str]) -> None:
    """GOT slot -> name, for the imported functions in `wanted`: from the relocations
    (for MIPS from the global part of the GOT, which has none). Read with struct from the
    dynamic section: a library has tens of thousands of relocations."""
    end = ">" if img.big_endian else "<"
    word = "Q" if img.wide else "I"
    raw = img.data[dyn_offset : dyn_offset + dyn_size]
    tags: dict[int, int] = {}
    for tag, val in struct.iter_unpack(end + word * 2, raw[: len(raw) - len(raw) % (16 if img.wide else 8)]):
        if tag == 0:
            break
        tags.setdefault(tag, val)
    strtab, symtab = tags.get(_DT["DT_STRTAB"]), tags.get(_DT["DT_SYMTAB"])
    if strtab is None or symtab is None:
        return
    strsz = tags.get(_DT["DT_STRSZ"], 1 << 20)
    symsize = 24 if img.wide else 16
    count = (strtab - symtab) // symsize if strtab > symtab else 1 << 16
    if img.arch == "mips":
        count = tags.get(_DT["DT_MIPS_SYMTABNO"], count)
    dynstr = img.read_upto(strtab, min(strsz, 1 << 22))
    syms = img.read_upto(symtab, min(count, 1 << 18) * symsize)
    # the wanted names' offsets in the string table, then the undefined symbols that name them
    index: dict[int, str] = {}
    shndx_at = 6 if img.wide else 14
    for n in wanted:
        at = dynstr.find(b"\0" + n.encode() + b"\0")
        if at == -1:
            continue
        packed = struct.pack(end + "I", at + 1)
        j = syms.find(packed)
        while j != -1:
            if j % symsize == 0 and struct.unpack_from(end + "H", syms, j + shndx_at)[0] == 0:
                index[j // symsize] = n
            j = syms.find(packed, j + 1)
    if not index:
        return
    for addr_tag, size_tag in (("DT_JMPREL", "DT_PLTRELSZ"), ("DT_RELA", "DT_RELASZ"), ("DT_REL", "DT_RELSZ")):
        addr, size = tags.get(_DT[addr_tag]), tags.get(_DT[size_tag])
        if addr is None or size is None:
            continue
        with_addend = addr_tag == "DT_RELA" or (addr_tag == "DT_JMPREL" and tags.get(_DT["DT_PLTREL"]) == 7)
        table = img.read_upto(addr, min(size, 1 << 24))
        for idx, n in index.items():
            for offset in _relocations_of(table, idx, img.wide, end, with_addend):
                img.slots.setdefault(offset, n)
    if img.arch != "mips":
        return
    got, local = tags.get(_DT["DT_PLTGOT"]), tags.get(_DT["DT_MIPS_LOCAL_GOTNO"])
    first = tags.get(_DT["DT_MIPS_GOTSYM"])
    if got is None or local is None or first is None:
        return
    img.gp = got + 0x7FF0
    for i, n in index.items():
        if i >= first:
            img.slots[got + 4 * (local + i - first)] = n


def _relocations_of(table: bytes, idx: int, wide: bool, end: str, with_addend: bool) -> list[int]:
    """r_offset of the relocations in `table` whose symbol is `idx`: the symbol index is
    searched for as bytes at its place in r_info, not every relocation unpacked."""
    out = []
    if wide:  # r_info = sym << 32 | type, a 64-bit word after r_offset
        entry, key = (24 if with_addend else 16), struct.pack(end + "I", idx)
        at = 12 if end == "<" else 8
    else:  # r_info = sym << 8 | type, a 32-bit word after r_offset
        entry = 12 if with_addend else 8
        key = struct.pack("<I", idx)[:3] if end == "<" else struct.pack(">I", idx)[1:]
        at = 5 if end == "<" else 4
    j = table.find(key)
    while j != -1:
        if (j - at) % entry == 0 and j >= at:
            out.append(struct.unpack_from(end + ("Q" if wide else "I"), table, j - at)[0])
        j = table.find(key, j + 1)
    return out


def _eh_frame_hdr(img: Image, addr: int, size: int) -> set[int]:
    """Function starts from the binary search table of .eh_frame_hdr (datarel sdata4)."""
    raw = img.read(addr, size)
    if raw is None or len(raw) < 12 or raw[0] != 1 or raw[2] != 0x03 or raw[3] != 0x3B:
        return set()
    end = ">" if img.big_endian else "<"
    count = struct.unpack_from(end + "I", raw, 8)[0]
    count = min(count, (len(raw) - 12) // 8)
    return {addr + struct.unpack_from(end + "i", raw, 12 + 8 * i)[0] for i in range(count)}


def _arm_exidx(img: Image, addr: int, size: int) -> set[int]:
    raw = img.read(addr, size)
    if raw is None:
        return set()
    end = ">" if img.big_endian else "<"
    out = set()
    for i in range(len(raw) // 8):
        word = struct.unpack_from(end + "I", raw, 8 * i)[0] & 0x7FFFFFFF
        rel = word - (1 << 31) if word & (1 << 30) else word
        out.add((addr + 8 * i + rel) & 0xFFFFFFFF)
    return out


# prologues, for programs without an unwind table: MIPS `lui $gp` or `addiu $sp,$sp,-N`,
# ARM `push {..., lr}`, AArch64 `stp x29, x30, [sp, #-N]!`
_PROLOGUE = {
    ("mips", True): re.compile(rb"\x3c\x1c..|\x27\xbd[\x80-\xff]."),
    ("mips", False): re.compile(rb"..\x1c\x3c|.[\x80-\xff]\xbd\x27"),
    ("arm", False): re.compile(rb".[\x40-\x7f\xc0-\xff]\x2d\xe9"),
    ("aarch64", False): re.compile(rb"\xfd\x7b[\x80-\xbf]\xa9"),
}


_THUMB_PROLOGUE = re.compile(rb".\xb5|\x2d\xe9.[\x40-\x5f]")  # push {..., lr}, push.w {..., lr}


def _prologues(img: Image) -> set[int]:
    rx = _PROLOGUE.get((img.arch, img.big_endian))
    return set() if rx is None else _aligned_matches(img, rx, 4)


def thumb_prologues(img: Image) -> set[int]:
    return _aligned_matches(img, _THUMB_PROLOGUE, 2)


def _aligned_matches(img: Image, rx: re.Pattern[bytes], align: int) -> set[int]:
    out: set[int] = set()
    for lo, hi in img.code:
        off = img.offset_of(lo, hi - lo)
        if off is None:
            continue
        last = -64
        for m in rx.finditer(img.data, off, off + hi - lo):
            if (m.start() - off) % align == 0 and m.start() - last > 16:
                out.add(lo + m.start() - off)
                last = m.start()
    return out
