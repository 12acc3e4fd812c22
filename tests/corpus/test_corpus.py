from __future__ import annotations

import json
from pathlib import Path

import pytest

from psti.corpus import load_corpus
from psti.corpus.build import DATA, build


def test_shipped_corpus_has_provenance_and_only_licensed_sources() -> None:
    c = load_corpus()
    assert len(c.entries) > 2000 and len(c.common) == 10_000
    ids = {s["id"] for s in c.manifest["sources"]}
    assert ids == {e for entry in c.entries for e in entry.sources}
    for s in c.manifest["sources"]:
        assert (DATA / s["licence_file"]).is_file()
        assert "GPL" not in s["licence"]
    assert (DATA / c.manifest["common_passwords"]["licence_file"]).is_file()
    assert "pwdsearch_default-passwords.csv" in c.manifest["excluded"]


def test_entries_are_normalised_and_deduplicated() -> None:
    c = load_corpus()
    pairs = [(e.username, e.password) for e in c.entries]
    assert len(pairs) == len(set(pairs))
    for e in c.entries:
        assert e.password.strip() == e.password and "<" not in e.password[:1]
        assert e.password.lower() not in ("<blank>", "n/a", "(none)")
    admin = [e for e in c.entries if e.username == "admin" and e.password == "admin"]
    assert admin and len(admin[0].sources) >= 3 and admin[0].vendors


def test_candidates_put_the_likeliest_first() -> None:
    cands = load_corpus().candidates()
    top = [c.password for c in cands[:10]]
    assert {"", "admin", "123456", "password"} <= set(top)
    assert len({c.password for c in cands}) == len(cands)


def test_rebuild_from_the_shared_lists_reproduces_the_shipped_data(shared_data: Path, tmp_path: Path) -> None:
    report = build(shared_data / "default-credentials", tmp_path)
    assert report.entries == len(load_corpus().entries)
    assert (tmp_path / "credentials.tsv").read_text() == (DATA / "credentials.tsv").read_text()
    manifest = json.loads((tmp_path / "sources.json").read_text())
    assert manifest["sources"] == load_corpus().manifest["sources"]


def test_build_from_a_wrong_folder_says_what_is_missing(tmp_path: Path) -> None:
    from psti.errors import ArtefactError

    with pytest.raises(ArtefactError, match="seclists/default-passwords.csv"):
        build(tmp_path, tmp_path / "out")


def test_vendor_defaults_cite_a_public_file_per_row_and_reach_the_corpus() -> None:
    from psti.corpus.build import vendor_default_rows

    rows = vendor_default_rows()
    assert len(rows) >= 8
    pairs = {(e.username, e.password): e for e in load_corpus().entries}
    for r in rows:
        assert "github.com/" in r["evidence"], r
        password = "" if r["password"] == "<blank>" else r["password"]
        entry = pairs[(r["username"], password)]
        assert "vendor-defaults" in entry.sources and r["vendor"] in entry.vendors


def test_stats_shows_sources_and_vendors() -> None:
    from typer.testing import CliRunner

    from psti.cli import app

    out = CliRunner().invoke(app, ["corpus", "stats", "--vendors", "5", "--vendor", "pldt"])
    assert out.exit_code == 0, out.output
    assert "vendor-defaults" in out.output and "superadmin" in out.output and "d2k2993.sh" in out.output
    bad = CliRunner().invoke(app, ["corpus", "stats", "--vendor", "no-such-vendor-x"])
    assert bad.exit_code != 0 and "no vendor" in bad.output


def test_documented_vendor_defaults_are_candidates_for_their_account() -> None:
    """A default published in a vendor's or project's documentation (the Creality K1 root
    password) reaches the cracking candidates and the account's known passwords."""
    corpus = load_corpus()
    entry = next(e for e in corpus.entries if (e.username, e.password) == ("root", "creality_2023"))
    assert entry.vendors == ("creality",) and entry.sources == ("vendor-defaults",)
    assert "creality_2023" in corpus.pairs()["root"]
    assert any(c.password == "creality_2023" and "vendor-defaults" in c.origin for c in corpus.candidates())
