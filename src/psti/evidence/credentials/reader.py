"""Streaming reader for password batches: CSV, TSV and JSON Lines, optionally gzip-compressed.

Rows are yielded one at a time (bounded memory). Columns are mapped by header name, either
given explicitly or recognised from common spellings. Every input problem becomes an
`InputError` naming the file, the row (1-based, header excluded), the line and the column.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import IO, Literal

from psti import strictjson
from psti.errors import InputError, Problem
from psti.inputfile import open_regular

BatchFormat = Literal["csv", "tsv", "jsonl"]
Role = Literal["serial", "mac", "imei", "id", "ssid"]

MAX_FIELD = 1 << 16  # a password or identifier longer than 64 KiB is not a batch row
# No line is ever held whole beyond this: a gzip of a few MB can hold a 1.5 GB line.
MAX_LINE = 1 << 20
MAX_JSON_LINE = MAX_LINE
MAX_JSON_DEPTH = 32  # a row is a flat object; anything deeper is not a batch row
MAX_COLUMNS = 1_000
MAX_INT_DIGITS = 100  # far longer than any IMEI or numeric PIN, far below int() limits
# About 130 bytes of memory per row are kept for the whole-batch checks (5M rows peaked at
# 680 MiB), so the default row bound keeps a run under 1 GiB; a bigger batch needs
# --max-rows and the memory.
DEFAULT_MAX_ROWS = 5_000_000

# Header spellings recognised per role, after lower-casing and dropping non-alphanumerics.
PASSWORD_NAMES = (
    "password", "passwd", "pass", "pwd", "pw", "defaultpassword", "adminpassword",
    "devicepassword", "initialpassword", "setuppassword", "wifipassword", "wifikey", "wpakey",
    "wpapsk", "psk", "wpa2key", "passphrase", "pin",
)  # fmt: skip
ROLE_NAMES: dict[Role, tuple[str, ...]] = {
    "serial": ("serial", "serialnumber", "serialno", "serialnum", "sn", "sno", "deviceserial", "psn"),
    "mac": (
        "mac", "macaddress", "macaddr", "wifimac", "wlanmac", "ethmac", "lanmac", "wanmac",
        "btmac", "bluetoothmac", "hwaddr", "bssid", "ethernetmac",
    ),
    "imei": ("imei", "imei1", "imei2", "meid", "cmei"),
    "id": ("id", "deviceid", "uuid", "eui", "eui64", "deveui", "iccid", "imsi", "productid", "uid", "cpuid"),
    "ssid": ("ssid", "wifissid", "essid", "networkname", "wifiname"),
}  # fmt: skip


def _norm_header(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


@dataclass(frozen=True)
class Column:
    name: str
    index: int
    role: str  # password | serial | mac | imei | id | ssid


@dataclass(frozen=True)
class ColumnMap:
    password: Column
    identifiers: tuple[Column, ...] = ()  # serial, MAC, IMEI and other unique ids
    public: tuple[Column, ...] = ()  # broadcast values such as SSIDs

    def describe(self) -> list[str]:
        return [f"{c.role}={c.name}" for c in (self.password, *self.identifiers, *self.public)]


@dataclass
class ReaderOptions:
    fmt: BatchFormat | None = None  # None: from the file name, else sniffed
    encoding: str = "utf-8"
    header: bool = True
    password_col: str | None = None
    serial_col: str | None = None
    mac_col: str | None = None
    imei_col: str | None = None
    ssid_col: str | None = None
    id_cols: tuple[str, ...] = ()
    max_rows: int = DEFAULT_MAX_ROWS
    delimiter: str | None = None  # override for CSV


CHUNK = 16_384


@dataclass
class Row:
    number: int  # 1-based data row (header excluded)
    password: str
    ids: tuple[str, ...]  # in ColumnMap.identifiers order
    public: tuple[str, ...]  # in ColumnMap.public order


@dataclass
class Chunk:
    """Consecutive rows, column by column (lists of equal length)."""

    start: int  # row number of the first row
    passwords: list[str]
    ids: list[list[str]]  # one list per identifier column
    public: list[list[str]]  # one list per public column

    def __len__(self) -> int:
        return len(self.passwords)

    def row(self, i: int) -> Row:
        return Row(
            self.start + i,
            self.passwords[i],
            tuple(c[i] for c in self.ids),
            tuple(c[i] for c in self.public),
        )

    def rows(self) -> Iterator[Row]:
        for i in range(len(self.passwords)):
            yield self.row(i)


def _err(path: Path, message: str, *, line: int | None = None, column: str = "") -> InputError:
    return InputError(
        [Problem(message, path=column, file=str(path), line=line)],
        summary="cannot read password batch",
    )


def _open_binary(path: Path) -> IO[bytes]:
    try:
        raw = open_regular(path)
    except OSError as e:
        raise _err(path, f"cannot open: {e.strerror or e}") from None
    magic = raw.read(2)
    raw.seek(0)
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def detect_format(path: Path, first_line: str) -> BatchFormat:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".tsv", ".tab")):
        return "tsv"
    if name.endswith(".csv"):
        return "csv"
    stripped = first_line.lstrip("\ufeff \t")
    if stripped.startswith("{"):
        return "jsonl"
    return "tsv" if first_line.count("\t") > first_line.count(",") else "csv"


class BatchReader:
    """Open a batch, resolve its columns, then iterate `rows()` once."""

    def __init__(self, path: Path, options: ReaderOptions | None = None) -> None:
        self.path = path
        self.options = options or ReaderOptions()
        self.fmt: BatchFormat | None = None
        self.header: list[str] = []
        self.columns: ColumnMap | None = None

    # -- errors -------------------------------------------------------------------------

    def _decode_error(self, err: UnicodeDecodeError) -> InputError:
        """Find the line and column holding the undecodable bytes (a second, binary look)."""
        enc = self.options.encoding
        try:
            with _open_binary(self.path) as f:
                for lineno, raw in enumerate(iter(partial(f.readline, MAX_LINE), b""), start=1):
                    if len(raw) >= MAX_LINE and not raw.endswith((b"\n", b"\r")):
                        break  # line numbers are unknown past an over-long line
                    if lineno == 1 and not self.header and self.options.header:
                        # the decoder failed before the header was parsed: read it leniently
                        first = raw.decode(enc, errors="replace").lstrip("\ufeff").rstrip("\r\n")
                        if self.fmt is None:
                            self.fmt = self.options.fmt or detect_format(self.path, first)
                        if self.fmt != "jsonl":
                            sep = "\t" if self.fmt == "tsv" else (self.options.delimiter or ",")
                            self.header = [h.strip() for h in first.split(sep)]
                    try:
                        raw.decode(enc)
                    except UnicodeDecodeError as e:
                        col = ""
                        if self.fmt != "jsonl" and self.header:
                            bsep = b"\t" if self.fmt == "tsv" else (self.options.delimiter or ",").encode()
                            before = raw[: e.start].count(bsep)
                            col = self.header[before] if before < len(self.header) else f"field {before + 1}"
                        row = f"row {lineno - 1}, " if self.options.header and lineno > 1 else ""
                        where = f" in column {col!r}" if col else ""
                        return _err(
                            self.path,
                            f"{row}bytes not valid {enc}{where} (byte {e.start + 1} of the line: "
                            f"{raw[e.start : e.start + 4]!r}); re-export as UTF-8 or pass --encoding",
                            line=lineno,
                            column=col,
                        )
        except (OSError, EOFError, zlib.error):
            pass
        return _err(self.path, f"bytes not valid {enc}: {err.reason}")

    # -- opening ------------------------------------------------------------------------

    def _text(self) -> io.TextIOWrapper:
        enc = self.options.encoding
        if enc.lower().replace("-", "").replace("_", "") == "utf8":
            enc = "utf-8-sig"  # accept a byte-order mark
        return io.TextIOWrapper(_open_binary(self.path), encoding=enc, errors="strict", newline="")

    def _resolve(self, header: list[str]) -> ColumnMap:
        opts = self.options
        normed = [_norm_header(h) for h in header]
        where = f"header columns are: {', '.join(repr(h) for h in header)}"

        def find(given: str | None, option: str, role: str) -> Column | None:
            if given is None:
                return None
            if not opts.header:
                if not given.isdigit() or not 1 <= int(given) <= len(header):
                    raise _err(
                        self.path,
                        f"{option} {given!r}: without a header give a column number 1..{len(header)}",
                    )
                i = int(given) - 1
                return Column(header[i], i, role)
            if given in header:
                return Column(given, header.index(given), role)
            if _norm_header(given) in normed:
                i = normed.index(_norm_header(given))
                return Column(header[i], i, role)
            raise _err(self.path, f"{option} {given!r} is not a column; {where}", line=1, column=given)

        password = find(opts.password_col, "--password-col", "password")
        if password is None:
            hits = [i for i, n in enumerate(normed) if n in PASSWORD_NAMES]
            if not hits:
                raise _err(
                    self.path,
                    f"no password column found; {where}. Name it with --password-col",
                    line=1 if opts.header else None,
                    column="password",
                )
            if len(hits) > 1:
                names = ", ".join(repr(header[i]) for i in hits)
                raise _err(
                    self.path,
                    f"several password columns ({names}); choose one with --password-col",
                    line=1,
                )
            password = Column(header[hits[0]], hits[0], "password")

        explicit: dict[str, Column | None] = {
            "serial": find(opts.serial_col, "--serial-col", "serial"),
            "mac": find(opts.mac_col, "--mac-col", "mac"),
            "imei": find(opts.imei_col, "--imei-col", "imei"),
            "ssid": find(opts.ssid_col, "--ssid-col", "ssid"),
        }
        extra = [find(c, "--id-col", "id") for c in opts.id_cols]
        used = {password.index} | {c.index for c in explicit.values() if c} | {c.index for c in extra if c}
        ids: list[Column] = []
        public: list[Column] = []
        for role in ("serial", "mac", "imei", "ssid"):
            col = explicit[role]
            if col is not None:
                (public if role == "ssid" else ids).append(col)
        ids += [c for c in extra if c is not None]
        if opts.header:
            for i, n in enumerate(normed):
                if i in used:
                    continue
                for role, aliases in ROLE_NAMES.items():
                    if n in aliases and (role == "id" or explicit.get(role) is None):
                        (public if role == "ssid" else ids).append(Column(header[i], i, role))
                        used.add(i)
                        break
        return ColumnMap(password=password, identifiers=tuple(ids), public=tuple(public))

    def rows(self) -> Iterator[Row]:
        """Every data row as a `Row` (convenient, slower than `chunks`)."""
        for ch in self.chunks():
            yield from ch.rows()

    def chunks(self, size: int = CHUNK) -> Iterator[Chunk]:
        """Open the file, resolve columns (sets `self.columns`), and yield rows in column chunks."""
        try:
            yield from self._chunks(size)
        except UnicodeDecodeError as e:
            raise self._decode_error(e) from None
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            raise _err(self.path, f"corrupt or truncated gzip data: {e}") from None
        except OSError as e:
            raise _err(self.path, f"cannot read: {e.strerror or e}") from None

    def _lines(self, text: io.TextIOWrapper, start: int) -> Iterator[str]:
        """The lines after line `start`, refusing any longer than MAX_LINE before it is held."""
        lineno = start
        for line in iter(partial(text.readline, MAX_LINE), ""):
            lineno += 1
            if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
                raise self._long_line(lineno)
            yield line

    def _long_line(self, lineno: int) -> InputError:
        return _err(
            self.path,
            f"line {lineno} is longer than {MAX_LINE:,} characters; a batch row is a few fields",
            line=lineno,
        )

    def _chunks(self, size: int) -> Iterator[Chunk]:
        with self._text() as text:
            first = text.readline(MAX_LINE)
            if len(first) >= MAX_LINE and not first.endswith(("\n", "\r")):
                raise self._long_line(1)
            if not first.strip():
                rest = text.read(4096)
                if not rest.strip():
                    raise _err(self.path, "the file is empty (no header and no rows)", line=1)
                raise _err(self.path, "the first line is blank; the header must be on line 1", line=1)
            self.fmt = self.options.fmt or detect_format(self.path, first)
            if self.fmt == "jsonl":
                yield from _rechunk(self._json_rows(first, text), size)
            else:
                yield from self._csv_chunks(first, text, size)

    def _csv_chunks(self, first: str, text: io.TextIOWrapper, size: int) -> Iterator[Chunk]:
        delim = self.options.delimiter or ("\t" if self.fmt == "tsv" else ",")
        csv.field_size_limit(MAX_FIELD)
        reader = csv.reader(chain((first,), self._lines(text, 1)), delimiter=delim, strict=True)
        try:
            head = next(reader)
        except csv.Error as e:
            raise _err(self.path, f"malformed header: {e}", line=1) from None
        if self.options.header:
            self.header = [h.strip() for h in head]
            if len(set(self.header)) != len(self.header):
                dup = next(h for h in self.header if self.header.count(h) > 1)
                raise _err(self.path, f"column {dup!r} appears twice in the header", line=1, column=dup)
            pending: list[list[str]] = []
        else:
            self.header = [f"column{i + 1}" for i in range(len(head))]
            pending = [head]
        cols = self.columns = self._resolve(self.header)
        width = len(self.header)
        getters = [itemgetter(c.index) for c in (cols.password, *cols.identifiers, *cols.public)]
        n_ids = len(cols.identifiers)
        max_rows = self.options.max_rows
        number = 0
        blanks = 0
        header_lines = 1 if self.options.header else 0
        while True:
            try:
                recs = pending + list(islice(reader, size - len(pending)))
            except csv.Error as e:
                raise _err(self.path, f"after row {number}: malformed CSV: {e}", line=reader.line_num) from None
            pending = []
            if not recs:
                break
            if not all(recs):
                blanks += len(recs)
                recs = [r for r in recs if r]  # blank lines
                blanks -= len(recs)
                if not recs:
                    continue
            if len(recs[0]) != width or len(set(map(len, recs))) != 1:
                i = next(i for i, r in enumerate(recs) if len(r) != width)
                row = number + i + 1
                raise self._ragged(row, row + header_lines + blanks, len(recs[i]), width)
            if number + len(recs) + blanks > max_rows:
                raise self._too_many(max_rows)
            columns = [list(map(g, recs)) for g in getters]
            yield Chunk(number + 1, columns[0], columns[1 : 1 + n_ids], columns[1 + n_ids :])
            number += len(recs)
        if number + blanks > max_rows:
            raise self._too_many(max_rows)
        if number == 0:
            raise _err(self.path, "no data rows after the header", line=2)

    def _too_many(self, max_rows: int) -> InputError:
        return _err(
            self.path,
            f"more than {max_rows:,} rows (blank lines included); each row costs memory for the "
            "whole-batch checks, so larger batches need --max-rows raised and about 130 bytes per row",
        )

    def _ragged(self, number: int, line: int, found: int, width: int) -> InputError:
        if found < width:
            col = self.header[found]
            msg = f"row {number}: {found} fields where the header has {width}; column {col!r} is missing"
        else:
            col = self.header[-1]
            msg = f"row {number}: {found} fields where the header has {width} (extra fields after column {col!r}; quote values that contain the delimiter)"  # noqa: E501
        return _err(self.path, msg, line=line, column=col)

    def _json_rows(self, first: str, text: io.TextIOWrapper) -> Iterator[Row]:
        number = 0
        lineno = 0
        cols: ColumnMap | None = None
        keys: list[str] = []
        max_rows = self.options.max_rows
        for raw in chain((first,), self._lines(text, 1)):
            lineno += 1
            if lineno > max_rows:  # blank lines count towards the bound too
                raise self._too_many(max_rows)
            if not raw.strip():
                continue
            obj = self._json_row(raw, number + 1, lineno)
            if not isinstance(obj, dict):
                raise _err(
                    self.path,
                    f"row {number + 1}: expected a JSON object, found {type(obj).__name__}",
                    line=lineno,
                )
            if cols is None:
                self.header = [str(k) for k in obj]
                if len(self.header) > MAX_COLUMNS:
                    raise _err(self.path, f"row 1: {len(self.header):,} keys; a batch row has at most "
                               f"{MAX_COLUMNS:,}", line=lineno)
                cols = self.columns = self._resolve(self.header)
                keys = [cols.password.name] + [c.name for c in cols.identifiers] + [c.name for c in cols.public]
            number += 1
            if number > max_rows:
                raise _err(self.path, f"more than {max_rows:,} rows; raise the limit with --max-rows")
            vals: list[str] = []
            for k in keys:
                try:
                    v = obj[k]
                except KeyError:
                    raise _err(self.path, f"row {number}: key {k!r} is missing", line=lineno, column=k) from None
                if isinstance(v, (dict, list)):
                    raise _err(
                        self.path,
                        f"row {number}: {k!r} must be a string or number",
                        line=lineno,
                        column=k,
                    )
                vals.append("" if v is None else (v if isinstance(v, str) else json.dumps(v)))
            nid = len(cols.identifiers)
            yield Row(number, vals[0], tuple(vals[1 : 1 + nid]), tuple(vals[1 + nid :]))
        if number == 0:
            raise _err(self.path, "no data rows", line=1)

    def _json_row(self, raw: str, number: int, lineno: int) -> object:
        """One JSON Lines row, parsed with bounds on depth and number size."""
        try:
            return strictjson.loads(raw, max_depth=MAX_JSON_DEPTH, max_int_digits=MAX_INT_DIGITS)
        except json.JSONDecodeError as e:
            raise _err(self.path, f"row {number}: not valid JSON: {e.msg} (column {e.colno})", line=lineno) from None
        except strictjson.JsonLimitError as e:
            raise _err(self.path, f"row {number}: {e}", line=lineno) from None


def _rechunk(rows: Iterator[Row], size: int) -> Iterator[Chunk]:
    """Group rows into column chunks (JSON Lines)."""
    batch = list(islice(rows, size))
    while batch:
        yield Chunk(
            batch[0].number,
            [r.password for r in batch],
            [list(c) for c in zip(*(r.ids for r in batch), strict=True)] if batch[0].ids else [],
            [list(c) for c in zip(*(r.public for r in batch), strict=True)] if batch[0].public else [],
        )
        batch = list(islice(rows, size))

