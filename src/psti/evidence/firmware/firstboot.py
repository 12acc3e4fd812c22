"""Per-unit passwords generated at first boot.

A script that sets an account's password from a random source (or a keyed hash of
an identifier) at first boot means the hash in the image never reaches a customer:
the shipped hash is then not a universal password. A password computed from the MAC
address or serial number alone is a different breach (Sch 1 para 1(3)(c)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from psti.evidence.firmware.tree import TreeFile

_SETS_PASSWORD = re.compile(
    r"\bchpasswd\b|\bpasswd\b\s+(-\w+\s+)*['\"]?(\w+)|\busermod\b.*\s-p\s|\bmkpasswd\b|"
    r"openssl\s+passwd|\bsed\b.*(/etc/)?shadow"
)
_RANDOM = re.compile(r"/dev/u?random|\$RANDOM|openssl\s+rand|\bpwgen\b|uuidgen|getrandom|mktemp -u")
_IDENTIFIER = re.compile(
    r"/sys/class/net/\w+/address|\bifconfig\b.*HWaddr|\bip\s+link\b|\bmac(_?addr(ess)?)?\b|"
    r"\bserial(_?number|no)?\b|/proc/cpuinfo|fw_printenv\s+\w*(mac|serial|sn)\w*|\bethaddr\b",
    re.I,
)
_KEYED = re.compile(r"\bhmac\b|openssl\s+(dgst|mac)\s.*-(hmac|mac)|\bsecret\b.*\bsha\d+", re.I)
_ACCOUNT = re.compile(
    r"\b(root|admin|user|support|guest|[a-z_][a-z0-9_-]{2,15})\s*:\s*\$|passwd\s+(-\w+\s+)*['\"]?([a-z_][a-z0-9_-]*)"
)
_FIRSTBOOT_HINT = re.compile(
    r"first.?boot|uci-defaults|/etc/rc\.once|\.first_boot|/overlay|"
    r"factory|if\s+\[\s+!\s+-[ef]\s+\S+\s+\]",
    re.I,
)


@dataclass
class Generation:
    path: str
    line: int
    accounts: set[str]  # empty set: the script does not name the account (assume root)
    source: str  # "random" | "keyed" | "identifier"
    excerpt: str


def script_generation(tf: TreeFile, text: str) -> Generation | None:
    """Where one script sets a password per unit (its first such line), if it does."""
    if not _SETS_PASSWORD.search(text):
        return None
    rnd, ident, keyed = _RANDOM.search(text), _IDENTIFIER.search(text), _KEYED.search(text)
    if not (rnd or ident):
        return None
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith("#") or not _SETS_PASSWORD.search(line):
            continue
        accounts = {a for m in _ACCOUNT.finditer(line) for a in (m.group(1), m.group(3)) if a}
        if rnd:
            source = "random"
        elif keyed:
            source = "keyed"
        else:
            source = "identifier"
        return Generation(tf.rel, n, accounts or {"root"}, source, line.strip()[:160])
    return None
