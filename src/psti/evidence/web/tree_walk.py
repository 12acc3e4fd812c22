"""Walking a sentence's dependency tree: where a date hangs, what governs it, who its subject is.

The root of a date's tokens (`span_root`), the preposition that attaches it and the word it
attaches to (`date_attachment`), the chain of predicates above it (`predicate_levels`), a verb's
negation (`is_negated`), its clause and that clause's text, the nearest verb above a word, the
subject of a word's clause (`subject_of`, `governing_subject`) and whether that subject names a
model (`names_model`: "the F5", "Note 12 Pro 5G", not "it" or "the devices"). These read the
shape of the tree, not what ends support; every reader uses them, so they are kept apart from
the readers of wording.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from psti.evidence.web.tree_words import EXPECTING, PARTICLES, STOP_LEMMAS, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def bare_conjuncts(verb: Token) -> list[Token]:
    """The verbs joined to this one by "and" that have no subject or conjunction of their own."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.tag_.startswith("VB")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
    ]


def predicate_words(tok: Token, words: frozenset[str]) -> list[Token]:
    """The word of `words` a verb says through its complement ("be functional": "functional"), or the
    word itself."""
    if tok.lower_ in words:
        return [tok]
    return [c for c in tok.children if c.dep_ == "acomp" and c.lower_ in words]


def particle_objects(tok: Token) -> list[Token]:
    """What a verb's particle, read as a preposition, took as its object ("closed down the platform")."""
    return [
        g
        for pr in tok.children
        if pr.dep_ == "prep" and pr.lower_ in PARTICLES
        for g in pr.children
        if g.dep_ == "pobj"
    ]


_UNSUPPORTED = frozenset({"unsupported", "unmaintained"})


def _hedged(tok: Token) -> bool:
    """ "might be unsupported by 2027": a possibility, not a stop."""
    return any(c.dep_ == "aux" and c.lower_ in ("might", "may", "could") for c in tok.children)


def is_negated(tok: Token) -> bool:
    """'will no longer support', 'not guaranteed', 'won't receive'."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)):
            return True
        if c.dep_ == "advmod" and c.lower_ in ("never", "longer") and any(g.lower_ == "no" for g in c.subtree):
            return True
        if c.dep_ in ("acomp", "oprd") and c.lower_ in _UNSUPPORTED and not _hedged(tok):
            return True  # "will be unsupported from March 2025": the copula says support is withheld
        # "no software updates will be made available", "receive no more patches"
        # (and "there will be no updates after June 2016")
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in c.children
        ):
            return True
    # "has not been maintained or supported since 2019": a verb joined by "or" to a negated one, with no
    # subject or auxiliary of its own, shares its "not"
    return (
        tok.dep_ == "conj"
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in tok.head.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
        and any(c.dep_ == "neg" for c in tok.head.children)
    )


def span_root(doc: Doc | Span, start: int, end: int) -> Token | None:
    toks = [t for t in doc if t.idx < end and t.idx + len(t) > start]  # tokens overlapping the date
    if not toks:
        return None
    inside = set(t.i for t in toks)
    tops = [t for t in toks if t.head.i not in inside or t.head == t]
    if not tops:
        return toks[0]
    if tops[0].dep_ == "pobj":
        return tops[0]  # "shut down on 31st Dec 2022": the preposition's object, whatever the rest hangs on
    # "…, 31 January 2026, when support will also end" may be parsed with the day cut off from its
    # month: the word that holds most of the date stands for it
    return max(tops, key=lambda t: sum(1 for d in t.subtree if d.i in inside))


def clause_root(tok: Token) -> Token:
    """The verb (or the sentence root) whose clause holds the word."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") or t.head == t:
            return t
        t = t.head
    return t


def clause_text(verb: Token, strict: bool = False) -> str:
    """The clause of a verb, without the clauses joined to it that have their own subject
    (strict: without any verb joined to it, "stopping in 2019 … and stopping in 2020 …")."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("conj", "advcl", "relcl", "ccomp", "parataxis", "acl") and c.tag_.startswith("VB"):
                own = any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
                if strict or own:
                    continue
            stack.append(c)
    return tokens_text(sorted(out, key=lambda x: x.i))


def tokens_text(tokens: list[Token]) -> str:
    """Tokens in order as the page wrote them where they stand together ("end-of-life", not "end - of -
    life", so that words read across a hyphen still match), with a space where others were left out."""
    parts: list[str] = []
    for k, t in enumerate(tokens):
        if k:
            prev = tokens[k - 1]
            parts.append(prev.whitespace_ if prev.i == t.i - 1 else " ")
        parts.append(t.text)
    return "".join(parts)


def subtree_text(tok: Token) -> str:
    """A word with all the words under it, as the page wrote them (`tokens_text`)."""
    return tokens_text(list(tok.subtree))


def verb_above(tok: Token) -> Token:
    """The nearest verb at or above a word (at most four steps up), else the word reached."""
    v = tok
    for _ in range(4):
        if v.tag_.startswith("VB") or v.head == v:
            break
        v = v.head
    return v


def names_model(subject: list[Token], date_tokens: set[int]) -> bool:
    words = [t for t in subject if t.i not in date_tokens]
    return any(_model_code(t) or _acronym(t) for t in words) or (
        any(t.tag_ == "NNP" for t in words) and any(_model_number(t) for t in words)
    )


def governing_subject(tok: Token) -> list[Token]:
    """The subject of the clause that the word's clause is subordinate to ("after …", "when …")."""
    t = tok
    for _ in range(10):
        if t.tag_.startswith("VB") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return subject_of(t.head) if t.dep_ == "advcl" and t.head != t else []
        if t.head == t or t.dep_ in ("relcl", "ccomp"):
            return []
        t = t.head
    return []


def subject_of(tok: Token) -> list[Token]:
    """The subject of the clause a word sits in: up the tree to the first verb that has one
    ("the Xiaomi 12 series will be the first to lose support, reaching EOL in 2026": the series)."""
    t = tok
    for _ in range(10):
        if t.dep_ == "conj" and t.tag_ in ("NNP", "NNPS") and t.head.tag_.startswith("VB"):
            # "…, and the Pixel 5a 5G in August 2024": the subject of a clause whose verb is left out
            dated = {x.i for c in t.children if c.dep_ == "prep" for x in c.subtree}
            return [x for x in t.subtree if x.i not in dated]
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and not _opening_participle(c)), None)
        if subj is not None and t.tag_.startswith("VB"):
            return sorted(subj.subtree, key=lambda x: x.i)
        if t.dep_ == "acl" and t.tag_ in ("VBG", "VBN") and subj is None:
            # "…, with support for the previous version of Acme Home ending on 10 February 2026": a
            # participle's subject is the noun phrase it hangs from, up through its "of"/"for" links
            return noun_phrase_of(t)
        if t.head == t and not t.tag_.startswith("VB") and lemma(t) in STOP_LEMMAS:
            # "The Google Pixel 5 retires on October 2023" with "retires" taken for a noun: the words
            # before it that it took as its modifiers are the subject
            return sorted(
                (x for c in t.children if c.i < t.i and c.dep_ in ("nmod", "compound", "nummod") for x in c.subtree),
                key=lambda x: x.i,
            )
        if t.head == t or t.dep_ in ("relcl", "ccomp"):
            return []
        t = t.head
    return []


def _opening_participle(tok: Token) -> bool:
    """ "Associated with Yocto Project 5.0 (LTS), maintained until April 2028": a participle opening
    the clause, taken for a noun or made the subject, is none."""
    return (
        tok.tag_ in ("NNP", "NN", "VBN", "VBD")
        and tok.lower_.endswith("ed")
        and any(c.dep_ == "prep" for c in tok.children)
        and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children)
    )


def noun_phrase_of(participle: Token) -> list[Token]:
    """The whole noun phrase a participle modifies, without the participle's own words."""
    noun = participle.head
    while True:
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.tag_.startswith("NN"):
            noun = noun.head.head
        elif noun.dep_ in ("conj", "acl") and noun.tag_.startswith("NN") and noun.head.tag_.startswith("NN"):
            # the last of a list ("Support for the app store, …, and voice replies ceased"), up to its
            # first member, also when the parser hung a member on another as a clause
            noun = noun.head
        else:
            break
    own = {x.i for x in participle.subtree}
    return sorted((x for x in noun.subtree if x.i not in own), key=lambda x: x.i)


_NETWORK = re.compile(r"^(?:[2-5]G|[48]K|\d{3,4}p|\d{4})$", re.I)  # "5G", "4K", "1080p", a year


# capitals that are not a product's name (shared with support_period)
COMMON_ACRONYMS = frozenset(
    {"OS", "TV", "UK", "US", "USA", "EU", "AI", "IT", "API", "USB", "HD", "UHD", "PC", "IOT", "EOL", "LTS", "CEO",
     "FAQ", "PT", "ET", "GMT", "UTC", "BST", "CET", "AM", "PM", "SMS", "GPS", "LTE", "NFC", "PSTI", "ETSI",
     "VR", "AR", "XR", "HDMI", "SIM", "CPU", "GPU", "SSD", "RAM", "ISP", "DSL", "EPG", "SDK", "VPN", "DNS", "GA"}
)  # fmt: skip


def _acronym(tok: Token) -> bool:
    """A proper noun in capitals that names a product line: "PSP", "NAS" (not "TV" or "EOL")."""
    w = tok.text
    return (
        tok.tag_ == "NNP"
        and tok.dep_ in ("compound", "nmod", "amod")  # a modifier ("PSP commerce"), not a maker as the subject
        and w.isalpha()
        and w.isupper()
        and 2 <= len(w) <= 5
        and w not in COMMON_ACRONYMS
    )


def _model_code(tok: Token) -> bool:
    """Letters and digits in one word: "F5", "12T", "S24", "CFI-1216A"; not "5G", "4K" or "3rd"."""
    w = tok.text
    return (
        any(ch.isdigit() for ch in w)
        and any(ch.isalpha() for ch in w)
        and not _NETWORK.match(w)
        and not re.fullmatch(r"\d+(?:st|nd|rd|th|s)", w, re.I)
    )


def _model_number(tok: Token) -> bool:
    """A word that numbers a model: "12T", "F5", "S24", "7" after a name; not "5G" or a year."""
    return any(ch.isdigit() for ch in tok.text) and not _NETWORK.match(tok.text) and tok.tag_ in ("NNP", "NN", "CD")


# a clause that modifies the one above it ("come May 2020, … will no longer receive updates",
# "security updates stopping in 2019"); not a clause that merely sits inside another
# (a relative clause, a reported statement, a clause joined by "and")
_CLIMB = frozenset({"acl", "advcl", "xcomp", "acomp", "pcomp", "prep", "npadvmod", "pobj", "ccomp", "conj"})


def date_attachment(tok: Token) -> tuple[str, Token]:
    """The preposition that attaches a date ('' for none) and the word it attaches to."""
    gov = tok.head if tok.head != tok else tok
    if tok.dep_ == "npadvmod" and gov.lower_ == "come" and gov.i == tok.i - 1:
        return "come", gov  # "come May 2020, … will no longer receive updates": from then on
    if tok.dep_ == "npadvmod" and gov.lower_ == "effective" and gov.i == tok.i - 1 and gov.head != gov:
        return "effective", gov.head  # "…, effective February 16, 2026": what the clause does takes effect then
    if not (tok.dep_ in ("pobj", "pcomp") or (gov.dep_ in ("prep", "agent") and gov.pos_ == "ADP")):
        return "", gov
    prep = gov.lower_
    if prep == "of" and gov.head.lower_ == "as":  # "as of May 2020"
        gov, prep = gov.head, "as of"
    # "until the end of 2028", "by the last day of March 2030": the end of the date itself
    if prep == "of" and gov.head.lower_ in ("end", "last", "close", "day", "later"):
        inner = gov.head
        if inner.dep_ == "pobj" and (inner.head.pos_ == "ADP" or inner.head.tag_ == "IN"):
            gov, prep = inner.head, inner.head.lower_
    if prep == "to" and any(c.lower_ == "up" for c in gov.children) or prep == "up":
        prep = "until"  # "up to 2030"
    if prep == "including" and [t.lower_ for t in gov.doc[max(0, gov.i - 3) : gov.i]] == ["up", "to", "and"]:
        prep = "until"  # "up to and including 31 December 2029"
    return prep, (gov.head if gov.head != gov else gov)


_INTENT_NOUNS = frozenset({"decision", "plan", "plans", "intention", "choice"})


def dated_above(gov: Token, date: Token, date_tokens: set[int]) -> bool:
    """The verb above the date's own (event) verb has a date of its own: "after being acquired by Nest
    in 2014, the service was shut down in 2016" (2014 dates the acquisition)."""
    if gov.dep_ not in ("pcomp", "advcl", "xcomp") or gov.head == gov:
        return False
    above = gov.head.head if gov.dep_ == "pcomp" else gov.head
    return any(
        g.i in date_tokens and g.i != date.i
        for p in above.children
        if p.dep_ == "prep" and p.i != gov.head.i
        for g in p.children
        if g.dep_ == "pobj"
    )


def predicate_levels(gov: Token, effective: bool = False) -> list[tuple[list[Token], Token, bool]]:
    """The predicate chain of a word and the clauses above it: (words, clause head) per level.
    A clause that modifies another ("come May 2020, … will no longer receive updates", "security
    updates stopping in 2019") is read together with the one it modifies."""
    out: list[tuple[list[Token], Token, bool]] = []
    t = gov
    joined = False  # reached through "and": the clause above lends its subject, not its negation
    for _ in range(3):
        verb = clause_root(t)
        chain = [t]
        u = t
        for _ in range(8):
            if u == verb or u.head == u:
                break
            u = u.head
            chain.append(u)
        up = verb
        for _ in range(3):  # "will stop receiving", "not be eligible to receive"
            if up.dep_ in ("xcomp", "acomp", "auxpass", "aux") and up.head != up:
                up = up.head
                chain.append(up)
            else:
                break
        # "intends to drop all support", "plans to end updates": the verb it governs
        down = [c for v in chain for c in v.children if c.dep_ == "xcomp" and c.tag_.startswith("VB")]
        # "In 2025, we expect Roku to no longer support the PAL SDK": the dated expectation is of the verb
        # it governs (not "in May, Acme announced …", which dates the announcement)
        down += [
            c
            for v in chain
            if v.lower_ in EXPECTING
            for c in v.children
            if c.dep_ == "ccomp" and c.tag_.startswith("VB")
        ]
        # "as of April 30, HBO made the decision to discontinue support": from a date on, the verb the
        # decision names (not "in May, Acme announced its plan to end …", which dates the announcement)
        down += [
            a
            for v in chain
            if effective and lemma(v) in ("make", "made", "take", "took")
            for n in v.children
            if n.dep_ == "dobj" and n.lower_ in _INTENT_NOUNS
            for a in n.children
            if a.dep_ == "acl" and a.tag_ == "VB"
        ]
        chain += [c for c in down if c not in chain]
        out.append((chain, up, joined))
        if up.dep_ not in _CLIMB or up.head == up:
            break
        joined = joined or up.dep_ == "conj"
        t = up.head
    return out


def head_phrase(verb: Token) -> str:
    """The noun phrase a relative clause describes, without the clause."""
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
        return " ".join(t.text for t in noun_phrase_of(verb))  # "support for the old version ending …"
    inside = {t.i for t in verb.subtree}
    return " ".join(t.text for t in verb.head.subtree if t.i not in inside)
