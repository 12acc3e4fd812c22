"""Words and patterns that several support-tree readers share.

`lemma` (with the inflected forms the small English model leaves as they are), `TOPIC` (the
pattern of a clause about support or updates), the words of stopping and of events, the nouns
of the maker's service, the verbs of supply and of planning. A list that only one reader uses
stays with that reader; the lists here are used by more than one of `support_tree`,
`service_shutdown`, `product_ceases`, `end_statements`, `end_exclusions` and `cross_sentence`,
and sit apart so that those modules share them without importing one another for a word list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# a span up to the date
UNTIL = frozenset({"until", "till", "til", "through", "thru", "throughout"})
# a point at which a stop takes effect
FUNCTIONS = frozenset(
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

MADE = frozenset(
    {"produce", "produced", "manufacture", "manufactured", "make", "made", "build", "built", "sell", "sold",
     "ship", "shipped", "market", "marketed", "offer", "offered"}
)  # fmt: skip

STOP_LEMMAS = frozenset(
    {"stop", "end", "cease", "conclude", "discontinue", "sunset", "expire", "drop", "retire", "terminate", "halt",
     "abandon", "phase", "withdraw", "deprecate", "kill", "cut", "lose", "shut", "sunsette", "sunsetting", "disconnect",
     "deactivate", "decommission", "suspend"}
)  # fmt: skip
STOP_NOUNS = frozenset(
    {"end", "expiration", "expiry", "discontinuation", "termination", "sunset", "retirement", "eol", "cessation",
     "shutdown", "withdrawal", "turndown", "turn-down", "switch-off", "switchoff", "halt"}
)  # fmt: skip
# the date of something that happened (or happens) once; not the end of a period
EVENT_LEMMAS = frozenset(
    {"launch", "release", "introduce", "announce", "publish", "post", "revise", "modify", "debut", "unveil",
     "found", "establish", "ship", "manufacture", "replace", "email", "inform", "notify", "tell", "say", "report",
     "write", "purchase", "buy", "sell", "arrive", "hit", "first", "issue", "update", "begin", "start",
     "announcement", "introduction", "publication", "acquire"}
)  # fmt: skip

TOPIC = re.compile(
    r"support|updat|upgrad|patch|secur|firmware|software|\bfix|maint|\beol\b|end[\s-]of[\s-](?:life|servic(?:e|ing))|lifecycle|"
    # ("LineageOS 16.0 builds stopped"; "will be protected until at least October 2027")
    r"life\s+cycle|guarantee|\bprotected\b|\b(?:nightly\s+|official\s+|weekly\s+)?builds\b",
    re.I,
)

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


def lemma(tok: Token) -> str:
    w = tok.lower_
    return _IRREGULAR.get(w, w)


# the product itself ceasing to work ("will stop working", "will no longer function"): its life,
# and every update with it, ends; "stopped working on the platform" is labour, not the product
FUNCTION = frozenset({"work", "works", "working", "worked", "function", "functions", "functioning", "functioned",
                       "operate", "operates", "operating", "operated"})  # fmt: skip

# what a connected product's maker runs for it: shutting it down ends the product's support
# ("will shut down its service as of 15th May 2016", "end the cloud service")
SERVICE = frozenset(
    {"service", "services", "server", "servers", "cloud", "app", "apps", "applet", "applets", "application", "platform",
     "platforms", "store", "stores", "bookstore", "eshop", "eshops", "catalog", "catalogue", "marketplace", "portal",
     "channel", "channels", "dashboard", "dashboards", "skill", "skills"}
)  # fmt: skip

# a past plan: "was due to expire", "were scheduled to end"
PLANNED = frozenset({"due", "supposed", "set", "scheduled", "expected", "planned", "slated"})
# what replaces it: "… but has been extended to June 2025"
REPLACING = frozenset({"extended", "postponed", "delayed", "pushed", "moved", "changed", "revised"})

# words that say a stop happened or will ("ends", "stopped", "is discontinued", "no longer"), in a sentence
# before the one that dates it
STOP_SAID = re.compile(
    r"\b(?:end(?:s|ing|ed)?|stop\w*|discontinu\w*|ceas\w*|drop\w*|sunset\w*|retir\w*|shut(?:ting|s)?\s+down|no\s+longer)\b",
    re.I,
)

TERMS_OF_SALE = frozenset({"price", "prices", "pricing", "delivery", "stock", "trade-in", "finance", "cashback"})
# what a shop's offer is: "Black Friday deals end 30 November", "the promotion ends on 5 January"
OFFERS = frozenset(
    {"deal", "deals", "offer", "offers", "promotion", "promotions", "promo", "discount", "discounts", "voucher",
     "vouchers", "coupon", "coupons", "competition", "giveaway", "pre-order", "pre-orders", "preorder", "bundle"}
)  # fmt: skip


def of_sale(tok: Token) -> bool:
    """The word is an offer or a term of sale ("the promotion", "the price"): what ends with it is no support."""
    return tok.lower_ in OFFERS or tok.lower_ in TERMS_OF_SALE


GETS = frozenset({"receive", "receives", "get", "gets", "see", "sees"})
ARRIVES = frozenset(
    {"arrive", "arrives", "arrived", "come", "comes", "came", "ship", "ships", "shipped", "land", "lands", "happen",
     "happens", "happened", "occur", "occurs", "occurred"}
)  # fmt: skip

SHUTDOWN_NOUNS = frozenset(
    {"shutdown", "shut-down", "switch-off", "switchoff", "discontinuation", "sunset", "deactivation", "closure",
     "shutoff", "shut-off", "turndown", "decommissioning", "retirement"}
)  # fmt: skip

AVAILABLE = frozenset(
    {"available", "accessible", "usable", "operational", "reachable", "online", "functional", "operable"}
)

COPULA = frozenset({"be", "is", "are", "was", "were"})

PARTICLES = frozenset({"off", "down", "offline"})  # "shut down", "turned off", "taken offline"

# verbs that give a repository a state: "will be marked as read-only", "made read-only"
MARKING = frozenset({"mark", "marked", "make", "made", "set"})

DEVICES = frozenset(
    {"device", "devices", "tv", "tvs", "television", "televisions", "phone", "phones", "tablet", "tablets",
     "console", "consoles", "model", "models", "player", "players", "box", "boxes", "speaker", "speakers"}
)  # fmt: skip

# words standing for something named elsewhere ("them", "these", "which"): a withheld one may be the updates
STAND_IN_TAGS = frozenset({"PRP", "PRP$", "DT", "WDT", "WP"})
# verbs of supplying something: a negated one withholds its object, which may not be updates
SUPPLY = frozenset(
    {"provide", "provides", "provided", "providing", "offer", "offers", "offered", "offering",
     "give", "gives", "gave", "given", "giving", "send", "sends", "sent", "sending",
     "ship", "ships", "shipped", "shipping", "supply", "supplies", "supplied", "supplying",
     "deliver", "delivers", "delivered", "delivering", "receive", "receives", "received", "receiving",
     "get", "gets", "got", "gotten", "getting", "sell", "sells", "sold", "selling",
     "issue", "issues", "issued", "issuing"}
)  # fmt: skip

EXPECTING = frozenset({"expect", "expects", "expected", "anticipate", "anticipates", "anticipated"})

TO_KEEP_USING = " to keep using'"

REACH = frozenset({"reach", "reached", "reaches", "reaching", "hit", "hits", "hitting"})

CONTINUE = frozenset({"continue", "remain", "keep"})
