"""Tables stored without their structure, read back as rows under their header.

A page's table often reaches the reader as text: its cells run together ("VersionStateInitial
Release DateProjected EOL…"), parted by spaces only ("Library Version LTS Until LTS Repo URL"),
or a cell per line. Each reader here finds such a header by its end label and writes every row
under it as "label: cell | label: cell", the shape a cell table has, so one reader of labelled
cells reads them all.
"""

from __future__ import annotations

import re

from psti.evidence.web.dates import DATE
from psti.evidence.web.statement_dates import dates_in

ROW_CHARS = 120  # a row or list item; a longer line is prose, read as a sentence
HEADING_CHARS = 80
LAST_WORKING_DAY = r"last\s+(?:functional|working|operating|operational)\s+day"

# a column or field label that names the end of support ("End of security updates", "EOL")
END_LABEL = re.compile(
    rf"end|eol|until|expir|(?:development|updates?|support|maintenance)\s+(?:stopped|ended|discontinued|ceased|terminated)|last\s+(?:security\s+)?update|{LAST_WORKING_DAY}|support(?:ed)?\s+(?:period|to|till)|security\s+updates?|security\s+minimum|"
    r"software\s+updates?|firmware\s+updates?|guarantee|life\s*cycle|"
    r"\bclos(?:e|ed|ing|ure)\b|"  # "date close", "Close Time": when a service closed
    r"shut\s*-?\s*down|sunset|retire|decommission|turn\s*-?\s*down|switch\s*-?\s*off|"  # "Shutdown date"
    # a column's header in another language: "Data de término da manutenção", "Fin du support", "Fine supporto",
    # "Fecha de finalización del servicio"
    r"\bt[ée]rmino\b|\bfim\b|\bfin\b|\bfine\b|\beinde\b|\bslut\b|\bbis\b|\bfinalizaci[oó]n\b|\bfinalização\b|"
    # "support period", "update period", and "Supportperiode", "Unterstützungszeitraum", "Ondersteund tot", "Soportado
    # hasta", "Supporté jusqu'au"
    r"(?:support|ondersteunings|unterstützungs|update|aktualisierungs)[\s-]*(?:period[eo]?|zeitraum)|"
    r"\b(?:tot|till|indtil|hasta|fino|até)\b|\bjusqu",
    re.I,
)
# where the cells of a table row stored without separators meet: two spaces or more, a capital
# after a small letter or a bracket ("AcerChromebook"), a word after a number ("BSP 5Maintenance",
# "2019October"), a word after capitals ("EOLRelease"), a year after a year ("20202024")
_GLUE = re.compile(
    r"\s{2,}|(?<=[a-z)])(?=[A-Z][a-z])|(?<=[a-z)])(?=[A-Z]{2,}[a-z])|(?<=\d)(?=[A-Z][a-z]|[A-Z]{2,})|(?<=[A-Z])(?=[A-Z][a-z])|(?<=(?:19|20)\d\d)(?=(?:19|20)\d\d(?!\d))"
    # an ISO date run into what comes before it ("SICAP 2.02024-12-202025-06-20")
    r"|(?<=[\w.])(?=(?:19|20)\d\d-[01]\d-[0-3]\d)"
)
_GLUED_SPAN = 40  # lines a glued header reaches down


def _glued_cells(line: str) -> list[str]:
    return [c.strip() for c in _GLUE.split(line) if c.strip()]


def _glued_rows(lines: list[str]) -> list[str]:
    """Rows of a table stored with its cells run together, under a header run together too
    ("VersionStateInitial Release DateProjected EOL…" over "BSP 5MaintenanceOctober 20202024As
    needed"), as rows under their header ("Version: BSP 5 | … | Projected EOL: 2024 | …"). A row
    is a line cut into as many cells as the header; the header has an end among its later cells."""
    out: list[str] = []
    header: list[str] = []
    reach = 0
    for line in lines:
        cells = _glued_cells(line) if " | " not in line and len(line) <= ROW_CHARS else []
        if header and reach > 0 and len(cells) == len(header) and dates_in(line):
            out.append(" | ".join(f"{label}: {cell}" for label, cell in zip(header, cells, strict=True)))
            reach -= 1
            continue
        if (
            len(header) >= 4  # (a headline with an end word in it is no such header)
            and reach > 0
            and cells
            and END_LABEL.search(header[-1])
            and (last := _last_date(line)) is not None
        ):
            # a row whose cells did not come apart as the header's did ("1NDA-aabbb, … 5 years
            # 30.08.2030"), ending in a date: the date is under the header's last label
            # (what comes before the date goes under the first label, which names the row's item)
            named = " ".join(_glued_cells(line[: last.start()]))
            out.append(f"{header[0]}: {named} | {header[-1]}: {last.group(0)}")
            reach -= 1
            continue
        reach -= 1
        if (
            len(cells) >= 3
            and not dates_in(line)
            and len(line) <= HEADING_CHARS
            and any(END_LABEL.search(c) for c in cells[1:])
            and all(len(c) <= 40 for c in cells)
        ):
            header, reach = cells, _GLUED_SPAN
            out.append(" | ".join(cells))
            continue
        out.append(line)
    return out


# a header's date labels, spaced words: "Release Date", "End of Servicing Date", "LTS Until", "EOL"
_SPACED_LABEL = re.compile(
    r"\b(?:(?:initial\s+|first\s+)?(?:release|launch|availability|ga)(?:\s+date)?|"
    r"end[\s-]of[\s-](?:life|support|service|servicing|security\s+updates|updates|maintenance)(?:\s+date)?|"
    r"(?:supported\s+|support\s+|lts\s+|updates\s+)?until|eol(?:\s+date)?|eos(?:\s+date)?|support\s+end(?:s|\s+date)?)\b",
    re.I,
)
_SPACED_ROWS = 40  # rows read under one header
# words that lead a date rather than name a row's item: "Effective", "Last updated on", "Date"
_DATE_LEAD = re.compile(
    r"(?:effective(?:\s+date)?|(?:last\s+)?(?:updated|modified|revised|published|posted)(?:\s+on)?|dated?|"
    r"as\s+of|since|on|from)\W*",
    re.I,
)


def _spaced_rows(lines: list[str]) -> list[str]:
    """A table stored with its cells run together by spaces ("Library Version LTS Until LTS Repo URL"
    over "FreeRTOS Kernel 11.3.0 04/30/2028 https://…"), as rows under their header's date labels
    ("FreeRTOS Kernel 11.3.0 | LTS Until: 04/30/2028"). The header is a line without dates or
    sentence ends, naming an end among its labels; a row gives as many dates as the header's labels,
    its item's words before them; a table has two rows or more (a heading over one dated line, "End
    of Life" over "Last updated on January 9, 2024", is no table)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        labels = _header_labels(lines[i])
        i += 1
        if not labels:
            continue
        read: list[str] = []
        j = i
        while j < len(lines) and len(read) < _SPACED_ROWS and (rows := _spaced_row_cells(lines[j], labels)):
            read += rows
            j += 1
        if len(read) >= 2:
            out += read
            i = j
    return out


def _spaced_row_cells(line: str, labels: list[re.Match[str]]) -> list[str] | None:
    """The rows of a line under a spaced header: one row, or several run together on the line (each
    row's item is what comes between the dates of the row before and its own)."""
    if " | " in line:
        return None
    dates = dates_in(line)
    width = len(labels)
    if not dates or len(dates) % width or len(line) > ROW_CHARS * (len(dates) // width):
        return None
    rows: list[str] = []
    after = 0
    for k in range(0, len(dates), width):
        group = dates[k : k + width]
        # (the row before may end in a link: "… 04/30/2028 https://…/V11.3.0 FreeRTOS-Plus-TCP 4.4.1 …")
        item = re.sub(r"^(?:\S*://\S+\s+)+", "", line[after : group[0][0].start()].strip(" -–|:"))
        if not item or len(item) > ROW_CHARS or item.endswith((".", "?", "!")) or _DATE_LEAD.fullmatch(item):
            return None
        cells = [f"{m.group(0)}: {d.group(0)}" for m, (d, _day, _p) in zip(labels, group, strict=True)]
        rows.append(" | ".join([item, *cells]))
        after = group[-1][0].end()
    return rows


def _header_labels(line: str) -> list[re.Match[str]]:
    """The date labels of a line that reads as a spaced table's header, one of them an end's; none
    for any other line."""
    if " | " in line or len(line) > HEADING_CHARS or len(line.split()) < 3:
        return []
    # (the labels first: every line of the page comes here, and reading its dates costs more)
    labels = list(_SPACED_LABEL.finditer(line))
    if not any(END_LABEL.search(m.group(0)) for m in labels):
        return []
    if dates_in(line) or re.search(r"[.,;?!]\s|[.?!]$", line):
        return []
    # a header is labels: a word in lower case outside them is a heading's prose ("Mark Acme 26 as EOL")
    inside = [(m.start(), m.end()) for m in labels]
    if any(
        w.group(0)[:1].islower() and not any(a <= w.start() < b for a, b in inside)
        for w in re.finditer(r"[^\W\d_][\w-]*", line)
    ):
        return []
    return labels


_MAX_CELLS = 8


def _vertical_rows(lines: list[str]) -> list[str]:
    """A table stored a cell per line ("Release" / "Release date" / "EOL" / "Zephyr 3.7.0" /
    "2024-07-26" / "2027-01-26" / …) as rows under their header ("Release: Zephyr 3.7.0 | Release
    date: 2024-07-26 | EOL: 2027-01-26"). A row is a name's line and the lines of dates after it;
    the header is as many lines, without dates, right above the first row, one of them naming an
    end."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        # (a row has a few cells: a long run of dates is no row, and is not scanned again from each line)
        width = 1 + next((k for k in range(_MAX_CELLS) if not _date_only(lines[i + 1 + k : i + 2 + k])), 0)
        header = out[-width:] if len(out) >= width else []
        if (
            width < 2
            or dates_in(lines[i])
            or len(lines[i]) > HEADING_CHARS
            or not header
            or any(dates_in(h) or len(h) > HEADING_CHARS or " | " in h for h in header)
            or not any(END_LABEL.search(h) for h in header[1:])
        ):
            out.append(lines[i])
            i += 1
            continue
        del out[-width:]
        out.append(" | ".join(header))
        while (
            i + width <= len(lines)
            and not dates_in(lines[i])
            and all(_date_only(lines[i + c : i + c + 1]) for c in range(1, width))
        ):
            out.append(" | ".join(f"{label}: {cell}" for label, cell in zip(header, lines[i : i + width], strict=True)))
            i += width
    return out


def _date_only(line: list[str]) -> bool:
    """A (one-item) slice of lines that is a single date and nothing else."""
    return bool(line) and (m := DATE.fullmatch(line[0].strip(" .,"))) is not None and bool(m.group(0))


def _last_date(line: str) -> re.Match[str] | None:
    """The full date a line ends with, if it ends with one."""
    found = [m for m, _d, p in dates_in(line) if p == "day"]
    return found[-1] if found and not line[found[-1].end() :].strip(" .") else None


def table_rows(lines: list[str]) -> list[str]:
    """The page's lines with each table stored as text read back as labelled rows: a cell per
    line, then cells run together, then cells parted by spaces; and a name beside a sentence, as
    that sentence under the name."""
    return [_named_sentence(line) for line in _spaced_rows(_glued_rows(_vertical_rows(lines)))]


_NAME_CELL_WORDS = 6  # the most words of a name set beside its sentence
_SENTENCE_CELL_WORDS = 6  # the fewest words of a cell read as a sentence


def _named_sentence(line: str) -> str:
    """A row of two cells, a short name and a whole sentence ("Magic Leap Toolkit Unity | As of December
    31, 2024, Magic Leap 1 and its services are no longer supported."), as a repository's name and its
    description or a table's notes are stored: the sentence under its name ("name: sentence"), read as
    prose is (a row of labelled cells or dates keeps its cells)."""
    cells = line.split(" | ")
    if len(cells) != 2:
        return line
    name, sentence = (c.strip() for c in cells)
    if (
        not name
        or len(name.split()) > _NAME_CELL_WORDS
        or ":" in name
        or dates_in(name)
        or not sentence.endswith((".", "!", "?"))
        or len(sentence.split()) < _SENTENCE_CELL_WORDS
        or not sentence[0].isupper()
    ):
        return line
    return f"{name}: {sentence}"
