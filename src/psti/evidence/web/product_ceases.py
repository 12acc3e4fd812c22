"""The product itself ceasing to work, or to be usable, at a date.

"will stop working", "will no longer function", "will become inoperable", "will lose the ability
to …", "will be unable to use the app", "will be unpaired and removed from your Nest app", "goes
out of support", and a verb joined by "and" that shares the date ("As of DATE, X will be
discontinued, and will stop operating"). Such a date ends the product's life and every update
with it, yet `support_tree` marks it `works_only`: it yields to an end of support the page
states. Also here: use that goes on up to a date ("can use the app until …") and an "only" that
makes a span a limit. Separate from the readers of the maker's service (`service_shutdown`) and
of stated ends (`end_statements`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psti.evidence.web.service_shutdown import is_stop
from psti.evidence.web.tree_walk import bare_conjuncts, is_negated, predicate_words
from psti.evidence.web.tree_words import AVAILABLE, DEVICES, FUNCTION, SERVICE, lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

# what a product is used for: "will no longer be able to unlock their doors with the app"
_USE = frozenset(
    {"use", "unlock", "lock", "control", "operate", "access", "connect", "open", "run", "stream", "view", "watch",
     "record", "monitor", "sync", "log", "sign", "print", "scan", "play", "charge"}
)  # fmt: skip

_LABOUR = frozenset({"on", "for", "with", "toward", "towards"})


def shared_ceasing(verb: Token, date_tokens: set[int]) -> str | None:
    """A verb joined by "and" with no subject of its own shares the date of the verb it joins:
    "As of December 9th, 2024, Car Thing will be discontinued, and will stop operating" (not one
    with a date of its own: "will revert to 2G by October 2021 and stop working in December 2022")."""
    for c in bare_conjuncts(verb):
        if any(t.i in date_tokens for t in c.subtree):
            continue
        if stops_working(c, date_tokens):
            return c.text
    return None


def stops_working(verb: Token, date_tokens: set[int]) -> bool:
    """The verb says the product stops working: "will not function", "stop working", "cease operating"."""
    if ceases_to_function(verb, date_tokens) and is_negated(verb):
        return True
    what = [g for g in verb.children if g.dep_ in ("dobj", "xcomp")]
    return is_stop(verb) and bool(what) and all(ceases_to_function(g, date_tokens) for g in what)


_BROKEN = frozenset(
    {"inoperable", "inoperative", "unusable", "useless", "bricked", "nonfunctional", "non-functional", "obsolete",
     "redundant", "inoperational", "non-operational", "nonoperational", "paperweight", "paperweights"}
)  # fmt: skip

# what can be used up to a date that is not the product: "use your eShop balance until March 11th"
_NOT_PRODUCT = frozenset(
    {"balance", "balances", "credit", "credits", "funds", "voucher", "vouchers", "points", "coupon", "coupons",
     "refund", "refunds", "offer", "discount", "code", "codes"}
)  # fmt: skip


def said_only(verb: Token, prep: Token) -> bool:
    """ "only working till February 2024", "will work only until": the span is a limit, not a promise."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in (*verb.children, *prep.children))


def use_goes_on(chain: list[Token]) -> bool:
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


def loses_service(tok: Token) -> bool:
    """ "will lose connection to professional monitoring", "lose access to the cloud": the product
    is cut from the maker's service."""
    return lemma(tok) in ("lose", "loses", "lost", "losing") and any(
        c.dep_ == "dobj" and c.lower_ in ("connection", "connectivity", "access", "service", "monitoring")
        for c in tok.children
    )


def loses_use(tok: Token) -> bool:
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

_OFFERED = frozenset({"download", "purchase", "buy", "sale", "order", "preorder", "pre-order", "subscription", "new"})


def is_unavailable(tok: Token) -> bool:
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
        for w in predicate_words(tok, AVAILABLE)
    )


_UNAVAILABLE = frozenset({"unavailable", "inaccessible", "unusable", "unreachable", "nonoperational"})
# words of a pause, not an end: "will be unavailable on 3 March between 2am and 4am for maintenance"
_PAUSE = frozenset({"temporarily", "briefly", "maintenance", "between", "outage", "downtime", "hours", "minutes"})


def said_unavailable(tok: Token) -> str | None:
    """ "Security patches are unavailable after 2022-01-01", "the app will be inaccessible from …": the
    word that says it, when nothing in the clause makes it a pause."""
    word = next((c.lower_ for c in tok.children if c.dep_ in ("acomp", "oprd") and c.lower_ in _UNAVAILABLE), None)
    if word is None or is_negated(tok) or any(t.lower_ in _PAUSE for t in tok.subtree):
        return None
    # (nor a span it comes back after: "unavailable from 1 January to 3 January")
    if any(t.dep_ == "prep" and t.lower_ in ("to", "until", "till", "through") for t in tok.subtree):
        return None
    return word


def only_off_sale(tok: Token) -> bool:
    """ "will no longer be available to download from the Store": availability for sale ends, not the product."""
    return bool(predicate_words(tok, AVAILABLE)) and not is_unavailable(tok)


_MARKETS = frozenset(
    {"us", "u.s.", "usa", "uk", "u.k.", "eu", "europe", "canada", "australia", "germany", "france", "japan", "china",
     "india", "stores", "shops", "market", "markets", "country", "countries", "region", "regions"}
)  # fmt: skip
_ABILITIES = frozenset(
    {"ability", "functionality", "functionalities", "connectivity", "functions", "features", "intelligence", "smarts"}
)


def loses_ability(tok: Token) -> bool:
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


def unable_to_use(tok: Token) -> bool:
    """ "will be unable to use or access the application": the product can no longer be used."""
    return any(
        c.dep_ == "acomp" and c.lower_ == "unable" and any(v.dep_ == "xcomp" and v.lower_ in _USE for v in c.children)
        for c in tok.children
    )


_UNPAIRING = frozenset({"unpair", "unpaired", "unlink", "unlinked", "deregister", "deregistered"})
_REMOVING = frozenset({"remove", "delete", "deleted", "disconnect"})  # (lemma() gives "removed" as "remove")
_OWNERS_PLACES = frozenset({"app", "apps", "application", "account", "accounts"})


_OUT_OF = frozenset(
    {"go", "goes", "went", "gone", "going", "fall", "falls", "fell", "fallen", "drop", "be", "is", "are", "was",
     "were", "been", "being"}
)  # fmt: skip


def out_of_support(tok: Token) -> bool:
    """ "goes out of support", "falls out of support", "is out of support": support ends."""
    return lemma(tok) in _OUT_OF and any(
        p.lower_ == "out"
        and any(
            o.lower_ == "of" and any(g.lower_ in ("support", "maintenance", "service") for g in o.children)
            for o in p.children
        )
        for p in tok.children
    )


def cut_from_app(tok: Token) -> bool:
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


def loss_after(date: Token, date_tokens: set[int]) -> str | None:
    """A relative clause on the date that ends the product's use: "on October 14, at which point
    you will be unable to use the application", "…, after which you can no longer use it"."""
    for r in (c for c in date.children if c.dep_ == "relcl"):
        for v in (r, *(c for c in r.children if c.dep_ == "conj")):
            if unable_to_use(v) or (is_negated(v) and (loses_use(v) or ceases_to_function(v, date_tokens))):
                return v.text
            if is_negated(v) and v.lower_ in _USE:
                return v.text
    return None


def becomes_broken(tok: Token) -> bool:
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


def left_broken(stop: Token) -> Token | None:
    """A clause on the stop (or on the "going" it hangs from) that leaves the product broken:
    "…, rendering the hardware inoperable"."""
    holders = (stop, stop.head) if stop.dep_ == "xcomp" else (stop,)
    return next((a for h in holders for a in h.children if a.dep_ == "advcl" and becomes_broken(a)), None)


def whole_function_object(tok: Token) -> bool:
    """The object of a stop that is all the subject does: "will shut down its functionality", "disable
    all functions" (not "remove the sharing feature", one feature of it)."""
    return (
        tok.dep_ == "dobj"
        and tok.lower_ in ("functionality", "functionalities", "functions")
        and all(c.dep_ in ("det", "poss") and c.lower_ in ("its", "their", "all", "the") for c in tok.children)
    )


_CONNECT = frozenset({"connect", "connects", "connecting"})
_NETWORKS = SERVICE | {"internet", "network", "servers"}


def _connects_to_service(tok: Token) -> bool:
    """ "connect to the cloud", "connect to Acme's servers": a connected product's working."""
    return tok.lower_ in _CONNECT and any(
        p.dep_ == "prep" and p.lower_ == "to" and any(g.dep_ == "pobj" and g.lower_ in _NETWORKS for g in p.children)
        for p in tok.children
    )


def stops_working_before(verb: Token, date_tokens: set[int]) -> str | None:
    """A clause under the verb, led by "before", in which the product stops working ("owners have until
    31 March 2025 before their devices stop working"): the clause's verb."""
    for c in verb.children:
        before = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "before" for m in c.children)
        if before and stops_working(c, date_tokens):
            return c.text
    return None


def ceases_to_function(tok: Token, date_tokens: set[int]) -> bool:
    """'work', 'function', 'operate' with no object of labour ("working on the platform"), or
    'connect' to the maker's cloud."""
    if _connects_to_service(tok):
        return True
    if tok.lower_ not in FUNCTION:
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
        return any(g.dep_ == "pobj" and (g.lower_ in DEVICES or g.tag_ in ("NNP", "NNPS")) for g in prep.children)
    return prep.lower_ == "with" and any(
        g.dep_ == "pobj" and (g.tag_ == "NNP" or g.lower_ in SERVICE) for g in prep.children
    )


# what may be unpaired from the app it is run with ("your device will be unpaired and removed from …")
_UNPAIRED_THINGS = DEVICES | {"product", "products", "thermostat", "thermostats", "camera", "cameras", "hub", "hubs"}
