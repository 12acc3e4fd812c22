"""Lifecycle tables as machine translation leaves them: names run together and headers in another language.

A maker's French and Spanish documentation writes its devices "SurfaceGo", "SurfacePro8", "Surface Studio2",
"SurfaceGo avec LTE Advanced": the name's words run together, a capital after small letters or a digit after
letters, still name "Surface Go", "Surface Pro 8" and "Surface Studio 2" (and "SurfaceGo3" is not "Surface Go").
The Spanish table heads its end column "Fecha de finalización del servicio"."""

from __future__ import annotations

import datetime as dt

import pytest

from psti.evidence.web.product_names import names_product
from tests.evidence.web.snippets import ends

D = dt.date

_FRENCH = """Le tableau suivant répertorie la date de publication et la fin de la date de service pour chaque appareil:

| Appareil | Date de publication | Fin de la date de service |
| --- | --- | --- |
| SurfaceGo | 2 août 2018 | 2 août 2022 |
| Surface Studio2 | 2 octobre 2018 | 2 octobre 2022 |
| SurfaceGo avec LTE Advanced | 20 novembre 2018 | 20 novembre 2022 |
| SurfacePro8 | 5 octobre 2021 | 5 octobre 2025 |
"""

_SPANISH = """En la siguiente tabla se indica la fecha de lanzamiento y la fecha de finalización del servicio:

| Dispositivo | Fecha de lanzamiento | Fecha de finalización del servicio |
| --- | --- | --- |
| Surface Pro 7 | 22 de octubre de 2019 | 22 de octubre de 2023 |
| SurfaceGo3 | 5 de octubre de 2021 | 5 de octubre de 2025 |
"""


@pytest.mark.parametrize(
    ("product", "end"),
    [
        ("Surface Go avec LTE Advanced", D(2022, 11, 20)),
        ("Surface Studio 2", D(2022, 10, 2)),
        ("Surface Pro 8", D(2025, 10, 5)),
    ],
)
def test_a_name_run_together_names_the_product(product: str, end: dt.date) -> None:
    assert ends(_FRENCH, product) == [end]


@pytest.mark.parametrize(("product", "end"), [("Surface Pro 7", D(2023, 10, 22)), ("Surface Go 3", D(2025, 10, 5))])
def test_a_spanish_end_column_is_read(product: str, end: dt.date) -> None:
    assert ends(_SPANISH, product) == [end]


def test_words_run_together_name_no_other_model() -> None:
    assert names_product(("Surface Go 3",), "SurfaceGo3 | octobre 2021")
    assert not names_product(("Surface Go",), "SurfaceGo3 | octobre 2021")
    assert not names_product(("Surface Pro",), "SurfacePro8 | octobre 2021")
    # ("iPhone" has one small letter before its capital: it is not taken apart into "i Phone")
    assert names_product(("iPhone 8",), "Updates for the iPhone8 end soon.")
    assert not names_product(("Phone 8",), "Updates for the iPhone8 end soon.")
