"""Every command assesses through `psti.assess`: one artefact on its own and the same
artefact in a declaration are named and judged alike."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from psti.cli import app
from psti.cli.output import run_guarded

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SECOND_MAKER = """
[[manufacturer]]
name = "Acme Devices GmbH"
address = "1 Beispielweg, Berlin"
"""


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    monkeypatch.setattr(sys, "argv", ["psti", *args])
    code = run_guarded(app)
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def camera(tmp_path: Path) -> Path:
    """The smart-camera example, made by two manufacturers."""
    shutil.copytree(EXAMPLES / "smart-camera", tmp_path / "cam")
    decl = tmp_path / "cam" / "product.toml"
    text = decl.read_text()
    cut = text.index("[connectivity]")
    decl.write_text(text[:cut] + SECOND_MAKER.lstrip() + "\n" + text[cut:])
    return decl


def test_a_batch_on_its_own_and_in_its_declaration_agree(
    camera: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = camera.parent / "factory" / "passwords-batch-2026w10.csv"
    code, alone = run(monkeypatch, capsys, "creds", str(batch), "--declaration", str(camera),
                      "--format", "json", "--no-progress", "--on", "2026-06-01")
    _, declared = run(monkeypatch, capsys, "assess", str(camera), "--collector", "password-batch",
                      "--format", "json", "--no-progress", "--on", "2026-06-01")
    # every manufacturer, joined, as `psti assess` names the product (not only the first)
    assert alone["product"]["manufacturer"] == "Acme Home Ltd; Acme Devices GmbH"
    assert alone["product"] == declared["product"]

    def judged(a: dict) -> list[tuple[str, str, str]]:
        return sorted((f["kind"], f["effect"], f["message"]) for f in a["findings"])

    assert judged(alone) == judged(declared) and code == 0
    # the assessment carries the documentation of each finding kind it uses, sorted by code
    codes = [k["code"] for k in alone["kinds"]]
    assert codes == sorted({f["kind"] for f in alone["findings"]})


def test_a_firmware_image_on_its_own_names_no_invented_product(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "rootfs" / "etc"
    root.mkdir(parents=True)
    (root / "passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    (root / "shadow").write_text("root:*:1::::::\n")
    code, a = run(monkeypatch, capsys, "scan", "firmware", str(tmp_path / "rootfs"), "--format", "json",
                  "--no-progress", "--work-dir", str(tmp_path / "work"))
    assert a["product"]["name"] == "rootfs" and a["product"]["manufacturer"] == ""
    assert a["scope"]["summary"].startswith("Assumed in scope")
    assert {f["kind"] for f in a["findings"]} >= {"FW-NO-UNIVERSAL-PASSWORD", "FW-NO-PRIVATE-KEY"}
    assert {k["code"] for k in a["kinds"]} == {f["kind"] for f in a["findings"]}
    assert code in (0, 3) and not any((tmp_path / "work").iterdir())  # the work directory is cleaned
