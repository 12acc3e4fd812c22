"""The end a prose sentence states, read from its parse (support_tree) and set among its products.

`tree_statement` takes the roles `support_tree.read_dates` gives a sentence's dates and decides
which end is the product's: the product shut down by its name, clauses set against each other
("…, whereas the Pixel Watch 2 …"), the date a "respectively" pairs with the product, the date
its name stands right before, the security end beside an end of OS updates, and a span counted
from the date that follows it. It also returns the sentence's dates, stops and bounds, which a
later sentence may point back to.
"""

from __future__ import annotations

import re
from dataclasses import replace

from psti.evidence.web.dates import DATE, NUMBER_WORDS, DatePart, count, later
from psti.evidence.web.other_products import names_other_model, other_model, other_named_thing, other_subset
from psti.evidence.web.prepared_sentences import Parts
from psti.evidence.web.product_names import joined_codes, names_product, plain_words, with_short_forms
from psti.evidence.web.sentence_ends import RESPECTIVELY, begun_at, end_date_in, in_no_known_month
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_statements import RANK, SupportStatement, end_at
from psti.evidence.web.support_tree import DateRole, read_dates

# "24 months after the discontinued announcement date (": a span counted from the date that follows
_SPAN_BEFORE = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    r"(?:after|from|following)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?\(?\s*$",
    re.I,
)
# words that point back at a list's items: "those SONOS devices", "these products", "all of the above"
_LIST_BACK = re.compile(
    r"\b(?:those|these|the\s+above|all\s+of\s+the\s+above|the\s+listed|the\s+products\s+listed)\b"
    r"(?:\s+[\w:-]+){0,2}?\s+(?:devices|products|models|items|speakers|players|cameras|phones|routers|units|"
    r"hubs|systems|versions|releases)\b"
    r"|\b(?:all|each|both|every\s+one)\s+of\s+(?:which|them|these|those)\b",  # "…, and Surface Go 3, all of which"
    re.I,
)


# the names a "respectively" pairs with dates: "6a/7a/8a", or "the Pixel 6, Pixel 7 and Pixel 8"
_SLASH_NAMES = re.compile(r"(?<![\w/])([\w+.-]+(?:/[\w+.-]+)+)(?![\w/])")
_NAME_JOIN = re.compile(r",\s+(?:and\s+)?|,?\s+and\s+")


def _respective(s: str, terms: tuple[str, ...], dates: list[DatePart]) -> DatePart | None:
    """The date a "respectively" pairs with the product: the names before the first date and the
    dates after it, in the same order and as many ("The 6a/7a/8a … until July 2027, May 2028, and
    May 2031 respectively" gives the Pixel 7a May 2028)."""
    if (resp := RESPECTIVELY.search(s)) is None or len(dates) < 2:
        return None
    if _NAME_JOIN.search(s, dates[-1][0].end(), resp.start()) or "/" in s[dates[-1][0].end() : resp.start()]:
        return None  # "… until September 2017 and September 2018 for OS and security updates, respectively"
    head = s[max(0, dates[0][0].start() - 300) : dates[0][0].start()]
    lists = [m.group(1).split("/") for m in _SLASH_NAMES.finditer(head)]
    # "the Pixel 6, Pixel 7 and Pixel 8 … until …": the last names of the list the head ends with
    joined = _NAME_JOIN.split(head)
    if len(joined) >= len(dates):
        names = joined[-len(dates) :]
        names[0] = " ".join(names[0].split()[-4:])  # (the words before the list are not the first name)
        lists.append(names)
    for names in lists:
        if len(names) != len(dates):
            continue
        # a name is the product's when it holds the product's name, or its last words ("7a" of "Pixel
        # 7a"), as a run of whole words; and only one name may
        holding = [k for k, name in enumerate(names) if any(_holds(plain_words(name).split(), t) for t in terms)]
        if len(holding) == 1:
            return dates[holding[0]]
    return None


def _holds(words: list[str], term: str) -> bool:
    """The words hold the term, or its last words, as a run ("7a" holds "Pixel 7a"'s end)."""
    tw = plain_words(term).split()
    for k in range(len(tw), 0, -1):
        tail = tw[-k:]
        if k == 1 and not any(ch.isdigit() for ch in tail[0]):
            return False  # a last word alone must be a model's number, not "Pro" or "hub"
        if any(words[i : i + k] == tail for i in range(len(words) - k + 1)):
            return True
    return False


# a subject that is support itself, of nothing named: "and support stops on …"
_BARE_SUPPORT = re.compile(r"(?:(?:the|all|its|technical|security|product)\s+)*(?:support|updates|maintenance)", re.I)


def _bounds_updates(role: DateRole) -> bool:
    """The date bounds a clause about support or updates ("'until 2026' bounds 'receive', about support or updates")."""
    return role.words.endswith(", about support or updates")


# a clause set off by commas that describes what it follows ("…, which shut down in 2023 due to declining sales, …")
_ASIDE = re.compile(r",\s*(?:which|who)\s[^,;:]*,")


def tree_statement(
    s: str, parts: Parts, previous: str, terms: tuple[str, ...], mentions: bool, carried_in: bool = False
) -> tuple[SupportStatement | None, list[DatePart], list[DatePart], list[DatePart]]:
    """The end date a prose sentence states, read from its parse (support_tree), the
    sentence's dates that are not events (for a later "that date"), and those at which
    something stops (for a later "once … cuts off …")."""
    dates = dates_in(s)
    roles = []
    for n, (offset, doc) in enumerate(parts):
        limit = parts[n + 1][0] if n + 1 < len(parts) else len(s) + 1
        here = [(m.start() - offset, m.end() - offset) for m, _d, _p in dates if offset <= m.start() < limit]
        roles += read_dates(doc, here, previous)
    plain = [dp for dp, r in zip(dates, roles, strict=True) if "an event" not in r.words]
    stops = [dp for dp, r in zip(dates, roles, strict=True) if r.stop_point]
    bounds = [dp for dp, r in zip(dates, roles, strict=True) if r.boundary]
    ends = [(dp, r) for dp, r in zip(dates, roles, strict=True) if r.is_end]
    if not ends and terms and (shut := _shut_by_name(s, terms)) is not None:
        # "Nvidia is shutting down GameStream in February 2023": a name alone may be the maker's
        # (the parse leaves it), but the product's own name shut down is the product's end, at the
        # date the stop takes or the one right after the name ("retire those tokens on …")
        ends = [
            (dp, replace(r, words=f"{shut.group(0)!r} at '{dp[0].group(0)}'"))
            for dp, r in zip(dates, roles, strict=True)
            if r.stop_point or (dp[0].start() >= shut.end() and _RIGHT_AFTER.fullmatch(s[shut.end() : dp[0].start()]))
        ]
        if moved := [k for k, r in enumerate(roles) if "was moved (" in r.words]:
            # "is postponing switching off its 3G network from 31 August 2024 to 31 March 2025": the stop's date
            # is the one it was moved to
            k = moved[0] + 1
            ends = []
            if k < len(dates) and re.fullmatch(r"\s+(?:to|until)\s+", s[dates[k - 1][0].end() : dates[k][0].start()]):
                ends = [(dates[k], replace(roles[k], words=f"{shut.group(0)!r} moved to '{dates[k][0].group(0)}'"))]
        mentions = mentions or bool(ends)
    if not ends:
        return None, plain, stops, bounds
    if (deprecations := [(dp, r) for dp, r in ends if r.words.startswith("'deprecat")]) and (
        other := [
            (dp, r) for dp, r in ends if (dp, r) not in deprecations and _BARE_SUPPORT.fullmatch(r.subject.strip())
        ]
    ):
        # "From January 1, 2025 X is deprecated and support stops on April 1, 2025": a deprecation
        # warns of the end of support that the sentence dates on its own
        ends = other
    if (discontinued := [(dp, r) for dp, r in ends if r.words.startswith("'discontinu")]) and (
        bounded := [(dp, r) for dp, r in ends if _bounds_updates(r)]
    ):
        # "The Acme Hub was discontinued in 2022 and will receive security updates until 2026": a product taken
        # off the market goes on being updated to the end the sentence bounds
        ends = [e for e in ends if e not in discontinued or e in bounded]
    if len(ends) > 1 and (asides := [a.span() for a in _ASIDE.finditer(s)]):
        # "Neato Robotics, which shut down in 2023 due to declining sales, has notified customers that cloud
        # services are being phased out during Q4 2025": an aside on the maker's past gives way to the end
        # the sentence itself states
        aside = [(dp, r) for dp, r in ends if any(a <= dp[0].start() < b for a, b in asides) and not _bounds_updates(r)]
        ends = [e for e in ends if e not in aside] or ends
    if terms:  # in "stopping in 2019 for the Fire TV and in 2020 for the Fire TV Stick" each date has its product
        own = [(dp, r) for dp, r in ends if names_product(terms, f"{r.local} {r.subject}", brand_needed=False)]
        if len(own) > 1 and (
            by_subject := [(dp, r) for dp, r in own if names_product(terms, r.subject, brand_needed=False)]
        ):
            own = by_subject  # "the Pixel 4a 5G will follow in November, and the Pixel 5a 5G in August 2024"
        clauses = _contrasted_clauses(s)
        if len(clauses) > 1:
            # "… updates through October 2027, whereas the Pixel Watch 2 runs dry …": a clause set
            # against another is about what it names, or, naming nothing, about the product before
            mine = [k for k, c in enumerate(clauses) if names_product(terms, c, brand_needed=False)]
            undated = [DATE.sub(" ", c) for c in clauses]  # "May 6" is no model
            others = [k for k, c in enumerate(undated) if names_other_model(c, terms) or other_model(c, terms)]
            if mine:
                # a clause naming another model, or one before the product's (set against it), is not
                # the product's; one after it that names nothing goes on about it ("…, but the two …")
                theirs = {k for k in range(len(clauses)) if k not in mine and (k in others or k < mine[0])}
                if _NEEDS_IT.search(clauses[mine[0]]):
                    # "The Acme Home app will be discontinued on 31 March 2025; the Acme Hub cannot be used without
                    # it": what the product needs, named before, ends the product
                    theirs.discard(mine[0] - 1)
                ends = [(dp, r) for dp, r in ends if _clause_at(clauses, dp[0].start()) not in theirs]
                own = [(dp, r) for dp, r in own if _clause_at(clauses, dp[0].start()) not in theirs]
            elif carried_in:
                ends = [(dp, r) for dp, r in ends if _clause_at(clauses, dp[0].start()) not in others]
                mentions = bool(ends)
            if not ends:
                return None, plain, stops, bounds
        if own and all(r.other_updates for _dp, r in own):
            # "The Pixel 6 … will receive Android version updates until 2024 with security updates arriving until
            # October 2026": the security end joined to the product's clause, naming no other model, is its too
            own += [(dp, r) for dp, r in ends if not r.other_updates and not other_model(r.subject, terms)]
        if own and any(_stage_before(_LESSER_SUPPORT, s, dp[0].start()) for dp, _r in own):
            # "Mainstream support for Acme Hub ends October 2025, while extended support ends October 2030": the later
            # stage, naming no other model, is the product's too
            own += [
                (dp, r)
                for dp, r in ends
                if (dp, r) not in own
                and _stage_before(_LATER_SUPPORT, s, dp[0].start())
                and not other_model(r.subject, terms)
            ]
        if own:
            ends, mentions = own, True
        else:
            # "the Note 12 Pro 5G will no longer receive updates after October 2026": an end whose
            # clause has another model as its subject is that model's, not the product's
            ends = [
                (dp, r)
                for dp, r in ends
                if _covers(f"{r.subject} {r.stopped}", terms)  # "the eShops for both Nintendo Wii U and Nintendo 3DS"
                # ("those SONOS devices" points back at a list, and names no model of its own)
                or not (r.subject_model and other_model(r.subject, terms) and not _LIST_BACK.search(r.subject))
                and not other_subset(r.subject, terms)
                and not other_named_thing(r.stopped, terms)
                and not (r.stopped and other_model(r.stopped, terms))  # "ended support for its Galaxy S20 range"
            ]
            if not ends:
                return None, plain, stops, bounds
    security = [(dp, r) for dp, r in ends if not r.other_updates]
    if len(ends) > 1 and 0 < len(security) < len(ends):
        ends = security  # (an end of OS or feature updates alone gives way to the security end beside it)
    if (
        len(ends) > 1
        and any(_stage_before(_LESSER_SUPPORT, s, dp[0].start()) for dp, _r in ends)
        and (later_stage := [(dp, r) for dp, r in ends if _stage_before(_LATER_SUPPORT, s, dp[0].start())])
    ):
        # "in active support until Dec. 2028 and in security support until Dec. 2029": the first stage of support
        # gives way to the security (or extended) support beside it
        ends = security = later_stage
    picked = None
    if terms and (respective := _respective(s, terms, dates)) is not None:
        # "The 6a/7a/8a … will receive support until July 2027, May 2028, and May 2031 respectively"
        picked = (respective, ends[0][1])
    if picked is None and len(ends) > 1 and terms:
        picked = _product_date(s, ends, terms)
    if picked is None and len(ends) > 1 and RESPECTIVELY.search(s):
        found = end_date_in(s, [dp for dp, _r in ends])
        picked = next(((dp, r) for dp, r in ends if found is not None and dp[0] is found[0]), None)
    if picked is None:
        if not security:
            return None, plain, stops, bounds
        # "software updates till November 2018, and security patches until November 2019": the end
        # that security words lead to
        led = [(dp, r) for dp, r in security if _SECURITY_LEAD.search(s[max(0, dp[0].start() - 40) : dp[0].start()])]
        picked = led[0] if len(led) == 1 and len(security) > 1 else security[0]
        # "… Support For Surface Pro Tablet Until 2017 … supporting the Surface Pro tablet until July 2017": the
        # same end given twice, the finer one says more
        finer = [e for e in security if e[0][1].year == picked[0][1].year and RANK[e[0][2]] < RANK[picked[0][2]]]
        if finer and picked[0][2] == "year":
            picked = min(finer, key=lambda e: RANK[e[0][2]])
    (m, d, p), role = picked
    if (span := _SPAN_BEFORE.search(s[max(0, m.start() - 80) : m.start()])) is not None:
        # "taken offline 24 months after the discontinued announcement date (November 9, 2020)": the
        # date is where the span starts, and the end is the span's end
        if in_no_known_month(p, span.group("unit")):
            return None, plain, stops, bounds
        d, p = later(d, count(span.group("n")), span.group("unit")), ("year" if p == "year" else "day")
        role = replace(role, words=f"{span.group(0).strip(' (')} {m.group(0)}")
    d = begun_at(s, m, d, p, role.from_start)
    stmt = end_at(
        s,
        d,
        p,
        mentions,
        f"{m.group(0)}: {role.words}",
        works_only=role.works_only,
        former=role.former,
        aimed=role.aimed,
        extends=role.extends,
    )
    return stmt, plain, stops, bounds


_SHUT_WORDS = (
    r"\b(?:shut(?:s|ting)?\s+(?:down|off)|turn(?:s|ed|ing)?\s+(?:off|down)|switch(?:es|ed|ing)?\s+off|"
    r"sunsett?(?:s|ed|ing)?|retir(?:e|es|ed|ing)|stop(?:s|ped|ping)?|eliminat(?:e|es|ed|ing)|brick(?:s|ed|ing)?|"
    r"wind(?:s|ing)?\s+down|wound\s+down|decommission(?:s|ed|ing)?|"  # ("plans to wind down its 3G network on July 31")
    # (or the stop named as a noun: "the planned sunset of its 3G network February 22, 2022")
    r"(?:sunset|shutdown|shut-?off|switch-?off|decommissioning|closure)\s+of)"
)
_SHUT_VERB = _SHUT_WORDS + r"\s+(?:(?:the|its|their|those|these|our|all)\s+)?"


# the product by its name as the one that stops: "The Car Thing expires on Monday, December 9, 2024"
_STOPS_AFTER_NAME = (
    r"\s+(?:(?:is|was)\s+)?"  # (one thing, as it is: not "3G networks will be shut down, some as early as …")
    r"(?:expir(?:es|ed|e)|retir(?:es|ed|e)|sunsett?(?:s|ed)?|shut(?:s)?\s+down|switched\s+off|turned\s+off|bricked)"
    r"(?:\s+(?:on|in|at|as\s+of|from|effective))?\b"
)


def _shut_by_name(s: str, terms: tuple[str, ...]) -> re.Match[str] | None:
    """The words that shut down, switch off or retire the product by its whole name."""
    for term in with_short_forms(terms):
        name = r"[\s_-]+".join(re.escape(w) for w in term.split())  # (the terms came with hyphens as spaces)
        # ("its 2G cellular network coverage on December 31, 2016": the name's coverage is the name's)
        if (m := re.search(_SHUT_VERB + name + r"(?:e?s)?(?:\s+coverage)?(?![\w-])", s, re.I)) is not None:
            return m
        if (m := re.search(rf"(?<![\w-]){name}{_STOPS_AFTER_NAME}", s, re.I)) is not None:
            return m
        maker, *rest = term.split()
        if rest and len(maker) >= 3 and re.search(rf"^\W*{re.escape(maker)}(?:['’]s)?\b", s, re.I):
            # "Amazon permanently shuts down its Appstore for Android": the maker, the sentence's subject, shuts its
            # product, named without the maker
            own = r"[\s_-]+".join(re.escape(w) for w in rest)
            if (m := re.search(rf"{_SHUT_WORDS}\s+its\s+{own}(?:e?s)?(?![\w-])", s, re.I)) is not None:
                return m
    return None


_RIGHT_AFTER = re.compile(r"\s*(?:(?:on|in|at|from|as\s+of|effective|by|by\s+the\s+end\s+of)\s+)?", re.I)


def _covers(phrase: str, terms: tuple[str, ...]) -> bool:
    """Every word of the product's name is in the phrase, in any order and number ("the eShops for
    both Nintendo Wii U and Nintendo 3DS" covers "Nintendo Wii U eShop"): the product is among
    the things the phrase names."""
    said = {w.removesuffix("s") for w in plain_words(phrase).split()}
    return any(
        len(words := plain_words(t).split()) >= 2 and all(w.removesuffix("s") in said for w in words) for t in terms
    )


# a clause that says the product needs what the clause before it named ("cannot be used without it")
_NEEDS_IT = re.compile(
    r"\b(?:(?:cannot|can't|won't|will\s+not|can\s+no\s+longer)\s+(?:be\s+used|work|function|operate)\s+without\s+(?:it|them)|"
    r"(?:needs|requires|relies\s+on|depends\s+on)\s+(?:it|them))\b",
    re.I,
)
# words that set one clause against another: "…, whereas …", "…, while …", "…; …"
_CONTRAST = re.compile(r",\s*(?:whereas|while|but)\b|\s(?:whereas|meanwhile)\b|;\s")


def _contrasted_clauses(s: str) -> list[str]:
    """The sentence cut where one clause is set against another, each piece keeping its place
    (the pieces, joined, are the sentence)."""
    cuts = [m.start() for m in _CONTRAST.finditer(s)]
    bounds = [0, *cuts, len(s)]
    return [s[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _clause_at(clauses: list[str], at: int) -> int:
    for k, c in enumerate(clauses):
        if at < len(c):
            return k
        at -= len(c)
    return len(clauses) - 1


def _product_date(
    s: str, ends: list[tuple[DatePart, DateRole]], terms: tuple[str, ...]
) -> tuple[DatePart, DateRole] | None:
    """Of several ends in one sentence, the product's: the one its name stands right before
    ("for the Acme Cam 2 until 31 March 2030, and for the Acme Cam 3 until 30 June 2031"), or
    the one in the same place of a "respectively" list ("The Cam 2 and Cam 3 … until 31 March
    2030 and 30 June 2031 respectively")."""
    before = []
    for dp, r in ends:
        lead = s[max(0, dp[0].start() - 80) : dp[0].start()]
        bridge = _BRIDGE.search(lead)
        last = joined_codes(plain_words(lead[: bridge.start()])) if bridge else ""
        if any(re.search(rf"(?<![\w+]){re.escape(joined_codes(plain_words(t)))}(?:e?s)?$", last) for t in terms):
            before.append((dp, r))
    if len(before) == 1:
        return before[0]
    # "from September 2019 until September 2020 for the Nokia 3, and from October 2019 until October
    # 2020 for the Nokia 5, Nokia 6 and Nokia 8": the date followed by "for" and the product's name
    named_after = []
    for n, (dp, r) in enumerate(ends):
        stop = ends[n + 1][0][0].start() if n + 1 < len(ends) else len(s)
        tail = s[dp[0].end() : stop]
        tail = re.split(r",\s*(?:and\s+)?(?:from|until|till|through|in|on|by)\b|;", tail)[0]
        if re.match(r"\W*for\b", tail) and names_product(terms, tail, brand_needed=False):
            named_after.append((dp, r))
    if len(named_after) == 1:
        return named_after[0]
    # "on November 1, 2026, for consumer Windows editions … and on November 1, 2027, for commercial
    # Windows editions": the date followed by the product's own qualifier (its name's brackets)
    qualifiers = [q for t in terms for q in re.findall(r"\(([^()]+)\)", t)]
    if qualifiers:
        after = []
        for n, (dp, r) in enumerate(ends):
            stop = ends[n + 1][0][0].start() if n + 1 < len(ends) else len(s)
            tail = s[dp[0].end() : stop]
            if re.match(r"\W*for\b", tail) and any(plain_words(q) in plain_words(tail) for q in qualifiers):
                after.append((dp, r))
        if len(after) == 1:
            return after[0]
    resp = RESPECTIVELY.search(s, ends[-1][0][0].end())
    # "… until September 2017 and September 2018 for OS and security promotions, respectively":
    # the list after the dates is what they follow, not the products before them
    if resp is not None and not re.search(r"[^\W\d_]", s[ends[-1][0][0].end() : resp.start()]):
        # the run of dates the word closes ("until October 2025 and October 2026, respectively"), and
        # the list of products before it, up to the clause that gives the dates (", which are set to …")
        first = len(ends) - 1
        while first > 0 and re.fullmatch(_LIST_GLUE, s[ends[first - 1][0][0].end() : ends[first][0][0].start()]):
            first -= 1
        run = ends[first:]
        head = s[ends[first - 1][0][0].end() if first else 0 : run[0][0][0].start()]
        head = re.split(r",?\s+(?:which|that|who)\b|\s(?:are|is|will|were|get|gets|receive|receives)\b", head)[0]
        items = [x for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", head) if x.strip()]
        mine = [k for k, item in enumerate(items) if names_product(terms, item, brand_needed=False)]
        if len(items) == len(run) and len(mine) == 1:
            return run[mine[0]]
    # "… like the Chromebook Duet have AUE dates of June 2028 — models … like the Lenovo Chromebook C330
    # launched with AUE dates of 2022 (dates that have since been pushed to June 2025)": the one end
    # whose stretch since the end before it names the product (a "respectively" list pairs them otherwise)
    if RESPECTIVELY.search(s):
        return None
    since = [
        (dp, r)
        for n, (dp, r) in enumerate(ends)
        if names_product(terms, s[ends[n - 1][0][0].end() if n else 0 : dp[0].start()], brand_needed=False)
    ]
    return since[0] if len(since) == 1 else None


_SECURITY_LEAD = re.compile(r"secur|patch", re.I)
# the first stage of a product's support, before security-only or extended support ("mainstream support ends …")
_LESSER_SUPPORT = re.compile(r"\b(?:mainstream|active|full|standard|regular)\s+support\b[^.;,]{0,25}$", re.I)


# … and the stage after it: "security support", "extended support", "security-only updates"
_LATER_SUPPORT = re.compile(
    r"\b(?:security|extended|security[- ]only|critical)\s+(?:support|updates?|patches|fixes)\b[^.;,]{0,25}$", re.I
)


def _stage_before(stage: re.Pattern[str], s: str, at: int) -> bool:
    """The words right before a date name that stage of support (`_LESSER_SUPPORT`, `_LATER_SUPPORT`)."""
    return stage.search(s, max(0, at - 60), at) is not None


_LIST_GLUE = r"\s*(?:,\s*)?(?:and\s+)?"  # between two items of a list: ", ", " and ", ", and "


# the words between a product's name and its end date: "Acme Cam 2 until", "Cam 2: until at least"
_BRIDGE = re.compile(
    r"\W*(?:(?:is|are)\s+(?:supported\s+)?)?(?:until|till|through|to|:|-|–)\s*(?:at\s+least\s+)?(?:the\s+)?$", re.I
)
