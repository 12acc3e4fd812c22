"""Recognising containers by their bytes: at offset 0, inside large files, SquashFS superblocks.

Used by the SquashFS fast path to decide which extracted files unblob should open.
"""

from __future__ import annotations

import mmap
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from psti.evidence.firmware.extract import sniff
from psti.evidence.firmware.literals import Literals

HEAD = 0x440  # bytes to read for container_kind: the ext superblock magic is at 0x438


@dataclass(frozen=True)
class Squash:
    offset: int
    size: int  # bytes_used from the superblock


def squashfs_superblock(data: bytes | mmap.mmap, offset: int, file_size: int) -> Squash | None:
    """A plausible SquashFS 4.0 little-endian superblock at offset, or None."""
    sb = data[offset : offset + 96]
    if len(sb) < 96 or sb[:4] != b"hsqs":
        return None
    block_size, = struct.unpack_from("<I", sb, 12)
    compression, block_log = struct.unpack_from("<HH", sb, 20)
    major, minor = struct.unpack_from("<HH", sb, 28)
    bytes_used, = struct.unpack_from("<Q", sb, 40)
    if (major, minor) != (4, 0) or not 12 <= block_log <= 20 or block_size != 1 << block_log:
        return None
    if not 1 <= compression <= 6 or bytes_used < 96 or offset + bytes_used > file_size:
        return None
    return Squash(offset, bytes_used)


def find_squashfs(image: Path, size: int) -> Squash | None:
    """The first valid SquashFS 4 superblock in the image (offset 0 or behind a header)."""
    with image.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        pos = mm.find(b"hsqs")
        tries = 0
        while pos != -1 and tries < 64:
            found = squashfs_superblock(mm, pos, size)
            if found is not None:
                return found
            pos, tries = mm.find(b"hsqs", pos + 1), tries + 1
    return None


def container_kind(head: bytes) -> str | None:
    """Format name when a file starts like an archive, filesystem or compressed stream."""
    kind = sniff.magic_of(head)
    if kind is not None:
        return kind
    if len(head) >= 512 and head[510:512] == b"\x55\xaa" and head[:1] in (b"\xeb", b"\xe9") and (
        head[0x36:0x39] == b"FAT" or head[0x52:0x55] == b"FAT"
    ):
        return "fat"
    return None


# Magics worth a look inside large files: (magic, offset of the magic in its format).
_EMBEDDED = (
    (b"hsqs", 0), (b"\x1f\x8b\x08", 0), (b"\xfd7zXZ\x00", 0), (b"UBI#", 0),
    (sniff.UIMAGE_MAGIC, 0), (b"070701", 0), (b"PK\x03\x04", 0), (b"7z\xbc\xaf\x27\x1c", 0),
    (b"ustar", 257), (b"\x45\x3d\xcd\x28", 0), (b"BZh91AY&SY", 0), (b"\x85\x19\x03\x20", 0),
)


def _valid_embedded(mm: mmap.mmap, magic: bytes, start: int, size: int) -> bool:
    if magic == b"hsqs":
        return squashfs_superblock(mm, start, size) is not None
    if magic == b"\x1f\x8b\x08":
        try:
            return len(zlib.decompressobj(wbits=31).decompress(mm[start : start + 4096], 64)) > 0
        except zlib.error:
            return False
    if magic == sniff.UIMAGE_MAGIC:
        header = sniff.vendor_header(mm[start : start + 64])
        return header is not None and header.valid
    return True  # magics of 4+ bytes at a format's own offset: rare by chance


_SEARCH = Literals([magic for magic, _at in _EMBEDDED])
_MAX_CANDIDATES = 100_000  # more magics than this in one file: let unblob judge


def has_embedded_format(path: Path) -> bool:
    """True if a known format's magic (validated where cheap) appears inside the file."""
    size = path.stat().st_size
    if size == 0:
        return False
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        found: list[bool] = []
        seen = [0]

        def hit(tag: int, end: int) -> bool:
            magic, at = _EMBEDDED[tag]
            start = end - len(magic) - at
            seen[0] += 1
            if start >= 0 and _valid_embedded(mm, magic, start, size):
                found.append(True)
                return True
            return seen[0] > _MAX_CANDIDATES

        _SEARCH.scan(mm, hit)
        return bool(found) or seen[0] > _MAX_CANDIDATES
