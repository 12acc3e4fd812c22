"""A declaration's artefacts, contained to the files uploaded for its product.

In the registry an artefact `path` names a file uploaded for the same product, by its
file name (`firmware/cam.bin` finds the upload named `cam.bin`, so the declaration the
CLI reads works unchanged), by the upload's id (`file:12`) or by content hash
(`sha256:<64 hex>`). Anything else is
refused: absolute paths, `..`, and hashes or ids of other products' or other
organisations' files. A plain name that has not been uploaded is not an error: the
assessment finds that evidence missing, as `psti assess` does for a file that is not
there. The check runs when a declaration is uploaded (paths that could never be
contained), when an assessment is queued, and again in the worker, which copies only
the product's own files into an empty folder and points each artefact at its copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from psti.declaration import Artefact, Declaration, parse_declaration
from psti.errors import InputError
from psti.registry.blobs import safe_filename
from psti.service.errors import Invalid
from psti.store.models import Blob, Product, ProductFile

HASH_REF = re.compile(r"(?:sha256:)?([0-9a-f]{64})")
ID_REF = re.compile(r"file:([0-9]{1,18})")
_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:")


@dataclass(frozen=True)
class Upload:
    filename: str  # as stored (safe_filename)
    sha256: str
    id: int = 0  # the product file's id (`file:ID` in a declaration)


def path_refusal(path: str) -> str | None:
    """Why an artefact path can never name an upload, or None."""
    text = path.strip()
    if not text:
        return "is empty"
    if text.startswith(("/", "\\", "~")) or _WINDOWS_DRIVE.match(text):
        return "is an absolute path; the registry reads only files uploaded for this product"
    parts = re.split(r"[\\/]+", text.removeprefix("./"))
    if ".." in parts:
        return "leaves the product's uploaded files ('..'); the registry reads only files uploaded for this product"
    return None


def resolve(artefact: Artefact, uploads: Iterable[Upload]) -> tuple[Upload | None, str]:
    """The upload an artefact names; or None and why it is refused; or None and "" for a
    plain file name that has not been uploaded (the assessment finds it missing)."""
    assert artefact.path is not None
    text = artefact.path.strip()
    pool = list(uploads)
    if (by_id := ID_REF.fullmatch(text)) is not None:
        match = next((u for u in pool if u.id == int(by_id.group(1))), None)
        return match, "" if match else "names a file id that is not among this product's uploaded files"
    if (by_hash := HASH_REF.fullmatch(text.lower())) is not None:
        match = next((u for u in pool if u.sha256 == by_hash.group(1)), None)
        return match, "" if match else "names a hash that is not among this product's uploaded files"
    why = path_refusal(text)
    if why is not None:
        return None, why
    return next((u for u in reversed(pool) if u.filename == plain_name(text)), None), ""


def plain_name(path: str) -> str:
    """The upload name a relative path stands for: folders are the CLI's layout, the file's name counts."""
    return safe_filename(re.split(r"[\\/]+", path.strip())[-1])


def declaration_problems(decl: Declaration) -> list[dict[str, Any]]:
    """At upload: artefact paths that no upload could ever satisfy."""
    out = []
    for i, art in enumerate(decl.artefacts):
        if art.path is not None and (why := path_refusal(art.path)) is not None:
            out.append({"field": f"artefacts[{i}].path", "message": f"{art.path[:200]!r} {why}"})
    return out


def contained(
    decl: Declaration, uploads: list[Upload], where: Callable[[Upload], str] = lambda u: u.filename
) -> tuple[Declaration, list[dict[str, Any]]]:
    """The declaration with each artefact path replaced by `where(upload)` (its copy in the
    worker's folder), and the problems for artefacts that are refused. A plain name not
    uploaded points where no file is, so the assessment reports that evidence missing."""
    problems = []
    arts = []
    for i, art in enumerate(decl.artefacts):
        if art.path is None:
            arts.append(art)
            continue
        upload, why = resolve(art, uploads)
        if why:
            problems.append({"field": f"artefacts[{i}].path", "message": f"{art.path[:200]!r} {why}"})
        elif upload is None:  # not uploaded (yet): a path in the work folder where nothing is
            arts.append(art.model_copy(update={"path": f"not-uploaded/{plain_name(art.path)}"}))
        else:
            arts.append(art.model_copy(update={"path": where(upload)}))
    return decl.model_copy(update={"artefacts": tuple(arts)}), problems


def uploads_of(db: Session, product_id: int) -> list[Upload]:
    rows = db.execute(
        select(ProductFile.filename, Blob.sha256, ProductFile.id)
        .join(Blob, Blob.id == ProductFile.blob_id)
        .where(ProductFile.product_id == product_id)
        .order_by(ProductFile.id)
    ).all()
    return [Upload(name, sha, file_id) for name, sha, file_id in rows]


def refuse_uncontained(db: Session, product_id: int) -> None:
    """Invalid (422) when the product's declaration names an artefact it has not uploaded."""
    product = db.get(Product, product_id)
    if product is None or not product.declaration_toml:
        return
    try:
        decl = parse_declaration(product.declaration_toml, "declaration.toml")
    except InputError:
        return  # the worker reports an invalid declaration with its lines
    _, problems = contained(decl, uploads_of(db, product_id))
    if problems:
        raise Invalid("the declaration names artefacts that are not files uploaded for this product", problems)


def refuse_unsafe_paths(text: str) -> None:
    """Invalid (422) when an uploaded declaration's artefact paths could never be contained."""
    try:
        decl = parse_declaration(text, "declaration.toml")
    except InputError:
        return  # reported with its lines by the registration itself
    problems = declaration_problems(decl)
    if problems:
        raise Invalid("the declaration names artefacts outside the product's uploaded files", problems)
