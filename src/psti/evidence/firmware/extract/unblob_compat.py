"""Every place psti reaches into unblob's internals, in one module.

unblob is used as a library (`unblob.processing`), and four of its behaviours are
adjusted in the extraction process: link problems say which kind of link they are
about, the escapes its cpio, zip and 7z extractors neutralise are reported, and each C
struct definition is compiled once per process. The SquashFS fast path also uses
unblob's Landlock binding to confine unsquashfs. None of this is unblob's public API,
so pyproject.toml pins unblob to the versions these adjustments were checked against,
`PATCHED` lists what they rely on, and `check()` (run by `apply()` and by the tests)
says precisely what moved when unblob changes.

The caller's process imports this module for the fast path's sandbox (unblob's Rust
extension, ~45 ms); unblob's handlers (~1.5 s: lief and every format) are imported only
by the functions that need them, which run in the extraction process.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import posixpath
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from unblob._rust.sandbox import AccessFS, SandboxError, restrict_access


class UnblobChanged(RuntimeError):
    """The installed unblob no longer has what psti's adjustments rely on."""


@dataclass(frozen=True)
class Patched:
    """One unblob attribute psti replaces or calls, and the shape it must have."""

    module: str
    name: str  # attribute path inside the module, e.g. "FileSystem.create_hardlink"
    params: tuple[str, ...] | None = None  # parameter names of a function; None: not checked
    kind: str = "function"  # "function", "property", "extractor" or "callable"


PATCHED: tuple[Patched, ...] = (
    Patched("unblob.handlers.archive._safe_tarfile", "SafeTarFile.record_problem",
            ("self", "tarinfo", "problem", "resolution")),
    Patched("unblob.file_utils", "FileSystem.create_hardlink", ("self", "src", "dst")),
    Patched("unblob.file_utils", "FileSystem.create_symlink", ("self", "src", "dst")),
    Patched("unblob.handlers.archive.cpio", "_CPIOExtractorBase.extract",
            ("self", "inpath", "outdir")),
    Patched("unblob.handlers.archive.zip", "ZIPHandler.EXTRACTOR", kind="extractor"),
    Patched("unblob.handlers.archive.sevenzip", "SevenZipHandler.EXTRACTOR", kind="extractor"),
    Patched("unblob.file_utils", "StructParser.cparser_le", kind="property"),
    Patched("unblob.file_utils", "StructParser.cparser_be", kind="property"),
    Patched("unblob._rust.sandbox", "restrict_access", kind="callable"),
    Patched("unblob._rust.sandbox", "AccessFS.read", kind="callable"),
    Patched("unblob._rust.sandbox", "AccessFS.read_write", kind="callable"),
    Patched("unblob._rust.sandbox", "AccessFS.remove_dir", kind="callable"),
    Patched("unblob._rust.sandbox", "AccessFS.remove_file", kind="callable"),
)

_ORIGINALS: dict[str, Any] = {}  # "module:attribute path" -> unblob's own value, once replaced


def _resolve(target: Patched) -> Any:
    key = f"{target.module}:{target.name}"
    if key in _ORIGINALS:
        return _ORIGINALS[key]
    owner_path, _, attr = target.name.rpartition(".")
    owner: Any = import_module(target.module)
    for part in filter(None, owner_path.split(".")):
        owner = getattr(owner, part)
    return inspect.getattr_static(owner, attr) if target.kind == "property" else getattr(owner, attr)


def check() -> list[str]:
    """What in the installed unblob differs from what the adjustments expect (empty: none)."""
    from unblob.file_utils import FileSystem
    from unblob.handlers.archive import cpio
    from unblob.models import Extractor

    problems = []
    for target in PATCHED:
        where = f"{target.module}.{target.name}"
        try:
            value = _resolve(target)
        except (ImportError, AttributeError) as exc:
            problems.append(f"{where}: missing ({exc})")
            continue
        if target.kind == "property" and not isinstance(value, property):
            problems.append(f"{where}: no longer a property")
        elif target.kind == "extractor" and not isinstance(value, Extractor):
            problems.append(f"{where}: no longer an unblob Extractor ({type(value).__name__})")
        elif target.kind in ("function", "callable") and not callable(value):
            problems.append(f"{where}: no longer callable")
        elif target.params is not None:
            found = tuple(inspect.signature(value).parameters)
            if found != target.params:
                problems.append(f"{where}: parameters are {found}, expected {target.params}")
    extractors = cpio._CPIOExtractorBase.__subclasses__()
    if not extractors or not all(hasattr(e, "PARSER") for e in extractors):
        problems.append("unblob.handlers.archive.cpio._CPIOExtractorBase subclasses: no PARSER")
    for name in ("parse", "dump_entries"):
        if not callable(getattr(cpio.CPIOParserBase, name, None)):
            problems.append(f"unblob.handlers.archive.cpio.CPIOParserBase.{name}: missing")
    for name in ("problems", "record_problem"):
        if not hasattr(FileSystem(Path("/")), name):
            problems.append(f"unblob.file_utils.FileSystem().{name}: missing")
    return problems


def _replace(owner: Any, attr: str, module: str, value: Any) -> None:
    name = f"{owner.__name__}.{attr}"
    _ORIGINALS.setdefault(f"{module}:{name}", inspect.getattr_static(owner, attr))
    setattr(owner, attr, value)


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

    _replace(SafeTarFile, "record_problem", "unblob.handlers.archive._safe_tarfile", record_problem)

    def labelled(method, label):  # type: ignore[no-untyped-def]
        def wrapper(self, src, dst):  # type: ignore[no-untyped-def]
            before = len(self.problems)
            method(self, src, dst)
            for i in range(before, len(self.problems)):
                p = self.problems[i]
                if hasattr(p, "problem"):
                    self.problems[i] = p.model_copy(update={"problem": f"{label} {p.problem}"})

        return wrapper

    for attr, label in (("create_hardlink", "[hard link]"), ("create_symlink", "[symbolic link]")):
        _replace(FileSystem, attr, "unblob.file_utils", labelled(getattr(FileSystem, attr), label))


def _zip_names(inpath: Path) -> list[str]:
    with zipfile.ZipFile(inpath) as z:
        return z.namelist()


def _sevenzip_names(inpath: Path) -> list[str]:
    listing = subprocess.run(
        ["7z", "l", "-slt", "-ba", "-p", str(inpath)],
        capture_output=True, timeout=120, check=False,  # (no DEVNULL: sandbox denies it)
    ).stdout.decode("utf-8", "replace")
    return [line[7:] for line in listing.splitlines() if line.startswith("Path = ")]


def _report_archive_escapes() -> None:
    """Have unblob report the escapes it neutralises in cpio and zip archives.

    unblob's cpio extractor redirects traversing names but drops the problem list, and
    7z silently strips `../` from zip and 7z member names; all are evidence of a hostile
    image.
    """
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

    class CheckedArchive(Extractor):  # type: ignore[misc]
        """Runs the 7z extractor, then reports member names 7z silently rewrote."""

        def __init__(self, inner: Extractor, names: Callable[[Path], list[str]], label: str) -> None:
            self.inner, self.names, self.label = inner, names, label

        def get_dependencies(self) -> list[str]:
            return self.inner.get_dependencies()  # type: ignore[no-any-return]

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

    _replace(cpio._CPIOExtractorBase, "extract", "unblob.handlers.archive.cpio", cpio_extract)
    _replace(ZIPHandler, "EXTRACTOR", "unblob.handlers.archive.zip",
             CheckedArchive(ZIPHandler.EXTRACTOR, _zip_names, "zip"))
    _replace(SevenZipHandler, "EXTRACTOR", "unblob.handlers.archive.sevenzip",
             CheckedArchive(SevenZipHandler.EXTRACTOR, _sevenzip_names, "7z"))


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

    def shared(endian: str) -> property:
        return property(lambda self: compiled(self._definitions, endian))

    _replace(StructParser, "cparser_le", "unblob.file_utils", shared("<"))
    _replace(StructParser, "cparser_be", "unblob.file_utils", shared(">"))


def quieter_logging() -> None:
    """Keep warnings and errors in the log file, drop unblob's per-file debug lines.

    unblob logs several debug events per file; formatting them costs ~15 % of the run.
    """
    import structlog

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.INFO))
    logging.getLogger().setLevel(logging.INFO)


_applied = False


def apply() -> None:
    """Adjust unblob as described above (once per process); UnblobChanged if it cannot be."""
    global _applied
    if _applied:
        return
    problems = check()
    if problems:
        raise UnblobChanged(
            "the installed unblob differs from the versions psti supports: " + "; ".join(problems))
    _label_link_problems()
    _report_archive_escapes()
    _share_struct_parsers()
    _applied = True


def restrict_writes(directory: Path) -> None:
    """Confine the calling thread (and what it starts) to writing inside directory.

    Landlock: where the kernel lacks it, nothing is restricted and the caller's own
    limits and checks afterwards still apply.
    """
    with contextlib.suppress(SandboxError):
        restrict_access(
            AccessFS.read("/"),
            AccessFS.read_write(str(directory)),
            AccessFS.remove_dir(str(directory)),
            AccessFS.remove_file(str(directory)),
        )
