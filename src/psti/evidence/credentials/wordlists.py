"""Word lists for guessability: common (leaked) passwords and dictionary words.

Common passwords are the default-credential corpus's (`psti.corpus`: its common-password
list and every known vendor default), the one copy psti ships. The dictionary words come
from the zxcvbn frequency lists (MIT, see data/PROVENANCE.md).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from psti.corpus import load_corpus


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The corpus's common passwords and vendor default passwords, lower-cased."""
    corpus = load_corpus()
    found = (*corpus.common, *(e.password for e in corpus.entries))
    return frozenset(p.lower() for p in found if p)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    text = resources.files("psti.evidence.credentials").joinpath("data", "dictionary-words.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))
