"""Where the checks on a program should look, found in one pass over its bytes.

A binary is searched for prompt words (pass, pwd, login, in any case), for ':$' (an
embedded crypt hash), for '://' (a URL that may carry credentials) and for a PEM
private-key marker. Hyperscan (pyperscan, installed with unblob) finds them all in a
single pass at several GB/s; without it, bytes.find makes one pass per word, which on a
root file system of programs costs about twenty times as much.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

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


def find_triggers(data: bytes) -> Triggers:
    scanner = _database()
    if scanner is None:
        return find_triggers_plain(data)
    import pyperscan

    found = Triggers()
    prompts = found.prompts
    lengths = [len(w) for w in PROMPT_WORDS]
    n = len(PROMPT_WORDS)

    def hit(_ctx: object, tag: int, _start: int, end: int) -> Any:
        if tag < n:
            prompts.append(end - lengths[tag])  # literal patterns: the start is end - length
        elif tag == n:
            found.hash_marker = True
        elif tag == n + 1:
            found.url_marker = True
        else:
            found.key_marker = True
        return pyperscan.Scan.Continue

    scanner.build(None, hit).scan(data)
    prompts.sort()
    return found


def find_triggers_plain(data: bytes) -> Triggers:
    """The same answer with bytes.find: one pass per word."""
    low = data.lower()
    prompts: list[int] = []
    for word in PROMPT_WORDS:
        i = low.find(word)
        while i >= 0:
            prompts.append(i)
            i = low.find(word, i + 1)
    prompts.sort()
    return Triggers(prompts, HASH_MARKER in data, URL_MARKER in data, KEY_MARKER in data)


_DB: list[Any] = []  # the compiled database, built once per process; [None] if unavailable


def prepare() -> None:
    """Compile the search now (a forked process inherits it) rather than on first use."""
    _database()


def _database() -> Any:
    if not _DB:
        try:
            import pyperscan
        except ImportError:
            _DB.append(None)
        else:
            patterns = [pyperscan.Pattern(re.escape(w), pyperscan.Flag.CASELESS, tag=i)
                        for i, w in enumerate(PROMPT_WORDS)]
            patterns += [pyperscan.Pattern(re.escape(m), tag=len(PROMPT_WORDS) + i)
                         for i, m in enumerate(_MARKERS)]
            _DB.append(pyperscan.BlockDatabase(*patterns))
    return _DB[0]
