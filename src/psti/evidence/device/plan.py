"""Which credentials to try on each interface, in which order, and how many.

Order: the product's own firmware first (a password found there is on every unit), then
corpus entries whose vendor matches the device's fingerprint, then the generic corpus by
how many public lists carry each pair, and among pairs as widely listed, by how many vendors
ship it. Each account gets at most `max_attempts`
passwords per interface, so a device is never hammered.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from psti.corpus import Corpus, CorpusEntry
from psti.errors import ArtefactError
from psti.evidence.device.model import Credential, Service


@dataclass(frozen=True)
class PlanOptions:
    max_attempts: int = 5  # passwords per account per interface
    shortlist: int = 200  # corpus pairs considered per interface
    users: tuple[str, ...] = ()  # only these accounts, when given


def firmware_credentials(assessment_json: Path) -> list[Credential]:
    """Credentials a firmware scan recovered (its JSON report): account, plaintext, file and line."""
    try:
        doc = json.loads(assessment_json.read_text(encoding="utf-8"))
        findings = doc["findings"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ArtefactError(f"{assessment_json}: not a psti assessment JSON ({exc})") from None
    out: list[Credential] = []
    for f in findings:
        details = f.get("details") or {}
        # Every firmware finding that recovered a password carries it as `plaintext` (a URL's
        # as `value`); masked reports carry `masked` and give nothing to try.
        password = details.get("plaintext") or (details.get("value") if f.get("kind") == "FW-URL-CREDENTIALS" else None)
        user = details.get("account") or details.get("user") or details.get("username") or "root"
        if not str(f.get("kind", "")).startswith("FW-") or details.get("masked") or not isinstance(password, str):
            continue
        loc = f.get("location") or {}
        where = ":".join(str(x) for x in (loc.get("path"), loc.get("line")) if x)
        out.append(Credential(str(user), password, f"firmware: {where or 'image'}"))
    return out


def _matching_vendors(entry: CorpusEntry, fingerprint: set[str]) -> list[str]:
    return [v for v in entry.vendors if any(w in fingerprint for w in re.findall(r"[a-z0-9-]{3,}", v.lower()))]


def _ranked_corpus(corpus: Corpus, fingerprint: set[str]) -> list[Credential]:
    """Corpus pairs, those whose vendor the fingerprint names first, each by how many lists
    carry it, then by how many vendors ship it (so one vendor's new row does not outrank a
    default that dozens of vendors share)."""
    weight: dict[tuple[str, str], int] = {}
    vendors_of: dict[tuple[str, str], set[str]] = {}
    first: dict[tuple[str, str], CorpusEntry] = {}
    for e in corpus.entries:
        if not e.username:
            continue
        key = (e.username, e.password)
        weight[key] = weight.get(key, 0) + len(e.sources)
        vendors_of.setdefault(key, set()).update(v.lower() for v in e.vendors)
        first.setdefault(key, e)
    ranked: list[tuple[int, int, int, str, str, Credential]] = []
    for key, e in first.items():
        vendors = _matching_vendors(e, fingerprint)
        label = f"corpus: {', '.join(e.sources)}"
        if vendors:
            label += f"; matches the device's fingerprint ({', '.join(vendors[:3])})"
        order = (0 if vendors else 1, -weight[key], -len(vendors_of[key]), key[0], key[1])
        ranked.append((*order, Credential(key[0], key[1], label)))
    return [r[-1] for r in sorted(ranked, key=lambda r: r[:5])]


def plan_for(service: Service, firmware: Iterable[Credential], corpus: Corpus, opts: PlanOptions) -> list[Credential]:
    """The credentials to try on one interface, bounded per account."""
    fingerprint = set(service.fingerprint)
    candidates = list(firmware) + _ranked_corpus(corpus, fingerprint)[: opts.shortlist]
    per_user: dict[str, int] = {}
    out: list[Credential] = []
    seen: set[tuple[str, str]] = set()
    for cred in candidates:
        if opts.users and cred.user not in opts.users:
            continue
        if (cred.user, cred.password) in seen or per_user.get(cred.user, 0) >= opts.max_attempts:
            continue
        seen.add((cred.user, cred.password))
        per_user[cred.user] = per_user.get(cred.user, 0) + 1
        out.append(cred)
    return out
