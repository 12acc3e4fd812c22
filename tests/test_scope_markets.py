"""Schedule 3 exceptions limited to part of the UK combine: a product is excepted only when
every market it is made available in is covered by some exception (Sch 3 paras 1, 6-8)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w

from psti.declaration import load_declaration, parse_declaration
from psti.regime import library
from psti.scope import decide_scope

DECLARATIONS = Path(__file__).parent / "declarations"
ON = dt.date(2026, 1, 1)
PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"


def decide(**product):
    base = {"name": "P", "type": "t", "model": "m", "consumer": True, "previously_supplied": False}
    base.update(product)
    raw = {"product": base, "manufacturer": [{"name": "M", "address": "A"}], "connectivity": {"internet": True}}
    return decide_scope(parse_declaration(tomli_w.dumps(raw)), library().view("uk-psti", ON))


CAR = {"category": "motor-vehicle", "vehicle_regulation": "EU 2018/858"}


def test_gb_and_ni_exceptions_together_except_a_product_sold_in_both() -> None:
    d = decide(**CAR, markets=["GB", "NI"], ni_free_movement_legislation=True)
    assert d.outcome == "excepted", d
    items = {r.item for r in d.reasons}
    assert {"PSTI-S3-1", "PSTI-S3-6"} <= items
    assert d.questions == ()


def test_default_markets_with_the_ni_fact_unknown_ask_the_ni_question() -> None:
    d = decide(**CAR)
    assert d.outcome == "undetermined", d
    assert any("[product.ni_free_movement_legislation]" in q for q in d.questions)
    assert any(r.item == "PSTI-S3-6" and "Great Britain" in r.text for r in d.reasons)


def test_a_market_no_exception_covers_keeps_the_product_in_scope() -> None:
    d = decide(**CAR, markets=["GB", "NI"], ni_free_movement_legislation=False)
    assert d.outcome == "in-scope", d
    assert any("only some of the markets" in r.text for r in d.reasons)
    # GB only: the vehicle exception alone covers it
    assert decide(**CAR, markets=["GB"]).outcome == "excepted"
    # a camera sold in both with the NI fact unknown is in scope: GB is not covered at all,
    # so the NI question would not change the answer and is not asked
    camera = decide(category="smart-camera")
    assert camera.outcome == "in-scope" and camera.questions == ()


def test_an_exception_for_every_market_still_decides_alone() -> None:
    assert decide(category="laptop-computer", children_under_14=False).outcome == "excepted"


def _scope(name: str) -> tuple[int, dict]:
    r = subprocess.run([PSTI, "scope", str(DECLARATIONS / name), "--format", "json", "--on", "2026-01-01"],
                       capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    return r.returncode, json.loads(r.stdout)


@pytest.mark.parametrize(
    ("name", "outcome", "question"),
    [
        ("vehicle-gb-ni.toml", "excepted", None),
        ("vehicle-ni-unknown.toml", "undetermined", "[product.ni_free_movement_legislation]"),
        ("vehicle-ni-in-scope.toml", "in-scope", None),
    ],
)
def test_psti_scope_on_the_shipped_vehicle_declarations(name: str, outcome: str, question: str | None) -> None:
    load_declaration(DECLARATIONS / name)
    code, decision = _scope(name)
    assert decision["outcome"] == outcome
    if question:
        assert code == 3 and any(question in q for q in decision["questions"])
