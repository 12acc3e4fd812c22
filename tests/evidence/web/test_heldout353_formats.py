"""Formats met on held-out sets 353 onwards and on the misses of the sets before them.

Ends: the last update's day given by a copula and "on", in the past as in the present ("The last update that
Huawei released for this 3G router was on Feb 20th, 2013"), as its release's day already was ("… was
released on …"); a product named as running on an old network ("smart meters using 2G/3G SIM
communications", "care alarms on the analogue copper voice line") ends when the page says the network closes
("2G and 3G networks to close by 2033"), not at a date that says which products ("built before June 2015");
Norwegian "legges ned" (is shut down) and a day written without a space after its dot ("31.desember 2020");
a period's start dated by its own relative clause ("from the date of the first delivery of the smartphone,
which took place on September 22, 2023"); "somewhat" before a year as a rough time; a Japanese end's label
with its particle before "time" ("サービス終了の時期は"); French "support logiciel jusqu'en 2031"; German
compound updates ("Sicherheitsupdates", "Quartalsupdates") up to a time; updates that begin at a month
("beginnen die Quartalsupdates im Oktober 2019 und sind bis Oktober 2020 versprochen") as a range's start,
the end the later month; a lapse in service ("unavailable from Monday 27th of February to Wednesday 1st of
March 2023") as no end; Spanish "quedará interrumpido" and Portuguese "último patch"; Swedish updates "inte
utlovas" (not promised) after a month; Turkish ends, their bound after the date's case ending ("Temmuz
2026'ya kadar", "Mart 2023'ten itibaren sona erdirdi", "Haziran 2024'ten beri"), not a launch's month; an
update a copula says was the last ("March 2023 security update was the last update for Galaxy S10"), and the
last update "being the one released in August 2023" when its sentence says support has come to an end (not a
last version's release day alone); the earliest a stop may come ("shut down sooner or later, at the earliest
in 2020") as no end.

Policies: a platform's reporting channel that the repository does not offer ("Please enable private
vulnerability reporting", "does not currently have GitHub's private vulnerability reporting enabled",
"… is not enabled") is no channel, while one it offers still is; "mail to" an address labels it, as
"e-mail" does ("Feel free to mail to info@…", a maintainer's answer to where to report); a link given for
the maker's published advisories ("For Lexmark security advisories, go to https://…/alerts") is where to read,
not where to report; security issues reported "via GitHub Issues" name the tracker as the channel."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_the_last_updates_day_after_a_copula_and_on() -> None:
    said = "The last update that Acme released for this 3G router was on Feb 20th, 2013."
    assert ends(said) == [D(2013, 2, 20)]
    assert ends("The last security update for the Acme R1 is on February 20, 2027.", "Acme R1") == [D(2027, 2, 20)]
    assert ends("The Acme R1 launch was on February 20, 2013.", "Acme R1") == []


def test_a_platform_channel_the_repository_lacks_is_no_channel() -> None:
    asked = (
        "# Please enable private vulnerability reporting / add SECURITY.md\n\n"
        "This repository does not currently have GitHub's private vulnerability reporting enabled, and there is"
        " no SECURITY.md describing how to report security issues privately.\n\n"
        "403 Repository does not have private vulnerability reporting enabled\n"
    )
    assert policy(asked, "text/markdown").contacts == []
    assert policy("Note that private vulnerability reporting is not enabled on this repository yet.").contacts == []


def test_a_platform_channel_the_repository_offers_is_still_one() -> None:
    offered = policy("Please report vulnerabilities through GitHub's private vulnerability reporting.")
    assert len(offered.contacts) == 1
    enabled = policy("We have enabled private vulnerability reporting: please report issues through it.")
    assert len(enabled.contacts) == 1


def test_mail_to_labels_an_address() -> None:
    answer = (
        "What would be the right contact to report a security vulnerability?\n\nFeel free to mail to info@acmescan.eu\n"
    )
    assert policy(answer, "text/markdown").contacts == ["mailto:info@acmescan.eu"]
    assert policy("For press enquiries mail to press@acmescan.eu").contacts == []


def test_a_product_named_as_running_on_an_old_network_ends_with_it() -> None:
    page = "2G and 3G networks to close by 2033\n\nThis impacts smart meters which use a mobile phone type SIM card.\n"
    assert ends(page, "Acme smart meters using 2G/3G SIM communications") == [D(2033, 12, 31)]
    assert ends(page, "Acme smart meters") == []
    care = "Analogue telecare devices face the PSTN switch-off scheduled for 31 January 2027.\n"
    assert ends(care, "Care alarms on the analogue copper voice line") == [D(2027, 1, 31)]


def test_a_date_that_says_which_products_is_not_the_networks_end() -> None:
    said = "Your vehicle will be affected by the 3G network shutdown if it is an Acme car built before June 2015."
    assert ends(said, "Acme car built before June 2015 with 3G-only modem") == []


def test_norwegian_shutting_down_and_a_day_without_a_space() -> None:
    assert ends(
        "For deg som kunde innebærer dette at tjenesten legges ned fra 31. desember 2020 og alle tjenestene forsvinner."
    ) == [D(2020, 12, 31)]
    assert ends("Alle tjenester vil opphøre den 31.desember 2020, og det vil ikke komme noe som erstatter dem.") == [
        D(2020, 12, 31)
    ]


def test_a_periods_start_dated_by_its_own_relative_clause() -> None:
    said = (
        "Acme guarantees a minimum of five years of support for the Acme Phone 15 from the date of the first"
        " delivery of the smartphone, which took place on September 22, 2023."
    )
    assert ends(said, "Acme Phone 15") == [D(2028, 9, 22)]
    told = (
        "Acme guarantees a minimum of five years of support for the Acme Phone 15 from the date of the first"
        " delivery of the smartphone, which Acme told a reporter on September 22, 2023."
    )
    assert ends(told, "Acme Phone 15") == []


def test_somewhat_before_a_year_is_a_rough_time() -> None:
    assert ends("The V2 will have support until somewhat 2027 according to the maker's support page.") == []
    assert ends("The V2 will have support until 2027 according to the maker's support page.") == [D(2027, 12, 31)]


def test_a_japanese_end_label_with_its_particle_before_time() -> None:
    assert ends("サービス終了の時期は2022年3月31日(木)と、まだしばらく先です。") == [D(2022, 3, 31)]


def test_french_software_support_up_to_a_year() -> None:
    assert ends("Un support logiciel jusqu’en 2031 au moins, avec 2033 en ligne de mire.") == [D(2031, 12, 31)]


def test_german_compound_updates_up_to_a_month() -> None:
    assert ends("Für das Acme 8 sind Sicherheitsupdates bis Oktober 2020 versprochen.") == [D(2020, 10, 31)]


def test_updates_that_begin_at_a_month_end_at_the_month_after_them() -> None:
    said = "Für das Acme 5, 6 und 8 beginnen die Quartalsupdates im Oktober 2019 und sind bis Oktober 2020 versprochen."
    assert ends(said, "Acme 8") == [D(2020, 10, 31)]


def test_a_lapse_in_service_is_no_end() -> None:
    lapse = (
        "Due to an upgrade in our central cloud system, the Acme Gardening App and connected services will be"
        " unavailable from Monday 27th of February to Wednesday 1st of March 2023."
    )
    assert ends(lapse) == []
    assert ends("The Acme cloud service will remain available until 1 March 2023.") == [D(2023, 3, 1)]


def test_spanish_interrupted_service_and_portuguese_last_patch() -> None:
    assert ends("El próximo 31 de mayo de 2017 su servicio de Acme TV quedará interrumpido.") == [D(2017, 5, 31)]
    assert ends(
        "O Acme Tab, lançado em 2021, estava no ciclo semestral de atualizações e recebeu seu último patch de"
        " segurança em maio de 2025."
    ) == [D(2025, 5, 31)]


def test_a_link_to_published_advisories_is_no_channel() -> None:
    read = policy("For Acme security advisories, go to https://support.acme.com/alerts")
    assert read.contacts == []
    merged = policy(
        "For Acme security advisories, go to https://support.acme.com/alerts To submit a potential vulnerability,"
        " an e-mail is sent to [email protected]."
    )
    assert merged.contacts == []
    assert policy("To report a vulnerability, go to https://support.acme.com/security").contacts == [
        "https://support.acme.com/security"
    ]


def test_an_update_a_copula_says_was_the_last() -> None:
    said = "March 2023 security update was the last update for Acme S10 and other discontinued smartphones."
    assert ends(said, "Acme S10") == [D(2023, 3, 31)]
    assert ends("The March 2023 security update was the first update for the Acme S10.", "Acme S10") == []


def test_the_last_update_being_one_released_when_the_sentence_ends_support() -> None:
    tied = (
        "Support for the Acme 4a has finally come to an end, with the last update being the one released in"
        " August 2023."
    )
    assert ends(tied, "Acme 4a") == [D(2023, 8, 31)]
    untied = "The last firmware version for the Acme Cast is 1.36.159268, which was released in November of 2022."
    assert ends(untied, "Acme Cast") == []


def test_reports_via_the_platforms_issues() -> None:
    said = policy(
        "## Security contact\n\nReport security issues via GitHub Issues (mark as security)\n", "text/markdown"
    )
    assert len(said.contacts) == 1
    assert policy("Report bugs via GitHub Issues; feature requests are welcome too.").contacts == []


def test_the_earliest_a_stop_may_come_is_no_end() -> None:
    assert ends("Acme Cloud on the other hand will be shut down sooner or later, at the earliest in 2020.") == []
    assert ends("Acme Cloud will be shut down in 2020.") == [D(2020, 12, 31)]


def test_swedish_updates_not_promised_after_a_month() -> None:
    assert ends("Och man kan inte utlovas säkerhetsuppdateringar efter september 2018.") == [D(2018, 9, 30)]


def test_turkish_ends() -> None:
    assert ends("- Acme Phone (1)'in desteğinin bitmesine: Sadece 8 ay kalmış (Temmuz 2026'ya kadar).") == [
        D(2026, 7, 31)
    ]
    assert ends("Acme, Acme S10 için güvenlik güncellemelerini Mart 2023'ten itibaren sona erdirdi.") == [D(2023, 3, 1)]
    assert ends("Acme C25'in desteği biteli: Yaklaşık 1.5 yıl olmuş (Haziran 2024'ten beri).") == [D(2024, 6, 1)]
    assert ends("Acme Phone, Mart 2023'te piyasaya çıktı ve bu yıl da satılacak.") == []
