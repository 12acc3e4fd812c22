"""Device probing tries the passwords a firmware scan of the same product recovered."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from psti.evidence.device.plan import firmware_credentials
from psti.evidence.firmware.collector import ScanOptions, scan_image

ROUTER = Path(__file__).resolve().parents[3] / "examples/router/firmware/netlink-r300-2.0.1.squashfs"


def _report(tmp_path: Path, opts: ScanOptions) -> Path:
    result = scan_image(ROUTER, tmp_path / "work", opts)
    out = tmp_path / "scan.json"
    out.write_text(json.dumps({"findings": [f.model_dump(mode="json") for f in result.findings]}))
    return out


@pytest.fixture(scope="module")
def options() -> ScanOptions:
    return ScanOptions(crack_deadline_s=120)


def test_plaintext_passwords_of_every_credential_source_are_tried(tmp_path: Path, options: ScanOptions) -> None:
    creds = firmware_credentials(_report(tmp_path, options))
    by_file = {(c.user, c.password): c.source for c in creds}
    # the web server's user file of the example router (a handler other than shadow/config)
    assert ("admin", "admin") in by_file
    assert "/etc/httpd.conf" in by_file[("admin", "admin")]


def test_a_masked_report_gives_nothing_to_try(tmp_path: Path, options: ScanOptions) -> None:
    assert firmware_credentials(_report(tmp_path, replace(options, mask_secrets=True))) == []
