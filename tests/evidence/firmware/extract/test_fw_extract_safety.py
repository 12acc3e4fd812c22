"""Hostile input: escapes are neutralised and reported, limits stop extraction while it runs."""

from __future__ import annotations

import gzip
import os
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest
from tests.evidence.firmware.extract.fw_extract_images import add_member, cpio_newc, need, run, squashfs, tar_of_rootfs

from psti.evidence.firmware.extract import (
    HARDLINK_ESCAPE,
    LIMIT_REACHED,
    PATH_TRAVERSAL,
    SYMLINK_ESCAPE,
    Extraction,
    Limits,
    extract_image,
)


def snapshot(base: Path, skip: Path) -> set[str]:
    """Every path under base except those under skip (the work directory)."""
    return {str(p) for p in base.rglob("*") if not p.is_relative_to(skip)}


def extract_isolated(tmp_path: Path, image: Path, limits: Limits = Limits()) -> Extraction:  # noqa: B008
    """Extract with the work dir nested deep in tmp_path; assert nothing else appeared."""
    work = tmp_path / "a/b/c/wd"
    work.parent.mkdir(parents=True, exist_ok=True)
    before = snapshot(tmp_path, work)
    ex = extract_image(image, work, limits)
    assert snapshot(tmp_path, work) == before, "extraction wrote outside its work directory"
    assert not Path("/tmp/psti-escape").exists()
    real_work = work.resolve()
    for p in work.rglob("*"):
        if p.is_symlink():
            assert Path(os.path.realpath(p)).is_relative_to(real_work), f"{p} escapes"
    return ex


def kinds(ex: Extraction) -> set[str]:
    return {p.kind for p in ex.problems}


def test_tar_traversal_and_escaping_links(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("host secret\n")
    image = tmp_path / "evil.tar"
    with tarfile.open(image, "w") as tar:
        add_member(tar, "etc/passwd", b"root:x:0:0::/root:/bin/sh\n")
        add_member(tar, "../../../../../../tmp/psti-escape", b"owned")
        add_member(tar, "/tmp/psti-escape", b"owned")
        add_member(tar, "etc/up", kind=tarfile.SYMTYPE, link="../../../../../../../../etc")
        add_member(tar, "etc/hard", kind=tarfile.LNKTYPE, link=str(secret))
        add_member(tar, "etc/hard2", kind=tarfile.LNKTYPE, link="../../../../../../etc/hostname")
    ex = extract_isolated(tmp_path, image)
    assert {PATH_TRAVERSAL, SYMLINK_ESCAPE, HARDLINK_ESCAPE} <= kinds(ex), ex.problems
    traversal = [p for p in ex.problems if p.kind == PATH_TRAVERSAL]
    assert any(p.path and "psti-escape" in p.path for p in traversal)
    assert secret.read_text() == "host secret\n" and os.stat(secret).st_nlink == 1
    assert list(ex.root.rglob("etc/passwd"))


def test_zip_traversal(tmp_path: Path) -> None:
    image = tmp_path / "evil.zip"
    with zipfile.ZipFile(image, "w") as z:
        z.writestr("etc/passwd", "root:x:0:0::/root:/bin/sh\n")
        z.writestr("../../../../../../tmp/psti-escape", "owned")
        z.writestr("/tmp/psti-escape", "owned")
    ex = extract_isolated(tmp_path, image)
    assert list(ex.root.rglob("etc/passwd"))
    traversal = [p for p in ex.problems if p.kind == PATH_TRAVERSAL]
    assert {p.path for p in traversal} == {"../../../../../../tmp/psti-escape",
                                          "/tmp/psti-escape"}, ex.problems


def test_7z_traversal(tmp_path: Path) -> None:
    need("7z")
    (tmp_path / "src/etc").mkdir(parents=True)
    (tmp_path / "src/etc/passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    (tmp_path / "psti-escape").write_text("owned")
    image = tmp_path / "evil.7z"
    run("7z", "a", "-spf", image, "etc/passwd", "../psti-escape", cwd=tmp_path / "src")
    (tmp_path / "psti-escape").unlink()
    ex = extract_isolated(tmp_path, image)
    assert list(ex.root.rglob("etc/passwd"))
    assert [(p.kind, p.path) for p in ex.problems] == [(PATH_TRAVERSAL, "../psti-escape")]


def test_cpio_traversal_and_symlink_escape(tmp_path: Path) -> None:
    image = tmp_path / "evil.cpio"
    image.write_bytes(cpio_newc([
        ("etc", 0o040755, b""),
        ("etc/passwd", 0o100644, b"root:x:0:0::/root:/bin/sh\n"),
        ("../../../../../../tmp/psti-escape", 0o100644, b"owned"),
        ("etc/up", 0o120777, b"../../../../../../../../../etc"),
    ]))
    ex = extract_isolated(tmp_path, image)
    assert {PATH_TRAVERSAL, SYMLINK_ESCAPE} <= kinds(ex), ex.problems
    assert list(ex.root.rglob("etc/passwd"))


def test_symlink_escape_inside_squashfs(tmp_path: Path) -> None:
    """A filesystem image (extracted by an external tool) with a link out of the tree."""
    need("mksquashfs")
    root = tmp_path / "rootfs"
    (root / "etc").mkdir(parents=True)
    (root / "etc/passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    (root / "etc/escape").symlink_to("../../../../../../../../../../../../etc/hostname")
    image = tmp_path / "evil.sqsh"
    run("mksquashfs", root, image, "-noappend", "-no-progress", "-quiet")
    ex = extract_isolated(tmp_path, image)
    assert SYMLINK_ESCAPE in kinds(ex), ex.problems
    assert ex.roots and not (ex.roots[0] / "etc/escape").is_symlink()


@pytest.fixture(scope="module")
def gzip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1 GiB of zeros, gzipped (about 1 MB on disk)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.bin.gz"
    block = bytes(1 << 20)
    with gzip.open(path, "wb", compresslevel=1) as f:
        for _ in range(1024):
            f.write(block)
    return path


def disk_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def test_decompression_bomb_stopped_while_extracting(tmp_path: Path, gzip_bomb: Path) -> None:
    limit = 8 * 1024**2
    ex = extract_isolated(tmp_path, gzip_bomb, Limits(max_total_bytes=limit))
    assert LIMIT_REACHED in kinds(ex), ex.problems
    # Never more than the budget on disk: the expansion was cut, not measured afterwards.
    assert disk_bytes(ex.root) <= limit
    assert ex.total_bytes <= limit


def test_time_limit(tmp_path: Path, gzip_bomb: Path) -> None:
    ex = extract_isolated(tmp_path, gzip_bomb, Limits(max_seconds=0.5))
    problems = [p for p in ex.problems if p.kind == LIMIT_REACHED]
    assert any("longer than" in p.message for p in problems), ex.problems
    assert disk_bytes(ex.root) < 1024**3


def test_file_count_limit(tmp_path: Path) -> None:
    image = tmp_path / "many.tar"
    with tarfile.open(image, "w") as tar:
        for i in range(400):
            add_member(tar, f"etc/f{i:04d}", b"x")
    ex = extract_isolated(tmp_path, image, Limits(max_files=100))
    assert any(p.kind == LIMIT_REACHED and "file" in p.message for p in ex.problems), ex.problems


def test_per_file_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(os.urandom(3 * 1024**2))
    image = tmp_path / "big.tar.gz"
    run("tar", "-czf", image, "-C", tmp_path, "big")
    ex = extract_isolated(tmp_path, image, Limits(max_file_bytes=1024**2 + 512))
    assert LIMIT_REACHED in kinds(ex), ex.problems
    assert all(p.stat().st_size <= 1024**2 + 512 for p in ex.root.rglob("*") if p.is_file())


def test_depth_limit(tmp_path: Path) -> None:
    """A tar nested in six layers of gzip: only max_depth layers are opened."""
    nested = tar_of_rootfs(tmp_path)
    for i in range(6):
        out = tmp_path / f"layer{i}.gz"
        out.write_bytes(gzip.compress(nested.read_bytes()))
        nested = out
    shallow = extract_isolated(tmp_path, nested, Limits(max_depth=3))
    assert any(p.kind == LIMIT_REACHED and "depth" in p.message for p in shallow.problems)
    assert not shallow.roots
    deep = extract_image(nested, tmp_path / "deep")
    assert deep.roots and not deep.problems


def test_read_only_directories_do_not_block_cleanup(tmp_path: Path) -> None:
    from psti.evidence.firmware.extract import work_directory

    need("mksquashfs")
    root = tmp_path / "rootfs"
    (root / "etc/ro").mkdir(parents=True)
    (root / "etc/ro/file").write_text("x")
    (root / "etc/ro").chmod(stat.S_IRUSR | stat.S_IXUSR)
    image = tmp_path / "ro.sqsh"
    run("mksquashfs", root, image, "-noappend", "-no-progress", "-quiet")
    (root / "etc/ro").chmod(0o755)
    with work_directory(parent=tmp_path / "parent") as wd:
        ex = extract_image(image, wd)
        assert list(ex.root.rglob("etc/ro/file"))
    assert not wd.exists()


def test_interrupt_kills_extractor_and_cleans_up(tmp_path: Path, gzip_bomb: Path) -> None:
    """KeyboardInterrupt mid-extraction: no extractor left running, work dir removed."""
    import psutil

    from psti.evidence.firmware.extract import work_directory
    from psti.evidence.firmware.extract.supervise import fork_server_pid

    def interrupt(description: str, done: float, total: float | None) -> None:
        if done > 0:
            raise KeyboardInterrupt

    before = {p.pid for p in psutil.Process().children(recursive=True)}
    with pytest.raises(KeyboardInterrupt), work_directory(parent=tmp_path) as wd:
        extract_image(squashfs(tmp_path), wd, progress=interrupt)
        extract_image(gzip_bomb, wd / "2", progress=interrupt)
    assert not wd.exists()
    left = {p.pid for p in psutil.Process().children(recursive=True)} - before
    assert not left - {fork_server_pid()}, [psutil.Process(p).cmdline() for p in left]
