"""A YAML data file of records (a project's device list, a list of releases) read as table rows, as
jsonrows reads JSON: each mapping's plain fields one row of "label: value" cells.

Only a file whose top level names blocks and nothing else: one with fields of its own at the top
(a single product's lifecycle record, a policy's summary, a page's front matter) describes one
thing, and is read a field per line as plain text.

Read line by line rather than by a YAML library: excerpts quote such files in pieces ("..." between
blocks, a block cut off), and almost any prose is a valid YAML scalar, so what counts is the shape
of every line, not whether a parser accepts the text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from psti.evidence.web.jsonrows import MAX_CELL, MAX_ROWS, emit_row, label_words

_MAX_LINES = 50_000
_MIN_PAIRS = 3

# "key: value", "- key: value", "key:" (a block opens); a key is an identifier or a quoted string, so
# prose's "End of support: 2025" (words with spaces) is never one
_KEY_LINE = re.compile(
    r"""^(?P<indent>[ ]*)(?P<dash>-[ ]+)?(?P<key>[A-Za-z_][\w.-]{0,60}|"[^"\n]{1,80}"|'[^'\n]{1,80}')"""
    r"""[ ]*:(?:[ ]+(?P<value>.*?))?[ ]*$"""
)
_ITEM_LINE = re.compile(r"^(?P<indent>[ ]*)-[ ]+(?P<value>.+?)[ ]*$")  # a scalar in a list
_SKIPPED_LINE = re.compile(r"^\s*(?:#.*|---.*|\.\.\.|…|\[(?:\.\.\.|…)\])\s*$")  # comments, markers, elisions
_BLOCK_SCALAR = re.compile(r"^[|>][+-]?\d?$")
_TRAILING_COMMENT = re.compile(r"\s+#.*$")
_QUOTES = "\"'"
_QUOTED = re.compile(r"""^(["'])(.*?)\1(?:\s+#.*)?$""")  # '"dual"', "'1.2'  # a comment"


@dataclass
class _Mapping:
    column: int  # where its keys start
    cells: list[str] = field(default_factory=list)


def yaml_rows(text: str) -> str | None:
    """The rows of a YAML data file, one per mapping with plain fields; None when the text is not one
    (a line that is not YAML's, a field at the top level, fewer than three key: value pairs)."""
    lines = text.splitlines()
    if len(lines) > _MAX_LINES:
        return None
    rows: list[str] = []
    open_maps: list[_Mapping] = []
    pairs = 0
    text_column = -1  # a block scalar's text ("description: |") runs on lines indented past this

    def close_to(column: int) -> None:
        while open_maps and open_maps[-1].column > column:
            emit_row(open_maps.pop().cells, rows)

    for line in lines:
        if not line.strip() or _SKIPPED_LINE.match(line):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if text_column >= 0 and indent > text_column:
            continue
        text_column = -1
        m = _KEY_LINE.match(line)
        if m is None:
            if _ITEM_LINE.match(line) is None:
                return None
            continue  # a list of plain values: no row's cell
        column = indent + (len(m.group("dash")) if m.group("dash") else 0)
        raw = (m.group("value") or "").strip()
        if column == 0 and raw and not raw.startswith("#"):
            return None  # a field at the top: one record, not a list of them
        close_to(column)
        top = open_maps[-1] if open_maps else None
        if m.group("dash") or top is None or top.column < column:
            if top is not None and top.column == column:
                emit_row(open_maps.pop().cells, rows)  # the list's next item
            open_maps.append(_Mapping(column))
        value = _scalar(raw)
        if value is None:  # a block opens under the key, or its text follows
            if _BLOCK_SCALAR.match(raw):
                text_column = column
            continue
        pairs += 1
        if len(value) <= MAX_CELL and len(rows) < MAX_ROWS:
            open_maps[-1].cells.append(f"{label_words(m.group('key').strip(_QUOTES))}: {value}")
    close_to(-1)
    if pairs < _MIN_PAIRS or not rows:
        return None
    return "\n".join(rows)


def _scalar(raw: str) -> str | None:
    """A plain value as it reads, or None for a block's opening (nothing, "|", ">", "{", "[", "&anchor")."""
    raw = raw.strip()
    if not raw or _BLOCK_SCALAR.match(raw) or raw[0] in "&!{[":
        return None
    quoted = _QUOTED.match(raw)
    raw = quoted.group(2) if quoted else _TRAILING_COMMENT.sub("", raw)
    value = " ".join(raw.split())
    return value if value and value not in ("~", "null") else None
