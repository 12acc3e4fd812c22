"""User-facing errors. The CLI maps every PstiError to exit code 2 with its message."""

from __future__ import annotations

from dataclasses import dataclass, field


class PstiError(Exception):
    """An error a person can act on: says what is wrong and where."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is and what is wrong."""

    message: str
    path: str = ""  # dotted field path, e.g. "product.category"
    file: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        parts = [p for p in (where, self.path) if p]
        prefix = ": ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message


@dataclass
class InputError(PstiError):
    """One or more problems in a user-supplied file."""

    problems: list[Problem] = field(default_factory=list)
    summary: str = "invalid input"

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [f"{self.summary} ({len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}):"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class RegimeError(PstiError):
    """A regime data file is missing or fails validation."""


class UsageError(PstiError):
    """Wrong options or arguments."""


class ArtefactError(PstiError):
    """An artefact named by a declaration or on the command line cannot be read."""
