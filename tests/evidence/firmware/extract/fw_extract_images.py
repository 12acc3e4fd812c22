"""Builders for the firmware images the extraction tests run on, made with real tools."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import tarfile
import zlib
from pathlib import Path

import pytest

PASSWD = "root:x:0:0:root:/root:/bin/sh\nadmin:x:1000:1000::/home/admin:/bin/sh\n"
SHADOW = "root:$1$zAbePHPs$dykh.uUGO9.hK72wc8zhD0:19000:0:99999:7:::\n"


def need(*tools: str) -> None:
    """Skip the test (with the reason) when a system tool is absent."""
    for tool in tools:
        if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists():
            pytest.skip(f"{tool} not installed (scripts/install-system.sh installs it)")


def run(*cmd: str | Path, cwd: Path | None = None) -> None:
    env = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
    subprocess.run([str(c) for c in cmd], cwd=cwd, check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_rootfs(base: Path) -> Path:
    """A tiny Linux root filesystem: etc/passwd, etc/shadow, a shell link, a web page."""
    root = base / "rootfs"
    for d in ("etc", "bin", "www", "usr/bin"):
        (root / d).mkdir(parents=True, exist_ok=True)
    (root / "etc/passwd").write_text(PASSWD)
    (root / "etc/shadow").write_text(SHADOW)
    (root / "bin/busybox").write_bytes(b"\x7fELF" + b"\0" * 60 + b"busybox stand-in")
    (root / "bin/sh").symlink_to("busybox")
    (root / "usr/bin/telnetd").symlink_to("/bin/busybox")  # absolute, as on devices
    (root / "www/index.html").write_text("<html>router</html>\n")
    return root


def squashfs(base: Path, comp: str = "xz") -> Path:
    need("mksquashfs")
    out = base / f"rootfs-{comp}.sqsh"
    run("mksquashfs", make_rootfs(base), out, "-comp", comp, "-noappend", "-all-root",
        "-no-progress", "-quiet")
    return out


def tar_of_rootfs(base: Path) -> Path:
    need("tar")
    out = base / "rootfs.tar"
    run("tar", "-cf", out, "-C", make_rootfs(base), ".")
    return out


def uimage(payload: bytes, name: str = "psti test rootfs") -> bytes:
    """A legacy U-Boot image header (64 bytes, big-endian) with correct CRCs."""
    fields = [0x27051956, 0, 0, len(payload), 0x80008000, 0x80008000, zlib.crc32(payload),
              5, 2, 5, 0, name.encode()[:32].ljust(32, b"\0")]  # linux, arm, filesystem, none
    header = struct.pack(">IIIIIIIBBBB32s", *fields)
    fields[1] = zlib.crc32(header)
    return struct.pack(">IIIIIIIBBBB32s", *fields) + payload


def trx(payload: bytes) -> bytes:
    """A Broadcom/Netgear TRX v1 header (28 bytes) with a correct CRC."""
    length = 28 + len(payload)
    rest = struct.pack("<HHIII", 0, 1, 28, 0, 0) + payload
    crc = (zlib.crc32(rest) ^ 0xFFFFFFFF) & 0xFFFFFFFF
    return b"HDR0" + struct.pack("<II", length, crc) + rest


def add_member(
    tar: tarfile.TarFile, name: str, data: bytes = b"x", *, kind: bytes = tarfile.REGTYPE,
    link: str = "",
) -> None:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


def cpio_newc(entries: list[tuple[str, int, bytes]]) -> bytes:
    """A "newc" cpio archive written byte by byte, so it can hold hostile names."""
    out = bytearray()
    for ino, (name, mode, data) in enumerate([*entries, ("TRAILER!!!", 0, b"")], start=1):
        raw_name = name.encode() + b"\0"
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(raw_name), 0]
        out += b"070701" + b"".join(b"%08X" % f for f in fields) + raw_name
        out += b"\0" * (-len(out) % 4) + data
        out += b"\0" * (-len(out) % 4)
    out += b"\0" * (-len(out) % 512)
    return bytes(out)


def intel_hex(data: bytes, base: int = 0, *, eof: bool = True) -> str:
    """Intel HEX records for data at base (type 04 records above 64 KiB)."""

    def record(kind: int, address: int, payload: bytes) -> str:
        body = bytes([len(payload)]) + address.to_bytes(2, "big") + bytes([kind]) + payload
        return ":" + (body + bytes([-sum(body) & 0xFF])).hex().upper()

    lines, upper = [], -1
    for offset in range(0, len(data), 16):
        address = base + offset
        if address >> 16 != upper:
            upper = address >> 16
            lines.append(record(0x04, 0, upper.to_bytes(2, "big")))
        lines.append(record(0x00, address & 0xFFFF, data[offset : offset + 16]))
    if eof:
        lines.append(record(0x01, 0, b""))
    return "\n".join(lines) + "\n"
