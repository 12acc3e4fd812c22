"""Check digits that numeric default passwords and PINs carry (last digit of the string).

Each function takes the digits before the check digit and returns the check digit, or
None when the scheme has no digit for that body (mod-11 remainder 10).
"""

from __future__ import annotations

from collections.abc import Callable


def luhn(body: str) -> int | None:
    """Luhn (ISO/IEC 7812-1; IMEIs, card numbers): double every second digit from the right."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def wps(body: str) -> int | None:
    """Wi-Fi Protected Setup PIN checksum (Wi-Fi Simple Configuration, 8-digit PINs): weights
    3, 1, 3, … from the right of the 7-digit body, the digit that makes the sum 0 mod 10.
    The same rule gives the EAN/GTIN check digit, so it covers those too."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += (ord(ch) - 48) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def mod11(body: str) -> int | None:
    """Mod-11 with weights 2, 3, 4, … from the right (ISBN-10 style, without the X)."""
    total = sum((ord(ch) - 48) * (i + 2) for i, ch in enumerate(reversed(body)))
    c = (11 - total % 11) % 11
    return None if c == 10 else c


def digit_sum(body: str) -> int | None:
    """The sum of the digits mod 10 (the plainest mod-10 check)."""
    return sum(ord(ch) - 48 for ch in body) % 10


CHECKS: dict[str, Callable[[str], int | None]] = {
    "Luhn": luhn,
    "WPS/EAN mod-10 (weights 3,1)": wps,
    "mod-11": mod11,
    "digit sum mod 10": digit_sum,
}


def valid(password: str, check: Callable[[str], int | None]) -> bool:
    """Whether an all-digit password ends in its check digit."""
    if len(password) < 4 or not password.isdigit():
        return False
    return check(password[:-1]) == ord(password[-1]) - 48
