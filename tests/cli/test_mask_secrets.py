"""`--mask-secrets` on `psti assess` as on `psti scan firmware`: passwords found in
firmware are shown in clear by default and masked in every output format with the flag."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from psti.cli import app
from psti.cli.output import run_guarded
from tests.evidence.firmware.fwtree import PASSWD, build, md5

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SECRETS = ("Sup3rSecretX", "letmein")  # a config plaintext and a cracked root hash


@pytest.fixture
def product(tmp_path: Path) -> Path:
    """The smart-camera example with its firmware replaced by a root file system holding
    a plaintext default and a guessable root hash."""
    shutil.copytree(EXAMPLES / "smart-camera", tmp_path / "cam")
    build(tmp_path / "cam" / "rootfs", {
        "/etc/passwd": PASSWD,
        "/etc/shadow": f"root:{md5('letmein')}:18000:0:99999:7:::\n",
        "/etc/config/web": "config login\n\toption password Sup3rSecretX\n",
    })
    decl = tmp_path / "cam" / "product.toml"
    text = decl.read_text().replace('kind = "firmware"\npath = "firmware/acme-cam200-1.4.2.squashfs"',
                                    'kind = "rootfs"\npath = "rootfs"')
    assert 'path = "rootfs"' in text
    decl.write_text(text)
    return decl


def _assess(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], decl: Path, fmt: str,
            *extra: str) -> str:
    monkeypatch.setattr(sys, "argv", ["psti", "assess", str(decl), "--collector", "firmware", "--format", fmt,
                                      "--no-progress", "--crack-seconds", "30", "--on", "2026-06-01", "--all-results",
                                      *extra])
    assert run_guarded(app) in (0, 1, 3)
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["json", "sarif", "html"])
def test_assess_shows_firmware_passwords_unless_asked_to_mask_them(
    product: Path, fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clear = _assess(monkeypatch, capsys, product, fmt)
    masked = _assess(monkeypatch, capsys, product, fmt, "--mask-secrets")
    for secret in SECRETS:
        assert secret in clear, (fmt, secret)
        assert secret not in masked, (fmt, secret)
    assert "Su********tX" in masked
