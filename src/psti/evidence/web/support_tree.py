"""Which dates in a sentence end security updates or support: read from the dependency tree.

Every date expression in a prose sentence is found with a pattern (`support_period.DATE`);
what the date *does* is read from the English parser's tree (`psti.evidence.web.language`):
the word it attaches to (a preposition such as "until", "in", "as of", or none), the
predicate that governs it ("continue", "stop", "support", "end", "launch"…), that
predicate's negation, and whether its clause is about support or updates at all.

- a span that runs *to* the date: "until", "till", "through", "up to" attached to a clause
  about support or updates ("security upgrades will continue until 2031", "security patch
  support until 2030");
- a stop that takes effect *at* the date: a stopping predicate ("end", "stop", "cease",
  "expire", "sunset", "discontinue", "come to an end"…) or a negated supply ("will no longer
  support", "not guaranteed") with the date attached by "in", "on", "after", "from", "as of",
  "effective" or as a bare time ("come May 2020"); a decision or change that "takes effect"
  on the date when the sentence, or the sentence before it, ends support;
- the product itself ceasing to work at the date ("will no longer function after …"), also in
  a verb joined by "and" that shares the date ("As of DATE, X will be discontinued, and will
  stop operating"); such a date yields to a stated end of support on the same page;
- the maker's service for the product shut down at the date ("will shut down its service as of …"),
  or all of the maker's operations ("will be shutting down all operations … on May 28, 2020");
- an end that a maker said it "would" bring, reported in the past ("Fitbit said it would only keep
  support … going until December 31, 2017"), is a former statement: it yields to an end the page
  states as current ("on June 30, 2018, it will cut off online services and support");
- across sentences: a stop of updates after an event that itself stops ("Once Ecobee cuts off
  cloud support, … won't receive any more firmware updates") takes the date at which something
  stopped in the sentence before (`stop_after_event`); a date that use continues past
  ("may continue to be operated after …") ends updates that the next sentence withholds
  (`withheld_updates`);
- never: the date of an event ("launched in 2016", "introduced to the market in 2013",
  "was last updated on April 27, 2023", "announced in October 2025"), a date in a clause
  that is not about support or updates, "before" a date, a stop in a relative clause on
  something else ("a certificate licence that expires in March 2018").

Each reading names the words that decided it, so a finding can quote them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# a span up to the date
_UNTIL = frozenset({"until", "till", "til", "through", "thru", "throughout"})
# a point at which a stop takes effect
_FUNCTIONS = frozenset(
    {
        "functionality",
        "functionalities",
        "function",
        "functions",
        "feature",
        "features",
        "connectivity",
        "interface",
        "interfaces",
        "api",
        "apis",
    }
)
_NOW_WORDS = frozenset({"today", "tonight", "tomorrow", "yesterday", "midnight", "then"})
_WHEN_NOUNS = _NOW_WORDS | {"date", "day", "deadline", "time", "week", "month", "year", "weekend", "moment"}
# what a product is used for: "will no longer be able to unlock their doors with the app"
_USE = frozenset(
    {"use", "unlock", "lock", "control", "operate", "access", "connect", "open", "run", "stream", "view", "watch",
     "record", "monitor", "sync", "log", "sign", "print", "scan", "play", "charge"}
)  # fmt: skip
_MADE = frozenset(
    {"produce", "produced", "manufacture", "manufactured", "make", "made", "build", "built", "sell", "sold",
     "ship", "shipped", "market", "marketed", "offer", "offered"}
)  # fmt: skip
# a stop from a period's first day on ("come May 2020, … will no longer receive updates")
FROM_START = frozenset({"from", "starting", "beginning", "as of", "since", "come"})
_POINT = frozenset(
    {"in", "on", "at", "after", "beyond", "past", "from", "of", "by", "beginning", "starting", "effective", "come",
     "as", "with", "during", "since"}
)  # fmt: skip
_STOP_LEMMAS = frozenset(
    {"stop", "end", "cease", "conclude", "discontinue", "sunset", "expire", "drop", "retire", "terminate", "halt",
     "abandon", "phase", "withdraw", "deprecate", "kill", "cut", "lose", "shut", "sunsette", "sunsetting", "disconnect",
     "deactivate", "decommission", "suspend"}
)  # fmt: skip
_STOP_NOUNS = frozenset(
    {"end", "expiration", "expiry", "discontinuation", "termination", "sunset", "retirement", "eol", "cessation",
     "shutdown", "withdrawal", "turndown", "turn-down", "switch-off", "switchoff", "halt"}
)  # fmt: skip
# the date of something that happened (or happens) once; not the end of a period
_EVENT_LEMMAS = frozenset(
    {"launch", "release", "introduce", "announce", "publish", "post", "revise", "modify", "debut", "unveil",
     "found", "establish", "ship", "manufacture", "replace", "email", "inform", "notify", "tell", "say", "report",
     "write", "purchase", "buy", "sell", "arrive", "hit", "first", "issue", "update", "begin", "start",
     "announcement", "introduction", "publication", "acquire"}
)  # fmt: skip
_EFFECT = frozenset({"effect", "effective"})
# what makes a participle's clause one of its own: a subject or a conjunction ("when first introduced …")
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "mark", "aux", "auxpass"})
TOPIC = re.compile(
    r"support|updat|upgrad|patch|secur|firmware|software|\bfix|maint|\beol\b|end[\s-]of[\s-](?:life|servic(?:e|ing))|lifecycle|"
    # ("LineageOS 16.0 builds stopped"; "will be protected until at least October 2027")
    r"life\s+cycle|guarantee|\bprotected\b|\b(?:nightly\s+|official\s+|weekly\s+)?builds\b",
    re.I,
)
_OTHER_UPDATES = re.compile(
    r"(?:feature|android(?:\s+(?:os|version))?|os|version|major|platform|operating\s+system|app)\s+(?:updates?|upgrades?)",
    re.I,
)
_SECURITY = re.compile(r"secur|patch|support", re.I)
_YEAR_NUMBER = re.compile(r"\b(?:19|20)\d\d\b")
# where a page says it read something, not support given: "According to Google's support page, …"
_SUPPORT_SOURCE = re.compile(r"support\s+(?:page|site|website|document|article|forum|team|cent(?:re|er))s?", re.I)
_IRREGULAR = {"ended": "end", "ends": "end", "ending": "end", "stopped": "stop", "stopping": "stop", "stops": "stop",
              "archived": "archive", "ceased": "cease", "ceases": "cease", "expires": "expire", "expired": "expire",
              "expiring": "expire",
              "dropped": "drop", "dropping": "drop", "drops": "drop", "retired": "retire", "retiring": "retire",
              "concluded": "conclude", "concludes": "conclude", "discontinued": "discontinue",
              "discontinuing": "discontinue", "sunsetting": "sunset", "sunsets": "sunset", "sunsetted": "sunset",
              "phased": "phase", "phasing": "phase", "launched": "launch", "released": "release",
              "introduced": "introduce", "announced": "announce", "published": "publish", "posted": "post",
              "acquired": "acquire", "acquires": "acquire",
              "suspended": "suspend", "suspends": "suspend", "suspending": "suspend",
              "updated": "update", "revised": "revise", "modified": "modify", "debuted": "debut",
              "unveiled": "unveil", "shipped": "ship", "manufactured": "manufacture", "replaced": "replace",
              "emailed": "email", "informed": "inform", "notified": "notify", "told": "tell", "said": "say",
              "reported": "report", "wrote": "write", "written": "write", "purchased": "purchase",
              "bought": "buy", "sold": "sell", "arrived": "arrive", "issued": "issue", "began": "begin",
              "begun": "begin", "started": "start", "terminated": "terminate", "halted": "halt",
              "disconnected": "disconnect", "disconnects": "disconnect", "deactivated": "deactivate",
              "decommissioned": "decommission", "deactivating": "deactivate", "decommissioning": "decommission",
              "closed": "close", "closing": "close", "closes": "close", "disabled": "disable",
              "disabling": "disable", "disables": "disable", "removed": "remove", "removing": "remove",
              "removes": "remove", "retires": "retire", "terminating": "terminate", "terminates": "terminate",
              "withdrawn": "withdraw", "withdrew": "withdraw", "deprecated": "deprecate", "killed": "kill",
              "lost": "lose", "losing": "lose", "deprecating": "deprecate", "abandoned": "abandon",
              "abandoning": "abandon", "ceasing": "cease", "concluding": "conclude", "disconnecting": "disconnect",
              "eliminated": "eliminate", "eliminating": "eliminate", "halting": "halt", "killing": "kill",
              "shuttered": "shutter", "shuttering": "shutter", "withdrawing": "withdraw",
              "comes": "come", "coming": "come", "came": "come", "takes": "take", "taking": "take",
              "took": "take", "receives": "receive", "received": "receive", "receiving": "receive",
              "continues": "continue", "continued": "continue", "continuing": "continue",
              # an update's release: "The final update … will be rolling out to users by July 2022"
              "releases": "release", "releasing": "release", "publishes": "publish", "publishing": "publish",
              "issuing": "issue", "shipping": "ship", "pushed": "push", "pushes": "push", "pushing": "push",
              "rolled": "roll", "rolls": "roll", "rolling": "roll", "delivered": "deliver",
              "delivers": "deliver", "delivering": "deliver"}  # fmt: skip


@dataclass(frozen=True)
class DateRole:
    """What one date in a sentence is: the end of support or updates, or not, and why."""

    start: int  # character offsets of the date in the sentence
    end: int
    is_end: bool
    words: str  # the words that decided, e.g. "'until' attaches 2031 to 'continue' (about 'security upgrades')"
    clause: str  # the text of the clauses the date belongs to
    other_updates: bool = False  # an end of feature, OS or version updates only
    local: str = ""  # the date's own clause, without verbs joined to it (which product it is for)
    stop_point: bool = False  # the date at which something stops ("will lose connectivity on DATE"), updates or not
    boundary: bool = False  # something only continues past the date ("may continue to be operated after DATE")
    works_only: bool = False  # an end only because the product stops working there, not a stated end of updates
    former: bool = False  # an end reported as said before ("Fitbit said it would keep support until …")
    aimed: bool = False  # an end only aimed at ("aims to support … until 2026") or held on a condition ("if …")
    from_start: bool = False  # a stop "from 2024", "as of 2025": from the first day of the year named
    subject: str = ""  # the subject of the date's clause ("the Xiaomi 12T and 12T Pro"), "" when none
    subject_model: bool = False  # that subject names a model ("the F5", "Note 12 Pro 5G"), not "it" or "the devices"
    stopped: str = ""  # what a stop stops: "its “Cloud Cam”" of "discontinued support for its “Cloud Cam”"
    extends: bool = False  # an end that moves the one said just before ("That has now been extended to 2026")


_COVER_TERMS = re.compile(r"warrant|insur|guarantee|care\b|plan\b|contract|subscription|licen[cs]e", re.I)


def _covered_as_before(gov: Token, previous: str) -> bool:
    """ "The Pixel 6 is guaranteed updates only until October 2026. The Pixel 7 series, on the other
    hand, is covered until October 2027": a bare "covered" carries on the support the sentence before
    is about (not a warranty's or a plan's cover, which names itself)."""
    return (
        gov.lower_ == "covered"
        and not any(c.dep_ == "agent" or c.lower_ in ("by", "under") for c in gov.children)
        and not _COVER_TERMS.search(_clause_text(gov, strict=True))
        and TOPIC.search(previous) is not None
    )


def lemma(tok: Token) -> str:
    w = tok.lower_
    return _IRREGULAR.get(w, w)


# the product itself ceasing to work ("will stop working", "will no longer function"): its life,
# and every update with it, ends; "stopped working on the platform" is labour, not the product
_FUNCTION = frozenset({"work", "works", "working", "worked", "function", "functions", "functioning", "functioned",
                       "operate", "operates", "operating", "operated"})  # fmt: skip
_LABOUR = frozenset({"on", "for", "with", "toward", "towards"})
# a clause that places the stop after an event: "Once Ecobee cuts off cloud support, … won't receive updates"
_WHEN = frozenset({"once", "when", "after", "whenever"})
# what a connected product's maker runs for it: shutting it down ends the product's support
# ("will shut down its service as of 15th May 2016", "end the cloud service")
_SERVICE = frozenset(
    {"service", "services", "server", "servers", "cloud", "app", "apps", "applet", "applets", "application", "platform",
     "platforms", "store", "stores", "bookstore", "eshop", "eshops", "catalog", "catalogue", "marketplace", "portal",
     "channel", "channels", "dashboard", "dashboards"}
)  # fmt: skip
# nouns that are the maker's service only when the product itself is one: an API retired ends an API,
# while an API a plugin relies on, deprecated, is not the plugin's end
_INTERFACES = frozenset({"api", "apis", "endpoint", "endpoints"})
# and a feature or option discontinued ends a product that is that feature ("the Local Voice
# Processing option will be discontinued"), not a device that loses one of its features
_FEATURES = frozenset({"feature", "features", "option", "options", "setting", "settings", "mode", "modes"})
_PRODUCT_SERVICES: ContextVar[frozenset[str]] = ContextVar("product_services", default=frozenset())


# a product that is a thing on a platform ("Netflix on the PlayStation 3", "BBC iPlayer for Wii U")
ON_PLATFORM = re.compile(r"^(?P<app>\S.{1,40}?)\s+(?P<on>on|for)\s+(?:the\s+|your\s+)?(?P<platform>\S.{1,40})$")


def product_kinds(terms: tuple[str, ...]) -> frozenset[str]:
    """The nouns that stand for the maker's service because the product named is one of them."""
    words = {w for t in terms for w in re.findall(r"[a-z]+", t.lower())}
    # a thing named with the platform it runs on ("BBC iPlayer on Wii U") is software there: its
    # own name discontinued is its end, as an app's is
    on_platform = {
        re.findall(r"\w+", m.group("app"))[-1]
        for t in terms
        if (m := ON_PLATFORM.match(t.lower())) is not None and m.group("on") == "on"
    }
    return (
        (_INTERFACES if words & _INTERFACES else frozenset())
        | (_FEATURES if words & _FEATURES else frozenset())
        | frozenset(on_platform)
    )


@contextmanager
def product_is_kind(nouns: frozenset[str]) -> Iterator[None]:
    """Read those nouns ("API", "option") as the maker's service while the product being read is one."""
    token = _PRODUCT_SERVICES.set(nouns)
    try:
        yield
    finally:
        _PRODUCT_SERVICES.reset(token)


_HOST_NAME = re.compile(r"(?:www\.)?(?:[a-z0-9-]+\.)+(?:com|net|org|io|app|cloud|co|uk|de|eu|dev)")


# services that are not the product's own: "customer service", "delivery service"
_OTHER_SERVICE = frozenset(
    {"customer", "client", "delivery", "repair", "phone", "telephone", "call", "chat", "email", "postal",
     "installation", "cleaning", "warranty", "recycling", "trade", "streaming", "music", "video"}
)  # fmt: skip


# the maker's whole business: "shutting down all operations", "cease operations"; not operations
# placed somewhere ("operations in its Chicago plant") or of some kind ("manufacturing operations")
_OPERATIONS = frozenset({"operation", "operations", "business"})


_PARTS = frozenset({"part", "parts", "portion", "component", "components", "side", "backend", "back-end"})
# the maker's watch over a device from afar ("will discontinue monitoring for Wi-Fi LP Tank Monitors"),
# as a whole or remote, not one measure of it ("energy monitoring"), which is a feature
_WATCH_KINDS = frozenset({"remote", "cloud", "online", "app", "professional"})


def _monitoring_service(g: Token) -> bool:
    """ "monitoring", bare or remote: the maker's service watching the device."""
    return g.lower_ == "monitoring" and all(
        c.lower_ in _WATCH_KINDS for c in g.children if c.dep_ in ("compound", "amod", "nmod")
    )


def _for_service(prep: Token) -> bool:
    """ "for the Gigaset Home Cloud": for the maker's service."""
    return prep.lower_ == "for" and any(g.dep_ == "pobj" and g.lower_ in _SERVICE for g in prep.children)


def _stops_service(what: list[Token]) -> bool:
    """The thing stopped is the maker's service for the product ("its service", "the cloud servers"),
    or all its operations ("all operations")."""
    return bool(what) and all(
        (
            (g.lower_ in _SERVICE or g.lower_ in _PRODUCT_SERVICES.get())
            and not any(c.lower_ in _OTHER_SERVICE for c in g.children if c.dep_ == "compound")
        )
        # "One Call API version 2.5", when the product is an API
        or any(c.dep_ == "compound" and c.lower_ in _PRODUCT_SERVICES.get() for c in g.children)
        or _HOST_NAME.fullmatch(g.lower_) is not None  # "tesla.evcc.io will be discontinued": a web service
        or _monitoring_service(g)
        or (g.lower_ == "access" and _access_to_service(g))  # "access to the Barnes & Noble bookstore"
        # "Free access will start being phased out", when the product is an API: access is what it sells
        or (g.lower_ == "access" and bool(_PRODUCT_SERVICES.get() & _INTERFACES))
        # "disabled the online access and the app for the Smart EQ"
        # (or "disable Kindle Store access": access to the service its compound names)
        or (
            g.lower_ == "access"
            and any(
                c.lower_ in ("online", "remote", "cloud", "internet") or (c.dep_ == "compound" and c.lower_ in _SERVICE)
                for c in g.children
            )
        )
        # "the Neato cloud functionalities", "app features": what the service does
        or (
            (g.lower_ in _FUNCTIONS or g.lower_ in _PARTS)  # ("will remove the cloud part of the system by 2035")
            and any(c.dep_ in ("compound", "amod") and c.lower_ in _SERVICE for c in g.children)
        )
        # (or the operations for a service: "terminate operations for the Gigaset Home Cloud")
        or (
            g.lower_ in _OPERATIONS
            and not any(
                c.dep_ in ("compound", "amod") or (c.dep_ == "prep" and not _for_service(c)) for c in g.children
            )
        )
        # "The following device types will be discontinued on …": an OS's or SDK's support for a kind
        # of device, not a device taken off sale
        or (g.lower_ in ("type", "types") and any(c.dep_ == "compound" and c.lower_ == "device" for c in g.children))
        # "the connection to NIBE Uplink will be broken": the link to the maker's named service
        or (
            g.lower_ in ("connection", "connections")
            and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(x.tag_ in ("NNP", "NNPS") for x in c.subtree)
                for c in g.children
            )
        )
        # "this version of the api", "the old version of the app": a version of the service (or "a set of
        # deprecated endpoints", "all of the servers": a number of them)
        or (
            g.lower_ in _PART_OF
            and any(c.dep_ == "prep" and c.lower_ == "of" and _stops_service(list(c.children)) for c in g.children)
        )
        # "end Acme Game's multiplayer mode", "online play": a game's online service by what it serves
        or g.lower_ in _ONLINE_PLAY
        or (g.lower_ in _PLAY_NOUNS and any(c.lower_ in _ONLINE_PLAY for c in g.children))
        for g in what
    )  # not "customer service"


_PART_OF = frozenset(
    {"version", "versions", "set", "number", "group", "series", "list", "batch", "handful", "couple", "all", "rest",
     "remainder"}
)  # fmt: skip
_ONLINE_PLAY = frozenset({"multiplayer", "matchmaking", "online"})
_PLAY_NOUNS = frozenset({"mode", "modes", "play", "gameplay", "features", "feature", "functionality", "servers"})


def _supplied(what: list[Token]) -> list[Token]:
    """What stopped supply verbs give: "stopped providing the promised services for legacy devices"
    stops the services."""
    # the first object only: "providing services for legacy Nike wearable devices" is parsed with
    # "devices" as a second object
    return [
        next(o for o in g.children if o.dep_ == "dobj")
        for g in what
        if g.lower_ in _SUPPLY and any(o.dep_ == "dobj" for o in g.children)
    ]


def _cut_from_service(verb: Token) -> bool:
    """ "cut them off from cloud management access": the product is cut off from the maker's service."""
    if not (
        lemma(verb) in ("disconnect", "block") or any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    ):
        return False  # (not "cut prices from the store")
    return any(
        p.dep_ == "prep"
        and p.lower_ == "from"
        and any(
            g.dep_ == "pobj"
            and (g.lower_ in _SERVICE or any(c.dep_ == "compound" and c.lower_ in _SERVICE for c in g.subtree))
            for g in p.children
        )
        for p in verb.children
    )


def _as_a_service(verb: Token) -> bool:
    """ "discontinue Workrooms as a standalone app": what the verb stops is named as a service."""
    return any(
        p.dep_ == "prep" and p.lower_ == "as" and any(o.dep_ == "pobj" and o.lower_ in _SERVICE for o in p.children)
        for p in verb.children
    )


def _access_to_service(noun: Token) -> bool:
    return any(
        p.dep_ == "prep" and p.lower_ == "to" and any(g.dep_ == "pobj" and _stops_service([g]) for g in p.children)
        for p in noun.children
    )


# a statement reported as made before: "Fitbit said it would only keep support … until …"
_REPORTING = frozenset({"say", "promise", "pledge", "commit", "announce", "state", "tell", "write"})


_AIM = frozenset(
    {"aim", "aims", "aimed", "aiming", "hope", "hopes", "hoped", "hoping", "strive", "strives", "try", "tries",
     "trying", "want", "wants", "wish", "wishes", "endeavour", "endeavor", "seek"}
)  # fmt: skip


def _aimed(tok: Token) -> bool:
    """The word is under a verb of aiming or hoping ("Fairphone aims to support the phones … until
    2026"): a wish, which a guaranteed end outranks."""
    t = tok
    for _ in range(6):
        if t.lower_ in _AIM and t.tag_.startswith("VB"):
            return True
        if t.head == t or t.dep_ not in ("xcomp", "prep", "pobj", "pcomp", "advcl", "dobj", "npadvmod", "advmod"):
            return t.head != t and t.head.lower_ in _AIM and t.head.tag_.startswith("VB")
        t = t.head
    return False


_IMPLYING = frozenset({"mean", "means", "meant", "imply", "implies", "suggest", "suggests"})


def _denied(tok: Token) -> bool:
    """The word's clause is what a negated "mean" or "imply" says is not so ("That does not mean
    that in 2017, kit … will stop working")."""
    t = tok
    for _ in range(10):
        if t.dep_ == "ccomp" and t.head.lower_ in _IMPLYING and _negated(t.head):
            return True
        if t.head == t:
            return False
        t = t.head
    return False


# people other than the maker, whose expectations or hopes state no end ("Some users expected
# support to last until 2024")
_ONLOOKERS = frozenset(
    {"user", "users", "customer", "customers", "owner", "owners", "buyer", "buyers", "people", "fans"}
)
_HOPING = frozenset(
    {"expect", "expects", "expected", "hope", "hopes", "hoped", "assume", "assumes", "assumed", "believe", "believes",
     "believed", "think", "thinks", "thought", "wish", "wishes", "wished", "anticipate", "anticipates", "anticipated"}
)  # fmt: skip
_MODALS = frozenset({"can", "could", "will", "would", "should", "may", "might", "'ll"})


def _onlookers_hope(tok: Token) -> bool:
    """The word's clause is what users or customers expected or hoped, not what the maker said."""
    t = tok
    for _ in range(10):
        if t.dep_ in ("ccomp", "xcomp") and t.head.lower_ in _HOPING:
            # (not what the maker says they can: "owners can expect to get regular updates through …")
            told = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.head.children)
            return not told and any(c.dep_ == "nsubj" and c.lower_ in _ONLOOKERS for c in t.head.children)
        if t.head == t:
            return False
        t = t.head
    return False


def _conditional(tok: Token) -> bool:
    """The word's clause holds only on a condition: it is in an "if" clause, or a clause above it
    has one ("if a Fire Tablet … is last sold in May 2024, it will receive … updates until 2028")."""
    t = tok
    for _ in range(10):
        if t.tag_.startswith("VB") and any(
            (c.dep_ == "mark" and c.lower_ in ("if", "unless"))
            or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children))
            for c in t.children
        ):
            return True
        if t.head == t:
            return False
        t = t.head
    return False


_EARLIER = frozenset({"initially", "originally", "previously", "once", "first"})
_FIRST_PLAN = frozenset({"initially", "originally"})


def _former(tok: Token) -> bool:
    """The word sits in a clause reported under a past-tense verb of saying, with "would" (the
    future of the time it was said), or under a plan said to be the first ("had initially planned to
    sunset support … by January 1, 2024"): an earlier statement, not the current one."""
    t = tok
    for _ in range(12):
        if t.tag_.startswith("VB") and any(c.dep_ == "advmod" and c.lower_ in _FIRST_PLAN for c in t.children):
            return True
        if t.dep_ == "ccomp" and t.tag_.startswith("VB") and t.head.tag_ == "VBD" and lemma(t.head) in _REPORTING:
            return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in t.children)
        if t.head == t:
            return False
        t = t.head
    return False


# a past plan: "was due to expire", "were scheduled to end"
_PLANNED = frozenset({"due", "supposed", "set", "scheduled", "expected", "planned", "slated"})
# what replaces it: "… but has been extended to June 2025"
_REPLACING = frozenset({"extended", "postponed", "delayed", "pushed", "moved", "changed", "revised"})


def _said_earlier(verb: Token) -> bool:
    """ "had initially committed", "originally planned", "was due to expire"."""
    if any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in verb.children):
        return True
    return verb.tag_ == "VBD" and any(c.dep_ in ("acomp", "xcomp") and c.lower_ in _PLANNED for c in verb.children)


def _replaced_promise(tok: Token) -> str | None:
    """A promise made earlier and now replaced by what a joined clause says ("had initially
    committed to maintaining the MyNeato app until 2028 but is now ceasing support …"): the verb."""
    t = tok
    for _ in range(8):
        if any(c.dep_ == "advmod" and c.lower_ in ("now", "instead") for c in t.children) or (
            t.dep_ == "conj" and t.lower_ in _REPLACING
        ):
            return None  # the date is in the clause that replaces
        if t.tag_.startswith("VB") and _said_earlier(t):
            joined = [c for c in t.children if c.dep_ == "conj" and c.tag_.startswith("VB")]
            if any(
                c.lower_ in _REPLACING or any(g.dep_ == "advmod" and g.lower_ in ("now", "instead") for g in c.children)
                for c in joined
            ):
                return t.text
            return None
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _bare_conjuncts(verb: Token) -> list[Token]:
    """The verbs joined to this one by "and" that have no subject or conjunction of their own."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.tag_.startswith("VB")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
    ]


def _shared_ceasing(verb: Token, date_tokens: set[int]) -> str | None:
    """A verb joined by "and" with no subject of its own shares the date of the verb it joins:
    "As of December 9th, 2024, Car Thing will be discontinued, and will stop operating" (not one
    with a date of its own: "will revert to 2G by October 2021 and stop working in December 2022")."""
    for c in _bare_conjuncts(verb):
        if any(t.i in date_tokens for t in c.subtree):
            continue
        if _ceases_to_function(c, date_tokens) and _negated(c):
            return c.text
        what = [g for g in c.children if g.dep_ in ("dobj", "xcomp")]
        if _is_stop(c) and what and all(_ceases_to_function(g, date_tokens) for g in what):
            return c.text
    return None


def _with_no_updates(verb: Token) -> str | None:
    """A stop that comes "with no further firmware updates": the updates end with it."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("with", "and"):
            for g in p.children:
                said = " ".join(t.text for t in g.subtree)
                if g.dep_ == "pobj" and any(d.lower_ == "no" for d in g.children) and TOPIC.search(said):
                    return f"with {said}"
    return None


# words that say a stop happened or will ("ends", "stopped", "is discontinued", "no longer"), in a sentence
# before the one that dates it
STOP_SAID = re.compile(
    r"\b(?:end(?:s|ing|ed)?|stop\w*|discontinu\w*|ceas\w*|drop\w*|sunset\w*|retir\w*|shut(?:ting|s)?\s+down|no\s+longer)\b",
    re.I,
)
# narrower, for the sentence before one whose "until" may then bound an end: "no longer sell" before
# "will only support the device until September 15th, 2023" says no stop of support
_PREVIOUS_STOP = re.compile(r"discontinu|\bend|stop|cease|sunset", re.I)
# (and, for a product said to work until a date, its maker shutting down: "Automatic Labs is shutting down")
_PREVIOUS_SHUTDOWN = re.compile(r"\bshut(?:ting|s)?\s+down|\bshutdown|\bclosing\s+down", re.I)
# a stop said right after a date a product works until: "…, and after all the servers will be turned off"
_STOP_AFTER = re.compile(
    r"^[^.;]{0,20}\b(?:and\s+)?(?:after(?:wards)?|then|thereafter)\b[^.;]{0,60}?"
    r"\b(?:turned\s+off|shut\s+down|switched\s+off|taken\s+offline|go(?:es)?\s+offline|discontinued|stop\w*|cease\w*)",
    re.I,
)


def _shared_stop(verb: Token, date_tokens: set[int]) -> str | None:
    """A verb joined by "and", with no subject or date of its own, that stops support or updates
    shares the date of the verb it joins: "in 2012, the Boxee guys quit on the userbase and ceased
    supporting the device"."""
    for c in _bare_conjuncts(verb):
        if not _is_stop(c) or any(g.dep_ in ("aux", "auxpass") for g in c.children):
            continue  # (not "shut down Neato in 2023 and is ending cloud support": a time of its own)
        if any(t.i in date_tokens for t in c.subtree):
            continue
        what = [g for g in c.children if g.dep_ in ("dobj", "xcomp")]
        if what and any(TOPIC.search(" ".join(x.text for x in g.subtree)) for g in what):
            return f"{c.text} {what[0].text}"
    return None


_ABOUT_AN_END = re.compile(TOPIC.pattern + r"|\bend\s+date|\bservices?\b|\bshut", re.I)


def _end_named_by(subject: Token, previous: str) -> str | None:
    """A copula's subject that names an end, for the date the copula gives it: "that end date" after
    a sentence about the service's end, "the shutdown of the Acme cloud", "the end" (not "the end of the
    promotion", nor "the end of sale")."""
    if _end_of_sale(subject):
        return None
    phrase = subject.doc[subject.left_edge.i : subject.i + 1].text
    if subject.lower_ in ("date", "dates") and re.search(r"\bend\s+dates?$", phrase, re.I):
        return phrase if _ABOUT_AN_END.search(previous) else None
    if lemma(subject) in _STOP_NOUNS or subject.lower_ in _SHUTDOWN_NOUNS:
        of = [
            g for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
        if not of or any(
            g.lower_ == "life" or g.tag_ in ("NNP", "NNPS") or g.lower_ in _SERVICE or TOPIC.search(g.text) for g in of
        ):
            return " ".join(t.text for t in subject.subtree if t.i <= (of[0].i if of else subject.i))
    return None


_BROKEN = frozenset(
    {"inoperable", "inoperative", "unusable", "useless", "bricked", "nonfunctional", "non-functional", "obsolete",
     "redundant", "inoperational", "non-operational", "nonoperational"}
)  # fmt: skip


_PRODUCTION = frozenset({"production", "availability", "supply", "manufacturing", "manufacture", "sale", "sales"})
_TERMS_OF_SALE = frozenset({"price", "prices", "pricing", "delivery", "stock", "trade-in", "finance", "cashback"})
# what a shop's offer is: "Black Friday deals end 30 November", "the promotion ends on 5 January"
_OFFERS = frozenset(
    {"deal", "deals", "offer", "offers", "promotion", "promotions", "promo", "discount", "discounts", "voucher",
     "vouchers", "coupon", "coupons", "competition", "giveaway", "pre-order", "pre-orders", "preorder", "bundle"}
)  # fmt: skip


_MARKET_ENTRY = frozenset({"introduce", "launch", "release", "debut", "unveil"})
_ENTRY_NOUNS = frozenset({"launch", "debut", "introduction", "unveiling", "arrival"})
_LAUNCHING = re.compile(r"launch|introduc|debut|unveil")  # (not "released": an update's release dates an end)


def _stops_sales(verb: Token) -> bool:
    """A stop whose subject or object is sales or production ("final sales ending …")."""
    if verb.dep_ in ("acl", "relcl") and verb.head.lower_ in _PRODUCTION:
        return True  # "final sales ending December 31, 2022"
    if lemma(verb) == "discontinue" and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in verb.children):
        # "was introduced in 2014 and discontinued only in 2018": the model's time on the market
        joined = [verb.head] if verb.dep_ == "conj" else []
        joined += [c for c in verb.children if c.dep_ == "conj"]
        if any(lemma(j) in _MARKET_ENTRY for j in joined):
            return True
    if any(c.dep_ == "xcomp" and c.lower_ in ("accept", "accepting") for c in verb.children):
        return True  # "will stop accepting new Go apps and updates after December 4, 2020": a store's intake ends
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and (c.lower_ in _PRODUCTION or _ability_to_buy(c) or (c.dep_ != "dobj" and c.lower_ in _OFFERS))
        # "stopped selling Nest Secure in October 2020" (not "stopped offering security updates")
        or c.dep_ == "xcomp"
        and (lemma(c) in _MADE or c.lower_.endswith("ing") and {c.lower_[:-3], c.lower_[:-3] + "e"} & _MADE)
        # (a name such as "Nest Secure" is no word about security)
        and not TOPIC.search(" ".join(t.text for t in c.subtree if t.tag_ not in ("NNP", "NNPS")))
        for c in verb.children
    )


def _ability_to_buy(noun: Token) -> bool:
    """ "The ability to actually use those points to purchase WiiWare titles": buying, not the product."""
    return noun.lower_ in ("ability", "option", "possibility") and any(
        lemma(t) in ("purchase", "buy", "add", "redeem", "top") for t in noun.subtree if t.tag_.startswith("VB")
    )


def _produced(chain: list[Token]) -> bool:
    """The predicate's object or subject is production, availability or sale of the product."""
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lower_ in _PRODUCTION for v in chain for c in v.children)


# what can be used up to a date that is not the product: "use your eShop balance until March 11th"
_NOT_PRODUCT = frozenset(
    {"balance", "balances", "credit", "credits", "funds", "voucher", "vouchers", "points", "coupon", "coupons",
     "refund", "refunds", "offer", "discount", "code", "codes"}
)  # fmt: skip


def _only(verb: Token, prep: Token) -> bool:
    """ "only working till February 2024", "will work only until": the span is a limit, not a promise."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in (*verb.children, *prep.children))


def _use_goes_on(chain: list[Token]) -> bool:
    """The predicate is use of the product going on ("can play", "can use the app"), not of
    money or a code."""
    for v in chain:
        # (not "will continue to work until 2030": working until a date promises, it does not end)
        # "continue to have access to their games": having access is using
        has_access = lemma(v) in ("have", "has", "keep", "retain") and any(
            c.dep_ == "dobj" and c.lower_ == "access" for c in v.children
        )
        if v.lower_ in _USE or v.lower_ == "play" or has_access:
            things = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
            if not any(t.lower_ in _NOT_PRODUCT for t in things):
                return True
    return False


_LAST_UPDATE = re.compile(
    # (not the "last update notes", a text about one)
    r"\b(?:last|final)\b(?:\s+\w+){0,3}\s+(?:update|patch|release|firmware)(?!s?\s+(?:notes?|logs?|schedule|details|info))|"
    r"\bend\s+of\s+(?:support|life|service|updates)\b|"
    r"\beol\b|\bsupport\s+end",
    re.I,
)


_RELEASING = frozenset({"release", "publish", "issue", "ship", "push", "roll", "deliver"})
_SHARING = frozenset({"share", "shares", "shared", "provide", "provides", "provided", "send", "sends", "sent"})


def _last_update_released(verb: Token) -> str | None:
    """The release of the last update ("The last security update … was released on …", "the
    update that was released on … was the last update the handset will receive"): its words."""
    if lemma(verb) not in _RELEASING and verb.lower_ not in _SHARING:
        return None
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
        # or the maker's object, to come: "In March 2023, we will share a final update of Fairphone 2 software"
        # (not "Apple … provided the last firmware update in June 2019", a past update, not a stated end)
        nouns += [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ in ("relcl", "acl"):
        nouns.append(verb.head)
    for noun in nouns:
        inside = {x.i for x in verb.subtree} if noun == verb.head else set()  # (the noun a clause describes)
        own = " ".join(t.text for t in noun.subtree if t.i not in inside)
        if _LAST_UPDATE.search(own):
            return own
        # ("… was the last update"; and "support … has finally come to an end, with the last update being the
        # one released in August 2023", where the sentence ties the end to the update)
        tied = noun.dep_ == "attr" and _SAID_ENDED.search(verb.sent.text) is not None
        copula = noun.head if noun.dep_ in ("nsubj", "nsubjpass") or tied else None
        if (
            copula is not None
            and copula != verb
            and (lemma(copula) in _COPULA or copula.lower_ in ("being", "remain"))
            and (said := _said_last(copula, "attr" if noun.dep_ != "attr" else "nsubj")) is not None
        ):
            return said
    return None


def _said_last(copula: Token, dep: str) -> str | None:
    """The words of the copula's `dep` side ("was the last update") when they name the last update."""
    for named in (c for c in copula.children if c.dep_ == dep):
        said = " ".join(t.text for t in named.subtree)
        if _LAST_UPDATE.search(said):
            return said
    return None


_SAID_ENDED = re.compile(r"\b(?:come\s+to\s+an\s+end|came\s+to\s+an\s+end|(?:has|have|had)\s+(?:now\s+)?ended)\b", re.I)


def _update_named_last(tok: Token) -> str | None:
    """The date names an update ("March 2023 security update") that a copula says was the last one: the
    words that say so."""
    update = tok.head
    if tok.dep_ not in ("nmod", "compound", "npadvmod") or update.lower_ not in ("update", "patch", "release"):
        return None
    if update.dep_ != "nsubj" or lemma(update.head) not in _COPULA:
        return None
    return _said_last(update.head, "attr")


def _last_update_subject(verb: Token, previous: str = "") -> str | None:
    """A copula whose subject is the last update or the end of support ("The last guaranteed
    security update is October 2016", "End of service is March 29th", "The shutdown date is …"),
    or the date of a shutdown the sentence before names ("… stranded by the Reciva shutdown. The
    official date was April 30, 2021"): the subject's words."""
    if lemma(verb) in _ARRIVES and not _negated(verb):
        # "its final update will arrive in December 2025": when the last update is to come is the end
        # (not "the last software update came in November 2022", a past update, not a stated end)
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
            return None
        for c in verb.children:
            words = " ".join(t.text for t in c.subtree)
            if c.dep_ == "nsubj" and _LAST_UPDATE.search(words):
                return words
        return None
    # (the modal may sit on the verb the "and" joins: "They should go up to Android 16 and receive …")
    modal_on = [verb, verb.head] if verb.dep_ == "conj" and verb.head.tag_.startswith("VB") else [verb]
    if lemma(verb) in _GETS and any(
        c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "should") for v in modal_on for c in v.children
    ):
        # "the Galaxy Note 20 will receive its final update in 2024": when the last update comes
        for c in verb.children:
            words = " ".join(t.text for t in c.subtree)
            if c.dep_ == "dobj" and _LAST_UPDATE.search(words) and not _negated(verb):
                return words
        return None
    if lemma(verb) not in ("be", "is", "was", "will") and verb.lower_ not in ("is", "was", "be", "are"):
        return None
    holders = [verb]
    if verb.dep_ == "xcomp" and verb.head.lower_ in _BOUND_TO:
        holders.append(verb.head)  # "the official shutdown is going to be 18th January 2023"
    for c in (c for h in holders for c in h.children):
        if c.dep_ in ("nsubj", "nsubjpass"):
            words = " ".join(t.text for t in c.subtree)
            if _LAST_UPDATE.search(words) or _end_date_noun(c):
                return words
            if (
                c.lower_ == "date"
                and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
                and all(m.dep_ in ("det", "amod") for m in c.children)
                and (named := _STOP_NAMED.search(previous))
            ):
                return f"{words} (of the {named.group(0)} named before)"
            if c.dep_ == "nsubj" and (named_end := _end_named_by(c, previous)) is not None:
                # "that end date is 15 March, 2015", "The shutdown of the Acme cloud is 1 May 2025"
                return named_end
    return None


# a verb over "to be" that only says the time is set or expected ("is going to be", "is scheduled to be")
_BOUND_TO = frozenset({"going", "expected", "set", "scheduled", "planned", "slated", "due"})
_GETS = frozenset({"receive", "receives", "get", "gets", "see", "sees"})
_ARRIVES = frozenset(
    {"arrive", "arrives", "arrived", "come", "comes", "came", "ship", "ships", "shipped", "land", "lands"}
)


# a stop named in a sentence, for a date given in the next one
_STOP_NAMED = re.compile(
    r"\bshut\s*down|\bshutdown|\bdiscontinu\w+|\bsunset\w*|\bclosure|\bswitch-?off|\bend\s+of\s+(?:life|support|service)",
    re.I,
)


_SHUTDOWN_NOUNS = frozenset(
    {"shutdown", "shut-down", "switch-off", "switchoff", "discontinuation", "sunset", "deactivation", "closure",
     "shutoff", "shut-off", "turndown", "decommissioning", "retirement"}
)  # fmt: skip
_NETWORKS = frozenset({"network", "networks", "2g", "3g", "4g", "grid", "power", "cellular"})


# "EOL date", "end-of-life dates", "AUE date", "auto update expiration date", "support end date"
_END_DATE_WORDS = re.compile(
    r"(?:\beol|\bend[\s-]*of[\s-]*(?:life|support|service|updates?|security\s+updates?)|\baue|expir\w*|expiry|"
    r"(?:support|service|update)s?\s+end|\bsunset|\bshutdown|cut-?off|retirement|discontinuation|closure|termination|"
    r"\bkill)"
    r"(?:\s*\(\s*\w{2,6}\s*\))?\s*dates?$",
    re.I,
)


def _relative_antecedent(verb: Token) -> Token | None:
    """The dates a relative clause is about, when they stand in brackets for the end dates before
    them: "AUE dates of 2022 (dates that have since been pushed to June 2025)"."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lower_ not in ("date", "dates") or noun.i < 1 or noun.doc[noun.i - 1].text != "(":
        return None
    before = noun.doc[max(0, noun.i - 8) : noun.i - 1].text
    ends = (_END_DATE_WORDS.search(before[: m.end()]) for m in re.finditer(r"\bdates?\b", before))
    return noun if any(ends) else None


def _end_date_noun(noun: Token) -> str | None:
    """ "date(s)" led by words that name an end of support or life, read as one phrase."""
    if noun.lower_ not in ("date", "dates") or not noun.tag_.startswith("NN"):
        return None
    phrase = noun.doc[noun.left_edge.i : noun.i + 1].text
    m = _END_DATE_WORDS.search(phrase)
    if m is None:
        # "the effective date of termination", "the date of discontinuation": the end named after it
        stop = next(
            (
                g
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
                and lemma(g) in _STOP_NOUNS
                # (the end of a service or a named thing, or of nothing named: not "of the lease")
                and (not any(c.dep_ == "prep" and c.lower_ == "of" for c in g.children) or _of_service(g))
            ),
            None,
        )
        m = _END_DATE_WORDS.search(f"{stop.text} date") if stop is not None else None
    if m is None or any(
        # "the cutoff date for adding funds": a cut-off for doing something else
        p.dep_ == "prep" and p.lower_ == "for" and any(g.tag_ == "VBG" for g in p.children)
        for p in noun.children
    ):
        return None
    return m.group(0)


def _dated_shutdown(noun: Token) -> bool:
    """A shutdown named as a noun with its own date ("Automatic's planned shutdown on
    5/28/2020"), not a network's ("the 3G network shutdown in February 2022", "the end of 3G on …")."""
    # (or an app's departure from a platform: "Netflix's impending departure from the PlayStation 3
    # in March 2026")
    leaves = noun.lower_ in ("departure", "exit") and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in noun.children
    )
    # (or the end of a service or a named thing: "the end of Wemo cloud on January 31st 2026")
    ends_service = noun.lower_ == "end" and _of_service(noun)
    return (
        (noun.lower_ in _SHUTDOWN_NOUNS or leaves or ends_service)
        and not noun.tag_.startswith("VB")
        and not _of_a_network([c for c in noun.subtree if c.i < noun.i])
    )


_TELLING = frozenset({"inform", "notify", "warn", "remind", "alert", "tell", "email"})


def _told_of_shutdown(verb: Token, date: Token) -> Token | None:
    """The shutdown a verb of telling is "of" or "about", when the date's preposition follows it at once."""
    if lemma(verb) not in _TELLING:
        return None
    prep = date.head if date.dep_ == "pobj" else date
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "about"):
            for noun in p.children:
                if noun.dep_ == "pobj" and _dated_shutdown(noun) and max(t.i for t in noun.subtree) + 1 == prep.i:
                    return noun
    return None


_FOR_NOW = frozenset({"currently", "temporarily", "presently"})


def _for_now(verb: Token) -> bool:
    """The verb is said of the present only: "the integration isn't currently working as of 08/05/2024" is an
    outage, not an end."""
    return any(c.dep_ == "advmod" and c.lower_ in _FOR_NOW for c in verb.children)


def _of_a_network(words: list[Token]) -> bool:
    """The words name a network ("the 3G network", "grid"; the tokenizer may cut "3G" into "3" "G")."""
    return any(
        c.lower_ in _NETWORKS or (c.lower_ == "g" and c.i > 0 and c.doc[c.i - 1].text in ("2", "3", "4")) for c in words
    )


def _loses_service(tok: Token) -> bool:
    """ "will lose connection to professional monitoring", "lose access to the cloud": the product
    is cut from the maker's service."""
    return lemma(tok) in ("lose", "loses", "lost", "losing") and any(
        c.dep_ == "dobj" and c.lower_ in ("connection", "connectivity", "access", "service", "monitoring")
        for c in tok.children
    )


def _loses_use(tok: Token) -> bool:
    """ "be able to unlock / use / control …", "can use" under a negation: the product can no longer
    be used (not "able to buy", an end of sale)."""
    if any(
        c.dep_ == "conj" and any(g.lower_ == "only" for g in c.children) and any(g.lower_ == "able" for g in c.children)
        for c in tok.children
    ):
        return False  # "will not be able to connect to AT&T and will only be able to use T-Mobile 2G": less use
    if _signs_up(tok):
        return False  # "developers cannot sign up to use these APIs": new users turned away, not the product's end
    for able in (c for c in tok.children if c.dep_ == "acomp" and c.lower_ == "able"):
        if any(v.dep_ == "xcomp" and v.lower_ in _USE for v in able.children):
            return True
    for possible in (c for c in tok.children if c.dep_ == "acomp" and c.lower_ == "possible"):
        # "it will no longer be possible to use the app": the same, said of no one in particular (the parser
        # hangs the use from "be" or from "possible")
        if any(v.dep_ == "xcomp" and v.lower_ in _USE for v in (*tok.children, *possible.children)):
            return True
    # "you can no longer use the Alexa.Networking APIs": the same, said with "can" (or in the passive:
    # "thermostats can no longer be remotely controlled")
    return (tok.lower_ in _USE or tok.lower_ in _USED) and any(
        c.dep_ == "aux" and c.lower_ in ("can", "could") for c in tok.children
    )


def _signs_up(tok: Token) -> bool:
    """ "sign up", "register", "enrol": a new user's first step (not "sign in", a user's use)."""
    if lemma(tok) in ("register", "enrol", "enroll"):
        return True
    return tok.lower_ == "sign" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)


_USED = frozenset(
    {"used", "controlled", "operated", "accessed", "unlocked", "locked", "opened", "streamed", "viewed", "watched",
     "monitored", "synced", "played", "connected"}
)  # fmt: skip


_AVAILABLE = frozenset(
    {"available", "accessible", "usable", "operational", "reachable", "online", "functional", "operable"}
)
_OFFERED = frozenset({"download", "purchase", "buy", "sale", "order", "preorder", "pre-order", "subscription", "new"})


# a service's downtime for maintenance, not the maintenance (updates) of a product
_DOWNTIME = re.compile(
    r"\b(?:server|scheduled|planned|system|emergency|network)\s+maintenance\b|\bmaintenance\s+(?:window|works?)\b", re.I
)
# a lapse in service that ends at a time ("unavailable from … to …", "offline until …")
_LAPSE = frozenset({"unavailable", "inaccessible", "offline", "down", "unreachable", "interrupted"})


def _predicate_words(tok: Token, words: frozenset[str]) -> list[Token]:
    """The word of `words` a verb says through its complement ("be functional": "functional"), or the
    word itself."""
    if tok.lower_ in words:
        return [tok]
    return [c for c in tok.children if c.dep_ == "acomp" and c.lower_ in words]


def _unavailable(tok: Token) -> bool:
    """'(will no longer) be available / accessible' of the product, not 'available for purchase'
    or 'available to download from the Store' (an end of sale)."""
    return any(
        not any(
            p.dep_ in ("prep", "xcomp")
            and (
                any(g.lower_ in _OFFERED for g in p.subtree)
                # "no longer available in the US but … obtainable in other countries": a market left
                or (p.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ in _MARKETS for g in p.children))
            )
            for p in w.children
        )
        for w in _predicate_words(tok, _AVAILABLE)
    )


def _only_off_sale(tok: Token) -> bool:
    """ "will no longer be available to download from the Store": availability for sale ends, not the product."""
    return bool(_predicate_words(tok, _AVAILABLE)) and not _unavailable(tok)


_MARKETS = frozenset(
    {"us", "u.s.", "usa", "uk", "u.k.", "eu", "europe", "canada", "australia", "germany", "france", "japan", "china",
     "india", "stores", "shops", "market", "markets", "country", "countries", "region", "regions"}
)  # fmt: skip
_ABILITIES = frozenset(
    {"ability", "functionality", "functionalities", "connectivity", "functions", "features", "intelligence", "smarts"}
)


def _loses_ability(tok: Token) -> bool:
    """ "these products will lose the ability to carry out key functions", "lose connectivity", "will
    be stripped of their intelligence"."""
    if tok.lower_ in ("stripped", "strip", "strips", "stripping"):
        return any(
            p.dep_ == "prep"
            and p.lower_ == "of"
            and any(g.dep_ == "pobj" and g.lower_ in _ABILITIES for g in p.children)
            for p in tok.children
        )
    return lemma(tok) == "lose" and any(c.dep_ == "dobj" and c.lower_ in _ABILITIES for c in tok.children)


def _unable_to_use(tok: Token) -> bool:
    """ "will be unable to use or access the application": the product can no longer be used."""
    return any(
        c.dep_ == "acomp" and c.lower_ == "unable" and any(v.dep_ == "xcomp" and v.lower_ in _USE for v in c.children)
        for c in tok.children
    )


_UNPAIRING = frozenset({"unpair", "unpaired", "unlink", "unlinked", "deregister", "deregistered"})
_REMOVING = frozenset({"remove", "delete", "deleted", "disconnect"})  # (lemma() gives "removed" as "remove")
_OWNERS_PLACES = frozenset({"app", "apps", "application", "account", "accounts"})


def _out_of_support(tok: Token) -> bool:
    """ "goes out of support", "falls out of support", "is out of support": support ends."""
    return lemma(tok) in ("go", "goes", "went", "fall", "falls", "fell", "drop", "be", "is", "are") and any(
        p.lower_ == "out"
        and any(
            o.lower_ == "of" and any(g.lower_ in ("support", "maintenance", "service") for g in o.children)
            for o in p.children
        )
        for p in tok.children
    )


# proper nouns, plural ones too ("Trusted Contacts will be shut down")
_PROPER = frozenset({"NNP", "NNPS"})
_BRICKING = frozenset({"brick", "bricks", "bricked", "bricking"})


def _cut_from_app(tok: Token) -> bool:
    """ "your device will be unpaired and removed from your Nest app": the product is cut from the
    app it is run with (not "the feature will be removed from the app")."""
    verb = tok.head if tok.dep_ == "conj" and tok.head.tag_.startswith("VB") else tok
    devices = [
        g for g in verb.children if g.dep_ == "nsubjpass" and (g.lower_ in _UNPAIRED_THINGS or g.tag_ in ("NNP", "PRP"))
    ]
    if not devices or devices[0].lower_ in ("this", "that"):
        return False
    if lemma(tok) in _UNPAIRING:
        return True
    return lemma(tok) in _REMOVING and any(
        p.dep_ == "prep" and p.lower_ == "from" and any(o.lower_ in _OWNERS_PLACES for o in p.subtree)
        for p in tok.children
    )


def _loss_after(date: Token, date_tokens: set[int]) -> str | None:
    """A relative clause on the date that ends the product's use: "on October 14, at which point
    you will be unable to use the application", "…, after which you can no longer use it"."""
    for r in (c for c in date.children if c.dep_ == "relcl"):
        for v in (r, *(c for c in r.children if c.dep_ == "conj")):
            if _unable_to_use(v) or (_negated(v) and (_loses_use(v) or _ceases_to_function(v, date_tokens))):
                return v.text
            if _negated(v) and v.lower_ in _USE:
                return v.text
    return None


def _becomes_broken(tok: Token) -> bool:
    """ "will become inoperable", "are rendered useless": the product stops working (not "could
    become useless", a possibility)."""
    if tok.lower_ == "bricked" and any(c.dep_ == "auxpass" for c in tok.children):
        # "will be bricked on 15 May 2024" (not "since 2020 your buttons can be bricked", a risk)
        return not any(c.dep_ == "aux" and c.lower_ in ("can", "could", "might", "may") for c in tok.children)
    return (
        lemma(tok) in ("become", "becomes", "became", "render", "rendered", "rendering", "be", "will")
        # ("rendering the hardware inoperable": the state parsed as a clause of its own)
        and any(
            (c.dep_ in ("acomp", "attr", "oprd") or (c.dep_ in ("ccomp", "dobj") and lemma(tok).startswith("render")))
            and c.lower_ in _BROKEN
            for c in tok.children
        )
        and not any(
            c.dep_ == "aux" and c.lower_ in ("could", "might", "may")
            for v in ((tok, tok.head) if tok.dep_ == "conj" else (tok,))  # "could lose … or become useless"
            for c in v.children
        )
    )


def _left_broken(stop: Token) -> Token | None:
    """A clause on the stop (or on the "going" it hangs from) that leaves the product broken:
    "…, rendering the hardware inoperable"."""
    holders = (stop, stop.head) if stop.dep_ == "xcomp" else (stop,)
    return next((a for h in holders for a in h.children if a.dep_ == "advcl" and _becomes_broken(a)), None)


_COPULA = frozenset({"be", "is", "are", "was", "were"})


def _company_closes(tok: Token) -> str | None:
    """The maker itself closes: "going out of business", or a named company (or 'they'/'it' after
    one) that will "close" or "shut down" with nothing closed named (not "our office will close")."""
    if tok.lower_ in ("go", "goes", "going", "went", "gone") and any(
        p.lower_ == "out"
        and any(o.lower_ == "of" and any(g.lower_ == "business" for g in o.children) for o in p.children)
        for p in tok.children
    ):
        return "out of business"
    if lemma(tok) not in ("close", "shut") or any(
        c.dep_ == "dobj" or c.lower_ in ("for", "temporarily", "early") for c in tok.children
    ):
        return None  # (not "will close for the holidays")
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if any(c.tag_ in ("NNP", "NNPS") for c in subjects):
        return lemma(tok)
    if any(c.lower_ in ("they", "it") for c in subjects) and any(
        c.dep_ == "nsubj" and c.tag_ in ("NNP", "NNPS") for c in tok.head.children
    ):
        return lemma(tok)  # "Aerogarden stated they will close as of January 1, 2025"
    return None


def _no_longer_a_service(tok: Token) -> bool:
    """A negated copula whose complement is a service, or an active or maintained project: the thing
    stops being offered ("will no longer be a service", "this is no longer an active project")."""
    return (
        lemma(tok) in _COPULA
        and _negated(tok)
        and any(
            c.dep_ == "attr"
            and (
                c.lower_ in _SERVICE
                or (
                    c.lower_ in ("project", "product")
                    and any(a.dep_ == "amod" and a.lower_ in ("active", "maintained", "supported") for a in c.children)
                )
            )
            for c in tok.children
        )
    )


def _no_more(tok: Token) -> bool:
    """ "the servers are no more": a copula saying the thing has gone."""
    return lemma(tok) in _COPULA and any(
        c.dep_ in ("attr", "acomp", "advmod")
        and c.lower_ == "more"
        and any(g.dep_ == "neg" or (g.dep_ == "det" and g.lower_ == "no") for g in c.children)
        for c in tok.children
    )


def _service_stops_after(verb: Token) -> str | None:
    """A clause under the verb, led by "before", in which the maker's service stops ("… have until
    30 June 2025 before the cloud service goes offline"): the words of that clause."""
    for c in verb.children:
        before = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "before" for m in c.children)
        if before and _service_subject(c):
            return f"'{_clause_text(c, strict=True)}'"
    return None


def _support_ended_before(noun: Token, previous: str) -> bool:
    """The sentence before ends the support for this noun ("will discontinue the support for this
    type of authentication"), so stopping the noun stops what that support was for."""
    if not noun.is_alpha or len(noun.text) < 4 or noun.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return False
    return bool(
        re.search(
            rf"\b(?:discontinu\w*|end\w*|stop\w*|drop\w*|cease\w*|no\s+longer\s+(?:provide|offer))\s+"
            rf"(?:the\s+|our\s+|all\s+)?support\s+for\b[^.;]{{0,40}}?\b{re.escape(noun.lower_)}s?\b",
            previous,
            re.I,
        )
    )


def _goes_away(tok: Token) -> bool:
    """ "the YouTube Kids app (icon) on your TV will be going away": the maker's service goes."""
    return (
        tok.lower_ in ("go", "goes", "going")
        and any(c.lower_ == "away" for c in tok.children)
        and any(
            _stops_service([c]) or any(g.dep_ == "compound" and g.lower_ in _SERVICE for g in c.children)
            for c in tok.children
            if c.dep_ == "nsubj"
        )
    )


def _service_subject(tok: Token) -> bool:
    """A stopping predicate whose subject is the maker's service for the product ("its service is
    coming to an end", "Slingbox servers will be taken offline"): the product's support ends."""
    if _goes_away(tok):
        return True
    if not (
        _is_stop(tok)
        or _negated(tok)
        or any(lemma(c) in _STOP_NOUNS for p in tok.children for c in (p, *p.children))
        or _no_more(tok)
    ):
        return False  # ("… and its services … will no longer be available after …": a negation stops them too)
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ in ("conj", "xcomp") and not subjects:
        # "… are being discontinued and will no longer be available …", "… are going to shut down …"
        subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "Focals smart glasses and its services": the service among the things stopped
    return any(_stops_service([g]) for c in subjects for g in (c, *(x for x in c.children if x.dep_ == "conj")))


_PARTICLES = frozenset({"off", "down", "offline"})  # "shut down", "turned off", "taken offline"


# verbs that stop only when what they act on is a service: "close the store", not "close the office"
_SERVICE_STOPS = frozenset(
    {"close", "shutter", "disable", "remove", "eliminate", "break", "broken", "sever", "severed"}
)
# stops that end a service rather than a sale ("discontinued" often ends only the sale)
_SHUTTING = frozenset({"sunset", "sunsette", "retire", "deactivate", "decommission", "disable", "kill"})


def _named_thing_shut(tok: Token) -> bool:
    """A thing with a name shut down, switched off, turned down or sunset ("Solis Home/Pro will
    be shut down on 30th April 2023", "Google is turning down the legacy Fitbit Web API"): a named
    app or service ends (not "the factory will be shut down"). Whether that thing is the product
    is for the reader of the page to decide (`DateRole.stopped`)."""
    if not _is_stop(tok) or not (any(c.lower_ in _PARTICLES for c in tok.children) or lemma(tok) in _SHUTTING):
        return False
    # the thing's own name, not a place or owner in a phrase under it ("the factory in Shenzhen")
    # the thing shut is the object, or the subject when there is none ("Solis Home/Pro will be shut down")
    things = [c for c in tok.children if c.dep_ == "dobj"] or _subjects(tok)
    named = [
        c
        for c in things
        if c.tag_ in _PROPER or any(g.dep_ == "compound" and g.tag_ in _PROPER for g in c.children) or _glued_name(c)
    ]
    # an object named by itself is often the maker ("Vorwerk shut down Neato in 2023"): the object
    # must be a thing of the maker's ("the legacy Fitbit Web API")
    # ("the Wii Shop Channel": a name whose last word is a kind of service is the maker's thing too)
    return any(c.dep_ != "dobj" or c.tag_ in ("NN", "NNS") or c.lower_ in _THING_HEADS for c in named)


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it completes ("is scheduled to be shut down"); a
    relative pronoun stands for the noun its clause hangs from ("the Acme Store, which is scheduled …")."""
    holder = verb
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and verb.dep_ == "xcomp":
        holder = verb.head
        found = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [holder.head if c.lower_ in ("which", "that") and holder.dep_ == "relcl" else c for c in found]


def _glued_name(tok: Token) -> bool:
    """The last part of one word the tokenizer split at a colon, a name in lower case that the
    tagger takes for a common noun ("t:connect", "t:slim")."""
    i = tok.i
    return i >= 2 and tok.doc[i - 1].text == ":" and not tok.doc[i - 1].whitespace_ and not tok.doc[i - 2].whitespace_


_THING_HEADS = frozenset(
    {"channel", "store", "shop", "eshop", "app", "service", "services", "cloud", "network", "platform", "api",
     "server", "servers", "hub", "portal", "marketplace"}
)  # fmt: skip


_CODE_HOMES = frozenset({"repository", "repo", "project", "library", "integration", "plugin", "addon", "add-on"})


def _own_project_stops(verb: Token) -> bool:
    """A stop whose subject is "this project" (repository, library…): the code the page is the home of
    ends ("this project is deprecated", "this project should be considered deprecated")."""
    stop = verb if _is_stop(verb) else None
    if stop is None and lemma(verb) in ("consider", "considered", "mark", "marked"):
        # ("should be considered deprecated": the stop is the state the project is held to be in)
        stop = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp") and _is_stop(c)), None)
    return stop is not None and any(
        g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in _CODE_HOMES and any(d.lower_ == "this" for d in g.children)
        for g in verb.children
    )


_SALE_PLACES = frozenset({"marketing", "market", "markets", "sale", "sales", "shelves", "catalog", "catalogue"})


def _part_removed(verb: Token, support: Token) -> bool:
    """Support for one thing removed from another ("OAuth 1.0a support will be removed from the Fitbit
    Web API"): the other keeps going without that part."""
    return any(c.dep_ == "compound" for c in support.children) and any(
        p.dep_ == "prep" and p.lower_ == "from" for p in verb.children
    )


def _is_stop(tok: Token) -> bool:
    """A stopping predicate: "end", "ceases", "cuts off", "shuts down", "turned off"."""
    w = lemma(tok)
    if w == "withdraw" and any(
        p.dep_ == "prep" and p.lower_ == "from" and any(g.lower_ in _SALE_PLACES for g in p.children)
        for p in tok.children
    ):
        return False  # "withdrawn from marketing effective December 9, 2020": an end of sale
    if w in _STOP_LEMMAS or (w.endswith("s") and w[:-1] in _STOP_LEMMAS):
        return True
    if w == "archive" or _marked_read_only(tok):
        # "This repository is deprecated and will be archived on 2026-03-31" (or "will be marked as read-only
        # repository on November 30th 2023"): its maintenance ends
        # (or a service archived: "all Google Assistant Applets will be archived")
        homes = _CODE_HOMES | (_SERVICE if w == "archive" else frozenset())
        if any(c.dep_ == "agent" and any(g.lower_ == "owner" for g in c.subtree) for c in tok.children):
            return False  # "This repository has been archived by the owner on …": the hosting site's banner
        return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in homes for c in tok.children) or (
            tok.dep_ == "conj"
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in homes for c in tok.head.children)
        )
    if w in _SERVICE_STOPS:  # "Reader Store will be closing", "disabling their servers", "remove the app"
        stopped = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")] + _particle_objects(tok)
        if not stopped and tok.dep_ in ("xcomp", "conj"):
            # "the API version is going to be removed": the subject sits on "going" (or "Cocoapods support
            # is deprecated and will be removed": on the verb it is joined to)
            stopped = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(
            _stops_service([c])
            or (w in ("remove", "sever") and c.lower_ in ("support", "updates") and not _part_removed(tok, c))
            for c in stopped
        )  # ("has removed the Windows Phone 8.1 support", "sever all remaining support": the support is taken away)
    if w.startswith("pull") and any(c.dep_ == "dobj" and c.lower_ == "plug" for c in tok.children):
        return True  # "pulled the plug on its Echo Connect"
    if w.startswith("pull") and any(c.dep_ == "dobj" and c.lower_ in ("support", "updates") for c in tok.children):
        return True  # "the decision to pull all support for its Harmony Link system in March 2018"
    if tok.lower_ in ("go", "goes", "went", "gone", "going") and any(c.lower_ == "dark" for c in tok.children):
        return True  # "Whistle's cloud goes dark August 31, 2025"
    if _goes_away(tok):
        return True
    if w == "run" and any(c.lower_ == "dry" for c in tok.children):
        return True  # "the Pixel Watch 2 runs dry in October of 2025"
    # the particle may be parsed as a preposition without an object ("shuts down the service")
    particles = [
        c
        for c in tok.children
        if c.lower_ in _PARTICLES
        and (
            c.dep_ in ("prt", "advmod", "acomp", "oprd")
            or (c.dep_ in ("prep", "dobj") and all(g.dep_ == "pobj" for g in c.children))
        )
    ]
    if not tok.tag_.startswith("VB") or not particles:
        return False
    # "offline" may be for a while ("offline for maintenance"): only for good, or the maker's servers
    return any(c.lower_ != "offline" for c in particles) or any(
        c.lower_ in ("permanently", "forever") or (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SERVICE)
        for c in tok.children
    )


# verbs that give a repository a state: "will be marked as read-only", "made read-only"
_MARKING = frozenset({"mark", "marked", "make", "made", "set"})


def _marked_read_only(tok: Token) -> bool:
    """ "The repo will be marked as read-only repository on …": archived by another name."""
    if lemma(tok) not in _MARKING:
        return False
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text
    return re.search(r"\bread\s*-?\s*only\b", span, re.I) is not None


def _particle_objects(tok: Token) -> list[Token]:
    """What a verb's particle, read as a preposition, took as its object ("closed down the platform")."""
    return [
        g
        for pr in tok.children
        if pr.dep_ == "prep" and pr.lower_ in _PARTICLES
        for g in pr.children
        if g.dep_ == "pobj"
    ]


def _whole_function_object(tok: Token) -> bool:
    """The object of a stop that is all the subject does: "will shut down its functionality", "disable
    all functions" (not "remove the sharing feature", one feature of it)."""
    return (
        tok.dep_ == "dobj"
        and tok.lower_ in ("functionality", "functionalities", "functions")
        and all(c.dep_ in ("det", "poss") and c.lower_ in ("its", "their", "all", "the") for c in tok.children)
    )


def _ceases_to_function(tok: Token, date_tokens: set[int]) -> bool:
    """'work', 'function', 'operate' with no object of labour ("working on the platform")."""
    if tok.lower_ not in _FUNCTION:
        return False
    for c in tok.children:
        if c.dep_ == "dobj":
            return False
        if (
            c.dep_ == "prep"
            and c.lower_ in _LABOUR
            and not any(g.i in date_tokens for g in c.subtree)
            and not _works_with_platform(c)
        ):
            return False
    return True


def _works_with_platform(prep: Token) -> bool:
    """ "stop working with Alexa", "with the app", "on some smart TVs": the product ceases to
    function with a platform or on the devices it runs on (not "working on the next release")."""
    if prep.lower_ == "on":  # ("on the PlayStation 3", "on Android": a platform by its name)
        return any(g.dep_ == "pobj" and (g.lower_ in _DEVICES or g.tag_ in ("NNP", "NNPS")) for g in prep.children)
    return prep.lower_ == "with" and any(
        g.dep_ == "pobj" and (g.tag_ == "NNP" or g.lower_ in _SERVICE) for g in prep.children
    )


_DEVICES = frozenset(
    {"device", "devices", "tv", "tvs", "television", "televisions", "phone", "phones", "tablet", "tablets",
     "console", "consoles", "model", "models", "player", "players", "box", "boxes", "speaker", "speakers"}
)  # fmt: skip


# what may be unpaired from the app it is run with ("your device will be unpaired and removed from …")
_UNPAIRED_THINGS = _DEVICES | {"product", "products", "thermostat", "thermostats", "camera", "cameras", "hub", "hubs"}
_MODEL_NOUNS = _DEVICES | {"version", "versions", "generation", "generations", "edition", "editions", "unit", "units"}


# words standing for something named elsewhere ("them", "these", "which"): a withheld one may be the updates
_STAND_IN_TAGS = frozenset({"PRP", "PRP$", "DT", "WDT", "WP"})
# verbs of supplying something: a negated one withholds its object, which may not be updates
_SUPPLY = frozenset(
    {"provide", "provides", "provided", "providing", "offer", "offers", "offered", "offering",
     "give", "gives", "gave", "given", "giving", "send", "sends", "sent", "sending",
     "ship", "ships", "shipped", "shipping", "supply", "supplies", "supplied", "supplying",
     "deliver", "delivers", "delivered", "delivering", "receive", "receives", "received", "receiving",
     "get", "gets", "got", "gotten", "getting", "sell", "sells", "sold", "selling",
     "issue", "issues", "issued", "issuing"}
)  # fmt: skip


# what a product's store or platform supports besides the product itself
_OTHER_THINGS = frozenset(
    {"apps", "applications", "features", "games", "titles", "content", "accessories", "purchases", "subscriptions",
     "uploads", "submissions", "developers"}
)  # fmt: skip


def _support_for_other(tok: Token) -> bool:
    """ "support for new apps", "support for third-party accessories": support of other things
    in general, whose end is not the end of the product's updates (not "support for its
    Insignia Connect app", the product's own)."""
    if lemma(tok) != "support":
        return False
    objects = [
        g for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children if g.dep_ == "pobj"
    ]
    return bool(objects) and all(
        g.lower_ in _OTHER_THINGS and not any(c.dep_ == "poss" or c.tag_ == "NNP" for c in g.children) for g in objects
    )


def _withholds_other(tok: Token) -> bool:
    """A negated supply of something that is not support or updates: "we won't be able to
    provide a replacement", "will no longer sell spare parts" (not "won't provide updates",
    nor "won't provide it", whose thing is named elsewhere)."""
    verbs, frontier = [tok], [tok]
    for _ in range(3):  # "won't be able to provide": be -> able -> provide
        frontier = [c for v in frontier for c in v.children if c.dep_ in ("xcomp", "acomp")]
        verbs += frontier
    things = [
        c
        for v in verbs
        if v.lower_ in _SUPPLY
        for c in v.children
        if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and v.tag_ == "VBN")
    ]
    return bool(things) and not any(
        c.tag_ in _STAND_IN_TAGS or TOPIC.search(" ".join(g.text for g in c.subtree)) or _stops_service([c])
        for c in things
    )


def _negated(tok: Token) -> bool:
    """'will no longer support', 'not guaranteed', 'won't receive'."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)):
            return True
        if c.dep_ == "advmod" and c.lower_ in ("never", "longer") and any(g.lower_ == "no" for g in c.subtree):
            return True
        # "no software updates will be made available", "receive no more patches"
        # (and "there will be no updates after June 2016")
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in c.children
        ):
            return True
    # "has not been maintained or supported since 2019": a verb joined by "or" to a negated one, with no
    # subject or auxiliary of its own, shares its "not"
    return (
        tok.dep_ == "conj"
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in tok.head.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
        and any(c.dep_ == "neg" for c in tok.head.children)
    )


def _refuses_new(tok: Token) -> bool:
    """ "no new requests will be accepted": an end of sign-ups, not of the product."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        and any(g.dep_ == "amod" and g.lower_ == "new" for g in c.children)
        for c in tok.children
    )


def _span_root(doc: Doc | Span, start: int, end: int) -> Token | None:
    toks = [t for t in doc if t.idx < end and t.idx + len(t) > start]  # tokens overlapping the date
    if not toks:
        return None
    inside = set(t.i for t in toks)
    tops = [t for t in toks if t.head.i not in inside or t.head == t]
    if not tops:
        return toks[0]
    if tops[0].dep_ == "pobj":
        return tops[0]  # "shut down on 31st Dec 2022": the preposition's object, whatever the rest hangs on
    # "…, 31 January 2026, when support will also end" may be parsed with the day cut off from its
    # month: the word that holds most of the date stands for it
    return max(tops, key=lambda t: sum(1 for d in t.subtree if d.i in inside))


def _clause_root(tok: Token) -> Token:
    """The verb (or the sentence root) whose clause holds the word."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") or t.head == t:
            return t
        t = t.head
    return t


def _clause_text(verb: Token, strict: bool = False) -> str:
    """The clause of a verb, without the clauses joined to it that have their own subject
    (strict: without any verb joined to it, "stopping in 2019 … and stopping in 2020 …")."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("conj", "advcl", "relcl", "ccomp", "parataxis", "acl") and c.tag_.startswith("VB"):
                own = any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
                if strict or own:
                    continue
            stack.append(c)
    return " ".join(t.text for t in sorted(out, key=lambda x: x.i))


def read_dates(sent: Doc | Span, spans: list[tuple[int, int]], previous: str = "") -> list[DateRole]:
    """The role of each date (character spans relative to the sentence's text) in a parsed
    sentence. `previous` is the sentence before (for "This decision takes effect on…")."""
    base = sent[0].idx if len(sent) else 0
    roots: list[Token | None] = [_span_root(sent, base + a, base + b) for a, b in spans]
    date_tokens = {t.i for a, b in spans for t in sent if t.idx < base + b and t.idx + len(t) > base + a}
    out: list[DateRole] = []
    for (a, b), root in zip(spans, roots, strict=True):
        if root is None:
            out.append(DateRole(a, b, False, "not parsed", ""))
            continue
        own = [t for t in sent if t.idx < base + b and t.idx + len(t) > base + a]
        word_before = own[0].doc[own[0].i - 1] if own[0].i > sent[0].i else None
        if word_before is not None and word_before.lower_ in ROUGHLY:
            # "can be supported until roughly 2033": a guess at a time, no end stated
            out.append(DateRole(a, b, False, f"'{word_before.text} {sent.text[a:b]}' is a rough time", ""))
            continue
        if (earliest := _AT_THE_EARLIEST.search(sent.text[:a])) is not None:
            # "will be shut down sooner or later, at the earliest in 2020": the soonest the stop may come
            out.append(DateRole(a, b, False, f"'{earliest.group(0).strip()} {sent.text[a:b]}' is a lower bound", ""))
            continue
        role = _role(sent, root, a, b, date_tokens, previous, own[0])
        stopped = _stopped_thing(root)
        if stopped:
            role = replace(role, stopped=stopped)
        subject = _subject(root)
        named = _names_model(subject, date_tokens)
        if subject and not named:
            # "The Nexus 7 was dropped … after the guarantee ended in August": a clause with no
            # model as its subject, subordinate to one whose subject is a model, is about that model
            outer = _governing_subject(root)
            if _names_model(outer, date_tokens):
                subject, named = outer, True
        if subject:
            # the words as written ("FCM/GCM", not "FCM / GCM"), when the subject is one span
            contiguous = subject[-1].i - subject[0].i + 1 == len(subject)
            said = root.doc.text[subject[0].idx : subject[-1].idx + len(subject[-1])] if contiguous else ""
            role = replace(role, subject=said or " ".join(t.text for t in subject), subject_model=named)
        if role.is_end and _denied(root):
            role = replace(role, is_end=False, words=f"{role.words}, which the sentence denies")
        if role.is_end and _onlookers_hope(root):
            role = replace(role, is_end=False, words=f"{role.words}, which users only expected or hoped")
        if role.is_end and _conditional(root) and _TO_KEEP_USING not in role.words:
            # (not the wish a deadline serves: "if you want to keep using Fitbit, you must move … by …")
            role = replace(role, aimed=True)  # "if it is last sold in May 2024, … updates until at least 2028"
        out.append(role)
    return out


_NAMING_WORDS = 4
# words that make a time or a span a guess: "until roughly 2033", "almost ten years after its launch"
# the soonest a stop may come, not when it comes (not "until at the earliest 2030", a support's promise)
_AT_THE_EARLIEST = re.compile(r"(?<!until\s)(?<!till\s)\bat\s+the\s+earliest\s*,?\s*(?:in|on|by|from)?\s*$", re.I)
ROUGHLY = frozenset(
    {"roughly", "approximately", "approx", "circa", "around", "about", "almost", "nearly", "some", "somewhat"}
)


def _names_a_model(t: Token) -> bool:
    return t.text == "," or t.tag_ in ("NN", "NNS", "NNP", "CD", "JJ") and t.lower_ not in _WHEN_NOUNS


def _bracketed_after_noun(sent: Doc | Span, left: Token, date_tokens: set[int]) -> str | None:
    """The noun a year's brackets follow, when the brackets hold only the year, "from"/"since"/"in",
    a few words naming the model ("(3rd Gen, 2010)") and words that are no stop or support ("(from
    2020, pictured below)", "(2019)")."""
    start = sent[0].i if len(sent) else 0
    i = left.i - 1
    while i >= start and sent.doc[i].lower_ in ("from", "since", "in", "circa", "c."):
        i -= 1
    # the model's own words before the year: nouns, numbers, adjectives and commas, not a clause
    for _ in range(_NAMING_WORDS):
        if i <= start or sent.doc[i].text == "(" or not _names_a_model(sent.doc[i]):
            break
        i -= 1
    if i <= start or sent.doc[i].text != "(":
        return None
    noun = sent.doc[i - 1]
    if not (noun.tag_.startswith("NN") or noun.tag_ == "CD") or noun.i in date_tokens or noun.lower_ in _WHEN_NOUNS:
        return None  # "from tonight (July 31st 2024)": the date says when the time word is
    lead = sent.doc[max(start, noun.i - 3) : noun.i + 1]
    if TOPIC.search(lead.text) or any(lemma(t) in _STOP_NOUNS or lemma(t) in _STOP_LEMMAS for t in lead):
        return None  # "the end of support (31 March 2030)": the brackets date the end they follow
    end = next((t.i for t in sent.doc[left.i : sent[-1].i + 1] if t.text == ")"), None)
    if end is None:
        return None
    inside = sent.doc[i + 1 : end]
    if TOPIC.search(inside.text) or any(
        lemma(t) in _STOP_LEMMAS or t.lower_ in _STOP_NOUNS or t.lower_ in _UNTIL or t.lower_ == "to" for t in inside
    ):
        return None
    return noun.text


def _verb_above(tok: Token) -> Token:
    """The nearest verb at or above a word (at most four steps up), else the word reached."""
    v = tok
    for _ in range(4):
        if v.tag_.startswith("VB") or v.head == v:
            break
        v = v.head
    return v


def _stopped_thing(tok: Token) -> str:
    """What the stop governing a date stops: its object, or what support or the plug is for
    ("discontinued support for its Cloud Cam", "pulled the plug on its Echo Connect")."""
    v = _verb_above(tok)
    for verb in (v, *(c for c in v.children if c.dep_ == "xcomp")):
        if not _is_stop(verb):
            continue
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            if obj.lower_ in ("support", "plug"):
                for p in verb.children if obj.lower_ == "plug" else obj.children:
                    if p.dep_ == "prep" and p.lower_ in ("for", "on", "from", "of"):
                        return " ".join(t.text for t in p.subtree)
                return ""
            return " ".join(t.text for t in obj.subtree)
    return ""


def _names_model(subject: list[Token], date_tokens: set[int]) -> bool:
    words = [t for t in subject if t.i not in date_tokens]
    return any(_model_code(t) or _acronym(t) for t in words) or (
        any(t.tag_ == "NNP" for t in words) and any(_model_number(t) for t in words)
    )


def _governing_subject(tok: Token) -> list[Token]:
    """The subject of the clause that the word's clause is subordinate to ("after …", "when …")."""
    t = tok
    for _ in range(10):
        if t.tag_.startswith("VB") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return _subject(t.head) if t.dep_ == "advcl" and t.head != t else []
        if t.head == t or t.dep_ in ("relcl", "ccomp"):
            return []
        t = t.head
    return []


def _subject(tok: Token) -> list[Token]:
    """The subject of the clause a word sits in: up the tree to the first verb that has one
    ("the Xiaomi 12 series will be the first to lose support, reaching EOL in 2026": the series)."""
    t = tok
    for _ in range(10):
        if t.dep_ == "conj" and t.tag_ in ("NNP", "NNPS") and t.head.tag_.startswith("VB"):
            # "…, and the Pixel 5a 5G in August 2024": the subject of a clause whose verb is left out
            dated = {x.i for c in t.children if c.dep_ == "prep" for x in c.subtree}
            return [x for x in t.subtree if x.i not in dated]
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and not _opening_participle(c)), None)
        if subj is not None and t.tag_.startswith("VB"):
            return sorted(subj.subtree, key=lambda x: x.i)
        if t.dep_ == "acl" and t.tag_ in ("VBG", "VBN") and subj is None:
            # "…, with support for the previous version of Acme Home ending on 10 February 2026": a
            # participle's subject is the noun phrase it hangs from, up through its "of"/"for" links
            return _noun_phrase_of(t)
        if t.head == t and not t.tag_.startswith("VB") and lemma(t) in _STOP_LEMMAS:
            # "The Google Pixel 5 retires on October 2023" with "retires" taken for a noun: the words
            # before it that it took as its modifiers are the subject
            return sorted(
                (x for c in t.children if c.i < t.i and c.dep_ in ("nmod", "compound", "nummod") for x in c.subtree),
                key=lambda x: x.i,
            )
        if t.head == t or t.dep_ in ("relcl", "ccomp"):
            return []
        t = t.head
    return []


def _opening_participle(tok: Token) -> bool:
    """ "Associated with Yocto Project 5.0 (LTS), maintained until April 2028": a participle opening
    the clause, taken for a noun or made the subject, is none."""
    return (
        tok.tag_ in ("NNP", "NN", "VBN", "VBD")
        and tok.lower_.endswith("ed")
        and any(c.dep_ == "prep" for c in tok.children)
        and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children)
    )


def _noun_phrase_of(participle: Token) -> list[Token]:
    """The whole noun phrase a participle modifies, without the participle's own words."""
    noun = participle.head
    while True:
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.tag_.startswith("NN"):
            noun = noun.head.head
        elif noun.dep_ in ("conj", "acl") and noun.tag_.startswith("NN") and noun.head.tag_.startswith("NN"):
            # the last of a list ("Support for the app store, …, and voice replies ceased"), up to its
            # first member, also when the parser hung a member on another as a clause
            noun = noun.head
        else:
            break
    own = {x.i for x in participle.subtree}
    return sorted((x for x in noun.subtree if x.i not in own), key=lambda x: x.i)


_NETWORK = re.compile(r"^(?:[2-5]G|[48]K|\d{3,4}p|\d{4})$", re.I)  # "5G", "4K", "1080p", a year


# capitals that are not a product's name (shared with support_period)
COMMON_ACRONYMS = frozenset(
    {"OS", "TV", "UK", "US", "USA", "EU", "AI", "IT", "API", "USB", "HD", "UHD", "PC", "IOT", "EOL", "LTS", "CEO",
     "FAQ", "PT", "ET", "GMT", "UTC", "BST", "CET", "AM", "PM", "SMS", "GPS", "LTE", "NFC", "PSTI", "ETSI",
     "VR", "AR", "XR", "HDMI", "SIM", "CPU", "GPU", "SSD", "RAM", "ISP", "DSL", "EPG", "SDK", "VPN", "DNS"}
)  # fmt: skip


def _acronym(tok: Token) -> bool:
    """A proper noun in capitals that names a product line: "PSP", "NAS" (not "TV" or "EOL")."""
    w = tok.text
    return (
        tok.tag_ == "NNP"
        and tok.dep_ in ("compound", "nmod", "amod")  # a modifier ("PSP commerce"), not a maker as the subject
        and w.isalpha()
        and w.isupper()
        and 2 <= len(w) <= 5
        and w not in COMMON_ACRONYMS
    )


def _model_code(tok: Token) -> bool:
    """Letters and digits in one word: "F5", "12T", "S24", "CFI-1216A"; not "5G", "4K" or "3rd"."""
    w = tok.text
    return (
        any(ch.isdigit() for ch in w)
        and any(ch.isalpha() for ch in w)
        and not _NETWORK.match(w)
        and not re.fullmatch(r"\d+(?:st|nd|rd|th|s)", w, re.I)
    )


def _model_number(tok: Token) -> bool:
    """A word that numbers a model: "12T", "F5", "S24", "7" after a name; not "5G" or a year."""
    return any(ch.isdigit() for ch in tok.text) and not _NETWORK.match(tok.text) and tok.tag_ in ("NNP", "NN", "CD")


# a clause that modifies the one above it ("come May 2020, … will no longer receive updates",
# "security updates stopping in 2019"); not a clause that merely sits inside another
# (a relative clause, a reported statement, a clause joined by "and")
_CLIMB = frozenset({"acl", "advcl", "xcomp", "acomp", "pcomp", "prep", "npadvmod", "pobj", "ccomp", "conj"})


def _attachment(tok: Token) -> tuple[str, Token]:
    """The preposition that attaches a date ('' for none) and the word it attaches to."""
    gov = tok.head if tok.head != tok else tok
    if tok.dep_ == "npadvmod" and gov.lower_ == "come" and gov.i == tok.i - 1:
        return "come", gov  # "come May 2020, … will no longer receive updates": from then on
    if tok.dep_ == "npadvmod" and gov.lower_ == "effective" and gov.i == tok.i - 1 and gov.head != gov:
        return "effective", gov.head  # "…, effective February 16, 2026": what the clause does takes effect then
    if not (tok.dep_ in ("pobj", "pcomp") or (gov.dep_ in ("prep", "agent") and gov.pos_ == "ADP")):
        return "", gov
    prep = gov.lower_
    if prep == "of" and gov.head.lower_ == "as":  # "as of May 2020"
        gov, prep = gov.head, "as of"
    # "until the end of 2028", "by the last day of March 2030": the end of the date itself
    if prep == "of" and gov.head.lower_ in ("end", "last", "close", "day", "later"):
        inner = gov.head
        if inner.dep_ == "pobj" and (inner.head.pos_ == "ADP" or inner.head.tag_ == "IN"):
            gov, prep = inner.head, inner.head.lower_
    if prep == "to" and any(c.lower_ == "up" for c in gov.children) or prep == "up":
        prep = "until"  # "up to 2030"
    if prep == "including" and [t.lower_ for t in gov.doc[max(0, gov.i - 3) : gov.i]] == ["up", "to", "and"]:
        prep = "until"  # "up to and including 31 December 2029"
    return prep, (gov.head if gov.head != gov else gov)


_INTENT_NOUNS = frozenset({"decision", "plan", "plans", "intention", "choice"})
_EXPECTING = frozenset({"expect", "expects", "expected", "anticipate", "anticipates", "anticipated"})


def _dated_above(gov: Token, date: Token, date_tokens: set[int]) -> bool:
    """The verb above the date's own (event) verb has a date of its own: "after being acquired by Nest
    in 2014, the service was shut down in 2016" (2014 dates the acquisition)."""
    if gov.dep_ not in ("pcomp", "advcl", "xcomp") or gov.head == gov:
        return False
    above = gov.head.head if gov.dep_ == "pcomp" else gov.head
    return any(
        g.i in date_tokens and g.i != date.i
        for p in above.children
        if p.dep_ == "prep" and p.i != gov.head.i
        for g in p.children
        if g.dep_ == "pobj"
    )


def _levels(gov: Token, effective: bool = False) -> list[tuple[list[Token], Token, bool]]:
    """The predicate chain of a word and the clauses above it: (words, clause head) per level.
    A clause that modifies another ("come May 2020, … will no longer receive updates", "security
    updates stopping in 2019") is read together with the one it modifies."""
    out: list[tuple[list[Token], Token, bool]] = []
    t = gov
    joined = False  # reached through "and": the clause above lends its subject, not its negation
    for _ in range(3):
        verb = _clause_root(t)
        chain = [t]
        u = t
        for _ in range(8):
            if u == verb or u.head == u:
                break
            u = u.head
            chain.append(u)
        up = verb
        for _ in range(3):  # "will stop receiving", "not be eligible to receive"
            if up.dep_ in ("xcomp", "acomp", "auxpass", "aux") and up.head != up:
                up = up.head
                chain.append(up)
            else:
                break
        # "intends to drop all support", "plans to end updates": the verb it governs
        down = [c for v in chain for c in v.children if c.dep_ == "xcomp" and c.tag_.startswith("VB")]
        # "In 2025, we expect Roku to no longer support the PAL SDK": the dated expectation is of the verb
        # it governs (not "in May, Acme announced …", which dates the announcement)
        down += [
            c
            for v in chain
            if v.lower_ in _EXPECTING
            for c in v.children
            if c.dep_ == "ccomp" and c.tag_.startswith("VB")
        ]
        # "as of April 30, HBO made the decision to discontinue support": from a date on, the verb the
        # decision names (not "in May, Acme announced its plan to end …", which dates the announcement)
        down += [
            a
            for v in chain
            if effective and lemma(v) in ("make", "made", "take", "took")
            for n in v.children
            if n.dep_ == "dobj" and n.lower_ in _INTENT_NOUNS
            for a in n.children
            if a.dep_ == "acl" and a.tag_ == "VB"
        ]
        chain += [c for c in down if c not in chain]
        out.append((chain, up, joined))
        if up.dep_ not in _CLIMB or up.head == up:
            break
        joined = joined or up.dep_ == "conj"
        t = up.head
    return out


def _role(sent: Doc | Span, root: Token, a: int, b: int, date_tokens: set[int], previous: str, left: Token) -> DateRole:
    text = sent.text[a:b]
    tok = root
    # a date joined to another date ("until September 2017 and September 2018") reads as that one
    for _ in range(4):
        if tok.dep_ in ("conj", "appos") and tok.head.i in date_tokens:
            tok = tok.head
            while tok.head.i in date_tokens and tok.head != tok:
                tok = tok.head
        else:
            break
    if tok.dep_ == "appos" and tok.head.lower_ in _NOW_WORDS:
        tok = tok.head  # "from tonight (July 31st 2024)": the date names the day the word does
    if (
        tok.dep_ in ("compound", "nmod", "amod", "nummod", "poss")
        and tok.head.lower_ in _CUTOFF_NOUNS
        and TOPIC.search(_clause_text(_verb_above(tok.head)))
    ):
        # "updates beyond the October 2027 cutoff": the date names when the end comes
        why = f"'the {text} {tok.head.text}'"
        return DateRole(a, b, True, why, _clause_text(tok.head), False, _clause_text(tok.head), True)
    if (named := _update_named_last(tok)) is not None:
        # "March 2023 security update was the last update for Galaxy S10": the update the date names was the last
        why = f"'{text}' names the update that was '{named}'"
        return DateRole(a, b, True, why, _clause_text(tok.head), False, _clause_text(tok.head))
    if re.fullmatch(r"\d{4}", text) and tok.dep_ in ("nummod", "compound", "amod", "nmod") and _model_year_of(tok):
        # "Sony internet-enabled 2012 TVs": the year names which models, not a time
        return DateRole(a, b, False, f"'{text}' is the model year of '{tok.head.text}'", "")
    if (
        re.fullmatch(r"\d{4}", text)
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "from"
        and (tok.head.head.tag_ in ("NNP", "NNPS") or tok.head.head.lower_ in _MODEL_NOUNS)
        and tok.head.head.dep_ in ("nsubj", "nsubjpass", "dobj", "conj")
    ):
        # "the Kodiaq from 2019 is not", "… and the European model from 2014": the year says which
        # model (or which model year)
        return DateRole(a, b, False, f"'{text}' says which '{tok.head.head.text}'", "")
    if re.fullmatch(r"\d{4}", text) and (described := _bracketed_after_noun(sent, left, date_tokens)) is not None:
        # "its Galaxy S20 range (from 2020, pictured below)": the year describes the range, whatever
        # the parser hung the brackets on
        return DateRole(a, b, False, f"'{text}' in brackets describes '{described}'", "")
    if (since := _BRACKETED_SINCE.search(sent.text[:a])) is not None and (
        stopped_before := _STOPPED_BEFORE.search(sent.text[: since.start()])
    ) is not None:
        # "classic login disabled (since 2026-06-10)": the brackets date the stop they follow
        why = f"'{stopped_before.group(0).strip()} ({since.group(1)} {text})'"
        local = sent.text[: b + 1]
        return DateRole(a, b, True, why, local, False, local, True, from_start=True)
    if (
        (opening := _BRACKETED_AT.search(sent.text[:a])) is not None
        and (noun := _STOP_NOUN_BEFORE.search(sent.text[: opening.start()])) is not None
        and re.match(r"\s*\)", sent.text[b:])
    ):
        # "before the Tomtom sports app shutdown (End Sept 2023)": the brackets date the stop the noun names
        why = f"'{noun.group(0).strip()} {sent.text[opening.start() : b]})'"
        local = sent.text[: b + 1]
        return DateRole(a, b, True, why, local, False, local, True)
    if (bracket := _BRACKETED_END.search(sent.text[:a])) is not None and (
        TOPIC.search(sent.text) or TOPIC.search(previous)
    ):
        # "from the Surface Pro 5th gen (ending on January 15, 2024) to …", after a sentence about
        # "end of servicing" dates: the brackets date the end of what they follow
        phrase = _LAST_PHRASE.search(sent.text[: bracket.start()])
        local = (phrase.group(0) if phrase else "") + sent.text[bracket.start() : b]
        return DateRole(a, b, True, f"'{bracket.group(0).strip()} {text}' after what it ends", local, False, local)
    if (dated := _DATING.search(sent.text[:a])) is not None:
        # "the Bose announcement regarding EOL (dated 2026/01/07)": the date of a document
        return DateRole(a, b, False, f"'{dated.group(1)} {text}' dates a document", "")
    if (happens := _stop_happens(tok, previous)) is not None:
        # "Acme is shutting down the cloud service for the hub. The complete shutdown will occur
        # February 28, 2022": the stop the sentence before names happens at the date
        return DateRole(a, b, True, happens, _clause_text(tok.head), False, _clause_text(tok.head), True)
    if (release_stop := _scheduled_release_stop(tok)) is not None:
        # "API 1.x will no longer be supported beginning with the … update scheduled for May 2021"
        words, begins, disabled = release_stop
        return DateRole(
            a, b, True, words, _clause_text(tok.head), False, _clause_text(tok.head), True, from_start=begins,
            stopped=disabled,
        )  # fmt: skip
    if (dropping := _release_that_drops(tok)) is not None:
        # "In early April, we will release a software upgrade that will no longer support the aging CR100"
        local = _clause_text(tok.head.head if tok.dep_ == "pobj" else tok.head)
        return DateRole(a, b, True, f"'{text}' dates the {dropping}", local, False, local, True)
    when = next(
        (c for c in tok.children if c.dep_ in ("relcl", "advcl") and any(m.lower_ == "when" for m in c.children)),
        None,
    )
    if when is not None and (_service_subject(when) or _stops_updates(when)):
        # "The big shutdown will take place on December 31st, 2019, when the BlackBerry World app store
        # will be taken offline": the clause on the date says what stops then
        why = f"'{text}, when {_clause_text(when, strict=True)}'"
        return DateRole(a, b, True, why, _clause_text(when), False, _clause_text(when), True)
    prep, gov = _attachment(tok)
    if (
        prep in ("in", "on")
        and gov.dep_ != "ROOT"
        and (
            gov.lower_ in _ENTRY_NOUNS
            # ("After launching its AI Pin in April 2024 …, Humane is shutting down": a launch's own time)
            or (gov.tag_ in ("VBG", "VBD", "VBN") and _LAUNCHING.match(gov.lower_) is not None)
        )
    ):
        # "ten years after the stick's launch in 2013, Google has discontinued support": the date
        # says when the product came out, not when anything stopped
        return DateRole(a, b, False, f"'{gov.text} {prep} {text}' dates the product's arrival", "")
    if (
        prep
        and gov.dep_ == "conj"
        and gov.tag_ in ("NNP", "NNPS")
        and gov.head.tag_.startswith("VB")
        and any(c.dep_ == "prep" and c.lower_ == prep for c in gov.head.children)  # the parallel the gap leaves
    ):
        # "the Pixel 4a 5G will follow in November, and the Pixel 5a 5G in August 2024": the verb left
        # out after "and" is the one before it
        gov = gov.head
    if (
        prep in ("on", "in")
        and gov.dep_ == "relcl"
        and gov.tag_ in ("VBP", "VBZ")
        and not _is_stop(gov)
        and gov.head.dep_ in ("dobj", "nsubjpass")
        and _is_stop(gov.head.head)
    ):
        # "is sunsetting its servers that manage UE Smart Radios on 2024-03-19": a clause of what the
        # servers do all the time has no day; the day is the stop's
        gov = gov.head.head
    if (
        prep in _POINT
        and lemma(gov) in ("follow", "follows", "followed")
        and TOPIC.search(previous)
        and STOP_SAID.search(previous)
    ):
        # "… will be the next to reach the end of its software support cycle in October 2023.
        # Subsequently, the Pixel 4a 5G will follow in November": the same end, at the later date
        why = f"'{gov.text} {prep} {text}' after an end in the sentence before"
        return DateRole(a, b, True, why, _clause_text(gov), False, _clause_text(gov), True)
    if prep == "of" and gov.lower_ in _PART_OF_TIME and gov.tag_.startswith("NN") and gov.head.i != gov.i:
        # "until the end of September 2026": the phrase is the time, attached where "the end" is
        prep, gov = _attachment(gov)
    if prep in ("in", "on", "from", "with") and gov.lower_ in ("starting", "beginning") and gov.head != gov:
        # "Starting in 2022, … will no longer …", "Starting with 2020, …": from the year's first day
        prep, gov = gov.lower_, gov.head
    i = left.i - 1
    while i > 0 and tok.doc[i].lower_ in ("at", "least", "the", "latest"):  # "until at least 30 June 2030"
        i -= 1
    before = tok.doc[i] if i >= 0 else None
    if not prep and before is not None and before.tag_ == "IN" and not any(c.dep_ == "pobj" for c in before.children):
        # the parser left "until" without its object and hung the date elsewhere: the word before it decides
        prep, gov = before.lower_, before.head
    if prep in _UNTIL and (supported := _support_before_comma(left)) is not None and not TOPIC.search(gov.text):
        # "try a Core 22 image with up to 10 years of long term support, until April 2032": the parser
        # hung the time on the sentence's verb; set off by a comma, it restates the support's end
        gov = supported
    if prep == "before" and _move_to_keep_using(gov) is None:  # (a move's deadline is the old one's end)
        return DateRole(a, b, False, f"'before {text}' is not an end", "")
    if (prep in ("in", "on") or not prep) and lemma(gov) == "announce" and gov.tag_ in ("VBD", "VBN"):
        # (or a timeline's "July 10, 2025: Belkin announced the shutdown")
        # "Kerlink announced the Product End of Life in January 2020 for Wirnet Station": the date of the
        # announcement, not of the end it announced
        return DateRole(a, b, False, f"'{prep} {text}' dates the announcement ('{gov.text}')", "")
    if prep == "after" and lemma(gov) not in _EVENT_LEMMAS and (unsure := _unguaranteed_before(left)) is not None:
        # "won't guarantee regular updates … after October 2019": updates are promised up to the date
        # (not "… for devices bought after 2020", which dates the purchase)
        why = f"'{unsure} {text}'"
        return DateRole(a, b, True, why, _clause_text(gov), False, _clause_text(gov))
    if prep in ("at", "for", "as") and gov.lower_ in _PLANNED | {"fixed"}:
        # "The all-important cut-off date has been set at August 17, 2022": the end day named as set
        named = next((_end_date_noun(c) for c in gov.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if named is not None:
            why = f"'{prep} {text}' is the {named} set"
            return DateRole(a, b, True, why, _clause_text(gov), False, _clause_text(gov))
    # ("The official shutdown will be on 18th January 2023": the copula's own "on")
    on_copula = prep == "on" and lemma(gov) in _COPULA
    last = (
        _last_update_subject(gov, previous)
        if not prep or on_copula or lemma(gov) in _ARRIVES or lemma(gov) in _GETS
        else None
    )
    if last is not None:
        # "The last guaranteed security update is October 2016": the date of the last update
        # ("its final OS update": an end of OS updates only)
        other_only = bool(_OTHER_UPDATES.search(last)) and not _SECURITY.search(last)
        return DateRole(a, b, True, f"{text} is the date of '{last}'", _clause_text(gov), other_only, _clause_text(gov))
    if (released := _last_update_released(gov)) is not None:
        # "the security update that was released on … 2020 was the last update that the handset will receive"
        why = f"{text} dates the release of '{released}'"
        return DateRole(a, b, True, why, _clause_text(gov), False, _clause_text(gov))
    if (
        prep in ("of", "is", "on", "in", "as")
        and (named := _end_date_noun(gov) or (_end_date_noun(gov.head) if gov.dep_ == "acl" else None)) is not None
    ):
        # "have AUE dates of June 2028", "an end-of-life date of 30 June 2027", "an official end-of-life
        # date in July 2026", "the cut-off date looming on July 31, 2024", "announced the shutdown date as
        # December 9, 2024": the end named as a date
        why = f"'{named} {prep} {text}'"
        return DateRole(a, b, True, why, _clause_text(gov), False, _clause_text(gov), True)
    if prep in _POINT and _dated_shutdown(gov):
        # "Automatic's planned shutdown on 5/28/2020", "a shutdown in November 2021"
        why = f"'{gov.text}' at '{prep} {text}'"
        return DateRole(a, b, True, why, _clause_text(gov), False, _clause_text(gov), True)
    if prep in _POINT and (told_of := _told_of_shutdown(gov, tok)) is not None:
        # "users are informed of the shutdown on October 15 of 2025": the date right after the shutdown
        # is its date, not the day they are told (the parser hangs it on the telling verb)
        why = f"'{told_of.text}' at '{prep} {text}'"
        return DateRole(a, b, True, why, _clause_text(told_of), False, _clause_text(told_of), True)
    if prep in ("on", "in", "at", "by", "as of") and (described := _stop_of_described_service(gov, date_tokens)):
        # "Microsoft is turning off the MSN Direct service that provides their intelligence on January
        # 1, 2012": the parser hung the date on the clause describing the service the stop ends
        why = f"'{described}' at '{prep + ' ' if prep else ''}{text}'"
        return DateRole(a, b, True, why, _clause_text(gov.head.head), False, _clause_text(gov.head.head), True)
    if (scheduled := _scheduled_stop(gov)) is not None:
        # "… when Nintendo will disconnect online services …, which is scheduled for April 8th, 2024"
        why = f"'{scheduled}', scheduled for '{text}'"
        return DateRole(a, b, True, why, _clause_text(gov), False, _clause_text(gov), True)
    if prep in ("by", "before") and (moving := _move_to_keep_using(gov)) is not None:
        # "If you want to keep using Fitbit, you must move to a Google Account by 2 February 2026": the
        # old account's service ends at the deadline
        return DateRole(a, b, True, f"{moving} '{prep} {text}'", _clause_text(gov), False, _clause_text(gov), True)
    if prep in ("for", "on", "in", "at") and (planned := _planned_end(gov, previous)) is not None:
        # "The sunset of Hum is scheduled for December 31, 2025", "…, with full sunset scheduled for …"
        why = f"'{planned}' {gov.text} '{prep} {text}'"
        return DateRole(a, b, True, why, _clause_text(gov), False, _clause_text(gov), True)
    if prep in ("on", "in", "at", "by") and (reached := _end_reached_before(gov, date_tokens)) is not None:
        # "Device Sync will reach end-of-life and be removed on September 30, 2025": the end reached with
        # no date of its own comes with the removal it is joined to
        why = f"'{reached}' and '{gov.text} {prep} {text}'"
        return DateRole(a, b, True, why, _clause_text(gov.head), False, _clause_text(gov.head), True)
    levels = _levels(gov, prep in FROM_START or prep in _EFFECT)
    first_chain, first_up, _j = levels[0]
    clause = _clause_text(first_up)
    local = _clause_text(first_up, strict=True)
    first = [lemma(c) for c in first_chain]
    stop_words: list[str] = []
    unrelated: list[str] = []
    ceases: list[str] = []
    negated = effect = supply_negated = off_sale = False
    topic = False
    texts: list[str] = []
    for chain, up, through_and in levels:
        ctext = _clause_text(up)
        # (an expectation's clause is read with it: "we expect Roku to no longer support the PAL SDK")
        ctext += "".join(f" {_clause_text(c)}" for c in chain if c.dep_ == "ccomp" and c.head.lower_ in _EXPECTING)
        texts.append(ctext)
        topic = topic or bool(TOPIC.search(ctext)) or _copula_subject_on_topic(up)
        if through_and:
            continue
        negated = negated or any(_negated(c) and not _refuses_new(c) and not _only_off_sale(c) for c in chain)
        # "will no longer receive updates" withholds a supply; "will no longer work" only ends the product
        # (nor does "will no longer be able to print")
        supply_negated = supply_negated or any(
            _negated(c) and not _ceases_to_function(c, date_tokens) and not _loses_use(c) for c in chain
        )
        for c in chain:
            c_stops, c_negated = _is_stop(c), _negated(c)  # (asked of each word many times below)
            # "will no longer function after …" (not "isn't currently working": an outage)
            if _ceases_to_function(c, date_tokens) and c_negated and not _for_now(c):
                ceases.append(c.text)
            if lemma(c) in ("become", "becomes", "became") and any(
                ch.dep_ in ("acomp", "attr", "oprd") and ch.lower_ in ("unsupported", "unmaintained", "obsolete")
                for ch in c.children
            ):
                stop_words.append(f"{c.text} unsupported")  # "your system will become unsupported"
                topic = True
            if _out_of_support(c):
                stop_words.append("out of support")  # "as the v1 goes out of support in July 2020"
                topic = True
            if c_negated and _unavailable(c):  # "will no longer be available from July 2024", "… be functional"
                ceases.append(f"no longer {_predicate_words(c, _AVAILABLE)[0].lower_}")
            if c.lower_ in _BRICKING and any(g.dep_ == "dobj" for g in c.children):
                ceases.append(c.text)  # "will be deliberately bricking every unit of the Harmony Link on …"
            if c == gov and _becomes_broken(c):  # "will become inoperable on November 9, 2022"
                ceases.append(c.text)  # (not "become useless …, such as Hive cameras in 2025": an example's date)
            if c == gov and c_stops and (broken := _left_broken(c)) is not None:
                # "will be discontinued at the end of 2024, rendering the hardware inoperable": the stop leaves
                # the product broken, so it is no end of sale
                ceases.append(broken.text)
            if (
                (c_negated and _loses_use(c))
                or _unable_to_use(c)
                or _loses_ability(c)
                or _loses_service(c)
                or _cut_from_app(c)
            ):
                # "will no longer be able to unlock …", "will lose the ability to carry out key functions"
                ceases.append(c.text)
            if c_negated and _withholds_other(c):
                unrelated.append(c.text)
            if c_negated and c.lower_ in _SUPPLY and _stops_service([g for g in c.children if g.dep_ == "dobj"]):
                topic = True  # "Hive will not be offering services in North America"
            if _no_longer_a_service(c):
                stop_words.append("no longer a service")  # "Google Cloud IoT Core will no longer be a service on …"
                topic = True
            if (closing := _company_closes(c)) is not None:
                stop_words.append(
                    closing
                )  # "Automatic is going out of business by …", "Aerogarden … will close as of …"
                topic = True
            if (lemma(c) == "archive" or lemma(c) in _MARKING) and c_stops:
                # "This repository is deprecated and will be archived on …" (or "marked as read-only"): its
                # upkeep ends
                topic = True
            if _service_subject(c) or _named_thing_shut(c):
                topic = True  # "its service is coming to an end", "Solis Home/Pro will be shut down on …"
                if _no_more(c):
                    stop_words.append("no more")  # "the Acurite servers are no more"
            if lemma(c) in _RETIRING and any(
                g.dep_ in ("nsubj", "nsubjpass")
                and g.lower_ in ("product", "service", "app")
                and any(d.lower_ in ("the", "this") for d in g.children)
                for g in c.children
            ):
                stop_words.append(lemma(c))  # "The product will retire on 1st April 2021": the page's own product
                topic = True
            if _own_project_stops(c):
                stop_words.append(lemma(c))  # "As of 27th June 2024 this project is deprecated": the page's own code
                topic = True
            if (
                c.dep_ == "acl"
                and c.tag_ in ("VBN", "VBD")
                and c_stops
                and TOPIC.search(" ".join(t.text for t in _noun_phrase_of(c)))
            ):
                # "Support for the Pebble app store, …, and voice replies ceased in June 2018"
                stop_words.append(c.text)
                topic = True
            if c_stops and any(g.dep_ == "nsubj" and g.lower_ in ("life", "lifecycle") for g in c.children):
                stop_words.append(f"life {c.text}")  # "But its life ended in April 2023": an end of life
                topic = True
            if c_stops and any(
                g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in _FUNCTIONS or _whole_function_object(g)
                for g in c.children
            ):
                ceases.append(c.text)  # "until Wi-Fi functionality is automatically disabled on July 31, 2021"
            if c_stops or lemma(c) in _STOP_NOUNS:
                # what stops: "stopped working on the platform" stops something other than updates
                # (not the particle of "taken offline", which the parser may read as an object)
                what = [
                    g
                    for g in c.children
                    if g.dep_ in ("dobj", "xcomp")
                    and g.lower_ not in _PARTICLES
                    and g.i not in date_tokens
                    and g.tag_ not in ("WDT", "WP")  # (a relative pronoun the parser made an object)
                    and not (g.lower_ == "shop" and lemma(c) == "close")  # "close up shop": the idiom's noun
                ]  # (nor the date itself: "Security support ends 31 Mar 2029")
                objects = [g for g in what if g.dep_ == "dobj"]
                if len(objects) > 1:
                    # a verb has one direct object: a second is a noun the parser cut off from the first
                    # ("deprecating the Gizmohub app for Gizmo watches", with "watches" read as a verb's)
                    what = [g for g in what if g.dep_ != "dobj" or g is objects[0]]
                # "closed down the miCoach platform", with the particle read as a preposition
                what += [g for g in _particle_objects(c) if g.i not in date_tokens]
                if any(g.lower_ == "plug" for g in what):
                    # "pulled the plug on its Echo Connect": the product or its service is switched off
                    stop_words.append("pull the plug")
                    topic = True
                    continue
                if what and all(_ceases_to_function(g, date_tokens) for g in what):
                    ceases.append(c.text)  # "will stop working from April 8, 2024"
                elif _stops_sales(c):
                    unrelated.append(c.text)  # "with final sales ending December 31, 2022": an end of sale
                elif what and all(_support_for_other(g) for g in what):
                    unrelated.append(c.text)  # "stopped its support for new apps": not the product's updates
                elif what and all(g.tag_ in _STAND_IN_TAGS for g in what) and TOPIC.search(previous):
                    # "… to support with software updates. The company says it will stop this in May":
                    # the word stands for the support the sentence before names
                    stop_words.append(lemma(c))
                    topic = True
                elif what and (
                    _stops_service(what)
                    or _stops_service(_supplied(what))
                    or _named_thing_shut(c)
                    or _cut_from_service(c)
                    or _as_a_service(c)
                ):
                    # "shut down its service", "turning down the legacy Fitbit Web API": the service ends
                    stop_words.append(lemma(c))
                    topic = True
                elif what and all(_support_ended_before(g, previous) for g in what):
                    # "We will discontinue the support for this type of authentication … We plan to turn
                    # off the authentication on December 4th 2023": the thing whose support ends goes
                    stop_words.append(lemma(c))
                    topic = True
                elif what and not any(TOPIC.search(" ".join(x.text for x in g.subtree)) for g in what):
                    unrelated.append(c.text)
                elif not what and c.dep_ in ("relcl", "acl"):
                    # a relative clause stops its noun: "a certificate licence that expires in March
                    # 2018" (not updates), "security support that expires in March 2029" (updates),
                    # "had its service terminated in North America on August 11th, 2015" (the service)
                    # "a message that the portal was being shut down in May 2026" (its own subject)
                    if (
                        TOPIC.search(_head_phrase(c))
                        or _stops_service([c.head])
                        or _service_subject(c)
                        or _period_of_updates(c.head)
                    ):
                        # (a plain period in a clause about updates is theirs: "supported with security
                        # updates for a minimum period ending 31/12/2027")
                        stop_words.append(lemma(c))
                        topic = True
                    else:
                        unrelated.append(c.text)
                else:
                    stop_words.append(lemma(c))
        for c in chain:
            shared = _shared_ceasing(c, date_tokens)
            if shared is not None:
                ceases.append(shared)
            if (joined_stop := _shared_stop(c, date_tokens)) is not None:
                stop_words.append(joined_stop)  # "in 2012, the Boxee guys quit … and ceased supporting the device"
                topic = True
            if (without := _with_no_updates(c)) is not None:
                stop_words.append(without)  # "production ends in September 2026 with no further firmware updates"
                topic = True
            if _no_more(c) and any(g.dep_ == "nsubj" and g.tag_ in ("NNP", "NNPS") for g in c.children):
                stop_words.append("no more")  # "As of June 17th, 2020, Lockitron is no more."
                topic = True
        for c in chain:  # "come to an end", "reach the end of life"
            for ch in c.children:
                if (
                    ch.dep_ in ("prep", "dobj", "attr")
                    and not _end_of_sale(ch)
                    and (
                        lemma(ch) in _STOP_NOUNS
                        or _end_milestone(ch)
                        or (ch.dep_ == "dobj" and c.lower_ in _REACH and _end_date_noun(ch) is not None)
                        or any(
                            lemma(g) in _STOP_NOUNS and not any(x.i in date_tokens for x in g.subtree)
                            for g in ch.children
                            if g.dep_ == "pobj"
                        )  # (not "until the end of September 2026", a time)
                    )
                ):
                    stop_words.append("end" if ch.dep_ == "prep" else ch.text)
                    if ch.dep_ in ("dobj", "attr") and _of_service(ch):
                        topic = True  # "announced the end of mylife cloud by end of 2026"
                if ch.lower_ in _EFFECT:
                    effect = True
            effect = effect or c.lower_ in _EFFECT
        # "will no longer be available to download … effective January 28, 2015": what takes effect is an end of sale
        off_sale = off_sale or any(_negated(c) and _only_off_sale(c) for c in chain)
    effect = effect and not off_sale
    if (loss := _loss_after(tok, date_tokens)) is not None:
        ceases.append(loss)
    context = " ".join(texts)
    # (up to the date when another date follows in its clause: "Android version updates until at least 2024
    # with guaranteed security updates arriving until at least October 2026" has security at the second)
    cut = clause.find(text) + len(text) if text in clause else -1
    own = clause[:cut] if cut > 0 and _YEAR_NUMBER.search(clause, cut) else clause
    other = bool(
        _OTHER_UPDATES.search(own) and not _SECURITY.search(_SUPPORT_SOURCE.sub("", _OTHER_UPDATES.sub("", own)))
    )
    # ("will no longer be updated at the end of 2021" is no update made at a date but updates withheld;
    # "has not been updated since 2022" still dates the last update)
    withheld = negated and prep != "since"
    event = next((w for w in first[:2] if w in _EVENT_LEMMAS and not (w == "update" and withheld)), None)
    gov_words = f"'{gov.text}'" + (f", '{first_up.text}'" if first_up != gov else "")
    if event and prep in ("in", "on") and (last := _last_release_before_stop(gov)) is not None:
        # "decided to stop updating them after the OS 11.1 update that was released … in November
        # 2021": the last update's date ends the updates
        return DateRole(a, b, True, f"'{text}' dates {last}", context, other, local, True)
    reduced = gov.dep_ == "advcl" and gov.tag_ == "VBN" and not any(c.dep_ in _OWN_CLAUSE for c in gov.children)
    if (
        event
        and prep not in _UNTIL
        and first[0] == event
        and (gov.dep_ in ("acl", "relcl") or reduced or _dated_above(gov, tok, date_tokens))
    ):
        # "the Pixel 6 Pro (launched in 2021) end in October": the date is the modifier's event (also
        # set off by a comma: "… Nest Learning Thermostats, first introduced in 2011 and 2012")
        return DateRole(a, b, False, f"{text} dates '{event}', an event", context, False, local)
    if (
        event in ("start", "begin", "commence")
        and prep in _POINT
        and (stopping := _stop_that_begins(first_chain[0] if first_chain else gov)) is not None
    ):
        # "shutdown of those legacy APIs started in late July 2024": the stop begins at the date
        why = f"'{stopping}' began at '{prep} {text}'"
        return DateRole(a, b, True, why, context, other, local, True, from_start=prep in FROM_START)
    if prep == "to" and (set_anew := _end_moved_to(gov)) is not None:
        # "thus EoL updated to 2027-05-24", "the end of support has been moved to March 2027": the
        # end's own date, set anew
        return DateRole(a, b, True, f"'{set_anew} to {text}'", context, other, local)
    if event and prep not in _UNTIL and not stop_words:
        return DateRole(a, b, False, f"{text} dates '{event}', an event", context, False, local)
    prev_stop = bool(TOPIC.search(previous) and _PREVIOUS_STOP.search(previous))
    not_until = any(_negated(c) for c in first_chain) or (
        first_up.dep_ in ("ccomp", "xcomp") and _negated(first_up.head)  # "may not have … pushed until"
    )
    prep_tok = tok.head if tok.dep_ == "pobj" else tok
    if (
        prep == "from"
        and gov.lower_ in _REPLACING
        and any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till") for c in (*gov.children, *prep_tok.children))
    ):
        # "postponed the shutdown from 2018 to 2019": the first date is the one replaced
        return DateRole(a, b, False, f"'from {text}' was moved ('{gov.text} … to')", context, False, local)
    if (
        prep in ("to", "until", "till", "through")
        and gov.lower_ in _REPLACING
        and not TOPIC.search(_clause_text(gov, strict=True))
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "this", "it") for c in gov.children)
        and TOPIC.search(previous)
    ):
        # "… major OS update support going up to 2024. That has now been extended to 2026."
        why = f"'{prep} {text}': the end said before, '{gov.text}'"
        return DateRole(a, b, True, why, context, other, local, extends=True)
    if (
        prep == "to"
        and gov.lower_ in _REPLACING
        and (
            moved_end := next(
                (
                    c
                    for c in gov.children
                    if c.dep_ in ("dobj", "nsubjpass") and (lemma(c) in _STOP_NOUNS or _end_date_noun(c) is not None)
                ),
                _relative_antecedent(gov),
            )
        )
    ):
        # "the final discontinuation date has been moved from February 18 to May 6, 2026"
        why = f"'to {text}': where '{gov.text}' moved the {moved_end.text}"
        return DateRole(a, b, True, why, context, other, local, True)
    if prep in ("to", "until", "till") and gov.lower_ == "from" and gov.head.lower_ in _REPLACING:
        moved = [c for c in gov.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(lemma(c) in _STOP_NOUNS or TOPIC.search(c.text) for c in moved):
            why = f"'to {text}': where '{gov.head.text}' moved the {moved[0].text}"
            return DateRole(a, b, True, why, context, other, local, True)
    if (earlier := _replaced_promise(gov)) is not None:
        return DateRole(
            a, b, False, f"'{prep} {text}' was an earlier promise ('{earlier}'), replaced", context, False, local
        )
    if prep in _UNTIL and not stop_words and not ceases and not_until:
        # "may not have their release firmware pushed until the end of September": a start, not an end
        return DateRole(a, b, False, f"'not … {prep} {text}' is when something starts", context, False, local)
    # "sold by Google Store promising updates till October 2021": the words right before the span
    # are about updates, whatever verb the parser hung it on
    updates_before = before is not None and before.i > 0 and TOPIC.search(tok.doc[before.i - 1].text) is not None
    if prep in _UNTIL and first and first[0] in _MADE and not updates_before:
        # "Leaf vehicles produced up until 2016", "sold until March 2019": production or sale, not support
        return DateRole(a, b, False, f"'{prep} {text}' bounds '{gov.text}', production or sale", context, False, local)
    if prep in _UNTIL and any(
        (c.dep_ in ("nsubj", "nsubjpass", "dobj") or (c == v.head and v.dep_ in ("acl", "relcl")))
        and (c.lower_ in _OFFERS or c.lower_ in _TERMS_OF_SALE)
        for v in levels[0][0]
        for c in (*v.children, v.head)
    ):
        # "price guaranteed until 31 January 2027", "the offer runs until …": a term of sale, not support
        return DateRole(a, b, False, f"'{prep} {text}' bounds an offer or a price", context, False, local)
    if (prep in _UNTIL or prep in ("to", "into")) and _produced(levels[0][0]):
        # "we can guarantee the production of our devices into 2028": supply, not support
        return DateRole(a, b, False, f"'{prep} {text}' bounds production or supply", context, False, local)
    if prep == "to" and lemma(gov) in _SETTING:
        # "Elemnts reset their internal clocks to January 1st, 2006": a value set, not a bound
        return DateRole(a, b, False, f"'to {text}' is what '{gov.text}' set", context, False, local)
    if (prep in _UNTIL or prep == "to") and _predicate_words(gov, _LAPSE):
        # "will be unavailable from Monday 27th of February to Wednesday 1st of March 2023": a lapse the
        # service comes back from, not its end
        return DateRole(a, b, False, f"'{prep} {text}' ends a lapse ('{gov_words}')", context, False, local)
    if prep in _UNTIL and _DOWNTIME.search(context):
        # "Due to Miele server maintenance (until 2021-01-03) there are currently issues logging in": the
        # end of a maintenance window, which the service comes back from
        return DateRole(a, b, False, f"'{prep} {text}' ends a maintenance window", context, False, local)
    if prep in _UNTIL or (prep in ("to", "into") and topic):
        if topic or (prev_stop and prep in _UNTIL) or (prep in _UNTIL and _covered_as_before(gov, previous)):
            # "… decision to stop support for Dropcam. All features will remain available until April 8, 2024"
            why = f"'{prep} {text}' bounds {gov_words}, about support or updates"
            return DateRole(a, b, True, why, context, other, local, former=_former(gov), aimed=_aimed(gov))
        if prep in _UNTIL and _use_goes_on(first_chain):
            # "can play through January 18, 2023": the product is used up to the date, then no more
            why = f"'{prep} {text}' bounds use ({gov_words})"
            return DateRole(a, b, True, why, context, other, local, works_only=True)
        if (
            prep in _UNTIL
            and gov.lower_ in _FUNCTION
            and not _negated(gov)
            and (
                (said_before := _PREVIOUS_STOP.search(previous) or _PREVIOUS_SHUTDOWN.search(previous))
                or (stop_after := _STOP_AFTER.search(sent.doc.text[b:]))
                or _only(gov, prep_tok)
            )
        ):
            # working until a date is working up to a stop said before ("the free API service is going to
            # be discontinued. It will work until 15.02.2019") or right after ("Stadia will continue to work
            # until January 18, 2023, and after all the servers will be turned off"), or working only until
            # it ("The ProscenicHome App says its only working till February 2024")
            said = (
                "after a stop said before"
                if said_before
                else "before a stop said after it"
                if stop_after
                else "only up to it"
            )
            why = f"'{prep} {text}' bounds '{gov.text}', {said}"
            return DateRole(a, b, True, why, context, other, local, works_only=True)
        if prep in _UNTIL and (service := _service_goes_on(first_chain)):
            # "the server will continue until 31.8.2021": the maker's service runs up to the date
            why = f"'{prep} {text}' bounds '{service}' going on"
            return DateRole(a, b, True, why, context, other, local, works_only=True)
        if prep in _UNTIL and (beside := _lasts_beside_a_stop(gov)) is not None:
            # "the Pixel 5 retires on October 2023, while Pixel 5a with 5G will last longer until August
            # 2024": set against a stop, lasting until a date is ending then
            why = f"'{prep} {text}' bounds '{gov.text}', set beside '{beside}'"
            return DateRole(a, b, True, why, context, other, local)
        if prep in _UNTIL and (stop := _service_stops_after(gov)) is not None:
            # "owners have until 30 June 2025 before the cloud service goes offline"
            why = f"'{prep} {text}' before {stop}"
            return DateRole(a, b, True, why, context, other, local, works_only=True)
        return DateRole(a, b, False, f"'{prep} {text}' is not about support or updates", context, False, local)
    point = prep in _POINT or prep == "as of" or not prep
    if (stop_words or negated or effect or ceases) and point:
        # a stop with no words about updates of its own continues the sentence before
        # ("… security update support … The expiration for newer devices will come to an end in 2027")
        if (
            (stop_words or negated)
            and (topic or (TOPIC.search(previous) and not unrelated))
            or (effect and (topic or prev_stop))
        ):
            why = f"'{stop_words[0]}'" if stop_words else ("a negated " + gov_words if negated else "'takes effect'")
            # (a service switched off after which the product "will no longer function" stops it working,
            # not its support: "support … ended" on an earlier day is the end of support)
            works = bool(ceases) and not (effect or supply_negated) and all(w in _SWITCHED_OFF for w in stop_words)
            why = f"{why} at '{(prep + ' ') if prep else ''}{text}'"
            # ("will start being phased out in October 2026": the stop begins with the month)
            begins = prep in FROM_START or (gov.dep_ == "xcomp" and lemma(gov.head) in ("start", "begin"))
            return DateRole(
                a, b, True, why, context, other, local, True, works_only=works, former=_former(gov),
                from_start=begins,
            )  # fmt: skip
        if ceases:  # the product stops working at the date: nothing, updates included, continues
            why = f"'{ceases[0]}' (the product stops working) at '{(prep + ' ') if prep else ''}{text}'"
            return DateRole(
                a, b, True, why, context, other, local, True, works_only=True, from_start=prep in FROM_START
            )
    if prep in ("after", "from", "as of", "beginning", "starting"):
        # "may continue to be operated after April 1, 2023 …, though … they will not be provided with
        # further firmware upgrades": a clause under the date's clause ends updates from the date on
        below = _stop_below(levels[-1][1])
        if below is not None:
            why = f"'{prep} {text}' on {gov_words}, under which {below}"
            return DateRole(a, b, True, why, context, other, local, True, from_start=prep in FROM_START)
        # "… that it will no longer … patch new security vulnerabilities … and that your continued use
        # … after February 1, 2022 carries increased risk": a clause joined to one that ends updates
        beside = next(
            (
                f"a negated '{v.text}' ('{_clause_text(v, strict=True)}')"
                for chain, _up, joined in levels
                if joined
                for v in chain
                if (_negated(v) or (v.dep_ == "conj" and _negated(v.head)))  # "no longer monitor or patch"
                and TOPIC.search(_clause_text(v, strict=True))
            ),
            None,
        )
        if beside is not None:
            why = f"'{prep} {text}' on {gov_words}, beside which {beside}"
            return DateRole(a, b, True, why, context, other, local, True, from_start=prep in FROM_START)
    stops = bool(stop_words or unrelated or negated or ceases) and point
    # "These cameras may continue to be operated after April 1, 2023": use goes on past the date,
    # so the date is a boundary; a next sentence that withholds updates says what ends there
    boundary = prep in ("after", "beyond", "past") and any(lemma(c) in _CONTINUE for c in first_chain)
    return DateRole(a, b, False, f"{text} bounds nothing about support", context, False, local, stops, boundary)


_PART_OF_TIME = frozenset({"end", "beginning", "start", "middle", "close"})
# a noun a date can name the time of, as an end: "the October 2027 cutoff", "its 2025 sunset"
_CUTOFF_NOUNS = frozenset({"cutoff", "cut-off", "sunset", "shutdown", "deadline", "expiration", "expiry", "eol"})
# nouns a year may modify as a time: "the 2026 deadline" is a date, "2012 TVs" a model year
_TIME_NOUNS = frozenset(
    {"year", "end", "deadline", "date", "season", "quarter", "half", "cutoff", "cut-off", "timeline", "schedule",
     "sunset", "shutdown", "eol", "expiry", "expiration", "update", "updates", "release", "edition",
     "q1", "q2", "q3", "q4", "h1", "h2", "fy", "spring", "summer", "autumn", "fall", "winter", "christmas",
     *(m.lower() for m in calendar.month_name[1:]), *(m.lower() for m in calendar.month_abbr[1:])}
)  # fmt: skip


def _model_year_of(tok: Token) -> bool:
    head = tok.head
    if head.lower_ in ("year", "years") and any(c.lower_ == "model" for c in head.children):
        return True  # "2014 model year and older vehicles"
    return head.i != tok.i and head.tag_.startswith("NN") and head.lower_ not in _TIME_NOUNS and not head.like_num


_SCHEDULED = frozenset({"scheduled", "planned", "set", "slated", "due", "expected", "timed"})


_SWITCHED_OFF = frozenset({"turn", "turned", "shut", "switch", "switched", "disconnect", "deactivate", "decommission"})
_HAPPEN = frozenset(
    {"occur", "occurs", "occurred", "occurring", "happen", "happens", "happened", "happening", "come", "comes",
     "follow", "follows"}  # ("The discontinuation will then follow on PlayStation Vita on August 27, 2021")
)  # fmt: skip
_SET_FOR = _PLANNED | {"announced"}  # "This is announced to be on …", as "was scheduled to …"
_PRODUCT_ENDED = re.compile(r"\b(?:sunset\w*|discontinu\w*|end[- ]of[- ]life|eol)\b", re.I)
# the maker's service named ("the Basis Peak services will be turned off"), or its support or updates
SERVICE_WORD = re.compile(r"\b(?:services?|servers?|cloud|apis?|apps?|platforms?)\b", re.I)
_SERVICE_OR_SUPPORT = re.compile(rf"{SERVICE_WORD.pattern}|\b(?:support|updates?)\b", re.I)


def _stop_happens(date: Token, previous: str) -> str | None:
    """A stop named as a noun that "will occur", "will happen" or "will take place" at the date,
    after a sentence that stops the maker's service or support: the words that tie them."""
    verb = date.head.head if date.dep_ == "pobj" else date.head if date.dep_ in ("npadvmod", "dobj") else None
    if verb is not None and verb.lower_ == "be" and verb.dep_ == "xcomp" and verb.head.lower_ in _SET_FOR:
        verb = verb.head  # "This is announced to be on December 2nd 2024": the stop is set for the date
    elif verb is None or not (
        verb.lower_ in _HAPPEN
        or (lemma(verb) == "take" and any(c.lower_ in ("place", "effect") for c in verb.children))
    ):
        return None
    elif lemma(verb) == "take" and verb.dep_ in ("xcomp", "advcl") and verb.head.lower_ in _SET_FOR:
        verb = verb.head  # "with the discontinuation set to take effect on …": the subject is the head's
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head  # "the sunsetting of non-certified channels, which will occur on …"
    # (the stop may be said earlier in the date's own sentence: "will bring an end to all cloud-based
    # functionalities …, with the discontinuation set to take effect on …")
    if subject is not None:
        previous = f"{previous} {date.doc[: subject.i].text}"
    # (or "This will happen on 30 June 2025" after "The Acme Hub will stop receiving updates.")
    stop_noun = subject is not None and (lemma(subject) in _STOP_NOUNS or subject.lower_ in ("cutoff", "cut-off"))
    if subject is None or not (stop_noun or subject.lower_ in ("this", "that", "it")):
        return None
    if not stop_noun:
        # a pronoun stands for the stop only when the sentence before stops a service or support
        if not (STOP_SAID.search(previous) and _SERVICE_OR_SUPPORT.search(previous)):
            return None
        return f"'{subject.text} … {verb.text}': the stop the sentence before names, at '{date.text}'"
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        return f"the {subject.text} of what it names, at '{date.text}'"  # "The turndown of Acme Actions …"
    # the sentence before stops a service, or ends a product with a word kept for products ("Acme is
    # sunsetting Acme Actions, which … . … the turndown is occurring on June 13, 2023"); "shutting
    # down its office" or "retiring" ends no product
    if not (STOP_SAID.search(previous) and (_SERVICE_OR_SUPPORT.search(previous) or _PRODUCT_ENDED.search(previous))):
        return None
    return f"the {subject.text} of the stop named before it, at '{date.text}'"


_BEGINS = frozenset({"beginning", "starting", "from"})


_RELEASED_THINGS = frozenset({"update", "updates", "upgrade", "upgrades", "release", "version", "firmware", "software"})


def _last_release_before_stop(verb: Token) -> str | None:
    """A release ('that was released in …') of an update that a stop of updates comes after: 'stop
    updating them after the … update that was released …'."""
    if verb.dep_ not in ("acl", "relcl") or (lemma(verb) not in _RELEASING and verb.lower_ != "released"):
        return None
    update = verb.head
    if update.lower_ not in _RELEASED_THINGS or update.dep_ != "pobj" or update.head.lower_ != "after":
        return None
    stopping = update.head.head
    chain = [stopping, stopping.head] if stopping.dep_ == "xcomp" else [stopping]
    if any(_is_stop(v) for v in chain) and TOPIC.search(_clause_text(stopping)):
        return f"the last {update.text} before '{chain[-1].text} {stopping.text}'"
    return None


def _release_that_drops(date: Token) -> str | None:
    """A date that dates the release of an update which itself ends support ("we will release a
    software upgrade that will no longer support the CR100", "… an update that drops support for
    …"): the update and its clause."""
    verb = date.head.head if date.dep_ == "pobj" else None
    if verb is None or lemma(verb) not in _RELEASING:
        return None
    for thing in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _RELEASED_THINGS):
        for clause in (c for c in thing.children if c.dep_ == "relcl"):
            said = _clause_text(clause, strict=True)
            if TOPIC.search(said) and (_negated(clause) or _is_stop(clause)):
                return f"{thing.text} '{said}'"
    return None


def _scheduled_release_stop(date: Token) -> tuple[str, bool, str] | None:
    """A date that schedules the release an end begins with ("… will no longer be supported beginning
    with the Smart Home Controller update scheduled for May 2021") or that itself disables the
    product: the words that tie them, whether the end begins with the date's period, and what is
    disabled when the sentence says."""
    sched = date.head.head if date.dep_ == "pobj" and date.head.lower_ in ("for", "in", "on") else None
    if sched is None or sched.lower_ not in _PLANNED or sched.dep_ not in ("acl", "amod"):
        return None
    release, link = sched.head, sched.head.head
    if release.dep_ != "pobj" or link.lower_ not in ("with", "from", "after"):
        return None
    if link.head.lower_ in _BEGINS:
        verb = link.head.head if link.head.lower_ in ("beginning", "starting") else link.head
        stop = _stops_updates(verb)
        return (f"{stop}, beginning with the {release.text} {sched.text} for '{date.text}'", True, "") if stop else None
    if link.lower_ == "with" and release.lower_ in _RELEASED_THINGS and lemma(link.head) in _DISABLED:
        # "All features of the Maps application will be disabled with the … software update planned on
        # March, 2015": the update that disables the product is its end
        disabled = next((_clause_text(c) for c in link.head.children if c.dep_ in ("nsubjpass", "dobj")), "")
        return f"'{link.head.text} with the {release.text} {sched.text}' for '{date.text}'", False, disabled
    return None


_DISABLED = frozenset({"disable", "remove", "deactivate", "delete", "brick"})


_DESCRIBING = frozenset(
    {"provide", "provides", "power", "powers", "run", "runs", "serve", "serves", "deliver", "delivers"}
)


def _stop_of_described_service(gov: Token, date_tokens: set[int]) -> str | None:
    """A date in a clause that describes what a service does ("the service that provides …"),
    whose noun a stop takes as its object with no date of its own: the stop's words."""
    if gov.lower_ not in _DESCRIBING or gov.dep_ != "relcl" or gov.head.dep_ != "dobj":
        return None
    noun, verb = gov.head, gov.head.head
    if not (_is_stop(verb) and _stops_service([noun])):
        return None
    if any(t.i in date_tokens for t in verb.subtree if t not in gov.subtree):
        return None
    particle = "".join(f" {c.text}" for c in verb.children if c.dep_ == "prt")
    return f"{verb.text}{particle} {' '.join(t.text for t in noun.subtree if t not in gov.subtree)}"


def _scheduled_stop(gov: Token) -> str | None:
    """A relative clause "which is scheduled for DATE" on a stop of the maker's service: the stop's words."""
    if gov.lower_ not in _SCHEDULED or gov.dep_ != "relcl" or _counted_from(gov.head):
        return None
    v = _verb_above(gov.head)
    if not _is_stop(v):
        return None
    objects = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if _stops_service(objects) or _named_thing_shut(v) or TOPIC.search(_clause_text(v, strict=True)):
        return " ".join(t.text for t in (v, *objects))
    return None


_MIGRATING = frozenset({"move", "migrate", "switch", "transfer", "upgrade"})
_OBLIGED = frozenset({"must", "need", "needs", "have", "has"})
_KEEP_USING = frozenset({"keep", "continue"})
_TO_KEEP_USING = " to keep using'"
# what users are made to move to, new, when the old one ends: "over to our new app", "to the new platform"
_NEW_HOMES = frozenset({"app", "application", "account", "platform", "service", "system", "hub", "gateway", "bridge"})


def _move_to_keep_using(verb: Token) -> str | None:
    """A move the user must make by a deadline to keep using the product: 'you must move to a Google
    Account by …' under 'if you want to keep using Fitbit' (or 'to continue using it')."""
    if lemma(verb) not in _MIGRATING or not verb.tag_.startswith("VB"):
        return None
    obliged = any(c.dep_ == "aux" and c.lower_ in _OBLIGED for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lower_ in _OBLIGED
    )
    head = verb.head if verb.dep_ == "xcomp" else verb
    keeps = any(
        k.lower_ in _KEEP_USING and any(u.dep_ == "xcomp" and u.lower_ in ("using", "use") for u in k.children)
        for k in head.subtree
    )
    if obliged and keeps:
        return f"'must {verb.text} …{_TO_KEEP_USING}"
    # "you must move your existing Yale Access Account over to our new app before …": the old one ends then
    new_home = next(
        (
            n
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ in ("to", "onto", "into")
            for n in p.children
            if n.dep_ == "pobj" and n.lower_ in _NEW_HOMES and any(c.lower_ == "new" for c in n.children)
        ),
        None,
    )
    return f"'must {verb.text} … to' the new '{new_home.text}'" if obliged and new_home is not None else None


def _planned_end(gov: Token, previous: str) -> str | None:
    """An end named as a noun that is scheduled, planned or set for the date: as the subject ("The
    sunset of Hum is scheduled for …") or as the noun the participle hangs from ("with full sunset
    scheduled for …"); not a network's ("the 3G shutdown is planned for …")."""
    if gov.lower_ not in _SCHEDULED:
        return None
    subjects = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
    nouns = [gov.head] if gov.dep_ == "acl" else subjects
    if gov.dep_ == "acl" and gov.head.dep_ == "pobj" and gov.head.head.lower_ == "of":
        nouns.append(gov.head.head.head)  # "with the official end of support scheduled for …", hung from "support"
    for noun in nouns:
        if _of_a_network(list(noun.subtree)):
            continue
        if (named := _end_named_by(noun, previous)) is not None:
            return named
    return None


_SUPPORT_NOUNS = frozenset({"support", "updates", "patches", "maintenance"})


def _support_before_comma(left: Token) -> Token | None:
    """The support noun that ends the words right before ", until <date>" (the date's first token is
    ``left``), or None."""
    doc, i = left.doc, left.i
    if i < 3 or doc[i - 1].lower_ not in _UNTIL or doc[i - 2].text != ",":
        return None
    noun = doc[i - 3]
    return noun if noun.lower_ in _SUPPORT_NOUNS and noun.tag_.startswith("NN") else None


def _unguaranteed_before(left: Token) -> str | None:
    """The negated guarantee of updates before a date in its sentence ("won't guarantee regular
    updates will be provided … after"), whichever word the parser hung the date on."""
    for t in left.sent:
        if t.i >= left.i:
            break
        if t.lower_.startswith(("guarantee", "guarentee")) and _negated(t):  # (a common misspelling)
            between = left.doc[t.i : left.i].text
            if TOPIC.search(between.removeprefix(t.text)):
                return between
    return None


def _counted_from(noun: Token) -> bool:
    """ "18 months after the end of sale, which is planned for March 2026": the noun is the start
    a span is counted from, so a date on it dates the start, not the stop."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("after", "from", "following")
        and any(c.dep_ == "npadvmod" and c.lower_ in _SPAN_UNITS for c in prep.children)
    )


_SPAN_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})


def _end_of_sale(noun: Token) -> bool:
    """ "reached end of sale in 2021": the end of selling the product, not of its support."""
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and g.lower_ in _PRODUCTION for g in p.children)
        for p in noun.children
    )


def _end_reached_before(verb: Token, date_tokens: set[int]) -> str | None:
    """The words of an end reached ("reach end-of-life") by the verb this one is joined to with "and",
    when this one has no subject of its own and that one no date of its own; else None."""
    head = verb.head
    if verb.dep_ != "conj" or head.lower_ not in _REACH or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    own = {t.i for t in head.subtree} - {t.i for t in verb.subtree}
    if own & date_tokens:
        return None
    ended = next(
        (c for c in head.children if c.dep_ == "dobj" and lemma(c) in _STOP_NOUNS and not _end_of_sale(c)), None
    )
    return None if ended is None else " ".join(t.text for t in (head, *ended.subtree))


def _end_milestone(noun: Token) -> bool:
    """'that milestone' standing for an end the sentence named before it ("next in line for the
    end of support, scheduled to hit that milestone on October 22, 2023")."""
    if noun.lower_ not in ("milestone", "point", "date") or not any(
        c.dep_ == "det" and c.lower_ in ("that", "this") for c in noun.children
    ):
        return False
    return any(lemma(t) in _STOP_NOUNS and TOPIC.search(t.head.text + " " + " ".join(x.text for x in t.subtree))
               for t in noun.sent if t.i < noun.i)  # fmt: skip


def _of_service(noun: Token) -> bool:
    """A stop noun of the maker's service or of a named thing: "the end of mylife cloud",
    "the shutdown of the Lightify servers"."""
    return any(
        g.dep_ == "pobj"
        and (
            _stops_service([g]) or g.tag_ == "NNP" or any(x.dep_ == "compound" and x.tag_ == "NNP" for x in g.children)
        )
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
    )


# brackets that hold an end's date after what ends: "(ending on January 15, 2024)", "(EOL: 2027)"
_BRACKETED_END = re.compile(
    r"\(\s*(?:ending|ends|ended|end\s+of\s+(?:life|support|servicing|service|updates)|eol|eos|supported\s+until|"
    r"out\s+of\s+support|"
    r"updates\s+until)\s*:?\s*(?:on\s+|in\s+)?$",
    re.I,
)
_SINCE_WORDS = r"(since|as\s+of|from|effective)"  # an opening bracket's words that date a stop from then on
_BRACKETED_SINCE = re.compile(rf"\(\s*{_SINCE_WORDS}\s+$", re.I)


def stop_dated_in_brackets(text: str) -> bool:
    """A stop whose date follows it in brackets ("classic login disabled (since 2026-06-10)"), a
    heading's way of dating it with no verb the tagger would call one."""
    opening = re.finditer(rf"\(\s*{_SINCE_WORDS}\s", text, re.I)
    return any(_STOPPED_BEFORE.search(text[: m.start()]) for m in opening)


_STOPPED_BEFORE = re.compile(
    r"\b(?:disabled|discontinued|shut\s+down|switched\s+off|turned\s+off|retired|decommissioned|"
    r"no\s+longer\s+(?:supported|available|working))\s*$",
    re.I,
)
# a stop named by its noun right before brackets that hold only its date: "the app shutdown (End Sept 2023)"
_STOP_NOUN_BEFORE = re.compile(
    r"\b(?:shutdown|shut-down|shutoff|shut-off|switch-?off|discontinuation|decommissioning|retirement|sunset|"
    r"end[- ]of[- ](?:life|support|service))\s*$",
    re.I,
)
_BRACKETED_AT = re.compile(r"\(\s*(?:(?:the\s+)?end\s+(?:of\s+)?|late\s+|on\s+|in\s+)?$", re.I)
# the phrase the brackets follow, back to the word or mark that opens it ("from the Surface Pro 5th gen")
_LAST_PHRASE = re.compile(r"(?:^|[,;:]|\b(?:from|to|and|or|the|of)\b)[^,;:()]*$", re.I)
_RETIRING = frozenset({"retire", "sunset", "sunsette", "decommission", "deactivate"})
_MOVED = frozenset({"update", "change", "move", "extend", "push", "set", "revise", "adjust", "postpone", "delay"})


def _end_moved_to(verb: Token) -> str | None:
    """A verb that sets an end's date anew, with the end as its subject or object ("EoL updated
    to …", "extended the end of support to …"): the end and the verb."""
    if lemma(verb) not in _MOVED:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            lemma(c) in _STOP_NOUNS or c.lower_ in ("eol", "eos", "end-of-life")
        ):
            return f"{_clause_text(c)} {verb.text}" if c.dep_ != "dobj" else f"{verb.text} {_clause_text(c)}"
    return None


_SETTING = frozenset({"reset", "set", "revert", "roll", "adjust", "sync", "default", "resets", "sets", "reverts"})
_REACH = frozenset({"reach", "reached", "reaches", "reaching", "hit", "hits", "hitting"})
_DATING = re.compile(r"[(,]\s*(dated|posted|published|issued)\s+(?:on\s+)?$", re.I)  # "(dated 2026/01/07)"
_PERIODS = frozenset({"period", "term", "time", "duration", "timeframe"})


def _copula_subject_on_topic(verb: Token) -> bool:
    """ "The minimum length of time for which the product will receive security updates is until
    the end of 2028": a copula whose subject, with its own clauses, is about support or updates."""
    if verb.lower_ not in _COPULA:
        return False
    return any(c.dep_ == "nsubj" and TOPIC.search(" ".join(t.text for t in c.subtree)) for c in verb.children)


def _stop_that_begins(verb: Token) -> str | None:
    """ "the shutdown of those legacy APIs started …": a verb of beginning whose subject is a stop of
    the maker's service or of support; the stop's words."""
    if lemma(verb) not in ("start", "begin", "commence", "started", "began", "begun", "commenced"):
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and lemma(c) in _STOP_NOUNS | {"phase-out", "shut-down"}:
            stopped = [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
            if (stopped and (_stops_service(stopped) or TOPIC.search(" ".join(t.text for t in c.subtree)))) or (
                not stopped and TOPIC.search(_clause_text(verb))
            ):
                return " ".join(t.text for t in c.subtree)
    # (the parser may hang the stop elsewhere: "… deprecated for some time and shutdown of those legacy
    # APIs started in late July 2024")
    before = verb.doc[max(0, verb.i - 12) : verb.i].text
    if (m := _STOP_OF.search(before)) is not None:
        what = m.group("what").lower().split()
        if any(w in _SERVICE or w in _PRODUCT_SERVICES.get() for w in what) or TOPIC.search(m.group("what")):
            return m.group(0)
    return None


_STOP_OF = re.compile(
    r"\b(?:shutdown|shut-down|sunset|retirement|discontinuation|phase-out|decommissioning)\s+of\s+"
    r"(?:the\s+|those\s+|these\s+|its\s+|their\s+)?(?P<what>[\w./ -]{1,60}?)\s*$",
    re.I,
)


def _period_of_updates(noun: Token) -> bool:
    """ "a (minimum) period" in a clause about updates, not "the promotional period" nor "the offer period"."""
    return (
        noun.lower_ in _PERIODS
        and noun.head != noun
        and bool(TOPIC.search(_clause_text(_clause_root(noun.head))))
        and not any(
            c.dep_ in ("amod", "compound")
            and (
                c.lower_ in _OFFERS
                or c.lower_ in _TERMS_OF_SALE
                or c.lower_ in ("promotional", "trial", "introductory", "warranty", "notice")
            )
            for c in noun.children
        )
    )


def _head_phrase(verb: Token) -> str:
    """The noun phrase a relative clause describes, without the clause."""
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
        return " ".join(t.text for t in _noun_phrase_of(verb))  # "support for the old version ending …"
    inside = {t.i for t in verb.subtree}
    return " ".join(t.text for t in verb.head.subtree if t.i not in inside)


# a person's own use of the software, not its supply: "I no longer actively use this software"
_USING = frozenset({"use", "run", "own", "need", "want", "recommend", "develop"})


def _stops_updates(verb: Token) -> str | None:
    """A negated supply or a stop whose own clause is about support or updates, and the words."""
    if not verb.tag_.startswith("VB"):
        return None
    own = _clause_text(verb, strict=True)
    if not TOPIC.search(own):
        return None
    if _negated(verb) and lemma(verb) not in _USING:
        return f"a negated '{verb.text}' ('{own}')"
    if _is_stop(verb):
        what = [g for g in verb.children if g.dep_ in ("dobj", "xcomp")]
        if not what or any(TOPIC.search(" ".join(x.text for x in g.subtree)) for g in what):
            return f"'{verb.text}' ('{own}')"
    return None


def _stop_below(head: Token) -> str | None:
    """A subordinate or joined clause under `head` that ends updates ("…, as they will not be
    provided with further firmware upgrades")."""
    for t in head.subtree:
        if t == head or t.dep_ not in ("advcl", "conj") or lemma(t) in _EVENT_LEMMAS:
            continue
        found = _stops_updates(t)
        if found is not None:
            return found
    return None


_CONTINUE = frozenset({"continue", "remain", "keep"})


def _lasts_beside_a_stop(verb: Token) -> str | None:
    """ "X retires on …, while Y will last longer until …": a verb of lasting in a clause joined to one
    whose verb (or the word the parser took for it) is a stop; the stop's word."""
    if lemma(verb) not in ("last", "lasts", "lasted"):
        return None
    return verb.head.text if verb.dep_ in ("advcl", "conj") and lemma(verb.head) in _STOP_LEMMAS else None


def _service_goes_on(chain: list[Token]) -> str | None:
    """A clause whose subject is the maker's service and whose verb goes on ("the server will
    continue", "the cloud remains online"): the service's text, else None."""
    for v in chain:
        if lemma(v) in _CONTINUE or v.lower_ in (
            "continues",
            "continued",
            "remains",
            "remained",
            "keeps",
            "run",
            "runs",
        ):
            subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and _stops_service(subjects):
                return " ".join(t.text for t in subjects[0].subtree)
        if lemma(v) in _RECEIVE and (v.head is not v and lemma(v.head) in _CONTINUE):
            # "they will continue to receive service until July 1, 2020": the service goes on to the date
            served = [c for c in v.children if c.dep_ == "dobj"]
            if served and _stops_service(served):
                return " ".join(t.text for t in served[0].subtree)
    return None


_RECEIVE = frozenset({"receive", "get", "have", "access"})


def withheld_updates(doc: Doc | Span) -> str | None:
    """A negated supply of updates anywhere in a sentence ("…, as they will not be provided
    with further firmware upgrades"), and the words; None when there is none."""
    for verb in doc:
        if _negated(verb):
            found = _stops_updates(verb)
            if found is not None:
                return found
    return None


def stop_after_event(doc: Doc | Span) -> str | None:
    """A sentence without a date that stops updates after an event: "Once Ecobee cuts off cloud
    support …, the devices … won't receive any more firmware updates". The event is a stop of
    its own ("cuts off", "shuts down", "ends"), introduced by "once", "when" or "after"; the
    words that decided, or None."""
    for verb in doc:
        found = _stops_updates(verb)
        if found is None:
            continue
        u = verb
        for _ in range(4):  # the stop, and the clauses it is joined to by "and"
            for c in u.children:
                marks = [m for m in c.children if m.dep_ in ("mark", "advmod") and m.lower_ in _WHEN]
                if c.dep_ != "advcl" or not marks:
                    continue
                if _is_stop(c) or _negated(c):
                    mark = marks[0].text
                    return f"'{mark} … {c.text}' (an event that stops), then {found}"
            if u.dep_ != "conj" or u.head == u:
                break
            u = u.head
    return None
