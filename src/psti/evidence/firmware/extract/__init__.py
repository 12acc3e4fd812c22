"""Safe recursive extraction of firmware images.

    from psti.evidence.firmware.extract import Limits, extract_image, work_directory

    with work_directory(keep=False, parent=None) as wd:
        ex = extract_image(Path("fw.bin"), wd, Limits(max_total_bytes=1 << 30))
        for root in ex.roots: ...          # extracted filesystem roots, best first
        for p in ex.problems: ...          # limit-reached, path-traversal, encrypted, ...

unblob does the unpacking, in a child process, inside its Landlock sandbox; the
supervisor enforces the limits while it runs; links leaving the tree are removed.
"""

from psti.evidence.firmware.extract.extract import extract_image
from psti.evidence.firmware.extract.model import (
    COULD_NOT_EXTRACT,
    ENCRYPTED,
    HARDLINK_ESCAPE,
    LIMIT_REACHED,
    MISSING_TOOL,
    PATH_TRAVERSAL,
    PROBLEM_KINDS,
    SYMLINK_ESCAPE,
    TRUNCATED,
    UNKNOWN_FORMAT,
    Extraction,
    ExtractionProblem,
    Limits,
)
from psti.evidence.firmware.extract.workdir import WorkDirectory, work_directory
from psti.evidence.interface import ProgressFn

__all__ = [
    "COULD_NOT_EXTRACT",
    "ENCRYPTED",
    "HARDLINK_ESCAPE",
    "LIMIT_REACHED",
    "MISSING_TOOL",
    "PATH_TRAVERSAL",
    "PROBLEM_KINDS",
    "SYMLINK_ESCAPE",
    "TRUNCATED",
    "UNKNOWN_FORMAT",
    "Extraction",
    "ExtractionProblem",
    "Limits",
    "ProgressFn",
    "WorkDirectory",
    "extract_image",
    "work_directory",
]
