"""Diagnosis after an extraction: why something was not (fully) extracted.

Each function turns one kind of evidence (the run's outcome, sizes on disk, files left
at the depth limit, the image's own header and entropy) into `ExtractionProblem`s.
"""

from __future__ import annotations

import os
from pathlib import Path

from psti.evidence.firmware.extract import sniff, tools
from psti.evidence.firmware.extract.model import (
    COULD_NOT_EXTRACT,
    ENCRYPTED,
    LIMIT_REACHED,
    MISSING_TOOL,
    TRUNCATED,
    UNKNOWN_FORMAT,
    ExtractionProblem,
    Limits,
)
from psti.evidence.firmware.extract.report import ReportSummary
from psti.evidence.firmware.extract.supervise import RunOutcome

# Unknown regions smaller than this are headers or padding, not worth a problem.
UNKNOWN_REGION_MIN = 64 * 1024

_LIMIT_WORDS = {
    "max_total_bytes": "extracted size passed {limits.max_total_bytes:,} bytes",
    "max_files": "extracted file count passed {limits.max_files:,}",
    "max_seconds": "extraction took longer than {limits.max_seconds:g} s",
}


def outcome_problems(
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


def size_cap_problems(root: Path, largest: int, limits: Limits) -> list[ExtractionProblem]:
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


def depth_problems(
    summary: ReportSummary, root: Path, limits: Limits
) -> list[ExtractionProblem]:
    out = []
    for rel in summary.depth_capped:
        top = root / rel
        candidates = [top] if top.is_file() else first_files(top, 50)
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


def first_files(directory: Path, limit: int) -> list[Path]:
    found: list[Path] = []
    for dirpath, _dirs, files in os.walk(directory):
        for name in files:
            path = Path(dirpath, name)
            if path.is_file() and not path.is_symlink():
                found.append(path)
                if len(found) >= limit:
                    return found
    return found


def format_problems(
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
    elif summary.extracted_any:
        # every volume and partition on its own: one good volume does not vouch for another
        told = {p.path for p in summary.problems if p.path}
        out += [p for p in unread_filesystem_problems(root)  # depth-capped ones are reported as such
                if p.path not in told and not any((p.path or "").startswith(c) for c in summary.depth_capped)]
    out += unknown_region_problems(summary, root, image)
    out += stand_in_problems(summary, head, path_env)
    return out


_FILESYSTEMS = {"squashfs", "ubi", "ubifs", "jffs2", "cramfs", "ext", "romfs", "yaffs", "erofs"}


def unread_filesystem_problems(root: Path) -> list[ExtractionProblem]:
    """A format was recognised but what came out is still a filesystem image nobody could
    open (a UBI image cut short leaves its UBIFS volume unreadable): saying nothing would
    let the scan vouch for files it never saw. Judged per volume, however many files the
    other volumes gave: the files the extractor carved or unpacked (those directly in the
    output root or in a `*_extract` folder) are looked at, not the files inside an
    extracted filesystem."""
    out = []
    for dirpath, _dirs, files in os.walk(root):
        here = Path(dirpath)
        if here != root and not here.name.endswith("_extract"):
            continue
        for name in sorted(files):
            path = here / name
            if path.is_symlink() or not path.is_file() or path.with_name(name + "_extract").is_dir():
                continue  # carved and then extracted: its files are beside it
            try:
                kind = sniff.magic_of(sniff.read_head(path))
            except OSError:
                continue
            if kind is not None and kind.split("_")[0] in _FILESYSTEMS:
                out.append(ExtractionProblem(
                    COULD_NOT_EXTRACT, f"{kind} data could not be extracted (truncated or damaged)",
                    str(path.relative_to(root))))
    return out


def stand_in_problems(summary: ReportSummary, head: bytes, path_env: str) -> list[ExtractionProblem]:
    """Say so when a SquashFS failed and only the stock-unsquashfs stand-in for sasquatch ran."""
    sasquatch_failed = any(
        p.kind == COULD_NOT_EXTRACT and p.message.startswith("sasquatch") for p in summary.problems
    )
    squashfs_unread = not summary.extracted_any and sniff.magic_of(head) == "squashfs"
    if (sasquatch_failed or squashfs_unread) and tools.sasquatch_is_stand_in(path_env):
        return [ExtractionProblem(MISSING_TOOL, tools.SASQUATCH_HINT)]
    return []


def unknown_region_problems(
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
