"""`psti probe HOST…`: try published default credentials on a device under test."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from psti.errors import UsageError

if TYPE_CHECKING:
    from psti.evidence.device.model import ServiceResult

# The probe's clients (httpx, paramiko) load when the command runs: every `psti` command
# imports this module to register it, and the others must start without them.


def probe_cmd(
    hosts: list[str] = typer.Argument(..., help="Device addresses or names (test network)."),
    port: list[int] = typer.Option(None, "--port", "-p", metavar="PORT",
                                   help="Port to check besides the well-known login ports; repeatable."),
    only_ports: bool = typer.Option(False, "--only-ports", help="Check only the ports given with --port."),
    firmware_report: Path = typer.Option(None, "--firmware-report", metavar="FILE",
                                         help="JSON report of `psti scan firmware` for this product: its "
                                              "recovered passwords are tried first."),
    max_attempts: int = typer.Option(5, "--max-attempts", min=1, metavar="N",
                                     help="Passwords tried per account per interface."),
    shortlist: int = typer.Option(200, "--shortlist", min=1, metavar="N",
                                  help="Corpus credentials considered per interface (fingerprint matches first)."),
    user: list[str] = typer.Option(None, "--user", metavar="NAME", help="Try only these accounts (repeatable)."),
    rate: float = typer.Option(5.0, "--rate", min=0.1, metavar="PER_SECOND",
                               help="Attempts per second per interface."),
    connections: int = typer.Option(8, "--connections", min=1, max=16, metavar="N",
                                    help="Attempts in flight on one interface (login programs pause after a failure)."),
    timeout: float = typer.Option(3.0, "--timeout", min=0.1, metavar="SECONDS", help="Network time-out."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Discover and show the plan; try nothing."),
    allow_public: bool = typer.Option(False, "--allow-public", help="Allow public addresses (needs --reason)."),
    reason: str = typer.Option(None, "--reason", metavar="TEXT", help="Why a public address may be probed."),
    output: Path = typer.Option(None, "--output", "-o", metavar="FILE",
                                help="Write the record of every attempt here (JSON Lines, psti.probe/1)."),
    fmt: str = typer.Option("text", "--format", metavar="text|json", help="Summary format on stdout."),
    mask_secrets: bool = typer.Option(
        False, "--mask-secrets", help="Show and record the passwords tried masked (ab****yz) instead of in clear, "
                                      "as `psti scan firmware --mask-secrets` does."),
) -> None:
    """Find the device's login services and try default credentials on them, within bounds.

    Only the addresses given are touched; public addresses are refused unless allowed with a
    reason. Every attempt is logged to the record (-o). Passwords are shown in clear (published
    defaults, the same on every unit) unless --mask-secrets is given. Exit codes: 0 no default accepted,
    1 a default credential was accepted, 3 no login service could be probed, 2 usage error.
    """
    from psti.corpus import load_corpus
    from psti.evidence.device import discover
    from psti.evidence.device.plan import PlanOptions, firmware_credentials
    from psti.evidence.device.record import ProbeRecord
    from psti.evidence.device.runner import ProbeOptions, run_probe
    from psti.evidence.device.targets import resolve_targets

    if fmt not in ("text", "json"):
        raise UsageError(f"--format must be text or json, not {fmt!r}")
    targets = resolve_targets(hosts, allow_public=allow_public, reason=reason)
    ports = tuple(dict.fromkeys((() if only_ports else discover.DEFAULT_PORTS) + tuple(port or ())))
    if not ports:
        raise UsageError("--only-ports needs at least one --port")
    firmware = firmware_credentials(firmware_report) if firmware_report else []
    opts = ProbeOptions(ports=ports, timeout=timeout, rate=rate, connections=connections, dry_run=dry_run,
                        mask_secrets=mask_secrets,
                        plan=PlanOptions(max_attempts=max_attempts, shortlist=shortlist, users=tuple(user or ())))
    record = ProbeRecord(output)
    record.start(targets=[t.host for t in targets], addresses=[t.address for t in targets], ports=list(ports),
                 options={"max_attempts": max_attempts, "shortlist": shortlist, "rate": rate,
                          "connections": connections, "timeout": timeout,
                          "dry_run": dry_run, "users": list(user or ()), "mask_secrets": mask_secrets},
                 public_reason=reason if allow_public else None,
                 firmware_report=str(firmware_report) if firmware_report else None)
    try:
        results = run_probe(targets, load_corpus(), firmware, opts, record,
                            progress=lambda m: print(m, file=sys.stderr, flush=True))
    except KeyboardInterrupt:
        record.close()
        where = f"; the record so far is in {output}" if output else ""
        print(f"psti probe: interrupted{where}", file=sys.stderr)
        raise typer.Exit(130) from None
    record.close()
    print(json.dumps([_summary(r) for r in results], indent=2) if fmt == "json" else _text(results))
    if any(r.logins for r in results):
        raise typer.Exit(1)
    raise typer.Exit(0 if results else 3)


def _summary(r: ServiceResult) -> dict[str, object]:
    from psti.evidence.device.runner import login_json

    return {"interface": r.service.name, "auth": r.service.auth, "status": r.status, "detail": r.detail,
            "attempts": r.attempts,
            "logins": [login_json(c) for c, _ in r.logins]}


def _text(results: list[ServiceResult]) -> str:
    if not results:
        return "no login service found on the ports checked"
    lines = []
    for r in results:
        lines.append(f"{r.service.name}\t{r.service.auth}\t{r.status}\t{r.attempts} attempts"
                     + (f"\t{r.detail}" if r.detail else ""))
        lines += [f"  DEFAULT LOGIN: {c.user!r} / {c.shown!r} ({c.source})" for c, _ in r.logins]
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    app.command("probe")(probe_cmd)
