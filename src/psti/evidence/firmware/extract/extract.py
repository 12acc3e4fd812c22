"""`extract_image`: turn a firmware image into extracted filesystem trees, safely."""

from __future__ import annotations

import os
import time
from pathlib import Path

from psti.errors import ArtefactError, UsageError
from psti.evidence.firmware.extract import diagnose, fastpath, ihex, sniff, tools
from psti.evidence.firmware.extract.model import (
    COULD_NOT_EXTRACT,
    ENCRYPTED,
    LIMIT_REACHED,
    TRUNCATED,
    UNKNOWN_FORMAT,
    Extraction,
    ExtractionProblem,
    Limits,
)
from psti.evidence.firmware.extract.report import ReportSummary, load, summarise
from psti.evidence.firmware.extract.supervise import run_unblob
from psti.evidence.firmware.extract.tree import Measure, find_roots, measure, neutralise
from psti.evidence.firmware.extract.workdir import remove_tree
from psti.evidence.interface import ProgressFn

EXTRACT_DIR = "extracted"
META_DIR = "meta"


def _process_num() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def extract_image(
    image: Path,
    work_dir: Path,
    limits: Limits = Limits(),  # noqa: B008 - frozen dataclass, safe as a default
    progress: ProgressFn | None = None,
) -> Extraction:
    """Extract a firmware image (or take an extracted root filesystem directory) safely.

    A directory is used in place, read-only: `roots=[image]`. A file is unpacked
    recursively by unblob into `work_dir` under the given limits. Problems (limits
    reached, escaping paths and links neutralised, formats not extracted) are returned
    in `Extraction.problems`; only a missing image or an unusable work_dir raise
    (`PstiError`).
    """
    image = Path(image)
    for name in ("max_total_bytes", "max_files", "max_depth", "max_seconds", "max_file_bytes"):
        if not getattr(limits, name) > 0:
            raise UsageError(f"extraction limit {name} must be positive, not {getattr(limits, name)}")
    if not image.exists():
        raise ArtefactError(f"{image}: no such firmware image or directory")
    if image.is_dir():
        return _use_directory(image.resolve(), limits, progress)
    if not image.is_file():
        raise ArtefactError(f"{image}: not a regular file or directory")
    try:
        with image.open("rb"):
            pass
    except OSError as exc:
        raise ArtefactError(f"{image}: cannot be read ({exc.strerror})") from exc
    work_dir = Path(work_dir)
    try:
        work_dir.mkdir(parents=True, exist_ok=True)
        work_dir = work_dir.resolve()
        extract_root = work_dir / EXTRACT_DIR
        meta_dir = work_dir / META_DIR
        if extract_root.exists() and any(extract_root.iterdir()):
            raise UsageError(f"{work_dir}: work directory already holds an extraction")
        extract_root.mkdir(exist_ok=True)
        meta_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{work_dir}: cannot use as a work directory ({exc})") from exc
    image = image.resolve()
    if _inside(image, work_dir):
        raise UsageError(f"{image}: the image must not be inside the work directory")
    return _extract_file(image, extract_root, meta_dir, limits, progress)


def _inside(path: Path, directory: Path) -> bool:
    return path == directory or directory in path.parents


def _use_directory(directory: Path, limits: Limits, progress: ProgressFn | None) -> Extraction:
    m = measure(directory, stop_files=limits.max_files)
    problems = []
    if m.files > limits.max_files:
        problems.append(
            ExtractionProblem(
                LIMIT_REACHED, f"directory holds more than {limits.max_files:,} files"
            )
        )
    if progress is not None:
        progress("reading firmware directory", float(m.files), float(m.files))
    return Extraction(
        root=directory,
        roots=[directory],
        problems=problems,
        files=m.files,
        total_bytes=m.total_bytes,
        formats=["directory"],
    )


def _extract_file(
    image: Path,
    extract_root: Path,
    meta_dir: Path,
    limits: Limits,
    progress: ProgressFn | None,
) -> Extraction:
    problems: list[ExtractionProblem] = []
    head = sniff.read_head(image, 1 << 16)
    size = image.stat().st_size
    if size == 0:
        return Extraction(extract_root, [], [ExtractionProblem(UNKNOWN_FORMAT, "image is empty")])
    if size > limits.max_file_bytes:
        problems.append(
            ExtractionProblem(
                LIMIT_REACHED,
                f"image is {size:,} bytes, more than the {limits.max_file_bytes:,}-byte "
                "file limit; parts of it may not be carved",
            )
        )
    pre_formats: list[str] = []
    if ihex.looks_like_ihex(head):
        decoded = _decode_ihex(image, extract_root, limits, problems)
        if decoded is None:
            return _finish(extract_root, problems, ["ihex"], [])
        image, pre_formats = decoded, ["ihex"]
        head, size = sniff.read_head(image, 1 << 16), image.stat().st_size
        if size == 0:
            return _finish(extract_root, problems, pre_formats, [])
    path_env = tools.tool_path(meta_dir / "bin")
    if progress is not None:
        progress("extracting firmware", 0.0, None)
    started = time.monotonic()
    if not pre_formats:
        try:
            fast = fastpath.try_fast(
                image, head, size, extract_root, meta_dir, limits, progress, started
            )
        except OSError:
            fast = None
        if fast is not None and not fast.failed:
            return _finish_fast(fast, image, extract_root, meta_dir, limits, path_env,
                                progress, problems, started)
        for leftover in extract_root.iterdir():  # unblob starts from an empty tree
            if leftover.is_dir() and not leftover.is_symlink():
                remove_tree(leftover)
            else:
                leftover.unlink()
    summary, stopped = _run(image, extract_root, meta_dir, limits, path_env, progress, problems)
    m = measure(extract_root)
    problems += _checks_after(m, summary, extract_root, limits, stopped)
    formats = pre_formats + [f for f in summary.formats if f not in pre_formats]
    header = sniff.vendor_header(head)
    if header is not None and header.format not in formats:
        formats.insert(0, header.format)
    problems += _guarded(
        diagnose.format_problems, image, head, size, header, summary, extract_root, path_env,
        bool(pre_formats),
    )
    return _done(extract_root, m, problems, formats, progress)


def _run(
    image: Path,
    extract_root: Path,
    meta_dir: Path,
    limits: Limits,
    path_env: str,
    progress: ProgressFn | None,
    problems: list[ExtractionProblem],
    targets: list[tuple[Path, int]] | None = None,
    started: float | None = None,
) -> tuple[ReportSummary, bool]:
    """Run unblob on the image (or the fast path's targets) and add what it reported to
    problems; its report's summary, and whether a limit stopped it."""
    try:
        outcome = run_unblob(image, extract_root, meta_dir, limits, path_env, progress,
                             _process_num(), targets=targets, started=started)
    except OSError as exc:  # e.g. no process could be started
        outcome = None
        problems.append(ExtractionProblem(COULD_NOT_EXTRACT, f"cannot run the extractor: {exc}"))
    results = load(meta_dir / "unblob-report.json")
    summary = summarise(results or [], extract_root, limits.max_depth)
    if outcome is not None:
        problems += diagnose.outcome_problems(outcome, limits, results is not None, meta_dir)
    problems += summary.problems
    # Links are checked after unblob is done (or stopped): nothing escapes the tree.
    problems += _guarded(neutralise, extract_root)
    return summary, outcome is not None and bool(outcome.stopped_by)


def _checks_after(
    m: Measure, summary: ReportSummary, extract_root: Path, limits: Limits, stopped: bool
) -> list[ExtractionProblem]:
    """The bounds (when no limit stopped the run: it may have finished between two polls),
    files cut at the size cap, and formats left at the depth limit."""
    problems = []
    if not stopped:
        if m.total_bytes > limits.max_total_bytes:
            problems.append(ExtractionProblem(
                LIMIT_REACHED, f"extracted size {m.total_bytes:,} bytes passed "
                f"{limits.max_total_bytes:,} bytes"))
        if m.files > limits.max_files:
            problems.append(ExtractionProblem(
                LIMIT_REACHED, f"extracted {m.files:,} files, more than {limits.max_files:,}"))
    problems += _guarded(diagnose.size_cap_problems, extract_root, m.largest, limits)
    problems += _guarded(diagnose.depth_problems, summary, extract_root, limits)
    return problems


def _done(
    extract_root: Path, m: Measure, problems: list[ExtractionProblem], formats: list[str],
    progress: ProgressFn | None,
) -> Extraction:
    roots = find_roots(extract_root)
    if progress is not None:
        progress("extracting firmware", float(m.files), float(m.files))
    return Extraction(
        root=extract_root,
        roots=roots,
        problems=_dedupe(problems),
        files=m.files,
        total_bytes=m.total_bytes,
        formats=formats,
    )


def _finish_fast(
    fast: fastpath.FastResult,
    image: Path,
    extract_root: Path,
    meta_dir: Path,
    limits: Limits,
    path_env: str,
    progress: ProgressFn | None,
    problems: list[ExtractionProblem],
    started: float,
) -> Extraction:
    """Complete a fast-path extraction: unblob on the candidates, then the usual checks."""
    outcome = fast.outcome
    problems += fast.problems
    if outcome.stopped_by:
        problems += diagnose.outcome_problems(outcome, limits, True, meta_dir)
    summary = ReportSummary()
    stopped = fast.stopped
    if fast.targets and not stopped:
        summary, stopped = _run(image, extract_root, meta_dir, limits, path_env, progress, problems,
                                targets=fast.targets, started=started)
    m = measure(extract_root)
    problems += _checks_after(m, summary, extract_root, limits, stopped)
    problems += _guarded(diagnose.unknown_region_problems, summary, extract_root, image)
    for region in fast.carved:  # a region unblob found nothing in and that looks random
        try:
            opened = region.with_name(region.name + "_extract").exists()
            if (not opened and region.stat().st_size >= diagnose.UNKNOWN_REGION_MIN
                    and sniff.entropy(region) >= sniff.HIGH_ENTROPY):
                problems.append(ExtractionProblem(
                    ENCRYPTED, f"{region.stat().st_size:,} bytes around the SquashFS look "
                    "random and match no known format (encrypted or unsupported compression)",
                    str(region.relative_to(extract_root))))
        except OSError:
            continue
    formats = fast.formats + [f for f in summary.formats if f not in fast.formats]
    return _done(extract_root, m, problems, formats, progress)


def _guarded(check, *args):  # type: ignore[no-untyped-def]
    """Run a post-extraction check; an I/O error becomes a problem, not an exception."""
    try:
        return check(*args)
    except OSError as exc:
        name = check.__name__.strip("_").replace("_", " ")
        return [ExtractionProblem(COULD_NOT_EXTRACT, f"{name} failed: {exc}")]


def _decode_ihex(
    image: Path, extract_root: Path, limits: Limits, problems: list[ExtractionProblem]
) -> Path | None:
    """Write the flash image an Intel HEX file describes into the tree; None on failure."""
    try:
        decoded = ihex.decode(image, min(limits.max_file_bytes, limits.max_total_bytes))
    except ihex.IntelHexError as exc:
        kind = LIMIT_REACHED if "exceeds" in str(exc) else COULD_NOT_EXTRACT
        problems.append(ExtractionProblem(kind, f"Intel HEX: {exc}"))
        return None
    if not decoded.complete:
        problems.append(
            ExtractionProblem(TRUNCATED, "Intel HEX file ends without an end-of-file record")
        )
    target = extract_root / f"{image.name}.bin"
    target.write_bytes(decoded.data)
    return target


def _finish(
    root: Path, problems: list[ExtractionProblem], formats: list[str], roots: list[Path]
) -> Extraction:
    m = measure(root)
    return Extraction(root, roots, _dedupe(problems), m.files, m.total_bytes, formats)


def _dedupe(problems: list[ExtractionProblem]) -> list[ExtractionProblem]:
    return list(dict.fromkeys(problems))
