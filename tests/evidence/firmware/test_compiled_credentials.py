"""Credentials compiled into programs: real ELF programs built with gcc, and the
general-purpose programs of a distribution as negatives."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from psti.corpus import load_corpus
from psti.evidence.firmware.collector import ScanOptions, scan_image
from psti.evidence.firmware.handlers.binaries import compiled_pairs
from psti.evidence.firmware.handlers.elfdata import readonly_ranges
from psti.model import Effect
from tests.evidence.firmware.fwtree import PASSWD, build

needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")

# A web server's check, as stripped vendor binaries do it: no prompt string anywhere.
WEB_CHECK = r"""
#include <stdio.h>
#include <string.h>
static int allowed(const char *user, const char *pw) {
    return strcmp(user, "%(user)s") == 0 && strcmp(pw, "%(password)s") == 0;
}
int main(int argc, char **argv) {
    if (argc < 3) { fputs("usage: check USER PW\n", stderr); return 2; }
    puts(allowed(argv[1], argv[2]) ? "HTTP/1.0 200 OK" : "HTTP/1.0 401 Unauthorized");
    return 0;
}
"""


def compile_program(tmp: Path, user: str, password: str, strip: bool = True) -> Path:
    src = tmp / "check.c"
    src.write_text(WEB_CHECK % {"user": user, "password": password})
    out = tmp / "check"
    subprocess.run(["gcc", "-O2", "-o", str(out), str(src)], check=True, capture_output=True)
    if strip:
        subprocess.run(["strip", "-s", str(out)], check=True, capture_output=True)
    return out


def pairs():  # type: ignore[no-untyped-def]
    return load_corpus().pairs()


@needs_gcc
@pytest.mark.parametrize(
    "user,password", [("admin", "AitbISP4eCiG"), ("admin", "Admin123"), ("root", "Zte521"), ("root", "vizxv")]
)
def test_corpus_pair_compiled_into_a_stripped_program_is_found(tmp_path: Path, user: str, password: str) -> None:
    assert password in pairs()[user]
    prog = compile_program(tmp_path, user, password)
    [c] = compiled_pairs("/usr/sbin/webs", prog.read_bytes(), pairs())
    assert (c.account, c.secret, c.source) == (user, password, "binary")
    assert prog.read_bytes()[c.offset : c.offset + len(password)] == password.encode()


@needs_gcc
def test_program_without_section_headers_is_read_by_its_segments(tmp_path: Path) -> None:
    data = bytearray(compile_program(tmp_path, "admin", "AitbISP4eCiG").read_bytes())
    struct.pack_into("<Q", data, 40, 0)  # no section header table, as sstrip leaves a program
    struct.pack_into("<HHH", data, 58, 0, 0, 0)
    assert readonly_ranges(bytes(data))  # read-only segments instead of sections
    got = [(c.account, c.secret) for c in compiled_pairs("/bin/webs", bytes(data), pairs())]
    assert got == [("admin", "AitbISP4eCiG")]


@needs_gcc
def test_password_not_in_the_corpus_or_without_its_user_is_not_reported(tmp_path: Path) -> None:
    assert compiled_pairs("/a", compile_program(tmp_path, "admin", "Qm4-unlisted-9").read_bytes(), pairs()) == []
    other = tmp_path / "other"
    other.mkdir()
    assert compiled_pairs("/b", compile_program(other, "nobodyhere", "AitbISP4eCiG").read_bytes(), pairs()) == []


@needs_gcc
def test_the_scan_fails_a_program_with_a_compiled_in_default(tmp_path: Path) -> None:
    prog = compile_program(tmp_path, "admin", "AitbISP4eCiG")
    root = build(tmp_path / "root", {"/etc/passwd": PASSWD, "/usr/sbin/webs": prog.read_bytes()})
    result = scan_image(root, tmp_path / "work", ScanOptions(crack_deadline_s=10))
    hits = [f for f in result.findings if f.kind == "FW-BINARY-PASSWORD"]
    got = [(f.effect, f.details["account"], f.location.path) for f in hits]
    assert got == [(Effect.FAIL, "admin", "/usr/sbin/webs")]
    assert "AitbISP4eCiG" in hits[0].message


# General-purpose programs and libraries: full of words, none a compiled-in credential.
NEGATIVES = ("/bin/busybox", "/usr/sbin/dropbear", "/usr/bin/dropbearkey", "/usr/sbin/sshd", "/usr/bin/ssh",
             "/bin/login", "/usr/bin/passwd", "/usr/bin/su", "/usr/lib/x86_64-linux-gnu/libc.so.6",
             "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3")


def test_general_purpose_programs_give_no_compiled_credential() -> None:
    present = [Path(p) for p in NEGATIVES if Path(p).is_file()]
    assert len(present) >= 6, "the negatives (busybox-static, dropbear-bin, libc, OpenSSL) are installed"
    found = {str(p): compiled_pairs(str(p), p.read_bytes(), pairs()) for p in present}
    assert not any(found.values()), {k: [(c.account, c.secret) for c in v] for k, v in found.items() if v}
