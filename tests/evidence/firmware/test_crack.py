from __future__ import annotations

from psti.corpus import Candidate, load_corpus
from psti.evidence.firmware.crack import crack, plan
from tests.evidence.firmware.fwtree import md5, sha512


def test_pool_cracks_corpus_passwords_and_reports_the_source() -> None:
    cands = load_corpus().candidates()
    h1, h2, h3 = md5("admin"), sha512("7ujMko0vizxv"), md5("Xq9!unguessable-zz")
    results = crack([(h1, "md5crypt", []), (h2, "sha512crypt", []), (h3, "md5crypt", [])], cands, workers=2)
    assert results[h1].plaintext == "admin"
    assert "corpus" in (results[h1].origin or "")
    assert results[h2].plaintext == "7ujMko0vizxv"
    assert results[h3].plaintext is None and results[h3].complete
    assert results[h3].tried == len(cands)


def test_account_guesses_come_first_and_duplicates_are_checked_once() -> None:
    h = md5("support", salt="s")
    first = [Candidate("support", "the account name")]
    results = crack([(h, "md5crypt", first), (h, "md5crypt", first)], [Candidate("x", "t")], workers=1)
    assert len(results) == 1
    assert results[h].origin == "the account name"


def test_slow_hashes_get_a_bounded_plan() -> None:
    cands = [Candidate(str(i), "t") for i in range(10_000)]
    bcrypt10 = "$2b$10$" + "a" * 53
    assert len(plan("bcrypt", bcrypt10, cands, [])) < len(plan("bcrypt", "$2b$05$" + "a" * 53, cands, []))
    assert len(plan("md5crypt", "", cands, [])) == 10_000


def test_deadline_stops_work_and_marks_hash_incomplete() -> None:
    cands = load_corpus().candidates()
    h = sha512("not-in-any-list-9f8e7d")
    r = crack([(h, "sha512crypt", [])], cands, workers=2, deadline_s=0.0)[h]
    assert r.plaintext is None and not r.complete
