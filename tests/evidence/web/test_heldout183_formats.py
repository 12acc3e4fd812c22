"""Formats met on held-out sets 183 onwards: template hosts left unfilled."""

from __future__ import annotations

from psti.evidence.web.pagetext import page_text
from psti.evidence.web.policy import analyse_policy


def contacts(text: str) -> list[str]:
    return analyse_policy(page_text(text.encode("utf-8"), "text/markdown")).contacts


def test_a_template_host_names_no_contact() -> None:
    template = (
        "### How to Report\n\n- **Email**: security@your-domain.com\n"
        "- **PGP Key**: [Download PGP Key](https://your-domain.com/security/pgp-key.asc)\n"
        "- **Security Team Lead**: security-lead@yourcompany.co.uk\n- **Backup**: psirt@acme.test\n"
    )
    assert contacts(template) == []
    # a real host that merely starts with "your" is a contact
    assert contacts("To report a vulnerability, email security@yourls.org.") == ["mailto:security@yourls.org"]
