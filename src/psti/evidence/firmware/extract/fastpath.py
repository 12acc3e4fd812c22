"""Fast path for SquashFS images: unsquashfs directly, then unblob only where it can help.

unblob opens every extracted file (libmagic, a pattern search, handlers) to look for
nested formats; on a 2,000-file root filesystem that is 10-30x the time of unpacking it.
Most files are programs and text. Here a SquashFS v4 image (at offset 0, or behind a
header found by its magic) is unpacked by Debian's `unsquashfs` under the same
supervision as unblob (Landlock, RLIMIT_FSIZE, its own session, bytes/files/time polled,
process tree killed), links and special files are neutralised, and then each file is
classified by its first bytes:

- single-stream gzip, bzip2, xz, lzma: decompressed here (bounded), and the result
  classified again (a `.tar.gz` becomes a tar, which goes to unblob);
- any other container magic at offset 0, or a known format's magic (validated) inside a
  file of 1 MiB or more: handed to unblob, which recurses from there;
- anything else (programs, libraries, text, data) is a leaf, as it is for unblob.

Anything unusual (a truncated or oddly formed SquashFS, an invalid header, unsquashfs
failing, no unsquashfs) returns None and the caller runs unblob on the whole image.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import stat
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from psti.evidence.firmware.extract import sniff, unblob_compat
from psti.evidence.firmware.extract.containers import (
    HEAD,
    container_kind,
    find_squashfs,
    has_embedded_format,
)
from psti.evidence.firmware.extract.model import (
    COULD_NOT_EXTRACT,
    LIMIT_REACHED,
    SYMLINK_ESCAPE,
    ExtractionProblem,
    Limits,
)
from psti.evidence.firmware.extract.streams import DECOMPRESSORS, Budget, decompress
from psti.evidence.firmware.extract.supervise import RunOutcome, watch
from psti.evidence.firmware.extract.tree import neutralise, relative
from psti.evidence.interface import ProgressFn

SQUASHFS = "squashfs_v4_le"
HEADER_FORMATS = {"uimage": "uimage", "trx": "trx_v1"}
EMBED_SCAN_MIN = 1 << 20  # files this large are searched for embedded formats
SMALL_PREFIX = 4096  # an unknown region before the SquashFS this small is only a header
CHUNK = 1 << 16


def _is_padding(path: Path, start: int, end: int) -> bool:
    with path.open("rb") as f:
        f.seek(start)
        left, fill = end - start, None
        while left > 0:
            block = f.read(min(CHUNK, left))
            if not block:
                return True
            if fill is None:
                fill = block[0]
            if block.count(fill) != len(block) or fill not in (0x00, 0xFF):
                return False
            left -= len(block)
    return True


def _copy_range(src: Path, dst: Path, start: int, end: int) -> None:
    with src.open("rb") as fi, dst.open("xb") as fo:
        fi.seek(start)
        left = end - start
        while left > 0:
            block = fi.read(min(1 << 20, left))
            if not block:
                break
            fo.write(block)
            left -= len(block)


@dataclass
class FastResult:
    outcome: RunOutcome  # of unsquashfs
    formats: list[str]
    problems: list[ExtractionProblem] = field(default_factory=list)
    targets: list[tuple[Path, int]] = field(default_factory=list)  # for unblob, with depth
    carved: list[Path] = field(default_factory=list)  # regions around the SquashFS
    failed: bool = False  # unsquashfs failed: the caller falls back to unblob
    stopped: bool = False  # a limit stopped the work: output partial, nothing more to run


def _sandboxed_start(cmd: list[str], out_dir: Path, log: Path, fsize: int) -> subprocess.Popen[bytes]:
    """Start cmd in its own session, file size capped, writes confined to out_dir.

    Landlock rules apply to the thread that sets them and what it starts, so the process
    is started from a short-lived thread (as unblob's sandbox does).
    """
    box: dict[str, object] = {}

    def limit() -> None:  # in the child, before exec
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        value = fsize if hard == resource.RLIM_INFINITY else min(fsize, hard)
        resource.setrlimit(resource.RLIMIT_FSIZE, (value, hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    def start(out: IO[bytes], null: IO[bytes]) -> None:
        try:
            unblob_compat.restrict_writes(out_dir)
            box["proc"] = subprocess.Popen(
                cmd, stdin=null, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True, preexec_fn=limit,  # noqa: PLW1509
            )
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc

    # opened before the sandbox, which forbids both
    with log.open("ab") as out, open(os.devnull, "rb") as null:
        thread = threading.Thread(target=start, args=(out, null), daemon=True)
        thread.start()
        thread.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["proc"]  # type: ignore[return-value]


def try_fast(
    image: Path,
    head: bytes,
    size: int,
    extract_root: Path,
    meta_dir: Path,
    limits: Limits,
    progress: ProgressFn | None,
    started: float,
) -> FastResult | None:
    """Unpack a SquashFS image directly; None when the image is not a clean case."""
    unsquashfs = shutil.which("unsquashfs")
    if unsquashfs is None or size > min(limits.max_file_bytes, limits.max_total_bytes):
        return None  # carving could pass the budget: the unblob path reports it
    header = sniff.vendor_header(head)
    if header is not None and not header.valid:
        return None
    declared = sniff.declared_size(head)
    if declared is not None and declared > size:
        return None  # truncated: the unblob path diagnoses it
    if header is None and container_kind(head) not in (None, "squashfs"):
        return None  # another container outside (a tar of images, ...): unblob's job
    found = find_squashfs(image, size)
    if found is None:
        return None
    end = found.offset + found.size
    whole = found.offset == 0 and (end == size or _is_padding(image, end, size))
    top = extract_root / f"{image.name}_extract"
    top.mkdir()
    formats = [HEADER_FORMATS[header.format]] if header is not None else []
    result_targets: list[tuple[Path, int]] = []
    carved: list[Path] = []
    source, dest = image, top
    if not whole:
        if found.offset:
            prefix = top / f"0-{found.offset}.unknown"
            _copy_range(image, prefix, 0, found.offset)
            carved.append(prefix)
            header_only = header is not None and found.offset <= max(header.size, SMALL_PREFIX)
            if not header_only and (found.offset > SMALL_PREFIX or container_kind(
                    sniff.read_head(prefix, HEAD)) is not None):
                result_targets.append((prefix, 1))
        if end < size and not _is_padding(image, end, size):
            suffix = top / f"{end}-{size}.unknown"
            _copy_range(image, suffix, end, size)
            carved.append(suffix)
            result_targets.append((suffix, 1))
        source = top / f"{found.offset}-{end}.squashfs_v4_le"
        _copy_range(image, source, found.offset, end)
        dest = top / f"{found.offset}-{end}.squashfs_v4_le_extract"
    cap = max(1, min(limits.max_file_bytes, limits.max_total_bytes))
    log = meta_dir / "unsquashfs.log"
    # queues of 32 MB instead of 256 MB: peak memory ~70 MiB instead of ~290, same speed
    cmd = [unsquashfs, "-no-progress", "-no-xattrs", "-da", "32", "-fr", "32",
           "-d", str(dest), str(source)]
    if dest == top:
        top.rmdir()  # unsquashfs creates its destination
    proc = _sandboxed_start(cmd, extract_root, log, cap)
    stopped_by, last = watch(proc.pid, proc, extract_root, limits, progress, started)
    outcome = RunOutcome(stopped_by, proc.returncode, time.monotonic() - started, last)
    if source != image:
        with contextlib.suppress(OSError):
            source.unlink()  # the carved SquashFS is an intermediate, as in unblob
    # 0: done; 2: non-fatal errors (e.g. device nodes as non-root), output kept;
    # -25: SIGXFSZ, a file reached the size cap. Anything else: unblob tries instead.
    if not stopped_by and proc.returncode not in (0, 2, -25):
        return FastResult(outcome, formats, [ExtractionProblem(
            COULD_NOT_EXTRACT, f"unsquashfs failed (exit {proc.returncode})")], failed=True)
    formats.append(SQUASHFS)
    out = FastResult(outcome, formats, targets=result_targets, carved=carved)
    if proc.returncode == 2:
        out.problems.append(ExtractionProblem(
            COULD_NOT_EXTRACT, f"unsquashfs reported errors (exit 2): {_log_errors(log)}"))
    if proc.returncode == -25:
        out.problems.append(ExtractionProblem(
            LIMIT_REACHED, "unsquashfs stopped: a file reached the size limit"))
    if stopped_by:
        out.stopped = True
        # what was unpacked before the stop is still read: no link may leave the tree
        out.problems += neutralise(extract_root)
        return out
    # Links that leave the tree go before any file is read.
    walk = fix_tree(dest, extract_root)
    out.problems += walk.problems
    out.problems += neutralise(extract_root)
    budget = Budget(limits, started, walk.entries + len(carved),
                    walk.total_bytes + sum(c.stat().st_size for c in carved))
    _classify([(f, size, 1) for f, size in walk.files], extract_root, budget, out)
    out.problems += budget.problems
    out.stopped = budget.stopped
    return out


def _log_errors(log: Path) -> str:
    try:
        lines = log.read_text(errors="replace").splitlines()
    except OSError:
        return "see meta/unsquashfs.log"
    errors = [line.strip() for line in lines if "fail" in line.lower() or "error" in line.lower()]
    return "; ".join(errors[:3])[:300] or "see meta/unsquashfs.log"


@dataclass
class Walk:
    """What fix_tree saw: its problems, the regular files to classify, and a measure."""

    problems: list[ExtractionProblem] = field(default_factory=list)
    files: list[tuple[str, int]] = field(default_factory=list)  # non-empty regular files, sizes
    entries: int = 0  # every entry that is not a directory
    total_bytes: int = 0


def fix_tree(fs_root: Path, extract_root: Path) -> Walk:
    """Make a filesystem tree readable and its symbolic links point inside it, as unblob does.

    An absolute link target means the device's own root, so `/etc/x` becomes a relative
    link to `fs_root/etc/x`. A link that would leave `fs_root` is removed and reported.
    Directories get u+rwx (and g/o r-x), files u+rw (and g/o r), so the checks can read them.
    """
    walk = Walk()
    problems = walk.problems
    real_root = os.path.realpath(fs_root)
    stack = [real_root]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = list(it)
        except OSError:
            continue
        for e in entries:
            try:
                st = e.stat(follow_symlinks=False)
                if stat.S_ISDIR(st.st_mode):
                    if st.st_mode & 0o775 != 0o775:
                        os.chmod(e.path, st.st_mode | 0o775)
                    stack.append(e.path)
                    continue
                walk.entries += 1
                if stat.S_ISLNK(st.st_mode):
                    _fix_link(e.path, real_root, extract_root, problems)
                elif stat.S_ISREG(st.st_mode):
                    if st.st_mode & 0o644 != 0o644:
                        os.chmod(e.path, st.st_mode | 0o644)
                    walk.total_bytes += st.st_size
                    if st.st_size:
                        walk.files.append((e.path, st.st_size))
            except OSError:
                continue
    return walk


def _fix_link(path: str, real_root: str, extract_root: Path, problems: list[ExtractionProblem]) -> None:
    raw = os.readlink(path)
    parent = os.path.dirname(path)
    if raw.startswith("/"):
        target = os.path.normpath(os.path.join(real_root, raw.lstrip("/")))
    else:
        target = os.path.normpath(os.path.join(parent, raw))
    if raw and (target == real_root or target.startswith(real_root + os.sep)):
        if raw.startswith("/"):
            os.unlink(path)
            os.symlink(os.path.relpath(target, parent), path)
        return
    os.unlink(path)
    if raw:
        problems.append(ExtractionProblem(
            SYMLINK_ESCAPE, f"symbolic link to {raw!r} leads outside the extracted tree; removed",
            relative(path, Path(os.path.realpath(extract_root)))))


def _classify(
    queue: list[tuple[str, int, int]], extract_root: Path, budget: Budget, out: FastResult
) -> None:
    """Decompress simple streams here; collect the files unblob should open.

    `queue` holds (path, size, nesting depth) of regular files."""
    limits = budget.limits
    while queue:
        name, size, d = queue.pop()
        if budget.exhausted():
            return
        try:
            head = sniff.read_head(name, HEAD)
        except OSError:
            continue
        kind = container_kind(head)
        if kind is None and size < EMBED_SCAN_MIN:
            continue  # a program, library, text or data file: a leaf, as for unblob
        path = Path(name)
        if os.path.lexists(f"{path}_extract"):
            # the output name is taken by the image's own files, which must stay as they are
            out.problems.append(ExtractionProblem(
                COULD_NOT_EXTRACT, f"not opened: {path.name}_extract already exists beside it",
                relative(path, extract_root)))
            continue
        if kind is None:
            try:
                if has_embedded_format(path):
                    out.targets.append((path, d))
            except (OSError, ValueError):
                pass
            continue
        if d >= limits.max_depth:
            out.problems.append(ExtractionProblem(
                LIMIT_REACHED, f"{kind} data left unextracted: nesting depth limit "
                f"{limits.max_depth} reached", relative(path, extract_root)))
            continue
        if kind in DECOMPRESSORS:
            done = decompress(path, kind, budget, extract_root)
            if done is None:
                out.targets.append((path, d))  # not a plain stream: unblob's handlers
            elif isinstance(done, Path):
                if kind not in out.formats:
                    out.formats.append(kind)
                try:
                    queue.append((str(done), done.stat().st_size, d + 1))
                except OSError:
                    continue
            continue
        out.targets.append((path, d))
