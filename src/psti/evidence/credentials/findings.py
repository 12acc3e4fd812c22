"""Turn a BatchReport into Evidence and Findings, one verdict-bearing finding per sub-paragraph.

Each check below reads the report and returns the findings of one kind (a control's
pass kind comes from the same check as its fail kinds); `CHECKS` lists them in the
order of Schedule 1.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psti.evidence.credentials.analyse import BatchReport, CounterGroup, Example
from psti.evidence.credentials.derived import merge_findings
from psti.evidence.credentials.kinds import ALL, P_COUNTER, P_IDENT, P_UNIQUE
from psti.evidence.interface import CollectorResult, file_evidence
from psti.model import Effect, Evidence, Finding, Location, make_finding

COLLECTOR = "password-batch"


def mask(password: str | None, show: bool) -> str | None:
    """Hide a password: keep only the first and last character of 8+ character ones."""
    if password is None or show:
        return password
    if len(password) >= 8:
        return password[0] + "*" * (len(password) - 2) + password[-1]
    return "*" * len(password)


def _alpha(alphabet: dict[str, int]) -> str:
    total = sum(alphabet.values())
    return f"{total} symbols: " + ", ".join(f"{v} {k}" for k, v in alphabet.items()) if total else "no symbols"


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _pct(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    pct = 100.0 * part / whole
    return "<0.01%" if 0 < pct < 0.01 else f"{pct:.2f}%"


@dataclass(frozen=True)
class _Batch:
    """What every check reads: the report, where its findings point, whether to mask."""

    r: BatchReport
    evidence_id: str
    show: bool

    def at(self, examples: list[Example]) -> Location:
        return Location(evidence=self.evidence_id, path=str(self.r.path),
                        row=examples[0].row if examples else None)

    def details(self, examples: list[Example], secret_detail: bool = False, **details: Any) -> dict[str, Any]:
        """details, with the examples masked (secret_detail: the detail gives the password away)."""
        if examples:
            details["examples"] = [self._example(e, secret_detail) for e in examples]
        return details

    def _example(self, e: Example, secret_detail: bool) -> dict[str, Any]:
        d: dict[str, Any] = {"row": e.row, "password": mask(e.password, self.show)}
        if e.detail and (self.show or not secret_detail):
            d["detail"] = e.detail
        if e.values:
            d["values"] = dict(e.values)
        return d

    def finding(self, kind: str, effect: Effect, message: str, examples: Iterable[Example] = (),
                secret_detail: bool = False, provisions: tuple[str, ...] | None = None,
                **details: Any) -> Finding:
        exs = list(examples)
        return make_finding(kind, effect, message, collector=COLLECTOR, location=self.at(exs),
                            provisions=provisions, details=self.details(exs, secret_detail, **details))


def _fails(findings: list[Finding]) -> bool:
    return any(f.effect is Effect.FAIL for f in findings)


# --- one check per finding kind ----------------------------------------------------------


def summary(b: _Batch) -> list[Finding]:
    """PWB-SUMMARY: what was read."""
    r = b.r
    return [b.finding(
        "PWB-SUMMARY", Effect.INFO,
        f"{r.rows:,} units read from {r.path.name} ({r.fmt}); columns " + ", ".join(r.columns.describe()),
        provisions=(), rows=r.rows, columns=r.columns.describe(),
        lengths={str(k): v for k, v in sorted(r.lengths.items())[:40]},
        alphabet=dict(r.alphabet), passes=r.passes,
    )]


def unique(b: _Batch) -> list[Finding]:
    """1.2: PWB-DUPLICATE (a shared password is a universal password) or PWB-UNIQUE."""
    n, d = b.r.rows, b.r.duplicates
    if not d.units:
        return [b.finding("PWB-UNIQUE", Effect.PASS, f"All {n:,} passwords are distinct.", rows=n)]
    return [b.finding(
        "PWB-DUPLICATE", Effect.FAIL,
        f"{d.units:,} of {n:,} units ({_pct(d.units, n)}) share a password with another unit: "
        f"{_n(d.shared_passwords, 'password')} used more than once, by up to {d.largest:,} units each. "
        "A shared password is a universal password.",
        [e for g in d.groups for e in g],
        units=d.units, shared_passwords=d.shared_passwords, largest_group=d.largest, rows=n,
    )]


def _counter_how(g: CounterGroup) -> str:
    if not g.stride:
        return (f"covers {g.units:,} units whose passwords differ only in {g.varying} "
                f"{g.kind} {'character' if g.varying == 1 else 'characters'} "
                "(an incremental counter as Sch 1 para 1(5) defines it)")
    serial = (f"; units with consecutive {g.serial_column}s step by {g.serial_step} "
              f"in {g.serial_share:.0%} of cases)" if g.serial_column and g.serial_share else ")")
    return (f"runs {g.first:,}..{g.last:,} ({g.kind}) in steps of {g.stride} for {g.units:,} units "
            f"({g.stride_share:.0%} of sorted gaps; {g.row_order_share:.0%} of consecutive rows step by it"
            + serial)


def counter(b: _Batch) -> list[Finding]:
    """1.3(a): PWB-COUNTER (passwords on an incremental counter) or PWB-NO-COUNTER."""
    r, n = b.r, b.r.rows
    if not r.counters:
        return [b.finding(
            "PWB-NO-COUNTER", Effect.PASS,
            f"No incremental counter in {n:,} passwords (decimal and hex numbers, sorted and in file order).",
            rows=n)]
    units, g = r.counter_units, r.counters[0]
    first_ex = g.examples[0].password if g.examples else None
    return [b.finding(
        "PWB-COUNTER", Effect.FAIL,
        f"{units:,} of {n:,} units ({_pct(units, n)}) have passwords on an incremental counter in "
        f"{_n(len(r.counters), 'sequence')}; the largest, like {mask(first_ex, b.show)!r}, {_counter_how(g)}.",
        [e for c in r.counters[:3] for e in c.examples[:3]],
        units=units,
        sequences=[
            {"kind": c.kind, "units": c.units, "stride": c.stride, "varying_characters": c.varying,
             "first": c.first, "last": c.last, "stride_share": round(c.stride_share, 4),
             "row_order_share": round(c.row_order_share, 4), "serial_column": c.serial_column,
             "serial_step": c.serial_step, "serial_share": round(c.serial_share, 4)}
            for c in r.counters[:20]
        ],
    )]


def public_strings(b: _Batch) -> list[Finding]:
    """1.3(b) PWB-PUBLIC-INFO: passwords containing a public string more often than chance."""
    out = []
    for pm in b.r.public_matches:
        significant = pm.matches >= 3 and pm.matches >= 10 * pm.expected
        verdict = "" if significant else f", no more than chance (about {pm.expected:,.1f} expected)"
        out.append(b.finding(
            "PWB-PUBLIC-INFO", Effect.FAIL if significant else Effect.INFO,
            f"{pm.matches:,} of {b.r.rows:,} units ({_pct(pm.matches, b.r.rows)}) have a password "
            f"containing {pm.token!r} from {pm.source}{verdict}.",
            pm.examples,
            token=pm.token, source=pm.source, units=pm.matches, expected_by_chance=round(pm.expected, 3),
        ))
    return out


def public_derivations(b: _Batch) -> list[Finding]:
    """1.3(b) PWB-PUBLIC-INFO: passwords derived from a broadcast value (an SSID)."""
    return [b.finding(
        "PWB-PUBLIC-INFO", Effect.FAIL,
        f"{dv.hypothesis.describe()} (broadcast, so public) for {dv.matches:,} of {dv.rows_with_value:,} "
        f"units ({_pct(dv.matches, dv.rows_with_value)}).",
        dv.examples,
        column=dv.hypothesis.column_name, transformation=dv.hypothesis.form,
        relation=dv.hypothesis.relation, units=dv.matches,
    ) for dv in b.r.derivations if dv.hypothesis.public]


def no_public_info(b: _Batch) -> list[Finding]:
    """1.3(b) PWB-NO-PUBLIC-INFO, or PWB-NO-PUBLIC-STRINGS when there was nothing to compare with."""
    r = b.r
    sources = sorted(set(r.public_tokens.values()))
    ssid = [c.name for c in r.columns.public]
    if not r.public_tokens and not ssid:
        return [b.finding(
            "PWB-NO-PUBLIC-STRINGS", Effect.NEEDS_EVIDENCE,
            "No public information to compare with: give the product declaration (brand, model, "
            "product name, manufacturer, SSID patterns) or an SSID column.")]
    what = ", ".join(sources + [f"column {s!r}" for s in ssid])
    return [b.finding(
        "PWB-NO-PUBLIC-INFO", Effect.PASS,
        f"No password of {r.rows:,} is based on public information ({what}; "
        f"{len(r.public_tokens)} strings checked).",
        rows=r.rows, tokens=sorted(r.public_tokens),
    )]


def public_information(b: _Batch) -> list[Finding]:
    """1.3(b): the public-information checks, and the pass when none failed."""
    found = public_strings(b) + public_derivations(b)
    return found if _fails(found) else found + no_public_info(b)


def identifier_derivations(b: _Batch) -> list[Finding]:
    """1.3(c) PWB-IDENTIFIER-DERIVED: passwords computed from a unit's identifier."""
    out = []
    for dv in (dv for dv in b.r.derivations if not dv.hypothesis.public):
        h = dv.hypothesis
        unkeyed = any(x in h.form for x in ("md5", "sha1", "sha256", "crc32"))
        note = " An unkeyed hash is not keyed hashing: anyone with the identifier can compute it." if unkeyed else ""
        out.append(b.finding(
            "PWB-IDENTIFIER-DERIVED", Effect.FAIL,
            f"{h.describe()} for {dv.matches:,} of {dv.rows_with_value:,} units "
            f"({_pct(dv.matches, dv.rows_with_value)}).{note}",
            dv.examples,
            column=h.column_name, role=h.role, transformation=h.form, relation=h.relation,
            parameter=h.k, units=dv.matches,
        ))
    return out


def identifier_equal(b: _Batch) -> list[Finding]:
    """1.3(c) PWB-IDENTIFIER-DERIVED: passwords equal to an identifier (not found as a derivation)."""
    covered = {dv.hypothesis.column_name for dv in b.r.derivations
               if not dv.hypothesis.public and dv.hypothesis.relation == "equal"}
    return [b.finding(
        "PWB-IDENTIFIER-DERIVED", Effect.FAIL,
        f"{t.count:,} of {b.r.rows:,} units have a password equal to their {col}.",
        t.examples,
        column=col, transformation="value", relation="equal", units=t.count,
    ) for col, t in b.r.equal_identifier.items() if t.count and col not in covered]


def not_identifier_derived(b: _Batch) -> list[Finding]:
    """1.3(c) PWB-NOT-IDENTIFIER-DERIVED, or PWB-NO-IDENTIFIERS when the batch has none."""
    r = b.r
    if not r.columns.identifiers:
        return [b.finding(
            "PWB-NO-IDENTIFIERS", Effect.NEEDS_EVIDENCE,
            "The batch has no serial, MAC, IMEI or other identifier column, so derivation from "
            "identifiers cannot be tested.")]
    names = ", ".join(c.name for c in r.columns.identifiers)
    return [b.finding(
        "PWB-NOT-IDENTIFIER-DERIVED", Effect.PASS,
        f"No password of {r.rows:,} is derived from {names} by the transformations tried "
        "(equal, substring, reversed, case, separators, last characters, offsets, hex, "
        "base64, unkeyed MD5/SHA-1/SHA-256/CRC32).",
        rows=r.rows, columns=[c.name for c in r.columns.identifiers],
    )]


def identifiers(b: _Batch) -> list[Finding]:
    """1.3(c): the identifier checks, and the pass when none found anything."""
    ident = any(not dv.hypothesis.public for dv in b.r.derivations)
    equal = any(t.count for t in b.r.equal_identifier.values())
    found = identifier_derivations(b) + identifier_equal(b)
    return found if ident or equal else not_identifier_derived(b)


def short(b: _Batch) -> list[Finding]:
    """1.3(d) PWB-SHORT: passwords shorter than the policy's minimum (or empty)."""
    r, pol = b.r, b.r.policy
    total = r.short.count + r.empty.count
    if not total:
        return []
    return [b.finding(
        "PWB-SHORT", Effect.FAIL,
        f"{total:,} of {r.rows:,} units ({_pct(total, r.rows)}) have a password shorter than "
        f"{pol.min_length} characters ({r.empty.count:,} empty).",
        [*r.empty.examples, *r.short.examples][: pol.max_examples],
        units=total, empty=r.empty.count, min_length=pol.min_length,
    )]


def common(b: _Batch) -> list[Finding]:
    """1.3(d) PWB-COMMON: passwords in the common-password list."""
    r = b.r
    if not r.common.count:
        return []
    return [b.finding(
        "PWB-COMMON", Effect.FAIL,
        f"{r.common.count:,} of {r.rows:,} units ({_pct(r.common.count, r.rows)}) have a password in the "
        "common-password list.",
        r.common.examples, units=r.common.count,
    )]


def dictionary(b: _Batch) -> list[Finding]:
    """1.3(d) PWB-DICTIONARY: a common password or dictionary word with a few characters added."""
    r = b.r
    if not r.dictionary.count:
        return []
    return [b.finding(
        "PWB-DICTIONARY", Effect.FAIL,
        f"{r.dictionary.count:,} of {r.rows:,} units ({_pct(r.dictionary.count, r.rows)}) have a password "
        "that is a common password or dictionary word with a few digits or symbols added.",
        r.dictionary.examples, secret_detail=True, units=r.dictionary.count,
    )]


def weak_estimate(b: _Batch) -> list[Finding]:
    """1.3(d) PWB-WEAK-ESTIMATE: sampled passwords zxcvbn scores low (a fail past the allowed share)."""
    r, pol = b.r, b.r.policy
    if not r.weak.count:
        return []
    share = r.weak.count / max(1, r.strength_sampled)
    material = share > pol.max_weak_share
    est = round(share * r.rows)
    tail = "." if material else (
        f"; at most {pol.max_weak_share:.0%} of the sample, as random generators produce now and then.")
    return [b.finding(
        "PWB-WEAK-ESTIMATE", Effect.FAIL if material else Effect.INFO,
        f"{r.weak.count:,} of {r.strength_sampled:,} randomly sampled passwords score below "
        f"{pol.min_score} in zxcvbn (about {est:,} units of {r.rows:,}){tail}",
        r.weak.examples,
        sampled=r.strength_sampled, weak=r.weak.count, estimated_units=est, min_score=pol.min_score,
    )]


def low_entropy(b: _Batch) -> list[Finding]:
    """1.3(d) PWB-LOW-ENTROPY: the generator's per-position entropy bound is too low."""
    r, pol = b.r, b.r.policy
    if r.rows < 100 or r.entropy_bits >= pol.min_entropy_bits:
        return []
    return [b.finding(
        "PWB-LOW-ENTROPY", Effect.FAIL,
        f"The batch's passwords carry at most {r.entropy_bits:.1f} bits of entropy (per-position "
        f"upper bound over {r.rows:,} units; {_alpha(r.alphabet)}), below {pol.min_entropy_bits:g} bits.",
        entropy_bits=round(r.entropy_bits, 2), min_entropy_bits=pol.min_entropy_bits,
    )]


def char_bias(b: _Batch) -> list[Finding]:
    """1.3(d) PWB-CHAR-BIAS: characters not uniform per position (a fail when it costs enough bits)."""
    r, pol = b.r, b.r.policy
    if not r.bias:
        return []
    # bits lost per password on average: each length weighs by its share of the batch
    loss = sum(x.loss_bits * r.lengths[x.length] / max(1, r.rows) for x in r.bias)
    material = r.fixed_length is not None and loss >= max(1.0, pol.bias_loss * r.uniform_bits)
    worst = sorted(r.bias, key=lambda x: x.p_value)[:10]
    return [b.finding(
        "PWB-CHAR-BIAS", Effect.FAIL if material else Effect.INFO,
        f"Characters are not uniform at {len(r.bias)} of {r.tests_run} positions tested "
        f"(chi-square, family-wise alpha {pol.alpha:g}); the bias costs about {loss:.1f} of "
        f"{r.uniform_bits:.1f} bits" + ("." if material else ", not enough to make the passwords guessable."),
        positions=[{"length": x.length, "position": x.position, "p_value": x.p_value,
                    "loss_bits": round(x.loss_bits, 4)} for x in worst],
        loss_bits=round(loss, 3),
    )]


def not_guessable(b: _Batch) -> list[Finding]:
    """1.3(d) PWB-NOT-GUESSABLE: the pass, with the measures it rests on."""
    r, pol = b.r, b.r.policy
    return [b.finding(
        "PWB-NOT-GUESSABLE", Effect.PASS,
        f"No password of {r.rows:,} is shorter than {pol.min_length}, common or a decorated dictionary "
        f"word; {r.strength_sampled - r.weak.count:,} of {r.strength_sampled:,} sampled score "
        f"{pol.min_score}+ in zxcvbn; the generator "
        f"carries up to {r.entropy_bits:.0f} bits ({_alpha(r.alphabet)}); {len(r.bias)} biased positions "
        f"of {r.tests_run}.",
        rows=r.rows, sampled=r.strength_sampled, entropy_bits=round(r.entropy_bits, 2),
    )]


def guessable(b: _Batch) -> list[Finding]:
    """1.3(d): the guessability checks, and the pass when none failed."""
    found = short(b) + common(b) + dictionary(b) + weak_estimate(b) + low_entropy(b) + char_bias(b)
    return found if _fails(found) else found + not_guessable(b)


# Schedule 1 in order: what was read, 1.2, 1.3(a) to (d).
CHECKS: tuple[Callable[[_Batch], list[Finding]], ...] = (
    summary, unique, counter, public_information, identifiers, guessable,
)


def batch_result(report: BatchReport, evidence_id: str, *, show_secrets: bool = False) -> CollectorResult:
    b = _Batch(report, evidence_id, show_secrets)
    findings = merge_findings([f for check in CHECKS for f in check(b)], report, evidence_id, show_secrets)
    evidence = file_evidence(
        evidence_id,
        "password-batch",
        report.path,
        COLLECTOR,
        summary=f"{report.rows:,} units, columns " + ", ".join(report.columns.describe()),
        rows=report.rows,
        format=report.fmt,
        columns=report.columns.describe(),
    )
    return CollectorResult(evidence=[evidence], findings=findings)


def unreadable_result(path: Path | None, source: str, evidence_id: str, reason: str) -> CollectorResult:
    """A batch that cannot be examined: every password provision needs evidence."""
    ev = Evidence(
        id=evidence_id,
        kind="password-batch",
        source=source,
        sha256=_sha(path),
        collector=COLLECTOR,
        summary="cannot be read",
    )
    f = make_finding(
        "PWB-UNREADABLE",
        Effect.NEEDS_EVIDENCE,
        f"Password batch {source} cannot be examined: {reason}",
        collector=COLLECTOR,
        location=Location(evidence=evidence_id, path=source),
        provisions=ALL,
    )
    return CollectorResult(evidence=[ev], findings=[f])


def _sha(path: Path | None) -> str | None:
    if path is None or not path.is_file():
        return None
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


__all__ = ["batch_result", "unreadable_result", "mask", "P_UNIQUE", "P_COUNTER", "P_IDENT"]
