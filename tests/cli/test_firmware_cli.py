"""`psti scan firmware` and `psti corpus` through the real entry point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.evidence.firmware.fwtree import PASSWD, build, md5, squashfs

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"
SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json"


def psti(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "120"}
    r = subprocess.run([PSTI, *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300)
    assert "Traceback" not in r.stderr + r.stdout, r.stderr
    return r


def test_universal_password_exits_1_with_json_findings(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", {"/etc/passwd": PASSWD, "/etc/shadow": f"root:{md5('admin')}:1::::::\n"})
    r = psti("scan", "firmware", str(root), "--format", "json", "--no-progress", "--crack-seconds", "30")
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert doc["overall"] == "fail"
    kinds = {f["kind"] for f in doc["findings"]}
    assert {"FW-SHADOW-HASH", "FW-CRACKED-HASH"} <= kinds
    verdicts = {p["provision"]: p["verdict"] for p in doc["provisions"]}
    assert verdicts["PSTI-S1-1.2"] == "fail" and verdicts["PSTI-S1-1.3.d"] == "fail"


def test_clean_image_passes_the_provisions_it_examined(tmp_path: Path) -> None:
    root = build(
        tmp_path / "rootfs",
        {"/etc/passwd": PASSWD, "/etc/shadow": "root:*:1::::::\n", "/bin/app": b"\x7fELF" + b"\0" * 100},
    )
    out = tmp_path / "report.json"
    r = psti("scan", "firmware", str(root), "--format", "json", "--output", str(out), "--no-progress")
    doc = json.loads(out.read_text())
    verdicts = {p["provision"]: p["verdict"] for p in doc["provisions"]}
    assert verdicts["PSTI-S1-1.2"] == "pass"
    assert verdicts["EN303645-5.1-2"] == "pass"
    # other Sch 1 para 1 items (1.3.a-c) are not examined by a firmware scan: needs evidence
    assert r.returncode in (0, 3)
    assert r.returncode == {"pass": 0, "not-applicable": 0, "needs-evidence": 3}[doc["overall"]]


def test_unextractable_image_needs_evidence(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    r = psti("scan", "firmware", str(tmp_path / "empty"), "--format", "json", "--no-progress")
    assert r.returncode == 3
    doc = json.loads(r.stdout)
    assert any(f["message"].startswith("could not extract") for f in doc["findings"])


def test_random_blob_needs_evidence_and_says_why(tmp_path: Path) -> None:
    blob = tmp_path / "fw.bin"
    blob.write_bytes(bytes((i * 7919 + (i >> 3) * 104729) % 251 for i in range(65536)))
    r = psti("scan", "firmware", str(blob), "--format", "json", "--no-progress")
    assert r.returncode == 3, r.stdout
    doc = json.loads(r.stdout)
    reasons = [f["message"] for f in doc["findings"] if f["effect"] == "needs-evidence"]
    assert reasons and all(m.startswith("could not extract: ") for m in reasons)
    assert not [f for f in doc["findings"] if f["effect"] == "pass"]


def test_missing_image_is_a_usage_error(tmp_path: Path) -> None:
    r = psti("scan", "firmware", str(tmp_path / "nope.bin"))
    assert r.returncode == 2
    assert "nope.bin" in r.stderr


@pytest.mark.skipif(shutil.which("mksquashfs") is None, reason="mksquashfs not installed")
def test_sarif_output_of_an_image_validates_against_the_schema(tmp_path: Path) -> None:
    root = build(
        tmp_path / "rootfs",
        {"/etc/passwd": PASSWD, "/etc/shadow": "root::1::::::\n", "/etc/hostapd.conf": "wpa_passphrase=Camera12345\n"},
    )
    image = squashfs(root, tmp_path / "fw.img")
    out = tmp_path / "r.sarif"
    r = psti(
        "scan",
        "firmware",
        str(image),
        "--format",
        "sarif",
        "-o",
        str(out),
        "--no-progress",
        "--keep",
        "--work-dir",
        str(tmp_path / "wd"),
    )
    assert r.returncode == 1
    assert "kept in" in r.stderr
    doc = json.loads(out.read_text())
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text())).validate(doc)
    results = doc["runs"][0]["results"]
    empty = next(x for x in results if x["ruleId"] == "FW-EMPTY-PASSWORD")
    loc = empty["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "etc/shadow" and loc["region"]["startLine"] == 1


def test_declaration_supplies_product_and_factory_provisioning(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", {"/etc/passwd": PASSWD, "/etc/shadow": f"root:{md5('Zq-91xx!')}:1::::::\n"})
    decl = tmp_path / "p.toml"
    decl.write_text(
        '[product]\nname = "Cam"\ntype = "camera"\nmodel = "C1"\n\n'
        '[[manufacturer]]\nname = "Acme"\naddress = "1 Road"\n\n'
        "[passwords]\nfactory_provisioned = true\n"
    )
    r = psti(
        "scan",
        "firmware",
        str(root),
        "--declaration",
        str(decl),
        "--format",
        "json",
        "--no-progress",
        "--crack-seconds",
        "20",
    )
    doc = json.loads(r.stdout)
    assert doc["product"]["name"] == "Cam"
    assert not [f for f in doc["findings"] if f["effect"] == "fail"]


def test_corpus_stats_names_sources_and_licences() -> None:
    r = psti("corpus", "stats")
    assert r.returncode == 0
    for word in ("seclists", "routersploit", "defaultcreds-cheat-sheet", "MIT", "pwdsearch"):
        assert word in r.stdout


@pytest.mark.skipif(shutil.which("mksquashfs") is None, reason="mksquashfs not installed")
def test_extracted_files_are_gone_when_the_command_returns(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"/etc/passwd": PASSWD, "/etc/shadow": f"root:{md5('admin')}:1::::::\n"}
    # over 4 MB of programs, so the file checks run in forked processes
    files |= {f"/usr/lib/lib{i}.so": b"\x7fELF" + bytes(range(256)) * (64 + i) for i in range(300)}
    image = squashfs(build(tmp_path / "rootfs", files), tmp_path / "fw.img")
    parent = tmp_path / "work"
    r = psti("scan", "firmware", str(image), "--format", "json", "--no-progress", "--work-dir", str(parent))
    assert r.returncode == 1
    assert "FW-CRACKED-HASH" in {f["kind"] for f in json.loads(r.stdout)["findings"]}
    assert parent.is_dir() and list(parent.iterdir()) == []  # removed before exit, nothing left behind


@pytest.mark.skipif(shutil.which("mksquashfs") is None, reason="mksquashfs not installed")
def test_terminated_scan_cleans_up_like_ctrl_c(tmp_path: Path) -> None:
    import signal
    import time
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import crypt
    # a slow hash of a password no list has: the hash checks run until stopped
    slow = crypt.crypt("Zq-not-in-any-list-91", "$6$rounds=400000$saltsalt$")
    root = build(tmp_path / "rootfs", {"/etc/passwd": PASSWD, "/etc/shadow": f"root:{slow}:1::::::\n"})
    image = squashfs(root, tmp_path / "fw.img")
    parent = tmp_path / "work"
    p = subprocess.Popen(
        [PSTI, "scan", "firmware", str(image), "--no-progress", "--crack-seconds", "120", "--work-dir", str(parent)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not (parent.exists() and any(parent.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.05)  # until the scan has made its work directory (start-up varies with load)
    time.sleep(1.0)  # usually into the hash checks; earlier, the extraction is stopped instead
    p.terminate()
    _, err = p.communicate(timeout=60)
    assert p.returncode == 128 + signal.SIGTERM, err
    assert b"Traceback" not in err
    assert list(parent.iterdir()) == []  # the work directory went, as on Ctrl-C
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(p.pid, 0)  # and no process of the scan is left
