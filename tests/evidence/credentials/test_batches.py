"""Good batches pass every Schedule 1 sub-paragraph; each bad pattern fails the right one."""

from __future__ import annotations

import base64
import hashlib
import random
import secrets
import string
import zlib
from pathlib import Path

import pytest

from psti.evidence.credentials import analyse_batch
from psti.model import Verdict
from tests.evidence.credentials.batches import (
    ALNUM,
    SUBPARAS,
    Unit,
    assess_batch,
    hmac_serial,
    kinds,
    mac_suffix,
    password_n,
    sha_serial_8,
    token,
    verdicts,
    words,
    write_batch,
)

P, F, N = Verdict.PASS, Verdict.FAIL, Verdict.NEEDS_EVIDENCE


@pytest.mark.parametrize("gen", [token, hmac_serial, words], ids=["token_urlsafe", "hmac-sha256", "words"])
def test_good_batches_pass_every_subparagraph(tmp_path: Path, gen) -> None:  # type: ignore[no-untyped-def]
    a = assess_batch(write_batch(tmp_path / "b.csv", gen))
    assert verdicts(a) == dict.fromkeys(SUBPARAS, P), [f.message for f in a.findings]
    k = kinds(a)
    for code in ("PWB-UNIQUE", "PWB-NO-COUNTER", "PWB-NO-PUBLIC-INFO", "PWB-NOT-IDENTIFIER-DERIVED",
                 "PWB-NOT-GUESSABLE"):
        assert k[code] == "pass"
    assert a.exit_code() == 0


def _failing(a) -> set[str]:  # type: ignore[no-untyped-def]
    return {p for p, v in verdicts(a).items() if v is F}


def test_unkeyed_sha256_of_serial_truncated_to_8_fails_identifiers(tmp_path: Path) -> None:
    a = assess_batch(write_batch(tmp_path / "b.csv", sha_serial_8, shuffle=True))
    assert "PSTI-S1-1.3.c" in _failing(a)
    f = next(f for f in a.findings if f.kind == "PWB-IDENTIFIER-DERIVED")
    assert f.details["column"] == "serial" and "sha256" in f.details["transformation"]
    assert f.details["units"] == 3000
    assert "unkeyed" in f.message.lower()
    assert verdicts(a)["PSTI-S1-1.2"] is P


def test_mac_suffix_password_fails_identifiers(tmp_path: Path) -> None:
    a = assess_batch(write_batch(tmp_path / "b.csv", mac_suffix, shuffle=True))
    assert "PSTI-S1-1.3.c" in _failing(a)
    f = next(f for f in a.findings if f.kind == "PWB-IDENTIFIER-DERIVED")
    assert f.details["column"] == "mac"
    assert f.details["relation"] == "suffix"


def test_password1_to_passwordN_fails_counters_and_guessability(tmp_path: Path) -> None:
    a = assess_batch(write_batch(tmp_path / "b.csv", password_n, shuffle=True))
    failing = _failing(a)
    assert {"PSTI-S1-1.3.a", "PSTI-S1-1.3.d"} <= failing
    assert "PSTI-S1-1.2" not in failing
    f = next(f for f in a.findings if f.kind == "PWB-COUNTER")
    assert f.details["units"] >= 2990
    assert all(s["stride"] == 1 for s in f.details["sequences"])
    # shuffled rows, but units with consecutive serials have consecutive passwords
    big = f.details["sequences"][0]
    assert big["serial_column"] == "serial" and big["serial_step"] == 1 and big["serial_share"] == 1.0
    assert "consecutive serials step by 1" in f.message


def test_a_tenth_of_a_percent_duplicates_fails_uniqueness_only(tmp_path: Path) -> None:
    n = 5000
    pws = [secrets.token_urlsafe(12) for _ in range(n)]
    rng = random.Random(5)
    for i in rng.sample(range(n), n // 1000):  # 0.1% of units reuse another unit's password
        pws[i] = pws[(i + 1) % n]
    a = assess_batch(write_batch(tmp_path / "b.csv", token, n=n, passwords=pws))
    assert _failing(a) == {"PSTI-S1-1.2"}
    f = next(f for f in a.findings if f.kind == "PWB-DUPLICATE")
    assert f.details["units"] == 10 and f.details["shared_passwords"] == 5
    ex = f.details["examples"][0]
    assert ex["password"] != pws[ex["row"] - 1] and len(ex["password"]) == len(pws[ex["row"] - 1])


def test_birthday_collisions_of_short_random_passwords_are_reported(tmp_path: Path) -> None:
    a = assess_batch(write_batch(tmp_path / "b.csv", lambda u: secrets.token_hex(2)))
    assert "PSTI-S1-1.2" in _failing(a)


@pytest.mark.parametrize(
    ("gen", "shuffle"),
    [
        (lambda u: f"dev-{0x1A2B0000 + u.index:08x}", True),  # hex counter, shuffled rows
        (lambda u: f"Xk9p{1_000_000 + 7 * u.index}", False),  # stride 7, sorted
        (lambda u: f"{5_000_000 + 3 * u.index}-Acq", True),  # number first, stride 3
        (lambda u: f"Zqx-Kp{secrets.randbelow(10_000):04d}", False),  # only 4 characters change
    ],
    ids=["hex-shuffled", "stride-7", "prefix-number", "few-characters-change"],
)
def test_counters_fail_whatever_the_order(tmp_path: Path, gen, shuffle: bool) -> None:  # type: ignore[no-untyped-def]
    a = assess_batch(write_batch(tmp_path / "b.csv", gen, shuffle=shuffle))
    assert "PSTI-S1-1.3.a" in _failing(a)
    seq = next(f for f in a.findings if f.kind == "PWB-COUNTER").details["sequences"][0]
    if gen(Unit(0, "", "", "", "")).startswith("dev-"):
        assert seq["kind"] == "hex" and seq["units"] == 3000 and seq["stride"] == 1
    if gen(Unit(0, "", "", "", "")).startswith("Zqx"):
        assert seq["stride"] == 0 and seq["varying_characters"] == 4


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


@pytest.mark.parametrize(
    ("gen", "column"),
    [
        (lambda u: u.serial, "serial"),
        (lambda u: u.serial.lower()[::-1], "serial"),
        (lambda u: base64.b64encode(u.serial.encode()).decode(), "serial"),
        (lambda u: hashlib.md5(u.mac.encode()).hexdigest()[:10], "mac"),
        (lambda u: hashlib.sha1(u.serial.replace("-", "").lower().encode()).hexdigest()[-12:], "serial"),
        (lambda u: f"{zlib.crc32(u.imei.encode()):08x}", "imei"),
        (lambda u: u.imei[-8:], "imei"),
        (lambda u: str(int(u.imei[-9:]) + 12345).zfill(9), "imei"),
        (lambda u: "Q7" + u.mac.replace(":", "")[-6:] + "zz", "mac"),
        (lambda u: hashlib.sha256(u.serial.encode()).hexdigest()[:8].upper(), "serial"),
        (lambda u: f"{int(u.mac.replace(':', ''), 16) + 1:012x}", "mac"),
    ],
    ids=["equal", "reversed-lower", "base64", "md5-mac", "sha1-suffix", "crc32-imei", "imei-last8",
         "offset", "embedded-mac6", "sha256-upper", "mac-plus-1"],
)
def test_identifier_derivations_fail(tmp_path: Path, gen, column: str) -> None:  # type: ignore[no-untyped-def]
    a = assess_batch(write_batch(tmp_path / "b.csv", gen, n=2000, shuffle=True))
    assert "PSTI-S1-1.3.c" in _failing(a)
    cols = {f.details.get("column") for f in a.findings if f.kind == "PWB-IDENTIFIER-DERIVED"}
    assert column in cols


def test_derivation_only_in_the_second_half_is_found_by_the_reservoir(tmp_path: Path) -> None:
    n = 6000

    def gen(u: Unit) -> str:
        return secrets.token_urlsafe(12) if u.index < n // 2 else hashlib.md5(u.serial.encode()).hexdigest()[:12]

    report = analyse_batch(write_batch(tmp_path / "b.csv", gen, n=n))
    assert report.passes == 2
    d = report.derivations[0]
    assert d.matches == n // 2 and d.hypothesis.column_name == "serial"


def test_sporadic_password_equal_to_serial_fails(tmp_path: Path) -> None:
    def gen(u: Unit) -> str:
        return u.serial if u.index == 1234 else secrets.token_urlsafe(12)

    a = assess_batch(write_batch(tmp_path / "b.csv", gen))
    assert "PSTI-S1-1.3.c" in _failing(a)  # (1.3.d too if the sample caught it)
    f = next(f for f in a.findings if f.kind == "PWB-IDENTIFIER-DERIVED")
    assert f.details["units"] == 1 and f.location.row == 1235


def test_public_information_fails(tmp_path: Path) -> None:
    a = assess_batch(write_batch(tmp_path / "b.csv", lambda u: "AcmeHome-" + secrets.token_urlsafe(9)))
    assert "PSTI-S1-1.3.b" in _failing(a)
    f = next(f for f in a.findings if f.kind == "PWB-PUBLIC-INFO" and f.effect.value == "fail")
    assert f.details["source"] in {"product.brand", "manufacturer[0].name"}


def test_password_derived_from_the_broadcast_ssid_is_public_information(tmp_path: Path) -> None:
    a = assess_batch(
        write_batch(tmp_path / "b.csv", lambda u: u.ssid.lower().replace("-", "") + "k9x!",
                    columns=("serial", "ssid", "password")),
        public=__import__("psti.evidence.credentials", fromlist=["PublicInfo"]).PublicInfo(),
    )
    assert "PSTI-S1-1.3.b" in _failing(a)


@pytest.mark.parametrize(
    ("gen", "kind"),
    [
        (lambda u: secrets.token_urlsafe(4), "PWB-SHORT"),
        (lambda u: random.choice(["summer", "monkey", "dragon", "football"]) + secrets.token_hex(2), "PWB-DICTIONARY"),
        (lambda u: "".join(random.choice(string.digits) for _ in range(9)), "PWB-LOW-ENTROPY"),
        (lambda u: "".join("a" if random.random() < 0.6 else random.choice(ALNUM) for _ in range(16)),
         "PWB-CHAR-BIAS"),
    ],
    ids=["short", "dictionary", "digits-only", "biased-generator"],
)
def test_guessable_batches_fail(tmp_path: Path, gen, kind: str) -> None:  # type: ignore[no-untyped-def]
    a = assess_batch(write_batch(tmp_path / "b.csv", gen))
    assert "PSTI-S1-1.3.d" in _failing(a)
    assert kinds(a)[kind] == "fail"


def test_common_passwords_fail(tmp_path: Path) -> None:
    from psti.evidence.credentials.wordlists import common_passwords

    pool = sorted(p for p in common_passwords() if len(p) >= 8)
    a = assess_batch(write_batch(tmp_path / "b.csv", lambda u: pool[u.index]))
    assert kinds(a)["PWB-COMMON"] == "fail"
    assert "PSTI-S1-1.3.d" in _failing(a)


def test_modulo_bias_is_reported_but_does_not_fail(tmp_path: Path) -> None:
    # alphabet[byte % 62]: the first 8 symbols come up 25% more often; significant, but costs
    # a few hundredths of a bit, so the passwords stay unguessable
    def gen(u: Unit) -> str:
        return "".join(ALNUM[b % 62] for b in secrets.token_bytes(14))

    a = assess_batch(write_batch(tmp_path / "b.csv", gen, n=40000))
    assert verdicts(a) == dict.fromkeys(SUBPARAS, P)
    assert kinds(a)["PWB-CHAR-BIAS"] == "info"


def test_large_good_batch_has_no_false_positive(tmp_path: Path) -> None:
    def gen(u: Unit) -> str:
        return "".join(secrets.choice(ALNUM) for _ in range(12))

    a = assess_batch(write_batch(tmp_path / "b.csv", gen, n=60000))
    assert verdicts(a) == dict.fromkeys(SUBPARAS, P), [f.message for f in a.findings if f.effect.value != "pass"]


def test_batch_without_identifiers_needs_evidence_for_derivation(tmp_path: Path) -> None:
    a = assess_batch(write_batch(tmp_path / "b.csv", token, columns=("password",)))
    assert verdicts(a)["PSTI-S1-1.3.c"] is N
    assert a.exit_code() == 3


def test_small_random_groups_with_two_equal_gaps_are_not_counters() -> None:
    # At a million rows, random hex passwords fall into many 5-unit template groups; two
    # of their four gaps coincide by chance in some. Only a real run of steps counts.
    import numpy as np

    from psti.evidence.credentials.analyse import _counters

    rng = np.random.default_rng(11)
    groups = 40_000
    t = np.repeat(rng.integers(1, 2**62, groups), 5)
    v = rng.integers(0, 10_000, groups * 5)
    v[:5] = [100, 184, 268, 352, 436]  # one real counter: stride 84
    n = t.size
    found = _counters(t, v, np.full(n, 4, dtype=np.int8), np.full(n, 8), "decimal", 5)
    assert [(g.units, g.stride) for g in found] == [(5, 84)]


@pytest.mark.parametrize(("weak", "fails"), [(5, False), (30, True)])
def test_isolated_weak_estimates_inform_but_a_weak_share_fails(tmp_path: Path, weak: int, fails: bool) -> None:
    # n = 1,000: every row is in the zxcvbn sample; keyboard walks score 1
    pws = ["".join(secrets.choice(ALNUM) for _ in range(14)) for _ in range(1000)]
    for i in range(weak):
        pws[i * 31] = f"{ALNUM[i]}{ALNUM[i + 20]}asdfghjkl"
    a = assess_batch(write_batch(tmp_path / "b.csv", token, n=1000, passwords=pws))
    assert kinds(a)["PWB-WEAK-ESTIMATE"] == ("fail" if fails else "info")
    assert (verdicts(a)["PSTI-S1-1.3.d"] is F) == fails


def test_masked_examples_do_not_give_the_password_away(tmp_path: Path) -> None:
    from psti.evidence.credentials import batch_result

    path = write_batch(tmp_path / "b.csv", lambda u: f"Sunshine{u.index % 97:02d}!")
    report = analyse_batch(path)
    masked = batch_result(report, "x").findings
    shown = batch_result(report, "x", show_secrets=True).findings
    f = next(f for f in masked if f.kind == "PWB-DICTIONARY")
    assert all("sunshine" not in str(ex).lower() for ex in f.details["examples"])
    g = next(f for f in shown if f.kind == "PWB-DICTIONARY")
    assert g.details["examples"][0]["detail"] == "sunshine"
    assert g.details["examples"][0]["password"].startswith("Sunshine")


def test_real_default_credential_list_fails_as_a_batch(shared_data: Path) -> None:
    # the 62 credentials hard-coded in the Mirai scanner, read as if they were a batch
    a = assess_batch(shared_data / "default-credentials" / "mirai_scanner_credentials.csv")
    k = kinds(a)
    assert k["PWB-DUPLICATE"] == k["PWB-SHORT"] == k["PWB-COMMON"] == "fail"
    assert {"PSTI-S1-1.2", "PSTI-S1-1.3.d"} <= _failing(a)
    assert verdicts(a)["PSTI-S1-1.3.c"] is N  # no identifier columns to test derivation


def test_real_ragged_file_is_named_by_row_and_column(shared_data: Path) -> None:
    from psti.errors import InputError

    with pytest.raises(InputError) as e:
        analyse_batch(shared_data / "default-credentials" / "seclists" / "default-passwords.csv")
    msg = str(e.value)
    assert "default-passwords.csv:2875" in msg and "row 2874" in msg and "'Comments' is missing" in msg
