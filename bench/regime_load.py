"""Benchmark: loading and validating the shipped regime data.

Floor: parsing the same TOML files with tomllib (no validation, no merging).
Measured: RegimeLibrary.load() (parse + pydantic validation + cross-reference check)
and building the view of every regime on four dates. There is no peer that ships the
PSTI regime as data (ouspg/tcsfw hard-codes EN 303 645 in Python), so only the floor
ratio is printed. Run: .venv/bin/python bench/regime_load.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
import tomllib
from collections.abc import Callable

from psti.regime.loader import RegimeLibrary, _package_files

DATES = [dt.date(2023, 6, 1), dt.date(2024, 5, 1), dt.date(2025, 3, 1), dt.date(2026, 1, 1)]
ROUNDS = 30


def best_of(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    paths = _package_files()
    texts = [p.read_text(encoding="utf-8") for p in paths]

    def floor() -> None:
        for t in texts:
            tomllib.loads(t)

    def load() -> RegimeLibrary:
        return RegimeLibrary.load()

    lib = load()

    def views() -> None:
        for regime in lib.regimes():
            for on in DATES:
                lib.view(regime, on)

    items = sum(len(rf.items) for fs in lib.files.values() for rf in fs)
    t_floor, t_load, t_views = best_of(floor), best_of(load), best_of(views)
    print(f"regime files: {len(paths)}, items: {items}, rounds: {ROUNDS} (median)")
    print(f"floor  tomllib parse         {t_floor * 1000:8.2f} ms")
    print(f"load   parse+validate+refs   {t_load * 1000:8.2f} ms  ({t_load / t_floor:.1f}x floor)")
    n = len(lib.regimes()) * len(DATES)
    print(f"views  {n} regime-date views   {t_views * 1000:8.2f} ms  ({t_views / n * 1e6:.0f} us each)")


if __name__ == "__main__":
    main()
