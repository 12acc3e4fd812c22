"""Whether a sentence, subject or title is about a product other than the one read for.

Another model of the same line ("Pixel 7" on a page read for the Pixel 8), another variant of the
product's model code ("S10 Lite" for the Galaxy S10+), another release ("support continues in
1.5" for 1.6.0 LTS), a list item or numbered entry led by another name, a title naming another
model first, a sentence that turns to something else ("As for YouTube, …"), a subset of a maker's
products ("first generation devices") or another named thing stopped. An end in such words is
not the product's; the page reader and the parse reader both ask.
"""

from __future__ import annotations

import re

from psti.evidence.web.dates import DATE
from psti.evidence.web.product_names import VARIANTS, names_product, plain_words
from psti.evidence.web.support_tree import COMMON_ACRONYMS

# a subject that picks out some of a maker's products: "Support for first generation devices",
# "older models", "legacy products": their end is not the product's when they do not name it
_SUBSET = re.compile(
    r"\b(?:first|second|third|1st|2nd|3rd|earlier|older|previous|prior|legacy|original)[\s-]+"
    r"(?:generation\s+|gen\s+)?(?:devices|models|products|boxes|units|hardware|versions|generations?)\b",
    re.I,
)


_MAKERS_SERVICE = re.compile(
    r"^\s*access\s+to\s+(?:the\s+)?[\w&' ]{0,40}\b(?:store|bookstore|eshop|services?|cloud|servers?)\s*$", re.I
)


def other_named_thing(stopped: str, terms: tuple[str, ...]) -> bool:
    """A stop of a named thing that is not the product ("discontinued support for its “Cloud Cam”"
    on a page read for the Echo Connect)."""
    if _MAKERS_SERVICE.match(stopped):
        return False  # "access to the Barnes & Noble bookstore": the maker's service, named by the maker
    undated = DATE.sub(" ", stopped)  # "access from 31st January 2024": a month names no thing
    capitalised = {w.lower() for w in re.findall(r"[^\W\d_][\w+]*", undated) if w[:1].isupper()}
    # (a determiner capitalised at a sentence's start names nothing: "This project")
    capitalised -= {"the", "its", "their", "our", "all", "for", "on", "from", "of", "this", "these", "that", "those",
                    "a", "an", "your", "my"}  # fmt: skip
    product = set(plain_words(" ".join(terms)).split())
    return bool(capitalised) and not capitalised & product and not names_product(terms, stopped, brand_needed=False)


def other_subset(subject: str, terms: tuple[str, ...]) -> bool:
    """The subject picks out some products ("first generation devices") that the product's own
    name does not place it among (not for "first generation BT Vision set-top boxes")."""
    m = _SUBSET.search(subject)
    product = set(plain_words(" ".join(terms)).split())
    return (
        m is not None
        # ("users of these older models" points back at the models named before)
        and not re.search(r"\b(?:these|those|such)\s+$", subject[: m.start()], re.I)
        and not (
            set(plain_words(m.group(0)).split())
            - {"devices", "models", "products", "boxes", "units", "hardware", "versions"}
        )
        <= product
    )


def other_model(subject: str, terms: tuple[str, ...]) -> bool:
    """A subject naming a model that is not the product: a word outside the product's name that
    is a model code ("F5", "12T"), or a number or capitalised word beside a number ("Pixel 7"
    for the Pixel 8, "Note 12 Pro+" for the Note 12 5G); not "70 Pro — Security" for the
    edge 70 Pro, whose other words are ordinary."""
    product = set(plain_words(" ".join(terms)).split())
    words = re.findall(r"[\w+]+", re.sub(r"\s+\+", "+", subject))

    def number(w: str) -> bool:
        return w.isdigit() and len(w) <= 4 and not re.fullmatch(r"(?:19|20)\d\d", w)

    for i, w in enumerate(words):
        if w.lower() in product:
            continue
        beside = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
        if re.fullmatch(r"(?=\w*\d)(?=\w*[a-z])[\w+]+", w, re.I) and not re.fullmatch(
            r"[2-5]G|[48]K|\d+(?:st|nd|rd|th|s|p)", w, re.I
        ):
            return True
        if number(w) and any(b[:1].isupper() for b in beside):
            return True
        if (
            w.isalpha()
            and w.isupper()
            and 2 <= len(w) <= 5
            and w not in COMMON_ACRONYMS
            and i + 1 < len(words)
            and words[i + 1].lower() not in product
        ):
            # "PSP commerce functionality" on a page read for the PS3; not a maker alone ("LG will
            # end …") nor a maker before the product's own name ("AVM FRITZ!Box")
            return True
        if w[:1].isupper() and any(number(b) for b in beside):
            return True
    return False


def names_other_variant(s: str, terms: tuple[str, ...]) -> bool:
    """The sentence names another variant of the product's model code ("the S10 Lite" on a page
    read for the Galaxy S10+)."""
    for term in terms:
        for code in re.finditer(r"\b(?P<base>[a-z]{1,3}\d{1,4})[a-z+]*", term):
            base = code.group("base")
            for m in re.finditer(rf"\b{base}([a-z+]*)(?:\s+({VARIANTS}))?\b", s, re.I):
                said = (base + m.group(1) + (" " + m.group(2) if m.group(2) else "")).lower()
                if said != code.group(0) and said not in term and (m.group(1) or m.group(2)):
                    return True
    return False


# an item led by a model's name before brackets or a colon: "Google Pixel 6 series (launched …): …"
_ITEM_LEAD = re.compile(r"^\W{0,3}(?P<lead>[A-Z][\w+-]*(?:[ /][\w+-]+){0,5}?)\s*[(:]")


# an entry of a list of products, a name and its year alone: "2. Insteon (2022)", "Insteon (2022)"
_LISTED_ENTRY = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s+)?(?P<lead>[A-Z][\w+&'’!-]*(?:\s+[A-Z0-9][\w+&'’!-]*){0,4})\s*\((?:19|20)\d\d\)\s*$"
)


def led_by_another(s: str, terms: tuple[str, ...]) -> bool:
    """A list item led by the name of a model that is not the product, or a numbered entry naming
    another product."""
    if (entry := _LISTED_ENTRY.match(s)) is not None:
        return not names_product(terms, entry.group("lead"))
    m = _ITEM_LEAD.match(s)
    return m is not None and other_model(m.group("lead"), terms) and not names_product(terms, m.group("lead"))


def named_after_another(terms: tuple[str, ...], title: str) -> bool:
    """The title names another model before the product ("Pixel Watch 3 Gets 3 Years Of Updates, How
    That Compares To Apple Watch"): the page is about that one, and the product only beside it."""
    at = [re.search(rf"\b{re.escape(t.split()[0])}\b", title, re.I) for t in terms if t.split()]
    first = min((m.start() for m in at if m), default=0)
    if _CODE_IN_BRACKETS.search(title[:first]):
        return False  # "Acme Cam 3 (model AC-300)": the brackets give the code of the name before them
    return first > 0 and other_model(title[:first], terms)


_CODE_IN_BRACKETS = re.compile(r"\(\s*(?:model|model\s+no\.?|model\s+number|type|ref\.?|sku)?\s*:?\s*$", re.I)


_AS_FOR = re.compile(r"^\W{0,3}(?:as\s+for|as\s+to|regarding|when\s+it\s+comes\s+to)\s+(?P<what>[^,]{1,60}),", re.I)


def turns_to_another(s: str, terms: tuple[str, ...]) -> bool:
    """ "As for YouTube, it will no longer be supported …": the sentence turns to a thing it names
    that is not the product."""
    m = _AS_FOR.match(s)
    return m is not None and not names_product(terms, m.group("what"), brand_needed=False)


def names_other_model(s: str, terms: tuple[str, ...]) -> bool:
    """The sentence names a model of the same line other than the product ("Pixel 7" on a
    page read for "Pixel 8"): the product's first word, then within three words a model number."""
    for term in terms:
        words = term.split()
        if not words or not words[0].isalpha():
            continue
        for m in re.finditer(rf"\b{re.escape(words[0])}\b((?:[\s-]+[\w+]+){{1,3}})", s, re.I):
            run = [words[0]]
            for w in re.split(r"[\s-]+", m.group(1).strip()):
                run.append(w.lower())
                if any(ch.isdigit() for ch in w):
                    break
            else:
                continue
            candidate = " ".join(run)
            if candidate not in term and not term.startswith(candidate):
                return True
    return _names_other_release(s, terms)


_RELEASE_NUMBER = re.compile(r"\b\d+(?:\.\d+)+\b")
# a release named in a sentence: "support continues in 1.5", "for version 2.4", "v3.1"
_RELEASE_NAMED = re.compile(r"\b(?:in|for|on|version|release|v)\s*(?P<n>\d+(?:\.\d+)+)\b", re.I)


def _names_other_release(s: str, terms: tuple[str, ...]) -> bool:
    """A product named by its release number ("1.6.0 LTS") and a sentence about another release
    ("support continues in 1.5 through August 2026")."""
    ours = [m.group(0) for term in terms for m in _RELEASE_NUMBER.finditer(term)]
    if not ours:
        return False
    for m in _RELEASE_NAMED.finditer(s):
        n = m.group("n")
        if not any(r == n or r.startswith(n + ".") or n.startswith(r + ".") for r in ours):
            return True
    return False
