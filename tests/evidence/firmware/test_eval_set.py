"""The real-firmware evaluation set meets its targets (the figures docs/firmware.md quotes)."""

from __future__ import annotations

from pathlib import Path

from tests.evidence.firmware.eval_set import KEY, evaluate, read_key, resolve


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
    for name in ("accounts", "default-config", "webserver-users", "init-scripts"):
        h = score.handlers[name]
        assert h.precision == 1.0, (name, score.false)
