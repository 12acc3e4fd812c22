"""Opening input files named by a user or by another input, safely.

A path taken from input may name a device (`/dev/zero`, `/dev/urandom`), a FIFO that
blocks until someone writes to it, or a name longer than the system allows. Only
regular files are read, opened without blocking, and never beyond a size bound.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

MAX_PATH_CHARS = 4096  # PATH_MAX on Linux
MAX_NAME_CHARS = 255  # NAME_MAX: one path component


class NotRegularFile(OSError):
    """The path exists but is a device, FIFO, socket or folder, not a file to read."""


def describe_mode(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def path_problem(text: str) -> str | None:
    """Why a path string taken from input cannot name a file, or None when it can."""
    if not text:
        return "is empty"
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        return "contains a control character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a character that cannot be written as UTF-8"
    if len(text) > MAX_PATH_CHARS:
        return f"is {len(text):,} characters long; paths are limited to {MAX_PATH_CHARS:,}"
    longest = max((len(part.encode("utf-8")) for part in text.split("/")), default=0)
    if longest > MAX_NAME_CHARS:
        return f"has a name of {longest:,} bytes; file names are limited to {MAX_NAME_CHARS}"
    return None


def shown(name: str) -> str:
    """A file name from input as text that can be written anywhere (JSON, SARIF, HTML).

    Names that are not UTF-8 arrive from the file system with their bytes as lone
    surrogates; those bytes are shown as escapes (`\\xff`) instead.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def kind_of(path: Path) -> str | None:
    """'file', 'folder', or None when the path exists as something else; raises OSError if absent."""
    mode = os.stat(path).st_mode
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    return None


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; NotRegularFile for devices, FIFOs, sockets, folders.

    O_NONBLOCK keeps a FIFO from blocking the open; it has no effect on regular files.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise NotRegularFile(errno.EISDIR, "is a folder, not a file", str(path)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, f"is {describe_mode(mode)}, not a regular file", str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The whole of a regular file; FileTooLarge when it holds more than max_bytes.

    The size is checked on what is read, not on what stat says, so a file that grows
    while it is read is still bounded.
    """
    with open_regular(path) as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileTooLarge(errno.EFBIG, f"too large: more than {max_bytes:,} bytes", str(path))
    return data


class FileTooLarge(OSError):
    """A file holds more bytes than the reader accepts."""
