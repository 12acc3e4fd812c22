"""System accounts: passwd/shadow (glibc, BusyBox, Dropbear use the same files).

A password field is a finding only when it holds a usable password: a hash or an
empty field. Locked fields (`!…`, `*…`) and `x` without a shadow entry are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from psti.evidence.firmware.hashes import identify
from psti.evidence.firmware.model import Credential, Form
from psti.evidence.firmware.tree import FileTree, TreeFile

NOLOGIN_SHELLS = {
    "/bin/false",
    "/sbin/nologin",
    "/usr/sbin/nologin",
    "/usr/bin/nologin",
    "/bin/nologin",
    "/bin/sync",
    "/sbin/shutdown",
    "/sbin/halt",
    "/dev/null",
    "false",
}
# A line of a passwd/shadow-format file: name, then the password field.
_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_.@-]{0,31}\$?):([^:\s]*)(?::|$)")
_ACCOUNT_FILE = re.compile(r"shadow|passwd|^users?(\.txt)?$", re.I)


@dataclass
class Account:
    name: str
    uid: int | None
    shell: str | None
    home: str | None = None

    @property
    def interactive(self) -> bool | None:
        if self.shell is None:
            return None
        return self.shell.strip() not in NOLOGIN_SHELLS and self.shell.strip() != ""


def parse_passwd(text: str) -> dict[str, Account]:
    out: dict[str, Account] = {}
    for line in text.splitlines():
        parts = line.strip().split(":")
        if len(parts) < 7 or line.startswith("#"):
            continue
        try:
            uid = int(parts[2])
        except ValueError:
            uid = None
        out.setdefault(parts[0], Account(parts[0], uid, parts[6], parts[5]))
    return out


def password_fields(text: str) -> list[tuple[int, str, str]]:
    """(line number, account, password field) for every passwd-format line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _LINE.match(line.strip())
        if m:
            out.append((n, m.group(1), m.group(2)))
    return out


def classify(field: str) -> tuple[Form, str | None] | None:
    """('hash', type) / ('empty', None) / None when locked, a placeholder or not a hash."""
    if field == "":
        return ("empty", None)
    if field[0] in "!*" or field in ("x", "X"):
        return None
    kind = identify(field)
    return ("hash", kind) if kind else None


def _service_file(path: str, htype: str | None) -> str | None:
    """Web-server and MQTT password files share the passwd line format."""
    low = path.lower()
    if htype in ("mosquitto-sha512", "mosquitto-pbkdf2") or "mosquitto" in low:
        return "mosquitto"
    if htype in ("apr1", "sha1-b64", "ssha") or "htpasswd" in low or "http" in low:
        return "htpasswd"
    return None


def is_account_file(name: str) -> bool:
    return bool(_ACCOUNT_FILE.search(name))


def scan_accounts(tree: FileTree, files: list[TreeFile]) -> tuple[list[Credential], dict[str, Account]]:
    """Credentials from the live /etc/shadow and /etc/passwd, and from any other file in
    passwd/shadow format (backups, stray copies), with what we know of each account."""
    live_passwd_text = tree.text("/etc/passwd") or ""
    accounts = parse_passwd(live_passwd_text)
    creds: list[Credential] = []
    live_shadow = tree.resolve("/etc/shadow")
    live_passwd = tree.resolve("/etc/passwd")

    def emit(tf_rel: str, text: str, live: bool, local_accounts: dict[str, Account]) -> None:
        for line, name, field in password_fields(text):
            c = classify(field)
            if c is None:
                continue
            form, htype = c
            if form == "empty" and not (live or any(w in PurePosixPath(tf_rel).name for w in ("shadow", "passwd"))):
                continue  # "user:" in an arbitrary file is too weak to call an empty password
            acct = local_accounts.get(name) or accounts.get(name)
            service = _service_file(tf_rel, htype)
            cred = Credential(
                source=service or ("shadow" if "shadow" in tf_rel else "passwd"),
                path=tf_rel,
                secret=field,
                form=form,
                account=name,
                line=line,
                hash_type=htype,
                interface={"mosquitto": "mqtt", "htpasswd": "web"}.get(service or "", "system login"),
            )
            if service is not None:
                cred.login, cred.login_reason = True, f"{service} password file"
            elif acct is not None and acct.interactive is not None:
                cred.login = bool(acct.interactive)
                cred.login_reason = f"shell {acct.shell or '(none)'}"
            else:
                cred.login = None
                cred.login_reason = "no passwd entry for the account"
            if not live and service is None:
                cred.login_reason += "; file is not the live /etc/shadow or /etc/passwd"
            creds.append(cred)

    if live_shadow is not None:
        text = tree.read(live_shadow).decode("utf-8", "replace")
        emit(tree.rel(live_shadow), text, True, {})
    if live_passwd is not None:
        # Old-style or BusyBox images keep the hash in passwd itself. A hash there is the
        # one login checks even when shadow has the account: glibc and BusyBox read shadow
        # only when the field is `x` (which `classify` skips).
        emit(tree.rel(live_passwd), live_passwd_text, True, {})
    done = {p for p in (live_shadow, live_passwd) if p is not None}
    for tf in files:
        if tf.size > 1 << 20 or not is_account_file(tf.name) or tf.path in done:
            continue
        raw = tree.read(tf.ondisk)
        if b"\x00" in raw[:4096]:
            continue  # a program named passwd, not a password file
        text = raw.decode("utf-8", "replace")
        sibling = tf.path.parent / "passwd"
        local = parse_passwd(sibling.read_text("utf-8", "replace")) if sibling.is_file() else {}
        emit(tf.rel, text, False, local)
    return creds, accounts
