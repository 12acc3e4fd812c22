"""The product a page is about, when the user does not name it.

A first observation of a support page is recorded against a manufacturer and model
(Sch 1 para 3(6) asks that a published period is not shortened later); a page names them
in its structured data (schema.org Product), its title, a labelled product line, or
its first heading, in that order of trust.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from psti.evidence.web.pagetext import PageText

_GENERIC = re.compile(
    r"\b(?:support|security|updates?|policy|policies|home|products?|shop|store|lifecycle|end\s+of|"
    r"warranty|downloads?|welcome|about|contact|news|faq|statements?\s+of\s+compliance|compliance|"
    r"declarations?\s+of\s+conformity|conformity|psti)\b",
    re.I,
)
_MODEL_LIKE = re.compile(r"\b(?:[A-Za-z]+-?\d[\w-]*|\d+)\b")  # "Cam 3", "AC300", "X-10"
_TITLE_SPLIT = re.compile(r"\s+[-|–—:·]\s+|\s*\|\s*")


@dataclass(frozen=True)
class PageIdentity:
    """The product a page is about, read from structured data, its title or first heading."""

    manufacturer: str | None
    model: str | None
    terms: tuple[str, ...]
    source: str  # "structured data", "title", "labelled line", "heading" or ""


def page_identity(page: PageText, url: str | None = None) -> PageIdentity:
    if page.products:
        p = page.products[0]
        model = p.get("model") or p.get("mpn") or p.get("name")
        terms = tuple(dict.fromkeys(v for k in ("model", "mpn", "name") if (v := p.get(k))))
        maker = p.get("brand") or p.get("manufacturer") or _site_from_title(page.title) or _host(url)
        return PageIdentity(maker, model, terms, "structured data")
    parts = [x.strip() for x in _TITLE_SPLIT.split(page.title) if x.strip()]
    named = [x for x in parts if not _GENERIC.search(x) and len(x) <= 80]
    maker = _site_from_title(page.title) or _host(url)
    if named and maker and named[0] == maker and len(parts) == 2 and _MODEL_LIKE.search(maker):
        # "Statement of Compliance – Acme Cam 3": the part after a document's kind is the product
        maker = _host(url)
    if named and named[0] != maker:
        return PageIdentity(maker, named[0], (named[0],), "title")
    if labelled := _labelled_product(page.text):
        return PageIdentity(maker, labelled[0], labelled, "labelled line")
    heading = next((h for h in page.headings[:3] if not _GENERIC.search(h) and len(h) <= 80), None)
    if heading:
        return PageIdentity(maker, heading, (heading,), "heading")
    return PageIdentity(maker, None, (), "")


# a statement of compliance's own line for its product: "Product: Acme Plug Mini, model PM-1",
# "Model number: AC300" (not a table row, whose cells are joined by "|")
_PRODUCT_LINE = re.compile(
    r"^[ \t]*(?:product(?:[ \t]+(?:name|model))?|model(?:[ \t]+(?:name|number|no\.?))?|device(?:[ \t]+name)?)"
    r"[ \t]*:[ \t]*(?P<value>[^|:\n]{2,80}?)[ \t]*$",
    re.I | re.M,
)
_PRODUCT_PARTS = re.compile(r",\s*(?:(?:model|type)(?:\s+(?:number|no\.?))?\s*:?\s*)?|\s*[()]\s*", re.I)


def _labelled_product(text: str) -> tuple[str, ...]:
    """The names on the page's one labelled product line, or none when lines name several products."""
    values = {m.group("value").rstrip(".") for m in _PRODUCT_LINE.finditer(text)}
    if len(values) != 1:
        return ()
    return tuple(dict.fromkeys(x.strip() for x in _PRODUCT_PARTS.split(values.pop()) if len(x.strip()) >= 2))


def _site_from_title(title: str) -> str | None:
    """'Acme Cam 2 | Acme' -> 'Acme': the last part of a split title, when short."""
    parts = [x.strip() for x in _TITLE_SPLIT.split(title) if x.strip()]
    if len(parts) >= 2 and len(parts[-1]) <= 30 and not _GENERIC.search(parts[-1]):
        return parts[-1]
    return None


def _host(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    return host.removeprefix("www.") or None
