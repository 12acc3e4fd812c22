"""Init and first-boot scripts that set a fixed password: `echo user:pw | chpasswd`,
`(echo pw; echo pw) | passwd`, `printf 'pw\\npw' | passwd user`, `usermod -p HASH user`,
and NVRAM defaults written at boot (`nvram_set 2860 Password Admin`)."""

from __future__ import annotations

import re

from psti.evidence.firmware.handlers import FileInput, Found, Handler
from psti.evidence.firmware.handlers.common import USER_KEY, credential, plausible, secret_key
from psti.evidence.firmware.hashes import identify
from psti.evidence.firmware.model import Credential

_CHPASSWD = re.compile(
    r"""echo\s+(?:-e\s+)?["']?([A-Za-z0-9_.-]+):([^"'\s|]+)["']?\s*\|\s*(?:/usr/sbin/|/sbin/)?chpasswd(\s+-e)?"""
)
_PASSWD_PIPE = re.compile(
    r"""(?:echo\s+-e|printf)\s+["']([^"'\\\s]+)\\n([^"'\\\s]+)(?:\\n)?["']\s*\|\s*(?:/usr/bin/|/bin/)?passwd(?:\s+(\w+))?"""
)
_PASSWD_SUBSHELL = re.compile(
    r"""\(\s*echo\s+["']?([^"';\s)]+)["']?\s*;\s*echo\s+["']?([^"';\s)]+)["']?\s*;?\s*\)\s*\|\s*(?:/usr/bin/|/bin/)?passwd(?:\s+(\w+))?"""
)
# boot scripts that write NVRAM defaults: `nvram_set 2860 Password Admin`, `nvram set http_passwd=x`
_NVRAM_SET = re.compile(
    r"""\bnvram(?:_set|\s+set)\s+(?:\d+\s+)?([A-Za-z][\w.-]{0,63})(?:\s+|=)["']?([^"'\s;|&`$]+)["']?"""
)
_USERMOD = re.compile(r"""usermod\s+(?:-\w\s+\S+\s+)*-p\s+["']?(\S+?)["']?\s+(\w+)""")


# Alpha Networks' telnetd (D-Link, TRENDnet…): `telnetd -l /usr/sbin/login -u USER:PASS`, the
# password often read from a file first: image_sign=`cat /etc/config/image_sign`
_TELNETD_USER = re.compile(r"""\btelnetd\b[^\n;&|]*?\s-u\s+["']?([A-Za-z0-9_.-]{1,32}):([^\s"']+)""")
_CAT_ASSIGN = re.compile(r"""^\s*(\w+)=["'`]*(?:\$\(\s*)?cat\s+(/[^\s`"')]+)""")
SECRET_FILE = "secret-file:"  # referenced-file flavour: the file's content is USER's password


def telnetd_users(path: str, text: str) -> tuple[list[Credential], dict[str, str]]:
    """`telnetd -u USER:PASS`: a literal password, or the file a `$var` was read from
    (returned as a referenced file whose content is the password)."""
    creds: list[Credential] = []
    files: dict[str, str] = {}
    if "telnetd" not in text or "-u" not in text:
        return creds, files
    read_from: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if m := _CAT_ASSIGN.match(line):
            read_from[m.group(1)] = m.group(2)
        if line.lstrip().startswith("#") or not (m := _TELNETD_USER.search(line)):
            continue
        user, value = m.group(1), m.group(2)
        var = re.fullmatch(r"\$\{?(\w+)\}?", value)
        if var and var.group(1) in read_from:
            files[read_from[var.group(1)]] = f"{SECRET_FILE}{user}:{path}:{n}"
        elif plausible(value):
            creds.append(credential("script", path, value, line=n, account=user, interface="telnet",
                                    context=line.strip()))
    return creds, files


def scan_script(path: str, text: str) -> list[Credential]:
    out = []
    user: str | None = None  # the last user name a script wrote to NVRAM
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("#"):
            continue
        found: list[tuple[str, str]] = []
        if m := _CHPASSWD.search(s):
            found.append((m.group(1), m.group(2)))
        for rx in (_PASSWD_PIPE, _PASSWD_SUBSHELL):
            if (m := rx.search(s)) and m.group(1) == m.group(2):
                found.append((m.group(3) or "root", m.group(1)))
        if m := _USERMOD.search(s):
            found.append((m.group(2), m.group(1)))
        if (m := _NVRAM_SET.search(s)) and USER_KEY.search(m.group(1)):
            user = m.group(2)
        elif m and secret_key(m.group(1)):
            found.append((user or m.group(1), m.group(2)))
        for account, value in found:
            if plausible(value) or identify(value):
                out.append(credential("script", path, value, line=n, account=account,
                                      interface="system login", context=s))
    return out


def _claims(f: FileInput) -> bool:
    if f.text is None or not (f.script or f.rel.startswith("/etc/")):
        return False
    return any(w in f.text for w in ("passwd", "usermod", "nvram", "telnetd"))


def _scan(f: FileInput) -> Found:
    text = f.text or ""
    creds, files = telnetd_users(f.rel, text)
    return Found(credentials=scan_script(f.rel, text) + creds, referenced=files)


HANDLER = Handler(
    name="init-scripts",
    kind="FW-SCRIPT-PASSWORD",
    sources=("script",),
    reads="init, boot and first-boot scripts (by place or #!) and files under /etc that call chpasswd, "
          "passwd or usermod -p, write a password setting with nvram set / nvram_set, or start "
          "telnetd -u USER:PASS (the password literal or read from a file with cat)",
    precision="the password must be a literal on the same line as the call; generated passwords are "
              "judged by the first-boot checks instead",
    claims=_claims,
    scan=_scan,
)
