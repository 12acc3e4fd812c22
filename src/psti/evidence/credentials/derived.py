"""The derivation searches run over a batch: sample, search, confirm on every row, report.

`DerivationScan` rides on the batch's one streaming pass. The first rows (8,192 by default)
form the search sample; the searches (dependence, identifiers in clear, counters with
check digits or hidden among random characters, formulas, published schemes) propose
candidates, which then see every following row as it streams past. A second sample,
spread over the whole file by reservoir sampling, is searched at the end; a candidate only
it proposes costs one more read of the file. `derivation_findings` turns the confirmed
outcomes into findings.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psti.evidence.credentials import dependence, formulas, identifiers, schemes
from psti.evidence.credentials.candidates import Candidate, Outcome, Sample
from psti.evidence.credentials.reader import BatchReader, Chunk, ColumnMap, ReaderOptions
from psti.model import Effect, Finding, Location, make_finding

if TYPE_CHECKING:
    from psti.evidence.credentials.analyse import BatchReport

COLLECTOR = "password-batch"


@dataclass
class DerivedReport:
    outcomes: list[Outcome]
    sampled: int  # rows in the leading sample
    spread: int  # rows in the spread sample
    seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds per search, and for confirmation
    tests: dict[str, Any] = field(default_factory=dict)
    passes: int = 1


_SEARCHES = ("dependence", "identifiers in clear", "check-digit counters", "hidden counters", "formulas", "schemes")


class DerivationScan:
    def __init__(
        self,
        constants: Sequence[str] = (),
        *,
        head_rows: int = 8192,
        spread_rows: int = 4096,
        seed: int = 20231007,
        formula_checks: int = 20_000,
    ) -> None:
        self.constants = tuple(dict.fromkeys(c for c in constants if c))
        self.head_rows, self.spread_rows, self.formula_checks = head_rows, spread_rows, formula_checks
        self.rng = random.Random(seed)
        self.started = False
        self.names: list[str] = []  # identifier then public columns (none: only the counter searches apply)
        self.roles: dict[str, str] = {}
        self.public: frozenset[str] = frozenset()
        self.head_pws: list[str] = []
        self.head_cols: list[list[str]] = []
        self.candidates: list[Candidate] = []
        self.searched = False
        self.seconds: dict[str, float] = dict.fromkeys([*_SEARCHES, "confirmation"], 0.0)
        self.tests: dict[str, Any] = {}
        self.n = 0
        self.reservoir: list[tuple[int, str, tuple[str, ...]]] = []
        k = spread_rows
        self._w = math.exp(math.log(self.rng.random()) / k)
        self._next = k + int(math.log(self.rng.random()) / math.log(1 - self._w))

    # -- streaming ------------------------------------------------------------------------

    def feed(self, chunk: Chunk, columns: ColumnMap | None) -> None:
        if columns is None:
            return
        if not self.started:
            self.started = True
            self.names = [c.name for c in (*columns.identifiers, *columns.public)]
            self.roles = {c.name: c.role for c in (*columns.identifiers, *columns.public)}
            self.public = frozenset(c.name for c in columns.public)
            self.head_cols = [[] for _ in self.names]
        cols = chunk.ids + chunk.public
        m = len(chunk)
        start = 0
        if not self.searched:
            take = min(m, self.head_rows - len(self.head_pws))
            self.head_pws += chunk.passwords[:take]
            for dst, src in zip(self.head_cols, cols, strict=True):
                dst += src[:take]
            start = take
            if len(self.head_pws) >= self.head_rows:
                self._search_head()
        if self.searched and start < m:
            self._observe(chunk.passwords[start:], [c[start:] for c in cols], chunk.start + start)
        self._reservoir(chunk, cols)
        self.n += m
        dependence.clear_cache()

    def _reservoir(self, chunk: Chunk, cols: list[list[str]]) -> None:
        k, g0, m = self.spread_rows, self.n, len(chunk)
        if len(self.reservoir) < k:
            take = min(m, k - len(self.reservoir))
            self.reservoir += [(chunk.start + i, chunk.passwords[i], tuple(c[i] for c in cols)) for i in range(take)]
        while self._next < g0 + m:
            i = self._next - g0
            self.reservoir[self.rng.randrange(k)] = (chunk.start + i, chunk.passwords[i], tuple(c[i] for c in cols))
            self._w *= math.exp(math.log(self.rng.random()) / k)
            self._next += int(math.log(self.rng.random()) / math.log(1 - self._w)) + 1

    def _observe(self, pws: Sequence[str], cols: Sequence[Sequence[str]], first: int) -> None:
        if not self.candidates:
            return
        t = time.process_time()
        named = dict(zip(self.names, cols, strict=True))
        for c in self.candidates:
            c.observe(pws, named, first)
        self.seconds["confirmation"] += time.process_time() - t

    def _sample(self, pws: list[str], rows: list[int], cols: list[list[str]]) -> Sample:
        return Sample(
            pws, rows, dict(zip(self.names, cols, strict=True)), dict(self.roles), self.public, self.constants
        )

    def _search(self, sample: Sample, label: str) -> list[Candidate]:
        found: list[Candidate] = []

        def timed(name: str, fn: Any) -> Any:
            t = time.process_time()
            out = fn()
            self.seconds[name] += time.process_time() - t
            return out

        dep, dstats = timed("dependence", lambda: dependence.search(sample))
        found += dep
        found += timed("identifiers in clear", lambda: identifiers.search_runs(sample))
        found += timed("check-digit counters", lambda: identifiers.search_check_digits(sample))
        found += timed("hidden counters", lambda: identifiers.search_hidden_counters(sample))
        rules, fstats = timed("formulas", lambda: formulas.search(sample, self.formula_checks))
        found += rules
        found += timed("schemes", lambda: schemes.search(sample))
        self.tests[label] = {
            "rows": len(sample),
            "dependence_pairs_tested": dstats.tests,
            "formulas_tried": fstats.formulas_tried,
            "formula_rows": fstats.rows_tried,
            "formula_search_truncated": fstats.truncated,
            "schemes": [s.code for s in schemes.SCHEMES],
        }
        # a derivation already being confirmed is not proposed again under another key (another
        # dependence pair of the same column, say): that would cost a second read for nothing
        known = {c.key for c in self.candidates} | {_family(c) for c in self.candidates}
        return [c for c in found if c.key not in known and _family(c) not in known]

    def _search_head(self) -> None:
        self.searched = True
        rows = list(range(1, len(self.head_pws) + 1))
        self.candidates = self._search(self._sample(self.head_pws, rows, self.head_cols), "leading sample")
        self._observe(self.head_pws, self.head_cols, 1)
        self.head_pws, self.head_cols = [], [[] for _ in self.names]

    def finish(self, path: Path, options: ReaderOptions) -> DerivedReport:
        sampled = min(self.n, self.head_rows)
        passes = 1
        if not self.started:
            return DerivedReport([], 0, 0)
        if not self.searched:
            self._search_head()  # the whole batch was the sample, and it has been observed
            spread_n = 0
        else:
            res = sorted(self.reservoir)
            spread_n = len(res)
            sample = self._sample(
                [r[1] for r in res], [r[0] for r in res], [[r[2][i] for r in res] for i in range(len(self.names))]
            )
            extra = self._search(sample, "spread sample")
            if extra:
                passes = 2
                t = time.process_time()
                for chunk in BatchReader(path, options).chunks():
                    named = dict(zip(self.names, chunk.ids + chunk.public, strict=True))
                    for c in extra:
                        c.observe(chunk.passwords, named, chunk.start)
                    dependence.clear_cache()
                self.seconds["confirmation"] += time.process_time() - t
                self.candidates += extra
        outcomes = [o for c in self.candidates if (o := c.outcome(sampled)) is not None]
        dep = [o for o in outcomes if o.kind in ("PWB-DEPENDENCE", "PWB-PUBLIC-DEPENDENCE")]
        rest = [o for o in outcomes if o not in dep]
        merged = dependence.merge(dep, sampled) + rest
        dependence.clear_cache()
        return DerivedReport(
            merged, sampled, spread_n, {k: round(v, 4) for k, v in self.seconds.items()}, self.tests, passes
        )


def _family(c: Candidate) -> tuple[Any, ...]:
    """What a candidate is about, beyond its exact parameters: its kind of search and columns."""
    feature = getattr(c, "feature", None)
    column = getattr(feature, "column", None) or getattr(c, "column", None)
    cols = tuple(sorted(getattr(c, "inputs", ()) or ((column,) if column else ())))
    return ("family", type(c).__name__, cols)


# -- findings -------------------------------------------------------------------------------

_P = {
    "1.3.a": ("PSTI-S1-1.3.a", "EN303645-5.1-2"),
    "1.3.b": ("PSTI-S1-1.3.b", "EN303645-5.1-2"),
    "1.3.c": ("PSTI-S1-1.3.c", "EN303645-5.1-2"),
    "1.3.bc": ("PSTI-S1-1.3.b", "PSTI-S1-1.3.c", "EN303645-5.1-2"),
}


def _provisions(o: Outcome) -> tuple[str, ...] | None:
    if o.kind == "PWB-PUBLISHED-SCHEME" and o.details.get("public"):
        return _P["1.3.bc"]
    return None


def derivation_findings(report: BatchReport, evidence_id: str, show_secrets: bool) -> list[Finding]:
    """Findings for the confirmed derivations, and an info finding on what was searched."""
    from psti.evidence.credentials.findings import mask

    d = report.derived
    if d is None or (d.sampled == 0 and not d.outcomes):
        return []
    covered = {dv.hypothesis.column_name for dv in report.derivations}
    out: list[Finding] = []
    for o in d.outcomes:
        if o.kind in ("PWB-FORMULA", "PWB-IDENTIFIER-IN-CLEAR") and o.columns and set(o.columns) <= covered:
            continue  # the fixed transformations already name this derivation
        if o.kind == "PWB-HIDDEN-COUNTER" and report.counters:
            continue
        examples = [
            {"row": e.row, "password": mask(e.password, show_secrets), **({"values": e.values} if e.values else {})}
            for e in o.examples[:5]
        ]
        details = {**o.details, "units": o.units, "rows": o.rows}
        if examples:
            details["examples"] = examples
        out.append(
            make_finding(
                o.kind,
                Effect.FAIL,
                o.message,
                collector=COLLECTOR,
                provisions=_provisions(o),
                location=Location(
                    evidence=evidence_id, path=str(report.path), row=o.examples[0].row if o.examples else None
                ),
                details=details,
            )
        )
    searched = ", ".join(_SEARCHES)
    # declared SSID patterns or product strings that name a family with a published scheme
    families = schemes.ssid_families(list(report.public_tokens))
    matched = {o.details.get("scheme") for o in d.outcomes if o.kind == "PWB-PUBLISHED-SCHEME"}
    untried = [f for f in families if f not in matched]
    family_note = (
        f" The public strings name device families with published schemes ({', '.join(untried)}); the "
        "passwords do not follow them."
        if untried
        else ""
    )
    out.append(
        make_finding(
            "PWB-DERIVATION-SEARCH",
            Effect.INFO,
            f"Searched for derivations ({searched}) on the first {d.sampled:,} rows and {d.spread:,} rows spread "
            f"over the batch; {len(d.outcomes)} confirmed on every row ({d.passes} "
            f"{'read' if d.passes == 1 else 'reads'} of the file).{family_note}",
            collector=COLLECTOR,
            provisions=(),
            location=Location(evidence=evidence_id, path=str(report.path)),
            details={
                "sampled_rows": d.sampled,
                "spread_rows": d.spread,
                "tests": d.tests,
                "ssid_families": families or None,
            },
        )
    )
    return out


def merge_findings(findings: list[Finding], report: BatchReport, evidence_id: str, show_secrets: bool) -> list[Finding]:
    """The batch's findings with the derivation findings added; a pass on a sub-paragraph that a
    derivation fails is dropped."""
    extra = derivation_findings(report, evidence_id, show_secrets)
    failed = {p for f in extra if f.effect == Effect.FAIL for p in f.provisions if p.startswith("PSTI-")}
    kept = [
        f
        for f in findings
        if not (
            f.effect in (Effect.PASS, Effect.NEEDS_EVIDENCE)
            and f.kind != "PWB-UNREADABLE"
            and any(p in failed for p in f.provisions if p.startswith("PSTI-"))
        )
    ]
    return kept + extra
