"""A snippet of a real page read as psti reads a fetched one: the helpers the real-format
regression tests (tests/evidence/web/test_heldout*_formats.py, test_support_tree.py) share."""

from __future__ import annotations

import datetime as dt

from psti.evidence.web.pagetext import page_text
from psti.evidence.web.policy import PolicyAnalysis, analyse_policy
from psti.evidence.web.support_period import analyse_support_page


def policy(text: str, media: str = "text/plain") -> PolicyAnalysis:
    return analyse_policy(page_text(text.encode("utf-8"), media))


def ends(text: str, product: str | None = None, media: str = "text/plain") -> list[dt.date]:
    """The end dates a support page with this text gives for `product` (any, when None)."""
    return analyse_support_page(page_text(text.encode("utf-8"), media), (product,) if product else ()).end_dates()
