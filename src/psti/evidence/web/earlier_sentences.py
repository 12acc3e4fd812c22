"""Ends dated by a sentence before: a date pointed back to, a stop, a span after, a change.

A sentence with no date of its own may end support at a date the one before gave: "Once that
date hits, …", "Once Ecobee cuts off cloud support, …" after the dated cut-off, "Any such camera
will no longer receive updates" after the stop, "for another 24 months, but after that, …" after
the start, or "This change will take effect on …" a few sentences after the change it names.
The short sentences that withhold updates or stop them at an event are parsed here, one by one.
"""

from __future__ import annotations

import datetime as dt
import re

from psti.evidence.web import language
from psti.evidence.web.dates import NUMBER_WORDS, DatePart, Precision, count, later
from psti.evidence.web.prepared_sentences import PART_CHARS
from psti.evidence.web.sentence_ends import STOP
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_tree import SERVICE_WORD, STOP_SAID, TOPIC, stop_after_event, withheld_updates

# "for another 24 months, but after that, … servers will be taken offline"
_ANOTHER = re.compile(
    r"\bfor\s+(?:another|a\s+further|an\s+additional|(?:a|an)\s+extra)\s+(?P<n>\d{1,3}|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?P<unit>days?|weeks?|months?|years?)\b(?P<rest>.*)$",
    re.I,
)
_AFTER_THAT = re.compile(
    r"\b(?:after\s+(?:that|this|which)|then|thereafter|at\s+the\s+end\s+of\s+(?:that|this))\b", re.I
)
_ENDS_THEN = re.compile(r"\boffline|inoperable|stop\w*|shut\w*|no\s+longer|cease\w*|end\b|ends\b|discontinu", re.I)


def time_after(s: str, prev_dates: list[DatePart]) -> tuple[dt.date, Precision, str] | None:
    """A further span after the one date of the sentence before, at whose end something stops."""
    m = _ANOTHER.search(s)
    if m is None or len(prev_dates) != 1 or dates_in(s):
        return None
    rest = m.group("rest")
    if not ((then := _AFTER_THAT.search(rest)) and _ENDS_THEN.search(rest[then.end() :])):
        return None
    start_m, start, precision = prev_dates[0]
    n, unit = count(m.group("n")), m.group("unit").lower()
    why = f"{m.group(0)[: m.start('rest') - m.start()].strip()!r} after {start_m.group(0)}, then {then.group(0)!r}"
    return later(start, n, unit), precision, why


TAKES_EFFECT = re.compile(
    r"^\W{0,3}(?:this|that|the)\s+(?:change|decision|move|policy|update)s?\s+(?:will\s+)?(?:take|takes|took|go|goes)"
    r"\s+(?:into\s+)?effect\b",
    re.I,
)
_CHANGE_LOOKBACK = 6  # sentences a "this change" may look back over for the change it names


def change_said_before(sents: list[str], idx: int) -> str | None:
    """The latest of the few sentences before that ends support or updates ("Plex announced that it
    will be ending support for devices running Android 5.1 and older")."""
    for before in reversed(sents[max(0, idx - _CHANGE_LOOKBACK) : idx]):
        if TOPIC.search(before) and STOP_SAID.search(before):
            return before
    return None


def _withheld(s: str) -> str | None:
    """A sentence with no date that withholds updates ("… will not be provided with further
    firmware upgrades"): parsed here, read by `support_tree.withheld_updates`."""
    if not (TOPIC.search(s) and _NEGATION.search(s)) or len(s) > PART_CHARS:
        return None
    return withheld_updates(language.parse([s])[0])


_NEGATION = re.compile(r"\b(?:not|no|never)\b|n't", re.I)


def _event_stop(s: str) -> str | None:
    """A sentence with no date that stops updates once an event happens ("Once Ecobee cuts off
    cloud support …, the devices … won't receive any more firmware updates"): parsed here, read
    by `support_tree.stop_after_event`."""
    if not (TOPIC.search(s) and _EVENT_MARK.search(s)) or len(s) > PART_CHARS:
        return None
    return stop_after_event(language.parse([s])[0])


_EVENT_MARK = re.compile(r"\b(?:once|when|after|whenever)\b", re.I)


_ANAPHOR = re.compile(
    r"\b(?:(?:that|this|the\s+same)\s+(?:date|day)|(?:on|from|after)\s+then|(?:after|from|at)\s+(?:that|this)\s+time|"
    r"^\W*(?:afterwards?|thereafter|at\s+which\s+(?:point|time))\b)",
    re.I,
)


def _date_anaphor(s: str) -> str | None:
    """ "Once that date hits, the speakers will stop receiving updates": a stop at a date named before."""
    m = _ANAPHOR.search(s)
    if m and (TOPIC.search(s) or SERVICE_WORD.search(s)) and (re.search(STOP, s, re.I) or _withheld(s)):
        # "After this date, AWS IoT Greengrass V1 won't release updates that provide … security patches"
        return m.group(0)
    return None


# the product losing its use, with no date of its own: "won't function", "have lost … connectivity"
LOST_USE = re.compile(
    r"\b(?:won['’]t|will\s+not|will\s+no\s+longer|(?:can|could)(?:no|['’])?t|no\s+longer)\s+"
    r"(?:be\s+able\s+to\s+)?(?:function|work|operate|connect)\w*"
    r"|\b(?:lose|loses|lost|losing)\s+(?:\w+\s+){0,3}(?:functionality|connectivity|connection|features)\b",
    re.I,
)
# what a product needs to work that a stop can cut off: "AT&T … will discontinue 3G service"
CUT_OFF = re.compile(r"\b(?:networks?|services?|servers?|cloud|[2-5]G)\b", re.I)
_BACK_REFERENCE = re.compile(
    r"\b(?:any\s+such|such|these|those|the\s+affected)\b"
    # the stopped thing as the subject of the next sentence: "So it won't get any updates anymore"
    r"|^\W*(?:(?:so|thus|therefore|hence|as\s+a\s+result|this\s+means(?:\s+that)?),?\s+)?(?:it|they)\b",
    re.I,
)


def dated_by_earlier(
    s: str, dates: list[DatePart], stops: list[DatePart], bounds: list[DatePart]
) -> tuple[DatePart, str] | None:
    """A sentence with no date of its own that ends support at a date the sentence before
    gave, and the words that tie the two."""
    if dates and (anaphor := _date_anaphor(s)):
        # "… would become dumb speakers on Feb. 18, 2026. Once that date hits, the speakers
        # will stop receiving updates": the stop takes effect at the date the sentence refers to
        return dates[-1], f"{anaphor} = {dates[-1][0].group(0)}"
    if stops and (event := _event_stop(s)):
        # "… will lose internet connectivity on July 31, 2024. Once Ecobee cuts off cloud support …,
        # the devices … won't receive any more firmware updates": the event is the stop dated before
        return stops[-1], f"{event}; at {stops[-1][0].group(0)}"
    if stops and (back := _BACK_REFERENCE.search(s)) and (withheld := _withheld(s)):
        # "… will cease to be recognized by the server beginning on November 1, 2024. Any such camera
        # will no longer receive updates": the things stopped then are denied updates from then
        return stops[-1], f"{back.group(0)!r} at {stops[-1][0].group(0)}; {withheld}"
    if bounds and (withheld := _withheld(s)):
        # "These cameras may continue to be operated after April 1, 2023 … . …, as they will not be
        # provided with further firmware upgrades": use goes on past the date, updates do not
        return bounds[-1], f"after {bounds[-1][0].group(0)}; {withheld}"
    if (
        len(dates) == 1
        and (retired := _RETIRED_AT.search(dates[0][0].string)) is not None
        and (withheld := _withheld(s))
    ):
        # "As of November 18th, 2022, this repository is deprecated. … we will no longer provide
        # updates": what the one dated retirement before means
        return dates[0], f"{retired.group(0)!r} at {dates[0][0].group(0)}; {withheld}"
    return None


# (not the hosting site's banner, "This repository has been archived by the owner on Feb 12, 2025", which dates
# the archive, not the end of what the repository served)
_RETIRED_AT = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:deprecated|archived(?!\s+by\s+the\s+owner)|"
    r"discontinued)\b",
    re.I,
)
