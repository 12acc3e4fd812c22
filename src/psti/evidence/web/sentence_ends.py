"""A sentence's end, period or vague time read from its words by pattern, without a parse.

The words that make a date an end ("until", "end of support:", a stop after "from"), the date a
sentence of several ends gives security updates, a duration and the start it is counted from
("for 5 years from 1 March 2024"), a vague time ("for the lifetime of the product"), and the
forms the parser takes apart (a hyphenated end's name before its date, a deadline to move off, a
replacement needed to go on, what "That means … until" gives a period). Table rows, the parse
and the page reader build on these patterns, so they are kept in one place below them.
"""

from __future__ import annotations

import datetime as dt
import re

from psti.evidence.web.dates import NUMBER_WORDS, DatePart, Precision, count, later
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_statements import SupportStatement, end_at
from psti.evidence.web.support_tree import FROM_START, ROUGHLY
from psti.evidence.web.table_rows import LAST_WORKING_DAY

# the day a product last works, a label or words for its end ("Last functional day: December 9, 2024")
SUPPORT = re.compile(
    r"security\s+(?:updates?|patch(?:es)?|fixes|support)|software\s+updates?|firmware\s+updates?|"
    r"support(?:ed)?\s*[:–-]?\s+(?:(?:for\s+)?\w+\s+(?:years?|months?)\s*[(,]?\s*)?(?:period|until|till|through|ends?)|defined\s+support|updates?\s*:?\s+(?:at\s+least\s+)?(?:until|till|through)|"
    r"ends?[\s-]of[\s-](?:life|support|service|security|updates)|\beol\b|will\s+(?:be\s+)?(?:supported|updated|patched|maintained)|"
    r"receiv(?:e|es|ing)\s+(?:security\s+|software\s+|firmware\s+)?(?:updates|support)|support\s+end|updates?\s+end|updates?\s+for\s+as\s+long|"
    r"supported\s+for|(?:updates?|support)\s+(?:is\s+|are\s+|will\s+be\s+)?(?:guaranteed|provided|available)\s+(?:for|until)|"
    r"(?:update|support)\s+(?:guarantee|commitment|policy)|last\s+(?:security\s+)?update|no\s+longer\s+supported|out\s+of\s+support\b|"
    rf"last\s+(?:date|day)\s+of\s+support|{LAST_WORKING_DAY}\b|"
    r"(?:turn|shut)[\s-]?down\s+date|(?:sunset|retirement|closure|switch[\s-]?off)\s+date|"  # a service's end day
    r"(?:years?|months?)\s+of\s+(?:[\w-]+\s+){0,5}?(?:updates|upgrades|patches|support)\b|"
    r"(?:\bend|\bstop|\bcease|\bdrop|discontinu\w*|terminat\w*)\s+(?:\w+\s+){0,2}(?:support|updates?)\b",
    re.I,
)
_END_MARKER = re.compile(
    r"(?:\buntil|\btill|\bthrough|\bthru|\bto|\bends?|\bending|\bended|end\s+date|end\s+of\s+(?:life|support)|"
    r"\beol|\bexpires?|no\s+(?:earlier|sooner)\s+than|\bon|:)"
    r"(?:\s+(?:at\s+least|the\s+end\s+of|the\s+last\s+day\s+of|end\s+of|on|in|the|least))*[\s:,(]*$",
    re.I,
)
# "not guaranteed after October 2019", "will stop getting security updates after 2030"
# "stop software updates for the device in March 2023", "end technical support for older
# products, effective January 31, 2026": a stop word, then the date it takes effect
STOP = (
    r"(?:not\s+(?:be\s+)?guaranteed|(?:won['’]t|will\s+not|can(?:no|['’])t|do(?:es)?\s+not|(?:doesn|don)['’]t)\s+guarantee\b|\bstop(?:s|ped|ping)?\b|\bcease[sd]?\b|\bno\s+(?:longer|more)\b|\bends?\b|"
    r"\bend\s+(?:\w+\s+){0,2}(?:support|updates?)|discontinu\w*|terminat\w*|won't\s+(?:get|receive)|"
    r"\bconclud\w*|\bexpir\w*|\bdrop(?:s|ped|ping)?\b|phas(?:e|es|ed|ing)\s+out|\bsunset\w*|\bretir\w*|"
    r"will\s+not\s+(?:get|receive)|\bno\s+(?:\w+\s+)?(?:security\s+|software\s+|firmware\s+)?(?:updates|patches)|"
    r"\bturn(?:s|ed|ing)?\s+off\b|\bshut(?:s|ting)?\s+(?:down|off)\b|\boffline\b)"
)
_END_AFTER = re.compile(
    STOP + r"[^.;]{0,80}\b(?:after|in|on|from|as\s+of|effective(?:\s+from)?|starting|beginning|come)\s+$", re.I
)
# "After April 2020 no software updates will be made available", "come May 2020, … will no
# longer receive software updates": the date first, the stop after it
_LEAD_IN = re.compile(r"(?:^|[,;:]\s*|\bthat\s+)(?:after|from|as\s+of|come|starting|beginning|effective)\s+$", re.I)
_STOP_AFTER = re.compile(r"^[\s,]{0,3}[^.;]{0,80}?" + STOP, re.I)
# an end date for updates that are not security updates ("Android feature updates till October 2018")
_OTHER_UPDATES = re.compile(
    r"(?:feature|android(?:\s+(?:os|version))?|os|version|major|platform|operating\s+system|app)\s+(?:updates?|upgrades?)",
    re.I,
)
_SECURITY_WORD = re.compile(r"secur|patch", re.I)
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
RANGE = re.compile(r"^\s*(?:through|thru|to|until|till|–|—|-)\s*$", re.I)
_DATE_JOIN = re.compile(r"^\s*(?:,|and|or|&|,\s*and)\s*$", re.I)
DURATION = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,3}(?:[.,]5(?!\d))?|" + "|".join(NUMBER_WORDS) + r")\s*(?:\(\d+\)\s*)?[- ]?"
    r"(?:more\s+|further\s+|additional\s+)?(?P<unit>years?|months?)",
    re.I,
)  # ("4.5 years" is 54 months, not 5 years)


def length_and_unit(m: re.Match[str]) -> tuple[int, str]:
    """A duration's length and unit, a half year counted in months ("4.5 years" -> 54 months)."""
    n, unit = m.group("n"), m.group("unit").lower()
    if n[-2:] in (".5", ",5"):
        whole = int(n[:-2]) * 2 + 1
        return (whole * 6, "months") if unit.startswith("year") else (whole // 2, unit)
    return count(n), unit


_START = re.compile(r"\b(?:from|after|since|starting|following|beginning)\b", re.I)
# words right before a date that make it the first moment of an end ("Beginning May 2020, …")
_BEGINS_AT = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(FROM_START)) + r")(?:\s+(?:in|on))?\s+$"
    # "will stop working at the beginning of 2024": the period's first day
    r"|\bthe\s+(?:very\s+)?(?:beginning|start)\s+of\s+$",
    re.I,
)
# "as of late March 2023": the end is the month's last part, not its first day
_LATE_IN = re.compile(r"\b(?:late|end\s+of|mid|middle\s+of)[\s-]*$", re.I)
_START_GAP = 40  # characters between a start's word and its date
# the start's own clause giving its date further on: "…, which took place on September 22, 2023"
_START_DATED_AFTER = re.compile(r"^[^.;,]*,\s*which\s+(?:was|took\s+place|happened|occurred|came)\s+(?:on|in)\s+", re.I)

_DEVICES_BEFORE = re.compile(
    r"\b(?:devices|models|products|phones|tablets|tvs|units|ones|hardware)"
    r"(?:\s+(?:first\s+)?(?:released|launched|introduced|sold|bought|purchased|made|manufactured|shipped))?\s*$",
    re.I,
)  # ("for devices released after January 1, 2021": which devices, not a start)


def _clause_of(text: str) -> str:
    """The text up to the end of its clause: a new clause ("…, but", "; ", "…, and it") is another statement's."""
    m = re.search(r"[;.]\s|,\s+(?:but|while|whereas|although|though|and\s+(?:it|they|we|he|she))\b|\s\bbut\b", text)
    return text[: m.start()] if m else text


_RELATIVE_START = re.compile(
    r"purchase|bought|buy|first\s+suppl|release|launch|manufactur|activation|registration|"
    r"(?:date\s+of\s+)?sale|availability|introduc|last\s+(?:sold|shipped|produced)|discontinu|end\s+of\s+sale",
    re.I,
)
VAGUE = re.compile(
    r"lifetime|life\s*time|(?:whole|entire|full)\s+life|life\s+of\s+the\s+(?:product|device)|"
    r"as\s+long\s+as\s+(?:\w+\s+){0,3}(?:needed|necessary|required|possible|reasonable|practicable|it\s+is\s+sold)|"
    r"foreseeable\s+future|indefinite(?:ly)?|from\s+time\s+to\s+time|for\s+years\s+to\s+come|"
    r"for\s+(?:many|several|a\s+number\s+of)\s+years|regular(?:ly)?\s+(?:security\s+)?updates|ongoing\s+(?:security\s+)?(?:support|updates)",
    re.I,
)


# "… seven years of OS and security updates … That means if you plan on staying with your Galaxy
# S24 device until 2031, …": a sentence that says what a period comes to
_MEANS = re.compile(r"^\W*(?:that|this|which)\s+means\b", re.I)
_SPAN_TO = re.compile(r"\b(?:until|till|through|thru)\s+(?:at\s+least\s+)?(?:the\s+end\s+of\s+)?$", re.I)


_END_OF_BEFORE = re.compile(
    r"\bend[\s-]of[\s-](?:[\w]+[\s-]){0,2}?(?:life|support|service|updates?|patches|servicing)"
    r"(?:\s*\(\s*[A-Z]{2,6}\s*\))?\s+(?:on|in|at|as\s+of|from|is|will\s+be)\s+$",
    re.I,
)


_MIGRATE_BY = re.compile(
    r"\b(?:must|need\s+to|needs\s+to|have\s+to|has\s+to|should)\s+(?:\w+\s+)?(?:upgrade|migrate|switch|move|update)\b"
    r"[^.;]{0,60}?\bby\s+(?:the\s+end\s+of\s+)?$",
    re.I,
)
_SUNSET_WORDS = re.compile(r"\bsunset|\bdeprecat|\bend[\s-]of[\s-](?:life|support)|\bshut\s*down|\bretire", re.I)


_REPLACE_TO_GO_ON = re.compile(
    r"\b(?:will\s+)?(?:need|needs|have|has)\s+to\s+(?:upgrade|replace|buy|get|switch)\b[^.;]{0,120}?"
    r"\bto\s+(?:continue\s+(?:to\s+)?|keep\s+)(?:watch|us|receiv|access|get|stream)\w*",
    re.I,
)


def replace_to_go_on(s: str) -> tuple[DatePart, str] | None:
    """The one date from which owners must replace or upgrade what they have to go on using the
    service, and the words that say so."""
    if (m := _REPLACE_TO_GO_ON.search(s)) is None:
        return None
    dates = dates_in(s)
    if len(dates) != 1 or dates[0][0].start() > m.start():
        return None
    return dates[0], m.group(0)


def migrate_by(s: str, previous: str) -> DatePart | None:
    """The one date a deadline to move off something sets, under a sentence or heading that names
    its sunset ("… Integration Sunset (v1)" over "Users MUST upgrade by the end of 2026 …")."""
    if not _SUNSET_WORDS.search(previous) and not _SUNSET_WORDS.search(s):
        return None
    found = [(m, d, p) for m, d, p in dates_in(s) if _MIGRATE_BY.search(s[max(0, m.start() - 100) : m.start()])]
    return found[0] if len(found) == 1 else None


def end_of_before(s: str) -> DatePart | None:
    """The one date a named end ("End-of-App-Update (EOAU) on") stands right before, or that
    marks one ("April 2014 will mark the end of support")."""
    found = [
        (m, d, p)
        for m, d, p in dates_in(s)
        if _END_OF_BEFORE.search(s[max(0, m.start() - 60) : m.start()]) or _MARKS_END.match(s, m.end())
    ]
    return found[0] if len(found) == 1 else None


# "… shows April 2014 will mark the end of support for …" (a date the parser took for an object)
_MARKS_END = re.compile(
    r"\s+(?:will\s+|would\s+)?mark(?:s|ed)?\s+the\s+(?:official\s+)?end\s+of\s+"
    r"(?:(?:security\s+)?(?:support|updates?|patches)|life|service|servicing)\b",
    re.I,
)


def meant_end(s: str, previous: str, statements: list[SupportStatement]) -> DatePart | None:
    """The end a "That means … until DATE" sentence gives a period with no start said just before."""
    if not _MEANS.match(s) or not statements:
        return None
    last = statements[-1]
    if last.kind != "period-without-start" or last.sentence != previous[:300]:
        return None
    spans = [(m, d, p) for m, d, p in dates_in(s) if _SPAN_TO.search(s[max(0, m.start() - 40) : m.start()])]
    return spans[0] if len(spans) == 1 else None


def relative_period(s: str) -> bool:
    """ "supported for at least 5 years after launch": a duration, a relative start, an update word."""
    return bool(DURATION.search(s) and _RELATIVE_START.search(s) and re.search(r"updat|support|patch", s, re.I))


def begun_at(s: str, m: re.Match[str], d: dt.date, p: Precision, from_start: bool = False) -> dt.date:
    """A month's or a year's end read at its first day when the end begins with it: "will stop
    supporting it from 2024", "Beginning May 2020, … will stop", "EOL (since 2025-05)". Read as the
    period's last day, it would add a year or a month of support."""
    if (
        (from_start or _BEGINS_AT.search(s[max(0, m.start() - 25) : m.start()]))
        and p in ("year", "month")
        and not _LATE_IN.search(s[max(0, m.start() - 15) : m.start()])
    ):
        return d.replace(month=1, day=1) if p == "year" else d.replace(day=1)
    return d


# the date of an event, not of an end: "last updated on April 27, 2023", "released in 2022"
_EVENT = re.compile(
    r"\b(?:updated|modified|revised|published|posted|released|launched|announced|introduced|issued)"
    r"(?:\s+(?:on|in|at))?(?:\s+the)?\s*$",
    re.I,
)


# a label that dates the end of selling or making the product, or its launch: a start for a
# period of support, not an end ("… for 4 years after the end of sales (end of sales: 31 March 2025)"); the label
# alone, not a name that ends with the word ("End of security support for Kindle Scribe - 2024 Release: …")
_SALE_LABEL = re.compile(
    r"(?:^|[(|;,]\s*)(?:end\s+of\s+(?:sales?|selling|production|manufactur\w*|marketing)|"
    r"(?:release|launch|sales?\s+start)(?:\s+date)?)\s*:\s*$",
    re.I,
)


def _end_marked(s: str, m: re.Match[str]) -> bool:
    before = s[max(0, m.start() - 100) : m.start()]
    if _EVENT.search(before[-40:]) or _SALE_LABEL.search(s, max(0, m.start() - 60), m.start()):
        return False
    if _END_MARKER.search(before[-60:]) and not _START.search(before[-25:]):
        return True
    if _END_AFTER.search(before):
        return True
    return bool(_LEAD_IN.search(before[-40:]) and _STOP_AFTER.search(s[m.end() :]))


def end_date_in(
    s: str, dates: list[tuple[re.Match[str], dt.date, Precision]]
) -> tuple[re.Match[str], dt.date, Precision] | None:
    """The end date a sentence states. Each end-marked date is read with the words since the
    date before it: "feature updates till October 2018 and security updates till October
    2019" ends security updates in October 2019, not 2018; a date joined to an end-marked
    one ("until September 2017 and September 2018") is end-marked too, and "…, respectively"
    pairs the dates in order with the kinds of update listed after them."""
    found: list[tuple[int, str]] = []  # (index into dates, words since the previous date)
    last_end = 0
    range_end = False
    for i, (m, _d, _p) in enumerate(dates):
        segment = s[last_end : m.start()]
        if i + 1 < len(dates) and RANGE.match(s[m.end() : dates[i + 1][0].start()]):
            last_end = m.end()
            range_end = True
            continue  # "from October 2019 until October 2020": the start of a range
        if range_end:  # its end ("from" before the range's start does not make it a start)
            range_end = False
            if not _EVENT.search(s[max(0, m.start() - 40) : m.start()]):
                found.append((i, segment))
                last_end = m.end()
                continue
        if _end_marked(s, m) or (found and found[-1][0] == i - 1 and _DATE_JOIN.match(segment)):
            found.append((i, segment))
        last_end = m.end()
    if not found:
        return None
    if len(found) > 1 and (r := RESPECTIVELY.search(s, dates[found[-1][0]][0].end())):
        items = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", s[dates[found[-1][0]][0].end() : r.start()])
        items = [x for x in items if x.strip()]
        if len(items) == len(found):
            pick = [k for k, item in enumerate(items) if _SECURITY_WORD.search(item)]
            if len(pick) == 1:
                return dates[found[pick[0]][0]]
    # "…and security updates till": the words since the last "and" name the updates that end
    security = [
        i for i, seg in found if _SECURITY_WORD.search(seg) and not _OTHER_UPDATES.search(seg.split(" and ")[-1])
    ]
    if security:
        return dates[security[0]]
    kept = [i for i, seg in found if not (_OTHER_UPDATES.search(seg) and not _SECURITY_WORD.search(seg))]
    return dates[kept[0]] if kept else None


_ROUGHLY = re.compile(rf"\b(?:{'|'.join(sorted(ROUGHLY))})\s+$", re.I)


def in_no_known_month(start_precision: Precision, unit: str) -> bool:
    """Months (or weeks, days) counted from a start known only to its year ("28 months after its
    release in 2017") end in no month the page lets a reader know."""
    return start_precision == "year" and not unit.lower().startswith("year")


def _security_duration(s: str) -> re.Match[str] | None:
    """The sentence's period: of the periods it gives, the one of security updates ("five years of
    major Android OS upgrades and seven years of security patches"), else the first."""
    durations = list(DURATION.finditer(s))
    for dur in durations if len(durations) > 1 else ():
        words = s[dur.end() : dur.end() + 40]
        if _SECURITY_WORD.search(words) and not _OTHER_UPDATES.search(words):
            return dur
    return durations[0] if durations else None


_DATED_EVENT = re.compile(
    r"\b(?:updated|revised|modified|changed|published|posted|released|launched|announced|introduced|written)\b", re.I
)
_END_NAMED = re.compile(r"\bend\b|\beol\b|\beos\b|\buntil\b|\bexpir|\blast\b|\bsunset|\bdiscontinu|\bretire", re.I)
_FINITE = re.compile(r"\b(?:will|would|shall|is|are|was|were|has|have|had)\b", re.I)


def _names_an_end(label: str) -> bool:
    """A label a dash parts from its value: short, naming the end, and no clause ("Support end date —
    31/12/2027"; not "Critical Firmware Updates - All models - …", nor "Acme will end support - on …")."""
    return len(label) <= 60 and _END_NAMED.search(label) is not None and _FINITE.search(label) is None


# what parts a label from its value: "Security updates: March 2030", "Support end date — 31/12/2027"
_LABEL_MARK = re.compile(r":|\s[–—-]\s")


def _range_dashes(s: str, marks: list[re.Match[str]]) -> set[int]:
    """Where a dash between two dates joins a range ("Support period: 01/04/2024 - 31/03/2029"): it parts no label."""
    if all(m.group(0) == ":" for m in marks):
        return set()
    spans = [m.span() for m, _d, _p in dates_in(s)]
    ends, starts = {e for _b, e in spans}, {b for b, _e in spans}
    return {m.start() for m in marks if m.group(0) != ":" and m.start() in ends and m.end() in starts}


def label_mark(s: str, end: int | None = None) -> re.Match[str] | None:
    """The last mark before `end` that parts a label from its value: a colon, or a dash after a label that
    names the end (`_names_an_end`)."""
    marks = list(_LABEL_MARK.finditer(s, 0, len(s) if end is None else end))
    ranges = _range_dashes(s, marks)
    marks = [m for m in marks if m.start() not in ranges]
    if not marks or (marks[-1].group(0) != ":" and not _names_an_end(s[: marks[-1].start()])):
        return None
    return marks[-1]


_THAT_DATE = re.compile(r"\s*(?:that|this|the\s+same)\s+(?:date|day)\b|\s*then\b", re.I)


def sentence_statement(s: str, mentions: bool, ends: bool = True) -> SupportStatement | None:
    sentence = s[:300]
    dates = dates_in(s)
    # 1. an explicit end date in a label or row: "End of support: 2029-12-31"
    end = end_date_in(s, dates) if ends else None
    if end is not None:
        m, d, p = end
        return end_at(sentence, d, p, mentions, m.group(0))
    # 2. a period with a start: "for 5 years from 1 March 2024"
    dur = _security_duration(s)
    if dur:
        n, unit = length_and_unit(dur)
        duration = f"{n} {unit if n != 1 else unit.rstrip('s')}"
        after = s[dur.end() :]
        start_kw = _START.search(_clause_of(after)[: _START_GAP + 30])  # the start belongs to the duration's words
        if start_kw and _ROUGHLY.search(s[: dur.start()]):
            start_kw = None  # "almost ten years after its launch in 2013": a rough span counts to no day
        if start_kw and _DEVICES_BEFORE.search(after[: start_kw.start()]):
            start_kw = None  # "to its Fire TV devices from 2016 and onwards": which devices, not a start
        if start_kw:
            tail = after[start_kw.end() :]
            # the start's date follows its word ("from 1 March 2024", "from the date of sale, 1 March
            # 2024"), not a later clause's ("… (from 2020, pictured below)")
            tail_dates = dates_in(tail)
            starts = [d for d in tail_dates if d[0].start() <= _START_GAP]
            if not starts and (when := _START_DATED_AFTER.search(tail[: _START_GAP * 3])) is not None:
                # "from the date of the first delivery of the smartphone, which took place on September 22, 2023"
                starts = [d for d in tail_dates if d[0].start() == when.end()]
            if not starts and _THAT_DATE.match(tail):
                # "went on sale on 12 September 2023, and Acme guarantees five years of updates from that date"
                before = [d for d in dates if d[0].end() <= dur.start()]
                starts = before if len(before) == 1 and before[0][2] == "day" else []
            if starts and in_no_known_month(starts[0][2], unit):
                starts = []
            if starts:
                m, start, p = starts[0]
                return SupportStatement(
                    sentence, "period-with-start", later(start, n, unit), start, duration, p, mentions, dur.group(0)
                )
            return SupportStatement(
                sentence, "period-without-start", None, None, duration, "day", mentions, (dur.group(0) + after)[:120]
            )
        # a date right after the duration may be its start in words not read here ("five years, 1 March
        # 2024 onwards"); one further on ("… going further than its policy established in 2022") is not
        if _RELATIVE_START.search(after) or not any(0 <= m.start() - dur.end() <= _START_GAP for m, _d, _p in dates):
            return SupportStatement(
                sentence, "period-without-start", None, None, duration, "day", mentions, dur.group(0)
            )
    vague = VAGUE.search(s)
    if vague:
        return SupportStatement(sentence, "vague", None, None, None, "day", mentions, vague.group(0))
    # 3. "Security updates: March 2030" — a label with one date and no other reading (or a dash after the label:
    # "Security update support end date — 31/12/2027")
    # (a dash parts a label only when the label names the end, not a title's parts: "Critical Firmware Updates -
    # All models - December 2016"; and not a page's own date after the label: "Security updates: see our page,
    # updated 12 May 2023")
    mark = label_mark(s, dates[0][0].start()) if ends and len(dates) == 1 else None
    if mark is not None and not _DATED_EVENT.search(s, mark.end(), dates[0][0].start()):
        m, d, p = dates[0]
        return end_at(sentence, d, p, mentions, m.group(0))
    return None
