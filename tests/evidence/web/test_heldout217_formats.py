"""Formats met on held-out sets 184 onwards: support for a list of services that ceased, read
however the parser hangs the list; a kind of device written in capitals ("VR") is no model."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

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
