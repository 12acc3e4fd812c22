"""Findings from a probe record: the same whether the probe ran now or was saved.

An accepted password is shown in clear (a published default, the same on every unit)
unless masking is asked for (`psti assess --mask-secrets`) or the record was written
masked (`psti probe --mask-secrets`); a masked one is marked `masked` in the details.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from psti.evidence.device import kinds as K
from psti.evidence.firmware.model import mask
from psti.model import Effect, Finding, Location, make_finding

COLLECTOR = "device"


def findings_from_record(events: Iterable[dict[str, Any]], evidence_id: str,
                         mask_secrets: bool = False) -> list[Finding]:
    out: list[Finding] = []
    for e in events:
        if e.get("event") != "interface":
            continue
        where = Location(evidence=evidence_id, url=str(e.get("interface", "")))
        status = e.get("status")
        for login in e.get("logins") or []:
            password = str(login["password"])
            masked = bool(login.get("masked")) or mask_secrets
            if mask_secrets and not login.get("masked") and password:
                password = mask(password)
            details: dict[str, Any] = {"user": login["user"], "password": password, "source": login["source"]}
            if masked:
                details["masked"] = True
            out.append(make_finding(
                K.DEFAULT_LOGIN, Effect.FAIL,
                f"{e['interface']} accepts account {login['user']!r} with password {password!r} "
                f"(source: {login['source']})",
                collector=COLLECTOR, location=where, details=details))
        if status == "no-password":
            out.append(make_finding(K.NO_PASSWORD, Effect.INFO, f"{e['interface']}: {e.get('detail', '')}",
                                    collector=COLLECTOR, location=where))
        elif status in ("locked-out", "error", "interrupted"):
            out.append(make_finding(K.INCOMPLETE, Effect.INFO,
                                    f"{e['interface']}: {e.get('detail', '')} after {e.get('attempts', 0)} attempts",
                                    collector=COLLECTOR, location=where, details={"status": status}))
        elif status == "probed" and not e.get("logins"):
            out.append(make_finding(K.NOT_FOUND, Effect.INFO,
                                    f"{e['interface']}: {e.get('attempts', 0)} default credentials tried, none "
                                    "accepted", collector=COLLECTOR, location=where))
    return out
