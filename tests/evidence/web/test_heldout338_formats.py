"""Formats met on held-out sets 338 onwards and on the misses of the sets before them.

Ends: Indonesian ends ("menghentikan dukungan … mulai tanggal 10 Desember 2019", "hanya mendapatkan
dukungan hingga 11 Juni 2019", "tidak lagi … mulai Maret 2023"), with a launch's month ("diluncurkan pada
Maret 2019") no end."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_indonesian_ends() -> None:
    assert ends(
        "Microsoft akan menghentikan dukungan pembaruan perangkat lunak untuk Windows 10 Mobile mulai tanggal"
        " 10 Desember 2019."
    ) == [D(2019, 12, 10)]
    assert ends(
        "Sedangkan untuk smartphone Microsoft Lumia 640 dan 640 XL hanya mendapatkan dukungan hingga 11 Juni 2019.",
        "Lumia 640",
    ) == [D(2019, 6, 11)]
    assert ends("Samsung tidak lagi memberikan pembaruan keamanan untuk Galaxy S10 mulai Maret 2023.") == [
        D(2023, 3, 1)
    ]


def test_an_indonesian_launch_month_is_no_end() -> None:
    assert ends("Ponsel Galaxy S10 yang diluncurkan pada Maret 2019 tidak lagi mendapatkan pembaruan.") == []
