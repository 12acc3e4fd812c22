"""Helpers for the bundle tests: making bundles of the examples, rewriting them."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.bundle.build import assess_and_bundle
from psti.bundle.manifest import Manifest
from psti.declaration import load_declaration
from psti.model import Assessment
from psti.regime import library

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "product.toml").is_file())
LAW_DATE = dt.date(2026, 11, 25)

Maker = Callable[..., tuple[Path, Manifest, Assessment]]


def make(key: Ed25519PrivateKey, example: str, out: Path, exclude: Iterable[str] = (),
         source: Path | None = None, **kw: object) -> tuple[Path, Manifest, Assessment]:
    """A bundle of one example (from `source`, a copy of it, when given)."""
    decl = (source or EXAMPLES / example) / "product.toml"
    loaded = load_declaration(decl)
    path = out / f"{example}.pstib"
    manifest, assessment = assess_and_bundle(loaded, key, path, regimes=kw.pop("regimes", None) or library(),
                                             on=LAW_DATE, exclude_kinds=exclude, **kw)  # type: ignore[arg-type]
    return path, manifest, assessment


def rewrite(src: Path, dst: Path, change: Callable[[str, bytes], bytes | None]) -> None:
    """Copy a bundle member by member; `change(name, data)` returns new data, or None to drop it."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)


def copy_example(example: str, where: Path) -> Path:
    target = where / example
    shutil.copytree(EXAMPLES / example, target)
    return target
