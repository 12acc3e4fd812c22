"""A small SquashFS 4.0 writer for tests: vendor variants that Debian's tools cannot write.

Vendor firmware uses SquashFS layouts that stock `mksquashfs` never produces and stock
`unsquashfs` cannot read: big-endian 4.0 images (every field byte-swapped, magic
`sqsh`) and images compressed with the legacy LZMA compressor (id 2). This writer builds
such images from a dict of paths so tests can check that extraction (with sasquatch)
and the findings work on them. It writes directories, regular files and symlinks; one
data block per file (files must be smaller than the block size), no fragments, no
xattrs, no export table, metadata stored uncompressed (flagged as such).

Layout (from the SquashFS 4.0 on-disk format): superblock | data blocks | inode table |
directory table | id table | id index, padded to 4 KiB.
"""

from __future__ import annotations

import lzma
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

BLOCK_SIZE = 1 << 17
METADATA_SIZE = 8192
NONE64 = 0xFFFF_FFFF_FFFF_FFFF

GZIP, LZMA, LZMA_NO_SIZE = 1, 2, 0x102  # the last: written as id 2, vendor stream layout
# superblock flags
UNCOMPRESSED_INODES = 0x0001
NO_FRAGMENTS = 0x0010
NO_XATTRS = 0x0200

DIR_TYPE, FILE_TYPE, SYMLINK_TYPE = 1, 2, 3


def _compress(data: bytes, compressor: int) -> bytes:
    if compressor == GZIP:
        return zlib.compress(data, 9)
    stream = lzma.compress(data, format=lzma.FORMAT_ALONE)
    if compressor == LZMA_NO_SIZE:
        # Vendor SDK layout: the 5 property bytes, then the stream, no size field.
        return stream[:5] + stream[13:]
    # Legacy SquashFS LZMA: an LZMA "alone" stream whose header carries the real
    # uncompressed size (the SquashFS lzma wrapper reads it from there).
    return stream[:5] + struct.pack("<Q", len(data)) + stream[13:]


@dataclass
class _Node:
    name: str
    kind: int
    content: bytes = b""
    target: str = ""
    mode: int = 0o755
    children: dict[str, _Node] = field(default_factory=dict)
    number: int = 0
    ref: int = 0  # inode reference: (metadata block start << 16) | offset
    parent: _Node | None = None


def _tree(files: dict[str, bytes | str], symlinks: dict[str, str]) -> _Node:
    root = _Node("", DIR_TYPE)
    entries: list[tuple[str, _Node]] = [
        (p, _Node(p.rsplit("/", 1)[-1], FILE_TYPE, content=c.encode() if isinstance(c, str) else c, mode=0o644))
        for p, c in files.items()
    ] + [(p, _Node(p.rsplit("/", 1)[-1], SYMLINK_TYPE, target=t, mode=0o777)) for p, t in symlinks.items()]
    for path, node in entries:
        parts = path.strip("/").split("/")
        here = root
        for part in parts[:-1]:
            here = here.children.setdefault(part, _Node(part, DIR_TYPE, parent=here))
        node.parent = here
        here.children[parts[-1]] = node
    return root


def _post_order(node: _Node) -> list[_Node]:
    out: list[_Node] = []
    for child in sorted(node.children.values(), key=lambda n: n.name.encode()):
        out += _post_order(child) if child.kind == DIR_TYPE else [child]
    out.append(node)
    return out


class _Metadata:
    """Metadata blocks stored uncompressed: 2-byte header (size | 0x8000), then data."""

    def __init__(self, end: str):
        self.end = end
        self.blocks: list[bytes] = []
        self.current = bytearray()

    def position(self) -> tuple[int, int]:
        """(byte offset of the current block within the table, offset inside it)."""
        return sum(2 + len(b) for b in self.blocks), len(self.current)

    def write(self, data: bytes) -> None:
        for byte_run in (data[i:i + 1] for i in range(len(data))):
            if len(self.current) == METADATA_SIZE:
                self.blocks.append(bytes(self.current))
                self.current = bytearray()
            self.current += byte_run

    def finish(self) -> bytes:
        blocks = self.blocks + ([bytes(self.current)] if self.current or not self.blocks else [])
        return b"".join(struct.pack(self.end + "H", len(b) | 0x8000) + b for b in blocks)


def write_squashfs(
    out: Path,
    files: dict[str, bytes | str],
    *,
    symlinks: dict[str, str] | None = None,
    big_endian: bool = False,
    compressor: int = GZIP,
    mtime: int = 1_700_000_000,
) -> Path:
    """Write a SquashFS 4.0 image holding `files` (path -> content) and `symlinks`."""
    e = ">" if big_endian else "<"
    root = _tree(files, symlinks or {})
    order = _post_order(root)
    for number, node in enumerate(order, start=1):
        node.number = number

    data = bytearray()
    starts: dict[int, tuple[int, int]] = {}  # node number -> (start, size word)
    for node in order:
        if node.kind != FILE_TYPE:
            continue
        if len(node.content) >= BLOCK_SIZE:
            raise ValueError(f"{node.name}: files must be smaller than one block")
        packed = _compress(node.content, compressor) if node.content else b""
        start = 96 + len(data)
        if node.content and len(packed) < len(node.content):
            data += packed
            starts[node.number] = (start, len(packed))
        else:
            data += node.content
            starts[node.number] = (start, len(node.content) | (1 << 24) if node.content else 0)

    inodes, dirs = _Metadata(e), _Metadata(e)
    listing: dict[int, tuple[int, int, int]] = {}  # dir number -> (block, offset, size)
    for node in order:
        header = struct.pack(e + "HHHHII", node.kind, node.mode, 0, 0, mtime, node.number)
        block, offset = inodes.position()
        node.ref = (block << 16) | offset
        if node.kind == FILE_TYPE:
            start, size_word = starts[node.number]
            blocks = [size_word] if node.content else []
            body = struct.pack(e + "IIII", start, 0xFFFF_FFFF, 0, len(node.content))
            body += b"".join(struct.pack(e + "I", b) for b in blocks)
        elif node.kind == SYMLINK_TYPE:
            target = node.target.encode()
            body = struct.pack(e + "II", 1, len(target)) + target
        else:
            listing[node.number] = _write_directory(dirs, node, e)
            dblock, doffset, dsize = listing[node.number]
            subdirs = sum(1 for c in node.children.values() if c.kind == DIR_TYPE)
            parent = node.parent.number if node.parent else len(order) + 1
            body = struct.pack(e + "IIHHI", dblock, 2 + subdirs, dsize + 3, doffset, parent)
        inodes.write(header + body)

    inode_table = inodes.finish()
    dir_table = dirs.finish()
    inode_start = 96 + len(data)
    dir_start = inode_start + len(inode_table)
    id_block_start = dir_start + len(dir_table)
    id_block = struct.pack(e + "H", 4 | 0x8000) + struct.pack(e + "I", 0)
    id_index_start = id_block_start + len(id_block)
    id_index = struct.pack(e + "Q", id_block_start)
    bytes_used = id_index_start + len(id_index)

    superblock = struct.pack(
        e + "IIIIIHHHHHHQQQQQQQQ",
        0x73717368, len(order), mtime, BLOCK_SIZE, 0, compressor & 0xFF, 17,
        UNCOMPRESSED_INODES | NO_FRAGMENTS | NO_XATTRS, 1, 4, 0,
        root.ref, bytes_used, id_index_start, NONE64, inode_start, dir_start, NONE64, NONE64,
    )
    image = superblock + bytes(data) + inode_table + dir_table + id_block + id_index
    image += b"\0" * (-len(image) % 4096)
    out.write_bytes(image)
    return out


def _write_directory(dirs: _Metadata, node: _Node, e: str) -> tuple[int, int, int]:
    """One directory listing: a header per run of entries whose inodes share a block."""
    block, offset = dirs.position()
    out = bytearray()
    children = sorted(node.children.values(), key=lambda n: n.name.encode())
    runs: list[list[_Node]] = []
    for child in children:
        if runs and runs[-1][0].ref >> 16 == child.ref >> 16 and len(runs[-1]) < 256:
            runs[-1].append(child)
        else:
            runs.append([child])
    for run in runs:
        base = run[0].number
        out += struct.pack(e + "III", len(run) - 1, run[0].ref >> 16, base)
        for child in run:
            name = child.name.encode()
            out += struct.pack(e + "HhHH", child.ref & 0xFFFF, child.number - base, child.kind, len(name) - 1) + name
    dirs.write(bytes(out))
    return block, offset, len(out)
