"""Provisions where the regime data must follow the legislation's words exactly: each test
runs the real engine (or the notice checks) on a declaration under tests/declarations."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from psti.assess import assess
from psti.declaration import load_declaration
from psti.enforcement.notices import check_content
from psti.enforcement.workflow import load_workflow
from psti.errors import InputError
from psti.model import Verdict
from psti.regime import library

DECLARATIONS = Path(__file__).parents[1] / "declarations"
ON = dt.date(2026, 3, 1)
PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"


def _assess(name: str, on: dt.date = ON):
    return assess(load_declaration(DECLARATIONS / name), on=on, offline=True)


def _provision(a, pid: str):
    return next(p for p in a.provisions if p.provision == pid)


def _requirement(a, rid: str):
    return next(r for r in a.requirements if r.requirement == rid)


def test_the_base_declaration_meets_every_requirement() -> None:
    a = _assess("compliant-camera.toml")
    assert a.overall is Verdict.PASS, [(r.requirement, r.reason) for r in a.requirements]


# ---- item: Sch 1 para 3(5) applies only to the manufacturer's own invitations to purchase


def test_para_3_5_does_not_apply_to_a_manufacturer_selling_only_through_retailers() -> None:
    a = _assess("retailer-only.toml")
    assert _provision(a, "PSTI-S1-3.5").verdict is Verdict.NOT_APPLICABLE
    assert _requirement(a, "PSTI-S1-3").verdict is Verdict.PASS
    assert a.overall is Verdict.PASS


def test_para_3_5_with_the_fact_unknown_needs_evidence_and_says_what_to_answer() -> None:
    a = _assess("placement-unknown.toml")
    pv = _provision(a, "PSTI-S1-3.5")
    assert pv.verdict is Verdict.NEEDS_EVIDENCE
    assert "invitation_to_purchase_on_own_site" in pv.reason and "own website" in pv.reason


def test_the_para_3_5_fact_is_a_regime_fact_with_its_question() -> None:
    view = library().view("uk-psti", ON)
    fact = view.facts["support_period.invitation_to_purchase_on_own_site"]
    assert "invitation to purchase" in fact.question and "non-paid-for" in fact.question
    item = view.get("PSTI-S1-3.5")
    assert item.applies_when is not None


# ---- item: para 3(1): only what can receive security updates is covered


def test_a_product_nothing_of_which_can_be_updated_is_outside_para_3() -> None:
    a = _assess("not-updatable.toml")
    for pid in ("PSTI-S1-3.2", "PSTI-S1-3.3", "PSTI-S1-3.4", "PSTI-S1-3.5", "PSTI-S1-3.6"):
        assert _provision(a, pid).verdict is Verdict.NOT_APPLICABLE, pid
    assert _requirement(a, "PSTI-S1-3").verdict is Verdict.NOT_APPLICABLE
    assert a.overall is Verdict.PASS


def test_with_no_support_period_and_updatability_unknown_the_question_is_asked(tmp_path: Path) -> None:
    text = (DECLARATIONS / "not-updatable.toml").read_text().replace("updatable = false\n", "")
    (tmp_path / "p.toml").write_text(text)
    a = assess(load_declaration(tmp_path / "p.toml"), on=ON, offline=True)
    pv = _provision(a, "PSTI-S1-3.2")
    assert pv.verdict is Verdict.NEEDS_EVIDENCE and "product.updatable" in pv.reason


def test_the_updatable_question_covers_companion_apps_limb_d() -> None:
    q = library().view("uk-psti", ON).facts["product.updatable"].question
    assert "companion app" in q and "developed by or on behalf of" in q


# ---- item: para 3(4): five conditions, declared or evidenced


def test_para_3_4_needs_each_of_its_five_conditions() -> None:
    pv = _provision(_assess("support-access-undeclared.toml"), "PSTI-S1-3.4")
    assert pv.verdict is Verdict.NEEDS_EVIDENCE
    for words in ("without prior request", "in English", "free of charge", "without personal information",
                  "understandable without technical knowledge"):
        assert words in pv.reason
    jargon = _provision(_assess("support-jargon.toml"), "PSTI-S1-3.4")
    assert jargon.verdict is Verdict.FAIL and "understandable without technical knowledge" in jargon.reason


# ---- item: JC-STAR: only STAR-1 is recognised; Singapore CLS at any level


def test_a_jc_star_label_at_another_level_is_refused() -> None:
    with pytest.raises(InputError) as e:
        load_declaration(DECLARATIONS / "jc-star-level-3.toml")
    assert "STAR-1" in str(e.value) and "level" in str(e.value)
    r = subprocess.run([PSTI, "scope", str(DECLARATIONS / "jc-star-level-3.toml")], capture_output=True,
                       text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert r.returncode == 2 and "STAR-1" in r.stderr and "Traceback" not in r.stderr


def test_a_singapore_cls_label_at_level_4_meets_every_requirement() -> None:
    a = _assess("sg-cls-level-4.toml")
    for rid in ("PSTI-S1-1", "PSTI-S1-2", "PSTI-S1-3"):
        routes = {r.route: r.verdict for r in _requirement(a, rid).routes}
        assert routes[rid.replace("S1", "S2") + ".C"] is Verdict.PASS


# ---- item: Sch 2A: the label stands in for the statement; importers and distributors


def test_assess_tells_a_label_holder_the_statement_duty_is_deemed_met() -> None:
    a = _assess("sg-cls-level-4.toml")
    told = [f for f in a.findings if f.kind == "DECL-STATEMENT-DEEMED"]
    assert told and "PSTI-S2A-1.B" in told[0].provisions and "deemed met" in told[0].message


def test_importers_and_distributors_record_being_satisfied_of_the_label_conditions() -> None:
    a = _assess("importer-label-check.toml", on=dt.date(2026, 12, 1))
    checks = {f.details["name"]: f for f in a.findings if f.kind == "DECL-LABEL-CHECK"}
    importer = checks["Northgate Imports Ltd"]
    assert importer.effect.value == "info" and "s.15(5)" in importer.message
    distributor = checks["Corner Electronics"]
    assert distributor.effect.value == "needs-evidence" and "expired" in distributor.message
    assert "s.22(3)" in distributor.message


def test_psti_assess_json_on_the_importer_declaration() -> None:
    r = subprocess.run([PSTI, "assess", str(DECLARATIONS / "importer-label-check.toml"), "--format", "json",
                        "--offline", "--on", "2026-03-01"], capture_output=True, text=True, timeout=120,
                       stdin=subprocess.DEVNULL)
    report = json.loads(r.stdout)
    kinds = [f["kind"] for f in report["findings"]]
    assert kinds.count("DECL-LABEL-CHECK") == 2 and "DECL-STATEMENT-DEEMED" in kinds


# ---- item: notices of intent: what the Act requires, and what is psti's own policy


def test_notice_of_intent_content_beyond_the_act_is_cited_as_psti_policy() -> None:
    wf = load_workflow()
    for kind in ("intent", "penalty-intent"):
        nk = wf.notice_kind(kind)
        for r in nk.required:
            if r.field in ("reasons", "amount"):
                assert r.basis == "policy", (kind, r.field)
                assert not r.citation.startswith("Act"), r.citation
    problems = check_content(wf.notice_kind("penalty-intent"), {"representations_by": "2026-04-01"})
    assert any("psti policy" in p and "'Reasons'" in p for p in problems)
    assert any("psti policy" in p and "'Proposed penalty'" in p for p in problems)
    # the Act's own content is still cited to the Act
    assert not any("psti policy" in p for p in check_content(wf.notice_kind("penalty"), {"reasons": "x"})
                   if "Reasons" in p)


# ---- item: the wording of Sch 1 para 3(3), as made and as amended


def test_para_3_3_wording_as_made_and_as_amended() -> None:
    made = library().view("uk-psti", dt.date(2024, 5, 1)).get("PSTI-S1-3.3")
    assert "creating a new defined support period," in made.text
    assert "the new defined support must be published" in made.text
    amended = library().view("uk-psti", dt.date(2025, 3, 1)).get("PSTI-S1-3.3")
    assert "the new defined support period must be published" in amended.text
    assert "SI 2025/211 reg 3" in amended.citation and "period" in amended.text
