"""OpenPGP cleartext-signature verification of security.txt, with GnuPG.

gpg runs in a throw-away GNUPGHOME holding only the keys given, so the user's keyring
is never read or changed and a signature is valid only against those keys.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from psti.errors import ArtefactError

Status = Literal["valid", "bad", "unknown-key", "error", "unavailable"]
_TIMEOUT = 20.0
MAX_KEY_BYTES = 1024 * 1024


@dataclass(frozen=True)
class SignatureCheck:
    status: Status
    message: str
    fingerprint: str | None = None
    signer: str | None = None


def gpg_available() -> bool:
    return shutil.which("gpg") is not None


def verify_cleartext(content: bytes, key_files: list[Path]) -> SignatureCheck:
    """Verify a cleartext-signed message against the public keys in `key_files`."""
    gpg = shutil.which("gpg")
    if gpg is None:
        return SignatureCheck("unavailable", "gpg (GnuPG) is not installed; the signature was not verified")
    for key in key_files:
        try:
            if key.stat().st_size > MAX_KEY_BYTES:
                raise ArtefactError(f"{key}: over {MAX_KEY_BYTES:,} bytes; not an OpenPGP public key file")
        except OSError as e:
            raise ArtefactError(f"{key}: cannot read the key file: {e.strerror or e}") from None
    with tempfile.TemporaryDirectory(prefix="psti-gpg-") as home:
        os.chmod(home, 0o700)
        env = {**os.environ, "GNUPGHOME": home, "LC_ALL": "C"}
        base = [gpg, "--batch", "--no-tty", "--no-autostart", "--quiet"]
        try:
            for key in key_files:
                imported = subprocess.run([*base, "--import", str(key)], env=env, capture_output=True, timeout=_TIMEOUT)
                if imported.returncode != 0:
                    raise ArtefactError(
                        f"{key}: not an OpenPGP public key gpg can import: "
                        + imported.stderr.decode("utf-8", "replace").strip()[:300]
                    )
            msg = Path(home) / "security.txt.asc"
            msg.write_bytes(content)
            run = subprocess.run(
                [*base, "--status-fd", "1", "--verify", str(msg)],
                env=env,
                capture_output=True,
                timeout=_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return SignatureCheck("error", f"gpg did not finish within {_TIMEOUT:g}s")
        finally:
            _stop_agents(env)
    return _interpret(run.stdout.decode("utf-8", "replace"), run.stderr.decode("utf-8", "replace"))


def _interpret(status: str, stderr: str) -> SignatureCheck:
    tokens: dict[str, list[str]] = {}
    for line in status.splitlines():
        if line.startswith("[GNUPG:] "):
            parts = line[9:].split(" ")
            tokens.setdefault(parts[0], parts[1:])
    if "BADSIG" in tokens:
        signer = " ".join(tokens["BADSIG"][1:])
        return SignatureCheck("bad", f"BAD signature: the content was changed after signing (by {signer})")
    if "GOODSIG" in tokens and "VALIDSIG" in tokens:
        fpr = tokens["VALIDSIG"][0]
        signer = " ".join(tokens["GOODSIG"][1:])
        if "EXPKEYSIG" in tokens or "REVKEYSIG" in tokens:
            return SignatureCheck("bad", f"signed by an expired or revoked key {fpr}", fpr, signer)
        return SignatureCheck("valid", f"good signature by {signer} ({fpr})", fpr, signer)
    if "NO_PUBKEY" in tokens or ("ERRSIG" in tokens and tokens["ERRSIG"][-1:] == ["9"]):
        keyid = (tokens.get("NO_PUBKEY") or tokens.get("ERRSIG") or ["?"])[0]
        return SignatureCheck("unknown-key", f"signed by key {keyid}, which is not among the keys given")
    if "NODATA" in tokens:
        return SignatureCheck("error", "no OpenPGP signature data could be read")
    detail = stderr.strip().splitlines()[-1] if stderr.strip() else "no verdict from gpg"
    return SignatureCheck("error", f"the signature could not be checked: {detail[:300]}")


def _stop_agents(env: dict[str, str]) -> None:
    """gpg may start an agent for the temporary home; stop it before the home goes."""
    gpgconf = shutil.which("gpgconf")
    if gpgconf is None:
        return
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run([gpgconf, "--kill", "all"], env=env, capture_output=True, timeout=_TIMEOUT, check=False)
