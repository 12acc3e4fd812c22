"""The case state machine: is a transition allowed from here, given what the case holds?

Pure: takes the workflow data and a snapshot of the case, returns the transition or
raises `TransitionRefused` with the reason. Guards are named in the workflow data and
implemented here, each returning None when satisfied or the reason it is not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from psti.errors import PstiError

if TYPE_CHECKING:
    from psti.enforcement.workflow import Transition, Workflow

ENFORCEMENT_KINDS = ("compliance", "stop", "recall")
LIVE = ("issued", "varied")  # statuses in which a notice stands (subject to appeal)


class TransitionRefused(PstiError):
    """A transition the workflow (and so the Act) does not allow from the case's state."""


@dataclass(frozen=True)
class NoticeFacts:
    id: int
    kind: str
    status: str  # intent | issued | varied | revoked | cancelled
    appeal_pending: bool = False


@dataclass(frozen=True)
class CaseFacts:
    state: str
    notices: tuple[NoticeFacts, ...] = ()
    pending_appeals: int = 0
    extra: dict[str, object] = field(default_factory=dict)


Guard = Callable[[CaseFacts], str | None]


def _live(f: CaseFacts, kinds: tuple[str, ...]) -> list[NoticeFacts]:
    return [n for n in f.notices if n.kind in kinds and n.status in LIVE]


def _enforcement_notice_given(f: CaseFacts) -> str | None:
    if _live(f, ENFORCEMENT_KINDS):
        return None
    return "no compliance, stop or recall notice has been given in this case (issue one first: psti notice issue)"


def _penalty_intent_given(f: CaseFacts) -> str | None:
    if any(n.kind == "penalty" and n.status in ("intent", *LIVE) for n in f.notices):
        return None
    return "no notice of intent to give a penalty notice has been given (Act s.39(1)); give one first"


def _appeal_pending(f: CaseFacts) -> str | None:
    return None if f.pending_appeals else "no appeal is pending in this case (record one first: psti appeal lodge)"


def _no_pending_appeal(f: CaseFacts) -> str | None:
    if f.pending_appeals:
        return f"{f.pending_appeals} appeal(s) still pending; record the outcome first (psti appeal decide)"
    return None


def _enforcement_in_effect(f: CaseFacts) -> str | None:
    if _live(f, ENFORCEMENT_KINDS):
        return None
    return "no compliance, stop or recall notice stands after the appeal"


def _penalty_in_effect(f: CaseFacts) -> str | None:
    if _live(f, ("penalty",)):
        return None
    return "no penalty notice stands after the appeal"


def _no_notice_in_effect(f: CaseFacts) -> str | None:
    live = _live(f, (*ENFORCEMENT_KINDS, "penalty"))
    if live:
        ids = ", ".join(f"#{n.id} ({n.kind})" for n in live)
        return f"notice(s) {ids} still stand; the appeal did not cancel every notice"
    return None


def _no_penalty_intent_outstanding(f: CaseFacts) -> str | None:
    open_intents = [n for n in f.notices if n.kind == "penalty" and n.status == "intent"]
    if open_intents:
        ids = ", ".join(f"#{n.id}" for n in open_intents)
        return (
            f"penalty notice of intent {ids} is neither followed by a penalty notice nor withdrawn; "
            "give the penalty notice or revoke the intent first"
        )
    return None


GUARDS: dict[str, Guard] = {
    "enforcement-notice-given": _enforcement_notice_given,
    "penalty-intent-given": _penalty_intent_given,
    "appeal-pending": _appeal_pending,
    "no-pending-appeal": _no_pending_appeal,
    "enforcement-notice-in-effect": _enforcement_in_effect,
    "penalty-notice-in-effect": _penalty_in_effect,
    "no-notice-in-effect": _no_notice_in_effect,
    "no-penalty-intent-outstanding": _no_penalty_intent_outstanding,
}


def check_transition(wf: Workflow, facts: CaseFacts, transition_id: str) -> Transition:
    """The transition if the case may take it now; otherwise TransitionRefused with why."""
    t = wf.transition(transition_id)
    if t is None:
        known = ", ".join(x.id for x in wf.transitions)
        raise TransitionRefused(f"unknown transition {transition_id!r}; the workflow defines: {known}")
    if facts.state not in t.from_:
        allowed = ", ".join(x.id for x in wf.transitions_from(facts.state)) or "none (terminal)"
        raise TransitionRefused(
            f"transition {t.id!r} ({t.title}) is not allowed from state {facts.state!r}: it applies only "
            f"from {', '.join(t.from_)} ({t.citation}). Allowed from {facts.state!r}: {allowed}"
        )
    reasons = [r for g in t.guards if (r := GUARDS[g](facts))]
    if reasons:
        raise TransitionRefused(f"transition {t.id!r} refused ({t.citation}): " + "; ".join(reasons))
    return t


def available(wf: Workflow, facts: CaseFacts) -> list[tuple[Transition, str | None]]:
    """Each transition from the current state with the reason it is refused (None if allowed)."""
    out: list[tuple[Transition, str | None]] = []
    for t in wf.transitions_from(facts.state):
        reasons = [r for g in t.guards if (r := GUARDS[g](facts))]
        out.append((t, "; ".join(reasons) or None))
    return out
