"""The file-tree view never reads outside the extracted root."""

from __future__ import annotations

import os
from pathlib import Path

from psti.evidence.firmware.tree import FileTree, is_probably_text


def test_symlinks_resolve_inside_the_root_only(tmp_path: Path) -> None:
    root = tmp_path / "rootfs"
    (root / "etc").mkdir(parents=True)
    (root / "real").mkdir()
    (root / "real" / "passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    os.symlink("/real/passwd", root / "etc" / "passwd")  # absolute: taken inside the root
    os.symlink("../../../../../../etc/hostname", root / "etc" / "hostname")  # climbs out
    os.symlink("/etc/shadow", root / "etc" / "shadow")  # points at itself inside the root
    tree = FileTree(root)
    assert tree.resolve("/etc/passwd") == root / "real" / "passwd"
    assert tree.text("/etc/passwd").startswith("root:")
    host = tree.resolve("/etc/hostname")
    assert host is None or root in host.parents
    assert tree.resolve("/etc/shadow") is None
    assert {f.rel for f in tree.files()} == {"/real/passwd"}  # symlinks are not walked as files


def test_file_limit_truncates(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"f{i}").write_text("x")
    tree = FileTree(tmp_path, max_files=3)
    assert len(list(tree.files())) == 3 and tree.truncated


def test_text_sniffing() -> None:
    assert is_probably_text(b"root:x:0:0::/root:/bin/sh\n")
    assert is_probably_text("pässwörd=ä\n".encode())
    assert not is_probably_text(b"\x7fELF\x02\x01\x01\x00" + bytes(range(32)) * 8)


def test_files_come_depth_first_in_name_order_like_os_walk(tmp_path: Path) -> None:
    for rel in ("b/z", "b/a/x", "a", "c/d/e/f", "B", "b/a/y"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    os.symlink("b", tmp_path / "link-to-dir")
    expected = []
    for dirpath, dirnames, filenames in os.walk(tmp_path):
        dirnames.sort()
        expected += ["/" + str(Path(dirpath, f).relative_to(tmp_path)) for f in sorted(filenames)
                     if not Path(dirpath, f).is_symlink()]
    assert [f.rel for f in FileTree(tmp_path).files()] == expected
    labelled = FileTree(tmp_path, label="/part2")
    assert next(iter(labelled.files())).rel == "/part2/B"
