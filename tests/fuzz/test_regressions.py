"""One crafted input per class of crash or hang that mutation fuzzing found (issue 22).

Each test builds the hostile input, runs the real parser or command, and checks that the
answer is a clear error (or a finding), not a traceback, a hang or a memory blow-up.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from psti import strictjson
from psti.declaration import MAX_DECLARATION_BYTES, MAX_PROBLEMS, _index, load_declaration, parse_declaration
from psti.documents.signing import canonical_json, check_signature
from psti.documents.statement import read_statement_json, verify_statement
from psti.errors import InputError
from psti.evidence.credentials.reader import MAX_LINE, BatchReader, ReaderOptions
from psti.evidence.web.pagetext import page_text

PSTI = shutil.which("psti", path=str(Path(sys.executable).parent)) or "psti"
SEEDS = Path(__file__).resolve().parents[2] / "fuzz" / "seeds"
DECL = (SEEDS / "declarations" / "smart-plug.toml").read_text()


def psti(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PSTI, *args], capture_output=True, text=True, cwd=cwd, stdin=subprocess.DEVNULL,
                          timeout=300, env={**os.environ, "COLUMNS": "200"})


def read_all(path: Path, **options: object) -> int:
    rows = 0
    for chunk in BatchReader(path, ReaderOptions(**options)).chunks():  # type: ignore[arg-type]
        rows += len(chunk)
    return rows


def refused(path: Path, match: str, **options: object) -> InputError:
    with pytest.raises(InputError, match=match) as info:
        read_all(path, **options)
    return info.value


# --------------------------------------------------------------------------- password batches


@pytest.mark.parametrize(
    ("line", "match"),
    [
        ('{"password": ' + "9" * 5000 + "}", "5,000 digits"),
        ('{"password": ' + "[" * 50_000 + "]" * 50_000 + "}", "nested too deeply"),
        ('{"password": "\\ud800abc"}', "lone surrogate"),
        ('{"password": 1e999}', "too large to represent"),
        ('{"password": NaN}', "NaN is not a JSON value"),
        ('{"password": "a", "password": "b"}', "appears twice"),
    ],
)
def test_json_lines_outside_bounds_are_input_errors(tmp_path: Path, line: str, match: str) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text('{"password": "first-row-ok"}\n' + line + "\n")
    err = refused(path, match)
    assert err.problems[0].line == 2


def _gzip_with_long_line(path: Path, *, header_first: bool, chars: int, jsonl: bool = False) -> None:
    """A small gzip holding one line of `chars` characters, written in pieces."""
    with gzip.open(path, "wb", compresslevel=9) as f:
        if header_first:
            f.write(b'{"password": "x"}\n' if jsonl else b"serial,password\nS1,abc\n")
        f.write(b'{"password": "' if jsonl else b"S2,")
        piece = b"A" * (1 << 20)
        for _ in range(chars // len(piece)):
            f.write(piece)
        f.write(b'"}\n' if jsonl else b"\n")
        if not header_first:
            f.write(b"more\n")


@pytest.mark.parametrize("header_first", [True, False])
@pytest.mark.parametrize("jsonl", [False, True])
def test_one_enormous_line_is_refused_without_holding_it(tmp_path: Path, header_first: bool, jsonl: bool) -> None:
    path = tmp_path / ("batch.jsonl.gz" if jsonl else "batch.csv.gz")
    _gzip_with_long_line(path, header_first=header_first, chars=64 << 20, jsonl=jsonl)
    assert path.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        err = refused(path, "longer than")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.problems[0].line == ((2 if jsonl else 3) if header_first else 1)
    assert peak < 8 * MAX_LINE  # a few buffers of one bounded line, never the 64 MiB line


def test_many_tiny_rows_hit_the_row_bound_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv.gz"
    with gzip.open(path, "wb") as f:
        f.write(b"password\n")
        f.write(b"a\n" * 2_000_000)
    err = refused(path, r"more than 100,000 rows.*--max-rows", max_rows=100_000)
    assert "memory" in str(err) or "bytes per row" in str(err)


def test_blank_lines_count_towards_the_row_bound(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_bytes(b"password\nabc\n" + b"\n" * 300_000)
    refused(path, "more than 100,000 rows", max_rows=100_000)


def test_default_row_bound_is_documented() -> None:
    from psti.evidence.credentials.reader import DEFAULT_MAX_ROWS

    limits = (Path(__file__).resolve().parents[2] / "docs" / "limits.md").read_text()
    assert f"{DEFAULT_MAX_ROWS:,}" in limits


def test_a_fifo_or_device_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "batch.csv"
    os.mkfifo(fifo)
    refused(fifo, "FIFO")
    refused(Path("/dev/zero"), "character device")
    for target in (fifo, Path("/dev/zero")):
        r = psti("creds", str(target), "--no-progress")
        assert r.returncode == 2, r.stderr
        assert "not a regular file" in r.stderr and "no such file" not in r.stderr
        assert "Traceback" not in r.stderr


# --------------------------------------------------------------------------- declarations


@pytest.mark.parametrize(
    ("extra", "match"),
    [
        ("z = " + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("z = " + "{a=" * 20 + "1" + "}" * 20, "nested more than"),
        ("z = " + "9" * 5000, "malformed TOML"),
    ],
)
def test_deep_nesting_and_huge_numbers_are_input_errors(extra: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        parse_declaration(DECL + "\n" + extra + "\n")


def test_declarations_over_the_size_bound_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "product.toml"
    path.write_text(DECL + "# " + "x" * MAX_DECLARATION_BYTES + "\n")
    with pytest.raises(InputError, match="too large"):
        load_declaration(path)
    with pytest.raises(InputError, match="a declaration is at most"):
        parse_declaration(path.read_text())


def test_long_names_are_refused_with_the_field() -> None:
    text = DECL.replace('brand = "Brightway"', 'brand = "' + "B" * 5000 + '"', 1)
    with pytest.raises(InputError, match="5,000 characters; this field holds at most 1,000") as info:
        parse_declaration(text)
    assert info.value.problems[0].path == "product.brand"
    assert info.value.problems[0].line == DECL.splitlines().index('brand = "Brightway"') + 1


def test_a_five_million_character_name_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "product.toml"
    path.write_text(DECL.replace('brand = "Brightway"', 'brand = "' + "B" * 5_000_000 + '"', 1))
    r = psti("validate", str(path))
    assert r.returncode == 2 and "too large" in r.stderr and "Traceback" not in r.stderr


def test_many_unknown_tables_are_located_in_one_pass() -> None:
    tables = "".join(f"[x{i}]\na = 1\n" for i in range(9_000))
    text = tables + DECL
    _index.cache_clear()
    with pytest.raises(InputError) as info:
        parse_declaration(text)
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS + 1 and "more problems" in problems[-1].message
    first = problems[0]
    assert first.message.startswith("unknown field") and first.line == 2 * int(first.path[1:]) + 1
    assert _index.cache_info().misses == 1  # the text was indexed once, not rescanned per problem


@pytest.mark.parametrize(
    ("path", "match"),
    [
        ("a" * 5000, "at most 1,000"),  # the field bound comes first
        ("d/" + "a" * 300, "file names are limited to 255"),
        ("/dev/urandom", "is a character device, not a file or folder"),
        ("a\u0000b", "control character"),
    ],
)
def test_artefact_paths_are_data_not_system_calls(tmp_path: Path, path: str, match: str) -> None:
    toml_path = json.dumps(path)
    decl = tmp_path / "product.toml"
    decl.write_text(DECL + f'\n[[artefacts]]\nkind = "firmware"\npath = {toml_path}\n')
    with pytest.raises(InputError, match=match):
        load_declaration(decl)


def test_an_artefact_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "image.bin")
    decl = tmp_path / "product.toml"
    decl.write_text(DECL + '\n[[artefacts]]\nkind = "firmware"\npath = "image.bin"\n')
    with pytest.raises(InputError, match="FIFO"):
        load_declaration(decl)
    r = psti("validate", str(decl))
    assert r.returncode == 2 and "FIFO" in r.stderr


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize("run", ["<", "<a", "<a ", "<!--", "</", "<a href='", "<a b=c "])
def test_runs_of_markup_starts_are_read_in_linear_time(run: str) -> None:
    # quadratic in the standard library's parser: minutes for this size
    page = page_text(b"<html><body><p>Support until 2031.</p>" + run.encode() * 200_000, "text/html")
    assert page.text.startswith("Support until 2031.")


def test_the_tokenizer_reads_html_as_before() -> None:
    page = page_text(
        b'<html lang="en-GB"><head><title>T &amp; C</title><style>p{}</style></head><body>'
        b"<script>if (a < b) { x = '<p>no</p>' }</script>"
        b'<p>a < b &gt; c</p><a href="mailto:s@x.example" title="x>y">Report</a>'
        b'<table><tr><td>one</td><td>two</td></tr></table><input type="password" name=pw>'
        b'<input type=text name="email"><!-- hidden --><p>tail <b',
        "text/html",
    )
    assert page.title == "T & C" and page.lang == "en-GB"
    assert "a < b > c" in page.text and "no" not in page.text and "hidden" not in page.text
    assert ("mailto:s@x.example", "Report") in page.links
    assert "one | two" in page.text
    assert page.password_field and page.personal_fields == ["email"]
    assert page.text.endswith("tail")  # an unfinished tag at the end is dropped


def test_saved_pages_are_read_bounded(tmp_path: Path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    big = tmp_path / "big.html"
    big.write_bytes(b"<" * (40 << 20))
    for target in (fifo, big, Path("/dev/zero")):
        r = psti("check", "support-period", "--offline", str(target), "--format", "json", cwd=tmp_path)
        assert r.returncode in (2, 3), r.stderr
        assert "Traceback" not in r.stderr


# --------------------------------------------------------------------------- statements


def _statement(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "statement.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


SIGNED = (SEEDS / "statements" / "statement.json").read_text()


@pytest.mark.parametrize(
    ("edit", "match"),
    [
        (lambda t: t.replace('"statement": {', '"statement": {"draft": true, "draft": false,', 1), "appears twice"),
        (lambda t: t.replace('"signature": {', '"signature": {"x": "\\ud800",', 1), "lone surrogate"),
        (lambda t: t.replace('"signature": {', '"signature": {"x": ' + "9" * 5000 + ",", 1), "digits"),
        (lambda t: t.replace('"signature": {', '"signature": {"x": NaN,', 1), "NaN"),
        (lambda t: "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_statements_with_more_than_one_meaning_are_refused(tmp_path: Path, edit, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=match):
        read_statement_json(_statement(tmp_path, edit(SIGNED)))


def test_a_statement_verifies_only_while_its_signed_content_is_unchanged(tmp_path: Path) -> None:
    data = json.loads(SIGNED)
    assert verify_statement(data).ok
    # the same content re-indented, keys reordered and escaped: still the signed content
    same = json.dumps(dict(reversed(list(data.items()))), indent=0, ensure_ascii=True)
    assert verify_statement(read_statement_json(_statement(tmp_path, same))).ok
    changed = json.loads(SIGNED)
    changed["statement"]["product"]["model"] += "X"
    result = verify_statement(read_statement_json(_statement(tmp_path, json.dumps(changed))))
    assert not result.ok and any(c == "signature" and not ok for c, ok, _ in result.checks)


def test_no_canonical_form_means_no_valid_signature() -> None:
    with pytest.raises(ValueError):
        canonical_json({"a": "\ud800"})
    with pytest.raises(ValueError):
        canonical_json({"a": float("nan")})
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    assert not check_signature(key.public_key(), {"a": "\ud800"}, "AAAA")


def test_issued_on_at_the_end_of_the_calendar_fails_verification_without_crashing(tmp_path: Path) -> None:
    data = json.loads(SIGNED)
    data["statement"]["issued_on"] = "9999-12-31"
    result = verify_statement(data)
    assert not result.ok
    assert any(c == "issued on" and not ok for c, ok, _ in result.checks)
    path = _statement(tmp_path, json.dumps(data))
    r = psti("verify", str(path))
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_strict_json_reads_ordinary_json_as_json_does() -> None:
    text = '{"a": [1, 2.5, -3, "x\\u00e9", null, true], "b": {"c": {}}}'
    assert strictjson.loads(text) == json.loads(text)


# --------------------------------------------------------------------------- firmware


@pytest.mark.skipif(shutil.which("mksquashfs") is None, reason="mksquashfs is not installed")
def test_device_nodes_in_place_of_account_databases_leave_the_image_not_examined(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "bin").mkdir()
    (tree / "bin" / "sh").write_text("#!/bin/sh\n")
    image = tmp_path / "fw.squashfs"
    subprocess.run(["mksquashfs", str(tree), str(image), "-noappend", "-quiet", "-all-root",
                    "-p", "etc/passwd c 644 0 0 1 3", "-p", "etc/shadow i 644 0 0 f"], check=True, capture_output=True)
    r = psti("scan", "firmware", str(image), "--format", "json", "--no-progress", cwd=tmp_path)
    assert r.returncode == 3, r.stderr
    findings = json.loads(r.stdout)["findings"]
    not_examined = [f for f in findings if f["kind"] == "FW-NOT-EXAMINED" and f["effect"] == "needs-evidence"]
    messages = " ".join(f["message"] for f in not_examined)
    assert "etc/passwd is a device node" in messages and "etc/shadow is a FIFO" in messages


# --------------------------------------------------------------------------- the CLI


def test_an_unexpected_exception_is_one_line_and_exit_4(capfd: pytest.CaptureFixture[str]) -> None:
    import typer

    from psti.cli.output import INTERNAL_ERROR_EXIT, run_guarded

    app = typer.Typer()

    @app.command()
    def boom() -> None:
        raise RuntimeError("the unexpected\nsecond line")

    code = run_guarded(app_with_args(app, []))
    err = capfd.readouterr().err
    assert code == INTERNAL_ERROR_EXIT == 4
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("internal error: RuntimeError: the unexpected at test_regressions.py:")
    assert err.rstrip().endswith("in boom (please report)")


def app_with_args(app, args: list[str]):  # type: ignore[no-untyped-def]
    """The typer app called with a fixed argv (run_guarded calls it without arguments)."""

    class Bound:
        def __call__(self, **kw: object) -> object:
            return app(args=args, **kw)

    return Bound()


@pytest.mark.skipif(shutil.which("mksquashfs") is None, reason="mksquashfs is not installed")
@pytest.mark.parametrize("fmt", ["json", "sarif", "html"])
def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path: Path, fmt: str) -> None:
    tree = tmp_path / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "etc" / "passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    with open(os.path.join(os.fsencode(tree / "etc"), b"wifi\xff.conf"), "wb") as f:
        f.write(b"wpa_passphrase=changeme123\npassword=admin\n")
    image = tmp_path / "fw.squashfs"
    subprocess.run(["mksquashfs", str(tree), str(image), "-noappend", "-quiet", "-all-root"],
                   check=True, capture_output=True)
    r = psti("scan", "firmware", str(image), "--format", fmt, "--no-progress", "--crack-seconds", "2", cwd=tmp_path)
    assert r.returncode in (1, 3), r.stderr
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    # SARIF URIs carry the original byte, percent-encoded
    shown = {"json": ("wifi\\\\xff.conf",), "sarif": ("wifi%FF.conf", "wifi%5Cxff.conf"), "html": ("wifi\\xff.conf",)}
    assert any(s in r.stdout for s in shown[fmt])
