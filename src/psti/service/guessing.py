"""Guessing one account's password from many addresses, contained without locking the user out.

Each address already has its own sign-in limits (`deps.limit_sign_in`). On top of them,
failed sign-ins are counted per account from every address, in the shared `rate_counter`
table (so every server process sees the same counts). While an account has had more than
`login_guard[0]` failures in `login_guard[1]` seconds it is *guarded*: a sign-in for it is
refused with 429 and Retry-After, before its password is checked, unless it comes

- from an address the account signed in from successfully before (remembered for
  `known_address_days`), or
- from an address with a clean record: no failed sign-in, for any account, in this window
  or the previous one.

A guesser spread over many addresses therefore gets about one guess per address per window
once the account is guarded, and a refused guess tells them nothing about the password.
The real user still signs in from an address they used before, or from any address that
has not been failing; only an address that has itself been failing waits for its record
to clear. Nobody can lock an account by failing to sign in as it.
"""

from __future__ import annotations

import time

from psti.service.auth import RateLimiter
from psti.service.errors import TooManyRequests

ACCOUNT_FAILS = "login-fail-account"
ADDRESS_FAILS = "login-fail-ip"
KNOWN = "login-known"


def _account(email: str) -> str:
    return (email or "").strip().lower()[:200]


def check(limiter: RateLimiter, email: str, address: str, guard: tuple[int, int]) -> None:
    """Refuse (429) a sign-in for a guarded account from an address that is neither known
    for it nor clean; otherwise return."""
    limit, window = guard
    current, previous, into = limiter.slots(f"{ACCOUNT_FAILS}:{_account(email)}", window)
    if previous * (1 - into) + current < limit:
        return
    if limiter.remembered(f"{KNOWN}:{_account(email)}|{address}"):
        return
    here, before, _ = limiter.slots(f"{ADDRESS_FAILS}:{address}", window)
    if here == 0 and before == 0:
        return
    now = time.time()
    slot = int(now // window)
    clean_at = (slot + 2) * window if here else (slot + 1) * window  # when this address's failures age out
    seconds = max(1, int(clean_at - now) + 1)
    raise TooManyRequests(
        "this account has had many failed sign-ins from many addresses, so sign-ins for it are paused "
        f"from addresses that have been failing: try again in {seconds} s, or from an address you "
        "have signed in from before",
        seconds,
    )


def failed(limiter: RateLimiter, email: str, address: str, guard: tuple[int, int]) -> None:
    """Count a failed sign-in against the account and against the address."""
    window = guard[1]
    limiter.add(f"{ACCOUNT_FAILS}:{_account(email)}", window)
    limiter.add(f"{ADDRESS_FAILS}:{address}", window)


def succeeded(limiter: RateLimiter, email: str, address: str, known_days: int) -> None:
    """Remember the address as one this account signs in from."""
    limiter.remember(f"{KNOWN}:{_account(email)}|{address}", known_days * 86400)
