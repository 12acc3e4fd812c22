"""The disclosure check: security.txt, then the policy pages, into findings.

PSTI Sch 1 para 2 (and EN 303 645 5.2-1, ISO/IEC 29147 6.2.2/6.2.5/6.5 on the
deemed-compliance routes). An invalid or expired security.txt is a FAIL; a valid one
gives the point of contact, but the acknowledgement and status-update timescales
need a policy page: until one is read they are NEEDS_EVIDENCE.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from psti.evidence.interface import CollectorResult
from psti.evidence.web import kinds as K
from psti.evidence.web.documents import Document, DocumentLoader, readable_page
from psti.evidence.web.pagetext import HIDDEN_EMAIL
from psti.evidence.web.pgp import verify_cleartext
from psti.evidence.web.policy import PolicyAnalysis, analyse_policy
from psti.evidence.web.securitytxt import SecurityTxt, parse_security_txt
from psti.evidence.web.sniff import sniff_disclosure_document
from psti.model import Effect, Finding, Location, make_finding

COLLECTOR = "disclosure"


@dataclass
class Source:
    """Where to get a document: a URL, a saved file (optionally with its URL), or both."""

    url: str | None = None
    path: Path | None = None
    legacy_fallback: bool = False  # for a domain: try /security.txt if /.well-known/ is absent
    sniff: bool = False  # a file or URL given as it is: security.txt or policy page, by its content


@dataclass
class DisclosureInputs:
    security_txt: list[Source] = field(default_factory=list)
    policies: list[Source] = field(default_factory=list)
    key_files: list[Path] = field(default_factory=list)
    follow_policy_links: bool = True


def domain_source(domain: str) -> Source:
    return Source(url=f"https://{domain}/.well-known/security.txt", legacy_fallback=True)


def check_disclosure(inputs: DisclosureInputs, loader: DocumentLoader, now: dt.datetime) -> CollectorResult:
    findings: list[Finding] = []
    parsed: list[tuple[Document, SecurityTxt]] = []
    policy_docs: list[Document] = []
    for src in inputs.security_txt:
        doc = _load_security_txt(src, loader, findings)
        if doc is None:
            continue
        if src.sniff and (policy_doc := _taken_as_policy(doc, loader, findings)) is not None:
            policy_docs.append(policy_doc)
            continue
        sec = _validate_security_txt(doc, now, inputs.key_files, findings)
        if not sec.codes() & set(_UNEXAMINABLE):
            parsed.append((doc, sec))

    policy_urls = [s.url for s in inputs.policies if s.url]
    if inputs.follow_policy_links:
        for _, sec in parsed:
            for url in sec.policies:
                if url.startswith("https://") and url not in policy_urls:
                    policy_urls.append(url)
                    inputs.policies.append(Source(url=url))
    analyses: list[tuple[Document, PolicyAnalysis]] = []
    for doc in policy_docs:
        analysis = _read_policy(doc, findings)
        if analysis is not None:
            analyses.append((doc, analysis))
    for src in inputs.policies:
        doc = (
            loader.from_file(src.path, "disclosure-policy", url=src.url)
            if src.path
            else loader.from_url(src.url or "", "disclosure-policy", provisions=K.ACK + K.STATUS[-1:])
        )
        if doc is None:
            continue
        analysis = _read_policy(doc, findings)
        if analysis is not None:
            analyses.append((doc, analysis))

    contact = _contact_findings(parsed, analyses)
    findings += contact + _timescale_findings(parsed, analyses) + _access_findings(analyses)
    all_findings = list(loader.findings) + findings
    if any(f.kind == "DISC-CONTACT" for f in contact):
        all_findings = [_downgrade_missing_security_txt(f) for f in all_findings]
    return CollectorResult(evidence=list(loader.evidence), findings=all_findings)


def _downgrade_missing_security_txt(f: Finding) -> Finding:
    """A missing security.txt is no gap when a contact was published elsewhere (PSTI does
    not require security.txt), so its NEEDS_EVIDENCE becomes INFO."""
    if f.effect is Effect.NEEDS_EVIDENCE and f.provisions == K.CONTACT:
        return f.model_copy(update={"effect": Effect.INFO, "message": f.message + " (a contact was found elsewhere)"})
    return f


def _taken_as_policy(doc: Document, loader: DocumentLoader, findings: list[Finding]) -> Document | None:
    """Sniff a document given as it is; say what it was taken for. The policy document, if it is one."""
    sniffed = sniff_disclosure_document(doc.content, doc.media_type if doc.fetched else "")
    loc = doc.location
    if sniffed.taken_as == "security-txt":
        findings.append(
            make_finding(
                "WEB-TAKEN-AS",
                Effect.INFO,
                f"{doc.where} was read as a security.txt: {sniffed.why}",
                collector=COLLECTOR,
                location=loc,
                details={"taken_as": "security-txt"},
            )
        )
        return None
    findings.append(
        make_finding(
            "WEB-TAKEN-AS",
            Effect.INFO,
            f"{doc.where} was read as a disclosure policy page, not a security.txt: {sniffed.why}",
            collector=COLLECTOR,
            location=loc,
            details={"taken_as": "policy"},
        )
    )
    evidence = doc.evidence.model_copy(update={"kind": "disclosure-policy"})
    loader.evidence[:] = [evidence if e.id == evidence.id else e for e in loader.evidence]
    return dataclasses.replace(doc, evidence=evidence)


def _load_security_txt(src: Source, loader: DocumentLoader, findings: list[Finding]) -> Document | None:
    if src.path is not None:
        return loader.from_file(src.path, "security-txt", url=src.url)
    assert src.url is not None
    doc = loader.from_url(src.url, "security-txt", provisions=K.CONTACT)
    if doc is not None and doc.fetched and doc.status == 404 and src.legacy_fallback:
        legacy = src.url.replace("/.well-known/security.txt", "/security.txt")
        alt = loader.from_url(legacy, "security-txt", provisions=K.CONTACT)
        if alt is not None and alt.status is not None and 200 <= alt.status < 300:
            findings.append(
                make_finding(
                    "SECTXT-LEGACY-LOCATION",
                    Effect.INFO,
                    f"no file at {src.url} (HTTP 404); found at the legacy location {legacy}",
                    collector=COLLECTOR,
                    location=Location(url=legacy, evidence=alt.evidence.id),
                )
            )
            return alt
    if doc is not None and doc.fetched and 200 <= (doc.status or 0) < 300 and not src.sniff and _is_html_page(doc):
        findings.append(
            make_finding(
                "SECTXT-NOT-FOUND",
                Effect.NEEDS_EVIDENCE,
                f"{doc.where} answered with an HTML page, not a security.txt (a 'soft 404'?)",
                collector=COLLECTOR,
                location=Location(url=doc.url, evidence=doc.evidence.id),
            )
        )
        return None
    if doc is not None and doc.fetched and not (200 <= (doc.status or 0) < 300):
        findings.append(
            make_finding(
                "SECTXT-NOT-FOUND",
                Effect.NEEDS_EVIDENCE,
                f"{src.url} answered HTTP {doc.status}; no security.txt there",
                collector=COLLECTOR,
                location=Location(url=src.url, evidence=doc.evidence.id),
                details={"status": doc.status},
            )
        )
        return None
    return doc


_UNEXAMINABLE = ("SECTXT-NOT-TEXT", "SECTXT-TOO-LARGE")


def _is_html_page(doc: Document) -> bool:
    """A web page served where a text file was expected: typically a 'soft 404'."""
    head = doc.content[:1024].lstrip().lower()
    return doc.media_type in ("text/html", "application/xhtml+xml") and head.startswith((b"<!doctype", b"<html"))


def _validate_security_txt(
    doc: Document, now: dt.datetime, key_files: list[Path], findings: list[Finding]
) -> SecurityTxt:
    ev = doc.evidence.id
    where = doc.final_url or doc.url
    also = tuple(u for u in (doc.first_url,) if u and u != where)
    sec = parse_security_txt(
        doc.content,
        now=now,
        source_url=where,
        also_matches=also,
        content_type=doc.content_type if doc.fetched else None,
    )
    if doc.fetched and where and where.startswith("http://"):
        findings.append(
            make_finding(
                "SECTXT-NOT-HTTPS",
                Effect.FAIL,
                f"served over plain HTTP at {where}",
                collector=COLLECTOR,
                location=Location(url=where, evidence=ev),
            )
        )
    for issue in sec.issues:
        effect = Effect.FAIL if issue.severity == "error" else Effect.INFO
        if issue.code in _UNEXAMINABLE:
            effect = Effect.NEEDS_EVIDENCE  # binary or huge: nothing could be examined
        findings.append(
            make_finding(
                issue.code,
                effect,
                issue.message,
                collector=COLLECTOR,
                location=Location(
                    url=doc.url, path=None if doc.fetched else doc.evidence.source, line=issue.line, evidence=ev
                ),
                details={"severity": issue.severity},
            )
        )
    if sec.signed:
        findings.append(_signature_finding(doc, key_files))
    if sec.valid and not any(f.kind == "SECTXT-NOT-HTTPS" for f in findings):
        expires = sec.expires.isoformat() if sec.expires else None
        findings.append(
            make_finding(
                "SECTXT-VALID",
                Effect.PASS,
                f"valid RFC 9116 file at {doc.where}: {len(sec.contacts)} contact(s), expires {expires}",
                collector=COLLECTOR,
                location=Location(url=doc.url, evidence=ev),
                details={"contacts": sec.contacts, "expires": expires, "policies": sec.policies},
            )
        )
    return sec


def _signature_finding(doc: Document, key_files: list[Path]) -> Finding:
    loc = Location(url=doc.url, evidence=doc.evidence.id)
    if not key_files:
        return make_finding(
            "SECTXT-SIGNATURE-UNVERIFIED",
            Effect.INFO,
            "OpenPGP-signed; no public key was given, so the signature is reported but not verified",
            collector=COLLECTOR,
            location=loc,
        )
    check = verify_cleartext(doc.content, key_files)
    if check.status == "valid":
        return make_finding(
            "SECTXT-SIGNATURE-VALID",
            Effect.INFO,
            check.message,
            collector=COLLECTOR,
            location=loc,
            details={"fingerprint": check.fingerprint},
        )
    if check.status in ("bad", "unknown-key"):
        return make_finding(
            "SECTXT-SIGNATURE-BAD",
            Effect.FAIL,
            check.message,
            collector=COLLECTOR,
            location=loc,
            details={"status": check.status},
        )
    return make_finding(
        "SECTXT-SIGNATURE-UNVERIFIED",
        Effect.INFO,
        check.message,
        collector=COLLECTOR,
        location=loc,
        details={"status": check.status},
    )


def _read_policy(doc: Document, findings: list[Finding]) -> PolicyAnalysis | None:
    loc = doc.location
    if doc.fetched and doc.status in (401, 407):
        findings.append(
            make_finding(
                "DISC-SIGN-IN",
                Effect.FAIL,
                f"{doc.where} asks for credentials (HTTP {doc.status})",
                collector=COLLECTOR,
                location=loc,
            )
        )
        return None
    if doc.fetched and doc.status == 402:
        findings.append(
            make_finding(
                "DISC-PAID", Effect.FAIL, f"{doc.where} asks for payment (HTTP 402)", collector=COLLECTOR, location=loc
            )
        )
        return None
    if doc.fetched and not (200 <= (doc.status or 0) < 300):
        findings.append(
            make_finding(
                "WEB-HTTP-STATUS",
                Effect.NEEDS_EVIDENCE,
                f"policy page {doc.where} answered HTTP {doc.status}",
                collector=COLLECTOR,
                location=loc,
                provisions=K.ACK + K.STATUS[-1:],
                details={"status": doc.status},
            )
        )
        return None
    page = readable_page(doc, f"policy {doc.where}", COLLECTOR, K.ACK + K.STATUS[-1:], findings)
    if page is None:
        return None
    return analyse_policy(page)


def _contact_findings(
    parsed: list[tuple[Document, SecurityTxt]], analyses: list[tuple[Document, PolicyAnalysis]]
) -> list[Finding]:
    contacts: dict[str, str] = {}
    for doc, sec in parsed:
        for c in sec.contacts:
            contacts.setdefault(c, doc.where)
    for doc, a in analyses:
        for c in a.contacts:
            contacts.setdefault(c, doc.where)
    if contacts:
        listed = ", ".join(f"{c} ({w})" for c, w in list(contacts.items())[:5])
        out = [
            make_finding(
                "DISC-CONTACT",
                Effect.PASS,
                f"point of contact published: {listed}",
                collector=COLLECTOR,
                location=Location(url=next(iter(contacts.values()))),
                details={"contacts": list(contacts)},
            )
        ]
        secure = [sec for _, sec in parsed if sec.values("encryption")]
        note = next((a.secure_channel for _, a in analyses if a.secure_channel), None)
        if secure or note:
            out.append(
                make_finding(
                    "DISC-SECURE-CHANNEL",
                    Effect.INFO,
                    "a secure reporting option is offered: "
                    + (f"Encryption {secure[0].values('encryption')[0]}" if secure else repr(note)),
                    collector=COLLECTOR,
                )
            )
        return out
    if parsed or analyses:
        hidden = next((a.hidden_address for _, a in analyses if a.hidden_address), None)
        pointers = [u for _, a in analyses for u in a.pointers]
        return [
            make_finding(
                "DISC-NO-CONTACT",
                Effect.FAIL,
                "no point of contact was found in the documents read"
                + (
                    f"; the page points to how to report elsewhere ({', '.join(pointers[:3])}): check that page "
                    "(psti check disclosure URL), where the point of contact may be"
                    if pointers and not hidden
                    else ""
                )
                + (
                    f"; the page shows {HIDDEN_EMAIL!r} where an address stood ({hidden!r}): a site's e-mail "
                    "protection hid it from this copy, so read the page as its site serves it (psti decodes "
                    "the protection in served HTML)"
                    if hidden
                    else ""
                ),
                collector=COLLECTOR,
                details=({"hidden_address": hidden} if hidden else {}) | ({"pointers": pointers} if pointers else {}),
            )
        ]
    return []


def _timescale_findings(
    parsed: list[tuple[Document, SecurityTxt]], analyses: list[tuple[Document, PolicyAnalysis]]
) -> list[Finding]:
    if not analyses:
        if not parsed:
            return []
        linked = [u for _, sec in parsed for u in sec.policies]
        why = (
            f"its Policy page ({', '.join(linked[:3])}) could not be read"
            if linked
            else "no policy page was read (add a Policy field, or give the policy URL or a saved copy)"
        )
        return [
            make_finding(
                "DISC-NEEDS-POLICY",
                Effect.NEEDS_EVIDENCE,
                "security.txt gives a contact but cannot say when reporters get an acknowledgement and "
                f"status updates; {why}",
                collector=COLLECTOR,
            )
        ]
    out: list[Finding] = []
    for what, attr, ok_kind, missing_kind in (
        ("an acknowledgement", "ack_when", "DISC-ACK-TIMESCALE", "DISC-NO-ACK-TIMESCALE"),
        ("status updates", "status_when", "DISC-STATUS-TIMESCALE", "DISC-NO-STATUS-TIMESCALE"),
    ):
        found = [(doc, getattr(a, attr)) for doc, a in analyses if getattr(a, attr) is not None]
        if found:
            doc, c = found[0]
            until = any(a.until_resolved for _, a in analyses)
            extra = " (until resolution)" if (attr == "status_when" and until) else ""
            out.append(
                make_finding(
                    ok_kind,
                    Effect.PASS,
                    f'{doc.where} says when reporters get {what}: {c.timescale!r}{extra} — "{c.sentence}" '
                    f"({c.decided_by})",
                    collector=COLLECTOR,
                    location=Location(url=doc.url, evidence=doc.evidence.id),
                    details={"sentence": c.sentence, "timescale": c.timescale, "decided_by": c.decided_by},
                )
            )
            continue
        vague = [
            (doc, c) for doc, a in analyses for c in (a.acknowledgement if attr == "ack_when" else a.status_updates)
        ]
        where = ", ".join(doc.where for doc, _ in analyses)
        msg = f"no statement of when reporters get {what} was found in {where}"
        if vague:
            msg += f'; closest: "{vague[0][1].sentence}" ({vague[0][1].decided_by})'
        if any(a.parse_cut for _, a in analyses):
            msg += "; the page is very long and only its first 50,000 characters of promises were parsed"
        out.append(
            make_finding(missing_kind, Effect.FAIL, msg, collector=COLLECTOR, location=Location(url=analyses[0][0].url))
        )
    return out


def _access_findings(analyses: list[tuple[Document, PolicyAnalysis]]) -> list[Finding]:
    out: list[Finding] = []
    for doc, a in analyses:
        loc = Location(url=doc.url, evidence=doc.evidence.id)
        problems = [
            ("DISC-SIGN-IN", a.sign_in),
            ("DISC-PAID", a.paid),
            ("DISC-PERSONAL-INFO", a.personal_info),
        ]
        bad = False
        for kind, why in problems:
            if why:
                bad = True
                out.append(make_finding(kind, Effect.FAIL, f"{doc.where}: {why}", collector=COLLECTOR, location=loc))
        if a.english is False:
            bad = True
            out.append(
                make_finding(
                    "DISC-NOT-ENGLISH",
                    Effect.FAIL,
                    f"{doc.where} does not read as English ({a.english_ratio:.0%} common English words"
                    + (f", lang={a.declared_lang!r}" if a.declared_lang else "")
                    + ")",
                    collector=COLLECTOR,
                    location=loc,
                )
            )
        if not bad:
            lang = "English" if a.english else "language not determined (little text)"
            out.append(
                make_finding(
                    "DISC-ACCESSIBLE",
                    Effect.PASS if a.english else Effect.INFO,
                    f"{doc.where} is readable without sign-in, payment or personal details; {lang}",
                    collector=COLLECTOR,
                    location=loc,
                )
            )
    return out
