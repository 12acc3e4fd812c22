"""Statements rendered to files: PDFs read back with pdftotext and pdftoppm."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import builders as b
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.documents.publish import statement_outputs
from psti.documents.statement import build_statement, sign_statement
from psti.model import Verdict

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_pages(path: Path, tmp: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp / "page")], check=True)
    return sorted(tmp.glob("page-*.png"))


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    out = tmp_path_factory.mktemp("statement")
    loaded = b.declaration()
    a = b.assessment(loaded)
    signed = sign_statement(
        build_statement(loaded, a, view=b.view(), assessment_file="statement-assessment.json"),
        Ed25519PrivateKey.generate(),
    )
    statement_outputs(signed, a).write(out)
    return out, signed


def test_writes_every_form(issued):
    out, _ = issued
    assert sorted(p.name for p in out.iterdir()) == [
        "statement-assessment.json",
        "statement-summary.html",
        "statement-summary.pdf",
        "statement.html",
        "statement.json",
        "statement.pdf",
    ]


def test_issued_documents_are_readable_by_others_under_umask_022(tmp_path):
    """They are meant to be published: the umask decides, as for any file a tool writes."""
    loaded = b.declaration()
    a = b.assessment(loaded)
    signed = sign_statement(build_statement(loaded, a, view=b.view()), Ed25519PrivateKey.generate())
    old_umask = os.umask(0o022)
    try:
        paths = statement_outputs(signed, a, pdf=False).write(tmp_path)
    finally:
        os.umask(old_umask)
    assert paths and {oct(p.stat().st_mode & 0o777) for p in paths} == {"0o644"}


def test_statement_pdf_has_the_schedule_4_content(issued, tmp_path):
    out, signed = issued
    text = pdf_text(out / "statement.pdf")
    flat = " ".join(text.split())
    for needle in (
        "Statement of compliance",
        "Brightlane Indoor Camera",
        "indoor smart camera",
        "BL-CAM-200",
        "2026-W14, 2026-W15",
        "Brightlane Devices Ltd",
        "14 Wharf Road, Bristol BS1 4RN",
        "prepared by or on behalf of Brightlane Devices Ltd",
        "has complied with the applicable security requirements in Schedule 1",
        "31 March 2031",
        "ETSI EN 303 645 V2.1.1 (2020-06-01)",
        "Priya Natarajan",
        "Head of Product Security",
        "Bristol, United Kingdom",
        "20 November 2026",
        "Signed electronically",
        signed.signature.key_id,
        "19 November 2036",  # keep until (REGS reg 8(a): ten years beginning with the issue date)
    ):
        assert needle in flat, needle
    nospace = flat.replace(" ", "")
    for fid in ("PSTI-S4-1.1.a", "PSTI-S4-1.1.g", "PSTI-S4-1.2"):
        assert fid in nospace, fid
    assert "DRAFT" not in flat
    pages = pdf_pages(out / "statement.pdf", tmp_path)
    assert len(pages) == 3
    assert f"page 1 of {len(pages)}" in flat


def test_summary_is_one_page_with_the_support_period(issued, tmp_path):
    out, signed = issued
    flat = " ".join(pdf_text(out / "statement-summary.pdf").split())
    assert "Security updates until 31 March 2031" in flat
    assert signed.sha256 in flat.replace(" ", "") or signed.sha256[:32] in flat.replace(" ", "")
    assert len(pdf_pages(out / "statement-summary.pdf", tmp_path)) == 1


def test_draft_is_watermarked_on_every_page(tmp_path):
    loaded = b.declaration()
    a = b.assessment(loaded, passwords=Verdict.FAIL)
    signed = sign_statement(build_statement(loaded, a, view=b.view(), draft=True), None)
    statement_outputs(signed, a).write(tmp_path)
    assert (tmp_path / "draft-statement.pdf").exists() and not (tmp_path / "statement.pdf").exists()
    pages = subprocess.run(
        ["pdftotext", str(tmp_path / "draft-statement.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    assert all("DRAFT" in p for p in pages)
    assert "Not signed." in " ".join(pages[-1].split()) or "Not signed." in " ".join("".join(pages).split())


def test_statement_from_the_smart_camera_example(tmp_path):
    import json

    from psti.assess import assess
    from psti.declaration import load_declaration
    from psti.documents.statement import verify_statement

    decl = Path(__file__).resolve().parents[2] / "examples" / "smart-camera" / "product.toml"
    if not decl.exists():
        pytest.skip("smart-camera example not present")
    loaded = load_declaration(decl)
    a = assess(loaded, offline=True)
    key = Ed25519PrivateKey.generate()
    signed = sign_statement(build_statement(loaded, a), key)
    statement_outputs(signed, a).write(tmp_path)
    v = verify_statement(
        json.loads((tmp_path / "statement.json").read_text()),
        public_key=key.public_key(),
        assessment_bytes=(tmp_path / "statement-assessment.json").read_bytes(),
    )
    assert v.ok, v.checks
    flat = " ".join(pdf_text(tmp_path / "statement.pdf").split())
    assert loaded.declaration.product.model in flat and loaded.declaration.statement.signatory in flat
    assert 1 <= len(pdf_pages(tmp_path / "statement.pdf", tmp_path)) <= 4


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbar-tools not installed")
def test_summary_qr_code_scans_to_the_online_statement(issued, tmp_path):
    out, signed = issued
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", str(out / "statement-summary.pdf"), str(tmp_path / "s")], check=True
    )
    (page,) = sorted(tmp_path.glob("s-*.png"))
    r = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True, timeout=60)
    assert r.stdout.split() == [signed.statement.online_url]
