"""Firmware seed images, built from `seeds/firmware/tree` with the real filesystem tools.

Images are built when a run starts (they are a few KB each, but binary and tool-version
dependent, so the tree is what the repository keeps). Besides one image per installed
tool (SquashFS, cramfs, ext2, JFFS2, UBI with a UBIFS volume, and that UBI image cut
short), crafted images test the extraction guards: device nodes and FIFOs where account
databases belong, a gzip bomb, archive members that climb out with `../` or name an
absolute path, and links that lead outside the tree.
"""

from __future__ import annotations

import gzip
import io
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

SEEDS = Path(__file__).parent / "seeds" / "firmware"
TREE = SEEDS / "tree"
CANARY = "psti-fuzz-escape-canary"  # a name no run may create outside its work directory


def _run(argv: list[str]) -> bool:
    try:
        return subprocess.run(argv, capture_output=True, timeout=60, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _squashfs(out: Path, tree: Path, *pseudo: str) -> bool:
    extra: list[str] = []
    for p in pseudo:
        extra += ["-p", p]
    return _run(["mksquashfs", str(tree), str(out), "-noappend", "-quiet", "-all-root", *extra])


def build(dest: Path) -> list[Path]:
    """Build every seed image the installed tools allow into `dest`; the images made."""
    dest.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    def keep(path: Path, ok: bool) -> None:
        if ok and path.is_file() and path.stat().st_size > 0:
            made.append(path)

    if shutil.which("mksquashfs"):
        keep(dest / "plain.squashfs", _squashfs(dest / "plain.squashfs", TREE))
        # account databases replaced by a character device and a FIFO
        special = dest / "special-nodes.squashfs"
        bare = dest / "tree-bare"
        shutil.rmtree(bare, ignore_errors=True)
        shutil.copytree(TREE, bare)
        (bare / "etc" / "passwd").unlink()
        (bare / "etc" / "shadow").unlink()
        keep(special, _squashfs(special, bare, "etc/passwd c 644 0 0 1 3", "etc/shadow i 644 0 0 f"))
        # a link that leads outside the tree, and one through /etc to the host's shadow
        links = dest / "links.squashfs"
        keep(links, _squashfs(links, TREE, f"etc/escape s 777 0 0 ../../../../../../tmp/{CANARY}",
                              "etc/host-shadow s 777 0 0 /etc/shadow"))
    if shutil.which("mkfs.cramfs"):
        keep(dest / "plain.cramfs", _run(["mkfs.cramfs", str(TREE), str(dest / "plain.cramfs")]))
    if shutil.which("mke2fs"):
        img = dest / "plain.ext2"
        keep(img, _run(["mke2fs", "-q", "-F", "-t", "ext2", "-d", str(TREE), str(img), "1M"]))
    if shutil.which("mkfs.jffs2"):
        img = dest / "plain.jffs2"
        keep(img, _run(["mkfs.jffs2", "-q", "-r", str(TREE), "-o", str(img), "-e", "0x10000"]))
    if _tool("mkfs.ubifs") and _tool("ubinize"):
        ubi = dest / "plain.ubi"
        keep(ubi, _ubi(ubi, TREE, dest / "ubi-work"))
        if ubi in made:  # the same image cut short inside its volume: a truncated flash dump
            cut = dest / "truncated.ubi"
            cut.write_bytes(ubi.read_bytes()[: ubi.stat().st_size // 3])
            keep(cut, True)
    keep(dest / "traversal.tar", _traversal_tar(dest / "traversal.tar"))
    keep(dest / "traversal.zip", _traversal_zip(dest / "traversal.zip"))
    keep(dest / "bomb.gz", _bomb(dest / "bomb.gz"))
    keep(dest / "nested.tar.gz", _nested(dest / "nested.tar.gz", made))
    return made


def _tool(name: str) -> str | None:
    """mtd-utils install into /usr/sbin, which an unprivileged PATH may lack."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")


def _ubi(out: Path, tree: Path, work: Path) -> bool:
    """A UBI image (NAND flash: 2 KiB pages, 128 KiB erase blocks) holding one UBIFS volume."""
    work.mkdir(parents=True, exist_ok=True)
    ubifs = work / "rootfs.ubifs"
    mkfs = _tool("mkfs.ubifs") or "mkfs.ubifs"
    if not _run([mkfs, "-r", str(tree), "-m", "2048", "-e", "126976", "-c", "64", "-o", str(ubifs)]):
        return False
    cfg = work / "ubinize.cfg"
    cfg.write_text(f"[rootfs]\nmode=ubi\nimage={ubifs}\nvol_id=0\nvol_type=dynamic\n"
                   "vol_name=rootfs\nvol_flags=autoresize\n")
    ok = _run([_tool("ubinize") or "ubinize", "-o", str(out), "-m", "2048", "-p", "128KiB", "-s", "2048", str(cfg)])
    shutil.rmtree(work, ignore_errors=True)
    return ok


def _traversal_tar(out: Path) -> bool:
    with tarfile.open(out, "w") as tar:
        for name, data in (
            ("etc/passwd", (TREE / "etc" / "passwd").read_bytes()),
            (f"../../../../../../../tmp/{CANARY}", b"escaped\n"),
            (f"/tmp/{CANARY}-abs", b"escaped\n"),
            ("etc/shadow", (TREE / "etc" / "shadow").read_bytes()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("etc/hostlink")
        link.type = tarfile.SYMTYPE
        link.linkname = f"/tmp/{CANARY}-link"
        tar.addfile(link)
        dev = tarfile.TarInfo("dev/mem")
        dev.type = tarfile.CHRTYPE
        dev.devmajor, dev.devminor = 1, 1
        tar.addfile(dev)
    return True


def _traversal_zip(out: Path) -> bool:
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("etc/passwd", (TREE / "etc" / "passwd").read_bytes())
        z.writestr(f"../../../../../tmp/{CANARY}", b"escaped\n")
        z.writestr("etc/shadow", (TREE / "etc" / "shadow").read_bytes())
    return True


def _bomb(out: Path) -> bool:
    """2 GiB of zeros in about 2 MB: one 64 MiB gzip member repeated (gzip allows many)."""
    member = gzip.compress(bytes(64 << 20), compresslevel=9, mtime=0)
    with out.open("wb") as f:
        for _ in range(32):
            f.write(member)
    return True


def _nested(out: Path, made: list[Path]) -> bool:
    inner = next((p for p in made if p.suffix == ".squashfs"), None)
    if inner is None:
        return False
    with tarfile.open(out, "w:gz") as tar:
        tar.add(inner, arcname="firmware/rootfs.squashfs")
    return True
