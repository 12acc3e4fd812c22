"""The compared part of an assessment, and the differences between two assessments.

Two runs on the same inputs differ only in what the run itself contributes: when each
piece of evidence was captured, and where on disk the inputs lay. The compared form
leaves those out, so the same inputs give byte-identical bytes and a re-run can be
checked by hash first:

- `evidence[].captured_at` is dropped (a timestamp says when, not what);
- the folders the inputs lay in are replaced, in every string, by the names the inputs
  have in a bundle (`declaration/…`, `external/…`), so a copy in another folder compares
  equal;
- evidence is ordered by id and findings by their own content, and the indexes each
  verdict keeps into the findings follow them, so the order in which collectors
  reported does not matter;
- the result is canonical JSON: keys sorted, no insignificant whitespace, UTF-8.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from psti.documents.signing import canonical_json
from psti.model import Assessment


def _replace_paths(value: Any, swaps: list[tuple[str, str]]) -> Any:
    if isinstance(value, str):
        for old, new in swaps:
            if old in value:
                value = value.replace(old, new)
        return value
    if isinstance(value, dict):
        return {k: _replace_paths(v, swaps) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_paths(v, swaps) for v in value]
    return value


def comparable(assessment: Assessment, paths: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The assessment as plain data, without what depends on when and where it ran.

    `paths` maps a path prefix as it appears in the assessment (an artefact's folder or
    file) to the name it is compared under; longer prefixes are replaced first."""
    data = assessment.model_dump(mode="json", by_alias=True)
    swaps = sorted((paths or {}).items(), key=lambda kv: -len(kv[0]))
    if swaps:
        data = _replace_paths(data, swaps)
    for ev in data["evidence"]:
        ev.pop("captured_at", None)
    data["evidence"] = sorted(data["evidence"], key=lambda e: (e["id"], canonical_json(e)))
    order = sorted(range(len(data["findings"])), key=lambda i: canonical_json(data["findings"][i]))
    new_index = {old: new for new, old in enumerate(order)}
    data["findings"] = [data["findings"][i] for i in order]
    for pv in data["provisions"]:
        pv["findings"] = sorted(new_index[i] for i in pv["findings"] if i in new_index)
    return data


def comparable_bytes(assessment: Assessment, paths: Mapping[str, str] | None = None) -> bytes:
    """The compared form as canonical JSON: equal bytes for equal inputs."""
    return canonical_json(comparable(assessment, paths))


def comparable_sha256(assessment: Assessment, paths: Mapping[str, str] | None = None) -> str:
    return hashlib.sha256(comparable_bytes(assessment, paths)).hexdigest()


@dataclass(frozen=True)
class Change:
    """One provision (or requirement) whose verdict or grounds differ between two runs."""

    item: str  # provision or requirement id
    title: str
    before: str  # verdict, or "absent"
    after: str
    lost: tuple[str, ...]  # findings (kind: message) only the first run made
    gained: tuple[str, ...]  # findings only the second run made
    collectors: frozenset[str] = frozenset()  # collectors whose findings on it differ

    @property
    def verdict_changed(self) -> bool:
        return self.before != self.after


def _finding_texts(data: dict[str, Any], indexes: list[int]) -> dict[str, str]:
    """text -> collector, for the findings a verdict rests on."""
    out = {}
    for i in indexes:
        f = data["findings"][i]
        out[f"{f['kind']} ({f['effect']}): {f['message']}"] = f["collector"]
    return out


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Provision by provision, then requirement by requirement: what changed between two
    compared forms (`comparable`). A provision whose verdict holds but whose findings
    differ is listed too, with `verdict_changed` false."""
    changes: list[Change] = []
    b_prov = {p["provision"]: p for p in before["provisions"]}
    a_prov = {p["provision"]: p for p in after["provisions"]}
    for pid in sorted(b_prov.keys() | a_prov.keys()):
        b, a = b_prov.get(pid), a_prov.get(pid)
        bf = _finding_texts(before, b["findings"]) if b else {}
        af = _finding_texts(after, a["findings"]) if a else {}
        bv = b["verdict"] if b else "absent"
        av = a["verdict"] if a else "absent"
        if bv != av or bf.keys() != af.keys():
            title = (b or a or {}).get("title", "")
            lost = sorted(bf.keys() - af.keys())
            gained = sorted(af.keys() - bf.keys())
            who = frozenset([bf[t] for t in lost] + [af[t] for t in gained])
            changes.append(Change(pid, title, bv, av, tuple(lost), tuple(gained), who))
    b_req = {r["requirement"]: r for r in before["requirements"]}
    a_req = {r["requirement"]: r for r in after["requirements"]}
    for rid in sorted(b_req.keys() | a_req.keys()):
        b, a = b_req.get(rid), a_req.get(rid)
        bv = b["verdict"] if b else "absent"
        av = a["verdict"] if a else "absent"
        if bv != av:
            changes.append(Change(rid, (b or a or {}).get("title", ""), bv, av, (), ()))
    if before["overall"] != after["overall"]:
        changes.append(Change("overall", "overall verdict", before["overall"], after["overall"], (), ()))
    if before["scope"]["outcome"] != after["scope"]["outcome"]:
        changes.append(Change("scope", "scope", before["scope"]["outcome"], after["scope"]["outcome"], (), ()))
    return changes
