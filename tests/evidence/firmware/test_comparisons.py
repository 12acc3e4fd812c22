"""Passwords a program compares its input with: real programs built by gcc (and by the
Debian cross compilers for MIPS, ARM (ARM and Thumb code) and AArch64 when installed),
stripped, and the
general-purpose programs of this machine as negatives."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from psti.corpus import load_corpus
from psti.evidence.firmware.collector import ScanOptions, scan_image
from psti.evidence.firmware.handlers.comparisons import Stats, analyse, looks_like_password
from psti.model import Effect
from tests.evidence.firmware.fwtree import PASSWD, build

# A CGI-style web server: reads the form, compares user and password with constants held
# in read-only data, and dispatches commands with the same comparison function. No prompt
# string; the password is in no public list.
SERVER = r"""
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static const char *form(char **env, const char *name) {
    for (; *env; env++) {
        size_t n = strlen(name);
        if (!strncmp(*env, name, n) && (*env)[n] == '=') return *env + n + 1;
    }
    return "";
}
static int check_login(char **env) {
    const char *user = form(env, "username");
    const char *pass = form(env, "password");
    if (%(compare)s(user, "%(user)s") == 0 && %(compare)s(pass, "%(password)s") == 0) return 1;
    return 0;
}
static int command(const char *cmd) {
    if (!strcmp(cmd, "reboot")) return 1;
    if (!strcmp(cmd, "status")) return 2;
    if (!strcmp(cmd, "upgrade9")) return 3;
    if (!strcmp(cmd, "factory2reset")) return 4;
    return 0;
}
int main(int argc, char **argv, char **env) {
    const char *method = getenv("REQUEST_METHOD");
    if (method && !strcmp(method, "POST")) puts("Cache-Control: no-cache");
    printf("Content-Type: text/html\r\n\r\n%%d %%d\n", check_login(env), command(argc > 1 ? argv[1] : ""));
    return 0;
}
"""
# Only a password, read from the form, compared with a constant.
PASSWORD_ONLY = r"""
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
const char *cgi_get(const char *name) { const char *v = getenv(name); return v ? v : ""; }
int main(void) {
    if (strcmp(cgi_get("admin_password"), "9fT!rk2Lw") == 0) puts("Status: 200");
    else puts("Status: 403");
    return 0;
}
"""
# An HTTP Basic check against a whole Authorization header value.
BASIC = r"""
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int main(void) {
    const char *auth = getenv("HTTP_AUTHORIZATION");
    if (auth && strcmp(auth, "Basic c3VwcG9ydDpXaDR0LTNlY3JldA==") == 0) puts("Status: 200");
    else puts("WWW-Authenticate: Basic realm=\"router\"");
    return 0;
}
"""

# compiler and flags per instruction set (Thumb-2: ARMv7-A code as armhf distributions build it)
CROSS = {"x86-64": "gcc", "mips": "mips-linux-gnu-gcc", "mipsel": "mipsel-linux-gnu-gcc",
         "arm": "arm-linux-gnueabi-gcc", "thumb": "arm-linux-gnueabi-gcc -mthumb -march=armv7-a",
         "aarch64": "aarch64-linux-gnu-gcc"}


def compile_c(tmp: Path, source: str, compiler: str = "gcc", opt: str = "-O2", strip: bool = True) -> bytes:
    cc, *flags = compiler.split()
    if shutil.which(cc) is None:
        pytest.skip(f"needs {cc} (Debian package gcc-{cc.removesuffix('-gcc')} for the cross compilers)")
    src, out = tmp / "prog.c", tmp / "prog"
    src.write_text(source)
    subprocess.run([cc, *flags, opt, "-o", str(out), str(src)], check=True, capture_output=True)
    if strip:
        strip_tool = "strip" if cc == "gcc" else cc.removesuffix("gcc") + "strip"
        subprocess.run([strip_tool, "-s", str(out)], check=True, capture_output=True)
    return out.read_bytes()


def server(user: str = "admin", password: str = "Xq7-vendorPw", compare: str = "strcmp") -> str:
    return SERVER % {"user": user, "password": password, "compare": compare}


def found(data: bytes) -> list[tuple[str | None, str]]:
    return [(c.account, c.secret) for c in analyse("/usr/sbin/httpd", data, frozenset(load_corpus().pairs()))]


@pytest.mark.parametrize("arch", sorted(CROSS))
@pytest.mark.parametrize("opt", ["-O2", "-O0", "-Os"])
def test_user_and_password_compared_in_a_stripped_server_are_found(tmp_path: Path, arch: str, opt: str) -> None:
    data = compile_c(tmp_path, server(), CROSS[arch], opt)
    assert b"Xq7-vendorPw" in data and b"Password:" not in data  # no prompt beside it
    # the dispatched commands (reboot, upgrade9, factory2reset) are not passwords
    assert found(data) == [("admin", "Xq7-vendorPw")]


@pytest.mark.parametrize("compare", ["strncmp", "strcasecmp", "strncasecmp"])
def test_other_comparison_functions(tmp_path: Path, compare: str) -> None:
    source = server(compare=compare)
    if compare in ("strncmp", "strncasecmp"):  # these take a length
        source = source.replace(f'{compare}(user, "admin")', f'{compare}(user, "admin", 6)')
        source = source.replace(f'{compare}(pass, "Xq7-vendorPw")', f'{compare}(pass, "Xq7-vendorPw", 13)')
    assert found(compile_c(tmp_path, source)) == [("admin", "Xq7-vendorPw")]


@pytest.mark.parametrize("arch", ["x86-64", "mips", "arm", "thumb"])
def test_a_password_read_from_a_password_field_and_compared(tmp_path: Path, arch: str) -> None:
    assert found(compile_c(tmp_path, PASSWORD_ONLY, CROSS[arch])) == [(None, "9fT!rk2Lw")]


def test_an_http_basic_token_is_decoded(tmp_path: Path) -> None:
    assert found(compile_c(tmp_path, BASIC)) == [("support", "Wh4t-3ecret")]


def test_a_program_without_section_headers_is_read_by_its_segments(tmp_path: Path) -> None:
    data = bytearray(compile_c(tmp_path, server()))
    struct.pack_into("<Q", data, 40, 0)  # as sstrip leaves a program: no section header table
    struct.pack_into("<HHH", data, 58, 0, 0, 0)
    assert found(bytes(data)) == [("admin", "Xq7-vendorPw")]


def test_a_statically_linked_program_is_not_analysed(tmp_path: Path) -> None:
    src, out = tmp_path / "p.c", tmp_path / "p"
    src.write_text(server())
    r = subprocess.run(["gcc", "-O2", "-static", "-o", str(out), str(src)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("no static libc")
    stats = Stats()
    assert analyse("/bin/p", out.read_bytes(), stats=stats) == [] and stats.functions == 0


def test_the_constant_must_look_like_a_password() -> None:
    for s in ("/etc/passwd", "index.html", "%s:%s", "POST", "text/html", "Content-Type", "Authorization",
              "password", "login", "HTTP_AUTH", "0x1f", "1.2.3", "--help", "a=b", "1234"):  # numbers are left out
        assert not looks_like_password(s), s
    for s in ("Xq7-vendorPw", "Zte521", "vizxv", "9fT!rk2Lw"):
        assert looks_like_password(s), s


def test_the_scan_fails_an_image_with_a_compared_password(tmp_path: Path) -> None:
    prog = compile_c(tmp_path, server())
    root = build(tmp_path / "root", {"/etc/passwd": PASSWD, "/usr/sbin/httpd": prog})
    result = scan_image(root, tmp_path / "work", ScanOptions(crack_deadline_s=10))
    hits = [f for f in result.findings if f.kind == "FW-BINARY-COMPARED-PASSWORD"]
    assert [(f.effect, f.details["account"], f.location.path) for f in hits] == [
        (Effect.FAIL, "admin", "/usr/sbin/httpd")]
    assert "Xq7-vendorPw" in hits[0].message and "function at 0x" in hits[0].message


# General-purpose programs and libraries that compare strings with constants all day.
NEGATIVES = ("/bin/busybox", "/usr/sbin/dropbear", "/usr/bin/dropbearkey", "/usr/sbin/sshd", "/usr/bin/ssh",
             "/bin/login", "/usr/bin/passwd", "/usr/bin/su", "/usr/lib/x86_64-linux-gnu/libc.so.6",
             "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3",
             "/usr/sbin/lighttpd", "/usr/sbin/mosquitto")


def test_general_purpose_programs_give_no_compared_password() -> None:
    present = [Path(p) for p in NEGATIVES if Path(p).is_file()]
    assert len(present) >= 8, "the negatives (busybox-static, dropbear-bin, OpenSSH, glibc, OpenSSL) are installed"
    got = {str(p): found(p.read_bytes()) for p in present}
    assert not any(got.values()), {k: v for k, v in got.items() if v}
