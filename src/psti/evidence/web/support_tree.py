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

`read_dates` decides the role of each date here; the readings it weighs live in modules of
their own: `tree_words` (the shared word lists and `lemma`), `tree_walk` (a date's attachment,
predicates, negation and subject), `service_shutdown` (the stopping predicate and the maker's
service shut down), `product_ceases` (the product ceasing to work), `end_statements` (ends in
other words: the last update, end dates, scheduled stops), `end_exclusions` (events, sales and
statements that are not the maker's current word), `date_clauses` (what the clauses above a date
say: its stop words, the product ceasing, negation, the topic) and `cross_sentence`
(`stop_after_event`, `withheld_updates`). The names other modules import stay importable from here.

`_role` reads one date as a walk up the tree, in steps that each decide the role or pass: what the
date names by its own place (`_names_a_thing`, `_dated_in_brackets`, `_stop_said_around`), the word
it hangs from (`_attached` and the steps on it), then the clauses above that word (`_read_clauses`
and the steps on what they say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from psti.evidence.web.cross_sentence import covered_as_before, stop_after_event, withheld_updates
from psti.evidence.web.date_clauses import EFFECT, read_clauses
from psti.evidence.web.end_exclusions import (
    about_production,
    is_aimed,
    is_conditional,
    is_denied,
    is_former,
    model_year_of,
    onlookers_hope,
    replaced_promise,
)
from psti.evidence.web.end_statements import (
    SERVICE_WORD,
    end_date_noun,
    end_moved_to,
    end_reached_before,
    last_release_before_stop,
    last_update_planned,
    last_update_released,
    last_update_subject,
    lasts_beside_a_stop,
    move_to_keep_using,
    planned_end,
    relative_antecedent,
    release_that_drops,
    scheduled_release_stop,
    scheduled_stop,
    stop_below,
    stop_happens,
    stop_that_begins,
    stops_updates,
    support_before_comma,
    unguaranteed_before,
    update_named_last,
)
from psti.evidence.web.product_ceases import (
    said_only,
    stops_working_before,
    use_goes_on,
)
from psti.evidence.web.service_shutdown import (
    ON_PLATFORM,
    dated_shutdown,
    is_stop,
    product_is_kind,
    product_kinds,
    service_goes_on,
    service_stops_after,
    service_subject,
    stop_of_described_service,
    told_of_shutdown,
)
from psti.evidence.web.tree_walk import (
    COMMON_ACRONYMS,
    clause_text,
    date_attachment,
    dated_above,
    governing_subject,
    is_negated,
    names_model,
    predicate_levels,
    predicate_words,
    span_root,
    subject_of,
    subtree_text,
    verb_above,
)
from psti.evidence.web.tree_words import (
    ARRIVES,
    CONTINUE,
    COPULA,
    DEVICES,
    EVENT_LEMMAS,
    FUNCTION,
    GETS,
    MADE,
    PLANNED,
    REPLACING,
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
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "COMMON_ACRONYMS",
    "DateRole",
    "FROM_START",
    "ON_PLATFORM",
    "ROUGHLY",
    "SERVICE_WORD",
    "STOP_SAID",
    "TOPIC",
    "product_is_kind",
    "product_kinds",
    "read_dates",
    "stop_after_event",
    "stop_dated_in_brackets",
    "withheld_updates",
]

_NOW_WORDS = frozenset({"today", "tonight", "tomorrow", "yesterday", "midnight", "then"})
_WHEN_NOUNS = _NOW_WORDS | {"date", "day", "deadline", "time", "week", "month", "year", "weekend", "moment"}

# a stop from a period's first day on ("come May 2020, … will no longer receive updates")
FROM_START = frozenset({"from", "starting", "beginning", "as of", "since", "come"})
_POINT = frozenset(
    {"in", "on", "at", "after", "beyond", "past", "from", "of", "by", "beginning", "starting", "effective", "come",
     "as", "with", "during", "since"}
)  # fmt: skip

# what makes a participle's clause one of its own: a subject or a conjunction ("when first introduced …")
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "mark", "aux", "auxpass"})

_OTHER_UPDATES = re.compile(
    r"(?:feature|android(?:\s+(?:os|version))?|os|version|major|platform|operating\s+system|app)\s+(?:updates?|upgrades?)",
    re.I,
)
_SECURITY = re.compile(r"secur|patch|support", re.I)
_YEAR_NUMBER = re.compile(r"\b(?:19|20)\d\d\b")
# where a page says it read something, not support given: "According to Google's support page, …"
_SUPPORT_SOURCE = re.compile(r"support\s+(?:page|site|website|document|article|forum|team|cent(?:re|er))s?", re.I)


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

_ENTRY_NOUNS = frozenset({"launch", "debut", "introduction", "unveiling", "arrival"})
_LAUNCHING = re.compile(r"launch|introduc|debut|unveil")  # (not "released": an update's release dates an end)

# a service's downtime for maintenance, not the maintenance (updates) of a product
_DOWNTIME = re.compile(
    r"\b(?:server|scheduled|planned|system|emergency|network)\s+maintenance\b|\bmaintenance\s+(?:window|works?)\b", re.I
)
# a lapse in service that ends at a time ("unavailable from … to …", "offline until …")
_LAPSE = frozenset({"unavailable", "inaccessible", "offline", "down", "unreachable", "interrupted"})

_MODEL_NOUNS = DEVICES | {"version", "versions", "generation", "generations", "edition", "editions", "unit", "units"}


def read_dates(sent: Doc | Span, spans: list[tuple[int, int]], previous: str = "") -> list[DateRole]:
    """The role of each date (character spans relative to the sentence's text) in a parsed
    sentence. `previous` is the sentence before (for "This decision takes effect on…")."""
    base = sent[0].idx if len(sent) else 0
    roots: list[Token | None] = [span_root(sent, base + a, base + b) for a, b in spans]
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
        subject = subject_of(root)
        named = names_model(subject, date_tokens)
        if subject and not named:
            # "The Nexus 7 was dropped … after the guarantee ended in August": a clause with no
            # model as its subject, subordinate to one whose subject is a model, is about that model
            outer = governing_subject(root)
            if names_model(outer, date_tokens):
                subject, named = outer, True
        if subject:
            # the words as written ("FCM/GCM", not "FCM / GCM"), when the subject is one span
            contiguous = subject[-1].i - subject[0].i + 1 == len(subject)
            said = root.doc.text[subject[0].idx : subject[-1].idx + len(subject[-1])] if contiguous else ""
            role = replace(role, subject=said or " ".join(t.text for t in subject), subject_model=named)
        if role.is_end and is_denied(root):
            role = replace(role, is_end=False, words=f"{role.words}, which the sentence denies")
        if role.is_end and onlookers_hope(root):
            role = replace(role, is_end=False, words=f"{role.words}, which users only expected or hoped")
        if role.is_end and is_conditional(root) and TO_KEEP_USING not in role.words:
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
    if TOPIC.search(lead.text) or any(lemma(t) in STOP_NOUNS or lemma(t) in STOP_LEMMAS for t in lead):
        return None  # "the end of support (31 March 2030)": the brackets date the end they follow
    end = next((t.i for t in sent.doc[left.i : sent[-1].i + 1] if t.text == ")"), None)
    if end is None:
        return None
    inside = sent.doc[i + 1 : end]
    if TOPIC.search(inside.text) or any(
        lemma(t) in STOP_LEMMAS or t.lower_ in STOP_NOUNS or t.lower_ in UNTIL or t.lower_ == "to" for t in inside
    ):
        return None
    return noun.text


def _stopped_thing(tok: Token) -> str:
    """What the stop governing a date stops: its object, or what support or the plug is for
    ("discontinued support for its Cloud Cam", "pulled the plug on its Echo Connect")."""
    v = verb_above(tok)
    for verb in (v, *(c for c in v.children if c.dep_ == "xcomp")):
        if not is_stop(verb):
            continue
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            if obj.lower_ in ("support", "plug"):
                for p in verb.children if obj.lower_ == "plug" else obj.children:
                    if p.dep_ == "prep" and p.lower_ in ("for", "on", "from", "of"):
                        return subtree_text(p)
                return ""
            return subtree_text(obj)
    return ""


@dataclass(frozen=True)
class _Walk:
    """The date whose role `_role` reads and the sentence around it: what every step of the walk
    looks at, gathered once so the steps need not pass it along one by one."""

    sent: Doc | Span
    a: int  # character offsets of the date in the sentence
    b: int
    date_tokens: set[int]  # the tokens of every date in the sentence
    previous: str  # the sentence before ("This decision takes effect on…")
    left: Token  # the date's first token
    tok: Token  # the token the date reads as (`_joined_date`)
    text: str  # the date as written

    @property
    def prep_tok(self) -> Token:
        """The preposition the date is the object of, or the date's own token when it has none."""
        return self.tok.head if self.tok.dep_ == "pobj" else self.tok

    @cached_property  # (two steps of a walk may ask)
    def prev_stop(self) -> bool:
        """The sentence before stops support or updates (which an "until" may then bound)."""
        return bool(TOPIC.search(self.previous) and _PREVIOUS_STOP.search(self.previous))


@dataclass(frozen=True)
class _Attached:
    """Where the date hangs once the parser's slips are mended: its preposition ('' for none), the
    word that governs it, and the word right before it (past "at least", "the latest")."""

    prep: str
    gov: Token
    before: Token | None

    @property
    def point(self) -> bool:
        """The preposition makes the date a point in time, at which a stop can take effect."""
        return self.prep in _POINT or self.prep == "as of" or not self.prep


@dataclass(frozen=True)
class _Clauses:
    """What the predicates above the date say (`date_clauses.read_clauses`), with what the later
    steps derive from them: the clauses' text, the first level's words, an event they date."""

    levels: list[tuple[list[Token], Token, bool]]
    first_chain: list[Token]  # the predicates of the first level
    first_up: Token  # the head of the first level's clause
    first: list[str]  # the lemmas of the first level's predicates
    local: str  # the date's own clause
    context: str  # the text of all the levels' clauses
    other: bool  # an end of feature, OS or version updates only
    event: str | None  # the event lemma the date may be the time of ("launch", "update")
    gov_words: str  # the governing words as quoted: "'continue', 'receive'"
    stop_words: list[str]
    unrelated: list[str]
    ceases: list[str]
    negated: bool
    effect: bool
    supply_negated: bool
    topic: bool


def _role(sent: Doc | Span, root: Token, a: int, b: int, date_tokens: set[int], previous: str, left: Token) -> DateRole:
    """The role of one date, read as a walk up the tree from it: each step either decides the role,
    which ends the walk, or passes. The steps go in the walk's order: what the date names by its own
    place, the word it hangs from, then the clauses above that word."""
    w = _Walk(sent, a, b, date_tokens, previous, left, _joined_date(root, date_tokens), sent.text[a:b])
    for step in (_names_a_thing, _dated_in_brackets, _stop_said_around):
        if (role := step(w)) is not None:
            return role
    prep, gov = date_attachment(w.tok)
    if (role := _dates_arrival(w, prep, gov)) is not None:
        return role
    gov = _verb_left_out(prep, gov)
    if (role := _follows_an_end(w, prep, gov)) is not None:
        return role
    at = _attached(w, prep, gov)
    for at_step in (_before_or_announced, _end_named_at_date, _shutdown_at_date):
        if (role := at_step(w, at)) is not None:
            return role
    cl = _read_clauses(w, at)
    for clause_step in (
        _dates_an_event,
        _moved_end,
        _bounds_no_support,
        _until_the_date,
        _stop_at_the_date,
        _stop_under_or_beside,
    ):
        if (role := clause_step(w, at, cl)) is not None:
            return role
    return _no_end(w, at, cl)


def _joined_date(root: Token, date_tokens: set[int]) -> Token:
    """The token a date reads as: the date it is joined to, or the time word it names, since the
    parser hangs the joined or apposed date off that one."""
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
    return tok


def _names_a_thing(w: _Walk) -> DateRole | None:
    """A date inside a noun phrase names a thing, not a time something happens at: a cutoff, the
    update that was the last, a model year, which model."""
    a, b, text, tok = w.a, w.b, w.text, w.tok
    if (
        tok.dep_ in ("compound", "nmod", "amod", "nummod", "poss")
        and tok.head.lower_ in _CUTOFF_NOUNS
        and TOPIC.search(clause_text(verb_above(tok.head)))
    ):
        # "updates beyond the October 2027 cutoff": the date names when the end comes
        why = f"'the {text} {tok.head.text}'"
        return DateRole(a, b, True, why, clause_text(tok.head), False, clause_text(tok.head), True)
    if (named := update_named_last(tok)) is not None:
        # "March 2023 security update was the last update for Galaxy S10", "2024 is the last year of security
        # updates": what the date names was the last
        why = f"'{text}' is said to be '{named}'"
        return DateRole(a, b, True, why, clause_text(tok.head), False, clause_text(tok.head))
    if re.fullmatch(r"\d{4}", text) and tok.dep_ in ("nummod", "compound", "amod", "nmod") and model_year_of(tok):
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
    return None


def _dated_in_brackets(w: _Walk) -> DateRole | None:
    """A date in brackets belongs to what the brackets follow, whatever the parser hung it on: it
    describes a model, dates the stop or end named before it, or dates a document."""
    sent, a, b, text, previous = w.sent, w.a, w.b, w.text, w.previous
    if re.fullmatch(r"\d{4}", text) and (described := _bracketed_after_noun(sent, w.left, w.date_tokens)) is not None:
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
    return None


def _stop_said_around(w: _Walk) -> DateRole | None:
    """A stop said around the date rather than by the verb it hangs from: named in the sentence
    before, scheduled with a release, or in a "when" clause on the date."""
    a, b, text, tok = w.a, w.b, w.text, w.tok
    if (happens := stop_happens(tok, w.previous)) is not None:
        # "Acme is shutting down the cloud service for the hub. The complete shutdown will occur
        # February 28, 2022": the stop the sentence before names happens at the date
        return DateRole(a, b, True, happens, clause_text(tok.head), False, clause_text(tok.head), True)
    if (release_stop := scheduled_release_stop(tok)) is not None:
        # "API 1.x will no longer be supported beginning with the … update scheduled for May 2021"
        words, begins, disabled = release_stop
        return DateRole(
            a, b, True, words, clause_text(tok.head), False, clause_text(tok.head), True, from_start=begins,
            stopped=disabled,
        )  # fmt: skip
    if (dropping := release_that_drops(tok)) is not None:
        # "In early April, we will release a software upgrade that will no longer support the aging CR100"
        local = clause_text(tok.head.head if tok.dep_ == "pobj" else tok.head)
        return DateRole(a, b, True, f"'{text}' dates the {dropping}", local, False, local, True)
    when = next(
        (c for c in tok.children if c.dep_ in ("relcl", "advcl") and any(m.lower_ == "when" for m in c.children)),
        None,
    )
    if when is not None and (service_subject(when) or stops_updates(when)):
        # "The big shutdown will take place on December 31st, 2019, when the BlackBerry World app store
        # will be taken offline": the clause on the date says what stops then
        why = f"'{text}, when {clause_text(when, strict=True)}'"
        return DateRole(a, b, True, why, clause_text(when), False, clause_text(when), True)
    return None


def _dates_arrival(w: _Walk, prep: str, gov: Token) -> DateRole | None:
    """A date "in" or "on" a launch or an introduction says when the product came out."""
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
        return DateRole(w.a, w.b, False, f"'{gov.text} {prep} {w.text}' dates the product's arrival", "")
    return None


def _verb_left_out(prep: str, gov: Token) -> Token:
    """The verb the date belongs to when the parser hung it on a word that stands in for one: a
    name after "and" whose verb was left out, a relative clause on what a stop stops."""
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
        and not is_stop(gov)
        and gov.head.dep_ in ("dobj", "nsubjpass")
        and is_stop(gov.head.head)
    ):
        # "is sunsetting its servers that manage UE Smart Radios on 2024-03-19": a clause of what the
        # servers do all the time has no day; the day is the stop's
        gov = gov.head.head
    return gov


def _follows_an_end(w: _Walk, prep: str, gov: Token) -> DateRole | None:
    """A product that "will follow" at the date reaches the end the sentence before names."""
    if (
        prep in _POINT
        and lemma(gov) in ("follow", "follows", "followed")
        and TOPIC.search(w.previous)
        and STOP_SAID.search(w.previous)
    ):
        # "… will be the next to reach the end of its software support cycle in October 2023.
        # Subsequently, the Pixel 4a 5G will follow in November": the same end, at the later date
        why = f"'{gov.text} {prep} {w.text}' after an end in the sentence before"
        return DateRole(w.a, w.b, True, why, clause_text(gov), False, clause_text(gov), True)
    return None


def _attached(w: _Walk, prep: str, gov: Token) -> _Attached:
    """The date's attachment, mended where the parser read a time phrase, "starting", an orphaned
    "until" or a comma's restatement apart from what they say."""
    tok, left = w.tok, w.left
    if prep == "of" and gov.lower_ in _PART_OF_TIME and gov.tag_.startswith("NN") and gov.head.i != gov.i:
        # "until the end of September 2026": the phrase is the time, attached where "the end" is
        prep, gov = date_attachment(gov)
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
    if prep in UNTIL and (supported := support_before_comma(left)) is not None and not TOPIC.search(gov.text):
        # "try a Core 22 image with up to 10 years of long term support, until April 2032": the parser
        # hung the time on the sentence's verb; set off by a comma, it restates the support's end
        gov = supported
    return _Attached(prep, gov, before)


def _before_or_announced(w: _Walk, at: _Attached) -> DateRole | None:
    """A date "before" which something happens, or the day an end was announced, is no end."""
    a, b, text, prep, gov = w.a, w.b, w.text, at.prep, at.gov
    if prep == "before" and move_to_keep_using(gov) is None:  # (a move's deadline is the old one's end)
        return DateRole(a, b, False, f"'before {text}' is not an end", "")
    if (prep in ("in", "on") or not prep) and lemma(gov) == "announce" and gov.tag_ in ("VBD", "VBN"):
        # (or a timeline's "July 10, 2025: Belkin announced the shutdown")
        # "Kerlink announced the Product End of Life in January 2020 for Wirnet Station": the date of the
        # announcement, not of the end it announced
        return DateRole(a, b, False, f"'{prep} {text}' dates the announcement ('{gov.text}')", "")
    return None


_PLANNED_AT = frozenset({"in", "for", "on", "by", "around", "at"})


def _end_named_at_date(w: _Walk, at: _Attached) -> DateRole | None:
    """An end the words around the date name as at it: updates unguaranteed after it, an end date
    set at it, the last update's date, an end-of-life date."""
    a, b, text, previous, prep, gov = w.a, w.b, w.text, w.previous, at.prep, at.gov
    if prep == "after" and lemma(gov) not in EVENT_LEMMAS and (unsure := unguaranteed_before(w.left)) is not None:
        # "won't guarantee regular updates … after October 2019": updates are promised up to the date
        # (not "… for devices bought after 2020", which dates the purchase)
        why = f"'{unsure} {text}'"
        return DateRole(a, b, True, why, clause_text(gov), False, clause_text(gov))
    if prep in ("at", "for", "as") and gov.lower_ in PLANNED | {"fixed", "pegged"}:
        # "The all-important cut-off date has been set at August 17, 2022": the end day named as set
        named = next((end_date_noun(c) for c in gov.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if named is not None:
            why = f"'{prep} {text}' is the {named} set"
            return DateRole(a, b, True, why, clause_text(gov), False, clause_text(gov))
    if not prep and w.tok.dep_ in ("dobj", "npadvmod") and (named_as := _named_as_end(gov)) is not None:
        # "Acme set March 31, 2025 as the end-of-life date for the Acme Hub": the date named as the end's
        why = f"{text} named as the {named_as}"
        return DateRole(a, b, True, why, clause_text(gov), False, clause_text(gov))
    # ("The official shutdown will be on 18th January 2023": the copula's own "on")
    on_copula = prep == "on" and lemma(gov) in COPULA
    last = (
        last_update_subject(gov, previous)
        if not prep or on_copula or lemma(gov) in ARRIVES or lemma(gov) in GETS
        else None
    )
    if last is not None:
        # "The last guaranteed security update is October 2016": the date of the last update
        # ("its final OS update": an end of OS updates only)
        other_only = bool(_OTHER_UPDATES.search(last)) and not _SECURITY.search(last)
        return DateRole(a, b, True, f"{text} is the date of '{last}'", clause_text(gov), other_only, clause_text(gov))
    if prep in _PLANNED_AT and (planned := last_update_planned(gov)) is not None:
        # "The final security patch is expected in March 2027": when the last update is planned to come
        other_only = bool(_OTHER_UPDATES.search(planned)) and not _SECURITY.search(planned)
        return DateRole(a, b, True, f"{text} is when '{planned}' is planned", clause_text(gov), other_only,
                        clause_text(gov))  # fmt: skip
    if (released := last_update_released(gov)) is not None:
        # "the security update that was released on … 2020 was the last update that the handset will receive"
        why = f"{text} dates the release of '{released}'"
        return DateRole(a, b, True, why, clause_text(gov), False, clause_text(gov))
    if (
        prep in ("of", "is", "on", "in", "as")
        and (named := end_date_noun(gov) or (end_date_noun(gov.head) if gov.dep_ == "acl" else None)) is not None
    ):
        # "have AUE dates of June 2028", "an end-of-life date of 30 June 2027", "an official end-of-life
        # date in July 2026", "the cut-off date looming on July 31, 2024", "announced the shutdown date as
        # December 9, 2024": the end named as a date
        why = f"'{named} {prep} {text}'"
        return DateRole(a, b, True, why, clause_text(gov), False, clause_text(gov), True)
    return None


def _named_as_end(verb: Token) -> str | None:
    """The end named by the verb's "as" ("set … as the end-of-life date", "confirmed … as the shutdown date")."""
    return next(
        (
            named
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "as"
            for g in p.children
            if g.dep_ == "pobj" and (named := end_date_noun(g)) is not None
        ),
        None,
    )


def _shutdown_at_date(w: _Walk, at: _Attached) -> DateRole | None:
    """A shutdown, a stop of a described service, a scheduled or planned end, a deadline to move
    or an end reached, each at the date."""
    a, b, text, previous, date_tokens, prep, gov = w.a, w.b, w.text, w.previous, w.date_tokens, at.prep, at.gov
    if prep in _POINT and dated_shutdown(gov):
        # "Automatic's planned shutdown on 5/28/2020", "a shutdown in November 2021"
        why = f"'{gov.text}' at '{prep} {text}'"
        return DateRole(a, b, True, why, clause_text(gov), False, clause_text(gov), True)
    if prep in _POINT and (told_of := told_of_shutdown(gov, w.tok)) is not None:
        # "users are informed of the shutdown on October 15 of 2025": the date right after the shutdown
        # is its date, not the day they are told (the parser hangs it on the telling verb)
        why = f"'{told_of.text}' at '{prep} {text}'"
        return DateRole(a, b, True, why, clause_text(told_of), False, clause_text(told_of), True)
    if prep in ("on", "in", "at", "by", "as of") and (described := stop_of_described_service(gov, date_tokens)):
        # "Microsoft is turning off the MSN Direct service that provides their intelligence on January
        # 1, 2012": the parser hung the date on the clause describing the service the stop ends
        why = f"'{described}' at '{prep + ' ' if prep else ''}{text}'"
        return DateRole(a, b, True, why, clause_text(gov.head.head), False, clause_text(gov.head.head), True)
    if (scheduled := scheduled_stop(gov)) is not None:
        # "… when Nintendo will disconnect online services …, which is scheduled for April 8th, 2024"
        why = f"'{scheduled}', scheduled for '{text}'"
        return DateRole(a, b, True, why, clause_text(gov), False, clause_text(gov), True)
    if prep in ("by", "before") and (moving := move_to_keep_using(gov)) is not None:
        # "If you want to keep using Fitbit, you must move to a Google Account by 2 February 2026": the
        # old account's service ends at the deadline
        return DateRole(a, b, True, f"{moving} '{prep} {text}'", clause_text(gov), False, clause_text(gov), True)
    if prep in ("for", "on", "in", "at") and (planned := planned_end(gov, previous)) is not None:
        # "The sunset of Hum is scheduled for December 31, 2025", "…, with full sunset scheduled for …"
        why = f"'{planned}' {gov.text} '{prep} {text}'"
        return DateRole(a, b, True, why, clause_text(gov), False, clause_text(gov), True)
    if prep in ("on", "in", "at", "by") and (reached := end_reached_before(gov, date_tokens)) is not None:
        # "Device Sync will reach end-of-life and be removed on September 30, 2025": the end reached with
        # no date of its own comes with the removal it is joined to
        why = f"'{reached}' and '{gov.text} {prep} {text}'"
        return DateRole(a, b, True, why, clause_text(gov.head), False, clause_text(gov.head), True)
    return None


def _read_clauses(w: _Walk, at: _Attached) -> _Clauses:
    """Read the predicates above the date, level by level (`date_clauses.read_clauses`), and derive
    what the later steps quote: the clauses' text, whether only other updates end, the event dated."""
    text, prep, gov = w.text, at.prep, at.gov
    levels = predicate_levels(gov, prep in FROM_START or prep in EFFECT)
    first_chain, first_up, _j = levels[0]
    clause = clause_text(first_up)
    local = clause_text(first_up, strict=True)
    first = [lemma(c) for c in first_chain]
    read = read_clauses(levels, gov, w.tok, w.date_tokens, w.previous)
    context = " ".join(read.texts)
    # (up to the date when another date follows in its clause: "Android version updates until at least 2024
    # with guaranteed security updates arriving until at least October 2026" has security at the second)
    cut = clause.find(text) + len(text) if text in clause else -1
    own = clause[:cut] if cut > 0 and _YEAR_NUMBER.search(clause, cut) else clause
    other = bool(
        _OTHER_UPDATES.search(own) and not _SECURITY.search(_SUPPORT_SOURCE.sub("", _OTHER_UPDATES.sub("", own)))
    )
    # ("will no longer be updated at the end of 2021" is no update made at a date but updates withheld;
    # "has not been updated since 2022" still dates the last update)
    withheld = read.negated and prep != "since"
    # ("will no longer issue security patches after 31 March 2025": updates withheld, not released at the date)
    # (a stop from the date on; not "No security patches were issued … in 2024", a year past without them)
    withheld_release = withheld and prep in _FROM_ON and TOPIC.search(local) is not None
    event = next(
        (
            word
            for word in first[:2]
            if word in EVENT_LEMMAS
            and not (word == "update" and withheld)
            and not (word in _RELEASE_EVENTS and withheld_release)
        ),
        None,
    )
    gov_words = f"'{gov.text}'" + (f", '{first_up.text}'" if first_up != gov else "")
    return _Clauses(
        levels, first_chain, first_up, first, local, context, other, event, gov_words, read.stop_words,
        read.unrelated, read.ceases, read.negated, read.effect, read.supply_negated, read.topic,
    )  # fmt: skip


_RELEASE_EVENTS = frozenset({"issue", "release", "publish", "ship"})
_FROM_ON = frozenset({"after", "from", "beyond", "past", "as of", "starting", "beginning", "effective"})


def _dates_an_event(w: _Walk, at: _Attached, cl: _Clauses) -> DateRole | None:
    """A date of an event the clause names: the last release before a stop (an end), an event in a
    modifier (no end), a stop that began then; or, before the plain event, an end moved to the date."""
    a, b, text, tok, prep, gov = w.a, w.b, w.text, w.tok, at.prep, at.gov
    context, other, local, event = cl.context, cl.other, cl.local, cl.event
    first, first_chain = cl.first, cl.first_chain
    if event and prep in ("in", "on") and (last := last_release_before_stop(gov)) is not None:
        # "decided to stop updating them after the OS 11.1 update that was released … in November
        # 2021": the last update's date ends the updates
        return DateRole(a, b, True, f"'{text}' dates {last}", context, other, local, True)
    reduced = gov.dep_ == "advcl" and gov.tag_ == "VBN" and not any(c.dep_ in _OWN_CLAUSE for c in gov.children)
    if (
        event
        and prep not in UNTIL
        and first[0] == event
        and (gov.dep_ in ("acl", "relcl") or reduced or dated_above(gov, tok, w.date_tokens))
    ):
        # "the Pixel 6 Pro (launched in 2021) end in October": the date is the modifier's event (also
        # set off by a comma: "… Nest Learning Thermostats, first introduced in 2011 and 2012")
        return DateRole(a, b, False, f"{text} dates '{event}', an event", context, False, local)
    if (
        event in ("start", "begin", "commence")
        and prep in _POINT
        and (stopping := stop_that_begins(first_chain[0] if first_chain else gov)) is not None
    ):
        # "shutdown of those legacy APIs started in late July 2024": the stop begins at the date
        why = f"'{stopping}' began at '{prep} {text}'"
        return DateRole(a, b, True, why, context, other, local, True, from_start=prep in FROM_START)
    if (prep == "to" or (prep == "at" and gov.lower_ == "set")) and (set_anew := end_moved_to(gov)) is not None:
        # "thus EoL updated to 2027-05-24", "the end of support has been moved to March 2027": the
        # end's own date, set anew (or "set at 31 December 2028")
        return DateRole(a, b, True, f"'{set_anew} {prep} {text}'", context, other, local)
    if event and prep not in UNTIL and not cl.stop_words:
        return DateRole(a, b, False, f"{text} dates '{event}', an event", context, False, local)
    return None


# a stop being put off, its verb in the present or perfect: "is postponing switching off …", "has postponed switching
# off …"
_REPLACING_NOW = REPLACING | frozenset(
    {"postponing", "postpones", "postpone", "delaying", "delays", "delay", "pushing", "moving", "extending"}
)


def _moved_end(w: _Walk, at: _Attached, cl: _Clauses) -> DateRole | None:
    """An end moved, extended or replaced: the date it moved from is no end, the date it moved or was
    extended to is, and a promise a later one replaced is no longer the maker's word."""
    a, b, text, previous, prep, gov = w.a, w.b, w.text, w.previous, at.prep, at.gov
    context, other, local = cl.context, cl.other, cl.local
    if (
        prep == "from"
        and (gov.lower_ in REPLACING or (gov.dep_ == "xcomp" and gov.head.lower_ in _REPLACING_NOW))
        and any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till") for c in (*gov.children, *w.prep_tok.children))
    ):
        # "postponed the shutdown from 2018 to 2019": the first date is the one replaced (also "is postponing
        # switching off its 3G network from 31 August 2024 to 31 March 2025")
        return DateRole(a, b, False, f"'from {text}' was moved ('{gov.text} … to')", context, False, local)
    if (
        prep in ("to", "until", "till", "through")
        and gov.lower_ in REPLACING
        and not TOPIC.search(clause_text(gov, strict=True))
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "this", "it") for c in gov.children)
        and TOPIC.search(previous)
    ):
        # "… major OS update support going up to 2024. That has now been extended to 2026."
        why = f"'{prep} {text}': the end said before, '{gov.text}'"
        return DateRole(a, b, True, why, context, other, local, extends=True)
    if (
        prep == "to"
        and gov.lower_ in REPLACING
        and (
            moved_end := next(
                (
                    c
                    for c in gov.children
                    if c.dep_ in ("dobj", "nsubjpass") and (lemma(c) in STOP_NOUNS or end_date_noun(c) is not None)
                ),
                relative_antecedent(gov),
            )
        )
    ):
        # "the final discontinuation date has been moved from February 18 to May 6, 2026"
        why = f"'to {text}': where '{gov.text}' moved the {moved_end.text}"
        return DateRole(a, b, True, why, context, other, local, True)
    if prep in ("to", "until", "till") and gov.lower_ == "from" and gov.head.lower_ in REPLACING:
        moved = [c for c in gov.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(lemma(c) in STOP_NOUNS or TOPIC.search(c.text) for c in moved):
            why = f"'to {text}': where '{gov.head.text}' moved the {moved[0].text}"
            return DateRole(a, b, True, why, context, other, local, True)
    if (earlier := replaced_promise(gov)) is not None:
        return DateRole(
            a, b, False, f"'{prep} {text}' was an earlier promise ('{earlier}'), replaced", context, False, local
        )
    return None


def _bounds_no_support(w: _Walk, at: _Attached, cl: _Clauses) -> DateRole | None:
    """A span to the date that bounds something other than support: a start ("not … until"),
    production or sale, an offer, supply, a value set, a lapse or a maintenance window."""
    a, b, text, tok, prep, gov, before = w.a, w.b, w.text, w.tok, at.prep, at.gov, at.before
    context, local, first, first_chain, first_up = cl.context, cl.local, cl.first, cl.first_chain, cl.first_up
    levels, stop_words, ceases = cl.levels, cl.stop_words, cl.ceases
    not_until = any(is_negated(c) for c in first_chain) or (
        first_up.dep_ in ("ccomp", "xcomp") and is_negated(first_up.head)  # "may not have … pushed until"
    )
    if prep in UNTIL and not stop_words and not ceases and not_until:
        # "may not have their release firmware pushed until the end of September": a start, not an end
        return DateRole(a, b, False, f"'not … {prep} {text}' is when something starts", context, False, local)
    # "sold by Google Store promising updates till October 2021": the words right before the span
    # are about updates, whatever verb the parser hung it on
    updates_before = before is not None and before.i > 0 and TOPIC.search(tok.doc[before.i - 1].text) is not None
    # ("Security updates will be made available until …" is a supply of updates, not production)
    made_available = bool(first_chain) and any(
        c.dep_ in ("oprd", "acomp") and c.lower_ == "available" for c in first_chain[0].children
    )
    if prep in UNTIL and first and first[0] in MADE and not updates_before and not made_available:
        # "Leaf vehicles produced up until 2016", "sold until March 2019": production or sale, not support
        return DateRole(a, b, False, f"'{prep} {text}' bounds '{gov.text}', production or sale", context, False, local)
    if prep in UNTIL and any(
        (c.dep_ in ("nsubj", "nsubjpass", "dobj") or (c == v.head and v.dep_ in ("acl", "relcl"))) and of_sale(c)
        for v in levels[0][0]
        for c in (*v.children, v.head)
    ):
        # "price guaranteed until 31 January 2027", "the offer runs until …": a term of sale, not support
        return DateRole(a, b, False, f"'{prep} {text}' bounds an offer or a price", context, False, local)
    if (prep in UNTIL or prep in ("to", "into")) and about_production(levels[0][0]):
        # "we can guarantee the production of our devices into 2028": supply, not support
        return DateRole(a, b, False, f"'{prep} {text}' bounds production or supply", context, False, local)
    if prep == "to" and lemma(gov) in _SETTING:
        # "Elemnts reset their internal clocks to January 1st, 2006": a value set, not a bound
        return DateRole(a, b, False, f"'to {text}' is what '{gov.text}' set", context, False, local)
    if (prep in UNTIL or prep == "to") and predicate_words(gov, _LAPSE):
        # "will be unavailable from Monday 27th of February to Wednesday 1st of March 2023": a lapse the
        # service comes back from, not its end
        return DateRole(a, b, False, f"'{prep} {text}' ends a lapse ('{cl.gov_words}')", context, False, local)
    if prep in UNTIL and _DOWNTIME.search(context):
        # "Due to Miele server maintenance (until 2021-01-03) there are currently issues logging in": the
        # end of a maintenance window, which the service comes back from
        return DateRole(a, b, False, f"'{prep} {text}' ends a maintenance window", context, False, local)
    return None


# a move from one thing to another, whose going on into a year says nothing of when support ends
_MOVES = frozenset({"migration", "transition", "rollout", "roll-out", "changeover", "switchover", "move", "upgrade"})


def _move_goes_on(gov: Token) -> bool:
    """A move ("the migration", "the transition") as the subject of the verb the date bounds."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _MOVES for c in gov.children)


def _until_the_date(w: _Walk, at: _Attached, cl: _Clauses) -> DateRole | None:
    """A span "until" the date (or "to" it, about support) ends what it bounds: support or updates,
    use, working up to a stop said around it, the maker's service; else it bounds nothing of support."""
    a, b, text, previous, prep, gov = w.a, w.b, w.text, w.previous, at.prep, at.gov
    context, other, local, gov_words = cl.context, cl.other, cl.local, cl.gov_words
    first_chain, topic = cl.first_chain, cl.topic
    if not (prep in UNTIL or (prep in ("to", "into") and topic)):
        return None
    if prep == "into" and _move_goes_on(gov):
        # "the migration will continue into 2026": a move still under way then, not what ends
        return DateRole(a, b, False, f"'into {text}' bounds a move still under way", context, False, local)
    if topic or (w.prev_stop and prep in UNTIL) or (prep in UNTIL and covered_as_before(gov, previous)):
        # "… decision to stop support for Dropcam. All features will remain available until April 8, 2024"
        why = f"'{prep} {text}' bounds {gov_words}, about support or updates"
        return DateRole(a, b, True, why, context, other, local, former=is_former(gov), aimed=is_aimed(gov))
    if prep in UNTIL and use_goes_on(first_chain):
        # "can play through January 18, 2023": the product is used up to the date, then no more
        why = f"'{prep} {text}' bounds use ({gov_words})"
        return DateRole(a, b, True, why, context, other, local, works_only=True)
    if (
        prep in UNTIL
        and gov.lower_ in FUNCTION
        and not is_negated(gov)
        and (
            (said_before := _PREVIOUS_STOP.search(previous) or _PREVIOUS_SHUTDOWN.search(previous))
            or (stop_after := _STOP_AFTER.search(w.sent.doc.text[b:]))
            or said_only(gov, w.prep_tok)
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
    if prep in UNTIL and (service := service_goes_on(first_chain)):
        # "the server will continue until 31.8.2021": the maker's service runs up to the date
        why = f"'{prep} {text}' bounds '{service}' going on"
        return DateRole(a, b, True, why, context, other, local, works_only=True)
    if prep in UNTIL and (beside := lasts_beside_a_stop(gov)) is not None:
        # "the Pixel 5 retires on October 2023, while Pixel 5a with 5G will last longer until August
        # 2024": set against a stop, lasting until a date is ending then
        why = f"'{prep} {text}' bounds '{gov.text}', set beside '{beside}'"
        return DateRole(a, b, True, why, context, other, local)
    if prep in UNTIL and (stop := service_stops_after(gov)) is not None:
        # "owners have until 30 June 2025 before the cloud service goes offline"
        why = f"'{prep} {text}' before {stop}"
        return DateRole(a, b, True, why, context, other, local, works_only=True)
    if prep in UNTIL and (stop := stops_working_before(gov, w.date_tokens)) is not None:
        # "owners have until 31 March 2025 before their devices stop working"
        why = f"'{prep} {text}' before the product's '{stop}'"
        return DateRole(a, b, True, why, context, other, local, works_only=True)
    return DateRole(a, b, False, f"'{prep} {text}' is not about support or updates", context, False, local)


def _stop_at_the_date(w: _Walk, at: _Attached, cl: _Clauses) -> DateRole | None:
    """A stop, a negated supply, a change taking effect or the product ceasing, at the date as a
    point: an end when the clauses (or the sentence before) are about support or updates."""
    a, b, text, previous, prep, gov = w.a, w.b, w.text, w.previous, at.prep, at.gov
    context, other, local, gov_words = cl.context, cl.other, cl.local, cl.gov_words
    stop_words, negated, effect, ceases, topic = cl.stop_words, cl.negated, cl.effect, cl.ceases, cl.topic
    if (stop_words or negated or effect or ceases) and at.point:
        # a stop with no words about updates of its own continues the sentence before
        # ("… security update support … The expiration for newer devices will come to an end in 2027")
        if (
            (stop_words or negated)
            and (topic or (TOPIC.search(previous) and not cl.unrelated))
            or (effect and (topic or w.prev_stop))
        ):
            why = f"'{stop_words[0]}'" if stop_words else ("a negated " + gov_words if negated else "'takes effect'")
            # (a service switched off after which the product "will no longer function" stops it working,
            # not its support: "support … ended" on an earlier day is the end of support)
            works = (
                bool(ceases) and not (effect or cl.supply_negated) and all(word in _SWITCHED_OFF for word in stop_words)
            )
            why = f"{why} at '{(prep + ' ') if prep else ''}{text}'"
            # ("will start being phased out in October 2026": the stop begins with the month)
            begins = prep in FROM_START or (gov.dep_ == "xcomp" and lemma(gov.head) in ("start", "begin"))
            return DateRole(
                a, b, True, why, context, other, local, True, works_only=works, former=is_former(gov),
                from_start=begins,
            )  # fmt: skip
        if ceases:  # the product stops working at the date: nothing, updates included, continues
            why = f"'{ceases[0]}' (the product stops working) at '{(prep + ' ') if prep else ''}{text}'"
            return DateRole(
                a, b, True, why, context, other, local, True, works_only=True, from_start=prep in FROM_START
            )
    return None


def _stop_under_or_beside(w: _Walk, at: _Attached, cl: _Clauses) -> DateRole | None:
    """A date from which something goes on ("after", "from", "as of") ends updates when a clause
    under its clause, or joined to it, stops them."""
    a, b, text, prep = w.a, w.b, w.text, at.prep
    context, other, local, gov_words, levels = cl.context, cl.other, cl.local, cl.gov_words, cl.levels
    if prep in ("after", "from", "as of", "beginning", "starting"):
        # "may continue to be operated after April 1, 2023 …, though … they will not be provided with
        # further firmware upgrades": a clause under the date's clause ends updates from the date on
        below = stop_below(levels[-1][1])
        if below is not None:
            why = f"'{prep} {text}' on {gov_words}, under which {below}"
            return DateRole(a, b, True, why, context, other, local, True, from_start=prep in FROM_START)
        # "… that it will no longer … patch new security vulnerabilities … and that your continued use
        # … after February 1, 2022 carries increased risk": a clause joined to one that ends updates
        beside = next(
            (
                f"a negated '{v.text}' ('{clause_text(v, strict=True)}')"
                for chain, _up, joined in levels
                if joined
                for v in chain
                if (is_negated(v) or (v.dep_ == "conj" and is_negated(v.head)))  # "no longer monitor or patch"
                and TOPIC.search(clause_text(v, strict=True))
            ),
            None,
        )
        if beside is not None:
            why = f"'{prep} {text}' on {gov_words}, beside which {beside}"
            return DateRole(a, b, True, why, context, other, local, True, from_start=prep in FROM_START)
    return None


def _no_end(w: _Walk, at: _Attached, cl: _Clauses) -> DateRole:
    """No step found an end: the date may still be a point at which something stops, or a boundary
    that use goes on past, for readings across sentences (`stop_after_event`, `withheld_updates`)."""
    stops = bool(cl.stop_words or cl.unrelated or cl.negated or cl.ceases) and at.point
    # "These cameras may continue to be operated after April 1, 2023": use goes on past the date,
    # so the date is a boundary; a next sentence that withholds updates says what ends there
    boundary = at.prep in ("after", "beyond", "past") and any(lemma(c) in CONTINUE for c in cl.first_chain)
    return DateRole(
        w.a, w.b, False, f"{w.text} bounds nothing about support", cl.context, False, cl.local, stops, boundary
    )


_PART_OF_TIME = frozenset({"end", "beginning", "start", "middle", "close"})
# a noun a date can name the time of, as an end: "the October 2027 cutoff", "its 2025 sunset"
_CUTOFF_NOUNS = frozenset({"cutoff", "cut-off", "sunset", "shutdown", "deadline", "expiration", "expiry", "eol"})

_SWITCHED_OFF = frozenset({"turn", "turned", "shut", "switch", "switched", "disconnect", "deactivate", "decommission"})

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

_SETTING = frozenset({"reset", "set", "revert", "roll", "adjust", "sync", "default", "resets", "sets", "reverts"})

_DATING = re.compile(r"[(,]\s*(dated|posted|published|issued)\s+(?:on\s+)?$", re.I)  # "(dated 2026/01/07)"
