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

from pathlib import Path
from typing import Any

from psti.corpus import load_corpus
from psti.evidence.firmware import kinds as K
from psti.evidence.firmware.examine import (
    PUBLIC_ORIGIN,
    ImageScan,
    ScanOptions,
    examine,
    product_words,
)
from psti.evidence.firmware.hashes import COST
from psti.evidence.firmware.model import Credential, mask
from psti.evidence.interface import (
    Collector,
    CollectorContext,
    CollectorResult,
    ProgressFn,
    file_evidence,
)
from psti.model import Effect, Evidence, Finding, Location

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
    "mosquitto",
    "web",
}
# Extraction problems that leave part of the image unexamined.
_BLOCKING = {"could-not-extract", "encrypted", "limit-reached", "truncated", "missing-tool"}


class FirmwareCollector(Collector):
    name = NAME
    description = "Default and universal passwords, private keys and login services in firmware images"
    provisions = tuple(sorted({p for k in K.KINDS.values() for p in k.provisions}))
    kinds = tuple(K.KINDS.values())

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
        )
        for i, art in enumerate(ctx.artefacts("firmware", "rootfs")):
            path = ctx.resolve(art)
            evidence_id = f"firmware-{i + 1}"
            if path is None or not path.exists():
                result.findings.append(
                    _not_examined(
                        evidence_id,
                        art.path or art.url or "?",
                        "the artefact has no local path (psti does not download firmware)"
                        if path is None
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


def _finding(
    kind: str,
    effect: Effect,
    message: str,
    evidence_id: str,
    path: str | None = None,
    line: int | None = None,
    offset: int | None = None,
    provisions: tuple[str, ...] | None = None,
    **details: Any,
) -> Finding:
    k = K.KINDS[kind]
    return Finding(
        kind=kind,
        provisions=k.provisions if provisions is None else provisions,
        effect=effect,
        message=message,
        collector=NAME,
        location=Location(evidence=evidence_id, path=path, line=line, offset=offset),
        details={key: v for key, v in details.items() if v is not None},
        remediation=k.how_to_fix if effect is Effect.FAIL else None,
    )


def _not_examined(evidence_id: str, where: str, reason: str) -> Finding:
    return _finding(
        "FW-NOT-EXAMINED",
        Effect.NEEDS_EVIDENCE,
        f"could not extract: {reason}",
        evidence_id,
        path=where,
    )


def _guessable(value: str, candidate_set: set[str], account: str | None) -> str | None:
    if value in candidate_set:
        return "it is in the default-credential corpus or the common-password list"
    if account and value.lower() == account.lower():
        return "it is the account name"
    try:
        import zxcvbn_rs_py

        score = int(zxcvbn_rs_py.zxcvbn(value[:72], [account] if account else []).score)
    except Exception:  # the estimator is optional; the corpus check above still applies
        return None
    return f"zxcvbn rates it {score}/4 (guessable)" if score <= 1 else None


def to_result(found: ImageScan, opts: ScanOptions) -> CollectorResult:
    eid = found.evidence_id
    result = CollectorResult()
    scan = found.scan
    result.evidence.append(_evidence(found))
    findings = result.findings

    for kind, message, path in found.problems:
        effect = Effect.NEEDS_EVIDENCE if kind in _BLOCKING else Effect.INFO
        if kind == "unknown-format" and not found.roots:
            effect = Effect.NEEDS_EVIDENCE
        findings.append(
            _finding(
                "FW-NOT-EXAMINED",
                effect,
                f"could not extract: {message}",
                eid,
                path=path,
                provisions=None if effect is Effect.NEEDS_EVIDENCE else (),
                problem=kind,
            )
        )
    if scan.files == 0:
        findings.append(_not_examined(eid, str(found.image), "no files were found in the image"))
        return result

    replaced: dict[str, tuple[str, str, int]] = {}  # account -> (source, path, line)
    for g in scan.generations:
        if g.source == "identifier":
            findings.append(
                _finding(
                    "FW-FIRSTBOOT-DERIVED",
                    Effect.FAIL,
                    f"first-boot script sets the password of {', '.join(sorted(g.accounts))} "
                    "from a device identifier (MAC address or serial number) without a keyed "
                    f"hash: {g.excerpt}",
                    eid,
                    path=g.path,
                    line=g.line,
                )
            )
        elif g.source == "random":
            findings.append(
                _finding(
                    "FW-FIRSTBOOT-RANDOM",
                    Effect.PASS,
                    f"first-boot script gives {', '.join(sorted(g.accounts))} a random password per unit: {g.excerpt}",
                    eid,
                    path=g.path,
                    line=g.line,
                )
            )
        elif g.source == "keyed":
            findings.append(
                _finding(
                    "FW-FIRSTBOOT-RANDOM",
                    Effect.PASS,
                    f"first-boot script derives the password of {', '.join(sorted(g.accounts))} with a "
                    f"keyed hash: {g.excerpt}",
                    eid,
                    path=g.path,
                    line=g.line,
                    provisions=("PSTI-S1-1.3.c",),
                )
            )
        for a in g.accounts:
            replaced[a] = (g.source, g.path, g.line)

    corpus = load_corpus()
    candidate_set = {c.password for c in corpus.candidates()}
    for c in scan.credentials:
        findings += _credential_findings(c, found, opts, replaced, candidate_set)

    for ob in scan.observations:
        effect = Effect.FAIL if ob.kind == "FW-TELNET-NOAUTH" else Effect.INFO
        findings.append(
            _finding(ob.kind, effect, ob.message, eid, path=ob.path, line=ob.line, offset=ob.offset, **ob.details)
        )
    for key in scan.keys:
        extra = " (passphrase-protected)" if key.encrypted else ""
        extra += " together with a certificate" if key.with_certificate else ""
        findings.append(
            _finding(
                "FW-PRIVATE-KEY",
                Effect.FAIL,
                f"{key.label}{(' ' + key.detail) if key.detail else ''} "
                f"shipped in the image{extra}: "
                "every unit has the same key",
                eid,
                path=key.path,
                offset=key.offset,
                fingerprint=key.fingerprint,
            )
        )

    blocked = any(f.effect is Effect.NEEDS_EVIDENCE for f in findings)
    if not (blocked and not found.roots):  # nothing to vouch for if the image was not opened
        _pass_findings(findings, found)
    return result


def _credential_findings(
    c: Credential,
    found: ImageScan,
    opts: ScanOptions,
    replaced: dict[str, tuple[str, str, int]],
    candidate_set: set[str],
) -> list[Finding]:
    eid = found.evidence_id
    out: list[Finding] = []
    where: dict[str, Any] = {"path": c.path, "line": c.line, "offset": c.offset}
    who = f"account {c.account!r}" if c.account else f"a string in {c.path}"
    cracked = found.cracked.get(c.secret) if c.form == "hash" else None
    plaintext = cracked.plaintext if cracked else (c.secret if c.form != "hash" else None)
    uses = found.scan.services.accounts_for.get(c.account or "", set())
    common: dict[str, Any] = {
        "account": c.account,
        "source": c.source,
        "interface": c.interface or None,
        "hash_type": c.hash_type,
    }

    if c.source == "url":
        out.append(
            _finding(
                "FW-URL-CREDENTIALS",
                Effect.FAIL,
                f"credentials for {c.interface} embedded in a URL ({c.context})",
                eid,
                **where,
                **common,
                value=mask(c.secret),
            )
        )
        return out

    # Can the password be used to log in, and does it reach customers unchanged?
    if c.source in _SYSTEM_SOURCES:
        usable = c.login is not False or bool(uses)
        why = c.login_reason + (f"; used by {', '.join(sorted(uses))}" if uses else "")
        if c.login is None:
            why += " (login capability unknown: assumed usable)"
    else:
        usable, why = True, c.login_reason
    # An identifier-derived first-boot password still replaces the shipped hash per unit;
    # its own breach (Sch 1 para 1(3)(c)) is reported as FW-FIRSTBOOT-DERIVED.
    replacement = replaced.get(c.account or "root") if c.source in _SYSTEM_SOURCES else None
    factory = bool(opts.factory_provisioned) and c.source in _REPLACEABLE

    if c.form == "empty":
        what = f"{who} has an empty password ({why})"
    elif c.form == "hash":
        what = f"{who} has a {c.hash_type} password hash shipped in the image ({why})"
    else:
        shown = c.secret if plaintext and _guessable(c.secret, candidate_set, c.account) else mask(c.secret)
        if c.source == "binary":
            what = f"password-like string {shown!r} {c.context} in a binary"
        else:
            what = f"{c.interface or 'device'} password for {who} written in the image: {shown!r}"

    if not usable:
        out.append(
            _finding(
                "FW-HASH-NONLOGIN",
                Effect.INFO,
                f"{who} has a password but cannot log in ({why})",
                eid,
                **where,
                **common,
            )
        )
        live = False
    elif replacement or factory:
        how = (
            f"replaced at first boot by {replacement[1]} line {replacement[2]} ({replacement[0]})"
            if replacement
            else "declared as provisioned per unit in the factory (passwords.factory_provisioned)"
        )
        out.append(
            _finding(
                "FW-HASH-REPLACED",
                Effect.INFO,
                f"{what}; not universal: {how}",
                eid,
                **where,
                **common,
            )
        )
        live = False
    else:
        kind = {"script": "FW-SCRIPT-PASSWORD", "binary": "FW-BINARY-PASSWORD"}.get(c.source)
        if kind is None:
            kind = (
                "FW-EMPTY-PASSWORD"
                if c.form == "empty"
                else "FW-SHADOW-HASH"
                if c.source in _SYSTEM_SOURCES
                else "FW-CONFIG-PASSWORD"
            )
        out.append(
            _finding(
                kind,
                Effect.FAIL,
                f"{what}: every unit made from this image has the same password",
                eid,
                **where,
                **common,
                context=c.context or None,
            )
        )
        live = True

    if c.form == "hash" and cracked is not None:
        if cracked.plaintext is not None:
            out.append(
                _finding(
                    "FW-CRACKED-HASH",
                    Effect.FAIL if live else Effect.INFO,
                    f"the {c.hash_type} hash of {who} is the password {cracked.plaintext!r} (source: {cracked.origin})",
                    eid,
                    **where,
                    **common,
                    plaintext=cracked.plaintext,
                    corpus_source=cracked.origin,
                )
            )
            if (cracked.origin or "").startswith(PUBLIC_ORIGIN):
                out.append(
                    _finding(
                        "FW-PUBLIC-INFO-PASSWORD",
                        Effect.FAIL if live else Effect.INFO,
                        f"the password of {who} ({cracked.plaintext!r}) is based on {cracked.origin}",
                        eid,
                        **where,
                        **common,
                        plaintext=cracked.plaintext,
                    )
                )
        elif not cracked.complete or cracked.planned == 0:
            out.append(
                _finding(
                    "FW-HASH-UNCHECKED",
                    Effect.INFO,
                    f"the {c.hash_type} hash of {who} was checked against {cracked.tried} of the "
                    "candidate passwords only (slow hash type or time budget)",
                    eid,
                    **where,
                    **common,
                )
            )
    elif c.form == "hash" and c.hash_type not in COST:
        out.append(
            _finding(
                "FW-HASH-UNCHECKED",
                Effect.INFO,
                f"the {c.hash_type} hash of {who} cannot be checked",
                eid,
                **where,
                **common,
            )
        )
    elif c.form == "plaintext":
        if c.secret in found.public:
            out.append(
                _finding(
                    "FW-PUBLIC-INFO-PASSWORD",
                    Effect.FAIL if live else Effect.INFO,
                    f"the password of {who} ({c.secret!r}) is based on {found.public[c.secret]}",
                    eid,
                    **where,
                    **common,
                    plaintext=c.secret,
                )
            )
        reason = _guessable(c.secret, candidate_set, c.account) if c.secret else "it is empty"
        if reason:
            out.append(
                _finding(
                    "FW-GUESSABLE-PASSWORD",
                    Effect.FAIL if live else Effect.INFO,
                    f"the password of {who} ({c.secret!r}) is guessable: {reason}",
                    eid,
                    **where,
                    **common,
                    plaintext=c.secret,
                )
            )
    return out


def _pass_findings(findings: list[Finding], found: ImageScan) -> None:
    scan = found.scan
    eid = found.evidence_id
    failed = {p for f in findings if f.effect is Effect.FAIL for p in f.provisions}
    n_accounts = len(scan.accounts)
    n_hashes = sum(1 for c in found.scan.credentials if c.form == "hash")
    scope = f"{scan.files:,} files ({n_accounts} accounts; login services: {scan.services.describe()})"
    if not failed & set(K.UNIQUE):
        findings.append(
            _finding(
                "FW-NO-UNIVERSAL-PASSWORD",
                Effect.PASS,
                f"no universal password found in {scope}",
                eid,
            )
        )
    if not failed & set(K.GUESSABLE):
        unchecked = sum(1 for r in found.cracked.values() if not r.complete)
        note = f"; {unchecked} slow hash(es) only partly checked" if unchecked else ""
        findings.append(
            _finding(
                "FW-NO-GUESSABLE-PASSWORD",
                Effect.PASS,
                f"no guessable password found: {n_hashes} hash(es) and every plaintext "
                f"checked against {len(load_corpus().candidates()):,} candidates{note}",
                eid,
            )
        )
    if not failed & set(K.HARDCODED):
        findings.append(
            _finding(
                "FW-NO-PRIVATE-KEY",
                Effect.PASS,
                f"no private key or URL credential found in {scan.files:,} files",
                eid,
            )
        )


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
