"""What keeps a date from being an end of support although a stop or a span reaches it.

Sales, production or an offer ending ("final sales ending …", "stopped selling …", "introduced in
2014 and discontinued only in 2018", "reached end of sale in 2021"), a model year ("2012 TVs"),
support of other things ("support for third-party accessories"), a withheld supply of something
that is not updates, new sign-ups refused, a state said of the present only ("isn't currently
working as of …"); and a statement that is not the maker's current word: only aimed at, denied
("That does not mean that …"), what users expected, held on a condition, said before ("Fitbit
said it would …"), or a promise since replaced. Kept apart so that `support_tree` reads an end
first and then what keeps it from being one.
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

from psti.evidence.web.service_shutdown import stops_service
from psti.evidence.web.tree_walk import is_negated, subtree_text
from psti.evidence.web.tree_words import MADE, OFFERS, PLANNED, REPLACING, STAND_IN_TAGS, SUPPLY, TOPIC, lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

# a statement reported as made before: "Fitbit said it would only keep support … until …"
_REPORTING = frozenset({"say", "promise", "pledge", "commit", "announce", "state", "tell", "write"})


_AIM = frozenset(
    {"aim", "aims", "aimed", "aiming", "hope", "hopes", "hoped", "hoping", "strive", "strives", "try", "tries",
     "trying", "want", "wants", "wish", "wishes", "endeavour", "endeavor", "seek"}
)  # fmt: skip


def is_aimed(tok: Token) -> bool:
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


def is_denied(tok: Token) -> bool:
    """The word's clause is what a negated "mean" or "imply" says is not so ("That does not mean
    that in 2017, kit … will stop working")."""
    t = tok
    for _ in range(10):
        if t.dep_ == "ccomp" and t.head.lower_ in _IMPLYING and is_negated(t.head):
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


def onlookers_hope(tok: Token) -> bool:
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


def is_conditional(tok: Token) -> bool:
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


def is_former(tok: Token) -> bool:
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


def _said_earlier(verb: Token) -> bool:
    """ "had initially committed", "originally planned", "was due to expire"."""
    if any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in verb.children):
        return True
    return verb.tag_ == "VBD" and any(c.dep_ in ("acomp", "xcomp") and c.lower_ in PLANNED for c in verb.children)


def replaced_promise(tok: Token) -> str | None:
    """A promise made earlier and now replaced by what a joined clause says ("had initially
    committed to maintaining the MyNeato app until 2028 but is now ceasing support …"): the verb."""
    t = tok
    for _ in range(8):
        if any(c.dep_ == "advmod" and c.lower_ in ("now", "instead") for c in t.children) or (
            t.dep_ == "conj" and t.lower_ in REPLACING
        ):
            return None  # the date is in the clause that replaces
        if t.tag_.startswith("VB") and _said_earlier(t):
            joined = [c for c in t.children if c.dep_ == "conj" and c.tag_.startswith("VB")]
            if any(
                c.lower_ in REPLACING or any(g.dep_ == "advmod" and g.lower_ in ("now", "instead") for g in c.children)
                for c in joined
            ):
                return t.text
            return None
        if t.head.i == t.i:
            return None
        t = t.head
    return None


_PRODUCTION = frozenset({"production", "availability", "supply", "manufacturing", "manufacture", "sale", "sales"})

_MARKET_ENTRY = frozenset({"introduce", "launch", "release", "debut", "unveil"})


def stops_sales(verb: Token) -> bool:
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
        and (c.lower_ in _PRODUCTION or _ability_to_buy(c) or (c.dep_ != "dobj" and c.lower_ in OFFERS))
        # "stopped selling Nest Secure in October 2020" (not "stopped offering security updates")
        or c.dep_ == "xcomp"
        and (lemma(c) in MADE or c.lower_.endswith("ing") and {c.lower_[:-3], c.lower_[:-3] + "e"} & MADE)
        # (a name such as "Nest Secure" is no word about security)
        and not TOPIC.search(" ".join(t.text for t in c.subtree if t.tag_ not in ("NNP", "NNPS")))
        for c in verb.children
    )


def _ability_to_buy(noun: Token) -> bool:
    """ "The ability to actually use those points to purchase WiiWare titles": buying, not the product."""
    return noun.lower_ in ("ability", "option", "possibility") and any(
        lemma(t) in ("purchase", "buy", "add", "redeem", "top") for t in noun.subtree if t.tag_.startswith("VB")
    )


def about_production(chain: list[Token]) -> bool:
    """The predicate's object or subject is production, availability or sale of the product."""
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lower_ in _PRODUCTION for v in chain for c in v.children)


_FOR_NOW = frozenset({"currently", "temporarily", "presently"})


def said_for_now(verb: Token) -> bool:
    """The verb is said of the present only: "the integration isn't currently working as of 08/05/2024" is an
    outage, not an end."""
    return any(c.dep_ == "advmod" and c.lower_ in _FOR_NOW for c in verb.children)


# what a product's store or platform supports besides the product itself
_OTHER_THINGS = frozenset(
    {"apps", "applications", "features", "games", "titles", "content", "accessories", "purchases", "subscriptions",
     "uploads", "submissions", "developers"}
)  # fmt: skip


def support_for_other(tok: Token) -> bool:
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


def withholds_other(tok: Token) -> bool:
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
        if v.lower_ in SUPPLY
        for c in v.children
        if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and v.tag_ == "VBN")
    ]
    return bool(things) and not any(
        c.tag_ in STAND_IN_TAGS or TOPIC.search(subtree_text(c)) or stops_service([c]) for c in things
    )


def refuses_new(tok: Token) -> bool:
    """ "no new requests will be accepted": an end of sign-ups, not of the product."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        and any(g.dep_ == "amod" and g.lower_ == "new" for g in c.children)
        for c in tok.children
    )


# nouns a year may modify as a time: "the 2026 deadline" is a date, "2012 TVs" a model year
_TIME_NOUNS = frozenset(
    {"year", "end", "deadline", "date", "season", "quarter", "half", "cutoff", "cut-off", "timeline", "schedule",
     "sunset", "shutdown", "eol", "expiry", "expiration", "update", "updates", "release", "edition",
     "q1", "q2", "q3", "q4", "h1", "h2", "fy", "spring", "summer", "autumn", "fall", "winter", "christmas",
     *(m.lower() for m in calendar.month_name[1:]), *(m.lower() for m in calendar.month_abbr[1:])}
)  # fmt: skip


def model_year_of(tok: Token) -> bool:
    head = tok.head
    if head.lower_ in ("year", "years") and any(c.lower_ == "model" for c in head.children):
        return True  # "2014 model year and older vehicles"
    return head.i != tok.i and head.tag_.startswith("NN") and head.lower_ not in _TIME_NOUNS and not head.like_num


def end_of_sale(noun: Token) -> bool:
    """ "reached end of sale in 2021": the end of selling the product, not of its support."""
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and g.lower_ in _PRODUCTION for g in p.children)
        for p in noun.children
    )
