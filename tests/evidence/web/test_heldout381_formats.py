"""Formats met on held-out sets 381 onwards and on the misses of the sets before them.

Ends: Dutch "it is over" after a month ("de beveiligingspatch van april 2021 en daarna is het klaar", "in
oktober 2019, is het ook gedaan met de veiligheidspatches"), up to that month's last day; a month of "that
year", which takes the year of the date its sentence names before it ("until August 2023, while the 4a 5G is
safe until November that year"); a sentence that does not name the product but gives the product's own end
more finely ("the official end of support scheduled for October 14, 2025" beside "after October 2025, Windows
10 will no longer receive critical security updates") says the same end; a wind-down that begins at a date
("o processo de encerramento … vai começar em setembro de 2024") is its first step, not its end, and Portuguese
removal ("até removê-los de vez em setembro de 2025") ends; a Japanese day that opens its clause, set off by a
comma, with the end said in that clause ("2024年1月1日、同社は…その機能を廃止し"), but not the day an end was told
("…、サービス終了を発表しました").

Policies: an address named like another desk's ("sales@…") under a line that asks for security reports is the
channel; the words around an address, not its name, say what it is for."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_dutch_it_is_over_after_a_month() -> None:
    s8 = (
        "Samsung heeft de laatste update voor de Galaxy S8 uitgebracht. De Galaxy S8 wordt voorzien van de "
        "Android-beveiligingspatch van april 2021 en daarna is het klaar voor de telefoon."
    )
    assert ends(s8, "Galaxy S8") == [D(2021, 4, 30)]
    pixel = "Een jaar later, dus in oktober 2019, is het ook gedaan met de veiligheidspatches voor de Pixel."
    assert ends(pixel, "Pixel") == [D(2019, 10, 31)]
    # "after that" with nothing over, and a question whether something is ready, are no ends
    assert ends("De Pixel krijgt de patch van april 2021 en daarna een nieuwe Android-versie.", "Pixel") == []
    assert ends("Is het klaar voor de Pixel in oktober 2019? We weten het niet.", "Pixel") == []


def test_a_month_of_that_year() -> None:
    said = (
        "The Pixel 4a is slated to receive regular version and security updates until August 2023, while the "
        "4a 5G is safe until November that year."
    )
    assert ends(said, "4a 5G") == [D(2023, 11, 30)]
    assert ends(said.replace("that year", "of the same year"), "4a 5G") == [D(2023, 11, 30)]
    # with no year before it in its sentence, "that year" stays unplaced
    assert ends("The 4a 5G is safe until November that year.", "4a 5G") == []


def test_an_address_named_like_another_desk_under_a_reporting_line() -> None:
    asuka = (
        "If you discover a security issue in any of our products, please contact us at the following address:\n"
        "Contact\nAsuka Company Limited\nsales@asuka-solution.com\n"
    )
    assert policy(asuka).contacts == ["mailto:sales@asuka-solution.com"]
    # words that give the address another purpose still do
    assert not policy("For sales enquiries, please contact us at:\nsales@asuka-solution.com\n").contacts


def test_an_unnamed_sentence_that_gives_the_products_end_more_finely() -> None:
    said = (
        "With the official end of support scheduled for October 14, 2025, the NCSC is encouraging all users to "
        "make the leap to Windows 11. The impending end of support means that after October 2025, Windows 10 "
        "will no longer receive critical security updates."
    )
    assert ends(said, "Windows 10") == [D(2025, 10, 14)]
    # a day in another month is another end, not the product's
    other = said.replace("October 14, 2025", "November 14, 2025")
    assert ends(other, "Windows 10") == [D(2025, 10, 31)]


def test_a_wind_down_that_begins_and_a_removal_in_portuguese() -> None:
    said = (
        "O processo de encerramento do serviço Tizen Watch vai começar em setembro de 2024. Na sequência, a "
        "Samsung vai reduzir o acesso ao serviço Tizen Watch até removê-lo de vez em setembro de 2025."
    )
    assert ends(said, "Tizen Watch") == [D(2025, 9, 30)]
    assert ends("O encerramento do serviço Tizen Watch vai começar em setembro de 2024.", "Tizen Watch") == []


def test_a_japanese_day_set_off_by_a_comma_before_its_end() -> None:
    said = "しかし、2024 年 1 月 1 日、同社は Arlo Q のクラウド機能を廃止し、すべての機能を削除する権利を留保します。"
    assert ends(said, "Arlo Q") == [D(2024, 1, 1)]
    assert ends(said.replace(" 年 1 月 1 日", "年1月1日"), "Arlo Q") == [D(2024, 1, 1)]
    assert ends("2023年6月30日、同社は Arlo Q のサービス終了を発表しました。", "Arlo Q") == []
