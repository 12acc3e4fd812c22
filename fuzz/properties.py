"""Property-based harnesses (hypothesis) for psti's parsers, run in-process.

Each harness states what must hold for any input: the parser returns a result or raises
the one error type its callers turn into a message (never anything else), and it stays
within its bounds. `tests/fuzz/test_fuzz_smoke.py` runs each with a small budget;
`make fuzz` runs them with `PSTI_FUZZ_EXAMPLES` examples each.

Inputs are built from each format's own tokens as well as from random text, so they
reach past the first syntax check.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("PSTI_FUZZ_EXAMPLES", "30"))  # the test suite's budget
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,  # time is bounded by the byte-mutation runner, not per example here
    suppress_health_check=list(HealthCheck),
    derandomize=os.environ.get("PSTI_FUZZ_RANDOM") is None,  # reproducible in the test suite
    database=None,
)
SEEDS = Path(__file__).parent / "seeds"


def _pieces(tokens: list[str]) -> st.SearchStrategy[str]:
    """Text made of format tokens, random text and repeated runs of either."""
    atom = st.one_of(st.sampled_from(tokens), st.text(max_size=20))
    run = st.builds(lambda a, n: a * n, atom, st.sampled_from([1, 2, 50, 2000]))
    return st.lists(st.one_of(atom, run), max_size=30).map("".join)


def _mutated(seed_text: str, tokens: list[str]) -> st.SearchStrategy[str]:
    """The seed with pieces inserted at random places."""
    return st.lists(st.tuples(st.integers(0, len(seed_text)), _pieces(tokens)), max_size=4).map(
        lambda edits: _apply(seed_text, edits)
    )


def _apply(text: str, edits: list[tuple[int, str]]) -> str:
    for pos, piece in sorted(edits, reverse=True):
        text = text[:pos] + piece + text[pos:]
    return text


TOML_TOKENS = [
    "[", "]", "[[", "]]", "=", "{", "}", ",", "\n", '"', "'''", "a", "product", "name", "x.y", "1", "9" * 50,
    "true", "2026-01-01", "9999-12-31", "[product]\n", "[[manufacturer]]\n", "[unknown]\n", "a = [", "{a=",
    "\\ud800", "\\U0010FFFF", "inf", "nan", "#", "\ufeff",
]  # fmt: skip
JSON_TOKENS = [
    "{", "}", "[", "]", ",", ":", '"', '"a"', '"password"', "1", "-0", "1e999", "NaN", "9" * 60, "null",
    "true", "\\ud800", "\\u0000", "\\\\", '"schema"', '"statement"', '"signature"', '"issued_on"', "\n",
]  # fmt: skip
CSV_TOKENS = ["password", "serial", "mac", ",", "\t", '"', '""', "\n", "\r\n", "\r", "\x00", "\ufeff", "abc", "0"]
HTML_TOKENS = [
    "<", ">", "<a", "<a href='", "'", '"', "</a>", "<!--", "-->", "<script>", "</script>", "<style>", "<p>",
    "</", "<!", "<?", "&", "&#", "&#x110000;", "&amp;", "<html lang=en>", "<input type=password>", "<title>",
    "until 31 December 2031", "security updates", "mailto:a@b.example", "within 5 days", "=",
]  # fmt: skip
SECTXT_TOKENS = [
    "Contact: ", "Expires: ", "Canonical: ", "Policy: ", "Encryption: ", "Preferred-Languages: ", "CSAF: ",
    "mailto:a@b.example", "https://a.example/", "http://", "2027-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    "\n", "\r\n", "#", ":", "-----BEGIN PGP SIGNED MESSAGE-----\n", "-----BEGIN PGP SIGNATURE-----\n",
    "-----END PGP SIGNATURE-----\n", "Hash: SHA256\n", "\x00", "en, fr",
]  # fmt: skip


def _seed(family: str, name: str) -> str:
    return (SEEDS / family / name).read_text("utf-8")


# --------------------------------------------------------------------------- declarations


@SETTINGS
@given(st.one_of(_pieces(TOML_TOKENS), _mutated(_seed("declarations", "smart-camera.toml"), TOML_TOKENS)))
def declaration_parses_or_says_why(text: str) -> None:
    from psti.declaration import parse_declaration
    from psti.errors import InputError

    try:
        decl = parse_declaration(text, "fuzz.toml")
    except InputError as e:
        assert e.problems, "an InputError names at least one problem"
        str(e)
        return
    decl.facts()


# --------------------------------------------------------------------------- password batches


def _read_batch(data: bytes, suffix: str) -> None:
    from psti.errors import InputError
    from psti.evidence.credentials.reader import BatchReader, ReaderOptions

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"batch{suffix}"
        path.write_bytes(data)
        try:
            for _ in BatchReader(path, ReaderOptions(max_rows=100_000)).chunks(64):
                pass
        except InputError as e:
            assert e.problems
            str(e)


@SETTINGS
@given(st.one_of(_pieces(CSV_TOKENS), _mutated(_seed("batches", "camera.csv"), CSV_TOKENS)))
def batch_csv_reads_or_says_why(text: str) -> None:
    _read_batch(text.encode("utf-8", "surrogatepass"), ".csv")


@SETTINGS
@given(st.one_of(_pieces(CSV_TOKENS), _mutated(_seed("batches", "camera.tsv"), CSV_TOKENS)))
def batch_tsv_reads_or_says_why(text: str) -> None:
    _read_batch(text.encode("utf-8", "surrogatepass"), ".tsv")


@SETTINGS
@given(st.one_of(_pieces(JSON_TOKENS), _mutated(_seed("batches", "camera.jsonl"), JSON_TOKENS)))
def batch_jsonl_reads_or_says_why(text: str) -> None:
    _read_batch(text.encode("utf-8", "surrogatepass"), ".jsonl")


@SETTINGS
@given(_mutated(_seed("batches", "camera.csv"), CSV_TOKENS), st.booleans())
def batch_gzip_reads_or_says_why(text: str, truncate: bool) -> None:
    data = gzip.compress(text.encode("utf-8", "surrogatepass"), mtime=0)
    _read_batch(data[: len(data) // 2] if truncate else data, ".csv.gz")


# --------------------------------------------------------------------------- web documents


@SETTINGS
@given(st.one_of(_pieces(SECTXT_TOKENS), _mutated(_seed("securitytxt", "signed.txt"), SECTXT_TOKENS)))
def security_txt_parses(text: str) -> None:
    from psti.evidence.web.securitytxt import parse_security_txt

    now = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    parse_security_txt(text.encode("utf-8", "surrogatepass"), now=now, source_url="https://a.example/.well-known/security.txt")


def _page(text: str):  # type: ignore[no-untyped-def]
    from psti.evidence.web.pagetext import NotText, page_text

    try:
        return page_text(text.encode("utf-8", "surrogatepass"), "text/html")
    except NotText:
        return None


@SETTINGS
@given(st.one_of(_pieces(HTML_TOKENS), _mutated(_seed("pages", "product-router.html"), HTML_TOKENS)))
def product_page_reads(text: str) -> None:
    from psti.evidence.web.support_period import analyse_support_page

    page = _page(text)
    if page is not None:
        assert len(page.text) <= len(text) + 1000 * (len(page.links) + 1)
        analyse_support_page(page, ("R300",))


@SETTINGS
@given(st.one_of(_pieces(HTML_TOKENS), _mutated(_seed("pages", "policy-acme.html"), HTML_TOKENS)))
def policy_page_reads(text: str) -> None:
    from psti.evidence.web.policy import analyse_policy

    page = _page(text)
    if page is not None:
        analyse_policy(page)


# --------------------------------------------------------------------------- statements


@SETTINGS
@given(_mutated(_seed("statements", "statement.json"), JSON_TOKENS))
def statement_verifies_only_as_signed(text: str) -> None:
    from psti import strictjson
    from psti.documents.signing import canonical_json
    from psti.documents.statement import read_statement_json, verify_statement
    from psti.errors import InputError

    original = strictjson.loads(_seed("statements", "statement.json"))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "statement.json"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            data = read_statement_json(path)
        except InputError:
            return
    result = verify_statement(data)
    if result.ok:
        assert canonical_json(data["statement"]) == canonical_json(original["statement"])
        assert data["signature"]["value"] == original["signature"]["value"]


@SETTINGS
@given(_pieces(JSON_TOKENS))
def strict_json_agrees_or_refuses(text: str) -> None:
    from psti import strictjson

    try:
        value = strictjson.loads(text)
    except ValueError:  # JSONDecodeError and JsonLimitError are ValueErrors
        return
    assert json.loads(text) == value or value != value  # noqa: PLR0124 - NaN never gets here


HARNESSES = (
    declaration_parses_or_says_why,
    batch_csv_reads_or_says_why,
    batch_tsv_reads_or_says_why,
    batch_jsonl_reads_or_says_why,
    batch_gzip_reads_or_says_why,
    security_txt_parses,
    product_page_reads,
    policy_page_reads,
    statement_verifies_only_as_signed,
    strict_json_agrees_or_refuses,
)


if __name__ == "__main__":
    for harness in HARNESSES:
        print(f"{harness.__name__} ({EXAMPLES} examples)", flush=True)
        harness()
