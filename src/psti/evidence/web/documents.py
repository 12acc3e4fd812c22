"""Getting documents as evidence: fetched safely or read from saved copies.

Every document read becomes an `Evidence` item with its URL, capture time and SHA-256,
so an assessment records exactly what was examined and can be re-run offline from the
saved copies. A document that cannot be obtained becomes a NEEDS_EVIDENCE finding with
the reason, never an exception.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psti.errors import ArtefactError
from psti.evidence.web.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, FetchError, fetch
from psti.evidence.web.pagetext import NotText, PageText, page_text
from psti.inputfile import FileTooLarge, read_regular
from psti.model import Effect, Evidence, Finding, Location, make_finding


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so nothing is left half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class Document:
    evidence: Evidence
    content: bytes
    url: str | None  # where it was (or is said to have been) fetched from
    final_url: str | None
    status: int | None  # None for a saved copy
    content_type: str | None  # None for a saved copy
    first_url: str | None = None  # the first URL of a redirect chain

    @property
    def fetched(self) -> bool:
        return self.status is not None

    @property
    def media_type(self) -> str:
        return (self.content_type or "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        m = re.search(r"charset=\"?([A-Za-z0-9_\-]+)", self.content_type or "", re.I)
        return m.group(1).lower() if m else None

    @property
    def where(self) -> str:
        return self.final_url or self.url or self.evidence.source

    @property
    def location(self) -> Location:
        """Where a finding on the document points: its URL, and the file it was read from if not fetched."""
        return Location(url=self.url, path=None if self.fetched else self.evidence.source, evidence=self.evidence.id)


@dataclass
class WebOptions:
    offline: bool = False
    allow_private: bool = False
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    verify: bool | str = True  # or a CA bundle path
    save_dir: Path | None = None  # keep a copy of every fetched document here
    saved_copies: dict[str, Path] = field(default_factory=dict)  # URL -> saved file

    @classmethod
    def from_options(cls, options: dict[str, Any], offline: bool, allow_private: bool) -> WebOptions:
        save = options.get("web_save_dir")
        return cls(
            offline=offline,
            allow_private=allow_private,
            timeout=float(options.get("web_timeout", DEFAULT_TIMEOUT)),
            max_bytes=int(options.get("web_max_bytes", DEFAULT_MAX_BYTES)),
            verify=options.get("web_verify", True),
            save_dir=Path(save) if save else None,
        )


class DocumentLoader:
    """Loads documents for one collector run, numbering evidence ids and caching by URL."""

    def __init__(self, collector: str, options: WebOptions, prefix: str) -> None:
        self.collector = collector
        self.options = options
        self.prefix = prefix
        self.evidence: list[Evidence] = []
        self.findings: list[Finding] = []
        self._by_url: dict[str, Document | None] = {}

    def _next_id(self) -> str:
        return f"{self.prefix}:{len(self.evidence) + 1}"

    def from_file(self, path: Path, kind: str, url: str | None = None, summary: str = "") -> Document | None:
        try:
            size = path.stat().st_size
            if size > self.options.max_bytes:
                self._unavailable(
                    str(path), kind, f"{size:,} bytes, over the {self.options.max_bytes:,}-byte limit", "too-large"
                )
                return None
            # bounded on what is read: a device or a growing file says nothing true in stat
            content = read_regular(path, self.options.max_bytes)
        except FileTooLarge:
            self._unavailable(str(path), kind, f"over the {self.options.max_bytes:,}-byte limit", "too-large")
            return None
        except OSError as e:
            self._unavailable(str(path), kind, f"cannot read {path}: {e.strerror or e}", "unreadable")
            return None
        ev = Evidence(
            id=self._next_id(),
            kind=kind,
            source=str(path),
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            captured_at=dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC),
            collector=self.collector,
            summary=summary or f"saved copy{f' of {url}' if url else ''}",
            attributes={"url": url, "saved_copy": True},
        )
        self.evidence.append(ev)
        return Document(ev, content, url, url, None, None, url)

    def from_url(self, url: str, kind: str, summary: str = "", provisions: tuple[str, ...] = ()) -> Document | None:
        if url in self._by_url:
            return self._by_url[url]
        saved = self.options.saved_copies.get(url)
        if saved is not None:
            doc = self.from_file(saved, kind, url=url, summary=summary)
            self._by_url[url] = doc
            return doc
        if self.options.offline:
            self.findings.append(
                make_finding(
                    "WEB-OFFLINE",
                    Effect.NEEDS_EVIDENCE,
                    f"{url} was not fetched: offline, and no saved copy is declared for it",
                    collector=self.collector,
                    location=Location(url=url),
                    provisions=provisions,
                    remediation="Give a saved copy (--policy FILE, or a declaration artefact with this url), "
                    "or run without --offline.",
                )
            )
            self._by_url[url] = None
            return None
        try:
            got = fetch(
                url,
                allow_private=self.options.allow_private,
                max_bytes=self.options.max_bytes,
                timeout=self.options.timeout,
                verify=self.options.verify,
            )
        except FetchError as e:
            self._unavailable(url, kind, e.detail, e.reason, provisions)
            self._by_url[url] = None
            return None
        attrs: dict[str, Any] = {
            "url": url,
            "final_url": got.final_url,
            "status": got.status,
            "content_type": got.content_type,
            "redirects": [list(r) for r in got.redirects],
            "address": got.address,
        }
        if self.options.save_dir is not None:
            attrs["saved_as"] = str(self._save(got.final_url, got.content, got.sha256))
        ev = Evidence(
            id=self._next_id(),
            kind=kind,
            source=url,
            sha256=got.sha256,
            size=len(got.content),
            captured_at=got.fetched_at,
            collector=self.collector,
            summary=summary or f"fetched {got.final_url} (HTTP {got.status})",
            attributes=attrs,
        )
        self.evidence.append(ev)
        doc = Document(ev, got.content, url, got.final_url, got.status, got.content_type, url)
        self._by_url[url] = doc
        return doc

    def _save(self, url: str, content: bytes, sha256: str) -> Path:
        assert self.options.save_dir is not None
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", url.split("://", 1)[-1])[:80].strip("_") or "document"
        path = self.options.save_dir / f"{sha256[:12]}-{name}"
        try:
            write_atomically(path, content)
        except OSError as e:
            raise ArtefactError(f"cannot save {url} to {path}: {e.strerror or e}") from None
        return path

    def _unavailable(self, source: str, kind: str, detail: str, reason: str, provisions: tuple[str, ...] = ()) -> None:
        self.findings.append(
            make_finding(
                "WEB-FETCH-FAILED",
                Effect.NEEDS_EVIDENCE,
                f"{kind} {source} could not be read: {detail}",
                collector=self.collector,
                location=Location(url=source) if "://" in source else Location(path=source),
                provisions=provisions,
                details={"reason": reason},
                remediation="Check the address, or give a saved copy of the page.",
            )
        )


def scripted_finding(where: str, collector: str, location: Location) -> Finding:
    """A page whose text was read from the data its scripts draw from: say so beside the verdicts."""
    return make_finding(
        "WEB-SCRIPTED",
        Effect.INFO,
        f"{where} shows nothing without running its scripts; its text was read from the data they draw from",
        collector=collector,
        location=location,
    )


def readable_page(
    doc: Document, label: str, collector: str, provisions: tuple[str, ...], findings: list[Finding]
) -> PageText | None:
    """The document's text, or None with a finding saying why it could not be read; a page whose text
    came from its scripts' data is said so too. label names the document in messages ("policy …")."""
    try:
        page = page_text(doc.content, doc.media_type, doc.charset)
    except NotText as e:
        findings.append(
            make_finding(
                "WEB-UNREADABLE",
                Effect.NEEDS_EVIDENCE,
                f"{label} could not be examined: {e}",
                collector=collector,
                location=doc.location,
                provisions=provisions,
            )
        )
        return None
    if page.scripted:
        findings.append(scripted_finding(label, collector, doc.location))
    return page
