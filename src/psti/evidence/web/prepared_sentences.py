"""The page's sentences as the readers take them, and the prose among them parsed.

Dated items run together with semicolons become a line each; misspelt end words, months in lower
case and stop verbs written as nouns are spelt as the readers know them. The sentences that hold
a date and read as prose (not rows or label lines) are parsed, their clauses between semicolons
on their own, within a budget per page; before parsing, asides, curly quotes, links and inline
tags are blanked or straightened character for character, so every offset stays in place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from psti.evidence.web import language
from psti.evidence.web.dates import MON
from psti.evidence.web.labelled_ends import label_line
from psti.evidence.web.pagetext import MD_LINK_TARGET, semicolon_items
from psti.evidence.web.sentence_ends import SUPPORT
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_tree import stop_dated_in_brackets

if TYPE_CHECKING:
    from spacy.tokens import Doc


_MD_LINK = re.compile(rf"\[([^\[\]]{{1,200}})(?:{MD_LINK_TARGET})")


# the noun written for the verb ("have been shutdown", "will shutdown"), which the tagger reads as
# an adjective or a noun, so no stop is found
_NOUN_FOR_VERB = re.compile(
    r"\b(?P<aux>(?:be|been|being|is|are|was|were|get|gets|got|will|would|to|'ll)\s+(?:\w+ly\s+)?)"
    r"(?P<verb>shut|turn)(?P<particle>down|off)\b",
    re.I,
)


# and the noun written as the verb: "the official shut down is going to be 18th January 2023"
_VERB_FOR_NOUN = re.compile(
    r"\b(?P<det>the|its|their|official|planned|final|scheduled)\s+(?P<verb>shut|turn)\s+(?P<particle>down|off)"
    r"(?=\s+(?:is|was|will|date|of)\b)",
    re.I,
)


# misspellings of the words that date an end: "will work untill end march 2026", "end-0f-support"; and the
# jargon verb of an end of life, spelt as the verb of the same length: "will be EOLed in April of 2025"
_MISSPELT = re.compile(r"\b(?:untill|unitl|eol(?:ed|['’]d|ing))\b|(?<=\bend-)0f(?=-)", re.I)
_SPELT = {"untill": "until", "unitl": "until", "0f": "of", "eoled": "ended", "eol'd": "ended", "eol’d": "ended",
          "eoling": "ending"}  # fmt: skip


# a month written in lower case before its year ("until end march 2026"), which the tagger takes for a verb
_LOWER_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)(?=\s+\d{4}\b)"
)


def verb_spelled(s: str) -> str:
    """The sentence with its stop verbs, end words and months spelt as the readers know them."""
    s = _MISSPELT.sub(lambda m: _SPELT[m.group(0).lower()], s)
    s = _LOWER_MONTH.sub(lambda m: m.group(0).capitalize(), s)
    if "own" not in s and "off" not in s:
        return s
    s = _VERB_FOR_NOUN.sub(r"\g<det> \g<verb>\g<particle>", s)
    return _NOUN_FOR_VERB.sub(r"\g<aux>\g<verb> \g<particle>", s)


def listed_items(sents: list[str]) -> list[str]:
    """ "Ends of support by model: Acme Cam 1 — 2026; Acme Cam 2 — 2028": a sentence that runs dated
    items together is read as a line per item, each under the sentence's label."""
    out: list[str] = []
    for s in sents:
        lead, colon, body = s.partition(": ")
        items = (
            None if " | " in s else semicolon_items(body if colon else s, lambda x: len(dates_in(x.rstrip("."))) == 1)
        )
        if items is None:
            out.append(s)
            continue
        out += [f"{lead}: {x.rstrip('.')}" if colon else x.rstrip(".") for x in items]
    return out


_PARSE_BUDGET = 50_000  # characters of dated prose parsed per page
_WORD = re.compile(r"\w+")
_FRAGMENT_WORDS = 5  # a part between semicolons this short is no clause of its own
PART_CHARS = 2_000
Parts = list[tuple[int, "Doc"]]  # a sentence's clauses between semicolons, with their offsets


def finite(parts: Parts) -> bool:
    """The parsed sentence has a finite verb or a modal: a clause, not a row of cells."""
    return any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for _o, doc in parts for t in doc)


_STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_ASKING_ASIDE = re.compile(r"\([^()]{0,30}(?:\?|\.\.\.|…|!)[^()]{0,5}\)")
# "… is deprecated and support stops on April 1, 2025": after "and", the parser reads "support" as a
# verb and "stops" as its object; capitalised (one letter for one), it is the subject it is
_SUPPORT_AS_VERB = re.compile(
    r"(?:(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhile\s)|(?<=\bso\s))(?:support|maintenance)"
    r"(?=\s+(?:stops|ends|ceases|expires|terminates)\b)"
)

# "The Fitbit Web API sunsets in September 2026": the parser takes "sunsets" for the plural noun;
# read as "expires" (seven letters for seven) it is the verb it is. Only before a time (a preposition,
# a date, "this"/"next") and not after "the"/"its"/"our"/"their", where it is the noun
_SUNSETS_AS_VERB = re.compile(
    r"(?<![Tt]he\s)(?<![Ii]ts\s)(?<![Oo]ur\s)(?<![Tt]heir\s)\bsunsets(?=\s+(?:(?:on|in|at|by|after|from|this|next|"
    r"effective)\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s|\d))"
)

# "Google Fit API shuts down June 2025", a headline's month with no preposition: the parser takes "shuts" for a
# noun; "shut" (a space for the letter) it reads as the verb
_SHUTS_AS_VERB = re.compile(
    r"(?<![Tt]he\s)(?<![Ii]ts\s)(?<![Oo]ur\s)(?<![Tt]heir\s)\bshuts(?=\s+(?:down|off)\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)"
)

# "until the end of the day on May 28": that day ("end of the day" read as the bound, the date as its time)
_END_OF_DAY = re.compile(
    r"(\b(?:until|till|through)\s+)(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day\s*,?\s+(?:on\s+)?"
    r"(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))",
    re.I,
)

# brackets that cite a date for the words before them: "(Fitbit's migration email cites Sept 30, 2026)"
_CITING = re.compile(
    r"(?<=\()[^()]{1,60}?\b(?:cites?|cited|says?|said|states?|stated|mentions?|mentioned|gives?|gave|quotes?|quoted)"
    r"\s+(?=(?P<cited>[^()]{4,30})\))",
    re.I,
)


def _bracketed_date_only(m: re.Match[str]) -> str:
    """The citing words blanked when what they cite is a date and nothing else."""
    dates = dates_in(cited := m.group("cited"))
    whole = len(dates) == 1 and not cited[: dates[0][0].start()].strip() and not cited[dates[0][0].end() :].strip()
    return " " * len(m.group(0)) if whole else m.group(0)


# a stop's verb after a stray "be", as a writer in a second language may put it ("support, which will be end on
# 28th February 2025"), and "shutdowned" for "shut down": read as the verb each is
_BE_BEFORE_VERB = re.compile(
    r"(?:(?<=\bwill\s)|(?<=\bshall\s)|(?<=\bwould\s)|(?<=\bto\s))be\s+"
    r"(?=(?:end|stop|close|expire|cease|terminate)\s+(?:on|in|at|by|after|from)\b)",
    re.I,
)
_SHUTDOWNED = re.compile(r"\bshutdowned\b", re.I)


# an end promised no earlier than its date ("The support period ends no earlier than 31 December 2028", "Support
# … will not end before …"): the end comes at the date or after it, as "ends as of DATE" reads (from a month's or
# a year's first day); the words blanked keep their places
_DATE_AHEAD = rf"(?=\s+(?:the\s+)?(?:\d|{MON}\s))"  # (a month by its name, not "marketing")
_NO_EARLIER = re.compile(
    r"\b(?P<verb>(?:end|ends|ending|expire|expires|stop|stops|cease|ceases)\s+)"
    rf"(?P<bound>no\s+(?:earlier|sooner)\s+than|not\s+before){_DATE_AHEAD}",
    re.I,
)
_NOT_BEFORE = re.compile(rf"\b(?P<not>not\s+)(?P<verb>(?:end|expire|stop|cease)\s+)before{_DATE_AHEAD}", re.I)


def _least_end(text: str) -> str:
    """ "ends no earlier than DATE", "will not end before DATE": as "ends as of DATE", in the same places."""
    text = _NO_EARLIER.sub(lambda m: m.group("verb") + "as of" + " " * (len(m.group("bound")) - 5), text)
    return _NOT_BEFORE.sub(lambda m: " " * len(m.group("not")) + m.group("verb") + "as of ", text)


# two participles joined by a slash ("is being decommissioned/replaced in September 2026"), one token to the
# parser: the first is read, the second blanked
_SLASHED_PARTICIPLES = re.compile(r"(?<=[a-z]ed)/[a-z]+ed\b")


# "gets security updates through October 2026": after a noun that names their kind, the parser takes "updates" for a
# verb; capitalised (one letter for one), it is the noun it is
_UPDATES_AS_VERB = re.compile(
    r"(?:(?<=\bsoftware\s)|(?<=\bsecurity\s)|(?<=\bfirmware\s)|(?<=\bsystem\s)|(?<=\bOS\s))updates"
    r"(?=\s+(?:through|thru|until|till|into)\b)",
    re.I,
)


_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|code|em|font|h[1-6]|i|kbd|mark|small|span|strong|sub|sup|u)(?:\s[^<>]{0,500})?>", re.I
)


# an emoji's shortcode leading a sentence (":warning: Warning: Conversational Actions will be deprecated …"), not
# a reStructuredText option (":header-rows: 1", ":align: center"), whose value is a number or a lower-case word
_SHORTCODE_LEAD = re.compile(r"^\s*:[a-z][a-z0-9_+-]*:(?=\s+[A-Z])")


def _for_the_parser(text: str) -> str:
    """The text as the parser reads it best, each character in its place."""
    text = _SHORTCODE_LEAD.sub(lambda m: " " * len(m.group(0)), text)
    text = _ASKING_ASIDE.sub(lambda m: " " * len(m.group(0)), text).translate(_STRAIGHT_QUOTES)
    text = _CITING.sub(_bracketed_date_only, text)  # "(… cites Sept 30, 2026)": the date the brackets give
    text = _SUNSETS_AS_VERB.sub("expires", text)
    text = _SHUTS_AS_VERB.sub("shut ", text)
    text = _BE_BEFORE_VERB.sub(lambda m: " " * len(m.group(0)), text)
    text = _SLASHED_PARTICIPLES.sub(lambda m: " " * len(m.group(0)), text)
    text = _UPDATES_AS_VERB.sub("Updates", text)
    text = _SHUTDOWNED.sub("shut down ", text)
    text = _least_end(text)
    text = _END_OF_DAY.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
    # a Markdown link's brackets and address blanked: "Logitech is [sunsetting ](https://…) its servers" is
    # parsed as the words it shows
    text = _MD_LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), text)
    # HTML set inline in Markdown: "Google Cloud IoT Core is <a href="…">retired as of August 16, 2023</a>"
    text = _INLINE_TAG.sub(lambda m: " " * len(m.group(0)), text) if "<" in text else text
    return _SUPPORT_AS_VERB.sub(lambda m: m.group(0).capitalize(), text)


def parsed_prose(sents: list[str]) -> dict[int, Parts]:
    """Parse the sentences that hold a date and read as prose (not table rows or label lines).
    Clauses between semicolons are parsed on their own: each is a sentence in its own right."""
    picked = [i for i, s in enumerate(sents) if " | " not in s and dates_in(s) and not label_line(s)]
    pieces: list[tuple[int, int, str]] = []
    budget = _PARSE_BUDGET  # a huge page: the sentences past the budget are read by the patterns alone
    for i in picked:
        parts: list[tuple[int, int, str]] = []
        offset = 0
        for part in sents[i].split(";"):
            if parts and len(_WORD.findall(part)) <= _FRAGMENT_WORDS:
                # "… quarterly security updates; from 2024 until 2026": a fragment goes with its clause
                i_, o_, before = parts.pop()
                parts.append((i_, o_, (before + "," + part)[:PART_CHARS]))  # (parsed as the clause's tail)
            elif part.strip():
                parts.append((i, offset, part[:PART_CHARS]))
            offset += len(part) + 1
        budget -= sum(len(x[2]) for x in parts)
        if budget < 0:
            break
        pieces += parts
    if not pieces:
        return {}
    # an aside in brackets that asks or trails off ("(maps...?)") breaks the parse of the clause it
    # sits in; blanked, the words keep their places. Curly quotes ("Netflix’s") are parsed as the
    # straight ones they stand for, one character for one, so the places stay
    docs = language.parse([_for_the_parser(text) for _i, _o, text in pieces])
    out: dict[int, Parts] = {}
    for (i, offset, _text), doc in zip(pieces, docs, strict=True):
        out.setdefault(i, []).append((offset, doc))
    return {
        i: parts
        for i, parts in out.items()
        if any(t.tag_.startswith("VB") for _o, d in parts for t in d)
        or SUPPORT.search(sents[i])
        or stop_dated_in_brackets(sents[i])
    }
