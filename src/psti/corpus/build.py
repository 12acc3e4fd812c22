"""Build the shipped default-credential corpus from the public source lists.

`psti corpus build --from DIR` runs `build()` on a folder laid out like
`shared/data/default-credentials/` (see docs/firmware.md). Only sources whose
licence allows redistribution in an Apache-2.0 package are read: SecLists (MIT),
RouterSploit (BSD-3-Clause style) and DefaultCreds-cheat-sheet (MIT). GPL-3.0 lists
(Mirai, changeme) and pwdsearch (no licence) are deliberately not shipped.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from psti.errors import ArtefactError

DATA = Path(__file__).parent / "data"
CREDENTIALS_FILE = "credentials.tsv"
COMMON_FILE = "common-passwords.txt"
SOURCES_FILE = "sources.json"
VENDOR_DEFAULTS = "vendor-defaults.tsv"  # kept in the package: one public source per row
_PACKAGE = "psti:"  # a source file name with this prefix is read from the package data
COMMON_LIMIT = 10_000

# Markers the lists use for "no value" and "unknown value".
_BLANK = {"<blank>", "(blank)", "blank", "(none)", "<none>", "none", "<empty>", "(empty)", "empty"}
_UNKNOWN = {"<n/a>", "n/a", "(unknown)", "unknown", "<see comment>", "(see note)", "?", "-"}
# Passwords that are descriptions ("the last eight digits of the serial number").
_DESCRIPTION = re.compile(r"\s\S+\s|serial|mac address|sticker|label|random|calculated|caclulated", re.I)


@dataclass
class Source:
    id: str
    title: str
    licence: str
    licence_file: str
    upstream: str
    commit: str
    files: tuple[str, ...]
    reader: Callable[[Path], Iterator[tuple[str, str, str]]]  # -> (vendor, username, password)
    rows: int = 0


@dataclass
class Entry:
    username: str
    password: str
    vendors: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


def _clean(value: str) -> str | None:
    """Normalise a list value; None when it is unknown or a description, not a value."""
    v = value.replace("\r", "").strip()
    low = v.lower()
    if low in _BLANK:
        return ""
    if low in _UNKNOWN or v.startswith(("<<<", "%")) or "\t" in v or "\n" in v:
        return None
    if (v.startswith("(") and v.endswith(")")) or (v.startswith("<") and v.endswith(">")):
        return None
    if len(v) > 40 or (_DESCRIPTION.search(v) and " " in v):
        return None
    return v


def _vendor(name: str) -> str:
    name = re.sub(r"\(.*?\)", "", name.lower())
    name = re.sub(r",?\s+(inc|ltd|llc|corp|corporation|co|gmbh|ag|plc)\.?$", "", name.strip())
    return re.sub(r"\s+", " ", name).strip(" .,")


def _seclists_csv(path: Path) -> Iterator[tuple[str, str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.DictReader(f):
            yield row.get("Vendor", ""), row.get("Username", ""), row.get("Password", "")


def _colon_pairs(path: Path) -> Iterator[tuple[str, str, str]]:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if ":" in line:
            user, _, pw = line.strip("\r").partition(":")
            yield "", user, pw


def _cheat_sheet(path: Path) -> Iterator[tuple[str, str, str]]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    for key, row in raw.get("_default", {}).items():
        if key == "1":  # header record
            continue
        yield row.get("product", ""), row.get("username", ""), row.get("password", "")


def _routersploit_modules(path: Path) -> Iterator[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield (
                row.get("devices", "") or row.get("device_name", ""),
                row["username"],
                row["password"],
            )


def _vendor_defaults(path: Path) -> Iterator[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            yield row["vendor"], row["username"], row["password"]


def vendor_default_rows(path: Path | None = None) -> list[dict[str, str]]:
    """The rows of vendor-defaults.tsv with the public file each was read from."""
    with (path or DATA / VENDOR_DEFAULTS).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


SOURCES: tuple[Source, ...] = (
    Source(
        "seclists",
        "SecLists Passwords/Default-Credentials",
        "MIT",
        "licenses/seclists.txt",
        "https://github.com/danielmiessler/SecLists",
        "02cdfa5f2dddbf6556fea675d9440d2181ffbb0d",
        ("seclists/default-passwords.csv",),
        _seclists_csv,
    ),
    Source(
        "seclists-telnet",
        "SecLists telnet-betterdefaultpasslist.txt",
        "MIT",
        "licenses/seclists.txt",
        "https://github.com/danielmiessler/SecLists",
        "208d2e430d679a689fa2ba6bb1b51380f3102d97",
        ("seclists/telnet-betterdefaultpasslist.txt",),
        _colon_pairs,
    ),
    Source(
        "seclists-ssh",
        "SecLists ssh-betterdefaultpasslist.txt",
        "MIT",
        "licenses/seclists.txt",
        "https://github.com/danielmiessler/SecLists",
        "008f128ab7cb7b0653aa7138f633be007bad1c84",
        ("seclists/ssh-betterdefaultpasslist.txt",),
        _colon_pairs,
    ),
    Source(
        "routersploit",
        "RouterSploit creds modules and defaults word list",
        "BSD-3-Clause (RouterSploit Framework licence)",
        "licenses/routersploit.txt",
        "https://github.com/threat9/routersploit",
        "723b574c36ae202857e3f93e4f3c2ab9a1638ed4",
        ("routersploit_creds_modules.csv", "routersploit_wordlist_defaults.txt"),
        lambda p: _routersploit_modules(p) if p.suffix == ".csv" else _colon_pairs(p),
    ),
    Source(
        "defaultcreds-cheat-sheet",
        "DefaultCreds-cheat-sheet 0.5.3.0 (PyPI defaultcreds-cheat-sheet)",
        "MIT",
        "licenses/defaultcreds-cheat-sheet.txt",
        "https://github.com/ihebski/DefaultCreds-cheat-sheet",
        "0.5.3.0",
        ("defaultcreds_cheat_sheet_DefaultCreds_db.json",),
        _cheat_sheet,
    ),
    Source(
        "vendor-defaults",
        "Vendor defaults read from public firmware files and vendor or project documentation "
        "(one cited source per row)",
        "Apache-2.0 (facts collected for psti; see the licence file)",
        "licenses/vendor-defaults.txt",
        "psti: src/psti/corpus/data/vendor-defaults.tsv",
        "per row",
        (_PACKAGE + VENDOR_DEFAULTS,),
        _vendor_defaults,
    ),
)

EXCLUDED = {
    "mirai_scanner_credentials.csv": "GPL-3.0: not redistributable in an Apache-2.0 package",
    "changeme_creds/": "GPL-3.0: not redistributable in an Apache-2.0 package",
    "pwdsearch_default-passwords.csv": "no licence stated",
}


@dataclass
class BuildReport:
    entries: int
    sources: dict[str, int]
    common: int | None
    out_dir: Path


def collect(src_dir: Path) -> tuple[dict[tuple[str, str], Entry], dict[str, int]]:
    """Read every licensed source under src_dir; deduplicate on (username, password)."""
    entries: dict[tuple[str, str], Entry] = {}
    counts: dict[str, int] = {}
    for source in SOURCES:
        n = 0
        for name in source.files:
            path = DATA / name.removeprefix(_PACKAGE) if name.startswith(_PACKAGE) else src_dir / name
            if not path.is_file():
                raise ArtefactError(
                    f"corpus source {path} is missing (expected the layout of shared/data/default-credentials)"
                )
            for vendor, user, pw in source.reader(path):
                u, p = _clean(user), _clean(pw)
                if u is None or p is None or (not u and not p):
                    continue
                entry = entries.setdefault((u, p), Entry(u, p))
                entry.sources.add(source.id)
                if v := _vendor(vendor):
                    entry.vendors.add(v)
                n += 1
        counts[source.id] = n
    return entries, counts


def write_credentials(entries: dict[tuple[str, str], Entry]) -> str:
    out = io.StringIO()
    out.write("username\tpassword\tvendors\tsources\n")
    for (u, p), e in sorted(entries.items()):
        out.write(f"{u}\t{p}\t{';'.join(sorted(e.vendors))}\t{','.join(sorted(e.sources))}\n")
    return out.getvalue()


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def common_from_zxcvbn(limit: int = COMMON_LIMIT) -> list[str] | None:
    """The most frequent passwords of zxcvbn's list (MIT), if the package is importable."""
    try:
        from zxcvbn.frequency_lists import FREQUENCY_LISTS  # type: ignore[import-not-found]
    except ImportError:
        return None
    return [w for w in FREQUENCY_LISTS["passwords"][:limit] if "\t" not in w]


def build(src_dir: Path, out_dir: Path = DATA) -> BuildReport:
    """Rebuild credentials.tsv, sources.json (and common-passwords.txt when zxcvbn is there)."""
    if not src_dir.is_dir():
        raise ArtefactError(f"corpus source folder {src_dir} does not exist")
    entries, counts = collect(src_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_atomically(out_dir / CREDENTIALS_FILE, write_credentials(entries))
    common = common_from_zxcvbn()
    if common is not None:
        header = "# zxcvbn 4.5.0 'passwords' frequency list, most frequent first (MIT; licenses/zxcvbn.txt)\n"
        _write_atomically(out_dir / COMMON_FILE, header + "\n".join(common) + "\n")
    manifest = {
        "entries": len(entries),
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "licence": s.licence,
                "licence_file": s.licence_file,
                "upstream": s.upstream,
                "version": s.commit,
                "files": list(s.files),
                "rows_read": counts[s.id],
            }
            for s in SOURCES
        ],
        "common_passwords": {
            "title": "zxcvbn password frequency list (top entries)",
            "licence": "MIT",
            "licence_file": "licenses/zxcvbn.txt",
            "upstream": "https://pypi.org/project/zxcvbn/ 4.5.0 (data from dropbox/zxcvbn)",
        },
        "excluded": EXCLUDED,
    }
    _write_atomically(out_dir / SOURCES_FILE, json.dumps(manifest, indent=2) + "\n")
    return BuildReport(len(entries), counts, len(common) if common is not None else None, out_dir)
