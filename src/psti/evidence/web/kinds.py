"""Finding kinds of the web collectors (security.txt, disclosure policy, support period)."""

from __future__ import annotations

from psti.evidence.kinds import FindingKind, register_kinds

CONTACT = ("PSTI-S1-2.2.a", "EN303645-5.2-1", "ISO29147-6.2.2")
ACK = ("PSTI-S1-2.2.b", "EN303645-5.2-1", "ISO29147-6.2.5")
STATUS = ("PSTI-S1-2.2.b", "EN303645-5.2-1", "ISO29147-6.5")
DISCLOSURE_ACCESS = ("PSTI-S1-2.3",)
SP_PUBLISHED = ("PSTI-S1-3.2", "EN303645-5.3-13")
SP_ACCESS = ("PSTI-S1-3.4", "EN303645-5.3-13")
SP_PLACEMENT = ("PSTI-S1-3.5",)
SP_EXTENDED = ("PSTI-S1-3.3",)
SP_NOT_SHORTENED = ("PSTI-S1-3.6",)

_RFC = "RFC 9116"
_SECTXT_WHY = (
    "security.txt is where researchers and tools look first for a point of contact "
    "(PSTI Sch 1 para 2(2)(a)); a file that is invalid or expired tells them not to trust it."
)


def _k(code: str, title: str, checks: str, why: str, fix: str, provisions: tuple[str, ...]) -> FindingKind:
    return FindingKind(code=code, title=title, checks=checks, why=why, how_to_fix=fix, provisions=provisions)


_SECTXT: list[FindingKind] = [
    _k("SECTXT-VALID", "security.txt is valid", f"The file passes every {_RFC} MUST.", _SECTXT_WHY,
       "Nothing to do; renew Expires before it passes.", CONTACT),
    _k("SECTXT-NOT-FOUND", "No security.txt", "/.well-known/security.txt could not be fetched or is absent.",
       "Without it (or another published contact) a reporter cannot find where to report.",
       "Publish /.well-known/security.txt with Contact and Expires, or declare reporting.policy_url.", CONTACT),
    _k("SECTXT-NO-CONTACT", "No Contact field", "At least one Contact field (RFC 9116 s.2.5.3).", _SECTXT_WHY,
       "Add 'Contact: mailto:security@example.com' (or an https: reporting form).", CONTACT),
    _k("SECTXT-CONTACT-NOT-URI", "Contact is not a URI", "Contact values are URIs (mailto:, https:, tel:).",
       "Tools cannot use a bare e-mail address; RFC 9116 requires a URI.", "Write 'mailto:' before the address.",
       CONTACT),
    _k("SECTXT-NO-EXPIRES", "No Expires field", "Exactly one Expires field (RFC 9116 s.2.5.5).",
       "Expires tells readers the file is maintained; without it the file is invalid.",
       "Add 'Expires: ' with an RFC 3339 date-time less than a year ahead.", CONTACT),
    _k("SECTXT-MULTIPLE-EXPIRES", "Expires appears more than once", "Exactly one Expires field.", _SECTXT_WHY,
       "Keep one Expires line.", CONTACT),
    _k("SECTXT-BAD-EXPIRES", "Expires is not an RFC 3339 date-time", "Expires syntax, e.g. 2027-01-31T23:59:59Z.",
       _SECTXT_WHY, "Write the date as YYYY-MM-DDThh:mm:ssZ.", CONTACT),
    _k("SECTXT-EXPIRED", "security.txt has expired", "Expires is after the assessment time.",
       "An expired file means the contact may be stale; RFC 9116 says readers should not use it.",
       "Update the file and move Expires forward (less than a year).", CONTACT),
    _k("SECTXT-LONG-EXPIRY", "Expires more than a year ahead", "RFC 9116 s.2.5.5 recommends under a year.",
       "A far-off Expires hides a file nobody maintains.", "Set Expires less than a year ahead and renew it.",
       CONTACT),
    _k("SECTXT-CANONICAL-MISMATCH", "Canonical does not match the location",
       "A Canonical field lists the URL the file was fetched from (or the first URL of its redirects).",
       "A mismatch suggests a copied or stale file.", "List every URL the file is served at as Canonical.",
       CONTACT),
    _k("SECTXT-NO-CANONICAL", "Signed file without Canonical", "A signed file should name where it lives.",
       "Without Canonical, a valid signature can be replayed from another site.", "Add Canonical and re-sign.",
       CONTACT),
    _k("SECTXT-BAD-URI", "Malformed URI", "URI fields hold one valid URI (Contact, Encryption, Policy, …).",
       _SECTXT_WHY, "Put one URI per field; repeat the field for more.", CONTACT),
    _k("SECTXT-INSECURE-URI", "http:// URI", "Web URIs must begin with https:// (RFC 9116 s.2.5).", _SECTXT_WHY,
       "Use https://.", CONTACT),
    _k("SECTXT-UNUSUAL-URI", "Unusual URI scheme", "Contact is mailto:, https: or tel:; Encryption https:, "
       "openpgp4fpr: or dns:.", "Readers may not understand other schemes.", "Use a common scheme.", CONTACT),
    _k("SECTXT-BAD-CSAF", "CSAF field invalid", "CSAF points over https to a provider-metadata.json.",
       "CSAF tools read provider-metadata.json only.", "Point CSAF at https://…/provider-metadata.json.", CONTACT),
    _k("SECTXT-BAD-LANGUAGES", "Preferred-Languages invalid", "At most one field of RFC 5646 tags, comma-separated.",
       _SECTXT_WHY, "Write e.g. 'Preferred-Languages: en, nl'.", CONTACT),
    _k("SECTXT-SYNTAX", "Line syntax error", "Each line is 'Name: value', a comment or blank (RFC 9116 s.4).",
       _SECTXT_WHY, "Fix the line; comments start with '#'.", CONTACT),
    _k("SECTXT-CHARSET", "Wrong charset or encoding", "UTF-8 without BOM; served with charset=utf-8.",
       _SECTXT_WHY, "Save as UTF-8 without BOM; serve 'text/plain; charset=utf-8'.", CONTACT),
    _k("SECTXT-CONTENT-TYPE", "Wrong Content-Type", "Served as text/plain (RFC 9116 s.3).", _SECTXT_WHY,
       "Configure the web server to send text/plain; charset=utf-8.", CONTACT),
    _k("SECTXT-LINE-ENDINGS", "Line endings", "Every line ends with CRLF or LF, including the last.", _SECTXT_WHY,
       "End the file with a newline; avoid bare CR.", CONTACT),
    _k("SECTXT-NOT-TEXT", "Not a text file", "The content is text.", _SECTXT_WHY, "Serve the text file.", CONTACT),
    _k("SECTXT-TOO-LARGE", "File too large", "A security.txt is a few hundred bytes; over 32 KiB is refused.",
       _SECTXT_WHY, "Serve the real file.", CONTACT),
    _k("SECTXT-NOT-HTTPS", "Not served over HTTPS", "RFC 9116 s.3 requires HTTPS.", _SECTXT_WHY,
       "Serve the file over HTTPS.", CONTACT),
    _k("SECTXT-LEGACY-LOCATION", "Served at /security.txt only", "The file lives at /.well-known/security.txt.",
       "Readers look in /.well-known first.", "Move or copy it to /.well-known/security.txt.", CONTACT),
    _k("SECTXT-UNKNOWN-FIELD", "Field not in RFC 9116", "Field names are those of the IANA registry.",
       "Readers ignore unknown fields.", "Remove it or use a registered field.", CONTACT),
    _k("SECTXT-MISSPELT-FIELD", "Misspelt field", "Near-misses of registered names (e.g. Acknowledgements).",
       "A misspelt field is ignored, so its information is lost.", "Use the registered spelling.", CONTACT),
    _k("SECTXT-NOT-SIGNED", "Not signed", "RFC 9116 s.2.3 recommends an OpenPGP cleartext signature.",
       "A signature lets readers check the file was not altered.", "Sign with 'gpg --clearsign'.", CONTACT),
    _k("SECTXT-SIGNATURE-FORMAT", "Signature framing broken", "The OpenPGP cleartext framework (RFC 4880 s.7).",
       _SECTXT_WHY, "Re-sign the whole file with 'gpg --clearsign'.", CONTACT),
    _k("SECTXT-SIGNATURE-VALID", "Signature verified", "The signature verifies against the key given.",
       "Confirms the file is the manufacturer's.", "Nothing to do.", CONTACT),
    _k("SECTXT-SIGNATURE-BAD", "Signature does not verify", "The signature verifies against the key given.",
       "A bad signature means the content was changed or signed by someone else.",
       "Re-sign the current file with the published key.", CONTACT),
    _k("SECTXT-SIGNATURE-UNVERIFIED", "Signature not verified", "Signed, but no key was given (or gpg is absent).",
       "The signature is reported, not trusted.", "Pass --key with the manufacturer's public key.", CONTACT),
]

_POLICY_WHY = "PSTI Sch 1 para 2(2) requires publishing a point of contact and when reporters hear back."
_POLICY: list[FindingKind] = [
    _k("DISC-CONTACT", "Point of contact published", "A contact (e-mail, reporting form or platform) is found.",
       _POLICY_WHY, "Nothing to do.", CONTACT),
    _k("DISC-NO-CONTACT", "No point of contact found", "A contact is found in security.txt or the policy.",
       _POLICY_WHY, "State an e-mail address or reporting form in the policy.", CONTACT),
    _k("DISC-ACK-TIMESCALE", "Acknowledgement timescale published", "The policy says when a report is acknowledged.",
       "PSTI Sch 1 para 2(2)(b)(i); ISO/IEC 29147 6.2.5.", "Nothing to do.", ACK),
    _k("DISC-NO-ACK-TIMESCALE", "No acknowledgement timescale", "A sentence says *when* reports are acknowledged "
       "(e.g. 'within 5 working days').", "'We will respond' without a when does not meet para 2(2)(b)(i).",
       "Add e.g. 'We acknowledge every report within 5 working days.'", ACK),
    _k("DISC-STATUS-TIMESCALE", "Status-update timescale published", "The policy says when status updates come.",
       "PSTI Sch 1 para 2(2)(b)(ii); ISO/IEC 29147 6.5.", "Nothing to do.", STATUS),
    _k("DISC-NO-STATUS-TIMESCALE", "No status-update timescale", "A sentence says when status updates are sent "
       "until resolution (e.g. 'at least every 30 days').", "Required by para 2(2)(b)(ii).",
       "Add e.g. 'We update you at least every 30 days until the issue is resolved.'", STATUS),
    _k("DISC-NEEDS-POLICY", "Timescales need a policy", "security.txt has no field for acknowledgement or "
       "status-update timescales; a policy page must supply them.", _POLICY_WHY,
       "Declare reporting.policy_url or add a Policy field pointing to the policy.", ACK + STATUS[-1:]),
    _k("DISC-ACCESSIBLE", "Policy accessible", "No sign-in, payment or personal details needed; in English.",
       "PSTI Sch 1 para 2(3)(a)-(d).", "Nothing to do.", DISCLOSURE_ACCESS),
    _k("DISC-SIGN-IN", "Policy behind a sign-in", "The page is readable without an account.",
       "Para 2(3)(a): available without prior request.", "Publish the policy on a public page.", DISCLOSURE_ACCESS),
    _k("DISC-PAID", "Policy behind a payment", "The page is free to read.", "Para 2(3)(c): free of charge.",
       "Publish the policy without a paywall.", DISCLOSURE_ACCESS),
    _k("DISC-PERSONAL-INFO", "Policy asks for personal details", "Reading needs no name or e-mail.",
       "Para 2(3)(d): without requesting personal information.", "Remove the form gate.", DISCLOSURE_ACCESS),
    _k("DISC-NOT-ENGLISH", "Policy not in English", "Most of the text is English.", "Para 2(3)(b): in English.",
       "Publish an English version.", DISCLOSURE_ACCESS),
    _k("DISC-SECURE-CHANNEL", "Secure reporting option", "PGP key, encryption or a secure form is offered.",
       "ISO/IEC 29147 6.2.2 recommends secure communication options.", "Offer an Encryption key.", CONTACT),
]

_SP_WHY = "PSTI Sch 1 para 3 and reg 2: the defined support period is published with an end date."
_SUPPORT: list[FindingKind] = [
    _k("SP-FOUND", "Support period published", "An end date, or a period with a stated start, for the product.",
       _SP_WHY, "Nothing to do.", SP_PUBLISHED),
    _k("SP-NOT-FOUND", "No support period found", "The page states the defined support period.", _SP_WHY,
       "State e.g. 'Security updates until 31 December 2029' on the page.", SP_PUBLISHED),
    _k("SP-VAGUE", "Support period not a date", "Not 'lifetime', 'as long as needed' or 'regular updates'.",
       "Reg 2 defines the DSP as a period with an end date; vague wording is not clear and transparent.",
       "Replace it with an end date.", SP_PUBLISHED),
    _k("SP-NO-START", "Period without a start", "A duration ('5 years') anchored to a stated date.",
       "'5 years from purchase' gives no end date a buyer can read (reg 2; Sch 2 para 3(3)).",
       "Give the end date, e.g. 'until 31 March 2030'.", SP_PUBLISHED),
    _k("SP-CONFLICTING", "Conflicting support periods", "One end date for the product on the page.",
       "Different end dates for the same product are not clear and transparent (para 3(4)).",
       "State one end date per model.", SP_ACCESS),
    _k("SP-PRODUCT-NOT-IDENTIFIED", "Product not named", "The page names the product model.",
       "A period that cannot be tied to the product does not define its support period.",
       "Name the model next to the period.", SP_PUBLISHED),
    _k("SP-COARSE-DATE", "End date given as a month or year", "The end date's precision.",
       "Read as the last day of that month or year; a full date is clearer.", "Give a full date.", SP_ACCESS),
    _k("SP-ENDED", "Support period has ended", "The end date is after the assessment date.",
       "Products placed on the market after their DSP has ended get no security updates.",
       "Extend and publish a new period, or stop supplying the product.", ("PSTI-S1-3.2",)),
    _k("SP-SHORTENED", "Support period shortened", "No earlier-recorded end date is later than this one.",
       "Para 3(6): the requirement is not met if the DSP is shortened after publication.",
       "Restore the published end date.", SP_NOT_SHORTENED),
    _k("SP-NOT-SHORTENED", "Support period not shortened", "Compared with the locally recorded history.",
       "Para 3(6).", "Nothing to do.", SP_NOT_SHORTENED),
    _k("SP-EXTENDED", "Support period extended", "A later end date than recorded before.",
       "Para 3(3): an extension is published as soon as practicable.", "Nothing to do.", SP_EXTENDED),
    _k("SP-ALONGSIDE-PURCHASE", "Shown where the product is offered", "The page invites purchase (price, basket) "
       "and shows the period.", "Para 3(5).", "Nothing to do.", SP_PLACEMENT),
    _k("SP-NOT-ALONGSIDE-PURCHASE", "Missing where the product is offered", "A purchase page shows the period.",
       "Para 3(5): alongside the main characteristics in an invitation to purchase.",
       "Show the end date on the product page.", SP_PLACEMENT),
    _k("SP-ACCESS", "Support statement not freely readable", "No sign-in, payment or personal details; English.",
       "Para 3(4)(a)-(d).", "Publish it on a public page.", SP_ACCESS),
    _k("SP-ACCESSIBLE", "Support statement freely readable", "No sign-in, payment or personal details; English.",
       "Para 3(4)(a)-(d).", "Nothing to do.", SP_ACCESS),
]

_WEB: list[FindingKind] = [
    _k("WEB-FETCH-FAILED", "Page could not be fetched", "The URL is fetched safely (see the reason code).",
       "Evidence that cannot be read cannot show compliance.",
       "Check the URL, or give a saved copy as an artefact.", ()),
    _k("WEB-HTTP-STATUS", "Page returned an error status", "The URL answers 2xx.",
       "A 404 or 403 means the information is not published there.", "Fix the URL or the page.", ()),
    _k("WEB-UNREADABLE", "Document not readable text", "The document is text or HTML.",
       "Binary, image or huge documents cannot be examined.", "Publish the information as a web page.", ()),
    _k("WEB-OFFLINE", "Not fetched (offline)", "Offline runs use saved copies only.",
       "A URL without a saved copy cannot be examined offline.", "Add a saved copy as an artefact.", ()),
    _k("WEB-DOCUMENT", "Document examined", "A page or file was read (URL, time, SHA-256 in the evidence).",
       "Reproducible evidence.", "Nothing to do.", ()),
]

KINDS = {k.code: k for k in (*_SECTXT, *_POLICY, *_SUPPORT, *_WEB)}
register_kinds(KINDS.values())
