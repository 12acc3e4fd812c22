"""Ends stated in other words than a plain "until" or "stop … in".

The last update released or named the last ("The last security update … was released on …"), a
copula whose subject is an end ("The end of support date is …", "that end date"), nouns of end
dates, a stop noun that "will occur" or is "scheduled for" the date, the release of an update
that an end begins with or that drops support, a move the user must make by a date to keep using
the product, an end moved to a new date, "that milestone" standing for an end, a stop that
begins, a stop shared by a verb joined with "and", and `stops_updates`: a negated supply or a
stop whose own clause is about support or updates. Each returns the words that decided, or
None; `support_tree` weighs them with the other readings of a date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from psti.evidence.web.end_exclusions import end_of_sale
from psti.evidence.web.service_shutdown import (
    PRODUCT_SERVICES,
    is_stop,
    named_thing_shut,
    of_a_network,
    of_service,
    stops_service,
)
from psti.evidence.web.tree_walk import bare_conjuncts, clause_root, clause_text, is_negated, subtree_text, verb_above
from psti.evidence.web.tree_words import (
    ARRIVES,
    COPULA,
    EVENT_LEMMAS,
    GETS,
    PLANNED,
    REACH,
    SERVICE,
    SHUTDOWN_NOUNS,
    STOP_LEMMAS,
    STOP_NOUNS,
    STOP_SAID,
    TO_KEEP_USING,
    TOPIC,
    UNTIL,
    lemma,
    of_sale,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def with_no_updates(verb: Token) -> str | None:
    """A stop that comes "with no further firmware updates": the updates end with it."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("with", "and"):
            for g in p.children:
                said = subtree_text(g)
                if g.dep_ == "pobj" and any(d.lower_ == "no" for d in g.children) and TOPIC.search(said):
                    return f"with {said}"
    return None


def shared_stop(verb: Token, date_tokens: set[int]) -> str | None:
    """A verb joined by "and", with no subject or date of its own, that stops support or updates
    shares the date of the verb it joins: "in 2012, the Boxee guys quit on the userbase and ceased
    supporting the device"."""
    for c in bare_conjuncts(verb):
        if not is_stop(c) or any(g.dep_ in ("aux", "auxpass") for g in c.children):
            continue  # (not "shut down Neato in 2023 and is ending cloud support": a time of its own)
        if any(t.i in date_tokens for t in c.subtree):
            continue
        what = [g for g in c.children if g.dep_ in ("dobj", "xcomp")]
        if what and any(TOPIC.search(subtree_text(g)) for g in what):
            return f"{c.text} {what[0].text}"
    return None


_ABOUT_AN_END = re.compile(TOPIC.pattern + r"|\bend\s+date|\bservices?\b|\bshut", re.I)


def _hyphened(tok: Token) -> str:
    """A hyphened word the tokenizer split and whose last part the parser made the head ("switch - off"), joined."""
    doc, i = tok.doc, tok.i
    return f"{doc[i - 2].lower_}-{tok.lower_}" if i >= 2 and doc[i - 1].text == "-" else ""


def _end_named_by(subject: Token, previous: str) -> str | None:
    """A copula's subject that names an end, for the date the copula gives it: "that end date" after
    a sentence about the service's end, "the shutdown of the Acme cloud", "the end" (not "the end of the
    promotion", nor "the end of sale")."""
    if end_of_sale(subject):
        return None
    phrase = subject.doc[subject.left_edge.i : subject.i + 1].text
    if subject.lower_ in ("date", "dates") and re.search(r"\bend\s+dates?$", phrase, re.I):
        return phrase if _ABOUT_AN_END.search(previous) else None
    if lemma(subject) in STOP_NOUNS or subject.lower_ in SHUTDOWN_NOUNS or _hyphened(subject) in STOP_NOUNS:
        of = [
            g for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
        if not of or any(
            g.lower_ == "life" or g.tag_ in ("NNP", "NNPS") or g.lower_ in SERVICE or TOPIC.search(g.text) for g in of
        ):
            return " ".join(t.text for t in subject.subtree if t.i <= (of[0].i if of else subject.i))
    return None


_LAST_UPDATE = re.compile(
    # (not the "last update notes", a text about one)
    r"\b(?:last|final)\b(?:\s+\w+){0,3}\s+(?:update|patch|release|firmware|build)(?!s?\s+(?:notes?|logs?|schedule|details|info))|"
    r"\bend\s+of\s+(?:support|life|service|updates)\b|"
    r"\beol\b|\bsupport\s+end|\blast\s+day\s+of\s+(?:service|support|operation|updates)\b",
    re.I,
)


# a copula's subject that is the support period or its end: "The minimum security update period is 31 December
# 2028", "The end date of the support period is …", "The support period end date is …" (not its start)
_PERIOD_END_SUBJECT = re.compile(
    r"^(?:the\s+|its\s+|our\s+)?(?:(?:minimum|defined|guaranteed)\s+)*(?:(?:security|software|firmware)\s+)?"
    r"(?:updates?|support)\s+period\b(?!\s+(?:start|begin))|"
    r"\bend(?:\s+date)?\s+(?:of|for)\s+(?:the\s+|its\s+)?(?:(?:minimum|defined|guaranteed)\s+)*"
    r"(?:(?:security|software|firmware)\s+)?(?:updates|support|(?:updates?|support)\s+period)\b",
    re.I,
)


_RELEASING = frozenset({"release", "publish", "issue", "ship", "push", "roll", "deliver"})
_SHARING = frozenset({"share", "shares", "shared", "provide", "provides", "provided", "send", "sends", "sent"})


def last_update_released(verb: Token) -> str | None:
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
            and (lemma(copula) in COPULA or copula.lower_ in ("being", "remain"))
            and (said := _said_last(copula, "attr" if noun.dep_ != "attr" else "nsubj")) is not None
        ):
            return said
    return None


def _said_last(copula: Token, dep: str) -> str | None:
    """The words of the copula's `dep` side ("was the last update") when they name the last update."""
    for named in (c for c in copula.children if c.dep_ == dep):
        said = subtree_text(named)
        if _LAST_UPDATE.search(said):
            return said
    return None


_SAID_ENDED = re.compile(r"\b(?:come\s+to\s+an\s+end|came\s+to\s+an\s+end|(?:has|have|had)\s+(?:now\s+)?ended)\b", re.I)


# verbs that say what an update stands as ("represents the final patch", "marks the last update")
_STANDS_AS = frozenset({"represent", "represents", "represented", "marks", "marked", "constitutes", "constituted",
                        "becomes", "became"})  # fmt: skip
_SERVE = frozenset({"serve", "serves", "served"})
# after a year, that it is the last of support ("2024 is the last year of security updates"), read from the
# words since the parser seldom takes a year for a subject
_YEAR_SAID_LAST = re.compile(
    r"\s+(?:is|was|will\s+be)\s+(?P<said>the\s+(?:last|final)\s+year\s+of\s+(?:\w+\s+){0,2}(?:support|updates|patches))\b",
    re.I,
)


def update_named_last(tok: Token) -> str | None:
    """The date names an update ("March 2023 security update") that a copula, or a verb such as
    "represents" or "served as", says was the last one, or is itself the subject said to be the last
    year of updates: the words that say so."""
    if re.fullmatch(r"(?:19|20)\d\d", tok.text) and (
        said_last := _YEAR_SAID_LAST.match(tok.doc.text, tok.idx + len(tok.text))
    ):
        # "which means 2024 is the last year of security updates"
        return said_last.group("said")
    update = tok.head
    if tok.dep_ not in ("nmod", "compound", "npadvmod") or update.lower_ not in ("update", "patch", "release"):
        return None
    # "served as the final update": the parser may hang the verb from the update it is said of
    served = [c for c in update.children if c.dep_ == "acl" and c.lower_ in _SERVE]
    if update.dep_ == "nsubj" and update.head.lower_ in _SERVE:
        served.append(update.head)
    for verb in served:
        for as_ in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            if (said := _said_last(as_, "pobj")) is not None:
                return said
    if update.dep_ != "nsubj":
        return None
    if update.head.lower_ in _STANDS_AS:
        return _said_last(update.head, "dobj")
    if lemma(update.head) not in COPULA:
        return None
    return _said_last(update.head, "attr")


def last_update_subject(verb: Token, previous: str = "") -> str | None:
    """A copula whose subject is the last update or the end of support ("The last guaranteed
    security update is October 2016", "End of service is March 29th", "The shutdown date is …"),
    or the date of a shutdown the sentence before names ("… stranded by the Reciva shutdown. The
    official date was April 30, 2021"): the subject's words."""
    if lemma(verb) in ARRIVES and not is_negated(verb):
        # "its final update will arrive in December 2025": when the last update is to come is the end
        # (not "the last software update came in November 2022", a past update, not a stated end)
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
            return None
        for c in verb.children:
            words = subtree_text(c)
            if c.dep_ == "nsubj" and _LAST_UPDATE.search(words):
                return words
        return None
    # (the modal may sit on the verb the "and" joins: "They should go up to Android 16 and receive …")
    modal_on = [verb, verb.head] if verb.dep_ == "conj" and verb.head.tag_.startswith("VB") else [verb]
    if lemma(verb) in GETS and (
        any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "should") for v in modal_on for c in v.children)
        or _said_as_now(verb)
    ):
        # "the Galaxy Note 20 will receive its final update in 2024", "the Pixel Watch is receiving its final update
        # in October 2025": when the last update comes (not "got its final update", a past one)
        for c in verb.children:
            words = subtree_text(c)
            if c.dep_ == "dobj" and _LAST_UPDATE.search(words) and not is_negated(verb):
                return words
        return None
    if lemma(verb) not in ("be", "is", "was", "will") and verb.lower_ not in ("is", "was", "be", "are"):
        return None
    holders = [verb]
    if verb.dep_ == "xcomp" and verb.head.lower_ in _BOUND_TO:
        holders.append(verb.head)  # "the official shutdown is going to be 18th January 2023"
    for c in (c for h in holders for c in h.children):
        if c.dep_ in ("nsubj", "nsubjpass"):
            words = subtree_text(c)
            if _LAST_UPDATE.search(words) or end_date_noun(c) or _PERIOD_END_SUBJECT.search(words):
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


def last_update_planned(gov: Token) -> str | None:
    """The last update, or the end of support, said to be expected, scheduled or due at the date
    ("The final security patch is expected in March 2027", "the last update is due in June 2026"):
    the subject's words. Not a plan told as past ("was expected in 2020"), nor one withheld."""
    planned = gov.lower_ in PLANNED or (
        lemma(gov) in COPULA and any(c.dep_ == "acomp" and c.lower_ in PLANNED for c in gov.children)
    )
    if not planned or is_negated(gov) or gov.tag_ == "VBD":
        return None
    auxes = [c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("was", "were", "had") for a in auxes) or (gov.tag_ == "VBN" and not auxes):
        return None
    for c in gov.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            words = subtree_text(c)
            if _LAST_UPDATE.search(words):
                return words
    return None


def _said_as_now(verb: Token) -> bool:
    """The verb in the present, as a schedule is told: "receives", "is receiving" (not "received", "has got")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re") for c in verb.children)


# a verb over "to be" that only says the time is set or expected ("is going to be", "is scheduled to be")
_BOUND_TO = frozenset({"going", "expected", "set", "scheduled", "planned", "slated", "due"})

# a stop named in a sentence, for a date given in the next one
_STOP_NAMED = re.compile(
    r"\bshut\s*down|\bshutdown|\bdiscontinu\w+|\bsunset\w*|\bclosure|\bswitch-?off|\bend\s+of\s+(?:life|support|service)",
    re.I,
)

# "EOL date", "end-of-life dates", "AUE date", "auto update expiration date", "support end date"
_END_DATE_WORDS = re.compile(
    r"(?:\beol|\bend[\s-]*of[\s-]*(?:life|support|service|updates?|security[\s-]+updates?)|\baue|expir\w*|expiry|"
    r"(?:support|service|update)s?\s+end|\bsunset|\bshutdown|cut-?off|retirement|discontinuation|closure|termination|"
    r"\bkill)"
    r"(?:\s*\(\s*\w{2,6}\s*\))?\s*dates?$",
    re.I,
)


def relative_antecedent(verb: Token) -> Token | None:
    """The dates a relative clause is about, when they stand in brackets for the end dates before
    them: "AUE dates of 2022 (dates that have since been pushed to June 2025)"."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lower_ not in ("date", "dates") or noun.i < 1 or noun.doc[noun.i - 1].text != "(":
        return None
    before = noun.doc[max(0, noun.i - 8) : noun.i - 1].text
    ends = (_END_DATE_WORDS.search(before[: m.end()]) for m in re.finditer(r"\bdates?\b", before))
    return noun if any(ends) else None


def end_date_noun(noun: Token) -> str | None:
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
                and lemma(g) in STOP_NOUNS
                # (the end of a service or a named thing, or of nothing named: not "of the lease")
                and (not any(c.dep_ == "prep" and c.lower_ == "of" for c in g.children) or of_service(g))
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


_SCHEDULED = frozenset({"scheduled", "planned", "set", "slated", "due", "expected", "timed"})

_HAPPEN = frozenset(
    {"occur", "occurs", "occurred", "occurring", "happen", "happens", "happened", "happening", "come", "comes",
     "follow", "follows"}  # ("The discontinuation will then follow on PlayStation Vita on August 27, 2021")
)  # fmt: skip
# a stop that "will be completed" or "finished" by the date is over then ("The shutdown of the Acme cloud will be
# completed by December 31, 2022")
_DONE = frozenset({"completed", "complete", "finalized", "finalised", "finished", "concluded"})
_SET_FOR = PLANNED | {"announced"}  # "This is announced to be on …", as "was scheduled to …"
# a stop's noun as written, beside the lemmas of `STOP_NOUNS` ("decommissioning", "cut-off")
_STOP_NOUN_FORMS = SHUTDOWN_NOUNS | {"cutoff", "cut-off"}
_PRODUCT_ENDED = re.compile(r"\b(?:sunset\w*|discontinu\w*|end[- ]of[- ]life|eol)\b", re.I)
# the maker's service named ("the Basis Peak services will be turned off"), or its support or updates
SERVICE_WORD = re.compile(r"\b(?:services?|servers?|cloud|apis?|apps?|platforms?)\b", re.I)
_SERVICE_OR_SUPPORT = re.compile(rf"{SERVICE_WORD.pattern}|\b(?:support|updates?)\b", re.I)


def stop_happens(date: Token, previous: str) -> str | None:
    """A stop named as a noun that "will occur", "will happen" or "will take place" at the date,
    after a sentence that stops the maker's service or support: the words that tie them."""
    verb = date.head.head if date.dep_ == "pobj" else date.head if date.dep_ in ("npadvmod", "dobj") else None
    if verb is not None and verb.lower_ == "be" and verb.dep_ == "xcomp" and verb.head.lower_ in _SET_FOR:
        verb = verb.head  # "This is announced to be on December 2nd 2024": the stop is set for the date
    elif verb is None or not (
        verb.lower_ in _HAPPEN
        or verb.lower_ in _DONE
        or (verb.lower_ == "be" and any(c.dep_ == "acomp" and c.lower_ in _DONE for c in verb.children))
        or (lemma(verb) == "take" and any(c.lower_ in ("place", "effect") for c in verb.children))
    ):
        return None
    elif lemma(verb) == "take" and verb.dep_ in ("xcomp", "advcl") and verb.head.lower_ in _SET_FOR:
        verb = verb.head  # "with the discontinuation set to take effect on …": the subject is the head's
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.lower_ in _DONE and verb.dep_ == "xcomp":
        # "The Acme Hub's shutdown is expected to be completed by …": the subject is the head's
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head  # "the sunsetting of non-certified channels, which will occur on …"
    # (the stop may be said earlier in the date's own sentence: "will bring an end to all cloud-based
    # functionalities …, with the discontinuation set to take effect on …")
    if subject is not None:
        previous = f"{previous} {date.doc[: subject.i].text}"
    # (or "This will happen on 30 June 2025" after "The Acme Hub will stop receiving updates.")
    stop_noun = subject is not None and (lemma(subject) in STOP_NOUNS or subject.lower_ in _STOP_NOUN_FORMS)
    if subject is None or not (stop_noun or subject.lower_ in ("this", "that", "it")):
        return None
    if not stop_noun:
        # a pronoun stands for the stop only when the sentence before stops a service or support
        if not (STOP_SAID.search(previous) and _SERVICE_OR_SUPPORT.search(previous)):
            return None
        return f"'{subject.text} … {verb.text}': the stop the sentence before names, at '{date.text}'"
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        return f"the {subject.text} of what it names, at '{date.text}'"  # "The turndown of Acme Actions …"
    if verb.lower_ in _DONE and any(c.dep_ == "poss" and c.tag_ in ("NNP", "NNPS") for c in subject.children):
        return f"the {subject.text} of what it names, at '{date.text}'"  # "The Acme Hub's shutdown … completed by"
    # the sentence before stops a service, or ends a product with a word kept for products ("Acme is
    # sunsetting Acme Actions, which … . … the turndown is occurring on June 13, 2023"); "shutting
    # down its office" or "retiring" ends no product
    if not (STOP_SAID.search(previous) and (_SERVICE_OR_SUPPORT.search(previous) or _PRODUCT_ENDED.search(previous))):
        return None
    return f"the {subject.text} of the stop named before it, at '{date.text}'"


_BEGINS = frozenset({"beginning", "starting", "from"})


_RELEASED_THINGS = frozenset({"update", "updates", "upgrade", "upgrades", "release", "version", "firmware", "software"})


def last_release_before_stop(verb: Token) -> str | None:
    """A release ('that was released in …') of an update that a stop of updates comes after: 'stop
    updating them after the … update that was released …'."""
    if verb.dep_ not in ("acl", "relcl") or (lemma(verb) not in _RELEASING and verb.lower_ != "released"):
        return None
    update = verb.head
    if update.lower_ not in _RELEASED_THINGS or update.dep_ != "pobj" or update.head.lower_ != "after":
        return None
    stopping = update.head.head
    chain = [stopping, stopping.head] if stopping.dep_ == "xcomp" else [stopping]
    if any(is_stop(v) for v in chain) and TOPIC.search(clause_text(stopping)):
        return f"the last {update.text} before '{chain[-1].text} {stopping.text}'"
    return None


def release_that_drops(date: Token) -> str | None:
    """A date that dates the release of an update which itself ends support ("we will release a
    software upgrade that will no longer support the CR100", "… an update that drops support for
    …"): the update and its clause."""
    verb = date.head.head if date.dep_ == "pobj" else None
    if verb is None or lemma(verb) not in _RELEASING:
        return None
    for thing in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _RELEASED_THINGS):
        for clause in (c for c in thing.children if c.dep_ == "relcl"):
            said = clause_text(clause, strict=True)
            if TOPIC.search(said) and (is_negated(clause) or is_stop(clause)):
                return f"{thing.text} '{said}'"
    return None


def scheduled_release_stop(date: Token) -> tuple[str, bool, str] | None:
    """A date that schedules the release an end begins with ("… will no longer be supported beginning
    with the Smart Home Controller update scheduled for May 2021") or that itself disables the
    product: the words that tie them, whether the end begins with the date's period, and what is
    disabled when the sentence says."""
    sched = date.head.head if date.dep_ == "pobj" and date.head.lower_ in ("for", "in", "on") else None
    if sched is None or sched.lower_ not in PLANNED or sched.dep_ not in ("acl", "amod"):
        return None
    release, link = sched.head, sched.head.head
    if release.dep_ != "pobj" or link.lower_ not in ("with", "from", "after"):
        return None
    if link.head.lower_ in _BEGINS:
        verb = link.head.head if link.head.lower_ in ("beginning", "starting") else link.head
        stop = stops_updates(verb)
        return (f"{stop}, beginning with the {release.text} {sched.text} for '{date.text}'", True, "") if stop else None
    if link.lower_ == "with" and release.lower_ in _RELEASED_THINGS and lemma(link.head) in _DISABLED:
        # "All features of the Maps application will be disabled with the … software update planned on
        # March, 2015": the update that disables the product is its end
        disabled = next((clause_text(c) for c in link.head.children if c.dep_ in ("nsubjpass", "dobj")), "")
        return f"'{link.head.text} with the {release.text} {sched.text}' for '{date.text}'", False, disabled
    return None


_DISABLED = frozenset({"disable", "remove", "deactivate", "delete", "brick"})


def scheduled_stop(gov: Token) -> str | None:
    """A relative clause "which is scheduled for DATE" on a stop of the maker's service: the stop's words."""
    if gov.lower_ not in _SCHEDULED or gov.dep_ != "relcl" or _counted_from(gov.head):
        return None
    v = verb_above(gov.head)
    if not is_stop(v):
        return None
    objects = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if stops_service(objects) or named_thing_shut(v) or TOPIC.search(clause_text(v, strict=True)):
        return " ".join(t.text for t in (v, *objects))
    return None


_MIGRATING = frozenset({"move", "migrate", "switch", "transfer", "upgrade"})
_OBLIGED = frozenset({"must", "need", "needs", "have", "has"})
_KEEP_USING = frozenset({"keep", "continue"})

# what users are made to move to, new, when the old one ends: "over to our new app", "to the new platform"
_NEW_HOMES = frozenset(
    {"app", "application", "account", "platform", "service", "system", "hub", "gateway", "bridge", "architecture"}
)
# a verb that makes the move an obligation ("Apple is mandating that users upgrade …")
_MANDATES = frozenset({"mandate", "mandates", "mandating", "mandated", "require", "requires", "requiring"})
_LOSE = frozenset({"lose", "losing"})
# what is lost with the product's use (not "lose the discount")
_USE_LOST = frozenset(
    {"control", "access", "connection", "connectivity", "service", "functionality", "features", "ability", "use"}
)


def _or_lose(verb: Token) -> bool:
    """The move's alternative is losing the product's use: "… by February 10, 2026, or risk losing
    control of their devices"."""
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children):
        return False
    alternatives = [c for c in verb.children if c.dep_ == "conj"]
    losses = [v for c in alternatives for v in (c, *c.children) if v.lower_ in _LOSE and (v is c or v.dep_ == "xcomp")]
    return any(o.dep_ == "dobj" and o.lower_ in _USE_LOST for v in losses for o in v.children)


def move_to_keep_using(verb: Token) -> str | None:
    """A move the user must make by a deadline to keep using the product: 'you must move to a Google
    Account by …' under 'if you want to keep using Fitbit' (or 'to continue using it'), or else lose
    it ('must upgrade … by …, or risk losing control'), or a move to a new app or platform."""
    if lemma(verb) not in _MIGRATING or not verb.tag_.startswith("VB"):
        return None
    obliged = (
        any(c.dep_ == "aux" and c.lower_ in _OBLIGED for c in verb.children)
        or (verb.dep_ == "xcomp" and verb.head.lower_ in _OBLIGED)
        or (verb.dep_ == "ccomp" and verb.head.lower_ in _MANDATES)
    )
    head = verb.head if verb.dep_ == "xcomp" else verb
    keeps = any(
        k.lower_ in _KEEP_USING and any(u.dep_ == "xcomp" and u.lower_ in ("using", "use") for u in k.children)
        for k in head.subtree
    )
    if obliged and keeps:
        return f"'must {verb.text} …{TO_KEEP_USING}"
    if obliged and _or_lose(verb):
        return f"'must {verb.text} …' or lose the product's use"
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


def planned_end(gov: Token, previous: str) -> str | None:
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
        if of_a_network(list(noun.subtree)):
            continue
        if (named := _end_named_by(noun, previous)) is not None:
            return named
    return None


_SUPPORT_NOUNS = frozenset({"support", "updates", "patches", "maintenance"})


def support_before_comma(left: Token) -> Token | None:
    """The support noun that ends the words right before ", until <date>" (the date's first token is
    ``left``), or None."""
    doc, i = left.doc, left.i
    if i < 3 or doc[i - 1].lower_ not in UNTIL or doc[i - 2].text != ",":
        return None
    noun = doc[i - 3]
    return noun if noun.lower_ in _SUPPORT_NOUNS and noun.tag_.startswith("NN") else None


def unguaranteed_before(left: Token) -> str | None:
    """The negated guarantee of updates before a date in its sentence ("won't guarantee regular
    updates will be provided … after"), whichever word the parser hung the date on."""
    for t in left.sent:
        if t.i >= left.i:
            break
        if t.lower_.startswith(("guarantee", "guarentee")) and is_negated(t):  # (a common misspelling)
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


def end_reached_before(verb: Token, date_tokens: set[int]) -> str | None:
    """The words of an end reached ("reach end-of-life") by the verb this one is joined to with "and",
    when this one has no subject of its own and that one no date of its own; else None."""
    head = verb.head
    if verb.dep_ != "conj" or head.lower_ not in REACH or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    own = {t.i for t in head.subtree} - {t.i for t in verb.subtree}
    if own & date_tokens:
        return None
    ended = next((c for c in head.children if c.dep_ == "dobj" and lemma(c) in STOP_NOUNS and not end_of_sale(c)), None)
    return None if ended is None else " ".join(t.text for t in (head, *ended.subtree))


def end_milestone(noun: Token) -> bool:
    """'that milestone' standing for an end the sentence named before it ("next in line for the
    end of support, scheduled to hit that milestone on October 22, 2023")."""
    if noun.lower_ not in ("milestone", "point", "date") or not any(
        c.dep_ == "det" and c.lower_ in ("that", "this") for c in noun.children
    ):
        return False
    return any(lemma(t) in STOP_NOUNS and TOPIC.search(t.head.text + " " + subtree_text(t))
               for t in noun.sent if t.i < noun.i)  # fmt: skip


_MOVED = frozenset({"update", "change", "move", "extend", "push", "set", "revise", "adjust", "postpone", "delay"})


def end_moved_to(verb: Token) -> str | None:
    """A verb that sets an end's date anew, with the end as its subject or object ("EoL updated
    to …", "extended the end of support to …"): the end and the verb."""
    if lemma(verb) not in _MOVED:
        return None
    for c in verb.children:
        # (or the end's date: "The end-of-support date for the Acme Hub is set to 31 December 2028")
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            lemma(c) in STOP_NOUNS or c.lower_ in ("eol", "eos", "end-of-life") or end_date_noun(c)
        ):
            return f"{clause_text(c)} {verb.text}" if c.dep_ != "dobj" else f"{verb.text} {clause_text(c)}"
    return None


_PERIODS = frozenset({"period", "term", "time", "duration", "timeframe"})
# a stretch of time that ends, closes or expires: "the period for which … ends", "the support window closes"
_STRETCHES = _PERIODS | {"window", "span", "lifetime", "lifespan", "length"}


def copula_subject_on_topic(verb: Token) -> bool:
    """ "The minimum length of time for which the product will receive security updates is until
    the end of 2028": a copula whose subject, with its own clauses, is about support or updates; or a
    stop whose subject is such a stretch of time ("The minimum period for which Acme Hub will receive
    security updates ends in December 2028")."""
    if verb.lower_ in COPULA:
        return any(c.dep_ == "nsubj" and TOPIC.search(subtree_text(c)) for c in verb.children)
    return _period_stops(verb) and any(
        c.dep_ in ("nsubj", "nsubjpass") and TOPIC.search(subtree_text(c)) for c in verb.children
    )


def _period_stops(verb: Token) -> bool:
    """A stretch of time that ends: "the period … ends", "the support window closes", "the term expires"."""
    return (lemma(verb) in STOP_LEMMAS or lemma(verb) == "close") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _STRETCHES for c in verb.children
    )


def stop_that_begins(verb: Token) -> str | None:
    """ "the shutdown of those legacy APIs started …": a verb of beginning whose subject is a stop of
    the maker's service or of support; the stop's words."""
    if lemma(verb) not in ("start", "begin", "commence", "started", "began", "begun", "commenced"):
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and lemma(c) in STOP_NOUNS | {"phase-out", "shut-down"}:
            stopped = [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
            if (stopped and (stops_service(stopped) or TOPIC.search(subtree_text(c)))) or (
                not stopped and TOPIC.search(clause_text(verb))
            ):
                return subtree_text(c)
    # (the parser may hang the stop elsewhere: "… deprecated for some time and shutdown of those legacy
    # APIs started in late July 2024")
    before = verb.doc[max(0, verb.i - 12) : verb.i].text
    if (m := _STOP_OF.search(before)) is not None:
        what = m.group("what").lower().split()
        if any(w in SERVICE or w in PRODUCT_SERVICES.get() for w in what) or TOPIC.search(m.group("what")):
            return m.group(0)
    return None


_STOP_OF = re.compile(
    r"\b(?:shutdown|shut-down|sunset|retirement|discontinuation|phase-out|decommissioning)\s+of\s+"
    r"(?:the\s+|those\s+|these\s+|its\s+|their\s+)?(?P<what>[\w./ -]{1,60}?)\s*$",
    re.I,
)


def period_of_updates(noun: Token) -> bool:
    """ "a (minimum) period" in a clause about updates, not "the promotional period" nor "the offer period"."""
    return (
        noun.lower_ in _PERIODS
        and noun.head != noun
        and bool(TOPIC.search(clause_text(clause_root(noun.head))))
        and not any(
            c.dep_ in ("amod", "compound")
            and (of_sale(c) or c.lower_ in ("promotional", "trial", "introductory", "warranty", "notice"))
            for c in noun.children
        )
    )


# a person's own use of the software, not its supply: "I no longer actively use this software"
_USING = frozenset({"use", "run", "own", "need", "want", "recommend", "develop"})


def stops_updates(verb: Token) -> str | None:
    """A negated supply or a stop whose own clause is about support or updates, and the words."""
    if not verb.tag_.startswith("VB"):
        return None
    own = clause_text(verb, strict=True)
    if not TOPIC.search(own):
        return None
    if is_negated(verb) and lemma(verb) not in _USING:
        return f"a negated '{verb.text}' ('{own}')"
    if is_stop(verb):
        what = [g for g in verb.children if g.dep_ in ("dobj", "xcomp")]
        if not what or any(TOPIC.search(subtree_text(g)) for g in what):
            return f"'{verb.text}' ('{own}')"
    return None


def stop_below(head: Token) -> str | None:
    """A subordinate or joined clause under `head` that ends updates ("…, as they will not be
    provided with further firmware upgrades")."""
    for t in head.subtree:
        if t == head or t.dep_ not in ("advcl", "conj") or lemma(t) in EVENT_LEMMAS:
            continue
        found = stops_updates(t)
        if found is not None:
            return found
    return None


def lasts_beside_a_stop(verb: Token) -> str | None:
    """ "X retires on …, while Y will last longer until …": a verb of lasting in a clause joined to one
    whose verb (or the word the parser took for it) is a stop; the stop's word."""
    if lemma(verb) not in ("last", "lasts", "lasted"):
        return None
    return verb.head.text if verb.dep_ in ("advcl", "conj") and lemma(verb.head) in STOP_LEMMAS else None
