"""reStructuredText list tables (``.. list-table::``, as Sphinx documentation writes version and
support tables) read as rows of "label: value" cells under their header row, the form psti reads a
table in: "AT Version (Release Date): v3.4.0.0 (2024-06-07) | … | IDF EOL Date: 2025-05-29"."""

from __future__ import annotations

import re

_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\.\s+list-table::.*$")
_OPTION = re.compile(r"^\s+:(?P<name>[\w-]+):\s*(?P<value>.*)$")
_ROW = re.compile(r"^(?P<indent>[ \t]*)\*\s+-(?:\s+(?P<text>.*))?$")
_CELL = re.compile(r"^(?P<indent>[ \t]*)-(?:\s+(?P<text>.*))?$")
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]+>`_{1,2}")  # `v5.0.6 <https://…>`_
_MARKUP = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|``(.+?)``")
# a dotted day alone in a cell, or in brackets after a name: "2025.5.29", "**v3.4.0.0** (2024.6.7)"
_DOTTED_DAY = re.compile(r"(?:^|(?<=\())((?:19|20)\d\d)\.(\d{1,2})\.(\d{1,2})(?=$|\))")
_MAX_ROWS = 500


def rst_list_tables(text: str) -> str:
    """The text with each list table replaced by its rows; text without one comes back unchanged."""
    if "list-table::" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _DIRECTIVE.match(lines[i])
        if m is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = _table_rows(lines, i + 1, len(m.group("indent")))
        out += ["", *rows, ""]
    return "\n".join(out)


def _table_rows(lines: list[str], i: int, indent: int) -> tuple[list[str], int]:
    """The rows of the table whose body starts at line i, and the line after the table."""
    header_rows = 0
    table: list[list[list[str]]] = []  # rows of cells of lines
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped and len(line) - len(line.lstrip()) <= indent and stripped != "...":
            break  # back at the directive's level: the table is over
        if (opt := _OPTION.match(line)) is not None and not table:
            if opt.group("name") == "header-rows" and opt.group("value").strip().isdigit():
                header_rows = int(opt.group("value"))
        elif (row := _ROW.match(line)) is not None and len(table) < _MAX_ROWS:
            table.append([[row.group("text") or ""]])
        elif (cell := _CELL.match(line)) is not None and table:
            table[-1].append([cell.group("text") or ""])
        elif stripped and stripped != "..." and table:
            table[-1][-1].append(stripped.lstrip("*- ").strip())  # a cell's further lines, a nested list's items
        i += 1
    cells = [[_cell_text(c) for c in row] for row in table]
    labels = cells[0] if header_rows and cells else []
    rows = [
        " | ".join(f"{label}: {value}" if label else value for label, value in _paired(labels, row) if value)
        for row in cells[header_rows if labels else 0 :]
    ]
    return [r for r in rows if r], i


def _paired(labels: list[str], row: list[str]) -> list[tuple[str, str]]:
    return [(labels[k] if k < len(labels) else "", value) for k, value in enumerate(row)]


def _cell_text(parts: list[str]) -> str:
    words = ", ".join(p for p in (x.strip() for x in parts) if p)
    words = _MARKUP.sub(lambda m: next(g for g in m.groups() if g is not None), _LINK.sub(r"\1", words))
    words = " ".join(words.split())
    return " ".join(_DOTTED_DAY.sub(_iso_day, w) for w in words.split(" "))


def _iso_day(m: re.Match[str]) -> str:
    year, month, day = (int(x) for x in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else m.group(0)
