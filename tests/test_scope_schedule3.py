"""Every Schedule 3 exception, decided from the shipped regime data."""

from __future__ import annotations

import datetime as dt

import pytest
import tomli_w

from psti.declaration import parse_declaration
from psti.regime import library
from psti.scope import decide_scope

ON = dt.date(2026, 1, 1)


def decide(on: dt.date = ON, **product):
    base = {"name": "P", "type": "t", "model": "m", "consumer": True, "previously_supplied": False,
            "children_under_14": False}
    base.update(product)
    raw = {"product": base, "manufacturer": [{"name": "M", "address": "A"}], "connectivity": {"internet": True}}
    return decide_scope(parse_declaration(tomli_w.dumps(raw)), library().view("uk-psti", on))


@pytest.mark.parametrize(
    ("item", "product"),
    [
        ("PSTI-S3-1", {"category": "smart-camera", "markets": ["NI"], "ni_free_movement_legislation": True}),
        ("PSTI-S3-2", {"category": "ev-charge-point", "charge_point_regulations": True}),
        ("PSTI-S3-3", {"category": "medical-device", "medical_device_regulations": True,
                       "medical_software_on_general_device": False}),
        ("PSTI-S3-4", {"category": "smart-meter", "smart_meter_licensed": True, "smart_meter_cpa_assured": True}),
        ("PSTI-S3-5", {"category": "laptop-computer"}),
        ("PSTI-S3-5", {"category": "desktop-computer"}),
        ("PSTI-S3-5", {"category": "tablet", "cellular": False}),
        ("PSTI-S3-6", {"category": "motor-vehicle", "vehicle_regulation": "EU 2018/858", "markets": ["GB"]}),
        ("PSTI-S3-7", {"category": "two-three-wheel-vehicle", "vehicle_regulation": "EU 168/2013", "markets": ["GB"]}),
        ("PSTI-S3-8", {"category": "agricultural-vehicle", "vehicle_regulation": "EU 167/2013", "markets": ["GB"]}),
    ],
)
def test_each_exception_excepts_with_its_citation(item: str, product: dict) -> None:
    d = decide(**product)
    assert d.outcome == "excepted", d
    reason = next(r for r in d.reasons if r.item == item)
    assert "Sch 3" in reason.citation


@pytest.mark.parametrize(
    "product",
    [
        {"category": "ev-charge-point", "charge_point_regulations": False},
        {"category": "wearable", "medical_device_regulations": True, "medical_software_on_general_device": True},
        {"category": "smart-meter", "smart_meter_licensed": True, "smart_meter_cpa_assured": False},
        {"category": "tablet", "cellular": True},
        {"category": "smartphone"},
        {"category": "laptop-computer", "children_under_14": True},
        {"category": "motor-vehicle", "vehicle_regulation": "EU 2018/858", "markets": ["GB", "NI"]},
    ],
)
def test_carve_backs_and_near_misses_stay_in_scope(product: dict) -> None:
    d = decide(**product)
    assert d.outcome in ("in-scope", "undetermined"), d
    assert not any(r.item and r.item.startswith("PSTI-S3-") and r.text.startswith("Excepted") and
                   "only some of the markets" not in r.text for r in d.reasons)


def test_vehicle_exceptions_apply_only_from_si_2025_211() -> None:
    car = {"category": "motor-vehicle", "vehicle_regulation": "EU 2018/858", "markets": ["GB"]}
    assert decide(dt.date(2025, 2, 24), **car).outcome == "in-scope"
    assert decide(dt.date(2025, 2, 25), **car).outcome == "excepted"


def test_unknown_regulatory_fact_is_asked_only_where_plausible() -> None:
    assert decide(category="smart-camera").questions == ()
    charge = decide(category="ev-charge-point")
    assert charge.outcome == "undetermined"
    assert any("[product.charge_point_regulations]" in q for q in charge.questions)
    meter = decide(category="smart-meter")
    assert any("[product.smart_meter_licensed]" in q for q in meter.questions)
