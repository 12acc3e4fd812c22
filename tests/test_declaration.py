from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from psti.declaration import (
    Declaration,
    declaration_json_schema,
    load_declaration,
    locate,
    parse_declaration,
)
from psti.errors import InputError

MINIMAL = """\
[product]
name = "Cam"
type = "smart camera"
model = "C1"

[manufacturer]
name = "Acme"
address = "1 Road"
"""


def test_minimal_declaration_parses_and_single_manufacturer_table_becomes_a_list() -> None:
    d = parse_declaration(MINIMAL)
    assert d.product.model == "C1"
    assert [m.name for m in d.manufacturer] == ["Acme"]
    assert d.schema_ == "psti.declaration/1"


def test_every_example_declaration_is_valid(examples_dir: Path) -> None:
    files = sorted(examples_dir.glob("*/product.toml"))
    assert len(files) >= 4
    for f in files:
        loaded = load_declaration(f)
        assert loaded.sha256 and len(loaded.sha256) == 64


def test_unknown_field_is_reported_with_path_and_line() -> None:
    text = MINIMAL + '\n[connectivity]\ninternet = true\nwifii = true\n'
    with pytest.raises(InputError) as e:
        parse_declaration(text, "p.toml")
    (problem,) = e.value.problems
    assert problem.path == "connectivity.wifii"
    assert problem.line == 12
    assert "unknown field" in problem.message
    assert "p.toml:12: connectivity.wifii" in str(e.value)


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = """\
[product]
name = "Cam"
type = "cam"
category = "toaster"

[manufacturer]
name = "Acme"

[support_period]
end_date = "31/12/2030"
"""
    with pytest.raises(InputError) as e:
        parse_declaration(text, "p.toml")
    by_path = {p.path: p for p in e.value.problems}
    assert set(by_path) == {"product.model", "product.category", "manufacturer[0].address",
                            "support_period.end_date"}
    assert by_path["product.category"].line == 4
    assert by_path["support_period.end_date"].line == 10
    assert "YYYY-MM-DD" in by_path["support_period.end_date"].message
    assert by_path["product.model"].message == "required field is missing"


def test_malformed_toml_names_the_line() -> None:
    with pytest.raises(InputError) as e:
        parse_declaration('[product]\nname = "x\n', "bad.toml")
    (problem,) = e.value.problems
    assert problem.line == 2
    assert "malformed TOML" in problem.message


def test_unreadable_artefact_is_reported_and_relative_to_the_declaration(tmp_path: Path) -> None:
    (tmp_path / "fw.bin").write_bytes(b"x")
    decl = tmp_path / "p.toml"
    decl.write_text(MINIMAL + '\n[[artefacts]]\nkind = "firmware"\npath = "fw.bin"\n\n'
                    '[[artefacts]]\nkind = "firmware"\npath = "missing.bin"\n')
    with pytest.raises(InputError) as e:
        load_declaration(decl)
    (problem,) = e.value.problems
    assert problem.path == "artefacts[1].path"
    assert problem.line == 16
    assert "does not exist" in problem.message


def test_not_utf8_and_missing_files_are_input_errors(tmp_path: Path) -> None:
    bad = tmp_path / "p.toml"
    bad.write_bytes(b"\xff\xfe[product]")
    with pytest.raises(InputError, match="not UTF-8"):
        load_declaration(bad)
    with pytest.raises(InputError, match="cannot read"):
        load_declaration(tmp_path / "nope.toml")


def test_locate_finds_keys_in_arrays_of_tables() -> None:
    text = '[[artefacts]]\nkind = "a"\n\n[[artefacts]]\nkind = "b"\npath = "x"\n'
    assert locate(text, ("artefacts", 1, "path")) == 6
    assert locate(text, ("artefacts", 0, "kind")) == 2
    assert locate(text, ("artefacts", 1)) == 4


def test_facts_flatten_only_given_values() -> None:
    d = parse_declaration(MINIMAL + "\n[connectivity]\ninternet = false\n")
    facts = d.facts()
    assert facts["connectivity.internet"] is False
    assert "product.cellular" not in facts
    assert facts["product.markets"] == ("GB", "NI")


def test_json_schema_describes_the_format() -> None:
    schema = declaration_json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"product", "manufacturer", "artefacts", "support_period"} <= set(schema["properties"])
    assert "product" in schema["required"]


# --- property-based tests of the parser ---------------------------------------------------

text = st.text(alphabet=string.ascii_letters + string.digits + " -_.,'()£é", min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s != ""
)
party = st.fixed_dictionaries({"name": text, "address": text}, optional={"established_in_uk": st.booleans()})
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
declarations = st.fixed_dictionaries(
    {
        "product": st.fixed_dictionaries(
            {"name": text, "type": text, "model": text},
            optional={
                "category": st.sampled_from(["smart-camera", "router", "tablet", "laptop-computer"]),
                "cellular": st.booleans(),
                "consumer": st.booleans(),
                "batches": st.lists(text, max_size=3),
                "markets": st.sampled_from([["GB"], ["NI"], ["GB", "NI"]]),
            },
        ),
        "manufacturer": st.lists(party, min_size=1, max_size=3),
    },
    optional={
        "support_period": st.fixed_dictionaries(
            {"end_date": dates}, optional={"previous_end_dates": st.lists(dates, max_size=3)}
        ),
        "passwords": st.fixed_dictionaries(
            {"scheme": st.sampled_from(["user-defined", "unique-per-device", "universal", "none"])},
            optional={"generation": st.sampled_from(["random", "keyed-hash", "counter"])},
        ),
        "reporting": st.fixed_dictionaries({"contacts": st.lists(st.just("mailto:a@b.example"), max_size=2)},
                                           optional={"acknowledgement_days": st.integers(0, 365)}),
    },
)


@settings(max_examples=150, deadline=None)
@given(declarations)
def test_any_valid_declaration_round_trips_through_toml(raw: dict) -> None:
    parsed = parse_declaration(tomli_w.dumps(raw))
    again = parse_declaration(tomli_w.dumps(parsed.model_dump(mode="json", by_alias=True, exclude_none=True)))
    assert again == parsed
    assert parsed.product.name == raw["product"]["name"]
    assert len(parsed.manufacturer) == len(raw["manufacturer"])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_gives_a_declaration_or_an_input_error(garbage: str) -> None:
    try:
        d = parse_declaration(garbage, "fuzz.toml")
    except InputError as e:
        assert e.problems and all(p.message for p in e.problems)
    else:
        assert isinstance(d, Declaration)


@settings(max_examples=150, deadline=None)
@given(declarations, st.sampled_from(["product.model", "product.name", "manufacturer"]))
def test_removing_a_required_field_is_always_reported_by_path(raw: dict, field: str) -> None:
    section, _, key = field.partition(".")
    if key:
        del raw[section][key]
    else:
        del raw[section]
    with pytest.raises(InputError) as e:
        parse_declaration(tomli_w.dumps(raw))
    assert any(p.path == field for p in e.value.problems)
