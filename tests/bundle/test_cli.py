"""`psti bundle`, `psti reverify` and `psti verify NAME.pstib` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bundlekit import EXAMPLES, rewrite


def psti(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    for name in ("PSTI_SIGNING_KEY", "PSTI_KEY_PASSPHRASE", "PSTI_REGIME_PATH"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-c", "from psti.cli import main; main()", *map(str, args)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bundle-cli")
    r = psti("keys", "new", "-o", "key.pem", cwd=d)
    assert r.returncode == 0, r.stderr
    camera = EXAMPLES / "smart-camera" / "product.toml"
    r = psti("bundle", camera, "-o", "cam.pstib", "-k", "key.pem", "--on", "2026-11-25", "--no-progress", cwd=d)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("sha256:") and "wrote cam.pstib" in r.stderr
    return d


def test_a_bundle_reverifies_with_exit_0(work: Path) -> None:
    r = psti("reverify", "cam.pstib", "--public-key", "key.pem.pub", "--today", "2026-11-25", cwd=work)
    assert r.returncode == 0, r.stderr
    assert "match" in r.stdout and "signer: matches the public key given" in r.stderr
    r = psti("reverify", "cam.pstib", "--json", "--today", "2026-11-25", cwd=work)
    data = json.loads(r.stdout)
    assert r.returncode == 0 and data["result"] == "match" and data["same_hash"] is True
    assert data["law_date"] == "2026-11-25" and data["changes"] == []


def test_verify_checks_a_bundle_like_a_statement(work: Path) -> None:
    r = psti("verify", "cam.pstib", "-p", "key.pem.pub", cwd=work)
    assert r.returncode == 0 and "bundle verified" in r.stderr
    bad = work / "verify-bad.pstib"
    rewrite(work / "cam.pstib", bad, lambda n, d: d + b"\n" if n == "declaration/pages/security.txt" else d)
    r = psti("verify", bad, "--json", cwd=work)
    assert r.returncode == 1
    checks = json.loads(r.stdout)["checks"]
    assert checks[0]["passed"] is False and "declaration/pages/security.txt" in checks[0]["detail"]


def test_a_tampered_bundle_exits_2_naming_the_member(work: Path) -> None:
    bad = work / "tampered.pstib"
    name = "declaration/firmware/acme-cam200-1.4.2.squashfs"
    rewrite(work / "cam.pstib", bad, lambda n, d: d[:-1] + b"\x01" if n == name else d)
    r = psti("reverify", bad, cwd=work)
    assert r.returncode == 2
    assert name in r.stderr and "altered" in r.stderr and "Traceback" not in r.stderr
    out = work / "tampered-out"
    r = psti("reverify", bad, "--extract-to", out, cwd=work)
    assert r.returncode == 2 and not (out / "run").exists()


def test_an_excluded_artefact_exits_3_until_given(work: Path) -> None:
    router = EXAMPLES / "router" / "product.toml"
    r = psti("bundle", router, "-o", "r.pstib", "-k", "key.pem", "--on", "2026-11-25", "--no-progress",
             "--exclude-artefact", "firmware", cwd=work)
    assert r.returncode == 0 and "left out firmware" in r.stderr
    r = psti("reverify", "r.pstib", cwd=work)
    assert r.returncode == 3 and "--artefact KIND=PATH" in r.stderr
    fw = EXAMPLES / "router" / "firmware" / "netlink-r300-2.0.1.squashfs"
    r = psti("reverify", "r.pstib", "--artefact", f"firmware={fw}", "--today", "2026-11-25", cwd=work)
    assert r.returncode == 0, r.stdout + r.stderr
    other = EXAMPLES / "smart-camera" / "firmware" / "acme-cam200-1.4.2.squashfs"
    r = psti("reverify", "r.pstib", "--artefact", f"firmware={other}", "--today", "2026-11-25", cwd=work)
    assert r.returncode == 1
    assert "differs" in r.stdout and "why: artefact" in r.stdout and "EN303645-5.1-2" in r.stdout
    r = psti("reverify", "r.pstib", "--artefact", "firmware", cwd=work)
    assert r.returncode == 2 and "KIND=PATH" in r.stderr


def test_a_saved_assessment_is_bundled_and_reverifies(work: Path) -> None:
    router = EXAMPLES / "router" / "product.toml"
    r = psti("assess", router, "--offline", "--on", "2026-11-25", "--format", "json", "-o", "a.json",
             "--support-history", "off", "--no-progress", cwd=work)
    assert r.returncode == 1, r.stderr  # the router fails
    r = psti("bundle", router, "--from-assessment", "a.json", "-o", "saved.pstib", "-k", "key.pem", cwd=work)
    assert r.returncode == 0, r.stderr
    r = psti("reverify", "saved.pstib", "--json", "--today", "2026-11-25", cwd=work)
    data = json.loads(r.stdout)
    assert r.returncode == 0, r.stderr
    assert data["recorded_overall"] == data["rerun_overall"] == "fail"


def test_bad_options_are_usage_errors(work: Path) -> None:
    camera = EXAMPLES / "smart-camera" / "product.toml"
    r = psti("bundle", camera, "-o", "x.zip", "-k", "key.pem", cwd=work)
    assert r.returncode == 2 and ".pstib" in r.stderr
    r = psti("bundle", camera, "-o", "x.pstib", "-k", "key.pem", "--exclude-artefact", "rootfs", "--on",
             "2026-11-25", cwd=work)
    assert r.returncode == 2 and "no artefact of that kind" in r.stderr and not (work / "x.pstib").exists()
    r = psti("schema", "bundle", cwd=work)
    assert r.returncode == 0 and json.loads(r.stdout)["$id"].endswith("bundle-1.json")


def test_a_statement_names_its_bundle_and_verify_checks_it(work: Path) -> None:
    camera = EXAMPLES / "smart-camera" / "product.toml"
    r = psti("statement", camera, "--bundle", "cam.pstib", "-k", "key.pem", "-o", "st", "--no-pdf", cwd=work)
    assert r.returncode == 0, r.stderr
    body = json.loads((work / "st" / "statement.json").read_text())["statement"]
    assert body["bundle"]["file"] == "cam.pstib" and len(body["bundle"]["sha256"]) == 64
    bundled = json.loads((work / "st" / "statement-assessment.json").read_text())
    assert bundled["assessed_on"] == "2026-11-25"  # the bundle's assessment, not a new one
    r = psti("verify", "st/statement.json", "-p", "key.pem.pub", cwd=work)
    assert r.returncode == 0 and "ok   bundle hash" in r.stderr
    rewrite(work / "cam.pstib", work / "st" / "cam.pstib", lambda n, d: d + b" " if n == "assessment.json" else d)
    r = psti("verify", "st/statement.json", "-p", "key.pem.pub", cwd=work)
    assert r.returncode == 1 and "FAIL bundle hash" in r.stderr
    # a statement without a bundle has no bundle field at all, and verifies as before
    r = psti("statement", camera, "-k", "key.pem", "-o", "plain", "--no-pdf", "--offline", cwd=work)
    assert r.returncode == 0, r.stderr
    assert "bundle" not in json.loads((work / "plain" / "statement.json").read_text())["statement"]
    r = psti("verify", "plain/statement.json", "-p", "key.pem.pub", cwd=work)
    assert r.returncode == 0 and "bundle" not in r.stderr
