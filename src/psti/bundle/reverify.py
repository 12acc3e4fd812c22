"""Check a bundle, and run its assessment again from what it holds.

`open_bundle` checks everything that can be checked without running anything: the zip
is sound (see `archive`), the DSSE signature over the in-toto statement holds, the
manifest is a version psti reads, manifest.json is the signed manifest, every member is
listed and has the SHA-256 and size the manifest gives, and assessment.json is the
signed assessment. Any failure is a `BadBundle` naming the member at fault (exit 2).

`reverify` then runs the collectors again on the bundled declaration and artefacts, with
the recorded options and law date, under the recorded regime data (the bundle's copy
when the installed regime data differs), and compares the compared forms: by hash
first, provision by provision when the hashes differ. When the installed psti holds
newer law than the bundle was made under, it also says what the law as it stands today
would change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError

import psti
from psti import strictjson
from psti.bundle import dsse
from psti.bundle.archive import BadBundle, BundleArchive, name_problem
from psti.bundle.build import (
    PREDICATE_ASSESSMENT,
    PREDICATE_MANIFEST,
    bundle_options,
    collector_refs,
    corpus_ref,
    file_sha256,
    tree_files,
    tree_sha256,
)
from psti.bundle.compare import Change, comparable, comparable_sha256, differences
from psti.bundle.manifest import (
    ASSESSMENT_MEMBER,
    DECLARATION_DIR,
    ENVELOPE_MEMBER,
    EXTERNAL_DIR,
    KNOWN_SCHEMAS,
    MANIFEST_MEMBER,
    REGIME_DIR,
    ArtefactRef,
    Manifest,
    RunOptions,
)
from psti.documents import signing
from psti.errors import PstiError, RegimeError
from psti.model import Assessment
from psti.regime.loader import RegimeLibrary, library, load_file

MAX_ENVELOPE_BYTES = 256 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_ASSESSMENT_BYTES = 256 * 1024 * 1024


class ArtefactNeeded(PstiError):
    """An artefact left out of the bundle is needed to run it again and was not given."""

    exit_code = 3


@dataclass
class OpenedBundle:
    path: Path
    manifest: Manifest
    assessment: Assessment
    checks: list[tuple[str, bool, str]]  # (what, passed, detail), all passed
    folder: Path | None  # where the members were extracted, if they were


def _json_member(archive: BundleArchive, name: str, limit: int) -> Any:
    raw = archive.read(name, limit)
    try:
        return strictjson.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, strictjson.JsonLimitError) as e:
        raise BadBundle(f"member {name!r} is not JSON psti reads: {e}", name) from None


def _manifest(predicate: dict[str, Any]) -> Manifest:
    data = predicate.get(PREDICATE_MANIFEST)
    if not isinstance(data, dict):
        raise BadBundle("the attestation's predicate has no bundle manifest", ENVELOPE_MEMBER)
    schema = data.get("schema")
    if schema not in KNOWN_SCHEMAS:
        raise BadBundle(f"bundle manifest version {schema!r} is unknown to psti {psti.__version__} "
                        f"(it reads {', '.join(KNOWN_SCHEMAS)}); use a psti that knows it", ENVELOPE_MEMBER)
    try:
        return Manifest.model_validate(data)
    except ValidationError as e:
        errs = "; ".join(f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}" for err in e.errors()[:10])
        raise BadBundle(f"the bundle manifest is not valid {schema}: {errs}", ENVELOPE_MEMBER) from None


def open_bundle(path: Path, public_key: Ed25519PublicKey | None = None, folder: Path | None = None) -> OpenedBundle:
    """Check the bundle (signature, versions, every hash); extract it into `folder` when given
    (which must be empty or absent), else hash the members in place."""
    checks: list[tuple[str, bool, str]] = []
    with BundleArchive(path) as archive:
        names = set(archive.names())
        for needed in (ENVELOPE_MEMBER, MANIFEST_MEMBER):
            if needed not in names:
                raise BadBundle(f"{path}: has no {needed}; not a psti bundle", needed)
        env = _json_member(archive, ENVELOPE_MEMBER, MAX_ENVELOPE_BYTES)
        key = public_key or dsse.embedded_key(env)
        if key is None:
            raise BadBundle("the attestation names no signer key and none was given (--public-key)", ENVELOPE_MEMBER)
        try:
            opened = dsse.open_envelope(env, key)
        except dsse.EnvelopeError as e:
            raise BadBundle(f"{ENVELOPE_MEMBER}: {e}", ENVELOPE_MEMBER) from None
        if not opened.signed:
            who = "the key given" if public_key is not None else "the key it names"
            raise BadBundle(f"{ENVELOPE_MEMBER}: the signature does not verify with {who} "
                            f"({signing.fingerprint(key)}): the attestation was altered or signed by another key",
                            ENVELOPE_MEMBER)
        checks.append(("signature", True, f"DSSE Ed25519 by {opened.key_id}"))
        manifest = _manifest(opened.statement["predicate"])
        if manifest.signer.key_id != opened.key_id:
            raise BadBundle(f"the manifest names signer {manifest.signer.key_id} but {opened.key_id} signed",
                            ENVELOPE_MEMBER)
        if public_key is None:
            checks.append(("signer", True, f"key taken from the bundle itself: compare {opened.key_id} with the "
                                           "manufacturer's published key, or pass --public-key"))
        else:
            checks.append(("signer", True, "matches the public key given"))
        checks.append(("manifest version", True, manifest.schema_))
        signed_manifest = signing.canonical_json(opened.statement["predicate"][PREDICATE_MANIFEST])
        if archive.read(MANIFEST_MEMBER, MAX_MANIFEST_BYTES) != signed_manifest:
            raise BadBundle(f"member {MANIFEST_MEMBER!r} differs from the signed manifest", MANIFEST_MEMBER)
        listed = {m.name: m for m in manifest.members}
        extra = sorted(names - set(listed) - {ENVELOPE_MEMBER, MANIFEST_MEMBER})
        if extra:
            raise BadBundle(f"member {extra[0]!r} is not in the signed manifest (added after signing)", extra[0])
        missing = sorted(set(listed) - names)
        if missing:
            raise BadBundle(f"member {missing[0]!r} is listed in the manifest but missing", missing[0])
        _check_names(manifest, set(listed))
        _check_subjects(opened.statement["subject"], manifest)
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            if any(folder.iterdir()):
                raise PstiError(f"{folder}: not empty; give an empty or new folder to extract into")
        for name, ref in listed.items():
            if archive.size(name) != ref.size:
                raise BadBundle(f"member {name!r} is {archive.size(name)} bytes; the manifest says {ref.size}", name)
            if folder is not None:
                _, digest = archive.extract(name, folder)
            else:
                digest = archive.sha256(name)
            if digest != ref.sha256:
                raise BadBundle(f"member {name!r} has sha256 {digest}; the signed manifest says {ref.sha256}: "
                                "it was altered", name)
        checks.append(("member hashes", True, f"{len(listed)} members match the signed manifest"))
        a_raw = archive.read(ASSESSMENT_MEMBER, MAX_ASSESSMENT_BYTES)
    try:
        assessment = Assessment.model_validate_json(a_raw)
    except ValidationError as e:
        raise BadBundle(f"member {ASSESSMENT_MEMBER!r} is not a valid assessment ({e.error_count()} errors)",
                        ASSESSMENT_MEMBER) from None
    signed_assessment = opened.statement["predicate"].get(PREDICATE_ASSESSMENT)
    if signing.canonical_json(assessment.model_dump(mode="json", by_alias=True)) != signing.canonical_json(
        signed_assessment
    ):
        raise BadBundle(f"member {ASSESSMENT_MEMBER!r} differs from the signed assessment", ASSESSMENT_MEMBER)
    checks.append(("assessment", True, f"{assessment.overall.value}, law of {assessment.assessed_on}, "
                                       f"psti {assessment.tool_version}"))
    excluded = [a for a in manifest.artefacts if a.excluded]
    if excluded:
        checks.append(("artefacts", True, f"{len(manifest.artefacts) - len(excluded)} bundled, "
                                          f"{len(excluded)} left out (hash and size only): "
                                          + ", ".join(f"{a.kind} {a.declared_path}" for a in excluded)))
    return OpenedBundle(path, manifest, assessment, checks, folder)


def _check_names(manifest: Manifest, members: set[str]) -> None:
    """Every name the manifest uses is a member (or, for a left-out artefact, a safe name in
    the bundle's layout): a signer's manifest is input like any other."""
    def bad(what: str) -> BadBundle:
        return BadBundle(f"the signed manifest {what}; refusing the bundle", ENVELOPE_MEMBER)

    if manifest.declaration.name not in members or not manifest.declaration.name.startswith(DECLARATION_DIR + "/"):
        raise bad(f"names declaration {manifest.declaration.name!r}, which is not a member under {DECLARATION_DIR}/")
    if manifest.assessment.member != ASSESSMENT_MEMBER:
        raise bad(f"names assessment {manifest.assessment.member!r}, not {ASSESSMENT_MEMBER}")
    for f in manifest.regime.files:
        if f.member not in members or not f.member.startswith(REGIME_DIR + "/"):
            raise bad(f"names regime file {f.member!r}, which is not a member under {REGIME_DIR}/")
    for a in manifest.artefacts:
        if name_problem(a.root) or not a.root.startswith((DECLARATION_DIR + "/", EXTERNAL_DIR + "/")):
            raise bad(f"places artefact {a.index} at {a.root!r}, outside the bundle's layout")
        for m in a.members:
            if m not in members or not (m == a.root or m.startswith(a.root + "/")):
                raise bad(f"lists {m!r} for artefact {a.index}, which is not one of its members")
        if a.excluded == bool(a.members):
            raise bad(f"says artefact {a.index} is {'left out' if a.excluded else 'bundled'} but "
                      f"lists {len(a.members)} member(s)")


def _check_subjects(subjects: list[Any], manifest: Manifest) -> None:
    want = {(a.root, a.sha256) for a in manifest.artefacts} | {(manifest.declaration.name, manifest.declaration.sha256)}
    got = set()
    for s in subjects:
        try:
            got.add((s["name"], s["digest"]["sha256"]))
        except (TypeError, KeyError):
            raise BadBundle("an in-toto subject is not {name, digest: {sha256}}", ENVELOPE_MEMBER) from None
    if got != want:
        raise BadBundle("the in-toto subjects do not match the manifest's artefacts", ENVELOPE_MEMBER)


# --------------------------------------------------------------------------- running again


@dataclass(frozen=True)
class Reason:
    """An input or tool that differs between the bundle and this run. `collectors` are those
    it can change findings of (None: any)."""

    what: str  # regime data | corpus | tool version | artefact
    detail: str
    collectors: frozenset[str] | None = None


@dataclass
class Reverification:
    opened: OpenedBundle
    rerun: Assessment
    same_hash: bool
    changes: list[Change]  # provisions and requirements whose verdict or findings differ
    reasons: list[Reason]
    regime_source: str  # "installed" or "bundle"
    current_law: list[Change] | None = None  # what today's law would change; None: the law has not moved
    current_versions: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    @property
    def verdict_changes(self) -> list[Change]:
        return [c for c in self.changes if c.verdict_changed]

    @property
    def exit_code(self) -> int:
        return 1 if self.verdict_changes else 0

    def reasons_for(self, change: Change) -> list[Reason]:
        return [r for r in self.reasons
                if r.collectors is None or not change.collectors or r.collectors & change.collectors]


def _sources_hashes(lib: RegimeLibrary) -> dict[str, str]:
    return {iid: file_sha256(p)[0] for iid, p in lib.sources.items()}


def _bundled_library(folder: Path, manifest: Manifest) -> RegimeLibrary:
    """The regime library from the bundle's own copies, nothing else (not $PSTI_REGIME_PATH)."""
    files: dict[str, list[Any]] = {}
    sources: dict[str, Path] = {}
    for ref in manifest.regime.files:
        path = folder / ref.member
        rf = load_file(path)
        if rf.instrument.id != ref.instrument:
            raise BadBundle(f"member {ref.member!r} holds instrument {rf.instrument.id}, not {ref.instrument}",
                            ref.member)
        sources[rf.instrument.id] = path
        files.setdefault(rf.instrument.regime, []).append(rf)
    for lst in files.values():
        lst.sort(key=lambda f: (f.instrument.effective_from, f.instrument.id))
    lib = RegimeLibrary(files=files, sources=sources)
    lib._check_references()
    return lib


def choose_regimes(folder: Path, manifest: Manifest,
                   installed: RegimeLibrary) -> tuple[RegimeLibrary, str, list[Reason]]:
    """The installed regime data when it is the bundle's byte for byte, else the bundle's copy."""
    recorded = {f.instrument: f.sha256 for f in manifest.regime.files}
    if _sources_hashes(installed) == recorded:
        return installed, "installed", []
    try:
        return _bundled_library(folder, manifest), "bundle", []
    except RegimeError as e:
        why = Reason("regime data", f"the bundle's regime data cannot be read by psti {psti.__version__} ({e}); "
                                    "the installed regime data was used")
        return installed, "installed", [why]


def _place_artefacts(folder: Path, manifest: Manifest, given: Mapping[str, Sequence[Path]]) -> list[Reason]:
    """Put each left-out artefact given on the command line where the bundle would have it;
    ArtefactNeeded for any not given. A given artefact whose hash differs is used, and named."""
    queues = {k: list(v) for k, v in given.items()}
    reasons: list[Reason] = []
    missing: list[ArtefactRef] = []
    for art in manifest.artefacts:
        if not art.excluded:
            continue
        supply = queues.get(art.kind) or []
        if not supply:
            missing.append(art)
            continue
        src = supply.pop(0)
        target = folder.joinpath(*art.root.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, target, symlinks=True)
            digest = tree_sha256((rel, file_sha256(p)[0]) for rel, p in tree_files(target))
        elif src.is_file():
            shutil.copyfile(src, target)
            digest = file_sha256(target)[0]
        else:
            raise PstiError(f"--artefact {art.kind}={src}: no such file or folder")
        if digest != art.sha256:
            reasons.append(Reason("artefact", f"{art.kind} {art.declared_path}: the copy given ({src}) has sha256 "
                                              f"{digest[:16]}…, the bundle recorded {art.sha256[:16]}…"))
    unused = [f"{k}={p}" for k, ps in queues.items() for p in ps]
    if unused:
        kinds = ", ".join(sorted({a.kind for a in manifest.artefacts if a.excluded})) or "none"
        raise PstiError(f"--artefact {', '.join(unused)}: the bundle left out no (further) artefact of that kind "
                        f"(left out: {kinds})")
    if missing:
        listed = "; ".join(f"{a.kind} {a.declared_path} (sha256 {a.sha256}, {a.size} bytes)" for a in missing)
        raise ArtefactNeeded(f"the bundle left out artefacts that are needed to run it again: {listed}. "
                             "Give each with --artefact KIND=PATH")
    return reasons


def _declaration(folder: Path, manifest: Manifest) -> Any:
    from psti.declaration import load_declaration

    loaded = load_declaration(folder.joinpath(*manifest.declaration.name.split("/")), check_artefacts=False)
    if loaded.sha256 != manifest.declaration.sha256:
        raise BadBundle("the extracted declaration differs from the manifest", manifest.declaration.name)
    arts = list(loaded.declaration.artefacts)
    for a in manifest.artefacts:
        if a.index >= len(arts) or arts[a.index].path != a.declared_path or arts[a.index].kind != a.kind:
            raise BadBundle(f"the signed manifest's artefact {a.index} ({a.kind} {a.declared_path}) is not the "
                            "declaration's", ENVELOPE_MEMBER)
    roots = {a.index: a.root for a in manifest.artefacts}
    changed = False
    for i, art in enumerate(arts):
        root = roots.get(i)
        if root is not None and loaded.artefact_path(art) != folder.joinpath(*root.split("/")):
            arts[i] = art.model_copy(update={"path": str(folder.joinpath(*root.split("/")))})
            changed = True
    if changed:
        decl = loaded.declaration.model_copy(update={"artefacts": tuple(arts)})
        loaded = loaded.model_copy(update={"declaration": decl})
    return loaded


def _tool_reasons(manifest: Manifest) -> list[Reason]:
    out = []
    if manifest.psti_version != psti.__version__:
        out.append(Reason("tool version", f"psti {manifest.psti_version} made the bundle; this is {psti.__version__}"))
    now = {c.name: c for c in collector_refs(None)}
    for c in manifest.collectors:
        here = now.get(c.name)
        if here is None:
            out.append(Reason("tool version", f"collector {c.name} ({c.distribution} {c.version}) is not installed",
                              frozenset({c.name})))
        elif (here.version, here.distribution) != (c.version, c.distribution):
            out.append(Reason("tool version", f"collector {c.name}: {c.distribution} {c.version} made the bundle; "
                                              f"this is {here.distribution} {here.version}", frozenset({c.name})))
    corpus = corpus_ref()
    if corpus.sha256 != manifest.corpus.sha256:
        out.append(Reason("corpus", f"default-credential corpus {manifest.corpus.version} made the bundle; "
                                    f"this is {corpus.version}", frozenset({"password-batch", "firmware"})))
    return out


SAFE_OPTIONS = ("now", "crack_deadline_s")
MAX_CRACK_SECONDS = 3600.0


def rerun_options(run: RunOptions, law_date: dt.date) -> tuple[dict[str, Any], list[str]]:
    """The recorded options a re-run takes, and notes on those it does not. A bundle's options
    come from whoever signed it: a re-run is always offline, never reaches private addresses,
    keeps no history and reads or writes no file the options name."""
    notes = []
    if run.recorded and (not run.offline or run.allow_private):
        notes.append("the bundle records an assessment that fetched pages; the re-run is offline")
    kept: dict[str, Any] = {}
    for name, value in (run.options if run.recorded else {}).items():
        if name == "support_history":
            continue
        if name == "now" and isinstance(value, str):
            try:
                dt.datetime.fromisoformat(value)
                kept[name] = value
                continue
            except ValueError:
                pass
        if (name == "crack_deadline_s" and isinstance(value, int | float) and not isinstance(value, bool)
                and 0 < value <= MAX_CRACK_SECONDS):
            kept[name] = value
            continue
        notes.append(f"recorded option {name!r} is not used by a re-run (it uses only {', '.join(SAFE_OPTIONS)})")
    return bundle_options(law_date, kept), notes


def reverify(
    path: Path,
    work: Path,
    *,
    public_key: Ed25519PublicKey | None = None,
    artefacts: Mapping[str, Sequence[Path]] | None = None,
    today: dt.date | None = None,
    installed: RegimeLibrary | None = None,
    progress: Any = None,
) -> Reverification:
    """Check the bundle, extract it into `work` (empty), run it again and compare."""
    from psti.assess import AssessOptions, assess

    opened = open_bundle(path, public_key, work / "bundle")
    folder = work / "bundle"
    manifest = opened.manifest
    reasons = _place_artefacts(folder, manifest, artefacts or {})
    installed = installed or library()
    lib, source, regime_reasons = choose_regimes(folder, manifest, installed)
    reasons += regime_reasons + _tool_reasons(manifest)
    loaded = _declaration(folder, manifest)
    run = manifest.run
    options, notes = rerun_options(run, manifest.law_date)
    opts = AssessOptions(regime=manifest.regime.id, on=manifest.law_date, collectors=run.collectors,
                         offline=True, allow_private=False, options=options, regimes=lib,
                         work_dir=work / "run", progress=progress)
    rerun = assess(loaded, opts)
    paths = {str(loaded.path): manifest.declaration.name}
    for a in manifest.artefacts:
        p = loaded.artefact_path(loaded.declaration.artefacts[a.index])
        if p is not None:
            paths[str(p)] = a.root
    same = comparable_sha256(rerun, paths) == manifest.assessment.compared_sha256
    after = comparable(rerun, paths)
    changes = [] if same else differences(comparable(opened.assessment, manifest.assessment.paths), after)
    result = Reverification(opened, rerun, same, changes, reasons, source, notes=notes)
    if not same and not changes:
        result.notes.append("the compared forms differ outside the verdicts and their findings "
                            "(evidence records or finding details)")
    # The law as it stands today, when the installed psti holds other law than the bundle.
    today = today or dt.date.today()
    current = installed.view(manifest.regime.id, today)
    if source == "bundle" or current.versions() != manifest.regime.versions:
        kept = {k: v for k, v in options.items() if k != "now"}
        now = dataclasses.replace(opts, on=today, regimes=installed, options=bundle_options(today, kept),
                                  work_dir=work / "current")
        later = assess(loaded, now)
        result.current_law = differences(after, comparable(later, paths))
        result.current_versions = current.versions()
    return result



def _change_json(c: Change) -> dict[str, Any]:
    return {"item": c.item, "title": c.title, "before": c.before, "after": c.after,
            "verdict_changed": c.verdict_changed, "findings_lost": list(c.lost), "findings_gained": list(c.gained)}


def reverification_json(r: Reverification) -> dict[str, Any]:
    """The result for programs (`psti reverify --json`, the registry's case evidence)."""
    m = r.opened.manifest
    return {
        "bundle": str(r.opened.path),
        "result": "match" if r.exit_code == 0 else "differs",
        "checks": [{"check": c, "passed": ok, "detail": d} for c, ok, d in r.opened.checks],
        "law_date": m.law_date.isoformat(),
        "regime": {"id": m.regime.id, "versions": list(m.regime.versions), "data": r.regime_source},
        "same_hash": r.same_hash,
        "recorded_overall": m.assessment.overall,
        "rerun_overall": r.rerun.overall.value,
        "changes": [{**_change_json(c), "why": [f"{x.what}: {x.detail}" for x in r.reasons_for(c)]}
                    for c in r.changes],
        "reasons": [{"what": x.what, "detail": x.detail} for x in r.reasons],
        "current_law": None if r.current_law is None else {
            "versions": list(r.current_versions),
            "changes": [_change_json(c) for c in r.current_law],
        },
        "notes": r.notes,
    }
