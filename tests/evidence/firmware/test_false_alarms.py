"""System databases that mention passwd are not credentials; passwd is an account
database; passwords are shown consistently; passwordless network root is a finding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from psti.evidence.firmware.collector import ScanOptions, scan_image
from psti.evidence.interface import CollectorResult
from psti.model import Effect, Finding
from tests.evidence.firmware.fwtree import PASSWD, build, md5

FAST = ScanOptions(crack_deadline_s=30)
# Real files of this machine's distribution (Debian netbase, libc-bin, libpam-runtime).
SYSTEM_FILES = ("/etc/nsswitch.conf", "/etc/services", "/etc/protocols", "/etc/login.defs",
                "/etc/pam.d/common-password", "/etc/pam.d/passwd", "/etc/pam.d/chpasswd",
                "/etc/pam.d/login", "/etc/adduser.conf")


def scan(root: Path, tmp: Path, opts: ScanOptions = FAST) -> CollectorResult:
    return scan_image(root, tmp / "work", opts)


def failing(result: CollectorResult) -> list[Finding]:
    return [f for f in result.findings if f.effect is Effect.FAIL]


def test_system_databases_that_mention_passwd_are_not_passwords(tmp_path: Path) -> None:
    root = tmp_path / "root"
    present = [p for p in SYSTEM_FILES if Path(p).is_file()]
    assert "/etc/services" in present and "/etc/nsswitch.conf" in present
    for p in present:
        dest = root / p.lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, dest)
    # the same word in the usual shapes of these files, in case the host's copies are trimmed
    build(root, {"/etc/passwd": PASSWD,
                 "/etc/nsswitch.conf": (root / "etc/nsswitch.conf").read_text() + "\npasswd: files compat\n",
                 "/etc/services": (root / "etc/services").read_text() + "\nkpasswd 464/tcp\nkpasswd 464/udp\n",
                 "/etc/pam.d/common-password": "password requisite pam_unix.so obscure sha512\n"})
    result = scan(root, tmp_path)
    assert not failing(result), [f.message for f in failing(result)]
    assert {f.kind for f in result.findings} >= {"FW-NO-UNIVERSAL-PASSWORD", "FW-NO-GUESSABLE-PASSWORD"}


def test_hash_in_passwd_is_read_as_an_account_database_even_with_shadow(tmp_path: Path) -> None:
    # login reads shadow only for an `x` field: the hash in passwd is the live one
    root = build(tmp_path / "root", {
        "/etc/passwd": f"root:{md5('Tr0ub4dor&3')}:0:0:root:/root:/bin/sh\n",
        "/etc/shadow": "root:*:19000:0:99999:7:::\n",
    })
    [f] = [f for f in failing(scan(root, tmp_path)) if f.kind == "FW-SHADOW-HASH"]
    assert f.location.path == "/etc/passwd" and "not an account database" not in f.message
    assert "shell /bin/sh" in f.message


def _telnet_root(tmp: Path, service: str) -> Path:
    return build(tmp / "root", {
        "/etc/passwd": "root::0:0:root:/root:/bin/sh\n",
        "/etc/init.d/S50telnet": f"#!/bin/sh\n{service}\n",
    })


def test_passwordless_root_behind_telnet_login_is_its_own_finding(tmp_path: Path) -> None:
    result = scan(_telnet_root(tmp_path, "telnetd -l /bin/login"), tmp_path)
    [f] = [f for f in result.findings if f.kind == "FW-NETWORK-ROOT-NO-PASSWORD"]
    assert f.effect is Effect.FAIL and f.details["interfaces"] == ["telnet"]
    assert "EN303645-5.5-5" in f.provisions and "outside Sch 1 para 1" in f.message
    assert f.location.path == "/etc/passwd"


def test_no_network_login_no_network_root_finding(tmp_path: Path) -> None:
    result = scan(_telnet_root(tmp_path, "echo no daemon here"), tmp_path)
    assert not [f for f in result.findings if f.kind == "FW-NETWORK-ROOT-NO-PASSWORD"]
    assert any(f.kind == "FW-EMPTY-PASSWORD" for f in failing(result))


@pytest.mark.parametrize("masked", [False, True])
def test_passwords_are_shown_the_same_way_in_every_finding(tmp_path: Path, masked: bool) -> None:
    root = build(tmp_path / "root", {
        "/etc/passwd": PASSWD,
        "/etc/shadow": f"root:{md5('letmein')}:18000:0:99999:7:::\n",
        "/etc/config/web": "config login\n\toption password Sup3rSecretX\n",
        "/etc/upd.sh": "#!/bin/sh\nwget http://admin:Zx9vBn2mQw@10.0.0.1/x\n",
    })
    result = scan(root, tmp_path, ScanOptions(crack_deadline_s=30, mask_secrets=masked))
    text = " ".join(f"{f.message} {f.details}" for f in result.findings)
    for secret in ("letmein", "Sup3rSecretX", "Zx9vBn2mQw"):
        assert (secret in text) is not masked, secret
    if masked:
        assert "Su********tX" in text and "Zx******Qw" in text


def test_a_copy_of_shadow_elsewhere_is_not_network_root(tmp_path: Path) -> None:
    root = build(tmp_path / "root", {
        "/etc/passwd": PASSWD,
        "/etc/shadow": "root:*:19000:0:99999:7:::\n",
        "/usr/share/skel/shadow.orig": "root::19000:0:99999:7:::\n",
        "/etc/init.d/S50telnet": "#!/bin/sh\ntelnetd -l /bin/login\n",
    })
    assert not [f for f in scan(root, tmp_path).findings if f.kind == "FW-NETWORK-ROOT-NO-PASSWORD"]
