"""The law and the standards as versioned data."""

from psti.regime.loader import DEFAULT_REGIME, RegimeLibrary, RegimeView, library
from psti.regime.models import Fact, Instrument, Item, RegimeFile

__all__ = [
    "DEFAULT_REGIME",
    "Fact",
    "Instrument",
    "Item",
    "RegimeFile",
    "RegimeLibrary",
    "RegimeView",
    "library",
]
