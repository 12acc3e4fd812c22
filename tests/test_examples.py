"""The shipped examples give the verdicts the README describes, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import psti

EXPECTED = {
    # example: (exit code, overall, scope outcome, {requirement: verdict})
    "smart-camera": (0, "pass", "in-scope", {"PSTI-S1-1": "pass", "PSTI-S1-2": "pass", "PSTI-S1-3": "pass"}),
    "router": (1, "fail", "in-scope", {"PSTI-S1-1": "fail"}),
    "smart-plug": (1, "fail", "in-scope", {"PSTI-S1-1": "pass", "PSTI-S1-3": "fail"}),
    "laptop": (0, "not-applicable", "excepted", {"PSTI-S1-1": "not-applicable"}),
}


@pytest.mark.parametrize("example", sorted(EXPECTED))
def test_example_verdicts(examples_dir: Path, example: str) -> None:
    code, overall, scope, requirements = EXPECTED[example]
    r = psti("assess", str(examples_dir / example / "product.toml"), "--offline", "--format", "json",
             "--on", "2026-11-25")
    assert r.returncode == code, r.stderr
    report = json.loads(r.stdout)
    assert report["overall"] == overall
    assert report["scope"]["outcome"] == scope
    got = {req["requirement"]: req["verdict"] for req in report["requirements"]}
    for requirement, verdict in requirements.items():
        assert got[requirement] == verdict, (requirement, report["requirements"])


def test_router_failure_names_the_universal_password_and_its_citation(examples_dir: Path) -> None:
    r = psti("assess", str(examples_dir / "router" / "product.toml"), "--offline", "--on", "2026-11-25")
    assert r.returncode == 1
    assert "PSTI-S1-1.2" in r.stdout and "Sch 1 para 1" in r.stdout


def test_regime_show_before_the_regime_says_it_did_not_apply_yet() -> None:
    r = psti("regime", "show", "--on", "2023-06-01")
    assert r.returncode == 0
    assert "not in force" in r.stdout and "2024-04-29" in r.stdout


def test_regime_show_lists_every_schedule_item_with_citations() -> None:
    r = psti("regime", "show", "--format", "json", "--on", "2026-01-01")
    assert r.returncode == 0
    items = {i["id"]: i for i in json.loads(r.stdout)["items"]}
    for prefix in ("PSTI-S1-", "PSTI-S2-", "PSTI-S3-", "PSTI-S4-"):
        assert any(i.startswith(prefix) for i in items), prefix
    for n in range(1, 9):
        assert f"PSTI-S3-{n}" in items
    assert all(i["citation"] for i in items.values())
    r = psti("regime", "show", "--on", "2026-01-01")
    assert "PSTI-S1-1.3.c" in r.stdout and "Sch 1 para 1" in r.stdout


def test_regime_list_shows_each_regime() -> None:
    r = psti("regime", "list")
    assert r.returncode == 0
    for regime in ("uk-psti", "etsi-en-303-645", "iso-iec-29147", "uk-cop-2018"):
        assert regime in r.stdout


def test_assess_against_en_303_645(examples_dir: Path) -> None:
    r = psti("assess", str(examples_dir / "router" / "product.toml"), "--regime", "etsi-en-303-645",
             "--format", "json", "--offline")
    report = json.loads(r.stdout)
    assert report["regime"] == "etsi-en-303-645"
    by_req = {q["requirement"]: q["verdict"] for q in report["requirements"]}
    assert by_req["EN303645-5.1"] == "fail"
    assert r.returncode == 1


def test_assess_passes_collector_options_and_checks_them(examples_dir: Path, tmp_path: Path) -> None:
    camera = str(examples_dir / "smart-camera" / "product.toml")
    r = psti("assess", camera, "--offline", "--support-history", "sometimes")
    assert r.returncode == 2 and "--support-history" in r.stderr
    r = psti("assess", camera, "--offline", "--key", str(tmp_path / "missing.asc"))
    assert r.returncode == 2 and "no such file" in r.stderr
    r = psti("assess", camera, "--offline", "--support-history", "off", "--crack-seconds", "5", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["overall"] == "pass"
