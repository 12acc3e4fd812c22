"""Forms met on pages of held-out-457 to 466: a year-less day whose sentence names the month a notice
was given ("came in April 2024 when Spotify announced it would discontinue support … on December 9th");
an update that "served as" or "represents" the final patch, and a year said to be "the last year of
security updates"; a final update named with the adjective after it in French, Spanish and Italian
("une mise à jour finale"); access to what a store served ("previously downloaded content") ending; a
move users must make by a deadline or lose the product's use; a stop at a year's end in Spanish,
Portuguese and Italian ("a finales del 2022"); Japanese ends in one sentence that all give one day; a
year-less Japanese day whose post is signed under it with a Latin date ("April 9, 2024"); Dutch updates
"voorzien" (provided) up to a month; a period of updates counted from a day in German, French, Spanish
and Italian ("cinco años de actualizaciones desde su lanzamiento el 22 de septiembre de 2023")."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.pagedate import place_yearless
from tests.evidence.web.snippets import ends

D = dt.date


def test_a_yearless_day_takes_its_year_from_the_month_its_sentence_names_before_it() -> None:
    said = (
        "The bigger blow came in April 2024 when Acme announced it would discontinue support for the "
        "Acme Hub on December 9th, essentially rendering the devices useless."
    )
    assert ends(said, "Acme Hub") == [D(2024, 12, 9)]


def test_a_launch_month_lends_no_year() -> None:
    said = "Launched in February 2022, the Acme Hub will stop working on December 9th."
    assert ends(said, "Acme Hub") == []
    text, placed = place_yearless(said)
    assert placed == [] and text == said


def test_would_after_a_past_verb_speaks_of_what_was_then_to_come() -> None:
    # the notice's month (April 2024) comes before the day, so the day is the December after it
    text, placed = place_yearless("In April 2024 Acme said it would close the Acme Hub service on December 9th.")
    assert [p.reading for p in placed] == ["2024"]
    assert "December 9th, 2024" in text


@pytest.mark.parametrize(
    ("said", "end"),
    [
        (
            "The October 2025 security patch served as the final official update for the Acme Phone, bringing its "
            "software support to a close.",
            D(2025, 10, 31),
        ),
        ("The August 2025 security update represents the final patch for the Acme Phone.", D(2025, 8, 31)),
        ("For the Acme Phone, 2024 is the last year of security updates.", D(2024, 12, 31)),
        (
            "The Acme Phone was running Android 10 at launch, which means 2024 is the last year of security updates.",
            D(2024, 12, 31),
        ),
        ("2024 will be the final year of support for the Acme Phone.", D(2024, 12, 31)),
    ],
)
def test_an_update_or_a_year_said_to_be_the_last_ends_support(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Phone") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "2019 was the last year of the Acme Phone's production.",
        "The August 2025 security update represents a big change for the Acme Phone.",
        "The October 2025 security patch served as a model for the Acme Phone's next update.",
    ],
)
def test_a_last_year_of_something_else_or_an_update_that_is_not_the_last_is_no_end(said: str) -> None:
    assert ends(said, "Acme Phone") == []


@pytest.mark.parametrize(
    ("said", "end"),
    [
        ("Acme indique publier en mars 2023 « une mise à jour finale de l'Acme Phone ».", D(2023, 3, 31)),
        ("Le téléphone Acme Phone recevra sa mise à jour finale en mars 2023.", D(2023, 3, 31)),
        ("El Acme Phone recibirá su actualización final en marzo de 2023.", D(2023, 3, 31)),
    ],
)
def test_a_final_update_named_with_the_adjective_after_it(said: str, end: dt.date) -> None:
    assert ends(said, "Acme Phone") == [end]


@pytest.mark.parametrize(
    "said",
    [
        "Access to previously downloaded Acme Hub content will end by September 30, 2025.",
        "Access to your purchased Acme Hub games will end on 30 September 2025.",
    ],
)
def test_access_to_what_a_store_served_ending_ends_its_service(said: str) -> None:
    assert ends(said, "Acme Hub store") == [D(2025, 9, 30)]


def test_access_to_data_ending_is_no_end_of_the_service() -> None:
    assert ends("Access to your Acme Hub data will end on 30 September 2025.", "Acme Hub store") == []


@pytest.mark.parametrize(
    "said",
    [
        "Acme is mandating that users upgrade to its new Home architecture by February 10, 2026, or risk losing "
        "control of their Acme Hub devices.",
        "Users must upgrade to the new Home architecture by February 10, 2026, or they will lose control of their "
        "Acme Hub devices.",
        "Users must upgrade to the new Home architecture by February 10, 2026, or lose access to their Acme Hub.",
    ],
)
def test_a_move_made_by_a_deadline_or_the_use_is_lost_ends_the_old_one_then(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2026, 2, 10)]


@pytest.mark.parametrize(
    "said",
    [
        "Users must upgrade the Acme Hub firmware by February 10, 2026, or they will lose the discount.",
        "Users can upgrade to the new Home architecture by February 10, 2026, or keep their Acme Hub as it is.",
    ],
)
def test_a_deadline_whose_alternative_loses_no_use_is_no_end(said: str) -> None:
    assert ends(said, "Acme Hub") == []


@pytest.mark.parametrize(
    "said",
    [
        "Acme dejará de utilizar su servicio Acme Hub a finales del 2022.",
        "A Acme vai desligar o serviço Acme Hub no final de 2022.",
        "Acme spegnerà il servizio Acme Hub alla fine del 2022.",
    ],
)
def test_a_stop_at_a_years_end_in_spanish_portuguese_and_italian(said: str) -> None:
    assert ends(said, "Acme Hub") == [D(2022, 12, 31)]


def test_a_launch_at_a_years_end_is_no_end() -> None:
    assert ends("Acme lanzó su servicio Acme Hub a finales de 2002.", "Acme Hub") == []


def test_japanese_ends_that_all_give_one_day_are_that_day() -> None:
    said = (
        "任天堂が、アクメソフトのオンラインプレイサービスを2024年4月9日(火)午前9時に終了すると発表していました。"
        "「終了時期のお知らせ」を更新しました。オンラインプレイサービスは【2024年4月9日(火)午前9時】に終了いたします。"
    )
    assert ends(said, "Acme online play service") == [D(2024, 4, 9)]


def test_japanese_ends_on_different_days_none_naming_the_product_give_none() -> None:
    said = "アクメの旧アプリは2024年4月9日に終了し、新アプリは2025年4月9日に終了します。"
    assert ends(said, "Acme online play service") == []


def test_a_yearless_japanese_day_takes_the_year_of_a_post_signed_under_it_the_latin_way() -> None:
    said = (
        "オンラインプレイサービスは本日4月9日(火)午前9時をもって終了いたしました。\n"
        "— アクメサポート (@acme_cs) April 9, 2024"
    )
    assert ends(said, "Acme online play service") == [D(2024, 4, 9)]


def test_dutch_updates_provided_up_to_a_month() -> None:
    said = "Zo wordt de Acme Phone nog tot januari 2024 van driver- en firmware-updates voorzien."
    assert ends(said, "Acme Phone") == [D(2024, 1, 31)]
    assert ends("De Acme Phone is tot januari 2024 van een nieuwe batterij voorzien.", "Acme Phone") == []


@pytest.mark.parametrize(
    "said",
    [
        "El Acme Phone recibirá cinco años de actualizaciones desde su lanzamiento el 22 de septiembre de 2023.",
        "Das Acme Phone erhält fünf Jahre Updates ab dem 22. September 2023.",
        "L'Acme Phone riceverà cinque anni di aggiornamenti dal 22 settembre 2023.",
        "Le téléphone Acme Phone recevra cinq ans de mises à jour à partir du 22 septembre 2023.",
    ],
)
def test_a_period_of_updates_counted_from_a_day_in_other_languages(said: str) -> None:
    assert ends(said, "Acme Phone") == [D(2028, 9, 22)]


@pytest.mark.parametrize(
    "said",
    [
        "El Acme Phone recibirá cinco años de actualizaciones desde su lanzamiento en 2023.",
        "El Acme Phone está a la venta desde el 22 de septiembre de 2023 y tiene una garantía de dos años.",
    ],
)
def test_a_period_from_a_year_alone_or_a_sale_with_a_warranty_is_no_end(said: str) -> None:
    assert ends(said, "Acme Phone") == []


def test_a_period_for_the_devices_launched_from_a_month_starts_no_products_period() -> None:
    said = "Acme promete 7 años de actualizaciones para los dispositivos lanzados a partir de octubre de 2023."
    assert ends(said, "Acme Phone") == []
