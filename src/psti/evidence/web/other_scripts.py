"""The languages read by `script_reader`, and the end a sentence in any of them states."""

from __future__ import annotations

from collections.abc import Callable

from psti.evidence.web.arabic import ARABIC
from psti.evidence.web.foreign import ForeignEnd
from psti.evidence.web.hebrew import HEBREW
from psti.evidence.web.script_reader import ScriptLanguage, script_end
from psti.evidence.web.thai import THAI

LANGUAGES: tuple[ScriptLanguage, ...] = (ARABIC, HEBREW, THAI)


def other_script_end(sentence: str, names_product: Callable[[str], bool] | None = None) -> ForeignEnd | None:
    """The end date a sentence in Arabic, Hebrew or Thai states, or None."""
    for language in LANGUAGES:
        if (end := script_end(sentence, language, names_product)) is not None:
            return end
    return None
