"""Reading unblob's JSON report: the formats it found and the problems it met."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psti.evidence.firmware.extract import sniff
from psti.evidence.firmware.extract.model import (
    COULD_NOT_EXTRACT,
    ENCRYPTED,
    HARDLINK_ESCAPE,
    LIMIT_REACHED,
    MISSING_TOOL,
    PATH_TRAVERSAL,
    SYMLINK_ESCAPE,
    ExtractionProblem,
)
from psti.evidence.firmware.extract.tree import relative

SIGXFSZ_EXIT = -25  # an extractor killed for writing past RLIMIT_FSIZE


@dataclass
class UnknownChunk:
    path: str  # the file the chunk is in, relative to the extraction root
    start: int
    end: int


@dataclass
class ReportSummary:
    formats: list[str] = field(default_factory=list)
    problems: list[ExtractionProblem] = field(default_factory=list)
    unknown_chunks: list[UnknownChunk] = field(default_factory=list)
    # files and directories unblob reached at the depth limit and did not open
    depth_capped: list[str] = field(default_factory=list)
    top_level_chunks: int = 0  # valid chunks found in the image itself
    extracted_any: bool = False


def load(report_path: Path) -> list[dict[str, Any]] | None:
    try:
        data = json.loads(report_path.read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, list) else None


def _tail(raw: str, limit: int = 300) -> str:
    try:
        text = base64.b64decode(raw).decode("utf-8", "replace")
    except (ValueError, TypeError):
        text = str(raw)
    text = " ".join(text.split())
    return text[-limit:]


def _link_kind(text: str) -> str:
    return HARDLINK_ESCAPE if "[hard link]" in text else SYMLINK_ESCAPE


def _strip_label(text: str) -> str:
    return text.replace("[hard link] ", "").replace("[symbolic link] ", "")


def _problem_from(report: dict[str, Any], where: str | None) -> ExtractionProblem | None:
    kind = report.get("__typename__", "")
    if kind == "ExtractorDependencyNotFoundReport":
        deps = ", ".join(report.get("dependencies", []))
        return ExtractionProblem(MISSING_TOOL, f"extractor not installed: {deps}", where)
    if kind == "ExtractCommandFailedReport":
        command = str(report.get("command", "")).split(" ", 1)[0]
        code = report.get("exit_code")
        if code == SIGXFSZ_EXIT:
            return ExtractionProblem(
                LIMIT_REACHED, f"{command} stopped: a file reached the size limit", where
            )
        detail = _tail(report.get("stderr", "")) or _tail(report.get("stdout", ""))
        return ExtractionProblem(
            COULD_NOT_EXTRACT, f"{command} failed (exit {code}): {detail}".rstrip(": "), where
        )
    if kind == "ExtractorTimedOut":
        return ExtractionProblem(LIMIT_REACHED, "extractor timed out", where)
    if kind in ("UnknownError", "CalculateChunkExceptionReport",
                "CalculateMultiFileExceptionReport"):
        text = str(report.get("exception", ""))
        last = text.strip().splitlines()[-1] if text.strip() else "unknown error"
        if "File too large" in text or "EFBIG" in text:
            return ExtractionProblem(LIMIT_REACHED, "a file reached the size limit", where)
        return ExtractionProblem(COULD_NOT_EXTRACT, f"extraction error: {last}", where)
    if kind == "MaliciousSymlinkRemoved":
        return ExtractionProblem(
            SYMLINK_ESCAPE,
            f"symbolic link to {report.get('target')!r} leads outside the extracted tree; removed",
            report.get("link"),
        )
    if kind == "PathTraversalProblem":
        return ExtractionProblem(
            PATH_TRAVERSAL,
            f"{_strip_label(report.get('problem', ''))} "
            f"Written to {report.get('extraction_path')!r} instead.",
            report.get("path"),
        )
    if kind == "LinkExtractionProblem":
        text = str(report.get("problem", ""))
        if "traversal" not in text.lower():
            return None  # e.g. a hard link to a missing file: not a safety problem
        return ExtractionProblem(
            _link_kind(text),
            f"link {report.get('path')!r} -> {report.get('link_path')!r} escapes: "
            f"{_strip_label(text)} {report.get('resolution', '')}".strip(),
            report.get("path"),
        )
    if kind == "ExtractionProblem":
        text = str(report.get("problem", ""))
        low = text.lower()
        resolution = str(report.get("resolution", ""))
        message = f"{_strip_label(text)} {resolution}".strip()
        if "link" in low and ("traversal" in low or "escape" in low):
            return ExtractionProblem(_link_kind(text), message, report.get("path"))
        if "traversal" in low or ("absolute path" in low and "link" not in low):
            return ExtractionProblem(PATH_TRAVERSAL, message, report.get("path"))
        return None
    return None


def _vendor_header_at_start(path: str) -> str | None:
    try:
        header = sniff.vendor_header(sniff.read_head(Path(path), 64))
    except OSError:
        return None
    return header.format if header is not None else None


def _chunk_reports(reports: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in reports:
        if r.get("__typename__") in ("ChunkReport", "MultiFileReport"):
            yield r


def summarise(results: list[dict[str, Any]], root: Path, max_depth: int) -> ReportSummary:
    out = ReportSummary()
    ordered: list[tuple[int, int, int, str]] = []
    for order, result in enumerate(results):
        task = result.get("task", {})
        depth = int(task.get("depth", 0))
        where = relative(task.get("path", ""), root) if depth > 0 else None
        reports = result.get("reports", [])
        stat = next((r for r in reports if r.get("__typename__") == "StatReport"), None)
        if depth >= max_depth and stat and (stat.get("is_dir") or stat.get("size", 0) > 0):
            out.depth_capped.append(relative(task.get("path", ""), root))
        for r in reports:
            typename = r.get("__typename__")
            if typename == "UnknownChunkReport":
                start = int(r["start_offset"])
                out.unknown_chunks.append(UnknownChunk(where or "", start, int(r["end_offset"])))
                header = _vendor_header_at_start(task.get("path", "")) if start == 0 else None
                if header is not None:  # a header unblob only carves (uImage)
                    ordered.append((depth, order, 0, header))
                continue
            problem = _problem_from(r, where)
            if problem:
                out.problems.append(problem)
        for chunk in _chunk_reports(reports):
            name = chunk.get("handler_name", "unknown")
            if name == "padding":
                continue
            ordered.append((depth, order, int(chunk.get("start_offset", 0)), name))
            out.extracted_any = True
            if depth == 0:
                out.top_level_chunks += 1
            if chunk.get("is_encrypted"):
                out.problems.append(
                    ExtractionProblem(ENCRYPTED, f"{name} content is encrypted", where)
                )
            for sub in chunk.get("extraction_reports", []):
                problem = _problem_from(sub, where)
                if problem:
                    out.problems.append(problem)
    out.formats = list(dict.fromkeys(name for *_, name in sorted(ordered)))
    # one problem per escaping entry (unblob reports some twice: unlink, then write)
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for p in out.problems:
        key = (p.kind, p.path)
        if p.path is not None and p.kind in (PATH_TRAVERSAL, SYMLINK_ESCAPE, HARDLINK_ESCAPE):
            if key in seen:
                continue
            seen.add(key)
        unique.append(p)
    out.problems = unique
    return out
