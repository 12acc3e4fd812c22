"""The credential checks give exactly the recorded findings on fixed inputs.

The recorded findings (golden/*.json) pin every field of every finding and evidence
record the password-batch and firmware collectors produce for deterministic batches
and the example firmware images, so a refactoring of the checks cannot change them
unnoticed. Regenerate after an intended change with PSTI_UPDATE_GOLDEN=1 and review
the diff.
"""

from __future__ import annotations

import json
import os
import random
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from psti.evidence.credentials import analyse_batch, batch_result, public_info
from psti.evidence.firmware.collector import ScanOptions, scan_image
from psti.evidence.interface import CollectorResult
from tests.evidence.credentials.batches import (
    PUBLIC,
    Unit,
    hmac_serial,
    mac_suffix,
    password_n,
    sha_serial_8,
    write_batch,
)

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
UPDATE = os.environ.get("PSTI_UPDATE_GOLDEN") == "1"


def _seeded(u: Unit) -> str:
    return "".join(random.Random(u.index).choice(string.ascii_letters + string.digits) for _ in range(14))


def _biased(u: Unit) -> str:
    rng = random.Random(u.index)
    return "".join(rng.choice("aaaab" + string.digits) for _ in range(10))


def _mixed(u: Unit) -> str:
    i = u.index
    if i % 50 == 0:
        return "abc"  # short
    if i % 50 == 1:
        return ["password", "qwerty123", "letmein"][i % 3]  # common
    if i % 50 == 2:
        return "history2024!"  # a dictionary word, decorated
    if i % 50 == 3:
        return u.ssid  # public: broadcast
    if i % 50 == 4:
        return "acmehome" + str(i % 7)
    if i % 50 == 5:
        return "shared-pass-1"  # duplicates
    if i % 50 == 6:
        return u.serial
    return _seeded(u)


BATCHES: dict[str, Callable[[Unit], str]] = {
    "random": _seeded,
    "counter": password_n,
    "hmac": hmac_serial,
    "sha-serial": sha_serial_8,
    "mac-suffix": mac_suffix,
    "biased": _biased,
    "mixed": _mixed,
}


def _normalised(result: CollectorResult, *roots: Path) -> list[dict[str, Any]]:
    """The result as JSON, with the folders it ran in (which differ by checkout) as <tmp>."""
    out = [{"evidence": e.model_dump(mode="json", exclude={"captured_at"})} for e in result.evidence]
    out += [{"finding": f.model_dump(mode="json")} for f in result.findings]
    text = json.dumps(out, indent=1, sort_keys=True)
    for root in roots:
        text = text.replace(str(root), "<tmp>")
    loaded: list[dict[str, Any]] = json.loads(text)
    return loaded


def _compare(name: str, got: list[dict[str, Any]]) -> None:
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        path.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n")
    expected = json.loads(path.read_text())
    assert len(got) == len(expected), [next(iter(x.values())).get("kind") for x in got]
    for g, e in zip(got, expected, strict=True):
        assert g == e


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_batch_findings_are_unchanged(name: str, tmp_path: Path) -> None:
    columns = ("serial", "mac", "imei", "ssid", "password")
    path = write_batch(tmp_path / f"{name}.csv", BATCHES[name], n=1500, columns=columns)
    result = batch_result(analyse_batch(path, None, PUBLIC), "password-batch-1")
    _compare(f"batch-{name}", _normalised(result, tmp_path))


def test_batch_without_identifiers_or_public_information_is_unchanged(tmp_path: Path) -> None:
    path = write_batch(tmp_path / "bare.csv", _mixed, n=600, columns=("password",))
    result = batch_result(analyse_batch(path, None, public_info(None, [])), "password-batch-1")
    _compare("batch-bare", _normalised(result, tmp_path))


def test_example_batch_findings_are_unchanged(tmp_path: Path) -> None:
    path = EXAMPLES / "smart-camera/factory/passwords-batch-2026w10.csv"
    result = batch_result(analyse_batch(path, None, PUBLIC), "password-batch-1")
    _compare("batch-example", _normalised(result, EXAMPLES))


@pytest.mark.parametrize("image", ["router/firmware/netlink-r300-2.0.1.squashfs",
                                   "smart-camera/firmware/acme-cam200-1.4.2.squashfs"])
def test_example_firmware_findings_are_unchanged(image: str, tmp_path: Path) -> None:
    result = scan_image(EXAMPLES / image, tmp_path / "work", ScanOptions(crack_deadline_s=120))
    _compare("firmware-" + image.split("/")[0], _normalised(result, tmp_path, EXAMPLES))
