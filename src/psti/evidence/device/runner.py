"""The probe run: discover, plan, try, with a rate limit and lock-out discipline.

Interfaces are probed one after another; attempts on a host are spaced by the rate
limit. An interface stops early on lock-out signs (and is reported so), after three
errors in a row (it hangs, resets or speaks no protocol we know), or when every account
has logged in or used up its attempts. Nothing is tried on an address not given.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from psti.corpus import Corpus
from psti.evidence.device import discover, plan
from psti.evidence.device.model import Attempt, Credential, Outcome, Service, ServiceResult
from psti.evidence.device.protocols import ATTEMPT, ftp, http, ssh, telnet
from psti.evidence.device.record import ProbeRecord
from psti.evidence.device.targets import Target

MAX_ERRORS_IN_A_ROW = 3
NO_PASSWORD_USERS = ("root", "admin")


@dataclass(frozen=True)
class ProbeOptions:
    ports: tuple[int, ...] = discover.DEFAULT_PORTS
    timeout: float = 3.0
    rate: float = 5.0  # attempts per second per host, at most
    plan: plan.PlanOptions = field(default_factory=plan.PlanOptions)
    dry_run: bool = False


class RateLimit:
    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.next_at = 0.0

    def wait(self) -> None:
        now = time.monotonic()
        if now < self.next_at:
            time.sleep(self.next_at - now)
        self.next_at = max(now, self.next_at) + self.interval


ProgressFn = Callable[[str], None]


def _no_password(service: Service, timeout: float, record: ProbeRecord) -> str | None:
    """How the interface lets someone in without any password, if it does."""
    if service.auth == "none" and service.protocol in ("mqtt", "rtsp"):
        return "accepts a connection with no credentials at all"
    if service.protocol == "ssh":
        for user in NO_PASSWORD_USERS:
            if ssh.accepts_no_password(service, user, timeout):
                return f"account {user!r} logs in with no password (SSH 'none' authentication)"
    if service.protocol == "telnet":
        result = telnet.attempt(service, Credential("root", "", "no-password check"), timeout)
        if result.outcome is Outcome.SUCCESS and "without a password" in result.detail:
            record.write("attempt", interface=service.name, user="root", password="", source="no-password check",
                         outcome=result.outcome.value, detail=result.detail, transcript=result.transcript)
            return "account 'root' gets a shell prompt with no password"
    if service.protocol == "ftp":
        result = ftp.attempt(service, Credential("anonymous", "psti-probe@example.invalid", "anonymous FTP"), timeout)
        if result.outcome is Outcome.SUCCESS:
            return "anonymous FTP login accepted"
    return None


def probe_service(service: Service, creds: list[Credential], opts: ProbeOptions, limit: RateLimit,
                  record: ProbeRecord) -> ServiceResult:
    result = ServiceResult(service)
    if service.auth == "none" and service.protocol in ("http", "https"):
        result.status, result.detail = "no-login", "no login asked at this address"
        return result
    why = _no_password(service, opts.timeout, record)
    if why is not None:
        result.status, result.detail = "no-password", why
        return result
    if service.auth == "form" and service.refusal is None:
        try:
            service.refusal = http.learn_refusal(service, opts.timeout)
        except Exception as exc:  # noqa: BLE001 - any failure to learn the refusal ends this interface only
            result.status, result.detail = "error", f"could not submit the login form: {exc}"
            return result
    attempt_fn = ATTEMPT[service.protocol]
    done_users: set[str] = set()
    errors = 0
    for cred in creds:
        if cred.user in done_users:
            continue
        limit.wait()
        attempt: Attempt = attempt_fn(service, cred, opts.timeout)
        result.attempts += 1
        record.write("attempt", interface=service.name, user=cred.user, password=cred.password, source=cred.source,
                     outcome=attempt.outcome.value, detail=attempt.detail, transcript=attempt.transcript)
        if attempt.outcome is Outcome.SUCCESS:
            result.logins.append((cred, attempt))
            done_users.add(cred.user)
            errors = 0
        elif attempt.outcome is Outcome.LOCKOUT:
            result.status, result.detail = "locked-out", f"stopped: {attempt.detail}"
            return result
        elif attempt.outcome is Outcome.ERROR:
            errors += 1
            if errors >= MAX_ERRORS_IN_A_ROW:
                result.status, result.detail = "error", f"stopped after {errors} errors in a row: {attempt.detail}"
                return result
        else:
            errors = 0
    return result


def run_probe(targets: list[Target], corpus: Corpus, firmware: list[Credential], opts: ProbeOptions,
              record: ProbeRecord, progress: ProgressFn | None = None) -> list[ServiceResult]:
    say = progress or (lambda message: None)
    results: list[ServiceResult] = []
    try:
        for target in targets:
            say(f"{target.host}: looking for login services on {len(opts.ports)} ports")
            found = discover.discover(target.address, opts.ports, opts.timeout)
            for port in found:
                record.write("port", host=target.host, address=target.address, port=port.port, state=port.state,
                             detail=port.detail, service=port.service.to_json() if port.service else None)
            limit = RateLimit(opts.rate)
            for port in found:
                if port.service is None:
                    continue
                service = port.service
                creds = plan.plan_for(service, firmware, corpus, opts.plan)
                record.write("plan", interface=service.name, attempts=len(creds),
                             credentials=[{"user": c.user, "password": c.password, "source": c.source}
                                          for c in creds] if opts.dry_run else None)
                if opts.dry_run:
                    results.append(ServiceResult(service, status="planned", attempts=0,
                                                 detail=f"{len(creds)} attempts planned"))
                    continue
                say(f"{service.name}: {service.auth} login, up to {len(creds)} attempts")
                outcome = probe_service(service, creds, opts, limit, record)
                results.append(outcome)
                record.write("interface", interface=service.name, status=outcome.status, detail=outcome.detail,
                             attempts=outcome.attempts,
                             logins=[{"user": c.user, "password": c.password, "source": c.source}
                                     for c, _ in outcome.logins])
    except KeyboardInterrupt:
        record.write("summary", interrupted=True, interfaces=len(results),
                     logins=sum(len(r.logins) for r in results))
        raise
    record.write("summary", interrupted=False, interfaces=len(results), logins=sum(len(r.logins) for r in results),
                 attempts=sum(r.attempts for r in results))
    return results
