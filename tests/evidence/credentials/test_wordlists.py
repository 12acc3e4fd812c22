"""The shipped word lists and the hook to the default-credential corpus."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass

import pytest

from psti.evidence.credentials import wordlists


def test_shipped_lists_have_provenance_and_expected_entries() -> None:
    common = wordlists.common_passwords()
    assert {"password", "123456", "qwerty"} <= common and len(common) >= 10_000
    assert {"government", "history"} <= wordlists.dictionary_words()
    from importlib import resources

    prov = resources.files("psti.evidence.credentials").joinpath("data", "PROVENANCE.md").read_text()
    assert "MIT" in prov and "zxcvbn" in prov


@dataclass
class _Entry:
    password: str


@dataclass
class _Corpus:
    entries: tuple[_Entry, ...]
    common: tuple[str, ...]


def test_corpus_passwords_are_added_when_the_corpus_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("psti.corpus")
    fake.load_corpus = lambda: _Corpus((_Entry("Zte521-Factory"),), ("hunter2",))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "psti.corpus", fake)
    import psti

    monkeypatch.setattr(psti, "corpus", fake, raising=False)
    wordlists.common_passwords.cache_clear()
    try:
        assert {"zte521-factory", "hunter2"} <= wordlists.common_passwords()
    finally:
        monkeypatch.undo()
        wordlists.common_passwords.cache_clear()
    assert "zte521-factory" not in wordlists.common_passwords()
