"""Discovery of collectors: entry points plus programmatic registration."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points

from psti.errors import PstiError
from psti.evidence.interface import Collector

ENTRY_POINT_GROUP = "psti.collectors"

_registered: dict[str, type[Collector]] = {}


def register(cls: type[Collector]) -> type[Collector]:
    """Register a collector class (usable as a decorator)."""
    _registered[cls.name] = cls
    return cls


def unregister(name: str) -> None:
    _registered.pop(name, None)


def collectors(names: Iterable[str] | None = None) -> dict[str, type[Collector]]:
    """Every known collector by name (or only those named: the others' plug-ins are not
    loaded, which saves their start-up time); programmatic registrations win over entry
    points."""
    wanted = None if names is None else set(names)
    found: dict[str, type[Collector]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if wanted is not None and ep.name not in wanted:
            continue
        try:
            cls = ep.load()
        except Exception as e:  # a broken plug-in must not take the tool down silently
            raise PstiError(f"collector plug-in {ep.name!r} ({ep.value}) failed to load: {e}") from e
        if not (isinstance(cls, type) and issubclass(cls, Collector)):
            raise PstiError(f"collector plug-in {ep.name!r} ({ep.value}) is not a Collector class")
        found[cls.name] = cls
    found.update(_registered if wanted is None else {n: c for n, c in _registered.items() if n in wanted})
    return dict(sorted(found.items()))
