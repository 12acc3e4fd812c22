"""Two reading rules the real-firmware set taught: commented-out example hashes in a
configuration file are not shipped credentials, and the same value on two lines of a
file is two settings (two accounts), while a string recurring in a binary is one."""

from __future__ import annotations

from pathlib import Path

from psti.evidence.firmware.scan import scan_tree
from psti.evidence.firmware.tree import FileTree
from tests.evidence.firmware.fwtree import build, md5

XML = """<?xml version="1.0"?>
<defaults>
  <device><account><entry><name>Admin</name><password></password></entry></account></device>
  <webaccess><account><entry><username>Admin</username><passwd></passwd></entry></account></webaccess>
</defaults>
"""


def test_commented_example_hash_is_not_a_credential_but_a_live_one_is(tmp_path: Path) -> None:
    live = md5("shipped", "ab")
    build(tmp_path, {
        "/etc/httpd.conf": f"A:*\n# Example :\n# /work:toor:{md5('astro', '')}\n/cgi-bin:admin:{live}\n",
        "/etc/app.conf": f"# backup:{md5('old', 'cd')}\nsvc:{live}\n",
    })
    found = scan_tree(FileTree(tmp_path), workers=1).credentials
    assert not [c for c in found if c.account == "toor" or c.account == "backup"], found
    assert {(c.path, c.account) for c in found if c.secret == live} >= {("/etc/httpd.conf", "admin"),
                                                                       ("/etc/app.conf", "svc")}


def test_same_default_on_two_lines_is_two_credentials(tmp_path: Path) -> None:
    build(tmp_path, {"/etc/defnodes/defaultvalue.xml": XML})
    found = [c for c in scan_tree(FileTree(tmp_path), workers=1).credentials if c.account == "Admin"]
    assert [c.form for c in found] == ["empty", "empty"] and len({c.line for c in found}) == 2


def test_string_recurring_in_a_binary_is_one_credential(tmp_path: Path) -> None:
    h = md5("firmware", "ef")
    blob = b"\x7fELF" + b"\0" * 64 + f"root:{h}:0:0\0".encode() + b"\0" * 64 + f"root:{h}:0:0\0".encode()
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "app").write_bytes(blob)
    found = [c for c in scan_tree(FileTree(tmp_path), workers=1).credentials if c.secret == h]
    assert len(found) == 1, found
