"""Formats met on held-out sets 291 onwards and on the misses of the sets before them: a YAML data
file of named blocks (a custom ROM's device list, "manufacturer_support_ends: 2031-12" two lines under
"model:") read as rows, as a JSON document is; a release named across two cells ("release cycle: 5.0
| codename: Scarthgap" for "5.0 'Scarthgap'")."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagetext import page_text
from psti.evidence.web.yamlrows import yaml_rows
from tests.evidence.web.snippets import ends

D = dt.date

DEVICES_YML = """\
FP6:
  brand: fairphone
  model: Fairphone 6
  manufacturer_support_ends: 2031-12
  calyxos_support_ends: tbd
  sim: "dual"
  android: 16
...
komodo:
  brand: pixel
  model: Pixel 9 Pro XL   # the large one
  manufacturer_support_ends: 2031-08
  calyxos_support_ends: 2031-08
  description: |
    Pixel 9 Pro XL: support ends: 2020-01-01 in this text, which is not a field.
  variants:
    - komodo
    - komodo_global
"""


def test_a_device_list_is_read_a_row_per_device() -> None:
    rows = yaml_rows(DEVICES_YML)
    assert rows is not None
    assert rows.splitlines() == [
        "brand: fairphone | model: Fairphone 6 | manufacturer support ends: 2031-12 | calyxos support ends: tbd"
        " | sim: dual | android: 16",
        "brand: pixel | model: Pixel 9 Pro XL | manufacturer support ends: 2031-08 | calyxos support ends: 2031-08",
    ]
    assert page_text(DEVICES_YML.encode(), "application/yaml").text == rows


def test_each_device_gets_the_end_of_its_own_block() -> None:
    assert ends(DEVICES_YML, "Fairphone 6") == [D(2031, 12, 31)]
    # (the description's text, a block scalar, is no field of the row)
    assert ends(DEVICES_YML, "Pixel 9 Pro XL") == [D(2031, 8, 31)]


def test_a_list_of_records_under_a_key_is_read_a_row_per_record() -> None:
    text = (
        "# releases of the distribution\nreleases:\n  - releaseCycle: '1.2'  # the current one\n    eol: 2026-01-31\n\n"
        "  - releaseCycle: '1.1'\n    eol: 2025-01-31\n"
    )
    assert yaml_rows(text) == "release cycle: 1.2 | eol: 2026-01-31\nrelease cycle: 1.1 | eol: 2025-01-31"


def test_what_is_not_a_file_of_records_is_left_to_the_text_reader() -> None:
    # a field at the top: one record (a lifecycle file of one product, front matter) read a field a line
    one_record = "name: Acme Hub\nsupportDates:\n  start: 2020-01-01\n  end: 2025-01-01\n"
    assert yaml_rows(one_record) is None
    # prose labels have spaces in them: not keys
    assert yaml_rows("End of support:\n  Acme Hub: 2025\n  Acme Cam: 2026\nNotes: none\n") is None
    assert yaml_rows("Acme:\n  The Hub is supported until 2027, as our page says.\n") is None
    # too few fields to be a data file
    assert yaml_rows("acme:\n  hub: 2027\n") is None


def test_a_release_named_across_two_cells_is_that_row() -> None:
    text = (
        "releases:\n"
        '  - releaseCycle: "5.3"\n    codename: "Whinlatter"\n    releaseDate: 2025-12-15\n    eol: 2026-06-15\n'
        '  - releaseCycle: "5.0"\n    codename: "Scarthgap"\n    lts: true\n    releaseDate: 2024-04-29\n'
        "    eol: 2028-04-30\n"
    )
    assert ends(text, "5.0 'Scarthgap'") == [D(2028, 4, 30)]
    assert ends(text, "5.3 (Whinlatter)") == [D(2026, 6, 15)]
    # both words are needed, each a cell of its own
    assert ends(text, "5.1 'Scarthgap'") != [D(2028, 4, 30)]
