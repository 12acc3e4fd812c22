"""Is a product a relevant connectable product, and is it excepted, on a given date?

The connectability test follows the Act (ss.4-5, 54); the excepted products come from
the regime data (Schedule 3), so a new exception is a data change. Missing facts never
become guesses: the decision is `undetermined` with the exact questions to answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from psti.declaration import Declaration
from psti.model import ScopeDecision, ScopeReason
from psti.regime.conditions import evaluate
from psti.regime.loader import RegimeView
from psti.regime.models import Item

SCOPE_REGIME = "uk-psti"


def _question(view: RegimeView, fact: str) -> str:
    if fact in view.facts:
        return f"{view.facts[fact].question} [{fact}]"
    section, _, name = fact.partition(".")
    model = type(getattr(Declaration.model_construct(), section, None) or object)
    info = getattr(model, "model_fields", {}).get(name)
    text = (info.description if info and info.description else name.replace("_", " ")) + "?"
    return f"{text} [{fact}]"


def _cite(view: RegimeView, item_id: str, fallback: str) -> str:
    item = view.items.get(item_id)
    return item.citation if item else fallback


def _connectability(
    view: RegimeView, facts: dict[str, Any]
) -> tuple[bool | None, list[ScopeReason], set[str]]:
    """Condition A of s.4: internet- or network-connectable (s.5)."""
    internet = facts.get("connectivity.internet")
    if internet is True:
        return True, [
            ScopeReason(
                text="It can connect to the internet using an IP-suite protocol, so it is "
                "internet-connectable.",
                citation=_cite(view, "PSTI-ACT-s5.2", "PSTI Act 2022 s.5(1)-(2)"),
                item="PSTI-ACT-s5.2",
            )
        ], set()
    if internet is None:
        return None, [], {"connectivity.internet"}
    # Not internet-connectable: the network-connectable test of s.5(3)-(7).
    cite = _cite(view, "PSTI-ACT-s5.3", "PSTI Act 2022 s.5(3)-(8)")
    sends = facts.get("connectivity.sends_and_receives")
    first = facts.get("connectivity.ip_to_internet_connectable")
    multi = facts.get("connectivity.non_ip_multiple")
    non_ip_link = facts.get("connectivity.non_ip_to_internet_connectable")
    linked = facts.get("connectivity.linked_input_product")
    if sends is False:
        return False, [
            ScopeReason(text="It cannot both send and receive data, so it is not network-connectable.", citation=cite)
        ], set()
    second = None if None in (multi, non_ip_link) else bool(multi and non_ip_link)
    if multi is False or non_ip_link is False:
        second = False
    met = [c for c in (first, second, linked) if c is True]
    unknown: set[str] = set()
    if sends is None:
        unknown.add("connectivity.sends_and_receives")
    if met:
        if unknown:
            return None, [], unknown
        return True, [
            ScopeReason(
                text="It is not internet-connectable but meets a connectability condition, so it is "
                "network-connectable.",
                citation=cite,
                item="PSTI-ACT-s5.3",
            )
        ], set()
    if first is None:
        unknown.add("connectivity.ip_to_internet_connectable")
    if second is None:
        unknown |= {f for f, v in (("connectivity.non_ip_multiple", multi),
                                   ("connectivity.non_ip_to_internet_connectable", non_ip_link)) if v is None}
    if linked is None and second is not True:
        unknown.add("connectivity.linked_input_product")
    if unknown:
        return None, [], unknown
    return False, [
        ScopeReason(
            text="It is neither internet-connectable nor meets either connectability condition, so "
            "it is not a connectable product.",
            citation=cite,
        )
    ], set()


def _uk_consumer(view: RegimeView, facts: dict[str, Any]) -> tuple[bool | None, list[ScopeReason], set[str]]:
    """Act s.54: made available to UK consumers (or B2B where identical), and new."""
    cite = _cite(view, "PSTI-ACT-s54", "PSTI Act 2022 s.54")
    reasons: list[ScopeReason] = []
    unknown: set[str] = set()
    consumer = facts.get("product.consumer")
    if consumer is False:
        identical = facts.get("product.identical_to_consumer_product")
        if identical is False:
            return False, [ScopeReason(
                text="It is made available only to business customers and no identical product is "
                "made available to consumers (s.54 Condition B not met).", citation=cite)], set()
        if identical is None:
            unknown.add("product.identical_to_consumer_product")
        else:
            reasons.append(ScopeReason(
                text="It is sold to business customers, but identical products are made available to "
                "consumers (s.54 Condition B).", citation=cite, item="PSTI-ACT-s54"))
    elif consumer is None:
        unknown.add("product.consumer")
    previously = facts.get("product.previously_supplied")
    if previously is True:
        deemed_new = facts.get("product.returned_or_reconditioned")
        if deemed_new is False:
            return False, [ScopeReason(
                text="It was supplied to a customer before (second-hand) and is not treated as new by "
                "s.54(5)-(9), so it is not a UK consumer connectable product.", citation=cite)], set()
        if deemed_new is None:
            unknown.add("product.returned_or_reconditioned")
        else:
            reasons.append(ScopeReason(
                text="It was returned or reconditioned, so it is treated as never supplied (s.54(5)-(8)).",
                citation=cite))
    elif previously is None:
        unknown.add("product.previously_supplied")
    if unknown:
        return None, reasons, unknown
    if consumer is True:
        reasons.append(ScopeReason(text="It is made available to consumers in the UK, new.", citation=cite,
                                   item="PSTI-ACT-s54"))
    return True, reasons, set()


def _exception_applies(item: Item, facts: dict[str, Any]) -> tuple[bool | None, set[str]]:
    assert item.when is not None
    when = evaluate(item.when, facts)
    if when.value is False:
        return False, set()
    unless = evaluate(item.unless, facts) if item.unless is not None else None
    if when.value is None:
        return None, when.unknown | (unless.unknown if unless and unless.value is None else set())
    if unless is None or unless.value is False:
        return True, set()
    if unless.value is True:
        return False, set()
    return None, unless.unknown


DEFAULT_MARKETS = ("GB", "NI")  # the declaration's default: made available UK-wide
MARKET_NAMES = {"GB": "Great Britain", "NI": "Northern Ireland"}


def _markets(facts: dict[str, Any]) -> tuple[str, ...]:
    return tuple(facts.get("product.markets") or DEFAULT_MARKETS)


def _limited_to(item: Item) -> tuple[str, ...] | None:
    """The markets an exception is limited to (`limits.markets` or `limits.territory`), or
    None for an exception that applies wherever the product is made available."""
    limited = item.limits.get("markets") or item.limits.get("territory")
    if not limited:
        return None
    return (limited,) if isinstance(limited, str) else tuple(limited)


def _applies_in(item: Item, market: str, facts: dict[str, Any]) -> tuple[bool | None, set[str]]:
    """Does the exception take the product out of scope in one market? The exception's own
    test is evaluated as if the product were made available in that market alone."""
    limited = _limited_to(item)
    if limited is not None and market not in limited:
        return False, set()
    return _exception_applies(item, {**facts, "product.markets": (market,)})


@dataclass
class _Cover:
    """How the Schedule 3 exceptions cover each market the product is made available in."""

    by: dict[str, list[Item]]  # market -> exceptions that certainly cover it
    open: dict[str, set[str]]  # market -> facts that would settle whether one covers it

    def uncovered(self, markets: tuple[str, ...]) -> list[str]:
        return [m for m in markets if not self.by[m] and m not in self.open]


def _cover(exceptions: list[Item], markets: tuple[str, ...], facts: dict[str, Any]) -> _Cover:
    cover = _Cover(by={m: [] for m in markets}, open={})
    for market in markets:
        everywhere: set[str] = set()  # open facts of exceptions not limited to a market
        here: set[str] = set()  # open facts of exceptions limited to some markets
        for item in exceptions:
            applies, missing = _applies_in(item, market, facts)
            if applies is True:
                cover.by[market].append(item)
            elif applies is None:
                (here if _limited_to(item) is not None else everywhere).update(missing)
        # An open UK-wide exception is asked about first: its answer may settle every market.
        unknown = everywhere or here
        if not cover.by[market] and unknown:
            cover.open[market] = unknown
    return cover


def _exception_reasons(
    cover: _Cover, markets: tuple[str, ...], partial: Literal["no", "in-scope", "open"]
) -> list[ScopeReason]:
    """One reason per exception that covers a market, saying which markets it covers."""
    covering: dict[str, tuple[Item, list[str]]] = {}
    for market in markets:
        for item in cover.by[market]:
            covering.setdefault(item.id, (item, []))[1].append(market)
    reasons = []
    for item, where in sorted(covering.values(), key=lambda x: x[0].id):
        text = f"Excepted: {item.title}. {item.text}"
        if len(markets) > 1 and _limited_to(item) is not None:
            text += f" It covers {' and '.join(MARKET_NAMES.get(m, m) for m in where)}."
        if partial == "in-scope":
            text += (" This exception covers only some of the markets it is sold in, so the product "
                     "stays in scope elsewhere.")
        elif partial == "open" and len(where) < len(markets):
            text += (" This exception covers only some of the markets it is sold in; whether the "
                     "others are covered is not yet known.")
        reasons.append(ScopeReason(text=text, citation=item.citation, item=item.id))
    return reasons


def not_in_force(view: RegimeView) -> ScopeDecision:
    """The decision for a date before the regime took effect."""
    starts = min((i.effective_from for i in view.pending), default=None)
    when = f"; they apply from {starts.isoformat()}" if starts else ""
    return ScopeDecision(
        outcome="not-in-force",
        summary=f"The PSTI security requirements did not apply on {view.on.isoformat()}{when}.",
        reasons=tuple(
            ScopeReason(text=f"{i.title} takes effect on {i.effective_from.isoformat()}.", citation=i.citation)
            for i in view.pending
        ),
    )


def decide_scope(declaration: Declaration, view: RegimeView) -> ScopeDecision:
    """Decide scope under the view of the uk-psti regime on its date."""
    if not view.in_force:
        return not_in_force(view)
    facts = declaration.facts()
    reasons: list[ScopeReason] = []
    unknown: set[str] = set()

    connectable, why, missing = _connectability(view, facts)
    reasons += why
    unknown |= missing
    if connectable is False:
        return ScopeDecision(outcome="out-of-scope", summary="Not a relevant connectable product.",
                             reasons=tuple(reasons))

    # Schedule 3: excepted only when every market it is made available in is covered by
    # some exception (e.g. NI by para 1 and GB by para 6). A market no exception can cover
    # keeps it in scope, and then the open facts of the other markets are not worth asking.
    markets = _markets(facts)
    exceptions = sorted(view.of_kind("exception"), key=lambda i: i.id)
    cover = _cover(exceptions, markets, facts)
    if all(cover.by[m] for m in markets):
        return ScopeDecision(outcome="excepted", summary="An excepted product (Schedule 3): the "
                             "security requirements do not apply.",
                             reasons=tuple(reasons + _exception_reasons(cover, markets, partial="no")))
    if cover.uncovered(markets):
        reasons += _exception_reasons(cover, markets, partial="in-scope")
    else:
        reasons += _exception_reasons(cover, markets, partial="open")
        for missing in cover.open.values():
            unknown |= missing

    consumer, why, missing = _uk_consumer(view, facts)
    reasons += why
    unknown |= missing
    if consumer is False:
        return ScopeDecision(outcome="out-of-scope", summary="Not a UK consumer connectable product.",
                             reasons=tuple(reasons))
    if unknown:
        return ScopeDecision(
            outcome="undetermined",
            summary="Scope cannot be decided until these questions are answered in the declaration.",
            reasons=tuple(reasons),
            questions=tuple(_question(view, f) for f in sorted(unknown)),
        )
    reasons.append(ScopeReason(
        text="No Schedule 3 exception applies.",
        citation=_cite(view, "PSTI-S3", "SI 2023/1007 Sch 3"),
    ))
    return ScopeDecision(
        outcome="in-scope",
        summary="A relevant connectable product made available to UK consumers: the security "
        "requirements apply.",
        reasons=tuple(reasons),
    )
