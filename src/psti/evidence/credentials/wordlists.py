"""Word lists for guessability: common (leaked) passwords and dictionary words.

The shipped lists come from the zxcvbn frequency lists (MIT, see data/PROVENANCE.md).
`corpus_passwords()` is the hook to the default-credential corpus (`psti.corpus`) when it
is installed; until then it adds nothing.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _read(name: str) -> list[str]:
    text = resources.files("psti.evidence.credentials").joinpath("data", name).read_text("utf-8")
    return [w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def corpus_passwords() -> frozenset[str]:
    """Passwords of the default-credential corpus (`psti.corpus`), lower-cased; empty if absent.

    The corpus is built separately (`psti corpus build`); this function is the single place
    that reads it, so the guessability check picks it up as soon as it is installed.
    """
    try:
        from psti import corpus  # type: ignore[attr-defined]
    except ImportError:
        return frozenset()
    try:
        load = getattr(corpus, "load_corpus", None)
        if callable(load):
            c = load()
            found = [e.password for e in c.entries] + list(c.common)
        else:
            fn = getattr(corpus, "default_passwords", None) or getattr(corpus, "passwords", None)
            found = list(fn()) if callable(fn) else []
    except Exception:  # a broken corpus must not stop a batch analysis
        return frozenset()
    return frozenset(str(p).lower() for p in found if p)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    return frozenset(_read("common-passwords.txt")) | corpus_passwords()


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    return frozenset(_read("dictionary-words.txt"))
