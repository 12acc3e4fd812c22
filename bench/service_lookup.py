"""Public look-ups under load: requests per second and p99 latency, SQLite and PostgreSQL.

Starts `psti serve` (one process, as users run it; --workers N for several) on 127.0.0.1
with 2,000 published products, then drives it with a lean asyncio HTTP/1.1 keep-alive load
generator (pre-built requests, the head read up to its blank line, the body by its
Content-Length; uvloop when installed) for a fixed time per scenario. The floor is the same
server's static `/static/app.js` (no database, same stack), driven by the same generator,
so the ratio shows what the database look-up costs. Server and generator share the cores,
so the CPU each spends per request is reported too, and the load average before and after.

    python bench/service_lookup.py [--seconds 8] [--connections 16] [--workers 1] [--postgres URL]

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
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

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


def requests_for(paths: list[str]) -> list[bytes]:
    """Each path's GET, built once: the timed loop only writes bytes."""
    return [f"GET {p} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode() for p in paths]


async def _worker(
    port: int, requests: list[bytes], stop_at: float, lat: list[float], errors: list[int], seed: int
) -> None:
    """One keep-alive connection sending requests back to back until `stop_at`.

    The client does as little as it can per request: write pre-built bytes, read the head
    up to its blank line, take Content-Length from it and read exactly the body. It shares
    the cores with the server, so what it spends is reported beside the figures."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    pick = random.Random(seed).choice
    clock = time.perf_counter
    try:
        while clock() < stop_at:
            request = pick(requests)
            t0 = clock()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            at = head.lower().find(b"\r\ncontent-length:")
            if at < 0:
                raise RuntimeError(f"response without Content-Length: {head[:200]!r}")
            length = int(head[at + 17 : head.index(b"\r\n", at + 17)])
            await reader.readexactly(length)
            lat.append(clock() - t0)
            if not head.startswith(b"HTTP/1.1 200"):
                errors.append(1)
    finally:
        writer.close()


def _event_loop() -> Callable[[Coroutine[Any, Any, None]], None]:
    """uvloop when installed (it is, with uvicorn[standard]): a cheaper client loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run
    return uvloop.run


def load(
    port: int, paths: list[str], seconds: float, connections: int, into: tuple[list[float], list[int]] | None = None
) -> dict[str, float]:
    lat, errors = into if into is not None else ([], [])
    requests = requests_for(paths)

    async def main() -> None:
        stop_at = time.perf_counter() + seconds
        await asyncio.gather(*(_worker(port, requests, stop_at, lat, errors, i) for i in range(connections)))

    t0 = time.perf_counter()
    _event_loop()(main())
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


def cpu_seconds(group: int) -> float:
    """User and system CPU time used so far by the server's processes (its session: the
    `psti serve` process and, with --workers, its worker processes), all threads."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[3]) == group:  # process group: the session start_new_session made
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def serve(data_dir: Path, url: str | None, workers: int = 1) -> tuple[subprocess.Popen[bytes], int]:
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
        "--workers",
        str(workers),
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


SCENARIOS: dict[str, Callable[[list[tuple[str, str]]], list[str]]] = {
    "floor: static file": lambda products: ["/static/app.js"],
    "product API": lambda products: [f"/api/v1/public/products/{pid}" for pid, _ in products],
    "look-up API (?q=model)": lambda products: [f"/api/v1/lookup?q={m}" for _, m in products],
    "product page (HTML)": lambda products: [f"/products/{pid}" for pid, _ in products],
    "look-up page (HTML)": lambda products: [f"/lookup?q={m}" for _, m in products],
}
FLOOR = "floor: static file"


def run_backend(label: str, url: str | None, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    tmp = Path(tempfile.mkdtemp(prefix="psti-bench-"))
    try:
        t0 = time.perf_counter()
        products = seed(tmp, url)
        print(f"[{label}] seeded {len(products)} products with signed statements in {time.perf_counter() - t0:.1f} s")
        proc, port = serve(tmp, url, args.workers)
        try:
            chosen = [n for n in SCENARIOS if n == FLOOR or not args.only or any(o in n for o in args.only)]
            scenarios = {name: SCENARIOS[name](products) for name in chosen}
            load(port, scenarios["product API"][:50] if "product API" in scenarios else ["/static/app.js"], 1.0, 4)
            # The scenarios take turns in short rounds, so a burst of load from elsewhere on a
            # shared machine falls on all of them alike rather than on whichever ran then.
            samples: dict[str, tuple[list[float], list[int]]] = {name: ([], []) for name in scenarios}
            elapsed = dict.fromkeys(scenarios, 0.0)
            server_cpu = dict.fromkeys(scenarios, 0.0)
            client_cpu = dict.fromkeys(scenarios, 0.0)
            for _ in range(args.rounds):
                for name, paths in scenarios.items():
                    s0, c0 = cpu_seconds(proc.pid), own_cpu_seconds()
                    elapsed[name] += load(port, paths, args.seconds / args.rounds, args.connections, samples[name])[
                        "elapsed"
                    ]
                    server_cpu[name] += cpu_seconds(proc.pid) - s0
                    client_cpu[name] += own_cpu_seconds() - c0
            out = {}
            for name in scenarios:
                out[name] = r = summarise(*samples[name], elapsed[name])
                n = max(r["requests"], 1)
                r["server_cpu_ms"] = server_cpu[name] / n * 1000
                r["client_cpu_ms"] = client_cpu[name] / n * 1000
                print(
                    f"[{label}] {name:24s} {r['rps']:8.0f} req/s  p50 {r['p50_ms']:6.1f} ms  "
                    f"p99 {r['p99_ms']:6.1f} ms  ({r['requests']} requests, {r['errors']} errors; "
                    f"CPU per request: server {r['server_cpu_ms']:.2f} ms, load generator {r['client_cpu_ms']:.2f} ms)"
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
    ap.add_argument("--workers", type=int, default=1, help="Server processes (psti serve --workers).")
    ap.add_argument("--no-sqlite", action="store_true", help="Measure PostgreSQL only.")
    ap.add_argument(
        "--only", action="append", default=[], metavar="TEXT", help="Only scenarios naming TEXT (and the floor)."
    )
    args = ap.parse_args()
    print(
        f"psti registry look-up benchmark: {PRODUCTS} products, {args.connections} connections, "
        f"{args.seconds:.0f} s per scenario, {args.workers} server process(es), {os.cpu_count()} cores "
        f"(server and load generator share them); load average {load_average()}"
    )
    results = {} if args.no_sqlite else {"SQLite": run_backend("SQLite", None, args)}
    if args.postgres:
        url, name = fresh_pg(args.postgres)
        try:
            results["PostgreSQL"] = run_backend("PostgreSQL", url, args)
        finally:
            drop_pg(args.postgres, name)
    print("\nratios (requests per second relative to the static-file floor on the same server):")
    for backend, r in results.items():
        floor = r[FLOOR]
        print(f"  {backend:10s} {FLOOR:24s} p99 {floor['p99_ms']:.1f} ms")
        for name, v in r.items():
            if name != FLOOR:
                ok = v["rps"] >= 0.7 * floor["rps"] and v["p99_ms"] < 50
                print(
                    f"  {backend:10s} {name:24s} {v['rps'] / floor['rps']:5.2f} x floor, p99 {v['p99_ms']:.1f} ms"
                    f"  {'meets' if ok else 'misses'} the target (>= 0.7 x floor, p99 < 50 ms)"
                )
    if "SQLite" in results and "PostgreSQL" in results and "product API" in results["SQLite"]:
        s, p = results["SQLite"]["product API"], results["PostgreSQL"]["product API"]
        print(f"  PostgreSQL / SQLite (product API): {p['rps'] / s['rps']:.2f} x")
    print(f"load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
