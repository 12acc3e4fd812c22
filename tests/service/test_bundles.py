"""Evidence bundles in the registry: filed with the statement that names them, kept under the
product, and re-verified for a case by the worker, the result attached as evidence."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.bundle.build import assess_and_bundle
from psti.declaration import load_declaration
from psti.documents.statement import BundleRef, build_statement, sign_statement
from psti.regime import library
from tests.service.conftest import World

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CASE = {
    "product_name": "Acme CAM-200 indoor security camera",
    "product_model": "CAM-200",
    "allegation": "the published statement may not hold",
    "source": "surveillance",
    "parties": [{"name": "Acme Devices Ltd", "role": "manufacturer", "address": "1 High St, London"}],
    "provisions": ["PSTI-S1-1.2"],
}


def _pem(key: Ed25519PrivateKey) -> str:
    pub = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return pub.decode()


def _bundle_and_statement(tmp: Path, maker: str, key: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    """The smart-camera example made by `maker`: its bundle, and the statement naming it."""
    src = tmp / "camera"
    shutil.copytree(EXAMPLES / "smart-camera", src)
    decl = src / "product.toml"
    text = decl.read_text().replace('name = "Acme Home Ltd"', f'name = "{maker}"')
    # issued today: the key is registered today, and a key counts from its registration
    decl.write_text(text.replace("date = 2026-03-01", f"date = {dt.date.today().isoformat()}"))
    loaded = load_declaration(decl)
    path = tmp / "cam.pstib"
    _, assessment = assess_and_bundle(loaded, key, path, regimes=library(), on=dt.date(2026, 11, 25))
    data = path.read_bytes()
    body = build_statement(loaded, assessment,
                           bundle=BundleRef(sha256=hashlib.sha256(data).hexdigest(), file="cam.pstib"))
    return data, sign_statement(body, key).to_json().encode()


def test_a_bundle_is_filed_with_its_statement_and_re_verified_for_a_case(world: World, tmp_path: Path) -> None:
    w = world
    key = Ed25519PrivateKey.generate()
    assert w.post("acme", "/api/v1/keys", json={"public_key": _pem(key)}).status_code == 201
    product = w.product("acme", model="CAM-200")
    bundle, statement = _bundle_and_statement(tmp_path, w.orgs["acme"]["name"], key)
    sha = hashlib.sha256(bundle).hexdigest()
    url = f"/api/v1/products/{product['id']}/bundles"

    # a statement that names another bundle, and a bundle altered after signing, are refused
    other = bytearray(bundle)
    with zipfile.ZipFile(tmp_path / "cam.pstib") as zf:
        info = zf.getinfo("assessment.json")
    other[info.header_offset + 40] ^= 1
    r = w.post("acme", url, files={"statement": ("s.json", statement), "bundle": ("cam.pstib", bytes(other))})
    assert r.status_code == 422 and "names bundle sha256" in r.json()["error"]
    assert w.get("acme", url).json() == []

    r = w.post("acme", url, files={"statement": ("statement.json", statement), "bundle": ("cam.pstib", bundle)})
    assert r.status_code == 201, r.text
    filed = r.json()
    assert filed["sha256"] == sha and filed["overall"] == "pass" and filed["law_date"] == "2026-11-25"
    assert [b["sha256"] for b in w.get("acme", url).json()] == [sha]
    assert w.get("globex", url).status_code == 404  # another organisation's product
    again = w.post("acme", f"/manage/products/{product['id']}/bundles", follow_redirects=False,
                   files={"statement": ("statement.json", statement), "bundle": ("cam.pstib", bundle)})
    assert again.status_code == 303  # the page form: filed again, kept once
    assert [b["sha256"] for b in w.get("acme", url).json()] == [sha]
    page = w.get("acme", f"/manage/products/{product['id']}")
    assert 'id="file-bundle"' in page.text and f"evidence-bundle: cam.pstib <code>{sha[:12]}" in page.text

    # an officer re-verifies it for a case; the worker attaches the result with its hash
    case = w.post("officer", "/api/v1/enforcement/cases", json=CASE)
    assert case.status_code == 201, case.text
    ref = case.json()["reference"]
    page = w.get("officer", f"/enforcement/cases/{ref}")
    assert page.status_code == 200 and 'id="reverify-form"' in page.text
    assert w.post("acme", f"/api/v1/enforcement/cases/{ref}/reverify",
                  json={"bundle_sha256": sha}).status_code == 403
    missing = w.post("officer", f"/api/v1/enforcement/cases/{ref}/reverify", json={"bundle_sha256": "0" * 64})
    assert missing.status_code == 404
    r = w.post("officer", f"/api/v1/enforcement/cases/{ref}/reverify", json={"bundle_sha256": sha})
    assert r.status_code == 202, r.text
    job = w.wait_job("officer", r.json()["job"], timeout=120)
    assert job["status"] == "done", job
    detail = w.get("officer", f"/api/v1/enforcement/cases/{ref}").json()
    evidence = [e for e in detail["evidence"] if e["kind"] == "bundle-reverification"]
    assert len(evidence) == 1
    item = evidence[0]
    assert item["verdict"] == "pass" and "same verdicts" in item["summary"]
    stored = Path(w.app.state.psti.settings.data_dir) / "files" / item["sha256"][:2] / item["sha256"]
    result = json.loads(stored.read_bytes())
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == item["sha256"]
    assert result["result"] == "match" and result["bundle_sha256"] == sha and result["exit_code"] == 0
