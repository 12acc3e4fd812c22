"""The input families: seeds, how each mutated input is given to which `psti` command."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SEEDS = Path(__file__).parent / "seeds"


@dataclass(frozen=True)
class Case:
    """One mutated input, ready to run: the file to write and the command line."""

    name: str  # file name of the input inside the case directory
    data: bytes
    argv: list[str]  # arguments after `psti`
    support: dict[str, bytes] = field(default_factory=dict)  # other files beside the input
    seed: str = ""  # which seed it was made from


@dataclass(frozen=True)
class Family:
    name: str
    command: str  # for reports
    tokens: str  # mutate.TOKENS key
    seeds: Callable[[Path], list[Path]]  # (cache dir) -> seed files
    argv: Callable[[Path], list[str]]  # (input name) -> arguments after `psti`
    support: Callable[[Path], dict[str, bytes]] = lambda seed: {}
    base_seconds: float = 30.0  # allowed for any input, plus per_mb_seconds per MB of input
    per_mb_seconds: float = 20.0
    signed: bool = False  # statements: check the no-false-verification invariant


def _files(sub: str, *patterns: str) -> Callable[[Path], list[Path]]:
    def seeds(cache: Path) -> list[Path]:
        return sorted(p for pat in patterns for p in (SEEDS / sub).glob(pat) if p.is_file())

    return seeds


def _firmware_seeds(cache: Path) -> list[Path]:
    from fuzz.firmware_seeds import build

    out = cache / "firmware-seeds"
    built = (out / ".built").exists()
    made = sorted(p for p in out.glob("*") if p.is_file() and not p.name.startswith(".")) if built else []
    if not made:
        made = build(out)
        (out / ".built").write_text("ok\n")
    return made


def _bundle_seeds(cache: Path) -> list[Path]:
    from fuzz.bundle_seeds import build

    out = cache / ".bundle-seeds"  # a dot: the runner counts it as its own, not an escape
    built = (out / ".built").exists()
    made = sorted(p for p in out.glob("*.pstib") if p.is_file()) if built else []
    if not made:
        made = build(out)
        (out / ".built").write_text("ok\n")
    return made


def _page_argv(name: Path) -> list[str]:
    if name.name.startswith("policy"):
        return ["check", "disclosure", "--offline", "security.txt", "--policy", str(name), "--format", "json"]
    return ["check", "support-period", "--offline", str(name), "--model", "CAM-200", "--format", "json"]


def _page_support(seed: Path) -> dict[str, bytes]:
    if seed.name.startswith("policy"):
        return {"security.txt": (SEEDS / "securitytxt" / "acme.txt").read_bytes()}
    return {}


def _statement_support(seed: Path) -> dict[str, bytes]:
    return {"statement-assessment.json": (SEEDS / "statements" / "statement-assessment.json").read_bytes()}


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "securitytxt", "check disclosure --offline", "text", _files("securitytxt", "*.txt"),
            lambda n: ["check", "disclosure", "--offline", str(n), "--no-follow", "--format", "json"],
        ),
        Family(
            "batches", "creds", "csv", _files("batches", "*.csv", "*.tsv", "*.jsonl", "*.gz"),
            lambda n: ["creds", str(n), "--no-progress", "--format", "json"],
        ),
        Family(
            "declarations-validate", "validate", "toml", _files("declarations", "*.toml"),
            lambda n: ["validate", str(n)],
        ),
        Family(
            "declarations-assess", "assess --offline", "toml", _files("declarations", "*.toml"),
            lambda n: ["assess", str(n), "--offline", "--format", "terminal"],
        ),
        Family("pages", "check support-period / disclosure --policy", "html", _files("pages", "*.html"),
               _page_argv, _page_support),
        Family(
            "statements", "verify", "json", _files("statements", "statement.json"),
            lambda n: ["verify", str(n), "--json"], _statement_support, signed=True,
        ),
        Family(
            "bundles", "reverify", "binary", _bundle_seeds,
            lambda n: ["reverify", str(n), "--json", "--today", "2026-11-25"],
        ),
        Family(
            "firmware", "scan firmware", "binary", _firmware_seeds,
            lambda n: ["scan", "firmware", str(n), "--format", "json", "--no-progress", "--workers", "1",
                       "--crack-seconds", "2"],
            base_seconds=90.0, per_mb_seconds=30.0,
        ),
    )
}


def make_case(family: Family, seeds: list[Path], rng: random.Random, index: int) -> Case:
    """The index-th input of a run: a seed, mutated (a few are run unmutated)."""
    from fuzz.mutate import mutate

    # crafted bombs run once as they are: a mutated bomb is mostly a corrupt one, and slow
    mutable = [s for s in seeds if not s.name.startswith("bomb")] or seeds
    seed = seeds[index] if index < len(seeds) else rng.choice(mutable)
    data = seed.read_bytes()
    tokens = family.tokens
    if family.name == "batches" and ".jsonl" in seed.name:
        tokens = "jsonl"
    if index >= len(seeds):  # the first pass runs every seed as it is
        data = mutate(rng, data, tokens, gzipped=seed.suffix == ".gz")
    name = Path(seed.name)
    return Case(name.name, data, family.argv(name), family.support(seed), seed.name)
