from __future__ import annotations

import warnings

import pytest

from psti.evidence.firmware.hashes import apr1, identify, verify

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt


@pytest.mark.parametrize(
    ("setting", "kind"),
    [
        ("ab", "descrypt"),
        ("$1$abcdefgh$", "md5crypt"),
        ("$5$abcdefghijklmnop$", "sha256crypt"),
        ("$6$abcdefghijklmnop$", "sha512crypt"),
        ("$2b$05$abcdefghijklmnopqrstuu", "bcrypt"),
        ("$y$j9T$abcdefghijklmnop$", "yescrypt"),
    ],
)
def test_libc_hash_types_are_identified_and_verified(setting: str, kind: str) -> None:
    h = crypt.crypt("admin", setting)
    assert identify(h) == kind
    assert verify("admin", h, kind)
    assert not verify("admin1", h, kind)


def test_python_formats() -> None:
    # FACT_core test vectors (max/dragon, admin/admin, test/123456 mosquitto)
    assert identify("$apr1$nMebU24m$ofpVAehRJU5Jq8KUcsVYj1") == "apr1"
    assert verify("dragon", "$apr1$nMebU24m$ofpVAehRJU5Jq8KUcsVYj1", "apr1")
    assert apr1("dragon", "nMebU24m") == "$apr1$nMebU24m$ofpVAehRJU5Jq8KUcsVYj1"
    assert verify("admin", "{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc=", "sha1-b64")
    mosq = "$6$AQIDBAUG$LJOy7+x1cwKlJ74yCwBak1Vn83DyaKE5NvpC7zMcxwNux1pl+BEs5RH/YIjJKm/hOE+9D3CpvHrEGqYQM4SqjA=="
    assert identify(mosq) == "mosquitto-sha512"
    assert verify("123456", mosq, "mosquitto-sha512")
    assert not verify("1234567", mosq, "mosquitto-sha512")


@pytest.mark.parametrize(
    "field", ["x", "*", "!", "!!", "password", "abcdefghijklm", "ABCDEFGHIJKLM", "1234567890123", "$1$short$bad", ""]
)
def test_non_hashes_are_not_identified(field: str) -> None:
    assert identify(field) is None
