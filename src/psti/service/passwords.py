"""How strong a new password must be: 12 characters and hard to guess.

Guessability is zxcvbn's score (the same estimator the credential checks use), given the
account's e-mail and name so a password built from them scores low.
"""

from __future__ import annotations

from zxcvbn_rs_py import zxcvbn

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: "safely unguessable: moderate protection from offline slow-hash scenario"


def problem(password: str, *context: str) -> str | None:
    """Why the password is refused, or None when it is strong enough."""
    if len(password) < MIN_LENGTH:
        return f"at least {MIN_LENGTH} characters"
    inputs = [c for c in context if c] + [part for c in context for part in c.replace("@", " ").split() if part]
    result = zxcvbn(password[:100], inputs)
    if int(result.score) < MIN_SCORE:
        hint = result.feedback.warning if result.feedback and result.feedback.warning else None
        why = f" ({hint})" if hint else ""
        return f"too easy to guess{why}: use a longer passphrase of unrelated words"
    return None
