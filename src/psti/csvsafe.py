"""CSV that spreadsheets open as data, never as formulas: the one writer every export uses.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel, LibreOffice and Google Sheets (CSV injection), so such text cells are prefixed
with a single quote, which the spreadsheet shows as text. Numbers written as numbers
(negative ones included) are left alone, so amounts stay sums.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer with every text cell made formula-safe."""

    def __init__(self, out: io.TextIOBase | io.StringIO) -> None:
        self._w = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> None:
        self._w.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: io.TextIOBase | io.StringIO) -> SafeWriter:
    return SafeWriter(out)
