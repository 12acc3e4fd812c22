"""Renderers explain findings from the kinds the assessment carries, and write any text
the examined input put into an assessment (file names that are not UTF-8 included)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from psti.kinds import FindingKind
from psti.model import (
    Assessment,
    Effect,
    Evidence,
    Location,
    ProductRef,
    ProvisionVerdict,
    ScopeDecision,
    Verdict,
    make_finding,
    printable,
)
from psti.render import render, render_bytes_or_text
from psti.render.oscal import validate

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"

# A kind no module registers: only the assessment knows its documentation.
LOCAL = FindingKind(
    code="TEST-LOCAL-ONLY",
    title="A kind documented only in the assessment",
    checks="Whether the test finding is there",
    why="Renderers must explain findings from the assessment alone",
    how_to_fix="Carry the documentation of each kind in the assessment.",
    provisions=("PSTI-S1-1.2",),
)

# What os.fsdecode makes of file names that are not UTF-8 (Latin-1 é, a stray 0xff).
LATIN1 = os.fsdecode(b"/etc/ssl/caf\xe9.key")
STRAY = os.fsdecode(b"/etc/wpa_\xff.conf")


def _assessment(path: str | None = None, name: str = "Cam") -> Assessment:
    finding = make_finding(
        LOCAL,
        Effect.FAIL,
        f"private key shipped in {path}" if path else "a finding",
        collector="test",
        location=Location(evidence="ev-1", path=path, offset=0),
        details={"files": [path] if path else [], "by_name": {path or "-": 1}},
    )
    return Assessment(
        tool_version="0.1.0",
        regime="uk-psti",
        regime_versions=("uk-psti-2024",),
        assessed_on=dt.date(2026, 11, 25),
        product=ProductRef(name=name, model="C1", manufacturer="Acme"),
        scope=ScopeDecision(outcome="in-scope", summary="assumed"),
        overall=Verdict.FAIL,
        provisions=(
            ProvisionVerdict(
                provision="PSTI-S1-1.2",
                title="Unique per product",
                citation="Sch 1 para 1(2)",
                verdict=Verdict.FAIL,
                reason=finding.message,
                findings=(0,),
            ),
        ),
        evidence=(
            Evidence(id="ev-1", kind="firmware", source=path or "fw.bin", collector="test", summary=f"{path}"),
        ),
        findings=(finding,),
        kinds=(LOCAL,),
    )


def test_undecodable_bytes_become_escapes() -> None:
    assert printable(LATIN1) == "/etc/ssl/caf\\xe9.key"
    assert printable(STRAY) == "/etc/wpa_\\xff.conf"
    assert printable("/etc/café/ünïcode") == "/etc/café/ünïcode"
    assert printable("lone \ud800 surrogate") == "lone \\ud800 surrogate"


def test_renderers_explain_findings_from_the_assessment_without_loading_evidence() -> None:
    # A fresh interpreter: nothing else has loaded the collectors or registered any kind.
    code = textwrap.dedent(
        f"""
        import json, sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        from tests.render.test_kinds_and_text import _assessment
        from psti.render import render
        a = _assessment()
        out = {{fmt: render(a, fmt) for fmt in ("html", "sarif", "terminal", "json", "oscal")}}
        out["evidence_modules"] = sorted(m for m in sys.modules if m.startswith("psti.evidence"))
        print(json.dumps(out))
        """
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["evidence_modules"] == []
    assert LOCAL.how_to_fix in out["html"] and LOCAL.title in out["html"]
    rule = json.loads(out["sarif"])["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == LOCAL.code and f"How to fix: {LOCAL.how_to_fix}" in rule["help"]["text"]
    assert rule["shortDescription"]["text"] == LOCAL.title
    assert json.loads(out["json"])["kinds"][0]["how_to_fix"] == LOCAL.how_to_fix


def test_report_of_a_saved_assessment_keeps_help_texts(tmp_path: Path) -> None:
    saved = tmp_path / "A.json"
    saved.write_text(_assessment().to_json(), encoding="utf-8")
    assert Assessment.model_validate_json(saved.read_bytes()).kinds == (LOCAL,)
    for fmt in ("html", "sarif"):
        out = tmp_path / f"report.{fmt}"
        r = subprocess.run([PSTI, "report", str(saved), "-f", fmt, "-o", str(out)], capture_output=True, text=True)
        assert r.returncode == 1, r.stderr  # the assessment fails
        assert "Traceback" not in r.stderr
        assert LOCAL.how_to_fix in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [LATIN1, STRAY])
def test_file_names_that_are_not_utf8_render_in_every_format(path: str) -> None:
    a = _assessment(path, name=os.fsdecode(b"fw-\xff.bin"))
    escaped = printable(path)
    assert a.findings[0].location.path == escaped and escaped in a.findings[0].message
    assert a.findings[0].details == {"files": [escaped], "by_name": {escaped: 1}}
    assert a.evidence[0].source == escaped and a.product.name == "fw-\\xff.bin"
    outputs = {fmt: render(a, fmt) for fmt in ("json", "sarif", "html", "terminal", "oscal")}
    for fmt, text in outputs.items():
        text.encode("utf-8")  # strict: a lone surrogate would raise here
        assert escaped.rsplit("/", 1)[1] in text.replace("\\\\", "\\"), fmt
    assert Assessment.model_validate_json(outputs["json"]) == a
    location = json.loads(outputs["sarif"])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    # the URI names the file by its bytes
    assert location["artifactLocation"]["uri"] in ("etc/ssl/caf%E9.key", "etc/wpa_%FF.conf")
    validate(json.loads(outputs["oscal"]))
    assert isinstance(render_bytes_or_text(a, "html"), str)


def test_scan_of_an_image_with_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    root = os.fsencode(tmp_path / "rootfs")
    os.makedirs(root + b"/etc/\xfe\xff")
    for name, body in (
        (b"/etc/passwd", b"root:x:0:0:root:/root:/bin/sh\n"),
        (b"/etc/shadow", b"root:*:1::::::\n"),
        (b"/etc/\xfe\xff/wpa_\xe9.conf", b'network={\n ssid="home"\n psk="Camera12345"\n}\n'),
    ):
        with open(root + name, "wb") as f:
            f.write(body)
    for fmt in ("json", "sarif", "html", "terminal"):
        out = tmp_path / f"out.{fmt}"
        r = subprocess.run(
            [PSTI, "scan", "firmware", os.fsdecode(root), "--format", fmt, "--no-progress", "-o", str(out)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert "Traceback" not in r.stderr, r.stderr
        assert r.returncode == 1, r.stderr  # the Wi-Fi password written in the image fails the scan
        text = out.read_bytes().decode("utf-8")  # strict
        assert "wpa_" in text, fmt
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    paths = {f["location"]["path"] for f in doc["findings"] if f["location"]["path"]}
    assert "/etc/\\xfe\\xff/wpa_\\xe9.conf" in paths
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for loc in result.get("locations", [])
    }
    assert "etc/%FE%FF/wpa_%E9.conf" in uris


@pytest.mark.parametrize(
    ("model", "manufacturer", "heading"),
    [
        ("(not declared)", "(not declared)", "netlink-r300-2.0.1.squashfs"),
        ("-", "-", "netlink-r300-2.0.1.squashfs"),
        ("", "", "netlink-r300-2.0.1.squashfs"),
        ("-", "netlink.example", "netlink-r300-2.0.1.squashfs — netlink.example"),
        ("R300", "Netlink Ltd", "netlink-r300-2.0.1.squashfs (R300) — Netlink Ltd"),
    ],
)
def test_headers_print_what_is_known_of_the_product(model: str, manufacturer: str, heading: str) -> None:
    product = ProductRef(name="netlink-r300-2.0.1.squashfs", model=model, manufacturer=manufacturer)
    assert product.describe() == heading
    a = _assessment().model_copy(update={"product": product})
    first = render(a, "terminal").splitlines()[0]
    assert first.replace("[bold]", "").replace("[/]", "") == heading
    page = render(a, "html")
    assert f"<title>Assessment — {heading} — fail</title>" in page
    assert "(not declared)" not in page and "model -" not in page and "by -" not in page
