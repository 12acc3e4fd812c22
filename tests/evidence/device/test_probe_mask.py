"""`psti probe --mask-secrets`: no password tried appears in clear on the terminal, in the
record or in the findings an assessment draws from it; without the flag they are shown.

Real daemons on 127.0.0.1 (telnetd with `login`, mosquitto) and a real HTTP server whose
refusal page echoes the password back.
"""

from __future__ import annotations

import json
import subprocess
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from testbed import daemons as D

from psti.evidence.device.findings import findings_from_record
from psti.evidence.firmware.model import mask

from .test_probe_daemons import PSTI, need, probe

FIRMWARE_PASSWORD = "Vendor-Default-7731"  # the image's own default, tried first


def firmware_report(path: Path, user: str = "admin") -> Path:
    path.write_text(json.dumps({"findings": [{
        "kind": "FW-CRACKED-HASH", "location": {"path": "/etc/shadow", "line": 1},
        "details": {"account": user, "plaintext": FIRMWARE_PASSWORD}}]}))
    return path


def planned(args: list[str], tmp: Path) -> dict[str, set[str]]:
    """The passwords a dry run (unmasked) would try, by account."""
    _, events = probe(*args, "--dry-run", record=tmp / "plan.jsonl")
    out: dict[str, set[str]] = {}
    for e in events:
        for c in (e.get("credentials") or []) if e["event"] == "plan" else []:
            out.setdefault(c["user"], set()).add(c["password"])
    return out


def attempts(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["event"] == "attempt" and not e["source"].startswith(("refusal", "no-password"))]


def test_masked_probe_writes_no_password_in_clear(tmp_path: Path) -> None:
    need("telnetd", "unshare", "mosquitto")
    accounts = {"admin": FIRMWARE_PASSWORD, "user": D.UNIQUE["user"]}
    record = tmp_path / "rec.jsonl"
    with D.telnetd(tmp_path / "t", accounts=accounts) as telnet, D.mosquitto(tmp_path / "m", accounts=accounts) as mq:
        args = ["127.0.0.1", "--only-ports", "-p", str(telnet.port), "-p", str(mq.port), "--user", "admin",
                "--max-attempts", "2", "--firmware-report", str(firmware_report(tmp_path / "fw.json"))]
        plan = planned(args, tmp_path)
        r, events = probe(*args, "--mask-secrets", "--format", "json", record=record)
    assert r.returncode == 1, r.stdout + r.stderr
    assert FIRMWARE_PASSWORD in plan["admin"] and len(plan["admin"]) == 2
    for text in (record.read_text(), r.stdout, r.stderr):
        assert FIRMWARE_PASSWORD not in text
    assert events[0]["options"]["mask_secrets"] is True
    tried = attempts(events)
    # On each interface the firmware's password, and the next if it was already in flight.
    assert {a["interface"].split(":")[0] for a in tried} == {"telnet", "mqtt"} and len(tried) <= 4
    for a in tried:
        assert a["password"] in {mask(p) for p in plan["admin"]} and a["password"] not in plan["admin"]
        sent = [line for line in a["transcript"] if line.startswith(">")]
        if a["interface"].startswith("telnet"):
            assert sent == ["> admin", f"> {a['password']}"], sent  # the user in clear, the password masked
        else:
            assert sent == [f"> CONNECT user='admin' password={a['password']!r}"]
    summary = json.loads(r.stdout)
    assert [login for s in summary for login in s["logins"]] == [
        {"user": "admin", "password": mask(FIRMWARE_PASSWORD), "source": "firmware: /etc/shadow:1", "masked": True}
    ] * 2
    for e in (e for e in events if e["event"] == "interface"):
        assert e["logins"] == [{"user": "admin", "password": "Ve" + "*" * 15 + "31",
                                "source": "firmware: /etc/shadow:1", "masked": True}]

    # The assessment drawn from the masked record shows the mask and says it is one.
    findings = findings_from_record(events, "device-1")
    assert {f.details["password"] for f in findings if f.kind == "DEV-DEFAULT-LOGIN"} == {"Ve" + "*" * 15 + "31"}
    assert all(f.details["masked"] for f in findings if f.kind == "DEV-DEFAULT-LOGIN")


def test_text_summary_masks_and_unmasked_runs_show_the_password(tmp_path: Path) -> None:
    need("mosquitto")
    accounts = {"admin": FIRMWARE_PASSWORD}
    report = firmware_report(tmp_path / "fw.json")
    with D.mosquitto(tmp_path, accounts=accounts) as mq:
        args = ["127.0.0.1", "--only-ports", "-p", str(mq.port), "--user", "admin", "--max-attempts", "1",
                "--firmware-report", str(report)]
        masked, _ = probe(*args, "--mask-secrets", record=tmp_path / "masked.jsonl")
        clear, events = probe(*args, record=tmp_path / "clear.jsonl")
    assert f"DEFAULT LOGIN: 'admin' / '{mask(FIRMWARE_PASSWORD)}'" in masked.stdout
    assert FIRMWARE_PASSWORD not in masked.stdout
    assert f"DEFAULT LOGIN: 'admin' / '{FIRMWARE_PASSWORD}'" in clear.stdout
    login = next(e for e in events if e["event"] == "interface")["logins"][0]
    assert login == {"user": "admin", "password": FIRMWARE_PASSWORD, "source": "firmware: /etc/shadow:1"}

    # `psti assess --mask-secrets` masks a record written in clear; without it the password shows.
    decl = tmp_path / "product.toml"
    decl.write_text('[product]\nname = "Cam"\ntype = "camera"\nmodel = "C1"\n\n'
                    '[[manufacturer]]\nname = "Acme"\naddress = "1 Road"\n\n'
                    '[[artefacts]]\nkind = "device"\npath = "clear.jsonl"\n')
    for flag, shown in ((["--mask-secrets"], mask(FIRMWARE_PASSWORD)), ([], FIRMWARE_PASSWORD)):
        r = subprocess.run([PSTI, "assess", str(decl), "--format", "json", "--offline", *flag],
                           capture_output=True, text=True, timeout=120)
        assert "Traceback" not in r.stderr, r.stderr
        found = [f for f in json.loads(r.stdout)["findings"] if f["kind"] == "DEV-DEFAULT-LOGIN"]
        assert [f["details"]["password"] for f in found] == [shown]
        assert f"password {shown!r}" in found[0]["message"]
        assert (FIRMWARE_PASSWORD in r.stdout) is (not flag)
        assert found[0]["details"].get("masked", False) is bool(flag)


ECHO_FORM = ('<html><title>Echo login</title><p>{said}</p><form method="post" action="/login">'
             '<input name="username"><input type="password" name="password"></form></html>')


@contextmanager
def echoing_form_server(password: str) -> Iterator[int]:
    """A login form whose refusal page repeats the password it was given, as some devices do."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _page(self, status: int, said: str) -> None:
            body = ECHO_FORM.format(said=said).encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            self._page(200, "Please log in")

        def do_POST(self) -> None:
            data = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
            given = data.get("password", [""])[0]
            if given == password:
                self.send_response(302)
                self.send_header("Location", "/home")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self._page(200, f"Wrong password {given} for {data.get('username', [''])[0]}")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def test_a_password_the_device_echoes_is_masked_in_its_answer(tmp_path: Path) -> None:
    report = firmware_report(tmp_path / "fw.json")
    with echoing_form_server("Zq4-not-a-default-Zq4") as port:
        args = ["127.0.0.1", "--only-ports", "-p", str(port), "--user", "admin", "--max-attempts", "2",
                "--firmware-report", str(report)]
        plan = planned(args, tmp_path)
        r, events = probe(*args, "--mask-secrets", record=tmp_path / "rec.jsonl")
        _, clear = probe(*args, record=tmp_path / "clear.jsonl")
    assert r.returncode == 0, r.stdout + r.stderr
    echoed = [line for a in attempts(clear) for line in a["transcript"] if line.startswith("< ")
              and "Wrong password" in line]
    assert any(FIRMWARE_PASSWORD in line for line in echoed)  # the server does echo it
    text = (tmp_path / "rec.jsonl").read_text()
    assert len(attempts(events)) == 2
    for p in plan["admin"]:
        assert f"Wrong password {p} " not in text and f"password={p!r}" not in text
    assert f"Wrong password {mask(FIRMWARE_PASSWORD)} for admin" in text
