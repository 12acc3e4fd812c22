"""psti's adjustments to unblob: what they rely on is still there, and they still work.

These fail when an unblob release moves or reshapes an internal that unblob_compat
replaces or calls; pyproject.toml pins unblob to the versions they pass on.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from psti.evidence.firmware.extract import unblob_compat

ROOT = Path(__file__).resolve().parents[4]


def _in_fresh_process(code: str) -> str:
    """Run code in a new interpreter (the adjustments change unblob for the whole process)."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_patched_unblob_attribute_has_the_expected_shape() -> None:
    assert unblob_compat.check() == []


def test_the_installed_unblob_is_in_the_pinned_range() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {r.name: r for r in map(Requirement, deps)}
    for name in ("unblob", "pyperscan"):
        assert pins[name].specifier.contains(version(name)), (name, version(name), pins[name])
        assert any(s.operator == "<" for s in pins[name].specifier), f"{name} has no upper bound"


def test_a_changed_signature_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from unblob.file_utils import FileSystem

    def create_hardlink(self, src, dst, follow):  # type: ignore[no-untyped-def]
        raise AssertionError("never called")

    monkeypatch.setattr(FileSystem, "create_hardlink", create_hardlink)
    assert unblob_compat.check() == [
        "unblob.file_utils.FileSystem.create_hardlink: parameters are "
        "('self', 'src', 'dst', 'follow'), expected ('self', 'src', 'dst')"]


def test_a_missing_attribute_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from unblob.handlers.archive.zip import ZIPHandler

    monkeypatch.delattr(ZIPHandler, "EXTRACTOR")
    problems = unblob_compat.check()
    assert len(problems) == 1 and problems[0].startswith(
        "unblob.handlers.archive.zip.ZIPHandler.EXTRACTOR: missing")


def test_apply_refuses_a_changed_unblob(monkeypatch: pytest.MonkeyPatch) -> None:
    from unblob.file_utils import StructParser

    monkeypatch.setattr(StructParser, "cparser_le", None)
    monkeypatch.setattr(unblob_compat, "_applied", False)
    with pytest.raises(unblob_compat.UnblobChanged, match="StructParser.cparser_le: no longer a property"):
        unblob_compat.apply()


def test_applied_adjustments_behave(tmp_path: Path) -> None:
    """Applied once in a fresh process: each adjustment does what it is for."""
    out = _in_fresh_process(f"""
        import zipfile
        from pathlib import Path
        from psti.evidence.firmware.extract import unblob_compat as c
        from unblob.file_utils import FileSystem, StructParser
        from unblob.handlers.archive.zip import ZIPHandler

        c.apply()
        c.apply()  # a second call changes nothing
        print("check", c.check())  # unblob's own attributes are still what was checked

        a, b = StructParser("struct s {{ uint8 x; }};"), StructParser("struct s {{ uint8 x; }};")
        print("shared", a.cparser_le is b.cparser_le, a.cparser_be is b.cparser_be,
              a.cparser_le is not a.cparser_be, a.cparser_be.s(b"\\x07").x)

        root = Path({str(tmp_path)!r})
        (root / "out").mkdir()
        fs = FileSystem(root / "out")
        fs.create_symlink(Path("../../../etc/passwd"), Path("link"))
        fs.create_hardlink(Path("../../../etc/passwd"), Path("hard"))
        print("links", [p.problem.split("]")[0] + "]" for p in fs.problems])

        with zipfile.ZipFile(root / "evil.zip", "w") as z:
            z.writestr("../evil.txt", "x")
        (root / "zip").mkdir()
        result = ZIPHandler.EXTRACTOR.extract(root / "evil.zip", root / "zip")
        print("zip", [r.problem for r in result.reports])
    """)
    lines = dict(line.split(" ", 1) for line in out.splitlines())
    assert lines["check"] == "[]"
    assert lines["shared"] == "True True True 7"
    assert lines["links"] == "['[symbolic link]', '[hard link]']"
    assert lines["zip"] == "['Potential path traversal through zip member name']"


def test_the_caller_process_does_not_import_unblob_handlers() -> None:
    """The fast path uses the sandbox binding only; unblob's handlers stay out (~1.5 s)."""
    out = _in_fresh_process("""
        import sys
        import psti.evidence.firmware.extract.fastpath
        print(sorted(m for m in sys.modules if m.startswith("unblob.handlers")))
    """)
    assert out.strip() == "[]"
