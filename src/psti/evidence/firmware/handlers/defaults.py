"""Vendor default-configuration databases: NVRAM `key=value` defaults, OpenWrt UCI,
ini/conf files, hostapd, XML (elements and attributes) and JSON. A setting whose name
names a password (SECRET_KEY, not its policy or length) with a literal value is a
candidate; the user name is taken from a sibling setting when there is one."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

from psti.evidence.firmware.handlers import FileInput, Found, Handler
from psti.evidence.firmware.handlers.common import (
    USER_KEY,
    credential,
    interface_for,
    is_doc,
    is_system_database,
    line_of,
    plausible,
    secret_key,
)
from psti.evidence.firmware.model import Credential, Observation

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
# <Password>admin</Password>; <X_Password>…</X_Password>
_XML_ELEMENT = re.compile(r"<([A-Za-z_][\w.:-]{0,63})(\s[^<>]*)?>([^<>\s]{0,64})</\1\s*>")
# Password="admin" inside a tag; <param name="password" value="admin"/>
_XML_ATTR = re.compile(r"""\b([A-Za-z_][\w.:-]{0,63})\s*=\s*(["'])([^"'<>]{0,64})\2""")
_XML_TAG = re.compile(r"<[A-Za-z_][^<>]{0,2048}>")
_NAME_VALUE = re.compile(r"""\bname\s*=\s*["']([^"']{1,64})["'][^<>]*?\bvalue\s*=\s*["']([^"'<>]{0,64})["']""", re.I)


_ACCOUNT_GROUP = re.compile(r"user|account|login|admin", re.I)


def _interface(path: str, key: str, section: str = "") -> str:
    return interface_for(path, key, section)


def _group_users(text: str) -> dict[str, str]:
    """User names of indexed setting groups, wherever they sit in the file: `users.1.name=ubnt`
    names the user of `users.1.password` (airOS writes the name after the password)."""
    users: dict[str, str] = {}
    for line in text.splitlines():
        m = _KV.match(line) if len(line) <= 512 else None
        if not m or "." not in m.group("key"):
            continue
        prefix, _, last = m.group("key").rpartition(".")
        named = USER_KEY.search(last) or (last.lower() == "name" and _ACCOUNT_GROUP.search(prefix))
        if named and plausible(m.group("val")):
            users.setdefault(prefix, m.group("val"))
    return users


def scan_key_values(path: str, text: str) -> tuple[list[Credential], list[Observation]]:
    creds: list[Credential] = []
    obs: list[Observation] = []
    name = PurePosixPath(path).name.lower()
    section = ""
    wpa_supplicant = "wpa_supplicant" in path.lower()
    user, user_line = None, 0
    group_users = _group_users(text)
    for n, line in enumerate(text.splitlines(), 1):
        if len(line) > 512 or line.lstrip().startswith(("#", "//", ";", "<!--")):
            continue
        if m := _UCI_SECTION.match(line):
            section, user = m.group(1).strip("'\""), None
            user_line = 1 << 30  # within a UCI section the user applies to the whole section
            continue
        m = _KV.match(line)
        if not m:
            continue
        key, val = m.group("key"), m.group("val")
        if USER_KEY.search(key.split(".")[-1]) and plausible(val):
            # GoAhead umconfig rows and UCI sections name the user before the password
            user, user_line = val, (user_line if section else n)
            continue
        if not secret_key(key):
            continue
        if val.startswith("$p$"):
            continue  # UCI reference to a system account's password (see services)
        if key.lower() == "key" and not (section.startswith("wifi") or name == "wireless"):
            continue
        if not plausible(val):
            continue
        if wpa_supplicant and key.lower() in ("psk", "password"):
            obs.append(Observation("FW-WIFI-CLIENT-PSK", path, "wpa_supplicant network block with a fixed key", line=n))
            continue
        source = "uci" if "/etc/config/" in path else ("nvram" if "nvram" in path.lower() else "config")
        if "hostapd" in path.lower():
            source = "hostapd"
        interface = _interface(path, key, section)
        # a user name set just before belongs to this password, unless it is a network key
        near = user if user and (section or n - user_line <= 5) and interface != "wifi" else None
        if "." in key and interface != "wifi":  # an indexed group names its own user
            near = group_users.get(key.rpartition(".")[0], near)
        creds.append(credential(source, path, val, line=n, account=near or key,
                                interface=interface, context=line.strip()))
    return creds, obs


def scan_xml(path: str, text: str) -> list[Credential]:
    """Password elements and attributes; the user from the same tag or a preceding
    user element of the same parent."""
    out: list[Credential] = []
    users: list[tuple[int, str]] = []  # (end offset, user) of user-name elements/attributes seen
    for m in _XML_ELEMENT.finditer(text):
        tag, val = m.group(1), m.group(3)
        local = tag.split(":")[-1]
        if (USER_KEY.search(local) or local.lower() == "name") and plausible(val):
            users.append((m.end(), val))  # <name> of an account <entry> too
        elif secret_key(local) and plausible(val):
            out.append(_xml_cred(path, text, m.start(), val, local, users))
        elif secret_key(local) and not val:
            c = _xml_cred(path, text, m.start(), val, local, users)
            if c.account != local:  # an account entry whose default password is empty (D-Link's Admin)
                c.form = "empty"
                out.append(c)
    for tm in _XML_TAG.finditer(text):
        tag = tm.group()
        attrs = {a.group(1).split(":")[-1]: a.group(3) for a in _XML_ATTR.finditer(tag)}
        user = next((v for k, v in attrs.items() if USER_KEY.search(k) and plausible(v)), None)
        if user:
            users.append((tm.start(), user))  # the same tag: nothing closes in between
        nv = _NAME_VALUE.search(tag)
        pairs = [(nv.group(1), nv.group(2))] if nv else list(attrs.items())
        for k, v in pairs:
            if secret_key(k) and plausible(v):
                out.append(_xml_cred(path, text, tm.start(), v, k, users, tag))
    return out


def _xml_cred(path: str, text: str, at: int, value: str, key: str, users: list[tuple[int, str]],
              context: str = "") -> Credential:
    # a user element in the same parent: nothing is closed between it and the password
    near = [u for end, u in users if end <= at and at - end < 1024 and "</" not in text[end:at]]
    return credential("xml", path, value, line=line_of(text, at), account=near[-1] if near else key,
                      interface=_interface(path, key), context=context or f"<{key}>")


def scan_json(path: str, text: str) -> list[Credential]:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return []
    out: list[Credential] = []

    def walk(node: Any, depth: int) -> None:
        if depth > 32:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            user = next((v for k, v in node.items() if isinstance(v, str) and USER_KEY.search(str(k))
                         and plausible(v)), None)
            for k, v in node.items():
                if isinstance(v, str) and secret_key(str(k)) and plausible(v):
                    at = text.find(json.dumps(v))
                    out.append(credential("json", path, v, line=line_of(text, at) if at >= 0 else None,
                                          account=user or str(k), interface=_interface(path, str(k)),
                                          context=f'"{k}": {json.dumps(v)}'))
                else:
                    walk(v, depth + 1)

    walk(doc, 0)
    return out


def _claims(f: FileInput) -> bool:
    return (f.text is not None and bool(_KV_PATH.search(f.rel)) and not is_doc(f.rel)
            and not is_system_database(f.rel))


def _scan(f: FileInput) -> Found:
    assert f.text is not None
    out = Found()
    head = f.text.lstrip()[:1]
    if f.rel.lower().endswith(".json") or (head in "{[" and head):
        out.credentials += scan_json(f.rel, f.text)
        if out.credentials or f.rel.lower().endswith(".json"):
            return out
    if f.rel.lower().endswith(".xml") or head == "<":
        out.credentials += scan_xml(f.rel, f.text)
        return out
    out.credentials, out.observations = scan_key_values(f.rel, f.text)
    return out


HANDLER = Handler(
    name="default-config",
    kind="FW-CONFIG-PASSWORD",
    sources=("uci", "nvram", "config", "hostapd", "xml", "json"),
    reads="configuration under /etc, /config, /default(s), /mnt, /var and *.conf/.cfg/.ini/.dat/.xml/.json/"
          "NVRAM defaults files: key=value (NVRAM, UCI, ini, GoAhead umconfig), XML elements and attributes, JSON",
    precision="a value counts only when its setting's name names a password and the value is a literal "
              "(not a variable, label, mask or port); standard system databases and documentation are skipped",
    claims=_claims,
    scan=_scan,
)
