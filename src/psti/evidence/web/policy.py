"""Vulnerability disclosure policy analysis.

Reads a policy as text and finds what PSTI Sch 1 para 2 and its deemed-compliance
routes ask for: a point of contact (para 2(2)(a); EN 303 645 5.2-1; ISO/IEC 29147
6.2.2), *when* a reporter gets an acknowledgement (para 2(2)(b)(i); 29147 6.2.5) and
status updates until resolution (para 2(2)(b)(ii); 29147 6.5), and the para 2(3)
access conditions: no sign-in or prior request, English, free, no personal details
asked. It is pattern matching over sentences, so every result carries the sentence
it rests on, for a person to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from psti.evidence.web.pagetext import PageText, sentences

_NUM = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|"
    r"fifteen|twenty|thirty|forty-eight|seventy-two|ninety|a|an)"
)
_UNIT = r"(?:(?:business|working|calendar)\s+)?(?:hours?|days?|weeks?|months?)"
TIMESCALE = re.compile(
    rf"\b(?:(?:within|in|after|every|each|at\s+least\s+(?:once\s+)?every|no\s+(?:later|more)\s+than|"
    rf"up\s+to|at\s+most|maximum\s+of|not\s+exceeding)\s+(?:the\s+)?(?:next\s+)?{_NUM}"
    rf"(?:\s*(?:-|–|to|or)\s*{_NUM})?\s*[- ]?{_UNIT}"
    rf"|{_NUM}\s*[- ]{_UNIT}"
    rf"|\d{{1,3}}\s*(?:h|hrs|d)\b"
    rf"|(?:next|same|following)\s+(?:business|working)\s+day"
    rf"|\b(?:daily|weekly|fortnightly|monthly|bi-?weekly)\b"
    rf"|once\s+(?:a|per|every)\s+(?:week|fortnight|month))",
    re.I,
)
_ACK = re.compile(
    r"acknowledg|confirm(?:ation)?\s+(?:of\s+)?(?:the\s+)?receipt|receipt\s+of\s+(?:your|the)\s+report|"
    r"\brespond\b|\bresponse\b|\breply\b|get\s+back\s+to\s+you|hear\s+(?:back\s+)?from\s+us|"
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
    r"report|submit|disclos|vulnerab|security\s+(?:issue|bug|problem|concern|team)|bug\s+bounty|psirt",
    re.I,
)
_EMAIL = re.compile(r"(?<![\w.+-])([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,24})\b")
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
_SECURITY_LOCAL = re.compile(r"secur|psirt|cert|csirt|vuln|disclos|bugs?|bounty|abuse|infosec|product-?security", re.I)
_PLATFORMS = re.compile(
    r"hackerone\.com|bugcrowd\.com|intigriti\.com|yeswehack\.com|zerocopter\.com|openbugbounty\.org|"
    r"/security/advisories/new|/security/policy|responsible-disclosure|vulnerability-disclosure|/report",
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


@dataclass(frozen=True)
class Commitment:
    """A sentence promising something, with the timescale found in it (if any)."""

    sentence: str
    timescale: str | None

    @property
    def has_when(self) -> bool:
        return self.timescale is not None


@dataclass
class PolicyAnalysis:
    contacts: list[str] = field(default_factory=list)
    acknowledgement: list[Commitment] = field(default_factory=list)
    status_updates: list[Commitment] = field(default_factory=list)
    until_resolved: bool = False
    sign_in: str | None = None  # the evidence for a sign-in wall
    paid: str | None = None
    personal_info: str | None = None
    english_ratio: float = 0.0
    declared_lang: str = ""
    secure_channel: str | None = None
    words: int = 0

    @property
    def ack_when(self) -> Commitment | None:
        return next((c for c in self.acknowledgement if c.has_when), None)

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


def analyse_policy(page: PageText) -> PolicyAnalysis:
    out = PolicyAnalysis(declared_lang=page.lang)
    words = [w.lower() for w in _WORD.findall(page.text)]
    out.words = len(words)
    if words:
        out.english_ratio = sum(1 for w in words if w in _ENGLISH) / len(words)
    for s in sentences(page.text):
        _contacts_in(s, out.contacts)
        ack = _ACK.search(s)
        status = _STATUS.search(s)
        if ack:
            out.acknowledgement.append(Commitment(_clip(s), _nearest_timescale(s, ack.start(), status)))
        if status:
            out.status_updates.append(Commitment(_clip(s), _nearest_timescale(s, status.start(), ack)))
        if _UNTIL_RESOLVED.search(s):
            out.until_resolved = True
        if out.sign_in is None and (m := _SIGN_IN.search(s)):
            out.sign_in = f"the page says {m.group(0)!r}"
        if out.paid is None and (m := _PAID.search(s)):
            out.paid = f"the page says {m.group(0)!r}"
        if out.personal_info is None and (m := _PERSONAL.search(s)):
            out.personal_info = f"the page says {m.group(0)!r}"
        if out.secure_channel is None and _SECURE.search(s):
            out.secure_channel = _clip(s)
    for href, text in page.links:
        if href.startswith("mailto:"):
            _add(out.contacts, href.split("?", 1)[0])
        elif (
            href.startswith("https://")
            and not _REFERENCE_SITES.search(href)
            and (_PLATFORMS.search(href) or _REPORT_CONTEXT.search(text))
        ):
            _add(out.contacts, href)
    if page.password_field and out.sign_in is None and out.words < 300:
        out.sign_in = "the page is a sign-in form (it asks for a password)"
    if page.personal_fields and out.personal_info is None and not out.contacts and out.words < 300:
        out.personal_info = "the page is a form asking for " + ", ".join(page.personal_fields)
    return out


def _nearest_timescale(s: str, pos: int, other: re.Match[str] | None) -> str | None:
    """The timescale closest to the keyword at `pos`, not closer to the other keyword."""
    best: tuple[int, str] | None = None
    for m in TIMESCALE.finditer(s):
        d = abs(m.start() - pos)
        if other is not None and abs(m.start() - other.start()) < d and other.start() != pos:
            continue
        if best is None or d < best[0]:
            best = (d, m.group(0))
    if best is None and other is not None:
        # one timescale serving both keywords ("we reply and update you within 5 days")
        found = TIMESCALE.search(s)
        return found.group(0) if found else None
    return best[1] if best else None


def _contacts_in(s: str, contacts: list[str]) -> None:
    context = bool(_REPORT_CONTEXT.search(s))
    for m in _EMAIL.finditer(s):
        addr = m.group(1).rstrip(".")
        if context or _SECURITY_LOCAL.search(addr.split("@")[0]):
            _add(contacts, f"mailto:{addr}")
    for m in _URL.finditer(s):
        url = m.group(0).rstrip(".,;:")
        if not url.startswith("https://") or _REFERENCE_SITES.search(url):
            continue
        if _PLATFORMS.search(url) or (context and _reporting_link(url, s)):
            _add(contacts, url)


_REFERENCE_SITES = re.compile(
    r"wikipedia\.org|ietf\.org|rfc-editor\.org|iso\.org|etsi\.org|legislation\.gov\.uk|w3\.org|securitytxt\.org",
    re.I,
)


def _reporting_link(url: str, s: str) -> bool:
    if _REFERENCE_SITES.search(url):
        return False
    return bool(re.search(r"\b(?:report|submit|send|contact|use|via|through|at|to)\b", s, re.I)) and not url.endswith(
        (".png", ".jpg", ".svg", ".css", ".js")
    )


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _clip(s: str, n: int = 300) -> str:
    return s if len(s) <= n else s[: n - 3] + "..."
