"""Credentials compiled into programs and raw firmware.

Three checks on a binary's strings:
- `compiled_pairs`: a default password from the corpus (6+ characters, or 4+ when the
  two strings are adjacent) next to a user name the corpus lists it for, in the
  program's read-only data: `strcmp(user, "admin") && strcmp(pw, "Zte521")` keeps both
  constants side by side there. No prompt is needed.
- `scan_binary_strings`: strings beside a password prompt that look like a password.
  A prompt guards one secret: when several strings beside it qualify and some read as
  a chosen password (a known default, or words written in leetspeak), the random-looking
  others are dropped as data (keys, tokens, encoded messages).
- Intel HEX images are decoded first (`decode_intel_hex`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from psti.evidence.firmware.handlers import FileInput, Found, Handler
from psti.evidence.firmware.handlers.common import credential, per_scan, plausible
from psti.evidence.firmware.handlers.elfdata import readonly_ranges
from psti.evidence.firmware.model import Credential
from psti.evidence.firmware.triggers import find_triggers

ELF = b"\x7fELF"
RAW_FIRMWARE = re.compile(r"\.(bin|img|elf|hex|fw|rom|out|axf)$", re.I)
_STRINGS = re.compile(rb"[\x20-\x7e]{4,96}")
# a whole NUL-terminated string of 2-64 printable characters; anchored and possessive so
# that long strings and binary data cost one pass, not a backtrack per byte
_C_STRING = re.compile(rb"(?<![\x20-\x7e])[\x21-\x7e][\x20-\x7e]{1,63}+(?=\x00)")
_PAIR_WINDOW = 3  # strings either side of a password where its user name may sit
_PAIR_BYTES = 256  # ... and no further away than this
_MIN_ALONE = 6  # a corpus password this long may have its user a few strings away
_PROMPT = re.compile(
    r"\b(pass(word|wd|code|phrase)?|pwd|pin)\b\s*[:?>]\s*$|"
    r"\b(wrong|bad|incorrect|invalid|enter( the| your)?) pass(word|wd|code)?\b|^\s*login\s*:\s*$",
    re.I,
)
_LOOKS_SECRET = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9!@#$^&*+=-]{8,32}$")
_CAMEL = re.compile(r"[a-z][A-Z]")
# hex dumps, versions, paths, format strings, option-names-like-this, PKCS8Encrypted
_IDENTIFIER = re.compile(
    r"[0-9A-Fa-f]+|[0-9.]+|\S*[/\\%._:]\S*|[a-z0-9]+(-[a-z0-9]+)+|[^A-Za-z0-9].*|[A-Z0-9]{2,}[A-Z][a-z]{3,}"
)
_WINDOW_BYTES = 768  # how far from a prompt its neighbouring strings are looked for
# leetspeak digits and symbols back to letters (1 is read both as i and l)
_LEET = (str.maketrans("013457@$!", "oieastasi"), str.maketrans("013457@$!", "oleastasi"))
_MIN_WORD = 5  # shorter words turn up in random strings by chance (a 4-letter one in ~2% of 24-character ones)


def strings(data: bytes) -> list[tuple[int, str]]:
    return [(m.start(), m.group().decode("ascii")) for m in _STRINGS.finditer(data)]


# --- user/password constants side by side -----------------------------------------


def _users_of(pairs: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """password -> user names the corpus lists it for (passwords of 4+ characters)."""
    grouped: dict[str, set[str]] = {}
    for user, passwords in pairs.items():
        for pw in passwords:
            if len(pw) >= 4 and user and pw != user:
                grouped.setdefault(pw, set()).add(user)
    return {pw: frozenset(users) for pw, users in grouped.items()}


def _password_bytes(pairs: Mapping[str, frozenset[str]]) -> frozenset[bytes]:
    return frozenset(pw.encode("ascii", "replace") for pw in per_scan("binaries.users_of", pairs, _users_of))


def compiled_pairs(path: str, data: bytes, pairs: Mapping[str, frozenset[str]]) -> list[Credential]:
    """Corpus user/password pairs whose two strings sit together in read-only data (the
    whole file for raw firmware)."""
    out: list[Credential] = []
    if not pairs:
        return out
    users_of = per_scan("binaries.users_of", pairs, _users_of)
    ranges = readonly_ranges(data) if data.startswith(ELF) else [(0, len(data))]
    seen: set[tuple[str, str]] = set()
    keys = per_scan("binaries.password_bytes", pairs, _password_bytes)
    for lo, hi in ranges:
        hits = keys.intersection(data[lo:hi].split(b"\0"))  # corpus passwords that are whole strings
        for raw in sorted(hits):
            pw = raw.decode("ascii")
            if not plausible(pw):
                continue
            at = data.find(b"\0" + raw + b"\0", max(0, lo - 1), hi + 1)
            while at != -1:
                _pair_near(path, data, at + 1, pw, users_of[pw], max(lo, at - _PAIR_BYTES),
                           min(hi, at + _PAIR_BYTES + len(raw)), seen, out)
                at = data.find(b"\0" + raw + b"\0", at + 1, hi + 1)
    return out


def _pair_near(path: str, data: bytes, off: int, pw: str, users: frozenset[str], lo: int, hi: int,
               seen: set[tuple[str, str]], out: list[Credential]) -> None:
    """A user name the corpus lists for pw among the strings around it."""
    items = [(m.start(), m.group().decode("ascii")) for m in _C_STRING.finditer(data, lo, hi)]
    i = next((k for k, (o, _) in enumerate(items) if o == off), None)
    if i is None:
        return
    reach = _PAIR_WINDOW if len(pw) >= _MIN_ALONE else 1
    for j in range(max(0, i - reach), min(len(items), i + reach + 1)):
        user = items[j][1]
        if j == i or user not in users or (user, pw) in seen or _word_list(items, i, j):
            continue
        seen.add((user, pw))
        out.append(credential("binary", path, pw, offset=off, account=user, interface="program",
                              context=f"next to the user name {user!r} in read-only data"))


def _word_list(items: list[tuple[int, str]], i: int, j: int) -> bool:
    """The two strings are entries of a table of similar words (command names, test
    names: `test`, `test1`, `test2`), not a user name and its password."""
    pw, user = items[i][1], items[j][1]
    stem = re.sub(r"\d+$", "", pw)
    return stem == user or stem == re.sub(r"\d+$", "", user)


# --- strings beside a password prompt -----------------------------------------------


def _is_prompt(s: str) -> bool:
    return len(s) <= 48 and "%" not in s and not re.search(r"\w:\w", s) and bool(_PROMPT.search(s))


@cache
def _words() -> frozenset[str]:
    """Words people build passwords from: the alphabetic entries of 5+ letters of the
    common-password list shipped with the corpus."""
    from psti.corpus import load_corpus

    return frozenset(w.lower() for w in load_corpus().common if w.isalpha() and len(w) >= _MIN_WORD)


def reads_as_password(s: str, known: frozenset[str]) -> bool:
    """A known default, or a string that holds a common password word once leetspeak is
    undone (`sup3rp4ssw0rd`): chosen by a person, unlike a key, token or encoded blob."""
    if s in known:
        return True
    words = _words()
    for table in _LEET:
        t = s.lower().translate(table)
        if any(t[i:j] in words for i in range(len(t) - _MIN_WORD + 1) for j in range(i + _MIN_WORD, len(t) + 1)):
            return True
    return False


def scan_binary_strings(
    path: str, data: bytes, known: frozenset[str], window: int = 3, prompts: list[int] | None = None
) -> list[Credential]:
    """Strings beside a password prompt that look like a password (letters and digits,
    8-32 characters, not an identifier) or, in raw (non-ELF) firmware, that are a known
    default password. ELF programs of a general-purpose OS are full of words next to
    prompts, so there only the stricter test applies. Only the bytes around prompt-like
    words are split into strings, which keeps large binaries fast. `prompts` are the
    offsets of those words when the caller has already found them. When some of the
    strings beside one prompt read as a password (`reads_as_password`), only those are
    kept."""
    out: list[Credential] = []
    raw = not data.startswith(ELF)
    groups: list[tuple[str, list[tuple[int, str]]]] = []  # each prompt and the strings beside it that qualify
    done_until = -1
    for hint in find_triggers(data).prompts if prompts is None else prompts:
        if hint < done_until:
            continue
        lo, hi = max(0, hint - _WINDOW_BYTES), min(len(data), hint + _WINDOW_BYTES)
        items = [(m.start(), m.group().decode("ascii")) for m in _STRINGS.finditer(data, lo, hi)]
        done_until = hint + 1
        for i, (off, s) in enumerate(items):
            if not (off <= hint < off + len(s)) or not _is_prompt(s):
                continue
            done_until = off + len(s)
            beside: list[tuple[int, str]] = []
            for j in range(max(0, i - window), min(len(items), i + window + 1)):
                cand_off, cand = items[j]
                cand = cand.strip()
                if j == i or _PROMPT.search(cand) or not (plausible(cand) or cand in known):
                    continue
                if _IDENTIFIER.fullmatch(cand) or len(_CAMEL.findall(cand)) >= 2:
                    continue
                if (
                    _LOOKS_SECRET.match(cand)
                    or (raw and cand in known and len(cand) >= 4)
                    or (cand in known and re.search(r"\d", cand) and re.search(r"[A-Za-z]", cand) and len(cand) >= 6)
                ):
                    beside.append((cand_off, cand))
            if beside:
                groups.append((s.strip(), beside))
    # A string beside a prompt together with one that reads as a password is data there,
    # and stays data beside the routine's other prompts ("Wrong password", "Pass :").
    data_strings = {c for _, beside in groups if any(reads_as_password(c, known) for _, c in beside)
                    for _, c in beside if not reads_as_password(c, known)}
    seen: set[str] = set()
    for prompt, beside in groups:
        for cand_off, cand in beside:
            if cand in seen or cand in data_strings:
                continue
            seen.add(cand)
            out.append(credential("binary", path, cand, offset=cand_off, interface="firmware prompt",
                                  context=f"beside {prompt!r}"))
    return out


def decode_intel_hex(text: str, limit: int = 16 << 20) -> bytes | None:
    """Bytes of an Intel HEX image (microcontroller firmware), or None if it is not one."""
    data = bytearray()
    lines = text.splitlines()
    if not lines or not lines[0].startswith(":"):
        return None
    base = 0
    mem: dict[int, bytes] = {}
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not re.fullmatch(r":[0-9A-Fa-f]{10,}", line):
            return None
        raw = bytes.fromhex(line[1:])
        count, addr, rtype = raw[0], int.from_bytes(raw[1:3], "big"), raw[3]
        payload = raw[4 : 4 + count]
        if rtype == 0:
            mem[base + addr] = payload
        elif rtype == 2:
            base = int.from_bytes(payload, "big") << 4
        elif rtype == 4:
            base = int.from_bytes(payload, "big") << 16
        elif rtype == 1:
            break
    if not mem:
        return None
    start = min(mem)
    for addr in sorted(mem):
        if addr - start > limit:
            break
        gap = addr - start - len(data)
        if gap > 0:
            data += b"\xff" * min(gap, limit)
        data[addr - start : addr - start + len(mem[addr])] = mem[addr]
    return bytes(data)


def _program(f: FileInput) -> bytes | None:
    """The bytes to read strings from: the file, or the decoded Intel HEX image."""
    if f.text is None:
        return f.data
    if f.text.startswith(":") and RAW_FIRMWARE.search(f.rel):
        return decode_intel_hex(f.text)
    return None


def _claims(f: FileInput) -> bool:
    if f.text is not None:
        return f.text.startswith(":") and bool(RAW_FIRMWARE.search(f.rel))
    return f.data.startswith(ELF) or bool(RAW_FIRMWARE.search(f.rel)) or f.single_file


def _scan(f: FileInput) -> Found:
    data = _program(f)
    if data is None:
        return Found()
    prompts = f.prompts if f.text is None else None
    creds = compiled_pairs(f.rel, data, f.pairs)
    got = {c.secret for c in creds}
    creds += [c for c in scan_binary_strings(f.rel, data, f.known, prompts=prompts) if c.secret not in got]
    return Found(credentials=creds)


HANDLER = Handler(
    name="binaries",
    kind="FW-BINARY-PASSWORD",
    sources=("binary",),
    reads="ELF programs and libraries (read-only data), raw firmware (*.bin, *.img, *.hex, … and single-file "
          "images) and decoded Intel HEX",
    precision="a corpus default password counts only beside a user name the corpus lists it for (adjacent "
              "when shorter than 6 characters); beside a prompt, only letter-and-digit strings of 8-32 "
              "characters (or corpus passwords in raw firmware); of several beside one prompt, those that read "
              "as a chosen password (a known default, or common-password words in leetspeak) when any does",
    claims=_claims,
    scan=_scan,
)
