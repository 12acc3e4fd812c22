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


def written_date(day: dt.date) -> str:
    """The one date style of the public pages and the label: 3 December 2031."""
    return f"{day.day} {day:%B %Y}"


def label_svg(
    *, product_name: str, model: str, manufacturer: str, support_end: dt.date, lookup_url: str, narrow: bool = False
) -> str:
    ended = support_end < dt.date.today()
    line = (
        f"Security updates ended {written_date(support_end)}"
        if ended
        else f"Security updates until at least {written_date(support_end)}"
    )
    if narrow:
        return _narrow_label(product_name, model, manufacturer, support_end, lookup_url, ended, line)
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


# The phone layout: 340 px wide, so it is shown at (about) its own size on a 390 px screen
# and no text is drawn smaller than 12 px; the date has a line of its own.
NARROW_WIDTH = 340


def _narrow_label(
    product_name: str, model: str, manufacturer: str, support_end: dt.date, lookup_url: str, ended: bool, line: str
) -> str:
    colour = "#d4351c" if ended else "#00703c"
    qr = qr_svg_path(lookup_url, module=3)

    def text(y: int, size: int, content: str, extra: str = "") -> str:
        return (
            f'<text x="16" y="{y}" font-family="DejaVu Sans, Arial, sans-serif" font-size="{size}"{extra}>'
            f"{escape(content)}</text>"
        )

    lead = "Security updates ended" if ended else "Security updates until at least"
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{NARROW_WIDTH}" height="330" '
            f'viewBox="0 0 {NARROW_WIDTH} 330" role="img" aria-label="{escape(line)}">',
            f'<rect x="1" y="1" width="{NARROW_WIDTH - 2}" height="328" rx="10" fill="#fff" stroke="#0b0c0c" '
            'stroke-width="2"/>',
            text(36, 17, product_name[:30], ' font-weight="bold"'),
            text(58, 13, f"Model {model[:30]}"),
            text(78, 13, manufacturer[:36]),
            text(112, 15, lead, f' font-weight="bold" fill="{colour}"'),
            text(136, 18, written_date(support_end), f' font-weight="bold" fill="{colour}"'),
            text(166, 12, "Statement of compliance and how to"),
            text(182, 12, "report a security issue: scan the code"),
            f'<g transform="translate(16,196)">{qr}</g>',
            "</svg>",
            "",
        ]
    )
