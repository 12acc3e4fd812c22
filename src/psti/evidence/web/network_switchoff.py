"""A device that stops working when the network it needs is switched off.

Telecare alarms on analogue phone lines, smart meters and alarm panels on 2G/3G, and landlines
themselves end with their network: "analogue telecare devices that won't work due to the digital
switchover … The full retirement of the traditional phone network is set for January 2027". The
page must tie the product to the network (the product is a network or is named as running on one,
or a sentence naming it says it will stop working); the date is then the one the page gives the
network's switch-off.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from psti.evidence.web.dates import DatePart, Precision
from psti.evidence.web.pagetext import clip

_NETWORK = re.compile(
    r"\b(?:[23]G|analogue|analog|landlines?|(?:tele)?phone\s+(?:lines?|network)|PSTN|(?:copper|traditional)\s+(?:lines?|network)|"
    r"(?:mobile|cellular)\s+networks?)\b",
    re.I,
)
# a product that is itself a network or a line ("traditional landlines"; not "Acme 3G Speaker")
_IS_A_NETWORK = re.compile(r"\b(?:landlines?|(?:tele)?phone\s+lines?|copper\s+lines?|networks?|pstn)\b", re.I)
# a product that runs on such a network ("Care alarms on the analogue copper voice line", "smart meters
# using 2G/3G SIM communications", "3G-based alarm monitors")
_RUNS_ON = re.compile(
    r"\b(?:on|over|using|via|through)\s+(?:the\s+|a\s+|an\s+)?(?:[\w&’'-]+\s+){0,3}?"
    r"(?:[23]G|analogue|analog|PSTN|copper|landlines?|(?:tele)?phone\s+lines?)\b|\b[23]G[\s-](?:based|only)\b|"
    r"^\W*(?:analogue|analog)\b",  # the product is itself analogue ("Analogue-line telecare alarms")
    re.I,
)
_SWITCH_OFF = re.compile(
    r"\b(?:switch(?:ed|es|ing)?[\s-]+off|switch-?over|shut(?:s|ting)?[\s-]*(?:down|off)|retir(?:e|ed|es|ing|ement)|"
    r"turn(?:ed|s|ing)?\s+off|"  # "all analogue phone line connections will be turned off"
    r"clos(?:e|es|ed|ing|ure)\b(?!\s+to\b)|"  # "2G and 3G networks to close by 2033"
    r"sunset\w*|phas(?:e|ed|es|ing)[\s-]+out|decommission\w*|switching\b[^.]{0,40}?\bto\s+digital)\b",
    re.I,
)
# the move to digital done: "The switch from traditional analogue landlines to digital landlines … is scheduled to
# be completed by January 2027", "BT … wants to complete that transition by the end of 2025", "these traditional
# lines would become digital by 2025"
_MOVE = r"(?:switch(?:-?over)?|upgrade|transition|migration|move)"
_COMPLETED = re.compile(
    rf"\b{_MOVE}\b[^.]{{0,120}}?\bcomplet(?:e|ed|es|ing|ion)\b|\bcomplet(?:e|ed|es|ing)\s+(?:\w+\s+){{0,2}}{_MOVE}\b|"
    r"\bbecome\s+digital\b",
    re.I,
)
_STOPS_WORKING = re.compile(
    r"\b(?:won[’']t|will\s+not|would\s+not|wouldn[’']t|may\s+not|might\s+not|can(?:no|[’'])t|will\s+no\s+longer|"
    r"(?:will|would|could|may)\s+stop|stop)\s+(?:work\w*|function\w*|operat\w*)",
    re.I,
)
# a date that says which products, not when the network goes: "a Model S vehicle built before June 2015"
_WHICH_PRODUCTS = re.compile(
    r"\b(?:built|made|manufactured|produced|sold|bought|purchased|installed|released|launched)\s+"
    r"(?:\w+\s+)?(?:before|after|in|from|since|until|prior\s+to|between)\s+$",
    re.I,
)
# "has been put back from December 2025 to the end of January 2027", "by 2025 (now put back to January 2027)": the
# date moved to
_MOVED = re.compile(r"\b(?:put\s+back|pushed\s+back|moved|delayed|postponed|extended|changed)\s+(?:from|to)\b", re.I)
# a date that names a document's revision, not a switch-off: "analogue to digital switchover, August 2023 update"
_REVISION = re.compile(r"^\s+(?:update|edition|version|revision)\b", re.I)
# a date an announcement was made on: "In November 2017, UK communications providers announced intentions to retire
# copper analogue telephone landline networks"
_ANNOUNCED_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:announc\w*|said|stated|revealed)\b", re.I)


@dataclass(frozen=True)
class NetworkEnd:
    sentence: str
    day: dt.date
    precision: Precision
    why: str


def network_end(
    sentences: list[str],
    product_terms: tuple[str, ...],
    names: Callable[[str], bool],
    dates: Callable[[str], list[DatePart]],
) -> NetworkEnd | None:
    """The day the network the product needs is switched off, when the page ties the two."""
    tie = next((t for t in product_terms if _IS_A_NETWORK.search(t) or _RUNS_ON.search(t)), None)
    if tie is None:
        tie = next((s for s in sentences if names(s) and _STOPS_WORKING.search(s)), None)
    if tie is None:
        return None
    found: list[NetworkEnd] = []
    for k, s in enumerate(sentences):
        network, completed = _NETWORK.search(s), _COMPLETED.search(s)
        switch = _SWITCH_OFF.search(s) or completed
        previous = sentences[k - 1] if k else ""
        if network is None and completed:
            # "… retiring the analogue landline network and replacing it with a digital landline network. This
            # digital upgrade is expected to be fully completed in January 2027": the move the sentence before names
            network = _NETWORK.search(previous)
        given = [
            d
            for d in dates(s)
            if not _WHICH_PRODUCTS.search(s[: d[0].start()])
            and not _REVISION.match(s[d[0].end() :])
            and not _ANNOUNCED_AFTER.match(s[d[0].end() :])
        ]
        if network is None or switch is None or not given:
            continue
        if len(given) > 1 and not _MOVED.search(s):
            continue  # several dates, none said to replace the others: whose is whose is not said
        m, day, precision = given[-1]
        why = f"{m.group(0)}: {switch.group(0)!r} of the {network.group(0)} the product needs ({clip(tie, 80)!r})"
        found.append(NetworkEnd(s, day, precision, why))
    return found[0] if len({(e.day, e.precision) for e in found}) == 1 else None
