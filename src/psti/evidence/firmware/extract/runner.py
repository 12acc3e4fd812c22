"""Child-process entry point that runs unblob on one image.

`supervise.py` runs `python -m psti.evidence.firmware.extract.runner --serve` once (a
fork server that has imported unblob) and has it fork one process per extraction;
`runner SPEC.json` does a single extraction directly (the fallback). Running unblob in
its own process keeps its global state (multiprocessing start method, structlog
configuration, stdout) out of the caller, lets the supervisor kill the whole
process tree on a limit, and lets us cap every file it writes with RLIMIT_FSIZE before
any extractor starts. Inside, unblob runs in its Landlock sandbox: writes outside the
extraction directory are refused by the kernel where Landlock is available.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import traceback
from pathlib import Path

# This module is the extraction process: importing unblob here (~1.5 s of CPU: lief and
# every handler) is paid once by the fork server, never by the caller.
from unblob.logging import configure_logger
from unblob.processing import ExtractionConfig, process_file
from unblob.sandbox import Sandbox

from psti.evidence.firmware.extract import unblob_compat


def _cap(limit: int, value: int) -> None:
    soft, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(limit, (value, hard))


def prepare() -> None:
    """Apply psti's adjustments to unblob (once per process; see unblob_compat)."""
    unblob_compat.apply()


def run_spec(spec_path: Path) -> int:
    """Extract one image as described by the spec file; writes the exit status beside it."""
    spec = json.loads(spec_path.read_text())
    status_path = Path(spec["status_path"])
    code = 1
    try:
        # Every file any extractor writes is cut at this size (SIGXFSZ / EFBIG).
        _cap(resource.RLIMIT_FSIZE, int(spec["max_file_bytes"]))
        _cap(resource.RLIMIT_CORE, 0)
        prepare()
        code = _extract(spec)
    finally:
        status_path.write_text(str(code))
    return code


def _extract(spec: dict) -> int:  # type: ignore[type-arg]
    image = Path(spec["image"])
    extract_root = Path(spec["extract_root"])
    log_path = Path(spec["log_path"])
    report_path = Path(spec["report_path"])
    extract_root.mkdir(parents=True, exist_ok=True)  # must exist before the Landlock rules
    # verbosity 0: the console handler only takes CRITICAL; everything goes to the log file.
    configure_logger(verbosity_level=0, extract_root=extract_root, log_path=log_path)
    unblob_compat.quieter_logging()
    log_path.touch()
    # targets: files already inside extract_root (the fast path's candidates), each with
    # the nesting depth it is at; their output goes beside them as `<name>_extract`.
    targets = spec.get("targets") or [[str(image), 0]]
    max_depth = int(spec["max_depth"])
    outcomes = []
    for target, depth in targets:
        config = ExtractionConfig(
            extract_root=extract_root,
            randomness_depth=0,
            max_depth=max_depth - int(depth),
            # a worker pool per target costs more than it saves when targets are many
            process_num=int(spec["process_num"]) if len(targets) <= 4 else 1,
            force_extract=True,
        )
        result = Sandbox(config, log_path, None).run(process_file, config, Path(target))
        outcomes.append((result, int(depth)))
    _write_compact_report(outcomes, report_path, max_depth)
    return 0


_ROUTINE = frozenset({"StatReport", "HashReport", "FileMagicReport"})


def _write_compact_report(outcomes, report_path: Path, max_depth: int) -> None:  # type: ignore[no-untyped-def]
    """unblob's report without the per-file hash and magic entries.

    The full report holds several entries for every extracted file (hundreds of MB
    for 200,000 files); the supervisor needs only chunks, problems and the tasks that
    reached the depth limit. Depths are made absolute (the target's depth added).
    """
    kept = []
    for result, offset in outcomes:
        for task_result in result.results:
            depth = task_result.task.depth + offset
            names = {type(r).__name__ for r in task_result.reports}
            if names <= _ROUTINE and depth < max_depth:
                continue
            dumped = task_result.model_dump(mode="json", serialize_as_any=True)
            dumped["reports"] = [r for r in dumped["reports"]
                                 if r.get("__typename__") not in ("HashReport", "FileMagicReport")]
            dumped.pop("subtasks", None)
            dumped.setdefault("task", {})["depth"] = depth
            kept.append(dumped)
    tmp = report_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(kept))
    tmp.replace(report_path)


def _forked_child(spec_path: Path) -> None:
    """In a child forked by `serve`: become a clean, separate extraction process."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # extractors must be waitable
        os.setsid()
        spec = json.loads(spec_path.read_text())
        meta = spec_path.parent
        null = os.open(os.devnull, os.O_RDONLY)
        out = os.open(meta / "runner.out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.chdir(meta)
        os.environ["PATH"] = spec["path"]
        code = run_spec(spec_path)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        # A forked child ends with os._exit (the documented way): it must not run the
        # fork server's exit handlers or flush buffers it shares with it.
        os._exit(code)


def serve() -> int:
    """Fork server: pay unblob's import once, then fork one process per extraction.

    Reads spec paths on stdin, answers each with the forked child's pid. Exits when
    stdin closes (its parent went away). Children are reaped automatically.
    """
    prepare()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    for line in sys.stdin:
        spec_path = Path(line.strip())
        pid = os.fork()
        if pid == 0:
            _forked_child(spec_path)
        print(pid, flush=True)
    return 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["--serve"]:
        return serve()
    return run_spec(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
