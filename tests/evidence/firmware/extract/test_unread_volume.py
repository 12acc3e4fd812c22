"""An unreadable volume is reported on its own, however many files the other volumes of
the image gave: a UBI image whose second volume is cut short still says so when its
first volume extracted to a full root file system."""

from __future__ import annotations

from pathlib import Path

from tests.evidence.firmware.extract.fw_extract_images import PASSWD, SHADOW, need, run

from psti.evidence.firmware.collector import ScanOptions, scan_image

LEB = 126976


def _ubifs(tree: Path, out: Path) -> Path:
    run("mkfs.ubifs", "-r", tree, "-m", "2048", "-e", str(LEB), "-c", "64", "-o", out)
    return out


def _two_volume_ubi(base: Path) -> tuple[Path, int]:
    """rootfs: 60 files with a shipped root hash; data: a second UBIFS volume. Returns the
    image and where the data volume starts (its LEBs follow the rootfs ones)."""
    good, data = base / "good", base / "data"
    (good / "etc").mkdir(parents=True)
    (data / "srv").mkdir(parents=True)
    (good / "etc" / "passwd").write_text(PASSWD)
    (good / "etc" / "shadow").write_text(SHADOW)
    for i in range(60):
        (good / "etc" / f"service{i}.conf").write_text(f"option index {i}\n")
        (data / "srv" / f"blob{i}").write_bytes(bytes(range(256)) * 40 + i.to_bytes(2, "big"))
    g, d = _ubifs(good, base / "good.ubifs"), _ubifs(data, base / "data.ubifs")
    cfg = base / "ubinize.cfg"
    cfg.write_text(f"[rootfs]\nmode=ubi\nimage={g}\nvol_id=0\nvol_type=dynamic\nvol_name=rootfs\n"
                   f"[data]\nmode=ubi\nimage={d}\nvol_id=1\nvol_type=dynamic\nvol_name=data\n")
    image = base / "two.ubi"
    run("ubinize", "-o", image, "-m", "2048", "-p", "128KiB", "-s", "2048", cfg)
    # 2 layout LEBs, then the rootfs LEBs (128 KiB physical each), then data
    return image, (2 + -(-g.stat().st_size // LEB)) * 128 * 1024


def test_a_cut_volume_is_reported_beside_a_good_one(tmp_path: Path) -> None:
    need("mkfs.ubifs", "ubinize")
    image, data_at = _two_volume_ubi(tmp_path)
    cut = tmp_path / "cut.ubi"
    cut.write_bytes(image.read_bytes()[: data_at + 3 * 128 * 1024])  # three LEBs of the data volume
    result = scan_image(cut, tmp_path / "work", ScanOptions(crack_deadline_s=5, workers=1))
    kinds = {f.kind for f in result.findings}
    assert "FW-SHADOW-HASH" in kinds  # the good volume was read: far more than a handful of files
    unread = [f for f in result.findings if f.kind == "FW-NOT-EXAMINED"]
    assert any("vol-data" in (f.location.path or "") for f in unread), [(f.message, f.location) for f in unread]

    whole = scan_image(image, tmp_path / "work2", ScanOptions(crack_deadline_s=5, workers=1))
    assert not [f for f in whole.findings if f.kind == "FW-NOT-EXAMINED"]  # both volumes read
