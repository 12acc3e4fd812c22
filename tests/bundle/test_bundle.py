"""Evidence bundles end to end through the library: reproducible assessments, round trips
on every example, tampering named, left-out artefacts, an older regime, the manifest schema."""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import zipfile
from pathlib import Path

import jsonschema
import pytest
from bundlekit import EXAMPLE_NAMES, EXAMPLES, LAW_DATE, copy_example, make, rewrite
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.assess import assess
from psti.bundle import dsse
from psti.bundle.archive import BadBundle
from psti.bundle.build import artefact_root, bundle_options, compared_paths
from psti.bundle.compare import comparable, comparable_bytes, differences
from psti.bundle.manifest import ENVELOPE_MEMBER, MANIFEST_MEMBER, generated_schema, shipped_schema
from psti.bundle.reverify import ArtefactNeeded, open_bundle, reverify
from psti.declaration import load_declaration
from psti.documents import signing
from psti.model import Assessment, Verdict
from psti.regime import RegimeLibrary, library


def _assess_for_compare(decl: Path) -> bytes:
    loaded = load_declaration(decl)
    result = assess(loaded, on=LAW_DATE, offline=True, options=bundle_options(LAW_DATE))
    roots = {i: artefact_root(i, a.path) for i, a in enumerate(loaded.declaration.artefacts) if a.path}
    return comparable_bytes(result, compared_paths(loaded, roots))


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_the_same_inputs_give_a_byte_identical_compared_assessment(example: str, tmp_path: Path) -> None:
    """Run twice, the second time from a copy in another folder: the compared form is equal
    byte for byte (no timestamps, no folder names, stable order)."""
    first = _assess_for_compare(EXAMPLES / example / "product.toml")
    again = _assess_for_compare(copy_example(example, tmp_path) / "product.toml")
    assert first == again
    data = json.loads(first)
    assert all("captured_at" not in e for e in data["evidence"])
    assert str(EXAMPLES) not in first.decode() and str(tmp_path) not in again.decode()
    assert first == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def test_the_compared_form_does_not_depend_on_the_order_of_findings() -> None:
    loaded = load_declaration(EXAMPLES / "smart-camera" / "product.toml")
    a = assess(loaded, on=LAW_DATE, offline=True, options=bundle_options(LAW_DATE))
    order = list(range(len(a.findings)))
    random.Random(7).shuffle(order)
    where = {old: new for new, old in enumerate(order)}
    shuffled = a.model_copy(update={
        "findings": tuple(a.findings[i] for i in order),
        "provisions": tuple(p.model_copy(update={"findings": tuple(where[i] for i in p.findings)})
                            for p in a.provisions),
    })
    assert [f.kind for f in shuffled.findings] != [f.kind for f in a.findings]
    assert comparable_bytes(shuffled) == comparable_bytes(a)
    # ... but a changed verdict is a different compared form, and named provision by provision
    first = a.provisions[0]
    other = Verdict.FAIL if first.verdict is not Verdict.FAIL else Verdict.PASS
    changed = a.model_copy(update={"provisions": (first.model_copy(update={"verdict": other}), *a.provisions[1:])})
    assert comparable_bytes(changed) != comparable_bytes(a)
    diff = differences(comparable(a), comparable(changed))
    assert [(c.item, c.before, c.after) for c in diff] == [(first.provision, first.verdict.value, other.value)]


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_example_round_trips(example: str, bundles: dict[str, Path], tmp_path: Path) -> None:
    r = reverify(bundles[example], tmp_path, today=LAW_DATE)
    assert r.same_hash and r.changes == [] and r.exit_code == 0
    assert r.regime_source == "installed" and r.current_law is None
    assert r.rerun.overall.value == r.opened.manifest.assessment.overall
    names = [c for c, ok, _ in r.opened.checks if ok]
    assert {"signature", "signer", "member hashes", "assessment"} <= set(names)
    # nothing was written outside the folder given
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle", "run"]


def test_the_bundle_holds_every_input_and_the_attestation_reads_as_in_toto(bundles: dict[str, Path]) -> None:
    path = bundles["smart-camera"]
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        env = json.loads(zf.read(ENVELOPE_MEMBER))
        manifest = json.loads(zf.read(MANIFEST_MEMBER))
    loaded = load_declaration(EXAMPLES / "smart-camera" / "product.toml")
    for art in loaded.declaration.artefacts:
        assert f"declaration/{art.path}" in names
    assert "declaration/product.toml" in names and "assessment.json" in names
    assert {f"regime/{i}.toml" for i in library().sources} <= names
    assert env["payloadType"] == "application/vnd.in-toto+json"
    statement = json.loads(base64.b64decode(env["payload"]))
    assert statement["_type"] == "https://in-toto.io/Statement/v1"
    assert statement["predicateType"] == dsse.PREDICATE_TYPE
    subjects = {s["name"]: s["digest"]["sha256"] for s in statement["subject"]}
    fw = EXAMPLES / "smart-camera" / "firmware" / "acme-cam200-1.4.2.squashfs"
    assert subjects["declaration/firmware/acme-cam200-1.4.2.squashfs"] == signing.sha256_hex(fw.read_bytes())
    assert statement["predicate"]["bundle"] == manifest
    assert statement["predicate"]["assessment"]["schema"] == "psti.assessment/1"
    assert manifest["law_date"] == "2026-11-25" and manifest["regime"]["versions"]
    assert {c["name"] for c in manifest["collectors"]} >= {"firmware", "password-batch", "declaration"}
    assert len(manifest["corpus"]["sha256"]) == 64
    assert manifest["run"]["options"]["support_history"] == "off"


def test_dsse_pae_matches_the_specification_vector() -> None:
    assert dsse.pae("http://example.com/HelloWorld", b"hello world") == (
        b"DSSEv1 29 http://example.com/HelloWorld 11 hello world")


def test_the_envelope_verifies_with_the_signers_key_only(bundles: dict[str, Path]) -> None:
    with zipfile.ZipFile(bundles["router"]) as zf:
        env = json.loads(zf.read(ENVELOPE_MEMBER))
    key = dsse.embedded_key(env)
    assert key is not None and dsse.open_envelope(env, key).signed
    assert not dsse.open_envelope(env, Ed25519PrivateKey.generate().public_key()).signed
    with pytest.raises(BadBundle, match="does not verify with the key given"):
        open_bundle(bundles["router"], Ed25519PrivateKey.generate().public_key())


def _positions(size: int, seed: int) -> list[int]:
    picked = {0, size // 3, size // 2, size - 1}
    rng = random.Random(seed)
    picked |= {rng.randrange(size) for _ in range(4)}
    return sorted(p for p in picked if 0 <= p < size)


def test_flipping_any_byte_of_any_member_is_detected_and_named(bundles: dict[str, Path], tmp_path: Path) -> None:
    src = bundles["smart-camera"]
    with zipfile.ZipFile(src) as zf:
        sizes = {i.filename: i.file_size for i in zf.infolist()}
    tried = 0
    for n, (name, size) in enumerate(sorted(sizes.items())):
        for pos in _positions(size, n):
            bad = tmp_path / "bad.pstib"

            def flip(member: str, data: bytes, name: str = name, pos: int = pos) -> bytes:
                if member != name:
                    return data
                return data[:pos] + bytes([data[pos] ^ 0x01]) + data[pos + 1:]

            rewrite(src, bad, flip)
            with pytest.raises(BadBundle) as caught:
                open_bundle(bad)
            assert caught.value.member == name, (name, pos, str(caught.value))
            assert name in str(caught.value)
            tried += 1
    assert tried > 50


def _data_offset(path: Path, name: str) -> tuple[int, int]:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    raw = path.read_bytes()
    start = info.header_offset
    name_len = int.from_bytes(raw[start + 26:start + 28], "little")
    extra_len = int.from_bytes(raw[start + 28:start + 30], "little")
    return start + 30 + name_len + extra_len, info.compress_size


def test_a_byte_flipped_in_the_file_itself_names_the_member(bundles: dict[str, Path], tmp_path: Path) -> None:
    src = bundles["smart-camera"]
    with zipfile.ZipFile(src) as zf:
        names = zf.namelist()
    for name in names:
        offset, length = _data_offset(src, name)
        raw = bytearray(src.read_bytes())
        raw[offset + length // 2] ^= 0x40
        bad = tmp_path / f"raw-{len(name)}.pstib"
        bad.write_bytes(bytes(raw))
        with pytest.raises(BadBundle) as caught:
            open_bundle(bad)
        assert caught.value.member == name, str(caught.value)


def test_members_added_or_removed_after_signing_are_named(bundles: dict[str, Path], tmp_path: Path) -> None:
    src = bundles["router"]
    added = tmp_path / "added.pstib"
    rewrite(src, added, lambda n, d: d)
    with zipfile.ZipFile(added, "a") as zf:
        zf.writestr("declaration/firmware/extra.bin", b"not signed")
    with pytest.raises(BadBundle, match="extra.bin.*not in the signed manifest"):
        open_bundle(added)
    removed = tmp_path / "removed.pstib"
    rewrite(src, removed, lambda n, d: None if n == "assessment.json" else d)
    with pytest.raises(BadBundle, match="assessment.json.*missing") as caught:
        open_bundle(removed)
    assert caught.value.member == "assessment.json"


def _resign(src: Path, dst: Path, key: Ed25519PrivateKey, edit_manifest=None, edit_assessment=None) -> None:  # type: ignore[no-untyped-def]
    """A bundle whose attestation was changed and signed again by `key` (what a signer can do):
    the manifest follows an edited assessment, so only the edit itself differs."""
    with zipfile.ZipFile(src) as zf:
        env = json.loads(zf.read(ENVELOPE_MEMBER))
    st = json.loads(base64.b64decode(env["payload"]))
    m = st["predicate"]["bundle"]
    assessment = None
    if edit_assessment:
        edit_assessment(st["predicate"]["assessment"])
        assessment = Assessment.model_validate(st["predicate"]["assessment"]).to_json().encode()
        digest = signing.sha256_hex(assessment)
        m["assessment"]["sha256"] = digest
        for x in m["members"]:
            if x["name"] == "assessment.json":
                x.update(sha256=digest, size=len(assessment))
    if edit_manifest:
        edit_manifest(m)
    pub = key.public_key()
    m["signer"] = {"key_id": signing.fingerprint(pub), "public_key": signing.public_key_b64(pub)}
    replace = {ENVELOPE_MEMBER: signing.canonical_json(dsse.envelope(key, signing.canonical_json(st))),
               MANIFEST_MEMBER: signing.canonical_json(m)}
    if assessment is not None:
        replace["assessment.json"] = assessment
    rewrite(src, dst, lambda name, data: replace.get(name, data))


def test_an_unknown_manifest_version_is_refused(bundles: dict[str, Path], tmp_path: Path,
                                                key: Ed25519PrivateKey) -> None:
    bad = tmp_path / "future.pstib"
    _resign(bundles["laptop"], bad, key, edit_manifest=lambda m: m.update(schema="psti.bundle/9"))
    with pytest.raises(BadBundle, match="psti.bundle/9.*unknown"):
        open_bundle(bad)


def test_a_recorded_verdict_that_differs_is_reported_provision_by_provision(
        bundles: dict[str, Path], tmp_path: Path, key: Ed25519PrivateKey) -> None:
    """A bundle whose signed assessment says otherwise than its inputs give: exit 1, named."""
    def flip_first(a: dict) -> None:  # type: ignore[type-arg]
        p = a["provisions"][0]
        p["verdict"] = "fail" if p["verdict"] != "fail" else "pass"

    def unknown_hash(m: dict) -> None:  # type: ignore[type-arg]
        m["assessment"]["compared_sha256"] = "0" * 64

    bad = tmp_path / "claims.pstib"
    with zipfile.ZipFile(bundles["smart-camera"]) as zf:
        first = json.loads(zf.read("assessment.json"))["provisions"][0]["provision"]
    _resign(bundles["smart-camera"], bad, key, edit_manifest=unknown_hash, edit_assessment=flip_first)
    r = reverify(bad, tmp_path / "work", today=LAW_DATE)
    assert r.exit_code == 1 and not r.same_hash
    assert [c.item for c in r.verdict_changes][:1] == [first]


def test_an_artefact_left_out_is_asked_for_then_used(key: Ed25519PrivateKey, tmp_path: Path) -> None:
    path, manifest, _ = make(key, "router", tmp_path, exclude=["firmware"])
    left = [a for a in manifest.artefacts if a.excluded]
    assert len(left) == 1 and left[0].members == ()
    with zipfile.ZipFile(path) as zf:
        assert not any(n.endswith(".squashfs") for n in zf.namelist())
    with pytest.raises(ArtefactNeeded, match="--artefact KIND=PATH") as caught:
        reverify(path, tmp_path / "w1", today=LAW_DATE)
    assert caught.value.exit_code == 3
    firmware = EXAMPLES / "router" / "firmware" / "netlink-r300-2.0.1.squashfs"
    ok = reverify(path, tmp_path / "w2", artefacts={"firmware": [firmware]}, today=LAW_DATE)
    assert ok.exit_code == 0 and ok.same_hash and ok.reasons == []
    other = EXAMPLES / "smart-camera" / "firmware" / "acme-cam200-1.4.2.squashfs"
    diff = reverify(path, tmp_path / "w3", artefacts={"firmware": [other]}, today=LAW_DATE)
    assert diff.exit_code == 1
    assert [r.what for r in diff.reasons] == ["artefact"]
    assert all(diff.reasons_for(c) for c in diff.verdict_changes)
    assert any("FW-" in t for c in diff.changes for t in c.lost + c.gained)


AMENDMENT = """
[instrument]
id = "uk-psti-2026-test"
regime = "uk-psti"
title = "UK PSTI regime as amended by a later instrument"
kind = "law"
effective_from = 2026-11-30
citation = "a later amendment, in force 30 November 2026"
summary = "Sch 1 para 3(2) now applies only to products that cannot be updated."

[[items]]
id = "PSTI-S1-3.2"
kind = "provision"
title = "Defined support period published"
text = "The defined support period must be published."
citation = "SI 2023/1007 Sch 1 para 3(2), as amended later"
requirement = "PSTI-S1-3"
confidence = "V"
why = "An extension that is not published does not help buyers or users decide."
how_to_fix = "Publish the extension as soon as it is decided."
[items.applies_when]
fact = "product.updatable"
equals = false
"""


def test_a_bundle_made_under_older_law_reverifies_under_it_and_says_what_the_law_now_changes(
        bundles: dict[str, Path], tmp_path: Path) -> None:
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "uk-psti-2026-test.toml").write_text(AMENDMENT, encoding="utf-8")
    installed = RegimeLibrary.load([newer])
    today = dt.date(2026, 12, 3)
    assert "uk-psti-2026-test" in installed.view("uk-psti", today).versions()
    r = reverify(bundles["smart-camera"], tmp_path / "work", installed=installed, today=today)
    assert r.regime_source == "bundle" and r.same_hash and r.exit_code == 0
    assert "uk-psti-2026-test" not in r.opened.manifest.regime.versions
    assert r.current_law is not None and "uk-psti-2026-test" in r.current_versions
    assert [(c.item, c.before, c.after) for c in r.current_law if c.item == "PSTI-S1-3.2"] == [
        ("PSTI-S1-3.2", "pass", "not-applicable")]


def test_the_manifest_schema_ships_and_validates_real_manifests(bundles: dict[str, Path]) -> None:
    shipped = shipped_schema()
    assert shipped == json.loads(json.dumps(generated_schema()))
    jsonschema.Draft202012Validator.check_schema(shipped)
    for path in bundles.values():
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST_MEMBER))
        jsonschema.validate(manifest, shipped)
    manifest["schema"] = "psti.bundle/2"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(manifest, shipped)


def test_a_folder_artefact_is_bundled_file_by_file(key: Ed25519PrivateKey, tmp_path: Path) -> None:
    src = copy_example("smart-plug", tmp_path)
    root = src / "rootfs" / "etc"
    root.mkdir(parents=True)
    (root / "passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    (root / "shadow").write_text("root:*:19000:0:99999:7:::\n")
    decl = src / "product.toml"
    decl.write_text(decl.read_text() + '\n[[artefacts]]\nkind = "rootfs"\npath = "rootfs"\n')
    path, manifest, _ = make(key, "smart-plug", tmp_path, source=src)
    art = next(a for a in manifest.artefacts if a.kind == "rootfs")
    assert art.type == "folder" and art.members == ("declaration/rootfs/etc/passwd", "declaration/rootfs/etc/shadow")
    r = reverify(path, tmp_path / "work", today=LAW_DATE)
    assert r.same_hash and r.exit_code == 0


def test_an_artefact_declared_outside_the_declarations_folder_goes_under_external(
        key: Ed25519PrivateKey, tmp_path: Path) -> None:
    src = copy_example("router", tmp_path)
    elsewhere = tmp_path / "lab" / "fw.squashfs"
    elsewhere.parent.mkdir()
    (src / "firmware" / "netlink-r300-2.0.1.squashfs").rename(elsewhere)
    decl = src / "product.toml"
    decl.write_text(decl.read_text().replace('path = "firmware/netlink-r300-2.0.1.squashfs"', f'path = "{elsewhere}"'))
    path, manifest, _ = make(key, "router", tmp_path, source=src)
    assert [a.root for a in manifest.artefacts] == ["external/0/fw.squashfs"]
    r = reverify(path, tmp_path / "work", today=LAW_DATE)
    assert r.same_hash and r.exit_code == 0


def test_a_signers_manifest_cannot_place_files_outside_the_bundle(key: Ed25519PrivateKey, tmp_path: Path) -> None:
    path, _, _ = make(key, "router", tmp_path, exclude=["firmware"])
    evil = tmp_path / "evil.pstib"
    _resign(path, evil, key, edit_manifest=lambda m: m["artefacts"][0].update(root="declaration/../../../escaped"))
    firmware = EXAMPLES / "router" / "firmware" / "netlink-r300-2.0.1.squashfs"
    with pytest.raises(BadBundle, match="outside the bundle's layout"):
        reverify(evil, tmp_path / "work", artefacts={"firmware": [firmware]}, today=LAW_DATE)
    assert not (tmp_path / "escaped").exists()
    wrong = tmp_path / "wrong.pstib"
    _resign(path, wrong, key, edit_manifest=lambda m: m["declaration"].update(name="regime/uk-psti-2024.toml"))
    with pytest.raises(BadBundle, match="names declaration"):
        open_bundle(wrong)


def test_a_re_run_is_offline_and_ignores_options_that_name_files(bundles: dict[str, Path], tmp_path: Path,
                                                                  key: Ed25519PrivateKey) -> None:
    saved = tmp_path / "saved-pages"
    edited = tmp_path / "options.pstib"

    def options(m: dict) -> None:  # type: ignore[type-arg]
        m["run"].update(offline=False, allow_private=True)
        m["run"]["options"].update(web_save_dir=str(saved), keep=True)

    _resign(bundles["smart-camera"], edited, key, edit_manifest=options)
    r = reverify(edited, tmp_path / "work", today=LAW_DATE)
    assert r.exit_code == 0 and r.same_hash
    assert not saved.exists()
    assert any("offline" in n for n in r.notes) and any("web_save_dir" in n for n in r.notes)
