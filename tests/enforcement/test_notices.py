"""Notices rendered from templates and checked for the Act's required content."""

from __future__ import annotations

from pathlib import Path

import pytest

from psti.enforcement.notices import NoticeRefused, render
from psti.enforcement.workflow import load_workflow

BASE = {
    "reference": "PSTI-2026-0001-CN001",
    "case_reference": "PSTI-2026-0001",
    "recipient": {"name": "Acme Devices Ltd", "role": "manufacturer", "address": "1 High St"},
    "product": "CamX X1",
    "dated": "2026-03-13",
    "given_at": "2026-03-13T09:00",
    "service_basis": "s.50(8)",
    "signatory": "A. Officer",
    "breach": "universal default password",
    "reasons": "admin/admin on all units",
    "requirement": "Give every unit a unique password",
    "compliance_by": "2026-04-09",
    "consequences": "an offence under s.32",
    "appeal_by": "2026-04-09",
    "appeal_days": 28,
}


def test_compliance_notice_text_has_every_required_part() -> None:
    r = render("compliance", {**BASE, "steps": ["Withdraw stock", "Publish a fix"]})
    text = r.text
    for heading in (
        "Reasons for this notice",
        "What you must do",
        "Period for compliance",
        "If you do not comply",
        "How to appeal",
    ):
        assert f"## {heading}" in text
    assert "section 28" in text and "admin/admin on all units" in text and "by 2026-04-09" in text
    assert "1. Withdraw stock" in text and "First-tier" in text and "s.33(8)" in text
    assert len(r.sha256) == 64


@pytest.mark.parametrize("missing", ["reasons", "consequences", "appeal_by", "requirement", "compliance_by"])
def test_compliance_notice_missing_content_refused(missing: str) -> None:
    with pytest.raises(NoticeRefused) as e:
        render("compliance", {**BASE, missing: ""})
    cite = {
        "reasons": "s.28(3)(a)",
        "consequences": "s.28(3)(b)",
        "appeal_by": "s.28(3)(c)",
        "requirement": "s.28(2)",
        "compliance_by": "s.28(2)",
    }[missing]
    assert cite in str(e.value) and missing in str(e.value)


def test_recall_notice_needs_all_three_s30_conditions() -> None:
    ctx = {**BASE, "supplied_to_customers": "12,000 sold", "action_inadequate": "no recall started"}
    with pytest.raises(NoticeRefused, match=r"s.30\(1\)\(c\)"):
        render("recall", ctx)
    text = render("recall", {**ctx, "other_powers_insufficient": "units already in homes"}).text
    assert "## Arrangements for return" in text and "units already in homes" in text


def test_penalty_notice_lists_s39_content() -> None:
    ctx = {
        **BASE,
        "amount": "250,000.00",
        "relevant_maximum": "10,000,000.00",
        "cap_basis": "no period",
        "how_to_pay": "bank transfer",
        "pay_by": "2026-04-09",
        "pay_days": 28,
        "factors": [{"id": "effects-of-breach", "text": "many homes"}],
    }
    text = render("penalty", ctx).text
    for heading in (
        "Reasons for this penalty",
        "Amount of the penalty",
        "How to pay",
        "Period for payment",
        "How to appeal",
        "If you do not pay",
    ):
        assert f"## {heading}" in text
    assert "£250,000.00" in text and "effects-of-breach: many homes" in text
    with pytest.raises(NoticeRefused, match=r"s.39\(3\)\(c\)"):
        render("penalty", {**ctx, "how_to_pay": " " * 0})


def test_template_without_a_required_section_is_refused(tmp_path: Path) -> None:
    # An authority's own template that drops the appeal section must not produce a notice.
    (tmp_path / "compliance.txt.j2").write_text(
        '{% extends "_base.txt.j2" %}{% block body %}\n## Reasons for this notice\n{{ reasons }}\n'
        "## What you must do\n{{ requirement }}\n## Period for compliance\n{{ compliance_by }}\n"
        "## If you do not comply\n{{ consequences }}\n{% endblock %}\n"
    )
    with pytest.raises(NoticeRefused, match=r"without the required section\(s\) 'How to appeal'"):
        render("compliance", BASE, templates=tmp_path)


def test_every_notice_kind_has_a_template_that_renders_its_required_headings() -> None:
    wf = load_workflow()
    for nk in wf.notices:
        ctx = {**BASE, **{r.field: "x" for r in nk.required}, **{c.field: "y" for c in nk.conditions}}
        text = render(nk.kind, ctx).text
        assert all(f"## {r.heading}" in text for r in nk.required), nk.kind
