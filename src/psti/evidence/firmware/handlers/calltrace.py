"""What each call in a function is passed: a straight-line walk over its instructions.

A deliberately small abstract interpreter over capstone's text output: it knows the
instructions compilers use to put an address into a register (x86-64 `lea reg,[rip+X]`
and `mov reg, imm`; ARM32 literal-pool `ldr rN,[pc,#X]` with `add rN, pc, rN`, and
`movw`/`movt`; AArch64 `adrp`+`add`; MIPS `lui`+`addiu` and `lw rN, X($gp)` from the GOT
then `addiu`), register copies, stack spills and reloads, and calls (direct, through a
PLT stub or through a GOT slot; MIPS delay slots included). Every other instruction that
writes a register makes it unknown. Branches are not followed: the walk is linear, which
is cheap and, for the argument set-up just before a call, nearly always right.

A value is a tuple: ("c", n) a constant, ("m", slot) a word loaded from a constant
address, ("r", site) what the call at `site` returned, ("u", at) something computed at
`at`, ("a", reg) what the register held when the function was entered. Two operands with
the same tuple come from the same place, which is how a dispatch (`strcmp(cmd, "a")`,
`strcmp(cmd, "b")`, …) is told from a user name and a password compared one each.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from psti.evidence.firmware.handlers.elfcode import Image

Value = tuple[str, int]
MAX_INSNS = 4000  # instructions walked per function at most


@dataclass
class Call:
    site: int
    target: str | int  # imported function name, or the address called
    args: tuple[Value | None, ...]  # the first three argument registers


@dataclass
class Trace:
    calls: list[Call] = field(default_factory=list)
    constants: set[int] = field(default_factory=set)  # every constant put into a register
    insns: int = 0


@dataclass(frozen=True)
class _Arch:
    args: tuple[str, ...]
    ret: str
    clobbered: frozenset[str]
    step: int  # smallest instruction size


_X86_ARGS = ("rdi", "rsi", "rdx")
_ARCH = {
    "x86-64": _Arch(_X86_ARGS, "rax",
                    frozenset({"rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"}), 1),
    "arm": _Arch(("r0", "r1", "r2"), "r0", frozenset({"r0", "r1", "r2", "r3", "ip", "lr"}), 4),
    "aarch64": _Arch(("x0", "x1", "x2"), "x0", frozenset({f"x{i}" for i in range(19)} | {"x30"}), 4),
    "mips": _Arch(("$a0", "$a1", "$a2"), "$v0",
                  frozenset({"$v0", "$v1", "$a0", "$a1", "$a2", "$a3", "$at", "$ra"}
                            | {f"$t{i}" for i in range(10)}), 4),
}
_X86_REG = {}
for _r in ("ax", "bx", "cx", "dx", "si", "di", "bp", "sp"):
    for _alias in ("e" + _r, _r, _r[0] + "l" if _r[1] == "x" else _r + "l"):
        _X86_REG[_alias] = "r" + _r
for _n in range(8, 16):
    for _suffix in ("d", "w", "b"):
        _X86_REG[f"r{_n}{_suffix}"] = f"r{_n}"
_HEX = r"(-?(?:0x[0-9a-f]+|\d+))"
_X86_REG64 = re.compile(r"r\d+|r[a-z]{2}")
_NUMBER = re.compile(r"#?-?(0x[0-9a-f]+|\d+)")
_X86_IMM = re.compile(r"0x[0-9a-f]+|\d+")
_X86_RIP = re.compile(r"\[rip ([+-]) (0x[0-9a-f]+|\d+)\]")
_MEM = re.compile(r"^(?:\w+ ptr )?\[([a-z0-9$]+)(?: ([+-]) (0x[0-9a-f]+|\d+))?\]$")
_ARM_MEM = re.compile(r"^\[(\w+)(?:, #" + _HEX + r")?\]!?$")
_MIPS_MEM = re.compile(_HEX + r"?\((\$\w+)\)$")


def _num(s: str) -> int:
    s = s.strip().lstrip("#")
    neg = s.startswith("-")
    v = int(s.lstrip("-"), 0)
    return -v if neg else v


def _operands(op_str: str) -> list[str]:
    if not op_str:
        return []
    if not any(ch in op_str for ch in "[{("):
        return op_str.split(", ")
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in op_str:
        if ch in "[{(":
            depth += 1
        elif ch in "]})":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur).strip())
    return out


class _Walk:
    def __init__(self, img: Image, arch: _Arch, thumb: bool = False) -> None:
        self.img, self.arch, self.thumb = img, arch, thumb
        self.regs: dict[str, Value] = {}
        self.slots: dict[str, tuple[Value, str]] = {}  # stack slot -> value and the register saved there
        self.trace = Trace()
        self.text = ""  # the text of the instruction being walked

    def get(self, reg: str) -> Value:
        return self.regs.get(reg, ("a", int.from_bytes(reg.encode()[:8], "little")))

    def const(self, reg: str, value: int) -> None:
        mask = 0xFFFFFFFFFFFFFFFF if self.img.wide else 0xFFFFFFFF
        value &= mask
        self.regs[reg] = ("c", value)
        self.trace.constants.add(value)

    def unknown(self, reg: str, at: int) -> None:
        """reg was computed by the instruction at `at`; the same expression (same text) at
        two places is taken as the same value, so re-loading a variable keeps its identity."""
        self.regs[reg] = ("u", zlib.crc32(self.text.encode()))

    def call(self, site: int, target: str | int) -> None:
        args = tuple(self.regs.get(r) for r in self.arch.args)
        self.trace.calls.append(Call(site, target, args))
        for r in self.arch.clobbered:
            self.regs.pop(r, None)
        self.regs[self.arch.ret] = ("r", site)

    def spill(self, slot: str, reg: str) -> None:
        self.slots[slot] = (self.get(reg), reg)

    def reload(self, reg: str, slot: str) -> bool:
        """reg loaded from a stack slot: its spilled value. A callee-saved register
        restored from its own save slot (an epilogue) keeps what it holds: the code after a return is
        reached by branches from the body, where it held that, not the caller's value."""
        got = self.slots.get(slot)
        if got is None:
            return False
        if got[1] != reg or reg in self.arch.clobbered:
            self.regs[reg] = got[0]
        return True

    def forget_arguments(self) -> None:
        """After a return or an unconditional jump the next instruction is reached from
        elsewhere: what the argument registers held here says nothing about it."""
        for r in self.arch.clobbered:
            self.regs.pop(r, None)

    def target(self, value: Value | None) -> str | int | None:
        """What an indirect call through a register or a memory slot calls."""
        if value is None:
            return None
        if value[0] == "m":
            return self.img.slots.get(value[1])
        return None


def _load_slot(w: _Walk, reg: str, slot: int) -> None:
    """A word loaded from a constant address: a GOT slot (an import), or a constant."""
    if slot in w.img.slots:
        w.regs[reg] = ("m", slot)
        return
    word = w.img.word(slot)
    if word is None:
        w.regs[reg] = ("m", slot)
    else:
        w.const(reg, word)


_X86_NO_WRITE = frozenset({"cmp", "test", "push", "pop", "bt", "ucomisd", "comisd"})


def _x86(w: _Walk, addr: int, size: int, mnem: str, ops: list[str]) -> None:
    def reg(o: str) -> str | None:
        return _X86_REG.get(o, o if _X86_REG64.fullmatch(o) else None)

    mnem = mnem.removeprefix("bnd ").removeprefix("notrack ")
    dst = reg(ops[0]) if ops else None
    if mnem in ("call", "jmp"):
        if not ops:
            return
        o = ops[0]
        m = _X86_RIP.search(o)
        tgt: str | int | None
        if m:
            slot = addr + size + (int(m.group(2), 0) * (1 if m.group(1) == "+" else -1))
            tgt = w.img.slots.get(slot)
        elif o.startswith("0x") and _X86_IMM.fullmatch(o):
            tgt = int(o, 16)
        else:
            tgt = w.target(w.regs.get(reg(o) or ""))
        if mnem == "call" or isinstance(tgt, str) or (isinstance(tgt, int) and w.img.in_stubs(tgt)):
            w.call(addr, tgt if tgt is not None else -1)
        if mnem == "jmp":
            w.forget_arguments()
        return
    if mnem == "ret":
        w.forget_arguments()
        return
    if mnem in _X86_NO_WRITE or mnem.startswith(("j", "nop", "cmov", "set")):
        if mnem.startswith("cmov") and dst:
            w.unknown(dst, addr)
        return
    if dst is None:
        if len(ops) == 2 and mnem == "mov" and _MEM.match(ops[0]) and (src := reg(ops[1])):
            w.spill(ops[0].split("[", 1)[1], src)  # a spill to the stack
        return
    src = ops[1] if len(ops) > 1 else ""
    if mnem == "lea" and (m := _X86_RIP.search(src)):
        w.const(dst, addr + size + int(m.group(2), 0) * (1 if m.group(1) == "+" else -1))
    elif mnem == "mov" and _X86_IMM.fullmatch(src):
        w.const(dst, int(src, 0))
    elif mnem in ("mov", "movsxd") and reg(src):
        w.regs[dst] = w.get(reg(src) or "")
    elif mnem == "mov" and (m := _X86_RIP.search(src)):
        _load_slot(w, dst, addr + size + int(m.group(2), 0) * (1 if m.group(1) == "+" else -1))
    elif mnem == "mov" and "[" in src and w.reload(dst, src.split("[", 1)[1]):
        pass
    elif mnem == "xor" and reg(src) == dst:
        w.const(dst, 0)
    else:
        w.unknown(dst, addr)


def _arm_imm(ops: list[str]) -> int:
    """An ARM immediate, with its rotation when capstone shows one (`#0, #12`)."""
    value = _num(ops[0]) & 0xFFFFFFFF
    if len(ops) > 1:
        rot = _num(ops[1]) & 31
        value = ((value >> rot) | (value << (32 - rot))) & 0xFFFFFFFF
    return value


def _arm(w: _Walk, addr: int, size: int, mnem: str, ops: list[str]) -> None:
    mnem = mnem.removesuffix(".w").removesuffix(".n")
    if mnem in ("movs", "adds"):
        mnem = mnem[:-1]
    if mnem == "add" and len(ops) == 2:  # Thumb `add rd, rm`: rd += rm
        ops = [ops[0], ops[0], ops[1]]
    base = mnem[:-2] if mnem[-2:] in _ARM_CONDS and mnem[:-2] in _ARM_BASES else mnem
    conditional = base != mnem
    if base in ("bl", "blx"):
        o = ops[0] if ops else ""
        tgt = _num(o) if o.startswith("#") else w.target(w.regs.get(o))
        w.call(addr, tgt if tgt is not None else -1)
        return
    if base in ("b", "bx"):
        o = ops[0] if ops else ""
        if o.startswith("#"):
            t = _num(o)
            if w.img.in_stubs(t) and not conditional:
                w.call(addr, t)  # a tail call through the PLT
        if not conditional:
            w.forget_arguments()
        return
    if base in ("pop", "ldm", "ldmia", "ldmfd") and "pc" in (ops[-1] if ops else ""):
        w.forget_arguments()
        return
    if not ops or base in ("cmp", "cmn", "tst", "teq", "push", "stmdb", "stm", "str", "strb", "strh", "strd", "cbz",
                           "cbnz") or base.startswith("it"):
        if base == "str" and len(ops) == 2 and (m := _ARM_MEM.match(ops[1])) and m.group(1) in ("sp", "r11", "fp"):
            w.spill(ops[1], ops[0])
        return
    if base in ("pop", "ldm", "ldmia", "ldmfd", "vpop"):
        return  # callee-saved registers restored: see _Walk.reload
    dst = ops[0]
    if dst == "pc" and base == "ldr" and len(ops) == 2 and (m := _ARM_MEM.match(ops[1])):
        b = w.regs.get(m.group(1))
        if b and b[0] == "c":
            tgt = w.img.slots.get(b[1] + (_num(m.group(2)) if m.group(2) else 0))
            if tgt is not None:
                w.call(addr, tgt)  # a PLT stub's jump
        w.forget_arguments()
        return
    if conditional:
        w.unknown(dst, addr)
        return
    if base == "ldr" and len(ops) == 2 and (m := _ARM_MEM.match(ops[1])):
        off = _num(m.group(2)) if m.group(2) else 0
        if m.group(1) == "pc":
            _load_slot(w, dst, (((addr + 4) & ~3) if w.thumb else addr + 8) + off)
        elif w.reload(dst, ops[1]):
            pass
        else:
            b = w.regs.get(m.group(1))
            if b and b[0] == "c" and (b[1] + off) in w.img.slots:
                w.regs[dst] = ("m", b[1] + off)
            else:
                w.unknown(dst, addr)
    elif base == "mov" and len(ops) == 2:
        if ops[1].startswith("#"):
            w.const(dst, _num(ops[1]))
        else:
            w.regs[dst] = w.get(ops[1])
    elif base == "movw" and len(ops) == 2:
        w.const(dst, _num(ops[1]) & 0xFFFF)
    elif base == "movt" and len(ops) == 2:
        low = w.regs.get(dst)
        w.const(dst, ((_num(ops[1]) & 0xFFFF) << 16) | (low[1] & 0xFFFF if low and low[0] == "c" else 0))
    elif base == "add" and len(ops) >= 3:
        av = _arm_value(w, addr, ops[1])
        bv = _arm_imm(ops[2:]) if ops[2].startswith("#") else _arm_value(w, addr, ops[2])
        if av is not None and bv is not None:
            w.const(dst, av + bv)
        else:
            w.unknown(dst, addr)
    else:
        w.unknown(dst, addr)


def _arm_value(w: _Walk, addr: int, reg: str) -> int | None:
    """A register's constant value (pc reads as the instruction's address + 8)."""
    if reg == "pc":
        return addr + (4 if w.thumb else 8)
    v = w.regs.get(reg)
    return v[1] if v is not None and v[0] == "c" else None


_ARM_CONDS = {"eq", "ne", "cs", "hs", "cc", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al"}
_ARM_BASES = {"b", "bl", "blx", "bx", "mov", "ldr", "add", "pop", "ldm", "str", "cmp", "movw", "movt", "mvn", "sub",
              "orr", "and", "eor", "ldrb", "strb", "cmn", "tst", "lsl", "lsr", "asr"}


def _aarch64_reg(o: str) -> str:
    return "x" + o[1:] if re.fullmatch(r"w\d+", o) else o


def _aarch64(w: _Walk, addr: int, size: int, mnem: str, ops: list[str]) -> None:
    ops = [_aarch64_reg(o) for o in ops]
    if mnem in ("bl", "blr"):
        o = ops[0] if ops else ""
        tgt = _num(o) if o.startswith("#") else w.target(w.regs.get(o))
        w.call(addr, tgt if tgt is not None else -1)
        return
    if mnem in ("b", "br"):
        o = ops[0] if ops else ""
        tgt2: str | int | None = _num(o) if o.startswith("#") else w.target(w.regs.get(o))
        if isinstance(tgt2, str) or (isinstance(tgt2, int) and w.img.in_stubs(tgt2)):
            w.call(addr, tgt2)
        w.forget_arguments()
        return
    if mnem == "ret":
        w.forget_arguments()
        return
    if not ops or mnem in ("cmp", "cmn", "tst", "stp", "strb", "strh", "sturb") or mnem.startswith(("b.", "cb", "tb")):
        return
    if mnem in ("str", "stur") and len(ops) == 2 and ops[1].startswith(("[sp", "[x29")):
        w.spill(ops[1], ops[0])
        return
    if mnem == "ldp" and len(ops) >= 3 and ops[2].startswith("[sp"):
        return  # callee-saved registers restored: see _Walk.reload
    dst = ops[0]
    if mnem in ("adrp", "adr") and len(ops) == 2:
        w.const(dst, _num(ops[1]))
    elif mnem == "add" and len(ops) == 3 and ops[2].startswith("#"):
        a = w.regs.get(ops[1])
        if a and a[0] == "c":
            w.const(dst, a[1] + _num(ops[2]))
        else:
            w.unknown(dst, addr)
    elif mnem == "mov" and len(ops) == 2:
        if ops[1].startswith("#"):
            w.const(dst, _num(ops[1]))
        else:
            w.regs[dst] = w.get(ops[1])
    elif mnem in ("ldr", "ldur") and len(ops) == 2:
        m = re.fullmatch(r"\[(\w+)(?:, #" + _HEX + r")?\]", ops[1])
        b = w.regs.get(m.group(1)) if m else None
        if w.reload(dst, ops[1]):
            pass
        elif m and b and b[0] == "c":
            _load_slot(w, dst, b[1] + (_num(m.group(2)) if m.group(2) else 0))
        else:
            w.unknown(dst, addr)
    else:
        w.unknown(dst, addr)


_MIPS_CALLS = ("jal", "jalr", "bal", "jalx")
_MIPS_JUMPS = ("j", "jr", "b")


def _mips(w: _Walk, addr: int, size: int, mnem: str, ops: list[str]) -> None:
    if mnem in _MIPS_CALLS or mnem in _MIPS_JUMPS:
        return  # handled with its delay slot by the walk
    if not ops or mnem.startswith(("b", "s", "t")) and mnem not in ("subu", "sll", "srl", "sra", "slt", "sltu",
                                                                    "slti", "sltiu", "sllv", "srlv", "sub"):
        if mnem == "sw" and len(ops) == 2 and ops[1].endswith("($sp)"):
            w.spill(ops[1], ops[0])
        return
    dst = ops[0]
    if dst == "$gp" or dst == "$zero":
        return  # $gp is taken as the GOT pointer throughout
    if mnem == "lui" and len(ops) == 2:
        w.const(dst, (_num(ops[1]) & 0xFFFF) << 16)
    elif mnem in ("addiu", "addi", "ori") and len(ops) == 3:
        a = w.regs.get(ops[1])
        if ops[1] == "$zero":
            w.const(dst, _num(ops[2]))
        elif a and a[0] == "c":
            w.const(dst, (a[1] | _num(ops[2])) if mnem == "ori" else a[1] + _num(ops[2]))
        else:
            w.unknown(dst, addr)
    elif mnem in ("move", "or", "addu") and (len(ops) == 2 or ops[2] == "$zero"):
        w.regs[dst] = w.get(ops[1])
    elif mnem == "lw" and len(ops) == 2 and (m := _MIPS_MEM.match(ops[1])):
        off = _num(m.group(1)) if m.group(1) else 0
        if m.group(2) == "$gp" and w.img.gp is not None:
            _load_slot(w, dst, w.img.gp + off)
        elif w.reload(dst, ops[1]):
            pass
        else:
            b = w.regs.get(m.group(2))
            if b and b[0] == "c":
                _load_slot(w, dst, b[1] + off)
            else:
                w.unknown(dst, addr)
    elif mnem == "li" and len(ops) == 2:
        w.const(dst, _num(ops[1]))
    else:
        w.unknown(dst, addr)


def _mips_transfer(w: _Walk, addr: int, mnem: str, ops: list[str]) -> None:
    """A MIPS call or jump, applied after its delay slot."""
    o = ops[-1] if ops else ""
    tgt: str | int | None
    if o.startswith("$"):
        tgt = w.target(w.regs.get(o))
        if o == "$ra" and mnem == "jr":
            w.forget_arguments()
            return
    else:
        tgt = _num(o)
    if mnem in _MIPS_CALLS:
        w.call(addr, tgt if tgt is not None else -1)
    elif isinstance(tgt, str):
        w.call(addr, tgt)  # a tail call through the GOT
        w.forget_arguments()
    elif mnem in ("j", "jr") or (mnem == "b" and isinstance(tgt, int) and w.img.in_stubs(tgt)):
        if isinstance(tgt, int) and w.img.in_stubs(tgt):
            w.call(addr, tgt)
        w.forget_arguments()


_STEP = {"x86-64": _x86, "arm": _arm, "aarch64": _aarch64, "mips": _mips}
_CS: dict[tuple[str, bool], object] = {}


def _disassembler(img: Image, thumb: bool = False) -> object:
    import capstone

    key = (img.arch + ("-thumb" if thumb else ""), img.big_endian)
    md = _CS.get(key)
    if md is None:
        arch, mode = {
            "x86-64": (capstone.CS_ARCH_X86, capstone.CS_MODE_64),
            "arm": (capstone.CS_ARCH_ARM, capstone.CS_MODE_ARM),
            "arm-thumb": (capstone.CS_ARCH_ARM, capstone.CS_MODE_THUMB),
            "aarch64": (capstone.CS_ARCH_ARM64, capstone.CS_MODE_ARM),
            "mips": (capstone.CS_ARCH_MIPS, capstone.CS_MODE_MIPS32),
        }[key[0]]
        if img.big_endian:
            mode |= capstone.CS_MODE_BIG_ENDIAN
        md = _CS[key] = capstone.Cs(arch, mode)
    return md


def _instructions(img: Image, start: int, end: int, limit: int,
                  thumb: bool = False) -> Iterator[tuple[int, int, str, str]]:
    """Instructions from start to end; undecodable bytes are stepped over."""
    md = _disassembler(img, thumb)
    step = 2 if thumb else _ARCH[img.arch].step
    off = img.offset_of(start, max(1, end - start))
    if off is None:
        return
    code = img.data[off : off + end - start]
    pos, n = 0, 0
    while pos < len(code) and n < limit:
        for insn in md.disasm_lite(code[pos:], start + pos):  # type: ignore[attr-defined]
            yield insn
            n += 1
            pos = insn[0] + insn[1] - start
            if n >= limit:
                return
        pos += step  # capstone stopped at bytes it cannot decode: step over them


_ARM_RETURN = re.compile(r"^(bx(..)?|pop(..)?|ldm\w*)$")


def _branch(arch: str, mnem: str, ops: list[str]) -> tuple[int | None, bool] | None:
    """(target, unconditional) of a branch, jump or return; None for anything else."""
    last = ops[-1] if ops else ""
    num = _num(last) if _NUMBER.fullmatch(last) else None
    if arch == "x86-64":
        mnem = mnem.removeprefix("bnd ").removeprefix("notrack ")
        if mnem == "ret":
            return None, True
        return (num, mnem == "jmp") if mnem.startswith("j") else None
    if arch == "arm":
        mnem = mnem.removesuffix(".w").removesuffix(".n")
        if mnem in ("cbz", "cbnz"):
            return num, False
        base = mnem[:-2] if mnem[-2:] in _ARM_CONDS and mnem[:-2] in _ARM_BASES else mnem
        if base == "b":
            return num, base == mnem
        if (base in ("bx", "pop", "ldm", "ldmia", "ldmfd") and "pc" in last) or (base == "bx" and last == "lr") \
                or (base == "ldr" and ops and ops[0] == "pc"):
            return None, base == mnem
        return None
    if arch == "aarch64":
        if mnem in ("ret", "br"):
            return None, True
        if mnem == "b":
            return num, True
        return (num, False) if mnem.startswith(("b.", "cbz", "cbnz", "tbz", "tbnz")) else None
    if mnem in ("jr",):
        return None, True
    if mnem in ("b", "j"):
        return num, True
    if mnem.startswith("b") and mnem not in ("bal", "break") and not mnem.startswith("bal"):
        return num, False
    return None


def _merge(a: dict[str, Value], b: dict[str, Value], at: int) -> dict[str, Value]:
    """Register values where two paths meet: what both agree on; an input on one path and
    a constant on the other (`argc > 1 ? argv[1] : ""`) is the input; the rest is new at `at`."""
    out: dict[str, Value] = {}
    for k in a.keys() & b.keys():
        x, y = a[k], b[k]
        out[k] = x if x == y else y if x[0] == "c" else x if y[0] == "c" else ("u", at)
    return out


def walk(img: Image, start: int, end: int, limit: int = MAX_INSNS, thumb: bool = False) -> Trace:
    """Walk the function [start, end) once and record every call with its arguments.

    Forward branches carry their register values to their targets, so the code after
    a return or jump sees what held on the branch that leads to it."""
    arch = _ARCH[img.arch]
    w = _Walk(img, arch, thumb)
    step = _STEP[img.arch]
    mips = img.arch == "mips"
    pending: tuple[int, str, list[str]] | None = None
    joins: dict[int, dict[str, Value]] = {}
    dead = False
    for addr, size, mnem, op_str in _instructions(img, start, end, limit, thumb):
        w.trace.insns += 1
        if addr in joins:
            came = joins.pop(addr)
            w.regs = dict(came) if dead else _merge(w.regs, came, addr)
        dead = False
        ops = _operands(op_str)
        w.text = mnem + " " + op_str
        try:
            step(w, addr, size, mnem, ops)
        except ValueError:
            if ops:
                w.regs.pop(ops[0], None)
        if pending is not None:
            p_addr, p_mnem, p_ops = pending
            pending = None
            br = _branch(img.arch, p_mnem, p_ops)
            if br is not None:
                dead = _join(joins, br, p_addr, end, w.regs)
            _mips_transfer(w, p_addr, p_mnem, p_ops)
            continue
        if mips and (mnem in _MIPS_CALLS or _branch("mips", mnem, ops) is not None):
            pending = (addr, mnem, ops)
            continue
        br = _branch(img.arch, mnem, ops)
        if br is not None:
            dead = _join(joins, br, addr, end, w.regs)
    return w.trace


def _join(joins: dict[int, dict[str, Value]], br: tuple[int | None, bool], at: int, end: int,
          regs: dict[str, Value]) -> bool:
    """Record the registers a forward branch takes to its target; True if nothing falls through."""
    target, unconditional = br
    if target is not None and at < target < end:
        joins[target] = _merge(joins[target], regs, target) if target in joins else dict(regs)
    return unconditional


_STUB_LEAD = {"x86-64": None, "aarch64": 12, "arm": 8, "mips": 8}


def compare_stubs(img: Image) -> dict[int, str | None]:
    """PLT stub address -> the imported function (of those in img.slots) it jumps to.
    One walk over the stub sections; a stub starts 16-byte aligned (x86-64), 12 bytes
    before its `br` (AArch64), 8 before its `ldr pc` (ARM) or its `jr $t9` (MIPS)."""
    out: dict[int, str | None] = {}
    if img.arch == "x86-64":
        return _x86_stubs(img)
    for lo, hi in img.stubs:
        if hi - lo > 1 << 20:
            continue
        for c in walk(img, lo, hi, limit=1 << 18).calls:
            if not isinstance(c.target, str):
                continue
            lead = _STUB_LEAD[img.arch]
            start = lo + (c.site - lo) // 16 * 16 if lead is None else c.site - lead
            out[start] = c.target
            if img.arch == "arm" and img.read(start - 4, 2) == b"\x78\x47":
                out[start - 4] = c.target  # the `bx pc` entry Thumb callers use
    return out


_X86_JMP_SLOT = re.compile(rb"\xff\x25(....)", re.S)  # jmp [rip+disp32] (bnd- and notrack-prefixed too)


def _x86_stubs(img: Image) -> dict[int, str | None]:
    """x86-64 PLT entries are 16 bytes; each jumps through its GOT slot with `jmp [rip+X]`."""
    out: dict[int, str | None] = {}
    for lo, hi in img.stubs:
        off = img.offset_of(lo, hi - lo)
        if off is None:
            continue
        for m in _X86_JMP_SLOT.finditer(img.data, off, off + hi - lo):
            at = lo + m.start() - off
            name = img.slots.get(at + 6 + int.from_bytes(m.group(1), "little", signed=True))
            if name is not None:
                out[lo + (at - lo) // 16 * 16] = name
    return out
