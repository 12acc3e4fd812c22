"""FirmwareCollector: passwords, keys and login services in firmware images.

The principle (Sch 1 para 1(2)): a usable password hash for a login-capable account
in the image is shipped identically to every unit, so it is a universal password
(PSTI-S1-1.2, EN303645-5.1-1 FAIL) unless a first-boot script or factory step
replaces it per unit. A hash recovered from the default-credential corpus is also
guessable (PSTI-S1-1.3.d, EN303645-5.1-2). Hashes on accounts that cannot log in are
INFO. When nothing is found the collector says so with PASS findings; when the
image cannot be examined it says why with NEEDS_EVIDENCE.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import zxcvbn_rs_py

from psti.corpus import load_corpus
from psti.evidence.firmware import kinds as K
from psti.evidence.firmware.examine import (
    PUBLIC_ORIGIN,
    ImageScan,
    ScanOptions,
    examine,
    product_words,
)
from psti.evidence.firmware.handlers import kind_for_source
from psti.evidence.firmware.hashes import COST
from psti.evidence.firmware.model import Credential, mask
from psti.evidence.interface import (
    Collector,
    CollectorContext,
    CollectorResult,
    ProgressFn,
    file_evidence,
)
from psti.model import Effect, Evidence, Finding, Location, make_finding

if TYPE_CHECKING:  # the hash checks (and their process pool) are imported while the extractor runs
    from psti.evidence.firmware.crack import CrackResult

NAME = "firmware"
_SYSTEM_SOURCES = {"shadow", "passwd", "embedded"}
_REPLACEABLE = _SYSTEM_SOURCES | {
    "uci",
    "nvram",
    "config",
    "hostapd",
    "busybox-httpd",
    "htpasswd",
    "lighttpd-plain",
    "lighttpd-htpasswd",
    "lighttpd-htdigest",
    "boa",
    "mini_httpd",
    "goahead",
    "mosquitto",
    "web",
    "xml",
    "json",
}
# Extraction problems that leave part of the image unexamined.
_BLOCKING = {"could-not-extract", "encrypted", "limit-reached", "truncated", "missing-tool", "special-file"}


class FirmwareCollector(Collector):
    name = NAME
    description = "Default and universal passwords, private keys and login services in firmware images"
    provisions = tuple(sorted({p for k in K.KINDS.values() for p in k.provisions}))
    kinds = tuple(K.KINDS.values())
    artefact_kinds = ("firmware", "rootfs")

    def applies(self, ctx: CollectorContext) -> bool:
        return bool(ctx.artefacts("firmware", "rootfs"))

    def collect(self, ctx: CollectorContext) -> CollectorResult:
        result = CollectorResult()
        opts = ScanOptions(
            keep=bool(ctx.options.get("keep", False)),
            workers=ctx.options.get("workers"),
            crack_deadline_s=float(ctx.options.get("crack_deadline_s", 300.0)),
            factory_provisioned=ctx.declaration.declaration.passwords.factory_provisioned,
            product_words=product_words(ctx.declaration.declaration),
            mask_secrets=bool(ctx.options.get("mask_secrets", False)),
            limits=ctx.options.get("limits"),  # extraction bounds (extract.Limits); default the usual ones
        )
        for i, art in enumerate(ctx.artefacts("firmware", "rootfs")):
            path = ctx.resolve(art)
            evidence_id = f"firmware-{i + 1}"
            if path is None or not (path.is_file() or path.is_dir()):  # never a device or FIFO
                result.findings.append(
                    _not_examined(
                        evidence_id,
                        art.path or art.url or "?",
                        "the artefact has no local path (psti does not download firmware)"
                        if path is None
                        else f"{path} is not a regular file or folder" if path.exists()
                        else f"{path} does not exist",
                    )
                )
                continue
            result.extend(scan_image(path, ctx.work_dir / evidence_id, opts, ctx.progress, evidence_id))
        return result


def scan_image(
    image: Path,
    work_dir: Path,
    opts: ScanOptions | None = None,
    progress: ProgressFn | None = None,
    evidence_id: str = "firmware-1",
) -> CollectorResult:
    """Examine one firmware image or extracted root file system; findings and evidence."""
    opts = opts or ScanOptions()
    progress = progress or (lambda d, c, t: None)
    found = examine(image, work_dir, opts, progress, evidence_id)
    return to_result(found, opts)


# --- findings -----------------------------------------------------------------------


def _at(evidence_id: str, path: str | None = None, line: int | None = None,
        offset: int | None = None) -> Location:
    return Location(evidence=evidence_id, path=path, line=line, offset=offset)


def _found(kind: str, effect: Effect, message: str, location: Location,
           provisions: tuple[str, ...] | None = None, **details: Any) -> Finding:
    return make_finding(kind, effect, message, collector=NAME, location=location,
                        provisions=provisions, details=details)


def _not_examined(evidence_id: str, where: str, reason: str) -> Finding:
    return _found("FW-NOT-EXAMINED", Effect.NEEDS_EVIDENCE, f"could not extract: {reason}",
                  _at(evidence_id, where))


def _guessable(value: str, candidate_set: set[str], account: str | None) -> str | None:
    if value in candidate_set:
        return "it is in the default-credential corpus or the common-password list"
    if account and value.lower() == account.lower():
        return "it is the account name"
    try:
        score = int(zxcvbn_rs_py.zxcvbn(value[:72], [account] if account else []).score)
    except Exception:  # noqa: BLE001 - an input the estimator rejects: the corpus check above stands
        return None
    return f"zxcvbn rates it {score}/4 (guessable)" if score <= 1 else None


def to_result(found: ImageScan, opts: ScanOptions) -> CollectorResult:
    result = CollectorResult()
    result.evidence.append(_evidence(found))
    findings = result.findings
    findings += extraction_problems(found)
    if found.scan.files == 0:
        findings.append(_not_examined(found.evidence_id, str(found.image), "no files were found in the image"))
        return result
    findings += first_boot(found)
    replaced = _replaced_at_first_boot(found)
    candidate_set = {c.password for c in load_corpus().candidates()}
    for c in found.scan.credentials:
        findings += _credential_findings(_Shipped.of(c, found, opts, replaced, candidate_set))
    findings += observations(found)
    findings += passwordless_network_root(found)
    findings += private_keys(found)
    blocked = any(f.effect is Effect.NEEDS_EVIDENCE for f in findings)
    if not (blocked and not found.roots):  # nothing to vouch for if the image was not opened
        _pass_findings(findings, found)
    return result


def extraction_problems(found: ImageScan) -> list[Finding]:
    """FW-NOT-EXAMINED: what extraction could not open (needs evidence when it blocks)."""
    out = []
    for kind, message, path in found.problems:
        effect = Effect.NEEDS_EVIDENCE if kind in _BLOCKING else Effect.INFO
        if kind == "unknown-format" and not found.roots:
            effect = Effect.NEEDS_EVIDENCE
        out.append(_found("FW-NOT-EXAMINED", effect, f"could not extract: {message}",
                          _at(found.evidence_id, path),
                          provisions=None if effect is Effect.NEEDS_EVIDENCE else (), problem=kind))
    return out


def first_boot(found: ImageScan) -> list[Finding]:
    """FW-FIRSTBOOT-DERIVED and FW-FIRSTBOOT-RANDOM: how first-boot scripts set passwords."""
    out = []
    for g in found.scan.generations:
        at, accounts = _at(found.evidence_id, g.path, g.line), ", ".join(sorted(g.accounts))
        if g.source == "identifier":
            out.append(_found(
                "FW-FIRSTBOOT-DERIVED", Effect.FAIL,
                f"first-boot script sets the password of {accounts} from a device identifier (MAC "
                f"address or serial number) without a keyed hash: {g.excerpt}", at))
        elif g.source == "random":
            out.append(_found(
                "FW-FIRSTBOOT-RANDOM", Effect.PASS,
                f"first-boot script gives {accounts} a random password per unit: {g.excerpt}", at))
        elif g.source == "keyed":
            out.append(_found(
                "FW-FIRSTBOOT-RANDOM", Effect.PASS,
                f"first-boot script derives the password of {accounts} with a keyed hash: {g.excerpt}",
                at, provisions=("PSTI-S1-1.3.c",)))
    return out


def _replaced_at_first_boot(found: ImageScan) -> dict[str, tuple[str, str, int]]:
    """account -> (how, script, line) for every account a first-boot script sets."""
    return {a: (g.source, g.path, g.line) for g in found.scan.generations for a in g.accounts}


def observations(found: ImageScan) -> list[Finding]:
    """Login services and their settings (FW-TELNET-NOAUTH fails; the rest inform)."""
    return [_found(ob.kind, Effect.FAIL if ob.kind == "FW-TELNET-NOAUTH" else Effect.INFO, ob.message,
                   _at(found.evidence_id, ob.path, ob.line, ob.offset), **ob.details)
            for ob in found.scan.observations]


def passwordless_network_root(found: ImageScan) -> list[Finding]:
    """FW-NETWORK-ROOT-NO-PASSWORD: a uid-0 account with no password that a network login
    service lets in (telnet through login; SSH only when blank passwords are allowed)."""
    scan = found.scan
    network = scan.services.login_interfaces & {"telnet"}
    if any(ob.kind == "FW-BLANK-LOGIN-ALLOWED" for ob in scan.observations) and "ssh" in scan.services.login_interfaces:
        network.add("ssh")
    if not network:
        return []
    out = []
    for c in scan.credentials:
        acct = scan.accounts.get(c.account or "")
        superuser = c.account == "root" or (acct is not None and acct.uid == 0)
        if c.form != "empty" or c.source not in _SYSTEM_SOURCES or not superuser or c.login is False:
            continue
        if not c.path.endswith(("/etc/shadow", "/etc/passwd")):
            continue  # a copy elsewhere (backup, skeleton) is not what login reads
        over = " and ".join(sorted(network))
        out.append(_found(
            "FW-NETWORK-ROOT-NO-PASSWORD", Effect.FAIL,
            f"superuser account {c.account!r} has no password and {over} is started at boot: anyone on "
            f"the network logs in as {c.account!r} without a password (outside Sch 1 para 1, which is "
            "about passwords; EN 303 645 5.1 and 5.5 still apply)",
            _at(found.evidence_id, c.path, c.line), account=c.account, interfaces=sorted(network)))
    return out


def private_keys(found: ImageScan) -> list[Finding]:
    """FW-PRIVATE-KEY: a private key shipped in the image is the same on every unit."""
    out = []
    for key in found.scan.keys:
        extra = " (passphrase-protected)" if key.encrypted else ""
        extra += " together with a certificate" if key.with_certificate else ""
        out.append(_found(
            "FW-PRIVATE-KEY", Effect.FAIL,
            f"{key.label}{(' ' + key.detail) if key.detail else ''} shipped in the image{extra}: "
            "every unit has the same key",
            _at(found.evidence_id, key.path, offset=key.offset), fingerprint=key.fingerprint))
    return out


@dataclass
class _Shipped:
    """One credential found in the image, as the checks on it see it."""

    c: Credential
    found: ImageScan
    who: str  # "account 'root'" or "a string in /path"
    at: Location
    common: dict[str, Any]  # the details every finding on it carries
    usable: bool  # someone can log in with it
    why: str  # why it is (or is not) usable
    replacement: tuple[str, str, int] | None  # a first-boot script that replaces it
    factory: bool  # declared as provisioned per unit in the factory
    candidate_set: set[str]
    masked: bool = False  # --mask-secrets: show passwords as ab****yz everywhere
    live: bool = False  # a universal password customers can log in with (set by shipped_password)

    @classmethod
    def of(cls, c: Credential, found: ImageScan, opts: ScanOptions,
           replaced: dict[str, tuple[str, str, int]], candidate_set: set[str]) -> _Shipped:
        uses = found.scan.services.accounts_for.get(c.account or "", set())
        # Can the password be used to log in, and does it reach customers unchanged?
        if c.source in _SYSTEM_SOURCES:
            usable = c.login is not False or bool(uses)
            why = c.login_reason + (f"; used by {', '.join(sorted(uses))}" if uses else "")
            if c.login is None:
                why += " (login capability unknown: assumed usable)"
        else:
            usable, why = True, c.login_reason
        return cls(
            c, found,
            who=f"account {c.account!r}" if c.account else f"a string in {c.path}",
            at=_at(found.evidence_id, c.path, c.line, c.offset),
            common={"account": c.account, "source": c.source, "interface": c.interface or None,
                    "hash_type": c.hash_type},
            usable=usable, why=why,
            # An identifier-derived first-boot password still replaces the shipped hash per
            # unit; its own breach (Sch 1 para 1(3)(c)) is reported as FW-FIRSTBOOT-DERIVED.
            replacement=replaced.get(c.account or "root") if c.source in _SYSTEM_SOURCES else None,
            factory=bool(opts.factory_provisioned) and c.source in _REPLACEABLE,
            candidate_set=candidate_set,
            masked=opts.mask_secrets,
        )

    @property
    def cracked(self) -> CrackResult | None:
        return self.found.cracked.get(self.c.secret) if self.c.form == "hash" else None

    def show(self, value: str) -> str:
        """A password as reports show it: in clear (a universal default is the same on every
        unit, so showing it is the point) unless the user asked for masking."""
        return mask(value) if self.masked and value else value

    def context(self) -> str | None:
        c = self.c.context
        return c.replace(self.c.secret, self.show(self.c.secret)) if c and self.c.secret else (c or None)

    def finding(self, kind: str, effect: Effect, message: str, **details: Any) -> Finding:
        if self.masked:  # so readers of the JSON (e.g. device probing) never take a mask for a password
            details["masked"] = True
        return _found(kind, effect, message, self.at, **self.common, **details)

    def effect(self) -> Effect:
        """A weakness of a password customers can log in with fails; otherwise it informs."""
        return Effect.FAIL if self.live else Effect.INFO


def _credential_findings(s: _Shipped) -> list[Finding]:
    if s.c.source == "url":
        return url_credentials(s)
    return (shipped_password(s) + cracked_hash(s) + unchecked_hash(s)
            + public_info_password(s) + guessable_password(s))


def url_credentials(s: _Shipped) -> list[Finding]:
    """FW-URL-CREDENTIALS: a user name and password written into a URL."""
    return [s.finding("FW-URL-CREDENTIALS", Effect.FAIL,
                      f"credentials for {s.c.interface} embedded in a URL ({s.context()})",
                      value=s.show(s.c.secret))]


def _what(s: _Shipped) -> str:
    c = s.c
    if c.form == "empty":
        return f"{s.who} has an empty password ({s.why})"
    if c.form == "hash":
        return f"{s.who} has a {c.hash_type} password hash shipped in the image ({s.why})"
    shown = s.show(c.secret)
    if c.source == "binary":
        return f"password-like string {shown!r} {c.context} in a binary"
    if c.source == "compared":
        user = f" for the user {c.account!r}" if c.account else ""
        return f"the program compares its input with the password {shown!r}{user} ({c.context})"
    return f"{c.interface or 'device'} password for {s.who} written in the image: {shown!r}"


def shipped_password(s: _Shipped) -> list[Finding]:
    """The same password on every unit: FW-SHADOW-HASH, FW-EMPTY-PASSWORD, FW-CONFIG-PASSWORD,
    FW-SCRIPT-PASSWORD, FW-BINARY-PASSWORD; or why it is not (FW-HASH-NONLOGIN, FW-HASH-REPLACED)."""
    c = s.c
    if not s.usable:
        return [s.finding("FW-HASH-NONLOGIN", Effect.INFO, f"{s.who} has a password but cannot log in ({s.why})")]
    if s.replacement or s.factory:
        how = (f"replaced at first boot by {s.replacement[1]} line {s.replacement[2]} ({s.replacement[0]})"
               if s.replacement
               else "declared as provisioned per unit in the factory (passwords.factory_provisioned)")
        return [s.finding("FW-HASH-REPLACED", Effect.INFO, f"{_what(s)}; not universal: {how}")]
    if c.form == "empty":
        kind = "FW-EMPTY-PASSWORD"
    elif c.source in _SYSTEM_SOURCES:
        kind = "FW-SHADOW-HASH"
    else:  # the kind of the handler that found it (one per credential source)
        kind = kind_for_source().get(c.source, "FW-CONFIG-PASSWORD")
    s.live = True
    shown = {"plaintext": s.show(c.secret)} if c.form == "plaintext" and c.secret else {}
    return [s.finding(kind, Effect.FAIL, f"{_what(s)}: every unit made from this image has the same password",
                      context=s.context(), **shown)]


def cracked_hash(s: _Shipped) -> list[Finding]:
    """FW-CRACKED-HASH: the hash's password was found among the candidates (and
    FW-PUBLIC-INFO-PASSWORD when that candidate came from the product's public names)."""
    cracked = s.cracked
    if cracked is None or cracked.plaintext is None:
        return []
    out = [s.finding(
        "FW-CRACKED-HASH", s.effect(),
        f"the {s.c.hash_type} hash of {s.who} is the password {s.show(cracked.plaintext)!r} "
        f"(source: {cracked.origin})",
        plaintext=s.show(cracked.plaintext), corpus_source=cracked.origin)]
    if (cracked.origin or "").startswith(PUBLIC_ORIGIN):
        out.append(s.finding(
            "FW-PUBLIC-INFO-PASSWORD", s.effect(),
            f"the password of {s.who} ({s.show(cracked.plaintext)!r}) is based on {cracked.origin}",
            plaintext=s.show(cracked.plaintext)))
    return out


def unchecked_hash(s: _Shipped) -> list[Finding]:
    """FW-HASH-UNCHECKED: a hash checked only in part (slow type, time budget) or not at all."""
    c, cracked = s.c, s.cracked
    if c.form != "hash":
        return []
    if cracked is not None:
        if cracked.plaintext is None and (not cracked.complete or cracked.planned == 0):
            return [s.finding(
                "FW-HASH-UNCHECKED", Effect.INFO,
                f"the {c.hash_type} hash of {s.who} was checked against {cracked.tried} of the "
                "candidate passwords only (slow hash type or time budget)")]
        return []
    if c.hash_type not in COST:
        return [s.finding("FW-HASH-UNCHECKED", Effect.INFO, f"the {c.hash_type} hash of {s.who} cannot be checked")]
    return []


def public_info_password(s: _Shipped) -> list[Finding]:
    """FW-PUBLIC-INFO-PASSWORD: a plaintext password made of the product's public names."""
    c = s.c
    if c.form != "plaintext" or c.secret not in s.found.public:
        return []
    return [s.finding("FW-PUBLIC-INFO-PASSWORD", s.effect(),
                      f"the password of {s.who} ({s.show(c.secret)!r}) is based on {s.found.public[c.secret]}",
                      plaintext=s.show(c.secret))]


def guessable_password(s: _Shipped) -> list[Finding]:
    """FW-GUESSABLE-PASSWORD: a plaintext password in the corpus, equal to the account, or weak."""
    c = s.c
    if c.form != "plaintext":
        return []
    reason = _guessable(c.secret, s.candidate_set, c.account) if c.secret else "it is empty"
    if not reason:
        return []
    return [s.finding("FW-GUESSABLE-PASSWORD", s.effect(),
                      f"the password of {s.who} ({s.show(c.secret)!r}) is guessable: {reason}",
                      plaintext=s.show(c.secret))]


def _pass_findings(findings: list[Finding], found: ImageScan) -> None:
    scan = found.scan
    at = _at(found.evidence_id)
    failed = {p for f in findings if f.effect is Effect.FAIL for p in f.provisions}
    n_accounts = len(scan.accounts)
    n_hashes = sum(1 for c in found.scan.credentials if c.form == "hash")
    scope = f"{scan.files:,} files ({n_accounts} accounts; login services: {scan.services.describe()})"
    if not failed & set(K.UNIQUE):
        findings.append(_found("FW-NO-UNIVERSAL-PASSWORD", Effect.PASS, f"no universal password found in {scope}", at))
    if not failed & set(K.GUESSABLE):
        unchecked = sum(1 for r in found.cracked.values() if not r.complete)
        note = f"; {unchecked} slow hash(es) only partly checked" if unchecked else ""
        findings.append(_found(
            "FW-NO-GUESSABLE-PASSWORD", Effect.PASS,
            f"no guessable password found: {n_hashes} hash(es) and every plaintext "
            f"checked against {len(load_corpus().candidates()):,} candidates{note}", at))
    if not failed & set(K.HARDCODED):
        findings.append(_found("FW-NO-PRIVATE-KEY", Effect.PASS,
                               f"no private key or URL credential found in {scan.files:,} files", at))


def _evidence(found: ImageScan) -> Evidence:
    scan = found.scan
    attrs: dict[str, Any] = {
        "files": scan.files,
        "bytes": scan.bytes,
        "formats": found.formats,
        "login_interfaces": sorted(scan.services.login_interfaces),
        "accounts": sorted(scan.accounts),
        "truncated": scan.truncated,
    }
    summary = f"{scan.files:,} files examined"
    if found.image.is_file():
        return file_evidence(found.evidence_id, "firmware", found.image, NAME, summary, digest=found.sha256, **attrs)
    return Evidence(
        id=found.evidence_id,
        kind="rootfs",
        source=str(found.image),
        collector=NAME,
        summary=summary,
        attributes=attrs,
    )
