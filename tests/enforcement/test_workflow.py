"""Time limits come from the regime's power items when they carry them."""

from __future__ import annotations

import datetime as dt

from psti.enforcement.workflow import load_workflow, resolve_limit

WF = load_workflow()


def test_limits_read_from_regime_power_items() -> None:
    for lid, source in [
        ("compliance-notice-pre-notice", "regime:PSTI-ACT-s28"),
        ("enforcement-notice-appeal", "regime:PSTI-ACT-s33"),
        ("penalty-pre-notice", "regime:PSTI-ACT-s39"),
        ("penalty-payment-period", "regime:PSTI-ACT-s36"),
        ("penalty-appeal", "regime:PSTI-ACT-s41"),
    ]:
        r = resolve_limit(WF, lid, dt.date(2026, 3, 1))
        assert r.source == source and r.days == WF.limit(lid).days, lid


def test_limit_without_regime_number_falls_back_to_workflow_data() -> None:
    r = resolve_limit(WF, "information-request-response", dt.date(2026, 3, 1))
    assert r.source == "workflow" and r.days == 14


def test_an_amending_instrument_changes_the_deadline(tmp_path, monkeypatch) -> None:
    (tmp_path / "uk-psti-2031-test.toml").write_text(
        '[instrument]\nid = "uk-psti-2031-test"\nregime = "uk-psti"\ntitle = "Test amendment"\n'
        'kind = "law"\neffective_from = 2031-01-01\ncitation = "SI 2031/1 (test)"\n\n'
        '[[items]]\nid = "PSTI-ACT-s33"\nkind = "power"\ntitle = "Appeals"\ntext = "21 days"\n'
        'citation = "Act s.33(2) as amended (test)"\n[items.limits]\nappeal_days = 21\n'
    )
    monkeypatch.setenv("PSTI_REGIME_PATH", str(tmp_path))
    assert resolve_limit(WF, "enforcement-notice-appeal", dt.date(2030, 12, 31)).days == 28
    after = resolve_limit(WF, "enforcement-notice-appeal", dt.date(2031, 1, 1))
    assert after.days == 21 and after.citation == "Act s.33(2) as amended (test)"
