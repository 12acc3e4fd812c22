"""The stopping predicate, and the maker's service for the product shut down.

`is_stop` reads whether a word stops something at all ("end", "ceases", "cuts off", "shuts down",
"turned off", a repository marked read-only); `stops_service` whether what stops is the maker's
service for the product ("its service", "the cloud servers", or an API or option when the product
is one, as `product_is_kind` sets it). Around them: the service as the subject of a stop ("its
service is ending"), a thing with a name shut down or sunset, the maker itself closing ("going out
of business"), a project that is no longer maintained, a shutdown named as a noun with its own
date, a stop of a service that the date's own clause describes ("the service that provides …"),
and a service that goes on. A service shut down ends the support of the connected product it
serves. Separate from `product_ceases`, which reads the product's own loss of function and builds
on these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from psti.evidence.web.tree_walk import clause_text, is_negated, particle_objects, subtree_text
from psti.evidence.web.tree_words import (
    CONTINUE,
    COPULA,
    FUNCTIONS,
    MARKING,
    PARTICLES,
    SERVICE,
    SHUTDOWN_NOUNS,
    STOP_LEMMAS,
    STOP_NOUNS,
    SUPPLY,
    TOPIC,
    lemma,
    of_sale,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# nouns that are the maker's service only when the product itself is one: an API retired ends an API,
# while an API a plugin relies on, deprecated, is not the plugin's end
_INTERFACES = frozenset({"api", "apis", "endpoint", "endpoints"})
# and a feature or option discontinued ends a product that is that feature ("the Local Voice
# Processing option will be discontinued"), not a device that loses one of its features
_FEATURES = frozenset({"feature", "features", "option", "options", "setting", "settings", "mode", "modes"})
PRODUCT_SERVICES: ContextVar[frozenset[str]] = ContextVar("product_services", default=frozenset())


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
    token = PRODUCT_SERVICES.set(nouns)
    try:
        yield
    finally:
        PRODUCT_SERVICES.reset(token)


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
    return prep.lower_ == "for" and any(g.dep_ == "pobj" and g.lower_ in SERVICE for g in prep.children)


def stops_service(what: list[Token]) -> bool:
    """The thing stopped is the maker's service for the product ("its service", "the cloud servers"),
    or all its operations ("all operations")."""
    return bool(what) and all(
        (
            (g.lower_ in SERVICE or g.lower_ in PRODUCT_SERVICES.get())
            and not any(c.lower_ in _OTHER_SERVICE for c in g.children if c.dep_ == "compound")
        )
        # "One Call API version 2.5", when the product is an API
        or any(c.dep_ == "compound" and c.lower_ in PRODUCT_SERVICES.get() for c in g.children)
        or _HOST_NAME.fullmatch(g.lower_) is not None  # "tesla.evcc.io will be discontinued": a web service
        or _monitoring_service(g)
        or (g.lower_ == "access" and _access_to_service(g))  # "access to the Barnes & Noble bookstore"
        # "Free access will start being phased out", when the product is an API: access is what it sells
        or (g.lower_ == "access" and bool(PRODUCT_SERVICES.get() & _INTERFACES))
        # "disabled the online access and the app for the Smart EQ"
        # (or "disable Kindle Store access": access to the service its compound names)
        or (
            g.lower_ == "access"
            and any(
                c.lower_ in ("online", "remote", "cloud", "internet") or (c.dep_ == "compound" and c.lower_ in SERVICE)
                for c in g.children
            )
        )
        # "the Neato cloud functionalities", "app features": what the service does
        or (
            (g.lower_ in FUNCTIONS or g.lower_ in _PARTS)  # ("will remove the cloud part of the system by 2035")
            and any(c.dep_ in ("compound", "amod") and c.lower_ in SERVICE for c in g.children)
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
            and any(c.dep_ == "prep" and c.lower_ == "of" and stops_service(list(c.children)) for c in g.children)
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


def supplied_objects(what: list[Token]) -> list[Token]:
    """What stopped supply verbs give: "stopped providing the promised services for legacy devices"
    stops the services."""
    # the first object only: "providing services for legacy Nike wearable devices" is parsed with
    # "devices" as a second object
    return [
        next(o for o in g.children if o.dep_ == "dobj")
        for g in what
        if g.lower_ in SUPPLY and any(o.dep_ == "dobj" for o in g.children)
    ]


def cut_from_service(verb: Token) -> bool:
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
            and (g.lower_ in SERVICE or any(c.dep_ == "compound" and c.lower_ in SERVICE for c in g.subtree))
            for g in p.children
        )
        for p in verb.children
    )


def as_a_service(verb: Token) -> bool:
    """ "discontinue Workrooms as a standalone app": what the verb stops is named as a service."""
    return any(
        p.dep_ == "prep" and p.lower_ == "as" and any(o.dep_ == "pobj" and o.lower_ in SERVICE for o in p.children)
        for p in verb.children
    )


# what a store serves, access to which is the store's service ("access to previously downloaded content")
_STORE_GOODS = frozenset({"content", "purchases", "library", "downloads", "games", "ebooks", "books", "movies"})


def _access_to_service(noun: Token) -> bool:
    return any(
        p.dep_ == "prep"
        and p.lower_ == "to"
        and any(g.dep_ == "pobj" and (stops_service([g]) or g.lower_ in _STORE_GOODS) for g in p.children)
        for p in noun.children
    )


_NETWORKS = frozenset({"network", "networks", "2g", "3g", "4g", "grid", "power", "cellular"})


def dated_shutdown(noun: Token) -> bool:
    """A shutdown named as a noun with its own date ("Automatic's planned shutdown on
    5/28/2020"), not a network's ("the 3G network shutdown in February 2022", "the end of 3G on …")."""
    # (or an app's departure from a platform: "Netflix's impending departure from the PlayStation 3
    # in March 2026")
    leaves = noun.lower_ in ("departure", "exit") and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in noun.children
    )
    # (or the end of a service or a named thing: "the end of Wemo cloud on January 31st 2026")
    ends_service = noun.lower_ == "end" and of_service(noun)
    return (
        (noun.lower_ in SHUTDOWN_NOUNS or leaves or ends_service)
        and not noun.tag_.startswith("VB")
        and not of_a_network([c for c in noun.subtree if c.i < noun.i])
    )


_TELLING = frozenset({"inform", "notify", "warn", "remind", "alert", "tell", "email"})


def told_of_shutdown(verb: Token, date: Token) -> Token | None:
    """The shutdown a verb of telling is "of" or "about", when the date's preposition follows it at once."""
    if lemma(verb) not in _TELLING:
        return None
    prep = date.head if date.dep_ == "pobj" else date
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "about"):
            for noun in p.children:
                if noun.dep_ == "pobj" and dated_shutdown(noun) and max(t.i for t in noun.subtree) + 1 == prep.i:
                    return noun
    return None


def of_a_network(words: list[Token]) -> bool:
    """The words name a network ("the 3G network", "grid"; the tokenizer may cut "3G" into "3" "G")."""
    return any(
        c.lower_ in _NETWORKS or (c.lower_ == "g" and c.i > 0 and c.doc[c.i - 1].text in ("2", "3", "4")) for c in words
    )


# proper nouns, plural ones too ("Trusted Contacts will be shut down")
_PROPER = frozenset({"NNP", "NNPS"})


def company_closes(tok: Token) -> str | None:
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


def no_longer_a_service(tok: Token) -> bool:
    """A negated copula whose complement is a service, or an active or maintained project: the thing
    stops being offered ("will no longer be a service", "this is no longer an active project")."""
    return (
        lemma(tok) in COPULA
        and is_negated(tok)
        and any(
            c.dep_ == "attr"
            and (
                c.lower_ in SERVICE
                or (
                    c.lower_ in ("project", "product")
                    and any(a.dep_ == "amod" and a.lower_ in ("active", "maintained", "supported") for a in c.children)
                )
            )
            for c in tok.children
        )
    )


def said_no_more(tok: Token) -> bool:
    """ "the servers are no more": a copula saying the thing has gone."""
    return lemma(tok) in COPULA and any(
        c.dep_ in ("attr", "acomp", "advmod")
        and c.lower_ == "more"
        and any(g.dep_ == "neg" or (g.dep_ == "det" and g.lower_ == "no") for g in c.children)
        for c in tok.children
    )


def service_stops_after(verb: Token) -> str | None:
    """A clause under the verb, led by "before", in which the maker's service stops ("… have until
    30 June 2025 before the cloud service goes offline"): the words of that clause."""
    for c in verb.children:
        before = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "before" for m in c.children)
        if before and service_subject(c):
            return f"'{clause_text(c, strict=True)}'"
    return None


def _goes_away(tok: Token) -> bool:
    """ "the YouTube Kids app (icon) on your TV will be going away": the maker's service goes."""
    return (
        tok.lower_ in ("go", "goes", "going")
        and any(c.lower_ == "away" for c in tok.children)
        and any(
            stops_service([c]) or any(g.dep_ == "compound" and g.lower_ in SERVICE for g in c.children)
            for c in tok.children
            if c.dep_ == "nsubj"
        )
    )


def service_subject(tok: Token) -> bool:
    """A stopping predicate whose subject is the maker's service for the product ("its service is
    coming to an end", "Slingbox servers will be taken offline"): the product's support ends."""
    if _goes_away(tok):
        return True
    if not (
        is_stop(tok)
        or is_negated(tok)
        or any(lemma(c) in STOP_NOUNS for p in tok.children for c in (p, *p.children))
        or said_no_more(tok)
    ):
        return False  # ("… and its services … will no longer be available after …": a negation stops them too)
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ in ("conj", "xcomp") and not subjects:
        # "… are being discontinued and will no longer be available …", "… are going to shut down …", "… is
        # due to be closed"
        subjects = _subjects_above(tok)
    # "Focals smart glasses and its services": the service among the things stopped
    return any(stops_service([g]) for c in subjects for g in (c, *(x for x in c.children if x.dep_ == "conj")))


# verbs that stop only when what they act on is a service: "close the store", not "close the office"
_SERVICE_STOPS = frozenset(
    {"close", "shutter", "disable", "remove", "eliminate", "break", "broken", "sever", "severed"}
)
# stops that end a service rather than a sale ("discontinued" often ends only the sale)
_SHUTTING = frozenset({"sunset", "sunsette", "retire", "deactivate", "decommission", "disable", "kill"})


def named_thing_shut(tok: Token) -> bool:
    """A thing with a name shut down, switched off, turned down or sunset ("Solis Home/Pro will
    be shut down on 30th April 2023", "Google is turning down the legacy Fitbit Web API"): a named
    app or service ends (not "the factory will be shut down"). Whether that thing is the product
    is for the reader of the page to decide (`DateRole.stopped`)."""
    if not is_stop(tok) or not (
        any(c.lower_ in PARTICLES or c.lower_ == "dark" for c in tok.children)  # ("goes dark")
        or lemma(tok) in _SHUTTING
        or _deprecation_to_come(tok)
        or _ends_of_itself(tok)
    ):
        return False
    # the thing's own name, not a place or owner in a phrase under it ("the factory in Shenzhen")
    # the thing shut is the object, or the subject when there is none ("Solis Home/Pro will be shut down")
    things = [c for c in tok.children if c.dep_ == "dobj"] or _subjects(tok)
    named = [c for c in things if c.tag_ in _PROPER or any(_name_before(g, c) for g in c.children) or _glued_name(c)]
    # an object named by itself is often the maker ("Vorwerk shut down Neato in 2023"): the object
    # must be a thing of the maker's ("the legacy Fitbit Web API")
    # ("the Wii Shop Channel": a name whose last word is a kind of service is the maker's thing too)
    return any(c.dep_ != "dobj" or c.tag_ in ("NN", "NNS") or c.lower_ in _THING_HEADS for c in named)


# stops a named thing can undergo by itself: "Nokia Sync will end on December 5th, 2014"
_ENDING = frozenset({"end", "terminate", "expire", "cease", "conclude"})


def _ends_of_itself(tok: Token) -> bool:
    """A named thing that ends, with nothing it ends named ("Nokia Sync will end on …", "Acme Cloud
    will be terminated on …"), not an offer or a sale ("the Spring Sale ends on …")."""
    if lemma(tok) not in _ENDING or any(c.dep_ in ("dobj", "xcomp", "prt") for c in tok.children):
        return False
    # (support that ends is read as support: "Support for Windows 10 Mobile ended on …")
    subjects = _subjects(tok)
    return not any(TOPIC.match(s.lower_) for s in subjects) and not any(
        of_sale(g) or g.lower_ in _SALE_PLACES for s in subjects for g in s.subtree
    )


def _deprecation_to_come(tok: Token) -> bool:
    """A named thing "will be deprecated" or "is being deprecated" at a date ("Conversational Actions will be
    deprecated on June 13, 2023"): its turndown, announced ahead (not "is deprecated", a state that often
    comes long before the end)."""
    if lemma(tok) != "deprecate":
        return False
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & {"will", "shall", "'ll", "being"})


def _completed_verb(verb: Token) -> Token:
    """The verb an infinitive completes: its head, or the verb over the adjective it completes ("the
    service is due to be closed")."""
    return verb.head.head if verb.head.dep_ == "acomp" else verb.head


def _subjects_above(tok: Token) -> list[Token]:
    """The subjects of the verb a subjectless infinitive completes, or of the verb a conjunct is joined to."""
    holder = _completed_verb(tok) if tok.dep_ == "xcomp" else tok.head
    return [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it completes ("is scheduled to be shut down"), or of the
    verb an adjective it completes hangs from ("is due to be closed"); a relative pronoun stands for the noun
    its clause hangs from ("the Acme Store, which is scheduled …")."""
    holder = verb
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and verb.dep_ == "xcomp":
        holder = _completed_verb(verb)
        found = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [holder.head if c.lower_ in ("which", "that") and holder.dep_ == "relcl" else c for c in found]


def _name_before(g: Token, noun: Token) -> bool:
    """A proper name set before the noun as its name: "the Wii Shop Channel", or in quotation marks, which the
    parser hangs as a modifier ('the "Works with Nest" program')."""
    if g.tag_ not in _PROPER:
        return False
    return g.dep_ == "compound" or (g.dep_ == "nmod" and g.i < noun.i and noun.doc[noun.i - 1].tag_ == "''")


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


def own_project_stops(verb: Token) -> bool:
    """A stop whose subject is "this project" (repository, library…): the code the page is the home of
    ends ("this project is deprecated", "this project should be considered deprecated")."""
    stop = verb if is_stop(verb) else None
    if stop is None and lemma(verb) in ("consider", "considered", "mark", "marked"):
        # ("should be considered deprecated": the stop is the state the project is held to be in)
        stop = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp") and is_stop(c)), None)
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


_RUN = frozenset({"run", "runs", "ran", "running"})


def _runs_out(verb: Token) -> bool:
    """ "support runs out in March 2027", "will run out of updates" (not "ran out of stock": a shortage)."""
    out = next((c for c in verb.children if c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod")), None)
    if out is None:
        return False
    of = [c for c in (*verb.children, *out.children) if c.dep_ == "prep" and c.lower_ == "of"]
    return all(TOPIC.search(subtree_text(c)) for c in of)


def is_stop(tok: Token) -> bool:
    """A stopping predicate: "end", "ceases", "cuts off", "shuts down", "turned off"."""
    w = lemma(tok)
    if w == "withdraw" and any(
        p.dep_ == "prep" and p.lower_ == "from" and any(g.lower_ in _SALE_PLACES for g in p.children)
        for p in tok.children
    ):
        return False  # "withdrawn from marketing effective December 9, 2020": an end of sale
    if w in STOP_LEMMAS or (w.endswith("s") and w[:-1] in STOP_LEMMAS):
        return True
    if w == "close" and any(c.dep_ == "nsubj" and c.lower_ in ("window", "period") for c in tok.children):
        return True  # "the support window closes in December 2028": a stretch of time that ends
    if w == "archive" or _marked_read_only(tok):
        # "This repository is deprecated and will be archived on 2026-03-31" (or "will be marked as read-only
        # repository on November 30th 2023"): its maintenance ends
        # (or a service archived: "all Google Assistant Applets will be archived")
        homes = _CODE_HOMES | (SERVICE if w == "archive" else frozenset())
        if any(c.dep_ == "agent" and any(g.lower_ == "owner" for g in c.subtree) for c in tok.children):
            return False  # "This repository has been archived by the owner on …": the hosting site's banner
        return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in homes for c in tok.children) or (
            tok.dep_ == "conj"
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in homes for c in tok.head.children)
        )
    if w in _SERVICE_STOPS:  # "Reader Store will be closing", "disabling their servers", "remove the app"
        stopped = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")] + particle_objects(tok)
        if not stopped and tok.dep_ in ("xcomp", "conj"):
            # "the API version is going to be removed": the subject sits on "going" (or "Cocoapods support
            # is deprecated and will be removed": on the verb it is joined to; "the service is due to be closed": on
            # the verb over "due")
            stopped = _subjects_above(tok)
        return any(
            stops_service([c])
            or (w in ("remove", "sever") and c.lower_ in ("support", "updates") and not _part_removed(tok, c))
            for c in stopped
        )  # ("has removed the Windows Phone 8.1 support", "sever all remaining support": the support is taken away)
    if w.startswith("pull") and any(c.dep_ == "dobj" and c.lower_ == "plug" for c in tok.children):
        return True  # "pulled the plug on its Echo Connect"
    if w.startswith("pull") and any(c.dep_ == "dobj" and c.lower_ in ("support", "updates") for c in tok.children):
        return True  # "the decision to pull all support for its Harmony Link system in March 2018"
    if tok.lower_ in ("go", "goes", "went", "gone", "going") and any(c.lower_ == "dark" for c in tok.children):
        return True  # "Whistle's cloud goes dark August 31, 2025"
    if _goes_away(tok) or _said_over(tok):
        return True
    if tok.lower_ in _RUN and any(c.lower_ == "dry" for c in tok.children):
        return True  # "the Pixel Watch 2 runs dry in October of 2025"
    if tok.lower_ in _RUN and _runs_out(tok):
        return True
    # the particle may be parsed as a preposition without an object ("shuts down the service")
    particles = [
        c
        for c in tok.children
        if c.lower_ in PARTICLES
        and (
            c.dep_ in ("prt", "advmod", "acomp", "oprd")
            or (c.dep_ in ("prep", "dobj") and all(g.dep_ == "pobj" for g in c.children))
        )
    ]
    if not tok.tag_.startswith("VB") or not particles:
        return False
    # "offline" may be for a while ("offline for maintenance"): only for good, or the maker's servers
    return any(c.lower_ != "offline" for c in particles) or any(
        c.lower_ in ("permanently", "forever") or (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SERVICE)
        for c in tok.children
    )


# a copula's word that says the thing is over: "Support for the Acme Hub is over as of …", "The service has been defunct
# since …"
_OVER = frozenset({"over", "defunct"})
_COPULA_OR_BEEN = COPULA | {"been"}


def _said_over(tok: Token) -> bool:
    """The support, updates or the maker's service are said to be over (or defunct) with a copula."""
    return (
        tok.lower_ in _COPULA_OR_BEEN
        and any(c.lower_ in _OVER and c.dep_ in ("advmod", "acomp", "prt", "oprd") for c in tok.children)
        and any(
            c.dep_ == "nsubj" and (c.lower_ in ("support", "updates", "maintenance") or c.lower_ in SERVICE)
            for c in tok.children
        )
    )


def _marked_read_only(tok: Token) -> bool:
    """ "The repo will be marked as read-only repository on …": archived by another name."""
    if lemma(tok) not in MARKING:
        return False
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text
    return re.search(r"\bread\s*-?\s*only\b", span, re.I) is not None


_DESCRIBING = frozenset(
    {"provide", "provides", "power", "powers", "run", "runs", "serve", "serves", "deliver", "delivers"}
)


def stop_of_described_service(gov: Token, date_tokens: set[int]) -> str | None:
    """A date in a clause that describes what a service does ("the service that provides …"),
    whose noun a stop takes as its object with no date of its own: the stop's words."""
    if gov.lower_ not in _DESCRIBING or gov.dep_ != "relcl" or gov.head.dep_ != "dobj":
        return None
    noun, verb = gov.head, gov.head.head
    if not (is_stop(verb) and stops_service([noun])):
        return None
    if any(t.i in date_tokens for t in verb.subtree if t not in gov.subtree):
        return None
    particle = "".join(f" {c.text}" for c in verb.children if c.dep_ == "prt")
    return f"{verb.text}{particle} {' '.join(t.text for t in noun.subtree if t not in gov.subtree)}"


def of_service(noun: Token) -> bool:
    """A stop noun of the maker's service or of a named thing: "the end of mylife cloud",
    "the shutdown of the Lightify servers"."""
    return any(
        g.dep_ == "pobj"
        and (stops_service([g]) or g.tag_ == "NNP" or any(x.dep_ == "compound" and x.tag_ == "NNP" for x in g.children))
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
    )


def service_goes_on(chain: list[Token]) -> str | None:
    """A clause whose subject is the maker's service and whose verb goes on ("the server will
    continue", "the cloud remains online"): the service's text, else None."""
    for v in chain:
        if lemma(v) in CONTINUE or v.lower_ in (
            "continues",
            "continued",
            "remains",
            "remained",
            "keeps",
            "run",
            "runs",
        ):
            subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and stops_service(subjects):
                return " ".join(t.text for t in subjects[0].subtree)
        if lemma(v) in _RECEIVE and (v.head is not v and lemma(v.head) in CONTINUE):
            # "they will continue to receive service until July 1, 2020": the service goes on to the date
            served = [c for c in v.children if c.dep_ == "dobj"]
            if served and stops_service(served):
                return " ".join(t.text for t in served[0].subtree)
    return None


_RECEIVE = frozenset({"receive", "get", "have", "access"})
