"""Services that start at boot and how they authenticate.

Reads inittab, init scripts (SysV, OpenWrt procd, rc.local), systemd units, inetd and
FTP/SSH configuration. Produces observations (telnet without login, anonymous FTP,
blank-password SSH) and the set of interfaces that accept system-account passwords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from psti.evidence.firmware.model import Observation
from psti.evidence.firmware.tree import FileTree, TreeFile

SCRIPT_DIRS = (
    "/etc/init.d/",
    "/etc/rc.d/",
    "/etc/rcS.d/",
    "/etc/rc",
    "/etc/systemd/",
    "/lib/systemd/system/",
    "/usr/lib/systemd/system/",
    "/etc/xinetd.d/",
    "/etc/preinit",
    "/lib/preinit/",
    "/etc/uci-defaults/",
    "/usr/sbin/",
    "/usr/bin/",
    "/sbin/",
    "/bin/",
    "/etc/profile",
    "/etc/inittab",
    "/etc/inetd.conf",
    "/etc/boot",
    "/etc/start",
    "/etc/firstboot",
    "/etc/scripts/",
    "/usr/etc/",
)
_TELNET = re.compile(r"\b(?:u?telnetd|in\.telnetd)\b([^\n;&|]*)")
_TELNET_SHELL = re.compile(r"-l\s*[\"']?(/bin/(?:ba|a|z|k)?sh|/bin/busybox\s+sh|sh)\b")
_GETTY = re.compile(r"\b(getty|agetty|mingetty|/bin/login|login)\b")
_DROPBEAR = re.compile(r"\bdropbear\b([^\n;&|]*)")


@dataclass
class Services:
    login_interfaces: set[str] = field(default_factory=set)  # telnet, ssh, console, ftp, web
    accounts_for: dict[str, set[str]] = field(default_factory=dict)  # account -> interfaces
    observations: list[Observation] = field(default_factory=list)

    def describe(self) -> str:
        return ", ".join(sorted(self.login_interfaces)) or "none found"

    def merge(self, other: Services) -> None:
        self.login_interfaces |= other.login_interfaces
        for account, interfaces in other.accounts_for.items():
            self.accounts_for.setdefault(account, set()).update(interfaces)
        self.observations += other.observations


def is_script(tf: TreeFile) -> bool:
    # match on the part from the last /etc/ so that trees nested in a folder count too
    rel = tf.rel[tf.rel.rfind("/etc/") :] if "/etc/" in tf.rel else tf.rel
    return tf.size < 256 << 10 and (rel.startswith(SCRIPT_DIRS) or rel.endswith((".sh", ".service", ".rc")))


def script_services(tf: TreeFile, text: str) -> Services:
    """The services one script starts and how they let users in."""
    s = Services()
    inittab = tf.rel.endswith("inittab")
    if not inittab and "telnetd" not in text and "dropbear" not in text and "sshd" not in text:
        return s  # every pattern below needs one of these words
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        if m := _TELNET.search(stripped):
            if _TELNET_SHELL.search(m.group(1)):
                s.observations.append(
                    Observation(
                        "FW-TELNET-NOAUTH",
                        tf.rel,
                        f"telnetd gives a shell without a password: {stripped[:120]}",
                        line=n,
                    )
                )
            else:
                s.login_interfaces.add("telnet")
                if not tf.rel.startswith(("/usr/", "/bin/", "/sbin/")):
                    s.observations.append(
                        Observation(
                            "FW-TELNET-SERVICE", tf.rel, f"telnet server started at boot: {stripped[:120]}", line=n
                        )
                    )
        if m := _DROPBEAR.search(stripped):
            s.login_interfaces.add("ssh")
            if re.search(r"(^|\s)-[a-zA-Z]*B", m.group(1)):
                s.observations.append(
                    Observation(
                        "FW-BLANK-LOGIN-ALLOWED",
                        tf.rel,
                        "dropbear is started with -B (blank-password logins allowed)",
                        line=n,
                    )
                )
        if inittab and _GETTY.search(stripped):
            s.login_interfaces.add("console")
        if not inittab and re.search(r"\bsshd\b", stripped):
            s.login_interfaces.add("ssh")
    return s


def config_services(tree: FileTree, s: Services) -> Services:
    """Add to s what the daemons' configuration files in the tree allow."""
    if (t := tree.text("/etc/ssh/sshd_config")) is not None:
        s.login_interfaces.add("ssh")
        for n, line in enumerate(t.splitlines(), 1):
            if re.match(r"\s*PermitEmptyPasswords\s+yes", line, re.I):
                s.observations.append(
                    Observation(
                        "FW-BLANK-LOGIN-ALLOWED",
                        "/etc/ssh/sshd_config",
                        "sshd allows empty passwords (PermitEmptyPasswords yes)",
                        line=n,
                    )
                )
    for path in ("/usr/sbin/dropbear", "/usr/bin/dropbear", "/etc/config/dropbear"):
        if tree.resolve(path) is not None:
            s.login_interfaces.add("ssh")
    for path in ("/etc/vsftpd.conf", "/etc/vsftpd/vsftpd.conf"):
        if (t := tree.text(path)) is None:
            continue
        for n, line in enumerate(t.splitlines(), 1):
            if re.match(r"\s*anonymous_enable\s*=\s*YES", line, re.I):
                s.observations.append(Observation("FW-FTP-ANONYMOUS", path, "vsftpd allows anonymous FTP", line=n))
            if re.match(r"\s*local_enable\s*=\s*YES", line, re.I):
                s.login_interfaces.add("ftp")
    if (t := tree.text("/etc/proftpd.conf")) is not None and re.search(r"<Anonymous", t, re.I):
        s.observations.append(Observation("FW-FTP-ANONYMOUS", "/etc/proftpd.conf", "ProFTPD has an <Anonymous> block"))
    # OpenWrt LuCI/rpcd and uhttpd log in against a system account: `$p$root`
    for path in ("/etc/config/rpcd", "/etc/config/uhttpd"):
        if (t := tree.text(path)) is not None:
            for m in re.finditer(r"option\s+password\s+['\"]?\$p\$(\w+)", t):
                s.accounts_for.setdefault(m.group(1), set()).add("web")
                s.login_interfaces.add("web")
    return s
