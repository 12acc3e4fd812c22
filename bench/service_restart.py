"""Kill the server during a 100,000-row catalogue check and restart it.

Starts `psti serve`, uploads the catalogue, sends SIGKILL once part of it is checked,
starts the server again on the same data and waits. Prints how far the check had got,
how long the restarted server took to resume it, and whether every row ended with
exactly one result (nothing lost, nothing checked twice in the final run).

    python bench/service_restart.py [--rows 100000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ADMIN = ("admin@bench.example", "bench-admin-password")
PASSWORD = "bench-user-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(data_dir: Path, port: int, url: str | None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PSTI_ADMIN_PASSWORD": ADMIN[1], "PSTI_JOB_STALE_SECONDS": "3"}
    cmd = [
        sys.executable,
        "-c",
        "from psti.cli import main; main()",
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
        "--admin-email",
        ADMIN[0],
    ]
    if url:
        cmd += ["--database", url]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def client(port: int, email: str, password: str) -> httpx.Client:
    c = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120)
    r = c.post("/api/v1/session", json={"email": email, "password": password})
    r.raise_for_status()
    c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return c


def run(label: str, rows: int, url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="psti-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        port = free_port()
        proc = start(data_dir, port, url)
        try:
            admin = client(port, *ADMIN)
            org = admin.post("/api/v1/organisations", json={"name": "Shop", "kind": "distributor"}).json()
            admin.post(
                "/api/v1/users",
                json={
                    "email": "shop@bench.example",
                    "password": PASSWORD,
                    "role": "distributor",
                    "organisation_id": org["id"],
                },
            )
            shop = client(port, "shop@bench.example", PASSWORD)
            csv = "manufacturer,model\n" + "".join(f"Maker {i % 50},M-{i:07d}\n" for i in range(rows))
            t0 = time.perf_counter()
            cat = shop.post("/api/v1/catalogues", files={"file": ("c.csv", csv.encode())}).json()
            job_id = cat["job"]["id"]
            while True:
                job = shop.get(f"/api/v1/jobs/{job_id}").json()
                if job["progress"] >= rows // 3 or job["status"] == "done":
                    break
                time.sleep(0.05)
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            killed_at = job["progress"]
            t_kill = time.perf_counter()
            proc = start(data_dir, port, url)
            shop = client(port, "shop@bench.example", PASSWORD)
            t_up = time.perf_counter()
            resumed = None
            while True:
                job = shop.get(f"/api/v1/jobs/{job_id}").json()
                if resumed is None and job["status"] == "running" and job["attempts"] == 2:
                    resumed = time.perf_counter()
                if job["status"] in ("done", "failed"):
                    break
                time.sleep(0.1)
            t_done = time.perf_counter()
            summary = shop.get(f"/api/v1/catalogues/{cat['id']}").json()["summary"]
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(10)
    checked = sum(summary.values())
    print(
        f"[{label}] {rows:,} rows; killed (SIGKILL) with {killed_at:,} checked after "
        f"{t_kill - t0:.1f} s; server back in {t_up - t_kill:.1f} s; check resumed "
        f"{(resumed or t_done) - t_up:.1f} s after that; finished {t_done - t_up:.1f} s after restart; "
        f"job {job['status']} after {job['attempts']} attempts; rows with one result: {checked:,} "
        f"({'nothing lost' if checked == rows and job['status'] == 'done' else 'MISMATCH'})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--postgres", default=os.environ.get("PSTI_TEST_POSTGRES_URL"))
    args = ap.parse_args()
    run("SQLite", args.rows, None)
    if args.postgres:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        from psti.store.db import normalise_url

        base = normalise_url(args.postgres)
        name = f"psti_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run("PostgreSQL", args.rows, make_url(base).set(database=name).render_as_string(hide_password=False))
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
