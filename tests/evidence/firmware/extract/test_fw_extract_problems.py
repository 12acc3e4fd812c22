"""Images that cannot be (fully) extracted give a clear problem, never an exception."""

from __future__ import annotations

import os
import signal
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.evidence.firmware.extract.fw_extract_images import make_rootfs, need, run, squashfs, uimage

from psti.errors import PstiError
from psti.evidence.firmware.extract import (
    COULD_NOT_EXTRACT,
    ENCRYPTED,
    MISSING_TOOL,
    TRUNCATED,
    UNKNOWN_FORMAT,
    Extraction,
    WorkDirectory,
    extract_image,
    work_directory,
)
from psti.evidence.firmware.extract.tools import missing_tools, tool_path


def kinds(ex: Extraction) -> set[str]:
    return {p.kind for p in ex.problems}


def test_missing_image_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(PstiError, match="no-such.bin"):
        extract_image(tmp_path / "no-such.bin", tmp_path / "wd")


def test_non_positive_limit_is_a_usage_error(tmp_path: Path) -> None:
    from psti.evidence.firmware.extract import Limits

    image = tmp_path / "fw.bin"
    image.write_bytes(b"x" * 100)
    with pytest.raises(PstiError, match="max_files"):
        extract_image(image, tmp_path / "wd", Limits(max_files=0))


def test_image_inside_work_dir_is_refused(tmp_path: Path) -> None:
    (tmp_path / "wd").mkdir()
    image = tmp_path / "wd/fw.bin"
    image.write_bytes(b"x" * 100)
    with pytest.raises(PstiError, match="inside the work directory"):
        extract_image(image, tmp_path / "wd")


def test_text_file_is_unknown_format(tmp_path: Path) -> None:
    image = tmp_path / "notes.txt"
    image.write_text("This is not firmware.\n" * 200)
    ex = extract_image(image, tmp_path / "wd")
    assert kinds(ex) == {UNKNOWN_FORMAT}
    assert ex.roots == [] and ex.formats == [] and ex.files == 0


def test_empty_file(tmp_path: Path) -> None:
    image = tmp_path / "empty.bin"
    image.touch()
    assert kinds(extract_image(image, tmp_path / "wd")) == {UNKNOWN_FORMAT}


def test_random_data_is_reported_encrypted(tmp_path: Path) -> None:
    image = tmp_path / "enc.bin"
    image.write_bytes(os.urandom(256 * 1024))
    ex = extract_image(image, tmp_path / "wd")
    assert kinds(ex) == {ENCRYPTED}, ex.problems
    assert "encrypted" in ex.problems[0].message


def test_encrypted_payload_behind_a_valid_header(tmp_path: Path) -> None:
    """A uImage whose payload is ciphertext: the header is known, the payload is not."""
    image = tmp_path / "fw.uimage"
    image.write_bytes(uimage(os.urandom(200 * 1024)))
    ex = extract_image(image, tmp_path / "wd")
    assert ENCRYPTED in kinds(ex), ex.problems
    assert ex.formats[:1] == ["uimage"]


def test_encrypted_zip(tmp_path: Path) -> None:
    need("zip")
    root = make_rootfs(tmp_path)
    image = tmp_path / "enc.zip"
    run("zip", "-q", "-r", "-P", "secret", image, "etc", cwd=root)
    ex = extract_image(image, tmp_path / "wd")
    assert ENCRYPTED in kinds(ex), ex.problems
    assert not list(ex.root.rglob("shadow"))


def test_truncated_squashfs(tmp_path: Path) -> None:
    data = squashfs(tmp_path).read_bytes()
    used = int.from_bytes(data[40:48], "little")  # bytes_used, before the 4 KiB padding
    image = tmp_path / "cut.sqsh"
    image.write_bytes(data[: used // 2])
    ex = extract_image(image, tmp_path / "wd")
    assert TRUNCATED in kinds(ex), ex.problems
    assert "declares" in next(p for p in ex.problems if p.kind == TRUNCATED).message


def test_truncated_uimage(tmp_path: Path) -> None:
    data = uimage(squashfs(tmp_path).read_bytes())
    image = tmp_path / "cut.uimage"
    image.write_bytes(data[: len(data) - 1000])
    ex = extract_image(image, tmp_path / "wd")
    assert TRUNCATED in kinds(ex), ex.problems


def test_truncated_gzip(tmp_path: Path) -> None:
    import gzip

    data = gzip.compress(os.urandom(64 * 1024) + b"tail" * 1000)
    image = tmp_path / "cut.gz"
    image.write_bytes(data[: len(data) // 2])
    ex = extract_image(image, tmp_path / "wd")
    assert kinds(ex) & {TRUNCATED, COULD_NOT_EXTRACT}, ex.problems


def test_corrupt_uimage_header_crc(tmp_path: Path) -> None:
    data = bytearray(uimage(squashfs(tmp_path).read_bytes()))
    data[40] ^= 0xFF  # inside the image name: header CRC no longer matches
    image = tmp_path / "bad.uimage"
    image.write_bytes(bytes(data))
    ex = extract_image(image, tmp_path / "wd")
    assert any("checksum" in p.message for p in ex.problems), ex.problems
    assert ex.roots  # the SquashFS behind it is still extracted


def test_missing_tools_are_named() -> None:
    missing = missing_tools("/nonexistent")
    assert "unsquashfs" in missing and "jefferson" in missing
    assert MISSING_TOOL == "missing-tool"


def test_tool_path_puts_interpreter_bin_first(tmp_path: Path) -> None:
    import sys

    path = tool_path(tmp_path / "bin", "/usr/bin:/bin")
    assert path.split(os.pathsep)[0] in (str(tmp_path / "bin"), str(Path(sys.executable).parent))
    assert str(Path(sys.executable).parent) in path.split(os.pathsep)


def test_directory_is_used_in_place(tmp_path: Path) -> None:
    root = make_rootfs(tmp_path)
    before = sorted(p.name for p in root.rglob("*"))
    ex = extract_image(root, tmp_path / "wd")
    assert ex.roots == [root.resolve()] and ex.root == root.resolve()
    assert ex.formats == ["directory"] and not ex.problems
    assert ex.files == len([p for p in root.rglob("*") if not p.is_dir() or p.is_symlink()])
    assert sorted(p.name for p in root.rglob("*")) == before
    assert not (tmp_path / "wd").exists() or not any((tmp_path / "wd").iterdir())


def test_nothing_printed(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    # header + SquashFS (unsquashfs) + an appended tar.gz (unblob): both extractors run
    image = tmp_path / "fw.bin"
    run("tar", "-czf", tmp_path / "etc.tgz", "-C", make_rootfs(tmp_path / "t"), "etc")
    image.write_bytes(os.urandom(128) + squashfs(tmp_path).read_bytes()
                      + (tmp_path / "etc.tgz").read_bytes())
    capfd.readouterr()
    calls: list[tuple[str, float, float | None]] = []
    ex = extract_image(image, tmp_path / "wd", progress=lambda d, c, t: calls.append((d, c, t)))
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert ex.roots
    assert calls and calls[-1] == ("extracting firmware", float(ex.files), float(ex.files))
    assert (tmp_path / "wd/meta/unblob.log").stat().st_size > 0


def test_work_directory_lifecycle(tmp_path: Path) -> None:
    with work_directory(parent=tmp_path) as wd:
        (wd / "x").write_text("x")
    assert not wd.exists()
    with pytest.raises(ValueError), work_directory(parent=tmp_path) as wd:
        raise ValueError("boom")
    assert not wd.exists()
    with pytest.raises(KeyboardInterrupt), work_directory(parent=tmp_path) as wd:
        raise KeyboardInterrupt
    assert not wd.exists()
    with work_directory(keep=True, parent=tmp_path) as wd:
        (wd / "x").write_text("x")
    assert (wd / "x").exists()


def test_zip_of_nested_images(tmp_path: Path) -> None:
    """A vendor zip holding a uImage-wrapped SquashFS: recursion finds the root."""
    inner = tmp_path / "fw.uimage"
    inner.write_bytes(uimage(squashfs(tmp_path).read_bytes()))
    image = tmp_path / "download.zip"
    with zipfile.ZipFile(image, "w") as z:
        z.write(inner, "fw.uimage")
        z.writestr("README.txt", "release notes")
    ex = extract_image(image, tmp_path / "wd")
    assert not ex.problems and ex.roots
    assert ex.formats[:3] == ["zip", "uimage", "squashfs_v4_le"], ex.formats


def test_works_without_the_fork_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the fork server cannot be used, a fresh interpreter does the extraction."""
    from psti.evidence.firmware.extract import supervise

    monkeypatch.setattr(supervise._SERVER, "fork", lambda spec_path: None)
    image = tmp_path / "rootfs.tar"  # not SquashFS: unblob does the whole extraction
    run("tar", "-cf", image, "-C", make_rootfs(tmp_path / "t"), ".")
    ex = extract_image(image, tmp_path / "wd")
    assert ex.roots and not ex.problems
    assert (tmp_path / "wd/meta/exit-status").read_text() == "0"


def test_work_directory_removed_in_the_background_is_gone_after_wait(tmp_path: Path) -> None:
    workspace = WorkDirectory(parent=tmp_path, background=True)
    with workspace as wd:
        for i in range(200):
            (wd / f"d{i % 7}").mkdir(exist_ok=True)
            (wd / f"d{i % 7}" / f"f{i}").write_bytes(b"x" * 100)
        (wd / "d0").chmod(0o500)  # read-only directories are removed too
    workspace.wait()
    assert not wd.exists()


def test_work_directory_in_the_background_is_removed_at_once_on_error(tmp_path: Path) -> None:
    workspace = WorkDirectory(parent=tmp_path, background=True)
    with pytest.raises(KeyboardInterrupt), workspace as wd:
        (wd / "f").write_text("x")
        raise KeyboardInterrupt
    assert not wd.exists()  # no thread: removed before the exception left the block


def test_work_directory_released_early_is_removed_once_and_kept_ones_stay(tmp_path: Path) -> None:
    workspace = WorkDirectory(parent=tmp_path, background=True)
    with workspace as wd:
        (wd / "f").write_text("x")
        workspace.release()  # the scan has read every file
        workspace.wait()
        assert not wd.exists()
    kept = WorkDirectory(keep=True, parent=tmp_path, background=True)
    with kept as kd:
        kept.release()
    kept.wait()
    assert kd.is_dir()


def _slow_removal(monkeypatch: pytest.MonkeyPatch) -> None:
    from psti.evidence.firmware.extract import workdir

    real = workdir.remove_tree

    def slow(path: Path) -> None:
        time.sleep(0.3)
        real(path)

    monkeypatch.setattr(workdir, "remove_tree", slow)


@pytest.fixture
def ctrl_c_in() -> Iterator[Callable[[float], None]]:
    """ctrl_c_in(s): a KeyboardInterrupt in the main thread s seconds from now."""

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    yield lambda seconds: signal.setitimer(signal.ITIMER_REAL, seconds) and None
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def test_ctrl_c_while_waiting_for_the_removal_still_removes_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ctrl_c_in: Callable[[float], None]
) -> None:
    _slow_removal(monkeypatch)
    workspace = WorkDirectory(parent=tmp_path, background=True)
    with workspace as wd:
        (wd / "f").write_text("x")
    ctrl_c_in(0.05)
    with pytest.raises(KeyboardInterrupt):  # the interrupt still reaches the caller...
        workspace.wait()
    assert not wd.exists()  # ...once the directory is gone


def test_ctrl_c_during_removal_after_an_error_still_removes_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ctrl_c_in: Callable[[float], None]
) -> None:
    _slow_removal(monkeypatch)
    with pytest.raises(KeyboardInterrupt), WorkDirectory(parent=tmp_path) as wd:
        (wd / "f").write_text("x")
        ctrl_c_in(0.05)  # arrives while the block's own error is being cleaned up
        raise ValueError("the scan failed")
    assert not wd.exists()
