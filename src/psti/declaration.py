"""The product declaration: a TOML file describing one product and its evidence.

`load_declaration` parses and validates it, reporting every problem with its field
path and line. `Declaration.facts()` flattens it into the dotted facts that regime
conditions test.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from psti.errors import InputError, Problem
from psti.inputfile import describe_mode, kind_of, path_problem, read_regular

DECLARATION_SCHEMA = "psti.declaration/1"

# Bounds on a declaration, checked before the model sees it (docs/limits.md). A real
# declaration is a few KB with names of a few dozen characters; these leave room for
# that many times over, and keep parsing, error reporting and rendering fast.
MAX_DECLARATION_BYTES = 1_000_000
MAX_DEPTH = 8  # tables and arrays inside each other
MAX_ITEMS = 10_000  # entries in one array or table
MAX_NAME_CHARS = 1_000  # names, models, brands, addresses, identifiers
MAX_TEXT_CHARS = 20_000  # descriptions and published wording
MAX_PROBLEMS = 100  # listed in one error; the rest are counted
_NAME_KEYS = frozenset({
    "name", "type", "model", "brand", "address", "country", "email", "first", "last", "id", "version",
    "signatory", "function", "place", "scheme", "interface", "kind", "path", "url", "support",
})  # fmt: skip

Category = Literal[
    "smart-camera",
    "smart-speaker",
    "smart-tv",
    "smart-plug",
    "smart-lighting",
    "smart-thermostat",
    "smart-lock",
    "smart-doorbell",
    "smart-appliance",
    "home-hub",
    "router",
    "network-equipment",
    "wearable",
    "fitness-tracker",
    "baby-monitor",
    "toy",
    "games-console",
    "media-streamer",
    "smartphone",
    "tablet",
    "laptop-computer",
    "desktop-computer",
    "computer-peripheral",
    "printer",
    "smart-meter",
    "ev-charge-point",
    "medical-device",
    "motor-vehicle",
    "two-three-wheel-vehicle",
    "agricultural-vehicle",
    "other",
]

PasswordScheme = Literal["user-defined", "unique-per-device", "universal", "none"]
PasswordGeneration = Literal[
    "random",
    "keyed-hash",
    "encryption",
    "counter",
    "identifier-derived",
    "public-info-derived",
    "other",
]
ArtefactKind = Literal[
    "firmware",
    "rootfs",
    "password-batch",
    "security-txt",
    "disclosure-policy",
    "support-page",
    "web-page",
    "device",
    "other",
]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Party(_Section):
    name: str = Field(min_length=1)
    address: str = Field(min_length=1)
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 country code")
    established_in_uk: bool | None = None
    email: str | None = None


class SerialRange(_Section):
    first: str = Field(min_length=1)
    last: str = Field(min_length=1)


class Product(_Section):
    name: str = Field(min_length=1, description="Product name as marketed")
    type: str = Field(min_length=1, description="Product type, e.g. 'indoor smart camera'")
    model: str = Field(min_length=1)
    category: Category | None = None
    brand: str | None = None
    batches: tuple[str, ...] = ()
    serial_ranges: tuple[SerialRange, ...] = ()
    markets: tuple[Literal["GB", "NI"], ...] = ("GB", "NI")
    consumer: bool | None = Field(
        default=None, description="Made available to consumers in the UK (Act s.54 Condition A)"
    )
    identical_to_consumer_product: bool | None = Field(
        default=None, description="For B2B products: identical products are sold to consumers"
    )
    previously_supplied: bool | None = Field(
        default=None, description="Already supplied to a customer before (second-hand)"
    )
    returned_or_reconditioned: bool | None = Field(
        default=None, description="Returned under a right to return, or reconditioned by the manufacturer"
    )
    cellular: bool | None = None
    children_under_14: bool | None = Field(
        default=None, description="Designed exclusively for children under 14 (Sch 3 para 5(2))"
    )
    constrained: bool | None = Field(default=None, description="EN 303 645 constrained device")
    updatable: bool | None = Field(default=None, description="Can receive security updates")
    external_sensing: bool | None = None
    telemetry: bool | None = None
    personal_data: bool | None = None
    # regulatory facts for Schedule 3 exceptions
    smart_meter_licensed: bool | None = Field(
        default=None, description="Supplied or installed by or for a gas or electricity licence holder"
    )
    smart_meter_cpa_assured: bool | None = None
    charge_point_regulations: bool | None = Field(
        default=None, description="The Electric Vehicles (Smart Charge Points) Regulations 2021 apply"
    )
    medical_device_regulations: bool | None = Field(
        default=None, description="The Medical Devices Regulations 2002 apply to the product"
    )
    medical_software_on_general_device: bool | None = None
    vehicle_regulation: Literal["EU 2018/858", "EU 168/2013", "EU 167/2013", "none"] | None = None
    ni_free_movement_legislation: bool | None = Field(
        default=None,
        description="Made available in NI and covered by Windsor Framework Annex 2 legislation "
        "with a free movement article (Sch 3 para 1)",
    )


class Connectivity(_Section):
    internet: bool | None = Field(
        default=None, description="Can connect to the internet using an IP-suite protocol (Act s.5(2))"
    )
    ip_to_internet_connectable: bool | None = Field(
        default=None, description="Connects directly to an internet-connectable product by IP (s.5(4))"
    )
    non_ip_multiple: bool | None = Field(
        default=None, description="Connects directly to two or more products at once by a non-IP protocol"
    )
    non_ip_to_internet_connectable: bool | None = Field(
        default=None, description="Connects directly to an internet-connectable product by non-IP"
    )
    sends_and_receives: bool | None = Field(
        default=None, description="Can send and receive data by electrical or electromagnetic energy"
    )
    linked_input_product: bool | None = Field(
        default=None, description="A wireless input product used with a linking product (s.5(7))"
    )
    interfaces: tuple[str, ...] = ()


class Account(_Section):
    name: str
    interface: str = Field(description="Where the password is used: web, ssh, telnet, app, wifi…")
    scheme: PasswordScheme
    generation: PasswordGeneration | None = None


class Passwords(_Section):
    used: bool | None = Field(default=None, description="Does the product use any password?")
    scheme: PasswordScheme | None = None
    generation: PasswordGeneration | None = None
    generation_description: str | None = None
    accounts: tuple[Account, ...] = ()
    factory_provisioned: bool | None = Field(
        default=None, description="Per-unit passwords are set at the factory, not in the image"
    )
    ssid_patterns: tuple[str, ...] = Field(
        default=(),
        description="Default Wi-Fi SSIDs as broadcast, with the per-unit part as {…}, * or #, "
        "e.g. 'ACME-{mac:6}'; their fixed parts are public information",
    )


class Reporting(_Section):
    contacts: tuple[str, ...] = Field(default=(), description="mailto:, https: or tel: URIs")
    policy_url: str | None = None
    security_txt_url: str | None = None
    acknowledgement: str | None = Field(default=None, description="When an acknowledgement is sent")
    acknowledgement_days: int | None = Field(default=None, ge=0, le=365)
    status_updates: str | None = Field(default=None, description="When status updates are sent")
    status_update_days: int | None = Field(default=None, ge=0, le=365)
    free_of_charge: bool | None = None
    english: bool | None = None
    without_personal_information: bool | None = None
    without_prior_request: bool | None = None


class PublishedEndDate(_Section):
    end_date: dt.date = Field(description="An end date of the defined support period as published")
    published_on: dt.date = Field(description="The day that end date was first published")


class SupportPeriod(_Section):
    end_date: dt.date | None = None
    start_date: dt.date | None = None
    statement: str | None = Field(default=None, description="The published wording")
    published_url: str | None = None
    first_supplied: dt.date | None = Field(
        default=None, description="The day the manufacturer first supplied the product (Sch 4 para 1(1)(e))"
    )
    invitation_to_purchase_on_own_site: bool | None = Field(
        default=None,
        description="The manufacturer publishes an invitation to purchase the product, with its main "
        "characteristics, on its own website or a non-paid-for website it controls (Sch 1 para 3(5))",
    )
    alongside_invitation_to_purchase: bool | None = None
    previous_end_dates: tuple[dt.date, ...] = ()
    history: tuple[PublishedEndDate, ...] = Field(
        default=(),
        description="Every end date ever published, each with the day it was published (the current "
        "one included); the statement gives the one in force on first supply",
    )
    # Sch 1 para 3(4): how the support-period information is made available
    without_prior_request: bool | None = None
    english: bool | None = None
    free_of_charge: bool | None = None
    without_personal_information: bool | None = None
    understandable_without_technical_knowledge: bool | None = Field(
        default=None, description="Understandable by a reader without prior technical knowledge (para 3(4)(e))"
    )


class Standard(_Section):
    id: str = Field(description="e.g. 'ETSI EN 303 645'")
    version: str
    date: dt.date
    provisions: tuple[str, ...] = ()


class Label(_Section):
    scheme: Literal["jc-star-star-1", "sg-cls"]
    id: str
    level: int | None = Field(default=None, ge=1, le=4)
    expires: dt.date

    @model_validator(mode="after")
    def _recognised_level(self) -> Label:
        # SI 2025/1267 recognises JC-STAR at STAR-1 only; Singapore CLS at any level.
        if self.scheme == "jc-star-star-1" and self.level not in (None, 1):
            raise ValueError(
                f"a jc-star-star-1 label is a JC-STAR STAR-1 label, but level {self.level} is declared; "
                "only STAR-1 is recognised (SI 2023/1007 Sch 2 Condition B, Sch 2A Condition A): "
                "give level = 1 or leave it out"
            )
        return self


class LabelCheck(_Section):
    by: Literal["importer", "distributor"]
    name: str = Field(min_length=1, description="The importer or distributor that checked")
    label: str = Field(min_length=1, description="The id of the label checked (deemed_compliance.labels)")
    checked_on: dt.date
    how: str = Field(default="", description="How the label was checked, e.g. the scheme's register")


class DeemedCompliance(_Section):
    standards: tuple[Standard, ...] = ()
    labels: tuple[Label, ...] = ()
    label_checks: tuple[LabelCheck, ...] = Field(
        default=(),
        description="Importers' and distributors' records of being satisfied that the Schedule 2A "
        "label conditions are met (Act s.15(5), s.22(3))",
    )


class Statement(_Section):
    signatory: str | None = None
    function: str | None = None
    place: str | None = None
    date: dt.date | None = None
    online_url: str | None = None


class IcsEntry(_Section):
    support: Literal["supported", "not-supported", "not-applicable"]
    detail: str = ""


class Artefact(_Section):
    kind: ArtefactKind
    path: str | None = None
    url: str | None = None
    description: str = ""

    @model_validator(mode="after")
    def _where(self) -> Artefact:
        if not (self.path or self.url):
            raise ValueError("an artefact needs a 'path' or a 'url'")
        return self


class Declaration(_Section):
    """A product declaration (schema psti.declaration/1)."""

    schema_: Literal["psti.declaration/1"] = Field(default="psti.declaration/1", alias="schema")
    product: Product
    manufacturer: tuple[Party, ...]
    authorised_representative: tuple[Party, ...] = ()
    importer: tuple[Party, ...] = ()
    connectivity: Connectivity = Connectivity()
    passwords: Passwords = Passwords()
    reporting: Reporting = Reporting()
    support_period: SupportPeriod = SupportPeriod()
    deemed_compliance: DeemedCompliance = DeemedCompliance()
    statement: Statement = Statement()
    ics: dict[str, IcsEntry] = Field(
        default_factory=dict, description="EN 303 645 implementation conformance statement"
    )
    artefacts: tuple[Artefact, ...] = ()

    @field_validator("manufacturer", "authorised_representative", "importer", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return [v] if isinstance(v, dict) else v

    @field_validator("manufacturer")
    @classmethod
    def _at_least_one(cls, v: tuple[Party, ...]) -> tuple[Party, ...]:
        if not v:
            raise ValueError("at least one manufacturer is required")
        return v

    def facts(self) -> dict[str, Any]:
        """Flatten the declaration into dotted facts; absent values are left out."""
        out: dict[str, Any] = {}

        def walk(prefix: str, obj: Any) -> None:
            if isinstance(obj, BaseModel):
                for name in type(obj).model_fields:
                    walk(f"{prefix}.{name}" if prefix else name, getattr(obj, name))
            elif obj is None or obj == ():
                return
            else:
                out[prefix] = obj

        for section in ("product", "connectivity", "passwords", "reporting", "support_period"):
            walk(section, getattr(self, section))
        out["manufacturer.count"] = len(self.manufacturer)
        out["deemed_compliance.labels"] = [lb.scheme for lb in self.deemed_compliance.labels]
        return out


class LoadedDeclaration(BaseModel):
    """A validated declaration with where it came from."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    declaration: Declaration
    path: Path
    sha256: str

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def artefact_path(self, artefact: Artefact) -> Path | None:
        if artefact.path is None:
            return None
        p = Path(artefact.path)
        return p if p.is_absolute() else (self.base_dir / p)


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"]+)\s*=")


@dataclass
class _TomlSection:
    line: int  # 1-based line of the header; 0 for the top of the file
    array: bool
    keys: dict[str, int] = field(default_factory=dict)  # key -> first line below the header


@dataclass
class _TomlIndex:
    """Where tables and keys are, from one pass over the text (so locating N problems is linear)."""

    sections: dict[str, list[_TomlSection]] = field(default_factory=dict)  # table name -> headers in order
    top: _TomlSection = field(default_factory=lambda: _TomlSection(0, False))
    dotted: dict[str, int] = field(default_factory=dict)  # any dotted-key part -> first line

    @classmethod
    def of(cls, text: str) -> _TomlIndex:
        index = cls()
        current = index.top
        for i, line in enumerate(text.splitlines()):
            head = _HEADER.match(line)
            if head:
                name = head.group(1).replace('"', "").replace(" ", "")
                current = _TomlSection(i + 1, line.lstrip().startswith("[["))
                index.sections.setdefault(name, []).append(current)
                continue
            m = _KEY.match(line)
            if m:
                current.keys.setdefault(m.group(1).strip('"'), i + 1)
                for part in line.split("=", 1)[0].split("."):
                    index.dotted.setdefault(part.strip().strip("\"'"), i + 1)
        return index

    def header(self, name: str, index: int | None) -> _TomlSection | None:
        for count, section in enumerate(self.sections.get(name, ())):
            if index is None or count == index or not section.array:
                return section
        return None


@functools.lru_cache(maxsize=4)
def _index(text: str) -> _TomlIndex:
    return _TomlIndex.of(text)


def locate(text: str, path: tuple[str | int, ...]) -> int | None:
    """Best-effort line number (1-based) of a field path in TOML text.

    Handles tables, arrays of tables (by index) and `key = value` lines, which is
    how declarations are written. Returns the nearest enclosing line found.
    """
    idx = _index(text)
    names = [p for p in path if isinstance(p, str)]
    best: int | None = None
    # Try the longest table prefix first, then look for the remaining key below it.
    for cut in range(len(path), -1, -1):
        table_parts = path[:cut]
        rest = path[cut:]
        table_names = [p for p in table_parts if isinstance(p, str)]
        index = next((p for p in reversed(table_parts) if isinstance(p, int)), None)
        section = idx.header(".".join(table_names), index) if table_names else idx.top
        if section is None:
            continue
        key = next((p for p in rest if isinstance(p, str)), None)
        if key is None:
            return section.line if section.line else best
        if key in section.keys:
            return section.keys[key]
        best = best or (section.line or None)
    if best is None and names:
        # dotted keys written inline, e.g. product.category = "x"
        return idx.dotted.get(names[-1])
    return best


def field_path(dotted: str) -> tuple[str | int, ...]:
    """`passwords.accounts[0].scheme` as ("passwords", "accounts", 0, "scheme"); the
    keys of `ics` are provision ids, which hold dots themselves."""
    if dotted.startswith("ics."):
        return ("ics", dotted[4:])
    return tuple(int(i) if i else k for k, i in re.findall(r"([^.\[\]]+)|\[(\d+)\]", dotted))


def position(text: str, path: tuple[str | int, ...]) -> tuple[int, int] | None:
    """Line and column (both 1-based) of a field path in TOML text, as `locate` finds the
    line: the column of the key on it, or of the line's first character."""
    line = locate(text, path)
    if not line:
        return None
    lines = text.splitlines()
    if line > len(lines):
        return None
    source = lines[line - 1]
    key = next((p for p in reversed(path) if isinstance(p, str)), None)
    m = _KEY.match(source)
    if key is not None and m is not None and m.group(1).strip('"') == key:
        return line, m.start(1) + 1
    return line, len(source) - len(source.lstrip()) + 1


_URL_IN_TOML = re.compile(r"""["'](https?://[^"'\s]+)["']""")


def url_positions(text: str) -> dict[str, tuple[int, int]]:
    """Where each URL written in TOML text first appears (line, column of the URL)."""
    found: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        for m in _URL_IN_TOML.finditer(line):
            found.setdefault(m.group(1), (number, m.start(1) + 1))
    return found


def _problems_from(err: ValidationError, text: str, file: str) -> list[Problem]:
    problems = []
    for e in err.errors(include_input=False, include_url=False)[:MAX_PROBLEMS]:
        loc = tuple(e["loc"])
        dotted = ""
        for part in loc:
            dotted += f"[{part}]" if isinstance(part, int) else (f".{part}" if dotted else str(part))
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling; `psti schema declaration` lists the fields)"
        elif e["type"] == "missing":
            msg = "required field is missing"
        elif e["type"] in ("date_from_datetime_parsing", "date_parsing", "date_type"):
            msg = f"not a date: give it as YYYY-MM-DD ({msg})"
        line = locate(text, loc) if loc else None
        problems.append(Problem(message=msg, path=dotted.replace("schema_", "schema"), file=file, line=line))
    if err.error_count() > MAX_PROBLEMS:
        problems.append(Problem(f"… and {err.error_count() - MAX_PROBLEMS:,} more problems", file=file))
    return problems


def _bound_problems(raw: dict[str, Any], text: str, file: str) -> list[Problem]:
    """Depth, sizes and string lengths beyond what any declaration needs (before the model runs)."""
    problems: list[Problem] = []
    # iterative walk: the nesting being checked may be deeper than the stack
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), raw)]
    while stack and len(problems) < MAX_PROBLEMS:
        path, value = stack.pop()
        where = _dotted(path)
        if isinstance(value, str):
            limit = MAX_NAME_CHARS if _last_key(path) in _NAME_KEYS else MAX_TEXT_CHARS
            if len(value) > limit:
                problems.append(Problem(f"{len(value):,} characters; this field holds at most {limit:,}",
                                        path=where, file=file, line=locate(text, path) if path else None))
            continue
        if not isinstance(value, (dict, list)):
            continue
        if len(path) >= MAX_DEPTH:
            problems.append(Problem(f"nested more than {MAX_DEPTH} levels deep; no declaration field is",
                                    path=where, file=file, line=locate(text, path) if path else None))
            continue
        if len(value) > MAX_ITEMS:
            problems.append(Problem(f"{len(value):,} entries; at most {MAX_ITEMS:,} are accepted",
                                    path=where, file=file, line=locate(text, path) if path else None))
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value)
        stack.extend(((*path, k), v) for k, v in items)
    return problems


def _last_key(path: tuple[str | int, ...]) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "")


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_declaration(text: str, file: str = "<declaration>") -> Declaration:
    """Parse declaration text; raises InputError listing every problem."""
    if len(text) > MAX_DECLARATION_BYTES:
        raise InputError(
            [Problem(f"{len(text):,} characters; a declaration is at most {MAX_DECLARATION_BYTES:,} bytes",
                     file=file)],
            summary="cannot read declaration",
        )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+)", str(e))
        raise InputError(
            [Problem(f"malformed TOML: {e}", file=file, line=int(m.group(1)) if m else None)],
            summary="cannot read declaration",
        ) from None
    except RecursionError:
        raise InputError(
            [Problem(f"malformed TOML: arrays or tables nested too deeply (at most {MAX_DEPTH} levels)", file=file)],
            summary="cannot read declaration",
        ) from None
    except ValueError as e:  # e.g. an integer beyond Python's digit limit
        raise InputError([Problem(f"malformed TOML: {e}", file=file)], summary="cannot read declaration") from None
    bounds = _bound_problems(raw, text, file)
    if bounds:
        raise InputError(bounds, summary="declaration exceeds psti's limits (docs/limits.md)")
    try:
        return Declaration.model_validate(raw)
    except ValidationError as e:
        raise InputError(_problems_from(e, text, file), summary="invalid declaration") from None


def load_declaration(path: Path, check_artefacts: bool = True) -> LoadedDeclaration:
    """Read, validate and (optionally) check that every artefact path is readable."""
    file = str(path)
    try:
        data = read_regular(path, MAX_DECLARATION_BYTES)
    except OSError as e:
        raise InputError([Problem(f"cannot read: {e.strerror or e}", file=file)], "cannot read declaration") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            [Problem(f"not UTF-8 text (byte {e.start})", file=file)], "cannot read declaration"
        ) from None
    decl = parse_declaration(text, file)
    loaded = LoadedDeclaration(declaration=decl, path=path, sha256=hashlib.sha256(data).hexdigest())
    if check_artefacts:
        problems = []
        for i, art in enumerate(decl.artefacts):
            if art.path is None:
                continue
            why = _artefact_problem(art.path, loaded.artefact_path(art))
            if why is None:
                continue
            problems.append(
                Problem(
                    f"artefact {art.path!r} {why} (paths are relative to the declaration's folder)",
                    path=f"artefacts[{i}].path",
                    file=file,
                    line=locate(text, ("artefacts", i, "path")),
                )
            )
        if problems:
            raise InputError(problems, summary="declaration names artefacts that cannot be read")
    return loaded


def _artefact_problem(text: str, p: Path | None) -> str | None:
    """Why an artefact path cannot be read, or None: only regular files and folders are."""
    bad = path_problem(text)
    if bad is not None or p is None:
        return bad or "is empty"
    try:
        kind = kind_of(p)
    except FileNotFoundError:
        return "does not exist"
    except OSError as e:
        return f"cannot be read: {e.strerror or e}"
    if kind is None:
        return f"is {describe_mode(p.stat().st_mode)}, not a file or folder"
    if not os.access(p, os.R_OK):
        return "is not readable"
    return None


def declaration_json_schema() -> dict[str, Any]:
    schema = Declaration.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://psti.dev/schema/declaration-1.json"
    return schema
