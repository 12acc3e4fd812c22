"""Assessment reports: HTML (single file), PDF, OSCAL; rendered from test assessments
and from the examples assessed by the engine."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import builders as b
import pytest
from PIL import Image

from psti.assess import assess
from psti.declaration import load_declaration
from psti.model import Effect, Finding, Verdict
from psti.render import html, oscal, pdf
from tests.chromium import needs_chromium, screenshot

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def failing():
    return b.assessment(b.declaration(), passwords=Verdict.FAIL, reporting=Verdict.NEEDS_EVIDENCE)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for k in ("src", "href"):
            if a.get(k):
                self.refs.append(a[k])

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_groups_findings_and_links_evidence(failing):
    page = html.render(failing)
    p = _Collect()
    p.feed(page)
    # single file: every reference is an in-page anchor, nothing external
    assert p.refs and all(r.startswith("#") for r in p.refs)
    text = " ".join(" ".join(p.text).split())
    assert "Overall: fail" in text
    # grouped by requirement, in order, with the verdict of each provision
    order = [text.index(f"{r} ") for r in ("PSTI-S1-1 Passwords", "PSTI-S1-2 Information", "PSTI-S1-3 Information")]
    assert order == sorted(order)
    assert "root has the same crypt hash on every unit" in text
    assert "at /etc/shadow, line 1 in ev-firmware" in text
    assert "https://brightlane.example/.well-known/security.txt, line 2" in text
    # remediation per finding kind
    assert "Remove the built-in password; provision a unique one per unit." in text
    # evidence table carries hashes, and finding links resolve
    assert failing.evidence[1].sha256 in page
    for ref in p.refs:
        if ref.startswith("#ev-") or ref.startswith("#PSTI"):
            assert ref[1:] in p.ids, ref


def test_verdict_chart_counts(failing):
    svg = html.verdict_chart(failing)
    assert 'aria-label="Verdicts on provisions: pass 2, fail 1, needs-evidence 1, not-applicable 0"' in svg


def test_findings_on_no_provision_are_shown_apart(failing):
    extra = failing.model_copy(
        update={
            "findings": failing.findings
            + (
                Finding(
                    kind="TEST-KEY",
                    provisions=("EN303645-5.4-3",),
                    effect=Effect.INFO,
                    message="hard-coded private key",
                    collector="firmware",
                    remediation="Remove it.",
                ),
            )
        }
    )
    groups, loose = html.group_findings(extra)
    assert [f.kind for f in loose] == ["TEST-KEY"]
    assert "Other findings" in html.render(extra) and "Remove it." in html.render(extra)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_report_text_and_pages(failing, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.render(failing))
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout.split()
    )
    for needle in (
        "Assessment report",
        "Brightlane Indoor Camera",
        "Overall: fail",
        "PSTI-S1-1.2",
        "universal password",
        "How to fix",
        "Evidence",
    ):
        assert needle in text, needle
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == 2
    m = re.search(r"page 1 of (\d+)", text)
    assert m and int(m.group(1)) == len(pages)


def test_oscal_validates_and_maps_verdicts(failing):
    doc = oscal.build(failing)
    oscal.validate(doc)
    result = doc["assessment-results"]["results"][0]
    states = {f["target"]["target-id"]: f["target"]["status"]["state"] for f in result["findings"]}
    assert states == {
        "PSTI-S1-1.2": "not-satisfied",
        "PSTI-S1-1.3.a": "satisfied",
        "PSTI-S1-2.2.a": "not-satisfied",
        "PSTI-S1-3.2": "satisfied",
    }
    verdict = {
        f["target"]["target-id"]: [p["value"] for p in f["props"] if p["name"] == "psti-verdict"][0]
        for f in result["findings"]
    }
    assert verdict["PSTI-S1-2.2.a"] == "needs-evidence"
    obs = {o["uuid"]: o for o in result["observations"]}
    first = result["findings"][0]["related-observations"][0]["observation-uuid"]
    assert obs[first]["description"].startswith("root has the same crypt hash")
    assert "sha256" in obs[first]["relevant-evidence"][0]["description"]
    assert oscal.build(failing) == doc  # deterministic


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["assessment-results"]["results"][0]["findings"][0]["target"].pop("target-id"),
        lambda d: d["assessment-results"]["metadata"].__setitem__("last-modified", "yesterday"),
        lambda d: d["assessment-results"]["results"][0]["observations"][0].__setitem__("methods", "TEST"),
    ],
)
def test_oscal_validation_catches_broken_documents(failing, breakage):
    doc = copy.deepcopy(oscal.build(failing))
    breakage(doc)
    with pytest.raises(ValueError):
        oscal.validate(doc)


@pytest.mark.parametrize("example", ["smart-camera", "smart-plug", "router", "laptop"])
def test_reports_from_the_examples(example, tmp_path):
    decl = EXAMPLES / example / "product.toml"
    if not decl.exists():
        pytest.skip(f"example {example} not present")
    a = assess(load_declaration(decl), offline=True)
    page = html.render(a)
    assert a.product.name in page and f'Overall: <span class="badge v-{a.overall.value}">' in page
    oscal.validate(json.loads(oscal.render(a)))


@pytest.mark.browser
@needs_chromium
def test_html_report_renders_in_chromium(failing, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(failing))
    shot = tmp_path / "shot.png"
    screenshot(page.as_uri(), shot, 1100, 900)
    img = Image.open(shot).convert("RGB")
    colours = {c for _, c in img.getcolors(maxcolors=1 << 20)}
    # the fail badge and the chart's bars are drawn in their verdict colours
    assert (0xB3, 0x26, 0x1E) in colours and (0x1B, 0x7F, 0x3B) in colours


def _nist_validator():
    """NIST's OSCAL 1.2.3 complete JSON schema (tests/data/oscal). Its one Unicode-class
    pattern (a token: letters, digits, `.-_`) is written for Python's `re`."""
    import jsonschema

    text = (Path(__file__).parents[1] / "data" / "oscal" / "oscal_complete_schema.json").read_text()
    schema = json.loads(text.replace(r"\\p{L}", r"[^\\W\\d_]").replace(r"\\p{N}", r"\\d"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_oscal_documents_resolve_and_validate(tmp_path):
    from trestle.oscal import OSCAL_VERSION

    out = tmp_path / "oscal"
    r = subprocess.run(
        [str(Path(sys.executable).with_name("psti")), "report", str(EXAMPLES / "router" / "product.toml"),
         "-f", "oscal", "--offline", "--oscal-dir", str(out)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PSTI_SUPPORT_HISTORY": "off", "PSTI_DATA_DIR": str(tmp_path / "data")},
    )
    assert r.returncode == 1, r.stderr  # the router fails
    nist = _nist_validator()
    docs = {p.name: json.loads(p.read_text()) for p in out.iterdir()}
    assert set(docs) == set(oscal.FILES.values())
    for name, doc in docs.items():
        oscal.validate(doc)  # compliance-trestle's model of its kind
        assert not [e.message for e in nist.iter_errors(doc)], name
        assert next(iter(doc.values()))["metadata"]["oscal-version"] == OSCAL_VERSION
    # each document names the next by a relative href that resolves beside it
    chain = [
        ("assessment-results.json", lambda d: d["assessment-results"]["import-ap"]["href"]),
        ("assessment-plan.json", lambda d: d["assessment-plan"]["import-ssp"]["href"]),
        ("ssp.json", lambda d: d["system-security-plan"]["import-profile"]["href"]),
        ("profile.json", lambda d: d["profile"]["imports"][0]["href"]),
    ]
    for name, href in chain:
        target = out / href(docs[name])
        assert target.is_file(), (name, href(docs[name]))
    assert href(docs["profile.json"]) == "catalog.json"
    # every control the plan and the results name is in the catalogue
    controls = {c["id"] for g in docs["catalog.json"]["catalog"]["groups"] for c in g["controls"]}
    reviewed = docs["assessment-plan.json"]["assessment-plan"]["reviewed-controls"]["control-selections"][0]
    assert {c["control-id"] for c in reviewed["include-controls"]} == controls
    results = docs["assessment-results.json"]["assessment-results"]["results"][0]
    targets = {f["target"]["target-id"] for f in results["findings"]}
    assert targets == controls
    # a broken document fails the NIST schema as well as trestle's model
    broken = copy.deepcopy(docs["assessment-plan.json"])
    del broken["assessment-plan"]["import-ssp"]
    assert list(nist.iter_errors(broken))
    with pytest.raises(ValueError):
        oscal.validate(broken)
    # compliance-trestle imports them into a workspace
    ws = tmp_path / "workspace"
    ws.mkdir()
    trestle = str(Path(sys.executable).with_name("trestle"))
    assert subprocess.run([trestle, "init"], cwd=ws, capture_output=True, timeout=120).returncode == 0
    for kind, name in (("catalogs", "catalog"), ("profiles", "profile"), ("assessment-plans", "assessment-plan"),
                       ("assessment-results", "assessment-results")):
        r = subprocess.run([trestle, "import", "-f", str(out / f"{name}.json"), "-o", f"psti-{name}"],
                           cwd=ws, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0 and (ws / kind / f"psti-{name}" / f"{name}.json").is_file(), r.stderr
