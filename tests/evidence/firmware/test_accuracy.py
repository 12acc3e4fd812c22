"""Recall and false positives on real files with a known answer (shared/data/firmware)."""

from __future__ import annotations

from pathlib import Path

from tests.evidence.firmware.answer_key import evaluate


def test_recall_and_false_positives_on_the_shared_corpus(shared_data: Path, tmp_path: Path) -> None:
    score = evaluate(shared_data / "firmware", tmp_path / "work")
    assert not score.negative_fails, score.negative_fails
    # The figures the README quotes (Performance: "psti 21/21 (17/17 plaintexts recovered,
    # 0 failures on known negatives)"); CI runs this with shared/ beside the clone.
    assert (len(score.detected), score.rows) == (21, 21), score.missed
    assert (len(score.recovered), score.with_plaintext) == (17, 17), score.recovered
    # no FAIL outside the answer key (DVID's disguised 'secret message' strings beside a
    # word-based password are data, not a second password)
    assert score.unexpected_fails == [], score.unexpected_fails


def test_real_vendor_ssh_keys_are_found(shared_data: Path, tmp_path: Path) -> None:
    """changeme's nine publicly known vendor SSH private keys (F5, Barracuda, Vagrant…),
    embedded in YAML: every one is a hard-coded key."""
    from psti.evidence.firmware.scan import scan_tree
    from psti.evidence.firmware.tree import FileTree

    folder = shared_data / "default-credentials" / "changeme_creds" / "ssh_key"
    keys = scan_tree(FileTree(folder)).keys
    assert {k.path for k in keys} == {"/" + p.name for p in folder.iterdir() if p.suffix == ".yml"}
