"""One handler per credential source, like one extractor per format.

A handler declares which files it claims (`claims`) and turns one claimed file into
candidate credentials with their location (`scan`). The registry runs every handler
that claims a file; a credential carries the name of the handler that found it, so the
findings say where it came from and the benchmark measures each handler on its own.
System accounts (passwd/shadow) are read for the whole tree (`accounts.py`) because a
password field means something only with the live passwd beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from psti.evidence.firmware.model import Credential, Observation


@dataclass(frozen=True)
class FileInput:
    """One file as the handlers see it."""

    rel: str  # path inside the image
    name: str  # last path component
    data: bytes  # the bytes read (the whole file up to the size limits)
    text: str | None  # decoded text for a text file, None for a binary
    script: bool = False  # an init/boot script (by place or shebang)
    known: frozenset[str] = frozenset()  # corpus passwords (4+ characters)
    pairs: Mapping[str, frozenset[str]] = field(default_factory=dict)  # corpus: user -> passwords
    prompts: list[int] | None = None  # offsets of prompt words in a binary, if already found
    single_file: bool = False  # the image is this one file (raw firmware)


@dataclass
class Found:
    credentials: list[Credential] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    harvested: dict[str, str] = field(default_factory=dict)  # strings to try against hashes
    referenced: dict[str, str] = field(default_factory=dict)  # auth files named: path -> flavour


@dataclass(frozen=True)
class Handler:
    name: str
    kind: str  # the finding kind a usable credential from it gives
    sources: tuple[str, ...]  # Credential.source values it produces
    reads: str  # which files it claims, for the docs
    precision: str  # what it can get wrong, for the docs
    claims: Callable[[FileInput], bool]
    scan: Callable[[FileInput], Found]


def registry() -> tuple[Handler, ...]:
    """Every per-file handler, in the order their findings are listed."""
    from psti.evidence.firmware.handlers import binaries, comparisons, defaults, scripts, urls, webserver, webui

    return (webserver.HANDLER, defaults.HANDLER, webui.HANDLER, scripts.HANDLER, urls.HANDLER, binaries.HANDLER,
            comparisons.HANDLER)


def run(f: FileInput, handlers: tuple[Handler, ...] | None = None) -> Found:
    """Every handler that claims the file, each credential labelled with its handler."""
    out = Found()
    for h in handlers or registry():
        if not h.claims(f):
            continue
        part = h.scan(f)
        for c in part.credentials:
            c.handler = h.name
        out.credentials += part.credentials
        out.observations += part.observations
        out.referenced.update(part.referenced)
        for k, v in part.harvested.items():
            out.harvested.setdefault(k, v)
    return out


def kind_for_source() -> dict[str, str]:
    """Credential.source -> the finding kind of a usable plaintext or hash from it."""
    return {s: h.kind for h in registry() for s in h.sources}
