"""Hostile bundle files: refused with a clear message, nothing written outside the folder."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from psti.bundle.archive import MAX_RATIO, BadBundle, BundleArchive, name_problem
from psti.bundle.reverify import open_bundle, reverify


def _zip(path: Path, members: list[tuple[str, bytes]], mode: int | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if mode is not None:
                info.create_system = 3
                info.external_attr = mode << 16
            zf.writestr(info, data)
    return path


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "/etc/evil", "a\\..\\evil", "C:evil",
                                  "a//b", "./a", "dir/", "a\nb"])
def test_member_names_that_leave_the_folder_are_refused(name: str, tmp_path: Path) -> None:
    assert name_problem(name) is not None
    bad = _zip(tmp_path / "bad.pstib", [("manifest.json", b"{}"), (name, b"x")])
    out = tmp_path / "out"
    before = _tree(tmp_path)
    with pytest.raises(BadBundle, match="refusing the bundle"):
        open_bundle(bad, folder=out)
    assert _tree(tmp_path) == before  # nothing written anywhere, not even the folder


def test_links_and_devices_are_refused(tmp_path: Path) -> None:
    bad = _zip(tmp_path / "link.pstib", [("declaration/x", b"/etc/passwd")], mode=stat.S_IFLNK | 0o777)
    with pytest.raises(BadBundle, match="not a regular file"):
        BundleArchive(bad)


def test_a_truncated_bundle_is_refused(tmp_path: Path, bundles: dict[str, Path]) -> None:
    raw = bundles["router"].read_bytes()
    for cut in (0, 10, len(raw) // 2, len(raw) - 30):
        bad = tmp_path / f"cut-{cut}.pstib"
        bad.write_bytes(raw[:cut])
        with pytest.raises(BadBundle, match="truncated|damaged|not a complete"):
            open_bundle(bad, folder=tmp_path / f"out-{cut}")
        assert not (tmp_path / f"out-{cut}").exists() or not any((tmp_path / f"out-{cut}").iterdir())


def test_a_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.pstib", [("manifest.json", b"{}"), ("declaration/fw.bin", b"\0" * (64 << 20))])
    with zipfile.ZipFile(bomb) as zf:
        info = zf.getinfo("declaration/fw.bin")
    assert info.file_size > MAX_RATIO * info.compress_size
    with pytest.raises(BadBundle, match="zip bomb"):
        open_bundle(bomb, folder=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_member_that_inflates_beyond_its_stated_size_is_stopped(tmp_path: Path) -> None:
    """Headers can lie: the size is enforced while inflating."""
    path = _zip(tmp_path / "liar.pstib", [("a.txt", b"A" * 200_000)])
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("a.txt")
    # shrink the stated size in the central directory and the local header to 1000 bytes
    for offset in (raw.rfind(b"PK\x01\x02") + 24, info.header_offset + 22):
        raw[offset:offset + 4] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    with BundleArchive(path) as archive, pytest.raises(BadBundle, match="a.txt"):
        archive.read("a.txt", 10_000_000)


def test_a_duplicate_member_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.pstib"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", b"{}")
        with pytest.warns(UserWarning):
            zf.writestr("manifest.json", b"{}")
    with pytest.raises(BadBundle, match="appears twice"):
        BundleArchive(path)


def test_not_a_bundle_at_all(tmp_path: Path) -> None:
    plain = tmp_path / "x.pstib"
    plain.write_text("hello")
    with pytest.raises(BadBundle, match="not a complete bundle"):
        open_bundle(plain)
    empty_zip = _zip(tmp_path / "e.pstib", [("readme.txt", b"hi")])
    with pytest.raises(BadBundle, match="no attestation.dsse.json"):
        open_bundle(empty_zip)


def test_extracting_never_writes_over_a_file_or_into_a_used_folder(tmp_path: Path, bundles: dict[str, Path]) -> None:
    used = tmp_path / "used"
    (used / "bundle").mkdir(parents=True)
    (used / "bundle" / "keep.txt").write_text("mine")
    from psti.errors import PstiError

    with pytest.raises(PstiError, match="not empty"):
        reverify(bundles["laptop"], used)
    assert (used / "bundle" / "keep.txt").read_text() == "mine"
    assert _tree(used) == {"bundle", "bundle/keep.txt"}
