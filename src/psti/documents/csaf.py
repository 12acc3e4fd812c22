"""The CSAF 2.0 security advisory (OASIS CSAF 2.0, category csaf_security_advisory) a
manufacturer publishes for a resolved vulnerability report."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from psti import __version__

if TYPE_CHECKING:
    from psti.store.models import VulnerabilityReport


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


def csaf(report: VulnerabilityReport, base_url: str) -> dict[str, Any]:
    """A CSAF 2.0 security advisory for a report whose advisory is published."""
    org = report.organisation
    product = report.product
    published = _aware(report.advisory_published_at)
    assert published is not None
    stamp = published.strftime("%Y-%m-%dT%H:%M:%SZ")
    product_id = f"PSTI-{product.public_id[:8]}" if product else "PSTI-ALL"
    product_name = f"{product.name} {product.model}" if product else f"{org.name} products"
    vuln: dict[str, Any] = {
        "title": report.title,
        "notes": [{"category": "summary", "text": report.advisory_summary}],
        "product_status": {"known_affected": [product_id]},
        "remediations": [
            {
                "category": "vendor_fix",
                "details": report.advisory_summary,
                "product_ids": [product_id],
            }
        ],
    }
    if report.cve:
        vuln["cve"] = report.cve
    return {
        "document": {
            "category": "csaf_security_advisory",
            "csaf_version": "2.0",
            "title": report.title,
            "lang": "en",
            "publisher": {
                "category": "vendor",
                "name": org.name,
                "namespace": f"{base_url}/manufacturers/{org.slug}",
            },
            "tracking": {
                "id": f"PSTI-{report.public_id[:12].upper()}",
                "status": "final",
                "version": "1",
                "initial_release_date": stamp,
                "current_release_date": stamp,
                "revision_history": [{"number": "1", "date": stamp, "summary": "Initial release"}],
                "generator": {"engine": {"name": "psti", "version": __version__}},
            },
            "notes": [{"category": "summary", "text": report.advisory_summary}],
        },
        "product_tree": {
            "branches": [
                {
                    "category": "vendor",
                    "name": org.name,
                    "branches": [
                        {
                            "category": "product_name",
                            "name": product_name,
                            "product": {"product_id": product_id, "name": product_name},
                        }
                    ],
                }
            ]
        },
        "vulnerabilities": [vuln],
    }
