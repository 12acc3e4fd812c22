"""How strong a new password must be: 12 characters and hard to guess.

Guessability is zxcvbn's score (the same estimator the credential checks use), given the
account's e-mail and name so a password built from them scores low.
"""

from __future__ import annotations

import re

from zxcvbn_rs_py import zxcvbn

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: "safely unguessable: moderate protection from offline slow-hash scenario"


def problem(password: str, *context: str) -> str | None:
    """Why the password is refused, or None when it is strong enough."""
    if len(password) < MIN_LENGTH:
        return f"at least {MIN_LENGTH} characters"
    # the whole address or name, and each word of it ("pat", "research", "example")
    inputs = [c for c in context if c] + [w for c in context for w in re.split(r"[^0-9A-Za-z]+", c) if len(w) > 2]
    # zxcvbn counts each space as a brute-force guess, so words from the address joined by
    # spaces would score high: score the password without its separators as well.
    joined = re.sub(r"[\s._-]+", "", password[:100])
    rest = joined.lower()
    for w in sorted({w.lower() for w in inputs}, key=len, reverse=True):
        rest = rest.replace(w, "")
    if len(rest) < MIN_LENGTH // 2:
        return "built from your e-mail address or name: use words that have nothing to do with them"
    result = min((zxcvbn(pw, inputs) for pw in {password[:100], joined} if pw), key=lambda r: int(r.score))
    if int(result.score) < MIN_SCORE:
        hint = result.feedback.warning if result.feedback and result.feedback.warning else None
        why = f" ({hint})" if hint else ""
        return f"too easy to guess{why}: use a longer passphrase of unrelated words"
    return None
