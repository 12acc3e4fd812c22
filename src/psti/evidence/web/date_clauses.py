"""What the clauses above a date say: the words that stop something, the product ceasing to work,
stops of something other than the product's updates, negation, "takes effect", and whether the
clauses are about support or updates at all.

`support_tree` walks up from a date through the predicates that govern it
(`tree_walk.predicate_levels`); `read_clauses` reads each level's words, in the order they come,
into a `ClauseReading` that the date role's later steps weigh (so the first stop word found is the
one a finding quotes). Each kind of word has a step of its own: the product ceasing
(`_reads_ceasing`), the maker's own stops of its service or project (`_reads_own_stop`), what a
stopping verb stops (`_reads_what_stops`), a stop shared by a joined verb (`_reads_joined_stop`)
and an end named by its noun (`_reads_end_noun`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from psti.evidence.web.cross_sentence import support_ended_before
from psti.evidence.web.end_exclusions import (
    end_of_sale,
    refuses_new,
    said_for_now,
    stops_sales,
    support_for_other,
    withholds_other,
)
from psti.evidence.web.end_statements import (
    copula_subject_on_topic,
    end_date_noun,
    end_milestone,
    period_of_updates,
    shared_stop,
    with_no_updates,
)
from psti.evidence.web.product_ceases import (
    becomes_broken,
    ceases_to_function,
    cut_from_app,
    is_unavailable,
    left_broken,
    loses_ability,
    loses_service,
    loses_use,
    loss_after,
    only_off_sale,
    out_of_support,
    said_unavailable,
    shared_ceasing,
    unable_to_use,
    whole_function_object,
)
from psti.evidence.web.service_shutdown import (
    as_a_service,
    company_closes,
    cut_from_service,
    is_stop,
    named_thing_shut,
    no_longer_a_service,
    of_service,
    own_project_stops,
    said_no_more,
    service_subject,
    stops_service,
    supplied_objects,
)
from psti.evidence.web.tree_walk import (
    clause_text,
    head_phrase,
    is_negated,
    noun_phrase_of,
    particle_objects,
    predicate_words,
    subtree_text,
)
from psti.evidence.web.tree_words import (
    AVAILABLE,
    EXPECTING,
    FUNCTIONS,
    MARKING,
    PARTICLES,
    REACH,
    STAND_IN_TAGS,
    STOP_NOUNS,
    SUPPLY,
    TOPIC,
    lemma,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# a change that "takes effect" or is "effective" at the date
EFFECT = frozenset({"effect", "effective"})

_BRICKING = frozenset({"brick", "bricks", "bricked", "bricking"})

_RETIRING = frozenset({"retire", "sunset", "sunsette", "decommission", "deactivate"})


@dataclass
class ClauseReading:
    """What the predicates above a date say, filled in word by word as the walk goes up: the
    role's later steps decide from these whether the date ends support, the product, or nothing."""

    stop_words: list[str] = field(default_factory=list)  # the stops of the product, its support or its service
    unrelated: list[str] = field(default_factory=list)  # stops of something else ("stopped its support for new apps")
    ceases: list[str] = field(default_factory=list)  # the product stops working ("will no longer function")
    texts: list[str] = field(default_factory=list)  # each level's clauses, read for the topic
    negated: bool = False  # a predicate negated ("will no longer support")
    effect: bool = False  # something "takes effect" (not an end of sale)
    supply_negated: bool = False  # a supply withheld, not the product only ceasing
    off_sale: bool = False  # what is negated is only sale ("no longer be available to download")
    topic: bool = False  # the clauses are about support or updates


def read_clauses(
    levels: list[tuple[list[Token], Token, bool]], gov: Token, tok: Token, date_tokens: set[int], previous: str
) -> ClauseReading:
    """Read the predicate levels above a date (`gov` the word it attaches to, `tok` the date) into
    one `ClauseReading`; `previous` is the sentence before, for words that stand for what it said."""
    r = ClauseReading()
    for chain, up, through_and in levels:
        _read_level(r, chain, up, through_and, gov, date_tokens, previous)
    r.effect = r.effect and not r.off_sale
    if (loss := loss_after(tok, date_tokens)) is not None:
        r.ceases.append(loss)
    return r


def _read_level(
    r: ClauseReading,
    chain: list[Token],
    up: Token,
    through_and: bool,
    gov: Token,
    date_tokens: set[int],
    previous: str,
) -> None:
    """One level of the walk: its clauses count for the topic; its words, unless it is only joined
    by "and", count as stops, negations and effects, word by word in the order each step reads them."""
    ctext = clause_text(up)
    # (an expectation's clause is read with it: "we expect Roku to no longer support the PAL SDK")
    ctext += "".join(f" {clause_text(c)}" for c in chain if c.dep_ == "ccomp" and c.head.lower_ in EXPECTING)
    r.texts.append(ctext)
    r.topic = r.topic or bool(TOPIC.search(ctext)) or copula_subject_on_topic(up)
    if through_and:
        return
    r.negated = r.negated or any(is_negated(c) and not refuses_new(c) and not only_off_sale(c) for c in chain)
    # "will no longer receive updates" withholds a supply; "will no longer work" only ends the product
    # (nor does "will no longer be able to print")
    r.supply_negated = r.supply_negated or any(
        is_negated(c) and not ceases_to_function(c, date_tokens) and not loses_use(c) for c in chain
    )
    for c in chain:
        c_stops, c_negated = is_stop(c), is_negated(c)  # (asked of each word many times below)
        _reads_ceasing(r, c, c_stops, c_negated, gov, date_tokens)
        _reads_own_stop(r, c, c_stops, c_negated)
        if c_stops or lemma(c) in STOP_NOUNS:
            _reads_what_stops(r, c, date_tokens, previous)
    for c in chain:
        _reads_joined_stop(r, c, date_tokens)
    for c in chain:  # "come to an end", "reach the end of life"
        _reads_end_noun(r, c, date_tokens)
    # "will no longer be available to download … effective January 28, 2015": what takes effect is an end of sale
    r.off_sale = r.off_sale or any(is_negated(c) and only_off_sale(c) for c in chain)


def _reads_ceasing(
    r: ClauseReading, c: Token, c_stops: bool, c_negated: bool, gov: Token, date_tokens: set[int]
) -> None:
    """The product itself ceasing to work, or to be usable, at the date (nothing continues after it,
    updates included, though it is no stated end of support), or becoming unsupported."""
    # "will no longer function after …" (not "isn't currently working": an outage)
    if ceases_to_function(c, date_tokens) and c_negated and not said_for_now(c):
        r.ceases.append(c.text)
    if lemma(c) in ("become", "becomes", "became") and any(
        ch.dep_ in ("acomp", "attr", "oprd") and ch.lower_ in ("unsupported", "unmaintained", "obsolete")
        for ch in c.children
    ):
        r.stop_words.append(f"{c.text} unsupported")  # "your system will become unsupported"
        r.topic = True
    if out_of_support(c):
        r.stop_words.append("out of support")  # "as the v1 goes out of support in July 2020"
        r.topic = True
    if c_negated and is_unavailable(c):  # "will no longer be available from July 2024", "… be functional"
        r.ceases.append(f"no longer {predicate_words(c, AVAILABLE)[0].lower_}")
    if (unavailable := said_unavailable(c)) is not None:  # "security patches are unavailable after 2022-01-01"
        r.ceases.append(unavailable)
    if c.lower_ in _BRICKING and any(g.dep_ == "dobj" for g in c.children):
        r.ceases.append(c.text)  # "will be deliberately bricking every unit of the Harmony Link on …"
    if c == gov and becomes_broken(c):  # "will become inoperable on November 9, 2022"
        r.ceases.append(c.text)  # (not "become useless …, such as Hive cameras in 2025": an example's date)
    if c == gov and c_stops and (broken := left_broken(c)) is not None:
        # "will be discontinued at the end of 2024, rendering the hardware inoperable": the stop leaves
        # the product broken, so it is no end of sale
        r.ceases.append(broken.text)
    if (c_negated and loses_use(c)) or unable_to_use(c) or loses_ability(c) or loses_service(c) or cut_from_app(c):
        # "will no longer be able to unlock …", "will lose the ability to carry out key functions"
        r.ceases.append(c.text)


def _reads_own_stop(r: ClauseReading, c: Token, c_stops: bool, c_negated: bool) -> None:
    """The maker's own stops, said of its service, its company, its product or its project rather
    than of updates: each makes the clause one about support. Also updates withheld for other things
    (unrelated) and a function of the product disabled (the product ceasing)."""
    if c_negated and withholds_other(c):
        r.unrelated.append(c.text)
    if c_negated and c.lower_ in SUPPLY and stops_service([g for g in c.children if g.dep_ == "dobj"]):
        r.topic = True  # "Hive will not be offering services in North America"
    if no_longer_a_service(c):
        r.stop_words.append("no longer a service")  # "Google Cloud IoT Core will no longer be a service on …"
        r.topic = True
    if (closing := company_closes(c)) is not None:
        r.stop_words.append(closing)  # "Automatic is going out of business by …", "Aerogarden … will close as of …"
        r.topic = True
    if (lemma(c) == "archive" or lemma(c) in MARKING) and c_stops:
        # "This repository is deprecated and will be archived on …" (or "marked as read-only"): its
        # upkeep ends
        r.topic = True
    if service_subject(c) or named_thing_shut(c):
        r.topic = True  # "its service is coming to an end", "Solis Home/Pro will be shut down on …"
        if said_no_more(c):
            r.stop_words.append("no more")  # "the Acurite servers are no more"
    if lemma(c) in _RETIRING and any(
        g.dep_ in ("nsubj", "nsubjpass")
        and g.lower_ in ("product", "service", "app")
        and any(d.lower_ in ("the", "this") for d in g.children)
        for g in c.children
    ):
        r.stop_words.append(lemma(c))  # "The product will retire on 1st April 2021": the page's own product
        r.topic = True
    if own_project_stops(c):
        r.stop_words.append(lemma(c))  # "As of 27th June 2024 this project is deprecated": the page's own code
        r.topic = True
    if (
        c.dep_ == "acl"
        and c.tag_ in ("VBN", "VBD")
        and c_stops
        and TOPIC.search(" ".join(t.text for t in noun_phrase_of(c)))
    ):
        # "Support for the Pebble app store, …, and voice replies ceased in June 2018"
        r.stop_words.append(c.text)
        r.topic = True
    if c_stops and any(g.dep_ == "nsubj" and g.lower_ in ("life", "lifecycle") for g in c.children):
        r.stop_words.append(f"life {c.text}")  # "But its life ended in April 2023": an end of life
        r.topic = True
    if c_stops and any(
        g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in FUNCTIONS or whole_function_object(g) for g in c.children
    ):
        r.ceases.append(c.text)  # "until Wi-Fi functionality is automatically disabled on July 31, 2021"


def _reads_what_stops(r: ClauseReading, c: Token, date_tokens: set[int], previous: str) -> None:
    """A stopping verb (or stop noun) read by what it stops: the product, its service or its support
    make it a stop about support; a sale, support for other things or anything else make it unrelated."""
    # what stops: "stopped working on the platform" stops something other than updates
    # (not the particle of "taken offline", which the parser may read as an object)
    what = [
        g
        for g in c.children
        if g.dep_ in ("dobj", "xcomp")
        and g.lower_ not in PARTICLES
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
    what += [g for g in particle_objects(c) if g.i not in date_tokens]
    if any(g.lower_ == "plug" for g in what):
        # "pulled the plug on its Echo Connect": the product or its service is switched off
        r.stop_words.append("pull the plug")
        r.topic = True
        return
    if what and all(ceases_to_function(g, date_tokens) for g in what):
        r.ceases.append(c.text)  # "will stop working from April 8, 2024"
    elif stops_sales(c):
        r.unrelated.append(c.text)  # "with final sales ending December 31, 2022": an end of sale
    elif what and all(support_for_other(g) for g in what):
        r.unrelated.append(c.text)  # "stopped its support for new apps": not the product's updates
    elif what and all(g.tag_ in STAND_IN_TAGS for g in what) and TOPIC.search(previous):
        # "… to support with software updates. The company says it will stop this in May":
        # the word stands for the support the sentence before names
        r.stop_words.append(lemma(c))
        r.topic = True
    elif what and (
        stops_service(what)
        or stops_service(supplied_objects(what))
        or named_thing_shut(c)
        or cut_from_service(c)
        or as_a_service(c)
    ):
        # "shut down its service", "turning down the legacy Fitbit Web API": the service ends
        r.stop_words.append(lemma(c))
        r.topic = True
    elif what and all(support_ended_before(g, previous) for g in what):
        # "We will discontinue the support for this type of authentication … We plan to turn
        # off the authentication on December 4th 2023": the thing whose support ends goes
        r.stop_words.append(lemma(c))
        r.topic = True
    elif what and not any(TOPIC.search(subtree_text(g)) for g in what):
        r.unrelated.append(c.text)
    elif not what and c.dep_ in ("relcl", "acl"):
        # a relative clause stops its noun: "a certificate licence that expires in March
        # 2018" (not updates), "security support that expires in March 2029" (updates),
        # "had its service terminated in North America on August 11th, 2015" (the service)
        # "a message that the portal was being shut down in May 2026" (its own subject)
        # (or a named thing shut down: "paths for Conversational Actions, which are being deprecated on June 13, 2023")
        if (
            TOPIC.search(head_phrase(c))
            or stops_service([c.head])
            or service_subject(c)
            or period_of_updates(c.head)
            or named_thing_shut(c)
        ):
            # (a plain period in a clause about updates is theirs: "supported with security
            # updates for a minimum period ending 31/12/2027")
            r.stop_words.append(lemma(c))
            r.topic = True
        else:
            r.unrelated.append(c.text)
    else:
        r.stop_words.append(lemma(c))


def _reads_joined_stop(r: ClauseReading, c: Token, date_tokens: set[int]) -> None:
    """A stop said beside the word: a verb joined by "and" that shares the date, "with no further
    updates", or a named maker that "is no more"."""
    shared = shared_ceasing(c, date_tokens)
    if shared is not None:
        r.ceases.append(shared)
    if (joined_stop := shared_stop(c, date_tokens)) is not None:
        r.stop_words.append(joined_stop)  # "in 2012, the Boxee guys quit … and ceased supporting the device"
        r.topic = True
    if (without := with_no_updates(c)) is not None:
        r.stop_words.append(without)  # "production ends in September 2026 with no further firmware updates"
        r.topic = True
    if said_no_more(c) and any(g.dep_ == "nsubj" and g.tag_ in ("NNP", "NNPS") for g in c.children):
        r.stop_words.append("no more")  # "As of June 17th, 2020, Lockitron is no more."
        r.topic = True


def _reads_end_noun(r: ClauseReading, c: Token, date_tokens: set[int]) -> None:
    """An end named by its noun ("come to an end", "reach the end of life", "announced the end of
    mylife cloud"), and "takes effect" or "effective", which dates a change."""
    for ch in c.children:
        if (
            ch.dep_ in ("prep", "dobj", "attr")
            and not end_of_sale(ch)
            and (
                lemma(ch) in STOP_NOUNS
                or end_milestone(ch)
                or (ch.dep_ == "dobj" and c.lower_ in REACH and end_date_noun(ch) is not None)
                or any(
                    lemma(g) in STOP_NOUNS and not any(x.i in date_tokens for x in g.subtree)
                    for g in ch.children
                    if g.dep_ == "pobj"
                )  # (not "until the end of September 2026", a time)
            )
        ):
            r.stop_words.append("end" if ch.dep_ == "prep" else ch.text)
            if ch.dep_ in ("dobj", "attr") and of_service(ch):
                r.topic = True  # "announced the end of mylife cloud by end of 2026"
        if ch.lower_ in EFFECT:
            r.effect = True
    r.effect = r.effect or c.lower_ in EFFECT
