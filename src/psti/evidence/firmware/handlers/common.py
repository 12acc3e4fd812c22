"""What every credential handler shares: which values can be passwords, which key names
name one, which files are documentation or standard system databases."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TypeVar

from psti.evidence.firmware.hashes import identify
from psti.evidence.firmware.model import Credential

PLACEHOLDERS = frozenset({
    "password", "passwd", "pass", "pwd", "secret", "username", "user", "xxx", "xxxx", "xxxxxx",
    "xxxxxxxx", "none", "null", "nil", "undefined", "true", "false", "yes", "no", "on", "off",
    "enable", "enabled", "disable", "disabled", "required", "optional", "your_password",
    "yourpassword", "mypassword", "changeit_in_production", "example", "text", "hidden", "string",
    "value", "default", "empty", "blank", "****", "********", "******", "*****", "<password>",
    "[password]", "{password}", "%s", "foo", "bar", "foobar", "dummy", "test123!",
})
NOT_SECRET_KEY = re.compile(
    r"enable|(^|[_.-])(min|max)(imum)?([_.-]|$)|minlen|maxlen|(^|[_.-])len([_.-]|$)|length|file|path|"
    r"(^|[_.-])dir|type|mode|require|policy|expir|hint|prompt|"
    r"label|field|encrypt(ion)?_?type|cmd|command|url|uri|script|prog|format|regex|fail|retry|"
    r"timeout|lock|reset|change|forgot|strength|complex|check|verify|confirm|auth_?method|salt|"
    r"option|supported|protect|_id$|^id$|index|count|show|hide|class|style|title|msg|text",
    re.I,
)
SECRET_KEY = re.compile(
    r"passw(or)?d|passwd|(^|_|\.|-)pwd|(^|_|\.|-)pass($|_|\.|-|word|phrase)|psk|passphrase|"
    r"(^|_)(admin|root|user|http|web|telnet|ftp|ssh|login)_?pw($|_)|^key$|wpa_?key|wep_?key|[a-z]pwd$",
    re.I,
)
# the name of a setting that holds a user name: http_username, Login, guestuser, adminName
USER_KEY = re.compile(r"(user(_?name)?|login(_?name)?|admin(_?name)?|account|uname)$", re.I)

_DOC_PATH = re.compile(
    r"/usr/share/(doc|man|info|locale|i18n|licenses)/|/usr/include/|\.(md|rst|h|c|py|pyc|pod)$|"
    r"/(man\d?|doc|docs|examples?|samples?|test|tests)/|README|LICENSE|COPYING|CHANGELOG|"
    r"/usr/lib/python|/usr/lib/perl|/usr/share/perl",
    re.I,
)
# Standard system databases and policy files: "passwd" in them names a service, a
# database or a PAM module (`kpasswd 464/tcp`, `passwd: files`, `password requisite
# pam_unix.so`), never a password.
_SYSTEM_DATABASE = re.compile(
    r"(^|/)(nsswitch\.conf|services|protocols|rpc|group|gshadow|shells|securetty|login\.defs|"
    r"pam\.conf|adduser\.conf|deluser\.conf|ethers|networks|hosts|host\.conf|mime\.types|"
    r"inetd\.conf|xinetd\.conf|sudoers|libuser\.conf|logrotate\.conf|termcap)$|"
    r"/etc/(pam\.d|security|sudoers\.d|logrotate\.d|bash_completion\.d|apparmor\.d|selinux)/|"
    r"/etc/default/(passwd|useradd)$|/usr/share/bash-completion/|/usr/lib/(tmpfiles|sysusers)\.d/"
)


def is_doc(path: str) -> bool:
    return bool(_DOC_PATH.search(path))


def is_system_database(path: str) -> bool:
    return bool(_SYSTEM_DATABASE.search(path))


def secret_key(key: str) -> bool:
    """A setting's name that names a password (not its policy, length, file or label)."""
    named = SECRET_KEY.search(key) or re.search(r"[a-z](Pwd|Pass)$", key)  # userPwd, adminPass
    return bool(named) and not NOT_SECRET_KEY.search(key.replace("passwd", ""))


def plausible(value: str) -> bool:
    """A literal that could be a password (not a variable, format string or label)."""
    v = value.strip()
    if not v or len(v) > 64 or v.lower() in PLACEHOLDERS:
        return False
    if any(ch in v for ch in ("${", "$(", "`", "%s", "%d", "{{", "}}", "<%", " ", "\t")):
        return False
    if v.startswith(("$", "/", "@", "&")) and identify(v) is None:
        return False  # variable or path, unless it is a crypt hash
    if re.fullmatch(r"[*.x#?-]+|<[^>]*>|\[[^\]]*\]|\d+/(tcp|udp|sctp|ddp)", v, re.I):
        return False  # masks, <labels>, [labels], port/protocol (services format)
    return not re.fullmatch(r"[A-Z_][A-Z0-9_]{3,}", v) or len(v) < 6  # CONSTANT_NAMES


def credential(
    source: str,
    path: str,
    value: str,
    line: int | None = None,
    offset: int | None = None,
    account: str | None = None,
    interface: str = "",
    context: str = "",
) -> Credential:
    htype = identify(value)
    return Credential(
        source=source,
        path=path,
        secret=value,
        form="hash" if htype else "plaintext",
        account=account,
        line=line,
        offset=offset,
        hash_type=htype,
        interface=interface,
        login=True,
        login_reason=f"used by {interface or source}",
        context=context[:160],
    )


def interface_for(path: str, key: str, section: str = "") -> str:
    p, k = path.lower(), key.lower()
    if "hostapd" in p or "wireless" in p or "psk" in k or "wpa" in k or section.startswith("wifi"):
        return "wifi"
    if "mosquitto" in p or "mqtt" in p:
        return "mqtt"
    if any(w in p or w in k for w in ("http", "web", "lighttpd", "boa", "goahead", "luci", "um")):
        return "web"
    if "ftp" in p or "ftp" in k:
        return "ftp"
    if "telnet" in p or "telnet" in k:
        return "telnet"
    if "ssh" in p or "ssh" in k:
        return "ssh"
    return "device configuration"


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


T = TypeVar("T")
Pairs = Mapping[str, frozenset[str]]  # corpus user -> its passwords
_derived: dict[str, tuple[Pairs, object]] = {}  # name -> (the pairs it was built from, the value)


def per_scan(name: str, pairs: Pairs, build: Callable[[Pairs], T]) -> T:
    """`build(pairs)`, worked out once for the pairs every file of a scan shares, not once per
    file. The value is kept with the very mapping it came from (an identity check, so a later
    mapping at the same address never gets it), and only the latest per name is kept."""
    last = _derived.get(name)  # one read: scans in other threads may replace it
    if last is not None and last[0] is pairs:
        return last[1]  # type: ignore[return-value]  # stored by this name's build
    value = build(pairs)
    _derived[name] = (pairs, value)
    return value
