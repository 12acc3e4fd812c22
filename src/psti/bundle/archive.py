"""Writing a bundle's zip file, and reading one that may be hostile.

A bundle comes from outside (a manufacturer, a test lab), so reading refuses before
writing anything: a file that is not a complete zip, more members or more bytes than a
bundle could need, a member whose stated size is far below what it inflates to (a zip
bomb), names that would land outside the folder (absolute, `..`, backslashes, drive
letters), links, devices and duplicate names. Sizes are enforced while inflating, not
taken from the headers, and every member is written with `O_EXCL` inside the chosen
folder only.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from psti.errors import PstiError

MAX_MEMBERS = 100_000
MAX_TOTAL_BYTES = 16 * 1024**3  # firmware images are large; a bundle larger than this is refused
MAX_RATIO = 200  # deflate at its best is about 1000:1; real firmware and text stay far below 200
RATIO_FLOOR = 1024 * 1024  # members that inflate to less than this are never called bombs
MAX_NAME_BYTES = 1024
_CHUNK = 1 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")


class BadBundle(PstiError):
    """A bundle that cannot be trusted or read: tampered, truncated, hostile or unknown.
    `member` names the file inside the bundle when one is at fault."""

    exit_code = 2

    def __init__(self, message: str, member: str | None = None) -> None:
        if member and member not in message:
            message = f"{member}: {message}"
        super().__init__(message)
        self.member = member


def name_problem(name: str) -> str | None:
    """Why a member name cannot be extracted safely, or None."""
    if not name:
        return "has an empty name"
    if len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        return "has a name longer than 1024 bytes"
    if "\\" in name or _DRIVE.match(name):
        return "has a Windows path (backslash or drive letter)"
    if name.startswith("/"):
        return "has an absolute path"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "has a control character in its name"
    parts = PurePosixPath(name).parts
    if any(p in ("..", ".") for p in name.split("/")) or not parts:
        return "has '..' or '.' in its path"
    if name.endswith("/") or "//" in name:
        return "is a folder entry or has an empty path component"
    return None


@dataclass(frozen=True)
class Member:
    name: str
    size: int


def _check_info(info: zipfile.ZipInfo) -> None:
    why = name_problem(info.filename)
    if why:
        raise BadBundle(f"member {info.filename!r} {why}; refusing the bundle", info.filename)
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # 0: no type recorded
        raise BadBundle(f"member {info.filename!r} is not a regular file (a link or device); refusing", info.filename)
    if info.flag_bits & 0x1:
        raise BadBundle(f"member {info.filename!r} is encrypted; bundles are never encrypted", info.filename)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BadBundle(f"member {info.filename!r} uses an unknown compression method {info.compress_type}",
                        info.filename)
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise BadBundle(f"member {info.filename!r} inflates {info.compress_size} bytes to {info.file_size} "
                        f"(more than {MAX_RATIO}:1): a zip bomb, refused", info.filename)


class BundleArchive:
    """A bundle file opened for reading, its member list already checked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise BadBundle(f"{path}: no such file") from None
        except IsADirectoryError:
            raise BadBundle(f"{path}: is a folder, not a bundle") from None
        except (zipfile.BadZipFile, EOFError, ValueError, OSError) as e:
            raise BadBundle(f"{path}: not a complete bundle (zip archive): {e}; it may be truncated") from None
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise BadBundle(f"{path}: {len(infos)} members; a bundle holds at most {MAX_MEMBERS}")
        seen: set[str] = set()
        total = 0
        for info in infos:
            _check_info(info)
            if info.filename in seen:
                raise BadBundle(f"{path}: member {info.filename!r} appears twice", info.filename)
            seen.add(info.filename)
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BadBundle(f"{path}: members add up to {total} bytes; a bundle holds at most {MAX_TOTAL_BYTES}")
        self._infos = {i.filename: i for i in infos}

    def __enter__(self) -> BundleArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        return list(self._infos)

    def size(self, name: str) -> int:
        return self._infos[name].file_size

    def read(self, name: str, limit: int) -> bytes:
        """A member's bytes, refusing more than `limit` (whatever its header says)."""
        info = self._infos.get(name)
        if info is None:
            raise BadBundle(f"{self.path}: has no member {name!r}", name)
        if info.file_size > limit:
            raise BadBundle(f"member {name!r} is {info.file_size} bytes; at most {limit} expected", name)
        out = bytearray()
        for block in self._blocks(info):
            out += block
            if len(out) > limit:
                raise BadBundle(f"member {name!r} inflates beyond {limit} bytes", name)
        return bytes(out)

    def _blocks(self, info: zipfile.ZipInfo) -> Iterable[bytes]:
        read = 0
        try:
            with self._zip.open(info) as f:
                while block := f.read(_CHUNK):
                    read += len(block)
                    if read > info.file_size:
                        raise BadBundle(f"member {info.filename!r} inflates beyond its stated size", info.filename)
                    yield block
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as e:
            raise BadBundle(f"member {info.filename!r} is damaged: {e}", info.filename) from None
        except RuntimeError as e:  # zipfile's "File is encrypted" and the like
            raise BadBundle(f"member {info.filename!r} cannot be read: {e}", info.filename) from None

    def sha256(self, name: str) -> str:
        """A member's SHA-256, read through without writing it anywhere."""
        import hashlib

        h = hashlib.sha256()
        for block in self._blocks(self._infos[name]):
            h.update(block)
        return h.hexdigest()

    def extract(self, name: str, folder: Path) -> tuple[Path, str]:
        """Write one member under `folder` (never outside it, never over a file); returns its
        path and SHA-256."""
        import hashlib

        info = self._infos[name]
        target = folder.joinpath(*PurePosixPath(name).parts)
        root = folder.resolve()
        parent = target.parent
        parent.mkdir(parents=True, exist_ok=True)
        if not parent.resolve().is_relative_to(root):  # a folder on the way is a link out
            raise BadBundle(f"member {name!r} would be written outside {folder}; refused", name)
        h = hashlib.sha256()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            with os.fdopen(fd, "wb") as f:
                for block in self._blocks(info):
                    h.update(block)
                    f.write(block)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target, h.hexdigest()


def write_bundle(path: Path, members: Iterable[tuple[str, bytes | Path]]) -> None:
    """Write the zip: small members deflated, files copied from disk in blocks (stored when
    they do not shrink, as firmware seldom does). Written beside `path`, then moved in."""
    import secrets

    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            for name, content in members:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # no time: same inputs, same file
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                info.create_system = 3
                if isinstance(content, bytes):
                    info.compress_type = zipfile.ZIP_DEFLATED
                    zf.writestr(info, content)
                else:
                    info.compress_type = zipfile.ZIP_DEFLATED if _compresses(content) else zipfile.ZIP_STORED
                    with content.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                        while block := src.read(_CHUNK):
                            dst.write(block)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _compresses(path: Path) -> bool:
    """Whether deflate is worth it: a sample of the file shrinks by a tenth or more."""
    with path.open("rb") as f:
        sample = f.read(256 * 1024)
    return not sample or len(zlib.compress(sample, 1)) < 0.9 * len(sample)
