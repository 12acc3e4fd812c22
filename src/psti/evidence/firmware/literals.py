"""Find many byte strings in one pass over a buffer (Hyperscan, through pyperscan).

bytes.find makes one pass per string; on a root file system of programs the searches
the firmware checks need (prompt words, markers, the magics of nested formats) cost
about twenty times as much that way. The database is compiled once per process, on
first use or by `prepare()`, so processes forked afterwards inherit it.
"""

from __future__ import annotations

import mmap
from collections.abc import Callable, Sequence

import pyperscan

# (index of the literal, offset just past its match) -> True to stop the search
OnMatch = Callable[[int, int], bool]


class Literals:
    """A fixed set of byte strings, each matched exactly or ignoring ASCII case."""

    def __init__(self, literals: Sequence[bytes], caseless: Sequence[bool] = ()) -> None:
        self.literals = tuple(literals)
        self.caseless = tuple(caseless) or (False,) * len(self.literals)
        self._db: pyperscan.BlockDatabase | None = None

    def prepare(self) -> None:
        """Compile the database now rather than on first use."""
        if self._db is None:
            self._db = pyperscan.BlockDatabase(*(
                # \xNN escapes: a literal may hold any byte, including NUL and metacharacters
                pyperscan.Pattern(b"".join(b"\\x%02x" % c for c in literal),
                                  *([pyperscan.Flag.CASELESS] if nocase else []), tag=i)
                for i, (literal, nocase) in enumerate(zip(self.literals, self.caseless, strict=True))))

    def scan(self, data: bytes | mmap.mmap, on_match: OnMatch) -> None:
        """Call on_match for every occurrence of every literal in data, in order of end offset."""
        self.prepare()
        assert self._db is not None
        stop, go = pyperscan.Scan.Terminate, pyperscan.Scan.Continue

        def hit(_ctx: object, tag: int, _start: int, end: int) -> pyperscan.Scan:
            return stop if on_match(tag, end) else go

        self._db.build(None, hit).scan(data)
