"""The SquashFS fast path: unsquashfs directly, unblob only on files that look like containers."""

from __future__ import annotations

import gzip
import json
import lzma
import os
import stat
import tarfile
from pathlib import Path

import pytest
from tests.evidence.firmware.extract.fw_extract_images import (
    add_member,
    make_rootfs,
    need,
    run,
    uimage,
)
from tests.evidence.firmware.extract.test_fw_extract_safety import extract_isolated, kinds

from psti.evidence.firmware.extract import (
    HARDLINK_ESCAPE,
    LIMIT_REACHED,
    SYMLINK_ESCAPE,
    Extraction,
    Limits,
    extract_image,
)
from psti.evidence.firmware.extract.containers import container_kind, has_embedded_format


def mksquashfs(root: Path, out: Path) -> Path:
    need("mksquashfs", "unsquashfs")
    run("mksquashfs", root, out, "-noappend", "-all-root", "-no-progress", "-quiet")
    return out


def fast_path_taken(work: Path) -> bool:
    return (work / "meta/unsquashfs.log").is_file()


def unblob_targets(work: Path) -> list[str]:
    """Files the fast path handed to unblob (none if unblob did not run)."""
    spec = work / "meta/spec.json"
    if not spec.is_file():
        return []
    return [Path(p).name for p, _depth in json.loads(spec.read_text())["targets"] or []]


@pytest.fixture(scope="module")
def nested_rootfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A root filesystem holding a web tar.gz, an inner SquashFS, an xz'd config, programs."""
    base = tmp_path_factory.mktemp("nested")
    root = make_rootfs(base)
    web = base / "web"
    (web / "cgi").mkdir(parents=True)
    (web / "cgi/admin.conf").write_text("admin_password=admin123\n")
    run("tar", "-czf", root / "www/web.tar.gz", "-C", web, ".")
    inner = base / "inner"
    (inner / "etc").mkdir(parents=True)
    (inner / "etc/shadow").write_text("support:$1$abc$0123456789abcdefghijkl:1::::::\n")
    mksquashfs(inner, root / "usr/overlay.sqsh")
    (root / "etc/backup.conf.xz").write_bytes(lzma.compress(b"wifi_key=hunter22\n"))
    (root / "usr/share").mkdir(parents=True)
    (root / "usr/share/changes.gz").write_bytes(gzip.compress(b"release notes\n" * 50))
    for i in range(30):  # programs and text: leaves, never given to unblob
        (root / f"usr/bin/tool{i}").write_bytes(b"\x7fELF" + os.urandom(2000))
        (root / f"etc/conf{i}").write_text(f"option{i}=1\n")
    return root


def assert_nested_found(ex: Extraction) -> None:
    assert ex.roots, ex.formats
    assert list(ex.root.rglob("cgi/admin.conf")), "tar.gz inside the rootfs not opened"
    assert any((r / "etc/shadow").read_text().startswith("support:") for r in ex.roots
               if (r / "etc/shadow").is_file()), "inner SquashFS not opened"
    [conf] = list(ex.root.rglob("backup.conf"))
    assert conf.read_text() == "wifi_key=hunter22\n"
    for fmt in ("squashfs_v4_le", "gzip", "xz", "tar"):
        assert fmt in ex.formats, ex.formats


def test_plain_squashfs_takes_the_fast_path(tmp_path: Path, nested_rootfs: Path) -> None:
    image = mksquashfs(nested_rootfs, tmp_path / "fw.sqsh")
    work = tmp_path / "wd"
    ex = extract_image(image, work)
    assert fast_path_taken(work)
    assert ex.formats[0] == "squashfs_v4_le"
    assert not ex.problems, ex.problems
    assert_nested_found(ex)
    # the rootfs is the best root; unblob only saw the containers, not the 60 leaves
    assert (ex.roots[0] / "etc/passwd").is_file() and (ex.roots[0] / "usr/bin/tool0").is_file()
    assert sorted(unblob_targets(work)) == ["overlay.sqsh", "web.tar"]
    # gzip and xz were decompressed in place; an absolute link now points inside the tree
    assert list(ex.root.rglob("changes.gz_extract/changes"))
    telnetd = ex.roots[0] / "usr/bin/telnetd"
    assert telnetd.is_symlink() and telnetd.resolve() == (ex.roots[0] / "bin/busybox").resolve()


@pytest.mark.parametrize("wrap", ["uimage", "unknown-header"])
def test_header_and_squashfs_take_the_fast_path(
    tmp_path: Path, nested_rootfs: Path, wrap: str
) -> None:
    data = mksquashfs(nested_rootfs, tmp_path / "fw.sqsh").read_bytes()
    image = tmp_path / "fw.bin"
    header = b"\x01VND" + os.urandom(508)  # an unknown vendor header (no known magic)
    image.write_bytes(uimage(data) if wrap == "uimage" else header + data)
    work = tmp_path / "wd"
    ex = extract_image(image, work)
    assert fast_path_taken(work)
    if wrap == "uimage":
        assert ex.formats[:2] == ["uimage", "squashfs_v4_le"], ex.formats
    assert not ex.problems, ex.problems
    assert_nested_found(ex)
    assert "0-" not in " ".join(unblob_targets(work)), "a bare header was given to unblob"


def test_data_around_the_squashfs_is_searched(tmp_path: Path, nested_rootfs: Path) -> None:
    """A kernel-sized region before the SquashFS and an archive after it go to unblob."""
    data = mksquashfs(nested_rootfs, tmp_path / "fw.sqsh").read_bytes()
    extra = tmp_path / "extra"
    (extra / "etc").mkdir(parents=True)
    (extra / "etc/extra.conf").write_text("extra=1\n")
    run("tar", "-czf", tmp_path / "extra.tgz", "-C", extra, ".")
    kernel = b"\x00" * 100 + os.urandom(8000)
    image = tmp_path / "fw.bin"
    image.write_bytes(kernel + data + (tmp_path / "extra.tgz").read_bytes())
    work = tmp_path / "wd"
    ex = extract_image(image, work)
    assert fast_path_taken(work)
    assert_nested_found(ex)
    assert list(ex.root.rglob("etc/extra.conf"))
    assert len([t for t in unblob_targets(work) if t.endswith(".unknown")]) == 2


def test_archive_embedded_in_a_large_file_is_found(tmp_path: Path) -> None:
    root = make_rootfs(tmp_path)
    payload = tmp_path / "payload"
    (payload / "etc").mkdir(parents=True)
    (payload / "etc/embedded.conf").write_text("embedded=1\n")
    run("tar", "-czf", tmp_path / "p.tgz", "-C", payload, ".")
    blob = os.urandom(1 << 20) + (tmp_path / "p.tgz").read_bytes() + os.urandom(4096)
    (root / "usr/firmware.bin").write_bytes(blob)
    (root / "usr/noise.bin").write_bytes(os.urandom(1 << 20))
    assert has_embedded_format(root / "usr/firmware.bin")
    work = tmp_path / "wd"
    ex = extract_image(mksquashfs(root, tmp_path / "fw.sqsh"), work)
    assert fast_path_taken(work)
    assert list(ex.root.rglob("etc/embedded.conf")), ex.formats
    assert "firmware.bin" in unblob_targets(work)


def test_container_magics() -> None:
    assert container_kind(b"\x1f\x8b\x08\x00") == "gzip"
    assert container_kind(b"hsqs" + bytes(100)) == "squashfs"
    assert container_kind(bytes(257) + b"ustar\x0000") == "tar"
    assert container_kind(bytes(0x438) + b"\x53\xef") == "ext"
    fat = bytearray(512)
    fat[0:3], fat[0x36:0x39], fat[510:512] = b"\xeb\x3c\x90", b"FAT", b"\x55\xaa"
    assert container_kind(bytes(fat)) == "fat"
    assert container_kind(b"\x7fELF" + bytes(2000)) is None
    assert container_kind(b"#!/bin/sh\necho hi\n") is None


def test_fast_path_neutralises_links_and_special_files(tmp_path: Path) -> None:
    need("mksquashfs")
    root = make_rootfs(tmp_path)
    (root / "etc/escape").symlink_to("../../../../../../../../../../../../etc/hostname")
    (root / "etc/abs").symlink_to("/etc/passwd")  # the device's own /etc/passwd
    (root / "etc/up").symlink_to("/../../../../../..")
    os.mkfifo(root / "etc/fifo")
    (root / "dev").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("host secret\n")
    with tarfile.open(root / "www/evil.tar", "w") as tar:  # nested: unblob handles it
        add_member(tar, "etc/passwd", b"x\n")
        add_member(tar, "etc/hard", kind=tarfile.LNKTYPE, link=str(secret))
        add_member(tar, "etc/hard2", kind=tarfile.LNKTYPE, link="../../../../../../etc/hostname")
    image = tmp_path / "evil.sqsh"
    run("mksquashfs", root, image, "-noappend", "-no-progress", "-quiet",
        "-p", "dev/null c 666 root root 1 3")
    ex = extract_isolated(tmp_path, image)
    assert fast_path_taken(tmp_path / "a/b/c/wd")
    assert {SYMLINK_ESCAPE, HARDLINK_ESCAPE} <= kinds(ex), ex.problems
    fs = ex.roots[0]
    assert not (fs / "etc/escape").is_symlink() and not (fs / "etc/up").is_symlink()
    assert (fs / "etc/abs").resolve() == (fs / "etc/passwd").resolve()
    for p in ex.root.rglob("*"):
        mode = p.lstat().st_mode
        assert not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)), p
    assert secret.read_text() == "host secret\n" and os.stat(secret).st_nlink == 1


def test_fast_path_file_count_limit(tmp_path: Path) -> None:
    root = make_rootfs(tmp_path)
    for i in range(400):
        (root / f"etc/f{i:04d}").write_text("x")
    ex = extract_isolated(tmp_path, mksquashfs(root, tmp_path / "many.sqsh"), Limits(max_files=100))
    assert any(p.kind == LIMIT_REACHED and "file" in p.message for p in ex.problems), ex.problems


def test_fast_path_file_size_limit(tmp_path: Path) -> None:
    root = make_rootfs(tmp_path)
    (root / "usr/big").write_bytes(os.urandom(3 * 1024**2))
    cap = 1024**2 + 512
    ex = extract_isolated(tmp_path, mksquashfs(root, tmp_path / "big.sqsh"),
                          Limits(max_file_bytes=cap))
    assert LIMIT_REACHED in kinds(ex), ex.problems
    assert all(p.stat().st_size <= cap for p in ex.root.rglob("*")
               if p.is_file() and not p.is_symlink())


def test_fast_path_bomb_inside_the_filesystem(tmp_path: Path) -> None:
    """A gzip of 256 MiB of zeros inside the rootfs is cut at the byte budget."""
    root = make_rootfs(tmp_path)
    block = bytes(1 << 20)
    with gzip.open(root / "usr/bomb.gz", "wb", compresslevel=1) as f:
        for _ in range(256):
            f.write(block)
    limit = 8 * 1024**2
    ex = extract_isolated(tmp_path, mksquashfs(root, tmp_path / "bomb.sqsh"),
                          Limits(max_total_bytes=limit))
    assert LIMIT_REACHED in kinds(ex), ex.problems
    assert ex.total_bytes <= limit
    assert ex.roots  # the filesystem itself is there


def test_fast_path_depth_limit(tmp_path: Path, nested_rootfs: Path) -> None:
    image = mksquashfs(nested_rootfs, tmp_path / "fw.sqsh")
    work = tmp_path / "wd"
    ex = extract_image(image, work, Limits(max_depth=2))
    assert fast_path_taken(work)
    depth = [p for p in ex.problems if p.kind == LIMIT_REACHED and "depth" in p.message]
    assert any(p.path and p.path.endswith("web.tar") for p in depth), ex.problems
    assert not list(ex.root.rglob("cgi/admin.conf"))


def test_image_files_are_never_overwritten(tmp_path: Path) -> None:
    """A directory in the image named like an extraction output is left as it is."""
    root = make_rootfs(tmp_path)
    (root / "etc/notes.gz").write_bytes(gzip.compress(b"notes\n"))
    (root / "etc/notes.gz_extract").mkdir()
    (root / "etc/notes.gz_extract/keep.txt").write_text("from the image\n")
    work = tmp_path / "wd"
    ex = extract_image(mksquashfs(root, tmp_path / "fw.sqsh"), work)
    assert fast_path_taken(work)
    [keep] = list(ex.root.rglob("etc/notes.gz_extract/keep.txt"))
    assert keep.read_text() == "from the image\n"
    assert any(p.path and p.path.endswith("etc/notes.gz") for p in ex.problems), ex.problems
