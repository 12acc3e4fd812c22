"""External tools unblob runs: PATH for the extraction process, and `sasquatch`.

unblob calls `sasquatch -le|-be ...` (and `sasquatch-v4be` for big-endian SquashFS 4.0).
`scripts/install-system.sh` builds the real sasquatch from `third_party/sasquatch`; only
when no sasquatch is reachable at all do we fall back to a stand-in (a shim that drops the
endianness flag and runs stock `unsquashfs`), written to a private bin directory. The
stand-in reads standard SquashFS only, so findings say when it was all there was.
`jefferson` and `ubireader_*` are PyPI console scripts living beside the interpreter.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SHIM_MARKER = "psti sasquatch shim"
SHIM_SCRIPT = f"""#!/bin/sh
# {SHIM_MARKER}: drop sasquatch-only endianness flags and run Debian's unsquashfs.
for a do
  shift
  case "$a" in -le|-be) ;; *) set -- "$@" "$a" ;; esac
done
exec unsquashfs "$@"
"""
SHIM_NAMES = ("sasquatch", "sasquatch-v4be")

# Tools whose absence means a whole family of formats cannot be extracted.
KEY_TOOLS = {
    "unsquashfs": "SquashFS",
    "7z": "zip, 7z and several vendor formats",
    "jefferson": "JFFS2",
    "ubireader_extract_images": "UBI",
    "ubireader_extract_files": "UBIFS",
    "debugfs": "ext2/3/4",
}


def interpreter_bin() -> Path:
    """The directory holding the running interpreter (a venv's bin)."""
    return Path(sys.executable).parent


def tool_path(private_bin: Path, base_path: str | None = None) -> str:
    """PATH for the extraction process: the venv's bin first, then the caller's PATH.

    Writes a `sasquatch` shim into `private_bin` (and appends that directory) when no
    sasquatch is reachable otherwise.
    """
    base = base_path if base_path is not None else os.environ.get("PATH", os.defpath)
    parts = [str(interpreter_bin())] + [p for p in base.split(os.pathsep) if p]
    path = os.pathsep.join(dict.fromkeys(parts))
    if shutil.which("sasquatch", path=path) is None:
        write_shim(private_bin)
        path = os.pathsep.join([str(private_bin), path])
    return path


def sasquatch_is_stand_in(path: str) -> bool:
    """True when the `sasquatch` on `path` is the stock-unsquashfs shim, or absent."""
    exe = shutil.which("sasquatch", path=path)
    if exe is None:
        return True
    try:
        with open(exe, "rb") as f:
            return SHIM_MARKER.encode() in f.read(4096)
    except OSError:
        return True


SASQUATCH_HINT = (
    "only a stand-in for sasquatch (stock unsquashfs) is installed, which cannot read vendor "
    "SquashFS variants (big-endian, vendor LZMA): run scripts/build-sasquatch.sh"
)


def write_shim(private_bin: Path) -> None:
    private_bin.mkdir(parents=True, exist_ok=True)
    for name in SHIM_NAMES:
        target = private_bin / name
        target.write_text(SHIM_SCRIPT)
        target.chmod(0o755)


def missing_tools(path: str) -> dict[str, str]:
    """Key extractor tools absent from `path`: name -> formats affected."""
    return {t: what for t, what in KEY_TOOLS.items() if shutil.which(t, path=path) is None}
