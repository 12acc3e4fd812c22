"""Finding kinds the surveillance screens emit (documented from this table)."""

from __future__ import annotations

from psti.kinds import FindingKind, register_kinds

KINDS: dict[str, FindingKind] = {
    k.code: k
    for k in (
        FindingKind(
            code="SRV-FW-BAKED-HASH",
            title="Password hash built into a firmware image",
            checks=(
                "A surveillance screen of a firmware image (a tar archive's shadow/passwd files, or the "
                "raw bytes of an image) finds an account line with a crypt password hash."
            ),
            why=(
                "A hash in the image is shipped to every unit, so every unit accepts the same password: "
                "a universal default password, which Schedule 1 para 1(2) forbids unless the user sets it."
            ),
            how_to_fix=(
                "Ship images with locked accounts ('*' or '!') and set a unique password per unit at the "
                "factory, or require the user to choose one on first use."
            ),
            provisions=("PSTI-S1-1.2", "EN303645-5.1-1"),
        ),
    )
}

register_kinds(KINDS.values())
