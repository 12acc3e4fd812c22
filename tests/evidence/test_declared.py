"""Every Schedule 1 provision decided from declared facts alone (the declaration collector)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import tomli_w

from psti.assess import assess
from psti.declaration import LoadedDeclaration, parse_declaration
from psti.evidence.declared import DeclarationCollector
from psti.model import Effect

ON = dt.date(2026, 1, 1)
BASE = {
    "product": {"name": "P", "type": "t", "model": "m", "category": "smart-camera", "consumer": True,
                "previously_supplied": False},
    "manufacturer": [{"name": "M", "address": "A"}],
    "connectivity": {"internet": True},
}
GOOD_REPORTING = {
    "contacts": ["mailto:security@m.example"], "policy_url": "https://m.example/vdp",
    "acknowledgement_days": 5, "status_update_days": 30, "free_of_charge": True, "english": True,
    "without_personal_information": True, "without_prior_request": True,
}
GOOD_SUPPORT = {"end_date": dt.date(2031, 12, 31), "published_url": "https://m.example/p",
                "invitation_to_purchase_on_own_site": True, "alongside_invitation_to_purchase": True,
                "without_prior_request": True, "english": True, "free_of_charge": True,
                "without_personal_information": True, "understandable_without_technical_knowledge": True}


def verdicts(tmp_path: Path, **sections) -> dict[str, str]:
    raw = {**BASE, **sections}
    path = tmp_path / "p.toml"
    path.write_text(tomli_w.dumps(raw))
    loaded = LoadedDeclaration(declaration=parse_declaration(path.read_text()), path=path, sha256="0" * 64)
    a = assess(loaded, on=ON, collectors=["declaration"])
    return {p.provision: p.verdict.value for p in a.provisions}


@pytest.mark.parametrize(
    ("passwords", "expected"),
    [
        ({"scheme": "user-defined"}, {"PSTI-S1-1.2": "pass", "PSTI-S1-1.3.a": "not-applicable",
                                      "PSTI-S1-1.3.d": "not-applicable"}),
        ({"scheme": "universal"}, {"PSTI-S1-1.2": "fail", "EN303645-5.1-1": "fail"}),
        ({"scheme": "unique-per-device", "generation": "random"},
         {"PSTI-S1-1.2": "pass", "PSTI-S1-1.3.a": "pass", "PSTI-S1-1.3.b": "pass", "PSTI-S1-1.3.c": "pass",
          "PSTI-S1-1.3.d": "pass", "EN303645-5.1-2": "pass"}),
        ({"scheme": "unique-per-device", "generation": "keyed-hash"}, {"PSTI-S1-1.3.c": "pass"}),
        ({"scheme": "unique-per-device", "generation": "counter"},
         {"PSTI-S1-1.2": "pass", "PSTI-S1-1.3.a": "fail", "EN303645-5.1-2": "fail"}),
        ({"scheme": "unique-per-device", "generation": "identifier-derived"}, {"PSTI-S1-1.3.c": "fail"}),
        ({"scheme": "unique-per-device", "generation": "public-info-derived"}, {"PSTI-S1-1.3.b": "fail"}),
        ({"scheme": "unique-per-device"}, {"PSTI-S1-1.3.a": "needs-evidence"}),
        ({"used": False}, {"PSTI-S1-1.2": "not-applicable", "PSTI-S1-1.3.d": "not-applicable"}),
        ({"scheme": "user-defined", "accounts": [{"name": "root", "interface": "telnet", "scheme": "universal"}]},
         {"PSTI-S1-1.2": "fail"}),
    ],
)
def test_password_provisions(tmp_path: Path, passwords: dict, expected: dict[str, str]) -> None:
    got = verdicts(tmp_path, passwords=passwords)
    for pid, verdict in expected.items():
        assert got[pid] == verdict, (pid, got)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, {"PSTI-S1-2.2.a": "pass", "PSTI-S1-2.2.b": "pass", "PSTI-S1-2.3": "pass", "EN303645-5.2-1": "pass",
              "ISO29147-6.2.5": "pass", "ISO29147-6.5": "pass"}),
        ({"contacts": ["security@m.example"]}, {"PSTI-S1-2.2.a": "fail"}),
        ({"status_update_days": None}, {"PSTI-S1-2.2.b": "needs-evidence"}),
        ({"free_of_charge": False}, {"PSTI-S1-2.3": "fail"}),
        ({"english": None}, {"PSTI-S1-2.3": "needs-evidence"}),
        ({"policy_url": None}, {"EN303645-5.2-1": "needs-evidence"}),
    ],
)
def test_reporting_provisions(tmp_path: Path, change: dict, expected: dict[str, str]) -> None:
    reporting = {k: v for k, v in {**GOOD_REPORTING, **change}.items() if v is not None}
    got = verdicts(tmp_path, reporting=reporting)
    for pid, verdict in expected.items():
        assert got[pid] == verdict, (pid, got)


def test_no_reporting_information_needs_evidence(tmp_path: Path) -> None:
    got = verdicts(tmp_path)
    assert got["PSTI-S1-2.2.a"] == "needs-evidence"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, {"PSTI-S1-3.2": "pass", "PSTI-S1-3.3": "not-applicable", "PSTI-S1-3.4": "pass", "PSTI-S1-3.5": "pass",
              "PSTI-S1-3.6": "pass", "EN303645-5.3-13": "pass"}),
        ({"end_date": None, "statement": "for the lifetime of the product"},
         {"PSTI-S1-3.2": "fail", "EN303645-5.3-13": "fail"}),
        ({"published_url": None}, {"PSTI-S1-3.2": "needs-evidence"}),
        ({"previous_end_dates": [dt.date(2032, 6, 30)]}, {"PSTI-S1-3.6": "fail"}),
        ({"previous_end_dates": [dt.date(2029, 6, 30)]}, {"PSTI-S1-3.3": "pass", "PSTI-S1-3.6": "pass"}),
        ({"alongside_invitation_to_purchase": False}, {"PSTI-S1-3.5": "fail"}),
        ({"alongside_invitation_to_purchase": None}, {"PSTI-S1-3.5": "needs-evidence"}),
        ({"invitation_to_purchase_on_own_site": False, "alongside_invitation_to_purchase": None},
         {"PSTI-S1-3.5": "not-applicable"}),
        ({"english": None}, {"PSTI-S1-3.4": "needs-evidence"}),
        ({"free_of_charge": False}, {"PSTI-S1-3.4": "fail"}),
        ({"history": [{"end_date": dt.date(2032, 6, 30), "published_on": dt.date(2025, 1, 1)},
                      {"end_date": dt.date(2031, 12, 31), "published_on": dt.date(2026, 1, 1)}]},
         {"PSTI-S1-3.6": "fail"}),
        ({"history": [{"end_date": dt.date(2029, 6, 30), "published_on": dt.date(2025, 1, 1)},
                      {"end_date": dt.date(2031, 12, 31), "published_on": dt.date(2026, 1, 1)}]},
         {"PSTI-S1-3.3": "pass", "PSTI-S1-3.6": "pass"}),
    ],
)
def test_support_period_provisions(tmp_path: Path, change: dict, expected: dict[str, str]) -> None:
    support = {k: v for k, v in {**GOOD_SUPPORT, **change}.items() if v is not None}
    got = verdicts(tmp_path, support_period=support)
    for pid, verdict in expected.items():
        assert got[pid] == verdict, (pid, got)


def test_labels_meet_requirements_only_while_unexpired(tmp_path: Path) -> None:
    label = {"scheme": "sg-cls", "id": "CSA/010125/1", "level": 1}
    raw = {**BASE, "deemed_compliance": {"labels": [{**label, "expires": dt.date(2027, 1, 1)}]}}
    path = tmp_path / "p.toml"
    path.write_text(tomli_w.dumps(raw))
    loaded = LoadedDeclaration(declaration=parse_declaration(path.read_text()), path=path, sha256="0" * 64)
    a = assess(loaded, on=ON, collectors=["declaration"])
    assert {r.requirement: r.verdict.value for r in a.requirements} == {
        "PSTI-S1-1": "pass", "PSTI-S1-2": "pass", "PSTI-S1-3": "pass"}
    before_amd2 = assess(loaded, on=dt.date(2025, 6, 1), collectors=["declaration"])
    assert before_amd2.overall.value == "needs-evidence"
    expired = assess(loaded, on=dt.date(2027, 6, 1), collectors=["declaration"])
    assert expired.overall.value == "needs-evidence"


def test_ics_entries_decide_en_303_645_provisions(tmp_path: Path) -> None:
    ics = {"5.4-1": {"support": "supported", "detail": "keys in secure element"},
           "5.6-4": {"support": "not-applicable", "detail": "no debug interface"},
           "5.13-1": {"support": "not-supported"}}
    raw = {**BASE, "ics": ics}
    path = tmp_path / "p.toml"
    path.write_text(tomli_w.dumps(raw))
    loaded = LoadedDeclaration(declaration=parse_declaration(path.read_text()), path=path, sha256="0" * 64)
    a = assess(loaded, on=ON, regime="etsi-en-303-645", collectors=["declaration"])
    got = {p.provision: p.verdict.value for p in a.provisions}
    assert got["EN303645-5.4-1"] == "pass"
    assert got["EN303645-5.6-4"] == "not-applicable"
    assert got["EN303645-5.13-1"] == "fail"
    assert {r.requirement: r.verdict.value for r in a.requirements}["EN303645-5.13"] == "fail"


def test_findings_are_of_declared_kinds_and_say_how_to_fix(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(tomli_w.dumps({
        **BASE,
        "passwords": {"scheme": "universal"},
        "reporting": {**GOOD_REPORTING, "english": False},
        "support_period": {"end_date": dt.date(2031, 12, 31)},
    }))
    loaded = LoadedDeclaration(declaration=parse_declaration(path.read_text()), path=path, sha256="0" * 64)
    a = assess(loaded, on=ON, collectors=["declaration"])
    kinds = {k.code: k for k in DeclarationCollector.kinds}
    assert {f.kind for f in a.findings} <= set(kinds)
    by_message = {f.message: f for f in a.findings}
    universal = next(f for m, f in by_message.items() if "same password is set on every unit" in m)
    assert universal.remediation == "Make the user set the password at first use, or set a random password per unit."
    # no remediation of its own: the kind's how-to-fix
    english = next(f for m, f in by_message.items() if "not available in English" in m)
    assert english.effect is Effect.FAIL and english.remediation == kinds["DECL-REPORTING"].how_to_fix
    unpublished = next(f for m, f in by_message.items() if "not where or how it is published" in m)
    assert unpublished.remediation == kinds["DECL-SUPPORT-PERIOD"].how_to_fix
    assert all(f.remediation for f in a.findings if f.effect in (Effect.FAIL, Effect.NEEDS_EVIDENCE))
    assert not any(f.remediation for f in a.findings if f.effect in (Effect.PASS, Effect.NOT_APPLICABLE))
