"""Two server processes on one database, killed mid-work and restarted: every queued job
runs to the end exactly once, and the sealed audit log stays one intact chain."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.service.live import Api, LiveServer, seed
from tests.store.conftest import fresh_postgres_database

PASSWORD = "a-long-test-password"
CATALOGUES = 6
ROWS = 6_000


def _catalogue(k: int, n: int) -> bytes:
    lines = ["manufacturer,model,statement"]
    lines += [f"Maker {i % 31},CAT{k}-MODEL-{i:06d}," for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def _wait_all_finished(shop: Api, jobs: list[int], timeout: float) -> list[dict]:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    while True:
        states = [shop.get(f"/api/v1/jobs/{j}") for j in jobs]
        if all(s["status"] in ("done", "failed") for s in states) or time.monotonic() > deadline:
            return states
        time.sleep(0.3)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'psti.sqlite3'}"
        return
    yield from fresh_postgres_database()


@pytest.mark.slow
def test_two_workers_killed_and_restarted_lose_and_repeat_nothing(tmp_path: Path, database: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    server = LiveServer(data, database=database, stale_seconds=1.0, workers=2)
    server.start()
    try:
        emails = seed(server.url, PASSWORD)
        shop = Api(server.url, emails["shop"], PASSWORD)
        cats = [
            shop.post("/api/v1/catalogues", files={"file": (f"c{k}.csv", _catalogue(k, ROWS), "text/csv")})
            for k in range(CATALOGUES)
        ]
        jobs = [c["job"]["id"] for c in cats]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # kill once work is under way
            states = [shop.get(f"/api/v1/jobs/{j}") for j in jobs]
            if sum(s["progress"] for s in states) > 0:
                break
            time.sleep(0.05)
        server.kill()  # both processes, no clean shutdown
        assert not all(s["status"] == "done" for s in states), "everything finished before the kill"

        server.start()
        shop = Api(server.url, emails["shop"], PASSWORD)
        states = _wait_all_finished(shop, jobs, 240)
        assert [s["status"] for s in states] == ["done"] * CATALOGUES, states
        for c in cats:  # nothing lost, nothing counted twice
            summary = shop.get(f"/api/v1/catalogues/{c['id']}")
            assert summary["status"] == "checked" and summary["summary"] == {"no-statement": ROWS}, summary
            rows = shop.get(f"/api/v1/catalogues/{c['id']}/rows", params={"offset": ROWS - 2, "limit": 10})
            assert [r["row"] for r in rows] == [ROWS, ROWS + 1]
        officer = Api(server.url, emails["officer"], PASSWORD)
        done = Counter(
            e["target"] for e in officer.get("/api/v1/audit", params={"limit": 1000}) if e["action"] == "job.done"
        )
        assert {f"job:{j}" for j in jobs} <= set(done) and all(done[f"job:{j}"] == 1 for j in jobs), done
        assert officer.get("/api/v1/audit/verify")["ok"] is True
    finally:
        server.stop()
    verify = subprocess.run(
        [
            sys.executable,
            "-c",
            "from psti.cli import main; main()",
            "audit",
            "verify",
            "--database",
            database,
            "--log-key",
            str(data / "log.key"),
        ],
        capture_output=True,
        text=True,
    )
    assert verify.returncode == 0 and "audit log intact" in verify.stdout, verify.stderr
