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


def _cap(limit: int, value: int) -> None:
    soft, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(limit, (value, hard))


def _label_link_problems() -> None:
    """Make unblob's link problems say which kind of link they are about.

    unblob words symlink and hard-link escapes alike ("Traversal attempt through link
    path."); the supervisor reports them as different problem kinds.
    """
    from unblob.file_utils import FileSystem
    from unblob.handlers.archive._safe_tarfile import SafeTarFile

    record = SafeTarFile.record_problem

    def record_problem(self, tarinfo, problem, resolution):  # type: ignore[no-untyped-def]
        if tarinfo.islnk():
            problem = f"[hard link] {problem}"
        elif tarinfo.issym():
            problem = f"[symbolic link] {problem}"
        record(self, tarinfo, problem, resolution)

    SafeTarFile.record_problem = record_problem  # type: ignore[method-assign]

    def labelled(method, label):  # type: ignore[no-untyped-def]
        def wrapper(self, src, dst):  # type: ignore[no-untyped-def]
            before = len(self.problems)
            method(self, src, dst)
            for i in range(before, len(self.problems)):
                p = self.problems[i]
                if hasattr(p, "problem"):
                    self.problems[i] = p.model_copy(update={"problem": f"{label} {p.problem}"})

        return wrapper

    FileSystem.create_hardlink = labelled(FileSystem.create_hardlink, "[hard link]")  # type: ignore[method-assign]
    FileSystem.create_symlink = labelled(FileSystem.create_symlink, "[symbolic link]")  # type: ignore[method-assign]


def _report_archive_escapes() -> None:
    """Have unblob report the escapes it neutralises in cpio and zip archives.

    unblob's cpio extractor redirects traversing names but drops the problem list, and
    7z silently strips `../` from zip and 7z member names; all are evidence of a hostile
    image.
    """
    import posixpath
    import subprocess
    import zipfile

    from unblob.file_utils import File, FileSystem
    from unblob.handlers.archive import cpio
    from unblob.handlers.archive.sevenzip import SevenZipHandler
    from unblob.handlers.archive.zip import ZIPHandler
    from unblob.models import Extractor, ExtractResult
    from unblob.report import PathTraversalProblem

    def cpio_extract(self, inpath, outdir):  # type: ignore[no-untyped-def]
        fs = FileSystem(outdir)
        with File.from_path(inpath) as file:
            parser = self.PARSER(file, 0)
            parser.parse()
            parser.dump_entries(fs)
        return ExtractResult(reports=list(fs.problems))

    cpio._CPIOExtractorBase.extract = cpio_extract  # type: ignore[method-assign]

    def zip_names(inpath: Path) -> list[str]:
        with zipfile.ZipFile(inpath) as z:
            return z.namelist()

    def sevenzip_names(inpath: Path) -> list[str]:
        listing = subprocess.run(
            ["7z", "l", "-slt", "-ba", "-p", str(inpath)],
            capture_output=True, timeout=120, check=False,  # (no DEVNULL: sandbox denies it)
        ).stdout.decode("utf-8", "replace")
        return [line[7:] for line in listing.splitlines() if line.startswith("Path = ")]

    class CheckedArchive(Extractor):
        """Runs the 7z extractor, then reports member names 7z silently rewrote."""

        def __init__(self, inner: Extractor, names, label: str) -> None:  # type: ignore[no-untyped-def]
            self.inner, self.names, self.label = inner, names, label

        def get_dependencies(self) -> list[str]:
            return self.inner.get_dependencies()

        def extract(self, inpath, outdir):  # type: ignore[no-untyped-def]
            reports = []
            try:
                for name in self.names(inpath):
                    norm = posixpath.normpath(name.replace("\\", "/"))
                    if norm.startswith(("/", "../")) or norm == "..":
                        reports.append(PathTraversalProblem(
                            path=name, extraction_path=norm.lstrip("/").replace("../", ""),
                            problem=f"Potential path traversal through {self.label} member name",
                            resolution="Stripped by 7z."))
            except (OSError, zipfile.BadZipFile, ValueError, subprocess.SubprocessError):
                pass
            result = self.inner.extract(inpath, outdir)
            if reports:
                return ExtractResult(reports=[*(result.reports if result else []), *reports])
            return result

    ZIPHandler.EXTRACTOR = CheckedArchive(ZIPHandler.EXTRACTOR, zip_names, "zip")  # type: ignore[assignment]
    SevenZipHandler.EXTRACTOR = CheckedArchive(  # type: ignore[assignment]
        SevenZipHandler.EXTRACTOR, sevenzip_names, "7z"
    )


def _quieter_logging() -> None:
    """Keep warnings and errors in the log file, drop unblob's per-file debug lines.

    unblob logs several debug events per file; formatting them costs ~15 % of the run.
    """
    import logging

    import structlog

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.INFO))
    logging.getLogger().setLevel(logging.INFO)


def _share_struct_parsers() -> None:
    """Compile each C struct definition once per process, not once per candidate chunk.

    unblob builds a fresh dissect.cstruct parser for every cpio candidate it checks;
    two-byte magics make such candidates common in binaries, and compiling the
    definitions dominated the chunk search in profiles.
    """
    from dissect.cstruct import cstruct
    from unblob.file_utils import StructParser

    cache: dict[tuple[str, str], object] = {}

    def compiled(definitions: str, endian: str) -> object:
        key = (definitions, endian)
        if key not in cache:
            parser = cstruct(endian=endian)
            parser.load(definitions)
            cache[key] = parser
        return cache[key]

    StructParser.cparser_le = property(  # type: ignore[method-assign,assignment]
        lambda self: compiled(self._definitions, "<")
    )
    StructParser.cparser_be = property(  # type: ignore[method-assign,assignment]
        lambda self: compiled(self._definitions, ">")
    )


_prepared = False


def prepare() -> None:
    """Import unblob and apply the adjustments above (once per process)."""
    global _prepared
    if _prepared:
        return
    import unblob.processing  # noqa: F401 - the slow import (~1 s CPU: lief, handlers)
    import unblob.sandbox  # noqa: F401

    _label_link_problems()
    _report_archive_escapes()
    _share_struct_parsers()
    _prepared = True


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
    from unblob.logging import configure_logger
    from unblob.processing import ExtractionConfig, process_file
    from unblob.sandbox import Sandbox

    image = Path(spec["image"])
    extract_root = Path(spec["extract_root"])
    log_path = Path(spec["log_path"])
    report_path = Path(spec["report_path"])
    extract_root.mkdir(parents=True, exist_ok=True)  # must exist before the Landlock rules
    # verbosity 0: the console handler only takes CRITICAL; everything goes to the log file.
    configure_logger(verbosity_level=0, extract_root=extract_root, log_path=log_path)
    _quieter_logging()
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
