"""Finding kinds of device probing."""

from __future__ import annotations

from psti.kinds import FindingKind, register_kinds

DEFAULT_LOGIN = FindingKind(
    code="DEV-DEFAULT-LOGIN",
    title="The device accepts a published or shipped default credential",
    checks=(
        "`psti probe` logged in to a network interface of the device (SSH, Telnet, FTP, HTTP Basic, Digest "
        "or form login, MQTT, RTSP) with a credential from the product's own firmware or from the public "
        "default-credential corpus, on a device in its factory default state."
    ),
    why=(
        "A password that is in the firmware image, or on a public list of defaults, is the same on every unit "
        "and known to anyone: a universal default password (Sch 1 para 1(2)) that is based on public "
        "information (para 1(3)(b)). EN 303 645 provision 5.1-1 forbids the same."
    ),
    how_to_fix=(
        "Give each unit its own password at the factory (random, or derived with a secret key), or make the "
        "user set one before the interface can be used; disable interfaces the product does not need."
    ),
    provisions=("PSTI-S1-1.2", "PSTI-S1-1.3.b", "EN303645-5.1-1"),
)
NO_PASSWORD = FindingKind(
    code="DEV-NO-PASSWORD",
    title="A network interface lets anyone in without a password",
    checks=(
        "An interface accepts a login or a connection with no password at all: SSH 'none' authentication, a "
        "telnet shell without a password prompt, anonymous FTP, an MQTT broker or RTSP stream that asks for "
        "no credentials."
    ),
    why=(
        "Sch 1 para 1 governs passwords; an interface that uses no password is outside it, so this does not "
        "fail the PSTI requirement by itself. It is still unauthenticated access to the device: EN 303 645 "
        "5.1 (authentication), 5.5 (secure communication) and 5.6 (minimised exposed attack surface) apply, "
        "and an officer will want to know."
    ),
    how_to_fix="Require authentication on every network interface that gives access to the device or its data.",
    provisions=("PSTI-S1-1.2",),
)
NOT_FOUND = FindingKind(
    code="DEV-NO-DEFAULT-ACCEPTED",
    title="No default credential was accepted",
    checks="Every attempt on the interface was refused.",
    why=(
        "Refusals show only that the credentials tried are not accepted here; they do not show that the "
        "device's passwords are unique, which needs the factory's password records (psti creds)."
    ),
    how_to_fix="Nothing to fix for this interface.",
    provisions=("PSTI-S1-1.2",),
)
INCOMPLETE = FindingKind(
    code="DEV-PROBE-INCOMPLETE",
    title="An interface could not be fully probed",
    checks="The probe of an interface stopped early: lock-out signs, repeated errors or time-outs, or an interrupt.",
    why="The attempts that were not made say nothing either way.",
    how_to_fix="Probe again after the lock-out clears, with a lower --rate, or check the interface by hand.",
    provisions=("PSTI-S1-1.2",),
)

KINDS = {k.code: k for k in (DEFAULT_LOGIN, NO_PASSWORD, NOT_FOUND, INCOMPLETE)}
register_kinds(KINDS.values())
