"""The shipped regime data: it loads, it is complete, and it changes on the right dates."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from psti.declaration import Category, Declaration, Label
from psti.documents.statement import parse_source
from psti.errors import RegimeError
from psti.regime.conditions import evaluate, facts_mentioned
from psti.regime.loader import RegimeLibrary, _package_files, load_file
from psti.regime.models import Item
from psti.scope import decide_scope

D = dt.date
BEFORE = D(2023, 6, 1)
IN_FORCE = D(2024, 5, 1)
AFTER_211 = D(2025, 3, 1)
AFTER_1267 = D(2026, 1, 1)

PSTI_PROVISIONS = {
    "PSTI-S1-1": [
        "PSTI-S1-1.2",
        "PSTI-S1-1.3.a",
        "PSTI-S1-1.3.b",
        "PSTI-S1-1.3.c",
        "PSTI-S1-1.3.d",
    ],
    "PSTI-S1-2": ["PSTI-S1-2.2.a", "PSTI-S1-2.2.b", "PSTI-S1-2.3"],
    "PSTI-S1-3": ["PSTI-S1-3.2", "PSTI-S1-3.3", "PSTI-S1-3.4", "PSTI-S1-3.5", "PSTI-S1-3.6"],
}
LABEL_ROUTES = {f"PSTI-S2-{p}.{c}" for p in (1, 2, 3) for c in ("B", "C")}
VEHICLE_EXCEPTIONS = {"PSTI-S3-6", "PSTI-S3-7", "PSTI-S3-8"}


@pytest.fixture(scope="module")
def lib() -> RegimeLibrary:
    return RegimeLibrary.load()


def _declaration_paths() -> set[str]:
    """Every dotted field path of the declaration model, plus the derived facts."""
    paths: set[str] = {"manufacturer.count", "deemed_compliance.labels"}

    def walk(prefix: str, model: type[BaseModel]) -> None:
        for name, field in model.model_fields.items():
            path = f"{prefix}.{name}" if prefix else name
            paths.add(path)
            ann = field.annotation
            for candidate in (ann, *typing.get_args(ann)):
                if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                    walk(path, candidate)

    walk("", Declaration)
    return paths


def _excepted(item: Item, facts: Mapping[str, Any]) -> bool | None:
    assert item.when is not None
    hit = evaluate(item.when, facts).value
    if hit is not True:
        return hit
    if item.unless is None:
        return True
    carve_back = evaluate(item.unless, facts).value
    return None if carve_back is None else not carve_back


# --- every file loads and every item is well formed ---------------------------------------


def test_every_shipped_file_loads() -> None:
    paths = _package_files()
    names = {p.name for p in paths}
    assert {
        "uk-psti-2024.toml",
        "uk-psti-2025-211.toml",
        "uk-psti-2025-1267.toml",
        "etsi-en-303-645-v2.1.1.toml",
        "iso-iec-29147-2018.toml",
        "uk-cop-2018.toml",
    } <= names
    for path in paths:
        assert load_file(path).items, f"{path.name} has no items"


def test_library_knows_every_regime(lib: RegimeLibrary) -> None:
    assert lib.regimes() == ["etsi-en-303-645", "iso-iec-29147", "uk-cop-2018", "uk-psti"]
    assert [rf.instrument.id for rf in lib.files["uk-psti"]] == [
        "uk-psti-2024",
        "uk-psti-2025-211",
        "uk-psti-2025-1267",
    ]


def test_every_item_has_a_citation_and_text(lib: RegimeLibrary) -> None:
    for files in lib.files.values():
        for rf in files:
            assert rf.instrument.citation.strip()
            for item in rf.items:
                assert item.citation.strip(), f"{item.id} has no citation"
                assert item.title.strip() and item.text.strip(), f"{item.id} has no title or text"
            for fact in rf.facts:
                assert fact.question.strip().endswith("?"), f"fact {fact.id} has no question"


def test_ids_are_unique_across_regimes(lib: RegimeLibrary) -> None:
    owner: dict[str, str] = {}
    for regime, files in lib.files.items():
        seen_kind: dict[str, str] = {}
        for rf in files:
            for item in rf.items:
                assert owner.setdefault(item.id, regime) == regime, (
                    f"{item.id} is defined in both {owner[item.id]} and {regime}"
                )
                # A later instrument may restate an item, but not turn it into something else.
                assert seen_kind.setdefault(item.id, item.kind) == item.kind, item.id


def test_only_deliberate_replacements_within_uk_psti(lib: RegimeLibrary) -> None:
    counts: dict[str, int] = {}
    for rf in lib.files["uk-psti"]:
        for item in rf.items:
            counts[item.id] = counts.get(item.id, 0) + 1
    assert {i for i, n in counts.items() if n > 1} == {"PSTI-S1-3.3"}


def test_requirements_and_provisions_point_at_each_other(lib: RegimeLibrary) -> None:
    every = {i.id: i for rf in (f for fs in lib.files.values() for f in fs) for i in rf.items}
    for item in every.values():
        if item.kind == "requirement":
            assert item.provisions, f"requirement {item.id} lists no provisions"
            for pid in item.provisions:
                assert pid in every, f"{item.id} lists unknown provision {pid}"
                assert every[pid].kind == "provision", f"{item.id} lists {pid}, not a provision"
        if item.kind == "provision":
            assert item.requirement, f"provision {item.id} has no requirement"
            parent = every[item.requirement]
            assert item.id in parent.provisions, f"{parent.id} does not list {item.id}"


def test_fact_ids_are_declaration_fields_and_have_questions(lib: RegimeLibrary) -> None:
    known = _declaration_paths()
    for regime in lib.regimes():
        view = lib.view(regime, AFTER_1267)
        for fact_id in view.facts:
            assert fact_id in known, f"{regime}: fact {fact_id} is not a declaration field"
        for item in view:
            for cond in (item.when, item.unless, item.applies_when):
                for fact_id in facts_mentioned(cond):
                    assert fact_id in known, f"{item.id} tests unknown fact {fact_id}"
                    assert fact_id in view.facts, f"{item.id} tests {fact_id}, which has no question"


def test_statement_field_sources_are_declaration_fields(lib: RegimeLibrary) -> None:
    known = _declaration_paths()
    fields = lib.view("uk-psti", IN_FORCE).of_kind("statement-field")
    assert sorted(f.id for f in fields) == [f"PSTI-S4-1.1.{c}" for c in "abcdefg"] + ["PSTI-S4-1.2"]
    for f in fields:
        assert f.source is not None
        for path in parse_source(f.source):
            for alternative in path.alternatives:
                assert alternative in known, f"{f.id} source {alternative} is not a declaration field"


def test_enum_values_in_conditions_are_allowed_values(lib: RegimeLibrary) -> None:
    view = lib.view("uk-psti", AFTER_1267)
    category = set(view.facts["product.category"].values)
    vehicle = set(view.facts["product.vehicle_regulation"].values)
    assert category == set(typing.get_args(Category))
    assert {"desktop-computer", "laptop-computer", "tablet"} <= category
    used: set[Any] = set()

    def collect(cond: Any) -> None:
        if cond is None:
            return
        if getattr(cond, "fact", None) == "product.category":
            used.update((cond.equals,) if cond.equals is not None else cond.in_ or ())
        for child in (*getattr(cond, "all", ()), *getattr(cond, "any", ())):
            collect(child)
        collect(getattr(cond, "not_", None))

    for item in view:
        for cond in (item.when, item.unless, item.applies_when):
            collect(cond)
    assert used and used <= category
    assert {"EU 2018/858", "EU 168/2013", "EU 167/2013"} <= vehicle


# --- the law on each date -------------------------------------------------------------------


def test_nothing_in_force_before_29_april_2024(lib: RegimeLibrary) -> None:
    view = lib.view("uk-psti", BEFORE)
    assert not view.in_force
    assert view.items == {}
    assert [i.id for i in view.pending] == ["uk-psti-2024", "uk-psti-2025-211", "uk-psti-2025-1267"]


def test_as_made_on_1_may_2024(lib: RegimeLibrary) -> None:
    view = lib.view("uk-psti", IN_FORCE)
    assert view.versions() == ("uk-psti-2024",)
    ids = set(view.items)
    assert not ids & VEHICLE_EXCEPTIONS
    assert not ids & LABEL_ROUTES
    assert not [i for i in view if i.label]
    assert {i.id for i in view.of_kind("exception")} == {f"PSTI-S3-{n}" for n in range(1, 6)}
    assert "(as made)" in view.get("PSTI-S1-3.3").citation
    for req, provisions in PSTI_PROVISIONS.items():
        assert list(view.get(req).provisions) == provisions
        for pid in provisions:
            assert view.get(pid).requirement == req


def test_vehicle_exceptions_and_wording_fix_from_25_february_2025(lib: RegimeLibrary) -> None:
    assert VEHICLE_EXCEPTIONS.isdisjoint(lib.view("uk-psti", D(2025, 2, 24)).items)
    view = lib.view("uk-psti", AFTER_211)
    assert view.versions() == ("uk-psti-2024", "uk-psti-2025-211")
    assert set(view.items) >= VEHICLE_EXCEPTIONS
    assert not set(view.items) & LABEL_ROUTES
    fixed = view.get("PSTI-S1-3.3")
    assert "SI 2025/211" in fixed.citation
    assert "new defined support period" in fixed.text


def test_label_routes_from_4_december_2025(lib: RegimeLibrary) -> None:
    assert LABEL_ROUTES.isdisjoint(lib.view("uk-psti", D(2025, 12, 3)).items)
    view = lib.view("uk-psti", AFTER_1267)
    assert set(view.items) >= LABEL_ROUTES
    schemes = set(typing.get_args(Label.model_fields["scheme"].annotation))
    for rid in LABEL_ROUTES:
        route = view.get(rid)
        assert route.kind == "deemed-route"
        assert route.label == ("jc-star-star-1" if rid.endswith("B") else "sg-cls")
        assert route.label in schemes
        assert route.satisfies == f"PSTI-S1-{rid[8]}"
    soc_routes = [r for r in view.of_kind("deemed-route") if r.satisfies == "PSTI-ACT-s9"]
    assert sorted(r.label for r in soc_routes) == ["jc-star-star-1", "sg-cls"]


def test_standards_routes(lib: RegimeLibrary) -> None:
    view = lib.view("uk-psti", IN_FORCE)
    routes = {r.id: r for r in view.of_kind("deemed-route")}
    assert set(routes) == {"PSTI-S2-1.A", "PSTI-S2-2.A", "PSTI-S2-2.A-ISO", "PSTI-S2-3.A"}
    assert routes["PSTI-S2-1.A"].requires == ("EN303645-5.1-1", "EN303645-5.1-2")
    assert routes["PSTI-S2-2.A"].requires == ("EN303645-5.2-1",)
    assert {"ISO29147-6.2.2", "ISO29147-6.2.5", "ISO29147-6.5"} <= set(routes["PSTI-S2-2.A-ISO"].requires)
    assert set(routes["PSTI-S2-3.A"].requires) == {
        "EN303645-5.3-13",
        "PSTI-S1-3.3",
        "PSTI-S1-3.4",  # Sch 2 para 3(4): "accessible" on this route includes para 3(4)(a)-(e)
        "PSTI-S1-3.5",
        "PSTI-S1-3.6",
    }
    catalogue = lib.catalogue(IN_FORCE)
    for route in routes.values():
        assert catalogue[route.satisfies].kind == "requirement"
        for ref in route.requires:
            assert catalogue[ref].kind == "provision", ref


# --- Schedule 3 -----------------------------------------------------------------------------


def test_schedule_3_is_complete(lib: RegimeLibrary) -> None:
    exceptions = lib.view("uk-psti", AFTER_1267).of_kind("exception")
    assert sorted(e.id for e in exceptions) == [f"PSTI-S3-{n}" for n in range(1, 9)]
    for e in exceptions:
        assert e.citation.startswith("SI 2023/1007 Sch 3 para ")


@pytest.mark.parametrize(
    ("exception", "facts", "expected"),
    [
        # the children carve-back is a question the declaration must answer
        ("PSTI-S3-5", {"product.category": "laptop-computer"}, None),
        (
            "PSTI-S3-5",
            {"product.category": "desktop-computer", "product.children_under_14": False},
            True,
        ),
        (
            "PSTI-S3-5",
            {"product.category": "laptop-computer", "product.children_under_14": True},
            False,
        ),
        (
            "PSTI-S3-5",
            {
                "product.category": "tablet",
                "product.cellular": False,
                "product.children_under_14": False,
            },
            True,
        ),
        ("PSTI-S3-5", {"product.category": "tablet", "product.cellular": True}, False),
        ("PSTI-S3-5", {"product.category": "tablet"}, None),
        ("PSTI-S3-5", {"product.category": "smartphone", "product.cellular": True}, False),
        ("PSTI-S3-3", {"product.medical_device_regulations": True}, None),
        (
            "PSTI-S3-3",
            {
                "product.medical_device_regulations": True,
                "product.medical_software_on_general_device": False,
            },
            True,
        ),
        (
            "PSTI-S3-3",
            {
                "product.medical_device_regulations": True,
                "product.medical_software_on_general_device": True,
            },
            False,
        ),
        (
            "PSTI-S3-4",
            {"product.smart_meter_licensed": True, "product.smart_meter_cpa_assured": True},
            True,
        ),
        (
            "PSTI-S3-4",
            {"product.smart_meter_licensed": True, "product.smart_meter_cpa_assured": False},
            False,
        ),
        ("PSTI-S3-2", {"product.charge_point_regulations": True}, True),
        ("PSTI-S3-2", {"product.charge_point_regulations": False}, False),
        (
            "PSTI-S3-1",
            {"product.markets": ("GB", "NI"), "product.ni_free_movement_legislation": True},
            True,
        ),
        (
            "PSTI-S3-1",
            {"product.markets": ("GB",), "product.ni_free_movement_legislation": True},
            False,
        ),
        (
            "PSTI-S3-6",
            {"product.markets": ("GB",), "product.vehicle_regulation": "EU 2018/858"},
            True,
        ),
        (
            "PSTI-S3-6",
            {"product.markets": ("NI",), "product.vehicle_regulation": "EU 2018/858"},
            False,
        ),
        (
            "PSTI-S3-7",
            {"product.markets": ("GB", "NI"), "product.vehicle_regulation": "EU 168/2013"},
            True,
        ),
        (
            "PSTI-S3-8",
            {"product.markets": ("GB",), "product.vehicle_regulation": "EU 167/2013"},
            True,
        ),
        ("PSTI-S3-8", {"product.markets": ("GB",), "product.vehicle_regulation": "none"}, False),
        # a regulatory fact not declared is asked only where the category makes it plausible
        ("PSTI-S3-2", {"product.category": "smart-camera"}, False),
        ("PSTI-S3-2", {"product.category": "ev-charge-point"}, None),
        ("PSTI-S3-3", {"product.category": "smart-speaker"}, False),
        (
            "PSTI-S3-3",
            {
                "product.category": "smart-speaker",
                "product.medical_device_regulations": True,
                "product.medical_software_on_general_device": False,
            },
            True,
        ),
        ("PSTI-S3-4", {"product.category": "smart-plug"}, False),
        ("PSTI-S3-4", {"product.category": "smart-meter"}, None),
        ("PSTI-S3-6", {"product.category": "smart-camera", "product.markets": ("GB",)}, False),
        ("PSTI-S3-6", {"product.category": "motor-vehicle", "product.markets": ("GB",)}, None),
        (
            "PSTI-S3-6",
            {"product.category": "smart-tv", "product.markets": ("GB",), "product.vehicle_regulation": "EU 2018/858"},
            True,
        ),
    ],
)
def test_exception_conditions(lib: RegimeLibrary, exception: str, facts: dict[str, Any], expected: bool | None) -> None:
    item = lib.view("uk-psti", AFTER_1267).get(exception)
    assert _excepted(item, facts) is expected


def test_territorial_exceptions_say_where(lib: RegimeLibrary) -> None:
    view = lib.view("uk-psti", AFTER_1267)
    assert view.get("PSTI-S3-1").limits["markets"] == ["NI"]
    for eid in VEHICLE_EXCEPTIONS:
        assert view.get(eid).limits["markets"] == ["GB"]
    unlimited = {e.id for e in view.of_kind("exception") if "markets" not in e.limits}
    assert unlimited == {"PSTI-S3-2", "PSTI-S3-3", "PSTI-S3-4", "PSTI-S3-5"}


def test_scope_definitions_decide_connectability(lib: RegimeLibrary) -> None:
    view = lib.view("uk-psti", IN_FORCE)
    rcp = view.get("PSTI-ACT-s4").when
    assert rcp is not None
    assert evaluate(rcp, {"connectivity.internet": True}).value is True
    hub_sensor = {
        "connectivity.internet": False,
        "connectivity.sends_and_receives": True,
        "connectivity.ip_to_internet_connectable": False,
        "connectivity.non_ip_multiple": True,
        "connectivity.non_ip_to_internet_connectable": True,
    }
    assert evaluate(rcp, hub_sensor).value is True
    wired_only = hub_sensor | {
        "connectivity.non_ip_multiple": False,
        "connectivity.linked_input_product": False,
    }
    assert evaluate(rcp, wired_only).value is False
    mouse = wired_only | {"connectivity.linked_input_product": True}
    assert evaluate(rcp, mouse).value is True
    uk_ccp = view.get("PSTI-ACT-s54").when
    assert uk_ccp is not None
    assert evaluate(uk_ccp, {"product.consumer": True, "product.previously_supplied": False}).value
    second_hand = {
        "product.consumer": True,
        "product.previously_supplied": True,
        "product.returned_or_reconditioned": False,
    }
    assert evaluate(uk_ccp, second_hand).value is False
    refurbished = second_hand | {"product.returned_or_reconditioned": True}
    assert evaluate(uk_ccp, refurbished).value is True


# --- duties, powers and dates ------------------------------------------------------------------


def test_duties_of_each_actor(lib: RegimeLibrary) -> None:
    view = lib.view("uk-psti", IN_FORCE)
    by_actor: dict[str | None, set[str]] = {}
    for d in view.of_kind("duty"):
        by_actor.setdefault(d.actor, set()).add(d.id)
    assert by_actor["manufacturer"] == {f"PSTI-ACT-s{n}" for n in range(8, 13)} | {"PSTI-REG-8"}
    assert by_actor["importer"] == {f"PSTI-ACT-s{n}" for n in range(14, 21)} | {"PSTI-REG-9"}
    assert by_actor["distributor"] == {f"PSTI-ACT-s{n}" for n in range(21, 26)}
    assert by_actor["authorised-representative"] == {"PSTI-ACT-s13", "PSTI-ACT-s51.4"}
    for rid in ("PSTI-ACT-s12", "PSTI-ACT-s20", "PSTI-REG-8", "PSTI-REG-9"):
        assert view.get(rid).limits["retention_years"] == 10


def test_enforcement_powers_and_limits(lib: RegimeLibrary) -> None:
    view = lib.view("uk-psti", IN_FORCE)
    powers = view.of_kind("power")
    assert all(p.actor == "enforcement-authority" for p in powers)
    expected: dict[str, dict[str, Any]] = {
        "PSTI-ACT-s28": {"pre_notice_min_days": 10, "urgency_bypass": False},
        "PSTI-ACT-s29": {"pre_notice_min_days": 10, "urgency_bypass": True},
        "PSTI-ACT-s30": {"pre_notice_min_days": 10, "urgency_bypass": True},
        "PSTI-ACT-s33": {"appeal_days": 28, "suspensive": True},
        "PSTI-ACT-s34": {"decision_days": 45},
        "PSTI-ACT-s35": {"appeal_days": 28},
        "PSTI-ACT-s36": {"daily_max_gbp": 20000, "payment_period_min_days": 28},
        "PSTI-ACT-s38": {"cap_gbp": 10_000_000, "cap_revenue_fraction": 0.04},
        "PSTI-ACT-s39": {"pre_notice_min_days": 28},
        "PSTI-ACT-s41": {"appeal_days": 28, "suspensive": True},
        "PSTI-ACT-s44": {"appeal_days": 28},
        "PSTI-ACT-s50": {"electronic_deemed_given_next_working_day": True},
    }
    for pid, limits in expected.items():
        assert view.get(pid).limits.items() >= limits.items(), pid
    assert {f"PSTI-ACT-s{n}" for n in (42, 43, 45, 46, 47)} <= {p.id for p in powers}


def test_key_dates(lib: RegimeLibrary) -> None:
    dates = {i.id: i.date for i in lib.view("uk-psti", AFTER_1267).of_kind("date")}
    assert dates["PSTI-DATE-royal-assent"] == D(2022, 12, 6)
    assert dates["PSTI-DATE-in-force"] == D(2024, 4, 29)
    assert dates["PSTI-DATE-first-review-due"] == D(2029, 4, 28)
    assert dates["PSTI-DATE-amd1-in-force"] == D(2025, 2, 25)
    assert dates["PSTI-DATE-amd2-in-force"] == D(2025, 12, 4)
    for rf in lib.files["uk-psti"]:
        assert rf.instrument.effective_from in dates.values()


# --- the standards ----------------------------------------------------------------------------


def test_en_303_645_catalogue(lib: RegimeLibrary) -> None:
    view = lib.view("etsi-en-303-645", AFTER_1267)
    provisions = view.of_kind("provision")
    assert len(provisions) == 68
    assert sum(p.status == "M" for p in provisions) == 33
    assert sum(p.status == "R" for p in provisions) == 35
    requirements = {r.id: r for r in view.of_kind("requirement")}
    assert set(requirements) == {"EN303645-4", "EN303645-6"} | {f"EN303645-5.{n}" for n in range(1, 14)}
    listed = [pid for r in requirements.values() for pid in r.provisions]
    assert sorted(listed) == sorted(p.id for p in provisions)
    for pid in ("EN303645-5.1-1", "EN303645-5.2-1", "EN303645-5.3-13", "EN303645-5.4-3"):
        assert view.get(pid).status == "M"
    # every provision with a fact condition also explains it in words
    for p in provisions:
        if p.applies_when is not None:
            assert p.condition, f"{p.id} has applies_when but no condition text"


def test_en_conditions_follow_the_declaration(lib: RegimeLibrary) -> None:
    view = lib.view("etsi-en-303-645", AFTER_1267)
    non_constrained = {"product.constrained": False, "product.updatable": True}
    assert evaluate(view.get("EN303645-5.1-5").applies_when, non_constrained).value is True
    assert evaluate(view.get("EN303645-5.3-14").applies_when, non_constrained).value is False
    legacy = {"product.constrained": True, "product.updatable": False}
    assert evaluate(view.get("EN303645-5.3-15").applies_when, legacy).value is True
    assert evaluate(view.get("EN303645-5.1-1").applies_when, {"passwords.used": False}).value is False


def test_iso_29147_and_code_of_practice(lib: RegimeLibrary) -> None:
    iso = lib.view("iso-iec-29147", AFTER_1267)
    assert iso.get("ISO29147-6").provisions == ("ISO29147-6.2.2", "ISO29147-6.2.5", "ISO29147-6.5")
    cop = lib.view("uk-cop-2018", AFTER_1267)
    assert [i.id for i in cop.of_kind("requirement")] == [f"COP2018-{n}" for n in range(1, 14)]
    catalogue = lib.catalogue(AFTER_1267)
    covered = {pid for g in cop.of_kind("requirement") for pid in g.provisions}
    en = {p.id for p in lib.view("etsi-en-303-645", AFTER_1267).of_kind("provision")}
    assert covered == en - {"EN303645-4-1"}
    assert all(catalogue[pid].kind == "provision" for pid in covered)
    assert lib.view("uk-cop-2018", D(2018, 10, 13)).items == {}


# --- a Minister's change is a new file -----------------------------------------------------------


NEW_INSTRUMENT = """
[instrument]
id = "uk-psti-2027-test"
regime = "uk-psti"
title = "Test amendment"
kind = "law"
effective_from = 2027-01-01
citation = "SI 2026/9999 (test)"
revokes = ["PSTI-S3-5"]

[[facts]]
id = "product.category"
question = "Which category?"
type = "enum"
values = ["games-console"]

[[items]]
id = "PSTI-S3-9"
kind = "exception"
title = "Games consoles"
text = "Games consoles are excepted."
citation = "SI 2026/9999 reg 2"
[items.when]
fact = "product.category"
equals = "games-console"

[[items]]
id = "PSTI-S1-4"
kind = "requirement"
title = "Secure updates"
text = "Updates must be authenticated."
citation = "SI 2026/9999 reg 3"
provisions = ["PSTI-S1-4.1"]

[[items]]
id = "PSTI-S1-4.1"
kind = "provision"
title = "Update authenticity"
text = "The product verifies updates."
citation = "SI 2026/9999 reg 3(1)"
requirement = "PSTI-S1-4"
"""


def test_new_instrument_applies_only_from_its_date(tmp_path: Path) -> None:
    (tmp_path / "uk-psti-2027-test.toml").write_text(NEW_INSTRUMENT, encoding="utf-8")
    lib = RegimeLibrary.load(extra_dirs=[tmp_path])
    before = lib.view("uk-psti", D(2026, 12, 31))
    assert "PSTI-S3-9" not in before.items and "PSTI-S1-4" not in before.items
    assert "PSTI-S3-5" in before.items
    assert before.pending[-1].id == "uk-psti-2027-test"
    after = lib.view("uk-psti", D(2027, 1, 1))
    assert after.versions()[-1] == "uk-psti-2027-test"
    assert after.get("PSTI-S3-9").kind == "exception"
    assert after.get("PSTI-S1-4").provisions == ("PSTI-S1-4.1",)
    assert "PSTI-S3-5" not in after.items  # revoked
    assert "PSTI-S3-6" in after.items  # earlier amendments survive
    assert after.facts["product.category"].values == ("games-console",)


BROKEN = {
    "bad-toml.toml": "[instrument\nid = 'x'\n",
    "unknown-field.toml": NEW_INSTRUMENT.replace(
        'citation = "SI 2026/9999 reg 2"', 'citation = "SI 2026/9999 reg 2"\nseverity = "high"'
    ),
    "no-when.toml": NEW_INSTRUMENT.replace('[items.when]\nfact = "product.category"\nequals = "games-console"\n', ""),
    "dangling.toml": NEW_INSTRUMENT.replace('provisions = ["PSTI-S1-4.1"]', 'provisions = ["PSTI-S1-4.9"]'),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_regime_file_names_the_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(BROKEN[name], encoding="utf-8")
    assert BROKEN[name] != NEW_INSTRUMENT
    with pytest.raises(RegimeError) as err:
        RegimeLibrary.load(extra_dirs=[tmp_path])
    assert name in str(err.value)
    if name == "dangling.toml":
        assert "PSTI-S1-4.9" in str(err.value)
    if name == "unknown-field.toml":
        assert "severity" in str(err.value)
    if name == "no-when.toml":
        assert "when" in str(err.value)


# --- the shipped data drives the scope decision ------------------------------------------------


def _declaration(**product: Any) -> Declaration:
    base = {"name": "P", "type": "t", "model": "m", "consumer": True, "previously_supplied": False}
    base.update(product)
    return Declaration.model_validate(
        {
            "product": base,
            "manufacturer": [{"name": "M", "address": "A"}],
            "connectivity": {"internet": True},
        }
    )


def test_ordinary_product_is_in_scope_without_regulatory_questions(lib: RegimeLibrary) -> None:
    decision = decide_scope(_declaration(category="smart-camera"), lib.view("uk-psti", AFTER_1267))
    assert decision.outcome == "in-scope", decision.questions
    assert decision.questions == ()


def test_vehicle_sold_in_gb_is_excepted_only_after_the_amendment(lib: RegimeLibrary) -> None:
    car = _declaration(category="motor-vehicle", markets=["GB"], vehicle_regulation="EU 2018/858")
    assert decide_scope(car, lib.view("uk-psti", IN_FORCE)).outcome == "in-scope"
    after = decide_scope(car, lib.view("uk-psti", AFTER_211))
    assert after.outcome == "excepted"
    assert any(r.item == "PSTI-S3-6" for r in after.reasons)
    # sold in NI too: excepted only if NI is covered as well (Sch 3 para 1), which is not yet known
    both = _declaration(category="motor-vehicle", markets=["GB", "NI"], vehicle_regulation="EU 2018/858")
    undecided = decide_scope(both, lib.view("uk-psti", AFTER_211))
    assert undecided.outcome == "undetermined"
    assert any("[product.ni_free_movement_legislation]" in q for q in undecided.questions)


def test_charge_point_asks_the_regulatory_question(lib: RegimeLibrary) -> None:
    decision = decide_scope(_declaration(category="ev-charge-point"), lib.view("uk-psti", IN_FORCE))
    assert decision.outcome == "undetermined"
    assert decision.questions == (
        lib.view("uk-psti", IN_FORCE).facts["product.charge_point_regulations"].question
        + " [product.charge_point_regulations]",
    )
