"""The probe run: discover, plan, try, with a rate limit and lock-out discipline.

A host's interfaces are probed side by side (each is a different daemon on the device);
on one interface at most `connections` attempts are in flight, spaced by the rate limit,
since login programs often pause seconds after a failure. An interface stops early on
lock-out signs (and is reported so), after three errors in a row (it hangs, resets or
speaks no protocol we know), or when every account has logged in or used up its
attempts. Nothing is tried on an address not given.

With `mask_secrets`, every password the run writes (attempt and plan lines, transcripts,
the device's answers that echo it, the logins) is masked as firmware reports mask them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

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
    rate: float = 5.0  # attempts per second per interface, at most
    connections: int = 8  # attempts in flight on one interface, at most
    plan: plan.PlanOptions = field(default_factory=plan.PlanOptions)
    dry_run: bool = False
    mask_secrets: bool = False  # passwords masked (ab****yz) wherever the run shows or writes them


class RateLimit:
    """Spaces calls `1/per_second` apart, across threads."""

    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.next_at = 0.0
        self.lock = threading.Lock()

    def wait(self) -> None:
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next_at)
            self.next_at = at + self.interval
        if at > now:
            time.sleep(at - now)


ProgressFn = Callable[[str], None]


def _masked(creds: list[Credential], opts: ProbeOptions) -> list[Credential]:
    return [replace(c, masked=True) for c in creds] if opts.mask_secrets else creds


def _scrub(line: str, cred: Credential) -> str:
    """A line of the exchange with the password masked, where the device echoes it back."""
    return line.replace(cred.password, cred.shown) if cred.masked and cred.password else line


def login_json(cred: Credential) -> dict[str, object]:
    """A login as records and summaries give it; a masked one says so, so no reader takes
    the mask for the password."""
    out: dict[str, object] = {"user": cred.user, "password": cred.shown, "source": cred.source}
    if cred.masked:
        out["masked"] = True
    return out


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


class _Interface:
    """Shared state of the attempts on one interface."""

    def __init__(self, service: Service, creds: list[Credential], stop: threading.Event):
        self.result = ServiceResult(service)
        self.stop = stop  # the whole run is ending (Ctrl-C)
        self.pending = list(reversed(creds))
        self.done_users: set[str] = set()
        self.errors = 0
        self.stopped = False
        self.lock = threading.Lock()

    def next_credential(self) -> Credential | None:
        with self.lock:
            while self.pending and not self.stopped and not self.stop.is_set():
                cred = self.pending.pop()
                if cred.user not in self.done_users:
                    return cred
            return None

    def settle(self, cred: Credential, attempt: Attempt) -> None:
        with self.lock:
            self.result.attempts += 1
            if attempt.outcome is Outcome.SUCCESS:
                if cred.user not in self.done_users:
                    self.result.logins.append((cred, attempt))
                self.done_users.add(cred.user)
                self.errors = 0
            elif attempt.outcome is Outcome.LOCKOUT:
                if not self.stopped:
                    self.result.status, self.result.detail = "locked-out", f"stopped: {attempt.detail}"
                self.stopped = True
            elif attempt.outcome is Outcome.ERROR:
                self.errors += 1
                if self.errors >= MAX_ERRORS_IN_A_ROW and not self.stopped:
                    self.result.status = "error"
                    self.result.detail = f"stopped after {self.errors} errors in a row: {attempt.detail}"
                    self.stopped = True
            else:
                self.errors = 0


def probe_service(service: Service, creds: list[Credential], opts: ProbeOptions, record: ProbeRecord,
                  stop: threading.Event | None = None) -> ServiceResult:
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
        status, location, _ = service.refusal
        method = service.form.method.upper() if service.form else "POST"
        record.write("attempt", interface=service.name, user="admin", password="(random)",
                     source="refusal baseline (a random password, to learn what a refusal looks like)",
                     outcome=Outcome.FAILURE.value, detail=f"refusal: HTTP {status}",
                     transcript=[f"> {method} form user='admin' password=(random)",
                                 f"< HTTP {status} {location}".rstrip()])
    attempt_fn = ATTEMPT[service.protocol]
    state = _Interface(service, creds, stop or threading.Event())
    limit = RateLimit(opts.rate)

    def work() -> None:
        while (cred := state.next_credential()) is not None:
            limit.wait()
            attempt = attempt_fn(service, cred, opts.timeout)
            if cred.masked:
                attempt.detail = _scrub(attempt.detail, cred)
                # What was sent already shows the mask; what came back may repeat the password.
                attempt.transcript = [_scrub(line, cred) if line.startswith("<") else line
                                      for line in attempt.transcript]
            record.write("attempt", interface=service.name, user=cred.user, password=cred.shown,
                         source=cred.source, outcome=attempt.outcome.value, detail=attempt.detail,
                         transcript=attempt.transcript)
            state.settle(cred, attempt)

    workers = [threading.Thread(target=work, daemon=True) for _ in range(max(1, opts.connections))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return state.result


def run_probe(targets: list[Target], corpus: Corpus, firmware: list[Credential], opts: ProbeOptions,
              record: ProbeRecord, progress: ProgressFn | None = None) -> list[ServiceResult]:
    say = progress or (lambda message: None)
    results: list[ServiceResult] = []
    stop = threading.Event()
    try:
        for target in targets:
            say(f"{target.host}: looking for login services on {len(opts.ports)} ports")
            found = discover.discover(target.address, opts.ports, opts.timeout)
            for port in found:
                record.write("port", host=target.host, address=target.address, port=port.port, state=port.state,
                             detail=port.detail, service=port.service.to_json() if port.service else None)
            services = [p.service for p in found if p.service is not None]
            plans = {s.name: _masked(plan.plan_for(s, firmware, corpus, opts.plan), opts) for s in services}
            for s in services:
                creds = plans[s.name]
                record.write("plan", interface=s.name, attempts=len(creds),
                             credentials=[login_json(c) for c in creds] if opts.dry_run else None)
                say(f"{s.name}: {s.auth} login, up to {len(creds)} attempts")
            if opts.dry_run:
                results += [ServiceResult(s, status="planned", detail=f"{len(plans[s.name])} attempts planned")
                            for s in services]
                continue
            if not services:
                continue
            pool = ThreadPoolExecutor(max_workers=len(services))
            try:
                futures = [pool.submit(probe_service, s, plans[s.name], opts, record, stop) for s in services]
                done = [f.result() for f in futures]
            except BaseException:
                stop.set()  # Ctrl-C: no new attempts; those in flight end within the time-out
                raise
            finally:
                pool.shutdown(wait=True)
            for outcome in done:
                results.append(outcome)
                record.write("interface", interface=outcome.service.name, status=outcome.status,
                             detail=outcome.detail, attempts=outcome.attempts,
                             logins=[login_json(c) for c, _ in outcome.logins])
    except KeyboardInterrupt:
        record.write("summary", interrupted=True, interfaces=len(results),
                     logins=sum(len(r.logins) for r in results))
        raise
    record.write("summary", interrupted=False, interfaces=len(results), logins=sum(len(r.logins) for r in results),
                 attempts=sum(r.attempts for r in results))
    return results
