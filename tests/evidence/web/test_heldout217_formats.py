"""Formats met on held-out sets 184 onwards: support for a list of services that ceased, read
however the parser hangs the list; a kind of device written in capitals ("VR") is no model;
"these older models" pointing back; what users expected; an end "shortly after" another's; a
plain-http link to the place to report; a status update promised as one of two things; an Italian
service "chiuso"; a year's end "depuis la fin 2022" at the end of a sentence; sections for boards on
old mobile networks: a stop joined to a verb with its own date, a use cut down, "2G" as no model;
German support ended with "einzustellen" or a split "stellt … ein"; devices stripped of their
intelligence; "2024-Mar-29" and operations for a cloud terminated; a product that "expires" by
name; a launch's year that lends no year and dates no end; a German receipt confirmed with the time
standing between its words; a participle opening a list item's clause is no subject; support ends
in German ("beendet", "bis 2025 Updates", "verliert die … Unterstützung im April 2026"), Italian
("esteso fino al", "non riceveranno", "terminerà nel 2027"), Portuguese ("o fim do suporte") and
Spanish ("a partir del próximo mes de abril de 2025", "hasta el año 2030"); a launch set off by a
comma ("…, first introduced in 2011"); a post's byline whose name is a word of ending ("Shutgun"); a
product named as a list of models; a time word beside a verb in the past places a year-less day in
the past; an end said vaguely, then dated; an acquisition's year under a stop with its own; working
until a date after a stop said before; a quoted note wrapped across lines; a link to published
advisories is no channel; a project no longer active; a service's applets archived; German "schaltet
im März 2018 … ab"; an assessment shared with the reporter."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.pagedate import place_yearless
from psti.evidence.web.pagetext import page_text
from psti.evidence.web.support_period import analyse_support_page
from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_support_for_a_list_of_services_ceased() -> None:
    listed = (
        "Support for the Acme app store, online forum, cloud development tool, voice recognition, and voice "
        "replies ceased in June 2018, although some online services were restored by the community."
    )
    assert ends(listed, "Acme app store") == [D(2018, 6, 30)]
    # sales that ceased are no end of support
    sales = "Sales of the Acme watch, charger, and bands ceased in June 2018."
    assert ends(sales, "Acme watch") == []


def test_a_category_in_capitals_names_no_other_model() -> None:
    # "VR" is a kind of device, not a model the statement could be about instead of the page's
    page = (
        "Acme had initially planned to sunset support for the Acme Quest by January 1, 2024. "
        "With security updates only guaranteed until the end of August 2024, users of the first standalone "
        "VR headset under Acme's banner are urged to move to newer models."
    )
    assert ends(page, "Acme Quest") == [D(2024, 8, 31)]


def test_these_older_models_point_back_at_the_product() -> None:
    page = (
        "Acme will end support for Acme e-readers released in 2012 or earlier, cutting off access to the Acme "
        "Store. Starting May 20, 2026, users of these older models will no longer be able to download new content."
    )
    assert ends(page, "Acme e-readers released in 2012 or earlier") == [D(2026, 5, 20)]
    # older models not pointed back at are some other models
    other = "Acme will end support for Acme e-readers. Starting May 20, 2026, users of older models will lose updates."
    assert ends(other, "Acme e-readers") == []


def test_what_users_expected_is_no_end() -> None:
    expected = "Support for the Acme Stick ended shortly after. Some users expected support to last until 2024."
    assert ends(expected, "Acme Stick") == []
    # what the maker says owners can expect is its promise
    promised = "Acme says owners of the Acme Watch can expect to get regular updates through October 2027."
    assert ends(promised, "Acme Watch") == [D(2027, 10, 31)]


def test_an_end_shortly_after_another_models_has_no_date() -> None:
    page = (
        "Reports show:\n- Support for the 1st-gen Acme Stick ended in 2022\n"
        "- 2nd-gen devices lost support shortly after"
    )
    assert ends(page, "2nd-gen devices (Acme Stick 2nd generation)") == []


def test_a_plain_http_link_to_the_place_to_report_is_a_channel() -> None:
    page = (
        "# Reporting a Vulnerability\n\nIf you discover a potential security issue in this project, notify Acme "
        "Security via our [vulnerability reporting page](http://acme.example/security/vulnerability-reporting/)."
    )
    assert policy(page, "text/markdown").contacts == ["http://acme.example/security/vulnerability-reporting/"]
    # a plain-http link to anything else is no channel
    other = "# Reporting a Vulnerability\n\nRead about our products at [our site](http://acme.example/products/)."
    assert policy(other, "text/markdown").contacts == []


def test_a_status_update_promised_as_one_of_two_things() -> None:
    either = policy(
        "You can expect an acknowledgement within 72 hours and a resolution or status update within 14 days."
    )
    assert either.status_when is not None and either.status_when.timescale == "within 14 days"
    first = policy("We will provide a status update or a fix within 30 days of your report.")
    assert first.status_when is not None and first.status_when.timescale == "within 30 days"
    # a fix or a workaround is no update on the report's status
    assert policy("We will provide a fix or a workaround within 30 days of your report.").status_when is None


def test_an_italian_service_closed_on_a_day() -> None:
    closed = "Google ha annunciato che il suo servizio di giochi Acme verrà chiuso il 18 gennaio 2023."
    assert ends(closed, "Acme") == [D(2023, 1, 18)]


def test_since_a_years_end_at_the_end_of_a_sentence() -> None:
    french = "Acme ne propose plus de mises à jour pour le Acme Stick depuis la fin 2022."
    assert ends(french, "Acme Stick") == [D(2022, 12, 31)]
    german = "Acme liefert für den Acme Stick keine Updates mehr seit Ende 2022."
    assert ends(german, "Acme Stick") == [D(2022, 12, 31)]
    # a year at the end of a sentence is still a year
    until = "Le Acme Stick recevra des mises à jour jusqu'en 2027."
    assert ends(until, "Acme Stick") == [D(2027, 12, 31)]


_NETWORKS = """## 2G/3G sunset

### AT&T

- AT&T 2G has been shut down since 2016.
- AT&T 3G will shut down in February 2022.

### Acme Boron 2G/3G (B310)

- The Boron 2G/3G has only ever connected to T-Mobile. It will likely revert to 2G only by October 2021 and \
stop working entirely in December 2022.

### Acme E310

- The E310 can connect to AT&T or T-Mobile.
- After February 2022 it will not be able to connect to AT&T and will only be able to use T-Mobile 2G.
- It will stop working entirely in December 2022.

### Acme Electron 2G (E350)

- The Electron 2G has only connected to T-Mobile since 2016.
- It will stop working entirely in December 2022.
"""


def test_boards_on_old_mobile_networks_stop_in_their_own_sections() -> None:
    # a stop joined to a verb with a date of its own does not lend that date its stop
    assert ends(_NETWORKS, "Acme Boron 2G/3G (B310)", "text/markdown") == [D(2022, 12, 31)]
    # a use cut down to one network is no stop
    assert ends(_NETWORKS, "Acme E310", "text/markdown") == [D(2022, 12, 31)]
    # "2G" is a network's generation, not the model that "AT&T 2G" would name
    assert ends(_NETWORKS, "Acme Electron 2G (E350)", "text/markdown") == [D(2022, 12, 31)]


def test_german_support_ended_with_a_split_or_infinitive_verb() -> None:
    infinitive = "Acme hat verkündet, den Support der Acme-Lautsprecher zum 18. Februar 2026 komplett einzustellen."
    assert ends(infinitive, "Acme-Lautsprecher") == [D(2026, 2, 18)]
    split = "Acme stellt den Support der Acme-Lautsprecher zum 18. Februar 2026 ein."
    assert ends(split, "Acme-Lautsprecher") == [D(2026, 2, 18)]


def test_devices_stripped_of_their_intelligence() -> None:
    page = (
        "Acme announced the shutdown of its Acme Cloud Platform. As of January 31, 2026, a vast portfolio of "
        "Acme devices, including smart plugs sold as recently as 2023, will be stripped of their intelligence."
    )
    assert ends(page, "Acme Cloud Platform devices") == [D(2026, 1, 31)]


def test_operations_for_a_cloud_terminated_on_a_year_month_day() -> None:
    page = "Acme has announced to terminate operations for the Acme Home Cloud at 2024-Mar-29."
    assert ends(page, "Acme Home Cloud") == [D(2024, 3, 29)]
    # operations for something that is no service of the product
    charity = "Acme has announced to terminate operations for the Acme Home Cloud charity fund at 2024-Mar-29."
    assert ends(charity, "Acme Home Cloud") == []


def test_a_product_that_expires_by_name() -> None:
    page = (
        "Acme to Brick Its Own Gadget\n\nThe device, announced in 2021 and made available the next year, will be "
        "completely nonfunctional in December.\n\nIn 2021, Acme launched Car Gadget, making the product available "
        "the following year. The product is now being discontinued. The Car Gadget expires on Monday, December 9, 2024."
    )
    assert ends(page, "Car Gadget") == [D(2024, 12, 9)]


def test_a_german_receipt_confirmed_with_the_time_between() -> None:
    page = (
        "Acme wird:\na. Den Empfang Ihrer Meldung innerhalb von 14 Werktagen bestätigen;\nb. Ihnen eine Nummer geben;"
    )
    found = policy(page)
    assert found.ack_when is not None and found.ack_when.timescale == "innerhalb von 14 Werktagen"


def test_a_participle_opening_the_clause_is_no_subject() -> None:
    item = "- zephyr: Associated with Acme Platform 5.0 (LTS), maintained until April 2028 for bug fixes."
    assert ends(item, "zephyr") == [D(2028, 4, 30)]


@pytest.mark.parametrize(
    ("sentence", "product", "end"),
    [
        ("Der Hersteller beendet am 18. Februar 2026 den Support seiner Acme-Serie.", "Acme-Serie", D(2026, 2, 18)),
        ("Voraussichtlich wird das Acme 11 noch bis 2025 Updates erhalten.", "Acme 11", D(2025, 12, 31)),
        ("Il supporto per Acme Mobile è stato esteso fino al 14 gennaio 2020.", "Acme Mobile", D(2020, 1, 14)),
        (
            "Dal 10 dicembre 2019 gli utenti di Acme Mobile non riceveranno nuovi aggiornamenti della sicurezza.",
            "Acme Mobile",
            D(2019, 12, 10),
        ),
        ("Para o Acme Watch 2, o fim do suporte será em outubro de 2026.", "Acme Watch 2", D(2026, 10, 31)),
        (
            "El Acme Note 11S dejará de tener soporte oficial a partir del próximo mes de abril de 2025.",
            "Acme Note 11S",
            D(2025, 4, 1),
        ),
        ("Die Acme Uhr 5 verliert die regelmäßige Unterstützung im April 2026.", "Acme Uhr 5", D(2026, 4, 30)),
        ("Betroffen ist die Acme Uhr 5, deren Update-Zyklus im Juli 2025 entfällt.", "Acme Uhr 5", D(2025, 7, 31)),
        (
            "Per i TV Acme del 2022 l'aggiornamento terminerà nel 2027 con webOS 26.",
            "TV Acme del 2022",
            D(2027, 12, 31),
        ),
        ("De este modo, el Acme 8 Pro actualizará hasta el año 2030.", "Acme 8 Pro", D(2030, 12, 31)),
    ],
)
def test_support_ends_in_other_languages(sentence: str, product: str, end: dt.date) -> None:
    assert ends(sentence, product) == [end]


def test_a_launch_set_off_by_a_comma_dates_no_end() -> None:
    page = (
        "Acme has announced the discontinuation of support for its first and second generation Acme Thermostats, "
        "first introduced in 2011 and 2012 respectively. On October 25, 2025, users of these devices will lose "
        "access to software updates."
    )
    assert ends(page, "Acme Thermostats") == [D(2025, 10, 25)]


def test_a_posts_byline_dates_the_post_whatever_the_name() -> None:
    page = (
        "# Add repair issue\n\nShutgun · description · 2025-09-08\n"
        "Acme Home will shut down the servers end of the year."
    )
    assert ends(page, "Acme Home", "text/markdown") == [D(2025, 12, 31)]


def test_a_product_named_as_a_list_of_models_is_named_by_each() -> None:
    page = "Voraussichtlich werden das Acme 11, Acme 11 Pro und das Acme 11 Pro Max noch bis 2025 Updates erhalten."
    analysis = analyse_support_page(
        page_text(page.encode(), "text/plain"), ("Acme 11, Acme 11 Pro und Acme 11 Pro Max",)
    )
    assert [s.mentions_product for s in analysis.statements] == [True]
    assert analysis.end_dates() == [D(2025, 12, 31)]


def test_a_time_word_beside_a_past_verb_places_the_day_in_the_past() -> None:
    text = "date 2022-11-11\nThe Acme box has seen the last of its servers shut down as of Thursday Nov. 10."
    placed = place_yearless(text)[1]
    assert [p.reading for p in placed] == ["2022"]
    # "will" still speaks of the future
    ahead = "date 2022-11-11\nThe Acme box will see the last of its servers shut down as of Nov. 10."
    assert [p.reading for p in place_yearless(ahead)[1]] == ["2023"]


def test_an_end_said_vaguely_then_dated() -> None:
    page = (
        "Acme has confirmed it will disable key internet-based features for its Acme Sound line early next "
        "year, marking the end of cloud support. The company told customers that the shutdown will take effect "
        "on February 18, 2026."
    )
    assert ends(page, "Acme Sound line") == [D(2026, 2, 18)]
    # a product said to be unaffected keeps no date of the sentence after it
    other = "The Acme Sound line is not affected. The Acme Radio app will be shut down on February 18, 2026."
    assert ends(other, "Acme Sound line") == []


def test_an_acquisitions_year_under_a_stop_with_its_own() -> None:
    page = "However, after being acquired by Acme in 2014, the Widget service was shut down in 2016."
    assert ends(page, "Widget") == [D(2016, 12, 31)]


def test_working_until_a_date_after_a_stop_said_before() -> None:
    page = "The free Acme API service is going to be discontinued. It will work until 15.02.2019."
    assert ends(page, "free Acme API service") == [D(2019, 2, 15)]
    # with no stop said before, working until a date promises; it ends nothing
    assert ends("The Acme Hub will continue to work until 2030.", "Acme Hub") == []


def test_a_quoted_note_wrapped_across_lines_is_one_sentence() -> None:
    readme = (
        "# Sample\n\nThis app runs basic code.\n\n"
        "> **Note:** The Acme Things Console will be turned down for non-commercial\n"
        "> use on January 5, 2022. For more details, see the\n> [FAQ page](https://acme.example/faq).\n"
    )
    assert page_text(readme.encode(), "text/markdown").text.endswith(
        "Note: The Acme Things Console will be turned down for non-commercial use on January 5, 2022. "
        "For more details, see the [FAQ page](https://acme.example/faq)."
    )
    assert ends(readme, "Acme Things Console", "text/markdown") == [D(2022, 1, 5)]
    # a field's label still stands on a line of its own
    fields = "Contact: mailto:security@acme.example\nExpires: 2030-01-01T00:00:00Z"
    assert page_text(fields.encode(), "text/plain").text == fields


def test_a_link_to_published_advisories_is_no_channel() -> None:
    page = (
        "## Reporting a Vulnerability\n\nAcme maintains a portal for security incidents. The security policy as "
        "well as reporting method is described here: <https://www.acme.example/support/acme-psirt>.\n\n"
        "Security Advisories are published here: <https://www.acme.example/support/acme-psirt#advisories>"
    )
    assert policy(page, "text/markdown").contacts == []


def test_a_project_no_longer_active() -> None:
    page = "## Caution: Abandonware ahead\n\nAs of March 2020, this is no longer an active project."
    assert ends(page, "acme-robot library", "text/markdown") == [D(2020, 3, 1)]
    # an active project is no end
    assert ends("As of March 2020, this is an active project again.", "acme-robot library") == []


def test_a_services_applets_archived() -> None:
    page = "Acme just made an announcement that effective 8/31/2022, all Acme Assistant Applets will be archived."
    assert ends(page, "Acme Assistant Applets") == [D(2022, 8, 31)]


def test_a_german_switch_off_split_around_its_month() -> None:
    page = "Acme schaltet im März 2018 den Cloud-Dienst, an dem der Acme Link hängt, ab."
    assert ends(page, "Acme Link") == [D(2018, 3, 31)]
    # a month when something was announced is still no end
    said = "Die Firma hat im Mai 2024 angekündigt, dass der Acme Link nicht mehr verfügbar sein wird."
    assert ends(said, "Acme Link") == []


def test_an_assessment_shared_is_a_status_update() -> None:
    page = (
        "- Acknowledgement: you will receive an acknowledgement of your report within 48 hours.\n"
        "- Initial assessment: a triage and initial severity assessment will be shared within 7 days of the "
        "acknowledgement."
    )
    found = policy(page)
    assert found.ack_when is not None and found.ack_when.timescale == "within 48 hours"
    assert found.status_when is not None and found.status_when.timescale == "within 7 days"
    # an assessment only made within a time is sent to no one
    made = policy("We will acknowledge within 48 hours and complete an initial assessment within 7 days.")
    assert made.status_when is None
