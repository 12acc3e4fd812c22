"""Formats met on held-out sets 103-106: services closed down or turned off as the parser hangs them,
apps that stop working on devices, a change said a few sentences before it takes effect, channels a
box no longer receives, addresses written with underscores, GitHub's private reporting by name."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends, policy

D = dt.date


def test_a_platform_closed_down() -> None:
    text = "On February 28, 2018, Acme closed down the Acme Coach platform and handed the baton to Other."
    assert ends(text, "Acme Coach") == [D(2018, 2, 28)]


def test_an_app_that_stops_working_on_devices() -> None:
    text = "Acme told users that the app will stop working on some smart TVs starting June 15, 2021."
    assert ends(text, "Acme Movies") == [D(2021, 6, 15)]
    # working on something is labour, not functioning
    assert ends("Our team will stop working on the website redesign starting June 15, 2021.", "Acme Movies") == []


def test_a_service_turned_off_with_its_date_on_what_it_does() -> None:
    text = "Acme is turning off the Acme Direct service that provides their data on January 1, 2012."
    assert ends(text, "Acme Direct") == [D(2012, 1, 1)]
    # a time in the describing clause that is no point in time ends nothing
    assert ends("Acme is turning off the cloud service that provides updates since 2019.", "Acme Direct") == []


def test_a_change_that_takes_effect_a_few_sentences_later() -> None:
    text = (
        "Acme announced that it will be ending support for devices running Android 5.1 and older. "
        "This includes phones and tablets. This measure also includes older Acme TVs. "
        "Acme OS is based on Android. There could also be set-top boxes. "
        "This change will take effect on October 21, 2024."
    )
    assert ends(text, "older Acme TVs") == [D(2024, 10, 21)]
    # with no end said before, a change taking effect is no end
    assert ends("Acme has a new logo. This change will take effect on October 21, 2024.", "Acme TV") == []


def test_a_box_that_receives_no_channels() -> None:
    text = (
        "Acme has told owners of the first set-top boxes that their equipment won't receive any channels "
        "from 2 September 2014."
    )
    assert ends(text, "Acme Box") == [D(2014, 9, 2)]


def test_addresses_with_underscores_and_private_reporting_by_name() -> None:
    text = "To report a vulnerability, please email the private address robson _at_ example-lab _dot_ org."
    assert policy(text).contacts == ["mailto:robson@example-lab.org"]
    named = "Send a detailed report to the maintainer via GitHub Private Reporting (if enabled)."
    assert policy(named).contacts
    assert policy("We value privacy and private reporting of our finances.").contacts == []


def test_a_further_span_after_the_date_before_then_a_stop() -> None:
    text = (
        "Acme said that effective November 9, 2020, its Acme Box products will be discontinued. Existing users "
        "will still be able to use their Acme Box hardware for another 24 months, but after that, Acme Box "
        "servers will be taken offline."
    )
    assert ends(text, "Acme Box") == [D(2022, 11, 9)]
    # a further span with nothing stopping after it is no end
    other = (
        "Acme said that effective November 9, 2020, its Acme Box products will be discontinued. "
        "Repairs are available for another 24 months."
    )
    assert D(2022, 11, 9) not in ends(other, "Acme Box")


def test_an_address_for_legal_concerns_is_no_channel() -> None:
    text = (
        "We will work with you to resolve the issue. "
        "If you have legal concerns, please send an email to legal@example-med.org."
    )
    assert policy(text).contacts == []
    assert policy("To report a vulnerability, please send an email to psirt@example-med.org.").contacts == [
        "mailto:psirt@example-med.org"
    ]


def test_an_end_whose_subject_is_another_model_stays_with_it() -> None:
    text = (
        "The Acme Galaxy S10+ is still the most popular phone. But its life ended in April 2023.\n\n"
        "The newer S10 Lite variants will receive longer updates, as those models were released in 2020 after "
        "Acme announced support for a minimum of four years for new devices.\n\n"
        "The well-received Other Pixel 5 retires on October 2023, while Other Pixel 5a will last longer until "
        "August 2024."
    )
    assert ends(text, "Acme Galaxy S10+") == [D(2023, 4, 30)]
