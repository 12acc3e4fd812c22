"""Cheap looks at raw bytes: known magics, vendor headers, declared sizes, entropy.

unblob does the real work; these checks explain what it could not do (truncated,
encrypted, unknown), recognise headers unblob only carves (uImage), and spot archives
left unopened at the depth limit.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

UIMAGE_MAGIC = b"\x27\x05\x19\x56"
UIMAGE_HEADER = 64
TRX_MAGIC = b"HDR0"

# (name, offset, magic): formats worth recursing into.
MAGICS: tuple[tuple[str, int, bytes], ...] = (
    ("squashfs", 0, b"hsqs"),
    ("squashfs", 0, b"sqsh"),
    ("gzip", 0, b"\x1f\x8b"),
    ("xz", 0, b"\xfd7zXZ\x00"),
    ("bzip2", 0, b"BZh"),
    ("zstd", 0, b"\x28\xb5\x2f\xfd"),
    ("lz4", 0, b"\x04\x22\x4d\x18"),
    ("zip", 0, b"PK\x03\x04"),
    ("7z", 0, b"7z\xbc\xaf\x27\x1c"),
    ("cpio", 0, b"070701"),
    ("cpio", 0, b"070702"),
    ("cpio", 0, b"070707"),
    ("cpio", 0, b"\xc7\x71"),
    ("tar", 257, b"ustar"),
    ("uimage", 0, UIMAGE_MAGIC),
    ("trx", 0, TRX_MAGIC),
    ("jffs2", 0, b"\x85\x19"),
    ("jffs2", 0, b"\x19\x85"),
    ("ubi", 0, b"UBI#"),
    ("ubifs", 0, b"\x31\x18\x10\x06"),
    ("cramfs", 0, b"\x45\x3d\xcd\x28"),
    ("ext", 0x438, b"\x53\xef"),
    ("lzma", 0, b"\x5d\x00\x00"),
)


def read_head(path: str | Path, size: int = 4096) -> bytes:
    with open(path, "rb") as f:
        return f.read(size)


def magic_of(head: bytes) -> str | None:
    for name, offset, magic in MAGICS:
        if head[offset : offset + len(magic)] == magic:
            return name
    return None


@dataclass(frozen=True)
class Header:
    format: str  # "uimage" or "trx"
    size: int  # header length in bytes
    declared_end: int  # offset where the declared payload ends
    valid: bool  # header CRC checks out
    name: str = ""


def vendor_header(head: bytes) -> Header | None:
    """A uImage or TRX header at offset 0, if any."""
    if head[:4] == UIMAGE_MAGIC and len(head) >= UIMAGE_HEADER:
        fields = struct.unpack(">IIIIIIIBBBB32s", head[:UIMAGE_HEADER])
        header_crc, data_size = fields[1], fields[3]
        blank = head[:4] + b"\0\0\0\0" + head[8:UIMAGE_HEADER]
        name = fields[11].split(b"\0", 1)[0].decode("latin-1")
        return Header("uimage", UIMAGE_HEADER, UIMAGE_HEADER + data_size,
                      zlib.crc32(blank) == header_crc, name)
    if head[:4] == TRX_MAGIC and len(head) >= 28:
        length, crc = struct.unpack("<II", head[4:12])
        return Header("trx", 28, length, True)  # the CRC covers the whole image; not checked
    return None


def declared_size(head: bytes) -> int | None:
    """Size the format's own header claims, for formats that state it."""
    if head[:4] == b"hsqs" and len(head) >= 48:
        return int(struct.unpack_from("<Q", head, 40)[0])
    if head[:4] == b"sqsh" and len(head) >= 48:
        return int(struct.unpack_from(">Q", head, 40)[0])
    header = vendor_header(head)
    if header is not None:
        return header.declared_end
    return None


def gzip_truncated(path: Path, budget: int = 64 * 1024**2) -> bool:
    """True if a gzip stream ends before its end marker (reads at most `budget` output)."""
    d = zlib.decompressobj(wbits=31)
    produced = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 16):
            try:
                out = d.decompress(chunk, budget - produced)
            except zlib.error:
                return False
            produced += len(out)
            if d.eof:
                return False
            if produced >= budget:
                return False  # too long to check cheaply; not judged truncated
    return not d.eof


def entropy(path: Path, samples: int = 16, sample_size: int = 64 * 1024) -> float:
    """Shannon entropy in bits per byte over evenly spaced samples of the file."""
    size = path.stat().st_size
    if size == 0:
        return 0.0
    counts: Counter[int] = Counter()
    with path.open("rb") as f:
        if size <= samples * sample_size:
            counts.update(f.read())
        else:
            step = size // samples
            for i in range(samples):
                f.seek(i * step)
                counts.update(f.read(sample_size))
    total = sum(counts.values())
    return -sum(c / total * math.log2(c / total) for c in counts.values())


HIGH_ENTROPY = 7.95  # bits/byte: encrypted or compressed with an unknown method
