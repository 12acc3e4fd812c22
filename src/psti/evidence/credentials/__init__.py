"""Per-device password batches: are unique passwords really unique and not derivable?

`analyse_batch` streams a CSV/TSV/JSON Lines export (optionally gzip) once and returns a
`BatchReport`; `batch_result` turns it into evidence and findings per Schedule 1
sub-paragraph; `PasswordBatchCollector` runs it for `psti assess`.
"""

from psti.evidence.credentials import kinds as _kinds  # noqa: F401  (registers finding kinds)
from psti.evidence.credentials.analyse import BatchReport, Policy, PublicInfo, analyse_batch
from psti.evidence.credentials.collector import PasswordBatchCollector, public_info
from psti.evidence.credentials.findings import batch_result, unreadable_result
from psti.evidence.credentials.reader import BatchReader, ReaderOptions

__all__ = [
    "BatchReader",
    "BatchReport",
    "PasswordBatchCollector",
    "Policy",
    "PublicInfo",
    "ReaderOptions",
    "analyse_batch",
    "batch_result",
    "public_info",
    "unreadable_result",
]
