from __future__ import annotations

import datetime as dt
import json
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
    doc = json.loads(render(_assessment(), "sarif"))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == len({r["id"] for r in rules}) == 6
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    shadow = by_rule["FW-SHADOW-HASH"]
    assert shadow["kind"] == "fail" and shadow["level"] == "error"
    assert shadow["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "etc/shadow", "uriBaseId": "IMAGEROOT"},
        "region": {"startLine": 3},
    }
    binary = by_rule["FW-BINARY-PASSWORD"]["locations"][0]["physicalLocation"]
    assert binary["artifactLocation"]["uri"] == "usr/bin/a%20b" and binary["region"] == {"byteOffset": 4096}
    assert by_rule["FW-NO-PRIVATE-KEY"]["kind"] == "pass" and "locations" not in by_rule["FW-NO-PRIVATE-KEY"]
    assert by_rule["FW-NOT-EXAMINED"]["kind"] == "review" and by_rule["FW-NOT-EXAMINED"]["level"] == "none"
    assert by_rule["SECTXT-EXPIRED"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(
        "https://"
    )
    assert by_rule["PWB-DUPLICATE"]["locations"][0]["physicalLocation"]["region"] == {"startLine": 8}
    # rule documentation comes from the kinds the assessment carries, and only from there
    documented = next(r for r in rules if r["id"] == "FW-SHADOW-HASH")
    assert documented["help"]["text"] == SHADOW_HASH.how_to_fix
    assert documented["shortDescription"]["text"] == SHADOW_HASH.title
    assert documented["properties"]["provisions"] == ["PSTI-S1-1.2", "EN303645-5.1-1"]
    undocumented = next(r for r in rules if r["id"] == "FW-BINARY-PASSWORD")
    assert undocumented == {"id": "FW-BINARY-PASSWORD", "shortDescription": {"text": "FW-BINARY-PASSWORD"}}
    assert run["artifacts"][0]["hashes"]["sha-256"] == "0" * 64
    assert run["artifacts"][0]["location"]["uri"] == "fw.bin"
    assert run["properties"]["overall"] == "fail"
