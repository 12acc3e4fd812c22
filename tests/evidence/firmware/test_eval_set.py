"""The real-firmware evaluation set meets its targets (the figures docs/firmware.md quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.evidence.firmware.eval_set import (
    KEY,
    PLAINTEXTS,
    AnswerKeyError,
    evaluate,
    held_out,
    read_key,
    read_plaintexts,
    resolve,
    verify_key,
)
from tests.evidence.firmware.fwtree import md5


def test_every_keyed_file_is_described_and_present(shared_data: Path) -> None:
    rows = read_key()
    assert len({r.sample for r in rows}) >= 40
    provenance = (KEY.parent / "PROVENANCE.md").read_text()
    for r in rows:
        assert r.expect in ("credential", "none", "context"), r
        if r.source.startswith("repo:"):
            assert resolve(r.source, shared_data) is not None, r.source
            assert r.source.removeprefix("repo:files/").split("/")[0] in provenance, r.source
        if r.source.startswith("shared:"):
            assert resolve(r.source, shared_data) is not None, r.source


def test_recall_and_negatives_on_real_files(shared_data: Path) -> None:
    score = evaluate(shared_data)
    assert score.negatives >= 25 and score.positives >= 20, (score.negatives, score.positives)
    assert not score.negative_fails, score.negative_fails
    assert score.found / score.positives >= 0.95, score.missed
    for name in ("accounts", "default-config", "webserver-users", "init-scripts", "web-ui"):
        h = score.handlers[name]
        assert h.precision == 1.0, (name, score.false)


def test_every_keyed_plaintext_recomputes_its_hash() -> None:
    rows = read_key()
    verified = verify_key(rows, read_plaintexts())
    assert len(verified) >= 15
    assert held_out() <= {r.sample for r in rows}


def test_a_wrong_plaintext_in_the_key_stops_the_evaluation(tmp_path: Path) -> None:
    rows = read_key()
    wrong = tmp_path / "PLAINTEXTS.csv"
    lines = PLAINTEXTS.read_text().splitlines()
    first = lines[1].split(",")
    lines[1] = ",".join([first[0], first[1] + "x", *first[2:]])
    wrong.write_text("\n".join(lines) + "\n")
    with pytest.raises(AnswerKeyError, match="does not hash to"):
        verify_key(rows, read_plaintexts(wrong))
    stray = tmp_path / "stray.csv"
    stray.write_text(f"hash,plaintext,how_known\n{md5('x', 'yy')},x,made here\n")
    with pytest.raises(AnswerKeyError, match="does not hold"):
        verify_key(rows, read_plaintexts(stray))
