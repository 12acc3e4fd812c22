"""Vulnerability disclosure policy analysis.

Reads a policy as text and finds what PSTI Sch 1 para 2 and its deemed-compliance
routes ask for: a point of contact (para 2(2)(a); EN 303 645 5.2-1; ISO/IEC 29147
6.2.2), *when* a reporter gets an acknowledgement (para 2(2)(b)(i); 29147 6.2.5) and
status updates until resolution (para 2(2)(b)(ii); 29147 6.5), and the para 2(3)
access conditions: no sign-in or prior request, English, free, no personal details
asked.

Promises and their timescales are read with an English dependency parser
(`psti.evidence.web.language`): each timescale ("within 5 working days", "every 14 days")
belongs to the promise it modifies in the parse tree (acknowledge, reply, status update,
fix, disclose), so a status-update promise without a time does not borrow the time of
the acknowledgement next to it, and a time to fix is nobody's acknowledgement time. Only
when the tree does not reach a promise and the sentence holds one kind of promise alone
("Acknowledgement: within 2 days") does the sentence decide. Contacts and access
conditions are patterns. Every result carries the sentence and the words that decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Literal

from psti.evidence.web.dates import NUMBER_WORDS
from psti.evidence.web.foreign import language_of
from psti.evidence.web.foreign_policy import foreign_promises
from psti.evidence.web.pagetext import (
    EMAIL_ADDRESS,
    HIDDEN_EMAIL,
    PageText,
    clip,
    label_like,
    semicolon_items,
    sentences,
)
from psti.evidence.web.tree_walk import subtree_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NUM = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|"
    r"fifteen|twenty|thirty|forty-eight|seventy-two|ninety|a\s+few|a\s+couple\s+of|a|an)"
)
# ("five German business days": a place's working days)
_UNIT = (
    r"(?:(?:(?:german|uk|us|dutch|french|swiss|austrian|local)\s+)?(?:business|working|work|calendar)[\s-]+)?"
    r"(?:hours?|hrs?|hs|days?|weeks?|fortnights?|months?)\b"  # (not "a monthly")
)
_ASIDE = r"(?:\s*\([^()]{1,20}\))?"  # "48 (or so) hours", "5 (five) days"
_ABOUT = r"(?:~\s*|(?:approx\.|approximately|about|around|roughly)\s+)?"  # "within ~2 days", "within about a week"
TIMESCALE = re.compile(
    rf"(?:≤|<=)\s*(?:{_NUM}{_ASIDE}\s*[- ]?{_UNIT}|\d{{1,3}}\s*(?:h|hrs|d)\b)"  # "≤24 h" (not "< 1 day", a statistic)
    rf"|\b(?:(?:within\s+(?:a\s+)?maximum\s+of|within|with\s+in|in|after|every|each|at\s+least\s+(?:once\s+)?every|no\s+(?:later|more)\s+than|"
    rf"up\s+to|at\s+most|maximum\s+of|not\s+exceeding)\s+(?:the\s+)?(?:next\s+)?{_ABOUT}{_NUM}{_ASIDE}"
    rf"(?:\s*(?:-|–|~|to|or)\s*{_NUM})?\s*[- ]?{_UNIT}"  # ("2~3 working days", as some write a range)
    rf"|{_NUM}{_ASIDE}\s*[- ]{_UNIT}"
    rf"|\d{{1,3}}\s*(?:h|hrs|d)\b"
    rf"|(?:next|same|following)\s+(?:business|working)\s+day"
    # "weekly", "At least weekly", "at least once a week": a frequency and its least
    rf"|\b(?:at\s+least\s+)?(?:on\s+an?\s+)?(?:daily|weekly|fortnightly|monthly|bi-?weekly|bi-?monthly|quarterly)(?:\s+basis)?\b"
    rf"|(?:at\s+least\s+)?once\s+(?:a|per|every)\s+(?:week|fortnight|month)"
    # "every week", "every other week", "every fortnight": a frequency with no number
    # (not "respond every working day": how often a list is watched)
    rf"|(?:at\s+least\s+)?every\s+(?:other\s+)?(?:week|fortnight|month)\b)"
    rf"(?:,?\s+at\s+(?:the\s+)?(?:most|latest))?"  # "one week at most": the bound, not the typical time
    # "within a week (7 days)", "within 48 Hours/Two Working Days": the restatement with it
    # (the slash read as "or" for the parser)
    rf"(?:\s*\(\s*\d{{1,3}}\s*{_UNIT}\s*\)|(?:\s*/\s*|\s+or\s+){_NUM}\s*[- ]?{_UNIT})?",
    re.I,
)
_BOUND_WORDS = re.compile(r"at\s+(?:the\s+)?(?:most|latest)|no\s+(?:later|more)\s+than|maximum|not\s+exceeding", re.I)
_ACK = re.compile(
    r"acknowledg|confirm(?:ation)?\s+(?:of\s+)?(?:the\s+)?receipt|receipt\s+of\s+(?:your|the)\s+report|"
    r"\brespond\b|\bresponse\b|\breply\b|get\s+back\s+to\s+you|hear\s+(?:back\s+)?from\s+us|\bin\s+(?:touch|contact)\b|"
    r"initial\s+(?:contact|assessment|triage)|\btriage",
    re.I,
)
_STATUS = re.compile(
    r"status\s+updates?|updates?\s+(?:on|about|regarding)\s+(?:the\s+|its\s+|our\s+)?(?:status|progress)|"
    r"keep\s+you\s+(?:informed|updated|posted|up\s+to\s+date|in\s+the\s+loop)|"
    r"(?:inform|notify|update)\s+(?:you|the\s+reporter)\b|progress\s+updates?|"
    r"regular\s+updates|ongoing\s+communication|(?:provide|send|give)\s+(?:you\s+)?(?:an?\s+)?updates?",
    re.I,
)
_UNTIL_RESOLVED = re.compile(
    r"until\s+(?:the\s+)?(?:issue|vulnerability|report|it|problem)?\s*(?:is\s+)?(?:resolved|fixed|closed|remediated)",
    re.I,
)
_REPORT_CONTEXT = re.compile(
    r"report|submit|disclos|vulnerab|security\s+(?:issue|bug|problem|concern|team)|bug\s+bounty|psirt|"
    # the same in the languages makers' pages come in ("Schwachstelle melden", "脆弱性の報告")
    r"schwachstell|sicherheitslück|\bmeld|meldung|vulnérabilit|signaler|vulnerabilidad|reportar|脆弱性|報告|レポート|漏洞|报告|취약점|신고|"
    # ("Du kan rapportere svakheter til oss via e-post: …", "rapportera sårbarheter")
    r"\brapport\w*|sårbarhe[dt]|svakhet|"
    # Czech and Polish: "Objevenou zranitelnost nahlaste na email …", "zgłaszanie luk w zabezpieczeniach"
    r"zranitelnost|\bnahla[sš]\w*|hlášení|podatnoś|\bzgłasz\w*|\bzabezpiecze",
    re.I,
)
# (bounded by ASCII only: Chinese and Japanese set an address against their own characters,
# "发送安全问题至iotsecurity@midea.com", "psirt@acme.comまで")
_EMAIL = re.compile(rf"(?<![A-Za-z0-9_.%+-])({EMAIL_ADDRESS})(?![A-Za-z0-9_])")
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
# an address written without its scheme ("using the following link/email: www.hisense-usa.com/contact")
_BARE_URL = re.compile(r"(?<![\w./@-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s<>\"')\]]*)?", re.I)
_SECURITY_LOCAL = re.compile(r"secur|psirt|cert|csirt|vuln|disclos|bugs?|bounty|abuse|infosec|product-?security", re.I)
_PLATFORMS = re.compile(
    r"hackerone\.com|bugcrowd\.com|intigriti\.com|yeswehack\.com|zerocopter\.com|openbugbounty\.org|"
    r"/security/advisories/new|/security/policy|responsible-disclosure|vulnerability-disclosure|/report|"
    r"forms\.gle/|docs\.google\.com/forms/|forms\.office\.com/|typeform\.com/to/|jotform\.com/|tally\.so/r/|"
    r"^https://(?:github\.com|gitlab\.com|codeberg\.org)/[^/\s]+/[^/\s]+/issues(?:/new\S*)?/?$",
    re.I,
)
_SIGN_IN = re.compile(
    r"\b(?:sign|log)\s?(?:in|on)\s+(?:to|in\s+order\s+to)\s+(?:continue|view|read|access|see|report|submit)|"
    r"you\s+(?:must|need\s+to)\s+(?:be\s+)?(?:signed|logged)\s+in|please\s+(?:sign|log)\s?in\b|"
    r"login\s+required|(?:create|register)\s+(?:an\s+)?account\s+to\s+(?:view|read|report|continue|access)",
    re.I,
)
_PAID = re.compile(
    r"subscribe\s+to\s+(?:read|continue|access|view)|subscription\s+(?:is\s+)?required|paywall|"
    r"(?:payment|fee)\s+(?:is\s+)?required|pay\s+(?:a\s+fee\s+)?to\s+(?:read|access|view|report)|"
    r"premium\s+members\s+only",
    re.I,
)
_PERSONAL = re.compile(
    r"enter\s+your\s+(?:e-?mail|name|phone|details)\s+to\s+(?:view|read|access|download|see|continue)|"
    r"(?:provide|give)\s+your\s+(?:e-?mail|name|details)\s+(?:address\s+)?(?:to|before)\s+(?:view|read|access|download)",
    re.I,
)
_SECURE = re.compile(r"\bpgp\b|\bgpg\b|openpgp|encrypt|public\s+key|\bs/mime\b|signal", re.I)
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "as",
        "with",
        "be",
        "on",
        "by",
        "this",
        "are",
        "or",
        "from",
        "at",
        "an",
        "we",
        "will",
        "you",
        "your",
        "our",
        "not",
        "have",
        "has",
        "if",
        "can",
        "which",
        "all",
        "any",
        "report",
        "reports",
        "security",
        "vulnerability",
        "please",
        "us",
        "when",
        "within",
        "days",
        "receive",
        "received",
        "issue",
        "issues",
        "contact",
        "information",
        "products",
        "product",
        "support",
        "updates",
        "update",
        "until",
        "after",
        "should",
        "must",
        "may",
        "would",
        "they",
        "their",
        "these",
        "those",
        "about",
        "more",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


Promise = Literal["acknowledgement", "reply", "status update", "fix", "disclosure"]


@dataclass(frozen=True)
class Commitment:
    """A promise in a sentence, with the timescale that modifies it (if any)."""

    sentence: str
    timescale: str | None
    promise: Promise = "acknowledgement"
    decided_by: str = ""  # the words that decided, e.g. "'within 5 days' modifies 'acknowledge'"

    @property
    def has_when(self) -> bool:
        return self.timescale is not None


@dataclass
class PolicyAnalysis:
    contacts: list[str] = field(default_factory=list)
    acknowledgement: list[Commitment] = field(default_factory=list)  # acknowledgements, then replies
    status_updates: list[Commitment] = field(default_factory=list)
    other_promises: list[Commitment] = field(default_factory=list)  # fix, disclosure
    parse_cut: bool = False  # the page had more promise-bearing text than is parsed
    until_resolved: bool = False
    sign_in: str | None = None  # the evidence for a sign-in wall
    paid: str | None = None
    personal_info: str | None = None
    english_ratio: float = 0.0
    declared_lang: str = ""
    secure_channel: str | None = None
    hidden_address: str | None = None  # a sentence whose address a site's e-mail protection left hidden
    # links to guidelines or another page on how to report ("all information on how to report … at …"):
    # where the point of contact may be, not one
    pointers: list[str] = field(default_factory=list)
    words: int = 0

    @property
    def ack_when(self) -> Commitment | None:
        timed = [c for c in self.acknowledgement if c.has_when]
        return next((c for c in timed if c.promise == "acknowledgement"), timed[0] if timed else None)

    @property
    def status_when(self) -> Commitment | None:
        return next((c for c in self.status_updates if c.has_when), None)

    @property
    def english(self) -> bool | None:
        """True, False, or None when there is too little text to say."""
        if self.words < 20:
            return None
        lang = self.declared_lang.lower()
        if self.english_ratio >= 0.12:
            return True
        if self.english_ratio < 0.05 or (lang and not lang.startswith("en")):
            return False
        return None


def analyse_policy(page: PageText, promises: bool = True) -> PolicyAnalysis:
    """Contacts, access conditions and (unless `promises` is False, which needs no parser)
    the promises with their timescales."""
    out = PolicyAnalysis(declared_lang=page.lang)
    words = [w.lower() for w in _WORD.findall(page.text)]
    out.words = len(words)
    if words:
        out.english_ratio = sum(1 for w in words if w in _ENGLISH) / len(words)
    lead = ""  # the sentence before: "Email us privately at:" labels the address under it
    held = 0  # lines of an address block under that sentence ("… please contact CT at:", a name, a PO box, the e-mail)
    for s in sentences(page.text):
        _contacts_in(s, out.contacts, lead, out.pointers)
        _channels_in(s, out.contacts, lead)
        if _introduces(lead) and held < _ADDRESS_LINES and len(s) <= 60 and not s.rstrip().endswith(":"):
            held += 1
        else:
            lead, held = s, 0
        if _UNTIL_RESOLVED.search(s):
            out.until_resolved = True
        if out.sign_in is None and (m := _SIGN_IN.search(s)):
            out.sign_in = f"the page says {m.group(0)!r}"
        if out.paid is None and (m := _PAID.search(s)):
            out.paid = f"the page says {m.group(0)!r}"
        if out.personal_info is None and (m := _PERSONAL.search(s)):
            out.personal_info = f"the page says {m.group(0)!r}"
        if out.secure_channel is None and _SECURE.search(s):
            out.secure_channel = clip(s, 300)
        if out.hidden_address is None and HIDDEN_EMAIL in s:
            out.hidden_address = clip(s, 200)
    if promises:
        _promises(page.text, out)
        out.acknowledgement = _graded_by_severity(out.acknowledgement, page.text)
    for href, text in page.links:
        if href.startswith("mailto:"):
            _add(out.contacts, href.split("?", 1)[0])
        elif (
            href.startswith("https://")
            and not _REFERENCE_SITES.search(href)
            and (_PLATFORMS.search(href) or _REPORT_CONTEXT.search(text))
        ):
            _add(out.contacts, href)
    if not out.contacts and (hosted := _hosted_programme(page.text)) is not None:
        _add(out.contacts, hosted)
    if not out.contacts and (reporting := _private_reporting_tab(page.text)) is not None:
        _add(out.contacts, reporting)
    if not out.contacts:
        _chrome_contacts(page, out.contacts)
    if page.password_field and out.sign_in is None and out.words < 300:
        out.sign_in = "the page is a sign-in form (it asks for a password)"
    if page.personal_fields and out.personal_info is None and not out.contacts and out.words < 300:
        out.personal_info = "the page is a form asking for " + ", ".join(page.personal_fields)
    return out


# a severity grade that leads a time: "High Risk: Response within 3 business days", "Critical issues: …"
_GRADE = re.compile(
    r"\b(?:critical|high|medium|moderate|low|other)(?:[\s/-]+(?:medium|risk|severity|priority|issues?|"
    r"vulnerabilit(?:y|ies)|findings?))*\s*:",
    re.I,
)
_HOURS = {"hour": 1, "hr": 1, "h": 1, "day": 24, "week": 168, "month": 720}


def _hours(timescale: str) -> float | None:
    """A timescale's length in hours, a business day counted as 7/5 of a day, for comparing them."""
    timescale = _DAY_KIND_HYPHEN.sub(" ", timescale)  # "a two-business-day acknowledgement"
    for m in _LENGTH.finditer(timescale):
        word = m.group(1).lower()
        n = int(word) if word.isdigit() else 1 if word in ("a", "an") else NUMBER_WORDS.get(word)
        if n is not None:
            return n * _HOURS[m.group(3).lower()] * (1.4 if m.group(2) else 1.0)
    return None


_DAY_KIND_HYPHEN = re.compile(r"-(?=(?:business|working|work)\b)|(?<=\bbusiness)-|(?<=\bworking)-|(?<=\bwork)-", re.I)
_LENGTH = re.compile(
    r"\b(\d{1,3}|[a-z-]+)\s*[- ]?(?:\([^()]*\)\s*)?((?:business|working|work)\s+)?(hour|hr|h|day|week|month)s?\b",
    re.I,
)


def _graded_by_severity(acks: list[Commitment], text: str) -> list[Commitment]:
    """First responses graded by severity ("High Risk: Response within 3 business days", …, "Low
    Risk: … within 7 business days"): the time that bounds every report is the longest, so it leads."""
    first = next((c for c in acks if c.has_when), None)
    at = text.find(first.sentence[:60]) if first is not None else -1
    if first is None or at < 0:
        return acks
    # the grades around the promise: from just before its sentence, over the lines that follow it
    window = text[max(0, at - 60) : at + len(first.sentence) + 400]
    grades = list(_GRADE.finditer(window))
    parts = [
        window[g.end() : n.start() if n else None].split("\n\n")[0]
        for g, n in zip(grades, [*grades[1:], None], strict=False)
    ]
    graded = [
        (h, t.group(0))
        for part in parts
        if _ACK.search(part) and (t := TIMESCALE.search(part)) is not None and (h := _hours(t.group(0))) is not None
    ]
    if len(graded) < 2 or len({h for h, _t in graded}) < 2 or not any(t == first.timescale for _h, t in graded):
        return acks
    _h, longest = max(graded, key=lambda x: x[0])
    why = f"the longest of the times graded by severity ({', '.join(repr(t) for _h, t in graded)})"
    return [replace(first, timescale=longest, decided_by=why), *(c for c in acks if c is not first)]


def _chrome_contacts(page: PageText, contacts: list[str]) -> None:
    """A reporting channel given only in the site's footer or menu ("Report a vulnerability:
    security@…"); a footer's general address is no channel for reports."""
    for s in sentences(page.chrome):
        if _SECURITY_CONTEXT.search(s):
            _contacts_in(s, contacts)
            _channels_in(s, contacts)
    for href, text in page.chrome_links:
        if _SECURITY_CONTEXT.search(text) or _SECURITY_CONTEXT.search(href.split("?", 1)[0]):
            if href.startswith("mailto:"):
                _add(contacts, href.split("?", 1)[0])
            elif href.startswith("https://") and _PLATFORMS.search(href) and not _REFERENCE_SITES.search(href):
                _add(contacts, href)


_SECURITY_CONTEXT = re.compile(r"vulnerab|security|psirt|disclos|bug\s*bounty", re.I)


_PROGRAMME = re.compile(
    r"\b(?:bug\s+bounty|(?:responsible|coordinated|vulnerability)\s+disclosure)\s+program(?:me)?\b", re.I
)
# "This program follows Bugcrowd's standard disclosure terms", "submissions for our program with a valid
# Intigriti account": the page is the programme itself
_THIS_PROGRAMME = re.compile(
    r"\b(?:this|our)\s+program(?:me)?\b(?!\s+(?:is\s+)?(?:paused|closed|suspended|ended))", re.I
)
# reporting platforms by name (the programme-page reader and the channel reader alike)
_PLATFORM_WORDS = r"hacker\s?one|bugcrowd|intigriti|yes\s?we\s?hack|zerocopter|bugbank|vulbox|butian|immunefi"
_PLATFORM_NAME = re.compile(rf"\b(?:{_PLATFORM_WORDS})\b", re.I)
# a platform named for its public rating scale only ("will use the Bugcrowd Vulnerability Rating Taxonomy"),
# which any programme may use wherever it is run
_TAXONOMY_AFTER = re.compile(r"(?:['’]s)?\s+(?:Vulnerability\s+Rating\s+Taxonomy|VRT)\b", re.I)
_NO_PROGRAMME = re.compile(r"\b(?:no|not\s+(?:run|have|operate)\s+a)\s*$", re.I)
# a sentence that says none is published: "No coordinated vulnerability disclosure policy, security contact or bug
# bounty programme is published on any … host"
_NONE_PUBLISHED = re.compile(
    r"^\W*(?:no|there\s+is\s+no)\b[^.]{0,160}?\b(?:is|are|was|were)\s+(?:currently\s+)?"
    r"(?:published|available|offered|run|operated|provided|found)\b",
    re.I,
)
_PROGRAMME_STOPPED = re.compile(r"\b(?:paused|closed|suspended|discontinued|ended)\b", re.I)


# a repository's Security overview as its host shows it: "Security: owner/repo", and the button that opens a
# private report on it when the owner has turned private reporting on
_SECURITY_TAB = re.compile(r"^\s*Security:\s+(?P<repo>[\w.-]{1,100}/[\w.-]{1,100})\s*$", re.M)
_REPORT_BUTTON = re.compile(r"^\s*Report\s+a\s+vulnerability\s*$", re.M | re.I)


def _private_reporting_tab(text: str) -> str | None:
    """A repository's Security tab that offers "Report a vulnerability" (even with no policy file): the
    host's private vulnerability reporting for that repository is the channel."""
    if (tab := _SECURITY_TAB.search(text)) is None or _REPORT_BUTTON.search(text) is None:
        return None
    return f"channel: private vulnerability reporting on {tab.group('repo')}'s Security tab"


def _hosted_programme(text: str) -> str | None:
    """A page that is the maker's programme on a reporting platform ("This is a responsible
    disclosure program …; follow the Intigriti Community Code of Conduct"): the channel is the
    programme itself, where reports are submitted."""
    platform = next((p for p in _PLATFORM_NAME.finditer(text) if not _TAXONOMY_AFTER.match(text, p.end())), None)
    for s in sentences(text):
        if (
            (m := _PROGRAMME.search(s) or (_THIS_PROGRAMME.search(s) if platform is not None else None))
            and not _NO_PROGRAMME.search(s[: m.start()][-40:])
            and not _NONE_PUBLISHED.search(s)
            and not _PROGRAMME_STOPPED.search(s)
        ):
            if platform is not None:
                return f'channel: the {m.group(0).lower()} on {platform.group(0)} ("{clip(s, 160)}")'
            if len(s) <= 80 and s.rstrip().lower().endswith(("program", "programme")) and _SUBMITTING.search(text):
                # the page is headed by the programme's name ("IMOU Public Bug Bounty Program") and takes
                # reports: the programme's own page, on whatever platform it lives
                return f'channel: the programme this page heads ("{clip(s, 160)}")'
    return None


_SUBMITTING = re.compile(r"\bsubmit(?:ting)?\s+(?:a\s+|your\s+)?reports?\b|\bprogram(?:me)?\s+rules\b", re.I)


# a template's host: "your-domain.com", "yourcompany.com", "mydomain.com", "company.tld"; RFC 2606
# example domains and reserved top-level domains (".example" is left as an address: stand-in pages use it)
_TEMPLATE_HOST = (
    r"(?:[\w-]+\.)*(?:(?:your|my)[-_]?(?:domain|company|org|organi[sz]ation|project|site|website|product|server|"
    r"host|team|brand)\.[a-z.]+|example\.(?:com|org|net)|[\w.-]+\.(?:test|invalid|localhost|tld))"
)
# template addresses and local parts
_PLACEHOLDER = re.compile(rf"@{_TEMPLATE_HOST}$|^(?:your[-_.]?e?-?mail|your[-_.]?address|name|user)@", re.I)
_URL_PLACEHOLDER = re.compile(
    r"^https://[^/]+/(?:your[-_]?(?:repo|org|organi[sz]ation|user(?:name)?|name|account|project)|username|owner|"
    rf"user|org|example)/|^https?://{_TEMPLATE_HOST}(?:[/:?#]|$)|[./]example\.(?:com|org|net)(?:/|$)",
    re.I,
)
# an address given for something other than reports
_OTHER_PURPOSE = re.compile(
    r"\blegal\s+(?:concerns?|questions?|matters|enquir\w+|inquir\w+)|\bpress\b|\bmedia\s+(?:enquir|inquir)|"
    r"\bsales\b|\bcareers?\b|\bjob\s+applications?|\bprivacy\s+(?:requests?|questions?|enquir\w+|inquir\w+)|"
    r"\bdata\s+protection\s+(?:requests?|questions?|officer)|\bunsubscribe\b|"
    # ("enquiries regarding … Data in connection with the EU Data-Act")
    r"\bdata[\s-]+act\b|\bdata\s+(?:access\s+)?requests?",
    re.I,
)
# (and the same labels in the other languages makers' pages come in: "Kontakt", "courriel", "correo")
_EMAIL_LABEL = re.compile(
    r"\b(?:e-?mail(?:ov\w+)?|mailbox|contact|write\s+to|reach\s+(?:us|me)|mail\s+(?:to|us|me)|kontakt|courriel|correo|contacto|contato)\b",
    re.I,
)


# an address written out against harvesters: "josh.mulliken (at) hey (dot) com", "security(at)tado.com",
# "psirt[at]acme[dot]com", "bounty -at- ledger.fr" (the "at" marked by brackets or hyphens)
# (and "robson _at_ …", "csirt @ active24.cz")
_OBFUSCATED_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s*-\s*at\s*-\s*|\s+_at_\s+|\s+@\s+)"
_OBFUSCATED_DOT = re.compile(r"\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+_dot_\s+", re.I)  # "(dot)", "[.]", " _dot_ "
_OBFUSCATED = re.compile(
    rf"(?<![\w.+-])([A-Za-z0-9._%+-]{{1,64}}){_OBFUSCATED_AT}"
    rf"([A-Za-z0-9-]{{1,63}}(?:(?:{_OBFUSCATED_DOT.pattern}|\.)[A-Za-z0-9-]{{1,63}})+)",
    re.I,
)
# "security AT yoctoproject DOT org", "security AT acme.org": the words in capitals, so that prose
# ("report it to us at acme.co.uk/security") is not taken
_SPELLED_OUT = re.compile(
    r"(?<![\w.+-])([A-Za-z0-9._%+-]{1,64})\s+AT\s+([A-Za-z0-9-]{1,63}(?:(?:\s+DOT\s+|\.)[A-Za-z0-9-]{1,63})+)"
)


def _address(dot: re.Pattern[str], m: re.Match[str]) -> str:
    """An address written out against harvesters, as the address it stands for."""
    return m.group(1) + "@" + dot.sub(".", m.group(2))


_SPOKEN_DOT = re.compile(r"\s+dot\s+", re.I)  # (the capitals form's "DOT" too)
# "security at dasharo dot com": in lower case only with a spelled "dot", and not "contact us at …"
_SPELLED_LOWER = re.compile(
    r"(?<![\w.+-])(?!(?:us|me|you|them|him|her|it|we)\s)([A-Za-z0-9._%+-]{1,64})\s+at\s+"
    r"([A-Za-z0-9-]{1,63}(?:\s+dot\s+[A-Za-z0-9-]{1,63})+)\b",
    re.I,
)
_REPO_SECURITY = re.compile(
    r"^https://(?:github\.com|gitlab\.com|codeberg\.org)/[^/\s]+/[^/\s]+/security(?:/advisories)?/?$", re.I
)


_ADDRESS_LINES = 4
# a direction to go to a page, in the languages read: "Go to", "Gehe zu", "Allez sur", "Ve a", "Vá para"
_GO_TO = re.compile(
    r"\b(?:go\s+to|visit|navigate\s+to|geh(?:e|en\s+sie)?\s+zu|allez\s+(?:à|sur)|ve\s+a|vá\s+para)\s*:?\s*\[?$", re.I
)


def _introduces(lead: str) -> bool:
    """A line ending in a colon that introduces a reporting channel ("Email us privately at:",
    "To report a security problem:"), or a contact label alone: what follows it is in its context."""
    if re.fullmatch(r"\s*(?:e-?mail|email\s+us|contact(?:\s+us)?)\s*:?\s*", lead, re.I):
        return True  # a label alone on its line over the address: "Email" then "Safety@solplanet.net"
    return lead.rstrip().endswith(":") and bool(_REPORT_CONTEXT.search(lead) or _EMAIL_LABEL.search(lead))


def _contacts_in(s: str, contacts: list[str], lead: str = "", pointers: list[str] | None = None) -> None:
    # an address in a reporting sentence, or under a label ("Email: …", "send an email to …"),
    # also when the label is the line before it
    introduced = _introduces(lead)
    context = bool(_REPORT_CONTEXT.search(s) or _EMAIL_LABEL.search(s)) or introduced
    if context and _OTHER_PURPOSE.search(_EMAIL.sub(" ", s)) and not _REPORT_CONTEXT.search(s):
        # "If you have legal concerns, please send an email to …": not for reports (the words, not an
        # address's own name: "sales@…" under "If you discover a security issue, … contact us at:")
        context = False
    # "josh.mulliken (at) hey (dot) com": an address written out against harvesting is an address
    for written, dot in ((_OBFUSCATED, _OBFUSCATED_DOT), (_SPELLED_OUT, _SPOKEN_DOT), (_SPELLED_LOWER, _SPOKEN_DOT)):
        s = written.sub(partial(_address, dot), s)
    for m in _EMAIL.finditer(s):
        addr = m.group(1).rstrip(".")
        if _PLACEHOLDER.search(addr):
            continue  # a template left unfilled ("[your-email@example.com]") is nobody's contact
        if _WRITER_ASKS_BACK.search(s[max(0, m.start() - 60) : m.start()]):
            continue  # "Can you please contact me back - hagai@…": a reporter's own address, not the maker's
        if context or _SECURITY_LOCAL.search(addr.split("@")[0]):
            _add(contacts, f"mailto:{addr}")
    if context:
        # a telephone line or a postal address for reports is a point of contact too
        if (phone := _PHONE.search(s)) is not None and 9 <= len(digits := re.sub(r"\D", "", phone.group("num"))) <= 15:
            _add(contacts, "tel:" + ("+" if phone.group("num").lstrip("(").startswith("+") else "") + digits)
        if (post := _POSTAL.search(s)) is not None:
            _add(contacts, f"post: {clip(s[post.start() : post.end()], 160)}")
    for m in _URL.finditer(s):
        url = m.group(0).rstrip(".,;:")
        before, address = s[max(0, m.start() - 160) : m.start()], url.split("?", 1)[0]
        # (a plain-http link counts only when its own address is the place to report: an old "http://"
        # written for "…/security/vulnerability-reporting/")
        secure = url.startswith("https://") or (url.startswith("http://") and _REPORT_PLACE.search(address))
        if not secure or _REFERENCE_SITES.search(url) or _URL_PLACEHOLDER.search(url):
            continue  # (a template's "github.com/your-repo/…" is nobody's channel)
        if _PUBLISHED_LINK.search(before) and not _PLATFORMS.search(url):
            continue  # "For Lexmark security advisories, go to https://…/alerts": where to read, not to report
        if (
            (_GUIDE_LINK.search(before) or _GUIDE_AFTER.match(s[m.end() : m.end() + 60]))
            and not _REPORT_PLACE.search(address + " " + before[before.rfind("[") :])
        ) or address.lower().endswith(".pdf"):
            # "Please refer to [… Incident Response Process](….pdf)": a document about reporting
            if pointers is not None:
                _add(pointers, url)
            continue
        # (a link on its own line reads with the line that introduces it: "Report suspected security issues
        # through the support portal:" over "- https://…/support")
        if _PLATFORMS.search(url) or (context and _reporting_link(url, f"{lead} {s}" if introduced else s)):
            _add(contacts, url)
        elif (introduced or _GO_TO.search(before)) and _REPO_SECURITY.search(url) and not _CHANNEL_NOT.search(s):
            # "To report a security problem:" / "1. Go to [Security Advisories](…)" (or "Gehe zu https://…")
            _add(contacts, url)
    if context:
        for m in _BARE_URL.finditer(s):
            url = "https://" + m.group(0).rstrip(".,;:")
            if not _REFERENCE_SITES.search(url) and not _URL_PLACEHOLDER.search(url) and _reporting_link(url, s):
                _add(contacts, url)


# a writer asking to be reached at the address that follows: a reporter's own address in a thread
_WRITER_ASKS_BACK = re.compile(
    r"(?:\b(?:contact|reach|e-?mail|write\s+to|get\s+back\s+to)\s+me\s+back\b|"
    r"\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:contact|reach|e-?mail|write\s+to)\s+me\b)[^.@]{0,20}$",
    re.I,
)
_PHONE = re.compile(
    r"(?:\b(?:call|calling|phone|telephone|tel\.?|ring|hotline|helpline)\b[^.\d+@]{0,40}?"
    r"|\b(?:reach|contact)\b[^.\d+@]{0,40}?\b(?:on|at)\s+)"  # "reach our security team on +44 …"
    r"(?P<num>\+?\(?\d[\d ().-]{7,18}\d)",
    re.I,
)
# "write to: Product Security, Acme Ltd, 1 High Street, London SW1A 1AA", "by post to … PO Box 12"
_POSTAL = re.compile(
    r"\b(?:write\s+to|by\s+post|post(?:al)?\s+(?:address|to)|by\s+(?:mail|letter)\s+to)\b[^.@]{0,200}?"
    r"(?:(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)|\bP\.?\s?O\.?\s+Box\s+\d+)",
    re.I,
)
_REFERENCE_SITES = re.compile(
    r"wikipedia\.org|ietf\.org|rfc-editor\.org|iso\.org|etsi\.org|legislation\.gov\.uk|w3\.org|securitytxt\.org|"
    r"first\.org|cve\.org|cve\.mitre\.org|nvd\.nist\.gov|"  # standards and vulnerability databases, not channels
    r"keys\.openpgp\.org|keyserver\.|pgp\.mit\.edu|"  # (nor a key server: a PGP key is how to encrypt, not where)
    # (nor a code host's help pages: "GitHub [recommends](https://docs.github.com/…/adding-a-security-policy…)")
    r"docs\.github\.com|help\.github\.com|docs\.gitlab\.com",
    re.I,
)


def _reporting_link(url: str, s: str) -> bool:
    if _REFERENCE_SITES.search(url):
        return False
    if url.endswith((".png", ".jpg", ".svg", ".css", ".js")):
        return False
    # a verb that sends reports there, or an address that is itself a reporting programme's
    # ("Meta has a [bounty program](https://bugbounty.meta.com/) for the safe disclosure of …")
    # (or the same said in Chinese, Japanese or Korean: "进入 DSRC https://security.dji.com 后可…提交 … 漏洞")
    return bool(
        re.search(
            r"\b(?:report|submit|send|contact|use|via|through|at|to)\b|提交|提出|报告|報告|送信|제출|신고", s, re.I
        )
    ) or bool(_PROGRAMME_ADDRESS.search(url.split("?", 1)[0]))


# a link given for what the maker publishes: "For Lexmark security advisories, go to https://…", "to view our
# security bulletins, visit …"
_PUBLISHED_LINK = re.compile(
    r"\b(?:for|to\s+(?:view|see|read|find|check)|view|see|read)\s+(?:\w+\s+){0,3}?(?:security\s+)?"
    r"(?:advisor(?:y|ies)|bulletins?|alerts?|notices|notifications)\s*,?\s*(?:please\s+)?(?:go\s+to|visit|see|at)?\s*:?\s*$",
    re.I,
)
# a link to guidelines about reporting, not a place to report: "refer to [the … Process](…)", "Please refer
# to the security policy at [Caliptra security policy](…)", "all information on how to report vulnerabilities
# at …", "Instructions to report a vulnerability may be found on the [security page of the … Wiki](…)",
# "report … utilizing the guidelines here"
_GUIDE_LINK = re.compile(
    r"\b(?:refer\s+to|see|read|consult|follow)\s+(?:the\s+|our\s+)?\[[^\]]{0,120}?"
    r"\b(?:process|policy|procedure|guidelines?|guide)\]\($"
    r"|\b(?:refer\s+to|see|read|consult)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}(?:process|policy|procedure|"
    r"guidelines?|guide|instructions)\s+(?:at|on|in|here)\s*:?\s*(?:\[[^\]]{0,120}\]\()?$"
    r"|\b(?:information|instructions|guidelines?|guidance|details)\s+(?:on|about|for|to)\s+(?:how\s+to\s+)?"
    r"report\w*\b[^.\n]{0,80}$"
    r"|\b(?:using|utili[sz]ing|following|per)\s+(?:the\s+|our\s+)?\[?(?:guidelines?|instructions|process|procedure)"
    r"\b[^.\n]{0,40}$"
    # "The security policy as well as reporting method is described here: <…>", "[How to Report Potential
    # Product Security Vulnerabilities](…)", "follow the steps on [Eclipse Security](…) page to report it"
    r"|\b(?:policy|method|process|procedure|instructions|steps)\b[^.\n]{0,60}\b(?:is|are)\s+(?:described|explained|"
    r"given|listed)\s+(?:here|at|on|in)\s*:?\s*<?$"
    r"|\[how\s+to\s+(?:report|submit)\b[^\]]{0,120}\]\($"
    # where advisories are published, not where reports go: "Security Advisories are published here: <…>"
    r"|\badvisories\b[^.\n]{0,40}\b(?:are|is)\s+(?:published|posted|listed)\s+(?:here|at|on|in)\s*:?\s*<?$"
    r"|\bfollow\s+the\s+(?:steps|instructions|process|guidelines)\s+(?:on|at|in|described\s+(?:on|at|in))\s+"
    r"(?:the\s+|our\s+)?(?:\[[^\]]{0,80}\]\()?$"
    # where an address is to be looked up, not the address: "via the email address listed on the [GitHub
    # profile](…)"
    r"|\b(?:e-?mail|address|contact\s+details)\s+(?:is\s+|are\s+)?(?:listed|given|found|shown|published)\s+"
    r"(?:on|in|at)\s+(?:the\s+|their\s+|his\s+|her\s+|my\s+|our\s+)?(?:\[[^\]]{0,80}\]\()?$",
    re.I,
)
# a link whose address or words name the place to report itself ("[Report a Vulnerability | How to Report -
# CSA-IOT](https://csa-iot.org/vulnerability-reporting/)"), not a guide about reporting ("how-to-report-…")
_REPORT_PLACE = re.compile(
    r"(?<!how-to-)(?<!how to )\breport[-_ ](?:a[-_ ])?vulnerabilit|"
    r"vulnerabilit(?:y|ies)[-_ ]report(?:ing)?\b(?![-_ ]?(?:polic|guid|process))",
    re.I,
)
# what follows a link to a page to read, not a place to report: "Please visit https://… to view the …
# security policy and vulnerability reporting program"
_GUIDE_AFTER = re.compile(r"^\S*\s+(?:to\s+(?:view|read|see|find|learn)|for\s+(?:details|more\s+information))\b", re.I)
_PROGRAMME_ADDRESS = re.compile(r"bug-?bounty|vulnerabilit|psirt|vdp\b|responsible-?disclosure", re.I)


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


# --- promises and their timescales, through the dependency parse -------------------------

_LEMMA_PROMISE: dict[str, Promise] = {
    "acknowledge": "acknowledgement", "acknowledgement": "acknowledgement", "acknowledgment": "acknowledgement",
    "acknowledgements": "acknowledgement", "receipt": "acknowledgement",
    "respond": "reply", "response": "reply", "reply": "reply", "reaction": "reply",
    "inform": "status update", "notify": "status update", "apprise": "status update",
    "fix": "fix", "patch": "fix", "remediate": "fix", "remediation": "fix", "resolve": "fix", "resolution": "fix",
    "mitigate": "fix", "mitigation": "fix",
    "disclose": "disclosure", "disclosure": "disclosure", "publish": "disclosure", "advisory": "disclosure",
}  # fmt: skip
_FIX_UPDATE = {"security", "firmware", "software"}  # "security updates" are fixes, not status updates
_RELEASED = frozenset(
    {"release", "released", "publish", "published", "deploy", "deployed", "issue", "issued", "ship", "shipped",
     "push", "pushed", "install", "installed", "distribute", "distributed", "roll", "rolled"}
)  # fmt: skip
_RECEIVING = ("receiv", "reciev", "get", "got")
_STATUS_WORDS = {"inform", "update", "post", "apprise", "informed", "updated", "posted"}
_TIMED_PROMISES = ("acknowledgement", "reply", "status update")  # the promises para 2(2)(b) asks a time of
_MESSAGES = frozenset({"email", "e-mail", "mail", "message", "notice", "notification", "letter"})
_OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "xcomp", "ccomp", "acomp", "nsubj", "pobj"}
_BLOCK_CHARS = 3_000
_PARSE_BUDGET = 50_000  # characters of promise-bearing text parsed per page (a long policy has ~15,000)
_PROMISE_PHRASE = re.compile(_ACK.pattern + "|" + _STATUS.pattern, re.I)
_PROMISE_WORD = re.compile(
    r"acknowledg|receipt|triag|respon[ds]|repl(?:y|ies|ied)|answer|addressed|reaction|inform|notif|apprise|updat|hear|"
    r"get(?:s|ting)?\s+back|in\s+touch|in\s+contact|\blet\s+(?:\w+\s+)?know|\bstatus\b|\bfollow\s+up\b|"
    r"contact|reach|confirm|progress|feedback|\bcomment",
    re.I,
)


def _worth_parsing(text: str) -> bool:
    """Only text that can hold an acknowledgement, reply or status promise goes to the parser:
    a promise phrase ('we will respond'), or a time with a word that can make such a promise
    ('contact you within a week'). A time with none of them ('Fix development: 2-4 weeks')
    times a fix or a disclosure, which no check reads."""
    return bool(_PROMISE_PHRASE.search(text) or (TIMESCALE.search(text) and _PROMISE_WORD.search(text)))


# The lemmas the rules compare with. The parser runs without spaCy's attribute ruler and
# lemmatizer (a fifth of its time): these few words are lemmatised here, from the word and
# its fine-grained tag, which the tagger gives.
_KNOWN_LEMMAS = frozenset(_LEMMA_PROMISE) | _STATUS_WORDS | _FIX_UPDATE | {
    "update", "keep", "hear", "get", "contact", "reach", "confirm", "confirmation", "progress", "report", "answer",
    "need", "take", "require",
    "receipt", "submission", "back", "flaw", "vulnerability", "issue", "bug",
    "provide", "supply", "furnish", "follow", "share", "communicate", "send", "give",
}  # fmt: skip
_IRREGULAR = {"got": "get", "gotten": "get", "getting": "get", "gets": "get", "heard": "hear", "kept": "keep"}
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""))
_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$"})


def _lemma(tok: Token) -> str:
    """The lemma of a word the rules know ('acknowledged' -> 'acknowledge', 'replies' ->
    'reply', 'got' -> 'get'); any other word as it is, in lower case."""
    w = tok.lower_
    if w in _KNOWN_LEMMAS:
        return w
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and (cand := w[: -len(suffix)] + repl) in _KNOWN_LEMMAS:
            return cand
    return w


_REPORTERS = frozenset({"you", "reporter", "reporters", "researcher", "researchers", "submitter", "finder"})
_REPORTED = frozenset({"report", "receipt", "submission", "flaw", "vulnerability", "issue", "bug"})
_HOLDING = frozenset({"receive", "received", "have", "has", "had"})  # "confirm we have (received) it"


def _conj_objects(tok: Token) -> list[Token]:
    """The objects of a verb joined to this one ("confirm and review the flaw": 'flaw')."""
    return [c for v in tok.children if v.dep_ == "conj" and _is_verb(v) for c in v.children]


def _is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD"


_ORGANISATION = frozenset(
    {"center", "centre", "team", "department", "unit", "office", "group", "desk", "program", "programme"}
)


def _in_name(tok: Token) -> bool:
    """A word inside the name of a team ("Security Response Center", "Incident Response
    Team") names the team; it promises nothing."""
    head = tok
    for _ in range(6):
        if head.dep_ != "compound" or head.head == head:
            break
        head = head.head
    return head != tok and head.lower_ in _ORGANISATION


_THIRD_PARTIES = frozenset(
    {"stakeholder", "stakeholders", "vendor", "vendors", "partner", "partners", "customer", "customers", "supplier",
     "suppliers", "authority", "authorities", "regulator", "regulators", "manufacturer", "manufacturers", "parties",
     "public", "cert", "csirt"}
)  # fmt: skip


def _named_body(tok: Token) -> bool:
    """A body named by its name ("ENISA", "the NCSC"), which no reporter is."""
    return tok.tag_ in ("NNP", "NNPS") and tok.lower_ not in _REPORTERS


def _reply_idiom(tok: Token, lemma: str) -> bool:
    """A reply said as an idiom: "get back to you", "hear back", "expect to hear from us", "the
    Security Team will be in touch", "get in contact with you"."""
    preps = [p for p in tok.children if p.dep_ == "prep"]
    if lemma in ("hear", "get") and any(c.text.lower() == "back" for c in tok.children):
        return True
    if lemma == "hear":
        return any(p.lower_ == "from" and any(g.lower_ in ("us", "we") for g in p.children) for p in preps)
    return lemma in ("be", "get", "will") and any(
        p.lower_ == "in" and any(g.lower_ in ("touch", "contact") for g in p.children) for p in preps
    )


def _own_promise(tok: Token) -> Promise | None:
    """What a word promises by itself: 'acknowledge', 'response', 'status updates'..."""
    if _in_name(tok):
        return None
    lemma = _lemma(tok)
    text = tok.text.lower()
    if lemma == "update" or text in ("update", "updates", "updated"):
        compounds = {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod")}
        if tok.dep_ == "compound":  # "Firmware update schedule": the words beside it in the name
            compounds |= {_lemma(c) for c in tok.head.children if c.dep_ == "compound" and c.i < tok.i}
        # "Security updates … will be released" misread as the verb "updates" with "Security" its subject
        compounds |= {_lemma(c) for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i}
        # updates that are released, published or deployed are the product's, not news to the reporter
        released = (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lower_ in _RELEASED) or any(
            c.dep_ in ("ccomp", "conj", "relcl") and c.lower_ in _RELEASED for c in tok.children
        )
        return "fix" if compounds & _FIX_UPDATE or released else "status update"
    if lemma == "keep":  # "keep you informed / updated / posted"
        if any(_lemma(c) in _STATUS_WORDS or c.lower_ in _STATUS_WORDS for c in tok.children):
            return "status update"
        # "keep you up to date", "are kept up to date weekly", "keep you in the loop"
        if any(
            (c.lower_ == "up" and any(g.lower_ == "date" for g in c.subtree))
            or (c.lower_ == "in" and any(g.lower_ == "loop" for g in c.children))
            for c in tok.children
        ):
            return "status update"
        return None
    if (
        lemma == "follow"
        and _is_verb(tok)
        and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        # the maker's, not the reporter's ("Please follow up within 5 days if you have not received a reply")
        and any(c.dep_ == "nsubj" and c.lower_ not in ("you", "reporter", "reporters") for c in tok.children)
    ):
        return "reply"  # "A member of our team will follow up within 10 business days"
    if _reply_idiom(tok, lemma):
        # (not "if you have not heard back after 90 days": the reporter's wait, no promise)
        return None if any(c.dep_ == "neg" for c in tok.children) else "reply"
    if lemma in ("contact", "feedback", "assessment") and any(
        c.text.lower() in ("initial", "first") for c in tok.children
    ):
        return "reply"  # "initial contact", "the initial feedback", "an initial assessment"
    if _report_shared(tok):
        return "status update"
    if lemma in ("comment", "comments") and tok.dep_ == "dobj" and tok.head.lower_.startswith(_RECEIVING):
        return "reply"  # "Issue shall receive a comment within 14 days" (also as "recieve", as some write it)
    if (
        text == "status"
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].lower_.startswith("update")
        and _is_verb(tok.doc[tok.i + 1])
    ):
        return "status update"  # "bi-weekly status updates", with "updates" misread as a verb
    if lemma in ("inform", "notify", "apprise") and any(
        c.dep_ == "dobj" and (c.lower_ in _THIRD_PARTIES or c.lower_.rstrip("s") in _THIRD_PARTIES or _named_body(c))
        for c in (*tok.children, *_conj_objects(tok))
    ):
        # "notify the stakeholders", "Notify ENISA and designated CSIRTs": news to others, not an
        # update to the reporter
        return None
    if lemma in ("inform", "notify", "tell", "verify", "confirm", "check", "review") and any(
        p.lower_ in ("of", "upon", "on", "after") and any(_lemma(g) in ("receipt", "acceptance") for g in p.children)
        for p in (*tok.children, *(g for c in tok.children if c.dep_ == "dobj" for g in c.children))
    ):
        # "inform you of its receipt", "verify … upon receipt of the report", "inform reporter of its acceptance"
        return "acknowledgement"
    if lemma in ("inform", "notify", "tell") and any(
        c.dep_ == "ccomp" and c.lower_.startswith("receiv") and any(a.lower_ in _HOLDING for a in c.children)
        for c in tok.children
    ):
        return "acknowledgement"  # "We will inform that we have received it within five business days"
    if (
        text == "know"
        and tok.head.lower_ in ("let", "lets")
        and any(c.dep_ == "ccomp" and c.lower_.startswith("receiv") for c in tok.children)
    ):
        return "acknowledgement"  # "We'll let you know (that) we have received your report within 3 days"
    if (
        lemma in ("contact", "reach")
        and _is_verb(tok)
        and any(c.dep_ == "dobj" and c.lower_ in _REPORTERS for c in tok.children)
    ):
        return "reply"  # "we will contact you within a week", "contact the reporter within 5 business days"
    if lemma == "confirmation" and any(
        p.lower_ == "of" and any(_lemma(o) in ("report", "receipt", "submission") for o in p.children)
        for p in tok.children
    ):
        return "acknowledgement"  # "a confirmation of their report"
    if lemma == "confirm" and any(
        c.dep_ == "dobj" and (_lemma(c) in _REPORTED or c.lower_ == "receipt")
        for c in (*tok.children, *_conj_objects(tok))
    ):
        return "acknowledgement"  # "confirming the report within 72 hours", "confirm and review the flaw"
    if lemma == "confirm" and any(
        c.dep_ == "ccomp"
        and (_lemma(c) == "get" or c.lower_ in _HOLDING)
        and any(
            g.dep_ in ("dobj", "nsubjpass") and (_lemma(g) in _REPORTED or g.lower_ in ("it", "them"))
            for g in c.children
        )
        for c in tok.children
    ):
        return "acknowledgement"  # "We'll confirm we got your report", "We confirm we have it within 7 days"
    if (
        lemma == "answer"
        and _is_verb(tok)
        and any(
            c.dep_ == "dobj" and (_lemma(c) in _REPORTED or c.lower_.rstrip("s") in _MESSAGES) for c in tok.children
        )
    ):
        return "reply"  # "we will answer your mail within 2-3 business days"
    if lemma == "progress" and tok.dep_ in ("compound",):
        return "status update"
    if text in ("addressed", "answered") and any(
        c.dep_ == "nsubjpass" and (_lemma(c) in _REPORTED or c.lower_.rstrip("s") in _MESSAGES) for c in tok.children
    ):
        return "reply"  # "Emails will be addressed within 3 business days"
    if lemma in ("respond", "reply", "answer") and any(
        p.dep_ == "prep"
        and p.lower_ == "to"
        and any(g.dep_ == "pobj" and any(c.lower_ in ("status", "progress") for c in g.children) for g in p.children)
        for p in tok.children
    ):
        return "status update"  # "respond to status inquiries within 10 business days"
    return _LEMMA_PROMISE.get(lemma) or _LEMMA_PROMISE.get(text)


def _in_until_clause(tok: Token) -> bool:
    """'until the issue is resolved' states how long updates go on, not a promise to resolve."""
    return any(c.dep_ == "mark" and c.text.lower() in ("until", "till", "once", "when", "after") for c in tok.children)


_INTERIM = frozenset({"preliminary", "interim", "progress", "status"})
_SHARED = frozenset({"shared", "sent", "provided"})


def _report_shared(tok: Token) -> bool:
    """ "a preliminary vulnerability report is prepared … and shared … with the contact": a report on
    the issue sent to the reporter is an update on it (not the reporter's own report)."""
    if tok.lower_ != "report" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not any(c.lower_ in _INTERIM for c in tok.children if c.dep_ in ("amod", "compound")):
        return False
    verbs = [tok.head, *(c for c in tok.head.children if c.dep_ == "conj")]
    return any(v.lower_ in _SHARED for v in verbs)


def _assessment_shared(tok: Token) -> bool:
    """ "a triage and initial severity assessment will be shared within 7 days of the acknowledgement":
    an assessment shared (with the reporter) is an update on the report, not its first answer."""
    return tok.lower_ in ("assessment", "triage") and tok.dep_ in ("nsubjpass", "nsubj") and tok.head.lower_ == "shared"


def _or_status_update(tok: Token) -> tuple[Promise, Token] | None:
    """ "a resolution or status update within 14 days": one or the other comes within the time, so
    the reporter hears at least a status update within it."""
    if _own_promise(tok) == "status update":
        return None
    if (
        tok.dep_ == "conj"
        and _own_promise(tok.head) == "status update"
        and any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.head.children)
    ):
        return "status update", tok.head  # "a status update or a fix within 30 days"
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.children):
        return None
    for conj in (c for c in tok.children if c.dep_ == "conj"):
        if _own_promise(conj) == "status update":
            return "status update", conj
    return None


def _promise_of(tok: Token) -> tuple[Promise, Token] | None:
    """What a word (usually a verb) promises: itself, or its object ('receive an acknowledgement')."""
    if _in_until_clause(tok):
        return None
    own = _own_promise(tok)
    if own is not None:
        return _or_status_update(tok) or (own, tok)
    for mod in tok.children:  # "a progress report every 30 days": the noun's own modifier
        if mod.dep_ == "compound" and (found := _own_promise(mod)) in _TIMED_PROMISES:
            return found, mod
    for child in tok.children:
        if child.dep_ not in _OBJECT_DEPS or child.tag_ in _PRONOUN_TAGS:
            continue
        for word in (child, *(c for c in child.children if c.dep_ == "conj")):
            found = _own_promise(word)
            if found is not None:
                return _or_status_update(word) or (found, word)
            # "receive an acknowledgment email", "send a status update e-mail": the object is
            # the message, and the word naming it says what it promises
            for mod in word.children:
                if mod.dep_ != "compound":
                    continue
                if (found := _own_promise(mod)) in _TIMED_PROMISES:
                    return found, mod
                if _lemma(mod) == "confirmation" and word.lower_ in _MESSAGES:
                    return "acknowledgement", mod  # "a confirmation email": of the report received
            # "an email with the initial feedback", "an email of confirmation"
            if word.lower_ in _MESSAGES and (content := _message_content(word, ("with", "of", "containing"))):
                return content
    # "reach out within 5 business days to confirm receipt": contact made for a promise (not "giving us at least 3
    # days to respond", a wait asked of the reporter)
    purposes = (c for c in tok.children if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
    for purpose in purposes if _lemma(tok) in ("reach", "contact", "write", "email", "call") else ():
        if (found := _own_promise(purpose)) in _TIMED_PROMISES:
            return found, purpose
    if _lemma(tok) in _PASSING_ON and (given := _message_content(tok, ("with",), confirmation=False)) is not None:
        return given  # "provide you with progress reports at least every 2 weeks", "follow up … with status updates"
    if (
        _lemma(tok) in _PASSING_ON
        and any(c.dep_ == "dobj" and c.lower_ in ("progress", "status") for c in tok.children)
        and not _to_others(tok)
    ):
        return (
            "status update",
            tok,
        )  # "share our progress with you every week", "communicate the status … every 30 days"
    if any(c.dep_ == "dobj" and c.lower_ in _MESSAGES for c in tok.children):
        # "We will send an email with initial feedback within five business days": the parser hung the
        # "with" on the verb, not on the message
        return _message_content(tok, ("with", "containing"), confirmation=False)
    return None


def _to_others(verb: Token) -> bool:
    """ "communicate the status to affected customers": news passed to others, not to the reporter."""
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("to", "with")
        and any(
            g.lower_ in _THIRD_PARTIES or g.lower_.rstrip("s") in _THIRD_PARTIES or _named_body(g) for g in p.children
        )
        for p in (*verb.children, *(g for c in verb.children if c.dep_ == "dobj" for g in c.children))
    )


# verbs that pass something on to the reporter, named as their object or after "with"
_PASSING_ON = frozenset({"provide", "supply", "furnish", "follow", "share", "communicate", "send", "give"})


def _message_content(head: Token, preps: tuple[str, ...], confirmation: bool = True) -> tuple[Promise, Token] | None:
    """What a message carries, named after one of `preps`: the timed promise it names, or (when
    `confirmation`) a confirmation, which is of the report received."""
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ not in preps:
            continue
        for g in p.children:
            if g.dep_ == "pobj" and (found := _own_promise(g)) in _TIMED_PROMISES:
                return found, g
            for mod in (m for m in g.children if g.dep_ == "pobj" and m.dep_ == "compound"):
                if (found := _own_promise(mod)) in _TIMED_PROMISES:
                    return found, mod  # "with progress reports"
            if confirmation and g.dep_ == "pobj" and _lemma(g) == "confirmation":
                return "acknowledgement", g
    return None


def _gives_time(tok: Token) -> bool:
    """ "Allow / expect / give us 7 days for …", "need up to two weeks to answer": the time is the verb's object."""
    return tok.lower_ in ("allow", "expect", "give") or _lemma(tok) in _TAKES_TIME


def _promise_for(tok: Token) -> tuple[Promise, Token] | None:
    """ "Allow up to 7 days for initial response": the time is given for the promise its 'for' names;
    "we might need up to two weeks to answer your report": for the promise its 'to' clause names."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "for":
            for g in p.children:
                if g.dep_ == "pobj" and (found := _own_promise(g)) in _TIMED_PROMISES:
                    return found, g
        if (
            p.dep_ in ("xcomp", "advcl", "relcl")
            and _lemma(tok) in _TAKES_TIME
            and p.tag_ == "VB"
            and ((found := _own_promise(p)) in _TIMED_PROMISES or (found := _answer(p)) is not None)
        ):
            return found, p
    return None


_TAKES_TIME = frozenset({"need", "take", "require"})


def _answer(tok: Token) -> Promise | None:
    """ "to answer your report": a reply."""
    return "reply" if _lemma(tok) == "answer" and any(c.dep_ == "dobj" for c in tok.children) else None


def _attach(span: Span) -> tuple[Promise, Token] | None:
    """The promise a timescale modifies: up the tree from the timescale's head word. A verb
    joined to another by 'and' is its own action: "we confirm receipt within 48 hours and send
    a first assessment within 7 days" times the assessment, not the receipt, with 7 days."""
    tok = span.root
    if (
        "-" in span.text
        and tok.dep_ in ("amod", "compound", "nmod")
        and tok.head.tag_.startswith("NN")
        and _own_promise(tok.head) not in _TIMED_PROMISES
        and not any(_own_promise(c) in _TIMED_PROMISES for c in tok.head.children if c.dep_ == "compound")
    ):
        return None  # "a 90-day disclosure date": the time names the noun it describes, no promise's
    found = _promise_for(tok)
    if found is not None:
        return found
    if tok.dep_ == "dobj" and tok.head != tok and _gives_time(tok.head):
        found = _promise_for(tok.head)
        if found is not None:
            return found
    timed = tok  # the word the time modifies
    for _ in range(8):
        if tok.head == tok:
            return (_promise_of(tok) if tok not in span else None) or _carried(tok) or _joined_answer(timed)
        if tok.dep_ == "conj" and _is_verb(tok) and tok not in span:
            return None
        tok = tok.head
        if tok in span:
            continue
        found = _promise_of(tok) or _carried(tok)
        if found is not None:
            return found
    return _joined_answer(timed)


def _carried(tok: Token) -> tuple[Promise, Token] | None:
    """ "We commit to acknowledging vulnerability reports within 48 hours": a light verb's time is
    the time of the promise it carries ("to" and the promise's -ing form)."""
    if _lemma(tok) not in _LIGHT_VERBS:
        return None
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "to":
            for g in p.children:
                if g.dep_ == "pcomp" and (found := _own_promise(g)) in _TIMED_PROMISES:
                    return found, g
    return None


def _joined_answer(tok: Token) -> tuple[Promise, Token] | None:
    """ "we will complete the verification process within 30 working days and reply to your email
    with the results": a reply (or acknowledgement) joined by 'and' to the timed work, with no time
    of its own, comes when the work is done."""
    verb = tok if _is_verb(tok) else next((a for a in tok.ancestors if _is_verb(a)), None)
    if verb is None:
        return None
    for conj in (c for c in verb.children if c.dep_ == "conj" and _is_verb(c)):
        found = _own_promise(conj)
        between = conj.doc[verb.i + 1 : conj.i].text
        if (
            found in ("reply", "acknowledgement")
            and not TIMESCALE.search(subtree_text(conj))
            and not re.search(r"\bif\b", between, re.I)  # "…, if needed, reply to the reporter": maybe never
        ):
            return found, conj
    return None


def _timed_items(lines: list[str]) -> list[str]:
    """A line that runs labelled times together ("Acknowledgement – 2 working days; Triage – 10 working
    days; Status updates – every 14 days") is read as a line per item, as a list would be."""
    out: list[str] = []
    for line in lines:
        out += semicolon_items(line, lambda x: bool(TIMESCALE.search(x))) or [line]
    return out


def _promises(text: str, out: PolicyAnalysis) -> None:
    """Read every promise and attach each timescale to the one it modifies."""
    from psti.evidence.web.language import parse

    blocks: list[str] = []
    seen: set[str] = set()  # a repeated block (menus, footers, padding) is parsed once
    slashed: set[tuple[str, str]] = set()
    budget = _PARSE_BUDGET
    label = ""
    response_head, head_age = "", 0  # a "Response Timeline:" heading over times by severity
    page_language = language_of(text)  # (a short sentence of a page in another language is in it too)
    for line in _timed_items(text.splitlines()):
        line = line.strip(" \t|*#>-")
        above, label = label, (line if label_like(line) else "")
        if above and TIMESCALE.match(line) and _labelled_promise(f"{above}: {line}", out):
            continue  # "Status Update" over "Within 30 days — remediation timeline confirmed"
        head_age += 1
        if _RESPONSE_HEAD.fullmatch(line):
            response_head, head_age = line.rstrip(": "), 0
        elif response_head and head_age <= _SEVERITY_ROWS and (row := _SEVERITY_ROW.match(line)) is not None:
            # "Critical vulnerabilities: 24-48 hours" under it: the first row's time is the response's
            # (the quickest, as such lists run from the most severe)
            _labelled_promise(f"{response_head}: {row.group('time')}", out)
            response_head = ""
            continue
        if line and _read_abroad(line, out, page_language):
            continue  # "nous accuserons réception de votre rapport dans les 5 jours ouvrables": its own language
        if not line or not _worth_parsing(line):
            continue  # no promise and no time: nothing for the parser to decide
        # a paragraph is cut at sentence ends, and only its sentences that can hold a promise
        # are parsed (each sentence is read on its own, so the others change nothing)
        for piece in sentences(line):
            if _worth_parsing(piece) and piece not in seen:
                seen.add(piece)
                # "responding to all emails/reports within 3-5 working days": the parser takes the
                # slashed word for the sentence's verb; "emails or reports" it reads (quoted as written)
                slashed.update((pair.group(1), pair.group(2)) for pair in _SLASHED.finditer(piece))
                piece = _SLASHED.sub(_or, piece)[:_BLOCK_CHARS]
                budget -= len(piece)
                if budget < 0:
                    out.parse_cut = True
                    break
                blocks.append(piece)
        if budget < 0:
            break
    to_parse = []
    for block in blocks:
        if not _labelled_promise(block, out):
            # "Updates: We will provide progress updates at least every 30 days": a sentence that names
            # its promise itself is read without its label, which the parser would take for its subject
            m = _LABEL_LINE.match(block)
            if m and len(m.group("label").split()) <= 4 and _PROMISE_PHRASE.search(m.group("value")):
                block = m.group("value")
            to_parse.append(block)
    for doc in parse(to_parse):
        for sent in doc.sents:
            _sentence_promises(sent, out)
    if slashed:
        for found in (out.acknowledgement, out.status_updates, out.other_promises):
            found[:] = [
                replace(
                    c, sentence=_unslash(c.sentence, slashed), timescale=_unslash(c.timescale or "", slashed) or None
                )
                for c in found
            ]


def _read_abroad(line: str, out: PolicyAnalysis, page_language: str | None) -> bool:
    """Record the timed promises of a line written in German, French, Spanish, Portuguese or Japanese;
    false when the line is in none of them (the parser reads it)."""
    abroad = False
    for piece in sentences(line):
        if (found := foreign_promises(piece, page_language)) is None:
            continue
        abroad = True
        for c in found:
            said = Commitment(clip(piece, 300), c.timescale, c.promise, f"{c.timescale!r} is given with {c.words!r}")
            (out.status_updates if c.promise == "status update" else out.acknowledgement).append(said)
    return abroad


# two words joined by a slash ("emails/reports"), not a path, a URL or a date
_SLASHED = re.compile(r"(?<![\w/:.])([A-Za-z]{2,20})/([A-Za-z]{2,20})(?![\w/])")


def _or(m: re.Match[str]) -> str:
    return m.group(0) if m.group(1).lower() in ("and", "or") else f"{m.group(1)} or {m.group(2)}"


def _unslash(sentence: str, slashed: set[tuple[str, str]]) -> str:
    for a, b in slashed:
        sentence = sentence.replace(f"{a} or {b}", f"{a}/{b}")
    return sentence


# updates that fix the product, not news to the reporter: "Important Security Updates: Released within 48 hours"
_FIX_LABEL = re.compile(
    r"(?:security|firmware|software|critical|patch)\s+updates?|updates?\s+(?:schedule|process|release)", re.I
)
_COUNTED_FROM = re.compile(r"\b(?:after|following|from|of)\s+(?:the\s+|our\s+)?(?:initial\s+)?acknowledge?ment\b", re.I)
_LABEL_LINE = re.compile(r"^(?P<label>[^:]{2,60}):\s*(?P<value>.{2,200})$")


_RANGE_FROM = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*(?:-|–|to)\s*$")
_RESPONSE_HEAD = re.compile(r"\W*(?:initial\s+)?response\s+(?:time(?:line)?s?|targets?|SLAs?)\s*:?", re.I)
_SEVERITY_ROW = re.compile(
    r"(?:critical|high|medium|moderate|low|p[0-4]|sev(?:erity)?\s*[0-4])\b[^:]{0,40}:\s*(?P<time>.{2,60})$", re.I
)
_SEVERITY_ROWS = 3  # how far under the heading its first row may be


# a table column's header that counts its days: "SLA in business days", "Target (working days)"
_DAYS_HEADER = re.compile(r"(?:^|\|\s)[^:|]{0,30}\b(business|working)\s+days\)?:\s", re.I)


def _labelled_promise(block: str, out: PolicyAnalysis) -> bool:
    """'Acknowledgement: within 3 business days' — a promise named by its label, its time as
    the value. The parser reads such a line as two fragments, so the label decides."""
    # cells as page_text writes a table's rows, "Timeline: 7 days | Action: Initial assessment …"
    cells = [re.sub(r"^[^:|]{1,40}:\s+", "", c.strip()) for c in block.split(" | ") if c.strip()]
    timed = [c for c in cells if TIMESCALE.match(c)] if 2 <= len(cells) <= 3 else []
    if len(timed) == 1 and not any(TIMESCALE.search(c) for c in cells if c is not timed[0]):
        # a table row "7 days | Initial assessment and status update", "Status update cadence | weekly
        # until resolved", "Status Update | 7 days | We provide a detailed response plan": the cell led by
        # the time, and the first other cell as its label (a third cell describes the stage)
        value = timed[0]
        label = next(c for c in cells if c is not value)
    elif (m := _LABEL_LINE.match(block)) is not None:
        label, value = m.group("label"), m.group("value")
        if TIMESCALE.fullmatch(label.strip()) and not TIMESCALE.search(value):
            label, value = value, label  # "24 hours: Initial acknowledgment", the time first
    else:
        return False
    # the value's one time, where it stands: "Ongoing communication: … planning for remediation within one month"
    value = value.strip()
    times = list(TIMESCALE.finditer(value))
    time = times[0] if len(times) == 1 else TIMESCALE.match(value)
    # (a promise named in the value is its own, not the label's; the one the time counts from is not:
    # "within 7 business days after acknowledgement")
    named = _COUNTED_FROM.sub(" ", value)
    if time is None or _ACK.search(named) or _STATUS.search(named):
        return False
    # (a "Triage update" is the one answer a triage gives, not updates while the issue is handled; a
    # "Triage/update target" names the two apart, the update among them)
    triage = re.search(r"triage(?!\s*(?:/|or)\s*updates?\b)", label, re.I) is not None
    one_off = _FIX_LABEL.search(label) or triage
    news = re.search(r"\bupdates?\b", label, re.I) and not one_off
    promise: Promise | None = (
        "status update" if _STATUS.search(label) or news
        else "acknowledgement" if re.search(r"acknowledg|\back\b|receipt", label, re.I)
        # triage is a first answer, but an acknowledgement said elsewhere goes before it
        else "reply" if triage
        else "reply" if _ACK.search(label)
        else None
    )  # fmt: skip
    if promise is None:
        return False
    said = time.group(0)
    if (low := _RANGE_FROM.search(value, 0, time.start())) is not None:
        said = value[low.start() : time.end()]  # "24-48 hours": the range, not its upper end alone
    if (unit := _DAYS_HEADER.search(block)) is not None and re.fullmatch(r"\d+\s+days?", said):
        # "SLA in business days: 2 days": the column's header counts the days
        said = f"{said.split()[0]} {unit.group(1).lower()} days"
    c = Commitment(clip(block, 300), said, promise, f"{said!r} is given for {label.strip()!r}")
    (out.status_updates if promise == "status update" else out.acknowledgement).append(c)
    return True


def _inside_time(tok: Token, in_time: set[int]) -> bool:
    """The word hangs from a time by a preposition ("within 1 week of acknowledgment"); not a
    promise the parser made the time's subject ("Updates on the status every 3-5 days")."""
    through_prep = False
    t = tok
    while t.head.i != t.i:
        through_prep = through_prep or t.dep_ in ("pobj", "prep")
        t = t.head
        if t.i in in_time:
            return through_prep
    return False


# a time given in brackets as the usual case beside the one promised
_HEDGE_BEFORE = re.compile(
    r"\(\s*(?:usually|typically|normally|generally|often|in\s+most\s+cases|on\s+average)\s*,?\s*$", re.I
)


def _sentence_promises(sent: Span, out: PolicyAnalysis) -> None:
    sentence = clip(sent.text.strip(), 300)
    spans = []
    times = list(TIMESCALE.finditer(sent.text))
    hedged = [m for m in times if _HEDGE_BEFORE.search(sent.text[: m.start()])]
    for m in times:
        if m in hedged and len(hedged) < len(times):
            continue  # "within a maximum of 4 weeks (usually within 5 working days)": the promise is the first
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None:
            spans.append((m, span))
    in_time = {t.i for _, span in spans for t in span}
    promises: dict[int, tuple[Promise, Token]] = {}
    for tok in sent:
        p = _own_promise(tok)
        if p is None or _in_until_clause(tok) or _negated(tok) or _bound(tok):
            continue
        if _inside_time(tok, in_time):
            continue  # "within 1 week of acknowledgment": part of a time, not a promise
        promises[tok.i] = ("status update" if p == "reply" and _assessment_shared(tok) else p, tok)
    timed: dict[int, tuple[str, str]] = {}  # promise token index -> (timescale, decided by)
    kinds = {p for p, _ in promises.values()}
    unattached = []
    for m, span in spans:
        if (after := _status_right_before(span, promises, timed)) is not None and _RECURRING.search(m.group(0)):
            # "an acknowledgment within 72 hours and a status update at least every two weeks until …": a
            # recurring time right after the updates, whatever the parser hung it on, times them
            timed[after] = (m.group(0), f"{m.group(0)!r} follows {promises[after][1].text!r}")
            continue
        found = _attach(span)
        if found is not None and _bound(found[1]):
            # "status updates will be provided until the resolution … within 30 business days":
            # the time is given inside the phrase that bounds the updates, so it times them
            status = [i for i, (p, _w) in promises.items() if p == "status update" and i not in timed]
            if len(status) == 1:
                why = (
                    f"{m.group(0)!r} is given in 'until {found[1].text}', which bounds {promises[status[0]][1].text!r}"
                )
                timed[status[0]] = (m.group(0), why)
                continue
        if found is not None:
            promise, word = found
            promises.setdefault(word.i, (promise, word))
            # "a typical response time of one to two days, one week at most": the bound is the promise
            if word.i not in timed or (_BOUND_WORDS.search(m.group(0)) and not _BOUND_WORDS.search(timed[word.i][0])):
                timed[word.i] = (m.group(0), f"{m.group(0)!r} modifies {word.text!r}")
        elif not _owned_elsewhere(span):
            unattached.append(m)
    # a bound ("one week at most") before a typical time ("one to two days") when both are left
    bounded = sorted(unattached, key=lambda m: not _BOUND_WORDS.search(m.group(0)))
    for m in bounded:
        # one kind of promise alone in the sentence, and no time attached to it by the tree:
        # it is the one timed (a time the tree gave to something else is not its time)
        if len(kinds) == 1 and not timed:
            idx = next(iter(promises))
            which = (
                "the only time"
                if len(unattached) == 1
                else "the bound of the times"
                if _BOUND_WORDS.search(m.group(0))
                else "the first of the times"
            )
            timed.setdefault(
                idx,
                (
                    m.group(0),
                    f"{m.group(0)!r} is {which} in a sentence promising "
                    f"{promises[idx][0]} only ({promises[idx][1].text!r})",
                ),
            )
    for idx in sorted(promises):
        promise, word = promises[idx]
        head = promises.get(word.head.i)
        if head is not None and head[0] == promise and word.head.i != idx and idx not in timed:
            continue  # "keep you informed": one promise, said by two words
        when, why = timed.get(idx, (None, f"no timescale modifies {word.text!r}"))
        if promise == "reply" and when is not None and _RECURRING.search(when):
            # "You'll hear from us with an update every 10 working days": a reply that recurs
            promise, why = "status update", f"{why}, a reply that recurs"
        c = Commitment(sentence, when, promise, why)
        if promise in ("acknowledgement", "reply"):
            out.acknowledgement.append(c)
        elif promise == "status update":
            out.status_updates.append(c)
        else:
            out.other_promises.append(c)


_RECURRING = re.compile(
    r"^(?:at\s+least\s+(?:once\s+)?)?every\b|\b(?:bi-?)?weekly\b|\bfortnightly\b|\bmonthly\b|\bbasis\b|"
    r"\bonce\s+(?:a|per|every)\b",
    re.I,
)


# verbs that carry another verb's action ("we aim to …", "response time is …"): a time on them is
# the promise's time; a time on any other action is that action's ("establish a team within one day")
_LIGHT_VERBS = frozenset(
    {"be", "is", "are", "was", "will", "aim", "try", "strive", "endeavour", "endeavor", "expect", "can", "do",
     "have", "make", "take", "commit", "intend", "seek", "provide"}
)  # fmt: skip


def _status_right_before(
    span: Span, promises: dict[int, tuple[Promise, Token]], timed: dict[int, tuple[str, str]]
) -> int | None:
    """The untimed status-update promise whose word stands right before the time."""
    i = span.start - 1
    return i if i in promises and promises[i][0] == "status update" and i not in timed else None


def _owned_elsewhere(span: Span) -> bool:
    """The tree gave the time to an action that promises nothing to the reporter ("we will
    establish a response team within one working day to review …, and if necessary, respond"):
    it is that action's time, and no promise in the sentence borrows it."""
    tok = span.root
    for _ in range(3):
        if tok.head == tok:
            return False
        tok = tok.head
        if tok in span or tok.dep_ == "prep" or tok.pos_ == "ADP":
            continue
        if not _is_verb(tok) or _lemma(tok) in _LIGHT_VERBS or tok.lower_ in _LIGHT_VERBS:
            return False
        # an action of its own (its subject or object), not joined by "and" to a promise
        # ("will confirm and review the flaw in one work day" times the confirmation too)
        # (a time after the last of the joined verbs is theirs together; one before the next verb
        # is the first verb's alone: "set up a group within 2 days to study it and reply")
        joined = [c for c in tok.children if c.dep_ == "conj" and c.i < span.start]
        joined += [tok.head] if tok.dep_ == "conj" else []
        if any(_promise_of(j) is not None for j in joined if _is_verb(j)):
            return False
        return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children)
    return False


def _bound(tok: Token) -> bool:
    """'until the resolution of the issue': the end of the updates, not a promise to resolve."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("until", "till")


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children)


# --- reporting channels named without a URL ----------------------------------------------

_CHANNEL = re.compile(
    # (each alternative starts at a word: "as soon as PSIRT receives" holds no "on … PSIRT")
    r"\b(?:private\s+vulnera\w*\s+report(?:ing)?|(?:github|gitlab|repository)(?:['’]s)?\s+(?:private\s+)?security\s+advisor(?:y|ies)|"
    r"(?:github|gitlab)(?:['’]s)?\s+private\s+(?:vulnerability\s+)?reporting|(?:github|gitlab)\s+security\s+disclosure|"
    # the feature named by GitHub's documentation page on it: "reported privately by following the GitHub
    # documentation: [Privately reporting a security vulnerability](…)"
    r"privately\s+reporting\s+a\s+security\s+vulnerability|"
    r"security\s+advisor(?:y|ies)\s+(?:page|tab|form)|\bsecurity\s+tab\b|"
    # "through GitHub's Report a vulnerability feature", 'the "Report a vulnerability" button' (the
    # platform's own; not a maker's "Report a Vulnerability form", whose address a copy may lose)
    r"report\s+a\s+vulnerability[”\"']?\s+(?:button|feature)|"
    # a form or button on the policy's own page: "filling out the form at the bottom of this page",
    # 'click on the "Report Bug" button … to submit'
    r"(?:fill(?:ing)?(?:\s+(?:out|in))?|complet(?:e|ing)|us(?:e|ing))\s+the\s+(?:[\w-]+\s+){0,2}form\s+"
    r"(?:below|at\s+the\s+bottom\s+of\s+this\s+page|on\s+this\s+page|"
    # (a form on the maker's portal, not "the report form on our website at the link below", which names none)
    r"available\s+on\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:web-?portal|portal))|"
    # "by clicking the button “report a cybersecurity vulnerability”"
    r"(?:click|press|tap)(?:ing)?\s+(?:on\s+)?(?:the\s+)?button\s+[“\"'][^”\"']{2,40}[”\"']|"
    # a form or desk named by its title: "via our PSTI Emergency Response Form", "via the VULNERABILITY
    # REPORTING FORM", "through the Vulnerability Reporting Desk"
    r"(?:us(?:e|ing)|via|through)\s+(?:the|our)\s+(?:official\s+|online\s+|dedicated\s+|secure\s+)?"
    r"(?-i:(?:[A-Z][\w-]*\s+){1,5}(?:Form|FORM|Desk|Portal))\b|"
    # a page named by a title that says reports go there: "visit the Report Vulnerability page", "refer to the
    # Security Reporting page for submitting security reports" (not "the Security Advisories page", to read)
    r"(?:visit|refer\s+to|go\s+to|us(?:e|ing)|via|through)\s+(?:the|our)\s+"
    r"(?-i:(?:[A-Z][\w-]*\s+){0,3}Report(?:ing)?(?:\s+[A-Z][\w-]*){0,3})\s+page\b|"
    # a form on the maker's site named by its title: "using the Contact us form on Lavazza website"
    # (not "the report form on our website at the link below", which names no form)
    r"(?:us(?:e|ing)|via|through)\s+the\s+(?-i:[A-Z“\"'])[\w“”\"'-]*\s+(?:[\w“”\"'-]+\s+){0,2}form\s+on\s+"
    r"(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}web\s?site\b|"
    r"(?:click|press|tap)\s+(?:on\s+)?(?:the\s+)?[“\"'][^”\"']{2,30}[”\"']\s+button|"
    r"(?:open|opening|create|creating|draft|drafting|file|filing)\s+(?:a\s+|an\s+)?(?:new\s+|private\s+|draft\s+)?"
    r"(?:github\s+)?security\s+advisor(?:y|ies)|confidential\s+issue|"
    r"(?:open|opening|create|creating|file|filing|raise|raising)\s+(?:a\s+|an\s+|any\s+)?(?:new\s+)?(?:github\s+)?"
    r"(?:security\s+)?issues?\s+(?:label(?:l)?ed|tagged|marked|with\s+the\s+label|under\s+\W?issue|"
    # "on the project repository", "on this GitHub respository" (as some write it)
    r"(?:in|on)\s+(?:this|the|our)\s+(?:[\w-]+\s+)?(?:re\w{0,2}pository|repo|issue\s+tracker))|"
    r"(?:the|our)\s+issue\s+tracker\s+(?:as|is)|"
    r"(?:us(?:e|ing)|through|via|in|on)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}bugzilla\b|"
    # a path through an app's menus: 'go to “Me” – “FAQ & Feedback” – “Feedback”'
    r"(?:go\s+to|tap|select|open)\s+[“\"'][^”\"']{1,30}[”\"']\s*(?:–|—|-|>|→|›)\s*[“\"']|"
    # a reporting platform named without its address: "exclusively through Yes We Hack" (or "prostřednictvím
    # programu Intigriti", "za pośrednictwem platformy Intigriti", "über Intigriti")
    r"(?:through|via|on|at|to|using|prostřednictvím|přes|za\s+pośrednictwem|przez|über|tramite|mediante)\s+"
    r"(?:the\s+)?(?:(?:programu|platformy|platformę|platform|programme|program)\s+)?"
    rf"(?:{_PLATFORM_WORDS}|open\s?bug\s?bounty|huntr)\b|"
    # a maker's own reporting site, named: "through the ECOVACS Product Security Center", "via our PSIRT portal"
    r"(?:through|via|on|at|to)\s+(?:the\s+|our\s+)?(?:[\w&-]+\s+){0,3}?(?:product\s+)?security\s+(?:response\s+)?"
    r"(?:center|centre|portal)\b|(?:through|via|on|at)\s+(?:the\s+|our\s+)?(?:[\w&-]+\s+){0,2}?"
    r"(?:psirt|vulnerability\s+(?:reporting\s+|disclosure\s+)?(?:portal|platform))\b|"
    # a site named by its title: "please report it directly to us on the web at Apple Security Research"
    r"on\s+the\s+web\s+at\s+(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\b|"
    # a maker's security response centre's site ("submit it through the NIO SRC platform")
    r"(?:through|via|on|at|to)\s+(?:the\s+|our\s+)?(?:[\w&-]+\s+){0,2}?(?-i:[A-Z]{0,4}SRC)\s+"
    r"(?:platform|portal|website|site)\b)",
    re.I,
)
_MD_LINK = re.compile(r"\[([^\[\]]{1,200})\]\([^()\s]{1,500}\)")
_ISSUE_CHANNEL = re.compile(
    # "Report in an issue please and tag @maintainer"
    r"\breport(?:s|ed)?\s+(?:it\s+|them\s+)?(?:in|via|through|as)\s+(?:a|an)\s+(?:new\s+)?(?:github\s+)?(?:issue|ticket)\b|"
    r"\b(?:open|opening|raise|raising|file|filing|create|creating|submit|submitting|log|logging)\s+(?:a|an)\s+"
    r"(?:(?:new|relevant|separate|private|confidential)\s+)?(?:github\s+)?(?:security\s+)?(?:issues?\b|tickets?\b|"
    r"bug\b(?!\s+reports?))|"
    r"\b(?:request|report|ticket)\s+(?:on|in)\s+(?:our|the)\s+(?:issues?\s+(?:page|tab)|issue\s+tracker|bug\s+tracker)|"
    # "report this security problem using our valuable issue tracker on GitHub"
    r"\bus(?:e|ing)\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:issue|bug)\s+tracker\b|"
    # "use Github Issues to report them"
    r"\bus(?:e|ing)\s+(?:the\s+)?(?:github|gitlab|codeberg)\s+issues\s+to\s+report\b|"
    # "Report security issues via GitHub Issues (mark as security)"
    r"\breport\w*\s+(?:[\w-]+\s+){0,3}?(?:via|through|in|on|using)\s+(?:the\s+)?(?:github|gitlab|codeberg)\s+issues\b",
    re.I,
)
_ABOUT_SECURITY = re.compile(r"vulnerab|security", re.I)
_CHAT_CHANNEL = re.compile(
    # "contact me privately via Discord", "reach out to one of the Toitlang members directly via our Discord
    # server", "contact us in our Discord server"
    r"\b(?:contact|message|reach(?:\s+out)?(?:\s+to)?|dm|ping)\s+(?:me|us|(?:one\s+of\s+)?the\s+(?:[\w-]+\s+)?"
    r"(?:maintainers?|members?|developers?|team)|[\w-]{3,30})\s+(?:privately\s+|directly\s+)?"
    r"(?:via|on|through|over|in)\s+(?:a\s+|our\s+|the\s+)?(?:private\s+|direct\s+)?(?:message\s+on\s+)?"
    r"(?:discord|matrix|signal|telegram|slack|keybase|element|(?:[\w-]+\s+)?forums?)\b"
    # "please use our chat support system on our website"
    r"|\bus(?:e|ing)\s+(?:our|the)\s+(?:live\s+)?chat\s+support\b"
    # "Send a private message to the maintainer via GitHub"
    r"|\b(?:send|write)\s+(?:a\s+)?(?:private|direct)\s+message\s+to\s+(?:me|us|the\s+(?:[\w-]+\s+)?(?:maintainers?|"
    r"members?|developers?|team|author))\s+(?:via|on|through|over)\s+(?:github|gitlab|codeberg|discord|matrix|signal|"
    r"telegram|slack|keybase|element|(?:[\w-]+\s+)?forums?)\b",
    re.I,
)
_NOT_SECURITY = re.compile(r"non-security|not\s+(?:a\s+)?security|unrelated\s+to\s+security", re.I)
_CHANNEL_USE = re.compile(
    r"\b(?:report|submit|send|open|creat|draft|fil|rais|us(?:e|ing)\b|via|through|contact|complet(?:e|ing)\s+the\s+(?:[\w-]+\s+){0,2}form|"
    r"nahla[sš]|zgło[sś]|prześlij|melde|signal|segnal|rapport|"
    # to use it, in German, French, Spanish and Italian ("Oder GitHub Security Advisory nutzen")
    r"nutz|benutz|verwend|utilis|utiliz|usa(?:r|re)?\b)",
    re.I,
)
_CHANNEL_NOT = re.compile(
    r"\b(?:do\s+not|don't|never|instead\s+of|rather\s+than|publish(?:es|ed)?\s+(?:a\s+)?security\s+advis)", re.I
)

# a channel the repository does not offer: "Please enable private vulnerability reporting", "does not
# currently have GitHub's private vulnerability reporting enabled", "… reporting is not enabled"
_CHANNEL_ABSENT_BEFORE = re.compile(
    r"\b(?:enabl(?:e|ing)|activat(?:e|ing)|turn(?:ing)?\s+on|(?:does|do|did)(?:\s+not|n['’]t)\s+(?:\w+\s+)?(?:have|offer)|"
    # (or after another thing it lacks: "This repo doesn't have a SECURITY.md or private vulnerability reporting")
    r"lacks?|without)\s+(?:(?:an?|the)\s+[\w.`-]+\s+(?:or|nor)\s+)?(?:(?:the|a|\w+['’]s)\s+)?$",
    re.I,
)
_CHANNEL_ABSENT_AFTER = re.compile(
    r"(?:\s+\w+){0,2}?\s+(?:(?:is|are)\s+)?(?:not|n['’]t)\s+(?:\w+\s+)?(?:enabled|available|active)\b|\s+(?:is\s+)?disabled\b",
    re.I,
)

# what the channel is used for, when that is publishing, not reporting: "We use GitHub Security Advisories to
# publish vulnerabilities", "um Sicherheitslücken zu veröffentlichen"
_TO_PUBLISH = re.compile(
    r"^[\s,]*(?:(?:to|pour|para|per)\s+(?:\w+\s+)?(?:publish|announce|disclose|notify|inform|publier|annoncer|publicar|"
    r"anunciar|pubblicare)|um\s+[^,.;]{0,60}?\bzu\s+(?:veröffentlichen|informieren|benachrichtigen))",
    re.I,
)

# a sentence before that leads into reporting, in English or another language ("melde sie bitte … über
# eine der folgenden Methoden:", "signalez-la par l'un des moyens suivants :")
_REPORT_LEAD = re.compile(r"\breport|\bsubmit|\bmeld|\bsignal|\bsegnal|\bzgło|\bnahl[aá]s", re.I)


def _channels_in(s: str, contacts: list[str], lead: str = "") -> None:
    """'report it through GitHub's private vulnerability reporting' names a channel without a URL;
    so does 'Preferred: GitHub Security Advisories' after 'Please report security issues …'."""
    s = _MD_LINK.sub(r"\1", s)  # "Open a GitHub [Security Advisory](…)": the words of a link
    m = _CHANNEL.search(s)
    if m is None and _ABOUT_SECURITY.search(s + " " + lead) and not _NOT_SECURITY.search(s):
        # "please report it by opening an issue", "raise a bug with a label of vulnerability": the
        # project's own tracker, for a report about security; or a maintainer's chat ("contact me
        # privately via Discord")
        m = _ISSUE_CHANNEL.search(s) or _CHAT_CHANNEL.search(s)
    if m is None or not (_CHANNEL_USE.search(s) or _REPORT_LEAD.search(lead)):
        return
    # (in the channel's own clause: "You do not need to log in …; simply use the form below")
    before = re.split(r"[;:,]|\.\s", s[: m.start()])[-1]
    if (
        _CHANNEL_NOT.search(before[-60:])
        or _CHANNEL_ABSENT_BEFORE.search(before)
        or _CHANNEL_ABSENT_AFTER.match(s[m.end() :])
        or _TO_PUBLISH.match(s[m.end() :])
    ):
        return
    _add(contacts, f'channel: {" ".join(m.group(0).split()).lower()} ("{clip(s, 160)}")')
