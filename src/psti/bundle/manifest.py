"""The bundle manifest (schema psti.bundle/1): what a bundle holds and how it was made.

Every member of the bundle is listed with its SHA-256 and size; the artefacts, the
declaration and the assessment are named with their roles; the regime data files,
the corpus, psti and each collector are named with versions and hashes; the options
and the law date the assessment ran with are recorded, so it can be run again.

The JSON Schema of this model ships beside it (`manifest.schema.json`, checked by the
tests against the model) for readers that are not psti.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

BUNDLE_SCHEMA: Literal["psti.bundle/1"] = "psti.bundle/1"
KNOWN_SCHEMAS = (BUNDLE_SCHEMA,)
SCHEMA_FILE = "manifest.schema.json"

MANIFEST_MEMBER = "manifest.json"
ENVELOPE_MEMBER = "attestation.dsse.json"
ASSESSMENT_MEMBER = "assessment.json"
DECLARATION_DIR = "declaration"  # the declaration, and artefacts at their declared relative paths
EXTERNAL_DIR = "external"  # artefacts declared by absolute path or outside the declaration's folder
REGIME_DIR = "regime"
SHA256 = r"^[0-9a-f]{64}$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MemberRef(_Model):
    name: str
    sha256: str = Field(pattern=SHA256)
    size: int = Field(ge=0)


class ArtefactRef(_Model):
    """One artefact of the declaration. `members` are the bundled files (one for a file,
    every file for a folder); empty when the artefact was left out (`excluded`), and then
    `sha256` and `size` are all that is kept of it."""

    index: int = Field(ge=0)  # its place in the declaration's [[artefacts]]
    kind: str
    declared_path: str
    type: Literal["file", "folder"]
    sha256: str = Field(pattern=SHA256)  # a file's SHA-256; a folder's tree hash (see build.tree_sha256)
    size: int = Field(ge=0)
    excluded: bool = False
    members: tuple[str, ...] = ()
    root: str  # where the artefact sits in the bundle (a file's member name, a folder's prefix)


class RegimeFileRef(_Model):
    instrument: str
    regime: str
    member: str
    sha256: str = Field(pattern=SHA256)


class RegimeRef(_Model):
    id: str
    versions: tuple[str, ...]  # instruments in force on the law date
    files: tuple[RegimeFileRef, ...]  # every regime data file the assessment was made with


class CorpusRef(_Model):
    version: str
    sha256: str = Field(pattern=SHA256)
    entries: int


class CollectorRef(_Model):
    name: str
    version: str
    distribution: str


class RunOptions(_Model):
    """How the assessment ran. `recorded` is false for a bundle made from a saved assessment,
    whose options psti did not see; it is then run again with the defaults."""

    recorded: bool
    offline: bool = True
    allow_private: bool = False
    collectors: tuple[str, ...] | None = None
    options: dict[str, Any] = Field(default_factory=dict)


class AssessmentRef(_Model):
    member: str
    sha256: str = Field(pattern=SHA256)
    compared_sha256: str = Field(pattern=SHA256)  # of the compared form (psti.bundle.compare)
    overall: str
    assessed_on: dt.date
    tool_version: str
    # the paths as the assessment shows them -> their names in the bundle, for the compared form
    paths: dict[str, str] = Field(default_factory=dict)


class Signer(_Model):
    key_id: str
    public_key: str


class Manifest(_Model):
    schema_: Literal["psti.bundle/1"] = Field(default=BUNDLE_SCHEMA, alias="schema")
    created_at: dt.datetime
    psti_version: str
    law_date: dt.date
    declaration: MemberRef
    artefacts: tuple[ArtefactRef, ...]
    assessment: AssessmentRef
    regime: RegimeRef
    corpus: CorpusRef
    collectors: tuple[CollectorRef, ...]
    run: RunOptions
    members: tuple[MemberRef, ...]  # every member except manifest.json and the envelope
    signer: Signer

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def as_data(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def generated_schema() -> dict[str, Any]:
    schema = Manifest.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://psti.dev/schema/bundle-1.json"
    schema["title"] = "psti evidence bundle manifest (psti.bundle/1)"
    return schema


def shipped_schema() -> dict[str, Any]:
    """The JSON Schema shipped with psti (`psti schema bundle` prints it)."""
    text = (resources.files("psti.bundle") / SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
