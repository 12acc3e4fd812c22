"""reStructuredText list tables read as rows under their header (Sphinx documentation's support tables)."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.rsttables import rst_list_tables
from tests.evidence.web.snippets import ends

TABLE = """Support periods of each release:

.. list-table::
   :header-rows: 1
   :width: 100%

   * - Version (Release Date)
     - Supported Chips
     - EOL Date
   * - **v4.0.0** (2023.12.29)
     - Acme-C6
     - 2025.12.30
   * - **v3.4.0** (2024.6.7)
     -
       * Acme-1
       * Acme-S2
     - `2025.5.29 <https://example.com/eol>`_

After the table.
"""


def test_a_list_table_becomes_rows_under_its_header() -> None:
    rows = rst_list_tables(TABLE)
    assert "Version (Release Date): v4.0.0 (2023-12-29) | Supported Chips: Acme-C6 | EOL Date: 2025-12-30" in rows
    assert (
        "Version (Release Date): v3.4.0 (2024-06-07) | Supported Chips: Acme-1, Acme-S2 | EOL Date: 2025-05-29" in rows
    )
    assert rows.rstrip().endswith("After the table.")
    assert "list-table" not in rows


def test_each_release_reads_its_own_row() -> None:
    assert ends(TABLE, "v3.4.0") == [dt.date(2025, 5, 29)]
    assert ends(TABLE, "v4.0.0") == [dt.date(2025, 12, 30)]


def test_text_without_a_list_table_is_unchanged() -> None:
    text = "Home Assistant 2024.5.1 was released.\n* - not a table"
    assert rst_list_tables(text) == text
