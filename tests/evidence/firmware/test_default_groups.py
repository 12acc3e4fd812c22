"""Indexed setting groups in vendor default configurations name their own user, wherever
the name sits in the group (airOS writes `users.1.name` after `users.1.password`)."""

from __future__ import annotations

from pathlib import Path

from psti.corpus import load_corpus
from psti.evidence.firmware.handlers.defaults import scan_key_values

SAMPLE = Path(__file__).resolve().parents[3] / "bench" / "data" / "fw-eval" / "files" / "ubiquiti-ns5" / "default.cfg"


def test_airos_user_named_after_its_password() -> None:
    creds, _ = scan_key_values("/etc/default.cfg", SAMPLE.read_text(encoding="utf-8"))
    assert [(c.account, c.secret) for c in creds] == [("ubnt", "VvpvCwhccFv6Q")]


def test_group_name_is_a_user_only_in_an_account_group() -> None:
    text = "radio.1.name=uplink\nradio.1.password=s3cretRadio\nppp.1.username=isp\nppp.1.password=dialup99\n"
    creds, _ = scan_key_values("/etc/default.cfg", text)
    assert [(c.account, c.secret) for c in creds] == [("radio.1.password", "s3cretRadio"), ("isp", "dialup99")]


def test_a_group_user_does_not_leak_into_another_group() -> None:
    text = "users.1.name=ubnt\nusers.2.password=other42\nusers.1.password=first42\n"
    creds, _ = scan_key_values("/etc/default.cfg", text)
    assert {c.secret: c.account for c in creds} == {"other42": "users.2.password", "first42": "ubnt"}


def test_documented_vendor_defaults_added_for_hashes_met_in_firmware() -> None:
    pairs = load_corpus().pairs()
    assert "hiklinux" in pairs["root"] and "SUGAR2A041" in pairs["ONTUSER"]
