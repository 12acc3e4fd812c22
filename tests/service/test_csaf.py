"""CSAF 2.0 advisories from the registry: what the report and advisory hold, at a
canonical URL the service serves, under a publisher namespace it serves, validated with
the `csaf` validator (CSAF 2.0: schema, mandatory tests 6.1 and the optional tests 6.2)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from psti.documents import csaf
from tests.service.conftest import World

CSAF = str(Path(sys.executable).with_name("csaf"))
VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"


def _validate(doc: bytes, tmp_path: Path, *skip: str) -> str:
    """Run the CSAF 2.0 validator (preset `extended`: schema, mandatory and optional
    tests); the exit code says whether every test that ran passed."""
    path = tmp_path / f"{json.loads(doc)['document']['tracking']['id'].lower()}.json"
    path.write_bytes(doc)
    args = [CSAF, "validate", "--spec-version", "v20", "--preset", "extended", "--no-network", str(path)]
    if skip:
        args += ["--skip-rules", ",".join(skip)]
    r = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def _resolved_report(w: World, severity: str = "high") -> str:
    # published over HTTPS, as CSAF's canonical URL (test 6.2.11) asks
    w.app.state.psti.settings.public_url = "https://registry.example"
    w.product("acme", "CAM-1")
    r = w.post(
        "anonymous",
        "/api/v1/manufacturers/acme/reports",
        json={"title": "Telnet open with root:root", "description": "Port 23 accepts root/root on CAM-1.",
              "severity": severity, "product_model": "CAM-1"},
    )
    rid = r.json()["id"]
    for status in ("fixing", "resolved"):
        r = w.post("acme", f"/api/v1/reports/{rid}/status", json={"status": status, "message": "m"})
        assert r.status_code == 200, r.text
    return rid


def test_csaf_carries_the_advisory_and_validates(world: World, tmp_path: Path) -> None:
    w = world
    rid = _resolved_report(w)
    bad = w.post("acme", f"/api/v1/reports/{rid}/advisory",
                 json={"summary": "s", "cvss_vector": "CVSS:3.1/AV:X", "fixed_versions": ["1.3"]})
    assert bad.status_code == 422
    assert {p["field"] for p in bad.json()["problems"]} == {"cvss_vector"}
    assert w.client.get(f"/api/v1/reports/{rid}/csaf").status_code == 404  # the bad one published nothing
    r = w.post(
        "acme",
        f"/api/v1/reports/{rid}/advisory",
        json={
            "summary": "Telnet with a fixed root password was enabled in firmware 1.1 and 1.2.",
            "cve": "CVE-2026-10001",
            "cvss_vector": VECTOR,
            "affected_versions": ["1.1", "1.2"],
            "fixed_versions": ["1.3"],
            "remediation": "Install firmware 1.3 from the app; until then, keep the camera off untrusted networks.",
        },
    )
    assert r.status_code == 200, r.text
    served = w.client.get(f"/api/v1/reports/{rid}/csaf")
    assert served.status_code == 200 and served.headers["content-type"].startswith("application/json")
    doc = served.json()
    document, vuln = doc["document"], doc["vulnerabilities"][0]
    assert document["distribution"]["tlp"]["label"] == "WHITE"
    assert document["aggregate_severity"]["text"] == "high"
    score = vuln["scores"][0]["cvss_v3"]
    assert score["vectorString"] == VECTOR and score["baseScore"] == 9.8 and score["baseSeverity"] == "CRITICAL"
    remediation = vuln["remediations"][0]
    assert remediation["category"] == "vendor_fix" and remediation["details"].startswith("Install firmware 1.3")
    assert remediation["details"] != vuln["notes"][0]["text"]
    product = doc["product_tree"]["branches"][0]["branches"][0]
    assert product["category"] == "product_name" and product["name"] == "Camera CAM-1"  # not name and model
    by_version = {b["name"]: b["product"] for b in product["branches"]}
    assert set(by_version) == {"1.1", "1.2", "1.3"}
    assert all(p["product_identification_helper"] == {"model_numbers": ["CAM-1"]} for p in by_version.values())
    status = vuln["product_status"]
    assert status["known_affected"] == [by_version["1.1"]["product_id"], by_version["1.2"]["product_id"]]
    assert status["fixed"] == [by_version["1.3"]["product_id"]]
    # the canonical URL and the publisher namespace are pages the service serves
    self_url = next(ref["url"] for ref in document["references"] if ref["category"] == "self")
    assert self_url.endswith(f"/{document['tracking']['id'].lower()}.json")
    canonical = w.client.get(urlsplit(self_url).path)
    assert canonical.status_code == 200 and canonical.content == served.content
    namespace = w.client.get(urlsplit(document["publisher"]["namespace"]).path)
    assert namespace.status_code == 200 and urlsplit(self_url).path in namespace.text
    assert w.client.get("/advisories/psti-000000000000.json").status_code == 404
    out = _validate(served.content, tmp_path)
    assert "6.2.10" in out and "6.2.11" in out and "6.2.16" in out  # TLP, canonical URL, helpers were tested


def test_csaf_without_details_still_validates(world: World, tmp_path: Path) -> None:
    w = world
    rid = _resolved_report(w, severity="unknown")
    assert w.post("acme", f"/api/v1/reports/{rid}/advisory", json={"summary": "Telnet disabled."}).status_code == 200
    served = w.client.get(f"/api/v1/reports/{rid}/csaf")
    doc = served.json()
    assert "aggregate_severity" not in doc["document"]  # the reporter gave none
    remediation = doc["vulnerabilities"][0]["remediations"][0]
    assert remediation["category"] == "none_available" and remediation["details"] != "Telnet disabled."
    # 6.2.3 (a score for every affected product) applies only where a CVSS vector was given
    _validate(served.content, tmp_path, "6.2.3")


def test_cvss_base_scores_follow_the_specification() -> None:
    cases = {
        VECTOR: (9.8, "CRITICAL"),
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H": (10.0, "CRITICAL"),
        "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N": (5.5, "MEDIUM"),
        "CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:C/C:L/I:L/A:N": (3.7, "LOW"),
        "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N": (0.0, "NONE"),
    }
    for vector, (score, severity) in cases.items():
        got = csaf.cvss_v31(vector)
        assert (got["baseScore"], got["baseSeverity"]) == (score, severity), vector


def test_a_document_built_offline_names_its_file_as_csaf_asks() -> None:
    a = csaf.Advisory(public_id="ab12" * 8, title="t", summary="s", published=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
                      publisher="Acme", publisher_slug="acme")
    assert a.filename == "psti-ab12ab12ab12.json"
    assert csaf.canonical_url("https://r.example/", a) == "https://r.example/advisories/psti-ab12ab12ab12.json"
