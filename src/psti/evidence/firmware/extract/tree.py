"""Walking an extracted tree: measuring it, neutralising escaping links, finding roots."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from psti.evidence.firmware.extract.model import (
    HARDLINK_ESCAPE,
    SPECIAL_FILE,
    SYMLINK_ESCAPE,
    ExtractionProblem,
)
from psti.inputfile import shown

# Files the account checks read: a device node or FIFO in their place means the accounts
# were not examined, which must not read as "no accounts, so no passwords".
ACCOUNT_DATABASES = ("etc/passwd", "etc/shadow", "etc/group", "etc/gshadow", "etc/master.passwd")

# Names found at the top of a Linux root filesystem; `etc` or `bin` makes a candidate.
ROOT_MARKERS = frozenset(
    {"etc", "bin", "sbin", "usr", "lib", "lib64", "var", "www", "root", "home", "dev", "proc",
     "tmp", "mnt", "sys", "opt", "run", "linuxrc", "init", "data", "overlay", "rom"}
)
UNBLOB_SUFFIX = "_extract"


@dataclass
class Measure:
    files: int = 0  # every entry that is not a directory
    total_bytes: int = 0  # sum of regular files' sizes
    largest: int = 0


def _scan(path: str) -> Iterator[os.DirEntry[str]]:
    """Entries of a directory, recursively; tolerant of concurrent deletion."""
    stack = [path]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            yield entry
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
            except OSError:
                continue


def measure(root: Path, stop_files: int | None = None) -> Measure:
    """Count files and bytes under root, never following links. Stops early past stop_files."""
    m = Measure()
    for entry in _scan(str(root)):
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode):
            continue
        m.files += 1
        if stat.S_ISREG(st.st_mode):
            m.total_bytes += st.st_size
            m.largest = max(m.largest, st.st_size)
        if stop_files is not None and m.files > stop_files:
            break
    return m


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root + os.sep)


def relative(path: str | Path, root: Path) -> str:
    try:
        return shown(str(Path(path).relative_to(root)))
    except ValueError:
        return shown(str(path))


def _remove(path: str) -> None:
    """Delete a non-directory entry, making its directory writable if it has to."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return
    except PermissionError:
        parent = os.path.dirname(path)
        with contextlib.suppress(OSError):
            os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR | stat.S_IXUSR)
            os.unlink(path)


def neutralise(root: Path) -> list[ExtractionProblem]:
    """Remove links that lead outside root and special files; report the links.

    Symlinks whose resolved target leaves root, and hard links to inodes that have links
    outside root, are deleted. FIFOs, sockets and device nodes are deleted too: a reader
    opening a FIFO would block, and nodes are meaningless off the device.
    """
    real_root = os.path.realpath(root)
    problems: list[ExtractionProblem] = []
    multi_linked: dict[tuple[int, int], list[tuple[str, int]]] = {}
    escaping: list[str] = []
    for entry in _scan(real_root):
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        mode = st.st_mode
        if stat.S_ISLNK(mode):
            try:
                target = os.readlink(entry.path)
            except OSError:
                continue
            if not _inside(os.path.realpath(entry.path), real_root):
                escaping.append(entry.path)  # removed after the walk: judge all links first
                problems.append(
                    ExtractionProblem(
                        SYMLINK_ESCAPE,
                        f"symbolic link to {target!r} leads outside the extracted tree; removed",
                        relative(entry.path, Path(real_root)),
                    )
                )
        elif stat.S_ISREG(mode):
            if st.st_nlink > 1:
                key = (st.st_dev, st.st_ino)
                multi_linked.setdefault(key, []).append((entry.path, st.st_nlink))
        elif not stat.S_ISDIR(mode):
            _remove(entry.path)
            rel = relative(entry.path, Path(real_root))
            if rel.lstrip("/").endswith(ACCOUNT_DATABASES):
                kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device node"
                problems.append(ExtractionProblem(
                    SPECIAL_FILE, f"{rel} is {kind}, not a file: the accounts it should hold were not examined", rel
                ))
    for path in escaping:
        _remove(path)
    for links in multi_linked.values():
        nlink = links[0][1]
        if len(links) >= nlink:
            continue  # every link to this inode is inside the tree
        for path, _ in links:
            _remove(path)
            problems.append(
                ExtractionProblem(
                    HARDLINK_ESCAPE,
                    "hard link to a file outside the extracted tree; removed",
                    relative(path, Path(real_root)),
                )
            )
    return problems


@dataclass(order=True)
class _Candidate:
    sort_key: tuple[int, int, int] = field(compare=True)
    path: Path = field(compare=False)


def find_roots(top: Path) -> list[Path]:
    """Filesystem roots under top (directories holding etc/ or bin/), best first.

    Inside a root only unblob's `*_extract` directories (nested images) are searched, so
    `usr/` of a root (which has bin/ and lib/) is not taken for another root.
    """
    found: list[_Candidate] = []
    stack: list[tuple[str, bool, int]] = [(str(top), False, 0)]
    while stack:
        current, inside, depth = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = list(it)
        except OSError:
            continue
        names = {e.name for e in entries}
        now_inside = inside
        if not inside and ("etc" in names or "bin" in names):
            dirs = {e.name for e in entries if e.is_dir(follow_symlinks=False)}
            if "etc" in dirs or "bin" in dirs:
                # more root markers, then more files (counted below), then shallower
                found.append(_Candidate((-len(names & ROOT_MARKERS), 0, depth), Path(current)))
                now_inside = True
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                child_inside = now_inside and not e.name.endswith(UNBLOB_SUFFIX)
                stack.append((e.path, child_inside, depth + 1))
    if len(found) > 1:  # one root needs no ranking, and the count is a walk of the tree
        for c in found:
            score, _, depth = c.sort_key
            c.sort_key = (score, -measure(c.path, stop_files=100_000).files, depth)
    return [c.path for c in sorted(found)]
