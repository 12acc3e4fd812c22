"""The one-pass trigger search finds exactly what one search per word finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from psti.evidence.firmware.triggers import (
    HASH_MARKER,
    KEY_MARKER,
    PROMPT_WORDS,
    URL_MARKER,
    Triggers,
    find_triggers,
    prepare,
)


def find_triggers_plain(data: bytes) -> Triggers:
    """The same answer with bytes.find: one pass per word."""
    low = data.lower()
    prompts: list[int] = []
    for word in PROMPT_WORDS:
        i = low.find(word)
        while i >= 0:
            prompts.append(i)
            i = low.find(word, i + 1)
    prompts.sort()
    return Triggers(prompts, HASH_MARKER in data, URL_MARKER in data, KEY_MARKER in data)


def _programs() -> list[bytes]:
    out = []
    for name in ("/bin/login", "/usr/bin/passwd", "/bin/ls", "/usr/bin/ssh", "/usr/bin/curl"):
        p = Path(name)
        if p.is_file():
            out.append(p.read_bytes())
    return out


def _planted() -> bytes:
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(50_000))
    return (noise[:1000] + b"Password:\x00PaSsWoRd\x00pwdpwd LOGIN login:" + noise[1000:20_000]
            + b"root:$1$abcdefgh$xyz" + noise[20_000:30_000] + b"http://admin:x@h/"
            + b"-----BEGIN RSA PRIVATE KEY-----" + noise[30_000:] + b"passpass")


@pytest.mark.parametrize("data", [b"", b"nothing here", _planted(), *_programs()])
def test_one_pass_equals_one_search_per_word(data: bytes) -> None:
    assert find_triggers(data) == find_triggers_plain(data)


def test_planted_triggers_are_all_found() -> None:
    found = find_triggers(_planted())
    assert found.hash_marker and found.url_marker and found.key_marker
    assert len(found.prompts) >= 8 and found.prompts == sorted(found.prompts)


def test_a_small_input_finds_each_kind_of_trigger() -> None:
    prepare()
    assert find_triggers(b"xx:$1$ login") == Triggers([7], hash_marker=True)
    assert find_triggers(b"PWD https://x") == Triggers([0], url_marker=True)
