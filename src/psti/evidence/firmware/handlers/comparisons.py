"""Passwords a program compares its input with: the constant operands of string
comparisons in authentication code.

A web server that checks `strcmp(user, "admin") == 0 && strcmp(pw, "Xq7-vendorPw") == 0`
keeps both constants in read-only data with no prompt beside them, and the password
need not be in any public list. This handler finds the calls to strcmp, strncmp,
strcasecmp, strncasecmp, memcmp, bcmp, strstr and strcasestr (through the PLT or the GOT
of a dynamically linked program), walks each calling function once (`calltrace`), and
reads which argument registers held the address of a constant string.

It reports a constant only on an authentication path, decided conservatively:
- a default user name (a well-known one such as admin, root, support, or one the
  corpus lists, not an everyday word such as "default") and then a password-like
  constant, compared one after the other with two different inputs, in a function
  that uses a credential word as a string (password, passwd, pwd, username, login,
  Authorization, Basic...) or whose password operand is the value read for one; or
- a password-like constant compared with what a call given a password word returned
  (`strcmp(get_var("password"), "...")`); or
- an HTTP Basic credential (`Basic YWRtaW46...`) compared as a whole, decoded.
An input compared with three or more different constants is a dispatch on a command,
method or option name, not a credential check, and its constants are ignored. A
constant must look like a password: not a path, file name, format string, HTTP method,
MIME type, header name, number, URL fragment or one of the credential words themselves.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from psti.evidence.firmware.handlers import FileInput, Found, Handler
from psti.evidence.firmware.handlers.calltrace import Trace, compare_stubs, walk
from psti.evidence.firmware.handlers.common import PLACEHOLDERS, credential, per_scan, plausible
from psti.evidence.firmware.handlers.elfcode import Image, load
from psti.evidence.firmware.handlers.strrefs import Refs, refers, string_ranges
from psti.evidence.firmware.model import Credential

COMPARISONS = ("strcmp", "strncmp", "strcasecmp", "strncasecmp", "memcmp", "bcmp", "strstr", "strcasestr")
_NAMES = tuple(n.encode() for n in COMPARISONS)
_WANTED = frozenset(COMPARISONS)
MAX_PROGRAM = 16 << 20  # larger programs are not analysed (they are libraries and toolkits, not web servers)
MAX_FUNCTIONS = 600  # calling functions looked at per program
MAX_PROGRAM_INSNS = 30_000  # instructions walked per program
ELF = b"\x7fELF"

# words that put a function on an authentication path when it uses them as strings
CREDENTIAL_WORD = re.compile(
    r"passw(or)?d|passwd|(^|[^a-z])pwd($|[^a-z])|passphrase|user_?name|(^|[^a-z])log_?in($|[^a-z])|logon|"
    r"authori[sz]ation|www-authenticate|credential|^Basic ?$|passcode",
    re.I,
)
_CREDENTIAL_BYTES = re.compile(  # matched against lower-cased read-only data
    rb"passw|pwd|passphrase|passcode|user_?name|log_?in|logon|authori[sz]ation|www-authenticate|credential|basic"
)
PASSWORD_WORD = re.compile(r"passw(or)?d|passwd|(^|[^a-z])pwd($|[^a-z])|passphrase|passcode", re.I)
_WORDS = re.compile(
    r"(?i)(pass(word|wd|phrase|code)?|pwd|user(name)?|login|logon|logout|auth\w*|admin|root|guest|realm|basic|"
    r"digest|bearer|token|session|cookie|credentials?|account|name|username|userid|uid|id|key|true|false|"
    r"null|none|on|off|yes|no|ok|error|fail(ed)?|success|enable|disable|default|unknown|all|any)"
)
_HTTP_METHOD = frozenset({"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH"})
_NOT_PASSWORD = re.compile(
    r"[\s=&?:;,<>\"'(){}\[\]\\/%$`|]|"  # paths, MIME types, queries, format strings, markup, lists
    r"^\.|\.[A-Za-z]{1,5}$|"  # file names and extensions
    r"^-|"  # command-line options
    r"^[A-Z][a-z]+(-[A-Z][a-z]+)+$|"  # header names (Content-Type)
    r"^[a-z]+(-[a-z]+)+$|"  # header and option values (keep-alive, no-cache)
    r"^[A-Z][A-Z0-9_]*$|"  # CONSTANT_NAMES, ENUMS
    r"^\d{1,3}$|^0x[0-9a-f]+$|^[0-9a-f]{16,}$|^[\d.]+$"  # numbers, versions, hex digests
)
KNOWN_USERS = frozenset({
    "admin", "root", "user", "guest", "support", "administrator", "superuser", "supervisor", "tech",
    "superadmin", "useradmin", "telecomadmin", "adminpldt", "cusadmin", "installer", "ubnt", "Admin", "ADMIN",
})
# corpus user names that are also everyday option values (`strcmp(mode, "default")`)
_GENERIC_USERS = frozenset({
    "default", "test", "debug", "factory", "service", "manager", "operator", "none", "any", "all", "system",
    "daemon", "nobody", "public", "private", "local", "remote", "server", "client", "master", "monitor",
})
_USER = re.compile(r"[A-Za-z][A-Za-z0-9_.@-]{1,31}")
_CORPUS_USER = re.compile(r"[a-z][A-Za-z0-9_.@-]{2,31}")  # not HTTP, GET or other protocol words
_BASIC = re.compile(r"^(?:Basic )?([A-Za-z0-9+/]{8,}={0,2})$")


@dataclass(frozen=True)
class Compared:
    site: int
    function: str  # strcmp, memcmp, …
    constant: str
    address: int  # of the constant
    origin: tuple[str, int]  # where the other operand came from (calltrace values)


@dataclass
class Stats:
    functions: int = 0
    insns: int = 0
    truncated: bool = False  # more calling functions than MAX_FUNCTIONS


def looks_like_password(s: str) -> bool:
    if not 4 <= len(s) <= 64 or s in _HTTP_METHOD or s.lower() in PLACEHOLDERS:
        return False
    if _NOT_PASSWORD.search(s) or _WORDS.fullmatch(s) or not plausible(s):
        return False
    return not s.isdigit() or len(s) >= 4


def looks_like_user(s: str, users: frozenset[str]) -> bool:
    """A default account name: a well-known one or one the corpus lists, not a generic word."""
    return s in KNOWN_USERS or (s in users and s.lower() not in _GENERIC_USERS and bool(_CORPUS_USER.fullmatch(s)))


def _basic(s: str) -> tuple[str, str] | None:
    """user and password of an HTTP Basic credential (`Basic dXNlcjpwdw==` or its token)."""
    m = _BASIC.match(s)
    if m is None or len(m.group(1)) % 4:
        return None
    try:
        raw = base64.b64decode(m.group(1), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    user, sep, pw = raw.partition(":")
    if not sep or not user or not pw or not raw.isprintable() or not _USER.fullmatch(user):
        return None
    return user, pw


def analyse(path: str, data: bytes, users: frozenset[str] = frozenset(),
            stats: Stats | None = None) -> list[Credential]:
    """Passwords compared by the program in `data` on an authentication path."""
    if not data.startswith(ELF) or len(data) > MAX_PROGRAM or not _imports_a_comparison(data):
        return []

    img = load(data, _WANTED)
    if img is None:
        return []
    stats = stats if stats is not None else Stats()
    refs = Refs(string_ranges(img, _CREDENTIAL_BYTES, extra=lambda s: _basic(s) is not None), img.arch)
    if not refs.ranges:
        return []
    # each calling function, walked only up to its last call site (and a MIPS delay slot):
    # nothing after it changes what a call was passed
    last_site: dict[tuple[int, int, bool], int] = {}
    for site, thumb in _sites(img):
        key = (*img.function_of(site, thumb), thumb)
        last_site[key] = max(last_site.get(key, site), site)
    functions = sorted(last_site)
    if len(functions) > MAX_FUNCTIONS:
        stats.truncated = True
        functions = functions[:MAX_FUNCTIONS]
    out: list[Credential] = []
    seen: set[tuple[str | None, str]] = set()
    resolved: dict[int, str | None] = {}
    for start, end, thumb in functions:
        if not refers(img, start, end, refs):
            continue  # no credential word in the function: no authentication path
        if stats.insns >= MAX_PROGRAM_INSNS:
            stats.truncated = True
            break
        trace = walk(img, start, min(end, last_site[start, end, thumb] + _AFTER_LAST_CALL), thumb=thumb)
        stats.functions += 1
        stats.insns += trace.insns
        for c in _judge(img, start, trace, resolved, users):
            if (c.account, c.secret) not in seen:
                seen.add((c.account, c.secret))
                c.path = path
                out.append(c)
    return out


_AFTER_LAST_CALL = 16  # bytes walked past a function's last call site: the call and its delay slot


def _imports_a_comparison(data: bytes) -> bool:
    return any(b"\0" + n + b"\0" in data for n in _NAMES)


def _name(img: Image, target: str | int, resolved: dict[int, str | None]) -> str | None:
    if isinstance(target, str):
        return target
    if not resolved and img.stubs:
        resolved.update(compare_stubs(img))
        resolved.setdefault(-1, None)
    return resolved.get(target)


def _compared(img: Image, trace: Trace, resolved: dict[int, str | None]) -> list[Compared]:

    out = []
    for call in trace.calls:
        name = _name(img, call.target, resolved)
        if name not in COMPARISONS or len(call.args) < 2:
            continue
        a, b = call.args[0], call.args[1]
        sa = img.string(a[1]) if a and a[0] == "c" else None
        sb = img.string(b[1]) if b and b[0] == "c" else None
        if name in ("strstr", "strcasestr"):
            sa = None  # the haystack is the input; only the needle is a constant worth reading
        if (sa is None) == (sb is None):
            continue
        const, addr, other = (sa, a, b) if sa is not None else (sb, b, a)
        assert const is not None and addr is not None
        out.append(Compared(call.site, name, const, addr[1], other or ("u", call.site)))
    return out


def _judge(img: Image, start: int, trace: Trace, resolved: dict[int, str | None],
           users: frozenset[str]) -> list[Credential]:

    compared = _compared(img, trace, resolved)
    if not compared:
        return []
    out: list[Credential] = []
    where = f"the function at {start:#x}"

    def found(secret: str, at: int, account: str | None, how: str) -> None:
        off = img.offset_of(at)
        out.append(credential("compared", "", secret, offset=off, account=account, interface="program",
                              context=f"{how} in {where}"))

    for c in compared:
        if pair := _basic(c.constant):
            found(pair[1], c.address, pair[0], f"HTTP Basic credential {c.constant!r} compared by {c.function}")
    per_origin: dict[tuple[str, int], set[str]] = defaultdict(set)
    for c in compared:
        per_origin[c.origin].add(c.constant)
    kept = [c for c in compared if len(per_origin[c.origin]) < 3 and not _basic(c.constant)]
    if not kept:
        return out
    strings = {s for v in trace.constants if (s := img.string(v)) is not None}
    context = any(CREDENTIAL_WORD.search(s) for s in strings)
    asked = _asked_for_password(img, trace)

    # a user name then a password, compared one after the other with two different inputs
    paired: set[Compared] = set()
    ordered = sorted(compared, key=lambda c: c.site)
    for u, p in zip(ordered, ordered[1:], strict=False):
        if u not in kept or p not in kept or u.origin == p.origin:
            continue
        if not looks_like_user(u.constant, users) or not looks_like_password(p.constant):
            continue
        if context or p.origin in asked:
            paired.add(p)
            found(p.constant, p.address, u.constant,
                  f"compared by {p.function} right after the user name {u.constant!r} ({u.function})")
    pw_cands = [c for c in kept if looks_like_password(c.constant)]
    for p in pw_cands:
        if p not in paired and p.origin in asked and not any(q.constant == p.constant for q in paired):
            found(p.constant, p.address, None,
                  f"compared by {p.function} with the value read for {asked[p.origin]!r}")
    return out


def _asked_for_password(img: Image, trace: Trace) -> dict[tuple[str, int], str]:
    """Return values of calls given a password word (`get_var("password")`): origin -> word."""

    out: dict[tuple[str, int], str] = {}
    for call in trace.calls:
        for arg in call.args:
            if arg and arg[0] == "c" and (s := img.string(arg[1])) and PASSWORD_WORD.search(s) and len(s) <= 32:
                out[("r", call.site)] = s
                break
    return out


def _sites(img: Image) -> list[tuple[int, bool]]:
    """Addresses of calls to the comparison functions, found from the bytes of the code:
    direct calls to their PLT stubs and calls through their GOT slots; with whether the
    call is a Thumb instruction (ARM programs mix the two instruction sets)."""

    wanted = {slot for slot, name in img.slots.items() if name in COMPARISONS}
    if not wanted:
        return []
    stubs = compare_stubs(img)

    is_compare_stub = stubs.__contains__

    out: list[tuple[int, bool]] = []
    for lo, hi in img.code:
        off = img.offset_of(lo, hi - lo)
        if off is None:
            continue
        out += [(site, False) for site in _SITE_FINDERS[img.arch](img, off, lo, hi - lo, wanted, is_compare_stub)]
        if img.arch == "arm" and not img.big_endian:
            out += [(site, True) for site in _thumb_sites(img, off, lo, hi - lo, is_compare_stub)]
    return out


def _thumb_sites(img: Image, off: int, lo: int, size: int, stub: Callable[[int], bool]) -> list[int]:
    """Thumb `bl`/`blx` (two halfwords) to a compare stub."""
    halves = struct.unpack_from(f"<{size // 2}H", img.data, off)
    out = []
    for i in range(len(halves) - 1):
        h1 = halves[i]
        if h1 & 0xF800 != 0xF000:
            continue
        h2 = halves[i + 1]
        if h2 & 0xC000 != 0xC000:
            continue
        s = (h1 >> 10) & 1
        i1, i2 = 1 - (((h2 >> 13) & 1) ^ s), 1 - (((h2 >> 11) & 1) ^ s)
        imm = (s << 24) | (i1 << 23) | (i2 << 22) | ((h1 & 0x3FF) << 12) | ((h2 & 0x7FF) << 1)
        if s:
            imm -= 1 << 25
        at = lo + 2 * i
        target = (at + 4 + imm) if h2 & 0x1000 else (((at + 4) & ~3) + (imm & ~3))
        if stub(target & 0xFFFFFFFF):
            out.append(at)
    return out


_X86_CALL = re.compile(rb"\xe8(...[\xff\x00])", re.S)  # call rel32 (the PLT lies within 16 MiB)
_X86_CALL_GOT = re.compile(rb"\xff\x15(....)", re.S)  # call [rip+disp32] (-fno-plt)


def _x86_sites(img: Image, off: int, lo: int, size: int, wanted: set[int], stub: Callable[[int], bool]) -> list[int]:
    code = img.data[off : off + size]
    out = []
    base = lo + 5
    for m in _X86_CALL.finditer(code):
        if stub(base + m.start() + int.from_bytes(m.group(1), "little", signed=True)):
            out.append(lo + m.start())
    base = lo + 6
    for m in _X86_CALL_GOT.finditer(code):
        if base + m.start() + int.from_bytes(m.group(1), "little", signed=True) in wanted:
            out.append(lo + m.start())
    return out


def _word_sites(img: Image, off: int, lo: int, size: int, wanted: set[int], stub: Callable[[int], bool]) -> list[int]:
    """ARM `bl`/`b`, AArch64 `bl`/`b` to a stub; MIPS `lw $t9, X($gp)` of a wanted slot or `jal` a stub."""

    end = ">" if img.big_endian else "<"
    words = struct.unpack_from(f"{end}{size // 4}I", img.data, off)
    out = []
    if img.arch == "mips":
        gp = img.gp
        # `lw $any, X($gp)` of a wanted GOT slot (into $t9, or another register at -O0)
        lw = {0x8F800000 | ((slot - gp) & 0xFFFF)
              for slot in wanted if gp is not None and -0x8000 <= slot - gp < 0x8000}
        for i, w in enumerate(words):
            if (w & 0xFFE0FFFF) in lw or (w >> 26 == 3 and stub(((lo + 4 * i) & 0xF0000000) | ((w & 0x3FFFFFF) << 2))):
                out.append(lo + 4 * i)
        return out
    for i, w in enumerate(words):
        at = lo + 4 * i
        if img.arch == "arm":
            if (w >> 25) & 7 == 5:  # b / bl with any condition
                imm = w & 0xFFFFFF
                t = at + 8 + ((imm - (1 << 24) if imm & 0x800000 else imm) << 2)
                if stub(t & 0xFFFFFFFF):
                    out.append(at)
        elif w >> 26 in (0x25, 0x05):  # aarch64 bl / b
            imm = w & 0x3FFFFFF
            t = at + ((imm - (1 << 26) if imm & 0x2000000 else imm) << 2)
            if stub(t):
                out.append(at)
    return out


_SITE_FINDERS = {"x86-64": _x86_sites, "arm": _word_sites, "aarch64": _word_sites, "mips": _word_sites}


def _users(pairs: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The corpus user names worth matching."""
    return frozenset(u for u in pairs if u and 3 <= len(u) <= 32)


def _claims(f: FileInput) -> bool:
    return f.text is None and f.data.startswith(ELF)


def _scan(f: FileInput) -> Found:
    return Found(credentials=analyse(f.rel, f.data, per_scan("comparisons.users", f.pairs, _users)))


HANDLER = Handler(
    name="comparisons",
    kind="FW-BINARY-COMPARED-PASSWORD",
    sources=("compared",),
    reads="dynamically linked ELF programs (x86-64, ARM32 and Thumb, AArch64, MIPS32 big- and little-endian) "
          "up to 16 MiB that import a string comparison: the functions that call it",
    precision="a constant counts only on an authentication path: a default user name (well known or in the "
              "corpus, not an everyday word) then a password-like constant compared with two different inputs in "
              "a function that uses a credential word (password, username, login, Authorization, Basic...); a "
              "password-like constant compared with the value read for a password field; an HTTP Basic token. "
              "An input compared with 3+ constants is a dispatch and ignored; paths, file names, formats, numbers, "
              "methods, MIME types and header names never count",
    claims=_claims,
    scan=_scan,
)
