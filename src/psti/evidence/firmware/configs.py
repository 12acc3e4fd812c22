"""Passwords in configuration files, scripts, web UIs and binaries.

Each scanner takes a file's text (or printable strings) and returns Credentials with
the line or offset. Values that are placeholders, variables or labels are dropped, so
documentation that merely mentions "password" yields nothing.
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import PurePosixPath

from psti.evidence.firmware.hashes import identify
from psti.evidence.firmware.model import Credential, Observation
from psti.evidence.firmware.triggers import find_triggers

# --- what counts as a real password value -------------------------------------------

_PLACEHOLDERS = {
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "username",
    "user",
    "xxx",
    "xxxx",
    "xxxxxx",
    "xxxxxxxx",
    "none",
    "null",
    "nil",
    "undefined",
    "true",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "enable",
    "enabled",
    "disable",
    "disabled",
    "required",
    "optional",
    "your_password",
    "yourpassword",
    "mypassword",
    "changeit_in_production",
    "example",
    "text",
    "hidden",
    "string",
    "value",
    "default",
    "empty",
    "blank",
    "****",
    "********",
    "******",
    "*****",
    "<password>",
    "[password]",
    "{password}",
    "%s",
    "foo",
    "bar",
    "foobar",
    "dummy",
    "test123!",
}
_NOT_SECRET_KEY = re.compile(
    r"enable|(^|[_.-])(min|max)(imum)?([_.-]|$)|minlen|maxlen|(^|[_.-])len([_.-]|$)|length|file|path|"
    r"(^|[_.-])dir|type|mode|require|policy|expir|hint|prompt|"
    r"label|field|encrypt(ion)?_?type|cmd|command|url|uri|script|prog|format|regex|fail|retry|"
    r"timeout|lock|reset|change|forgot|strength|complex|check|verify|confirm|auth_?method|salt|"
    r"option|supported|protect|_id$|^id$|index|count|show|hide|class|style|title|msg|text",
    re.I,
)
_SECRET_KEY = re.compile(
    r"passw(or)?d|passwd|(^|_|\.|-)pwd|(^|_|\.|-)pass($|_|\.|-|word|phrase)|psk|passphrase|"
    r"(^|_)(admin|root|user|http|web|telnet|ftp|ssh|login)_?pw($|_)|^key$|wpa_?key|wep_?key",
    re.I,
)


def plausible(value: str) -> bool:
    """A literal that could be a password (not a variable, format string or label)."""
    v = value.strip()
    if not v or len(v) > 64 or v.lower() in _PLACEHOLDERS:
        return False
    if any(ch in v for ch in ("${", "$(", "`", "%s", "%d", "{{", "}}", "<%", " ", "\t")):
        return False
    if v.startswith(("$", "/", "@", "&")) and identify(v) is None:
        return False  # variable or path, unless it is a crypt hash
    if re.fullmatch(r"[*.x#?-]+|<[^>]*>|\[[^\]]*\]|\d+/(tcp|udp|sctp|ddp)", v, re.I):
        return False  # masks, <labels>, [labels], port/protocol (services format)
    return not re.fullmatch(r"[A-Z_][A-Z0-9_]{3,}", v) or len(v) < 6  # CONSTANT_NAMES


def _credential(
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


# --- key = value files: NVRAM defaults, ini/conf/cfg, GoAhead, hostapd, UCI ----------

_KV = re.compile(
    r"""^\s*(?:export\s+|set\s+|option\s+|config\s+|nvram\s+set\s+)?
        (?P<key>[A-Za-z][A-Za-z0-9_.\-]{0,63})\s*(?:=|:|\s)\s*
        (?P<q>["']?)(?P<val>[^"'\s#;]*)(?P=q)\s*(?:[#;].*)?$""",
    re.X,
)
_UCI_SECTION = re.compile(r"^\s*config\s+(\S+)")
_KV_PATH = re.compile(
    r"(^|/)(etc|usr/etc|config|default|defaults|mnt|var)/|nvram|\.(conf|cfg|ini|txt|default|"
    r"defaults|dat|env|properties|json|xml|rc)$|umconfig|\.cnf$",
    re.I,
)
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


def scan_key_values(path: str, text: str) -> tuple[list[Credential], list[Observation]]:
    creds: list[Credential] = []
    obs: list[Observation] = []
    if not _KV_PATH.search(path) or is_doc(path) or is_system_database(path):
        return creds, obs
    name = PurePosixPath(path).name.lower()
    section = ""
    wpa_supplicant = "wpa_supplicant" in path.lower()
    for n, line in enumerate(text.splitlines(), 1):
        if len(line) > 512 or line.lstrip().startswith(("#", "//", ";", "<!--")):
            continue
        if m := _UCI_SECTION.match(line):
            section = m.group(1).strip("'\"")
            continue
        m = _KV.match(line)
        if not m:
            continue
        key, val = m.group("key"), m.group("val")
        if not _SECRET_KEY.search(key) or _NOT_SECRET_KEY.search(key.replace("passwd", "")):
            continue
        if val.startswith("$p$"):
            continue  # UCI reference to a system account's password (see services)
        if key.lower() == "key" and not (section.startswith("wifi") or name == "wireless"):
            continue
        if not plausible(val):
            continue
        if wpa_supplicant and key.lower() in ("psk", "password"):
            obs.append(
                Observation(
                    "FW-WIFI-CLIENT-PSK",
                    path,
                    "wpa_supplicant network block with a fixed key",
                    line=n,
                )
            )
            continue
        source = "uci" if "/etc/config/" in path else ("nvram" if "nvram" in path.lower() else "config")
        if "hostapd" in path.lower():
            source = "hostapd"
        creds.append(
            _credential(
                source,
                path,
                val,
                line=n,
                account=key,
                interface=interface_for(path, key, section),
                context=line.strip(),
            )
        )
    return creds, obs


# --- user:password files for web servers (BusyBox httpd, lighttpd plain, htpasswd) ----

_HTTPD_CONF = re.compile(r"^\s*/[^:\s]*:([^:\s]+):(\S+)\s*$")  # /cgi-bin:admin:secret
_USERPASS = re.compile(r"^([A-Za-z0-9_.@-]{1,32}):([^:\s]{1,128})$")
_LIGHTTPD_USERFILE = re.compile(r"auth\.backend\.(plain|htpasswd|htdigest)\.userfile\s*=\s*\"([^\"]+)\"")
_BOA_AUTH = re.compile(r"^\s*Auth\s+\S+\s+(\S+)", re.M)
_MOSQUITTO = re.compile(r"^\s*password_file\s+(\S+)", re.M)


def referenced_auth_files(text: str) -> dict[str, str]:
    """Auth files named by lighttpd, boa and mosquitto configuration: path -> flavour."""
    out: dict[str, str] = {}
    if "userfile" not in text and "Auth" not in text and "password_file" not in text:
        return out
    for m in _LIGHTTPD_USERFILE.finditer(text):
        out[m.group(2)] = f"lighttpd-{m.group(1)}"
    for m in _BOA_AUTH.finditer(text):
        out[m.group(1)] = "boa"
    for m in _MOSQUITTO.finditer(text):
        out[m.group(1)] = "mosquitto"
    return out


def scan_httpd_conf(path: str, text: str) -> list[Credential]:
    """BusyBox httpd.conf (also used by uhttpd): `/path:user:password` lines."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _HTTPD_CONF.match(line)
        if m and plausible(m.group(2)):
            out.append(
                _credential(
                    "busybox-httpd",
                    path,
                    m.group(2),
                    line=n,
                    account=m.group(1),
                    interface="web",
                    context=line.strip(),
                )
            )
    return out


def scan_userpass_file(path: str, text: str, flavour: str) -> list[Credential]:
    """htpasswd, lighttpd plain/htdigest, mosquitto and boa user files."""
    out = []
    interface = "mqtt" if flavour == "mosquitto" else "web"
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if flavour == "lighttpd-htdigest":
            parts = line.split(":")
            if len(parts) == 3 and re.fullmatch(r"[0-9a-f]{32}", parts[2]):
                c = _credential(flavour, path, parts[2], line=n, account=parts[0], interface=interface)
                c.form, c.hash_type = "hash", "htdigest"
                out.append(c)
            continue
        m = _USERPASS.match(line)
        if not m:
            continue
        val = m.group(2)
        if identify(val) is None and (flavour not in ("lighttpd-plain", "boa") or not plausible(val)):
            continue
        out.append(_credential(flavour, path, val, line=n, account=m.group(1), interface=interface, context=line))
    return out


# --- scripts: chpasswd / passwd with a fixed password ---------------------------------

_CHPASSWD = re.compile(
    r"""echo\s+(?:-e\s+)?["']?([A-Za-z0-9_.-]+):([^"'\s|]+)["']?\s*\|\s*(?:/usr/sbin/|/sbin/)?chpasswd(\s+-e)?"""
)
_PASSWD_PIPE = re.compile(
    r"""(?:echo\s+-e|printf)\s+["']([^"'\\\s]+)\\n([^"'\\\s]+)(?:\\n)?["']\s*\|\s*(?:/usr/bin/|/bin/)?passwd(?:\s+(\w+))?"""
)
_PASSWD_SUBSHELL = re.compile(
    r"""\(\s*echo\s+["']?([^"';\s)]+)["']?\s*;\s*echo\s+["']?([^"';\s)]+)["']?\s*;?\s*\)\s*\|\s*(?:/usr/bin/|/bin/)?passwd(?:\s+(\w+))?"""
)
_USERMOD = re.compile(r"""usermod\s+(?:-\w\s+\S+\s+)*-p\s+["']?(\S+?)["']?\s+(\w+)""")


def scan_script(path: str, text: str) -> list[Credential]:
    out = []
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
        for account, value in found:
            if plausible(value) or identify(value):
                out.append(
                    _credential(
                        "script",
                        path,
                        value,
                        line=n,
                        account=account,
                        interface="system login",
                        context=s,
                    )
                )
    return out


# --- URLs with credentials --------------------------------------------------------------

# Anchored on the literal "://"; the scheme is read backwards from there.
URL_CREDS = re.compile(rb"://([A-Za-z0-9._~-]{1,64}):([^\s@/'\"<>]{1,64})@([A-Za-z0-9.-]+)")
_SCHEME = re.compile(rb"([a-z][a-z0-9+.-]{1,10})$")


def scan_urls(path: str, data: bytes, line_numbers: bool) -> list[Credential]:
    out: list[Credential] = []
    if is_doc(path):
        return out
    if b"://" not in data:
        return out
    for m in URL_CREDS.finditer(data):
        scheme_m = _SCHEME.search(data, max(0, m.start() - 11), m.start())
        if scheme_m is None:
            continue
        scheme = scheme_m.group(1).decode()
        user, pw = m.group(1).decode("ascii", "replace"), m.group(2).decode("ascii", "replace")
        if not plausible(pw) or user.lower() in _PLACEHOLDERS or "%" in pw:
            continue
        line = data.count(b"\n", 0, scheme_m.start()) + 1 if line_numbers else None
        c = _credential(
            "url",
            path,
            pw,
            line=line,
            offset=None if line_numbers else scheme_m.start(),
            account=user,
            interface=f"{scheme} client",
            context=scheme + m.group(0).decode("ascii", "replace"),
        )
        c.form = "plaintext"
        c.hash_type = None
        out.append(c)
    return out


# --- web UI code: JavaScript, HTML, ASP, Lua ---------------------------------------------

_WEB_PATH = re.compile(r"\.(js|html?|asp|php|lua|cgi|htm|shtml|stm|jsp|vue)$", re.I)
_WEB_COMPARE = re.compile(
    r"""\b(\w*(?:passw(?:or)?d|passwd|pwd|pass)\w*)(?:\.value)?\s*(?:===?|!==?)\s*["']([^"'\s]{3,64})["']""",
    re.I,
)
_WEB_ASSIGN = re.compile(
    r"""\b((?:default|admin|root|user|hardcoded|login)_?(?:passw(?:or)?d|passwd|pwd|pass))\s*[:=]\s*["']([^"'\s]{3,64})["']""",
    re.I,
)
_INPUT_VALUE = re.compile(r"""<input[^>]*type=["']?password["']?[^>]*value=["']([^"']{3,64})["']""", re.I)


def is_web(path: str) -> bool:
    return bool(_WEB_PATH.search(path))


def scan_web(path: str, text: str) -> list[Credential]:
    out: list[Credential] = []
    if is_doc(path):
        return out
    for n, line in enumerate(text.splitlines(), 1):
        if len(line) > 4096:
            line = line[:4096]
        for rx in (_WEB_COMPARE, _WEB_ASSIGN):
            for m in rx.finditer(line):
                if plausible(m.group(2)) and not m.group(2).lower().startswith(("text", "password")):
                    out.append(
                        _credential(
                            "web",
                            path,
                            m.group(2),
                            line=n,
                            account=m.group(1),
                            interface="web",
                            context=line.strip(),
                        )
                    )
        for m in _INPUT_VALUE.finditer(line):
            if plausible(m.group(1)):
                out.append(_credential("web", path, m.group(1), line=n, interface="web", context=line.strip()))
    return out


# --- strings in the image worth trying against its hashes ------------------------------

_B64_TOKEN = re.compile(r"""["'`>]([A-Za-z0-9+/]{12,88}={0,2})["'`<]""")
_PRINTABLE_SECRET = re.compile(r"[\x21-\x7e]{4,64}")


def base64_strings(path: str, text: str, limit: int = 200) -> dict[str, str]:
    """Quoted Base64 tokens in web and script files, decoded once or twice when the
    result is a printable word: hard-coded passwords are often "hidden" this way."""
    out: dict[str, str] = {}
    for m in _B64_TOKEN.finditer(text):
        token = m.group(1)
        for depth in (1, 2):
            try:
                token = base64.b64decode(token, validate=True).decode("ascii")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                break
            if not _PRINTABLE_SECRET.fullmatch(token):
                break
            out.setdefault(token, f"Base64{' twice' if depth == 2 else ''} in {path}")
        if len(out) >= limit:
            break
    return out


# --- printable strings of binaries near a password prompt ----------------------------

_STRINGS = re.compile(rb"[\x20-\x7e]{4,96}")
_PROMPT = re.compile(
    r"\b(pass(word|wd|code|phrase)?|pwd|pin)\b\s*[:?>]\s*$|"
    r"\b(wrong|bad|incorrect|invalid|enter( the| your)?) pass(word|wd|code)?\b|^\s*login\s*:\s*$",
    re.I,
)
_LOOKS_SECRET = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9!@#$^&*+=-]{8,32}$")
_CAMEL = re.compile(r"[a-z][A-Z]")
# hex dumps, versions, paths, format strings, option-names-like-this, PKCS8Encrypted
_IDENTIFIER = re.compile(
    r"[0-9A-Fa-f]+|[0-9.]+|\S*[/\\%._:]\S*|[a-z0-9]+(-[a-z0-9]+)+|[^A-Za-z0-9].*|[A-Z0-9]{2,}[A-Z][a-z]{3,}"
)


def strings(data: bytes) -> list[tuple[int, str]]:
    return [(m.start(), m.group().decode("ascii")) for m in _STRINGS.finditer(data)]


def _is_prompt(s: str) -> bool:
    return len(s) <= 48 and "%" not in s and not re.search(r"\w:\w", s) and bool(_PROMPT.search(s))


_WINDOW_BYTES = 768  # how far from a prompt its neighbouring strings are looked for


def scan_binary_strings(
    path: str, data: bytes, known: frozenset[str], window: int = 3, prompts: list[int] | None = None
) -> list[Credential]:
    """Strings beside a password prompt that look like a password (letters and digits,
    8-32 characters, not an identifier) or, in raw (non-ELF) firmware, that are a known
    default password. ELF programs of a general-purpose OS are full of words next to
    prompts, so there only the stricter test applies. Only the bytes around prompt-like
    words are split into strings, which keeps large binaries fast. `prompts` are the
    offsets of those words when the caller has already found them."""
    out: list[Credential] = []
    raw = not data.startswith(b"\x7fELF")
    seen: set[str] = set()
    done_until = -1
    for hint in find_triggers(data).prompts if prompts is None else prompts:
        if hint < done_until:
            continue
        lo, hi = max(0, hint - _WINDOW_BYTES), min(len(data), hint + _WINDOW_BYTES)
        items = [(m.start(), m.group().decode("ascii")) for m in _STRINGS.finditer(data, lo, hi)]
        done_until = hint + 1
        for i, (off, s) in enumerate(items):
            if not (off <= hint < off + len(s)) or not _is_prompt(s):
                continue
            done_until = off + len(s)
            for j in range(max(0, i - window), min(len(items), i + window + 1)):
                cand_off, cand = items[j]
                cand = cand.strip()
                if j == i or cand in seen or _PROMPT.search(cand) or not (plausible(cand) or cand in known):
                    continue
                if _IDENTIFIER.fullmatch(cand) or len(_CAMEL.findall(cand)) >= 2:
                    continue
                if (
                    _LOOKS_SECRET.match(cand)
                    or (raw and cand in known and len(cand) >= 4)
                    or (cand in known and re.search(r"\d", cand) and re.search(r"[A-Za-z]", cand) and len(cand) >= 6)
                ):
                    seen.add(cand)
                    out.append(
                        _credential(
                            "binary",
                            path,
                            cand,
                            offset=cand_off,
                            interface="firmware prompt",
                            context=f"beside {s.strip()!r}",
                        )
                    )
    return out


def decode_intel_hex(text: str, limit: int = 16 << 20) -> bytes | None:
    """Bytes of an Intel HEX image (microcontroller firmware), or None if it is not one."""
    data = bytearray()
    lines = text.splitlines()
    if not lines or not lines[0].startswith(":"):
        return None
    base = 0
    mem: dict[int, bytes] = {}
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not re.fullmatch(r":[0-9A-Fa-f]{10,}", line):
            return None
        raw = bytes.fromhex(line[1:])
        count, addr, rtype = raw[0], int.from_bytes(raw[1:3], "big"), raw[3]
        payload = raw[4 : 4 + count]
        if rtype == 0:
            mem[base + addr] = payload
        elif rtype == 2:
            base = int.from_bytes(payload, "big") << 4
        elif rtype == 4:
            base = int.from_bytes(payload, "big") << 16
        elif rtype == 1:
            break
    if not mem:
        return None
    start = min(mem)
    for addr in sorted(mem):
        if addr - start > limit:
            break
        gap = addr - start - len(data)
        if gap > 0:
            data += b"\xff" * min(gap, limit)
        data[addr - start : addr - start + len(mem[addr])] = mem[addr]
    return bytes(data)
