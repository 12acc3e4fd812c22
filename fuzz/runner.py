"""Running one input through the real `psti` command, bounded, and judging the outcome.

Each input runs in its own process with its own work directory (cwd, HOME, TMPDIR and
XDG folders all inside it), a memory ceiling and a CPU-time ceiling set with
`resource.setrlimit` in the child, and a wall-clock bound proportional to the input's
size. Two ways to start that process:

- `exec`: `python -m psti.cli` as a fresh interpreter, exactly as a user runs it;
- `fork` (default, several times faster): a server process imports psti once and forks
  a child per input, which runs the same entry point (`psti.cli.main`) on a fresh
  argv. The work the command does is identical; only interpreter start-up is shared.

Invariants checked on every outcome: no traceback (nor "internal error"), exit code in
{0, 1, 2, 3}, finished within the time bound, peak RSS under 1 GiB, nothing written
outside the work directory, and (statements) no verification unless the signed content
is the seed's.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import resource
import signal
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from fuzz.families import Case, Family

GiB = 1 << 30
MEMORY_LIMIT = GiB  # the invariant: peak resident memory below this
ADDRESS_SPACE_LIMIT = 4 * GiB  # the hard ceiling set in the child, so a runaway cannot take the machine
OK_CODES = frozenset({0, 1, 2, 3})
CANARY = "psti-fuzz-escape-canary"


@dataclass
class Outcome:
    case: Case
    code: int | None  # None: killed at the time bound
    seconds: float
    max_rss: int  # bytes
    stdout: bytes
    stderr: bytes
    bound_seconds: float
    problems: list[str] = field(default_factory=list)  # broken invariants, empty when clean

    @property
    def category(self) -> str:
        """verdict (0, 1, 3), clean-error (2) or the first broken invariant."""
        if self.problems:
            return self.problems[0].split(":", 1)[0]
        return "clean-error" if self.code == 2 else "verdict"


def size_for_bound(case: Case) -> int:
    """Bytes the command has to read: gzip inputs count decompressed (bounded look)."""
    size = len(case.data)
    if case.data[:2] == b"\x1f\x8b":
        try:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            size = max(size, len(d.decompress(case.data, 256 << 20)))
        except zlib.error:
            pass
    return size


def _child_limits(cpu_seconds: int) -> None:
    os.setsid()  # its own process group: a timeout kills extraction tools too
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _env(case_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PSTI_", "XDG_"))}
    env.update(
        HOME=str(case_dir / "home"),
        TMPDIR=str(case_dir / "tmp"),
        XDG_DATA_HOME=str(case_dir / "home" / "data"),
        XDG_CACHE_HOME=str(case_dir / "home" / "cache"),
        XDG_CONFIG_HOME=str(case_dir / "home" / "config"),
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        COLUMNS="100",
        NO_COLOR="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def prepare(case: Case, case_dir: Path) -> None:
    for sub in ("home", "tmp"):
        (case_dir / sub).mkdir(parents=True, exist_ok=True)
    (case_dir / case.name).write_bytes(case.data)
    for name, data in case.support.items():
        (case_dir / name).write_bytes(data)


def _wait(pid: int, bound: float) -> tuple[int | None, float, int]:
    """Wait for the child up to `bound` seconds; (exit code or None if killed, seconds, max RSS)."""
    start = time.monotonic()
    delay = 0.005
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            return (code if code >= 0 else 128 - code), time.monotonic() - start, usage.ru_maxrss * 1024
        if time.monotonic() - start > bound:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return None, time.monotonic() - start, usage.ru_maxrss * 1024
        time.sleep(delay)
        delay = min(delay * 1.5, 0.1)


def run_exec(case: Case, case_dir: Path, bound: float) -> tuple[int | None, float, int, bytes, bytes]:
    out, err = case_dir / ".stdout", case_dir / ".stderr"
    with out.open("wb") as fo, err.open("wb") as fe:
        proc = subprocess.Popen(  # noqa: S603 - a fixed interpreter and module
            [sys.executable, "-m", "psti.cli", *case.argv],
            cwd=case_dir, env=_env(case_dir), stdin=subprocess.DEVNULL, stdout=fo, stderr=fe,
            preexec_fn=lambda: _child_limits(int(bound) + 1),
        )
        code, seconds, rss = _wait(proc.pid, bound)
        proc.returncode = code if code is not None else -9  # reaped already
    return code, seconds, rss, out.read_bytes(), err.read_bytes()


PRELOAD = (
    "psti.declaration", "psti.engine", "psti.assess", "psti.scope", "psti.render", "psti.render.terminal",
    "psti.render.json", "psti.evidence.web.disclosure", "psti.evidence.web.support_check",
    "psti.evidence.web.documents", "psti.evidence.web.securitytxt", "psti.evidence.web.policy",
    "psti.evidence.credentials", "psti.evidence.credentials.analyse", "psti.documents.statement",
    "psti.evidence.firmware.examine", "psti.evidence.firmware.collector", "rich.console", "rich.table",
    "numpy", "cryptography.hazmat.primitives.asymmetric.ed25519",
)


def source_stamp() -> float:
    """Newest modification time of psti's source: a fork server must not outlive an edit,
    or its children would mix modules loaded before the edit with modules loaded after."""
    import psti

    root = Path(psti.__file__).parent
    return max(p.stat().st_mtime for p in root.rglob("*.py"))


class ForkServer:
    """psti imported once; each input runs in a forked child through `psti.cli.main`."""

    def __init__(self) -> None:
        import importlib

        self.stamp = source_stamp()

        import psti.cli  # noqa: F401 - every command module is loaded here, once

        # what the commands import lazily, loaded once so each child starts warm
        for name in PRELOAD:
            try:
                importlib.import_module(name)
            except ImportError:
                continue
        try:
            from psti.corpus import load_corpus
            from psti.regime import library

            library()
            corpus = load_corpus()
            corpus.candidates()
            corpus.pairs()
            corpus.known_passwords()
        except Exception:  # noqa: BLE001 - a warm cache is an optimisation only
            pass

    def run(self, case: Case, case_dir: Path, bound: float) -> tuple[int | None, float, int, bytes, bytes]:
        if source_stamp() != self.stamp:
            raise SystemExit("psti's source changed during the run: results would mix two versions; start again")
        out, err = case_dir / ".stdout", case_dir / ".stderr"
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 70
            try:
                _child_limits(int(bound) + 1)
                fo = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                fe = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)
                os.dup2(fo, 1)
                os.dup2(fe, 2)
                os.chdir(case_dir)
                os.environ.clear()
                os.environ.update(_env(case_dir))
                import tempfile

                tempfile.tempdir = None  # recomputed from TMPDIR
                sys.argv = ["psti", *case.argv]
                from psti.cli import main

                main()
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
            except BaseException:  # main() maps errors itself; anything here is the harness's
                import traceback

                traceback.print_exc()
                code = 70
            finally:
                try:
                    sys.stdout.flush()
                    sys.stderr.flush()
                finally:
                    os._exit(code)
        code, seconds, rss = _wait(pid, bound)
        return code, seconds, rss, out.read_bytes(), err.read_bytes()


def judge(family: Family, outcome: Outcome, work_root: Path, original: bytes | None) -> None:
    """Fill outcome.problems with every broken invariant."""
    p = outcome.problems
    text = outcome.stderr + outcome.stdout
    if b"Traceback (most recent call last)" in text or b"internal error:" in text:
        p.append("traceback: " + _last_line(outcome.stderr))
    if outcome.code is None:
        p.append(f"hang: killed after {outcome.bound_seconds:.0f} s")
    elif outcome.code not in OK_CODES:
        p.append(f"exit-code: {outcome.code}: " + _last_line(outcome.stderr))
    if outcome.max_rss >= MEMORY_LIMIT:
        p.append(f"memory: peak RSS {outcome.max_rss / GiB:.2f} GiB")
    escaped = escapes(work_root)
    if escaped:
        p.append("escape: " + ", ".join(escaped[:3]))
    if family.signed and outcome.code == 0 and original is not None:
        why = false_verification(outcome.case.data, original)
        if why:
            p.append("false-verification: " + why)


def _last_line(data: bytes) -> str:
    lines = [ln for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1][:200] if lines else ""


def escapes(work_root: Path) -> list[str]:
    """Files a run made outside its case directory: the canary anywhere it could land,
    or anything new at the top of the work root."""
    found = []
    for base in {Path("/tmp"), Path(os.environ.get("TMPDIR", "/tmp")), work_root, work_root.parent}:
        try:
            found += [str(p) for p in base.iterdir() if p.name.startswith(CANARY)]
        except OSError:
            continue
    with contextlib.suppress(OSError):
        found += [str(p) for p in work_root.iterdir() if not p.name.startswith(("case-", "firmware-seeds", "."))]
    return found


def false_verification(mutated: bytes, original: bytes) -> str | None:
    """Why a verified statement is not the one that was signed, or None when its signed
    content (body and signature, as one strict parse reads them) is unchanged."""
    from psti import strictjson
    from psti.documents.signing import canonical_json

    try:
        new = strictjson.loads(mutated)
    except ValueError as e:  # includes JSONDecodeError and UnicodeDecodeError
        return f"verified, but a strict parser refuses it ({e})"
    old = strictjson.loads(original)
    if not isinstance(new, dict):
        return "verified, but it is not a JSON object"
    if canonical_json(new.get("statement")) != canonical_json(old.get("statement")):
        return "verified with a changed statement body"
    if new.get("signature") != old.get("signature"):
        sig_new, sig_old = new.get("signature") or {}, old.get("signature") or {}
        if not isinstance(sig_new, dict) or sig_new.get("value") != sig_old.get("value"):
            return "verified with a changed signature"
    return None


def decompressed(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        return data
