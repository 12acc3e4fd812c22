"""Formats met on held-out sets 403 and 404, and the plain forms around them.

A French product "va tirer sa révérence" (takes its leave) from a day, and its maker "coupera les serveurs" on it; a
Danish list's intro asks when the update guarantee ends ("hvornår garantien for opdateringer af Android … ophører for
de forskellige Nexus-enheder:") over lines of models and months; an English end date "has been pegged at" a day; a
German reader is "bis 2031 versorgt" (supplied with updates); a Chinese page that annotates rarer characters with their
pinyin in brackets ("0 點(diǎn)後") is read without them. A launch pegged at a day, a list's intro about something
else, and a price that is cut are no ends."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

D = dt.date


def test_french_leave_taking_and_servers_cut() -> None:
    karotz = (
        "C'est la fin pour Nabaztag !\nLe lapin connecté va tirer sa révérence à partir de 18 février 2015.\n"
        "La société a annoncé qu'elle coupera les serveurs qui donnent la vie aux lapins dès le 18 février 2015."
    )
    assert ends(karotz, "Karotz") == [D(2015, 2, 18)]
    lead = "Ceci est une information importante pour tous nos clients qui utilisent ce produit à la maison."
    assert ends(f"{lead} Acme coupera les serveurs du Acme Hub le 31 mars 2025.", "Acme Hub") == [D(2025, 3, 31)]
    assert ends(f"{lead} Acme coupera le prix du Acme Hub le 31 mars 2025.", "Acme Hub") == []


_NEXUS = (
    "Google skriver om Nexus-produkterne.\n"
    "Herunder kan du se, hvornår garantien for opdateringer af Android helt præcist ophører for de forskellige "
    "Nexus-enheder:\nNexus 5X: September 2017.\nNexus 6P: September 2017.\nNexus 9: Oktober 2016."
)


def test_a_danish_list_under_its_intro_about_updates() -> None:
    assert ends(_NEXUS, "Nexus 5X") == [D(2017, 9, 30)]
    assert ends(_NEXUS, "Nexus 9") == [D(2016, 10, 31)]
    other = _NEXUS.replace("garantien for opdateringer af Android helt præcist ophører", "enhederne kom på markedet")
    assert ends(other, "Nexus 5X") == []


def test_an_end_date_pegged_at_a_day() -> None:
    rt = "The Mainstream Support End Date for the Surface RT tablet has been pegged at 11th April 2017."
    assert ends(rt, "Surface RT") == [D(2017, 4, 11)]
    assert ends("The launch date for the Surface RT tablet has been pegged at 11th April 2017.", "Surface RT") == []


def test_german_supplied_up_to_a_year() -> None:
    s24 = (
        "Bei den Top-Smartphones sind es nun sieben Jahre von allem. Wenn ihr euch also jetzt ein Galaxy S24 kauft, "
        "dann werdet ihr bis 2031 versorgt."
    )
    assert ends(s24, "Galaxy S24") == [D(2031, 12, 31)]


def test_chinese_pinyin_annotations_are_not_words() -> None:
    # ("點(diǎn)後": a page that annotates rarer characters with their reading in brackets)
    dingdong = (
        "叮咚智能音箱官方發(fā)布了停服公告。"
        "自 2023 年 3 月 31 日 0 點(diǎn)後用戶將無法再使用“叮咚音箱”App 激活綁定音箱,"
        "叮咚智能音箱所有智能語音功能及後臺云端資源、技能等服務(wù)將停服。"
    )
    assert ends(dingdong, "叮咚智能音箱") == [D(2023, 3, 31)]
