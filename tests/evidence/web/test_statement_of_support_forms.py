"""The forms a maker's own statement of its support period takes, in English and in the languages psti reads.

A copula whose subject is the support period or its end ("The end date of the support period is …", "The minimum
security update period is …", "The support period end date is …") dates the end, while the period's start does not;
an end promised no earlier than a date ("ends no earlier than …", "will not end before …") ends at the date or after
it, from a month's first day; updates "made available until" a day are supplied to it, while other things made
available are not support. In other languages a labelled line ("Ende des Supportzeitraums: 31.12.2028", "Période de
support : jusqu'au 31/12/2028", "Einde ondersteuning: 31 december 2028") gives the end or a range's second date, with
day-first dashed days ("31-12-2028") and months ("12/2028"); Swedish, Danish and Norwegian bound a day with "till och
med", "indtil" and "til og med", and Finnish with "asti" after it. A table of names and values gives the end in the
row its name labels as the end ("End of support | 31/12/2028"), not in a release's or a warranty's row; a column
headed in another language ("Supportperiode", "Ondersteund tot") is an end column. A statement's fields set as lines
("Defined support period: five years from the first supply date" over "First supply date: 22 September 2023"), or
with each field's name over its value, are fields of their own, the period counted from the day the other names. A
period counts from a release the
page dates in its own tense ("The Acme Hub launched on …") or between commas after the name ("The Acme Hub, released
on …, will get five years …"). Under an end column, a cell gives a date in forms prose does not ("12.2028",
"31.12.28", "2028年12月31日"), while a version under another column is none."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.evidence.web.snippets import ends

D = dt.date
END = [D(2028, 12, 31)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The end date of the support period is 31 December 2028.",
        "The end of the support period is 31 December 2028.",
        "The support period end date is 31 December 2028.",
        "The minimum security update period is 31 December 2028.",
        "The defined support period for the Acme Hub is 31 December 2028.",
        "The end date for security updates is 31 December 2028.",
        "The support period ends no earlier than 31 December 2028.",
        "Support for the Acme Hub will not end before 31 December 2028.",
        "Security updates will be made available for the Acme Hub until 31 December 2028.",
    ],
)
def test_an_english_statement_of_the_end(sentence: str) -> None:
    assert ends(sentence, "Acme Hub") == END


@pytest.mark.parametrize(
    "sentence",
    [
        "The start date of the support period is 1 January 2024.",
        "The support period start date is 1 January 2024.",
        "Spare parts will be made available until 2030.",
        "The Acme Hub was made available until March 2020.",
    ],
)
def test_a_start_or_a_supply_of_something_else_is_no_end(sentence: str) -> None:
    assert ends(sentence, "Acme Hub") == []


def test_an_end_no_earlier_than_a_month_is_from_its_first_day() -> None:
    assert ends("Security updates will end no sooner than December 2028.", "Acme Hub") == [D(2028, 12, 1)]
    assert ends("Security updates for the Acme Hub will not stop before 2029.", "Acme Hub") == [D(2029, 1, 1)]


_LEAD = {
    "de": "Dies ist eine wichtige Information für alle unsere Kunden, die dieses Produkt zu Hause verwenden.",
    "fr": "Ceci est une information importante pour tous nos clients qui utilisent ce produit à la maison.",
    "es": "Esta es una información importante para todos nuestros clientes que usan este producto en casa.",
    "it": "Questa è un'informazione importante per tutti i nostri clienti che usano questo prodotto a casa.",
    "nl": "Dit is belangrijke informatie voor al onze klanten die dit product thuis gebruiken.",
    "pt": "Esta é uma informação importante para todos os nossos clientes que usam este produto em casa.",
    "sv": "Det här är viktig information för alla våra kunder som använder den här produkten i hemmet.",
    "da": "Dette er vigtig information til alle vores kunder, som bruger dette produkt i hjemmet, og vi beklager.",
    "no": "Dette er viktig informasjon for alle våre kunder som bruker dette produktet i hjemmet, og vi beklager.",
    "fi": "Tämä on tärkeää tietoa kaikille asiakkaillemme, jotka käyttävät tätä tuotetta kotona.",
}


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("de", "Unterstützungszeitraum: bis 31.12.2028"),
        ("de", "Ende des Supportzeitraums: 31.12.2028"),
        ("de", "Sicherheitsupdates garantiert bis: 12/2028"),
        ("de", "Supportzeitraum: 01.01.2024 – 31.12.2028"),
        ("fr", "Période de support : jusqu'au 31/12/2028"),
        ("es", "Fin del soporte: 31 de diciembre de 2028"),
        ("it", "Periodo di supporto: fino al 31/12/2028"),
        ("nl", "Ondersteuningsperiode: tot 31-12-2028"),
        ("nl", "Einde ondersteuning: 31 december 2028"),
        ("pt", "Período de suporte: até 31/12/2028"),
        ("sv", "Acme Hub får säkerhetsuppdateringar till och med 31 december 2028."),
        ("da", "Acme Hub modtager sikkerhedsopdateringer indtil 31. december 2028."),
        ("no", "Acme Hub mottar sikkerhetsoppdateringer til og med 31. desember 2028."),
        ("fi", "Acme Hub saa tietoturvapäivityksiä 31.12.2028 asti."),
    ],
)
def test_a_statement_of_the_end_in_another_language(lang: str, line: str) -> None:
    assert ends(f"{_LEAD[lang]}\n{line}", "Acme Hub") == END


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # a label of something else, or a date that is not the label's value
        ("de", "Veröffentlichung: 31.12.2028"),
        ("de", "Ende des Supportzeitraums: siehe unten, Stand 31.12.2028"),
        ("fr", "Période de support : du 01/01/2024 au 31/12/2028, sauf exceptions prévues par contrat"),
    ],
)
def test_a_label_that_gives_no_end_is_not_read_as_one(lang: str, line: str) -> None:
    assert ends(f"{_LEAD[lang]}\n{line}", "Acme Hub") == []


def _spec_table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
    return f"<html><body><h2>Acme Hub</h2><table>{cells}</table></body></html>"


@pytest.mark.parametrize(
    "label", ["End of support", "Minimum security update period", "Security updates until", "Support period end date"]
)
def test_a_row_of_a_table_of_names_and_values_gives_the_end(label: str) -> None:
    page = _spec_table([("Model", "AH-100"), (label, "31/12/2028"), ("Colour", "White")])
    assert ends(page, "Acme Hub", "text/html") == END


@pytest.mark.parametrize("label", ["Release date", "Warranty period", "Date of manufacture"])
def test_a_row_of_a_table_of_names_and_values_with_another_date_gives_none(label: str) -> None:
    page = _spec_table([("Model", "AH-100"), (label, "31/12/2028")])
    assert ends(page, "Acme Hub", "text/html") == []


@pytest.mark.parametrize("header", ["Supportperiode", "Unterstützungszeitraum", "Ondersteund tot", "Soportado hasta"])
def test_a_column_headed_in_another_language_gives_the_end(header: str) -> None:
    page = (
        "<html><body><table><thead><tr><th>Product</th><th>Model</th><th>" + header + "</th></tr></thead><tbody>"
        "<tr><td>Acme Hub</td><td>AH-100</td><td>31.12.2028</td></tr>"
        "<tr><td>Acme Cam</td><td>AC-200</td><td>30.06.2027</td></tr></tbody></table></body></html>"
    )
    assert ends(page, "Acme Hub", "text/html") == END


@pytest.mark.parametrize(
    "text",
    [
        "Security updates for the Acme Hub are provided for five years after launch. The Acme Hub launched on 1 March "
        "2024.",
        "The Acme Hub, released on 1 March 2024, will get five years of security updates.",
    ],
)
def test_a_period_counted_from_a_release_the_page_dates(text: str) -> None:
    assert ends(text, "Acme Hub") == [D(2029, 3, 1)]


def test_a_release_that_only_picks_devices_starts_no_period() -> None:
    assert ends("Phones, released in 2021 or later, get five years of security updates.", "Acme Phone") == []


@pytest.mark.parametrize("cell", ["12.2028", "31.12.28", "2028年12月31日", "2028年12月"])
def test_a_date_only_a_cell_gives_under_an_end_column(cell: str) -> None:
    page = (
        "# Support periods\n\n| Model | Released | End of security updates |\n|---|---|---|\n"
        f"| Acme Hub | Mar 2024 | {cell} |\n| Acme Cam | Jun 2023 | 2027 |\n"
    )
    assert ends(page, "Acme Hub", "text/markdown") == END


def test_a_version_under_another_column_is_no_date() -> None:
    page = "# Releases\n\n| Model | Firmware |\n|---|---|\n| Acme Hub | 12.2028 |\n"
    assert ends(page, "Acme Hub", "text/markdown") == []


@pytest.mark.parametrize(
    "text",
    [
        "Defined support period: minimum five years from the first supply date\nFirst supply date: 22 September 2023",
        "Product: Acme Hub\nDefined support period: minimum five years from the first supply date\n"
        "First supply date: 22 September 2023",
        "Defined support period\nMinimum five years from the first supply date\nFirst supply date\n22 September 2023",
        "Defined support period:\nMinimum five years from the first supply date\n\n"
        "First supply date:\n22 September 2023",
    ],
)
def test_a_statements_fields_on_lines_of_their_own_count_the_period_from_the_supply_date(text: str) -> None:
    assert ends(text, "Acme Hub") == [D(2028, 9, 22)]


def test_a_support_fields_name_over_its_value_is_read_with_it() -> None:
    assert ends("Product\nAcme Hub\nEnd of support\n31 December 2028", "Acme Hub") == END
