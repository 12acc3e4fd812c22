"""The durable job queue: exclusive claims, failures recorded, orphaned jobs resumed."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import update

from psti.errors import PstiError
from psti.store import jobs
from psti.store.db import session_factory
from psti.store.models import Job


def _enqueue(factory, n: int, kind: str = "count") -> list[int]:  # type: ignore[no-untyped-def]
    with factory() as s, s.begin():
        return [jobs.enqueue(s, kind, {"n": i}).id for i in range(n)]


def test_each_job_runs_exactly_once_with_two_workers(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    ids = _enqueue(factory, 20)
    seen: list[int] = []
    lock = threading.Lock()

    def handler(ctx: jobs.JobContext) -> str:
        with lock:
            seen.append(ctx.job_id)
        return "ok"

    def work(name: str) -> None:
        while jobs.run_one(factory, {"count": handler}, name):
            pass

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(seen) == ids
    with factory() as s:
        assert {j.status for j in s.query(Job)} == {"done"}


def test_user_error_fails_the_job_with_its_message(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    (job_id,) = _enqueue(factory, 1, "bad")

    def handler(ctx: jobs.JobContext) -> str:
        raise PstiError("the catalogue was deleted")

    assert jobs.run_one(factory, {"bad": handler}, "w")
    with factory() as s:
        job = s.get(Job, job_id)
        assert job.status == "failed" and job.message == "the catalogue was deleted"


def test_unknown_kind_fails_clearly(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    (job_id,) = _enqueue(factory, 1, "mystery")
    jobs.run_one(factory, {}, "w")
    with factory() as s:
        assert "no handler" in s.get(Job, job_id).message


def test_orphaned_running_job_is_requeued_and_resumes(engine) -> None:  # type: ignore[no-untyped-def]
    factory = session_factory(engine)
    (job_id,) = _enqueue(factory, 1)
    claimed = jobs.claim_next(factory, "dead-worker")  # the server is killed after this
    assert claimed is not None and claimed.id == job_id
    assert jobs.claim_next(factory, "other") is None  # still owned while its heartbeat is fresh
    assert jobs.requeue_stale(factory, dt.timedelta(seconds=30)) == 0
    with factory() as s, s.begin():
        old = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
        s.execute(update(Job).where(Job.id == job_id).values(heartbeat_at=old))
    assert jobs.requeue_stale(factory, dt.timedelta(seconds=30)) == 1
    ran: list[int] = []
    assert jobs.run_one(factory, {"count": lambda ctx: ran.append(ctx.job_id) or "resumed"}, "new-worker")
    with factory() as s:
        job = s.get(Job, job_id)
        assert ran == [job_id] and job.status == "done" and job.attempts == 2
