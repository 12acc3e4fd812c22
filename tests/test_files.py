"""psti.files: atomic writes, documents with the umask's permissions, keys private."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from psti.files import write_atomically


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_documents_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "out" / "statement.html"
    write_atomically(path, "<p>é</p>")
    assert path.read_bytes() == "<p>é</p>".encode()
    assert mode(path) == 0o644  # readable by others: it is meant to be published
    os.umask(0o077)
    write_atomically(path, b"again")
    assert mode(path) == 0o600 and path.read_bytes() == b"again"


def test_private_files_are_owner_only_under_any_umask(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "key.pem"
    write_atomically(path, b"secret", private=True)
    assert mode(path) == 0o600


def test_replaces_an_existing_file_unless_told_not_to(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "a.txt"
    path.write_text("old")
    write_atomically(path, "new")
    assert path.read_text() == "new"
    with pytest.raises(FileExistsError):
        write_atomically(path, "newer", overwrite=False)
    assert path.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary left behind


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("before")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(path, "\ud800")  # a lone surrogate cannot be encoded
    assert path.read_text() == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
