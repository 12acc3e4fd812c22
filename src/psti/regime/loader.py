"""Load regime data files and build the view of a regime on a date."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from psti.errors import RegimeError
from psti.regime.models import Fact, Instrument, Item, RegimeFile

REGIME_PATH_ENV = "PSTI_REGIME_PATH"
DEFAULT_REGIME = "uk-psti"


def _format_validation(err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"])
        lines.append(f"{loc}: {e['msg']}" if loc else e["msg"])
    return "; ".join(lines)


def load_file(path: Path) -> RegimeFile:
    """Parse and validate one regime data file."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise RegimeError(f"{path}: cannot read regime file: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise RegimeError(f"{path}: regime file is not UTF-8 text") from e
    except tomllib.TOMLDecodeError as e:
        raise RegimeError(f"{path}: malformed TOML: {e}") from e
    try:
        return RegimeFile.model_validate(raw)
    except ValidationError as e:
        raise RegimeError(f"{path}: regime file fails validation: {_format_validation(e)}") from e


def _package_files() -> list[Path]:
    data = resources.files("psti.regime") / "data"
    return sorted(Path(str(p)) for p in data.iterdir() if p.name.endswith(".toml"))


def _extra_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    dirs = list(extra)
    env = os.environ.get(REGIME_PATH_ENV, "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    return dirs


@dataclass
class RegimeView:
    """A regime as it stood on one date: the merged items of every instrument in force."""

    regime: str
    on: dt.date
    instruments: list[Instrument]
    items: dict[str, Item]
    facts: dict[str, Fact]
    pending: list[Instrument] = field(default_factory=list)  # known, not yet in force

    @property
    def in_force(self) -> bool:
        return bool(self.instruments)

    @property
    def kind(self) -> str:
        first = self.instruments[0] if self.instruments else self.pending[0]
        return first.kind

    @property
    def title(self) -> str:
        first = self.instruments[0] if self.instruments else self.pending[0]
        return first.title

    def versions(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.instruments)

    def of_kind(self, kind: str) -> list[Item]:
        return [i for i in self.items.values() if i.kind == kind]

    def get(self, item_id: str) -> Item:
        try:
            return self.items[item_id]
        except KeyError:
            raise RegimeError(f"regime {self.regime} on {self.on} has no item {item_id}") from None

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items.values())


@dataclass
class RegimeLibrary:
    """Every instrument known, from the package and any extra directories."""

    files: dict[str, list[RegimeFile]]  # regime id -> files in effective-date order
    sources: dict[str, Path]  # instrument id -> file

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = (), include_package: bool = True) -> RegimeLibrary:
        """Load the package's regime files (unless told not to) and every `*.toml` in the
        extra directories and in $PSTI_REGIME_PATH."""
        paths = _package_files() if include_package else []
        for d in _extra_dirs(extra_dirs):
            if not d.is_dir():
                raise RegimeError(f"{d}: regime directory does not exist")
            paths += sorted(d.glob("*.toml"))
        files: dict[str, list[RegimeFile]] = {}
        sources: dict[str, Path] = {}
        for path in paths:
            rf = load_file(path)
            iid = rf.instrument.id
            if iid in sources:
                raise RegimeError(
                    f"{path}: instrument id {iid} is already defined by {sources[iid]}"
                )
            sources[iid] = path
            files.setdefault(rf.instrument.regime, []).append(rf)
        for lst in files.values():
            lst.sort(key=lambda f: (f.instrument.effective_from, f.instrument.id))
        lib = cls(files=files, sources=sources)
        lib._check_references()
        return lib

    def regimes(self) -> list[str]:
        return sorted(self.files)

    def view(self, regime: str = DEFAULT_REGIME, on: dt.date | None = None) -> RegimeView:
        on = on or dt.date.today()
        if regime not in self.files:
            known = ", ".join(self.regimes())
            raise RegimeError(f"unknown regime {regime!r}; known regimes: {known}")
        items: dict[str, Item] = {}
        facts: dict[str, Fact] = {}
        instruments: list[Instrument] = []
        pending: list[Instrument] = []
        for rf in self.files[regime]:
            if rf.instrument.effective_from > on:
                pending.append(rf.instrument)
                continue
            instruments.append(rf.instrument)
            for rid in rf.instrument.revokes:
                items.pop(rid, None)
            for item in rf.items:
                items[item.id] = item
            for fact in rf.facts:
                facts[fact.id] = fact
        return RegimeView(regime, on, instruments, items, facts, pending)

    def catalogue(self, on: dt.date | None = None) -> dict[str, Item]:
        """Every item of every regime in force on a date, for cross-regime references."""
        out: dict[str, Item] = {}
        for regime in self.regimes():
            out.update(self.view(regime, on).items)
        return out

    def _check_references(self) -> None:
        # References are checked against the union of all versions: an amendment may
        # point at an item that an earlier instrument defines.
        every: dict[str, Item] = {}
        for lst in self.files.values():
            for rf in lst:
                for item in rf.items:
                    every[item.id] = item
        problems: list[str] = []
        for lst in self.files.values():
            for rf in lst:
                where = self.sources[rf.instrument.id]
                for item in rf.items:
                    refs = list(item.provisions) + list(item.requires)
                    refs += [r for r in (item.requirement, item.satisfies, item.parent) if r]
                    for ref in refs:
                        if ref not in every:
                            problems.append(f"{where}: item {item.id} refers to unknown item {ref}")
        if problems:
            raise RegimeError("regime data fails validation:\n  " + "\n  ".join(problems))


_cache: dict[tuple[str, ...], RegimeLibrary] = {}


def library(extra_dirs: Iterable[Path] = ()) -> RegimeLibrary:
    """The regime library, cached per set of extra directories."""
    dirs = tuple(str(p) for p in _extra_dirs(extra_dirs))
    if dirs not in _cache:
        _cache[dirs] = RegimeLibrary.load(extra_dirs)
    return _cache[dirs]
