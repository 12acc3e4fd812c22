"""Where the checks on a program should look, found in one pass over its bytes.

A binary is searched for prompt words (pass, pwd, login, in any case), for ':$' (an
embedded crypt hash), for '://' (a URL that may carry credentials) and for a PEM
private-key marker, all in a single pass (see `literals`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from psti.evidence.firmware.literals import Literals

PROMPT_WORDS = (b"pass", b"pwd", b"login")  # matched in any case
HASH_MARKER = b":$"
URL_MARKER = b"://"
KEY_MARKER = b"PRIVATE KEY-----"
_MARKERS = (HASH_MARKER, URL_MARKER, KEY_MARKER)


@dataclass
class Triggers:
    prompts: list[int] = field(default_factory=list)  # start offsets of prompt words, ascending
    hash_marker: bool = False
    url_marker: bool = False
    key_marker: bool = False


_SEARCH = Literals([*PROMPT_WORDS, *_MARKERS], caseless=[True] * len(PROMPT_WORDS) + [False] * len(_MARKERS))


def find_triggers(data: bytes) -> Triggers:
    found = Triggers()
    prompts = found.prompts
    lengths = [len(w) for w in PROMPT_WORDS]
    n = len(PROMPT_WORDS)

    def hit(tag: int, end: int) -> bool:
        if tag < n:
            prompts.append(end - lengths[tag])
        elif tag == n:
            found.hash_marker = True
        elif tag == n + 1:
            found.url_marker = True
        else:
            found.key_marker = True
        return False

    _SEARCH.scan(data, hit)
    prompts.sort()
    return found


def prepare() -> None:
    """Compile the search now (a forked process inherits it) rather than on first use."""
    _SEARCH.prepare()
