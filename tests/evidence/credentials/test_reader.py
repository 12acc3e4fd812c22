"""Reading batches: formats, column mapping, and bad input named by row and column."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from psti.errors import InputError
from psti.evidence.credentials.reader import BatchReader, ReaderOptions
from tests.evidence.credentials.batches import token, write_batch


def read_all(path: Path, **opts: object) -> tuple[BatchReader, list]:  # type: ignore[type-arg]
    r = BatchReader(path, ReaderOptions(**opts))  # type: ignore[arg-type]
    return r, list(r.rows())


@pytest.mark.parametrize(("fmt", "compress"), [("csv", False), ("tsv", False), ("jsonl", False), ("csv", True),
                                               ("jsonl", True)])
def test_formats_and_gzip_give_the_same_rows(tmp_path: Path, fmt: str, compress: bool) -> None:
    pws = [f"pw-{i:05d}-x" for i in range(50)]
    ext = {"csv": ".csv", "tsv": ".tsv", "jsonl": ".jsonl"}[fmt] + (".gz" if compress else "")
    path = write_batch(tmp_path / f"b{ext}", token, n=50, fmt=fmt, compress=compress, passwords=pws)
    reader, rows = read_all(path)
    assert reader.fmt == fmt
    assert [r.password for r in rows] == pws
    assert [c.name for c in reader.columns.identifiers] == ["serial", "mac", "imei"]
    assert rows[3].number == 4 and rows[3].ids[0] == "AC2000100003"


def test_gzip_is_detected_by_content_and_format_sniffed(tmp_path: Path) -> None:
    plain = write_batch(tmp_path / "x.csv", token, n=5, fmt="tsv")
    odd = tmp_path / "export.dat"
    odd.write_bytes(gzip.compress(plain.read_bytes()))
    reader, rows = read_all(odd)
    assert reader.fmt == "tsv" and len(rows) == 5


def test_headers_are_recognised_and_columns_can_be_named(tmp_path: Path) -> None:
    p = tmp_path / "b.csv"
    p.write_text("Serial No,WiFi MAC,Admin Password,Batch\nS1,00:11:22:33:44:55,Xy7-aaaa,7\n")
    reader, rows = read_all(p)
    cols = reader.columns
    assert cols.password.name == "Admin Password"
    assert [(c.name, c.role) for c in cols.identifiers] == [("Serial No", "serial"), ("WiFi MAC", "mac")]
    p.write_text("unit,code,k\nS1,abc,z\n")
    reader, rows = read_all(p, password_col="code", serial_col="unit", id_cols=("k",))
    assert rows[0].password == "abc" and rows[0].ids == ("S1", "z")


def test_no_header_takes_column_numbers(tmp_path: Path) -> None:
    p = tmp_path / "b.csv"
    p.write_text("S1,secret-one\nS2,secret-two\n")
    reader, rows = read_all(p, header=False, password_col="2", serial_col="1")
    assert [r.password for r in rows] == ["secret-one", "secret-two"] and rows[1].ids == ("S2",)


def error(path: Path, **opts: object) -> str:
    with pytest.raises(InputError) as e:
        read_all(path, **opts)
    return str(e.value)


def test_missing_password_column_lists_the_header(tmp_path: Path) -> None:
    p = tmp_path / "b.csv"
    p.write_text("serial,mac\nS1,aa\n")
    msg = error(p)
    assert "no password column" in msg and "'serial', 'mac'" in msg and "--password-col" in msg
    msg = error(p, password_col="pwd")
    assert "'pwd' is not a column" in msg


def test_ragged_row_names_row_line_and_column(tmp_path: Path) -> None:
    p = tmp_path / "b.csv"
    p.write_text("serial,mac,password\nS1,m1,p1\nS2,m2,p2\nS3,m3\nS4,m4,p4\n")
    msg = error(p)
    assert "row 3" in msg and "column 'password' is missing" in msg and "b.csv:4" in msg
    p.write_text("serial,password\nS1,p1\nS2,p,2\n")
    msg = error(p)
    assert "row 2" in msg and "extra fields" in msg


def test_wrong_encoding_names_row_and_column(tmp_path: Path) -> None:
    p = tmp_path / "b.csv"
    p.write_bytes("serial,password\nS1,abc\nS2,caf\u00e9\n".encode("latin-1"))
    msg = error(p)
    assert "row 2" in msg and "'password'" in msg and "b.csv:3" in msg and "--encoding" in msg
    reader, rows = read_all(p, encoding="latin-1")
    assert rows[1].password == "caf\u00e9"


def test_empty_file_and_header_only(tmp_path: Path) -> None:
    p = tmp_path / "b.csv"
    p.write_text("")
    assert "empty" in error(p)
    p.write_text("serial,password\n")
    assert "no data rows" in error(p)


def test_bad_jsonl_rows(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl"
    p.write_text(json.dumps({"serial": "S1", "password": "a"}) + "\n" + json.dumps({"serial": "S2"}) + "\n")
    msg = error(p)
    assert "row 2" in msg and "'password' is missing" in msg
    p.write_text(json.dumps({"serial": "S1", "password": "a"}) + "\n[1, 2]\n")
    assert "expected a JSON object" in error(p)
    p.write_text('{"serial": "S1", "password": \n')
    assert "not valid JSON" in error(p)


def test_truncated_gzip(tmp_path: Path) -> None:
    p = tmp_path / "b.csv.gz"
    data = gzip.compress(("serial,password\n" + "S,pw\n" * 5000).encode())
    p.write_bytes(data[: len(data) // 2])
    assert "gzip" in error(p)


def test_row_limit(tmp_path: Path) -> None:
    p = write_batch(tmp_path / "b.csv", token, n=20)
    assert "more than 10 rows" in error(p, max_rows=10)


def test_bad_byte_deep_in_a_large_file_names_its_row(tmp_path: Path) -> None:
    p = tmp_path / "b.csv"
    lines = ["serial,mac,password"] + [f"S{i},m{i},pw-{i:06d}" for i in range(40000)]
    data = ("\n".join(lines) + "\n").encode()
    cut = data.index(b"S30000,m30000,")
    p.write_bytes(data[:cut] + b"S30000,m\xff30000," + data[cut + len(b"S30000,m30000,"):])
    msg = error(p)
    assert "row 30001" in msg and "'mac'" in msg and "b.csv:30002" in msg


def test_arbitrary_bytes_give_rows_or_an_input_error(tmp_path: Path) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    path = tmp_path / "fuzz.csv"
    header = st.sampled_from([b"serial,password\n", b"password\n", b"serial\tmac\tpassword\n", b""])
    body = st.binary(max_size=300) | st.text(alphabet=',\t"\n\r ab1\u00e9', max_size=200).map(str.encode)

    @settings(max_examples=150, deadline=None)
    @given(header, body, st.booleans())
    def check(head: bytes, data: bytes, compress: bool) -> None:
        raw = head + data
        path.write_bytes(gzip.compress(raw) if compress else raw)
        try:
            for r in BatchReader(path).rows():
                assert isinstance(r.password, str)
        except InputError as e:
            assert str(e)

    check()


def test_analysis_of_arbitrary_small_batches_never_crashes(tmp_path: Path) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from psti.evidence.credentials import analyse_batch, batch_result

    path = tmp_path / "fuzz.csv"
    cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(cell, cell), min_size=1, max_size=40))
    def check(rows: list[tuple[str, str]]) -> None:
        import csv

        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["serial", "password"])
            w.writerows(rows)
        try:
            report = analyse_batch(path)
        except InputError:
            return
        result = batch_result(report, "x")
        assert result.findings and result.evidence[0].sha256

    check()
