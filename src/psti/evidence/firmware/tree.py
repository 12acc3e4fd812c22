"""A bounded, read-only view of an extracted root filesystem.

Never follows a symlink out of the root, never reads more than `max_read` bytes of a
file, and stops after `max_files` files, so a hostile image cannot exhaust memory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from psti.inputfile import shown

ELF_MAGIC = b"\x7fELF"
_TEXTISH = bytes([9, 10, 13, *range(32, 127), *range(0x80, 0x100)])


@dataclass(frozen=True)
class TreeFile:
    ondisk: str  # where it is on disk
    rel: str  # as shown to users: "/etc/shadow" (inside the image)
    size: int

    @property
    def path(self) -> Path:
        return Path(self.ondisk)

    @property
    def name(self) -> str:
        return os.path.basename(self.ondisk)


@dataclass
class FileTree:
    root: Path
    label: str = ""  # prefix for reported paths when the image has several roots
    max_files: int = 200_000
    max_read: int = 64 << 20
    truncated: bool = False
    only: Path | None = None  # a single raw image scanned as the whole tree

    @property
    def single_file(self) -> bool:
        return self.only is not None

    def files(self) -> Iterator[TreeFile]:
        """Regular files, depth first in name order (a directory's files before its
        subdirectories'); symbolic links are neither returned nor followed."""
        if self.only is not None:
            yield TreeFile(str(self.only), self.rel(self.only), self.only.stat().st_size)
            return
        root = str(self.root)
        cut = len(root.rstrip("/"))
        prefix = self.label
        count = 0
        stack = [root]
        while stack:
            current = stack.pop()
            try:
                with os.scandir(current) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError:
                continue
            subdirs = []
            for e in entries:
                try:
                    if e.is_dir(follow_symlinks=False):
                        subdirs.append(e.path)
                        continue
                    st = e.stat(follow_symlinks=False)
                except OSError:
                    continue
                if not stat.S_ISREG(st.st_mode):
                    continue
                count += 1
                if count > self.max_files:
                    self.truncated = True
                    return
                yield TreeFile(e.path, prefix + shown(e.path[cut:]), st.st_size)
            stack.extend(reversed(subdirs))

    def rel(self, p: Path) -> str:
        r = "/" + shown(p.relative_to(self.root).as_posix())
        return f"{self.label}{r}" if self.label else r

    def resolve(self, inside: str) -> Path | None:
        """A path inside the image ("/etc/shadow") as a regular file on disk, resolving
        symlinks only within the root; None if absent or it escapes."""
        cur = self.root
        parts = [p for p in PurePosixPath(inside).parts if p not in ("/", "")]
        hops = 0
        while parts:
            part = parts.pop(0)
            if part == "..":
                cur = cur.parent if cur != self.root else cur
                continue
            nxt = cur / part
            if nxt.is_symlink():
                hops += 1
                if hops > 16:
                    return None
                target = os.readlink(nxt)
                base = self.root if target.startswith("/") else cur
                parts = [p for p in PurePosixPath(target).parts if p not in ("/", "")] + parts
                cur = base
                continue
            cur = nxt
        try:
            cur.relative_to(self.root)
        except ValueError:
            return None
        return cur if cur.is_file() else None

    def read(self, path: str | Path, limit: int | None = None) -> bytes:
        with open(path, "rb") as f:
            return f.read(min(limit or self.max_read, self.max_read))

    def text(self, inside: str) -> str | None:
        p = self.resolve(inside)
        if p is None:
            return None
        return self.read(p).decode("utf-8", errors="replace")


def is_probably_text(head: bytes) -> bool:
    if not head:
        return True
    if b"\x00" in head[:4096]:
        return False
    sample = head[:4096]
    control = len(sample.translate(None, _TEXTISH))  # bytes left are control characters
    return control / len(sample) < 0.1
