"""A 100,000-row catalogue checked: time and peak memory, SQLite and PostgreSQL.

Each run happens in a fresh child process so its peak RSS is its own. The catalogue
mixes rows that reference a statement by URL, rows found by manufacturer and model,
and rows with no statement. The floor is reading and parsing the same CSV with the
csv module alone (what any checker must at least do).

    python bench/service_catalogue.py [--rows 100000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path


def make_catalogue(rows: int, statements: list[tuple[str, str, str]]) -> bytes:
    """statements: (manufacturer, model, public_id) registered. Half are referenced by URL,
    half by manufacturer and model; every other row is a product nobody registered."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["manufacturer", "model", "statement"])
    half = len(statements) // 2
    for i, (m, mo, pid) in enumerate(statements):
        w.writerow([m, mo, f"https://registry.example/api/v1/statements/{pid}" if i < half else ""])
    for i in range(rows - len(statements)):
        w.writerow([f"Unknown {i % 300} Ltd", f"U-{i:07d}", ""])
    return buf.getvalue().encode()


def child(url: str, data_dir: str, rows: int) -> None:
    """Runs in a fresh process: seed, upload (parse + store), check; print JSON figures."""
    from registry_seed import manufacturer_key, publish_signed

    from psti.registry.catalogues import create_catalogue, run_check
    from psti.registry.products import create_product
    from psti.service.app import create_app
    from psti.service.auth import Principal
    from psti.service.context import Ctx
    from psti.service.settings import Settings
    from psti.store.jobs import JobContext
    from psti.store.models import Organisation, User

    settings = Settings(
        data_dir=Path(data_dir),
        database_url=url,
        start_worker=False,
        max_upload_bytes=200 * 1024 * 1024,
        max_catalogue_rows=1_000_000,
        key_encryption_key=bytes(32),
    )
    st = create_app(settings).state.psti
    statements = []
    with st.factory() as db, db.begin():
        maker = Organisation(slug="maker", name="Maker Ltd", kind="manufacturer", address="1 Bench Road, Leeds")
        shop = Organisation(slug="shop", name="Shop Ltd", kind="distributor")
        db.add_all([maker, shop])
        db.flush()
        user = User(email="m@bench.example", password_hash="!", role="manufacturer", organisation_id=maker.id)
        db.add(user)
        db.flush()
        ctx = Ctx(db, Principal(user.id, "m", "manufacturer", maker.id), settings, st.blobs)
        key = manufacturer_key(ctx)  # Maker Ltd signs its statements and uploads them (registry_seed.py)
        for i in range(500):
            p = create_product(ctx, {"name": f"Plug {i}", "model": f"P-{i:04d}", "support_end": "2030-06-30"})
            s = publish_signed(ctx, p, maker, key)
            statements.append(("Maker Ltd", p.model, s.public_id))
        shop_id = shop.id
        shop_user = User(email="s@bench.example", password_hash="!", role="distributor", organisation_id=shop_id)
        db.add(shop_user)
        db.flush()
        shop_user_id = shop_user.id
    data = make_catalogue(rows, statements)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    list(csv.reader(io.StringIO(data.decode())))
    floor = time.perf_counter() - t0
    t0 = time.perf_counter()
    with st.factory() as db, db.begin():
        cat = create_catalogue(
            Ctx(db, Principal(shop_user_id, "s", "distributor", shop_id), settings, st.blobs), "catalogue.csv", data
        )
        cat_id, job_id = cat.id, cat.job_id
    upload = time.perf_counter() - t0
    t0 = time.perf_counter()
    message = run_check(JobContext(job_id, {"catalogue_id": cat_id}, st.factory, "bench"), 180)
    check = time.perf_counter() - t0
    from psti.registry.catalogues import summary
    from psti.store.models import Catalogue

    with st.factory() as db:
        counts = summary(db, db.get(Catalogue, cat_id))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "rows": rows,
                "bytes": len(data),
                "floor_s": floor,
                "upload_s": upload,
                "check_s": check,
                "peak_rss_mb": peak / 1024,
                "rss_before_mb": rss_before / 1024,
                "message": message,
                "summary": counts,
            }
        )
    )


def run(label: str, url: str, rows: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="psti-bench-") as tmp:
        out = subprocess.run(
            [sys.executable, __file__, "--child", url, tmp, str(rows)], capture_output=True, text=True, check=False
        )
        if out.returncode != 0:
            raise SystemExit(f"{label} run failed:\n{out.stderr[-3000:]}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
    total = r["upload_s"] + r["check_s"]
    print(
        f"[{label}] {r['rows']:,} rows ({r['bytes'] / 1e6:.1f} MB): upload+validate {r['upload_s']:.1f} s, "
        f"check {r['check_s']:.1f} s, total {total:.1f} s = {r['rows'] / total:,.0f} rows/s; "
        f"peak RSS {r['peak_rss_mb']:.0f} MB (process before upload {r['rss_before_mb']:.0f} MB); "
        f"csv-parse floor {r['floor_s']:.2f} s -> {total / r['floor_s']:.0f} x floor; results {r['summary']}"
    )
    return r


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--postgres", default=os.environ.get("PSTI_TEST_POSTGRES_URL"))
    args = ap.parse_args()
    print(f"psti catalogue-check benchmark, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = run("SQLite", f"sqlite:///{tmp}/bench.sqlite3", args.rows)
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
            pg = run("PostgreSQL", make_url(base).set(database=name).render_as_string(hide_password=False), args.rows)
            ratio = (pg["upload_s"] + pg["check_s"]) / (sqlite["upload_s"] + sqlite["check_s"])
            print(f"PostgreSQL / SQLite total time: {ratio:.2f} x")
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
