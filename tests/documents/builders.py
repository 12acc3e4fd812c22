"""Builders for the document and report tests: a test regime, declarations and
assessments made from `psti.model` the way the engine makes them."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from psti.declaration import LoadedDeclaration, load_declaration
from psti.kinds import FindingKind, register_kinds
from psti.model import (
    Assessment,
    Effect,
    Evidence,
    Finding,
    Location,
    ProductRef,
    ProvisionVerdict,
    RequirementVerdict,
    RouteVerdict,
    ScopeDecision,
    ScopeReason,
    Verdict,
)
from psti.regime import RegimeLibrary, RegimeView

DATA = Path(__file__).parent / "data"
REGIME_DIR = DATA / "regime"
REGIME = "test-psti"
ON = dt.date(2026, 11, 20)

KINDS = (
    FindingKind(
        code="TEST-UNIVERSAL-PASSWORD",
        title="Universal password hash in firmware",
        checks="Password hashes in /etc/shadow that are the same on every unit.",
        why="A password shared by every unit of a product breaches Sch 1 para 1(2).",
        how_to_fix="Remove the built-in password; provision a unique one per unit.",
        provisions=("PSTI-S1-1.2",),
    ),
    FindingKind(
        code="TEST-CONTACT-FOUND",
        title="Security contact published",
        checks="A point of contact for security reports is published.",
        why="Sch 1 para 2(2)(a) requires one.",
        how_to_fix="Publish a security.txt with a Contact field.",
        provisions=("PSTI-S1-2.2.a",),
    ),
)
register_kinds(KINDS)


def view() -> RegimeView:
    return RegimeLibrary.load(extra_dirs=[REGIME_DIR]).view(REGIME, ON)


def declaration(tmp: Path | None = None, edit: str | None = None, drop: tuple[str, ...] = ()) -> LoadedDeclaration:
    """The camera declaration, optionally with lines dropped or text appended."""
    text = (DATA / "camera.toml").read_text(encoding="utf-8")
    if drop or edit:
        assert tmp is not None
        lines = [ln for ln in text.splitlines() if not any(ln.startswith(d) for d in drop)]
        text = "\n".join(lines) + "\n" + (edit or "")
        path = tmp / "camera.toml"
        path.write_text(text, encoding="utf-8")
        return load_declaration(path)
    return load_declaration(DATA / "camera.toml")


def assessment(
    loaded: LoadedDeclaration,
    passwords: Verdict = Verdict.PASS,
    reporting: Verdict = Verdict.PASS,
    support: Verdict = Verdict.PASS,
) -> Assessment:
    fw = Evidence(
        id="ev-firmware",
        kind="firmware",
        source="firmware/bl-cam-200-1.4.2.bin",
        sha256=hashlib.sha256(b"firmware").hexdigest(),
        size=8_388_608,
        collector="firmware",
        summary="SquashFS root file system, 2,134 files",
    )
    web = Evidence(
        id="ev-security-txt",
        kind="security-txt",
        source="https://brightlane.example/.well-known/security.txt",
        sha256=hashlib.sha256(b"security.txt").hexdigest(),
        collector="web",
    )
    decl = Evidence(
        id="ev-declaration",
        kind="declaration",
        source=str(loaded.path),
        sha256=loaded.sha256,
        collector="declaration",
    )
    findings = [
        Finding(
            kind="TEST-UNIVERSAL-PASSWORD",
            provisions=("PSTI-S1-1.2", "EN303645-5.1-1"),
            effect=Effect.FAIL if passwords is Verdict.FAIL else Effect.PASS,
            message=(
                "root has the same crypt hash on every unit (universal password)"
                if passwords is Verdict.FAIL
                else "no universal password found in 2,134 files"
            ),
            collector="firmware",
            location=Location(evidence="ev-firmware", path="/etc/shadow", line=1),
        ),
        Finding(
            kind="TEST-CONTACT-FOUND",
            provisions=("PSTI-S1-2.2.a",),
            effect={Verdict.PASS: Effect.PASS, Verdict.FAIL: Effect.FAIL}.get(reporting, Effect.NEEDS_EVIDENCE),
            message="Contact: mailto:security@brightlane.example"
            if reporting is Verdict.PASS
            else "security.txt could not be fetched",
            collector="web",
            location=Location(evidence="ev-security-txt", url=web.source, line=2),
        ),
        Finding(
            kind="TEST-SUPPORT-DECLARED",
            provisions=("PSTI-S1-3.2",),
            effect=Effect.PASS if support is Verdict.PASS else Effect.FAIL,
            message="support period ends 2031-03-31",
            collector="declaration",
            location=Location(evidence="ev-declaration", field="support_period.end_date"),
        ),
    ]

    def pv(pid: str, title: str, cite: str, v: Verdict, idx: tuple[int, ...]) -> ProvisionVerdict:
        return ProvisionVerdict(
            provision=pid, title=title, citation=cite, verdict=v, reason=f"{v.value} on the findings", findings=idx
        )

    provisions = (
        pv("PSTI-S1-1.2", "Unique per product or defined by the user", "REGS Sch 1 para 1(2)", passwords, (0,)),
        pv("PSTI-S1-1.3.a", "Not based on incremental counters", "REGS Sch 1 para 1(3)(a)", Verdict.PASS, ()),
        pv("PSTI-S1-2.2.a", "Point of contact", "REGS Sch 1 para 2(2)(a)", reporting, (1,)),
        pv("PSTI-S1-3.2", "Defined support period published", "REGS Sch 1 para 3(2)", support, (2,)),
    )

    def rv(rid: str, title: str, cite: str, v: Verdict, provs: tuple[str, ...]) -> RequirementVerdict:
        return RequirementVerdict(
            requirement=rid,
            title=title,
            citation=cite,
            verdict=v,
            reason=f"{v.value}",
            routes=(RouteVerdict(route=rid, title=title, citation=cite, verdict=v, reason=v.value, provisions=provs),),
        )

    requirements = (
        rv("PSTI-S1-1", "Passwords", "REGS Sch 1 para 1", passwords, ("PSTI-S1-1.2", "PSTI-S1-1.3.a")),
        rv(
            "PSTI-S1-2",
            "Information on how to report security issues",
            "REGS Sch 1 para 2",
            reporting,
            ("PSTI-S1-2.2.a",),
        ),
        rv(
            "PSTI-S1-3",
            "Information on minimum security update periods",
            "REGS Sch 1 para 3",
            support,
            ("PSTI-S1-3.2",),
        ),
    )
    verdicts = [passwords, reporting, support]
    overall = (
        Verdict.FAIL
        if Verdict.FAIL in verdicts
        else Verdict.NEEDS_EVIDENCE
        if Verdict.NEEDS_EVIDENCE in verdicts
        else Verdict.PASS
    )
    d = loaded.declaration
    return Assessment(
        tool_version="0.1.0",
        regime=REGIME,
        regime_versions=("TEST-REGS-2023",),
        assessed_on=ON,
        product=ProductRef(
            name=d.product.name,
            model=d.product.model,
            manufacturer=d.manufacturer[0].name,
            declaration=str(loaded.path),
            declaration_sha256=loaded.sha256,
        ),
        scope=ScopeDecision(
            outcome="in-scope",
            summary="An internet-connectable product made available to consumers in the UK.",
            reasons=(ScopeReason(text="connects to the internet", citation="Act s.5(2)"),),
        ),
        overall=overall,
        requirements=requirements,
        provisions=provisions,
        evidence=(decl, fw, web),
        findings=tuple(findings),
        kinds=KINDS,
    )
