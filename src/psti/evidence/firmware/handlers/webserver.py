"""Embedded web servers' user files: BusyBox httpd / uhttpd `httpd.conf`, lighttpd
plain and htdigest files, .htpasswd (mini_httpd, Apache-style), boa, GoAhead and
mosquitto password files. The auth files a server configuration names are read with
the flavour it gives them (`referenced`)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from psti.evidence.firmware.handlers import FileInput, Found, Handler
from psti.evidence.firmware.handlers.common import credential, plausible
from psti.evidence.firmware.hashes import identify
from psti.evidence.firmware.model import Credential

_HTTPD_CONF = re.compile(r"^\s*/[^:\s]*:([^:\s]+):(\S+)\s*$")  # /cgi-bin:admin:secret
_USERPASS = re.compile(r"^([A-Za-z0-9_.@-]{1,32}):([^:\s]{1,128})$")
_LIGHTTPD_USERFILE = re.compile(r"auth\.backend\.(plain|htpasswd|htdigest)\.userfile\s*=\s*\"([^\"]+)\"")
_BOA_AUTH = re.compile(r"^\s*Auth\s+\S+\s+(\S+)", re.M)
_MOSQUITTO = re.compile(r"^\s*password_file\s+(\S+)", re.M)
# GoAhead 3.x auth.txt: `user name=admin password=<md5 of user:realm:password> roles=...`
_GOAHEAD_USER = re.compile(r"^\s*user\s+name=(\S+)\s+password=(\S+)", re.M)
# user files recognised by name when no configuration in the image names them
_USER_FILE = re.compile(
    r"^(\.htpasswd|htpasswd|\.passwd|lighttpd[\w.-]*\.(user|users|passwd)|(boa|mini_httpd|httpd|webs|goahead)"
    r"[\w.-]*\.(passwd|users?|pwd)|auth\.txt)$",
    re.I,
)
_PLAIN = ("lighttpd-plain", "boa", "mini_httpd", "goahead")


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
    """BusyBox httpd.conf (also read by uhttpd): `/path:user:password` lines."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _HTTPD_CONF.match(line)
        if m and plausible(m.group(2)):
            out.append(credential("busybox-httpd", path, m.group(2), line=n, account=m.group(1),
                                  interface="web", context=line.strip()))
    return out


def scan_userfile(path: str, text: str, flavour: str) -> list[Credential]:
    """htpasswd, lighttpd plain/htdigest, mosquitto, boa, mini_httpd and GoAhead user files."""
    out = []
    interface = "mqtt" if flavour == "mosquitto" else "web"
    for m in _GOAHEAD_USER.finditer(text):
        c = credential("goahead", path, m.group(2), line=text.count("\n", 0, m.start()) + 1,
                       account=m.group(1), interface="web")
        if c.hash_type is None and re.fullmatch(r"[0-9a-f]{32}", m.group(2)):
            c.form, c.hash_type = "hash", "goahead-md5"  # md5(user:realm:password)
        out.append(c)
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if flavour == "lighttpd-htdigest" or line.count(":") == 2:
            parts = line.split(":")
            if len(parts) == 3 and re.fullmatch(r"[0-9a-f]{32}", parts[2]):
                c = credential("lighttpd-htdigest", path, parts[2], line=n, account=parts[0], interface=interface)
                c.form, c.hash_type = "hash", "htdigest"
                out.append(c)
            continue
        pair = _USERPASS.match(line)
        if not pair:
            continue
        val = pair.group(2)
        if identify(val) is None and (flavour not in _PLAIN or not plausible(val)):
            continue
        out.append(credential(flavour, path, val, line=n, account=pair.group(1), interface=interface, context=line))
    return out


def _flavour(name: str) -> str:
    low = name.lower()
    for word, flavour in (("lighttpd", "lighttpd-plain"), ("boa", "boa"), ("mini_httpd", "mini_httpd"),
                          ("goahead", "goahead"), ("webs", "goahead"), ("auth.txt", "goahead")):
        if word in low:
            return flavour
    return "htpasswd"


def _httpd_conf(name: str) -> bool:
    """httpd.conf, uhttpd.conf, and the copies firmware keeps (default-httpd.conf, httpd.conf.def)."""
    return name.startswith(("httpd.conf", "uhttpd.conf")) or name.endswith("httpd.conf")


def _claims(f: FileInput) -> bool:
    if f.text is None:
        return False
    name = f.name
    return (_httpd_conf(name) or bool(_USER_FILE.match(name))
            or "htpasswd" in f.rel.lower()
            or ("userfile" in f.text or "Auth" in f.text or "password_file" in f.text))


def _scan(f: FileInput) -> Found:
    assert f.text is not None
    out = Found(referenced=referenced_auth_files(f.text))
    name = PurePosixPath(f.rel).name
    if _httpd_conf(name):
        out.credentials += scan_httpd_conf(f.rel, f.text)
    elif _USER_FILE.match(name) or "htpasswd" in f.rel.lower():
        out.credentials += scan_userfile(f.rel, f.text, _flavour(name))
    return out


HANDLER = Handler(
    name="webserver-users",
    kind="FW-WEBSERVER-PASSWORD",
    sources=("busybox-httpd", "htpasswd", "lighttpd-plain", "lighttpd-htpasswd", "lighttpd-htdigest", "boa",
             "mini_httpd", "goahead", "mosquitto"),
    reads="httpd.conf and uhttpd.conf `/path:user:password` lines; lighttpd plain/htpasswd/htdigest user "
          "files, boa and mosquitto password files named by their configuration; .htpasswd, "
          "lighttpd*.user, boa/mini_httpd/GoAhead user files and GoAhead auth.txt by name",
    precision="plain `user:password` files are read only when a server configuration names them or their "
              "name says so; elsewhere a `user:value` line must be a crypt hash",
    claims=_claims,
    scan=_scan,
)
