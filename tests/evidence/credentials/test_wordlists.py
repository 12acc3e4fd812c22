"""The word lists: common passwords from the default-credential corpus, dictionary words shipped here."""

from __future__ import annotations

from importlib import resources

from psti.corpus import load_corpus
from psti.evidence.credentials import wordlists


def test_shipped_lists_have_provenance_and_expected_entries() -> None:
    common = wordlists.common_passwords()
    assert {"password", "123456", "qwerty"} <= common and len(common) >= 10_000
    assert {"government", "history"} <= wordlists.dictionary_words()
    prov = resources.files("psti.evidence.credentials").joinpath("data", "PROVENANCE.md").read_text()
    assert "MIT" in prov and "zxcvbn" in prov


def test_common_passwords_are_the_corpus_lists_lower_cased() -> None:
    corpus = load_corpus()
    common = wordlists.common_passwords()
    assert {p.lower() for p in corpus.common} <= common
    assert {e.password.lower() for e in corpus.entries if e.password} <= common
    assert len(common) == len({p.lower() for p in (*corpus.common, *(e.password for e in corpus.entries)) if p})


def test_the_common_password_list_is_shipped_once() -> None:
    shipped = [p.name for p in resources.files("psti").joinpath("evidence", "credentials", "data").iterdir()]
    assert "common-passwords.txt" not in shipped
    assert resources.files("psti").joinpath("corpus", "data", "common-passwords.txt").is_file()
