"""Public look-ups under load: requests per second and p99 latency, SQLite and PostgreSQL.

Starts `psti serve` (one process, as users run it) on 127.0.0.1 with 2,000 published
products, then drives it with a small asyncio HTTP/1.1 keep-alive load generator for a
fixed time per scenario. The floor is the same server's static `/static/app.js` (no
database, same stack), so the ratio shows what the database look-up costs.

    python bench/service_lookup.py [--seconds 8] [--connections 16] [--postgres URL]

PostgreSQL is measured when --postgres or PSTI_TEST_POSTGRES_URL is given
(scripts/start-postgres.sh starts one).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

PRODUCTS = 2000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed(data_dir: Path, url: str | None) -> list[tuple[str, str]]:
    """Create products with signed statements through the service's own operations: each
    manufacturer registers a key and uploads statements signed with it (registry_seed.py)."""
    from registry_seed import manufacturer_key, publish_signed

    from psti.registry.products import create_product
    from psti.service.app import create_app
    from psti.service.auth import Principal
    from psti.service.context import Ctx
    from psti.service.settings import Settings
    from psti.store.models import Organisation, User

    settings = Settings(data_dir=data_dir, database_url=url, start_worker=False, key_encryption_key=bytes(32))
    st = create_app(settings).state.psti
    out = []
    with st.factory() as db, db.begin():
        orgs = []
        for i in range(20):
            org = Organisation(
                slug=f"maker-{i}",
                name=f"Maker {i} Ltd",
                kind="manufacturer",
                address=f"{i} Bench Road, Leeds",
                reporting_contact=f"security@maker{i}.example",
            )
            db.add(org)
            db.flush()
            orgs.append(org)
        user = User(email="seed@bench.example", password_hash="!", role="manufacturer", organisation_id=orgs[0].id)
        db.add(user)
        db.flush()
        ctxs = [Ctx(db, Principal(user.id, "seed", "manufacturer", org.id), settings, st.blobs) for org in orgs]
        signers = [manufacturer_key(ctx) for ctx in ctxs]
        for i in range(PRODUCTS):
            ctx = ctxs[i % 20]
            p = create_product(ctx, {"name": f"Camera {i}", "model": f"CAM-{i:05d}", "support_end": "2031-12-31"})
            publish_signed(ctx, p, orgs[i % 20], signers[i % 20])
            out.append((p.public_id, p.model))
    st.engine.dispose()
    return out


async def _worker(port: int, paths: list[str], stop_at: float, lat: list[float], errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < stop_at:
            path = random.choice(paths)
            t0 = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            await writer.drain()
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            lat.append(time.perf_counter() - t0)
            if not status_line.startswith(b"HTTP/1.1 200"):
                errors.append(1)
    finally:
        writer.close()


def load(
    port: int, paths: list[str], seconds: float, connections: int, into: tuple[list[float], list[int]] | None = None
) -> dict[str, float]:
    lat, errors = into if into is not None else ([], [])

    async def main() -> None:
        stop_at = time.perf_counter() + seconds
        await asyncio.gather(*(_worker(port, paths, stop_at, lat, errors) for _ in range(connections)))

    t0 = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - t0
    return summarise(lat, errors, elapsed)


def summarise(lat: list[float], errors: list[int], elapsed: float) -> dict[str, float]:
    lat.sort()
    return {
        "rps": len(lat) / elapsed,
        "p50_ms": lat[len(lat) // 2] * 1000,
        "p99_ms": lat[int(len(lat) * 0.99)] * 1000,
        "requests": len(lat),
        "errors": len(errors),
        "elapsed": elapsed,
    }


def serve(data_dir: Path, url: str | None) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    cmd = [
        sys.executable,
        "-c",
        "from psti.cli import main; main()",
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
        "--no-worker",
    ]
    if url:
        cmd += ["--database", url]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def fresh_pg(base: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from psti.store.db import normalise_url

    base = normalise_url(base)
    name = f"psti_bench_{uuid.uuid4().hex[:8]}"
    with create_engine(base, isolation_level="AUTOCOMMIT").connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(base).set(database=name).render_as_string(hide_password=False), name


def drop_pg(base: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    from psti.store.db import normalise_url

    with create_engine(normalise_url(base), isolation_level="AUTOCOMMIT").connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def run_backend(label: str, url: str | None, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    tmp = Path(tempfile.mkdtemp(prefix="psti-bench-"))
    try:
        t0 = time.perf_counter()
        products = seed(tmp, url)
        print(f"[{label}] seeded {len(products)} products with signed statements in {time.perf_counter() - t0:.1f} s")
        proc, port = serve(tmp, url)
        try:
            scenarios = {
                "floor: static file": ["/static/app.js"],
                "product API": [f"/api/v1/public/products/{pid}" for pid, _ in products],
                "look-up API (?q=model)": [f"/api/v1/lookup?q={m}" for _, m in products],
                "product page (HTML)": [f"/products/{pid}" for pid, _ in products],
            }
            load(port, scenarios["product API"][:50], 1.0, 4)  # warm up
            # The scenarios take turns in short rounds, so a burst of load from elsewhere on a
            # shared machine falls on all of them alike rather than on whichever ran then.
            samples: dict[str, tuple[list[float], list[int]]] = {name: ([], []) for name in scenarios}
            elapsed = dict.fromkeys(scenarios, 0.0)
            for _ in range(args.rounds):
                for name, paths in scenarios.items():
                    elapsed[name] += load(port, paths, args.seconds / args.rounds, args.connections, samples[name])[
                        "elapsed"
                    ]
            out = {}
            for name in scenarios:
                out[name] = r = summarise(*samples[name], elapsed[name])
                print(
                    f"[{label}] {name:24s} {r['rps']:8.0f} req/s  p50 {r['p50_ms']:6.1f} ms  "
                    f"p99 {r['p99_ms']:6.1f} ms  ({r['requests']} requests, {r['errors']} errors)"
                )
            return out
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument(
        "--rounds", type=int, default=4, help="Interleaved rounds per scenario (seconds split across them)."
    )
    ap.add_argument("--postgres", default=os.environ.get("PSTI_TEST_POSTGRES_URL"))
    args = ap.parse_args()
    print(
        f"psti registry look-up benchmark: {PRODUCTS} products, {args.connections} connections, "
        f"{args.seconds:.0f} s per scenario, {os.cpu_count()} cores (server and load generator share them)"
    )
    results = {"SQLite": run_backend("SQLite", None, args)}
    if args.postgres:
        url, name = fresh_pg(args.postgres)
        try:
            results["PostgreSQL"] = run_backend("PostgreSQL", url, args)
        finally:
            drop_pg(args.postgres, name)
    print("\nratios (requests per second relative to the static-file floor on the same server):")
    for backend, r in results.items():
        floor = r["floor: static file"]["rps"]
        for name, v in r.items():
            if not name.startswith("floor"):
                print(f"  {backend:10s} {name:24s} {v['rps'] / floor:5.2f} x floor, p99 {v['p99_ms']:.1f} ms")
    if "PostgreSQL" in results:
        s, p = results["SQLite"]["product API"], results["PostgreSQL"]["product API"]
        print(f"  PostgreSQL / SQLite (product API): {p['rps'] / s['rps']:.2f} x")


if __name__ == "__main__":
    main()
