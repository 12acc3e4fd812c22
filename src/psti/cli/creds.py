"""`psti creds BATCH`: analyse a per-device password batch on its own.

The batch goes through `psti.assess` as an artefact given on its own, to the same
password-batch collector `psti assess` runs on a declared batch. Library imports are
inside the command: every `psti` command loads this module to register itself.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

import typer

from psti.cli.output import Format, emit_assessment, parse_date, progress_bar
from psti.errors import UsageError


class InputFormat(str, enum.Enum):
    auto = "auto"
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"


def creds_cmd(
    batch: Path = typer.Argument(..., help="Password batch: CSV, TSV or JSON Lines, optionally gzip-compressed."),
    declaration: Path = typer.Option(
        None, "--declaration", "-d", help="Product declaration: public information (brand, model, SSIDs) and scope."
    ),
    password_col: str = typer.Option(None, "--password-col", help="Password column (default: recognised by header)."),
    serial_col: str = typer.Option(None, "--serial-col", help="Serial-number column."),
    mac_col: str = typer.Option(None, "--mac-col", help="MAC-address column."),
    imei_col: str = typer.Option(None, "--imei-col", help="IMEI column."),
    ssid_col: str = typer.Option(None, "--ssid-col", help="Default SSID column (public information)."),
    id_col: list[str] = typer.Option(None, "--id-col", help="Another unique identifier column (repeatable)."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="Batch file format."),
    delimiter: str = typer.Option(None, "--delimiter", help="CSV delimiter (default ',' or tab for TSV)."),
    no_header: bool = typer.Option(False, "--no-header", help="No header line: give columns as numbers from 1."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of the batch."),
    public_strings: list[str] = typer.Option(None, "--public", help="Extra public string, e.g. a brand (repeatable)."),
    ssid_pattern: list[str] = typer.Option(None, "--ssid-pattern", help="Default SSID pattern, e.g. 'ACME-{mac:6}'."),
    show_secrets: bool = typer.Option(
        False, "--show-secrets",
        help="Show example passwords unmasked. They are masked by default because each opens one unit "
             "(unlike the universal defaults `psti scan firmware` and `psti probe` show in clear, "
             "--mask-secrets there)."),
    min_length: int = typer.Option(8, "--min-length", min=1, help="Shortest acceptable password."),
    min_score: int = typer.Option(3, "--min-score", min=0, max=4, help="Lowest acceptable zxcvbn score."),
    min_entropy: float = typer.Option(40.0, "--min-entropy", min=0, help="Lowest acceptable generator entropy (bits)."),
    max_rows: int = typer.Option(5_000_000, "--max-rows", min=1, help="Refuse batches with more rows."),
    regime: str = typer.Option("uk-psti", "--regime", help="Regime to assess against."),
    on: str = typer.Option(None, "--on", help="Date to apply the law as it stood (YYYY-MM-DD)."),
    fmt: Format = typer.Option(Format.terminal, "--format", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show progress on stderr."),
) -> None:
    """Check that per-device passwords are unique, not counters, not derived and not guessable.

    Exit codes as `psti assess`: 0 pass, 1 fail, 3 needs evidence, 2 usage or input error.
    """
    from psti.assess import Artefacts, AssessOptions, assess
    from psti.evidence.credentials.collector import ssid_literals

    if no_header and password_col is None:
        raise UsageError("--no-header needs --password-col (a column number)")
    day = parse_date(on)
    loaded = None
    if declaration is not None:
        from psti.declaration import load_declaration

        loaded = load_declaration(declaration, check_artefacts=False)
    extra = [("--public", s) for s in public_strings or []]
    for i, pat in enumerate(ssid_pattern or []):
        extra += [(f"--ssid-pattern[{i}]", lit) for lit in ssid_literals(pat)]
    batch_options: dict[str, Any] = {
        "fmt": None if input_format is InputFormat.auto else input_format.value,
        "encoding": encoding,
        "header": not no_header,
        "password_col": password_col,
        "serial_col": serial_col,
        "mac_col": mac_col,
        "imei_col": imei_col,
        "ssid_col": ssid_col,
        "id_cols": tuple(id_col or ()),
        "max_rows": max_rows,
        "delimiter": delimiter,
        "min_length": min_length,
        "min_score": min_score,
        "min_entropy_bits": min_entropy,
        "show_secrets": show_secrets,
        "public": extra,
    }
    if not batch.is_file():
        if batch.exists():
            from psti.inputfile import describe_mode

            raise UsageError(f"{batch}: is {describe_mode(batch.stat().st_mode)}, not a regular file")
        raise UsageError(f"{batch}: no such file")
    with progress_bar(progress) as update:
        assessment = assess(
            Artefacts.one("password-batch", batch, about=loaded),
            AssessOptions(regime=regime, on=day, collectors=("password-batch",), progress=update,
                          options={"password-batch": batch_options}),
        )
    raise typer.Exit(emit_assessment(assessment, fmt, output))


def register(app: typer.Typer) -> None:
    app.command("creds")(creds_cmd)
