"""`psti case verify-log` against a case log someone edited with database access: it exits 1
and names the first bad entry; with another key or none it says so."""

from __future__ import annotations

import sys

import pytest
from sqlalchemy import create_engine, text

from psti.cli import app
from psti.cli.output import run_guarded
from psti.store import logkey


def _psti(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["psti", *args])
    code = run_guarded(app)
    out, err = capsys.readouterr()
    return code, out + err


def test_verify_log_names_the_deleted_last_entry(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    key = logkey.create(tmp_path / "log.key")
    monkeypatch.setenv(logkey.KEY_ENV, str(key.path))
    monkeypatch.setenv("PSTI_USER", "officer1")
    db = ["--database", url]
    code, out = _psti(
        monkeypatch,
        capsys,
        "case",
        "open",
        "--product",
        "CamX",
        "--source",
        "public",
        "--allegation",
        "default password",
        *db,
    )
    assert code == 0, out
    ref = next(w for w in out.split() if w.startswith("PSTI-"))
    assert _psti(monkeypatch, capsys, "case", "transition", ref, "investigate", "--why", "credible", *db)[0] == 0
    code, out = _psti(monkeypatch, capsys, "case", "verify-log", *db)
    assert code == 0 and "case log intact" in out

    engine = create_engine(url)
    with engine.begin() as conn:
        last = conn.execute(text("SELECT max(id) FROM enf_events")).scalar_one()
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("DELETE FROM enf_events WHERE id = :id"), {"id": last})
    with engine.begin() as conn:  # someone with database access drops the guard first
        conn.execute(text("DROP TRIGGER enf_events_no_delete"))
        conn.execute(text("DELETE FROM enf_events WHERE id = :id"), {"id": last})
    engine.dispose()
    code, out = _psti(monkeypatch, capsys, "case", "verify-log", *db)
    assert code == 1 and f"event {last}: missing" in out

    other = logkey.create(tmp_path / "other.key")
    code, out = _psti(monkeypatch, capsys, "case", "verify-log", "--log-key", str(other.path), *db)
    assert code == 1 and f"sealed with key {key.key_id}" in out
    code, out = _psti(monkeypatch, capsys, "case", "verify-log", "--log-key", str(tmp_path / "none.key"), *db)
    assert code != 0 and "does not exist" in out
