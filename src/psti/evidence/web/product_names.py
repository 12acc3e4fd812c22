"""Whether a text names a product: its name as whole words, its short forms and model codes.

A support statement counts only for the product it names, and pages name products loosely
("Fire TV Sticks", "the 12 / 12 Pro", "PS Vita", a Korean name with its particle), while a
near name is often another model ("Xiaomi 12T" is not the Xiaomi 12, "Surface Go 2" not the
Surface Go). The same rules serve sentences and table rows.
"""

from __future__ import annotations

import functools
import re

from psti.evidence.web.cjk import HANGUL, latin_apart
from psti.evidence.web.dates import MONTHS, DatePart
from psti.evidence.web.foreign import MONTH_NAMES
from psti.evidence.web.support_tree import ON_PLATFORM


def normalised(s: str) -> str:
    return re.sub(r"[\s\-_]+", " ", s.lower()).strip()


# words that make another model of a name: "Acme Doorbell Pro" is not the Acme Doorbell
VARIANTS = r"(?:pro|plus|max|mini|lite|ultra|xl|se|neo|air|[45]g|lte|alpha|beta|rc\d*|preview)"


def plain_words(s: str) -> str:
    """Words only, in lower case: "Nexus 7 (2012)" and the parser's "Nexus 7 ( 2012 )" alike."""
    # "J6 +" is "j6+"; a date stays one word ("31.03.2030"), so it is not taken for a model number
    return " ".join(re.findall(r"[\w+]+(?:[./][\w+]+)*", re.sub(r"\s+\+", "+", s.lower())))


def joined_codes(s: str) -> str:
    """A model number split by the tokeniser ("12 T") joined again ("12t")."""
    return re.sub(r"(?<=\d) (?=[a-z](?![a-z]))", "", s)


# words a product's name may end in that a page leaves out: "My Cloud OS 3 devices" is "My Cloud OS 3"
_GENERIC_TAIL = frozenset(
    {"device", "devices", "product", "products", "model", "models", "range", "series", "unit", "units", "box",
     "boxes", "set-top", "set", "top", "firmware", "family", "line", "lineup"}
)  # fmt: skip


# mobile networks being switched off (not "5G", a model's suffix in "Pixel 4a 5G")
_MOBILE_GENERATION = re.compile(r"\b([23]G)\b", re.I)
_CONNECTS = re.compile(r"\b(?:network|cellular|connect\w*|radio|modem|tcu|sim)\b", re.I)
_NETWORK_KINDS = ("network", "cellular network", "wireless network", "service", "wireless service", "cellular service")


_CONSOLE_NAMES = (
    (r"\bplaystation\s*(\d)\b", r"PS\1"),
    (r"\bps(\d)\b", r"PlayStation \1"),
    (r"\bplaystation\s+vita\b", "PS Vita"),
    (r"\bps\s+vita\b", "PlayStation Vita"),
    (r"\bplaystation\s+portable\b", "PSP"),
    (r"\bpsp\b", "PlayStation Portable"),
)


@functools.lru_cache(maxsize=64)  # (asked for every sentence of a page, always for the same terms)
def with_short_forms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms, and each without a description in brackets ("Home Control (radiator thermostats,
    …)"), each of two products named together, and each without its generic last words when two
    words or a model number remain."""
    out = list(terms)
    for term in list(terms):
        bare = re.sub(r"\s*\([^()]*\)\s*", " ", term).strip()
        if bare and bare != term:
            out.append(bare)
        for inner in re.findall(r"\(([^()]+)\)", term):
            # a short name in brackets is another name of the product ("openmediavault 6.0 (Shaitan)")
            if "," not in inner and len(inner.split()) <= 3 and inner[:1].isalpha():
                out.append(inner)
    for term in list(out):
        # two products named together ("BMW Assist and BMW ConnectedDrive", "PowerPC machine / older OS"):
        # each is named on its own, when each is a name in its own right (two words or a model number;
        # not "Black and Decker")
        parts = [x.strip() for x in re.split(r"\s+(?:and|&|/)\s+", term)]
        if len(parts) == 2 and all(len(x.split()) >= 2 or re.search(r"\d", x) for x in parts):
            out += parts
        # a list of models ("iPhone 11, iPhone 11 Pro und iPhone 11 Pro Max", in any language): each
        listed = [x.strip() for x in re.split(r",\s*|\s+(?:and|und|et|y|e|&)\s+", term) if x.strip()]
        if 3 <= len(listed) <= 8 and all(re.search(r"\d", x) and re.search(r"[^\W\d_]", x) for x in listed):
            out += listed
    for term in list(out):
        # an app named with the platform it runs on ("YouTube app on PlayStation Vita"): a page about
        # that platform names the app alone
        on = re.match(
            r"^(?P<app>.+?\b(?:app|apps|application|client|channel|service))\s+(?:on|for|with)\s+(?P<platform>\S.*)$",
            term,
            re.I,
        )
        if on is not None and len(on.group("app").split()) >= 2:
            out.append(on.group("app"))
        if on is not None and re.search(r"\d", on.group("platform")):
            # and on the app's own pages the platform's version alone: "End of support for Android KitKat (4.4)"
            out.append(on.group("platform"))
    for term in list(out):
        # a console's name and its common short form name the same thing ("PS2" for "PlayStation 2")
        for long_form, short_form in _CONSOLE_NAMES:
            if re.search(long_form, term, re.I):
                out.append(re.sub(long_form, short_form, term, flags=re.I))
    for term in list(out):
        # a device that connects over an old mobile network ("3G radio alarm systems on AT&T's 3G
        # network", "2011-2014 LEAF with 2G TCU") stops with that network: the network named is the product
        gen = _MOBILE_GENERATION.search(term)
        if gen is not None and _CONNECTS.search(term):
            out += [f"{gen.group(1)} {kind}" for kind in _NETWORK_KINDS]
    for term in list(out):
        # a long name's last two words after "the" ("the micro agent" of "Defender-IoT-micro-agent for
        # Eclipse ThreadX"): the page's own short name for it
        main = plain_words(re.split(r"\s+(?:for|on|with)\s+", term, maxsplit=1)[0]).split()
        if len(main) >= 3 and "(" not in term and not any(w in _GENERIC_TAIL for w in main[-2:]):
            out.append("the " + " ".join(main[-2:]))
    for term in list(out):
        words = plain_words(term).split()
        while words and words[-1] in _GENERIC_TAIL:
            words.pop()
        short = " ".join(words)
        if short and short != plain_words(term) and (len(words) >= 2 or any(ch.isdigit() for ch in short)):
            out.append(short)
    return tuple(dict.fromkeys(out))


# the particles Korean sets right after a name ("서피스고2는", "갤럭시워치의", "워치3까지")
_KOREAN_PARTICLE = r"(?:은|는|이|가|의|을|를|도|와|과|에서|에|으로|로|부터|까지|만|처럼)"


# where a name's words run together, as machine-translated pages write them ("SurfaceGo", "SurfacePro8", "Surface
# Studio2"): a capital after two small letters, a digit after two letters
_RUN_TOGETHER = re.compile(r"(?<=[a-z]{2})(?=[A-Z])|(?<=[A-Za-z]{2})(?=\d)")


def names_product(terms: tuple[str, ...], text: str, *, brand_needed: bool = True, short_forms: bool = True) -> bool:
    """The text names the product: a term as whole words ("Xiaomi 12" is not named by "Xiaomi
    12T"; "Fire TV Sticks" names "Fire TV Stick"), or its numbered model part ("F5" of "Poco F5")
    with the first word of the name elsewhere in the text (not needed when `brand_needed` is
    false, for a clause whose sentence already names the maker); also the whole name with its words
    run together ("SurfaceGo3" names "Surface Go 3"), the name's own words taken apart the same way."""
    if _names_product(terms, text, brand_needed, short_forms) or _named_before_a_day(terms, text):
        return True
    apart = _RUN_TOGETHER.sub(" ", text)
    if apart == text or _names_a_sibling(terms, apart):
        return False
    # (the whole name only: a shorter form of it, "Dell Chromebook 13" of "Dell Chromebook 13 (3380)", may begin
    # another model's name once the words are apart, "DellChromebook 13 (3380) Pro")
    t = _words_of(apart)
    return any(_whole_name(joined_codes(plain_words(_RUN_TOGETHER.sub(" ", x))), t) for x in terms)


_SPACES = r"\s+"
_MONTH_WORD = "(?:" + "|".join(sorted(map(re.escape, set(MONTHS) | MONTH_NAMES), key=len, reverse=True)) + r")\b"


def _named_before_a_day(terms: tuple[str, ...], text: str) -> bool:
    """The whole name, a colon, bar or dash, then a day of a month: "Acme Hub: 31 March 2025", "Acme Hub –
    31 март 2025" (the day is no model's number, as "2" of "Surface Go 2" is)."""
    names = (_SPACES.join(map(re.escape, term.split())) for term in terms if term.strip())
    return any(re.search(rf"(?<![\w+]){name}\s*[:|–—-]\s*\d{{1,2}}\.?\s+{_MONTH_WORD}", text, re.I) for name in names)


def _words_of(text: str) -> str:
    # ("ブランドInsteonは": a name set in Japanese is a word of its own)
    return joined_codes(plain_words(latin_apart(text)))


def _whole_name(term: str, t: str) -> bool:
    """The name as whole words, not another model's beginning: not "Surface Go 2" (and a Korean name with
    its particle: "서피스고2는")."""
    return (
        re.search(
            rf"(?<![\w+]){re.escape(term)}(?:e?s|{_KOREAN_PARTICLE})?(?![\w+])(?!\s+(?:\d{{1,2}}(?:\s|$)|{VARIANTS}\b))",
            t,
        )
        is not None
    )


def _names_product(terms: tuple[str, ...], text: str, brand_needed: bool, short_forms: bool) -> bool:
    if _names_a_sibling(terms, text):
        return False
    t = _words_of(text)
    for term in (joined_codes(plain_words(x)) for x in (with_short_forms(terms) if short_forms else terms)):
        if _whole_name(term, t):
            return True
        if (on := ON_PLATFORM.match(term)) is not None and all(
            re.search(rf"(?<![\w+]){re.escape(part)}(?![\w+])", t) for part in on.group("app", "platform")
        ):
            return True  # "Netflix on the PlayStation 3": "Netflix's departure from the PlayStation 3"
        words = term.split()
        tail = " ".join(words[1:])
        # a model code ("f5", not a bare "12"), or a name marked as a model ("vision+")
        # (not a network's generation: "2G" of "Electron 2G" is named by "AT&T 2G")
        coded = (
            (any(ch.isdigit() for ch in tail) or "+" in tail)
            and any(ch.isalpha() for ch in tail)
            and not re.fullmatch(r"[2-5]g", tail)
        )
        if (
            len(words) >= 2
            and coded
            and re.search(rf"(?<![\w+]){re.escape(tail)}(?![\w+])(?!\s+{VARIANTS}\b)", t)
            and (not brand_needed or re.search(rf"(?<![\w+]){re.escape(words[0])}(?![\w+])", t))
        ):
            return True
        if len(words) == 2 and HANGUL.search(words[1]) and _korean_pair(words[0], words[1]).search(t):
            return True  # "LG 벨벳과 윙의 경우": the maker's name serves both models joined by "과"
        k = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), 0)
        if k >= 1 and _gapped_name(" ".join(words[:k]), " ".join(words[k:])).search(t):
            # "Nokia 6.1 Plus and 7.1", "Acme Phone 12 / 12 Pro": the name's first words serve both models
            return True
    return False


_MARKED = re.compile(r"(?P<bare>.+?)\s*\((?P<mark>[^()]{1,12})\)")


def _names_a_sibling(terms: tuple[str, ...], text: str) -> bool:
    """The text names the product's line only with another variant's mark in brackets ("Chromecast with
    Google TV (4K)" for "Chromecast with Google TV (HD)")."""
    for term in terms:
        if (m := _MARKED.fullmatch(term)) is None:
            continue
        marks = [x.group("mark") for x in _with_any_mark(m.group("bare")).finditer(text)]
        if marks and all(x is not None and x.lower() != m.group("mark").lower() for x in marks):
            return True
    return False


@functools.lru_cache(maxsize=64)  # (asked for every sentence, always for the same terms)
def _with_any_mark(bare: str) -> re.Pattern[str]:
    """A line's name with whatever variant's mark follows it in brackets ("Chromecast with Google TV (4K)")."""
    return re.compile(rf"{re.escape(bare)}(?:\s*\((?P<mark>[^()]{{1,12}})\))?", re.I)


def _korean_pair(lead: str, rest: str) -> re.Pattern[str]:
    """The model after another of the same maker joined by Korean "and" ("lg 벨벳과 윙")."""
    return re.compile(rf"(?<![\w+]){re.escape(lead)}\s+\w+(?:과|와)\s+{re.escape(rest)}{_KOREAN_PARTICLE}?(?![\w+])")


def _gapped_name(lead: str, rest: str) -> re.Pattern[str]:
    """The model after another of the same line, its leading words left out (a slash is gone from
    the normalised text, so "12 / 12 Pro" reads "12 12 pro")."""
    return re.compile(
        rf"(?<![\w+]){re.escape(lead)}\s+\d[\w.+ ]{{0,20}}?(?:,\s+|\s+(?:and|or|&)\s+|\s+){re.escape(rest)}"
        rf"(?![\w+.])(?!\s+(?:years?|months?|weeks?|days?|hours?|times|per|percent|{VARIANTS})\b)"
    )


def row_name_parts(terms: tuple[str, ...], full: str) -> set[str]:
    """What names the product in a table row on a page that names its maker or line: the rest of
    its name after the first word, when that rest has a number ("22.03" of "OpenWrt 22.03"), or a
    shorter end of it that still has one ("v2.4.x series" of "Link IoT Edge v2.4.x series")."""
    said = plain_words(full)
    words_on_page = set(said.split())
    # a page that never names the product in full ("3.6.x | Support Ends …" in cryptoauthlib's own
    # file, "A51 : EOL …" in a thread about Samsung phones) can only name it by the rest of its name
    unnamed = not any(plain_words(t) in said for t in terms)
    out = set()
    for term in terms:
        words = plain_words(term).split()
        tail = " ".join(words[1:])
        if len(words) >= 2 and (words[0] in words_on_page or unnamed) and any(ch.isdigit() for ch in tail):
            out.add(tail)
            out.update(" ".join(words[k:]) for k in range(2, len(words) - 1) if any(ch.isdigit() for ch in words[k]))
            if len(words) >= 3 and words[-1].isdigit() and words[-2].isalpha():
                out.add(" ".join(words[-2:]))  # "series 6" of "Apple Watch Series 6" (a row's "series-6")
            # "22H2" of "Windows 10 IoT Enterprise, version 22H2": a last word that is a version (also a
            # series' "6.x.y") or a code
            last = words[-1]
            if len(words) >= 3 and re.fullmatch(r"\d+(?:\.(?:\d+|[xyz]))+|(?=\w*\d)(?=\w*[a-z])\w{2,}", last):
                out.add(last)
    return out


def outside_name(s: str, dates: list[DatePart], terms: tuple[str, ...]) -> list[DatePart]:
    """The dates of a line that are not part of the product's name ("Motorola edge 2024")."""
    spans = [(m.start(), m.end()) for t in terms for m in re.finditer(re.escape(t), s, re.I)]
    return [d for d in dates if not any(a <= d[0].start() < b for a, b in spans)]
