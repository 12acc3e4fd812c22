"""A JSON document (an API's reply such as endoflife.date's, a data file quoted as text) read as
table rows: each object's plain fields one row of "label: value" cells, with the labels split
into words ("dateClose" -> "date close", "support_end" -> "support end")."""

from __future__ import annotations

import json
import re

MAX_ROWS = 5_000
_MAX_DEPTH = 8
MAX_CELL = 300  # characters of a field's value read as a cell; a longer one is text, not a date's cell
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def json_rows(text: str) -> str | None:
    """The rows of a JSON document, one per object with plain fields; None when the text is not JSON."""
    s = text.strip().rstrip(",").rstrip()  # (an element quoted from a list keeps its comma)
    if not s or s[0] not in "{[":
        return fragment_rows(text)
    try:
        data = json.loads(s) if s[-1] in "}]" else _cut_short(s)
    except json.JSONDecodeError as e:
        data = _cut_short(s) if e.pos >= len(s) - 1 else None  # (broken before its end: no JSON)
    except (ValueError, RecursionError):
        return fragment_rows(text)
    if data is None:
        return fragment_rows(text)
    rows: list[str] = []
    _collect(data, rows, 0)
    return "\n".join(rows) if rows else None


_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_CLOSER = {"{": "}", "[": "]"}
_CUT_TRIES = 20  # places to cut back to before giving up


def _cut_short(s: str) -> object | None:
    """A document cut off before its end (a reply over a size limit, an excerpt ending "..."): its
    values up to the last one that is whole, with the brackets still open closed after it."""
    s = _ELLIPSIS.sub("", s)
    stack: list[str] = []
    cuts: list[tuple[int, str]] = []  # where a whole value may end, and the brackets open there
    in_string = escaped = False
    opened = 0  # where the last string began
    for i, ch in enumerate(s):
        if in_string:
            in_string, escaped = (ch != '"' or escaped), (ch == "\\" and not escaped)
        elif ch == '"':
            in_string, opened = True, i
        elif ch in "{[":
            stack.append(ch)
        elif ch in "}]":
            if not stack or _CLOSER[stack.pop()] != ch:
                return None
            cuts.append((i + 1, "".join(_CLOSER[o] for o in reversed(stack))))
        elif ch == ",":
            cuts.append((i, "".join(_CLOSER[o] for o in reversed(stack))))
    if in_string and not escaped and len(s) - opened > MAX_CELL:
        # cut inside a long text ("…the scope of this program.…"): closed where it stops (a short value
        # cut short, such as "2030-1", is left out: it may read as another date)
        cuts.append((len(s), '"' + "".join(_CLOSER[o] for o in reversed(stack))))
    for end, closers in reversed(cuts[-_CUT_TRIES:]):
        if not closers:
            return None  # whole at that point, so broken after it: not a document cut short
        try:
            return json.loads(s[:end] + closers)
        except (ValueError, RecursionError):
            continue  # (a cut inside a key: value pair)
    return None


def _collect(node: object, rows: list[str], depth: int) -> None:
    if depth > _MAX_DEPTH or len(rows) >= MAX_ROWS:
        return
    if isinstance(node, dict):
        plain = [
            (label_words(str(k)), str(v).strip())
            for k, v in node.items()
            if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip()
        ]
        plain = [(k, v) for k, v in plain if not _ABOUT_THE_RECORD.fullmatch(k)]
        cells = [f"{k}: {' '.join(v.split())}" for k, v in plain if not is_text(v)]
        if cells:
            rows.append(" | ".join(cells))
        # a long text or a quoted sentence (a description, a policy's body, a maker's notice) follows its
        # row as text of its own, lines kept
        rows += [f"{k}:\n{v}" for k, v in plain if is_text(v)]
        for v in node.values():
            if isinstance(v, (dict, list)):
                _collect(v, rows, depth + 1)
    elif isinstance(node, list):
        for v in node:
            _collect(v, rows, depth + 1)


# when the record itself was made or checked ("retrieved_at": "2026-09-17"): a date of the data, not of the product
_ABOUT_THE_RECORD = re.compile(
    r"(?:date\s+)?(?:last\s+)?(?:retrieved|accessed|fetched|scraped|crawled|checked|captured|collected)(?:\s+(?:at|on|date))?"
)
_SENTENCES = re.compile(r"\w[.!?](?:\s+[\"'(]?[A-Z]|\s*$)")


def is_text(value: str) -> bool:
    """A field's value is text to read as sentences, not a cell: long, or a quoted sentence of a dozen
    words or more ("DSM 6.2 will reach the end of the Extended Life Phase on October 1, 2024. …")."""
    return len(value) > MAX_CELL or (len(value.split()) >= 12 and _SENTENCES.search(value) is not None)


def label_words(key: str) -> str:
    return " ".join(_CAMEL.sub(" ", key).replace("_", " ").replace("-", " ").split()).lower()


# the lines of JSON quoted in pieces: a "key": value pair, a bracket, a string in a list, an elision
_PAIR = re.compile(r'"((?:[^"\\]|\\.){1,80})"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|null|true|false)')
_JSON_LINE = re.compile(r'^\s*(?:"(?:[^"\\]|\\.)*"\s*(?::.*)?|[\[\]{}]+,?|\.\.\.|…|\[\.\.\.\]|\[…\])\s*,?\s*$')
_MIN_PAIRS = 3


def fragment_rows(text: str) -> str | None:
    """JSON quoted in pieces ("  \"name\": \"Acme Cam\",", elisions between objects, no outer brackets),
    as json_rows reads a whole document: each object's plain pairs one row, and the pairs outside
    any object (the quoted part of the document's top level) a row of their own. None when the
    text is not such a quotation: every line must be one of JSON's, and pairs must be among them."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines or len(lines) > MAX_ROWS or not all(_JSON_LINE.match(ln) for ln in lines):
        return None
    if sum(1 for ln in lines if _PAIR.search(ln)) < _MIN_PAIRS:
        return None
    rows: list[str] = []
    open_rows: list[list[str]] = [[]]  # the pairs of each object still open, the outermost first
    texts: list[str] = []
    for ln in lines:
        for m in re.finditer(r"\{|\}|" + _PAIR.pattern, ln):
            if m.group(0) == "{":
                open_rows.append([])
            elif m.group(0) == "}":
                if len(open_rows) > 1:
                    emit_row(open_rows.pop(), rows)
            else:
                value = m.group(2)
                if value == "null" or value in ("true", "false"):
                    continue
                value = json.loads(value) if value.startswith('"') else value
                label = label_words(m.group(1))
                if _ABOUT_THE_RECORD.fullmatch(label) or not str(value).strip():
                    continue
                if is_text(str(value)):
                    texts.append(f"{label}:\n{value}")  # (read after the rows, as json_rows reads it)
                else:
                    open_rows[-1].append(f"{label}: {' '.join(str(value).split())}")
    for pairs in reversed(open_rows[1:]):  # (objects cut off by the end of the quotation)
        emit_row(pairs, rows)
    top: list[str] = []
    emit_row(open_rows[0], top)  # the document's own fields head it, as in json_rows
    return "\n".join(top + rows + texts) if top or rows or texts else None


def emit_row(cells: list[str], rows: list[str]) -> None:
    """An object's cells as one row, up to the rows a document may give (for YAML's records too)."""
    if cells and len(rows) < MAX_ROWS:
        rows.append(" | ".join(cells))
