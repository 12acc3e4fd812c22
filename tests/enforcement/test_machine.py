"""Every transition of the workflow data, from every state: allowed, refused, and why."""

from __future__ import annotations

import dataclasses

import pytest

from psti.enforcement.machine import GUARDS, CaseFacts, NoticeFacts, TransitionRefused, check_transition
from psti.enforcement.workflow import load_workflow

WF = load_workflow()
STATES = [s.id for s in WF.states]
PAIRS = [(s, t.id) for s in STATES for t in WF.transitions]

LIVE_NOTICE = NoticeFacts(1, "compliance", "issued")
LIVE_PENALTY = NoticeFacts(2, "penalty", "issued")
PENALTY_INTENT = NoticeFacts(3, "penalty", "intent")


def satisfying(state: str, guards: tuple[str, ...]) -> CaseFacts:
    notices: list[NoticeFacts] = []
    pending = 0
    for g in guards:
        if g in ("enforcement-notice-given", "enforcement-notice-in-effect"):
            notices.append(LIVE_NOTICE)
        elif g == "penalty-intent-given":
            notices.append(PENALTY_INTENT)
        elif g == "penalty-notice-in-effect":
            notices.append(LIVE_PENALTY)
        elif g == "appeal-pending":
            pending = 1
    return CaseFacts(state=state, notices=tuple(dict.fromkeys(notices)), pending_appeals=pending)


def violating(facts: CaseFacts, guard: str) -> CaseFacts:
    if guard in ("enforcement-notice-given", "enforcement-notice-in-effect"):
        return dataclasses.replace(facts, notices=tuple(n for n in facts.notices if n.kind != "compliance"))
    if guard == "penalty-intent-given":
        return dataclasses.replace(facts, notices=tuple(n for n in facts.notices if n.kind != "penalty"))
    if guard == "penalty-notice-in-effect":
        return dataclasses.replace(facts, notices=tuple(n for n in facts.notices if n != LIVE_PENALTY))
    if guard == "appeal-pending":
        return dataclasses.replace(facts, pending_appeals=0)
    if guard == "no-pending-appeal":
        return dataclasses.replace(facts, pending_appeals=1)
    if guard == "no-notice-in-effect":
        return dataclasses.replace(facts, notices=(*facts.notices, LIVE_NOTICE))
    if guard == "no-penalty-intent-outstanding":
        return dataclasses.replace(facts, notices=(*facts.notices, PENALTY_INTENT))
    raise AssertionError(f"no violation defined for guard {guard}")


def test_every_guard_has_a_test_case() -> None:
    for g in GUARDS:
        violating(CaseFacts(state="triage"), g)


@pytest.mark.parametrize(("state", "tid"), PAIRS, ids=[f"{s}--{t}" for s, t in PAIRS])
def test_transition_from_state(state: str, tid: str) -> None:
    t = WF.transition(tid)
    assert t is not None
    facts = satisfying(state, t.guards)
    if state in t.from_:
        assert check_transition(WF, facts, tid).to == t.to
        for g in t.guards:
            bad = violating(facts, g)
            with pytest.raises(TransitionRefused) as e:
                check_transition(WF, bad, tid)
            assert GUARDS[g](bad) in str(e.value) and t.citation in str(e.value)
    else:
        with pytest.raises(TransitionRefused) as e:
            check_transition(WF, facts, tid)
        assert f"not allowed from state {state!r}" in str(e.value)
        assert "Allowed from" in str(e.value)


def test_unknown_transition_refused_with_the_list() -> None:
    with pytest.raises(TransitionRefused, match="unknown transition 'fine'.*investigate"):
        check_transition(WF, CaseFacts(state="triage"), "fine")


def test_closed_is_terminal_but_can_resume() -> None:
    assert WF.state("closed").terminal
    assert [t.id for t in WF.transitions_from("closed")] == ["resume-investigation"]


def test_workflow_data_rejects_unknown_guard(tmp_path) -> None:
    from psti.enforcement.workflow import default_path
    from psti.errors import RegimeError

    text = default_path().read_text().replace('guards = ["appeal-pending"]', 'guards = ["judge-says-so"]')
    p = tmp_path / "wf.toml"
    p.write_text(text)
    with pytest.raises(RegimeError, match="unknown guard 'judge-says-so'"):
        load_workflow(p)
