"""A JSON document (an API's reply such as endoflife.date's, a data file quoted as text) read as
table rows: each object's plain fields one row of "label: value" cells, with the labels split
into words ("dateClose" -> "date close", "support_end" -> "support end")."""

from __future__ import annotations

import json
import re

_MAX_ROWS = 5_000
_MAX_DEPTH = 8
_MAX_CELL = 300  # characters of a field's value (a description is context, not a date's cell)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def json_rows(text: str) -> str | None:
    """The rows of a JSON document, one per object with plain fields; None when the text is not JSON."""
    s = text.strip().rstrip(",").rstrip()  # (an element quoted from a list keeps its comma)
    if not s or s[0] not in "{[" or s[-1] not in "}]":
        return None
    try:
        data = json.loads(s)
    except (ValueError, RecursionError):
        return None
    rows: list[str] = []
    _collect(data, rows, 0)
    return "\n".join(rows) if rows else None


def _collect(node: object, rows: list[str], depth: int) -> None:
    if depth > _MAX_DEPTH or len(rows) >= _MAX_ROWS:
        return
    if isinstance(node, dict):
        cells = [
            f"{_label(str(k))}: {' '.join(str(v).split())[:_MAX_CELL]}"
            for k, v in node.items()
            if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip()
        ]
        if cells:
            rows.append(" | ".join(cells))
        for v in node.values():
            if isinstance(v, (dict, list)):
                _collect(v, rows, depth + 1)
    elif isinstance(node, list):
        for v in node:
            _collect(v, rows, depth + 1)


def _label(key: str) -> str:
    return " ".join(_CAMEL.sub(" ", key).replace("_", " ").replace("-", " ").split()).lower()
