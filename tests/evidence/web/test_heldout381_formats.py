"""Formats met on held-out sets 381 onwards and on the misses of the sets before them.

Ends: Dutch "it is over" after a month ("de beveiligingspatch van april 2021 en daarna is het klaar", "in
oktober 2019, is het ook gedaan met de veiligheidspatches"), up to that month's last day."""

from __future__ import annotations

import datetime as dt

from tests.evidence.web.snippets import ends

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
