"""Every ```bash block of the README, run in order as a new user would, in a copy of the project.

The commands run as written, one `bash -c` each, in a temporary copy holding the README,
the Makefile, scripts/ and examples/ (the virtualenv linked in as `.venv`), with a fresh
data directory and no psti on PATH until the README's own `. .venv/bin/activate`. What a
test cannot do as written is changed in these few, documented ways only:

- `make test` is this test suite: it is not started again from inside it;
- `make demo` runs with its install step taken as done (`make -o install demo`): the
  system packages and the virtualenv are what this test runs in;
- `CASE-REF` stands for the reference that the last `psti case open` printed;
- `psti serve` gets a free `--port` (the default may be taken on a shared machine), is
  waited for until it answers, then stopped; with `--database postgresql://user:pw@host/db`
  it uses `$PSTI_TEST_POSTGRES_URL` when set, and otherwise must fail cleanly: exit 2 and
  one line naming the database.

Nothing reaches the network: the README's commands use the examples' saved pages.
Every command must end with an exit code the README defines for results (0, 1 or 3),
never 2 (usage or input error), and print no traceback.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO
from tests.service.live import free_port

pytestmark = pytest.mark.timeout(600)

VENV_BIN = Path(sys.executable).parent
PLACEHOLDER_PG = "postgresql://user:pw@host/db"


def bash_blocks(readme: str) -> list[str]:
    return re.findall(r"^```bash\n(.*?)^```", readme, flags=re.S | re.M)


def commands(block: str) -> Iterator[str]:
    """The block's commands: continuation lines joined, comments dropped (as bash reads them)."""
    for logical in block.replace("\\\n", " ").splitlines():
        words = shlex.split(logical, comments=True)
        if words:
            yield shlex.join(words)


def test_blocks_are_read_as_bash_reads_them() -> None:
    block = 'a --x "one two"   # note\n# only a comment\nb \\\n    --y "…"\n'
    assert [shlex.split(c) for c in commands(block)] == [["a", "--x", "one two"], ["b", "--y", "…"]]


@dataclass
class Session:
    """A user's shell: a working directory and an environment carried from command to command."""

    cwd: Path
    env: dict[str, str]
    case_ref: str | None = None
    ran: list[str] = field(default_factory=list)

    def run(self, command: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        self.ran.append(command)
        start = time.monotonic()
        try:
            return subprocess.run(["bash", "-c", command], cwd=self.cwd, env=self.env, capture_output=True,
                                  text=True, stdin=subprocess.DEVNULL, timeout=timeout)
        finally:
            print(f"{time.monotonic() - start:6.1f} s  {command}")  # shown with -s or on failure

    def source(self, command: str) -> None:
        """`. FILE`: what it exports holds for the commands after it, as in an interactive shell."""
        r = self.run(f"{command} && env -0")
        assert r.returncode == 0, r.stderr
        self.env = dict(item.split("=", 1) for item in r.stdout.split("\0") if "=" in item)


def without_psti_on_path(path: str) -> str:
    return os.pathsep.join(p for p in path.split(os.pathsep) if p and Path(p).resolve() != VENV_BIN.resolve())


@pytest.fixture
def session(tmp_path: Path) -> Session:
    clone = tmp_path / "psti"
    clone.mkdir()
    for name in ("README.md", "Makefile", "pyproject.toml"):
        shutil.copy2(REPO / name, clone / name)
    for name in ("scripts", "examples"):
        shutil.copytree(REPO / name, clone / name)
    (clone / ".venv").symlink_to(VENV_BIN.parent)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PSTI_", "VIRTUAL_ENV"))}
    env |= {"PATH": without_psti_on_path(env.get("PATH", "")), "HOME": str(tmp_path / "home"),
            "PSTI_DATA_DIR": str(tmp_path / "data"), "PSTI_USER": "officer"}
    (tmp_path / "home").mkdir()
    return Session(clone, env)


def serve(s: Session, command: str) -> None:
    words = shlex.split(command)
    pg = os.environ.get("PSTI_TEST_POSTGRES_URL")
    if PLACEHOLDER_PG in words and not pg:
        r = s.run(command + " --port " + str(free_port()), timeout=60)
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 2 and len(lines) == 1 and "cannot open the database" in lines[0], r.stderr
        assert "Traceback" not in r.stdout + r.stderr
        return
    words = [pg if w == PLACEHOLDER_PG and pg else w for w in words]
    port = free_port()
    proc = subprocess.Popen(["bash", "-c", f"exec {shlex.join(words)} --port {port}"], cwd=s.cwd, env=s.env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.communicate()[1]
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "psti serve did not answer within 60 s"
            time.sleep(0.2)
        assert httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5).status_code == 200
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C, as the README says
        _, err = proc.communicate(timeout=30)
    assert f"listening on http://127.0.0.1:{port}/" in err and "Traceback" not in err, err


def test_every_readme_command_runs_in_order(session: Session) -> None:
    s = session
    blocks = bash_blocks((REPO / "README.md").read_text("utf-8"))
    assert blocks, "the README has no bash blocks"
    for block in blocks:
        for command in commands(block):
            if command == "make test":
                continue
            if command == "make demo":
                r = s.run("make -o install demo")
                assert r.returncode == 0, r.stdout + r.stderr
                for example, verdict in (("smart-camera", "pass"), ("router", "fail"), ("laptop", "not-applicable")):
                    assert re.search(rf"^{example}\s+{verdict}\s", r.stdout, re.M), r.stdout
                continue
            if command.startswith((". ", "source ")):
                s.source(command)
                assert s.run("command -v psti").returncode == 0, "psti is not on PATH after " + command
                continue
            if command.startswith("psti serve"):
                serve(s, command)
                continue
            if "CASE-REF" in command:
                assert s.case_ref, f"{command!r} needs a case: no `psti case open` ran before it"
                command = command.replace("CASE-REF", s.case_ref)
            r = s.run(command)
            output = r.stdout + r.stderr
            assert "Traceback" not in output, f"{command}\n{output}"
            assert r.returncode in (0, 1, 3), f"{command} exited {r.returncode}\n{output}"
            if command.startswith("psti case open"):
                m = re.search(r"^opened (\S+) ", r.stdout, re.M)
                assert m, r.stdout
                s.case_ref = m.group(1)
    assert s.case_ref and any(c.startswith("psti notice intent") for c in s.ran)
    assert (s.cwd / "out" / "statement.json").is_file() and (s.cwd / "report.html").is_file()
