"""Formats met on held-out sets 183 onwards: template hosts left unfilled, labels in other
languages, support severed, servers closed, first plans, shutdowns told of, list entries,
French and Portuguese ends."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.support_period import _without_maker
from tests.evidence.web.snippets import ends, policy

D = dt.date


def contacts(text: str) -> list[str]:
    return policy(text, "text/markdown").contacts


def test_a_template_host_names_no_contact() -> None:
    template = (
        "### How to Report\n\n- **Email**: security@your-domain.com\n"
        "- **PGP Key**: [Download PGP Key](https://your-domain.com/security/pgp-key.asc)\n"
        "- **Security Team Lead**: security-lead@yourcompany.co.uk\n- **Backup**: psirt@acme.test\n"
    )
    assert contacts(template) == []
    # a real host that merely starts with "your" is a contact
    assert contacts("To report a vulnerability, email security@yourls.org.") == ["mailto:security@yourls.org"]


def test_a_contact_label_in_german() -> None:
    assert contacts("Kontakt für Sicherheitsmeldungen:\nsupport@acme.de\n") == ["mailto:support@acme.de"]
    assert contacts("Kontakt für Sicherheitsmeldungen: support@acme.de\n") == ["mailto:support@acme.de"]


def test_support_severed_and_servers_closed() -> None:
    severed = "Acme has announced its intention to sever all remaining support for the Band on May 31, 2019."
    assert ends(severed, "Acme Band") == [D(2019, 5, 31)]
    closed = (
        "You can play the Acme Cloud game for one more week before they close all of the servers on January 18th, 2023."
    )
    assert ends(closed, "Acme Cloud") == [D(2023, 1, 18)]
    # all of something that is no service is no end
    assert ends("Acme will close all of the factories on January 18th, 2023.", "Acme Cloud") == []


def test_a_first_plan_gives_way_to_the_current_end() -> None:
    page = (
        "Security updates for the Acme Quest are guaranteed until the end of August 2024.\n"
        "Acme had initially planned to sunset support for the Acme Quest by January 1, 2024. However, the deadline "
        "has been extended by a few months."
    )
    assert ends(page, "Acme Quest") == [D(2024, 8, 31)]
    # alone, the first plan is still the only end the page gives
    assert ends(
        "Acme had initially planned to sunset support for the Acme Quest by January 1, 2024.", "Acme Quest"
    ) == [D(2024, 1, 1)]


def test_users_told_of_a_shutdown_on_a_day() -> None:
    told = (
        "Remaining Acme POP users are getting emails in which they are informed of the shutdown on October 15 of 2025."
    )
    assert ends(told, "Acme POP") == [D(2025, 10, 15)]
    # the day they were told, before the shutdown is named, dates the telling
    assert ends("Acme POP users were informed on October 1, 2025 of the shutdown.", "Acme POP") == []


def test_a_list_entry_naming_another_product_ends_the_one_before() -> None:
    page = (
        "<ol><li><h3>Acme Secure (2024)</h3><p>Acme announced that its Acme Secure alarm system would be "
        "completely discontinued on April 8, 2024.</p></li><li><h3>Beta Hub (2022)</h3><p>A long-standing player, "
        "Beta abruptly shut down its cloud servers in April 2022 without any warning.</p></li></ol>"
    )
    assert ends(page, "Acme Secure", "text/html") == [D(2024, 4, 8)]


def test_french_and_portuguese_ends() -> None:
    fr = "« Le 15 avril 2022, la prise en charge des anciennes versions, y compris Acme OS 3, prendra fin »."
    assert ends(fr, "Acme OS 3") == [D(2022, 4, 15)]
    pt = "A companhia confirmou que o suporte das versões até o Acme OS 3 será finalizado em 15 de abril de 2022."
    assert ends(pt, "Acme OS 3") == [D(2022, 4, 15)]
    # a year alone, after "until" ("jusqu'en", "jusqu'à fin")
    year = "Le modèle Acme Routeur 2 est promis d’être pris en charge jusqu’en 2027 au moins, selon le fabricant."
    assert ends(year, "Acme Routeur 2") == [D(2027, 12, 31)]
    upgrade = "Les appareils peuvent passer à Acme OS 5 (qui sera supporté au moins jusqu’à fin 2026) avant la date."
    assert ends(upgrade, "Acme OS 5") == [D(2026, 12, 31)]
    # a bare year after "en" is the year something happened, not an end
    launched = "Le routeur Acme, qui a fait ses débuts en 2016 et a été abandonné en 2017, est toujours pris en charge."
    assert ends(launched, "Acme") == []


def test_a_usual_time_in_brackets_gives_way_to_the_promised_one() -> None:
    bounded = "Acme acknowledges receipt of the report within a maximum of 4 weeks (usually within 5 working days)."
    ack = policy(bounded).ack_when
    assert ack is not None and ack.timescale == "within a maximum of 4 weeks"
    # alone, the usual time is the time given
    ack = policy("We acknowledge reports (usually within 2 days).").ack_when
    assert ack is not None and ack.timescale == "within 2 days"


def test_of_several_ends_in_a_german_sentence_the_one_whose_clause_names_the_product() -> None:
    news = (
        "Im vergangenen Jahr wurden die Smart-Home-Dienste von Acme (früher Beta) zum 1. März 2024 abgeschaltet, "
        'der Dienst "Gamma Connect Plus" von Delta wurde am 1.7.2023 vollständig eingestellt.'
    )
    assert ends(news, "Gamma Connect Plus") == [D(2023, 7, 1)]
    # a sentence whose function words are mostly those of clauses ("zum", "seit", "ihren") is still German
    closing = (
        "Der Verlust droht jetzt allen Acme-Kunden, da die seit Jahren taumelnde Kette ihren Betrieb sehr "
        "kurzfristig zum 31. August 2024 endgültig einstellt."
    )
    assert ends(closing, "Acme") == [D(2024, 8, 31)]


def test_a_months_name_in_lower_case_is_a_word_on_a_dated_page() -> None:
    page = (
        "Posted on 15 November 2022\nThe Acme Phone gets 7 years of support. However, updates can pose a "
        "stability risk. This may lead to productivity loss."
    )
    assert ends(page, "Acme Phone") == []
    # nor in capitals
    assert ends(page.upper(), "ACME PHONE") == []


def test_a_list_of_names_and_years_run_together() -> None:
    page = (
        "Acme Model Updates Until Acme 16 2029 Acme 15 2028 Acme 14 2027 Acme X 2023 And this is why we put "
        "together this list.\nKeep your phone secure with our update timeline. Acme 14 Updates Until: 2029 Acme 13 "
        "Updates Until: 2028 Acme SE 2020 Updates Until: 2025 Acme 16 Pro Max Updates Until: 2031\n"
    )
    assert ends(page, "Acme 16") == [D(2029, 12, 31)]
    assert ends(page, "Acme X") == [D(2023, 12, 31)]
    assert ends(page, "Acme 13") == [D(2028, 12, 31)]
    assert ends(page, "Acme SE 2020") == [D(2025, 12, 31)]
    # a model the lists do not name takes no other model's year
    assert ends(page, "Acme 17") == []


def test_a_model_listed_with_the_year_it_is_from() -> None:
    page = (
        "As of May 2023, they are not expected to receive patches for vulnerabilities.\n\n"
        "These are the phones that will no longer receive updates:\n\n"
        "- Acme 6s and Acme 6s Plus from 2015.\n- Acme 7 from 2016.\n"
    )
    assert ends(page, "Acme 6s", "text/markdown") == [D(2023, 5, 1)]


def test_no_longer_updated_at_a_date_is_an_end_and_not_updated_since_is_not() -> None:
    assert ends("The Acme 6, released in 2015, will no longer be updated at the end of 2021.", "Acme 6") == [
        D(2021, 12, 31)
    ]
    assert ends("The Acme app hasn't been updated since 2022, so I think it is discontinued.", "Acme app") == []


def test_a_diff_block_that_only_removes_is_text_shown_in_red() -> None:
    readme = "```diff\n- WARNING: As of March 31, 2019 Acme Hub was shutdown.\n- This code is kept for history.\n```\n"
    assert ends(readme, "Acme Hub", "text/markdown") == [D(2019, 3, 31)]
    # a diff that adds a line still says only what it adds
    changed = (
        "```diff\n- Acme Hub is supported until March 31, 2019.\n+ Acme Hub is supported until March 31, 2021.\n```\n"
    )
    assert ends(changed, "Acme Hub", "text/markdown") == [D(2021, 3, 31)]


def test_a_service_shut_down_in_a_relative_clause() -> None:
    readme = "Scripts to download data from the Acme App Store, which is scheduled to be shutdown on June 30, 2018."
    assert ends(readme, "Acme App Store") == [D(2018, 6, 30)]
    # a thing with no name shut down is no service
    unnamed = "Parts came from a factory in the north, which is scheduled to be shut down on June 30, 2018."
    assert ends(unnamed, "Acme Hub") == []


def test_a_shutdown_date_column() -> None:
    table = (
        "| Feature (status) | Deprecated date | Shutdown date | Details |\n|---|---|---|---|\n"
        "| Acme Cloud events | August 16, 2022 | August 16, 2023 | Service shutdown complete |\n"
    )
    assert ends(table, "Acme Cloud events", "text/markdown") == [D(2023, 8, 16)]


def test_a_name_without_its_makers_word() -> None:
    notice = (
        "Cloud Print, Acme's cloud-based printing solution, will no longer be supported as of December 31, 2020. "
        "Beginning January 1, 2021, devices will no longer be able to print using Acme Cloud Print."
    )
    assert ends(notice, "Acme Cloud Print") == [D(2020, 12, 31)]
    # the words in lower case are no name
    assert _without_maker(("Acme Cloud Print",), "Our cloud print jobs stop on 31 December 2020.") == []
    assert _without_maker(("Acme Cloud Print",), "Cloud Print stops on 31 December 2020.") == ["Cloud Print"]


def test_german_and_spanish_ends_at_a_months_end_and_updates_until() -> None:
    de = "Modelle wie das Acme A02s, für die der Support bereits Ende Januar 2025 ausgelaufen ist, sind betroffen."
    assert ends(de, "Acme A02s") == [D(2025, 1, 31)]
    es = (
        "Acme prometió que el Acme A52 recibiría parches de seguridad durante 4 años, algo que ha cumplido, ya que "
        "se ha seguido actualizando hasta septiembre de 2025."
    )
    assert ends(es, "Acme A52") == [D(2025, 9, 30)]


def test_a_product_not_working_for_now_is_an_outage() -> None:
    outage = "Due to an Acme API change the integration isn't currently working as of 08/05/2024."
    assert ends(outage, "Acme API") == []
    assert ends("Due to the shutdown the Acme Hub won't work as of 08/05/2024.", "Acme Hub") == [D(2024, 5, 8)]
