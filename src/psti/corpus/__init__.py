"""The default-credential corpus: known vendor defaults plus common passwords.

Shipped as package data (`data/`), built by `psti corpus build` from licensed public
lists; `data/sources.json` records where every row came from and under which licence.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from psti.corpus.build import COMMON_FILE, CREDENTIALS_FILE, DATA, SOURCES_FILE


@dataclass(frozen=True)
class CorpusEntry:
    username: str
    password: str
    vendors: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """A password to try, with why it is in the list (for the finding's message)."""

    password: str
    origin: str  # e.g. "default-credential corpus (seclists, routersploit)" or "common password #12"


@dataclass(frozen=True)
class Corpus:
    entries: tuple[CorpusEntry, ...]
    common: tuple[str, ...]
    manifest: dict

    def candidates(self, limit_common: int | None = None) -> list[Candidate]:
        """Every distinct password, most likely first: corpus passwords by how many
        entries use them, interleaved with the common-password list by rank."""
        cache: dict[int | None, list[Candidate]] = self.__dict__.setdefault("_candidate_cache", {})
        if limit_common not in cache:
            cache[limit_common] = self._candidates(limit_common)
        return list(cache[limit_common])

    def _candidates(self, limit_common: int | None) -> list[Candidate]:
        weight: dict[str, int] = {}
        origin: dict[str, set[str]] = {}
        for e in self.entries:
            weight[e.password] = weight.get(e.password, 0) + 1
            origin.setdefault(e.password, set()).update(e.sources)
        corpus_order = sorted(weight, key=lambda p: (-weight[p], p))
        common = self.common if limit_common is None else self.common[:limit_common]
        out: list[Candidate] = []
        seen: set[str] = set()
        for i in range(max(len(corpus_order), len(common))):
            for pw, label in (
                (corpus_order[i] if i < len(corpus_order) else None, "corpus"),
                (common[i] if i < len(common) else None, "common"),
            ):
                if pw is None or pw in seen:
                    continue
                seen.add(pw)
                if label == "corpus":
                    why = f"default-credential corpus ({', '.join(sorted(origin[pw]))})"
                else:
                    why = f"common password #{i + 1} (zxcvbn frequency list)"
                out.append(Candidate(pw, why))
        return out

    def pairs(self) -> Mapping[str, frozenset[str]]:
        """username -> known default passwords for it (computed once, shared: read-only)."""
        cache: Mapping[str, frozenset[str]] | None = self.__dict__.get("_pairs_cache")
        if cache is None:
            grouped: dict[str, set[str]] = {}
            for e in self.entries:
                grouped.setdefault(e.username, set()).add(e.password)
            cache = self.__dict__["_pairs_cache"] = MappingProxyType(
                {user: frozenset(passwords) for user, passwords in grouped.items()}
            )
        return cache

    def known_passwords(self, min_length: int = 4) -> frozenset[str]:
        """Every corpus password at least min_length long."""
        cache: dict[int, frozenset[str]] = self.__dict__.setdefault("_known_cache", {})
        if min_length not in cache:
            cache[min_length] = frozenset(e.password for e in self.entries if len(e.password) >= min_length)
        return cache[min_length]


def _read_entries(path: Path) -> tuple[CorpusEntry, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    out = []
    for line in lines:
        u, p, vendors, sources = line.split("\t")
        out.append(CorpusEntry(u, p, tuple(filter(None, vendors.split(";"))), tuple(sources.split(","))))
    return tuple(out)


@lru_cache(maxsize=4)
def load_corpus(data_dir: Path = DATA) -> Corpus:
    entries = _read_entries(data_dir / CREDENTIALS_FILE)
    common = tuple(
        w for w in (data_dir / COMMON_FILE).read_text(encoding="utf-8").splitlines() if w and not w.startswith("# ")
    )
    manifest = json.loads((data_dir / SOURCES_FILE).read_text(encoding="utf-8"))
    return Corpus(entries, common, manifest)
