"""The consumer label: a shield with a tick or a cross for the password (Sch 1 para 1)
and reporting (para 2) requirements, the support period's end, and a QR code to the
online statement. SVG for print and web, PNG for listings; both drawn from one layout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from html import escape
from io import BytesIO
from pathlib import Path

import qrcode
import qrcode.constants
from PIL import Image, ImageDraw, ImageFont

from psti.documents.templating import long_date
from psti.model import Assessment, Verdict

PASSWORDS = "PSTI-S1-1"
REPORTING = "PSTI-S1-2"
SUPPORT = "PSTI-S1-3"

W, H = 720, 340
NAVY, GREEN, RED, INK, PAPER = "#14315c", "#1b7f3b", "#b3261e", "#1a1a1a", "#ffffff"
SHIELD = "M60 34 L112 52 L112 104 C112 140 90 164 60 178 C30 164 8 140 8 104 L8 52 Z"
_FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


@dataclass(frozen=True)
class LabelData:
    product: str
    passwords_ok: bool
    reporting_ok: bool
    updates_until: dt.date | None
    url: str | None
    draft: bool = False

    @property
    def updates_line(self) -> str:
        if self.updates_until is None:
            return "Security updates: period not published"
        return f"Security updates until {long_date(self.updates_until)}"


def label_from_assessment(
    assessment: Assessment, updates_until: dt.date | None, url: str | None, draft: bool = False
) -> LabelData:
    verdicts = {r.requirement: r.verdict for r in assessment.requirements}
    return LabelData(
        product=f"{assessment.product.name} ({assessment.product.model})",
        passwords_ok=verdicts.get(PASSWORDS) in (Verdict.PASS, Verdict.NOT_APPLICABLE),
        reporting_ok=verdicts.get(REPORTING) is Verdict.PASS,
        updates_until=updates_until,
        url=url,
        draft=draft,
    )


@cache
def _qr(url: str) -> tuple[tuple[bool, ...], ...]:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(url)
    qr.make(fit=True)
    return tuple(tuple(row) for row in qr.get_matrix())


def qr_matrix(url: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), without the quiet zone; medium error correction."""
    return [list(row) for row in _qr(url)]


# Layout shared by SVG and PNG (pixels).
ROWS = (
    (PASSWORDS, "No universal default passwords", 118),
    (REPORTING, "A way to report security issues", 164),
)
QR_BOX = (562, 30, 136)  # x, y, size
SHIELD_AT = (14, 8)
TEXT_X = 150
BAND = (14, 226, W - 28, 62)  # x, y, width, height
FOOTER = "Under the UK Product Security and Telecommunications Infrastructure Act 2022, Part 1"


def _rows(data: LabelData) -> list[tuple[str, bool, int]]:
    oks = {PASSWORDS: data.passwords_ok, REPORTING: data.reporting_ok}
    return [(text, oks[rid], y) for rid, text, y in ROWS]


def render_svg(data: LabelData) -> str:
    font = 'font-family="DejaVu Sans, Arial, sans-serif"'
    both = data.passwords_ok and data.reporting_ok
    mark = (
        '<path d="M36 104 L54 124 L86 84" fill="none" stroke="#fff" stroke-width="10" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
        if both
        else '<path d="M42 86 L78 122 M78 86 L42 122" stroke="#fff" stroke-width="10" stroke-linecap="round"/>'
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
        f'role="img" aria-label="{escape(_alt(data))}">',
        f"<title>{escape(_alt(data))}</title>",
        f'<rect x="1" y="1" width="{W - 2}" height="{H - 2}" rx="14" fill="{PAPER}" stroke="{NAVY}" stroke-width="2"/>',
        f'<g transform="translate({SHIELD_AT[0]} {SHIELD_AT[1]})"><path d="{SHIELD}" fill="{NAVY}"/>{mark}</g>',
        f'<text x="{TEXT_X}" y="48" {font} font-size="22" font-weight="bold" fill="{NAVY}">Product security</text>',
        f'<text x="{TEXT_X}" y="76" {font} font-size="14" fill="{INK}">{escape(_clip(data.product, 46))}</text>',
    ]
    for text, ok, y in _rows(data):
        colour = GREEN if ok else RED
        cx = TEXT_X + 15
        sign = (
            f'<path d="M{cx - 7} {y + 1} l6 7 l12 -14" fill="none" stroke="#fff" '
            'stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>'
            if ok
            else f'<path d="M{cx - 6} {y - 6} l12 12 m0 -12 l-12 12" stroke="#fff" '
            'stroke-width="3.5" stroke-linecap="round"/>'
        )
        parts += [
            f'<circle cx="{cx}" cy="{y}" r="15" fill="{colour}"/>',
            sign,
            f'<text x="{TEXT_X + 42}" y="{y + 6}" {font} font-size="17" fill="{INK}">{escape(text)}</text>',
        ]
    bx, by, bw, bh = BAND
    parts.append(f'<rect x="{bx}" y="{by}" width="{bw}" height="{bh}" rx="8" fill="{NAVY}"/>')
    parts.append(
        f'<text x="{W / 2}" y="{by + bh / 2 + 8}" text-anchor="middle" {font} font-size="23" '
        f'font-weight="bold" fill="#fff">{escape(data.updates_line)}</text>'
    )
    if data.url:
        x0, y0, size = QR_BOX
        m = qr_matrix(data.url)
        cell = size / len(m)
        path = []
        for r, row in enumerate(m):
            c = 0
            while c < len(row):
                if row[c]:
                    start = c
                    while c < len(row) and row[c]:
                        c += 1
                    path.append(
                        f"M{x0 + start * cell:.2f} {y0 + r * cell:.2f}h{(c - start) * cell:.2f}"
                        f"v{cell:.2f}h{-(c - start) * cell:.2f}z"
                    )
                else:
                    c += 1
        parts.append(f'<path d="{"".join(path)}" fill="{INK}" shape-rendering="crispEdges"/>')
        parts.append(
            f'<text x="{x0 + size / 2}" y="{y0 + size + 18}" text-anchor="middle" {font} '
            f'font-size="11" fill="{INK}">Statement of compliance</text>'
        )
    parts.append(
        f'<text x="{W / 2}" y="{H - 16}" text-anchor="middle" {font} font-size="11" fill="{INK}">{FOOTER}</text>'
    )
    if data.draft:
        parts.append(
            f'<text x="{W / 2}" y="{H / 2 + 38}" text-anchor="middle" {font} font-size="120" '
            'font-weight="bold" fill="#b3261e" fill-opacity="0.25" '
            f'transform="rotate(-18 {W / 2} {H / 2})">DRAFT</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _FONT_PATHS[0] if bold else _FONT_PATHS[1]
    if Path(path).exists():
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def render_png(data: LabelData, scale: int = 2) -> bytes:
    """The same layout drawn with Pillow, at `scale` times the SVG's pixel size."""
    s = scale

    def p(x: float, y: float) -> tuple[float, float]:
        return (x * s, y * s)

    img = Image.new("RGB", (W * s, H * s), PAPER)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((*p(1, 1), *p(W - 1, H - 1)), radius=14 * s, outline=NAVY, width=2 * s)
    sx, sy = SHIELD_AT
    shield = [(60, 34), (112, 52), (112, 104), (100, 140), (60, 178), (20, 140), (8, 104), (8, 52)]
    d.polygon([p(x + sx, y + sy) for x, y in shield], fill=NAVY)
    if data.passwords_ok and data.reporting_ok:
        d.line(
            [p(36 + sx, 104 + sy), p(54 + sx, 124 + sy), p(86 + sx, 84 + sy)],
            fill="#fff",
            width=10 * s,
            joint="curve",
        )
    else:
        d.line([p(42 + sx, 86 + sy), p(78 + sx, 122 + sy)], fill="#fff", width=10 * s)
        d.line([p(78 + sx, 86 + sy), p(42 + sx, 122 + sy)], fill="#fff", width=10 * s)
    d.text(p(TEXT_X, 48), "Product security", font=_font(22 * s, True), fill=NAVY, anchor="ls")
    d.text(p(TEXT_X, 76), _clip(data.product, 46), font=_font(14 * s), fill=INK, anchor="ls")
    w = int(3.5 * s)
    for text, ok, y in _rows(data):
        cx = TEXT_X + 15
        d.ellipse((*p(cx - 15, y - 15), *p(cx + 15, y + 15)), fill=GREEN if ok else RED)
        if ok:
            d.line(
                [p(cx - 7, y + 1), p(cx - 1, y + 8), p(cx + 11, y - 6)],
                fill="#fff",
                width=w,
                joint="curve",
            )
        else:
            d.line([p(cx - 6, y - 6), p(cx + 6, y + 6)], fill="#fff", width=w)
            d.line([p(cx + 6, y - 6), p(cx - 6, y + 6)], fill="#fff", width=w)
        d.text(p(TEXT_X + 42, y + 6), text, font=_font(17 * s), fill=INK, anchor="ls")
    bx, by, bw, bh = BAND
    d.rounded_rectangle((*p(bx, by), *p(bx + bw, by + bh)), radius=8 * s, fill=NAVY)
    d.text(p(W / 2, by + bh / 2), data.updates_line, font=_font(23 * s, True), fill="#fff", anchor="mm")
    if data.url:
        x0, y0, size = QR_BOX
        m = qr_matrix(data.url)
        cell = size / len(m)
        for r, row in enumerate(m):
            for c, on in enumerate(row):
                if on:
                    a, b = p(x0 + c * cell, y0 + r * cell)
                    e, f = p(x0 + (c + 1) * cell, y0 + (r + 1) * cell)
                    d.rectangle((round(a), round(b), round(e) - 1, round(f) - 1), fill=INK)
        d.text(
            p(x0 + size / 2, y0 + size + 18),
            "Statement of compliance",
            font=_font(11 * s),
            fill=INK,
            anchor="ms",
        )
    d.text(p(W / 2, H - 16), FOOTER, font=_font(11 * s), fill=INK, anchor="ms")
    if data.draft:
        overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
        od = ImageDraw.Draw(overlay)
        od.text(p(W / 2, H / 2), "DRAFT", font=_font(120 * s, True), fill=(179, 38, 30, 70), anchor="mm")
        overlay = overlay.rotate(18, center=p(W / 2, H / 2))
        img = Image.alpha_composite(img.convert("RGBA"), overlay).convert("RGB")
    out = BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _alt(data: LabelData) -> str:
    pw = "no universal default passwords" if data.passwords_ok else "password requirement not met"
    rp = "a way to report security issues" if data.reporting_ok else "reporting requirement not met"
    return f"Product security label: {pw}; {rp}; {data.updates_line}"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def qr_svg(url: str, size: int = 120) -> str:
    """A standalone QR code as SVG (for pages that link to the statement)."""
    m = qr_matrix(url)
    n = len(m) + 8  # quiet zone of four modules
    rects = "".join(
        f'<rect x="{c + 4}" y="{r + 4}" width="1" height="1"/>'
        for r, row in enumerate(m)
        for c, on in enumerate(row)
        if on
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" width="{size}" '
        f'height="{size}" shape-rendering="crispEdges"><rect width="{n}" height="{n}" fill="#fff"/>'
        f'<g fill="#000">{rects}</g></svg>'
    )
