from __future__ import annotations

import builders as b

from psti.documents.docs_gen import MARKER, build
from psti.regime import RegimeLibrary


def test_one_page_per_item_and_kind(tmp_path):
    lib = RegimeLibrary.load(extra_dirs=[b.REGIME_DIR])
    written = build(tmp_path, b.ON, lib, regimes=[b.REGIME])
    prov = tmp_path / "provisions"
    page = (prov / "PSTI-S1-1.2.md").read_text()
    assert page.startswith(MARKER)
    assert "# PSTI-S1-1.2: Unique per product or defined by the user" in page
    assert "A password shared by every unit is as good as public." in page  # why
    assert "Provision a per-unit password at the factory." in page  # how to fix
    assert "[`TEST-UNIVERSAL-PASSWORD`](../findings/TEST-UNIVERSAL-PASSWORD.md)" in page
    assert "Part of requirement [PSTI-S1-1](PSTI-S1-1.md)" in page
    kind = (tmp_path / "findings" / "TEST-UNIVERSAL-PASSWORD.md").read_text()
    assert "## How to fix" in kind and "[PSTI-S1-1.2](../provisions/PSTI-S1-1.2.md)" in kind
    index = (prov / "index.md").read_text()
    assert "- [PSTI-S4-1.1.f](PSTI-S4-1.1.f.md)" in index
    assert len([p for p in written if p.parent == prov]) >= 16


def test_stale_generated_pages_are_removed_hand_written_kept(tmp_path):
    lib = RegimeLibrary.load(extra_dirs=[b.REGIME_DIR])
    prov = tmp_path / "provisions"
    prov.mkdir(parents=True)
    (prov / "GONE-1.md").write_text(MARKER + "\nold\n")
    (prov / "notes.md").write_text("hand written\n")
    build(tmp_path, b.ON, lib, regimes=[b.REGIME])
    assert not (prov / "GONE-1.md").exists()
    assert (prov / "notes.md").exists()
