from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import builders as b
import pytest
from PIL import Image
from tests.chromium import needs_chromium, screenshot

from psti.documents.label import (
    GREEN,
    RED,
    ROWS,
    TEXT_X,
    H,
    LabelData,
    W,
    label_from_assessment,
    qr_matrix,
    render_png,
    render_svg,
)
from psti.model import Verdict

URL = "https://brightlane.example/psti/bl-cam-200"


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))


def circle_colours(png: bytes, scale: int) -> list[tuple[int, int, int]]:
    img = Image.open(io.BytesIO(png)).convert("RGB")
    # sample inside each status circle, away from the tick/cross strokes
    return [img.getpixel(((TEXT_X + 15 - 11) * scale, y * scale)) for _, _, y in ROWS]


def test_label_from_assessment_reflects_the_verdicts():
    loaded = b.declaration()
    ok = label_from_assessment(b.assessment(loaded), dt.date(2031, 3, 31), URL)
    assert ok.passwords_ok and ok.reporting_ok
    bad = label_from_assessment(
        b.assessment(loaded, passwords=Verdict.FAIL, reporting=Verdict.NEEDS_EVIDENCE), None, URL
    )
    assert not bad.passwords_ok and not bad.reporting_ok
    assert bad.updates_line == "Security updates: period not published"


def test_svg_is_well_formed_and_says_what_it_must():
    data = LabelData("Brightlane Indoor Camera (BL-CAM-200)", True, False, dt.date(2031, 3, 31), URL)
    svg = render_svg(data)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Security updates until 31 March 2031" in texts
    assert "No universal default passwords" in texts
    circles = [c.get("fill") for c in root.iter("{http://www.w3.org/2000/svg}circle")]
    assert circles == [GREEN, RED]
    # the QR path draws exactly the dark modules of the URL's QR code
    dark = sum(sum(row) for row in qr_matrix(URL))
    qr_path = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("shape-rendering")][0]
    from psti.documents.label import QR_BOX

    cell = QR_BOX[2] / len(qr_matrix(URL))
    runs = re.findall(r"h([0-9.]+)v", qr_path.get("d"))
    assert round(sum(float(w) for w in runs) / cell) == dark
    assert "DRAFT" not in svg


def test_png_draws_the_same_verdicts():
    for pw, rp in ((True, True), (False, True), (True, False)):
        png = render_png(LabelData("P (M)", pw, rp, dt.date(2031, 3, 31), URL), scale=2)
        img = Image.open(io.BytesIO(png))
        assert img.size == (W * 2, H * 2)
        got = circle_colours(png, 2)
        assert got == [rgb(GREEN if pw else RED), rgb(GREEN if rp else RED)]


def test_png_qr_code_matches_the_url():
    scale = 2
    png = render_png(LabelData("P (M)", True, True, None, URL), scale=scale)
    img = Image.open(io.BytesIO(png)).convert("L")
    from psti.documents.label import QR_BOX

    x0, y0, size = QR_BOX
    m = qr_matrix(URL)
    cell = size * scale / len(m)
    for r in range(len(m)):
        for c in range(len(m)):
            px = img.getpixel((int(x0 * scale + (c + 0.5) * cell), int(y0 * scale + (r + 0.5) * cell)))
            assert (px < 128) == m[r][c], (r, c)


@pytest.mark.browser
@needs_chromium
def test_svg_renders_in_chromium(tmp_path):
    data = LabelData("Brightlane Indoor Camera (BL-CAM-200)", False, True, dt.date(2031, 3, 31), URL)
    (tmp_path / "label.svg").write_text(render_svg(data))
    shot = tmp_path / "shot.png"
    screenshot((tmp_path / "label.svg").as_uri(), shot, W, H)
    img = Image.open(shot).convert("RGB")
    colours = [img.getpixel((TEXT_X + 15 - 11, y)) for _, _, y in ROWS]
    assert colours == [rgb(RED), rgb(GREEN)]


def zbar(png_path) -> list[str]:
    r = subprocess.run(["zbarimg", "-q", "--raw", str(png_path)], capture_output=True, text=True, timeout=60)
    return r.stdout.split()


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbar-tools not installed")
def test_png_qr_code_scans_to_the_online_statement(tmp_path):
    path = tmp_path / "label.png"
    path.write_bytes(render_png(LabelData("P (M)", True, True, dt.date(2031, 3, 31), URL), scale=1))
    assert zbar(path) == [URL]


@pytest.mark.browser
@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("chromium")), reason="needs zbar and chromium")
def test_svg_qr_code_scans_in_the_browser(tmp_path):
    (tmp_path / "label.svg").write_text(render_svg(LabelData("P (M)", False, False, None, URL)))
    shot = tmp_path / "shot.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--window-size={W},{H}",
                f"--screenshot={shot}",
                (tmp_path / "label.svg").as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=90,
        )
    assert zbar(shot) == [URL]
