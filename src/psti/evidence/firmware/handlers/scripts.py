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
    return "passwd" in f.text or "usermod" in f.text or "nvram" in f.text


HANDLER = Handler(
    name="init-scripts",
    kind="FW-SCRIPT-PASSWORD",
    sources=("script",),
    reads="init, boot and first-boot scripts (by place or #!) and files under /etc that call chpasswd, "
          "passwd or usermod -p, or write a password setting with nvram set / nvram_set",
    precision="the password must be a literal on the same line as the call; generated passwords are "
              "judged by the first-boot checks instead",
    claims=_claims,
    scan=lambda f: Found(credentials=scan_script(f.rel, f.text or "")),
)
