"""`psti probe` against real daemons on 127.0.0.1 with seeded accounts.

Each daemon holds two accounts with published defaults (admin/admin, root/root) and one
corpus account name with a password of its own; the probe must find exactly the defaults,
never the other, within its attempt bound, and leave a valid record.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from testbed import daemons as D

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"
USERS = ("admin", "root", "user")
MAX_ATTEMPTS = 3


def need(*programs: str) -> None:
    absent = D.missing(*programs)
    if absent or os.geteuid() != 0:
        why = f"needs {', '.join(absent)} (scripts/install-system.sh)" if absent else "needs root (mount namespaces)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


Run = subprocess.CompletedProcess[str]
Events = list[dict[str, Any]]


def probe(*args: str, record: Path | None = None, timeout: float = 120) -> tuple[Run, Events]:
    cmd = [PSTI, "probe", *args, "--rate", "50", "--timeout", "3"]
    if record is not None:
        cmd += ["-o", str(record)]
    r = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout)
    assert "Traceback" not in r.stderr, r.stderr
    events = [json.loads(line) for line in record.read_text().splitlines()] if record and record.exists() else []
    return r, events


DAEMONS: dict[str, tuple[tuple[str, ...], Callable[[Path], AbstractContextManager[D.Daemon]], set[str]]] = {
    # name: (programs needed, daemon, accounts expected to log in)
    "ssh": (("sshd", "unshare"), lambda t: D.sshd(t), {"admin", "root"}),
    "telnet": (("telnetd", "unshare"), lambda t: D.telnetd(t), {"admin", "root"}),
    "ftp": (("vsftpd", "unshare"), lambda t: D.vsftpd(t), {"admin"}),  # root is in /etc/ftpusers: refused
    "mqtt": (("mosquitto", "mosquitto_passwd"), lambda t: D.mosquitto(t), {"admin", "root"}),
    "http-basic": (("lighttpd",), lambda t: D.lighttpd(t, "basic"), {"admin", "root"}),
    "http-digest": (("lighttpd",), lambda t: D.lighttpd(t, "digest"), {"admin", "root"}),
    "http-form": (("lighttpd",), lambda t: D.lighttpd(t, "form"), {"admin", "root"}),
}


@pytest.mark.parametrize("name", sorted(DAEMONS))
def test_finds_the_seeded_defaults_and_nothing_else(tmp_path: Path, name: str) -> None:
    programs, daemon, expected = DAEMONS[name]
    need(*programs)
    record = tmp_path / "probe.jsonl"
    with daemon(tmp_path) as d:
        args = ["127.0.0.1", "--only-ports", "-p", str(d.port), "--max-attempts", str(MAX_ATTEMPTS)]
        for u in USERS:
            args += ["--user", u]
        r, events = probe(*args, record=record)
    assert r.returncode == 1, r.stdout + r.stderr
    interface = next(e for e in events if e["event"] == "interface")
    assert {login["user"] for login in interface["logins"]} == expected
    assert all(login["password"] == D.DEFAULTS[login["user"]] for login in interface["logins"])
    attempts = [e for e in events if e["event"] == "attempt"]
    # the plan's bound; a form login's refusal baseline (one random password) comes on top
    planned = [a for a in attempts if not a["source"].startswith("refusal baseline")]
    assert 0 < len(planned) <= len(USERS) * MAX_ATTEMPTS and len(attempts) - len(planned) <= 1
    assert not [a for a in attempts if a["user"] == "user" and a["outcome"] == "success"]
    assert events[0]["schema"] == "psti.probe/1" and events[-1]["event"] == "summary"
    assert all(a["transcript"] for a in attempts)


def test_lockout_stops_the_interface(tmp_path: Path) -> None:
    need("lighttpd")
    with D.lighttpd(tmp_path, "form", accounts={"operator": "Zz9-own-pass"}, lock_after=2) as d:
        r, events = probe("127.0.0.1", "--only-ports", "-p", str(d.port), "--max-attempts", "5",
                          "--connections", "2", record=tmp_path / "rec.jsonl")
    interface = next(e for e in events if e["event"] == "interface")
    assert interface["status"] == "locked-out"
    attempts = [e for e in events if e["event"] == "attempt"]
    assert attempts[0]["source"].startswith("refusal baseline")  # the random password is logged too
    first_lock = next(i for i, a in enumerate(attempts) if a["outcome"] == "lockout")
    # Only an attempt already in flight on the other connection may follow the first lock-out sign.
    assert len(attempts) - first_lock <= 2 and len(attempts) <= 5
    assert r.returncode == 0


def test_interfaces_without_passwords_are_reported(tmp_path: Path) -> None:
    need("sshd", "unshare", "mosquitto")
    with D.sshd(tmp_path / "ssh", accounts={"root": "Qv8-unique"}, empty=("admin",)) as ssh, \
            D.mosquitto(tmp_path / "mq", anonymous=True) as mq:
        r, events = probe("127.0.0.1", "--only-ports", "-p", str(ssh.port), "-p", str(mq.port),
                          record=tmp_path / "rec.jsonl")
    statuses = {e["interface"].split(":")[0]: e for e in events if e["event"] == "interface"}
    assert statuses["ssh"]["status"] == "no-password" and "admin" in statuses["ssh"]["detail"]
    assert statuses["mqtt"]["status"] == "no-password"
    assert r.returncode == 0


def test_nothing_is_tried_on_an_address_not_given(tmp_path: Path) -> None:
    need("mosquitto")
    with D.mosquitto(tmp_path) as d:
        r, events = probe("127.0.0.2", "--only-ports", "-p", str(d.port), record=tmp_path / "rec.jsonl")
    assert r.returncode == 3
    assert not [e for e in events if e["event"] == "attempt"]
    assert {e["address"] for e in events if e["event"] == "port"} == {"127.0.0.2"}


def test_dry_run_shows_the_plan_and_tries_nothing(tmp_path: Path) -> None:
    need("mosquitto")
    with D.mosquitto(tmp_path) as d:
        r, events = probe("127.0.0.1", "--only-ports", "-p", str(d.port), "--dry-run", "--max-attempts", "2",
                          record=tmp_path / "rec.jsonl")
    assert r.returncode == 0, r.stderr
    plan = next(e for e in events if e["event"] == "plan")
    assert plan["credentials"] and plan["attempts"] == len(plan["credentials"])
    assert not [e for e in events if e["event"] == "attempt"]


def test_silent_closed_and_hanging_ports_get_a_result_and_the_run_goes_on(tmp_path: Path) -> None:
    need("mosquitto")
    tarpit = socket.socket()
    tarpit.bind(("127.0.0.1", 0))
    tarpit.listen(8)  # accepts, never answers
    silent = tarpit.getsockname()[1]
    closed = D.free_port()
    with D.mosquitto(tmp_path) as d:
        r, events = probe("127.0.0.1", "--only-ports", "-p", str(silent), "-p", str(closed),
                          "-p", str(d.port), "--user", "admin", record=tmp_path / "rec.jsonl", timeout=180)
    tarpit.close()
    states = {e["port"]: e["state"] for e in events if e["event"] == "port"}
    assert states[closed] == "closed"
    assert states[silent] == "unidentified"
    assert r.returncode == 1  # the broker after them was still probed


def test_ctrl_c_leaves_a_valid_partial_record(tmp_path: Path) -> None:
    need("mosquitto")
    record = tmp_path / "rec.jsonl"
    with D.mosquitto(tmp_path, accounts={"operator": "Zz9-own-pass"}) as d:
        # Ctrl-C reaches a probe run in the foreground, whose SIGINT has its default action; a suite
        # run as a background job inherits SIGINT ignored, so the probe is started as a foreground one
        proc = subprocess.Popen([PSTI, "probe", "127.0.0.1", "--only-ports", "-p", str(d.port), "--rate", "2",
                                 "--max-attempts", "50", "-o", str(record)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and '"attempt"' not in (record.read_text() if record.exists() else ""):
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    events = [json.loads(line) for line in record.read_text().splitlines()]
    assert events[-1]["event"] == "summary" and events[-1]["interrupted"] is True


def test_firmware_passwords_are_tried_first(tmp_path: Path) -> None:
    need("mosquitto")
    report = tmp_path / "fw.json"
    report.write_text(json.dumps({"findings": [{
        "kind": "FW-CRACKED-HASH", "location": {"path": "/etc/shadow", "line": 3},
        "details": {"account": "user", "plaintext": D.UNIQUE["user"]}}]}))
    with D.mosquitto(tmp_path) as d:
        r, events = probe("127.0.0.1", "--only-ports", "-p", str(d.port), "--firmware-report", str(report),
                          "--user", "user", record=tmp_path / "rec.jsonl")
    first = next(e for e in events if e["event"] == "attempt")
    assert first["source"] == "firmware: /etc/shadow:3" and first["outcome"] == "success"
    assert r.returncode == 1


def test_a_saved_record_is_evidence_for_psti_assess(tmp_path: Path) -> None:
    need("mosquitto")
    record = tmp_path / "probe.jsonl"
    with D.mosquitto(tmp_path) as d:
        probe("127.0.0.1", "--only-ports", "-p", str(d.port), "--user", "admin", record=record)
    decl = tmp_path / "product.toml"
    decl.write_text('[product]\nname = "Cam"\ntype = "camera"\nmodel = "C1"\n\n'
                    '[[manufacturer]]\nname = "Acme"\naddress = "1 Road"\n\n'
                    '[[artefacts]]\nkind = "device"\npath = "probe.jsonl"\n')
    r = subprocess.run([PSTI, "assess", str(decl), "--format", "json", "--offline"], capture_output=True, text=True,
                       timeout=120)
    assert "Traceback" not in r.stderr, r.stderr
    doc = json.loads(r.stdout)
    verdicts = {p["provision"]: p["verdict"] for p in doc["provisions"]}
    assert verdicts["PSTI-S1-1.2"] == "fail"
    assert any(f["kind"] == "DEV-DEFAULT-LOGIN" and "'admin'" in f["message"] for f in doc["findings"])
