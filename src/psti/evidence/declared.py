"""The declaration collector: what the manufacturer (or a test lab) states about the product.

Declared facts are evidence of the weakest kind: they can meet a provision, and other
collectors' technical findings override them (a failure anywhere fails the provision).
Absent information gives no finding, so the engine reports `needs-evidence`; a
declared fact that does not meet a provision is a failure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from psti.declaration import Declaration, Passwords
from psti.evidence.interface import Collector, CollectorContext, CollectorResult
from psti.kinds import FindingKind, register_kinds
from psti.model import Effect, Evidence, Finding, Location, make_finding

NAME = "declaration"

P_UNIQUE = ("PSTI-S1-1.2", "EN303645-5.1-1")
P_COUNTER = ("PSTI-S1-1.3.a",)
P_PUBLIC = ("PSTI-S1-1.3.b",)
P_IDENT = ("PSTI-S1-1.3.c",)
P_GUESS = ("PSTI-S1-1.3.d",)
P_GENERATION = ("EN303645-5.1-2",)
ALL_PASSWORD = P_UNIQUE + P_COUNTER + P_PUBLIC + P_IDENT + P_GUESS + P_GENERATION

KINDS = [
    FindingKind(
        "DECL-PASSWORDS",
        "Declared password scheme",
        "How the declaration says passwords are set: user-defined, unique per device (and how "
        "they are generated), universal, or no passwords at all.",
        "Schedule 1 para 1 requires every password to be unique per product or defined by the "
        "user, and unique passwords not to be counters, public information, plain identifiers or "
        "guessable.",
        "Make the user set the password at first use, or give each unit a random password (or one "
        "derived from its identifier with a keyed hash under a secret key).",
        ALL_PASSWORD,
    ),
    FindingKind(
        "DECL-REPORTING",
        "Declared reporting information",
        "The published point of contact, and when reporters get an acknowledgement and status "
        "updates, as the declaration states them.",
        "Schedule 1 para 2 requires a published point of contact and published timescales for "
        "acknowledgement and status updates, accessible without request, in English, free and "
        "without personal information.",
        "Publish a vulnerability disclosure policy with a contact address and the timescales "
        "(for example: acknowledgement within 5 working days, updates every 30 days).",
        (
            "PSTI-S1-2.2.a",
            "PSTI-S1-2.2.b",
            "PSTI-S1-2.3",
            "EN303645-5.2-1",
            "ISO29147-6.2.2",
            "ISO29147-6.2.5",
            "ISO29147-6.5",
        ),
    ),
    FindingKind(
        "DECL-SUPPORT-PERIOD",
        "Declared defined support period",
        "The defined support period as declared: an end date, where it is published, whether it was ever shortened.",
        "Schedule 1 para 3 requires the defined support period, with an end date, to be "
        "published, extensions published, shown alongside invitations to purchase, never shortened.",
        "Publish the end date of security updates in plain words next to the product's main "
        "characteristics on your own product page.",
        ("PSTI-S1-3.2", "PSTI-S1-3.3", "PSTI-S1-3.4", "PSTI-S1-3.5", "PSTI-S1-3.6", "EN303645-5.3-13"),
    ),
    FindingKind(
        "DECL-LABEL",
        "Declared security label",
        "A JC-STAR STAR-1 or Singapore CLS label held by the product, and whether it has expired.",
        "Since 4 December 2025 an unexpired label meets each Schedule 1 requirement (Sch 2 Conditions B and C).",
        "Renew the label before it expires, or meet the requirements directly.",
        ("PSTI-S2-1.B", "PSTI-S2-1.C", "PSTI-S2-2.B", "PSTI-S2-2.C", "PSTI-S2-3.B", "PSTI-S2-3.C"),
    ),
    FindingKind(
        "DECL-ICS",
        "Implementation conformance statement entry",
        "The supplier's statement, per EN 303 645 provision, of support, non-support or "
        "non-applicability, with its justification.",
        "EN 303 645 (and TS 103 701 assessments) start from the implementation conformance "
        "statement; unsupported mandatory provisions mean non-conformance.",
        "Implement the provision, or record why it does not apply.",
        (),
    ),
]
register_kinds(KINDS)

_LABEL_ROUTES = {
    "jc-star-star-1": ("PSTI-S2-1.B", "PSTI-S2-2.B", "PSTI-S2-3.B"),
    "sg-cls": ("PSTI-S2-1.C", "PSTI-S2-2.C", "PSTI-S2-3.C"),
}


def _at(field: str, evidence: str) -> Location:
    return Location(evidence=evidence, field=field)


def _password_findings(pw: Passwords, ev: str) -> Iterator[Finding]:
    k = "DECL-PASSWORDS"
    if pw.used is False:
        yield make_finding(
            k,
            Effect.NOT_APPLICABLE,
            "Declared: the product uses no passwords.",
            collector=NAME,
            location=_at("passwords.used", ev),
            provisions=ALL_PASSWORD,
        )
        return
    schemes: list[tuple[str, str, str | None]] = []
    if pw.scheme is not None:
        schemes.append(("passwords.scheme", pw.scheme, pw.generation))
    for i, acct in enumerate(pw.accounts):
        schemes.append((f"passwords.accounts[{i}]", acct.scheme, acct.generation or pw.generation))
    for field, scheme, generation in schemes:
        who = "" if field == "passwords.scheme" else f" ({field})"
        if scheme == "none":
            yield make_finding(
                k,
                Effect.NOT_APPLICABLE,
                f"Declared: no password{who}.",
                collector=NAME,
                location=_at(field, ev),
                provisions=ALL_PASSWORD,
            )
        elif scheme == "universal":
            yield make_finding(
                k,
                Effect.FAIL,
                f"Declared: the same password is set on every unit{who}; a universal default password is prohibited.",
                collector=NAME,
                location=_at(field, ev),
                provisions=P_UNIQUE,
                remediation="Make the user set the password at first use, or set a random password per unit.",
            )
        elif scheme == "user-defined":
            yield make_finding(
                k,
                Effect.PASS,
                f"Declared: the password is defined by the user{who}.",
                collector=NAME,
                location=_at(field, ev),
                provisions=P_UNIQUE,
            )
            yield make_finding(
                k,
                Effect.NOT_APPLICABLE,
                f"No pre-installed unique password to examine{who}: it is user-defined.",
                collector=NAME,
                location=_at(field, ev),
                provisions=P_COUNTER + P_PUBLIC + P_IDENT + P_GUESS + P_GENERATION,
            )
        else:  # unique-per-device
            yield make_finding(
                k,
                Effect.PASS,
                f"Declared: a unique password per unit{who}.",
                collector=NAME,
                location=_at(field, ev),
                provisions=P_UNIQUE,
            )
            yield from _generation_findings(generation, field, who, ev)


def _generation_findings(generation: str | None, field: str, who: str, ev: str) -> Iterator[Finding]:
    k = "DECL-PASSWORDS"
    gfield = "passwords.generation" if field == "passwords.scheme" else field
    sub = P_COUNTER + P_PUBLIC + P_IDENT + P_GUESS + P_GENERATION
    if generation in ("random", "keyed-hash", "encryption"):
        how = {
            "random": "randomly generated",
            "keyed-hash": "derived with a keyed hash under a secret key",
            "encryption": "derived by encryption under a secret key",
        }[generation]
        yield make_finding(
            k,
            Effect.PASS,
            f"Declared: per-unit passwords are {how}{who}.",
            collector=NAME,
            location=_at(gfield, ev),
            provisions=sub,
        )
        return
    bad = {
        "counter": (P_COUNTER, "based on an incremental counter"),
        "identifier-derived": (P_IDENT, "derived from a product identifier without a keyed hash"),
        "public-info-derived": (P_PUBLIC, "based on publicly available information"),
    }
    if generation in bad:
        provisions, how = bad[generation]
        yield make_finding(
            k,
            Effect.FAIL,
            f"Declared: per-unit passwords are {how}{who}.",
            collector=NAME,
            location=_at(gfield, ev),
            provisions=provisions + P_GENERATION,
            remediation="Generate per-unit passwords randomly, or with a keyed hash under a secret key.",
        )
        return
    yield make_finding(
        k,
        Effect.NEEDS_EVIDENCE,
        f"The declaration does not say how per-unit passwords are generated{who}.",
        collector=NAME,
        location=_at(gfield, ev),
        provisions=sub,
        remediation="State passwords.generation (random, keyed-hash, encryption, …) and give a password batch.",
    )


def _reporting_findings(d: Declaration, ev: str) -> Iterator[Finding]:
    k = "DECL-REPORTING"
    r = d.reporting
    if not r.contacts and r.policy_url is None and r.security_txt_url is None:
        return
    if r.contacts:
        bad = [c for c in r.contacts if not c.lower().startswith(("mailto:", "https://", "tel:", "http://"))]
        if bad:
            yield make_finding(
                k,
                Effect.FAIL,
                f"Contact {bad[0]!r} is not a mailto:, https: or tel: address a reporter can use.",
                collector=NAME,
                location=_at("reporting.contacts", ev),
                provisions=("PSTI-S1-2.2.a", "ISO29147-6.2.2"),
                remediation="Give the contact as mailto:, https: or tel:.",
            )
        else:
            yield make_finding(
                k,
                Effect.PASS,
                f"Declared point of contact: {', '.join(r.contacts)}.",
                collector=NAME,
                location=_at("reporting.contacts", ev),
                provisions=("PSTI-S1-2.2.a", "ISO29147-6.2.2"),
            )
    has_ack = r.acknowledgement is not None or r.acknowledgement_days is not None
    has_status = r.status_updates is not None or r.status_update_days is not None
    if has_ack and has_status:
        yield make_finding(
            k,
            Effect.PASS,
            "Declared: when reporters get an acknowledgement and status updates.",
            collector=NAME,
            location=_at("reporting.acknowledgement", ev),
            provisions=("PSTI-S1-2.2.b",),
        )
    else:
        missing = " and ".join(x for x, ok in (("acknowledgement", has_ack), ("status updates", has_status)) if not ok)
        yield make_finding(
            k,
            Effect.NEEDS_EVIDENCE,
            f"The declaration does not say when reporters get {missing}.",
            collector=NAME,
            location=_at("reporting.acknowledgement", ev),
            provisions=("PSTI-S1-2.2.b",),
            remediation="Publish when reporters will get an acknowledgement and status updates.",
        )
    if has_ack:
        yield make_finding(
            k,
            Effect.PASS,
            "Declared acknowledgement timescale.",
            collector=NAME,
            location=_at("reporting.acknowledgement", ev),
            provisions=("ISO29147-6.2.5",),
        )
    if has_status:
        yield make_finding(
            k,
            Effect.PASS,
            "Declared status-update timescale.",
            collector=NAME,
            location=_at("reporting.status_updates", ev),
            provisions=("ISO29147-6.5",),
        )
    access = {
        "without prior request": r.without_prior_request,
        "in English": r.english,
        "free of charge": r.free_of_charge,
        "without personal information": r.without_personal_information,
    }
    failed = [name for name, v in access.items() if v is False]
    unknown = [name for name, v in access.items() if v is None]
    if failed:
        yield make_finding(
            k,
            Effect.FAIL,
            f"Declared: the information is not available {', '.join(failed)}.",
            collector=NAME,
            location=_at("reporting", ev),
            provisions=("PSTI-S1-2.3",),
        )
    elif unknown:
        yield make_finding(
            k,
            Effect.NEEDS_EVIDENCE,
            f"The declaration does not say whether the information is available {', '.join(unknown)}.",
            collector=NAME,
            location=_at("reporting", ev),
            provisions=("PSTI-S1-2.3",),
        )
    else:
        yield make_finding(
            k,
            Effect.PASS,
            "Declared: available without request, in English, free, without personal information.",
            collector=NAME,
            location=_at("reporting", ev),
            provisions=("PSTI-S1-2.3",),
        )
    if r.policy_url and r.contacts and has_ack and has_status:
        yield make_finding(
            k,
            Effect.PASS,
            f"Declared vulnerability disclosure policy at {r.policy_url} with contact and timescales.",
            collector=NAME,
            location=_at("reporting.policy_url", ev),
            provisions=("EN303645-5.2-1",),
        )
    elif r.policy_url is None:
        yield make_finding(
            k,
            Effect.NEEDS_EVIDENCE,
            "No published vulnerability disclosure policy is declared.",
            collector=NAME,
            location=_at("reporting.policy_url", ev),
            provisions=("EN303645-5.2-1",),
        )


def _support_findings(d: Declaration, on: dt.date, ev: str) -> Iterator[Finding]:
    k = "DECL-SUPPORT-PERIOD"
    sp = d.support_period
    if sp == type(sp)():
        return
    publish = ("PSTI-S1-3.2", "EN303645-5.3-13")
    if sp.end_date is None:
        said = f" (it says {sp.statement!r})" if sp.statement else ""
        yield make_finding(
            k,
            Effect.FAIL,
            f"No end date for security updates is declared{said}; the defined support period "
            "must be a period with an end date.",
            collector=NAME,
            location=_at("support_period.end_date", ev),
            provisions=publish,
            remediation="Publish the date until which security updates will be provided.",
        )
    elif sp.published_url is None and sp.statement is None:
        yield make_finding(
            k,
            Effect.NEEDS_EVIDENCE,
            f"End date {sp.end_date} declared, but not where or how it is published.",
            collector=NAME,
            location=_at("support_period.published_url", ev),
            provisions=publish,
        )
    else:
        where = f" at {sp.published_url}" if sp.published_url else ""
        yield make_finding(
            k,
            Effect.PASS,
            f"Declared support period ending {sp.end_date}, published{where}.",
            collector=NAME,
            location=_at("support_period.end_date", ev),
            provisions=publish,
            details={"end_date": sp.end_date.isoformat()},
        )
        if sp.end_date < on:
            yield make_finding(
                k,
                Effect.INFO,
                f"The support period ended on {sp.end_date}.",
                collector=NAME,
                location=_at("support_period.end_date", ev),
                provisions=(),
            )
    if sp.end_date is not None:
        if sp.statement is not None or sp.published_url is not None:
            yield make_finding(
                k,
                Effect.PASS,
                "Declared in plain words with an end date.",
                collector=NAME,
                location=_at("support_period.statement", ev),
                provisions=("PSTI-S1-3.4",),
            )
        shorter = [p for p in sp.previous_end_dates if p > sp.end_date]
        if shorter:
            yield make_finding(
                k,
                Effect.FAIL,
                f"The support period was shortened: it ended {max(shorter)} before, now {sp.end_date}.",
                collector=NAME,
                location=_at("support_period.previous_end_dates", ev),
                provisions=("PSTI-S1-3.6",),
                remediation="Restore the published end date; a published period may be extended, never shortened.",
            )
        else:
            yield make_finding(
                k,
                Effect.PASS,
                "No shortening of the published support period.",
                collector=NAME,
                location=_at("support_period.previous_end_dates", ev),
                provisions=("PSTI-S1-3.6",),
            )
        if sp.previous_end_dates and not shorter and sp.end_date > max(sp.previous_end_dates):
            yield make_finding(
                k,
                Effect.PASS,
                f"Extended support period ending {sp.end_date} is declared published.",
                collector=NAME,
                location=_at("support_period.end_date", ev),
                provisions=("PSTI-S1-3.3",),
            )
        elif not sp.previous_end_dates:
            yield make_finding(
                k,
                Effect.NOT_APPLICABLE,
                "The support period has not been extended.",
                collector=NAME,
                location=_at("support_period.previous_end_dates", ev),
                provisions=("PSTI-S1-3.3",),
            )
    placed = sp.alongside_invitation_to_purchase
    if placed is True:
        yield make_finding(
            k,
            Effect.PASS,
            "Declared: shown alongside the main characteristics where the product is offered.",
            collector=NAME,
            location=_at("support_period.alongside_invitation_to_purchase", ev),
            provisions=("PSTI-S1-3.5",),
        )
    elif placed is False:
        yield make_finding(
            k,
            Effect.FAIL,
            "Declared: not shown alongside the invitation to purchase on the manufacturer's site.",
            collector=NAME,
            location=_at("support_period.alongside_invitation_to_purchase", ev),
            provisions=("PSTI-S1-3.5",),
            remediation="Show the support period next to the product's main characteristics.",
        )


def _label_findings(d: Declaration, on: dt.date, ev: str) -> Iterator[Finding]:
    for i, label in enumerate(d.deemed_compliance.labels):
        routes = _LABEL_ROUTES[label.scheme]
        field = f"deemed_compliance.labels[{i}]"
        if label.expires >= on:
            yield make_finding(
                "DECL-LABEL",
                Effect.PASS,
                f"Holds {label.scheme} label {label.id}, valid until {label.expires}.",
                collector=NAME,
                location=_at(field, ev),
                provisions=routes,
            )
        else:
            yield make_finding(
                "DECL-LABEL",
                Effect.NOT_APPLICABLE,
                f"The {label.scheme} label {label.id} expired on {label.expires}; it no longer counts.",
                collector=NAME,
                location=_at(field, ev),
                provisions=routes,
            )


def _ics_findings(d: Declaration, ev: str) -> Iterator[Finding]:
    effect = {"supported": Effect.PASS, "not-supported": Effect.FAIL, "not-applicable": Effect.NOT_APPLICABLE}
    for provision, entry in sorted(d.ics.items()):
        pid = provision if provision.startswith("EN303645-") else f"EN303645-{provision}"
        detail = f": {entry.detail}" if entry.detail else ""
        yield make_finding(
            "DECL-ICS",
            effect[entry.support],
            f"Declared {entry.support}{detail}",
            collector=NAME,
            location=_at(f"ics.{provision}", ev),
            provisions=(pid,),
        )


class DeclarationCollector(Collector):
    name = NAME
    description = "What the product declaration states: password scheme, reporting, support period, labels."
    provisions = tuple(sorted({p for k in KINDS for p in k.provisions}))
    kinds = tuple(KINDS)

    def applies(self, ctx: CollectorContext) -> bool:
        return True

    def collect(self, ctx: CollectorContext) -> CollectorResult:
        loaded = ctx.declaration
        d = loaded.declaration
        ev_id = "declaration"
        evidence = Evidence(
            id=ev_id,
            kind="declaration",
            source=str(loaded.path),
            sha256=loaded.sha256,
            size=loaded.path.stat().st_size if loaded.path.exists() else None,
            captured_at=dt.datetime.now(dt.UTC),
            collector=NAME,
            summary=f"Product declaration for {d.product.name} ({d.product.model})",
        )
        findings = [
            *_password_findings(d.passwords, ev_id),
            *_reporting_findings(d, ev_id),
            *_support_findings(d, ctx.assessed_on, ev_id),
            *_label_findings(d, ctx.assessed_on, ev_id),
            *_ics_findings(d, ev_id),
        ]
        return CollectorResult(evidence=[evidence], findings=findings)
