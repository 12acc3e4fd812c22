"""Real firmware from the shared data folder, and Intel HEX images."""

from __future__ import annotations

import gzip
from pathlib import Path

from tests.evidence.firmware.extract.fw_extract_images import intel_hex, tar_of_rootfs

from psti.evidence.firmware.extract import (
    COULD_NOT_EXTRACT,
    LIMIT_REACHED,
    TRUNCATED,
    UNKNOWN_FORMAT,
    Limits,
    extract_image,
)


def test_arduino_intel_hex_is_decoded_to_the_flash_image(shared_data: Path, tmp_path: Path) -> None:
    dvid = shared_data / "firmware/dvid_arduino"
    hexfile = dvid / "hardcodedPassword_hardcodedPassword.ino.with_bootloader.arduino_standard.hex"
    ex = extract_image(hexfile, tmp_path / "wd")
    assert ex.formats == ["ihex"] and not ex.problems and ex.roots == []
    [binary] = [p for p in ex.root.rglob("*") if p.is_file()]
    # DVID ships the same firmware as a raw dump: the decoding must match it byte for byte
    assert binary.read_bytes() == (dvid / "hardcodedPassword_test.bin").read_bytes()
    assert b"sup3rp4ssw0rd" in binary.read_bytes()


def test_vendor_esp8266_image_is_a_monolithic_binary(shared_data: Path, tmp_path: Path) -> None:
    image = (shared_data / "firmware/esp8266_vendor_at_firmware"
             / "Ai-Thinker_ESP8266_DOUT_8Mbit_v1.5.4.1-a_20171130.bin")
    ex = extract_image(image, tmp_path / "wd")
    assert [p.kind for p in ex.problems] == [UNKNOWN_FORMAT]
    assert "scan the image itself" in ex.problems[0].message


def test_iotgoat_overlay_directory_is_used_in_place(shared_data: Path, tmp_path: Path) -> None:
    overlay = shared_data / "firmware/owasp_iotgoat/rootfs_overlay"
    ex = extract_image(overlay, tmp_path / "wd")
    assert ex.roots == [overlay.resolve()] and not ex.problems
    assert (ex.roots[0] / "etc/shadow").is_file()


def test_intel_hex_holding_an_archive_is_extracted_further(tmp_path: Path) -> None:
    payload = gzip.compress(tar_of_rootfs(tmp_path).read_bytes())
    image = tmp_path / "fw.hex"
    image.write_text(intel_hex(payload, base=0x08000000))  # STM32 flash base
    ex = extract_image(image, tmp_path / "wd")
    assert ex.formats[:3] == ["ihex", "gzip", "tar"], ex.formats
    assert ex.roots and (ex.roots[0] / "etc/shadow").is_file()


def test_damaged_intel_hex(tmp_path: Path) -> None:
    good = intel_hex(b"firmware " * 100)
    bad = tmp_path / "bad.hex"
    bad.write_text(good.replace(good.splitlines()[3], good.splitlines()[3][:-2] + "00", 1))
    assert [p.kind for p in extract_image(bad, tmp_path / "w1").problems] == [COULD_NOT_EXTRACT]
    cut = tmp_path / "cut.hex"
    cut.write_text(intel_hex(b"firmware " * 100, eof=False))
    ex = extract_image(cut, tmp_path / "w2")
    assert [p.kind for p in ex.problems] == [TRUNCATED] and ex.files == 1


def test_intel_hex_address_span_is_bounded(tmp_path: Path) -> None:
    """Two records 3 GiB apart would decode to 3 GiB: refused before allocating it."""
    image = tmp_path / "span.hex"
    image.write_text(intel_hex(b"low", 0, eof=False) + intel_hex(b"high", 0xC0000000))
    ex = extract_image(image, tmp_path / "wd", Limits(max_file_bytes=1024**2))
    assert [p.kind for p in ex.problems] == [LIMIT_REACHED] and ex.files == 0
