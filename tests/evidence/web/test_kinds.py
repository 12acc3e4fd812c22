"""Every finding kind the web collectors emit is documented, in the table and in the docs."""

from __future__ import annotations

import re
from pathlib import Path

from psti.evidence.web.kinds import KINDS
from psti.kinds import all_kinds

SRC = Path(__file__).resolve().parents[3] / "src" / "psti" / "evidence" / "web"
DOC = Path(__file__).resolve().parents[3] / "docs" / "web-evidence.md"
CODE = re.compile(r"\"((?:SECTXT|DISC|SP|WEB)-[A-Z0-9-]+)\"")


def test_every_emitted_code_is_registered() -> None:
    used = {m for f in SRC.glob("*.py") if f.name != "kinds.py" for m in CODE.findall(f.read_text())}
    assert used, "no codes found: the pattern is wrong"
    assert used <= set(KINDS), sorted(used - set(KINDS))
    assert set(KINDS) <= set(all_kinds())


def test_every_kind_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [code for code in KINDS if f"`{code}`" not in text]
    assert not missing, missing


def test_kinds_are_complete() -> None:
    for k in KINDS.values():
        assert k.title and k.checks and k.why and k.how_to_fix, k.code
