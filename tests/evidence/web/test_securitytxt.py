"""RFC 9116 validation: crafted cases and the real corpus in ../shared/data/security-txt."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from psti.evidence.web.securitytxt import parse_security_txt
from tests.evidence.web.conftest import CORPUS_NOW, data

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
GOOD = (
    "Contact: mailto:security@vendor.example\n"
    "Contact: https://vendor.example/report\n"
    "Expires: 2026-12-31T23:59:59Z\n"
    "Encryption: https://vendor.example/pgp.asc\n"
    "Policy: https://vendor.example/security-policy\n"
    "Acknowledgments: https://vendor.example/hall-of-fame\n"
    "Preferred-Languages: en, de\n"
    "Hiring: https://vendor.example/jobs\n"
    "CSAF: https://vendor.example/.well-known/csaf/provider-metadata.json\n"
    "Canonical: https://vendor.example/.well-known/security.txt\n"
)


def parse(text: str | bytes, **kw):  # type: ignore[no-untyped-def]
    data_ = text.encode() if isinstance(text, str) else text
    return parse_security_txt(data_, now=kw.pop("now", NOW), **kw)


def test_complete_file_is_valid() -> None:
    r = parse(GOOD, source_url="https://vendor.example/.well-known/security.txt")
    assert r.valid, r.issues
    assert r.contacts == ["mailto:security@vendor.example", "https://vendor.example/report"]
    assert r.policies == ["https://vendor.example/security-policy"]
    assert r.preferred_languages == ["en", "de"]
    assert r.expires == dt.datetime(2026, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
    assert r.codes("warning") == set()
    assert r.codes("info") == {"SECTXT-NOT-SIGNED"}


def test_field_names_are_case_insensitive() -> None:
    r = parse(GOOD.replace("Contact:", "CONTACT:").replace("Expires:", "expires:"))
    assert r.valid and len(r.contacts) == 2


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Expires: 2026-12-31T23:59:59Z\n", "SECTXT-NO-CONTACT"),
        ("Contact: mailto:a@b.example\n", "SECTXT-NO-EXPIRES"),
        ("Contact: mailto:a@b.example\nExpires: 2026-01-01T00:00:00Z\n", "SECTXT-EXPIRED"),
        ("Contact: mailto:a@b.example\nExpires: 2026-12-31\n", "SECTXT-BAD-EXPIRES"),
        ("Contact: mailto:a@b.example\nExpires: Thu, 31 Dec 2026 12:00 +0100\n", "SECTXT-BAD-EXPIRES"),
        (
            "Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\nExpires: 2026-11-30T23:59:59Z\n",
            "SECTXT-MULTIPLE-EXPIRES",
        ),
        ("Contact: security@b.example\nExpires: 2026-12-31T23:59:59Z\n", "SECTXT-CONTACT-NOT-URI"),
        ("Contact: mailto://security@b.example\nExpires: 2026-12-31T23:59:59Z\n", "SECTXT-BAD-URI"),
        ("Contact: http://b.example/report\nExpires: 2026-12-31T23:59:59Z\n", "SECTXT-INSECURE-URI"),
        (
            "Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\nEncryption: https://a.example/k, https://b.example/k\n",
            "SECTXT-BAD-URI",
        ),
        (
            "Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\nPreferred-Languages: english\n",
            "SECTXT-BAD-LANGUAGES",
        ),
        (
            "Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\n"
            "Preferred-Languages: en\nPreferred-Languages: de\n",
            "SECTXT-BAD-LANGUAGES",
        ),
        (
            "Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\nCSAF: https://a.example/csaf.json\n",
            "SECTXT-BAD-CSAF",
        ),
        ("Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\nthis is prose\n", "SECTXT-SYNTAX"),
        ("Contact:mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\n", "SECTXT-SYNTAX"),
        ("Contact : mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\n", "SECTXT-SYNTAX"),
        ("Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z", "SECTXT-LINE-ENDINGS"),
        ("Contact: mailto:a@b.example\rExpires: 2026-12-31T23:59:59Z\n", "SECTXT-LINE-ENDINGS"),
        (b"\xef\xbb\xbfContact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\n", "SECTXT-CHARSET"),
        (b"Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59Z\n# caf\xe9\n", "SECTXT-CHARSET"),
        (b"\x00\x01\x02binary", "SECTXT-NOT-TEXT"),
    ],
)
def test_errors(text: str | bytes, code: str) -> None:
    r = parse(text)
    assert code in r.codes("error"), r.issues
    assert not r.valid


def test_error_lines_are_reported() -> None:
    r = parse("# hello\nContact: mailto:a@b.example\nExpires: 2020-01-01T00:00:00Z\n")
    (expired,) = [i for i in r.issues if i.code == "SECTXT-EXPIRED"]
    assert expired.line == 3


def test_expiry_more_than_a_year_ahead_is_a_warning() -> None:
    r = parse("Contact: mailto:a@b.example\nExpires: 2028-01-01T00:00:00Z\n")
    assert r.valid and "SECTXT-LONG-EXPIRY" in r.codes("warning")


def test_expiry_judged_against_the_given_time() -> None:
    text = "Contact: mailto:a@b.example\nExpires: 2026-12-31T23:59:59+01:00\n"
    assert parse(text, now=dt.datetime(2026, 12, 31, 22, 0, tzinfo=dt.UTC)).valid
    assert not parse(text, now=dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.UTC)).valid


def test_canonical_must_match_where_fetched() -> None:
    r = parse(GOOD, source_url="https://other.example/.well-known/security.txt")
    assert "SECTXT-CANONICAL-MISMATCH" in r.codes("error")
    # the first URL of a redirect chain also counts
    r = parse(
        GOOD,
        source_url="https://www.vendor.example/.well-known/security.txt",
        also_matches=("https://vendor.example/.well-known/security.txt",),
    )
    assert r.valid
    # host case and default port are not differences
    assert parse(GOOD, source_url="https://VENDOR.example:443/.well-known/security.txt").valid


def test_content_type_and_charset_when_fetched() -> None:
    assert parse(GOOD, content_type="text/plain; charset=utf-8").valid
    assert "SECTXT-CHARSET" in parse(GOOD, content_type="text/plain").codes("error")
    assert "SECTXT-CHARSET" in parse(GOOD, content_type="text/plain; charset=iso-8859-1").codes("error")
    assert "SECTXT-CONTENT-TYPE" in parse(GOOD, content_type="text/html; charset=utf-8").codes("error")


def test_crlf_is_fine_mixed_is_a_warning() -> None:
    assert parse(GOOD.replace("\n", "\r\n")).valid
    mixed = parse(GOOD.replace("\n", "\r\n", 2))
    assert mixed.valid and "SECTXT-LINE-ENDINGS" in mixed.codes("warning")


def test_unknown_and_misspelt_fields() -> None:
    r = parse(GOOD + "Acknowledgements: https://vendor.example/thanks\nX-Bounty: yes\n")
    assert r.valid
    assert "SECTXT-MISSPELT-FIELD" in r.codes("warning")
    assert "SECTXT-UNKNOWN-FIELD" in r.codes("info")


def test_non_web_schemes_allowed_where_rfc_allows() -> None:
    text = GOOD + "Hiring: mailto:jobs@vendor.example\nContact: tel:+44-20-7946-0000\n"
    assert parse(text).valid
    r = parse(GOOD + "Contact: xmpp:sec@vendor.example\n")
    assert r.valid and "SECTXT-UNUSUAL-URI" in r.codes("warning")


SIGNED = (
    "-----BEGIN PGP SIGNED MESSAGE-----\n"
    "Hash: SHA512\n"
    "\n"
    "Contact: mailto:a@b.example\n"
    "Expires: 2026-12-31T23:59:59Z\n"
    "- -----not a header\n"
    "-----BEGIN PGP SIGNATURE-----\n"
    "\n"
    "iQIzBAEBCgAdFiEE\n"
    "-----END PGP SIGNATURE-----\n"
)


def test_signed_framing() -> None:
    r = parse(SIGNED)
    assert r.signed
    assert "SECTXT-NO-CANONICAL" in r.codes("warning")
    assert "SECTXT-SIGNATURE-FORMAT" not in r.codes()
    assert "SECTXT-SYNTAX" in r.codes("error")  # the dash-escaped prose line is still not a field


def test_signed_framing_errors() -> None:
    assert "SECTXT-SIGNATURE-FORMAT" in parse("# x\n" + SIGNED).codes("error")
    assert "SECTXT-SIGNATURE-FORMAT" in parse(SIGNED + "Contact: mailto:late@b.example\n").codes("error")
    unterminated = SIGNED.replace("-----END PGP SIGNATURE-----\n", "")
    assert "SECTXT-SIGNATURE-FORMAT" in parse(unterminated).codes("error")


def test_oversized_file_refused() -> None:
    r = parse("# " + "x" * 40000 + "\n" + GOOD)
    assert "SECTXT-TOO-LARGE" in r.codes("error")


# --- the real corpus -------------------------------------------------------------------


def _index() -> dict[str, dict[str, str]]:
    folder = data("security-txt")
    with (folder / "INDEX.csv").open(newline="", encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f)}


def test_corpus_expiry_labels() -> None:
    """Every file labelled in INDEX.csv: Expires status as of 2026-11-22 matches ours."""
    folder = data("security-txt")
    index = _index()
    assert len(index) >= 40
    for name, row in index.items():
        r = parse_security_txt((folder / name).read_bytes(), now=CORPUS_NOW)
        status = row["expires_status_at_2026-11-22"]
        codes = r.codes("error")
        expected = {
            "valid": lambda c: not c & {"SECTXT-EXPIRED", "SECTXT-NO-EXPIRES", "SECTXT-BAD-EXPIRES"},
            "expired": lambda c: "SECTXT-EXPIRED" in c,
            "missing": lambda c: "SECTXT-NO-EXPIRES" in c,
            "malformed": lambda c: "SECTXT-BAD-EXPIRES" in c,
        }[status]
        assert expected(codes), (name, status, codes)
        assert r.signed == (row["pgp_signed"] == "yes"), name
        if row["contacts_without_uri_scheme"]:
            assert "SECTXT-CONTACT-NOT-URI" in codes, name


def test_corpus_known_valid_files() -> None:
    folder = data("security-txt")
    for name in (
        "GrapheneOS_grapheneos.org_security.txt",
        "anonaddy_addy.io_security.txt",
        "hibp_jobandtalent.com_security.txt",
        "sfmix__sfmix.txt",
    ):
        r = parse_security_txt((folder / name).read_bytes(), now=CORPUS_NOW)
        assert r.valid, (name, r.errors)


def test_corpus_specific_defects() -> None:
    folder = data("security-txt")

    def codes(name: str) -> set[str]:
        return parse_security_txt((folder / name).read_bytes(), now=CORPUS_NOW).codes()

    assert "SECTXT-BAD-URI" in codes("appwrite__website.txt")  # mailto://
    assert "SECTXT-BAD-URI" in codes("arkanelinux__arkanelinux.org.txt")  # two URIs in one Encryption
    assert "SECTXT-NO-CONTACT" in codes("covidwatchorg__website.txt")
    assert "SECTXT-MISSPELT-FIELD" in codes("working-group-two__wgtwo.com.txt")  # Acknowledgements
    assert "SECTXT-LINE-ENDINGS" in codes("Lyrebirds__lyrebirds-website.txt")  # no final newline
    assert "SECTXT-SYNTAX" in codes("Institut-du-Numerique-Responsable__green-codex.txt")  # Markdown prose
    assert "SECTXT-BAD-CSAF" not in codes("DigiGilde__handboek.txt")


def test_whole_corpus_never_raises() -> None:
    folder = data("security-txt")
    files = sorted(folder.glob("*.txt"))
    assert len(files) >= 70
    for f in files:
        parse_security_txt(f.read_bytes(), now=CORPUS_NOW, source_url="https://example.com/.well-known/security.txt")
