from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import builders as b
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.declaration import load_declaration
from psti.documents.statement import (
    STATEMENT_SCHEMA,
    StatementRefused,
    assessment_sha256,
    build_statement,
    retention_until,
    sign_statement,
    verify_statement,
)
from psti.errors import InputError, PstiError
from psti.model import Verdict
from psti.regime import RegimeLibrary


@pytest.fixture(scope="module")
def view():
    return b.view()


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


def issue(view, key, loaded=None, **kw):
    loaded = loaded or b.declaration()
    a = kw.pop("assessment", None) or b.assessment(loaded)
    return sign_statement(build_statement(loaded, a, view=view, **kw), key), a


def test_statement_carries_every_schedule_4_field(view, key):
    signed, a = issue(view, key)
    s = signed.statement
    assert s.schema_ == STATEMENT_SCHEMA
    assert [f.id for f in s.fields] == [
        "PSTI-S4-1.1.a",
        "PSTI-S4-1.1.b",
        "PSTI-S4-1.1.c",
        "PSTI-S4-1.1.d",
        "PSTI-S4-1.1.e",
        "PSTI-S4-1.1.f",
        "PSTI-S4-1.1.g",
        "PSTI-S4-1.2",
    ]
    values = {f.id: f.value for f in s.fields}
    assert "indoor smart camera" in values["PSTI-S4-1.1.a"] and "2026-W14" in values["PSTI-S4-1.1.a"]
    assert "14 Wharf Road" in values["PSTI-S4-1.1.b"]
    assert values["PSTI-S4-1.1.e"] == "2031-03-31"
    assert values["PSTI-S4-1.1.f"] == "Priya Natarajan; Head of Product Security"
    assert values["PSTI-S4-1.2"].startswith("ETSI EN 303 645 V2.1.1 (2020-06-01)")
    assert s.issued_on == dt.date(2026, 11, 20)
    assert s.support_period_end == dt.date(2031, 3, 31)
    assert s.assessment.sha256 == assessment_sha256(a)
    assert s.retention_until == dt.date(2036, 11, 19)
    assert "Schedule 1" in s.compliance_declaration and "Brightlane Devices Ltd" in s.prepared_by
    assert [r.route_kind for r in s.requirements] == ["schedule-1"] * 3


def test_missing_fields_are_all_listed(view, tmp_path):
    loaded = b.declaration(tmp_path, drop=("signatory", "function", "place", "end_date", "date = 2026-11-20"))
    with pytest.raises(InputError) as e:
        build_statement(loaded, b.assessment(loaded), view=view, issued_on=b.ON)
    text = str(e.value)
    for field in ("statement.signatory", "statement.function", "statement.place", "support_period.end_date"):
        assert f"`{field}`" in text
    assert "PSTI-S4-1.1.e" in text and "PSTI-S4-1.1.f" in text and "PSTI-S4-1.1.g" in text
    assert "Schedule 4 fields are missing or wrong (4 problems)" in text
    assert "camera.toml:" in text  # says where


def test_malformed_fields_are_refused(view, tmp_path):
    loaded = b.declaration(
        tmp_path, drop=("online_url", "signatory"), edit='signatory = "   "\nonline_url = "http://insecure.example/x"\n'
    )
    with pytest.raises(InputError, match=r"`statement.signatory` is blank"):
        build_statement(loaded, b.assessment(loaded), view=view)


@pytest.mark.parametrize(
    ("verdicts", "code", "named"),
    [
        ({"passwords": Verdict.FAIL}, 1, ["PSTI-S1-1"]),
        ({"reporting": Verdict.NEEDS_EVIDENCE}, 3, ["PSTI-S1-2"]),
        ({"passwords": Verdict.FAIL, "support": Verdict.FAIL}, 1, ["PSTI-S1-1", "PSTI-S1-3"]),
    ],
)
def test_refuses_while_a_verdict_is_fail_or_needs_evidence(view, key, verdicts, code, named):
    loaded = b.declaration()
    a = b.assessment(loaded, **verdicts)
    with pytest.raises(StatementRefused) as e:
        build_statement(loaded, a, view=view)
    assert e.value.exit_code == code
    for rid in named:
        assert rid in str(e.value)
    assert "PSTI-S1-2" not in str(e.value) or "reporting" in verdicts
    draft = build_statement(loaded, a, view=view, draft=True)
    assert draft.draft


def test_assessment_of_another_declaration_is_refused(view, tmp_path):
    other = b.declaration(tmp_path, edit="# changed\n")
    with pytest.raises(InputError, match="different version of this declaration"):
        build_statement(other, b.assessment(b.declaration()), view=view)


def test_regime_without_statement_fields(tmp_path):
    d = tmp_path / "r"
    d.mkdir()
    (d / "x.toml").write_text(
        '[instrument]\nid = "X-1"\nregime = "bare"\ntitle = "x"\nkind = "law"\n'
        'effective_from = 2024-01-01\ncitation = "x"\n'
    )
    view = RegimeLibrary.load(extra_dirs=[d]).view("bare", b.ON)
    with pytest.raises(PstiError, match="defines no statement-of-compliance fields"):
        build_statement(b.declaration(), b.assessment(b.declaration()), view=view)


def test_unknown_source_in_regime_data_is_reported(tmp_path):
    d = tmp_path / "r"
    d.mkdir()
    (d / "x.toml").write_text(
        '[instrument]\nid = "X-1"\nregime = "bare"\ntitle = "x"\nkind = "law"\n'
        'effective_from = 2024-01-01\ncitation = "x"\n'
        '[[items]]\nid = "PSTI-S4-9"\nkind = "statement-field"\ntitle = "t"\ntext = "t"\n'
        'citation = "c"\nsource = "product.colour"\n'
    )
    view = RegimeLibrary.load(extra_dirs=[d]).view("bare", b.ON)
    with pytest.raises(InputError, match="unknown declaration field product.colour"):
        build_statement(b.declaration(), b.assessment(b.declaration()), view=view)


def test_retention_is_the_longer_of_ten_years_and_the_support_period():
    # REGS reg 8(a): "a period of 10 years beginning with the date on which the statement
    # was issued" includes the day of issue, so it ends the day before the tenth anniversary.
    assert retention_until(dt.date(2026, 1, 5), dt.date(2030, 1, 1)) == dt.date(2036, 1, 4)
    assert retention_until(dt.date(2026, 3, 1), None) == dt.date(2036, 2, 29)
    assert retention_until(dt.date(2026, 1, 5), dt.date(2040, 6, 30)) == dt.date(2040, 6, 30)
    assert retention_until(dt.date(2028, 2, 29), None) == dt.date(2038, 2, 28)


@pytest.mark.parametrize("issued", [dt.date(9999, 12, 31), dt.date(9995, 6, 1)])
def test_retention_past_the_calendar_is_a_clear_error(issued):
    with pytest.raises(PstiError, match="10 years beginning with"):
        retention_until(issued, None)


def test_verify_accepts_the_issued_statement(view, key):
    signed, a = issue(view, key)
    data = json.loads(signed.to_json())
    v = verify_statement(data, assessment_bytes=a.to_json().encode(), view=view)
    assert v.ok, v.checks
    assert {c for c, ok, _ in v.checks if ok} >= {"structure", "signature", "required fields", "assessment hash"}


@pytest.mark.parametrize(
    "tamper",
    [
        lambda s: s.__setitem__("support_period_end", "2035-03-31"),
        lambda s: s["manufacturers"][0].__setitem__("name", "Someone Else Ltd"),
        lambda s: (
            s["assessment"].__setitem__("overall", "pass")
            or s.__setitem__("draft", False)
            or s["fields"][0].__setitem__("value", "other product")
        ),
        lambda s: s["assessment"].__setitem__("sha256", "0" * 64),
    ],
)
def test_tampered_statement_fails_verification(view, key, tamper):
    signed, _ = issue(view, key)
    data = json.loads(signed.to_json())
    tamper(data["statement"])
    v = verify_statement(data, view=view)
    assert not v.ok
    assert ("signature", False) in [(c, ok) for c, ok, _ in v.checks]


def test_verify_with_the_wrong_public_key_fails(view, key):
    signed, _ = issue(view, key)
    other = Ed25519PrivateKey.generate().public_key()
    v = verify_statement(json.loads(signed.to_json()), public_key=other, view=view)
    assert not v.ok
    assert any(c == "signer" and not ok for c, ok, _ in v.checks)
    # A forger re-signs with their own key: the embedded key checks out, the manufacturer's does not.
    forged_body = json.loads(signed.to_json())["statement"]
    forged_body["place"] = "Elsewhere"
    from psti.documents import signing

    forged = {"statement": forged_body, "signature": signing.sign(Ed25519PrivateKey.generate(), forged_body)}
    assert verify_statement(forged, view=view).ok  # only integrity without a trusted key
    assert not verify_statement(forged, public_key=key.public_key(), view=view).ok


def test_verify_catches_a_different_assessment_and_missing_fields(view, key):
    signed, _ = issue(view, key)
    other = b.assessment(b.declaration(), support=Verdict.FAIL)
    v = verify_statement(json.loads(signed.to_json()), assessment_bytes=other.to_json().encode(), view=view)
    assert [ok for c, ok, _ in v.checks if c == "assessment hash"] == [False]
    data = json.loads(signed.to_json())
    data["statement"]["fields"] = data["statement"]["fields"][:-2]
    v = verify_statement(data, view=view)
    detail = [d for c, ok, d in v.checks if c == "required fields"][0]
    assert "PSTI-S4-1.1.g" in detail and "PSTI-S4-1.2" in detail


def test_verify_rejects_drafts_unsigned_and_malformed(view, key):
    loaded = b.declaration()
    draft = sign_statement(
        build_statement(loaded, b.assessment(loaded, passwords=Verdict.FAIL), view=view, draft=True), key
    )
    v = verify_statement(json.loads(draft.to_json()), view=view)
    assert not v.ok and any("DRAFT" in d for _, _, d in v.checks)
    unsigned = sign_statement(draft.statement, None)
    assert not verify_statement(json.loads(unsigned.to_json()), view=view).ok
    bad = json.loads(draft.to_json())
    bad2 = copy.deepcopy(bad)
    bad2["statement"]["schema"] = "psti.statement/99"
    assert not verify_statement(bad2).ok
    del bad["statement"]["issued_on"]
    v = verify_statement(bad)
    assert not v.ok and "issued_on" in v.checks[0][2]


def _via_schedule_2(a):
    from psti.model import RouteVerdict

    req = a.requirements[0]
    routes = (
        RouteVerdict(
            route=req.requirement,
            title=req.title,
            citation=req.citation,
            verdict=Verdict.FAIL,
            reason="declared universal",
        ),
        RouteVerdict(
            route="PSTI-S2-1.A",
            title="ETSI EN 303 645 provisions 5.1-1 and 5.1-2",
            citation="SI 2023/1007 Sch 2 para 1(1)",
            verdict=Verdict.PASS,
            reason="met",
        ),
    )
    return a.model_copy(update={"requirements": (req.model_copy(update={"routes": routes}),) + a.requirements[1:]})


def test_real_uk_psti_fields_and_schedule_2_route(tmp_path, key):
    from psti.regime import library

    real = library().view("uk-psti", b.ON)
    if not real.of_kind("statement-field"):
        pytest.skip("uk-psti regime data has no statement fields")
    loaded = b.declaration()
    body = build_statement(loaded, _via_schedule_2(b.assessment(loaded)), view=real)
    assert {f.id for f in body.fields} == {i.id for i in real.of_kind("statement-field")}
    assert body.requirements[0].route_kind == "schedule-2"
    assert "Schedule 2" in body.compliance_declaration and "PSTI-S2-1.A" in body.compliance_declaration
    d_field = next(f for f in body.fields if f.id == "PSTI-S4-1.1.d")
    assert d_field.value == body.compliance_declaration
    # relying on Schedule 2 makes the standards field required
    bare = b.declaration(tmp_path, drop=("[[deemed_compliance", "id = ", "version = ", "date = 2020", "provisions = "))
    with pytest.raises(InputError, match="PSTI-S4-1.2"):
        build_statement(bare, _via_schedule_2(b.assessment(bare)), view=real)
    # on the Schedule 1 route it is not
    assert build_statement(bare, b.assessment(bare), view=real).standards == ()


def test_statement_json_schema_accepts_issued_and_rejects_broken(view, key):
    import jsonschema

    from psti.documents.statement import statement_json_schema

    schema = statement_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    signed, _ = issue(view, key)
    data = json.loads(signed.to_json())
    jsonschema.validate(data, schema)
    data["statement"]["schema"] = "psti.statement/2"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_hostile_statement_files_are_input_errors(tmp_path):
    from psti.documents.statement import MAX_STATEMENT_BYTES, read_statement_json

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(InputError, match="nested too deeply|too large"):
        read_statement_json(deep)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_STATEMENT_BYTES + 1))
    with pytest.raises(InputError, match="too large"):
        read_statement_json(big)
    arr = tmp_path / "arr.json"
    arr.write_text("[1, 2]")
    with pytest.raises(InputError, match="not a JSON object"):
        read_statement_json(arr)


# --------------------------------------------------------------------------- the shipped law cases

DECLARATIONS = Path(__file__).parents[1] / "declarations"


def _real(name: str, on: dt.date | None = None):
    """A sample declaration assessed by the real engine under the real regime, offline."""
    from psti.assess import assess
    from psti.regime import library

    loaded = load_declaration(DECLARATIONS / name)
    on = on or loaded.declaration.statement.date
    return loaded, assess(loaded, on=on, offline=True), library().view("uk-psti", on)


def test_support_period_at_first_supply_is_the_one_published_by_then_everywhere(key):
    loaded, a, real = _real("extended-support.toml")
    assert a.overall is Verdict.PASS, [r.reason for r in a.requirements]
    body = build_statement(loaded, a, view=real)
    assert body.support_period_end == dt.date(2029, 12, 31)
    field = next(f for f in body.fields if f.id == "PSTI-S4-1.1.e")
    assert field.value == "2029-12-31"
    # reg 8(b): the support period set out in the statement, not today's
    assert body.retention_until == dt.date(2036, 6, 30)
    from psti.documents.publish import statement_html

    html = statement_html(sign_statement(body, key))
    assert "31 December 2029" in html and "2029-12-31" in html
    assert "31 December 2031" not in html.split("Published wording")[0]


def test_earlier_end_dates_without_publication_dates_are_refused_with_the_question():
    loaded, a, real = _real("extended-support-undated.toml")
    with pytest.raises(InputError) as e:
        build_statement(loaded, a, view=real)
    text = str(e.value)
    assert "PSTI-S4-1.1.e" in text and "support_period.history" in text and "published_on" in text


def test_a_statement_names_a_batch_or_serial_range():
    loaded, a, real = _real("no-batch.toml")
    with pytest.raises(InputError) as e:
        build_statement(loaded, a, view=real)
    text = str(e.value)
    assert "PSTI-S4-1.1.a" in text and "`product.batches` or `product.serial_ranges`" in text
    with pytest.raises(InputError):
        build_statement(loaded, a, view=real, draft=True)


def test_retention_of_a_statement_issued_on_1_march_2026():
    loaded, a, real = _real("compliant-camera.toml")
    body = build_statement(loaded, a, view=real)
    assert body.issued_on == dt.date(2026, 3, 1)
    assert body.retention_until == dt.date(2036, 2, 29)


def test_a_label_holder_is_told_the_statement_duty_is_deemed_met():
    loaded, a, real = _real("sg-cls-level-4.toml")
    body = build_statement(loaded, a, view=real)
    assert body.statement_duty_deemed_met is not None
    assert "Sch 2A" in body.statement_duty_deemed_met and "CSA/010326/0042" in body.statement_duty_deemed_met
    plain, pa, _ = _real("compliant-camera.toml")
    assert build_statement(plain, pa, view=real).statement_duty_deemed_met is None
    # before SI 2025/1267 there was no Schedule 2A
    loaded, a, old = _real("sg-cls-level-4.toml", on=dt.date(2025, 12, 1))
    assert build_statement(loaded, a, view=old, draft=True).statement_duty_deemed_met is None


@pytest.mark.parametrize(
    ("name", "code", "expect"),
    [
        ("extended-support.toml", 0, "2029-12-31"),
        ("compliant-camera.toml", 0, "2036-02-29"),
        ("sg-cls-level-4.toml", 0, "Sch 2A"),
        ("no-batch.toml", 2, "`product.batches` or `product.serial_ranges`"),
        ("extended-support-undated.toml", 2, "support_period.history"),
    ],
)
def test_psti_statement_on_the_shipped_declarations(tmp_path, name, code, expect):
    import shutil
    import subprocess
    import sys

    psti = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"
    subprocess.run([psti, "keys", "new", "-o", str(tmp_path / "k.pem")], check=True, capture_output=True)
    r = subprocess.run([psti, "statement", str(DECLARATIONS / name), "-o", str(tmp_path / "out"), "--key",
                        str(tmp_path / "k.pem"), "--no-pdf", "--offline", "--on", "2026-07-01"],
                       capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert r.returncode == code, r.stderr
    assert expect in r.stderr.replace("\n", " ") or expect in (tmp_path / "out" / "statement.json").read_text()
    if code == 0:
        body = json.loads((tmp_path / "out" / "statement.json").read_text())["statement"]
        field = next(f["value"] for f in body["fields"] if f["id"] == "PSTI-S4-1.1.e")
        assert field == body["support_period_end"]
