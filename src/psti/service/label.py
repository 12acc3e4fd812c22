"""The product label: an SVG card with the support end date and a QR code to the look-up page."""

from __future__ import annotations

import datetime as dt
from html import escape

import qrcode
import qrcode.constants


def qr_svg_path(url: str, module: int = 3) -> str:
    """The QR code as one SVG path, `module` pixels per module (drawn, so it scales crisply)."""
    qr = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(url)
    qr.make(fit=True)
    parts = []
    for y, row in enumerate(qr.get_matrix()):
        for x, dark in enumerate(row):
            if dark:
                parts.append(f"M{x * module},{y * module}h{module}v{module}h-{module}z")
    return f'<path fill="#0b0c0c" d="{"".join(parts)}"/>'


def label_svg(*, product_name: str, model: str, manufacturer: str, support_end: dt.date, lookup_url: str) -> str:
    ended = support_end < dt.date.today()
    line = (
        f"Security updates ended {support_end:%d %B %Y}"
        if ended
        else f"Security updates until at least {support_end:%d %B %Y}"
    )
    qr = qr_svg_path(lookup_url)
    colour = "#d4351c" if ended else "#00703c"

    def text(y: int, size: int, content: str, extra: str = "") -> str:
        return (
            f'<text x="20" y="{y}" font-family="DejaVu Sans, Arial, sans-serif" font-size="{size}"{extra}>'
            f"{escape(content)}</text>"
        )

    return "\n".join(
        [
            '<svg xmlns="http://www.w3.org/2000/svg" width="680" height="200" viewBox="0 0 680 200" role="img"'
            f' aria-label="{escape(line)}">',
            '<rect x="1" y="1" width="678" height="198" rx="10" fill="#fff" stroke="#0b0c0c" stroke-width="2"/>',
            text(38, 20, product_name[:40], ' font-weight="bold"'),
            text(62, 14, f"Model {model[:40]} · {manufacturer[:40]}"),
            text(112, 17, line, f' font-weight="bold" fill="{colour}"'),
            text(140, 12, "Statement of compliance and how to report a security issue:"),
            text(158, 11, lookup_url[:70]),
            f'<g transform="translate(545,40)">{qr}</g>',
            "</svg>",
            "",
        ]
    )
