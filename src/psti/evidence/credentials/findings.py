"""Turn a BatchReport into Evidence and Findings, one verdict-bearing finding per sub-paragraph."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from psti.evidence.credentials.analyse import BatchReport, Example
from psti.evidence.credentials.derived import merge_findings
from psti.evidence.credentials.kinds import (
    ALL,
    KINDS,
    P_COUNTER,
    P_IDENT,
    P_UNIQUE,
)
from psti.evidence.interface import CollectorResult, file_evidence
from psti.model import Effect, Evidence, Finding, Location

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


class _Builder:
    def __init__(self, report: BatchReport, evidence_id: str, show_secrets: bool) -> None:
        self.r = report
        self.eid = evidence_id
        self.show = show_secrets
        self.findings: list[Finding] = []

    def examples(self, exs: Iterable[Example], secret_detail: bool = False) -> list[dict[str, Any]]:
        out = []
        for e in exs:
            d: dict[str, Any] = {"row": e.row, "password": mask(e.password, self.show)}
            if e.detail and (self.show or not secret_detail):
                d["detail"] = e.detail
            if e.values:
                d["values"] = dict(e.values)
            out.append(d)
        return out

    def add(
        self,
        kind: str,
        effect: Effect,
        message: str,
        examples: Iterable[Example] = (),
        provisions: tuple[str, ...] | None = None,
        secret_detail: bool = False,  # the example's detail gives the password away
        **details: Any,
    ) -> None:
        exs = list(examples)
        k = KINDS[kind]
        if exs:
            details["examples"] = self.examples(exs, secret_detail)
        self.findings.append(
            Finding(
                kind=kind,
                provisions=k.provisions if provisions is None else provisions,
                effect=effect,
                message=message,
                collector=COLLECTOR,
                location=Location(evidence=self.eid, path=str(self.r.path), row=exs[0].row if exs else None),
                details=details,
                remediation=None if effect in (Effect.PASS, Effect.INFO) else k.how_to_fix,
            )
        )


def batch_result(report: BatchReport, evidence_id: str, *, show_secrets: bool = False) -> CollectorResult:
    r = report
    b = _Builder(r, evidence_id, show_secrets)
    n = r.rows
    pol = r.policy
    cols = r.columns

    lengths = sorted(r.lengths.items())
    b.add(
        "PWB-SUMMARY",
        Effect.INFO,
        f"{n:,} units read from {r.path.name} ({r.fmt}); columns " + ", ".join(cols.describe()),
        provisions=(),
        rows=n,
        columns=cols.describe(),
        lengths={str(k): v for k, v in lengths[:40]},
        alphabet=dict(r.alphabet),
        passes=r.passes,
    )

    # 1.2 unique
    d = r.duplicates
    if d.units:
        groups = [e for g in d.groups for e in g]
        b.add(
            "PWB-DUPLICATE",
            Effect.FAIL,
            f"{d.units:,} of {n:,} units ({_pct(d.units, n)}) share a password with another unit: "
            f"{_n(d.shared_passwords, 'password')} used more than once, by up to {d.largest:,} units each. "
            "A shared password is a universal password.",
            groups,
            units=d.units,
            shared_passwords=d.shared_passwords,
            largest_group=d.largest,
            rows=n,
        )
    else:
        b.add("PWB-UNIQUE", Effect.PASS, f"All {n:,} passwords are distinct.", rows=n)

    # 1.3(a) counters
    if r.counters:
        units = r.counter_units
        g = r.counters[0]
        first_ex = g.examples[0].password if g.examples else None
        if g.stride:
            how = (
                f"runs {g.first:,}..{g.last:,} ({g.kind}) in steps of {g.stride} for {g.units:,} units "
                f"({g.stride_share:.0%} of sorted gaps; {g.row_order_share:.0%} of consecutive rows step by it"
                + (
                    f"; units with consecutive {g.serial_column}s step by {g.serial_step} "
                    f"in {g.serial_share:.0%} of cases)"
                    if g.serial_column and g.serial_share
                    else ")"
                )
            )
        else:
            how = (
                f"covers {g.units:,} units whose passwords differ only in {g.varying} "
                f"{g.kind} {'character' if g.varying == 1 else 'characters'} "
                "(an incremental counter as Sch 1 para 1(5) defines it)"
            )
        b.add(
            "PWB-COUNTER",
            Effect.FAIL,
            f"{units:,} of {n:,} units ({_pct(units, n)}) have passwords on an incremental counter in "
            f"{_n(len(r.counters), 'sequence')}; the largest, like {mask(first_ex, show_secrets)!r}, {how}.",
            [e for c in r.counters[:3] for e in c.examples[:3]],
            units=units,
            sequences=[
                {
                    "kind": c.kind,
                    "units": c.units,
                    "stride": c.stride,
                    "varying_characters": c.varying,
                    "first": c.first,
                    "last": c.last,
                    "stride_share": round(c.stride_share, 4),
                    "row_order_share": round(c.row_order_share, 4),
                    "serial_column": c.serial_column,
                    "serial_step": c.serial_step,
                    "serial_share": round(c.serial_share, 4),
                }
                for c in r.counters[:20]
            ],
        )
    else:
        b.add(
            "PWB-NO-COUNTER",
            Effect.PASS,
            f"No incremental counter in {n:,} passwords (decimal and hex numbers, sorted and in file order).",
            rows=n,
        )

    # 1.3(b) public information
    public_fail = False
    for pm in r.public_matches:
        significant = pm.matches >= 3 and pm.matches >= 10 * pm.expected
        effect = Effect.FAIL if significant else Effect.INFO
        public_fail |= significant
        verdict = "" if significant else f", no more than chance (about {pm.expected:,.1f} expected)"
        b.add(
            "PWB-PUBLIC-INFO",
            effect,
            f"{pm.matches:,} of {n:,} units ({_pct(pm.matches, n)}) have a password containing {pm.token!r} "
            f"from {pm.source}{verdict}.",
            pm.examples,
            token=pm.token,
            source=pm.source,
            units=pm.matches,
            expected_by_chance=round(pm.expected, 3),
        )
    for dv in (dv for dv in r.derivations if dv.hypothesis.public):
        public_fail = True
        h = dv.hypothesis
        b.add(
            "PWB-PUBLIC-INFO",
            Effect.FAIL,
            f"{h.describe()} (broadcast, so public) for {dv.matches:,} of {dv.rows_with_value:,} units "
            f"({_pct(dv.matches, dv.rows_with_value)}).",
            dv.examples,
            column=h.column_name,
            transformation=h.form,
            relation=h.relation,
            units=dv.matches,
        )
    if not public_fail:
        sources = sorted(set(r.public_tokens.values()))
        ssid = [c.name for c in cols.public]
        if r.public_tokens or ssid:
            what = ", ".join(sources + [f"column {s!r}" for s in ssid])
            b.add(
                "PWB-NO-PUBLIC-INFO",
                Effect.PASS,
                f"No password of {n:,} is based on public information ({what}; "
                f"{len(r.public_tokens)} strings checked).",
                rows=n,
                tokens=sorted(r.public_tokens),
            )
        else:
            b.add(
                "PWB-NO-PUBLIC-STRINGS",
                Effect.NEEDS_EVIDENCE,
                "No public information to compare with: give the product declaration (brand, model, "
                "product name, manufacturer, SSID patterns) or an SSID column.",
            )

    # 1.3(c) identifiers
    ident = [dv for dv in r.derivations if not dv.hypothesis.public]
    equal_cols = {c: t for c, t in r.equal_identifier.items() if t.count}
    covered = {dv.hypothesis.column_name for dv in ident if dv.hypothesis.relation == "equal"}
    for dv in ident:
        h = dv.hypothesis
        unkeyed = any(x in h.form for x in ("md5", "sha1", "sha256", "crc32"))
        note = " An unkeyed hash is not keyed hashing: anyone with the identifier can compute it." if unkeyed else ""
        b.add(
            "PWB-IDENTIFIER-DERIVED",
            Effect.FAIL,
            f"{h.describe()} for {dv.matches:,} of {dv.rows_with_value:,} units "
            f"({_pct(dv.matches, dv.rows_with_value)}).{note}",
            dv.examples,
            column=h.column_name,
            role=h.role,
            transformation=h.form,
            relation=h.relation,
            parameter=h.k,
            units=dv.matches,
        )
    for col, t in equal_cols.items():
        if col in covered:
            continue
        b.add(
            "PWB-IDENTIFIER-DERIVED",
            Effect.FAIL,
            f"{t.count:,} of {n:,} units have a password equal to their {col}.",
            t.examples,
            column=col,
            transformation="value",
            relation="equal",
            units=t.count,
        )
    if not ident and not equal_cols:
        if cols.identifiers:
            names = ", ".join(c.name for c in cols.identifiers)
            b.add(
                "PWB-NOT-IDENTIFIER-DERIVED",
                Effect.PASS,
                f"No password of {n:,} is derived from {names} by the transformations tried "
                "(equal, substring, reversed, case, separators, last characters, offsets, hex, "
                "base64, unkeyed MD5/SHA-1/SHA-256/CRC32).",
                rows=n,
                columns=[c.name for c in cols.identifiers],
            )
        else:
            b.add(
                "PWB-NO-IDENTIFIERS",
                Effect.NEEDS_EVIDENCE,
                "The batch has no serial, MAC, IMEI or other identifier column, so derivation from "
                "identifiers cannot be tested.",
            )

    # 1.3(d) guessable
    guess_fail = False
    short_total = r.short.count + r.empty.count
    if short_total:
        guess_fail = True
        b.add(
            "PWB-SHORT",
            Effect.FAIL,
            f"{short_total:,} of {n:,} units ({_pct(short_total, n)}) have a password shorter than "
            f"{pol.min_length} characters ({r.empty.count:,} empty).",
            [*r.empty.examples, *r.short.examples][: pol.max_examples],
            units=short_total,
            empty=r.empty.count,
            min_length=pol.min_length,
        )
    if r.common.count:
        guess_fail = True
        b.add(
            "PWB-COMMON",
            Effect.FAIL,
            f"{r.common.count:,} of {n:,} units ({_pct(r.common.count, n)}) have a password in the "
            "common-password list.",
            r.common.examples,
            units=r.common.count,
        )
    if r.dictionary.count:
        guess_fail = True
        b.add(
            "PWB-DICTIONARY",
            Effect.FAIL,
            f"{r.dictionary.count:,} of {n:,} units ({_pct(r.dictionary.count, n)}) have a password "
            "that is a common password or dictionary word with a few digits or symbols added.",
            r.dictionary.examples,
            secret_detail=True,
            units=r.dictionary.count,
        )
    if r.weak.count:
        share = r.weak.count / max(1, r.strength_sampled)
        material = share > pol.max_weak_share
        guess_fail |= material
        est = round(share * n)
        tail = (
            "."
            if material
            else f"; at most {pol.max_weak_share:.0%} of the sample, as random generators produce now and then."
        )
        b.add(
            "PWB-WEAK-ESTIMATE",
            Effect.FAIL if material else Effect.INFO,
            f"{r.weak.count:,} of {r.strength_sampled:,} randomly sampled passwords score below "
            f"{pol.min_score} in zxcvbn (about {est:,} units of {n:,}){tail}",
            r.weak.examples,
            sampled=r.strength_sampled,
            weak=r.weak.count,
            estimated_units=est,
            min_score=pol.min_score,
        )
    if n >= 100 and r.entropy_bits < pol.min_entropy_bits:
        guess_fail = True
        b.add(
            "PWB-LOW-ENTROPY",
            Effect.FAIL,
            f"The batch's passwords carry at most {r.entropy_bits:.1f} bits of entropy (per-position "
            f"upper bound over {n:,} units; {_alpha(r.alphabet)}), below {pol.min_entropy_bits:g} bits.",
            entropy_bits=round(r.entropy_bits, 2),
            min_entropy_bits=pol.min_entropy_bits,
        )
    if r.bias:
        # bits lost per password on average: each length weighs by its share of the batch
        loss = sum(x.loss_bits * r.lengths[x.length] / max(1, n) for x in r.bias)
        material = r.fixed_length is not None and loss >= max(1.0, pol.bias_loss * r.uniform_bits)
        guess_fail |= material
        worst = sorted(r.bias, key=lambda x: x.p_value)[:10]
        b.add(
            "PWB-CHAR-BIAS",
            Effect.FAIL if material else Effect.INFO,
            f"Characters are not uniform at {len(r.bias)} of {r.tests_run} positions tested "
            f"(chi-square, family-wise alpha {pol.alpha:g}); the bias costs about {loss:.1f} of "
            f"{r.uniform_bits:.1f} bits" + ("." if material else ", not enough to make the passwords guessable."),
            positions=[
                {"length": x.length, "position": x.position, "p_value": x.p_value, "loss_bits": round(x.loss_bits, 4)}
                for x in worst
            ],
            loss_bits=round(loss, 3),
        )
    if not guess_fail:
        b.add(
            "PWB-NOT-GUESSABLE",
            Effect.PASS,
            f"No password of {n:,} is shorter than {pol.min_length}, common or a decorated dictionary "
            f"word; {r.strength_sampled - r.weak.count:,} of {r.strength_sampled:,} sampled score "
            f"{pol.min_score}+ in zxcvbn; the generator "
            f"carries up to {r.entropy_bits:.0f} bits ({_alpha(r.alphabet)}); {len(r.bias)} biased positions "
            f"of {r.tests_run}.",
            rows=n,
            sampled=r.strength_sampled,
            entropy_bits=round(r.entropy_bits, 2),
        )

    b.findings = merge_findings(b.findings, r, evidence_id, show_secrets)
    evidence = file_evidence(
        evidence_id,
        "password-batch",
        r.path,
        COLLECTOR,
        summary=f"{n:,} units, columns " + ", ".join(cols.describe()),
        rows=n,
        format=r.fmt,
        columns=cols.describe(),
    )
    return CollectorResult(evidence=[evidence], findings=b.findings)


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
    f = Finding(
        kind="PWB-UNREADABLE",
        provisions=ALL,
        effect=Effect.NEEDS_EVIDENCE,
        message=f"Password batch {source} cannot be examined: {reason}",
        collector=COLLECTOR,
        location=Location(evidence=evidence_id, path=source),
        remediation=KINDS["PWB-UNREADABLE"].how_to_fix,
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
