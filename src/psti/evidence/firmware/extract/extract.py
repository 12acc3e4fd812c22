"""`extract_image`: turn a firmware image into extracted filesystem trees, safely."""

from __future__ import annotations

import os
import re
from pathlib import Path

from psti.errors import ArtefactError, UsageError
from psti.evidence.firmware.extract import ihex, sniff, tools
from psti.evidence.firmware.extract.model import (
    COULD_NOT_EXTRACT,
    ENCRYPTED,
    LIMIT_REACHED,
    MISSING_TOOL,
    TRUNCATED,
    UNKNOWN_FORMAT,
    Extraction,
    ExtractionProblem,
    Limits,
)
from psti.evidence.firmware.extract.report import ReportSummary, load, summarise
from psti.evidence.firmware.extract.supervise import RunOutcome, run_unblob
from psti.evidence.firmware.extract.tree import find_roots, measure, neutralise
from psti.evidence.interface import ProgressFn

EXTRACT_DIR = "extracted"
META_DIR = "meta"
# Unknown regions smaller than this are headers or padding, not worth a problem.
UNKNOWN_REGION_MIN = 64 * 1024

_LIMIT_WORDS = {
    "max_total_bytes": "extracted size passed {limits.max_total_bytes:,} bytes",
    "max_files": "extracted file count passed {limits.max_files:,}",
    "max_seconds": "extraction took longer than {limits.max_seconds:g} s",
}


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
    image: Path, extract_root: Path, meta_dir: Path, limits: Limits, progress: ProgressFn | None
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
    try:
        outcome = run_unblob(
            image, extract_root, meta_dir, limits, path_env, progress, _process_num()
        )
    except OSError as exc:  # e.g. no process could be started
        outcome = None
        problems.append(ExtractionProblem(COULD_NOT_EXTRACT, f"cannot run the extractor: {exc}"))
    results = load(meta_dir / "unblob-report.json")
    summary = summarise(results or [], extract_root, limits.max_depth)
    if outcome is not None:
        problems += _outcome_problems(outcome, limits, results is not None, meta_dir)
    problems += summary.problems
    # Links are checked after unblob is done (or stopped): nothing escapes the tree.
    problems += _guarded(neutralise, extract_root)
    m = measure(extract_root)
    if outcome is None or not outcome.stopped_by:  # finished between two polls: over a bound?
        if m.total_bytes > limits.max_total_bytes:
            problems.append(ExtractionProblem(
                LIMIT_REACHED, f"extracted size {m.total_bytes:,} bytes passed "
                f"{limits.max_total_bytes:,} bytes"))
        if m.files > limits.max_files:
            problems.append(ExtractionProblem(
                LIMIT_REACHED, f"extracted {m.files:,} files, more than {limits.max_files:,}"))
    problems += _guarded(_size_cap_problems, extract_root, m.largest, limits)
    problems += _guarded(_depth_problems, summary, extract_root, limits)
    formats = pre_formats + [f for f in summary.formats if f not in pre_formats]
    header = sniff.vendor_header(head)
    if header is not None and header.format not in formats:
        formats.insert(0, header.format)
    problems += _guarded(
        _format_problems, image, head, size, header, summary, extract_root, path_env,
        bool(pre_formats),
    )
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


def _outcome_problems(
    outcome: RunOutcome, limits: Limits, have_report: bool, meta_dir: Path
) -> list[ExtractionProblem]:
    if outcome.stopped_by:
        words = _LIMIT_WORDS[outcome.stopped_by].format(limits=limits)
        return [ExtractionProblem(LIMIT_REACHED, f"{words}; extraction stopped, output partial")]
    if outcome.returncode != 0 or not have_report:
        tail = ""
        try:
            lines = (meta_dir / "runner.out").read_text(errors="replace").strip().splitlines()
            tail = lines[-1] if lines else ""
        except OSError:
            pass
        return [
            ExtractionProblem(
                COULD_NOT_EXTRACT,
                f"extractor process failed (exit {outcome.returncode})"
                + (f": {tail}" if tail else ""),
            )
        ]
    return []


def _size_cap_problems(root: Path, largest: int, limits: Limits) -> list[ExtractionProblem]:
    cap = max(1, min(limits.max_file_bytes, limits.max_total_bytes))
    if largest < cap:
        return []
    hits = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()
            and p.stat().st_size >= cap]
    return [
        ExtractionProblem(
            LIMIT_REACHED,
            f"file reached the {cap:,}-byte size limit and was cut short",
            str(p.relative_to(root)),
        )
        for p in hits[:10]
    ]


def _depth_problems(
    summary: ReportSummary, root: Path, limits: Limits
) -> list[ExtractionProblem]:
    out = []
    for rel in summary.depth_capped:
        top = root / rel
        candidates = [top] if top.is_file() else _first_files(top, 50)
        for path in candidates:
            try:
                kind = sniff.magic_of(sniff.read_head(path))
            except OSError:
                continue
            if kind is not None:
                out.append(
                    ExtractionProblem(
                        LIMIT_REACHED,
                        f"{kind} data left unextracted: nesting depth limit "
                        f"{limits.max_depth} reached",
                        str(path.relative_to(root)),
                    )
                )
    return out


def _first_files(directory: Path, limit: int) -> list[Path]:
    found: list[Path] = []
    for dirpath, _dirs, files in os.walk(directory):
        for name in files:
            path = Path(dirpath, name)
            if path.is_file() and not path.is_symlink():
                found.append(path)
                if len(found) >= limit:
                    return found
    return found


def _format_problems(
    image: Path,
    head: bytes,
    size: int,
    header: sniff.Header | None,
    summary: ReportSummary,
    root: Path,
    path_env: str,
    decoded: bool = False,
) -> list[ExtractionProblem]:
    """Why nothing (or not everything) came out. `decoded`: image is psti's own decoding
    of a text container (Intel HEX), itself a result even when nothing is inside it."""
    out: list[ExtractionProblem] = []
    declared = sniff.declared_size(head)
    if declared is not None and declared > size:
        what = header.format if header else sniff.magic_of(head) or "image"
        out.append(
            ExtractionProblem(
                TRUNCATED,
                f"{what} header declares {declared:,} bytes but the image has {size:,}",
            )
        )
    elif not summary.extracted_any and sniff.magic_of(head) == "gzip" and sniff.gzip_truncated(
        image
    ):
        out.append(ExtractionProblem(TRUNCATED, "gzip stream ends before its end marker"))
    if header is not None and header.format == "uimage" and not header.valid:
        out.append(ExtractionProblem(COULD_NOT_EXTRACT, "uImage header checksum is wrong"))
    if not summary.extracted_any and not out:
        known = sniff.magic_of(head)
        if header is not None:
            random = sniff.entropy(image) >= sniff.HIGH_ENTROPY
            out.append(
                ExtractionProblem(
                    ENCRYPTED if random else COULD_NOT_EXTRACT,
                    f"the payload behind the {header.format} header "
                    + ("looks random: probably encrypted (or compressed with an unsupported "
                       "method)" if random else "is in no format psti can extract"),
                )
            )
        elif known is not None:
            missing = tools.missing_tools(path_env)
            if missing and not any(p.kind == MISSING_TOOL for p in summary.problems):
                out.append(
                    ExtractionProblem(
                        MISSING_TOOL,
                        "extractors not installed: "
                        + ", ".join(f"{t} ({w})" for t, w in missing.items()),
                    )
                )
            out.append(
                ExtractionProblem(
                    COULD_NOT_EXTRACT, f"image starts like {known} but could not be extracted"
                )
            )
        elif sniff.entropy(image) >= sniff.HIGH_ENTROPY:
            out.append(
                ExtractionProblem(
                    ENCRYPTED,
                    "no known format found and the data looks random: the image is probably "
                    "encrypted (or compressed with an unsupported method)",
                )
            )
        elif not decoded:
            out.append(
                ExtractionProblem(
                    UNKNOWN_FORMAT,
                    "no known filesystem or archive format found, nothing extracted: a "
                    "monolithic binary (e.g. microcontroller firmware) or not firmware; "
                    "scan the image itself",
                )
            )
    out += _unknown_region_problems(summary, root, image)
    return out


_CARVED_UNKNOWN = re.compile(r"^(\d+)-(\d+)\.unknown$")


def _unknown_region_problems(
    summary: ReportSummary, root: Path, image: Path
) -> list[ExtractionProblem]:
    """Large random-looking regions unblob carved but could not identify."""
    out = []
    for chunk in summary.unknown_chunks:
        if chunk.end - chunk.start < UNKNOWN_REGION_MIN:
            continue
        carved = next(root.rglob(f"{chunk.start}-{chunk.end}.unknown"), None)
        if carved is None or not carved.is_file():
            continue
        if sniff.entropy(carved) >= sniff.HIGH_ENTROPY:
            where = carved.relative_to(root)
            out.append(
                ExtractionProblem(
                    ENCRYPTED,
                    f"{chunk.end - chunk.start:,} bytes at offset {chunk.start:#x} look random "
                    "and match no known format (encrypted or unsupported compression)",
                    str(where),
                )
            )
    return out


def _dedupe(problems: list[ExtractionProblem]) -> list[ExtractionProblem]:
    return list(dict.fromkeys(problems))
