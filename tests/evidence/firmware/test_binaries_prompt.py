"""Strings beside a password prompt in raw firmware: a prompt guards one secret, so when
one of the strings beside it reads as a chosen password the random-looking others (keys,
tokens, encoded messages) are not reported as passwords.

Real samples: DVID's two Arduino trainings (a compiled AVR image and its Intel HEX) and
raw images cut with objcopy from programs gcc builds here; negatives: the general-purpose
programs and libraries of this machine.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from psti.corpus import load_corpus
from psti.evidence.firmware.handlers.binaries import decode_intel_hex, reads_as_password, scan_binary_strings
from tests.evidence.firmware.test_compiled_credentials import NEGATIVES

needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None or shutil.which("objcopy") is None,
                               reason="needs gcc and objcopy")

KNOWN = load_corpus().known_passwords()
TOKEN = "Qx7Vb2Lm9Kd4Wt8Z"  # random letters and digits: no word in it

# A serial-console login as microcontroller firmware has it: the password and a device
# token kept side by side, the prompts after them.
CONSOLE = r"""
#include <stdio.h>
#include <string.h>
static const char password[] = "%(password)s";
static const char token[] = "%(token)s";
int main(void) {
    char line[64];
    fputs("Enter password: ", stdout);
    if (!fgets(line, sizeof line, stdin)) return 1;
    line[strcspn(line, "\n")] = 0;
    if (strcmp(line, password) != 0) { puts("Wrong password"); return 1; }
    printf("Welcome. Token: %%s\n", token);
    return 0;
}
"""


def raw_image(tmp: Path, password: str, token: str = TOKEN) -> bytes:
    """The read-only data of a program built with gcc, as a raw image (no ELF header)."""
    src, prog, image = tmp / "console.c", tmp / "console", tmp / "firmware.bin"
    src.write_text(CONSOLE % {"password": password, "token": token})
    subprocess.run(["gcc", "-O0", "-o", str(prog), str(src)], check=True, capture_output=True)
    subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(prog), str(image)], check=True,
                   capture_output=True)
    data = image.read_bytes()
    assert password.encode() in data and token.encode() in data and not data.startswith(b"\x7fELF")
    return data


def secrets(data: bytes) -> list[str]:
    return [c.secret for c in scan_binary_strings("/firmware.bin", data, KNOWN)]


def test_what_reads_as_a_password() -> None:
    assert reads_as_password("sup3rp4ssw0rd", frozenset())  # leetspeak of common words
    assert reads_as_password("password", KNOWN)  # a known default
    for data in (TOKEN, "T5uzzrhz4tf23lsccbes1111", "a3f9c2e8b7d14f60"):
        assert not reads_as_password(data, frozenset())


@needs_gcc
def test_a_token_beside_a_chosen_password_is_not_reported(tmp_path: Path) -> None:
    assert secrets(raw_image(tmp_path, "S3cr3tGarden77")) == ["S3cr3tGarden77"]


@needs_gcc
def test_a_random_password_alone_beside_the_prompt_is_still_reported(tmp_path: Path) -> None:
    # With nothing that reads as a password beside the prompt, a random string there is kept:
    # a strong hard-coded password is still a hard-coded password.
    data = raw_image(tmp_path, "Hv4Rt9Kp2Yw6Nc3J", token="not shown")
    assert secrets(data) == ["Hv4Rt9Kp2Yw6Nc3J"]


def test_dvid_trainings_give_their_password_and_not_the_hidden_message(shared_data: Path) -> None:
    folder = shared_data / "firmware" / "dvid_arduino"
    image = (folder / "hardcodedPassword_test.bin").read_bytes()
    assert secrets(image) == ["sup3rp4ssw0rd"]
    for name, password in (("hardcodedPassword_hardcodedPassword.ino.arduino_standard.hex", "sup3rp4ssw0rd"),
                           ("defaultPassword_defaultPassword.ino.arduino_standard.hex", "password")):
        data = decode_intel_hex((folder / name).read_text())
        assert data is not None
        assert secrets(data) == [password], name


def test_general_purpose_programs_give_nothing_beside_their_prompts() -> None:
    present = [Path(p) for p in NEGATIVES if Path(p).is_file()]
    assert len(present) >= 6, "the negatives (busybox-static, dropbear-bin, libc, OpenSSL) are installed"
    found = {str(p): secrets(p.read_bytes()) for p in present}
    assert not any(found.values()), {k: v for k, v in found.items() if v}
