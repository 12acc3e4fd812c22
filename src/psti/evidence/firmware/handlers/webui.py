"""Web-UI code (JavaScript, HTML, ASP, Lua, CGI pages): default user/password variables,
client-side password comparisons, form defaults (`<input type=password value=…>`) and
scripts that fill the password field. Quoted Base64 tokens are decoded and kept as
strings to try against the image's hashes (a "hidden" password)."""

from __future__ import annotations

import base64
import binascii
import re

from psti.evidence.firmware.handlers import FileInput, Found, Handler
from psti.evidence.firmware.handlers.common import credential, is_doc, plausible
from psti.evidence.firmware.model import Credential

_WEB_PATH = re.compile(r"\.(js|html?|asp|php|lua|cgi|htm|shtml|stm|jsp|vue)$", re.I)
_PW = r"(?:passw(?:or)?d|passwd|pwd|pass)"
_WEB_COMPARE = re.compile(
    rf"""\b(\w*{_PW}\w*)(?:\.value)?\s*(?:===?|!==?)\s*["']([^"'\s]{{3,64}})["']""", re.I)
# var defaultPassword = "admin"; default_pwd: 'admin'; ADMIN_PASS = "1234"; factoryPwd="…"
_WEB_ASSIGN = re.compile(
    rf"""\b(\w*(?:default|factory|admin|root|super|hardcoded|login|init|web|def)_?\w*?{_PW}\w*)["']?\s*[:=]\s*["']([^"'\s]{{3,64}})["']""",
    re.I)
_USER_ASSIGN = re.compile(
    r"""\b\w*(?:default|factory|admin|login|init|def)_?(?:user(?:_?name)?|login(?:_?name)?|account)["']?\s*[:=]\s*["']([A-Za-z0-9_.@-]{2,32})["']""",
    re.I)
# $("#password").val("admin"); document.getElementById("pwd").value = "admin"
_FILL = re.compile(
    rf"""["'#]\w*{_PW}\w*["']\s*\)\s*\.\s*(?:val\s*\(|value\s*=)\s*["']([^"'\s]{{3,64}})["']""", re.I)
_INPUT = re.compile(r"<input\b[^<>]{0,1024}>", re.I)
_ATTR = re.compile(r"""\b(type|name|id|value)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_B64_TOKEN = re.compile(r"""["'`>]([A-Za-z0-9+/]{12,88}={0,2})["'`<]""")
_PRINTABLE_SECRET = re.compile(r"[\x21-\x7e]{4,64}")


def is_web(path: str) -> bool:
    return bool(_WEB_PATH.search(path))


def _inputs(line: str) -> tuple[list[str], list[str]]:
    """Default values of password fields and of user-name fields in one line."""
    pw, users = [], []
    for tag in _INPUT.finditer(line):
        attrs = {a.group(1).lower(): a.group(2) or a.group(3) or a.group(4) or "" for a in _ATTR.finditer(tag.group())}
        value, kind = attrs.get("value", ""), attrs.get("type", "").lower()
        ident = attrs.get("name", "") + attrs.get("id", "")
        if not value or not plausible(value) or len(value) < 3:
            continue
        if kind == "password" or re.search(_PW, ident, re.I):
            pw.append(value)
        elif re.search(r"user|login|account", ident, re.I) and kind in ("", "text"):
            users.append(value)
    return pw, users


def scan_web(path: str, text: str) -> list[Credential]:
    out: list[Credential] = []
    default_user = None
    for n, line in enumerate(text.splitlines(), 1):
        line = line[:4096]
        if m := _USER_ASSIGN.search(line):
            default_user = m.group(1)
        pw, users = _inputs(line)
        if users:
            default_user = users[0]
        found: list[tuple[str, str | None]] = [(v, None) for v in pw]
        for rx in (_WEB_COMPARE, _WEB_ASSIGN):
            for m in rx.finditer(line):
                found.append((m.group(2), m.group(1)))
        found += [(m.group(1), None) for m in _FILL.finditer(line)]
        seen: set[str] = set()
        for value, name in found:
            if value in seen or not plausible(value) or value.lower().startswith(("text", "password")):
                continue
            seen.add(value)
            out.append(credential("web", path, value, line=n, account=default_user or name,
                                  interface="web", context=line.strip()))
    return out


def base64_strings(path: str, text: str, limit: int = 200) -> dict[str, str]:
    """Quoted Base64 tokens decoded once or twice when the result is a printable word:
    hard-coded passwords are often "hidden" this way."""
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


def _claims(f: FileInput) -> bool:
    return f.text is not None and is_web(f.rel) and not is_doc(f.rel)


def _scan(f: FileInput) -> Found:
    assert f.text is not None
    return Found(credentials=scan_web(f.rel, f.text), harvested=base64_strings(f.rel, f.text))


HANDLER = Handler(
    name="web-ui",
    kind="FW-WEBUI-PASSWORD",
    sources=("web",),
    reads="web-UI code (*.js, *.htm(l), *.asp, *.php, *.lua, *.cgi, *.jsp, …): default user/password "
          "variables, client-side password comparisons, password-field defaults and fills",
    precision="only literal values of 3-64 characters assigned to names that say default/admin/login… "
              "password, compared with a password field, or given as a password field's value",
    claims=_claims,
    scan=_scan,
)
