"""`psti check disclosure …` and `psti check support-period …`: web evidence without a declaration.

Same output formats and exit codes as `psti assess`: 0 pass, 1 fail, 3 needs evidence,
2 usage or input error. The targets (a domain, a URL, a saved file, with fetch options
of their own) are checked by the web evidence library and decided by
`psti.assess.assess_evidence`, the same decision `psti assess` makes. Library imports
are inside the commands: every `psti` command loads this module to register itself.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from psti.cli.output import Format, emit_assessment, parse_date
from psti.errors import UsageError

if TYPE_CHECKING:
    from psti.engine import Collected

check_app = typer.Typer(
    help="Check published web evidence: security.txt and disclosure policy, support period.",
    no_args_is_help=True,
)

_DOMAIN = re.compile(
    r"^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?$|^localhost$"
)

OfflineOption = typer.Option(False, "--offline", help="Never fetch; saved files only.")
AllowPrivateOption = typer.Option(
    False, "--allow-private", help="Allow fetching private, loopback and link-local addresses."
)
CaBundleOption = typer.Option(None, "--ca-bundle", help="PEM file of CA certificates to trust for https.")
TimeoutOption = typer.Option(10.0, "--timeout", min=0.1, max=120.0, help="Seconds per network step.")
MaxBytesOption = typer.Option(2 * 1024 * 1024, "--max-bytes", min=1024, help="Largest document fetched.")
SaveOption = typer.Option(None, "--save", help="Keep a copy of every fetched document in this folder.")
FormatOption = typer.Option(Format.terminal, "--format", help="Output format.")
OutputOption = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout.")
OnOption = typer.Option(None, "--on", help="Assessment date (YYYY-MM-DD); default today.")


def _classify(target: str, allow_domain: bool) -> tuple[str, str | Path]:
    """'file', 'url' or 'domain' for a command-line target."""
    path = Path(target)
    if path.exists():
        if not path.is_file():
            raise UsageError(f"{target}: not a file")
        return "file", path
    if "://" in target:
        scheme = target.split("://", 1)[0].lower()
        if scheme not in ("http", "https"):
            raise UsageError(f"{target}: only http and https URLs can be checked")
        return "url", target
    if allow_domain and _DOMAIN.match(target):
        return "domain", target.rstrip(".").lower()
    what = "a file, an http(s) URL or a domain" if allow_domain else "a file or an http(s) URL"
    raise UsageError(f"{target}: not {what} (no such file either)")


def _host(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    return url.split("://", 1)[1].split("/", 1)[0] or None


def _parse_now(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--now {value!r} is not a date-time: give it as 2026-11-22T12:00:00Z") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _existing(paths: list[Path], option: str) -> list[Path]:
    for p in paths:
        if not p.is_file():
            raise UsageError(f"{option} {p}: no such file")
    return paths


def _options(
    offline: bool, allow_private: bool, ca_bundle: Path | None, timeout: float, max_bytes: int, save: Path | None
):  # type: ignore[no-untyped-def]
    from psti.evidence.web.documents import WebOptions

    if ca_bundle is not None and not ca_bundle.is_file():
        raise UsageError(f"--ca-bundle {ca_bundle}: no such file")
    return WebOptions(
        offline=offline,
        allow_private=allow_private,
        timeout=timeout,
        max_bytes=max_bytes,
        verify=str(ca_bundle) if ca_bundle else True,
        save_dir=save,
    )


def _emit(
    result: Collected,
    name: str,
    model: str,
    manufacturer: str,
    on: dt.date | None,
    fmt: Format,
    output: Path | None,
) -> None:
    from psti.assess import AssessOptions, assess_evidence
    from psti.model import ProductRef

    product = ProductRef(name=name, model=model, manufacturer=manufacturer)
    assessment = assess_evidence(result, product, AssessOptions(on=on))
    raise typer.Exit(emit_assessment(assessment, fmt, output))


@check_app.command("disclosure")
def disclosure_cmd(
    target: str = typer.Argument(
        ...,
        help="A domain (fetches https://DOMAIN/.well-known/security.txt), a URL, or a saved file: "
        "a security.txt or a policy page, told apart by content (the report says which).",
    ),
    policy: list[str] = typer.Option(None, "--policy", help="Policy page URL or saved file (repeatable)."),
    key: list[Path] = typer.Option(None, "--key", help="OpenPGP public key to verify the signature (repeatable)."),
    url: str = typer.Option(None, "--url", help="For a saved file: the URL it was fetched from (Canonical check)."),
    no_follow: bool = typer.Option(False, "--no-follow", help="Do not fetch the Policy URLs of security.txt."),
    now: str = typer.Option(None, "--now", help="Judge Expires at this date-time (ISO 8601); default now."),
    on: str = OnOption,
    offline: bool = OfflineOption,
    allow_private: bool = AllowPrivateOption,
    ca_bundle: Path = CaBundleOption,
    timeout: float = TimeoutOption,
    max_bytes: int = MaxBytesOption,
    save: Path = SaveOption,
    fmt: Format = FormatOption,
    output: Path = OutputOption,
) -> None:
    """How to report security issues: security.txt (RFC 9116) and the disclosure policy (Sch 1 para 2)."""
    from psti.evidence.web.disclosure import DisclosureInputs, Source, check_disclosure, domain_source
    from psti.evidence.web.documents import DocumentLoader

    kind, value = _classify(target, allow_domain=True)
    if kind == "file" and url is not None and not url.startswith(("http://", "https://")):
        raise UsageError(f"--url {url!r}: give the http(s) URL the file was fetched from")
    opts = _options(offline, allow_private, ca_bundle, timeout, max_bytes, save)
    if kind != "file" and offline:
        raise UsageError(f"{target}: --offline needs a saved file, not a URL or domain")
    when = _parse_now(now) or dt.datetime.now(dt.UTC)
    inputs = DisclosureInputs(key_files=_existing(list(key or []), "--key"), follow_policy_links=not no_follow)
    if kind == "file":
        inputs.security_txt.append(Source(url=url, path=Path(value), sniff=True))
    elif kind == "url":
        # a URL of a security.txt is read as one (an HTML answer there is a 'soft 404');
        # any other URL is read as what its content is
        path = str(value).split("://", 1)[1].split("?", 1)[0]
        inputs.security_txt.append(Source(url=str(value), sniff=not path.endswith("security.txt")))
    else:
        inputs.security_txt.append(domain_source(str(value)))
    for p in policy or []:
        pk, pv = _classify(p, allow_domain=False)
        inputs.policies.append(Source(path=Path(pv)) if pk == "file" else Source(url=str(pv)))
    loader = DocumentLoader("disclosure", opts, "disclosure")
    result = check_disclosure(inputs, loader, when)
    taken = [f for f in result.findings if f.kind == "WEB-TAKEN-AS"]
    for f in taken:
        typer.echo(f"note: {f.message}", err=True)
    as_policy = any(f.details.get("taken_as") == "policy" for f in taken)
    if kind == "file":
        what = "disclosure policy" if as_policy else "security.txt"
        name, maker = f"{what} in {Path(value).name}", _host(url) or "-"
    else:
        maker = str(value) if kind == "domain" else (_host(str(value)) or "-")
        name = f"security.txt of {maker}"
    _emit(result, name, "-", maker, parse_date(on) or when.date(), fmt, output)


@check_app.command("support-period")
def support_period_cmd(
    targets: list[str] = typer.Argument(..., help="Product page or statement: URL or saved file (repeatable)."),
    model: str = typer.Option(
        None,
        "--model",
        help="Product model to look for on the page (default: read from the page's structured data or title).",
    ),
    product: str = typer.Option(None, "--product", help="Product name as marketed."),
    manufacturer: str = typer.Option(
        None, "--manufacturer", help="Manufacturer (keys the history; default: read from the page)."
    ),
    url: str = typer.Option(None, "--url", help="For one saved file: the URL it was saved from."),
    previous: list[str] = typer.Option(None, "--previous-end", help="An end date published before (YYYY-MM-DD)."),
    history: str = typer.Option(
        "record", "--history", envvar="PSTI_SUPPORT_HISTORY", help="Local history: record, read or off."
    ),
    on: str = OnOption,
    offline: bool = OfflineOption,
    allow_private: bool = AllowPrivateOption,
    ca_bundle: Path = CaBundleOption,
    timeout: float = TimeoutOption,
    max_bytes: int = MaxBytesOption,
    save: Path = SaveOption,
    fmt: Format = FormatOption,
    output: Path = OutputOption,
) -> None:
    """The defined support period: present, an end date, not shortened, shown where sold (Sch 1 para 3)."""
    from psti.evidence.web.documents import DocumentLoader
    from psti.evidence.web.history import SupportHistory
    from psti.evidence.web.support_check import SupportInputs, check_support_period, reported_product

    if history not in ("record", "read", "off"):
        raise UsageError(f"--history {history!r}: use record, read or off")
    pages: list[tuple[str | None, Path | None]] = []
    for t in targets:
        kind, value = _classify(t, allow_domain=False)
        if kind == "file":
            pages.append((url if len(targets) == 1 else None, Path(value)))
        else:
            if offline:
                raise UsageError(f"{t}: --offline needs saved files, not URLs")
            pages.append((str(value), None))
    prev: list[dt.date] = []
    for p in previous or []:
        day = parse_date(p, "--previous-end")
        assert day is not None
        prev.append(day)
    day = parse_date(on) or dt.date.today()
    inputs = SupportInputs(
        pages=pages,
        product_terms=tuple(t for t in (model, product) if t),
        manufacturer=manufacturer,
        model=model,
        previous_end_dates=tuple(prev),
        history=None if history == "off" else SupportHistory(),
        record=history == "record",
    )
    loader = DocumentLoader(
        "support-period", _options(offline, allow_private, ca_bundle, timeout, max_bytes, save), "support"
    )
    from psti.cli.core import noting_new_history

    with noting_new_history(history):
        result = check_support_period(inputs, loader, day)
    named = reported_product(product, model, manufacturer, result.identity, targets[0])
    page = result.identity
    if not (product or model) and page is not None and page.model:
        maker = "" if manufacturer or not page.manufacturer else f", made by {page.manufacturer}"
        typer.echo(f"note: the product is {page.model}{maker}, as the page's {page.source} names it", err=True)
    if named.differs and result.identity is not None:
        typer.echo(
            f"warning: the page names {result.identity.model} (its {result.identity.source}), "
            f"not {product or model}: check that it is the right page",
            err=True,
        )
    _emit(result, named.name, named.model, named.manufacturer, day, fmt, output)


def register(app: typer.Typer) -> None:
    app.add_typer(check_app, name="check")
