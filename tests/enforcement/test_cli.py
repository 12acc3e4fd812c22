"""The `psti case|notice|penalty|appeal|survey` commands, end to end on SQLite."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from psti.cli import app
from psti.cli.output import run_guarded

from .conftest import declaration


@pytest.fixture
def psti(monkeypatch, capsys, db_url):
    monkeypatch.setenv("PSTI_USER", "officer1")
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str, db: bool = True) -> tuple[int, str, str]:
        argv = ["psti", *args] + (["--database", db_url] if db else [])
        monkeypatch.setattr(sys, "argv", argv)
        code = run_guarded(app)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_case_lifecycle_commands(psti, tmp_path: Path) -> None:
    code, out, _ = psti(
        "case",
        "open",
        "--product",
        "CamX",
        "--model",
        "X1",
        "--source",
        "researcher",
        "--allegation",
        "admin/admin on every unit",
        "--party",
        "manufacturer:Acme Ltd:1 High St",
        "--format",
        "json",
    )
    assert code == 0
    ref = json.loads(out)["reference"]
    code, _, err = psti("case", "transition", ref, "complied", "--why", "x")
    assert code == 2 and "not allowed from state 'triage'" in err
    assert psti("case", "transition", ref, "investigate", "--why", "credible")[0] == 0
    code, out, _ = psti(
        "notice",
        "intent",
        ref,
        "--kind",
        "compliance",
        "--to",
        "Acme Ltd",
        "--breach",
        "universal password",
        "--reasons",
        "admin/admin",
        "--sent-at",
        "2026-03-02T15:00",
        "--format",
        "json",
    )
    assert code == 0
    intent = json.loads(out)
    assert intent["not_before"] == "2026-03-13"  # electronic: given 09:00 on 3 March
    code, _, err = psti(
        "notice",
        "issue",
        ref,
        "--kind",
        "compliance",
        "--intent",
        intent["reference"],
        "--reasons",
        "admin/admin",
        "--requirement",
        "unique passwords",
        "--comply-within",
        "28",
        "--sent-at",
        "2026-03-11T10:00",
    )
    assert code == 2 and "earliest day is 2026-03-13" in err
    code, out, _ = psti(
        "notice",
        "issue",
        ref,
        "--kind",
        "compliance",
        "--intent",
        intent["reference"],
        "--reasons",
        "admin/admin",
        "--requirement",
        "unique passwords",
        "--comply-within",
        "28",
        "--sent-at",
        "2026-03-12T10:00",
        "--format",
        "json",
    )
    assert code == 0
    notice = json.loads(out)
    assert notice["appeal_by"] == "2026-04-09" and notice["compliance_by"] == "2026-04-09"
    code, out, _ = psti("notice", "show", notice["reference"])
    assert "COMPLIANCE NOTICE" in out and "## How to appeal" in out
    code, _, err = psti(
        "appeal", "lodge", notice["reference"], "--lodged-on", "2026-04-10", "--ground", "error-of-fact"
    )
    assert code == 2 and "out of time" in err
    code, out, _ = psti(
        "appeal",
        "lodge",
        notice["reference"],
        "--lodged-on",
        "2026-04-09",
        "--ground",
        "error-of-fact",
        "--format",
        "json",
    )
    assert code == 0 and json.loads(out)["case_state"] == "appeal"
    code, out, _ = psti("case", "list", "--today", "2026-05-01", "--format", "json")
    assert json.loads(out)[0]["state"] == "appeal" and json.loads(out)[0]["overdue"] == 0
    code, out, _ = psti(
        "appeal", "decide", "1", "--outcome", "confirmed", "--decided-on", "2026-06-01", "--format", "json"
    )
    assert json.loads(out)["case_state"] == "notice-issued"
    code, out, _ = psti("case", "list", "--overdue", "--today", "2026-06-02", "--format", "json")
    assert [r["reference"] for r in json.loads(out)] == [ref]
    code, out, _ = psti("case", "show", ref, "--today", "2026-06-02")
    assert code == 0 and "overdue" in out and "complied" in out
    code, out, _ = psti("case", "history", "Acme Ltd", "--format", "json")
    assert json.loads(out)["cases"][0]["case"] == ref
    csv_path = tmp_path / "cases.csv"
    assert psti("case", "export", "--format", "csv", "--output", str(csv_path))[0] == 0
    assert csv_path.read_text().splitlines()[1].startswith(ref + ",notice-issued,CamX")
    code, out, _ = psti("case", "export")
    assert json.loads(out)["log_intact"] is True
    assert psti("case", "verify-log")[0] == 0


def test_penalty_calc_command(psti) -> None:
    ok = ["--factor", "effects-of-breach=wide", "--factor", "remedy-or-mitigation=none"]
    code, out, _ = psti(
        "penalty",
        "calc",
        "--amount",
        "40000000",
        "--qwr",
        "1000000000",
        "--period-start",
        "2025-01-01",
        "--period-end",
        "2025-12-31",
        *ok,
        "--format",
        "json",
        db=False,
    )
    assert code == 0 and json.loads(out)["cap"]["relevant_maximum_gbp"] == "40000000.00"
    code, _, err = psti("penalty", "calc", "--amount", "10000001", *ok, db=False)
    assert code == 2 and "above the relevant maximum" in err
    code, _, err = psti("penalty", "calc", "--amount", "1000", "--daily", "25000", *ok, db=False)
    assert code == 2 and "£20,000" in err


def test_survey_command_exit_codes_and_draft_cases(psti, tmp_path: Path) -> None:
    d = tmp_path / "p"
    d.mkdir()
    (d / "good.toml").write_text(declaration("Hub G"))
    code, out, _ = psti("survey", str(d), "--format", "json", "--workers", "1", db=False)
    assert code == 0 and json.loads(out)["counts"] == {"needs-evidence": 1}
    (d / "bad.toml").write_text(declaration("Cam U", scheme="universal"))
    code, out, _ = psti("survey", str(d), "--format", "json", "--workers", "2", "--open-cases")
    data = json.loads(out)
    assert code == 1 and data["counts"]["fail"] == 1 and len(data["opened_cases"]) == 1
    code, out, _ = psti("case", "list", "--state", "draft", "--format", "json")
    assert [r["product"] for r in json.loads(out)] == ["Cam U"]
    code, _, err = psti("survey", str(tmp_path / "nowhere"), db=False)
    assert code == 2 and "no such folder" in err


def test_bad_database_url_is_a_usage_error(psti) -> None:
    code, _, err = psti("case", "list", "--database", "nosuchdb://x", db=False)
    assert code == 2 and "database" in err


def test_bad_dates_and_unknown_references_are_usage_errors(psti) -> None:
    code, out, _ = psti("case", "open", "--product", "P", "--allegation", "a", "--format", "json")
    ref = json.loads(out)["reference"]
    for args, msg in [
        (
            (
                "notice",
                "intent",
                ref,
                "--kind",
                "compliance",
                "--to",
                "X",
                "--breach",
                "b",
                "--reasons",
                "r",
                "--sent-at",
                "yesterday",
            ),
            "--sent-at",
        ),
        (("appeal", "lodge", "NOPE", "--lodged-on", "2026-13-01", "--ground", "error-of-fact"), "--lodged-on"),
        (("case", "show", "PSTI-1999-0001"), "no case"),
        (("case", "open", "--product", "P", "--allegation", "a", "--party", "maker:Acme"), "ROLE:NAME"),
        (("case", "open", "--product", "P", "--allegation", "a", "--source", "rumour"), "source"),
        (
            ("notice", "intent", ref, "--kind", "compliance", "--to", "Nobody", "--breach", "b", "--reasons", "r"),
            "open an investigation",
        ),
    ]:
        code, _, err = psti(*args)
        assert code == 2 and msg in err, (args, err)
        assert "Traceback" not in err
