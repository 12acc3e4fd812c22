"""Reading a page's sentences in order, each by the first stage that finds an end in it.

`PageReader` keeps what the sentences before said: the release heading the text is under, the
list it is in, the date over a list of models, the model the text was about, and the dates the
sentence before gave. Each stage reads one kind of statement (a changelog's, a table row's, a
list's, a sentence in another language, a parsed sentence, one dated by the sentence before) with
the readers of the modules beside this one; what is left here is the state, the order of the
stages, and the notes on the product's sentences that give no end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from psti.evidence.web.changelog_ends import (
    BRACKETED_DAY,
    BRACKETED_MONTH,
    COMPARED,
    DATED_ENTRY,
    FINAL_RELEASE,
    ITEM_LOOKBACK,
    RELEASE_DATE_LINE,
    RELEASE_DROPS,
    RELEASE_HEAD,
    REMOVAL_ITEMS,
    REMOVAL_LEAD,
    REMOVED_NAME_WORDS,
    REMOVED_SECTION,
    THIS_RELEASE,
    VERSION_ONLY,
    ended_now,
    minimum_raised_past,
    only_a_date,
)
from psti.evidence.web.cjk import cjk_end, goes_on_cjk, is_cjk
from psti.evidence.web.dates import DATE, DatePart, short_brackets_around
from psti.evidence.web.earlier_sentences import (
    CUT_OFF,
    LOST_USE,
    TAKES_EFFECT,
    change_said_before,
    dated_by_earlier,
    time_after,
)
from psti.evidence.web.foreign import (
    foreign_dates,
    foreign_end,
    foreign_end_after,
    foreign_end_then,
    goes_on,
    language_of,
    launch_date,
    stops_undated_abroad,
    support_heading_abroad,
)
from psti.evidence.web.labelled_ends import (
    END_QUESTION,
    START_LABEL,
    answer_date,
    dated_label,
    glued_name,
    heading_stop,
    label_line,
    labelled_end,
    labelled_row,
    left_platforms,
    listed_end,
    name_label,
    named_by_cells,
    platform_dropped,
    product_column_row,
    row_named,
    run_together_list,
    sibling_row,
    without_successor,
)
from psti.evidence.web.other_products import (
    led_by_another,
    named_after_another,
    names_other_model,
    names_other_variant,
    turns_to_another,
)
from psti.evidence.web.other_scripts import other_script_end
from psti.evidence.web.pagedate import DATELINE_LEAD, POST_BYLINE, POST_BYLINE_TAIL
from psti.evidence.web.pagetext import MD_LINK_TARGET, PageText, clip, sentences
from psti.evidence.web.parsed_ends import tree_statement
from psti.evidence.web.prepared_sentences import Parts, finite, listed_items, parsed_prose, verb_spelled
from psti.evidence.web.product_names import names_product, outside_name, row_name_parts
from psti.evidence.web.sentence_ends import (
    STOP,
    SUPPORT,
    begun_at,
    end_date_in,
    end_of_before,
    meant_end,
    migrate_by,
    relative_period,
    replace_to_go_on,
    sentence_statement,
)
from psti.evidence.web.statement_dates import dates_in
from psti.evidence.web.support_statements import SupportPeriodAnalysis, SupportStatement, add_note, end_at
from psti.evidence.web.support_tree import TOPIC
from psti.evidence.web.table_rows import HEADING_CHARS, ROW_CHARS, table_rows

_START_BEFORE = re.compile(
    r"\b(?:releas\w*|launch\w*|introduc\w*|since|sold|bought|purchased|available\s+from)(?:\s+(?:in|on|from))?\s*$",
    re.I,
)
# the launch a leading date is the time of: "In 2021, Spotify launched Car Thing, …"
_LAUNCHED_AFTER = re.compile(
    r"\s*,?\s+(?:[\w&.'’-]+\s+){0,3}(?:launch|releas|introduc|announc|unveil|debut)\w*\b", re.I
)
# a heading over a table of devices whose support has ended ("DEVICES WE HAVE CEASED TO SUPPORT")
_CEASED_HEADING = re.compile(
    r"\b(?:ceased|stopped|ended|discontinued|dropped)\s+(?:to\s+)?support|\bno\s+longer\s+supported\b|"
    r"\b(?:unsupported|discontinued|end[\s-]of[\s-]life|eol)\s+(?:devices|products|models|boards|hardware|phones)\b",
    re.I,
)


# a list item led by its date, in any language ("октябрь 2026 года – Xiaomi 12T и Xiaomi 12T Pro")
_DATE_LED_ITEM = re.compile(r"^\W{0,3}(?:[^\W\d]+\s+){0,3}(?:19|20)\d\d(?:\s+[^\W\d]+)?\s*[–—:-]\s")
# a heading or column label over a list of ends
_END_HEADING = re.compile(
    r"\bexpir\w*|end[\s-]of[\s-](?:life|support|service|updates)|\beol\b|\baue\b|support\s+(?:ends?|until)|"
    r"updates?\s+(?:until|end)|last\s+(?:security\s+)?update|\blife\s*cycle\b",
    re.I,
)
_UPDATED_STAMP = re.compile(
    rf"\b(?:last\s+updated|last\s+modified|updated\s+on|published)\s*:\s*(?:{DATE.pattern})", re.I
)


_LABEL_BEFORE = re.compile(r"([\w ]{2,30}):\s*$")
# a line that moves the date of the row above it: "NEW DATE: August 10, 2025"
_REVISED_DATE = re.compile(
    r"^\s*(?P<label>(?:new|revised|updated|extended|changed)\s+(?:end\s+|eol\s+|support\s+)?date)\s*:\s*(?P<rest>.+)$",
    re.I,
)
# a post's byline: short parts set apart by middle dots, the last its date ("name · comment · 2025-04-22",
# "Jane Doe · 5 min read · Mar 3, 2024")
_LOG_STAMP = re.compile(
    r"^\s*(?:19|20)\d\d-[01]\d-[0-3]\d[ T][0-2]\d:[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?\s+"
)
_MD_LINK_TARGET = re.compile(MD_LINK_TARGET)


@dataclass(frozen=True)
class _Sentence:
    """A sentence once the reader knows whom it is about and what came before it: the readers of
    its end dates all need the same facts, so they are worked out once."""

    idx: int
    text: str
    named: bool  # the sentence names the product
    mentions: bool  # it is about the product: it names it, or the text was about it and names no other model
    carried_in: bool  # it names another model while the text was about the product
    prev: str  # the sentence read before it
    prev_dates: list[DatePart]  # the dates an anaphor ("that date") may point back to
    prev_stops: list[DatePart]  # the dates at which something stopped in the sentence before
    prev_bounds: list[DatePart]  # the dates the sentence before gave as a boundary


class PageReader:
    """Reads a page's sentences in order. Whether a sentence is about the product, and which date
    an undated statement takes, depend on what the sentences before it said (the release heading
    it is under, the list it is in, the model the text was about), so that state is kept here
    while each stage reads one kind of statement."""

    def __init__(self, page: PageText, out: SupportPeriodAnalysis, full: str) -> None:
        self.out = out
        self.terms = terms = out.product_terms
        self.headings = set(page.headings)
        self.sents = [verb_spelled(s) for s in listed_items(table_rows(sentences(page.text)))]
        self.docs = parsed_prose(self.sents)
        self.page_language = language_of(page.text)  # (a short line of a page in another language is read in it)
        self.row_names = row_name_parts(terms, full)
        self.left_marks = left_platforms(terms, full)
        self.support_heading = False
        self.ceased = False  # the rows read are under a heading that says their devices' support has ended
        # which product the text is about at each point: a sentence that names the product, or
        # names no other model and follows one that does ("… the Pixel 8 … In other words: both
        # devices are supported until 2030"), is about it; naming another model ("Pixel 7") ends that
        titled = bool(terms) and names_product(terms, page.title)
        out.beside_another = titled and named_after_another(terms, page.title)
        self.referent = titled and not out.beside_another
        self.previous = ""
        self.previous_dates: list[DatePart] = []
        self.previous_stops: list[DatePart] = []
        self.previous_bounds: list[DatePart] = []
        self.older_dates: list[DatePart] = []  # the dates of the sentence before that
        # the sentence before that named the product, and the count of statements then
        self.last: tuple[str, int] | None = None
        self.name_label: str | None = None  # the label of the cell (or line) that named the product in a row
        # the sentence before: where its statements start, and how it named the product
        self.prev_since, self.since, self.carried, self.loose = 0, 0, False, False
        self.release: DatePart | None = None  # the date of the release the text is under, in a changelog
        self.removal: DatePart | None = None  # the release whose notes list what it removed support for
        self.removal_left = 0
        self.removal_section = False  # the removal is a changelog's "### Removed" section
        self.intro: tuple[int, int] | None = None  # the statements of a sentence that leads into a list
        self.group: DatePart | None = None  # the date a list of models is under ("June 1, 2023:")

    def read(self) -> None:
        """Read every sentence, then settle the last one's marks."""
        for idx, s in enumerate(self.sents):
            self._read_sentence(idx, s)
        _note_unanswered(self.out, self.last)
        _mark(self.out, self.since, self.carried, self.loose)

    def _ended(self, statement: SupportStatement) -> None:
        """Keep an end the page states; the lines after it are read as under a support heading."""
        self.out.statements.append(statement)
        self.support_heading = True

    def _read_sentence(self, idx: int, s: str) -> None:
        """One sentence: the first stage that finds an end in it (or sets it aside) ends its reading."""
        _mark(self.out, self.since, self.carried, self.loose)
        self.prev_since, self.since = self.since, len(self.out.statements)
        s = self._without_stamp(idx, s)
        if " | " not in s and s not in ("...", "…"):
            self.ceased = len(s) <= HEADING_CHARS and _CEASED_HEADING.search(s) is not None and not dates_in(s)
        if POST_BYLINE.match(s):
            return  # "jrhaberland · description · 2026-09-15": the date of a post, not of anything it says
        _note_unanswered(self.out, self.last)
        if self._changelog_end(idx, s):
            return
        named = self._names_product(s)
        self._list_intro(s, named)
        if self._dated_list(s, named) or self._revised_row(s):
            return
        if len(s) <= HEADING_CHARS and _END_HEADING.search(s) and not dates_in(s):
            self.support_heading = True  # "Google Support Expiration, I.e. End-Of-Life" over rows of models and dates
        c = self._placed(idx, s, named)
        if (
            self._dated_by_context(c)
            or self._run_together_end(c)
            or self._foreign_end(c)
            or self._dated_line(c)
            or self._parsed_or_earlier_end(c)
        ):
            return
        self._end_in_row_or_words(c)

    def _without_stamp(self, idx: int, s: str) -> str:
        """The sentence without the page's or a log's date stamp leading it, or a heading's update stamp."""
        if " | " not in s and (lead := DATELINE_LEAD.match(s) or _LOG_STAMP.match(s)) is not None:
            # the page's date heading a line, or a log line's time ("2025-12-27 18:48:21.409 error …"),
            # is no statement's date
            s = self.sents[idx] = s[lead.end() :]
        elif " | " not in s and (stamp := _UPDATED_STAMP.search(s)) is not None:
            # "… End of Life Policy Last Updated: June 30th, 2023" (a heading run into its stamp): the page's date
            s = self.sents[idx] = (s[: stamp.start()] + " " + s[stamp.end() :]).strip()
        elif not POST_BYLINE.match(s) and (byline := POST_BYLINE_TAIL.search(s)) is not None:
            # "It also does not support Tapo devices ... kskenyon · comment · 2022-12-16": the next post's date
            s = self.sents[idx] = s[: byline.start()]
        return s

    def _changelog_end(self, idx: int, s: str) -> bool:
        """Release notes and other dated headings: a release's date is the end of what its notes
        drop, and a heading that names the product's stop dates it."""
        if self._release_heading(idx, s):
            return True
        if RELEASE_DATE_LINE.match(s) is not None and len(found := dates_in(s)) == 1 and " | " not in s:
            # "## Version 2.8.0" over "Release date: 01-01-2021"
            self.release, self.referent, self.removal = found[0], False, None
            return True
        if (s in self.headings or idx == 0) and (stopped_at := heading_stop(s, self.terms)) is not None:
            # "# EO Mini Pro 2 Smart Features Discontinuation (2025-11-30)": a heading that names the
            # product's stop and dates it
            m, d, p = stopped_at
            self._ended(end_at(s, d, p, True, f"{m.group(0)}: the heading that names the stop"))
            return True
        if (dropped_at := platform_dropped(s, self.left_marks)) is not None:
            # "Platform: Roku, Wii U (discontinued in January 2017), …" on a page about the app
            m, d, p = dropped_at
            why = f"{m.group(0)}: the list of platforms marks the product's platform as left then"
            self._ended(end_at(s, begun_at(s, m, d, p), p, True, why))
            return True
        if self.release is not None and (raised := minimum_raised_past(s, self.terms)) is not None:
            # "Minimum Android version is 8.0 now." in a release's notes: the product's versions below the
            # new minimum lose support with the release
            m, d, p = self.release
            self._ended(end_at(s, d, p, True, f"{m.group(0)}: the release whose notes say {raised!r}"))
            return True
        return self._release_drop(s) or self._removed_item(s)

    def _release_heading(self, idx: int, s: str) -> bool:
        """A release's heading with its date ("v5.31 (2017-06-15)") starts the notes it dates; it ends
        the product's support itself when it says so and names it."""
        head = _MD_LINK_TARGET.sub("]", s)  # "## [2.1.0](https://…/2.1.0) - 2025-06-12"
        if idx and VERSION_ONLY.match(self.previous) and BRACKETED_DAY.match(s):
            head = f"{self.previous} {s}"  # "v7.8" over "(2021-11-13)"
        released = len(head) <= 60 and RELEASE_HEAD.search(head)
        # (or a news file's dated heading: "Telldus Core service removed ## May 20, 2021")
        dated_heading = (s in self.headings and len(head) <= HEADING_CHARS + 20) or only_a_date(s) is not None
        if not (
            (released or dated_heading)
            and len(found := dates_in(head)) == 1
            and not COMPARED.search(head, 0, found[0][0].start())  # "servers older than 2017.06.04"
            # (or a history's heading led by its month: "11/2016 (ESP Easy Mega)")
            # (or a release dated by its month in brackets: "## 2.15 (June 2020)")
            and (
                found[0][2] == "day"
                or (found[0][2] == "month" and (found[0][0].start() <= 3 or BRACKETED_MONTH.search(head)))
            )
        ):
            return False
        self.release = found[0]
        self.referent = False  # a new release's notes are not about what the last one's named
        self.removal = None
        heading_drop = RELEASE_DROPS.search(head) if dated_heading else None
        if heading_drop is not None and names_product(self.terms, head, brand_needed=False):
            m, d, p = self.release  # "End support for PINE A64(+) … ## June 17, 2020"
            why = f"{m.group(0)}: the heading that says {heading_drop.group(0)!r}"
            self._ended(end_at(s, d, p, True, why))
            return True
        return False

    def _release_drop(self, s: str) -> bool:
        """A line of a release's notes that drops support: the product's end when it names it, or the
        lead into a list of what was removed."""
        if self.release is not None and not dates_in(s) and (dropped := RELEASE_DROPS.search(s)) is not None:
            lead = REMOVAL_LEAD.search(s)
            if lead:
                # "Removed SBC support:" over the boards removed
                self.removal, self.removal_left, self.removal_section = self.release, REMOVAL_ITEMS, False
            if names_product(self.terms, s, brand_needed=False):
                # "- Removed: OpenZWave (…)", "Support for 32bit CPUs has been dropped" under a release's heading
                m, d, p = self.release
                why = f"{m.group(0)}: the release whose notes say {dropped.group(0)!r}"
                self._ended(end_at(s, d, p, True, why))
                return True
            if lead:
                return True
        if self.release is not None and s in self.headings and REMOVED_SECTION.fullmatch(s):
            # a changelog's "### Removed" section under a dated release (as Keep a Changelog writes it)
            # (whose items name a support removed, or a thing by its name alone, not a feature of it)
            self.removal, self.removal_left, self.removal_section = self.release, REMOVAL_ITEMS, True
            return True
        return False

    def _removed_item(self, s: str) -> bool:
        """An item of a release's list of removals that names the product: its support ends with the release."""
        if self.removal is not None and s in self.headings:
            self.removal = None  # the next section ("### Fixed") lists no removals
        if self.removal is None:
            return False
        self.removal_left -= 1
        if not (
            self.removal_left >= 0
            and names_product(self.terms, s, brand_needed=False)
            and (
                not self.removal_section
                or re.search(r"\bsupport", s, re.I) is not None
                or len(s.split()) <= REMOVED_NAME_WORDS
            )
        ):
            return False
        # "Odroid N1 | There is not a single reported DietPi Odroid N1 system, …" under it: the board's
        # support ends with the release
        m, d, p = self.removal
        why = f"removed with the release dated {m.group(0)}"
        self._ended(end_at(s, d, p, True, why))
        return True

    def _names_product(self, s: str) -> bool:
        """Whether the sentence names the product: in its words, or in a table row's cells (not those
        naming the item's successor), or glued to the next cell."""
        own_cells = without_successor(s)
        return bool(self.terms) and (
            names_product(self.terms, own_cells)
            or row_named(self.row_names, own_cells)
            or named_by_cells((*self.terms, *self.row_names), own_cells)
            or (len(s) <= ROW_CHARS and glued_name(self.terms, s))
        )

    def _list_intro(self, s: str, named: bool) -> None:
        """A statement leading into a list ("Following boards are no longer receiving support …:") is the
        product's when an item of the list names it."""
        if self.previous.rstrip().endswith(":") and self.prev_since < self.since:
            self.intro = (self.prev_since, self.since)
        if self.intro is not None and (len(s) > ROW_CHARS or s.rstrip().endswith(":") or dates_in(s)):
            self.intro = None  # the list is over
        if self.intro is not None and named:
            first, end = self.intro
            self.out.statements[first:end] = [
                replace(st, mentions_product=True) for st in self.out.statements[first:end]
            ]

    def _dated_list(self, s: str, named: bool) -> bool:
        """A short line that is only a date under a support heading or question dates the models listed
        under it ("Here is the full list: - June 1, 2023:")."""
        if (
            _DATE_HEAD.match(s) is not None
            and (len(found := dates_in(s)) == 1)
            and (self.support_heading or TOPIC.search(self.previous) or END_QUESTION.search(self.previous))
        ):
            self.group = found[0]  # the date over the models it ends
            return True
        if self.group is not None and (len(s) > ROW_CHARS or dates_in(s)):
            self.group = None  # the list under the date is over
        if self.group is not None and named:
            m, d, p = self.group
            why = f"{m.group(0)}: the date the list this item is in is under"
            self.out.statements.append(end_at(s, d, p, True, why))
            return True
        return False

    def _revised_row(self, s: str) -> bool:
        """A line that moves the date of the row above it replaces that row's end ("Surface Pro X | … | End
        of Servicing Date: October 13, 2024" then "NEW DATE: August 10, 2025")."""
        if (
            (revised := _REVISED_DATE.match(s))
            and self.prev_since < self.since
            and (dates := dates_in(revised.group("rest")))
        ):
            m, d, p = dates[0]
            before = self.out.statements[self.prev_since : self.since]
            self.out.statements[self.prev_since : self.since] = [replace(st, former=True) for st in before]
            mentions_before = any(st.mentions_product for st in before)
            why = f"{m.group(0)}: {revised.group('label')} replacing the date before"
            self.out.statements.append(end_at(s, d, p, mentions_before, why))
            return True
        return False

    def _placed(self, idx: int, s: str, named: bool) -> _Sentence:
        """Settle whom the sentence is about (the product, carried on from before, or another model)
        and move the sentences before it along by one."""
        self.last = (s, len(self.out.statements)) if named else None
        if named and idx and _LIST_OF_THOSE.match(s) and _UNAFFECTED.search(self.sents[idx - 1]):
            # "four Wemo devices will remain unaffected. These include … the Wemo Smart Plug with Thread"
            self.last = (f"{self.sents[idx - 1]} {s}", len(self.out.statements))
        terms = self.terms
        other = (
            bool(terms)
            and not named
            and (
                names_other_model(s, terms)
                or sibling_row(s, self.name_label)
                or led_by_another(s, terms)
                or names_other_variant(s, terms)
                or turns_to_another(s, terms)
            )
        )
        if named:
            self.name_label = name_label(self.row_names, s)
        # "… including the Pixel Watch 3. … updates through October 2027, whereas the Pixel Watch 2 …":
        # the product the text was about keeps the clauses that name no other model
        carried_in = other and self.referent
        if named:
            # a sentence naming another model first ("Pixel Watch 3 … Compares To Apple Watch") is about that one
            self.referent = not named_after_another(terms, s)
        elif other:
            self.referent = False
        mentions = named or (bool(terms) and self.referent)
        self.carried = mentions and not named
        self.loose = named and not names_product(terms, s, short_forms=False)
        # "that date" may skip one sentence with no date of its own ("… on June 30, 2023. For more
        # information, see … . After this date, … won't release … security patches")
        placed = _Sentence(
            idx,
            s,
            named,
            mentions,
            carried_in,
            self.previous,
            self.previous_dates or self.older_dates,
            self.previous_stops,
            self.previous_bounds,
        )
        self.older_dates = self.previous_dates
        self.previous = s
        self.previous_dates, self.previous_stops, self.previous_bounds = [], [], []
        return placed

    def _dated_by_context(self, c: _Sentence) -> bool:
        """An end dated by what is around the sentence: the item it is in, the date the sentence
        before gave, or the question it answers."""
        s, mentions = c.text, c.mentions
        if (dated_now := ended_now(s, self.sents, c.idx)) is not None:
            # "22 April 2025" over a news item: "Notice that the 2024.11.x series is now end of life."
            (m, d, p), now_words = dated_now
            why = f"{now_words!r} in the item dated {m.group(0)}"
            self._ended(end_at(s, d, p, mentions, why))
            return True
        if (more := time_after(s, c.prev_dates)) is not None:
            # "effective November 9, 2020, its Slingbox products will be discontinued. Existing users will
            # still be able to use their Slingbox hardware for another 24 months, but after that, …
            # servers will be taken offline": the end is that long after the date before
            day, precision, why = more
            before = self.out.statements[self.prev_since : self.since]
            self.out.statements[self.prev_since : self.since] = [replace(st, former=True) for st in before]
            self._ended(end_at(s, day, precision, mentions, why))
            return True
        asked = " ".join(self.sents[max(0, c.idx - 2) : c.idx])
        if (answer := answer_date(s, asked)) is not None and not (
            _DISCONTINUED.search(asked) and _answered_hardware(self.sents)
        ):
            # "When was the product discontinued? …" over a line that is only "October 25, 2025" (of a product
            # the same form answers is "Hardware", discontinued means no longer made or sold)
            m, d, p = answer
            why = f"{m.group(0)}: the answer to {clip(asked, 80)!r}"
            self._ended(end_at(s, d, p, mentions, why))
            return True
        return False

    def _run_together_end(self, c: _Sentence) -> bool:
        """A table stored as one line ("iPhone Model Updates Until iPhone 16 2029 iPhone 15 2028 …") is
        read only as such a list."""
        if not self.terms or (listed := run_together_list(c.text)) is None:
            return False
        if (listed_row := listed_end(listed, self.terms)) is not None:
            (m, d, p), name = listed_row
            why = f"{m.group(0)}: the date after '{name}' in a list run together"
            self._ended(end_at(c.text, d, p, True, why))
        return True

    def _foreign_end(self, c: _Sentence) -> bool:
        """A sentence in another language, read in its own ("Für den STELLAR-X5s sind Updates bis Dezember
        2031 garantiert")."""
        s, terms, sents, idx = c.text, self.terms, self.sents, c.idx
        named_in = (lambda part: names_product(terms, part)) if terms else None
        abroad = (
            foreign_end(s, named_in, self.page_language)
            or foreign_end_after(s, c.prev)
            or other_script_end(s, named_in)
            # (the sentences around are joined only for a sentence that can use them)
            or (
                cjk_end(
                    s,
                    named_in,
                    " ".join(sents[max(0, idx - ITEM_LOOKBACK) : idx]),
                    " ".join(sents[idx + 1 : idx + 1 + ITEM_LOOKBACK]),
                )
                if is_cjk(s)
                else None
            )
        )
        mentions = c.mentions
        if abroad is None and (abroad := foreign_end_then(s, c.prev)) is not None:
            # (the product is named in the sentence before, whose end this one dates)
            mentions = c.mentions or (bool(terms) and names_product(terms, c.prev))
        if abroad is None:
            return False
        self._ended(end_at(s, abroad.day, abroad.precision, mentions, f"{abroad.written}: {abroad.words}"))
        return True

    def _dated_line(self, c: _Sentence) -> bool:
        """A line whose date and label decide its end without a parse: a changelog's dated entry,
        labels and values run together, or a timeline's line."""
        s, mentions = c.text, c.mentions
        if (
            (entry := DATED_ENTRY.match(s)) is not None
            and len(when := dates_in(s[: entry.end()])) == 1
            and not dates_in(rest := s[entry.end() :])
            and (dropped := RELEASE_DROPS.search(rest)) is not None
        ):
            # a changelog's dated entry: "20191218: The display config section no longer supports …"
            m, d, p = when[0]
            why = f"{m.group(0)}: the entry that says {dropped.group(0)!r}"
            self._ended(end_at(s, d, p, mentions, why))
            return True
        if " | " not in s and (labelled := labelled_end(s)) is not None:  # (a table's rows are read by their cells)
            # "Standard Updates until at least: October 2027 Limited Updates until at least: October 2028
            # End of Support date: October 2029": labels and values run together, the end's label decides
            m, d, p = labelled
            self._ended(end_at(s, d, p, mentions, m.group(0)))
            return True
        if " | " not in s and (dated := dated_label(s)) is not None:
            # a timeline's line: "June 30, 2025: End of support", "Aug 30, 2026 [SEMS Portal] Close Time"
            m, d, p = dated
            why = f"{m.group(0)}: {s[m.end() :].strip(' :-–—')!r}"
            self._ended(end_at(s, d, p, mentions, why))
            if m.start() <= 3 and len(s) <= HEADING_CHARS:
                self.group = dated  # "August 11, 2011 Online Service Shutdown" over the games it ends
            return True
        return False

    def _parsed_or_earlier_end(self, c: _Sentence) -> bool:
        """A prose sentence is read from its parse; one with no parse may take its date from the
        sentence or the release before it."""
        # a sentence in another language, its dates in its own words, the English parse would misread ("…
        # dont la dernière version de firmware remonte à novembre 2022": a negated "la"); an English date
        # in it (a quoted post) is read
        doc = None if _foreign_dated(c.text) else self.docs.get(c.idx)
        if doc is not None:
            return self._parsed_end(c, doc)
        return self._dated_by_before(c) or self._dated_by_release(c)

    def _parsed_end(self, c: _Sentence, doc: Parts) -> bool:
        """The end a sentence's parse states, or one of the prose forms the parse splits; a sentence
        with none is read for a duration only, unless it is a label or a row."""
        s, mentions = c.text, c.mentions
        # "This change will take effect on October 21, 2024" a few sentences after the end it means
        said = change_said_before(self.sents, c.idx) if TAKES_EFFECT.match(s) else None
        tree = tree_statement(s, doc, said or c.prev, self.terms, mentions, c.carried_in)
        if tree[0] is not None and tree[0].mentions_product and not mentions:
            self.carried = True  # an end in a clause the product the text was about keeps
        self.previous_dates, self.previous_stops, self.previous_bounds = tree[1], tree[2], tree[3]
        if tree[0] is not None:
            if tree[0].extends:  # the end said before is replaced
                before = self.out.statements[self.prev_since : self.since]
                self.out.statements[self.prev_since : self.since] = [replace(st, former=True) for st in before]
            self._ended(tree[0])
            return True
        if self._end_the_parse_splits(c):
            return True
        # "Acer C720 Chromebook Jun 1, 2019 Expected Final Year: 2018/19" under an end-of-life heading:
        # a row with no finite verb, read as a row below
        row_like = self.support_heading and c.named and len(s) <= ROW_CHARS and not finite(doc)
        if not label_line(s) and not row_like:  # the parse found no end: the patterns below only read durations
            if SUPPORT.search(s) or relative_period(s):
                self.support_heading = True
                stmt = sentence_statement(s, mentions, ends=False)
                if stmt is not None:
                    self.out.statements.append(stmt)
            return True
        return False

    def _end_the_parse_splits(self, c: _Sentence) -> bool:
        """Ends in words the parser takes apart: a hyphenated end's name, a deadline to move off, a
        replacement needed to go on, or what an end said before means."""
        s, mentions, prev = c.text, c.mentions, c.prev
        if (named_end := end_of_before(s)) is not None:
            # "are approaching End-of-App-Update (EOAU) on March 30, 2026": a hyphenated end's name,
            # which the parser splits, right before its date
            m, d, p = named_end
            self._ended(end_at(s, d, p, mentions, m.group(0)))
            return True
        if (deadline := migrate_by(s, prev)) is not None:
            # "1.1.x Integration Sunset (v1)" over "Users MUST upgrade by the end of 2026 to avoid
            # disruption": a deadline to move off what a sunset ends
            m, d, p = deadline
            why = f"{m.group(0)}: the deadline to move off what {clip(prev, 60)!r} ends"
            self._ended(end_at(s, d, p, mentions, why))
            return True
        if (replaced := replace_to_go_on(s)) is not None:
            # "From October 2024, households with an SD-only satellite box will need to upgrade to an HD
            # receiver to continue to watch ITV1": the old box stops serving then
            (m, d, p), words = replaced
            self._ended(end_at(s, begun_at(s, m, d, p), p, mentions, f"{m.group(0)}: {words!r}"))
            return True
        if (meant := meant_end(s, prev, self.out.statements)) is not None:
            m, d, p = meant
            why = f"{m.group(0)}: what {clip(self.out.statements[-1].phrase, 40)!r} means"
            self.out.statements.append(end_at(s, d, p, mentions, why))
            return True
        return False

    def _dated_by_before(self, c: _Sentence) -> bool:
        """A sentence with no date of its own that ends at a stop or date the sentence before gave."""
        s, mentions = c.text, c.mentions
        if mentions and c.prev_stops and CUT_OFF.search(c.prev) and (lost := LOST_USE.search(s)) and not dates_in(s):
            # "AT&T … will discontinue 3G service beginning Feb. 22, 2022. Thus, VW's Car-Net … won't
            # function": the product stops working at the stop the sentence before dates
            m, d, p = c.prev_stops[-1]
            why = f"{lost.group(0)!r}, at {m.group(0)!r}, the stop the sentence before dates"
            self._ended(end_at(s, d, p, mentions, why, works_only=True))
            return True
        if (linked := dated_by_earlier(s, c.prev_dates, c.prev_stops, c.prev_bounds)) is not None:
            (m, d, p), why = linked
            # (read as the sentence before read it: "… starting in February 2026. The affected devices …
            # will no longer receive updates" is from February's first day)
            self._ended(end_at(s, begun_at(m.string, m, d, p), p, mentions, why))
            return True
        return False

    def _dated_by_release(self, c: _Sentence) -> bool:
        """A release's notes that say support ends with it: the end is the release's date."""
        s, mentions = c.text, c.mentions
        if self.release is not None and (final := FINAL_RELEASE.search(s)) is not None:
            # "23.1.11 (June 28, 2023)" over "So this is the end of life release for the 23.1 series": the
            # series ends with the release the notes are under
            m, d, p = self.release
            why = f"{final.group(0)!r}: the release dated {m.group(0)}"
            self._ended(end_at(s, d, p, mentions, why))
            return True
        if (
            self.release is not None
            and (this := THIS_RELEASE.search(s))
            and TOPIC.search(s)
            and re.search(STOP, s, re.I)
        ):
            # a changelog's "## v5.31 (2017-06-15)" over "Following boards are no longer receiving support
            # and updates since this version": the end is the release's date
            m, d, p = self.release
            why = f"{this.group(0)!r}: the release dated {m.group(0)}"
            self._ended(end_at(s, d, p, mentions, why))
            return True
        return False

    def _end_in_row_or_words(self, c: _Sentence) -> None:
        """What no earlier stage read: a table row by its end column, a support sentence by its
        words, a heading that opens a support section, or the product's row or sentence under one."""
        s, named, mentions = c.text, c.named, c.mentions
        handled, row = product_column_row(s, self.terms)
        if handled:  # a row of a table whose columns are products: the product's column, or other products'
            if row is not None:
                self._ended(row)
            return
        handled, row = labelled_row(s, named, self.ceased)
        if row is not None:
            self.out.statements.append(row)
        if handled:  # a row under a header with an end-of-support column: read by its cells only
            self.support_heading = True
            return
        if SUPPORT.search(s) or relative_period(s):
            self.support_heading = True
            stmt = sentence_statement(s, mentions)
            if stmt is not None:
                self.out.statements.append(stmt)
        elif (len(s) <= HEADING_CHARS or s.rstrip().endswith(":")) and not dates_in(s) and support_heading_abroad(s):
            # "UNTERSTÜTZUNG FÜR SMARTPHONE-SICHERHEITSUPDATES" over "Galaxy S20 bis 2025", or a list's intro
            self.support_heading = True
        elif (
            self.support_heading
            and named
            and len(s) <= ROW_CHARS
            and (language_of(s) is None or _DATE_LED_ITEM.match(s))
        ):
            self._row_under_heading(c)
        elif named and re.search(r"secur|updat|patch", s, re.I) and (dates := dates_in(s)):
            # the product's own sentence with an end-marked date ("have until September 2018 for
            # security promotions", "receive security bundles till October 2017")
            end = end_date_in(s, dates)
            if end is not None:
                m, d, p = end
                self._ended(end_at(s, d, p, True, m.group(0)))

    def _row_under_heading(self, c: _Sentence) -> None:
        """A table row or list item naming the product under a support heading: "Acme Cam 2 | 31 March
        2030", "FP4: September 2021 through September 2026" (the end of the range)."""
        # (not a sentence in another language, which its own reader found no end in: "El Fairphone 2 vio
        # la luz en 2015 y vino preinstalado con Android 5.1.")
        # not the year of "Motorola edge 2024", nor a labelled release ("releaseDate: 2024-05-01")
        s, idx, sents = c.text, c.idx, self.sents
        dates = [
            d
            for d in outside_name(s, dates_in(s), self.terms)
            if not (lab := _LABEL_BEFORE.search(s[: d[0].start()])) or not START_LABEL.search(lab.group(1))
        ]
        # nor a release said in words, in any language: "first-generation Play:5 (launched 2009)",
        # "Windows 10 Mobile, rilasciato nell'aprile 2017"; nor brackets that only date the model:
        # "OnePlus Nord 2 (2021): Similar timeline …", "Galaxy A52 / A53 (2021–2022)"
        dates = [
            d
            for d in dates
            if not _START_BEFORE.search(s[: d[0].start()])
            and not launch_date(s, d[0])
            and not _LAUNCHED_AFTER.match(s[d[0].end() :])
            and not _dates_the_model(s, d[0])
        ]
        line = s
        if (
            not dates
            and not s.rstrip().endswith((".", "!", "?"))  # a name, not a sentence cut short
            and idx + 1 < len(sents)
            and (led := dates_in(sents[idx + 1]))
            and led[0][0].start() == 0
        ):
            # a row whose cells were stored a line each: the name's line, then one led by its date
            # ("Samsung Chromebook 2 11 - XE500C12" / "Oct 1, 2019 Possibly OK for: 2019/20")
            dates, line = led[:1], sents[idx + 1]
        end = dates[0] if len(dates) == 1 else end_date_in(line, dates)
        if end is not None:
            m, d, p = end
            self.out.statements.append(end_at(s, d, p, True, m.group(0)))


# a time that names no day: a season or part of a year, "next year", "in the coming months"
# ("next year", not a story's "over the next year")
_VAGUE_TIME = re.compile(
    r"\b(?:spring|summer|autumn|fall|winter|early|mid|late)[\s-]+(?:of\s+)?(?:19|20)\d\d\b|"
    r"(?<!the )\bnext\s+year\b|\bin\s+the\s+coming\s+(?:months|weeks|years)\b|\bsoon\b|"
    r"\bshortly\s+(?:after(?:wards)?|thereafter)\s*[.;,]?\s*$",  # (after an end dated for another model)
    re.I,
)


_DATE_HEAD = re.compile(r"^\W{0,3}[\w ,./-]{4,30}:\s*$")  # a short line ending in a colon: "- June 1, 2023:"
_ABOUT_AN_END_WORDS = re.compile(r"end|eol|eos|until|till|through|thru|support|updat|patch|expir|last", re.I)


def _dates_the_model(s: str, m: re.Match[str]) -> bool:
    """The date sits in short brackets with no word of an end: "(2021)", "(2021–2022)", "(March 2021)";
    or it is a year alone closing a list item of names with "from" ("iPhone 7 and iPhone 7 Plus from 2016.")."""
    if (
        m.lastgroup == "y"
        and re.search(r"\bfrom\s+$", s[: m.start()])
        and not s[m.end() :].strip(" .;,")
        and not _ABOUT_AN_END_WORDS.search(s[: m.start()])
    ):
        return True
    inside = short_brackets_around(s, m)
    return inside is not None and not _ABOUT_AN_END_WORDS.search(s, *inside)


_DISCONTINUED = re.compile(r"\bdiscontinu", re.I)
_KIND_QUESTION = re.compile(r"\bwhat\s+(?:type|kind)\s+of\s+product\b[^?]*\?", re.I)


def _answered_hardware(sents: list[str]) -> bool:
    """The form asks what kind of product it was and the answer is hardware alone ("What type of product was
    it? App, Service, or Hardware?" over "Hardware")."""
    return any(
        _KIND_QUESTION.search(q) is not None and any(a.strip(" .*").lower() == "hardware" for a in sents[k + 1 : k + 3])
        for k, q in enumerate(sents)
    )


# a product the page says is left out of an end: "Sky+HD and Sky Q boxes are unaffected, and will continue …"
# or that an announced end is off: "the PS3 and Vita stores will no longer close", "keeping the store operational"
_UNAFFECTED = re.compile(
    r"\bunaffected\b|\bnot\s+(?:be\s+)?(?:affected|included)\b|\bexcluded\b|\bremains?\s+supported\b|"
    r"\bstill\s+(?:being\s+|fully\s+)?supported\b|"
    r"\b(?:no\s+longer|not|n't)\s+(?:be\s+)?(?:clos(?:e|ed|ing)|shut(?:ting)?\s+down|discontinu\w+)\b|"
    r"\bkeep(?:s|ing)?\s+(?:[\w-]+\s+){0,6}(?:operational|running|online)\b",
    re.I,
)


# a sentence that lists the things the one before it spoke of: "These include …", "They are …"
_LIST_OF_THOSE = re.compile(
    r"^\W*(?:these|they|those|this|the\s+(?:devices|products|models))\s+(?:include|are|is)\b", re.I
)


def _mark(out: SupportPeriodAnalysis, since: int, carried: bool, loose: bool) -> None:
    """Mark the statements of one sentence by how it named the product."""
    if carried or loose:
        out.statements[since:] = [
            replace(st, carried=carried and st.mentions_product, loose=loose) for st in out.statements[since:]
        ]


def _note_unanswered(out: SupportPeriodAnalysis, last: tuple[str, int] | None) -> None:
    """A sentence about support or updates that names the product and gives it only a vague time
    ("the Note 12 5G will lose support in spring 2026"), or says it is unaffected, answers for the
    product: no end date."""
    if last is None or len(out.statements) != last[1]:
        return
    vague = bool(TOPIC.search(last[0]) and _VAGUE_TIME.search(last[0]))
    unaffected = bool(_UNAFFECTED.search(last[0]) or goes_on(last[0]) or goes_on_cjk(last[0]))
    if vague or unaffected:
        add_note(out.named_without_end, last[0][:300])
        if not unaffected:
            add_note(out.named_vaguely, last[0][:300])
    elif (_STOPS_UNDATED.search(last[0]) and not dates_in(last[0])) or stops_undated_abroad(last[0]):
        add_note(out.stopped_undated, last[0][:300])


_STOPS_UNDATED = re.compile(
    r"\b(?:stop|cease)s?\s+(?:working|functioning|receiving|getting)|\b(?:will|would)\s+(?:also\s+)?(?:stop|cease)\b|"
    r"\b(?:received|got)\s+(?:its|their)\s+(?:last|final)\b|"  # "has also already received its last security updates"
    r"\bno\s+longer\s+(?:be\s+)?(?:supported|work|function|receive|get)",
    re.I,
)


def _foreign_dated(s: str) -> bool:
    """A sentence in another language whose dates are all written in that language's words."""
    if language_of(s) is None or not (spans := [(m.start(), m.end()) for m, _d, _p in foreign_dates(s)]):
        return False
    return all(any(a < m.end() and m.start() < b for a, b in spans) for m, _d, _p in dates_in(s))
