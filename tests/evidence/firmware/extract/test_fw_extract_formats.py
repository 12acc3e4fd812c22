"""Extraction of each supported format, on images built here with the real tools."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.evidence.firmware.extract.fw_extract_images import (
    SHADOW,
    make_rootfs,
    need,
    run,
    squashfs,
    tar_of_rootfs,
    trx,
    uimage,
)

from psti.evidence.firmware.extract import Extraction, extract_image


def shadow_roots(ex: Extraction) -> list[Path]:
    return [r for r in ex.roots if (r / "etc/shadow").is_file()
            and (r / "etc/shadow").read_text() == SHADOW]


def assert_rootfs(ex: Extraction, *formats: str) -> None:
    assert not ex.problems, ex.problems
    assert shadow_roots(ex), f"no root with etc/shadow in {ex.roots} ({ex.formats})"
    for f in formats:
        assert f in ex.formats, ex.formats
    root = shadow_roots(ex)[0]
    assert root.is_relative_to(ex.root)
    assert ex.files >= 4 and ex.total_bytes > 0


def images_in_tar(base: Path, images: list[Path]) -> Path:
    """One tar holding several images: one extraction covers them all (keeps tests fast)."""
    out = base / "images.tar"
    run("tar", "-cf", out, "-C", base, *[p.relative_to(base) for p in images])
    return out


def test_squashfs_every_compressor(tmp_path: Path) -> None:
    comps = ["gzip", "xz", "lzo", "lz4", "zstd", "lzma"]
    images = [squashfs(tmp_path / c, c) for c in comps]
    ex = extract_image(images_in_tar(tmp_path, images), tmp_path / "wd")
    assert not ex.problems, ex.problems
    assert "squashfs_v4_le" in ex.formats
    for comp in comps:
        [root] = [r for r in shadow_roots(ex) if f"rootfs-{comp}.sqsh" in str(r)]
        assert os.readlink(root / "bin/sh") == "busybox"
        # unblob rewrites absolute links to stay inside the tree
        assert (root / "usr/bin/telnetd").resolve() == (root / "bin/busybox").resolve()


def test_tar(tmp_path: Path) -> None:
    assert_rootfs(extract_image(tar_of_rootfs(tmp_path), tmp_path / "wd"), "tar")


def test_single_compressed_tar(tmp_path: Path) -> None:
    tar = tar_of_rootfs(tmp_path)
    run("gzip", "-f", tar)
    assert_rootfs(extract_image(tar.with_suffix(".tar.gz"), tmp_path / "wd"), "gzip", "tar")


def test_every_compression(tmp_path: Path) -> None:
    tools = {"gzip": ("gz", "gzip"), "xz": ("xz", "xz"), "bzip2": ("bz2", "bzip2"),
             "lzma": ("lzma", "lzma"), "zstd": ("zst", "zstd")}
    need(*tools)
    images = []
    for tool, (suffix, _fmt) in tools.items():
        tar = tar_of_rootfs(tmp_path / tool)
        run(tool, "-q", "--rm", "-f", tar) if tool == "zstd" else run(tool, "-f", tar)
        images.append(tar.with_name(tar.name + "." + suffix))
    ex = extract_image(images_in_tar(tmp_path, images), tmp_path / "wd")
    assert not ex.problems, ex.problems
    for tool, (_suffix, fmt) in tools.items():
        assert fmt in ex.formats, ex.formats
        assert [r for r in shadow_roots(ex) if f"rootfs.tar.{_suffix}" in str(r)], tool


def test_cpio(tmp_path: Path) -> None:
    need("cpio")
    root = make_rootfs(tmp_path)
    image = tmp_path / "initramfs.cpio"
    names = "\n".join(str(p.relative_to(root)) for p in sorted(root.rglob("*"))) + "\n"
    with image.open("wb") as out:
        import subprocess

        subprocess.run(["cpio", "-o", "-H", "newc"], input=names.encode(), cwd=root,
                       stdout=out, stderr=subprocess.DEVNULL, check=True)
    ex = extract_image(image, tmp_path / "wd")
    assert_rootfs(ex)
    assert any(f.startswith("cpio") for f in ex.formats), ex.formats


def test_zip(tmp_path: Path) -> None:
    need("zip")
    root = make_rootfs(tmp_path)
    image = tmp_path / "fw.zip"
    run("zip", "-q", "-r", "-y", image, ".", cwd=root)
    assert_rootfs(extract_image(image, tmp_path / "wd"), "zip")


def test_7z(tmp_path: Path) -> None:
    need("7z")
    root = make_rootfs(tmp_path)
    image = tmp_path / "fw.7z"
    run("7z", "a", "-snl", image, ".", cwd=root)
    assert_rootfs(extract_image(image, tmp_path / "wd"), "sevenzip")


def test_ext2_ext3_ext4(tmp_path: Path) -> None:
    need("mke2fs")
    images = []
    for fs in ("ext2", "ext3", "ext4"):
        image = tmp_path / f"rootfs.{fs}"
        run("mke2fs", "-q", "-F", "-t", fs, "-d", make_rootfs(tmp_path / fs), image, "4M")
        images.append(image)
    ex = extract_image(images_in_tar(tmp_path, images), tmp_path / "wd")
    assert not ex.problems, ex.problems
    assert "extfs" in ex.formats
    for fs in ("ext2", "ext3", "ext4"):
        assert [r for r in shadow_roots(ex) if f"rootfs.{fs}" in str(r)], fs


def test_jffs2(tmp_path: Path) -> None:
    need("mkfs.jffs2")
    image = tmp_path / "rootfs.jffs2"
    run("mkfs.jffs2", "-r", make_rootfs(tmp_path), "-o", image, "-e", "128KiB", "-l")
    ex = extract_image(image, tmp_path / "wd")
    assert_rootfs(ex)
    assert any(f.startswith("jffs2") for f in ex.formats), ex.formats


def test_ubi(tmp_path: Path) -> None:
    need("mkfs.ubifs", "ubinize")
    ubifs = tmp_path / "rootfs.ubifs"
    run("mkfs.ubifs", "-r", make_rootfs(tmp_path), "-m", "2048", "-e", "126976", "-c", "64",
        "-o", ubifs)
    cfg = tmp_path / "ubinize.cfg"
    cfg.write_text(f"[rootfs]\nmode=ubi\nimage={ubifs}\nvol_id=0\nvol_type=dynamic\n"
                   "vol_name=rootfs\nvol_flags=autoresize\n")
    image = tmp_path / "fw.ubi"
    run("ubinize", "-o", image, "-m", "2048", "-p", "128KiB", "-s", "2048", cfg)
    assert_rootfs(extract_image(image, tmp_path / "wd"), "ubi", "ubifs")


def test_cramfs(tmp_path: Path) -> None:
    need("mkfs.cramfs")
    image = tmp_path / "rootfs.cramfs"
    run("mkfs.cramfs", make_rootfs(tmp_path), image)
    assert_rootfs(extract_image(image, tmp_path / "wd"), "cramfs")


def test_fat(tmp_path: Path) -> None:
    need("mkfs.vfat", "mcopy")
    root = make_rootfs(tmp_path)
    for link in [p for p in root.rglob("*") if p.is_symlink()]:
        link.unlink()  # FAT has no links
    image = tmp_path / "fw.vfat"
    run("mkfs.vfat", "-C", image, "2048")
    run("mcopy", "-s", "-i", image, *sorted(root.iterdir()), "::/")
    assert_rootfs(extract_image(image, tmp_path / "wd"), "fat")


def test_uimage_header(tmp_path: Path) -> None:
    image = tmp_path / "fw.uimage"
    image.write_bytes(uimage(squashfs(tmp_path).read_bytes()))
    ex = extract_image(image, tmp_path / "wd")
    assert_rootfs(ex, "squashfs_v4_le")
    assert ex.formats[0] == "uimage"


def test_trx_header(tmp_path: Path) -> None:
    image = tmp_path / "fw.trx"
    image.write_bytes(trx(squashfs(tmp_path, "gzip").read_bytes()))
    ex = extract_image(image, tmp_path / "wd")
    assert_rootfs(ex, "trx_v1", "squashfs_v4_le")


def test_unknown_vendor_header(tmp_path: Path) -> None:
    image = tmp_path / "fw.bin"
    image.write_bytes(os.urandom(512) + squashfs(tmp_path).read_bytes())
    assert_rootfs(extract_image(image, tmp_path / "wd"), "squashfs_v4_le")


def test_image_with_rootfs_and_web_archive(tmp_path: Path) -> None:
    """A header, a SquashFS and a gzipped tar concatenated, as many vendors ship."""
    web = tmp_path / "web"
    (web / "cgi").mkdir(parents=True)
    (web / "cgi/admin.conf").write_text("admin_password=admin123\n")
    run("tar", "-czf", tmp_path / "web.tgz", "-C", web, ".")
    image = tmp_path / "fw.bin"
    image.write_bytes(os.urandom(64) + squashfs(tmp_path).read_bytes()
                      + (tmp_path / "web.tgz").read_bytes())
    ex = extract_image(image, tmp_path / "wd")
    assert_rootfs(ex, "squashfs_v4_le", "gzip", "tar")
    assert ex.formats.index("squashfs_v4_le") < ex.formats.index("tar")
    assert list(ex.root.rglob("cgi/admin.conf"))


def test_sasquatch_shim_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no sasquatch on PATH, psti's own shim still gets SquashFS extracted."""
    need("unsquashfs")
    image = squashfs(tmp_path)
    bare = ":".join(d for d in ("/usr/bin", "/bin") if Path(d).is_dir())
    assert shutil.which("sasquatch", path=bare) is None
    monkeypatch.setenv("PATH", bare)
    ex = extract_image(image, tmp_path / "wd")
    assert_rootfs(ex, "squashfs_v4_le")
    assert (tmp_path / "wd/meta/bin/sasquatch").is_file()
