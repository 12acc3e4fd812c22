"""`psti probe` on six real login daemons, and hydra on the same targets and credentials.

Starts sshd, telnetd, vsftpd, lighttpd (Basic and a form login) and mosquitto on
127.0.0.1 (testbed/daemons.py), each with two published defaults seeded (admin/admin,
root/root; vsftpd refuses root as Debian's /etc/ftpusers says) and one account with a
password of its own. Prints, per interface: seeded defaults found, false logins,
attempts, wall time; for psti with its defaults (rate 5/s and 8 connections per
interface, 200-entry shortlist, 5 passwords per account), and for hydra with the same
credential list (psti's plan, `-C`) and 8 tasks. Then the whole six-interface
probe as one run. Needs root and the daemons from scripts/install-system.sh; hydra if
installed (`apt-get install hydra`).

    python bench/probe_peers.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from testbed import daemons as D  # noqa: E402

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"
Factory = Callable[[Path], AbstractContextManager[D.Daemon]]
SERVICES: dict[str, tuple[Factory, set[str], str | None]] = {
    # name: (daemon, accounts that must log in, hydra service spec)
    "ssh": (lambda t: D.sshd(t), {"admin", "root"}, "ssh"),
    "telnet": (lambda t: D.telnetd(t), {"admin", "root"}, "telnet"),
    "ftp": (lambda t: D.vsftpd(t), {"admin"}, "ftp"),
    "mqtt": (lambda t: D.mosquitto(t), {"admin", "root"}, None),
    "http-basic": (lambda t: D.lighttpd(t, "basic"), {"admin", "root"}, "http-get /"),
    "http-form": (lambda t: D.lighttpd(t, "form"), {"admin", "root"},
                  "http-post-form /cgi-bin/login.py:username=^USER^&password=^PASS^&lang=en:F=Invalid"),
}


def events(path: Path) -> Iterator[dict]:  # type: ignore[type-arg]
    for line in path.read_text().splitlines():
        yield json.loads(line)


def run_psti(ports: list[int], record: Path, *extra: str) -> tuple[float, list[dict]]:  # type: ignore[type-arg]
    args = [PSTI, "probe", "127.0.0.1", "--only-ports", *sum((["-p", str(p)] for p in ports), []), "-o", str(record),
            *extra]
    start = time.monotonic()
    subprocess.run(args, capture_output=True, text=True, timeout=900)
    return time.monotonic() - start, list(events(record))


HYDRA_LIMIT = 300  # seconds; hydra's telnet module can wait forever for a prompt it does not know


def run_hydra(spec: str, port: int, combos: Path) -> tuple[float, set[tuple[str, str]] | None, int]:
    service, _, module_args = spec.partition(" ")
    args = ["hydra", "-C", str(combos), "-t", "8", "-s", str(port), "-I", "-o", "/dev/null", "127.0.0.1", service]
    if module_args:
        args.append(module_args)
    start = time.monotonic()
    try:
        r = subprocess.run(args, capture_output=True, text=True, timeout=HYDRA_LIMIT)
    except subprocess.TimeoutExpired:
        return time.monotonic() - start, None, 0
    wall = time.monotonic() - start
    found = set()
    for line in r.stdout.splitlines():
        if "login:" in line and "password:" in line:
            user = line.split("login:", 1)[1].split("password:", 1)[0].strip()
            password = line.split("password:", 1)[1].strip()
            found.add((user, password))
    return wall, found, sum(1 for line in combos.read_text().splitlines() if line)


def main() -> int:
    hydra = shutil.which("hydra")
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, (factory, expected, spec) in SERVICES.items():
            with factory(tmp / name) as d:
                plan_record = tmp / f"{name}-plan.jsonl"
                run_psti([d.port], plan_record, "--dry-run")
                plan = next(e for e in events(plan_record) if e["event"] == "plan")
                combos = tmp / f"{name}.combos"
                combos.write_text("".join(f"{c['user']}:{c['password']}\n" for c in plan["credentials"]))
                wall, evs = run_psti([d.port], tmp / f"{name}.jsonl")
                interface = next(e for e in evs if e["event"] == "interface")
                logins = {(x["user"], x["password"]) for x in interface["logins"]}
                seeded = {(u, D.DEFAULTS[u]) for u in expected}
                rows.append((name, "psti", len(logins & seeded), len(seeded), len(logins - seeded),
                             interface["attempts"], wall))
                print(f"{name}: psti {wall:.1f} s", flush=True)
                if hydra and spec:
                    h_wall, h_found, h_attempts = run_hydra(spec, d.port, combos)
                    if h_found is None:
                        print(f"{name}: hydra did not finish in {HYDRA_LIMIT} s", flush=True)
                        continue
                    rows.append((name, "hydra", len(h_found & seeded), len(seeded), len(h_found - seeded),
                                 h_attempts, h_wall))
        print(f"{'interface':12} {'tool':6} {'found':>7} {'false':>6} {'attempts':>9} {'wall s':>7}")
        for name, tool, found, seeded_n, false, attempts, wall in rows:
            print(f"{name:12} {tool:6} {found:>3}/{seeded_n:<3} {false:>6} {attempts:>9} {wall:>7.1f}")
        with ExitStack() as stack:
            ports = [stack.enter_context(f(tmp / f"all-{n}")).port for n, (f, _, _) in SERVICES.items()]
            wall, evs = run_psti(ports, tmp / "all.jsonl")
        attempts = sum(e["attempts"] for e in evs if e["event"] == "interface")
        logins = sum(len(e["logins"]) for e in evs if e["event"] == "interface")
        print(f"\nall six interfaces in one psti probe: {wall:.1f} s wall, {attempts} attempts, {logins} logins"
              f" (seeded: {sum(len(e) for _, e, _ in SERVICES.values())})")
        if not hydra:
            print("hydra not installed: peer rows left out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
