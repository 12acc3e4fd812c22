"""Scan an extracted root file system for credentials: one pass over the files.

`scan_tree` gathers what the parsers find (accounts, services, configuration,
scripts, web UI, binaries, keys, first-boot generation) into a `TreeScan`; the
collector turns that into findings. Nothing here decides a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

from psti import parallel
from psti.evidence.firmware import handlers
from psti.evidence.firmware.accounts import Account, parse_passwd, scan_accounts
from psti.evidence.firmware.firstboot import Generation, script_generation
from psti.evidence.firmware.handlers.common import credential, is_doc
from psti.evidence.firmware.handlers.scripts import SECRET_FILE
from psti.evidence.firmware.handlers.webserver import scan_userfile
from psti.evidence.firmware.hashes import identify
from psti.evidence.firmware.keys import KeyFinding, scan_keys
from psti.evidence.firmware.model import Credential, Observation
from psti.evidence.firmware.services import Services, config_services, is_script, script_services
from psti.evidence.firmware.tree import ELF_MAGIC, FileTree, TreeFile, is_probably_text
from psti.evidence.firmware.triggers import find_triggers

MAX_TEXT = 2 << 20  # text files larger than this are logs or data, not configuration
MAX_BINARY = 32 << 20  # binaries scanned for strings and keys up to this size
MAX_HARVEST = 300  # strings from the image tried against every hash before the corpus
# Anchored on the literal ":$" so the regex engine skips ahead instead of trying every byte.
_EMBEDDED_HASH = re.compile(rb":(\$(?:1|5|6|2[aby]|y|apr1)\$[./A-Za-z0-9$]{8,120})")
_ACCOUNT_BEFORE = re.compile(rb"([a-z_][a-z0-9_-]{0,31})$")


@dataclass
class TreeScan:
    files: int = 0
    bytes: int = 0
    credentials: list[Credential] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    keys: list[KeyFinding] = field(default_factory=list)
    generations: list[Generation] = field(default_factory=list)
    services: Services = field(default_factory=Services)
    accounts: dict[str, Account] = field(default_factory=dict)
    truncated: bool = False
    # strings found in the image to try first against its hashes: value -> where
    harvested: dict[str, str] = field(default_factory=dict)
    # the product's public identity (host name, distribution, vendor): word -> where
    identity: dict[str, str] = field(default_factory=dict)


@dataclass
class _Checked:
    """What the per-file checks found in one file."""

    text: bool  # a text file (else a binary)
    credentials: list[Credential] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    keys: list[KeyFinding] = field(default_factory=list)
    referenced: dict[str, str] = field(default_factory=dict)  # auth files named in it
    harvested: dict[str, str] = field(default_factory=dict)
    services: Services | None = None  # if it is a script: what it starts
    generation: Generation | None = None  # if it is a script: where it sets a password per unit


@dataclass(frozen=True)
class _Context:
    """What every per-file check needs to know about the whole tree."""

    tree: FileTree
    known_passwords: frozenset[str]
    pairs: Mapping[str, frozenset[str]]


def scan_tree(
    tree: FileTree,
    known_passwords: frozenset[str] = frozenset(),
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    pairs: Mapping[str, frozenset[str]] | None = None,
) -> TreeScan:
    """Scan every file of the tree. The per-file checks run in `workers` processes
    (default: one per available core) when the tree is large enough to be worth it;
    the result does not depend on how many ran."""
    out = TreeScan()
    files = list(tree.files())
    out.truncated = tree.truncated
    out.files = len(files)
    out.bytes = sum(f.size for f in files)

    out.identity = identity_words(tree, files)
    creds, out.accounts = scan_accounts(tree, files)
    for c in creds:
        c.handler = "accounts"
    out.credentials += creds
    ctx = _Context(tree, known_passwords, pairs or {})
    checked = parallel.map_files(files, partial(_check_file, ctx), workers, progress, work=_bytes_read)

    results = [r for r in checked if r is not None]
    for r in results:
        if r.services is not None:
            out.services.merge(r.services)
        if r.generation is not None:
            out.generations.append(r.generation)
    config_services(tree, out.services)
    out.observations += out.services.observations
    for name, acct in out.accounts.items():
        if acct.uid == 0 and name != "root":
            out.observations.append(_extra_uid0(name, "/etc/passwd"))

    referenced: dict[str, str] = {}
    # text files first, then the referenced auth files, then binaries: the order of findings
    for r in results:
        if r.text:
            _take(out, r)
            referenced.update(r.referenced)
    for inside, flavour in referenced.items():
        p = tree.resolve(inside)
        if p is not None and p.stat().st_size <= MAX_TEXT:
            text = tree.read(p).decode("utf-8", "replace")
            rel = tree.rel(p)
            out.credentials = [c for c in out.credentials if c.path != rel]
            found = _secret_file(rel, text, flavour) if flavour.startswith(SECRET_FILE) else \
                scan_userfile(rel, text, flavour)
            for c in found:
                c.handler = c.handler or "webserver-users"
            out.credentials += found
    for r in results:
        if not r.text:
            _take(out, r)
    out.credentials = _dedupe(out.credentials)
    for c in out.credentials:
        if c.form == "plaintext" and len(out.harvested) < MAX_HARVEST:
            out.harvested.setdefault(c.secret, f"plaintext in {c.path}")
    return out


def _secret_file(rel: str, text: str, flavour: str) -> list[Credential]:
    """A file a script reads a password from (`telnetd -u USER:$(cat FILE)`)."""
    user, script, line = flavour.removeprefix(SECRET_FILE).split(":", 2)
    value = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not value or len(value) > 64:
        return []
    c = credential("script", rel, value, line=1, account=user, interface="telnet",
                   context=f"password of {user!r} for telnetd in {script} line {line}")
    c.handler = "init-scripts"
    return [c]


def _take(out: TreeScan, r: _Checked) -> None:
    out.credentials += r.credentials
    out.observations += r.observations
    out.keys += r.keys
    for value, where in r.harvested.items():
        if len(out.harvested) >= MAX_HARVEST:
            break
        out.harvested.setdefault(value, where)


def _extra_uid0(name: str, rel: str) -> Observation:
    return Observation(
        "FW-EXTRA-UID0", rel, f"account {name!r} has uid 0 (a second superuser)", details={"account": name}
    )


def _bytes_read(tf: TreeFile) -> int:
    """What `_check_file` reads of a file, at most: larger files are only sniffed."""
    return tf.size if tf.size <= max(MAX_TEXT, MAX_BINARY) else 4096


def _check_file(ctx: _Context, tf: TreeFile) -> _Checked | None:
    """Read one file once and run the checks for its kind; None if it is not examined."""
    if tf.size == 0:
        return None
    tree = ctx.tree
    try:
        # one read for everything up to the text limit; larger files are sniffed first
        data = tree.read(tf.ondisk, MAX_TEXT if tf.size <= MAX_TEXT else 4096)
        head = data[:4096]
        binary = head.startswith(ELF_MAGIC) or not is_probably_text(head)
        if not binary:
            return _check_text(ctx, tf, data.decode("utf-8", "replace")) if tf.size <= MAX_TEXT else None
        if tf.size > MAX_BINARY:
            return None
        if len(data) < tf.size:
            data = tree.read(tf.ondisk)
    except OSError:
        return None
    return _check_binary(ctx, tf, data)


def _file_input(ctx: _Context, tf: TreeFile, data: bytes, text: str | None, script: bool = False,
                prompts: list[int] | None = None) -> handlers.FileInput:
    return handlers.FileInput(tf.rel, tf.name, data, text, script=script, known=ctx.known_passwords,
                              pairs=ctx.pairs, prompts=prompts, single_file=ctx.tree.single_file)


def _take_found(r: _Checked, found: handlers.Found) -> None:
    r.credentials += found.credentials
    r.observations += found.observations
    r.referenced.update(found.referenced)
    for k, v in found.harvested.items():
        r.harvested.setdefault(k, v)


def _check_text(ctx: _Context, tf: TreeFile, text: str) -> _Checked:
    rel = tf.rel
    r = _Checked(text=True)
    script = is_script(tf) or text.startswith("#!")
    if script:
        r.services = script_services(tf, text)
        r.generation = script_generation(tf, text)
    if "passwd" in tf.name and rel != "/etc/passwd":
        for name, acct in parse_passwd(text).items():
            if acct.uid == 0 and name != "root":
                r.observations.append(_extra_uid0(name, rel))
    encoded = text.encode("utf-8", "replace")
    _take_found(r, handlers.run(_file_input(ctx, tf, encoded, text, script=script)))
    if "PRIVATE KEY-----" in text and _may_hold_key(rel):
        r.keys += scan_keys(rel, encoded)
    if "$" in text:  # an account file's own lines were read first and win the dedupe
        r.credentials += _embedded_hashes(rel, encoded, True)
    return r


def _check_binary(ctx: _Context, tf: TreeFile, data: bytes) -> _Checked:
    rel = tf.rel
    r = _Checked(text=False)
    found = find_triggers(data)
    if (found.key_marker or rel.startswith("/etc/dropbear/")) and _may_hold_key(rel):
        r.keys += scan_keys(rel, data)
    if found.hash_marker:
        r.credentials += _embedded_hashes(rel, data, False)
    _take_found(r, handlers.run(_file_input(ctx, tf, data, None, prompts=found.prompts)))
    return r


def _embedded_hashes(rel: str, data: bytes, text: bool) -> list[Credential]:
    out: list[Credential] = []
    if b":$" not in data:
        return out
    for m in _EMBEDDED_HASH.finditer(data):
        name = _ACCOUNT_BEFORE.search(data, max(0, m.start() - 32), m.start())
        if name is None or (name.start() > 0 and data[name.start() - 1 : name.start()].isalnum()):
            continue
        if text and data[data.rfind(b"\n", 0, m.start()) + 1 : m.start()].lstrip().startswith(b"#"):
            continue  # a commented-out example in a configuration file or script
        value, htype = _longest_hash(m.group(1).decode("ascii"))
        if htype is None:
            continue
        out.append(
            Credential(
                source="embedded",
                path=rel,
                secret=value,
                form="hash",
                account=name.group(1).decode(),
                line=data.count(b"\n", 0, m.start()) + 1 if text else None,
                offset=None if text else m.start(),
                hash_type=htype,
                interface="unknown",
                login=None,
                login_reason="hash embedded in a file that is not an account database",
                handler="embedded-hash",
            )
        )
    return out


_CRYPTO_LIBRARY = re.compile(r"/lib(gnutls|nettle|hogweed|wolfssl|mbedcrypto|mbedtls|crypto|ssl)[\w.-]*\.so[\d.]*$")


_IDENTITY_SOURCES = (
    ("/etc/config/system", re.compile(r"option\s+hostname\s+['\"]?([^'\"\s]+)")),
    ("/etc/hostname", re.compile(r"^\s*([A-Za-z0-9._-]+)\s*$", re.M)),
    ("/etc/os-release", re.compile(r"^(?:NAME|ID)=['\"]?([^'\"\n]+)", re.M)),
    ("/etc/openwrt_release", re.compile(r"^DISTRIB_ID=['\"]?([^'\"\n]+)", re.M)),
    ("/etc/device_info", re.compile(r"^DEVICE_(?:MANUFACTURER|PRODUCT)=['\"]?([^'\"\n]+)", re.M)),
)


def identity_words(tree: FileTree, files: list[TreeFile]) -> dict[str, str]:
    """Names anyone can read off the product or its firmware: host name, distribution,
    vendor and product. Passwords built from them are based on public information."""
    out: dict[str, str] = {}
    for inside, rx in _IDENTITY_SOURCES:
        for tf in files:
            if not tf.rel.endswith(inside) or tf.size > 65536:
                continue
            text = tree.read(tf.ondisk).decode("utf-8", "replace")
            for m in rx.finditer(text):
                word = m.group(1).strip()
                if 3 <= len(word) <= 32 and word.lower() not in ("localhost", "none", "linux"):
                    out.setdefault(word, tf.rel)
    return out


def _may_hold_key(rel: str) -> bool:
    """Documentation, static libraries and crypto libraries (FIPS self-test vectors)
    carry example keys that are not the product's."""
    return not is_doc(rel) and not rel.endswith((".a", ".o", ".la")) and not _CRYPTO_LIBRARY.search(rel)


def _longest_hash(raw: str) -> tuple[str, str | None]:
    """Binary junk may follow a hash: take the longest prefix that is a whole hash."""
    for end in range(len(raw), 12, -1):
        if htype := identify(raw[:end]):
            return raw[:end], htype
    return raw, None


def _dedupe(creds: list[Credential]) -> list[Credential]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for c in creds:
        # the same value on another line of a text file is another setting (an account of
        # another service); in a binary one string is one credential wherever it recurs
        key = (c.path, c.account, c.secret, c.line)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
