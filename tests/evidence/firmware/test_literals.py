"""The one-pass literal search reports what one bytes.find per literal reports."""

from __future__ import annotations

import random

from psti.evidence.firmware.literals import Literals

WORDS = [b"\x00\x01\xff", b"a.b*", b"hsqs", b"Pass"]


def _plain(data: bytes, caseless: list[bool]) -> list[tuple[int, int]]:
    out = []
    for i, (word, nocase) in enumerate(zip(WORDS, caseless, strict=True)):
        hay, needle = (data.lower(), word.lower()) if nocase else (data, word)
        at = hay.find(needle)
        while at >= 0:
            out.append((i, at + len(word)))
            at = hay.find(needle, at + 1)
    return sorted(out)


def _scan(search: Literals, data: bytes) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    search.scan(data, lambda tag, end: found.append((tag, end)) or False)
    return found


def test_every_occurrence_is_reported_with_its_end() -> None:
    rng = random.Random(3)
    data = bytearray(rng.randrange(256) for _ in range(20_000))
    for at, word in [(5, b"\x00\x01\xff"), (900, b"a.b*"), (1200, b"axb*"), (4000, b"HSQS"),
                     (4100, b"hsqs"), (7000, b"pASS"), (7004, b"Pass")]:
        data[at:at + len(word)] = word
    for caseless in ([False] * 4, [False, False, True, True]):
        found = _scan(Literals(WORDS, caseless), bytes(data))
        assert sorted(found) == _plain(bytes(data), caseless)
        assert (1, 904) in found and (1, 1204) not in found  # metacharacters are literal


def test_returning_true_stops_the_search() -> None:
    found: list[int] = []
    Literals([b"x"]).scan(b"x-x-x", lambda tag, end: found.append(end) or True)
    assert found == [1]
