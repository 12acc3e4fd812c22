"""Build the example products' firmware images and password batch.

Run from the repository root: `python scripts/make_example_artefacts.py`. Needs
mksquashfs (squashfs-tools). The outputs are committed under examples/ so the demo
does not depend on this script; it documents how they were made and rebuilds them.
"""

from __future__ import annotations

import base64
import crypt  # noqa: F401  # libxcrypt via the stdlib (Python 3.11)
import csv
import hashlib
import hmac
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "examples"


def _write(base: Path, rel: str, text: str, mode: int = 0o644) -> None:
    p = base / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)
    p.chmod(mode)


def _squash(tree: Path, out: Path) -> None:
    out.unlink(missing_ok=True)
    subprocess.run(
        ["mksquashfs", str(tree), str(out), "-comp", "xz", "-noappend", "-all-root", "-quiet",
         "-mkfs-time", "1700000000", "-all-time", "1700000000"],
        check=True,
    )


def camera_rootfs(tree: Path) -> None:
    _write(tree, "etc/passwd",
           "root:x:0:0:root:/root:/bin/sh\n"
           "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
           "camera:x:1000:1000:camera service:/var/lib/camera:/usr/sbin/nologin\n")
    _write(tree, "etc/shadow",
           "root:*:19700:0:99999:7:::\n"
           "daemon:*:19700:0:99999:7:::\n"
           "camera:!:19700:0:99999:7:::\n", 0o600)
    _write(tree, "etc/init.d/S01firstboot",
           "#!/bin/sh\n"
           "# First boot: give this unit its own random root password, shown on the setup screen\n"
           "if [ ! -f /data/.provisioned ]; then\n"
           "  PW=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')\n"
           "  echo \"root:$PW\" | chpasswd\n"
           "  echo \"$PW\" > /data/setup-password\n"
           "  touch /data/.provisioned\n"
           "fi\n", 0o755)
    _write(tree, "etc/init.d/S50dropbear",
           "#!/bin/sh\n# SSH with keys only\n/usr/sbin/dropbear -s -g -R\n", 0o755)
    _write(tree, "www/index.html",
           "<html><body><h1>Welcome</h1><p>Choose a password to finish set-up. "
           "Your password must have at least 10 characters.</p>"
           "<form><input type=password name=password></form></body></html>\n")
    _write(tree, "usr/share/doc/camera/README",
           "To reset the password, hold the reset button for 10 seconds.\n")
    _write(tree, "bin/busybox", "#!/bin/sh\necho busybox\n", 0o755)


def router_rootfs(tree: Path) -> None:
    import crypt as c

    root_hash = c.crypt("admin", "$1$r0uTer01$")
    support_hash = c.crypt("support", "$6$Jx8dPq2sTnVa$")
    _write(tree, "etc/passwd",
           "root:x:0:0:root:/root:/bin/ash\n"
           "support:x:1000:1000:support:/home/support:/bin/sh\n"
           "nobody:x:65534:65534:nobody:/var:/bin/false\n")
    _write(tree, "etc/shadow",
           f"root:{root_hash}:19700:0:99999:7:::\n"
           f"support:{support_hash}:19700:0:99999:7:::\n"
           "nobody:*:19700:0:99999:7:::\n", 0o600)
    _write(tree, "etc/init.d/rcS",
           "#!/bin/sh\nmount -a\n/usr/sbin/telnetd -l /bin/login\n/usr/sbin/uhttpd -f -p 80 -h /www\n", 0o755)
    _write(tree, "etc/config/uhttpd",
           "config uhttpd 'main'\n\toption realm 'Router'\n\toption config '/etc/httpd.conf'\n")
    _write(tree, "etc/httpd.conf", "/cgi-bin:admin:admin\n")
    _write(tree, "www/index.html",
           "<html><body><form action=/cgi-bin/login>User <input name=u value=admin> "
           "Password <input type=password name=p></form></body></html>\n")
    _write(tree, "bin/busybox", "#!/bin/sh\necho busybox\n", 0o755)


def camera_batch(out: Path, rows: int = 2000) -> None:
    # Keyed hash of the serial under a factory secret: allowed by Sch 1 para 1(3)(c).
    secret = hashlib.sha256(b"example factory secret - not a real key").digest()
    with out.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["serial", "mac", "password"])
        for i in range(rows):
            serial = f"AC200{i:07d}"
            mac = "0C:8B:FD:%02X:%02X:%02X" % ((i >> 16) & 0xFF, (i >> 8) & 0xFF, i & 0xFF)
            digest = hmac.new(secret, serial.encode(), hashlib.sha256).digest()
            password = base64.b32encode(digest).decode()[:16].lower()
            w.writerow([serial, mac, password])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cam = Path(tmp) / "cam"
        camera_rootfs(cam)
        _squash(cam, ROOT / "smart-camera" / "firmware" / "acme-cam200-1.4.2.squashfs")
        rtr = Path(tmp) / "rtr"
        router_rootfs(rtr)
        _squash(rtr, ROOT / "router" / "firmware" / "netlink-r300-2.0.1.squashfs")
    camera_batch(ROOT / "smart-camera" / "factory" / "passwords-batch-2026w10.csv")
    shutil.rmtree(ROOT / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main()
