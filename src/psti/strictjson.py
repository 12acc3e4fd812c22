"""JSON read with bounds, and with one meaning for every document.

`json.loads` accepts what other parsers read differently or cannot read at all:
duplicate keys (Python keeps the last, others the first), NaN and Infinity, numbers
too big for a double, and `\\u` escapes naming lone surrogates, which are not
characters and cannot be written as UTF-8. It also recurses once per nesting level and
turns a 5,000-digit integer into an error only after the work. `loads` here refuses
all of these with a `JsonLimitError` saying which.
"""

from __future__ import annotations

import json
import math
from itertools import chain
from typing import Any

MAX_DEPTH = 64
MAX_INT_DIGITS = 100


class JsonLimitError(ValueError):
    """The JSON is well-formed but outside what psti reads (a message says what)."""


def depth(text: str, stop_at: int = MAX_DEPTH) -> int:
    """Deepest nesting of [ and { outside strings; stops counting past `stop_at`. Linear."""
    if "[" not in text and text.count("{") <= 1:
        return text.count("{")
    level = deepest = 0
    in_string = escaped = False
    for c in text:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            level += 1
            if level > deepest:
                deepest = level
                if deepest > stop_at:
                    return deepest
        elif c in "]}":
            level -= 1
    return deepest


def _int(text: str, limit: int) -> int:
    if len(text.lstrip("-")) > limit:
        raise JsonLimitError(f"a number of {len(text.lstrip('-')):,} digits (at most {limit} are read)")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonLimitError(f"the number {text[:40]} is too large to represent")
    return value


def _constant(name: str) -> Any:
    raise JsonLimitError(f"{name} is not a JSON value")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise JsonLimitError(f"the key {dup[:80]!r} appears twice in one object")
    return out


def has_surrogate(obj: Any) -> bool:
    """Whether any string (key or value) in a parsed document holds a lone surrogate."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(chain(item.keys(), item.values()))
        elif isinstance(item, list):
            stack.extend(item)
    return False


def loads(
    text: str | bytes,
    *,
    max_depth: int = MAX_DEPTH,
    max_int_digits: int = MAX_INT_DIGITS,
    unique_keys: bool = True,
) -> Any:
    """Parse JSON; json.JSONDecodeError for bad syntax, JsonLimitError for the rest."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")  # UnicodeDecodeError is the caller's to report
    found = depth(text, max_depth)
    if found > max_depth:
        raise JsonLimitError(f"nested too deeply (more than {max_depth} levels)")
    try:
        obj = json.loads(
            text,
            parse_int=lambda s: _int(s, max_int_digits),
            parse_float=_float,
            parse_constant=_constant,
            object_pairs_hook=_unique_keys if unique_keys else None,
        )
    except RecursionError:  # not reached after the depth check; kept as a last bound
        raise JsonLimitError("nested too deeply") from None
    if "\\u" in text and has_surrogate(obj):
        raise JsonLimitError("a \\u escape names a lone surrogate, which is not a character")
    return obj
