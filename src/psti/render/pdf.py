"""PDF report: the HTML report printed by weasyprint (same content, print CSS)."""

from __future__ import annotations

from psti.documents.templating import html_to_pdf
from psti.model import Assessment
from psti.render import html


def render(assessment: Assessment) -> bytes:
    return html_to_pdf(html.render(assessment))
