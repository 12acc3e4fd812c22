from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema

from psti.kinds import FindingKind
from psti.model import (
    Assessment,
    Effect,
    Evidence,
    Finding,
    Location,
    ProductRef,
    ScopeDecision,
    Verdict,
)
from psti.render import render

SHADOW_HASH = FindingKind(
    code="FW-SHADOW-HASH",
    title="Password hash in the image",
    checks="A crypt hash in /etc/shadow",
    why="Every unit gets the same hash",
    how_to_fix="Lock the account in the image and set a password per unit.",
    provisions=("PSTI-S1-1.2", "EN303645-5.1-1"),
)
SCHEMA = json.loads((Path(__file__).parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text())


def _assessment() -> Assessment:
    def f(kind: str, effect: Effect, **loc: object) -> Finding:
        return Finding(
            kind=kind,
            provisions=("PSTI-S1-1.2",),
            effect=effect,
            message=f"{kind} message",
            collector="firmware",
            location=Location(evidence="firmware-1", **loc),
        )

    return Assessment(
        tool_version="0.1.0",
        regime="uk-psti",
        regime_versions=("uk-psti-2024",),
        assessed_on=dt.date(2026, 11, 25),
        product=ProductRef(name="fw.bin", model="m", manufacturer="a"),
        scope=ScopeDecision(outcome="in-scope", summary="assumed"),
        overall=Verdict.FAIL,
        evidence=(
            Evidence(id="firmware-1", kind="firmware", source="fw.bin", sha256="0" * 64, size=10, collector="firmware"),
        ),
        findings=(
            f("FW-SHADOW-HASH", Effect.FAIL, path="/etc/shadow", line=3),
            f("FW-BINARY-PASSWORD", Effect.FAIL, path="/usr/bin/a b", offset=4096),
            f("FW-NO-PRIVATE-KEY", Effect.PASS),
            f("FW-NOT-EXAMINED", Effect.NEEDS_EVIDENCE, path="/x"),
            f("SECTXT-EXPIRED", Effect.INFO, url="https://example.com/.well-known/security.txt"),
            f("PWB-DUPLICATE", Effect.FAIL, path="batch.csv", row=7),
        ),
        kinds=(SHADOW_HASH,),
    )


def test_sarif_is_valid_and_maps_findings() -> None:
    doc = json.loads(render(_assessment(), "sarif", all_results=True))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == len({r["id"] for r in rules}) == 6
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    shadow = by_rule["FW-SHADOW-HASH"]
    assert shadow["kind"] == "fail" and shadow["level"] == "error"
    physical = shadow["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "etc/shadow"
    assert physical["artifactLocation"]["uriBaseId"] == "IMAGEROOT" and physical["region"] == {"startLine": 3}
    # the file is an artifact inside the image, which is itself an artifact
    inner = run["artifacts"][physical["artifactLocation"]["index"]]
    image = run["artifacts"][inner["parentIndex"]]
    assert image["location"] == {"uri": "fw.bin", "uriBaseId": "SRCROOT"}
    assert image["hashes"]["sha-256"] == "0" * 64
    binary = by_rule["FW-BINARY-PASSWORD"]["locations"][0]["physicalLocation"]
    assert binary["artifactLocation"]["uri"] == "usr/bin/a%20b" and binary["region"] == {"byteOffset": 4096}
    assert by_rule["FW-NO-PRIVATE-KEY"]["kind"] == "pass" and by_rule["FW-NO-PRIVATE-KEY"]["level"] == "none"
    assert by_rule["FW-NOT-EXAMINED"]["kind"] == "review" and by_rule["FW-NOT-EXAMINED"]["level"] == "warning"
    # a web page is a logical location, never an https artifact
    expired = by_rule["SECTXT-EXPIRED"]
    assert expired["level"] == "note"
    assert expired["locations"][0]["logicalLocations"][0] == {
        "fullyQualifiedName": "https://example.com/.well-known/security.txt",
        "kind": "resource",
    }
    assert "://" not in json.dumps([a["location"] for a in run["artifacts"]])
    assert by_rule["PWB-DUPLICATE"]["locations"][0]["physicalLocation"]["region"] == {"startLine": 8}
    # rule documentation comes from the kinds the assessment carries, and only from there
    documented = next(r for r in rules if r["id"] == "FW-SHADOW-HASH")
    assert SHADOW_HASH.how_to_fix in documented["help"]["text"]
    assert documented["helpUri"].endswith("/docs/findings/FW-SHADOW-HASH.md")
    assert documented["shortDescription"]["text"] == SHADOW_HASH.title
    assert documented["properties"]["provisions"] == ["PSTI-S1-1.2", "EN303645-5.1-1"]
    assert documented["properties"]["security-severity"] == "9.0" and "security" in documented["properties"]["tags"]
    undocumented = next(r for r in rules if r["id"] == "FW-BINARY-PASSWORD")
    assert undocumented["shortDescription"] == {"text": "FW-BINARY-PASSWORD"} and "name" not in undocumented
    assert run["properties"]["overall"] == "fail"


def test_only_actionable_results_by_default() -> None:
    run = json.loads(render(_assessment(), "sarif"))["runs"][0]
    assert sorted(r["ruleId"] for r in run["results"]) == [
        "FW-BINARY-PASSWORD", "FW-NOT-EXAMINED", "FW-SHADOW-HASH", "PWB-DUPLICATE"
    ]
    assert {r["kind"] for r in run["results"]} == {"fail", "review"}
    assert run["properties"]["omittedResults"] == 2
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {r["ruleId"] for r in run["results"]}


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PSTI = str(Path(sys.executable).with_name("psti"))


def _sarif_of_example(checkout: Path, example: str, *extra: str) -> dict:
    """`psti assess` on a copy of an example, run from `checkout` as a CI job runs in its checkout."""
    if not (checkout / example).exists():
        shutil.copytree(EXAMPLES / example, checkout / example)
    env = {**os.environ, "PSTI_SUPPORT_HISTORY": "off", "PSTI_DATA_DIR": str(checkout / ".psti")}
    r = subprocess.run(
        [PSTI, "assess", f"{example}/product.toml", "--offline", "--format", "sarif", "--no-progress", *extra],
        capture_output=True, text=True, cwd=checkout, env=env, timeout=300,
    )
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _check_code_scanning(doc: dict, checkout: Path) -> None:
    """What GitHub code scanning (and the upload-sarif action) needs of a result."""
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    assert not [s for s in _strings(doc) if str(checkout) in s or "/tmp/" in s], "a host path leaks"
    run = doc["runs"][0]
    assert run["automationDetails"]["id"].startswith("psti/uk-psti/")
    bases = run["originalUriBaseIds"]
    for art in run["artifacts"]:
        assert art["location"]["uriBaseId"] in bases
        assert "://" not in art["location"]["uri"] and not art["location"]["uri"].startswith("/")
    for rule in run["tool"]["driver"]["rules"]:
        assert 0.0 <= float(rule["properties"]["security-severity"]) <= 10.0
        assert "security" in rule["properties"]["tags"]
        assert rule["help"]["text"].strip() not in ("", "—") and "How to fix: —" not in rule["help"]["text"]
    for result in run["results"]:
        assert len(result["partialFingerprints"]["psti/v1"]) >= 32
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert "://" not in uri and not uri.startswith("/") and physical["artifactLocation"]["uriBaseId"] in bases
        assert physical["region"]["startLine"] >= 1
    fingerprints = [r["partialFingerprints"]["psti/v1"] for r in run["results"]]
    assert len(fingerprints) == len(set(fingerprints))


def test_sarif_of_an_example_meets_code_scanning_rules(tmp_path: Path) -> None:
    first, second = tmp_path / "checkout-a", tmp_path / "elsewhere" / "checkout-b"
    doc = _sarif_of_example(first, "router")
    _check_code_scanning(doc, first)
    run = doc["runs"][0]
    assert {r["kind"] for r in run["results"]} <= {"fail", "review"} and run["properties"]["omittedResults"] > 0
    # the failing declaration results are placed on their field in the TOML
    toml = (first / "router" / "product.toml").read_text().splitlines()
    declared = [r for r in run["results"] if r["ruleId"] == "DECL-PASSWORDS"]
    assert declared and all(r["kind"] == "fail" for r in declared)
    for r in declared:
        physical = r["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "router/product.toml"
        region = physical["region"]
        field = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        line = toml[region["startLine"] - 1]
        key = field.split(".")[-1].split("[")[0]
        assert line[region["startColumn"] - 1 :].startswith(key), (field, line)
    # a page that was not fetched is a logical location, placed where the declaration names it
    web = next(r for r in run["results"] if r["ruleId"] == "WEB-OFFLINE")
    url = web["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
    region = web["locations"][0]["physicalLocation"]["region"]
    assert toml[region["startLine"] - 1][region["startColumn"] - 1 :].startswith(url)
    # the same finding in another checkout gets the same fingerprint
    again = _sarif_of_example(second, "router")["runs"][0]
    assert [r["partialFingerprints"] for r in again["results"]] == [r["partialFingerprints"] for r in run["results"]]


def test_all_results_keeps_passes_on_record(tmp_path: Path) -> None:
    doc = _sarif_of_example(tmp_path, "smart-camera", "--all-results")
    _check_code_scanning(doc, tmp_path)
    run = doc["runs"][0]
    assert {"pass", "notApplicable", "informational"} <= {r["kind"] for r in run["results"]}
    assert run["properties"]["omittedResults"] == 0
    batch = next(r for r in run["results"] if r["ruleId"] == "PWB-UNIQUE")
    assert batch["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "smart-camera/factory/passwords-batch-2026w10.csv",
        "uriBaseId": "SRCROOT",
        "index": batch["locations"][0]["physicalLocation"]["artifactLocation"]["index"],
    }
