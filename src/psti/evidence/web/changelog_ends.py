"""Release notes and changelogs: the releases that end support for the product, and dated updates.

A release's heading with its date starts the notes it dates; what those notes say (a removal's
lead and the items under it, a dropped platform, support no longer given, a raised minimum
version past the product's own, "this is the last release of the series") ends the product's
support at the release's date. A changelog's dated entry, a news item's date over an end said to
hold "now", and a notice's dated updates (the latest update's end replaces those before it) are
read here too. The page reader keeps which release the text is under; these patterns say what
each line is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from psti.evidence.web.dates import DATE, DatePart
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_statements import SupportPeriodAnalysis

# a release's heading: a version number or the word release beside its date
RELEASE_HEAD = re.compile(r"\bv?\d+\.\d+(?:\.\d+)*\b|\b(?:release|version)\b", re.I)
VERSION_ONLY = re.compile(r"^\W{0,3}v?\d+(?:\.\d+){1,3}\s*$", re.I)
BRACKETED_DAY = re.compile(r"^\s*\(\s*(?:19|20)\d\d-[01]\d-[0-3]\d\s*\)\s*$")
# a release note's lead into what it removed: "Removed SBC support:", "Removed builds for following
# operating system … versions, as they are End-of-Life"
REMOVAL_LEAD = re.compile(
    r"^\W{0,3}(?:removed|dropped)\s+(?:[\w-]+\s+){0,2}(?:support\b|builds\s+for\b)|"
    r"^\W{0,3}(?:[\w-]+\s+){0,2}support\s+(?:removed|dropped)\s*:",
    re.I,
)
REMOVAL_ITEMS = 12  # lines read under such a lead
REMOVED_SECTION = re.compile(r"\W*(?:removed|removals|dropped)(?:\s+support)?\W*", re.I)
REMOVED_NAME_WORDS = 6  # an item under a removal that is the product's name, not a feature of it
# what a release's notes or a changelog's dated entry say when support for something ends with them
RELEASE_DROPS = re.compile(
    r"^\W{0,3}(?:removed|dropped)\s*:|\bno\s+longer\s+(?:be\s+)?(?:officially\s+)?support(?:s|ed)?\b|\bend(?:s|ed)?\s+support\s+for\b|"
    r"^\W{0,3}end\s+of\s+support\s+for\b|"
    # ("Dropped Raspbian/Debian Jessie support", "rm support for …", as a changelog abbreviates it)
    r"\b(?:drop(?:s|ped|ping)?|remov(?:e|es|ed|ing)|discontinu(?:e|es|ed|ing)|rm)\s+(?:[\w/+.-]+\s+){0,3}?(?:support|builds)\b|"
    # ("Removed armv7-only boards (…)": the boards taken off the supported list)
    r"^\W{0,3}(?:removed|dropped)\s+(?:[\w/+.-]+\s+){0,3}?(?:boards|devices|models|targets|machines)\b|"
    r"\bsupport\s+(?:for\s+.{1,60}?\s+)?(?:has\s+(?:now\s+)?been\s+|was\s+|is\s+)?(?:removed|dropped|discontinued|ended)\b|"
    r"\b(?:has|have)\s+(?:now\s+)?been\s+removed\b|"
    # "`homebridge-myq` is officially retired" in a release's notes
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?(?:officially\s+)?(?:retired|discontinued)\b|"
    # "Windows installer: Refuse to install on Windows 8 as … calibre 6 does not work on Windows 8"
    r"\brefus(?:e|es|ed|ing)\s+to\s+(?:install|run|start|launch)\s+on\b|"
    # "If you are on a PowerPC machine or an older OS X version, do not upgrade"
    r"\bif\s+you\s+(?:are|run)\s+(?:on|using)\b[^.]{1,80},\s+(?:do\s+not|don't|please\s+do\s+not)\s+(?:upgrade|update)\b",
    re.I,
)
# (or an ISO day leading the entry with no colon: "- 2026-04-02 Removed armv7-only boards (…)")
DATED_ENTRY = re.compile(r"^\W{0,3}(?P<when>[^:|]{4,30}):\s+(?=\S)|^\W{0,3}(?:19|20)\d\d-[01]\d-[0-3]\d\s+(?=[A-Z])")
FINAL_RELEASE = re.compile(
    # "this is the last …", "This maintenance release will also be the EoL …", "one last update …"
    r"(?:\b(?:this|it)(?:\s+(?:\w+\s+)?(?:release|update|version))?\s+(?:is|will\s+(?:also\s+)?be)\s+the|"
    r"\bhere\s+(?:is|comes)\s+the|\bone)\s+(?:end[\s-]of[\s-]life|eol|last|final)\s+"
    # "… update of the 21.7 series", "… the last one in the 18.1 series", "the last of the 22.1 series",
    # or the series named first: "the last 16.1 series release"
    r"(?:(?:(?:\w+\s+)?(?:release|version|update|one)\s+)?(?:for|of|in)\b|"
    r"v?\d+(?:\.\d+)+(?:\.x)?\s+(?:\w+\s+)?(?:release|version|update)\b)",
    re.I,
)
BRACKETED_MONTH = re.compile(rf"\(\s*(?:{DATE.pattern})\s*\)\s*$", re.I)
COMPARED = re.compile(r"\bthan\s+$", re.I)  # a date compared to ("older than …"), not the heading's own
RELEASE_DATE_LINE = re.compile(
    rf"^\W{{0,3}}release(?:d\b|\s+date\b)\s*(?:on\s*)?:?\s*(?:{DATE.pattern})\W{{0,3}}$", re.I
)  # a line of its own: "Release date: 01-01-2021"
_VERSION = r"v?(\d+(?:\.\d+){0,3})"
# a release raising the least version it runs on: "Minimum Android version is 8.0 now", "requires at
# least Android 12", "requires iOS 15.5 or newer", "bump min required android version from android 5.0
# to 6.0", "the minimum OS requirement: Android 6.0->8.0", "Bump minimum required Jade firmware version
# to v1.0.40"
_NEW_MINIMUM = re.compile(
    rf"\bmin(?:imum)?\b[^;]{{0,60}}?(?:\bis|\bto|->|→|:)\s*(?:[A-Za-z]+\s+){{0,2}}{_VERSION}(?!\d|\.\d)(?!\s*(?:->|→))|"
    rf"\brequires?\s+(?:at\s+least\s+(?:[A-Za-z]+\s+){{0,2}}{_VERSION}|(?:[A-Za-z]+\s+){{0,3}}{_VERSION}\s*"
    r"(?:or\s+(?:above|newer|later|higher)|\+))",
    re.I,
)
# the product as the versions of a platform below one: "AAPS on Android versions older than 8.0",
# "Jade hardware wallets on firmware older than v1.0.40"; or one version: "Electrum on Android 5.0"
_BELOW_VERSION = re.compile(
    rf"(?P<platform>[A-Za-z]+)(?:\s+versions?)?\s+(?:older\s+than|below|before|prior\s+to|previous\s+to|lower\s+than|<)\s+"
    rf"(?:[A-Za-z]+\s+)?{_VERSION}",
    re.I,
)
# (a version's codename may follow: "on Android 6.0 Marshmallow")
_ON_VERSION = re.compile(rf"\bon\s+(?P<platform>[A-Za-z]+)\s+{_VERSION}(?:\s+[A-Z][a-z]+)?\s*$", re.I)
# a release's label of what it runs on: "Minimum: NC 18 Server, Android 8.0 Nougat"
_MINIMUM_LABEL = re.compile(r"^\W{0,3}min(?:imum)?(?:\s+requirements?)?\s*:\s*(?P<rest>.+)$", re.I)


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def minimum_raised_past(s: str, terms: tuple[str, ...]) -> str | None:
    """The words that raise the least version a release runs on past every version the product
    names, on the same platform: the release ends support for them."""
    raised = list(_NEW_MINIMUM.finditer(s))
    label = _MINIMUM_LABEL.match(s)
    if not raised and label is None:
        return None
    for term in terms:
        bare = re.sub(r"\s*\([^()]*\)\s*", " ", term).strip()
        if (named := _BELOW_VERSION.search(bare) or _ON_VERSION.search(bare)) is None:
            continue
        platform, own = named.group("platform"), _version(named.group(2))
        # the new least version of the product's platform, said with the platform's name
        found = [(m.group(0), _version(next(g for g in m.groups() if g))) for m in raised]
        found = [(words, v) for words, v in found if re.search(rf"\b{re.escape(platform)}\b", words, re.I)]
        if label is not None and (on := re.search(rf"\b{re.escape(platform)}\s+{_VERSION}", label.group("rest"), re.I)):
            found.append((label.group(0), _version(on.group(1))))
        for words, new in found:
            # (the product's versions: all below its bound, or the one it names)
            if (own <= new) if named.re is _BELOW_VERSION else (own < new):
                return words
    return None


# a line that is only a date: the date of the notes under it ("@ July 22, 2016")
def only_a_date(line: str) -> DatePart | None:
    """The date of a line that holds nothing else but marks ("@ July 22, 2016", "## 2025-04-22:")."""
    found = dates_in(line)
    if len(found) != 1 or re.sub(r"[\W_]+", "", line.replace(found[0][0].group(0), "")):
        return None
    return found[0]


THIS_RELEASE = re.compile(
    r"\b(?:since|as\s+of|from|with|starting\s+with|in)\s+this\s+(?:version|release|update|build)\b", re.I
)


# a dated update to a notice: "Update June 6, 2022: Support … will continue until March 31st, 2023"
_UPDATE_LEAD = re.compile(r"^\W*(?:update|updated|edit|edited)\b\W{0,3}(?:on\s+)?(?P<when>[^:]{4,40}?)\s*:", re.I)


def latest_update_holds(out: SupportPeriodAnalysis) -> None:
    """Ends given in a notice's dated updates: the latest update's end replaces those of the
    updates before it ("Update June 7, 2021: … until the end of 2022." then "Update June 6, 2022:
    … until March 31st, 2023.") and those of the notice above them."""
    dated: list[tuple[dt.date, int]] = []
    for k, st in enumerate(out.statements):
        if (
            st.kind == "end-date"
            and (lead := _UPDATE_LEAD.match(st.sentence))
            and (when := dates_in(lead.group("when")))
        ):
            dated.append((when[0][1], k))
    if not dated:
        return
    latest, at = max(dated)
    for k, st in enumerate(out.statements):
        if st.kind == "end-date" and k != at and (k < at or any(k == j and d < latest for d, j in dated)):
            out.statements[k] = replace(st, former=True)


# an end said to hold from now, with no date of its own: the date of the item it is in
_NOW_ENDED = re.compile(
    r"\b(?:is|are)\s+now\s+(?:end[\s-]of[\s-]life|eol|unsupported|no\s+longer\s+(?:supported|maintained))\b|"
    r"\b(?:has|have)\s+now\s+reached\s+(?:its\s+|their\s+)?end[\s-]of[\s-]life\b",
    re.I,
)
ITEM_LOOKBACK = 6  # sentences back to the date line of the item a sentence is in


def ended_now(s: str, sents: list[str], idx: int) -> tuple[DatePart, str] | None:
    """The date of the news item ("22 April 2025", a line of its own) above an end said to hold now,
    and the words that say so."""
    if (now := _NOW_ENDED.search(s)) is None or dates_in(s):
        return None
    for before in reversed(sents[max(0, idx - ITEM_LOOKBACK) : idx]):
        if (found := only_a_date(before)) is not None and found[2] == "day":
            return found, now.group(0)
    return None
