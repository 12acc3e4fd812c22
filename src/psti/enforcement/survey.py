"""Market surveillance at scale: assess many products at once, locally or on Dask.

An item is a plain dict `{"kind": ..., "path": ...}`; `run_item` is a pure function
from an item to a result dict (no shared state, nothing printed), so the same call
runs in a local process pool or on a Dask cluster and gives the same results. Item
kinds plug in through `KINDS` (and the `psti.survey_kinds` entry-point group): each
kind says which paths it claims and how to assess one.

Every product is assessed by `psti.assess`, the same path as `psti assess` and
`psti scan firmware`, so a survey judges by the collectors' own rules. Kinds shipped here:
- `declaration` (`*.toml` product declarations): the declaration with its artefacts,
  offline. The artefacts a declaration names are not surveyed again on their own.
- `firmware` (`*.bin`, `*.img`, `*.tar`, `*.tar.gz`, ...): the firmware collector on the
  image on its own; `firmware-screen` is the same collector under tighter extraction
  bounds, for a quick sweep.
- `assessment` (`*.json` psti assessments): the recorded verdict.
- `domain` (manifest lines): the disclosure check of a manufacturer's security.txt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tarfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from psti.assess import Artefacts, AssessOptions, assess, assess_evidence
from psti.declaration import load_declaration
from psti.errors import PstiError, UsageError
from psti.evidence.firmware.extract import Limits
from psti.evidence.web.disclosure import DisclosureInputs, Source, check_disclosure, domain_source
from psti.evidence.web.documents import DocumentLoader, WebOptions
from psti.model import Assessment, Effect, ProductRef
from psti.parallel import available_cores, process_pool

Item = dict[str, str]
Result = dict[str, Any]

MAX_ITEMS = 100_000
# No time-bounded hash cracking in a survey: a result must not depend on how busy the
# machine was. The firmware collector still judges every hash it finds (universal unless
# replaced per unit at first boot or in the factory); `psti scan firmware` does the
# cracking for a single image. One worker inside a job: the survey runs one job per core.
COLLECTOR_OPTIONS: dict[str, Any] = {"crack_deadline_s": 0.0, "workers": 1}
FIRMWARE = ("firmware",)
# The quick sweep (`--screen`): the same collector, extraction bounded tighter.
SCREEN_LIMITS = Limits(max_total_bytes=256 << 20, max_files=20_000, max_seconds=60.0, max_file_bytes=64 << 20)


# ---- kinds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemKind:
    name: str
    claims: Callable[[Path], bool]
    job: Callable[..., Result]  # job(path) for files, job(item) for web targets; module-level
    file_based: bool = True


def sha256_path(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def _failure(provisions: tuple[str, ...], kind: str, message: str) -> dict[str, Any]:
    return {"provisions": list(provisions), "kind": kind, "message": message}


def _outcome(a: Assessment, method: str, product: dict[str, Any]) -> Result:
    """A survey result from an assessment: its verdict and its failing findings."""
    failures = [_failure(tuple(f.provisions), f.kind, f.message) for f in a.findings if f.effect is Effect.FAIL]
    verdict = a.overall.value
    return {
        "product": product,
        "verdict": verdict,
        "method": method,
        "failures": failures,
        "summary": f"{verdict}: {len(failures)} failing finding(s)",
    }


def _declaration_job(path: Path) -> Result:
    loaded = load_declaration(path)
    # offline: a surveillance sweep judges the saved artefacts, it does not fetch pages
    a = assess(loaded, AssessOptions(offline=True, options=COLLECTOR_OPTIONS))
    product = {"name": a.product.name, "model": a.product.model, "manufacturer": a.product.manufacturer}
    return _outcome(a, "engine", product)


def _firmware_job(path: Path) -> Result:
    a = assess(Artefacts.one("firmware", path), AssessOptions(collectors=FIRMWARE, options=COLLECTOR_OPTIONS))
    return _outcome(a, "firmware-collector", {})


def _firmware_screen(path: Path) -> Result:
    options = {**COLLECTOR_OPTIONS, "limits": SCREEN_LIMITS}
    a = assess(Artefacts.one("firmware", path), AssessOptions(collectors=FIRMWARE, options=options))
    return _outcome(a, "firmware-screen", {})


def _assessment_job(path: Path) -> Result:
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not str(raw.get("schema", "")).startswith("psti.assessment/"):
        raise UsageError(f"{path}: not a psti assessment (no 'schema': 'psti.assessment/…')")
    p = raw.get("product") or {}
    failures = [
        _failure(tuple(f.get("provisions", ())), f.get("kind", ""), f.get("message", ""))
        for f in raw.get("findings", [])
        if f.get("effect") == "fail"
    ]
    return {
        "product": {k: p.get(k) for k in ("name", "model", "manufacturer")},
        "verdict": raw.get("overall", "needs-evidence"),
        "method": "recorded-assessment",
        "failures": failures,
        "summary": f"recorded assessment: {raw.get('overall')}",
    }


def _disclosure_job(item: Item) -> Result:
    """security.txt and the disclosure policy of a manufacturer domain (or a security.txt URL)."""
    target = item["path"]
    opts = WebOptions(allow_private=item.get("allow_private") == "1", verify=item.get("ca_bundle") or True)
    inputs = DisclosureInputs()
    if "://" in target:
        inputs.security_txt.append(Source(url=target))
        host = target.split("://", 1)[1].split("/", 1)[0]
    else:
        inputs.security_txt.append(domain_source(target))
        host = target
    result = check_disclosure(inputs, DocumentLoader("disclosure", opts, "disclosure"), _judged_at())
    a = assess_evidence(result, ProductRef(name=f"security.txt of {host}", model="-", manufacturer=host))
    return {
        **_outcome(a, "disclosure-check", {"manufacturer": host}),
        "sha256": next((e.sha256 for e in a.evidence if e.sha256), None),
    }


def _judged_at() -> dt.datetime:
    # Judged at the start of the current day (UTC), so every worker of one survey judges an
    # Expires field against the same instant, whichever process runs it.
    now = dt.datetime.now(dt.UTC)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")

_FILE_SUFFIXES = {
    ".toml",
    ".json",
    ".txt",
    ".csv",
    ".gz",
    ".bin",
    ".img",
    ".tar",
    ".tgz",
    ".trx",
    ".chk",
    ".squashfs",
    ".ubi",
    ".fw",
    ".html",
    ".pdf",
    ".zip",
}

_FW_SUFFIXES = (
    ".bin",
    ".img",
    ".trx",
    ".chk",
    ".tar",
    ".tgz",
    ".tar.gz",
    ".squashfs",
    ".ubi",
    ".fw",
)

KINDS: dict[str, ItemKind] = {
    "declaration": ItemKind("declaration", lambda p: p.suffix == ".toml", _declaration_job),
    "assessment": ItemKind("assessment", lambda p: p.suffix == ".json", _assessment_job),
    "firmware": ItemKind("firmware", lambda p: p.name.lower().endswith(_FW_SUFFIXES), _firmware_job),
    # claims nothing by itself: chosen with `--screen` (or "kind" in a manifest) for a fast sweep
    "firmware-screen": ItemKind("firmware-screen", lambda p: False, _firmware_screen),
    # manifest entries that are a domain or an http(s) URL rather than a file
    "domain": ItemKind("domain", lambda p: False, _disclosure_job, file_based=False),
}
SCREEN = {"firmware": "firmware-screen"}  # kind substitutions for a quick sweep


def _load_plugins() -> None:
    for ep in entry_points(group="psti.survey_kinds"):
        kind = ep.load()
        if isinstance(kind, ItemKind):
            KINDS.setdefault(kind.name, kind)


_load_plugins()


def item_for(path: Path) -> Item:
    for kind in KINDS.values():
        if kind.claims(path):
            return {"kind": kind.name, "path": str(path)}
    return {"kind": "file", "path": str(path)}


def run_item(item: Item) -> Result:
    """Assess one item. Pure: the same file gives the same result, wherever it runs."""
    base: Result = {"item": item["path"], "kind": item["kind"]}
    kind = KINDS.get(item["kind"])
    if kind is not None and not kind.file_based:
        try:
            return {**base, "error": None, **kind.job(item)}
        except PstiError as e:
            return {**base, "verdict": "error", "error": str(e), "failures": []}
    path = Path(item["path"])
    try:
        base["sha256"] = sha256_path(path)
        base["size"] = path.stat().st_size
    except OSError as e:
        return {**base, "verdict": "error", "error": f"cannot read: {e.strerror or e}", "failures": []}
    if kind is None:
        return {
            **base,
            "verdict": "needs-evidence",
            "method": "hash-only",
            "failures": [],
            "summary": f"no assessment for this kind of file ({path.suffix or 'no suffix'}); hash recorded",
        }
    try:
        return {**base, "error": None, **kind.job(path)}
    except PstiError as e:
        return {**base, "verdict": "error", "error": str(e), "failures": []}
    except (OSError, ValueError, tarfile.TarError, UnicodeDecodeError) as e:
        return {**base, "verdict": "error", "error": f"{type(e).__name__}: {e}", "failures": []}


# ---- discovery -----------------------------------------------------------------------------


def discover(path: Path, substitute: dict[str, str] | None = None) -> list[Item]:
    """Items from `path`, with kinds replaced per `substitute` (e.g. SCREEN).

    A product declaration is assessed with its artefacts, so the files it names are not
    items of their own: the camera's firmware, password batch and saved pages are judged
    once, as parts of the camera."""
    items = _without_covered(_discover(path))
    if substitute:
        items = [{**i, "kind": substitute.get(i["kind"], i["kind"])} for i in items]
    return items


def _without_covered(items: list[Item]) -> list[Item]:
    covered: set[Path] = set()
    for item in items:
        if item["kind"] == "declaration":
            covered |= _artefacts_of(Path(item["path"]))
    return [i for i in items if i["kind"] == "declaration" or Path(i["path"]).resolve() not in covered]


def _artefacts_of(declaration: Path) -> set[Path]:
    """The local files a declaration names; none if it cannot be read (its own item
    reports why)."""
    try:
        loaded = load_declaration(declaration, check_artefacts=False)
    except (PstiError, OSError):
        return set()
    paths = (loaded.artefact_path(a) for a in loaded.declaration.artefacts)
    return {p.resolve() for p in paths if p is not None}


def _discover(path: Path) -> list[Item]:
    """Items from a folder (every file, recursively), a manifest (.txt: one path per line; .json:
    a list), or a single product file."""
    if path.is_dir():
        files = []
        for root, dirs, names in os.walk(path, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for n in sorted(names):
                if not n.startswith("."):
                    files.append(Path(root) / n)
                    if len(files) > MAX_ITEMS:
                        raise UsageError(f"{path}: more than {MAX_ITEMS:,} files; split the survey")
        return [item_for(f) for f in files]
    if path.is_file():
        if _is_manifest(path):
            return _manifest(path)
        return [item_for(path)]  # a single product file
    raise UsageError(f"{path}: no such folder or manifest")


def _is_manifest(path: Path) -> bool:
    """Line manifests are .txt/.lst; a .json file is a manifest when it holds a list."""
    if path.suffix in (".txt", ".lst", ".manifest"):
        return True
    if path.suffix == ".json":
        with path.open("rb") as f:
            return f.read(4096).lstrip()[:1] == b"["
    return False


def _manifest(path: Path) -> list[Item]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read manifest: {e}") from None
    base = path.parent
    entries: list[tuple[int, Any]]
    if path.suffix == ".json":
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as e:
            raise UsageError(f"{path}:{e.lineno}: manifest is not valid JSON: {e.msg}") from None
        if not isinstance(raw, list):
            raise UsageError(f"{path}: a JSON manifest is a list of paths or {{'path': ..., 'kind': ...}}")
        entries = [(i + 1, e) for i, e in enumerate(raw)]
    else:
        entries = [
            (i + 1, ln.strip())
            for i, ln in enumerate(text.splitlines())
            if ln.strip() and not ln.lstrip().startswith("#")
        ]
    if len(entries) > MAX_ITEMS:
        raise UsageError(f"{path}: more than {MAX_ITEMS:,} entries; split the survey")
    items: list[Item] = []
    for line, entry in entries:
        kind = None
        target = entry
        if isinstance(entry, dict):
            kind, target = entry.get("kind"), entry.get("path")
        if not isinstance(target, str) or not target:
            raise UsageError(f"{path}: entry {line}: expected a path")
        web = target.startswith(("https://", "http://")) or (
            bool(_DOMAIN.match(target)) and Path(target).suffix.lower() not in _FILE_SUFFIXES
        )
        if kind == "domain" or (kind is None and web and not (base / target).exists()):
            if not web:
                raise UsageError(f"{path}: entry {line}: {target!r} is not a domain or http(s) URL")
            items.append({"kind": "domain", "path": target.rstrip("/") if "://" not in target else target})
            continue
        p = Path(target) if Path(target).is_absolute() else base / target
        if kind is not None and kind not in KINDS:
            raise UsageError(f"{path}: entry {line}: unknown kind {kind!r}; known: {', '.join(KINDS)}")
        items.append({"kind": kind, "path": str(p)} if kind else item_for(p))
    return items


def with_web_options(items: list[Item], *, allow_private: bool = False, ca_bundle: str | None = None) -> list[Item]:
    """Web items carry their fetch options, so each worker fetches the same way."""
    extra = {"allow_private": "1" if allow_private else "0", **({"ca_bundle": ca_bundle} if ca_bundle else {})}
    return [{**i, **extra} if i["kind"] == "domain" else i for i in items]


# ---- running ---------------------------------------------------------------------------------


@dataclass
class SurveyReport:
    results: list[Result]
    mode: str  # "inline" | "pool:N" | "dask:ADDRESS"
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.get("verdict") == "fail")

    def exit_code(self) -> int:
        if self.failed:
            return 1
        if any(r.get("verdict") == "error" for r in self.results):
            return 2
        if any(r.get("verdict") == "needs-evidence" for r in self.results):
            return 3
        return 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "psti.survey/1",
            "mode": self.mode,
            "seconds": round(self.seconds, 3),
            "counts": self.counts,
            "results": self.results,
        }


def run_survey(
    items: Iterable[Item],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Callable[[str, float, float | None], None] | None = None,
) -> SurveyReport:
    """Assess every item: inline (workers=1), in a local process pool, or on a Dask cluster."""
    items = list(items)
    total = float(len(items))
    tick = progress or (lambda d, c, t: None)
    start = time.perf_counter()
    results: list[Result] = []
    if scheduler:
        mode = f"dask:{scheduler}"
        results = _run_dask(items, scheduler, tick, total)
    elif workers == 1 or len(items) <= 1:
        mode = "inline"
        for i, item in enumerate(items):
            results.append(run_item(item))
            tick("surveying", i + 1, total)
    else:
        n = workers or available_cores()
        mode = f"pool:{n}"
        with process_pool(n) as pool:
            for i, r in enumerate(pool.map(run_item, items, chunksize=max(1, len(items) // (n * 8)))):
                results.append(r)
                tick("surveying", i + 1, total)
    results.sort(key=lambda r: r["item"])
    counts: dict[str, int] = {}
    for r in results:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    return SurveyReport(results, mode, time.perf_counter() - start, counts)


# ---- shipping the work to workers that do not share this file system ----------------------


def files_of(item: Item) -> list[Path]:
    """The files an item's assessment reads: its own file and, for a declaration, the
    local artefacts it names (those that exist; a missing one is reported by the job)."""
    path = Path(item["path"])
    files = [path]
    if item["kind"] == "declaration":
        try:
            loaded = load_declaration(path, check_artefacts=False)
        except (PstiError, OSError):
            return files
        for artefact in loaded.declaration.artefacts:
            p = loaded.artefact_path(artefact)
            if p is not None and p.is_file() and p not in files:
                files.append(p)
    return files


def pack(item: Item) -> tuple[dict[str, Any], dict[str, Path]] | None:
    """A shipment for `item` (names relative to the files' common folder -> SHA-256, and
    how that folder was named here) and the files by digest; None when the item's own file
    cannot be read (it is then judged here, which gives the same "cannot read")."""
    files = files_of(item)
    try:
        digests = {f: sha256_path(f) for f in files}
    except OSError:
        return None
    absolute = {f: Path(os.path.abspath(f)) for f in files}
    root = Path(os.path.commonpath([a.parent for a in absolute.values()]))
    given = Path(item["path"])
    # strings in a result name files as this process would: absolute or relative to here
    prefix = str(root) if given.is_absolute() else os.path.relpath(root)
    shipment = {
        "item": item,
        "entry": absolute[files[0]].relative_to(root).as_posix(),
        "prefix": "" if prefix == "." else prefix,
        "files": {absolute[f].relative_to(root).as_posix(): digests[f] for f in files},
    }
    return shipment, {digests[f]: f for f in files}


def _rebased(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {k: _rebased(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_rebased(v, old, new) for v in value]
    return value


def run_shipped(shipment: dict[str, Any], *blobs: bytes) -> Result:
    """Run a shipped item on a worker: lay its files out in a private folder, check each
    against its digest, assess, and name files in the result as the sender would."""
    import tempfile

    names = list(shipment["files"])
    with tempfile.TemporaryDirectory(prefix="psti-survey-") as tmp:
        for name, blob in zip(names, blobs, strict=True):
            rel = Path(name)
            if rel.is_absolute() or ".." in rel.parts:
                raise ValueError(f"shipment names a file outside its folder: {name}")
            if hashlib.sha256(blob).hexdigest() != shipment["files"][name]:
                raise ValueError(f"{name}: content does not match its digest")
            target = Path(tmp, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
        item = shipment["item"]
        result = run_item({**item, "path": str(Path(tmp, shipment["entry"]))})
    prefix = shipment["prefix"]
    result = _rebased(result, tmp + os.sep, prefix + os.sep if prefix else "")
    result = _rebased(result, tmp, prefix or ".")
    return {**result, "item": item["path"]}


def _run_dask(
    items: list[Item],
    scheduler: str,
    tick: Callable[[str, float, float | None], None],
    total: float,
) -> list[Result]:
    """Each file goes to the cluster once, addressed by its digest, and travels with the
    tasks that need it: workers need no shared file system and no common working folder."""
    from distributed import Client, as_completed  # heavy (about a second): only for --scheduler

    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as e:
        raise UsageError(f"--scheduler {scheduler}: cannot connect to a Dask scheduler ({e})") from None
    try:
        uploaded: dict[str, Any] = {}
        futures = []
        done: list[Result] = []
        for item in items:
            kind = KINDS.get(item["kind"])
            if kind is not None and not kind.file_based:
                futures.append(client.submit(run_item, item, pure=False))
                continue
            packed = pack(item)
            if packed is None:
                done.append(run_item(item))
                continue
            shipment, by_digest = packed
            for digest, path in by_digest.items():
                if digest not in uploaded:
                    # scattered under the digest: a file two items share is sent once
                    uploaded[digest] = client.scatter({f"psti-file-{digest}": path.read_bytes()}, hash=False)[
                        f"psti-file-{digest}"
                    ]
            blobs = [uploaded[d] for d in shipment["files"].values()]
            futures.append(client.submit(run_shipped, shipment, *blobs, pure=False))
        results = list(done)
        for fut in as_completed(futures):
            results.append(fut.result())
            tick("surveying", len(results), total)
        return results
    finally:
        client.close()


def results_equal(a: Iterable[Result], b: Iterable[Result]) -> bool:
    """Same results, ignoring order (timings are not part of a result)."""
    key = lambda r: json.dumps(r, sort_keys=True, default=str)  # noqa: E731
    return sorted(map(key, a)) == sorted(map(key, b))
