"""Benchmark: rendering documents from one assessment of the smart-camera example.

Prints each format's time per document and its ratio to the floor (writing the
assessment's own JSON, which every format must at least read). Peers: none of the
anchor tools issues PSTI statements; for PDF the ratio to a bare weasyprint render of
a one-line page shows what our template costs over the engine itself.
Run: .venv/bin/python bench/bench_documents.py
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.declaration import load_declaration
from psti.documents.label import label_from_assessment, render_png, render_svg
from psti.documents.publish import statement_html
from psti.documents.statement import build_statement, sign_statement, verify_statement
from psti.documents.templating import html_to_pdf
from psti.assess import assess
from psti.render import html, oscal, pdf

ROOT = Path(__file__).resolve().parents[1]


def timed(fn: Callable[[], object], n: int) -> float:
    fn()  # warm caches and imports
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    loaded = load_declaration(ROOT / "examples" / "smart-camera" / "product.toml")
    a = assess(loaded, offline=True)
    key = Ed25519PrivateKey.generate()
    signed = sign_statement(build_statement(loaded, a), key)
    data = json.loads(signed.to_json())
    d = loaded.declaration
    lab = label_from_assessment(a, d.support_period.end_date, d.statement.online_url)
    floor = timed(lambda: a.to_json(), 200)
    cases: dict[str, tuple[Callable[[], object], int]] = {
        "statement build+sign": (lambda: sign_statement(build_statement(loaded, a), key), 50),
        "statement verify": (lambda: verify_statement(data), 200),
        "statement HTML": (lambda: statement_html(signed), 50),
        "report HTML": (lambda: html.render(a), 50),
        "report OSCAL": (lambda: oscal.render(a), 100),
        "label SVG": (lambda: render_svg(lab), 100),
        "label PNG": (lambda: render_png(lab), 20),
        "report PDF": (lambda: pdf.render(a), 5),
        "statement PDF": (lambda: html_to_pdf(statement_html(signed)), 5),
    }
    bare = timed(lambda: html_to_pdf("<p>x</p>"), 5)
    print(f"floor (assessment JSON): {floor * 1e3:.2f} ms; {len(a.provisions)} provisions, "
          f"{len(a.findings)} findings")
    for name, (fn, n) in cases.items():
        t = timed(fn, n)
        print(f"{name:22s} {t * 1e3:9.2f} ms  {t / floor:8.1f}x floor")
    print(f"{'bare weasyprint page':22s} {bare * 1e3:9.2f} ms  (report PDF is "
          f"{timed(lambda: pdf.render(a), 3) / bare:.1f}x a bare page)")


if __name__ == "__main__":
    main()
