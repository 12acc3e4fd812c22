"""Bundle seeds (`.pstib`), built when a run starts: real bundles of the examples, and
crafted hostile ones (members that climb out with `../` or name an absolute path, a link,
a zip bomb, a truncated file). The crafted members carry the escape canary's name, so a
member written outside the work directory is seen."""

from __future__ import annotations

import datetime as dt
import stat
import zipfile
from pathlib import Path

from fuzz.firmware_seeds import CANARY

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LAW_DATE = dt.date(2026, 11, 25)


def _real(dest: Path, example: str) -> Path:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from psti.bundle.build import assess_and_bundle
    from psti.declaration import load_declaration
    from psti.regime import library

    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))  # the same signer every run
    out = dest / f"{example}.pstib"
    assess_and_bundle(load_declaration(EXAMPLES / example / "product.toml"), key, out, regimes=library(),
                      on=LAW_DATE)
    return out


def _crafted(path: Path, members: list[tuple[str, bytes, int | None]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data, mode in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if mode is not None:
                info.create_system = 3
                info.external_attr = mode << 16
            zf.writestr(info, data)
    return path


def build(dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    made = [_real(dest, "laptop"), _real(dest, "router")]
    with zipfile.ZipFile(made[0]) as zf:
        real = [(i.filename, zf.read(i), None) for i in zf.infolist()]
    made.append(_crafted(dest / "traversal.pstib", [*real, (f"../../{CANARY}-up", b"x", None),
                                                     (f"/tmp/{CANARY}-abs", b"x", None)]))
    made.append(_crafted(dest / "link.pstib", [*real, (f"declaration/{CANARY}-link", b"/tmp",
                                                       stat.S_IFLNK | 0o777)]))
    made.append(_crafted(dest / "bomb.pstib", [*real, ("declaration/zeros.bin", b"\0" * (256 << 20), None)]))
    truncated = dest / "truncated.pstib"
    truncated.write_bytes(made[1].read_bytes()[: made[1].stat().st_size // 2])
    made.append(truncated)
    return made
