"""Byte mutations of seed inputs, stacked a few at a time, with per-format tokens.

Besides random bit flips and byte edits, the mutators insert the tokens each format's
parser cares about and repeat chunks many times, because the inputs that hurt parsers
are rarely random: deep nesting, one enormous line, runs of `<a`, thousands of tables.
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable, Sequence

MAX_OUTPUT = 4 * 1024 * 1024  # a mutated input never exceeds this (before compression)

INTERESTING_BYTES = b"\x00\xff\x7f\x80\n\r\t ,;=\"'\\[]{}<>&#%/.:-"
TOKENS: dict[str, Sequence[bytes]] = {
    "toml": (
        b"[[", b"]]", b"[", b"= [", b"= {", b"{a=", b"\"\\ud800\"", b"\"\\U0010FFFF\"", b"9" * 5000,
        b"1979-05-27T07:32:00Z", b"9999-12-31", b"0000-01-01", b"inf", b"nan", b"'''", b'"""',
        b"[product]\n", b"[[manufacturer]]\n", b"[[artefacts]]\nkind='firmware'\npath='/dev/urandom'\n",
        b"[[artefacts]]\nkind='firmware'\npath='" + b"a" * 300 + b"'\n", b"name = \"" + b"N" * 2000 + b"\"\n",
        b"x.y.z.w = 1\n", b"[unknown]\na=1\n", b"\xc3\x28", b"\xef\xbb\xbf",
    ),
    "json": (
        b"\"\\ud800\"", b"\"\\udfff\"", b"1e999", b"-1e999", b"NaN", b"Infinity", b"9" * 5000, b"[" * 5000,
        b"{\"a\":" * 3000, b"\"schema\":\"psti.statement/1\",", b"\"issued_on\":\"9999-12-31\",",
        b"\"value\":\"AAAA\",", b"\\u0000", b"\"\"", b"null", b"true", b"{}", b"[]", b"\xc3\x28", b"\xef\xbb\xbf",
    ),
    "csv": (
        b"\"", b"\"\"", b"\n", b"\r\n", b"\r", b",", b"\t", b"\x00", b"\xc3\x28", b"\xff\xfe", b"\xef\xbb\xbf",
        b"A" * 70_000, b"\n" * 10_000, b",,,,,,,,", b"password,password\n", b"=cmd|' /C calc'!A0",
    ),
    "jsonl": (
        b"{\"password\":\"\\ud800\"}\n", b"{\"password\":" + b"9" * 5000 + b"}\n", b"[" * 3000, b"{\"a\":" * 2000,
        b"{\"password\":1e999}\n", b"{\"password\":NaN}\n", b"{\"password\":\"x\",\"password\":\"y\"}\n",
        b"\n" * 10_000, b"\x00", b"\xc3\x28", b"{}\n", b"[]\n",
    ),
    "text": (
        b"Contact: ", b"Expires: ", b"Canonical: ", b"Policy: ", b"Encryption: ", b"Preferred-Languages: ",
        b"mailto:", b"https://", b"http://[::1]/", b"\r\n", b"\n", b"\x00", b"\xc3\x28", b"\xef\xbb\xbf",
        b"-----BEGIN PGP SIGNED MESSAGE-----\n", b"-----BEGIN PGP SIGNATURE-----\n", b"9999-12-31T23:59:59Z",
        b"#" * 1000, b":" * 1000, b"A" * 100_000,
    ),
    "html": (
        b"<", b"<a", b"<a href='", b"<!--", b"-->", b"<script>", b"</script>", b"<![CDATA[", b"<?xml ",
        b"&#x110000;", b"&#99999999999;", b"&nbsp;", b"<input type=password>", b"<html lang=", b"</",
        b"<table><tr><td>", b"until 31 December 2031", b"security updates", b"\x00", b"\xc3\x28",
    ),
    "binary": (b"\x00" * 64, b"\xff" * 64, b"hsqs", b"\x45\x3d\xcd\x28", b"\x1f\x8b\x08", b"PK\x03\x04"),
}


def _flip(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    for _ in range(rng.randint(1, 8)):
        if data:
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)


def _set_byte(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    if data:
        data[rng.randrange(len(data))] = rng.choice(INTERESTING_BYTES)


def _insert_random(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    i = rng.randint(0, len(data))
    data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))


def _delete(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    if len(data) > 1:
        i = rng.randrange(len(data))
        del data[i : i + rng.randint(1, max(1, len(data) // 8))]


def _insert_token(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    i = rng.randint(0, len(data))
    data[i:i] = rng.choice(tokens)


def _repeat_chunk(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    """A chunk (or a token) repeated many times: deep nesting, huge lines, many tables."""
    if data and rng.random() < 0.6:
        i = rng.randrange(len(data))
        chunk = bytes(data[i : i + rng.randint(1, 64)])
    else:
        chunk = rng.choice(tokens)
    times = rng.choice((2, 10, 100, 1000, 10_000, 100_000))
    times = max(1, min(times, MAX_OUTPUT // max(1, len(chunk)) // 2))
    j = rng.randint(0, len(data))
    data[j:j] = chunk * times


def _duplicate_line(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    lines = bytes(data).split(b"\n")
    if len(lines) > 1:
        k = rng.randrange(len(lines))
        lines.insert(rng.randrange(len(lines)), lines[k])
        data[:] = b"\n".join(lines)


def _swap_lines(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    lines = bytes(data).split(b"\n")
    if len(lines) > 2:
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
        data[:] = b"\n".join(lines)


def _truncate(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    if data:
        del data[rng.randrange(len(data)) :]


def _whitespace(rng: random.Random, data: bytearray, tokens: Sequence[bytes]) -> None:
    """Insignificant changes (JSON whitespace): a signed document must still verify."""
    for _ in range(rng.randint(1, 5)):
        i = data.find(b",", rng.randrange(len(data))) if data else -1
        if i >= 0:
            data[i + 1 : i + 1] = rng.choice((b" ", b"\n", b"\t", b"  \n  "))


MUTATORS: tuple[tuple[Callable[[random.Random, bytearray, Sequence[bytes]], None], int], ...] = (
    (_flip, 5),
    (_set_byte, 4),
    (_insert_random, 2),
    (_delete, 3),
    (_insert_token, 6),
    (_repeat_chunk, 3),
    (_duplicate_line, 2),
    (_swap_lines, 2),
    (_truncate, 1),
    (_whitespace, 1),
)


def mutate(rng: random.Random, seed: bytes, token_set: str, *, gzipped: bool = False) -> bytes:
    """One mutated input: 1 to 4 stacked mutations of `seed` (decompressed first when gzipped)."""
    raw = gzip.decompress(seed) if gzipped else seed
    mutate_compressed = gzipped and rng.random() < 0.25
    data = bytearray(seed if mutate_compressed else raw)
    tokens = TOKENS[token_set]
    funcs = [f for f, _ in MUTATORS]
    weights = [w for _, w in MUTATORS]
    for f in rng.choices(funcs, weights, k=rng.randint(1, 4)):
        f(rng, data, tokens)
        if len(data) > MAX_OUTPUT:
            del data[MAX_OUTPUT:]
    if gzipped and not mutate_compressed:
        return gzip.compress(bytes(data), compresslevel=6, mtime=0)
    return bytes(data)
