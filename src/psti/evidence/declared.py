"""The declaration collector: what the manufacturer (or a test lab) states about the product.

Declared facts are evidence of the weakest kind: they can meet a provision, and other
collectors' technical findings override them (a failure anywhere fails the provision).
Absent information gives no finding, so the engine reports `needs-evidence`; a
declared fact that does not meet a provision is a failure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from psti.declaration import Declaration, Passwords, SupportPeriod, field_path, position, url_positions
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
        ("PSTI-S1-2.2.a", "PSTI-S1-2.2.b", "PSTI-S1-2.3", "EN303645-5.2-1", "ISO29147-6.2.2",
         "ISO29147-6.2.5", "ISO29147-6.5"),
    ),
    FindingKind(
        "DECL-SUPPORT-PERIOD",
        "Declared defined support period",
        "The defined support period as declared: an end date, where it is published, whether "
        "it was ever shortened.",
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
        "Since 4 December 2025 an unexpired label meets each Schedule 1 requirement (Sch 2 "
        "Conditions B and C).",
        "Renew the label before it expires, or meet the requirements directly.",
        ("PSTI-S2-1.B", "PSTI-S2-1.C", "PSTI-S2-2.B", "PSTI-S2-2.C", "PSTI-S2-3.B", "PSTI-S2-3.C"),
    ),
    FindingKind(
        "DECL-STATEMENT-DEEMED",
        "Statement-of-compliance duty met by a label",
        "A current JC-STAR STAR-1 or Singapore CLS label, which Schedule 2A treats as meeting the "
        "manufacturer's duty to have the product accompanied by a statement of compliance.",
        "Since 4 December 2025 (SI 2023/1007 reg 4A, Sch 2A) a manufacturer whose product holds an "
        "unexpired label of either scheme is treated as meeting Act s.9(2); a statement may still be "
        "issued, and the records of s.12 are still kept.",
        "Keep evidence that the label was current whenever the product was made available; issue a "
        "statement of compliance before the label expires.",
        ("PSTI-S2A-1.A", "PSTI-S2A-1.B"),
    ),
    FindingKind(
        "DECL-LABEL-CHECK",
        "Importer's or distributor's check of the label conditions",
        "An importer's or distributor's record that it was satisfied that the Schedule 2A label "
        "conditions were met: the label is one the product holds and was unexpired when checked "
        "and on the assessment date.",
        "Where Schedule 2A treats the manufacturer as meeting its statement duty, an importer "
        "(Act s.15(5)) or distributor (s.22(3)) must instead be satisfied that the conditions are "
        "met before making the product available.",
        "Check the label in the scheme's register while it is current, and record when and how.",
        ("PSTI-ACT-s15", "PSTI-ACT-s22"),
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


def _f(kind: str, provisions: tuple[str, ...], effect: Effect, message: str, field: str,
       evidence: str, remediation: str | None = None, **details: object) -> Finding:
    """A finding on one declaration field (through make_finding, so remediation follows its rule)."""
    return make_finding(kind, effect, message, collector=NAME, location=Location(evidence=evidence, field=field),
                        provisions=provisions, details=details, remediation=remediation)


def _positioned(f: Finding, text: str) -> Finding:
    """The finding with the line and column of its field in the declaration file."""
    where = position(text, field_path(f.location.field)) if f.location.field and text else None
    if where is None:
        return f
    location = f.location.model_copy(update={"line": where[0], "column": where[1]})
    return f.model_copy(update={"location": location})


def _password_findings(pw: Passwords, ev: str) -> Iterator[Finding]:
    k = "DECL-PASSWORDS"
    if pw.used is False:
        yield _f(k, ALL_PASSWORD, Effect.NOT_APPLICABLE, "Declared: the product uses no passwords.",
                 "passwords.used", ev)
        return
    schemes: list[tuple[str, str, str | None]] = []
    if pw.scheme is not None:
        schemes.append(("passwords.scheme", pw.scheme, pw.generation))
    for i, acct in enumerate(pw.accounts):
        schemes.append((f"passwords.accounts[{i}]", acct.scheme, acct.generation or pw.generation))
    for field, scheme, generation in schemes:
        who = "" if field == "passwords.scheme" else f" ({field})"
        if scheme == "none":
            yield _f(k, ALL_PASSWORD, Effect.NOT_APPLICABLE, f"Declared: no password{who}.", field, ev)
        elif scheme == "universal":
            yield _f(k, P_UNIQUE, Effect.FAIL,
                     f"Declared: the same password is set on every unit{who}; a universal default "
                     "password is prohibited.", field, ev,
                     "Make the user set the password at first use, or set a random password per unit.")
        elif scheme == "user-defined":
            yield _f(k, P_UNIQUE, Effect.PASS, f"Declared: the password is defined by the user{who}.",
                     field, ev)
            yield _f(k, P_COUNTER + P_PUBLIC + P_IDENT + P_GUESS + P_GENERATION, Effect.NOT_APPLICABLE,
                     f"No pre-installed unique password to examine{who}: it is user-defined.", field, ev)
        else:  # unique-per-device
            yield _f(k, P_UNIQUE, Effect.PASS, f"Declared: a unique password per unit{who}.", field, ev)
            yield from _generation_findings(generation, field, who, ev)


def _generation_findings(generation: str | None, field: str, who: str, ev: str) -> Iterator[Finding]:
    k = "DECL-PASSWORDS"
    gfield = "passwords.generation" if field == "passwords.scheme" else field
    sub = P_COUNTER + P_PUBLIC + P_IDENT + P_GUESS + P_GENERATION
    if generation in ("random", "keyed-hash", "encryption"):
        how = {"random": "randomly generated",
               "keyed-hash": "derived with a keyed hash under a secret key",
               "encryption": "derived by encryption under a secret key"}[generation]
        yield _f(k, sub, Effect.PASS, f"Declared: per-unit passwords are {how}{who}.", gfield, ev)
        return
    bad = {
        "counter": (P_COUNTER, "based on an incremental counter"),
        "identifier-derived": (P_IDENT, "derived from a product identifier without a keyed hash"),
        "public-info-derived": (P_PUBLIC, "based on publicly available information"),
    }
    if generation in bad:
        provisions, how = bad[generation]
        yield _f(k, provisions + P_GENERATION, Effect.FAIL, f"Declared: per-unit passwords are {how}{who}.",
                 gfield, ev, "Generate per-unit passwords randomly, or with a keyed hash under a secret key.")
        return
    yield _f(k, sub, Effect.NEEDS_EVIDENCE,
             f"The declaration does not say how per-unit passwords are generated{who}.", gfield, ev,
             "State passwords.generation (random, keyed-hash, encryption, …) and give a password batch.")


def _reporting_findings(d: Declaration, ev: str) -> Iterator[Finding]:
    k = "DECL-REPORTING"
    r = d.reporting
    if not r.contacts and r.policy_url is None and r.security_txt_url is None:
        return
    if r.contacts:
        bad = [c for c in r.contacts if not c.lower().startswith(("mailto:", "https://", "tel:", "http://"))]
        if bad:
            yield _f(k, ("PSTI-S1-2.2.a", "ISO29147-6.2.2"), Effect.FAIL,
                     f"Contact {bad[0]!r} is not a mailto:, https: or tel: address a reporter can use.",
                     "reporting.contacts", ev, "Give the contact as mailto:, https: or tel:.")
        else:
            yield _f(k, ("PSTI-S1-2.2.a", "ISO29147-6.2.2"), Effect.PASS,
                     f"Declared point of contact: {', '.join(r.contacts)}.", "reporting.contacts", ev)
    has_ack = r.acknowledgement is not None or r.acknowledgement_days is not None
    has_status = r.status_updates is not None or r.status_update_days is not None
    if has_ack and has_status:
        yield _f(k, ("PSTI-S1-2.2.b",), Effect.PASS,
                 "Declared: when reporters get an acknowledgement and status updates.",
                 "reporting.acknowledgement", ev)
    else:
        missing = " and ".join(x for x, ok in (("acknowledgement", has_ack), ("status updates", has_status)) if not ok)
        yield _f(k, ("PSTI-S1-2.2.b",), Effect.NEEDS_EVIDENCE,
                 f"The declaration does not say when reporters get {missing}.",
                 "reporting.acknowledgement", ev,
                 "Publish when reporters will get an acknowledgement and status updates.")
    if has_ack:
        yield _f(k, ("ISO29147-6.2.5",), Effect.PASS, "Declared acknowledgement timescale.",
                 "reporting.acknowledgement", ev)
    if has_status:
        yield _f(k, ("ISO29147-6.5",), Effect.PASS, "Declared status-update timescale.",
                 "reporting.status_updates", ev)
    access = {
        "without prior request": r.without_prior_request,
        "in English": r.english,
        "free of charge": r.free_of_charge,
        "without personal information": r.without_personal_information,
    }
    failed = [name for name, v in access.items() if v is False]
    unknown = [name for name, v in access.items() if v is None]
    if failed:
        yield _f(k, ("PSTI-S1-2.3",), Effect.FAIL,
                 f"Declared: the information is not available {', '.join(failed)}.", "reporting", ev)
    elif unknown:
        yield _f(k, ("PSTI-S1-2.3",), Effect.NEEDS_EVIDENCE,
                 f"The declaration does not say whether the information is available {', '.join(unknown)}.",
                 "reporting", ev)
    else:
        yield _f(k, ("PSTI-S1-2.3",), Effect.PASS,
                 "Declared: available without request, in English, free, without personal information.",
                 "reporting", ev)
    if r.policy_url and r.contacts and has_ack and has_status:
        yield _f(k, ("EN303645-5.2-1",), Effect.PASS,
                 f"Declared vulnerability disclosure policy at {r.policy_url} with contact and timescales.",
                 "reporting.policy_url", ev)
    elif r.policy_url is None:
        yield _f(k, ("EN303645-5.2-1",), Effect.NEEDS_EVIDENCE,
                 "No published vulnerability disclosure policy is declared.", "reporting.policy_url", ev)


def _support_findings(d: Declaration, on: dt.date, ev: str) -> Iterator[Finding]:
    k = "DECL-SUPPORT-PERIOD"
    sp = d.support_period
    if sp == type(sp)():
        if d.product.updatable is None:
            yield _f(k, ("PSTI-S1-3.2",), Effect.NEEDS_EVIDENCE,
                     "No support period is declared, and the declaration does not say whether anything para "
                     "3(1) covers (hardware, pre-installed or required software, or manufacturer software such "
                     "as a companion app) can receive security updates: set product.updatable, and if true "
                     "declare the support period.", "product.updatable", ev)
        return
    publish = ("PSTI-S1-3.2", "EN303645-5.3-13")
    if sp.end_date is None:
        said = f" (it says {sp.statement!r})" if sp.statement else ""
        yield _f(k, publish, Effect.FAIL,
                 f"No end date for security updates is declared{said}; the defined support period "
                 "must be a period with an end date.", "support_period.end_date", ev,
                 "Publish the date until which security updates will be provided.")
    elif sp.published_url is None and sp.statement is None:
        yield _f(k, publish, Effect.NEEDS_EVIDENCE,
                 f"End date {sp.end_date} declared, but not where or how it is published.",
                 "support_period.published_url", ev)
    else:
        where = f" at {sp.published_url}" if sp.published_url else ""
        yield _f(k, publish, Effect.PASS, f"Declared support period ending {sp.end_date}, published{where}.",
                 "support_period.end_date", ev, end_date=sp.end_date.isoformat())
        if sp.end_date < on:
            yield _f(k, (), Effect.INFO, f"The support period ended on {sp.end_date}.",
                     "support_period.end_date", ev)
    if sp.end_date is not None:
        if sp.statement is not None or sp.published_url is not None:
            yield _support_access_finding(sp, ev)
        earlier = _earlier_end_dates(sp)
        shorter = _shortening(sp)
        if shorter:
            before, after = shorter
            yield _f(k, ("PSTI-S1-3.6",), Effect.FAIL,
                     f"The support period was shortened: it ended {before} before, then {after}.",
                     "support_period.history" if sp.history else "support_period.previous_end_dates", ev,
                     "Restore the published end date; a published period may be extended, never shortened.")
        else:
            yield _f(k, ("PSTI-S1-3.6",), Effect.PASS, "No shortening of the published support period.",
                     "support_period.previous_end_dates", ev)
        if earlier and not shorter and sp.end_date > max(earlier):
            yield _f(k, ("PSTI-S1-3.3",), Effect.PASS,
                     f"Extended support period ending {sp.end_date} is declared published.",
                     "support_period.end_date", ev)
        elif not earlier:
            yield _f(k, ("PSTI-S1-3.3",), Effect.NOT_APPLICABLE, "The support period has not been extended.",
                     "support_period.previous_end_dates", ev)
    if sp.invitation_to_purchase_on_own_site is None and sp.alongside_invitation_to_purchase is None:
        yield _f(k, ("PSTI-S1-3.5",), Effect.NEEDS_EVIDENCE,
                 "Para 3(5) applies only where the manufacturer publishes an invitation to purchase on its own "
                 "website or a non-paid-for website it controls, and the declaration does not say whether it "
                 "does: set support_period.invitation_to_purchase_on_own_site (and, if true, "
                 "support_period.alongside_invitation_to_purchase).",
                 "support_period.invitation_to_purchase_on_own_site", ev)
    placed = sp.alongside_invitation_to_purchase
    if sp.invitation_to_purchase_on_own_site is True and placed is None:
        yield _f(k, ("PSTI-S1-3.5",), Effect.NEEDS_EVIDENCE,
                 "The manufacturer sells from its own website, but the declaration does not say whether the "
                 "support period is shown alongside the main characteristics there "
                 "(support_period.alongside_invitation_to_purchase).",
                 "support_period.alongside_invitation_to_purchase", ev)
    if placed is True:
        yield _f(k, ("PSTI-S1-3.5",), Effect.PASS,
                 "Declared: shown alongside the main characteristics where the product is offered.",
                 "support_period.alongside_invitation_to_purchase", ev)
    elif placed is False:
        yield _f(k, ("PSTI-S1-3.5",), Effect.FAIL,
                 "Declared: not shown alongside the invitation to purchase on the manufacturer's site.",
                 "support_period.alongside_invitation_to_purchase", ev,
                 "Show the support period next to the product's main characteristics.")


# Sch 1 para 3(4)(a)-(e), in the words a finding uses.
_SUPPORT_ACCESS = (
    ("without_prior_request", "without prior request"),
    ("english", "in English"),
    ("free_of_charge", "free of charge"),
    ("without_personal_information", "without personal information"),
    ("understandable_without_technical_knowledge", "understandable without technical knowledge"),
)


def _support_access_finding(sp: SupportPeriod, ev: str) -> Finding:
    """Para 3(4): each of the five conditions declared, as para 2(3)'s are for reporting."""
    k = "DECL-SUPPORT-PERIOD"
    failed = [words for name, words in _SUPPORT_ACCESS if getattr(sp, name) is False]
    unknown = [(name, words) for name, words in _SUPPORT_ACCESS if getattr(sp, name) is None]
    if failed:
        return _f(k, ("PSTI-S1-3.4",), Effect.FAIL,
                  f"Declared: the support-period information is not available {', '.join(failed)}.",
                  "support_period", ev,
                  "Publish the end date in plain English on a public page, free, with no login or form.")
    if unknown:
        fields = ", ".join(f"support_period.{name}" for name, _ in unknown)
        return _f(k, ("PSTI-S1-3.4",), Effect.NEEDS_EVIDENCE,
                  "The declaration does not say whether the support-period information is available "
                  f"{', '.join(words for _, words in unknown)} ({fields}).", "support_period", ev)
    return _f(k, ("PSTI-S1-3.4",), Effect.PASS,
              "Declared: available without request, in English, free, without personal information and "
              "understandable without technical knowledge.", "support_period", ev)


def _earlier_end_dates(sp: SupportPeriod) -> list[dt.date]:
    """End dates published before the current one."""
    dated = [h.end_date for h in sp.history if h.end_date != sp.end_date]
    return sorted(set(dated) | set(sp.previous_end_dates))


def _shortening(sp: SupportPeriod) -> tuple[dt.date, dt.date] | None:
    """The first end date brought forward after a later one was published: (before, after)."""
    assert sp.end_date is not None
    published = [h.end_date for h in sorted(sp.history, key=lambda h: h.published_on)]
    seen = list(sp.previous_end_dates)  # undated earlier end dates: before everything else
    for end in [*published, sp.end_date]:
        if seen and end < max(seen):
            return max(seen), end
        seen.append(end)
    return None


def _label_findings(d: Declaration, on: dt.date, ev: str) -> Iterator[Finding]:
    for i, label in enumerate(d.deemed_compliance.labels):
        routes = _LABEL_ROUTES[label.scheme]
        field = f"deemed_compliance.labels[{i}]"
        if label.expires >= on:
            yield _f("DECL-LABEL", routes, Effect.PASS,
                     f"Holds {label.scheme} label {label.id}, valid until {label.expires}.", field, ev)
        else:
            yield _f("DECL-LABEL", routes, Effect.NOT_APPLICABLE,
                     f"The {label.scheme} label {label.id} expired on {label.expires}; it no longer counts.",
                     field, ev)


_STATEMENT_ROUTES = {"jc-star-star-1": "PSTI-S2A-1.A", "sg-cls": "PSTI-S2A-1.B"}
_CHECK_DUTY = {"importer": ("PSTI-ACT-s15", "s.15(5)", "the statement of compliance need not accompany the "
                            "product and no copy of it need be kept"),
               "distributor": ("PSTI-ACT-s22", "s.22(3)", "the statement of compliance need not accompany "
                               "the product")}


def _statement_label_findings(d: Declaration, on: dt.date, ev: str) -> Iterator[Finding]:
    """Schedule 2A: a current label stands in for the statement of compliance."""
    for i, label in enumerate(d.deemed_compliance.labels):
        if label.expires >= on:
            yield _f("DECL-STATEMENT-DEEMED", (_STATEMENT_ROUTES[label.scheme],), Effect.INFO,
                     f"Holds {label.scheme} label {label.id}, unexpired until {label.expires}: under "
                     "SI 2023/1007 reg 4A and Sch 2A the duty to have the product accompanied by a "
                     "statement of compliance (Act s.9(2)) is deemed met while the label is current.",
                     f"deemed_compliance.labels[{i}]", ev, label=label.id, expires=label.expires.isoformat())


def _label_check_findings(d: Declaration, on: dt.date, ev: str) -> Iterator[Finding]:
    """Importers' and distributors' records of being satisfied that the label conditions are met."""
    labels = {lb.id: lb for lb in d.deemed_compliance.labels}
    for i, check in enumerate(d.deemed_compliance.label_checks):
        duty, section, relief = _CHECK_DUTY[check.by]
        who = f"{check.by.capitalize()} {check.name}"
        field = f"deemed_compliance.label_checks[{i}]"
        label = labels.get(check.label)
        details = {"name": check.name, "by": check.by, "label": check.label, "checked_on": check.checked_on.isoformat()}
        if label is None:
            yield _f("DECL-LABEL-CHECK", (duty,), Effect.NEEDS_EVIDENCE,
                     f"{who} records checking label {check.label}, which the product is not declared to hold "
                     f"(deemed_compliance.labels); the check cannot show the {section} conditions are met.",
                     field, ev, **details)
        elif label.expires < check.checked_on:
            yield _f("DECL-LABEL-CHECK", (duty,), Effect.NEEDS_EVIDENCE,
                     f"{who} checked label {label.id} on {check.checked_on}, but it had expired on "
                     f"{label.expires}: it cannot have been satisfied that the Sch 2A conditions were met "
                     f"({section}); the product needs a statement of compliance.", field, ev, **details)
        elif label.expires < on:
            yield _f("DECL-LABEL-CHECK", (duty,), Effect.NEEDS_EVIDENCE,
                     f"{who} was satisfied on {check.checked_on} that label {label.id} met the Sch 2A conditions "
                     f"({section}), but the label expired on {label.expires}: a product made available after "
                     "that needs a statement of compliance.", field, ev, **details)
        else:
            how = f" ({check.how})" if check.how else ""
            yield _f("DECL-LABEL-CHECK", (duty,), Effect.INFO,
                     f"{who} recorded on {check.checked_on} being satisfied that the Sch 2A conditions are met "
                     f"by label {label.id}, unexpired until {label.expires}{how}: under Act {section} {relief}.",
                     field, ev, **details)


def _ics_findings(d: Declaration, ev: str) -> Iterator[Finding]:
    effect = {"supported": Effect.PASS, "not-supported": Effect.FAIL, "not-applicable": Effect.NOT_APPLICABLE}
    for provision, entry in sorted(d.ics.items()):
        pid = provision if provision.startswith("EN303645-") else f"EN303645-{provision}"
        detail = f": {entry.detail}" if entry.detail else ""
        yield _f("DECL-ICS", (pid,), effect[entry.support], f"Declared {entry.support}{detail}",
                 f"ics.{provision}", ev)


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
        try:
            text = loaded.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        evidence = evidence.model_copy(update={"attributes": {"url_positions": url_positions(text)}})
        findings = [
            *_password_findings(d.passwords, ev_id),
            *_reporting_findings(d, ev_id),
            *_support_findings(d, ctx.assessed_on, ev_id),
            *_label_findings(d, ctx.assessed_on, ev_id),
            *_statement_label_findings(d, ctx.assessed_on, ev_id),
            *_label_check_findings(d, ctx.assessed_on, ev_id),
            *_ics_findings(d, ev_id),
        ]
        return CollectorResult(evidence=[evidence], findings=[_positioned(f, text) for f in findings])
