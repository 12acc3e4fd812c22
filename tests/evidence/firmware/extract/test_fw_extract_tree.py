"""The tree pass after extraction: escaping links removed, roots found and ranked."""

from __future__ import annotations

import os
from pathlib import Path

from psti.evidence.firmware.extract import HARDLINK_ESCAPE, SYMLINK_ESCAPE
from psti.evidence.firmware.extract.tree import find_roots, measure, neutralise


def test_neutralise_removes_escaping_links_only(tmp_path: Path) -> None:
    outside = tmp_path / "host-secret"
    outside.write_text("secret")
    tree = tmp_path / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "etc/passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    os.link(tree / "etc/passwd", tree / "etc/passwd.bak")  # both links inside: kept
    os.link(outside, tree / "etc/stolen")  # inode also linked outside: removed
    (tree / "etc/ok").symlink_to("passwd")
    (tree / "etc/dangling").symlink_to("missing")  # dangling but inside: kept
    (tree / "etc/up").symlink_to("../../host-secret")
    (tree / "etc/abs").symlink_to(str(outside))
    (tree / "etc/hop").symlink_to("up")  # escapes through another link
    os.mkfifo(tree / "etc/fifo")

    problems = neutralise(tree)

    by_path = {p.path: p.kind for p in problems}
    assert by_path == {
        "etc/stolen": HARDLINK_ESCAPE,
        "etc/up": SYMLINK_ESCAPE,
        "etc/abs": SYMLINK_ESCAPE,
        "etc/hop": SYMLINK_ESCAPE,
    }
    left = sorted(p.name for p in (tree / "etc").iterdir())
    assert left == ["dangling", "ok", "passwd", "passwd.bak"]
    assert outside.read_text() == "secret"


def test_neutralise_removes_links_in_read_only_directories(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "etc/up").symlink_to("../../../../../../../../etc/hostname")
    (tree / "etc").chmod(0o555)
    try:
        problems = neutralise(tree)
    finally:
        (tree / "etc").chmod(0o755)
    assert [p.kind for p in problems] == [SYMLINK_ESCAPE]
    assert not (tree / "etc/up").is_symlink()


def test_find_roots_ranks_and_skips_subdirectories_of_a_root(tmp_path: Path) -> None:
    top = tmp_path / "extracted"
    main = top / "fw.bin_extract/64-9000.squashfs_v4_le_extract"
    for d in ("etc", "bin", "sbin", "usr/bin", "usr/lib", "lib", "www"):
        (main / d).mkdir(parents=True)
    (main / "etc/passwd").write_text("x")
    nested = main / "lib/firmware/wifi.bin_extract/0-100.cpio_extract"
    (nested / "etc").mkdir(parents=True)
    config = top / "fw.bin_extract/9000-9500.gzip_extract/gzip.uncompressed_extract"
    (config / "etc").mkdir(parents=True)
    (config / "etc/app.conf").write_text("x")

    roots = find_roots(top)

    assert roots[0] == main
    assert set(roots) == {main, nested, config}
    assert main / "usr" not in roots


def test_measure_counts_non_directories_without_following_links(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d/a").write_bytes(b"12345")
    (tmp_path / "d/link").symlink_to("/usr")
    m = measure(tmp_path)
    assert (m.files, m.total_bytes, m.largest) == (2, 5, 5)
