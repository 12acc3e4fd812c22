"""Kill the server during a catalogue check and restart it: nothing lost, the check resumes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.service.live import Api, LiveServer, seed

PASSWORD = "a-long-test-password"
ROWS = 30_000


def _catalogue(n: int) -> bytes:
    lines = ["manufacturer,model,statement"]
    lines += [f"Maker {i % 97},MODEL-{i:06d}," for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.slow
def test_killed_check_resumes_after_restart(tmp_path: Path) -> None:
    server = LiveServer(tmp_path / "data", stale_seconds=1.0)
    (tmp_path / "data").mkdir()
    server.start()
    try:
        emails = seed(server.url, PASSWORD)
        shop = Api(server.url, emails["shop"], PASSWORD)
        cat = shop.post("/api/v1/catalogues", files={"file": ("big.csv", _catalogue(ROWS), "text/csv")})
        job_id = cat["job"]["id"]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            job = shop.get(f"/api/v1/jobs/{job_id}")
            if 0 < job["progress"] < ROWS:
                break
            assert job["status"] != "done", "the check finished before it could be interrupted"
            time.sleep(0.02)
        server.kill()
        progress_at_kill = job["progress"]
        server.start()  # same data directory, same port
        shop = Api(server.url, emails["shop"], PASSWORD)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            job = shop.get(f"/api/v1/jobs/{job_id}")
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.2)
        assert job["status"] == "done", job
        assert job["attempts"] == 2  # claimed once before the kill, once after
        assert job["progress"] == ROWS
        summary = shop.get(f"/api/v1/catalogues/{cat['id']}")
        assert summary["status"] == "checked" and summary["summary"] == {"no-statement": ROWS}
        assert progress_at_kill > 0
        rows = shop.get(f"/api/v1/catalogues/{cat['id']}/rows", params={"offset": ROWS - 1, "limit": 5})
        assert [r["row"] for r in rows] == [ROWS + 1] and rows[0]["result"] == "no-statement"
    finally:
        server.stop()
