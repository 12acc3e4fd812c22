"""Make an evidence bundle: declaration, artefacts, assessment, regime data and manifest in
one zip, the manifest and assessment signed as an in-toto attestation in a DSSE envelope.

Layout:

    manifest.json              the manifest (psti.bundle/1), as signed
    attestation.dsse.json      DSSE envelope: in-toto Statement v1, subjects = artefacts
    assessment.json            the assessment (psti.assessment/1)
    declaration/NAME.toml      the declaration, byte for byte
    declaration/…              artefacts at their declared paths (relative to the declaration)
    external/N/NAME            artefacts declared by absolute path or outside its folder
    regime/INSTRUMENT.toml     every regime data file the assessment was made with

An assessment made for a bundle runs offline (only the bundled copies of pages count),
without the local support-period history, and judges time-bound things (security.txt
Expires) at the start of the law date: what it finds follows from the bundle alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import psti
from psti.bundle import dsse
from psti.bundle.archive import name_problem, write_bundle
from psti.bundle.compare import comparable_sha256
from psti.bundle.manifest import (
    ASSESSMENT_MEMBER,
    DECLARATION_DIR,
    ENVELOPE_MEMBER,
    EXTERNAL_DIR,
    MANIFEST_MEMBER,
    REGIME_DIR,
    ArtefactRef,
    AssessmentRef,
    CollectorRef,
    CorpusRef,
    Manifest,
    MemberRef,
    RegimeFileRef,
    RegimeRef,
    RunOptions,
    Signer,
)
from psti.declaration import LoadedDeclaration
from psti.documents import signing
from psti.errors import PstiError, UsageError
from psti.model import Assessment
from psti.regime.loader import RegimeLibrary

PREDICATE_ASSESSMENT = "assessment"
PREDICATE_MANIFEST = "bundle"


def bundle_options(law_date: dt.date, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Collector options for an assessment that only the bundle's contents decide."""
    out = dict(options or {})
    out["support_history"] = "off"
    out.setdefault("now", dt.datetime.combine(law_date, dt.time(0), dt.UTC).isoformat())
    return out


def file_sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def tree_files(folder: Path) -> list[tuple[str, Path]]:
    """Every regular file under a folder, by relative POSIX path, sorted; links are not followed."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if p.is_file() and not p.is_symlink():
                out.append((p.relative_to(folder).as_posix(), p))
    return sorted(out)


def tree_sha256(entries: Iterable[tuple[str, str]]) -> str:
    """A folder's hash: SHA-256 of `sha256sum`-style lines ("HEX  PATH\\n"), sorted by path."""
    text = "".join(f"{digest}  {rel}\n" for rel, digest in sorted(entries))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def artefact_root(index: int, declared: str) -> str:
    """Where an artefact goes in the bundle: at its declared path under declaration/ when that
    stays inside the declaration's folder, else under external/INDEX/."""
    p = PurePosixPath(declared)
    if not p.is_absolute() and ".." not in p.parts and p.parts:
        name = f"{DECLARATION_DIR}/{p.as_posix()}"
        if name_problem(name) is None:
            return name
    base = PurePosixPath(declared.replace("\\", "/")).name or f"artefact-{index}"
    return f"{EXTERNAL_DIR}/{index}/{base}"


def corpus_ref() -> CorpusRef:
    from psti.corpus.build import COMMON_FILE, CREDENTIALS_FILE, DATA, SOURCES_FILE

    lines = []
    for name in (CREDENTIALS_FILE, COMMON_FILE, SOURCES_FILE):
        lines.append((name, file_sha256(DATA / name)[0]))
    digest = tree_sha256(lines)
    with (DATA / CREDENTIALS_FILE).open(encoding="utf-8") as f:
        entries = sum(1 for _ in f) - 1
    return CorpusRef(version=f"{psti.__version__}+{digest[:12]}", sha256=digest, entries=entries)


def collector_refs(names: Iterable[str] | None = None) -> list[CollectorRef]:
    """Each collector's name, version and the distribution that provides it."""
    from psti.evidence.registry import ENTRY_POINT_GROUP, collectors

    found = collectors(names)
    by_name = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    out = []
    for name, cls in found.items():
        ep = by_name.get(name)
        dist = ep.dist if ep is not None else None
        if dist is not None:
            out.append(CollectorRef(name=name, version=dist.version, distribution=dist.name))
        elif cls.__module__.startswith("psti."):
            out.append(CollectorRef(name=name, version=psti.__version__, distribution="psti"))
        else:
            version = str(getattr(__import__(cls.__module__.split(".")[0]), "__version__", "unknown"))
            out.append(CollectorRef(name=name, version=version, distribution=cls.__module__.split(".")[0]))
    return out


def regime_ref(lib: RegimeLibrary, regime: str, versions: Sequence[str]) -> tuple[RegimeRef, list[tuple[str, Path]]]:
    files = []
    members = []
    for iid, path in sorted(lib.sources.items()):
        member = f"{REGIME_DIR}/{iid}.toml"
        if name_problem(member) is not None:
            raise PstiError(f"regime instrument id {iid!r} cannot name a bundle member")
        reg = next(r for r, lst in lib.files.items() if any(f.instrument.id == iid for f in lst))
        files.append(RegimeFileRef(instrument=iid, regime=reg, member=member, sha256=file_sha256(path)[0]))
        members.append((member, path))
    return RegimeRef(id=regime, versions=tuple(versions), files=tuple(files)), members


@dataclass(frozen=True)
class Plan:
    """What goes in the bundle, before anything is written."""

    manifest: Manifest
    members: list[tuple[str, bytes | Path]]
    paths: dict[str, str]  # path as the assessment shows it -> name in the bundle (for comparing)


def _check_exclusions(loaded: LoadedDeclaration, exclude_kinds: Iterable[str]) -> set[str]:
    excluded = set(exclude_kinds)
    kinds = {a.kind for a in loaded.declaration.artefacts}
    unknown = sorted(excluded - kinds)
    if unknown:
        raise UsageError(f"--exclude-artefact {', '.join(unknown)}: the declaration has no artefact of that kind "
                         f"(it has: {', '.join(sorted(kinds)) or 'none'})")
    return excluded


def compared_paths(loaded: LoadedDeclaration, roots: Mapping[int, str]) -> dict[str, str]:
    """How the assessment's paths map to bundle names: the declaration and each artefact."""
    out = {str(loaded.path): f"{DECLARATION_DIR}/{loaded.path.name}"}
    for i, art in enumerate(loaded.declaration.artefacts):
        p = loaded.artefact_path(art)
        if p is not None and i in roots:
            out[str(p)] = roots[i]
    return out


def plan_bundle(
    loaded: LoadedDeclaration,
    assessment: Assessment,
    key: Ed25519PrivateKey,
    *,
    regimes: RegimeLibrary,
    run: RunOptions,
    exclude_kinds: Iterable[str] = (),
    assessed_path: Path | None = None,
) -> Plan:
    """`assessed_path`: the declaration's path as the assessment names it, when the assessment
    was made elsewhere (`--from-assessment`); its paths are mapped from there."""
    excluded = _check_exclusions(loaded, exclude_kinds)
    if assessment.product.declaration_sha256 and assessment.product.declaration_sha256 != loaded.sha256:
        raise PstiError(f"{loaded.path}: the assessment was made from another version of this declaration "
                        f"(sha256 {assessment.product.declaration_sha256[:12]}…); assess it again")
    members: list[tuple[str, bytes | Path]] = []
    refs: list[MemberRef] = []

    def add(name: str, content: bytes | Path, digest: str, size: int) -> None:
        members.append((name, content))
        refs.append(MemberRef(name=name, sha256=digest, size=size))

    decl_name = f"{DECLARATION_DIR}/{loaded.path.name}"
    decl_bytes = loaded.path.read_bytes()
    if hashlib.sha256(decl_bytes).hexdigest() != loaded.sha256:
        raise PstiError(f"{loaded.path}: changed while the bundle was being made; run again")
    add(decl_name, decl_bytes, loaded.sha256, len(decl_bytes))
    artefacts: list[ArtefactRef] = []
    roots: dict[int, str] = {}
    for i, art in enumerate(loaded.declaration.artefacts):
        path = loaded.artefact_path(art)
        if path is None or art.path is None:
            continue  # a URL-only artefact: nothing on disk to bundle
        root = artefact_root(i, art.path)
        roots[i] = root
        if path.is_dir():
            entries = [(rel, p, *file_sha256(p)) for rel, p in tree_files(path)]
            digest = tree_sha256((rel, d) for rel, _, d, _ in entries)
            size = sum(s for *_, s in entries)
            names = tuple(f"{root}/{rel}" for rel, *_ in entries)
            if art.kind not in excluded:
                for (_, p, d, s), name in zip(entries, names, strict=True):
                    add(name, p, d, s)
            artefacts.append(ArtefactRef(index=i, kind=art.kind, declared_path=art.path, type="folder", sha256=digest,
                                         size=size, excluded=art.kind in excluded,
                                         members=() if art.kind in excluded else names, root=root))
        else:
            digest, size = file_sha256(path)
            if art.kind not in excluded:
                add(root, path, digest, size)
            artefacts.append(ArtefactRef(index=i, kind=art.kind, declared_path=art.path, type="file", sha256=digest,
                                         size=size, excluded=art.kind in excluded,
                                         members=() if art.kind in excluded else (root,), root=root))
    regime, regime_members = regime_ref(regimes, assessment.regime, assessment.regime_versions)
    for name, path in regime_members:
        add(name, path, *file_sha256(path))
    a_bytes = assessment.to_json().encode("utf-8")
    as_assessed = loaded.model_copy(update={"path": assessed_path}) if assessed_path is not None else loaded
    paths = compared_paths(as_assessed, roots)
    a_ref = AssessmentRef(member=ASSESSMENT_MEMBER, sha256=hashlib.sha256(a_bytes).hexdigest(),
                          compared_sha256=comparable_sha256(assessment, paths), overall=assessment.overall.value,
                          assessed_on=assessment.assessed_on, tool_version=assessment.tool_version, paths=paths)
    add(ASSESSMENT_MEMBER, a_bytes, a_ref.sha256, len(a_bytes))
    clash = _clashes([r.name for r in refs])
    if clash:
        raise PstiError(f"two inputs would share a name in the bundle: {', '.join(sorted(clash))}")
    pub = key.public_key()
    manifest = Manifest(
        created_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        psti_version=psti.__version__,
        law_date=assessment.assessed_on,
        declaration=MemberRef(name=decl_name, sha256=loaded.sha256, size=len(decl_bytes)),
        artefacts=tuple(artefacts),
        assessment=a_ref,
        regime=regime,
        corpus=corpus_ref(),
        collectors=tuple(collector_refs(run.collectors)),
        run=run,
        members=tuple(refs),
        signer=Signer(key_id=signing.fingerprint(pub), public_key=signing.public_key_b64(pub)),
    )
    return Plan(manifest, members, paths)


def _clashes(names: list[str]) -> set[str]:
    """Names given twice, or given both as a file and as a folder holding others."""
    seen: set[str] = set()
    out = set()
    for n in names:
        if n in seen:
            out.add(n)
        seen.add(n)
    for n in names:
        parts = n.split("/")
        out |= {p for p in ("/".join(parts[:i]) for i in range(1, len(parts))) if p in seen}
    return out


def attestation(manifest: Manifest, assessment_data: dict[str, Any]) -> dict[str, Any]:
    """The in-toto statement: every artefact (bundled or not) as a subject, the assessment and
    the manifest as the predicate."""
    subjects = [{"name": a.root, "digest": {"sha256": a.sha256}} for a in manifest.artefacts]
    subjects.append({"name": manifest.declaration.name, "digest": {"sha256": manifest.declaration.sha256}})
    return dsse.statement(subjects, {PREDICATE_ASSESSMENT: assessment_data, PREDICATE_MANIFEST: manifest.as_data()})


def write_planned(plan: Plan, assessment: Assessment, key: Ed25519PrivateKey, output: Path) -> None:
    manifest_bytes = signing.canonical_json(plan.manifest.as_data())
    payload = signing.canonical_json(attestation(plan.manifest, assessment.model_dump(mode="json", by_alias=True)))
    envelope = signing.canonical_json(dsse.envelope(key, payload))
    members: list[tuple[str, bytes | Path]] = [
        (MANIFEST_MEMBER, manifest_bytes),
        (ENVELOPE_MEMBER, envelope),
        *plan.members,
    ]
    write_bundle(output, members)


def make_bundle(
    loaded: LoadedDeclaration,
    assessment: Assessment,
    key: Ed25519PrivateKey,
    output: Path,
    *,
    regimes: RegimeLibrary,
    run: RunOptions,
    exclude_kinds: Iterable[str] = (),
    assessed_path: Path | None = None,
) -> Manifest:
    plan = plan_bundle(loaded, assessment, key, regimes=regimes, run=run, exclude_kinds=exclude_kinds,
                       assessed_path=assessed_path)
    write_planned(plan, assessment, key, output)
    return plan.manifest


def bundle_sha256(path: Path) -> str:
    """The hash statements and the registry name a bundle by: SHA-256 of the file."""
    return file_sha256(path)[0]


def assess_and_bundle(
    loaded: LoadedDeclaration,
    key: Ed25519PrivateKey,
    output: Path,
    *,
    regimes: RegimeLibrary,
    regime: str = "uk-psti",
    on: dt.date | None = None,
    collectors: Sequence[str] | None = None,
    options: Mapping[str, Any] | None = None,
    exclude_kinds: Iterable[str] = (),
    progress: Any = None,
) -> tuple[Manifest, Assessment]:
    """Assess the declaration as a bundle needs (offline, no local history, time judged at
    the law date) and write the bundle."""
    from psti.assess import assess

    _check_exclusions(loaded, exclude_kinds)  # before the assessment, which can take a while
    law_date = on or dt.date.today()
    opts = bundle_options(law_date, options)
    result = assess(loaded, regime=regime, on=law_date, collectors=collectors, offline=True, options=opts,
                    regimes=regimes, progress=progress)
    run = RunOptions(recorded=True, offline=True, collectors=tuple(collectors) if collectors else None, options=opts)
    manifest = make_bundle(loaded, result, key, output, regimes=regimes, run=run, exclude_kinds=exclude_kinds)
    return manifest, result
