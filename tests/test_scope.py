from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import tomli_w

from psti.declaration import parse_declaration
from psti.regime.loader import RegimeLibrary
from psti.scope import decide_scope

TOY = Path(__file__).parent / "fixtures" / "toy-regime"


@pytest.fixture
def view():
    return RegimeLibrary.load([TOY], include_package=False).view("uk-psti", dt.date(2026, 1, 1))


def decl(**product):
    connectivity = product.pop("connectivity", {"internet": True})
    base = {"name": "P", "type": "t", "model": "m", "consumer": True, "previously_supplied": False}
    base.update(product)
    raw = {"product": base, "manufacturer": [{"name": "M", "address": "A"}], "connectivity": connectivity}
    return parse_declaration(tomli_w.dumps(raw))


def test_internet_connectable_consumer_product_is_in_scope(view) -> None:
    d = decide_scope(decl(category="smart-camera"), view)
    assert d.outcome == "in-scope"
    assert any("internet-connectable" in r.text for r in d.reasons)
    assert all(r.citation for r in d.reasons)


@pytest.mark.parametrize("category", ["laptop-computer", "desktop-computer"])
def test_computers_are_excepted(view, category: str) -> None:
    d = decide_scope(decl(category=category, children_under_14=False), view)
    assert d.outcome == "excepted"
    assert any(r.item == "PSTI-S3-5" for r in d.reasons)


def test_computer_with_unknown_children_carve_back_asks_about_it(view) -> None:
    d = decide_scope(decl(category="laptop-computer"), view)
    assert d.outcome == "undetermined"
    assert len(d.questions) == 1 and d.questions[0].endswith("[product.children_under_14]")


def test_tablet_without_cellular_is_excepted_but_with_cellular_is_in_scope(view) -> None:
    assert decide_scope(decl(category="tablet", cellular=False, children_under_14=False), view).outcome == "excepted"
    assert decide_scope(decl(category="tablet", cellular=True), view).outcome == "in-scope"


def test_tablet_with_unknown_cellular_asks_exactly_that(view) -> None:
    d = decide_scope(decl(category="tablet", children_under_14=False), view)
    assert d.outcome == "undetermined"
    assert d.questions == ("Can the product connect to cellular networks? [product.cellular]",)


def test_computer_designed_for_children_under_14_is_not_excepted(view) -> None:
    d = decide_scope(decl(category="laptop-computer", children_under_14=True), view)
    assert d.outcome == "in-scope"


def test_exception_limited_to_northern_ireland_leaves_gb_sales_in_scope(view) -> None:
    both = decide_scope(decl(category="smart-camera", markets=["GB", "NI"], ni_free_movement_legislation=True), view)
    assert both.outcome == "in-scope"
    assert any("only some of the markets" in r.text for r in both.reasons)
    ni_only = decide_scope(decl(category="smart-camera", markets=["NI"], ni_free_movement_legislation=True), view)
    assert ni_only.outcome == "excepted"


def test_second_hand_products_are_out_of_scope_unless_reconditioned(view) -> None:
    assert decide_scope(decl(category="router", previously_supplied=True, returned_or_reconditioned=False),
                        view).outcome == "out-of-scope"
    assert decide_scope(decl(category="router", previously_supplied=True, returned_or_reconditioned=True),
                        view).outcome == "in-scope"


def test_business_only_products_are_out_of_scope_unless_identical_to_consumer_products(view) -> None:
    assert decide_scope(decl(category="router", consumer=False, identical_to_consumer_product=False),
                        view).outcome == "out-of-scope"
    assert decide_scope(decl(category="router", consumer=False, identical_to_consumer_product=True),
                        view).outcome == "in-scope"


def test_network_connectable_products(view) -> None:
    second = {"internet": False, "sends_and_receives": True, "ip_to_internet_connectable": False,
              "non_ip_multiple": True, "non_ip_to_internet_connectable": True}
    assert decide_scope(decl(category="smart-lighting", connectivity=second), view).outcome == "in-scope"
    first = {"internet": False, "sends_and_receives": True, "ip_to_internet_connectable": True}
    assert decide_scope(decl(category="smart-lighting", connectivity=first), view).outcome == "in-scope"
    none = {"internet": False, "sends_and_receives": True, "ip_to_internet_connectable": False,
            "non_ip_multiple": False, "linked_input_product": False}
    d = decide_scope(decl(category="other", connectivity=none), view)
    assert d.outcome == "out-of-scope"
    mute = {"internet": False, "sends_and_receives": False}
    assert decide_scope(decl(category="other", connectivity=mute), view).outcome == "out-of-scope"


def test_missing_connectivity_facts_become_questions_not_guesses(view) -> None:
    d = decide_scope(decl(category="smart-plug", connectivity={}), view)
    assert d.outcome == "undetermined"
    assert any("[connectivity.internet]" in q for q in d.questions)
    partial = {"internet": False, "sends_and_receives": True}
    d = decide_scope(decl(category="smart-plug", connectivity=partial), view)
    assert d.outcome == "undetermined"
    assert {q.rsplit("[", 1)[1].rstrip("]") for q in d.questions} >= {
        "connectivity.ip_to_internet_connectable", "connectivity.non_ip_multiple"}


def test_before_the_regime_took_effect_it_is_not_in_force() -> None:
    lib = RegimeLibrary.load([TOY], include_package=False)
    d = decide_scope(decl(category="smart-camera"), lib.view("uk-psti", dt.date(2023, 6, 1)))
    assert d.outcome == "not-in-force"
    assert "2024-04-29" in d.summary
