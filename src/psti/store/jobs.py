"""A durable job queue in the database, worked by a thread started with the app.

Jobs are claimed with a conditional UPDATE (status queued -> running), so two workers
never take the same job. A running job heartbeats; a job whose heartbeat is older than
`STALE_AFTER` (its worker died, e.g. the server was killed) is put back in the queue and
its handler resumes from what was committed. Handlers commit their progress as they go.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from psti.errors import PstiError
from psti.store import audit
from psti.store.db import reading
from psti.store.models import Job, utcnow

log = logging.getLogger("psti.jobs")
STALE_AFTER = dt.timedelta(seconds=30)
MAX_ATTEMPTS = 5
HEARTBEAT_SECONDS = 1.0


@dataclass
class JobContext:
    job_id: int
    payload: dict[str, Any]
    factory: sessionmaker[Session]
    worker: str

    def progress(self, done: int, total: int | None = None, message: str | None = None) -> None:
        """Record progress (also the heartbeat)."""
        values: dict[str, Any] = {"progress": done, "heartbeat_at": utcnow()}
        if total is not None:
            values["total"] = total
        if message is not None:
            values["message"] = message
        with self.factory() as s, s.begin():
            s.execute(update(Job).where(Job.id == self.job_id).values(**values))


Handler = Callable[[JobContext], str]


def enqueue(
    session: Session,
    kind: str,
    payload: dict[str, Any],
    *,
    organisation_id: int | None = None,
    run_after: dt.datetime | None = None,
) -> Job:
    job = Job(
        kind=kind,
        payload=payload,
        organisation_id=organisation_id,
        status="queued",
        run_after=run_after or utcnow(),
    )
    session.add(job)
    session.flush()
    return job


def requeue_stale(factory: sessionmaker[Session], stale_after: dt.timedelta = STALE_AFTER) -> int:
    """Put back jobs whose worker stopped heartbeating; returns how many."""
    now = utcnow()
    with factory() as s, s.begin():
        res = s.execute(
            update(Job)
            .where(
                Job.status == "running",
                or_(Job.heartbeat_at.is_(None), Job.heartbeat_at < now - stale_after),
            )
            .values(status="queued", worker="", message="resumed after the worker stopped")
        )
        return int(getattr(res, "rowcount", 0) or 0)


def claim_next(factory: sessionmaker[Session], worker: str) -> Job | None:
    now = utcnow()
    with reading(), factory() as s:
        candidates = (
            s.execute(select(Job.id).where(Job.status == "queued", Job.run_after <= now).order_by(Job.id).limit(5))
            .scalars()
            .all()
        )
    for job_id in candidates:
        with factory() as s, s.begin():
            res = s.execute(
                update(Job)
                .where(Job.id == job_id, Job.status == "queued")
                .values(
                    status="running",
                    worker=worker,
                    heartbeat_at=now,
                    started_at=now,
                    attempts=Job.attempts + 1,
                )
            )
            if getattr(res, "rowcount", 0) == 1:
                return s.get(Job, job_id)
    return None


def run_one(factory: sessionmaker[Session], handlers: dict[str, Handler], worker: str) -> bool:
    """Claim and run one job; returns False when the queue is empty."""
    job = claim_next(factory, worker)
    if job is None:
        return False
    ctx = JobContext(job.id, dict(job.payload or {}), factory, worker)
    handler = handlers.get(job.kind)
    status, message = "done", ""
    beating = threading.Event()

    def beat() -> None:  # keeps the job alive while a long handler call runs
        while not beating.wait(HEARTBEAT_SECONDS):
            try:
                with factory() as s, s.begin():
                    s.execute(update(Job).where(Job.id == job.id, Job.worker == worker).values(heartbeat_at=utcnow()))
            except Exception:
                log.warning("heartbeat for job %s failed", job.id)

    threading.Thread(target=beat, daemon=True, name=f"beat-{job.id}").start()
    try:
        if handler is None:
            raise PstiError(f"no handler for job kind {job.kind!r}")
        message = handler(ctx) or ""
    except PstiError as e:
        status, message = "failed", str(e)
    except Exception as e:  # a bug: keep the worker alive, record it, retry a few times
        log.error("job %s failed: %s", job.id, traceback.format_exc())
        status = "queued" if job.attempts < MAX_ATTEMPTS else "failed"
        message = f"internal error: {type(e).__name__}: {e}"
    finally:
        beating.set()
    with factory() as s, s.begin():
        res = s.execute(
            update(Job)
            .where(Job.id == job.id, Job.worker == worker)
            .values(
                status=status,
                message=message,
                finished_at=utcnow() if status != "queued" else None,
                heartbeat_at=utcnow(),
                run_after=utcnow() + dt.timedelta(seconds=5 * job.attempts),
            )
        )
        # Logged with the finish, in its own transaction: only the worker that still owns
        # the job (not one whose job was handed on after it stalled) records it.
        if status != "queued" and getattr(res, "rowcount", 0) == 1:
            audit.record(
                s,
                actor=f"worker:{worker}",
                action=f"job.{status}",
                target=f"job:{job.id}",
                organisation_id=job.organisation_id,
                details={"kind": job.kind, "attempts": job.attempts, "message": message[:500]},
            )
    return True


class Worker:
    """Polls the jobs table in a daemon thread until stopped."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        handlers: dict[str, Handler],
        poll_seconds: float = 0.5,
        periodic: Callable[[], None] | None = None,
        stale_after: dt.timedelta = STALE_AFTER,
    ) -> None:
        self.stale_after = stale_after
        self.factory = factory
        self.handlers = handlers
        self.poll_seconds = poll_seconds
        self.periodic = periodic
        self.name = f"worker-{uuid.uuid4().hex[:12]}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_sweep = 0.0

    def start(self) -> None:
        requeue_stale(self.factory, self.stale_after)
        self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                now = time.monotonic()
                if now - self._last_sweep > min(10.0, self.stale_after.total_seconds() / 2):
                    self._last_sweep = now
                    requeue_stale(self.factory, self.stale_after)
                    if self.periodic is not None:
                        self.periodic()
                if run_one(self.factory, self.handlers, self.name):
                    continue
            except Exception:
                log.error("worker loop error: %s", traceback.format_exc())
            self._stop.wait(self.poll_seconds)
