"""Intel HEX (microcontroller firmware as text records) decoded to the flash image.

unblob does not read Intel HEX; Arduino/AVR, PIC and many MCU toolchains ship it. The
decoded binary is what a device runs, so string and credential scans need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_RECORD = re.compile(rb"^:([0-9A-Fa-f]{2})([0-9A-Fa-f]{4})([0-9A-Fa-f]{2})([0-9A-Fa-f]*)$")
FILL = 0xFF  # erased flash


class IntelHexError(ValueError):
    """Not Intel HEX, or a damaged record (message says which line)."""


@dataclass(frozen=True)
class Decoded:
    data: bytes
    base_address: int
    complete: bool  # an end-of-file record was seen


def looks_like_ihex(head: bytes) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].strip()
    return bool(_RECORD.match(first))


def decode(path: Path, max_bytes: int) -> Decoded:
    """Decode an Intel HEX file; the image spans its lowest to highest address.

    Raises IntelHexError on a malformed record or checksum, or when the address span
    would exceed max_bytes (a hostile file can claim addresses up to 4 GiB).
    """
    chunks: dict[int, bytes] = {}
    upper = 0  # from type 02 (segment << 4) or 04 (linear << 16) records
    complete = False
    with path.open("rb") as f:
        for number, raw in enumerate(f, start=1):
            line = raw.strip()
            if not line:
                continue
            m = _RECORD.match(line)
            if m is None or len(m.group(4)) % 2:
                raise IntelHexError(f"line {number}: not an Intel HEX record")
            body = bytes.fromhex(line[1:].decode("ascii"))
            if sum(body) & 0xFF:
                raise IntelHexError(f"line {number}: checksum mismatch")
            count, address, kind = body[0], int.from_bytes(body[1:3], "big"), body[3]
            payload = body[4:-1]
            if len(payload) != count:
                raise IntelHexError(f"line {number}: length field says {count} bytes")
            if kind == 0x00:
                chunks[upper + address] = payload
            elif kind == 0x01:
                complete = True
                break
            elif kind == 0x02:
                upper = int.from_bytes(payload, "big") << 4
            elif kind == 0x04:
                upper = int.from_bytes(payload, "big") << 16
            # 03 and 05 are start addresses: nothing to place
    if not chunks:
        return Decoded(b"", 0, complete)
    low = min(chunks)
    high = max(a + len(d) for a, d in chunks.items())
    if high - low > max_bytes:
        raise IntelHexError(f"address span of {high - low:,} bytes exceeds the file limit")
    image = bytearray([FILL]) * (high - low)
    for address, data in chunks.items():
        image[address - low : address - low + len(data)] = data
    return Decoded(bytes(image), low, complete)
