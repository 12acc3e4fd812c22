"""Devices that stop working when the network they need is switched off."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.network_switchoff import network_end
from psti.evidence.web.statement_dates import dates_in
from tests.evidence.web.snippets import ends

D = dt.date


def test_a_device_that_wont_work_after_the_switchover_ends_with_the_network() -> None:
    text = (
        "Firms still sell analogue telecare devices that won’t work due to the digital switchover.\n\n"
        "The full retirement of the traditional phone network is set for January 2027, and the migration "
        "is well underway.\n"
    )
    assert ends(text, "analogue telecare devices") == [D(2027, 1, 31)]


def test_a_network_switch_off_moved_to_a_new_date() -> None:
    text = (
        "There are 105 analogue alarms that may not work as expected.\n\n"
        "The deadline for switching phone lines to digital has been put back from December 2025 to the end "
        "of January 2027.\n"
    )
    assert ends(text, "analogue alarms") == [D(2027, 1, 31)]


def test_a_product_that_is_the_network() -> None:
    text = (
        "Acme Telecom is pulling the plug on traditional landlines. "
        "Acme switches off the old analogue system in December 2025."
    )
    assert ends(text, "traditional landlines") == [D(2025, 12, 31)]


def test_no_network_end_without_a_tie_or_with_dates_unassigned() -> None:
    # the page never says the product needs the network
    untied = "Acme Hubs are popular.\n\nThe 3G network will be switched off at the end of 2033.\n"
    assert ends(untied, "Acme Hub") == []
    # two dates, neither said to replace the other
    sentences = ["Acme meters won't work once 3G is switched off.", "Acme switches off 3G in 2024 and Other in 2025."]
    assert network_end(sentences, ("acme meters",), lambda s: "acme meters" in s.lower(), dates_in) is None
    moved = [sentences[0], "The 3G switch-off has been moved from 2024 to 2025."]
    found = network_end(moved, ("acme meters",), lambda s: "acme meters" in s.lower(), dates_in)
    assert found is not None and found.day == D(2025, 12, 31)


def test_the_move_to_digital_completed_ends_the_analogue_network() -> None:
    # the move said done at a date, the network named in its sentence or the one before
    switch = "The switch from traditional analogue landlines to digital landlines in the UK is scheduled to be "
    assert ends(f"{switch}completed by January 2027.", "analogue telecare alarms") == [D(2027, 1, 31)]
    upgrade = (
        "Providers are retiring the analogue landline network and replacing it with a digital landline network. "
        "This digital upgrade is expected to be fully completed in January 2027."
    )
    assert ends(upgrade, "analogue telecare alarms") == [D(2027, 1, 31)]
    transition = (
        "The UK's providers are currently transitioning their telephone services from analogue to digital networks. "
        "BT has said it wants to complete that transition by the end of 2025."
    )
    assert ends(transition, "BT analogue telephone network") == [D(2025, 12, 31)]
    # connections turned off
    off = "The council has warned that in January 2027 all analogue phone line connections will be turned off."
    assert ends(off, "analogue lifeline alarms") == [D(2027, 1, 31)]


def test_an_announcement_or_a_revision_is_no_switch_off_date() -> None:
    announced = (
        "In November 2017, UK providers announced intentions to retire copper analogue telephone landline networks. "
        "For most customers, the upgrade was expected to be complete by January 2027."
    )
    assert ends(announced, "copper analogue telephone landlines") == [D(2027, 1, 31)]
    revised = (
        "Telecare action plan: analogue to digital switchover, August 2023 update\n\n"
        "Action must go on ahead of the December 2025 deadline for the public switched telephone network (PSTN) "
        "switch-off.\n"
    )
    assert ends(revised, "public switched telephone network (PSTN)") == [D(2025, 12, 31)]
    moved = (
        "In 2016, it was announced that these traditional lines would become digital by 2025 (now put back to "
        "January 2027)."
    )
    assert ends(moved, "traditional copper landlines") == [D(2027, 1, 31)]
