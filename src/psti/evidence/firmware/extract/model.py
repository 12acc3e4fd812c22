"""Data types of the extraction layer: limits, problems and the extraction result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

# Problem kinds. Stable strings: collectors map them to findings.
LIMIT_REACHED: Final = "limit-reached"
PATH_TRAVERSAL: Final = "path-traversal"
SYMLINK_ESCAPE: Final = "symlink-escape"
HARDLINK_ESCAPE: Final = "hardlink-escape"
COULD_NOT_EXTRACT: Final = "could-not-extract"
ENCRYPTED: Final = "encrypted"
UNKNOWN_FORMAT: Final = "unknown-format"
TRUNCATED: Final = "truncated"
MISSING_TOOL: Final = "missing-tool"
SPECIAL_FILE: Final = "special-file"  # a device node or FIFO where an account database belongs

PROBLEM_KINDS: Final = (
    LIMIT_REACHED,
    PATH_TRAVERSAL,
    SYMLINK_ESCAPE,
    HARDLINK_ESCAPE,
    COULD_NOT_EXTRACT,
    ENCRYPTED,
    UNKNOWN_FORMAT,
    TRUNCATED,
    MISSING_TOOL,
    SPECIAL_FILE,
)


@dataclass(frozen=True)
class Limits:
    """Bounds on one extraction. Every bound is enforced while extracting."""

    max_total_bytes: int = 2 * 1024**3
    max_files: int = 200_000
    max_depth: int = 10
    max_seconds: float = 600.0
    max_file_bytes: int = 512 * 1024**2


@dataclass(frozen=True)
class ExtractionProblem:
    """Something that stopped, limited or was neutralised during extraction."""

    kind: str  # one of PROBLEM_KINDS
    message: str
    path: str | None = None  # path inside the image (relative to Extraction.root)


@dataclass
class Extraction:
    """What `extract_image` produced."""

    root: Path  # directory holding the extracted tree(s), all inside work_dir
    roots: list[Path]  # each extracted filesystem root, best first (empty if none recognised)
    problems: list[ExtractionProblem] = field(default_factory=list)
    files: int = 0
    total_bytes: int = 0
    formats: list[str] = field(default_factory=list)  # e.g. ["uimage", "squashfs_v4_le"]

    @property
    def complete(self) -> bool:
        """True when nothing was cut short, refused or left unextracted."""
        return not self.problems

    def problems_of(self, *kinds: str) -> list[ExtractionProblem]:
        return [p for p in self.problems if p.kind in kinds]
