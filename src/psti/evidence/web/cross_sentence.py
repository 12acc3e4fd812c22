"""Readings that cross a sentence boundary.

`stop_after_event` reads a sentence without a date that stops updates after an event which itself
stops ("Once Ecobee cuts off cloud support, … won't receive any more firmware updates");
`withheld_updates` a negated supply of updates anywhere in a sentence ("…, as they will not be
provided with further firmware upgrades"). `support_period` parses such sentences and pairs them
with a date in the sentence next to them. `covered_as_before` and `support_ended_before` read the
text of the sentence before for a date in this one ("The Pixel 7 series … is covered until
October 2027" after a sentence about guaranteed updates). Separate because every other reader
looks at one date inside one parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from psti.evidence.web.end_statements import stops_updates
from psti.evidence.web.service_shutdown import is_stop
from psti.evidence.web.tree_walk import clause_text, is_negated
from psti.evidence.web.tree_words import TOPIC

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_COVER_TERMS = re.compile(r"warrant|insur|guarantee|care\b|plan\b|contract|subscription|licen[cs]e", re.I)


def covered_as_before(gov: Token, previous: str) -> bool:
    """ "The Pixel 6 is guaranteed updates only until October 2026. The Pixel 7 series, on the other
    hand, is covered until October 2027": a bare "covered" carries on the support the sentence before
    is about (not a warranty's or a plan's cover, which names itself)."""
    return (
        gov.lower_ == "covered"
        and not any(c.dep_ == "agent" or c.lower_ in ("by", "under") for c in gov.children)
        and not _COVER_TERMS.search(clause_text(gov, strict=True))
        and TOPIC.search(previous) is not None
    )


# a clause that places the stop after an event: "Once Ecobee cuts off cloud support, … won't receive updates"
_WHEN = frozenset({"once", "when", "after", "whenever"})


def support_ended_before(noun: Token, previous: str) -> bool:
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


def withheld_updates(doc: Doc | Span) -> str | None:
    """A negated supply of updates anywhere in a sentence ("…, as they will not be provided
    with further firmware upgrades"), and the words; None when there is none."""
    for verb in doc:
        if is_negated(verb):
            found = stops_updates(verb)
            if found is not None:
                return found
    return None


def stop_after_event(doc: Doc | Span) -> str | None:
    """A sentence without a date that stops updates after an event: "Once Ecobee cuts off cloud
    support …, the devices … won't receive any more firmware updates". The event is a stop of
    its own ("cuts off", "shuts down", "ends"), introduced by "once", "when" or "after"; the
    words that decided, or None."""
    for verb in doc:
        found = stops_updates(verb)
        if found is None:
            continue
        u = verb
        for _ in range(4):  # the stop, and the clauses it is joined to by "and"
            for c in u.children:
                marks = [m for m in c.children if m.dep_ in ("mark", "advmod") and m.lower_ in _WHEN]
                if c.dep_ != "advcl" or not marks:
                    continue
                if is_stop(c) or is_negated(c):
                    mark = marks[0].text
                    return f"'{mark} … {c.text}' (an event that stops), then {found}"
            if u.dep_ != "conj" or u.head == u:
                break
            u = u.head
    return None
